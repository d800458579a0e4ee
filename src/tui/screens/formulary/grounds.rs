//! The form's fields for the grounds a formulary states (issue 14): where it is filled and
//! why (M-4), a birth certificate as the basis (M-4.3), the representative's presence
//! (M-12.c), the basis of a change of data (M-12.d), living abroad (M-17), a convict
//! (M-43), and the document copied for a missing signature (M-8). Typed into and read out
//! of the formulary here, beside `convert` and `shown`, which handle the rest.

use super::spec::FieldId;
use crate::domain::formulary::{
    BirthCertificateGround, DataChange, FilledAt, Formulary, StayReason,
};
use chrono::NaiveDate;

/// The choices of the yes/no fields, in JSON-like spelling; "" is not chosen.
pub const YES_NO: &[&str] = &["", "yes", "no"];
pub const PLACES: &[&str] = &["", "permanent_registration", "actual_stay"];
pub const STAY_REASONS: &[&str] = &[
    "",
    "loss",
    "expiry",
    "marriage_divorce_surname",
    "unfit",
    "modification",
    "first_passport_on_id_card",
    "minor_first_documents",
];
pub const CERTIFICATE_GROUNDS: &[&str] = &[
    "",
    "minor",
    "ussr1974_exchange",
    "ussr1974_lost",
    "late_first_documents",
];
pub const CHANGE_BASES: &[&str] = &[
    "",
    "zags",
    "conclusion",
    "marriage_surname",
    "divorce_surname",
    "national_tradition",
];

/// The JSON spelling of a value of the serde enums here.
fn key<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(text.to_string())).ok()
}

fn yes_no(text: Option<String>) -> Option<bool> {
    match text.as_deref() {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => None,
    }
}

/// Puts the grounds typed (`text` of a field; the change's conclusion date, read already)
/// into `f`.
pub fn fill(
    f: &mut Formulary,
    text: impl Fn(FieldId) -> Option<String>,
    change_date: Option<NaiveDate>,
) {
    f.filled_at = match text(FieldId::FilledAt).as_deref() {
        Some("permanent_registration") => Some(FilledAt::PermanentRegistration),
        Some("actual_stay") => Some(FilledAt::ActualStay {
            reason: text(FieldId::StayReason).and_then(|r| parse::<StayReason>(&r)),
        }),
        _ => None,
    };
    f.birth_certificate_ground =
        text(FieldId::CertificateGround).and_then(|g| parse::<BirthCertificateGround>(&g));
    f.representative_present = yes_no(text(FieldId::RepresentativePresent));
    f.data_change = match text(FieldId::ChangeBasis).as_deref() {
        Some("zags") => Some(DataChange::Zags {
            reference: text(FieldId::ChangeReference),
        }),
        Some("conclusion") => Some(DataChange::Conclusion {
            number: text(FieldId::ChangeNumber),
            date: change_date,
        }),
        Some("marriage_surname") => Some(DataChange::MarriageSurname),
        Some("divorce_surname") => Some(DataChange::DivorceSurname),
        Some("national_tradition") => Some(DataChange::NationalTradition),
        _ => None,
    };
    f.birth_place_changed = yes_no(text(FieldId::BirthPlaceChanged));
    f.lives_abroad = yes_no(text(FieldId::LivesAbroad));
    f.convict = yes_no(text(FieldId::Convict));
    f.signature_document = text(FieldId::SignatureDocument);
}

/// What a grounds field shows for `f`; `None` for a field that is not one of them.
pub fn value(
    f: &Formulary,
    id: FieldId,
    date: impl Fn(Option<NaiveDate>) -> String,
) -> Option<String> {
    let flag = |v: Option<bool>| match v {
        Some(true) => "yes".to_string(),
        Some(false) => "no".to_string(),
        None => String::new(),
    };
    let change = f.data_change.as_ref();
    Some(match id {
        FieldId::FilledAt => match f.filled_at {
            Some(FilledAt::PermanentRegistration) => "permanent_registration".into(),
            Some(FilledAt::ActualStay { .. }) => "actual_stay".into(),
            None => String::new(),
        },
        FieldId::StayReason => match f.filled_at {
            Some(FilledAt::ActualStay { reason: Some(r) }) => key(&r),
            _ => String::new(),
        },
        FieldId::CertificateGround => f
            .birth_certificate_ground
            .map(|g| key(&g))
            .unwrap_or_default(),
        FieldId::RepresentativePresent => flag(f.representative_present),
        FieldId::ChangeBasis => change
            .and_then(|c| serde_json::to_value(c).ok())
            .and_then(|v| v.get("basis").and_then(|b| b.as_str().map(str::to_string)))
            .unwrap_or_default(),
        FieldId::ChangeReference => match change {
            Some(DataChange::Zags { reference }) => reference.clone().unwrap_or_default(),
            _ => String::new(),
        },
        FieldId::ChangeNumber => match change {
            Some(DataChange::Conclusion { number, .. }) => number.clone().unwrap_or_default(),
            _ => String::new(),
        },
        FieldId::ChangeDate => match change {
            Some(DataChange::Conclusion { date: d, .. }) => date(*d),
            _ => String::new(),
        },
        FieldId::BirthPlaceChanged => flag(f.birth_place_changed),
        FieldId::LivesAbroad => flag(f.lives_abroad),
        FieldId::Convict => flag(f.convict),
        FieldId::SignatureDocument => f.signature_document.clone().unwrap_or_default(),
        _ => return None,
    })
}
