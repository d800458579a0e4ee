//! The workstation's screens at 80×24, drawn into ratatui's TestBackend.
//! Snapshots keep the text; colours are asserted on the buffer, which snapshots drop.

use chrono::NaiveDate;
use kense::domain::Lang;
use kense::tui::action::{Action, Move, Tab};
use kense::tui::app::{App, Effect, Session};
use kense::tui::form::spec::FieldId;
use kense::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use tui_input::InputRequest;

const COLOR: Theme = Theme { color: true };
const NO_COLOR: Theme = Theme { color: false };

fn session() -> Session {
    Session {
        clerk: "Айгүл".into(),
        today: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_else(|| panic!("date")),
    }
}

/// The workstation on its Code lookup tab.
fn app(lang: Lang, theme: Theme, width: u16, height: u16) -> App {
    let mut app = form_app(lang, theme, width, height);
    app.update(Action::ShowTab(Tab::CodeLookup));
    app
}

/// The workstation as it opens, on the New formulary tab.
fn form_app(lang: Lang, theme: Theme, width: u16, height: u16) -> App {
    App::new(lang, theme, Rect::new(0, 0, width, height), session())
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Edit(InputRequest::InsertChar(c)));
    }
}

fn render(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(width, height)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|frame| app.draw(frame))
        .unwrap_or_else(|e| panic!("{e}"));
    terminal.backend().buffer().clone()
}

fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn lookup_tab_in_russian() {
    let mut app = app(Lang::Ru, COLOR, 80, 24);
    type_text(&mut app, "akkol");
    insta::assert_snapshot!(text(&render(&app, 80, 24)));
}

#[test]
fn lookup_tab_in_english_with_a_district_selected() {
    let mut app = app(Lang::En, COLOR, 80, 24);
    type_text(&mut app, "1902");
    app.update(Action::Select(Move::Down));
    insta::assert_snapshot!(text(&render(&app, 80, 24)));
}

#[test]
fn lookup_tab_in_kazakh_shows_a_marked_unit() {
    let mut app = app(Lang::Kk, NO_COLOR, 80, 24);
    type_text(&mut app, "зырянов");
    insta::assert_snapshot!(text(&render(&app, 80, 24)));
}

#[test]
fn the_empty_lookup_tab_invites_a_query() {
    let app = app(Lang::Ru, NO_COLOR, 80, 24);
    insta::assert_snapshot!(text(&render(&app, 80, 24)));
}

#[test]
fn help_lists_the_keys_of_the_screen() {
    let mut app = app(Lang::En, COLOR, 80, 24);
    app.update(Action::Help);
    let screen = text(&render(&app, 80, 24));
    insta::assert_snapshot!(screen);
    assert_eq!(app.update(Action::Back), Effect::Redraw);
    assert!(!text(&render(&app, 80, 24)).contains("Esc closes"));
}

#[test]
fn a_terminal_too_small_is_told_so() {
    let app = app(Lang::En, COLOR, 60, 20);
    let screen = text(&render(&app, 60, 20));
    assert!(
        screen.contains("The terminal is too small: 80×24 is needed (60×20)"),
        "{screen}"
    );
}

#[test]
fn a_larger_terminal_gets_a_larger_list() {
    let mut app = app(Lang::En, COLOR, 120, 40);
    type_text(&mut app, "19");
    let screen = text(&render(&app, 120, 40));
    assert!(
        screen.lines().filter(|l| l.contains("│1902 ")).count() > 15,
        "{screen}"
    );
}

/// The row of the selected result: the first list row, under the query box and the
/// list's top border.
const SELECTED_ROW: u16 = 5;

#[test]
fn the_selection_is_coloured_with_basic_colours() {
    let mut app = app(Lang::En, COLOR, 80, 24);
    type_text(&mut app, "akkol");
    let buffer = render(&app, 80, 24);
    let cell = &buffer[(5, SELECTED_ROW)];
    assert_eq!(cell.bg, Color::Cyan);
    assert_eq!(cell.fg, Color::Black);
    for cell in buffer.content() {
        for color in [cell.fg, cell.bg] {
            assert!(
                !matches!(color, Color::Rgb(..) | Color::Indexed(_)),
                "only the 16 basic colours: {color:?}"
            );
        }
    }
}

#[test]
fn with_no_color_the_selection_is_reverse_video_and_nothing_is_coloured() {
    let mut app = app(Lang::En, NO_COLOR, 80, 24);
    type_text(&mut app, "akkol");
    let buffer = render(&app, 80, 24);
    assert!(
        buffer[(5, SELECTED_ROW)]
            .modifier
            .contains(Modifier::REVERSED)
    );
    for cell in buffer.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
}

#[test]
fn nothing_to_draw_when_nothing_changed() {
    let mut app = app(Lang::En, COLOR, 80, 24);
    // An arrow key on an empty list, and Esc with no dialog, change nothing.
    assert_eq!(app.update(Action::Select(Move::Down)), Effect::None);
    assert_eq!(app.update(Action::Back), Effect::None);
    assert_eq!(app.update(Action::ShowTab(Tab::CodeLookup)), Effect::None);
    assert_eq!(
        app.update(Action::Tick),
        Effect::None,
        "nothing typed, nothing to keep"
    );
    type_text(&mut app, "08");
    assert_eq!(app.update(Action::Copy), Effect::Copy("08".into()));
}

#[test]
fn the_new_formulary_form_in_russian_and_english() {
    let app = form_app(Lang::Ru, COLOR, 80, 24);
    insta::assert_snapshot!("form_empty_ru", text(&render(&app, 80, 24)));
    let app = form_app(Lang::En, NO_COLOR, 80, 24);
    insta::assert_snapshot!("form_empty_en", text(&render(&app, 80, 24)));
}

#[test]
fn a_code_typed_in_the_form_shows_its_name_and_a_wrong_one_its_rule() {
    let mut app = form_app(Lang::En, COLOR, 80, 24);
    app.focus_field(FieldId::FillingCode);
    type_text(&mut app, "08");
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("08  Change of nationality by a citizen"),
        "{screen}"
    );
    for _ in 0..2 {
        app.update(Action::Edit(InputRequest::DeletePrevChar));
    }
    type_text(&mut app, "02");
    let screen = text(&render(&app, 80, 24));
    insta::assert_snapshot!("form_wrong_code_en", screen);
    assert!(screen.contains("[M-31]"), "{screen}");
}

#[test]
fn an_iin_fills_the_birth_date_and_sex_on_screen() {
    let mut app = form_app(Lang::Ru, COLOR, 80, 24);
    app.focus_field(FieldId::Iin);
    type_text(&mut app, "900517300128");
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("17.05.1990"), "{screen}");
    assert!(screen.contains("мужской"), "{screen}");
}

#[test]
fn the_code_picker_fills_region_and_district() {
    let mut app = form_app(Lang::En, COLOR, 80, 24);
    app.focus_field(FieldId::DistrictCode);
    assert_eq!(app.update(Action::Pick), Effect::Redraw);
    type_text(&mut app, "akkol");
    insta::assert_snapshot!("form_picker_en", text(&render(&app, 80, 24)));
    app.update(Action::Confirm);
    assert_eq!(app.form().value(FieldId::RegionCode), "1902");
    assert_eq!(app.form().value(FieldId::DistrictCode), "204");
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("204  АККОЛЬСКИЙ РАЙОН"), "{screen}");
}

#[test]
fn quitting_with_an_entry_asks_first() {
    let mut app = form_app(Lang::En, COLOR, 80, 24);
    app.focus_field(FieldId::Surname);
    type_text(&mut app, "Ахметова");
    assert_eq!(app.update(Action::Quit), Effect::Redraw);
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("The formulary is not registered; the draft is kept. Quit? (y/n)"),
        "{screen}"
    );
    assert_eq!(app.update(Action::Back), Effect::Redraw);
    assert_eq!(app.update(Action::Quit), Effect::Redraw);
    assert_eq!(app.update(Action::Confirm), Effect::Quit);
}

#[test]
fn a_quiet_moment_keeps_the_draft_once() {
    let mut app = form_app(Lang::En, COLOR, 80, 24);
    app.focus_field(FieldId::Surname);
    type_text(&mut app, "Ахметова");
    match app.update(Action::Tick) {
        Effect::SaveDraft(draft) => assert_eq!(draft.surname.as_deref(), Some("Ахметова")),
        other => panic!("expected a draft to save, got {other:?}"),
    }
    assert_eq!(app.update(Action::Tick), Effect::None, "already kept");
}

#[test]
fn saving_an_incomplete_formulary_is_refused_and_a_complete_one_is_registered() {
    let mut app = form_app(Lang::En, COLOR, 80, 24);
    assert_eq!(app.update(Action::Save), Effect::Redraw);
    let example =
        kense::domain::formulary::Formulary::example("18").unwrap_or_else(|| panic!("example"));
    app.restore_draft(&example);
    match app.update(Action::Save) {
        Effect::Register(f) => assert_eq!(f.filling_code.as_deref(), Some("18")),
        other => panic!("expected a registration, got {other:?}"),
    }
    app.registered(Ok(("2026-0000001".into(), "1234567890".into())));
    assert!(app.form().is_blank(), "a fresh form after registering");
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("№ 2026-0000001 · 1234567890"), "{screen}");
}

fn row(
    number: &str,
    surname: &str,
    status: kense::domain::lifecycle::State,
) -> kense::store::RegisterRow {
    kense::store::RegisterRow {
        number: number.into(),
        registered_on: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_else(|| panic!("date")),
        surname: surname.into(),
        given_name: "Ерлан".into(),
        patronymic: None,
        iin: "900517300128".into(),
        filling_code: "18".into(),
        status,
    }
}

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
fn a_whole_dsn_code_is_taken_apart_in_code_lookup() {
    let mut app = app(Lang::En, COLOR, 80, 24);
    type_text(&mut app, "305300011001");
    let screen = text(&render(&app, 80, 24));
    insta::assert_snapshot!("lookup_dsn_en", screen);
    assert!(screen.contains("DSN code 3-053-0001-1-001"), "{screen}");
    assert!(
        screen.contains("Атырау қаласы"),
        "the unit's name: {screen}"
    );
}

#[test]
fn a_childs_iin_is_asked_of_the_register_once_birth_date_and_sex_are_there() {
    let mut app = form_app(Lang::En, COLOR, 80, 24);
    // Without them the clerk is told what is missing.
    assert_eq!(app.update(Action::GenerateIin), Effect::Redraw);
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("An IIN needs the birth date and sex first (M-12.a)"),
        "{screen}"
    );
    app.focus_field(FieldId::BirthDate);
    type_text(&mut app, "01.03.2026");
    app.focus_field(FieldId::Sex);
    app.update(Action::Edit(InputRequest::GoToNextChar));
    let born = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_else(|| panic!("date"));
    assert_eq!(
        app.update(Action::GenerateIin),
        Effect::GenerateIin(born, kense::domain::Sex::Male)
    );
    app.generated(Ok("260301500015".into()));
    assert_eq!(app.form().value(FieldId::Iin), "260301500015");
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

#[test]
fn the_new_tab_switches_to_the_dsn_application_and_files_it() {
    let mut app = form_app(Lang::En, COLOR, 80, 24);
    assert_eq!(app.update(Action::OtherForm), Effect::Redraw);
    type_text(&mut app, "ТОО Мұнай");
    app.update(Action::Focus(kense::tui::form::Focus::Next));
    type_text(&mut app, "040540000123");
    app.update(Action::Focus(kense::tui::form::Focus::Next));
    app.update(Action::Edit(InputRequest::GoToNextChar)); // producer
    app.update(Action::Focus(kense::tui::form::Focus::Next));
    type_text(&mut app, "3");
    app.update(Action::Focus(kense::tui::form::Focus::Next));
    type_text(&mut app, "053");
    for (field, text) in [
        ("1", "type"),
        ("АИ-92", "name"),
        ("ГОСТ 32513-2013", "spec"),
    ] {
        app.update(Action::Focus(kense::tui::form::Focus::Next));
        type_text(&mut app, field);
        let _ = text;
    }
    let screen = text(&render(&app, 80, 24));
    insta::assert_snapshot!("dsn_form_en", screen);
    assert!(
        screen.contains("Атырау қаласы"),
        "the unit's name: {screen}"
    );
    match app.update(Action::Save) {
        Effect::DsnApply(application) => {
            assert_eq!(application.bin, "040540000123");
            assert_eq!(application.products.len(), 1);
        }
        other => panic!("a complete application is filed: {other:?}"),
    }
    app.dsn_filed(Ok("№1 → 24.11.2026: 3-053-0001-1-001".into()));
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("3-053-0001-1-001"), "{screen}");
}

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

fn dsn_application(id: i64, taxpayer: &str, product: &str) -> kense::store::dsn::ListedApplication {
    let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_else(|| panic!("date"));
    kense::store::dsn::ListedApplication {
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
        products: vec![kense::store::dsn::ListedRow {
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
/// A page of two formularies, newest first.
fn two_rows() -> kense::store::Page {
    use kense::domain::lifecycle::State;
    kense::store::Page {
        rows: vec![
            row("2026-0000002", "Ахметов", State::Registered),
            row("2026-0000001", "Бекова", State::Issued),
        ],
        next: None,
    }
}

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
        Some("↑↓ select  Ctrl-T formularies / DSN  F1 ? keys  Ctrl-Q quit")
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
