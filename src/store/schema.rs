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

const MIGRATION_LIST: &[M<'static>] = &[
    M::up(V1),
    M::up(REGISTER),
    // DSN codes (document 001): taxpayers, subjects, applications, product rows.
    M::up(super::dsn::SCHEMA),
    M::up(V4),
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
