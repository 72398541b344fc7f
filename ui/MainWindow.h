// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

#include <QMainWindow>
#include <memory>

class QAction;
class QStackedWidget;
class QTableView;
class QTimer;

namespace sohoa::usecases {
class SyncWorker;
}

namespace sohoa::ui {

class DossierTableModel;
class IdleWatcher;
class SyncStatusLabel;

// The counter's main window: for now the list of dossiers in the unlocked store.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(std::unique_ptr<storage::Store> store, QWidget* parent = nullptr);
    ~MainWindow() override;

    DossierTableModel* dossierModel() const { return model_; }
    bool isLocked() const { return store_ == nullptr; }
    // Auto-lock after this much time without keyboard or mouse input (0: never). Unlocking
    // resets it to the store's auto-lock-minutes setting.
    void setAutoLockAfter(int milliseconds);
    int autoLockAfter() const;
    // Back to work with the store the unlock dialog opened.
    void unlockWith(std::unique_ptr<storage::Store> store);
    // The background sync with the provincial hub; null while locked.
    usecases::SyncWorker* syncWorker() const { return sync_; }

public slots:
    void refresh();
    // Closes the store — its key is wiped from memory — and hides every dossier. The sync
    // worker finishes the request in flight, records its answer and closes its own connection.
    void lock();
    void syncNow();
    void enrol();
    void settleConflicts();

private slots:
    void askToUnlock();
    void setQuickUnlock(bool on);
    // Purges the files the province already holds, past the retention period.
    void applyRetention();

private:
    // Whatever depends on the unlocked store: its settings, quick-unlock state, retention,
    // the sync worker.
    void adoptStore();
    void stopSync();

    std::unique_ptr<storage::Store> store_;
    QString storePath_;
    DossierTableModel* model_ = nullptr;
    QTableView* table_ = nullptr;
    QStackedWidget* pages_ = nullptr;
    IdleWatcher* idle_ = nullptr;
    QAction* quickUnlock_ = nullptr;
    QTimer* retentionTimer_ = nullptr;
    usecases::SyncWorker* sync_ = nullptr;
    SyncStatusLabel* syncStatus_ = nullptr;
};

} // namespace sohoa::ui
