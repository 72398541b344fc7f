// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/AuditChain.h"
#include "storage/BlobStore.h"
#include "storage/KdfParams.h"
#include "storage/KeyFile.h"
#include "storage/SecureBytes.h"
#include "storage/StoreRecords.h"

#include <QStringList>
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
    // Creates a new store and its key file with the officer's slot and the agency's recovery
    // slot; refuses to overwrite either. Returns the recovery key, formatted to be printed
    // once and kept by the agency (docs/STORE.md).
    static SecureBytes create(const QString& path, const SecureBytes& passphrase,
                              const QString& slotLabel, const KdfParams& kdf);
    static std::unique_ptr<Store> open(const QString& path, const SecureBytes& passphrase);
    static std::unique_ptr<Store> openWithRecoveryKey(const QString& path,
                                                      const SecureBytes& recoveryKeyText);
    // Quick unlock: `secret` comes from the OS keyring of `label`'s session.
    static std::unique_ptr<Store> openWithKeyringSecret(const QString& path, const QString& label,
                                                        const SecureBytes& secret);
    // The officers with a quick-unlock slot, read from the key file without unlocking.
    static QStringList keyringSlotLabels(const QString& path);
#ifdef SOHOA_TEST_HOOKS
    // Benchmarks only (never in releases): the same store without encryption, to measure
    // what SQLCipher costs against the same library unkeyed.
    static std::unique_ptr<Store> openUnencryptedForBenchmark(const QString& path);
#endif
    ~Store();

    // The same unlocked store through a second SQLite connection, for a worker thread (the
    // sync worker) while this one stays with the window. Both hold the data key in locked
    // memory; WAL lets the window read while the worker writes, and writers take turns.
    std::unique_ptr<Store> anotherConnection() const;

    // The SQLite version of the linked SQLCipher library.
    static QString libraryVersion();

    QString path() const
    {
        return path_;
    }
    QString cipherVersion() const
    {
        return cipherVersion_;
    }

    // Key management. Each rewrites the key file atomically.
    QString unlockedSlot() const
    {
        return unlockedSlot_;
    }
    QStringList keySlotLabels() const;
    void addOfficer(const QString& label, const SecureBytes& passphrase, const KdfParams& kdf);
    void removeOfficer(const QString& label);
    // Gives the unlocked officer a quick-unlock slot; returns its secret for the OS keyring.
    SecureBytes enableKeyringUnlock();
    // Removes the unlocked officer's quick-unlock slot; false when there was none.
    bool disableKeyringUnlock();
    // Re-wraps only: the officer's slot gets the new passphrase, the data is untouched.
    void changePassphrase(const SecureBytes& newPassphrase, const KdfParams& kdf);
    // A new data key for the whole database (PRAGMA rekey), sealed to every remaining slot:
    // whoever held the old data key or a removed slot can no longer read what is stored.
    void rekey();
    // A consistent, encrypted copy (SQLite's online backup API) with its key file beside it.
    void backupTo(const QString& target);

    // Runs `work` in one transaction: all of it is committed, or none of it.
    void inTransaction(const std::function<void()>& work);

    // Within a transaction:
    int nextDossierSequence(const QString& agencyCode, const QDate& day);
    std::int64_t insertDossier(const DossierRecord& dossier);
    std::int64_t insertComponent(const ComponentRecord& component);
    // The component now holds a document reused from an earlier dossier (DuocTaiSuDung).
    void markComponentReused(std::int64_t componentId);
    // The dossier moved through the lifecycle (usecases/DossierTransitions): its state's stable
    // name and national status (TrangThaiHoSo).
    void setDossierState(const QString& dossierUuid, const QString& state, int nationalStatus);
    std::unique_ptr<BlobWriter> newBlob(const QString& mime);
    std::int64_t insertPage(const PageRecord& page);
    std::int64_t insertDocument(const DocumentRecord& document);
    void appendEvent(const EventRecord& event);
    void setSetting(const QString& key, const QString& value);

    // Sync, within a transaction: the outbox (docs/SYNC-PROTOCOL.md §5.1).
    void appendOutbox(const OutboxRecord& row);
    void deleteOutbox(std::int64_t id);
    // A retry later: the attempt count, when, and why it failed.
    void deferOutbox(std::int64_t id, int attempts, const QDateTime& nextAttemptAt,
                     const QString& error);
    void parkOutbox(std::int64_t id, const QString& error);
    // The dossier is in conflict with the hub: why, for the officer, and the hub's copy as the
    // conflict reported it (kept unless older than the one already kept).
    void setSyncConflict(const QString& dossierUuid, const QString& conflict, const HubCopy& hub);
    void clearSyncConflict(const QString& dossierUuid);
    // The row is sent again under a new Idempotency-Key, based on `baseVersion` (§5.6).
    void rebaseOutbox(std::int64_t id, const QString& idempotencyKey, int baseVersion);
    // Each outbox row moves the dossier's version on by one (docs/SYNC-PROTOCOL.md §5.1).
    int dossierVersion(const QString& dossierUuid);
    void setDossierVersion(const QString& dossierUuid, int version);
    // A decision taken on the hub (docs/SYNC-PROTOCOL.md §7.3), within a transaction: where the
    // dossier stands (nullopt: not in this store), and its state, national status and version
    // becoming the hub's, with no outbox row.
    std::optional<DossierSyncState> dossierSyncState(const QString& dossierUuid);
    void setDossierHubState(const QString& dossierUuid, const QString& state, int nationalStatus,
                            int version);
    // Dossier codes (docs/SYNC-PROTOCOL.md §8), within a transaction: blocks the hub reserved,
    // the lowest unused number of a day's blocks (taken: never handed out again; nullopt when
    // none is left), how many are left, and the hub's definitive code for a dossier created
    // under a provisional one — the dossier's code and its documents' `<code>.` file-name
    // prefix change, the flag clears and the provisional code is kept as the former one.
    // False when the dossier had no provisional code (already assigned).
    void addCodeBlock(const CodeBlockRecord& block);
    std::optional<ReservedNumber> takeReservedNumber(const QString& agencyCode, const QDate& day);
    int reservedNumbersLeft(const QString& agencyCode, const QDate& day);
    bool assignDossierCode(const QString& dossierUuid, const QString& assignedCode);
    // The province's catalogue (docs/SYNC-PROTOCOL.md §7.1), within a transaction: emptied
    // before a complete one is stored; a procedure by its national code with its format 1
    // definition (JSON) and the label of the catalogue version that brought it; an agency.
    // The removals are false when there was no such entry.
    void clearCatalogue();
    void putCatalogueProcedure(const QString& code, const QString& version,
                               const QByteArray& definition);
    bool removeCatalogueProcedure(const QString& code);
    void putCatalogueAgency(const CatalogueAgencyRecord& agency);
    bool removeCatalogueAgency(const QString& code);
    // The stored procedures' definitions, by code.
    std::vector<QByteArray> catalogueProcedureDefinitions();
    // A complete blob's size and SHA-256, and the blob holding given content (for uploads).
    std::optional<BlobInfo> blobInfo(std::int64_t blobId);
    std::optional<BlobInfo> blobWithSha256(const QByteArray& sha256);
    std::vector<DocumentRecord> documentsOfComponent(std::int64_t componentId);
    std::optional<ComponentOwner> componentOwner(std::int64_t componentId);
    // The rows to send, in the order they were written: not parked, and not behind a parked
    // row of their dossier.
    std::vector<OutboxRecord> outboxPending();
    // Every unsent row of one dossier, parked or not, in order.
    std::vector<OutboxRecord> outboxOfDossier(const QString& dossierUuid);
    int outboxParkedCount();

    // Signing, within a transaction. The signed PDF replaces the document's blob (the
    // unsigned bytes are its prefix, so nothing is lost); the old blob is dropped.
    void replaceDocumentBlob(std::int64_t documentId, std::int64_t newBlobId);
    std::int64_t insertSignature(const SignatureRecord& signature);
    // A dossier signed with the demo identity can never be submitted as real work.
    void markTestData(std::int64_t dossierId);
    void setSignatureTimestamped(std::int64_t signatureId, const QString& level);
    // An awaiting signature a later, time-stamped signature of the same file covers.
    void setSignatureCovered(std::int64_t signatureId);
    // False when the anchor was there already.
    bool addTrustAnchor(const TrustAnchorRecord& anchor);
    // False when there was no such anchor.
    bool removeTrustAnchor(const QByteArray& sha256);
    void saveSigningIdentity(const SigningIdentityRecord& identity);

    // Signing reads:
    std::vector<SignatureRecord> signaturesOfDocument(std::int64_t documentId);
    std::vector<SignatureRecord> signaturesAwaitingTimestamp();
    std::optional<DocumentRecord> document(std::int64_t documentId);
    // The UUID of the dossier a document belongs to (for its audit events).
    QString dossierUuidOfDocument(std::int64_t documentId);
    std::vector<TrustAnchorRecord> trustAnchors();
    std::optional<SigningIdentityRecord> signingIdentity(const QString& kind);

    // Reads:
    std::optional<QString> setting(const QString& key);
    std::vector<DossierSummary> listDossiers();
    std::optional<DossierDetail> dossierByCode(const QString& code);
    std::optional<DossierRecord> dossierByUuid(const QString& uuid);
    // The dossiers whose sync conflict waits for the officer, by code.
    std::vector<DossierRecord> dossiersInConflict();
    // Dossier codes of an applicant, by identifier, or by the start of the folded name.
    std::vector<QString> dossiersOfApplicant(const QString& identifier, int limit = 100);
    std::vector<QString> dossiersByNamePrefix(const QString& foldedPrefix, int limit = 100);
    // Pages whose folded text contains every one of the (already folded) terms.
    std::vector<SearchHit> searchPages(const QStringList& foldedTerms, int limit = 100);
    bool dossierCodeExists(const QString& code);
    QByteArray readBlob(std::int64_t blobId);

    // Retention: removes the page images, PDFs and OCR text of dossiers in one of `states`
    // that were last changed before `cutoff`, keeping their metadata and the files' hashes.
    // Returns the codes of the dossiers purged (in one transaction, audited).
    std::vector<QString> purgeFiles(const QStringList& states, const QDateTime& cutoff,
                                    const QString& officerId);
    // Decommissioning: destroys the key file first (without it the data key is gone for
    // good, even from disk blocks the overwrite cannot reach), then the database.
    static void wipe(const QString& path);
    std::vector<EventRecord> events(const QString& dossierUuid);
    CheckReport check();

private:
    Store(QString path, std::unique_ptr<Database> db, SecureBytes dataKey, QString slot);
    static std::unique_ptr<Store>
    openUnlocked(const QString& path,
                 const std::function<KeyFile::Unlocked(const KeyFile&)>& unlock);
    KeyFile keyFile() const;

    QString path_;
    QString cipherVersion_;
    std::unique_ptr<Database> db_;
    SecureBytes dataKey_; // held in locked memory while the store is open
    QString unlockedSlot_;
};

} // namespace sohoa::storage
