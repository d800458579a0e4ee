//! What tests/day_signing.rs needs around OpenSSH: a throw-away agent and keys, the binary
//! at a fixed office time talking to that agent, and the intruder's re-hash of the chain.

use crate::common::{self, Run, me, process, raw, register_in};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

pub const DAY1: &str = "2026-12-08";
pub const DAY2: &str = "2026-12-09";
pub const DAY3: &str = "2026-12-10";

/// OpenSSH's client tools, or `None` after saying why the test does not run.
pub fn openssh() -> Option<()> {
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
pub struct Agent {
    child: Child,
    pub socket: PathBuf,
}

impl Agent {
    pub fn start(dir: &Path) -> Agent {
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
    pub fn hold(&self, path: &Path) {
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
pub fn new_key(dir: &Path, name: &str) -> PathBuf {
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
pub fn piped(command: &mut Command, input: &str) -> std::process::Output {
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

pub fn public_line(pub_file: &Path) -> String {
    std::fs::read_to_string(pub_file)
        .unwrap_or_else(|e| panic!("{e}"))
        .trim()
        .to_string()
}

/// `kense args…` on `db` at noon of `day` (office clock), talking to `agent`.
pub fn kense_on(db: &Path, agent: &Agent, day: &str, args: &[&str], stdin: Option<&str>) -> Run {
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
pub fn register_one(db: &Path, agent: &Agent, day: &str) {
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
pub fn message_of(db: &Path, agent: &Agent, day: &str) -> Run {
    kense_on(
        db,
        agent,
        DAY3,
        &["day", "sign", "--date", day, "--message"],
        None,
    )
}

pub fn close(db: &Path, agent: &Agent, day: &str, sign: Option<&Path>) -> Run {
    let mut args = vec!["day", "close", "--date", day];
    let key = sign.map(|k| k.to_string_lossy().into_owned());
    if let Some(key) = &key {
        args.extend(["--sign", key]);
    }
    kense_on(db, agent, day, &args, None)
}

pub fn verify(db: &Path, agent: &Agent, allowed: Option<&Path>) -> Run {
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
pub fn rehash(db: &Path) {
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
pub fn three_days(dir: &tempfile::TempDir) -> (PathBuf, Agent, PathBuf, PathBuf) {
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
