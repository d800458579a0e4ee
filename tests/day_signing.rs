//! Issue 15, "anchor the chain outside the file": a head signs day closes with an SSH key
//! held by a real `ssh-agent` (through `ssh-keygen -Y sign`, the private key file gone, so
//! only the agent can sign), and `audit verify --allowed-signers` checks them. An intruder
//! who changes an entry and re-hashes the whole chain with the README's algorithm passes
//! the chain's own check and fails at the first signed close after the change.
//!
//! Needs OpenSSH's client (`ssh-keygen`, `ssh-agent`, `ssh-add`; Debian: openssh-client);
//! without it each test says so and passes.

mod common;

use common::{Run, me, process, raw, register_in, tempdir};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

const DAY1: &str = "2026-12-08";
const DAY2: &str = "2026-12-09";
const DAY3: &str = "2026-12-10";

/// OpenSSH's client tools, or `None` after saying why the test does not run.
fn openssh() -> Option<()> {
    for tool in ["ssh-keygen", "ssh-agent", "ssh-add"] {
        let found = Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .is_ok_and(|o| o.status.success());
        if !found {
            eprintln!(
                "SKIPPED: {tool} is not installed (apt-get install openssh-client); the signed \
                 closes are not tested"
            );
            return None;
        }
    }
    Some(())
}

/// A throw-away `ssh-agent` on a socket in the test's directory, ended when dropped.
struct Agent {
    child: Child,
    socket: PathBuf,
}

impl Agent {
    fn start(dir: &Path) -> Agent {
        let socket = dir.join("agent.sock");
        let child = Command::new("ssh-agent")
            .arg("-D")
            .arg("-a")
            .arg(&socket)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("ssh-agent: {e}"));
        for _ in 0..100 {
            if socket.exists() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        assert!(socket.exists(), "ssh-agent made no socket");
        Agent { child, socket }
    }

    /// Adds the key `path` to the agent, then removes the private key file: from now on
    /// only the agent can sign with it.
    fn hold(&self, path: &Path) {
        let added = Command::new("ssh-add")
            .arg(path)
            .env("SSH_AUTH_SOCK", &self.socket)
            .output()
            .unwrap_or_else(|e| panic!("ssh-add: {e}"));
        assert!(added.status.success(), "{added:?}");
        std::fs::remove_file(path).unwrap_or_else(|e| panic!("{e}"));
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A new ed25519 key `dir/name` (no passphrase); returns its public key file.
fn new_key(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let made = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("ssh-keygen: {e}"));
    assert!(made.status.success(), "{made:?}");
    path.with_extension("pub")
}

/// Runs `command` with `input` on its standard input, to the end.
fn piped(command: &mut Command, input: &str) -> std::process::Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    if let Some(mut stdin) = child.stdin.take() {
        std::io::Write::write_all(&mut stdin, input.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    }
    child.wait_with_output().unwrap_or_else(|e| panic!("{e}"))
}

fn public_line(pub_file: &Path) -> String {
    std::fs::read_to_string(pub_file)
        .unwrap_or_else(|e| panic!("{e}"))
        .trim()
        .to_string()
}

/// `kense args…` on `db` at noon of `day` (office clock), talking to `agent`.
fn kense_on(db: &Path, agent: &Agent, day: &str, args: &[&str], stdin: Option<&str>) -> Run {
    let mut command = assert_cmd::Command::from_std(process(db));
    command
        .env("KENSE_NOW", format!("{day}T07:00:00Z"))
        .env("SSH_AUTH_SOCK", &agent.socket)
        .args(args);
    if let Some(input) = stdin {
        command.write_stdin(input);
    }
    Run::from(command.output().unwrap_or_else(|e| panic!("{e}")))
}

/// Registers a formulary on `day` (so the day has records to close).
fn register_one(db: &Path, agent: &Agent, day: &str) {
    let template = kense_on(
        db,
        agent,
        day,
        &["formulary", "template", "--code", "18"],
        None,
    );
    let template = common::known_person_passes_json(&template.stdout);
    let added = kense_on(db, agent, day, &["formulary", "add", "-"], Some(&template));
    assert_eq!(added.code, Some(0), "{}", added.stderr);
}

/// The message the close of `day` is signed over (`kense day sign --message`).
fn message_of(db: &Path, agent: &Agent, day: &str) -> Run {
    kense_on(
        db,
        agent,
        DAY3,
        &["day", "sign", "--date", day, "--message"],
        None,
    )
}

fn close(db: &Path, agent: &Agent, day: &str, sign: Option<&Path>) -> Run {
    let mut args = vec!["day", "close", "--date", day];
    let key = sign.map(|k| k.to_string_lossy().into_owned());
    if let Some(key) = &key {
        args.extend(["--sign", key]);
    }
    kense_on(db, agent, day, &args, None)
}

fn verify(db: &Path, agent: &Agent, allowed: Option<&Path>) -> Run {
    let mut args = vec!["audit".to_string(), "verify".to_string()];
    if let Some(path) = allowed {
        args.extend(["--allowed-signers".to_string(), path.display().to_string()]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    kense_on(db, agent, DAY3, &args, None)
}

/// The intruder's re-hash: every entry's hash recomputed with the README's algorithm (the
/// library's own `entry_hash`), each close's recorded head and its entry's details made to
/// agree, the triggers dropped. Afterwards the chain checks out on its own.
fn rehash(db: &Path) {
    let conn = raw(db);
    conn.execute_batch(
        "DROP TRIGGER audit_log_no_update; DROP TRIGGER day_closes_no_update;
         DROP TRIGGER day_signatures_no_update;",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let rows: Vec<(i64, String, String, String, String, String)> = {
        let mut s = conn
            .prepare(
                "SELECT id, at, clerk, action, subject, details_json FROM audit_log ORDER BY id",
            )
            .unwrap_or_else(|e| panic!("{e}"));
        s.query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .and_then(Iterator::collect)
        .unwrap_or_else(|e| panic!("{e}"))
    };
    let mut prev = kense::store::GENESIS.to_string();
    for (id, at, clerk, action, subject, mut details) in rows {
        if action == "day_closed" {
            details = serde_json::json!({ "audit_hash": prev }).to_string();
            conn.execute(
                "UPDATE day_closes SET audit_hash = ?1 WHERE audit_id = ?2",
                rusqlite::params![prev, id],
            )
            .unwrap_or_else(|e| panic!("{e}"));
        }
        let hash = kense::store::entry_hash(&prev, id, &at, &clerk, &action, &subject, &details);
        conn.execute(
            "UPDATE audit_log SET details_json = ?1, prev_hash = ?2, hash = ?3 WHERE id = ?4",
            rusqlite::params![details, prev, hash, id],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        prev = hash;
    }
}

/// A register with three days: the first closed unsigned, the next two signed by the
/// test's account (its first head) through the agent. Returns the register, the agent,
/// the allowed_signers file and the head's public key.
fn three_days(dir: &tempfile::TempDir) -> (PathBuf, Agent, PathBuf, PathBuf) {
    let db = register_in(dir);
    let agent = Agent::start(dir.path());
    let key = new_key(dir.path(), "head");
    agent.hold(&dir.path().join("head"));
    for (day, signed) in [(DAY1, false), (DAY2, true), (DAY3, true)] {
        register_one(&db, &agent, day);
        let run = close(&db, &agent, day, signed.then_some(key.as_path()));
        assert_eq!(run.code, Some(0), "{day}: {}", run.stderr);
        assert_eq!(run.stdout.contains("signed by"), signed, "{}", run.stdout);
    }
    let allowed = dir.path().join("allowed_signers");
    std::fs::write(&allowed, format!("{} {}\n", me(), public_line(&key)))
        .unwrap_or_else(|e| panic!("{e}"));
    (db, agent, allowed, key)
}

#[test]
fn signed_closes_verify_and_a_rehashed_chain_fails_at_the_first_signed_close_after_it() {
    let Some(()) = openssh() else { return };
    let dir = tempdir();
    let (db, agent, allowed, _) = three_days(&dir);
    let checked = verify(&db, &agent, Some(&allowed));
    assert_eq!(
        checked.code,
        Some(0),
        "{}{}",
        checked.stdout,
        checked.stderr
    );
    assert!(
        checked
            .stdout
            .contains("signed closes: 2 of 3, every signature valid"),
        "{}",
        checked.stdout
    );
    let shown = kense_on(&db, &agent, DAY3, &["day", "show", "--date", DAY2], None);
    assert!(
        shown
            .stdout
            .contains(&format!("close signed by {} with SHA256:", me())),
        "{}",
        shown.stdout
    );
    let counted = verify(&db, &agent, None);
    assert_eq!(counted.code, Some(0), "{}", counted.stdout);
    assert!(
        counted.stdout.contains("2 of 3; signatures not checked"),
        "{}",
        counted.stdout
    );
    // OpenSSH itself accepts the stored signature for the message kense prints.
    let message = message_of(&db, &agent, DAY2);
    assert_eq!(message.code, Some(0), "{}", message.stderr);
    assert!(
        message
            .stdout
            .starts_with("kense day close v1\ndate 2026-12-09\n")
    );
    let signature: String = raw(&db)
        .query_row(
            "SELECT signature FROM day_signatures WHERE date = ?1",
            [DAY2],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let sig_file = dir.path().join("day2.sig");
    std::fs::write(&sig_file, signature).unwrap_or_else(|e| panic!("{e}"));
    let verdict = piped(
        Command::new("ssh-keygen")
            .args(["-Y", "verify", "-n", "kense-day", "-I", &me(), "-f"])
            .arg(&allowed)
            .arg("-s")
            .arg(&sig_file),
        &message.stdout,
    );
    assert!(verdict.status.success(), "{verdict:?}");

    // The intruder backdates the unsigned close of the first day (its row and its entry)
    // and re-hashes the whole chain.
    let conn = raw(&db);
    conn.execute_batch(&format!(
        "DROP TRIGGER day_closes_no_update; DROP TRIGGER audit_log_no_update;
         UPDATE day_closes SET closed_at = '{DAY1}T01:00:00.000000Z' WHERE date = '{DAY1}';
         UPDATE audit_log SET at = '{DAY1}T01:00:00.000000Z'
          WHERE action = 'day_closed' AND subject = '{DAY1}';
         CREATE TRIGGER day_closes_no_update BEFORE UPDATE ON day_closes
         BEGIN SELECT RAISE(ABORT, 'day_closes is append-only'); END;
         CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
         BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    rehash(&db);
    let unanchored = verify(&db, &agent, None);
    assert_eq!(
        unanchored.code,
        Some(0),
        "the re-hashed chain checks out on its own: {}",
        unanchored.stdout
    );
    let anchored = verify(&db, &agent, Some(&allowed));
    assert_eq!(
        anchored.code,
        Some(1),
        "{}{}",
        anchored.stdout,
        anchored.stderr
    );
    assert!(
        anchored.stdout.contains(&format!("day close of {DAY2}"))
            && anchored.stdout.contains("does not match the close"),
        "named at the first signed close after the change: {}",
        anchored.stdout
    );
    let json = kense_on(
        &db,
        &agent,
        DAY3,
        &[
            "audit",
            "verify",
            "--json",
            "--allowed-signers",
            &allowed.display().to_string(),
        ],
        None,
    )
    .json();
    assert_eq!(json["signatures"]["first_bad"]["date"], DAY2, "{json}");
    assert_eq!(
        json["signatures"]["first_bad"]["problem"]["kind"], "invalid",
        "{json}"
    );
}

#[test]
fn a_key_or_account_not_allowed_and_a_signature_of_another_namespace_fail() {
    let Some(()) = openssh() else { return };
    let dir = tempdir();
    let (db, agent, allowed, key) = three_days(&dir);
    // Another key for the same account; the right key for another account.
    let stranger = new_key(dir.path(), "stranger");
    let other_key = dir.path().join("other_key");
    std::fs::write(&other_key, format!("{} {}\n", me(), public_line(&stranger)))
        .unwrap_or_else(|e| panic!("{e}"));
    let other_account = dir.path().join("other_account");
    std::fs::write(
        &other_account,
        format!("somebody-else {}\n", public_line(&key)),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for file in [&other_key, &other_account] {
        let run = verify(&db, &agent, Some(file));
        assert_eq!(run.code, Some(1), "{}{}", run.stdout, run.stderr);
        assert!(
            run.stdout.contains(&format!("day close of {DAY2}"))
                && run.stdout.contains("do not list for the account"),
            "{}",
            run.stdout
        );
    }
    // A signature replaced, its entry left alone: found even without the keys.
    let message = message_of(&db, &agent, DAY3);
    let git = piped(
        Command::new("ssh-keygen")
            .args(["-Y", "sign", "-n", "git", "-f"])
            .arg(&key)
            .env("SSH_AUTH_SOCK", &agent.socket),
        &message.stdout,
    );
    assert!(git.status.success(), "{git:?}");
    let git = String::from_utf8_lossy(&git.stdout).trim().to_string();
    let conn = raw(&db);
    conn.execute_batch("DROP TRIGGER day_signatures_no_update;")
        .unwrap_or_else(|e| panic!("{e}"));
    conn.execute(
        "UPDATE day_signatures SET signature = ?1 WHERE date = ?2",
        [&git, DAY3],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let replaced = verify(&db, &agent, None);
    assert_eq!(replaced.code, Some(1), "{}", replaced.stdout);
    assert!(
        replaced.stdout.contains(&format!("day close of {DAY3}"))
            && replaced.stdout.contains("day_signed audit entry"),
        "{}",
        replaced.stdout
    );
    // The entry made to record it too, and the chain re-hashed: the namespace gives it away.
    let sha: String = Sha256::digest(git.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    conn.execute_batch(&format!(
        "DROP TRIGGER audit_log_no_update;
         UPDATE audit_log SET details_json = json_set(details_json, '$.signature_sha256', '{sha}')
          WHERE action = 'day_signed' AND subject = '{DAY3}';
         CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
         BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
         CREATE TRIGGER day_signatures_no_update BEFORE UPDATE ON day_signatures
         BEGIN SELECT RAISE(ABORT, 'day_signatures is append-only'); END;"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    rehash(&db);
    let git_namespace = verify(&db, &agent, Some(&allowed));
    assert_eq!(git_namespace.code, Some(1), "{}", git_namespace.stdout);
    assert!(
        git_namespace
            .stdout
            .contains(&format!("day close of {DAY3}"))
            && git_namespace.stdout.contains("namespace \"git\""),
        "{}",
        git_namespace.stdout
    );
}

#[test]
fn an_office_that_requires_signed_closes_refuses_and_reports_unsigned_ones() {
    let Some(()) = openssh() else { return };
    let dir = tempdir();
    let db = register_in(&dir);
    let agent = Agent::start(dir.path());
    let key = new_key(dir.path(), "head");
    agent.hold(&dir.path().join("head"));
    let allowed = dir.path().join("allowed_signers");
    std::fs::write(&allowed, format!("{} {}\n", me(), public_line(&key)))
        .unwrap_or_else(|e| panic!("{e}"));
    // The settings file the tests' kense reads (see `common::process`).
    let settings = db.with_extension("no-settings.toml");
    let required = format!(
        "[signing]\nrequired = true\nsince = \"{DAY2}\"\nallowed_signers = \"{}\"\n",
        allowed.display()
    );
    // Before the office began signing.
    register_one(&db, &agent, DAY1);
    assert_eq!(close(&db, &agent, DAY1, None).code, Some(0));
    register_one(&db, &agent, DAY2);
    std::fs::write(&settings, &required).unwrap_or_else(|e| panic!("{e}"));
    let refused = close(&db, &agent, DAY2, None);
    assert_eq!(refused.code, Some(4), "{}", refused.stderr);
    assert!(
        refused.stderr.contains("requires signed closes")
            && refused
                .stderr
                .contains("kense day close --date 2026-12-09 --sign"),
        "{}",
        refused.stderr
    );
    // Closed unsigned while the office did not require it yet, then required.
    std::fs::write(&settings, "").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(close(&db, &agent, DAY2, None).code, Some(0));
    std::fs::write(&settings, &required).unwrap_or_else(|e| panic!("{e}"));
    let reported = verify(&db, &agent, None);
    assert_eq!(reported.code, Some(1), "{}", reported.stdout);
    assert!(
        reported.stdout.contains(&format!("day close of {DAY2}"))
            && reported
                .stdout
                .contains("not signed, and the office requires"),
        "{}",
        reported.stdout
    );
    // Signed later by the head: the office's allowed signers (settings) check it.
    let key_arg = key.display().to_string();
    let sign_day2 = ["day", "sign", "--date", DAY2, "--key", &key_arg];
    let signed = kense_on(&db, &agent, DAY3, &sign_day2, None);
    assert_eq!(signed.code, Some(0), "{}", signed.stderr);
    let again = kense_on(&db, &agent, DAY3, &sign_day2, None);
    assert_eq!(again.code, Some(4), "{}", again.stderr);
    assert!(again.stderr.contains("already signed"), "{}", again.stderr);
    let ok = verify(&db, &agent, None);
    assert_eq!(ok.code, Some(0), "{}{}", ok.stdout, ok.stderr);
    assert!(
        ok.stdout
            .contains("1 of 2, every signature valid and allowed by"),
        "{}",
        ok.stdout
    );
    // An agent without the key (and no private key file): nothing is closed.
    register_one(&db, &agent, DAY3);
    let emptied = Command::new("ssh-add")
        .arg("-D")
        .env("SSH_AUTH_SOCK", &agent.socket)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(emptied.status.success(), "{emptied:?}");
    let unsigned = close(&db, &agent, DAY3, Some(&key));
    assert_eq!(unsigned.code, Some(2), "{}", unsigned.stderr);
    assert!(
        unsigned
            .stderr
            .contains("--sign: your SSH agent does not hold the key SHA256:"),
        "{}",
        unsigned.stderr
    );
    assert_eq!(
        common::count(&db, "day_closes"),
        2,
        "the day was not closed"
    );
}
