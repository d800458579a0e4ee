//! The register file on disk: made private when new (or empty), its header checked before
//! kense writes to it, switched to WAL, and its schema brought up to date.

use super::numbers::name_key;
use super::schema::{MIGRATIONS, SCHEMA_VERSION};
use super::{Location, StoreError};
use rusqlite::{Connection, OpenFlags};
use std::fs;
use std::io::ErrorKind;
use std::path::Path;
use std::time::Duration;

/// Makes sure a file is there to open, with the right permissions, before SQLite sees it.
pub(super) fn prepare_file(location: &Location) -> Result<(), StoreError> {
    let path = &location.path;
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(StoreError::NotSqlite { path: path.clone() }),
        // Checked on the mode bits, not by trying: root may write a 0400 file, and the
        // clerk who made it read-only meant it.
        Ok(meta) if meta.permissions().readonly() => {
            Err(StoreError::ReadOnly { path: path.clone() })
        }
        Ok(_) => match fs::OpenOptions::new().write(true).open(path) {
            Ok(_) => Ok(()),
            Err(e) if e.kind() == ErrorKind::PermissionDenied => {
                Err(StoreError::ReadOnly { path: path.clone() })
            }
            Err(source) => Err(StoreError::Io {
                path: path.clone(),
                source,
            }),
        },
        // Issue 15: the office's register is the administrator's to make (for the head
        // they choose, docs/DEPLOY.md), never a clerk's kense's: a missing one is missing.
        Err(e) if e.kind() == ErrorKind::NotFound && (!location.create || location.shared) => {
            Err(StoreError::Missing { path: path.clone() })
        }
        Err(e) if e.kind() == ErrorKind::NotFound => create_private(path),
        Err(source) => Err(StoreError::Io {
            path: path.clone(),
            source,
        }),
    }
}

/// The mode of a register of one account: no other account may read personal data.
const PRIVATE: u32 = 0o600;
/// The mode of the office's register under the setgid installation (issue 15): its group
/// (kense's, which clerks reach only through the setgid binary) reads and writes it.
const SHARED: u32 = 0o660;

/// Creates the missing directories 0700 and an empty file 0600: a register holds personal
/// data, so no other account may read it, and SQLite gives its -wal and -shm files the
/// main file's permissions.
fn create_private(path: &Path) -> Result<(), StoreError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(dir).map_err(|source| StoreError::Create {
            path: path.to_path_buf(),
            source,
        })?;
    }
    create_file(path, PRIVATE)
}

/// Creates an empty file of exactly `mode`: set again after the create, since the umask
/// takes bits off the create's mode (a clerk's umask 027 would leave a shared register
/// 0640, which the next clerk's kense cannot write, and SQLite gives the -wal and -shm
/// the register's mode). The directory must exist.
fn create_file(path: &Path, mode: u32) -> Result<(), StoreError> {
    let create_error = |source| StoreError::Create {
        path: path.to_path_buf(),
        source,
    };
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
    match options.open(path) {
        #[cfg(unix)]
        Ok(file) => {
            use std::os::unix::fs::PermissionsExt;
            file.set_permissions(fs::Permissions::from_mode(mode))
                .map_err(create_error)
        }
        #[cfg(not(unix))]
        Ok(_) => Ok(()),
        // Another clerk's kense created it a moment ago: open theirs.
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(create_error(e)),
    }
}

/// Makes an existing file that kense is about to turn into a register private (0600), as
/// a new one is made ([`create_private`]): an empty file given as `--db` (`: > f.sqlite`
/// leaves it 0644 under the usual umask), or an SQLite file with no tables yet. Called
/// before SQLite opens it for writing, so its -wal and -shm files are made private too.
///
/// A register that already holds kense's tables keeps the mode it has: who may read it
/// is its administrator's decision (several OS accounts sharing one register through a
/// group, 0660, is a deliberate setup), kense cannot tell a deliberate mode from a
/// careless one, and only the file's owner could change it anyway. kense decides only
/// for the files whose content it makes.
///
/// The office's register of the setgid installation (`shared`) is made 0660 instead
/// (issue 15): exactly, so that the group can write it and others cannot read it.
pub(super) fn make_private(path: &Path, shared: bool) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = fs::metadata(path).map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mode = meta.permissions().mode() & 0o777;
        let (wanted, wrong) = if shared {
            (SHARED, mode != SHARED)
        } else {
            (PRIVATE, mode & 0o077 != 0)
        };
        if wrong {
            // Not the owner (EPERM): refused rather than filled with personal data that
            // others may read.
            fs::set_permissions(path, fs::Permissions::from_mode(wanted)).map_err(|source| {
                StoreError::Create {
                    path: path.to_path_buf(),
                    source,
                }
            })?;
        }
    }
    #[cfg(not(unix))]
    let _ = (path, shared);
    Ok(())
}

/// Issue 15: SQLite writes the register's pages (personal data) into `-wal` (and maps
/// `-shm`, and may write `-journal`) beside it, and takes such a file as it finds it. One
/// planted there beforehand, world-writable or a link, would receive the data. So each
/// that exists must be a plain file granting its group and others no permission the
/// register does not, and,
/// when it grants its group any, of the register's group. Checked before any connection.
pub(super) fn check_sidecars(path: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let io = |source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        };
        let register = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(io(e)),
        };
        for sidecar in sidecars(path) {
            let meta = match fs::symlink_metadata(&sidecar) {
                Ok(meta) => meta,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(io(e)),
            };
            if sidecar_is_loose(register.mode(), register.gid(), &meta) {
                return Err(StoreError::LooseSidecar { path: sidecar });
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// The files SQLite keeps beside the register: `-wal`, `-shm`, `-journal`.
pub fn sidecars(path: &Path) -> [std::path::PathBuf; 3] {
    ["-wal", "-shm", "-journal"].map(|suffix| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        std::path::PathBuf::from(name)
    })
}

/// Whether a file beside the register (its `symlink_metadata`) would leak what SQLite
/// writes into it: not a plain file, or granting its group or others a permission the
/// register (`mode`, `gid`) does not, or granting its group any under another group. The
/// group's and others' bits only: the owner's own are no leak (a 0400 copy of a register
/// may keep the 0600 files its writer left). A shared register (0660, the office's group)
/// takes the 0660 files of its group that SQLite makes for it (issue 15).
#[cfg(unix)]
pub fn sidecar_is_loose(mode: u32, gid: u32, sidecar: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    let looser = sidecar.mode() & 0o077 & !(mode & 0o077) != 0;
    let other_group = sidecar.mode() & 0o070 != 0 && sidecar.gid() != gid;
    !sidecar.file_type().is_file() || looser || other_group
}

/// Whether this process's account may become the first head of a new register by writing
/// to it. Issue 15: a register its group may write (the setgid installation) is made empty
/// by the administrator for the head they chose (its owner), and any clerk's kense can
/// write it: there, only its owner; elsewhere the account that could write the file.
pub(super) fn may_found(conn: &Connection) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Some(path) = conn.path().filter(|p| !p.is_empty()) else {
        return true;
    };
    match std::fs::metadata(path) {
        Ok(meta) if meta.mode() & 0o020 != 0 => meta.uid() == nix::unistd::getuid().as_raw(),
        _ => true,
    }
}

/// The checks that must pass before anything is written, through a read-only connection
/// so that a refused file is left exactly as it was: an SQLite file (its header), a schema
/// this binary knows, and, at version 0, no tables of anyone else's. Returns the schema
/// version found.
///
/// Only cheap checks: `PRAGMA quick_check` reads every page, seconds at a million rows, so
/// it runs in `kense audit verify` ([`Store::quick_check`]), not on every open. A damaged
/// page is still caught when a command reads it, as SQLITE_CORRUPT, before any write.
pub(super) fn check_before_writing(path: &Path, waited: Duration) -> Result<usize, StoreError> {
    let sqlite = |e| StoreError::from_sqlite(path, waited, e);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(sqlite)?;
    conn.busy_timeout(waited).map_err(sqlite)?;
    check_header(&conn, path, waited)
}

/// The header checks of [`check_before_writing`] on an open connection.
pub(super) fn check_header(
    conn: &Connection,
    path: &Path,
    waited: Duration,
) -> Result<usize, StoreError> {
    let sqlite = |e| StoreError::from_sqlite(path, waited, e);
    // The version and the tables in one statement, so from one snapshot of the file: read
    // apart, another clerk's first migration could commit in between, and a new register
    // would look like "version 0 with tables" (another application's) and be refused.
    // Reading the schema also makes SQLite parse the header: a text file fails here.
    let (version, objects): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version),
                    (SELECT count(*) FROM sqlite_schema)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(sqlite)?;
    let found = usize::try_from(version).unwrap_or(usize::MAX);
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    // Version 0 with tables: another application's database (kense sets the version in
    // the same transaction that creates its first table). Never add ours to it.
    if found == 0 && objects > 0 {
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
        });
    }
    Ok(found)
}

/// `PRAGMA journal_mode = WAL`, tried again until `waited` has passed while it is busy.
///
/// A new register is in rollback mode until its first open switches it. Two clerks
/// opening it at that moment both read it first (a shared lock) and then need it
/// exclusively; SQLite sees that neither can wait for the other and answers SQLITE_BUSY at
/// once, without the busy handler. Here the second one waits and tries again, by which
/// time the register is in WAL mode and the switch is a no-op.
pub(super) fn switch_to_wal(conn: &Connection, waited: Duration) -> rusqlite::Result<String> {
    let started = std::time::Instant::now();
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)) {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy && started.elapsed() < waited =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            other => return other,
        }
    }
}

/// Brings the schema to [`SCHEMA_VERSION`].
///
/// rusqlite_migration reads the version before its transaction begins, so two clerks
/// opening a new register at the same moment may both try the first migration; the second
/// then fails on tables that now exist. When the version moved under us like that, the
/// other kense did the work: read it again rather than fail.
pub(super) fn migrate(
    conn: &mut Connection,
    path: &Path,
    waited: Duration,
) -> Result<(), StoreError> {
    let version = |conn: &Connection| MIGRATIONS.current_version(conn).map(usize::from);
    for _ in 0..3 {
        let before = version(conn);
        match MIGRATIONS.to_latest(conn) {
            Ok(()) => return Ok(()),
            Err(error) => {
                if version(conn).is_ok_and(|now| Ok(now) != before) {
                    continue;
                }
                return Err(match error {
                    rusqlite_migration::Error::RusqliteError { err, .. } => {
                        StoreError::from_sqlite(path, waited, err)
                    }
                    other => StoreError::Sqlite {
                        path: path.to_path_buf(),
                        message: other.to_string(),
                    },
                });
            }
        }
    }
    Err(StoreError::Sqlite {
        path: path.to_path_buf(),
        message: "the schema kept changing while it was being upgraded".into(),
    })
}

/// Keys the names of the rows that have no search key yet (schema version 8, issue 11):
/// every row of a register upgraded from an earlier version, none afterwards. Found on the name
/// indexes (`surname_fold = ''`), so a register with nothing to key pays two index probes.
/// One transaction: a cut-short run is done again by the next writing open.
pub(super) fn key_names(
    conn: &mut Connection,
    path: &Path,
    waited: Duration,
) -> Result<(), StoreError> {
    let sqlite = |e| StoreError::from_sqlite(path, waited, e);
    let tx = conn.transaction().map_err(sqlite)?;
    let unkeyed: Vec<(i64, String, String)> = {
        let mut statement = tx
            .prepare(
                "SELECT id, surname, given_name FROM formularies WHERE surname_fold = ''
                 UNION SELECT id, surname, given_name FROM formularies WHERE given_fold = ''",
            )
            .map_err(sqlite)?;
        let rows = statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(sqlite)?;
        rows.collect::<Result<_, _>>().map_err(sqlite)?
    };
    if unkeyed.is_empty() {
        return Ok(());
    }
    {
        let mut update = tx
            .prepare("UPDATE formularies SET surname_fold = ?2, given_fold = ?3 WHERE id = ?1")
            .map_err(sqlite)?;
        for (id, surname, given) in unkeyed {
            update
                .execute(rusqlite::params![id, name_key(&surname), name_key(&given)])
                .map_err(sqlite)?;
        }
    }
    tx.commit().map_err(sqlite)
}
