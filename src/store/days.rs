//! Which days have records and which of them are still open (issue 12).
//!
//! A day *has records* when a formulary was registered on it or a move was made on it (the
//! register's accounting of forms, M-App… order No. 451: учет, расходование, уничтожение).
//! Such a day is open until a head closes it, and days close in order: a later day is not
//! sealed while an earlier one is still open, so the chain of closes never skips a day
//! whose records could still change.
//!
//! The days are found by skipping through two indexes (`formularies_day` and
//! `transitions_at`) a day at a time: two lookups per day that has records, never a walk
//! of the register's rows.

use super::{Store, StoreError};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

/// The first day after `after` (or the first day at all) on which a formulary was
/// registered or a move made; `None` when there is none.
fn next_day_with_records(
    conn: &Connection,
    after: Option<NaiveDate>,
) -> rusqlite::Result<Option<NaiveDate>> {
    // A day key compares after every moment of the day before it: "2026-12-06" > any
    // "2026-12-05T…"; a moment of the day after `after` compares above `after` + "U".
    let (day_key, moment_key) = match after {
        Some(d) => (d.to_string(), format!("{d}U")),
        None => (String::new(), String::new()),
    };
    let registered: Option<String> = conn
        .query_row(
            "SELECT MIN(registered_on) FROM formularies WHERE registered_on > ?1",
            [&day_key],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let moved: Option<String> = conn
        .query_row(
            "SELECT MIN(at) FROM transitions WHERE at > ?1",
            [&moment_key],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let parse =
        |s: Option<String>| s.and_then(|s| s.get(..10).and_then(|d| d.parse::<NaiveDate>().ok()));
    Ok(match (parse(registered), parse(moved)) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    })
}

fn is_closed(conn: &Connection, date: NaiveDate) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM day_closes WHERE date = ?1)",
        [date.to_string()],
        |r| r.get(0),
    )
}

/// The days with records before `before` that are not closed, oldest first.
pub(super) fn open_days_before(
    conn: &Connection,
    before: NaiveDate,
) -> rusqlite::Result<Vec<NaiveDate>> {
    let mut open = Vec::new();
    let mut day = next_day_with_records(conn, None)?;
    while let Some(d) = day.filter(|d| *d < before) {
        if !is_closed(conn, d)? {
            open.push(d);
        }
        day = next_day_with_records(conn, Some(d))?;
    }
    Ok(open)
}

impl Store {
    /// The days with records before `before` that are still open, oldest first: the day
    /// screen says which earlier days wait to be reviewed and closed.
    pub fn open_days_before(&self, before: NaiveDate) -> Result<Vec<NaiveDate>, StoreError> {
        open_days_before(&self.conn, before).map_err(self.sqlite_fn())
    }
}
