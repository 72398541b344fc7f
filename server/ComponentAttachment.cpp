// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/ComponentAttachment.h"

#include "server/ApiError.h"
#include "server/FileLocks.h"

#include <QRegularExpression>

namespace sohoa::hub {

namespace {

QJsonArray documentsOf(const QJsonObject& payload)
{
    return payload.value("component").toObject().value("documents").toArray();
}

} // namespace

void ComponentAttachment::validate(const QJsonObject& payload)
{
    const QJsonObject component = payload.value("component").toObject();
    if (component.value("code").toString().isEmpty())
        throw ApiError::malformed(QStringLiteral("/payload/component/code"),
                                  QStringLiteral("missing"));
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    const QJsonArray documents = documentsOf(payload);
    for (qsizetype i = 0; i < documents.size(); ++i) {
        const QJsonObject document = documents.at(i).toObject();
        const QString pointer = QStringLiteral("/payload/component/documents/%1").arg(i);
        if (!hex.match(document.value("sha256").toString()).hasMatch())
            throw ApiError::malformed(pointer + QStringLiteral("/sha256"),
                                      QStringLiteral("not 64 lower-case hex digits"));
        if (document.value("size").toDouble(-1) < 0 ||
            document.value("file_name").toString().isEmpty())
            throw ApiError::malformed(pointer, QStringLiteral("size and file_name required"));
    }
}

QStringList ComponentAttachment::missingFiles(PgConnection& connection, const QJsonObject& payload)
{
    QStringList missing;
    for (const QJsonValue& value : documentsOf(payload)) {
        const QString sha256 = value.toObject().value("sha256").toString();
        // Until this operation commits, a clean-up cannot remove the file it refers to.
        lockFileShared(connection, sha256.toStdString());
        if (connection
                .exec("SELECT 1 FROM files WHERE sha256 = decode($1, 'hex')",
                      {sha256.toStdString()})
                .rows() == 0)
            missing << sha256;
    }
    return missing;
}

QJsonObject ComponentAttachment::recordWith(QJsonObject record, const QJsonObject& payload)
{
    const QJsonObject attached = payload.value("component").toObject();
    QJsonArray components = record.value("components").toArray();
    bool replaced = false;
    for (qsizetype i = 0; i < components.size(); ++i)
        if (components.at(i).toObject().value("code") == attached.value("code")) {
            components.replace(i, attached);
            replaced = true;
        }
    if (!replaced)
        components.append(attached);
    record.insert(QStringLiteral("components"), components);
    return record;
}

bool ComponentAttachment::stateAllows(const QString& state)
{
    return state == QLatin1String("draft") || state == QLatin1String("captured") ||
           state == QLatin1String("signed");
}

} // namespace sohoa::hub
