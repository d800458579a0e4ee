//! `kense dsn …`: the taxpayer register, applications for DSN codes, decoding, the list
//! (document 001).

mod after;
mod print;
mod taxpayer;

use super::output::write_json;
use super::register::{RegisterOptions, bad_input, fail, open, open_read};
use crate::domain::Lang;
use crate::domain::dsn::{self, Application, TaxpayerId};
use crate::store::dsn::{DsnError, ListFilter};
use chrono::{NaiveDate, NaiveDateTime, Timelike};
use clap::{Args, Subcommand};
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit status when a row was refused, or a code does not decode.
const REFUSED_OR_MALFORMED: u8 = 1;
/// Exit status when nothing matches: no application listed, no application of that number.
const NOTHING_FOUND: u8 = 1;
/// Exit status when the register refuses the change.
const REFUSED_CHANGE: u8 = 4;

/// What the exit status of `kense dsn` means.
const DSN_EXIT_STATUS: &str = "\
Exit status:
  0   done (apply: every row was assigned a code)
  1   apply: a row was refused (D-7), its ground printed; decode: not a DSN code;
      list: no application matches; hand-over: no application of that number
  2   bad arguments or input: an invalid application (each problem on stderr)
      or CSV file (nothing saved), a number that is not a valid BIN or IIN
      (also list --bin), a date the calendar does not cover
  3   the register cannot be used (nothing was changed)
  4   the register refused the change: the taxpayer is there already, no
      market-subject code is left, the result was handed over already (or is
      not where the move needs it, or still kept a month, D-6); 2 also for a
      hand-over on a Sunday or holiday (the front office is closed, D-6)
  74  the output cannot be written";

#[derive(Debug, Subcommand)]
pub enum DsnCommand {
    /// The taxpayer register that D-7 (1) checks applicants against.
    Taxpayer {
        #[command(subcommand)]
        command: TaxpayerCommand,
    },
    /// Register one application (D-4) and decide each product row: print the registration
    /// day and due date (D-6), and per row the assigned code or the refusal and its ground.
    ///
    /// The application is JSON: {"taxpayer", "bin" (a BIN, or an individual
    /// entrepreneur's IIN), "subject_type" (producer|importer), "country" (1–6), "unit"
    /// (001–258), "products": [{"type" (1–4), "name", "spec"}]}.
    #[command(after_help = DSN_EXIT_STATUS)]
    Apply {
        /// The JSON file, or - for standard input.
        file: PathBuf,
        /// When the front office took the application, local time [default: now].
        #[arg(long, value_name = "YYYY-MM-DDTHH:MM", value_parser = parse_received_at)]
        received_at: Option<NaiveDateTime>,
        #[command(flatten)]
        common: Common,
    },
    /// Take a DSN code apart into its five facets with their names, or say precisely why
    /// it is not one (exit 1).
    #[command(after_help = DSN_EXIT_STATUS)]
    Decode {
        /// The code, plain (305300011001) or with its facets separated (3-053-0001-1-001).
        code: String,
        #[command(flatten)]
        common: Common,
    },
    /// List applications with their rows, codes and refusals, oldest first; none is exit 1.
    #[command(after_help = DSN_EXIT_STATUS)]
    List {
        /// Only the applications of this BIN or IIN (checked: a number that is not one is
        /// exit 2).
        #[arg(long, value_name = "BIN")]
        bin: Option<String>,
        /// Only those overdue: due date passed, result not handed over (D-6).
        #[arg(long)]
        overdue: bool,
        /// The day overdue is counted on [default: today].
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        /// Print a JSON array of applications.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV, one line per product row, with a header.
        #[arg(long)]
        csv: bool,
    },
    /// After the front office: pass-back (D-6, a result kept a month goes to the
    /// provider), request (D-6, asked for later: due back in 1 working day), complain
    /// (D-12, 5 or 15 working days).
    #[command(after_help = DSN_EXIT_STATUS)]
    Result {
        #[command(subcommand)]
        command: after::AfterCommand,
        /// The application's number.
        #[arg(long, global = true, value_name = "ID")]
        id: Option<i64>,
        /// The day [default: today].
        #[arg(long, global = true, value_name = "YYYY-MM-DD")]
        on: Option<NaiveDate>,
        /// Print a JSON object.
        #[arg(long, global = true)]
        json: bool,
    },
    /// Record that an application's result was handed over to the front office (D-6),
    /// which keeps it one month; it is no longer overdue. No such application is exit 1.
    #[command(after_help = DSN_EXIT_STATUS)]
    HandOver {
        /// The application's number, as `apply` and `list` print it.
        id: i64,
        /// The day it was handed over [default: today].
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<NaiveDate>,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Debug, Subcommand)]
pub enum TaxpayerCommand {
    /// Add one taxpayer (a BIN, or an individual entrepreneur's IIN) with its name.
    #[command(after_help = DSN_EXIT_STATUS)]
    Add {
        bin: String,
        name: String,
        /// D-7 (1): the activity registered under Tax Code art. 88; an application for
        /// another is refused [default: not recorded, checked for registration only].
        #[arg(long, value_enum)]
        activity: Option<crate::store::dsn::Activity>,
        /// D-7 (1): where the activity is registered.
        #[arg(long, value_name = "PLACE")]
        place: Option<String>,
        #[command(flatten)]
        common: Common,
    },
    /// Add the taxpayers of a CSV file with the columns bin,name (a header row first);
    /// one bad row refuses the whole file, numbers already present are left as they are.
    #[command(after_help = DSN_EXIT_STATUS)]
    Import {
        file: PathBuf,
        #[command(flatten)]
        common: Common,
    },
}

/// `--json` and `--lang`, which every `dsn` command but `list` takes.
#[derive(Debug, Clone, Copy, Args)]
pub struct Common {
    /// Print a JSON object.
    #[arg(long)]
    json: bool,
    /// The language of explanations.
    #[arg(long, value_name = "LANG", value_parser = super::lang_parser(), default_value = "en")]
    lang: Lang,
}

fn parse_received_at(text: &str) -> Result<NaiveDateTime, String> {
    NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M")
        .map_err(|e| format!("not a local date and time YYYY-MM-DDTHH:MM: {e}"))
}

/// One line on stderr and the documented exit status.
fn dsn_fail(err: &mut impl Write, error: &DsnError) -> ExitCode {
    match error {
        DsnError::Store(e) => fail(err, e),
        DsnError::NoApplication { .. } => {
            let _ = writeln!(err, "kense: {error}");
            ExitCode::from(NOTHING_FOUND)
        }
        DsnError::HandOverBeforeRegistration { .. }
        | DsnError::FrontOfficeClosed { .. }
        | DsnError::Calendar(_) => bad_input(err, &error.to_string()),
        _ => {
            let _ = writeln!(err, "kense: {error}");
            ExitCode::from(REFUSED_CHANGE)
        }
    }
}

/// Runs one `kense dsn` command.
pub fn run(
    options: &RegisterOptions,
    command: DsnCommand,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let code = match command {
        DsnCommand::Taxpayer {
            command:
                TaxpayerCommand::Add {
                    bin,
                    name,
                    activity,
                    place,
                    common,
                },
        } => taxpayer::add(
            options,
            (&bin, &name),
            (activity, place.as_deref()),
            common,
            out,
            err,
        )?,
        DsnCommand::Taxpayer {
            command: TaxpayerCommand::Import { file, common },
        } => taxpayer::import(options, &file, common, out, err)?,
        DsnCommand::Apply {
            file,
            received_at,
            common,
        } => apply(options, &file, received_at, common, out, err)?,
        // The register's names are a help, not the decode: without a register (or with
        // one that cannot be read) the facets are still taken apart.
        DsnCommand::Decode { code, common } => print::decode(
            &code,
            common,
            |c| open_read(options).ok()?.dsn_code_names(c).ok(),
            out,
        )?,
        DsnCommand::List {
            bin,
            overdue,
            today: on,
            json,
            csv,
        } => list(options, bin.as_deref(), overdue, on, (json, csv), out, err)?,
        DsnCommand::Result {
            command,
            id,
            on,
            json,
        } => match id {
            None => bad_input(err, "--id: which application (D-6, D-12)"),
            Some(id) => {
                let common = Common {
                    json,
                    lang: Lang::En,
                };
                after::run(options, (id, on), command, common, out, err)?
            }
        },
        DsnCommand::HandOver { id, on, common } => {
            let on = on.unwrap_or_else(|| options.clock.today());
            if on > options.clock.today() {
                return Ok(bad_input(err, &format!("the day {on} has not come yet")));
            }
            match open(options, false)
                .map_err(DsnError::from)
                .and_then(|mut s| s.dsn_hand_over(id, on))
            {
                Err(e) => dsn_fail(err, &e),
                Ok(done) => {
                    if common.json {
                        write_json(out, &done)?;
                    } else {
                        let kept = done.kept_until.map(|d| d.to_string()).unwrap_or_default();
                        writeln!(
                            out,
                            "application {id} handed over on {on}; the front office keeps it until {kept}"
                        )?;
                    }
                    ExitCode::SUCCESS
                }
            }
        }
    };
    out.flush()?;
    Ok(code)
}

/// `kense dsn list`: the applications that match, or exit 1 when none does (after the
/// empty list, so that `--json` and `--csv` still print one); a `--bin` that is not a valid
/// BIN or IIN is exit 2.
fn list(
    options: &RegisterOptions,
    bin: Option<&str>,
    overdue_only: bool,
    on: Option<NaiveDate>,
    (json, csv): (bool, bool),
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let tin = match bin.map(TaxpayerId::parse).transpose() {
        Ok(tin) => tin,
        Err(e) => {
            let why = e.text().get(Lang::En).to_string();
            return Ok(bad_input(
                err,
                &format!("--bin: not a valid BIN or IIN: {why}"),
            ));
        }
    };
    let filter = ListFilter {
        tin: tin.map(|t| t.as_str().to_string()),
        overdue_only,
    };
    let day = on.unwrap_or_else(|| options.clock.today());
    let apps = match open_read(options)
        .map_err(DsnError::from)
        .and_then(|store| store.dsn_list(&filter, day))
    {
        Ok(apps) => apps,
        Err(e) => return Ok(dsn_fail(err, &e)),
    };
    print::list(&apps, json, csv, out)?;
    out.flush()?;
    if apps.is_empty() {
        let _ = writeln!(err, "kense: no DSN application matches");
        return Ok(ExitCode::from(NOTHING_FOUND));
    }
    Ok(ExitCode::SUCCESS)
}

fn read_application(file: &PathBuf) -> Result<Application, String> {
    let text = if file.as_os_str() == "-" {
        let mut text = String::new();
        io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("standard input: {e}"))?;
        text
    } else {
        // Issue 15: with the clerk's own rights, never the office's group's.
        crate::office::group::with_own_rights(|| std::fs::read_to_string(file))
            .and_then(|read| read)
            .map_err(|e| format!("{}: {e}", file.display()))?
    };
    let mut json = serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(&mut json).map_err(|e| {
        let path = e.path().to_string();
        // Not the value itself: it may be a taxpayer's IIN or name.
        let message = super::output::redact_json_error(&e.inner().to_string());
        format!("the application is not valid JSON at {path}: {message}")
    })
}

fn apply(
    options: &RegisterOptions,
    file: &PathBuf,
    received_at: Option<NaiveDateTime>,
    common: Common,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let application = match read_application(file) {
        Ok(a) => a,
        Err(m) => return Ok(bad_input(err, &format!("{m}; nothing was saved"))),
    };
    let report = dsn::validate(&application);
    let Some(valid) = &report.valid else {
        print::invalid(&report, common, out, err)?;
        return Ok(bad_input(
            err,
            "the application is invalid: nothing was saved",
        ));
    };
    // The front office cannot have taken it later than now (D-6 counts from it).
    if let Some(at) = received_at
        && at > options.clock.office_time()
    {
        return Ok(bad_input(
            err,
            &format!("--received-at {at} is in the future; nothing was saved"),
        ));
    }
    let received_at = received_at.unwrap_or_else(|| {
        // To the minute, as --received-at takes it and the register keeps it.
        let now = options.clock.office_time();
        now.with_second(0)
            .and_then(|t| t.with_nanosecond(0))
            .unwrap_or(now)
    });
    let terms = match dsn::terms(received_at) {
        Ok(t) => t,
        Err(e) => return Ok(bad_input(err, &format!("{e}; nothing was saved"))),
    };
    let applied = match open(options, true)
        .map_err(DsnError::from)
        .and_then(|mut s| s.dsn_apply(valid, &terms))
    {
        Ok(applied) => applied,
        Err(e) => return Ok(dsn_fail(err, &e)),
    };
    print::applied(&applied, &report, common, out)?;
    Ok(if applied.any_refused() {
        ExitCode::from(REFUSED_OR_MALFORMED)
    } else {
        ExitCode::SUCCESS
    })
}
