//! `kense formulary show`: a formulary by registration number, or by coupon (M-57).

use super::super::output::write_json;
use super::super::register::{fail, open_read};
use crate::cli::RegisterOptions;
use crate::domain::lifecycle::documents::DocumentStatus;
use crate::office::Clock;
use crate::store::numbers::parse_coupon;
use crate::store::{Correction, Record, Store, StoreError, office_time};
use serde_json::json;
use std::io::{self, Write};
use std::process::ExitCode;

pub(super) fn show(
    options: &RegisterOptions,
    number: &str,
    json: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let store = match open_read(options) {
        Ok(s) => s,
        Err(e) => return Ok(fail(err, &e)),
    };
    // A registration number has a hyphen; ten digits are a coupon (M-57).
    // A coupon may be typed with hyphens or spaces ("126-9506925"): a valid coupon wins,
    // since no registration number (4 + 7 digits) is ten digits.
    let by_coupon = parse_coupon(number).is_some()
        || (!number.contains('-') && number.chars().any(|c| c.is_ascii_digit()));
    if by_coupon {
        let found = match store.by_coupon(number) {
            Ok(found) => found,
            Err(e) => return Ok(fail(err, &e)),
        };
        let Some(found) = found else {
            return Ok(fail(
                err,
                &StoreError::NoFormulary {
                    number: number.into(),
                },
            ));
        };
        // A damaged or busy file is its own error (exit 3), not "no formulary".
        let record = match store.formulary(&found.number) {
            Ok(Some(record)) => record,
            Ok(None) => {
                return Ok(fail(
                    err,
                    &StoreError::NoFormulary {
                        number: found.number,
                    },
                ));
            }
            Err(e) => return Ok(fail(err, &e)),
        };
        let record = match with_reverse_side(&store, record) {
            Ok(record) => record,
            Err(e) => return Ok(fail(err, &e)),
        };
        let corrections = match store.corrections(&record.number) {
            Ok(c) => c,
            Err(e) => return Ok(fail(err, &e)),
        };
        if json {
            write_json(
                out,
                &json!({ "coupon_match": found, "record": record_json(&record, &corrections) }),
            )?;
        } else {
            // M-57: a document handed over is "issued", not "not ready".
            let ready = if found.ready {
                "ready to hand over"
            } else if found.state == crate::domain::lifecycle::State::Issued {
                "issued"
            } else {
                "not ready"
            };
            writeln!(out, "coupon {}: {ready}", found.coupon)?;
            write_record(out, &record, &corrections, &options.clock)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    match store.formulary(number) {
        Ok(Some(record)) => {
            let record = match with_reverse_side(&store, record) {
                Ok(record) => record,
                Err(e) => return Ok(fail(err, &e)),
            };
            let corrections = match corrections_of(&store, &record) {
                Ok(c) => c,
                Err(e) => return Ok(fail(err, &e)),
            };
            if json {
                write_json(out, &record_json(&record, &corrections))?;
            } else {
                write_record(out, &record, &corrections, &options.clock)?;
            }
        }
        Ok(None) => {
            return Ok(fail(
                err,
                &StoreError::NoFormulary {
                    number: number.into(),
                },
            ));
        }
        Err(e) => return Ok(fail(err, &e)),
    }
    Ok(ExitCode::SUCCESS)
}

fn corrections_of(store: &Store, record: &Record) -> Result<Vec<Correction>, StoreError> {
    store.corrections(&record.number)
}

/// A record as JSON: its fields, the state and legal moves the history leads to, and its
/// corrections (each with the JSON it replaced).
/// The record as shown: its reverse side with what the journal of conclusions wrote on it
/// (M-16).
fn with_reverse_side(store: &Store, mut record: Record) -> Result<Record, StoreError> {
    record.formulary.reverse_side = store.reverse_side(&record.number)?;
    Ok(record)
}

fn record_json(record: &Record, corrections: &[Correction]) -> serde_json::Value {
    let mut value = serde_json::to_value(record).unwrap_or_default();
    value["state"] = json!(record.lifecycle.state());
    value["moves"] = json!(record.lifecycle.moves());
    value["corrections"] = json!(corrections);
    value
}

pub(super) fn name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn write_record(
    out: &mut impl Write,
    r: &Record,
    corrections: &[Correction],
    clock: &Clock,
) -> io::Result<()> {
    let f = &r.formulary;
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let full_name = [text(&f.surname), text(&f.given_name), text(&f.patronymic)]
        .join(" ")
        .trim()
        .to_string();
    writeln!(out, "number        {}", r.number)?;
    writeln!(out, "coupon        {}", r.coupon)?;
    writeln!(out, "registered on {}", r.registered_on)?;
    writeln!(out, "state         {}", name(&r.lifecycle.state()))?;
    writeln!(out, "iin           {}", text(&f.iin))?;
    writeln!(out, "name          {full_name}")?;
    writeln!(out, "filling code  {}", text(&f.filling_code))?;
    writeln!(
        out,
        "document      {}",
        f.document.map(|d| name(&d)).unwrap_or_default()
    )?;
    writeln!(
        out,
        "district      {} {}",
        text(&f.region_code),
        text(&f.district_code)
    )?;
    // The reverse side, with what the journal of conclusions wrote on it (M-16).
    if !f.reverse_side.is_empty() {
        writeln!(out, "reverse side:")?;
        for note in &f.reverse_side {
            writeln!(out, "  {}", serde_json::to_string(note).unwrap_or_default())?;
        }
    }
    writeln!(out, "history:")?;
    for t in r.lifecycle.transitions() {
        let note = t
            .reason
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        let event = serde_json::to_string(&t.event).unwrap_or_default();
        writeln!(
            out,
            "  {}  {}  {} -> {}  {event}{note}",
            t.at.format("%Y-%m-%d %H:%M"),
            t.clerk,
            name(&t.from),
            name(&t.to)
        )?;
    }
    // Corrections change the data, not the state: listed with the history, each with
    // the SHA-256 of the data before and after (the earlier JSON is in --json).
    for c in corrections {
        writeln!(
            out,
            "  {}  {}  corrected (#{}): data {} -> {}",
            // Stored in UTC, shown in office time (issue 14), to the minute.
            office_time(clock, &c.at).get(..16).unwrap_or(&c.at),
            c.clerk,
            c.seq,
            c.old_sha256.get(..12).unwrap_or(&c.old_sha256),
            c.new_sha256.get(..12).unwrap_or(&c.new_sha256)
        )?;
    }
    writeln!(out, "documents:")?;
    for d in &r.documents {
        let status = match &d.status {
            DocumentStatus::Valid => "valid".to_string(),
            DocumentStatus::Invalid { reason, since } => {
                format!("invalid since {since}: {}", reason.text().en)
            }
        };
        writeln!(
            out,
            "  {} {} issued {}: {status}",
            name(&d.kind),
            d.number,
            d.issued_on
        )?;
    }
    let moves: Vec<String> = r.lifecycle.moves().iter().map(name).collect();
    writeln!(out, "moves now:    {}", moves.join(", "))
}
