// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/Store.h"

#include "storage/DateTimeColumns.h"
#include "storage/KeyFile.h"
#include "storage/Schema.h"
#include "storage/Sqlite.h"
#include "storage/StoreError.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <sodium.h>
#include <sqlcipher/sqlite3.h>
#include <string>
#include <tuple>
#include <unistd.h>

namespace sohoa::storage {

namespace {
constexpr auto kDateFormat = Qt::ISODate;

// Settings every connection needs: durability over speed (a page the officer was told is
// saved must survive a power cut), foreign keys, and temporary tables kept in memory.
void configureConnection(Database& db)
{
    // Takes effect only on a new, unencrypted file (the benchmark's peer): SQLCipher has set
    // it already with cipher_page_size, and an existing file keeps its own.
    db.exec(("PRAGMA page_size = " + std::to_string(Database::kPageSize)).c_str());
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    db.exec("PRAGMA secure_delete = ON");
    db.exec("PRAGMA temp_store = MEMORY");
    // 64 MiB of decrypted pages: with SQLCipher every page-cache miss costs a decryption and
    // an HMAC check, which the OS cache cannot save us.
    db.exec("PRAGMA cache_size = -65536");
}

// SQLCipher answers cipher_version; the system SQLite answers nothing. Refuse to run on the
// latter: it would write citizens' data in the clear.
QString requireCipher(Database& db)
{
    const auto version = db.pragmaText("PRAGMA cipher_version");
    if (!version || version->isEmpty())
        throw StoreError(StoreErrorCode::CipherUnavailable, "SQLCipher is not the SQLite in use");
    return *version;
}

void requireReadable(Database& db)
{
    try {
        Statement probe(db, "SELECT count(*) FROM sqlite_schema");
        probe.step();
    } catch (const StoreError& error) {
        if (error.code() == StoreErrorCode::NotAStore || error.code() == StoreErrorCode::Corrupt)
            throw StoreError(StoreErrorCode::NotAStore, "the key does not open this database");
        throw;
    }
}

DossierRecord dossierFrom(Statement& row)
{
    DossierRecord d;
    d.id = row.int64(0);
    d.uuid = row.text(1);
    d.code = row.text(2);
    d.codeProvisional = row.integer(3) != 0;
    d.agencyCode = row.text(4);
    d.procedureCode = row.text(5);
    d.procedureName = row.text(6);
    d.applicantKind = row.integer(7);
    d.applicantIdentifier = row.text(8);
    d.applicantName = row.text(9);
    d.applicantDateOfBirth = QDate::fromString(row.text(10), kDateFormat);
    d.applicantSex = row.integer(11);
    d.applicantAddress = row.text(12);
    d.channel = row.integer(13);
    d.state = row.text(14);
    d.nationalStatus = row.integer(15);
    d.receivedAt = dateTimeFrom(row.text(16));
    d.dueAt = dateTimeFrom(row.text(17));
    d.returnedAt = dateTimeFrom(row.text(18));
    d.testData = row.integer(19) != 0;
    d.version = row.integer(20);
    d.formerProvisionalCode = row.text(21);
    d.syncConflict = row.text(22);
    d.conflictHubCopy = HubCopy{row.text(23), row.integer(24), row.integer(25)};
    return d;
}

constexpr auto kDossierColumns =
    "id, uuid, code, code_provisional, agency_code, procedure_code, procedure_name, "
    "applicant_kind, applicant_identifier, applicant_name, applicant_dob, applicant_sex, "
    "applicant_address, channel, state, national_status, received_at, due_at, returned_at, "
    "test_data, version, provisional_code, sync_conflict, hub_state, hub_national_status, "
    "hub_version";

// The dossier whose `column` (code or uuid, both unique) holds `value`.
std::optional<DossierRecord> dossierWhere(Database& db, const char* column, const QString& value)
{
    const std::string sql =
        std::string("SELECT ") + kDossierColumns + " FROM dossiers WHERE " + column + " = ?";
    Statement select(db, sql.c_str());
    select.bind(1, value);
    if (!select.step())
        return std::nullopt;
    return dossierFrom(select);
}
} // namespace

Store::Store(QString path, std::unique_ptr<Database> db, SecureBytes dataKey, QString slot)
    : path_(std::move(path)), db_(std::move(db)), dataKey_(std::move(dataKey)),
      unlockedSlot_(std::move(slot))
{
}

Store::~Store() = default;

std::unique_ptr<Store> Store::anotherConnection() const
{
    auto db = std::make_unique<Database>(path_, Database::Mode::OpenExisting);
    db->key(dataKey_);
    requireReadable(*db);
    configureConnection(*db);
    SecureBytes key(dataKey_.size());
    std::copy_n(dataKey_.data(), dataKey_.size(), key.data());
    std::unique_ptr<Store> store(new Store(path_, std::move(db), std::move(key), unlockedSlot_));
    store->cipherVersion_ = cipherVersion_;
    return store;
}

QString Store::libraryVersion()
{
    return QString::fromLatin1(sqlite3_libversion());
}

SecureBytes Store::create(const QString& path, const SecureBytes& passphrase,
                          const QString& slotLabel, const KdfParams& kdf)
{
    const QString keyPath = KeyFile::pathFor(path);
    if (QFileInfo::exists(path) || QFileInfo::exists(keyPath))
        throw StoreError(StoreErrorCode::AlreadyExists, "a store already exists at this path");

    const SecureBytes dataKey = SecureBytes::random(KeyFile::kDataKeyBytes);
    try {
        {
            Database db(path, Database::Mode::Create);
            db.key(dataKey);
            requireCipher(db);
            configureConnection(db);
            migrate(db);
            storage::appendEvent(db, EventRecord{0,
                                                 {},
                                                 QDateTime::currentDateTimeUtc(),
                                                 slotLabel,
                                                 QStringLiteral("store-created"),
                                                 {}});
        }
        KeyFile keyFile;
        keyFile.addPassphraseSlot(slotLabel, passphrase, kdf, dataKey);
        const SecureBytes recoveryKey = keyFile.addRecoverySlot(dataKey);
        keyFile.save(keyPath);
        return KeyFile::formatRecoveryKey(recoveryKey);
    } catch (...) {
        for (const QString& leftover : {path, path + "-wal", path + "-shm", keyPath})
            QFile::remove(leftover);
        throw;
    }
}

std::unique_ptr<Store> Store::open(const QString& path, const SecureBytes& passphrase)
{
    return openUnlocked(path, [&](const KeyFile& keyFile) { return keyFile.unwrap(passphrase); });
}

std::unique_ptr<Store> Store::openWithRecoveryKey(const QString& path,
                                                  const SecureBytes& recoveryKeyText)
{
    const SecureBytes recoveryKey = KeyFile::parseRecoveryKey(recoveryKeyText);
    if (recoveryKey.empty())
        throw StoreError(StoreErrorCode::WrongPassphrase, "not a recovery key");
    return openUnlocked(
        path, [&](const KeyFile& keyFile) { return keyFile.unwrapWithRecoveryKey(recoveryKey); });
}

std::unique_ptr<Store> Store::openWithKeyringSecret(const QString& path, const QString& label,
                                                    const SecureBytes& secret)
{
    return openUnlocked(path, [&](const KeyFile& keyFile) {
        return keyFile.unwrapWithKeyringSecret(label, secret);
    });
}

QStringList Store::keyringSlotLabels(const QString& path)
{
    return KeyFile::load(KeyFile::pathFor(path)).keyringLabels();
}

std::unique_ptr<Store>
Store::openUnlocked(const QString& path,
                    const std::function<KeyFile::Unlocked(const KeyFile&)>& unlock)
{
    if (!QFileInfo::exists(path))
        throw StoreError(StoreErrorCode::NotFound, "no store at this path");
    const auto keyed = [&](const SecureBytes& dataKey) {
        auto db = std::make_unique<Database>(path, Database::Mode::OpenExisting);
        db->key(dataKey);
        requireCipher(*db);
        requireReadable(*db);
        return db;
    };

    KeyFile::Unlocked unlocked = unlock(KeyFile::load(KeyFile::pathFor(path)));
    std::unique_ptr<Database> db;
    try {
        db = keyed(unlocked.dataKey);
    } catch (const StoreError& error) {
        // A rekey interrupted between PRAGMA rekey and promoting the new key file leaves the
        // new key in "<store>.keys.pending": finish the promotion.
        const QString pending = KeyFile::pendingPathFor(path);
        if (error.code() != StoreErrorCode::NotAStore || !QFileInfo::exists(pending))
            throw;
        unlocked = unlock(KeyFile::load(pending));
        db = keyed(unlocked.dataKey);
        QFile::remove(KeyFile::pathFor(path));
        if (!QFile::rename(pending, KeyFile::pathFor(path)))
            throw StoreError(StoreErrorCode::Io, "cannot promote the pending key file");
    }
    const QString version = requireCipher(*db);
    try {
        configureConnection(*db);
        migrate(*db);
    } catch (const StoreError& error) {
        // These statements are fixed and tested: when they fail on a key that did open the
        // file, the file is damaged (SQLCipher reports a page that fails its HMAC this way).
        if (error.code() != StoreErrorCode::Internal)
            throw;
        throw StoreError(StoreErrorCode::Corrupt, std::string("store unreadable: ") + error.what());
    }
    std::unique_ptr<Store> store(
        new Store(path, std::move(db), std::move(unlocked.dataKey), unlocked.label));
    store->cipherVersion_ = version;
    return store;
}

#ifdef SOHOA_TEST_HOOKS
std::unique_ptr<Store> Store::openUnencryptedForBenchmark(const QString& path)
{
    auto db = std::make_unique<Database>(path, Database::Mode::Create);
    configureConnection(*db);
    migrate(*db);
    return std::unique_ptr<Store>(new Store(path, std::move(db), {}, {}));
}
#endif

KeyFile Store::keyFile() const
{
    return KeyFile::load(KeyFile::pathFor(path_));
}

QStringList Store::keySlotLabels() const
{
    return keyFile().labels();
}

void Store::addOfficer(const QString& label, const SecureBytes& passphrase, const KdfParams& kdf)
{
    KeyFile file = keyFile();
    if (file.labels().contains(label))
        throw StoreError(StoreErrorCode::AlreadyExists, "a key slot with this label exists");
    file.addPassphraseSlot(label, passphrase, kdf, dataKey_);
    file.save(KeyFile::pathFor(path_));
}

void Store::removeOfficer(const QString& label)
{
    KeyFile file = keyFile();
    if (!file.labels().contains(label))
        throw StoreError(StoreErrorCode::NotFound, "no key slot with this label");
    if (!file.removeSlot(label, dataKey_))
        throw StoreError(StoreErrorCode::Constraint, "the last officer's slot cannot be removed");
    file.save(KeyFile::pathFor(path_));
}

SecureBytes Store::enableKeyringUnlock()
{
    KeyFile file = keyFile();
    SecureBytes secret = file.addKeyringSlot(unlockedSlot_, dataKey_);
    file.save(KeyFile::pathFor(path_));
    return secret;
}

bool Store::disableKeyringUnlock()
{
    KeyFile file = keyFile();
    if (!file.removeKeyringSlot(unlockedSlot_, dataKey_))
        return false;
    file.save(KeyFile::pathFor(path_));
    return true;
}

void Store::changePassphrase(const SecureBytes& newPassphrase, const KdfParams& kdf)
{
    KeyFile file = keyFile();
    file.addPassphraseSlot(unlockedSlot_, newPassphrase, kdf, dataKey_);
    file.save(KeyFile::pathFor(path_));
}

void Store::rekey()
{
    SecureBytes newKey = SecureBytes::random(KeyFile::kDataKeyBytes);
    KeyFile file = keyFile();
    file.resealAll(newKey);
    // Order matters for a crash at any point: the new key file is written aside first, then
    // the database is rekeyed, then the new key file replaces the old (open() finishes that
    // last step if it was interrupted).
    const QString pending = KeyFile::pendingPathFor(path_);
    file.save(pending);
    db_->rekey(newKey);
    QFile::remove(KeyFile::pathFor(path_));
    if (!QFile::rename(pending, KeyFile::pathFor(path_)))
        throw StoreError(StoreErrorCode::Io, "cannot promote the new key file");
    dataKey_ = std::move(newKey);
}

void Store::backupTo(const QString& target)
{
    const QString targetKeys = KeyFile::pathFor(target);
    if (QFileInfo::exists(target) || QFileInfo::exists(targetKeys))
        throw StoreError(StoreErrorCode::AlreadyExists, "the backup target exists");
    try {
        {
            Database copy(target, Database::Mode::Create);
            copy.key(dataKey_);
            copy.backupFrom(*db_);
        }
        if (!QFile::copy(KeyFile::pathFor(path_), targetKeys))
            throw StoreError(StoreErrorCode::Io, "cannot copy the key file");
    } catch (...) {
        for (const QString& leftover : {target, target + "-wal", target + "-shm", targetKeys})
            QFile::remove(leftover);
        throw;
    }
}

void Store::inTransaction(const std::function<void()>& work)
{
    Transaction transaction(*db_);
    work();
    transaction.commit();
}

int Store::nextDossierSequence(const QString& agencyCode, const QDate& day)
{
    Statement upsert(*db_, "INSERT INTO dossier_sequences(agency_code, day, last_seq) "
                           "VALUES (?, ?, 1) ON CONFLICT(agency_code, day) "
                           "DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq");
    upsert.bind(1, agencyCode).bind(2, day.toString(kDateFormat));
    upsert.step();
    const int sequence = upsert.integer(0);
    upsert.run();
    return sequence;
}

std::int64_t Store::insertDossier(const DossierRecord& d)
{
    const QString now = dateTimeText(QDateTime::currentDateTimeUtc());
    Statement insert(*db_,
                     "INSERT INTO dossiers(uuid, code, code_provisional, agency_code, "
                     "procedure_code, procedure_name, applicant_kind, applicant_identifier, "
                     "applicant_name, applicant_dob, applicant_sex, applicant_address, channel, "
                     "state, national_status, received_at, due_at, returned_at, test_data, "
                     "version, created_at, updated_at, applicant_name_folded) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    insert.bind(1, d.uuid)
        .bind(2, d.code)
        .bind(3, d.codeProvisional ? 1 : 0)
        .bind(4, d.agencyCode)
        .bind(5, d.procedureCode)
        .bind(6, d.procedureName)
        .bind(7, d.applicantKind)
        .bind(8, d.applicantIdentifier)
        .bind(9, d.applicantName)
        .bind(10, d.applicantDateOfBirth.isValid() ? d.applicantDateOfBirth.toString(kDateFormat)
                                                   : QString())
        .bind(11, d.applicantSex)
        .bind(12, d.applicantAddress)
        .bind(13, d.channel)
        .bind(14, d.state)
        .bind(15, d.nationalStatus)
        .bind(16, dateTimeText(d.receivedAt))
        .bind(17, dateTimeText(d.dueAt))
        .bind(18, dateTimeText(d.returnedAt))
        .bind(19, d.testData ? 1 : 0)
        .bind(20, d.version)
        .bind(21, now)
        .bind(22, now)
        .bind(23, d.applicantNameFolded)
        .run();
    return db_->lastInsertRowId();
}

std::int64_t Store::insertComponent(const ComponentRecord& c)
{
    Statement insert(*db_, "INSERT INTO components(dossier_id, code, name, is_result, digitized, "
                           "reused) VALUES (?,?,?,?,?,?)");
    insert.bind(1, c.dossierId)
        .bind(2, c.code)
        .bind(3, c.name)
        .bind(4, c.isResult ? 1 : 0)
        .bind(5, c.digitized ? 1 : 0)
        .bind(6, c.reused ? 1 : 0)
        .run();
    return db_->lastInsertRowId();
}

void Store::markComponentReused(std::int64_t componentId)
{
    Statement update(*db_, "UPDATE components SET reused = 1 WHERE id = ?");
    update.bind(1, componentId).run();
}

void Store::setDossierState(const QString& dossierUuid, const QString& state, int nationalStatus)
{
    Statement update(*db_, "UPDATE dossiers SET state = ?, national_status = ?, updated_at = ? "
                           "WHERE uuid = ?");
    update.bind(1, state)
        .bind(2, nationalStatus)
        .bind(3, dateTimeText(QDateTime::currentDateTimeUtc()))
        .bind(4, dossierUuid)
        .run();
}

std::unique_ptr<BlobWriter> Store::newBlob(const QString& mime)
{
    return std::make_unique<BlobWriter>(*db_, mime);
}

std::int64_t Store::insertPage(const PageRecord& p)
{
    Statement insert(*db_, "INSERT INTO pages(component_id, seq, width, height, dpi, color_depth, "
                           "source, transforms, ocr_text, image_blob_id, blank, blank_score) "
                           "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    insert.bind(1, p.componentId)
        .bind(2, p.sequence)
        .bind(3, p.width)
        .bind(4, p.height)
        .bind(5, p.dpi)
        .bind(6, p.colorDepth)
        .bind(7, p.source)
        .bind(8, p.transformsJson)
        .bind(9, p.ocrText)
        .bind(10, p.imageBlobId)
        .bind(11, p.blank ? 1 : 0)
        .bind(12, p.blankScore)
        .run();
    const std::int64_t pageId = db_->lastInsertRowId();
    if (!p.searchText.isEmpty()) {
        Statement index(*db_, "INSERT INTO page_search(rowid, text) VALUES (?, ?)");
        index.bind(1, pageId).bind(2, p.searchText).run();
    }
    return pageId;
}

std::vector<DocumentRecord> Store::documentsOfComponent(std::int64_t componentId)
{
    Statement documents(*db_, "SELECT id, file_name, kind, blob_id, created_at, "
                              "signature_verdict, signature_message, verified_at FROM "
                              "documents WHERE component_id = ? ORDER BY id");
    documents.bind(1, componentId);
    std::vector<DocumentRecord> found;
    while (documents.step())
        found.push_back(DocumentRecord{documents.int64(0), componentId, documents.text(1),
                                       documents.text(2), documents.int64(3),
                                       dateTimeFrom(documents.text(4)), documents.text(5),
                                       documents.text(6), dateTimeFrom(documents.text(7))});
    return found;
}

std::int64_t Store::insertDocument(const DocumentRecord& doc)
{
    Statement insert(*db_, "INSERT INTO documents(component_id, file_name, kind, blob_id, "
                           "created_at, signature_verdict, signature_message, verified_at) "
                           "VALUES (?,?,?,?,?,?,?,?)");
    insert.bind(1, doc.componentId)
        .bind(2, doc.fileName)
        .bind(3, doc.kind)
        .bind(4, doc.blobId)
        .bind(5, dateTimeText(doc.createdAt.isValid() ? doc.createdAt
                                                      : QDateTime::currentDateTimeUtc()))
        .bind(6, doc.signatureVerdict)
        .bind(7, doc.signatureMessage)
        .bind(8, dateTimeText(doc.verifiedAt))
        .run();
    return db_->lastInsertRowId();
}

void Store::appendEvent(const EventRecord& event)
{
    storage::appendEvent(*db_, event);
}

void Store::setSetting(const QString& key, const QString& value)
{
    Statement upsert(*db_, "INSERT INTO settings(key, value) VALUES (?, ?) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    upsert.bind(1, key).bind(2, value).run();
}

std::optional<QString> Store::setting(const QString& key)
{
    Statement select(*db_, "SELECT value FROM settings WHERE key = ?");
    select.bind(1, key);
    if (!select.step())
        return std::nullopt;
    return select.text(0);
}

std::vector<DossierSummary> Store::listDossiers()
{
    Statement select(*db_,
                     "SELECT d.code, d.applicant_name, d.applicant_identifier, d.procedure_code, "
                     "d.procedure_name, d.state, d.national_status, d.received_at, d.test_data, "
                     "(SELECT count(*) FROM pages p JOIN components c ON p.component_id = c.id "
                     " WHERE c.dossier_id = d.id), d.code_provisional, d.provisional_code "
                     "FROM dossiers d ORDER BY d.received_at DESC, d.id DESC");
    std::vector<DossierSummary> out;
    while (select.step()) {
        DossierSummary s;
        s.code = select.text(0);
        s.applicantName = select.text(1);
        s.applicantIdentifier = select.text(2);
        s.procedureCode = select.text(3);
        s.procedureName = select.text(4);
        s.state = select.text(5);
        s.nationalStatus = select.integer(6);
        s.receivedAt = dateTimeFrom(select.text(7));
        s.testData = select.integer(8) != 0;
        s.pageCount = select.integer(9);
        s.codeProvisional = select.integer(10) != 0;
        s.formerProvisionalCode = select.text(11);
        out.push_back(std::move(s));
    }
    return out;
}

bool Store::dossierCodeExists(const QString& code)
{
    Statement select(*db_, "SELECT 1 FROM dossiers WHERE code = ?");
    select.bind(1, code);
    return select.step();
}

std::optional<DossierRecord> Store::dossierByUuid(const QString& uuid)
{
    return dossierWhere(*db_, "uuid", uuid);
}

std::vector<DossierRecord> Store::dossiersInConflict()
{
    const std::string sql = std::string("SELECT ") + kDossierColumns +
                            " FROM dossiers WHERE sync_conflict <> '' ORDER BY code";
    Statement select(*db_, sql.c_str());
    std::vector<DossierRecord> dossiers;
    while (select.step())
        dossiers.push_back(dossierFrom(select));
    return dossiers;
}

std::optional<DossierDetail> Store::dossierByCode(const QString& code)
{
    const std::optional<DossierRecord> dossier = dossierWhere(*db_, "code", code);
    if (!dossier)
        return std::nullopt;
    DossierDetail detail;
    detail.dossier = *dossier;

    Statement components(*db_, "SELECT id, code, name, is_result, digitized, reused FROM "
                               "components WHERE dossier_id = ? ORDER BY id");
    components.bind(1, detail.dossier.id);
    while (components.step()) {
        ComponentDetail c;
        c.component = ComponentRecord{components.int64(0),        detail.dossier.id,
                                      components.text(1),         components.text(2),
                                      components.integer(3) != 0, components.integer(4) != 0,
                                      components.integer(5) != 0};
        Statement pages(*db_, "SELECT id, seq, width, height, dpi, color_depth, source, "
                              "transforms, ocr_text, image_blob_id, blank, blank_score "
                              "FROM pages WHERE component_id = ? ORDER BY seq");
        pages.bind(1, c.component.id);
        while (pages.step()) {
            c.pages.push_back(PageRecord{
                pages.int64(0), c.component.id, pages.integer(1), pages.integer(2),
                pages.integer(3), pages.integer(4), pages.integer(5), pages.text(6), pages.text(7),
                pages.text(8), QString(), pages.int64(9), pages.integer(10) != 0, pages.real(11)});
        }
        c.documents = documentsOfComponent(c.component.id);
        detail.components.push_back(std::move(c));
    }
    return detail;
}

std::vector<QString> Store::dossiersOfApplicant(const QString& identifier, int limit)
{
    Statement select(*db_, "SELECT code FROM dossiers WHERE applicant_identifier = ? "
                           "ORDER BY received_at DESC LIMIT ?");
    select.bind(1, identifier).bind(2, limit);
    std::vector<QString> codes;
    while (select.step())
        codes.push_back(select.text(0));
    return codes;
}

std::vector<QString> Store::dossiersByNamePrefix(const QString& foldedPrefix, int limit)
{
    // A range on the index rather than LIKE, which SQLite would not serve from it here.
    Statement select(*db_, "SELECT code FROM dossiers WHERE applicant_name_folded >= ?1 AND "
                           "applicant_name_folded < ?1 || char(1114111) "
                           "ORDER BY applicant_name_folded LIMIT ?2");
    select.bind(1, foldedPrefix).bind(2, limit);
    std::vector<QString> codes;
    while (select.step())
        codes.push_back(select.text(0));
    return codes;
}

std::vector<SearchHit> Store::searchPages(const QStringList& foldedTerms, int limit)
{
    // Each term becomes an FTS5 string ("..." with quotes doubled), so no user input is ever
    // read as query syntax; juxtaposed strings must all match.
    QStringList quoted;
    for (const QString& term : foldedTerms)
        if (!term.isEmpty())
            quoted << QLatin1Char('"') +
                          QString(term).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                          QLatin1Char('"');
    std::vector<SearchHit> hits;
    if (quoted.isEmpty())
        return hits;
    Statement select(*db_, "SELECT d.code, c.code, p.seq FROM page_search s "
                           "JOIN pages p ON p.id = s.rowid "
                           "JOIN components c ON c.id = p.component_id "
                           "JOIN dossiers d ON d.id = c.dossier_id "
                           "WHERE page_search MATCH ? ORDER BY rank LIMIT ?");
    select.bind(1, quoted.join(QLatin1Char(' '))).bind(2, limit);
    while (select.step())
        hits.push_back(SearchHit{select.text(0), select.text(1), select.integer(2)});
    return hits;
}

QByteArray Store::readBlob(std::int64_t blobId)
{
    return storage::readBlob(*db_, blobId);
}

std::vector<QString> Store::purgeFiles(const QStringList& states, const QDateTime& cutoff,
                                       const QString& officerId)
{
    // The dossier's page and document blobs: chunks go, size and hash stay.
    static constexpr auto kBlobsOfDossier =
        "SELECT image_blob_id FROM pages p JOIN components c ON p.component_id = c.id "
        "WHERE c.dossier_id = ?1 UNION SELECT blob_id FROM documents d JOIN components c "
        "ON d.component_id = c.id WHERE c.dossier_id = ?1";
    const std::string deleteChunks =
        std::string("DELETE FROM blob_chunks WHERE blob_id IN (") + kBlobsOfDossier + ")";
    const std::string markBlobs =
        std::string("UPDATE blobs SET purged_at = ?2 WHERE id IN (") + kBlobsOfDossier + ")";

    std::vector<QString> purged;
    inTransaction([&] {
        const QString now = dateTimeText(QDateTime::currentDateTimeUtc());
        for (const QString& state : states) {
            Statement select(*db_, "SELECT id, uuid, code FROM dossiers WHERE state = ? AND "
                                   "purged_at IS NULL AND updated_at < ?");
            select.bind(1, state).bind(2, dateTimeText(cutoff.toUTC()));
            std::vector<std::tuple<std::int64_t, QString, QString>> found;
            while (select.step())
                found.emplace_back(select.int64(0), select.text(1), select.text(2));
            for (const auto& [id, uuid, code] : found) {
                Statement(*db_, deleteChunks.c_str()).bind(1, id).run();
                Statement(*db_, markBlobs.c_str()).bind(1, id).bind(2, now).run();
                Statement(*db_,
                          "DELETE FROM page_search WHERE rowid IN (SELECT p.id FROM pages p "
                          "JOIN components c ON p.component_id = c.id WHERE c.dossier_id = ?)")
                    .bind(1, id)
                    .run();
                Statement(*db_, "UPDATE pages SET ocr_text = NULL WHERE component_id IN "
                                "(SELECT id FROM components WHERE dossier_id = ?)")
                    .bind(1, id)
                    .run();
                Statement(*db_, "UPDATE dossiers SET purged_at = ? WHERE id = ?")
                    .bind(1, now)
                    .bind(2, id)
                    .run();
                storage::appendEvent(*db_, EventRecord{0,
                                                       uuid,
                                                       QDateTime::currentDateTimeUtc(),
                                                       officerId,
                                                       QStringLiteral("purged"),
                                                       {}});
                purged.push_back(code);
            }
        }
    });
    return purged;
}

void Store::wipe(const QString& path)
{
    for (const QString& file : {KeyFile::pathFor(path), KeyFile::pendingPathFor(path), path,
                                path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
        QFile target(file);
        if (!target.exists())
            continue;
        if (target.open(QIODevice::ReadWrite)) {
            // Overwrite in place and flush to the device before unlinking.
            const qint64 size = target.size();
            QByteArray noise(64 * 1024, Qt::Uninitialized);
            for (qint64 done = 0; done < size; done += noise.size()) {
                randombytes_buf(noise.data(), static_cast<std::size_t>(noise.size()));
                target.write(noise.constData(), std::min<qint64>(noise.size(), size - done));
            }
            target.flush();
            ::fsync(target.handle());
            target.close();
        }
        if (!QFile::remove(file))
            throw StoreError(StoreErrorCode::Io, "cannot remove a store file while wiping");
    }
}

std::vector<EventRecord> Store::events(const QString& dossierUuid)
{
    Statement select(*db_, "SELECT id, dossier_uuid, at, officer_id, action, detail FROM events "
                           "WHERE dossier_uuid = ? ORDER BY id");
    select.bind(1, dossierUuid);
    std::vector<EventRecord> out;
    while (select.step()) {
        out.push_back(EventRecord{select.int64(0), select.text(1),
                                  QDateTime::fromString(select.text(2), Qt::ISODateWithMs),
                                  select.text(3), select.text(4), select.text(5)});
    }
    return out;
}

CheckReport Store::check()
{
    CheckReport report;
    // Each check runs on its own; one that cannot even run counts as failed, with the reason.
    const auto run = [&](const char* pragma, bool& ok, const auto& onRow) {
        try {
            Statement statement(*db_, pragma);
            while (statement.step())
                onRow(statement);
        } catch (const StoreError& error) {
            ok = false;
            report.problems.push_back(QString::fromLatin1(pragma) + QStringLiteral(": ") +
                                      QString::fromUtf8(error.what()));
        }
    };
    run("PRAGMA integrity_check", report.integrityOk, [&](Statement& row) {
        const QString line = row.text(0);
        if (line == QLatin1String("ok")) {
            report.integrityOk = true;
            return;
        }
        report.integrityOk = false;
        report.problems.push_back(QStringLiteral("integrity_check: ") + line);
    });
    // cipher_integrity_check verifies every page's HMAC and returns one row per bad page.
    report.cipherIntegrityOk = true;
    run("PRAGMA cipher_integrity_check", report.cipherIntegrityOk, [&](Statement& row) {
        report.cipherIntegrityOk = false;
        report.problems.push_back(QStringLiteral("cipher_integrity_check: ") + row.text(0));
    });
    try {
        const auto broken = firstBrokenEvent(*db_);
        report.auditChainOk = !broken.has_value();
        if (broken)
            report.problems.push_back(
                QStringLiteral("audit chain broken at event %1").arg(*broken));
    } catch (const StoreError& error) {
        report.auditChainOk = false;
        report.problems.push_back(QStringLiteral("audit chain unreadable: ") +
                                  QString::fromUtf8(error.what()));
    }
    return report;
}

} // namespace sohoa::storage
