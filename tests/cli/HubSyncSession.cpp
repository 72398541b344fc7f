// SPDX-License-Identifier: GPL-3.0-or-later
#include "HubSyncSession.h"

#include "OfflineDossier.h"

namespace sohoa::testing {

std::unique_ptr<storage::Store> HubSyncSession::openStore() const
{
    return storage::Store::open(cli_.storePath(),
                                storage::SecureBytes::fromString(CliRunner::kPassphrase));
}

std::vector<storage::DossierRecord>
HubSyncSession::addOfflineBacklog(const QString& token, const QString& agency, int count) const
{
    const QJsonObject block = hub_.reserveCodes(token, agency, QDate(2026, 12, 5), 1, count)
                                  .value("blocks")
                                  .toArray()
                                  .first()
                                  .toObject();
    std::vector<storage::DossierRecord> dossiers;
    auto store = openStore();
    store->inTransaction([&] {
        for (int i = block.value("first").toInt(); i <= block.value("last").toInt(); ++i)
            dossiers.push_back(addOfflineDossier(
                *store, QStringLiteral("%1-261205-%2").arg(agency).arg(i, 4, 10, QChar('0'))));
    });
    return dossiers;
}

QJsonObject HubSyncSession::sync() const
{
    return cli_
        .runJson(QStringList{QStringLiteral("sync"), QStringLiteral("--once"),
                             QStringLiteral("--server"), hub_.url(), QStringLiteral("--ca-file"),
                             hub_.caFile()} +
                 cli_.storeArgs())
        .object();
}

QJsonObject HubSyncSession::show(const QString& code) const
{
    return cli_
        .runJson(QStringList{QStringLiteral("store"), QStringLiteral("show"), code} +
                 cli_.storeArgs())
        .object();
}

bool HubSyncSession::decide(const QString& code, const QString& decision,
                            const QString& remarks) const
{
    return hub_.admin({QStringLiteral("decide"), code, decision, QStringLiteral("--by"),
                       QStringLiteral("Trần Văn Bình"), QStringLiteral("--title"),
                       QStringLiteral("Trưởng phòng"), QStringLiteral("--remarks"), remarks}) == 0;
}

QJsonArray HubSyncSession::eventsOf(const QJsonObject& shown, const QString& action)
{
    QJsonArray found;
    for (const QJsonValue& event : shown.value("history").toArray())
        if (event.toObject().value("action").toString() == action)
            found.append(event);
    return found;
}

} // namespace sohoa::testing
