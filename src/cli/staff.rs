//! `kense staff list|add|set|retire`: the office's staff in the register (issue 12).
//!
//! A full name is personal data: it is never an argument (it would stay in the shell's
//! history and in `ps`), but the first line of standard input.

use super::account::account_exists;
use super::output::write_json;
use super::register::{RegisterOptions, bad_input, fail, open, open_read};
use crate::store::{Clerk, Role, StaffChange, StaffMember, Store};
use clap::{Subcommand, ValueEnum};
use std::io::{self, BufRead, Write};
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// List the staff: account, role, active or retired, the name printed on papers. Any
    /// account may read it.
    #[command(after_help = super::EXIT_STATUS)]
    List {
        /// Print a JSON array.
        #[arg(long)]
        json: bool,
    },
    /// Add an OS account to the staff (a head only). The full name as printed on papers
    /// («ЖУМАБЕКОВА А. К.») is read from the first line of standard input. In a register
    /// that has no staff yet (written before staff were kept), the account that owns the
    /// register file adds the first head.
    #[command(after_help = super::EXIT_STATUS)]
    Add {
        /// The OS account (login) of the member.
        account: String,
        /// clerk, or head (the head of the unit or the deputy: closes days, approves M-16
        /// conclusions, signs destruction acts, keeps the staff).
        #[arg(long, value_enum, default_value = "clerk")]
        role: RoleArg,
        /// Print a JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Change a member (a head only): its role, its full name (with --name, read from the
    /// first line of standard input), or bring a retired member back (--active).
    #[command(after_help = super::EXIT_STATUS)]
    Set {
        account: String,
        #[arg(long, value_enum)]
        role: Option<RoleArg>,
        /// Read the new full name from the first line of standard input.
        #[arg(long)]
        name: bool,
        /// Make a retired member active again.
        #[arg(long)]
        active: bool,
        /// Print a JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Retire a member (a head only): the account may still read, but writes nothing more;
    /// its history stays. The last active head cannot be retired.
    #[command(after_help = super::EXIT_STATUS)]
    Retire {
        account: String,
        /// Print a JSON object.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    Clerk,
    Head,
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Self {
        match role {
            RoleArg::Clerk => Role::Clerk,
            RoleArg::Head => Role::Head,
        }
    }
}

/// The first line of standard input, without its line end.
fn name_from_stdin() -> io::Result<String> {
    let mut line = String::new();
    io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

/// K-ACCOUNT: an account of this system, so that a typo does not become a member who can
/// never log in.
fn account(err: &mut impl Write, name: &str) -> Result<Clerk, ExitCode> {
    match Clerk::new(name) {
        Ok(clerk) if account_exists(clerk.as_str()) => Ok(clerk),
        Ok(clerk) => Err(bad_input(
            err,
            &format!(
                "account: there is no OS account {} on this system [K-ACCOUNT]",
                clerk.as_str()
            ),
        )),
        Err(e) => Err(fail(err, &e)),
    }
}

/// Whether the acting (real-uid) account owns the register file: who may name the first
/// head of a register that has no staff.
fn owns_file(store: &Store) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(store.path()).is_ok_and(|meta| meta.uid() == nix::unistd::getuid().as_raw())
}

/// Runs one `kense staff` command; flushes `out`.
pub fn run(
    options: &RegisterOptions,
    command: StaffCommand,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let done = match command {
        StaffCommand::List { json } => {
            let staff = match open_read(options).and_then(|s| s.staff()) {
                Ok(staff) => staff,
                Err(e) => return Ok(fail(err, &e)),
            };
            if json {
                write_json(out, &staff)?;
            } else {
                for m in &staff {
                    print_member(out, m)?;
                }
            }
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        StaffCommand::Add {
            account: name,
            role,
            json,
        } => {
            let member = match account(err, &name) {
                Ok(member) => member,
                Err(code) => return Ok(code),
            };
            let full_name = name_from_stdin()?;
            let mut store = match open(options, false) {
                Ok(store) => store,
                Err(e) => return Ok(fail(err, &e)),
            };
            let staffless = match store.staff() {
                Ok(staff) => staff.is_empty(),
                Err(e) => return Ok(fail(err, &e)),
            };
            let added = if staffless && owns_file(&store) {
                // K-HEAD: the first member is the one who keeps the staff from then on.
                if !matches!(role, RoleArg::Head) {
                    return Ok(bad_input(
                        err,
                        "role: the first member of a register's staff is a head (--role head) [K-HEAD]",
                    ));
                }
                store.add_first_head(&member, &full_name)
            } else {
                store.add_staff(&member, &full_name, role.into())
            };
            (added, json)
        }
        StaffCommand::Set {
            account: name,
            role,
            name: read_name,
            active,
            json,
        } => {
            let full_name = if read_name {
                Some(name_from_stdin()?)
            } else {
                None
            };
            let change = StaffChange {
                full_name,
                role: role.map(Role::from),
                active: active.then_some(true),
            };
            if change == StaffChange::default() {
                return Ok(bad_input(
                    err,
                    "nothing to change: give --role, --name or --active",
                ));
            }
            let changed = open(options, false).and_then(|mut s| s.change_staff(&name, &change));
            (changed, json)
        }
        StaffCommand::Retire {
            account: name,
            json,
        } => (
            open(options, false).and_then(|mut s| s.retire_staff(&name)),
            json,
        ),
    };
    let code = match done {
        (Ok(member), true) => {
            write_json(out, &member)?;
            ExitCode::SUCCESS
        }
        (Ok(member), false) => {
            print_member(out, &member)?;
            ExitCode::SUCCESS
        }
        (Err(e), _) => fail(err, &e),
    };
    out.flush()?;
    Ok(code)
}

fn print_member(out: &mut impl Write, m: &StaffMember) -> io::Result<()> {
    writeln!(
        out,
        "{}\t{}\t{}\t{}",
        m.account,
        m.role.key(),
        if m.active { "active" } else { "retired" },
        m.full_name
    )
}
