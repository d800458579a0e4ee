//! The filter line of the Register tab. One line, as a clerk types it: bare words are what
//! they look like (12 digits an IIN, `2026-0000123` a registration number, 10 digits a
//! coupon, letters a surname and given name); `status:`, `code:`, `from:`, `to:`,
//! `region:`, `district:` narrow further. Dates are `DD.MM.YYYY` or `YYYY-MM-DD`.

use crate::domain::lifecycle::State;
use crate::store::Query;
use crate::store::numbers::parse_coupon;
use crate::tui::screens::formulary::convert::parse_date;

/// The register query the filter line asks for; unknown `key:` words are kept as name
/// words, so nothing typed is silently dropped.
pub fn parse_filter(line: &str, limit: usize) -> Query {
    let mut query = Query {
        limit,
        ..Query::default()
    };
    let mut name = Vec::new();
    for word in line.split_whitespace() {
        if let Some((key, value)) = word.split_once(':') {
            let taken = match key.to_lowercase().as_str() {
                "status" | "статус" => state(value).map(|s| query.status = Some(s)).is_some(),
                // As clerks type them: "code:8" is filling code 08, "district:53" is 053.
                // Only a number is padded: a bare "code:" (still being typed) is not 00,
                // a real code (children under 16, M-31), and narrows nothing yet.
                "code" | "код" => {
                    query.filling_code = padded(value, 2);
                    true
                }
                "from" | "с" => parse_date(value).map(|d| query.from = Some(d)).is_some(),
                "to" | "по" => parse_date(value).map(|d| query.to = Some(d)).is_some(),
                "region" | "область" => {
                    query.region_code = Some(value.to_string());
                    true
                }
                "district" | "район" => {
                    query.district_code = padded(value, 3);
                    true
                }
                _ => false,
            };
            if taken {
                continue;
            }
        }
        let digits = word.chars().all(|c| c.is_ascii_digit());
        if digits && word.len() == 12 {
            query.iin = Some(word.to_string());
        } else if is_registration_number(word) {
            query.number = Some(word.to_string());
        } else if let Some(coupon) = parse_coupon(word).filter(|_| digits) {
            query.coupon = Some(coupon);
        } else {
            name.push(word);
        }
    }
    if !name.is_empty() {
        query.name_prefix = Some(name.join(" "));
    }
    query
}

/// `YYYY-NNNNNNN`, the registration number's form.
fn is_registration_number(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() == 12
        && bytes[4] == b'-'
        && bytes[..4].iter().chain(&bytes[5..]).all(u8::is_ascii_digit)
}

/// A status by its JSON name or its name in any of the three languages.
fn state(text: &str) -> Option<State> {
    let text = text.to_lowercase();
    State::ALL.into_iter().find(|s| {
        let names = s.text();
        let json = serde_json::to_value(s).ok();
        json.as_ref().and_then(|v| v.as_str()) == Some(text.as_str())
            || [names.ru, names.kk, names.en]
                .iter()
                .any(|n| n.to_lowercase().starts_with(&text) && !text.is_empty())
    })
}

/// A code as typed, padded to `width` digits; `None` (no filter) for an empty value. Text
/// that is no number is kept as typed, and matches nothing.
fn padded(value: &str, width: usize) -> Option<String> {
    if value.is_empty() {
        None
    } else if value.bytes().all(|b| b.is_ascii_digit()) {
        Some(format!("{value:0>width$}"))
    } else {
        Some(value.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn bare_words_are_read_by_their_shape() {
        let q = parse_filter("900517300128", 50);
        assert_eq!(q.iin.as_deref(), Some("900517300128"));
        let q = parse_filter("2026-0000123", 50);
        assert_eq!(q.number.as_deref(), Some("2026-0000123"));
        let q = parse_filter("Ахметова Айгүл", 50);
        assert_eq!(q.name_prefix.as_deref(), Some("Ахметова Айгүл"));
    }

    #[test]
    fn keys_narrow_the_search() {
        let q = parse_filter("status:sent code:08 from:01.11.2026 to:2026-11-22 ахм", 50);
        assert_eq!(q.status, Some(State::Sent));
        assert_eq!(q.filling_code.as_deref(), Some("08"));
        assert_eq!(q.from, NaiveDate::from_ymd_opt(2026, 11, 1));
        assert_eq!(q.to, NaiveDate::from_ymd_opt(2026, 11, 22));
        assert_eq!(q.name_prefix.as_deref(), Some("ахм"));
        assert_eq!(parse_filter("статус:выдан", 50).status, Some(State::Issued));
    }

    #[test]
    fn a_key_still_being_typed_narrows_nothing() {
        let q = parse_filter("code: district:", 50);
        assert_eq!(q.filling_code, None);
        assert_eq!(q.district_code, None);
    }

    #[test]
    fn codes_are_read_as_clerks_type_them() {
        let q = parse_filter("code:8 district:53", 50);
        assert_eq!(q.filling_code.as_deref(), Some("08"));
        assert_eq!(q.district_code.as_deref(), Some("053"));
        let q = parse_filter("код:18 район:204", 50);
        assert_eq!(q.filling_code.as_deref(), Some("18"));
        assert_eq!(q.district_code.as_deref(), Some("204"));
    }

    #[test]
    fn a_key_that_means_nothing_is_kept_as_text() {
        let q = parse_filter("status:nonsense", 50);
        assert_eq!(q.status, None);
        assert_eq!(q.name_prefix.as_deref(), Some("status:nonsense"));
    }
}
