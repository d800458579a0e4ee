//! Why a text is not a DSN code: the facet at fault and what is wrong with it (D-App3).

use super::code::{Facet, MAX_BRAND_DIGITS, MAX_LEN, MIN_BRAND_DIGITS, MIN_LEN};
use crate::domain::Text;
use serde::Serialize;
use std::fmt;

/// The first thing wrong with a DSN code, in the order [`super::decode`] reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum DecodeError {
    /// Nothing was given.
    Empty,
    /// Written with hyphens, but not in five groups.
    Groups { found: usize },
    /// Written with hyphens, and one group has the wrong number of characters.
    GroupLength { facet: Facet, found: usize },
    /// A character that is not a digit, in the facet it falls in (1-based position).
    NonDigit {
        facet: Facet,
        position: usize,
        found: char,
    },
    /// Fewer than 12 digits, or more than Kense reads.
    Length { found: usize },
    /// Facet 1 is not 1–6.
    Country { found: u8 },
    /// Facet 2 is not a unit of the directory, 001–258.
    Unit { found: u16 },
    /// Facet 3 is 0000: subjects are numbered from 0001.
    SubjectZero,
    /// Facet 4 is not 1–4.
    Product { found: u8 },
    /// Facet 5 is 000: brands are numbered from 001.
    BrandZero,
    /// Facet 5 has more than three digits and begins with 0.
    BrandLeadingZero { found: String },
}

impl DecodeError {
    /// The facet at fault; `None` when the code as a whole is wrong (empty, grouping,
    /// length).
    pub fn facet(&self) -> Option<Facet> {
        match self {
            DecodeError::Empty | DecodeError::Groups { .. } | DecodeError::Length { .. } => None,
            DecodeError::GroupLength { facet, .. } | DecodeError::NonDigit { facet, .. } => {
                Some(*facet)
            }
            DecodeError::Country { .. } => Some(Facet::Country),
            DecodeError::Unit { .. } => Some(Facet::Unit),
            DecodeError::SubjectZero => Some(Facet::Subject),
            DecodeError::Product { .. } => Some(Facet::Product),
            DecodeError::BrandZero | DecodeError::BrandLeadingZero { .. } => Some(Facet::Brand),
        }
    }

    /// The explanation for the clerk, in the three languages, naming the facet.
    pub fn text(&self) -> Text {
        let what = self.what();
        match self.facet() {
            None => what,
            Some(facet) => {
                let (n, name) = (facet.number(), facet.name());
                Text::new(
                    format!("фасет {n} ({}): {}", name.ru, what.ru),
                    format!("{n}-фасет ({}): {}", name.kk, what.kk),
                    format!("facet {n} ({}): {}", name.en, what.en),
                )
            }
        }
    }

    fn what(&self) -> Text {
        match self {
            DecodeError::Empty => {
                Text::new("код не введён", "код енгізілмеген", "no code was given")
            }
            DecodeError::Groups { found } => Text::new(
                format!("через дефис пишутся 5 фасетов, введено групп: {found}"),
                format!("дефис арқылы 5 фасет жазылады, ал топтар саны {found}"),
                format!("written with hyphens a code has 5 facets, not {found} groups"),
            ),
            DecodeError::GroupLength { facet, found } => {
                let (ru, want) = match facet {
                    Facet::Country | Facet::Product => ("должна быть 1 цифра".to_string(), "1"),
                    Facet::Unit => ("должно быть 3 цифры".to_string(), "3"),
                    Facet::Subject => ("должно быть 4 цифры".to_string(), "4"),
                    Facet::Brand => (
                        format!("должно быть от {MIN_BRAND_DIGITS} до {MAX_BRAND_DIGITS} цифр"),
                        "",
                    ),
                };
                let want = if want.is_empty() {
                    format!("{MIN_BRAND_DIGITS}–{MAX_BRAND_DIGITS}")
                } else {
                    want.to_string()
                };
                let s = if want == "1" { "" } else { "s" };
                Text::new(
                    format!("{ru}, введено {found}"),
                    format!("{want} цифр болуы керек, {found} енгізілді"),
                    format!("must be {want} digit{s}, {found} given"),
                )
            }
            DecodeError::NonDigit {
                position, found, ..
            } => Text::new(
                format!("в позиции {position} не цифра: «{found}»"),
                format!("{position}-орында цифр емес: «{found}»"),
                format!("position {position} is not a digit: '{found}'"),
            ),
            DecodeError::Length { found } => Text::new(
                format!("в ДСН-коде от {MIN_LEN} до {MAX_LEN} цифр, введено {found}"),
                format!("ДСН-кодында {MIN_LEN}–{MAX_LEN} цифр болады, {found} енгізілді"),
                format!("a DSN code has {MIN_LEN} to {MAX_LEN} digits, {found} given"),
            ),
            DecodeError::Country { found } => Text::new(
                format!("{found} — нет такой страны; коды 1–6"),
                format!("{found} — мұндай ел жоқ; кодтар 1–6"),
                format!("{found} is no country; the codes are 1–6"),
            ),
            DecodeError::Unit { found } => Text::new(
                format!("{found:03} — нет в справочнике; коды 001–258"),
                format!("{found:03} — анықтамалықта жоқ; кодтар 001–258"),
                format!("{found:03} is not in the directory; the codes are 001–258"),
            ),
            DecodeError::SubjectZero => Text::new(
                "0000 не выдаётся; номера с 0001 по 9999",
                "0000 берілмейді; нөмірлер 0001-ден 9999-ға дейін",
                "0000 is never assigned; the numbers run 0001–9999",
            ),
            DecodeError::Product { found } => Text::new(
                format!("{found} — нет такого вида; коды 1–4"),
                format!("{found} — мұндай түр жоқ; кодтар 1–4"),
                format!("{found} is no product type; the codes are 1–4"),
            ),
            DecodeError::BrandZero => Text::new(
                "000 не выдаётся; номера с 001",
                "000 берілмейді; нөмірлер 001-ден басталады",
                "000 is never assigned; the numbers start at 001",
            ),
            DecodeError::BrandLeadingZero { found } => Text::new(
                format!("«{found}»: номер марки длиннее трёх цифр не начинается с 0"),
                format!("«{found}»: үш цифрдан ұзын марка нөмірі 0-ден басталмайды"),
                format!("'{found}': a brand number longer than three digits never starts with 0"),
            ),
        }
    }
}

/// English, for logs and tests.
impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl std::error::Error for DecodeError {}
