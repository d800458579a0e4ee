//! The audit chain as the demo extends it: one entry per batch and per day closed.

use crate::office::Clock;
use crate::store::audit::{GENESIS, entry_hash};
use crate::store::ops::now;
use rusqlite::{Connection, OptionalExtension, params};

/// The audit chain's end inside the demo's write transaction, kept in memory.
pub(super) struct Chain {
    id: i64,
    pub(super) head: String,
    pub(super) at: String,
    pub(super) clerk: String,
}

impl Chain {
    /// Reads the head again: another clerk may have written between two transactions.
    pub(super) fn load(conn: &Connection, clock: &Clock, clerk: &str) -> rusqlite::Result<Chain> {
        let last: Option<(i64, String)> = conn
            .query_row(
                "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (id, head) = last.unwrap_or((0, GENESIS.to_string()));
        Ok(Chain {
            id,
            head,
            at: now(clock),
            clerk: clerk.to_string(),
        })
    }

    /// Appends an entry after the head, with the chain's encoding (`audit.rs`).
    pub(super) fn append(
        &mut self,
        conn: &Connection,
        action: &str,
        subject: &str,
        details: &str,
    ) -> rusqlite::Result<i64> {
        let id = self.id + 1;
        let hash = entry_hash(
            &self.head,
            id,
            &self.at,
            &self.clerk,
            action,
            subject,
            details,
        );
        let mut insert = conn.prepare_cached(
            "INSERT INTO audit_log (id, at, clerk, action, subject, details_json, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        insert.execute(params![
            id, self.at, self.clerk, action, subject, details, self.head, hash
        ])?;
        self.id = id;
        self.head = hash;
        Ok(id)
    }
}
