//! The changes a clerk makes to the register, each one IMMEDIATE transaction that also
//! appends its audit entry.

use super::audit::{self, AuditEntry};
use super::day_sign::{CloseSigner, DaySignature};
use super::{HeadAct, Store, StoreError};
use crate::domain::Sex;
use crate::domain::birth_record::ChildIinBasis;
use crate::domain::iin::Iin;
use crate::office::Clock;
use chrono::{Datelike, NaiveDate, Utc};
use rusqlite::{OptionalExtension, TransactionBehavior, params};
use serde::Serialize;
use serde_json::json;

/// An IIN the register generated, and the record of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IssuedIin {
    pub iin: Iin,
    pub birth_date: NaiveDate,
    pub sex: Sex,
    pub serial: u16,
    pub issued_at: String,
    pub clerk: String,
    pub audit_id: i64,
}

/// A closed day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayClose {
    pub date: NaiveDate,
    pub closed_at: String,
    pub clerk: String,
    /// The audit chain's head when the day was closed ([`super::GENESIS`] if empty).
    pub audit_hash: String,
    pub audit_id: i64,
}

/// The first serial the register hands out for a birth date and sex: 0000 looks like a
/// placeholder to a clerk, so serials start at 0001.
const FIRST_SERIAL: u16 = 1;

/// Now by the office's clock, as an instant in UTC with microseconds (its offset written,
/// `Z`): the audit log's clock. UTC, so that entries of clerks in different time zones
/// (Kazakhstan had two until 2024) sort as they happened; shown in office time
/// ([`office_time`]).
pub(super) fn now(clock: &Clock) -> String {
    clock
        .now()
        .with_timezone(&Utc)
        .format("%Y-%m-%dT%H:%M:%S%.6fZ")
        .to_string()
}

/// A stored instant (RFC 3339, as [`now`] writes it) in the office's time with its offset,
/// to the second (issue 14: shown in office time); any other text as it is.
pub fn office_time(clock: &Clock, stored: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(stored).map_or_else(
        |_| stored.to_string(),
        |t| {
            t.with_timezone(&clock.zone())
                .format("%Y-%m-%d %H:%M:%S %:z")
                .to_string()
        },
    )
}

/// [`StoreError::DaySealed`] when `date` is closed: a write dated that day is refused, so
/// a closed day's summary and its audit head stay final.
pub(super) fn refuse_if_sealed(
    conn: &rusqlite::Connection,
    date: NaiveDate,
) -> Result<(), rusqlite::Result<StoreError>> {
    let closed = conn
        .query_row(
            "SELECT 1 FROM day_closes WHERE date = ?1",
            [date.to_string()],
            |_| Ok(()),
        )
        .optional();
    match closed {
        Ok(None) => Ok(()),
        Ok(Some(())) => Err(Ok(StoreError::DaySealed { date })),
        Err(e) => Err(Err(e)),
    }
}

fn sex_key(sex: Sex) -> &'static str {
    match sex {
        Sex::Male => "male",
        Sex::Female => "female",
    }
}

impl Store {
    /// Generates a new IIN (M-12.a) for a person born on `birth_date` of `sex`: the next
    /// serial after the highest this register took for that date and sex, skipping
    /// serials that make no valid number and IINs already in the register (persons and
    /// formularies entered with their IIN). Serials only go up, so an IIN the register
    /// issued is never issued again.
    pub fn generate_iin(
        &mut self,
        birth_date: NaiveDate,
        sex: Sex,
    ) -> Result<IssuedIin, StoreError> {
        self.generate_iin_for(birth_date, sex, None)
    }

    /// [`Store::generate_iin`] for a child (M-12.a), recording in the same transaction what
    /// the parent showed (`basis`) and, when the birth record was not in ИС ЗАГС, the
    /// request to РАГС due in two working days ([`Store::registry_requests`]).
    pub fn generate_iin_for(
        &mut self,
        birth_date: NaiveDate,
        sex: Sex,
        basis: Option<&ChildIinBasis>,
    ) -> Result<IssuedIin, StoreError> {
        if !(1800..=2099).contains(&birth_date.year()) {
            return Err(StoreError::BirthDateUnsupported { date: birth_date });
        }
        let clerk = self.clerk.as_str().to_string();
        let clock = self.clock;
        let (path, waited) = (self.path.clone(), self.busy_timeout);
        let sqlite = |e| StoreError::from_sqlite(&path, waited, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite)?;
        // K-STAFF: only active staff write (issue 12).
        super::staff::admit_writer(&tx, &self.clerk, &self.clock)
            .map_err(|e| e.unwrap_or_else(sqlite))?;
        // The IIN is issued today: a closed today takes no new record (the day's close
        // recorded its audit head as final).
        let today = clock.today();
        match refuse_if_sealed(&tx, today) {
            Ok(()) => {}
            Err(Ok(sealed)) => return Err(sealed),
            Err(Err(e)) => return Err(sqlite(e)),
        }
        let date = birth_date.to_string();
        let highest: Option<i64> = tx
            .query_row(
                "SELECT MAX(serial) FROM iin_issued WHERE birth_date = ?1 AND sex = ?2",
                params![date, sex_key(sex)],
                |r| r.get(0),
            )
            .map_err(sqlite)?;
        let from = match highest {
            None => Some(FIRST_SERIAL),
            Some(h) => u16::try_from(h + 1).ok(),
        };
        // A person may be in the register under an IIN the register did not generate (a
        // formulary added with its IIN): such a number is skipped, never handed out twice.
        let mut next = from.and_then(|from| Iin::next_after(birth_date, sex, from));
        while let Some((candidate, serial)) = &next {
            let known: bool = tx
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM persons WHERE iin = ?1)
                         OR EXISTS (SELECT 1 FROM formularies WHERE iin = ?1)",
                    [candidate.as_str()],
                    |r| r.get(0),
                )
                .map_err(sqlite)?;
            if !known {
                break;
            }
            next = serial
                .checked_add(1)
                .and_then(|from| Iin::next_after(birth_date, sex, from));
        }
        let (iin, serial) = next.ok_or(StoreError::SerialsExhausted { birth_date, sex })?;
        let at = now(&clock);
        // The IIN is the subject; birth date and sex are in it, so details repeat neither;
        // what the parent showed is personal and stays out of the audit log (M-12.a).
        let mut details = json!({ "serial": serial });
        if let Some(basis) = basis {
            details["zags_found"] = json!(basis.zags_found);
        }
        let entry = audit::append(&tx, &at, &clerk, "iin_generated", iin.as_str(), &details)
            .map_err(sqlite)?;
        tx.execute(
            "INSERT INTO iin_issued (iin, birth_date, sex, serial, issued_at, clerk, audit_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                iin.as_str(),
                date,
                sex_key(sex),
                serial,
                at,
                clerk,
                entry.id
            ],
        )
        .map_err(sqlite)?;
        if let Some(basis) = basis {
            let due = basis
                .registry_request_due(today)
                .map_err(StoreError::Calendar)?;
            super::births::record(&tx, iin.as_str(), basis, today, due).map_err(sqlite)?;
        }
        crate::store::audit::seal::commit(tx, &clock, &clerk).map_err(sqlite)?;
        Ok(IssuedIin {
            iin,
            birth_date,
            sex,
            serial,
            issued_at: at,
            clerk,
            audit_id: entry.id,
        })
    }

    /// True when the register issued this IIN.
    pub fn has_issued(&self, iin: &Iin) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT 1 FROM iin_issued WHERE iin = ?1",
                [iin.as_str()],
                |_| Ok(()),
            )
            .optional()
            .map(|found| found.is_some())
            .map_err(|e| self.sqlite_error(e))
    }

    /// Closes `date`: records the audit chain's head at this point, so removing entries
    /// from before the close is caught by [`Store::verify_audit`]. A day closes once.
    ///
    /// Issue 12: only a head closes a day ([`StoreError::NotHead`]); never on top of a
    /// damaged file ([`StoreError::Corrupt`], SQLite's `quick_check`) or a broken audit
    /// chain ([`StoreError::AuditBroken`], what `kense audit verify` finds), since the
    /// close would vouch for them; and not while an earlier day with records is still open
    /// ([`StoreError::EarlierDayOpen`]). Issue 15: the whole check runs in a snapshot
    /// before the write lock, and under it only the chain's entries since (a row changed
    /// outside kense in between is left to the next `audit verify`: docs/SECURITY.md).
    pub fn close_day(&mut self, date: NaiveDate) -> Result<DayClose, StoreError> {
        self.close_day_with(date, None).map(|(close, _)| close)
    }

    /// [`Store::close_day`] and the head's signature on the close (issue 15), in one
    /// transaction: when `signer` does not sign, the day is not closed either.
    pub fn close_day_signed(
        &mut self,
        date: NaiveDate,
        signer: &mut dyn CloseSigner,
    ) -> Result<(DayClose, DaySignature), StoreError> {
        let (close, signature) = self.close_day_with(date, Some(signer))?;
        let signature = signature.ok_or_else(|| StoreError::SigningFailed {
            date,
            detail: "no signature was made".into(),
        })?;
        Ok((close, signature))
    }

    fn close_day_with(
        &mut self,
        date: NaiveDate,
        signer: Option<&mut dyn CloseSigner>,
    ) -> Result<(DayClose, Option<DaySignature>), StoreError> {
        // The whole file's check and the whole audit check read every page (seconds on a
        // large register): before the write lock, so other clerks are not held up while
        // they run; under the lock, only what was written since (issue 15).
        match refusal(&self.conn, &self.clerk, &self.clock, date) {
            Ok(())
            | Err(Ok(StoreError::NotStaff {
                staffless: true, ..
            })) => {}
            Err(e) => return Err(e.unwrap_or_else(|e| self.sqlite_error(e))),
        }
        let checked = self.verify_register()?;
        if let Some(bad) = checked.first_bad.as_ref() {
            return Err(broken(date, bad));
        }
        let clerk = self.clerk.as_str().to_string();
        let clock = self.clock;
        let (path, waited) = (self.path.clone(), self.busy_timeout);
        let sqlite = |e| StoreError::from_sqlite(&path, waited, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite)?;
        // K-STAFF: only active staff write (issue 12).
        super::staff::admit_writer(&tx, &self.clerk, &self.clock)
            .map_err(|e| e.unwrap_or_else(sqlite))?;
        refusal(&tx, &self.clerk, &clock, date).map_err(|e| e.unwrap_or_else(sqlite))?;
        let key = date.to_string();
        // Inside the write lock: the head sealed extends the chain verified. The rows this
        // write made so far (a new register's first head) sealed first (issue 15).
        audit::seal::seal(&tx, &now(&clock), &clerk).map_err(sqlite)?;
        if let Some(bad) = audit::verify_since(&tx, &checked).map_err(sqlite)? {
            return Err(broken(date, &bad));
        }
        let head = audit::head(&tx).map_err(sqlite)?;
        let at = now(&clock);
        let entry: AuditEntry = audit::append(
            &tx,
            &at,
            &clerk,
            "day_closed",
            &key,
            &json!({ "audit_hash": head }),
        )
        .map_err(sqlite)?;
        tx.execute(
            "INSERT INTO day_closes (date, closed_at, clerk, audit_hash, audit_id)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![key, at, clerk, head, entry.id],
        )
        .map_err(sqlite)?;
        let signature = match signer {
            Some(signer) => Some(
                super::day_sign::sign_in(&tx, &clock, &clerk, date, signer)
                    .map_err(|e| e.unwrap_or_else(sqlite))?,
            ),
            None => None,
        };
        crate::store::audit::seal::commit(tx, &clock, &clerk).map_err(sqlite)?;
        let close = DayClose {
            date,
            closed_at: at,
            clerk,
            audit_hash: head,
            audit_id: entry.id,
        };
        Ok((close, signature))
    }

    /// A head's act (K-HEAD) refused at once, before the seconds of the whole check, when
    /// the account is plainly no head; the same check runs again under the write lock,
    /// where the first writer of a brand-new register becomes its head.
    pub(super) fn head_before_checks(&self) -> Result<(), StoreError> {
        match super::staff::require_head(&self.conn, &self.clerk, HeadAct::CloseDay) {
            Ok(_)
            | Err(Ok(StoreError::NotStaff {
                staffless: true, ..
            })) => Ok(()),
            Err(Ok(e)) => Err(e),
            Err(Err(e)) => Err(self.sqlite_error(e)),
        }
    }

    /// True when `date` has been closed.
    pub fn is_closed(&self, date: NaiveDate) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT 1 FROM day_closes WHERE date = ?1",
                [date.to_string()],
                |_| Ok(()),
            )
            .optional()
            .map(|found| found.is_some())
            .map_err(|e| self.sqlite_error(e))
    }
}

/// The error of a close (or its signature) refused on a broken audit chain.
pub(super) fn broken(date: NaiveDate, bad: &crate::store::BadEntry) -> StoreError {
    StoreError::AuditBroken {
        date,
        entry: bad.id,
        problem: bad.problem.to_string(),
    }
}

/// Why `clerk` may not close `date` now, if anything: the day closed already, the clerk no
/// head (K-HEAD), an earlier day with records still open. Asked before the whole check
/// (its seconds spared when the answer is no) and again under the write lock.
fn refusal(
    conn: &rusqlite::Connection,
    clerk: &super::Clerk,
    clock: &Clock,
    date: NaiveDate,
) -> Result<(), rusqlite::Result<StoreError>> {
    let earlier: Option<(String, String)> = conn
        .query_row(
            "SELECT closed_at, clerk FROM day_closes WHERE date = ?1",
            [date.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(Err)?;
    if let Some((closed_at, clerk)) = earlier {
        return Err(Ok(StoreError::DayAlreadyClosed {
            date,
            // Shown in office time (issue 14); stored in UTC.
            closed_at: office_time(clock, &closed_at),
            clerk,
        }));
    }
    super::staff::require_head(conn, clerk, HeadAct::CloseDay)?;
    if let Some(&earlier) = super::days::open_days_before(conn, date)
        .map_err(Err)?
        .first()
    {
        return Err(Ok(StoreError::EarlierDayOpen { date, earlier }));
    }
    Ok(())
}
