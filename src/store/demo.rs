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
//! unless forced, so demo data never mixes into a live register by accident; forced, the
//! fill is one transaction (issue 15), so a run killed or failed halfway leaves no invented
//! person among the real ones. Only a register of demo formularies alone is filled chunk
//! by chunk, each chunk committed.
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
mod options;
mod people;
mod synth;
mod taken;

pub use options::{DemoOptions, DemoProblem, FIRST_DAY, LAST_DAY};

use super::records::key;
use super::{Store, StoreError};
use crate::domain::lifecycle::State;
use crate::office::Clock;
use chain::Chain;
use chrono::NaiveDate;
use insert::{Ready, ready};
use options::unworkable;
use rusqlite::{Connection, params};
use serde::Serialize;
use serde_json::json;
use std::collections::{BTreeMap, HashMap};
use synth::Synth;
use taken::{Taken, taken};

/// Formularies per transaction: large enough that the FULL sync of a commit costs nothing
/// per row, small enough that other clerks wait at most a second or so.
pub const CHUNK: u64 = 20_000;

/// How many times a formulary is drawn again for its moment when a draw cannot be used
/// (its birth date's IIN serials are all taken): each draw has another code and birth date.
const DRAWS: u32 = 20;

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
        // K-STAFF: a fill is a write (the first to a new register makes its clerk the
        // first head); its own transactions below go around `write`.
        let sqlite = self.sqlite_fn();
        let (clock, clerk) = (self.clock, self.clerk.clone());
        let tx = self.write()?;
        super::audit::seal::commit(tx, &clock, clerk.as_str()).map_err(&sqlite)?;
        let real = self.real_formularies()?;
        if real > 0 && !options.force {
            return Ok(DemoOutcome::Refused {
                real_formularies: real,
            });
        }
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
        // Issue 15: forced into a register of real formularies, the fill is one
        // transaction, so a killed run leaves no invented person among the real ones.
        let whole = real > 0;
        let filled = fill(
            &self.conn,
            &self.clock,
            self.clerk.as_str(),
            options,
            span,
            taken,
            whole,
        );
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

/// The fill itself: a thread makes the batches, this one writes each in one transaction.
/// Nothing is written when the schedule cannot be (the problem is returned).
fn fill(
    conn: &Connection,
    clock: &Clock,
    clerk: &str,
    options: &DemoOptions,
    (first, last): (NaiveDate, NaiveDate),
    taken: Taken,
    whole: bool,
) -> rusqlite::Result<Result<DemoReport, DemoProblem>> {
    let fresh = !taken.any_formulary;
    // Chunked (each chunk committed) only into a register of demo formularies alone.
    let chunked = !fresh && !whole;
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
    // A register with real formularies (`whole`): one transaction too, with every check.
    if !chunked {
        conn.execute_batch("BEGIN IMMEDIATE")?;
    }
    let suspended = if fresh {
        Some(bulk::suspend(conn)?)
    } else {
        None
    };
    for (index, batch) in receive.into_iter().enumerate() {
        if chunked {
            conn.execute_batch("BEGIN IMMEDIATE")?;
        }
        // Issue 15: rows noted by a write outside kense are not sealed with the batch.
        super::audit::seal::discard_foreign(conn)?;
        let mut chain = Chain::load(conn, clock, clerk)?;
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
        // Issue 15: the batch's rows sealed with their digests, one entry.
        if super::audit::seal::seal(conn, &chain.at, &chain.clerk)?.is_some() {
            report.audit_entries += 1;
        }
        // Once the maker has ended, the last batches are freed here.
        let _ = give_back.send(batch);
        if chunked {
            conn.execute_batch("COMMIT")?;
        }
    }
    if let Some(suspended) = suspended {
        suspended.restore(conn)?;
    }
    if !chunked {
        conn.execute_batch("COMMIT")?;
    }
    // The maker only ends by itself; a panic there would leave formularies out.
    if maker.join().is_err() {
        return Err(rusqlite::Error::InvalidQuery);
    }
    Ok(Ok(report))
}
