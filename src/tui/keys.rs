//! Key bindings as data: one table says which keys do what where, and the footer and the
//! help screen are drawn from the same table, so they cannot disagree with the keys.
//!
//! Nothing needs an F-key (thin terminals may have none): every F-key has a twin. A lone
//! Esc may arrive late or glued to the next key over SSH, so Esc only closes things.

use super::action::{Action, Move, Tab};
use super::i18n::Msg;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every screen, unless a dialog is open.
    Global,
    /// The help overlay or another dialog is open.
    Dialog,
    /// The Code lookup tab.
    Lookup,
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

const NONE: KeyModifiers = KeyModifiers::NONE;
const ALT: KeyModifiers = KeyModifiers::ALT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

const QUIT_KEYS: &[(KeyModifiers, KeyCode)] = &[(CTRL, KeyCode::Char('q')), (NONE, KeyCode::F(10))];

/// The key table, most specific first.
pub static BINDINGS: &[Binding] = &[
    Binding {
        scope: Scope::Dialog,
        keys: QUIT_KEYS,
        label: "Ctrl-Q",
        help: Msg::KeyQuit,
        action: Action::Quit,
        in_footer: true,
    },
    Binding {
        scope: Scope::Dialog,
        keys: &[
            (NONE, KeyCode::Esc),
            (NONE, KeyCode::F(1)),
            (SHIFT, KeyCode::Char('?')),
            (NONE, KeyCode::Char('?')),
        ],
        label: "Esc",
        help: Msg::KeyBack,
        action: Action::Back,
        in_footer: true,
    },
    Binding {
        scope: Scope::Global,
        keys: &[(ALT, KeyCode::Char('1')), (NONE, KeyCode::F(2))],
        label: "Alt-1",
        help: Msg::TabNewFormulary,
        action: Action::ShowTab(Tab::NewFormulary),
        in_footer: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[(ALT, KeyCode::Char('2')), (NONE, KeyCode::F(3))],
        label: "Alt-2",
        help: Msg::TabCodeLookup,
        action: Action::ShowTab(Tab::CodeLookup),
        in_footer: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[(ALT, KeyCode::Char('3')), (NONE, KeyCode::F(4))],
        label: "Alt-3",
        help: Msg::TabRegister,
        action: Action::ShowTab(Tab::Register),
        in_footer: false,
    },
    Binding {
        scope: Scope::Lookup,
        keys: &[(NONE, KeyCode::Up), (NONE, KeyCode::Down)],
        label: "↑↓",
        help: Msg::KeySelect,
        action: Action::Select(Move::Down),
        in_footer: true,
    },
    Binding {
        scope: Scope::Lookup,
        keys: &[(NONE, KeyCode::PageUp), (NONE, KeyCode::PageDown)],
        label: "PgUp PgDn",
        help: Msg::KeyPage,
        action: Action::Select(Move::PageDown),
        in_footer: false,
    },
    Binding {
        scope: Scope::Lookup,
        keys: &[(CTRL, KeyCode::Char('c'))],
        label: "Ctrl-C",
        help: Msg::KeyCopy,
        action: Action::Copy,
        in_footer: true,
    },
    Binding {
        scope: Scope::Global,
        keys: &[
            (NONE, KeyCode::F(1)),
            (NONE, KeyCode::Char('?')),
            (SHIFT, KeyCode::Char('?')),
        ],
        label: "F1 ?",
        help: Msg::KeyHelp,
        action: Action::Help,
        in_footer: true,
    },
    Binding {
        scope: Scope::Global,
        keys: QUIT_KEYS,
        label: "Ctrl-Q",
        help: Msg::KeyQuit,
        action: Action::Quit,
        in_footer: true,
    },
];

/// Keys that are not in the table because they depend on the key itself.
fn specific(scope: Scope, code: KeyCode) -> Option<Action> {
    match (scope, code) {
        (Scope::Lookup, KeyCode::Up) => Some(Action::Select(Move::Up)),
        (Scope::Lookup, KeyCode::Down) => Some(Action::Select(Move::Down)),
        (Scope::Lookup, KeyCode::PageUp) => Some(Action::Select(Move::PageUp)),
        (Scope::Lookup, KeyCode::PageDown) => Some(Action::Select(Move::PageDown)),
        _ => None,
    }
}

/// The scopes that apply, in the order they are tried.
pub fn scopes(dialog_open: bool, tab: Tab) -> Vec<Scope> {
    if dialog_open {
        return vec![Scope::Dialog];
    }
    let mut scopes = Vec::with_capacity(2);
    if tab == Tab::CodeLookup {
        scopes.push(Scope::Lookup);
    }
    scopes.push(Scope::Global);
    scopes
}

/// The action for a terminal event in the current context, if any.
pub fn action_for(event: &Event, dialog_open: bool, tab: Tab) -> Option<Action> {
    let key = match event {
        Event::Resize(_, _) => return Some(Action::Resize),
        Event::Key(key) if key.kind != KeyEventKind::Release => key,
        _ => return None,
    };
    let scopes = scopes(dialog_open, tab);
    for scope in &scopes {
        if let Some(action) = specific(*scope, key.code) {
            return Some(action);
        }
        if let Some(binding) = BINDINGS
            .iter()
            .filter(|b| b.scope == *scope)
            .find(|b| matches(b, key))
        {
            return Some(binding.action.clone());
        }
    }
    // Whatever else is typed goes to the text field that has the focus.
    if !dialog_open && tab == Tab::CodeLookup {
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

/// The bindings that apply in the current context, for the footer and the help.
pub fn visible(dialog_open: bool, tab: Tab) -> impl Iterator<Item = &'static Binding> {
    let scopes = scopes(dialog_open, tab);
    BINDINGS.iter().filter(move |b| scopes.contains(&b.scope))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(mods: KeyModifiers, code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, mods))
    }

    #[test]
    fn every_f_key_has_a_twin_that_is_not_an_f_key() {
        for binding in BINDINGS {
            let f_keys = binding
                .keys
                .iter()
                .filter(|(_, c)| matches!(c, KeyCode::F(_)));
            if f_keys.count() > 0 {
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
    fn tabs_switch_with_alt_digits_and_f_keys_from_anywhere() {
        for tab in Tab::ALL {
            assert_eq!(
                action_for(&key(ALT, KeyCode::Char('3')), false, tab),
                Some(Action::ShowTab(Tab::Register))
            );
            assert_eq!(
                action_for(&key(NONE, KeyCode::F(3)), false, tab),
                Some(Action::ShowTab(Tab::CodeLookup))
            );
        }
    }

    #[test]
    fn typing_goes_to_the_query_and_ctrl_q_quits() {
        assert!(matches!(
            action_for(&key(NONE, KeyCode::Char('a')), false, Tab::CodeLookup),
            Some(Action::Edit(_))
        ));
        assert_eq!(
            action_for(&key(CTRL, KeyCode::Char('q')), false, Tab::CodeLookup),
            Some(Action::Quit)
        );
    }

    #[test]
    fn with_a_dialog_open_only_its_keys_and_quit_work() {
        assert_eq!(
            action_for(&key(NONE, KeyCode::Esc), true, Tab::CodeLookup),
            Some(Action::Back)
        );
        assert_eq!(
            action_for(&key(NONE, KeyCode::Char('a')), true, Tab::CodeLookup),
            None
        );
        assert_eq!(
            action_for(&key(ALT, KeyCode::Char('1')), true, Tab::CodeLookup),
            None
        );
        assert_eq!(
            action_for(&key(CTRL, KeyCode::Char('q')), true, Tab::CodeLookup),
            Some(Action::Quit)
        );
    }
}
