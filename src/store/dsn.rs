//! DSN codes in the register (document 001): the taxpayer register D-7 (1) is checked
//! against, the market-subject codes, the applications with their terms (D-6), and each
//! product row with its outcome, an assigned code or a refusal with its ground.
//!
//! Every change is one IMMEDIATE transaction that appends its audit entries: an
//! application is registered, and each of its rows assigned or refused, together or not at
//! all. The rules are the domain's ([`crate::domain::dsn`]); this module decides which
//! applies, from what the register holds.

mod apply;
mod list;
mod names;
mod schema;

pub use list::{ListFilter, ListedApplication, ListedRow};
pub use names::{DsnCodeNames, KnownTaxpayer, ProductName, SubjectName};

/// One application with its rows, for its paper (issue 13); not judged overdue.
pub(super) fn read_one(
    conn: &rusqlite::Connection,
    id: i64,
) -> rusqlite::Result<Option<ListedApplication>> {
    list::read_application(conn, id, None)
}
pub(super) use schema::SCHEMA;

use super::audit;
use super::{Store, StoreError};
use crate::domain::dsn::{TaxpayerId, kept_until};
use crate::office::Clock;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use serde_json::json;

/// Why a DSN change was not made.
#[derive(Debug, thiserror::Error)]
pub enum DsnError {
    /// The register itself failed or cannot be used.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// `taxpayer add` of a number already in the taxpayer register.
    #[error("this taxpayer is already in the register: nothing was changed")]
    TaxpayerExists,
    /// D-App3: every market-subject code 0001–9999 is taken.
    #[error(
        "no market-subject code is left: 0001–9999 are all taken (D-App3); the application was not saved"
    )]
    SubjectCodesExhausted,
    /// Brands of one applicant and product type reached the largest number Kense keeps.
    #[error(
        "no brand number is left for this applicant and product type; the application was not saved"
    )]
    BrandsExhausted,
    /// No application with that number.
    #[error("no DSN application {id} in the register")]
    NoApplication { id: i64 },
    /// D-6: a hand-over dated before the application's registration day.
    #[error("application {id} was registered on {registered_on}: it cannot be handed over before")]
    HandOverBeforeRegistration { id: i64, registered_on: NaiveDate },
    /// The result was handed over before.
    #[error("the result of DSN application {id} was already handed over on {on}")]
    AlreadyHandedOver { id: i64, on: NaiveDate },
    /// D-6, D-App2: the front office works Monday to Saturday: not on a Sunday or holiday.
    #[error("the front office is closed on {on} (Sunday or holiday): nothing handed over (D-6)")]
    FrontOfficeClosed { on: NaiveDate },
    /// D-6: the result is not at the front office (not handed over, or passed back already).
    #[error("the result of DSN application {id} is not at the front office (D-6)")]
    NotAtFrontOffice { id: i64 },
    /// D-6: the front office keeps a result a month before passing it to the provider.
    #[error("the front office keeps the result of DSN application {id} until {until} (D-6)")]
    StillKept { id: i64, until: NaiveDate },
    /// D-6: only a result passed to the provider is asked back from it.
    #[error("the result of DSN application {id} was not passed to the provider (D-6)")]
    NotWithProvider { id: i64 },
    /// A term the calendar cannot count (a date outside its years).
    #[error("{0}")]
    Calendar(crate::domain::calendar::CalendarError),
}

/// A taxpayer of the register D-7 (1) is checked against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Taxpayer {
    pub tin: TaxpayerId,
    pub name: String,
    /// D-7 (1): the activity registered under Tax Code art. 88; `None` when not recorded
    /// (a taxpayer added before: checked for registration only).
    pub activity: Option<Activity>,
    /// D-7 (1): where the activity is registered (the place of the registration).
    pub place: Option<String>,
}

/// D-7 (1): the activity a taxpayer is registered for (Tax Code art. 88).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Activity {
    Producer,
    Importer,
    /// Both producer and importer.
    Both,
}

impl Activity {
    /// The register's spelling.
    pub fn key(self) -> &'static str {
        match self {
            Activity::Producer => "producer",
            Activity::Importer => "importer",
            Activity::Both => "both",
        }
    }

    /// D-7 (1): whether a taxpayer registered for `registered` (`None`: not recorded) may
    /// apply as `subject_type` (`producer` or `importer`).
    pub fn allows(registered: Option<&str>, subject_type: &str) -> bool {
        match registered {
            None | Some("both") => true,
            Some(activity) => activity == subject_type,
        }
    }
}

/// What an import of taxpayers did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Taxpayers added.
    pub added: usize,
    /// Rows whose number was in the register already (left as they were).
    pub already_present: usize,
}

/// A result handed over to the front office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct HandOver {
    pub id: i64,
    pub handed_over_on: NaiveDate,
    /// D-6: the front office keeps it until then, then passes it to the provider.
    pub kept_until: Option<NaiveDate>,
}

use super::ops::now;

mod after;
pub use after::{Complaint, OpenRequest, Transfer};

impl Store {
    /// Adds a taxpayer to the register D-7 (1) is checked against; a number already there
    /// is [`DsnError::TaxpayerExists`].
    pub fn dsn_add_taxpayer(&mut self, taxpayer: &Taxpayer) -> Result<(), DsnError> {
        let clerk = self.clerk.as_str().to_string();
        let clock = self.clock;
        let sqlite = self.sqlite_mapper();
        let tx = self.write()?;
        if !insert_taxpayer(&tx, &clock, &clerk, taxpayer).map_err(&sqlite)? {
            return Err(DsnError::TaxpayerExists);
        }
        crate::store::audit::seal::commit(tx, &clock, &clerk).map_err(&sqlite)?;
        Ok(())
    }

    /// Adds many taxpayers in one transaction; numbers already in the register are left
    /// as they are and counted.
    pub fn dsn_import_taxpayers(
        &mut self,
        taxpayers: &[Taxpayer],
    ) -> Result<ImportSummary, DsnError> {
        let clerk = self.clerk.as_str().to_string();
        let clock = self.clock;
        let sqlite = self.sqlite_mapper();
        let tx = self.write()?;
        let mut added = 0;
        for taxpayer in taxpayers {
            if insert_taxpayer(&tx, &clock, &clerk, taxpayer).map_err(&sqlite)? {
                added += 1;
            }
        }
        crate::store::audit::seal::commit(tx, &clock, &clerk).map_err(&sqlite)?;
        Ok(ImportSummary {
            added,
            already_present: taxpayers.len() - added,
        })
    }

    /// Records that the result of application `id` was handed over to the front office on
    /// `on` (D-6); it is no longer overdue from then.
    pub fn dsn_hand_over(&mut self, id: i64, on: NaiveDate) -> Result<HandOver, DsnError> {
        let clerk = self.clerk.as_str().to_string();
        let clock = self.clock;
        let sqlite = self.sqlite_mapper();
        let tx = self.write()?;
        let found: Option<(Option<String>, String)> = tx
            .query_row(
                "SELECT handed_over_on, registered_on FROM dsn_applications WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(&sqlite)?;
        match found {
            None => return Err(DsnError::NoApplication { id }),
            Some((Some(earlier), _)) => {
                let on = earlier.parse().unwrap_or(NaiveDate::MIN);
                return Err(DsnError::AlreadyHandedOver { id, on });
            }
            Some((None, registered)) => {
                // D-6: a result cannot reach the front office before its application was
                // registered.
                if let Ok(registered_on) = registered.parse::<NaiveDate>()
                    && on < registered_on
                {
                    return Err(DsnError::HandOverBeforeRegistration { id, registered_on });
                }
            }
        }
        // D-6, D-App2: the front office takes results Monday to Saturday only.
        match crate::domain::calendar::front_office_open(on) {
            Ok(true) => {}
            Ok(false) => return Err(DsnError::FrontOfficeClosed { on }),
            Err(e) => return Err(DsnError::Calendar(e)),
        }
        // The hand-over is an event of its day: a closed day takes none.
        match super::ops::refuse_if_sealed(&tx, on) {
            Ok(()) => {}
            Err(Ok(sealed)) => return Err(sealed.into()),
            Err(Err(e)) => return Err(sqlite(e).into()),
        }
        audit::append(
            &tx,
            &now(&clock),
            &clerk,
            "dsn_handed_over",
            &id.to_string(),
            &json!({ "on": on }),
        )
        .map_err(&sqlite)?;
        tx.execute(
            "UPDATE dsn_applications SET handed_over_on = ?1 WHERE id = ?2",
            params![on.to_string(), id],
        )
        .map_err(&sqlite)?;
        crate::store::audit::seal::commit(tx, &clock, &clerk).map_err(&sqlite)?;
        Ok(HandOver {
            id,
            handed_over_on: on,
            kept_until: kept_until(on),
        })
    }

    fn sqlite_mapper(&self) -> impl Fn(rusqlite::Error) -> StoreError + use<> {
        let (path, waited) = (self.path.clone(), self.busy_timeout);
        move |e| StoreError::from_sqlite(&path, waited, e)
    }
}

/// Inserts a taxpayer with its audit entry; `false` when the number is there already.
fn insert_taxpayer(
    tx: &Transaction<'_>,
    clock: &Clock,
    clerk: &str,
    t: &Taxpayer,
) -> rusqlite::Result<bool> {
    let tin = t.tin.as_str();
    let exists = tx
        .query_row("SELECT 1 FROM dsn_taxpayers WHERE tin = ?1", [tin], |_| {
            Ok(())
        })
        .optional()?
        .is_some();
    if exists {
        return Ok(false);
    }
    let at = now(clock);
    let kind = t.tin.kind().key();
    let entry = audit::append(
        tx,
        &at,
        clerk,
        "dsn_taxpayer_added",
        tin,
        &json!({ "kind": kind }),
    )?;
    tx.execute(
        "INSERT INTO dsn_taxpayers (tin, kind, name, added_at, clerk, audit_id, activity, place)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            tin,
            kind,
            t.name.trim(),
            at,
            clerk,
            entry.id,
            t.activity.map(Activity::key),
            t.place.as_deref().map(str::trim).filter(|p| !p.is_empty())
        ],
    )?;
    Ok(true)
}
