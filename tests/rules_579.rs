//! Order 579's rules of issue 14 through the real binary on a real register file, the clock
//! fixed (`KENSE_NOW`): D-6 (the front office's days; a result passed to the provider and
//! asked for again), D-7 (1) (the activity registered), D-12 (complaints and their terms),
//! and an importer declaring Kazakhstan as the producing country (a warning).

mod common;
mod dsn_support;

use common::{CLERK, Run, process_as};
use dsn_support::{app, bin, product, tempdir};
use serde_json::Value;
use std::path::Path;

fn kense_at(db: &Path, now: &str, args: &[&str], stdin: Option<&str>) -> Run {
    let mut command = assert_cmd::Command::from_std(process_as(db, CLERK));
    command.env("KENSE_NOW", now).args(args);
    if let Some(input) = stdin {
        command.write_stdin(input);
    }
    Run::from(command.output().unwrap_or_else(|e| panic!("{e}")))
}

/// Monday 15 February 2027, 10:00 in Astana.
const NOW: &str = "2027-02-15T05:00:00Z";

fn kense(db: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    kense_at(db, NOW, args, stdin)
}

fn with_subject(application: &str, subject: &str) -> String {
    let mut v: Value = serde_json::from_str(application).unwrap_or_else(|e| panic!("{e}"));
    v["subject_type"] = Value::from(subject);
    v.to_string()
}

/// An application of `bin(1)` received on Tuesday 1 December 2026 at 10:00; its id.
fn applied(db: &Path) -> String {
    let text = app(&bin(1), 4, "053", vec![product(1, "АИ-92")]);
    let args = [
        "dsn",
        "apply",
        "-",
        "--received-at",
        "2026-12-01T10:00",
        "--json",
    ];
    let run = kense(db, &args, Some(&text));
    run.json()["id"].to_string()
}

#[test]
fn d_app3_an_importer_declaring_kazakhstan_is_warned() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let text = with_subject(
        &app(&bin(1), 3, "053", vec![product(1, "АИ-92")]),
        "importer",
    );
    let run = kense(&db, &["dsn", "apply", "-", "--json"], Some(&text));
    let warnings = run.json()["warnings"].to_string();
    assert!(
        warnings.contains("\"country\"") && warnings.contains("facet 1"),
        "{warnings}"
    );
    let producer = with_subject(
        &app(&bin(2), 3, "053", vec![product(1, "АИ-92")]),
        "producer",
    );
    let run = kense(&db, &["dsn", "apply", "-", "--json"], Some(&producer));
    assert!(!run.json()["warnings"].to_string().contains("facet 1"));
}

#[test]
fn d7_1_an_application_for_an_activity_not_registered_is_refused() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let a = bin(1);
    let add = [
        "dsn",
        "taxpayer",
        "add",
        &a,
        "ТОО Мұнай",
        "--activity",
        "producer",
        "--place",
        "Атырау",
    ];
    assert_eq!(kense(&db, &add, None).code, Some(0));
    let importer = with_subject(&app(&a, 4, "053", vec![product(1, "АИ-92")]), "importer");
    let refused = kense(&db, &["dsn", "apply", "-", "--json"], Some(&importer));
    assert_eq!(refused.code, Some(1), "D-7 (1): {}", refused.stderr);
    assert_eq!(refused.json()["products"][0]["ground"], "D-7 (1)");
    let producer = app(&a, 4, "053", vec![product(1, "АИ-92")]);
    let assigned = kense(&db, &["dsn", "apply", "-", "--json"], Some(&producer));
    assert_eq!(assigned.code, Some(0), "{}", assigned.stderr);
    let place: String = common::raw(&db)
        .query_row("SELECT place FROM dsn_taxpayers", [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(place, "Атырау");
}

#[test]
fn d6_the_front_office_takes_results_monday_to_saturday_only() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let id = applied(&db);
    let sunday = kense(&db, &["dsn", "hand-over", &id, "--on", "2026-12-06"], None);
    assert_eq!(sunday.code, Some(2), "D-6: {}", sunday.stderr);
    assert!(
        sunday.stderr.contains("front office is closed"),
        "{}",
        sunday.stderr
    );
    let holiday = kense(&db, &["dsn", "hand-over", &id, "--on", "2026-12-16"], None);
    assert_eq!(
        holiday.code,
        Some(2),
        "Independence Day: {}",
        holiday.stderr
    );
    let saturday = kense(&db, &["dsn", "hand-over", &id, "--on", "2026-12-05"], None);
    assert_eq!(saturday.code, Some(0), "D-App2: {}", saturday.stderr);
}

#[test]
fn d6_a_result_kept_a_month_goes_to_the_provider_and_comes_back_in_a_working_day() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let id = applied(&db);
    let result = |args: &[&str]| {
        let mut all = vec!["dsn", "result"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--id", &id, "--json"]);
        kense(&db, &all, None)
    };
    assert_eq!(
        result(&["pass-back", "--on", "2027-01-05"]).code,
        Some(4),
        "not at the front office yet"
    );
    assert_eq!(
        kense(&db, &["dsn", "hand-over", &id, "--on", "2026-12-05"], None).code,
        Some(0)
    );
    let early = result(&["pass-back", "--on", "2027-01-04"]);
    assert_eq!(early.code, Some(4), "{}", early.stderr);
    assert!(
        early.stderr.contains("until 2027-01-05"),
        "{}",
        early.stderr
    );
    let passed = result(&["pass-back", "--on", "2027-01-05"]);
    assert_eq!(passed.code, Some(0), "{}", passed.stderr);
    // Asked for on Friday 8 January: back by Monday the 11th.
    let asked = result(&["request", "--on", "2027-01-08"]);
    assert_eq!(asked.code, Some(0), "{}", asked.stderr);
    assert_eq!(asked.json()["requested_due"], "2027-01-11", "D-6");
    // A term of the work queue until the provider sends it back.
    let db_store = |f: &dyn Fn(&kense::store::Store) -> usize| {
        let store = kense::store::Store::open_read_only(
            &kense::store::Location::existing(db.clone()),
            common::clerk_named("aigul"),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        f(&store)
    };
    let open = |s: &kense::store::Store| s.dsn_open_requests().map_or(0, |r| r.len());
    assert_eq!(db_store(&open), 1);
    let back = result(&["sent-back", "--on", "2027-01-11"]);
    assert_eq!(back.code, Some(0), "{}", back.stderr);
    assert_eq!(db_store(&open), 0);
    assert_eq!(result(&["sent-back"]).code, Some(4), "sent back once");
}

#[test]
fn d12_complaints_are_due_in_5_or_15_working_days_and_say_when_a_holiday_is_unconfirmed() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let id = applied(&db);
    let complain = |body: &str, on: &str, now: &str| {
        let args = [
            "dsn", "result", "complain", "--body", body, "--id", &id, "--on", on,
        ];
        kense_at(&db, now, &args, None)
    };
    let provider = complain("provider", "2027-01-08", NOW);
    assert_eq!(provider.code, Some(0), "{}", provider.stderr);
    assert!(
        provider.stdout.contains("by 2027-01-15"),
        "D-12: {}",
        provider.stdout
    );
    let quality = complain("quality-body", "2027-01-08", NOW);
    assert!(
        quality.stdout.contains("by 2027-01-29"),
        "D-12: {}",
        quality.stdout
    );
    // Over the 2027 Kurban Ait (an estimate): the term says so.
    let over = complain("provider", "2027-05-12", "2027-06-01T05:00:00Z");
    assert!(
        over.stdout.contains("not yet confirmed") && over.stdout.contains("2027-05-16"),
        "{}",
        over.stdout
    );
    let rows: i64 = common::raw(&db)
        .query_row("SELECT count(*) FROM dsn_complaints", [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rows, 3);
}
