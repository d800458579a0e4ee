//! `kense demo`: fills the register with synthetic formularies, for a first look at a
//! populated workstation and for the benchmarks (`docs/BENCHMARKS.md`).

use super::output::write_json;
use super::register::{bad_input, fail, open};
use crate::cli::RegisterOptions;
use crate::store::demo::{DemoProblem, FIRST_DAY};
use crate::store::{DemoOptions, DemoOutcome};
use chrono::{Duration, NaiveDateTime};
use clap::Args;
use std::io::{self, Write};
use std::process::ExitCode;
use std::time::Instant;

/// Exit status when the register refuses the demo: it holds real formularies and --force
/// was not given, a year's registration numbers or IIN serials would run out.
const REFUSED: u8 = 4;

/// --days when not given: three years, or back to [`FIRST_DAY`] when that is nearer.
const DEFAULT_DAYS: u32 = 3 * 365;

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
    /// Spread the registrations over this many days up to --now, back to 2021-08-03 (order
    /// No. 451) at most [default: 1095, or back to 2021-08-03 when that is nearer].
    #[arg(long, value_name = "N")]
    days: Option<u32>,
    /// The demo's clock, YYYY-MM-DDTHH:MM:SS, from 2021-08-03 on [default: now]: nothing
    /// is dated after it.
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
    let clock = options.clock.office_time();
    let now = args.now.unwrap_or(clock);
    if now > clock {
        return Ok(bad_input(err, &format!("--now {now} has not come yet")));
    }
    let max_days = DemoOptions::max_days(now.date());
    let demo = DemoOptions {
        count: args.count,
        seed: args.seed,
        now,
        days: args.days.unwrap_or(DEFAULT_DAYS.min(max_days)),
        force: args.force,
    };
    // Before the register is opened: arguments that cannot work create no file.
    if let Err(problem) = demo.check() {
        return Ok(bad_input(err, &unworkable(&problem)));
    }
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
        DemoOutcome::Unworkable(problem @ DemoProblem::NumbersRunOut { .. }) => {
            let _ = writeln!(err, "kense: {}; nothing was written", unworkable(&problem));
            return Ok(ExitCode::from(REFUSED));
        }
        DemoOutcome::Unworkable(problem) => {
            return Ok(bad_input(err, &unworkable(&problem)));
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
    if report.formularies < args.count {
        // Only when a birth date's IIN serials ran out (M-12.a): the rest is in, each whole.
        let _ = writeln!(
            err,
            "kense: only {} of the {} formularies asked for were written: the IIN serials \
             of their birth dates ran out (M-12.a)",
            report.formularies, args.count
        );
        return Ok(ExitCode::from(REFUSED));
    }
    Ok(ExitCode::SUCCESS)
}

/// What is wrong with the demo asked for, naming the option to change.
fn unworkable(problem: &DemoProblem) -> String {
    match problem {
        DemoProblem::Clock { now } => format!(
            "--now {} is out of range: the demo registers from {FIRST_DAY} (order No. 451) on",
            now.format("%Y-%m-%dT%H:%M:%S")
        ),
        DemoProblem::Days { days, last, max } => {
            let start = i64::from(*days)
                .checked_sub(1)
                .and_then(|d| last.checked_sub_signed(Duration::days(d)));
            let would = match start {
                Some(start) if *days > 0 => format!(" ({days} days would start on {start})"),
                _ => String::new(),
            };
            format!(
                "--days must be 1 to {max} with --now on {last}: the demo registers from \
                 {FIRST_DAY} (order No. 451) on{would}"
            )
        }
        DemoProblem::NoOpenDay { first, last } => format!(
            "--days: no day from {first} to {last} is open for registration (the demo \
             registers Monday to Saturday, not on a closed day, and on --now's own day from \
             10:00 only); give more --days or another --now"
        ),
        DemoProblem::NumbersRunOut { .. } => format!("--count: {problem}"),
    }
}
