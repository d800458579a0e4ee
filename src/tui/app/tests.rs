//! The App's own order and its one clock.

use super::*;
use crate::tui::screens::formulary::spec::FieldId;
use chrono::NaiveDate;
use tui_input::InputRequest;

fn at(day: u32, hour: u32, minute: u32) -> Clock {
    let local = NaiveDate::from_ymd_opt(2026, 11, day)
        .and_then(|d| d.and_hms_opt(hour, minute, 0))
        .unwrap_or_else(|| panic!("a valid time"));
    Clock::at_office_time(chrono_tz::Asia::Almaty, local)
}

fn birth_date_problems(app: &App) -> Vec<&'static str> {
    app.form()
        .violations_of(FieldId::BirthDate)
        .map(|v| v.rule)
        .collect()
}

/// One clock for the session: a form left open past midnight validates against the day
/// it will be registered on, not the day the session started.
#[test]
fn a_form_open_past_midnight_validates_against_the_new_day() {
    let session = Session {
        clerk: "aigul".into(),
        clock: at(22, 23, 59),
    };
    let mut app = App::new(
        Lang::En,
        Theme { color: false },
        Rect::new(0, 0, 80, 24),
        session,
    );
    app.focus_field(FieldId::BirthDate);
    for c in "23.11.2026".chars() {
        app.update(Action::Edit(InputRequest::InsertChar(c)));
    }
    assert!(
        !birth_date_problems(&app).is_empty(),
        "born tomorrow is refused before midnight"
    );
    // Two minutes later, the next key.
    app.session.clock = at(23, 0, 1);
    app.update(Action::Edit(InputRequest::GoToEnd));
    assert_eq!(birth_date_problems(&app), Vec::<&str>::new());
}

/// The context is derived from the screen and the dialog, never kept beside them.
#[test]
fn the_context_follows_the_screen_and_the_dialog() {
    let session = Session {
        clerk: "aigul".into(),
        clock: at(22, 12, 0),
    };
    let mut app = App::new(
        Lang::En,
        Theme { color: false },
        Rect::new(0, 0, 80, 24),
        session,
    );
    for screen in Screen::ALL {
        app.show(screen);
        assert_eq!(app.context(), Context::Screen(screen));
        assert_eq!(app.tab(), screen.tab());
    }
    app.show(Screen::DsnList);
    app.update(Action::Help);
    assert_eq!(app.context(), Context::Help);
    app.update(Action::Back);
    assert_eq!(app.context(), Context::Screen(Screen::DsnList));
    // Each tab comes back to the screen it showed last.
    app.update(Action::ShowTab(Tab::NewFormulary));
    assert_eq!(app.screen(), Screen::DsnForm);
    app.update(Action::ShowTab(Tab::Register));
    assert_eq!(app.screen(), Screen::DsnList);
}

fn new_app() -> App {
    let session = Session {
        clerk: "aigul".into(),
        clock: at(22, 12, 0),
    };
    App::new(
        Lang::En,
        Theme { color: false },
        Rect::new(0, 0, 80, 24),
        session,
    )
}

fn type_into(app: &mut App, id: FieldId, text: &str) {
    app.focus_field(id);
    for c in text.chars() {
        app.update(Action::Edit(InputRequest::InsertChar(c)));
    }
}

/// M-56: after Ctrl-S the number and the coupon stay on the fresh form, labelled, until
/// the clerk starts the next formulary.
#[test]
fn the_numbers_of_a_registered_formulary_stay_until_the_next_is_started() {
    let mut app = new_app();
    app.registered(Ok(("2026-0000007".into(), "5053151782".into())));
    app.update(Action::Tick);
    app.update(Action::Focus(crate::tui::screens::formulary::Focus::Next));
    assert_eq!(
        app.form().banner(),
        Some(&("2026-0000007".to_string(), "5053151782".to_string()))
    );
    type_into(&mut app, FieldId::Surname, "А");
    assert_eq!(app.form().banner(), None, "the next formulary is started");
}

/// Ctrl-G over an IIN already typed asks before replacing it; on an empty one it asks at
/// once what the parent showed (M-12.a; `store_link/child_iin_tests.rs`).
#[test]
fn a_childs_iin_over_a_typed_one_is_asked_first() {
    let mut app = new_app();
    type_into(&mut app, FieldId::BirthDate, "01.03.2026");
    app.focus_field(FieldId::Sex);
    app.update(Action::Edit(InputRequest::InsertChar('m')));
    assert_eq!(app.update(Action::GenerateIin), Effect::Redraw);
    assert_eq!(app.context(), Context::ChildIin);
    assert_eq!(app.update(Action::Back), Effect::Redraw);
    type_into(&mut app, FieldId::Iin, "260301500015");
    assert_eq!(app.update(Action::GenerateIin), Effect::Redraw);
    assert_eq!(app.context(), Context::AskQuestion);
    assert_eq!(app.update(Action::Confirm), Effect::Redraw);
    assert_eq!(app.context(), Context::ChildIin);
    assert_eq!(app.update(Action::Back), Effect::Redraw);
    type_into(&mut app, FieldId::Surname, "X");
    app.update(Action::GenerateIin);
    assert_eq!(app.update(Action::Back), Effect::Redraw);
    assert_eq!(app.form().value(FieldId::Iin), "260301500015", "n keeps it");
}

/// Ctrl-P goes to the next field with a problem; Ctrl-X starts a new formulary after a
/// question, its draft deleted.
#[test]
fn keys_go_to_the_next_problem_and_start_a_new_formulary() {
    let mut app = new_app();
    type_into(&mut app, FieldId::BirthDate, "31.02.1990");
    app.focus_field(FieldId::Document);
    assert_eq!(app.update(Action::NextProblem), Effect::Redraw);
    assert!(app.form().focused() != FieldId::Document);
    let first = app.form().focused();
    assert!(
        app.form().violations_of(first).next().is_some(),
        "{first:?} has a problem"
    );
    assert_eq!(app.update(Action::NewFormulary), Effect::Redraw);
    assert_eq!(app.context(), Context::AskQuestion);
    assert_eq!(app.update(Action::Confirm), Effect::DiscardDraft);
    assert!(app.form().is_blank());
}

/// With no usable register the quit question does not promise a draft.
#[test]
fn without_a_register_quitting_says_the_entry_is_lost() {
    let mut app = new_app();
    app.drafts_not_kept();
    type_into(&mut app, FieldId::Surname, "Ахметова");
    app.update(Action::Quit);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))
        .unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|frame| app.draw(frame))
        .unwrap_or_else(|e| panic!("{e}"));
    let shown: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(shown.contains("will be lost"), "{shown}");
    assert!(!shown.contains("draft is kept"), "{shown}");
}

/// A discard still pending from the last registration never deletes the next entry's
/// draft: saving the new entry overwrites the draft row and cancels the discard.
#[test]
fn a_pending_discard_is_dropped_once_the_next_entry_is_kept() {
    let mut app = new_app();
    app.draft_discarded(false);
    type_into(&mut app, FieldId::Surname, "Ахметова");
    assert!(matches!(app.update(Action::Tick), Effect::SaveDraft(_)));
    assert_eq!(
        app.update(Action::Tick),
        Effect::None,
        "no discard after it"
    );
}
