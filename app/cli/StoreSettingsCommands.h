// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>

namespace sohoa::cli {

class CliContext;

// sohoa-cli store keyring-on|keyring-off|settings|set NAME VALUE: how this workstation unlocks
// and behaves. Returns -1 when `action` is not one of these.
int runStoreSettingsAction(CliContext& context, const QCommandLineParser& parser,
                           const QString& action, const QString& storePath);

} // namespace sohoa::cli
