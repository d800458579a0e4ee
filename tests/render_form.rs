//! The New tab at 80×24, drawn into ratatui's TestBackend: the formulary form, its code
//! picker, drafts and registering, and the DSN application form (Ctrl-N).

mod render_support;

use chrono::NaiveDate;
use kense::domain::Lang;
use kense::tui::action::Action;
use kense::tui::app::Effect;
use kense::tui::form::spec::FieldId;
use render_support::{COLOR, NO_COLOR, form_app, render, text, type_text};
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
    assert!(screen.contains("№ 2026-0000001 · 1234567890"), "{screen}");
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
