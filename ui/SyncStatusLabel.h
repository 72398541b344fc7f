// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "usecases/SyncWorker.h"

#include <QLabel>

namespace sohoa::ui {

// The sync worker's state in the status bar: one short line, the details in its tooltip.
class SyncStatusLabel : public QLabel
{
    Q_OBJECT

public:
    explicit SyncStatusLabel(QWidget* parent = nullptr);

    // The line for `status`, in the officer's language.
    static QString textFor(const usecases::SyncStatus& status);

public slots:
    void showStatus(const sohoa::usecases::SyncStatus& status);
    // The window is locked: nothing of the store is shown, not even counts.
    void showLocked();
};

} // namespace sohoa::ui
