//! The filter line of the Register tab. One line, as a clerk types it: bare words are what
//! they look like (12 digits an IIN, `2026-0000123` a registration number, 10 digits a
//! coupon, letters a surname and given name); `status:`, `code:`, `from:`, `to:`,
//! `region:`, `district:` narrow further. Dates are `DD.MM.YYYY` or `YYYY-MM-DD`.

use crate::domain::lifecycle::State;
use crate::store::numbers::parse_coupon;
use crate::store::{Bound, NoMatch, Query};
use crate::tui::screens::formulary::convert::parse_date;
use chrono::NaiveDate;

/// The register query the filter line asks for; unknown `key:` words are kept as name
/// words, so nothing typed is silently dropped.
pub fn parse_filter(line: &str, limit: usize) -> Query {
    read(line, limit).0
}

/// Why the filter line can match nothing (issue 11), as `kense register` says it: a key
/// whose value is no status or date, a code of no directory, a district the region does
/// not have, an IIN that is not one, a coupon with a typo (M-57), a span that ends before
/// it starts. `None` when the register may hold a match. The screen shows it instead of
/// an empty page.
pub fn filter_problem(line: &str) -> Option<NoMatch> {
    let (query, problem) = read(line, 0);
    problem.or_else(|| query.no_match())
}

/// The query of `line`, and the first `key:value` whose value cannot be read.
fn read(line: &str, limit: usize) -> (Query, Option<NoMatch>) {
    let mut query = Query {
        limit,
        ..Query::default()
    };
    let mut problem = None;
    let mut name = Vec::new();
    for word in words(line) {
        let word = word.as_str();
        if let Some((key, value)) = word.split_once(':') {
            let taken = match key.to_lowercase().as_str() {
                "status" | "статус" => {
                    query.status = state(value);
                    if query.status.is_none() && !value.is_empty() {
                        problem.get_or_insert(NoMatch::Status);
                    }
                    true
                }
                // As clerks type them: "code:8" is filling code 08, "district:53" is 053.
                // Only a number is padded: a bare "code:" (still being typed) is not 00,
                // a real code (children under 16, M-31), and narrows nothing yet.
                "code" | "код" => {
                    query.filling_code = padded(value, 2);
                    true
                }
                "from" | "с" => {
                    query.from = date(value, Bound::From, &mut problem);
                    true
                }
                "to" | "по" => {
                    query.to = date(value, Bound::To, &mut problem);
                    true
                }
                "region" | "область" => {
                    query.region_code = padded(value, 0);
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
        } else if is_coupon_shape(word) {
            // A coupon with a typo is kept as typed: it matches nothing, and
            // `filter_problem` calls it a typo (M-57).
            query.coupon = Some(parse_coupon(word).unwrap_or_else(|| word.to_string()));
        } else {
            name.push(word.to_string());
        }
    }
    if !name.is_empty() {
        query.name_prefix = Some(name.join(" "));
    }
    (query, problem)
}

/// A date key's value: `None` while it is still empty (narrows nothing yet) or when it
/// cannot be read, which is noted as the problem.
fn date(value: &str, bound: Bound, problem: &mut Option<NoMatch>) -> Option<NaiveDate> {
    let day = parse_date(value);
    if day.is_none() && !value.is_empty() {
        problem.get_or_insert(NoMatch::Date(bound));
    }
    day
}

/// The words of the line, a coupon typed in groups (`126 950 6925`, as printed on some
/// coupons and as clerks read digits aloud) joined into one word: digit groups that
/// together make exactly ten digits, none of them an IIN or a registration number.
fn words(line: &str) -> Vec<String> {
    let raw: Vec<&str> = line.split_whitespace().collect();
    let group = |w: &str| {
        w.chars().all(|c| c.is_ascii_digit() || c == '-')
            && w.chars().any(|c| c.is_ascii_digit())
            && !is_registration_number(w)
            && w.len() != 12
    };
    let count = |w: &str| w.chars().filter(char::is_ascii_digit).count();
    let mut out = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let mut j = i;
        let mut total = 0;
        while j < raw.len() && group(raw[j]) && total < 10 {
            total += count(raw[j]);
            j += 1;
        }
        if j > i + 1 && total == 10 {
            out.push(raw[i..j].concat());
            i = j;
        } else {
            out.push(raw[i].to_string());
            i += 1;
        }
    }
    out
}

/// Ten digits, with hyphens anywhere between them: a coupon, right or mistyped.
fn is_coupon_shape(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit() || c == '-')
        && word.chars().filter(char::is_ascii_digit).count() == 10
        && word.chars().next().is_some_and(|c| c.is_ascii_digit())
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

/// A code as typed, padded to `width` digits (0: as typed); `None` (no filter) for an empty
/// value. Text that is no number is kept as typed: it matches nothing, and
/// `filter_problem` says the code is of no directory.
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
    fn a_key_of_no_meaning_is_kept_as_text_and_a_bad_value_is_named() {
        let q = parse_filter("colour:red", 50);
        assert_eq!(q.name_prefix.as_deref(), Some("colour:red"));
        assert_eq!(parse_filter("status:nonsense", 50).status, None);
        assert_eq!(filter_problem("status:nonsense"), Some(NoMatch::Status));
        assert_eq!(
            filter_problem("from:32.01.2026"),
            Some(NoMatch::Date(Bound::From))
        );
        assert_eq!(filter_problem("to:x"), Some(NoMatch::Date(Bound::To)));
    }

    #[test]
    fn a_filter_that_can_match_nothing_says_why() {
        assert_eq!(filter_problem("code:02"), Some(NoMatch::FillingCode));
        assert_eq!(filter_problem("code:x"), Some(NoMatch::FillingCode));
        assert_eq!(filter_problem("region:1234"), Some(NoMatch::Region));
        assert_eq!(
            filter_problem("region:1902 district:999"),
            Some(NoMatch::District {
                region: Some("1902".into())
            })
        );
        assert_eq!(
            filter_problem("from:02.01.2026 to:01.01.2026"),
            Some(NoMatch::Span)
        );
        assert!(matches!(
            filter_problem("950103450001"),
            Some(NoMatch::Iin(
                crate::domain::iin::NumberError::CheckDigit { .. }
            ))
        ));
        assert_eq!(filter_problem("1269506924"), Some(NoMatch::CouponTypo));
        for fine in [
            "",
            "ахм",
            "code:8 district:204",
            "status:",
            "from:",
            "1269506925",
        ] {
            assert_eq!(filter_problem(fine), None, "{fine}");
        }
    }

    #[test]
    fn a_coupon_is_read_with_hyphens_and_spaces() {
        for typed in ["1269506925", "126-9506925", "126 9506925", "12 695 069 25"] {
            let q = parse_filter(typed, 50);
            assert_eq!(q.coupon.as_deref(), Some("1269506925"), "{typed}");
            assert_eq!(q.name_prefix, None, "{typed}");
        }
        // Digits that make no coupon stay what they were.
        let q = parse_filter("2026-0000123 12", 50);
        assert_eq!(q.number.as_deref(), Some("2026-0000123"));
        assert_eq!(q.name_prefix.as_deref(), Some("12"));
    }
}
