//! The lean backend, checked against a terminal emulator (vt100): whatever it leaves out,
//! the screen must still be exactly the last frame drawn.

use super::LeanBackend;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier, Style};
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::collections::HashSet;
use std::num::NonZero;
use unicode_width::UnicodeWidthStr;

const WIDTH: u16 = 12;
const HEIGHT: u16 = 4;

/// ASCII, Kazakh Cyrillic, box drawing and wide CJK.
const SYMBOLS: [&str; 14] = [
    " ", "a", "Z", "4", "А", "ә", "Қ", "ұ", "ө", "─", "│", "中", "文", "字",
];

/// The 16 named colours and the default, each with the xterm index it must show as
/// (written out here, not taken from the backend's own conversion).
const COLORS: [(Color, Option<u8>); 17] = [
    (Color::Reset, None),
    (Color::Black, Some(0)),
    (Color::Red, Some(1)),
    (Color::Green, Some(2)),
    (Color::Yellow, Some(3)),
    (Color::Blue, Some(4)),
    (Color::Magenta, Some(5)),
    (Color::Cyan, Some(6)),
    (Color::Gray, Some(7)),
    (Color::DarkGray, Some(8)),
    (Color::LightRed, Some(9)),
    (Color::LightGreen, Some(10)),
    (Color::LightYellow, Some(11)),
    (Color::LightBlue, Some(12)),
    (Color::LightMagenta, Some(13)),
    (Color::LightCyan, Some(14)),
    (Color::White, Some(15)),
];

fn modifier() -> impl Strategy<Value = Modifier> {
    // vt100 keeps one intensity (bold or dim), so the two never come together here.
    (0u8..3, prop::bool::weighted(0.3), prop::bool::weighted(0.3)).prop_map(
        |(intensity, reversed, underlined)| {
            let mut m = [Modifier::empty(), Modifier::BOLD, Modifier::DIM][usize::from(intensity)];
            m.set(Modifier::REVERSED, reversed);
            m.set(Modifier::UNDERLINED, underlined);
            m
        },
    )
}

/// An index into [`COLORS`], the default often: blank default cells are what ratatui skips.
fn color() -> impl Strategy<Value = usize> {
    prop_oneof![2 => Just(0), 3 => 0..COLORS.len()]
}

fn style() -> impl Strategy<Value = Style> {
    (color(), color(), modifier()).prop_map(|(fg, bg, m)| {
        Style::new()
            .fg(COLORS[fg].0)
            .bg(COLORS[bg].0)
            .add_modifier(m)
    })
}

/// A frame: a full buffer and where the cursor is shown (hidden if `None`).
fn frame() -> impl Strategy<Value = (Buffer, Option<Position>)> {
    let cells = usize::from(WIDTH * HEIGHT);
    let cursor = prop::option::of((0..WIDTH, 0..HEIGHT).prop_map(|(x, y)| Position { x, y }));
    (
        prop::collection::vec((prop_oneof![Just(0), 0..SYMBOLS.len()], style()), cells),
        cursor,
    )
        .prop_map(|(picks, cursor)| {
            let mut buffer = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
            for y in 0..HEIGHT {
                let mut x = 0;
                while x < WIDTH {
                    let (symbol, style) = picks[usize::from(y * WIDTH + x)];
                    let mut symbol = SYMBOLS[symbol];
                    if symbol.width() == 2 && x + 1 == WIDTH {
                        symbol = "ю";
                    }
                    let (next, _) = buffer.set_stringn(x, y, symbol, usize::from(WIDTH), style);
                    x = next;
                }
            }
            (buffer, cursor)
        })
}

fn terminal() -> Terminal<LeanBackend<Vec<u8>>> {
    let size = Size::new(WIDTH, HEIGHT);
    let backend = LeanBackend::with_size(Vec::new(), size);
    Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fullscreen,
        },
    )
    .unwrap_or_else(|e| panic!("terminal: {e}"))
}

fn draw(terminal: &mut Terminal<LeanBackend<Vec<u8>>>, buffer: &Buffer, cursor: Option<Position>) {
    terminal
        .draw(|f| {
            *f.buffer_mut() = buffer.clone();
            if let Some(position) = cursor {
                f.set_cursor_position(position);
            }
        })
        .unwrap_or_else(|e| panic!("draw: {e}"));
}

fn parser() -> vt100::Parser {
    match (NonZero::new(HEIGHT), NonZero::new(WIDTH)) {
        (Some(rows), Some(columns)) => vt100::Parser::new(rows, columns, 0),
        _ => panic!("the test screen has a size"),
    }
}

fn expected_color(color: Color) -> vt100::Color {
    match COLORS.iter().find(|(c, _)| *c == color) {
        Some((_, Some(index))) => vt100::Color::Idx(*index),
        _ => vt100::Color::Default,
    }
}

/// Asserts that the emulated screen shows `buffer` cell for cell, and the cursor as asked;
/// for the cells in `orphans` only the contents.
fn assert_screen(
    screen: &vt100::Screen,
    buffer: &Buffer,
    cursor: Option<Position>,
    orphans: &HashSet<(u16, u16)>,
) {
    for y in 0..HEIGHT {
        let mut x = 0;
        while x < WIDTH {
            let want = &buffer[(x, y)];
            let got = screen
                .cell(y, x)
                .unwrap_or_else(|| panic!("no cell at {x},{y}"));
            let at = format!("cell {x},{y}");
            // A cell never written is blank.
            let contents = Some(got.contents())
                .filter(|c| !c.is_empty())
                .unwrap_or(" ");
            assert_eq!(contents, want.symbol(), "{at}");
            if orphans.contains(&(x, y)) {
                x += 1;
                continue;
            }
            assert_eq!(got.fgcolor(), expected_color(want.fg), "{at} fg");
            assert_eq!(got.bgcolor(), expected_color(want.bg), "{at} bg");
            assert_eq!(got.bold(), want.modifier.contains(Modifier::BOLD), "{at}");
            assert_eq!(got.dim(), want.modifier.contains(Modifier::DIM), "{at}");
            assert_eq!(
                got.inverse(),
                want.modifier.contains(Modifier::REVERSED),
                "{at}"
            );
            let underlined = want.modifier.contains(Modifier::UNDERLINED);
            assert_eq!(got.underline(), underlined, "{at}");
            x += u16::try_from(want.symbol().width().max(1)).unwrap_or(1);
        }
    }
    assert_eq!(screen.hide_cursor(), cursor.is_none(), "cursor visibility");
    if let Some(Position { x, y }) = cursor {
        assert_eq!(screen.cursor_position(), (y, x), "cursor position");
    }
}

/// Keeps `orphans` up to date: the cells that were one half of a wide character whose other
/// half was overwritten, and not redrawn since. The terminal blanks them with a pen of its
/// choosing (vt100: the current one), and ratatui, seeing a blank in both frames, does not
/// redraw them; whatever the backend, their style is the terminal's, so only their contents
/// are checked.
fn note_orphans(previous: &Buffer, next: &Buffer, orphans: &mut HashSet<(u16, u16)>) {
    let mut covered = HashSet::new();
    for (x, y, cell) in previous.diff(next) {
        let width = u16::try_from(cell.symbol().width().max(1)).unwrap_or(1);
        covered.extend((x..x + width).map(|x| (x, y)));
    }
    orphans.retain(|cell| !covered.contains(cell));
    for y in 0..HEIGHT {
        for x in 0..WIDTH - 1 {
            if previous[(x, y)].symbol().width() == 2 {
                let (left, right) = ((x, y), (x + 1, y));
                match (covered.contains(&left), covered.contains(&right)) {
                    (true, false) => orphans.insert(right),
                    (false, true) => orphans.insert(left),
                    _ => false,
                };
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Frame after frame, the emulated screen is the last frame drawn.
    #[test]
    fn the_screen_is_the_last_frame(frames in prop::collection::vec(frame(), 1..6)) {
        let mut terminal = terminal();
        let mut parser = parser();
        let mut previous = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
        let mut orphans = HashSet::new();
        for (buffer, cursor) in &frames {
            draw(&mut terminal, buffer, *cursor);
            parser.process(terminal.backend().writer());
            terminal.backend_mut().writer.clear();
            note_orphans(&previous, buffer, &mut orphans);
            assert_screen(parser.screen(), buffer, *cursor, &orphans);
            previous = buffer.clone();
        }
    }
}

/// A form field with a grey hint elsewhere: one more character typed writes that character
/// and nothing else (no style reset, no "show cursor", no move), and the next one too.
#[test]
fn typing_a_character_writes_only_it() {
    let mut terminal = terminal();
    let mut buffer = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
    buffer.set_string(0, 0, "Name", Style::new().add_modifier(Modifier::REVERSED));
    buffer.set_string(0, 3, "0", Style::new().fg(Color::DarkGray));
    draw(&mut terminal, &buffer, Some(Position::new(5, 0)));
    for (i, letter) in ["А", "х"].into_iter().enumerate() {
        terminal.backend_mut().writer.clear();
        let x = 5 + u16::try_from(i).unwrap_or(0);
        buffer.set_string(x, 0, letter, Style::new());
        draw(&mut terminal, &buffer, Some(Position::new(x + 1, 0)));
        let written = String::from_utf8_lossy(terminal.backend().writer());
        // The first letter follows a grey hint: only the foreground changes, not a reset.
        let want = if i == 0 { "\x1b[39mА" } else { "х" };
        assert_eq!(written, want, "keystroke {i}");
    }
}

/// Show/hide and moving to where the cursor is write nothing the second time.
#[test]
fn repeated_cursor_commands_write_nothing() {
    use ratatui::backend::Backend;
    let mut backend = LeanBackend::with_size(Vec::new(), Size::new(WIDTH, HEIGHT));
    type Step = fn(&mut LeanBackend<Vec<u8>>);
    let steps: [(&str, Step); 3] = [
        ("show", |b| {
            b.show_cursor().unwrap_or_else(|e| panic!("{e}"))
        }),
        ("hide", |b| {
            b.hide_cursor().unwrap_or_else(|e| panic!("{e}"))
        }),
        ("move", |b| {
            b.set_cursor_position((3, 2))
                .unwrap_or_else(|e| panic!("{e}"))
        }),
    ];
    for (name, step) in steps {
        step(&mut backend);
        assert!(
            !backend.writer.is_empty(),
            "{name} wrote nothing the first time"
        );
        backend.writer.clear();
        step(&mut backend);
        assert!(
            backend.writer.is_empty(),
            "{name} wrote again: {:?}",
            backend.writer
        );
    }
}

/// A clear after coloured cells resets the pen first, so the screen is not painted.
#[test]
fn a_clear_does_not_paint_the_screen() {
    let mut terminal = terminal();
    let mut buffer = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
    buffer.set_string(0, 0, "x", Style::new().bg(Color::Red).fg(Color::Blue));
    draw(&mut terminal, &buffer, None);
    terminal.clear().unwrap_or_else(|e| panic!("clear: {e}"));
    let mut parser = parser();
    parser.process(terminal.backend().writer());
    let cell = parser
        .screen()
        .cell(1, 1)
        .unwrap_or_else(|| panic!("no cell"));
    assert_eq!(cell.bgcolor(), vt100::Color::Default);
    terminal.backend_mut().writer.clear();
    // And the screen is redrawn whole on the next frame.
    draw(&mut terminal, &buffer, None);
    parser.process(terminal.backend().writer());
    assert_screen(parser.screen(), &buffer, None, &HashSet::new());
}

/// A bidi override or an escape in a cell (text stored before input refused them) reaches
/// the terminal as a replacement character, never as itself.
#[test]
fn a_cell_holding_a_control_or_bidi_character_is_sent_replaced() {
    use ratatui::backend::Backend;
    use ratatui::buffer::Cell;
    let mut backend = LeanBackend::new(Vec::new());
    let mut cells = Vec::new();
    for symbol in ["\u{202e}", "\u{1b}", "a"] {
        let mut cell = Cell::default();
        cell.set_symbol(symbol);
        cells.push(cell);
    }
    let content = cells
        .iter()
        .enumerate()
        .map(|(x, cell)| (u16::try_from(x).unwrap_or(0), 0, cell));
    backend.draw(content).unwrap_or_else(|e| panic!("{e}"));
    let sent = String::from_utf8_lossy(backend.writer.as_slice()).to_string();
    assert!(
        !sent.contains('\u{202e}') && !sent.contains("\u{1b}a"),
        "{sent:?}"
    );
    assert_eq!(sent.matches('\u{fffd}').count(), 2, "{sent:?}");
}
