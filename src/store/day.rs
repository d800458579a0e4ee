//! The day's review (issue 12, `kense day show` and the day screen): the day's formularies,
//! the day's moves on older ones, and the day's accounting (`domain::day`) reconciled.
//!
//! The counts at the start and the end of a day are replayed from the history, never read
//! row by row from the register: either forward, from the first move up to the day, or
//! backward, from today's counts by state (the `formularies_status` index) undoing the moves
//! made since. Both walk `transitions_at`; [`Store::day_review`] takes the shorter walk.

use super::records::from_key;
use super::{DaySummary, Store, StoreError};
use crate::domain::day::{Counts, DayBalance, Flows, after, balance, before};
use crate::domain::lifecycle::{Event, MoveKind, State};
use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;
use std::collections::BTreeMap;

/// Which way the day's counts are replayed (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replay {
    /// From the register's first move up to the day.
    Forward,
    /// From today's counts by state back to the day.
    Backward,
}

/// One move made on the day on a formulary (a registration is in [`DayReview::summary`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayMove {
    pub number: String,
    pub registered_on: NaiveDate,
    /// Office time, `YYYY-MM-DDTHH:MM:SS`.
    pub at: String,
    /// The OS account that made it.
    pub clerk: String,
    #[serde(rename = "move")]
    pub kind: MoveKind,
    pub from: State,
    pub to: State,
}

/// A day under review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayReview {
    /// The day's formularies and their counts by status, filling code, district and clerk
    /// (`report day`), and the day's close.
    #[serde(flatten)]
    pub summary: DaySummary,
    /// The district names of `summary.by_district`'s keys ("1902 204" → Russian name).
    pub district_names: BTreeMap<String, String>,
    /// The names printed on papers of `summary.by_clerk`'s accounts, for the staff's.
    pub clerk_names: BTreeMap<String, String>,
    /// The day's moves in the order they were made, on the day's formularies and older.
    pub moves: Vec<DayMove>,
    /// The day's accounting, by state and for the office.
    pub balance: DayBalance,
    /// Earlier days with records that are still open, oldest first.
    pub open_before: Vec<NaiveDate>,
}

/// `[from, to)` of moments of the days `[first, last]` (`at` compares as text).
fn moments(first: Option<NaiveDate>, next: Option<NaiveDate>) -> (String, String) {
    (
        first.map_or_else(String::new, |d| d.to_string()),
        next.map_or_else(|| "9999".to_string(), |d| d.to_string()),
    )
}

impl Store {
    /// The moves made in `[from, to)` (moments as text), counted by (from, to).
    fn flows(&self, from: &str, to: &str) -> Result<Flows, StoreError> {
        let sqlite = self.sqlite_fn();
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT from_state, to_state, COUNT(*) FROM transitions
                 WHERE at >= ?1 AND at < ?2 GROUP BY from_state, to_state",
            )
            .map_err(&sqlite)?;
        let rows = statement
            .query_map(params![from, to], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })
            .map_err(&sqlite)?;
        let mut flows = Flows::new();
        for row in rows {
            let (f, t, n) = row.map_err(&sqlite)?;
            let pair = from_key::<State>(&f).zip(from_key::<State>(&t));
            let (f, t) = pair.ok_or_else(|| self.damaged("transition state"))?;
            *flows.entry((f, t)).or_insert(0) += u64::try_from(n).unwrap_or(0);
        }
        Ok(flows)
    }

    /// Today's counts by state.
    fn current_counts(&self) -> Result<Counts, StoreError> {
        let sqlite = self.sqlite_fn();
        let mut statement = self
            .conn
            .prepare_cached("SELECT status, COUNT(*) FROM formularies GROUP BY status")
            .map_err(&sqlite)?;
        let rows = statement
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
            .map_err(&sqlite)?;
        let mut counts = Counts::new();
        for row in rows {
            let (s, n) = row.map_err(&sqlite)?;
            let s = from_key::<State>(&s).ok_or_else(|| self.damaged("status"))?;
            counts.insert(s, u64::try_from(n).unwrap_or(0));
        }
        Ok(counts)
    }

    /// The balance of `date`, its counts replayed `replay`-wise. Moves that do not fit the
    /// counts (a damaged history) give an unreconciled balance, never a panic.
    pub fn day_balance(&self, date: NaiveDate, replay: Replay) -> Result<DayBalance, StoreError> {
        let next = date.succ_opt();
        let (day_from, day_to) = moments(Some(date), next);
        let flows = self.flows(&day_from, &day_to)?;
        // One walk of the history per replay: the other end of the day is the first moved
        // by the day's moves (the forward and the backward replays are compared with each
        // other in tests/day_queue.rs; `audit verify` checks each stored status against its
        // history).
        let (start, end) = match replay {
            Replay::Forward => {
                let (first, _) = moments(None, None);
                let start = after(&Counts::new(), &self.flows(&first, &day_from)?);
                let end = start.as_ref().and_then(|s| after(s, &flows));
                (start, end)
            }
            Replay::Backward => {
                let now = self.current_counts()?;
                let (_, last) = moments(None, None);
                let end = before(&now, &self.flows(&day_to, &last)?);
                let start = end.as_ref().and_then(|e| before(e, &flows));
                (start, end)
            }
        };
        Ok(match (start, end) {
            (Some(start), Some(end)) => balance(&start, &flows, &end),
            _ => {
                let mut b = balance(&Counts::new(), &flows, &Counts::new());
                b.reconciled = false;
                b
            }
        })
    }

    /// The day's moves on formularies (not registrations), in order.
    pub fn day_moves(&self, date: NaiveDate) -> Result<Vec<DayMove>, StoreError> {
        let sqlite = self.sqlite_fn();
        let (from, to) = moments(Some(date), date.succ_opt());
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT f.number, f.registered_on, t.at, t.clerk, t.from_state, t.to_state,
                        t.event_json
                 FROM transitions t JOIN formularies f ON f.id = t.formulary_id
                 WHERE t.at >= ?1 AND t.at < ?2 AND t.from_state <> 'draft'
                 ORDER BY t.at, t.formulary_id, t.seq",
            )
            .map_err(&sqlite)?;
        let rows = statement
            .query_map(params![from, to], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                ))
            })
            .map_err(&sqlite)?;
        let mut moves = Vec::new();
        for row in rows {
            let (number, registered_on, at, clerk, f, t, event) = row.map_err(&sqlite)?;
            let kind = serde_json::from_str::<Event>(&event).ok().map(|e| e.kind());
            let parsed = (registered_on.parse().ok(), kind, from_key(&f), from_key(&t));
            let (Some(registered_on), Some(kind), Some(from), Some(to)) = parsed else {
                return Err(self.damaged("transition"));
            };
            moves.push(DayMove {
                number,
                registered_on,
                at,
                clerk,
                kind,
                from,
                to,
            });
        }
        Ok(moves)
    }

    /// The review of `date`: see [`DayReview`]. `today` (office time) chooses the replay:
    /// backward for a day nearer today than the register's first day, else forward.
    pub fn day_review(&self, date: NaiveDate, today: NaiveDate) -> Result<DayReview, StoreError> {
        let summary = self.day_summary(date)?;
        let first: Option<String> = self
            .conn
            .query_row("SELECT MIN(registered_on) FROM formularies", [], |r| {
                r.get(0)
            })
            .map_err(self.sqlite_fn())?;
        let first = first
            .and_then(|d| d.parse::<NaiveDate>().ok())
            .unwrap_or(date);
        let replay = if (today - date) < (date - first) {
            Replay::Backward
        } else {
            Replay::Forward
        };
        let district_names = summary
            .by_district
            .keys()
            .filter_map(|key| {
                let (region, district) = key.split_once(' ')?;
                crate::codes::districts()
                    .iter()
                    .find(|d| d.region_code == region && d.district_code == district)
                    .map(|d| (key.clone(), d.name_ru.to_string()))
            })
            .collect();
        let mut clerk_names = BTreeMap::new();
        for account in summary.by_clerk.keys() {
            if let Some(m) = self.staff_member(account)?
                && !m.full_name.is_empty()
            {
                clerk_names.insert(account.clone(), m.full_name);
            }
        }
        Ok(DayReview {
            moves: self.day_moves(date)?,
            balance: self.day_balance(date, replay)?,
            open_before: self.open_days_before(date)?,
            district_names,
            clerk_names,
            summary,
        })
    }
}
