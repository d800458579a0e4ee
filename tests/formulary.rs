//! The electronic formulary: its JSON format and its validation by filling code. Each test
//! names the rule it holds to (`DOMAIN.md` ids, or Kense's own `K-…`, `IIN…`).

use chrono::NaiveDate;
use kense::codes::filling_codes;
use kense::domain::formulary::{
    BasisKind, CODE_RULES, Citizenship, Formulary, Note, Override, Printout, Report, Severity,
    Signature, rule, validate,
};
use kense::domain::{DocumentKind, Sex};
use std::collections::BTreeSet;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d} is not a date"))
}

/// The examples' filled-on date.
fn today() -> NaiveDate {
    day(2024, 3, 15)
}

fn example(code: &str) -> Formulary {
    Formulary::example(code).unwrap_or_else(|| panic!("no example for {code}"))
}

fn check(f: &Formulary) -> Report {
    validate(f, today())
}

/// The (rule, field) of every error.
fn errors(report: &Report) -> Vec<(&'static str, String)> {
    report
        .errors
        .iter()
        .map(|v| (v.rule, v.field.clone()))
        .collect()
}

#[track_caller]
fn assert_error(f: &Formulary, rule: &str, field: &str) {
    let report = check(f);
    assert!(
        report
            .errors
            .iter()
            .any(|v| v.rule == rule && v.field == field),
        "expected an error {rule} on {field}, got {:?}",
        errors(&report)
    );
}

#[track_caller]
fn assert_accepted(f: &Formulary) {
    let report = check(f);
    assert!(
        report.is_accepted(),
        "expected no violations, got {:?} and warnings {:?}",
        errors(&report),
        report.warnings
    );
}

/// An example moved to another code, with the IIN kept in step with the person.
fn with_code(mut f: Formulary, code: &str) -> Formulary {
    f.filling_code = Some(code.to_string());
    f
}

fn set_arrival(f: &mut Formulary, date: Option<NaiveDate>) {
    if let Some(r) = f.residence.as_mut() {
        r.arrival_date = date;
    }
}

/// The person born on `birth`, registered since birth, with a matching IIN.
fn born(f: &mut Formulary, birth: NaiveDate) {
    f.birth_date = Some(birth);
    set_arrival(f, Some(birth));
    regenerate_iin(f);
}

fn regenerate_iin(f: &mut Formulary) {
    let birth = f.birth_date.unwrap_or_else(|| panic!("no birth date"));
    let sex = f.sex.unwrap_or_else(|| panic!("no sex"));
    let (iin, _) = kense::domain::iin::Iin::next_after(birth, sex, 1)
        .unwrap_or_else(|| panic!("no IIN for {birth}"));
    f.iin = Some(iin.as_str().to_string());
}

/// The example as a citizen, foreigner or stateless person, with a document to match.
fn as_citizen(mut f: Formulary) -> Formulary {
    f.citizenship = Some(Citizenship::Kazakhstan);
    f.document = Some(DocumentKind::IdCard);
    f
}

fn as_foreigner(mut f: Formulary) -> Formulary {
    f.citizenship = Some(Citizenship::Foreign("RU".to_string()));
    f.document = Some(DocumentKind::ResidencePermit);
    f
}

fn as_stateless(mut f: Formulary) -> Formulary {
    f.citizenship = Some(Citizenship::Stateless);
    f.document = Some(DocumentKind::StatelessCertificate);
    f
}

#[path = "formulary/codes.rs"]
mod codes;
#[path = "formulary/examples.rs"]
mod examples;
#[path = "formulary/fields.rs"]
mod fields;
#[path = "formulary/grounds.rs"]
mod grounds;
#[path = "formulary/import.rs"]
mod import;
#[path = "formulary/overrides.rs"]
mod overrides;
