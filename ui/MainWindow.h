// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

#include <QMainWindow>
#include <memory>

class QAction;
class QStackedWidget;
class QTableView;
class QTimer;

namespace sohoa::ui {

class DossierTableModel;
class IdleWatcher;

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

public slots:
    void refresh();
    // Closes the store — its key is wiped from memory — and hides every dossier.
    void lock();

private slots:
    void askToUnlock();
    void setQuickUnlock(bool on);
    // Purges the files the province already holds, past the retention period.
    void applyRetention();

private:
    // Whatever depends on the unlocked store: its settings, quick-unlock state, retention.
    void adoptStore();

    std::unique_ptr<storage::Store> store_;
    QString storePath_;
    DossierTableModel* model_ = nullptr;
    QTableView* table_ = nullptr;
    QStackedWidget* pages_ = nullptr;
    IdleWatcher* idle_ = nullptr;
    QAction* quickUnlock_ = nullptr;
    QTimer* retentionTimer_ = nullptr;
};

} // namespace sohoa::ui
