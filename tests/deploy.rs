//! Issue 15, the setgid installation (docs/DEPLOY.md; the whole setup with real accounts
//! and a setgid binary is `.ci/deploy-test`): the office's register shared with its group
//! (never created by a clerk's kense, made exactly 0660, its -wal and -shm too), the first
//! head the file's owner, a loose -wal refused, and `kense doctor`.

mod common;

use common::{date, kense, me, register_in, tempdir};
use kense::domain::Sex;
use kense::store::{Location, Store, StoreError};
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

fn mode(path: &Path) -> u32 {
    fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .mode()
        & 0o7777
}

fn beside(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// An empty file 0600, as `install -m 0600 /dev/null` leaves it.
fn empty(db: &Path, mode: u32) {
    fs::write(db, "").unwrap_or_else(|e| panic!("{e}"));
    fs::set_permissions(db, fs::Permissions::from_mode(mode)).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn the_offices_register_is_never_made_by_a_clerks_kense() {
    let dir = tempdir();
    let db = register_in(&dir);
    let opened = Store::open(
        &Location::create_if_missing(&db).shared_with_group(),
        common::clerk_named(&me()),
    );
    assert!(
        matches!(&opened, Err(StoreError::Missing { path }) if *path == db),
        "{:?}",
        opened.err()
    );
    assert!(!db.exists(), "nothing was created");
}

#[test]
fn the_offices_register_and_its_wal_and_shm_are_exactly_0660() {
    let dir = tempdir();
    let db = register_in(&dir);
    // The administrator's empty file, 0600 (or any mode): kense makes the register 0660,
    // whatever the umask, so that the group's next kense can open it.
    empty(&db, 0o600);
    let mut store = Store::open(
        &Location::existing(&db).shared_with_group(),
        common::clerk_named(&me()),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    store
        .generate_iin(date(1990, 1, 1), Sex::Female)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(mode(&db), 0o660);
    for suffix in ["-wal", "-shm"] {
        let side = beside(&db, suffix);
        assert!(side.exists(), "{suffix} exists while the register is open");
        assert_eq!(mode(&side), 0o660, "{suffix} has the register's mode");
        assert_eq!(
            fs::metadata(&side).map(|m| m.gid()).ok(),
            fs::metadata(&db).map(|m| m.gid()).ok(),
            "{suffix} has the register's group"
        );
    }
    drop(store);
    // The group's files beside a shared register are taken; one looser is not.
    let wal = beside(&db, "-wal");
    fs::write(&wal, "").unwrap_or_else(|e| panic!("{e}"));
    fs::set_permissions(&wal, fs::Permissions::from_mode(0o660)).unwrap_or_else(|e| panic!("{e}"));
    let location = Location::existing(&db).shared_with_group();
    let clerk = common::clerk_named(&me());
    let taken = Store::open(&location, clerk.clone());
    assert!(taken.is_ok(), "a 0660 -wal of the group: {:?}", taken.err());
    // Closed, the last connection removed it: plant it again, looser.
    fs::write(&wal, "").unwrap_or_else(|e| panic!("{e}"));
    fs::set_permissions(&wal, fs::Permissions::from_mode(0o664)).unwrap_or_else(|e| panic!("{e}"));
    let opened = Store::open(&location, clerk);
    assert!(
        matches!(&opened, Err(StoreError::LooseSidecar { path }) if *path == wal),
        "{:?}",
        opened.err()
    );
}

#[test]
fn only_the_owner_of_a_shared_new_register_becomes_its_first_head() {
    if !nix::unistd::geteuid().is_root() {
        eprintln!(
            "skipped: giving the register to another account (chown) needs root; CI runs as root"
        );
        return;
    }
    let dir = tempdir();
    let db = register_in(&dir);
    // The administrator made it for another account (nobody, 65534): the tests' account
    // can write it (root) but must not become its head by writing first.
    empty(&db, 0o660);
    std::os::unix::fs::chown(&db, Some(65534), None).unwrap_or_else(|e| panic!("{e}"));
    let location = Location::existing(&db).shared_with_group();
    let mut store =
        Store::open(&location, common::clerk_named(&me())).unwrap_or_else(|e| panic!("{e}"));
    let written = store.generate_iin(date(1990, 1, 1), Sex::Male);
    assert!(
        matches!(
            &written,
            Err(StoreError::NotStaff {
                staffless: true,
                ..
            })
        ),
        "{written:?}"
    );
    assert!(store.staff().unwrap_or_else(|e| panic!("{e}")).is_empty());
    // Its owner would: given back to the tests' account, the first write founds it.
    drop(store);
    std::os::unix::fs::chown(&db, Some(0), None).unwrap_or_else(|e| panic!("{e}"));
    let mut store =
        Store::open(&location, common::clerk_named(&me())).unwrap_or_else(|e| panic!("{e}"));
    assert!(store.generate_iin(date(1990, 1, 1), Sex::Male).is_ok());
}

#[test]
fn the_doctor_checks_a_single_user_register_and_names_the_fix() {
    let dir = tempdir();
    let db = register_in(&dir);
    let made = common::generate(&db);
    assert_eq!(made.code, Some(0), "{}", made.stderr);
    let fine = kense(&db, &["doctor"]);
    assert_eq!(fine.code, Some(0), "{}{}", fine.stdout, fine.stderr);
    assert!(
        fine.stdout.contains("single-user install"),
        "{}",
        fine.stdout
    );
    assert!(fine.stdout.contains("calendar"), "{}", fine.stdout);
    assert!(fine.stdout.ends_with("nothing to fix\n"), "{}", fine.stdout);

    fs::set_permissions(&db, fs::Permissions::from_mode(0o644)).unwrap_or_else(|e| panic!("{e}"));
    let loose = kense(&db, &["doctor"]);
    assert_eq!(loose.code, Some(1), "{}{}", loose.stdout, loose.stderr);
    let line = loose
        .stdout
        .lines()
        .find(|l| l.starts_with("FIX"))
        .unwrap_or_else(|| panic!("no FIX line: {}", loose.stdout));
    assert!(
        line.contains(&db.display().to_string())
            && line.contains("0644")
            && line.contains(&format!("chmod 0600 {}", db.display())),
        "{line}"
    );
}

#[test]
fn the_doctor_names_a_bad_settings_file_and_a_loose_wal() {
    let dir = tempdir();
    let db = register_in(&dir);
    assert_eq!(common::generate(&db).code, Some(0));
    let wal = beside(&db, "-wal");
    fs::write(&wal, "").unwrap_or_else(|e| panic!("{e}"));
    fs::set_permissions(&wal, fs::Permissions::from_mode(0o666)).unwrap_or_else(|e| panic!("{e}"));
    let settings = dir.path().join("kense.toml");
    fs::write(&settings, "[office]\ntimezone = \"Asia/Almaty\"\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let mut command = assert_cmd::Command::from_std(common::process(&db));
    let run = command
        .env("KENSE_CONFIG", &settings)
        .arg("doctor")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let out = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{out}");
    let fixes: Vec<&str> = out.lines().filter(|l| l.starts_with("FIX")).collect();
    assert!(
        fixes
            .iter()
            .any(|l| l.contains(&settings.display().to_string()) && l.contains("timezone")),
        "{out}"
    );
    assert!(
        fixes
            .iter()
            .any(|l| l.contains(&wal.display().to_string()) && l.contains("0666")),
        "{out}"
    );
}
