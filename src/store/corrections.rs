//! The trace of corrections: each `formulary correct` keeps the formulary's earlier JSON
//! and the SHA-256 of the earlier and the new JSON, so a correction can be read back and
//! checked against the audit entry that carries the same two hashes.

use super::{Store, StoreError};
use rusqlite::{Transaction, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// One correction of a formulary's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Correction {
    /// 1 for the formulary's first correction, and so on.
    pub seq: i64,
    /// UTC, as the audit log's clock.
    pub at: String,
    pub clerk: String,
    /// The SHA-256 (lowercase hex) of the JSON before and after the correction.
    pub old_sha256: String,
    pub new_sha256: String,
    /// The formulary's JSON before the correction.
    pub old_json: String,
    pub audit_id: i64,
}

/// SHA-256 of `text`, lowercase hex.
pub(super) fn sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Records a correction of formulary row `id` inside the caller's transaction.
pub(super) fn record(tx: &Transaction<'_>, id: i64, c: &Correction) -> rusqlite::Result<i64> {
    let seq: i64 = tx.query_row(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM corrections WHERE formulary_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO corrections (formulary_id, seq, at, clerk, old_json, old_sha256,
            new_sha256, audit_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            seq,
            c.at,
            c.clerk,
            c.old_json,
            c.old_sha256,
            c.new_sha256,
            c.audit_id
        ],
    )?;
    Ok(seq)
}

impl Store {
    /// The corrections of formulary `number` (spaces around it ignored), oldest first (none
    /// for an unknown number).
    pub fn corrections(&self, number: &str) -> Result<Vec<Correction>, StoreError> {
        let number = super::numbers::registration_key(number);
        let sqlite = self.sqlite_fn();
        let mut statement = self
            .conn
            .prepare(
                "SELECT c.seq, c.at, c.clerk, c.old_sha256, c.new_sha256, c.old_json, c.audit_id
                 FROM corrections c JOIN formularies f ON f.id = c.formulary_id
                 WHERE f.number = ?1 ORDER BY c.seq",
            )
            .map_err(&sqlite)?;
        let rows = statement
            .query_map([number], |r| {
                Ok(Correction {
                    seq: r.get(0)?,
                    at: r.get(1)?,
                    clerk: r.get(2)?,
                    old_sha256: r.get(3)?,
                    new_sha256: r.get(4)?,
                    old_json: r.get(5)?,
                    audit_id: r.get(6)?,
                })
            })
            .map_err(&sqlite)?;
        rows.collect::<Result<_, _>>().map_err(&sqlite)
    }
}
