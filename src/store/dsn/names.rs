//! What the register knows of a DSN code (issue 11): the taxpayer its market-subject facet
//! was given to, and the product row it was assigned to (D-App3). For `kense dsn decode`
//! and Code lookup, beside the facets' directory names.

use super::super::{Store, StoreError};
use crate::domain::dsn::DsnCode;
use rusqlite::OptionalExtension;
use serde::Serialize;

/// The register's names for a code; each part `None` when the register does not have it
/// (a code of another office, or typed wrong in a facet the directories accept).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DsnCodeNames {
    /// The market subject (facet 3): the taxpayer's BIN or IIN and name.
    pub subject: Option<SubjectName>,
    /// The product row the whole code was assigned to.
    pub product: Option<ProductName>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubjectName {
    pub tin: String,
    pub taxpayer: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProductName {
    pub name: String,
    pub spec: String,
}

impl Store {
    /// The register's names for `code` (see [`DsnCodeNames`]). Two lookups on unique
    /// indexes: the subject's code, the product's code.
    pub fn dsn_code_names(&self, code: &DsnCode) -> Result<DsnCodeNames, StoreError> {
        let sqlite = self.sqlite_fn();
        // The taxpayer's name as the register has it; an applicant registered before its
        // taxpayer row (D-7 (1) refused it, then it applied again) is named by its
        // application.
        let subject = self
            .conn
            .query_row(
                "SELECT s.tin, COALESCE(
                     (SELECT name FROM dsn_taxpayers WHERE tin = s.tin),
                     (SELECT taxpayer FROM dsn_applications WHERE tin = s.tin
                      ORDER BY id DESC LIMIT 1), '')
                 FROM dsn_subjects s WHERE s.code = ?1",
                [code.subject],
                |r| {
                    Ok(SubjectName {
                        tin: r.get(0)?,
                        taxpayer: r.get(1)?,
                    })
                },
            )
            .optional()
            .map_err(&sqlite)?;
        let product = self
            .conn
            .query_row(
                "SELECT name, spec FROM dsn_products WHERE code = ?1",
                [code.to_string()],
                |r| {
                    Ok(ProductName {
                        name: r.get(0)?,
                        spec: r.get(1)?,
                    })
                },
            )
            .optional()
            .map_err(&sqlite)?;
        Ok(DsnCodeNames { subject, product })
    }
}

/// What the taxpayer register D-7 (1) is checked against says of a BIN or IIN: the name
/// the DSN form fills in, and the activity registered under Tax Code art. 88.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KnownTaxpayer {
    pub name: String,
    /// `producer`, `importer` or `both`; `None` when not recorded.
    pub activity: Option<String>,
}

impl Store {
    /// The taxpayer of number `tin`, if the register has it (one lookup on its key).
    pub fn dsn_taxpayer(&self, tin: &str) -> Result<Option<KnownTaxpayer>, StoreError> {
        let sqlite = self.sqlite_fn();
        self.conn
            .query_row(
                "SELECT name, activity FROM dsn_taxpayers WHERE tin = ?1",
                [tin.trim()],
                |r| {
                    Ok(KnownTaxpayer {
                        name: r.get(0)?,
                        activity: r.get(1)?,
                    })
                },
            )
            .optional()
            .map_err(&sqlite)
    }
}
