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
// The chain's links and the day closes against it.
mod chain;
use chain::chain;
pub(super) use chain::verify_since;
// Row digests: their definition, the seal of each write, the check (issue 15).
pub(crate) mod digest;
pub(in crate::store) mod keys;
mod parallel;
mod problem;
mod rows;
#[cfg(test)]
mod verify_tests;
pub(in crate::store) use parallel::{Openers, verify_parallel};
pub(in crate::store) mod seal;
pub use problem::Problem;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

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
    digest::hex(&entry_digest(
        prev_hash,
        id,
        at,
        clerk,
        action,
        subject,
        details_json,
    ))
}

/// [`entry_hash`] as bytes.
pub(super) fn entry_digest(
    prev_hash: &str,
    id: i64,
    at: &str,
    clerk: &str,
    action: &str,
    subject: &str,
    details_json: &str,
) -> [u8; 32] {
    let mut id_text = itoa_buffer();
    let id = format_id(&mut id_text, id);
    let mut hasher = Sha256::new();
    for field in [prev_hash, id, at, clerk, action, subject, details_json] {
        hasher.update((field.len() as u64).to_be_bytes());
        hasher.update(field.as_bytes());
    }
    hasher.finalize().into()
}

/// Room for an i64 in decimal.
fn itoa_buffer() -> [u8; 20] {
    [0; 20]
}

/// `id` in decimal, written into `buffer` (no allocation: the chain walk hashes millions).
fn format_id(buffer: &mut [u8; 20], id: i64) -> &str {
    use std::io::Write;
    let mut cursor = std::io::Cursor::new(&mut buffer[..]);
    // 20 bytes hold every i64 ("-9223372036854775808").
    let _ = write!(cursor, "{id}");
    let written = usize::try_from(cursor.position()).unwrap_or(0);
    std::str::from_utf8(&buffer[..written]).unwrap_or("")
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
