//! Effects with more to them than one call of the register: the issue's document (its
//! number, or its zone checked against the formulary, M-57) and a DSN application (D-4).

use super::kind_of;
use crate::domain::Lang;
use crate::domain::dsn::{self, Application};
use crate::domain::mrz::Mrz;
use crate::i18n::store::{dsn_error, store_error};
use crate::i18n::{Msg, tr};
use crate::office::Clock;
use crate::store::{MoveDetails, Store, StoreError};
use crate::tui::app::{Problem, ProblemKind};

/// M-57: what the clerk typed for the document handed over: its machine-readable zone (a
/// reader's lines, joined by spaces in the line), checked and matched with the formulary's
/// names and birth date, or else the document's number as typed.
pub(super) fn issue_details(
    store: &Store,
    number: &str,
    typed: &str,
    lang: Lang,
) -> Result<MoveDetails, Problem> {
    let zone = typed.split_whitespace().collect::<Vec<_>>().join("\n");
    let looks_like_zone = typed.contains('<') && zone.chars().filter(|c| *c != '\n').count() >= 88;
    if !looks_like_zone {
        return Ok(MoveDetails {
            document_number: Some(typed.to_string()),
            ..MoveDetails::default()
        });
    }
    let other = |text: String| Problem::new(ProblemKind::Other, text);
    let mrz = Mrz::parse(&zone).map_err(|e| other(format!("{} [M-57]", e.text().get(lang))))?;
    let problem = |e: StoreError| Problem::new(kind_of(&e), store_error(&e).get(lang));
    if let Some(record) = store.formulary(number).map_err(problem)? {
        let f = &record.formulary;
        if let (Some(surname), Some(given), Some(born)) =
            (f.surname.as_deref(), f.given_name.as_deref(), f.birth_date)
            && mrz.matches(surname, given, born).first_mismatch().is_some()
        {
            return Err(other(tr(lang, Msg::MrzNotThePerson).to_string()));
        }
    }
    Ok(MoveDetails {
        document_number: Some(mrz.document_number),
        mrz_read: true,
        ..MoveDetails::default()
    })
}

/// Files a DSN application (D-4, D-6): checked again, registered with the terms of the
/// session's clock, each product row assigned a code or refused (D-7); the summary says
/// which.
pub(super) fn file_dsn(
    store: &mut Store,
    application: &Application,
    clock: Clock,
    lang: Lang,
) -> Result<String, Problem> {
    let report = dsn::validate(application);
    let Some(valid) = report.valid else {
        return Err(report
            .errors
            .iter()
            .take(2)
            .map(|v| {
                let field = crate::i18n::paths::dsn_path_label(lang, &v.field);
                format!("{field}: {} [{}]", v.message.get(lang), v.rule)
            })
            .collect::<Vec<_>>()
            .join("; ")
            .into());
    };
    let terms = dsn::terms(clock.office_time()).map_err(|e| e.text().get(lang).to_string())?;
    let filed = store
        .dsn_apply(&valid, &terms)
        .map_err(|e| Problem::new(ProblemKind::Other, dsn_error(&e).get(lang)))?;
    let rows: Vec<String> = filed
        .products
        .iter()
        .map(|r| match (&r.code_facets, r.ground) {
            (Some(code), _) => code.clone(),
            (None, Some(ground)) => format!("{} {ground}", tr(lang, Msg::Refused)),
            _ => String::new(),
        })
        .collect();
    Ok(crate::i18n::dsn_filed(
        lang,
        filed.id,
        filed.due_on,
        &rows.join(", "),
    ))
}
