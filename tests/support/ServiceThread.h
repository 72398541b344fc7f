// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QThread>
#include <functional>

namespace sohoa::testing {

// A thread with its own event loop for a test's stand-in service (HTTP server, fault proxy): the
// service's objects are created, used and deleted there, so a client that blocks the test's
// thread in a nested event loop is served all the same.
class ServiceThread
{
public:
    ServiceThread();
    // Stops the thread; whatever run() created must have been deleted through run() before.
    ~ServiceThread();
    ServiceThread(const ServiceThread&) = delete;
    ServiceThread& operator=(const ServiceThread&) = delete;

    // Runs `work` on the thread and returns when it is done.
    void run(const std::function<void()>& work);

private:
    QThread thread_;
    QObject* context_ = nullptr; // lives in thread_; queued calls run through it
};

} // namespace sohoa::testing
