//! `kense dsn pass-back`, `dsn request`, `dsn complain`: a result after the front office
//! (D-6) and complaints against an application (D-12).

use super::{Common, DsnError, bad_input, dsn_fail};
use crate::cli::output::write_json;
use crate::cli::register::{RegisterOptions, open};
use crate::domain::calendar::{Body, unconfirmed_note};
use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};
use std::io::{self, Write};
use std::process::ExitCode;

/// The body a complaint is filed with (D-12).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BodyArg {
    /// The provider (the state-revenue body): 5 working days.
    Provider,
    /// The front office (the State Corporation): 5 working days.
    FrontOffice,
    /// The authorized body for the quality of public services: 15 working days.
    QualityBody,
}

/// What is done with an application's result or about it.
#[derive(Debug, Subcommand)]
pub enum AfterCommand {
    /// D-6: the front office, having kept the result a month, passes it to the provider.
    PassBack,
    /// D-6: the result passed to the provider is asked for; due back in 1 working day.
    Request,
    /// D-6: the provider sent the result asked for back (it leaves the work queue).
    SentBack,
    /// D-12: a complaint against the application, with its term.
    Complain {
        #[arg(long, value_enum)]
        body: BodyArg,
    },
}

/// Runs one of the commands on application `id`, dated `on` (default today).
pub(super) fn run(
    options: &RegisterOptions,
    (id, on): (i64, Option<NaiveDate>),
    command: AfterCommand,
    common: Common,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let today = options.clock.today();
    let on = on.unwrap_or(today);
    if on > today {
        return Ok(bad_input(err, &format!("the day {on} has not come yet")));
    }
    let mut store = match open(options, false) {
        Ok(store) => store,
        Err(e) => return Ok(dsn_fail(err, &DsnError::from(e))),
    };
    match command {
        AfterCommand::PassBack | AfterCommand::Request | AfterCommand::SentBack => {
            let done = match command {
                AfterCommand::PassBack => store.dsn_pass_to_provider(id, on),
                AfterCommand::Request => store.dsn_request_result(id, on),
                _ => store.dsn_sent_back(id, on),
            };

            let done = match done {
                Ok(done) => done,
                Err(e) => return Ok(dsn_fail(err, &e)),
            };
            if common.json {
                write_json(out, &done)?;
            } else if matches!(command, AfterCommand::SentBack) {
                writeln!(out, "application {id}: result sent back on {on} (D-6)")?;
            } else if let (Some(asked), Some(due)) = (done.requested_on, done.requested_due) {
                let note = unconfirmed_note(asked, due)
                    .map(|t| format!(" ({})", t.en))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "application {id}: result asked for on {asked}; the provider sends it back by {due}{note} (D-6)"
                )?;
            } else {
                writeln!(
                    out,
                    "application {id}: result passed to the provider on {} (D-6)",
                    done.passed_to_provider_on
                )?;
            }
        }
        AfterCommand::Complain { body } => {
            let body = match body {
                BodyArg::Provider => Body::Provider,
                BodyArg::FrontOffice => Body::FrontOffice,
                BodyArg::QualityBody => Body::QualityBody,
            };
            let done = match store.dsn_complain(id, body, on) {
                Ok(done) => done,
                Err(e) => return Ok(dsn_fail(err, &e)),
            };
            if common.json {
                write_json(out, &done)?;
            } else {
                let note = unconfirmed_note(done.filed_on, done.due_on)
                    .map(|t| format!(" ({})", t.en))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "complaint {} against application {id}: to be considered by {}{note} (D-12)",
                    done.id, done.due_on
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
