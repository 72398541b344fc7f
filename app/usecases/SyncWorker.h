// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

#include <QDateTime>
#include <QObject>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stop_token>

class QThread;

namespace sohoa::usecases {

// Where the window's sync worker stands, for the status bar.
struct SyncStatus
{
    enum class State
    {
        NotEnrolled, // the store has no hub address or token yet (sohoa-cli enrol)
        Syncing,     // a pass is running: `handled` of `total` outbox rows so far
        Offline,     // the hub could not be reached: `waiting` rows stay queued
        Error,       // the hub refused the token or key, or is busy: `reason`
        UpToDate,    // everything the hub may take was delivered
    };
    State state = State::NotEnrolled;
    int handled = 0;
    int total = 0;
    int waiting = 0;   // rows left to send
    int attention = 0; // rows refused or in conflict, which only the officer can settle
    QString reason;    // why (Offline, Error), in the officer's language
    // How far the hub's clock is ahead of this computer's, when beyond kClockWarningSeconds
    // (the dossiers' dates come from this clock); 0 otherwise.
    qint64 clockSkewSeconds = 0;
    QDateTime lastDelivered; // when a pass last left nothing to send (UTC); invalid: not yet
};

// The window's background sync (docs/SYNC-PROTOCOL.md §14.1): on a thread of its own, with a
// connection of its own to the store, it runs SyncRound passes with the enrolled hub at start,
// every `sync-interval-seconds`, sooner when a deferred row is due, and on syncNow(). All its
// state is in the store (outbox, cursors, revisions), so a restart simply goes on.
class SyncWorker : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncWorker)

public:
    // `connection` is the worker's own (Store::anotherConnection()); the first pass starts now.
    explicit SyncWorker(std::unique_ptr<storage::Store> connection, QObject* parent = nullptr);
    // Stops as stop() does, and waits for the request in flight (bounded by the hub timeout).
    ~SyncWorker() override;

    SyncStatus status() const;

public slots:
    void syncNow();
    // Ends the work after the request in flight, whose answer is still recorded (the hub may
    // have applied it); the thread then closes its connection, wiping its copy of the key,
    // and emits finished(). Returns at once: locking the window never waits for the network.
    void stop();

signals:
    void statusChanged(const sohoa::usecases::SyncStatus& status);
    // A pass changed dossiers (delivered, decided on the hub, codes assigned): lists are stale.
    void dossiersChanged();
    void finished();

private:
    void run(std::stop_token stop);
    void runPass(std::stop_token stop);
    void publish(const SyncStatus& status);
    std::chrono::milliseconds untilNextPass();

    std::unique_ptr<storage::Store> store_; // used by the worker thread only
    std::stop_source stopSource_;
    mutable std::mutex mutex_;
    std::condition_variable_any wake_;
    bool passRequested_ = false;
    SyncStatus status_;
    QThread* thread_ = nullptr;
};

} // namespace sohoa::usecases
