// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/HubServer.h"

#include "server/ApiError.h"
#include "server/DossierOperations.h"
#include "server/HubSchema.h"
#include "server/Workstations.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <functional>
#include <httplib.h>
#include <optional>

namespace sohoa::hub {

namespace {

// Additive changes to v1 so far (docs/SYNC-PROTOCOL.md §12).
constexpr int kApiRevision = 1;

void sendJson(httplib::Response& response, int status, const QJsonObject& body)
{
    response.status = status;
    response.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(),
                         "application/json");
}

std::string bearerToken(const httplib::Request& request)
{
    const std::string header = request.get_header_value("Authorization");
    constexpr std::string_view scheme = "Bearer ";
    return header.starts_with(scheme) ? header.substr(scheme.size()) : std::string();
}

Workstation authenticated(PgConnection& connection, const httplib::Request& request)
{
    const std::string token = bearerToken(request);
    if (token.empty())
        throw ApiError::tokenMissing();
    auto workstation = Workstations::authenticate(connection, token);
    if (!workstation)
        throw Workstations::wasRevoked(connection, token) ? ApiError::tokenRevoked()
                                                          : ApiError::tokenInvalid();
    return std::move(*workstation);
}

// Runs one API call: its errors become the protocol's error bodies; a lost database is a 503
// the client retries, anything unexpected a 500 without internals.
void answer(httplib::Response& response, const std::function<void()>& call)
{
    try {
        call();
    } catch (const ApiError& error) {
        sendJson(response, error.httpStatus(), error.toJson());
    } catch (const PgError& error) {
        const ApiError reported =
            error.connectionLost() ? ApiError::unavailable() : ApiError::internalError();
        if (reported.httpStatus() == 503)
            response.set_header("Retry-After", "5");
        sendJson(response, reported.httpStatus(), reported.toJson());
    }
}

} // namespace

HubServer::HubServer(HubOptions options)
    : options_(std::move(options)), pool_(options_.conninfo, options_.threads)
{
    {
        PgPool::Lease connection = pool_.acquire();
        HubSchema::migrate(*connection);
    }
    server_ = std::make_unique<httplib::SSLServer>(options_.tls.certificate.c_str(),
                                                   options_.tls.privateKey.c_str());
    if (!server_->is_valid())
        throw std::runtime_error("cannot load the hub's TLS certificate or key (" +
                                 options_.tls.certificate + ")");
    const int threads = options_.threads;
    server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    routes();
}

HubServer::~HubServer() = default;

void HubServer::bind()
{
    if (options_.port == 0)
        options_.port = server_->bind_to_any_port(options_.host.c_str());
    else if (!server_->bind_to_port(options_.host.c_str(), options_.port))
        options_.port = -1;
    if (options_.port <= 0)
        throw std::runtime_error("cannot listen on " + options_.host + " (port taken?)");
}

void HubServer::run()
{
    server_->listen_after_bind();
}

void HubServer::stop()
{
    server_->stop();
}

std::string HubServer::url() const
{
    return "https://" + options_.host + ":" + std::to_string(options_.port);
}

void HubServer::routes()
{
    server_->Get("/v1/status", [this](const httplib::Request&, httplib::Response& response) {
        // docs/SYNC-PROTOCOL.md §4.1. The queues arrive with the relay and the uploads.
        QJsonObject status{{"service", "sohoa-hub"},
                           {"version", SOHOA_VERSION},
                           {"api", QJsonArray{"v1"}},
                           {"api_revision", kApiRevision},
                           {"mode", options_.devMode ? "dev" : "production"},
                           {"server_time", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                           {"queues", QJsonObject{}}};
        try {
            PgPool::Lease connection = pool_.acquire();
            const PgResult schema = connection->exec("SELECT max(version) FROM schema_migrations");
            status.insert(QStringLiteral("status"), QStringLiteral("ok"));
            status.insert(QStringLiteral("database"), QStringLiteral("ok"));
            status.insert(QStringLiteral("schema_version"), schema.integer(0, 0));
            sendJson(response, 200, status);
        } catch (const PgError&) {
            status.insert(QStringLiteral("status"), QStringLiteral("down"));
            status.insert(QStringLiteral("database"), QStringLiteral("unreachable"));
            response.set_header("Retry-After", "5");
            sendJson(response, 503, status);
        }
    });

    server_->Get("/v1/workstation", [this](const httplib::Request& request,
                                           httplib::Response& response) {
        answer(response, [&] {
            PgPool::Lease connection = pool_.acquire();
            const Workstation workstation = authenticated(*connection, request);
            sendJson(response, 200,
                     QJsonObject{{"name", QString::fromStdString(workstation.name)},
                                 {"agency_code", QString::fromStdString(workstation.agencyCode)}});
        });
    });

    server_->Post("/v1/operations",
                  [this](const httplib::Request& request, httplib::Response& response) {
                      answer(response, [&] {
                          PgPool::Lease connection = pool_.acquire();
                          const Workstation workstation = authenticated(*connection, request);
                          const OperationAnswer result = DossierOperations::apply(
                              *connection, workstation, request.get_header_value("Idempotency-Key"),
                              request.body, options_.devMode);
                          if (result.replay)
                              response.set_header("Idempotent-Replay", "true");
                          sendJson(response, result.status, result.body);
                      });
                  });

    server_->set_error_handler([](const httplib::Request&, httplib::Response& response) {
        if (!response.body.empty())
            return;
        const bool missing = response.status == 404;
        const ApiError error(response.status,
                             missing ? QStringLiteral("not-found") : QStringLiteral("bad-request"),
                             missing ? QStringLiteral("No such hub endpoint.")
                                     : QStringLiteral("The hub could not read the request."),
                             missing ? QStringLiteral("Máy chủ tỉnh không có chức năng này.")
                                     : QStringLiteral("Máy chủ tỉnh không đọc được yêu cầu."));
        sendJson(response, response.status, error.toJson());
    });
}

} // namespace sohoa::hub
