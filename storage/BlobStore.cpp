// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/BlobStore.h"

#include "storage/Sqlite.h"
#include "storage/StoreError.h"

#include <sodium.h>

namespace sohoa::storage {

struct BlobWriter::HashState
{
    crypto_hash_sha256_state state;
};

BlobWriter::BlobWriter(Database& db, const QString& mime)
    : db_(db), hash_(std::make_unique<HashState>())
{
    Statement insert(db_, "INSERT INTO blobs(mime) VALUES (?)");
    insert.bind(1, mime).run();
    info_.id = db_.lastInsertRowId();
    info_.mime = mime;
    crypto_hash_sha256_init(&hash_->state);
    pending_.reserve(static_cast<qsizetype>(kChunkBytes));
}

BlobWriter::~BlobWriter() = default;

void BlobWriter::append(const char* data, std::size_t size)
{
    crypto_hash_sha256_update(&hash_->state, reinterpret_cast<const unsigned char*>(data), size);
    info_.size += static_cast<std::int64_t>(size);
    while (size > 0) {
        const std::size_t room = kChunkBytes - static_cast<std::size_t>(pending_.size());
        const std::size_t take = std::min(room, size);
        pending_.append(data, static_cast<qsizetype>(take));
        data += take;
        size -= take;
        if (static_cast<std::size_t>(pending_.size()) == kChunkBytes)
            flushChunk();
    }
}

void BlobWriter::flushChunk()
{
    Statement insert(db_, "INSERT INTO blob_chunks(blob_id, seq, data) VALUES (?, ?, ?)");
    insert.bind(1, info_.id).bind(2, nextChunk_++).bindBlob(3, pending_).run();
    pending_.clear();
}

BlobInfo BlobWriter::finish()
{
    if (!pending_.isEmpty())
        flushChunk();
    info_.sha256.resize(crypto_hash_sha256_BYTES);
    crypto_hash_sha256_final(&hash_->state, reinterpret_cast<unsigned char*>(info_.sha256.data()));
    Statement update(db_, "UPDATE blobs SET size = ?, sha256 = ?, complete = 1 WHERE id = ?");
    update.bind(1, info_.size).bindBlob(2, info_.sha256).bind(3, info_.id).run();
    return info_;
}

BlobInfo blobInfo(Database& db, std::int64_t blobId)
{
    Statement select(db, "SELECT size, sha256, mime FROM blobs WHERE id = ? AND complete = 1 "
                         "AND purged_at IS NULL");
    select.bind(1, blobId);
    if (!select.step())
        throw StoreError(StoreErrorCode::NotFound, "blob not found");
    return BlobInfo{blobId, select.int64(0), select.blob(1), select.text(2)};
}

QByteArray readBlob(Database& db, std::int64_t blobId)
{
    const BlobInfo info = blobInfo(db, blobId);
    QByteArray bytes;
    bytes.reserve(static_cast<qsizetype>(info.size));
    Statement select(db, "SELECT data FROM blob_chunks WHERE blob_id = ? ORDER BY seq");
    select.bind(1, blobId);
    while (select.step())
        bytes.append(select.blob(0));
    QByteArray digest(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(digest.data()),
                       reinterpret_cast<const unsigned char*>(bytes.constData()),
                       static_cast<unsigned long long>(bytes.size()));
    if (bytes.size() != info.size || digest != info.sha256)
        throw StoreError(StoreErrorCode::Corrupt, "blob content does not match its hash");
    return bytes;
}

} // namespace sohoa::storage
