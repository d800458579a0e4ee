//! Issue 12 with real OS accounts: who is recorded is the process's account, only active
//! staff write, only a head closes a day or approves a conclusion, and nobody approves
//! their own work. CI runs as root with no terminal: these tests make throw-away accounts
//! (`useradd`, removed by `userdel` when the test ends, panicking or not) and run kense
//! under them with `runuser`. Not root, they say so on stderr and skip.

mod common;
mod others_support;

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
    // Beside the shared register: the checkout itself may be closed to other accounts.
    let binary = others_support::kense_in(db.parent().unwrap_or(Path::new("/")));
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
        "1990-05-17",
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

#[test]
fn only_a_head_keeps_the_staff_and_a_retired_member_only_reads() {
    if !root("staff") {
        return;
    }
    let (_dir, db) = shared_register();
    let generate = [
        "iin",
        "generate",
        "--birth-date",
        "1990-05-17",
        "--sex",
        "male",
    ];
    assert_eq!(kense(&db, &generate, "").code, Some(0));
    share(&db);
    let clerk = Account::new("k");
    let added = kense(&db, &["staff", "add", &clerk.name], "КЛЕРК Д. Е.\n");
    assert_eq!(added.code, Some(0), "{}", added.stderr);
    assert_eq!(kense_as(&clerk.name, &db, &generate, "").code, Some(0));

    // A clerk does not keep the staff (K-HEAD), not even to make itself a head.
    let promote = kense_as(
        &clerk.name,
        &db,
        &["staff", "set", &clerk.name, "--role", "head"],
        "",
    );
    assert_eq!(promote.code, Some(4), "{}", promote.stderr);
    assert!(
        promote.stderr.contains("only a head may change the staff"),
        "{}",
        promote.stderr
    );
    let other = kense_as(&clerk.name, &db, &["staff", "add", "nobody"], "Н\n");
    assert_eq!(other.code, Some(4), "{}", other.stderr);

    // Retired, it still reads but writes nothing more.
    assert_eq!(
        kense(&db, &["staff", "retire", &clerk.name], "").code,
        Some(0)
    );
    let write = kense_as(&clerk.name, &db, &generate, "");
    assert_eq!(write.code, Some(4), "{}", write.stderr);
    assert!(write.stderr.contains("[K-STAFF]"), "{}", write.stderr);
    let read = kense_as(&clerk.name, &db, &["audit", "verify"], "");
    assert_eq!(read.code, Some(0), "{}", read.stderr);
    let actions: Vec<String> = raw(&db)
        .prepare("SELECT action FROM audit_log WHERE subject = ?1 ORDER BY id")
        .and_then(|mut s| {
            s.query_map([&clerk.name], |r| r.get(0))?
                .collect::<Result<Vec<_>, _>>()
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        actions,
        ["staff_added", "staff_retired"],
        "every change audited"
    );
}

/// A register with no staff (written before staff were kept) takes its first head only
/// from the account that owns the file.
#[test]
fn only_the_files_owner_names_the_first_head_of_a_register_without_staff() {
    if !root("first_head") {
        return;
    }
    let (_dir, db) = shared_register();
    {
        let mut conn = raw(&db);
        kense::store::MIGRATIONS
            .to_version(&mut conn, 5)
            .unwrap_or_else(|e| panic!("{e}"));
        conn.execute(
            "INSERT INTO audit_log (id, at, clerk, action, subject, details_json, prev_hash, hash)
             VALUES (1, '2025-01-01T00:00:00Z', 'old', 'x', 'y', '{}', ?1, 'h')",
            [kense::store::GENESIS],
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    // Upgraded by the owner's read-write open, then shared.
    assert_eq!(
        kense(&db, &["staff", "list"], "").code,
        Some(3),
        "older schema: read-only refuses"
    );
    let _ = kense(
        &db,
        &[
            "iin",
            "generate",
            "--birth-date",
            "1990-05-17",
            "--sex",
            "male",
        ],
        "",
    );
    share(&db);
    let stranger = Account::new("s");
    let claim = kense_as(
        &stranger.name,
        &db,
        &["staff", "add", &stranger.name, "--role", "head"],
        "Ч\n",
    );
    assert_eq!(claim.code, Some(4), "{}", claim.stderr);
    assert!(
        claim.stderr.contains("owns the register file"),
        "{}",
        claim.stderr
    );
    assert_eq!(count(&db, "staff"), 0);
    let owner = kense(
        &db,
        &["staff", "add", &stranger.name, "--role", "head"],
        "ГЛАВА Г. Г.\n",
    );
    assert_eq!(owner.code, Some(0), "{}", owner.stderr);
    assert_eq!(count(&db, "staff"), 1);
}
