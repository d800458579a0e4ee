//! Issue 11: the clerk's draft held by another session of the same OS account. This
//! session is told which (`dialogs/draft_held.rs`), shows the draft read only or takes a
//! fresh form, and never writes the draft: the other session's would be overwritten. When
//! the other session ends, this one takes the draft over (`draft_handed_over`, tried by
//! the runner on a quiet tick), never over what the clerk typed.

use super::{App, Effect, Status};
use crate::domain::formulary::Formulary;
use crate::i18n::counter::{draft_free, draft_handed_over, draft_read_only};
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

    /// Whether this session waits for the draft another session holds, to take it over
    /// when that one ends: not when the lock could not be taken at all, nor for an account
    /// that keeps no draft (`drafts_kept`).
    pub fn waits_for_draft(&self) -> bool {
        self.held && self.drafts_kept
    }

    /// Whether the runner may read the draft for [`App::draft_handed_over`] now: not
    /// while a question is open over the form, the held draft's own too (a key meant for
    /// it must not land in the draft), nor while the form shows the numbers of the
    /// formulary just registered, nor once the clerk was told the draft is free and the
    /// form is still typed in (the answer would be the same).
    pub fn can_take_draft(&self) -> bool {
        self.waits_for_draft()
            && self.dialog.is_none()
            && !self.shows_registered()
            && !(self.free_said && self.typed_in())
    }

    /// What the clerk typed in a fresh form (not the copy read only).
    fn typed_in(&self) -> bool {
        !self.read_only && !self.screens.formulary.is_blank()
    }

    /// The form shows the number and coupon of the formulary just registered (M-56): they
    /// stay, with their slip offered to print, until the clerk starts the next formulary;
    /// the draft is not put over them.
    fn shows_registered(&self) -> bool {
        !self.read_only && self.screens.formulary.banner().is_some()
    }

    /// The runner's word on a quiet tick: the other session has ended and this one now
    /// holds the lock on the clerk's draft; `stored` is the draft as the register keeps it
    /// now (the other session may have saved it since this one started). The draft goes
    /// on the form, unless that would replace what the clerk typed in a fresh form: then
    /// the clerk is told, once, that it is free and how to open it, and this session goes
    /// on writing nothing until the form is registered or cleared. Nothing while the form
    /// shows the numbers of a formulary just registered (M-56): the draft opens on the
    /// fresh form Ctrl-X gives, or is said free once the clerk types. Nothing either while a
    /// question is open over the form (it was asked of the form as it is), the held
    /// draft's own included: the take-over waits for the clerk's answer. `true` when
    /// something changed on the screen.
    pub fn draft_handed_over(&mut self, stored: Option<&Formulary>) -> bool {
        if self.dialog.is_some() || self.shows_registered() {
            return false;
        }
        let typed = self.typed_in();
        match stored {
            Some(_) if typed => {
                if std::mem::replace(&mut self.free_said, true) {
                    return false;
                }
                let said = draft_free(self.lang).to_string();
                self.status = Some(Status::Text(said));
                return true;
            }
            Some(draft) => self.restore_draft(draft),
            // Nothing kept any more (the other session registered or cleared it): the
            // copy shown read only is not to be registered a second time.
            None if self.read_only => {
                let today = self.session.clock.today();
                self.screens.formulary = self.screens.formulary.fresh(today);
            }
            // What the clerk typed here is the draft from now on, kept at the next tick.
            None if typed => self.screens.formulary.mark_unsaved(),
            None => {}
        }
        self.held = false;
        self.read_only = false;
        // A registration made while held left a discard that would now delete the draft.
        self.discard_pending = false;
        let said = draft_handed_over(self.lang, stored.is_some()).to_string();
        self.status = Some(Status::Text(said));
        true
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
