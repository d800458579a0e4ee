//! What the papers read (issue 13), and the record of every print.
//!
//! The papers themselves (`crate::papers`) never speak SQL: they take the plain data read
//! here. Every print and reprint is an audit entry and a row of `prints`, which numbers the
//! copies of each paper so a reprint is known (and marked on the paper) without walking
//! the audit log.

use super::audit;
use super::dsn::ListedApplication;
use super::ops::now;
use super::{Store, StoreError};
use crate::domain::Sex;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use serde_json::json;

/// Version 6: the copies printed of each paper (issue 13). Append-only like the audit log
/// each row points to.
pub(super) const SCHEMA: &str = r#"
CREATE TABLE prints (
    kind      TEXT NOT NULL,
    subject   TEXT NOT NULL,
    first_copy INTEGER NOT NULL CHECK (first_copy >= 1),
    copies    INTEGER NOT NULL CHECK (copies >= 1),
    sha256    TEXT NOT NULL,
    at        TEXT NOT NULL,
    clerk     TEXT NOT NULL,
    audit_id  INTEGER NOT NULL UNIQUE REFERENCES audit_log (id),
    PRIMARY KEY (kind, subject, first_copy)
) STRICT;
CREATE TRIGGER prints_no_update BEFORE UPDATE ON prints
BEGIN SELECT RAISE(ABORT, 'prints are append-only'); END;
CREATE TRIGGER prints_no_delete BEFORE DELETE ON prints
BEGIN SELECT RAISE(ABORT, 'prints are append-only'); END;
"#;

/// An IIN the register generated (M-12.a), with the names of its person when the register
/// has them (a formulary filled for the child since).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GeneratedIin {
    pub iin: String,
    pub birth_date: NaiveDate,
    pub sex: Sex,
    /// When it was generated (UTC, the audit log's clock) and by whom.
    pub issued_at: String,
    pub clerk: String,
    pub surname: Option<String>,
    pub given_name: Option<String>,
    pub patronymic: Option<String>,
    /// M-12.a: the birth certificate shown for it (number, date, issuer), when recorded
    /// (IINs generated before it was recorded have none).
    pub certificate: Option<(String, String, String)>,
}

/// One line of the journal of conclusions (M-16).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConclusionLine {
    pub number: String,
    pub date: NaiveDate,
    /// `confirm` or `refuse`.
    pub outcome: String,
    /// The formulary's registration number and its person.
    pub formulary: String,
    pub surname: String,
    pub given_name: String,
    pub patronymic: Option<String>,
    pub clerk: String,
}

/// One form destroyed by an act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DestroyedForm {
    pub formulary: String,
    pub registered_on: NaiveDate,
    pub filling_code: String,
    /// The document kind's register name (`passport`, `id_card`, …).
    pub document: String,
    /// The state the form was destroyed from (`cancelled`, `spoiled`).
    pub from_state: String,
    /// Why it was cancelled or spoiled, as the clerk wrote it.
    pub reason: Option<String>,
    pub destroyed_at: String,
    pub clerk: String,
}

/// How a document was handed over (M-56, M-57), as the `issue` move recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IssueRecord {
    /// `coupon` or `receipt`.
    pub by_paper: String,
    pub receipt: Option<String>,
    /// The document's number was read from its machine-readable zone (M-57).
    pub mrz_read: bool,
    /// The documents withdrawn, as the clerk named them (M-56).
    pub withdrawn: Vec<String>,
}

/// A print recorded: which copies of the paper it was, and its audit entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrintRecord {
    pub first_copy: u32,
    pub copies: u32,
    pub audit_id: i64,
}

impl Store {
    /// The IIN the register generated, or `None` when it did not generate this one.
    pub fn generated_iin(&self, iin: &str) -> Result<Option<GeneratedIin>, StoreError> {
        let sqlite = self.sqlite_fn();
        let found = self
            .conn
            .query_row(
                "SELECT i.iin, i.birth_date, i.sex, i.issued_at, i.clerk,
                        p.surname, p.given_name, p.patronymic,
                        b.certificate_number, b.certificate_date, b.certificate_issuer
                 FROM iin_issued i LEFT JOIN persons p ON p.iin = i.iin
                 LEFT JOIN iin_births b ON b.iin = i.iin WHERE i.iin = ?1",
                [iin.trim()],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, Option<String>>(5)?,
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, Option<String>>(7)?,
                        (
                            r.get::<_, Option<String>>(8)?,
                            r.get::<_, Option<String>>(9)?,
                            r.get::<_, Option<String>>(10)?,
                        ),
                    ))
                },
            )
            .optional()
            .map_err(&sqlite)?;
        let Some((iin, birth, sex, issued_at, clerk, surname, given_name, patronymic, cert)) =
            found
        else {
            return Ok(None);
        };
        let certificate = match cert {
            (Some(number), Some(date), Some(issuer)) => Some((number, date, issuer)),
            _ => None,
        };
        Ok(Some(GeneratedIin {
            iin,
            birth_date: birth.parse().map_err(|_| self.damaged("birth date"))?,
            sex: match sex.as_str() {
                "male" => Sex::Male,
                "female" => Sex::Female,
                _ => return Err(self.damaged("sex")),
            },
            issued_at,
            clerk,
            surname,
            given_name,
            patronymic,
            certificate,
        }))
    }

    /// The journal of conclusions of `year` (M-16), in the journal's order.
    pub fn journal_of_conclusions(&self, year: i32) -> Result<Vec<ConclusionLine>, StoreError> {
        let sqlite = self.sqlite_fn();
        let mut statement = self
            .conn
            .prepare(
                "SELECT c.number, c.date, c.outcome, f.number, f.surname, f.given_name,
                        f.patronymic, c.clerk
                 FROM conclusions c JOIN formularies f ON f.id = c.formulary_id
                 WHERE c.year = ?1 ORDER BY c.seq",
            )
            .map_err(&sqlite)?;
        let rows = statement
            .query_map([year], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, String>(7)?,
                ))
            })
            .map_err(&sqlite)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(&sqlite)?;
        rows.into_iter()
            .map(
                |(number, date, outcome, formulary, surname, given, patronymic, clerk)| {
                    Ok(ConclusionLine {
                        number,
                        date: date.parse().map_err(|_| self.damaged("conclusion date"))?,
                        outcome,
                        formulary,
                        surname,
                        given_name: given,
                        patronymic,
                        clerk,
                    })
                },
            )
            .collect()
    }

    /// The forms destroyed by the act `act_number`, in the order they were destroyed.
    pub fn destruction_act(&self, act_number: &str) -> Result<Vec<DestroyedForm>, StoreError> {
        let sqlite = self.sqlite_fn();
        let mut statement = self
            .conn
            .prepare(
                "SELECT f.number, f.registered_on, f.filling_code, f.document,
                        t.from_state, d.destroyed_at, d.clerk,
                        (SELECT p.reason FROM transitions p WHERE p.formulary_id = f.id
                           AND p.to_state = t.from_state ORDER BY p.seq DESC LIMIT 1),
                        (SELECT p.event_json FROM transitions p WHERE p.formulary_id = f.id
                           AND p.to_state = t.from_state ORDER BY p.seq DESC LIMIT 1)
                 FROM destructions d
                 JOIN formularies f ON f.id = d.formulary_id
                 JOIN transitions t ON t.formulary_id = f.id AND t.to_state = 'destroyed'
                 WHERE d.act_number = ?1 ORDER BY d.rowid",
            )
            .map_err(&sqlite)?;
        let rows = statement
            .query_map([act_number.trim()], |r| {
                let event: Option<String> = r.get(8)?;
                // The why of a cancel or spoil is in its event; the note is the fallback.
                let why = event
                    .and_then(|e| serde_json::from_str::<serde_json::Value>(&e).ok())
                    .and_then(|v| v.get("reason")?.as_str().map(str::to_string));
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    why.or(r.get::<_, Option<String>>(7)?),
                ))
            })
            .map_err(&sqlite)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(&sqlite)?;
        rows.into_iter()
            .map(
                |(formulary, registered, code, document, from, at, clerk, reason)| {
                    Ok(DestroyedForm {
                        formulary,
                        registered_on: registered
                            .parse()
                            .map_err(|_| self.damaged("registration date"))?,
                        filling_code: code,
                        document,
                        from_state: from,
                        reason,
                        destroyed_at: at,
                        clerk,
                    })
                },
            )
            .collect()
    }

    /// How formulary `number`'s document was handed over, when the issue recorded it
    /// (issues made before the register kept this have none).
    pub fn issue_record(&self, number: &str) -> Result<Option<IssueRecord>, StoreError> {
        let found = self
            .conn
            .query_row(
                "SELECT i.by_paper, i.receipt, i.mrz_read, i.withdrawn_json
                 FROM issues i JOIN formularies f ON f.id = i.formulary_id WHERE f.number = ?1",
                [number.trim()],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, String>(3)?,
                    ))
                },
            )
            .optional()
            .map_err(self.sqlite_fn())?;
        found
            .map(|(by_paper, receipt, mrz, withdrawn)| {
                Ok(IssueRecord {
                    by_paper,
                    receipt,
                    mrz_read: mrz != 0,
                    withdrawn: serde_json::from_str(&withdrawn)
                        .map_err(|_| self.damaged("documents withdrawn"))?,
                })
            })
            .transpose()
    }

    /// One DSN application with its product rows, or `None`.
    pub fn dsn_application(&self, id: i64) -> Result<Option<ListedApplication>, StoreError> {
        super::dsn::read_one(&self.conn, id).map_err(self.sqlite_fn())
    }

    /// How many copies of the paper `kind` of `subject` were printed before.
    pub fn copies_printed(&self, kind: &str, subject: &str) -> Result<u32, StoreError> {
        let printed: i64 = self
            .conn
            .query_row(
                "SELECT COALESCE(MAX(first_copy + copies - 1), 0) FROM prints
                 WHERE kind = ?1 AND subject = ?2",
                params![kind, subject],
                |r| r.get(0),
            )
            .map_err(self.sqlite_fn())?;
        Ok(u32::try_from(printed).unwrap_or(u32::MAX))
    }

    /// Records a print of `copies` copies of the paper `kind` of `subject` whose PDF has
    /// this SHA-256, with its audit entry `paper_printed`. The details hold the paper's kind,
    /// the hash, the copy numbers, whether it was a reprint and where it went: nothing
    /// personal (the subject is the formulary's number, the day, the DSN application's id,
    /// the year or act number; for the insert, the IIN, as `iin_generated` records it).
    /// Not refused on a closed day: printing the closed day's report is the point of it,
    /// and a print changes no record of the day.
    pub fn record_print(
        &mut self,
        kind: &str,
        subject: &str,
        sha256: &str,
        copies: u32,
        delivery: &str,
    ) -> Result<PrintRecord, StoreError> {
        let clerk = self.clerk.as_str().to_string();
        let clock = self.clock;
        let sqlite = self.sqlite_fn();
        let tx = self.write()?;
        let printed: i64 = tx
            .query_row(
                "SELECT COALESCE(MAX(first_copy + copies - 1), 0) FROM prints
                 WHERE kind = ?1 AND subject = ?2",
                params![kind, subject],
                |r| r.get(0),
            )
            .map_err(&sqlite)?;
        let first_copy = printed + 1;
        let copies = copies.max(1);
        let at = now(&clock);
        let details = json!({
            "paper": kind,
            "sha256": sha256,
            "copy": first_copy,
            "copies": copies,
            "reprint": printed > 0,
            "delivery": delivery,
        });
        let entry =
            audit::append(&tx, &at, &clerk, "paper_printed", subject, &details).map_err(&sqlite)?;
        tx.execute(
            "INSERT INTO prints (kind, subject, first_copy, copies, sha256, at, clerk, audit_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                kind, subject, first_copy, copies, sha256, at, clerk, entry.id
            ],
        )
        .map_err(&sqlite)?;
        crate::store::audit::seal::commit(tx, &clock, &clerk).map_err(&sqlite)?;
        Ok(PrintRecord {
            first_copy: u32::try_from(first_copy).unwrap_or(u32::MAX),
            copies,
            audit_id: entry.id,
        })
    }
}
