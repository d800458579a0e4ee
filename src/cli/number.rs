//! `kense iin check` and `kense bin check`: what a 12-digit number encodes, or why it is
//! not a valid number.

use super::output::{Record, write_json, write_table};
use crate::domain::iin::{Bin, EntityType, EntityUnit, Iin, NumberError};
use crate::domain::{Lang, Sex, Text};
use crate::i18n::number::{NumberWord as W, date_without_century, number_word as w};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use serde_json::{Value, json};
use std::io::{self, Write};
use std::process::ExitCode;

/// Exit status when the number is not valid.
const INVALID: u8 = 1;

#[derive(Debug, Subcommand)]
pub enum IinCommand {
    /// Check an IIN: print its birth date, sex and serial and exit 0, or print why it is
    /// not valid and exit 1.
    Check(NumberArgs),
    /// Generate a new IIN the register has never issued, and print it (M-12.a).
    ///
    /// The register takes the next free serial for the birth date and sex, records it with
    /// the clerk and the time, and writes it to the audit log.
    #[command(after_help = super::EXIT_STATUS)]
    Generate(super::register::GenerateArgs),
    /// M-12.a: the requests to the civil registry (РАГС) for birth records ИС ЗАГС did not
    /// have, not yet sent, the earliest due first (exit 1 when there is none).
    Requests {
        /// Print a JSON array.
        #[arg(long)]
        json: bool,
    },
    /// M-12.a: mark the request to РАГС for the birth record of IIN sent.
    #[command(after_help = super::EXIT_STATUS)]
    RequestSent {
        iin: String,
        /// The day it was sent [default: today].
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
    },
}

#[derive(Debug, Subcommand)]
pub enum BinCommand {
    /// Check a BIN: print its registration month, entity type, unit and serial and exit 0,
    /// or print why it is not valid and exit 1.
    Check(NumberArgs),
}

#[derive(Debug, Args)]
pub struct NumberArgs {
    /// The 12 digits; `-` reads them from standard input.
    number: String,
    /// Print a JSON object.
    #[arg(long)]
    json: bool,
    /// The language of the explanation.
    #[arg(long, value_name = "LANG", value_parser = super::lang_parser(), default_value = "en")]
    lang: Lang,
}

/// A value in three languages (a number's own digits, a date).
fn t(ru: &str, kk: &str, en: &str) -> Text {
    Text::new(ru, kk, en)
}

/// `today` is the office's (issue 14): a birth date after it is not yet an IIN's.
pub fn iin(args: NumberArgs, today: NaiveDate, out: &mut impl Write) -> io::Result<ExitCode> {
    check(&args, w(W::Iin), out, Iin::parse, |iin| {
        let sex = iin.sex();
        let sex_text = match sex {
            Some(Sex::Male) => w(W::Male),
            Some(Sex::Female) => w(W::Female),
            None => w(W::SexNotEncoded),
        };
        let digits = iin.as_str();
        let yymmdd = digits.get(..6).unwrap_or_default();
        // A foreign national's IIN (7th digit 0) has the date without its century.
        let birth = match iin.birth_date() {
            Some(date) => {
                let (iso, dotted) = (date.to_string(), date.format("%d.%m.%Y").to_string());
                t(&dotted, &dotted, &iso)
            }
            None => {
                let (yy, mm, dd) = (&yymmdd[..2], &yymmdd[2..4], &yymmdd[4..]);
                date_without_century(yy, mm, dd)
            }
        };
        let mut fields = vec![
            (
                "birth_date",
                w(W::BirthDate),
                birth,
                json!(iin.birth_date().map(|d| d.to_string())),
            ),
            (
                "birth_date_yymmdd",
                w(W::Yymmdd),
                t(yymmdd, yymmdd, yymmdd),
                json!(yymmdd),
            ),
            (
                "sex",
                w(W::Sex),
                sex_text,
                json!(sex.map(|s| if s == Sex::Male { "male" } else { "female" })),
            ),
            serial_field(format!("{:04}", iin.serial())),
        ];
        if iin.birth_date().is_some_and(|born| born > today) {
            fields.push((
                "warning",
                w(W::Warning),
                w(W::BirthInFuture),
                json!("birth_date_in_future"),
            ));
        }
        (digits.to_string(), fields)
    })
}

pub fn bin(command: BinCommand, out: &mut impl Write) -> io::Result<ExitCode> {
    let BinCommand::Check(args) = command;
    check(&args, w(W::Bin), out, Bin::parse, |bin| {
        let (year, month) = bin.registered();
        let registered = format!("{year:02}-{month:02}");
        let (entity_key, entity) = match bin.entity_type() {
            EntityType::ResidentLegalEntity => ("resident_legal_entity", w(W::ResidentLegalEntity)),
            EntityType::NonResidentLegalEntity => {
                ("non_resident_legal_entity", w(W::NonResidentLegalEntity))
            }
            EntityType::JointIndividualEntrepreneurship => (
                "joint_individual_entrepreneurship",
                w(W::JointEntrepreneurship),
            ),
        };
        let (unit_key, unit) = match bin.unit() {
            EntityUnit::HeadUnit => ("head_unit", w(W::HeadUnit)),
            EntityUnit::Branch => ("branch", w(W::Branch)),
            EntityUnit::RepresentativeOffice => {
                ("representative_office", w(W::RepresentativeOffice))
            }
            EntityUnit::PeasantFarm => ("peasant_farm", w(W::PeasantFarm)),
        };
        let serial: String = bin.as_str().chars().skip(6).take(5).collect();
        let fields = vec![
            (
                "registered",
                w(W::Registered),
                t(&registered, &registered, &registered),
                json!(registered),
            ),
            ("entity_type", w(W::EntityType), entity, json!(entity_key)),
            ("unit", w(W::Unit), unit, json!(unit_key)),
            serial_field(serial),
        ];
        (bin.as_str().to_string(), fields)
    })
}

/// One decoded part: JSON key, label, value for reading, value for JSON.
type Field = (&'static str, Text, Text, Value);

fn serial_field(serial: String) -> Field {
    (
        "serial",
        w(W::Serial),
        t(&serial, &serial, &serial),
        json!(serial),
    )
}

fn check<T>(
    args: &NumberArgs,
    name: Text,
    out: &mut impl Write,
    parse: impl Fn(&str) -> Result<T, NumberError>,
    decode: impl Fn(&T) -> (String, Vec<Field>),
) -> io::Result<ExitCode> {
    let lang = args.lang;
    // Issue 15: `-` reads the number from standard input (not in `ps` nor in history);
    // nothing readable there is an empty number, which the parser names.
    let typed = match args.number.as_str() {
        "-" => super::stdin::value_or_line(
            "NUMBER",
            Some("-".into()),
            &mut io::stdin().lock(),
            &mut false,
        )
        .ok()
        .flatten()
        .unwrap_or_default(),
        _ => args.number.clone(),
    };
    match parse(&typed) {
        Ok(number) => {
            let (digits, fields) = decode(&number);
            if args.json {
                let mut object = serde_json::Map::new();
                object.insert("number".into(), json!(digits));
                object.insert("valid".into(), json!(true));
                for (key, _, _, value) in fields {
                    object.insert(key.into(), value);
                }
                write_json(out, &Value::Object(object))?;
            } else {
                let valid = w(W::Correct);
                writeln!(out, "{} {digits}: {}", name.get(lang), valid.get(lang))?;
                let rows: Vec<Record> = fields
                    .iter()
                    .map(|(_, label, value, _)| {
                        vec![
                            ("field", label.get(lang).to_string()),
                            ("value", value.get(lang).to_string()),
                        ]
                    })
                    .collect();
                write_table(out, &rows)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            let text = error.text();
            // What was typed goes back cut short and with control characters escaped:
            // it may be anything, pasted from anywhere.
            let typed: String = args.number.trim().chars().take(40).collect();
            let typed = typed.escape_debug().to_string();
            if args.json {
                write_json(
                    out,
                    &json!({ "number": typed, "valid": false, "reason": text }),
                )?;
            } else {
                let invalid = w(W::Incorrect);
                writeln!(
                    out,
                    "{} {typed}: {}: {}",
                    name.get(lang),
                    invalid.get(lang),
                    text.get(lang)
                )?;
            }
            Ok(ExitCode::from(INVALID))
        }
    }
}
