// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/SecureBytes.h"

#include <QString>

namespace sohoa::cli {

// The token PIN, asked once per batch: from the environment variable named by --pin-env (for
// scripts), else typed at the terminal without echo. Never held outside locked memory.
storage::SecureBytes readPin(const QString& environmentVariable, const QString& tokenLabel);

} // namespace sohoa::cli
