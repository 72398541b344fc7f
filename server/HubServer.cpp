// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/HubServer.h"

#include "server/ApiError.h"
#include "server/CatalogueFeed.h"
#include "server/CivilStatusTables.h"
#include "server/CodeBlocks.h"
#include "server/DirectoryFileStore.h"
#include "server/DossierOperations.h"
#include "server/Enrolments.h"
#include "server/FailureThrottle.h"
#include "server/FileDownloads.h"
#include "server/FileUploads.h"
#include "server/HubDecisions.h"
#include "server/HubSchema.h"
#include "server/HubSettings.h"
#include "server/Lookups.h"
#include "server/Workstations.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <httplib.h>
#include <iostream>
#include <optional>

namespace sohoa::hub {

namespace {

// Additive changes to v1 so far (docs/SYNC-PROTOCOL.md §12): 2 look-ups and file downloads;
// 3 workstation_name in the enrolment answer; 4 the returned-dossiers feed and settings; 5 the
// catalogue feed.
constexpr int kApiRevision = 5;
// Failed enrolment codes one address may send before it waits (docs/SYNC-PROTOCOL.md §4.2).
constexpr int kEnrolmentFailures = 10;
constexpr std::chrono::minutes kEnrolmentFailureWindow{10};
// The largest request body: a tus chunk (docs/SYNC-PROTOCOL.md §9.2); cpp-httplib answers 413
// to a larger one without reading it into memory.
constexpr std::size_t kMaxChunk = 16 * 1024 * 1024;
constexpr auto kTusVersion = "1.0.0";

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

void sendError(httplib::Response& response, const ApiError& error)
{
    for (const auto& [name, value] : error.headers())
        response.set_header(name, value);
    sendJson(response, error.httpStatus(), error.toJson());
}

// Runs one API call: its errors become the protocol's error bodies; a lost database is a 503
// the client retries, anything unexpected (a full disk) a 500 without internals.
void answer(httplib::Response& response, const std::function<void()>& call)
{
    try {
        call();
    } catch (const ApiError& error) {
        sendError(response, error);
    } catch (const PgError& error) {
        sendError(response,
                  error.connectionLost() ? ApiError::unavailable() : ApiError::internalError());
    } catch (const std::exception& error) {
        std::cerr << "sohoa-hub: " << error.what() << std::endl;
        sendError(response, ApiError::internalError());
    }
}

} // namespace

HubServer::HubServer(HubOptions options)
    : options_(std::move(options)), pool_(options_.conninfo, options_.threads),
      files_(std::make_unique<DirectoryFileStore>(options_.filesDirectory)),
      uploads_(std::make_unique<FileUploads>(*files_, options_.maxFileSize, options_.devMode)),
      civilStatus_(std::make_unique<CivilStatusTables>()),
      lookups_(std::make_unique<Lookups>(*civilStatus_, options_.lookupsPerHour)),
      enrolmentFailures_(
          std::make_unique<FailureThrottle>(kEnrolmentFailures, kEnrolmentFailureWindow))
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
    server_->set_payload_max_length(kMaxChunk);
    // cpp-httplib gives a connection its worker thread while it is kept alive: keep an idle
    // workstation from holding one for long.
    server_->set_keep_alive_timeout(2);
    server_->set_keep_alive_max_count(100);
    // Without it a busy kept-alive connection waits for the client's delayed ACK (40 ms) at the
    // end of each response: 16 threads then top out near 350 req/s (bench/http_compare.sh).
    server_->set_tcp_nodelay(true);
    routes();
    enrolmentRoute();
    fileRoutes();
    lookupRoutes();
    downSyncRoutes();
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
        // docs/SYNC-PROTOCOL.md §4.1. The national relay's queues arrive with it.
        QJsonObject status{{"service", "sohoa-hub"},
                           {"version", SOHOA_VERSION},
                           {"api", QJsonArray{"v1"}},
                           {"api_revision", kApiRevision},
                           {"mode", options_.devMode ? "dev" : "production"},
                           {"server_time", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
        try {
            PgPool::Lease connection = pool_.acquire();
            const PgResult counts =
                connection->exec("SELECT (SELECT max(version) FROM schema_migrations), "
                                 "(SELECT count(*) FROM uploads WHERE upload_offset < length), "
                                 "(SELECT count(*) FROM lookups "
                                 "WHERE looked_up_at > now() - interval '1 hour')");
            status.insert(QStringLiteral("status"), QStringLiteral("ok"));
            status.insert(QStringLiteral("database"), QStringLiteral("ok"));
            status.insert(QStringLiteral("schema_version"), counts.integer(0, 0));
            status.insert(QStringLiteral("queues"),
                          QJsonObject{{"uploads_incomplete", counts.integer(0, 1)},
                                      {"lookups_last_hour", counts.integer(0, 2)}});
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
                          const IdempotentAnswer result = DossierOperations::apply(
                              *connection, workstation, request.get_header_value("Idempotency-Key"),
                              request.body, options_.devMode);
                          if (result.replay)
                              response.set_header("Idempotent-Replay", "true");
                          sendJson(response, result.status, result.body);
                      });
                  });

    server_->Post(
        "/v1/code-blocks", [this](const httplib::Request& request, httplib::Response& response) {
            answer(response, [&] {
                PgPool::Lease connection = pool_.acquire();
                const Workstation workstation = authenticated(*connection, request);
                const IdempotentAnswer result =
                    CodeBlocks::reserve(*connection, workstation,
                                        request.get_header_value("Idempotency-Key"), request.body);
                if (result.replay)
                    response.set_header("Idempotent-Replay", "true");
                sendJson(response, result.status, result.body);
            });
        });

    // Requests cpp-httplib answers itself: no route, or a body it would not read.
    server_->set_error_handler([](const httplib::Request&, httplib::Response& response) {
        if (!response.body.empty())
            return;
        if (response.status == 404)
            sendError(response, ApiError(404, QStringLiteral("not-found"),
                                         QStringLiteral("No such hub endpoint."),
                                         QStringLiteral("Máy chủ tỉnh không có chức năng này.")));
        else if (response.status == 413)
            sendError(response,
                      ApiError(413, QStringLiteral("payload-too-large"),
                               QStringLiteral("The request is larger than the hub accepts (%1 "
                                              "bytes).")
                                   .arg(kMaxChunk),
                               QStringLiteral("Yêu cầu lớn hơn mức máy chủ tỉnh cho phép (%1 "
                                              "byte).")
                                   .arg(kMaxChunk),
                               QJsonObject{{"maximum", static_cast<qint64>(kMaxChunk)}}));
        else
            sendError(response, ApiError(response.status, QStringLiteral("bad-request"),
                                         QStringLiteral("The hub could not read the request."),
                                         QStringLiteral("Máy chủ tỉnh không đọc được yêu cầu.")));
    });
}

// docs/SYNC-PROTOCOL.md §4.2: no bearer token; the code is the credential, so failed codes
// count against the sender's address.
void HubServer::enrolmentRoute()
{
    server_->Post("/v1/enrolment", [this](const httplib::Request& request,
                                          httplib::Response& response) {
        answer(response, [&] {
            if (const auto wait = enrolmentFailures_->wait(request.remote_addr); wait.count() > 0)
                throw ApiError::tooManyFailures(wait);
            PgPool::Lease connection = pool_.acquire();
            try {
                const QJsonObject enrolled = Enrolments::redeem(
                    *connection, request.get_header_value("Idempotency-Key"), request.body);
                response.set_header("Cache-Control", "no-store");
                sendJson(response, 201, enrolled);
            } catch (const ApiError& error) {
                if (error.httpStatus() == 403)
                    enrolmentFailures_->recordFailure(request.remote_addr);
                throw;
            }
        });
    });
}

void HubServer::tus(const httplib::Request& request, httplib::Response& response,
                    const std::function<void(PgConnection&, const Workstation&)>& call)
{
    response.set_header("Tus-Resumable", kTusVersion);
    answer(response, [&] {
        if (request.get_header_value("Tus-Resumable") != kTusVersion)
            throw ApiError(412, QStringLiteral("tus-version-unsupported"),
                           QStringLiteral("Only tus 1.0.0 is supported."),
                           QStringLiteral("Máy chủ chỉ hỗ trợ tus 1.0.0."))
                .withHeader("Tus-Version", kTusVersion);
        PgPool::Lease connection = pool_.acquire();
        call(*connection, authenticated(*connection, request));
    });
}

// docs/SYNC-PROTOCOL.md §9.
void HubServer::fileRoutes()
{
    server_->Post("/v1/files/missing",
                  [this](const httplib::Request& request, httplib::Response& response) {
                      answer(response, [&] {
                          PgPool::Lease connection = pool_.acquire();
                          authenticated(*connection, request);
                          sendJson(response, 200, uploads_->missing(*connection, request.body));
                      });
                  });

    server_->Options("/v1/uploads", [this](const httplib::Request&, httplib::Response& response) {
        response.status = 204;
        response.set_header("Tus-Resumable", kTusVersion);
        response.set_header("Tus-Version", kTusVersion);
        response.set_header("Tus-Extension", "creation,checksum");
        response.set_header("Tus-Checksum-Algorithm", "sha256");
        response.set_header("Tus-Max-Size", std::to_string(uploads_->maxFileSize()));
    });

    server_->Post("/v1/uploads", [this](const httplib::Request& request,
                                        httplib::Response& response) {
        tus(request, response, [&](PgConnection& connection, const Workstation& workstation) {
            const UploadProgress upload =
                uploads_->create(connection, workstation, request.get_header_value("Upload-Length"),
                                 request.get_header_value("Upload-Metadata"));
            response.status = 201;
            response.set_header("Location", "/v1/uploads/" + upload.id);
            response.set_header("Upload-Offset", std::to_string(upload.offset));
        });
    });

    // cpp-httplib routes HEAD to the GET handlers; a GET of an upload is no endpoint.
    const std::string anUpload = R"(/v1/uploads/([^/]+))";
    server_->Get(anUpload, [this](const httplib::Request& request, httplib::Response& response) {
        if (request.method != "HEAD") {
            response.status = 404;
            return;
        }
        tus(request, response, [&](PgConnection& connection, const Workstation& workstation) {
            const UploadProgress upload =
                uploads_->progress(connection, workstation, request.matches[1]);
            response.status = 200;
            response.set_header("Upload-Offset", std::to_string(upload.offset));
            response.set_header("Upload-Length", std::to_string(upload.length));
            response.set_header("Cache-Control", "no-store");
        });
    });

    server_->Patch(anUpload, [this](const httplib::Request& request, httplib::Response& response) {
        tus(request, response, [&](PgConnection& connection, const Workstation& workstation) {
            const long long offset = uploads_->append(
                connection, workstation, request.matches[1],
                UploadChunk{request.get_header_value("Upload-Offset"),
                            request.get_header_value("Upload-Checksum"),
                            request.get_header_value("Content-Type"), request.body});
            response.status = 204;
            response.set_header("Upload-Offset", std::to_string(offset));
        });
    });
}

// docs/SYNC-PROTOCOL.md §11 and the download of a file for reuse (§9.1).
void HubServer::lookupRoutes()
{
    const auto lookup = [this](auto call) {
        return [this, call](const httplib::Request& request, httplib::Response& response) {
            answer(response, [&] {
                PgPool::Lease connection = pool_.acquire();
                const Workstation workstation = authenticated(*connection, request);
                response.set_header("Cache-Control", "no-store");
                sendJson(response, 200,
                         (lookups_.get()->*call)(*connection, workstation, request.body));
            });
        };
    };
    server_->Post("/v1/lookups/documents", lookup(&Lookups::documents));
    server_->Post("/v1/lookups/civil-status", lookup(&Lookups::civilStatus));

    server_->Get(R"(/v1/files/([^/]+))", [this](const httplib::Request& request,
                                                httplib::Response& response) {
        answer(response, [&] {
            PgPool::Lease connection = pool_.acquire();
            const Workstation workstation = authenticated(*connection, request);
            const std::string sha256 = request.matches[1];
            const long long length =
                FileDownloads::allow(*connection, workstation, *files_, sha256);
            std::shared_ptr<std::istream> stream = files_->open(sha256);
            response.set_header("Cache-Control", "no-store");
            response.set_content_provider(
                static_cast<std::size_t>(length), "application/octet-stream",
                [stream](std::size_t, std::size_t wanted, httplib::DataSink& sink) {
                    // Pieces of at most 1 MiB: a large scan is never held whole in memory.
                    std::string piece(std::min<std::size_t>(wanted, 1 << 20), '\0');
                    stream->read(piece.data(), static_cast<std::streamsize>(piece.size()));
                    if (stream->gcount() <= 0)
                        return false;
                    return sink.write(piece.data(), static_cast<std::size_t>(stream->gcount()));
                });
        });
    });
}

// docs/SYNC-PROTOCOL.md §7: what the hub sends down to a workstation.
void HubServer::downSyncRoutes()
{
    server_->Get("/v1/returned-dossiers", [this](const httplib::Request& request,
                                                 httplib::Response& response) {
        answer(response, [&] {
            PgPool::Lease connection = pool_.acquire();
            const Workstation workstation = authenticated(*connection, request);
            // Remarks may name the applicant.
            response.set_header("Cache-Control", "no-store");
            sendJson(response, 200,
                     HubDecisions::feed(*connection, workstation, request.get_param_value("since"),
                                        request.get_param_value("limit")));
        });
    });

    server_->Get(
        "/v1/catalogue", [this](const httplib::Request& request, httplib::Response& response) {
            answer(response, [&] {
                PgPool::Lease connection = pool_.acquire();
                authenticated(*connection, request);
                sendJson(response, 200,
                         CatalogueFeed::since(*connection, request.get_param_value("since")));
            });
        });

    server_->Get(
        "/v1/settings", [this](const httplib::Request& request, httplib::Response& response) {
            answer(response, [&] {
                PgPool::Lease connection = pool_.acquire();
                authenticated(*connection, request);
                sendJson(response, 200,
                         HubSettings::since(*connection, request.get_param_value("since")));
            });
        });
}

} // namespace sohoa::hub
