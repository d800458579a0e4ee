//! The electronic formulary (order No. 451, `DOMAIN.md` document 000): its model, its JSON
//! import and export format, and its validation by filling code.
//!
//! # The model
//!
//! [`Formulary`] holds every field the Rules name, and holds an incomplete one too: nearly
//! every field is an `Option`, and a blank text counts as missing, so that a clerk's draft or
//! an import with mistakes can be kept and [`validate`] names what is missing, by field.
//!
//! # The JSON format
//!
//! Kense imports and exports formularies as the serde JSON of [`Formulary`]
//! ([`Formulary::from_json`], [`Formulary::to_json`]; see `Formulary::example("00")`):
//!
//! - `document`: `passport` | `id_card` | `residence_permit` | `stateless_certificate`;
//! - `filling_code`: "00".."18" (M-31), as a string;
//! - `iin`: the IIN as typed, a string;
//! - `surname`, `given_name`, `patronymic`, `birth_place`, `nationality`: strings;
//! - `birth_date`, `filled_on`, and every other date: `YYYY-MM-DD`;
//! - `sex`: `male` | `female`;
//! - `citizenship`: `"KZ"` for a citizen of Kazakhstan, another ISO 3166-1 alpha-2 code
//!   (`"RU"`) for a foreigner, `"stateless"` for a stateless person (see [`Citizenship`]);
//! - `region_code`, `district_code`: the issuing region and district (M-App2), strings;
//! - `residence`: `{address, arrival_date}` (field 13, M-17); `previous_residence`:
//!   `{address}` (field 14), or null;
//! - `signature`: `{"status": "present"}` or `{"status": "absent", "reason": ...}` (M-8);
//! - `reverse_side`: the notes of the reverse side, each `{"kind": ..., ...}` (see
//!   [`Note`]); `additional_information`: the electronic field's whole text — the reason
//!   the signature is absent first (M-8), then the clerk's remarks; import takes the
//!   reason back out, so export → import → export is stable; `clerk`: who filled it;
//! - `overrides`: `[{rule, field, reason}]`, the warnings the clerk let pass.
//!
//! An empty optional field is exported as `null`, so every field shows in an export;
//! `reverse_side` and `overrides` may be left out on import. An unknown field name is an
//! import error naming it; so is a value of the wrong shape (a date that is not a real
//! `YYYY-MM-DD` date, a `sex` that is neither `male` nor `female`, a citizenship that is
//! neither two letters nor `stateless`), with the path of the field. Everything else —
//! missing fields, a wrong IIN, an unknown code — imports and is reported by [`validate`].
//!
//! # Validation
//!
//! [`validate`]`(formulary, today)` returns a [`Report`]: errors, warnings not yet
//! overridden, warnings overridden, and the papers to print. Every [`Violation`] names the
//! field by its JSON path, the rule id (see [`rule`]) and says what is wrong in Russian,
//! Kazakh and English. The per-code requirements of M-31 are one table, [`CODE_RULES`].
//!
//! Decisions where the Rules are silent:
//!
//! - Every formulary needs an IIN (a child's is generated first, M-12.a), a signature or the
//!   reason it is absent (M-8), fields 13 with its arrival date (M-17), the issuing region
//!   and district, the filled-on date and the clerk. The patronymic and field 14 are
//!   optional; field 14, when given, needs its address.
//! - The IIN's disagreement with the stated birth date or sex is a warning (`IIN-DATA`): IINs
//!   of some years were issued decoupled from personal data. A foreign national's IIN
//!   (7th digit 0) encodes no century and no sex, but still begins with the birth date's
//!   `YYMMDD`: those six digits are compared with the stated date's.
//! - An override lets pass the warnings with its exact `rule` and `field`, and only
//!   warnings: errors cannot be overridden. An override without a reason is an error
//!   (`K-OVERRIDE`); one that matches no warning does nothing, and the register keeps only
//!   the overrides in use ([`overrides_in_use`]).
//! - Every text is one line of printable characters (`K-TEXT`: no C0, DEL, C1 or
//!   bidirectional override, as they would drive the terminal it is printed on) within its
//!   field's limit (`K-LENGTH`, see `crate::domain::text::limit`); at most [`MAX_NOTES`]
//!   notes and [`MAX_OVERRIDES`] overrides (`K-ROWS`).
//! - Ages count on `filled_on` in full years; a 29 February birthday falls on 28 February in
//!   other years. No date may be after `today`; the filled-on and arrival dates may not be
//!   before the birth date.
//! - The document must fit the citizenship (`K-DOCUMENT`): passport and ID card for
//!   citizens, residence permit for foreigners, certificate for stateless persons.
//! - Names (and the nationality) are letters of the Kazakh, Russian and Latin alphabets,
//!   spaces, hyphens and apostrophes between letters, in one script (see `names.rs`).
//! - The insert to the birth certificate (M-12.b) is printed when an IIN is generated,
//!   which is not part of the formulary: it is not among a report's prints.

mod by_code;
mod example;
mod free_text;
mod grounds;
mod grounds_check;
mod known;
mod model;
mod names;
mod notes;
mod rules;
mod texts;
mod validate;
mod violation;

pub use free_text::{MAX_NOTES, MAX_OVERRIDES};
pub use grounds::{BirthCertificateGround, DataChange, FilledAt, StayReason};
pub use known::{Known, KnownNames, OpenFormulary};
pub use model::{
    Citizenship, CitizenshipError, Formulary, Holder, Override, PreviousResidence, Residence,
    Signature,
};
pub use notes::{BasisKind, Note, NoteKind};
pub use rules::{Age, CODE_RULES, CodeRule, code_rule};
pub use validate::{overrides_in_use, validate, validate_known};
pub use violation::{Overridden, Printout, Report, Severity, Violation, rule};

use std::fmt;

/// A formulary's JSON that could not be read: the path of the field and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The JSON path of the field (`residence.arrival_date`), or `.` for the whole text.
    pub path: String,
    /// serde's message, with the line and column.
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for ImportError {}

impl Formulary {
    /// Reads a formulary from its JSON. Only a text that is not a formulary's JSON fails;
    /// what is missing or wrong in a formulary is for [`validate`].
    pub fn from_json(text: &str) -> Result<Formulary, ImportError> {
        let mut de = serde_json::Deserializer::from_str(text);
        let mut formulary: Formulary =
            serde_path_to_error::deserialize(&mut de).map_err(|e| ImportError {
                path: e.path().to_string(),
                message: e.inner().to_string(),
            })?;
        de.end().map_err(|e| ImportError {
            path: ".".to_string(),
            message: e.to_string(),
        })?;
        // M-8: the export put the absent signature's reason into "additional information".
        formulary.take_reason_out_of_additional_information();
        Ok(formulary)
    }

    /// The formulary as pretty-printed JSON, the export format. `additional_information`
    /// is the electronic field's whole text: the reason the signature is absent, then the
    /// clerk's remarks (M-8).
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        let exported = Formulary {
            additional_information: self.additional_information_text(),
            ..self.clone()
        };
        serde_json::to_string_pretty(&exported)
    }
}
