// SPDX-License-Identifier: GPL-3.0-or-later
// The officer's token through PKCS#11, on a real SoftHSM2 token: listing tokens and their
// certificates, RSA and EC signatures checked by OpenSSL, choosing the signing certificate, and,
// through the fault-injecting module in front of SoftHSM2, what a wrong PIN, a PIN counter, a
// locked token, a token pulled out mid-batch and a login per signature look like to the officer.
#include "domain/UserError.h"
#include "signing/Pkcs11Module.h"
#include "signing/Pkcs11ModuleLocator.h"
#include "signing/TokenCertificates.h"
#include "signing/TokenDirectory.h"
#include "signing/TokenKeySigner.h"
#include "signing/TokenSession.h"
#include "support/ErrorCapture.h"
#include "support/SoftHsmToken.h"
#include "support/TestCertificateAuthority.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

using namespace sohoa;
using namespace sohoa::signing;
using sohoa::storage::SecureBytes;
using sohoa::testing::CertificateRequest;
using sohoa::testing::SoftHsmToken;
using sohoa::testing::TestCertificateAuthority;
using sohoa::testing::thrownBy;

namespace {

const QByteArray kRsaId = QByteArrayLiteral("\x01");
const QByteArray kEcId = QByteArrayLiteral("\x02");

const QString kWrongPin = QStringLiteral("Wrong PIN; check it and try again.");
const QString kFewTries =
    QStringLiteral("Wrong PIN; only a few tries are left before the token locks.");
const QString kFinalTry = QStringLiteral("Wrong PIN; one try is left before the token locks.");
const QString kLocked =
    QStringLiteral("The token is locked; ask the certificate provider to unlock it.");
const QString kRemoved = QStringLiteral("The token was removed; plug it back in and sign again.");

SecureBytes pinOf(const QByteArray& pin)
{
    return SecureBytes::fromString(std::string_view(pin.constData(), pin.size()));
}

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(content), content.size());
}

// True when `signature` is the signature of `data` by the key certified in `certificateDer`.
bool verifies(const QByteArray& certificateDer, const QByteArray& data, const QByteArray& signature)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(certificateDer.constData());
    X509* certificate = d2i_X509(nullptr, &bytes, certificateDer.size());
    EVP_PKEY* key = certificate ? X509_get0_pubkey(certificate) : nullptr;
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    const bool valid =
        key && EVP_DigestVerifyInit(context, nullptr, EVP_sha256(), nullptr, key) == 1 &&
        EVP_DigestVerify(context, reinterpret_cast<const unsigned char*>(signature.constData()),
                         static_cast<size_t>(signature.size()),
                         reinterpret_cast<const unsigned char*>(data.constData()),
                         static_cast<size_t>(data.size())) == 1;
    EVP_MD_CTX_free(context);
    X509_free(certificate);
    return valid;
}

QByteArray sha256(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

// The UserError `action` throws; its absence fails the test (QtTest reports the exception).
template <typename Action> UserError refusalOf(Action&& action)
{
    std::optional<UserError> error = thrownBy<UserError>(std::forward<Action>(action));
    if (!error)
        throw std::runtime_error("expected a UserError, but the call succeeded");
    return *error;
}

} // namespace

class TestPkcs11Token : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> directory_;
    std::unique_ptr<SoftHsmToken> token_;
    std::unique_ptr<TestCertificateAuthority> authority_;

    QString path(const QString& name) const { return directory_->filePath(name); }

    // A key pair on the token with a certificate for it from the test CA; returns the certificate.
    QByteArray addSigningKey(const QByteArray& id, const QString& keyType,
                             CertificateRequest request = {})
    {
        request.publicKeyDer = token_->generateKeyPair(id, QStringLiteral("key"), keyType);
        const QByteArray certificate = authority_->issue(request).certificateDer;
        token_->storeCertificate(id, QStringLiteral("certificate"), certificate);
        return certificate;
    }

    std::shared_ptr<const Pkcs11Module> softHsm() const
    {
        return std::make_shared<const Pkcs11Module>(SoftHsmToken::modulePath());
    }

    // The fault-injecting module in front of SoftHSM2, obeying `control`.
    std::shared_ptr<const Pkcs11Module> faultShim(const QByteArray& control)
    {
        writeControl(control);
        qputenv("SOHOA_SHIM_CONTROL", path(QStringLiteral("shim-control")).toUtf8());
        return std::make_shared<const Pkcs11Module>(QStringLiteral(SOHOA_FAULT_SHIM));
    }

    void writeControl(const QByteArray& control)
    {
        writeFile(path(QStringLiteral("shim-control")), control);
    }

    unsigned long slotOf(const Pkcs11Module& module) const
    {
        return TokenDirectory::find(module, token_->label()).slotId;
    }

    std::unique_ptr<TokenKeySigner> signerOn(std::shared_ptr<const Pkcs11Module> module,
                                             const QByteArray& pin,
                                             const QByteArray& certificateId = {},
                                             const QList<QByteArray>& extraChain = {})
    {
        const unsigned long slot = slotOf(*module);
        return std::make_unique<TokenKeySigner>(std::move(module), slot, pinOf(pin), certificateId,
                                                extraChain);
    }

    void logIn(const std::shared_ptr<const Pkcs11Module>& module, const QByteArray& pin)
    {
        TokenSession(module, slotOf(*module)).login(pinOf(pin));
    }

    UserError loginRefusal(const std::shared_ptr<const Pkcs11Module>& module, const QByteArray& pin)
    {
        return refusalOf([&] { logIn(module, pin); });
    }

private slots:
    void init()
    {
        directory_ = std::make_unique<QTemporaryDir>();
        QVERIFY(directory_->isValid());
        token_ = std::make_unique<SoftHsmToken>(directory_->path());
        authority_ = std::make_unique<TestCertificateAuthority>();
    }

    void cleanup()
    {
        qunsetenv("SOHOA_SHIM_CONTROL");
        token_.reset();
        directory_.reset();
    }

    void listsTheTokenAndItsCertificates()
    {
        CertificateRequest request;
        request.commonName = QStringLiteral("Trần Thị Ký");
        request.organization = QStringLiteral("UBND phường Bến Nghé");
        request.notBefore = QDateTime(QDate(2024, 3, 1), QTime(8, 0), Qt::UTC);
        request.notAfter = QDateTime(QDate(2034, 2, 28), QTime(17, 0), Qt::UTC);
        addSigningKey(kRsaId, QStringLiteral("rsa:2048"), request);
        token_->storeCertificate(QByteArrayLiteral("\xca"), QStringLiteral("root"),
                                 authority_->certificateDer());
        const auto module = softHsm();
        QVERIFY(module->description().contains(QStringLiteral("SoftHSM")));

        const std::vector<TokenInfo> tokens = TokenDirectory::presentTokens(*module);
        QCOMPARE(tokens.size(), std::size_t{1});
        const TokenInfo& token = tokens.front();
        QCOMPARE(token.label, token_->label());
        QCOMPARE(token.manufacturer, QStringLiteral("SoftHSM project"));
        QCOMPARE(token.model, QStringLiteral("SoftHSM v2"));
        QVERIFY(!token.serialNumber.isEmpty());
        QVERIFY(token.loginRequired);
        QVERIFY(!token.protectedAuthenticationPath);
        QCOMPARE(token.pinState(), PinState::Normal);

        TokenSession session(module, token.slotId);
        session.login(pinOf(token_->userPin()));
        const std::vector<TokenCertificate> certificates = TokenCertificates::read(session);
        QCOMPARE(certificates.size(), std::size_t{2});
        const auto signer = std::find_if(certificates.begin(), certificates.end(),
                                         [](const auto& c) { return c.id == kRsaId; });
        QVERIFY(signer != certificates.end());
        QCOMPARE(signer->label, QStringLiteral("certificate"));
        QCOMPARE(signer->facts.subjectCommonName, request.commonName);
        QCOMPARE(signer->facts.subjectOrganization, request.organization);
        QCOMPARE(signer->facts.issuerCommonName, QStringLiteral("SoHoa Test Root CA"));
        QCOMPARE(signer->facts.notBefore, request.notBefore);
        QCOMPARE(signer->facts.notAfter, request.notAfter);
        QVERIFY(signer->facts.digitalSignature);
        QVERIFY(signer->facts.nonRepudiation);
        QVERIFY(!signer->facts.serialNumber.isEmpty());
        QVERIFY(signer->hasPrivateKey);
        QVERIFY(signer->canSign());

        const auto root = std::find_if(certificates.begin(), certificates.end(),
                                       [](const auto& c) { return c.id == "\xca"; });
        QVERIFY(root != certificates.end());
        QVERIFY(!root->hasPrivateKey);
        QVERIFY(!root->facts.meantForSigning()); // keyCertSign, cRLSign only
        QCOMPARE(TokenCertificates::issuersOf(*signer, certificates),
                 QList<QByteArray>{authority_->certificateDer()});
    }

    void signaturesVerifyWithTheCertificate_data()
    {
        QTest::addColumn<QString>("keyType");
        QTest::addColumn<KeyAlgorithm>("algorithm");
        QTest::newRow("RSA 2048") << QStringLiteral("rsa:2048") << KeyAlgorithm::Rsa;
        QTest::newRow("EC P-256") << QStringLiteral("EC:prime256v1") << KeyAlgorithm::Ecdsa;
    }

    void signaturesVerifyWithTheCertificate()
    {
        QFETCH(QString, keyType);
        QFETCH(KeyAlgorithm, algorithm);
        const QByteArray certificate = addSigningKey(kRsaId, keyType);
        token_->storeCertificate(QByteArrayLiteral("\xca"), QStringLiteral("root"),
                                 authority_->certificateDer());
        const QByteArray extra =
            TestCertificateAuthority(QStringLiteral("Other CA")).certificateDer();

        const auto signer = signerOn(softHsm(), token_->userPin(), {}, {extra});
        QCOMPARE(signer->algorithm(), algorithm);
        QCOMPARE(signer->certificateChain(),
                 (QList<QByteArray>{certificate, authority_->certificateDer(), extra}));
        for (const QByteArray& data : {QByteArrayLiteral("Hồ sơ số 000.00.01.H29-250101-0001"),
                                       QByteArrayLiteral("second document of the batch")}) {
            const QByteArray signature = signer->signSha256Digest(sha256(data));
            QVERIFY(verifies(certificate, data, signature));
            QVERIFY(!verifies(certificate, data + '.', signature));
        }
    }

    void wrongPinSaysHowTheTokenStands_data()
    {
        QTest::addColumn<QByteArray>("control");
        QTest::addColumn<QString>("message");
        QTest::newRow("no count reported") << QByteArray() << kWrongPin;
        QTest::newRow("count low") << QByteArrayLiteral("pin-count-low") << kFewTries;
        QTest::newRow("final try")
            << QByteArrayLiteral("pin-count-low\npin-final-try") << kFinalTry;
        QTest::newRow("locked") << QByteArrayLiteral("pin-locked") << kLocked;
    }

    void wrongPinSaysHowTheTokenStands()
    {
        QFETCH(QByteArray, control);
        QFETCH(QString, message);
        const UserError refusal = loginRefusal(faultShim(control), "999999");
        QCOMPARE(refusal.message(), message);
        QCOMPARE(refusal.kind(), ErrorKind::AccessDenied);
    }

    void pinCounterRunsDownToALockedToken()
    {
        const auto module = faultShim("pin-tries 3");
        QCOMPARE(TokenDirectory::find(*module, token_->label()).pinState(), PinState::Normal);
        QCOMPARE(loginRefusal(module, "999999").message(), kFewTries);
        QCOMPARE(loginRefusal(module, "999999").message(), kFinalTry);
        QCOMPARE(loginRefusal(module, "999999").message(), kLocked);
        QCOMPARE(TokenDirectory::find(*module, token_->label()).pinState(), PinState::Locked);
        // The right PIN no longer helps, and the signer says so too.
        QCOMPARE(loginRefusal(module, token_->userPin()).message(), kLocked);
        const UserError signerRefusal = refusalOf([&] { signerOn(module, token_->userPin()); });
        QCOMPARE(signerRefusal.message(), kLocked);
        QCOMPARE(signerRefusal.kind(), ErrorKind::AccessDenied);
    }

    void rightPinRestoresTheCounter()
    {
        const auto module = faultShim("pin-tries 3");
        QCOMPARE(loginRefusal(module, "999999").message(), kFewTries);
        logIn(module, token_->userPin());
        QCOMPARE(TokenDirectory::find(*module, token_->label()).pinState(), PinState::Normal);
        QCOMPARE(loginRefusal(module, "999999").message(), kFewTries);
    }

    void tokenPulledOutMidBatchAsksToPlugItBackIn()
    {
        const QByteArray certificate = addSigningKey(kEcId, QStringLiteral("EC:prime256v1"));
        const auto module = faultShim({});
        auto signer = signerOn(module, token_->userPin());
        QVERIFY(verifies(certificate, "one", signer->signSha256Digest(sha256("one"))));
        // Counted from the shim's start: the token goes after this batch's second signature.
        writeControl("remove-token-after-signs 2");
        QVERIFY(verifies(certificate, "two", signer->signSha256Digest(sha256("two"))));
        const UserError removed = refusalOf([&] { signer->signSha256Digest(sha256("3")); });
        QCOMPARE(removed.message(), kRemoved);
        QCOMPARE(removed.kind(), ErrorKind::Device);
        QVERIFY(TokenDirectory::presentTokens(*module).empty());
        signer.reset(); // logs out of and closes a session on a token that is gone

        writeControl({}); // plugged back in
        QCOMPARE(TokenDirectory::presentTokens(*module).size(), std::size_t{1});
        QVERIFY(verifies(certificate, "3",
                         signerOn(module, token_->userPin())->signSha256Digest(sha256("3"))));
    }

    void keyWantingAPinPerSignatureGetsOneLoginEach()
    {
        const QByteArray certificate = addSigningKey(kRsaId, QStringLiteral("rsa:2048"));
        const QString log = path(QStringLiteral("logins"));
        const auto module = faultShim("always-authenticate\nlogin-log " + log.toUtf8());
        const auto signer = signerOn(module, token_->userPin());
        constexpr int kSignatures = 5;
        for (int index = 0; index < kSignatures; ++index) {
            const QByteArray data = QByteArray::number(index);
            QVERIFY(verifies(certificate, data, signer->signSha256Digest(sha256(data))));
        }
        QFile file(log);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QStringList expected{QStringLiteral("user")};
        for (int index = 0; index < kSignatures; ++index)
            expected << QStringLiteral("context-specific");
        QCOMPARE(QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts),
                 expected);
    }

    // The check behind the previous test: the shim refuses a signature without that login.
    void keyWantingAPinPerSignatureRefusesToSignWithoutIt()
    {
        addSigningKey(kRsaId, QStringLiteral("rsa:2048"));
        const auto module = faultShim({});
        const auto signer = signerOn(module, token_->userPin()); // read as an ordinary key
        writeControl("always-authenticate");
        refusalOf([&] { signer->signSha256Digest(sha256("data")); });
    }

    void choosesTheSigningCertificate()
    {
        const QByteArray first = addSigningKey("\x01", QStringLiteral("EC:prime256v1"));
        CertificateRequest expired;
        expired.notBefore = QDateTime::currentDateTimeUtc().addYears(-3);
        expired.notAfter = QDateTime::currentDateTimeUtc().addDays(-1);
        addSigningKey("\x03", QStringLiteral("EC:prime256v1"), expired);
        CertificateRequest encryption;
        encryption.forSigning = false;
        addSigningKey("\x04", QStringLiteral("EC:prime256v1"), encryption);
        const auto module = softHsm();

        // Only one certificate is valid, meant for signing and backed by a key.
        QCOMPARE(signerOn(module, token_->userPin())->certificate().der, first);

        CertificateRequest second;
        second.commonName = QStringLiteral("Lê Văn Hai");
        const QByteArray secondCertificate =
            addSigningKey("\x02", QStringLiteral("EC:prime256v1"), second);
        const UserError ambiguous = refusalOf([&] { signerOn(module, token_->userPin()); });
        QCOMPARE(ambiguous.kind(), ErrorKind::InvalidInput);
        QCOMPARE(ambiguous.message(),
                 QStringLiteral("The token holds several valid signing certificates; choose one "
                                "by its ID: 01 (Nguyễn Văn Thử), 02 (Lê Văn Hai)."));

        const auto chosen = signerOn(module, token_->userPin(), "\x02");
        QCOMPARE(chosen->certificate().facts.subjectCommonName, second.commonName);
        QVERIFY(verifies(secondCertificate, "data", chosen->signSha256Digest(sha256("data"))));

        const auto refusal = [&](const QByteArray& id) {
            return refusalOf([&] { signerOn(module, token_->userPin(), id); });
        };
        QVERIFY(refusal("\x03").message().contains(QStringLiteral(" expired on ")));
        QVERIFY(refusal("\x04").message().contains(QStringLiteral("is not meant for signing")));
        QCOMPARE(refusal("\x05").kind(), ErrorKind::NotFound);
    }

    void loadingWhatIsNoModuleFailsClearly()
    {
        const QString text = path(QStringLiteral("notes.txt"));
        writeFile(text, "not a library");
        const UserError notLibrary = refusalOf([&] { Pkcs11Module module(text); });
        QCOMPARE(notLibrary.kind(), ErrorKind::InvalidInput);
        QCOMPARE(notLibrary.message(),
                 text + QStringLiteral(" is not a PKCS#11 token driver: it cannot be loaded as a "
                                       "library."));

        const QString zlib = QStringLiteral("/usr/lib/x86_64-linux-gnu/libz.so.1");
        const UserError notModule = refusalOf([&] { Pkcs11Module module(zlib); });
        QCOMPARE(notModule.kind(), ErrorKind::InvalidInput);
        QVERIFY(notModule.message().startsWith(zlib + QStringLiteral(" is a library but not a")));

        const UserError missing =
            refusalOf([&] { Pkcs11Module module(path(QStringLiteral("none.so"))); });
        QCOMPARE(missing.kind(), ErrorKind::NotFound);
    }

    void locatorListsConfiguredThenRegisteredModules()
    {
        const QString configured = QStringLiteral("/opt/vendor/libtoken-pkcs11.so");
        const std::vector<ModuleCandidate> candidates =
            Pkcs11ModuleLocator::candidates({configured, SoftHsmToken::modulePath()});
        QVERIFY(!candidates.empty());
        QCOMPARE(candidates.front().path, configured);
        QCOMPARE(candidates.front().source, ModuleCandidate::Source::Configured);
        // SoftHSM2 registers itself with p11-kit under its multiarch path, the same file as
        // the configured /usr/lib/softhsm link: listed once, as configured.
        QCOMPARE(std::count_if(candidates.begin(), candidates.end(),
                               [](const ModuleCandidate& candidate) {
                                   return candidate.path.endsWith(QLatin1String("libsofthsm2.so"));
                               }),
                 1);
        bool opensc = false;
        for (const ModuleCandidate& candidate : candidates) {
            QVERIFY(!candidate.path.contains(QLatin1String("p11-kit-trust")));
            if (candidate.name == QLatin1String("opensc-pkcs11")) {
                opensc = true;
                QCOMPARE(candidate.source, ModuleCandidate::Source::P11KitRegistry);
                QVERIFY(QFileInfo(candidate.path).isAbsolute());
            }
        }
        QVERIFY(opensc);
    }
};

QTEST_GUILESS_MAIN(TestPkcs11Token)
#include "test_pkcs11_token.moc"
