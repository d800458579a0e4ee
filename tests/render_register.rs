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

/// M-57: an issue is recorded by the coupon number read off the person's coupon. The
/// dialog says what to type and starts empty (shown already typed, the register's check
/// would be one Enter); an empty line is answered, not ignored.
#[test]
fn the_issue_dialog_asks_for_the_coupon_and_starts_empty() {
    use kense::domain::formulary::Formulary;
    use kense::domain::lifecycle::{Event, Lifecycle, MoveKind, State, moves_from};
    use kense::store::Record;

    let mut app = form_app(Lang::En, NO_COLOR, 80, 24);
    app.update(Action::ShowTab(Tab::Register));
    let mut lifecycle = Lifecycle::new();
    let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 20)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap_or_else(|| panic!("time"));
    for event in [Event::Register, Event::Send, Event::Manufacture] {
        lifecycle
            .apply(event, "Айгүл", at, None)
            .unwrap_or_else(|e| panic!("{e:?}"));
    }
    let coupon = "8194641626";
    app.record(Ok(Some(Record {
        number: "2026-0000002".into(),
        coupon: coupon.into(),
        registered_on: at.date(),
        formulary: Formulary::example("18").unwrap_or_else(|| panic!("example")),
        lifecycle,
        documents: Vec::new(),
    })));
    let issue = moves_from(State::Manufactured)
        .iter()
        .position(|kind| *kind == MoveKind::Issue)
        .unwrap_or_else(|| panic!("issue is a move of a manufactured formulary"));
    let choice = u8::try_from(issue + 1).unwrap_or_else(|e| panic!("{e}"));
    app.update(Action::Choose(choice));
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("registration coupon number"), "{screen}");
    assert!(
        !screen.contains(coupon),
        "the coupon is not typed in for the clerk:\n{screen}"
    );
    assert_eq!(app.update(Action::Confirm), Effect::Redraw);
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("The line is empty"), "{screen}");
    for c in coupon.chars() {
        app.update(Action::Edit(InputRequest::InsertChar(c)));
    }
    // The coupon is the formulary's: the document's own number is asked next (M-57).
    assert_eq!(app.update(Action::Confirm), Effect::Redraw);
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("number of the document handed over"),
        "{screen}"
    );
    for c in "N12345678".chars() {
        app.update(Action::Edit(InputRequest::InsertChar(c)));
    }
    match app.update(Action::Confirm) {
        Effect::Issue {
            number,
            coupon: typed,
            document,
        } => {
            assert_eq!(number, "2026-0000002");
            assert_eq!(typed, coupon);
            assert_eq!(document, "N12345678");
        }
        other => panic!("the typed coupon and number make the issue: {other:?}"),
    }
}

/// PgDn moves by the rows the table shows: the next screenful, not the code lookup's page
/// size (which left the first screen in place and the selection half-way down it).
#[test]
fn page_down_shows_the_next_screenful_of_formularies() {
    use kense::domain::lifecycle::State;
    use kense::store::Page;
    use kense::tui::action::Move;
    use kense::tui::ui::layout::register_rows as visible_rows;
    use ratatui::layout::Rect;

    let mut app = form_app(Lang::En, NO_COLOR, 80, 24);
    app.update(Action::ShowTab(Tab::Register));
    let rows: Vec<_> = (1..=50)
        .map(|n| row(&format!("2026-{n:07}"), "Ахметов", State::Registered))
        .collect();
    app.page(Ok(Page { rows, next: None }), None);
    // The tab's body at 80×24: all but the tab bar and the footer.
    let shown = visible_rows(Rect::new(0, 1, 80, 22));
    assert!(text(&render(&app, 80, 24)).contains("2026-0000001"));
    app.update(Action::Select(Move::PageDown));
    let screen = text(&render(&app, 80, 24));
    assert!(!screen.contains("2026-0000001"), "{screen}");
    assert!(
        screen.contains(&format!("2026-{:07}", shown + 1)),
        "{shown} rows a screen:\n{screen}"
    );
    app.update(Action::Select(Move::PageUp));
    assert!(text(&render(&app, 80, 24)).contains("2026-0000001"));
}
