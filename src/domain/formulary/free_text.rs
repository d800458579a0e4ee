//! Every text of a formulary, by its JSON path, with its limit (issue 15): no control
//! character (`K-TEXT`), no more than the field's limit (`K-LENGTH`), and no more notes or
//! overrides than a form takes (`K-ROWS`). See `crate::domain::text`.

use super::grounds::DataChange;
use super::model::{Formulary, Signature};
use super::notes::Note;
use super::validate::Findings;
use crate::domain::text::{self, limit};

/// Notes on the free space of one reverse side: a handful in practice (a conclusion, a
/// protocol, a parent's document, an address abroad, a basis document).
pub const MAX_NOTES: usize = 20;
/// Overrides of one formulary: each lets one warning pass, and a formulary has few.
pub const MAX_OVERRIDES: usize = 20;

/// Names every text that holds a control character or is too long, and a list of notes or
/// overrides longer than a form takes.
pub(super) fn check(f: &Formulary, found: &mut Findings) {
    for (field, value, max) in texts(f) {
        if let Some(value) = value
            && let Err(problem) = text::check(value, max)
        {
            found.error(field, problem.rule(), problem.text());
        }
    }
    for (field, count, max) in [
        ("reverse_side", f.reverse_side.len(), MAX_NOTES),
        ("overrides", f.overrides.len(), MAX_OVERRIDES),
    ] {
        if count > max {
            found.error(field, text::rule::ROWS, text::too_many_rows(max));
        }
    }
}

/// One text field: (JSON path, value, limit).
fn one<'a>(field: &str, value: &'a Option<String>, max: usize) -> (String, Option<&'a str>, usize) {
    (field.to_string(), value.as_deref(), max)
}

/// Every text of the formulary: (JSON path, value, limit in characters).
fn texts(f: &Formulary) -> Vec<(String, Option<&str>, usize)> {
    let mut all = vec![
        one("filling_code", &f.filling_code, limit::NUMBER),
        one("iin", &f.iin, limit::NUMBER),
        one("surname", &f.surname, limit::NAME),
        one("given_name", &f.given_name, limit::NAME),
        one("patronymic", &f.patronymic, limit::NAME),
        one("birth_place", &f.birth_place, limit::PLACE),
        one("nationality", &f.nationality, limit::NAME),
        one("region_code", &f.region_code, limit::NUMBER),
        one("district_code", &f.district_code, limit::NUMBER),
        one(
            "additional_information",
            &f.additional_information,
            limit::NOTE,
        ),
        one("clerk", &f.clerk, limit::CLERK),
    ];
    if let Some(r) = &f.residence {
        all.push(one("residence.address", &r.address, limit::ADDRESS));
    }
    if let Some(p) = &f.previous_residence {
        all.push(one(
            "previous_residence.address",
            &p.address,
            limit::ADDRESS,
        ));
    }
    if let Some(Signature::Absent { reason }) = &f.signature {
        all.push(one("signature.reason", reason, limit::NOTE));
    }
    for (i, note) in f.reverse_side.iter().take(MAX_NOTES).enumerate() {
        for (name, value) in note.texts() {
            let max = match (note, name) {
                (_, "number") => limit::NUMBER,
                (Note::AddressAbroad { .. }, _) => limit::ADDRESS,
                _ => limit::PLACE,
            };
            all.push((format!("reverse_side[{i}].{name}"), value, max));
        }
    }
    // The grounds of issue 14 (M-8, M-12.d).
    all.push(one(
        "signature_document",
        &f.signature_document,
        limit::PLACE,
    ));
    match &f.data_change {
        Some(DataChange::Zags { reference }) => {
            all.push(one("data_change.reference", reference, limit::NUMBER));
        }
        Some(DataChange::Conclusion { number, .. }) => {
            all.push(one("data_change.number", number, limit::NUMBER));
        }
        _ => {}
    }
    for (i, o) in f.overrides.iter().take(MAX_OVERRIDES).enumerate() {
        all.push((format!("overrides[{i}].rule"), Some(&o.rule), limit::NUMBER));
        all.push((
            format!("overrides[{i}].field"),
            Some(&o.field),
            limit::NUMBER,
        ));
        all.push((
            format!("overrides[{i}].reason"),
            o.reason.as_deref(),
            limit::NOTE,
        ));
    }
    all
}
