//! Between what the clerk typed and the domain's `Formulary`: every field's text becomes
//! the model's value, and what cannot (a date that is not a date) becomes a violation on
//! that field, so nothing typed is lost and the clerk is told where.

use super::spec::{FIELDS, FieldId, Input, NoteSlot, spec};
use crate::domain::formulary::{
    BasisKind, Citizenship, Formulary, Note, PreviousResidence, Residence, Severity, Signature,
    Violation,
};
use crate::domain::{DocumentKind, Sex};
use chrono::NaiveDate;
use std::collections::HashMap;

/// The typed text of every field.
pub type Values = HashMap<FieldId, String>;

/// A date as clerks type it, `DD.MM.YYYY`, or as JSON writes it, `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%d.%m.%Y")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .ok()
}

/// How a date is shown in the form.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// The formulary the values make, and the violations of values that make nothing.
pub fn to_formulary(
    values: &Values,
    clerk: &str,
    filled_on: NaiveDate,
) -> (Formulary, Vec<Violation>) {
    let mut problems = Vec::new();
    let text = |id: FieldId| {
        values
            .get(&id)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let mut date = |id: FieldId, path: String| {
        let raw = text(id)?;
        let parsed = parse_date(&raw);
        if parsed.is_none() {
            problems.push(bad_date(path, &raw));
        }
        parsed
    };
    let birth_date = date(FieldId::BirthDate, "birth_date".into());
    let arrival_date = date(FieldId::ArrivalDate, "residence.arrival_date".into());
    let change_date = date(FieldId::ChangeDate, "data_change.date".into());
    let mut notes = Vec::new();
    for slot in NoteSlot::ALL {
        let index = notes.len();
        let path = |json: &str| format!("reverse_side[{index}].{json}");
        let filled = FIELDS
            .iter()
            .filter(|f| f.note == Some(slot))
            .any(|f| text(f.id).is_some());
        if !filled {
            continue;
        }
        let note = match slot {
            NoteSlot::ParentId => Note::ParentId {
                number: text(FieldId::ParentIdNumber),
                date: date(FieldId::ParentIdDate, path("date")),
                issuer: text(FieldId::ParentIdIssuer),
            },
            NoteSlot::Conclusion => Note::Conclusion {
                number: text(FieldId::ConclusionNumber),
                date: date(FieldId::ConclusionDate, path("date")),
            },
            NoteSlot::IdentificationProtocol => Note::IdentificationProtocol {
                number: text(FieldId::ProtocolNumber),
                date: date(FieldId::ProtocolDate, path("date")),
            },
            NoteSlot::BasisDocument => Note::BasisDocument {
                document: text(FieldId::BasisKind).and_then(|k| basis_kind(&k)),
                number: text(FieldId::BasisNumber),
                date: date(FieldId::BasisDate, path("date")),
            },
            NoteSlot::PenalInstitution => Note::PenalInstitution {
                location: text(FieldId::PenalLocation),
                institution: text(FieldId::PenalInstitution),
            },
            NoteSlot::AddressAbroad => Note::AddressAbroad {
                address: text(FieldId::AddressAbroad),
            },
        };
        notes.push(note);
    }
    let citizenship =
        text(FieldId::Citizenship).and_then(|raw| match Citizenship::try_from(raw.clone()) {
            Ok(c) => Some(c),
            Err(_) => {
                problems.push(Violation {
                    field: "citizenship".into(),
                    rule: "K-CITIZENSHIP",
                    severity: Severity::Error,
                    message: crate::i18n::form::bad_citizenship(&raw),
                });
                None
            }
        });
    let residence =
        (text(FieldId::ResidenceAddress).is_some() || arrival_date.is_some()).then(|| Residence {
            address: text(FieldId::ResidenceAddress),
            arrival_date,
        });
    let signature = match text(FieldId::Signature).as_deref() {
        Some("present") => Some(Signature::Present),
        Some("absent") => Some(Signature::Absent {
            reason: text(FieldId::SignatureReason),
        }),
        _ => None,
    };
    let mut formulary = Formulary {
        document: text(FieldId::Document).and_then(|d| document_kind(&d)),
        filling_code: text(FieldId::FillingCode),
        iin: text(FieldId::Iin),
        surname: text(FieldId::Surname),
        given_name: text(FieldId::GivenName),
        patronymic: text(FieldId::Patronymic),
        birth_date,
        birth_place: text(FieldId::BirthPlace),
        sex: match text(FieldId::Sex).as_deref() {
            Some("male") => Some(Sex::Male),
            Some("female") => Some(Sex::Female),
            _ => None,
        },
        nationality: text(FieldId::Nationality),
        citizenship,
        region_code: text(FieldId::RegionCode),
        district_code: text(FieldId::DistrictCode),
        residence,
        previous_residence: text(FieldId::PreviousAddress).map(|address| PreviousResidence {
            address: Some(address),
        }),
        signature,
        reverse_side: notes,
        additional_information: text(FieldId::AdditionalInformation),
        filled_on: Some(filled_on),
        clerk: Some(clerk.to_string()),
        overrides: Vec::new(),
        ..Formulary::default()
    };
    super::grounds::fill(&mut formulary, text, change_date);
    (formulary, problems)
}

fn bad_date(field: String, raw: &str) -> Violation {
    Violation {
        field,
        rule: "K-DATE",
        severity: Severity::Error,
        message: crate::i18n::form::bad_date(raw),
    }
}

fn document_kind(text: &str) -> Option<DocumentKind> {
    Some(match text {
        "passport" => DocumentKind::Passport,
        "id_card" => DocumentKind::IdCard,
        "residence_permit" => DocumentKind::ResidencePermit,
        "stateless_certificate" => DocumentKind::StatelessCertificate,
        _ => return None,
    })
}

fn basis_kind(text: &str) -> Option<BasisKind> {
    Some(match text {
        "birth_certificate" => BasisKind::BirthCertificate,
        "marriage_record" => BasisKind::MarriageRecord,
        "divorce_record" => BasisKind::DivorceRecord,
        "data_change_conclusion" => BasisKind::DataChangeConclusion,
        _ => return None,
    })
}

/// The field a violation's JSON path points at, given where each note went; `None` when
/// the violation is about the formulary as a whole or a note that is not there.
pub fn field_of(path: &str, notes: &[NoteSlot]) -> Option<FieldId> {
    if let Some(rest) = path.strip_prefix("reverse_side[") {
        let (index, json) = rest.split_once("].")?;
        let slot = *notes.get(index.parse::<usize>().ok()?)?;
        return FIELDS
            .iter()
            .find(|f| f.note == Some(slot) && f.path == json)
            .map(|f| f.id);
    }
    FIELDS
        .iter()
        .filter(|f| f.note.is_none())
        .find(|f| f.path == path)
        .or_else(|| {
            // "residence" when the whole of field 13 is missing: its first field.
            FIELDS
                .iter()
                .filter(|f| f.note.is_none())
                .find(|f| f.path.starts_with(path) && f.path[path.len()..].starts_with('.'))
        })
        .map(|f| f.id)
}

/// The notes, in the order `to_formulary` wrote them.
pub fn note_order(values: &Values) -> Vec<NoteSlot> {
    NoteSlot::ALL
        .into_iter()
        .filter(|slot| {
            FIELDS
                .iter()
                .filter(|f| f.note == Some(*slot))
                .any(|f| values.get(&f.id).is_some_and(|v| !v.trim().is_empty()))
        })
        .collect()
}

/// Whether the field is one whose value is one of a few.
pub fn is_choice(id: FieldId) -> bool {
    spec(id).is_some_and(|s| matches!(s.input, Input::Choice(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("date"))
    }

    #[test]
    fn dates_are_typed_the_way_clerks_write_them() {
        assert_eq!(parse_date("17.05.1990"), Some(date(1990, 5, 17)));
        assert_eq!(parse_date(" 1990-05-17 "), Some(date(1990, 5, 17)));
        assert_eq!(parse_date("31.02.1990"), None);
        assert_eq!(format_date(date(2001, 1, 2)), "02.01.2001");
    }

    #[test]
    fn a_bad_date_is_a_violation_on_its_field_and_the_rest_still_converts() {
        let mut values = Values::new();
        values.insert(FieldId::Surname, "Ахметова".into());
        values.insert(FieldId::BirthDate, "17/05/1990".into());
        values.insert(FieldId::ParentIdNumber, "045678912".into());
        values.insert(FieldId::ParentIdDate, "вчера".into());
        let (formulary, problems) = to_formulary(&values, "clerk", date(2026, 11, 22));
        assert_eq!(formulary.surname.as_deref(), Some("Ахметова"));
        assert_eq!(formulary.birth_date, None);
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["birth_date", "reverse_side[0].date"]);
        assert_eq!(formulary.reverse_side.len(), 1);
    }

    #[test]
    fn violations_find_their_fields_through_note_positions() {
        let notes = [NoteSlot::Conclusion, NoteSlot::BasisDocument];
        assert_eq!(
            field_of("reverse_side[1].number", &notes),
            Some(FieldId::BasisNumber)
        );
        assert_eq!(
            field_of("reverse_side[0].date", &notes),
            Some(FieldId::ConclusionDate)
        );
        assert_eq!(
            field_of("residence.arrival_date", &notes),
            Some(FieldId::ArrivalDate)
        );
        assert_eq!(
            field_of("residence", &notes),
            Some(FieldId::ResidenceAddress)
        );
        assert_eq!(field_of("reverse_side", &notes), None);
    }
}
