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
