//! Formularies in the register: registering one, correcting its data, reading it back.
//!
//! Numbers: see [`super::numbers`]. A closed day is sealed: a formulary cannot be
//! registered on it, and the data of a formulary registered on it cannot be corrected. Its
//! lifecycle still moves on later, open days (see [`Store::move_formulary`]): a move is a new
//! event of the day it is made on, not an edit of the sealed day.

use super::clock_guard::refuse_clock_behind;
use super::columns::accepted;
use super::corrections::{self, Correction, sha256};
use super::known::{encoding, known_accepted};
use super::numbers::{coupon_from, fold_name, name_key, registration_key, registration_number};
use super::ops::now;
use super::persons::{refresh_person, upsert_person};
use super::records::{from_key, insert_transition, is_sealed};
use super::{Store, StoreError, audit};
use crate::domain::formulary::Formulary;
use crate::domain::lifecycle::{Event, Lifecycle, State};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde::Serialize;
use serde_json::json;

/// What registering gave the formulary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Registered {
    /// The registration number, `YYYY-NNNNNNN`.
    pub number: String,
    /// The application coupon number, ten digits with a check digit.
    pub coupon: String,
}

impl Store {
    /// A stored value the register cannot read back: the file was changed outside kense.
    pub(super) fn damaged(&self, what: &str) -> StoreError {
        StoreError::Corrupt {
            path: self.path.clone(),
            detail: format!("unreadable {what}"),
        }
    }

    /// Begins a write: IMMEDIATE, so concurrent clerks wait their turn; then, inside it,
    /// K-STAFF: the clerk must be active staff ([`StoreError::NotStaff`] else), checked
    /// under the write lock so that a member retired a moment ago writes nothing more. The
    /// first write to a brand-new register makes its clerk the first head.
    pub(super) fn write(&mut self) -> Result<Transaction<'_>, StoreError> {
        let (path, waited) = (self.path.clone(), self.busy_timeout);
        let sqlite = move |e| StoreError::from_sqlite(&path, waited, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&sqlite)?;
        super::staff::admit_writer(&tx, &self.clerk, &self.clock)
            .map_err(|e| e.unwrap_or_else(&sqlite))?;
        Ok(tx)
    }

    /// Begins a write without the staff check, for the staff's own changes (which check
    /// what they need themselves).
    pub(super) fn begin(&mut self) -> Result<Transaction<'_>, StoreError> {
        let (path, waited) = (self.path.clone(), self.busy_timeout);
        let sqlite = move |e| StoreError::from_sqlite(&path, waited, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&sqlite)?;
        // Issue 15: rows noted by a write outside kense are not sealed by this one.
        super::audit::seal::discard_foreign(&tx).map_err(&sqlite)?;
        Ok(tx)
    }

    /// Validates `formulary` as of `today` and registers it, as one transaction: the person
    /// (by IIN), the formulary in state `registered` with its first transition, a
    /// registration and a coupon number, and the audit entry. The transition's time is
    /// `today` at the office clock's time of day ([`Store::with_clock`]). Not checked against
    /// the register's newest records (a given day); the clock's now is
    /// [`Store::register_formulary_now`].
    pub fn register_formulary(
        &mut self,
        formulary: &Formulary,
        today: NaiveDate,
    ) -> Result<Registered, StoreError> {
        let at = today.and_time(self.clock.office_time().time());
        self.register_inner(formulary, Some(at))
    }

    /// Registers `formulary` now by the office's clock ([`Store::with_clock`]), validated
    /// as of the office's today; a clock set back is refused ([`StoreError::ClockBehind`]).
    pub fn register_formulary_now(
        &mut self,
        formulary: &Formulary,
    ) -> Result<Registered, StoreError> {
        self.register_inner(formulary, None)
    }

    /// [`Store::register_formulary`] at a given office time: validated as of its date. It
    /// is not checked against the register's newest records: it is for entering records
    /// of given times (tests, imports), not for the clock's now.
    pub fn register_formulary_at(
        &mut self,
        formulary: &Formulary,
        at: NaiveDateTime,
    ) -> Result<Registered, StoreError> {
        self.register_inner(formulary, Some(at))
    }

    /// Registers at `at`, or (`None`) now by the office's clock, read inside the write
    /// lock: two clerks' registrations are dated in the order they are written, so the
    /// later one never looks like a clock set back. Only the clock's now is checked
    /// against the register's newest records ([`refuse_clock_behind`]).
    fn register_inner(
        &mut self,
        formulary: &Formulary,
        at: Option<NaiveDateTime>,
    ) -> Result<Registered, StoreError> {
        let path = self.path.clone();
        let clerk = self.clerk.as_str().to_string();
        let clock = self.clock;
        let sqlite = self.sqlite_fn();
        let tx = self.write()?;
        let by_clock = at.is_none();
        let at = at.unwrap_or_else(|| clock.office_time());
        let today = at.date();
        // Checked first without the register, then again inside the transaction with what
        // it knows of the person (issue 11), which also says which overrides are kept.
        let (columns, _) = accepted(formulary, today)?;
        let mut lifecycle = Lifecycle::new();
        let first = lifecycle
            .apply(Event::Register, &clerk, at, None)
            .map_err(StoreError::Move)?;
        if is_sealed(&tx, today).map_err(&sqlite)? {
            return Err(StoreError::DaySealed { date: today });
        }
        if by_clock {
            refuse_clock_behind(&tx, at).map_err(|e| e.unwrap_or_else(&sqlite))?;
        }
        let kept =
            known_accepted(&tx, formulary, today, &columns.iin, None).map_err(|e| e.or(&sqlite))?;
        let json = serde_json::to_string(&kept).map_err(|e| encoding(&path, e))?;
        let year = today.year();
        let seq: i64 = tx
            .query_row(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM formularies WHERE year = ?1",
                [year],
                |r| r.get(0),
            )
            .map_err(&sqlite)?;
        let number = registration_number(year, seq);
        let coupon = new_coupon(&tx).map_err(&sqlite)?;
        upsert_person(&tx, &clock, &columns, formulary.birth_date).map_err(&sqlite)?;
        let details = json!({ "filling_code": columns.filling_code });
        let entry = audit::append(
            &tx,
            &now(&clock),
            &clerk,
            "formulary_registered",
            &number,
            &details,
        )
        .map_err(&sqlite)?;
        let c = &columns;
        tx.execute(
            "INSERT INTO formularies (number, coupon, year, seq, registered_on, clerk, iin,
                surname, given_name, patronymic, surname_key, given_key, filling_code,
                region_code, district_code, document, status, formulary_json,
                surname_fold, given_fold)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                'registered', ?17, ?18, ?19)",
            params![
                number,
                coupon,
                year,
                seq,
                today.to_string(),
                clerk,
                c.iin,
                c.surname,
                c.given_name,
                c.patronymic,
                fold_name(&c.surname),
                fold_name(&c.given_name),
                c.filling_code,
                c.region_code,
                c.district_code,
                c.document,
                json,
                name_key(&c.surname),
                name_key(&c.given_name)
            ],
        )
        .map_err(&sqlite)?;
        let id = tx.last_insert_rowid();
        insert_transition(&tx, id, 1, &first, entry.id, clock.zone()).map_err(&sqlite)?;
        crate::store::audit::seal::commit(tx, &clock, &clerk).map_err(&sqlite)?;
        Ok(Registered { number, coupon })
    }

    /// Replaces the data of formulary `number` (spaces around it ignored) with
    /// `formulary`, validated as of `today`: only while the form is in the office
    /// (registered, under verification, returned), and never when it was registered on a
    /// closed day, or `today` is closed. Audited with the SHA-256 of the earlier and the
    /// new JSON; the earlier JSON is kept ([`Store::corrections`]).
    ///
    /// The persons of the IIN before and after keep the names of their own latest
    /// formulary (see [`refresh_person`]): a mistyped IIN corrected takes its names away
    /// from the person it belonged to, and that person is removed when nothing of theirs
    /// is left in the register.
    pub fn correct_formulary(
        &mut self,
        number: &str,
        formulary: &Formulary,
        today: NaiveDate,
    ) -> Result<Correction, StoreError> {
        let number = registration_key(number);
        let (columns, _) = accepted(formulary, today)?;
        let path = self.path.clone();
        let clerk = self.clerk.as_str().to_string();
        let clock = self.clock;
        let sqlite = self.sqlite_fn();
        let damaged = {
            let path = self.path.clone();
            move || StoreError::Corrupt {
                path: path.clone(),
                detail: "unreadable formulary".into(),
            }
        };
        let tx = self.write()?;
        let found: Option<(i64, String, String, String, String)> = tx
            .query_row(
                "SELECT id, registered_on, status, formulary_json, iin FROM formularies
                 WHERE number = ?1",
                [number],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()
            .map_err(&sqlite)?;
        let (id, registered_on, status, old_json, old_iin) =
            found.ok_or_else(|| StoreError::NoFormulary {
                number: number.to_string(),
            })?;
        for day in [registered_on.parse::<NaiveDate>().ok(), Some(today)]
            .into_iter()
            .flatten()
        {
            if is_sealed(&tx, day).map_err(&sqlite)? {
                return Err(StoreError::DaySealed { date: day });
            }
        }
        let state: Option<State> = from_key(&status);
        if !matches!(
            state,
            Some(State::Registered | State::UnderVerification | State::Returned)
        ) {
            return Err(StoreError::NotCorrectable {
                number: number.to_string(),
                state: state.map_or(status, |s| s.text().en),
            });
        }
        let kept = known_accepted(&tx, formulary, today, &columns.iin, Some(number))
            .map_err(|e| e.or(&sqlite))?;
        let json = serde_json::to_string(&kept).map_err(|e| encoding(&path, e))?;
        // The new IIN's person first: the formulary refers to it (foreign key).
        upsert_person(&tx, &clock, &columns, formulary.birth_date).map_err(&sqlite)?;
        let c = &columns;
        tx.execute(
            "UPDATE formularies SET iin = ?2, surname = ?3, given_name = ?4, patronymic = ?5,
                surname_key = ?6, given_key = ?7, filling_code = ?8, region_code = ?9,
                district_code = ?10, document = ?11, formulary_json = ?12,
                surname_fold = ?13, given_fold = ?14
             WHERE id = ?1",
            params![
                id,
                c.iin,
                c.surname,
                c.given_name,
                c.patronymic,
                fold_name(&c.surname),
                fold_name(&c.given_name),
                c.filling_code,
                c.region_code,
                c.district_code,
                c.document,
                json,
                name_key(&c.surname),
                name_key(&c.given_name)
            ],
        )
        .map_err(&sqlite)?;
        // The corrected formulary may not be its person's latest: the names are the latest
        // formulary's, as on registration.
        refresh_person(&tx, &clock, &columns.iin, &sqlite, &damaged)?;
        let (old_sha256, new_sha256) = (sha256(&old_json), sha256(&json));
        let mut details = json!({ "old_sha256": old_sha256, "new_sha256": new_sha256 });
        if old_iin != columns.iin {
            // The IIN was mistyped: the person it named gets their own names back, or
            // goes when this formulary was all the register had of them. Said in the
            // audit entry without the IINs (personal data; the subject is the number).
            details["iin_changed"] = json!(true);
            let outcome = refresh_person(&tx, &clock, &old_iin, &sqlite, &damaged)?;
            details["old_person"] = json!(outcome.key());
        }
        let at = now(&clock);
        // Hashes only: the JSON holds personal data, and the audit log is read more widely.
        let entry = audit::append(&tx, &at, &clerk, "formulary_corrected", number, &details)
            .map_err(&sqlite)?;
        let mut correction = Correction {
            seq: 0,
            at,
            clerk,
            old_sha256,
            new_sha256,
            old_json,
            audit_id: entry.id,
        };
        correction.seq = corrections::record(&tx, id, &correction).map_err(&sqlite)?;
        crate::store::audit::seal::commit(tx, &clock, &correction.clerk).map_err(&sqlite)?;
        Ok(correction)
    }

    /// The error-mapping closure for this register's SQLite failures.
    pub(super) fn sqlite_fn(&self) -> impl Fn(rusqlite::Error) -> StoreError + use<> {
        let (path, waited) = (self.path.clone(), self.busy_timeout);
        move |e| StoreError::from_sqlite(&path, waited, e)
    }
}

/// A coupon number no formulary has yet: random, from SQLite's generator.
fn new_coupon(tx: &Transaction<'_>) -> rusqlite::Result<String> {
    loop {
        let body: i64 = tx.query_row("SELECT 100000000 + abs(random() % 900000000)", [], |r| {
            r.get(0)
        })?;
        let Some(coupon) = u32::try_from(body).ok().and_then(coupon_from) else {
            continue;
        };
        let taken: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM formularies WHERE coupon = ?1)",
            [&coupon],
            |r| r.get(0),
        )?;
        if !taken {
            return Ok(coupon);
        }
    }
}
