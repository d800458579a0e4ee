//! Reading formularies back: by registration number, by coupon number (M-57), with their
//! history replayed through the lifecycle and the person's documents.

use super::clock_guard::stored_office_time;
use super::numbers::{parse_coupon, registration_key};
use super::{Store, StoreError};
use crate::domain::DocumentKind;
use crate::domain::formulary::Formulary;
use crate::domain::lifecycle::documents::{DocumentStatus, IssuedDocument};
use crate::domain::lifecycle::{Lifecycle, State, Transition};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::path::Path;
use std::time::Duration;

/// One formulary as the register holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    pub number: String,
    pub coupon: String,
    pub registered_on: NaiveDate,
    pub formulary: Formulary,
    /// Its state and every move made, by whom, when and why.
    pub lifecycle: Lifecycle,
    /// The person's documents the register issued, valid or not (M-57).
    pub documents: Vec<IssuedDocument>,
}

/// A person as the register knows them, by IIN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub iin: String,
    pub surname: String,
    pub given_name: String,
    pub patronymic: Option<String>,
    pub birth_date: Option<NaiveDate>,
}

/// M-57: what the coupon number brings up at the counter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CouponMatch {
    pub number: String,
    pub coupon: String,
    pub state: State,
    pub person: Person,
    /// The document the formulary is for.
    pub document: DocumentKind,
    /// The document is made and waits to be handed over (state `manufactured`).
    pub ready: bool,
    /// The person's documents the register issued, valid or not.
    pub documents: Vec<IssuedDocument>,
}

/// The stable serde name of a unit enum value (`registered`, `id_card`): the text the
/// register stores.
pub(super) fn key(value: &impl Serialize) -> Result<String, StoreError> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => Ok(s),
        _ => Err(StoreError::Sqlite {
            path: Default::default(),
            message: "a name that is not a string".into(),
        }),
    }
}

/// The value of a stored serde name; `None` for a name this kense does not know.
pub(super) fn from_key<T: DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
}

/// Reads through a connection or an open transaction (which derefs to one), so a write
/// can read what it is about to change inside its own lock.
pub(super) struct Reader<'a> {
    pub(super) conn: &'a Connection,
    pub(super) path: &'a Path,
    pub(super) waited: Duration,
}

impl Reader<'_> {
    pub(super) fn damaged(&self, what: &str) -> StoreError {
        StoreError::Corrupt {
            path: self.path.to_path_buf(),
            detail: format!("unreadable {what}"),
        }
    }

    /// The lifecycle of the formulary with row id `id`, replayed from its transitions.
    pub(super) fn lifecycle(&self, id: i64) -> Result<Lifecycle, StoreError> {
        let sqlite = |e| StoreError::from_sqlite(self.path, self.waited, e);
        let mut statement = self
            .conn
            .prepare(
                "SELECT from_state, to_state, event_json, clerk, at, reason FROM transitions
                 WHERE formulary_id = ?1 ORDER BY seq",
            )
            .map_err(&sqlite)?;
        let rows = statement
            .query_map([id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                ))
            })
            .map_err(&sqlite)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(&sqlite)?;
        let mut transitions = Vec::with_capacity(rows.len());
        for (from, to, event, clerk, at, reason) in rows {
            let bad = || self.damaged("transition");
            transitions.push(Transition {
                from: from_key(&from).ok_or_else(bad)?,
                to: from_key(&to).ok_or_else(bad)?,
                event: serde_json::from_str(&event).map_err(|_| bad())?,
                clerk,
                at: stored_office_time(&at).ok_or_else(bad)?,
                reason,
            });
        }
        Lifecycle::replay(transitions).map_err(|_| self.damaged("history"))
    }

    /// The documents the register issued to the person with this IIN, oldest first.
    pub(super) fn documents(&self, iin: &str) -> Result<Vec<IssuedDocument>, StoreError> {
        Ok(self
            .documents_with_ids(iin)?
            .into_iter()
            .map(|(_, d)| d)
            .collect())
    }

    /// The same, each with its row id.
    pub(super) fn documents_with_ids(
        &self,
        iin: &str,
    ) -> Result<Vec<(i64, IssuedDocument)>, StoreError> {
        let sqlite = |e| StoreError::from_sqlite(self.path, self.waited, e);
        let mut statement = self
            .conn
            .prepare(
                "SELECT id, kind, number, issued_on, invalid_reason, invalid_since
                 FROM documents WHERE iin = ?1 ORDER BY id",
            )
            .map_err(&sqlite)?;
        type Row = (i64, String, String, String, Option<String>, Option<String>);
        let rows: Vec<Row> = statement
            .query_map([iin], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })
            .map_err(&sqlite)?
            .collect::<Result<_, _>>()
            .map_err(&sqlite)?;
        rows.into_iter()
            .map(|(id, kind, number, issued_on, reason, since)| {
                let bad = || self.damaged("document");
                let status = match (reason, since) {
                    (Some(reason), Some(since)) => DocumentStatus::Invalid {
                        reason: from_key(&reason).ok_or_else(bad)?,
                        since: since.parse().map_err(|_| bad())?,
                    },
                    _ => DocumentStatus::Valid,
                };
                Ok((
                    id,
                    IssuedDocument {
                        kind: from_key(&kind).ok_or_else(bad)?,
                        number,
                        issued_on: issued_on.parse().map_err(|_| bad())?,
                        status,
                    },
                ))
            })
            .collect()
    }
}

impl Store {
    pub(super) fn reader(&self) -> Reader<'_> {
        Reader {
            conn: &self.conn,
            path: &self.path,
            waited: self.busy_timeout,
        }
    }

    /// The formulary with this registration number (spaces around it ignored), its
    /// history and the person's documents.
    pub fn formulary(&self, number: &str) -> Result<Option<Record>, StoreError> {
        let number = registration_key(number);
        let sqlite = self.sqlite_fn();
        let found: Option<(i64, String, String, String, String)> = self
            .conn
            .query_row(
                "SELECT id, coupon, registered_on, iin, formulary_json
                 FROM formularies WHERE number = ?1",
                [number],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()
            .map_err(&sqlite)?;
        let Some((id, coupon, registered_on, iin, json)) = found else {
            return Ok(None);
        };
        let formulary = Formulary::from_json(&json).map_err(|_| self.damaged("formulary"))?;
        let registered_on = registered_on
            .parse()
            .map_err(|_| self.damaged("registration date"))?;
        Ok(Some(Record {
            number: number.to_string(),
            coupon,
            registered_on,
            formulary,
            lifecycle: self.reader().lifecycle(id)?,
            documents: self.reader().documents(&iin)?,
        }))
    }

    /// M-57: the formulary, the person and their documents by the coupon number (spaces
    /// and hyphens ignored). A coupon with a wrong check digit is [`StoreError::BadCoupon`].
    pub fn by_coupon(&self, coupon: &str) -> Result<Option<CouponMatch>, StoreError> {
        let digits = parse_coupon(coupon).ok_or_else(|| StoreError::BadCoupon {
            coupon: coupon.to_string(),
        })?;
        let sqlite = self.sqlite_fn();
        let found: Option<(String, String, String, String)> = self
            .conn
            .query_row(
                "SELECT number, status, document, iin FROM formularies WHERE coupon = ?1",
                [&digits],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .map_err(&sqlite)?;
        let Some((number, status, document, iin)) = found else {
            return Ok(None);
        };
        let state: State = from_key(&status).ok_or_else(|| self.damaged("status"))?;
        let document = from_key(&document).ok_or_else(|| self.damaged("document kind"))?;
        let person = self.conn.query_row(
            "SELECT iin, surname, given_name, patronymic, birth_date FROM persons WHERE iin = ?1",
            [&iin],
            |r| {
                let birth: Option<String> = r.get(4)?;
                Ok(Person {
                    iin: r.get(0)?,
                    surname: r.get(1)?,
                    given_name: r.get(2)?,
                    patronymic: r.get(3)?,
                    birth_date: birth.and_then(|b| b.parse().ok()),
                })
            },
        );
        Ok(Some(CouponMatch {
            number,
            coupon: digits,
            state,
            person: person.map_err(&sqlite)?,
            document,
            ready: state == State::Manufactured,
            documents: self.reader().documents(&iin)?,
        }))
    }
}

/// True when `date` is closed.
pub(super) fn is_sealed(tx: &Transaction<'_>, date: NaiveDate) -> rusqlite::Result<bool> {
    tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM day_closes WHERE date = ?1)",
        [date.to_string()],
        |r| r.get(0),
    )
}

/// Records transition number `seq` of formulary `id`.
pub(super) fn insert_transition(
    tx: &Transaction<'_>,
    id: i64,
    seq: i64,
    t: &Transition,
    audit_id: i64,
    zone: chrono_tz::Tz,
) -> rusqlite::Result<()> {
    let name = |s: State| key(&s).unwrap_or_default();
    let event = serde_json::to_string(&t.event).unwrap_or_default();
    tx.execute(
        "INSERT INTO transitions (formulary_id, seq, from_state, to_state, event_json, clerk,
            at, reason, audit_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            id,
            seq,
            name(t.from),
            name(t.to),
            event,
            t.clerk,
            stored_time(t.at, zone),
            t.reason,
            audit_id
        ],
    )?;
    Ok(())
}

/// A transition's office time as stored: the wall time with the office's offset at that
/// moment (issue 14: times are stored with their offset), `2026-12-07T10:15:00+05:00`. The
/// first ten characters stay the office's date, which the day seal's trigger reads.
/// Registers written before keep their times without an offset; both are read back.
pub(super) fn stored_time(at: chrono::NaiveDateTime, zone: chrono_tz::Tz) -> String {
    use chrono::TimeZone;
    let wall = at.format("%Y-%m-%dT%H:%M:%S%.f");
    match zone.from_local_datetime(&at) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
            format!("{wall}{}", t.format("%:z"))
        }
        // A wall time the zone skipped: no offset is true for it, so none is written.
        chrono::LocalResult::None => wall.to_string(),
    }
}
