//! `kense audit verify` over threads (issue 15: ≤ 10 s at a million formularies).
//!
//! The work of [`super::verify`] and SQLite's `quick_check` is cut into tasks: the chain
//! and the seals in ranges of ids, the day closes, each check of `tables.rs`, reading each
//! fact table with its digests, the file's check. Each thread takes the next task on its own read-only connection; the
//! caller's connection works too. The results are then put together in the order the
//! sequential check would have found them, so the report is the same whichever thread ran
//! what.
//!
//! One snapshot: a gate connection takes the write lock (waiting for a clerk's write to
//! end) and writes nothing; while it holds it, the caller's snapshot and every thread's
//! begin, so no commit, by kense or by the `sqlite3` shell, falls between them; then the
//! gate lets go, after milliseconds. A thread whose chain head is not the caller's (it
//! cannot be, short of a write around SQLite's locks) stays out. Without the gate (a file
//! this account may only read, so that SQLite opens the gate read-only and it would lock
//! nothing, or a writer holding the lock past the gate's second) or without another
//! connection (an in-memory register) the caller does every task itself.

use super::chain;
use super::digest::{FACTS, fact};
use super::keys::Keys;
use super::rows::{self, Found, Seals};
use super::tables::CHECKS;
use super::{AuditReport, BadEntry, head};
use rusqlite::{Connection, MAIN_DB};
use std::sync::{Mutex, PoisonError};

/// One piece of the work.
#[derive(Clone, Copy)]
enum Task {
    QuickCheck,
    /// The chain's links and the seals in one range of ids (`chain::ranges`), by its
    /// place.
    Range(usize),
    Closes,
    Check(usize),
    Table(usize),
}

/// A task's result.
enum Done {
    QuickCheck(Vec<String>),
    Range(usize, AuditReport, Result<Seals, BadEntry>),
    Closes(Option<BadEntry>),
    Check(usize, Option<BadEntry>),
    Table(usize, Vec<Found>),
}

/// What the tasks found so far.
struct Results {
    quick_check: Vec<String>,
    links: Vec<Option<AuditReport>>,
    closes: Option<BadEntry>,
    checks: Vec<Option<BadEntry>>,
    seals: Vec<Option<Result<Seals, BadEntry>>>,
    found: Vec<Option<Vec<Found>>>,
    error: Option<rusqlite::Error>,
}

/// How the threads get their connections to the register's file.
pub(in crate::store) struct Openers<'a> {
    /// A read-only connection, for a thread.
    pub(in crate::store) reader: &'a (dyn Fn() -> rusqlite::Result<Connection> + Sync),
    /// A connection that may take the write lock (and writes nothing): the gate.
    pub(in crate::store) writer: &'a dyn Fn() -> rusqlite::Result<Connection>,
}

/// `quick_check`'s verdict (`["ok"]` when the file is sound; empty unless `quick_check`)
/// and the audit report, as [`super::verify`] would give it. `main` is in a read
/// transaction of its own; `open` opens another read-only connection to the same file.
pub(in crate::store) fn verify_parallel(
    main: &Connection,
    open: &Openers<'_>,
    quick_check: bool,
) -> rusqlite::Result<(Vec<String>, AuditReport)> {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 4));
    // Every snapshot begins while the gate holds the write lock: nothing is written
    // between them, by kense or by anyone else through SQLite.
    // A connection SQLite opened read-only (an account that may only read the file)
    // takes no lock at BEGIN IMMEDIATE: no gate then.
    let gate = (open.writer)()
        .and_then(|gate| {
            gate.execute_batch("BEGIN IMMEDIATE")?;
            Ok(gate)
        })
        .ok()
        .filter(|gate| matches!(gate.is_readonly(MAIN_DB), Ok(false)));
    // The caller's snapshot begins with this read.
    let snapshot = head(main)?;
    let helpers: Vec<Connection> = match &gate {
        Some(_) => (1..threads)
            .filter_map(|_| joined(open.reader, &snapshot))
            .collect(),
        None => Vec::new(),
    };
    if let Some(gate) = gate {
        gate.execute_batch("ROLLBACK")?;
    }
    let keys = Keys::read(main)?;
    // Two ranges a thread, so that one left with a longer range is not waited for long.
    let ranges = chain::ranges(main, threads * 2)?;
    let queue = Mutex::new(tasks(quick_check, ranges.len()));
    let results = Mutex::new(Results {
        quick_check: Vec::new(),
        links: ranges.iter().map(|_| None).collect(),
        closes: None,
        checks: CHECKS.iter().map(|_| None).collect(),
        seals: ranges.iter().map(|_| None).collect(),
        found: FACTS.iter().map(|_| None).collect(),
        error: None,
    });
    std::thread::scope(|scope| {
        for conn in helpers {
            let (keys, ranges, queue, results) = (&keys, &ranges, &queue, &results);
            scope.spawn(move || work(&conn, keys, ranges, queue, results));
        }
        work(main, &keys, &ranges, &queue, &results);
    });
    let mut results = results.into_inner().unwrap_or_else(PoisonError::into_inner);
    if results.error.is_some() {
        // A task failed (a table that no longer reads, say): one connection then does it
        // all in the sequential order, so a finding that comes first (a broken chain) is
        // still named, and an error is met only where that order meets it.
        let verdict = match quick_check {
            true => file_check(main)?,
            false => Vec::new(),
        };
        // A damaged file is said as such, before a walk that would fail on it.
        if quick_check && verdict != ["ok"] {
            let report = AuditReport {
                entries: 0,
                head: super::GENESIS.to_string(),
                first_bad: None,
            };
            return Ok((verdict, report));
        }
        return Ok((verdict, super::verify(main)?));
    }
    let mut report = whole_chain(&mut results)?;
    if report.first_bad.is_none() {
        report.first_bad = results.closes.take();
    }
    if report.first_bad.is_none() {
        report.first_bad = results.checks.iter_mut().find_map(Option::take);
    }
    if report.first_bad.is_none() {
        report.first_bad = rows_found(main, &keys, &mut results)?;
    }
    Ok((results.quick_check, report))
}

/// The chain's ranges put together: the report of a walk of the whole chain.
fn whole_chain(results: &mut Results) -> rusqlite::Result<AuditReport> {
    let mut entries = 0;
    let mut head = super::GENESIS.to_string();
    for range in &mut results.links {
        let range = range.take().ok_or(rusqlite::Error::InvalidQuery)?;
        entries += range.entries;
        if range.first_bad.is_some() {
            return Ok(AuditReport { entries, ..range });
        }
        head = range.head;
    }
    Ok(AuditReport {
        entries,
        head,
        first_bad: None,
    })
}

/// Every task, the longest first (at a million formularies: the transitions' rows, the
/// file's check, the seals, the formularies' rows, the histories), so that no thread is
/// left with a long one at the end.
fn tasks(quick_check: bool, ranges: usize) -> Vec<Task> {
    let table = |name: &str| fact(name).map(|(index, _)| Task::Table(index));
    let mut first: Vec<Task> = [
        table("transitions"),
        quick_check.then_some(Task::QuickCheck),
    ]
    .into_iter()
    .flatten()
    .collect();
    first.extend(table("formularies"));
    first.extend((0..CHECKS.len()).rev().map(Task::Check));
    first.extend((0..ranges).map(Task::Range));
    first.push(Task::Closes);
    for (index, _) in FACTS.iter().enumerate() {
        if !first
            .iter()
            .any(|t| matches!(t, Task::Table(i) if *i == index))
        {
            first.push(Task::Table(index));
        }
    }
    // Taken from the end.
    first.reverse();
    first
}

/// Another connection in the caller's snapshot (`snapshot`: the chain's head the caller
/// sees), or `None` when none can be had.
pub(super) fn joined(
    open: &(dyn Fn() -> rusqlite::Result<Connection> + Sync),
    snapshot: &str,
) -> Option<Connection> {
    let conn = open().ok()?;
    conn.execute_batch("BEGIN").ok()?;
    (head(&conn).ok()? == snapshot).then_some(conn)
}

/// Takes tasks until none is left (or one failed), and keeps what each found.
fn work(
    conn: &Connection,
    keys: &Keys,
    ranges: &[chain::Range],
    queue: &Mutex<Vec<Task>>,
    results: &Mutex<Results>,
) {
    loop {
        let Some(task) = queue.lock().unwrap_or_else(PoisonError::into_inner).pop() else {
            return;
        };
        let done = run(conn, keys, ranges, task);
        let mut results = results.lock().unwrap_or_else(PoisonError::into_inner);
        match done {
            Ok(Done::QuickCheck(verdict)) => results.quick_check = verdict,
            Ok(Done::Range(index, report, seals)) => {
                results.links[index] = Some(report);
                results.seals[index] = Some(seals);
            }
            Ok(Done::Closes(found)) => results.closes = found,
            Ok(Done::Check(index, found)) => results.checks[index] = found,
            Ok(Done::Table(index, found)) => results.found[index] = Some(found),
            Err(error) => {
                results.error.get_or_insert(error);
                queue.lock().unwrap_or_else(PoisonError::into_inner).clear();
            }
        }
    }
}

/// Does one task.
fn run(
    conn: &Connection,
    keys: &Keys,
    ranges: &[chain::Range],
    task: Task,
) -> rusqlite::Result<Done> {
    Ok(match task {
        Task::QuickCheck => Done::QuickCheck(file_check(conn)?),
        Task::Range(index) => {
            let mut seals = rows::SealReader::new(conn, keys)?;
            let report = chain::links(conn, ranges[index], Some(&mut seals))?;
            Done::Range(index, report, seals.finish())
        }
        Task::Closes => Done::Closes(chain::closes(conn)?),
        Task::Check(index) => Done::Check(index, CHECKS[index](conn)?),
        Task::Table(index) => Done::Table(index, rows::read_table(conn, &FACTS[index], keys)?),
    })
}

/// SQLite's `quick_check` of the whole file: `["ok"]`, or its findings.
fn file_check(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut statement = conn.prepare("PRAGMA quick_check")?;
    let verdict = statement.query_map([], |r| r.get(0))?;
    verdict.collect()
}

/// The first row that disagrees with its digest, from the seals and the tables read: the
/// tables compared on threads, the first finding in [`FACTS`] order named.
fn rows_found(
    main: &Connection,
    keys: &Keys,
    results: &mut Results,
) -> rusqlite::Result<Option<BadEntry>> {
    if let Some(bad) = rows::key_missing(keys) {
        return Ok(Some(bad));
    }
    // The ranges' records, in chain order.
    let mut seals: Seals = FACTS.iter().map(|_| Vec::new()).collect();
    for range in &mut results.seals {
        match range.take() {
            Some(Ok(part)) => {
                for (all, part) in seals.iter_mut().zip(part) {
                    if all.is_empty() {
                        *all = part;
                    } else {
                        all.extend(part);
                    }
                }
            }
            Some(Err(bad)) => return Ok(Some(bad)),
            None => return Err(rusqlite::Error::InvalidQuery),
        }
    }
    let starts = rows::starts(main)?;
    let mut pairs = Vec::new();
    for ((index, recorded), found) in seals.into_iter().enumerate().zip(&mut results.found) {
        let found = found.take().ok_or(rusqlite::Error::InvalidQuery)?;
        pairs.push(Mutex::new(Some((index, recorded, found))));
    }
    let findings: Vec<Mutex<Option<rows::Finding>>> =
        FACTS.iter().map(|_| Mutex::new(None)).collect();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 4));
    let compare_all = || {
        for pair in &pairs {
            let taken = pair.lock().unwrap_or_else(PoisonError::into_inner).take();
            if let Some((index, recorded, found)) = taken {
                let finding = rows::compare(&FACTS[index], starts[index], recorded, found);
                *findings[index]
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner) = finding;
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(compare_all);
        }
        compare_all();
    });
    for (index, finding) in findings.into_iter().enumerate() {
        if let Some(finding) = finding.into_inner().unwrap_or_else(PoisonError::into_inner) {
            return rows::name(main, &FACTS[index], keys, finding).map(Some);
        }
    }
    Ok(None)
}
