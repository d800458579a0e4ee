//! The command line: parses arguments with clap and prints what the library finds.
//!
//! Exit status: see [`EXIT_STATUS`], printed at the end of `kense --help`.

mod account;
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
pub use register::{RegisterOptions, acting_clerk, resolve_db};

use crate::codes::{self, Entry, Kind, Searcher};
use crate::domain::Lang;
use crate::tui;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
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

/// Where the register is and what the exit status means, for `--help`.
pub const EXIT_STATUS: &str = "\
Without a command, kense opens the workstation in the terminal (Alt-1/2/3
tabs, F1 or ? keys, Ctrl-Q quit).

The register is the file given by --db, else by KENSE_DB, else register.sqlite
in the platform data directory (~/.local/share/kense on Linux); a new register
is made private (0600). Installed setgid for an office (docs/DEPLOY.md), kense
opens only the office's register (register.path in /etc/kense/kense.toml) and
refuses --db and KENSE_DB (exit 2).

Who acts is the OS account of the process (its real uid): every change is
recorded under it. --clerk is refused (exit 2) and KENSE_CLERK ignored. Only
active staff of the register write (kense staff); a head closes days,
approves M-16 conclusions, signs destruction acts and keeps the staff.

Exit status:
  0   done: found, valid, generated, registered, moved, closed, or the audit
      chain intact
  1   nothing found (no such formulary, person or member of staff, no
      matching rows, nothing for the paper asked: no conclusion, no entry in
      the journal), a number or DSN code not valid, the audit chain broken
      (also: day close will not seal on it) or a signed day close that does
      not verify (audit verify), or a DSN application with a
      refused product row (D-7; the other rows were assigned); for doctor,
      something to fix
  2   bad arguments (also --clerk), or a formulary or DSN application that
      is not valid: each problem on stderr with its field and rule, nothing
      saved; or the office's settings (/etc/kense/kense.toml, KENSE_CONFIG)
      are not valid, or, installed setgid, --db, KENSE_DB or a KENSE_CONFIG
      that is not root's; for print, also a delivery that cannot be used (no
      queue, terminal printing not turned on, or under tmux or mosh)
  3   the register cannot be used: missing, read-only, busy too long, not a
      register (or another application's database), damaged, of another
      schema version, or with a -wal/-shm/-journal beside it that grants more
      than the register (nothing was changed); a backup that failed its check;
      the process's uid has no account
  4   the register refused the change: the day is closed (sealed) or an
      earlier day is still open, the move is not allowed from the
      formulary's state, the coupon, the conclusion or the document number
      does not fit, no IIN serial is left, a DSN code number ran out, the
      office's clock is behind the register (set back), or the account may
      not do it (not active staff, not a head, its own work to approve, the
      last head); a paper that does not apply (a nationality certificate for
      a formulary not of code 08, M-12.e)
  74  the output cannot be written (for print: the PDF file, lp, the terminal)
  129 the workstation ended by a dropped connection, SIGHUP or SIGTERM (its
      draft is kept)";

#[derive(Debug, Parser)]
#[command(
    name = "kense",
    version,
    about = "Kense (кеңсе): the clerk's workstation for identity-document formularies and DSN codes",
    after_help = EXIT_STATUS
)]
pub struct Cli {
    /// The language of the workstation's screens.
    #[arg(long, value_name = "LANG", value_parser = lang_parser(), default_value = "ru")]
    pub lang: Lang,
    /// Without a command, the workstation opens in the terminal.
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub register: RegisterOptions,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find codes in every directory by code or by name (Kazakh, Russian or Latin letters).
    Lookup {
        /// A code ("1902 204", "204", "08", "053") or a name ("akkol", "Ақкөл", "аккол").
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Search one directory only.
        #[arg(long, value_name = "KIND", value_parser = kind_parser())]
        kind: Option<Kind>,
        /// Print only the N best matches.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        #[command(flatten)]
        format: Format,
    },
    /// Check or generate an IIN (individual identification number).
    Iin {
        #[command(subcommand)]
        command: number::IinCommand,
    },
    /// Check a BIN (business identification number) and show what it encodes.
    Bin {
        #[command(subcommand)]
        command: number::BinCommand,
    },
    /// Print one whole directory in the document's order.
    Codes {
        /// The directory.
        #[arg(value_name = "KIND", value_parser = kind_parser())]
        kind: Kind,
        #[command(flatten)]
        format: Format,
    },
    /// Check the register's audit log, or print its head.
    Audit {
        #[command(subcommand)]
        command: register::AuditCommand,
    },
    /// DSN codes of petroleum products: taxpayers, applications, decoding, the list.
    Dsn {
        #[command(subcommand)]
        command: dsn::DsnCommand,
    },
    /// Review or close a working day in the register.
    Day {
        #[command(subcommand)]
        command: register::DayCommand,
    },
    /// Formularies in the register: add, template, show, move, correct.
    Formulary {
        #[command(subcommand)]
        command: formulary::FormularyCommand,
    },
    /// The journal of conclusions (M-16): every line, or one year's.
    Journal(journal::JournalArgs),
    /// Persons in the register: deregistration for emigration (M-57).
    Person {
        #[command(subcommand)]
        command: person::PersonCommand,
    },
    /// Search the register, a page at a time: newest first, by name in name order.
    Register(search::RegisterArgs),
    /// Copy the register while clerks work: private, checked, with its audit head.
    ///
    /// The copy is a new file (FILE must not exist), mode 0600, checked like `audit
    /// verify` (quick_check and the whole chain); it prints the copy's audit head.
    #[command(after_help = EXIT_STATUS)]
    Backup {
        /// The new file of the copy.
        #[arg(value_name = "FILE")]
        file: std::path::PathBuf,
        /// Print a JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Fill the register with synthetic formularies (a demo; refused on a real register).
    Demo(demo::DemoArgs),
    /// The work queue: what waits on the office, due dates in working days, overdue first.
    ///
    /// M-16 verifications (3 working days from the start, then 2 for the conclusion),
    /// M-40 returned formularies, formularies sent and not back past the office's term
    /// ([queue] sent_back_within_working_days), documents waiting for the citizen, D-6
    /// DSN results (1 working day).
    #[command(after_help = EXIT_STATUS)]
    Queue {
        /// At most N items of each kind, the longest waiting first.
        #[arg(long, value_name = "N", default_value_t = 100)]
        limit: u32,
        #[command(flatten)]
        format: search::TableFormat,
    },
    /// The office's staff: who may write, under which name, and who is a head.
    Staff {
        #[command(subcommand)]
        command: staff::StaffCommand,
    },
    /// Print a paper of the register as PDF: to a file, the office's CUPS queue, or your
    /// own printer through the terminal.
    Print(print::PrintArgs),
    /// Reports on the register: the day's summary.
    Report {
        #[command(subcommand)]
        command: search::ReportCommand,
    },
    /// Check the installation and say what to fix (docs/DEPLOY.md).
    ///
    /// The register's and its directory's owner, group and mode, its -wal/-shm, the
    /// binary's setgid bit, the office's settings, the calendar's years, the time zone,
    /// the print queue: one line per finding, naming the path and the fix. Exit 0 when
    /// nothing must be fixed, 1 when something must. It changes nothing.
    Doctor(doctor::DoctorArgs),
}

#[derive(Debug, Clone, Copy, Args)]
#[group(multiple = false)]
pub struct Format {
    /// Print a JSON array of objects.
    #[arg(long)]
    json: bool,
    /// Print tab-separated values with a header row.
    #[arg(long)]
    tsv: bool,
}

fn lang_parser() -> impl TypedValueParser<Value = Lang> {
    PossibleValuesParser::new(["ru", "kk", "en"]).map(|name| match name.as_str() {
        "kk" => Lang::Kk,
        "en" => Lang::En,
        _ => Lang::Ru,
    })
}

fn kind_parser() -> impl TypedValueParser<Value = Kind> {
    PossibleValuesParser::new(Kind::ALL.map(Kind::name)).try_map(|name| name.parse::<Kind>())
}

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
            let code = register::audit(&options, command, out, err)?;
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
