//! The per-code table of M-31: for each filling code, who may use it, for which documents,
//! at what age, which reverse-side notes it needs and what it prints. One row per code, as
//! data: `validate` reads it and holds no per-code `if`.
//!
//! Where a row is stricter than the words of M-31, the reason is beside it.

use super::model::Holder;
use super::notes::{BasisKind, NoteKind};
use super::violation::Printout;
use crate::domain::DocumentKind;
use crate::domain::DocumentKind::{IdCard, Passport, ResidencePermit, StatelessCertificate};

/// An age condition, counted on the filled-on date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Age {
    Any,
    /// Younger than this many full years.
    Under(u32),
    /// This many full years or older.
    AtLeast(u32),
}

/// The requirements of one filling code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeRule {
    pub code: &'static str,
    /// Who may be documented under the code.
    pub holders: &'static [Holder],
    /// The documents the code may be used for.
    pub documents: &'static [DocumentKind],
    pub age: Age,
    /// Notes the reverse side must carry, each of them.
    pub notes: &'static [NoteKind],
    /// Basis documents of which the reverse side must carry at least one (M-12.d);
    /// empty when none is needed.
    pub basis: &'static [BasisKind],
    /// Papers printed with the formulary.
    pub prints: &'static [Printout],
}

const ANYONE: &[Holder] = &[Holder::Citizen, Holder::Foreigner, Holder::Stateless];
const CITIZENS: &[Holder] = &[Holder::Citizen];
const FOREIGNERS: &[Holder] = &[Holder::Foreigner];
const NON_CITIZENS: &[Holder] = &[Holder::Foreigner, Holder::Stateless];

const ANY_DOCUMENT: &[DocumentKind] = &[Passport, IdCard, ResidencePermit, StatelessCertificate];
const CITIZEN_DOCUMENTS: &[DocumentKind] = &[Passport, IdCard];
const NON_CITIZEN_DOCUMENTS: &[DocumentKind] = &[ResidencePermit, StatelessCertificate];

/// A row with no conditions beyond the code itself; the rows below change what they need.
const OPEN: CodeRule = CodeRule {
    code: "",
    holders: ANYONE,
    documents: ANY_DOCUMENT,
    age: Age::Any,
    notes: &[],
    basis: &[],
    prints: &[],
};

/// One row per code of M-31, in its order. "02" has none: M-31 has no such code.
pub const CODE_RULES: &[CodeRule] = &[
    // "00": children under 16, citizens; the reverse side carries one parent's identity
    // document (M-12.c), as minors are documented on the birth certificate.
    CodeRule {
        code: "00",
        holders: CITIZENS,
        documents: CITIZEN_DOCUMENTS,
        age: Age::Under(16),
        notes: &[NoteKind::ParentId],
        ..OPEN
    },
    // "01": reaching 16, citizens.
    CodeRule {
        code: "01",
        holders: CITIZENS,
        documents: CITIZEN_DOCUMENTS,
        age: Age::AtLeast(16),
        ..OPEN
    },
    // "03": a foreigner residing in Kazakhstan changes the country of citizenship; a
    // foreigner's document is the residence permit.
    CodeRule {
        code: "03",
        holders: FOREIGNERS,
        documents: &[ResidencePermit],
        ..OPEN
    },
    // "04": change of surname, name, patronymic (M-12.d): any basis document; a marriage
    // or divorce record is the basis of a surname change on marriage or divorce.
    CodeRule {
        code: "04",
        basis: &[
            BasisKind::BirthCertificate,
            BasisKind::MarriageRecord,
            BasisKind::DivorceRecord,
            BasisKind::DataChangeConclusion,
        ],
        ..OPEN
    },
    // "05": change of birth date (M-12.d): the birth certificate, or the conclusion on
    // change of personal data; a marriage record does not carry a birth date.
    CodeRule {
        code: "05",
        basis: &[BasisKind::BirthCertificate, BasisKind::DataChangeConclusion],
        ..OPEN
    },
    // "06": inaccurate record: the identification protocol is drawn up "as for code 06"
    // (M-16, M-33).
    CodeRule {
        code: "06",
        notes: &[NoteKind::IdentificationProtocol],
        ..OPEN
    },
    // "07": document unfit for use.
    CodeRule { code: "07", ..OPEN },
    // "08": a citizen changes the nationality record, and gets the certificate (M-12.e).
    CodeRule {
        code: "08",
        holders: CITIZENS,
        documents: CITIZEN_DOCUMENTS,
        prints: &[Printout::NationalityChangeCertificate],
        ..OPEN
    },
    // "09": loss of identity documents other than the passport (that is code "13").
    CodeRule {
        code: "09",
        documents: &[IdCard, ResidencePermit, StatelessCertificate],
        ..OPEN
    },
    // "10": change of registration address.
    CodeRule { code: "10", ..OPEN },
    // "11": first documentation of foreigners or stateless persons.
    CodeRule {
        code: "11",
        holders: NON_CITIZENS,
        documents: NON_CITIZEN_DOCUMENTS,
        ..OPEN
    },
    // "12": acquisition of citizenship: the person is a citizen by the time of filling.
    CodeRule {
        code: "12",
        holders: CITIZENS,
        documents: CITIZEN_DOCUMENTS,
        ..OPEN
    },
    // "13": loss of the passport by a citizen.
    CodeRule {
        code: "13",
        holders: CITIZENS,
        documents: &[Passport],
        ..OPEN
    },
    // "14": renaming of localities.
    CodeRule { code: "14", ..OPEN },
    // "15": the ID card of a citizen returning for permanent residence: M-31 names the ID
    // card only.
    CodeRule {
        code: "15",
        holders: CITIZENS,
        documents: &[IdCard],
        ..OPEN
    },
    // "16": at the holder's wish, for modification of documents.
    CodeRule { code: "16", ..OPEN },
    // "17": first documents of a citizen on the basis of an existing ID card or passport.
    CodeRule {
        code: "17",
        holders: CITIZENS,
        documents: CITIZEN_DOCUMENTS,
        ..OPEN
    },
    // "18": expiry of identity documents.
    CodeRule { code: "18", ..OPEN },
];

/// The row of a filling code, if M-31 has the code.
pub fn code_rule(code: &str) -> Option<&'static CodeRule> {
    CODE_RULES.iter().find(|r| r.code == code)
}
