// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "domain/UserError.h"
#include "ui/ConflictsDialog.h"
#include "ui/DossierTableModel.h"
#include "ui/EnrolDialog.h"
#include "ui/IdleWatcher.h"
#include "ui/SyncStatusLabel.h"
#include "ui/UnlockDialog.h"
#include "usecases/DossierQueries.h"
#include "usecases/QuickUnlock.h"
#include "usecases/Retention.h"
#include "usecases/StoreAccess.h"
#include "usecases/SyncWorker.h"
#include "usecases/WorkstationSettings.h"

#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace sohoa::ui {

MainWindow::MainWindow(std::unique_ptr<storage::Store> store, QWidget* parent)
    : QMainWindow(parent), store_(std::move(store)), storePath_(store_->path())
{
    setWindowTitle(tr("SoHoa — dossier digitization"));
    model_ = new DossierTableModel(this);
    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("dossiers"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->hide();

    auto* lockedPage = new QWidget(this);
    auto* lockedLayout = new QVBoxLayout(lockedPage);
    auto* lockedText = new QLabel(tr("The store is locked. Dossiers are hidden until it is "
                                     "unlocked again."));
    lockedText->setAlignment(Qt::AlignCenter);
    auto* unlockButton = new QPushButton(tr("Unlock…"));
    unlockButton->setObjectName(QStringLiteral("unlock"));
    connect(unlockButton, &QPushButton::clicked, this, &MainWindow::askToUnlock);
    lockedLayout->addStretch();
    lockedLayout->addWidget(lockedText);
    lockedLayout->addWidget(unlockButton, 0, Qt::AlignCenter);
    lockedLayout->addStretch();

    pages_ = new QStackedWidget(this);
    pages_->addWidget(table_);
    pages_->addWidget(lockedPage);
    setCentralWidget(pages_);

    QMenu* fileMenu = menuBar()->addMenu(tr("&Dossiers"));
    fileMenu->addAction(tr("&Refresh"), QKeySequence::Refresh, this, &MainWindow::refresh);
    fileMenu->addAction(tr("&Lock"), QKeySequence(Qt::CTRL | Qt::Key_L), this, &MainWindow::lock);
    fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu* syncMenu = menuBar()->addMenu(tr("S&ync"));
    syncMenu->addAction(tr("Sync &now"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
                        &MainWindow::syncNow);
    syncMenu->addAction(tr("Settle &conflicts with the hub…"), this, &MainWindow::settleConflicts);
    syncMenu->addAction(tr("&Enrol with the provincial hub…"), this, &MainWindow::enrol);
    QMenu* settingsMenu = menuBar()->addMenu(tr("&Settings"));
    quickUnlock_ = settingsMenu->addAction(tr("Unlock with my &login session (system keyring)"));
    quickUnlock_->setCheckable(true);
    connect(quickUnlock_, &QAction::triggered, this, &MainWindow::setQuickUnlock);

    idle_ = new IdleWatcher(this);
    connect(idle_, &IdleWatcher::idle, this, &MainWindow::lock);
    connect(idle_, &IdleWatcher::screenLocked, this, &MainWindow::lock);
    // Retention runs at unlock and then a few times a day, for counters never closed.
    retentionTimer_ = new QTimer(this);
    retentionTimer_->setInterval(6 * 60 * 60 * 1000);
    connect(retentionTimer_, &QTimer::timeout, this, &MainWindow::applyRetention);
    syncStatus_ = new SyncStatusLabel(this);
    statusBar()->addPermanentWidget(syncStatus_);
    resize(960, 600);
    adoptStore();
}

// The worker is a child: its destructor waits for the request in flight.
MainWindow::~MainWindow() = default;

void MainWindow::setAutoLockAfter(int milliseconds)
{
    idle_->setTimeout(milliseconds);
}

int MainWindow::autoLockAfter() const
{
    return idle_->timeout();
}

void MainWindow::lock()
{
    if (isLocked())
        return;
    model_->setDossiers({});
    retentionTimer_->stop();
    stopSync();
    store_.reset();
    pages_->setCurrentIndex(1);
    statusBar()->showMessage(tr("Locked"));
}

void MainWindow::unlockWith(std::unique_ptr<storage::Store> store)
{
    store_ = std::move(store);
    pages_->setCurrentIndex(0);
    adoptStore();
}

void MainWindow::adoptStore()
{
    try {
        idle_->setTimeout(usecases::WorkstationSettings::autoLockMinutes(*store_) * 60 * 1000);
    } catch (const UserError& error) {
        QMessageBox::warning(this, windowTitle(), error.message());
    }
    const QSignalBlocker quiet(quickUnlock_);
    quickUnlock_->setChecked(usecases::QuickUnlock::availableFor(storePath_));
    refresh();
    applyRetention();
    retentionTimer_->start();
    try {
        sync_ = new usecases::SyncWorker(
            usecases::StoreAccess::guarded([&] { return store_->anotherConnection(); }), this);
        connect(sync_, &usecases::SyncWorker::statusChanged, syncStatus_,
                &SyncStatusLabel::showStatus);
        connect(sync_, &usecases::SyncWorker::dossiersChanged, this, &MainWindow::refresh);
    } catch (const UserError& error) {
        QMessageBox::warning(this, windowTitle(), error.message());
    }
}

void MainWindow::stopSync()
{
    if (sync_ == nullptr)
        return;
    // Nothing it says any more belongs on a locked window; it goes once its thread has ended.
    disconnect(sync_, nullptr, this, nullptr);
    disconnect(sync_, nullptr, syncStatus_, nullptr);
    connect(sync_, &usecases::SyncWorker::finished, sync_, &QObject::deleteLater);
    sync_->stop();
    sync_ = nullptr;
    syncStatus_->showLocked();
}

void MainWindow::syncNow()
{
    if (sync_ != nullptr)
        sync_->syncNow();
}

void MainWindow::settleConflicts()
{
    if (isLocked())
        return;
    ConflictsDialog dialog(*store_, this);
    // The new rows of a re-applied change go up at once.
    connect(&dialog, &ConflictsDialog::settled, this, &MainWindow::refresh);
    connect(&dialog, &ConflictsDialog::settled, this, &MainWindow::syncNow);
    dialog.exec();
}

void MainWindow::enrol()
{
    if (isLocked())
        return;
    EnrolDialog dialog(*store_, this);
    if (dialog.exec() == QDialog::Accepted)
        syncNow();
}

void MainWindow::setQuickUnlock(bool on)
{
    if (isLocked())
        return;
    try {
        if (on)
            usecases::QuickUnlock::enable(*store_, store_->unlockedSlot());
        else
            usecases::QuickUnlock::disable(*store_, store_->unlockedSlot());
    } catch (const UserError& error) {
        QMessageBox::warning(this, windowTitle(), error.message());
    }
    const QSignalBlocker quiet(quickUnlock_);
    quickUnlock_->setChecked(usecases::QuickUnlock::availableFor(storePath_));
}

void MainWindow::applyRetention()
{
    if (isLocked())
        return;
    try {
        const auto purged = usecases::Retention::purge(*store_, store_->unlockedSlot());
        if (!purged.empty())
            statusBar()->showMessage(tr("Removed the local files of %n dossier(s) the province "
                                        "already holds.",
                                        nullptr, static_cast<int>(purged.size())));
    } catch (const UserError& error) {
        statusBar()->showMessage(error.message());
    }
}

void MainWindow::askToUnlock()
{
    UnlockDialog dialog(storePath_, UnlockDialog::Mode::Unlock, this);
    if (dialog.exec() == QDialog::Accepted)
        unlockWith(dialog.takeStore());
}

void MainWindow::refresh()
{
    if (isLocked())
        return;
    try {
        model_->setDossiers(usecases::DossierQueries::list(*store_));
        statusBar()->showMessage(tr("%n dossier(s)", nullptr, model_->rowCount()));
    } catch (const UserError& error) {
        QMessageBox::warning(this, windowTitle(), error.message());
    }
}

} // namespace sohoa::ui
