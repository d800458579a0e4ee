//! The dialogs over the screens: while one is open, it alone takes the keys. Each is one
//! module with its update and its draw; this one holds the [`Dialog`] value, routes an
//! action to the open dialog, and draws it.
//!
//! A dialog's update takes the dialog by value and gives back the one open next (itself,
//! another, or none) with the effect: a dialog is a small state machine, and what it
//! becomes is visible in the return value rather than in assignments scattered over `App`.

mod day;
mod help;
pub mod move_data;
mod picker;
mod question;
mod reason;
pub mod record;

use super::action::Action;
use super::app::Effect;
use super::keys::Context;
use super::screens::formulary::spec::FieldId;
use super::screens::lookup::LookupTab;
use super::screens::{Cx, Screens};
use super::ui::View;
use crate::domain::lifecycle::MoveKind;
use crate::store::{DaySummary, Record};
use ratatui::Frame;
use ratatui::layout::Rect;
use tui_input::Input;

/// A dialog over the current screen.
pub enum Dialog {
    Help,
    /// The directory picker for a code field.
    Picker {
        field: FieldId,
        list: LookupTab,
    },
    /// The reason for letting the focused field's warning pass.
    Reason(Input),
    /// "Quit with an unregistered formulary?"
    Quit,
    /// An opened formulary, with its history and the moves it allows.
    Record(Box<Record>),
    /// The data a move needs: a line of text, or one of a few choices. It stays open while
    /// the move is made, so that a refused move leaves what was typed to correct.
    MoveData {
        record: Box<Record>,
        kind: MoveKind,
        input: Input,
        choice: usize,
    },
    /// The end-of-day view.
    Day(Box<DaySummary>),
    /// "Close the day?", over the end-of-day view it goes back to.
    CloseDay(Box<DaySummary>),
    /// "Refuse the documents (M-16)?", over the opened formulary it goes back to: a
    /// refusal cannot be undone (`move_data::begin`).
    Refuse(Box<Record>),
}

/// What a dialog's update gives back: the dialog open next, and the effect; no effect
/// means the dialog closed and leaves the action to the screen under it.
pub type Next = (Option<Dialog>, Option<Effect>);

/// The dialog stays as it is; `changed` says whether to draw again.
fn stay(dialog: Dialog, changed: bool) -> Next {
    let effect = if changed {
        Effect::Redraw
    } else {
        Effect::None
    };
    (Some(dialog), Some(effect))
}

/// The dialog gives way to `next` (none: closed), drawn again.
fn become_(next: Option<Dialog>) -> Next {
    (next, Some(Effect::Redraw))
}

impl Dialog {
    /// What has the keyboard while this dialog is open.
    pub fn context(&self) -> Context {
        match self {
            Dialog::Help => Context::Help,
            Dialog::Picker { .. } => Context::Picker,
            Dialog::Reason(_) => Context::Reason,
            Dialog::Quit => Context::QuitQuestion,
            Dialog::CloseDay(_) => Context::CloseDayQuestion,
            Dialog::Refuse(_) => Context::RefuseQuestion,
            Dialog::Record(_) => Context::Record,
            Dialog::MoveData { .. } => Context::MoveData,
            Dialog::Day(day) if day.closed.is_some() => Context::ClosedDay,
            Dialog::Day(_) => Context::Day,
        }
    }

    /// What `action` does to the open dialog.
    pub fn update(self, action: Action, screens: &mut Screens, cx: &mut Cx) -> Next {
        if action == Action::Resize {
            return stay(self, true);
        }
        match self {
            Dialog::Help => match action {
                Action::Back => become_(None),
                // Quitting from over the help is quitting from the screen under it.
                Action::Quit => (None, None),
                _ => stay(Dialog::Help, false),
            },
            Dialog::Quit => match action {
                Action::Confirm | Action::Quit => (None, Some(Effect::Quit)),
                Action::Back => become_(None),
                _ => stay(Dialog::Quit, false),
            },
            Dialog::Picker { field, list } => picker::update(field, list, action, screens, cx),
            Dialog::Reason(input) => reason::update(input, action, screens),
            Dialog::Record(record) => record::update(record, action, cx),
            Dialog::MoveData {
                record,
                kind,
                input,
                choice,
            } => move_data::update(record, kind, input, choice, action, cx),
            Dialog::Refuse(record) => question::refuse(record, action, cx),
            Dialog::Day(day) => day::update(day, action),
            Dialog::CloseDay(day) => question::close_day(day, action),
        }
    }

    /// The dialog over the screen in `body`.
    /// The dialog over the screen in `body`; `under` is the screen's context, whose keys
    /// the help lists.
    pub fn draw(&self, frame: &mut Frame, body: Rect, view: View, under: Context) {
        use crate::i18n::Msg;
        match self {
            Dialog::Help => help::draw(frame, body, view, under),
            Dialog::Picker { list, .. } => picker::draw(frame, body, list, view),
            Dialog::Reason(input) => reason::draw(frame, body, input, view),
            Dialog::Quit => question::draw(frame, body, Msg::QuitQuestion, view),
            Dialog::CloseDay(_) => question::draw(frame, body, Msg::CloseDayQuestion, view),
            Dialog::Record(record) => record::draw(frame, body, record, view),
            Dialog::Refuse(record) => {
                record::draw(frame, body, record, view);
                question::draw(frame, body, Msg::RefuseQuestion, view);
            }
            Dialog::Day(day) => day::draw(frame, body, day, view),
            Dialog::MoveData {
                kind,
                input,
                choice,
                ..
            } => move_data::draw(frame, body, *kind, input, *choice, view),
        }
    }
}
