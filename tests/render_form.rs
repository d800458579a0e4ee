//! The New tab at 80×24, drawn into ratatui's TestBackend: the formulary form, its code
//! picker, drafts and registering, and the DSN application form (Ctrl-N).

mod render_support;

use chrono::NaiveDate;
use kense::domain::Lang;
use kense::tui::action::Action;
use kense::tui::app::Effect;
use kense::tui::screens::formulary::spec::FieldId;
use render_support::{
    COLOR, NO_COLOR, cells, form_app, render, row_text, screen_and_cursor, text, type_text,
};
use tui_input::InputRequest;

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
    assert!(
        screen.contains("Registered: No. 2026-0000001, coupon 1234567890"),
        "{screen}"
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
    // A child: what the parent showed is asked first (M-12.a; the dialog is tested on a
    // real register in `store_link/child_iin_tests.rs`).
    assert_eq!(app.update(Action::GenerateIin), Effect::Redraw);
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("Child's IIN: what was shown (M-12.a)"),
        "{screen}"
    );
    app.update(Action::Back);
    // An adult's IIN is asked of the register at once.
    app.focus_field(FieldId::BirthDate);
    app.update(Action::Edit(InputRequest::DeleteLine));
    type_text(&mut app, "01.03.1990");
    let born = NaiveDate::from_ymd_opt(1990, 3, 1).unwrap_or_else(|| panic!("date"));
    assert_eq!(
        app.update(Action::GenerateIin),
        Effect::GenerateIin(born, kense::domain::Sex::Male)
    );
    app.generated(Ok("900301300015".into()));
    assert_eq!(app.form().value(FieldId::Iin), "900301300015");
}

#[test]
fn the_new_tab_switches_to_the_dsn_application_and_files_it() {
    let mut app = form_app(Lang::En, COLOR, 80, 24);
    assert_eq!(app.update(Action::OtherForm), Effect::Redraw);
    type_text(&mut app, "ТОО Мұнай");
    app.update(Action::Focus(kense::tui::screens::formulary::Focus::Next));
    type_text(&mut app, "040540000123");
    app.update(Action::Focus(kense::tui::screens::formulary::Focus::Next));
    app.update(Action::Edit(InputRequest::GoToNextChar)); // producer
    app.update(Action::Focus(kense::tui::screens::formulary::Focus::Next));
    type_text(&mut app, "3");
    app.update(Action::Focus(kense::tui::screens::formulary::Focus::Next));
    type_text(&mut app, "053");
    for (field, text) in [
        ("1", "type"),
        ("АИ-92", "name"),
        ("ГОСТ 32513-2013", "spec"),
    ] {
        app.update(Action::Focus(kense::tui::screens::formulary::Focus::Next));
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
fn a_long_value_scrolls_so_the_cursor_and_the_text_around_it_are_seen() {
    const SURNAME: &str = "ҚҰРМАНҒАЛИЕВА-ТӨЛЕГЕНОВА-СӘРСЕНБАЕВА-АБДРАХМАНОВА-ЖАКСЫБЕКОВА";
    const ADDRESS: &str = "г. Алматы, Бостандыкский р-н, ул. Тимирязева, д. 42, кв 7";
    for (field, value) in [
        (FieldId::Surname, SURNAME),
        (FieldId::ResidenceAddress, ADDRESS),
    ] {
        let mut app = form_app(Lang::Ru, COLOR, 80, 24);
        app.focus_field(field);
        type_text(&mut app, value);
        let (buffer, cursor) = screen_and_cursor(&app);
        let row = row_text(&buffer, cursor.y);
        // The end just typed is in sight, the cursor right after its last letter, inside
        // the frame.
        let tail: String = value.chars().skip(value.chars().count() - 20).collect();
        assert!(row.contains(&tail), "{row}");
        assert!(cursor.x < 79, "the cursor at {cursor:?} in {row}");
        let last: String = tail.chars().skip(16).collect();
        assert_eq!(
            cells(&buffer, cursor.x - 4, cursor.y, 5),
            format!("{last} "),
            "{row}"
        );

        // Twenty letters back a letter typed goes in there, and is seen there with the
        // letters on both sides of it.
        for _ in 0..20 {
            app.update(Action::Edit(InputRequest::GoToPrevChar));
        }
        type_text(&mut app, "Ы");
        let chars: Vec<char> = value.chars().collect();
        let at = chars.len() - 20;
        let edited: String = chars[..at]
            .iter()
            .chain(['Ы'].iter())
            .chain(chars[at..].iter())
            .collect();
        assert_eq!(app.form().value(field), edited);
        let (buffer, cursor) = screen_and_cursor(&app);
        let row = row_text(&buffer, cursor.y);
        let before: String = chars[at - 8..at].iter().chain(['Ы'].iter()).collect();
        let after: String = chars[at..at + 8].iter().collect();
        assert_eq!(cells(&buffer, cursor.x - 9, cursor.y, 9), before, "{row}");
        assert_eq!(cells(&buffer, cursor.x, cursor.y, 8), after, "{row}");
        assert!(row.ends_with("…│"), "more text to the right: {row}");

        // Home: the start of the value, the cursor on its first letter.
        app.update(Action::Edit(InputRequest::GoToStart));
        let (buffer, cursor) = screen_and_cursor(&app);
        let head: String = value.chars().take(30).collect();
        assert!(
            row_text(&buffer, cursor.y).contains(&head),
            "{}",
            row_text(&buffer, cursor.y)
        );
        assert_eq!(cursor.x, 27);

        // Left, the field is cut with "…" from its start.
        app.update(Action::Focus(kense::tui::screens::formulary::Focus::Next));
        let screen = text(&render(&app, 80, 24));
        let row = screen
            .lines()
            .find(|l| l.contains(&head))
            .unwrap_or_else(|| panic!("{screen}"));
        assert!(row.ends_with("…│"), "{row}");
    }
}

/// The footer: the screen's last line.
fn footer(app: &kense::tui::app::App) -> String {
    let screen = text(&render(app, 80, 24));
    screen.lines().last().unwrap_or_default().to_string()
}

#[test]
fn a_status_keeps_the_key_hints_whole_and_the_help_key_always() {
    // Registered: the numbers first, each named, then the hints that fit whole, and F1.
    let mut app = form_app(Lang::Ru, COLOR, 80, 24);
    app.registered(Ok(("2026-0000621".into(), "5053151782".into())));
    assert_eq!(
        footer(&app),
        "Зарегистрирован: № 2026-0000621, талон 5053151782  Tab ↓ поле  F1 ? клавиши"
    );
    // Three product rows filed: every row's code whole, F1 as its keys alone.
    const FILED: &str = "№1 → 24.11.2026: 3-053-0001-1-001, 3-053-0001-1-002, 3-053-0001-1-003";
    app.update(Action::OtherForm);
    app.dsn_filed(Ok(FILED.into()));
    assert_eq!(footer(&app), format!("{FILED}  F1 ?"));
    let mut app = form_app(Lang::En, COLOR, 80, 24);
    app.update(Action::OtherForm);
    app.dsn_filed(Ok(FILED.into()));
    assert_eq!(footer(&app), format!("{FILED}  F1 ? keys"));
    // A status longer than the line is never cut: it is shown whole above the footer,
    // which keeps the keys.
    let long = format!("{FILED}; {FILED}");
    app.dsn_filed(Err(long.into()));
    let line = footer(&app);
    assert!(line.ends_with("F1 ? keys  Ctrl-Q quit"), "{line}");
    let screen = text(&render(&app, 80, 24));
    let joined: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    for code in ["3-053-0001-1-001", "3-053-0001-1-003;"] {
        assert!(joined.contains(code), "{screen}");
    }
    assert!(!screen.contains('…'), "nothing cut:\n{screen}");
    // With no status, every hint of the screen, whole.
    app.update(Action::OtherForm);
    assert_eq!(
        footer(&app),
        "Tab ↓ field  Ctrl-L pick a code  Ctrl-S register  Ctrl-G child's IIN  F1 ? keys"
    );
}

#[test]
fn the_reason_of_a_warning_is_typed_where_the_cursor_is() {
    let example =
        kense::domain::formulary::Formulary::example("18").unwrap_or_else(|| panic!("example"));
    let mut app = form_app(Lang::Ru, COLOR, 80, 24);
    app.restore_draft(&example);
    // A birth date other than the IIN's: a warning the clerk may let pass, with a reason.
    app.focus_field(FieldId::BirthDate);
    let born = app.form().value(FieldId::BirthDate).to_string();
    let other = if born.starts_with("01") { "02" } else { "01" };
    for _ in 0..born.chars().count() {
        app.update(Action::Edit(InputRequest::DeletePrevChar));
    }
    type_text(&mut app, &format!("{other}{}", &born[2..]));
    assert_eq!(app.update(Action::Accept), Effect::Redraw);
    // A short reason: the cursor right after it, on its row.
    type_text(&mut app, "ИИН выдан до 2008 года");
    let (buffer, cursor) = screen_and_cursor(&app);
    let row = row_text(&buffer, cursor.y);
    assert!(row.contains("│ИИН выдан до 2008 года "), "{row}");
    assert_eq!(cells(&buffer, cursor.x - 4, cursor.y, 5), "года ", "{row}");
    // A reason longer than the line: it scrolls, its end and the cursor in sight.
    type_text(
        &mut app,
        ", сведения о дате рождения уточнены по архивной справке ЗАГС",
    );
    let (buffer, cursor) = screen_and_cursor(&app);
    let row = row_text(&buffer, cursor.y);
    assert!(row.contains("архивной справке ЗАГС "), "{row}");
    assert_eq!(cells(&buffer, cursor.x - 4, cursor.y, 5), "ЗАГС ", "{row}");
}
