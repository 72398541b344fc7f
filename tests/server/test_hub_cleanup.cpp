// SPDX-License-Identifier: GPL-3.0-or-later
// `sohoa-hub admin cleanup` on a real dev hub: uploads untouched for a week go with their staged
// bytes, fresher ones stay; a stored file no dossier refers to goes after a month (row and
// bytes) while a file a dossier's component holds stays however old; `report` only counts.
// A workstation that still needs a removed file is told it is missing and uploads it again.
#include "DevHub.h"
#include "OperationBody.h"
#include "server/DirectoryFileStore.h"
#include "server/PgConnection.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace sohoa::testing;

namespace {

const QString kAgency = QStringLiteral("000.00.00.H26");

QString hexOf(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray contentNamed(const char* name)
{
    return QByteArray(name).repeated(4096);
}

} // namespace

class TestHubCleanup : public QObject
{
    Q_OBJECT

    QTemporaryDir parent_;
    std::unique_ptr<DevHub> hub_;
    QString token_;

    long long count(const std::string& sql) const
    {
        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        return database.exec(sql).integer(0, 0);
    }

    void execute(const std::string& sql) const
    {
        sohoa::hub::PgConnection database(hub_->conninfo().toStdString());
        database.exec(sql);
    }

    // POST /v1/uploads for `content`, then one PATCH of its first `sent` bytes: the upload's id.
    QString upload(const QByteArray& content, qsizetype sent) const
    {
        HubRequest create("POST", QStringLiteral("/v1/uploads"), token_);
        create.headers = {{"Tus-Resumable", "1.0.0"},
                          {"Upload-Length", QByteArray::number(content.size())},
                          {"Upload-Metadata", "sha256 " + hexOf(content).toLatin1().toBase64() +
                                                  ",filename " + QByteArray("a.pdf").toBase64()}};
        const QString location = QString::fromLatin1(hub_->request(create).header("Location"));
        HubRequest patch("PATCH", location, token_);
        const QByteArray chunk = content.left(sent);
        patch.headers = {
            {"Tus-Resumable", "1.0.0"},
            {"Content-Type", "application/offset+octet-stream"},
            {"Upload-Offset", "0"},
            {"Upload-Checksum",
             "sha256 " + QCryptographicHash::hash(chunk, QCryptographicHash::Sha256).toBase64()}};
        patch.body = chunk;
        if (hub_->request(patch).status != 204)
            qFatal("the upload's chunk was refused");
        return location.section(QLatin1Char('/'), -1);
    }

    QStringList missing(const QStringList& hashes) const
    {
        const HubReply reply = hub_->post(
            QStringLiteral("/v1/files/missing"),
            QJsonDocument(QJsonObject{{"sha256", QJsonArray::fromStringList(hashes)}}).toJson(),
            token_, {});
        QStringList result;
        for (const QJsonValue& hash : reply.json.value("missing").toArray())
            result << hash.toString();
        return result;
    }

    QByteArray cleanup(const QString& mode) const
    {
        QByteArray output;
        if (hub_->admin({QStringLiteral("cleanup"), mode}, &output) != 0)
            qFatal("cleanup failed: %s", output.constData());
        return output;
    }

private slots:
    void initTestCase()
    {
        hub_ = DevHub::startIn(parent_);
        token_ = hub_->addWorkstation(QStringLiteral("quay-1"), kAgency);
    }

    void removesWhatNothingNeedsAndKeepsTheRest()
    {
        const sohoa::hub::DirectoryFileStore files(hub_->directory().toStdString() + "/files");
        const QByteArray attached = contentNamed("attached ");
        const QByteArray orphan = contentNamed("orphan ");
        const QByteArray abandoned = contentNamed("abandoned ");
        const QByteArray inProgress = contentNamed("in progress ");

        // A dossier whose component holds `attached`, under a number of this workstation's.
        const int number = hub_->reserveCodes(token_, kAgency, QDate(2026, 12, 5), 1, 1)
                               .value("blocks")
                               .toArray()
                               .first()
                               .toObject()
                               .value("first")
                               .toInt();
        const QString code =
            kAgency + QStringLiteral("-261205-%1").arg(number, 4, 10, QLatin1Char('0'));
        const QString dossier = newUuid();
        QCOMPARE(hub_->post(QStringLiteral("/v1/operations"),
                            operationBody(dossier, 0, QStringLiteral("dossier.create"), code, 2),
                            token_, newUuid())
                     .status,
                 200);
        upload(attached, attached.size());
        QCOMPARE(hub_->post(QStringLiteral("/v1/operations"),
                            attachBody(dossier, 1, hexOf(attached), attached.size(),
                                       QStringLiteral("a.pdf")),
                            token_, newUuid())
                     .status,
                 200);
        upload(orphan, orphan.size());
        const QString abandonedId = upload(abandoned, abandoned.size() / 2);
        const QString inProgressId = upload(inProgress, inProgress.size() / 2);
        // Time passes for all but the upload in progress.
        execute("UPDATE uploads SET updated_at = now() - interval '8 days' WHERE id <> '" +
                inProgressId.toStdString() + "'");
        execute("UPDATE files SET stored_at = now() - interval '31 days'");

        const QByteArray report = cleanup(QStringLiteral("report"));
        QVERIFY2(report.contains("Would remove 3 upload(s)") && report.contains("and 1 file(s)"),
                 report.constData());
        QCOMPARE(count("SELECT count(*) FROM uploads"), 4);
        QCOMPARE(count("SELECT count(*) FROM files"), 2);

        const QByteArray removed = cleanup(QStringLiteral("run"));
        QVERIFY2(removed.contains("Removed 3 upload(s)") && removed.contains("and 1 file(s)"),
                 removed.constData());
        QCOMPARE(count("SELECT count(*) FROM uploads"), 1);
        QVERIFY(!QFile::exists(
            QString::fromStdString(files.stagedPathOf(abandonedId.toStdString()).string())));
        QVERIFY(QFile::exists(
            QString::fromStdString(files.stagedPathOf(inProgressId.toStdString()).string())));
        QVERIFY(files.has(hexOf(attached).toStdString(), attached.size()));
        QVERIFY(!files.has(hexOf(orphan).toStdString(), orphan.size()));
        QCOMPARE(missing({hexOf(attached), hexOf(orphan)}), QStringList{hexOf(orphan)});
        QVERIFY(cleanup(QStringLiteral("run")).contains("Removed 0 upload(s)"));

        // The workstation that needed it after all sends it again.
        upload(orphan, orphan.size());
        QVERIFY(missing({hexOf(orphan)}).isEmpty());
        QVERIFY(files.has(hexOf(orphan).toStdString(), orphan.size()));
    }
};

QTEST_MAIN(TestHubCleanup)
#include "test_hub_cleanup.moc"
