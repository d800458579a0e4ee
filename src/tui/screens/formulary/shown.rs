//! The other way from `convert`: the text each field shows for a formulary, when a draft
//! or an example comes back into the form.

use super::convert::format_date;
use super::spec::{FieldId, NoteSlot};
use crate::domain::formulary::{BasisKind, Formulary, Note, Signature};
use crate::domain::{DocumentKind, Sex};
use chrono::NaiveDate;

/// The JSON spelling of a document kind, as the form's choice holds it.
pub fn document_key(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Passport => "passport",
        DocumentKind::IdCard => "id_card",
        DocumentKind::ResidencePermit => "residence_permit",
        DocumentKind::StatelessCertificate => "stateless_certificate",
    }
}

/// What a registered formulary shows for field `id` on the record screen: the field's text
/// (a choice in its JSON spelling, for the catalogue to name), a code with its name in the
/// clerk's language.
pub fn shown_text(f: &Formulary, id: FieldId, lang: crate::domain::Lang) -> String {
    let value = value_of(f, id);
    let region = f.region_code.as_deref().unwrap_or_default();
    let district = f.district_code.as_deref().unwrap_or_default();
    match super::code_name(id, &value, region, district) {
        Some(name) if !value.is_empty() => format!("{value}  {}", name.get(lang)),
        _ => value,
    }
}

/// The text a field shows for a formulary (a draft or an example coming back).
pub fn value_of(f: &Formulary, id: FieldId) -> String {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let date = |d: Option<NaiveDate>| d.map(format_date).unwrap_or_default();
    let note = |slot: NoteSlot| f.reverse_side.iter().find(|n| slot_of(n) == slot);
    if let Some(value) = super::grounds::value(f, id, date) {
        return value;
    }
    match id {
        FieldId::Document => f.document.map(document_key).unwrap_or_default().to_string(),
        FieldId::FillingCode => text(&f.filling_code),
        FieldId::Iin => text(&f.iin),
        FieldId::Surname => text(&f.surname),
        FieldId::GivenName => text(&f.given_name),
        FieldId::Patronymic => text(&f.patronymic),
        FieldId::BirthDate => date(f.birth_date),
        FieldId::Sex => match f.sex {
            Some(Sex::Male) => "male",
            Some(Sex::Female) => "female",
            None => "",
        }
        .to_string(),
        FieldId::BirthPlace => text(&f.birth_place),
        FieldId::Nationality => text(&f.nationality),
        FieldId::Citizenship => f.citizenship.clone().map(String::from).unwrap_or_default(),
        FieldId::RegionCode => text(&f.region_code),
        FieldId::DistrictCode => text(&f.district_code),
        FieldId::ResidenceAddress => f
            .residence
            .as_ref()
            .map(|r| text(&r.address))
            .unwrap_or_default(),
        FieldId::ArrivalDate => date(f.residence.as_ref().and_then(|r| r.arrival_date)),
        FieldId::PreviousAddress => f
            .previous_residence
            .as_ref()
            .map(|r| text(&r.address))
            .unwrap_or_default(),
        FieldId::Signature => match &f.signature {
            Some(Signature::Present) => "present",
            Some(Signature::Absent { .. }) => "absent",
            None => "",
        }
        .to_string(),
        FieldId::SignatureReason => match &f.signature {
            Some(Signature::Absent { reason }) => text(reason),
            _ => String::new(),
        },
        FieldId::AdditionalInformation => text(&f.additional_information),
        FieldId::ParentIdNumber | FieldId::ParentIdDate | FieldId::ParentIdIssuer => {
            match note(NoteSlot::ParentId) {
                Some(Note::ParentId {
                    number,
                    date: d,
                    issuer,
                }) => match id {
                    FieldId::ParentIdNumber => text(number),
                    FieldId::ParentIdDate => date(*d),
                    _ => text(issuer),
                },
                _ => String::new(),
            }
        }
        FieldId::ConclusionNumber | FieldId::ConclusionDate => match note(NoteSlot::Conclusion) {
            Some(Note::Conclusion { number, date: d }) => {
                if id == FieldId::ConclusionNumber {
                    text(number)
                } else {
                    date(*d)
                }
            }
            _ => String::new(),
        },
        FieldId::ProtocolNumber | FieldId::ProtocolDate => {
            match note(NoteSlot::IdentificationProtocol) {
                Some(Note::IdentificationProtocol { number, date: d }) => {
                    if id == FieldId::ProtocolNumber {
                        text(number)
                    } else {
                        date(*d)
                    }
                }
                _ => String::new(),
            }
        }
        FieldId::BasisKind | FieldId::BasisNumber | FieldId::BasisDate => {
            match note(NoteSlot::BasisDocument) {
                Some(Note::BasisDocument {
                    document,
                    number,
                    date: d,
                }) => match id {
                    FieldId::BasisKind => document.map(basis_name).unwrap_or_default().to_string(),
                    FieldId::BasisNumber => text(number),
                    _ => date(*d),
                },
                _ => String::new(),
            }
        }
        FieldId::PenalLocation | FieldId::PenalInstitution => {
            match note(NoteSlot::PenalInstitution) {
                Some(Note::PenalInstitution {
                    location,
                    institution,
                }) => {
                    if id == FieldId::PenalLocation {
                        text(location)
                    } else {
                        text(institution)
                    }
                }
                _ => String::new(),
            }
        }
        FieldId::AddressAbroad => match note(NoteSlot::AddressAbroad) {
            Some(Note::AddressAbroad { address }) => text(address),
            _ => String::new(),
        },
        // The grounds, read above.
        _ => String::new(),
    }
}

fn slot_of(note: &Note) -> NoteSlot {
    match note {
        Note::ParentId { .. } => NoteSlot::ParentId,
        Note::Conclusion { .. } => NoteSlot::Conclusion,
        Note::IdentificationProtocol { .. } => NoteSlot::IdentificationProtocol,
        Note::BasisDocument { .. } => NoteSlot::BasisDocument,
        Note::PenalInstitution { .. } => NoteSlot::PenalInstitution,
        Note::AddressAbroad { .. } => NoteSlot::AddressAbroad,
    }
}

fn basis_name(kind: BasisKind) -> &'static str {
    match kind {
        BasisKind::BirthCertificate => "birth_certificate",
        BasisKind::MarriageRecord => "marriage_record",
        BasisKind::DivorceRecord => "divorce_record",
        BasisKind::DataChangeConclusion => "data_change_conclusion",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::formulary::CODE_RULES;
    use crate::tui::screens::formulary::convert::{Values, to_formulary};
    use crate::tui::screens::formulary::spec::FIELDS;

    /// A draft shown in the form and read back is the same formulary: nothing the clerk
    /// saved is lost or changed on the way through the fields.
    #[test]
    fn every_example_goes_through_the_form_unchanged() {
        for rule in CODE_RULES {
            let example = Formulary::example(rule.code).unwrap_or_else(|| panic!("{}", rule.code));
            let values: Values = FIELDS
                .iter()
                .map(|spec| (spec.id, value_of(&example, spec.id)))
                .collect();
            // The clerk and the day are the session's, not fields of the form.
            let clerk = example.clerk.clone().unwrap_or_default();
            let filled_on = example.filled_on.unwrap_or_default();
            let (back, problems) = to_formulary(&values, &clerk, filled_on);
            assert!(problems.is_empty(), "{}: {problems:?}", rule.code);
            // The grounds of issue 14 (M-4, M-4.3, M-8, M-12.c, M-12.d, M-17, M-43) too.
            assert_eq!(back, example, "filling code {}", rule.code);
        }
    }
}
