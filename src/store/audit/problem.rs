//! Why `audit verify` fails, each kind naming its place (issue 15).

use serde::Serialize;
use std::fmt;

/// Why an entry fails verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// Its `prev_hash` is not the previous entry's hash: an entry before it was removed or
    /// inserted, or this field was edited.
    BrokenLink { expected: String, found: String },
    /// Its `hash` does not match its fields: the entry was edited.
    WrongHash { expected: String, found: String },
    /// A field could not be read as text (written by something other than kense).
    Unreadable { detail: String },
    /// A day close whose own `day_closed` entry (its id, action, date and the head it
    /// recorded) is not in the chain: the log was cut at or before the close.
    DayCloseEntryMissing { date: String, audit_id: i64 },
    /// Issue 15 (`audit/tables.rs`): a `day_closed` entry whose close row is gone, which
    /// reopens the sealed day.
    CloseRowMissing { date: String },
    /// A date closed by two entries.
    DayClosedTwice { date: String },
    /// A formulary registered by the entry is not in the register (deleted).
    FormularyMissing { number: String },
    /// A formulary whose first transition is no registration of it (inserted).
    FormularyUnregistered { number: String },
    /// A transition with no entry of its own (inserted, or its entry's details differ).
    TransitionWithoutEntry { number: String, seq: i64 },
    /// A move entry whose transition is gone (deleted).
    TransitionMissing { number: String },
    /// A transition that does not start where the one before it ended.
    HistoryBroken { number: String, seq: i64 },
    /// A formulary's stored status is not where its history leads (`None`: no history).
    StateMismatch {
        number: String,
        status: String,
        expected: Option<String>,
    },
    /// A row whose digest is not the one its latest entry recorded (changed outside kense).
    RowChanged { table: String, row: i64 },
    /// A row no entry records, written after digests began (inserted outside kense).
    RowUnsealed { table: String, row: i64 },
    /// A row an entry records that is not in its table (deleted outside kense); `key` only
    /// where it is no personal data.
    RowGone { table: String, key: Option<String> },
    /// More rows of a table without an entry than the table held when digests began.
    RowsBeforeDigests { table: String, row: i64 },
    /// A seal whose record of where digests began is not `audit_digest_start` any more.
    DigestStartChanged,
    /// The register's key for naming personal rows (`audit_key`, version 14) is gone or
    /// damaged: its seals' names cannot be checked.
    AuditKeyMissing,
    /// A transition dated on a closed day but written after its close.
    AfterClose {
        number: String,
        seq: i64,
        date: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::BrokenLink { expected, found } => write!(
                f,
                "its prev_hash {found} is not the previous entry's hash {expected} \
                 (an entry was removed, inserted or edited)"
            ),
            Problem::WrongHash { expected, found } => write!(
                f,
                "its hash {found} does not match its contents, which hash to {expected} \
                 (the entry was edited)"
            ),
            Problem::Unreadable { detail } => write!(f, "it cannot be read: {detail}"),
            Problem::DayCloseEntryMissing { date, audit_id } => write!(
                f,
                "the close of {date} points at audit entry {audit_id}, which is not its \
                 day_closed entry any more (entries were removed)"
            ),
            Problem::CloseRowMissing { date } => write!(
                f,
                "the day {date} was closed by this entry, but its close row is gone (the day \
                 was reopened)"
            ),
            Problem::DayClosedTwice { date } => {
                write!(f, "the day {date} is closed a second time by this entry")
            }
            Problem::FormularyMissing { number } => write!(
                f,
                "formulary {number}, registered by this entry, is not in the register (deleted)"
            ),
            Problem::FormularyUnregistered { number } => write!(
                f,
                "formulary {number} has no registration entry in the audit log (inserted)"
            ),
            Problem::TransitionWithoutEntry { number, seq } => write!(
                f,
                "move {seq} of formulary {number} has no audit entry recording it (inserted \
                 or changed)"
            ),
            Problem::TransitionMissing { number } => write!(
                f,
                "the move of formulary {number} recorded by this entry is not in its history \
                 (deleted)"
            ),
            Problem::HistoryBroken { number, seq } => write!(
                f,
                "move {seq} of formulary {number} does not start where the move before it ended"
            ),
            Problem::StateMismatch {
                number,
                status,
                expected,
            } => write!(
                f,
                "formulary {number} is stored as {status}, but its history leads to {} (the \
                 status was changed)",
                expected.as_deref().unwrap_or("nothing")
            ),
            Problem::RowChanged { table, row } => write!(
                f,
                "row {row} of {table} does not match the digest this entry recorded of it \
                 (changed outside kense)"
            ),
            Problem::RowUnsealed { table, row } => write!(
                f,
                "row {row} of {table} has no audit entry recording it (inserted outside kense)"
            ),
            Problem::RowGone { table, key } => match key {
                Some(key) => write!(
                    f,
                    "row {key} of {table}, recorded by this entry, is gone (deleted outside kense)"
                ),
                None => write!(
                    f,
                    "a row of {table} recorded by this entry is gone (deleted outside kense)"
                ),
            },
            Problem::RowsBeforeDigests { table, row } => write!(
                f,
                "row {row} of {table} has no audit entry, and the table holds more such rows \
                 than it did when digests began (inserted outside kense)"
            ),
            Problem::AuditKeyMissing => write!(
                f,
                "the register's audit_key, which names the rows of personal data in seals, is \
                 missing or damaged (changed outside kense)"
            ),
            Problem::DigestStartChanged => write!(
                f,
                "this entry recorded where row digests began, and audit_digest_start no longer \
                 says so (changed outside kense)"
            ),
            Problem::AfterClose { number, seq, date } => write!(
                f,
                "move {seq} of formulary {number} is dated {date}, a day closed before it was \
                 written"
            ),
        }
    }
}
