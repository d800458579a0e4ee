//! The notes written on the free space of the formulary's reverse side, under the seal.
//!
//! In JSON each note is an object whose `kind` says what it is:
//!
//! | `kind` | fields | rule |
//! | --- | --- | --- |
//! | `conclusion` | `number`, `date` | M-16 |
//! | `identification_protocol` | `number`, `date` | M-33 (M-16, code "06") |
//! | `parent_id` | `number`, `date`, `issuer` | M-12.c |
//! | `penal_institution` | `location`, `institution` | M-43 |
//! | `address_abroad` | `address` | M-17 |
//! | `basis_document` | `document`, `number`, `date` | M-12.d |
//!
//! The fields are optional in the type, like the formulary's, so a note half filled in
//! imports and `validate` names what it lacks.

use super::violation::rule;
use crate::domain::Text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One note of the reverse side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Note {
    /// M-16: the conclusion on establishing identity, as registered in the journal.
    Conclusion {
        number: Option<String>,
        date: Option<NaiveDate>,
    },
    /// M-33, M-16: the identification protocol, drawn up as for code "06".
    IdentificationProtocol {
        number: Option<String>,
        date: Option<NaiveDate>,
    },
    /// M-12.c: one parent's (legal representative's) identity document, for a minor
    /// documented on a birth certificate: its number, date of issue and issuer.
    ParentId {
        number: Option<String>,
        date: Option<NaiveDate>,
        issuer: Option<String>,
    },
    /// M-43: where a convict serves the sentence: the place (region, city, district,
    /// settlement) and the institution's name.
    PenalInstitution {
        location: Option<String>,
        institution: Option<String>,
    },
    /// M-17: the temporary address abroad of a citizen staying abroad.
    AddressAbroad { address: Option<String> },
    /// M-12.d: a document that is the basis for a change of personal data.
    BasisDocument {
        document: Option<BasisKind>,
        number: Option<String>,
        date: Option<NaiveDate>,
    },
}

/// The kinds of reverse-side note, for the rules that require one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoteKind {
    Conclusion,
    IdentificationProtocol,
    ParentId,
    PenalInstitution,
    AddressAbroad,
    BasisDocument,
}

/// A basis document for a change of personal data (M-12.d).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BasisKind {
    BirthCertificate,
    MarriageRecord,
    DivorceRecord,
    /// The conclusion on change of personal data (appendix 4 of the Rules).
    DataChangeConclusion,
}

impl Note {
    /// What kind of note this is.
    pub fn kind(&self) -> NoteKind {
        match self {
            Note::Conclusion { .. } => NoteKind::Conclusion,
            Note::IdentificationProtocol { .. } => NoteKind::IdentificationProtocol,
            Note::ParentId { .. } => NoteKind::ParentId,
            Note::PenalInstitution { .. } => NoteKind::PenalInstitution,
            Note::AddressAbroad { .. } => NoteKind::AddressAbroad,
            Note::BasisDocument { .. } => NoteKind::BasisDocument,
        }
    }

    /// The note's text fields, by JSON name, for the check that none is blank.
    pub(super) fn texts(&self) -> Vec<(&'static str, Option<&str>)> {
        match self {
            Note::Conclusion { number, .. } | Note::IdentificationProtocol { number, .. } => {
                vec![("number", number.as_deref())]
            }
            Note::ParentId { number, issuer, .. } => {
                vec![("number", number.as_deref()), ("issuer", issuer.as_deref())]
            }
            Note::PenalInstitution {
                location,
                institution,
            } => vec![
                ("location", location.as_deref()),
                ("institution", institution.as_deref()),
            ],
            Note::AddressAbroad { address } => vec![("address", address.as_deref())],
            Note::BasisDocument { number, .. } => vec![("number", number.as_deref())],
        }
    }

    /// The note's date, with whether the note needs one (all but the two address notes).
    pub(super) fn date(&self) -> (bool, Option<NaiveDate>) {
        match self {
            Note::Conclusion { date, .. }
            | Note::IdentificationProtocol { date, .. }
            | Note::ParentId { date, .. }
            | Note::BasisDocument { date, .. } => (true, *date),
            Note::PenalInstitution { .. } | Note::AddressAbroad { .. } => (false, None),
        }
    }
}

impl NoteKind {
    /// The rule that defines this note, for the violations about it.
    pub fn rule(self) -> &'static str {
        match self {
            NoteKind::Conclusion => rule::CONCLUSION,
            NoteKind::IdentificationProtocol => rule::PROTOCOL,
            NoteKind::ParentId => rule::PARENT_ID,
            NoteKind::PenalInstitution => rule::PENAL,
            NoteKind::AddressAbroad => rule::RESIDENCE,
            NoteKind::BasisDocument => rule::BASIS,
        }
    }

    /// The note's name for the clerk.
    pub fn name(self) -> Text {
        match self {
            NoteKind::Conclusion => Text::new(
                "заключение (номер и дата)",
                "қорытынды (нөмірі мен күні)",
                "conclusion (number and date)",
            ),
            NoteKind::IdentificationProtocol => Text::new(
                "протокол опознания",
                "тану хаттамасы",
                "identification protocol",
            ),
            NoteKind::ParentId => Text::new(
                "документ одного из родителей (номер, дата, кем выдан)",
                "ата-ананың бірінің құжаты (нөмірі, күні, кім берген)",
                "one parent's identity document (number, date, issuer)",
            ),
            NoteKind::PenalInstitution => Text::new(
                "учреждение уголовно-исполнительной системы",
                "қылмыстық-атқару жүйесінің мекемесі",
                "penal institution",
            ),
            NoteKind::AddressAbroad => Text::new(
                "адрес временного пребывания за границей",
                "шетелде уақытша болу мекенжайы",
                "temporary address abroad",
            ),
            NoteKind::BasisDocument => Text::new(
                "документ-основание изменения установочных данных",
                "белгілеу деректерін ауыстыруға негіз болған құжат",
                "basis document for the change of identity data",
            ),
        }
    }
}

impl BasisKind {
    /// The document's name for the clerk.
    pub fn name(self) -> Text {
        match self {
            BasisKind::BirthCertificate => Text::new(
                "свидетельство о рождении",
                "туу туралы куәлік",
                "birth certificate",
            ),
            BasisKind::MarriageRecord => Text::new(
                "запись о заключении брака",
                "неке қию туралы жазба",
                "marriage record",
            ),
            BasisKind::DivorceRecord => Text::new(
                "запись о расторжении брака",
                "некені бұзу туралы жазба",
                "divorce record",
            ),
            BasisKind::DataChangeConclusion => Text::new(
                "заключение о перемене установочных данных",
                "белгілеу деректерін ауыстыру туралы қорытынды",
                "conclusion on change of identity data",
            ),
        }
    }
}
