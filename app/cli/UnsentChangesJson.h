// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "usecases/SyncConflicts.h"

#include <QJsonArray>

namespace sohoa::cli {

// A conflicted dossier's unsent changes as `conflicts` and `conflict` print them:
// [{operation, subject, written_at (Vietnam time), parked}].
QJsonArray unsentChangesJson(const std::vector<usecases::UnsentChange>& changes);
// One change for a person: "dossier.transition withdraw (2026-12-05T10:02:11+07:00)".
QString unsentChangeLine(const usecases::UnsentChange& change);

} // namespace sohoa::cli
