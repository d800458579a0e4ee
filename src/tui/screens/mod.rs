//! The workstation's screens. Each is one module holding its state, its `update` (an action
//! in, an [`Effect`] out) and its `draw` (a pure function of the state), side by side.
//!
//! Which screen shows is one value, [`Screen`]; the key table's context is derived from it
//! (`App::context`), never stored beside it. A new screen is a module here, a variant of
//! [`Screen`] (with its tab and its scope in `keys`), and its place in [`Screens`].

pub mod dsn_application;
pub mod dsn_form;
pub mod dsn_list;
pub mod formularies;
pub mod formulary;
pub mod journal;
pub mod lookup;
pub mod record;

use super::action::{Action, Tab};
use super::app::{Effect, Status};
use super::dialogs::Dialog;
use crate::domain::Lang;
use crate::office::Clock;
use chrono::NaiveDate;
use ratatui::layout::Rect;

/// The screen the workstation shows under any dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    /// The New tab's electronic formulary (M-31 and the rules of order No. 451).
    Formulary,
    /// The New tab's DSN code application (D-4).
    DsnForm,
    /// Code lookup over every directory.
    Lookup,
    /// The Register tab's formularies, a page at a time.
    Formularies,
    /// The Register tab's DSN applications.
    DsnList,
    /// The Register tab's opened formulary, in full, with its moves.
    Record,
    /// The Register tab's correction of an opened formulary (the form, filled with its data).
    Correction,
    /// The Register tab's opened DSN application, read-only (issue 11).
    DsnApplication,
    /// The Register tab's journal of conclusions (M-16), a year at a time.
    Journal,
}

impl Screen {
    /// Every screen, in the order of their tabs.
    pub const ALL: [Screen; 9] = [
        Screen::Formulary,
        Screen::DsnForm,
        Screen::Lookup,
        Screen::Formularies,
        Screen::DsnList,
        Screen::Record,
        Screen::Correction,
        Screen::DsnApplication,
        Screen::Journal,
    ];

    /// The tab the screen belongs to.
    pub fn tab(self) -> Tab {
        match self {
            Screen::Formulary | Screen::DsnForm => Tab::NewFormulary,
            Screen::Lookup => Tab::CodeLookup,
            Screen::Formularies
            | Screen::DsnList
            | Screen::Record
            | Screen::Correction
            | Screen::DsnApplication
            | Screen::Journal => Tab::Register,
        }
    }

    /// The other screen of the same tab (Ctrl-N, Ctrl-T), if the tab has two.
    pub fn partner(self) -> Option<Screen> {
        match self {
            Screen::Formulary => Some(Screen::DsnForm),
            Screen::DsnForm => Some(Screen::Formulary),
            Screen::Formularies => Some(Screen::DsnList),
            Screen::DsnList => Some(Screen::Formularies),
            Screen::Lookup
            | Screen::Record
            | Screen::Correction
            | Screen::DsnApplication
            | Screen::Journal => None,
        }
    }

    /// The screen a tab opens on before the clerk chose another of it.
    pub fn first_of(tab: Tab) -> Screen {
        match tab {
            Tab::NewFormulary => Screen::Formulary,
            Tab::CodeLookup => Screen::Lookup,
            Tab::Register => Screen::Formularies,
        }
    }
}

/// The state of every screen: each keeps its own while another shows (a half-typed
/// formulary survives a look-up).
pub struct Screens {
    pub formulary: formulary::FormTab,
    pub dsn_form: dsn_form::DsnForm,
    pub lookup: lookup::LookupTab,
    pub formularies: formularies::RegisterTab,
    pub dsn_list: dsn_list::DsnList,
    pub record: record::RecordScreen,
    /// The correction in progress of the opened formulary (a form with the number it
    /// corrects); a new one each time the clerk starts correcting.
    pub correction: formulary::FormTab,
    /// The opened DSN application.
    pub dsn_application: dsn_application::DsnApplication,
    pub journal: journal::JournalScreen,
}

/// What a screen's or a dialog's `update` is given besides the action, and what it may ask
/// of the App besides its effect: a line for the status, a dialog to open.
pub struct Cx {
    pub lang: Lang,
    /// The area between the tab bar and the footer, which page sizes are counted from.
    pub body: Rect,
    /// The session's one clock: the date validated against is the date written.
    pub clock: Clock,
    /// Set: the status line shows it until the next key.
    pub status: Option<Status>,
    /// Set: this dialog opens over the screen.
    pub open: Option<Dialog>,
    /// Set: the App shows this screen next (going back, or on to a correction).
    pub go: Option<Screen>,
}

impl Cx {
    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// Says `status` on the footer and asks for a redraw.
    pub fn say(&mut self, status: impl Into<Status>) -> Effect {
        self.status = Some(status.into());
        Effect::Redraw
    }

    /// Opens `dialog` over the screen and asks for a redraw.
    pub fn open(&mut self, dialog: Dialog) -> Effect {
        self.open = Some(dialog);
        Effect::Redraw
    }
}

/// `Effect::Redraw` when something changed, else `Effect::None`.
pub fn redraw_if(changed: bool) -> Effect {
    if changed {
        Effect::Redraw
    } else {
        Effect::None
    }
}

impl Screens {
    /// An action for `screen`, the one showing with no dialog over it.
    pub fn update(&mut self, screen: Screen, action: Action, cx: &mut Cx) -> Effect {
        match screen {
            Screen::Formulary => self.formulary.update(action, cx),
            Screen::DsnForm => self.dsn_form.update(action, cx),
            Screen::Lookup => self.lookup.update(action, cx),
            // The journal is the Register tab's own: opened from the list of formularies.
            Screen::Formularies if action == Action::Journal => self.journal.open(cx),
            Screen::Formularies => self.formularies.update(action, cx),
            Screen::DsnList => self.dsn_list.update(action, cx),
            Screen::Record => self.update_record(action, cx),
            Screen::DsnApplication => self.dsn_application.update(action, cx),
            Screen::Journal => self.journal.update(action, cx),
            Screen::Correction => match action {
                // Back to the formulary; what was typed in the correction is dropped.
                Action::Back => {
                    cx.go = Some(Screen::Record);
                    Effect::Redraw
                }
                action => self.correction.update(action, cx),
            },
        }
    }

    /// The opened formulary, where a correction moves to the correction screen: asked
    /// (Ctrl-R), or offered before a resend of a formulary returned for its data or its
    /// filling code and not corrected since (M-40).
    fn update_record(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let resend_first = match action {
            Action::Choose(n) => {
                self.record.chosen(n) == Some(crate::domain::lifecycle::MoveKind::Resend)
                    && self.record.needs_correction(cx.clock.zone())
            }
            _ => false,
        };
        if action == Action::Correct || resend_first {
            return self.start_correction(cx, resend_first);
        }
        self.record.update(action, cx)
    }

    /// The correction of the opened formulary, filled with its data, if it is still in the
    /// office; said why not otherwise.
    fn start_correction(&mut self, cx: &mut Cx, resend_first: bool) -> Effect {
        let Some(record) = self.record.record() else {
            return Effect::None;
        };
        if !self.record.correctable() {
            return cx.say(crate::i18n::Msg::NotCorrectable);
        }
        let clerk = record.formulary.clerk.clone().unwrap_or_default();
        self.correction =
            formulary::FormTab::correcting(&record.number, &record.formulary, &clerk, cx.today());
        cx.go = Some(Screen::Correction);
        if resend_first {
            cx.status = Some(crate::i18n::Msg::CorrectBeforeResend.into());
        }
        Effect::Redraw
    }
}
