//! The command line's shape for clap: the top-level arguments, the commands, the output
//! format flags, and the help text on the register and the exit status (`--help`). Apart
//! from `cli/mod.rs`, which runs the commands, so the long help reads in one place.

use super::RegisterOptions;
use super::{demo, doctor, dsn, formulary, journal, number, person, print, register};
use super::{search, staff};
use crate::codes::Kind;
use crate::domain::Lang;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};

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
    pub(super) json: bool,
    /// Print tab-separated values with a header row.
    #[arg(long)]
    pub(super) tsv: bool,
}

pub(super) fn lang_parser() -> impl TypedValueParser<Value = Lang> {
    PossibleValuesParser::new(["ru", "kk", "en"]).map(|name| match name.as_str() {
        "kk" => Lang::Kk,
        "en" => Lang::En,
        _ => Lang::Ru,
    })
}

pub(super) fn kind_parser() -> impl TypedValueParser<Value = Kind> {
    PossibleValuesParser::new(Kind::ALL.map(Kind::name)).try_map(|name| name.parse::<Kind>())
}
