//! The register's schema, created and upgraded by rusqlite_migration.
//!
//! The schema version is SQLite's `user_version`. Migrations are only ever appended to
//! `MIGRATIONS`, never edited once released: a register written by an older kense is
//! upgraded in place, one written by a newer kense is refused untouched.

use rusqlite_migration::{M, Migrations};

/// Version 1: the audit log, the IINs issued, the day closes.
///
/// Every table is STRICT (a wrong type is an error, not a silent conversion). The audit
/// log, the IINs issued and the day closes are append-only at the SQL level as well: a
/// trigger refuses UPDATE and DELETE, so even a bug in kense cannot rewrite history or free
/// a serial for reuse. Editing them takes a deliberate `DROP TRIGGER`.
const V1: &str = r#"
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    clerk        TEXT NOT NULL,
    action       TEXT NOT NULL,
    subject      TEXT NOT NULL,
    details_json TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL UNIQUE
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TABLE iin_issued (
    iin        TEXT PRIMARY KEY NOT NULL,
    birth_date TEXT NOT NULL,
    sex        TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    serial     INTEGER NOT NULL CHECK (serial BETWEEN 0 AND 9999),
    issued_at  TEXT NOT NULL,
    clerk      TEXT NOT NULL,
    audit_id   INTEGER NOT NULL UNIQUE REFERENCES audit_log (id),
    UNIQUE (birth_date, sex, serial)
) STRICT;

CREATE TRIGGER iin_issued_no_update BEFORE UPDATE ON iin_issued
BEGIN SELECT RAISE(ABORT, 'iin_issued is append-only'); END;
CREATE TRIGGER iin_issued_no_delete BEFORE DELETE ON iin_issued
BEGIN SELECT RAISE(ABORT, 'iin_issued is append-only'); END;

CREATE TABLE day_closes (
    date       TEXT PRIMARY KEY NOT NULL,
    closed_at  TEXT NOT NULL,
    clerk      TEXT NOT NULL,
    audit_hash TEXT NOT NULL,
    audit_id   INTEGER NOT NULL UNIQUE REFERENCES audit_log (id)
) STRICT;

CREATE TRIGGER day_closes_no_update BEFORE UPDATE ON day_closes
BEGIN SELECT RAISE(ABORT, 'day_closes is append-only'); END;
CREATE TRIGGER day_closes_no_delete BEFORE DELETE ON day_closes
BEGIN SELECT RAISE(ABORT, 'day_closes is append-only'); END;
"#;

/// The register of formularies: persons, formularies and their history, documents (M-57),
/// the journal of conclusions (M-16), destruction acts, drafts; see the file's comments.
const REGISTER: &str = include_str!("register.sql");

/// Version 4 (review of issue 4): search indexes so that a region or a district alone
/// walks an index in id order (the `(region_code, district_code, id)` index serves the
/// two together only), and the corrections of formularies with what they replaced.
const V4: &str = r#"
CREATE INDEX formularies_region ON formularies (region_code, id);
CREATE INDEX formularies_district ON formularies (district_code, id);

-- Corrections keep what they replaced: the earlier JSON of the formulary, and the SHA-256
-- of the earlier and the new JSON (also in the audit entry's details). Append-only.
CREATE TABLE corrections (
    formulary_id INTEGER NOT NULL REFERENCES formularies (id),
    seq          INTEGER NOT NULL,
    at           TEXT NOT NULL,
    clerk        TEXT NOT NULL,
    old_json     TEXT NOT NULL,
    old_sha256   TEXT NOT NULL,
    new_sha256   TEXT NOT NULL,
    audit_id     INTEGER NOT NULL UNIQUE REFERENCES audit_log (id),
    PRIMARY KEY (formulary_id, seq)
) STRICT;
CREATE TRIGGER corrections_no_update BEFORE UPDATE ON corrections
BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END;
CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections
BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END;
"#;

/// Version 5: the journal of conclusions compared by number (M-16), and a document number
/// that identifies one document (M-57).
///
/// Up to version 4 a conclusion's number was compared as text, so "5" and "05" were two
/// numbers and the default (the journal's line count + 1) could meet a number typed
/// before; a document number could be recorded twice. Registers written then may hold
/// such rows, and the journal and the documents are records that are never rewritten: so
/// no UNIQUE index (it would fail on them), but a computed column and an index, which
/// kense's checks read (inside the write's IMMEDIATE transaction, so two clerks cannot
/// both pass them).
///
/// - `conclusions.value`: the number as a number when it is all digits (at most 18 after
///   leading zeros, so that the highest + 1 stays an SQLite integer), else NULL (a
///   number typed as text before version 5: kept, but never the same as a number).
///   Triggers refuse a new row whose number is not a number from 1 written plainly ("5",
///   not "05"), or is in its year's journal as a number, old rows included: the journal
///   holds each number once even against a bug in kense.
/// - `documents.number_key`: the number trimmed and in upper case (document series are
///   Latin letters: "ab123" is AB123), a new document's key being new for its kind. No
///   trigger here: the demo's bulk fill suspends every index on `documents` while it
///   writes (`store/demo/bulk.rs`), and a trigger's lookup without its index would scan
///   the table for every row it writes.
const V5: &str = r#"
ALTER TABLE conclusions ADD COLUMN value INTEGER GENERATED ALWAYS AS (
    CASE WHEN number <> '' AND number NOT GLOB '*[^0-9]*' AND length(ltrim(number, '0')) <= 18
         THEN CAST(number AS INTEGER) END
) VIRTUAL;
CREATE INDEX conclusions_value ON conclusions (year, value);

CREATE TRIGGER conclusions_number_plain BEFORE INSERT ON conclusions
WHEN NEW.value IS NULL OR NEW.value < 1 OR NEW.number <> CAST(NEW.value AS TEXT)
BEGIN SELECT RAISE(ABORT, 'a conclusion number is a whole number from 1 (M-16)'); END;
CREATE TRIGGER conclusions_number_unique BEFORE INSERT ON conclusions
WHEN EXISTS (SELECT 1 FROM conclusions WHERE year = NEW.year AND value = NEW.value)
BEGIN SELECT RAISE(ABORT, 'the conclusion number is in the year''s journal (M-16)'); END;

ALTER TABLE documents ADD COLUMN number_key TEXT GENERATED ALWAYS AS (upper(trim(number)))
    VIRTUAL;
CREATE INDEX documents_number ON documents (kind, number_key);
"#;

/// Version 6 (issue 14): what order 451 and order 579 still asked to record.
///
/// - M-16: the identification protocol a conclusion refers to (its number and date), on the
///   journal's line; NULL on lines written before (the protocol was not recorded then).
/// - M-56/M-57: how a document was handed over (by the coupon or the receipt, the
///   receipt's number, whether the MRZ was read) and the documents withdrawn, one row per
///   issue. Append-only.
/// - D-7 (1): the activity a taxpayer is registered for under Tax Code art. 88 (producer,
///   importer or both) and the place; NULL for taxpayers added before (not recorded: the
///   application is checked against registration only, as before).
/// - D-6: a result kept a month and passed to the provider, and a result asked for later
///   with the day it is due back (1 working day) and the day it was sent back.
/// - D-12: complaints against an application, with their body and term. Append-only.
/// - M-12.a: what was shown for a child's IIN (the birth certificate, the parent's
///   document, whether ИС ЗАГС had the birth record), and the request to РАГС when it did
///   not: due in two working days, marked sent once.
const V6: &str = r#"
ALTER TABLE conclusions ADD COLUMN protocol_number TEXT;
ALTER TABLE conclusions ADD COLUMN protocol_date TEXT;

CREATE TABLE issues (
    formulary_id INTEGER PRIMARY KEY REFERENCES formularies (id),
    by_paper     TEXT NOT NULL CHECK (by_paper IN ('coupon', 'receipt')),
    receipt      TEXT,
    mrz_read     INTEGER NOT NULL CHECK (mrz_read IN (0, 1)),
    withdrawn_json TEXT NOT NULL,
    audit_id     INTEGER NOT NULL UNIQUE REFERENCES audit_log (id)
) STRICT;
CREATE TRIGGER issues_no_update BEFORE UPDATE ON issues
BEGIN SELECT RAISE(ABORT, 'issues are append-only'); END;
CREATE TRIGGER issues_no_delete BEFORE DELETE ON issues
BEGIN SELECT RAISE(ABORT, 'issues are append-only'); END;

ALTER TABLE dsn_taxpayers ADD COLUMN activity TEXT
    CHECK (activity IN ('producer', 'importer', 'both'));
ALTER TABLE dsn_taxpayers ADD COLUMN place TEXT;

ALTER TABLE dsn_applications ADD COLUMN passed_to_provider_on TEXT;
ALTER TABLE dsn_applications ADD COLUMN requested_on TEXT;
ALTER TABLE dsn_applications ADD COLUMN requested_due TEXT;
ALTER TABLE dsn_applications ADD COLUMN sent_back_on TEXT;

CREATE TABLE dsn_complaints (
    id             INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES dsn_applications (id),
    body           TEXT NOT NULL CHECK (body IN ('provider', 'front_office', 'quality_body')),
    filed_on       TEXT NOT NULL,
    due_on         TEXT NOT NULL,
    clerk          TEXT NOT NULL,
    audit_id       INTEGER NOT NULL UNIQUE REFERENCES audit_log (id)
) STRICT;
CREATE INDEX dsn_complaints_application ON dsn_complaints (application_id);
CREATE TRIGGER dsn_complaints_no_update BEFORE UPDATE ON dsn_complaints
BEGIN SELECT RAISE(ABORT, 'dsn_complaints are append-only'); END;
CREATE TRIGGER dsn_complaints_no_delete BEFORE DELETE ON dsn_complaints
BEGIN SELECT RAISE(ABORT, 'dsn_complaints are append-only'); END;

CREATE TABLE iin_births (
    iin                TEXT PRIMARY KEY NOT NULL REFERENCES iin_issued (iin),
    certificate_number TEXT NOT NULL,
    certificate_date   TEXT NOT NULL,
    certificate_issuer TEXT NOT NULL,
    parent_document    TEXT NOT NULL,
    zags_found         INTEGER NOT NULL CHECK (zags_found IN (0, 1)),
    applied_on         TEXT NOT NULL,
    request_due        TEXT,
    request_sent_on    TEXT
) STRICT;
CREATE INDEX iin_births_open_requests ON iin_births (request_due)
    WHERE request_due IS NOT NULL AND request_sent_on IS NULL;
CREATE TRIGGER iin_births_fixed BEFORE UPDATE OF
    iin, certificate_number, certificate_date, certificate_issuer, parent_document,
    zags_found, applied_on, request_due ON iin_births
BEGIN SELECT RAISE(ABORT, 'what was shown for an IIN is not rewritten'); END;
CREATE TRIGGER iin_births_sent_once BEFORE UPDATE OF request_sent_on ON iin_births
WHEN OLD.request_sent_on IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the request to the civil registry is marked sent once'); END;
CREATE TRIGGER iin_births_no_delete BEFORE DELETE ON iin_births
BEGIN SELECT RAISE(ABORT, 'iin_births are never deleted'); END;
"#;

/// Version 8 (issue 11): names searched as Code lookup folds them. The surname and the
/// given name get a key in the ASCII skeleton of `codes::fold` ([`super::numbers::name_key`]):
/// `жумабек` typed on a Russian keyboard and `zhumabek` both find ЖҰМАБЕКОВ. New columns,
/// not a rewrite of `surname_key`: that one is sealed with its day's data, and a key is
/// not data. The indexes keep their names and move to the new keys, so every name walk
/// stays a range of one index.
///
/// The key is kense's fold, which SQL does not have: rows written before are keyed by
/// [`super::file::key_names`] right after the upgrade, and again by any writing open that
/// finds a row without its key (an upgrade cut short), on the same index.
const V8: &str = r#"
ALTER TABLE formularies ADD COLUMN surname_fold TEXT NOT NULL DEFAULT '';
ALTER TABLE formularies ADD COLUMN given_fold TEXT NOT NULL DEFAULT '';
DROP INDEX formularies_surname;
DROP INDEX formularies_given;
CREATE INDEX formularies_surname ON formularies (surname_fold, id);
CREATE INDEX formularies_given ON formularies (given_fold, id);
"#;

/// Version 9 (issue 12): who may do what, and what waits on the office.
///
/// - `staff`: the office's OS accounts, each with the full name printed on papers, a role
///   (`clerk`, or `head`: the head of the unit or the deputy, who approves under M-16) and
///   whether it is active. A member is never deleted (the audit log and the history name
///   the account), only retired (`active = 0`); every change is audited, but for the
///   creator of a new register, made its first head by its first write, whose entry (the
///   register's first, by that account) is the record of it.
/// - `conclusions.approver_name`: the approving head's name as printed on the conclusion
///   at the time (M-16); the approving account is the row's `clerk`. NULL on rows written
///   before version 9.
/// - `formularies.status_since`: when the formulary entered its current state (its last
///   transition's moment), kept by a trigger, so that the work queue walks the
///   `(status, status_since)` index for what waits in a state since a day, and never scans
///   the register. Filled from the transitions for the formularies already there.
/// - `transitions_at`: the day's moves on older formularies (`kense day show`) by index,
///   and the moves of a span counted by (from, to) from the index alone (covering), as the
///   day's accounting replays them.
/// - `dsn_applications_waiting`: the D-6 results not yet handed over, by due date.
const V9: &str = r#"
CREATE TABLE staff (
    account    TEXT PRIMARY KEY NOT NULL CHECK (account <> ''),
    full_name  TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('clerk', 'head')),
    active     INTEGER NOT NULL CHECK (active IN (0, 1)),
    added_at   TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    -- The entry of the last change; NULL only for the register's creator, made its first
    -- head by its first write: that write's entry, the register's first, records it.
    audit_id   INTEGER REFERENCES audit_log (id)
) STRICT;
CREATE TRIGGER staff_no_delete BEFORE DELETE ON staff
BEGIN SELECT RAISE(ABORT, 'staff are retired, never deleted'); END;

ALTER TABLE conclusions ADD COLUMN approver_name TEXT;

ALTER TABLE formularies ADD COLUMN status_since TEXT;
UPDATE formularies SET status_since = (
    SELECT t.at FROM transitions t WHERE t.formulary_id = formularies.id
    ORDER BY t.seq DESC LIMIT 1);
CREATE INDEX formularies_waiting ON formularies (status, status_since);
CREATE TRIGGER formularies_status_since AFTER INSERT ON transitions
BEGIN UPDATE formularies SET status_since = NEW.at WHERE id = NEW.formulary_id; END;

CREATE INDEX transitions_at ON transitions (at, from_state, to_state);

CREATE INDEX dsn_applications_waiting ON dsn_applications (due_on)
    WHERE handed_over_on IS NULL;
"#;

/// Version 11 (issue 15; version 10 is the row digests, `audit/seal.rs`): the heads' signatures on day closes (`store/day_sign.rs`). One per
/// close, made by a head's SSH key (armored SSHSIG, namespace `kense-day`) over the close's
/// facts and its `day_closed` entry's hash; each is recorded by its own `day_signed` audit
/// entry (the signature's SHA-256 and key fingerprint). Append-only like the closes.
const V11: &str = r#"
CREATE TABLE day_signatures (
    date        TEXT PRIMARY KEY NOT NULL REFERENCES day_closes (date),
    signature   TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    signed_at   TEXT NOT NULL,
    clerk       TEXT NOT NULL,
    audit_id    INTEGER NOT NULL UNIQUE REFERENCES audit_log (id)
) STRICT;

CREATE TRIGGER day_signatures_no_update BEFORE UPDATE ON day_signatures
BEGIN SELECT RAISE(ABORT, 'day_signatures is append-only'); END;
CREATE TRIGGER day_signatures_no_delete BEFORE DELETE ON day_signatures
BEGIN SELECT RAISE(ABORT, 'day_signatures is append-only'); END;
"#;

const MIGRATION_LIST: &[M<'static>] = &[
    M::up(V1),
    M::up(REGISTER),
    // DSN codes (document 001): taxpayers, subjects, applications, product rows.
    M::up(super::dsn::SCHEMA),
    M::up(V4),
    M::up(V5),
    M::up(V6),
    // Version 7: the copies printed of each paper (issue 13).
    M::up(super::papers::SCHEMA),
    // Version 8: the folded name keys (issue 11).
    M::up(V8),
    // Version 9: staff, roles and the work queue's indexes (issue 12).
    M::up(V9),
    // Version 10: row digests bound to the audit chain (issue 15).
    M::up(super::audit::seal::SCHEMA),
    // Version 11: signed day closes (issue 15; see V11).
    M::up(V11),
    // Version 12: the day signatures' rows bound to the chain too (issue 15).
    M::up(super::audit::seal::SIGNATURES),
    // Version 13: the open workstations (issue 12).
    M::up(super::sessions::SCHEMA),
    // Version 14: the key of the keyed hashes that name personal rows in seals (issue 15).
    M::up(super::audit::keys::SCHEMA),
];

/// Every migration, oldest first.
pub const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_LIST);

/// The schema version this binary creates and understands.
pub const SCHEMA_VERSION: usize = MIGRATION_LIST.len();

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_validate() {
        MIGRATIONS
            .validate()
            .unwrap_or_else(|e| panic!("migrations do not apply to an empty database: {e}"));
    }
}
