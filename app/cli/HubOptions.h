// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "sync/HubClient.h"

#include <QCommandLineParser>

namespace sohoa::cli {

// --server URL and --ca-file PEM, which every command that talks to the provincial hub takes.
void addHubOptions(QCommandLineParser& parser);
// The hub named by those options, with the workstation's token: SOHOA_SYNC_TOKEN when set
// (kept in the store once the hub accepts it), else the one the store keeps. Throws
// UserError for a missing or non-https server, or when there is no token.
sync::HubConnection hubConnection(const QCommandLineParser& parser, storage::Store& store);

} // namespace sohoa::cli
