// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scanner/ScanTypes.h"

#include <QCommandLineParser>

namespace sohoa::cli {

// The scanning options shared by "scan" and "digitize":
// --device NAME [--source flatbed|adf|adf-duplex] [--dpi N] [--mode color|gray|lineart]
// [--max-pages N] [--set OPTION=VALUE]...
void addScanOptions(QCommandLineParser& parser);
scanner::ScanOptions scanOptionsFrom(const QCommandLineParser& parser);

} // namespace sohoa::cli
