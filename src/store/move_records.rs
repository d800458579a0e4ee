//! What a move records beyond its transition (issue 14): the identification protocol of an
//! M-16 conclusion, the reverse side that the journal of conclusions writes, the check
//! that a formulary is not sent without the conclusion it needs, and how a document was
//! handed over (M-56/M-57). The journal of conclusions listed (`kense journal`).

use super::{Store, StoreError};
use crate::domain::formulary::Note;
use crate::domain::lifecycle::{Event, Lifecycle};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

/// The paper a ready document is handed over on (M-56): the application registration
/// coupon, or the receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "paper", rename_all = "snake_case")]
pub enum IssuePaper {
    /// The coupon: its number must be the formulary's (M-57).
    Coupon,
    /// The receipt, by its number; the coupon is not presented.
    Receipt { number: String },
}

/// The data of a move beyond its event, for [`Store::move_formulary_now`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MoveDetails {
    /// M-57: the issued document's own number (required on issue).
    pub document_number: Option<String>,
    /// M-16: the identification protocol's number and date (confirm, refuse).
    pub protocol: Option<(String, NaiveDate)>,
    /// M-56: the paper presented on issue; `None` is the coupon.
    pub paper: Option<IssuePaper>,
    /// M-56: the documents withdrawn on issue, as the clerk names them ("passport N…").
    pub withdrawn: Vec<String>,
    /// M-57: whether the document's number was read from its machine-readable zone.
    pub mrz_read: bool,
}

/// One line of the journal of conclusions (M-16).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JournalLine {
    pub year: i32,
    /// The line of the year's journal, in the order the conclusions were entered.
    pub line: i64,
    pub number: String,
    pub date: String,
    /// `confirm` or `refuse`.
    pub outcome: String,
    /// The registration number of the formulary.
    pub formulary: String,
    pub clerk: String,
    pub protocol_number: Option<String>,
    pub protocol_date: Option<String>,
    /// The approving head's name as printed on the conclusion (M-16); none on lines
    /// written before approvals were recorded.
    pub approver: Option<String>,
}

/// The reverse-side notes the journal of conclusions writes for formulary `id` (M-16): the
/// conclusion's number and date, and the identification protocol when recorded.
pub(super) fn journal_notes(conn: &Connection, id: i64) -> rusqlite::Result<Vec<Note>> {
    let mut stmt = conn.prepare(
        "SELECT number, date, protocol_number, protocol_date FROM conclusions
         WHERE formulary_id = ?1 ORDER BY year, seq",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    let mut notes = Vec::new();
    for row in rows {
        let (number, date, protocol_number, protocol_date) = row?;
        notes.push(Note::Conclusion {
            number: Some(number),
            date: date.parse().ok(),
        });
        if protocol_number.is_some() {
            notes.push(Note::IdentificationProtocol {
                number: protocol_number,
                date: protocol_date.and_then(|d| d.parse().ok()),
            });
        }
    }
    Ok(notes)
}

/// Adds to `side` the notes of `from` it does not hold yet.
pub(super) fn merge_notes(side: &mut Vec<Note>, from: Vec<Note>) {
    for note in from {
        if !side.contains(&note) {
            side.push(note);
        }
    }
}

/// M-16: what the reverse side lacks for sending a formulary whose identity was verified
/// and confirmed: the conclusion's number and date, and the identification protocol
/// (number and date). `None` when nothing is missing, or no verification was confirmed.
pub(super) fn conclusion_missing(lifecycle: &Lifecycle, side: &[Note]) -> Option<&'static str> {
    let confirmed = lifecycle
        .transitions()
        .iter()
        .any(|t| matches!(t.event, Event::Confirm { .. }));
    if !confirmed {
        return None;
    }
    let complete = |n: &Option<String>, d: &Option<NaiveDate>| {
        n.as_deref().is_some_and(|n| !n.trim().is_empty()) && d.is_some()
    };
    let has_conclusion = side
        .iter()
        .any(|n| matches!(n, Note::Conclusion { number, date } if complete(number, date)));
    if !has_conclusion {
        return Some("conclusion");
    }
    let has_protocol = side.iter().any(
        |n| matches!(n, Note::IdentificationProtocol { number, date } if complete(number, date)),
    );
    (!has_protocol).then_some("identification_protocol")
}

/// Records how a document was handed over (M-56/M-57).
pub(super) fn record_issue(
    conn: &Connection,
    formulary_id: i64,
    details: &MoveDetails,
    audit_id: i64,
) -> rusqlite::Result<()> {
    let (paper, receipt) = match &details.paper {
        Some(IssuePaper::Receipt { number }) => ("receipt", Some(number.trim())),
        _ => ("coupon", None),
    };
    let withdrawn: Vec<&str> = details
        .withdrawn
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .collect();
    conn.execute(
        "INSERT INTO issues (formulary_id, by_paper, receipt, mrz_read, withdrawn_json, audit_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            formulary_id,
            paper,
            receipt,
            i64::from(details.mrz_read),
            serde_json::to_string(&withdrawn).unwrap_or_else(|_| "[]".into()),
            audit_id
        ],
    )?;
    Ok(())
}

impl Store {
    /// The reverse side of formulary `number` as it stands: its own notes and those the
    /// journal of conclusions wrote when its verification ended (M-16). The journal
    /// writes them, not the formulary's data, so that a formulary of a sealed day gets them
    /// too; its data stay as registered (and validate as of that day).
    pub fn reverse_side(&self, number: &str) -> Result<Vec<Note>, StoreError> {
        let sqlite = self.sqlite_fn();
        let found: Option<(i64, String)> = self
            .conn
            .query_row(
                "SELECT id, formulary_json FROM formularies WHERE number = ?1",
                [super::numbers::registration_key(number)],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(&sqlite)?;
        let Some((id, json)) = found else {
            return Ok(Vec::new());
        };
        let mut side = crate::domain::formulary::Formulary::from_json(&json)
            .map_err(|_| self.damaged("formulary"))?
            .reverse_side;
        merge_notes(&mut side, journal_notes(&self.conn, id).map_err(&sqlite)?);
        Ok(side)
    }

    /// The journal of conclusions (M-16), of `year` or of every year, in the order of its
    /// lines.
    pub fn journal(&self, year: Option<i32>) -> Result<Vec<JournalLine>, StoreError> {
        let sqlite = self.sqlite_fn();
        let mut stmt = self
            .conn
            .prepare(
                "SELECT c.year, c.seq, c.number, c.date, c.outcome, f.number, c.clerk,
                        c.protocol_number, c.protocol_date, c.approver_name
                 FROM conclusions c JOIN formularies f ON f.id = c.formulary_id
                 WHERE ?1 IS NULL OR c.year = ?1
                 ORDER BY c.year, c.seq",
            )
            .map_err(&sqlite)?;
        let rows = stmt
            .query_map([year], |r| {
                Ok(JournalLine {
                    year: r.get(0)?,
                    line: r.get(1)?,
                    number: r.get(2)?,
                    date: r.get(3)?,
                    outcome: r.get(4)?,
                    formulary: r.get(5)?,
                    clerk: r.get(6)?,
                    protocol_number: r.get(7)?,
                    protocol_date: r.get(8)?,
                    approver: r.get(9)?,
                })
            })
            .map_err(&sqlite)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(&sqlite)
    }
}
