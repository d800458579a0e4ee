//! `audit verify` beyond the chain (issue 15): the tables that hold the register's facts
//! against the audit log, with the details entries already carry (no new column, no new
//! digest: rows are written as before). An intruder with the `sqlite3` shell who drops
//! the triggers and changes a status, inserts or deletes a formulary or a transition, or
//! deletes a day's close row, leaves a disagreement found here, named by its place.
//!
//! Each check is one query that walks a table once with primary-key or unique-index
//! lookups (or an automatic index SQLite builds for the one anti-join), so verification
//! stays linear in the register's size. What it cannot see yet: a formulary's data
//! rewritten in place (the entries hold no digest of it), and a chain re-hashed whole
//! (nothing outside the file anchors it; `kense audit head` is the start of that).

use super::{BadEntry, Problem};
use rusqlite::{OptionalExtension, Transaction};
use std::collections::HashMap;

/// The moves' entries a transition may point to: its own registration or move, or the
/// demo batch that wrote it (one `demo_filled` entry for many rows).
const ROW_ACTIONS: &str = "('formulary_registered', 'formulary_moved', 'demo_filled')";

/// One check: the first disagreement it finds.
type Check = fn(&Transaction<'_>) -> rusqlite::Result<Option<BadEntry>>;

/// The first disagreement between the tables and the audit log, if any.
pub(super) fn first_disagreement(tx: &Transaction<'_>) -> rusqlite::Result<Option<BadEntry>> {
    let checks: [Check; 5] = [
        day_closes,
        formularies_registered,
        transitions_have_entries,
        moves_have_transitions,
        histories,
    ];
    for check in checks {
        if let Some(bad) = check(tx)? {
            return Ok(Some(bad));
        }
    }
    Ok(None)
}

/// Every `day_closed` entry has its close row (same entry, same date), and no date is
/// closed twice. A deleted close row reopens a sealed day: kense would register into it.
fn day_closes(tx: &Transaction<'_>) -> rusqlite::Result<Option<BadEntry>> {
    let missing = tx
        .query_row(
            "SELECT a.id, a.subject FROM audit_log a
             WHERE a.action = 'day_closed'
               AND NOT EXISTS (SELECT 1 FROM day_closes d
                               WHERE d.audit_id = a.id AND d.date = a.subject)
             ORDER BY a.id LIMIT 1",
            [],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
        )
        .optional()?;
    if let Some((id, date)) = missing {
        return Ok(Some(BadEntry {
            id,
            problem: Problem::CloseRowMissing { date },
        }));
    }
    let twice = tx
        .query_row(
            "SELECT MAX(id), subject FROM audit_log WHERE action = 'day_closed'
             GROUP BY subject HAVING COUNT(*) > 1 ORDER BY MAX(id) LIMIT 1",
            [],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
        )
        .optional()?;
    Ok(twice.map(|(id, date)| BadEntry {
        id,
        problem: Problem::DayClosedTwice { date },
    }))
}

/// Every formulary registered by an entry is in the register (a deleted one is missed),
/// and every formulary's first transition is its own registration entry, or a demo
/// batch's (an inserted one has neither).
fn formularies_registered(tx: &Transaction<'_>) -> rusqlite::Result<Option<BadEntry>> {
    let deleted = tx
        .query_row(
            "SELECT a.id, a.subject FROM audit_log a
             WHERE a.action = 'formulary_registered'
               AND NOT EXISTS (SELECT 1 FROM formularies f WHERE f.number = a.subject)
             ORDER BY a.id LIMIT 1",
            [],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
        )
        .optional()?;
    if let Some((id, number)) = deleted {
        return Ok(Some(BadEntry {
            id,
            problem: Problem::FormularyMissing { number },
        }));
    }
    let inserted = tx
        .query_row(
            "SELECT f.number FROM formularies f
             LEFT JOIN transitions t ON t.formulary_id = f.id AND t.seq = 1
             LEFT JOIN audit_log a ON a.id = t.audit_id
             WHERE a.id IS NULL
                OR NOT ((a.action = 'formulary_registered' AND a.subject = f.number)
                        OR a.action = 'demo_filled')
             ORDER BY f.id LIMIT 1",
            [],
            |r| r.get::<_, String>(0),
        )
        .optional()?;
    Ok(inserted.map(|number| BadEntry {
        id: 0,
        problem: Problem::FormularyUnregistered { number },
    }))
}

/// Every transition points to an entry about its formulary that records such a row.
fn transitions_have_entries(tx: &Transaction<'_>) -> rusqlite::Result<Option<BadEntry>> {
    let sql = format!(
        "SELECT f.number, t.seq, t.audit_id FROM transitions t
         JOIN formularies f ON f.id = t.formulary_id
         LEFT JOIN audit_log a ON a.id = t.audit_id
         WHERE a.id IS NULL OR a.action NOT IN {ROW_ACTIONS}
            OR (a.action <> 'demo_filled' AND a.subject <> f.number)
            OR (a.action <> 'demo_filled'
                AND (a.action = 'formulary_registered') <> (t.seq = 1))
            OR (a.action = 'formulary_moved'
                AND json_extract(a.details_json, '$.to') IS NOT t.to_state)
         ORDER BY t.formulary_id, t.seq LIMIT 1"
    );
    let found = tx
        .query_row(&sql, [], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get(2)?))
        })
        .optional()?;
    if let Some((number, seq, id)) = found {
        return Ok(Some(BadEntry {
            id,
            problem: Problem::TransitionWithoutEntry { number, seq },
        }));
    }
    // One entry of a registration or a move records one row (a demo batch, many).
    let shared = tx
        .query_row(
            "SELECT f.number, MAX(t.seq), t.audit_id FROM transitions t
             JOIN audit_log a ON a.id = t.audit_id
             JOIN formularies f ON f.id = t.formulary_id
             WHERE a.action <> 'demo_filled'
             GROUP BY t.audit_id HAVING COUNT(*) > 1 ORDER BY t.audit_id LIMIT 1",
            [],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(shared.map(|(number, seq, id)| BadEntry {
        id,
        problem: Problem::TransitionWithoutEntry { number, seq },
    }))
}

/// Every move entry has its transition (a deleted one is missed). The transitions have no
/// index on their entry: SQLite builds an automatic one for this anti-join.
fn moves_have_transitions(tx: &Transaction<'_>) -> rusqlite::Result<Option<BadEntry>> {
    let found = tx
        .query_row(
            "SELECT a.id, a.subject FROM audit_log a
             LEFT JOIN (SELECT DISTINCT audit_id FROM transitions) t ON t.audit_id = a.id
             WHERE a.action = 'formulary_moved' AND t.audit_id IS NULL
             ORDER BY a.id LIMIT 1",
            [],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
        )
        .optional()?;
    Ok(found.map(|(id, number)| BadEntry {
        id,
        problem: Problem::TransitionMissing { number },
    }))
}

/// One walk of the formularies and of their transitions side by side, both in primary-key
/// order (two sequential scans, merged here rather than joined in SQL, which would look up
/// a row per row): each history runs without a gap (each move starts where the one before
/// ended), ends at the formulary's stored status, and has no move dated on a closed day
/// but written (its entry) after that day's close.
fn histories(tx: &Transaction<'_>) -> rusqlite::Result<Option<BadEntry>> {
    let closes: HashMap<String, i64> = tx
        .prepare("SELECT date, audit_id FROM day_closes")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut formularies = tx.prepare("SELECT id, number, status FROM formularies ORDER BY id")?;
    let mut formularies = formularies.query([])?;
    let mut moves = tx.prepare(
        "SELECT formulary_id, seq, from_state, to_state, substr(at, 1, 10), audit_id
         FROM transitions ORDER BY formulary_id, seq",
    )?;
    let mut moves = moves.query_map([], |r| {
        Ok(Move {
            formulary: r.get(0)?,
            seq: r.get(1)?,
            from: r.get(2)?,
            to: r.get(3)?,
            day: r.get(4)?,
            entry: r.get(5)?,
        })
    })?;
    let mut next = moves.next().transpose()?;
    while let Some(row) = formularies.next()? {
        let (id, number, status): (i64, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
        let mut last: Option<(String, i64)> = None;
        // Moves of no formulary (an id below this one) are passed over: kense reads none.
        while let Some(m) = next.take_if(|m| m.formulary <= id) {
            if m.formulary == id {
                if let Some((to, _)) = &last
                    && *to != m.from
                {
                    return Ok(Some(BadEntry {
                        id: m.entry,
                        problem: Problem::HistoryBroken { number, seq: m.seq },
                    }));
                }
                if closes.get(&m.day).is_some_and(|close| m.entry > *close) {
                    return Ok(Some(BadEntry {
                        id: m.entry,
                        problem: Problem::AfterClose {
                            number,
                            seq: m.seq,
                            date: m.day,
                        },
                    }));
                }
                last = Some((m.to, m.entry));
            }
            next = moves.next().transpose()?;
        }
        if last.as_ref().map(|(to, _)| to) != Some(&status) {
            return Ok(Some(BadEntry {
                id: last.as_ref().map_or(0, |(_, entry)| *entry),
                problem: Problem::StateMismatch {
                    number,
                    status,
                    expected: last.map(|(to, _)| to),
                },
            }));
        }
    }
    Ok(None)
}

/// A transition as [`histories`] reads it.
struct Move {
    formulary: i64,
    seq: i64,
    from: String,
    to: String,
    /// The day it is dated (`YYYY-MM-DD`).
    day: String,
    /// Its audit entry's id.
    entry: i64,
}
