//! The numbers the register records with a move, through the real binary and real files:
//! the journal of conclusions numbered per year (M-16), and the numbers of the documents
//! issued (M-57), on a new register and on one written before schema version 5.

mod common;

use chrono::Datelike;
use common::{Run, count, kense, on_one_day, raw, register_in, tempdir};
use kense::domain::formulary::Formulary;
use kense::domain::lifecycle::{Event, VerificationGround};
use kense::store::MIGRATIONS;
use std::path::Path;

fn template(db: &Path, code: &str) -> String {
    let run = kense(db, &["formulary", "template", "--code", code]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    run.stdout
}

/// Adds `n` formularies of `code`; returns (number, coupon) of each.
fn add(db: &Path, code: &str, n: usize) -> Vec<(String, String)> {
    let text = common::known_person_passes_json(&template(db, code));
    (0..n)
        .map(|_| {
            let run = common::kense_in(db, &["formulary", "add", "-", "--json"], Some(&text));
            assert_eq!(run.code, Some(0), "{}", run.stderr);
            let v = run.json();
            let field = |k: &str| v[k].as_str().unwrap_or_else(|| panic!("{k}")).to_string();
            (field("number"), field("coupon"))
        })
        .collect()
}

fn mv(db: &Path, number: &str, args: &[&str]) -> Run {
    let mut all = vec!["formulary", "move", number, "--to"];
    all.extend_from_slice(args);
    kense(db, &all)
}

/// `n` formularies under verification (M-16), ready for a conclusion: registered and put
/// under verification by another head, so that the account running the binary may approve
/// them (maker-checker, issue 12).
fn under_verification(db: &Path, n: usize) -> Vec<String> {
    let text = template(db, "04");
    let mut formulary = Formulary::from_json(&text).unwrap_or_else(|e| panic!("{e:?}"));
    // The same example person each time: the register's K-OPEN/K-PERSON warnings let pass.
    common::known_person_passes(&mut formulary);
    let mut maker = common::second_head(db, "maker");
    let now = chrono::Local::now().naive_local();
    (0..n)
        .map(|_| {
            let number = maker
                .register_formulary_at(&formulary, now)
                .unwrap_or_else(|e| panic!("{e}"))
                .number;
            let start = Event::StartVerification {
                ground: VerificationGround::Citizenship,
            };
            maker
                .move_formulary(&number, start, None, now)
                .unwrap_or_else(|e| panic!("{e}"));
            number
        })
        .collect()
}

/// The conclusion number a confirm or refuse recorded (its `--json` transition).
fn concluded(run: &Run) -> String {
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    run.json()["event"]["conclusion"]["number"]
        .as_str()
        .unwrap_or_else(|| panic!("a conclusion number: {}", run.stdout))
        .to_string()
}

/// The journal of `year`, as (number, line) in line order.
fn journal(db: &Path, year: i32) -> Vec<(String, i64)> {
    let conn = raw(db);
    let mut statement = conn
        .prepare("SELECT number, seq FROM conclusions WHERE year = ?1 ORDER BY seq")
        .unwrap_or_else(|e| panic!("{e}"));
    statement
        .query_map([year], |r| Ok((r.get(0)?, r.get(1)?)))
        .and_then(|rows| rows.collect())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// A register at schema version 4 (before conclusions were compared as numbers and
/// document numbers were unique), as an older kense left it.
fn register_of_version_4(db: &Path) {
    let mut conn = raw(db);
    MIGRATIONS
        .to_version(&mut conn, 4)
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn m16_conclusion_numbers_are_numbers_and_the_default_follows_the_highest() {
    on_one_day(|| {
        let dir = tempdir();
        let db = register_in(&dir);
        let year = chrono::Local::now().year();
        let n = under_verification(&db, 6);
        let confirm = |number: &str, extra: &[&str]| {
            let mut args = vec!["confirm", "--json"];
            args.extend_from_slice(extra);
            mv(&db, number, &args)
        };
        assert_eq!(
            concluded(&confirm(&n[0], &["--conclusion-number", "5"])),
            "5"
        );
        // "05" is number 5: the journal holds each number once.
        let again = confirm(&n[1], &["--conclusion-number", "05"]);
        assert_eq!(again.code, Some(4), "{}", again.stderr);
        assert!(
            again
                .stderr
                .contains(&format!("conclusion 5 of {year} is already in the journal")),
            "{}",
            again.stderr
        );
        // A text that is no number is bad input naming the flag and the rule.
        // Past the journal's highest number too: typed at the schema's limit, it made the
        // default (highest + 1) one digit too long for the schema, for the rest of the year.
        for typed in [
            "5a",
            "№6",
            "0",
            "-3",
            "5 6",
            "1000000000",
            "999999999999999999",
        ] {
            let bad = confirm(&n[1], &[&format!("--conclusion-number={typed}")]);
            assert_eq!(bad.code, Some(2), "{typed}: {}", bad.stderr);
            assert!(
                bad.stderr.contains("--conclusion-number") && bad.stderr.contains("M-16"),
                "{typed}: {}",
                bad.stderr
            );
        }
        // The default is the highest number + 1, for confirm and refuse alike, for ever:
        // it never meets a number typed before.
        assert_eq!(concluded(&confirm(&n[1], &[])), "6");
        assert_eq!(concluded(&confirm(&n[2], &[])), "7");
        let refused = mv(&db, &n[3], &["refuse", "--json"]);
        assert_eq!(concluded(&refused), "8");
        // A typed "0009" is recorded as 9, and the default goes on after it.
        assert_eq!(
            concluded(&confirm(&n[4], &["--conclusion-number", " 0009 "])),
            "9"
        );
        assert_eq!(concluded(&confirm(&n[5], &[])), "10");
        let numbers: Vec<String> = journal(&db, year).into_iter().map(|(n, _)| n).collect();
        assert_eq!(numbers, ["5", "6", "7", "8", "9", "10"], "M-16");
        assert_eq!(kense(&db, &["audit", "verify"]).code, Some(0));
    });
}

#[test]
fn m16_a_journal_written_before_version_5_is_read_by_number() {
    on_one_day(|| {
        let dir = tempdir();
        let db = register_in(&dir);
        let year = chrono::Local::now().year();
        register_of_version_4(&db);
        // An older kense took "5" and "05" as two numbers, and any text. (Their formulary
        // and audit entry, 1 and 1, are there once the formularies below are added.)
        let conn = raw(&db);
        conn.pragma_update(None, "foreign_keys", false)
            .unwrap_or_else(|e| panic!("{e}"));
        for (line, number) in [(1, "5"), (2, "05"), (3, "A-7"), (4, "3")] {
            conn.execute(
                "INSERT INTO conclusions (year, seq, number, date, outcome, formulary_id,
                    clerk, audit_id)
                 VALUES (?1, ?2, ?3, ?4, 'confirm', 1, 'old', 1)",
                rusqlite::params![year, line, number, format!("{year}-01-10")],
            )
            .unwrap_or_else(|e| panic!("{e}"));
        }
        drop(conn);
        // The first command that writes upgrades the register; the rows stay as they were.
        let n = under_verification(&db, 3);
        assert_eq!(
            journal(&db, year).len(),
            4,
            "the journal is never rewritten"
        );
        let taken = mv(&db, &n[0], &["confirm", "--conclusion-number", "0005"]);
        assert_eq!(taken.code, Some(4), "5 is in the journal: {}", taken.stderr);
        let taken = mv(&db, &n[0], &["confirm", "--conclusion-number", "3"]);
        assert_eq!(taken.code, Some(4), "{}", taken.stderr);
        // The default: the highest number (5) + 1, past the line count (4) and the text.
        assert_eq!(concluded(&mv(&db, &n[0], &["confirm", "--json"])), "6");
        assert_eq!(concluded(&mv(&db, &n[1], &["refuse", "--json"])), "7");
        let typed = mv(
            &db,
            &n[2],
            &["confirm", "--conclusion-number", "4", "--json"],
        );
        assert_eq!(concluded(&typed), "4", "a free number may be typed");
        let lines: Vec<i64> = journal(&db, year).into_iter().map(|(_, l)| l).collect();
        assert_eq!(
            lines,
            [1, 2, 3, 4, 5, 6, 7],
            "lines go on after the old ones"
        );
        // The schema refuses a clash too, even written around kense.
        let conn = raw(&db);
        for number in ["5", "06", "x"] {
            let written = conn.execute(
                "INSERT INTO conclusions (year, seq, number, date, outcome, formulary_id,
                    clerk, audit_id)
                 VALUES (?1, 99, ?2, ?3, 'confirm', 1, 'old', 1)",
                rusqlite::params![year, number, format!("{year}-01-10")],
            );
            let refused = written.map_err(|e| e.to_string());
            assert!(
                refused.as_ref().is_err_and(|e| e.contains("M-16")),
                "{number}: {refused:?}"
            );
        }
    });
}

/// Sends and manufactures `number`, then issues it with `document` as its number.
fn issue(db: &Path, number: &str, coupon: &str, document: &str) -> Run {
    for step in ["send", "manufacture"] {
        let run = mv(db, number, &[step]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
    }
    mv(
        db,
        number,
        &["issue", "--coupon", coupon, "--document-number", document],
    )
}

#[test]
fn m57_a_document_number_already_recorded_is_refused() {
    let dir = tempdir();
    let db = register_in(&dir);
    let forms = add(&db, "18", 4);
    let first = issue(&db, &forms[0].0, &forms[0].1, "AB123");
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    // The same number again, for the same person and kind: refused, whatever its case.
    for (form, typed) in forms[1..3].iter().zip(["AB123", " ab123 "]) {
        let again = issue(&db, &form.0, &form.1, typed);
        assert_eq!(again.code, Some(4), "{typed}: {}", again.stderr);
        assert!(
            again.stderr.contains("document number") && again.stderr.contains("M-57"),
            "{}",
            again.stderr
        );
        assert!(
            !again.stderr.contains("AB123"),
            "a document's number is personal data: {}",
            again.stderr
        );
        let show = kense(&db, &["formulary", "show", &form.0, "--json"]).json();
        assert_eq!(
            show["state"], "manufactured",
            "a refused move changes nothing"
        );
    }
    assert_eq!(count(&db, "documents"), 1, "one document per number");
    let other = issue(&db, &forms[3].0, &forms[3].1, "AB124");
    assert_eq!(other.code, Some(0), "{}", other.stderr);
    let show = kense(&db, &["formulary", "show", &forms[3].0, "--json"]).json();
    let documents = show["documents"]
        .as_array()
        .unwrap_or_else(|| panic!("a list"));
    assert_eq!(documents.len(), 2, "{documents:?}");
    assert_eq!(documents[0]["number"], "AB123");
    assert_eq!(
        documents[0]["status"]["status"], "invalid",
        "M-57: the earlier document ends with the new one"
    );
    assert_eq!(documents[1]["status"]["status"], "valid");
    assert_eq!(kense(&db, &["audit", "verify"]).code, Some(0));
}

#[test]
fn m57_documents_recorded_twice_before_version_5_are_kept_and_not_recorded_again() {
    let dir = tempdir();
    let db = register_in(&dir);
    register_of_version_4(&db);
    let conn = raw(&db);
    conn.execute_batch(
        "INSERT INTO persons (iin, surname, given_name, updated_at)
             VALUES ('000000000000', 'OLD', 'OLD', '2024-01-01');
         INSERT INTO documents (iin, kind, number, issued_on)
             VALUES ('000000000000', 'passport', 'N1', '2024-01-01'),
                    ('000000000000', 'passport', 'N1', '2024-02-01');",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    let forms = add(&db, "18", 2);
    assert_eq!(count(&db, "documents"), 2, "upgraded, the old rows kept");
    let run = issue(&db, &forms[0].0, &forms[0].1, "n1");
    assert_eq!(run.code, Some(4), "{}", run.stderr);
    let run = issue(&db, &forms[1].0, &forms[1].1, "N2");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(count(&db, "documents"), 3);
}

#[test]
fn m16_a_demo_on_a_journal_written_before_version_5_takes_no_number_twice() {
    let dir = tempdir();
    let db = register_in(&dir);
    register_of_version_4(&db);
    // An older kense wrote the year's first conclusion as "05".
    let conn = raw(&db);
    conn.pragma_update(None, "foreign_keys", false)
        .unwrap_or_else(|e| panic!("{e}"));
    conn.execute(
        "INSERT INTO conclusions (year, seq, number, date, outcome, formulary_id, clerk,
            audit_id)
         VALUES (2025, 1, '05', '2025-01-10', 'confirm', 1, 'old', 1)",
        [],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    // Half a year of demo formularies, all in 2025: their conclusions go on from line 2,
    // and number 5 is the old "05".
    let demo = kense(
        &db,
        &[
            "demo",
            "--count",
            "1500",
            "--days",
            "170",
            "--now",
            "2025-06-30T17:00:00",
        ],
    );
    assert_eq!(demo.code, Some(0), "{}", demo.stderr);
    let numbers: Vec<String> = journal(&db, 2025).into_iter().map(|(n, _)| n).collect();
    assert!(
        numbers.len() > 5,
        "too few conclusions to reach 5: {numbers:?}"
    );
    assert_eq!(numbers[0], "05", "the old line stays as it was");
    assert!(
        !numbers[1..].iter().any(|n| n == "5"),
        "5 written again: {numbers:?}"
    );
}

/// An absurd number an older kense took (any text was a number then) does not make the
/// default one the journal refuses: the default follows the highest number the journal
/// takes.
#[test]
fn m16_an_absurd_old_number_does_not_block_the_default() {
    on_one_day(|| {
        let dir = tempdir();
        let db = register_in(&dir);
        let year = chrono::Local::now().year();
        let n = under_verification(&db, 2);
        let conn = raw(&db);
        conn.pragma_update(None, "foreign_keys", false)
            .unwrap_or_else(|e| panic!("{e}"));
        conn.execute(
            "INSERT INTO conclusions (year, seq, number, date, outcome, formulary_id, clerk,
                audit_id)
             VALUES (?1, 1, '999999999999999999', ?2, 'confirm', 1, 'old', 1)",
            rusqlite::params![year, format!("{year}-01-10")],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        drop(conn);
        assert_eq!(concluded(&mv(&db, &n[0], &["confirm", "--json"])), "1");
        assert_eq!(concluded(&mv(&db, &n[1], &["refuse", "--json"])), "2");
    });
}
