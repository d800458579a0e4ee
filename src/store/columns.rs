//! The columns a formulary is registered and searched by, taken from the formulary once it
//! is validated (`accepted`): kept apart from the writes in `formularies.rs`.

use super::StoreError;
use super::records::key;
use crate::domain::formulary::{Formulary, Severity, Violation, overrides_in_use, rule, validate};
use crate::domain::iin::Iin;
use chrono::NaiveDate;

/// The columns a formulary is searched by, taken from a validated formulary. Its IIN and
/// names are its person's too ([`super::persons::upsert_person`]).
pub(super) struct Columns {
    pub(super) iin: String,
    pub(super) surname: String,
    pub(super) given_name: String,
    pub(super) patronymic: Option<String>,
    pub(super) filling_code: String,
    pub(super) region_code: String,
    pub(super) district_code: String,
    pub(super) document: String,
}

impl Columns {
    fn of(f: &Formulary) -> Result<Columns, StoreError> {
        let iin = required("iin", f.iin.as_deref())?;
        let iin = Iin::parse(iin).map_or_else(|_| iin.to_string(), |i| i.as_str().to_string());
        let document = f
            .document
            .ok_or_else(|| missing("document"))
            .and_then(|d| key(&d))?;
        Ok(Columns {
            iin,
            surname: required("surname", f.surname.as_deref())?.to_string(),
            given_name: required("given_name", f.given_name.as_deref())?.to_string(),
            patronymic: filled(f.patronymic.as_deref()).map(str::to_string),
            filling_code: required("filling_code", f.filling_code.as_deref())?.to_string(),
            region_code: required("region_code", f.region_code.as_deref())?.to_string(),
            district_code: required("district_code", f.district_code.as_deref())?.to_string(),
            document,
        })
    }
}

fn filled(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

fn missing(field: &str) -> StoreError {
    StoreError::Invalid(vec![Violation {
        field: field.to_string(),
        rule: rule::REQUIRED,
        severity: Severity::Error,
        message: crate::i18n::store::field_empty(),
    }])
}

/// `validate` requires these fields; checked again so that no path leads to a panic.
fn required<'a>(field: &str, text: Option<&'a str>) -> Result<&'a str, StoreError> {
    filled(text).ok_or_else(|| missing(field))
}

/// Validates as of `today`: every open error and warning not overridden refuses it. What
/// is kept is the formulary with only the overrides that let a warning present pass, each
/// once (issue 15: the register holds no overrides of nothing).
pub(super) fn accepted(
    f: &Formulary,
    today: NaiveDate,
) -> Result<(Columns, Formulary), StoreError> {
    let report = validate(f, today);
    if !report.is_accepted() {
        return Err(StoreError::Invalid(report.open().cloned().collect()));
    }
    let kept = Formulary {
        overrides: overrides_in_use(f, &report),
        ..f.clone()
    };
    Ok((Columns::of(&kept)?, kept))
}
