//! The register: one local SQLite file, the only place kense keeps anything, and the only
//! module that speaks SQL.
//!
//! Several clerks work on one register at once, each running their own `kense` over SSH.
//! So the file is opened in WAL mode (readers never wait for a writer), with
//! `synchronous=FULL` (a save the clerk saw confirmed survives a power loss), foreign keys
//! on, and a busy timeout; every write is one transaction begun IMMEDIATE, which takes the
//! write lock up front, so concurrent clerks wait their turn instead of failing halfway.
//!
//! Opening never changes a file it refuses: a missing, read-only, locked, non-SQLite,
//! foreign (another application's database), damaged or newer-schema register is checked
//! through a read-only connection first and given back as a [`StoreError`]. Commands that
//! only read use [`Store::open_read_only`], which changes nothing at all.

mod audit;
// Backups and the audit head (issue 15).
mod backup;
mod births;
mod clock_guard;
mod columns;
// The demo register in bulk (issue 7).
pub mod demo;
pub mod dsn;
mod error;
mod file;
mod ops;
mod schema;
// `audit verify` and the file's check (issue 15).
mod verify;
// The register of formularies (issue 4): see each module's docs.
mod corrections;
pub(crate) mod draft_lock;
mod drafts;
mod emigration;
mod formularies;
mod known;
mod move_records;
mod move_steps;
mod moves;
pub mod numbers;
mod persons;
// What the papers read, and the record of every print (issue 13).
mod papers;
mod records;
mod report;
mod search;
mod sessions;
// Staff and roles (issue 12).
mod days;
mod queue;
mod roles;
mod staff;
// The day's review (issue 12).
mod day;
// Issue 15: heads' signatures on day closes.
mod day_sign;

pub use audit::{AuditEntry, AuditReport, BadEntry, GENESIS, Problem, entry_hash};
pub use backup::{AuditHead, Backup};
pub use births::RegistryRequest;
pub use clock_guard::Behind;
pub use corrections::Correction;
pub use day::{DayMove, DayReview, Replay};
pub use day_sign::{BadSignature, CloseSigner, DaySignature, SignatureReport};
pub use demo::{DemoOptions, DemoOutcome, DemoReport};
pub use draft_lock::{DraftHold, DraftHolder, DraftLock};
pub use drafts::DraftHeld;
pub use emigration::Emigration;
pub use error::{HeadAct, StoreError, number_to_show};
pub use file::{sidecar_is_loose, sidecars};
pub use known::Prefill;
pub use move_records::{IssuePaper, JournalLine, MoveDetails};
pub use ops::{DayClose, IssuedIin, office_time};
pub use papers::{ConclusionLine, DestroyedForm, GeneratedIin, IssueRecord, PrintRecord};
pub use queue::{QUEUE_SQL, WorkQueue};
pub use schema::{MIGRATIONS, SCHEMA_VERSION};
pub use sessions::{ChangeMark, OpenSession, Registration, STALE_AFTER_MINUTES};
pub use staff::{Role, StaffChange, StaffMember};
pub use {
    formularies::Registered,
    records::{CouponMatch, Person, Record},
};
pub use {
    report::DaySummary,
    search::{
        BadCursor, Bound, Cursor, DEFAULT_LIMIT, MAX_LIMIT, NoMatch, Page, Query, RegisterRow,
    },
};

use crate::office::Clock;
use file::{
    check_before_writing, check_header, check_sidecars, key_names, make_private, migrate,
    prepare_file, switch_to_wal,
};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a clerk's kense waits for another's write before giving up.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Where the register is, and whether a new one may be created there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    path: PathBuf,
    create: bool,
    busy_timeout: Duration,
    /// The office's register under the setgid installation (issue 15): shared with the
    /// group, made 0660 in the directory the administrator made.
    shared: bool,
}

impl Location {
    /// A register that is created (with its directories) when it does not exist yet.
    pub fn create_if_missing(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            create: true,
            busy_timeout: DEFAULT_BUSY_TIMEOUT,
            shared: false,
        }
    }

    /// The office's register of the setgid installation (issue 15, `docs/DEPLOY.md`):
    /// never created (the administrator makes it, empty, for the first head); an empty one
    /// is made exactly 0660 when kense makes the register in it, so that every clerk's
    /// kense can open it and SQLite gives its -wal and -shm the same mode.
    pub fn shared_with_group(self) -> Self {
        Self {
            shared: true,
            ..self
        }
    }

    /// A register that must exist already: a missing one is [`StoreError::Missing`].
    pub fn existing(path: impl Into<PathBuf>) -> Self {
        Self {
            create: false,
            ..Self::create_if_missing(path)
        }
    }

    /// Waits this long for another clerk's write instead of [`DEFAULT_BUSY_TIMEOUT`].
    pub fn with_busy_timeout(self, busy_timeout: Duration) -> Self {
        Self {
            busy_timeout,
            ..self
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// The clerk on whose behalf changes are made: recorded with every change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clerk(String);

impl Clerk {
    /// The name, trimmed; an empty name or one with control characters is refused, since
    /// a change must be traceable to someone and a name must print on one line.
    pub fn new(name: &str) -> Result<Self, StoreError> {
        let name = name.trim();
        if name.is_empty() || name.chars().any(char::is_control) {
            return Err(StoreError::InvalidClerk);
        }
        Ok(Self(name.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An open register.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    clerk: Clerk,
    busy_timeout: Duration,
    /// The office's clock: every "now" and "today" the register writes (issue 14).
    clock: Clock,
}

impl Store {
    /// Opens the register at `location` for `clerk`, creating it (directory 0700, file
    /// 0600) when allowed and missing, and upgrading its schema when it is older. An
    /// existing empty file is made 0600 before kense makes the register in it.
    pub fn open(location: &Location, clerk: Clerk) -> Result<Store, StoreError> {
        let path = location.path.clone();
        let waited = location.busy_timeout;
        prepare_file(location)?;
        check_sidecars(&path)?;
        let sqlite = |e| StoreError::from_sqlite(&path, waited, e);
        // Version 0 (and no tables, or it is refused as another application's): kense is
        // about to make the register in this file, and it holds personal data from then on.
        if check_before_writing(&path, waited)? == 0 {
            make_private(&path, location.shared)?;
        }

        // No SQLITE_OPEN_CREATE: the file exists by now, made with our permissions.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(&path, flags).map_err(sqlite)?;
        conn.busy_timeout(waited).map_err(sqlite)?;
        let mode = switch_to_wal(&conn, waited).map_err(sqlite)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Sqlite {
                path,
                message: format!("cannot switch to WAL journal (still {mode})"),
            });
        }
        conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
            .map_err(sqlite)?;
        // rusqlite_migration's transaction, and any `transaction()`, begin IMMEDIATE too.
        conn.set_transaction_behavior(TransactionBehavior::Immediate);
        migrate(&mut conn, &path, waited)?;
        key_names(&mut conn, &path, waited)?;
        Ok(Store {
            conn,
            path,
            clerk,
            busy_timeout: waited,
            clock: Clock::default(),
        })
    }

    /// The register read and written by `clock`'s time: the office's, made once per
    /// command or session from the office's settings (issue 14). Without it, the real time
    /// in Kazakhstan's zone ([`Clock::default`]), never the host's.
    pub fn with_clock(mut self, clock: Clock) -> Store {
        self.clock = clock;
        self
    }

    /// The clock the register writes by.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn clerk(&self) -> &Clerk {
        &self.clerk
    }

    /// Opens the register at `location` for reading only: no WAL switch, no migration, no
    /// file created, so a read-only copy (0400) can be read and is left exactly as it was.
    /// A missing register is [`StoreError::Missing`] whatever `location` allows; one of an
    /// older schema is [`StoreError::OlderSchema`] (a command that writes upgrades it).
    pub fn open_read_only(location: &Location, clerk: Clerk) -> Result<Store, StoreError> {
        let path = location.path.clone();
        let waited = location.busy_timeout;
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => return Err(StoreError::NotSqlite { path }),
            Ok(_) => {}
            Err(e) if e.kind() == ErrorKind::NotFound => return Err(StoreError::Missing { path }),
            Err(source) => return Err(StoreError::Io { path, source }),
        }
        check_sidecars(&path)?;
        let sqlite = |e| StoreError::from_sqlite(&path, waited, e);
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&path, flags).map_err(sqlite)?;
        conn.busy_timeout(waited).map_err(sqlite)?;
        let found = check_header(&conn, &path, waited)?;
        if found < SCHEMA_VERSION {
            return Err(StoreError::OlderSchema {
                path,
                found,
                known: SCHEMA_VERSION,
            });
        }
        Ok(Store {
            conn,
            path,
            clerk,
            busy_timeout: waited,
            clock: Clock::default(),
        })
    }

    /// Every audit entry, oldest first.
    pub fn audit_entries(&self) -> Result<Vec<AuditEntry>, StoreError> {
        let sqlite = |e| StoreError::from_sqlite(&self.path, self.busy_timeout, e);
        let mut statement = self
            .conn
            .prepare(
                "SELECT id, at, clerk, action, subject, details_json, prev_hash, hash
                 FROM audit_log ORDER BY id",
            )
            .map_err(sqlite)?;
        let rows = statement
            .query_map([], |r| {
                Ok(AuditEntry {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    clerk: r.get(2)?,
                    action: r.get(3)?,
                    subject: r.get(4)?,
                    details_json: r.get(5)?,
                    prev_hash: r.get(6)?,
                    hash: r.get(7)?,
                })
            })
            .map_err(sqlite)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(sqlite)
    }

    fn sqlite_error(&self, error: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(&self.path, self.busy_timeout, error)
    }
}
