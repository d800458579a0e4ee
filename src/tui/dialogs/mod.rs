//! The dialogs over the screens: while one is open, it alone takes the keys. Each is one
//! module with its update and its draw; this one holds the [`Dialog`] value, routes an
//! action to the open dialog, and draws it.
//!
//! A dialog's update takes the dialog by value and gives back the one open next (itself,
//! another, or none) with the effect: a dialog is a small state machine, and what it
//! becomes is visible in the return value rather than in assignments scattered over `App`.

mod child_iin;
mod day;
mod draft_held;
mod help;
pub mod move_data;
mod move_steps;
mod picker;
mod question;

pub use child_iin::begin as begin_child_iin;
pub use question::Ask;
mod reason;
pub mod taxpayer;

use super::action::Action;
use super::app::Effect;
use super::keys::Context;
use super::screens::formulary::spec::FieldId;
use super::screens::lookup::LookupTab;
use super::screens::{Cx, Screens};
use super::ui::View;
use crate::domain::lifecycle::MoveKind;
use crate::store::DaySummary;
use ratatui::Frame;
use ratatui::layout::Rect;
use tui_input::Input;

/// A dialog over the current screen.
pub enum Dialog {
    Help,
    /// The directory picker for a code field of the new formulary, or of the correction.
    Picker {
        field: FieldId,
        list: LookupTab,
        correction: bool,
    },
    /// The reason for letting the focused field's warning pass, in the new formulary or in
    /// the correction.
    Reason {
        input: Input,
        correction: bool,
    },
    /// "Quit with an unregistered formulary?"; `draft_kept` says whether the register
    /// keeps the entry as a draft (it does not when there is no usable register).
    Quit {
        draft_kept: bool,
    },
    /// A question before replacing what was typed.
    Ask(question::Ask),
    /// The data a move of formulary `number` needs: a line of text, or one of a few
    /// choices. It stays open while the move is made, so that a refused move leaves what was
    /// typed to correct.
    MoveData {
        number: String,
        kind: MoveKind,
        input: Input,
        choice: usize,
    },
    /// The issue's second step (M-57): the document's own number, or its machine-readable
    /// zone read by a reader, after the coupon.
    IssueDocument {
        number: String,
        coupon: String,
        input: Input,
    },
    /// The end-of-day view.
    Day(Box<DaySummary>),
    /// "Close the day?" over the end-of-day view it goes back to, answered by typing the
    /// day's date: a day is sealed for good, so no single key closes it.
    CloseDay {
        day: Box<DaySummary>,
        input: Input,
    },
    /// "y/д" before a move that ends the formulary's course (cancel, spoil, destroy), with
    /// the move's dialog and what was typed in it to go back to.
    EndMove {
        number: String,
        kind: MoveKind,
        input: Input,
        event: Box<crate::domain::lifecycle::Event>,
    },
    /// "Refuse the documents (M-16)?" over the opened formulary `number`: a refusal cannot
    /// be undone (`move_data::begin`).
    Refuse {
        number: String,
    },
    /// The clerk's draft is held by another session (issue 11): a fresh form or read only.
    DraftHeld(crate::store::DraftHolder),
    /// "Quit?" while another session holds the draft: what was typed here is lost.
    QuitHeld,
    /// What a parent showed for a child's IIN (M-12.a), asked before the IIN is taken.
    ChildIin(Box<child_iin::BasisForm>),
    /// A taxpayer typed to be added to the register D-7 (1) is checked against.
    Taxpayer(Box<taxpayer::TaxpayerEntry>),
    /// The directory picker of a DSN form's code field (the unit, facet 2; the country and
    /// the product type too).
    DsnPicker {
        list: LookupTab,
    },
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
            Dialog::Picker { .. } | Dialog::DsnPicker { .. } => Context::Picker,
            Dialog::Taxpayer(_) => Context::Taxpayer,
            Dialog::Reason { .. } => Context::Reason,
            Dialog::Quit { draft_kept: true } => Context::QuitQuestion,
            Dialog::Quit { draft_kept: false } => Context::QuitLosingQuestion,
            Dialog::Ask(_) => Context::AskQuestion,
            Dialog::CloseDay { .. } => Context::CloseDayQuestion,
            Dialog::EndMove { .. } => Context::EndQuestion,
            Dialog::Refuse { .. } => Context::RefuseQuestion,
            Dialog::MoveData { .. } | Dialog::IssueDocument { .. } => Context::MoveData,
            Dialog::Day(day) if day.closed.is_some() => Context::ClosedDay,
            Dialog::Day(_) => Context::Day,
            Dialog::ChildIin(_) => Context::ChildIin,
            Dialog::DraftHeld(_) => Context::DraftHeld,
            Dialog::QuitHeld => Context::QuitLosingQuestion,
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
            Dialog::Quit { draft_kept } => match action {
                Action::Confirm | Action::Quit => (None, Some(Effect::Quit)),
                Action::Back => become_(None),
                _ => stay(Dialog::Quit { draft_kept }, false),
            },
            Dialog::Ask(ask) => question::ask(ask, action, screens, cx),
            Dialog::Picker {
                field,
                list,
                correction,
            } => picker::update(field, list, correction, action, screens, cx),
            Dialog::Reason { input, correction } => {
                reason::update(input, correction, action, screens)
            }
            Dialog::MoveData {
                number,
                kind,
                input,
                choice,
            } => {
                let coupon = screens.record.record().map(|r| r.coupon.clone());
                move_data::update(number, kind, input, choice, action, cx, coupon.as_deref())
            }
            Dialog::Refuse { number } => question::refuse(number, action, cx),
            Dialog::IssueDocument {
                number,
                coupon,
                input,
            } => move_steps::issue_document(number, coupon, input, action, cx),
            Dialog::Day(day) => day::update(day, action),
            Dialog::ChildIin(form) => child_iin::update(form, action, cx),
            // Its n and r are the App's (`app/held.rs`); Ctrl-Q quits from under it.
            Dialog::DraftHeld(holder) => match action {
                Action::Quit => (None, None),
                _ => stay(Dialog::DraftHeld(holder), false),
            },
            Dialog::QuitHeld => match action {
                Action::Confirm | Action::Quit => (None, Some(Effect::Quit)),
                Action::Back => become_(None),
                _ => stay(Dialog::QuitHeld, false),
            },
            Dialog::CloseDay { day, input } => question::close_day(day, input, action, cx),
            Dialog::EndMove {
                number,
                kind,
                input,
                event,
            } => move_steps::end_move(number, kind, input, event, action),
            Dialog::Taxpayer(entry) => taxpayer::update(entry, action, cx.lang),
            Dialog::DsnPicker { list } => picker::update_dsn(list, action, screens, cx),
        }
    }

    /// The dialog over the screen in `body`.
    /// The dialog over the screen in `body`; `under` is the screen's context, whose keys
    /// the help lists.
    pub fn draw(&self, frame: &mut Frame, body: Rect, view: View, under: Context) {
        use crate::i18n::Msg;
        match self {
            Dialog::Help => help::draw(frame, body, view, under),
            Dialog::Picker { list, .. } | Dialog::DsnPicker { list } => {
                picker::draw(frame, body, list, view)
            }
            Dialog::Taxpayer(entry) => taxpayer::draw(frame, body, entry, view),
            Dialog::Reason { input, .. } => reason::draw(frame, body, input, view),
            Dialog::Quit { draft_kept: true } => {
                question::draw(frame, body, Msg::QuitQuestion, view)
            }
            Dialog::Quit { draft_kept: false } => {
                question::draw(frame, body, Msg::QuitQuestionNoDraft, view)
            }
            Dialog::Ask(ask) => question::draw_text(frame, body, &ask.question(view.lang)),
            Dialog::CloseDay { day, input } => {
                day::draw(frame, body, day, view);
                question::draw_close_day(frame, body, input, view);
            }
            Dialog::EndMove { .. } => question::draw(frame, body, Msg::EndQuestion, view),
            Dialog::Refuse { .. } => question::draw(frame, body, Msg::RefuseQuestion, view),
            Dialog::Day(day) => day::draw(frame, body, day, view),
            Dialog::ChildIin(form) => child_iin::draw(frame, body, form, view),
            Dialog::DraftHeld(holder) => draft_held::draw(frame, body, holder, view),
            Dialog::QuitHeld => question::draw(frame, body, Msg::QuitQuestionHeld, view),
            Dialog::MoveData {
                kind,
                input,
                choice,
                ..
            } => move_data::draw(frame, body, *kind, input, *choice, view),
            Dialog::IssueDocument { input, .. } => {
                move_steps::draw_document(frame, body, input, view)
            }
        }
    }
}
