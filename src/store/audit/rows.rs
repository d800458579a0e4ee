//! `audit verify` of the rows against their digests (issue 15): the `rows_written`
//! entries are read in chain order into one list per table of what each recorded; the
//! latest record of each row is kept; every fact table is read once, each row's digest
//! computed; the two lists, both sorted by key ([`super::keys`]), are then walked side by
//! side. Sorting and merging, rather than a hash map of millions of rows looked up at
//! random, keeps verification of a million formularies (seven million rows) within its
//! benchmark (docs/BENCHMARKS.md).
//!
//! The rule for registers written before digests (version 10): a row no entry records is
//! accepted only when it was already there when digests began (its rowid at most the
//! table's `max_rowid` in `audit_digest_start`, and no more such rows than the table held
//! then); it is checked by the older checks alone (`tables.rs`) until kense writes it
//! again. Every row written since has its entry.

use super::digest::{FACTS, Fact, RowDigest, unhex};
use super::keys::{Fingerprint, Keys};
use super::seal::{ROWS_WRITTEN, start_digest};
use super::{BadEntry, Problem};
use rusqlite::Connection;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// What one seal recorded of one row: its key's fingerprint, the entry, and the digest
/// (`None`: recorded as gone).
pub(super) struct Recorded {
    key: Fingerprint,
    entry: i64,
    digest: Option<RowDigest>,
}

/// A row as found in its table.
pub(super) struct Found {
    key: Fingerprint,
    rowid: i64,
    digest: RowDigest,
}

/// What the seals recorded, one list per table of [`FACTS`], in chain order.
pub(super) type Seals = Vec<Vec<Recorded>>;

/// What [`compare`] finds wrong with one table: a row found (already named), or a row
/// recorded and gone, named by [`name_gone`] once it is known to be the first problem.
pub(super) enum Finding {
    Row(BadEntry),
    Gone { entry: i64, key: Fingerprint },
}

/// The first row that disagrees with its digest, if any, read on one connection (the
/// write lock's check; `audit verify` spreads the same steps over threads, `parallel.rs`).
pub(super) fn first_disagreement(conn: &Connection) -> rusqlite::Result<Option<BadEntry>> {
    let keys = Keys::read(conn)?;
    if let Some(bad) = key_missing(&keys) {
        return Ok(Some(bad));
    }
    let seals = match read_seals(conn, &keys, super::chain::WHOLE)? {
        Ok(seals) => seals,
        Err(bad) => return Ok(Some(bad)),
    };
    let starts = starts(conn)?;
    for ((index, fact), recorded) in FACTS.iter().enumerate().zip(seals) {
        let found = read_table(conn, fact, &keys)?;
        if let Some(finding) = compare(fact, starts[index], recorded, found) {
            return name(conn, fact, &keys, finding).map(Some);
        }
    }
    Ok(None)
}

/// The finding of a register without its key (before any seal is read).
pub(super) fn key_missing(keys: &Keys) -> Option<BadEntry> {
    keys.is_missing().then_some(BadEntry {
        id: 0,
        problem: Problem::AuditKeyMissing,
    })
}

/// Each fact table's start of digests: its `max_rowid` and row count then, in [`FACTS`]
/// order.
pub(super) fn starts(conn: &Connection) -> rusqlite::Result<Vec<(i64, i64)>> {
    let mut statement =
        conn.prepare_cached("SELECT max_rowid, rows FROM audit_digest_start WHERE tbl = ?1")?;
    FACTS
        .iter()
        .map(|fact| statement.query_row([fact.table], |r| Ok((r.get(0)?, r.get(1)?))))
        .collect()
}

/// Every row of `fact`'s table with its key's fingerprint and its digest, sorted by key.
pub(super) fn read_table(
    conn: &Connection,
    fact: &Fact,
    keys: &Keys,
) -> rusqlite::Result<Vec<Found>> {
    let mut found = Vec::new();
    let mut statement = conn.prepare(&fact.select(""))?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        found.push(Found {
            rowid: row.get(0)?,
            key: keys.of_row(fact, row.get_ref(1)?.as_str()?),
            digest: fact.digest(row)?,
        });
    }
    // By key, then rowid: of two rows with one key (only a table changed outside kense
    // has them), the record meets the first, as a walk in rowid order would.
    found.sort_unstable_by_key(|f| (f.key, f.rowid));
    Ok(found)
}

/// The first disagreement between what the seals recorded of `fact`'s rows and the rows
/// found (sorted by key): a row changed, unsealed or one too many from before digests,
/// the first in rowid order (as a walk of the table meets them); else a row recorded and
/// gone, the earliest entry first. `start`: the table's start of digests.
pub(super) fn compare(
    fact: &Fact,
    (max_rowid, rows_then): (i64, i64),
    mut recorded: Vec<Recorded>,
    found: Vec<Found>,
) -> Option<Finding> {
    // Stable: a row's records stay in chain order, so the last of each key is the latest.
    recorded.sort_by_key(|r| r.key);
    let mut latest = recorded
        .chunk_by(|a, b| a.key == b.key)
        .filter_map(<[_]>::last);
    let mut next = latest.next();
    let mut first: Option<(i64, BadEntry)> = None;
    let mut note = |rowid: i64, entry: i64, kind: Kind| {
        if first.as_ref().is_none_or(|(at, _)| rowid < *at) {
            let problem = Problem::from_place(kind, fact.table, rowid);
            first = Some((rowid, BadEntry { id: entry, problem }));
        }
    };
    let mut unrecorded = Vec::new();
    let mut gone: Option<&Recorded> = None;
    for row in &found {
        while let Some(r) = next.filter(|r| r.key < row.key) {
            earliest_gone(r, &mut gone);
            next = latest.next();
        }
        match next.filter(|r| r.key == row.key) {
            Some(r) => {
                match r.digest {
                    Some(digest) if digest == row.digest => {}
                    Some(_) => note(row.rowid, r.entry, Kind::Changed),
                    None => note(row.rowid, r.entry, Kind::Unsealed),
                }
                next = latest.next();
            }
            None if row.rowid > max_rowid => note(row.rowid, 0, Kind::Unsealed),
            None => unrecorded.push(row.rowid),
        }
    }
    for r in next.into_iter().chain(latest) {
        earliest_gone(r, &mut gone);
    }
    // Rows from before digests: no more than the table held then.
    let allowed = usize::try_from(rows_then).unwrap_or(0);
    if unrecorded.len() > allowed {
        unrecorded.sort_unstable();
        note(unrecorded[allowed], 0, Kind::BeforeDigests);
    }
    match (first, gone) {
        (Some((_, bad)), _) => Some(Finding::Row(bad)),
        (None, Some(r)) => Some(Finding::Gone {
            entry: r.entry,
            key: r.key,
        }),
        (None, None) => None,
    }
}

/// Keeps in `gone` the earliest recorded row passed over (no row found with its key).
fn earliest_gone<'a>(r: &'a Recorded, gone: &mut Option<&'a Recorded>) {
    if r.digest.is_some() && gone.is_none_or(|g| r.entry < g.entry) {
        *gone = Some(r);
    }
}

/// The problem `finding` names: a gone row by its key where that is no personal data.
pub(super) fn name(
    conn: &Connection,
    fact: &Fact,
    keys: &Keys,
    finding: Finding,
) -> rusqlite::Result<BadEntry> {
    Ok(match finding {
        Finding::Row(bad) => bad,
        Finding::Gone { entry, key } => BadEntry {
            id: entry,
            problem: Problem::RowGone {
                table: fact.table.to_string(),
                key: match fact.personal {
                    true => None,
                    false => key_sealed(conn, entry, fact, keys, key)?,
                },
            },
        },
    })
}

/// The key, as the seal `entry` wrote it, of the row of `fact` whose fingerprint is `key`:
/// looked up again only to name a row that is gone.
fn key_sealed(
    conn: &Connection,
    entry: i64,
    fact: &Fact,
    keys: &Keys,
    key: Fingerprint,
) -> rusqlite::Result<Option<String>> {
    let details: String = conn.query_row(
        "SELECT details_json FROM audit_log WHERE id = ?1",
        [entry],
        |r| r.get(0),
    )?;
    let Ok(sealed) = serde_json::from_str::<Sealed<'_>>(&details) else {
        return Ok(None);
    };
    let keyed = sealed.v >= 2;
    Ok(sealed
        .rows
        .into_iter()
        .filter(|(table, _)| table == fact.table)
        .flat_map(|(_, rows)| rows)
        .find(|(k, _)| keys.of_sealed(fact, k, keyed) == Some(key))
        .map(|(k, _)| k.into_owned()))
}

/// A seal's details as written by [`super::seal::seal`]: its start borrowed from the entry
/// where it holds no escape, the records' strings copied (serde borrows only a `Cow`
/// field itself), each turned into a fingerprint at once.
#[derive(serde::Deserialize)]
struct Sealed<'a> {
    #[serde(default)]
    v: u8,
    #[serde(borrow)]
    start: Cow<'a, str>,
    #[serde(borrow)]
    rows: BTreeMap<Cow<'a, str>, Vec<(Text<'a>, Option<Text<'a>>)>>,
}

/// A string of a seal, borrowed where it can be.
type Text<'a> = Cow<'a, str>;

/// The records of every seal in `range`, in chain order; or the first seal there that
/// cannot be read or whose start is not the register's.
pub(super) fn read_seals(
    conn: &Connection,
    keys: &Keys,
    (after, upto): super::chain::Range,
) -> rusqlite::Result<Result<Seals, BadEntry>> {
    let mut reader = SealReader::new(conn, keys)?;
    let mut statement = conn.prepare(&format!(
        "SELECT id, details_json FROM audit_log WHERE {} AND action = ?3 ORDER BY id",
        super::chain::within(after)
    ))?;
    let mut seals = statement.query(rusqlite::params![after.unwrap_or(0), upto, ROWS_WRITTEN])?;
    while let Some(row) = seals.next()? {
        let id: i64 = row.get(0)?;
        match row.get_ref(1)?.as_str() {
            Ok(details) => reader.read(id, details),
            Err(_) => reader.unreadable(id, "its details are not text"),
        }
    }
    Ok(reader.finish())
}

/// Seals read one by one, in chain order (by [`read_seals`], or by the chain's walk as it
/// meets them, so that the log is read once): their records, or the first that cannot be
/// read or whose start is not the register's.
pub(super) struct SealReader<'k> {
    keys: &'k Keys,
    start: String,
    read: Result<Seals, BadEntry>,
}

impl<'k> SealReader<'k> {
    pub(super) fn new(conn: &Connection, keys: &'k Keys) -> rusqlite::Result<SealReader<'k>> {
        Ok(SealReader {
            keys,
            start: start_digest(conn)?,
            read: Ok(FACTS.iter().map(|_| Vec::new()).collect()),
        })
    }

    /// Takes the seal `id` whose details are `details` (nothing after a bad one).
    pub(super) fn read(&mut self, id: i64, details: &str) {
        let Ok(recorded) = self.read.as_mut() else {
            return;
        };
        if let Err(problem) = take(self.keys, &self.start, id, details, recorded) {
            self.read = Err(BadEntry { id, problem });
        }
    }

    /// Seal `id` cannot be read, for `detail`.
    pub(super) fn unreadable(&mut self, id: i64, detail: &str) {
        if self.read.is_ok() {
            let detail = detail.to_string();
            self.read = Err(BadEntry {
                id,
                problem: Problem::Unreadable { detail },
            });
        }
    }

    pub(super) fn finish(self) -> Result<Seals, BadEntry> {
        self.read
    }
}

/// Adds the records of seal `id` to `recorded`; or what is wrong with it.
fn take(
    keys: &Keys,
    start: &str,
    id: i64,
    details: &str,
    recorded: &mut Seals,
) -> Result<(), Problem> {
    let unreadable = |detail: &str| Problem::Unreadable {
        detail: detail.to_string(),
    };
    let Ok(sealed) = serde_json::from_str::<Sealed<'_>>(details) else {
        return Err(unreadable("its details are not a seal of rows"));
    };
    if sealed.start != start {
        return Err(Problem::DigestStartChanged);
    }
    let keyed = sealed.v >= 2;
    for (table, rows) in sealed.rows {
        let Some((index, fact)) = super::digest::fact(&table) else {
            return Err(unreadable("it seals a table that holds no facts"));
        };
        let list = &mut recorded[index];
        list.reserve(rows.len());
        for (key, digest) in rows {
            let Some(key) = keys.of_sealed(fact, &key, keyed) else {
                return Err(unreadable("a row's keyed name cannot be read"));
            };
            let digest = match digest.as_deref().map(unhex) {
                None => None,
                Some(Some(digest)) => Some(digest),
                Some(None) => return Err(unreadable("a digest is not 32 hex digits")),
            };
            list.push(Recorded {
                key,
                entry: id,
                digest,
            });
        }
    }
    Ok(())
}

/// What is wrong with a row found in its table.
enum Kind {
    Changed,
    Unsealed,
    BeforeDigests,
}

impl Problem {
    /// The problem of kind `kind` at row `row` of `table`.
    fn from_place(kind: Kind, table: &str, row: i64) -> Problem {
        let table = table.to_string();
        match kind {
            Kind::Changed => Problem::RowChanged { table, row },
            Kind::Unsealed => Problem::RowUnsealed { table, row },
            Kind::BeforeDigests => Problem::RowsBeforeDigests { table, row },
        }
    }
}
