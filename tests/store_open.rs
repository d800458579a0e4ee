//! Opening the register after review (issue 4): another application's database is never
//! taken over, the commands that only read change nothing (a 0400 copy is readable), a
//! day close creates no file, and the full `quick_check` runs in `audit verify`, not on
//! every open.

mod common;

use common::{GENERATE_BOY, clerk, generate, kense, raw, register_in, tempdir};
use kense::store::{Location, Store, StoreError};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn bytes(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn another_application_s_database_is_refused_and_gets_no_kense_tables() {
    let dir = tempdir();
    let db = dir.path().join("contacts.sqlite");
    raw(&db)
        .execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Aigul');")
        .unwrap_or_else(|e| panic!("{e}"));
    let before = bytes(&db);
    for args in [
        &GENERATE_BOY[..],
        &["day", "close", "--date", "2024-03-01"],
        &["register"],
        &["audit", "verify"],
    ] {
        let run = kense(&db, args);
        assert_eq!(run.code, Some(3), "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("another application"),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert!(bytes(&db) == before, "the other application's file changed");
    let tables: i64 = raw(&db)
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(tables, 1, "no kense table was added");
    assert!(matches!(
        Store::open(&Location::create_if_missing(&db), clerk()),
        Err(StoreError::Foreign { .. })
    ));
}

#[test]
fn read_commands_read_a_0400_copy_and_leave_it_untouched() {
    let dir = tempdir();
    let db = register_in(&dir);
    assert_eq!(generate(&db).code, Some(0));
    // A copy in the rollback journal, as a backup tool may leave it: reading must not
    // switch it to WAL (which rewrites the header).
    raw(&db)
        .execute_batch("PRAGMA journal_mode = DELETE;")
        .unwrap_or_else(|e| panic!("{e}"));
    let copy = dir.path().join("copy.sqlite");
    fs::copy(&db, &copy).unwrap_or_else(|e| panic!("{e}"));
    fs::set_permissions(&copy, fs::Permissions::from_mode(0o400)).unwrap_or_else(|e| panic!("{e}"));
    let before = bytes(&copy);
    let reads: [(&[&str], i32); 6] = [
        (&["register"], 1),
        (&["report", "day", "--date", "2024-03-01", "--json"], 0),
        (&["formulary", "show", "2024-0000001"], 1),
        (&["audit", "verify"], 0),
        (&["dsn", "list"], 1),
        (&["dsn", "decode", "100100011001"], 0),
    ];
    for (args, code) in reads {
        let run = kense(&copy, args);
        assert_eq!(
            run.code,
            Some(code),
            "{args:?}: {}{}",
            run.stdout,
            run.stderr
        );
        assert!(
            !run.stderr.contains("read-only"),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert!(bytes(&copy) == before, "a read command changed the copy");
    assert_eq!(before[18], 1, "still the rollback journal (header byte 18)");
    // A write is still refused on it, untouched.
    assert_eq!(generate(&copy).code, Some(3));
    assert!(bytes(&copy) == before);
}

#[test]
fn closing_a_day_creates_no_register() {
    let dir = tempdir();
    let db = dir.path().join("new/register.sqlite");
    let run = kense(&db, &["day", "close", "--date", "2024-03-01"]);
    assert_eq!(run.code, Some(3), "{}", run.stderr);
    assert!(run.stderr.contains("no register at"), "{}", run.stderr);
    assert!(!dir.path().join("new").exists(), "nothing was created");
}

#[test]
fn opening_skips_the_full_check_which_audit_verify_runs() {
    let dir = tempdir();
    let db = register_in(&dir);
    assert_eq!(generate(&db).code, Some(0));
    // Garbage over the root page of a table opening never reads (the drafts).
    let root: i64 = raw(&db)
        .query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'drafts'",
            [],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let page_size = 4096usize;
    let start = usize::try_from(root - 1).unwrap_or_else(|e| panic!("{e}")) * page_size;
    let mut data = bytes(&db);
    assert!(data.len() >= start + page_size);
    for (i, b) in data[start..start + page_size].iter_mut().enumerate() {
        *b = (i * 7 + 13) as u8;
    }
    fs::write(&db, &data).unwrap_or_else(|e| panic!("{e}"));
    // Opening reads the header only, so it succeeds (it used to read every page)…
    let store = Store::open_read_only(&Location::existing(&db), clerk())
        .unwrap_or_else(|e| panic!("opening reads no table page: {e}"));
    // …and the whole check finds the damage.
    assert!(
        matches!(store.quick_check(), Err(StoreError::Corrupt { .. })),
        "quick_check catches the damaged page"
    );
    drop(store);
    let run = kense(&db, &["audit", "verify"]);
    assert_eq!(run.code, Some(3), "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("damaged"), "{}", run.stderr);
    assert!(bytes(&db) == data, "audit verify changed nothing");
}
