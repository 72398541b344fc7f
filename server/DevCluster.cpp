// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/DevCluster.h"

#include "server/PgConnection.h"

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <arpa/inet.h>
#include <filesystem>
#include <netinet/in.h>
#include <openssl/rand.h>
#include <pwd.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sohoa::hub {

namespace {

namespace fs = std::filesystem;

constexpr auto kDatabase = "sohoa_hub";
constexpr auto kUser = "sohoa";
constexpr auto kStateFile = "hub-dev.json";

struct DevState
{
    int postgresPort = 0;
    int hubPort = 0;
    std::string password;
};

std::string binDirectory()
{
    const QByteArray configured = qgetenv("SOHOA_PG_BINDIR");
    return configured.isEmpty() ? std::string("/usr/lib/postgresql/15/bin")
                                : configured.toStdString();
}

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

// Runs a PostgreSQL program, as the postgres user when we are root. Returns its exit code and
// puts its output in `output`.
int runPostgresTool(const std::string& program, const QStringList& arguments, QString* output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    const QString path = QString::fromStdString(binDirectory() + "/" + program);
    if (runningAsRoot())
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                  QStringLiteral("--"), path} +
                          arguments);
    else
        process.start(path, arguments);
    if (!process.waitForStarted(10000))
        throw std::runtime_error("cannot run " + path.toStdString() +
                                 " (is postgresql-15 installed?)");
    process.waitForFinished(120000);
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

void handToPostgres(const fs::path& path)
{
    if (!runningAsRoot())
        return;
    const passwd* account = ::getpwnam("postgres");
    if (!account || ::chown(path.c_str(), account->pw_uid, account->pw_gid) != 0)
        throw std::runtime_error("cannot give " + path.string() +
                                 " to the postgres user (is postgresql-15 installed?)");
}

int freeLoopbackPort()
{
    const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    const bool bound = ::bind(socket, reinterpret_cast<sockaddr*>(&address), size) == 0 &&
                       ::getsockname(socket, reinterpret_cast<sockaddr*>(&address), &size) == 0;
    ::close(socket);
    if (!bound)
        throw std::runtime_error("no free loopback port");
    return ntohs(address.sin_port);
}

std::string randomPassword()
{
    unsigned char bytes[18];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        throw std::runtime_error("no random bytes for the database password");
    return QByteArray(reinterpret_cast<const char*>(bytes), sizeof bytes)
        .toBase64(QByteArray::Base64UrlEncoding)
        .toStdString();
}

DevState loadOrCreateState(const fs::path& directory)
{
    QFile file(QString::fromStdString((directory / kStateFile).string()));
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        DevState state{json.value("postgres_port").toInt(), json.value("hub_port").toInt(),
                       json.value("postgres_password").toString().toStdString()};
        if (state.postgresPort > 0 && state.hubPort > 0 && !state.password.empty())
            return state;
    }
    const DevState state{freeLoopbackPort(), freeLoopbackPort(), randomPassword()};
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw std::runtime_error("cannot write " + file.fileName().toStdString());
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(
        QJsonDocument(QJsonObject{{"postgres_port", state.postgresPort},
                                  {"hub_port", state.hubPort},
                                  {"postgres_password", QString::fromStdString(state.password)}})
            .toJson());
    return state;
}

std::string conninfoFor(const DevState& state, const std::string& database)
{
    return "host=127.0.0.1 port=" + std::to_string(state.postgresPort) + " dbname=" + database +
           " user=" + kUser + " password=" + state.password + " connect_timeout=10";
}

void initialize(const fs::path& data, const DevState& state)
{
    fs::create_directories(data);
    fs::permissions(data, fs::perms::owner_all);
    handToPostgres(data);
    // The password reaches initdb through a file only the cluster's owner can read.
    const fs::path passwordFile = data.parent_path() / "pg-password.tmp";
    {
        QFile file(QString::fromStdString(passwordFile.string()));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            throw std::runtime_error("cannot write " + passwordFile.string());
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        file.write(QByteArray::fromStdString(state.password));
    }
    handToPostgres(passwordFile);
    QString output;
    const int code = runPostgresTool(
        "initdb",
        {QStringLiteral("-D"), QString::fromStdString(data.string()), QStringLiteral("-U"),
         QString::fromLatin1(kUser), QStringLiteral("--pwfile"),
         QString::fromStdString(passwordFile.string()), QStringLiteral("--auth=scram-sha-256"),
         QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8")},
        &output);
    fs::remove(passwordFile);
    if (code != 0)
        throw std::runtime_error("initdb failed: " + output.toStdString());
}

bool isRunning(const fs::path& data)
{
    return runPostgresTool("pg_ctl",
                           {QStringLiteral("status"), QStringLiteral("-D"),
                            QString::fromStdString(data.string())},
                           nullptr) == 0;
}

void startServer(const fs::path& data, const DevState& state)
{
    const fs::path log = data / "server.log";
    QString output;
    // Loopback TCP only: no Unix socket, so nothing depends on who may enter DIR.
    const int code = runPostgresTool(
        "pg_ctl",
        {QStringLiteral("start"), QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
         QStringLiteral("-D"), QString::fromStdString(data.string()), QStringLiteral("-l"),
         QString::fromStdString(log.string()), QStringLiteral("-o"),
         QStringLiteral("-c listen_addresses=127.0.0.1 -c unix_socket_directories='' -p %1")
             .arg(state.postgresPort)},
        &output);
    if (code != 0)
        throw std::runtime_error("PostgreSQL did not start (see " + log.string() +
                                 "): " + output.toStdString());
}

void createDatabase(const DevState& state)
{
    PgConnection admin(conninfoFor(state, "postgres"));
    if (admin.exec("SELECT 1 FROM pg_database WHERE datname = $1", {kDatabase}).rows() == 0)
        admin.execScript(std::string("CREATE DATABASE ") + kDatabase);
}

// PostgreSQL runs as `postgres` when we are root, and must pass through every folder above its
// data: say which one stops it rather than let initdb fail on a permission later.
void requireReachableByPostgres(const fs::path& directory)
{
    for (fs::path folder = directory.parent_path(); !folder.empty();
         folder = folder.parent_path()) {
        const fs::perms permissions = fs::status(folder).permissions();
        if ((permissions & fs::perms::others_exec) == fs::perms::none)
            throw std::runtime_error("the postgres user cannot reach " + directory.string() +
                                     ": allow it through " + folder.string() +
                                     " (chmod o+x) or choose a folder it can reach");
        if (folder == folder.root_path())
            break;
    }
}

} // namespace

std::unique_ptr<DevCluster> DevCluster::start(const std::string& directoryName)
{
    const fs::path directory = fs::absolute(directoryName);
    fs::create_directories(directory);
    if (runningAsRoot()) {
        requireReachableByPostgres(directory);
        // The postgres user must be able to pass through to DIR/pg (and nothing more).
        fs::permissions(directory, fs::perms::others_exec | fs::perms::group_exec,
                        fs::perm_options::add);
    }
    const DevState state = loadOrCreateState(directory);
    const fs::path data = directory / "pg";
    if (!fs::exists(data / "PG_VERSION"))
        initialize(data, state);
    // A cluster still running after the hub was killed is adopted as it is.
    if (!isRunning(data))
        startServer(data, state);
    createDatabase(state);
    return std::unique_ptr<DevCluster>(
        new DevCluster(data.string(), conninfoFor(state, kDatabase), state.hubPort));
}

DevCluster::DevCluster(std::string dataDirectory, std::string conninfo, int hubPort)
    : dataDirectory_(std::move(dataDirectory)), conninfo_(std::move(conninfo)), hubPort_(hubPort)
{
}

DevCluster::~DevCluster()
{
    try {
        runPostgresTool("pg_ctl",
                        {QStringLiteral("stop"), QStringLiteral("-m"), QStringLiteral("fast"),
                         QStringLiteral("-D"), QString::fromStdString(dataDirectory_)},
                        nullptr);
    } catch (const std::exception&) {
        // Stopping is best effort: a running cluster is found and reused on the next start.
    }
}

std::string DevCluster::conninfoOf(const std::string& directoryName)
{
    const fs::path directory = fs::absolute(directoryName);
    if (!fs::exists(directory / kStateFile))
        throw std::runtime_error("no dev hub in " + directory.string() +
                                 " (start one with: sohoa-hub --dev " + directoryName + ")");
    return conninfoFor(loadOrCreateState(directory), kDatabase);
}

} // namespace sohoa::hub
