//! The append-only audit log: every change to the register, who made it and when, in a
//! hash chain.
//!
//! Each entry's `hash` is the SHA-256, in lowercase hex, of its canonical encoding: for
//! each of `prev_hash`, `id` (in decimal), `at`, `clerk`, `action`, `subject`,
//! `details_json`, in that order, the field's UTF-8 length as 8 bytes big-endian followed by
//! its UTF-8 bytes. The length prefixes make the encoding unambiguous (no two field lists
//! encode alike); the id in it catches reordering; `prev_hash` is the previous entry's hash,
//! or [`GENESIS`] for the first entry, so an edited, removed or inserted entry breaks the
//! chain at that point.
//!
//! Removing the last entries leaves a shorter chain that is still whole; the day closes
//! guard against that: each records the head of the chain when the day was closed and the
//! id of its own `day_closed` entry, and verification checks both are still in the chain
//! (the entry with its action, date and recorded head), so a cut starting at the close's
//! own entry is caught too.

// The tables against the log (issue 15).
mod tables;
// Row digests: their definition, the seal of each write, the check (issue 15).
pub(crate) mod digest;
pub(in crate::store) mod keys;
mod parallel;
mod problem;
mod rows;
#[cfg(test)]
mod verify_tests;
pub(in crate::store) use parallel::verify_parallel;
pub(in crate::store) mod seal;
pub use problem::Problem;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::HashSet;

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One audit entry as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    /// UTC, `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
    pub at: String,
    pub clerk: String,
    /// What was done, e.g. `iin_generated`, `day_closed`.
    pub action: String,
    /// What it was done to, e.g. the IIN or the date.
    pub subject: String,
    /// Compact JSON with what the action needs beyond the subject.
    pub details_json: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash of an entry with these fields, in the canonical encoding of the module docs.
pub fn entry_hash(
    prev_hash: &str,
    id: i64,
    at: &str,
    clerk: &str,
    action: &str,
    subject: &str,
    details_json: &str,
) -> String {
    let id = id.to_string();
    let mut hasher = Sha256::new();
    for field in [prev_hash, &id, at, clerk, action, subject, details_json] {
        hasher.update((field.len() as u64).to_be_bytes());
        hasher.update(field.as_bytes());
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The hash of the last entry, or [`GENESIS`] when the log is empty.
pub(super) fn head(tx: &rusqlite::Connection) -> rusqlite::Result<String> {
    let last: Option<String> = tx
        .query_row(
            "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(last.unwrap_or_else(|| GENESIS.to_string()))
}

/// Appends an entry after the current head, inside the caller's write transaction, so the
/// change and its entry are saved together or not at all.
pub(super) fn append(
    tx: &rusqlite::Connection,
    at: &str,
    clerk: &str,
    action: &str,
    subject: &str,
    details: &Value,
) -> rusqlite::Result<AuditEntry> {
    let prev_hash = head(tx)?;
    let id: i64 = tx.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM audit_log", [], |r| {
        r.get(0)
    })?;
    let details_json = details.to_string();
    let hash = entry_hash(&prev_hash, id, at, clerk, action, subject, &details_json);
    tx.execute(
        "INSERT INTO audit_log (id, at, clerk, action, subject, details_json, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            at,
            clerk,
            action,
            subject,
            details_json,
            prev_hash,
            hash
        ],
    )?;
    Ok(AuditEntry {
        id,
        at: at.to_string(),
        clerk: clerk.to_string(),
        action: action.to_string(),
        subject: subject.to_string(),
        details_json,
        prev_hash,
        hash,
    })
}

/// What a walk of the chain found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditReport {
    /// Entries checked (all of them when the chain is whole; up to the bad one otherwise).
    pub entries: u64,
    /// The hash of the last good entry ([`GENESIS`] for an empty log).
    pub head: String,
    /// The first entry that is wrong, if any.
    pub first_bad: Option<BadEntry>,
}

impl AuditReport {
    /// True when every entry and every day close checked out.
    pub fn is_intact(&self) -> bool {
        self.first_bad.is_none()
    }
}

/// An entry that fails verification, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadEntry {
    /// The audit entry's id (for a day close, the id of its `day_closed` entry).
    pub id: i64,
    pub problem: Problem,
}

/// Walks the whole chain in id order, then checks every day close against it, the tables
/// against the log and every row against its digest: on one connection, inside the
/// caller's transaction (a write lock's check; `audit verify` runs the same steps over
/// threads, [`parallel`]).
pub(super) fn verify(tx: &Connection) -> rusqlite::Result<AuditReport> {
    let mut report = chain(tx)?;
    // The tables against the log (issue 15), once the log itself holds.
    if report.first_bad.is_none() {
        report.first_bad = tables::first_disagreement(tx)?;
    }
    // Every row against the digest its entry recorded.
    if report.first_bad.is_none() {
        report.first_bad = rows::first_disagreement(tx)?;
    }
    Ok(report)
}

/// What came after a check made in an earlier snapshot whose chain ended at `head`: the
/// entries since, each linked to the one before and hashed right. A close checks the
/// whole register before it takes the write lock (other clerks write meanwhile), and only
/// this under the lock, so that the head it records extends the chain it checked. When
/// `head` is no longer in the chain, the whole check runs here.
pub(super) fn verify_since(
    tx: &Connection,
    checked: &AuditReport,
) -> rusqlite::Result<Option<BadEntry>> {
    let after: Option<i64> = if checked.head == GENESIS {
        Some(0)
    } else {
        // Ids count up from 1, so the head's is at least the number of entries checked.
        let from = i64::try_from(checked.entries).unwrap_or(i64::MAX);
        tx.query_row(
            "SELECT id FROM audit_log WHERE id >= ?1 AND hash = ?2 ORDER BY id LIMIT 1",
            params![from, checked.head],
            |r| r.get(0),
        )
        .optional()?
    };
    match after {
        Some(after) => Ok(links(tx, after, &checked.head, &mut HashSet::new())?.first_bad),
        None => Ok(verify(tx)?.first_bad),
    }
}

/// The chain in id order and every day close against it.
fn chain(tx: &Connection) -> rusqlite::Result<AuditReport> {
    let mut seen = HashSet::new();
    let report = links(tx, 0, GENESIS, &mut seen)?;
    if report.first_bad.is_some() {
        return Ok(report);
    }
    let AuditReport {
        entries,
        head: expected_prev,
        ..
    } = report;
    let mut closes =
        tx.prepare("SELECT date, audit_hash, audit_id FROM day_closes ORDER BY audit_id")?;
    let closes = closes
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    // The entry each close wrote: found by id among the entries just verified.
    let mut own = tx.prepare("SELECT action, subject, prev_hash FROM audit_log WHERE id = ?1")?;
    let mut first_bad = None;
    for (date, audit_hash, id) in closes {
        let entry: Option<(String, String, String)> = own
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        // Its own entry must be there (a cut starting at it removes the close's trace
        // entirely), be a day_closed of that date, and follow the head the close recorded.
        let own_ok = entry.as_ref().is_some_and(|(action, subject, prev)| {
            action == "day_closed" && *subject == date && *prev == audit_hash
        });
        if !own_ok {
            first_bad = Some(BadEntry {
                id,
                problem: Problem::DayCloseEntryMissing { date, audit_id: id },
            });
            break;
        }
        if audit_hash != GENESIS && !seen.contains(&audit_hash) {
            first_bad = Some(BadEntry {
                id,
                problem: Problem::DayCloseOffChain { date, audit_hash },
            });
            break;
        }
    }
    Ok(AuditReport {
        entries,
        head: expected_prev,
        first_bad,
    })
}

/// The entries after id `after`, in id order, the first linked to `from` (the hash of
/// entry `after`): each entry's link and hash; every hash met is put in `seen`.
fn links(
    tx: &Connection,
    after: i64,
    from: &str,
    seen: &mut HashSet<String>,
) -> rusqlite::Result<AuditReport> {
    let mut statement = tx.prepare(
        "SELECT id, at, clerk, action, subject, details_json, prev_hash, hash
         FROM audit_log WHERE id > ?1 ORDER BY id",
    )?;
    let mut rows = statement.query([after])?;
    let mut expected_prev = from.to_string();
    let mut entries = 0u64;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let fields: Result<Vec<String>, rusqlite::Error> = (1..8).map(|i| row.get(i)).collect();
        let bad = |problem| {
            Ok(AuditReport {
                entries,
                head: expected_prev.clone(),
                first_bad: Some(BadEntry { id, problem }),
            })
        };
        let fields = match fields {
            Ok(f) => f,
            Err(e) => {
                return bad(Problem::Unreadable {
                    detail: e.to_string(),
                });
            }
        };
        let [at, clerk, action, subject, details, prev_hash, hash] = fields.as_slice() else {
            return bad(Problem::Unreadable {
                detail: "wrong number of fields".into(),
            });
        };
        if *prev_hash != expected_prev {
            return bad(Problem::BrokenLink {
                expected: expected_prev.clone(),
                found: prev_hash.clone(),
            });
        }
        let computed = entry_hash(prev_hash, id, at, clerk, action, subject, details);
        if computed != *hash {
            return bad(Problem::WrongHash {
                expected: computed,
                found: hash.clone(),
            });
        }
        entries += 1;
        seen.insert(hash.clone());
        expected_prev = hash.clone();
    }
    Ok(AuditReport {
        entries,
        head: expected_prev,
        first_bad: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_encoding_is_length_prefixed_so_shifted_fields_hash_differently() {
        let a = entry_hash(GENESIS, 1, "t", "ab", "c", "s", "{}");
        let b = entry_hash(GENESIS, 1, "t", "a", "bc", "s", "{}");
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
    }

    #[test]
    fn the_hash_is_sha256_of_the_documented_encoding() {
        // Recomputed by hand from the documented encoding, so a change of encoding (which
        // would break every existing register's chain) fails here.
        let mut bytes = Vec::new();
        for field in ["p", "7", "t", "c", "a", "s", "{}"] {
            bytes.extend_from_slice(&(field.len() as u64).to_be_bytes());
            bytes.extend_from_slice(field.as_bytes());
        }
        let expected: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(entry_hash("p", 7, "t", "c", "a", "s", "{}"), expected);
    }
}
