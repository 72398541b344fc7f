// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace sohoa::usecases {

// Slows down guessing at the workstation: after kFreeAttempts wrong passphrases in a row,
// each further attempt must wait twice as long as the last (1 s, 2 s, 4 s … up to 5 min).
// The count lives beside the store ("<store>.attempts": a number and a time, nothing
// secret) so it survives restarts of the CLI and the GUI. Offline guessing against a copied
// key file is slowed by Argon2id instead.
class UnlockThrottle
{
public:
    static constexpr int kFreeAttempts = 3;
    static constexpr int kMaxDelaySeconds = 300;

    explicit UnlockThrottle(const QString& storePath);

    int failures() const { return failures_; }
    // Seconds to wait before the next attempt is allowed (0: go ahead).
    int secondsToWait(const QDateTime& now = QDateTime::currentDateTimeUtc()) const;
    void recordFailure(const QDateTime& now = QDateTime::currentDateTimeUtc());
    void reset();

private:
    void save() const;

    QString path_;
    int failures_ = 0;
    QDateTime lastFailure_;
};

} // namespace sohoa::usecases
