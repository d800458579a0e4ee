//! Issue 12: `kense queue` dates what waits in working days of Kazakhstan, by index; `kense
//! day show` reconciles every day of a demo register; `day close` keeps days in order and
//! refuses to seal on a broken audit chain.

mod common;
mod register_common;

use chrono::{Days, NaiveDate};
use common::{Run, kense, me, raw};
use kense::domain::lifecycle::{Event, VerificationGround};
use kense::store::{QUEUE_SQL, Replay};
use register_common::{at, day, open, person, register, register_in, tempdir};
use serde_json::Value;

fn ok(run: &Run) {
    assert_eq!(run.code, Some(0), "{}\n{}", run.stdout, run.stderr);
}

/// Friday 20 March 2026 is the last working day before Nauryz (21–23 March, and the 21st
/// and 22nd, a Saturday and a Sunday, moved to the 24th and 25th): the three working days
/// of the verification are 26, 27 and 30 March, the conclusion's two 31 March and 1 April.
#[test]
fn a_verification_started_before_nauryz_is_due_after_it() {
    let dir = tempdir();
    let db = register_in(&dir);
    let mut store = open(&db, &me());
    let number = register(
        &mut store,
        &person("18", "ОСПАНОВ", "ЕРЛАН", 3),
        at(day(2026, 3, 19), 10),
    );
    let start = Event::StartVerification {
        ground: VerificationGround::Citizenship,
    };
    store
        .move_formulary(&number, start, None, at(day(2026, 3, 20), 11))
        .unwrap_or_else(|e| panic!("{e}"));
    drop(store);

    let run = kense(&db, &["queue", "--json"]);
    ok(&run);
    let queue = run.json();
    let items = &queue["items"];
    let item = items
        .as_array()
        .and_then(|a| a.iter().find(|i| i["subject"] == number.as_str()))
        .unwrap_or_else(|| panic!("not in the queue: {items}"));
    assert_eq!(item["since"], "2026-03-20");
    assert_eq!(
        item["verification_due"], "2026-03-30",
        "M-16: 3 working days"
    );
    assert_eq!(
        item["conclusion_due"], "2026-04-01",
        "M-16: then 2 working days"
    );
    // Today (office time) is long past both: the conclusion is overdue.
    assert_eq!(item["kind"], "m16_conclusion");
    assert_eq!(item["due"], "2026-04-01");
    assert_eq!(item["overdue"], true);
    assert_eq!(item["rule"], "M-16");
    assert_eq!(items[0]["overdue"], true, "overdue first");
    assert_eq!(queue["waiting"]["m16_verification"], 1);
    assert_eq!(queue["overdue"], 1);
}

/// The queue walks indexes only: each of its statements searches an index, none scans a
/// table (a scan of the register would not stay within 20 ms at a million formularies).
#[test]
fn the_queue_never_scans_the_register() {
    let dir = tempdir();
    let db = register_in(&dir);
    drop(open(&db, &me()));
    let conn = raw(&db);
    for sql in QUEUE_SQL {
        let sql = sql.replace("?1", "'x'").replace("?2", "10");
        let plan: Vec<String> = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .and_then(|mut s| {
                s.query_map([], |r| r.get::<_, String>(3))?
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            plan.iter()
                .all(|step| step.contains("USING") && step.contains("INDEX")),
            "{sql}: {plan:?}"
        );
    }
}

fn state_lines(review: &Value) -> Vec<(String, [u64; 4])> {
    review["balance"]["by_state"]
        .as_array()
        .unwrap_or_else(|| panic!("by_state"))
        .iter()
        .map(|l| {
            let n = |k: &str| l[k].as_u64().unwrap_or_else(|| panic!("{k}: {l}"));
            let state = l["state"].as_str().unwrap_or_default().to_string();
            (state, [n("start"), n("came"), n("left"), n("end")])
        })
        .collect()
}

/// Every day of a demo register, with and without records, reconciles: for every state and
/// for the office, start + in − out = end; each day starts where the day before ended
/// (separate runs of kense); and the counts replayed forward from the first move equal
/// those replayed backward from today's states.
#[test]
fn day_show_reconciles_every_day_of_a_demo_register() {
    let dir = tempdir();
    let db = register_in(&dir);
    let args = [
        "demo",
        "--count",
        "1200",
        "--days",
        "40",
        "--seed",
        "12",
        "--now",
        "2026-11-27T17:00:00",
        "--json",
    ];
    let demo = kense(&db, &args);
    ok(&demo);
    let report = demo.json();
    let date = |k: &str| -> NaiveDate {
        report[k]
            .as_str()
            .and_then(|d| d.parse().ok())
            .unwrap_or_else(|| panic!("{k}: {report}"))
    };
    let (first, last) = (date("first_day"), date("last_day"));
    let store = open(&db, &me());
    let mut previous_end: Option<Vec<(String, u64)>> = None;
    let mut d = first.checked_sub_days(Days::new(1)).unwrap_or(first);
    let mut walked = 0;
    while d <= last {
        let run = kense(&db, &["day", "show", "--date", &d.to_string(), "--json"]);
        ok(&run);
        let review = run.json();
        assert_eq!(
            review["balance"]["reconciled"], true,
            "{d}: {}",
            review["balance"]
        );
        let lines = state_lines(&review);
        for (state, [start, came, left, end]) in &lines {
            assert_eq!(start + came - left, *end, "{d} {state}");
        }
        let o = &review["balance"]["office"];
        let n = |k: &str| o[k].as_u64().unwrap_or_else(|| panic!("{k}: {o}"));
        assert_eq!(
            n("start") + n("registered") + n("returned") + n("manufactured")
                - n("sent")
                - n("issued")
                - n("destroyed"),
            n("end"),
            "{d}: {o}"
        );
        let starts: Vec<(String, u64)> = lines.iter().map(|(s, v)| (s.clone(), v[0])).collect();
        if let Some(prev) = &previous_end {
            assert_eq!(prev, &starts, "{d} starts where the day before ended");
        }
        previous_end = Some(lines.iter().map(|(s, v)| (s.clone(), v[3])).collect());
        let forward = store
            .day_balance(d, Replay::Forward)
            .unwrap_or_else(|e| panic!("{e}"));
        let backward = store
            .day_balance(d, Replay::Backward)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(forward, backward, "{d}");
        walked += 1;
        d = d.succ_opt().unwrap_or_else(|| panic!("a day after {d}"));
    }
    assert!(walked >= 40, "walked {walked} days");
    // --csv: the accounting, one line per state and the office's.
    let csv = kense(&db, &["day", "show", "--date", &last.to_string(), "--csv"]);
    ok(&csv);
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(lines.first(), Some(&"line,start,came,left,end"));
    assert_eq!(lines.len(), 1 + 9 + 1, "{}", csv.stdout);
    assert!(
        lines.iter().any(|l| l.starts_with("in_office,")),
        "{}",
        csv.stdout
    );
    let queue = kense(&db, &["queue", "--csv", "--limit", "2"]);
    ok(&queue);
    assert!(
        queue
            .stdout
            .starts_with("overdue,kind,rule,subject,since,due,days_waiting\n"),
        "{}",
        queue.stdout
    );
    // The last day's end is what the register holds now.
    let held: i64 = raw(&db)
        .query_row("SELECT COUNT(*) FROM formularies", [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{e}"));
    let total: u64 = previous_end
        .unwrap_or_default()
        .iter()
        .map(|(_, n)| n)
        .sum();
    assert_eq!(i64::try_from(total).unwrap_or(-1), held);
}

/// Days close in order, and never on top of a broken audit chain (issue 12).
#[test]
fn day_close_keeps_days_in_order_and_refuses_a_broken_chain() {
    let dir = tempdir();
    let db = register_in(&dir);
    let mut store = open(&db, &me());
    let earlier = day(2026, 11, 2);
    register(
        &mut store,
        &person("18", "ОСПАНОВ", "ЕРЛАН", 3),
        at(earlier, 10),
    );
    drop(store);
    let later = "2026-11-03";
    let run = kense(&db, &["day", "close", "--date", later]);
    assert_eq!(run.code, Some(4), "{}", run.stderr);
    assert!(
        run.stderr.contains("before the earlier day 2026-11-02"),
        "{}",
        run.stderr
    );
    ok(&kense(&db, &["day", "close", "--date", "2026-11-02"]));

    let conn = raw(&db);
    conn.execute_batch(
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET clerk = 'x' WHERE id = 2;",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    let run = kense(&db, &["day", "close", "--date", later]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("audit log is broken at entry 2"),
        "{}",
        run.stderr
    );
    assert_eq!(common::count(&db, "day_closes"), 1);
}

/// A damaged page that opening does not read (an index of the register) is found by the
/// close's `quick_check`, and nothing is sealed on it (issue 12).
#[test]
fn day_close_refuses_a_damaged_file() {
    let dir = tempdir();
    let db = register_in(&dir);
    let mut store = open(&db, &me());
    register(
        &mut store,
        &person("18", "ОСПАНОВ", "ЕРЛАН", 3),
        at(day(2026, 11, 2), 10),
    );
    drop(store);
    let (root, page): (i64, i64) = {
        let conn = raw(&db);
        let root = conn
            .query_row(
                "SELECT rootpage FROM sqlite_master WHERE name = 'formularies_given'",
                [],
                |r| r.get(0),
            )
            .unwrap_or_else(|e| panic!("{e}"));
        let page = conn
            .query_row("PRAGMA page_size", [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{e}"));
        (root, page)
    };
    let mut bytes = std::fs::read(&db).unwrap_or_else(|e| panic!("{e}"));
    let from = usize::try_from((root - 1) * page).unwrap_or_else(|e| panic!("{e}"));
    let to = from + usize::try_from(page).unwrap_or_else(|e| panic!("{e}"));
    for (i, b) in bytes[from..to].iter_mut().enumerate() {
        *b = (i * 7 + 13) as u8;
    }
    std::fs::write(&db, &bytes).unwrap_or_else(|e| panic!("{e}"));
    let run = kense(&db, &["day", "close", "--date", "2026-11-02"]);
    assert_eq!(run.code, Some(3), "{}", run.stderr);
    assert!(run.stderr.contains("damaged"), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(common::count(&db, "day_closes"), 0, "nothing sealed");
}
