//! What the integration tests share: the real `kense` binary run against a register file
//! in a temporary directory, and that register opened or read directly.

// Every file under tests/ is its own crate and uses only some of these; without this,
// each unused helper would be a dead-code warning, an error under clippy `-D warnings`.
#![allow(dead_code)]

use chrono::NaiveDate;
use kense::domain::iin::check_digit;
use kense::store::{Clerk, Location, Store};
use serde_json::Value;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::process::Output;

/// The clerk the tests act as unless they name another.
pub const CLERK: &str = "aigul";

/// How one run of the binary ended and what it printed.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Self {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

impl Run {
    /// Exit code, standard output and standard error, for tests that take them apart.
    pub fn into_parts(self) -> (Option<i32>, String, String) {
        (self.code, self.stdout, self.stderr)
    }

    /// The standard output as JSON; a panic naming both streams if it is not.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}\n{}", self.stdout, self.stderr))
    }
}

/// The binary on the register `db`, clerk not yet given. `KENSE_DB` and `KENSE_CLERK` are
/// removed so that the environment the tests run in cannot point it at another register,
/// and `KENSE_BUSY_TIMEOUT` so that it cannot change how long a busy register is waited
/// for (a test that wants another wait sets it on the command).
pub fn process(db: &Path) -> std::process::Command {
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin!("kense"));
    command
        .env_remove("KENSE_DB")
        .env_remove("KENSE_CLERK")
        .env_remove("KENSE_BUSY_TIMEOUT")
        // The office's clock: running (a test fixes it with KENSE_NOW on the command), in
        // the default zone (no settings file of the machine's).
        .env_remove("KENSE_NOW")
        .env("KENSE_CONFIG", db.with_extension("no-settings.toml"))
        .arg("--db")
        .arg(db);
    command
}

/// [`process`] as `clerk`.
pub fn process_as(db: &Path, clerk: &str) -> std::process::Command {
    let mut command = process(db);
    command.args(["--clerk", clerk]);
    command
}

/// `kense --db db --clerk clerk args…`, with `stdin` on its standard input, run to the end.
pub fn kense_as(db: &Path, clerk: &str, args: &[&str], stdin: Option<&str>) -> Run {
    let mut command = assert_cmd::Command::from_std(process_as(db, clerk));
    command.args(args);
    if let Some(input) = stdin {
        command.write_stdin(input);
    }
    Run::from(command.output().unwrap_or_else(|e| panic!("{e}")))
}

/// [`kense_as`] as [`CLERK`].
pub fn kense_in(db: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    kense_as(db, CLERK, args, stdin)
}

/// [`kense_as`] as [`CLERK`], with nothing on standard input.
pub fn kense(db: &Path, args: &[&str]) -> Run {
    kense_in(db, args, None)
}

pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

/// The register file the tests use in `dir`; not created.
pub fn register_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("register.sqlite")
}

/// A plain SQLite connection, going around kense as another program (or a tamperer) would.
pub fn raw(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).unwrap_or_else(|e| panic!("{e}"))
}

/// The rows of `table` in the register at `db`; 0 when there is no file (nothing saved).
pub fn count(db: &Path, table: &str) -> i64 {
    if !db.exists() {
        return 0;
    }
    raw(db)
        .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{e}"))
}

pub fn clerk_named(name: &str) -> Clerk {
    Clerk::new(name).unwrap_or_else(|e| panic!("{e}"))
}

/// [`CLERK`] as the store takes it.
pub fn clerk() -> Clerk {
    clerk_named(CLERK)
}

/// The register at `db` opened in the library as `clerk`, created if missing.
pub fn open_as(db: &Path, clerk: &str) -> Store {
    Store::open(&Location::create_if_missing(db), clerk_named(clerk))
        .unwrap_or_else(|e| panic!("{e}"))
}

/// [`open_as`] as [`CLERK`].
pub fn open(db: &Path) -> Store {
    open_as(db, CLERK)
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}"))
}

/// Runs `test`, and once more if it failed while the local date changed under it.
///
/// For the tests whose commands each take "today" for themselves (`day close` and `report
/// day` without `--date`, a registration, a registration number's year): a run that
/// straddles midnight (a nightly CI job) has its first commands on one day and its last on
/// the next, and fails for that alone. The second run starts afresh (the test makes its
/// own register) and must pass on its own; a failure on one and the same day is reported
/// as it is.
pub fn on_one_day(test: impl Fn()) {
    let today = || chrono::Local::now().date_naive();
    let started = today();
    let Err(failure) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(&test)) else {
        return;
    };
    let ended = today();
    if ended == started {
        std::panic::resume_unwind(failure);
    }
    eprintln!("the date changed from {started} to {ended} during the test: run again");
    test();
}

/// A number below `n` that differs from run to run, without a random-number crate.
pub fn random_below(n: u64) -> u64 {
    RandomState::new().build_hasher().finish() % n.max(1)
}

/// `work(name)` `each` times on each of `clerks` threads at once (clerks named
/// `clerk0`, `clerk1`, …); every result, a clerk's in order.
pub fn clerks_at_once<T: Send>(
    clerks: usize,
    each: usize,
    work: impl Fn(&str) -> T + Sync,
) -> Vec<T> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..clerks)
            .map(|clerk| {
                let work = &work;
                scope.spawn(move || {
                    let name = format!("clerk{clerk}");
                    (0..each).map(|_| work(&name)).collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|_| panic!("a clerk's thread failed"))
            })
            .collect()
    })
}

/// `iin generate` of a girl born 2015-03-08: the least a command that writes does.
pub const GENERATE_GIRL: [&str; 16] = [
    "iin",
    "generate",
    "--birth-date",
    "2015-03-08",
    "--sex",
    "female",
    // M-12.a: what the parent showed for a child's IIN.
    "--birth-certificate",
    "I-АК 1",
    "--certificate-date",
    "2015-03-20",
    "--certificate-issuer",
    "РАГС",
    "--parent-document",
    "удостоверение 1",
    "--zags-found",
    "yes",
];

/// [`GENERATE_GIRL`] for a boy.
pub const GENERATE_BOY: [&str; 16] = [
    "iin",
    "generate",
    "--birth-date",
    "2015-03-08",
    "--sex",
    "male",
    // M-12.a: what the parent showed for a child's IIN.
    "--birth-certificate",
    "I-АК 1",
    "--certificate-date",
    "2015-03-20",
    "--certificate-issuer",
    "РАГС",
    "--parent-document",
    "удостоверение 1",
    "--zags-found",
    "yes",
];

/// [`GENERATE_GIRL`] on `db`.
pub fn generate(db: &Path) -> Run {
    kense(db, &GENERATE_GIRL)
}

/// A BIN of a resident legal entity registered 2004-05 with a serial from `serial` on
/// (the first that has a check digit).
pub fn bin(serial: u32) -> String {
    (serial..)
        .find_map(|s| {
            let first = format!("040540{s:05}");
            let mut digits = [0u8; 11];
            for (slot, b) in digits.iter_mut().zip(first.bytes()) {
                *slot = b - b'0';
            }
            check_digit(&digits).map(|c| format!("{first}{c}"))
        })
        .unwrap_or_else(|| panic!("no BIN"))
}

/// Issue 11: the register's warnings for a person it knows (another formulary in its
/// course, `K-OPEN`; other names, `K-PERSON`), let pass with a reason, for the tests
/// that register one example person again and again.
pub const KNOWN_PERSON_OVERRIDES: [(&str, &str); 4] = [
    ("K-OPEN", "iin"),
    ("K-PERSON", "surname"),
    ("K-PERSON", "given_name"),
    ("K-PERSON", "patronymic"),
];

/// `f` with [`KNOWN_PERSON_OVERRIDES`] let pass.
pub fn known_person_passes(f: &mut kense::domain::formulary::Formulary) {
    for (rule, field) in KNOWN_PERSON_OVERRIDES {
        f.overrides.push(kense::domain::formulary::Override {
            rule: rule.into(),
            field: field.into(),
            reason: Some("the same example person registered again".into()),
        });
    }
}

/// A formulary's JSON with [`KNOWN_PERSON_OVERRIDES`] let pass.
pub fn known_person_passes_json(text: &str) -> String {
    let mut f = kense::domain::formulary::Formulary::from_json(text)
        .unwrap_or_else(|e| panic!("a formulary's JSON: {e}"));
    known_person_passes(&mut f);
    f.to_json().unwrap_or_else(|e| panic!("{e}"))
}
