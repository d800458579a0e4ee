//! The fields every formulary has: place (M-App2), residence (M-17), signature (M-8),
//! dates, names, citizenship and document.

use super::*;

#[test]
fn mapp2_region_and_district_must_exist_as_a_pair() {
    let mut f = example("10");
    f.region_code = Some("1904".to_string());
    f.district_code = Some("206".to_string());
    assert_accepted(&f);
    // 206 is a district of 1904 (Aktobe), not of 1902 (Akmola).
    f.region_code = Some("1902".to_string());
    assert_error(&f, rule::DIRECTORY, "district_code");
    f.region_code = Some("1903".to_string());
    assert_error(&f, rule::DIRECTORY, "region_code");
}

#[test]
fn m17_field_13_needs_its_arrival_date_and_address() {
    let mut f = example("10");
    assert_accepted(&f);
    set_arrival(&mut f, None);
    assert_error(&f, rule::RESIDENCE, "residence.arrival_date");
    f.residence = None;
    assert_error(&f, rule::RESIDENCE, "residence.address");
}

#[test]
fn m17_field_14_is_optional_but_not_blank_when_given() {
    let mut f = example("10");
    f.previous_residence = None;
    assert_accepted(&f);
    f.previous_residence = Some(Default::default());
    assert_error(&f, rule::RESIDENCE, "previous_residence.address");
}

#[test]
fn m8_an_absent_signature_needs_its_reason_which_goes_to_additional_information() {
    let mut f = example("18");
    f.signature = Some(Signature::Absent { reason: None });
    assert_error(&f, rule::SIGNATURE, "signature.reason");
    f.signature = Some(Signature::Absent {
        reason: Some("  ".to_string()),
    });
    assert_error(&f, rule::SIGNATURE, "signature.reason");
    f.signature = Some(Signature::Absent {
        reason: Some("инвалидность I группы".to_string()),
    });
    // M-8: the kind of the copied supporting document is recorded too (issue 14).
    assert_error(&f, rule::SIGNATURE, "signature_document");
    f.signature_document = Some("справка МСЭ".to_string());
    assert_accepted(&f);
    f.additional_information = Some("копия справки МСЭ".to_string());
    assert_eq!(
        f.additional_information_text().as_deref(),
        Some("инвалидность I группы. копия справки МСЭ"),
        "M-8: the reason goes to \"additional information\""
    );
}

#[test]
fn m8_the_export_writes_the_reason_into_additional_information_and_import_takes_it_back() {
    let mut f = example("18");
    f.signature = Some(Signature::Absent {
        reason: Some("инвалидность I группы".to_string()),
    });
    let exported = |f: &Formulary| {
        let json = f.to_json().unwrap_or_else(|e| panic!("{e}"));
        let value: serde_json::Value =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
        (json, value["additional_information"].clone())
    };
    let (json, field) = exported(&f);
    assert_eq!(
        field,
        serde_json::json!("инвалидность I группы"),
        "M-8: the reason goes to \"additional information\" in the export"
    );
    let back = Formulary::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, f, "M-8: import takes the reason back out");
    assert_eq!(
        exported(&back).0,
        json,
        "M-8: export → import → export is stable"
    );

    f.additional_information = Some("копия справки МСЭ".to_string());
    let (json, field) = exported(&f);
    assert_eq!(
        field,
        serde_json::json!("инвалидность I группы. копия справки МСЭ")
    );
    let back = Formulary::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, f);
    assert_eq!(exported(&back).0, json, "M-8: the reason is not doubled");

    // Remarks that already hold the reason are exported as they are, and stay so.
    f.additional_information = Some("справка МСЭ: инвалидность I группы".to_string());
    let (json, field) = exported(&f);
    assert_eq!(
        field,
        serde_json::json!("справка МСЭ: инвалидность I группы")
    );
    let back = Formulary::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(exported(&back).0, json, "M-8: the reason is not doubled");

    // A signature present leaves the remarks alone.
    f.signature = Some(Signature::Present);
    assert_eq!(
        exported(&f).1,
        serde_json::json!("справка МСЭ: инвалидность I группы")
    );
}

#[test]
fn m8_export_import_export_is_stable_whatever_the_remarks() {
    let reason = "инвалидность";
    for remarks in [
        None,
        Some(""),
        Some("инвалидность"),
        Some("инвалидность. инвалидность подтверждена"),
        Some("инвалидность.  копия"),
        Some("  копия справки "),
        Some("копия; инвалидность"),
    ] {
        let mut f = example("18");
        f.signature = Some(Signature::Absent {
            reason: Some(reason.to_string()),
        });
        f.additional_information = remarks.map(str::to_string);
        let json = f.to_json().unwrap_or_else(|e| panic!("{e}"));
        let back = Formulary::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
        let again = back.to_json().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(again, json, "M-8: remarks {remarks:?}");
        let value: serde_json::Value =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
        let field = value["additional_information"].as_str().unwrap_or_default();
        assert!(
            field.contains(reason),
            "M-8: the reason is not in {field:?}"
        );
    }
}

#[test]
fn dates_in_the_future_are_errors_and_today_is_not() {
    let mut f = example("18");
    f.filled_on = Some(today());
    set_arrival(&mut f, Some(today()));
    assert_accepted(&f);
    f.filled_on = Some(day(2024, 3, 16));
    assert_error(&f, rule::DATE, "filled_on");
    let mut g = example("06");
    g.reverse_side = vec![Note::IdentificationProtocol {
        number: Some("6".to_string()),
        date: Some(day(2025, 1, 1)),
    }];
    assert_error(&g, rule::DATE, "reverse_side[0].date");
}

#[test]
fn the_arrival_date_is_not_before_the_birth_date() {
    let mut f = example("10");
    set_arrival(&mut f, Some(day(1990, 5, 13)));
    assert_error(&f, rule::DATE, "residence.arrival_date");
}

#[test]
fn dates_must_be_real_or_the_import_names_the_field() {
    let json = example("18").to_json().unwrap_or_else(|e| panic!("{e}"));
    let leap = json.replace("\"1990-05-14\"", "\"1992-02-29\"");
    assert!(Formulary::from_json(&leap).is_ok(), "29 Feb 1992 is real");
    for bad in ["\"1991-02-29\"", "\"1990-13-01\"", "\"14.05.1990\""] {
        let text = json.replace("\"1990-05-14\"", bad);
        let e = Formulary::from_json(&text)
            .err()
            .unwrap_or_else(|| panic!("{bad} imported"));
        assert_eq!(e.path, "birth_date", "{bad}: {e}");
    }
}

#[test]
fn names_are_letters_of_kazakh_russian_and_latin_with_spaces_and_hyphens() {
    let mut f = example("04");
    for good in ["ӘБІЛҚАЙЫР-ХАН", "Ёлкина", "Mary Ann", "ŞÄKÄRİM", "O'NEIL"] {
        f.surname = Some(good.to_string());
        assert_accepted(&f);
    }
    for bad in ["ИВАН0В", "IVANOV.", "-IVANOV", "IVAN  OV", "ИВАНOВ"] {
        f.surname = Some(bad.to_string());
        assert_error(&f, rule::NAME, "surname");
    }
    f.surname = Some("ИВАНОВ".to_string());
    f.patronymic = Some("ИВАНОВИЧ2".to_string());
    assert_error(&f, rule::NAME, "patronymic");
    f.patronymic = Some(" ".to_string());
    assert_accepted(&f);
}

#[test]
fn k_name_foreigners_names_keep_their_latin_diacritics_in_one_script() {
    let mut f = example("03");
    for good in [
        "JOSÉ",
        "MÜLLER-LÜDENSCHEIDT",
        "NUÑEZ",
        "WAŁĘSA",
        "FRANÇOIS",
        "SØRENSEN",
        "ÅSA",
        "Strauß",
        "DVOŘÁK",
        "ÇAĞLAR",
    ] {
        f.surname = Some(good.to_string());
        assert_accepted(&f);
    }
    // Cyrillic mixed with an accented Latin letter is still two scripts in one name.
    for bad in ["ИВАНÉ", "JOSЕÉ", "NUÑEZ×", "MAªRIA"] {
        f.surname = Some(bad.to_string());
        assert_error(&f, rule::NAME, "surname");
    }
}

#[test]
fn k_document_the_document_fits_the_citizenship() {
    let mut f = example("18");
    f.document = Some(DocumentKind::ResidencePermit);
    assert_error(&f, rule::DOCUMENT, "document");
    let g = as_foreigner(example("18"));
    assert_accepted(&g);
}

#[test]
fn k_citizenship_a_foreign_code_is_an_assigned_iso_code() {
    let f = example("03");
    let mut g = f.clone();
    g.citizenship = Some(Citizenship::Foreign("XX".to_string()));
    assert_error(&g, rule::CITIZENSHIP, "citizenship");
    let json = f.to_json().unwrap_or_else(|e| panic!("{e}"));
    let lower = json.replace("\"UZ\"", "\"uz\"");
    assert_eq!(
        Formulary::from_json(&lower).ok(),
        Some(f),
        "case is forgiven"
    );
    let e = Formulary::from_json(&json.replace("\"UZ\"", "\"Uzbekistan\""))
        .err()
        .unwrap_or_else(|| panic!("a country name imported"));
    assert_eq!(e.path, "citizenship");
}
