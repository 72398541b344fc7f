// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/FileUploads.h"

#include "server/ApiError.h"
#include "server/FileLocks.h"
#include "server/PgTransaction.h"
#include "server/Sha256.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>
#include <charconv>
#include <stdexcept>

namespace sohoa::hub {

namespace {

constexpr int kMaxHashesPerQuery = 1000;
constexpr auto kChunkType = "application/offset+octet-stream";

struct Metadata
{
    std::string sha256; // 64 lowercase hex digits
    std::string filename;
    std::string contentType;
    bool testData = false;
};

// 400 for a tus header the hub cannot read; `problem` stays English (it names the header).
ApiError badHeader(const QString& header, const QString& problem)
{
    return ApiError(400, QStringLiteral("malformed-request"),
                    QStringLiteral("The header %1 is not valid: %2.").arg(header, problem),
                    QStringLiteral("Tiêu đề %1 không hợp lệ: %2.").arg(header, problem),
                    QJsonObject{{"header", header}});
}

ApiError uploadUnknown()
{
    return ApiError(404, QStringLiteral("upload-unknown"),
                    QStringLiteral("No such upload; it expired or was discarded. Start the upload "
                                   "again."),
                    QStringLiteral("Không có phiên tải lên này (đã hết hạn hoặc bị hủy); hãy tải "
                                   "lại từ đầu."));
}

bool isSha256Hex(const QString& text)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(text).hasMatch();
}

// A non-negative decimal integer, nothing else (no sign, no spaces); -1 when it is not one.
long long wholeNumber(const std::string& text)
{
    long long value = -1;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() && !text.empty() &&
                   text.front() != '-'
               ? value
               : -1;
}

// The upload id as the database spells it (lowercase UUID); empty when it cannot be one.
std::string uploadKey(const std::string& id)
{
    const QString text = QString::fromStdString(id).toLower();
    return text.size() == 36 && !QUuid::fromString(text).isNull() ? text.toStdString()
                                                                  : std::string();
}

// tus Upload-Metadata: "key base64,key base64,...".
Metadata parseMetadata(const std::string& header)
{
    const QString name = QStringLiteral("Upload-Metadata");
    Metadata metadata;
    for (const QByteArray& pair : QByteArray::fromStdString(header).split(',')) {
        const QList<QByteArray> parts = pair.trimmed().split(' ');
        const auto decoded =
            QByteArray::fromBase64Encoding(parts.value(1), QByteArray::AbortOnBase64DecodingErrors);
        if (parts.size() > 2 || !decoded)
            throw badHeader(name, QStringLiteral("the value of \"%1\" is not base64")
                                      .arg(QString::fromUtf8(parts.value(0))));
        const QByteArray& key = parts.value(0);
        const std::string value = decoded.decoded.toStdString();
        if (key == "sha256")
            metadata.sha256 = QString::fromStdString(value).toLower().toStdString();
        else if (key == "filename")
            metadata.filename = value;
        else if (key == "content_type")
            metadata.contentType = value;
        else if (key == "test_data")
            metadata.testData = value == "1";
    }
    if (!isSha256Hex(QString::fromStdString(metadata.sha256)))
        throw badHeader(name, QStringLiteral("sha256 must be 64 hex digits"));
    if (metadata.filename.empty())
        throw badHeader(name, QStringLiteral("filename is missing"));
    return metadata;
}

// The raw digest of "sha256 <base64>".
std::string chunkDigest(const std::string& header)
{
    const QString name = QStringLiteral("Upload-Checksum");
    const QList<QByteArray> parts = QByteArray::fromStdString(header).split(' ');
    if (parts.size() != 2 || parts[0] != "sha256")
        throw badHeader(name, QStringLiteral("expected \"sha256 <base64 of the digest>\""));
    const auto digest =
        QByteArray::fromBase64Encoding(parts[1], QByteArray::AbortOnBase64DecodingErrors);
    if (!digest || digest.decoded.size() != 32)
        throw badHeader(name, QStringLiteral("the digest is not 32 bytes in base64"));
    return digest.decoded.toStdString();
}

} // namespace

FileUploads::FileUploads(FileStore& store, long long maxFileSize, bool acceptTestData)
    : store_(store), maxFileSize_(maxFileSize), acceptTestData_(acceptTestData)
{
}

QJsonObject FileUploads::missing(PgConnection& connection, const std::string& body) const
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(body));
    const QJsonArray asked = document.object().value("sha256").toArray();
    if (asked.isEmpty() || asked.size() > kMaxHashesPerQuery)
        throw ApiError::malformed(QStringLiteral("/sha256"),
                                  QStringLiteral("must be a list of 1 to 1000 hashes"));
    QStringList hashes;
    for (qsizetype i = 0; i < asked.size(); ++i) {
        if (!isSha256Hex(asked[i].toString()))
            throw ApiError::malformed(QStringLiteral("/sha256/%1").arg(i),
                                      QStringLiteral("not 64 lowercase hex digits"));
        hashes.append(asked[i].toString());
    }
    const PgResult held =
        connection.exec("SELECT encode(sha256, 'hex'), length FROM files "
                        "WHERE sha256 IN (SELECT decode(h, 'hex') FROM unnest($1::text[]) AS h)",
                        {"{" + hashes.join(',').toStdString() + "}"});
    QSet<QString> present;
    for (int row = 0; row < held.rows(); ++row)
        // A row whose bytes went missing from the store is uploaded again (and so repaired).
        if (store_.has(held.text(row, 0), held.integer(row, 1)))
            present.insert(QString::fromStdString(held.text(row, 0)));
    QJsonArray missing;
    for (const QString& hash : hashes)
        if (!present.contains(hash))
            missing.append(hash);
    return QJsonObject{{"missing", missing}};
}

UploadProgress FileUploads::create(PgConnection& connection, const Workstation& workstation,
                                   const std::string& uploadLength,
                                   const std::string& metadataHeader) const
{
    const long long length = wholeNumber(uploadLength);
    if (length < 1)
        throw badHeader(QStringLiteral("Upload-Length"),
                        QStringLiteral("not a whole number of bytes above 0"));
    if (length > maxFileSize_)
        throw ApiError(
            413, QStringLiteral("file-too-large"),
            QStringLiteral("The file is larger than the hub accepts (%1 bytes).").arg(maxFileSize_),
            QStringLiteral("Tệp lớn hơn mức máy chủ cho phép (%1 byte).").arg(maxFileSize_),
            QJsonObject{{"maximum", maxFileSize_}});
    const Metadata metadata = parseMetadata(metadataHeader);
    if (metadata.testData && !acceptTestData_)
        throw ApiError(403, QStringLiteral("test-data-refused"),
                       QStringLiteral("This file is test data (demo signature or test scanner); "
                                      "a production hub does not accept it."),
                       QStringLiteral("Tệp này là dữ liệu thử nghiệm (chữ ký thử nghiệm hoặc máy "
                                      "quét thử); máy chủ chính thức không tiếp nhận."));
    const std::string lengthText = std::to_string(length);
    const bool held = connection
                              .exec("SELECT 1 FROM files WHERE sha256 = decode($1, 'hex') "
                                    "AND length = $2",
                                    {metadata.sha256, lengthText})
                              .rows() == 1 &&
                      store_.has(metadata.sha256, length);
    const long long offset = held ? length : 0;
    const PgResult created = connection.exec(
        "INSERT INTO uploads(workstation_id, sha256, length, upload_offset, filename, "
        "content_type, test_data) VALUES ($1, decode($2, 'hex'), $3, $4, $5, $6, $7) "
        "RETURNING id",
        {std::to_string(workstation.id), metadata.sha256, lengthText, std::to_string(offset),
         metadata.filename, metadata.contentType, metadata.testData ? "true" : "false"});
    return UploadProgress{created.text(0, 0), offset, length};
}

UploadProgress FileUploads::progress(PgConnection& connection, const Workstation& workstation,
                                     const std::string& id) const
{
    const std::string key = uploadKey(id);
    if (key.empty())
        throw uploadUnknown();
    const PgResult row = connection.exec("SELECT upload_offset, length FROM uploads "
                                         "WHERE id = $1 AND workstation_id = $2",
                                         {key, std::to_string(workstation.id)});
    if (row.rows() == 0)
        throw uploadUnknown();
    return UploadProgress{key, row.integer(0, 0), row.integer(0, 1)};
}

long long FileUploads::append(PgConnection& connection, const Workstation& workstation,
                              const std::string& id, const UploadChunk& chunk) const
{
    const std::string key = uploadKey(id);
    if (key.empty())
        throw uploadUnknown();
    if (chunk.contentType != kChunkType)
        throw ApiError(415, QStringLiteral("unsupported-media-type"),
                       QStringLiteral("Expected application/offset+octet-stream."),
                       QStringLiteral("Kiểu nội dung phải là application/offset+octet-stream."));
    const long long sentOffset = wholeNumber(chunk.offset);
    if (sentOffset < 0)
        throw badHeader(QStringLiteral("Upload-Offset"), QStringLiteral("not a whole number"));
    const std::string digest = chunkDigest(chunk.checksum);
    if (chunk.bytes.empty())
        throw badHeader(QStringLiteral("Content-Length"), QStringLiteral("the chunk is empty"));

    PgTransaction transaction(connection);
    // Concurrent PATCHes of this upload (a retry racing the original) queue here.
    const PgResult row = connection.exec(
        "SELECT upload_offset, length, encode(sha256, 'hex'), test_data FROM uploads "
        "WHERE id = $1 AND workstation_id = $2 FOR UPDATE",
        {key, std::to_string(workstation.id)});
    if (row.rows() == 0)
        throw uploadUnknown();
    long long offset = row.integer(0, 0);
    const long long length = row.integer(0, 1);
    const std::string declared = row.text(0, 2);
    // Fewer staged bytes than the offset says: the store lost a write the database kept (a
    // crash); the store's count wins. More are dropped by stage().
    if (offset < length && store_.stagedLength(key) < offset) {
        offset = store_.stagedLength(key);
        connection.exec("UPDATE uploads SET upload_offset = $2 WHERE id = $1",
                        {key, std::to_string(offset)});
    }
    const auto refuse = [&](const ApiError& error) {
        transaction.commit();
        throw error;
    };
    if (sentOffset != offset)
        refuse(
            ApiError(
                409, QStringLiteral("upload-offset-mismatch"),
                QStringLiteral("The upload is at offset %1, not %2.").arg(offset).arg(sentOffset),
                QStringLiteral("Tệp đang ở vị trí %1, không phải %2.").arg(offset).arg(sentOffset),
                QJsonObject{{"offset", offset}})
                .withHeader("Upload-Offset", std::to_string(offset)));
    const auto size = static_cast<long long>(chunk.bytes.size());
    if (offset + size > length)
        refuse(badHeader(QStringLiteral("Content-Length"),
                         QStringLiteral("the chunk goes past Upload-Length (%1)").arg(length)));
    if (Sha256::of(chunk.bytes) != digest)
        refuse(ApiError(460, QStringLiteral("chunk-checksum-mismatch"),
                        QStringLiteral("The chunk does not match its Upload-Checksum; send it "
                                       "again."),
                        QStringLiteral("Đoạn dữ liệu không khớp mã kiểm tra; hãy gửi lại."),
                        QJsonObject{{"offset", offset}}));

    store_.stage(key, offset, chunk.bytes);
    offset += size;
    connection.exec("UPDATE uploads SET upload_offset = $2, updated_at = now() WHERE id = $1",
                    {key, std::to_string(offset)});
    if (offset == length) {
        std::string actual;
        if (const auto staged = store_.openStaged(key))
            actual = Sha256::of(*staged);
        if (QByteArray::fromStdString(actual).toHex().toStdString() != declared) {
            connection.exec("DELETE FROM uploads WHERE id = $1", {key});
            transaction.commit();
            store_.discard(key);
            throw ApiError(422, QStringLiteral("file-hash-mismatch"),
                           QStringLiteral("The uploaded file does not match its declared "
                                          "SHA-256; it was discarded."),
                           QStringLiteral("Tệp tải lên không khớp mã băm SHA-256 đã khai báo; "
                                          "tệp đã bị hủy."),
                           QJsonObject{{"declared", QString::fromStdString(declared)}});
        }
        // The store first: a crash before the database commits leaves a stored file nobody
        // lists (uploaded again, then dropped as a copy), never a listed file without bytes.
        // Not while a clean-up removes an earlier copy of the same file (FileLocks).
        lockFileShared(connection, declared);
        store_.commit(key, declared);
        connection.exec(
            "INSERT INTO files(sha256, length, test_data) "
            "VALUES (decode($1, 'hex'), $2, $3) ON CONFLICT (sha256) DO NOTHING",
            {declared, std::to_string(length), row.text(0, 3) == "t" ? "true" : "false"});
    }
    transaction.commit();
    return offset;
}

} // namespace sohoa::hub
