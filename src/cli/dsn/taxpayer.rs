//! `kense dsn taxpayer add|import`: the taxpayer register D-7 (1) is checked against.

use super::{Common, Lang, bad_input, dsn_fail};
use crate::cli::output::write_json;
use crate::cli::register::{RegisterOptions, open};
use crate::domain::dsn::TaxpayerId;
use crate::domain::text::{self, limit};
use crate::store::dsn::{Activity, DsnError, Taxpayer};
use serde_json::json;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// The taxpayer's number and name checked: a valid BIN or IIN, a name that is not blank.
fn taxpayer(
    bin: &str,
    name: &str,
    (activity, place): (Option<Activity>, Option<&str>),
    lang: Lang,
) -> Result<Taxpayer, String> {
    let tin = TaxpayerId::parse(bin)
        .map_err(|e| format!("not a valid BIN or IIN: {}", e.text().get(lang)))?;
    let name = name.trim();
    if name.is_empty() {
        return Err("name: the taxpayer's name is empty [D-4]".into());
    }
    // Issue 15: printable, and within its limit; the name itself is not repeated.
    text::check(name, limit::TAXPAYER).map_err(|problem| format!("name: {problem}"))?;
    // D-7 (1): the place, printable and within its limit (issue 15).
    let place = place.map(str::trim).filter(|p| !p.is_empty());
    if let Some(place) = place {
        text::check(place, limit::PLACE).map_err(|problem| format!("place: {problem}"))?;
    }
    Ok(Taxpayer {
        tin,
        name: name.to_string(),
        activity,
        place: place.map(str::to_string),
    })
}

pub(super) fn add(
    options: &RegisterOptions,
    (bin, name): (&str, &str),
    registered: (Option<Activity>, Option<&str>),
    common: Common,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let taxpayer = match taxpayer(bin, name, registered, common.lang) {
        Ok(t) => t,
        Err(message) => return Ok(bad_input(err, &message)),
    };
    if let Err(e) = open(options, true)
        .map_err(DsnError::from)
        .and_then(|mut s| s.dsn_add_taxpayer(&taxpayer))
    {
        return Ok(dsn_fail(err, &e));
    }
    let kind = taxpayer.tin.kind();
    if common.json {
        write_json(
            out,
            &json!({
                "bin": taxpayer.tin,
                "id_kind": kind,
                "name": taxpayer.name,
                "activity": taxpayer.activity,
                "place": taxpayer.place,
            }),
        )?;
    } else {
        let name = kind.name();
        let kind = name.get(common.lang);
        writeln!(out, "taxpayer added: {kind} {}", taxpayer.tin)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn import(
    options: &RegisterOptions,
    file: &PathBuf,
    common: Common,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    // Issue 15: opened with the clerk's own rights, never the office's group's.
    let opened = crate::office::group::with_own_rights(|| std::fs::File::open(file))
        .and_then(|opened| opened);
    let mut reader = match opened {
        Ok(f) => csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(f),
        Err(e) => return Ok(bad_input(err, &format!("{}: {e}", file.display()))),
    };
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Ok(bad_input(err, &format!("{}: {e}", file.display()))),
    };
    let (Some(bin_at), Some(name_at)) = (
        headers.iter().position(|h| h.eq_ignore_ascii_case("bin")),
        headers.iter().position(|h| h.eq_ignore_ascii_case("name")),
    ) else {
        return Ok(bad_input(
            err,
            &format!(
                "{}: the header must name the columns bin,name",
                file.display()
            ),
        ));
    };
    // D-7 (1): optional columns activity (producer, importer, both) and place.
    let activity_at = headers
        .iter()
        .position(|h| h.eq_ignore_ascii_case("activity"));
    let place_at = headers.iter().position(|h| h.eq_ignore_ascii_case("place"));
    let mut taxpayers: Vec<Taxpayer> = Vec::new();
    for (i, record) in reader.records().enumerate() {
        // Line 1 is the header.
        let line = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => return Ok(bad_input(err, &format!("{}: {e}", file.display()))),
        };
        let field = |at| record.get(at).unwrap_or_default();
        let activity = match activity_at.map(field).filter(|a| !a.is_empty()) {
            None => None,
            Some(a) => match <Activity as clap::ValueEnum>::from_str(a, true) {
                Ok(a) => Some(a),
                Err(_) => {
                    let m = format!(
                        "{} line {line}: activity must be producer, importer or both [D-7 (1)]",
                        file.display()
                    );
                    return Ok(bad_input(err, &m));
                }
            },
        };
        let registered = (activity, place_at.map(field));
        let t = match taxpayer(field(bin_at), field(name_at), registered, common.lang) {
            Ok(t) => t,
            Err(m) => {
                return Ok(bad_input(
                    err,
                    &format!("{} line {line}: {m}", file.display()),
                ));
            }
        };
        if taxpayers.iter().any(|seen| seen.tin == t.tin) {
            let m = format!("{} line {line}: the number is repeated", file.display());
            return Ok(bad_input(err, &m));
        }
        taxpayers.push(t);
    }
    let summary = match open(options, true)
        .map_err(DsnError::from)
        .and_then(|mut s| s.dsn_import_taxpayers(&taxpayers))
    {
        Ok(summary) => summary,
        Err(e) => return Ok(dsn_fail(err, &e)),
    };
    if common.json {
        write_json(out, &summary)?;
    } else {
        writeln!(
            out,
            "taxpayers added: {}; already in the register: {}",
            summary.added, summary.already_present
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
