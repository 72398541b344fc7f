// SPDX-License-Identifier: GPL-3.0-or-later
// cpp-httplib as the hub uses it: a fixed pool of worker threads, each serving one connection
// (all of its kept-alive requests) at a time and running the query itself.
#include "StatusQuery.h"
#include "StatusServer.h"

#include <httplib.h>
#include <stdexcept>

namespace sohoa::bench {

namespace {

class HttplibStatusServer final : public StatusServer
{
public:
    HttplibStatusServer(const StatusServerSettings& settings, hub::PgPool& pool)
        : server_(settings.certificate.c_str(), settings.privateKey.c_str())
    {
        if (!server_.is_valid())
            throw std::runtime_error("cannot load the certificate " + settings.certificate);
        const int threads = settings.threads;
        server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
        server_.set_keep_alive_timeout(settings.keepAlive.count());
        server_.set_keep_alive_max_count(settings.requestsPerConnection);
        server_.set_tcp_nodelay(settings.noDelay);
        server_.Get("/v1/status", [&pool](const httplib::Request&, httplib::Response& response) {
            const StatusAnswer answer = answerStatus(pool);
            response.status = answer.httpStatus;
            response.set_content(answer.body, "application/json");
        });
    }

    int bind() override
    {
        const int port = server_.bind_to_any_port("127.0.0.1");
        if (port <= 0)
            throw std::runtime_error("cannot listen on 127.0.0.1");
        return port;
    }
    void run() override { server_.listen_after_bind(); }
    void stop() override { server_.stop(); }

private:
    httplib::SSLServer server_;
};

} // namespace

std::unique_ptr<StatusServer> makeHttplibStatusServer(const StatusServerSettings& settings,
                                                      hub::PgPool& pool)
{
    return std::make_unique<HttplibStatusServer>(settings, pool);
}

} // namespace sohoa::bench
