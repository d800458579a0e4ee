//! The New tab's forms fitted to 80×24, drawn into ratatui's TestBackend: a long value of
//! the DSN application scrolled to its cursor, the code picker paged by the rows it shows,
//! and every label parted from its value.

mod render_support;

use kense::domain::Lang;
use kense::tui::action::{Action, Move};
use kense::tui::app::Effect;
use kense::tui::screens::formulary::spec::FieldId;
use render_support::{
    COLOR, cells, form_app, render, row_text, screen_and_cursor, text, type_text,
};
use tui_input::InputRequest;

#[test]
fn a_long_taxpayer_name_scrolls_to_its_cursor_in_the_dsn_application() {
    const NAME: &str = "ТОО «Павлодарский нефтехимический завод имени Казыбек би и партнёры»";
    let mut app = form_app(Lang::Ru, COLOR, 80, 24);
    assert_eq!(app.update(Action::OtherForm), Effect::Redraw);
    type_text(&mut app, NAME);
    let (buffer, cursor) = screen_and_cursor(&app);
    let row = row_text(&buffer, cursor.y);
    // The end just typed is in sight, the cursor right after it, inside the frame.
    let tail: String = NAME.chars().skip(NAME.chars().count() - 20).collect();
    assert!(row.contains(&tail), "{row}");
    assert!(cursor.x < 79, "the cursor at {cursor:?} in {row}");
    assert_eq!(cells(&buffer, cursor.x - 3, cursor.y, 4), "ры» ", "{row}");
    // Ten letters back the cursor stands on the tenth letter from the end, with letters
    // on both sides of it in sight.
    for _ in 0..10 {
        app.update(Action::Edit(InputRequest::GoToPrevChar));
    }
    let (buffer, moved) = screen_and_cursor(&app);
    let letters: Vec<char> = NAME.chars().collect();
    let around: String = letters[letters.len() - 14..letters.len() - 6]
        .iter()
        .collect();
    assert_eq!(
        cells(&buffer, moved.x - 4, moved.y, 8),
        around,
        "{}",
        row_text(&buffer, moved.y)
    );
    // Home: the start of the name, the cursor on its first letter; the rest cut with "…".
    app.update(Action::Edit(InputRequest::GoToStart));
    let (buffer, cursor) = screen_and_cursor(&app);
    let row = row_text(&buffer, cursor.y);
    let head: String = NAME.chars().take(30).collect();
    assert!(row.contains(&head), "{row}");
    assert!(row.ends_with("…│"), "{row}");
    assert_eq!(cursor.x, 27);
}

#[test]
fn a_dsn_value_is_measured_in_terminal_cells() {
    // Two cells a letter: the cursor after the fourth letter is eight cells on.
    let mut app = form_app(Lang::En, COLOR, 80, 24);
    app.update(Action::OtherForm);
    type_text(&mut app, "中国石油");
    let (buffer, cursor) = screen_and_cursor(&app);
    assert_eq!(cursor.x, 27 + 8, "{}", row_text(&buffer, cursor.y));
    // A name far wider than the field in cells, though not in letters: scrolled, the
    // cursor stays inside the frame after the last letter typed.
    type_text(&mut app, &"石油".repeat(14));
    let (buffer, cursor) = screen_and_cursor(&app);
    let row = row_text(&buffer, cursor.y);
    assert!(cursor.x < 79, "the cursor at {cursor:?} in {row}");
    assert!(row.contains("…"), "{row}");
    assert_eq!(cells(&buffer, cursor.x - 2, cursor.y, 1), "油", "{row}");
    assert_eq!(cells(&buffer, cursor.x, cursor.y, 1), " ", "{row}");
}

#[test]
fn the_code_picker_pages_by_the_rows_it_shows() {
    let mut app = form_app(Lang::En, COLOR, 80, 24);
    app.focus_field(FieldId::DistrictCode);
    assert_eq!(app.update(Action::Pick), Effect::Redraw);
    type_text(&mut app, "19");
    // At 80×24 the picker shows five rows: five steps down is the next page's first row.
    let screen = text(&render(&app, 80, 24));
    let shown = screen
        .lines()
        .filter(|l| l.contains("District") && !l.contains("Code:"))
        .count();
    assert_eq!(shown, 5, "{screen}");
    for _ in 0..shown {
        app.update(Action::Select(Move::Down));
    }
    let stepped = text(&render(&app, 80, 24));
    // PgDn from the first row goes there too, skipping none.
    app.update(Action::Select(Move::First));
    assert_eq!(app.update(Action::Select(Move::PageDown)), Effect::Redraw);
    assert_eq!(text(&render(&app, 80, 24)), stepped);
    // And PgUp back to the first.
    assert_eq!(app.update(Action::Select(Move::PageUp)), Effect::Redraw);
    assert_eq!(text(&render(&app, 80, 24)), screen);
}

#[test]
fn a_blank_always_parts_a_label_from_its_value() {
    for lang in [Lang::Ru, Lang::Kk, Lang::En] {
        for id in [
            FieldId::ProtocolNumber,
            FieldId::ProtocolDate,
            FieldId::PenalLocation,
            FieldId::PenalInstitution,
            FieldId::ParentIdIssuer,
        ] {
            let mut app = form_app(lang, COLOR, 80, 24);
            app.focus_field(id);
            assert_eq!(app.form().focused(), id);
            type_text(&mut app, "12");
            let (buffer, cursor) = screen_and_cursor(&app);
            let row = row_text(&buffer, cursor.y);
            // The value starts at column 27, after the mark (2) and the label column (24).
            assert_eq!(cells(&buffer, 27, cursor.y, 2), "12", "{row}");
            assert_eq!(cells(&buffer, 26, cursor.y, 1), " ", "{row}");
            assert!(!row.contains('…'), "{row}");
        }
    }
}
