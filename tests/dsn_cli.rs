//! `kense dsn` end to end: the real binary against a real register file (document 001).

use assert_cmd::Command;
use kense::domain::iin::check_digit;
use serde_json::{Value, json};
use std::path::Path;

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}\n{}", self.stdout, self.stderr))
    }
}

fn kense_in(db: &Path, args: &[&str], stdin: &str) -> Run {
    let output = Command::cargo_bin("kense")
        .unwrap_or_else(|e| panic!("{e}"))
        .env_remove("KENSE_DB")
        .env_remove("KENSE_CLERK")
        .arg("--db")
        .arg(db)
        .args(["--clerk", "aigul"])
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn kense(db: &Path, args: &[&str]) -> Run {
    kense_in(db, args, "")
}

/// A BIN of a resident legal entity registered 2004-05 with a serial from `serial` on.
fn bin(serial: u32) -> String {
    (serial..)
        .find_map(|s| {
            let first = format!("040540{s:05}");
            let mut digits = [0u8; 11];
            for (slot, b) in digits.iter_mut().zip(first.bytes()) {
                *slot = b - b'0';
            }
            check_digit(&digits).map(|c| format!("{first}{c}"))
        })
        .unwrap_or_else(|| panic!("no BIN"))
}

fn product(kind: u32, name: &str) -> Value {
    json!({ "type": kind, "name": name, "spec": "СТ РК 1501-2006" })
}

fn app(bin: &str, country: u32, unit: &str, products: Vec<Value>) -> String {
    json!({
        "taxpayer": "ТОО Мұнай",
        "bin": bin,
        "subject_type": "producer",
        "country": country,
        "unit": unit,
        "products": products,
    })
    .to_string()
}

/// `dsn apply -` of `application` received on a plain Tuesday morning, as JSON.
fn apply(db: &Path, application: &str) -> Run {
    let args = [
        "dsn",
        "apply",
        "-",
        "--received-at",
        "2025-03-11T10:00",
        "--json",
    ];
    kense_in(db, &args, application)
}

fn add(db: &Path, bin: &str) {
    let run = kense(db, &["dsn", "taxpayer", "add", bin, "ТОО Мұнай"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

fn codes(run: &Run) -> Vec<Value> {
    let products = run.json()["products"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    products.iter().map(|p| p["code_facets"].clone()).collect()
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

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

fn terms(db: &Path, received_at: &str) -> (Option<i32>, Value, Value) {
    let args = ["dsn", "apply", "-", "--received-at", received_at, "--json"];
    let run = kense_in(
        db,
        &args,
        &app(&bin(9), 3, "053", vec![product(1, "АИ-92")]),
    );
    let value = if run.code == Some(2) {
        Value::Null
    } else {
        run.json()
    };
    (
        run.code,
        value["registered_on"].clone(),
        value["due_on"].clone(),
    )
}

#[test]
fn d6_registration_day_and_due_date_through_the_cli() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    // Refused (D-7 (1)) all, so the same product may be applied for again.
    let day = |code: Option<i32>, r: &str, due: &str| (code, json!(r), json!(due));
    assert_eq!(
        terms(&db, "2025-03-14T18:30"),
        day(Some(1), "2025-03-14", "2025-03-17"),
        "D-6: 18:30 is still working hours; due the next working day"
    );
    assert_eq!(
        terms(&db, "2025-03-14T18:31"),
        day(Some(1), "2025-03-17", "2025-03-18"),
        "D-6: after hours, the next working day"
    );
    assert_eq!(
        terms(&db, "2025-03-15T10:00"),
        day(Some(1), "2025-03-17", "2025-03-18"),
        "D-6: on a Saturday, the next working day"
    );
    assert_eq!(
        terms(&db, "2025-03-21T11:00"),
        day(Some(1), "2025-03-26", "2025-03-27"),
        "D-6: Nauryz and its moved days"
    );
    let (code, _, _) = terms(&db, "2028-01-05T10:00");
    assert_eq!(code, Some(2), "D-6: outside the calendar, nothing guessed");
    let bad = kense_in(
        &db,
        &["dsn", "apply", "-", "--received-at", "2025-03-14 10:00"],
        "{}",
    );
    assert_eq!(bad.code, Some(2));
}

#[test]
fn d6_overdue_applications_are_listed_until_their_result_is_handed_over() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let (a, b) = (bin(1), bin(2));
    add(&db, &a);
    assert_eq!(
        apply(&db, &app(&a, 3, "053", vec![product(1, "АИ-92")])).code,
        Some(0)
    );
    assert_eq!(
        apply(&db, &app(&b, 3, "053", vec![product(1, "АИ-92")])).code,
        Some(1)
    );
    let overdue = |today: &str| {
        let run = kense(
            &db,
            &["dsn", "list", "--overdue", "--today", today, "--json"],
        );
        run.json()
            .as_array()
            .map(|apps| apps.iter().map(|x| x["id"].clone()).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    assert_eq!(
        overdue("2025-03-12"),
        Vec::<Value>::new(),
        "D-6: due that day"
    );
    assert_eq!(overdue("2025-03-13"), vec![json!(1), json!(2)], "D-6");
    let handed = kense(
        &db,
        &["dsn", "hand-over", "1", "--on", "2025-03-12", "--json"],
    );
    assert_eq!(handed.code, Some(0), "{}", handed.stderr);
    assert_eq!(
        handed.json()["kept_until"],
        "2025-04-12",
        "D-6: one month at the front office"
    );
    assert_eq!(overdue("2025-03-13"), vec![json!(2)]);
    let twice = kense(&db, &["dsn", "hand-over", "1", "--on", "2025-03-12"]);
    assert_eq!(twice.code, Some(4));
    assert_eq!(kense(&db, &["dsn", "hand-over", "9"]).code, Some(2));
}

#[test]
fn list_by_bin_as_csv_and_table() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let (a, b) = (bin(1), bin(2));
    add(&db, &a);
    apply(&db, &app(&a, 3, "053", vec![product(1, "АИ-92")]));
    apply(&db, &app(&b, 3, "053", vec![product(1, "АИ-92")]));
    let csv = kense(&db, &["dsn", "list", "--bin", &a, "--csv"]);
    assert_eq!(csv.code, Some(0));
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", csv.stdout);
    assert!(lines[0].starts_with("application,received_at,registered_on,due_on"));
    assert!(
        lines[1].contains(&a) && lines[1].contains(",305300011001,"),
        "{}",
        lines[1]
    );
    let table = kense(&db, &["dsn", "list"]);
    assert!(table.stdout.contains("refused D-7 (1)"), "{}", table.stdout);
    assert!(
        table.stdout.contains("3-053-0001-1-001"),
        "{}",
        table.stdout
    );
}

#[test]
fn taxpayers_by_hand_and_from_csv_bins_and_iins() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let iin = "880201300014";
    let run = kense(
        &db,
        &["dsn", "taxpayer", "add", iin, "ИП Ахметов", "--json"],
    );
    assert_eq!(run.json()["id_kind"], "iin", "D-4: an IIN is accepted");
    assert_eq!(
        kense(&db, &["dsn", "taxpayer", "add", iin, "x"]).code,
        Some(4)
    );
    let wrong = kense(&db, &["dsn", "taxpayer", "add", "040540000124", "x"]);
    assert_eq!(wrong.code, Some(2));
    assert!(
        wrong.stderr.contains("BIN: check digit"),
        "{}",
        wrong.stderr
    );
    let good = dir.path().join("good.csv");
    let text = format!(
        "bin,name\n{},\"ТОО \"\"Бір\"\"\"\n{},Екі\n{iin},ИП\n",
        bin(1),
        bin(2)
    );
    std::fs::write(&good, text).unwrap_or_else(|e| panic!("{e}"));
    let imported = kense(
        &db,
        &[
            "dsn",
            "taxpayer",
            "import",
            good.to_str().unwrap_or(""),
            "--json",
        ],
    );
    assert_eq!(imported.json(), json!({ "added": 2, "already_present": 1 }));
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, format!("bin,name\n{},Үш\n123,Төрт\n", bin(3)))
        .unwrap_or_else(|e| panic!("{e}"));
    let refused = kense(
        &db,
        &["dsn", "taxpayer", "import", bad.to_str().unwrap_or("")],
    );
    assert_eq!(refused.code, Some(2));
    assert!(refused.stderr.contains("line 3"), "{}", refused.stderr);
    // Nothing of the bad file was saved: its first (good) row is still unknown.
    let check = apply(&db, &app(&bin(3), 3, "053", vec![product(1, "АИ-92")]));
    assert_eq!(check.code, Some(1), "D-7 (1)");
}

#[test]
fn every_change_is_in_the_audit_chain() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let a = bin(1);
    add(&db, &a);
    apply(
        &db,
        &app(&a, 3, "053", vec![product(1, "АИ-92"), product(1, "аи-92")]),
    );
    let conn = rusqlite::Connection::open(&db).unwrap_or_else(|e| panic!("{e}"));
    let mut statement = conn
        .prepare("SELECT action FROM audit_log ORDER BY id")
        .unwrap_or_else(|e| panic!("{e}"));
    let actions: Vec<String> = statement
        .query_map([], |r| r.get(0))
        .and_then(Iterator::collect)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        actions,
        [
            "dsn_taxpayer_added",
            "dsn_application_registered",
            "dsn_subject_assigned",
            "dsn_code_assigned",
            "dsn_code_refused",
        ]
    );
    let verify = kense(&db, &["audit", "verify"]);
    assert_eq!(verify.code, Some(0), "{}", verify.stdout);
    let rewrite = conn.execute("UPDATE dsn_products SET code = NULL", []);
    assert!(rewrite.is_err(), "an assigned code cannot be rewritten");
}

#[test]
fn decode_through_the_cli_names_the_facet() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let ok = kense(&db, &["dsn", "decode", "6-258-9999-4-001"]);
    assert_eq!(ok.code, Some(0));
    assert!(
        ok.stdout.starts_with("625899994001  6-258-9999-4-001"),
        "{}",
        ok.stdout
    );
    assert!(ok.stdout.contains("Армения"), "{}", ok.stdout);
    let bad = kense(&db, &["dsn", "decode", "325900011001", "--lang", "ru"]);
    assert_eq!(bad.code, Some(1));
    assert!(bad.stdout.contains("фасет 2"), "{}", bad.stdout);
    let json = kense(&db, &["dsn", "decode", "305300015001", "--json"]).json();
    assert_eq!(
        (json["valid"].clone(), json["facet"].clone()),
        (json!(false), json!("product"))
    );
    assert!(!db.exists(), "decoding needs no register");
}
