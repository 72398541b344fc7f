// SPDX-License-Identifier: GPL-3.0-or-later
// The Store's signing tables: signatures on documents, trust anchors, the demo identity.
#include "storage/DateTimeColumns.h"
#include "storage/Sqlite.h"
#include "storage/Store.h"
#include "storage/StoreError.h"

#include <algorithm>
#include <functional>
#include <sodium.h>

namespace sohoa::storage {

namespace {

constexpr auto kSignatureColumns = "id, document_id, field_name, signer, certificate, signed_at, "
                                   "level, timestamp_status, test_signature";

SignatureRecord signatureFrom(const Statement& row)
{
    SignatureRecord s;
    s.id = row.int64(0);
    s.documentId = row.int64(1);
    s.fieldName = row.text(2);
    s.signer = row.text(3);
    s.certificate = row.blob(4);
    s.signedAt = dateTimeFrom(row.text(5));
    s.level = row.text(6);
    s.timestampStatus = row.text(7);
    s.testSignature = row.int64(8) != 0;
    return s;
}

std::vector<SignatureRecord> signaturesWhere(Database& db, const std::string& condition,
                                             const std::function<void(Statement&)>& bind)
{
    Statement select(db, (std::string("SELECT ") + kSignatureColumns + " FROM signatures WHERE " +
                          condition + " ORDER BY id")
                             .c_str());
    bind(select);
    std::vector<SignatureRecord> signatures;
    while (select.step())
        signatures.push_back(signatureFrom(select));
    return signatures;
}

// Certificate chains are stored as one blob: each DER certificate preceded by its length.
QByteArray packChain(const QList<QByteArray>& chain)
{
    QByteArray packed;
    for (const QByteArray& certificate : chain) {
        const auto size = static_cast<quint32>(certificate.size());
        for (int shift = 24; shift >= 0; shift -= 8)
            packed.append(static_cast<char>((size >> shift) & 0xff));
        packed.append(certificate);
    }
    return packed;
}

QList<QByteArray> unpackChain(const QByteArray& packed)
{
    QList<QByteArray> chain;
    qsizetype at = 0;
    while (at + 4 <= packed.size()) {
        quint32 size = 0;
        for (int i = 0; i < 4; ++i)
            size = (size << 8) | static_cast<unsigned char>(packed[at + i]);
        at += 4;
        if (at + static_cast<qsizetype>(size) > packed.size())
            throw StoreError(StoreErrorCode::Corrupt, "signing identity: truncated chain");
        chain.append(packed.mid(at, size));
        at += size;
    }
    return chain;
}

} // namespace

void Store::replaceDocumentBlob(std::int64_t documentId, std::int64_t newBlobId)
{
    Statement old(*db_, "SELECT blob_id FROM documents WHERE id = ?");
    old.bind(1, documentId);
    if (!old.step())
        throw StoreError(StoreErrorCode::Internal, "replaceDocumentBlob: no such document");
    const std::int64_t oldBlobId = old.int64(0);
    Statement update(*db_, "UPDATE documents SET blob_id = ? WHERE id = ?");
    update.bind(1, newBlobId).bind(2, documentId).run();
    Statement drop(*db_, "DELETE FROM blobs WHERE id = ?");
    drop.bind(1, oldBlobId).run();
}

std::int64_t Store::insertSignature(const SignatureRecord& s)
{
    Statement insert(*db_, "INSERT INTO signatures(document_id, field_name, signer, certificate, "
                           "signed_at, level, timestamp_status, test_signature) "
                           "VALUES (?,?,?,?,?,?,?,?)");
    insert.bind(1, s.documentId)
        .bind(2, s.fieldName)
        .bind(3, s.signer)
        .bindBlob(4, s.certificate)
        .bind(5, dateTimeText(s.signedAt))
        .bind(6, s.level)
        .bind(7, s.timestampStatus)
        .bind(8, s.testSignature ? 1 : 0)
        .run();
    return db_->lastInsertRowId();
}

void Store::markTestData(std::int64_t dossierId)
{
    Statement update(*db_, "UPDATE dossiers SET test_data = 1 WHERE id = ?");
    update.bind(1, dossierId).run();
}

void Store::setSignatureTimestamped(std::int64_t signatureId, const QString& level)
{
    Statement update(*db_, "UPDATE signatures SET timestamp_status = 'stamped', level = ? "
                           "WHERE id = ?");
    update.bind(1, level).bind(2, signatureId).run();
}

void Store::setSignatureCovered(std::int64_t signatureId)
{
    Statement update(*db_, "UPDATE signatures SET timestamp_status = 'covered' WHERE id = ?");
    update.bind(1, signatureId).run();
}

bool Store::addTrustAnchor(const TrustAnchorRecord& anchor)
{
    Statement insert(*db_, "INSERT INTO trust_anchors(sha256, subject, not_after, certificate, "
                           "added_at, added_by) VALUES (?,?,?,?,?,?) "
                           "ON CONFLICT(sha256) DO NOTHING");
    insert.bindBlob(1, anchor.sha256)
        .bind(2, anchor.subject)
        .bind(3, dateTimeText(anchor.notAfter))
        .bindBlob(4, anchor.certificate)
        .bind(5, dateTimeText(anchor.addedAt.isValid() ? anchor.addedAt
                                                       : QDateTime::currentDateTimeUtc()))
        .bind(6, anchor.addedBy)
        .run();
    return db_->changes() > 0;
}

bool Store::removeTrustAnchor(const QByteArray& sha256)
{
    Statement remove(*db_, "DELETE FROM trust_anchors WHERE sha256 = ?");
    remove.bindBlob(1, sha256).run();
    return db_->changes() > 0;
}

void Store::saveSigningIdentity(const SigningIdentityRecord& identity)
{
    Statement upsert(*db_, "INSERT INTO signing_identities(kind, certificate_chain, private_key, "
                           "created_at) VALUES (?,?,?,?) ON CONFLICT(kind) DO UPDATE SET "
                           "certificate_chain = excluded.certificate_chain, "
                           "private_key = excluded.private_key, created_at = excluded.created_at");
    upsert.bind(1, identity.kind)
        .bindBlob(2, packChain(identity.certificateChain))
        .bindBlob(3, identity.privateKey.data(), identity.privateKey.size())
        .bind(4, dateTimeText(identity.createdAt.isValid() ? identity.createdAt
                                                           : QDateTime::currentDateTimeUtc()))
        .run();
}

std::vector<SignatureRecord> Store::signaturesOfDocument(std::int64_t documentId)
{
    return signaturesWhere(*db_, "document_id = ?",
                           [documentId](Statement& s) { s.bind(1, documentId); });
}

std::vector<SignatureRecord> Store::signaturesAwaitingTimestamp()
{
    return signaturesWhere(*db_, "timestamp_status = 'awaiting'", [](Statement&) {});
}

std::optional<DocumentRecord> Store::document(std::int64_t documentId)
{
    Statement select(*db_, "SELECT id, component_id, file_name, kind, blob_id, created_at "
                           "FROM documents WHERE id = ?");
    select.bind(1, documentId);
    if (!select.step())
        return std::nullopt;
    DocumentRecord d;
    d.id = select.int64(0);
    d.componentId = select.int64(1);
    d.fileName = select.text(2);
    d.kind = select.text(3);
    d.blobId = select.int64(4);
    d.createdAt = dateTimeFrom(select.text(5));
    return d;
}

QString Store::dossierUuidOfDocument(std::int64_t documentId)
{
    Statement select(*db_, "SELECT dossiers.uuid FROM documents "
                           "JOIN components ON components.id = documents.component_id "
                           "JOIN dossiers ON dossiers.id = components.dossier_id "
                           "WHERE documents.id = ?");
    select.bind(1, documentId);
    if (!select.step())
        throw StoreError(StoreErrorCode::Internal, "dossierUuidOfDocument: no such document");
    return select.text(0);
}

std::vector<TrustAnchorRecord> Store::trustAnchors()
{
    Statement select(*db_, "SELECT sha256, subject, not_after, certificate, added_at, added_by "
                           "FROM trust_anchors ORDER BY id");
    std::vector<TrustAnchorRecord> anchors;
    while (select.step()) {
        TrustAnchorRecord a;
        a.sha256 = select.blob(0);
        a.subject = select.text(1);
        a.notAfter = dateTimeFrom(select.text(2));
        a.certificate = select.blob(3);
        a.addedAt = dateTimeFrom(select.text(4));
        a.addedBy = select.text(5);
        anchors.push_back(std::move(a));
    }
    return anchors;
}

std::optional<SigningIdentityRecord> Store::signingIdentity(const QString& kind)
{
    Statement select(*db_, "SELECT certificate_chain, private_key, created_at "
                           "FROM signing_identities WHERE kind = ?");
    select.bind(1, kind);
    if (!select.step())
        return std::nullopt;
    SigningIdentityRecord identity;
    identity.kind = kind;
    identity.certificateChain = unpackChain(select.blob(0));
    QByteArray key = select.blob(1);
    identity.privateKey = SecureBytes(static_cast<std::size_t>(key.size()));
    std::copy(key.cbegin(), key.cend(), identity.privateKey.data());
    sodium_memzero(key.data(), static_cast<std::size_t>(key.size()));
    identity.createdAt = dateTimeFrom(select.text(2));
    return identity;
}

} // namespace sohoa::storage
