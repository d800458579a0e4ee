//! `kense doctor` (issue 15): checks an installation and says what to fix, one line per
//! finding naming the path and the fix (`docs/DEPLOY.md` is the page it follows).
//!
//! Two installations are known: the office's (the `kense` binary setgid to the office's
//! group, the register of that group 0660 in its directory 2770) and a single-user one (no
//! setgid, the register the clerk's own, 0600). The doctor says which it found and checks
//! that one. It reads metadata and opens the register only to read it: it changes nothing.

mod files;

use super::register::{RegisterOptions, resolve_db};
use crate::domain::calendar::covered_years;
use crate::office::{Settings, config_path, group};
use chrono::Datelike;
use clap::Args;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct DoctorArgs {}

/// One finding: fine, or to be fixed (with how).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub path: PathBuf,
    /// What was found.
    pub what: String,
    /// How to fix it; `None` when nothing must be.
    pub fix: Option<String>,
}

impl Finding {
    fn ok(path: impl Into<PathBuf>, what: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            what: what.into(),
            fix: None,
        }
    }

    fn fix(path: impl Into<PathBuf>, what: impl Into<String>, fix: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            what: what.into(),
            fix: Some(fix.into()),
        }
    }
}

/// `kense doctor`: every finding on a line, exit 1 when one must be fixed.
pub fn doctor(
    options: &RegisterOptions,
    _args: DoctorArgs,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let findings = examine(options);
    for finding in &findings {
        // One line each, whatever a message holds (a TOML error quotes its line).
        let what = one_line(&finding.what);
        match &finding.fix {
            None => writeln!(out, "ok   {}: {what}", finding.path.display())?,
            Some(fix) => writeln!(out, "FIX  {}: {what}; fix: {fix}", finding.path.display())?,
        }
    }
    let to_fix = findings.iter().filter(|f| f.fix.is_some()).count();
    if to_fix == 0 {
        writeln!(out, "nothing to fix")?;
    } else {
        writeln!(out, "{to_fix} to fix (docs/DEPLOY.md)")?;
    }
    out.flush()?;
    Ok(if to_fix == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::NOTHING_FOUND)
    })
}

/// A message's lines joined into one.
fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Everything the doctor checks, in the order an administrator would fix it.
fn examine(options: &RegisterOptions) -> Vec<Finding> {
    let mut findings = Vec::new();
    let config = config_path();
    let settings = match Settings::load() {
        Ok(settings) => {
            findings.push(Finding::ok(&config, config_state(&config)));
            settings
        }
        Err(e) => {
            findings.push(Finding::fix(
                &config,
                e.to_string(),
                "correct the file (docs/DEPLOY.md shows one): kense refuses to work until it is valid",
            ));
            Settings::default()
        }
    };
    let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("kense"));
    let office =
        files::binary_is_setgid(&exe) || group::is_office_install(&settings.register.group);
    if office {
        findings.extend(files::office_install(&exe, &config, &settings));
        let register = options
            .db
            .clone()
            .unwrap_or_else(|| settings.register.path.clone());
        findings.extend(files::office_register(&register, &settings.register.group));
        let office = RegisterOptions {
            db: Some(register.clone()),
            shared: true,
            ..options.clone()
        };
        findings.extend(files::opens(&office, &register));
    } else {
        findings.push(Finding::ok(
            &exe,
            "not installed setgid: a single-user install, the register is this account's own (docs/DEPLOY.md sets up an office)",
        ));
        let register = resolve_db(
            options.db.clone(),
            std::env::var_os("KENSE_DB"),
            super::register::data_dir(),
        );
        match register {
            Some(register) => {
                findings.extend(files::own_register(&register));
                findings.extend(files::opens(options, &register));
            }
            None => findings.push(Finding::ok(
                "register.sqlite",
                "in the data directory (~/.local/share/kense), made 0600 by the first write",
            )),
        }
    }
    findings.extend(office_time(&config, &settings, options));
    if let Some(queue) = &settings.print.queue {
        findings.push(files::print_queue(&config, queue));
    }
    findings
}

/// What the settings file is: read, or absent (the defaults hold).
fn config_state(config: &Path) -> String {
    if config.exists() {
        "the office's settings are valid".into()
    } else {
        "no settings file: the defaults hold (Asia/Almaty, the register /var/lib/kense/register.sqlite, the group kense)".into()
    }
}

/// The calendar's years (today's and next year's must be there: due dates are counted in
/// working days, K-CAL) and the office's time zone (Kazakhstan's one zone, UTC+5, since
/// 1 March 2024).
fn office_time(config: &Path, settings: &Settings, options: &RegisterOptions) -> Vec<Finding> {
    let today = options.clock.today();
    let years = covered_years();
    let mut findings = Vec::new();
    let calendar = PathBuf::from("calendar");
    let needed = [today.year(), today.year() + 1];
    match needed.iter().find(|y| !years.contains(y)) {
        None => findings.push(Finding::ok(
            &calendar,
            format!(
                "the working-day calendar covers {}-{}, today {today} and next year included",
                years.start(),
                years.end()
            ),
        )),
        Some(year) => findings.push(Finding::fix(
            &calendar,
            format!(
                "the working-day calendar covers {}-{}, not {year}: due dates past its end cannot be counted",
                years.start(),
                years.end()
            ),
            format!("install a kense whose calendar has {year} (data/calendar)"),
        )),
    }
    let zone = settings.office.time_zone;
    let offset = options.clock.now().format("%:z").to_string();
    let what = format!("the office's time zone {zone}, now UTC{offset}, office date {today}");
    findings.push(if offset == "+05:00" {
        Finding::ok(config, what)
    } else {
        Finding::fix(
            config,
            what,
            "Kazakhstan keeps one zone, UTC+5, since 1 March 2024: set time_zone = \"Asia/Almaty\" in [office]",
        )
    });
    findings
}
