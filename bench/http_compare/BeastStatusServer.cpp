// SPDX-License-Identifier: GPL-3.0-or-later
// Boost.Beast, asynchronous: two threads run every connection's TLS and HTTP as events, so an
// idle kept-alive connection holds no thread; libpq blocks, so each query is posted to a pool of
// query threads (as many as pooled connections) and its answer posted back to the connection.
#include "StatusQuery.h"
#include "StatusServer.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

namespace sohoa::bench {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

constexpr int kEventThreads = 2;
// How long a started handshake, response or TLS close may take.
constexpr std::chrono::seconds kExchangeTimeout{10};

// What every connection shares with the server.
struct Backend
{
    hub::PgPool& pool;
    asio::thread_pool& queries;
    StatusServerSettings settings;
};

// One TLS connection: handshake, then requests read and answered one after another while the
// client keeps it alive. It owns itself through the handlers it has pending.
class Connection : public std::enable_shared_from_this<Connection>
{
public:
    Connection(tcp::socket socket, ssl::context& tls, const Backend& backend)
        : stream_(std::move(socket), tls), backend_(backend)
    {
    }

    void start()
    {
        asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
            beast::get_lowest_layer(self->stream_).expires_after(kExchangeTimeout);
            self->stream_.async_handshake(ssl::stream_base::server,
                                          [self](beast::error_code error) {
                                              if (!error)
                                                  self->readRequest();
                                          });
        });
    }

private:
    void readRequest()
    {
        request_ = {};
        beast::get_lowest_layer(stream_).expires_after(backend_.settings.keepAlive);
        http::async_read(stream_, buffer_, request_,
                         [self = shared_from_this()](beast::error_code error, std::size_t) {
                             if (error == http::error::end_of_stream)
                                 self->close();
                             else if (!error)
                                 self->handleRequest();
                         });
    }

    void handleRequest()
    {
        beast::get_lowest_layer(stream_).expires_never(); // the query may wait for the pool
        if (request_.method() != http::verb::get || request_.target() != "/v1/status") {
            respond({404, R"({"error":{"code":"not_found"}})"});
            return;
        }
        asio::post(backend_.queries, [self = shared_from_this()] {
            StatusAnswer answer = answerStatus(self->backend_.pool);
            asio::post(self->stream_.get_executor(), [self, answer = std::move(answer)]() mutable {
                self->respond(std::move(answer));
            });
        });
    }

    void respond(StatusAnswer answer)
    {
        ++answered_;
        response_ = {};
        response_.version(request_.version());
        response_.result(static_cast<unsigned>(answer.httpStatus));
        response_.set(http::field::content_type, "application/json");
        response_.keep_alive(request_.keep_alive() &&
                             answered_ < backend_.settings.requestsPerConnection);
        response_.body() = std::move(answer.body);
        response_.prepare_payload();
        beast::get_lowest_layer(stream_).expires_after(kExchangeTimeout);
        http::async_write(stream_, response_,
                          [self = shared_from_this()](beast::error_code error, std::size_t) {
                              if (error)
                                  return;
                              if (self->response_.keep_alive())
                                  self->readRequest();
                              else
                                  self->close();
                          });
    }

    void close()
    {
        beast::get_lowest_layer(stream_).expires_after(kExchangeTimeout);
        stream_.async_shutdown([self = shared_from_this()](beast::error_code) {});
    }

    beast::ssl_stream<beast::tcp_stream> stream_;
    const Backend& backend_;
    beast::flat_buffer buffer_;
    http::request<http::empty_body> request_;
    http::response<http::string_body> response_;
    int answered_ = 0;
};

class BeastStatusServer final : public StatusServer
{
public:
    BeastStatusServer(const StatusServerSettings& settings, hub::PgPool& pool)
        : queries_(static_cast<std::size_t>(settings.threads)), backend_{pool, queries_, settings}
    {
        tls_.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                         ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                         ssl::context::no_tlsv1_1);
        tls_.use_certificate_chain_file(settings.certificate);
        tls_.use_private_key_file(settings.privateKey, ssl::context::pem);
    }

    ~BeastStatusServer() override
    {
        // Queries still running post to connections of the stopped event loop: let them end.
        queries_.join();
    }

    BeastStatusServer(const BeastStatusServer&) = delete;
    BeastStatusServer& operator=(const BeastStatusServer&) = delete;

    int bind() override
    {
        const tcp::endpoint loopback(asio::ip::make_address("127.0.0.1"), 0);
        acceptor_.open(loopback.protocol());
        acceptor_.set_option(asio::socket_base::reuse_address(true));
        acceptor_.bind(loopback);
        acceptor_.listen(asio::socket_base::max_listen_connections);
        return acceptor_.local_endpoint().port();
    }

    void run() override
    {
        accept();
        std::vector<std::thread> others;
        for (int i = 1; i < kEventThreads; ++i)
            others.emplace_back([this] { events_.run(); });
        events_.run();
        for (std::thread& thread : others)
            thread.join();
    }

    void stop() override { events_.stop(); }

private:
    void accept()
    {
        // Each connection gets its own strand: its handlers never run at the same time.
        acceptor_.async_accept(
            asio::make_strand(events_), [this](beast::error_code error, tcp::socket socket) {
                if (!error)
                    std::make_shared<Connection>(std::move(socket), tls_, backend_)->start();
                accept();
            });
    }

    asio::io_context events_{kEventThreads};
    ssl::context tls_{ssl::context::tls_server};
    tcp::acceptor acceptor_{events_};
    asio::thread_pool queries_;
    Backend backend_;
};

} // namespace

std::unique_ptr<StatusServer> makeBeastStatusServer(const StatusServerSettings& settings,
                                                    hub::PgPool& pool)
{
    return std::make_unique<BeastStatusServer>(settings, pool);
}

} // namespace sohoa::bench
