//! What validation finds: violations (errors and warnings), and what must be printed.

use crate::domain::Text;
use serde::Serialize;

/// The rule ids a violation names: `M-…` are points of the Rules (`DOMAIN.md`); `K-…` are
/// Kense's own checks of the data's shape, which the Rules take for granted; `IIN…` are the
/// IIN's own structure and its agreement with the person.
pub mod rule {
    /// M-31: the filling code and what each code allows (holder, document, age).
    pub const FILLING_CODE: &str = "M-31";
    /// M-4: where the formulary is filled, and the reasons for the place of actual stay.
    pub const PLACE: &str = "M-4";
    /// M-4.3: documenting on the basis of a birth certificate.
    pub const BIRTH_CERTIFICATE: &str = "M-4.3";
    /// M-8: an absent signature needs its reason.
    pub const SIGNATURE: &str = "M-8";
    /// M-12.c: a minor's formulary carries one parent's identity document.
    pub const PARENT_ID: &str = "M-12.c";
    /// M-12.d: a change of personal data rests on a basis document.
    pub const BASIS: &str = "M-12.d";
    /// M-12.e: code "08" gives the citizen a certificate of the nationality change.
    pub const NATIONALITY_CERTIFICATE: &str = "M-12.e";
    /// M-16: the conclusion on establishing identity.
    pub const CONCLUSION: &str = "M-16";
    /// M-17: fields 13 and 14, the arrival date, the address abroad.
    pub const RESIDENCE: &str = "M-17";
    /// M-33: the identification protocol (as for code "06").
    pub const PROTOCOL: &str = "M-33";
    /// M-43: the penal institution of a convict.
    pub const PENAL: &str = "M-43";
    /// M-App2: the region and district codes.
    pub const DIRECTORY: &str = "M-App2";
    /// The IIN is not a valid IIN.
    pub const IIN: &str = "IIN";
    /// The IIN's birth date or sex differ from the person's: a warning, as IINs of some
    /// years were issued decoupled from personal data.
    pub const IIN_DATA: &str = "IIN-DATA";
    /// A field the formulary cannot do without is empty.
    pub const REQUIRED: &str = "K-REQUIRED";
    /// A name holds something other than letters, spaces, hyphens and apostrophes.
    pub const NAME: &str = "K-NAME";
    /// A date in the future, or out of order with the birth date.
    pub const DATE: &str = "K-DATE";
    /// The document kind does not fit the citizenship.
    pub const DOCUMENT: &str = "K-DOCUMENT";
    /// A foreign citizenship code that ISO 3166-1 does not assign.
    pub const CITIZENSHIP: &str = "K-CITIZENSHIP";
    /// Issue 11: the person already has a formulary in its course (a warning naming it).
    pub const OPEN: &str = "K-OPEN";
    /// Issue 11: the IIN under other names than the register's (a warning; M-12.d).
    pub const PERSON: &str = "K-PERSON";
    /// An override of a warning without a reason.
    pub const OVERRIDE: &str = "K-OVERRIDE";
}

/// Whether a violation stops the formulary, or can be let pass with a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Must be corrected.
    Error,
    /// May be overridden by the clerk with a recorded reason.
    Warning,
}

/// One thing wrong with a formulary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// The JSON path of the field: `residence.arrival_date`, `reverse_side[1].number`.
    pub field: String,
    /// The rule id (see [`rule`]).
    pub rule: &'static str,
    pub severity: Severity,
    pub message: Text,
}

/// A warning the clerk overrode, with the recorded reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overridden {
    pub violation: Violation,
    pub reason: String,
}

/// A paper to print with the formulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Printout {
    /// M-12.e: the certificate of the change of the nationality record (code "08"), which
    /// the citizen takes to the civil registry.
    NationalityChangeCertificate,
}

impl Printout {
    /// The rule that asks for this paper.
    pub fn rule(self) -> &'static str {
        match self {
            Printout::NationalityChangeCertificate => rule::NATIONALITY_CERTIFICATE,
        }
    }

    /// The paper's name for the clerk.
    pub fn name(self) -> Text {
        match self {
            Printout::NationalityChangeCertificate => Text::new(
                "справка об изменении записи о национальности",
                "ұлты туралы жазбаның өзгергені туралы анықтама",
                "certificate of the change of the nationality record",
            ),
        }
    }
}

/// The outcome of validating one formulary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Violations that must be corrected.
    pub errors: Vec<Violation>,
    /// Warnings not yet overridden: each must be corrected or overridden with a reason.
    pub warnings: Vec<Violation>,
    /// Warnings the formulary's overrides let pass.
    pub overridden: Vec<Overridden>,
    /// What to print with the formulary, by its filling code.
    pub prints: Vec<Printout>,
}

impl Report {
    /// Whether the formulary may go on: no errors and every warning overridden.
    pub fn is_accepted(&self) -> bool {
        self.errors.is_empty() && self.warnings.is_empty()
    }

    /// Every violation still open, errors first.
    pub fn open(&self) -> impl Iterator<Item = &Violation> {
        self.errors.iter().chain(&self.warnings)
    }
}
