//! The audit check's pieces on real register files (issue 15): the threads give the
//! sequential check's answer, keyed seals keep IINs out of the log and still bind the
//! rows (also after seals written before them), a close's check of what came since, and
//! the snapshot every thread must share.

use super::keys::Keys;
use super::parallel::joined;
use super::seal::seal;
use super::{AuditReport, GENESIS, Openers, head, verify, verify_parallel, verify_since};
use crate::domain::Sex;
use crate::store::{Clerk, DemoOptions, Location, MIGRATIONS, Store};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// A demo register of 300 formularies in `dir` (the demo seals every row it writes).
fn register(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("register.sqlite");
    let mut store = Store::open(&Location::create_if_missing(&path), clerk()).expect("open");
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 20)
        .and_then(|d| d.and_hms_opt(17, 0, 0))
        .expect("now");
    store
        .fill_demo(&DemoOptions {
            count: 300,
            seed: 7,
            now,
            days: 20,
            force: false,
        })
        .expect("demo");
    path
}

fn clerk() -> Clerk {
    Clerk::new("aigul.zh").expect("clerk")
}

fn reader(path: &Path) -> rusqlite::Result<Connection> {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
}

/// The sequential check's report and the threads' report of the file at `path`.
fn both(path: &Path) -> (AuditReport, AuditReport) {
    let conn = Connection::open(path).expect("open");
    conn.execute_batch("BEGIN").expect("begin");
    let sequential = verify(&conn).expect("verify");
    let (reader, writer) = (|| reader(path), || Connection::open(path));
    let open = Openers {
        reader: &reader,
        writer: &writer,
    };
    let (verdict, parallel) = verify_parallel(&conn, &open, true).expect("parallel");
    assert_eq!(verdict, ["ok"]);
    (sequential, parallel)
}

#[test]
fn the_threads_find_what_one_connection_finds() {
    let dir = tempfile::tempdir().expect("dir");
    let path = register(&dir);
    let (sequential, parallel) = both(&path);
    assert_eq!(sequential, parallel);
    assert!(parallel.is_intact(), "{parallel:?}");
    // Each kind of change, alone on a copy: the same first problem either way.
    let changes = [
        "UPDATE documents SET number = 'AB0000001' WHERE rowid = 5",
        "PRAGMA foreign_keys = OFF; DELETE FROM persons WHERE rowid = 9",
        "DROP TRIGGER transitions_no_update;
         UPDATE transitions SET to_state = 'issued' WHERE rowid = 40",
        "DROP TRIGGER audit_log_no_update;
         UPDATE audit_log SET clerk = 'x' WHERE id = 2",
        "UPDATE formularies SET surname = 'ZZ' WHERE id = (SELECT MAX(id) FROM formularies);
         UPDATE persons SET given_name = 'ZZ' WHERE rowid = 3",
    ];
    for change in changes {
        found_alike(&dir, &path, change);
    }
}

/// `change` made on a copy of `path`: found, and alike by the threads and by one
/// connection.
fn found_alike(dir: &tempfile::TempDir, path: &Path, change: &str) {
    let copy = dir.path().join("copy.sqlite");
    std::fs::copy(path, &copy).expect("copy");
    Connection::open(&copy)
        .and_then(|c| c.execute_batch(change))
        .expect(change);
    let (sequential, parallel) = both(&copy);
    assert!(!parallel.is_intact(), "{change}");
    assert_eq!(sequential, parallel, "{change}");
}

#[test]
fn a_thread_that_sees_another_snapshot_stays_out() {
    let dir = tempfile::tempdir().expect("dir");
    let path = register(&dir);
    let conn = Connection::open(&path).expect("open");
    conn.execute_batch("BEGIN").expect("begin");
    let before = head(&conn).expect("head");
    // Another clerk writes after this snapshot began.
    let mut store = Store::open(&Location::existing(&path), clerk()).expect("open");
    let birth = chrono::NaiveDate::from_ymd_opt(1990, 5, 17).expect("date");
    store.generate_iin(birth, Sex::Female).expect("iin");
    let open = || reader(&path);
    assert!(joined(&open, &before).is_none());
    let after = head(&reader(&path).expect("reader")).expect("head");
    assert_ne!(after, before);
    assert!(joined(&open, &after).is_some());
    // The caller's snapshot is still checked whole, by the caller alone.
    let writer = || Connection::open(&path);
    let openers = Openers {
        reader: &open,
        writer: &writer,
    };
    let (_, report) = verify_parallel(&conn, &openers, false).expect("parallel");
    assert!(report.is_intact(), "{report:?}");
    assert_eq!(report.head, before);
}

#[test]
fn no_write_lands_between_the_snapshots() {
    // The reviewer's race, made certain: a change outside kense tried just as each
    // thread's connection opens, after the caller's snapshot began. The gate holds the
    // write lock then, so it cannot commit, and every thread reads what the caller reads.
    let dir = tempfile::tempdir().expect("dir");
    let path = register(&dir);
    let conn = Connection::open(&path).expect("open");
    conn.execute_batch("BEGIN").expect("begin");
    let tried = std::sync::Mutex::new(Vec::new());
    let reader = || {
        let intruder = Connection::open(&path)?;
        intruder.busy_timeout(std::time::Duration::from_millis(20))?;
        let committed = intruder
            .execute(
                "UPDATE documents SET number = 'AB0000001' WHERE rowid = 5",
                [],
            )
            .is_ok();
        tried.lock().expect("tried").push(committed);
        reader(&path)
    };
    let writer = || Connection::open(&path);
    let open = Openers {
        reader: &reader,
        writer: &writer,
    };
    let (_, report) = verify_parallel(&conn, &open, false).expect("parallel");
    let tried = tried.into_inner().expect("tried");
    assert!(!tried.is_empty(), "no thread opened a connection");
    assert!(
        tried.iter().all(|c| !c),
        "a write committed between snapshots"
    );
    assert!(report.is_intact(), "{report:?}");
    // The change is possible once the gate has let go, and then found.
    drop(conn);
    Connection::open(&path)
        .and_then(|c| {
            c.execute(
                "UPDATE documents SET number = 'AB0000001' WHERE rowid = 5",
                [],
            )
        })
        .expect("change");
    let (_, parallel) = both(&path);
    assert!(!parallel.is_intact());
}

#[test]
fn a_register_key_replaced_outside_kense_is_found() {
    let dir = tempfile::tempdir().expect("dir");
    let path = register(&dir);
    Connection::open(&path)
        .and_then(|c| {
            c.execute_batch(
                "DROP TRIGGER audit_key_no_update; UPDATE audit_key SET secret = randomblob(32)",
            )
        })
        .expect("replace");
    let (sequential, parallel) = both(&path);
    assert_eq!(sequential, parallel);
    let said = parallel.first_bad.expect("found").problem.to_string();
    // The persons are the first personal table: their rows no longer match their names.
    assert!(said.contains("of persons"), "{said}");
}

#[test]
fn a_gate_that_could_lock_nothing_keeps_the_threads_out() {
    // An account that may only read the file: SQLite opens the gate read-only, and its
    // BEGIN IMMEDIATE would hold no lock. Then no other connection is even opened.
    let dir = tempfile::tempdir().expect("dir");
    let path = register(&dir);
    let conn = Connection::open(&path).expect("open");
    conn.execute_batch("BEGIN").expect("begin");
    let opened = std::sync::atomic::AtomicUsize::new(0);
    let counted = || {
        opened.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        reader(&path)
    };
    let writer = || reader(&path);
    let open = Openers {
        reader: &counted,
        writer: &writer,
    };
    let (_, report) = verify_parallel(&conn, &open, true).expect("parallel");
    assert!(report.is_intact(), "{report:?}");
    assert_eq!(opened.into_inner(), 0);
}

/// A register of `writes` IINs generated, each its own write (two entries each).
fn written(dir: &tempfile::TempDir, writes: usize) -> PathBuf {
    let path = dir.path().join("written.sqlite");
    let mut store = Store::open(&Location::create_if_missing(&path), clerk()).expect("open");
    let birth = chrono::NaiveDate::from_ymd_opt(1990, 5, 17).expect("date");
    for i in 0..writes {
        let sex = if i % 2 == 0 { Sex::Male } else { Sex::Female };
        store.generate_iin(birth, sex).expect("iin");
    }
    path
}

#[test]
fn the_chain_in_ranges_is_the_chain_whole() {
    let dir = tempfile::tempdir().expect("dir");
    // 601 entries (the first head's staff row and 300 writes): four ranges on two threads.
    let path = written(&dir, 300);
    let conn = Connection::open(&path).expect("open");
    assert!(super::chain::ranges(&conn, 4).expect("ranges").len() > 1);
    drop(conn);
    let (sequential, parallel) = both(&path);
    assert_eq!(sequential, parallel);
    assert!(parallel.is_intact(), "{parallel:?}");
    // A change at each end of a range, and an entry cut out at one.
    let edits = [
        "UPDATE audit_log SET at = 'x' WHERE id = 150",
        "UPDATE audit_log SET at = 'x' WHERE id = 151",
        "DELETE FROM audit_log WHERE id = 300",
        "UPDATE audit_log SET details_json = '{}' WHERE id =
            (SELECT MIN(id) FROM audit_log WHERE id >= 451 AND action = 'rows_written')",
    ];
    for edit in edits {
        let change =
            format!("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; {edit}");
        found_alike(&dir, &path, &change);
    }
}

#[test]
fn an_entry_at_the_lowest_id_is_checked_like_any_other() {
    let dir = tempfile::tempdir().expect("dir");
    let path = written(&dir, 100);
    Connection::open(&path)
        .and_then(|c| {
            c.execute(
                "INSERT INTO audit_log VALUES (-9223372036854775808, 't', 'x', 'iin_generated',
                     's', '{}', 'junk', ?1)",
                [GENESIS],
            )
        })
        .expect("insert");
    let (sequential, parallel) = both(&path);
    assert_eq!(sequential, parallel);
    assert_eq!(parallel.first_bad.map(|b| b.id), Some(i64::MIN));
}

#[test]
fn a_close_checks_what_came_since_its_snapshot() {
    let dir = tempfile::tempdir().expect("dir");
    let path = register(&dir);
    let checked = verify(&Connection::open(&path).expect("open")).expect("verify");
    let mut store = Store::open(&Location::existing(&path), clerk()).expect("open");
    let birth = chrono::NaiveDate::from_ymd_opt(1990, 5, 17).expect("date");
    store.generate_iin(birth, Sex::Male).expect("iin");
    let conn = Connection::open(&path).expect("open");
    assert_eq!(verify_since(&conn, &checked).expect("since"), None);
    // An entry written since whose hash is wrong is named.
    let last: i64 = conn
        .query_row("SELECT MAX(id) FROM audit_log", [], |r| r.get(0))
        .expect("last");
    conn.execute_batch(&format!(
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET at = 'x' WHERE id = {last}"
    ))
    .expect("tamper");
    let bad = verify_since(&conn, &checked)
        .expect("since")
        .expect("found");
    assert_eq!(bad.id, last);
    // A head no longer in the chain: the whole check runs, and finds it.
    let gone = AuditReport {
        head: "f".repeat(64),
        ..checked
    };
    assert!(verify_since(&conn, &gone).expect("since").is_some());
}

#[test]
fn personal_keys_are_keyed_and_older_seals_still_bind_their_rows() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("register.sqlite");
    let mut conn = Connection::open(&path).expect("open");
    // Version 13: seals name a person by the IIN itself.
    MIGRATIONS.to_version(&mut conn, 13).expect("13");
    let at = "2026-01-05T05:00:00.000000Z";
    conn.execute_batch(
        "INSERT INTO persons VALUES ('900517300014', 'АБАЙ', 'ЕРЛАН', NULL, '1990-05-17',
             '2026-01-05T05:00:00.000000Z');",
    )
    .expect("person");
    seal(&conn, at, "aigul.zh").expect("seal");
    let old = last_details(&conn);
    assert!(old.contains("900517300014"), "{old}");
    // Version 14: the same person written again, and another, named by keyed hashes.
    MIGRATIONS.to_latest(&mut conn).expect("latest");
    conn.execute_batch(
        "UPDATE persons SET given_name = 'ЕРЖАН' WHERE iin = '900517300014';
         INSERT INTO persons VALUES ('850101400025', 'СЕРИК', 'АЙГУЛЬ', NULL, '1985-01-01',
             '2026-01-05T05:00:00.000000Z');",
    )
    .expect("persons");
    seal(&conn, at, "aigul.zh").expect("seal");
    let new = last_details(&conn);
    assert!(new.starts_with(r#"{"v":2,"#), "{new}");
    for iin in ["900517300014", "850101400025", "900517", "850101"] {
        assert!(!new.contains(iin), "{iin} in {new}");
    }
    assert!(Keys::read(&conn).expect("keys").is_keyed());
    assert_eq!(verify(&conn).expect("verify").first_bad, None);
    // A change outside kense is still named, by the row only.
    conn.execute_batch("UPDATE persons SET surname = 'X' WHERE iin = '850101400025'")
        .expect("tamper");
    let bad = verify(&conn).expect("verify").first_bad.expect("found");
    let said = bad.problem.to_string();
    assert!(said.contains("of persons does not match"), "{said}");
    assert!(!said.contains("850101"), "{said}");
    // Put back as sealed, it agrees again (the note the shell's trigger left is no seal).
    conn.execute_batch("UPDATE persons SET surname = 'СЕРИК' WHERE iin = '850101400025'")
        .expect("restore");
    conn.execute("DELETE FROM audit_pending", [])
        .expect("clear");
    assert_eq!(verify(&conn).expect("verify").first_bad, None);
    assert_ne!(head(&conn).expect("head"), GENESIS);
}

/// The details of the last entry (here, a seal).
fn last_details(conn: &Connection) -> String {
    conn.query_row(
        "SELECT details_json FROM audit_log ORDER BY id DESC",
        [],
        |r| r.get(0),
    )
    .expect("seal")
}
