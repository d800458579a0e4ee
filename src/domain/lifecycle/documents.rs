//! M-57: what issue and emigration do to a person's other identity documents.
//!
//! With the date the ready documents are handed over, the person's previous documents
//! become invalid "in connection with the issue of new documents", and also on conditional
//! exclusion of the IIN; on deregistration for permanent residence abroad, ID cards and
//! residence permits become invalid with the reason
//! "выезд на ПМЖ за пределы Республики Казахстан".
//!
//! Point 57 says only "the previous documents". Kense reads it as a clerk would: a citizen
//! may hold a passport and an ID card at once (code "17" gives a first passport on the basis
//! of an ID card and keeps the card), so a new passport replaces the previous passport, not
//! the ID card, and the reverse. A document of another status (a citizen's passport or ID
//! card, a foreigner's residence permit, a stateless person's certificate) replaces every
//! document of the other statuses: the person's status has changed (code "12" and the like).
//! On conditional exclusion of the IIN every previous document goes, as M-56 asks them all
//! back.

use crate::domain::{DocumentKind, Text};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One identity document of a person, as the registration point records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedDocument {
    /// Passport, ID card, residence permit or stateless certificate.
    pub kind: DocumentKind,
    /// The document's number.
    pub number: String,
    /// The date of issue.
    pub issued_on: NaiveDate,
    /// Valid, or invalid since a date for a reason.
    pub status: DocumentStatus,
}

/// Whether a document is valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum DocumentStatus {
    /// Valid.
    Valid,
    /// Invalid since `since`, for `reason`.
    Invalid {
        reason: InvalidityReason,
        since: NaiveDate,
    },
}

/// M-57: why a document became invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvalidityReason {
    /// New documents were issued to the person.
    NewDocumentsIssued,
    /// The person's IIN was conditionally excluded and documents issued on the new one.
    IinExcluded,
    /// Deregistered for permanent residence outside the Republic of Kazakhstan.
    Emigration,
}

impl InvalidityReason {
    /// The reason for the clerk. The Russian of `Emigration` is point 57's wording, kept
    /// exactly, as the information systems record it; the other Russian texts follow
    /// point 57; Kazakh and English are Kense's.
    pub fn text(self) -> Text {
        match self {
            InvalidityReason::NewDocumentsIssued => Text::new(
                "в связи с выпуском новых документов",
                "жаңа құжаттардың шығарылуына байланысты",
                "new documents were issued",
            ),
            InvalidityReason::IinExcluded => Text::new(
                "в связи с условным исключением ИИН",
                "ЖСН-нің шартты түрде алып тасталуына байланысты",
                "the IIN was conditionally excluded",
            ),
            InvalidityReason::Emigration => Text::new(
                "выезд на ПМЖ за пределы Республики Казахстан",
                "Қазақстан Республикасынан тыс жерге тұрақты тұруға кету",
                "departure for permanent residence outside the Republic of Kazakhstan",
            ),
        }
    }
}

impl IssuedDocument {
    /// The document is valid.
    pub fn is_valid(&self) -> bool {
        self.status == DocumentStatus::Valid
    }

    /// This document, invalid since `since` for `reason`.
    pub fn invalidated(&self, reason: InvalidityReason, since: NaiveDate) -> Self {
        Self {
            status: DocumentStatus::Invalid { reason, since },
            ..self.clone()
        }
    }

    /// The same document as `other`: same kind and number, spaces around and the case of
    /// its letters aside (series are Latin letters: "ab123" is AB123). The register
    /// compares numbers the same way (`documents.number_key`), and refuses to record a
    /// number again ([`NumberTaken`]).
    fn same_as(&self, other: &IssuedDocument) -> bool {
        self.kind == other.kind && number_key(&self.number) == number_key(&other.number)
    }

    /// Valid, and issued before `new` (or the same day): one of the "previous documents".
    fn previous_to(&self, new: &IssuedDocument) -> bool {
        self.is_valid() && !self.same_as(new) && self.issued_on <= new.issued_on
    }
}

/// A document number as documents are told apart by it: trimmed, ASCII letters in upper
/// case (SQLite's `upper()` folds the same letters).
fn number_key(number: &str) -> String {
    number.trim().to_ascii_uppercase()
}

/// M-57: the number of a document to be issued is one already recorded for a document of
/// that kind. A document number identifies one document: recorded twice, the register
/// would hold two valid documents under it, and the earlier one, being "the same" as the
/// new, would not become invalid with the issue. So the issue is refused, whoever holds
/// the earlier document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberTaken {
    pub kind: DocumentKind,
}

impl NumberTaken {
    /// The explanation for the clerk; the number itself is not repeated (personal data).
    pub fn text(self) -> Text {
        Text::new(
            "такой номер уже учтён у документа этого вида (M-57): введите верный номер",
            "бұл нөмір осы түрдегі басқа құжатта бар (M-57): дұрыс нөмірді енгізіңіз",
            "document number: a document of this kind with that number is already recorded, \
             and a number identifies one document (M-57); give the number of the document \
             handed over",
        )
    }
}

/// The person's status a document belongs to; a new status ends the old status's documents.
fn status_of(kind: DocumentKind) -> u8 {
    match kind {
        DocumentKind::Passport | DocumentKind::IdCard => 0,
        DocumentKind::ResidencePermit => 1,
        DocumentKind::StatelessCertificate => 2,
    }
}

/// Whether a newly issued document of kind `new` replaces a previous one of kind `old`.
pub fn replaces(new: DocumentKind, old: DocumentKind) -> bool {
    new == old || status_of(new) != status_of(old)
}

/// M-57: the documents of `documents` that become invalid when `new` is handed over on
/// `handed_over_on`, each with its new status. Documents already invalid, `new` itself,
/// and documents issued after it are left alone.
pub fn invalidated_by_issue(
    documents: &[IssuedDocument],
    new: &IssuedDocument,
    handed_over_on: NaiveDate,
) -> Vec<IssuedDocument> {
    documents
        .iter()
        .filter(|d| d.previous_to(new) && replaces(new.kind, d.kind))
        .map(|d| d.invalidated(InvalidityReason::NewDocumentsIssued, handed_over_on))
        .collect()
}

/// M-57 (with M-56): on conditional exclusion of the IIN, every previous document of the
/// person becomes invalid when `new`, issued on the new IIN, is handed over.
pub fn invalidated_by_iin_exclusion(
    documents: &[IssuedDocument],
    new: &IssuedDocument,
    handed_over_on: NaiveDate,
) -> Vec<IssuedDocument> {
    documents
        .iter()
        .filter(|d| d.previous_to(new))
        .map(|d| d.invalidated(InvalidityReason::IinExcluded, handed_over_on))
        .collect()
}

/// M-57: on deregistration for permanent residence abroad on `deregistered_on`, the valid
/// ID cards and residence permits issued by then become invalid with the reason
/// "выезд на ПМЖ за пределы Республики Казахстан". A passport stays valid: a citizen abroad
/// travels on it.
pub fn invalidated_by_emigration(
    documents: &[IssuedDocument],
    deregistered_on: NaiveDate,
) -> Vec<IssuedDocument> {
    documents
        .iter()
        .filter(|d| {
            d.is_valid()
                && d.issued_on <= deregistered_on
                && matches!(d.kind, DocumentKind::IdCard | DocumentKind::ResidencePermit)
        })
        .map(|d| d.invalidated(InvalidityReason::Emigration, deregistered_on))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use DocumentKind::{IdCard, Passport, ResidencePermit, StatelessCertificate};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("bad date {y}-{m}-{d}"))
    }

    fn doc(kind: DocumentKind, number: &str, issued_on: NaiveDate) -> IssuedDocument {
        IssuedDocument {
            kind,
            number: number.into(),
            issued_on,
            status: DocumentStatus::Valid,
        }
    }

    fn numbers(docs: &[IssuedDocument]) -> Vec<&str> {
        docs.iter().map(|d| d.number.as_str()).collect()
    }

    #[test]
    fn m57_a_new_id_card_invalidates_the_previous_card_from_the_hand_over_date() {
        let old_card = doc(IdCard, "040000001", day(2015, 5, 1));
        let passport = doc(Passport, "N0000001", day(2019, 1, 10));
        let new_card = doc(IdCard, "050000002", day(2024, 3, 1));
        let person = [old_card.clone(), passport, new_card.clone()];
        let gone = invalidated_by_issue(&person, &new_card, day(2024, 3, 12));
        assert_eq!(
            gone,
            [old_card.invalidated(InvalidityReason::NewDocumentsIssued, day(2024, 3, 12))],
            "M-57: only the previous ID card; the passport is a separate document"
        );
        assert_eq!(
            gone[0].status,
            DocumentStatus::Invalid {
                reason: InvalidityReason::NewDocumentsIssued,
                since: day(2024, 3, 12)
            }
        );
    }

    #[test]
    fn m57_a_citizen_s_first_document_ends_the_residence_permit_and_stateless_certificate() {
        let permit = doc(ResidencePermit, "F1", day(2016, 2, 2));
        let stateless = doc(StatelessCertificate, "S1", day(2010, 2, 2));
        let card = doc(IdCard, "C1", day(2024, 3, 1));
        let gone = invalidated_by_issue(&[permit, stateless], &card, day(2024, 3, 5));
        assert_eq!(numbers(&gone), ["F1", "S1"], "M-57, code 12");
    }

    #[test]
    fn m57_already_invalid_and_later_documents_do_not_become_invalid_again() {
        let lost = doc(Passport, "P1", day(2010, 1, 1))
            .invalidated(InvalidityReason::NewDocumentsIssued, day(2015, 1, 1));
        let later = doc(Passport, "P3", day(2025, 1, 1));
        let new = doc(Passport, "P2", day(2024, 3, 1));
        let gone = invalidated_by_issue(&[lost, later, new.clone()], &new, day(2024, 3, 2));
        assert!(gone.is_empty(), "M-57: {gone:?}");
    }

    #[test]
    fn m57_a_number_typed_in_another_case_or_with_spaces_is_the_same_document() {
        let card = doc(IdCard, "AB123", day(2024, 3, 1));
        assert!(card.same_as(&doc(IdCard, " ab123 ", day(2025, 1, 1))));
        assert!(!card.same_as(&doc(Passport, "AB123", day(2024, 3, 1))));
        assert!(!card.same_as(&doc(IdCard, "AB124", day(2024, 3, 1))));
    }

    #[test]
    fn m57_replacement_table_keeps_a_citizen_s_passport_and_card_together() {
        assert!(replaces(Passport, Passport));
        assert!(!replaces(Passport, IdCard));
        assert!(!replaces(IdCard, Passport));
        assert!(replaces(ResidencePermit, IdCard));
        assert!(replaces(StatelessCertificate, ResidencePermit));
        assert!(replaces(IdCard, StatelessCertificate));
    }

    #[test]
    fn m57_conditional_iin_exclusion_invalidates_every_previous_document() {
        let person = [
            doc(Passport, "P1", day(2018, 1, 1)),
            doc(IdCard, "C1", day(2018, 1, 1)),
        ];
        let new = doc(IdCard, "C2", day(2024, 3, 1));
        let gone = invalidated_by_iin_exclusion(&person, &new, day(2024, 3, 4));
        assert_eq!(numbers(&gone), ["P1", "C1"]);
        assert!(gone.iter().all(|d| d.status
            == DocumentStatus::Invalid {
                reason: InvalidityReason::IinExcluded,
                since: day(2024, 3, 4)
            }));
    }

    #[test]
    fn m57_emigration_invalidates_id_cards_and_residence_permits_not_the_passport() {
        let person = [
            doc(Passport, "P1", day(2018, 1, 1)),
            doc(IdCard, "C1", day(2018, 1, 1)),
            doc(ResidencePermit, "F1", day(2012, 1, 1)),
            doc(StatelessCertificate, "S1", day(2011, 1, 1)),
        ];
        let gone = invalidated_by_emigration(&person, day(2024, 6, 1));
        assert_eq!(numbers(&gone), ["C1", "F1"], "M-57");
        for d in &gone {
            let DocumentStatus::Invalid { reason, since } = d.status else {
                panic!("{d:?} stayed valid");
            };
            assert_eq!(since, day(2024, 6, 1));
            assert_eq!(
                reason.text().ru,
                "выезд на ПМЖ за пределы Республики Казахстан",
                "M-57: the wording is the Rules' own"
            );
        }
    }

    #[test]
    fn m57_statuses_serialise_with_stable_names() {
        let d = doc(IdCard, "C1", day(2018, 1, 1))
            .invalidated(InvalidityReason::Emigration, day(2024, 6, 1));
        let json = serde_json::to_string(&d).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            json,
            r#"{"kind":"id_card","number":"C1","issued_on":"2018-01-01","status":{"status":"invalid","reason":"emigration","since":"2024-06-01"}}"#
        );
        let back: IssuedDocument = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, d);
    }
}
