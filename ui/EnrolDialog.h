// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace sohoa::ui {

// The workstation's first step with the provincial hub (docs/SYNC-PROTOCOL.md §4.2): the hub's
// address and the one-time code the province gave, optionally a CA file for a hub with its own
// certificate authority. On success the store holds the token, and the sync worker starts
// delivering; a refusal keeps the dialog open with the hub's reason.
class EnrolDialog : public QDialog
{
    Q_OBJECT

public:
    EnrolDialog(storage::Store& store, QWidget* parent = nullptr);

    QString errorText() const;
    void accept() override;

private:
    void chooseCaFile();

    storage::Store& store_;
    QLineEdit* server_ = nullptr;
    QLineEdit* code_ = nullptr;
    QLineEdit* name_ = nullptr;
    QLineEdit* caFile_ = nullptr;
    QLabel* error_ = nullptr;
};

} // namespace sohoa::ui
