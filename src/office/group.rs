//! The office's group (issue 15): the setgid installation, as `crontab` is installed.
//!
//! The register belongs to a system group (`kense`), mode 0660, in a directory of that
//! group; clerks are not in it; the `kense` binary is setgid to it. A clerk then reaches the
//! register only through kense, whose rules (staff, roles, sealed days, the audit chain)
//! stand between them and the file. In return kense must not lend the group's rights to
//! anything else the clerk asks for: it opens only the office's register (never `--db`),
//! keeps only the environment it needs, and reads and writes every file the clerk names
//! (a PDF, a backup, an import, the clerk's own preferences) with the clerk's own rights,
//! [`with_own_rights`].

use nix::unistd::{Gid, Group, getegid, getgid, setegid};
use std::io;

/// What `PATH` is under setgid: `lp` (the office's queue) is looked up here, never in a
/// directory the clerk chose, which would run the clerk's program with the group's rights.
pub const SAFE_PATH: &str = "/usr/bin:/bin";

/// The environment kense keeps under setgid: the terminal, the language, where the
/// clerk's own preferences are (read with the clerk's rights), and the variables kense
/// refuses or checks itself (`KENSE_DB` is refused, `KENSE_CONFIG` taken only when the
/// administrator's, `KENSE_CLERK` noted). Everything else goes, among it `KENSE_NOW` (a
/// clock set by hand), `KENSE_BUSY_TIMEOUT`, `TMPDIR` and `SQLITE_TMPDIR` (where SQLite
/// would write temporary files of the register's data), `TZ` and `PATH`.
const KEPT: &[&str] = &[
    "HOME",
    "USER",
    "LOGNAME",
    "LANG",
    "LANGUAGE",
    "TERM",
    "COLORTERM",
    "NO_COLOR",
    "TMUX",
    "STY",
    "COLUMNS",
    "LINES",
    "XDG_CONFIG_HOME",
    "KENSE_CLERK_CONFIG",
    "KENSE_CONFIG",
    "KENSE_DB",
    "KENSE_CLERK",
    // The head's forwarded agent, which `day close --sign` signs with (run with the
    // clerk's own rights, never the group's: `cli::sign`).
    "SSH_AUTH_SOCK",
];

/// Whether the process runs with a group it was not started with: the binary is setgid
/// (real gid != effective gid). Inside [`with_own_rights`] it is not.
pub fn is_setgid() -> bool {
    getgid() != getegid()
}

/// Whether this is the office's installation: kense runs setgid, or its effective group is
/// the office's group (a member of the group, such as the administrator, runs it). Either
/// way the register is the office's and no other.
pub fn is_office_install(group: &str) -> bool {
    is_setgid() || group_id(group).is_some_and(|gid| gid == getegid())
}

/// The id of a group by name; `None` when there is no such group.
pub fn group_id(name: &str) -> Option<Gid> {
    Group::from_name(name).ok().flatten().map(|g| g.gid)
}

/// The name of a group by id, for messages (the number when it has no name).
pub fn group_name(gid: u32) -> String {
    Group::from_gid(Gid::from_raw(gid))
        .ok()
        .flatten()
        .map_or_else(|| gid.to_string(), |g| g.name)
}

/// Runs `f` with the clerk's own group rights (the real gid) when kense runs setgid, and
/// gives the group's back afterwards; without setgid, just runs `f`. Whatever `f` opens or
/// creates is then checked against the clerk's rights and owned by the clerk's group: a
/// PDF or a backup written where the clerk may not write fails as it would for the clerk,
/// and one written into the register's directory is refused.
///
/// The effective gid is the whole process's (every thread's): the register's files are
/// open before (SQLite keeps them open), so a thread using the register meanwhile is not
/// disturbed. A child started inside (`lp`) starts without the group at all (its saved gid
/// is the effective one at exec).
///
/// One thread at a time: the print worker and the screen's thread may both name files, and
/// the one ending first must not give the group's rights back while the other's file is
/// being written. A call inside another on the same thread just runs `f`.
pub fn with_own_rights<T>(f: impl FnOnce() -> T) -> io::Result<T> {
    if OWN_RIGHTS_HERE.with(std::cell::Cell::get) {
        return Ok(f());
    }
    // A poisoned lock only means another thread panicked inside: the ids are still right.
    let _turn = OWN_RIGHTS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let (real, effective) = (getgid(), getegid());
    if real == effective {
        return Ok(f());
    }
    setegid(real).map_err(io::Error::from)?;
    OWN_RIGHTS_HERE.with(|here| here.set(true));
    let done = f();
    OWN_RIGHTS_HERE.with(|here| here.set(false));
    // Failing, kense goes on with the clerk's own rights, the safe side: the register's
    // next open fails rather than anything else getting the group's.
    let _ = setegid(effective);
    Ok(done)
}

/// Whose turn it is to run with the clerk's own rights (see [`with_own_rights`]).
static OWN_RIGHTS: std::sync::Mutex<()> = std::sync::Mutex::new(());

thread_local! {
    /// This thread runs inside [`with_own_rights`] now.
    static OWN_RIGHTS_HERE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Under setgid, keeps only the environment of [`KEPT`] (and the `LC_*` of the locale) and
/// sets `PATH` to [`SAFE_PATH`]; otherwise does nothing.
///
/// # Safety
///
/// Changes the process's environment: call it before any other thread is started (first
/// thing in `main`), as `std::env::remove_var` requires.
pub unsafe fn secure_environment() {
    if !is_setgid() {
        return;
    }
    for (name, _) in std::env::vars_os() {
        let keep = name
            .to_str()
            .is_some_and(|n| KEPT.contains(&n) || n.starts_with("LC_"));
        if !keep {
            // SAFETY: the caller guarantees no other thread runs yet.
            unsafe { std::env::remove_var(&name) };
        }
    }
    // SAFETY: as above.
    unsafe { std::env::set_var("PATH", SAFE_PATH) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_setgid_own_rights_just_run() {
        // The tests' process is not setgid: nothing to drop, the closure runs as is.
        assert!(!is_setgid());
        let got = with_own_rights(|| 41 + 1).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(got, 42);
        assert_eq!(getgid(), getegid());
    }

    #[test]
    fn groups_are_found_by_name_and_id() {
        assert_eq!(group_id("no-such-group-kense-test"), None);
        let own = getgid();
        let name = group_name(own.as_raw());
        if name != own.as_raw().to_string() {
            assert_eq!(group_id(&name), Some(own));
        }
    }
}
