// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliContext.h"
#include "usecases/AwaitingTimestamps.h"

#include <QJsonObject>

namespace sohoa::cli {

// What draining the "awaiting time-stamp" queue did, for `timestamp` and `sign --dossier`.
QJsonObject timestampQueueJson(const usecases::TimestampQueueResult& result);
void printTimestampQueue(const CliContext& context, const usecases::TimestampQueueResult& result);

} // namespace sohoa::cli
