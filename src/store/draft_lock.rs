//! Issue 11: one session at a time fills a clerk's draft. Drafts are per OS account (one
//! row a clerk, `drafts.rs`), so a clerk logged in twice would have two sessions saving
//! over each other's draft. The session that opens first holds an advisory lock (`flock`)
//! on a small file beside the register, `<register>-draft-<clerk>.lock`, with its host,
//! process and start time written in it; a second session finds the lock taken and reads
//! who holds it. The operating system lets the lock go when the holder's process ends, so a
//! killed or hung-up session never holds a draft for good, and no schema change is needed.
//! The file holds no personal data: a host name, a process id and a time.

use chrono::NaiveDateTime;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

/// The session that holds a clerk's draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftHolder {
    pub host: String,
    pub pid: u32,
    /// When it started, office time (`YYYY-MM-DD HH:MM`).
    pub started: String,
}

/// The lock of this session on its clerk's draft: held while the value lives.
#[derive(Debug)]
pub struct DraftLock {
    _file: File,
}

/// Who fills the clerk's draft.
#[derive(Debug)]
pub enum DraftHold {
    /// This session: it may save and discard the draft.
    Mine(DraftLock),
    /// Another live session; this one must not write the draft.
    Other(DraftHolder),
}

/// The lock file of `clerk`'s draft in the register at `register`: named by a digest of the
/// account, so the shared directory's listing names nobody.
pub(crate) fn lock_path(register: &Path, clerk: &str) -> PathBuf {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(clerk.as_bytes());
    let tag: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    let mut name = register.as_os_str().to_owned();
    name.push(format!("-draft-{tag}.lock"));
    PathBuf::from(name)
}

/// Takes the draft of `clerk` for this session (process `pid` on `host`, started at
/// `started`), or says which session holds it.
pub fn hold(
    register: &Path,
    clerk: &str,
    host: &str,
    pid: u32,
    started: NaiveDateTime,
) -> io::Result<DraftHold> {
    let path = lock_path(register, clerk);
    // Never through a link someone left in its place.
    if let Ok(meta) = std::fs::symlink_metadata(&path)
        && !meta.file_type().is_file()
    {
        return Err(io::Error::other("the draft's lock is not a plain file"));
    }
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Not through a link put there between the check above and the open.
        options.mode(0o600).custom_flags(nix::libc::O_NOFOLLOW);
    }
    let mut file = options.open(&path)?;
    match file.try_lock() {
        Ok(()) => {
            file.set_len(0)?;
            file.rewind()?;
            let started = started.format("%Y-%m-%d %H:%M");
            write!(file, "{host}\n{pid}\n{started}\n")?;
            file.flush()?;
            Ok(DraftHold::Mine(DraftLock { _file: file }))
        }
        Err(TryLockError::WouldBlock) => {
            let mut text = String::new();
            file.read_to_string(&mut text)?;
            let mut lines = text.lines();
            let mut next = || lines.next().unwrap_or("?").to_string();
            let host = next();
            let pid = next().parse().unwrap_or(0);
            let started = next();
            Ok(DraftHold::Other(DraftHolder { host, pid, started }))
        }
        Err(TryLockError::Error(e)) => Err(e),
    }
}

/// This machine's name, for the holder's line ("?" when it cannot be read).
pub fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "?".to_string())
}

impl super::Store {
    /// [`hold`] for this register and its clerk.
    pub fn hold_draft(&self, pid: u32, started: NaiveDateTime) -> io::Result<DraftHold> {
        hold(&self.path, self.clerk.as_str(), &host_name(), pid, started)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 4)
            .and_then(|d| d.and_hms_opt(9, 5, 0))
            .unwrap_or_else(|| panic!("a valid time"))
    }

    #[test]
    fn a_second_session_of_the_same_clerk_finds_the_first_and_the_lock_goes_with_it() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let register = dir.path().join("register.sqlite");
        let first = hold(&register, "aigul", "desk1", 4242, at()).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(first, DraftHold::Mine(_)));
        let second = hold(&register, "aigul", "desk2", 77, at()).unwrap_or_else(|e| panic!("{e}"));
        match second {
            DraftHold::Other(holder) => assert_eq!(
                holder,
                DraftHolder {
                    host: "desk1".into(),
                    pid: 4242,
                    started: "2026-12-04 09:05".into()
                }
            ),
            DraftHold::Mine(_) => panic!("two sessions hold one draft"),
        }
        // Another clerk's draft is another lock.
        let boris = hold(&register, "boris", "desk2", 77, at()).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(boris, DraftHold::Mine(_)));
        // The first session ends: the next one holds the draft.
        drop(first);
        let third = hold(&register, "aigul", "desk2", 78, at()).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(third, DraftHold::Mine(_)));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(lock_path(&register, "aigul"))
                .map(|m| m.permissions().mode() & 0o777)
                .unwrap_or_default();
            assert_eq!(mode, 0o600);
        }
    }
}
