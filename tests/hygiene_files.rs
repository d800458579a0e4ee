//! Issue 15: the register's files. A `-wal` or `-shm` planted beside the register with
//! looser permissions (or as a link) is refused before any personal data is written to it.

mod common;

use common::{kense, register_in, tempdir};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

fn beside(db: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", db.display()))
}

fn made(db: &Path) {
    let run = kense(
        db,
        &[
            "iin",
            "generate",
            "--birth-date",
            // An adult's: a child's needs what the parent showed (M-12.a).
            "1990-01-02",
            "--sex",
            "male",
        ],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn a_planted_world_writable_wal_is_refused_and_receives_nothing() {
    for suffix in ["-wal", "-shm", "-journal"] {
        let dir = tempdir();
        let db = register_in(&dir);
        made(&db);
        let planted = beside(&db, suffix);
        fs::write(&planted, b"").unwrap_or_else(|e| panic!("{e}"));
        fs::set_permissions(&planted, fs::Permissions::from_mode(0o666))
            .unwrap_or_else(|e| panic!("{e}"));
        for args in [
            vec![
                "iin",
                "generate",
                "--birth-date",
                "1990-01-02",
                "--sex",
                "male",
            ],
            vec!["register"],
            vec!["audit", "verify"],
        ] {
            let run = kense(&db, &args);
            assert_eq!(run.code, Some(3), "{suffix} {args:?}: {}", run.stderr);
            assert!(run.stderr.contains(suffix), "{}", run.stderr);
            assert!(run.stderr.contains("grants more"), "{}", run.stderr);
        }
        assert_eq!(
            fs::metadata(&planted).map(|m| m.len()).ok(),
            Some(0),
            "{suffix}"
        );
        // With the register's own mode it is the register's: taken.
        fs::set_permissions(&planted, fs::Permissions::from_mode(0o600))
            .unwrap_or_else(|e| panic!("{e}"));
        if suffix == "-wal" {
            fs::remove_file(&planted).unwrap_or_else(|e| panic!("{e}"));
        }
        made(&db);
    }
}

#[test]
fn a_wal_planted_as_a_link_is_refused() {
    let dir = tempdir();
    let db = register_in(&dir);
    made(&db);
    let elsewhere = dir.path().join("exfiltrate");
    fs::write(&elsewhere, b"").unwrap_or_else(|e| panic!("{e}"));
    fs::set_permissions(&elsewhere, fs::Permissions::from_mode(0o600))
        .unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(&elsewhere, beside(&db, "-wal")).unwrap_or_else(|e| panic!("{e}"));
    let run = kense(
        &db,
        &[
            "iin",
            "generate",
            "--birth-date",
            "1990-01-02",
            "--sex",
            "male",
        ],
    );
    assert_eq!(run.code, Some(3), "{}", run.stderr);
    assert_eq!(fs::metadata(&elsewhere).map(|m| m.len()).ok(), Some(0));
}

fn add(db: &Path) -> common::Run {
    // One example person again and again: the register's warnings (issue 11) let pass.
    let template = common::known_person_passes_json(
        &kense(db, &["formulary", "template", "--code", "18"]).stdout,
    );
    let mut command = assert_cmd::Command::from_std(common::process_as(db, common::CLERK));
    command
        .env("KENSE_BUSY_TIMEOUT", "60")
        .args(["formulary", "add", "-"])
        .write_stdin(template);
    common::Run::from(command.output().unwrap_or_else(|e| panic!("{e}")))
}

#[test]
fn a_backup_is_made_while_clerks_work_private_checked_and_restorable() {
    let dir = tempdir();
    let db = register_in(&dir);
    let run = kense(&db, &["demo", "--count", "300"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    // Another clerk keeps registering while the copy is made: the copy is a snapshot.
    let writer = {
        let db = db.clone();
        std::thread::spawn(move || (0..5).map(|_| add(&db).code).collect::<Vec<_>>())
    };
    let copy = dir.path().join("copy.sqlite");
    let made = kense(&db, &["backup", &copy.to_string_lossy(), "--json"]);
    assert_eq!(made.code, Some(0), "{}", made.stderr);
    let written = writer
        .join()
        .unwrap_or_else(|_| panic!("the writer panicked"));
    assert!(written.iter().all(|c| *c == Some(0)), "{written:?}");
    let made = made.json();
    assert_eq!(made["intact"], true, "{made}");
    let mode = fs::metadata(&copy)
        .map(|m| m.permissions().mode() & 0o777)
        .ok();
    assert_eq!(mode, Some(0o600), "the copy is private");
    // The head printed is the copy's own, as `audit head` and `audit verify` say.
    let head = kense(&copy, &["audit", "head", "--json"]).json();
    assert_eq!(head["head"], made["head"]);
    assert_eq!(head["entries"], made["entries"]);
    let verified = kense(&copy, &["audit", "verify", "--json"]).json();
    assert_eq!(verified["head"], made["head"]);
    // Restored (README: copied into the register's place, no stale -wal/-shm beside it),
    // it verifies and takes new work.
    let restored = dir.path().join("restored.sqlite");
    fs::copy(&copy, &restored).unwrap_or_else(|e| panic!("{e}"));
    let run = add(&restored);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let after = kense(&restored, &["audit", "verify", "--json"]);
    assert_eq!(after.code, Some(0), "{}", after.stdout);
    let entries = |v: &serde_json::Value| v["entries"].as_u64().unwrap_or_default();
    // The registration's entry and the seal of its rows (issue 15).
    assert_eq!(entries(&after.json()), entries(&made) + 2);
}

#[test]
fn a_backup_never_overwrites_a_file() {
    let dir = tempdir();
    let db = register_in(&dir);
    made(&db);
    let there = dir.path().join("there.sqlite");
    fs::write(&there, b"keep me").unwrap_or_else(|e| panic!("{e}"));
    let run = kense(&db, &["backup", &there.to_string_lossy()]);
    assert_eq!(run.code, Some(3), "{}", run.stderr);
    assert!(
        run.stderr.contains("cannot make the backup"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read(&there).ok(), Some(b"keep me".to_vec()));
    let missing = kense(&dir.path().join("none.sqlite"), &["backup", "x.sqlite"]);
    assert_eq!(missing.code, Some(3), "{}", missing.stderr);
}
