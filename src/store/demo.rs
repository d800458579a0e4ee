//! The demo register: synthetic formularies in bulk, for a new user to see a populated
//! workstation and for the benchmarks (10 thousand to a million formularies).
//!
//! The formularies are valid by construction (see `demo/synth.rs`), so nothing is
//! validated row by row; a test validates a sample. A second thread makes them (names,
//! JSON, histories) while this one writes them through prepared statements, in
//! transactions of [`CHUNK`] formularies, with what a registration and its moves record:
//! the person, the formulary, its transitions, the journal of conclusions (M-16), the
//! documents issued (M-57), the destruction acts, and day closes.
//!
//! Audit: one entry per batch (`demo_filled`, one transaction: the seed, the batch's
//! number and how many formularies it holds); the batch's transitions, conclusions and
//! destructions point to it. One entry per day closed (`day_closed`), as a close records
//! the chain's head. Entries are dated when the demo ran, not by the invented dates, since
//! the audit log records when the register changed. The IINs are not written to
//! `iin_issued`, which takes an audit entry each; see [`synth::FIRST_SERIAL`] for why they
//! still never meet an IIN `iin generate` gives.
//!
//! A new register (no formularies yet) is filled in one transaction instead, with its
//! search indexes built once at the end and the checks that cannot fail on the demo's own
//! rows (day seals, foreign keys) left out while it writes (`demo/bulk.rs`): two to three
//! times fewer B-tree writes a formulary. A fill that fails leaves such a register empty.
//!
//! A register that holds real formularies (registered by `formulary_registered`) is refused
//! unless forced, so demo data never mixes into a live register by accident.
//!
//! The registrations are dated from [`FIRST_DAY`] to [`LAST_DAY`] only, and a fill writes
//! exactly the count asked for or, when it cannot, says why before writing anything
//! ([`DemoProblem`]); only IIN serials running out while it writes (a birth date's
//! 5000–9999, M-12.a) can leave it short, and the report's count then says so.

mod bulk;
mod chain;
mod history;
mod insert;
mod names;
mod people;
mod synth;

use super::records::key;
use super::{Store, StoreError};
use crate::domain::Sex;
use crate::domain::lifecycle::State;
use chain::Chain;
use chrono::{Duration, NaiveDate, NaiveDateTime};
use insert::{Ready, ready};
use rusqlite::{Connection, params};
use serde::Serialize;
use serde_json::json;
use std::collections::{BTreeMap, HashMap};
use synth::{Synth, Taken, is_office_day, last_open_day};

/// Formularies per transaction: large enough that the FULL sync of a commit costs nothing
/// per row, small enough that other clerks wait at most a second or so.
pub const CHUNK: u64 = 20_000;

/// The first day the demo registers on: the date of order No. 451 (3 August 2021), whose
/// formulary and rules its formularies follow. A register kept under that order has
/// nothing earlier; so every demo person, at most 80 years old, is born after 1900, well
/// inside the IIN's 1800–2099 (M-12.a).
pub const FIRST_DAY: NaiveDate = ymd(2021, 8, 3);

/// The last day the demo registers on: the youngest demo person is born a month before
/// registration, and an IIN encodes birth dates up to 2099 only (M-12.a).
pub const LAST_DAY: NaiveDate = ymd(2099, 11, 30);

/// The last sequence number of a year's registration numbers (`YYYY-NNNNNNN`).
const LAST_SEQ: i64 = 9_999_999;

/// How many times a formulary is drawn again for its moment when a draw cannot be used
/// (its birth date's IIN serials are all taken): each draw has another code and birth date.
const DRAWS: u32 = 20;

const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

/// Why a demo cannot write the formularies asked for; nothing is written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DemoProblem {
    /// The demo's clock is outside [`FIRST_DAY`]..=[`LAST_DAY`].
    #[error(
        "the demo's clock {now} is outside {FIRST_DAY} to {LAST_DAY}, the days it registers on"
    )]
    Clock { now: NaiveDateTime },
    /// The days asked for are none, or go back before [`FIRST_DAY`].
    #[error("{days} days up to {last} is not 1 to {max}: the demo registers from {FIRST_DAY} on")]
    Days {
        days: u32,
        last: NaiveDate,
        max: u32,
    },
    /// No day from `first` to `last` is open for registration.
    #[error(
        "no day from {first} to {last} is open for registration: the demo registers Monday \
         to Saturday, not on a closed day, and on the clock's own day only from 10:00"
    )]
    NoOpenDay { first: NaiveDate, last: NaiveDate },
    /// The year's registration numbers would run past `YYYY-9999999`.
    #[error(
        "the registration numbers of {year} would run past {year}-9999999: {left} are left, \
         {wanted} would be registered that year"
    )]
    NumbersRunOut { year: i32, left: i64, wanted: u64 },
}

/// What to fill the register with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoOptions {
    /// How many formularies.
    pub count: u64,
    /// The generator's seed: the same seed and `now` give the same formularies.
    pub seed: u64,
    /// The demo's clock: registrations run up to this moment, moves never after it.
    pub now: NaiveDateTime,
    /// Registrations are spread over this many days before `now`.
    pub days: u32,
    /// Fill even a register that holds real formularies.
    pub force: bool,
}

impl DemoOptions {
    /// The most `days` the demo takes with its clock on `today`: back to [`FIRST_DAY`]; 0
    /// when `today` is before it.
    pub fn max_days(today: NaiveDate) -> u32 {
        let days = (today - FIRST_DAY).num_days() + 1;
        u32::try_from(days.max(0)).unwrap_or(u32::MAX)
    }

    /// The first and last day of the registrations, or why the options cannot be filled
    /// whatever the register holds (see also [`DemoProblem`]).
    pub fn check(&self) -> Result<(NaiveDate, NaiveDate), DemoProblem> {
        let last = self.now.date();
        if !(FIRST_DAY..=LAST_DAY).contains(&last) {
            return Err(DemoProblem::Clock { now: self.now });
        }
        let max = Self::max_days(last);
        if !(1..=max).contains(&self.days) {
            return Err(DemoProblem::Days {
                days: self.days,
                last,
                max,
            });
        }
        let first = last - Duration::days(i64::from(self.days) - 1);
        let open = last_open_day(self.now);
        if !first
            .iter_days()
            .take_while(|d| *d <= open)
            .any(is_office_day)
        {
            return Err(DemoProblem::NoOpenDay { first, last });
        }
        Ok((first, last))
    }
}

/// What the demo wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DemoReport {
    pub formularies: u64,
    /// The registration numbers of the first and last formulary written.
    pub first_number: Option<String>,
    pub last_number: Option<String>,
    /// The first and last day with registrations.
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
    pub days_closed: u64,
    /// The formularies by their state after their moves.
    pub by_status: BTreeMap<State, u64>,
    pub audit_entries: u64,
}

/// Filled, or refused because real formularies are there, or not workable as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DemoOutcome {
    /// Written: `formularies` is the count asked for unless IIN serials ran out.
    Filled(DemoReport),
    /// The register holds this many real formularies and `force` was not given.
    Refused { real_formularies: u64 },
    /// The options cannot be filled (on this register); nothing was written.
    Unworkable(DemoProblem),
}

impl Store {
    /// How many formularies were registered for real (`formulary_registered` in the audit
    /// log), as opposed to by a demo.
    pub fn real_formularies(&self) -> Result<u64, StoreError> {
        let sqlite = self.sqlite_fn();
        let any: bool = self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM formularies)", [], |r| {
                r.get(0)
            })
            .map_err(&sqlite)?;
        if !any {
            return Ok(0);
        }
        let n: i64 = self
            .conn
            .query_row(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'formulary_registered'",
                [],
                |r| r.get(0),
            )
            .map_err(&sqlite)?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// Fills the register with `options.count` synthetic formularies (see the module docs).
    pub fn fill_demo(&mut self, options: &DemoOptions) -> Result<DemoOutcome, StoreError> {
        let span = match options.check() {
            Ok(span) => span,
            Err(problem) => return Ok(DemoOutcome::Unworkable(problem)),
        };
        let real = self.real_formularies()?;
        if real > 0 && !options.force {
            return Ok(DemoOutcome::Refused {
                real_formularies: real,
            });
        }
        let sqlite = self.sqlite_fn();
        let taken = taken(&self.conn).map_err(&sqlite)?;
        // For the fill only: a big page cache, as the indexes on IINs, names and coupons
        // take random inserts, which otherwise go to the disk once the register outgrows
        // 2 MB; and statement journals in memory, since each insert that a trigger may
        // abort keeps one, and in a file that is a write call per page changed.
        let pragma = |name: &str| -> Result<i64, StoreError> {
            self.conn
                .query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
                .map_err(&sqlite)
        };
        let (cache, temp_store) = (pragma("cache_size")?, pragma("temp_store")?);
        let foreign_keys = pragma("foreign_keys")?;
        let fresh = !taken.any_formulary;
        // Foreign keys cannot be switched inside a transaction: off before the bulk one.
        let off = if fresh {
            "PRAGMA foreign_keys = OFF;"
        } else {
            ""
        };
        self.conn
            .execute_batch(&format!(
                "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; {off}"
            ))
            .map_err(&sqlite)?;
        let filled = fill(&self.conn, self.clerk.as_str(), options, span, taken);
        if filled.is_err() {
            // Only the chunk in progress is lost (all of a new register's fill); those
            // committed stay, each whole.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        let restored = self.conn.execute_batch(&format!(
            "PRAGMA cache_size = {cache}; PRAGMA temp_store = {temp_store}; \
             PRAGMA foreign_keys = {foreign_keys};"
        ));
        let filled = filled.map_err(&sqlite)?;
        restored.map_err(&sqlite)?;
        Ok(match filled {
            Ok(report) => DemoOutcome::Filled(report),
            Err(problem) => DemoOutcome::Unworkable(problem),
        })
    }
}

/// What the register already holds that the demo must not repeat.
fn taken(conn: &Connection) -> rusqlite::Result<Taken> {
    let mut taken = Taken {
        any_formulary: conn.query_row("SELECT EXISTS (SELECT 1 FROM formularies)", [], |r| {
            r.get(0)
        })?,
        ..Taken::default()
    };
    let mut serials = conn
        .prepare("SELECT birth_date, sex, MAX(serial) FROM iin_issued GROUP BY birth_date, sex")?;
    let mut rows = serials.query([])?;
    while let Some(r) = rows.next()? {
        let (date, sex, serial): (String, String, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let sex = if sex == "male" {
            Sex::Male
        } else {
            Sex::Female
        };
        if let (Ok(date), Ok(serial)) = (date.parse::<NaiveDate>(), u16::try_from(serial)) {
            taken.serials.insert((date, sex), serial);
        }
    }
    let mut iins = conn.prepare("SELECT iin FROM persons")?;
    taken.iins = iins
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut coupons = conn.prepare("SELECT coupon FROM formularies")?;
    let mut rows = coupons.query([])?;
    while let Some(r) = rows.next()? {
        let coupon: String = r.get(0)?;
        if let Some(body) = coupon.get(..9).and_then(|b| b.parse().ok()) {
            taken.coupons.insert(body);
        }
    }
    // Numbers as numbers (M-16, schema version 5): an old "05" is the 5 the demo must not
    // write again; text that is no number takes no number.
    let mut journal = conn.prepare("SELECT year, seq, value FROM conclusions")?;
    let mut rows = journal.query([])?;
    while let Some(r) = rows.next()? {
        let (year, seq, value): (i32, i64, Option<i64>) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let line = taken.journal.entry(year).or_insert(0);
        *line = (*line).max(seq);
        if let Some(value) = value {
            taken.journal_numbers.insert((year, value));
        }
    }
    let mut years = conn.prepare("SELECT year, MAX(seq) FROM formularies GROUP BY year")?;
    taken.seqs = years
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut closed = conn.prepare("SELECT date FROM day_closes")?;
    let mut rows = closed.query([])?;
    while let Some(r) = rows.next()? {
        if let Ok(date) = r.get::<_, String>(0)?.parse() {
            taken.closed.insert(date);
        }
    }
    Ok(taken)
}

/// The stable names of the states, once.
fn state_names() -> HashMap<State, String> {
    State::ALL
        .into_iter()
        .filter_map(|s| key(&s).ok().map(|k| (s, k)))
        .collect()
}

/// What the making thread hands over, in register order.
enum Item {
    Formulary(Box<Ready>),
    /// Close this day: its formularies and every move dated on it are written.
    Close(NaiveDate),
}

/// Makes the register's formularies and closes in order, a batch of up to [`CHUNK`]
/// formularies at a time, and sends each batch to `batches`. The batches written come
/// back through `spent` to be freed here: freed on the writing thread, the memory of this
/// thread's allocations went back under this thread's allocator lock, and the writer
/// waited on it.
fn make(
    mut synth: Synth,
    schedule: Vec<(NaiveDate, u64)>,
    batches: std::sync::mpsc::SyncSender<Vec<Item>>,
    spent: std::sync::mpsc::Receiver<Vec<Item>>,
) {
    let mut batch = Vec::new();
    let mut in_batch = 0;
    for (date, n) in schedule {
        for at in synth.times(date, n) {
            // A draw fails only when its birth date's IIN serials are all taken: another
            // draw has another code and birth date. Left out after that (the report's
            // count says so).
            let Some(planned) = (0..DRAWS).find_map(|_| synth.formulary(at)) else {
                continue;
            };
            batch.push(Item::Formulary(Box::new(ready(planned))));
            in_batch += 1;
            if in_batch == CHUNK {
                spent.try_iter().for_each(drop);
                if batches.send(std::mem::take(&mut batch)).is_err() {
                    return; // the writer failed and stopped listening
                }
                in_batch = 0;
            }
        }
        if synth.closes(date) {
            batch.push(Item::Close(date));
        }
    }
    if !batch.is_empty() {
        let _ = batches.send(batch);
    }
}

/// Why the schedule cannot be written into this register: no open day (all closed), or a
/// year whose registration numbers would run out.
fn unworkable(
    schedule: &[(NaiveDate, u64)],
    count: u64,
    (first, last): (NaiveDate, NaiveDate),
    taken: &Taken,
) -> Option<DemoProblem> {
    if schedule.is_empty() && count > 0 {
        return Some(DemoProblem::NoOpenDay { first, last });
    }
    let mut by_year: BTreeMap<i32, u64> = BTreeMap::new();
    for (date, n) in schedule {
        *by_year.entry(chrono::Datelike::year(date)).or_insert(0) += n;
    }
    by_year.into_iter().find_map(|(year, wanted)| {
        let left = LAST_SEQ - taken.seqs.get(&year).copied().unwrap_or(0);
        let fits = i64::try_from(wanted).is_ok_and(|w| w <= left);
        (!fits).then_some(DemoProblem::NumbersRunOut {
            year,
            left: left.max(0),
            wanted,
        })
    })
}

/// The fill itself: a thread makes the batches, this one writes each in one transaction.
/// Nothing is written when the schedule cannot be (the problem is returned).
fn fill(
    conn: &Connection,
    clerk: &str,
    options: &DemoOptions,
    (first, last): (NaiveDate, NaiveDate),
    taken: Taken,
) -> rusqlite::Result<Result<DemoReport, DemoProblem>> {
    let fresh = !taken.any_formulary;
    let mut synth = Synth::new(options.seed, options.now, taken);
    let schedule = synth.schedule(options.count, first, last);
    if let Some(problem) = unworkable(&schedule, options.count, (first, last), &synth.taken) {
        return Ok(Err(problem));
    }
    let names = state_names();
    let mut report = DemoReport {
        formularies: 0,
        first_number: None,
        last_number: None,
        first_day: schedule.first().map(|(d, _)| *d),
        last_day: schedule.last().map(|(d, _)| *d),
        days_closed: 0,
        by_status: BTreeMap::new(),
        audit_entries: 0,
    };
    // Two batches in flight at most: the maker stays a little ahead of the writer.
    let (send, receive) = std::sync::mpsc::sync_channel(1);
    let (give_back, spent) = std::sync::mpsc::channel();
    let maker = std::thread::spawn(move || make(synth, schedule, send, spent));
    // A new register: one transaction for the whole fill (see the module docs).
    let suspended = if fresh {
        conn.execute_batch("BEGIN IMMEDIATE")?;
        Some(bulk::suspend(conn)?)
    } else {
        None
    };
    for (index, batch) in receive.into_iter().enumerate() {
        if !fresh {
            conn.execute_batch("BEGIN IMMEDIATE")?;
        }
        let mut chain = Chain::load(conn, clerk)?;
        let formularies = batch
            .iter()
            .filter(|i| matches!(i, Item::Formulary(_)))
            .count();
        let details =
            json!({ "seed": options.seed, "batch": index + 1, "formularies": formularies });
        let audit_id = chain.append(conn, "demo_filled", "demo", &details.to_string())?;
        report.audit_entries += 1;
        let mut seqs: HashMap<i32, i64> = HashMap::new();
        for item in &batch {
            match item {
                Item::Formulary(r) => {
                    let number = insert::insert(conn, audit_id, &mut seqs, &names, r)?;
                    *report
                        .by_status
                        .entry(r.planned.lifecycle.state())
                        .or_insert(0) += 1;
                    report.first_number.get_or_insert_with(|| number.clone());
                    report.last_number = Some(number);
                    report.formularies += 1;
                }
                Item::Close(date) => {
                    // The close records the chain's head after every move made that day.
                    let head = chain.head.clone();
                    let day = date.to_string();
                    let details = json!({ "audit_hash": head }).to_string();
                    let id = chain.append(conn, "day_closed", &day, &details)?;
                    conn.prepare_cached(
                        "INSERT INTO day_closes (date, closed_at, clerk, audit_hash, audit_id)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                    )?
                    .execute(params![day, chain.at, chain.clerk, head, id])?;
                    report.days_closed += 1;
                    report.audit_entries += 1;
                }
            }
        }
        // Once the maker has ended, the last batches are freed here.
        let _ = give_back.send(batch);
        if !fresh {
            conn.execute_batch("COMMIT")?;
        }
    }
    if let Some(suspended) = suspended {
        suspended.restore(conn)?;
        conn.execute_batch("COMMIT")?;
    }
    // The maker only ends by itself; a panic there would leave formularies out.
    if maker.join().is_err() {
        return Err(rusqlite::Error::InvalidQuery);
    }
    Ok(Ok(report))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}"))
    }

    fn options(days: u32, now: &str) -> DemoOptions {
        DemoOptions {
            count: 5,
            seed: 1,
            now: now.parse().unwrap_or_else(|e| panic!("{now}: {e}")),
            days,
            force: false,
        }
    }

    #[test]
    fn the_days_run_back_to_the_first_day_and_no_further() {
        assert_eq!(DemoOptions::max_days(FIRST_DAY), 1);
        assert_eq!(DemoOptions::max_days(day(2025, 6, 30)), 1428);
        assert_eq!(DemoOptions::max_days(day(2020, 1, 1)), 0);
        let now = "2025-06-30T17:00:00";
        assert_eq!(
            options(1428, now).check(),
            Ok((FIRST_DAY, day(2025, 6, 30)))
        );
        let too_many = DemoProblem::Days {
            days: 1429,
            last: day(2025, 6, 30),
            max: 1428,
        };
        assert_eq!(options(1429, now).check(), Err(too_many));
        assert!(matches!(
            options(1, "2100-01-04T12:00:00").check(),
            Err(DemoProblem::Clock { .. })
        ));
    }

    #[test]
    fn a_year_whose_registration_numbers_would_run_out_is_refused_before_writing() {
        let taken = Taken {
            seqs: HashMap::from([(2025, LAST_SEQ - 10)]),
            ..Taken::default()
        };
        let span = (day(2025, 6, 30), day(2025, 6, 30));
        assert_eq!(unworkable(&[(span.0, 10)], 10, span, &taken), None);
        assert_eq!(
            unworkable(&[(span.0, 11)], 11, span, &taken),
            Some(DemoProblem::NumbersRunOut {
                year: 2025,
                left: 10,
                wanted: 11
            })
        );
        assert_eq!(
            unworkable(&[], 5, span, &Taken::default()),
            Some(DemoProblem::NoOpenDay {
                first: span.0,
                last: span.1
            })
        );
    }
}
