// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>

namespace sohoa::cli {

// --officer ID: who is working, recorded in the dossier history. Defaults to SOHOA_OFFICER,
// then to the operating-system account name.
QCommandLineOption officerOption();
QString officerId(const QCommandLineParser& parser);

} // namespace sohoa::cli
