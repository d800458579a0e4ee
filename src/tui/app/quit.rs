//! Leaving the workstation, and what a quiet moment does: what was typed is either kept as
//! the draft or the clerk is told, before quitting, that it will be lost.

use super::{App, Effect};
use crate::i18n::Msg;
use crate::tui::dialogs::Dialog;
use crate::tui::screens::{Cx, Screen};

impl App {
    /// A quiet moment (no key for a while, and before quitting or on a dropped
    /// connection): the formulary's entry is kept as the draft if it changed, whatever
    /// dialog is open, so "the draft is kept" holds when the quit question says it; a
    /// registered formulary's draft still in the register is forgotten.
    pub(super) fn tick(&mut self) -> Effect {
        let form = &mut self.screens.formulary;
        if form.unsaved() {
            form.mark_saved();
            // The new entry overwrites the draft row: a pending discard would delete it.
            self.discard_pending = false;
            Effect::SaveDraft(Box::new(form.formulary().clone()))
        } else if self.discard_pending {
            Effect::DiscardDraft
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
    pub(super) fn quit(&mut self, cx: &mut Cx) -> Effect {
        // A correction typed but not saved is said once, as an unfiled DSN application is
        // (the same flag: the next key that is not Ctrl-Q forgets the warning).
        let correcting = self.screen == Screen::Correction && self.screens.correction.unsaved();
        if correcting && !self.leaving_dsn {
            self.leaving_dsn = true;
            return cx.say(Msg::CorrectionQuitQuestion);
        }
        if !self.screens.dsn_form.is_blank() && !self.leaving_dsn {
            self.leaving_dsn = true;
            return cx.say(Msg::DsnQuitQuestion);
        }
        self.leaving_dsn = false;
        if self.screens.formulary.is_blank() {
            Effect::Quit
        } else if self.held {
            cx.open(Dialog::QuitHeld)
        } else {
            cx.open(Dialog::Quit {
                draft_kept: self.drafts_kept,
            })
        }
    }
}
