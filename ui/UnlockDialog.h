// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

#include <QDialog>
#include <memory>

class QLabel;
class QLineEdit;
class QDialogButtonBox;

namespace sohoa::ui {

// Asks for the store passphrase (or, on first run, chooses one) and opens the store. A wrong
// passphrase keeps the dialog open with the reason; nothing is changed on disk.
class UnlockDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Unlock,
        Create
    };
    UnlockDialog(QString storePath, Mode mode, QWidget* parent = nullptr);

    std::unique_ptr<storage::Store> takeStore() { return std::move(store_); }
    QString errorText() const;
    // After a store was created: the agency recovery key, to be shown once.
    QString recoveryKey() const { return recoveryKey_; }

    void accept() override;

private:
    QString storePath_;
    Mode mode_;
    QLineEdit* passphrase_ = nullptr;
    QLineEdit* confirmation_ = nullptr;
    QLabel* error_ = nullptr;
    std::unique_ptr<storage::Store> store_;
    QString recoveryKey_;
};

} // namespace sohoa::ui
