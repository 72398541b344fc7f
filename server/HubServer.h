// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/DevCertificates.h"
#include "server/PgPool.h"

#include <functional>
#include <memory>
#include <string>

namespace httplib {
class SSLServer;
struct Request;
struct Response;
} // namespace httplib

namespace sohoa::hub {

struct HubOptions
{
    std::string host = "127.0.0.1";
    int port = 0;
    TlsFiles tls;
    std::string conninfo;
    int threads = 16;           // HTTP workers; each borrows one pooled PostgreSQL connection
    bool devMode = false;       // accepts dossiers and files marked as test data
    std::string filesDirectory; // the DirectoryFileStore's root
    long long maxFileSize = 2LL * 1024 * 1024 * 1024; // tus Tus-Max-Size
    int lookupsPerHour = 120;                         // per workstation (SYNC-PROTOCOL §11.4)
};

class CivilStatusTables;
class FailureThrottle;
class FileStore;
class FileUploads;
class Lookups;
struct Workstation;

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
    void enrolmentRoute();
    void fileRoutes();
    void lookupRoutes();
    void downSyncRoutes();
    // Runs an authenticated tus request (Tus-Resumable: 1.0.0 or 412).
    void tus(const httplib::Request& request, httplib::Response& response,
             const std::function<void(PgConnection&, const Workstation&)>& call);

    HubOptions options_;
    PgPool pool_;
    std::unique_ptr<FileStore> files_;
    std::unique_ptr<FileUploads> uploads_;
    std::unique_ptr<CivilStatusTables> civilStatus_;
    std::unique_ptr<Lookups> lookups_;
    std::unique_ptr<FailureThrottle> enrolmentFailures_; // per client address
    std::unique_ptr<httplib::SSLServer> server_;
};

} // namespace sohoa::hub
