//! Sealing a write (issue 15): every row of a fact table a transaction inserts, changes or
//! deletes is noted by a trigger in `audit_pending`; before the transaction commits, one
//! `rows_written` entry records the digest of each such row as it now stands (or that it
//! is gone), and the notes are cleared. So every row written by kense has an entry in the
//! chain with its digest, whichever store function wrote it.
//!
//! `audit_digest_start` records, once, what each fact table held when the register was
//! upgraded to digests (version 10): its highest rowid and its row count. Rows up to then
//! are checked as before until kense writes them again; every row after must be sealed.

use super::digest::{fact, hex};
use super::keys::Keys;
use super::{AuditEntry, append};
use crate::office::Clock;
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// A note replaces an earlier one of the same row. An upsert, not `INSERT OR REPLACE`:
/// inside a trigger the outer statement's conflict clause would override that one.
macro_rules! UPSERT {
    () => {
        "ON CONFLICT (tbl, key) DO UPDATE SET row = excluded.row"
    };
}

/// The three triggers that note a fact table's rows for the seal, and the table's start.
/// `$of` limits the update trigger to the digested columns where others change without
/// an entry (the folded name keys, written on opening a register).
macro_rules! watch {
    ($t:literal, $new:literal, $old:literal) => {
        watch!($t, "", $new, $old)
    };
    ($t:literal, $of:literal, $new:literal, $old:literal) => {
        concat!(
            "CREATE TRIGGER ",
            $t,
            "_digest_insert AFTER INSERT ON ",
            $t,
            " BEGIN INSERT INTO audit_pending VALUES ('",
            $t,
            "', ",
            $new,
            ", NEW.rowid) ",
            UPSERT!(),
            "; END;\n",
            "CREATE TRIGGER ",
            $t,
            "_digest_update AFTER UPDATE ",
            $of,
            " ON ",
            $t,
            " BEGIN INSERT INTO audit_pending VALUES ('",
            $t,
            "', ",
            $old,
            ", NULL) ",
            UPSERT!(),
            "; INSERT INTO audit_pending VALUES ('",
            $t,
            "', ",
            $new,
            ", NEW.rowid) ",
            UPSERT!(),
            "; END;\n",
            "CREATE TRIGGER ",
            $t,
            "_digest_delete AFTER DELETE ON ",
            $t,
            " BEGIN INSERT INTO audit_pending VALUES ('",
            $t,
            "', ",
            $old,
            ", NULL) ",
            UPSERT!(),
            "; END;\n",
            "INSERT INTO audit_digest_start SELECT '",
            $t,
            "', COALESCE(MAX(rowid), 0), ",
            "COUNT(*) FROM ",
            $t,
            ";\n"
        )
    };
}

/// Version 10 (issue 15): the rows noted for the next seal, the start of digests, and the
/// triggers of every table in [`FACTS`] (a test checks none is missing).
pub(in crate::store) const SCHEMA: &str = concat!(
    "CREATE TABLE audit_pending (
        tbl TEXT NOT NULL,
        key TEXT NOT NULL,
        row INTEGER,
        PRIMARY KEY (tbl, key)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE audit_digest_start (
        tbl       TEXT PRIMARY KEY NOT NULL,
        max_rowid INTEGER NOT NULL,
        rows      INTEGER NOT NULL
    ) STRICT;
    CREATE TRIGGER audit_digest_start_no_update BEFORE UPDATE ON audit_digest_start
    BEGIN SELECT RAISE(ABORT, 'audit_digest_start is append-only'); END;
    CREATE TRIGGER audit_digest_start_no_delete BEFORE DELETE ON audit_digest_start
    BEGIN SELECT RAISE(ABORT, 'audit_digest_start is append-only'); END;
",
    watch!(
        "formularies",
        "OF id, number, coupon, year, seq, registered_on, clerk, iin, surname, given_name,
            patronymic, surname_key, given_key, filling_code, region_code, district_code,
            document, status, formulary_json, status_since",
        "CAST(NEW.id AS TEXT)",
        "CAST(OLD.id AS TEXT)"
    ),
    watch!(
        "transitions",
        "NEW.formulary_id || '/' || NEW.seq",
        "OLD.formulary_id || '/' || OLD.seq"
    ),
    watch!("persons", "NEW.iin", "OLD.iin"),
    watch!("documents", "CAST(NEW.id AS TEXT)", "CAST(OLD.id AS TEXT)"),
    watch!(
        "conclusions",
        "NEW.year || '/' || NEW.seq",
        "OLD.year || '/' || OLD.seq"
    ),
    watch!(
        "destructions",
        "CAST(NEW.formulary_id AS TEXT)",
        "CAST(OLD.formulary_id AS TEXT)"
    ),
    watch!(
        "corrections",
        "NEW.formulary_id || '/' || NEW.seq",
        "OLD.formulary_id || '/' || OLD.seq"
    ),
    watch!(
        "issues",
        "CAST(NEW.formulary_id AS TEXT)",
        "CAST(OLD.formulary_id AS TEXT)"
    ),
    watch!("iin_issued", "NEW.iin", "OLD.iin"),
    watch!("iin_births", "NEW.iin", "OLD.iin"),
    watch!("day_closes", "NEW.date", "OLD.date"),
    watch!(
        "prints",
        "NEW.kind || '/' || NEW.subject || '/' || NEW.first_copy",
        "OLD.kind || '/' || OLD.subject || '/' || OLD.first_copy"
    ),
    watch!("staff", "NEW.account", "OLD.account"),
    watch!("dsn_taxpayers", "NEW.tin", "OLD.tin"),
    watch!("dsn_subjects", "NEW.tin", "OLD.tin"),
    watch!(
        "dsn_applications",
        "CAST(NEW.id AS TEXT)",
        "CAST(OLD.id AS TEXT)"
    ),
    watch!(
        "dsn_products",
        "NEW.application_id || '/' || NEW.row_no",
        "OLD.application_id || '/' || OLD.row_no"
    ),
    watch!(
        "dsn_complaints",
        "CAST(NEW.id AS TEXT)",
        "CAST(OLD.id AS TEXT)"
    ),
);

/// Version 12 (issue 15): the heads' signatures of day closes (version 11) watched too.
pub(in crate::store) const SIGNATURES: &str = watch!("day_signatures", "NEW.date", "OLD.date");

/// The action of a seal's entry.
pub(crate) const ROWS_WRITTEN: &str = "rows_written";

/// Seals the rows noted since the last seal with one `rows_written` entry (none when no
/// row was noted), inside the caller's transaction. Its details: `v` (2: personal keys by
/// their keyed hash, see `keys.rs`), `start`, the digest of `audit_digest_start`, and
/// `rows`, each table's rows as `[key, digest]`, the digest null for a row that is gone.
pub(in crate::store) fn seal(
    conn: &Connection,
    at: &str,
    clerk: &str,
) -> rusqlite::Result<Option<AuditEntry>> {
    let pending: Vec<(String, String, Option<i64>)> = conn
        .prepare("SELECT tbl, key, row FROM audit_pending ORDER BY tbl, key")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    if pending.is_empty() {
        return Ok(None);
    }
    let keys = Keys::read(conn)?;
    if keys.is_missing() {
        return Err(Keys::missing_error());
    }
    let mut rows: BTreeMap<&'static str, Vec<(String, Option<String>)>> = BTreeMap::new();
    for (table, key, rowid) in pending {
        // Only the triggers of FACTS write here; a row of another table is no fact.
        let Some((_, fact)) = fact(&table) else {
            continue;
        };
        let now = match rowid {
            Some(rowid) => conn
                .prepare_cached(&fact.select("WHERE rowid = ?1"))?
                .query_row([rowid], |r| Ok((r.get::<_, String>(1)?, fact.digest(r)?)))
                .optional()?,
            None => None,
        };
        let list = rows.entry(fact.table).or_default();
        match now {
            Some((now_key, digest)) => {
                if now_key != key {
                    list.push((keys.seal_key(fact, key), None));
                }
                list.push((keys.seal_key(fact, now_key), Some(hex(&digest))));
            }
            None => list.push((keys.seal_key(fact, key), None)),
        }
    }
    conn.execute("DELETE FROM audit_pending", [])?;
    let count: usize = rows.values().map(Vec::len).sum();
    let start = start_digest(conn)?;
    // Version 2: personal keys by their keyed hash (keys.rs), so no IIN in the log.
    let details = if keys.is_keyed() {
        json!({ "v": 2, "start": start, "rows": rows })
    } else {
        json!({ "start": start, "rows": rows })
    };
    append(conn, at, clerk, ROWS_WRITTEN, &count.to_string(), &details).map(Some)
}

/// Forgets the rows noted before this transaction began: kense seals every write it
/// makes before committing, so notes found at the start of a write were left by a write
/// outside kense (the `sqlite3` shell keeps the triggers), and sealing them would launder
/// it. Called first in every kense write; `audit verify` then finds those rows unsealed.
pub(in crate::store) fn discard_foreign(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM audit_pending", []).map(drop)
}

/// Seals the transaction's rows ([`seal`], at the office clock's now) and commits it.
pub(in crate::store) fn commit(
    tx: Transaction<'_>,
    clock: &Clock,
    clerk: &str,
) -> rusqlite::Result<()> {
    seal(&tx, &super::super::ops::now(clock), clerk)?;
    tx.commit()
}

/// The SHA-256 (hex) of `audit_digest_start`, rows in table order as `table TAB max_rowid
/// TAB rows LF`. Every seal records it, so the start cannot be moved later unseen.
pub(crate) fn start_digest(conn: &rusqlite::Connection) -> rusqlite::Result<String> {
    let mut hasher = Sha256::new();
    let mut statement =
        conn.prepare_cached("SELECT tbl, max_rowid, rows FROM audit_digest_start ORDER BY tbl")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let (table, max, count): (String, i64, i64) = (row.get(0)?, row.get(1)?, row.get(2)?);
        hasher.update(format!("{table}\t{max}\t{count}\n").as_bytes());
    }
    Ok(hex(&hasher.finalize()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::audit::digest::FACTS;

    #[test]
    fn every_fact_table_is_watched_and_has_its_start() {
        let mut conn = Connection::open_in_memory().expect("memory");
        crate::store::schema::MIGRATIONS
            .to_latest(&mut conn)
            .expect("migrate");
        for fact in FACTS {
            for kind in ["insert", "update", "delete"] {
                let name = format!("{}_digest_{kind}", fact.table);
                let found: i64 = conn
                    .query_row(
                        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                        [&name],
                        |r| r.get(0),
                    )
                    .expect("query");
                assert_eq!(found, 1, "{name}");
            }
            let start: i64 = conn
                .query_row(
                    "SELECT COUNT(*) FROM audit_digest_start WHERE tbl = ?1",
                    [fact.table],
                    |r| r.get(0),
                )
                .expect("query");
            assert_eq!(start, 1, "{}", fact.table);
            // The columns digested exist (a typo would fail every verification).
            conn.prepare(&fact.select("LIMIT 0"))
                .unwrap_or_else(|e| panic!("{}: {e}", fact.table));
        }
    }
}
