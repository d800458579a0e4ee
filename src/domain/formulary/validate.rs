//! `validate`: every check of a formulary but the per-code table (in `by_code`), and the
//! overrides that let warnings pass.

use super::by_code;
use super::free_text;
use super::known::Known;
use super::model::{Citizenship, Formulary, Holder, Override, Signature, filled};
use super::names::name_problem;
use super::notes::Note;
use super::texts::{document_name, future, holder_name, missing};
use super::violation::{Overridden, Printout, Report, Severity, Violation, rule};
use crate::codes::districts;
use crate::domain::iin::Iin;
use crate::domain::{Sex, Text, shown_date};
use chrono::NaiveDate;

/// Checks a formulary against the Rules as of `today`, and says what to print. Pure: the
/// same formulary and day give the same report.
pub fn validate(formulary: &Formulary, today: NaiveDate) -> Report {
    validate_known(formulary, today, &Known::default())
}

/// [`validate`], and the warnings of what the register knows of the person (issue 11:
/// another formulary in its course, other names; see `known.rs`). Still pure: the store
/// reads `known`, the rules only compare.
pub fn validate_known(formulary: &Formulary, today: NaiveDate, known: &Known) -> Report {
    let mut found = Findings::default();
    free_text::check(formulary, &mut found);
    person(formulary, &mut found);
    iin(formulary, &mut found);
    place(formulary, &mut found);
    signature(formulary, &mut found);
    reverse_side(formulary, &mut found);
    dates(formulary, today, &mut found);
    super::known::check(formulary, known, &mut found);
    found.text("clerk", rule::REQUIRED, formulary.clerk.as_deref());
    let prints = by_code::check(formulary, &mut found);
    super::grounds_check::check(formulary, today, &mut found);
    finish(formulary, found.0, prints)
}

/// The violations found so far.
#[derive(Default)]
pub(super) struct Findings(Vec<Violation>);

impl Findings {
    pub(super) fn error(&mut self, field: impl Into<String>, rule: &'static str, message: Text) {
        self.push(field, rule, Severity::Error, message);
    }

    pub(super) fn warning(&mut self, field: impl Into<String>, rule: &'static str, message: Text) {
        self.push(field, rule, Severity::Warning, message);
    }

    fn push(
        &mut self,
        field: impl Into<String>,
        rule: &'static str,
        severity: Severity,
        message: Text,
    ) {
        self.0.push(Violation {
            field: field.into(),
            rule,
            severity,
            message,
        });
    }

    /// The value, or an error that the field is empty.
    pub(super) fn value<T>(
        &mut self,
        field: &str,
        rule: &'static str,
        value: Option<T>,
    ) -> Option<T> {
        if value.is_none() {
            self.error(field, rule, missing());
        }
        value
    }

    /// The trimmed text, or an error that the field is empty (blank counts as empty).
    pub(super) fn text<'a>(
        &mut self,
        field: &str,
        rule: &'static str,
        value: Option<&'a str>,
    ) -> Option<&'a str> {
        self.value(field, rule, filled(value))
    }

    /// A name field: required or not, then letters only.
    fn name(&mut self, field: &str, value: Option<&str>, required: bool) {
        let value = if required {
            self.text(field, rule::REQUIRED, value)
        } else {
            filled(value)
        };
        if let Some(problem) = value.and_then(name_problem) {
            self.error(field, rule::NAME, problem);
        }
    }
}

fn person(f: &Formulary, found: &mut Findings) {
    found.name("surname", f.surname.as_deref(), true);
    found.name("given_name", f.given_name.as_deref(), true);
    found.name("patronymic", f.patronymic.as_deref(), false);
    found.name("nationality", f.nationality.as_deref(), true);
    found.value("birth_date", rule::REQUIRED, f.birth_date);
    found.text("birth_place", rule::REQUIRED, f.birth_place.as_deref());
    found.value("sex", rule::REQUIRED, f.sex);
    let citizenship = found.value("citizenship", rule::REQUIRED, f.citizenship.as_ref());
    let document = found.value("document", rule::REQUIRED, f.document);
    // The code typed is not repeated (issue 15: messages never echo a value).
    if let Some(Citizenship::Foreign(code)) = citizenship
        && rust_iso3166::from_alpha2(code).is_none()
    {
        found.error(
            "citizenship",
            rule::CITIZENSHIP,
            Text::new(
                "такого кода страны нет в ISO 3166-1",
                "мұндай ел коды ISO 3166-1 тізімінде жоқ",
                "not an ISO 3166-1 country code",
            ),
        );
    }
    // Each document belongs to one kind of holder.
    if let (Some(c), Some(d)) = (citizenship, document)
        && Holder::of_document(d) != c.holder()
    {
        let (doc, who) = (document_name(d), holder_name(c.holder()));
        found.error(
            "document",
            rule::DOCUMENT,
            Text::new(
                format!("{} не выдаётся лицу со статусом: {}", doc.ru, who.ru),
                format!("{} мына мәртебедегі адамға берілмейді: {}", doc.kk, who.kk),
                format!("a {} is not issued to a {}", doc.en, who.en),
            ),
        );
    }
}

/// The IIN's shape is an error; its disagreement with the stated birth date or sex only a
/// warning, since IINs of some years were issued decoupled from personal data.
fn iin(f: &Formulary, found: &mut Findings) {
    let Some(text) = found.text("iin", rule::REQUIRED, f.iin.as_deref()) else {
        return;
    };
    let iin = match Iin::parse(text) {
        Ok(iin) => iin,
        Err(e) => return found.error("iin", rule::IIN, e.text()),
    };
    if let Some(stated) = f.birth_date {
        // IIN-DATA: an IIN with a century (7th digit 1–6) encodes a whole date. A foreign
        // national's (7th digit 0) has no century but still begins with YYMMDD, so its
        // first six digits are compared with the stated date's; skipping it would let a
        // foreigner's wrong IIN pass unnoticed.
        let encoded = match iin.birth_date() {
            Some(date) => (date != stated).then(|| crate::domain::shown_date(date)),
            None => {
                let yymmdd = iin.as_str().get(..6).unwrap_or_default();
                (yymmdd != stated.format("%y%m%d").to_string()).then(|| yymmdd.to_string())
            }
        };
        if let Some(encoded) = encoded {
            let stated = crate::domain::shown_date(stated);
            found.push(
                "birth_date",
                rule::IIN_DATA,
                Severity::Warning,
                Text::new(
                    format!("дата рождения {stated} не совпадает с датой в ИИН: {encoded}"),
                    format!("туған күні {stated} ЖСН-дегі күнмен сәйкес емес: {encoded}"),
                    format!("birth date {stated} differs from the IIN's: {encoded}"),
                ),
            );
        }
    }
    if let (Some(encoded), Some(stated)) = (iin.sex(), f.sex)
        && encoded != stated
    {
        let name = |s: Sex| match s {
            Sex::Male => Text::new("мужской", "ер", "male"),
            Sex::Female => Text::new("женский", "әйел", "female"),
        };
        let (e, s) = (name(encoded), name(stated));
        found.push(
            "sex",
            rule::IIN_DATA,
            Severity::Warning,
            Text::new(
                format!("пол «{}» не совпадает с полом в ИИН: «{}»", s.ru, e.ru),
                format!(
                    "жынысы «{}» ЖСН-дегі жыныспен сәйкес емес: «{}»",
                    s.kk, e.kk
                ),
                format!("sex '{}' differs from the IIN's: '{}'", s.en, e.en),
            ),
        );
    }
}

/// The issuing region and district (M-App2), fields 13 and 14 (M-17).
fn place(f: &Formulary, found: &mut Findings) {
    let region = found.text("region_code", rule::REQUIRED, f.region_code.as_deref());
    let district = found.text("district_code", rule::REQUIRED, f.district_code.as_deref());
    if let Some(region) = region {
        let rows: Vec<_> = districts()
            .iter()
            .filter(|d| d.region_code == region)
            .collect();
        if rows.is_empty() {
            found.error(
                "region_code",
                rule::DIRECTORY,
                Text::new(
                    "такого кода области нет в справочнике (приложение 2)",
                    "мұндай облыс коды анықтамалықта жоқ (2-қосымша)",
                    "no such region code in the directory (M-App2)",
                ),
            );
        } else if let Some(district) = district
            && !rows.iter().any(|d| d.district_code == district)
        {
            found.error(
                "district_code",
                rule::DIRECTORY,
                Text::new(
                    format!("такого кода района нет в области {region} (приложение 2)"),
                    format!("{region} облысында мұндай аудан коды жоқ (2-қосымша)"),
                    format!("no such district code in region {region} (M-App2)"),
                ),
            );
        }
    }
    // Field 13 must carry the date of arrival (M-17).
    let residence = f.residence.as_ref();
    found.text(
        "residence.address",
        rule::RESIDENCE,
        residence.and_then(|r| r.address.as_deref()),
    );
    found.value(
        "residence.arrival_date",
        rule::RESIDENCE,
        residence.and_then(|r| r.arrival_date),
    );
    if let Some(previous) = &f.previous_residence {
        found.text(
            "previous_residence.address",
            rule::RESIDENCE,
            previous.address.as_deref(),
        );
    }
}

/// M-8: a signature, or the reason it is absent.
fn signature(f: &Formulary, found: &mut Findings) {
    if let Some(Signature::Absent { reason }) =
        found.value("signature", rule::REQUIRED, f.signature.as_ref())
    {
        found.text("signature.reason", rule::SIGNATURE, reason.as_deref());
    }
}

/// Every note complete, under the rule that defines it.
fn reverse_side(f: &Formulary, found: &mut Findings) {
    for (i, note) in f.reverse_side.iter().enumerate() {
        let rule = note.kind().rule();
        for (name, value) in note.texts() {
            found.text(&format!("reverse_side[{i}].{name}"), rule, value);
        }
        if let (true, date) = note.date() {
            found.value(&format!("reverse_side[{i}].date"), rule, date);
        }
        if let Note::BasisDocument { document, .. } = note {
            found.value(&format!("reverse_side[{i}].document"), rule, *document);
        }
    }
}

/// No date after today; the person's own events not before the birth date.
fn dates(f: &Formulary, today: NaiveDate, found: &mut Findings) {
    let filled_on = found.value("filled_on", rule::REQUIRED, f.filled_on);
    let arrival = f.residence.as_ref().and_then(|r| r.arrival_date);
    // A parent's document or a conclusion may predate the person; these may not.
    let own = [
        ("filled_on".to_string(), filled_on),
        ("residence.arrival_date".to_string(), arrival),
    ];
    let notes = f
        .reverse_side
        .iter()
        .enumerate()
        .map(|(i, note)| (format!("reverse_side[{i}].date"), note.date().1));
    let all = std::iter::once(("birth_date".to_string(), f.birth_date))
        .chain(own.iter().cloned())
        .chain(notes);
    for (field, date) in all {
        if let Some(date) = date
            && date > today
        {
            found.error(field, rule::DATE, future(date));
        }
    }
    let Some(birth) = f.birth_date else { return };
    for (field, date) in own {
        if let Some(date) = date
            && date < birth
        {
            let (date, birth) = (shown_date(date), shown_date(birth));
            found.error(
                field,
                rule::DATE,
                Text::new(
                    format!("дата {date} раньше даты рождения {birth}"),
                    format!("{date} күні туған күннен ({birth}) бұрын"),
                    format!("the date {date} is before the birth date {birth}"),
                ),
            );
        }
    }
}

/// Overrides need a reason; a warning with a matching, reasoned override passes.
fn finish(f: &Formulary, found: Vec<Violation>, prints: Vec<Printout>) -> Report {
    let mut report = Report {
        prints,
        ..Report::default()
    };
    for (i, o) in f.overrides.iter().enumerate() {
        if filled(o.reason.as_deref()).is_none() {
            report.errors.push(Violation {
                field: format!("overrides[{i}].reason"),
                rule: rule::OVERRIDE,
                severity: Severity::Error,
                message: Text::new(
                    "предупреждение можно принять только с указанием причины",
                    "ескертуді тек себебін көрсетіп қабылдауға болады",
                    "a warning may only be overridden with a reason",
                ),
            });
        }
    }
    for v in found {
        let reason = f.overrides.iter().find_map(|o| {
            (o.rule == v.rule && o.field == v.field)
                .then(|| filled(o.reason.as_deref()))
                .flatten()
        });
        match (v.severity, reason) {
            (Severity::Error, _) => report.errors.push(v),
            (Severity::Warning, None) => report.warnings.push(v),
            (Severity::Warning, Some(reason)) => report.overridden.push(Overridden {
                violation: v,
                reason: reason.to_string(),
            }),
        }
    }
    report
}

/// The overrides that let a warning of `report` pass, each (rule, field) once: what the
/// register keeps of `f`'s overrides (issue 15). One that matches no warning does nothing
/// in `validate`, so a clerk who corrects a field after letting its warning pass is not
/// stopped; it is only not recorded.
pub fn overrides_in_use(f: &Formulary, report: &Report) -> Vec<Override> {
    let mut kept: Vec<Override> = Vec::new();
    for o in &f.overrides {
        let used = report
            .overridden
            .iter()
            .any(|v| v.violation.rule == o.rule && v.violation.field == o.field);
        if used && !kept.iter().any(|k| k.rule == o.rule && k.field == o.field) {
            kept.push(o.clone());
        }
    }
    kept
}
