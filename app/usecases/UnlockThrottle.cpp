// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/UnlockThrottle.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <algorithm>

namespace sohoa::usecases {

UnlockThrottle::UnlockThrottle(const QString& storePath)
    : path_(storePath + QStringLiteral(".attempts"))
{
    QFile file(path_);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    failures_ = std::max(0, state.value("failures").toInt());
    lastFailure_ = QDateTime::fromString(state.value("last_failure").toString(), Qt::ISODate);
}

int UnlockThrottle::secondsToWait(const QDateTime& now) const
{
    if (failures_ < kFreeAttempts || !lastFailure_.isValid())
        return 0;
    const int exponent = std::min(failures_ - kFreeAttempts, 16);
    const int delay = std::min(kMaxDelaySeconds, 1 << exponent);
    const qint64 elapsed = lastFailure_.secsTo(now);
    return elapsed >= delay ? 0 : static_cast<int>(delay - std::max<qint64>(0, elapsed));
}

void UnlockThrottle::recordFailure(const QDateTime& now)
{
    ++failures_;
    lastFailure_ = now;
    save();
}

void UnlockThrottle::reset()
{
    failures_ = 0;
    lastFailure_ = {};
    QFile::remove(path_);
}

void UnlockThrottle::save() const
{
    QSaveFile file(path_);
    if (!file.open(QIODevice::WriteOnly))
        return; // a read-only folder: the throttle then lasts for this process only
    file.write(QJsonDocument(QJsonObject{{"failures", failures_},
                                         {"last_failure", lastFailure_.toString(Qt::ISODate)}})
                   .toJson(QJsonDocument::Compact));
    file.commit();
}

} // namespace sohoa::usecases
