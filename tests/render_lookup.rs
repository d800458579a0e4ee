//! The Code lookup tab at 80×24 (and a larger and a smaller terminal), drawn into
//! ratatui's TestBackend. Snapshots keep the text; colours are asserted on the buffer,
//! which snapshots drop.

mod render_support;

use kense::domain::Lang;
use kense::tui::action::{Action, Move, Tab};
use kense::tui::app::Effect;
use ratatui::style::{Color, Modifier};
use render_support::{COLOR, NO_COLOR, app, render, text, type_text};

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

/// The rows inside the pane titled `title`, from under its title to its bottom border.
fn pane_rows(screen: &str, title: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let Some((top, column)) = lines.iter().enumerate().find_map(|(y, l)| {
        let at = l.find(title)?;
        Some((y, l[..at].chars().count()))
    }) else {
        panic!("no {title}:\n{screen}");
    };
    lines[top + 1..]
        .iter()
        .take_while(|l| l.chars().nth(column) != Some('└'))
        .map(|l| l.to_string())
        .collect()
}

/// A pane's row without its borders and trailing blanks.
fn inside(row: &str) -> &str {
    row.trim_end_matches('│').trim_end()
}

#[test]
fn the_pickers_detail_takes_the_rows_the_list_leaves_and_shows_every_name() {
    use kense::tui::screens::formulary::spec::FieldId;
    let mut app = render_support::form_app(Lang::Kk, COLOR, 80, 24);
    app.focus_field(FieldId::FillingCode);
    assert_eq!(app.update(Action::Pick), Effect::Redraw);
    type_text(&mut app, "01");
    let screen = text(&render(&app, 80, 24));
    let rows = pane_rows(&screen, "┌Толығырақ");
    let pane = rows.join("\n");
    for whole in [
        "Қазақша: 16 жасқа толу",
        "кезінде)",
        "Орысша: Достижение 16-летнего возраста",
        "Республики Казахстан)",
        "Ағылшынша: Reaching the age of 16",
        "Kazakhstan)",
        "Kense аудармасы, құжат мәтіні емес",
    ] {
        assert!(pane.contains(whole), "{whole:?} missing:\n{screen}");
    }
    assert!(!pane.contains('…'), "{screen}");
}

#[test]
fn a_detail_too_long_for_its_pane_ends_with_a_mark_and_keeps_its_note() {
    // A full list: the pane keeps its rows; the clerk's own language comes first and
    // whole, the names that do not fit end with "…", the translation note stays.
    let mut kk = app(Lang::Kk, NO_COLOR, 80, 24);
    type_text(&mut kk, "00");
    let screen = text(&render(&kk, 80, 24));
    let rows = pane_rows(&screen, "┌Толығырақ");
    assert_eq!(rows.len(), 6, "{screen}");
    assert!(
        rows[1].starts_with("│Қазақша: 16 жасқа дейінгі"),
        "{screen}"
    );
    assert!(inside(&rows[4]).ends_with('…'), "a sign of more: {screen}");
    assert!(
        rows[5].contains("Kense аудармасы, құжат мәтіні емес"),
        "{screen}"
    );
    // In English the English name is the one read whole.
    let mut en = app(Lang::En, NO_COLOR, 80, 24);
    type_text(&mut en, "00");
    let screen = text(&render(&en, 80, 24));
    let rows = pane_rows(&screen, "┌Detail");
    assert!(
        rows[1].starts_with("│English: Issue of identity documents"),
        "{screen}"
    );
    assert!(rows[5].contains("Kense's translation"), "{screen}");
}
