// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>

namespace sohoa::cli {

class CliContext;

// sohoa-cli store purge [--older-than DAYS] | wipe --yes: retention and decommissioning.
void addRetentionOptions(QCommandLineParser& parser);
int runRetention(CliContext& context, const QCommandLineParser& parser, const QString& action,
                 const QString& storePath);

} // namespace sohoa::cli
