//! Issue 12 with real OS accounts: who is recorded is the process's account, only active
//! staff write, only a head closes a day or approves a conclusion, and nobody approves
//! their own work. CI runs as root with no terminal: these tests make throw-away accounts
//! (`useradd`, removed by `userdel` when the test ends, panicking or not) and run kense
//! under them with `runuser`. Not root, they say so on stderr and skip.

mod common;

use common::{Run, count, me, process, raw, tempdir};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A throw-away OS account, removed on drop (also when the test panics).
struct Account {
    name: String,
}

impl Account {
    /// A new account `kt<pid><tag>` (no home, no login shell).
    fn new(tag: &str) -> Account {
        let name = format!("kt{}{tag}", std::process::id());
        let made = Command::new("useradd")
            .args(["--no-create-home", "--shell", "/usr/sbin/nologin", &name])
            .status()
            .unwrap_or_else(|e| panic!("useradd: {e}"));
        assert!(made.success(), "useradd {name} failed");
        Account { name }
    }
}

impl Drop for Account {
    fn drop(&mut self) {
        let _ = Command::new("userdel").arg(&self.name).status();
    }
}

/// Root, or a message on stderr saying why the test does not run.
fn root(test: &str) -> bool {
    let root = nix::unistd::getuid().is_root();
    if !root {
        eprintln!("SKIPPED {test}: needs root to create throw-away OS accounts (CI runs as root)");
    }
    root
}

/// A register in a directory every account may use (the test's accounts are not its owner).
fn shared_register() -> (tempfile::TempDir, PathBuf) {
    let dir = tempdir();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777))
        .unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("register.sqlite");
    (dir, db)
}

fn share(db: &Path) {
    std::fs::set_permissions(db, std::fs::Permissions::from_mode(0o666))
        .unwrap_or_else(|e| panic!("{e}"));
}

/// kense as this process's account, `stdin` on its standard input.
fn kense(db: &Path, args: &[&str], stdin: &str) -> Run {
    let mut command = assert_cmd::Command::from_std(process(db));
    command.args(args).write_stdin(stdin);
    Run::from(command.output().unwrap_or_else(|e| panic!("{e}")))
}

/// kense under `account` (runuser), `stdin` on its standard input.
fn kense_as(account: &str, db: &Path, args: &[&str], stdin: &str) -> Run {
    let binary = assert_cmd::cargo::cargo_bin!("kense");
    let mut command = assert_cmd::Command::new("runuser");
    command
        .args(["-u", account, "--"])
        .arg(binary)
        .env_remove("KENSE_DB")
        .env_remove("KENSE_CLERK")
        .arg("--db")
        .arg(db)
        .args(args)
        .write_stdin(stdin);
    Run::from(command.output().unwrap_or_else(|e| panic!("{e}")))
}

/// A register made by this account (its first head) with one formulary under M-16
/// verification started by it; the formulary's number.
fn register_under_verification(db: &Path) -> String {
    let template = kense(db, &["formulary", "template", "--code", "18"], "");
    assert_eq!(template.code, Some(0), "{}", template.stderr);
    let added = kense(db, &["formulary", "add", "-", "--json"], &template.stdout);
    assert_eq!(added.code, Some(0), "{}", added.stderr);
    let number = added.json()["number"]
        .as_str()
        .unwrap_or_else(|| panic!("a number"))
        .to_string();
    let started = kense(
        db,
        &[
            "formulary",
            "move",
            &number,
            "--to",
            "start_verification",
            "--ground",
            "citizenship",
        ],
        "",
    );
    assert_eq!(started.code, Some(0), "{}", started.stderr);
    share(db);
    number
}

#[test]
fn a_clerk_who_is_not_a_head_cannot_close_a_day_or_approve_a_conclusion() {
    if !root("non_head") {
        return;
    }
    let (_dir, db) = shared_register();
    let number = register_under_verification(&db);
    let clerk = Account::new("c");
    let added = kense(
        &db,
        &["staff", "add", &clerk.name, "--role", "clerk"],
        "КЛЕРК А. Б.\n",
    );
    assert_eq!(added.code, Some(0), "{}", added.stderr);

    let close = kense_as(&clerk.name, &db, &["day", "close"], "");
    assert_eq!(close.code, Some(4), "{}", close.stderr);
    assert!(
        close.stderr.contains("only a head may close a day"),
        "{}",
        close.stderr
    );
    assert!(close.stderr.contains(&clerk.name), "{}", close.stderr);
    assert_eq!(count(&db, "day_closes"), 0);

    for to in ["confirm", "refuse"] {
        let approve = kense_as(
            &clerk.name,
            &db,
            &["formulary", "move", &number, "--to", to],
            "",
        );
        assert_eq!(approve.code, Some(4), "{}", approve.stderr);
        assert!(
            approve
                .stderr
                .contains("only a head may approve a conclusion"),
            "{}",
            approve.stderr
        );
        assert!(approve.stderr.contains("[M-16]"), "{}", approve.stderr);
    }
    assert_eq!(count(&db, "conclusions"), 0);
}

#[test]
fn nobody_approves_their_own_work_and_a_single_head_is_told_so() {
    if !root("maker_checker") {
        return;
    }
    let (_dir, db) = shared_register();
    let number = register_under_verification(&db);
    let confirm = ["formulary", "move", number.as_str(), "--to", "confirm"];

    let own = kense(&db, &confirm, "");
    assert_eq!(own.code, Some(4), "{}", own.stderr);
    assert!(
        own.stderr.contains("started the verification of"),
        "{}",
        own.stderr
    );
    assert!(own.stderr.contains("only active head"), "{}", own.stderr);

    let deputy = Account::new("h");
    let added = kense(
        &db,
        &["staff", "add", &deputy.name, "--role", "head"],
        "ЗАМЕСТИТЕЛЬ В. Г.\n",
    );
    assert_eq!(added.code, Some(0), "{}", added.stderr);
    let still_own = kense(&db, &confirm, "");
    assert_eq!(still_own.code, Some(4), "{}", still_own.stderr);
    assert!(
        still_own.stderr.contains("another head approves it"),
        "{}",
        still_own.stderr
    );

    let approved = kense_as(&deputy.name, &db, &confirm, "");
    assert_eq!(approved.code, Some(0), "{}", approved.stderr);
    let (clerk, name): (String, Option<String>) = raw(&db)
        .query_row("SELECT clerk, approver_name FROM conclusions", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        clerk, deputy.name,
        "the approver is recorded with the conclusion"
    );
    assert_eq!(name.as_deref(), Some("ЗАМЕСТИТЕЛЬ В. Г."));
}

#[test]
fn neither_clerk_nor_kense_clerk_records_another_account() {
    if !root("clerk_flag") {
        return;
    }
    let (_dir, db) = shared_register();
    let generate = [
        "iin",
        "generate",
        "--birth-date",
        "2015-03-08",
        "--sex",
        "female",
    ];
    let first = kense(&db, &generate, "");
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    share(&db);
    let entries = || count(&db, "audit_log");
    let before = entries();

    // --clerk is refused, nothing written, the real account named.
    let mut flagged = generate.to_vec();
    flagged.extend(["--clerk", "someone-else"]);
    let refused = kense(&db, &flagged, "");
    assert_eq!(refused.code, Some(2), "{}", refused.stderr);
    assert!(
        refused.stderr.contains(&format!("OS account {}", me())),
        "{}",
        refused.stderr
    );
    assert_eq!(entries(), before);

    // KENSE_CLERK is ignored: the entry is the real account's.
    let mut command = assert_cmd::Command::from_std(process(&db));
    command.env("KENSE_CLERK", "someone-else").args(generate);
    let run = Run::from(command.output().unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let last: String = raw(&db)
        .query_row(
            "SELECT clerk FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(last, me());

    // Another account cannot pass for the head with --clerk either, and, not staff, it
    // may read but not write (K-STAFF).
    let posing = kense_as("nobody", &db, &["day", "close", "--clerk", &me()], "");
    assert_eq!(posing.code, Some(2), "{}", posing.stderr);
    assert!(
        posing.stderr.contains("OS account nobody"),
        "{}",
        posing.stderr
    );
    let write = kense_as("nobody", &db, &generate, "");
    assert_eq!(write.code, Some(4), "{}", write.stderr);
    assert!(
        write.stderr.contains("account nobody is not active staff"),
        "{}",
        write.stderr
    );
    assert!(write.stderr.contains("[K-STAFF]"), "{}", write.stderr);
    let read = kense_as("nobody", &db, &["staff", "list"], "");
    assert_eq!(read.code, Some(0), "{}", read.stderr);
    assert!(read.stdout.contains(&me()), "{}", read.stdout);
    assert_eq!(count(&db, "day_closes"), 0);
}
