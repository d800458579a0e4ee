//! The runner's side of the register: carries out the App's effects on the register file
//! and hands the answers back. The only part of the workstation that writes the register.

use super::app::{App, Effect};
use super::i18n::{Msg, tr};
use super::i18n_store::{dsn_error, move_refusal, store_error};
use crate::domain::Lang;
use crate::domain::dsn::{self, Application};
use crate::store::dsn::ListFilter;
use crate::store::{Store, StoreError};
use chrono::Local;

/// The register the workstation works on, or why there is none (the screens still work;
/// what needs the register says so).
pub struct Register {
    store: Result<Store, StoreError>,
    lang: Lang,
}

/// What the event loop does after an effect.
pub enum Next {
    Nothing,
    Redraw,
    Quit,
}

impl Register {
    pub fn new(store: Result<Store, StoreError>, lang: Lang) -> Self {
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
            Err(why) => format!(
                "{}: {}",
                tr(self.lang, Msg::NoRegister),
                store_error(why).get(self.lang)
            ),
        }
    }

    /// Carries out one effect; effects that touch the terminal stay with the caller.
    pub fn perform(&mut self, app: &mut App, effect: Effect) -> Next {
        let today = Local::now().date_naive();
        let missing = self.missing();
        let Ok(store) = self.store.as_mut() else {
            return match effect {
                Effect::Move { .. } => {
                    app.moved(Err(missing));
                    Next::Redraw
                }
                Effect::Register(_)
                | Effect::GenerateIin(..)
                | Effect::DsnApply(_)
                | Effect::Open(_)
                | Effect::Day(_)
                | Effect::CloseDay(_) => {
                    app.problem(missing);
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
        // In the workstation's language: the store's own messages are English.
        let lang = self.lang;
        let text = |e: StoreError| store_error(&e).get(lang).to_string();
        match effect {
            Effect::None | Effect::Copy(_) => Next::Nothing,
            Effect::Redraw => Next::Redraw,
            Effect::Quit => Next::Quit,
            Effect::SaveDraft(draft) => {
                // A draft that cannot be kept is said, not lost silently.
                if let Err(e) = store.save_draft(&draft) {
                    app.problem(text(e));
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
                app.dsn_list(list.map_err(|e| dsn_error(&e).get(lang).to_string()));
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
                // Said with the field and the rule of the move's data it is about.
                let refusal = |e: StoreError| move_refusal(&e, &event).get(lang).to_string();
                match store.move_formulary(&number, (*event).clone(), None, at) {
                    Ok(made) => {
                        app.moved(Ok(made));
                        // Show the formulary as it is now, and the list behind it.
                        app.record(store.formulary(&number).map_err(text));
                        read_page_again(store, app, lang);
                    }
                    Err(e) => app.moved(Err(refusal(e))),
                }
                Next::Redraw
            }
            Effect::Day(date) => {
                app.day(store.day_summary(date).map_err(text));
                Next::Redraw
            }
            Effect::CloseDay(date) => {
                if let Err(e) = store.close_day(date) {
                    app.problem(text(e));
                }
                app.day(store.day_summary(date).map_err(text));
                read_page_again(store, app, lang);
                Next::Redraw
            }
        }
    }
}

/// Reads again the page of formularies the Register tab shows, once the register changed
/// under it: the same filter from the same cursor.
fn read_page_again(store: &Store, app: &mut App, lang: Lang) {
    if let Some(query) = app.shown_query() {
        let page = store.search(&query);
        app.page_again(page.map_err(|e| store_error(&e).get(lang).to_string()));
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
    let filed = store
        .dsn_apply(&valid, &terms)
        .map_err(|e| dsn_error(&e).get(lang).to_string())?;
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

#[cfg(test)]
mod moves_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Sex;
    use crate::store::{Clerk, Location};
    use crate::tui::app::Session;
    use crate::tui::theme::Theme;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::layout::Rect;

    fn screen(app: &App) -> String {
        let mut terminal =
            Terminal::new(TestBackend::new(80, 24)).unwrap_or_else(|e| panic!("{e}"));
        terminal
            .draw(|frame| app.draw(frame))
            .unwrap_or_else(|e| panic!("{e}"));
        let buffer = terminal.backend().buffer();
        buffer.content().iter().map(|cell| cell.symbol()).collect()
    }

    /// A refusal of the register reads in the workstation's language, not in the
    /// store's English (a closed day refusing a child's IIN, M-12.a).
    #[test]
    fn the_register_refuses_in_the_clerks_language() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let location = Location::create_if_missing(dir.path().join("register.sqlite"));
        let open = || {
            let clerk = Clerk::new("aigul").unwrap_or_else(|e| panic!("{e}"));
            Store::open(&location, clerk).unwrap_or_else(|e| panic!("{e}"))
        };
        let today = Local::now().date_naive();
        open().close_day(today).unwrap_or_else(|e| panic!("{e}"));
        let born = today - chrono::Days::new(30);
        for (lang, said) in [
            (Lang::Ru, "закрыт: его записи изменить нельзя"),
            (Lang::Kk, "күні жабық"),
            (Lang::En, "is closed: its records cannot be changed"),
        ] {
            let session = Session {
                clerk: "aigul".into(),
                today,
            };
            let mut app = App::new(
                lang,
                Theme { color: false },
                Rect::new(0, 0, 80, 24),
                session,
            );
            let mut register = Register::new(Ok(open()), lang);
            register.perform(&mut app, Effect::GenerateIin(born, Sex::Female));
            let shown = screen(&app);
            assert!(shown.contains(said), "{lang:?}: {shown}");
        }
    }

    /// Without a register, the workstation says why in its own language too.
    #[test]
    fn a_missing_register_is_explained_in_the_clerks_language() {
        let path = std::path::PathBuf::from("/nonexistent/kense/register.sqlite");
        let register = Register::new(Err(StoreError::Missing { path }), Lang::Kk);
        assert!(
            register.missing().contains("тізілімі табылмады"),
            "{}",
            register.missing()
        );
    }
}
