//! The real `kense formulary add`, killed (SIGKILL) at random moments, over and over: the
//! register passes `PRAGMA integrity_check`, holds every registration a process confirmed
//! (printed and exited 0), and its audit chain is intact.

use assert_cmd::cargo::cargo_bin;
use std::collections::HashSet;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

fn random_below(n: u64) -> u64 {
    RandomState::new().build_hasher().finish() % n.max(1)
}

fn kense(db: &Path) -> Command {
    let mut command = Command::new(cargo_bin("kense"));
    command
        .env_remove("KENSE_DB")
        .env_remove("KENSE_CLERK")
        .arg("--db")
        .arg(db)
        .args(["--clerk", "aigul"]);
    command
}

#[test]
fn kense_formulary_add_killed_at_random_keeps_every_confirmed_registration() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("register.sqlite");
    let file = dir.path().join("formulary.json");
    let template = kense(&db)
        .args(["formulary", "template", "--code", "04"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&file, &template.stdout).unwrap_or_else(|e| panic!("{e}"));
    let mut confirmed = HashSet::new();
    let mut killed = 0;
    for round in 0..40 {
        let mut child = kense(&db)
            .args(["formulary", "add"])
            .arg(&file)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        // A save takes tens of milliseconds (fsyncs with synchronous=FULL): a random moment
        // in that span, most often in the middle of it. Every fourth is left to finish.
        std::thread::sleep(Duration::from_micros(random_below(120_000)));
        let finished = child.try_wait().unwrap_or_else(|e| panic!("{e}"));
        if finished.is_none() && round % 4 != 3 {
            child.kill().unwrap_or_else(|e| panic!("{e}")); // SIGKILL
        }
        let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
        let mut out = String::new();
        if let Some(mut stdout) = child.stdout.take() {
            let _ = stdout.read_to_string(&mut out);
        }
        // Confirmed: the process finished by itself and printed the number.
        if status.success() {
            let number = out
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_string();
            assert_eq!(number.len(), 12, "{out}");
            confirmed.insert(number);
        } else {
            killed += 1;
        }
    }
    let conn = rusqlite::Connection::open(&db).unwrap_or_else(|e| panic!("{e}"));
    let verdict: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(verdict, "ok", "the register passes PRAGMA integrity_check");
    let stored: HashSet<String> = conn
        .prepare("SELECT number FROM formularies")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    let lost: Vec<&String> = confirmed.difference(&stored).collect();
    assert!(lost.is_empty(), "confirmed but not in the file: {lost:?}");
    let verify = kense(&db)
        .args(["audit", "verify"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );
    // Both outcomes happened, or the test proved little.
    assert!(!confirmed.is_empty(), "no add finished ({killed} killed)");
    assert!(killed > 0, "no add was killed");
}
