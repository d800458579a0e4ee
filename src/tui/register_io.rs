//! The runner's side of the register: carries out the App's effects on the register file
//! and hands the answers back. The only part of the workstation that writes the register.

use super::app::{App, Effect};
use super::i18n::{Msg, tr};
use crate::domain::Lang;
use crate::domain::dsn::{self, Application};
use crate::store::dsn::ListFilter;
use crate::store::{Store, StoreError};
use chrono::Local;

/// The register the workstation works on, or why there is none (the screens still work;
/// what needs the register says so).
pub struct Register {
    store: Result<Store, String>,
    lang: Lang,
}

/// What the event loop does after an effect.
pub enum Next {
    Nothing,
    Redraw,
    Quit,
}

impl Register {
    pub fn new(store: Result<Store, String>, lang: Lang) -> Self {
        Self { store, lang }
    }

    /// Brings back the clerk's draft, if one was left.
    pub fn restore_draft(&mut self, app: &mut App) {
        if let Ok(store) = &self.store
            && let Ok(Some(draft)) = store.load_draft()
        {
            app.restore_draft(&draft);
        }
    }

    fn missing(&self) -> String {
        match &self.store {
            Ok(_) => String::new(),
            Err(why) => format!("{}: {why}", tr(self.lang, Msg::NoRegister)),
        }
    }

    /// Carries out one effect; effects that touch the terminal stay with the caller.
    pub fn perform(&mut self, app: &mut App, effect: Effect) -> Next {
        let today = Local::now().date_naive();
        let missing = self.missing();
        let Ok(store) = self.store.as_mut() else {
            return match effect {
                Effect::Register(_)
                | Effect::GenerateIin(..)
                | Effect::DsnApply(_)
                | Effect::Open(_)
                | Effect::Move { .. }
                | Effect::Day(_)
                | Effect::CloseDay(_) => {
                    app.moved(Err(missing));
                    Next::Redraw
                }
                Effect::DsnList => {
                    app.dsn_list(Err(missing));
                    Next::Redraw
                }
                Effect::Search(_, cursor) => {
                    app.page(Err(missing), cursor);
                    Next::Redraw
                }
                Effect::SaveDraft(_) | Effect::None | Effect::Copy(_) => Next::Nothing,
                Effect::Redraw => Next::Redraw,
                Effect::Quit => Next::Quit,
            };
        };
        let text = |e: StoreError| e.to_string();
        match effect {
            Effect::None | Effect::Copy(_) => Next::Nothing,
            Effect::Redraw => Next::Redraw,
            Effect::Quit => Next::Quit,
            Effect::SaveDraft(draft) => {
                // A draft that cannot be kept is said, not lost silently.
                if let Err(e) = store.save_draft(&draft) {
                    app.moved(Err(text(e)));
                    return Next::Redraw;
                }
                Next::Nothing
            }
            Effect::Register(formulary) => {
                let outcome = match store.register_formulary(&formulary, today) {
                    Ok(done) => {
                        let _ = store.discard_draft();
                        Ok((done.number, done.coupon))
                    }
                    Err(StoreError::Invalid(violations)) => Err(violations
                        .iter()
                        .take(2)
                        .map(|v| format!("{}: {} [{}]", v.field, v.message.get(self.lang), v.rule))
                        .collect::<Vec<_>>()
                        .join("; ")),
                    Err(e) => Err(text(e)),
                };
                app.registered(outcome);
                Next::Redraw
            }
            Effect::Search(query, cursor) => {
                app.page(store.search(&query).map_err(text), cursor);
                Next::Redraw
            }
            Effect::DsnApply(application) => {
                app.dsn_filed(file_dsn(store, &application, self.lang));
                Next::Redraw
            }
            Effect::DsnList => {
                let list = store.dsn_list(&ListFilter::default(), today);
                app.dsn_list(list.map_err(|e| e.to_string()));
                Next::Redraw
            }
            Effect::GenerateIin(born, sex) => {
                let iin = store
                    .generate_iin(born, sex)
                    .map(|done| done.iin.to_string());
                app.generated(iin.map_err(text));
                Next::Redraw
            }
            Effect::Open(number) => {
                app.record(store.formulary(&number).map_err(text));
                Next::Redraw
            }
            Effect::Move { number, event } => {
                let at = Local::now().naive_local();
                let outcome = store
                    .move_formulary(&number, *event, None, at)
                    .map(|_| ())
                    .map_err(text);
                let ok = outcome.is_ok();
                app.moved(outcome);
                if ok {
                    // Show the formulary as it is now.
                    app.record(store.formulary(&number).map_err(text));
                }
                Next::Redraw
            }
            Effect::Day(date) => {
                app.day(store.day_summary(date).map_err(text));
                Next::Redraw
            }
            Effect::CloseDay(date) => {
                if let Err(e) = store.close_day(date) {
                    app.moved(Err(text(e)));
                }
                app.day(store.day_summary(date).map_err(text));
                Next::Redraw
            }
        }
    }
}

/// Files a DSN application (D-4, D-6): checked again, registered with today's terms, each
/// product row assigned a code or refused (D-7); the summary says which.
fn file_dsn(store: &mut Store, application: &Application, lang: Lang) -> Result<String, String> {
    let report = dsn::validate(application);
    let Some(valid) = report.valid else {
        return Err(report
            .errors
            .iter()
            .take(2)
            .map(|v| format!("{}: {} [{}]", v.field, v.message.get(lang), v.rule))
            .collect::<Vec<_>>()
            .join("; "));
    };
    let terms =
        dsn::terms(Local::now().naive_local()).map_err(|e| e.text().get(lang).to_string())?;
    let filed = store.dsn_apply(&valid, &terms).map_err(|e| e.to_string())?;
    let rows: Vec<String> = filed
        .products
        .iter()
        .map(|r| match (&r.code_facets, r.ground) {
            (Some(code), _) => code.clone(),
            (None, Some(ground)) => format!("{} {ground}", tr(lang, Msg::Refused)),
            _ => String::new(),
        })
        .collect();
    Ok(format!(
        "№{} → {}: {}",
        filed.id,
        filed.due_on.format("%d.%m.%Y"),
        rows.join(", ")
    ))
}
