// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace sohoa::testing {

// A fresh UUID for a dossier or an Idempotency-Key.
QString newUuid();

// A POST /v1/operations body as the workstation's outbox sends it (docs/SYNC-PROTOCOL.md
// §5.2): `dossier.transition` carries the new state and national status, any other kind the
// dossier record with `code`.
QByteArray operationBody(const QString& dossierUuid, int baseVersion, const QString& kind,
                         const QString& code, int nationalStatus, bool testData = false);

} // namespace sohoa::testing
