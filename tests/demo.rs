//! `kense demo` through the real binary and real files: a populated register that searches,
//! whose audit chain holds, whose formularies validate and whose histories replay, the
//! same for the same seed, and never mixed into a register with real formularies.

mod common;

use common::{Run, clerk_named, kense_as, open_as, raw, tempdir};
use kense::domain::formulary::{Formulary, validate};
use kense::store::{Location, Query, Store};
use std::collections::HashSet;
use std::path::Path;

/// A fixed clock, so that runs compare; in the past, as the demo refuses the future.
const NOW: &str = "2025-06-30T17:00:00";

/// `kense` on `db` as the demo's own clerk.
fn kense(db: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    kense_as(db, "demo", args, stdin)
}

fn demo(db: &Path, count: &str, extra: &[&str]) -> Run {
    let mut args = vec!["demo", "--count", count, "--now", NOW];
    args.extend_from_slice(extra);
    kense(db, &args, None)
}

fn open(db: &Path) -> Store {
    Store::open(&Location::existing(db), clerk_named("test")).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_demo_of_500_fills_a_new_register_that_searches_and_verifies() {
    let dir = tempdir();
    let db = dir.path().join("demo.sqlite");
    let run = demo(&db, "500", &["--json"]);
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    let report: serde_json::Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    assert_eq!(report["formularies"], 500);
    let closed = report["days_closed"].as_u64().unwrap_or(0);
    assert!(closed > 0, "some days are closed: {report}");

    let page = kense(&db, &["register", "--limit", "5"], None);
    assert_eq!(page.code, Some(0), "stderr: {}", page.stderr);
    let lines: Vec<&str> = page.stdout.lines().collect();
    assert_eq!(lines.len(), 5, "five rows:\n{}", page.stdout);
    assert!(
        lines.iter().all(|l| l.starts_with("2025-")),
        "the newest are of the demo's last year:\n{}",
        page.stdout
    );

    let verify = kense(&db, &["audit", "verify"], None);
    assert_eq!(verify.code, Some(0), "{}{}", verify.stdout, verify.stderr);
    assert!(
        verify.stdout.starts_with("audit log intact"),
        "{}",
        verify.stdout
    );
}

#[test]
fn demo_formularies_validate_on_their_day_and_their_histories_replay() {
    let dir = tempdir();
    let db = dir.path().join("demo.sqlite");
    let run = demo(&db, "2000", &[]);
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    let store = open(&db);
    let mut numbers = Vec::new();
    let mut iins = HashSet::new();
    let mut statuses = HashSet::new();
    let mut codes = HashSet::new();
    let mut after = None;
    loop {
        let page = store
            .search(&Query {
                limit: 1000,
                after,
                ..Query::default()
            })
            .unwrap_or_else(|e| panic!("{e}"));
        for row in &page.rows {
            assert!(iins.insert(row.iin.clone()), "IIN {} repeated", row.iin);
            statuses.insert(row.status);
            codes.insert(row.filling_code.clone());
            numbers.push(row.number.clone());
        }
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    assert_eq!(numbers.len(), 2000);
    assert!(statuses.len() >= 5, "realistic mix of states: {statuses:?}");
    assert!(codes.len() >= 12, "most filling codes (M-31): {codes:?}");
    // Every 7th formulary: about 290, every code among them.
    for number in numbers.iter().step_by(7) {
        let record = store
            .formulary(number)
            .unwrap_or_else(|e| panic!("{number}: {e}"))
            .unwrap_or_else(|| panic!("{number} not found"));
        let report = validate(&record.formulary, record.registered_on);
        assert!(
            report.is_accepted(),
            "{number} ({:?}) is not valid under M-31 and the rest: {:?}",
            record.formulary.filling_code,
            report.open().collect::<Vec<_>>()
        );
        let json = record.formulary.to_json().unwrap_or_else(|e| panic!("{e}"));
        let back = Formulary::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, record.formulary, "{number} round-trips its JSON");
        assert!(
            !record.lifecycle.transitions().is_empty(),
            "{number} has its history"
        );
    }
}

#[test]
fn the_same_seed_and_clock_give_the_same_register() {
    let dir = tempdir();
    let listing = |name: &str, seed: &str| {
        let db = dir.path().join(name);
        let run = demo(&db, "300", &["--seed", seed]);
        assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
        kense(&db, &["register", "--limit", "1000", "--csv"], None).stdout
    };
    let a = listing("a.sqlite", "7");
    assert_eq!(a, listing("b.sqlite", "7"));
    assert_ne!(a, listing("c.sqlite", "8"));
}

#[test]
fn a_register_with_real_formularies_is_refused_unless_forced() {
    let dir = tempdir();
    let db = dir.path().join("live.sqlite");
    let example = Formulary::example("18").unwrap_or_else(|| panic!("an example"));
    let json = example.to_json().unwrap_or_else(|e| panic!("{e}"));
    let added = kense(&db, &["formulary", "add", "-"], Some(&json));
    assert_eq!(added.code, Some(0), "stderr: {}", added.stderr);

    let refused = demo(&db, "10", &[]);
    assert_eq!(refused.code, Some(4), "stdout: {}", refused.stdout);
    assert!(refused.stderr.contains("--force"), "{}", refused.stderr);
    let all = |db: &Path| {
        kense(db, &["register", "--limit", "1000"], None)
            .stdout
            .lines()
            .count()
    };
    assert_eq!(all(&db), 1, "nothing was written");

    let forced = demo(&db, "10", &["--force"]);
    assert_eq!(forced.code, Some(0), "stderr: {}", forced.stderr);
    assert_eq!(all(&db), 11);
    let verify = kense(&db, &["audit", "verify"], None);
    assert_eq!(verify.code, Some(0), "{}", verify.stdout);

    // A register holding only demo formularies takes another demo without --force.
    let demo_only = dir.path().join("demo.sqlite");
    assert_eq!(demo(&demo_only, "10", &[]).code, Some(0));
    assert_eq!(demo(&demo_only, "10", &["--seed", "2"]).code, Some(0));
    assert_eq!(all(&demo_only), 20);
}

#[test]
fn a_clock_in_the_future_is_refused() {
    let dir = tempdir();
    let db = dir.path().join("x.sqlite");
    let run = kense(
        &db,
        &["demo", "--count", "5", "--now", "2999-01-01T00:00:00"],
        None,
    );
    assert_eq!(run.code, Some(2), "{}", run.stderr);
}

#[test]
fn days_out_of_range_are_refused_naming_the_option_and_the_range_and_create_nothing() {
    let dir = tempdir();
    let db = dir.path().join("x.sqlite");
    // From 2021-08-03 (order No. 451) to NOW's 2025-06-30: 1428 days.
    for days in ["100000", "60000", "1429", "0"] {
        let run = demo(&db, "5", &["--days", days]);
        assert_eq!(run.code, Some(2), "--days {days}: {}", run.stdout);
        assert!(
            run.stderr
                .contains("--days must be 1 to 1428 with --now on 2025-06-30")
                && run.stderr.contains("2021-08-03"),
            "--days {days}: {}",
            run.stderr
        );
        assert_eq!(run.stdout, "");
    }
    let early = kense(
        &db,
        &["demo", "--count", "5", "--now", "2020-06-30T17:00:00"],
        None,
    );
    assert_eq!(early.code, Some(2), "{}", early.stdout);
    assert!(
        early
            .stderr
            .contains("--now 2020-06-30T17:00:00 is out of range"),
        "{}",
        early.stderr
    );
    // 2025-06-29 is a Sunday; 2025-06-30 before 10:00 has no office hour to register in.
    for now in ["2025-06-29T17:00:00", "2025-06-30T09:30:00"] {
        let args = ["demo", "--count", "5", "--days", "1", "--now", now];
        let run = kense(&db, &args, None);
        assert_eq!(run.code, Some(2), "{now}: {}", run.stdout);
        assert!(
            run.stderr.contains("--days: no day from"),
            "{now}: {}",
            run.stderr
        );
    }
    assert!(!db.exists(), "arguments that cannot work make no register");
}

#[test]
fn a_demo_writes_exactly_the_count_asked_for_over_the_longest_span() {
    let dir = tempdir();
    let db = dir.path().join("demo.sqlite");
    let run = demo(&db, "200", &["--days", "1428", "--json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let report: serde_json::Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    assert_eq!(report["formularies"], 200, "{report}");
    let first = report["first_day"].as_str().unwrap_or_default().to_string();
    assert!(first.as_str() >= "2021-08-03", "{report}");
    let rows: i64 = raw(&db)
        .query_row("SELECT COUNT(*) FROM formularies", [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rows, 200);
    // One day, and a day closed in the register leaves none: said, not written short.
    let one = dir.path().join("one.sqlite");
    let run = demo(&one, "7", &["--days", "1"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.starts_with("7 demo formularies written"),
        "{}",
        run.stdout
    );
    let closed = dir.path().join("closed.sqlite");
    drop(open_as(&closed, "test"));
    let close = kense(&closed, &["day", "close", "--date", "2025-06-30"], None);
    assert_eq!(close.code, Some(0), "{}", close.stderr);
    let run = demo(&closed, "7", &["--days", "1"]);
    assert_eq!(run.code, Some(2), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("no day from 2025-06-30 to 2025-06-30 is open"),
        "{}",
        run.stderr
    );
    let written: i64 = raw(&closed)
        .query_row("SELECT COUNT(*) FROM formularies", [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(written, 0);
}

/// The schema objects of a register file: type, name and SQL, sorted.
fn schema(db: &Path) -> Vec<(String, String, Option<String>)> {
    let conn = raw(db);
    conn.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect()
        })
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_new_register_filled_in_bulk_keeps_its_indexes_seals_and_keys() {
    let dir = tempdir();
    let empty = dir.path().join("empty.sqlite");
    drop(open_as(&empty, "test"));
    let db = dir.path().join("demo.sqlite");
    assert_eq!(demo(&db, "400", &[]).code, Some(0));
    // The indexes and triggers the bulk fill suspends are all back, the same.
    assert_eq!(schema(&db), schema(&empty));
    let conn = raw(&db);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        mode, "wal",
        "filled in rollback-journal mode, back in WAL after"
    );
    let dangling: i64 = conn
        .query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        dangling, 0,
        "every reference the fill wrote unchecked holds"
    );
    let plan: String = conn
        .query_row(
            "EXPLAIN QUERY PLAN SELECT id FROM formularies WHERE surname_fold >= 'a'",
            [],
            |r| r.get(3),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(plan.contains("formularies_surname"), "{plan}");
    // The day seal is enforced again: a row into a closed day is refused by the file.
    let closed: String = conn
        .query_row("SELECT date FROM day_closes LIMIT 1", [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{e}"));
    let refused = conn.execute(
        "INSERT INTO transitions (formulary_id, seq, from_state, to_state, event_json, clerk,
            at, audit_id) VALUES (1, 99, 'issued', 'issued', '{}', 'x', ?1, 1)",
        [format!("{closed}T12:00:00")],
    );
    assert!(
        refused.is_err_and(|e| e.to_string().contains("the day is closed")),
        "the seal trigger is back"
    );
    drop(conn);
    // A register that already has formularies takes more the careful way, in batches.
    assert_eq!(demo(&db, "50", &["--seed", "2"]).code, Some(0));
    assert_eq!(schema(&db), schema(&empty));
    let verify = kense(&db, &["audit", "verify"], None);
    assert_eq!(verify.code, Some(0), "{}", verify.stdout);
}

#[test]
fn a_new_register_another_clerk_has_open_is_filled_and_read_by_that_clerk() {
    let dir = tempdir();
    let db = dir.path().join("demo.sqlite");
    drop(open_as(&db, "test"));
    // Another clerk's connection, open through the bulk fill (its one transaction, indexes
    // dropped and made again): that clerk reads the register before and after.
    let other = raw(&db);
    let before: i64 = other
        .query_row("SELECT COUNT(*) FROM formularies", [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(before, 0);
    let run = demo(&db, "300", &[]);
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    let (after, mode): (i64, String) = other
        .query_row(
            "SELECT (SELECT COUNT(*) FROM formularies), (SELECT * FROM pragma_journal_mode)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((after, mode.as_str()), (300, "wal"));
}
