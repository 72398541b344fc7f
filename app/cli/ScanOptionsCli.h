// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scanner/ScanTypes.h"
#include "storage/Store.h"
#include "usecases/ScanProfileCompliance.h"

#include <QCommandLineParser>

namespace sohoa::cli {

// The scanning options shared by "scan" and "digitize":
// --device NAME [--profile ID] [--source flatbed|adf|adf-duplex] [--dpi N]
// [--mode color|gray|lineart] [--max-pages N] [--set OPTION=VALUE]...
// The profile (default: the default profile, colour at 200 dpi) gives every setting; only the
// flags actually typed go on top of it.
void addScanOptions(QCommandLineParser& parser);

// The chosen profile with the typed flags on top. `store`: where the profiles and their lock
// live; nullptr: the built-in profiles, unlocked. When a device is given, the warnings (below
// Circular 05/2025) are printed on stderr; while the profiles are locked, flags that go below
// the circular are refused (UserError, AccessDenied).
usecases::EffectiveScan scanFrom(const QCommandLineParser& parser, storage::Store* store);
scanner::ScanOptions scanOptionsFrom(const QCommandLineParser& parser,
                                     storage::Store* store = nullptr);

} // namespace sohoa::cli
