//! What can go wrong with the register, each case with one clear message.
//!
//! Messages name the register's path and what to do; they never carry personal data (an
//! IIN, a name), since they end up on terminals and in shell logs.

use crate::domain::Sex;
use crate::domain::formulary::Violation;
use crate::domain::lifecycle::LifecycleError;
use chrono::NaiveDate;
use rusqlite::ErrorCode;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Why the register could not be opened, read or changed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The register (or its directory) does not exist and the command needs an existing one.
    #[error("no register at {}: nothing was created", path.display())]
    Missing { path: PathBuf },
    /// No path was given and the platform has no data directory (no home directory).
    #[error("no place for the register: give --db PATH or set KENSE_DB")]
    NoLocation,
    /// The directory or the empty file of a new register could not be created.
    #[error("cannot create the register at {}: {source}", path.display())]
    Create {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file (or its directory) may not be written.
    #[error("the register {} is read-only: nothing was changed", path.display())]
    ReadOnly { path: PathBuf },
    /// Another clerk's kense held the register longer than we wait.
    #[error(
        "the register {} is busy: another kense held it for more than {} ms; try again",
        path.display(), waited.as_millis()
    )]
    Locked { path: PathBuf, waited: Duration },
    /// The file is not an SQLite database at all.
    #[error("{} is not a kense register (not an SQLite file): nothing was changed", path.display())]
    NotSqlite { path: PathBuf },
    /// A search cursor that is not one a page of this query printed.
    #[error("not a cursor of this search: give the one the previous page printed")]
    BadCursor,
    /// The file is an SQLite database of another application (tables, but no kense schema
    /// version): kense never adds its tables to it.
    #[error(
        "{} is an SQLite database of another application, not a kense register: nothing was changed",
        path.display()
    )]
    Foreign { path: PathBuf },
    /// A read-only open found a register of an older schema, which only a command that
    /// writes may upgrade.
    #[error(
        "the register {} has schema version {found}, older than the {known} this kense reads: \
         nothing was changed; a command that writes (e.g. `kense iin generate`) upgrades it",
        path.display()
    )]
    OlderSchema {
        path: PathBuf,
        found: usize,
        known: usize,
    },
    /// The file is an SQLite database that fails its integrity check.
    #[error("the register {} is damaged ({detail}): nothing was changed; restore it from a backup", path.display())]
    Corrupt { path: PathBuf, detail: String },
    /// The file was written by a newer kense whose schema this binary does not know.
    #[error(
        "the register {} has schema version {found}, newer than the {known} this kense knows: \
         nothing was changed; use a newer kense",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: usize,
        known: usize,
    },
    /// A clerk name that is empty (after trimming) or holds control characters.
    #[error("the clerk's name is empty or holds control characters")]
    InvalidClerk,
    /// A birth date the IIN cannot encode (its 7th digit covers 1800–2099).
    #[error("an IIN can encode birth dates from 1800 to 2099 only, not {date}")]
    BirthDateUnsupported { date: NaiveDate },
    /// Every serial of that birth date and sex is taken.
    #[error("no IIN serial is left for {} {birth_date}: all up to 9999 are taken", sex_name(*sex))]
    SerialsExhausted { birth_date: NaiveDate, sex: Sex },
    /// The day was closed before.
    #[error("the day {date} was already closed at {closed_at} by {clerk}")]
    DayAlreadyClosed {
        date: NaiveDate,
        closed_at: String,
        clerk: String,
    },
    /// A file-system failure outside SQLite.
    #[error("cannot use the register {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The formulary breaks the rules: every open error and warning not overridden.
    #[error("the formulary is not valid: {} problem(s), nothing was saved", .0.len())]
    Invalid(Vec<Violation>),
    /// No formulary has this registration number or coupon number. The message repeats
    /// the number only when it has the form of one (`YYYY-NNNNNNN`, or a coupon): anything
    /// else typed there may be personal data (an IIN, a name) and is not echoed.
    #[error("no formulary {} in the register", shown_number(number))]
    NoFormulary { number: String },
    /// No person with that IIN in the register (the IIN is not repeated: personal data).
    #[error("no person with that IIN in the register")]
    NoPerson,
    /// A coupon number whose check digit is wrong: a typo (M-57). The message does not
    /// repeat it (it is not a valid number, and may be anything typed in its place).
    #[error("that is not a coupon number: ten digits with a right check digit expected")]
    BadCoupon { coupon: String },
    /// The office's clock dates a registration or move before the newest closed day or the
    /// newest registration: it was set back (issue 14). Nothing was saved.
    #[error(
        "the office's clock says {}, before {behind}: the clock was set back; nothing was saved (check the server's time)",
        at.format("%Y-%m-%d %H:%M:%S")
    )]
    ClockBehind {
        at: chrono::NaiveDateTime,
        behind: super::clock_guard::Behind,
    },
    /// M-16: a formulary whose identity was verified and confirmed goes for manufacture
    /// only with the conclusion and the identification protocol on its reverse side.
    #[error(
        "formulary {number} cannot be sent: its reverse side lacks the {} of the verification (M-16)",
        missing.replace('_', " ")
    )]
    ConclusionMissing {
        number: String,
        missing: &'static str,
    },
    /// A term the working-day calendar cannot count (a date outside its years).
    #[error("{0}")]
    Calendar(crate::domain::calendar::CalendarError),
    /// M-57: an issue without the issued document's own number.
    #[error("give the issued document's own number (--document-number or --mrz) (M-57)")]
    DocumentNumberRequired,
    /// The day is closed (sealed): it takes no new records, and the data of its formularies
    /// stay as they were.
    #[error("the day {date} is closed: its records cannot be changed")]
    DaySealed { date: NaiveDate },
    /// The formulary's lifecycle refuses the move, or the move's data are missing.
    #[error("the move is refused: {0}")]
    Move(LifecycleError),
    /// M-57: issue recorded with a coupon number that is not this formulary's.
    #[error("the coupon number is not the one of formulary {number}")]
    CouponMismatch { number: String },
    /// M-16: the conclusion number is in that year's journal already.
    #[error("conclusion {number} of {year} is already in the journal of conclusions")]
    ConclusionTaken { year: i32, number: String },
    /// A formulary's data can be corrected only while the form is in the office.
    #[error("formulary {number} is {state}: its data can no longer be corrected")]
    NotCorrectable { number: String, state: String },
    /// The process's real uid has no account name: kense cannot say who is acting.
    #[error("the user id {uid} has no account name: kense records changes under the OS account")]
    NoAccount { uid: u32 },
    /// `--clerk` given (issue 12): who is recorded is the OS account, never a typed name.
    #[error(
        "--clerk no longer chooses who is recorded: changes are recorded under the OS \
         account {account} [K-ACCOUNT]; the name printed on papers is the staff's \
         (`kense staff list`)"
    )]
    ClerkNotChosen { account: String },
    /// K-STAFF (issue 12): an account that is not active staff of this register may read
    /// it but not write. `staffless`: the register has no staff at all yet (written before
    /// staff were kept), so the message says how it gets its first head.
    #[error(
        "the account {account} is not active staff of this register: it may read but not \
         write [K-STAFF]; {}",
        if *staffless {
            "the register has no staff yet: the account that owns the register file adds \
             the first head with `kense staff add ACCOUNT --role head` (the name on standard \
             input)"
        } else {
            "a head adds it with `kense staff add`"
        }
    )]
    NotStaff { account: String, staffless: bool },
    /// K-HEAD (issue 12), M-16: an act only a head (the head of the unit or the deputy) does.
    #[error("only a head may {act}: the account {account} is not an active head [{}]", act.rule())]
    NotHead { account: String, act: HeadAct },
    /// M-16, maker-checker: nobody approves their own work.
    #[error(
        "the account {account} {} formulary {number}, so it cannot approve its conclusion \
         [M-16, K-MAKER-CHECKER]; {}",
        if *started { "started the verification of" } else { "registered" },
        if *single_head {
            "it is the register's only active head: another head (or the deputy) must be \
             added with `kense staff add` to approve it"
        } else {
            "another head approves it"
        }
    )]
    OwnWork {
        account: String,
        number: String,
        /// True: started the verification; false: registered the formulary.
        started: bool,
        single_head: bool,
    },
    /// `kense staff add` of an account already on the staff (active or retired).
    #[error("the account {account} is already on the staff: change it with `kense staff set`")]
    StaffExists { account: String },
    /// No member of staff has that account.
    #[error("the account {account} is not on the staff of this register")]
    NoStaffMember { account: String },
    /// K-HEAD: the register keeps one active head at least, or nobody could close a day,
    /// approve a conclusion or change the staff again.
    #[error(
        "the account {account} is the register's last active head: add another head first [K-HEAD]"
    )]
    LastHead { account: String },
    /// A full name for papers that is empty or holds control characters (not repeated:
    /// personal data).
    #[error("the full name is empty or holds control characters [K-STAFF]")]
    BadStaffName,
    /// The day is not sealed on top of a broken audit chain (what `audit verify` found).
    #[error(
        "the day {date} is not closed: the audit log is broken at entry {entry}: {problem}; run `kense audit verify`"
    )]
    AuditBroken {
        date: NaiveDate,
        entry: i64,
        problem: String,
    },
    /// Days close in order: an earlier day with records is still open.
    #[error(
        "the day {date} cannot be closed before the earlier day {earlier}, which is still open"
    )]
    EarlierDayOpen { date: NaiveDate, earlier: NaiveDate },
    /// A `-wal`, `-shm` or `-journal` file beside the register that grants more than the
    /// register (or another group), or is not a plain file: SQLite would write the
    /// register's data into it (issue 15).
    #[error(
        "{} grants more than the register's own permissions (or is not a plain file): \
         nothing was opened; with no kense running, remove it or give it the register's \
         owner, group and mode",
        path.display()
    )]
    LooseSidecar { path: PathBuf },
    /// `kense backup`: the copy could not be made or failed its check (issue 15).
    #[error("cannot make the backup {}: {detail}", path.display())]
    Backup { path: PathBuf, detail: String },
    /// Issue 15: a signature for a day that is not closed (`kense day sign`).
    #[error(
        "the day {date} is not closed: close it with `kense day close --date {date} --sign KEY.pub`"
    )]
    DayNotClosed { date: NaiveDate },
    /// Issue 15: a close is signed once.
    #[error("the close of {date} is already signed by {clerk}")]
    DayAlreadySigned { date: NaiveDate, clerk: String },
    /// Issue 15: the head's key did not sign (no agent, key not in it, refused, another
    /// key): nothing was saved, not even the close it was to sign.
    #[error("the close of {date} could not be signed, nothing was saved: {detail}")]
    SigningFailed { date: NaiveDate, detail: String },
    /// Issue 15: the office requires signed closes ([signing] required in its settings)
    /// and this close was to be made unsigned (the workstation cannot sign).
    #[error(
        "the office requires signed closes ([signing] required): close the day {date} with \
         `kense day close --date {date} --sign ~/.ssh/id_ed25519.pub` (your public key; the \
         agent signs)"
    )]
    SignatureRequired { date: NaiveDate },
    /// Any other SQLite failure (disk full, I/O error, …).
    #[error("the register {} failed: {message}", path.display())]
    Sqlite { path: PathBuf, message: String },
}

/// The acts only a head does (issue 12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadAct {
    /// Closing (sealing) a day.
    CloseDay,
    /// Approving an M-16 conclusion (confirm or refuse).
    ApproveConclusion,
    /// Recording a destruction act.
    DestructionAct,
    /// Adding, changing or retiring staff.
    ManageStaff,
}

impl HeadAct {
    /// The rule that reserves the act to a head.
    pub fn rule(self) -> &'static str {
        match self {
            HeadAct::ApproveConclusion => "M-16",
            _ => "K-HEAD",
        }
    }
}

impl std::fmt::Display for HeadAct {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            HeadAct::CloseDay => "close a day",
            HeadAct::ApproveConclusion => "approve a conclusion",
            HeadAct::DestructionAct => "record a destruction act",
            HeadAct::ManageStaff => "change the staff",
        })
    }
}

impl StoreError {
    /// Sorts an SQLite failure into the cases above.
    pub(crate) fn from_sqlite(path: &Path, waited: Duration, error: rusqlite::Error) -> Self {
        let path = path.to_path_buf();
        match &error {
            rusqlite::Error::SqliteFailure(e, message) => match e.code {
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
                    StoreError::Locked { path, waited }
                }
                ErrorCode::ReadOnly | ErrorCode::PermissionDenied => StoreError::ReadOnly { path },
                ErrorCode::NotADatabase => StoreError::NotSqlite { path },
                ErrorCode::DatabaseCorrupt => StoreError::Corrupt {
                    path,
                    detail: message.clone().unwrap_or_else(|| e.to_string()),
                },
                _ => StoreError::Sqlite {
                    path,
                    message: error.to_string(),
                },
            },
            _ => StoreError::Sqlite {
                path,
                message: error.to_string(),
            },
        }
    }
}

/// A registration number as typed, when it has the form of one; else a neutral phrase.
fn shown_number(number: &str) -> String {
    number_to_show(number).map_or_else(|| "with that number".to_string(), str::to_string)
}

/// The number typed for a formulary (trimmed), when it has the form of a registration or
/// coupon number and so may be repeated in a message; `None` for anything else, which may
/// be personal data typed in its place.
pub fn number_to_show(number: &str) -> Option<&str> {
    let number = number.trim();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let registration = number
        .split_once('-')
        .is_some_and(|(year, seq)| digits(year, 4) && digits(seq, 7));
    (registration || super::numbers::parse_coupon(number).is_some()).then_some(number)
}

fn sex_name(sex: Sex) -> &'static str {
    match sex {
        Sex::Male => "male",
        Sex::Female => "female",
    }
}
