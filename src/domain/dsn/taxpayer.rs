//! The applicant's number: a BIN, or the IIN of an individual entrepreneur (D-4).

use crate::domain::Text;
use crate::domain::iin::{Bin, Iin, NumberError};
use serde::{Serialize, Serializer};
use std::fmt;

/// Which kind of number identifies a taxpayer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    Iin,
    Bin,
}

impl IdKind {
    /// The register's spelling.
    pub fn key(self) -> &'static str {
        match self {
            IdKind::Iin => "iin",
            IdKind::Bin => "bin",
        }
    }

    /// The number's name for the clerk.
    pub fn name(self) -> Text {
        match self {
            IdKind::Iin => Text::new("ИИН", "ЖСН", "IIN"),
            IdKind::Bin => Text::new("БИН", "БСН", "BIN"),
        }
    }
}

/// Why a text is not a valid BIN or IIN: the number it was read as, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxpayerIdError {
    /// What the fifth digit made of it (an IIN when it is not 4–6, or the text is short).
    pub kind: IdKind,
    pub error: NumberError,
}

impl TaxpayerIdError {
    /// The explanation, naming the number: "BIN: check digit …".
    pub fn text(&self) -> Text {
        // A wrong shape (length, a non-digit) says nothing of which number was meant.
        let name = match self.error {
            NumberError::Length { .. } | NumberError::NonDigit { .. } => {
                Text::new("БИН или ИИН", "БСН немесе ЖСН", "BIN or IIN")
            }
            _ => self.kind.name(),
        };
        let what = self.error.text();
        Text::new(
            format!("{}: {}", name.ru, what.ru),
            format!("{}: {}", name.kk, what.kk),
            format!("{}: {}", name.en, what.en),
        )
    }
}

impl fmt::Display for TaxpayerIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl std::error::Error for TaxpayerIdError {}

/// A valid BIN or IIN.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TaxpayerId {
    Iin(Iin),
    Bin(Bin),
}

impl TaxpayerId {
    /// Reads a BIN or an IIN, checked as in the rules core. The fifth digit tells them
    /// apart: a BIN's entity type is 4–6, where an IIN has the tens of the birth day (0–3),
    /// so the error named is the one of the number the clerk meant.
    pub fn parse(text: &str) -> Result<Self, TaxpayerIdError> {
        let fifth = text.trim().chars().nth(4);
        if matches!(fifth, Some('4'..='6')) {
            Bin::parse(text)
                .map(TaxpayerId::Bin)
                .map_err(|error| TaxpayerIdError {
                    kind: IdKind::Bin,
                    error,
                })
        } else {
            Iin::parse(text)
                .map(TaxpayerId::Iin)
                .map_err(|error| TaxpayerIdError {
                    kind: IdKind::Iin,
                    error,
                })
        }
    }

    pub fn kind(&self) -> IdKind {
        match self {
            TaxpayerId::Iin(_) => IdKind::Iin,
            TaxpayerId::Bin(_) => IdKind::Bin,
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            TaxpayerId::Iin(iin) => iin.as_str(),
            TaxpayerId::Bin(bin) => bin.as_str(),
        }
    }
}

impl fmt::Display for TaxpayerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for TaxpayerId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A field of a taxpayer typed into the register D-7 (1) is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaxpayerField {
    Bin,
    Name,
    Activity,
    Place,
}

/// What is wrong with a taxpayer as typed: the field, the rule and the explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxpayerProblem {
    pub field: TaxpayerField,
    pub rule: &'static str,
    pub text: Text,
}

/// A taxpayer's entry checked, field by field in the order typed: a valid BIN or IIN
/// (D-4), a name that is not blank (D-4), the activity registered under Tax Code art. 88
/// chosen (D-7 (1)), and a place (D-7 (1)); the name and place printable and within their
/// limits. The trimmed number, name and place.
pub fn check_taxpayer(
    bin: &str,
    name: &str,
    activity_chosen: bool,
    place: &str,
) -> Result<(TaxpayerId, String, String), TaxpayerProblem> {
    use crate::domain::text::{check, limit};
    let problem = |field, rule, text| TaxpayerProblem { field, rule, text };
    let tin = TaxpayerId::parse(bin).map_err(|e| problem(TaxpayerField::Bin, "D-4", e.text()))?;
    let (name, place) = (name.trim(), place.trim());
    let empty = Text::new("не заполнено", "толтырылмаған", "not filled in");
    if name.is_empty() {
        return Err(problem(TaxpayerField::Name, "D-4", empty));
    }
    check(name, limit::TAXPAYER).map_err(|e| problem(TaxpayerField::Name, e.rule(), e.text()))?;
    if !activity_chosen {
        let text = Text::new(
            "выберите вид деятельности по ст. 88 Налогового кодекса",
            "Салық кодексінің 88-бабы бойынша қызмет түрін таңдаңыз",
            "choose the activity registered under Tax Code art. 88",
        );
        return Err(problem(TaxpayerField::Activity, "D-7 (1)", text));
    }
    if place.is_empty() {
        return Err(problem(TaxpayerField::Place, "D-7 (1)", empty));
    }
    check(place, limit::PLACE).map_err(|e| problem(TaxpayerField::Place, e.rule(), e.text()))?;
    Ok((tin, name.to_string(), place.to_string()))
}
