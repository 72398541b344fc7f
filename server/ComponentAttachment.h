// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/PgConnection.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace sohoa::hub {

// The `component.attach` operation (docs/SYNC-PROTOCOL.md §5.2): a component with its complete
// document list, each document a file the hub must already hold (uploaded first, §9).
class ComponentAttachment
{
public:
    // Throws ApiError (400 malformed-request) for a payload without a component code or with a
    // document that is not {sha256: 64 hex, size, file_name}.
    static void validate(const QJsonObject& payload);
    // The documents' hashes the hub does not hold yet (hex, in payload order).
    static QStringList missingFiles(PgConnection& connection, const QJsonObject& payload);
    // The dossier record with this component (matched by code) replaced or added.
    static QJsonObject recordWith(QJsonObject record, const QJsonObject& payload);
    // Whether the dossier's state still allows its files to change.
    static bool stateAllows(const QString& state);
};

} // namespace sohoa::hub
