//! The audit log, the IINs issued and the day closes, as a clerk and a tamperer see them.
//!
//! Tampering goes around kense with a raw SQLite connection: the audit log refuses UPDATE
//! and DELETE through its triggers, so the tamperer drops them first.

mod common;

use common::{date, kense, me, open, open_as, raw, register_in, tempdir};
use kense::domain::Sex;
use kense::domain::iin::Iin;
use kense::store::{Problem, StoreError};
use serde_json::Value;
use std::path::Path;

fn generate(db: &Path, birth_date: &str, sex: &str) -> String {
    let mut args = vec!["iin", "generate", "--birth-date", birth_date, "--sex", sex];
    if birth_date > "2009" {
        // M-12.a: what the parent showed for a child's IIN.
        args.extend_from_slice(&[
            "--birth-certificate",
            "I-АК 1",
            "--certificate-date",
            birth_date,
            "--certificate-issuer",
            "РАГС",
            "--parent-document",
            "удостоверение 1",
            "--zags-found",
            "yes",
        ]);
    }
    let run = kense(db, &args);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    run.stdout.trim().to_string()
}

#[test]
fn generated_iins_are_valid_new_and_audited() {
    let dir = tempdir();
    let db = register_in(&dir);
    let first = generate(&db, "2015-03-08", "female");
    let second = generate(&db, "2015-03-08", "female");
    assert_ne!(first, second, "the register never issues an IIN twice");
    for text in [&first, &second] {
        let iin = Iin::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(iin.birth_date(), Some(date(2015, 3, 8)), "M-12.a: {text}");
        assert_eq!(iin.sex(), Some(Sex::Female), "M-12.a: {text}");
    }
    let store = open_as(&db, &me());
    let entries = store.audit_entries().unwrap_or_else(|e| panic!("{e}"));
    // Issue 15: each write's entry is followed by the seal of the rows it wrote.
    assert_eq!(entries.len(), 4);
    assert_eq!(entries[0].action, "iin_generated");
    assert_eq!(entries[0].subject, first);
    assert_eq!(entries[0].clerk, me(), "the OS account (issue 12)");
    assert_eq!(entries[1].action, "rows_written");
    assert_eq!(entries[2].subject, second);
    assert_eq!(
        entries[1].prev_hash, entries[0].hash,
        "the entries are chained"
    );
    // No personal data beyond the subject: the details hold the serial, and for a child
    // whether ИС ЗАГС had the birth record (M-12.a), not what the parent showed.
    let details: Value = serde_json::from_str(&entries[0].details_json).unwrap_or_default();
    assert_eq!(
        details,
        serde_json::json!({ "serial": 1, "zags_found": true })
    );
}

#[test]
fn the_audit_log_refuses_update_and_delete() {
    let dir = tempdir();
    let db = register_in(&dir);
    generate(&db, "1990-05-17", "male");
    let conn = raw(&db);
    for sql in [
        "UPDATE audit_log SET clerk = 'someone' WHERE id = 1",
        "DELETE FROM audit_log",
        "DELETE FROM iin_issued",
    ] {
        let error = conn.execute(sql, []).err().map(|e| e.to_string());
        assert!(
            error.as_deref().is_some_and(|e| e.contains("append-only")),
            "{sql}: {error:?}"
        );
    }
}

#[test]
fn an_edited_audit_row_is_caught_with_its_id() {
    let dir = tempdir();
    let db = register_in(&dir);
    for _ in 0..3 {
        generate(&db, "1990-05-17", "male");
    }
    let intact = kense(&db, &["audit", "verify"]);
    assert_eq!(intact.code, Some(0), "{}", intact.stderr);
    assert!(
        intact.stdout.starts_with("audit log intact: 6 entries"),
        "{}",
        intact.stdout
    );

    raw(&db)
        .execute_batch(
            "DROP TRIGGER audit_log_no_update;
             UPDATE audit_log SET clerk = 'someone else' WHERE id = 2;",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let run = kense(&db, &["audit", "verify"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("audit log broken at entry 2: its hash"),
        "{}",
        run.stdout
    );
    let json = kense(&db, &["audit", "verify", "--json"]);
    assert_eq!(json.code, Some(1));
    let value: Value = serde_json::from_str(&json.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value["intact"], false);
    assert_eq!(
        value["entries"], 1,
        "entry 1 checked out before the bad one"
    );
    assert_eq!(value["first_bad"]["id"], 2);
    assert_eq!(value["first_bad"]["problem"]["kind"], "wrong_hash");
}

#[test]
fn a_removed_entry_breaks_the_link_of_the_next() {
    let dir = tempdir();
    let db = register_in(&dir);
    for _ in 0..3 {
        generate(&db, "1990-05-17", "female");
    }
    raw(&db)
        .execute_batch(
            "PRAGMA foreign_keys = OFF;
             DROP TRIGGER audit_log_no_delete;
             DELETE FROM audit_log WHERE id = 2;",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let report = open(&db).verify_audit().unwrap_or_else(|e| panic!("{e}"));
    let bad = report
        .first_bad
        .unwrap_or_else(|| panic!("the removal is caught"));
    assert_eq!(bad.id, 3);
    assert!(
        matches!(bad.problem, Problem::BrokenLink { .. }),
        "{:?}",
        bad.problem
    );
}

#[test]
fn entries_cut_from_the_end_are_caught_by_the_day_close() {
    let dir = tempdir();
    let db = register_in(&dir);
    generate(&db, "1990-05-17", "female");
    generate(&db, "1990-05-17", "female");
    let close = kense(&db, &["day", "close", "--date", "2024-03-01", "--json"]);
    assert_eq!(close.code, Some(0), "{}", close.stderr);
    let value: Value = serde_json::from_str(&close.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value["date"], "2024-03-01");
    // Each generation's entry and its seal (issue 15), then the close.
    assert_eq!(value["audit_id"], 5);
    generate(&db, "1990-05-17", "female");
    // A chain cut after entry 1 is still whole, but the close saw entry 4's hash.
    raw(&db)
        .execute_batch(
            "PRAGMA foreign_keys = OFF;
             DROP TRIGGER audit_log_no_delete;
             DELETE FROM audit_log WHERE id >= 2;",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let run = kense(&db, &["audit", "verify"]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert!(
        run.stdout.contains("entry 5: the close of 2024-03-01"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_cut_starting_at_the_close_s_own_entry_is_caught() {
    let dir = tempdir();
    let db = register_in(&dir);
    generate(&db, "1990-05-17", "female");
    generate(&db, "1990-05-17", "female");
    let close = kense(&db, &["day", "close", "--date", "2024-03-01", "--json"]);
    assert_eq!(close.code, Some(0), "{}", close.stderr);
    generate(&db, "1990-05-17", "female");
    // The head the close recorded (entry 4, the second generation's seal) stays; the
    // close's own entry 5 and what follows go. The chain left is whole, so only the close
    // can tell.
    raw(&db)
        .execute_batch(
            "PRAGMA foreign_keys = OFF;
             DROP TRIGGER audit_log_no_delete;
             DELETE FROM audit_log WHERE id >= 5;",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let run = kense(&db, &["audit", "verify", "--json"]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    let value: Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value["first_bad"]["id"], 5, "{value}");
    assert_eq!(
        value["first_bad"]["problem"]["kind"],
        "day_close_entry_missing"
    );
}

#[test]
fn a_day_closes_once() {
    let dir = tempdir();
    let db = register_in(&dir);
    let mut store = open_as(&db, &me());
    let day = date(2024, 3, 1);
    assert!(!store.is_closed(day).unwrap_or_else(|e| panic!("{e}")));
    let before = store.audit_entries().unwrap_or_else(|e| panic!("{e}"));
    let closed = store.close_day(day).unwrap_or_else(|e| panic!("{e}"));
    // Nothing before it but the seal of the register's making (issue 15), if any.
    assert_eq!(
        closed.audit_hash,
        before
            .last()
            .map_or(kense::store::GENESIS.to_string(), |e| e.hash.clone()),
        "the head before it"
    );
    assert!(store.is_closed(day).unwrap_or_else(|e| panic!("{e}")));
    assert!(matches!(
        store.close_day(day),
        Err(StoreError::DayAlreadyClosed { .. })
    ));
    let again = kense(&db, &["day", "close", "--date", "2024-03-01"]);
    assert_eq!(again.code, Some(4), "{}", again.stderr);
    assert!(again.stderr.contains("already closed"), "{}", again.stderr);
    let future = kense(&db, &["day", "close", "--date", "2999-01-01"]);
    assert_eq!(future.code, Some(2), "{}", future.stderr);
}

#[test]
fn running_out_of_serials_is_a_clear_refusal() {
    let dir = tempdir();
    let db = register_in(&dir);
    let mut store = open_as(&db, &me());
    // Pretend serial 9999 was taken, by a row with no audit entry behind it.
    let conn = raw(&db);
    conn.execute_batch("PRAGMA foreign_keys = OFF")
        .unwrap_or_else(|e| panic!("{e}"));
    conn.execute(
        "INSERT INTO iin_issued (iin, birth_date, sex, serial, issued_at, clerk, audit_id)
             VALUES ('000000000000', '2000-01-01', 'male', 9999, 'now', 'test', 999)",
        [],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        store.generate_iin(date(2000, 1, 1), Sex::Male),
        Err(StoreError::SerialsExhausted { .. })
    ));
    // The other sex of that date still has every serial.
    assert!(store.generate_iin(date(2000, 1, 1), Sex::Female).is_ok());
    drop(store);
    let run = kense(
        &db,
        &[
            "iin",
            "generate",
            "--birth-date",
            "2000-01-01",
            "--sex",
            "male",
        ],
    );
    assert_eq!(run.code, Some(4), "{}", run.stderr);
    assert!(
        run.stderr.contains("no IIN serial is left"),
        "{}",
        run.stderr
    );
}

#[test]
fn birth_dates_the_iin_cannot_hold_are_bad_input() {
    let dir = tempdir();
    let db = register_in(&dir);
    let mut store = open(&db);
    assert!(matches!(
        store.generate_iin(date(1799, 12, 31), Sex::Male),
        Err(StoreError::BirthDateUnsupported { .. })
    ));
    let future = kense(
        &db,
        &[
            "iin",
            "generate",
            "--birth-date",
            "2999-01-01",
            "--sex",
            "male",
        ],
    );
    assert_eq!(future.code, Some(2), "{}", future.stderr);
    let bad = kense(
        &db,
        &[
            "iin",
            "generate",
            "--birth-date",
            "2001-02-30",
            "--sex",
            "male",
        ],
    );
    assert_eq!(bad.code, Some(2), "{}", bad.stderr);
}
