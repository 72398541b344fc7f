// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/DevCertificates.h"
#include "server/PgPool.h"

#include <memory>
#include <string>

namespace httplib {
class SSLServer;
}

namespace sohoa::hub {

struct HubOptions
{
    std::string host = "127.0.0.1";
    int port = 0;
    TlsFiles tls;
    std::string conninfo;
    int threads = 16;     // HTTP workers; each borrows one pooled PostgreSQL connection
    bool devMode = false; // accepts dossiers marked as test data
};

// The provincial hub's HTTPS API (/v1), on cpp-httplib's thread pool: each request runs on a
// worker thread with a pooled PostgreSQL connection for its transaction.
class HubServer
{
public:
    explicit HubServer(HubOptions options);
    ~HubServer();
    HubServer(const HubServer&) = delete;
    HubServer& operator=(const HubServer&) = delete;

    // Binds the port (throws std::runtime_error when taken); serving starts with run().
    void bind();
    // Serves until stop(), on the calling thread.
    void run();
    void stop();
    std::string url() const;

private:
    void routes();

    HubOptions options_;
    PgPool pool_;
    std::unique_ptr<httplib::SSLServer> server_;
};

} // namespace sohoa::hub
