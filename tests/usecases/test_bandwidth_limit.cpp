// SPDX-License-Identifier: GPL-3.0-or-later
// The sync bandwidth cap's token bucket on a clock the test moves: bytes within one second's
// allowance pass at once, more are paid for by waiting exactly as long as the cap asks, an idle
// period refills at most one second, and the upload chunk follows the cap.
#include "sync/BandwidthLimit.h"

#include <QTest>

using sohoa::sync::BandwidthLimit;
using namespace std::chrono;

class TestBandwidthLimit : public QObject
{
    Q_OBJECT

    steady_clock::time_point now_{};
    microseconds slept_{0};

    BandwidthLimit limit(int kbps)
    {
        return BandwidthLimit(
            kbps, [this] { return now_; },
            [this](microseconds wait) {
                slept_ += wait;
                now_ += wait;
            });
    }

private slots:
    void init()
    {
        now_ = steady_clock::time_point{};
        slept_ = microseconds{0};
    }

    void noCapNeverWaits()
    {
        BandwidthLimit unlimited = limit(0);
        unlimited.take(1'000'000'000);
        QCOMPARE(slept_.count(), 0);
    }

    // 800 kbit/s is 100 000 bytes a second; the bucket starts full.
    void burstsUpToOneSecondThenWaits()
    {
        BandwidthLimit capped = limit(800);
        capped.take(100'000);
        QCOMPARE(slept_.count(), 0);
        capped.take(50'000);
        QCOMPARE(duration_cast<milliseconds>(slept_).count(), 500);
    }

    void sustainedTrafficRunsAtTheCap()
    {
        BandwidthLimit capped = limit(800);
        for (int i = 0; i < 100; ++i)
            capped.take(10'000); // 1 MB in all: 1 s from the full bucket, 9 s waited
        QCOMPARE(duration_cast<milliseconds>(slept_).count(), 9000);
    }

    void idleTimeRefillsAtMostOneSecond()
    {
        BandwidthLimit capped = limit(800);
        capped.take(100'000);
        now_ += minutes(10);
        capped.take(150'000);
        QCOMPARE(duration_cast<milliseconds>(slept_).count(), 500);
    }

    void theChunkIsAboutTwentySecondsAtTheCap()
    {
        QCOMPARE(BandwidthLimit::uploadChunkBytes(0), 1024LL * 1024);
        QCOMPARE(BandwidthLimit::uploadChunkBytes(20), 64LL * 1024);       // 50 000 B → floor
        QCOMPARE(BandwidthLimit::uploadChunkBytes(256), 640'000LL);        // 32 000 B/s × 20
        QCOMPARE(BandwidthLimit::uploadChunkBytes(10'000), 1024LL * 1024); // ceiling
    }
};

QTEST_MAIN(TestBandwidthLimit)
#include "test_bandwidth_limit.moc"
