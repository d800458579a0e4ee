//! The register's checks: SQLite's `quick_check` of the whole file and the audit log's
//! (issue 15), the two together on threads for `kense audit verify`.

use super::{AuditReport, Store, StoreError, audit};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

/// How much of the file a checking connection maps into memory instead of reading it
/// through the kernel page by page: a checking walk reads all of it (SQLite caps it at
/// 2 GiB unless built otherwise).
const MAP_FOR_CHECKS: i64 = 1 << 31;

/// How long the gate of the threads' snapshots waits for the write lock.
const GATE_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

impl Store {
    /// SQLite's `PRAGMA quick_check` over the whole file: [`StoreError::Corrupt`] naming
    /// the first problems when it fails. It reads every page (seconds on a large register),
    /// which is why opening does not run it and `kense audit verify` does.
    pub fn quick_check(&self) -> Result<(), StoreError> {
        let sqlite = |e| self.sqlite_error(e);
        let verdict: Vec<String> = {
            let mut statement = self.conn.prepare("PRAGMA quick_check").map_err(sqlite)?;
            let rows = statement.query_map([], |r| r.get(0)).map_err(sqlite)?;
            rows.collect::<Result<_, _>>().map_err(sqlite)?
        };
        self.sound(verdict)
    }

    /// [`StoreError::Corrupt`] unless `quick_check` said `ok`.
    fn sound(&self, verdict: Vec<String>) -> Result<(), StoreError> {
        if verdict != ["ok"] {
            return Err(StoreError::Corrupt {
                path: self.path.clone(),
                detail: verdict.into_iter().take(3).collect::<Vec<_>>().join("; "),
            });
        }
        Ok(())
    }

    /// Walks the audit log's hash chain and the day closes, the tables against the log and
    /// every row against its digest; names the first bad entry.
    pub fn verify_audit(&mut self) -> Result<AuditReport, StoreError> {
        self.verify_with(false).map(|(_, report)| report)
    }

    /// [`Store::quick_check`] and [`Store::verify_audit`] at once, on as many threads as
    /// the machine has (up to 4), in one snapshot of the register (`audit/parallel.rs`):
    /// `kense audit verify`, the check before a day's close, and a backup's.
    pub fn verify_register(&mut self) -> Result<AuditReport, StoreError> {
        let (verdict, report) = self.verify_with(true)?;
        self.sound(verdict)?;
        Ok(report)
    }

    fn verify_with(&mut self, quick_check: bool) -> Result<(Vec<String>, AuditReport), StoreError> {
        let (path, waited) = (self.path.clone(), self.busy_timeout);
        let sqlite = |e| StoreError::from_sqlite(&path, waited, e);
        // Another read-only connection to the same file, for another thread.
        let reader = || {
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let conn = Connection::open_with_flags(&path, flags)?;
            conn.busy_timeout(waited)?;
            conn.pragma_update(None, "mmap_size", MAP_FOR_CHECKS)?;
            Ok(conn)
        };
        // The gate: it takes the write lock for the milliseconds the snapshots take to
        // begin, never writes (never creates the file: it exists, this store has it open).
        let writer = || {
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let conn = Connection::open_with_flags(&path, flags)?;
            // A clerk's write ends in milliseconds; past a second, the check goes on
            // without the gate (on one connection) rather than wait.
            conn.busy_timeout(waited.min(GATE_WAIT))?;
            Ok(conn)
        };
        let open = audit::Openers {
            reader: &reader,
            writer: &writer,
        };
        // A read transaction: one consistent snapshot while other clerks keep writing.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .map_err(sqlite)?;
        let found = audit::verify_parallel(&tx, &open, quick_check).map_err(sqlite)?;
        tx.finish().map_err(sqlite)?;
        Ok(found)
    }
}
