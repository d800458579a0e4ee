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
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashMap;

/// The moves' entries a transition may point to: its own registration or move, or the
/// demo batch that wrote it (one `demo_filled` entry for many rows).
const ROW_ACTIONS: &str = "('formulary_registered', 'formulary_moved', 'demo_filled')";

/// One check: the first disagreement it finds.
pub(super) type Check = fn(&Connection) -> rusqlite::Result<Option<BadEntry>>;

/// Every check, in the order their findings come first.
pub(super) const CHECKS: [Check; 5] = [
    day_closes,
    formularies_registered,
    transitions_have_entries,
    moves_have_transitions,
    histories,
];

/// The first disagreement between the tables and the audit log, if any.
pub(super) fn first_disagreement(tx: &Connection) -> rusqlite::Result<Option<BadEntry>> {
    for check in CHECKS {
        if let Some(bad) = check(tx)? {
            return Ok(Some(bad));
        }
    }
    Ok(None)
}

/// Every `day_closed` entry has its close row (same entry, same date), and no date is
/// closed twice. A deleted close row reopens a sealed day: kense would register into it.
fn day_closes(tx: &Connection) -> rusqlite::Result<Option<BadEntry>> {
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
fn formularies_registered(tx: &Connection) -> rusqlite::Result<Option<BadEntry>> {
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
fn transitions_have_entries(tx: &Connection) -> rusqlite::Result<Option<BadEntry>> {
    let sql = format!(
        "SELECT f.number, t.seq, t.audit_id, t.formulary_id FROM transitions t
         JOIN formularies f ON f.id = t.formulary_id
         LEFT JOIN audit_log a ON a.id = t.audit_id
         WHERE a.id IS NULL OR a.action NOT IN {ROW_ACTIONS}
            OR (a.action <> 'demo_filled' AND a.subject <> f.number)
            OR (a.action <> 'demo_filled'
                AND (a.action = 'formulary_registered') <> (t.seq = 1))
            OR (a.action = 'formulary_moved'
                AND json_extract(a.details_json, '$.to') IS NOT t.to_state)"
    );
    // The first by key, chosen here: an ORDER BY would walk the transitions in key order,
    // a lookup of a row elsewhere in the file for each (there are none in a sound register).
    let mut statement = tx.prepare(&sql)?;
    let mut rows = statement.query([])?;
    let mut found: Option<((i64, i64), String, i64)> = None;
    while let Some(row) = rows.next()? {
        let key = (row.get(3)?, row.get(1)?);
        if found.as_ref().is_none_or(|(first, _, _)| key < *first) {
            found = Some((key, row.get(0)?, row.get(2)?));
        }
    }
    if let Some(((_, seq), number, id)) = found {
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
fn moves_have_transitions(tx: &Connection) -> rusqlite::Result<Option<BadEntry>> {
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

/// One walk of the formularies, in id order, beside their transitions, read in the order
/// they were written (a sequential scan: walked in key order, each would be a lookup of a
/// row somewhere else in the file) and sorted here: each history runs without a gap (each
/// move starts where the one before ended), ends at the formulary's stored status, and has
/// no move dated on a closed day but written (its entry) after that day's close.
fn histories(tx: &Connection) -> rusqlite::Result<Option<BadEntry>> {
    let closes: HashMap<String, i64> = tx
        .prepare("SELECT date, audit_id FROM day_closes")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut states = States::default();
    let mut moves = Vec::new();
    let mut statement = tx.prepare(
        "SELECT formulary_id, seq, from_state, to_state, substr(at, 1, 10), audit_id
         FROM transitions",
    )?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let entry: i64 = row.get(5)?;
        moves.push(Move {
            formulary: row.get(0)?,
            seq: row.get(1)?,
            from: states.code(row.get_ref(2)?.as_str()?),
            to: states.code(row.get_ref(3)?.as_str()?),
            late: closes
                .get(row.get_ref(4)?.as_str()?)
                .is_some_and(|close| entry > *close),
            entry,
        });
    }
    moves.sort_unstable_by_key(|m| (m.formulary, m.seq));
    let mut moves = moves.into_iter().peekable();
    let mut formularies = tx.prepare("SELECT id, number, status FROM formularies ORDER BY id")?;
    let mut formularies = formularies.query([])?;
    while let Some(row) = formularies.next()? {
        let (id, number, status): (i64, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
        let mut last: Option<(u32, i64)> = None;
        // Moves of no formulary (an id below this one) are passed over: kense reads none.
        while let Some(m) = moves.next_if(|m| m.formulary <= id) {
            if m.formulary != id {
                continue;
            }
            if last.is_some_and(|(to, _)| to != m.from) {
                return Ok(Some(BadEntry {
                    id: m.entry,
                    problem: Problem::HistoryBroken { number, seq: m.seq },
                }));
            }
            if m.late {
                let date = tx.query_row(
                    "SELECT substr(at, 1, 10) FROM transitions WHERE formulary_id = ?1 AND seq = ?2",
                    [m.formulary, m.seq],
                    |r| r.get(0),
                )?;
                return Ok(Some(BadEntry {
                    id: m.entry,
                    problem: Problem::AfterClose {
                        number,
                        seq: m.seq,
                        date,
                    },
                }));
            }
            last = Some((m.to, m.entry));
        }
        let expected = last.map(|(to, _)| states.name(to));
        if expected != Some(status.as_str()) {
            return Ok(Some(BadEntry {
                id: last.map_or(0, |(_, entry)| entry),
                problem: Problem::StateMismatch {
                    number,
                    expected: expected.map(str::to_string),
                    status,
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
    /// Its states, by their [`States`] code.
    from: u32,
    to: u32,
    /// Dated on a closed day but written after the close.
    late: bool,
    /// Its audit entry's id.
    entry: i64,
}

/// The states met, each by a small code, so that millions of moves hold no string each.
#[derive(Default)]
struct States {
    names: Vec<String>,
    codes: HashMap<String, u32>,
}

impl States {
    /// The code of `state`, given it the first time it is met.
    fn code(&mut self, state: &str) -> u32 {
        if let Some(code) = self.codes.get(state) {
            return *code;
        }
        // More names than u32 counts cannot be read from one register: saturating is moot.
        let code = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(state.to_string());
        self.codes.insert(state.to_string(), code);
        code
    }

    fn name(&self, code: u32) -> &str {
        usize::try_from(code)
            .ok()
            .and_then(|i| self.names.get(i))
            .map_or("", String::as_str)
    }
}
