// SPDX-License-Identifier: GPL-3.0-or-later
// How long the sync waits before its next pass: until the earliest dossier's first row is due.
// Rows queued behind a deferred row of their dossier are not due on their own (they wait for
// it), so a backlog whose hub is down does not make the sync spin.
#include "usecases/OutboxRelay.h"
#include "usecases/StoreAccess.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace sohoa;
using namespace std::chrono_literals;

class TestOutboxWait : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<storage::Store> store_;

    std::int64_t queue(const QString& dossierUuid)
    {
        storage::OutboxRecord row;
        row.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
        row.dossierUuid = dossierUuid;
        row.operation = QStringLiteral("dossier.update");
        row.payload = QStringLiteral("{}");
        row.createdAt = QDateTime::currentDateTimeUtc();
        store_->inTransaction([&] { store_->appendOutbox(row); });
        return store_->outboxPending().back().id;
    }

    void deferBy(std::int64_t id, std::chrono::seconds delay)
    {
        store_->inTransaction([&] {
            store_->deferOutbox(id, 1, QDateTime::currentDateTimeUtc().addSecs(delay.count()),
                                QStringLiteral("offline"));
        });
    }

    std::chrono::milliseconds wait()
    {
        return usecases::OutboxRelay::untilNextAttempt(*store_, 600s);
    }

private slots:
    void init()
    {
        const QString path = dir_.filePath(QUuid::createUuid().toString(QUuid::Id128));
        const auto passphrase = [] { return storage::SecureBytes::fromString("passphrase"); };
        usecases::StoreAccess::create(path, passphrase(), QStringLiteral("lan"),
                                      QStringLiteral("000.00.00.H26"));
        store_ = usecases::StoreAccess::open(path, passphrase());
    }

    void nothingQueuedWaitsTheLongest() { QCOMPARE(wait(), 600s); }

    void aRowNeverTriedIsDueNow()
    {
        queue(QStringLiteral("11111111-1111-4111-8111-111111111111"));
        QCOMPARE(wait(), 0ms);
    }

    void rowsBehindADeferredRowWaitForIt()
    {
        const QString dossier = QStringLiteral("11111111-1111-4111-8111-111111111111");
        deferBy(queue(dossier), 120s);
        queue(dossier);
        queue(dossier);
        QVERIFY2(wait() > 100s && wait() <= 120s, qPrintable(QString::number(wait().count())));
    }

    void theEarliestDossierDecides()
    {
        deferBy(queue(QStringLiteral("11111111-1111-4111-8111-111111111111")), 300s);
        deferBy(queue(QStringLiteral("22222222-2222-4222-8222-222222222222")), 60s);
        QVERIFY2(wait() > 40s && wait() <= 60s, qPrintable(QString::number(wait().count())));
    }
};

QTEST_MAIN(TestOutboxWait)
#include "test_outbox_wait.moc"
