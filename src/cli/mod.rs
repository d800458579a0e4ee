//! The command line: parses arguments with clap and prints what the library finds.
//!
//! Exit status: see [`EXIT_STATUS`], printed at the end of `kense --help`.

mod account;
mod args;
mod audit_verify;
mod backup;
mod births;
mod clock;
mod day;
mod demo;
mod doctor;
mod dsn;
mod formulary;
mod install;
mod journal;
mod number;
mod output;
mod person;
mod print;
mod register;
mod safe;
mod search;
// Issue 15: signed day closes; `SshKeygen` is what the workstation would sign with too.
pub mod sign;
mod staff;
mod stdin;

pub use account::os_account;
pub use args::{Cli, Command, EXIT_STATUS, Format};
pub use register::{RegisterOptions, acting_clerk, resolve_db};

use crate::codes::{self, Entry, Searcher};
use crate::tui;
use args::lang_parser;
use clap::Parser;
use output::{Record, write_json, write_rows};
use serde::Serialize;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

/// Exit status when a lookup finds nothing.
const NOTHING_FOUND: u8 = 1;
/// Exit status when the office's settings file cannot be read or is not valid: as a bad
/// argument, nothing was done.
const BAD_SETTINGS: u8 = 2;
/// Exit status when standard output cannot be written (sysexits' EX_IOERR).
const OUTPUT_FAILED: u8 = 74;

/// Parses the process arguments and runs the command.
pub fn main() -> ExitCode {
    // SAFETY: first thing in main, before any thread is started. Issue 15: under setgid,
    // only the environment kense needs stays (`office::group`).
    unsafe { crate::office::group::secure_environment() };
    let mut cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return argument_error(&e),
    };
    // Issue 15: under the office's setgid installation, the office's register and no other.
    if let Err(code) = install::office_register_or_exit(&mut cli.register) {
        return code;
    }
    // One clock per command, from the office's settings (issue 14). Only the commands that
    // need no time (a lookup, a directory, a BIN) go on with a settings file that is bad,
    // and the doctor, which says what is wrong with it.
    match clock::office_clock() {
        Ok(clock) => cli.register.clock = clock,
        Err(message) => {
            if !matches!(
                cli.command,
                Some(
                    Command::Lookup { .. }
                        | Command::Codes { .. }
                        | Command::Bin { .. }
                        | Command::Doctor(_)
                )
            ) {
                let _ = writeln!(io::stderr(), "kense: {message}");
                return ExitCode::from(BAD_SETTINGS);
            }
        }
    }
    let Some(command) = cli.command else {
        let options = tui::Options {
            lang: cli.lang,
            theme: tui::ui::theme::Theme::from_env(),
            session: tui::app::Session {
                // Issue 12: the OS account; without one the store refuses every write
                // and the screens say why.
                clerk: account::os_account()
                    .map(|c| c.as_str().to_string())
                    .unwrap_or_default(),
                clock: cli.register.clock,
            },
            // Issue 11: the office's codes start each new formulary; a settings file
            // that cannot be read was refused above, for the clock.
            office_codes: crate::office::Settings::load()
                .map(|s| tui::screens::formulary::OfficeCodes {
                    region: s.office.region,
                    district: s.office.district,
                })
                .unwrap_or_default(),
        };
        let store = register::open(&cli.register, true);
        return match tui::run(options, store) {
            Ok(tui::Ended::Quit) => ExitCode::SUCCESS,
            Ok(tui::Ended::HungUp) => ExitCode::from(tui::HUNG_UP_EXIT),
            Err(e) => {
                let _ = writeln!(io::stderr(), "kense: the terminal failed: {e}");
                ExitCode::from(OUTPUT_FAILED)
            }
        };
    };
    let stdout = io::stdout();
    // Issue 15: nothing printed can drive the terminal (see `safe`).
    let mut out = safe::Escaping::new(BufWriter::new(stdout.lock()));
    let mut err = safe::Escaping::new(io::stderr());
    match run(command, cli.register, &mut out, &mut err) {
        Ok(code) => code,
        // The reader went away (`kense codes district | head`): nothing left to say.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            // If stderr is gone too there is no one left to tell.
            let _ = writeln!(err, "kense: cannot write output: {e}");
            ExitCode::from(OUTPUT_FAILED)
        }
    }
}

/// clap's own message (a bad argument, or `--help`/`--version`), printed through the same
/// filter as everything else (issue 15): clap quotes the value it refused, and a value with
/// an escape sequence would reach the terminal. Plain text, exit status as clap gives it.
fn argument_error(e: &clap::Error) -> ExitCode {
    let text = e.render().to_string();
    let _ = if e.use_stderr() {
        safe::Escaping::new(io::stderr()).write_all(text.as_bytes())
    } else {
        safe::Escaping::new(io::stdout()).write_all(text.as_bytes())
    };
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// Runs one command: results to `out` (flushed before returning), notes to `err`.
pub fn run(
    command: Command,
    options: RegisterOptions,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    match command {
        Command::Lookup {
            query,
            kind,
            limit,
            format,
        } => {
            let query = query.join(" ");
            let hits = Searcher::new().search(&query, kind);
            let shown = &hits[..limit.map_or(hits.len(), |n| n.min(hits.len()))];
            if format.json {
                let ranked: Vec<Ranked> = shown
                    .iter()
                    .map(|hit| Ranked {
                        entry: hit.entry,
                        rank: hit.rank.name(),
                    })
                    .collect();
                write_json(out, &ranked)?;
            } else {
                let rows: Vec<Record> = shown.iter().map(|hit| lookup_record(hit.entry)).collect();
                write_rows(out, format, &rows)?;
            }
            out.flush()?;
            // Notes go to stderr after the results, so a terminal shows them last.
            if hits.is_empty() {
                let _ = writeln!(err, "kense: nothing matches {query:?}");
                return Ok(ExitCode::from(NOTHING_FOUND));
            }
            if shown.len() < hits.len() {
                let more = hits.len() - shown.len();
                let noun = if more == 1 { "match" } else { "matches" };
                let _ = writeln!(err, "kense: {more} more {noun} not shown");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Iin { command } => {
            let code = match command {
                number::IinCommand::Check(args) => number::iin(args, options.clock.today(), out)?,
                number::IinCommand::Generate(args) => register::generate(&options, args, out, err)?,
                number::IinCommand::Requests { json } => {
                    births::requests(&options, json, out, err)?
                }
                number::IinCommand::RequestSent { iin, date } => {
                    births::request_sent(&options, &iin, date, out, err)?
                }
            };
            out.flush()?;
            Ok(code)
        }
        Command::Audit { command } => {
            let code = audit_verify::audit(&options, command, out, err)?;
            out.flush()?;
            Ok(code)
        }
        Command::Day { command } => {
            let code = day::day(&options, command, out, err)?;
            out.flush()?;
            Ok(code)
        }
        Command::Formulary { command } => formulary::run(&options, command, out, err),
        Command::Person { command } => person::run(&options, command, out, err),
        Command::Journal(args) => journal::journal(&options, args, out, err),
        Command::Register(args) => search::register(&options, args, out, err),
        Command::Report { command } => search::report(&options, command, out, err),
        Command::Demo(args) => demo::demo(&options, args, out, err),
        Command::Print(args) => print::print(&options, args, out, err),
        Command::Backup { file, json } => backup::backup(&options, file, json, out, err),
        Command::Queue { limit, format } => day::queue(&options, limit, format, out, err),
        Command::Staff { command } => staff::run(&options, command, out, err),
        Command::Doctor(args) => doctor::doctor(&options, args, out),
        Command::Dsn { command } => dsn::run(&options, command, out, err),
        Command::Bin { command } => {
            let code = number::bin(command, out)?;
            out.flush()?;
            Ok(code)
        }
        Command::Codes { kind, format } => {
            let entries = codes::entries(kind);
            if format.json {
                write_json(out, &entries)?;
            } else {
                let rows: Vec<Record> = entries.iter().map(|e| directory_record(*e)).collect();
                write_rows(out, format, &rows)?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A lookup result in JSON: the row, and how it matched.
#[derive(Serialize)]
struct Ranked {
    #[serde(flatten)]
    entry: Entry,
    #[serde(rename = "match")]
    rank: &'static str,
}

/// The four columns every lookup line has, whatever the directory.
fn lookup_record(entry: Entry) -> Record {
    vec![
        ("kind", entry.kind().name().to_string()),
        ("code", entry.code().into_owned()),
        ("name_kk", entry.name_kk().to_string()),
        ("name_ru", entry.name_ru().unwrap_or_default().to_string()),
    ]
}

/// Every field of a directory's row, as in JSON.
fn directory_record(entry: Entry) -> Record {
    entry
        .fields()
        .into_iter()
        .map(|(name, value)| (name, value.as_text().to_string()))
        .collect()
}
