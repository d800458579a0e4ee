//! The Register tab switched (Ctrl-T) to the DSN applications, at 80×24, drawn into
//! ratatui's TestBackend: its selection, its keys and its help.

mod render_support;

use chrono::NaiveDate;
use kense::domain::Lang;
use kense::store::dsn::{ListedApplication, ListedRow};
use kense::tui::action::{Action, Move, Tab};
use kense::tui::app::{App, Effect};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use render_support::{NO_COLOR, form_app, render, row_text, text, two_rows};
use tui_input::InputRequest;

#[test]
fn the_register_tab_switches_to_dsn_applications() {
    let mut app = form_app(Lang::Ru, NO_COLOR, 80, 24);
    app.update(Action::ShowTab(Tab::Register));
    assert_eq!(app.update(Action::OtherList), Effect::DsnList);
    app.dsn_list(Ok(Vec::new()));
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Заявки на ДСН-коды"), "{screen}");
    assert!(matches!(app.update(Action::OtherList), Effect::Search(..)));
}

fn dsn_application(id: i64, taxpayer: &str, product: &str) -> ListedApplication {
    let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_else(|| panic!("date"));
    ListedApplication {
        id,
        taxpayer: taxpayer.into(),
        bin: "040540000123".into(),
        id_kind: "bin".into(),
        subject_type: "producer".into(),
        country: 3,
        unit: 53,
        received_at: "2026-11-22 10:00".into(),
        registered_on: day,
        due_on: NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_else(|| panic!("date")),
        handed_over_on: None,
        kept_until: None,
        overdue: false,
        products: vec![ListedRow {
            row: 1,
            product_type: 1,
            name: product.into(),
            spec: "ГОСТ 32513-2013".into(),
            code: None,
            code_facets: Some(format!("3-053-000{id}-1-001")),
            refusal: None,
            ground: None,
            existing_code: None,
            reason: None,
        }],
    }
}

/// The Register tab with two formularies on its page, switched (Ctrl-T) to two DSN
/// applications; the register lists them oldest first, the screen newest first.
fn dsn_list_app() -> App {
    let mut app = form_app(Lang::En, NO_COLOR, 80, 24);
    app.update(Action::ShowTab(Tab::Register));
    let page = two_rows();
    app.page(Ok(page), None);
    assert_eq!(app.update(Action::OtherList), Effect::DsnList);
    app.dsn_list(Ok(vec![
        dsn_application(1, "ТОО Мұнай", "АИ-92"),
        dsn_application(2, "ТОО Жанар", "ДТ-Л"),
    ]));
    app
}

fn press(code: ratatui::crossterm::event::KeyCode) -> ratatui::crossterm::event::Event {
    use ratatui::crossterm::event::{Event, KeyEvent, KeyModifiers};
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The screen row whose text contains `needle`.
fn row_of(buffer: &Buffer, needle: &str) -> u16 {
    let screen = text(buffer);
    let index = screen
        .lines()
        .position(|line| line.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not on the screen:\n{screen}"));
    u16::try_from(index).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn enter_on_the_dsn_list_never_opens_a_formulary() {
    use kense::tui::keys::action_for;
    use ratatui::crossterm::event::KeyCode;
    let mut app = dsn_list_app();
    let context = app.context();
    let action = action_for(&press(KeyCode::Enter), context);
    assert_eq!(action, None, "Enter is not bound over the DSN applications");
    // Sent anyway (not from a key), it opens nothing either.
    assert!(!matches!(app.update(Action::Confirm), Effect::Open(_)));
    assert_eq!(app.context(), context, "no formulary dialog");
    // Nor does Ctrl-D count the formularies from here.
    assert!(!matches!(app.update(Action::Day), Effect::Day(_)));
}

#[test]
fn up_and_down_move_the_dsn_selection_and_not_the_formularies() {
    use kense::tui::keys::action_for;
    use ratatui::crossterm::event::KeyCode;
    let mut app = dsn_list_app();
    let buffer = render(&app, 80, 24);
    let (newest, older) = (row_of(&buffer, "№2 "), row_of(&buffer, "№1 "));
    assert!(newest < older, "newest first:\n{}", text(&buffer));
    let reversed = |buffer: &Buffer, y: u16| buffer[(3, y)].modifier.contains(Modifier::REVERSED);
    assert!(reversed(&buffer, newest) && !reversed(&buffer, older));

    let down = action_for(&press(KeyCode::Down), app.context());
    assert_eq!(down, Some(Action::Select(Move::Down)));
    assert_eq!(app.update(Action::Select(Move::Down)), Effect::Redraw);
    let buffer = render(&app, 80, 24);
    assert!(!reversed(&buffer, newest) && reversed(&buffer, older));
    assert_eq!(
        app.update(Action::Select(Move::Down)),
        Effect::None,
        "the last"
    );
    assert_eq!(app.update(Action::Select(Move::Up)), Effect::Redraw);
    assert_eq!(app.update(Action::Select(Move::Down)), Effect::Redraw);

    // Typing is no filter here: nothing is searched, and the formularies' filter is untouched.
    assert_eq!(action_for(&press(KeyCode::Char('a')), app.context()), None);
    assert!(!matches!(
        app.update(Action::Edit(InputRequest::InsertChar('a'))),
        Effect::Search(..)
    ));
    // Back on the formularies, their selection has not moved: Enter opens the first.
    assert!(matches!(app.update(Action::OtherList), Effect::Search(..)));
    assert_eq!(
        app.update(Action::Confirm),
        Effect::Open("2026-0000002".into())
    );
    assert!(text(&render(&app, 80, 24)).contains("Search the register"));
}

#[test]
fn the_dsn_list_footer_lists_only_keys_that_act_there() {
    use kense::tui::keys::visible;
    let app = dsn_list_app();
    let screen = text(&render(&app, 80, 24));
    insta::assert_snapshot!("register_dsn_list_en", screen);
    assert_eq!(
        screen.lines().last(),
        Some("↑↓ select  Ctrl-T formularies / DSN  Ctrl-Z print  F1 ? keys  Ctrl-Q quit")
    );
    let help: Vec<&str> = visible(app.context()).map(|b| b.label).collect();
    for absent in ["Enter", "Ctrl-D"] {
        assert!(!help.contains(&absent), "{absent} in the help: {help:?}");
    }
    // Every key listed does something here (Alt-3, the tab already shown, aside).
    let listed = visible(app.context()).filter(|b| b.action != Action::ShowTab(Tab::Register));
    for binding in listed {
        let mut app = dsn_list_app();
        let effect = app.update(binding.action.clone());
        assert_ne!(effect, Effect::None, "{} does nothing", binding.label);
    }
    // The formularies keep theirs.
    let mut app = dsn_list_app();
    app.update(Action::OtherList);
    let footer: Vec<&str> = visible(app.context())
        .filter(|b| b.in_footer)
        .map(|b| b.label)
        .collect();
    assert_eq!(footer, ["↑↓", "Enter", "Ctrl-D", "F1 ?", "Ctrl-Q"]);
}

#[test]
fn the_help_over_the_dsn_list_lists_its_keys_and_alt_3_reads_it_again() {
    let mut app = dsn_list_app();
    app.update(Action::Help);
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Ctrl-T"), "{screen}");
    assert!(!screen.contains("Enter"), "{screen}");
    app.update(Action::Back);
    app.update(Action::ShowTab(Tab::CodeLookup));
    assert_eq!(app.update(Action::ShowTab(Tab::Register)), Effect::DsnList);
}

#[test]
fn a_long_taxpayer_or_product_name_is_cut_and_the_due_date_and_code_stay_whole() {
    let mut app = form_app(Lang::Ru, NO_COLOR, 80, 24);
    app.update(Action::ShowTab(Tab::Register));
    assert_eq!(app.update(Action::OtherList), Effect::DsnList);
    app.dsn_list(Ok(vec![dsn_application(
        1,
        "ТОО \"КАЗМУНАЙГАЗ-ПЕРЕРАБОТКА И МАРКЕТИНГ\"",
        "Топливо дизельное экологического класса К5 летнее, сорт С, для автомобилей",
    )]));
    let buffer = render(&app, 80, 24);
    let head = row_text(&buffer, row_of(&buffer, "№1 "));
    assert!(
        head.ends_with("  → 24.11.2026│"),
        "the due date whole: {head}"
    );
    assert!(
        head.contains("│№1 22.11.2026  040540000123  ТОО \"КАЗМУНАЙГАЗ-ПЕРЕРАБОТКА"),
        "{head}"
    );
    assert!(
        head.contains("…  → 24.11.2026"),
        "the name cut with …: {head}"
    );
    let row = row_text(&buffer, row_of(&buffer, "1. 1 "));
    assert!(
        row.ends_with("…  3-053-0001-1-001│"),
        "the code whole: {row}"
    );
}
