// SPDX-License-Identifier: GPL-3.0-or-later
// sohoa-bench-http-load HOST PORT CA_FILE SECONDS CONNECTIONS LABEL RATE...
// Open-loop GET /v1/status (OpenLoop.h) over CONNECTIONS kept-alive HTTPS connections, each
// rate for SECONDS; one Markdown table row per rate: LABEL, connections, offered and achieved
// rate, errors (no 200 answer, with their causes), p50, p99 and max latency in ms.
#include "HttpsClient.h"
#include "OpenLoop.h"

#include <csignal>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>

namespace {

// Why requests of one step failed: cpp-httplib's error names ("Read", "Connection"...) or the
// HTTP status, with how often.
class FailureCauses
{
public:
    void add(const std::string& cause)
    {
        std::lock_guard lock(mutex_);
        ++counts_[cause];
    }
    // "" when none failed, else " (Read 3, HTTP 503 1)"; starts the next step afresh.
    std::string take()
    {
        std::lock_guard lock(mutex_);
        std::string summary;
        for (const auto& [cause, count] : counts_)
            summary += (summary.empty() ? " (" : ", ") + cause + ' ' + std::to_string(count);
        counts_.clear();
        return summary.empty() ? summary : summary + ')';
    }

private:
    std::mutex mutex_;
    std::map<std::string, int> counts_;
};

} // namespace

int main(int argc, char** argv)
{
    if (argc < 8) {
        std::fprintf(stderr, "usage: %s HOST PORT CA_FILE SECONDS CONNECTIONS LABEL RATE...\n",
                     argv[0]);
        return 2;
    }
    // cpp-httplib writes TLS without MSG_NOSIGNAL: a connection the server closed while a
    // request was being sent is an error to count, not the end of the run.
    std::signal(SIGPIPE, SIG_IGN);
    const std::string host = argv[1];
    const int port = std::stoi(argv[2]);
    const std::string caFile = argv[3];
    const int seconds = std::stoi(argv[4]);
    const int connections = std::stoi(argv[5]);
    FailureCauses causes;
    for (int i = 7; i < argc; ++i) {
        const sohoa::bench::OpenLoopStep step =
            sohoa::bench::runOpenLoop(std::stod(argv[i]), seconds, connections, [&](int) {
                auto client = sohoa::bench::httpsClient(host, port, caFile);
                return [client, &causes] {
                    const auto response = client->Get("/v1/status");
                    if (response && response->status == 200)
                        return true;
                    causes.add(response ? "HTTP " + std::to_string(response->status)
                                        : httplib::to_string(response.error()));
                    return false;
                };
            });
        std::printf("| %s | %d | %.0f | %.1f | %d%s | %.1f | %.1f | %.1f |\n", argv[6], connections,
                    step.rate, step.achieved, step.errors, causes.take().c_str(),
                    step.percentile(0.5), step.percentile(0.99), step.maximum());
        std::fflush(stdout);
    }
    return 0;
}
