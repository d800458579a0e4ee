//! M-12.a: what was shown for a child's IIN, and the requests to the civil registry (РАГС)
//! for birth records ИС ЗАГС did not have: the terms of the work queue.

use super::ops::{now, refuse_if_sealed};
use super::{Store, StoreError, audit};
use crate::domain::birth_record::ChildIinBasis;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde_json::json;

/// A request to РАГС for a copy of a birth record (M-12.a), open until marked sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegistryRequest {
    /// The child's IIN.
    pub iin: String,
    /// The day the parent applied.
    pub applied_on: NaiveDate,
    /// The day the request is due (two working days later).
    pub due: NaiveDate,
}

/// Records what was shown for the IIN just issued (same transaction).
pub(super) fn record(
    conn: &Connection,
    iin: &str,
    basis: &ChildIinBasis,
    applied_on: NaiveDate,
    due: Option<NaiveDate>,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO iin_births (iin, certificate_number, certificate_date, certificate_issuer,
            parent_document, zags_found, applied_on, request_due)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            iin,
            basis.certificate_number.trim(),
            basis.certificate_date.to_string(),
            basis.certificate_issuer.trim(),
            basis.parent_document.trim(),
            i64::from(basis.zags_found),
            applied_on.to_string(),
            due.map(|d| d.to_string())
        ],
    )?;
    Ok(())
}

impl Store {
    /// M-12.a, for the work queue: the requests to РАГС not yet marked sent, the earliest
    /// due first.
    pub fn registry_requests(&self) -> Result<Vec<RegistryRequest>, StoreError> {
        let sqlite = self.sqlite_fn();
        let mut stmt = self
            .conn
            .prepare(
                "SELECT iin, applied_on, request_due FROM iin_births
                 WHERE request_due IS NOT NULL AND request_sent_on IS NULL
                 ORDER BY request_due, iin",
            )
            .map_err(&sqlite)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(&sqlite)?;
        let mut requests = Vec::new();
        for row in rows {
            let (iin, applied, due) = row.map_err(&sqlite)?;
            let (Ok(applied_on), Ok(due)) = (applied.parse(), due.parse()) else {
                return Err(self.damaged("registry request"));
            };
            requests.push(RegistryRequest {
                iin,
                applied_on,
                due,
            });
        }
        Ok(requests)
    }

    /// M-12.a: marks the request to РАГС for the birth record of `iin` sent on `on`:
    /// it leaves the work queue. [`StoreError::NoPerson`] when there is no open request.
    pub fn mark_registry_request_sent(
        &mut self,
        iin: &str,
        on: NaiveDate,
    ) -> Result<(), StoreError> {
        let clerk = self.clerk.as_str().to_string();
        let clock = self.clock;
        let sqlite = self.sqlite_fn();
        let tx = self.write()?;
        let open: Option<String> = tx
            .query_row(
                "SELECT iin FROM iin_births
                 WHERE iin = ?1 AND request_due IS NOT NULL AND request_sent_on IS NULL",
                [iin.trim()],
                |r| r.get(0),
            )
            .optional()
            .map_err(&sqlite)?;
        let Some(iin) = open else {
            return Err(StoreError::NoPerson);
        };
        match refuse_if_sealed(&tx, on) {
            Ok(()) => {}
            Err(Ok(sealed)) => return Err(sealed),
            Err(Err(e)) => return Err(sqlite(e)),
        }
        audit::append(
            &tx,
            &now(&clock),
            &clerk,
            "registry_request_sent",
            &iin,
            &json!({ "on": on }),
        )
        .map_err(&sqlite)?;
        tx.execute(
            "UPDATE iin_births SET request_sent_on = ?2 WHERE iin = ?1",
            params![iin, on.to_string()],
        )
        .map_err(&sqlite)?;
        crate::store::audit::seal::commit(tx, &clock, &clerk).map_err(&sqlite)
    }
}
