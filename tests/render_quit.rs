//! Quitting the workstation and its quiet moments at 80×24, drawn into ratatui's
//! TestBackend: what is said of an entry that will be lost (the DSN application) or kept
//! (the formulary's draft), and a status line that only a key takes away.

mod render_support;

use kense::domain::Lang;
use kense::tui::action::Action;
use kense::tui::app::Effect;
use kense::tui::screens::formulary::spec::FieldId;
use render_support::{COLOR, form_app, render, text, type_text};

/// The DSN application is not kept as a draft: quitting with one typed says it will be
/// lost (never that a draft is kept) and quits on a second Ctrl-Q; any other key stays.
#[test]
fn quitting_with_a_dsn_entry_says_it_will_be_lost() {
    let mut app = form_app(Lang::En, COLOR, 80, 24);
    app.update(Action::OtherForm);
    type_text(&mut app, "ТОО Мұнай");
    assert_eq!(app.update(Action::Quit), Effect::Redraw);
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("The DSN application is not filed: it will be lost. Ctrl-Q again quits"),
        "{screen}"
    );
    assert!(!screen.contains("draft"), "{screen}");
    // A quiet moment neither quits nor hides the warning; another key stays.
    assert_eq!(app.update(Action::Tick), Effect::None);
    assert!(text(&render(&app, 80, 24)).contains("it will be lost"));
    app.update(Action::Focus(kense::tui::screens::formulary::Focus::Next));
    assert!(!text(&render(&app, 80, 24)).contains("it will be lost"));
    assert_eq!(app.update(Action::Quit), Effect::Redraw, "asked again");
    assert_eq!(app.update(Action::Quit), Effect::Quit);
    // With a formulary entry too, its own (true) question follows.
    let mut app = form_app(Lang::Ru, COLOR, 80, 24);
    app.focus_field(FieldId::Surname);
    type_text(&mut app, "Ахметова");
    app.update(Action::OtherForm);
    type_text(&mut app, "ТОО");
    app.update(Action::Quit);
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Заявка на ДСН-код не подана"), "{screen}");
    assert!(!screen.contains("черновик сохранён"), "{screen}");
    assert_eq!(app.update(Action::Quit), Effect::Redraw);
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("черновик сохранён"), "{screen}");
    assert_eq!(app.update(Action::Confirm), Effect::Quit);
}

/// The quit question says the draft is kept: a quiet moment under it (or any dialog)
/// keeps what was typed last.
#[test]
fn a_quiet_moment_under_a_dialog_keeps_the_draft() {
    let mut app = form_app(Lang::En, COLOR, 80, 24);
    app.focus_field(FieldId::Surname);
    type_text(&mut app, "Ахметова");
    assert_eq!(app.update(Action::Quit), Effect::Redraw);
    match app.update(Action::Tick) {
        Effect::SaveDraft(draft) => assert_eq!(draft.surname.as_deref(), Some("Ахметова")),
        other => panic!("expected a draft to save, got {other:?}"),
    }
}

/// A status line stays until the clerk's next key: quiet moments and a resize are none.
#[test]
fn the_status_line_outlasts_quiet_moments() {
    let mut app = form_app(Lang::En, COLOR, 80, 24);
    app.registered(Ok(("2026-0000001".into(), "1234567890".into())));
    assert_eq!(app.update(Action::Tick), Effect::None);
    assert_eq!(app.update(Action::Resize), Effect::Redraw);
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("Registered: No. 2026-0000001, coupon 1234567890"),
        "{screen}"
    );
    assert_eq!(app.update(Action::Help), Effect::Redraw);
    let screen = text(&render(&app, 80, 24));
    assert!(!screen.contains("2026-0000001"), "{screen}");
}

/// Ctrl-Q over the help, an opened formulary or the day is quitting from the screen under
/// it: an unfiled DSN application is said to be lost first there too, not lost silently.
#[test]
fn quitting_over_a_dialog_warns_of_the_dsn_entry_too() {
    let mut app = form_app(Lang::En, COLOR, 80, 24);
    app.update(Action::OtherForm);
    type_text(&mut app, "ТОО Мұнай");
    app.update(Action::Help);
    assert_eq!(app.update(Action::Quit), Effect::Redraw);
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("it will be lost"), "{screen}");
    assert_eq!(app.update(Action::Quit), Effect::Quit);
}
