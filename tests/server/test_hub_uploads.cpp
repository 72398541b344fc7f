// SPDX-License-Identifier: GPL-3.0-or-later
// Files against a real hub, its PostgreSQL and its file store (docs/SYNC-PROTOCOL.md §9):
// which hashes the hub lacks, tus uploads in chunks that land on disk under their hash, resume
// after a cut chunk, staged bytes that disagree with the offset after a crash, 409 at a wrong
// offset, 460 for a corrupt chunk, 422 for a wrong declared hash, dedup at creation, 412
// without Tus-Resumable, uploads private to their workstation, test files refused by a
// production hub.
#include "DevHub.h"
#include "server/PgConnection.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using sohoa::testing::DevHub;
using sohoa::testing::HubReply;
using sohoa::testing::HubRequest;

namespace {

constexpr qsizetype kChunk = 1024 * 1024;

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(bytes.data()), size / 4);
    for (qsizetype i = size / 4 * 4; i < size; ++i)
        bytes[i] = static_cast<char>(i);
    return bytes;
}

QByteArray sha256(const QByteArray& bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

QString hexOf(const QByteArray& bytes)
{
    return QString::fromLatin1(sha256(bytes).toHex());
}

} // namespace

class TestHubUploads : public QObject
{
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<DevHub> hub_;
    QString token_;
    QString otherToken_;
    std::unique_ptr<sohoa::hub::PgConnection> database_;

    QString addWorkstation(const QString& name)
    {
        QByteArray output;
        if (hub_->admin({QStringLiteral("add-workstation"), name}, &output) != 0)
            qFatal("add-workstation failed: %s", output.constData());
        return QString::fromUtf8(output.trimmed().split('\n').last());
    }

    // A tus request of this test's workstation (or `token`'s), Tus-Resumable included.
    HubRequest tus(const QByteArray& method, const QString& path, const QString& token = {}) const
    {
        HubRequest call(method, path, token.isEmpty() ? token_ : token);
        call.headers.emplace_back("Tus-Resumable", "1.0.0");
        return call;
    }

    // POST /v1/uploads declaring `declaredSha256` (hex) and `length`.
    HubReply create(const QString& declaredSha256, qint64 length, bool testData = false,
                    const QString& hubUrl = {}) const
    {
        QByteArray metadata = "sha256 " + declaredSha256.toLatin1().toBase64() + ",filename " +
                              QByteArrayLiteral("giay-khai-sinh.pdf").toBase64();
        if (testData)
            metadata += ",test_data " + QByteArrayLiteral("1").toBase64();
        HubRequest call = tus("POST", QStringLiteral("/v1/uploads"));
        call.headers.emplace_back("Upload-Length", QByteArray::number(length));
        call.headers.emplace_back("Upload-Metadata", metadata);
        call.hubUrl = hubUrl;
        return hub_->request(call);
    }

    // PATCH of `chunk` at `offset`, its checksum that of `checksummed` (the chunk by default).
    HubRequest chunkAt(const QString& location, qint64 offset, const QByteArray& chunk,
                       const QByteArray& checksummed = {}, const QString& token = {}) const
    {
        HubRequest call = tus("PATCH", location, token);
        call.headers.emplace_back("Content-Type", "application/offset+octet-stream");
        call.headers.emplace_back("Upload-Offset", QByteArray::number(offset));
        call.headers.emplace_back(
            "Upload-Checksum",
            "sha256 " + sha256(checksummed.isNull() ? chunk : checksummed).toBase64());
        call.body = chunk;
        return call;
    }

    HubReply patch(const QString& location, qint64 offset, const QByteArray& chunk,
                   const QByteArray& checksummed = {}) const
    {
        return hub_->request(chunkAt(location, offset, chunk, checksummed));
    }

    qint64 offsetOf(const QString& location, const QString& token = {}) const
    {
        const HubReply reply = hub_->request(tus("HEAD", location, token));
        return reply.status == 200 ? reply.header("Upload-Offset").toLongLong() : -reply.status;
    }

    // Sends `content` from `from` on in chunks; the reply to the last one.
    HubReply sendFrom(const QString& location, const QByteArray& content, qint64 from = 0) const
    {
        HubReply reply;
        for (qint64 offset = from; offset < content.size(); offset += kChunk) {
            reply = patch(location, offset, content.mid(offset, kChunk));
            if (reply.status != 204)
                return reply;
        }
        return reply;
    }

    // Creates the upload of `content` and sends its first `sent` bytes; its Location.
    QString begun(const QByteArray& content, qint64 sent = 0) const
    {
        const QString location =
            QString::fromLatin1(create(hexOf(content), content.size()).header("Location"));
        if (sent > 0 && sendFrom(location, content.left(sent)).status != 204)
            qFatal("the upload did not start");
        return location;
    }

    // Bytes a crash left after the staged data (a chunk whose offset was never committed).
    void stageLeftovers(const QString& location) const
    {
        QFile staged(stagedPath(location));
        if (!staged.open(QIODevice::Append) || staged.write(randomBytes(1000)) != 1000)
            qFatal("cannot append to the staged upload");
    }

    QString stagedPath(const QString& location) const
    {
        return hub_->directory() + QStringLiteral("/files/uploads/") +
               location.section(QLatin1Char('/'), -1) + QStringLiteral(".part");
    }

    QString storedPath(const QString& hex) const
    {
        return hub_->directory() +
               QStringLiteral("/files/%1/%2/%3").arg(hex.left(2), hex.mid(2, 2), hex);
    }

    QByteArray stored(const QString& hex) const
    {
        QFile file(storedPath(hex));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    long long filesRows(const QString& hex, const char* condition = "true")
    {
        return database_
            ->exec(std::string("SELECT count(*) FROM files WHERE sha256 = decode($1, 'hex') AND ") +
                       condition,
                   {hex.toStdString()})
            .integer(0, 0);
    }

    QJsonArray missing(const QStringList& hashes)
    {
        const HubReply reply = hub_->post(
            QStringLiteral("/v1/files/missing"),
            QJsonDocument(QJsonObject{{"sha256", QJsonArray::fromStringList(hashes)}}).toJson(),
            token_, {});
        return reply.status == 200 ? reply.json.value("missing").toArray() : QJsonArray{};
    }

private slots:
    void initTestCase()
    {
        QFile::setPermissions(dir_.path(), QFile::permissions(dir_.path()) | QFile::ExeOther);
        hub_ = std::make_unique<DevHub>(dir_.filePath(QStringLiteral("hub")));
        hub_->start();
        token_ = addWorkstation(QStringLiteral("quay-1"));
        otherToken_ = addWorkstation(QStringLiteral("quay-2"));
        database_ = std::make_unique<sohoa::hub::PgConnection>(hub_->conninfo().toStdString());
    }

    void theHubSaysWhatItSpeaks()
    {
        const HubReply options =
            hub_->request(HubRequest("OPTIONS", QStringLiteral("/v1/uploads")));
        QCOMPARE(options.status, 204);
        QCOMPARE(options.header("Tus-Version"), QByteArray("1.0.0"));
        QCOMPARE(options.header("Tus-Extension"), QByteArray("creation,checksum"));
        QCOMPARE(options.header("Tus-Checksum-Algorithm"), QByteArray("sha256"));
        QCOMPARE(options.header("Tus-Max-Size"), QByteArray("2147483648"));

        // Every other tus request needs Tus-Resumable: 1.0.0.
        HubRequest untagged = tus("POST", QStringLiteral("/v1/uploads"));
        untagged.headers.clear();
        untagged.headers.emplace_back("Upload-Length", "10");
        const HubReply refused = hub_->request(untagged);
        QCOMPARE(refused.status, 412);
        QCOMPARE(refused.errorCode(), QStringLiteral("tus-version-unsupported"));
        QCOMPARE(refused.header("Tus-Version"), QByteArray("1.0.0"));
        QVERIFY(!refused.json.value("error").toObject().value("message_vi").toString().isEmpty());

        const HubReply tooLarge = create(hexOf("x"), 3LL * 1024 * 1024 * 1024);
        QCOMPARE(tooLarge.status, 413);
        QCOMPARE(tooLarge.errorCode(), QStringLiteral("file-too-large"));
    }

    void aFileArrivesInChunksUnderItsHash()
    {
        const QByteArray content = randomBytes(3 * kChunk + 123);
        const QString hex = hexOf(content);
        const QString other = hexOf("not uploaded");
        QCOMPARE(missing({hex, other}), (QJsonArray{hex, other}));

        const HubReply created = create(hex, content.size());
        QCOMPARE(created.status, 201);
        QCOMPARE(created.header("Upload-Offset"), QByteArray("0"));
        QCOMPARE(created.header("Tus-Resumable"), QByteArray("1.0.0"));
        const QString location = QString::fromLatin1(created.header("Location"));
        QVERIFY(location.startsWith(QLatin1String("/v1/uploads/")));

        for (qint64 offset = 0; offset < content.size(); offset += kChunk) {
            const HubReply chunk = patch(location, offset, content.mid(offset, kChunk));
            QCOMPARE(chunk.status, 204);
            QCOMPARE(chunk.header("Upload-Offset").toLongLong(),
                     std::min<qint64>(offset + kChunk, content.size()));
            if (chunk.header("Upload-Offset").toLongLong() < content.size())
                QCOMPARE(QFileInfo(stagedPath(location)).size(), offset + kChunk);
        }
        QVERIFY(stored(hex) == content);
        QVERIFY(!QFile::exists(stagedPath(location)));
        QCOMPARE(filesRows(hex, "length = 3145851 AND NOT test_data"), 1);
        QCOMPARE(offsetOf(location), content.size());
        QCOMPARE(missing({hex, other}), QJsonArray{other});

        const HubReply malformed =
            hub_->post(QStringLiteral("/v1/files/missing"), "{\"sha256\": [\"ABC\"]}", token_, {});
        QCOMPARE(malformed.status, 400);
        QCOMPARE(
            malformed.json.value("error").toObject().value("details").toObject().value("pointer"),
            QStringLiteral("/sha256/0"));
    }

    void aCutChunkIsResumedFromHead()
    {
        const QByteArray content = randomBytes(2 * kChunk + 7);
        const QString location = begun(content, kChunk);
        // The second chunk stops after 600 KiB: the hub keeps nothing of it.
        hub_->sendCut(chunkAt(location, kChunk, content.mid(kChunk, kChunk)), 600 * 1024);
        QCOMPARE(offsetOf(location), kChunk);
        QCOMPARE(QFileInfo(stagedPath(location)).size(), kChunk);
        QCOMPARE(sendFrom(location, content, offsetOf(location)).status, 204);
        QVERIFY(stored(hexOf(content)) == content);
    }

    void stagedBytesAndTheOffsetAgreeAfterACrash()
    {
        const QByteArray content = randomBytes(3 * kChunk);
        const QString location = begun(content, 2 * kChunk);

        // A chunk written whose offset never reached the database: dropped.
        stageLeftovers(location);
        // A write the store lost though the database kept its offset: the smaller one wins.
        QVERIFY(QFile::resize(stagedPath(location), kChunk));
        const HubReply behind = patch(location, 2 * kChunk, content.mid(2 * kChunk));
        QCOMPARE(behind.status, 409);
        QCOMPARE(behind.header("Upload-Offset").toLongLong(), kChunk);
        QCOMPARE(offsetOf(location), kChunk);

        stageLeftovers(location);
        QCOMPARE(sendFrom(location, content, kChunk).status, 204);
        QVERIFY(stored(hexOf(content)) == content);
    }

    void aWrongOffsetGetsTheHubsOffset()
    {
        const QByteArray content = randomBytes(2 * kChunk);
        const QString location = begun(content, kChunk);
        for (const qint64 wrong : {qint64(0), 3 * kChunk / 2}) {
            const HubReply mismatch = patch(location, wrong, content.mid(wrong, kChunk));
            QCOMPARE(mismatch.status, 409);
            QCOMPARE(mismatch.errorCode(), QStringLiteral("upload-offset-mismatch"));
            QCOMPARE(mismatch.header("Upload-Offset").toLongLong(), kChunk);
            QCOMPARE(mismatch.json.value("error")
                         .toObject()
                         .value("details")
                         .toObject()
                         .value("offset")
                         .toInteger(),
                     kChunk);
        }
        QCOMPARE(database_
                     ->exec("SELECT upload_offset FROM uploads WHERE id = $1",
                            {location.section(QLatin1Char('/'), -1).toStdString()})
                     .integer(0, 0),
                 kChunk);
    }

    void aCorruptChunkIsRefusedAndTheOffsetStays()
    {
        const QByteArray content = randomBytes(2 * kChunk);
        const QString location = begun(content, kChunk);
        QByteArray damaged = content.mid(kChunk);
        damaged[42] = static_cast<char>(damaged[42] ^ 0x01);
        const HubReply refused = patch(location, kChunk, damaged, content.mid(kChunk));
        QCOMPARE(refused.status, 460);
        QCOMPARE(refused.errorCode(), QStringLiteral("chunk-checksum-mismatch"));
        QCOMPARE(offsetOf(location), kChunk);
        QCOMPARE(QFileInfo(stagedPath(location)).size(), kChunk);
        QCOMPARE(patch(location, kChunk, content.mid(kChunk)).status, 204);
    }

    void aFileNotMatchingItsDeclaredHashIsDiscarded()
    {
        const QByteArray content = randomBytes(kChunk + 10);
        const QString declared = hexOf("something else entirely");
        const QString location =
            QString::fromLatin1(create(declared, content.size()).header("Location"));
        const HubReply refused = sendFrom(location, content);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.errorCode(), QStringLiteral("file-hash-mismatch"));
        QCOMPARE(
            refused.json.value("error").toObject().value("details").toObject().value("declared"),
            declared);
        QCOMPARE(offsetOf(location), -404);
        QVERIFY(!QFile::exists(stagedPath(location)));
        QVERIFY(!QFile::exists(storedPath(declared)));
        QVERIFY(!QFile::exists(storedPath(hexOf(content))));
        QCOMPARE(filesRows(declared), 0);
        QCOMPARE(database_
                     ->exec("SELECT count(*) FROM uploads WHERE id = $1",
                            {location.section(QLatin1Char('/'), -1).toStdString()})
                     .integer(0, 0),
                 0);
    }

    void aFileTheHubHoldsIsNotSentAgain()
    {
        const QByteArray content = randomBytes(kChunk / 2);
        const QString hex = hexOf(content);
        const QString first = QString::fromLatin1(create(hex, content.size()).header("Location"));
        QCOMPARE(sendFrom(first, content).status, 204);

        // Another workstation with the same file: complete at creation.
        HubRequest again = tus("POST", QStringLiteral("/v1/uploads"), otherToken_);
        again.headers.emplace_back("Upload-Length", QByteArray::number(content.size()));
        again.headers.emplace_back("Upload-Metadata", "sha256 " + hex.toLatin1().toBase64() +
                                                          ",filename " +
                                                          QByteArray("b.pdf").toBase64());
        const HubReply dedup = hub_->request(again);
        QCOMPARE(dedup.status, 201);
        QCOMPARE(dedup.header("Upload-Offset").toLongLong(), content.size());
        QCOMPARE(offsetOf(QString::fromLatin1(dedup.header("Location")), otherToken_),
                 content.size());
        QCOMPARE(filesRows(hex), 1);
        QVERIFY(stored(hex) == content);
        // A client that missed the last answer learns from a PATCH that the file is complete.
        const HubReply late = patch(first, 0, content.left(100));
        QCOMPARE(late.status, 409);
        QCOMPARE(late.header("Upload-Offset").toLongLong(), content.size());
    }

    void anUploadBelongsToItsWorkstation()
    {
        const QByteArray content = randomBytes(1000);
        const QString location = begun(content);
        QCOMPARE(offsetOf(location, otherToken_), -404);
        const HubReply foreign = hub_->request(chunkAt(location, 0, content, {}, otherToken_));
        QCOMPARE(foreign.status, 404);
        QCOMPARE(foreign.errorCode(), QStringLiteral("upload-unknown"));
        QCOMPARE(offsetOf(location), 0);
        QCOMPARE(offsetOf(QStringLiteral("/v1/uploads/not-an-id")), -404);

        HubRequest anonymous = tus("HEAD", location);
        anonymous.token.clear();
        QCOMPARE(hub_->request(anonymous).status, 401);
    }

    void aChunkOver16MiBIsRefused()
    {
        const QByteArray content = randomBytes(16 * kChunk + 1);
        const QString location = begun(content);
        const HubReply tooLarge = patch(location, 0, content);
        QCOMPARE(tooLarge.status, 413);
        QCOMPARE(tooLarge.errorCode(), QStringLiteral("payload-too-large"));
        QCOMPARE(offsetOf(location), 0);
    }

    void onlyADevHubAcceptsTestFiles()
    {
        const QByteArray content = randomBytes(2000);
        const QString production = hub_->startProductionHub();
        const HubReply refused = create(hexOf(content), content.size(), true, production);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), QStringLiteral("test-data-refused"));
        QCOMPARE(create(hexOf(content), content.size(), false, production).status, 201);

        const HubReply accepted = create(hexOf(content), content.size(), true);
        QCOMPARE(accepted.status, 201);
        QCOMPARE(sendFrom(QString::fromLatin1(accepted.header("Location")), content).status, 204);
        QCOMPARE(filesRows(hexOf(content), "test_data"), 1);
    }

    void cleanupTestCase()
    {
        database_.reset();
        hub_.reset();
    }
};

QTEST_MAIN(TestHubUploads)
#include "test_hub_uploads.moc"
