//! `kense dsn` end to end, the assignment of codes and the refusals: the real binary
//! against a real register file (document 001, D-4, D-7, D-8, D-App3).

mod common;
mod dsn_support;

use dsn_support::{add, app, apply, bin, codes, kense, kense_in, product, tempdir};
use serde_json::{Value, json};

#[test]
fn d7_1_an_applicant_not_in_the_taxpayer_register_is_refused_and_may_apply_again_d8() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let a = bin(1);
    let application = app(&a, 3, "053", vec![product(1, "АИ-92"), product(2, "ДТ-Л")]);
    let refused = apply(&db, &application);
    assert_eq!(refused.code, Some(1), "D-7 (1): {}", refused.stderr);
    let rows = refused.json()["products"].clone();
    for row in rows.as_array().unwrap_or_else(|| panic!("rows")) {
        assert_eq!(row["ground"], "D-7 (1)");
        assert_eq!(row["refusal"], "not_registered");
        assert!(row["code"].is_null());
    }
    add(&db, &a);
    let again = apply(&db, &application);
    assert_eq!(again.code, Some(0), "D-8: applies again: {}", again.stderr);
    assert_eq!(
        codes(&again),
        vec![json!("3-053-0001-1-001"), json!("3-053-0001-2-001")]
    );
}

#[test]
fn d7_2_a_product_with_a_code_is_refused_and_the_other_rows_still_get_theirs() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let a = bin(1);
    add(&db, &a);
    let first = apply(&db, &app(&a, 3, "053", vec![product(1, "АИ-92 К5")]));
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let second = apply(
        &db,
        &app(
            &a,
            3,
            "053",
            vec![product(1, " аи-92  к5"), product(1, "АИ-95")],
        ),
    );
    assert_eq!(second.code, Some(1), "D-7 (2): {}", second.stdout);
    let rows = second.json()["products"].clone();
    assert_eq!(rows[0]["ground"], "D-7 (2)");
    assert_eq!(rows[0]["existing_code"], "305300011001");
    assert_eq!(
        rows[1]["code_facets"], "3-053-0001-1-002",
        "a refused row blocks nothing"
    );
    // The same name under another product type is another product.
    let other_type = apply(&db, &app(&a, 3, "053", vec![product(2, "АИ-92 К5")]));
    assert_eq!(other_type.code, Some(0), "{}", other_type.stdout);
    let plain = kense_in(
        &db,
        &["dsn", "apply", "-"],
        &app(&a, 3, "053", vec![product(1, "АИ-95")]),
    );
    assert_eq!(plain.code, Some(1));
    assert!(
        plain
            .stdout
            .contains("refused under D-7 (2): this product already has DSN code 3-053-0001-1-002"),
        "{}",
        plain.stdout
    );
}

#[test]
fn d_app3_the_subject_code_is_given_once_per_applicant_and_kept() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let (a, b) = (bin(1), bin(2));
    add(&db, &a);
    add(&db, &b);
    let a1 = apply(&db, &app(&a, 3, "053", vec![product(1, "АИ-92")]));
    let b1 = apply(&db, &app(&b, 4, "001", vec![product(1, "АИ-92")]));
    // A's later application, from another country and unit: same subject, next brand.
    let a2 = apply(
        &db,
        &app(&a, 2, "258", vec![product(1, "АИ-95"), product(4, "ТС-1")]),
    );
    assert_eq!(codes(&a1), vec![json!("3-053-0001-1-001")], "D-App3");
    assert_eq!(codes(&b1), vec![json!("4-001-0002-1-001")], "D-App3");
    assert_eq!(
        codes(&a2),
        vec![json!("2-258-0001-1-002"), json!("2-258-0001-4-001")],
        "D-App3: subject 0001 kept, brands per product type"
    );
}

#[test]
fn d_app3_brands_run_past_999() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let a = bin(1);
    add(&db, &a);
    let many: Vec<Value> = (1..=1000).map(|i| product(2, &format!("ДТ-{i}"))).collect();
    let first = apply(&db, &app(&a, 3, "053", many));
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let assigned = codes(&first);
    assert_eq!(assigned[998], "3-053-0001-2-999");
    assert_eq!(
        assigned[999], "3-053-0001-2-1000",
        "D-App3: the 1000th brand"
    );
    let next = apply(&db, &app(&a, 3, "053", vec![product(2, "ДТ-1001")]));
    assert_eq!(next.json()["products"][0]["code"], "3053000121001");
    let decoded = kense(&db, &["dsn", "decode", "3053000121001", "--json"]);
    assert_eq!(decoded.code, Some(0));
    assert_eq!(decoded.json()["facets"][4]["code"], "1001");
}

#[test]
fn d_app3_no_subject_code_left_is_a_clear_error_and_saves_nothing() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let a = bin(1);
    add(&db, &a);
    // Another applicant holds 9999, the last code (its audit entry borrowed: the chain is
    // not what this test checks).
    let conn = rusqlite::Connection::open(&db).unwrap_or_else(|e| panic!("{e}"));
    conn.execute(
        "INSERT INTO dsn_subjects (tin, code, audit_id) VALUES ('000000000000', 9999, 1)",
        [],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    let run = apply(&db, &app(&a, 3, "053", vec![product(1, "АИ-92")]));
    assert_eq!(run.code, Some(4), "D-App3: {}", run.stdout);
    assert!(
        run.stderr
            .contains("no market-subject code is left: 0001–9999"),
        "{}",
        run.stderr
    );
    let list = kense(&db, &["dsn", "list", "--json"]);
    assert_eq!(list.json(), json!([]), "nothing saved");
}

#[test]
fn d4_an_invalid_application_saves_nothing_and_exits_2() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let bad = app("040540000124", 7, "300", vec![product(5, "")]);
    let run = kense_in(&db, &["dsn", "apply", "-", "--json"], &bad);
    assert_eq!(run.code, Some(2), "{}", run.stdout);
    let fields: Vec<Value> = run.json()["errors"]
        .as_array()
        .map(|e| e.iter().map(|v| v["field"].clone()).collect())
        .unwrap_or_default();
    assert_eq!(
        fields,
        vec![
            json!("bin"),
            json!("country"),
            json!("unit"),
            json!("products[0].type"),
            json!("products[0].name")
        ],
        "D-4"
    );
    let unknown = kense_in(
        &db,
        &["dsn", "apply", "-"],
        r#"{"taxpayer": "A", "colour": 1}"#,
    );
    assert_eq!(unknown.code, Some(2));
    assert!(unknown.stderr.contains("colour"), "{}", unknown.stderr);
    assert!(!db.exists(), "nothing saved, not even a register");
}

#[test]
fn d4_an_invalid_application_s_problems_go_to_stderr_naming_field_and_rule() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let bad = r#"{"taxpayer":"ИП","bin":"160410600015","subject_type":"producer",
        "country":3,"unit":53,"products":[]}"#;
    let run = kense_in(&db, &["dsn", "apply", "-"], bad);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert_eq!(run.stdout, "", "no result: the problems are errors");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "error bin [D-4]: IIN: check digit 5 is wrong, it should be 4",
            "error products [D-4]: the application has no product row",
            "kense: the application is invalid: nothing was saved",
        ]
    );
    // --json: the same lines on stderr, and the report on stdout for a script (as
    // `decode --json` reports a code that is not valid).
    let json = kense_in(&db, &["dsn", "apply", "-", "--json", "--lang", "ru"], bad);
    assert_eq!(json.code, Some(2), "{}", json.stderr);
    assert_eq!(json.json()["valid"], false);
    assert_eq!(json.json()["errors"][0]["field"], "bin");
    assert!(
        json.stderr
            .starts_with("error bin [D-4]: ИИН: контрольная цифра"),
        "{}",
        json.stderr
    );
    assert!(!db.exists(), "nothing saved, not even a register");
}

#[test]
fn d_app3_a_unit_marked_star_is_accepted_with_a_warning_printed() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let a = bin(1);
    add(&db, &a);
    let args = ["dsn", "apply", "-", "--received-at", "2025-03-11T10:00"];
    let run = kense_in(&db, &args, &app(&a, 3, "019", vec![product(1, "АИ-92")]));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.contains("warning unit [D-App3]: unit 019"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("assigned 3-019-0001-1-001 (301900011001)"),
        "{}",
        run.stdout
    );
}
