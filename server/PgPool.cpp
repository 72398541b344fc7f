// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/PgPool.h"

namespace sohoa::hub {

PgPool::PgPool(std::string conninfo, int size) : conninfo_(std::move(conninfo)), size_(size) {}

PgPool::Lease::Lease(PgPool& pool, std::unique_ptr<PgConnection> connection)
    : pool_(&pool), connection_(std::move(connection))
{
}

PgPool::Lease::~Lease()
{
    if (pool_)
        pool_->giveBack(std::move(connection_));
}

PgPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), connection_(std::move(other.connection_))
{
    other.pool_ = nullptr;
}

PgPool::Lease PgPool::acquire()
{
    std::unique_ptr<PgConnection> connection;
    {
        std::unique_lock lock(mutex_);
        returned_.wait(lock, [&] { return lent_ < size_; });
        ++lent_;
        if (!idle_.empty()) {
            connection = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    try {
        if (!connection || !connection->usable())
            connection = std::make_unique<PgConnection>(conninfo_);
    } catch (...) {
        giveBack(nullptr);
        throw;
    }
    return Lease(*this, std::move(connection));
}

int PgPool::idle() const
{
    std::lock_guard lock(mutex_);
    return size_ - lent_;
}

void PgPool::giveBack(std::unique_ptr<PgConnection> connection)
{
    {
        std::lock_guard lock(mutex_);
        --lent_;
        if (connection && connection->usable())
            idle_.push_back(std::move(connection));
    }
    returned_.notify_one();
}

} // namespace sohoa::hub
