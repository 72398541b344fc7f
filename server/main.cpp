// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-hub --dev DIR [--threads N]
// sohoa-hub serve --pg CONNINFO --cert PEM --key PEM --files DIR [--listen HOST:PORT]
//           [--threads N]
// sohoa-hub admin (add-workstation NAME [--agency CODE] | enrolment-code NAME [--agency CODE]...
//           [--valid-hours H] | revoke NAME | list | seed-civil-status [--families N]
//           [--seed S] | lookups-of ID | decide DOSSIER_CODE DECISION --by NAME [--title T]
//           [--department D] [--remarks TEXT] | settings set FILE.json | catalogue import
//           FILE.json [--by NAME]) (--dev DIR | --pg CONNINFO)
#include "domain/Catalogue.h"
#include "server/CatalogueImport.h"
#include "server/CivilStatusGenerator.h"
#include "server/CivilStatusTables.h"
#include "server/DevCertificates.h"
#include "server/DevCluster.h"
#include "server/DirectoryFileStore.h"
#include "server/Enrolments.h"
#include "server/HubCatalogue.h"
#include "server/HubCleanup.h"
#include "server/HubDecisions.h"
#include "server/HubSchema.h"
#include "server/HubServer.h"
#include "server/HubSettings.h"
#include "server/LookupAudit.h"
#include "server/PgTransaction.h"
#include "server/Workstations.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <pthread.h>
#include <thread>
#include <vector>

namespace {

using namespace sohoa::hub;

constexpr int kUsage = 2;
constexpr int kLongestValidHours = 24 * 366;

// "--name value" pairs after the command words (an option may repeat); words without "--" stay
// in order.
struct Arguments
{
    std::vector<std::string> words;
    std::map<std::string, std::vector<std::string>> options;

    // The option's last value.
    std::string option(const std::string& name, const std::string& fallback = {}) const
    {
        const auto found = options.find(name);
        return found == options.end() ? fallback : found->second.back();
    }
    std::vector<std::string> all(const std::string& name) const
    {
        const auto found = options.find(name);
        return found == options.end() ? std::vector<std::string>() : found->second;
    }
};

Arguments parse(int argc, char** argv)
{
    Arguments arguments;
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (word.starts_with("--") && i + 1 < argc)
            arguments.options[word.substr(2)].push_back(argv[++i]);
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
                 "  sohoa-hub admin enrolment-code NAME [--agency CODE]... [--valid-hours H] "
                 "(--dev DIR | --pg CONNINFO)\n"
                 "  sohoa-hub admin revoke NAME [--token ID] (--dev DIR | --pg CONNINFO)\n"
                 "  sohoa-hub admin list (--dev DIR | --pg CONNINFO)\n"
                 "  sohoa-hub admin seed-civil-status [--families N] [--seed S] (--dev DIR | "
                 "--pg CONNINFO)\n"
                 "  sohoa-hub admin lookups-of ID (--dev DIR | --pg CONNINFO)\n"
                 "  sohoa-hub admin decide DOSSIER_CODE (return|approve|request-supplement|"
                 "mark-synced) --by NAME [--title T] [--department D] [--remarks TEXT] (--dev "
                 "DIR | --pg CONNINFO)\n"
                 "  sohoa-hub admin settings set FILE.json (--dev DIR | --pg CONNINFO)\n"
                 "  sohoa-hub admin cleanup (report|run) [--upload-days N] [--file-days N] "
                 "(--dev DIR | --pg CONNINFO --files DIR)\n"
                 "  sohoa-hub admin catalogue import FILE.json [--by NAME] (--dev DIR | --pg "
                 "CONNINFO)\n"
                 "Options of the hub: --threads N (HTTP workers), --lookups-per-hour N (per "
                 "workstation, default 120)\n";
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

// Hub settings both --dev and serve take.
void applyCommonOptions(const Arguments& arguments, HubOptions& options)
{
    options.threads = std::max(1, std::stoi(arguments.option("threads", "16")));
    options.lookupsPerHour = std::max(1, std::stoi(arguments.option("lookups-per-hour", "120")));
}

// Generated civil-status families (CivilStatusGenerator), in one transaction.
GeneratedCivilStatus seedCivilStatus(PgConnection& connection, int families, std::uint32_t seed)
{
    PgTransaction transaction(connection);
    const GeneratedCivilStatus generated =
        CivilStatusGenerator(seed).generate(connection, families);
    transaction.commit();
    return generated;
}

// A new dev hub serves generated civil-status records, so look-ups work in demos and tests.
constexpr int kDevFamilies = 100;

// What an import did, in the admin's words.
void printImport(const CatalogueImportResult& imported)
{
    if (!imported.created) {
        std::cout << "The catalogue is identical to revision " << imported.revision << " ("
                  << imported.version.toStdString() << "); no revision stored." << std::endl;
        return;
    }
    std::cout << "Catalogue revision " << imported.revision << " stored ("
              << imported.version.toStdString() << "): procedures " << imported.proceduresChanged
              << " new or changed, " << imported.proceduresRemoved << " removed; agencies "
              << imported.agenciesChanged << " new or changed, " << imported.agenciesRemoved
              << " removed. Workstations take it at their next sync." << std::endl;
}

// `catalogue import FILE.json`: by --by, else the operating-system user.
int importCatalogue(PgConnection& connection, const Arguments& arguments)
{
    QFile file(QString::fromStdString(arguments.words[3]));
    if (!file.open(QIODevice::ReadOnly)) {
        std::cerr << "Cannot read " << arguments.words[3] << '\n';
        return 1;
    }
    const char* user = std::getenv("USER");
    printImport(CatalogueImport::run(connection, file.readAll(),
                                     arguments.option("by", user && *user ? user : "admin")));
    return 0;
}

// A new dev hub serves the starter catalogue as its revision 1, so its workstations pull one.
void importBuiltInCatalogue(PgConnection& connection)
{
    if (HubCatalogue::head(connection).revision > 0)
        return;
    QFile builtIn(QString::fromLatin1(sohoa::domain::Catalogue::kBuiltInPath));
    if (!builtIn.open(QIODevice::ReadOnly))
        throw std::runtime_error("the built-in catalogue is missing");
    printImport(CatalogueImport::run(connection, builtIn.readAll(), "sohoa-hub --dev"));
}

int runDev(const Arguments& arguments)
{
    const std::string directory = arguments.option("dev");
    const auto cluster = DevCluster::start(directory);
    HubOptions options;
    options.port = cluster->hubPort();
    options.tls = DevCertificates::ensure(directory);
    options.conninfo = cluster->conninfo();
    applyCommonOptions(arguments, options);
    options.devMode = true;
    options.filesDirectory = directory + "/files";
    HubServer server(options);
    server.bind();
    {
        PgConnection connection(options.conninfo);
        if (CivilStatusTables::recordCount(connection) == 0) {
            const GeneratedCivilStatus seeded = seedCivilStatus(connection, kDevFamilies, 1);
            std::cout << "Civil-status records generated for demos: " << seeded.records
                      << " records of " << seeded.people << " people\n";
        }
        importBuiltInCatalogue(connection);
    }
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
    applyCommonOptions(arguments, options);
    if (options.tls.certificate.empty() || options.tls.privateKey.empty() ||
        options.conninfo.empty() || options.filesDirectory.empty())
        return usage();
    HubServer server(options);
    server.bind();
    std::cout << "SoHoa hub listening on " << server.url() << std::endl;
    return serveUntilSignalled(server);
}

// --valid-hours H of an enrolment code: 0 (expired at once, for tests) up to a year.
std::optional<int> validHours(const Arguments& arguments)
{
    const std::string hours =
        arguments.option("valid-hours", std::to_string(Enrolments::kDefaultValidHours));
    if (hours.empty() || hours.size() > 4 ||
        hours.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(hours) > kLongestValidHours)
        return std::nullopt;
    return std::stoi(hours);
}

// `admin decide`: the supervisor's decision on a dossier (docs/SYNC-PROTOCOL.md §7.3), until
// the supervisor's screens exist. Prints the feed item the workstation will receive.
int decide(PgConnection& connection, const Arguments& arguments)
{
    // The command's words for the lifecycle's stable names.
    static const std::map<std::string, std::string> decisions = {
        {"return", "return_to_officer"},
        {"approve", "approve"},
        {"request-supplement", "request_supplement"},
        {"mark-synced", "mark_synced"}};
    const auto decision = decisions.find(arguments.words[3]);
    if (decision == decisions.end() || arguments.option("by").empty())
        return usage();
    const QJsonObject item = HubDecisions::take(
        connection, DecisionRequest{arguments.words[2], decision->second,
                                    Decider{arguments.option("by"), arguments.option("title"),
                                            arguments.option("department")},
                                    arguments.option("remarks")});
    std::cout << QJsonDocument(item).toJson(QJsonDocument::Compact).toStdString() << std::endl;
    return 0;
}

// `admin cleanup`: abandoned uploads and files no dossier refers to (HubCleanup), in the dev
// hub's file store or the one named by --files.
int cleanup(PgConnection& connection, const Arguments& arguments)
{
    const std::string files = arguments.options.contains("dev") ? arguments.option("dev") + "/files"
                                                                : arguments.option("files");
    const std::string mode = arguments.words[2];
    if (files.empty() || (mode != "report" && mode != "run"))
        return usage();
    DirectoryFileStore store(files);
    CleanupLimits limits;
    limits.uploadDays = std::stoi(arguments.option("upload-days", "7"));
    limits.fileDays = std::stoi(arguments.option("file-days", "30"));
    limits.dryRun = mode == "report";
    const CleanupReport report = HubCleanup::run(connection, store, limits);
    std::cout << (limits.dryRun ? "Would remove " : "Removed ") << report.uploads
              << " upload(s) untouched for " << limits.uploadDays << " days (" << report.stagedBytes
              << " staged bytes) and " << report.files
              << " file(s) no dossier refers to, stored over " << limits.fileDays << " days ago ("
              << report.fileBytes << " bytes)." << std::endl;
    return 0;
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
    if (action == "enrolment-code" && arguments.words.size() == 3) {
        const std::optional<int> hours = validHours(arguments);
        if (!hours)
            return usage();
        const IssuedEnrolmentCode issued =
            Enrolments::issue(connection, arguments.words[2], arguments.all("agency"), *hours);
        std::cout << "Enrolment code for workstation " << arguments.words[2]
                  << ", single use, valid until " << issued.expiresAt
                  << " (shown once; give it to the counter):\n"
                  << issued.code << std::endl;
        return 0;
    }
    if (action == "revoke" && arguments.words.size() == 3 && arguments.options.contains("token")) {
        const std::string tokenId = arguments.option("token");
        if (!Workstations::revokeToken(connection, arguments.words[2], std::stoll(tokenId))) {
            std::cerr << "Workstation " << arguments.words[2] << " has no active token " << tokenId
                      << '\n';
            return 1;
        }
        std::cout << "Token " << tokenId << " of workstation " << arguments.words[2]
                  << " revoked; its other tokens still work." << std::endl;
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
        for (const Workstation& workstation : Workstations::list(connection)) {
            std::cout << workstation.name << '\t' << workstation.agencyCode << '\t'
                      << (workstation.revokedAt.empty() ? "active" : "revoked") << '\t'
                      << workstation.createdAt << '\t' << workstation.lastSeenAt << '\n';
            for (const TokenSummary& token : Workstations::tokensOf(connection, workstation.id))
                std::cout << "\ttoken " << token.id << '\t'
                          << (token.revokedAt.empty() ? "active" : "revoked") << '\t'
                          << token.createdAt << '\n';
        }
        return 0;
    }
    if (action == "seed-civil-status" && arguments.words.size() == 2) {
        const GeneratedCivilStatus seeded =
            seedCivilStatus(connection, std::max(1, std::stoi(arguments.option("families", "100"))),
                            static_cast<std::uint32_t>(std::stoul(arguments.option("seed", "1"))));
        std::cout << "Generated " << seeded.records << " civil-status records of " << seeded.people
                  << " people (not real persons). Example ID numbers:\n"
                  << seeded.exampleIds.join(QLatin1Char(' ')).toStdString() << std::endl;
        return 0;
    }
    if (action == "cleanup" && arguments.words.size() == 3)
        return cleanup(connection, arguments);
    if (action == "decide" && arguments.words.size() == 4)
        return decide(connection, arguments);
    if (action == "settings" && arguments.words.size() == 4 && arguments.words[2] == "set") {
        // The province's settings for every workstation (docs/SYNC-PROTOCOL.md §7.2).
        std::ifstream file(arguments.words[3]);
        if (!file) {
            std::cerr << "Cannot read " << arguments.words[3] << '\n';
            return 1;
        }
        const std::string json{std::istreambuf_iterator<char>(file), {}};
        std::cout << "Settings revision " << HubSettings::set(connection, json)
                  << " stored; workstations take it at their next sync." << std::endl;
        return 0;
    }
    if (action == "catalogue" && arguments.words.size() == 4 && arguments.words[2] == "import")
        return importCatalogue(connection, arguments);
    if (action == "lookups-of" && arguments.words.size() == 3) {
        // A data subject's "who looked me up?" (docs/SYNC-PROTOCOL.md §11.4).
        for (const LookupEntry& entry : LookupAudit::of(connection, arguments.words[2]))
            std::cout << entry.lookedUpAt.toStdString() << '\t' << entry.lookupId.toStdString()
                      << '\t' << entry.workstation.toStdString() << '\t'
                      << entry.officerId.toStdString() << '\t' << entry.kind.toStdString() << '\t'
                      << entry.purposeCode.toStdString() << '\t' << entry.resultCount << '\n';
        return 0;
    }
    return usage();
}

} // namespace

int main(int argc, char** argv)
{
    // A workstation that drops its connection while the hub writes a TLS record must cost that
    // connection an error, not the hub its life (OpenSSL writes to the socket with write()).
    std::signal(SIGPIPE, SIG_IGN);
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
