//! The register refuses a clock set back (issue 14).
//!
//! Every registration and move is dated by the office's clock. A server whose clock was put
//! back (or a fixed test clock left behind) would date a record before records already
//! made: before the newest closed day, whose close recorded the audit head as final, or
//! before the newest registration, so that the register's numbers and its days would no
//! longer run together. Such a write is refused with a message saying what the clock says
//! and what it is behind; nothing is saved.

use super::StoreError;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension};

/// What a clock set back is behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Behind {
    /// The newest closed day.
    ClosedDay(NaiveDate),
    /// The newest registration of the register (its office time).
    Registration(NaiveDateTime),
}

impl std::fmt::Display for Behind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Behind::ClosedDay(d) => write!(f, "the closed day {d}"),
            Behind::Registration(t) => {
                write!(
                    f,
                    "the newest registration, at {}",
                    t.format("%Y-%m-%d %H:%M:%S")
                )
            }
        }
    }
}

/// The stored office time of a transition (`YYYY-MM-DDTHH:MM:SS[.f][+HH:MM]`) as a wall
/// time of the office; the offset, when written, is the office's own.
pub(super) fn stored_office_time(text: &str) -> Option<NaiveDateTime> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text) {
        return Some(t.naive_local());
    }
    text.parse().ok()
}

/// [`StoreError::ClockBehind`] when `at` is dated before the newest closed day or the
/// newest registration. Read inside the write's IMMEDIATE transaction, so another clerk's
/// registration in between is seen.
pub(super) fn refuse_clock_behind(
    conn: &Connection,
    at: NaiveDateTime,
) -> Result<(), rusqlite::Result<StoreError>> {
    let closed: Option<String> = conn
        .query_row("SELECT MAX(date) FROM day_closes", [], |r| r.get(0))
        .map_err(Err)?;
    if let Some(day) = closed.and_then(|d| d.parse::<NaiveDate>().ok())
        && at.date() < day
    {
        return Err(Ok(StoreError::ClockBehind {
            at,
            behind: Behind::ClosedDay(day),
        }));
    }
    // The newest registration is the first transition of the formulary with the highest
    // id: two primary-key lookups, whatever the register's size.
    let newest: Option<String> = conn
        .query_row(
            "SELECT at FROM transitions
             WHERE formulary_id = (SELECT MAX(id) FROM formularies) AND seq = 1",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(Err)?;
    if let Some(newest) = newest.as_deref().and_then(stored_office_time)
        && at < newest
    {
        return Err(Ok(StoreError::ClockBehind {
            at,
            behind: Behind::Registration(newest),
        }));
    }
    Ok(())
}
