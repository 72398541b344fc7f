// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/ServiceThread.h"

namespace sohoa::testing {

ServiceThread::ServiceThread()
{
    thread_.start();
    context_ = new QObject;
    context_->moveToThread(&thread_);
}

ServiceThread::~ServiceThread()
{
    thread_.quit();
    thread_.wait();
    delete context_;
}

void ServiceThread::run(const std::function<void()>& work)
{
    QMetaObject::invokeMethod(context_, work, Qt::BlockingQueuedConnection);
}

} // namespace sohoa::testing
