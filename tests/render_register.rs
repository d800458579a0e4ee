//! The Register tab's page of formularies at 80×24, drawn into ratatui's TestBackend.
//! Its list of DSN applications (Ctrl-T) is in `render_register_dsn.rs`.

mod render_support;

use kense::domain::Lang;
use kense::tui::action::{Action, Tab};
use kense::tui::app::Effect;
use ratatui::style::Color;
use render_support::{COLOR, NO_COLOR, form_app, render, row, text, two_rows};
use tui_input::InputRequest;

#[test]
fn the_register_tab_shows_a_page_of_the_register() {
    let mut app = form_app(Lang::Ru, COLOR, 80, 24);
    match app.update(Action::ShowTab(Tab::Register)) {
        Effect::Search(query, None) => assert_eq!(query.limit, 50),
        other => panic!("entering the tab reads the register: {other:?}"),
    }
    let page = two_rows();
    app.page(Ok(page), None);
    let screen = text(&render(&app, 80, 24));
    insta::assert_snapshot!("register_ru", screen);
    assert!(screen.contains("2026-0000002"), "{screen}");
    // Typing in the filter searches again, from the first page.
    match app.update(Action::Edit(InputRequest::InsertChar('а'))) {
        Effect::Search(query, None) => assert_eq!(query.name_prefix.as_deref(), Some("а")),
        other => panic!("typing searches: {other:?}"),
    }
    // Enter opens the selected formulary.
    assert_eq!(
        app.update(Action::Confirm),
        Effect::Open("2026-0000002".into())
    );
}

#[test]
fn the_register_says_when_it_is_not_available() {
    let mut app = form_app(Lang::En, NO_COLOR, 80, 24);
    app.update(Action::ShowTab(Tab::Register));
    app.page(
        Err("The register is not available: read-only file".into()),
        None,
    );
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("The register is not available: read-only file"),
        "{screen}"
    );
}

#[test]
fn the_register_in_english_without_colour() {
    use kense::domain::lifecycle::State;
    let mut app = form_app(Lang::En, NO_COLOR, 80, 24);
    app.update(Action::ShowTab(Tab::Register));
    let page = kense::store::Page {
        rows: vec![row("2026-0000001", "Бекова", State::Sent)],
        next: None,
    };
    app.page(Ok(page), None);
    let buffer = render(&app, 80, 24);
    insta::assert_snapshot!("register_en_no_color", text(&buffer));
    for cell in buffer.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
}
