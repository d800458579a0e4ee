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
