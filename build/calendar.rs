//! `data/calendar.csv`: the public holidays and day-off transfers of Kazakhstan, checked
//! and turned into `OUT_DIR/calendar.rs` for `src/domain/calendar.rs`.
//!
//! A deadline counted on a wrong calendar is a wrong deadline, so everything that can be
//! checked without knowing the law is checked here, and a bad row stops the build with its
//! file and line.

use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

const FILE: &str = "calendar.csv";
const HEADER: [&str; 6] = [
    "date",
    "kind",
    "name_ru",
    "name_kk",
    "paired_date",
    "source",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Holiday,
    HolidayMoved,
    TransferDayOff,
    TransferWorkingDay,
}

impl Kind {
    fn parse(raw: &str) -> Option<Kind> {
        match raw {
            "holiday" => Some(Kind::Holiday),
            "holiday_moved" => Some(Kind::HolidayMoved),
            "transfer_day_off" => Some(Kind::TransferDayOff),
            "transfer_working_day" => Some(Kind::TransferWorkingDay),
            _ => None,
        }
    }

    fn variant(self) -> &'static str {
        match self {
            Kind::Holiday => "Holiday",
            Kind::HolidayMoved => "HolidayMoved",
            Kind::TransferDayOff => "TransferDayOff",
            Kind::TransferWorkingDay => "TransferWorkingDay",
        }
    }
}

struct Row {
    line: u64,
    date: NaiveDate,
    kind: Kind,
    name_ru: String,
    name_kk: String,
    paired: Option<NaiveDate>,
    source: String,
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// A date written exactly `YYYY-MM-DD`: chrono alone would also take `2025-3-8`.
fn date(raw: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .ok()
        .filter(|d| d.format("%Y-%m-%d").to_string() == raw)
        .ok_or_else(|| format!("{raw:?} is not a date YYYY-MM-DD"))
}

fn text(column: &str, raw: &str) -> Result<String, String> {
    if raw.trim().is_empty() {
        Err(format!("column {column} is empty"))
    } else {
        Ok(raw.to_string())
    }
}

fn parse_row(record: &csv::StringRecord) -> Result<Row, String> {
    let field = |i: usize| record.get(i).unwrap_or("");
    let kind = Kind::parse(field(1)).ok_or_else(|| {
        format!(
            "column kind {:?} is none of holiday, holiday_moved, transfer_day_off, \
             transfer_working_day",
            field(1)
        )
    })?;
    let paired = match (kind, field(4)) {
        (Kind::Holiday, "") => None,
        (Kind::Holiday, raw) => return Err(format!("a holiday has no paired_date, found {raw:?}")),
        (_, "") => return Err("column paired_date is empty".into()),
        (_, raw) => Some(date(raw).map_err(|e| format!("column paired_date {e}"))?),
    };
    Ok(Row {
        line: record.position().map_or(0, |p| p.line()),
        date: date(field(0)).map_err(|e| format!("column date {e}"))?,
        kind,
        name_ru: text("name_ru", field(2))?,
        name_kk: text("name_kk", field(3))?,
        paired,
        source: text("source", field(5))?,
    })
}

/// What the law makes of each kind of day, checked against the other rows.
fn check_row(row: &Row, by_date: &BTreeMap<NaiveDate, &Row>) -> Result<(), String> {
    let pair = row.paired.map(|d| (d, by_date.get(&d).map(|r| r.kind)));
    match (row.kind, pair) {
        (Kind::Holiday, _) => Ok(()),
        (Kind::HolidayMoved, _) if is_weekend(row.date) => {
            Err("a holiday moves to a weekday, not to a Saturday or Sunday".into())
        }
        (Kind::HolidayMoved, Some((from, Some(Kind::Holiday)))) if is_weekend(from) => Ok(()),
        (Kind::HolidayMoved, Some((from, _))) => Err(format!(
            "paired_date {from} is not a holiday on a Saturday or Sunday in this file"
        )),
        (Kind::TransferDayOff, _) if is_weekend(row.date) => {
            Err("a transfer_day_off is a weekday made a day off".into())
        }
        (Kind::TransferWorkingDay, _) if !is_weekend(row.date) => {
            Err("a transfer_working_day is a Saturday or Sunday made a working day".into())
        }
        (Kind::TransferDayOff, Some((other, Some(Kind::TransferWorkingDay))))
        | (Kind::TransferWorkingDay, Some((other, Some(Kind::TransferDayOff))))
            if by_date.get(&other).and_then(|r| r.paired) == Some(row.date) =>
        {
            Ok(())
        }
        (_, Some((other, _))) => Err(format!(
            "paired_date {other} is not the other half of this transfer (a row of the \
             opposite transfer kind pointing back here)"
        )),
        (_, None) => Err("column paired_date is empty".into()),
    }
}

fn read(path: &Path) -> Result<Vec<Row>, String> {
    let at = |e: String| format!("{}: {e}", path.display());
    let mut reader = csv::Reader::from_path(path).map_err(|e| at(e.to_string()))?;
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| at(e.to_string()))?
        .iter()
        .map(str::to_string)
        .collect();
    if header != HEADER {
        return Err(at(format!("header is {header:?}, expected {HEADER:?}")));
    }
    let mut rows: Vec<Row> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| at(e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        let row = parse_row(&record).map_err(|e| format!("{}:{line}: {e}", path.display()))?;
        if let Some(same) = rows.iter().find(|r| r.date == row.date) {
            return Err(format!(
                "{}:{line}: date {} already on line {}",
                path.display(),
                row.date,
                same.line
            ));
        }
        if let Some(last) = rows.last().filter(|r| r.date > row.date) {
            return Err(format!(
                "{}:{line}: date {} comes after {} (line {}): keep the file in date order",
                path.display(),
                row.date,
                last.date,
                last.line
            ));
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Checks `data/calendar.csv` and returns the Rust source of `OUT_DIR/calendar.rs`.
pub fn generate(data: &Path) -> Result<String, String> {
    let path = data.join(FILE);
    println!("cargo:rerun-if-changed={}", path.display());
    let rows = read(&path)?;
    let by_date: BTreeMap<NaiveDate, &Row> = rows.iter().map(|r| (r.date, r)).collect();
    for row in &rows {
        check_row(row, &by_date).map_err(|e| format!("{}:{}: {e}", path.display(), row.line))?;
    }
    // The covered years are those of the file; a year in between without its holidays
    // would be counted as all working days, so it is an error, not a gap.
    let years: BTreeSet<i32> = rows
        .iter()
        .filter(|r| r.kind == Kind::Holiday)
        .map(|r| r.date.year())
        .collect();
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return Err(format!("{}: no holiday rows", path.display()));
    };
    if let Some(missing) = (first..=last).find(|y| !years.contains(y)) {
        return Err(format!(
            "{}: no holidays for {missing}, between {first} and {last}",
            path.display()
        ));
    }
    let mut out = String::from("// Generated by build.rs from data/calendar.csv. Do not edit.\n");
    writeln!(out, "pub(super) const FIRST_YEAR: i32 = {first};").ok();
    writeln!(out, "pub(super) const LAST_YEAR: i32 = {last};").ok();
    writeln!(out, "pub(super) static DAYS: &[CalendarDay] = &[").ok();
    for row in &rows {
        let ymd = |d: NaiveDate| format!("ymd({}, {}, {})", d.year(), d.month(), d.day());
        let paired = row
            .paired
            .map_or_else(|| "None".to_string(), |d| format!("Some({})", ymd(d)));
        writeln!(
            out,
            "    CalendarDay {{ date: {}, kind: DayKind::{}, name_ru: {:?}, name_kk: {:?}, \
             paired_date: {paired}, source: {:?} }},",
            ymd(row.date),
            row.kind.variant(),
            row.name_ru,
            row.name_kk,
            row.source
        )
        .ok();
    }
    writeln!(out, "];").ok();
    Ok(out)
}
