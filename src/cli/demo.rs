//! `kense demo`: fills the register with synthetic formularies, for a first look at a
//! populated workstation and for the benchmarks (`docs/BENCHMARKS.md`).

use super::output::write_json;
use super::register::{bad_input, fail, open};
use crate::cli::RegisterOptions;
use crate::store::{DemoOptions, DemoOutcome};
use chrono::NaiveDateTime;
use clap::Args;
use std::io::{self, Write};
use std::process::ExitCode;
use std::time::Instant;

/// Exit status when the register holds real formularies and --force was not given.
const REFUSED: u8 = 4;

/// `kense demo`.
#[derive(Debug, Args)]
#[command(after_help = super::EXIT_STATUS)]
pub struct DemoArgs {
    /// How many formularies to write.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    count: u64,
    /// The generator's seed: the same seed and --now give the same register.
    #[arg(long, value_name = "N", default_value_t = 1)]
    seed: u64,
    /// Spread the registrations over this many days up to --now.
    #[arg(long, value_name = "N", default_value_t = 3 * 365)]
    days: u32,
    /// The demo's clock, YYYY-MM-DDTHH:MM:SS [default: now]: nothing is dated after it.
    #[arg(long, value_name = "DATETIME")]
    now: Option<NaiveDateTime>,
    /// Fill a register that already holds real formularies too.
    #[arg(long)]
    force: bool,
    /// Print a JSON object.
    #[arg(long)]
    json: bool,
}

/// `kense demo`: fills the register given by --db (created when missing).
pub fn demo(
    options: &RegisterOptions,
    args: DemoArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let clock = chrono::Local::now().naive_local();
    let now = args.now.unwrap_or(clock);
    if now > clock {
        return Ok(bad_input(err, &format!("--now {now} has not come yet")));
    }
    if args.days == 0 {
        return Ok(bad_input(err, "--days must be at least 1"));
    }
    let demo = DemoOptions {
        count: args.count,
        seed: args.seed,
        now,
        days: args.days,
        force: args.force,
    };
    let started = Instant::now();
    let outcome = match open(options, true).and_then(|mut s| s.fill_demo(&demo)) {
        Ok(outcome) => outcome,
        Err(e) => return Ok(fail(err, &e)),
    };
    let report = match outcome {
        DemoOutcome::Filled(report) => report,
        DemoOutcome::Refused { real_formularies } => {
            let _ = writeln!(
                err,
                "kense: the register holds {real_formularies} real formularies: a demo would \
                 mix invented people into it; use another --db, or --force"
            );
            return Ok(ExitCode::from(REFUSED));
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    let rate = report.formularies as f64 / seconds.max(1e-9);
    if args.json {
        let mut value = serde_json::to_value(&report).map_err(io::Error::other)?;
        value["seconds"] = serde_json::json!(seconds);
        value["per_second"] = serde_json::json!(rate.round());
        write_json(out, &value)?;
    } else {
        let span = match (report.first_day, report.last_day) {
            (Some(a), Some(b)) => format!(", registered {a} to {b}"),
            _ => String::new(),
        };
        writeln!(
            out,
            "{} demo formularies written{span}, {} days closed, {} audit entries, in {seconds:.2} s ({rate:.0}/s)",
            report.formularies, report.days_closed, report.audit_entries
        )?;
        for (state, n) in &report.by_status {
            writeln!(out, "  {:<20} {n}", state.text().en)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
