//! The electronic formulary as Kense holds it and exchanges it as JSON.
//!
//! Almost every field is an `Option`: a clerk's draft or an import with mistakes is still a
//! formulary, and it is `validate` that names what is missing. A blank text counts as missing.

use super::grounds::{BirthCertificateGround, DataChange, FilledAt};
use super::notes::Note;
use crate::domain::{DocumentKind, Sex};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One electronic formulary: the fields the Rules name, the reverse-side notes, who filled
/// it and when, and the clerk's overrides of warnings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Formulary {
    /// The identity document the formulary is filled for.
    pub document: Option<DocumentKind>,
    /// The filling code (M-31), "00".."18", kept as typed so a wrong one can be named.
    pub filling_code: Option<String>,
    /// The IIN as typed; checked by `validate`, not by import.
    pub iin: Option<String>,
    pub surname: Option<String>,
    pub given_name: Option<String>,
    /// Optional: not every person has one (M-31 code "04" says "при его наличии").
    pub patronymic: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub birth_place: Option<String>,
    pub sex: Option<Sex>,
    /// The nationality (ethnicity) record, as words: "казах", "русская".
    pub nationality: Option<String>,
    pub citizenship: Option<Citizenship>,
    /// The issuing region (M-App2), four digits.
    pub region_code: Option<String>,
    /// The issuing district within that region (M-App2), three digits.
    pub district_code: Option<String>,
    /// Field 13: the registration address and the date of arrival (M-17).
    pub residence: Option<Residence>,
    /// Field 14: the previous registration address (M-17); none for a first registration.
    pub previous_residence: Option<PreviousResidence>,
    /// The holder's signature, or why it is absent (M-8).
    pub signature: Option<Signature>,
    /// The notes written on the free space of the reverse side, under the seal.
    #[serde(default)]
    pub reverse_side: Vec<Note>,
    /// The clerk's own remarks for the field "additional information". The export writes
    /// the field whole, with the reason a signature is absent first (M-8, see
    /// [`Formulary::additional_information_text`]); the import takes that reason back out.
    pub additional_information: Option<String>,
    /// The day the formulary was filled: ages are counted on it.
    pub filled_on: Option<NaiveDate>,
    /// The clerk who filled it (name or personal number).
    pub clerk: Option<String>,
    /// Warnings the clerk let pass, each with the reason (recorded and exported).
    #[serde(default)]
    pub overrides: Vec<Override>,
    /// M-4: filled at the place of permanent registration, or of actual stay and why.
    #[serde(default)]
    pub filled_at: Option<FilledAt>,
    /// M-4.3, M-12.c: why the person is documented on the basis of the birth certificate.
    #[serde(default)]
    pub birth_certificate_ground: Option<BirthCertificateGround>,
    /// M-12.c: the parent or legal representative of a minor was present.
    #[serde(default)]
    pub representative_present: Option<bool>,
    /// M-12.d: the basis of a change of personal data or of the place of birth.
    #[serde(default)]
    pub data_change: Option<DataChange>,
    /// M-12.d: the place of birth changes (it needs a basis like codes "04" and "05").
    #[serde(default)]
    pub birth_place_changed: Option<bool>,
    /// M-17: the person lives abroad: field 13 is the registration address in Kazakhstan
    /// and the address abroad goes on the reverse side.
    #[serde(default)]
    pub lives_abroad: Option<bool>,
    /// M-43: the person is a convict: the penal institution goes on the reverse side.
    #[serde(default)]
    pub convict: Option<bool>,
    /// M-8: the kind of the supporting document copied when the person cannot sign.
    #[serde(default)]
    pub signature_document: Option<String>,
}

/// Between the reason a signature is absent and the clerk's remarks in "additional
/// information" (M-8).
const REASON_SEPARATOR: &str = ". ";

impl Formulary {
    /// The reason the signature is absent (M-8), trimmed, if the signature is absent and
    /// the reason given.
    fn absent_signature_reason(&self) -> Option<&str> {
        match &self.signature {
            Some(Signature::Absent { reason }) => filled(reason.as_deref()),
            _ => None,
        }
    }

    /// The text of the electronic field "additional information", as exported: the reason
    /// the signature is absent first (M-8 puts it there), then the clerk's own remarks. A
    /// reason the remarks already contain is not written twice.
    pub fn additional_information_text(&self) -> Option<String> {
        let reason = self.absent_signature_reason();
        let remarks = filled(self.additional_information.as_deref());
        match (reason, remarks) {
            (Some(r), Some(m)) if m.contains(r) => Some(m.to_string()),
            (Some(r), Some(m)) => Some(format!("{r}{REASON_SEPARATOR}{m}")),
            (one, other) => one.or(other).map(str::to_string),
        }
    }

    /// The inverse of [`Formulary::additional_information_text`] on import: takes the M-8
    /// reason back out of "additional information", leaving the clerk's remarks, so that
    /// importing an export gives the formulary exported. Text that export would not have
    /// written this way (remarks that contain the reason elsewhere) is kept whole, and its
    /// export is then the same text again.
    pub(super) fn take_reason_out_of_additional_information(&mut self) {
        let Some(reason) = self.absent_signature_reason().map(str::to_owned) else {
            return;
        };
        let Some(text) = filled(self.additional_information.as_deref()) else {
            return;
        };
        let remarks = if text == reason {
            None
        } else {
            match text
                .strip_prefix(reason.as_str())
                .and_then(|rest| rest.strip_prefix(REASON_SEPARATOR))
            {
                // Only where export would write exactly `text` for these remarks.
                Some(rest)
                    if filled(Some(rest)) == Some(rest) && !rest.contains(reason.as_str()) =>
                {
                    Some(rest.to_string())
                }
                _ => return,
            }
        };
        self.additional_information = remarks;
    }
}

/// The text, trimmed, unless it is blank: blank is the same as missing.
pub(super) fn filled(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

/// Field 13 (M-17): the current registration address, with the date of arrival the Rules
/// make obligatory.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Residence {
    pub address: Option<String>,
    pub arrival_date: Option<NaiveDate>,
}

/// Field 14 (M-17): the previous registration address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviousResidence {
    pub address: Option<String>,
}

/// The holder's signature on the formulary (M-8). In JSON:
/// `{"status": "present"}` or `{"status": "absent", "reason": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum Signature {
    Present,
    /// The person cannot sign; the reason is required (M-8).
    Absent {
        reason: Option<String>,
    },
}

/// A warning the clerk let pass: the rule and field of the warning, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// The rule id of the warning, e.g. "IIN-DATA".
    pub rule: String,
    /// The field of the warning, e.g. "birth_date".
    pub field: String,
    /// Required: an override without a reason is an error.
    pub reason: Option<String>,
}

/// Whom a formulary is for, as the rules tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holder {
    /// A citizen of the Republic of Kazakhstan.
    Citizen,
    /// A citizen of another country.
    Foreigner,
    /// A person with no citizenship.
    Stateless,
}

/// A person's citizenship. In JSON a string: `"KZ"` for Kazakhstan, another ISO 3166-1
/// alpha-2 code (`"RU"`) for a foreigner, `"stateless"` for a stateless person. Import takes
/// any case and keeps capitals; whether a foreign code is assigned is checked by `validate`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Citizenship {
    Kazakhstan,
    /// Two capital Latin letters, not "KZ".
    Foreign(String),
    Stateless,
}

impl Holder {
    /// Whom a document is issued to: the passport and the ID card to citizens, the residence
    /// permit to foreigners, the certificate to stateless persons.
    pub fn of_document(document: DocumentKind) -> Holder {
        match document {
            DocumentKind::Passport | DocumentKind::IdCard => Holder::Citizen,
            DocumentKind::ResidencePermit => Holder::Foreigner,
            DocumentKind::StatelessCertificate => Holder::Stateless,
        }
    }
}

impl Citizenship {
    /// Whom this citizenship makes the person.
    pub fn holder(&self) -> Holder {
        match self {
            Citizenship::Kazakhstan => Holder::Citizen,
            Citizenship::Foreign(_) => Holder::Foreigner,
            Citizenship::Stateless => Holder::Stateless,
        }
    }
}

/// Text that is neither "stateless" nor two Latin letters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitizenshipError(pub String);

impl fmt::Display for CitizenshipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "citizenship {:?}: expected a two-letter ISO 3166-1 code (\"KZ\", \"RU\") or \"stateless\"",
            self.0
        )
    }
}

impl std::error::Error for CitizenshipError {}

impl std::str::FromStr for Citizenship {
    type Err = CitizenshipError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        if is_stateless_word(trimmed) {
            return Ok(Citizenship::Stateless);
        }
        if trimmed.len() == 2 && trimmed.bytes().all(|b| b.is_ascii_alphabetic()) {
            let code = trimmed.to_ascii_uppercase();
            return Ok(if code == "KZ" {
                Citizenship::Kazakhstan
            } else {
                Citizenship::Foreign(code)
            });
        }
        Err(CitizenshipError(text.to_string()))
    }
}

/// The words clerks type for "no citizenship" (issue 11): `stateless`, and in Russian and
/// Kazakh ЛБГ (лицо без гражданства), "без гражданства", "азаматтығы жоқ" (with or without
/// "лицо" / "адам"), any case and spacing.
fn is_stateless_word(text: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    matches!(
        words.as_slice(),
        ["stateless"]
            | ["лбг"]
            | ["без", "гражданства"]
            | ["лицо", "без", "гражданства"]
            | ["азаматтығы", "жоқ"]
            | ["азаматтығы", "жоқ", "адам"]
    )
}

impl TryFrom<String> for Citizenship {
    type Error = CitizenshipError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<Citizenship> for String {
    fn from(c: Citizenship) -> Self {
        match c {
            Citizenship::Kazakhstan => "KZ".to_string(),
            Citizenship::Foreign(code) => code,
            Citizenship::Stateless => "stateless".to_string(),
        }
    }
}
