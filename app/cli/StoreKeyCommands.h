// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>

namespace sohoa::cli {

class CliContext;

// sohoa-cli store passwd | add-officer NAME | remove-officer NAME | rekey | recover |
// backup --to FILE: who can unlock the store, and its encrypted copies.
void addStoreKeyOptions(QCommandLineParser& parser);
// Runs `action` when it is one of these; returns the exit code, or -1 for other actions.
int runStoreKeyAction(CliContext& context, const QCommandLineParser& parser, const QString& action,
                      const QString& storePath);

} // namespace sohoa::cli
