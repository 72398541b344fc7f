// SPDX-License-Identifier: GPL-3.0-or-later
// The one /ByteRange shape a PDF signature may have: [0 a b c] around exactly its /Contents.
#include "signing/SignedByteRange.h"

#include <QtTest>

using sohoa::signing::SignedByteRange;

namespace {

// "head" + <contents as hex> + "tail": the gap is bytes 4..11.
const QByteArray kContents = QByteArray::fromHex("c0ffee");
const QByteArray kFile = "head<c0ffee>tail";

} // namespace

class TestSignedByteRange : public QObject
{
    Q_OBJECT

private slots:
    void theRangesAroundTheContentsAreWellFormed()
    {
        const SignedByteRange range(kFile, {0, 4, 12, 4}, kContents);
        QVERIFY(range.wellFormed());
        QCOMPARE(range.end(), qint64{16});
        const std::vector<QByteArrayView> parts = range.parts();
        QCOMPARE(parts.size(), std::size_t{2});
        QCOMPARE(parts[0].toByteArray(), QByteArray("head"));
        QCOMPARE(parts[1].toByteArray(), QByteArray("tail"));
    }

    void aRangeCoveringLessThanTheWholeFileIsStillWellFormed()
    {
        // A later update follows the signed revision.
        QVERIFY(SignedByteRange(kFile + "more", {0, 4, 12, 4}, kContents).wellFormed());
    }

    void otherShapesAreRefused_data()
    {
        QTest::addColumn<QList<qint64>>("range");
        QTest::addColumn<QByteArray>("contents");
        QTest::newRow("not from byte 0") << QList<qint64>{1, 3, 12, 4} << kContents;
        QTest::newRow("gap one byte short") << QList<qint64>{0, 5, 12, 4} << kContents;
        QTest::newRow("gap holds other bytes")
            << QList<qint64>{0, 4, 12, 4} << QByteArray::fromHex("c0ffef");
        QTest::newRow("beyond the end of the file") << QList<qint64>{0, 4, 12, 5} << kContents;
        QTest::newRow("overlapping") << QList<qint64>{0, 4, 3, 4} << kContents;
        QTest::newRow("negative length") << QList<qint64>{0, 4, 12, -1} << kContents;
        QTest::newRow("three ranges") << QList<qint64>{0, 4, 12, 2, 14, 2} << kContents;
        QTest::newRow("one range") << QList<qint64>{0, 16} << kContents;
    }

    void otherShapesAreRefused()
    {
        QFETCH(QList<qint64>, range);
        QFETCH(QByteArray, contents);
        const SignedByteRange checked(kFile, {range.begin(), range.end()}, contents);
        QVERIFY(!checked.wellFormed());
        QVERIFY(checked.parts().empty());
        QCOMPARE(checked.end(), qint64{0});
    }

    void theGapMustBeHexDigits()
    {
        const QByteArray file = "head<c0ffe!>tail";
        QVERIFY(!SignedByteRange(file, {0, 4, 12, 4}, kContents).wellFormed());
    }
};

QTEST_APPLESS_MAIN(TestSignedByteRange)
#include "test_signed_byte_range.moc"
