//! The numbers the register gives a formulary, and the folded names it searches by.
//!
//! - **Registration number** (M-56): `YYYY-NNNNNNN`, the year of registration and a
//!   sequence that starts at 0000001 every year, e.g. `2024-0000017`. Taken inside the
//!   registering transaction, so numbers are gapless and never repeat.
//! - **Application coupon number** (M-56, M-57): ten digits `NNNNNNNNNC`, nine random digits
//!   (the first not 0, so a spreadsheet keeps all ten) and a Damm check digit `C`. Random,
//!   so that a coupon cannot be guessed from a neighbour's; the check digit catches every
//!   single mistyped digit and every swap of two adjacent digits when the coupon is typed
//!   back at issue. Unique: a coupon already taken is drawn again.

/// The registration number of the `seq`-th formulary of `year`.
pub(crate) fn registration_number(year: i32, seq: i64) -> String {
    format!("{year:04}-{seq:07}")
}

/// The Damm algorithm's quasigroup of order 10 (totally anti-symmetric): the check digit
/// that makes the interim digit 0 catches all single-digit errors and adjacent swaps.
const DAMM: [[u8; 10]; 10] = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/// The Damm interim digit of `digits` (ASCII digits only; anything else gives `None`).
fn damm(digits: &str) -> Option<u8> {
    digits.bytes().try_fold(0u8, |interim, b| {
        let d = b.checked_sub(b'0').filter(|d| *d < 10)?;
        DAMM.get(usize::from(interim))?.get(usize::from(d)).copied()
    })
}

/// The coupon number for a nine-digit random `body` (100000000..=999999999).
pub(crate) fn coupon_from(body: u32) -> Option<String> {
    if !(100_000_000..=999_999_999).contains(&body) {
        return None;
    }
    let body = body.to_string();
    let check = damm(&body)?;
    Some(format!("{body}{check}"))
}

/// The coupon as typed, without spaces and hyphens, when it is ten digits whose check
/// digit is right; `None` for a coupon with a typo.
pub fn parse_coupon(text: &str) -> Option<String> {
    let digits: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    let ok = digits.len() == 10 && damm(&digits) == Some(0);
    ok.then_some(digits)
}

/// The highest number the journal of conclusions takes. A year's journal never nears a
/// billion lines, and the cap keeps the default (the highest number + 1) well inside what
/// the schema's `conclusions.value` column reads (18 digits, version 5): a number typed at
/// the column's limit made the default one digit too long, which the schema refused, and
/// every later default confirm or refuse of the year failed with it.
pub const MAX_CONCLUSION: i64 = 999_999_999;

/// M-16: a number in the journal of conclusions as typed (spaces around ignored), when it
/// is a whole number from 1 to [`MAX_CONCLUSION`]: the journal is numbered line by line each year, so "05" is
/// number 5, and "5a" or "№5" is no number. `None` for anything else.
pub fn parse_conclusion_number(text: &str) -> Option<i64> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let significant = text.trim_start_matches('0');
    if significant.len() > 9 {
        return None;
    }
    significant
        .parse()
        .ok()
        .filter(|n| (1..=MAX_CONCLUSION).contains(n))
}

/// A registration number as typed: spaces around it are not part of it (copied from a
/// list or a terminal, it often carries one), as they are not of a coupon or an IIN.
pub fn registration_key(number: &str) -> &str {
    number.trim()
}

/// A name as the search compares it: trimmed, lower case by Unicode's rules (so Kazakh and
/// Russian letters fold, not only ASCII, which is all SQLite's `lower()` and `LIKE` fold),
/// spaces collapsed, and "ё" read as "е", as clerks type it.
pub fn fold_name(text: &str) -> String {
    let lower = text.to_lowercase().replace('ё', "е");
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name's search key (issue 11): the ASCII skeleton Code lookup folds names onto
/// (`codes::fold::skeleton`: Kazakh, Russian and Latin spellings alike, any case), with
/// the spaces and hyphens between its parts left out, so `Әл-Фараби` is one word
/// `alfarabi` and a query word `ал-фараби` is its prefix.
///
/// ```
/// use kense::store::numbers::name_key;
///
/// assert_eq!(name_key("ЖҰМАБЕКОВ"), "zhumabekov");
/// assert!(name_key("ЖҰМАБЕКОВ").starts_with(&name_key("жумабек")));
/// assert!(name_key("ЖҰМАБЕКОВ").starts_with(&name_key("Zhumabek")));
/// assert_eq!(name_key("Әл-Фараби"), "alfarabi");
/// ```
pub fn name_key(text: &str) -> String {
    crate::codes::fold::skeleton(text).replace(' ', "")
}

/// The words of a name query as [`name_key`]s: whitespace separates words (the surname
/// and the given name), anything else inside a word is folded away.
pub fn name_query_keys(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(name_key)
        .filter(|k| !k.is_empty())
        .collect()
}

/// The least string greater than every string that starts with `prefix` (SQLite compares
/// text by its UTF-8 bytes, which orders as code points): `prefix` with its last character
/// raised by one. `None` when there is no such bound (an empty prefix, or one that ends in
/// the last code point), and then the prefix bounds the range from below only.
pub(crate) fn prefix_end(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    let last = chars.pop()?;
    let next = (u32::from(last) + 1..=u32::from(char::MAX)).find_map(char::from_u32)?;
    chars.push(next);
    Some(chars.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registration_numbers_are_year_and_seven_digits() {
        assert_eq!(registration_number(2024, 17), "2024-0000017");
    }

    #[test]
    fn the_coupon_check_digit_catches_every_single_typo_and_adjacent_swap() {
        let coupon = coupon_from(572_913_480).unwrap_or_else(|| panic!("a body in range"));
        assert_eq!(parse_coupon(&coupon).as_deref(), Some(coupon.as_str()));
        let digits: Vec<u8> = coupon.bytes().collect();
        for i in 0..digits.len() {
            for d in b'0'..=b'9' {
                let mut typo = digits.clone();
                if typo[i] == d {
                    continue;
                }
                typo[i] = d;
                let typo = String::from_utf8(typo).unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(parse_coupon(&typo), None, "{typo} passed for {coupon}");
            }
            if i + 1 < digits.len() && digits[i] != digits[i + 1] {
                let mut swap = digits.clone();
                swap.swap(i, i + 1);
                let swap = String::from_utf8(swap).unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(parse_coupon(&swap), None, "{swap} passed for {coupon}");
            }
        }
        assert_eq!(coupon_from(12), None);
    }

    #[test]
    fn m16_conclusion_numbers_are_whole_numbers_from_one() {
        assert_eq!(parse_conclusion_number("5"), Some(5));
        assert_eq!(parse_conclusion_number(" 05 "), Some(5), "05 is number 5");
        assert_eq!(
            parse_conclusion_number("000000000000000000000017"),
            Some(17)
        );
        assert_eq!(parse_conclusion_number("999999999"), Some(MAX_CONCLUSION));
        assert_eq!(
            parse_conclusion_number("1000000000"),
            None,
            "past the journal's highest number"
        );
        assert_eq!(parse_conclusion_number("999999999999999999"), None);
        for bad in [
            "",
            "  ",
            "0",
            "00",
            "-5",
            "+5",
            "5a",
            "№5",
            "5/2026",
            "٥",
            "1000000000000000000",
        ] {
            assert_eq!(parse_conclusion_number(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn names_fold_kazakh_and_russian_capitals() {
        assert_eq!(fold_name("  АҚЖОЛОВА "), "ақжолова");
        assert_eq!(fold_name("Ақжолова"), fold_name("АҚЖОЛОВА"));
        assert_eq!(fold_name("ӘЛІҒҰЛЫ ҮӨҢҺ"), "әліғұлы үөңһ");
        assert_eq!(fold_name("Фёдоров"), "федоров");
    }

    #[test]
    fn the_prefix_end_bounds_exactly_the_names_with_that_prefix() {
        let end = prefix_end("ақж").unwrap_or_else(|| panic!("a bound"));
        assert_eq!(end, "ақз");
        for name in ["ақж", "ақжолова", "ақжzzz", "ақж\u{10FFFF}"] {
            assert!(name >= "ақж" && name < end.as_str(), "{name}");
        }
        for name in ["ақз", "ақи", "ақ", "ақ\u{0}"] {
            assert!(!(name >= "ақж" && name < end.as_str()), "{name}");
        }
        assert_eq!(prefix_end(""), None);
    }
}
