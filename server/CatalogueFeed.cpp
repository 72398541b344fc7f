// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/CatalogueFeed.h"

#include "server/HubCatalogue.h"
#include "server/RevisionParameter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <functional>

namespace sohoa::hub {

namespace {

struct Changes
{
    QJsonArray offered;
    QJsonArray removed; // codes
};

// The rows of `table` changed after `after`; a complete answer (after 0) leaves the removed
// ones out. `columns` end with `removed`; `entry` makes the served object of a row.
Changes changesAfter(PgConnection& connection, const std::string& columns, const std::string& table,
                     const std::string& after, bool complete,
                     const std::function<QJsonObject(const PgResult&, int)>& entry)
{
    Changes changes;
    const PgResult rows = connection.exec("SELECT " + columns + " FROM " + table +
                                              " WHERE revision > $1 AND NOT (removed AND $2) "
                                              "ORDER BY code",
                                          {after, complete ? "true" : "false"});
    const int removed = static_cast<int>(std::count(columns.begin(), columns.end(), ','));
    for (int row = 0; row < rows.rows(); ++row) {
        if (rows.text(row, removed) == "t")
            changes.removed.append(QString::fromStdString(rows.text(row, 0)));
        else
            changes.offered.append(entry(rows, row));
    }
    return changes;
}

QJsonObject definition(const PgResult& rows, int row)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(rows.text(row, 1))).object();
}

} // namespace

QJsonObject CatalogueFeed::since(PgConnection& connection, const std::string& since)
{
    const long long known = sinceRevision(since);
    const HubCatalogue::Head head = HubCatalogue::head(connection);
    const bool complete = known == 0 || known > head.revision;
    // Unchanged: revision > current selects nothing.
    const std::string after = std::to_string(complete ? 0 : known);
    const Changes procedures = changesAfter(connection, "code, definition, removed",
                                            "catalogue_procedures", after, complete, definition);
    const Changes agencies =
        changesAfter(connection, "code, name, parent_code, active, removed", "catalogue_agencies",
                     after, complete, HubCatalogue::agency);
    return QJsonObject{{"revision", head.revision},
                       {"version", head.version},
                       {"complete", complete},
                       {"procedures", procedures.offered},
                       {"removed_procedures", procedures.removed},
                       {"agencies", agencies.offered},
                       {"removed_agencies", agencies.removed}};
}

} // namespace sohoa::hub
