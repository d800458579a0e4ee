//! Extraction of the code directories from the text of the two source documents.
//!
//! The files in `data/` are this module's output, checked in and reviewed by hand; the
//! binary embeds those files, not this code's output. `tests/seed_data.rs` runs the
//! extraction over the seed text in `data/source/` and fails when a data file has drifted
//! from it. Each cleaning rule is a function of [`clean`] with its own tests.

pub mod clean;
mod districts;
mod dsn;
mod filling;

pub use districts::districts;
pub use dsn::{countries as dsn_countries, products as dsn_products, units as dsn_units};
pub use filling::filling_codes;

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a directory could not be extracted: which table, and what was wrong in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractError {
    /// The rule id of the table (`M-App2`, `M-31`, `D-App3`).
    pub table: &'static str,
    pub message: String,
}

impl ExtractError {
    fn new(table: &'static str, message: impl Into<String>) -> Self {
        Self {
            table,
            message: message.into(),
        }
    }
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.table, self.message)
    }
}

impl std::error::Error for ExtractError {}

/// A row of `data/districts.csv` (M-App2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DistrictRow {
    pub region_code: String,
    pub district_code: String,
    pub name_kk: String,
    pub name_ru: String,
    pub region_name_kk: String,
    pub region_name_ru: String,
}

/// The document's part of a row of `data/filling_codes.csv` (M-31); the file adds
/// translations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FillingRow {
    pub code: String,
    pub name_ru: String,
}

/// The document's part of a row of `data/dsn_countries.csv` (D-App3, facet 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DsnCountryRow {
    pub code: String,
    pub name_kk: String,
}

/// A row of `data/dsn_units.csv` (D-App3, facet 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DsnUnitRow {
    pub code: String,
    pub name_kk: String,
    /// Marked `*` in the document: renamed or merged since.
    pub marked: bool,
    pub region_name_kk: String,
    pub region_marked: bool,
}

/// The document's part of a row of `data/dsn_products.csv` (D-App3, facet 4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DsnProductRow {
    pub code: String,
    pub name_kk: String,
}
