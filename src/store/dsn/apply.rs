//! Registering an application and deciding each of its rows (D-6, D-7, D-App3).

use super::list::{ListedApplication, read_application};
use super::{DsnError, now};
use crate::domain::dsn::{
    DsnCode, Refusal, Terms, ValidApplication, next_brand, next_subject, product_key,
};
use crate::office::Clock;
use crate::store::audit;
use crate::store::{Store, StoreError};
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::json;

/// What one row came to, before it is written.
enum Decision {
    Assigned {
        code: DsnCode,
    },
    Refused {
        ground: Refusal,
        existing: Option<String>,
    },
}

impl Store {
    /// Registers `app`, received at `terms.received_at`, and decides each product row in
    /// order, all in one transaction: refused under D-7 (1) when the applicant is not in
    /// the taxpayer register, under D-7 (2) when it already has a code for a product of that
    /// type and name (also one assigned earlier in this same application); else assigned a
    /// code. A refused row does not stop the rows after it.
    ///
    /// The applicant's market-subject code is given with its first assigned code and kept
    /// for all its later ones; running out of subject codes (or brands) saves nothing.
    pub fn dsn_apply(
        &mut self,
        app: &ValidApplication,
        terms: &Terms,
    ) -> Result<ListedApplication, DsnError> {
        let clerk = self.clerk.as_str().to_string();
        let clock = self.clock;
        let sqlite = self.sqlite_mapper();
        let tx = self.write()?;
        // The application belongs to its registration day (D-6): a closed day takes none.
        match super::super::ops::refuse_if_sealed(&tx, terms.registered_on) {
            Ok(()) => {}
            Err(Ok(sealed)) => return Err(sealed.into()),
            Err(Err(e)) => return Err(sqlite(e).into()),
        }
        let tin = app.id.as_str();
        let id: i64 = tx
            .query_row(
                "SELECT COALESCE(MAX(id), 0) + 1 FROM dsn_applications",
                [],
                |r| r.get(0),
            )
            .map_err(&sqlite)?;
        let at = now(&clock);
        let entry = audit::append(
            &tx,
            &at,
            &clerk,
            "dsn_application_registered",
            &id.to_string(),
            &json!({
                "registered_on": terms.registered_on,
                "due_on": terms.due_on,
                "rows": app.products.len(),
            }),
        )
        .map_err(&sqlite)?;
        tx.execute(
            "INSERT INTO dsn_applications (id, tin, tin_kind, taxpayer, subject_type, country,
                 unit, received_at, registered_on, due_on, clerk, audit_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                id,
                tin,
                app.id.kind().key(),
                app.taxpayer,
                app.subject_type.key(),
                app.country_code,
                app.unit_code,
                // The office's wall time with its offset (issue 14): `2026-12-07T19:00+05:00`.
                with_offset(terms.received_at, clock.zone()),
                terms.registered_on.to_string(),
                terms.due_on.to_string(),
                clerk,
                entry.id
            ],
        )
        .map_err(&sqlite)?;
        // D-7 (1): registered as a taxpayer carrying out this activity (art. 88): a
        // taxpayer whose activity was not recorded is checked for registration only.
        let activity: Option<Option<String>> = tx
            .query_row(
                "SELECT activity FROM dsn_taxpayers WHERE tin = ?1",
                [tin],
                |r| r.get(0),
            )
            .optional()
            .map_err(&sqlite)?;
        let registered =
            activity.is_some_and(|a| super::Activity::allows(a.as_deref(), app.subject_type.key()));
        for (i, row) in app.products.iter().enumerate() {
            let row_no = i64::try_from(i + 1).unwrap_or(i64::MAX);
            let key = product_key(&row.name);
            let decision = decide(
                &tx,
                &sqlite,
                (&clerk, &clock),
                app,
                registered,
                row.product_code,
                &key,
            )?;
            let (action, subject, details) = match &decision {
                Decision::Assigned { code } => (
                    "dsn_code_assigned",
                    code.to_string(),
                    json!({ "application": id, "row": row_no }),
                ),
                Decision::Refused { ground, .. } => (
                    "dsn_code_refused",
                    id.to_string(),
                    json!({ "row": row_no, "ground": ground.rule() }),
                ),
            };
            let entry = audit::append(&tx, &now(&clock), &clerk, action, &subject, &details)
                .map_err(&sqlite)?;
            let (code, brand, refusal, existing) = match decision {
                Decision::Assigned { code } => {
                    (Some(code.to_string()), Some(code.brand), None, None)
                }
                Decision::Refused { ground, existing } => {
                    (None, None, Some(ground.key()), existing)
                }
            };
            tx.execute(
                "INSERT INTO dsn_products (application_id, row_no, tin, product, name, name_key,
                     spec, code, brand, refusal, existing_code, audit_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    id,
                    row_no,
                    tin,
                    row.product_code,
                    row.name,
                    key,
                    row.spec,
                    code,
                    brand,
                    refusal,
                    existing,
                    entry.id
                ],
            )
            .map_err(&sqlite)?;
        }
        let listed = read_application(&tx, id, None)
            .map_err(&sqlite)?
            .ok_or(DsnError::NoApplication { id })?;
        crate::store::audit::seal::commit(tx, &clock, &clerk).map_err(&sqlite)?;
        Ok(listed)
    }
}

/// Decides one row: D-7 (1), then D-7 (2), then the code of D-App3.
fn decide(
    tx: &Transaction<'_>,
    sqlite: &dyn Fn(rusqlite::Error) -> StoreError,
    (clerk, clock): (&str, &Clock),
    app: &ValidApplication,
    registered: bool,
    product: u8,
    key: &str,
) -> Result<Decision, DsnError> {
    let tin = app.id.as_str();
    if !registered {
        return Ok(Decision::Refused {
            ground: Refusal::NotRegistered,
            existing: None,
        });
    }
    let existing: Option<String> = tx
        .query_row(
            "SELECT code FROM dsn_products
             WHERE tin = ?1 AND product = ?2 AND name_key = ?3 AND code IS NOT NULL",
            params![tin, product, key],
            |r| r.get(0),
        )
        .optional()
        .map_err(sqlite)?;
    if existing.is_some() {
        return Ok(Decision::Refused {
            ground: Refusal::CodeExists,
            existing,
        });
    }
    let subject = subject_code(tx, clock, sqlite, clerk, tin)?;
    let highest: Option<i64> = tx
        .query_row(
            "SELECT MAX(brand) FROM dsn_products WHERE tin = ?1 AND product = ?2",
            params![tin, product],
            |r| r.get(0),
        )
        .map_err(sqlite)?;
    let highest = highest.and_then(|h| u32::try_from(h).ok());
    let brand = next_brand(highest).ok_or(DsnError::BrandsExhausted)?;
    let code = DsnCode::new(app.country_code, app.unit_code, subject, product, brand)
        .map_err(|_| DsnError::BrandsExhausted)?;
    Ok(Decision::Assigned { code })
}

/// The applicant's market-subject code: the one it has, or the next free one, recorded.
fn subject_code(
    tx: &Transaction<'_>,
    clock: &Clock,
    sqlite: &dyn Fn(rusqlite::Error) -> StoreError,
    clerk: &str,
    tin: &str,
) -> Result<u16, DsnError> {
    let known: Option<i64> = tx
        .query_row("SELECT code FROM dsn_subjects WHERE tin = ?1", [tin], |r| {
            r.get(0)
        })
        .optional()
        .map_err(sqlite)?;
    if let Some(code) = known.and_then(|c| u16::try_from(c).ok()) {
        return Ok(code);
    }
    let highest: Option<i64> = tx
        .query_row("SELECT MAX(code) FROM dsn_subjects", [], |r| r.get(0))
        .map_err(sqlite)?;
    let code = next_subject(highest.and_then(|h| u16::try_from(h).ok()))
        .ok_or(DsnError::SubjectCodesExhausted)?;
    let entry = audit::append(
        tx,
        &now(clock),
        clerk,
        "dsn_subject_assigned",
        tin,
        &json!({ "subject": code }),
    )
    .map_err(sqlite)?;
    tx.execute(
        "INSERT INTO dsn_subjects (tin, code, audit_id) VALUES (?1, ?2, ?3)",
        params![tin, code, entry.id],
    )
    .map_err(sqlite)?;
    Ok(code)
}

/// A wall time of the office, to the minute, with the office's offset at that moment; a
/// wall time the zone skipped has no true offset and is written without one.
fn with_offset(at: chrono::NaiveDateTime, zone: chrono_tz::Tz) -> String {
    use chrono::TimeZone;
    let wall = at.format("%Y-%m-%dT%H:%M");
    match zone.from_local_datetime(&at) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
            format!("{wall}{}", t.format("%:z"))
        }
        chrono::LocalResult::None => wall.to_string(),
    }
}
