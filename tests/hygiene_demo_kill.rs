//! Issue 15: `kense demo --force` into a register that holds real formularies is one
//! transaction: killed (SIGKILL) at any moment, it leaves no invented person behind.

mod common;

use common::{CLERK, count, kense_in, process_as, raw, register_in, tempdir};
use std::path::Path;
use std::process::Stdio;
use std::time::Instant;

/// More than two of the demo's chunks of 20,000: a chunked fill would have committed some
/// before the kill.
const COUNT: &str = "50000";

fn demo(db: &Path) -> std::process::Command {
    let mut command = process_as(db, CLERK);
    command
        .args(["demo", "--force", "--count", COUNT, "--seed", "3"])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

fn real_register(db: &Path) {
    let template = kense_in(db, &["formulary", "template", "--code", "18"], None).stdout;
    let run = kense_in(db, &["formulary", "add", "-"], Some(&template));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn a_forced_demo_killed_midway_leaves_only_the_real_formularies() {
    let dir = tempdir();
    // How long the whole fill takes here, to kill the next one inside it.
    let timed = dir.path().join("timed.sqlite");
    real_register(&timed);
    let started = Instant::now();
    let status = demo(&timed).status().unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success(), "the timed fill failed");
    let span = started.elapsed();
    assert_eq!(count(&timed, "formularies"), 50_001);

    // Killed at points spread over the span's second half: a fill committed chunk by
    // chunk (20,000 formularies each) had one or two chunks in the register by then
    // (checked on the chunked fill this replaced: 20,001 formularies at 65%).
    for share in [70u32, 85, 95] {
        let db = register_in(&tempfile::tempdir_in(dir.path()).unwrap_or_else(|e| panic!("{e}")));
        real_register(&db);
        let before = count(&db, "audit_log");
        let mut child = demo(&db).spawn().unwrap_or_else(|e| panic!("{e}"));
        std::thread::sleep(span * share / 100);
        let finished = child.try_wait().unwrap_or_else(|e| panic!("{e}")).is_some();
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let (formularies, persons) = (count(&db, "formularies"), count(&db, "persons"));
        // All or nothing. A kill that lands between the commit and the exit finds the fill
        // whole though the process had not ended yet.
        if finished || formularies == 50_001 {
            assert_eq!(formularies, 50_001, "{share}%: finished whole");
            continue;
        }
        assert_eq!(formularies, 1, "{share}%: the real formulary alone");
        assert_eq!(persons, 1, "{share}%: no invented person");
        assert_eq!(count(&db, "audit_log"), before, "{share}%: no demo entry");
        let check: String = raw(&db)
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(check, "ok");
        let verify = kense_in(&db, &["audit", "verify"], None);
        assert_eq!(verify.code, Some(0), "{}", verify.stdout);
    }
}
