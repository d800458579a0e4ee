//! How `kense dsn` prints: plain lines for reading, JSON, CSV.

use super::{Common, Lang, REFUSED_OR_MALFORMED};
use crate::cli::output::{Record, csv_cell, write_json, write_table};
use crate::domain::calendar;
use crate::domain::dsn::{self, Report};
use crate::domain::formulary::Violation;
use crate::store::dsn::{DsnCodeNames, ListedApplication, ListedRow};
use serde_json::json;
use std::io::{self, Write};
use std::process::ExitCode;

/// `kense dsn decode`. `names` gives the register's names of a decoded code (issue 11:
/// the taxpayer of facet 3, the product of the whole code, shown as facets 3 and 5's
/// names), or `None` without a register.
pub(super) fn decode(
    code: &str,
    common: Common,
    names: impl FnOnce(&dsn::DsnCode) -> Option<DsnCodeNames>,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let lang = common.lang;
    match dsn::decode(code) {
        Ok(decoded) => {
            let facets = decoded.facets();
            let names = names(&decoded.code).unwrap_or_default();
            if common.json {
                write_json(
                    out,
                    &json!({
                        "code": decoded.code,
                        "code_facets": decoded.code.format_facets(),
                        "valid": true,
                        "facets": facets,
                        "register": names,
                    }),
                )?;
            } else {
                writeln!(out, "{}  {}", decoded.code, decoded.code.format_facets())?;
                let rows: Vec<Record> = facets
                    .iter()
                    .map(|f| {
                        let name = match (f.name_kk, f.name_ru, f.facet) {
                            (Some(kk), Some(ru), _) if kk != ru => format!("{kk} / {ru}"),
                            (Some(kk), _, _) => kk.to_string(),
                            (None, _, dsn::Facet::Subject) => names
                                .subject
                                .as_ref()
                                .map(|s| format!("{} ({})", s.taxpayer, s.tin))
                                .unwrap_or_default(),
                            (None, _, dsn::Facet::Brand) => names
                                .product
                                .as_ref()
                                .map(|p| format!("{} ({})", p.name, p.spec))
                                .unwrap_or_default(),
                            _ => String::new(),
                        };
                        let marked = if f.marked { " *" } else { "" };
                        vec![
                            ("facet", f.facet.number().to_string()),
                            ("what", f.facet.name().get(lang).to_string()),
                            ("code", f.code.clone()),
                            ("name", format!("{name}{marked}")),
                        ]
                    })
                    .collect();
                write_table(out, &rows)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            let text = error.text();
            if common.json {
                write_json(
                    out,
                    &json!({
                        "code": code,
                        "valid": false,
                        "facet": error.facet(),
                        "error": error,
                        "reason": text,
                    }),
                )?;
            } else {
                writeln!(out, "{}: not a DSN code: {}", code.trim(), text.get(lang))?;
            }
            Ok(ExitCode::from(REFUSED_OR_MALFORMED))
        }
    }
}

fn violation_line(v: &Violation, lang: Lang) -> String {
    format!("{} [{}]: {}", v.field, v.rule, v.message.get(lang))
}

/// An application that did not pass validation: each problem on `err`, one line each
/// (`error FIELD [RULE]: message`); with `--json` also the report on `out` (`valid: false`,
/// `errors`, `warnings`), as `decode --json` prints a code that is not valid, for a script
/// to read.
pub(super) fn invalid(
    report: &Report,
    common: Common,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<()> {
    if common.json {
        write_json(
            out,
            &json!({
                "valid": false,
                "errors": report.errors,
                "warnings": report.warnings,
            }),
        )?;
        out.flush()?;
    }
    // Nobody to tell when stderr is gone; the exit status still says it.
    for v in &report.errors {
        let _ = writeln!(err, "error {}", violation_line(v, common.lang));
    }
    for v in &report.warnings {
        let _ = writeln!(err, "warning {}", violation_line(v, common.lang));
    }
    Ok(())
}

/// What one row came to, on one line.
fn outcome(row: &ListedRow, lang: Lang) -> String {
    match (&row.code, &row.ground) {
        (Some(code), _) => format!("assigned {} ({code})", code.format_facets()),
        (None, Some(ground)) => {
            let reason = row.reason.as_ref().map(|t| t.get(lang)).unwrap_or("");
            format!("refused under {ground}: {reason}")
        }
        (None, None) => String::new(),
    }
}

/// What one row came to, without the ground's words: for the list.
fn short_outcome(row: &ListedRow) -> String {
    match (&row.code, &row.ground) {
        (Some(code), _) => code.format_facets(),
        (None, Some(ground)) => format!("refused {ground}"),
        (None, None) => String::new(),
    }
}

/// A registered application: its terms, then each row's outcome.
pub(super) fn applied(
    app: &ListedApplication,
    report: &Report,
    common: Common,
    out: &mut impl Write,
) -> io::Result<()> {
    if common.json {
        let mut value = serde_json::to_value(app).map_err(io::Error::other)?;
        if let Some(object) = value.as_object_mut() {
            object.insert("warnings".into(), json!(report.warnings));
            object.insert("due_unconfirmed".into(), json!(unconfirmed_dates(app)));
        }
        return write_json(out, &value);
    }
    writeln!(
        out,
        "application {}: {} {} {} ({})",
        app.id,
        app.id_kind.to_uppercase(),
        app.bin,
        app.taxpayer,
        app.subject_type
    )?;
    writeln!(
        out,
        "received {}; registered {}; result due {}{}",
        app.received_at,
        app.registered_on,
        app.due_on,
        unconfirmed_suffix(app, common.lang)
    )?;
    for v in &report.warnings {
        writeln!(out, "warning {}", violation_line(v, common.lang))?;
    }
    let rows: Vec<Record> = app
        .products
        .iter()
        .map(|row| {
            vec![
                ("row", row.row.to_string()),
                ("type", row.product_type.to_string()),
                ("name", row.name.clone()),
                ("outcome", outcome(row, common.lang)),
            ]
        })
        .collect();
    write_table(out, &rows)
}

/// The CSV columns of `list --csv`, one line per product row.
const CSV_HEADER: [&str; 17] = [
    "application",
    "received_at",
    "registered_on",
    "due_on",
    "handed_over_on",
    "overdue",
    "bin",
    "id_kind",
    "taxpayer",
    "subject_type",
    "row",
    "type",
    "name",
    "spec",
    "code",
    "refusal_ground",
    "existing_code",
];

/// `kense dsn list`.
pub(super) fn list(
    apps: &[ListedApplication],
    json: bool,
    csv: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    if json {
        return write_json(out, &apps);
    }
    let text = |d: Option<String>| d.unwrap_or_default();
    if csv {
        let mut writer = csv::Writer::from_writer(&mut *out);
        writer.write_record(CSV_HEADER)?;
        for app in apps {
            for row in &app.products {
                writer.write_record(
                    [
                        app.id.to_string(),
                        app.received_at.clone(),
                        app.registered_on.to_string(),
                        app.due_on.to_string(),
                        text(app.handed_over_on.map(|d| d.to_string())),
                        app.overdue.to_string(),
                        app.bin.clone(),
                        app.id_kind.clone(),
                        app.taxpayer.clone(),
                        app.subject_type.clone(),
                        row.row.to_string(),
                        row.product_type.to_string(),
                        row.name.clone(),
                        row.spec.clone(),
                        text(row.code.map(|c| c.to_string())),
                        text(row.ground.map(str::to_string)),
                        text(row.existing_code.map(|c| c.to_string())),
                    ]
                    .map(|cell| csv_cell(&cell).into_owned()),
                )?;
            }
        }
        return writer.flush();
    }
    let rows: Vec<Record> = apps
        .iter()
        .flat_map(|app| {
            app.products.iter().map(move |row| {
                let status = match (app.handed_over_on, app.overdue) {
                    (Some(on), _) => format!("handed over {on}"),
                    (None, true) => "OVERDUE".to_string(),
                    (None, false) => String::new(),
                };
                vec![
                    ("application", app.id.to_string()),
                    ("registered_on", app.registered_on.to_string()),
                    ("due_on", format!("{}{}", app.due_on, unconfirmed_mark(app))),
                    ("bin", app.bin.clone()),
                    ("row", row.row.to_string()),
                    ("type", row.product_type.to_string()),
                    ("name", row.name.clone()),
                    ("outcome", short_outcome(row)),
                    ("status", status),
                ]
            })
        })
        .collect();
    write_table(out, &rows)
}

/// The holidays not yet confirmed that the application's due date is counted over
/// (issue 14: the 2027 Kurban Ait), as dates.
fn unconfirmed_dates(app: &ListedApplication) -> Vec<String> {
    calendar::unconfirmed_between(app.registered_on, app.due_on)
        .iter()
        .map(|d| d.date.to_string())
        .collect()
}

/// " (counted over a holiday not yet confirmed: …)" after a due date that crosses one.
fn unconfirmed_suffix(app: &ListedApplication, lang: Lang) -> String {
    calendar::unconfirmed_note(app.registered_on, app.due_on).map_or_else(String::new, |t| {
        let text = match lang {
            Lang::Ru => t.ru,
            Lang::Kk => t.kk,
            Lang::En => t.en,
        };
        format!(" ({text})")
    })
}

/// `?` after a due date in the list's table that crosses an unconfirmed holiday.
fn unconfirmed_mark(app: &ListedApplication) -> &'static str {
    if unconfirmed_dates(app).is_empty() {
        ""
    } else {
        " ?unconfirmed"
    }
}
