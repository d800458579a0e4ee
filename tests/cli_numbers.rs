//! `kense iin check` and `kense bin check` as a user runs them.

mod common;

use assert_cmd::Command;
use chrono::NaiveDate;
use common::Run;
use kense::domain::Sex;
use kense::domain::iin::Iin;
use serde_json::Value;

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::cargo_bin("kense")
        .unwrap_or_else(|e| panic!("{e}"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    Run::from(output).into_parts()
}

#[test]
fn a_valid_iin_is_decoded() {
    // Checked by hand: 9·1 + 5·4 + 1·5 + 7·6 + 3·7 + 1·10 + 2·11 = 129 ≡ 8 (mod 11).
    let (code, out, _) = run(&["iin", "check", "900517300128"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        out,
        "IIN 900517300128: correct\nbirth date  1990-05-17\nYYMMDD      900517\nsex         male\nserial      0012\n"
    );
    let (_, ru, _) = run(&["iin", "check", "900517300128", "--lang", "ru"]);
    assert!(ru.contains("дата рождения     17.05.1990"), "{ru}");
}

#[test]
fn iin_json_lists_the_parts_in_order() {
    let (code, out, _) = run(&["iin", "check", " 900517300128 ", "--json"]);
    assert_eq!(code, Some(0));
    let value: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(value["valid"], true);
    assert_eq!(value["birth_date"], "1990-05-17");
    assert_eq!(value["sex"], "male");
    let keys: Vec<&str> = value
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    assert_eq!(
        keys,
        [
            "number",
            "valid",
            "birth_date",
            "birth_date_yymmdd",
            "sex",
            "serial"
        ]
    );
}

#[test]
fn an_invalid_iin_says_which_part_is_wrong_and_exits_1() {
    for (number, reason) in [
        ("900517300125", "check digit 5 is wrong, it should be 8"),
        ("12345", "must be 12 digits, 5 given"),
        ("90051730012x", "position 12 is not a digit"),
        ("901317300128", "digits 3–4 must be a month"),
        ("900231300128", "digits 5–6 must be a day of month 02"),
        (
            "900517900128",
            "the 7th digit (century and sex) must be 0–6, not 9",
        ),
    ] {
        let (code, out, _) = run(&["iin", "check", number]);
        assert_eq!(code, Some(1), "{number}");
        assert!(out.contains(reason), "{number}: {out}");
    }
    let (code, out, _) = run(&["iin", "check", "900517300125", "--json", "--lang", "kk"]);
    assert_eq!(code, Some(1));
    let value: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(value["valid"], false);
    assert_eq!(value["reason"]["kk"], "бақылау цифры 5 қате, 8 болуы керек");
}

#[test]
fn the_cli_agrees_with_the_library_on_generated_iins() {
    let born = NaiveDate::from_ymd_opt(2016, 2, 29).unwrap_or_else(|| panic!("leap day"));
    let (iin, _) = Iin::next_after(born, Sex::Female, 40).unwrap_or_else(|| panic!("free serial"));
    let (code, out, _) = run(&["iin", "check", iin.as_str()]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("birth date  2016-02-29") && out.contains("female"),
        "{out}"
    );
}

#[test]
fn a_valid_bin_is_decoded() {
    // 4·2 + 5·4 + 4·5 + 1·10 + 2·11 = 80 ≡ 3 (mod 11).
    let (code, out, _) = run(&["bin", "check", "040540000123"]);
    assert_eq!(code, Some(0));
    assert!(out.starts_with("BIN 040540000123: correct\n"), "{out}");
    assert!(out.contains("registered (YY-MM)  04-05"), "{out}");
    assert!(out.contains("resident legal entity"), "{out}");
    assert!(out.contains("head unit"), "{out}");
    let (_, json, _) = run(&["bin", "check", "040540000123", "--json"]);
    let value: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert_eq!(value["entity_type"], "resident_legal_entity");
    assert_eq!(value["unit"], "head_unit");
}

#[test]
fn an_invalid_bin_says_which_part_is_wrong() {
    for (number, reason) in [
        (
            "040570000123",
            "the 5th digit (entity type) must be 4, 5 or 6, not 7",
        ),
        ("040548000123", "the 6th digit (unit) must be 0–3, not 8"),
        ("040540000124", "check digit 4 is wrong, it should be 3"),
    ] {
        let (code, out, _) = run(&["bin", "check", number]);
        assert_eq!(code, Some(1), "{number}");
        assert!(out.contains(reason), "{number}: {out}");
    }
    let (code, _, err) = run(&["bin", "check"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("<NUMBER>"), "{err}");
}

#[test]
fn a_foreign_nationals_iin_shows_its_date_without_a_century() {
    // 7th digit 0: no century and no sex; 29 February of '00 is real in 2000.
    let (code, out, _) = run(&["iin", "check", "000229000016"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("??00-02-29 (century not encoded)"), "{out}");
    assert!(out.contains("not encoded (foreign national)"), "{out}");
    let (_, json, _) = run(&["iin", "check", "000229000016", "--json"]);
    let value: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert_eq!(value["birth_date"], Value::Null);
    assert_eq!(value["birth_date_yymmdd"], "000229");
}

#[test]
fn a_number_without_check_digit_is_never_issued() {
    let born = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_else(|| panic!("date"));
    let serial = (0..=9999u16)
        .find(|s| Iin::generate(born, Sex::Male, *s).is_none())
        .unwrap_or_else(|| panic!("some serial of 2000-01-01 is never issued"));
    let number = format!("0001015{serial:04}0");
    let (code, out, _) = run(&["iin", "check", &number]);
    assert_eq!(code, Some(1));
    assert!(out.contains("such a number is never issued"), "{out}");
}

#[test]
fn a_birth_date_in_the_future_is_valid_but_flagged() {
    let (code, out, _) = run(&["iin", "check", "991231600012"]);
    assert_eq!(code, Some(0), "the number itself is well formed: {out}");
    assert!(out.contains("the birth date is in the future"), "{out}");
}

#[test]
fn what_was_typed_comes_back_short_and_escaped() {
    let typed = format!("\u{1b}[31m{}", "9".repeat(5000));
    let (code, out, _) = run(&["iin", "check", &typed]);
    assert_eq!(code, Some(1));
    assert!(
        !out.contains('\u{1b}'),
        "no raw escape reaches the terminal: {out:?}"
    );
    assert!(out.len() < 200, "{} bytes", out.len());
}

#[test]
fn a_bin_of_the_wrong_length_or_month_is_named() {
    for (number, reason) in [
        ("04054000012", "must be 12 digits, 11 given"),
        ("041340000123", "digits 3–4 must be a month (01–12), not 13"),
    ] {
        let (code, out, _) = run(&["bin", "check", number]);
        assert_eq!(code, Some(1), "{number}");
        assert!(out.contains(reason), "{number}: {out}");
    }
}

/// Issue 16: under `--lang ru|kk` the number's name and the verdict are the clerk's words
/// («ИИН»/«ЖСН», «корректен»/«дұрыс»), and dates are ДД.ММ.ГГГГ.
#[test]
fn the_check_speaks_the_clerks_language() {
    let (code, out, _) = run(&["iin", "check", "900517300128", "--lang", "ru"]);
    assert_eq!(code, Some(0));
    assert!(out.starts_with("ИИН 900517300128: корректен\n"), "{out}");
    assert!(out.contains("17.05.1990"), "{out}");
    let (_, out, _) = run(&["iin", "check", "900517300128", "--lang", "kk"]);
    assert!(out.starts_with("ЖСН 900517300128: дұрыс\n"), "{out}");
    let (code, out, _) = run(&["bin", "check", "040540000124", "--lang", "ru"]);
    assert_eq!(code, Some(1));
    assert!(out.starts_with("БИН 040540000124: некорректен: "), "{out}");
    let (_, out, _) = run(&["bin", "check", "040540000124", "--lang", "kk"]);
    assert!(out.starts_with("БСН 040540000124: қате: "), "{out}");
}
