// SPDX-License-Identifier: GPL-3.0-or-later
// Where the signature stamp goes: top right of the page as a reader shows it, inside the crop
// box, turned with /Rotate so it reads upright, and under the stamps already there.
#include "pdf/StampPlacement.h"

#include <QtTest>

using namespace sohoa::pdf;

namespace {

constexpr double stampWidth = 200;
constexpr double stampHeight = 40;
const PdfRect cropped{60, 90, 520, 780}; // a crop box away from the origin

struct Expected
{
    PdfRect rect;
    std::array<double, 6> matrix;
};

} // namespace

Q_DECLARE_METATYPE(PageFrame)
Q_DECLARE_METATYPE(Expected)

class TestStampPlacement : public QObject
{
    Q_OBJECT

private slots:
    void placesTheStampAtTheDisplayedTopRight_data()
    {
        QTest::addColumn<PageFrame>("page");
        QTest::addColumn<Expected>("expected");
        constexpr double m = stampMargin;
        QTest::newRow("A4 upright")
            << PageFrame{{0, 0, 595, 842}, 0}
            << Expected{{595 - m - stampWidth, 842 - m - stampHeight, 595 - m, 842 - m},
                        {1, 0, 0, 1, 0, 0}};
        QTest::newRow("crop box") << PageFrame{cropped, 0}
                                  << Expected{{520 - m - stampWidth, 780 - m - stampHeight, 520 - m,
                                               780 - m},
                                              {1, 0, 0, 1, 0, 0}};
        // Turned clockwise by 90: the displayed top right is user space's top left corner, and
        // the displayed downward direction is user space's +x.
        QTest::newRow("rotate 90")
            << PageFrame{cropped, 90}
            << Expected{{60 + m, 780 - m - stampWidth, 60 + m + stampHeight, 780 - m},
                        {0, 1, -1, 0, 0, 0}};
        QTest::newRow("rotate 180")
            << PageFrame{cropped, 180}
            << Expected{{60 + m, 90 + m, 60 + m + stampWidth, 90 + m + stampHeight},
                        {-1, 0, 0, -1, 0, 0}};
        QTest::newRow("rotate 270")
            << PageFrame{cropped, 270}
            << Expected{{520 - m - stampHeight, 90 + m, 520 - m, 90 + m + stampWidth},
                        {0, -1, 1, 0, 0, 0}};
        QTest::newRow("rotate -90 is 270")
            << PageFrame{cropped, -90}
            << Expected{{520 - m - stampHeight, 90 + m, 520 - m, 90 + m + stampWidth},
                        {0, -1, 1, 0, 0, 0}};
    }

    void placesTheStampAtTheDisplayedTopRight()
    {
        QFETCH(PageFrame, page);
        QFETCH(Expected, expected);
        const StampPlacement placement = placeStamp(page, stampWidth, stampHeight, {});
        QCOMPARE(placement.rect.left, expected.rect.left);
        QCOMPARE(placement.rect.bottom, expected.rect.bottom);
        QCOMPARE(placement.rect.right, expected.rect.right);
        QCOMPARE(placement.rect.top, expected.rect.top);
        for (size_t i = 0; i < 6; ++i)
            QCOMPARE(placement.matrix[i] + 0.0, expected.matrix[i]); // + 0.0: -0 equals 0
    }

    void aSecondStampGoesBelowTheFirst()
    {
        const PageFrame page{{0, 0, 595, 842}, 0};
        const StampPlacement first = placeStamp(page, stampWidth, stampHeight, {});
        const StampPlacement second = placeStamp(page, 150, 30, {first.rect});
        QCOMPARE(second.rect.right, first.rect.right);
        QCOMPARE(second.rect.top, first.rect.bottom - stampGap);
        const StampPlacement third = placeStamp(page, 250, 30, {second.rect, first.rect});
        QCOMPARE(third.rect.top, second.rect.bottom - stampGap);
        QVERIFY(!third.rect.overlaps(first.rect) && !third.rect.overlaps(second.rect));
    }

    void belowMeansDownTheTurnedPage()
    {
        const PageFrame page{cropped, 90};
        const StampPlacement first = placeStamp(page, stampWidth, stampHeight, {});
        const StampPlacement second = placeStamp(page, stampWidth, stampHeight, {first.rect});
        QCOMPARE(second.rect.left, first.rect.right + stampGap);
        QCOMPARE(second.rect.top, first.rect.top);
    }

    void widgetsElsewhereDoNotMoveTheStamp()
    {
        const PageFrame page{{0, 0, 595, 842}, 0};
        const StampPlacement alone = placeStamp(page, stampWidth, stampHeight, {});
        const StampPlacement beside =
            placeStamp(page, stampWidth, stampHeight, {{20, 20, 220, 60}, {20, 790, 200, 830}});
        QCOMPARE(beside.rect.top, alone.rect.top);
        QCOMPARE(beside.rect.left, alone.rect.left);
    }
};

QTEST_APPLESS_MAIN(TestStampPlacement)
#include "test_stamp_placement.moc"
