//! Issue 11: the clerk's draft held by another session of the same OS account. This
//! session is told which (`dialogs/draft_held.rs`), shows the draft read only or takes a
//! fresh form, and never writes the draft: the other session's would be overwritten.

use super::{App, Effect, Status};
use crate::domain::formulary::Formulary;
use crate::i18n::counter::draft_read_only;
use crate::store::DraftHolder;
use crate::tui::action::Action;
use crate::tui::dialogs::Dialog;
use crate::tui::screens::Screen;
use crate::tui::screens::formulary::FormTab;

impl App {
    /// The runner's word at start: `holder` holds this clerk's draft (`draft`, shown read
    /// only until the clerk takes a fresh form).
    pub fn draft_held(&mut self, holder: DraftHolder, draft: Option<&Formulary>) {
        self.held = true;
        self.read_only = true;
        if let Some(draft) = draft {
            let today = self.session.clock.today();
            let office = self.screens.formulary.office_codes();
            self.screens.formulary = FormTab::from_formulary(draft, &self.session.clerk, today)
                .with_office_codes(office);
        }
        self.dialog = Some(Dialog::DraftHeld(holder));
    }

    /// The lock on the clerk's draft could not be taken (`why`): this session neither
    /// restores, saves nor discards the draft, and says so; the clerk works on a fresh form.
    pub fn draft_lock_failed(&mut self, why: &str) {
        self.held = true;
        self.drafts_kept = false;
        let text = crate::i18n::counter::draft_lock_failed(self.lang, why);
        self.status = Some(super::Status::Text(text));
    }

    /// Whether this session may write the clerk's draft.
    pub fn holds_draft(&self) -> bool {
        !self.held
    }

    /// What the held draft's question and the read-only form take before anything else:
    /// `n` (or Ctrl-X) a fresh form, `r` read only, and on the read-only form every key
    /// that would change it is refused with a word.
    pub(super) fn read_only_refuses(&mut self, action: &Action) -> Option<Effect> {
        if !self.read_only {
            return None;
        }
        let asked = matches!(self.dialog, Some(Dialog::DraftHeld(_)));
        let on_form = self.screen == Screen::Formulary && (asked || self.dialog.is_none());
        let said = Status::Text(draft_read_only(self.lang).to_string());
        match action {
            Action::NewFormulary if on_form => {
                self.read_only = false;
                self.dialog = None;
                let today = self.session.clock.today();
                self.screens.formulary = self.screens.formulary.fresh(today);
            }
            Action::Back if asked => {
                self.dialog = None;
                self.status = Some(said);
            }
            Action::Edit(_)
            | Action::Paste(_)
            | Action::Save
            | Action::GenerateIin
            | Action::Pick
            | Action::Accept
                if on_form && !asked =>
            {
                self.status = Some(said);
            }
            _ => return None,
        }
        Some(Effect::Redraw)
    }

    /// A session that does not hold the draft never saves or discards it.
    pub(super) fn only_if_held(&self, effect: Effect) -> Effect {
        match effect {
            Effect::SaveDraft(_) | Effect::DiscardDraft if self.held => Effect::None,
            effect => effect,
        }
    }
}
