// SPDX-License-Identifier: GPL-3.0-or-later
// Wrong passphrases: free attempts, then doubling waits that survive a restart; a success
// resets the count and leaves a trace in the audit trail.
#include "domain/UserError.h"
#include "usecases/StoreAccess.h"
#include "usecases/UnlockThrottle.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sohoa;
using usecases::UnlockThrottle;

namespace {
storage::SecureBytes secret(const char* text)
{
    return storage::SecureBytes::fromString(text);
}
} // namespace

class TestUnlockThrottle : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir_;

private slots:
    void waitsDoubleAfterTheFreeAttempts()
    {
        const QString store = dir_.filePath(QStringLiteral("a.store"));
        const QDateTime t0(QDate(2026, 11, 23), QTime(8, 0), Qt::UTC);
        UnlockThrottle throttle(store);
        for (int i = 0; i < UnlockThrottle::kFreeAttempts; ++i) {
            QCOMPARE(throttle.secondsToWait(t0), 0);
            throttle.recordFailure(t0);
        }
        QCOMPARE(throttle.secondsToWait(t0), 1);
        QCOMPARE(throttle.secondsToWait(t0.addSecs(1)), 0);
        throttle.recordFailure(t0);
        QCOMPARE(throttle.secondsToWait(t0), 2);
        // A new process sees the same count.
        UnlockThrottle restarted(store);
        QCOMPARE(restarted.failures(), UnlockThrottle::kFreeAttempts + 1);
        QCOMPARE(restarted.secondsToWait(t0.addSecs(1)), 1);
        for (int i = 0; i < 30; ++i)
            restarted.recordFailure(t0);
        QCOMPARE(restarted.secondsToWait(t0), UnlockThrottle::kMaxDelaySeconds);
        restarted.reset();
        QCOMPARE(UnlockThrottle(store).failures(), 0);
    }

    void storeAccessRefusesDuringTheWaitAndAuditsTheFailures()
    {
        const QString store = dir_.filePath(QStringLiteral("b.store"));
        usecases::StoreAccess::create(store, secret("mật khẩu đúng rồi"), "officer",
                                      "000.00.00.H26");
        for (int i = 0; i < UnlockThrottle::kFreeAttempts; ++i)
            QVERIFY_THROWS_EXCEPTION(UserError,
                                     usecases::StoreAccess::open(store, secret("sai mật khẩu")));
        // Even the right passphrase must wait now, without costing a key derivation.
        try {
            usecases::StoreAccess::open(store, secret("mật khẩu đúng rồi"));
            QFAIL("opened during the wait");
        } catch (const UserError& error) {
            QCOMPARE(error.kind(), ErrorKind::AccessDenied);
            QVERIFY2(error.message().contains(QLatin1String("wait")), qPrintable(error.message()));
        }
        QTest::qWait(1100);
        auto opened = usecases::StoreAccess::open(store, secret("mật khẩu đúng rồi"));
        QCOMPARE(UnlockThrottle(store).failures(), 0);
        const auto events = opened->events(QString());
        QVERIFY(std::any_of(events.begin(), events.end(), [](const storage::EventRecord& e) {
            return e.action == QLatin1String("unlock-after-failures") &&
                   e.detail == QString::number(UnlockThrottle::kFreeAttempts);
        }));
    }
};

QTEST_GUILESS_MAIN(TestUnlockThrottle)
#include "test_unlock_throttle.moc"
