// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <memory>

namespace sohoa::storage {

class Database;

struct BlobInfo
{
    std::int64_t id = 0;
    std::int64_t size = 0;
    QByteArray sha256;
    QString mime;
};

// Streams a page image or PDF into the encrypted database in fixed-size chunks, so a large
// file is never whole in memory and never touches disk outside the store. Must be used inside
// the caller's transaction: the blob exists only if that transaction commits.
class BlobWriter
{
public:
    static constexpr std::size_t kChunkBytes = 256 * 1024;

    BlobWriter(Database& db, const QString& mime);
    ~BlobWriter();
    BlobWriter(const BlobWriter&) = delete;
    BlobWriter& operator=(const BlobWriter&) = delete;

    void append(const char* data, std::size_t size);
    void append(const QByteArray& bytes)
    {
        append(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    }
    BlobInfo finish();

private:
    void flushChunk();

    struct HashState;
    Database& db_;
    BlobInfo info_;
    QByteArray pending_;
    int nextChunk_ = 0;
    std::unique_ptr<HashState> hash_;
};

QByteArray readBlob(Database& db, std::int64_t blobId);
BlobInfo blobInfo(Database& db, std::int64_t blobId);

} // namespace sohoa::storage
