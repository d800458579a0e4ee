//! `kense formulary add | template | show | move | correct`: formularies in the register.

mod issue;
mod show;

use super::output::write_json;
use super::register::{bad_input, fail, open, today};
use crate::cli::RegisterOptions;
use crate::domain::Lang;
use crate::domain::formulary::{Formulary, Violation};
use crate::domain::lifecycle::{Conclusion, Event, MoveKind, ReturnReason, VerificationGround};
use crate::store::StoreError;
use crate::store::numbers::{parse_conclusion_number, parse_coupon, registration_key};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use serde::de::DeserializeOwned;
use show::{name, show};
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// The language of the `field: message [rule]` lines: the workstation's default, Russian,
/// the documents' working language.
const MESSAGES: Lang = Lang::Ru;

#[derive(Debug, Subcommand)]
pub enum FormularyCommand {
    /// Validate one formulary (the JSON of `formulary template`) and register it; print its
    /// registration number and coupon number. Invalid: exit 2, each problem on stderr as
    /// `field: message [rule]`, nothing saved.
    #[command(after_help = super::EXIT_STATUS)]
    Add {
        /// The formulary's JSON file, or `-` for standard input.
        #[arg(value_name = "FILE|-")]
        file: PathBuf,
        /// Print a JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Print a complete example formulary (JSON) for a filling code; `formulary add` takes
    /// it as it is.
    Template {
        /// The filling code, "00".."18" (M-31).
        #[arg(long, value_name = "CODE", default_value = "00")]
        code: String,
    },
    /// Show a formulary by its registration number (YYYY-NNNNNNN), or by its coupon number
    /// (ten digits, M-57): the person, the history, the documents.
    #[command(after_help = super::EXIT_STATUS)]
    Show {
        #[arg(value_name = "NUMBER|COUPON")]
        number: String,
        /// Print a JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Move a formulary through its lifecycle (now, by the clerk).
    #[command(after_help = super::EXIT_STATUS)]
    Move(Box<MoveArgs>),
    /// Replace the data of a formulary still in the office (registered, under
    /// verification, returned) with a corrected JSON; refused for a closed day's formulary.
    #[command(after_help = super::EXIT_STATUS)]
    Correct {
        number: String,
        /// The corrected formulary's JSON file, or `-` for standard input.
        #[arg(value_name = "FILE|-")]
        file: PathBuf,
        /// Print the correction as JSON (its sequence, clerk, time, the SHA-256 of the
        /// data before and after, the earlier JSON, the audit entry).
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct MoveArgs {
    /// The registration number.
    number: String,
    /// The move: start_verification, confirm, refuse, send, return, resend, manufacture,
    /// issue, cancel, spoil, destroy; or the state it leads to: under_verification, sent,
    /// returned, manufactured, issued, spoiled, destroyed (sent means send: after a
    /// return, name resend; cancelled and registered are each reached by two moves: name
    /// the move).
    #[arg(long, value_name = "MOVE|STATE", value_parser = move_by_name)]
    to: MoveKind,
    /// Why: required for cancel and spoil, and for resend (what was corrected after the
    /// return); a note for any other move.
    #[arg(long, value_name = "TEXT")]
    reason: Option<String>,
    /// start_verification (M-16): document_authenticity, photo_identity, citizenship,
    /// unfounded_filling.
    #[arg(long, value_name = "GROUND", value_parser = by_name::<VerificationGround>)]
    ground: Option<VerificationGround>,
    /// confirm/refuse (M-16): the number in the journal of conclusions, a whole number
    /// ("05" is 5) [default: the year's highest number + 1].
    #[arg(long, value_name = "N")]
    conclusion_number: Option<String>,
    /// confirm/refuse (M-16): the conclusion's date [default: today].
    #[arg(long, value_name = "YYYY-MM-DD")]
    conclusion_date: Option<NaiveDate>,
    /// return (M-40): photo_mismatch, data_mismatch, wrong_filling_code, poor_graphics.
    #[arg(long, value_name = "REASON", value_parser = by_name::<ReturnReason>)]
    return_reason: Option<ReturnReason>,
    /// destroy: the destruction act's number.
    #[arg(long, value_name = "N")]
    act_number: Option<String>,
    /// issue (M-56, M-57): the application coupon number presented (or --receipt).
    #[arg(long, value_name = "COUPON")]
    coupon: Option<String>,
    /// issue (M-56): the receipt's number, when the receipt is presented instead of the
    /// coupon.
    #[arg(long, value_name = "N", conflicts_with = "coupon")]
    receipt: Option<String>,
    /// issue (M-56): a document withdrawn from the person (repeat for each).
    #[arg(long, value_name = "DOCUMENT")]
    withdrawn: Vec<String>,
    /// issue (M-57): the issued document's own number (or --mrz).
    #[arg(long, value_name = "N")]
    document_number: Option<String>,
    /// issue (M-57): the document's machine-readable zone as the reader types it (TD1
    /// 3×30, TD3 2×44; lines separated by spaces or line breaks), or `-` to read it from
    /// standard input: its check digits, names and birth date are checked against the
    /// formulary, and its number is the document's.
    #[arg(long, value_name = "ZONE|-")]
    mrz: Option<String>,
    /// confirm/refuse (M-16): the identification protocol's number.
    #[arg(long, value_name = "N")]
    protocol_number: Option<String>,
    /// confirm/refuse (M-16): the identification protocol's date [default: the
    /// conclusion's].
    #[arg(long, value_name = "YYYY-MM-DD", requires = "protocol_number")]
    protocol_date: Option<NaiveDate>,
    /// Print the transition as JSON.
    #[arg(long)]
    json: bool,
}

/// A value by its stable serde name (`start_verification`, `photo_mismatch`).
fn by_name<T: DeserializeOwned>(name: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(name.trim().to_string()))
        .map_err(|_| format!("unknown name {name:?} (see --help)"))
}

/// A move by its name, or by the state it leads to when only one move leads there.
fn move_by_name(name: &str) -> Result<MoveKind, String> {
    match name.trim() {
        "under_verification" => Ok(MoveKind::StartVerification),
        "sent" => Ok(MoveKind::Send),
        "returned" => Ok(MoveKind::Return),
        "manufactured" => Ok(MoveKind::Manufacture),
        "issued" => Ok(MoveKind::Issue),
        "spoiled" => Ok(MoveKind::Spoil),
        "destroyed" => Ok(MoveKind::Destroy),
        // Two moves lead to each: guessing could record the wrong one (a refusal is a
        // conclusion in the journal, M-16; a cancellation is not).
        "cancelled" => Err("two moves lead to cancelled: cancel (the application is \
                            withdrawn) or refuse (M-16 conclusion); name one"
            .into()),
        "registered" => Err("two moves lead to registered: register (from a draft) or \
                             confirm (M-16 conclusion); name one"
            .into()),
        other => by_name::<MoveKind>(other),
    }
}

/// Runs one `kense formulary` command; flushes `out`.
pub fn run(
    options: &RegisterOptions,
    command: FormularyCommand,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let code = match command {
        FormularyCommand::Add { file, json } => add(options, &file, json, out, err)?,
        FormularyCommand::Template { code } => match Formulary::example(code.trim()) {
            Some(f) => {
                writeln!(out, "{}", f.to_json().map_err(io::Error::other)?)?;
                ExitCode::SUCCESS
            }
            None => bad_input(
                err,
                &format!("no filling code {code:?} (M-31: 00..18, no 02)"),
            ),
        },
        FormularyCommand::Show { number, json } => show(options, &number, json, out, err)?,
        FormularyCommand::Move(args) => move_formulary(options, *args, out, err)?,
        FormularyCommand::Correct { number, file, json } => {
            let formulary = match read_formulary(&file, err)? {
                Ok(f) => f,
                Err(code) => return Ok(code),
            };
            match open(options, false)
                .and_then(|mut s| s.correct_formulary(&number, &formulary, today(options)))
            {
                Ok(c) if json => {
                    write_json(out, &c)?;
                    ExitCode::SUCCESS
                }
                Ok(c) => {
                    let number = registration_key(&number);
                    writeln!(out, "{number} corrected (#{}): {}", c.seq, c.new_sha256)?;
                    ExitCode::SUCCESS
                }
                Err(e) => refused(err, &e),
            }
        }
    };
    out.flush()?;
    Ok(code)
}

/// Reads and parses a formulary's JSON; an unreadable file or text is exit 2, said on
/// stderr as `field: message [K-JSON]`.
fn read_formulary(file: &PathBuf, err: &mut impl Write) -> io::Result<Result<Formulary, ExitCode>> {
    let mut text = String::new();
    let read = if file.as_os_str() == "-" {
        io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        // Issue 15: with the clerk's own rights, never the office's group's.
        crate::office::group::with_own_rights(|| std::fs::read_to_string(file))
            .and_then(|read| read)
            .map(|t| text = t)
    };
    if let Err(e) = read {
        let what = format!("cannot read {}: {e}", file.display());
        return Ok(Err(bad_input(err, &what)));
    }
    Ok(Formulary::from_json(&text).map_err(|e| {
        // The path and the kind of problem only: serde quotes the value, which may be
        // personal data (an IIN, a name).
        let message = super::output::redact_json_error(&e.message);
        let _ = writeln!(err, "{}: {} [K-JSON]", e.path, message);
        bad_input(err, "not a formulary's JSON: nothing was saved")
    }))
}

/// The problems of an invalid formulary, one `field: message [rule]` line each, then the
/// error's own line and its exit status.
fn refused(err: &mut impl Write, error: &StoreError) -> ExitCode {
    if let StoreError::Invalid(violations) = error {
        for v in violations {
            let _ = writeln!(err, "{}", violation_line(v));
        }
    }
    fail(err, error)
}

/// `field: message [rule]`.
pub fn violation_line(v: &Violation) -> String {
    format!("{}: {} [{}]", v.field, v.message.get(MESSAGES), v.rule)
}

fn add(
    options: &RegisterOptions,
    file: &PathBuf,
    json: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let formulary = match read_formulary(file, err)? {
        Ok(f) => f,
        Err(code) => return Ok(code),
    };
    let registered =
        match open(options, true).and_then(|mut s| s.register_formulary_now(&formulary)) {
            Ok(r) => r,
            Err(e) => return Ok(refused(err, &e)),
        };
    if json {
        write_json(out, &registered)?;
    } else {
        writeln!(out, "{} coupon {}", registered.number, registered.coupon)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The move's event from the flags, or the flag it lacks.
fn event(args: &MoveArgs, today: NaiveDate) -> Result<Event, String> {
    let need = |value: Option<String>, flag: &str| {
        value
            .filter(|v| !v.trim().is_empty())
            .ok_or_else(|| format!("--to {} needs {flag}", name(&args.to)))
    };
    // M-16: the journal of conclusions is numbered with whole numbers ("05" is 5); a
    // blank number is left to the register, which gives the year's next one.
    let number = args.conclusion_number.clone().unwrap_or_default();
    if matches!(args.to, MoveKind::Confirm | MoveKind::Refuse)
        && !number.trim().is_empty()
        && parse_conclusion_number(&number).is_none()
    {
        return Err(
            "--conclusion-number: the journal of conclusions is numbered with whole \
                    numbers from 1 to 999999999 (\"05\" is 5) [M-16]"
                .into(),
        );
    }
    let conclusion = || Conclusion {
        number: number.clone(),
        date: args.conclusion_date.unwrap_or(today),
    };
    Ok(match args.to {
        MoveKind::Register => Event::Register,
        MoveKind::StartVerification => Event::StartVerification {
            ground: args
                .ground
                .ok_or("--to start_verification needs --ground")?,
        },
        MoveKind::Confirm => Event::Confirm {
            conclusion: conclusion(),
        },
        MoveKind::Refuse => Event::Refuse {
            conclusion: conclusion(),
        },
        MoveKind::Send => Event::Send,
        MoveKind::Return => Event::Return {
            reason: args
                .return_reason
                .ok_or("--to return needs --return-reason")?,
        },
        // What was corrected after the return is the why of a resend.
        MoveKind::Resend => Event::Resend {
            correction: need(args.reason.clone(), "--reason")?,
        },
        MoveKind::Manufacture => Event::Manufacture,
        // M-56: the coupon, or the receipt (the register records the formulary's coupon).
        MoveKind::Issue if args.receipt.is_some() => Event::Issue {
            coupon: String::new(),
        },
        MoveKind::Issue => Event::Issue {
            coupon: need(args.coupon.clone(), "--coupon (or --receipt, M-56)")?,
        },
        MoveKind::Cancel => Event::Cancel {
            reason: need(args.reason.clone(), "--reason")?,
        },
        MoveKind::Spoil => Event::Spoil {
            reason: need(args.reason.clone(), "--reason")?,
        },
        MoveKind::Destroy => Event::Destroy {
            act_number: need(args.act_number.clone(), "--act-number")?,
        },
    })
}

fn move_formulary(
    options: &RegisterOptions,
    args: MoveArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let at = options.clock.office_time();
    let event = match event(&args, at.date()) {
        Ok(event) => event,
        Err(message) => return Ok(bad_input(err, &message)),
    };
    if let Event::Issue { coupon } = &event
        && args.receipt.is_none()
        && parse_coupon(coupon).is_none()
    {
        return Ok(fail(
            err,
            &StoreError::BadCoupon {
                coupon: coupon.clone(),
            },
        ));
    }
    // Cancel, spoil and resend carry their why in the event; for the others it is a note.
    let note = match args.to {
        MoveKind::Cancel | MoveKind::Spoil | MoveKind::Resend => None,
        _ => args.reason.as_deref(),
    };
    let mut store = match open(options, false) {
        Ok(store) => store,
        Err(e) => return Ok(fail(err, &e)),
    };
    let details = match issue::details(&args, &store, at.date()) {
        Ok(details) => details,
        Err(message) => return Ok(bad_input(err, &message)),
    };
    let moved = store.move_formulary_now(&args.number, event, note, &details);
    match moved {
        Ok(t) if args.json => write_json(out, &t)?,
        Ok(t) => writeln!(
            out,
            "{}: {} -> {}",
            registration_key(&args.number),
            name(&t.from),
            name(&t.to)
        )?,
        Err(e) => return Ok(fail(err, &e)),
    }
    Ok(ExitCode::SUCCESS)
}
