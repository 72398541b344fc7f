// SPDX-License-Identifier: GPL-3.0-or-later
// The encodings around a token's raw mechanisms: the SHA-256 DigestInfo given to CKM_RSA_PKCS
// and the DER Ecdsa-Sig-Value made from CKM_ECDSA's r || s, read back with OpenSSL.
#include "domain/UserError.h"
#include "signing/SignatureEncoding.h"
#include "support/ErrorCapture.h"

#include <QtTest>
#include <openssl/bn.h>
#include <openssl/ecdsa.h>

using namespace sohoa;
using namespace sohoa::signing;
using sohoa::testing::thrownBy;

namespace {

QByteArray bignumBytes(const BIGNUM* number)
{
    QByteArray bytes(BN_num_bytes(number), '\0');
    BN_bn2bin(number, reinterpret_cast<unsigned char*>(bytes.data()));
    return bytes;
}

} // namespace

class TestSignatureEncoding : public QObject
{
    Q_OBJECT

private slots:
    void digestInfoIsTheRfc8017Encoding()
    {
        const QByteArray digest(32, '\x5a');
        QCOMPARE(SignatureEncoding::sha256DigestInfo(digest),
                 QByteArray::fromHex("3031300d060960864801650304020105000420") + digest);
    }

    void ecdsaValueHoldsRAndS_data()
    {
        QTest::addColumn<QByteArray>("r");
        QTest::addColumn<QByteArray>("s");
        // High bits set need a leading zero in DER; leading zero bytes are dropped.
        QTest::newRow("P-256, high bits") << QByteArray(32, '\xf1') << QByteArray(32, '\x80');
        QTest::newRow("P-256, leading zeros")
            << QByteArray(2, '\0') + QByteArray(30, '\x11') << QByteArray(32, '\x7f');
        QTest::newRow("P-384") << QByteArray(48, '\x23') << QByteArray(48, '\xc4');
    }

    void ecdsaValueHoldsRAndS()
    {
        QFETCH(QByteArray, r);
        QFETCH(QByteArray, s);
        const QByteArray der = SignatureEncoding::ecdsaDer(r + s);
        const auto* bytes = reinterpret_cast<const unsigned char*>(der.constData());
        ECDSA_SIG* signature = d2i_ECDSA_SIG(nullptr, &bytes, der.size());
        QVERIFY(signature != nullptr);
        QCOMPARE(bytes, reinterpret_cast<const unsigned char*>(der.constEnd()));
        const BIGNUM* readR = nullptr;
        const BIGNUM* readS = nullptr;
        ECDSA_SIG_get0(signature, &readR, &readS);
        const QByteArray gotR = bignumBytes(readR);
        const QByteArray gotS = bignumBytes(readS);
        ECDSA_SIG_free(signature);
        QCOMPARE(gotR.rightJustified(r.size(), '\0'), r);
        QCOMPARE(gotS.rightJustified(s.size(), '\0'), s);
    }

    void malformedTokenOutputIsRefused()
    {
        for (const QByteArray& raw : {QByteArray(), QByteArray(63, '\x01')}) {
            const auto error = thrownBy<UserError>([&] { SignatureEncoding::ecdsaDer(raw); });
            QVERIFY(error);
            QCOMPARE(error->kind(), ErrorKind::Processing);
        }
    }
};

QTEST_GUILESS_MAIN(TestSignatureEncoding)
#include "test_signature_encoding.moc"
