//! The papers the two orders require (issue 13), as PDF made in-process: the electronic
//! formulary signed at issue (M-57), the insert to the birth certificate (M-12.b), the
//! certificate of the change of the nationality record (M-12.e), the conclusion of an
//! additional verification (M-16), the journal of conclusions and the destruction act, the
//! coupon slip (M-56), the day's register report, and the DSN result (D-7, D-8, D-12).
//!
//! Papers never speak SQL: [`render`] reads what a paper needs through the store's read
//! functions and hands plain data to the paper's layout. The workstation's print keys use
//! the same two steps as `kense print`: [`render`] (the PDF bytes and what the audit entry
//! needs), then [`deliver::deliver`] (a file, the office's CUPS queue, or the clerk's own
//! printer through the terminal), then [`record`] (the audit entry and the copy count).

mod blocks;
mod certificates;
mod data_change;
pub mod deliver;
mod fonts;
mod layout;
mod offer;
mod person;
mod registers;
mod verification;
mod words;

use crate::office::Settings;
use crate::store::{Store, StoreError};
use chrono::NaiveDateTime;
use sha2::{Digest, Sha256};
use std::fmt;
use std::str::FromStr;

pub use deliver::{Delivered, Delivery, DeliveryError};
pub use layout::{A4_HEIGHT, A4_WIDTH};
pub use offer::offered;

/// The papers, by the name `kense print` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaperKind {
    /// The electronic formulary for signatures at issue, front and reverse (M-57).
    Formulary,
    /// The insert to the birth certificate with the generated IIN (M-12.b).
    Insert,
    /// The certificate of the change of the nationality record, code 08 (M-12.e).
    NationalityCertificate,
    /// The conclusion of an additional verification (M-16).
    Conclusion,
    /// The journal of conclusions of a year (M-16).
    Journal,
    /// The destruction act.
    Act,
    /// The application registration coupon (M-56, M-57).
    Coupon,
    /// The day's register report, with the audit chain head of its close.
    Day,
    /// The result of a DSN application (D-7, D-8, D-12).
    DsnResult,
}

impl PaperKind {
    pub const ALL: [PaperKind; 9] = [
        PaperKind::Formulary,
        PaperKind::Insert,
        PaperKind::NationalityCertificate,
        PaperKind::Conclusion,
        PaperKind::Journal,
        PaperKind::Act,
        PaperKind::Coupon,
        PaperKind::Day,
        PaperKind::DsnResult,
    ];

    /// The name `kense print` takes and the audit entry records.
    pub fn name(self) -> &'static str {
        match self {
            PaperKind::Formulary => "formulary",
            PaperKind::Insert => "insert",
            PaperKind::NationalityCertificate => "nationality-certificate",
            PaperKind::Conclusion => "conclusion",
            PaperKind::Journal => "journal",
            PaperKind::Act => "act",
            PaperKind::Coupon => "coupon",
            PaperKind::Day => "day",
            PaperKind::DsnResult => "dsn-result",
        }
    }

    /// What the paper is of, as `kense print KIND SUBJECT` takes it.
    pub fn subject_hint(self) -> &'static str {
        match self {
            PaperKind::Formulary
            | PaperKind::NationalityCertificate
            | PaperKind::Conclusion
            | PaperKind::Coupon => "a registration number (YYYY-NNNNNNN)",
            PaperKind::Insert => "the IIN the register generated",
            PaperKind::Journal => "a year (YYYY)",
            PaperKind::Act => "the destruction act's number",
            PaperKind::Day => "a day (YYYY-MM-DD)",
            PaperKind::DsnResult => "the DSN application's number",
        }
    }
}

impl fmt::Display for PaperKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for PaperKind {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        PaperKind::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .ok_or_else(|| format!("no paper {name:?}"))
    }
}

/// The language of a paper. A Kazakh paper carries the Russian title under the Kazakh one,
/// as the state's bilingual forms do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PaperLang {
    #[default]
    Ru,
    Kk,
}

/// One paper asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub kind: PaperKind,
    /// The registration number, IIN, year, act number, day or DSN application number.
    pub subject: String,
    pub lang: PaperLang,
    /// The full name of the head who approves (the conclusion, the act), when known; a
    /// line to write it on otherwise.
    pub head: Option<String>,
}

/// A paper made: its PDF and what its audit entry records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub kind: PaperKind,
    /// What the paper is of, as the audit entry's subject: the registration number, the
    /// day, the year, the act number, the DSN application number, or the IIN (the insert,
    /// as `iin_generated` records it).
    pub subject: String,
    pub bytes: Vec<u8>,
    /// SHA-256 of `bytes`, lowercase hex.
    pub sha256: String,
    pub pages: usize,
    /// The number of this copy among the paper's prints (1 for the first).
    pub first_copy: u32,
    /// Printed before: the paper says so.
    pub reprint: bool,
}

/// Why a paper cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum PaperError {
    /// The register has no such formulary, IIN, year's conclusions, act, day or application.
    #[error("{0}")]
    NotFound(String),
    /// The subject is not one this paper takes (a malformed number, day or year).
    #[error("{0}")]
    BadSubject(String),
    /// The paper does not apply to this subject (a certificate of code 08 for another code).
    #[error("{0}")]
    NotApplicable(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the papers' font cannot be loaded")]
    Font,
    #[error("the paper cannot be laid out on A4")]
    Layout,
    #[error("the PDF cannot be made: {0}")]
    Pdf(String),
}

/// The full name printed under a signature line for the clerk `account`: their full name
/// in the staff list (issue 12), else (no such member, no name set yet, or the list cannot
/// be read) the account name, so that a paper is never refused for want of a name. One
/// place for every paper.
pub fn signer_name(store: &Store, account: &str) -> String {
    let account = account.trim();
    match store.staff_member(account) {
        Ok(Some(member)) if !member.full_name.trim().is_empty() => {
            member.full_name.trim().to_string()
        }
        _ => account.to_string(),
    }
}

/// What every paper's layout needs besides its data.
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    pub lang: PaperLang,
    pub office: String,
    /// Office time when the paper is made.
    pub now: NaiveDateTime,
    pub zone: chrono_tz::Tz,
    /// The full name of the clerk printing.
    pub printing: String,
    pub head: Option<String>,
    /// "Reprint, copy N" when the paper was printed before.
    pub mark: Option<String>,
    pub kind: PaperKind,
}

impl Ctx {
    /// The text in the paper's language.
    pub fn t(&self, ru: &str, kk: &str) -> String {
        match self.lang {
            PaperLang::Ru => ru.to_string(),
            PaperLang::Kk => kk.to_string(),
        }
    }

    /// The title lines: the Kazakh paper has the Russian title too.
    pub fn title(&self, ru: &str, kk: &str, more: Option<String>) -> Vec<String> {
        let mut lines = match self.lang {
            PaperLang::Ru => vec![ru.to_string()],
            PaperLang::Kk => vec![kk.to_string(), ru.to_string()],
        };
        lines.extend(more);
        lines
    }

    pub fn sheet(&self) -> layout::Sheet {
        let printed = words::date_time(self.now);
        let footer = format!(
            "Kense · {} · {} {printed}",
            self.kind.name(),
            self.t("напечатано", "басылды"),
        );
        layout::Sheet::new(footer, self.mark.clone(), &self.t("стр.", "бет"))
    }
}

/// Makes the paper `request` asks for from the register, dated by the register's clock
/// ([`Store::clock`], the office's): the PDF bytes, their SHA-256, and
/// the copy number it will be (a reprint says so on the paper). Reads only; [`record`]
/// writes the audit entry once the paper is delivered.
pub fn render(
    store: &Store,
    settings: &Settings,
    request: &Request,
) -> Result<Rendered, PaperError> {
    // The register's clock is the office's (issue 14): the paper's date is the one written.
    let clock = store.clock();
    let subject = words::subject_key(request.kind, &request.subject)?;
    let printed = store.copies_printed(request.kind.name(), &subject)?;
    let first_copy = printed.saturating_add(1);
    let lang = request.lang;
    let mark = (printed > 0).then(|| match lang {
        PaperLang::Ru => format!("ПОВТОРНЫЙ ЭКЗЕМПЛЯР · копия № {first_copy}"),
        PaperLang::Kk => format!("ҚАЙТА БАСЫЛҒАН ДАНА · № {first_copy} көшірме"),
    });
    let office = match lang {
        PaperLang::Ru => settings.office.name_ru.clone(),
        PaperLang::Kk => settings.office.name_kk.clone(),
    };
    let ctx = Ctx {
        lang,
        office,
        now: clock.office_time(),
        zone: clock.zone(),
        printing: signer_name(store, store.clerk().as_str()),
        head: request.head.clone(),
        mark,
        kind: request.kind,
    };
    let sheet = match request.kind {
        PaperKind::Formulary => person::formulary(store, &ctx, &subject)?,
        PaperKind::Coupon => certificates::coupon(store, &ctx, &subject)?,
        PaperKind::NationalityCertificate => certificates::nationality(store, &ctx, &subject)?,
        PaperKind::Insert => certificates::insert(store, &ctx, &subject)?,
        PaperKind::Conclusion => verification::conclusion(store, &ctx, &subject)?,
        PaperKind::Journal => verification::journal(store, &ctx, &subject)?,
        PaperKind::Act => verification::act(store, &ctx, &subject)?,
        PaperKind::Day => registers::day(store, &ctx, &subject)?,
        PaperKind::DsnResult => registers::dsn_result(store, &ctx, &subject)?,
    };
    let pages = sheet.page_count();
    let bytes = sheet.finish(&format!("Kense {} {subject}", request.kind.name()))?;
    let sha256 = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(Rendered {
        kind: request.kind,
        subject,
        bytes,
        sha256,
        pages,
        first_copy,
        reprint: printed > 0,
    })
}

/// Records a delivered paper: its audit entry `paper_printed` (kind, subject, SHA-256,
/// copy number, copies, reprint, delivery; nothing personal) and its copies.
pub fn record(
    store: &mut Store,
    rendered: &Rendered,
    copies: u32,
    delivery: &Delivery,
) -> Result<crate::store::PrintRecord, StoreError> {
    store.record_print(
        rendered.kind.name(),
        &rendered.subject,
        &rendered.sha256,
        copies,
        delivery.name(),
    )
}
