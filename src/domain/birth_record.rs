//! M-12.a: what a parent shows for a child's IIN, and the request to the civil registry.
//!
//! A parent presents the child's birth certificate and their own identity document; the
//! birth record is looked up in ИС ЗАГС. When it is not there, the original certificate is
//! checked and a request for a copy of the birth record goes to the civil registry (РАГС)
//! within two working days: a term in the work queue until it is marked sent.

use super::Text;
use super::calendar::{CalendarError, m12a_registry_request_due};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What was shown for a child's IIN (M-12.a).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildIinBasis {
    /// The birth certificate's number, date of issue and issuer.
    pub certificate_number: String,
    pub certificate_date: NaiveDate,
    pub certificate_issuer: String,
    /// The parent's or legal representative's identity document (kind and number).
    pub parent_document: String,
    /// Whether the birth record was found in ИС ЗАГС.
    pub zags_found: bool,
}

impl ChildIinBasis {
    /// What is wrong with it, by field, for a child born on `birth_date`, as of `today`;
    /// empty when nothing is. Messages never repeat the values (personal data).
    pub fn problems(&self, birth_date: NaiveDate, today: NaiveDate) -> Vec<(&'static str, Text)> {
        let mut found = Vec::new();
        let blank = |s: &str| s.trim().is_empty() || s.chars().any(char::is_control);
        for (field, value) in [
            ("certificate_number", &self.certificate_number),
            ("certificate_issuer", &self.certificate_issuer),
            ("parent_document", &self.parent_document),
        ] {
            if blank(value) {
                found.push((
                    field,
                    Text::new(
                        "поле не заполнено или содержит управляющие символы (M-12.a)",
                        "өріс толтырылмаған немесе басқару таңбалары бар (M-12.a)",
                        "the field is empty or holds control characters (M-12.a)",
                    ),
                ));
            }
        }
        if self.certificate_date < birth_date || self.certificate_date > today {
            found.push((
                "certificate_date",
                Text::new(
                    "свидетельство о рождении выдано до рождения или ещё не выдано (M-12.a)",
                    "туу туралы куәлік туғанға дейін берілген немесе әлі берілмеген (M-12.a)",
                    "the birth certificate is dated before the birth or in the future (M-12.a)",
                ),
            ));
        }
        found
    }

    /// M-12.a: the day the request to РАГС is due, for an application on `applied_on`;
    /// `None` when the birth record was found in ИС ЗАГС (no request).
    pub fn registry_request_due(
        &self,
        applied_on: NaiveDate,
    ) -> Result<Option<NaiveDate>, CalendarError> {
        registry_request_due(applied_on, self.zags_found)
    }
}

/// M-12.a, for the work queue: the day the request to РАГС for a copy of the birth record
/// is due when the record was not found in ИС ЗАГС (two working days from the
/// application), `None` when it was found.
pub fn registry_request_due(
    applied_on: NaiveDate,
    zags_found: bool,
) -> Result<Option<NaiveDate>, CalendarError> {
    if zags_found {
        Ok(None)
    } else {
        m12a_registry_request_due(applied_on).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_else(|| panic!("bad date"))
    }

    fn basis(zags_found: bool) -> ChildIinBasis {
        ChildIinBasis {
            certificate_number: "I-АК 0123456".into(),
            certificate_date: d(2026, 11, 20),
            certificate_issuer: "РАГС г. Кокшетау".into(),
            parent_document: "удостоверение 043215678".into(),
            zags_found,
        }
    }

    #[test]
    fn m12a_a_record_missing_from_zags_is_requested_within_two_working_days() {
        // Friday 4 December 2026: due Tuesday the 8th.
        assert_eq!(
            basis(false).registry_request_due(d(2026, 12, 4)),
            Ok(Some(d(2026, 12, 8)))
        );
        assert_eq!(basis(true).registry_request_due(d(2026, 12, 4)), Ok(None));
        assert_eq!(
            registry_request_due(d(2026, 12, 4), false),
            Ok(Some(d(2026, 12, 8)))
        );
    }

    #[test]
    fn m12a_what_was_shown_is_checked_without_repeating_it() {
        assert!(
            basis(true)
                .problems(d(2026, 11, 1), d(2026, 12, 4))
                .is_empty()
        );
        let mut b = basis(true);
        b.parent_document = " ".into();
        b.certificate_date = d(2026, 10, 1);
        let fields: Vec<_> = b
            .problems(d(2026, 11, 1), d(2026, 12, 4))
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(fields, ["parent_document", "certificate_date"]);
    }
}
