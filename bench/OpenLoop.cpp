// SPDX-License-Identifier: GPL-3.0-or-later
#include "OpenLoop.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <random>
#include <thread>

namespace sohoa::bench {

namespace {
using Clock = std::chrono::steady_clock;
} // namespace

double OpenLoopStep::percentile(double p) const
{
    if (latencies.empty())
        return 0;
    const auto index = static_cast<std::size_t>(p * static_cast<double>(latencies.size() - 1));
    return latencies[index];
}

OpenLoopStep runOpenLoop(double rate, int seconds, int senders,
                         const std::function<SendRequest(int index)>& makeSender)
{
    std::mutex mutex;
    std::condition_variable ready;
    std::deque<Clock::time_point> scheduled;
    bool closed = false;
    OpenLoopStep step;
    step.rate = rate;
    std::vector<std::thread> threads;
    for (int i = 0; i < senders; ++i)
        threads.emplace_back([&, i] {
            const SendRequest send = makeSender(i);
            std::vector<double> mine;
            int failed = 0;
            for (;;) {
                Clock::time_point due;
                {
                    std::unique_lock lock(mutex);
                    ready.wait(lock, [&] { return closed || !scheduled.empty(); });
                    if (scheduled.empty())
                        break;
                    due = scheduled.front();
                    scheduled.pop_front();
                }
                if (!send())
                    ++failed;
                mine.push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - due).count());
            }
            std::lock_guard lock(mutex);
            step.latencies.insert(step.latencies.end(), mine.begin(), mine.end());
            step.errors += failed;
        });

    std::mt19937 random(42);
    std::exponential_distribution<double> gap(rate);
    const auto start = Clock::now();
    auto next = start;
    while (next - start < std::chrono::seconds(seconds)) {
        std::this_thread::sleep_until(next);
        {
            std::lock_guard lock(mutex);
            scheduled.push_back(next);
        }
        ready.notify_one();
        ++step.offered;
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
    std::sort(step.latencies.begin(), step.latencies.end());
    step.achieved = static_cast<double>(step.latencies.size()) / elapsed;
    return step;
}

} // namespace sohoa::bench
