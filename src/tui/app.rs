//! The workstation's state and how an action changes it.
//!
//! One-way: a key becomes an [`Action`] (`keys`), `App::update` changes the state and returns
//! an [`Effect`] (data: what the world must do), the runner does it on the register and
//! hands the answer back (`app/answers.rs`), and `App::draw` (`app/draw.rs`) paints the state
//! without changing it. This module stays testable without a terminal or a file.

use super::action::{Action, Tab};
use super::dialogs::Dialog;
use super::keys::Context;
use super::screens::{Cx, Screen, Screens, redraw_if};
use super::ui::layout;
use super::ui::theme::Theme;
use crate::domain::Lang;
use crate::i18n::Msg;
use crate::office::Clock;
use ratatui::layout::Rect;

mod answers;
mod day;
mod draw;
mod dsn_desk;
mod effect;
mod held;
mod print;
mod quit;
mod register;

pub use super::dialogs::print::{Paper, PrintRequest, PrintSetup};
pub use answers::{Problem, ProblemKind};
pub use day::{Access, Sealed};
pub use effect::Effect;

/// Who works, and the session's one clock: the clerk recorded on every formulary, and the
/// office's "now" that validation, registration, moves and the day view all read, so the
/// date a clerk sees is the date written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub clerk: String,
    pub clock: Clock,
}

/// A line in the footer until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Msg(Msg),
    Text(String),
}

impl From<Msg> for Status {
    fn from(msg: Msg) -> Self {
        Status::Msg(msg)
    }
}

impl From<String> for Status {
    fn from(text: String) -> Self {
        Status::Text(text)
    }
}

pub struct App {
    pub(super) screen: Screen,
    /// The screen each tab comes back to (its index in `Tab::ALL`).
    pub(super) last_of_tab: [Screen; 3],
    pub(super) screens: Screens,
    pub(super) dialog: Option<Dialog>,
    pub(super) status: Option<Status>,
    pub(super) lang: Lang,
    pub(super) theme: Theme,
    /// Ctrl-Q was pressed once over an unfiled DSN application: pressed again, it quits.
    pub(super) leaving_dsn: bool,
    /// A registered formulary's draft is still in the register: forget it at the next tick.
    pub(super) discard_pending: bool,
    /// The register keeps what is typed as a draft; not when there is no usable register,
    /// and then no question says it does.
    pub(super) drafts_kept: bool,
    /// The terminal's size, to know how many rows a page is.
    pub(super) size: Rect,
    pub(super) session: Session,
    /// Whether the account may write (`Store::admit` at start).
    pub(super) access: Access,
    /// The work queue's overdue items, for the tab bar (`None` until read).
    pub(super) overdue: Option<u64>,
    /// Where papers may go (issue 13), as the runner found it at start.
    pub(super) print: PrintSetup,
    /// The child's IIN Ctrl-G took last: its insert (M-12.b) is offered while the form or
    /// the formulary registered from it holds it.
    pub(super) generated_iin: Option<String>,
    /// Another session of this clerk holds the draft: this one never writes it (issue 11).
    pub(super) held: bool,
    /// The held draft is shown read only, until the clerk takes a fresh form.
    pub(super) read_only: bool,
    /// The clerk typing in a fresh form was told that the draft became free (said once).
    pub(super) free_said: bool,
}

impl App {
    pub fn new(lang: Lang, theme: Theme, size: Rect, session: Session) -> Self {
        let today = session.clock.today();
        Self {
            screen: Screen::Formulary,
            last_of_tab: Tab::ALL.map(Screen::first_of),
            screens: Screens {
                formulary: super::screens::formulary::FormTab::new(&session.clerk, today),
                dsn_form: Default::default(),
                lookup: Default::default(),
                formularies: Default::default(),
                dsn_list: Default::default(),
                record: Default::default(),
                correction: super::screens::formulary::FormTab::new(&session.clerk, today),
                day: Default::default(),
                queue: Default::default(),
                dsn_application: Default::default(),
                journal: Default::default(),
            },
            dialog: None,
            status: None,
            lang,
            theme,
            leaving_dsn: false,
            discard_pending: false,
            drafts_kept: true,
            size,
            session,
            access: Access::Unknown,
            overdue: None,
            print: PrintSetup::default(),
            generated_iin: None,
            held: false,
            read_only: false,
            free_said: false,
        }
    }

    pub fn tab(&self) -> Tab {
        self.screen.tab()
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    pub fn form(&self) -> &super::screens::formulary::FormTab {
        &self.screens.formulary
    }

    pub fn lookup(&self) -> &super::screens::lookup::LookupTab {
        &self.screens.lookup
    }

    /// What has the keyboard: the open dialog, else the screen.
    pub fn context(&self) -> Context {
        match &self.dialog {
            Some(dialog) => dialog.context(),
            None => self.screen_context(),
        }
    }

    /// What has the keyboard once the dialogs are closed: the screen, whose keys the help
    /// lists; the day screen's keys depend on whether the day shown is still open.
    pub fn screen_context(&self) -> Context {
        self.day_context().unwrap_or(Context::Screen(self.screen))
    }

    pub fn resize(&mut self, size: Rect) {
        self.size = size;
    }

    /// The terminal is smaller than the screens are laid out for: `draw` shows only that.
    pub fn too_small(&self) -> bool {
        layout::too_small(self.size)
    }

    /// The order that matters: time passing, a screen too small, the dialog on top, the
    /// keys that act everywhere, then the screen.
    pub fn update(&mut self, action: Action) -> Effect {
        if action == Action::Tick {
            let effect = self.tick();
            return self.only_if_held(effect);
        }
        // A key must not change what the clerk cannot see: below the smallest size only
        // quitting, the help, Esc and a resize act.
        if self.too_small() && !action.acts_when_too_small() {
            return Effect::None;
        }
        // The status line stays until the clerk's next key; a resize is no key.
        let had_status = action != Action::Resize && self.status.take().is_some();
        if !matches!(action, Action::Quit | Action::Resize) {
            self.leaving_dsn = false;
        }
        if let Some(effect) = self.read_only_refuses(&action) {
            return effect;
        }
        let mut cx = self.cx();
        let effect = match self.dialog.take() {
            Some(dialog) => match dialog.update(action.clone(), &mut self.screens, &mut cx) {
                (next, Some(effect)) => {
                    self.dialog = next;
                    effect
                }
                // Closed, leaving the action to the screen under it (Ctrl-Q over a
                // formulary quits as from the screen).
                (_, None) => self.global(&action, &mut cx).unwrap_or(Effect::Redraw),
            },
            None => match self.global(&action, &mut cx) {
                Some(effect) => effect,
                None => match self.guard(&action, &mut cx) {
                    Some(effect) => effect,
                    None => self.screens.update(self.screen, action, &mut cx),
                },
            },
        };
        let effect = self.apply(cx, effect, had_status);
        self.only_if_held(effect)
    }

    /// The keys that act on every screen.
    fn global(&mut self, action: &Action, cx: &mut Cx) -> Option<Effect> {
        Some(match action {
            Action::Quit => self.quit(cx),
            Action::Resize => Effect::Redraw,
            Action::Help => cx.open(Dialog::Help),
            Action::ShowTab(tab) => self.show(self.last_of_tab[tab_index(*tab)]),
            Action::Print if self.screen == Screen::Formulary => self.offer_form_papers(cx),
            Action::OtherForm | Action::OtherList => match self.screen.partner() {
                Some(other) => self.show(other),
                None => Effect::None,
            },
            _ => return None,
        })
    }

    /// Shows `screen`; a list is read again as it comes into view.
    fn show(&mut self, screen: Screen) -> Effect {
        let changed = screen != self.screen;
        self.go(screen);
        if !changed {
            return Effect::None;
        }
        match screen {
            Screen::Formularies => {
                self.screens.formularies.first_page();
                self.screens.formularies.search(None)
            }
            Screen::DsnList => Effect::DsnList,
            Screen::Day => self.reopen_day(),
            _ => Effect::Redraw,
        }
    }

    /// Shows `screen` as it stands, reading nothing (back from a formulary to the list
    /// keeps the list's place).
    pub(super) fn go(&mut self, screen: Screen) {
        self.screen = screen;
        if screen != Screen::Queue {
            self.last_of_tab[tab_index(screen.tab())] = screen;
        }
    }

    /// What screens and dialogs are given to act.
    fn cx(&self) -> Cx {
        Cx {
            lang: self.lang,
            body: layout::body(self.size),
            clock: self.session.clock,
            print: self.print.clone(),
            status: None,
            open: None,
            go: None,
        }
    }

    /// Takes what an update asked of the App besides its effect.
    fn apply(&mut self, cx: Cx, effect: Effect, had_status: bool) -> Effect {
        if let Some(status) = cx.status {
            self.status = Some(status);
        }
        if let Some(dialog) = cx.open {
            self.dialog = Some(dialog);
        }
        if let Some(screen) = cx.go {
            self.go(screen);
        }
        match effect {
            // A key that changed nothing still takes the status line away.
            Effect::None => redraw_if(had_status),
            // The draft row, one per clerk, now holds the new entry: a discard still
            // pending from the registration before must not delete it.
            Effect::SaveDraft(draft) => {
                self.discard_pending = false;
                Effect::SaveDraft(draft)
            }
            effect => effect,
        }
    }

    /// The office's own region and district (its settings), the codes every new formulary
    /// starts with (issue 11).
    pub fn set_office_codes(&mut self, codes: super::screens::formulary::OfficeCodes) {
        let today = self.session.clock.today();
        let form = self.screens.formulary.fresh(today).with_office_codes(codes);
        self.screens.formulary = form;
    }

    /// Moves the focus to `id` (tests and the first draw of a restored draft).
    pub fn focus_field(&mut self, id: super::screens::formulary::spec::FieldId) {
        self.screens.formulary.focus_on(id);
    }
}

pub(super) fn tab_index(tab: Tab) -> usize {
    Tab::ALL.iter().position(|t| *t == tab).unwrap_or(0)
}

#[cfg(test)]
mod print_tests;
#[cfg(test)]
mod tests;
