// SPDX-License-Identifier: GPL-3.0-or-later
// What the officer reads when a PKCS#11 call fails: each return value of the removal family,
// PIN states and device failures, and a wrong PIN judged by the token's flags after the refusal.
#include "domain/UserError.h"
#include "signing/TokenErrors.h"
#include "support/ErrorCapture.h"

#include <QtTest>

using namespace sohoa;
using namespace sohoa::signing;
using sohoa::testing::thrownBy;

Q_DECLARE_METATYPE(sohoa::ErrorKind)

namespace {

const QString kRemoved = QStringLiteral("The token was removed; plug it back in and sign again.");
const QString kLocked =
    QStringLiteral("The token is locked; ask the certificate provider to unlock it.");

UserError errorFor(CK_RV result)
{
    // value(): no error at all throws, which fails the test.
    return thrownBy<UserError>([result] { TokenErrors::raise(result, QStringLiteral("sign")); })
        .value();
}

UserError loginErrorFor(CK_RV result, const std::optional<TokenInfo>& after)
{
    return thrownBy<UserError>([&] { TokenErrors::raiseLoginRefused(result, after); }).value();
}

TokenInfo tokenWith(bool countLow, bool finalTry, bool locked)
{
    TokenInfo token;
    token.pinCountLow = countLow;
    token.pinFinalTry = finalTry;
    token.pinLocked = locked;
    return token;
}

} // namespace

class TestTokenErrors : public QObject
{
    Q_OBJECT

private slots:
    void successIsNoError() { TokenErrors::check(CKR_OK, QStringLiteral("sign")); }

    void eachFailureHasItsMessage_data()
    {
        QTest::addColumn<CK_RV>("result");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("device removed")
            << CK_RV{CKR_DEVICE_REMOVED} << ErrorKind::Device << kRemoved;
        QTest::newRow("session handle invalid")
            << CK_RV{CKR_SESSION_HANDLE_INVALID} << ErrorKind::Device << kRemoved;
        QTest::newRow("session closed")
            << CK_RV{CKR_SESSION_CLOSED} << ErrorKind::Device << kRemoved;
        QTest::newRow("token not present")
            << CK_RV{CKR_TOKEN_NOT_PRESENT} << ErrorKind::Device
            << QStringLiteral("No token is plugged in; plug in your signing token and try again.");
        QTest::newRow("device error")
            << CK_RV{CKR_DEVICE_ERROR} << ErrorKind::Device
            << QStringLiteral("The token reported a device error; "
                              "unplug it, plug it back in and try again.");
        QTest::newRow("PIN locked") << CK_RV{CKR_PIN_LOCKED} << ErrorKind::AccessDenied << kLocked;
        QTest::newRow("PIN expired")
            << CK_RV{CKR_PIN_EXPIRED} << ErrorKind::AccessDenied
            << QStringLiteral("The token's PIN has expired; change it with the token vendor's "
                              "tool, then sign again.");
        QTest::newRow("PIN incorrect") << CK_RV{CKR_PIN_INCORRECT} << ErrorKind::AccessDenied
                                       << QStringLiteral("Wrong PIN; check it and try again.");
    }

    void eachFailureHasItsMessage()
    {
        QFETCH(CK_RV, result);
        QFETCH(ErrorKind, kind);
        QFETCH(QString, message);
        const UserError error = errorFor(result);
        QCOMPARE(error.message(), message);
        QCOMPARE(error.kind(), kind);
    }

    void otherFailuresSayWhatFailedAndWhy()
    {
        const UserError error = errorFor(CKR_MECHANISM_INVALID);
        QCOMPARE(error.kind(), ErrorKind::Device);
        // The reason is p11-kit's description of the return value.
        QVERIFY(error.message().startsWith(QStringLiteral("The token could not sign: ")));
        QVERIFY(error.message().contains(QStringLiteral("mechanism")));
    }

    void wrongPinIsJudgedByTheFlagsReadAfterIt()
    {
        QCOMPARE(loginErrorFor(CKR_PIN_INCORRECT, std::nullopt).message(),
                 QStringLiteral("Wrong PIN; check it and try again."));
        QCOMPARE(loginErrorFor(CKR_PIN_INCORRECT, tokenWith(false, false, false)).message(),
                 QStringLiteral("Wrong PIN; check it and try again."));
        QCOMPARE(loginErrorFor(CKR_PIN_INCORRECT, tokenWith(true, false, false)).message(),
                 QStringLiteral("Wrong PIN; only a few tries are left before the token locks."));
        QCOMPARE(loginErrorFor(CKR_PIN_INCORRECT, tokenWith(true, true, false)).message(),
                 QStringLiteral("Wrong PIN; one try is left before the token locks."));
        // The try that locks the token is usually answered CKR_PIN_INCORRECT.
        QCOMPARE(loginErrorFor(CKR_PIN_INCORRECT, tokenWith(true, false, true)).message(), kLocked);
        QCOMPARE(loginErrorFor(CKR_PIN_LOCKED, tokenWith(false, false, false)).message(), kLocked);
        QCOMPARE(loginErrorFor(CKR_PIN_LOCKED, std::nullopt).kind(), ErrorKind::AccessDenied);
        QCOMPARE(loginErrorFor(CKR_DEVICE_REMOVED, std::nullopt).message(), kRemoved);
    }
};

QTEST_GUILESS_MAIN(TestTokenErrors)
#include "test_token_errors.moc"
