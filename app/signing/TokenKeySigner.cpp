// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/TokenKeySigner.h"

#include "domain/UserError.h"
#include "signing/Pkcs11Module.h"
#include "signing/SignatureEncoding.h"
#include "signing/SigningCertificateChoice.h"
#include "signing/TokenErrors.h"
#include "signing/TokenObjects.h"
#include "signing/TokenSession.h"

#include <stdexcept>

namespace sohoa::signing {

namespace {

// Room for an RSA-8192 signature; a module asking for more is answered with what it asks.
constexpr CK_ULONG kSignatureCapacity = 1024;

QList<QByteArray> chainOf(const TokenCertificate& signer,
                          const std::vector<TokenCertificate>& onToken,
                          const QList<QByteArray>& extraChain)
{
    QList<QByteArray> chain{signer.der};
    for (const QByteArray& certificate : TokenCertificates::issuersOf(signer, onToken) + extraChain)
        if (!chain.contains(certificate))
            chain.append(certificate);
    return chain;
}

} // namespace

TokenKeySigner::TokenKeySigner(std::shared_ptr<const Pkcs11Module> module, unsigned long slotId,
                               storage::SecureBytes pin, const QByteArray& certificateId,
                               const QList<QByteArray>& extraChain, const QDateTime& now)
    : session_(std::make_unique<TokenSession>(std::move(module), slotId))
{
    session_->login(pin);
    const std::vector<TokenCertificate> onToken = TokenCertificates::read(*session_);
    certificate_ = SigningCertificateChoice::choose(onToken, certificateId, now);
    chain_ = chainOf(certificate_, onToken, extraChain);
    findPrivateKey();
    // Otherwise the PIN is wiped when `pin` goes out of scope, right after the login.
    if (alwaysAuthenticate_)
        pin_ = std::move(pin);
}

TokenKeySigner::~TokenKeySigner() = default;

void TokenKeySigner::findPrivateKey()
{
    const TokenObjects objects(*session_);
    CK_OBJECT_CLASS privateKey = CKO_PRIVATE_KEY;
    QByteArray id = certificate_.id;
    const std::vector<CK_OBJECT_HANDLE> keys =
        objects.find({{CKA_CLASS, &privateKey, sizeof privateKey},
                      {CKA_ID, id.data(), static_cast<CK_ULONG>(id.size())}});
    if (keys.empty()) // it was there when the certificates were read: the token went away
        TokenErrors::raise(CKR_DEVICE_REMOVED, {});
    privateKey_ = keys.front();
    const CK_KEY_TYPE keyType = objects.number(privateKey_, CKA_KEY_TYPE);
    if (keyType == CKK_RSA)
        algorithm_ = KeyAlgorithm::Rsa;
    else if (keyType == CKK_EC)
        algorithm_ = KeyAlgorithm::Ecdsa;
    else
        throw UserError(ErrorKind::InvalidInput,
                        tr("The key of %1 is neither RSA nor EC, so SoHoa cannot sign with it; "
                           "choose another certificate.")
                            .arg(certificate_.facts.subjectCommonName));
    alwaysAuthenticate_ = objects.flag(privateKey_, CKA_ALWAYS_AUTHENTICATE, false);
}

QByteArray TokenKeySigner::signSha256Digest(const QByteArray& digest)
{
    if (digest.size() != 32)
        throw std::invalid_argument("signSha256Digest needs a 32-byte SHA-256 digest");
    const Pkcs11Api& api = session_->module().api();
    const bool rsa = algorithm_ == KeyAlgorithm::Rsa;
    QByteArray input = rsa ? SignatureEncoding::sha256DigestInfo(digest) : digest;
    CK_MECHANISM mechanism{rsa ? CKM_RSA_PKCS : CKM_ECDSA, nullptr, 0};

    const QString action = tr("sign");
    TokenErrors::check(api->C_SignInit(session_->handle(), &mechanism, privateKey_), action);
    if (alwaysAuthenticate_)
        session_->loginForOperation(pin_);
    QByteArray signature(static_cast<qsizetype>(kSignatureCapacity), '\0');
    CK_ULONG length = kSignatureCapacity;
    const auto sign = [&] {
        return api->C_Sign(session_->handle(), reinterpret_cast<CK_BYTE*>(input.data()),
                           static_cast<CK_ULONG>(input.size()),
                           reinterpret_cast<CK_BYTE*>(signature.data()), &length);
    };
    CK_RV result = sign();
    if (result == CKR_BUFFER_TOO_SMALL) { // the operation stays active, with `length` set
        signature.resize(static_cast<qsizetype>(length));
        result = sign();
    }
    TokenErrors::check(result, action);
    signature.truncate(static_cast<qsizetype>(length));
    return rsa ? signature : SignatureEncoding::ecdsaDer(signature);
}

} // namespace sohoa::signing
