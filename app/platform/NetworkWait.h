// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

class QNetworkReply;

namespace sohoa::platform {

// Blocks the calling thread in a local event loop (a QCoreApplication must exist) until `reply`
// has finished or `timeout` has passed; then the request is aborted and false returned. The
// workstation's few network calls (TSA, OCSP/CRL, the hub) are sequential steps of a command
// or of a worker thread, so blocking is what they want.
bool waitForReply(QNetworkReply& reply, std::chrono::milliseconds timeout);

} // namespace sohoa::platform
