//! Issue 15: `audit verify` binds the tables to the audit log. Each kind of tampering an
//! intruder with the `sqlite3` shell can do without re-hashing the chain (triggers dropped,
//! rows changed) makes it exit 1 naming the place.

mod common;

use common::{kense, kense_in, raw, register_in, tempdir};
use std::path::{Path, PathBuf};

/// A register with three formularies, one sent, and today closed; returns it and the
/// numbers.
fn register(dir: &tempfile::TempDir) -> (PathBuf, Vec<String>) {
    let db = register_in(dir);
    // One example person three times: the register's warnings (issue 11) let pass.
    let template = common::known_person_passes_json(
        &kense(&db, &["formulary", "template", "--code", "18"]).stdout,
    );
    let numbers: Vec<String> = (0..3)
        .map(|_| {
            let run = kense_in(&db, &["formulary", "add", "-", "--json"], Some(&template));
            assert_eq!(run.code, Some(0), "{}", run.stderr);
            run.json()["number"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    let sent = kense(&db, &["formulary", "move", &numbers[1], "--to", "send"]);
    assert_eq!(sent.code, Some(0), "{}", sent.stderr);
    let closed = kense(&db, &["day", "close"]);
    assert_eq!(closed.code, Some(0), "{}", closed.stderr);
    let verified = kense(&db, &["audit", "verify"]);
    assert_eq!(verified.code, Some(0), "untouched: {}", verified.stdout);
    (db, numbers)
}

/// Runs `sql` on the file as an intruder would, then `audit verify`: exit 1 naming `place`.
fn tampered(db: &Path, sql: &str, place: &str, what: &str) {
    raw(db)
        .execute_batch(sql)
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    let run = kense(db, &["audit", "verify"]);
    assert_eq!(run.code, Some(1), "{what}: {}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains(place), "{what}: {}", run.stdout);
    assert!(run.stdout.contains(what), "{what}: {}", run.stdout);
    let json = kense(db, &["audit", "verify", "--json"]).json();
    assert_eq!(json["intact"], false, "{json}");
}

#[test]
fn a_deleted_close_row_is_named_by_its_date() {
    let dir = tempdir();
    let (db, _) = register(&dir);
    let today: String = raw(&db)
        .query_row("SELECT date FROM day_closes", [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{e}"));
    tampered(
        &db,
        "DROP TRIGGER day_closes_no_delete; DELETE FROM day_closes;",
        &today,
        "close row is gone",
    );
}

#[test]
fn a_changed_status_is_named_by_the_formulary() {
    let dir = tempdir();
    let (db, numbers) = register(&dir);
    let sql = format!(
        "UPDATE formularies SET status = 'issued' WHERE number = '{}'",
        numbers[1]
    );
    tampered(
        &db,
        &sql,
        &numbers[1],
        "is stored as issued, but its history leads to sent",
    );
}

#[test]
fn an_inserted_formulary_is_named() {
    let dir = tempdir();
    let (db, numbers) = register(&dir);
    let sql = format!(
        "DROP TRIGGER formularies_sealed_insert;
         INSERT INTO formularies (number, coupon, year, seq, registered_on, clerk, iin, surname,
             given_name, patronymic, surname_key, given_key, filling_code, region_code,
             district_code, document, status, formulary_json)
         SELECT '{0}-9999999', '1000000009', year, 9999999, registered_on, clerk, iin, surname,
             given_name, patronymic, surname_key, given_key, filling_code, region_code,
             district_code, document, status, formulary_json
         FROM formularies WHERE number = '{1}';",
        &numbers[0][..4],
        numbers[0]
    );
    let inserted = format!("{}-9999999", &numbers[0][..4]);
    tampered(&db, &sql, &inserted, "has no registration entry");
}

#[test]
fn a_deleted_formulary_is_named() {
    let dir = tempdir();
    let (db, numbers) = register(&dir);
    let sql = format!(
        "DROP TRIGGER transitions_no_delete; DROP TRIGGER formularies_no_delete;
         DELETE FROM transitions WHERE formulary_id =
             (SELECT id FROM formularies WHERE number = '{0}');
         DELETE FROM formularies WHERE number = '{0}';",
        numbers[2]
    );
    tampered(&db, &sql, &numbers[2], "is not in the register");
}

#[test]
fn a_deleted_move_is_named_by_its_formulary() {
    let dir = tempdir();
    let (db, numbers) = register(&dir);
    let sql = format!(
        "DROP TRIGGER transitions_no_delete;
         DELETE FROM transitions WHERE seq = 2 AND formulary_id =
             (SELECT id FROM formularies WHERE number = '{0}');",
        numbers[1]
    );
    tampered(&db, &sql, &numbers[1], "is not in its history");
}

#[test]
fn an_inserted_move_is_named() {
    let dir = tempdir();
    let (db, numbers) = register(&dir);
    // A move slipped into the history, pointing at another formulary's entry.
    let sql = format!(
        "DROP TRIGGER transitions_sealed;
         INSERT INTO transitions (formulary_id, seq, from_state, to_state, event_json, clerk,
             at, reason, audit_id)
         SELECT formulary_id, 2, 'registered', 'sent', '{{\"move\":\"send\"}}', clerk, at,
             NULL, audit_id
         FROM transitions WHERE seq = 1 AND formulary_id =
             (SELECT id FROM formularies WHERE number = '{0}');
         UPDATE formularies SET status = 'sent' WHERE number = '{0}';",
        numbers[0]
    );
    tampered(&db, &sql, &numbers[0], "has no audit entry recording it");
}

#[test]
fn a_move_that_does_not_follow_the_one_before_is_named() {
    let dir = tempdir();
    let (db, numbers) = register(&dir);
    let sql = format!(
        "DROP TRIGGER transitions_no_update;
         UPDATE transitions SET from_state = 'returned' WHERE seq = 2 AND formulary_id =
             (SELECT id FROM formularies WHERE number = '{0}');",
        numbers[1]
    );
    tampered(
        &db,
        &sql,
        &numbers[1],
        "does not start where the move before it ended",
    );
}

#[test]
fn a_move_moved_back_into_a_closed_day_is_named() {
    let dir = tempdir();
    let db = register_in(&dir);
    let template = kense(&db, &["formulary", "template", "--code", "18"]).stdout;
    let run = kense_in(&db, &["formulary", "add", "-", "--json"], Some(&template));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let number = run.json()["number"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let yesterday = (chrono::Local::now().date_naive() - chrono::Days::new(1)).to_string();
    let closed = kense(&db, &["day", "close", "--date", &yesterday]);
    assert_eq!(closed.code, Some(0), "{}", closed.stderr);
    let sent = kense(&db, &["formulary", "move", &number, "--to", "send"]);
    assert_eq!(sent.code, Some(0), "{}", sent.stderr);
    // The move, made after yesterday's close, dated into yesterday.
    let sql = format!(
        "DROP TRIGGER transitions_no_update;
         UPDATE transitions SET at = '{yesterday}' || substr(at, 11) WHERE seq = 2;"
    );
    tampered(&db, &sql, &yesterday, "a day closed before it was written");
}
