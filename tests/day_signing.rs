//! Issue 15, "anchor the chain outside the file": a head signs day closes with an SSH key
//! held by a real `ssh-agent` (through `ssh-keygen -Y sign`, the private key file gone, so
//! only the agent can sign), and `audit verify --allowed-signers` checks them. An intruder
//! who changes an entry and re-hashes the whole chain with the README's algorithm passes
//! the chain's own check and fails at the first signed close after the change.
//!
//! Needs OpenSSH's client (`ssh-keygen`, `ssh-agent`, `ssh-add`; Debian: openssh-client);
//! without it each test says so and passes.

mod common;
mod signing_support;

use common::{me, raw, register_in, tempdir};
use sha2::{Digest, Sha256};
use signing_support::{
    Agent, DAY1, DAY2, DAY3, close, kense_on, message_of, new_key, openssh, piped, public_line,
    register_one, rehash, three_days, verify,
};
use std::process::Command;

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
    // Re-hashed, the chain checks out on its own; the close row's digest, which the
    // intruder's re-hash left in its seal, does not (issue 15). One who re-seals the rows
    // too is caught by the signature alone, below.
    assert_eq!(unanchored.code, Some(1), "{}", unanchored.stdout);
    assert!(
        unanchored.stdout.contains("of day_closes does not match"),
        "{}",
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
