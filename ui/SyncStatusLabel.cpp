// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SyncStatusLabel.h"

#include <QLocale>
#include <cstdlib>

namespace sohoa::ui {

SyncStatusLabel::SyncStatusLabel(QWidget* parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("syncStatus"));
}

QString SyncStatusLabel::textFor(const usecases::SyncStatus& status)
{
    using State = usecases::SyncStatus::State;
    QString text;
    switch (status.state) {
    case State::NotEnrolled:
        return tr("Not enrolled with the provincial hub");
    case State::Syncing:
        return status.total > 0 ? tr("Syncing %1/%2").arg(status.handled).arg(status.total)
                                : tr("Syncing…");
    case State::Offline:
        text = tr("Offline: %n change(s) queued", nullptr, status.waiting);
        break;
    case State::Error:
        text = tr("Sync error: %1").arg(status.reason);
        break;
    case State::UpToDate:
        text = tr("Up to date (%1)")
                   .arg(QLocale().toString(status.lastDelivered.toLocalTime().time(),
                                           QLocale::ShortFormat));
        break;
    }
    if (status.attention > 0)
        text += tr(" — %n change(s) refused or in conflict", nullptr, status.attention);
    if (status.clockSkewSeconds != 0)
        text += tr(" — this computer's clock is %1 min off the hub's: correct it")
                    .arg(std::abs(status.clockSkewSeconds) / 60);
    return text;
}

void SyncStatusLabel::showStatus(const usecases::SyncStatus& status)
{
    setText(textFor(status));
    setToolTip(status.reason);
}

void SyncStatusLabel::showLocked()
{
    setText(tr("Sync paused while locked"));
    setToolTip({});
}

} // namespace sohoa::ui
