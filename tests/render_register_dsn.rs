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
use render_support::{NO_COLOR, form_app, render, row_text, text, two_rows, type_text};
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
fn enter_on_the_dsn_list_opens_the_application_never_a_formulary() {
    use kense::tui::keys::action_for;
    use ratatui::crossterm::event::KeyCode;
    let mut app = dsn_list_app();
    let context = app.context();
    let action = action_for(&press(KeyCode::Enter), context);
    assert_eq!(action, Some(Action::Confirm), "Enter opens (issue 11)");
    // The selected application, the newest, is read from the register; no formulary.
    assert_eq!(app.update(Action::Confirm), Effect::DsnOpen(2));
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
        Some("↑↓ select  Enter open  Ctrl-O hand over  Ctrl-T formularies / DSN  F1 ? keys")
    );
    let help: Vec<&str> = visible(app.context()).map(|b| b.label).collect();
    assert!(!help.contains(&"Ctrl-D"), "Ctrl-D in the help: {help:?}");
    for present in ["Enter", "Ctrl-O", "Ctrl-A", "Ctrl-T"] {
        assert!(
            help.contains(&present),
            "{present} not in the help: {help:?}"
        );
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
    for key in ["Ctrl-T", "Enter", "Ctrl-O", "Ctrl-A"] {
        assert!(screen.contains(key), "{key}: {screen}");
    }
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

fn date(day: u32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap_or_else(|| panic!("date"))
}

/// Issue 11, D-6: on 22.11.2026 (the session's day) the list marks an application overdue,
/// one handed over, and one handed over a month ago or more (to pass to the provider).
#[test]
fn the_dsn_list_marks_overdue_handed_over_and_kept_applications() {
    let mut app = form_app(Lang::En, NO_COLOR, 80, 24);
    app.update(Action::ShowTab(Tab::Register));
    assert_eq!(app.update(Action::OtherList), Effect::DsnList);
    let mut overdue = dsn_application(1, "ТОО Мұнай", "АИ-92");
    overdue.due_on = date(20, 11);
    overdue.overdue = true;
    let mut handed = dsn_application(2, "ТОО Жанар", "ДТ-Л");
    handed.handed_over_on = Some(date(21, 11));
    handed.kept_until = Some(date(21, 12));
    let mut kept = dsn_application(3, "ТОО Ойл", "ТС-1");
    kept.handed_over_on = Some(date(20, 10));
    kept.kept_until = Some(date(20, 11));
    app.dsn_list(Ok(vec![overdue, handed, kept]));
    let screen = text(&render(&app, 80, 24));
    insta::assert_snapshot!("register_dsn_terms_en", screen);
    assert!(screen.contains("! overdue 20.11.2026"), "{screen}");
    assert!(screen.contains("✓ handed 21.11.2026"), "{screen}");
    assert!(screen.contains("✓ kept a month 20.11.2026"), "{screen}");
}

/// An application with a code and a refusal, as the register answers it.
fn opened() -> ListedApplication {
    use kense::domain::dsn::{Refusal, decode};
    let mut a = dsn_application(7, "ТОО Мұнай", "АИ-92");
    a.due_on = date(20, 11);
    a.overdue = true;
    let refusal = Refusal::CodeExists;
    let existing = decode("305300011001").map(|d| d.code).ok();
    a.products.push(ListedRow {
        row: 2,
        product_type: 1,
        name: "АИ-92".into(),
        spec: "ГОСТ 32513-2013".into(),
        code: None,
        code_facets: None,
        refusal: Some(refusal),
        ground: Some(refusal.rule()),
        reason: Some(refusal.text(existing.as_ref())),
        existing_code: existing,
    });
    a
}

/// Issue 11: Enter's answer opens the application read-only at 80×24: the applicant, the
/// facets with their names, the terms (D-6), each row's code or refusal with its D-7
/// ground; Ctrl-O and Esc in the footer, Esc back to the list.
#[test]
fn an_opened_dsn_application_shows_its_rows_terms_and_grounds() {
    let mut app = dsn_list_app();
    assert_eq!(app.update(Action::Confirm), Effect::DsnOpen(2));
    app.dsn_application(Ok(Some(opened())));
    let screen = text(&render(&app, 80, 24));
    insta::assert_snapshot!("register_dsn_application_en", screen);
    for expected in [
        "DSN code application No. 7",
        "Республика Казахстан",
        "Атырау қаласы",
        "20.11.2026  overdue",
        "not handed over",
        "3-053-0007-1-001",
        "refused [D-7 (2)]",
    ] {
        assert!(screen.contains(expected), "{expected}: {screen}");
    }
    assert_eq!(
        screen.lines().last(),
        Some("↑↓ select  Ctrl-O hand over  Esc back  F1 ? keys  Ctrl-Q quit")
    );
    assert!(matches!(app.update(Action::HandOver), Effect::Redraw));
    let question = text(&render(&app, 80, 24));
    assert!(question.contains("front office today (D-6)?"), "{question}");
    app.update(Action::Back);
    assert_eq!(app.update(Action::Back), Effect::Redraw);
    assert!(text(&render(&app, 80, 24)).contains("DSN code applications"));
}

/// Issue 11: the taxpayer's small form at 80×24 in Russian, a problem naming its field
/// and rule under the fields.
#[test]
fn the_taxpayer_form_names_the_field_and_the_rule() {
    let mut app = form_app(Lang::Ru, NO_COLOR, 80, 24);
    app.update(Action::ShowTab(Tab::Register));
    app.update(Action::OtherList);
    app.dsn_list(Ok(Vec::new()));
    assert_eq!(app.update(Action::AddTaxpayer), Effect::Redraw);
    type_text(&mut app, "040540000123");
    app.update(Action::Save);
    let screen = text(&render(&app, 80, 24));
    insta::assert_snapshot!("register_dsn_taxpayer_ru", screen);
    assert!(
        screen.contains("Наименование: не заполнено [D-4]"),
        "{screen}"
    );
    assert_eq!(
        screen.lines().last(),
        Some("Tab ↓ поле  Ctrl-S добавить  Esc назад")
    );
}

/// The subject type of the DSN form is a choice: focused, it shows ◂ ▸ as the
/// formulary's choices do (ui/fields.rs); ← → or a first letter change it.
#[test]
fn the_dsn_subject_type_shows_its_arrows_when_focused() {
    use kense::tui::screens::formulary::Focus;
    let mut app = form_app(Lang::En, NO_COLOR, 80, 24);
    app.update(Action::OtherForm);
    app.update(Action::Focus(Focus::Next));
    app.update(Action::Focus(Focus::Next));
    let buffer = render(&app, 80, 24);
    assert!(row_text(&buffer, row_of(&buffer, "Subject type")).contains("◂ — ▸"));
    app.update(Action::Edit(InputRequest::GoToNextChar));
    let buffer = render(&app, 80, 24);
    let row = row_text(&buffer, row_of(&buffer, "Subject type"));
    assert!(row.contains("◂ producer ▸"), "{row}");
    // A letter chooses too: и (импортёр) on a Russian keyboard, p for the producer.
    app.update(Action::Edit(InputRequest::InsertChar('и')));
    let buffer = render(&app, 80, 24);
    let row = row_text(&buffer, row_of(&buffer, "Subject type"));
    assert!(row.contains("◂ importer ▸"), "{row}");
    app.update(Action::Edit(InputRequest::InsertChar('p')));
    app.update(Action::Focus(Focus::Next));
    let buffer = render(&app, 80, 24);
    let row = row_text(&buffer, row_of(&buffer, "Subject type"));
    assert!(row.contains("producer") && !row.contains('◂'), "{row}");
}
