//! `kense journal [--year Y]`: the journal of conclusions (M-16), line by line.

use super::output::{Record, write_json, write_table};
use super::register::{RegisterOptions, fail, open_read};
use clap::Args;
use std::io::{self, Write};
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct JournalArgs {
    /// Only this year's journal [default: every year].
    #[arg(long, value_name = "YYYY")]
    year: Option<i32>,
    /// Print a JSON array.
    #[arg(long)]
    json: bool,
}

/// Prints the journal; exit 1 when it has no line (for that year).
pub fn journal(
    options: &RegisterOptions,
    args: JournalArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let lines = match open_read(options).and_then(|s| s.journal(args.year)) {
        Ok(lines) => lines,
        Err(e) => return Ok(fail(err, &e)),
    };
    if args.json {
        write_json(out, &lines)?;
    } else {
        let rows: Vec<Record> = lines
            .iter()
            .map(|l| {
                vec![
                    ("year", l.year.to_string()),
                    ("line", l.line.to_string()),
                    ("number", l.number.clone()),
                    ("date", l.date.clone()),
                    ("outcome", l.outcome.clone()),
                    ("formulary", l.formulary.clone()),
                    ("clerk", l.clerk.clone()),
                    ("approver", l.approver.clone().unwrap_or_default()),
                    (
                        "protocol",
                        match (&l.protocol_number, &l.protocol_date) {
                            (Some(n), Some(d)) => format!("{n} of {d}"),
                            (Some(n), None) => n.clone(),
                            _ => String::new(),
                        },
                    ),
                ]
            })
            .collect();
        write_table(out, &rows)?;
    }
    out.flush()?;
    if lines.is_empty() {
        let _ = writeln!(err, "kense: the journal of conclusions has no line");
        return Ok(ExitCode::from(super::NOTHING_FOUND));
    }
    Ok(ExitCode::SUCCESS)
}
