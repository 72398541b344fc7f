// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/NetworkWait.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QTimer>

namespace sohoa::platform {

bool waitForReply(QNetworkReply& reply, std::chrono::milliseconds timeout)
{
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&timedOut, &reply] {
        timedOut = true;
        reply.abort(); // emits finished()
    });
    QObject::connect(&reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    deadline.start(timeout);
    if (!reply.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return !timedOut;
}

} // namespace sohoa::platform
