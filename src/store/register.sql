-- The register of formularies (issue 4): persons, formularies with their history, the
-- documents issued (M-57), the journal of conclusions (M-16), destruction acts and drafts.
-- Every table is STRICT. Day seals are enforced here too, by triggers, so that even a bug
-- in kense cannot write into a closed day; kense checks first and says why.

CREATE TABLE persons (
    iin        TEXT PRIMARY KEY NOT NULL,
    surname    TEXT NOT NULL,
    given_name TEXT NOT NULL,
    patronymic TEXT,
    birth_date TEXT,
    updated_at TEXT NOT NULL
) STRICT;

-- One row per registered formulary. `formulary_json` is the whole formulary in the domain's
-- JSON format; the other columns are copies of some of its fields, for search.
CREATE TABLE formularies (
    id            INTEGER PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE,
    coupon        TEXT NOT NULL UNIQUE,
    year          INTEGER NOT NULL,
    seq           INTEGER NOT NULL,
    registered_on TEXT NOT NULL,
    clerk         TEXT NOT NULL,
    iin           TEXT NOT NULL REFERENCES persons (iin),
    surname       TEXT NOT NULL,
    given_name    TEXT NOT NULL,
    patronymic    TEXT,
    surname_key   TEXT NOT NULL,
    given_key     TEXT NOT NULL,
    filling_code  TEXT NOT NULL,
    region_code   TEXT NOT NULL,
    district_code TEXT NOT NULL,
    document      TEXT NOT NULL,
    status        TEXT NOT NULL,
    formulary_json TEXT NOT NULL,
    UNIQUE (year, seq)
) STRICT;

-- Keyset pagination walks `id`; each filter has an index ending in `id`, so a page is a
-- range scan, never a sort of the whole register.
CREATE INDEX formularies_iin ON formularies (iin, id);
CREATE INDEX formularies_surname ON formularies (surname_key, id);
CREATE INDEX formularies_given ON formularies (given_key, id);
CREATE INDEX formularies_status ON formularies (status, id);
CREATE INDEX formularies_code ON formularies (filling_code, id);
CREATE INDEX formularies_place ON formularies (region_code, district_code, id);
CREATE INDEX formularies_day ON formularies (registered_on, id);

CREATE TRIGGER formularies_sealed_insert BEFORE INSERT ON formularies
WHEN EXISTS (SELECT 1 FROM day_closes WHERE date = NEW.registered_on)
BEGIN SELECT RAISE(ABORT, 'the day is closed'); END;

-- The data of a formulary registered on a closed day stay as they were; its status moves.
CREATE TRIGGER formularies_sealed_update BEFORE UPDATE OF
    number, coupon, year, seq, registered_on, clerk, iin, surname, given_name, patronymic,
    surname_key, given_key, filling_code, region_code, district_code, document, formulary_json
ON formularies
WHEN EXISTS (SELECT 1 FROM day_closes WHERE date = OLD.registered_on)
BEGIN SELECT RAISE(ABORT, 'the day is closed'); END;

CREATE TRIGGER formularies_no_delete BEFORE DELETE ON formularies
BEGIN SELECT RAISE(ABORT, 'formularies are never deleted'); END;

-- The history of each formulary, replayed through domain::lifecycle on reading.
CREATE TABLE transitions (
    formulary_id INTEGER NOT NULL REFERENCES formularies (id),
    seq          INTEGER NOT NULL,
    from_state   TEXT NOT NULL,
    to_state     TEXT NOT NULL,
    event_json   TEXT NOT NULL,
    clerk        TEXT NOT NULL,
    at           TEXT NOT NULL,
    reason       TEXT,
    audit_id     INTEGER NOT NULL REFERENCES audit_log (id),
    PRIMARY KEY (formulary_id, seq)
) STRICT;

CREATE TRIGGER transitions_sealed BEFORE INSERT ON transitions
WHEN EXISTS (SELECT 1 FROM day_closes WHERE date = substr(NEW.at, 1, 10))
BEGIN SELECT RAISE(ABORT, 'the day is closed'); END;
CREATE TRIGGER transitions_no_update BEFORE UPDATE ON transitions
BEGIN SELECT RAISE(ABORT, 'transitions are append-only'); END;
CREATE TRIGGER transitions_no_delete BEFORE DELETE ON transitions
BEGIN SELECT RAISE(ABORT, 'transitions are append-only'); END;

-- M-57: the identity documents of a person the register issued, valid or invalid since a
-- date for a reason.
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    iin          TEXT NOT NULL REFERENCES persons (iin),
    kind         TEXT NOT NULL,
    number       TEXT NOT NULL,
    issued_on    TEXT NOT NULL,
    formulary_id INTEGER REFERENCES formularies (id),
    invalid_reason TEXT,
    invalid_since  TEXT
) STRICT;
CREATE INDEX documents_iin ON documents (iin, id);

-- M-16: the journal of conclusions, numbered per year.
CREATE TABLE conclusions (
    year         INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    number       TEXT NOT NULL,
    date         TEXT NOT NULL,
    outcome      TEXT NOT NULL CHECK (outcome IN ('confirm', 'refuse')),
    formulary_id INTEGER NOT NULL REFERENCES formularies (id),
    clerk        TEXT NOT NULL,
    audit_id     INTEGER NOT NULL REFERENCES audit_log (id),
    PRIMARY KEY (year, seq),
    UNIQUE (year, number)
) STRICT;

-- The destruction acts: one act may destroy several forms, each form once.
CREATE TABLE destructions (
    act_number   TEXT NOT NULL,
    formulary_id INTEGER NOT NULL UNIQUE REFERENCES formularies (id),
    destroyed_at TEXT NOT NULL,
    clerk        TEXT NOT NULL,
    audit_id     INTEGER NOT NULL REFERENCES audit_log (id)
) STRICT;
CREATE INDEX destructions_act ON destructions (act_number);

CREATE TRIGGER conclusions_no_change BEFORE UPDATE ON conclusions
BEGIN SELECT RAISE(ABORT, 'the journal of conclusions is append-only'); END;
CREATE TRIGGER destructions_no_change BEFORE UPDATE ON destructions
BEGIN SELECT RAISE(ABORT, 'destruction acts are append-only'); END;

-- One draft per clerk, replaced on each save.
CREATE TABLE drafts (
    clerk          TEXT PRIMARY KEY NOT NULL,
    formulary_json TEXT NOT NULL,
    saved_at       TEXT NOT NULL
) STRICT;
