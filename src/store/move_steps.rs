//! The named steps of a move (`Store::move_inner`): what is checked before it is made, the
//! line and number it takes in the journal of conclusions (M-16), and the documents an
//! issue records and ends (M-57). Each runs inside the move's write transaction.

use super::StoreError;
use super::clock_guard::refuse_clock_behind;
use super::move_records::{
    IssuePaper, MoveDetails, conclusion_missing, journal_notes, merge_notes,
};
use super::moves::{document_recorded, journal_has, next_conclusion_number, next_journal_line};
use super::numbers::{parse_conclusion_number, parse_coupon};
use super::records::{Reader, is_sealed};
use crate::domain::DocumentKind;
use crate::domain::lifecycle::documents::{
    DocumentStatus, IssuedDocument, NumberTaken, invalidated_by_issue,
};
use crate::domain::lifecycle::{DataError, Event, Lifecycle, LifecycleError};
use chrono::{Datelike, NaiveDateTime};
use rusqlite::{Transaction, params};

/// The formulary moved: its row, its registration number and its coupon.
pub(super) struct Target<'a> {
    pub id: i64,
    pub number: &'a str,
    pub coupon: &'a str,
}

/// The document an issue hands over.
pub(super) struct Issued<'a> {
    pub kind: DocumentKind,
    /// The kind as the register keys it.
    pub document: &'a str,
    pub iin: &'a str,
    /// Its own number (M-57); the registration number stands in for moves entered for
    /// given times (tests, imports), which the clock's checks do not apply to.
    pub number: Option<&'a str>,
}

/// What a move is checked and written with.
pub(super) struct Checks<'a> {
    pub tx: &'a Transaction<'a>,
    pub reader: &'a Reader<'a>,
    /// The move is dated by the clock (now), not given a time: the rules' checks apply.
    pub by_clock: bool,
    pub at: NaiveDateTime,
    pub sqlite: &'a dyn Fn(rusqlite::Error) -> StoreError,
}

impl Checks<'_> {
    /// The rules a move must meet before it is made: the receipt's coupon (M-56), the
    /// issued document's own number (M-57), the conclusion and protocol on the reverse side
    /// before a send (M-16), the coupon typed, a closed day, a clock set back.
    pub fn before_move(
        &self,
        target: &Target,
        lifecycle: &Lifecycle,
        event: &mut Event,
        extra: &MoveDetails,
    ) -> Result<(), StoreError> {
        let (tx, sqlite, at, by_clock) = (self.tx, self.sqlite, self.at, self.by_clock);
        let reader = self.reader;
        let (id, number, coupon) = (target.id, target.number, target.coupon);
        let document_number = extra.document_number.as_deref();
        // M-56: handed over on the receipt, the coupon is not presented: the formulary is
        // the one the receipt was given for, and its coupon is recorded with the issue.
        if let (Event::Issue { coupon: given }, Some(IssuePaper::Receipt { .. })) =
            (&mut *event, &extra.paper)
            && given.trim().is_empty()
        {
            *given = coupon.to_string();
        }
        // M-57: the issued document's own number; the registration number is no document's.
        if by_clock
            && matches!(event, Event::Issue { .. })
            && document_number.is_none_or(|n| n.trim().is_empty())
        {
            return Err(StoreError::DocumentNumberRequired);
        }
        // M-16: a confirmed verification's conclusion and protocol are on the reverse side
        // before the formulary goes for manufacture.
        if by_clock && matches!(event, Event::Send | Event::Resend { .. }) {
            let json: String = tx
                .query_row(
                    "SELECT formulary_json FROM formularies WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .map_err(sqlite)?;
            let mut side = crate::domain::formulary::Formulary::from_json(&json)
                .map_err(|_| reader.damaged("formulary"))?
                .reverse_side;
            merge_notes(&mut side, journal_notes(tx, id).map_err(sqlite)?);
            if let Some(missing) = conclusion_missing(lifecycle, &side) {
                return Err(StoreError::ConclusionMissing {
                    number: number.to_string(),
                    missing,
                });
            }
        }
        if let Event::Issue { coupon: given } = &event
            && parse_coupon(given).as_deref() != Some(coupon)
        {
            return Err(StoreError::CouponMismatch {
                number: number.to_string(),
            });
        }
        if is_sealed(tx, at.date()).map_err(sqlite)? {
            return Err(StoreError::DaySealed { date: at.date() });
        }
        if by_clock {
            refuse_clock_behind(tx, at).map_err(|e| e.unwrap_or_else(sqlite))?;
        }
        Ok(())
    }

    /// M-16: a conclusion's line in the year's journal, and its number (the year's
    /// highest + 1 when none was typed), refused when the journal has it already.
    pub fn journal_line(&self, event: &mut Event) -> Result<Option<(i32, i64)>, StoreError> {
        let (tx, sqlite) = (self.tx, self.sqlite);
        Ok(match event {
            Event::Confirm { conclusion } | Event::Refuse { conclusion } => {
                let year = conclusion.date.year();
                let line = next_journal_line(tx, year).map_err(sqlite)?;
                // M-16: the journal is numbered per year with whole numbers, compared as
                // numbers ("05" is 5) and recorded plainly, so one number is one line.
                // The default is the year's highest number + 1, not the line count nor
                // the first gap: numbers grow with the journal's pages, and a gap is
                // usually a number the office gave on paper (a clerk typed a higher one).
                let value = if conclusion.number.trim().is_empty() {
                    next_conclusion_number(tx, year).map_err(sqlite)?
                } else {
                    // Text that is no number is no number of the journal: the domain's
                    // "give the conclusion's number in the journal" (the CLI says which
                    // flag before it gets here).
                    parse_conclusion_number(&conclusion.number).ok_or(StoreError::Move(
                        LifecycleError::Data(DataError::EmptyConclusionNumber),
                    ))?
                };
                conclusion.number = value.to_string();
                if journal_has(tx, year, value).map_err(sqlite)? {
                    return Err(StoreError::ConclusionTaken {
                        year,
                        number: conclusion.number.clone(),
                    });
                }
                Some((year, line))
            }
            _ => None,
        })
    }

    /// M-57: the issued document recorded (a number already recorded for its kind is
    /// refused: a number identifies one document), and the person's earlier documents it
    /// ends, to be written invalid with the move.
    pub fn issue_documents(
        &self,
        target: &Target,
        issued: &Issued,
        previous: &[(i64, IssuedDocument)],
    ) -> Result<Vec<(i64, IssuedDocument)>, StoreError> {
        let (tx, sqlite, at) = (self.tx, self.sqlite, self.at);
        let new = IssuedDocument {
            kind: issued.kind,
            number: issued.number.unwrap_or(target.number).to_string(),
            issued_on: at.date(),
            status: DocumentStatus::Valid,
        };
        if document_recorded(tx, issued.document, &new.number).map_err(sqlite)? {
            return Err(StoreError::Move(LifecycleError::DocumentNumberTaken(
                NumberTaken { kind: issued.kind },
            )));
        }
        let mut invalidated = Vec::new();
        for (doc_id, doc) in previous {
            if let Some(gone) =
                invalidated_by_issue(std::slice::from_ref(doc), &new, at.date()).pop()
            {
                invalidated.push((*doc_id, gone));
            }
        }
        tx.execute(
            "INSERT INTO documents (iin, kind, number, issued_on, formulary_id)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                issued.iin,
                issued.document,
                new.number,
                new.issued_on.to_string(),
                target.id
            ],
        )
        .map_err(sqlite)?;
        Ok(invalidated)
    }
}
