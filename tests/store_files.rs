//! The register file: created private, refused untouched when it is not one kense can
//! use, and waited for when another clerk holds it.

mod common;

use assert_cmd::Command;
use common::{GENERATE_BOY, clerk, date, generate, kense, raw, register_in, tempdir};
use kense::domain::Sex;
use kense::store::{Clerk, Location, MIGRATIONS, SCHEMA_VERSION, Store, StoreError};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

fn mode(path: &Path) -> u32 {
    fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// The file's bytes and modification time, to prove a refused file was not touched.
fn snapshot(path: &Path) -> (Vec<u8>, SystemTime) {
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("{e}"));
    let mtime = fs::metadata(path)
        .and_then(|m| m.modified())
        .unwrap_or_else(|e| panic!("{e}"));
    (bytes, mtime)
}

#[test]
fn migrations_validate() {
    MIGRATIONS
        .validate()
        .unwrap_or_else(|e| panic!("the migrations do not apply: {e}"));
}

#[test]
fn a_new_register_and_its_directories_are_private() {
    let dir = tempdir();
    let db = dir.path().join("a/b/register.sqlite");
    let run = generate(&db);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        kense::domain::iin::Iin::parse(run.stdout.trim()).is_ok(),
        "prints the IIN: {}",
        run.stdout
    );
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(&dir.path().join("a")), 0o700);
    assert_eq!(mode(&dir.path().join("a/b")), 0o700);

    // While a clerk has it open, SQLite's -wal and -shm files exist: no more open than it.
    let mut store = Store::open(&Location::existing(&db), common::clerk_named(&common::me()))
        .unwrap_or_else(|e| panic!("{e}"));
    store
        .generate_iin(date(1990, 1, 1), Sex::Male)
        .unwrap_or_else(|e| panic!("{e}"));
    for suffix in ["-wal", "-shm"] {
        let side = dir.path().join(format!("a/b/register.sqlite{suffix}"));
        assert!(side.exists(), "{suffix} exists while the register is open");
        assert_eq!(mode(&side) & 0o077, 0, "{suffix} is private");
    }
}

#[test]
fn an_empty_file_made_a_register_is_made_private_too() {
    let dir = tempdir();
    // `: > f.sqlite` under the usual umask, and an SQLite file with no tables yet.
    let empty = dir.path().join("empty.sqlite");
    fs::write(&empty, "").unwrap_or_else(|e| panic!("{e}"));
    let blank = dir.path().join("blank.sqlite");
    raw(&blank)
        .execute_batch("CREATE TABLE t (x); DROP TABLE t;")
        .unwrap_or_else(|e| panic!("{e}"));
    for db in [&empty, &blank] {
        fs::set_permissions(db, fs::Permissions::from_mode(0o644))
            .unwrap_or_else(|e| panic!("{e}"));
        let run = generate(db);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert_eq!(
            mode(db),
            0o600,
            "{}: it holds personal data now",
            db.display()
        );
        let mut store = Store::open(&Location::existing(db), common::clerk_named(&common::me()))
            .unwrap_or_else(|e| panic!("{e}"));
        store
            .generate_iin(date(1990, 1, 1), Sex::Male)
            .unwrap_or_else(|e| panic!("{e}"));
        for suffix in ["-wal", "-shm"] {
            let mut side = db.as_os_str().to_owned();
            side.push(suffix);
            assert_eq!(mode(Path::new(&side)) & 0o077, 0, "{suffix} is private");
        }
    }
}

#[test]
fn an_existing_register_keeps_the_mode_its_administrator_gave_it() {
    // Several OS accounts may share a register through a group: kense does not undo it.
    let dir = tempdir();
    let db = register_in(&dir);
    assert_eq!(generate(&db).code, Some(0));
    fs::set_permissions(&db, fs::Permissions::from_mode(0o660)).unwrap_or_else(|e| panic!("{e}"));
    let run = kense(&db, &GENERATE_BOY);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(mode(&db), 0o660);
}

#[test]
fn a_newer_schema_is_refused_and_left_unchanged() {
    let dir = tempdir();
    let db = register_in(&dir);
    assert_eq!(generate(&db).code, Some(0));
    {
        let conn = raw(&db);
        conn.pragma_update(None, "user_version", 99)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let before = snapshot(&db);
    for args in [&GENERATE_BOY[..], &["audit", "verify"]] {
        let run = kense(&db, args);
        assert_eq!(run.code, Some(3), "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("schema version 99")
                && run
                    .stderr
                    .contains(&format!("the {SCHEMA_VERSION} this kense knows")),
            "{}",
            run.stderr
        );
        assert_eq!(run.stderr.lines().count(), 1, "one line: {}", run.stderr);
    }
    assert!(snapshot(&db) == before, "the newer register was changed");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_unchanged() {
    let dir = tempdir();
    let db = dir.path().join("notes.txt");
    fs::write(&db, "the clerk's notes, not a register\n".repeat(200))
        .unwrap_or_else(|e| panic!("{e}"));
    let before = snapshot(&db);
    let run = generate(&db);
    assert_eq!(run.code, Some(3), "{}", run.stderr);
    assert!(run.stderr.contains("not an SQLite file"), "{}", run.stderr);
    assert!(snapshot(&db) == before, "the text file was changed");
}

#[test]
fn a_damaged_register_is_refused_and_left_unchanged() {
    let dir = tempdir();
    let db = register_in(&dir);
    for _ in 0..3 {
        assert_eq!(generate(&db).code, Some(0));
    }
    // Garbage over the second page, where the tables' b-trees start.
    let mut bytes = fs::read(&db).unwrap_or_else(|e| panic!("{e}"));
    let page = 4096;
    assert!(bytes.len() > 2 * page, "the register has several pages");
    for (i, b) in bytes[page..2 * page].iter_mut().enumerate() {
        *b = (i * 7 + 13) as u8;
    }
    fs::write(&db, &bytes).unwrap_or_else(|e| panic!("{e}"));
    let before = snapshot(&db);
    let run = generate(&db);
    assert_eq!(run.code, Some(3), "{}", run.stderr);
    assert!(
        run.stderr.contains("damaged") || run.stderr.contains("not an SQLite file"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(snapshot(&db) == before, "the damaged register was changed");
}

#[test]
fn a_read_only_register_is_refused_and_left_unchanged() {
    let dir = tempdir();
    let db = register_in(&dir);
    assert_eq!(generate(&db).code, Some(0));
    fs::set_permissions(&db, fs::Permissions::from_mode(0o400)).unwrap_or_else(|e| panic!("{e}"));
    let before = snapshot(&db);
    let run = generate(&db);
    assert_eq!(run.code, Some(3), "{}", run.stderr);
    assert!(run.stderr.contains("read-only"), "{}", run.stderr);
    assert!(
        snapshot(&db) == before,
        "the read-only register was changed"
    );
}

#[test]
fn a_missing_register_is_not_created_by_a_command_that_only_reads() {
    let dir = tempdir();
    let db = dir.path().join("nowhere/register.sqlite");
    let run = kense(&db, &["audit", "verify"]);
    assert_eq!(run.code, Some(3), "{}", run.stderr);
    assert!(
        run.stderr.starts_with("kense: no register at"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("nowhere").exists());
    assert!(matches!(
        Store::open(&Location::existing(&db), clerk()),
        Err(StoreError::Missing { .. })
    ));
}

#[test]
fn a_register_held_longer_than_the_timeout_is_reported_busy() {
    let dir = tempdir();
    let db = register_in(&dir);
    let location = Location::create_if_missing(&db).with_busy_timeout(Duration::from_millis(300));
    let mut store = Store::open(&location, clerk()).unwrap_or_else(|e| panic!("{e}"));
    // Another clerk's write transaction, held open.
    let other = raw(&db);
    other
        .execute_batch("BEGIN IMMEDIATE")
        .unwrap_or_else(|e| panic!("{e}"));
    let started = Instant::now();
    let result = store.generate_iin(date(2001, 2, 3), Sex::Male);
    assert!(
        matches!(result, Err(StoreError::Locked { .. })),
        "{result:?}"
    );
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "it waited first"
    );
    // Once the other clerk is done, the same store saves.
    other
        .execute_batch("COMMIT")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(store.generate_iin(date(2001, 2, 3), Sex::Male).is_ok());
}

#[test]
fn an_empty_clerk_is_refused() {
    assert!(matches!(Clerk::new("  "), Err(StoreError::InvalidClerk)));
    assert!(matches!(Clerk::new("a\nb"), Err(StoreError::InvalidClerk)));
    let dir = tempdir();
    let db = register_in(&dir);
    // Issue 12: no name is taken from the command line, an empty one neither.
    let mut command = assert_cmd::Command::from_std(common::process(&db));
    command.args([
        "--clerk",
        "",
        "iin",
        "generate",
        "--birth-date",
        "2015-03-08",
        "--sex",
        "male",
    ]);
    let output = command.output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(2));
    assert!(!db.exists(), "nothing was created for a typed clerk");
}

#[test]
fn the_clerk_is_the_os_account_whatever_the_flag_or_the_environment_say() {
    let dir = tempdir();
    let db = register_in(&dir);
    let run = |flag: Option<&str>| {
        let mut command = Command::cargo_bin("kense").unwrap_or_else(|e| panic!("{e}"));
        command
            .env("KENSE_DB", &db)
            .env("KENSE_CLERK", "from-env")
            .args([
                "iin",
                "generate",
                "--birth-date",
                "1990-05-17",
                "--sex",
                "male",
                "--json",
            ]);
        if let Some(name) = flag {
            command.args(["--clerk", name]);
        }
        let output = command.output().unwrap_or_else(|e| panic!("{e}"));
        let value: serde_json::Value =
            serde_json::from_slice(&output.stdout).unwrap_or(serde_json::Value::Null);
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        (
            output.status.code(),
            value["clerk"].as_str().unwrap_or_default().to_string(),
            stderr,
        )
    };
    let (code, clerk, stderr) = run(None);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(clerk, common::me(), "KENSE_CLERK is ignored");
    assert!(stderr.contains("KENSE_CLERK is ignored"), "{stderr}");
    let (code, _, stderr) = run(Some("from-flag"));
    assert_eq!(code, Some(2), "--clerk is refused: {stderr}");
    assert!(stderr.contains("--clerk no longer chooses"), "{stderr}");
    assert!(db.exists(), "KENSE_DB was used");
}
