//! `kense print KIND SUBJECT`: a paper of the register as PDF, to a file, the office's CUPS
//! queue or the clerk's own printer through the terminal (issue 13). Every print is an
//! audit entry; a reprint says so on the paper.

use super::output::write_json;
use super::register::{RegisterOptions, bad_input, fail, open};
use crate::office::{ClerkPrefs, Clock, Settings};
use crate::papers::{self, Delivered, Delivery, DeliveryError, PaperError, PaperKind, PaperLang};
use clap::Args;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use serde_json::json;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit status when the paper does not apply to its subject (M-12.e for another code).
const REFUSED: u8 = 4;
/// Exit status when the paper cannot be written or sent (sysexits' EX_IOERR).
const OUTPUT_FAILED: u8 = 74;

#[derive(Debug, Args)]
#[command(after_help = super::EXIT_STATUS)]
pub struct PrintArgs {
    /// The paper.
    #[arg(value_name = "KIND", value_parser = kind_parser())]
    kind: PaperKind,
    /// What it is of: a registration number (formulary, nationality-certificate,
    /// conclusion, coupon), the generated IIN (insert), a year (journal), an act number
    /// (act), a day YYYY-MM-DD (day), a DSN application number (dsn-result).
    #[arg(value_name = "SUBJECT")]
    subject: String,
    /// Write the PDF to FILE (private to you, 0600).
    #[arg(long, value_name = "FILE", group = "to")]
    pdf: Option<PathBuf>,
    /// Send it to the CUPS queue QUEUE [default: the office's print.queue].
    #[arg(long, value_name = "QUEUE", num_args = 0..=1, default_missing_value = "", group = "to")]
    lp: Option<String>,
    /// Send it to your own printer through your terminal (ESC [5i … ESC [4i); turn it on
    /// with print.terminal = true in ~/.config/kense/clerk.toml; refused under tmux, mosh.
    #[arg(long, group = "to")]
    terminal: bool,
    /// Copies (--lp, --terminal).
    #[arg(long, value_name = "N", default_value_t = 1,
          value_parser = clap::value_parser!(u32).range(1..=99))]
    copies: u32,
    /// The paper's language; a Kazakh paper carries the Russian title too.
    #[arg(long, value_name = "LANG", value_parser = lang_parser(), default_value = "ru")]
    lang: PaperLang,
    /// Print a JSON object.
    #[arg(long)]
    json: bool,
}

fn kind_parser() -> impl TypedValueParser<Value = PaperKind> {
    PossibleValuesParser::new(PaperKind::ALL.map(PaperKind::name))
        .try_map(|name| name.parse::<PaperKind>())
}

fn lang_parser() -> impl TypedValueParser<Value = PaperLang> {
    PossibleValuesParser::new(["ru", "kk"]).map(|name| match name.as_str() {
        "kk" => PaperLang::Kk,
        _ => PaperLang::Ru,
    })
}

/// The delivery the options and the settings choose: the flag given; else the clerk's
/// terminal when they turned it on; else the office's queue when it has one; else a PDF
/// file in the current directory named by the paper's kind and the time (not its subject,
/// which may be an IIN).
fn choose(
    args: &PrintArgs,
    settings: &Settings,
    clerk: &ClerkPrefs,
    clock: &Clock,
) -> Result<Delivery, DeliveryError> {
    if let Some(path) = &args.pdf {
        return Ok(Delivery::Pdf(path.clone()));
    }
    if let Some(queue) = &args.lp {
        let queue = match queue.trim() {
            "" => settings.print.queue.clone().ok_or(DeliveryError::NoQueue)?,
            q => q.to_string(),
        };
        return Ok(Delivery::Lp { queue });
    }
    if args.terminal || clerk.print.terminal {
        return Ok(Delivery::Terminal);
    }
    if let Some(queue) = &settings.print.queue {
        return Ok(Delivery::Lp {
            queue: queue.clone(),
        });
    }
    let stamp = clock.office_time().format("%Y%m%d-%H%M%S");
    Ok(Delivery::Pdf(PathBuf::from(format!(
        "kense-{}-{stamp}.pdf",
        args.kind.name()
    ))))
}

fn delivery_failed(err: &mut impl Write, e: &DeliveryError) -> ExitCode {
    let _ = writeln!(err, "kense: {e}");
    match e {
        DeliveryError::Write { .. }
        | DeliveryError::LpMissing(_)
        | DeliveryError::Lp { .. }
        | DeliveryError::TerminalWrite(_) => ExitCode::from(OUTPUT_FAILED),
        _ => ExitCode::from(2),
    }
}

/// `kense print`.
pub fn print(
    options: &RegisterOptions,
    args: PrintArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let settings = match Settings::load() {
        Ok(s) => s,
        Err(e) => return Ok(bad_input(err, &e.to_string())),
    };
    let clerk = match ClerkPrefs::load() {
        Ok(c) => c,
        Err(e) => return Ok(bad_input(err, &e)),
    };
    let clock = options.clock;
    let delivery = match choose(&args, &settings, &clerk, &clock) {
        Ok(d) => d,
        Err(e) => return Ok(delivery_failed(err, &e)),
    };
    if matches!(delivery, Delivery::Pdf(_)) && args.copies > 1 {
        return Ok(bad_input(
            err,
            "--copies: a PDF file is one copy; give --lp or --terminal to print several",
        ));
    }
    // The print is recorded in the audit log: the register must be writable, not created.
    let mut store = match open(options, false) {
        Ok(s) => s,
        Err(e) => return Ok(fail(err, &e)),
    };
    let request = papers::Request {
        kind: args.kind,
        subject: args.subject.clone(),
        lang: args.lang,
        head: None,
    };
    let rendered = match papers::render(&store, &settings, &request) {
        Ok(r) => r,
        Err(PaperError::Store(e)) => return Ok(fail(err, &e)),
        Err(e) => {
            let _ = writeln!(err, "kense: {e}");
            return Ok(ExitCode::from(match e {
                PaperError::NotFound(_) => super::NOTHING_FOUND,
                PaperError::BadSubject(_) => 2,
                PaperError::NotApplicable(_) => REFUSED,
                _ => OUTPUT_FAILED,
            }));
        }
    };
    let delivered = {
        let mut tty = if matches!(delivery, Delivery::Terminal) {
            if let Err(e) = papers::deliver::check_terminal(&clerk) {
                return Ok(delivery_failed(err, &e));
            }
            match std::fs::OpenOptions::new().write(true).open("/dev/tty") {
                Ok(tty) => Some(tty),
                Err(e) => return Ok(delivery_failed(err, &DeliveryError::NoTerminal(e))),
            }
        } else {
            None
        };
        let mut sink = io::sink();
        let terminal: &mut dyn Write = match tty.as_mut() {
            Some(tty) => tty,
            None => &mut sink,
        };
        let kind = rendered.kind.name();
        match papers::deliver::deliver(
            &rendered.bytes,
            args.copies,
            kind,
            &delivery,
            &clerk,
            terminal,
        ) {
            Ok(d) => d,
            Err(e) => return Ok(delivery_failed(err, &e)),
        }
    };
    let recorded = match papers::record(&mut store, &rendered, args.copies, &delivery) {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(
                err,
                "kense: the paper was delivered but its print is not recorded"
            );
            return Ok(fail(err, &e));
        }
    };
    // The insert's subject is an IIN: it is not repeated.
    let subject = if rendered.kind == PaperKind::Insert {
        String::new()
    } else {
        format!(" {}", rendered.subject)
    };
    let reprint = if rendered.reprint { ", reprint" } else { "" };
    let (to, detail) = match &delivered {
        Delivered::File(path) => ("pdf", path.display().to_string()),
        Delivered::Queued { queue, job } => (
            "lp",
            format!(
                "queue {queue}{}",
                job.as_ref().map(|j| format!(" ({j})")).unwrap_or_default()
            ),
        ),
        Delivered::Terminal { bytes } => ("terminal", format!("{bytes} bytes to the terminal")),
    };
    if args.json {
        write_json(
            out,
            &json!({
                "paper": rendered.kind.name(),
                "subject": if rendered.kind == PaperKind::Insert { None } else { Some(&rendered.subject) },
                "pages": rendered.pages,
                "sha256": rendered.sha256,
                "copy": recorded.first_copy,
                "copies": recorded.copies,
                "reprint": rendered.reprint,
                "delivery": to,
                "to": detail,
                "audit_id": recorded.audit_id,
            }),
        )?;
    } else {
        let copies = match recorded.copies {
            1 => format!("copy {}", recorded.first_copy),
            n => format!(
                "copies {}–{}",
                recorded.first_copy,
                recorded.first_copy + n - 1
            ),
        };
        writeln!(
            out,
            "{}{subject}: {detail} ({copies}{reprint})",
            rendered.kind.name()
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
