//! Reading applications back: one, or all of them (of one taxpayer, or overdue).

use super::DsnError;
use crate::domain::Text;
use crate::domain::dsn::{DsnCode, Refusal, decode, is_overdue, kept_until};
use crate::store::Store;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

/// Which applications to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Only the applications of this BIN or IIN.
    pub tin: Option<String>,
    /// Only those overdue on `today` (D-6).
    pub overdue_only: bool,
}

/// A product row and what it came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListedRow {
    /// 1-based, in the application's order.
    pub row: u32,
    /// The product type, 1–4.
    #[serde(rename = "type")]
    pub product_type: u8,
    pub name: String,
    pub spec: String,
    /// The assigned code, as written (`305300011001`)…
    pub code: Option<DsnCode>,
    /// …and with its facets separated (`3-053-0001-1-001`).
    pub code_facets: Option<String>,
    /// Or the refusal…
    pub refusal: Option<Refusal>,
    /// …its ground as cited (`D-7 (1)`)…
    pub ground: Option<&'static str>,
    /// …and, under D-7 (2), the code that exists already.
    pub existing_code: Option<DsnCode>,
    /// The ground in words, for the applicant (D-7).
    pub reason: Option<Text>,
}

/// An application with its terms and rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListedApplication {
    pub id: i64,
    pub taxpayer: String,
    /// The BIN or IIN.
    pub bin: String,
    /// `bin` or `iin`.
    pub id_kind: String,
    pub subject_type: String,
    pub country: u8,
    pub unit: u16,
    /// When the front office took it, local time.
    pub received_at: String,
    pub registered_on: NaiveDate,
    pub due_on: NaiveDate,
    pub handed_over_on: Option<NaiveDate>,
    /// D-6: the front office keeps the result until this day.
    pub kept_until: Option<NaiveDate>,
    /// Overdue on the day the list was made (D-6).
    pub overdue: bool,
    pub products: Vec<ListedRow>,
}

impl ListedApplication {
    /// Whether any row was refused.
    pub fn any_refused(&self) -> bool {
        self.products.iter().any(|p| p.refusal.is_some())
    }
}

const COLUMNS: &str = "id, taxpayer, tin, tin_kind, subject_type, country, unit, received_at,
     registered_on, due_on, handed_over_on";

fn date(text: &str) -> rusqlite::Result<NaiveDate> {
    text.parse().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn code(text: Option<String>) -> rusqlite::Result<Option<DsnCode>> {
    text.map(|t| {
        decode(&t).map(|d| d.code).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}

fn application(r: &Row<'_>, today: Option<NaiveDate>) -> rusqlite::Result<ListedApplication> {
    let handed_over_on = r
        .get::<_, Option<String>>(10)?
        .map(|t| date(&t))
        .transpose()?;
    let due_on = date(&r.get::<_, String>(9)?)?;
    Ok(ListedApplication {
        id: r.get(0)?,
        taxpayer: r.get(1)?,
        bin: r.get(2)?,
        id_kind: r.get(3)?,
        subject_type: r.get(4)?,
        country: r.get(5)?,
        unit: r.get(6)?,
        received_at: r.get(7)?,
        registered_on: date(&r.get::<_, String>(8)?)?,
        due_on,
        handed_over_on,
        kept_until: handed_over_on.and_then(kept_until),
        overdue: today.is_some_and(|today| is_overdue(due_on, handed_over_on, today)),
        products: Vec::new(),
    })
}

fn rows(conn: &Connection, id: i64) -> rusqlite::Result<Vec<ListedRow>> {
    let mut statement = conn.prepare(
        "SELECT row_no, product, name, spec, code, refusal, existing_code
         FROM dsn_products WHERE application_id = ?1 ORDER BY row_no",
    )?;
    let rows = statement.query_map([id], |r| {
        let code = code(r.get(4)?)?;
        let refusal = r
            .get::<_, Option<String>>(5)?
            .and_then(|k| Refusal::from_key(&k));
        let existing_code = self::code(r.get(6)?)?;
        Ok(ListedRow {
            row: r.get(0)?,
            product_type: r.get(1)?,
            name: r.get(2)?,
            spec: r.get(3)?,
            code_facets: code.as_ref().map(DsnCode::format_facets),
            code,
            ground: refusal.map(Refusal::rule),
            reason: refusal.map(|g| g.text(existing_code.as_ref())),
            refusal,
            existing_code,
        })
    })?;
    rows.collect()
}

/// One application with its rows; `today` decides whether it is overdue.
pub(super) fn read_application(
    conn: &Connection,
    id: i64,
    today: Option<NaiveDate>,
) -> rusqlite::Result<Option<ListedApplication>> {
    let found = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM dsn_applications WHERE id = ?1"),
            [id],
            |r| application(r, today),
        )
        .optional()?;
    found
        .map(|mut app| {
            app.products = rows(conn, id)?;
            Ok(app)
        })
        .transpose()
}

impl Store {
    /// The applications `filter` selects, oldest first, with their rows; `today` decides
    /// which are overdue (D-6).
    pub fn dsn_list(
        &self,
        filter: &ListFilter,
        today: NaiveDate,
    ) -> Result<Vec<ListedApplication>, DsnError> {
        let sqlite = self.sqlite_mapper();
        let read = || -> rusqlite::Result<Vec<ListedApplication>> {
            let mut statement = self.conn.prepare(&format!(
                "SELECT {COLUMNS} FROM dsn_applications
                 WHERE ?1 IS NULL OR tin = ?1 ORDER BY id"
            ))?;
            let tin = filter.tin.as_deref().map(str::trim);
            let found = statement
                .query_map(params![tin], |r| application(r, Some(today)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            found
                .into_iter()
                .filter(|app| !filter.overdue_only || app.overdue)
                .map(|mut app| {
                    app.products = rows(&self.conn, app.id)?;
                    Ok(app)
                })
                .collect()
        };
        // A read transaction would be one snapshot; WAL readers see one per statement, and
        // rows of an application are written with it, so a list is never half an
        // application.
        read().map_err(|e| DsnError::Store(sqlite(e)))
    }
}

impl Store {
    /// One application with its rows, judged overdue on `today` (D-6): the workstation's
    /// view of an application, read again after its hand-over.
    pub fn dsn_application_on(
        &self,
        id: i64,
        today: NaiveDate,
    ) -> Result<Option<ListedApplication>, DsnError> {
        let sqlite = self.sqlite_mapper();
        read_application(&self.conn, id, Some(today)).map_err(|e| DsnError::Store(sqlite(e)))
    }
}
