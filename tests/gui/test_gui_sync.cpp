// SPDX-License-Identifier: GPL-3.0-or-later
// The window's sync with a real dev hub (docs/SYNC-PROTOCOL.md §14.1), offscreen: the officer
// enrols from the window's dialog (a wrong code keeps it open with the hub's reason); the
// worker then delivers an offline backlog in the background while the window stays usable,
// shows "syncing n/m" and "up to date", replaces provisional codes in the list, reports
// "offline" with the queued count while the hub is down and catches up on "sync now" when it
// is back; locking in the middle of a pass ends the worker (its connection closed), and the
// next unlock finishes the job: PostgreSQL holds every dossier exactly once. A revoked token
// is an error with the hub's reason.
#include "../cli/OfflineDossier.h"
#include "../server/DevHub.h"
#include "domain/DossierLifecycle.h"
#include "server/PgConnection.h"
#include "storage/Store.h"
#include "ui/ConflictsDialog.h"
#include "ui/DossierTableModel.h"
#include "ui/EnrolDialog.h"
#include "ui/MainWindow.h"
#include "ui/SyncStatusLabel.h"
#include "usecases/DossierTransitions.h"
#include "usecases/Enrolment.h"
#include "usecases/StoreAccess.h"
#include "usecases/SyncWorker.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sohoa;
using State = usecases::SyncStatus::State;

namespace {
constexpr auto kPassphrase = "mật khẩu của cán bộ";
const QString kAgency = QStringLiteral("000.00.00.H26");
// A pass over loopback takes well under a second per row; this only bounds a hung test.
constexpr int kPassTimeoutMs = 120000;

std::unique_ptr<storage::Store> openStore(const QString& path)
{
    return usecases::StoreAccess::open(path, storage::SecureBytes::fromString(kPassphrase));
}

// `count` dossiers digitized offline before any code block: provisional codes.
void addBacklog(const QString& path, int first, int count)
{
    auto store = openStore(path);
    store->inTransaction([&] {
        for (int n = first; n < first + count; ++n)
            testing::addOfflineDossier(
                *store, QStringLiteral("%1-%2-P%3")
                            .arg(kAgency, QDate::currentDate().toString(QStringLiteral("yyMMdd")))
                            .arg(n, 4, 10, QChar('0')));
    });
}
} // namespace

class TestGuiSync : public QObject
{
    Q_OBJECT

    QTemporaryDir hubDir_;
    QTemporaryDir storeDir_;
    std::unique_ptr<testing::DevHub> hub_;
    QString storePath_;

    long long hubCount(const std::string& sql) const
    {
        hub::PgConnection database(hub_->conninfo().toStdString());
        return database.exec(sql).integer(0, 0);
    }

    QString issueCode() const
    {
        QByteArray output;
        if (hub_->admin({QStringLiteral("enrolment-code"), QStringLiteral("quay-gui"),
                         QStringLiteral("--agency"), kAgency},
                        &output) != 0)
            qFatal("enrolment-code failed: %s", output.constData());
        return QString::fromUtf8(output.trimmed().split('\n').last());
    }

    static void fill(QDialog& dialog, const char* field, const QString& text)
    {
        auto* edit = dialog.findChild<QLineEdit*>(QString::fromLatin1(field));
        QVERIFY(edit);
        edit->setText(text);
    }

    static usecases::SyncStatus statusOf(const ui::MainWindow& window)
    {
        return window.syncWorker()->status();
    }

    static QStringList listedCodes(const ui::MainWindow& window)
    {
        QStringList codes;
        const ui::DossierTableModel* model = window.dossierModel();
        for (int row = 0; row < model->rowCount(); ++row)
            codes << model->index(row, ui::DossierTableModel::Code).data().toString();
        return codes;
    }

    static QStringList listedCodesOf(const QString& path)
    {
        QStringList codes;
        for (const storage::DossierSummary& dossier : openStore(path)->listDossiers())
            codes << dossier.code;
        return codes;
    }

    // Sync now, and wait until the pass has ended up to date.
    static void syncAndWait(ui::MainWindow& window)
    {
        QSignalSpy passes(window.syncWorker(), &usecases::SyncWorker::statusChanged);
        window.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(!passes.isEmpty() &&
                                     passes.last().first().value<usecases::SyncStatus>().state ==
                                         State::UpToDate,
                                 kPassTimeoutMs);
    }

private slots:
    void initTestCase()
    {
        hub_ = testing::DevHub::startIn(hubDir_);
        storePath_ = storeDir_.filePath(QStringLiteral("quay.store"));
        usecases::StoreAccess::create(storePath_, storage::SecureBytes::fromString(kPassphrase),
                                      QStringLiteral("officer"), kAgency);
    }

    void enrolsFromTheDialog()
    {
        auto store = openStore(storePath_);
        ui::EnrolDialog dialog(*store);
        dialog.show();
        fill(dialog, "server", hub_->url());
        fill(dialog, "caFile", hub_->caFile());
        fill(dialog, "code", QStringLiteral("7KQ2-M9XD-4HTA-0ZRB"));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.errorText().isEmpty());
        QVERIFY(usecases::Enrolment::savedServer(*store).isEmpty());

        fill(dialog, "code", issueCode());
        dialog.accept();
        QVERIFY2(!dialog.isVisible(), qPrintable(dialog.errorText()));
        QCOMPARE(usecases::Enrolment::savedServer(*store), hub_->url());
        QVERIFY(usecases::Enrolment::savedCaCertificates(*store).startsWith("-----BEGIN"));
    }

    void deliversTheBacklogInTheBackground()
    {
        addBacklog(storePath_, 1, 3);
        ui::MainWindow window(openStore(storePath_));
        QVERIFY(window.syncWorker());
        std::vector<usecases::SyncStatus> seen;
        connect(window.syncWorker(), &usecases::SyncWorker::statusChanged, this,
                [&seen](const usecases::SyncStatus& status) { seen.push_back(status); });
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(window).state == State::UpToDate, kPassTimeoutMs);
        QCOMPARE(statusOf(window).waiting, 0);
        QCOMPARE(hubCount("SELECT count(*) FROM dossiers"), 3);
        // The officer saw the pass go row by row.
        QVERIFY(std::any_of(seen.begin(), seen.end(), [](const usecases::SyncStatus& status) {
            return status.state == State::Syncing && status.total == 3 && status.handled == 2;
        }));
        // The list was refreshed with the hub's definitive codes.
        QTRY_VERIFY_WITH_TIMEOUT(!listedCodes(window).join(' ').contains(QStringLiteral("-P0")),
                                 5000);
        QCOMPARE(listedCodes(window).size(), 3);
        auto* label = window.findChild<ui::SyncStatusLabel*>(QStringLiteral("syncStatus"));
        QVERIFY(label);
        QTRY_COMPARE(label->text(), ui::SyncStatusLabel::textFor(statusOf(window)));
    }

    void offlineThenCaughtUpOnSyncNow()
    {
        ui::MainWindow window(openStore(storePath_));
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(window).state == State::UpToDate, kPassTimeoutMs);
        hub_->stop();
        addBacklog(storePath_, 11, 2);
        window.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(window).state == State::Offline, kPassTimeoutMs);
        QCOMPARE(statusOf(window).waiting, 2);
        QVERIFY(!statusOf(window).reason.isEmpty());

        hub_->start();
        window.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(window).state == State::UpToDate, kPassTimeoutMs);
        QCOMPARE(hubCount("SELECT count(*) FROM dossiers"), 3 + 2);
    }

    void lockingMidPassEndsTheWorkerAndUnlockFinishes()
    {
        addBacklog(storePath_, 21, 12);
        ui::MainWindow window(openStore(storePath_));
        const QPointer<usecases::SyncWorker> worker = window.syncWorker();
        connect(worker, &usecases::SyncWorker::statusChanged, &window,
                [&window](const usecases::SyncStatus& status) {
                    if (status.state == State::Syncing && status.handled >= 2)
                        window.lock();
                });
        // The worker's thread ends and the worker goes: its connection and key with it.
        QTRY_VERIFY_WITH_TIMEOUT(worker.isNull(), kPassTimeoutMs);
        QVERIFY(window.isLocked());
        QVERIFY(window.syncWorker() == nullptr);
        const long long delivered = hubCount("SELECT count(*) FROM dossiers") - 5;
        QVERIFY2(delivered < 12, qPrintable(QString::number(delivered)));

        window.unlockWith(openStore(storePath_));
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(window).state == State::UpToDate, kPassTimeoutMs);
        QCOMPARE(hubCount("SELECT count(*) FROM dossiers"), 5 + 12);
        QCOMPARE(hubCount("SELECT count(DISTINCT uuid) FROM dossiers"), 5 + 12);
        QVERIFY(openStore(storePath_)->outboxPending().empty());
    }

    // The supervisor returns a dossier on the hub while the counter, offline, records that the
    // applicant withdrew it: the worker's pass marks the conflict, the dialog shows the
    // remarks beside the unsent change, and taking the hub's version settles it for good.
    void settlesAConflictFromTheDialog()
    {
        const QString code = listedCodesOf(storePath_).first();
        const QString uuid = openStore(storePath_)->dossierByCode(code)->dossier.uuid;
        ui::MainWindow window(openStore(storePath_));
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(window).state == State::UpToDate, kPassTimeoutMs);
        {
            auto store = openStore(storePath_);
            QVERIFY(usecases::DossierTransitions::tryApply(
                *store, uuid, domain::DossierTransition::Sign, QStringLiteral("officer")));
            QVERIFY(usecases::DossierTransitions::tryApply(
                *store, uuid, domain::DossierTransition::SubmitForReview,
                QStringLiteral("officer")));
        }
        syncAndWait(window);
        QCOMPARE(hub_->admin({QStringLiteral("decide"), code, QStringLiteral("return"),
                              QStringLiteral("--by"), QStringLiteral("Trần Văn Bình"),
                              QStringLiteral("--remarks"), QStringLiteral("Trang 2 bị mờ")}),
                 0);
        QVERIFY(usecases::DossierTransitions::tryApply(*openStore(storePath_), uuid,
                                                       domain::DossierTransition::Withdraw,
                                                       QStringLiteral("officer")));
        syncAndWait(window);
        QCOMPARE(statusOf(window).attention, 1);

        auto store = openStore(storePath_);
        ui::ConflictsDialog dialog(*store);
        QCOMPARE(dialog.conflictCount(), 1);
        QVERIFY(dialog.select(code));
        const QString details = dialog.findChild<QLabel*>(QStringLiteral("details"))->text();
        QVERIFY2(details.contains(QStringLiteral("Trang 2 bị mờ")) &&
                     details.contains(QStringLiteral("withdraw")),
                 qPrintable(details));
        dialog.acceptHub();
        QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
        QCOMPARE(dialog.conflictCount(), 0);
        QCOMPARE(store->dossierByCode(code)->dossier.state, QStringLiteral("returned"));
        QVERIFY(store->outboxPending().empty());
        syncAndWait(window);
        QCOMPARE(statusOf(window).attention, 0);
    }

    // Last: it revokes the workstation. The officer reads why sync stopped, and nothing queued
    // is lost.
    void aRevokedTokenIsAnErrorWithItsReason()
    {
        QCOMPARE(hub_->admin({QStringLiteral("revoke"), QStringLiteral("quay-gui")}), 0);
        addBacklog(storePath_, 41, 1);
        ui::MainWindow window(openStore(storePath_));
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(window).state == State::Error, kPassTimeoutMs);
        QVERIFY2(statusOf(window).reason.contains(QStringLiteral("revoked")),
                 qPrintable(statusOf(window).reason));
        auto* label = window.findChild<ui::SyncStatusLabel*>(QStringLiteral("syncStatus"));
        QTRY_VERIFY(label->text().startsWith(QStringLiteral("Sync error: ")));
        QCOMPARE(openStore(storePath_)->outboxPending().size(), std::size_t{1});
    }
};

QTEST_MAIN(TestGuiSync)
#include "test_gui_sync.moc"
