//! Leaving the workstation, and what a quiet moment does: what was typed is either kept as
//! the draft or the clerk is told, before quitting, that it will be lost.

use super::{App, Dialog, Effect, Status};
use crate::tui::i18n::Msg;

impl App {
    /// A quiet moment (no key for a while, and before quitting or on a dropped
    /// connection): the formulary's entry is kept as the draft if it changed, whatever
    /// dialog is open, so "the draft is kept" holds when the quit question says it.
    pub(super) fn tick(&mut self) -> Effect {
        if self.form.unsaved() {
            self.form.mark_saved();
            Effect::SaveDraft(Box::new(self.form.formulary().clone()))
        } else {
            Effect::None
        }
    }

    /// Ctrl-Q with no dialog open (or over one that shows the screen under it).
    ///
    /// The formulary's entry is kept as the clerk's draft; the DSN application's is not,
    /// and quitting says so instead of promising a draft. Keeping it too was weighed and
    /// left: the register's drafts table holds one formulary per clerk (read back as a
    /// formulary), so a DSN draft would need a table of its own, i.e. a new schema version
    /// that every older kense sharing the register then refuses to open. An application is
    /// short and typed off the applicant's paper, which stays on the desk; what a clerk
    /// must not be is told it is kept when it is not. So the first Ctrl-Q over an unfiled
    /// application says that it will be lost and how to quit anyway (Ctrl-Q again); any
    /// other key stays. With a formulary entry as well, its own question follows.
    pub(in crate::tui) fn quit(&mut self) -> Effect {
        if !self.dsn_form.is_blank() && !self.leaving_dsn {
            self.leaving_dsn = true;
            self.status = Some(Status::Msg(Msg::DsnQuitQuestion));
            return Effect::Redraw;
        }
        self.leaving_dsn = false;
        if self.form.is_blank() {
            Effect::Quit
        } else {
            self.dialog = Some(Dialog::Quit);
            Effect::Redraw
        }
    }
}
