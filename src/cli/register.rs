//! The commands that use the register: `kense iin generate`, `kense audit verify`,
//! `kense day close`, and where the register is and who the clerk is.

use super::output::write_json;
use crate::domain::Sex;
use crate::domain::lifecycle::LifecycleError;
use crate::office::Clock;
use crate::store::{Clerk, Location, Store, StoreError};
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit status when the audit chain is broken.
const CHAIN_BROKEN: u8 = 1;
/// Exit status on bad input clap cannot see (an empty clerk, a birth date in the future).
const BAD_INPUT: u8 = 2;
/// Exit status when the register cannot be used at all.
const REGISTER_FAILED: u8 = 3;
/// Exit status when the register refuses the change.
const REFUSED: u8 = 4;

/// The file name of the register in the platform data directory.
const FILE_NAME: &str = "register.sqlite";

/// The options every command accepts; only the commands that use the register read them.
#[derive(Debug, Clone, Default, Args)]
pub struct RegisterOptions {
    /// The register file [env: KENSE_DB] [default: in the data directory]
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// No longer taken (issue 12): changes are recorded under the OS account of the
    /// process; given, it is refused (exit 2) rather than silently ignored.
    #[arg(long, global = true, value_name = "NAME", hide = true)]
    pub clerk: Option<String>,
    /// The office's clock, made once per command from the office's settings
    /// ([`super::clock::office_clock`]): every "now" and "today" of the command (issue 14).
    #[arg(skip)]
    pub clock: Clock,
    /// The office's register of the setgid installation (issue 15, set by
    /// `install::office_register`): `db` is the office's, shared with its group.
    #[arg(skip)]
    pub shared: bool,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// The birth date, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    birth_date: NaiveDate,
    /// The sex.
    #[arg(long, value_enum)]
    sex: SexArg,
    /// What the parent showed for a child's IIN (M-12.a): required for a person under 18.
    #[command(flatten)]
    child: super::births::ChildArgs,
    /// Print a JSON object.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SexArg {
    Male,
    Female,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check the whole hash chain of the audit log: exit 0 when it is intact, 1 naming the
    /// first bad entry.
    #[command(after_help = super::EXIT_STATUS)]
    Verify {
        /// Check every signed day close against this OpenSSH allowed_signers file (issue 15)
        /// [default: the office's [signing] allowed_signers; none: counted, not checked].
        #[arg(long, value_name = "FILE")]
        allowed_signers: Option<PathBuf>,
        /// Print a JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Print the audit chain's head and its number of entries, to be kept outside the
    /// register (another host, syslog) as an anchor for later checks.
    #[command(after_help = super::EXIT_STATUS)]
    Head {
        /// Print a JSON object.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum DayCommand {
    /// Close a working day, sealing it: recording the audit chain's head, then refusing new
    /// formularies and moves dated that day, and corrections of the day's formularies. A
    /// day closes once.
    #[command(after_help = super::EXIT_STATUS)]
    Close {
        /// The day to close [default: today].
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
        /// Sign the close with your SSH key (issue 15; required by [signing] required): its
        /// .pub file, the key in your agent (`ssh-keygen -Y sign`). Not signed, not closed.
        #[arg(long, value_name = "PUBKEY_FILE")]
        sign: Option<PathBuf>,
        /// Print a JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Sign a day closed unsigned with your SSH key (a head's act; issue 15), or print the
    /// message its signature covers (--message; for `ssh-keygen -Y verify -n kense-day`).
    #[command(after_help = super::EXIT_STATUS)]
    Sign {
        /// The closed day [default: today].
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
        /// Your public key file (e.g. ~/.ssh/id_ed25519.pub); the agent signs.
        #[arg(long, value_name = "PUBKEY_FILE", required_unless_present = "message")]
        key: Option<PathBuf>,
        /// Print the close's signed message instead of signing.
        #[arg(long, conflicts_with = "key")]
        message: bool,
        /// Print a JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Review a day (issue 12): its formularies, the day's moves on older ones (who, when,
    /// what, the number), the accounting that reconciles (in the office at the start by
    /// state + registered − sent + returned + manufactured − issued − destroyed = at the
    /// end), counts by filling code, district and clerk, and which earlier days are still
    /// open. --csv prints the accounting, one line per state and one for the office.
    #[command(after_help = super::EXIT_STATUS)]
    Show {
        /// The day [default: today, office time].
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
        #[command(flatten)]
        format: super::search::TableFormat,
    },
}

/// The register's path: `--db`, else `KENSE_DB` (when not empty), else `register.sqlite`
/// in the platform data directory; `None` when there is no data directory either.
pub fn resolve_db(
    flag: Option<PathBuf>,
    env: Option<OsString>,
    data_dir: Option<PathBuf>,
) -> Option<PathBuf> {
    flag.or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from))
        .or_else(|| data_dir.map(|dir| dir.join(FILE_NAME)))
}

/// The platform data directory of kense (`~/.local/share/kense` on Linux).
pub(super) fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("kz", "", "kense").map(|dirs| dirs.data_dir().to_path_buf())
}

/// Who is acting (issue 12): the OS account of the process's real uid. `--clerk` is
/// refused ([`StoreError::ClerkNotChosen`]): a name typed there must not silently become
/// someone else's record; `KENSE_CLERK` is ignored with a note on stderr (an old profile may
/// still export it).
pub fn acting_clerk(options: &RegisterOptions) -> Result<Clerk, StoreError> {
    let account = super::account::os_account()?;
    if options.clerk.is_some() {
        return Err(StoreError::ClerkNotChosen {
            account: account.as_str().to_string(),
        });
    }
    if std::env::var_os("KENSE_CLERK").is_some_and(|v| !v.is_empty()) {
        let _ = writeln!(
            io::stderr(),
            "kense: KENSE_CLERK is ignored: changes are recorded under the OS account {}",
            account.as_str()
        );
    }
    Ok(account)
}

/// Opens the register the options point to; `create` for the commands that write.
pub fn open(options: &RegisterOptions, create: bool) -> Result<Store, StoreError> {
    let path = resolve_db(options.db.clone(), std::env::var_os("KENSE_DB"), data_dir())
        .ok_or(StoreError::NoLocation)?;
    let clerk = acting_clerk(options)?;
    let location = if create {
        Location::create_if_missing(path)
    } else {
        Location::existing(path)
    };
    let location = shared(options, location);
    Store::open(&with_busy_timeout(location), clerk).map(|s| s.with_clock(options.clock))
}

/// The office's register of the setgid installation is shared with its group (issue 15).
fn shared(options: &RegisterOptions, location: Location) -> Location {
    if options.shared {
        location.shared_with_group()
    } else {
        location
    }
}

/// `KENSE_BUSY_TIMEOUT` (whole seconds), when set, replaces the default wait for another
/// clerk's write: a server with slow disks under load may need longer than the default.
fn with_busy_timeout(location: Location) -> Location {
    match std::env::var("KENSE_BUSY_TIMEOUT")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
    {
        Some(seconds) => location.with_busy_timeout(std::time::Duration::from_secs(seconds)),
        None => location,
    }
}

/// Opens the register the options point to for reading only (`Store::open_read_only`): the
/// commands that only read never create, upgrade or switch the journal of a file.
pub fn open_read(options: &RegisterOptions) -> Result<Store, StoreError> {
    let path = resolve_db(options.db.clone(), std::env::var_os("KENSE_DB"), data_dir())
        .ok_or(StoreError::NoLocation)?;
    let clerk = acting_clerk(options)?;
    let location = shared(options, Location::existing(path));
    Store::open_read_only(&with_busy_timeout(location), clerk).map(|s| s.with_clock(options.clock))
}

/// One line on stderr and the documented exit status; never a panic.
pub(super) fn fail(err: &mut impl Write, error: &StoreError) -> ExitCode {
    let _ = writeln!(err, "kense: {error}");
    ExitCode::from(match error {
        StoreError::InvalidClerk
        | StoreError::BirthDateUnsupported { .. }
        | StoreError::BadCursor
        | StoreError::ClerkNotChosen { .. }
        | StoreError::BadStaffName => BAD_INPUT,
        // Issue 12: who may do what.
        StoreError::NotStaff { .. }
        | StoreError::NotHead { .. }
        | StoreError::OwnWork { .. }
        | StoreError::StaffExists { .. }
        | StoreError::LastHead { .. }
        | StoreError::EarlierDayOpen { .. } => REFUSED,
        StoreError::NoStaffMember { .. } => super::NOTHING_FOUND,
        // What `audit verify` says of a broken chain (`day close` will not seal on it).
        StoreError::AuditBroken { .. } => CHAIN_BROKEN,
        StoreError::SerialsExhausted { .. } | StoreError::DayAlreadyClosed { .. } => REFUSED,
        // Issue 15: signed closes.
        StoreError::DayNotClosed { .. }
        | StoreError::DayAlreadySigned { .. }
        | StoreError::SigningFailed { .. }
        | StoreError::SignatureRequired { .. } => REFUSED,
        // The register of formularies (src/cli/formulary.rs).
        StoreError::Invalid(_) | StoreError::BadCoupon { .. } => BAD_INPUT,
        StoreError::Move(LifecycleError::Data(_)) => BAD_INPUT,
        StoreError::NoFormulary { .. } | StoreError::NoPerson => super::NOTHING_FOUND,
        StoreError::DaySealed { .. }
        | StoreError::Move(_)
        | StoreError::CouponMismatch { .. }
        | StoreError::ConclusionTaken { .. }
        | StoreError::NotCorrectable { .. }
        | StoreError::ClockBehind { .. }
        | StoreError::ConclusionMissing { .. } => REFUSED,
        StoreError::DocumentNumberRequired | StoreError::Calendar(_) => BAD_INPUT,
        // Issue 15: a planted -wal/-shm is the register's file being unusable.
        StoreError::LooseSidecar { .. } => REGISTER_FAILED,
        _ => REGISTER_FAILED,
    })
}

pub(super) fn bad_input(err: &mut impl Write, message: &str) -> ExitCode {
    let _ = writeln!(err, "kense: {message}");
    ExitCode::from(BAD_INPUT)
}

/// The office's today (issue 14), never the host's.
pub(super) fn today(options: &RegisterOptions) -> NaiveDate {
    options.clock.today()
}

/// `kense iin generate`.
pub fn generate(
    options: &RegisterOptions,
    args: GenerateArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    if args.birth_date > today(options) {
        return Ok(bad_input(
            err,
            // Not repeated: a birth date is personal data (issue 15).
            "--birth-date: the birth date is in the future",
        ));
    }
    let sex = match args.sex {
        SexArg::Male => Sex::Male,
        SexArg::Female => Sex::Female,
    };
    let basis = match args.child.basis(args.birth_date, today(options)) {
        Ok(basis) => basis,
        Err(message) => return Ok(bad_input(err, &message)),
    };
    let generated = open(options, true)
        .and_then(|mut s| s.generate_iin_for(args.birth_date, sex, basis.as_ref()));
    let issued = match generated {
        Ok(issued) => issued,
        Err(e) => return Ok(fail(err, &e)),
    };
    if args.json {
        write_json(out, &issued)?;
    } else {
        writeln!(out, "{}", issued.iin)?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_then_the_environment_then_the_data_directory() {
        let flag = Some(PathBuf::from("/a/flag.sqlite"));
        let env = Some(OsString::from("/b/env.sqlite"));
        let dir = Some(PathBuf::from("/c/data"));
        assert_eq!(
            resolve_db(flag.clone(), env.clone(), dir.clone()),
            flag.clone()
        );
        assert_eq!(
            resolve_db(None, env, dir.clone()),
            Some(PathBuf::from("/b/env.sqlite"))
        );
        assert_eq!(
            resolve_db(None, Some(OsString::new()), dir.clone()),
            Some(PathBuf::from("/c/data/register.sqlite")),
            "an empty KENSE_DB counts as unset"
        );
        assert_eq!(resolve_db(None, None, None), None);
    }
}
