//! The rules of both documents, pure: no I/O, no UI. The TUI and the store only call them.
//! Rule ids (M-…, D-…) are those of `../shared/DOMAIN.md`.

pub mod allowed_signers;
pub mod birth_record;
pub mod calendar;
pub mod day;
pub mod day_signature;
pub mod dsn;
pub mod formulary;
pub mod iin;
pub mod lifecycle;
pub mod mrz;
pub mod queue;
pub mod text;

use serde::{Deserialize, Serialize};
use std::fmt;

/// A text in the three languages of the workstation: what a rule says to the clerk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub ru: String,
    pub kk: String,
    pub en: String,
}

impl Text {
    pub fn new(ru: impl Into<String>, kk: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            ru: ru.into(),
            kk: kk.into(),
            en: en.into(),
        }
    }
}

impl Text {
    /// The text in one language.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.ru, &self.kk, &self.en)
    }
}

/// A language of the workstation. Russian is the default: the documents' working language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Ru,
    Kk,
    En,
}

impl Lang {
    /// The one of three that is in this language: the crate's one language picker, which
    /// every text in three languages goes through.
    pub fn pick<T>(self, ru: T, kk: T, en: T) -> T {
        match self {
            Lang::Ru => ru,
            Lang::Kk => kk,
            Lang::En => en,
        }
    }
}

/// English, for logs and tests; the UI picks its language from the fields.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// A person's sex as the IIN and the formulary record it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
}

/// The identity documents a formulary is filled for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// Passport of a citizen of the Republic of Kazakhstan.
    Passport,
    /// Identity card of a citizen of the Republic of Kazakhstan.
    IdCard,
    /// Residence permit of a foreigner.
    ResidencePermit,
    /// Certificate of a stateless person.
    StatelessCertificate,
}

/// A date as the clerk reads and types it, `DD.MM.YYYY` (ДД.ММ.ГГГГ), for every message a
/// rule or the register shows (issue 11); JSON, the audit and the command line's own
/// arguments keep `YYYY-MM-DD`.
pub fn shown_date(date: chrono::NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}
