//! `kense staff` (issue 12) through the real binary, as the account running the tests:
//! the creator of a register is its first head, a register written before staff were kept
//! gets its first head from the file's owner, the last head stays, and every change is
//! audited without the names. The tests with other accounts are in `tests/accounts.rs`.

mod common;

use common::{Run, count, me, process, raw, register_in, tempdir};
use kense::store::MIGRATIONS;
use std::path::Path;

fn kense(db: &Path, args: &[&str], stdin: &str) -> Run {
    let mut command = assert_cmd::Command::from_std(process(db));
    command.args(args).write_stdin(stdin);
    Run::from(command.output().unwrap_or_else(|e| panic!("{e}")))
}

const GENERATE: [&str; 6] = [
    "iin",
    "generate",
    "--birth-date",
    "1990-05-17",
    "--sex",
    "female",
];

#[test]
fn the_creator_is_the_first_head_and_the_last_head_stays() {
    let dir = tempdir();
    let db = register_in(&dir);
    assert_eq!(kense(&db, &GENERATE, "").code, Some(0));
    let listed = kense(&db, &["staff", "list", "--json"], "").json();
    assert_eq!(listed[0]["account"], me().as_str());
    assert_eq!(listed[0]["role"], "head");
    assert_eq!(listed[0]["active"], true);

    // The name for papers comes on standard input, never on the command line.
    let named = kense(
        &db,
        &["staff", "set", &me(), "--name", "--json"],
        "ЖУМАБЕКОВА А. К.\n",
    );
    assert_eq!(named.code, Some(0), "{}", named.stderr);
    assert_eq!(named.json()["full_name"], "ЖУМАБЕКОВА А. К.");
    let empty = kense(&db, &["staff", "set", &me(), "--name"], "  \n");
    assert_eq!(empty.code, Some(2), "{}", empty.stderr);
    assert!(
        empty.stderr.contains("full name is empty"),
        "{}",
        empty.stderr
    );

    for args in [
        &["staff", "retire", &me()][..],
        &["staff", "set", &me(), "--role", "clerk"],
    ] {
        let run = kense(&db, args, "");
        assert_eq!(run.code, Some(4), "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("last active head"), "{}", run.stderr);
    }
    let unknown = kense(
        &db,
        &["staff", "add", "no-such-account-kt", "--role", "clerk"],
        "Х\n",
    );
    assert_eq!(unknown.code, Some(2), "{}", unknown.stderr);
    assert!(
        unknown.stderr.contains("no OS account no-such-account-kt"),
        "{}",
        unknown.stderr
    );
    let again = kense(&db, &["staff", "add", &me(), "--role", "head"], "Х\n");
    assert_eq!(again.code, Some(4), "{}", again.stderr);
    assert!(
        again.stderr.contains("already on the staff"),
        "{}",
        again.stderr
    );
    let nobody = kense(&db, &["staff", "retire", "nobody"], "");
    assert_eq!(nobody.code, Some(1), "{}", nobody.stderr);

    // Audited, without the name (personal data).
    let (action, details): (String, String) = raw(&db)
        .query_row(
            // The change's own entry, before the seal of its row (issue 15).
            "SELECT action, details_json FROM audit_log WHERE action <> 'rows_written'
             ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(action, "staff_changed");
    assert!(details.contains("\"name_changed\":true"), "{details}");
    let names = raw(&db)
        .query_row(
            "SELECT COUNT(*) FROM audit_log WHERE details_json LIKE '%ЖУМАБЕКОВА%'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(names, 0);
    assert_eq!(kense(&db, &["audit", "verify"], "").code, Some(0));
}

/// A register of schema version 5 has no staff: after the upgrade nobody writes until the
/// account that owns the file names the first head (here the account running the tests,
/// which made the file).
#[test]
fn a_register_from_before_staff_gets_its_first_head_from_the_files_owner() {
    let dir = tempdir();
    let db = register_in(&dir);
    {
        let mut conn = raw(&db);
        MIGRATIONS
            .to_version(&mut conn, 5)
            .unwrap_or_else(|e| panic!("{e}"));
        conn.execute(
            "INSERT INTO audit_log (id, at, clerk, action, subject, details_json, prev_hash, hash)
             VALUES (1, '2025-01-01T00:00:00Z', 'old', 'x', 'y', '{}', ?1, 'h')",
            [kense::store::GENESIS],
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let refused = kense(&db, &GENERATE, "");
    assert_eq!(refused.code, Some(4), "{}", refused.stderr);
    assert!(
        refused.stderr.contains("has no staff yet"),
        "{}",
        refused.stderr
    );
    assert_eq!(count(&db, "iin_issued"), 0);

    let clerk_first = kense(&db, &["staff", "add", &me(), "--role", "clerk"], "Х\n");
    assert_eq!(clerk_first.code, Some(2), "{}", clerk_first.stderr);
    let head = kense(
        &db,
        &["staff", "add", &me(), "--role", "head"],
        "БАСШЫ Б. Б.\n",
    );
    assert_eq!(head.code, Some(0), "{}", head.stderr);
    let first: String = raw(&db)
        .query_row(
            "SELECT details_json FROM audit_log WHERE action = 'staff_added'",
            [],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(first.contains("\"first_head\":true"), "{first}");
    assert_eq!(kense(&db, &GENERATE, "").code, Some(0));
}
