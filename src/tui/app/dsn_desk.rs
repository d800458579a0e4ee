//! The register's answers to the DSN desk's effects (issue 11): an application opened,
//! its result handed over (D-6), a taxpayer looked up or added (D-7 (1)), the names of a
//! DSN code decoded in Code lookup.

use super::{App, Problem, Status};
use crate::domain::dsn::DsnCode;
use crate::i18n::dsn_desk;
use crate::store::dsn::{DsnCodeNames, HandOver, KnownTaxpayer, ListedApplication};
use crate::tui::dialogs::Dialog;
use crate::tui::screens::Screen;

impl App {
    /// The register's answer to [`super::Effect::DsnOpen`]: the application on its screen.
    pub fn dsn_application(&mut self, found: Result<Option<ListedApplication>, Problem>) {
        match found {
            Ok(Some(application)) => {
                let today = self.session.clock.today();
                self.screens.dsn_application.show(application, today);
                self.go(Screen::DsnApplication);
            }
            Ok(None) => self.status = Some(Status::Msg(crate::i18n::Msg::NothingFound)),
            Err(problem) => self.problem(problem),
        }
    }

    /// The application shown on its screen, if that screen shows: the runner reads it
    /// again after its hand-over.
    pub fn opened_dsn(&self) -> Option<i64> {
        (self.screen == Screen::DsnApplication)
            .then(|| self.screens.dsn_application.id())
            .flatten()
    }

    /// The register's answer to [`super::Effect::DsnHandOver`]: when, and kept until when
    /// (D-6); or why not (a Sunday or holiday, a closed day, handed over before).
    pub fn dsn_handed_over(&mut self, done: Result<HandOver, Problem>) {
        match done {
            Ok(h) => {
                let text = dsn_desk::handed_over(self.lang, h.id, h.handed_over_on, h.kept_until);
                self.status = Some(Status::Text(text));
            }
            Err(problem) => self.problem(problem),
        }
    }

    /// The register's answer to [`super::Effect::DsnTaxpayer`]: the DSN form fills the
    /// name it has for `bin`, and says so.
    pub fn dsn_taxpayer(&mut self, bin: &str, known: Result<Option<KnownTaxpayer>, Problem>) {
        match known {
            Ok(known) => {
                if let Some(said) = self.screens.dsn_form.take_taxpayer(bin, known, self.lang) {
                    self.status = Some(Status::Text(said));
                }
            }
            Err(problem) => self.problem(problem),
        }
    }

    /// The register's answer to [`super::Effect::DsnAddTaxpayer`]: added (the dialog
    /// closes), or refused over what was typed (a number already there).
    pub fn dsn_taxpayer_added(&mut self, added: Result<String, Problem>) {
        match added {
            Ok(tin) => {
                if matches!(self.dialog, Some(Dialog::Taxpayer(_))) {
                    self.dialog = None;
                }
                self.status = Some(Status::Text(dsn_desk::taxpayer_added(self.lang, &tin)));
            }
            Err(problem) => match &mut self.dialog {
                Some(Dialog::Taxpayer(entry)) => entry.refused(problem.text),
                _ => self.problem(problem),
            },
        }
    }

    /// The register's answer to [`super::Effect::DsnCodeNames`]: Code lookup names the
    /// subject and the product, if the query still reads as `code`.
    pub fn dsn_code_names(&mut self, code: DsnCode, names: Result<DsnCodeNames, Problem>) {
        match names {
            Ok(names) => {
                self.screens.lookup.show_dsn_names(code, names);
            }
            Err(problem) => self.problem(problem),
        }
    }
}
