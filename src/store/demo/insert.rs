//! Writing one demo formulary and everything its registration and moves record.

use super::synth::Planned;
use crate::domain::lifecycle::{Event, State};
use crate::store::numbers::registration_number;
use crate::store::numbers::{fold_name, name_key};
use crate::store::records::key;
use chrono::Datelike;
use rusqlite::{Connection, params};
use std::collections::HashMap;

fn encoding(e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(Box::new(e))
}

/// Writes one formulary and all it records; returns its registration number.
pub(super) fn insert(
    conn: &Connection,
    audit_id: i64,
    seqs: &mut HashMap<i32, i64>,
    names: &HashMap<State, String>,
    r: &Ready,
) -> rusqlite::Result<String> {
    let p = &r.planned;
    let f = &p.formulary;
    let year = p.registered_at.year();
    let seq = match seqs.get_mut(&year) {
        Some(seq) => seq,
        None => {
            let last: i64 = conn
                .prepare_cached("SELECT COALESCE(MAX(seq), 0) FROM formularies WHERE year = ?1")?
                .query_row([year], |r| r.get(0))?;
            seqs.entry(year).or_insert(last)
        }
    };
    *seq += 1;
    let number = registration_number(year, *seq);
    let (surname, given) = (
        f.surname.as_deref().unwrap_or_default(),
        f.given_name.as_deref().unwrap_or_default(),
    );
    conn.prepare_cached(
        "INSERT INTO persons (iin, surname, given_name, patronymic, birth_date, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        p.iin.as_str(),
        surname,
        given,
        f.patronymic,
        p.birth.to_string(),
        p.registered_at.format("%Y-%m-%dT%H:%M:%S").to_string()
    ])?;
    let document = key(&p.document).map_err(encoding)?;
    let state = names
        .get(&p.lifecycle.state())
        .map_or("registered", String::as_str);
    conn.prepare_cached(
        "INSERT INTO formularies (number, coupon, year, seq, registered_on, clerk, iin,
            surname, given_name, patronymic, surname_key, given_key, filling_code,
            region_code, district_code, document, status, formulary_json,
            surname_fold, given_fold)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
            ?17, ?18, ?19, ?20)",
    )?
    .execute(params![
        number,
        p.coupon,
        year,
        *seq,
        p.registered_at.date().to_string(),
        p.clerk,
        p.iin.as_str(),
        surname,
        given,
        f.patronymic,
        r.surname_key,
        r.given_key,
        f.filling_code.as_deref().unwrap_or_default(),
        f.region_code.as_deref().unwrap_or_default(),
        f.district_code.as_deref().unwrap_or_default(),
        document,
        state,
        r.json,
        r.surname_fold,
        r.given_fold
    ])?;
    let id = conn.last_insert_rowid();
    let mut journal = p.journal.iter();
    let name = |s: State| names.get(&s).map_or("", String::as_str);
    for (i, (t, (event, at))) in p.lifecycle.transitions().iter().zip(&r.moves).enumerate() {
        conn.prepare_cached(
            "INSERT INTO transitions (formulary_id, seq, from_state, to_state, event_json,
                clerk, at, reason, audit_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            id,
            i64::try_from(i).unwrap_or(i64::MAX) + 1,
            name(t.from),
            name(t.to),
            event,
            t.clerk,
            at,
            t.reason,
            audit_id
        ])?;
        match &t.event {
            // M-16: the conclusion goes into the year's journal under its line.
            Event::Confirm { conclusion } | Event::Refuse { conclusion } => {
                let outcome = if t.to == State::Cancelled {
                    "refuse"
                } else {
                    "confirm"
                };
                if let Some((year, line)) = journal.next() {
                    conn.prepare_cached(
                        "INSERT INTO conclusions (year, seq, number, date, outcome,
                            formulary_id, clerk, audit_id)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    )?
                    .execute(params![
                        year,
                        line,
                        conclusion.number,
                        conclusion.date.to_string(),
                        outcome,
                        id,
                        t.clerk,
                        audit_id
                    ])?;
                }
            }
            // M-57: the document issued, under the registration number as the office's.
            Event::Issue { .. } => {
                conn.prepare_cached(
                    "INSERT INTO documents (iin, kind, number, issued_on, formulary_id)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![
                    p.iin.as_str(),
                    document,
                    number,
                    t.at.date().to_string(),
                    id
                ])?;
            }
            Event::Destroy { act_number } => {
                conn.prepare_cached(
                    "INSERT INTO destructions (act_number, formulary_id, destroyed_at, clerk,
                        audit_id)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![
                    act_number,
                    id,
                    t.at.to_string(),
                    t.clerk,
                    audit_id
                ])?;
            }
            _ => {}
        }
    }
    Ok(number)
}

/// One planned formulary with its texts made ready off the writing thread.
pub(super) struct Ready {
    pub(super) planned: Planned,
    json: String,
    surname_key: String,
    given_key: String,
    /// The search keys of issue 11 (`name_key`).
    surname_fold: String,
    given_fold: String,
    /// Each transition's event JSON and moment, as `insert_transition` writes them.
    moves: Vec<(String, String)>,
}

/// Makes the texts of `planned` ready (JSON, folded names, each move's event and moment).
pub(super) fn ready(planned: Planned) -> Ready {
    let f = &planned.formulary;
    let json = serde_json::to_string(f).unwrap_or_default();
    let surname_key = fold_name(f.surname.as_deref().unwrap_or_default());
    let given_key = fold_name(f.given_name.as_deref().unwrap_or_default());
    let surname_fold = name_key(f.surname.as_deref().unwrap_or_default());
    let given_fold = name_key(f.given_name.as_deref().unwrap_or_default());
    let moves = planned
        .lifecycle
        .transitions()
        .iter()
        .map(|t| {
            (
                serde_json::to_string(&t.event).unwrap_or_default(),
                t.at.format("%Y-%m-%dT%H:%M:%S%.f").to_string(),
            )
        })
        .collect();
    Ready {
        planned,
        json,
        surname_key,
        given_key,
        surname_fold,
        given_fold,
        moves,
    }
}
