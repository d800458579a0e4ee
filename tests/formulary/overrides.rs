//! The IIN: an error when it is not one, a warning the clerk may override when it
//! disagrees with the person.

use super::*;

#[test]
fn iin_that_is_not_an_iin_is_an_error_with_its_explanation() {
    let mut f = example("18");
    f.iin = Some("900514300001".to_string());
    let report = check(&f);
    let v = report
        .errors
        .iter()
        .find(|v| v.rule == rule::IIN)
        .unwrap_or_else(|| panic!("no IIN error: {:?}", errors(&report)));
    assert_eq!(v.field, "iin");
    let expected = kense::domain::iin::Iin::parse("900514300001")
        .err()
        .unwrap_or_else(|| panic!("the IIN is valid"))
        .text();
    assert_eq!(v.message, expected);
}

#[test]
fn iin_data_mismatch_is_a_warning_that_an_override_with_a_reason_lets_pass() {
    let mut f = example("18");
    f.birth_date = Some(day(1990, 5, 15));
    f.sex = Some(Sex::Female);
    let report = check(&f);
    assert!(report.errors.is_empty(), "{:?}", errors(&report));
    let warned: Vec<_> = report
        .warnings
        .iter()
        .map(|v| (v.rule, v.field.as_str()))
        .collect();
    assert_eq!(
        warned,
        vec![(rule::IIN_DATA, "birth_date"), (rule::IIN_DATA, "sex")]
    );
    assert!(
        report
            .warnings
            .iter()
            .all(|v| v.severity == Severity::Warning)
    );
    assert!(!report.is_accepted(), "an open warning blocks");

    let reason = "ИИН выдан в 1998 году без связи с датой рождения".to_string();
    for field in ["birth_date", "sex"] {
        f.overrides.push(Override {
            rule: rule::IIN_DATA.to_string(),
            field: field.to_string(),
            reason: Some(reason.clone()),
        });
    }
    let report = check(&f);
    assert!(report.is_accepted(), "{:?}", report.warnings);
    assert_eq!(report.overridden.len(), 2);
    assert_eq!(report.overridden[0].reason, reason);
    // The reason is exported and imported with the formulary.
    let json = f.to_json().unwrap_or_else(|e| panic!("{e}"));
    assert!(json.contains(&reason));
    assert_eq!(Formulary::from_json(&json).ok(), Some(f));
}

#[test]
fn an_override_without_a_reason_is_an_error_and_overrides_nothing() {
    let mut f = example("18");
    f.sex = Some(Sex::Female);
    f.overrides.push(Override {
        rule: rule::IIN_DATA.to_string(),
        field: "sex".to_string(),
        reason: Some(" ".to_string()),
    });
    let report = check(&f);
    assert_eq!(
        errors(&report),
        vec![(rule::OVERRIDE, "overrides[0].reason".to_string())]
    );
    assert_eq!(report.warnings.len(), 1, "the warning stays open");
}

#[test]
fn an_override_does_not_silence_an_error() {
    let mut f = with_code(example("07"), "02");
    f.overrides.push(Override {
        rule: rule::FILLING_CODE.to_string(),
        field: "filling_code".to_string(),
        reason: Some("так надо".to_string()),
    });
    assert_error(&f, rule::FILLING_CODE, "filling_code");
}

/// A foreign national's IIN (7th digit 0) beginning with `yymmdd`, with a valid check digit.
fn foreign_iin(yymmdd: &str) -> String {
    (1..=9999u16)
        .find_map(|serial| {
            let first = format!("{yymmdd}0{serial:04}");
            let mut digits = [0u8; 11];
            for (slot, b) in digits.iter_mut().zip(first.bytes()) {
                *slot = b - b'0';
            }
            kense::domain::iin::check_digit(&digits).map(|check| format!("{first}{check}"))
        })
        .unwrap_or_else(|| panic!("no serial of {yymmdd} is issued"))
}

#[test]
fn iin_data_a_foreign_nationals_iin_is_compared_by_its_yymmdd() {
    // Example "03": a citizen of Uzbekistan born 2 July 1985.
    let mut f = example("03");
    f.iin = Some(foreign_iin("850702"));
    assert_accepted(&f);
    f.birth_date = Some(day(1985, 7, 3));
    let report = check(&f);
    assert!(report.errors.is_empty(), "{:?}", errors(&report));
    let warned: Vec<_> = report
        .warnings
        .iter()
        .map(|v| (v.rule, v.field.as_str(), v.message.en.as_str()))
        .collect();
    assert_eq!(
        warned,
        vec![(
            rule::IIN_DATA,
            "birth_date",
            "birth date 03.07.1985 differs from the IIN's: 850702"
        )],
        "IIN-DATA: a foreign national's IIN still carries YYMMDD"
    );
    // The century is unknown, so only YYMMDD counts: 2085 would do as well as 1985.
    f.birth_date = Some(day(1885, 7, 2));
    let report = check(&f);
    assert!(
        !report.warnings.iter().any(|v| v.rule == rule::IIN_DATA),
        "IIN-DATA: {:?}",
        report.warnings
    );
}
