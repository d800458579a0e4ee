//! `kense backup` and `kense audit head` (issue 15): an online copy of the register, and
//! the chain head to keep somewhere else.
//!
//! The copy is SQLite's `VACUUM INTO` on a read transaction: one consistent snapshot while
//! other clerks go on writing (WAL readers never block writers), written into a file kense
//! creates first, new and private (0600), so the personal data it holds is never readable
//! by others, not even for the moment before a `chmod`. The copy is then opened on its
//! own and checked as `audit verify` checks the register.

use super::audit::GENESIS;
use super::{AuditReport, Clerk, Location, Store, StoreError};
use serde::Serialize;
use std::fs;
use std::path::{Path, PathBuf};

/// The head of the audit chain: what to copy to another place each evening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditHead {
    /// The entries in the log.
    pub entries: u64,
    /// The hash of the last entry ([`GENESIS`] for an empty log).
    pub head: String,
}

/// A copy made and checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Backup {
    pub path: PathBuf,
    /// The copy's audit chain, verified whole.
    pub audit: AuditReport,
}

impl Store {
    /// The audit chain's head and length now, as the last entry says (unchecked: `audit
    /// verify` checks the chain that leads to it).
    pub fn audit_head(&self) -> Result<AuditHead, StoreError> {
        let sqlite = |e| StoreError::from_sqlite(&self.path, self.busy_timeout, e);
        let (entries, head): (i64, Option<String>) = self
            .conn
            .query_row(
                "SELECT COUNT(*), (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1)
                 FROM audit_log",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(sqlite)?;
        Ok(AuditHead {
            entries: u64::try_from(entries).unwrap_or_default(),
            head: head.unwrap_or_else(|| GENESIS.to_string()),
        })
    }

    /// Copies the register into `target`, a file that must not exist yet (a backup never
    /// overwrites), made 0600, then opens the copy and checks it (`PRAGMA quick_check`,
    /// the whole audit chain). A copy that could not be written is removed; one that
    /// fails its check is kept, for whoever investigates, and the error says so.
    ///
    /// Under the setgid installation (issue 15) the copy is written and checked with the
    /// clerk's own rights: a file of the clerk's, where the clerk may write, never one the
    /// office's group may (the register's directory). The register's files are open already.
    pub fn backup_to(&self, target: &Path) -> Result<Backup, StoreError> {
        crate::office::group::with_own_rights(|| self.copy_to(target))
            .map_err(|e| StoreError::Backup {
                path: target.to_path_buf(),
                detail: format!("cannot take the clerk's own rights: {e}"),
            })
            .and_then(|made| made)
    }

    /// [`Store::backup_to`]'s copy and check.
    fn copy_to(&self, target: &Path) -> Result<Backup, StoreError> {
        let failed = |detail: String| StoreError::Backup {
            path: target.to_path_buf(),
            detail,
        };
        let name = target
            .to_str()
            .ok_or_else(|| failed("the file name is not UTF-8".into()))?;
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        options.open(target).map_err(|e| failed(e.to_string()))?;
        // VACUUM INTO is its own read transaction (it refuses to run inside one): one
        // snapshot of the register, whatever is committed meanwhile.
        if let Err(e) = self.conn.execute("VACUUM INTO ?1", [name]) {
            let _ = fs::remove_file(target);
            let e = StoreError::from_sqlite(&self.path, self.busy_timeout, e);
            return Err(failed(e.to_string()));
        }
        let clerk = Clerk::new(self.clerk.as_str())?;
        let mut copy = Store::open_read_only(&Location::existing(target), clerk)
            .map_err(|e| failed(format!("the copy cannot be opened: {e}")))?;
        let audit = match copy.verify_register() {
            Err(e @ StoreError::Corrupt { .. }) => {
                return Err(failed(format!("the copy fails its check: {e}")));
            }
            verified => verified?,
        };
        Ok(Backup {
            path: target.to_path_buf(),
            audit,
        })
    }
}
