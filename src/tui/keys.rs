//! Key bindings as data: one table says which keys do what where, and the footer and the
//! help screen are drawn from the same table, so they cannot disagree with the keys.
//!
//! Nothing needs an F-key (thin terminals may have none): every F-key has a twin. A lone
//! Esc may arrive late or glued to the next key over SSH, so Esc only closes things.

use super::action::{Action, Tab};
use super::i18n::Msg;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every screen, unless a dialog is open.
    Global,
    /// The help overlay.
    Help,
    /// A dialog with a text line (the code picker, the reason of an accepted warning).
    Entry,
    /// A yes/no question.
    Question,
    /// A list of codes: the Code lookup tab and the code picker.
    List,
    /// The Code lookup tab only.
    Lookup,
    /// The New formulary tab.
    Form,
    /// The Register tab.
    Register,
    /// An opened formulary.
    Record,
    /// The end-of-day view.
    Day,
}

/// What has the keyboard now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Tab(Tab),
    Help,
    Picker,
    Reason,
    Question,
    Record,
    MoveData,
    Day,
}

impl Context {
    /// The scopes that apply, most specific first.
    pub fn scopes(self) -> &'static [Scope] {
        match self {
            Context::Help => &[Scope::Help],
            Context::Picker => &[Scope::List, Scope::Entry],
            Context::Reason => &[Scope::Entry],
            Context::Question => &[Scope::Question],
            Context::Tab(Tab::CodeLookup) => &[Scope::List, Scope::Lookup, Scope::Global],
            Context::Tab(Tab::NewFormulary) => &[Scope::Form, Scope::Global],
            Context::Tab(Tab::Register) => &[Scope::List, Scope::Register, Scope::Global],
            Context::Record => &[Scope::Record],
            Context::MoveData => &[Scope::Entry],
            Context::Day => &[Scope::Day],
        }
    }

    /// Whether typed characters go to a text line here.
    fn types_text(self) -> bool {
        matches!(
            self,
            Context::Picker
                | Context::Reason
                | Context::MoveData
                | Context::Tab(Tab::CodeLookup | Tab::NewFormulary | Tab::Register)
        )
    }
}

/// One line of the key table.
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [(KeyModifiers, KeyCode)],
    /// How the keys are written in the footer and the help.
    pub label: &'static str,
    pub help: Msg,
    pub action: Action,
    /// Shown in the footer, not only in the help.
    pub in_footer: bool,
}

mod table;

pub use table::BINDINGS;

/// The action for a terminal event in the current context, if any.
pub fn action_for(event: &Event, context: Context) -> Option<Action> {
    let key = match event {
        Event::Resize(_, _) => return Some(Action::Resize),
        Event::Key(key) if key.kind != KeyEventKind::Release => key,
        _ => return None,
    };
    if context == Context::Record
        && let KeyCode::Char(c @ '1'..='9') = key.code
    {
        return u8::try_from(c.to_digit(10).unwrap_or(0))
            .ok()
            .map(Action::Choose);
    }
    let scopes = context.scopes();
    for scope in scopes {
        if let Some(binding) = BINDINGS
            .iter()
            .filter(|b| b.scope == *scope)
            .find(|b| matches(b, key))
        {
            // "?" is a help key, but in a line of text it may be text: only where no text
            // is typed does it open the help.
            let is_question_mark = key.code == KeyCode::Char('?');
            if !(is_question_mark
                && context.types_text()
                && !matches!(context, Context::Tab(Tab::CodeLookup | Tab::Register)))
            {
                return Some(binding.action.clone());
            }
        }
    }
    // Whatever else is typed goes to the text line that has the focus.
    if context.types_text() {
        return tui_input::backend::crossterm::to_input_request(event).map(Action::Edit);
    }
    None
}

fn matches(binding: &Binding, key: &KeyEvent) -> bool {
    binding
        .keys
        .iter()
        .any(|(mods, code)| *code == key.code && *mods == key.modifiers)
}

/// The bindings that apply in `context`, for the footer and the help; a binding whose
/// label a previous one already shows (↑ beside ↑↓) is left out.
pub fn visible(context: Context) -> impl Iterator<Item = &'static Binding> {
    let scopes = context.scopes();
    BINDINGS
        .iter()
        .filter(move |b| scopes.contains(&b.scope))
        .filter(|b| !matches!(b.label, "↑" | "PgUp"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::form::Focus;

    const NONE: KeyModifiers = KeyModifiers::NONE;
    const ALT: KeyModifiers = KeyModifiers::ALT;
    const CTRL: KeyModifiers = KeyModifiers::CONTROL;

    fn key(mods: KeyModifiers, code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, mods))
    }

    #[test]
    fn every_f_key_has_a_twin_that_is_not_an_f_key() {
        for binding in BINDINGS {
            if binding.keys.iter().any(|(_, c)| matches!(c, KeyCode::F(_))) {
                assert!(
                    binding
                        .keys
                        .iter()
                        .any(|(_, c)| !matches!(c, KeyCode::F(_))),
                    "{}",
                    binding.label
                );
            }
        }
    }

    #[test]
    fn tabs_switch_with_alt_digits_and_f_keys_from_every_tab() {
        for tab in Tab::ALL {
            let context = Context::Tab(tab);
            assert_eq!(
                action_for(&key(ALT, KeyCode::Char('3')), context),
                Some(Action::ShowTab(Tab::Register))
            );
            assert_eq!(
                action_for(&key(NONE, KeyCode::F(3)), context),
                Some(Action::ShowTab(Tab::CodeLookup))
            );
        }
    }

    #[test]
    fn typing_goes_to_the_focused_line_and_ctrl_q_quits() {
        for context in [
            Context::Tab(Tab::CodeLookup),
            Context::Tab(Tab::NewFormulary),
            Context::Picker,
        ] {
            assert!(matches!(
                action_for(&key(NONE, KeyCode::Char('a')), context),
                Some(Action::Edit(_))
            ));
        }
        assert_eq!(
            action_for(
                &key(CTRL, KeyCode::Char('q')),
                Context::Tab(Tab::NewFormulary)
            ),
            Some(Action::Quit)
        );
    }

    #[test]
    fn in_the_form_a_question_mark_is_text_and_f1_is_help() {
        let form = Context::Tab(Tab::NewFormulary);
        assert!(matches!(
            action_for(&key(NONE, KeyCode::Char('?')), form),
            Some(Action::Edit(_))
        ));
        assert_eq!(
            action_for(&key(NONE, KeyCode::F(1)), form),
            Some(Action::Help)
        );
        assert_eq!(
            action_for(&key(NONE, KeyCode::Tab), form),
            Some(Action::Focus(Focus::Next))
        );
    }

    #[test]
    fn with_a_dialog_open_only_its_keys_work() {
        assert_eq!(
            action_for(&key(NONE, KeyCode::Esc), Context::Help),
            Some(Action::Back)
        );
        assert_eq!(
            action_for(&key(NONE, KeyCode::Char('a')), Context::Help),
            None
        );
        assert_eq!(
            action_for(&key(ALT, KeyCode::Char('1')), Context::Help),
            None
        );
        assert_eq!(
            action_for(&key(CTRL, KeyCode::Char('q')), Context::Help),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(&key(NONE, KeyCode::Char('y')), Context::Question),
            Some(Action::Confirm)
        );
        assert_eq!(
            action_for(&key(NONE, KeyCode::Enter), Context::Reason),
            Some(Action::Confirm)
        );
    }
}
