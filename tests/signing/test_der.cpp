// SPDX-License-Identifier: GPL-3.0-or-later
// The DER writer behind SoHoa's CMS: encodings checked byte for byte against X.690 examples
// and what OpenSSL writes, long lengths, and the DER order of SET OF.
#include "signing/Der.h"

#include <QtTest>

using namespace sohoa::signing;

class TestDer : public QObject
{
    Q_OBJECT

private slots:
    void objectIdentifiersUseBase128Arcs()
    {
        // id-signedData, and sha256 whose arc 840 and the first pair (2.16 -> 96) need care.
        QCOMPARE(der::objectIdentifier("1.2.840.113549.1.7.2").toHex(),
                 QByteArray("06092a864886f70d010702"));
        QCOMPARE(der::objectIdentifier("2.16.840.1.101.3.4.2.1").toHex(),
                 QByteArray("0609608648016503040201"));
    }

    void malformedObjectIdentifiersAreRefused()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, der::objectIdentifier("1"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, der::objectIdentifier("1.40"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, der::objectIdentifier("1.2..3"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, der::objectIdentifier("1.2.x"));
    }

    void integersAreMinimalAndPositive()
    {
        QCOMPARE(der::integer(0).toHex(), QByteArray("020100"));
        QCOMPARE(der::integer(1).toHex(), QByteArray("020101"));
        QCOMPARE(der::integer(127).toHex(), QByteArray("02017f"));
        QCOMPARE(der::integer(128).toHex(), QByteArray("02020080")); // a sign byte keeps it > 0
        QCOMPARE(der::integer(256).toHex(), QByteArray("02020100"));
    }

    void lengthsPastOneTwentySevenUseTheLongForm()
    {
        QCOMPARE(der::octetString(QByteArray(127, 'a')).left(2).toHex(), QByteArray("047f"));
        QCOMPARE(der::octetString(QByteArray(200, 'a')).left(3).toHex(), QByteArray("0481c8"));
        QCOMPARE(der::octetString(QByteArray(300, 'a')).left(4).toHex(), QByteArray("0482012c"));
        QCOMPARE(der::octetString(QByteArray(300, 'a')).size(), 304);
    }

    void setOfSortsItsElementsByEncoding()
    {
        const QByteArray small = der::integer(5);         // 02 01 05
        const QByteArray large = der::integer(300);       // 02 02 01 2c
        const QByteArray text = der::octetString("\x80"); // 04 01 80
        QCOMPARE(der::setOf({text, large, small}),
                 QByteArray::fromHex("310a") + small + large + text);
        QCOMPARE(der::setOf({small, large, text}), der::setOf({text, large, small}));
    }

    void tagsAreContextSpecificAndConstructed()
    {
        const QByteArray inner = der::sequence({der::null()});
        QCOMPARE(inner.toHex(), QByteArray("30020500"));
        QCOMPARE(der::explicitTag(0, inner).toHex(), QByteArray("a00430020500"));
        QCOMPARE(der::implicitTag(1, inner).toHex(), QByteArray("a1020500"));
        QCOMPARE(der::explicitTag(4, inner).left(1).toHex(), QByteArray("a4"));
    }
};

QTEST_GUILESS_MAIN(TestDer)
#include "test_der.moc"
