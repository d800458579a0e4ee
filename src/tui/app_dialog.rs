//! The dialogs over the workstation's tabs (the help, the code picker, the reason of an
//! accepted warning, the questions, an opened formulary and the end-of-day view), and how
//! an action changes an open dialog: while one is open, it alone takes the keys.

use super::action::Action;
use super::app::{App, Effect};
use super::form::spec::FieldId;
use super::lookup::LookupTab;
use crate::codes::Entry;
use crate::domain::lifecycle::MoveKind;
use crate::store::{DaySummary, Record};
use tui_input::Input;

/// A dialog over the current tab.
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
    /// refusal cannot be undone (`begin_move`).
    Refuse(Box<Record>),
}

impl App {
    /// What `action` does to the open dialog; `had_status` says whether the footer showed a
    /// status line, which this key clears.
    pub(super) fn update_dialog(&mut self, action: Action, had_status: bool) -> Effect {
        // The picker pages by the rows it shows, which the terminal's size decides.
        let picker_page = LookupTab::page_size(super::view::picker_list(Self::body(self.size)));
        let Some(dialog) = self.dialog.as_mut() else {
            return Effect::None;
        };
        match (dialog, action) {
            (_, Action::Resize) => Effect::Redraw,
            (Dialog::MoveData { .. } | Dialog::CloseDay(_) | Dialog::Refuse(_), Action::Back) => {
                // Back one step: from a move's data or question to the formulary it was
                // chosen on, from the question to the day it would close.
                self.dialog = match self.dialog.take() {
                    Some(Dialog::MoveData { record, .. } | Dialog::Refuse(record)) => {
                        Some(Dialog::Record(record))
                    }
                    Some(Dialog::CloseDay(day)) => Some(Dialog::Day(day)),
                    _ => None,
                };
                Effect::Redraw
            }
            (_, Action::Back) => {
                self.dialog = None;
                Effect::Redraw
            }
            (Dialog::Quit, Action::Confirm | Action::Quit) => Effect::Quit,
            (Dialog::CloseDay(day), Action::Confirm) => {
                let date = day.date;
                self.dialog = None;
                Effect::CloseDay(date)
            }
            (Dialog::Refuse(_), Action::Confirm) => self.refuse(),
            // Quitting from over a formulary, the day or the help is quitting from the
            // screen under it: the same warning for an unfiled DSN application and the
            // same question for a formulary entry (`App::quit`), not a silent exit.
            (Dialog::Record(_) | Dialog::Day(_) | Dialog::Help, Action::Quit) => {
                self.dialog = None;
                self.quit()
            }
            (Dialog::Day(day), Action::CloseDay) if day.closed.is_none() => {
                let day = day.clone();
                self.dialog = Some(Dialog::CloseDay(day));
                Effect::Redraw
            }
            (Dialog::Record(record), Action::Choose(n)) => {
                let moves = crate::domain::lifecycle::moves_from(record.lifecycle.state());
                let Some(kind) = usize::from(n)
                    .checked_sub(1)
                    .and_then(|i| moves.get(i))
                    .copied()
                else {
                    return Effect::None;
                };
                let record = record.clone();
                self.begin_move(record, kind)
            }
            (Dialog::MoveData { .. }, Action::Edit(request)) => self.edit_move_data(request),
            (Dialog::MoveData { .. }, Action::Confirm) => self.finish_move(),
            (Dialog::Picker { list, .. }, Action::Edit(request)) => {
                if list.edit(request) {
                    Effect::Redraw
                } else {
                    Effect::None
                }
            }
            (Dialog::Picker { list, .. }, Action::Select(step)) => {
                if list.select(step, picker_page) {
                    Effect::Redraw
                } else {
                    Effect::None
                }
            }
            (Dialog::Picker { list, field }, Action::Confirm) => {
                let (chosen, field) = (list.selected(), *field);
                self.dialog = None;
                match chosen {
                    Some(Entry::District(d)) => {
                        self.form.set(FieldId::RegionCode, d.region_code);
                        self.form.set(FieldId::DistrictCode, d.district_code);
                    }
                    Some(Entry::Filling(f)) => self.form.set(field, f.code),
                    _ => {}
                }
                Effect::Redraw
            }
            (Dialog::Reason(input), Action::Edit(request)) => {
                if input.handle(request).is_some() {
                    Effect::Redraw
                } else {
                    Effect::None
                }
            }
            (Dialog::Reason(input), Action::Confirm) => {
                let reason = input.value().trim().to_string();
                if reason.is_empty() {
                    return Effect::None;
                }
                self.dialog = None;
                self.form.accept_warning(&reason);
                Effect::Redraw
            }
            _ if had_status => Effect::Redraw,
            _ => Effect::None,
        }
    }
}
