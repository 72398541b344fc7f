// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace sohoa::testing {

// A fresh UUID for a dossier or an Idempotency-Key.
QString newUuid();

// A POST /v1/operations body as the workstation's outbox sends it (docs/SYNC-PROTOCOL.md
// §5.2) for an operation that carries the dossier record with `code` (created `captured`).
QByteArray operationBody(const QString& dossierUuid, int baseVersion, const QString& kind,
                         const QString& code, int nationalStatus, bool testData = false);

// The same dossier.create (base version 0) under `procedure`, declaring `components` (kind
// component, no documents yet).
QByteArray creationBody(const QString& dossierUuid, const QString& code, const QString& procedure,
                        const QStringList& components = {});

// A `dossier.transition` body: the lifecycle step, the state it leads to and the national
// status sent for it, with one progress entry.
QByteArray transitionBody(const QString& dossierUuid, int baseVersion, const QString& transition,
                          const QString& toState, int nationalStatus);

// A `component.attach` body: component TP1 with one document, the file `sha256` (hex).
QByteArray attachBody(const QString& dossierUuid, int baseVersion, const QString& sha256,
                      qint64 size, const QString& fileName);

} // namespace sohoa::testing
