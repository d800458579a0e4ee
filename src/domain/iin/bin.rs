//! The BIN: `YYMM` of registration, entity type, unit, a 5-digit serial, and the check
//! digit shared with the IIN.

use super::{NumberError, as_string, digits, pair, verify_check};
use serde::Serialize;

/// What kind of entity a BIN belongs to (5th digit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    ResidentLegalEntity,
    NonResidentLegalEntity,
    JointIndividualEntrepreneurship,
}

/// Which unit of the entity a BIN belongs to (6th digit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityUnit {
    HeadUnit,
    Branch,
    RepresentativeOffice,
    PeasantFarm,
}

/// A valid BIN.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bin(String);

twelve_digits!(Bin, "BIN");

impl Bin {
    /// Checks every part of `text` as a BIN, the first wrong part first.
    pub fn parse(text: &str) -> Result<Self, NumberError> {
        let d = digits(text)?;
        let month = pair(&d, 2);
        if !(1..=12).contains(&month) {
            return Err(NumberError::Month { found: month });
        }
        if !(4..=6).contains(&d[4]) {
            return Err(NumberError::EntityType { found: d[4] });
        }
        if d[5] > 3 {
            return Err(NumberError::Unit { found: d[5] });
        }
        verify_check(&d)?;
        Ok(Self(as_string(&d)))
    }

    /// Year (two digits, as written) and month of registration.
    pub fn registered(&self) -> (u8, u8) {
        (
            self.digit(0) * 10 + self.digit(1),
            self.digit(2) * 10 + self.digit(3),
        )
    }

    pub fn entity_type(&self) -> EntityType {
        match self.digit(4) {
            4 => EntityType::ResidentLegalEntity,
            5 => EntityType::NonResidentLegalEntity,
            _ => EntityType::JointIndividualEntrepreneurship,
        }
    }

    pub fn unit(&self) -> EntityUnit {
        match self.digit(5) {
            0 => EntityUnit::HeadUnit,
            1 => EntityUnit::Branch,
            2 => EntityUnit::RepresentativeOffice,
            _ => EntityUnit::PeasantFarm,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::iin::check_digit;

    #[test]
    fn bin_parts_are_decoded_and_checked() {
        // Registered 2004-05, resident legal entity, head unit, serial 00123.
        let mut first = [0u8; 11];
        for (slot, b) in first.iter_mut().zip(b"04054000012") {
            *slot = b - b'0';
        }
        let check = check_digit(&first).unwrap_or_else(|| panic!("issued"));
        let bin = Bin::parse(&format!("04054000012{check}")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(bin.registered(), (4, 5));
        assert_eq!(bin.entity_type(), EntityType::ResidentLegalEntity);
        assert_eq!(bin.unit(), EntityUnit::HeadUnit);
        assert_eq!(
            Bin::parse("041340000120"),
            Err(NumberError::Month { found: 13 })
        );
        assert_eq!(
            Bin::parse("040570000120"),
            Err(NumberError::EntityType { found: 7 })
        );
        assert_eq!(
            Bin::parse("040544000120"),
            Err(NumberError::Unit { found: 4 })
        );
    }
}
