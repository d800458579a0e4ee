//! `audit verify` of the rows against their digests (issue 15): the `rows_written`
//! entries are read in chain order, the latest digest of each row kept; then every fact
//! table is walked once, each row's digest computed and compared with its entry's.
//!
//! The rule for registers written before digests (version 10): a row no entry records is
//! accepted only when it was already there when digests began (its rowid at most the
//! table's `max_rowid` in `audit_digest_start`, and no more such rows than the table held
//! then); it is checked by the older checks alone (`tables.rs`) until kense writes it
//! again. Every row written since has its entry.

use super::digest::{FACTS, RowDigest, fact, start_digest, unhex};
use super::seal::ROWS_WRITTEN;
use super::{BadEntry, Problem};
use rusqlite::Transaction;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

/// A seal's details as written by [`super::seal::seal`].
#[derive(Deserialize)]
struct Sealed {
    start: String,
    rows: BTreeMap<String, Vec<(String, Option<String>)>>,
}

/// The latest digest recorded of each row of one table, by its key's [`fingerprint`]: the
/// entry, the digest (`None`: recorded as gone) and the key.
type Recorded = HashMap<u128, (i64, Option<RowDigest>, Box<str>), BuildHasherDefault<Low>>;

/// A key's fingerprint: two 64-bit FNV-1a hashes with different bases, so that the map
/// holds no string per row and hashes none again. Two keys with one fingerprint could
/// only hide a row gone behind another row written in its place whose digest, which
/// covers its key, equals the gone one's: that is a second digest preimage, not a chance.
fn fingerprint(key: &str) -> u128 {
    let (mut a, mut b) = (0xcbf2_9ce4_8422_2325_u64, 0x6c62_272e_07bb_0142_u64);
    for byte in key.bytes() {
        a = (a ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        b = (b ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    (u128::from(a) << 64) | u128::from(b)
}

/// The map's hasher: the fingerprint is a hash already, its low bits are used as they are.
#[derive(Default)]
struct Low(u64);

impl Hasher for Low {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 << 8) | u64::from(*byte);
        }
    }
    fn write_u128(&mut self, value: u128) {
        self.0 = value as u64 ^ (value >> 64) as u64;
    }
}

/// The first row that disagrees with its digest, if any.
pub(super) fn first_disagreement(tx: &Transaction<'_>) -> rusqlite::Result<Option<BadEntry>> {
    let mut recorded: Vec<Recorded> = FACTS.iter().map(|_| Recorded::default()).collect();
    if let Some(bad) = read_seals(tx, &mut recorded)? {
        return Ok(Some(bad));
    }
    let mut start = tx.prepare("SELECT max_rowid, rows FROM audit_digest_start WHERE tbl = ?1")?;
    for (fact, recorded) in FACTS.iter().zip(recorded.iter_mut()) {
        let (max_rowid, rows_then): (i64, i64) =
            start.query_row([fact.table], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let mut unrecorded = 0i64;
        let mut statement = tx.prepare(&fact.select(""))?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let rowid: i64 = row.get(0)?;
            let key = fingerprint(row.get_ref(1)?.as_str()?);
            let place = |problem| Problem::from_place(problem, fact.table, rowid);
            match recorded.remove(&key) {
                Some((entry, Some(digest), _)) => {
                    if fact.digest(row)? != digest {
                        return Ok(Some(BadEntry {
                            id: entry,
                            problem: place(Kind::Changed),
                        }));
                    }
                }
                Some((entry, None, _)) => {
                    return Ok(Some(BadEntry {
                        id: entry,
                        problem: place(Kind::Unsealed),
                    }));
                }
                None if rowid > max_rowid => {
                    return Ok(Some(BadEntry {
                        id: 0,
                        problem: place(Kind::Unsealed),
                    }));
                }
                None => {
                    unrecorded += 1;
                    if unrecorded > rows_then {
                        return Ok(Some(BadEntry {
                            id: 0,
                            problem: place(Kind::BeforeDigests),
                        }));
                    }
                }
            }
        }
        // What is left was recorded but is not in the table: the earliest entry first.
        let gone = recorded
            .iter()
            .filter_map(|(_, (entry, digest, key))| digest.map(|_| (*entry, key)))
            .min();
        if let Some((entry, key)) = gone {
            return Ok(Some(BadEntry {
                id: entry,
                problem: Problem::RowGone {
                    table: fact.table.to_string(),
                    key: (!fact.personal).then(|| key.to_string()),
                },
            }));
        }
    }
    Ok(None)
}

/// Reads every seal into `recorded`, the later over the earlier; names the first seal
/// that cannot be read or whose start is not the register's.
fn read_seals(
    tx: &Transaction<'_>,
    recorded: &mut [Recorded],
) -> rusqlite::Result<Option<BadEntry>> {
    let start = start_digest(tx)?;
    let mut statement =
        tx.prepare("SELECT id, details_json FROM audit_log WHERE action = ?1 ORDER BY id")?;
    let mut seals = statement.query([ROWS_WRITTEN])?;
    while let Some(row) = seals.next()? {
        let id: i64 = row.get(0)?;
        let unreadable = |detail: &str| {
            Ok(Some(BadEntry {
                id,
                problem: Problem::Unreadable {
                    detail: detail.to_string(),
                },
            }))
        };
        let Ok(details) = row.get_ref(1)?.as_str() else {
            return unreadable("its details are not text");
        };
        let Ok(sealed) = serde_json::from_str::<Sealed>(details) else {
            return unreadable("its details are not a seal of rows");
        };
        if sealed.start != start {
            return Ok(Some(BadEntry {
                id,
                problem: Problem::DigestStartChanged,
            }));
        }
        for (table, rows) in sealed.rows {
            let Some((index, _)) = fact(&table) else {
                return unreadable("it seals a table that holds no facts");
            };
            for (key, digest) in rows {
                let digest = match digest.as_deref().map(unhex) {
                    None => None,
                    Some(Some(digest)) => Some(digest),
                    Some(None) => return unreadable("a digest is not 32 hex digits"),
                };
                recorded[index].insert(fingerprint(&key), (id, digest, key.into_boxed_str()));
            }
        }
    }
    Ok(None)
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
