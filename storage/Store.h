// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/AuditChain.h"
#include "storage/BlobStore.h"
#include "storage/KdfParams.h"
#include "storage/SecureBytes.h"
#include "storage/StoreRecords.h"

#include <functional>
#include <memory>
#include <optional>

namespace sohoa::storage {

class Database;

// The encrypted offline store: one SQLCipher file holding dossiers, page images, PDFs and the
// audit trail, unlocked through the key file beside it. Not thread-safe: one owner at a time.
class Store
{
public:
    // Creates a new store and its key file with one slot; refuses to overwrite either.
    static void create(const QString& path, const SecureBytes& passphrase, const QString& slotLabel,
                       const KdfParams& kdf);
    static std::unique_ptr<Store> open(const QString& path, const SecureBytes& passphrase);
    ~Store();

    // The SQLite version of the linked SQLCipher library.
    static QString libraryVersion();

    QString path() const { return path_; }
    QString cipherVersion() const { return cipherVersion_; }

    // Runs `work` in one transaction: all of it is committed, or none of it.
    void inTransaction(const std::function<void()>& work);

    // Within a transaction:
    int nextDossierSequence(const QString& agencyCode, const QDate& day);
    std::int64_t insertDossier(const DossierRecord& dossier);
    std::int64_t insertComponent(const ComponentRecord& component);
    std::unique_ptr<BlobWriter> newBlob(const QString& mime);
    std::int64_t insertPage(const PageRecord& page);
    std::int64_t insertDocument(const DocumentRecord& document);
    void appendEvent(const EventRecord& event);
    void setSetting(const QString& key, const QString& value);

    // Reads:
    std::optional<QString> setting(const QString& key);
    std::vector<DossierSummary> listDossiers();
    std::optional<DossierDetail> dossierByCode(const QString& code);
    bool dossierCodeExists(const QString& code);
    QByteArray readBlob(std::int64_t blobId);
    std::vector<EventRecord> events(const QString& dossierUuid);
    CheckReport check();

private:
    Store(QString path, std::unique_ptr<Database> db);

    QString path_;
    QString cipherVersion_;
    std::unique_ptr<Database> db_;
};

} // namespace sohoa::storage
