// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "sync/HubClient.h"

#include <QCommandLineParser>

namespace sohoa::cli {

// --server URL, --ca-file PEM and --pin PIN: how a command reaches the provincial hub (enrol,
// sync, lookup, reuse).
void addHubOptions(QCommandLineParser& parser);

// The hub from --server, else `saved` (the address the store enrolled with), with --ca-file;
// no token, no pins. A usage error when neither is there or the address is not https://.
sync::HubConnection hubAddress(const QCommandLineParser& parser, const QString& saved = {});

// The pins to hold the hub to: --pin (kept in the store for later runs, audited), else the
// store's. Throws UserError(InvalidInput) for a malformed pin.
QStringList hubPins(const QCommandLineParser& parser, storage::Store& store);

// The hub for an enrolled workstation: its address (hubAddress with the enrolled one), its pins
// and its token, SOHOA_SYNC_TOKEN when set (kept in the store once the hub accepts it), else
// the store's. Throws UserError(AccessDenied) when there is no token.
sync::HubConnection hubConnection(const QCommandLineParser& parser, storage::Store& store);

} // namespace sohoa::cli
