// SPDX-License-Identifier: GPL-3.0-or-later
#include "usecases/SyncWorker.h"

#include "domain/UserError.h"
#include "usecases/EnrolledHub.h"
#include "usecases/StoreAccess.h"
#include "usecases/SyncRound.h"
#include "usecases/WorkstationSettings.h"

#include <QThread>
#include <algorithm>

namespace sohoa::usecases {

namespace {

// A deferred row is looked at again no sooner than this: an unreachable hub answers at once.
constexpr std::chrono::seconds kShortestWait{5};

// One pass at a time in the process: a worker stopped by a lock may still be finishing its
// last request when the unlock starts the next one, and both would send the same rows.
std::mutex& passMutex()
{
    static std::mutex mutex;
    return mutex;
}

SyncStatus statusOf(SyncStatus::State state, const QString& reason = {})
{
    SyncStatus status;
    status.state = state;
    status.reason = reason;
    return status;
}

SyncStatus statusAfter(const HubContact& contact, const SyncRoundResult& round, int attention)
{
    SyncStatus status;
    status.waiting = round.pass.pending;
    status.attention = attention;
    status.clockSkewSeconds = contact.clockWarning ? *contact.clockSkewSeconds : 0;
    const QString& stoppedBecause = round.pass.stoppedBecause;
    const QStringList errors = round.errors();
    if (contact.codeBlocks.unauthorized || round.refused()) {
        status.state = SyncStatus::State::Error;
        status.reason =
            contact.codeBlocks.unauthorized ? contact.codeBlocks.error : errors.value(0);
    } else if (stoppedBecause == QLatin1String("offline") || !contact.reached()) {
        status.state = SyncStatus::State::Offline;
        status.reason = errors.value(0);
    } else if (round.pass.pending > 0) {
        status.state = SyncStatus::State::Error;
        status.reason = errors.value(0);
    } else {
        status.state = SyncStatus::State::UpToDate;
        status.lastDelivered = QDateTime::currentDateTimeUtc();
    }
    return status;
}

bool changedDossiers(const SyncRoundResult& round)
{
    return round.pass.sent + round.pass.parked + round.pass.conflicts + round.decisions.applied +
               round.decisions.conflicts >
           0;
}

} // namespace

SyncWorker::SyncWorker(std::unique_ptr<storage::Store> connection, QObject* parent)
    : QObject(parent), store_(std::move(connection))
{
    thread_ = QThread::create([this, stop = stopSource_.get_token()] { run(stop); });
    thread_->setObjectName(QStringLiteral("sync"));
    thread_->start(QThread::LowPriority);
}

SyncWorker::~SyncWorker()
{
    stop();
    thread_->wait();
    delete thread_;
}

SyncStatus SyncWorker::status() const
{
    const std::lock_guard lock(mutex_);
    return status_;
}

void SyncWorker::syncNow()
{
    {
        const std::lock_guard lock(mutex_);
        passRequested_ = true;
    }
    wake_.notify_all();
}

void SyncWorker::stop()
{
    stopSource_.request_stop();
    wake_.notify_all();
}

void SyncWorker::publish(const SyncStatus& status)
{
    {
        const std::lock_guard lock(mutex_);
        const SyncStatus previous = status_;
        status_ = status;
        if (!status_.lastDelivered.isValid())
            status_.lastDelivered = previous.lastDelivered;
        // The last pass's clock warning stays on while the next one runs.
        if (status_.state == SyncStatus::State::Syncing)
            status_.clockSkewSeconds = previous.clockSkewSeconds;
    }
    emit statusChanged(this->status());
}

void SyncWorker::run(std::stop_token stop)
{
    while (!stop.stop_requested()) {
        // A store that fails now may not later (a full disk): the officer sees why meanwhile.
        std::chrono::milliseconds wait = kShortestWait;
        try {
            {
                const std::lock_guard onePass(passMutex());
                runPass(stop);
            }
            wait = untilNextPass();
        } catch (const UserError& error) {
            publish(statusOf(SyncStatus::State::Error, error.message()));
        }
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, stop, wait, [this] { return passRequested_; });
        passRequested_ = false;
    }
    store_.reset();
    emit finished();
}

void SyncWorker::runPass(std::stop_token stop)
{
    std::optional<sync::HubConnection> connection = enrolledHub(*store_);
    if (!connection) {
        publish(SyncStatus{});
        return;
    }
    connection->bandwidthKbps = WorkstationSettings::syncBandwidthKbps(*store_);
    const sync::HubClient hub(*connection);
    publish(statusOf(SyncStatus::State::Syncing));
    const HubContact contact = SyncRound::contact(*store_, hub);
    const RelayControl control{[this](int handled, int total) {
                                   SyncStatus syncing = statusOf(SyncStatus::State::Syncing);
                                   syncing.handled = handled;
                                   syncing.total = total;
                                   publish(syncing);
                               },
                               stop};
    const SyncRoundResult round = SyncRound::pass(*store_, hub, contact, control);
    if (stop.stop_requested())
        return;
    const int attention = StoreAccess::guarded([&] { return store_->outboxParkedCount(); });
    publish(statusAfter(contact, round, attention));
    if (changedDossiers(round))
        emit dossiersChanged();
}

std::chrono::milliseconds SyncWorker::untilNextPass()
{
    const std::chrono::milliseconds interval =
        std::chrono::seconds(WorkstationSettings::syncIntervalSeconds(*store_));
    if (status().waiting == 0)
        return interval;
    return std::clamp<std::chrono::milliseconds>(OutboxRelay::untilNextAttempt(*store_, interval),
                                                 kShortestWait, interval);
}

} // namespace sohoa::usecases
