// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-bench-http-server --library httplib|beast --dev DIR [--threads N] [--nodelay on]
// One HTTPS endpoint, GET /v1/status (a pooled libpq query, a small JSON), served by the chosen
// library on 127.0.0.1 with the private PostgreSQL and certificates of a dev hub in DIR (made on
// first use, as `sohoa-hub --dev DIR` makes them). Prints the port and the CA file, then serves
// until SIGINT or SIGTERM, and stops the cluster.
#include "StatusServer.h"
#include "server/DevCertificates.h"
#include "server/DevCluster.h"
#include "server/PgPool.h"

#include <csignal>
#include <iostream>
#include <map>
#include <pthread.h>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace sohoa;

int usage()
{
    std::cerr << "usage: sohoa-bench-http-server --library httplib|beast --dev DIR [--threads N] "
                 "[--nodelay on]\n";
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    std::map<std::string, std::string> options{{"--threads", "16"}};
    for (int i = 1; i + 1 < argc; i += 2)
        options[argv[i]] = argv[i + 1];
    const std::string library = options["--library"];
    if (options["--dev"].empty() || (library != "httplib" && library != "beast"))
        return usage();

    // cpp-httplib writes TLS to its sockets without MSG_NOSIGNAL: a client that went away
    // must not end the server.
    std::signal(SIGPIPE, SIG_IGN);
    // Blocked before any thread starts, so only the sigwait below takes them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    const auto cluster = hub::DevCluster::start(options["--dev"]);
    const hub::TlsFiles tls = hub::DevCertificates::ensure(options["--dev"]);
    bench::StatusServerSettings settings;
    settings.certificate = tls.certificate;
    settings.privateKey = tls.privateKey;
    settings.threads = std::max(1, std::stoi(options["--threads"]));
    settings.noDelay = options["--nodelay"] == "on";
    hub::PgPool pool(cluster->conninfo(), settings.threads);
    {
        // Every pooled connection opened before serving, so the first rate measured does not
        // pay for their start-up.
        std::vector<hub::PgPool::Lease> opened;
        opened.reserve(static_cast<std::size_t>(pool.size()));
        for (int i = 0; i < pool.size(); ++i)
            opened.push_back(pool.acquire());
    }
    const auto server = library == "httplib" ? bench::makeHttplibStatusServer(settings, pool)
                                             : bench::makeBeastStatusServer(settings, pool);
    const int port = server->bind();
    std::thread serving([&] { server->run(); });
    std::cout << library << " listening on https://127.0.0.1:" << port << '\n'
              << "CA certificate: " << tls.caCertificate << std::endl;
    int received = 0;
    sigwait(&stopSignals, &received);
    server->stop();
    serving.join();
    return 0;
}
