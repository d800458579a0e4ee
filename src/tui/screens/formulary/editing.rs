//! The clerk's own changes to the form: moving between fields and to the next problem,
//! typing or pasting into a field, choosing a value, setting a code from the picker, and
//! letting a warning pass. Each change checks the formulary again.

use super::convert::{field_of, is_choice};
use super::spec::{self, FIELDS, FieldId, Input as Kind};
use super::update::by_letter;
use super::{Focus, FormTab};
use crate::domain::formulary::{Override, Severity};
use crate::tui::ui::text::paste;
use tui_input::{Input, InputRequest};

impl FormTab {
    /// Moves the focus to the next field, after the focused one and round to the first,
    /// that has an open error, or failing that a warning; `false` when none has.
    pub fn next_problem(&mut self) -> bool {
        let count = FIELDS.len();
        let with = |severity: Severity| {
            (1..=count)
                .map(|step| (self.focus + step) % count)
                .find(|&i| {
                    let id = FIELDS[i].id;
                    self.report.open().any(|v| {
                        v.severity == severity && field_of(&v.field, &self.notes) == Some(id)
                    })
                })
        };
        let Some(next) = with(Severity::Error).or_else(|| with(Severity::Warning)) else {
            return false;
        };
        self.touched.insert(self.focused());
        self.focus = next;
        self.touched.insert(FIELDS[next].id);
        true
    }

    pub fn move_focus(&mut self, step: Focus) -> bool {
        self.touched.insert(self.focused());
        let last = FIELDS.len().saturating_sub(1);
        let next = match step {
            Focus::Next => (self.focus + 1).min(last),
            Focus::Previous => self.focus.saturating_sub(1),
        };
        let moved = next != self.focus;
        self.focus = next;
        moved
    }

    /// A key for the focused field. A choice field turns ← → (and Space) into its
    /// previous and next value; a text field edits.
    pub fn edit(&mut self, request: InputRequest) -> bool {
        let id = self.focused();
        let Some(input) = self.inputs.get_mut(self.focus) else {
            return false;
        };
        let changed = if let Some(Kind::Choice(options)) = spec::spec(id).map(|s| s.input) {
            let at = options
                .iter()
                .position(|o| *o == input.value())
                .unwrap_or(0);
            let next = match request {
                InputRequest::GoToNextChar | InputRequest::InsertChar(' ') => {
                    (at + 1) % options.len()
                }
                InputRequest::GoToPrevChar => (at + options.len() - 1) % options.len(),
                InputRequest::DeletePrevChar | InputRequest::DeleteLine => 0,
                // A letter chooses the value whose name starts with it, in any of the three
                // languages (м/ж, е/ә, m/f for the sex); again, the next such value.
                InputRequest::InsertChar(c) => by_letter(options, at, c).unwrap_or(at),
                _ => at,
            };
            let changed = next != at;
            *input = Input::new(options.get(next).copied().unwrap_or("").to_string());
            changed
        } else {
            input.handle(request).is_some_and(|c| c.value)
        };
        if changed {
            self.changed(id);
        }
        changed
    }

    /// Text pasted into the focused field, whole (a choice field takes none).
    pub fn paste(&mut self, text: &str) -> bool {
        let id = self.focused();
        if is_choice(id) {
            return false;
        }
        let changed = self
            .inputs
            .get_mut(self.focus)
            .is_some_and(|input| paste(input, text));
        if changed {
            self.changed(id);
        }
        changed
    }

    /// What follows a change of field `id`: its problems show, an IIN fills birth date and
    /// sex, the draft is to be kept, and the formulary is checked again.
    fn changed(&mut self, id: FieldId) {
        self.touched.insert(id);
        if id == FieldId::Iin {
            self.fill_from_iin();
        }
        self.unsaved = true;
        self.revalidate();
    }

    /// Sets a field outright (a code chosen in the picker).
    pub fn set(&mut self, id: FieldId, value: &str) {
        if let Some(i) = FIELDS.iter().position(|f| f.id == id) {
            self.touched.insert(id);
            self.inputs[i] = Input::new(value.to_string());
            self.unsaved = true;
            self.revalidate();
        }
    }

    /// Lets the focused field's first open warning pass, with the clerk's reason.
    pub fn accept_warning(&mut self, reason: &str) -> bool {
        let id = self.focused();
        let Some(warning) = self
            .violations_of(id)
            .find(|v| v.severity == Severity::Warning)
            .cloned()
        else {
            return false;
        };
        self.overrides.push(Override {
            rule: warning.rule.to_string(),
            field: warning.field,
            reason: Some(reason.trim().to_string()),
        });
        self.unsaved = true;
        self.revalidate();
        true
    }

    /// Whether the focused field has a warning that may be accepted.
    pub fn has_warning(&self) -> bool {
        self.violations_of(self.focused())
            .any(|v| v.severity == Severity::Warning)
    }
}
