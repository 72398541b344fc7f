// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "usecases/SyncConflicts.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace sohoa::ui {

// The dossiers the provincial hub and this counter disagree on (docs/SYNC-PROTOCOL.md §5.6):
// for the one selected, the hub's decision with its remarks beside the changes not sent, and
// the officer's two choices — take the hub's version, or make the changes again on it.
class ConflictsDialog : public QDialog
{
    Q_OBJECT

public:
    ConflictsDialog(storage::Store& store, QWidget* parent = nullptr);

    int conflictCount() const { return static_cast<int>(conflicts_.size()); }
    QString errorText() const;
    // Selects the conflict of `dossierCode`; false when it is not in conflict.
    bool select(const QString& dossierCode);

public slots:
    void acceptHub();
    void reapply();

signals:
    // A conflict was settled: the dossier list is stale.
    void settled();

private:
    void reload();
    void showSelected();
    const usecases::SyncConflict* selected() const;
    void settle(bool reapplyChanges);

    storage::Store& store_;
    std::vector<usecases::SyncConflict> conflicts_;
    QListWidget* list_ = nullptr;
    QLabel* details_ = nullptr;
    QLabel* error_ = nullptr;
    QPushButton* acceptHub_ = nullptr;
    QPushButton* reapply_ = nullptr;
};

} // namespace sohoa::ui
