// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <memory>
#include <string>

namespace sohoa::hub {
class PgPool;
}

namespace sohoa::bench {

// What both benchmarked servers are given, set as the hub sets cpp-httplib (HubServer.cpp).
struct StatusServerSettings
{
    std::string certificate; // PEM
    std::string privateKey;  // PEM
    // cpp-httplib: its worker threads; Beast: the threads that run the blocking queries. Both
    // equal the pool's size, as the hub's --threads does.
    int threads = 16;
    std::chrono::seconds keepAlive{2}; // an idle kept-alive connection is closed after this
    int requestsPerConnection = 100;   // and any connection after this many requests
    // TCP_NODELAY on the connections; the hub leaves cpp-httplib's default (off).
    bool noDelay = false;
};

// An HTTPS server answering GET /v1/status (StatusQuery.h) on loopback.
class StatusServer
{
public:
    virtual ~StatusServer() = default;
    // Listens on 127.0.0.1 at a free port and returns it; throws std::runtime_error.
    virtual int bind() = 0;
    // Serves until stop() is called from another thread.
    virtual void run() = 0;
    virtual void stop() = 0;
};

std::unique_ptr<StatusServer> makeHttplibStatusServer(const StatusServerSettings& settings,
                                                      hub::PgPool& pool);
std::unique_ptr<StatusServer> makeBeastStatusServer(const StatusServerSettings& settings,
                                                    hub::PgPool& pool);

} // namespace sohoa::bench
