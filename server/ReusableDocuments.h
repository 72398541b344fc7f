// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <string>

namespace sohoa::hub {

class PgConnection;

// A citizen's documents digitized earlier by any workstation of the province, for reuse
// instead of a new scan (docs/SYNC-PROTOCOL.md §11.2): every document of every dossier whose
// applicant has that ID number, each file once, oldest dossier first.
class ReusableDocuments
{
public:
    // ReusableDocument objects (server/openapi.yaml); the owner's ID is not among them.
    static QJsonArray of(PgConnection& connection, const std::string& idNumber);
};

} // namespace sohoa::hub
