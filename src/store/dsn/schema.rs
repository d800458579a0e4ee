//! The DSN tables (document 001), one migration appended to [`super::super::MIGRATIONS`].
//!
//! Every table is STRICT. What a code rests on is append-only at the SQL level, as the
//! audit log is: the taxpayer register, the market-subject codes and the product rows with
//! their outcome refuse UPDATE and DELETE, so a code once assigned (or a refusal once
//! given) cannot be rewritten or freed for reuse. An application may change in one way
//! only: its result is handed over to the front office, once.
//!
//! The partial unique indexes are D-7 (2) and D-App3 in the schema: one assigned code per
//! applicant, product type and product name; one brand number per applicant and product
//! type. The brand counter is the highest brand of those rows, which the second index
//! serves.

/// The migration that adds the DSN tables.
pub const SCHEMA: &str = r#"
CREATE TABLE dsn_taxpayers (
    tin      TEXT PRIMARY KEY NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('iin', 'bin')),
    name     TEXT NOT NULL CHECK (name <> ''),
    added_at TEXT NOT NULL,
    clerk    TEXT NOT NULL,
    audit_id INTEGER NOT NULL UNIQUE REFERENCES audit_log (id)
) STRICT;

CREATE TRIGGER dsn_taxpayers_no_update BEFORE UPDATE ON dsn_taxpayers
BEGIN SELECT RAISE(ABORT, 'dsn_taxpayers is append-only'); END;
CREATE TRIGGER dsn_taxpayers_no_delete BEFORE DELETE ON dsn_taxpayers
BEGIN SELECT RAISE(ABORT, 'dsn_taxpayers is append-only'); END;

CREATE TABLE dsn_subjects (
    tin      TEXT PRIMARY KEY NOT NULL,
    code     INTEGER NOT NULL UNIQUE CHECK (code BETWEEN 1 AND 9999),
    audit_id INTEGER NOT NULL UNIQUE REFERENCES audit_log (id)
) STRICT;

CREATE TRIGGER dsn_subjects_no_update BEFORE UPDATE ON dsn_subjects
BEGIN SELECT RAISE(ABORT, 'dsn_subjects is append-only'); END;
CREATE TRIGGER dsn_subjects_no_delete BEFORE DELETE ON dsn_subjects
BEGIN SELECT RAISE(ABORT, 'dsn_subjects is append-only'); END;

CREATE TABLE dsn_applications (
    id             INTEGER PRIMARY KEY,
    tin            TEXT NOT NULL,
    tin_kind       TEXT NOT NULL CHECK (tin_kind IN ('iin', 'bin')),
    taxpayer       TEXT NOT NULL,
    subject_type   TEXT NOT NULL CHECK (subject_type IN ('producer', 'importer')),
    country        INTEGER NOT NULL CHECK (country BETWEEN 1 AND 6),
    unit           INTEGER NOT NULL CHECK (unit BETWEEN 1 AND 258),
    received_at    TEXT NOT NULL,
    registered_on  TEXT NOT NULL,
    due_on         TEXT NOT NULL,
    handed_over_on TEXT,
    clerk          TEXT NOT NULL,
    audit_id       INTEGER NOT NULL UNIQUE REFERENCES audit_log (id)
) STRICT;

CREATE INDEX dsn_applications_tin ON dsn_applications (tin);

CREATE TRIGGER dsn_applications_no_delete BEFORE DELETE ON dsn_applications
BEGIN SELECT RAISE(ABORT, 'dsn_applications are never deleted'); END;
CREATE TRIGGER dsn_applications_fixed BEFORE UPDATE OF
    id, tin, tin_kind, taxpayer, subject_type, country, unit, received_at, registered_on,
    due_on, clerk, audit_id ON dsn_applications
BEGIN SELECT RAISE(ABORT, 'a dsn application changes only when handed over'); END;
CREATE TRIGGER dsn_applications_handed_over_once BEFORE UPDATE OF handed_over_on
ON dsn_applications WHEN OLD.handed_over_on IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a dsn application is handed over once'); END;

CREATE TABLE dsn_products (
    application_id INTEGER NOT NULL REFERENCES dsn_applications (id),
    row_no         INTEGER NOT NULL CHECK (row_no >= 1),
    tin            TEXT NOT NULL,
    product        INTEGER NOT NULL CHECK (product BETWEEN 1 AND 4),
    name           TEXT NOT NULL,
    name_key       TEXT NOT NULL,
    spec           TEXT NOT NULL,
    code           TEXT UNIQUE,
    brand          INTEGER CHECK (brand >= 1),
    refusal        TEXT CHECK (refusal IN ('not_registered', 'code_exists')),
    existing_code  TEXT,
    audit_id       INTEGER NOT NULL UNIQUE REFERENCES audit_log (id),
    PRIMARY KEY (application_id, row_no),
    CHECK ((code IS NULL) = (refusal IS NOT NULL)),
    CHECK ((code IS NULL) = (brand IS NULL))
) STRICT;

CREATE UNIQUE INDEX dsn_products_one_code_per_product
    ON dsn_products (tin, product, name_key) WHERE code IS NOT NULL;
CREATE UNIQUE INDEX dsn_products_brands
    ON dsn_products (tin, product, brand) WHERE code IS NOT NULL;

CREATE TRIGGER dsn_products_no_update BEFORE UPDATE ON dsn_products
BEGIN SELECT RAISE(ABORT, 'dsn_products is append-only'); END;
CREATE TRIGGER dsn_products_no_delete BEFORE DELETE ON dsn_products
BEGIN SELECT RAISE(ABORT, 'dsn_products is append-only'); END;
"#;
