//! `kense register`: search the register, a page at a time; and `kense report day`.

use super::output::{Record, csv_cell, write_json, write_table};
use super::register::{bad_input, fail, open_read, today};
use super::stdin::value_or_line;
use crate::cli::RegisterOptions;
use crate::codes;
use crate::domain::iin::Iin;
use crate::domain::lifecycle::State;
use crate::domain::text::{self, limit};
use crate::office::Clock;
use crate::store::numbers::parse_coupon;
use crate::store::{Cursor, DaySummary, Query, RegisterRow, office_time};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use std::io::{self, Write};
use std::process::ExitCode;

/// Exit status when nothing matches.
const NOTHING_FOUND: u8 = 1;

#[derive(Debug, Clone, Copy, Args)]
#[group(multiple = false)]
pub struct TableFormat {
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// Print comma-separated values with a header row.
    #[arg(long)]
    csv: bool,
}

/// `kense register`: every filter given must match. Newest first; with --name, in the
/// order of the folded surname (then given name), so an index serves every page.
#[derive(Debug, Args)]
#[command(after_help = super::EXIT_STATUS)]
pub struct RegisterArgs {
    /// The IIN, exactly; `-` reads it from standard input (kept out of `ps` and history).
    #[arg(long, value_name = "IIN")]
    iin: Option<String>,
    /// The start of the surname or the given name, any case ("ақж" finds "АҚЖОЛОВА");
    /// two words: surname, then given name; `-` reads it from standard input.
    #[arg(long, value_name = "TEXT")]
    name: Option<String>,
    /// The registration number, exactly.
    #[arg(long, value_name = "YYYY-NNNNNNN")]
    number: Option<String>,
    /// The coupon number (M-57); `-` reads it from standard input.
    #[arg(long, value_name = "COUPON")]
    coupon: Option<String>,
    /// The state: draft, registered, under_verification, sent, returned, manufactured,
    /// issued, cancelled, spoiled, destroyed.
    #[arg(long, value_name = "STATE", value_parser = state)]
    status: Option<State>,
    /// The filling code (M-31).
    #[arg(long, value_name = "CODE")]
    code: Option<String>,
    /// The region code (M-App2).
    #[arg(long, value_name = "CODE")]
    region: Option<String>,
    /// The district code (M-App2).
    #[arg(long, value_name = "CODE")]
    district: Option<String>,
    /// Registered on or after this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: Option<NaiveDate>,
    /// Registered on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<NaiveDate>,
    /// Rows per page (at most 1000).
    #[arg(long, value_name = "N", default_value_t = crate::store::DEFAULT_LIMIT)]
    limit: usize,
    /// Start after this cursor: the one the previous page printed.
    #[arg(long, value_name = "CURSOR")]
    after: Option<Cursor>,
    #[command(flatten)]
    format: TableFormat,
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// The day's summary: the formularies registered that day counted by status, filling
    /// code, district and clerk, and their list. --csv prints the counts as
    /// group,key,count (the list: `kense register --from D --to D --csv`).
    #[command(after_help = super::EXIT_STATUS)]
    Day {
        /// The day [default: today].
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
        #[command(flatten)]
        format: TableFormat,
    },
}

fn state(name: &str) -> Result<State, String> {
    serde_json::from_value(serde_json::Value::String(name.trim().to_string()))
        .map_err(|_| format!("unknown state {name:?} (see --help)"))
}

fn key<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn row_record(r: &RegisterRow) -> Record {
    vec![
        ("number", r.number.clone()),
        ("registered_on", r.registered_on.to_string()),
        ("status", key(&r.status)),
        ("filling_code", r.filling_code.clone()),
        ("iin", r.iin.clone()),
        ("surname", r.surname.clone()),
        ("given_name", r.given_name.clone()),
        ("patronymic", r.patronymic.clone().unwrap_or_default()),
    ]
}

fn write_csv(out: &mut impl Write, header: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(row.iter().map(|cell| csv_cell(cell).into_owned()))?;
    }
    writer.flush()
}

fn write_rows(out: &mut impl Write, csv: bool, rows: &[RegisterRow]) -> io::Result<()> {
    let records: Vec<Record> = rows.iter().map(row_record).collect();
    if csv {
        let header: Vec<&str> = row_record(&placeholder()).iter().map(|(h, _)| *h).collect();
        let values: Vec<Vec<String>> = records
            .into_iter()
            .map(|r| r.into_iter().map(|(_, v)| v).collect())
            .collect();
        write_csv(out, &header, &values)
    } else {
        write_table(out, &records)
    }
}

/// A row only to name the columns of an empty CSV.
fn placeholder() -> RegisterRow {
    RegisterRow {
        number: String::new(),
        registered_on: NaiveDate::MIN,
        surname: String::new(),
        given_name: String::new(),
        patronymic: None,
        iin: String::new(),
        filling_code: String::new(),
        status: State::Draft,
    }
}

/// `kense register`; flushes `out`.
pub fn register(
    options: &RegisterOptions,
    args: RegisterArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    if !(1..=crate::store::MAX_LIMIT).contains(&args.limit) {
        return Ok(bad_input(err, "--limit must be 1 to 1000"));
    }
    let format = args.format;
    let query = match filters(args) {
        Ok(query) => query,
        Err(problem) => return Ok(bad_input(err, &problem)),
    };
    let page = match open_read(options).and_then(|s| s.search(&query)) {
        Ok(page) => page,
        Err(e) => return Ok(fail(err, &e)),
    };
    if format.json {
        write_json(out, &page)?;
    } else {
        write_rows(out, format.csv, &page.rows)?;
    }
    out.flush()?;
    if let Some(next) = page.next {
        let _ = writeln!(err, "kense: more rows: --after {next}");
    }
    if page.rows.is_empty() {
        let _ = writeln!(err, "kense: nothing matches");
        return Ok(ExitCode::from(NOTHING_FOUND));
    }
    Ok(ExitCode::SUCCESS)
}

/// The filters as the register reads them, or which one can match nothing and why (exit
/// 2): an IIN that is not one, a code of no directory, a span that ends before it starts
/// would otherwise come back as "nothing matches", as if the register had been searched.
/// Codes are taken as clerks type them: "8" is filling code 08, "53" district 053.
fn filters(mut args: RegisterArgs) -> Result<Query, String> {
    // Issue 15: `-` reads the filter from standard input (not in `ps` nor in history).
    let (mut input, mut taken) = (std::io::stdin().lock(), false);
    args.iin = value_or_line("--iin", args.iin.take(), &mut input, &mut taken)?;
    args.name = value_or_line("--name", args.name.take(), &mut input, &mut taken)?;
    args.coupon = value_or_line("--coupon", args.coupon.take(), &mut input, &mut taken)?;
    // Issue 15: a filter is text typed like any other: printable, within its limit.
    for (flag, value, max) in [
        ("--iin", &args.iin, limit::NUMBER),
        ("--name", &args.name, limit::NAME),
        ("--number", &args.number, limit::NUMBER),
        ("--coupon", &args.coupon, limit::NUMBER),
        ("--code", &args.code, limit::NUMBER),
        ("--region", &args.region, limit::NUMBER),
        ("--district", &args.district, limit::NUMBER),
    ] {
        if let Some(value) = value {
            text::check(value, max).map_err(|problem| format!("{flag}: {problem}"))?;
        }
    }
    let iin = match args.iin.as_deref() {
        Some(text) => Some(
            Iin::parse(text)
                .map_err(|e| format!("--iin: {e}"))?
                .as_str()
                .to_string(),
        ),
        None => None,
    };
    let padded = |text: &str, width: usize| format!("{:0>width$}", text.trim());
    let filling_code = match args.code.as_deref() {
        Some(text) => {
            let code = padded(text, 2);
            if !codes::filling_codes().iter().any(|f| f.code == code) {
                return Err("--code: not a filling code of M-31 (00 to 18)".to_string());
            }
            Some(code)
        }
        None => None,
    };
    let region_code = match args.region.as_deref() {
        Some(text) => {
            let code = text.trim().to_string();
            if !codes::districts().iter().any(|d| d.region_code == code) {
                return Err(
                    "--region: not a region code of M-App2 (1902 to 1960, or 9999)".to_string(),
                );
            }
            Some(code)
        }
        None => None,
    };
    let district_code = match args.district.as_deref() {
        Some(text) => {
            let code = padded(text, 3);
            let known = codes::districts().iter().any(|d| {
                d.district_code == code && region_code.as_deref().is_none_or(|r| d.region_code == r)
            });
            if !known {
                return Err(match &region_code {
                    Some(region) => {
                        format!("--district: region {region} has no district {code} (M-App2)")
                    }
                    None => format!("--district: no region has a district {code} (M-App2)"),
                });
            }
            Some(code)
        }
        None => None,
    };
    // M-57: a coupon is found typed with spaces or hyphens; one whose check digit is wrong
    // is a typo, said as such (not repeated: it is the citizen's).
    if args
        .coupon
        .as_deref()
        .is_some_and(|c| parse_coupon(c).is_none())
    {
        return Err("--coupon: the check digit is wrong: a typo in the coupon (M-57)".into());
    }
    if let (Some(from), Some(to)) = (args.from, args.to)
        && from > to
    {
        return Err(format!(
            "--from {from} is after --to {to}: no day is in between"
        ));
    }
    Ok(Query {
        iin,
        name_prefix: args.name,
        number: args.number.map(|n| n.trim().to_string()),
        coupon: args.coupon,
        status: args.status,
        filling_code,
        region_code,
        district_code,
        from: args.from,
        to: args.to,
        limit: args.limit,
        after: args.after,
    })
}

/// `kense report day`; flushes `out`.
pub fn report(
    options: &RegisterOptions,
    command: ReportCommand,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let ReportCommand::Day { date, format } = command;
    let date = date.unwrap_or_else(|| today(options));
    let summary = match open_read(options).and_then(|s| s.day_summary(date)) {
        Ok(summary) => summary,
        Err(e) => return Ok(fail(err, &e)),
    };
    if format.json {
        write_json(out, &summary)?;
    } else if format.csv {
        write_csv(out, &["group", "key", "count"], &count_rows(&summary))?;
    } else {
        write_summary(out, &summary, &options.clock)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The counts as (group, key, count) rows, the total first.
fn count_rows(s: &DaySummary) -> Vec<Vec<String>> {
    let mut rows = vec![vec![
        "total".into(),
        s.date.to_string(),
        s.total.to_string(),
    ]];
    let status = s.by_status.iter().map(|(k, n)| (key(k), *n));
    let groups: [(&str, Vec<(String, u64)>); 4] = [
        ("status", status.collect()),
        (
            "filling_code",
            s.by_filling_code.clone().into_iter().collect(),
        ),
        ("district", s.by_district.clone().into_iter().collect()),
        ("clerk", s.by_clerk.clone().into_iter().collect()),
    ];
    for (group, counts) in groups {
        for (k, n) in counts {
            rows.push(vec![group.into(), k, n.to_string()]);
        }
    }
    rows
}

fn write_summary(out: &mut impl Write, s: &DaySummary, clock: &Clock) -> io::Result<()> {
    let closed = match &s.closed {
        Some(c) => format!(
            "closed at {} by {}",
            office_time(clock, &c.closed_at),
            c.clerk
        ),
        None => "open".to_string(),
    };
    writeln!(out, "day {}: {} formularies; {closed}", s.date, s.total)?;
    let rows = count_rows(s);
    for group in ["status", "filling_code", "district", "clerk"] {
        let line: Vec<String> = rows
            .iter()
            .filter(|r| r.first().is_some_and(|g| g == group))
            .map(|r| r[1..].join(" "))
            .collect();
        writeln!(out, "by {group}: {}", line.join(", "))?;
    }
    if !s.formularies.is_empty() {
        writeln!(out)?;
        write_rows(out, false, &s.formularies)?;
    }
    Ok(())
}
