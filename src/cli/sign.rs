//! Signed day closes on the command line (issue 15): `kense day close --sign KEY.pub`,
//! `kense day sign`, and the signatures' part of `kense audit verify`.
//!
//! Signing goes through OpenSSH's own `ssh-keygen -Y sign -n kense-day -f KEY.pub`: given a
//! public key it asks the agent (the one the head forwards over SSH), with its confirm
//! prompts. A maintained, audited tool the head already has, rather than an agent protocol
//! in kense; the signature it makes is checked in-process (`domain::day_signature`) before
//! it is stored. The key must be in the agent (`ssh-add -L`, asked before the register is
//! opened): the signing runs inside the close's write transaction, and ssh-keygen's
//! fallback, the private key file and its passphrase typed on the terminal, would hold
//! every other clerk's writes while the head types.

use super::output::write_json;
use super::register::{RegisterOptions, bad_input, fail, open, open_read, today};
use crate::domain::allowed_signers::AllowedSigners;
use crate::domain::day_signature::NAMESPACE;
use crate::office::Settings;
use crate::store::{CloseSigner, DayClose, DaySignature, SignatureReport, StoreError};
use chrono::NaiveDate;
use serde_json::json;
use ssh_key::PublicKey;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

/// Exit status when the office's settings are not valid.
const SETTINGS_FAILED: u8 = 2;

/// Signs with `ssh-keygen -Y sign` (see the module docs).
pub struct SshKeygen {
    path: PathBuf,
    key: PublicKey,
}

impl SshKeygen {
    /// The signer of the public key in `path` (`~/.ssh/id_ed25519.pub`).
    pub fn new(path: &Path) -> Result<Self, String> {
        // The clerk's own rights (issue 15): a file the group may read is not the head's key.
        let text = own_rights(|| std::fs::read_to_string(path))
            .map_err(|e| format!("--sign: cannot read {}: {e}", path.display()))?;
        let key = PublicKey::from_openssh(text.trim()).map_err(|_| {
            format!(
                "--sign: {} is not an OpenSSH public key: give the .pub file (e.g. \
                 ~/.ssh/id_ed25519.pub); the agent or the private key beside it signs",
                path.display()
            )
        })?;
        agent_holds(&key)?;
        Ok(Self {
            path: path.to_path_buf(),
            key,
        })
    }
}

/// `f`, an I/O step on something the clerk names (a key file, the agent, a child), with the
/// clerk's own rights under the setgid installation (issue 15).
fn own_rights<T>(f: impl FnOnce() -> io::Result<T>) -> io::Result<T> {
    crate::office::group::with_own_rights(f).and_then(|done| done)
}

/// `Ok` when the agent (`SSH_AUTH_SOCK`) holds `key`; else what to do about it.
fn agent_holds(key: &PublicKey) -> Result<(), String> {
    let listed = own_rights(|| {
        Command::new("ssh-add")
            .arg("-L")
            .stdin(Stdio::null())
            .output()
    })
    .map_err(|e| {
        format!("--sign: cannot run ssh-add ({e}): install OpenSSH's client (openssh-client)")
    })?;
    let text = String::from_utf8_lossy(&listed.stdout);
    let held = text
        .lines()
        .filter_map(|line| PublicKey::from_openssh(line.trim()).ok())
        .any(|k| k.key_data() == key.key_data());
    match (held, listed.status.code()) {
        (true, _) => Ok(()),
        (false, Some(0 | 1)) => Err(format!(
            "--sign: your SSH agent does not hold the key {}: add it (`ssh-add`) on your own \
             machine and connect with `ssh -A`",
            key.fingerprint(ssh_key::HashAlg::Sha256)
        )),
        _ => Err(
            "--sign: no SSH agent to sign with (SSH_AUTH_SOCK): connect with `ssh -A` from the \
             machine that holds your key, or start one (`eval $(ssh-agent)`, `ssh-add`)"
                .into(),
        ),
    }
}

impl CloseSigner for SshKeygen {
    fn key(&self) -> &PublicKey {
        &self.key
    }

    fn sign(&mut self, message: &str) -> Result<String, String> {
        // Started with the clerk's own rights: ssh-keygen reads the key file beside the
        // public one when the agent cannot sign, and must not read one only the group may.
        let mut child = own_rights(|| {
            Command::new("ssh-keygen")
                .args(["-Y", "sign", "-n", NAMESPACE, "-f"])
                .arg(&self.path)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
        })
        .map_err(|e| {
            format!("cannot run ssh-keygen ({e}): install OpenSSH's client (openssh-client)")
        })?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin
                .write_all(message.as_bytes())
                .map_err(|e| format!("cannot give ssh-keygen the message: {e}"))?;
        }
        let output = child
            .wait_with_output()
            .map_err(|e| format!("ssh-keygen failed: {e}"))?;
        if !output.status.success() {
            let said = String::from_utf8_lossy(&output.stderr);
            let said = said.lines().rfind(|l| !l.trim().is_empty());
            return Err(format!(
                "ssh-keygen -Y sign failed ({}): {}; is the key in your agent (`ssh-add -l`; \
                 forwarded with `ssh -A`)?",
                output.status,
                said.unwrap_or("no message")
            ));
        }
        String::from_utf8(output.stdout).map_err(|_| "ssh-keygen printed no signature".into())
    }
}

/// The office's settings, or the exit status after saying why not.
fn settings(err: &mut impl Write) -> Result<Settings, ExitCode> {
    Settings::load().map_err(|e| {
        let _ = writeln!(err, "kense: {e}");
        ExitCode::from(SETTINGS_FAILED)
    })
}

fn print_signature(out: &mut impl Write, s: &DaySignature) -> io::Result<()> {
    writeln!(
        out,
        "close of {} signed by {} with {}",
        s.date, s.clerk, s.fingerprint
    )
}

/// `kense day close`, signed with `sign` when given; refused unsigned when the office
/// requires signed closes.
pub fn close(
    options: &RegisterOptions,
    date: Option<NaiveDate>,
    sign: Option<&Path>,
    json: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let date = date.unwrap_or_else(|| today(options));
    if date > today(options) {
        return Ok(bad_input(err, &format!("the day {date} has not come yet")));
    }
    let settings = match settings(err) {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let mut signer = match sign.map(SshKeygen::new).transpose() {
        Ok(signer) => signer,
        Err(message) => return Ok(bad_input(err, &message)),
    };
    if signer.is_none() && settings.signing.requires(date) {
        return Ok(fail(err, &StoreError::SignatureRequired { date }));
    }
    // A day of a register that does not exist has nothing to seal: no new file.
    let closed = open(options, false).and_then(|mut s| match &mut signer {
        Some(signer) => s.close_day_signed(date, signer).map(|(c, s)| (c, Some(s))),
        None => s.close_day(date).map(|c| (c, None)),
    });
    let (closed, signature): (DayClose, Option<DaySignature>) = match closed {
        Ok(closed) => closed,
        Err(e) => return Ok(fail(err, &e)),
    };
    if json {
        // The close's object as before; a signed close's has its signature too.
        let mut object = json!(closed);
        if let Some(s) = &signature {
            object["signature"] = json!(s);
        }
        write_json(out, &object)?;
    } else {
        writeln!(
            out,
            "day {} closed by {}; audit head {}",
            closed.date, closed.clerk, closed.audit_hash
        )?;
        if let Some(s) = &signature {
            print_signature(out, s)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `kense day sign`: signs a close made unsigned; `--message` prints what is signed.
pub fn sign(
    options: &RegisterOptions,
    date: Option<NaiveDate>,
    key: Option<&Path>,
    json: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let date = date.unwrap_or_else(|| today(options));
    let Some(key) = key else {
        // No key: the message, for `ssh-keygen -Y verify` by hand.
        return match open_read(options).and_then(|s| s.close_message(date)) {
            Ok(Some(message)) => {
                write!(out, "{message}")?;
                Ok(ExitCode::SUCCESS)
            }
            Ok(None) => Ok(fail(err, &StoreError::DayNotClosed { date })),
            Err(e) => Ok(fail(err, &e)),
        };
    };
    let mut signer = match SshKeygen::new(key) {
        Ok(signer) => signer,
        Err(message) => return Ok(bad_input(err, &message)),
    };
    let signed = match open(options, false).and_then(|mut s| s.sign_day(date, &mut signer)) {
        Ok(signed) => signed,
        Err(e) => return Ok(fail(err, &e)),
    };
    if json {
        write_json(out, &signed)?;
    } else {
        print_signature(out, &signed)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The allowed signers to check against: `--allowed-signers`, else the office's
/// `[signing] allowed_signers`; `Err` holds the message (a bad argument).
fn allowed_signers(flag: Option<&Path>, settings: &Settings) -> Result<Signers, String> {
    let Some(path) = flag.or(settings.signing.allowed_signers.as_deref()) else {
        return Ok(None);
    };
    let text = own_rights(|| std::fs::read_to_string(path))
        .map_err(|e| format!("--allowed-signers: cannot read {}: {e}", path.display()))?;
    let signers = AllowedSigners::parse(&text)
        .map_err(|e| format!("--allowed-signers: {}, {e}", path.display()))?;
    Ok(Some((path.to_path_buf(), signers)))
}

/// The allowed signers `audit verify` checks against, and the file they came from.
pub type Signers = Option<(PathBuf, AllowedSigners)>;

/// `audit verify`'s allowed signers and first day required signed, or the exit status
/// after saying why not (bad settings or file: exit 2).
pub fn verify_inputs(
    flag: Option<PathBuf>,
    err: &mut impl Write,
) -> Result<(Signers, Option<NaiveDate>), ExitCode> {
    let settings = settings(err)?;
    let required = settings.signing.required_since();
    match allowed_signers(flag.as_deref(), &settings) {
        // Signatures checked against nothing prove nothing: an office that requires them
        // must say whose keys count, or verify would pass a signature anyone made.
        Ok(None) if required.is_some() => Err(bad_input(
            err,
            "the office requires signed closes ([signing] required): give --allowed-signers              FILE or set [signing] allowed_signers, so the signatures are checked",
        )),
        Ok(signers) => Ok((signers, required)),
        Err(message) => Err(bad_input(err, &message)),
    }
}

/// What `audit verify` says of the signed closes (after the chain's line).
pub fn write_report(
    out: &mut impl Write,
    report: &SignatureReport,
    signers: Option<&Path>,
) -> io::Result<()> {
    match (&report.first_bad, signers) {
        (Some(bad), _) => writeln!(
            out,
            "day close of {} (audit entry {}) fails: {}",
            bad.date, bad.audit_id, bad.problem
        ),
        (None, Some(path)) => writeln!(
            out,
            "signed closes: {} of {}, every signature valid and allowed by {}",
            report.signed,
            report.closes,
            path.display()
        ),
        (None, None) => writeln!(
            out,
            "signed closes: {} of {}; signatures not checked (give --allowed-signers FILE)",
            report.signed, report.closes
        ),
    }
}
