//! `kense dsn` end to end, the terms, the list, the taxpayer register, the audit and
//! decoding: the real binary against a real register file (document 001, D-6, D-App3).

mod common;
mod dsn_support;

use dsn_support::{add, app, apply, bin, kense, kense_in, product, tempdir};
use serde_json::{Value, json};
use std::path::Path;

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
    // No such application: nothing found, as `formulary show` of an unknown number.
    assert_eq!(kense(&db, &["dsn", "hand-over", "9"]).code, Some(1));
}

#[test]
fn hand_over_of_an_unknown_application_is_nothing_found() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    add(&db, &bin(1));
    let run = kense(&db, &["dsn", "hand-over", "999", "--on", "2025-03-12"]);
    assert_eq!(run.code, Some(1), "nothing found: {}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .contains("no DSN application 999 in the register"),
        "{}",
        run.stderr
    );
    let json = kense(&db, &["dsn", "hand-over", "999", "--json"]);
    assert_eq!((json.code, json.stdout.as_str()), (Some(1), ""));
}

#[test]
fn list_with_no_match_is_exit_1_and_a_bin_that_is_not_one_is_exit_2_naming_it() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let (a, absent) = (bin(1), "210341007778");
    add(&db, &a);
    // A register with no application yet.
    let empty = kense(&db, &["dsn", "list"]);
    assert_eq!(empty.code, Some(1), "no rows: {}", empty.stderr);
    assert_eq!(empty.stdout, "");
    assert!(
        empty.stderr.contains("no DSN application matches"),
        "{}",
        empty.stderr
    );
    // --json and --csv still print their (empty) list, as `register` does.
    let json = kense(&db, &["dsn", "list", "--json"]);
    assert_eq!((json.code, json.json()), (Some(1), json!([])));
    let csv = kense(&db, &["dsn", "list", "--csv"]);
    assert_eq!(csv.code, Some(1));
    assert!(csv.stdout.starts_with("application,"), "{}", csv.stdout);
    assert_eq!(
        apply(&db, &app(&a, 3, "053", vec![product(1, "АИ-92")])).code,
        Some(0)
    );
    let mine = kense(&db, &["dsn", "list", "--bin", &a]);
    assert_eq!(mine.code, Some(0), "{}", mine.stderr);
    assert_eq!(mine.stdout.lines().count(), 1, "{}", mine.stdout);
    // A valid BIN no application has.
    let other = kense(&db, &["dsn", "list", "--bin", absent]);
    assert_eq!(other.code, Some(1), "no rows: {}", other.stderr);
    assert_eq!(other.stdout, "");
    let none_overdue = ["dsn", "list", "--overdue", "--today", "2025-03-12"];
    assert_eq!(kense(&db, &none_overdue).code, Some(1));
    // Not a BIN or IIN: a non-digit shape, a wrong check digit. Checked before the
    // register is read, as `dsn taxpayer add` checks it.
    for (bad, why) in [
        ("xyz", "BIN or IIN: "),
        ("160410600015", "IIN: check digit"),
        ("040540000124", "BIN: check digit"),
    ] {
        let run = kense(&db, &["dsn", "list", "--bin", bad]);
        assert_eq!(run.code, Some(2), "{bad}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{bad}");
        assert!(
            run.stderr.contains("--bin: not a valid BIN or IIN") && run.stderr.contains(why),
            "{bad}: {}",
            run.stderr
        );
    }
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
    // Each write ends with the seal of the rows it wrote (issue 15).
    assert_eq!(
        actions,
        [
            "dsn_taxpayer_added",
            "rows_written",
            "dsn_application_registered",
            "dsn_subject_assigned",
            "dsn_code_assigned",
            "dsn_code_refused",
            "rows_written",
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
