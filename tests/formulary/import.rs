//! The JSON import: what fails it (with the field's path), and what it leaves to validation.

use super::*;

#[test]
fn an_unknown_field_name_is_an_import_error_naming_it() {
    let json = example("00").to_json().unwrap_or_else(|e| panic!("{e}"));
    let e = Formulary::from_json(&json.replace("\"surname\"", "\"surnme\""))
        .err()
        .unwrap_or_else(|| panic!("a typo imported"));
    assert!(e.message.contains("surnme"), "{e}");
    let e = Formulary::from_json(&json.replace("\"issuer\"", "\"isuer\""))
        .err()
        .unwrap_or_else(|| panic!("a typo in a note imported"));
    assert!(e.message.contains("isuer"), "{e}");
    assert!(e.path.starts_with("reverse_side[0]"), "{e}");
    let e = Formulary::from_json(&json.replace("\"present\"", "\"prsent\""))
        .err()
        .unwrap_or_else(|| panic!("a wrong signature status imported"));
    assert_eq!(e.path, "signature.status", "{e}");
}

#[test]
fn an_empty_formulary_imports_and_validation_names_every_missing_field() {
    let f = Formulary::from_json("{}").unwrap_or_else(|e| panic!("{e}"));
    let report = check(&f);
    let missing: BTreeSet<(&str, String)> = errors(&report).into_iter().collect();
    for field in [
        "document",
        "filling_code",
        "iin",
        "surname",
        "given_name",
        "birth_date",
        "birth_place",
        "sex",
        "nationality",
        "citizenship",
        "region_code",
        "district_code",
        "signature",
        "filled_on",
        "clerk",
    ] {
        assert!(
            missing.contains(&(rule::REQUIRED, field.to_string())),
            "{field} not reported: {missing:?}"
        );
    }
    assert!(missing.contains(&(rule::RESIDENCE, "residence.arrival_date".to_string())));
    assert!(
        !missing.iter().any(|(_, f)| f == "patronymic"),
        "the patronymic is optional"
    );
}

#[test]
fn a_half_filled_note_names_what_it_lacks() {
    let mut f = example("00");
    f.reverse_side = vec![Note::ParentId {
        number: Some("045123789".to_string()),
        date: None,
        issuer: Some("".to_string()),
    }];
    assert_error(&f, rule::PARENT_ID, "reverse_side[0].date");
    assert_error(&f, rule::PARENT_ID, "reverse_side[0].issuer");
}

#[test]
fn every_message_speaks_russian_kazakh_and_english() {
    let f = Formulary::from_json(r#"{"filling_code": "02", "surname": "1", "iin": "1"}"#)
        .unwrap_or_else(|e| panic!("{e}"));
    let report = check(&f);
    assert!(report.errors.len() > 10);
    for v in report.open() {
        for text in [&v.message.ru, &v.message.kk, &v.message.en] {
            assert!(
                !text.trim().is_empty(),
                "{} {} has an empty message",
                v.rule,
                v.field
            );
        }
        assert_ne!(v.message.ru, v.message.en, "{}: not translated", v.rule);
    }
}

mod no_panic {
    use super::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = Option<String>> {
        proptest::option::of(any::<String>())
    }

    proptest! {
        /// Whatever a draft holds, validation reports and does not panic.
        #[test]
        fn validate_never_panics(
            code in text(), iin in text(), surname in text(), region in text(),
            district in text(), days in -200_000i64..200_000, today_days in -200_000i64..200_000,
        ) {
            let mut f = example("00");
            f.filling_code = code;
            f.iin = iin;
            f.surname = surname;
            f.region_code = region;
            f.district_code = district;
            let epoch = day(2000, 1, 1);
            f.birth_date = epoch.checked_add_signed(chrono::Duration::days(days));
            let today = epoch
                .checked_add_signed(chrono::Duration::days(today_days))
                .unwrap_or(epoch);
            let _ = validate(&f, today);
            let _ = validate(&Formulary::default(), today);
        }
    }
}

#[test]
fn m16_a_note_with_only_its_kind_imports_and_validation_names_its_fields() {
    let f = Formulary::from_json(r#"{"reverse_side": [{"kind": "conclusion"}]}"#)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_error(&f, rule::CONCLUSION, "reverse_side[0].number");
    assert_error(&f, rule::CONCLUSION, "reverse_side[0].date");
    let e = Formulary::from_json(r#"{"reverse_side": [{"kind": "verdict"}]}"#)
        .err()
        .unwrap_or_else(|| panic!("an unknown note kind imported"));
    assert!(e.message.contains("verdict"), "{e}");
}
