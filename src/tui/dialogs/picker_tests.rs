//! Issue 11: the district picker lists the typed region's districts first, an empty query
//! lists the whole directory, a picker opened on a filled field starts from an empty query,
//! and a district of another region changes the region only with a word on the status line.

use crate::codes::{Entry, Kind, all_entries};
use crate::domain::Lang;
use crate::office::Clock;
use crate::tui::action::Action;
use crate::tui::app::{App, Session};
use crate::tui::screens::formulary::spec::FieldId;
use crate::tui::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use tui_input::InputRequest;

fn app() -> App {
    let session = Session {
        clerk: "aigul".into(),
        clock: Clock::default(),
    };
    App::new(
        Lang::En,
        Theme { color: false },
        Rect::new(0, 0, 80, 24),
        session,
    )
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Edit(InputRequest::InsertChar(c)));
    }
}

/// The screen's rows at 80×24.
fn rows(app: &App) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|frame| app.draw(frame))
        .unwrap_or_else(|e| panic!("{e}"));
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .chunks(80)
        .map(|row| row.iter().map(|c| c.symbol()).collect())
        .collect()
}

/// The codes of the picker's list rows, top to bottom ("1930 203").
fn listed(rows: &[String]) -> Vec<String> {
    rows.iter()
        .filter_map(|row| {
            let cells: String = row.trim_start_matches(['│', ' ']).into();
            let code: String = cells.chars().take(8).collect();
            let well_formed = code.len() == 8
                && code.char_indices().all(|(i, c)| match i {
                    4 => c == ' ',
                    _ => c.is_ascii_digit(),
                });
            well_formed.then_some(code)
        })
        .collect()
}

fn districts() -> usize {
    all_entries()
        .into_iter()
        .filter(|e| e.kind() == Kind::District)
        .count()
}

fn in_region(region: &str) -> usize {
    all_entries()
        .into_iter()
        .filter(|e| matches!(e, Entry::District(d) if d.region_code == region))
        .count()
}

#[test]
fn an_empty_picker_lists_the_whole_directory_the_typed_regions_districts_first() {
    let mut app = app();
    app.focus_field(FieldId::RegionCode);
    type_text(&mut app, "1930");
    app.focus_field(FieldId::DistrictCode);
    app.update(Action::Pick);
    let shown = rows(&app);
    let screen = shown.join("\n");
    assert!(
        screen.contains(&format!("Found: {}", districts())),
        "{screen}"
    );
    assert!(
        screen.contains("e.g. 1902 204"),
        "the query is empty: {screen}"
    );
    let codes = listed(&shown);
    let page = codes.len().min(in_region("1930"));
    assert!(page >= 3, "a page of districts is shown: {screen}");
    assert!(
        codes[..page].iter().all(|c| c.starts_with("1930 ")),
        "{codes:?}"
    );
}

#[test]
fn a_district_of_another_region_changes_the_region_and_says_so() {
    let mut app = app();
    app.focus_field(FieldId::RegionCode);
    type_text(&mut app, "1930");
    app.focus_field(FieldId::DistrictCode);
    app.update(Action::Pick);
    type_text(&mut app, "zaisan");
    app.update(Action::Confirm);
    assert_eq!(app.form().value(FieldId::RegionCode), "1917");
    assert_eq!(app.form().value(FieldId::DistrictCode), "213");
    let screen = rows(&app).join("\n");
    assert!(screen.contains("Region changed: 1930 → 1917"), "{screen}");

    // Opened again on the filled field: an empty query, the new region's districts
    // first, the district the field holds chosen.
    app.update(Action::Pick);
    let shown = rows(&app);
    let screen = shown.join("\n");
    assert!(screen.contains("e.g. 1902 204"), "{screen}");
    assert!(screen.contains("Code: 1917 213"), "{screen}");
    assert!(listed(&shown).iter().all(|c| c.starts_with("1917 ")));
    app.update(Action::Back);

    // A district of the region typed changes nothing else and says nothing of a region.
    app.update(Action::Pick);
    type_text(&mut app, "1917");
    app.update(Action::Confirm);
    assert_eq!(app.form().value(FieldId::RegionCode), "1917");
    let screen = rows(&app).join("\n");
    assert!(!screen.contains("Region changed"), "{screen}");
}

#[test]
fn a_region_left_empty_is_filled_from_the_district_with_a_word() {
    let mut app = app();
    app.focus_field(FieldId::DistrictCode);
    app.update(Action::Pick);
    type_text(&mut app, "zaisan");
    app.update(Action::Confirm);
    assert_eq!(app.form().value(FieldId::RegionCode), "1917");
    let screen = rows(&app).join("\n");
    assert!(
        screen.contains("Region filled from the district: 1917"),
        "{screen}"
    );
}

#[test]
fn the_filling_code_picker_starts_empty_over_every_code_with_the_typed_one_chosen() {
    let mut app = app();
    app.focus_field(FieldId::FillingCode);
    type_text(&mut app, "18");
    app.update(Action::Pick);
    let screen = rows(&app).join("\n");
    let codes = all_entries()
        .into_iter()
        .filter(|e| e.kind() == Kind::Filling)
        .count();
    assert!(screen.contains(&format!("Found: {codes}")), "{screen}");
    assert!(screen.contains("Code: 18"), "{screen}");
}
