//! The grounds a formulary states (issue 14): where it is filled (M-4), why a person is
//! documented on a birth certificate (M-4.3, M-12.c), the basis of a change of personal
//! data (M-12.d), a life abroad (M-17) or a sentence (M-43), the document copied for a
//! missing signature (M-8). The types are here; `grounds_check` applies them.
//!
//! Every field is optional in JSON: formularies registered before keep reading, and
//! `validate` names what a formulary filled now lacks.

use serde::{Deserialize, Serialize};

/// M-4: where the formulary is filled. In JSON `{"place": "permanent_registration"}` or
/// `{"place": "actual_stay", "reason": "loss"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "place", rename_all = "snake_case", deny_unknown_fields)]
pub enum FilledAt {
    /// At the place of permanent registration.
    PermanentRegistration,
    /// At the place of actual stay, for one of the reasons of M-4.
    ActualStay { reason: Option<StayReason> },
}

/// M-4: the reasons a formulary may be filled at the place of actual stay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StayReason {
    /// Replacement for loss.
    Loss,
    /// Replacement for expiry.
    Expiry,
    /// Change of surname on marriage or divorce.
    MarriageDivorceSurname,
    /// Unfitness of the document.
    Unfit,
    /// Modification of documents.
    Modification,
    /// The first passport on the basis of an ID card.
    FirstPassportOnIdCard,
    /// The first documents of minors on the basis of a birth certificate.
    MinorFirstDocuments,
}

impl StayReason {
    /// The filling codes (M-31) the reason is the ground of: the check of M-4 against the
    /// filling code.
    pub fn codes(self) -> &'static [&'static str] {
        match self {
            StayReason::Loss => &["09", "13"],
            StayReason::Expiry => &["18"],
            StayReason::MarriageDivorceSurname => &["04"],
            StayReason::Unfit => &["07"],
            StayReason::Modification => &["16"],
            StayReason::FirstPassportOnIdCard => &["17"],
            StayReason::MinorFirstDocuments => &["00", "01"],
        }
    }
}

/// M-4.3, M-12.c: why a person is documented on the basis of the birth certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BirthCertificateGround {
    /// A minor's first documents (M-12.c: a parent's document on the reverse side).
    Minor,
    /// Exchange of a USSR passport of 1974 (M-4.3).
    Ussr1974Exchange,
    /// A USSR passport of 1974 lost (M-4.3).
    Ussr1974Lost,
    /// Late for the first documents (M-4.3).
    LateFirstDocuments,
}

/// M-12.d: the basis of a change of personal data or of the place of birth. In JSON
/// `{"basis": "zags", "reference": "…"}`, `{"basis": "conclusion", "number": "…",
/// "date": "…"}`, or `{"basis": "marriage_surname"}` (also `divorce_surname`,
/// `national_tradition`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "basis", rename_all = "snake_case", deny_unknown_fields)]
pub enum DataChange {
    /// Data received from ИС ЗАГС, with the reference of the record or the answer.
    Zags { reference: Option<String> },
    /// The conclusion on a change of personal data (appendix 4), issued first.
    Conclusion {
        number: Option<String>,
        date: Option<chrono::NaiveDate>,
    },
    /// A surname changed on marriage: an exception of M-12.d.
    MarriageSurname,
    /// A surname changed on divorce: an exception of M-12.d.
    DivorceSurname,
    /// A Kazakh surname or patronymic by national tradition: an exception of M-12.d.
    NationalTradition,
}

impl DataChange {
    /// The exceptions of M-12.d: a change of surname or patronymic only (code "04").
    pub fn is_exception(&self) -> bool {
        matches!(
            self,
            DataChange::MarriageSurname
                | DataChange::DivorceSurname
                | DataChange::NationalTradition
        )
    }
}
