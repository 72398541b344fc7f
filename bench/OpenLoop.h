// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <vector>

namespace sohoa::bench {

// One request sent by a sender thread on its own kept-alive connection: true when it was
// answered as expected.
using SendRequest = std::function<bool()>;

// What one open-loop step measured. Latencies are in ms, sorted, from each request's scheduled
// time to its answer.
struct OpenLoopStep
{
    double rate = 0;
    double achieved = 0;
    long offered = 0;
    int errors = 0;
    std::vector<double> latencies;

    double percentile(double p) const;
    double maximum() const { return latencies.empty() ? 0.0 : latencies.back(); }
};

// Open-loop load: requests arrive at Poisson times at `rate` per second for `seconds`, whether
// or not earlier ones were answered, and each one's latency runs from its scheduled time, so a
// slow server shows up as queueing instead of hiding it (no coordinated omission). `senders`
// threads take the requests in arrival order; each calls `makeSender(index)` once, in its own
// thread, for the function that sends on its connection. Returns when every request is answered.
OpenLoopStep runOpenLoop(double rate, int seconds, int senders,
                         const std::function<SendRequest(int index)>& makeSender);

} // namespace sohoa::bench
