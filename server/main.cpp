// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-hub --dev DIR [--threads N]
// sohoa-hub serve --pg CONNINFO --cert PEM --key PEM --files DIR [--listen HOST:PORT]
//           [--threads N]
// sohoa-hub admin (add-workstation NAME [--agency CODE] | revoke NAME | list)
//           (--dev DIR | --pg CONNINFO)
#include "server/DevCertificates.h"
#include "server/DevCluster.h"
#include "server/HubSchema.h"
#include "server/HubServer.h"
#include "server/Workstations.h"

#include <QCoreApplication>
#include <QStringList>
#include <csignal>
#include <iostream>
#include <map>
#include <pthread.h>
#include <thread>

namespace {

using namespace sohoa::hub;

constexpr int kUsage = 2;

// "--name value" pairs after the command words; words without "--" stay in order.
struct Arguments
{
    std::vector<std::string> words;
    std::map<std::string, std::string> options;

    std::string option(const std::string& name, const std::string& fallback = {}) const
    {
        const auto found = options.find(name);
        return found == options.end() ? fallback : found->second;
    }
};

Arguments parse(int argc, char** argv)
{
    Arguments arguments;
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (word.starts_with("--") && i + 1 < argc)
            arguments.options[word.substr(2)] = argv[++i];
        else
            arguments.words.push_back(word);
    }
    return arguments;
}

int usage()
{
    std::cerr << "Usage:\n"
                 "  sohoa-hub --dev DIR [--threads N]\n"
                 "  sohoa-hub serve --pg CONNINFO --cert PEM --key PEM --files DIR "
                 "[--listen HOST:PORT] [--threads N]\n"
                 "  sohoa-hub admin add-workstation NAME [--agency CODE] (--dev DIR | --pg "
                 "CONNINFO)\n"
                 "  sohoa-hub admin revoke NAME (--dev DIR | --pg CONNINFO)\n"
                 "  sohoa-hub admin list (--dev DIR | --pg CONNINFO)\n";
    return kUsage;
}

// Serves until SIGINT or SIGTERM. The stopSignals are blocked in every thread and taken by one
// waiting thread, so the HTTP workers never see them.
int serveUntilSignalled(HubServer& server)
{
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::thread waiter([&] {
        int received = 0;
        sigwait(&stopSignals, &received);
        server.stop();
    });
    server.run();
    if (waiter.joinable()) {
        pthread_kill(waiter.native_handle(), SIGTERM);
        waiter.join();
    }
    return 0;
}

int threadsOption(const Arguments& arguments)
{
    return std::max(1, std::stoi(arguments.option("threads", "16")));
}

int runDev(const Arguments& arguments)
{
    const std::string directory = arguments.option("dev");
    const auto cluster = DevCluster::start(directory);
    HubOptions options;
    options.port = cluster->hubPort();
    options.tls = DevCertificates::ensure(directory);
    options.conninfo = cluster->conninfo();
    options.threads = threadsOption(arguments);
    options.devMode = true;
    options.filesDirectory = directory + "/files";
    HubServer server(options);
    server.bind();
    std::cout << "SoHoa hub (dev) listening on " << server.url() << '\n'
              << "PostgreSQL: " << cluster->conninfo() << '\n'
              << "CA certificate: " << options.tls.caCertificate << std::endl;
    return serveUntilSignalled(server);
}

int runServe(const Arguments& arguments)
{
    HubOptions options;
    const std::string listen = arguments.option("listen", "127.0.0.1:8443");
    const auto colon = listen.rfind(':');
    options.host = listen.substr(0, colon);
    options.port = std::stoi(listen.substr(colon + 1));
    options.tls.certificate = arguments.option("cert");
    options.tls.privateKey = arguments.option("key");
    options.conninfo = arguments.option("pg");
    options.filesDirectory = arguments.option("files");
    options.threads = threadsOption(arguments);
    if (options.tls.certificate.empty() || options.tls.privateKey.empty() ||
        options.conninfo.empty() || options.filesDirectory.empty())
        return usage();
    HubServer server(options);
    server.bind();
    std::cout << "SoHoa hub listening on " << server.url() << std::endl;
    return serveUntilSignalled(server);
}

int runAdmin(const Arguments& arguments)
{
    const std::string conninfo = arguments.options.contains("dev")
                                     ? DevCluster::conninfoOf(arguments.option("dev"))
                                     : arguments.option("pg");
    if (conninfo.empty() || arguments.words.size() < 2)
        return usage();
    PgConnection connection(conninfo);
    HubSchema::migrate(connection);
    const std::string& action = arguments.words[1];
    if (action == "add-workstation" && arguments.words.size() == 3) {
        const std::string token =
            Workstations::add(connection, arguments.words[2], arguments.option("agency"));
        std::cout << "Workstation " << arguments.words[2]
                  << " added. Its token (shown once; give it to the workstation):\n"
                  << token << std::endl;
        return 0;
    }
    if (action == "revoke" && arguments.words.size() == 3) {
        if (!Workstations::revoke(connection, arguments.words[2])) {
            std::cerr << "No active workstation named " << arguments.words[2] << '\n';
            return 1;
        }
        std::cout << "Workstation " << arguments.words[2] << " revoked." << std::endl;
        return 0;
    }
    if (action == "list" && arguments.words.size() == 2) {
        for (const Workstation& workstation : Workstations::list(connection))
            std::cout << workstation.name << '\t' << workstation.agencyCode << '\t'
                      << (workstation.revokedAt.empty() ? "active" : "revoked") << '\t'
                      << workstation.createdAt << '\t' << workstation.lastSeenAt << '\n';
        return 0;
    }
    return usage();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    const Arguments arguments = parse(argc, argv);
    try {
        if (arguments.words.empty() && arguments.options.contains("dev"))
            return runDev(arguments);
        if (!arguments.words.empty() && arguments.words.front() == "serve")
            return runServe(arguments);
        if (!arguments.words.empty() && arguments.words.front() == "admin")
            return runAdmin(arguments);
        return usage();
    } catch (const std::exception& error) {
        std::cerr << "sohoa-hub: " << error.what() << std::endl;
        return 1;
    }
}
