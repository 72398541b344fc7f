// SPDX-License-Identifier: GPL-3.0-or-later
// Manual duplex: fronts in feed order, backs last sheet first, interleaved into the document;
// passes of different lengths are refused with a message.
#include "domain/UserError.h"
#include "usecases/ManualDuplexOrder.h"

#include <QTest>

using sohoa::usecases::ManualDuplexOrder;

class TestManualDuplexOrder : public QObject
{
    Q_OBJECT

private slots:
    void interleavesAStackOfFour()
    {
        // Sheets A B C D: the first pass reads A1 B1 C1 D1, the turned stack gives D2 C2 B2 A2.
        QList<int> fronts;
        QList<int> backs;
        for (int k = 1; k <= 4; ++k) {
            fronts << ManualDuplexOrder::frontPosition(k);
            backs << ManualDuplexOrder::backPosition(k, 4);
        }
        QCOMPARE(fronts, (QList<int>{1, 3, 5, 7}));
        QCOMPARE(backs, (QList<int>{8, 6, 4, 2}));
        ManualDuplexOrder::requireComplete(4, 4);
    }

    void refusesPassesOfDifferentLengths()
    {
        QVERIFY_THROWS_EXCEPTION(sohoa::UserError, ManualDuplexOrder::backPosition(4, 3));
        QVERIFY_THROWS_EXCEPTION(sohoa::UserError, ManualDuplexOrder::requireComplete(3, 2));
    }
};

QTEST_GUILESS_MAIN(TestManualDuplexOrder)
#include "test_manual_duplex_order.moc"
