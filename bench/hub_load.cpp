// SPDX-License-Identifier: GPL-3.0-or-later
// Open-loop load on a sohoa-hub: requests arrive at scheduled (Poisson) times whether or not
// earlier ones were answered, and each one's latency runs from its scheduled time, so a slow
// hub shows up as queueing instead of hiding it (no coordinated omission). The mix is what
// workstations send: status polls and dossier operations (a create, later a transition of the
// same dossier), spread over many workstation tokens.
//
// sohoa-bench-hub-load HOST PORT CA_FILE TOKENS_FILE SECONDS_PER_STEP RATE...
// prints one line per rate: offered, achieved, requests, errors, p50/p90/p99/max in ms.
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <httplib.h>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

enum class Kind
{
    Status,
    Create,
    Transition,
};

struct Job
{
    Clock::time_point scheduled;
    Kind kind;
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
    QJsonObject payload{{"test_data", true}};
    if (kind == "dossier.transition") {
        payload.insert("transition", "submit_for_review");
        payload.insert("to_state", "awaiting_review");
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

// One sender thread's connection and its work.
bool send(httplib::SSLClient& client, const Target& target, Kind kind, OpenDossiers& open,
          std::atomic<long>& sequence, std::mt19937& random)
{
    if (kind == Kind::Status) {
        const auto response = client.Get("/v1/status");
        return response && response->status == 200;
    }
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
        code = "000.00.00.H26-261205-L" + std::to_string(sequence++);
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

double percentile(std::vector<double>& sorted, double p)
{
    if (sorted.empty())
        return 0;
    const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1));
    return sorted[index];
}

void runStep(const Target& target, double rate, int seconds, int senders, OpenDossiers& open,
             std::atomic<long>& sequence)
{
    std::mutex mutex;
    std::condition_variable ready;
    std::deque<Job> queue;
    bool closed = false;
    std::vector<double> latencies;
    std::atomic<int> errors = 0;

    std::vector<std::thread> threads;
    for (int i = 0; i < senders; ++i)
        threads.emplace_back([&, i] {
            httplib::SSLClient client(target.host, target.port);
            client.set_ca_cert_path(target.caFile.c_str());
            client.enable_server_certificate_verification(true);
            client.set_keep_alive(true);
            std::mt19937 random(static_cast<unsigned>(i) * 7919U + 1U);
            std::vector<double> mine;
            for (;;) {
                Job job;
                {
                    std::unique_lock lock(mutex);
                    ready.wait(lock, [&] { return closed || !queue.empty(); });
                    if (queue.empty())
                        break;
                    job = queue.front();
                    queue.pop_front();
                }
                if (!send(client, target, job.kind, open, sequence, random))
                    ++errors;
                mine.push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - job.scheduled)
                        .count());
            }
            std::lock_guard lock(mutex);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
        });

    // Poisson arrivals; mix: 50 % status polls, 30 % creates, 20 % transitions.
    std::mt19937 random(42);
    std::exponential_distribution<double> gap(rate);
    std::uniform_real_distribution<double> pick(0, 1);
    const auto start = Clock::now();
    auto next = start;
    long offered = 0;
    while (next - start < std::chrono::seconds(seconds)) {
        std::this_thread::sleep_until(next);
        const double p = pick(random);
        const Kind kind = p < 0.5 ? Kind::Status : p < 0.8 ? Kind::Create : Kind::Transition;
        {
            std::lock_guard lock(mutex);
            queue.push_back({next, kind});
        }
        ready.notify_one();
        ++offered;
        next +=
            std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(gap(random)));
    }
    {
        std::lock_guard lock(mutex);
        closed = true;
    }
    ready.notify_all();
    for (std::thread& thread : threads)
        thread.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::sort(latencies.begin(), latencies.end());
    std::printf("rate %.0f/s  achieved %.1f/s  requests %ld  errors %d  p50 %.1f  p90 %.1f  "
                "p99 %.1f  max %.1f ms\n",
                rate, static_cast<double>(latencies.size()) / elapsed, offered, errors.load(),
                percentile(latencies, 0.5), percentile(latencies, 0.9), percentile(latencies, 0.99),
                latencies.empty() ? 0.0 : latencies.back());
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
