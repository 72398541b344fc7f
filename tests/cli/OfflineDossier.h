// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Store.h"

#include <QByteArray>
#include <QString>

namespace sohoa::testing {

// One dossier of an offline backlog, written straight into `store` inside the caller's
// transaction as digitize would leave it, without the OCR: the dossier (a fresh UUID), its
// component TP1, and the dossier.create outbox row; with `document`, also that document under
// the component and its component.attach row. `code` is a definitive code (from a block the
// workstation reserved) or a provisional one (P). Returns the dossier record.
storage::DossierRecord addOfflineDossier(storage::Store& store, const QString& code,
                                         const QByteArray& document = {});

} // namespace sohoa::testing
