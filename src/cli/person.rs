//! `kense person emigrate`: deregistration for permanent residence abroad (M-57).

use super::output::write_json;
use super::register::{RegisterOptions, bad_input, fail, open, today};
use super::stdin::value_or_line;
use chrono::NaiveDate;
use clap::Subcommand;
use std::io::{self, Write};
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// M-57: record the conditional exclusion of the person's IIN: every valid document
    /// issued by then becomes invalid with that reason. Exit 1 when the register has no
    /// such person, 4 when the day is closed.
    #[command(after_help = super::EXIT_STATUS)]
    Exclude {
        /// The excluded IIN.
        #[arg(long, value_name = "IIN")]
        iin: String,
        /// The day of exclusion [default: today].
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
        /// Print a JSON object.
        #[arg(long)]
        json: bool,
    },
    /// M-57: record that the person was deregistered for permanent residence outside
    /// Kazakhstan: their valid ID cards and residence permits become invalid with that
    /// reason (a passport stays valid). Exit 1 when the register has no such person, 4
    /// when the day is closed.
    #[command(after_help = super::EXIT_STATUS)]
    Emigrate {
        /// The person's IIN; `-` reads it from standard input.
        #[arg(long, value_name = "IIN")]
        iin: String,
        /// The day of deregistration [default: today].
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
        /// Print a JSON object.
        #[arg(long)]
        json: bool,
    },
}

/// Runs one `kense person` command; flushes `out`.
pub fn run(
    options: &RegisterOptions,
    command: PersonCommand,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let (iin, date, json, exclude) = match command {
        PersonCommand::Emigrate { iin, date, json } => (iin, date, json, false),
        PersonCommand::Exclude { iin, date, json } => (iin, date, json, true),
    };
    // Issue 15: `--iin -` reads it from standard input (not in `ps` nor in history).
    let mut input = io::stdin().lock();
    let iin = match value_or_line("--iin", Some(iin), &mut input, &mut false) {
        Ok(iin) => iin.unwrap_or_default(),
        Err(problem) => return Ok(bad_input(err, &problem)),
    };
    let date = date.unwrap_or_else(|| today(options));
    if date > today(options) {
        return Ok(bad_input(err, &format!("the day {date} has not come yet")));
    }
    // A typo in the IIN is bad input, said without repeating it (personal data).
    if let Err(e) = crate::domain::iin::Iin::parse(&iin) {
        let text = e.text();
        return Ok(bad_input(err, &format!("not an IIN: {}", text.en)));
    }
    let done = match open(options, false).and_then(|mut s| {
        if exclude {
            s.exclude_iin(&iin, date)
        } else {
            s.deregister_emigration(&iin, date)
        }
    }) {
        Ok(done) => done,
        Err(e) => return Ok(fail(err, &e)),
    };
    if json {
        write_json(out, &done)?;
    } else {
        writeln!(
            out,
            "{} on {}: {} document(s) invalid (M-57)",
            if exclude {
                "IIN excluded"
            } else {
                "deregistered"
            },
            done.date,
            done.invalidated.len()
        )?;
        for d in &done.invalidated {
            let reason = match &d.status {
                crate::domain::lifecycle::documents::DocumentStatus::Invalid { reason, .. } => {
                    reason.text().ru
                }
                crate::domain::lifecycle::documents::DocumentStatus::Valid => String::new(),
            };
            writeln!(
                out,
                "  {:?} {} issued {}: {reason}",
                d.kind, d.number, d.issued_on
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
