// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DevHub.h"

#include <QJsonObject>

namespace sohoa::testing {

// The starter catalogue (resources/catalogue/procedures.json) as a province edits it: labelled
// `version`, without the procedure `removed`, with a procedure `added` (component TP1, no
// results, field code G15-HT).
QJsonObject editedCatalogue(const QString& version, const QString& removed, const QString& added);

// `sohoa-hub admin catalogue import` of `catalogue` (written into the hub's directory): its
// exit code, and its output in `output`.
int importCatalogue(const DevHub& hub, const QJsonObject& catalogue, QByteArray* output = nullptr);

} // namespace sohoa::testing
