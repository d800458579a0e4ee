//! What happens to a DSN application after its result reaches the front office (issue 14):
//! D-6 (a result kept a month is passed to the provider; asked for later, it is sent back
//! within one working day) and D-12 (complaints with their terms).

use super::{DsnError, Store, now};
use crate::domain::calendar::{Body, d6_return_due, d12_complaint_due};
use crate::domain::dsn::kept_until;
use crate::store::audit;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use serde_json::json;

/// D-6: a result passed back to the provider, or asked for again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Transfer {
    pub id: i64,
    /// The day it was passed to the provider.
    pub passed_to_provider_on: NaiveDate,
    /// The day it was asked for, if it was.
    pub requested_on: Option<NaiveDate>,
    /// The day the provider must have sent it back by (1 working day).
    pub requested_due: Option<NaiveDate>,
}

/// D-6, for the work queue: a result asked back from the provider, not yet sent back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OpenRequest {
    pub id: i64,
    pub requested_on: NaiveDate,
    /// Due back by then (1 working day).
    pub due: NaiveDate,
}

/// D-12: a complaint recorded against an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Complaint {
    pub id: i64,
    pub application: i64,
    pub body: Body,
    pub filed_on: NaiveDate,
    /// The day it must be considered by: 5 working days (provider, front office), 15
    /// (the quality body).
    pub due_on: NaiveDate,
}

fn date(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|t| t.parse().ok())
}

impl Store {
    /// D-6: the front office passes the result of application `id` it kept a month to the
    /// provider on `on`: refused before the month is over ([`DsnError::StillKept`]) or when
    /// the result is not at the front office ([`DsnError::NotAtFrontOffice`]).
    pub fn dsn_pass_to_provider(&mut self, id: i64, on: NaiveDate) -> Result<Transfer, DsnError> {
        let clerk = self.clerk.as_str().to_string();
        let clock = self.clock;
        let sqlite = self.sqlite_mapper();
        let tx = self.write()?;
        let found: Option<(Option<String>, Option<String>)> = tx
            .query_row(
                "SELECT handed_over_on, passed_to_provider_on FROM dsn_applications WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(&sqlite)?;
        let (handed, passed) = found.ok_or(DsnError::NoApplication { id })?;
        let (Some(handed), None) = (date(handed), passed) else {
            return Err(DsnError::NotAtFrontOffice { id });
        };
        if let Some(until) = kept_until(handed)
            && on < until
        {
            return Err(DsnError::StillKept { id, until });
        }
        audit::append(
            &tx,
            &now(&clock),
            &clerk,
            "dsn_passed_to_provider",
            &id.to_string(),
            &json!({ "on": on }),
        )
        .map_err(&sqlite)?;
        tx.execute(
            "UPDATE dsn_applications SET passed_to_provider_on = ?1 WHERE id = ?2",
            params![on.to_string(), id],
        )
        .map_err(&sqlite)?;
        crate::store::audit::seal::commit(tx, &clock, &clerk).map_err(&sqlite)?;
        Ok(Transfer {
            id,
            passed_to_provider_on: on,
            requested_on: None,
            requested_due: None,
        })
    }

    /// D-6: the result of application `id`, passed to the provider, is asked for on `on`;
    /// the provider sends it back within one working day (a term for the work queue).
    pub fn dsn_request_result(&mut self, id: i64, on: NaiveDate) -> Result<Transfer, DsnError> {
        let clerk = self.clerk.as_str().to_string();
        let clock = self.clock;
        let sqlite = self.sqlite_mapper();
        let tx = self.write()?;
        let passed: Option<Option<String>> = tx
            .query_row(
                "SELECT passed_to_provider_on FROM dsn_applications WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()
            .map_err(&sqlite)?;
        let passed = passed.ok_or(DsnError::NoApplication { id })?;
        let Some(passed) = date(passed) else {
            return Err(DsnError::NotWithProvider { id });
        };
        let due = d6_return_due(on.max(passed)).map_err(DsnError::Calendar)?;
        audit::append(
            &tx,
            &now(&clock),
            &clerk,
            "dsn_result_requested",
            &id.to_string(),
            &json!({ "on": on, "due": due }),
        )
        .map_err(&sqlite)?;
        tx.execute(
            "UPDATE dsn_applications SET requested_on = ?1, requested_due = ?2 WHERE id = ?3",
            params![on.to_string(), due.to_string(), id],
        )
        .map_err(&sqlite)?;
        crate::store::audit::seal::commit(tx, &clock, &clerk).map_err(&sqlite)?;
        Ok(Transfer {
            id,
            passed_to_provider_on: passed,
            requested_on: Some(on),
            requested_due: Some(due),
        })
    }

    /// D-6: the provider sent the result of application `id`, asked for, back on `on`: it
    /// leaves the work queue. [`DsnError::NotWithProvider`] when it was not asked for (or
    /// was sent back already).
    pub fn dsn_sent_back(&mut self, id: i64, on: NaiveDate) -> Result<Transfer, DsnError> {
        let clerk = self.clerk.as_str().to_string();
        let clock = self.clock;
        let sqlite = self.sqlite_mapper();
        let tx = self.write()?;
        let found: Option<[Option<String>; 4]> = tx
            .query_row(
                "SELECT passed_to_provider_on, requested_on, requested_due, sent_back_on
                 FROM dsn_applications WHERE id = ?1",
                [id],
                |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?]),
            )
            .optional()
            .map_err(&sqlite)?;
        let [passed, requested, due, sent] = found.ok_or(DsnError::NoApplication { id })?;
        let (Some(passed), Some(requested), None) = (date(passed), date(requested), sent) else {
            return Err(DsnError::NotWithProvider { id });
        };
        audit::append(
            &tx,
            &now(&clock),
            &clerk,
            "dsn_result_sent_back",
            &id.to_string(),
            &json!({ "on": on }),
        )
        .map_err(&sqlite)?;
        tx.execute(
            "UPDATE dsn_applications SET sent_back_on = ?1 WHERE id = ?2",
            params![on.to_string(), id],
        )
        .map_err(&sqlite)?;
        crate::store::audit::seal::commit(tx, &clock, &clerk).map_err(&sqlite)?;
        Ok(Transfer {
            id,
            passed_to_provider_on: passed,
            requested_on: Some(requested),
            requested_due: date(due),
        })
    }

    /// D-6, for the work queue: the results asked back from the provider and not yet sent
    /// back, the earliest due first.
    pub fn dsn_open_requests(&self) -> Result<Vec<OpenRequest>, DsnError> {
        let sqlite = self.sqlite_mapper();
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, requested_on, requested_due FROM dsn_applications
                 WHERE requested_due IS NOT NULL AND sent_back_on IS NULL
                 ORDER BY requested_due, id",
            )
            .map_err(&sqlite)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(&sqlite)?;
        let mut open = Vec::new();
        for row in rows {
            let (id, requested, due) = row.map_err(&sqlite)?;
            let (Ok(requested_on), Ok(due)) = (requested.parse(), due.parse()) else {
                return Err(DsnError::Store(self.damaged("DSN request")));
            };
            open.push(OpenRequest {
                id,
                requested_on,
                due,
            });
        }
        Ok(open)
    }

    /// D-12: records a complaint against application `id` filed with `body` on `on`, due
    /// 5 working days later (provider, front office) or 15 (the quality body).
    pub fn dsn_complain(
        &mut self,
        id: i64,
        body: Body,
        on: NaiveDate,
    ) -> Result<Complaint, DsnError> {
        let clerk = self.clerk.as_str().to_string();
        let clock = self.clock;
        let sqlite = self.sqlite_mapper();
        let tx = self.write()?;
        let known = tx
            .query_row("SELECT 1 FROM dsn_applications WHERE id = ?1", [id], |_| {
                Ok(())
            })
            .optional()
            .map_err(&sqlite)?;
        if known.is_none() {
            return Err(DsnError::NoApplication { id });
        }
        let due_on = d12_complaint_due(on, body).map_err(DsnError::Calendar)?;
        let body_key = match body {
            Body::Provider => "provider",
            Body::FrontOffice => "front_office",
            Body::QualityBody => "quality_body",
        };
        let entry = audit::append(
            &tx,
            &now(&clock),
            &clerk,
            "dsn_complaint_filed",
            &id.to_string(),
            &json!({ "body": body_key, "on": on, "due": due_on }),
        )
        .map_err(&sqlite)?;
        tx.execute(
            "INSERT INTO dsn_complaints (application_id, body, filed_on, due_on, clerk, audit_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                id,
                body_key,
                on.to_string(),
                due_on.to_string(),
                clerk,
                entry.id
            ],
        )
        .map_err(&sqlite)?;
        let complaint = tx.last_insert_rowid();
        crate::store::audit::seal::commit(tx, &clock, &clerk).map_err(&sqlite)?;
        Ok(Complaint {
            id: complaint,
            application: id,
            body,
            filed_on: on,
            due_on,
        })
    }
}
