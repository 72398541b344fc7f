// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/HubSchema.h"

#include <array>
#include <string>

namespace sohoa::hub {

namespace {

// Any 64-bit number unique to this purpose: "SoHoaHub" in ASCII.
constexpr auto kMigrationLock = "6076212166289011298";

constexpr std::array<const char*, 8> kMigrations = {
    // 1: workstations and their bearer tokens, kept only as SHA-256 so a database dump does not
    //    hand out working tokens.
    R"sql(
CREATE TABLE workstations(
  id BIGSERIAL PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  token_sha256 BYTEA NOT NULL UNIQUE,
  agency_code TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  revoked_at TIMESTAMPTZ,
  last_seen_at TIMESTAMPTZ);
)sql",
    // 2: dossiers as the workstations deliver them (`payload`: the dossier record of
    //    docs/SYNC-PROTOCOL.md §6, mapped 1:1 to DongBoHoSoMC), each with the version its last
    //    operation produced, and every operation by its workstation's Idempotency-Key with the
    //    answer given, so that a replay gets that answer.
    R"sql(
CREATE TABLE dossiers(
  uuid UUID PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  agency_code TEXT NOT NULL,
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  national_status INTEGER NOT NULL,
  test_data BOOLEAN NOT NULL DEFAULT false,
  payload JSONB NOT NULL,
  workstation_id BIGINT NOT NULL REFERENCES workstations(id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE operations(
  workstation_id BIGINT NOT NULL REFERENCES workstations(id),
  idempotency_key UUID NOT NULL,
  dossier_uuid UUID NOT NULL,
  operation TEXT NOT NULL,
  base_version INTEGER NOT NULL,
  request_sha256 BYTEA NOT NULL,
  response_status INTEGER NOT NULL,
  response_body JSONB NOT NULL,
  applied BOOLEAN NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (workstation_id, idempotency_key));
CREATE INDEX operations_by_dossier ON operations(dossier_uuid);
)sql",
    // 3: files the hub holds (their bytes are in the FileStore under the hash) and tus uploads
    //    in progress (docs/SYNC-PROTOCOL.md §9). An upload's offset counts the bytes received,
    //    checked and made durable in the store; a completed upload keeps its row with the offset
    //    at the length, so a client that lost the last answer learns it from HEAD.
    R"sql(
CREATE TABLE files(
  sha256 BYTEA PRIMARY KEY CHECK (length(sha256) = 32),
  length BIGINT NOT NULL CHECK (length >= 0),
  stored_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  test_data BOOLEAN NOT NULL DEFAULT false);
CREATE TABLE uploads(
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  workstation_id BIGINT NOT NULL REFERENCES workstations(id),
  sha256 BYTEA NOT NULL CHECK (length(sha256) = 32),
  length BIGINT NOT NULL CHECK (length > 0),
  upload_offset BIGINT NOT NULL DEFAULT 0 CHECK (upload_offset BETWEEN 0 AND length),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL DEFAULT '',
  test_data BOOLEAN NOT NULL DEFAULT false,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE INDEX uploads_incomplete ON uploads(updated_at) WHERE upload_offset < length;
)sql",
    // 4: look-ups (docs/SYNC-PROTOCOL.md §11): the civil-status records the hub serves until the
    //    Ministry of Justice's database replaces them (a record names its registered people in
    //    civil_status_subjects: the child, both spouses, the deceased), one audit row per call
    //    that keeps the looked-up ID only as an HMAC under the hub's secret, the files each
    //    document look-up returned (a workstation may download those for 24 hours) and every
    //    download. Document look-ups find dossiers by their applicant's identifier.
    R"sql(
CREATE TABLE civil_status_records(
  id BIGSERIAL PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('birth', 'marriage', 'death')),
  registered_on DATE NOT NULL,
  record JSONB NOT NULL);
CREATE TABLE civil_status_subjects(
  id_number TEXT NOT NULL,
  record_id BIGINT NOT NULL REFERENCES civil_status_records(id) ON DELETE CASCADE,
  PRIMARY KEY (id_number, record_id));
CREATE TABLE hub_secrets(
  name TEXT PRIMARY KEY,
  secret BYTEA NOT NULL CHECK (length(secret) >= 32));
CREATE TABLE lookups(
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  workstation_id BIGINT NOT NULL REFERENCES workstations(id),
  officer_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('documents', 'civil-status')),
  purpose_code TEXT NOT NULL,
  purpose_dossier UUID,
  purpose_text TEXT,
  subject_hmac BYTEA NOT NULL,
  source TEXT NOT NULL,
  result_count INTEGER NOT NULL,
  looked_up_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE INDEX lookups_by_workstation ON lookups(workstation_id, looked_up_at);
CREATE INDEX lookups_by_subject ON lookups(subject_hmac);
CREATE TABLE lookup_files(
  lookup_id UUID NOT NULL REFERENCES lookups(id),
  sha256 BYTEA NOT NULL,
  PRIMARY KEY (lookup_id, sha256));
CREATE INDEX lookup_files_by_hash ON lookup_files(sha256);
CREATE TABLE file_downloads(
  workstation_id BIGINT NOT NULL REFERENCES workstations(id),
  sha256 BYTEA NOT NULL,
  downloaded_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE INDEX dossiers_by_applicant ON dossiers((payload->'applicant'->>'identifier'));
)sql",
    // 5: dossier codes (docs/SYNC-PROTOCOL.md §8). The master counter of each agency's day, from
    //    which both the blocks workstations reserve and the codes the hub assigns to provisional
    //    ones are taken, so no number is handed out twice; each block with its owner, against
    //    which a definitive code is checked; the provisional code a dossier was created under,
    //    which its later operations may still name. A code-block reservation is stored under
    //    its Idempotency-Key like an operation, without dossier or base version.
    R"sql(
CREATE TABLE code_counters(
  agency_code TEXT NOT NULL,
  day DATE NOT NULL,
  last_sequence INTEGER NOT NULL DEFAULT 0 CHECK (last_sequence >= 0),
  PRIMARY KEY (agency_code, day));
CREATE TABLE code_blocks(
  id BIGSERIAL PRIMARY KEY,
  workstation_id BIGINT NOT NULL REFERENCES workstations(id),
  agency_code TEXT NOT NULL,
  day DATE NOT NULL,
  first_sequence INTEGER NOT NULL CHECK (first_sequence >= 1),
  last_sequence INTEGER NOT NULL CHECK (last_sequence >= first_sequence),
  reserved_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE INDEX code_blocks_by_day ON code_blocks(workstation_id, agency_code, day);
ALTER TABLE dossiers ADD COLUMN provisional_code TEXT;
ALTER TABLE operations ALTER COLUMN dossier_uuid DROP NOT NULL,
  ALTER COLUMN base_version DROP NOT NULL;
)sql",
    // 6: one-time enrolment codes (docs/SYNC-PROTOCOL.md §4.2), kept like tokens only as
    //    SHA-256, with the Idempotency-Key that consumed a code and the token that answer
    //    issued: a repeat with that key (the answer was lost) revokes that token for a new one.
    //    Tokens move to a table of their own, so that a workstation can hold several (rotation,
    //    §3) and one of them can be revoked alone.
    R"sql(
CREATE TABLE workstation_tokens(
  id BIGSERIAL PRIMARY KEY,
  workstation_id BIGINT NOT NULL REFERENCES workstations(id),
  token_sha256 BYTEA NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  revoked_at TIMESTAMPTZ);
INSERT INTO workstation_tokens(workstation_id, token_sha256, created_at, revoked_at)
  SELECT id, token_sha256, created_at, revoked_at FROM workstations;
ALTER TABLE workstations DROP COLUMN token_sha256;
CREATE TABLE enrolment_codes(
  id BIGSERIAL PRIMARY KEY,
  code_sha256 BYTEA NOT NULL UNIQUE CHECK (length(code_sha256) = 32),
  workstation_name TEXT NOT NULL CHECK (workstation_name <> ''),
  agency_codes TEXT[] NOT NULL DEFAULT '{}',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL,
  consumed_at TIMESTAMPTZ,
  idempotency_key UUID,
  token_id BIGINT REFERENCES workstation_tokens(id),
  CHECK ((consumed_at IS NULL) = (idempotency_key IS NULL)),
  CHECK ((consumed_at IS NULL) = (token_id IS NULL)));
)sql",
    // 7: down-sync (docs/SYNC-PROTOCOL.md §7). Decisions taken on the hub about a
    //    workstation's dossiers (§7.3): each moved the hub's copy on to `version`; the owning
    //    workstation reads them in id order through its returned-dossiers feed, the id being
    //    the feed's cursor. The province's settings (§7.2): every change is a new whole
    //    document, its id the revision workstations compare.
    R"sql(
CREATE TABLE hub_decisions(
  id BIGSERIAL PRIMARY KEY,
  dossier_uuid UUID NOT NULL REFERENCES dossiers(uuid),
  workstation_id BIGINT NOT NULL REFERENCES workstations(id),
  version INTEGER NOT NULL,
  decision TEXT NOT NULL,
  state TEXT NOT NULL,
  national_status INTEGER NOT NULL,
  officer_name TEXT NOT NULL CHECK (officer_name <> ''),
  officer_title TEXT NOT NULL DEFAULT '',
  department TEXT NOT NULL DEFAULT '',
  remarks TEXT NOT NULL DEFAULT '',
  decided_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE INDEX hub_decisions_feed ON hub_decisions(workstation_id, id);
CREATE TABLE hub_settings(
  revision BIGSERIAL PRIMARY KEY,
  document JSONB NOT NULL CHECK (jsonb_typeof(document) = 'object'),
  set_at TIMESTAMPTZ NOT NULL DEFAULT now());
)sql",
    // 8: the province's catalogue (docs/SYNC-PROTOCOL.md §7.1). Each import that changes
    //    something is a revision; a procedure or agency row carries the revision that last
    //    changed it and is only marked removed, never deleted, so "what changed since REV" is
    //    one indexed query per table.
    R"sql(
CREATE TABLE catalogue_revisions(
  revision BIGSERIAL PRIMARY KEY,
  version TEXT NOT NULL CHECK (version <> ''),
  imported_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  imported_by TEXT NOT NULL CHECK (imported_by <> ''));
CREATE TABLE catalogue_procedures(
  code TEXT PRIMARY KEY,
  definition JSONB NOT NULL CHECK (jsonb_typeof(definition) = 'object'),
  revision BIGINT NOT NULL REFERENCES catalogue_revisions(revision),
  removed BOOLEAN NOT NULL DEFAULT false);
CREATE INDEX catalogue_procedures_by_revision ON catalogue_procedures(revision);
CREATE TABLE catalogue_agencies(
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  parent_code TEXT,
  active BOOLEAN NOT NULL,
  revision BIGINT NOT NULL REFERENCES catalogue_revisions(revision),
  removed BOOLEAN NOT NULL DEFAULT false);
CREATE INDEX catalogue_agencies_by_revision ON catalogue_agencies(revision);
)sql",
};

int currentVersion(PgConnection& connection)
{
    const PgResult result =
        connection.exec("SELECT coalesce(max(version), 0) FROM schema_migrations");
    return static_cast<int>(result.integer(0, 0));
}

} // namespace

int HubSchema::latestVersion()
{
    return static_cast<int>(kMigrations.size());
}

int HubSchema::migrate(PgConnection& connection)
{
    connection.exec(std::string("SELECT pg_advisory_lock(") + kMigrationLock + ")");
    struct Unlock
    {
        PgConnection& connection;
        ~Unlock()
        {
            try {
                connection.exec(std::string("SELECT pg_advisory_unlock(") + kMigrationLock + ")");
            } catch (const PgError&) {
                // The lock ends with the session anyway.
            }
        }
    } unlock{connection};

    connection.execScript("CREATE TABLE IF NOT EXISTS schema_migrations("
                          "version INTEGER PRIMARY KEY, "
                          "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
    int version = currentVersion(connection);
    if (version > latestVersion())
        throw std::runtime_error("the hub database was migrated by a newer sohoa-hub (schema " +
                                 std::to_string(version) + ")");
    for (; version < latestVersion(); ++version) {
        connection.execScript("BEGIN");
        try {
            connection.execScript(kMigrations[static_cast<std::size_t>(version)]);
            connection.exec("INSERT INTO schema_migrations(version) VALUES ($1)",
                            {std::to_string(version + 1)});
            connection.execScript("COMMIT");
        } catch (...) {
            connection.execScript("ROLLBACK");
            throw;
        }
    }
    return version;
}

} // namespace sohoa::hub
