//! `kense audit verify`: the file's own check, the chain and the rows it seals, and the
//! signed day closes (issue 15).

use super::output::write_json;
use super::register::{AuditCommand, RegisterOptions, fail, open_read};
use serde_json::json;
use std::io::{self, Write};
use std::process::ExitCode;

/// Exit status when the audit chain is broken.
const CHAIN_BROKEN: u8 = 1;

/// `kense audit verify`.
pub fn audit(
    options: &RegisterOptions,
    command: AuditCommand,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let (json, allowed_signers) = match command {
        AuditCommand::Verify {
            json,
            allowed_signers,
        } => (json, allowed_signers),
        AuditCommand::Head { json } => return super::backup::head(options, json, out, err),
    };
    // Issue 15: the allowed signers and the office's requirement, read before the walk.
    let (signers, required_since) = match super::sign::verify_inputs(allowed_signers, err) {
        Ok(inputs) => inputs,
        Err(code) => return Ok(code),
    };
    // The whole file's quick_check too (too slow for every open, see `Store::open`): a
    // damaged file is exit 3 like on opening.
    let (report, signed) = match open_read(options).and_then(|mut s| {
        let report = s.verify_register()?;
        let signed = s.verify_signatures(signers.as_ref().map(|(_, s)| s), required_since)?;
        Ok((report, signed))
    }) {
        Ok(reports) => reports,
        Err(e) => return Ok(fail(err, &e)),
    };
    if json {
        write_json(
            out,
            &json!({
                "intact": report.is_intact(),
                "entries": report.entries,
                "head": report.head,
                "first_bad": report.first_bad,
                "signatures": signed,
            }),
        )?;
    } else {
        match &report.first_bad {
            None => writeln!(
                out,
                "audit log intact: {} entries, head {}",
                report.entries, report.head
            )?,
            // A row with no entry of its own (issue 15): the place is in the problem.
            Some(bad) if bad.id == 0 => {
                writeln!(out, "register and audit log disagree: {}", bad.problem)?
            }
            Some(bad) => writeln!(out, "audit log broken at entry {}: {}", bad.id, bad.problem)?,
        }
        super::sign::write_report(out, &signed, signers.as_ref().map(|(p, _)| p.as_path()))?;
    }
    Ok(if report.is_intact() && signed.is_intact() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(CHAIN_BROKEN)
    })
}
