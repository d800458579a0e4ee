//! `kense day show` and `kense queue` (issue 12): the day's review and the work queue.

use super::output::write_json;
use super::register::{DayCommand, RegisterOptions, fail, open_read};
use super::search::{TableFormat, key, write_csv};
use crate::domain::day::DayBalance;
use crate::domain::queue::{OfficeTerms, QueueItem};
use crate::office::Settings;
use crate::store::DayReview;
use chrono::NaiveDate;
use std::io::{self, Write};
use std::process::ExitCode;

/// Exit status when the office's settings are not valid (as for the clock's, issue 14).
const SETTINGS_FAILED: u8 = 2;

/// The office's settings, or the exit status after saying why not.
fn settings(err: &mut impl Write) -> Result<Settings, ExitCode> {
    Settings::load().map_err(|e| {
        let _ = writeln!(err, "kense: {e}");
        ExitCode::from(SETTINGS_FAILED)
    })
}

/// `kense day close`, `sign` and `show`.
pub fn day(
    options: &RegisterOptions,
    command: DayCommand,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    match command {
        DayCommand::Close { date, sign, json } => {
            super::sign::close(options, date, sign.as_deref(), json, out, err)
        }
        DayCommand::Sign {
            date, key, json, ..
        } => super::sign::sign(options, date, key.as_deref(), json, out, err),
        DayCommand::Show { date, format } => show(options, date, format, out, err),
    }
}

/// `kense day show`; flushes `out`.
pub fn show(
    options: &RegisterOptions,
    date: Option<NaiveDate>,
    format: TableFormat,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    // The command's office clock (issue 14).
    let today = options.clock.today();
    let date = date.unwrap_or(today);
    // Issue 15: whether the close is signed, and by whom (text only).
    let found =
        open_read(options).and_then(|s| Ok((s.day_review(date, today)?, s.day_signature(date)?)));
    let (review, signature) = match found {
        Ok(found) => found,
        Err(e) => return Ok(fail(err, &e)),
    };
    if format.json {
        write_json(out, &review)?;
    } else if format.csv {
        write_csv(
            out,
            &["line", "start", "came", "left", "end"],
            &balance_rows(&review.balance),
        )?;
    } else {
        write_review(out, &review)?;
        if let Some(s) = signature {
            writeln!(out, "close signed by {} with {}", s.clerk, s.fingerprint)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The balance as CSV rows: one per state, then the office's.
fn balance_rows(b: &DayBalance) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = b
        .by_state
        .iter()
        .map(|l| {
            vec![
                key(&l.state),
                l.start.to_string(),
                l.came.to_string(),
                l.left.to_string(),
                l.end.to_string(),
            ]
        })
        .collect();
    let o = &b.office;
    rows.push(vec![
        "in_office".into(),
        o.start.to_string(),
        (o.registered + o.returned + o.manufactured).to_string(),
        (o.sent + o.issued + o.destroyed).to_string(),
        o.end.to_string(),
    ]);
    rows
}

fn write_review(out: &mut impl Write, r: &DayReview) -> io::Result<()> {
    let s = &r.summary;
    let closed = match &s.closed {
        Some(c) => format!("closed at {} by {}", c.closed_at, c.clerk),
        None => "open".to_string(),
    };
    writeln!(out, "day {}: {closed}", s.date)?;
    if !r.open_before.is_empty() {
        let days: Vec<String> = r.open_before.iter().map(ToString::to_string).collect();
        writeln!(out, "earlier days still open: {}", days.join(", "))?;
    }
    // The same line as the day screen's, in the catalogue's English.
    writeln!(
        out,
        "in the office: {}",
        crate::i18n::day::office_line(crate::domain::Lang::En, &r.balance.office)
    )?;
    if !r.balance.reconciled {
        writeln!(out, "THE COUNTS DO NOT RECONCILE: run `kense audit verify`")?;
    }
    writeln!(out, "state               start  came  left   end")?;
    for l in r
        .balance
        .by_state
        .iter()
        .filter(|l| l.start + l.came + l.end > 0)
    {
        writeln!(
            out,
            "{:<18} {:>6} {:>5} {:>5} {:>5}",
            key(&l.state),
            l.start,
            l.came,
            l.left,
            l.end
        )?;
    }
    writeln!(out, "registered: {}", s.total)?;
    for f in &s.formularies {
        writeln!(out, "  {} {} {}", f.number, f.filling_code, key(&f.status))?;
    }
    let counts = |map: &std::collections::BTreeMap<String, u64>,
                  names: &std::collections::BTreeMap<String, String>| {
        map.iter()
            .map(|(k, n)| match names.get(k) {
                Some(name) => format!("{k} ({name}) {n}"),
                None => format!("{k} {n}"),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let none = std::collections::BTreeMap::new();
    writeln!(
        out,
        "by filling code: {}",
        counts(&s.by_filling_code, &none)
    )?;
    writeln!(
        out,
        "by district: {}",
        counts(&s.by_district, &r.district_names)
    )?;
    writeln!(out, "by clerk: {}", counts(&s.by_clerk, &r.clerk_names))?;
    writeln!(out, "moves: {}", r.moves.len())?;
    for m in &r.moves {
        writeln!(
            out,
            "  {} {} {} {} {} → {}",
            m.at.get(11..16).unwrap_or_default(),
            m.clerk,
            key(&m.kind),
            m.number,
            key(&m.from),
            key(&m.to)
        )?;
    }
    Ok(())
}

/// `kense queue`; flushes `out`.
pub fn queue(
    options: &RegisterOptions,
    limit: u32,
    format: TableFormat,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let settings = match settings(err) {
        Ok(settings) => settings,
        Err(code) => return Ok(code),
    };
    let clock = options.clock;
    let terms = OfficeTerms {
        sent_back_within: settings.queue.sent_back_within_working_days,
    };
    let found = open_read(options).and_then(|s| s.work_queue(clock.today(), terms, limit));
    let queue = match found {
        Ok(queue) => queue,
        Err(e) => return Ok(fail(err, &e)),
    };
    if format.json {
        write_json(out, &queue)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<Vec<String>> = queue.items.iter().map(queue_row).collect();
    if format.csv {
        let header = [
            "overdue",
            "kind",
            "rule",
            "subject",
            "since",
            "due",
            "days_waiting",
        ];
        write_csv(out, &header, &rows)?;
    } else {
        let total: u64 = queue.waiting.values().sum();
        writeln!(
            out,
            "{} {total} waiting, {} overdue",
            queue.today, queue.overdue
        )?;
        for (kind, n) in &queue.waiting {
            writeln!(out, "  {:<16} {n}", key(kind))?;
        }
        for r in &rows {
            writeln!(
                out,
                "{:<7} {:<16} {:<6} {:<12} since {} due {:<10} {} days",
                if r[0] == "true" { "OVERDUE" } else { "" },
                r[1],
                r[2],
                r[3],
                r[4],
                if r[5].is_empty() { "—" } else { &r[5] },
                r[6]
            )?;
        }
    }
    // Past the limit: say so, and how to see more.
    let shown = u64::try_from(queue.items.len()).unwrap_or(u64::MAX);
    let total: u64 = queue.waiting.values().sum();
    if shown < total {
        let _ = writeln!(
            err,
            "kense: {} more not shown (the {limit} longest waiting of each kind are): --limit N",
            total - shown
        );
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn queue_row(i: &QueueItem) -> Vec<String> {
    vec![
        i.overdue.to_string(),
        key(&i.kind),
        i.rule.to_string(),
        i.subject.clone(),
        i.since.to_string(),
        i.due.map(|d| d.to_string()).unwrap_or_default(),
        i.days_waiting.to_string(),
    ]
}
