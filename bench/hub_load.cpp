// SPDX-License-Identifier: GPL-3.0-or-later
// Open-loop load on a sohoa-hub (OpenLoop.h: no coordinated omission). The mix is what
// workstations send: status polls and dossier operations (a create, later a transition of the
// same dossier), spread over many workstation tokens.
//
// sohoa-bench-hub-load HOST PORT CA_FILE TOKENS_FILE SECONDS_PER_STEP RATE...
//   one line per rate: offered, achieved, requests, errors, p50/p90/p99/max in ms;
// sohoa-bench-hub-load HOST PORT CA_FILE TOKENS_FILE upload FILE
//   the upload throughput of FILE sent as the workstation sends it.
#include "HttpsClient.h"
#include "OpenLoop.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <deque>
#include <fstream>
#include <httplib.h>
#include <iterator>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

enum class Kind
{
    Status,
    Create,
    Transition,
    Chunk, // a new upload and its one 256 KiB chunk
};

struct Target
{
    std::string host;
    int port = 0;
    std::string caFile;
    std::vector<std::string> tokens;
};

// Dossiers created and not yet moved on, for the transitions: (token index, uuid, code).
struct OpenDossiers
{
    std::mutex mutex;
    std::deque<std::tuple<std::size_t, std::string, std::string>> items;
};

std::string operationBody(const std::string& uuid, int base, const std::string& kind,
                          const std::string& code)
{
    QJsonObject payload{{"test_data", true}, {"code_provisional", kind == "dossier.create"}};
    if (kind == "dossier.transition") {
        // The counter's usual next step after capture (the hub checks it against the lifecycle).
        payload.insert("transition", "sign");
        payload.insert("to_state", "signed");
        payload.insert("national_status", 2);
    } else {
        payload.insert("dossier", QJsonObject{{"code", QString::fromStdString(code)},
                                              {"agency_code", "000.00.00.H26"},
                                              {"procedure_code", "1.001193"},
                                              {"state", "captured"},
                                              {"national_status", 2}});
    }
    return QJsonDocument(QJsonObject{{"dossier_uuid", QString::fromStdString(uuid)},
                                     {"base_version", base},
                                     {"operation", QString::fromStdString(kind)},
                                     {"recorded_at", "2026-12-05T09:00:00+07:00"},
                                     {"payload", payload}})
        .toJson(QJsonDocument::Compact)
        .toStdString();
}

std::string newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

std::string base64(const std::string& bytes)
{
    return QByteArray::fromStdString(bytes).toBase64().toStdString();
}

std::string sha256(const std::string& bytes)
{
    return QCryptographicHash::hash(QByteArray::fromStdString(bytes), QCryptographicHash::Sha256)
        .toStdString();
}

// tus: creates an upload of `bytes` and sends it in `chunk`-sized PATCHes, each with its
// SHA-256, as the workstation does. True when the hub took all of it.
bool tusUpload(httplib::SSLClient& client, const std::string& token, const std::string& bytes,
               std::size_t chunk)
{
    const std::string hex = QByteArray::fromStdString(sha256(bytes)).toHex().toStdString();
    httplib::Headers headers{
        {"Authorization", "Bearer " + token},
        {"Tus-Resumable", "1.0.0"},
        {"Upload-Length", std::to_string(bytes.size())},
        {"Upload-Metadata", "sha256 " + base64(hex) + ",filename " + base64("bench.pdf")}};
    const auto created = client.Post("/v1/uploads", headers, "", "application/octet-stream");
    if (!created || created->status != 201)
        return false;
    const std::string location = created->get_header_value("Location");
    std::size_t offset = std::stoul(created->get_header_value("Upload-Offset"));
    while (offset < bytes.size()) {
        const std::string part = bytes.substr(offset, chunk);
        const httplib::Headers patch{{"Authorization", "Bearer " + token},
                                     {"Tus-Resumable", "1.0.0"},
                                     {"Upload-Offset", std::to_string(offset)},
                                     {"Upload-Checksum", "sha256 " + base64(sha256(part))}};
        const auto answer = client.Patch(location, patch, part, "application/offset+octet-stream");
        if (!answer || answer->status != 204)
            return false;
        offset += part.size();
    }
    return true;
}

std::string randomBytes(std::size_t size, std::mt19937& random)
{
    std::string bytes(size, '\0');
    for (char& byte : bytes)
        byte = static_cast<char>(random());
    return bytes;
}

// One sender thread's connection and its work.
bool send(httplib::SSLClient& client, const Target& target, Kind kind, OpenDossiers& open,
          std::atomic<long>& sequence, std::mt19937& random)
{
    if (kind == Kind::Status) {
        const auto response = client.Get("/v1/status");
        return response && response->status == 200;
    }
    if (kind == Kind::Chunk)
        return tusUpload(client, target.tokens[random() % target.tokens.size()],
                         randomBytes(256 * 1024, random), 256 * 1024);
    std::size_t token = random() % target.tokens.size();
    std::string uuid;
    std::string code;
    int base = 0;
    std::string operation = "dossier.create";
    if (kind == Kind::Transition) {
        std::lock_guard lock(open.mutex);
        if (!open.items.empty()) {
            std::tie(token, uuid, code) = open.items.front();
            open.items.pop_front();
            base = 1;
            operation = "dossier.transition";
        }
    }
    if (uuid.empty()) {
        uuid = newUuid();
        // Provisional codes (an offline counter's), so each create also takes a number from
        // the day's master counter: its row lock is the hub's contended spot. A day has 9999.
        const long n = sequence++;
        const QString provisional = QStringLiteral("000.00.00.H26-2612%1-P%2")
                                        .arg(5 + n / 9999, 2, 10, QLatin1Char('0'))
                                        .arg(n % 9999 + 1, 4, 10, QLatin1Char('0'));
        code = provisional.toStdString();
    }
    const httplib::Headers headers{{"Authorization", "Bearer " + target.tokens[token]},
                                   {"Idempotency-Key", newUuid()}};
    const auto response = client.Post(
        "/v1/operations", headers, operationBody(uuid, base, operation, code), "application/json");
    const bool ok = response && response->status == 200;
    if (ok && base == 0) {
        std::lock_guard lock(open.mutex);
        open.items.emplace_back(token, uuid, code);
    }
    return ok;
}

Kind pickKind(std::mt19937& random)
{
    // The mix: 50 % status polls, 25 % creates, 15 % transitions, 10 % chunk uploads.
    const double p = std::uniform_real_distribution<double>(0, 1)(random);
    return p < 0.5    ? Kind::Status
           : p < 0.75 ? Kind::Create
           : p < 0.9  ? Kind::Transition
                      : Kind::Chunk;
}

void runStep(const Target& target, double rate, int seconds, int senders, OpenDossiers& open,
             std::atomic<long>& sequence)
{
    const sohoa::bench::OpenLoopStep step =
        sohoa::bench::runOpenLoop(rate, seconds, senders, [&](int index) {
            auto client = sohoa::bench::httpsClient(target.host, target.port, target.caFile);
            auto random = std::make_shared<std::mt19937>(static_cast<unsigned>(index) * 7919U + 1U);
            return [&, client, random] {
                return send(*client, target, pickKind(*random), open, sequence, *random);
            };
        });
    std::printf("rate %.0f/s  achieved %.1f/s  requests %ld  errors %d  p50 %.1f  p90 %.1f  "
                "p99 %.1f  max %.1f ms\n",
                rate, step.achieved, step.offered, step.errors, step.percentile(0.5),
                step.percentile(0.9), step.percentile(0.99), step.maximum());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 7) {
        std::fprintf(stderr, "usage: %s HOST PORT CA_FILE TOKENS_FILE SECONDS RATE...\n", argv[0]);
        return 2;
    }
    Target target{argv[1], std::stoi(argv[2]), argv[3], {}};
    std::ifstream tokens(argv[4]);
    for (std::string line; std::getline(tokens, line);)
        if (!line.empty())
            target.tokens.push_back(line);
    if (target.tokens.empty()) {
        std::fprintf(stderr, "no tokens in %s\n", argv[4]);
        return 2;
    }
    if (std::string(argv[5]) == "upload") {
        // Throughput: the file argv[6] uploaded as the workstation does (1 MiB chunks).
        std::ifstream file(argv[6], std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(file)),
                                std::istreambuf_iterator<char>());
        const auto client = sohoa::bench::httpsClient(target.host, target.port, target.caFile);
        const auto start = Clock::now();
        const bool ok = tusUpload(*client, target.tokens.front(), bytes, 1024 * 1024);
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        std::printf("tus upload, 1 MiB chunks with SHA-256: %zu bytes in %.2f s = %.1f MB/s%s\n",
                    bytes.size(), seconds, static_cast<double>(bytes.size()) / 1e6 / seconds,
                    ok ? "" : " (FAILED)");
        return ok ? 0 : 1;
    }
    const int seconds = std::stoi(argv[5]);
    OpenDossiers open;
    std::atomic<long> sequence = 0;
    for (int i = 6; i < argc; ++i) {
        const double rate = std::stod(argv[i]);
        // Enough senders that a request waits for the hub, not for a free sender.
        const int senders = std::clamp(static_cast<int>(rate / 10), 8, 128);
        runStep(target, rate, seconds, senders, open, sequence);
    }
    return 0;
}
