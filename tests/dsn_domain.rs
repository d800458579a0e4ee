//! The DSN rules of document 001, without the register: the code and its decoding
//! (D-App3), the application's validation (D-4), the sequences, the refusal texts (D-7)
//! and the terms (D-6).

mod common;

use chrono::NaiveDate;
use common::bin;
use kense::domain::dsn::{
    self, Application, CodeValue, DecodeError, DsnCode, Facet, IdKind, ProductRow, Refusal,
    TaxpayerId, is_overdue, kept_until, next_brand, next_subject, product_key, validate,
};
use kense::domain::formulary::Severity;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_else(|| panic!("bad date {y}-{m}-{day}"))
}

fn application() -> Application {
    Application {
        taxpayer: "ТОО Мұнай".into(),
        bin: bin(123),
        subject_type: "producer".into(),
        country: CodeValue::Number(3),
        unit: CodeValue::Text("053".into()),
        products: vec![ProductRow {
            product_type: CodeValue::Number(1),
            name: "АИ-92".into(),
            spec: "СТ РК 1".into(),
        }],
    }
}

fn code(text: &str) -> DsnCode {
    dsn::decode(text)
        .unwrap_or_else(|e| panic!("{text}: {e}"))
        .code
}

#[test]
fn d_app3_code_is_the_five_facets_run_together_and_shown_separated() {
    let c = DsnCode::new(3, 53, 1, 1, 1).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        c.to_string(),
        "305300011001",
        "D-App3: 1 + 3 + 4 + 1 + 3 digits"
    );
    assert_eq!(c.format_facets(), "3-053-0001-1-001");
    let big = DsnCode::new(6, 258, 9999, 4, 1000).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        big.to_string(),
        "6258999941000",
        "D-App3: a 1000th brand is 1000"
    );
    assert_eq!(code("6-258-9999-4-1000"), big);
}

#[test]
fn d_app3_decoding_names_each_facet_from_its_directory() {
    let decoded = dsn::decode(" 305300011001 ").unwrap_or_else(|e| panic!("{e}"));
    let facets = decoded.facets();
    let names: Vec<_> = facets.iter().map(|f| (f.facet, f.name_kk)).collect();
    assert_eq!(
        names,
        vec![
            (Facet::Country, Some("Қазақстан Республикасы")),
            (Facet::Unit, Some("Атырау қаласы")),
            (Facet::Subject, None),
            (Facet::Product, Some("Бензин")),
            (Facet::Brand, None),
        ]
    );
    let marked = dsn::decode("301900011001").unwrap_or_else(|e| panic!("{e}"));
    assert!(marked.facets()[1].marked, "D-App3: unit 019 is marked *");
}

#[test]
fn d_app3_every_facet_bound_is_checked_with_its_reason() {
    for ok in [
        "105300011001",
        "605300011001",
        "300100011001",
        "325800011001",
    ] {
        assert!(dsn::decode(ok).is_ok(), "{ok}");
    }
    for ok in [
        "305399991001",
        "305300014001",
        "305300011999",
        "305300011999999999",
    ] {
        assert!(dsn::decode(ok).is_ok(), "{ok}");
    }
    let cases: [(&str, DecodeError); 12] = [
        ("", DecodeError::Empty),
        ("30530001100", DecodeError::Length { found: 11 }),
        ("3053000110001234567", DecodeError::Length { found: 19 }),
        ("005300011001", DecodeError::Country { found: 0 }),
        ("705300011001", DecodeError::Country { found: 7 }),
        ("300000011001", DecodeError::Unit { found: 0 }),
        ("325900011001", DecodeError::Unit { found: 259 }),
        ("305300001001", DecodeError::SubjectZero),
        ("305300010001", DecodeError::Product { found: 0 }),
        ("305300015001", DecodeError::Product { found: 5 }),
        ("305300011000", DecodeError::BrandZero),
        (
            "3053000110100",
            DecodeError::BrandLeadingZero {
                found: "0100".into(),
            },
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(
            dsn::decode(text).map(|d| d.code),
            Err(expected),
            "D-App3 {text:?}"
        );
    }
    assert_eq!(
        dsn::decode("3053x0011001").map(|d| d.code),
        Err(DecodeError::NonDigit {
            facet: Facet::Subject,
            position: 5,
            found: 'x'
        })
    );
    assert_eq!(
        dsn::decode("3-053-001-1-001").map(|d| d.code),
        Err(DecodeError::GroupLength {
            facet: Facet::Subject,
            found: 3
        })
    );
    assert_eq!(
        dsn::decode("3-053-0001-1001").map(|d| d.code),
        Err(DecodeError::Groups { found: 4 })
    );
}

#[test]
fn decode_errors_name_the_facet_in_three_languages() {
    let text = DecodeError::Unit { found: 259 }.text();
    assert!(
        text.en
            .starts_with("facet 2 (administrative-territorial unit): 259"),
        "{}",
        text.en
    );
    assert!(
        text.ru
            .starts_with("фасет 2 (административно-территориальная единица)"),
        "{}",
        text.ru
    );
    assert!(
        text.kk.starts_with("2-фасет (әкімшілік-аумақтық бірлік)"),
        "{}",
        text.kk
    );
}

proptest! {
    #[test]
    fn d_app3_decode_of_the_written_code_gives_the_code_back(
        country in 1u8..=6,
        unit in 1u16..=258,
        subject in 1u16..=9999,
        product in 1u8..=4,
        brand in 1u32..=999_999_999,
    ) {
        let c = DsnCode { country, unit, subject, product, brand };
        prop_assert_eq!(dsn::decode(&c.to_string()).map(|d| d.code), Ok(c));
        prop_assert_eq!(dsn::decode(&c.format_facets()).map(|d| d.code), Ok(c));
    }

    #[test]
    fn decode_never_panics(text in "\\PC{0,24}") {
        let _ = dsn::decode(&text);
    }
}

#[test]
fn d_app3_subjects_run_0001_to_9999_and_brands_have_no_upper_bound() {
    assert_eq!(next_subject(None), Some(1));
    assert_eq!(next_subject(Some(9998)), Some(9999));
    assert_eq!(next_subject(Some(9999)), None, "D-App3: 9999 is the last");
    assert_eq!(next_brand(None), Some(1));
    assert_eq!(next_brand(Some(999)), Some(1000), "D-App3: past 999");
}

#[test]
fn d4_a_valid_application_passes_with_the_taxpayer_kind() {
    let report = validate(&application());
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let valid = report.valid.unwrap_or_else(|| panic!("valid"));
    assert_eq!(valid.id.kind(), IdKind::Bin);
    assert_eq!((valid.country_code, valid.unit_code), (3, 53));
    assert_eq!(valid.products[0].product_code, 1);
}

#[test]
fn d4_an_individual_entrepreneur_applies_with_an_iin() {
    let iin = "880201300014";
    assert_eq!(TaxpayerId::parse(iin).map(|t| t.kind()), Ok(IdKind::Iin));
    let report = validate(&Application {
        bin: iin.into(),
        ..application()
    });
    assert!(report.is_valid(), "{:?}", report.errors);
}

#[test]
fn d4_every_wrong_field_is_named_with_its_rule() {
    let good = bin(123);
    let last = good.as_bytes()[11] - b'0';
    let bad = format!("{}{}", &good[..11], (last + 1) % 10);
    let report = validate(&Application {
        taxpayer: " ".into(),
        bin: bad,
        subject_type: "wholesaler".into(),
        country: CodeValue::Number(7),
        unit: CodeValue::Text("259".into()),
        products: vec![ProductRow {
            product_type: CodeValue::Number(5),
            name: String::new(),
            spec: "ТУ".into(),
        }],
    });
    let found: Vec<(&str, &str)> = report
        .errors
        .iter()
        .map(|v| (v.field.as_str(), v.rule))
        .collect();
    assert_eq!(
        found,
        vec![
            ("taxpayer", "D-4"),
            ("bin", "D-4"),
            ("subject_type", "D-4"),
            ("country", "D-App3"),
            ("unit", "D-App3"),
            ("products[0].type", "D-4"),
            ("products[0].name", "D-4"),
        ]
    );
    assert!(
        report.errors[1].message.en.starts_with("BIN: check digit"),
        "{:?}",
        report.errors[1]
    );
    assert!(report.valid.is_none());
    let empty = validate(&Application {
        products: Vec::new(),
        ..application()
    });
    assert_eq!(empty.errors[0].field, "products", "D-4: at least one row");
}

#[test]
fn d_app3_a_unit_marked_star_is_accepted_with_a_warning() {
    let report = validate(&Application {
        unit: CodeValue::Number(19),
        ..application()
    });
    assert!(report.is_valid(), "{:?}", report.errors);
    assert_eq!(report.warnings.len(), 1);
    assert_eq!(report.warnings[0].severity, Severity::Warning);
    assert_eq!(
        (report.warnings[0].field.as_str(), report.warnings[0].rule),
        ("unit", "D-App3")
    );
}

#[test]
fn d4_the_json_takes_codes_as_numbers_or_strings_and_refuses_unknown_fields() {
    let json = r#"{"taxpayer":"A","bin":"040540001232","subject_type":"importer",
        "country":"4","unit":53,"products":[{"type":"2","name":"ДТ","spec":"ГОСТ"}]}"#;
    let app: Application = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(app.country, CodeValue::Text("4".into()));
    assert_eq!(app.unit, CodeValue::Number(53));
    let unknown = serde_json::from_str::<Application>(r#"{"taxpayer":"A","colour":"red"}"#);
    assert!(unknown.is_err());
}

#[test]
fn d7_two_grounds_with_their_texts() {
    assert_eq!(Refusal::NotRegistered.rule(), "D-7 (1)");
    assert_eq!(Refusal::CodeExists.rule(), "D-7 (2)");
    let existing = code("305300011001");
    let text = Refusal::CodeExists.text(Some(&existing));
    for s in [&text.ru, &text.kk, &text.en] {
        assert!(
            s.contains("3-053-0001-1-001"),
            "D-7 (2) names the code: {s}"
        );
    }
    assert!(
        Refusal::NotRegistered
            .text(None)
            .en
            .contains("Tax Code art. 88")
    );
}

#[test]
fn d7_2_the_same_product_is_the_same_name_whatever_the_case_and_spaces() {
    assert_eq!(product_key("  АИ-92   К5 "), product_key("аи-92 к5"));
    assert_ne!(product_key("АИ-92"), product_key("АИ-95"));
}

#[test]
fn d6_overdue_is_a_passed_due_date_without_a_hand_over() {
    let due = d(2025, 3, 12);
    assert!(
        !is_overdue(due, None, due),
        "D-6: due that day is not yet overdue"
    );
    assert!(is_overdue(due, None, d(2025, 3, 13)), "D-6");
    assert!(
        !is_overdue(due, Some(due), d(2025, 4, 1)),
        "D-6: handed over"
    );
    assert_eq!(
        kept_until(d(2025, 1, 31)),
        Some(d(2025, 2, 28)),
        "D-6: one month"
    );
}
