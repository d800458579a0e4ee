//! The chain itself: each entry linked to the one before and hashed right, and every day
//! close against it (see the module docs of `audit.rs` for the encoding).
//!
//! Each entry's checks involve only it and the entry before, so the chain is checked in
//! ranges of ids side by side (`parallel.rs`): a range starts from the hash stored in the
//! entry before it, which that entry's own range checks. Each range's walk also reads the
//! seals of rows it meets, so the log is read once.

use super::digest::hex;
use super::rows::SealReader;
use super::seal::ROWS_WRITTEN;
use super::{AuditReport, BadEntry, GENESIS, Problem, entry_digest, verify};
use rusqlite::{Connection, OptionalExtension, params};

/// Fewer entries than this a range are not worth a thread of their own.
const ENTRIES_A_RANGE: i64 = 64;

/// A range of ids: those after the first (none: from the first entry there is) up to and
/// including the second.
pub(super) type Range = (Option<i64>, i64);

/// Every id.
pub(super) const WHOLE: Range = (None, i64::MAX);

/// The whole chain in id order and every day close against it.
pub(super) fn chain(tx: &Connection) -> rusqlite::Result<AuditReport> {
    let mut report = links(tx, WHOLE, None)?;
    if report.first_bad.is_none() {
        report.first_bad = closes(tx)?;
    }
    Ok(report)
}

/// Up to `parts` ranges of ids that together hold every entry, in order.
pub(super) fn ranges(tx: &Connection, parts: usize) -> rusqlite::Result<Vec<Range>> {
    let (first, last): (Option<i64>, Option<i64>) =
        tx.query_row("SELECT MIN(id), MAX(id) FROM audit_log", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let (Some(first), Some(last)) = (first, last) else {
        return Ok(vec![WHOLE]);
    };
    // Saturating: ids are the file's, whatever it holds (an id at either end of i64).
    let span = last.saturating_sub(first).saturating_add(1);
    let parts = i64::try_from(parts)
        .unwrap_or(1)
        .min(span / ENTRIES_A_RANGE)
        .max(1);
    let step = span / parts;
    let cuts: Vec<i64> = (1..parts)
        .map(|k| {
            first
                .saturating_add(k.saturating_mul(step))
                .saturating_sub(1)
        })
        .collect();
    let mut ranges = Vec::with_capacity(cuts.len() + 1);
    let mut after = None;
    for cut in cuts {
        ranges.push((after, cut));
        after = Some(cut);
    }
    ranges.push((after, i64::MAX));
    Ok(ranges)
}

/// The entries in `range`, in id order, the first linked to the entry before them (or to
/// [`GENESIS`]): each entry's link and hash. `entries`: those that checked out before the
/// first bad one; `head`: the last good hash. Each good seal of rows met is given to
/// `seals`, if any.
pub(super) fn links(
    tx: &Connection,
    (after, upto): Range,
    mut seals: Option<&mut SealReader<'_>>,
) -> rusqlite::Result<AuditReport> {
    let mut expected: String = match after {
        None => None,
        Some(after) => tx
            .query_row(
                "SELECT hash FROM audit_log WHERE id <= ?1 ORDER BY id DESC LIMIT 1",
                [after],
                |r| r.get(0),
            )
            .optional()?,
    }
    .unwrap_or_else(|| GENESIS.to_string());
    let mut statement = tx.prepare(&format!(
        "SELECT id, at, clerk, action, subject, details_json, prev_hash, hash
         FROM audit_log WHERE {} ORDER BY id",
        within(after)
    ))?;
    let mut rows = statement.query(params![after.unwrap_or(0), upto])?;
    let mut entries = 0u64;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let bad = |problem, expected: &str| AuditReport {
            entries,
            head: expected.to_string(),
            first_bad: Some(BadEntry { id, problem }),
        };
        let mut fields = [""; 7];
        for (i, field) in fields.iter_mut().enumerate() {
            match row.get_ref(i + 1)?.as_str() {
                Ok(text) => *field = text,
                Err(e) => {
                    let detail = format!("field {} of the entry: {e}", i + 1);
                    return Ok(bad(Problem::Unreadable { detail }, &expected));
                }
            }
        }
        let [at, clerk, action, subject, details, prev_hash, hash] = fields;
        if prev_hash != expected {
            let problem = Problem::BrokenLink {
                expected: expected.clone(),
                found: prev_hash.to_string(),
            };
            return Ok(bad(problem, &expected));
        }
        let computed = hex(&entry_digest(
            prev_hash, id, at, clerk, action, subject, details,
        ));
        if computed != hash {
            let problem = Problem::WrongHash {
                expected: computed,
                found: hash.to_string(),
            };
            return Ok(bad(problem, &expected));
        }
        if action == ROWS_WRITTEN
            && let Some(seals) = seals.as_deref_mut()
        {
            seals.read(id, details);
        }
        entries += 1;
        expected.clear();
        expected.push_str(hash);
    }
    Ok(AuditReport {
        entries,
        head: expected,
        first_bad: None,
    })
}

/// Every day close against the chain, once the chain holds: the entry each close wrote
/// must be there (a cut starting at it removes the close's trace entirely), be a
/// `day_closed` of that date, and follow the head the close recorded. Since that entry is
/// in the chain, the head it follows is the hash of the entry before it: in the chain too.
pub(super) fn closes(tx: &Connection) -> rusqlite::Result<Option<BadEntry>> {
    let mut closes =
        tx.prepare("SELECT date, audit_hash, audit_id FROM day_closes ORDER BY audit_id")?;
    let closes = closes
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut own = tx.prepare("SELECT action, subject, prev_hash FROM audit_log WHERE id = ?1")?;
    for (date, audit_hash, id) in closes {
        let entry: Option<(String, String, String)> = own
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let own_ok = entry.as_ref().is_some_and(|(action, subject, prev)| {
            action == "day_closed" && *subject == date && *prev == audit_hash
        });
        if !own_ok {
            return Ok(Some(BadEntry {
                id,
                problem: Problem::DayCloseEntryMissing { date, audit_id: id },
            }));
        }
    }
    Ok(None)
}

/// What came after a check made in an earlier snapshot whose chain ended at `checked`'s
/// head: the entries since, each linked to the one before and hashed right. A close
/// checks the whole register before it takes the write lock (other clerks write
/// meanwhile), and only this under the lock, so that the head it records extends the
/// chain it checked. When that head is no longer in the chain, the whole check runs here.
pub(in crate::store) fn verify_since(
    tx: &Connection,
    checked: &AuditReport,
) -> rusqlite::Result<Option<BadEntry>> {
    let after: Option<Range> = if checked.head == GENESIS {
        Some(WHOLE)
    } else {
        // Ids count up from 1, so the head's is at least the number of entries checked.
        let from = i64::try_from(checked.entries).unwrap_or(i64::MAX);
        tx.query_row(
            "SELECT id FROM audit_log WHERE id >= ?1 AND hash = ?2 ORDER BY id LIMIT 1",
            params![from, checked.head],
            |r| r.get(0).map(|id| (Some(id), i64::MAX)),
        )
        .optional()?
    };
    match after {
        Some(range) => Ok(links(tx, range, None)?.first_bad),
        None => Ok(verify(tx)?.first_bad),
    }
}

/// The SQL condition on `id` of a range whose lower end is `after`, with `?1` the lower
/// end (unused without one) and `?2` the upper: two conditions on the rowid, which SQLite
/// seeks to rather than scans.
pub(super) fn within(after: Option<i64>) -> &'static str {
    match after {
        Some(_) => "id > ?1 AND id <= ?2",
        None => "?1 = ?1 AND id <= ?2",
    }
}
