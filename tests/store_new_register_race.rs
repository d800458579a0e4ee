//! Two clerks opening a register that does not exist yet: the second one waits for the
//! first instead of failing with "busy" (SQLite answers busy at once, without waiting, when
//! the first holds a write lock while the second switches the new file to WAL).

use kense::store::{Clerk, Location, Store};
use std::time::{Duration, Instant};

#[test]
fn a_new_register_opened_while_another_clerk_writes_it_waits_its_turn() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("register.sqlite");
    std::fs::write(&db, b"").unwrap_or_else(|e| panic!("{e}"));
    // The first clerk: the new file, still in rollback mode, with a write lock held for a
    // moment, as a first open does while it switches the file to WAL.
    let first = rusqlite::Connection::open(&db).unwrap_or_else(|e| panic!("{e}"));
    first
        .execute_batch("BEGIN IMMEDIATE")
        .unwrap_or_else(|e| panic!("{e}"));
    let hold = Duration::from_millis(400);
    // Before the releaser starts: it may sleep before this thread runs on (a loaded
    // machine), and the lock would then be held for less than `hold` after a later start.
    let started = Instant::now();
    let releaser = std::thread::spawn(move || {
        std::thread::sleep(hold);
        first
            .execute_batch("ROLLBACK")
            .unwrap_or_else(|e| panic!("{e}"));
    });
    let clerk = Clerk::new("aigul").unwrap_or_else(|e| panic!("{e}"));
    let location = Location::create_if_missing(&db).with_busy_timeout(Duration::from_secs(30));
    let opened = Store::open(&location, clerk);
    let _ = releaser.join();
    assert!(
        opened.is_ok(),
        "the second clerk waited instead of failing: {:?} after {:?}",
        opened.err(),
        started.elapsed()
    );
    assert!(started.elapsed() >= hold, "it waited for the first clerk");
}

/// Clerks opening one new register at the same moment: every one of them gets it. A
/// clerk that read the schema version before another's first migration committed and the
/// list of tables after it saw "version 0 with tables" and refused the register as
/// another application's database; the two are now read in one statement, from one
/// snapshot of the file.
#[test]
fn clerks_opening_a_new_register_at_once_all_get_it() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for round in 0..40 {
        let db = dir.path().join(format!("register-{round}.sqlite"));
        let start = std::sync::Arc::new(std::sync::Barrier::new(4));
        let clerks: Vec<_> = (0..4)
            .map(|n: u64| {
                let (db, start) = (db.clone(), std::sync::Arc::clone(&start));
                std::thread::spawn(move || {
                    let clerk = Clerk::new(&format!("clerk{n}")).unwrap_or_else(|e| panic!("{e}"));
                    let location =
                        Location::create_if_missing(&db).with_busy_timeout(Duration::from_secs(30));
                    start.wait();
                    // A few milliseconds apart, as clerks are: one may be checking the
                    // file while another's first migration commits.
                    std::thread::sleep(Duration::from_millis(7 * n));
                    Store::open(&location, clerk)
                        .map(|_| ())
                        .map_err(|e| e.to_string())
                })
            })
            .collect();
        for clerk in clerks {
            let opened = clerk
                .join()
                .unwrap_or_else(|_| panic!("a clerk's thread panicked"));
            assert_eq!(opened, Ok(()), "round {round}");
        }
    }
}
