//! The fields of the New formulary form, in the order and groups of the paper form: one
//! table says what each field is, which JSON path of the formulary it fills (so a
//! violation finds its field), and how it is typed.

use super::grounds;

/// A field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldId {
    Document,
    FillingCode,
    Iin,
    Surname,
    GivenName,
    Patronymic,
    BirthDate,
    Sex,
    BirthPlace,
    Nationality,
    Citizenship,
    RegionCode,
    DistrictCode,
    ResidenceAddress,
    ArrivalDate,
    PreviousAddress,
    Signature,
    SignatureReason,
    ParentIdNumber,
    ParentIdDate,
    ParentIdIssuer,
    ConclusionNumber,
    ConclusionDate,
    ProtocolNumber,
    ProtocolDate,
    BasisKind,
    BasisNumber,
    BasisDate,
    PenalLocation,
    PenalInstitution,
    AddressAbroad,
    AdditionalInformation,
    SignatureDocument,
    FilledAt,
    StayReason,
    CertificateGround,
    RepresentativePresent,
    ChangeBasis,
    ChangeReference,
    ChangeNumber,
    ChangeDate,
    BirthPlaceChanged,
    LivesAbroad,
    Convict,
}

/// The groups of the paper form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    Document,
    Person,
    Addresses,
    Signature,
    /// The grounds the formulary states (issue 14: M-4, M-4.3, M-12.c, M-12.d, M-17, M-43).
    Grounds,
    ReverseSide,
}

/// How a field is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Free text.
    Text,
    /// A date, typed `DD.MM.YYYY` (or `YYYY-MM-DD`).
    Date,
    /// A code of a directory: typed, its name shown beside it, a picker on a key.
    Code,
    /// One of a few values, chosen with ← →; the first is "not chosen".
    Choice(&'static [&'static str]),
}

/// A reverse-side note the field belongs to, and the note's JSON field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotePart {
    pub note: NoteSlot,
    pub json: &'static str,
}

/// The reverse-side notes the form offers, in the order they are written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoteSlot {
    ParentId,
    Conclusion,
    IdentificationProtocol,
    BasisDocument,
    PenalInstitution,
    AddressAbroad,
}

impl NoteSlot {
    pub const ALL: [NoteSlot; 6] = [
        NoteSlot::ParentId,
        NoteSlot::Conclusion,
        NoteSlot::IdentificationProtocol,
        NoteSlot::BasisDocument,
        NoteSlot::PenalInstitution,
        NoteSlot::AddressAbroad,
    ];
}

/// One line of the field table.
pub struct FieldSpec {
    pub id: FieldId,
    pub group: Group,
    pub input: Input,
    /// The JSON path the field fills; for a note's field, the note's own field name.
    pub path: &'static str,
    pub note: Option<NoteSlot>,
}

/// The document kinds in JSON spelling; "" is not chosen.
pub const DOCUMENTS: &[&str] = &[
    "",
    "passport",
    "id_card",
    "residence_permit",
    "stateless_certificate",
];
pub const SEXES: &[&str] = &["", "male", "female"];
pub const SIGNATURES: &[&str] = &["", "present", "absent"];
pub const BASIS_KINDS: &[&str] = &[
    "",
    "birth_certificate",
    "marriage_record",
    "divorce_record",
    "data_change_conclusion",
];

const fn field(id: FieldId, group: Group, input: Input, path: &'static str) -> FieldSpec {
    FieldSpec {
        id,
        group,
        input,
        path,
        note: None,
    }
}

const fn note(id: FieldId, input: Input, slot: NoteSlot, json: &'static str) -> FieldSpec {
    FieldSpec {
        id,
        group: Group::ReverseSide,
        input,
        path: json,
        note: Some(slot),
    }
}

/// Every field, in the order of the form. Laid out by hand as a table (rustfmt would
/// spread each field over six lines), so a field reads across and the form reads down.
#[rustfmt::skip]
pub static FIELDS: &[FieldSpec] = &[
    field(FieldId::Document, Group::Document, Input::Choice(DOCUMENTS), "document"),
    field(FieldId::FillingCode, Group::Document, Input::Code, "filling_code"),
    field(FieldId::RegionCode, Group::Document, Input::Code, "region_code"),
    field(FieldId::DistrictCode, Group::Document, Input::Code, "district_code"),
    field(FieldId::Iin, Group::Person, Input::Text, "iin"),
    field(FieldId::Surname, Group::Person, Input::Text, "surname"),
    field(FieldId::GivenName, Group::Person, Input::Text, "given_name"),
    field(FieldId::Patronymic, Group::Person, Input::Text, "patronymic"),
    field(FieldId::BirthDate, Group::Person, Input::Date, "birth_date"),
    field(FieldId::Sex, Group::Person, Input::Choice(SEXES), "sex"),
    field(FieldId::BirthPlace, Group::Person, Input::Text, "birth_place"),
    field(FieldId::Nationality, Group::Person, Input::Text, "nationality"),
    field(FieldId::Citizenship, Group::Person, Input::Text, "citizenship"),
    field(FieldId::ResidenceAddress, Group::Addresses, Input::Text, "residence.address"),
    field(FieldId::ArrivalDate, Group::Addresses, Input::Date, "residence.arrival_date"),
    field(FieldId::PreviousAddress, Group::Addresses, Input::Text, "previous_residence.address"),
    field(FieldId::Signature, Group::Signature, Input::Choice(SIGNATURES), "signature"),
    field(FieldId::SignatureReason, Group::Signature, Input::Text, "signature.reason"),
    field(FieldId::SignatureDocument, Group::Signature, Input::Text, "signature_document"),
    field(FieldId::FilledAt, Group::Grounds, Input::Choice(grounds::PLACES), "filled_at"),
    field(FieldId::StayReason, Group::Grounds, Input::Choice(grounds::STAY_REASONS), "filled_at.reason"),
    field(FieldId::CertificateGround, Group::Grounds, Input::Choice(grounds::CERTIFICATE_GROUNDS), "birth_certificate_ground"),
    field(FieldId::RepresentativePresent, Group::Grounds, Input::Choice(grounds::YES_NO), "representative_present"),
    field(FieldId::ChangeBasis, Group::Grounds, Input::Choice(grounds::CHANGE_BASES), "data_change"),
    field(FieldId::ChangeReference, Group::Grounds, Input::Text, "data_change.reference"),
    field(FieldId::ChangeNumber, Group::Grounds, Input::Text, "data_change.number"),
    field(FieldId::ChangeDate, Group::Grounds, Input::Date, "data_change.date"),
    field(FieldId::BirthPlaceChanged, Group::Grounds, Input::Choice(grounds::YES_NO), "birth_place_changed"),
    field(FieldId::LivesAbroad, Group::Grounds, Input::Choice(grounds::YES_NO), "lives_abroad"),
    field(FieldId::Convict, Group::Grounds, Input::Choice(grounds::YES_NO), "convict"),
    note(FieldId::ParentIdNumber, Input::Text, NoteSlot::ParentId, "number"),
    note(FieldId::ParentIdDate, Input::Date, NoteSlot::ParentId, "date"),
    note(FieldId::ParentIdIssuer, Input::Text, NoteSlot::ParentId, "issuer"),
    note(FieldId::ConclusionNumber, Input::Text, NoteSlot::Conclusion, "number"),
    note(FieldId::ConclusionDate, Input::Date, NoteSlot::Conclusion, "date"),
    note(FieldId::ProtocolNumber, Input::Text, NoteSlot::IdentificationProtocol, "number"),
    note(FieldId::ProtocolDate, Input::Date, NoteSlot::IdentificationProtocol, "date"),
    note(FieldId::BasisKind, Input::Choice(BASIS_KINDS), NoteSlot::BasisDocument, "document"),
    note(FieldId::BasisNumber, Input::Text, NoteSlot::BasisDocument, "number"),
    note(FieldId::BasisDate, Input::Date, NoteSlot::BasisDocument, "date"),
    note(FieldId::PenalLocation, Input::Text, NoteSlot::PenalInstitution, "location"),
    note(FieldId::PenalInstitution, Input::Text, NoteSlot::PenalInstitution, "institution"),
    note(FieldId::AddressAbroad, Input::Text, NoteSlot::AddressAbroad, "address"),
    field(FieldId::AdditionalInformation, Group::ReverseSide, Input::Text, "additional_information"),
];

/// The spec of a field.
pub fn spec(id: FieldId) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|f| f.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_field_appears_once_and_groups_are_contiguous() {
        let mut seen = std::collections::HashSet::new();
        for f in FIELDS {
            assert!(seen.insert(f.id), "{:?} twice", f.id);
        }
        let mut groups: Vec<Group> = FIELDS.iter().map(|f| f.group).collect();
        groups.dedup();
        let unique: std::collections::HashSet<_> = groups.iter().collect();
        assert_eq!(groups.len(), unique.len(), "a group is split: {groups:?}");
    }
}
