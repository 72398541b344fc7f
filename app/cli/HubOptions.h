// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"
#include "sync/HubClient.h"

#include <QCommandLineParser>

namespace sohoa::cli {

// --server URL, --ca-file PEM and --pin PIN: how a command reaches the provincial hub (enrol,
// sync, lookup, reuse).
void addHubOptions(QCommandLineParser& parser);

// The hub from --server, else `saved` (the address the store enrolled with), trusting the CA of
// --ca-file, else `savedCa`; no token, no pins. A usage error when there is no address, the
// address is not https:// or the CA file cannot be read.
sync::HubConnection hubAddress(const QCommandLineParser& parser, const QString& saved = {},
                               const QByteArray& savedCa = {});

// The pins to hold the hub to: --pin (kept in the store for later runs, audited), else the
// store's. Throws UserError(InvalidInput) for a malformed pin.
QStringList hubPins(const QCommandLineParser& parser, storage::Store& store);

// The hub for an enrolled workstation: its address (hubAddress with the enrolled one), its pins
// and its token, SOHOA_SYNC_TOKEN when set (kept in the store once the hub accepts it), else
// the store's. Throws UserError(AccessDenied) when there is no token.
sync::HubConnection hubConnection(const QCommandLineParser& parser, storage::Store& store);

} // namespace sohoa::cli
