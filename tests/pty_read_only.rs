//! Issue 12 in the real workstation under a real OS account that is not staff of the
//! register: it opens read-only and says so; Ctrl-S and closing the day say why instead of
//! failing; its session on the register is recorded while it runs and gone when it quits.
//! Root makes a throw-away account (`useradd`, removed on drop) and runs kense under it
//! with `runuser`; not root, the test says so on stderr and skips.

mod others_support;
mod pty_support;

use kense::store::{Clerk, DemoOptions, Location, Store};
use pty_support::{Session, command};
use std::os::unix::fs::PermissionsExt;
use std::process::Command;

/// A throw-away OS account, removed on drop (also when the test panics).
struct Account(String);

impl Drop for Account {
    fn drop(&mut self) {
        let _ = Command::new("userdel").arg(&self.0).status();
    }
}

fn chmod(path: &std::path::Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .unwrap_or_else(|e| panic!("{e}"));
}

/// The accounts with a session on the register, read as they are (the account's own
/// `-wal` file is not root's, which `Store::open` rightly refuses).
fn sessions(db: &std::path::Path) -> Vec<String> {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
    let conn = rusqlite::Connection::open_with_flags(db, flags).unwrap_or_else(|e| panic!("{e}"));
    let mut statement = conn
        .prepare("SELECT account FROM sessions")
        .unwrap_or_else(|e| panic!("{e}"));
    let rows = statement
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap_or_else(|e| panic!("{e}"));
    rows.map(|r| r.unwrap_or_else(|e| panic!("{e}"))).collect()
}

#[test]
fn an_account_that_is_not_staff_opens_the_workstation_read_only() {
    if !nix::unistd::getuid().is_root() {
        eprintln!("SKIPPED: needs root to create a throw-away OS account (CI runs as root)");
        return;
    }
    let name = format!("kt{}ro", std::process::id());
    let made = Command::new("useradd")
        .args(["--no-create-home", "--shell", "/usr/sbin/nologin", &name])
        .status()
        .unwrap_or_else(|e| panic!("useradd: {e}"));
    assert!(made.success(), "useradd {name}");
    let account = Account(name);
    // A register of root's, its first head, shared with every account.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    chmod(dir.path(), 0o777);
    let db = dir.path().join("register.sqlite");
    let location = Location::create_if_missing(&db);
    let root = Clerk::new("root").unwrap_or_else(|e| panic!("{e}"));
    let now = chrono::Local::now().naive_local() - chrono::Duration::hours(1);
    let mut store = Store::open(&location, root).unwrap_or_else(|e| panic!("{e}"));
    store
        .fill_demo(&DemoOptions {
            count: 30,
            seed: 1,
            now,
            days: 3,
            force: false,
        })
        .unwrap_or_else(|e| panic!("{e}"));
    drop(store);
    chmod(&db, 0o666);
    // Beside the shared register: the checkout itself may be closed to other accounts.
    let kense = others_support::kense_in(dir.path());
    let kense = kense.to_string_lossy().to_string();
    let db_arg = db.to_string_lossy().to_string();
    let args = [
        "-u", &account.0, "--", &kense, "--db", &db_arg, "--lang", "en",
    ];
    let mut s = Session::start_command(command("runuser", &args));
    s.wait_for(
        |c| c.contains("Read-only: "),
        "the read-only status at start",
    );
    let open = sessions(&db);
    assert!(
        open.contains(&account.0),
        "its session is recorded: {open:?}"
    );
    // Ctrl-S on the form: why not, not a failure.
    s.send(b"x");
    s.wait_for(
        |c| !c.contains("Read-only: "),
        "the status gone at the next key",
    );
    s.send(b"\x13");
    s.wait_for(|c| c.contains("Read-only: "), "Ctrl-S says why");
    // The day screen opens (reading is allowed); Ctrl-K says why, asks nothing.
    s.send(b"\x1b3");
    s.wait_for(|c| c.contains("Search the register"), "the Register tab");
    s.send(b"\x04");
    s.wait_for(|c| c.contains("Forms held"), "the day screen");
    s.send(b"\x0b");
    s.wait_for(|c| c.contains("Read-only: "), "Ctrl-K says why");
    assert!(
        !s.contents().contains("Type the day's date"),
        "{}",
        s.contents()
    );
    s.quit();
    let open = sessions(&db);
    assert!(
        !open.contains(&account.0),
        "its session ends with it: {open:?}"
    );
}
