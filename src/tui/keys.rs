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
    /// The New tab, whichever form it shows.
    Form,
    /// The New tab's formulary only: what needs a formulary (its code directories, warnings
    /// and IINs) is not offered for the DSN application.
    Formulary,
    /// The New tab's DSN application only.
    Dsn,
    /// The Register tab's list of formularies only: opening one and the day's formularies
    /// are not offered over the DSN applications.
    Register,
    /// The Register tab's list of DSN applications only.
    DsnList,
    /// An opened formulary.
    Record,
    /// The end-of-day view.
    Day,
}

/// What has the keyboard now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// A tab, with no dialog open; the New tab with the formulary.
    Tab(Tab),
    /// The New tab with the DSN application.
    DsnForm,
    /// The Register tab with the DSN applications instead of the formularies.
    DsnList,
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
            Context::Tab(Tab::NewFormulary) => &[Scope::Formulary, Scope::Form, Scope::Global],
            Context::DsnForm => &[Scope::Dsn, Scope::Form, Scope::Global],
            Context::Tab(Tab::Register) => &[Scope::List, Scope::Register, Scope::Global],
            Context::DsnList => &[Scope::List, Scope::DsnList, Scope::Global],
            Context::Record => &[Scope::Record],
            Context::MoveData => &[Scope::Entry],
            Context::Day => &[Scope::Day],
        }
    }

    /// Whether typed characters go to a text line here. The DSN applications have no
    /// filter line: what is typed there must not reach the hidden formularies' one.
    fn types_text(self) -> bool {
        matches!(
            self,
            Context::Picker
                | Context::Reason
                | Context::MoveData
                | Context::DsnForm
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

    #[test]
    fn over_the_dsn_applications_enter_and_typing_do_nothing_and_a_question_mark_is_help() {
        let list = Context::DsnList;
        assert_eq!(action_for(&key(NONE, KeyCode::Enter), list), None);
        assert_eq!(action_for(&key(CTRL, KeyCode::Char('d')), list), None);
        assert_eq!(action_for(&key(NONE, KeyCode::Char('a')), list), None);
        assert_eq!(
            action_for(&key(NONE, KeyCode::Char('?')), list),
            Some(Action::Help)
        );
        assert_eq!(
            action_for(&key(CTRL, KeyCode::Char('t')), list),
            Some(Action::OtherList)
        );
        // The formularies keep Enter, Ctrl-D and their filter line.
        let formularies = Context::Tab(Tab::Register);
        assert_eq!(
            action_for(&key(NONE, KeyCode::Enter), formularies),
            Some(Action::Confirm)
        );
        assert!(matches!(
            action_for(&key(NONE, KeyCode::Char('a')), formularies),
            Some(Action::Edit(_))
        ));
    }

    fn dsn_app() -> crate::tui::app::App {
        use crate::tui::app::{App, Session};
        let today =
            chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_else(|| panic!("a valid date"));
        let session = Session {
            clerk: "Айгүл".into(),
            today,
        };
        let size = ratatui::layout::Rect::new(0, 0, 80, 24);
        let theme = crate::tui::theme::Theme { color: false };
        let mut app = App::new(crate::domain::Lang::En, theme, size, session);
        assert_eq!(
            app.update(Action::OtherForm),
            crate::tui::app::Effect::Redraw
        );
        app
    }

    #[test]
    fn the_dsn_application_lists_no_code_picker_and_ctrl_l_picks_nothing() {
        let app = dsn_app();
        let footer: Vec<&str> = visible(app.context())
            .filter(|b| b.in_footer)
            .map(|b| b.label)
            .collect();
        assert!(!footer.contains(&"Ctrl-L"), "footer: {footer:?}");
        assert!(footer.contains(&"Ctrl-S"), "footer: {footer:?}");
        assert_ne!(
            action_for(&key(CTRL, KeyCode::Char('l')), app.context()),
            Some(Action::Pick)
        );
        // The formulary keeps its picker, in the footer and on the key.
        let formulary = Context::Tab(Tab::NewFormulary);
        assert!(visible(formulary).any(|b| b.in_footer && b.label == "Ctrl-L"));
        assert_eq!(
            action_for(&key(CTRL, KeyCode::Char('l')), formulary),
            Some(Action::Pick)
        );
    }

    #[test]
    fn the_help_over_the_dsn_application_lists_its_keys_and_the_formularys_do_nothing() {
        let mut app = dsn_app();
        app.update(Action::Help);
        assert_eq!(app.context(), Context::Help);
        assert_eq!(app.screen_context(), Context::DsnForm);
        let help: Vec<&str> = visible(app.screen_context()).map(|b| b.label).collect();
        for absent in ["Ctrl-L", "Ctrl-O", "Ctrl-G"] {
            assert!(!help.contains(&absent), "{absent} in the help: {help:?}");
        }
        assert!(help.contains(&"Ctrl-N"), "help: {help:?}");
        // Sent anyway (not from a key), the formulary's actions leave the hidden formulary
        // alone: no picker, no reason asked, no IIN asked of the register.
        for action in [Action::Pick, Action::Accept, Action::GenerateIin] {
            let mut app = dsn_app();
            let effect = app.update(action.clone());
            assert_eq!(effect, crate::tui::app::Effect::None, "{action:?}");
            assert_eq!(app.context(), Context::DsnForm, "{action:?}");
        }
    }

    #[test]
    fn every_key_the_dsn_footer_lists_does_something() {
        let context = dsn_app().context();
        for binding in visible(context).filter(|b| b.in_footer) {
            let mut app = dsn_app();
            let effect = app.update(binding.action.clone());
            assert_ne!(effect, crate::tui::app::Effect::None, "{}", binding.label);
        }
    }
}
