//! What the tests of the workstation's screens (`tests/render_*.rs`) share: the
//! workstation at a given size, drawn into ratatui's TestBackend, and its screen as text.
//! Snapshots keep the text; colours are asserted on the buffer, which snapshots drop.

// Each test file uses some of these.
#![allow(dead_code)]

use chrono::NaiveDate;
use kense::domain::Lang;
use kense::domain::lifecycle::State;
use kense::office::Clock;
use kense::store::{Page, RegisterRow};
use kense::tui::action::{Action, Tab};
use kense::tui::app::{App, Session};
use kense::tui::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use tui_input::InputRequest;

pub const COLOR: Theme = Theme { color: true };
pub const NO_COLOR: Theme = Theme { color: false };

pub fn session() -> Session {
    Session {
        clerk: "Айгүл".into(),
        // Noon on 22.11.2026 in the office's time, the day every screen here is of.
        clock: Clock::at_office_time(
            chrono_tz::Asia::Almaty,
            NaiveDate::from_ymd_opt(2026, 11, 22)
                .and_then(|d| d.and_hms_opt(12, 0, 0))
                .unwrap_or_else(|| panic!("date")),
        ),
    }
}

/// The workstation on its Code lookup tab.
pub fn app(lang: Lang, theme: Theme, width: u16, height: u16) -> App {
    let mut app = form_app(lang, theme, width, height);
    app.update(Action::ShowTab(Tab::CodeLookup));
    app
}

/// The workstation as it opens, on the New formulary tab.
pub fn form_app(lang: Lang, theme: Theme, width: u16, height: u16) -> App {
    App::new(lang, theme, Rect::new(0, 0, width, height), session())
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Edit(InputRequest::InsertChar(c)));
    }
}

pub fn render(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(width, height)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|frame| app.draw(frame))
        .unwrap_or_else(|e| panic!("{e}"));
    terminal.backend().buffer().clone()
}

/// The screen and where it shows the cursor (`None` when it hides it).
pub fn render_with_cursor(app: &App, width: u16, height: u16) -> (Buffer, Option<Position>) {
    let mut terminal =
        Terminal::new(TestBackend::new(width, height)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|frame| app.draw(frame))
        .unwrap_or_else(|e| panic!("{e}"));
    let backend = terminal.backend();
    let at = backend.cursor_position();
    (
        backend.buffer().clone(),
        backend.cursor_visible().then_some(at),
    )
}

/// The text of row `y` of the screen, as `text` gives each row.
pub fn row_text(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect::<String>()
        .trim_end()
        .to_string()
}

pub fn text(buffer: &Buffer) -> String {
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

/// A formulary as the Register tab lists it, registered on the session's day.
pub fn row(number: &str, surname: &str, status: State) -> RegisterRow {
    RegisterRow {
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

/// A page of two formularies, newest first.
pub fn two_rows() -> Page {
    Page {
        rows: vec![
            row("2026-0000002", "Ахметов", State::Registered),
            row("2026-0000001", "Бекова", State::Issued),
        ],
        next: None,
    }
}

/// The screen and the cursor, which a text field being edited must show.
pub fn screen_and_cursor(app: &App) -> (Buffer, ratatui::layout::Position) {
    let (buffer, cursor) = render_with_cursor(app, 80, 24);
    let cursor = cursor.unwrap_or_else(|| panic!("no cursor:\n{}", text(&buffer)));
    (buffer, cursor)
}

/// The `n` cells of row `y` from column `x` on.
pub fn cells(buffer: &Buffer, x: u16, y: u16, n: u16) -> String {
    (x..x + n).map(|x| buffer[(x, y)].symbol()).collect()
}
