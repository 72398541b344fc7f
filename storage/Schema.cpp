// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/Schema.h"

#include "storage/Sqlite.h"
#include "storage/StoreError.h"

#include <array>
#include <string>

namespace sohoa::storage {

namespace {

// Version N is reached by running kMigrations[N-1]. Never edit a released step: add a new one.
constexpr std::array<const char*, 11> kMigrations = {
    // 1: dossiers with components, pages and result documents; chunked blobs; the hash-chained
    //    audit trail; per-agency daily sequences for dossier codes; settings.
    R"sql(
CREATE TABLE settings(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL);

CREATE TABLE dossier_sequences(
  agency_code TEXT NOT NULL,
  day TEXT NOT NULL,
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (agency_code, day));

CREATE TABLE dossiers(
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  code_provisional INTEGER NOT NULL DEFAULT 0,
  agency_code TEXT NOT NULL,
  procedure_code TEXT NOT NULL,
  procedure_name TEXT NOT NULL,
  applicant_kind INTEGER NOT NULL,
  applicant_identifier TEXT NOT NULL,
  applicant_name TEXT NOT NULL DEFAULT '',
  applicant_dob TEXT,
  applicant_sex INTEGER NOT NULL DEFAULT 0,
  applicant_address TEXT NOT NULL DEFAULT '',
  channel INTEGER NOT NULL,
  state TEXT NOT NULL,
  national_status INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  due_at TEXT,
  returned_at TEXT,
  test_data INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL);
CREATE INDEX dossiers_by_applicant ON dossiers(applicant_identifier);

CREATE TABLE components(
  id INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  is_result INTEGER NOT NULL DEFAULT 0,
  digitized INTEGER NOT NULL DEFAULT 0,
  reused INTEGER NOT NULL DEFAULT 0,
  UNIQUE (dossier_id, code));

CREATE TABLE blobs(
  id INTEGER PRIMARY KEY,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL DEFAULT 0,
  sha256 BLOB,
  complete INTEGER NOT NULL DEFAULT 0);

CREATE TABLE blob_chunks(
  blob_id INTEGER NOT NULL REFERENCES blobs(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (blob_id, seq)) WITHOUT ROWID;

CREATE TABLE pages(
  id INTEGER PRIMARY KEY,
  component_id INTEGER NOT NULL REFERENCES components(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  dpi INTEGER NOT NULL,
  color_depth INTEGER NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  transforms TEXT NOT NULL DEFAULT '[]',
  ocr_text TEXT,
  image_blob_id INTEGER NOT NULL REFERENCES blobs(id),
  UNIQUE (component_id, seq));

CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  component_id INTEGER NOT NULL REFERENCES components(id) ON DELETE CASCADE,
  file_name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  blob_id INTEGER NOT NULL REFERENCES blobs(id),
  created_at TEXT NOT NULL);

-- The audit trail outlives the dossiers it speaks of, so it names them by uuid, not by key.
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  dossier_uuid TEXT,
  at TEXT NOT NULL,
  officer_id TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  prev_hash BLOB NOT NULL,
  hash BLOB NOT NULL);
CREATE INDEX events_by_dossier ON events(dossier_uuid);
)sql",
    // 2: full-text search over OCR text (the app stores it folded: lower case, no diacritics,
    //    đ -> d), identity fields extracted from pages, signatures on documents, the sync
    //    outbox, and the procedure catalogue as the provincial hub sends it.
    R"sql(
CREATE VIRTUAL TABLE page_search USING fts5(
  text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');

CREATE TABLE extracted_fields(
  id INTEGER PRIMARY KEY,
  page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  source TEXT NOT NULL,
  confidence REAL NOT NULL DEFAULT 0,
  box TEXT NOT NULL DEFAULT '');
CREATE INDEX extracted_fields_by_value ON extracted_fields(field, value);

CREATE TABLE signatures(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  signer TEXT NOT NULL,
  certificate BLOB NOT NULL,
  signed_at TEXT NOT NULL,
  level TEXT NOT NULL,
  timestamp_status TEXT NOT NULL DEFAULT 'none');

CREATE TABLE outbox(
  id INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  dossier_uuid TEXT NOT NULL,
  base_version INTEGER NOT NULL,
  operation TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error TEXT NOT NULL DEFAULT '');

CREATE TABLE catalogue_procedures(
  code TEXT PRIMARY KEY,
  catalogue_version TEXT NOT NULL,
  definition TEXT NOT NULL);
)sql",
    // 3: look-up of a citizen's dossiers by name typed with or without diacritics (the app
    //    stores the name folded like search text).
    R"sql(
ALTER TABLE dossiers ADD COLUMN applicant_name_folded TEXT NOT NULL DEFAULT '';
CREATE INDEX dossiers_by_folded_name ON dossiers(applicant_name_folded);
)sql",
    // 4: retention. Once the province holds a dossier's files, the local copies are purged on
    //    a schedule; the blob row keeps size and SHA-256 as proof of what was there.
    R"sql(
ALTER TABLE blobs ADD COLUMN purged_at TEXT;
ALTER TABLE dossiers ADD COLUMN purged_at TEXT;
)sql",
    // 5: blank-page detection flags pages instead of dropping them; the score (share of the page
    //    covered by ink) lets the officer see how sure the flag is.
    R"sql(
ALTER TABLE pages ADD COLUMN blank INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pages ADD COLUMN blank_score REAL NOT NULL DEFAULT 0;
)sql",
    // 6: signing. A signature knows its field in the PDF (a time-stamp obtained later is
    //    written into that field's CMS) and whether it was made with the demo identity; the
    //    officer's trust anchors (Vietnamese root CAs are in no common trust store); the software
    //    demo identity (test signatures without legal value, key kept only in this store).
    R"sql(
ALTER TABLE signatures ADD COLUMN field_name TEXT NOT NULL DEFAULT '';
ALTER TABLE signatures ADD COLUMN test_signature INTEGER NOT NULL DEFAULT 0;
CREATE INDEX signatures_by_timestamp_status ON signatures(timestamp_status);
CREATE TABLE trust_anchors(
  id INTEGER PRIMARY KEY,
  sha256 BLOB NOT NULL UNIQUE,
  subject TEXT NOT NULL,
  not_after TEXT NOT NULL,
  certificate BLOB NOT NULL,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL);
CREATE TABLE signing_identities(
  kind TEXT PRIMARY KEY,
  certificate_chain BLOB NOT NULL,
  private_key BLOB NOT NULL,
  created_at TEXT NOT NULL);
)sql",
    // 7: a signed PDF the officer imports is verified as it is kept; its verdict, with the
    //    one-line reason, is shown with the document.
    R"sql(
ALTER TABLE documents ADD COLUMN signature_verdict TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN signature_message TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN verified_at TEXT NOT NULL DEFAULT '';
)sql",
    // 8: sync. An outbox row the hub refused for good (or a conflict the officer must settle)
    //    is parked, not retried; the dossier says what the conflict is.
    R"sql(
ALTER TABLE outbox ADD COLUMN parked_at TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN sync_conflict TEXT NOT NULL DEFAULT '';
CREATE INDEX outbox_by_dossier ON outbox(dossier_uuid, id);
CREATE INDEX blobs_by_sha256 ON blobs(sha256);
)sql",
    // 9: dossier codes (docs/SYNC-PROTOCOL.md §8). Blocks of the daily sequence the hub reserved
    //    to this workstation, each with the next number not yet used, so codes made offline
    //    are the province's; a dossier created under a provisional code keeps that code once
    //    the hub has assigned the definitive one, so the officer knows to reprint its receipt.
    R"sql(
CREATE TABLE code_blocks(
  agency_code TEXT NOT NULL,
  day TEXT NOT NULL,
  first INTEGER NOT NULL,
  last INTEGER NOT NULL,
  next INTEGER NOT NULL,
  sequence_width INTEGER NOT NULL DEFAULT 4,
  PRIMARY KEY (agency_code, day, first));
ALTER TABLE dossiers ADD COLUMN provisional_code TEXT NOT NULL DEFAULT '';
)sql",
    // 10: the province's catalogue as the hub sends it (docs/SYNC-PROTOCOL.md §7.1): the
    //    procedures go to catalogue_procedures (step 2, `catalogue_version` the label of the
    //    revision that brought each), the agencies here; the revision and its label are
    //    settings (sync.catalogue_revision, sync.catalogue_version).
    R"sql(
CREATE TABLE catalogue_agencies(
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  parent_code TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1);
)sql",
    // 11: sync conflicts (docs/SYNC-PROTOCOL.md §5.6). The hub's state, national status and
    //     version as the conflict reported them, so that the officer can settle it offline.
    R"sql(
ALTER TABLE dossiers ADD COLUMN hub_state TEXT NOT NULL DEFAULT '';
ALTER TABLE dossiers ADD COLUMN hub_national_status INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossiers ADD COLUMN hub_version INTEGER NOT NULL DEFAULT 0;
)sql",
};

} // namespace

int latestSchemaVersion()
{
    return static_cast<int>(kMigrations.size());
}

int schemaVersion(Database& db)
{
    Statement statement(db, "PRAGMA user_version");
    statement.step();
    return statement.integer(0);
}

void migrate(Database& db, int target)
{
    if (target < 0)
        target = latestSchemaVersion();
    const int current = schemaVersion(db);
    if (current > latestSchemaVersion())
        throw StoreError(StoreErrorCode::Internal, "store was written by a newer SoHoa (schema " +
                                                       std::to_string(current) + ")");
    for (int version = current + 1; version <= target; ++version) {
        Transaction transaction(db);
        db.exec(kMigrations[static_cast<std::size_t>(version - 1)]);
        db.exec(("PRAGMA user_version = " + std::to_string(version)).c_str());
        transaction.commit();
    }
}

} // namespace sohoa::storage
