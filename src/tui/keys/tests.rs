//! The key table's tests: which keys do what where, and what the footer offers.

use super::*;
use crate::tui::action::Tab;
use crate::tui::screens::Screen;
use crate::tui::screens::formulary::Focus;

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
    for screen in Screen::ALL {
        let context = Context::Screen(screen);
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
        Context::Screen(Screen::Lookup),
        Context::Screen(Screen::Formulary),
        Context::Picker,
        Context::ChildIin,
    ] {
        assert!(matches!(
            action_for(&key(NONE, KeyCode::Char('a')), context),
            Some(Action::Edit(_))
        ));
    }
    assert_eq!(
        action_for(
            &key(CTRL, KeyCode::Char('q')),
            Context::Screen(Screen::Formulary)
        ),
        Some(Action::Quit)
    );
}

#[test]
fn in_the_form_a_question_mark_is_text_and_f1_is_help() {
    let form = Context::Screen(Screen::Formulary);
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
        action_for(&key(NONE, KeyCode::Char('y')), Context::QuitQuestion),
        Some(Action::Confirm)
    );
    assert_eq!(
        action_for(&key(NONE, KeyCode::Enter), Context::Reason),
        Some(Action::Confirm)
    );
}

#[test]
fn over_the_dsn_applications_enter_opens_typing_does_nothing_and_a_question_mark_is_help() {
    let list = Context::Screen(Screen::DsnList);
    // Issue 11: Enter opens the application, Ctrl-O hands it over, Ctrl-A adds a taxpayer.
    assert_eq!(
        action_for(&key(NONE, KeyCode::Enter), list),
        Some(Action::Confirm)
    );
    assert_eq!(
        action_for(&key(CTRL, KeyCode::Char('o')), list),
        Some(Action::HandOver)
    );
    assert_eq!(
        action_for(&key(CTRL, KeyCode::Char('a')), list),
        Some(Action::AddTaxpayer)
    );
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
    let formularies = Context::Screen(Screen::Formularies);
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
    let noon = chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .unwrap_or_else(|| panic!("a valid date"));
    let session = Session {
        clerk: "Айгүл".into(),
        clock: crate::office::Clock::at_office_time(chrono_tz::Asia::Almaty, noon),
    };
    let size = ratatui::layout::Rect::new(0, 0, 80, 24);
    let theme = crate::tui::ui::theme::Theme { color: false };
    let mut app = App::new(crate::domain::Lang::En, theme, size, session);
    assert_eq!(
        app.update(Action::OtherForm),
        crate::tui::app::Effect::Redraw
    );
    app
}

#[test]
fn the_dsn_application_has_its_own_code_picker_in_the_footer() {
    let app = dsn_app();
    let footer: Vec<&str> = visible(app.context())
        .filter(|b| b.in_footer)
        .map(|b| b.label)
        .collect();
    // Issue 11: the unit (and the country, the product type) from its directory.
    assert!(footer.contains(&"Ctrl-L"), "footer: {footer:?}");
    assert!(footer.contains(&"Ctrl-S"), "footer: {footer:?}");
    assert_eq!(
        action_for(&key(CTRL, KeyCode::Char('l')), app.context()),
        Some(Action::Pick)
    );
    // The formulary keeps its picker, in the footer and on the key.
    let formulary = Context::Screen(Screen::Formulary);
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
    assert_eq!(app.screen_context(), Context::Screen(Screen::DsnForm));
    let help: Vec<&str> = visible(app.screen_context()).map(|b| b.label).collect();
    for absent in ["Ctrl-O", "Ctrl-G"] {
        assert!(!help.contains(&absent), "{absent} in the help: {help:?}");
    }
    assert!(help.contains(&"Ctrl-N"), "help: {help:?}");
    // Sent anyway (not from a key), the formulary's actions leave the hidden formulary
    // alone: no reason asked, no IIN asked of the register.
    for action in [Action::Accept, Action::GenerateIin] {
        let mut app = dsn_app();
        let effect = app.update(action.clone());
        assert_eq!(effect, crate::tui::app::Effect::None, "{action:?}");
        assert_eq!(
            app.context(),
            Context::Screen(Screen::DsnForm),
            "{action:?}"
        );
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

/// The footer's help for `label` in `context`.
fn footer_help(context: Context, label: &str) -> Option<Msg> {
    visible(context)
        .find(|b| b.in_footer && b.label == label)
        .map(|b| b.help)
}

#[test]
fn each_questions_yes_says_what_it_does() {
    assert_eq!(footer_help(Context::QuitQuestion, "y"), Some(Msg::KeyQuit));
    assert_eq!(
        footer_help(Context::RefuseQuestion, "y/д"),
        Some(Msg::KeyRefuse)
    );
    assert_eq!(
        footer_help(Context::EndQuestion, "y/д"),
        Some(Msg::KeyMakeMove)
    );
    // Enter never answers yes to what cannot be undone.
    for question in [Context::RefuseQuestion, Context::EndQuestion] {
        assert_eq!(action_for(&key(NONE, KeyCode::Enter), question), None);
    }
    // A day is closed by typing its date: letters are text there, Enter submits it.
    assert!(matches!(
        action_for(&key(NONE, KeyCode::Char('y')), Context::CloseDayQuestion),
        Some(Action::Edit(_))
    ));
    for question in [
        Context::QuitQuestion,
        Context::RefuseQuestion,
        Context::EndQuestion,
    ] {
        assert_eq!(footer_help(question, "n Esc"), Some(Msg::KeyBack));
        for (yes, no) in [('y', 'n'), ('д', 'н')] {
            assert_eq!(
                action_for(&key(NONE, KeyCode::Char(yes)), question),
                Some(Action::Confirm)
            );
            assert_eq!(
                action_for(&key(NONE, KeyCode::Char(no)), question),
                Some(Action::Back)
            );
        }
    }
}

#[test]
fn a_closed_day_offers_no_ctrl_k_and_an_open_one_does() {
    let ctrl_e = key(CTRL, KeyCode::Char('k'));
    assert_eq!(footer_help(Context::Day, "Ctrl-K"), Some(Msg::KeyCloseDay));
    assert_eq!(action_for(&ctrl_e, Context::Day), Some(Action::CloseDay));
    // Ctrl-D shows the day; the key that closes it is not beside it.
    assert_eq!(
        action_for(&key(CTRL, KeyCode::Char('e')), Context::Day),
        None
    );
    assert_eq!(footer_help(Context::ClosedDay, "Ctrl-K"), None);
    assert!(visible(Context::ClosedDay).all(|b| b.action != Action::CloseDay));
    assert_eq!(action_for(&ctrl_e, Context::ClosedDay), None);
    assert_eq!(footer_help(Context::ClosedDay, "Esc"), Some(Msg::KeyBack));
}

/// A Kazakh keyboard answers yes with «и»: the footer and the help say so.
#[test]
fn the_yes_of_an_irreversible_question_is_written_in_the_clerks_letters() {
    let refuse = visible(Context::RefuseQuestion)
        .find(|b| b.action == Action::Confirm)
        .unwrap_or_else(|| panic!("a yes"));
    assert_eq!(label(refuse, crate::domain::Lang::Ru), "y/д");
    assert_eq!(label(refuse, crate::domain::Lang::Kk), "y/и");
    assert_eq!(
        action_for(&key(NONE, KeyCode::Char('и')), Context::RefuseQuestion),
        Some(Action::Confirm)
    );
}
