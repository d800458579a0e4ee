//! `kense backup FILE` and `kense audit head` (issue 15): see `crate::store::backup`.

use super::output::write_json;
use super::register::{RegisterOptions, fail, open_read};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit status when the copy's audit chain is broken (as `audit verify`).
const CHAIN_BROKEN: u8 = 1;

/// `kense backup FILE`: the copy, its check, and the head it ends with.
pub fn backup(
    options: &RegisterOptions,
    file: PathBuf,
    json: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    // Read-only: a backup takes no write lock and changes nothing in the register.
    let made = match open_read(options).and_then(|s| s.backup_to(&file)) {
        Ok(made) => made,
        Err(e) => return Ok(fail(err, &e)),
    };
    let report = &made.audit;
    if json {
        write_json(
            out,
            &serde_json::json!({
                "path": made.path,
                "intact": report.is_intact(),
                "entries": report.entries,
                "head": report.head,
                "first_bad": report.first_bad,
            }),
        )?;
    } else if let Some(bad) = &report.first_bad {
        writeln!(
            out,
            "backup {}: audit log broken at entry {}: {}",
            made.path.display(),
            bad.id,
            bad.problem
        )?;
    } else {
        writeln!(
            out,
            "backup {}: checked, audit log intact: {} entries, head {}",
            made.path.display(),
            report.entries,
            report.head
        )?;
    }
    out.flush()?;
    Ok(if report.is_intact() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(CHAIN_BROKEN)
    })
}

/// `kense audit head`.
pub fn head(
    options: &RegisterOptions,
    json: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let head = match open_read(options).and_then(|s| s.audit_head()) {
        Ok(head) => head,
        Err(e) => return Ok(fail(err, &e)),
    };
    if json {
        write_json(out, &head)?;
    } else {
        writeln!(out, "audit head {}, {} entries", head.head, head.entries)?;
    }
    Ok(ExitCode::SUCCESS)
}
