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

/// Version 6 (issue 12): who may do what, and what waits on the office.
///
/// - `staff`: the office's OS accounts, each with the full name printed on papers, a role
///   (`clerk`, or `head`: the head of the unit or the deputy, who approves under M-16) and
///   whether it is active. A member is never deleted (the audit log and the history name
///   the account), only retired (`active = 0`); every change is audited, but for the
///   creator of a new register, made its first head by its first write, whose entry (the
///   register's first, by that account) is the record of it.
/// - `conclusions.approver_name`: the approving head's name as printed on the conclusion
///   at the time (M-16); the approving account is the row's `clerk`. NULL on rows written
///   before version 6.
/// - `formularies.status_since`: when the formulary entered its current state (its last
///   transition's moment), kept by a trigger, so that the work queue walks the
///   `(status, status_since)` index for what waits in a state since a day, and never scans
///   the register. Filled from the transitions for the formularies already there.
/// - `transitions_at`: the day's moves on older formularies (`kense day show`) by index,
///   and the moves of a span counted by (from, to) from the index alone (covering), as the
///   day's accounting replays them.
/// - `dsn_applications_waiting`: the D-6 results not yet handed over, by due date.
const V6: &str = r#"
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

const MIGRATION_LIST: &[M<'static>] = &[
    M::up(V1),
    M::up(REGISTER),
    // DSN codes (document 001): taxpayers, subjects, applications, product rows.
    M::up(super::dsn::SCHEMA),
    M::up(V4),
    M::up(V5),
    M::up(V6),
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
