//! M-57: deregistration for permanent residence abroad, and what it does to the person's
//! documents.

use super::ops::now;
use super::records::{Reader, key};
use super::{Store, StoreError, audit};
use crate::domain::lifecycle::documents::{
    DocumentStatus, InvalidityReason, IssuedDocument, invalidated_by_emigration,
};
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, TransactionBehavior, params};
use serde::Serialize;
use serde_json::json;

/// What a deregistration for emigration, or a conditional exclusion of the IIN, did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Emigration {
    /// The day of deregistration.
    pub date: NaiveDate,
    /// The documents that became invalid (M-57), as they are now.
    pub invalidated: Vec<IssuedDocument>,
    /// The audit entry of the deregistration.
    pub audit_id: i64,
}

impl Store {
    /// M-57: records that the person with `iin` was deregistered on `date` for permanent
    /// residence outside Kazakhstan: their valid ID cards and residence permits issued by
    /// then become invalid with the M-57 reason (as
    /// [`invalidated_by_emigration`] says; a passport stays valid), in one audited
    /// transaction. [`StoreError::NoPerson`] when the register has no such person;
    /// [`StoreError::DaySealed`] when `date` is closed (the event belongs to that day).
    pub fn deregister_emigration(
        &mut self,
        iin: &str,
        date: NaiveDate,
    ) -> Result<Emigration, StoreError> {
        self.invalidate_documents(iin, date, "person_emigrated", |doc, date| {
            invalidated_by_emigration(std::slice::from_ref(doc), date).pop()
        })
    }

    /// M-57 (with M-56): records the conditional exclusion of the IIN `iin` on `date`: every
    /// valid document of the person issued by then becomes invalid with the reason
    /// "в связи с условным исключением ИИН", in one audited transaction (the documents on
    /// the new IIN are issued under it). Errors as [`Store::deregister_emigration`].
    pub fn exclude_iin(&mut self, iin: &str, date: NaiveDate) -> Result<Emigration, StoreError> {
        self.invalidate_documents(iin, date, "iin_excluded", |doc, date| {
            (doc.is_valid() && doc.issued_on <= date)
                .then(|| doc.invalidated(InvalidityReason::IinExcluded, date))
        })
    }

    fn invalidate_documents(
        &mut self,
        iin: &str,
        date: NaiveDate,
        action: &str,
        which: impl Fn(&IssuedDocument, NaiveDate) -> Option<IssuedDocument>,
    ) -> Result<Emigration, StoreError> {
        let clerk = self.clerk.as_str().to_string();
        let clock = self.clock;
        let sqlite = self.sqlite_fn();
        let iin = iin.trim();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&sqlite)?;
        // K-STAFF: only active staff write (issue 12).
        super::staff::admit_writer(&tx, &self.clerk, &self.clock)
            .map_err(|e| e.unwrap_or_else(&sqlite))?;
        let known = tx
            .query_row("SELECT 1 FROM persons WHERE iin = ?1", [iin], |_| Ok(()))
            .optional()
            .map_err(&sqlite)?;
        if known.is_none() {
            return Err(StoreError::NoPerson);
        }
        let sealed = tx
            .query_row(
                "SELECT 1 FROM day_closes WHERE date = ?1",
                [date.to_string()],
                |_| Ok(()),
            )
            .optional()
            .map_err(&sqlite)?;
        if sealed.is_some() {
            return Err(StoreError::DaySealed { date });
        }
        let reader = Reader {
            conn: &tx,
            path: &self.path,
            waited: self.busy_timeout,
        };
        let mut invalidated = Vec::new();
        for (id, doc) in reader.documents_with_ids(iin)? {
            if let Some(gone) = which(&doc, date) {
                invalidated.push((id, gone));
            }
        }
        let details = json!({ "date": date.to_string(), "invalidated": invalidated.len() });
        let entry =
            audit::append(&tx, &now(&clock), &clerk, action, iin, &details).map_err(&sqlite)?;
        for (id, doc) in &invalidated {
            if let DocumentStatus::Invalid { reason, since } = &doc.status {
                tx.execute(
                    "UPDATE documents SET invalid_reason = ?2, invalid_since = ?3 WHERE id = ?1",
                    params![id, key(reason)?, since.to_string()],
                )
                .map_err(&sqlite)?;
            }
        }
        crate::store::audit::seal::commit(tx, &clock, &clerk).map_err(&sqlite)?;
        Ok(Emigration {
            date,
            invalidated: invalidated.into_iter().map(|(_, d)| d).collect(),
            audit_id: entry.id,
        })
    }
}
