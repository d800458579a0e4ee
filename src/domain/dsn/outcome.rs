//! What becomes of an application: the refusal grounds (D-7), the sequences of assignment
//! (D-App3), and the terms (D-6). Deciding which applies is the register's job; the rules
//! and their texts are here.

use super::code::{DsnCode, MAX_SUBJECT};
use crate::domain::Text;
use crate::domain::calendar::{CalendarError, d6_result_due};
use chrono::{Months, NaiveDate, NaiveDateTime};
use serde::Serialize;

/// A ground of refusal of D-7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// D-7 (1): the applicant is not registered as a taxpayer carrying out the activity
    /// (Tax Code art. 88).
    NotRegistered,
    /// D-7 (2): a DSN code already exists for that product (same applicant, product type
    /// and name).
    CodeExists,
}

impl Refusal {
    /// The register's spelling.
    pub fn key(self) -> &'static str {
        match self {
            Refusal::NotRegistered => "not_registered",
            Refusal::CodeExists => "code_exists",
        }
    }

    /// Reads the register's spelling.
    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            "not_registered" => Some(Refusal::NotRegistered),
            "code_exists" => Some(Refusal::CodeExists),
            _ => None,
        }
    }

    /// The ground as cited: `D-7 (1)`, `D-7 (2)`.
    pub fn rule(self) -> &'static str {
        match self {
            Refusal::NotRegistered => "D-7 (1)",
            Refusal::CodeExists => "D-7 (2)",
        }
    }

    /// The ground in words, for the clerk and the applicant (cite it with [`Refusal::rule`]).
    /// `existing` is the code that already
    /// exists (D-7 (2)), named so the applicant knows which it is.
    pub fn text(self, existing: Option<&DsnCode>) -> Text {
        match self {
            Refusal::NotRegistered => Text::new(
                "услугополучатель не состоит на регистрационном учёте как \
                 налогоплательщик, осуществляющий отдельные виды деятельности (ст. 88 \
                 Налогового кодекса)",
                "көрсетілетін қызметті алушы Салық кодексінің \
                 88-бабына сәйкес жекелеген қызмет түрлерін жүзеге асыратын салық төлеуші \
                 ретінде тіркеу есебінде тұрмайды",
                "the applicant is not registered as a taxpayer \
                 carrying out the activity (Tax Code art. 88)",
            ),
            Refusal::CodeExists => {
                let code = existing.map(DsnCode::format_facets).unwrap_or_default();
                Text::new(
                    format!("для этого вида нефтепродукта уже есть ДСН-код {code}"),
                    format!("бұл өнімнің ДСН-коды бар: {code}"),
                    format!("this product already has DSN code {code}"),
                )
            }
        }
    }
}

/// The market-subject code that follows `highest`, the highest the register gave (D-App3:
/// sequential 0001–9999); `None` when 9999 is taken.
pub fn next_subject(highest: Option<u16>) -> Option<u16> {
    match highest {
        None => Some(1),
        Some(h) if h < MAX_SUBJECT => Some(h + 1),
        Some(_) => None,
    }
}

/// The brand code that follows `highest`, the highest of this applicant and product type
/// (D-App3: sequential from 001, no upper bound; a 1000th brand gets 1000).
pub fn next_brand(highest: Option<u32>) -> Option<u32> {
    match highest {
        None => Some(1),
        Some(h) => h.checked_add(1),
    }
}

/// What makes two product rows "the same product" for D-7 (2): the name in lower case,
/// its runs of spaces made one, so "АИ-92  К5" and "аи-92 к5" are one product.
pub fn product_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The terms of an application under D-6.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Terms {
    /// When the front office took it (local time).
    pub received_at: NaiveDateTime,
    /// The day it is registered: that day, or the next working day when it came after
    /// hours, on a day off or a holiday.
    pub registered_on: NaiveDate,
    /// The result is due one working day after registration.
    pub due_on: NaiveDate,
}

/// D-6: the registration day and the due date of an application received at `received_at`.
pub fn terms(received_at: NaiveDateTime) -> Result<Terms, CalendarError> {
    let due = d6_result_due(received_at)?;
    Ok(Terms {
        received_at,
        registered_on: due.registered_on,
        due_on: due.result_due,
    })
}

/// D-6: the front office keeps a result one month from the day it got it, then passes it to
/// the provider. `None` only past the end of the calendar chrono knows.
pub fn kept_until(handed_over_on: NaiveDate) -> Option<NaiveDate> {
    handed_over_on.checked_add_months(Months::new(1))
}

/// Whether an application is overdue on `today`: its due date has passed and its result
/// was not handed over to the front office (D-6).
pub fn is_overdue(due_on: NaiveDate, handed_over_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    handed_over_on.is_none() && today > due_on
}
