// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/DevCertificates.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>
#include <stdexcept>
#include <sys/stat.h>

namespace sohoa::hub {

namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Certificate = std::unique_ptr<X509, decltype(&X509_free)>;

constexpr long kDay = 24L * 3600;

void require(bool ok, const char* what)
{
    if (!ok)
        throw std::runtime_error(std::string("dev certificates: ") + what);
}

Key newKey()
{
    Key key(EVP_EC_gen("P-256"), &EVP_PKEY_free);
    require(key != nullptr, "cannot generate a P-256 key");
    return key;
}

void addExtension(X509* certificate, X509* issuer, int nid, const char* value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    require(extension != nullptr, "bad extension");
    X509_add_ext(certificate, extension, -1);
    X509_EXTENSION_free(extension);
}

// `issuer` null: self-signed by `key`.
Certificate issue(const char* commonName, EVP_PKEY* key, X509* issuer, EVP_PKEY* issuerKey,
                  long days, bool authority)
{
    Certificate certificate(X509_new(), &X509_free);
    X509_set_version(certificate.get(), 2);
    unsigned char serial[16];
    require(RAND_bytes(serial, sizeof serial) == 1, "no random serial");
    serial[0] &= 0x7f;
    BIGNUM* number = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate.get()));
    BN_free(number);
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -kDay);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), days * kDay);
    X509_NAME* name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("SoHoa dev hub"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(commonName), -1, -1, 0);
    X509_set_issuer_name(certificate.get(), issuer ? X509_get_subject_name(issuer) : name);
    X509_set_pubkey(certificate.get(), key);
    X509* signer = issuer ? issuer : certificate.get();
    if (authority) {
        addExtension(certificate.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
        addExtension(certificate.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        addExtension(certificate.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
        addExtension(certificate.get(), signer, NID_key_usage, "critical,digitalSignature");
        addExtension(certificate.get(), signer, NID_ext_key_usage, "serverAuth");
        addExtension(certificate.get(), signer, NID_subject_alt_name,
                     "IP:127.0.0.1,IP:::1,DNS:localhost");
    }
    addExtension(certificate.get(), signer, NID_subject_key_identifier, "hash");
    require(X509_sign(certificate.get(), issuerKey ? issuerKey : key, EVP_sha256()) > 0,
            "cannot sign");
    return certificate;
}

void writePem(const std::string& path, const std::function<int(BIO*)>& write, bool secret)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    require(write(bio.get()) == 1, "cannot encode PEM");
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    const std::string partial = path + ".part";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (secret)
            ::chmod(partial.c_str(), 0600);
        out.write(data, size);
        require(out.good(), "cannot write a certificate file");
    }
    std::filesystem::rename(partial, path);
}

} // namespace

TlsFiles DevCertificates::ensure(const std::string& directory)
{
    const std::filesystem::path dir(directory);
    TlsFiles files{(dir / "hub-ca.pem").string(), (dir / "hub-cert.pem").string(),
                   (dir / "hub-key.pem").string()};
    if (std::filesystem::exists(files.caCertificate) &&
        std::filesystem::exists(files.certificate) && std::filesystem::exists(files.privateKey))
        return files;

    const Key caKey = newKey();
    const Certificate ca = issue("SoHoa dev hub CA", caKey.get(), nullptr, nullptr, 3650, true);
    const Key serverKey = newKey();
    const Certificate server =
        issue("127.0.0.1", serverKey.get(), ca.get(), caKey.get(), 730, false);
    // Key first, CA last: a half-made set is made again on the next start.
    writePem(
        files.privateKey,
        [&](BIO* bio) {
            return PEM_write_bio_PrivateKey(bio, serverKey.get(), nullptr, nullptr, 0, nullptr,
                                            nullptr);
        },
        true);
    writePem(
        files.certificate, [&](BIO* bio) { return PEM_write_bio_X509(bio, server.get()); }, false);
    writePem(
        files.caCertificate, [&](BIO* bio) { return PEM_write_bio_X509(bio, ca.get()); }, false);
    return files;
}

} // namespace sohoa::hub
