// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/PgConnection.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sohoa::hub {

// A fixed number of PostgreSQL connections shared by the HTTP worker threads: a request borrows
// one for its whole transaction and gives it back. Connections open on first use, and one the
// server dropped is replaced on the next borrow, so the hub outlives a database restart.
class PgPool
{
public:
    PgPool(std::string conninfo, int size);

    class Lease
    {
    public:
        Lease(PgPool& pool, std::unique_ptr<PgConnection> connection);
        ~Lease();
        Lease(Lease&& other) noexcept;
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease& operator=(Lease&&) = delete;

        PgConnection& operator*() { return *connection_; }
        PgConnection* operator->() { return connection_.get(); }

    private:
        PgPool* pool_;
        std::unique_ptr<PgConnection> connection_;
    };

    // Blocks until a connection is free. Throws PgError when a new connection cannot be made.
    Lease acquire();
    int size() const { return size_; }
    int idle() const;

private:
    void giveBack(std::unique_ptr<PgConnection> connection);

    std::string conninfo_;
    int size_;
    int lent_ = 0;
    std::vector<std::unique_ptr<PgConnection>> idle_;
    mutable std::mutex mutex_;
    std::condition_variable returned_;
};

} // namespace sohoa::hub
