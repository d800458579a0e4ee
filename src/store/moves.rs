//! Moving a formulary through its lifecycle, and what the law records with a move: the
//! journal of conclusions (M-16), the documents issued and those they end (M-57), the
//! destruction acts.
//!
//! What "sealed" means for a move: a move is a new event of the day it is made on. It is
//! refused when that day is closed (nothing is added to a closed day), and allowed for a
//! formulary registered on a closed day, whose own record (its data) stays as it was.

use super::move_records::{MoveDetails, record_issue};
use super::move_steps::{Checks, Issued, Target};
use super::numbers::{MAX_CONCLUSION, registration_key};
use super::ops::now;
use super::records::{Reader, from_key, insert_transition, key};
use super::{Store, StoreError, audit, roles};
use crate::domain::lifecycle::documents::DocumentStatus;
use crate::domain::lifecycle::{Event, LifecycleError, State, Transition, check_text};
use crate::domain::text::limit;
use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde_json::json;

impl Store {
    /// Makes `event` on formulary `number` at `at`, with the clerk's note `reason`, as one
    /// audited transaction; see [`Store::move_formulary_with`].
    pub fn move_formulary(
        &mut self,
        number: &str,
        event: Event,
        reason: Option<&str>,
        at: NaiveDateTime,
    ) -> Result<Transition, StoreError> {
        self.move_formulary_with(number, event, reason, at, None)
    }

    /// Makes `event` on formulary `number` at `at`. The lifecycle decides whether the move
    /// is legal ([`StoreError::Move`]); `at`'s day must be open ([`StoreError::DaySealed`]).
    /// - `Confirm`/`Refuse` (M-16): the conclusion goes into the year's journal of
    ///   conclusions (the year of its date) under the next line. Its number is a whole
    ///   number from 1 ([`DataError::EmptyConclusionNumber`] else), compared as a number
    ///   ("05" is 5, recorded as "5"); a blank one is given the year's highest number + 1;
    ///   a number already in the year's journal is [`StoreError::ConclusionTaken`].
    /// - `Issue` (M-57): the coupon must be the formulary's; the document is recorded as
    ///   issued on `at`'s day under `document_number` (else the registration number, as the
    ///   office may not know the manufacturer's number), and the person's previous
    ///   documents become invalid as `invalidated_by_issue` says. A number already
    ///   recorded for a document of that kind is refused ([`NumberTaken`]).
    /// - `Destroy`: the destruction act is recorded.
    ///
    /// `number` is taken without spaces around it.
    pub fn move_formulary_with(
        &mut self,
        number: &str,
        event: Event,
        reason: Option<&str>,
        at: NaiveDateTime,
        document_number: Option<&str>,
    ) -> Result<Transition, StoreError> {
        let details = MoveDetails {
            document_number: document_number.map(str::to_string),
            ..MoveDetails::default()
        };
        self.move_inner(number, event, reason, Some(at), &details)
    }

    /// [`Store::move_formulary_with`] now by the office's clock ([`Store::with_clock`]), with
    /// everything the rules record (issue 14):
    /// - a clock set back, before the newest closed day or registration, is refused
    ///   ([`StoreError::ClockBehind`]);
    /// - confirm/refuse (M-16): the identification protocol goes on the journal's line, and
    ///   with the conclusion onto the reverse side;
    /// - send/resend (M-16): refused while a confirmed verification's conclusion or
    ///   protocol is missing from the reverse side ([`StoreError::ConclusionMissing`]);
    /// - issue (M-56/M-57): the document's own number is required
    ///   ([`StoreError::DocumentNumberRequired`]); the coupon or the receipt, the documents
    ///   withdrawn and whether the MRZ was read are recorded.
    pub fn move_formulary_now(
        &mut self,
        number: &str,
        event: Event,
        reason: Option<&str>,
        details: &MoveDetails,
    ) -> Result<Transition, StoreError> {
        self.move_inner(number, event, reason, None, details)
    }

    fn move_inner(
        &mut self,
        number: &str,
        mut event: Event,
        reason: Option<&str>,
        at: Option<NaiveDateTime>,
        extra: &MoveDetails,
    ) -> Result<Transition, StoreError> {
        let document_number = extra.document_number.as_deref();
        let number = registration_key(number);
        // Issue 15: a document number is printable and within its limit.
        if let Some(typed) = document_number {
            check_text("document_number", typed, limit::NUMBER)
                .map_err(|e| StoreError::Move(LifecycleError::Data(e)))?;
        }
        let clerk = self.clerk.as_str().to_string();
        let clock = self.clock;
        let sqlite = self.sqlite_fn();
        // Everything is read inside the write lock: another clerk's move in between is seen.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&sqlite)?;
        // K-STAFF: only active staff write (issue 12).
        super::staff::admit_writer(&tx, &self.clerk, &self.clock)
            .map_err(|e| e.unwrap_or_else(&sqlite))?;
        // The clock's now is read inside the write lock, so moves are dated in the order
        // they are written (see `register_inner`); only it is checked against the register.
        let by_clock = at.is_none();
        let at = at.unwrap_or_else(|| clock.office_time());
        let reader = Reader {
            conn: &tx,
            path: &self.path,
            waited: self.busy_timeout,
        };
        type Found = (i64, String, String, String, String);
        let found: Option<Found> = tx
            .query_row(
                "SELECT id, coupon, iin, document, clerk FROM formularies WHERE number = ?1",
                [number],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()
            .map_err(&sqlite)?;
        let (id, coupon, iin, document, registered_by) =
            found.ok_or_else(|| StoreError::NoFormulary {
                number: number.to_string(),
            })?;
        let kind = from_key(&document).ok_or_else(|| reader.damaged("document kind"))?;
        let mut lifecycle = reader.lifecycle(id)?;
        let approver = roles::check(
            &tx,
            &self.clerk,
            &event,
            number,
            &lifecycle,
            &registered_by,
            &sqlite,
        )?;
        let previous = reader.documents_with_ids(&iin)?;
        let target = Target {
            id,
            number,
            coupon: &coupon,
        };
        let check = Checks {
            tx: &tx,
            reader: &reader,
            by_clock,
            at,
            sqlite: &sqlite,
        };
        check.before_move(&target, &lifecycle, &mut event, extra)?;
        let journal_line = check.journal_line(&mut event)?;
        // The move's place in the history, from 1; a history too long to number is damaged.
        let seq = i64::try_from(lifecycle.transitions().len())
            .ok()
            .and_then(|n| n.checked_add(1))
            .ok_or_else(|| reader.damaged("history length"))?;
        let transition = lifecycle
            .apply(event, &clerk, at, reason)
            .map_err(StoreError::Move)?;
        let move_name = key(&transition.event.kind())?;
        let to = key(&transition.to)?;
        let mut details = json!({ "move": move_name, "from": key(&transition.from)?, "to": to });
        let invalidated = match transition.event {
            Event::Issue { .. } => {
                let issued = Issued {
                    kind,
                    document: &document,
                    iin: &iin,
                    number: document_number.map(str::trim).filter(|n| !n.is_empty()),
                };
                let gone = check.issue_documents(&target, &issued, &previous)?;
                details["invalidated"] = json!(gone.len());
                gone
            }
            _ => Vec::new(),
        };
        let entry = audit::append(
            &tx,
            &now(&clock),
            &clerk,
            "formulary_moved",
            number,
            &details,
        )
        .map_err(&sqlite)?;
        insert_transition(&tx, id, seq, &transition, entry.id, clock.zone()).map_err(&sqlite)?;
        tx.execute(
            "UPDATE formularies SET status = ?2 WHERE id = ?1",
            params![id, to],
        )
        .map_err(&sqlite)?;
        for (doc_id, doc) in &invalidated {
            if let DocumentStatus::Invalid { reason, since } = &doc.status {
                tx.execute(
                    "UPDATE documents SET invalid_reason = ?2, invalid_since = ?3 WHERE id = ?1",
                    params![doc_id, key(reason)?, since.to_string()],
                )
                .map_err(&sqlite)?;
            }
        }
        if let (Some((year, line)), Some(conclusion)) =
            (journal_line, transition.event.conclusion())
        {
            let outcome = if transition.to == State::Cancelled {
                "refuse"
            } else {
                "confirm"
            };
            tx.execute(
                "INSERT INTO conclusions (year, seq, number, date, outcome, formulary_id, clerk,
                    audit_id, protocol_number, protocol_date, approver_name)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    year,
                    line,
                    conclusion.number,
                    conclusion.date.to_string(),
                    outcome,
                    id,
                    clerk,
                    entry.id,
                    extra.protocol.as_ref().map(|(n, _)| n.trim().to_string()),
                    extra.protocol.as_ref().map(|(_, d)| d.to_string()),
                    // M-16: the approving head (the row's clerk) under the name printed on
                    // the conclusion at the time.
                    approver
                ],
            )
            .map_err(&sqlite)?;
        }
        if by_clock && matches!(transition.event, Event::Issue { .. }) {
            record_issue(&tx, id, extra, entry.id).map_err(&sqlite)?;
        }
        if let Event::Destroy { act_number } = &transition.event {
            tx.execute(
                "INSERT INTO destructions (act_number, formulary_id, destroyed_at, clerk, audit_id)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![act_number.trim(), id, at.to_string(), clerk, entry.id],
            )
            .map_err(&sqlite)?;
        }
        crate::store::audit::seal::commit(tx, &clock, &clerk).map_err(&sqlite)?;
        Ok(transition)
    }
}

/// The next line of the year's journal of conclusions (M-16), from 1 each year: the order
/// the conclusions were entered in, not their numbers.
pub(super) fn next_journal_line(tx: &Transaction<'_>, year: i32) -> rusqlite::Result<i64> {
    tx.query_row(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM conclusions WHERE year = ?1",
        [year],
        |r| r.get(0),
    )
}

/// M-16: the year's highest conclusion number + 1 (1 for a new year). `value` is the
/// number read as a number (schema version 5); numbers written as text before that are
/// left out, as they are no numbers, and so is a number past [`MAX_CONCLUSION`] an older
/// kense took: the default stays one the journal (and the schema) takes.
pub(super) fn next_conclusion_number(tx: &Transaction<'_>, year: i32) -> rusqlite::Result<i64> {
    tx.query_row(
        "SELECT COALESCE(MAX(value), 0) + 1 FROM conclusions WHERE year = ?1 AND value <= ?2",
        params![year, MAX_CONCLUSION - 1],
        |r| r.get(0),
    )
}

/// M-16: whether conclusion number `value` is in the year's journal, compared as a number
/// (a "05" recorded before version 5 is number 5).
pub(super) fn journal_has(tx: &Transaction<'_>, year: i32, value: i64) -> rusqlite::Result<bool> {
    tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM conclusions WHERE year = ?1 AND value = ?2)",
        params![year, value],
        |r| r.get(0),
    )
}

/// M-57: whether a document of `kind` with `number` is recorded, spaces around and the
/// case of its letters aside (`number_key`, schema version 5).
pub(super) fn document_recorded(
    tx: &Transaction<'_>,
    kind: &str,
    number: &str,
) -> rusqlite::Result<bool> {
    tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM documents
                        WHERE kind = ?1 AND number_key = upper(trim(?2)))",
        params![kind, number],
        |r| r.get(0),
    )
}
