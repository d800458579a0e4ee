//! A ratatui backend that sends a thin terminal only what changed (issue 7, "bytes per
//! keystroke").
//!
//! ratatui's `CrosstermBackend` forgets the terminal's state at every frame: it resets colours
//! and attributes at the end of each `draw`, sets both colours when one changed, re-sends
//! "show cursor" on every frame and moves the cursor to where it already is. Over SSH every
//! byte is paid for, so [`LeanBackend`] remembers what the terminal has (the pen, the cursor's
//! place and its visibility) and writes only the difference, always as crossterm commands.
//! It never asks the terminal anything (a cursor-position query stalls for seconds over SSH).

mod moves;

use moves::move_sequence;
use ratatui::backend::{Backend, ClearType, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::cursor::{Hide, MoveTo, Show};
use ratatui::crossterm::style::{
    Attribute, Attributes, Colors, SetAttribute, SetAttributes, SetBackgroundColor, SetColors,
    SetForegroundColor,
};
use ratatui::crossterm::terminal::{self, Clear};
use ratatui::crossterm::{Command, queue};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// The SGR state of the terminal: what the next printed character will look like.
///
/// Underline colours are not tracked or drawn: Kense uses none (ratatui's `underline-color`
/// feature stays on only because tui-input enables ratatui's default features).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

impl Pen {
    /// The pen after an SGR reset.
    const RESET: Self = Self {
        fg: Color::Reset,
        bg: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Self {
        Self {
            fg: cell.fg,
            bg: cell.bg,
            modifier: cell.modifier,
        }
    }
}

/// Each ratatui modifier with the crossterm attribute that sets it.
const ATTRIBUTES: [(Modifier, Attribute); 9] = [
    (Modifier::BOLD, Attribute::Bold),
    (Modifier::DIM, Attribute::Dim),
    (Modifier::ITALIC, Attribute::Italic),
    (Modifier::UNDERLINED, Attribute::Underlined),
    (Modifier::SLOW_BLINK, Attribute::SlowBlink),
    (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    (Modifier::REVERSED, Attribute::Reverse),
    (Modifier::HIDDEN, Attribute::Hidden),
    (Modifier::CROSSED_OUT, Attribute::CrossedOut),
];

/// Modifiers that one crossterm attribute switches off together (SGR 22 ends both bold and
/// dim, SGR 25 both blinks), each with that attribute.
const OFF: [(Modifier, Attribute); 7] = [
    (
        Modifier::BOLD.union(Modifier::DIM),
        Attribute::NormalIntensity,
    ),
    (Modifier::ITALIC, Attribute::NoItalic),
    (Modifier::UNDERLINED, Attribute::NoUnderline),
    (
        Modifier::SLOW_BLINK.union(Modifier::RAPID_BLINK),
        Attribute::NoBlink,
    ),
    (Modifier::REVERSED, Attribute::NoReverse),
    (Modifier::HIDDEN, Attribute::NoHidden),
    (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
];

fn attributes(modifier: Modifier) -> Attributes {
    ATTRIBUTES
        .iter()
        .filter(|(m, _)| modifier.contains(*m))
        .fold(Attributes::none(), |all, (_, a)| all | *a)
}

/// A [`Backend`] over any writer that keeps the terminal's state across frames and writes
/// only what changes. Bytes written through its [`Write`] side (synchronized-update marks,
/// OSC 52) pass straight through and must neither move the cursor nor change the pen.
#[derive(Debug)]
pub struct LeanBackend<W: Write> {
    writer: W,
    /// The terminal's pen, or `None` when it is not known (at start).
    pen: Option<Pen>,
    /// Where the cursor is, or `None` when this cannot be sure (after a print that reached
    /// the last column, a clear, or an unusual symbol).
    cursor: Option<Position>,
    /// Whether the cursor is shown, or `None` before the first show/hide.
    visible: Option<bool>,
    /// A size given by the caller (tests); otherwise the kernel's, read at every `size()`.
    fixed_size: Option<Size>,
    /// The width last read by `size()`, needed to know when a print reaches the last column.
    width: std::cell::Cell<Option<u16>>,
    /// Escape sequences are composed here to compare alternatives by length.
    scratch: String,
}

impl<W: Write> LeanBackend<W> {
    /// A backend over `writer` for the real terminal, whose size comes from the kernel.
    pub fn new(writer: W) -> Self {
        Self {
            writer,
            pen: None,
            cursor: None,
            visible: None,
            fixed_size: None,
            width: std::cell::Cell::new(None),
            scratch: String::new(),
        }
    }

    /// A backend whose terminal has the given size (for tests, where there is no terminal).
    pub fn with_size(writer: W, size: Size) -> Self {
        let backend = Self::new(writer);
        backend.width.set(Some(size.width));
        Self {
            fixed_size: Some(size),
            ..backend
        }
    }

    /// The writer, to read what was written.
    pub fn writer(&self) -> &W {
        &self.writer
    }

    /// Puts the terminal's pen back to the default, so that the shell the clerk returns to
    /// never inherits a colour. Written always: the tracked pen may be stale if bytes went
    /// out behind this backend's back.
    pub fn reset_style(&mut self) -> io::Result<()> {
        queue!(self.writer, SetAttribute(Attribute::Reset))?;
        self.pen = Some(Pen::RESET);
        Ok(())
    }

    /// Writes the shortest crossterm sequence that turns the pen into `to`.
    fn set_pen(&mut self, to: Pen) -> io::Result<()> {
        let from = match self.pen {
            Some(pen) if pen == to => return Ok(()),
            Some(pen) => pen,
            None => {
                // Unknown state: start from a reset, which then needs no comparison.
                self.scratch.clear();
                pen_sequence(&mut self.scratch, Pen::RESET, to, true).map_err(io::Error::other)?;
                return self.flush_scratch(to);
            }
        };
        self.scratch.clear();
        pen_sequence(&mut self.scratch, from, to, false).map_err(io::Error::other)?;
        if !(from.modifier - to.modifier).is_empty() {
            // Switching attributes off one by one can cost more than a reset and re-applying
            // what remains; keep the shorter.
            let mut reset = String::new();
            pen_sequence(&mut reset, Pen::RESET, to, true).map_err(io::Error::other)?;
            if reset.len() < self.scratch.len() {
                self.scratch = reset;
            }
        }
        self.flush_scratch(to)
    }

    fn flush_scratch(&mut self, pen: Pen) -> io::Result<()> {
        self.writer.write_all(self.scratch.as_bytes())?;
        self.pen = Some(pen);
        Ok(())
    }

    /// Writes the shortest crossterm move from the tracked cursor to `to` (nothing if it is
    /// there already).
    fn move_to(&mut self, to: Position) -> io::Result<()> {
        let Some(from) = self.cursor else {
            self.cursor = Some(to);
            return queue!(self.writer, MoveTo(to.x, to.y));
        };
        if from == to {
            return Ok(());
        }
        self.scratch.clear();
        move_sequence(&mut self.scratch, from, to).map_err(io::Error::other)?;
        self.writer.write_all(self.scratch.as_bytes())?;
        self.cursor = Some(to);
        Ok(())
    }

    /// Where the cursor is after printing `symbol` at `at`, if this can be sure.
    fn after_print(&self, at: Position, symbol: &str) -> Option<Position> {
        let mut chars = symbol.chars();
        // One printable character: terminals agree on its width. Clusters (emoji with
        // selectors, combining marks) they do not, so the next print moves absolutely.
        let single = matches!((chars.next(), chars.next()), (Some(c), None) if !c.is_control());
        let width = u16::try_from(symbol.width())
            .ok()
            .filter(|w| (1..=2).contains(w))?;
        let x = at.x.checked_add(width)?;
        // A print that reaches the last column leaves the cursor in "pending wrap", which
        // terminals handle differently.
        (single && x < self.width.get()?).then_some(Position { x, y: at.y })
    }
}

/// Composes the change of pen from `from` to `to`; with `reset`, from an SGR reset.
fn pen_sequence(out: &mut String, from: Pen, to: Pen, reset: bool) -> std::fmt::Result {
    let from = if reset {
        SetAttribute(Attribute::Reset).write_ansi(out)?;
        Pen::RESET
    } else {
        from
    };
    let removed = from.modifier - to.modifier;
    let mut kept = from.modifier - removed;
    for (group, off) in OFF {
        if removed.intersects(group) {
            SetAttribute(off).write_ansi(out)?;
            kept.remove(group);
        }
    }
    let added = to.modifier - kept;
    if !added.is_empty() {
        SetAttributes(attributes(added)).write_ansi(out)?;
    }
    match (from.fg != to.fg, from.bg != to.bg) {
        (true, true) => {
            SetColors(Colors::new(to.fg.into_crossterm(), to.bg.into_crossterm())).write_ansi(out)
        }
        (true, false) => SetForegroundColor(to.fg.into_crossterm()).write_ansi(out),
        (false, true) => SetBackgroundColor(to.bg.into_crossterm()).write_ansi(out),
        (false, false) => Ok(()),
    }
}

impl<W: Write> Write for LeanBackend<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        for (x, y, cell) in content {
            let at = Position { x, y };
            self.move_to(at)?;
            self.set_pen(Pen::of(cell))?;
            // The last line of defence: a control or bidi-override character that reached a
            // cell (text stored before kense refused them on input) is sent as a visible
            // replacement, never as something the terminal acts on.
            let symbol = match cell.symbol() {
                s if s.chars().any(crate::domain::text::is_forbidden) => "\u{fffd}",
                s => s,
            };
            self.writer.write_all(symbol.as_bytes())?;
            self.cursor = self.after_print(at, symbol);
        }
        // No reset at the end of the frame: the pen is remembered for the next one.
        Ok(())
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        for _ in 0..n {
            self.writer.write_all(b"\n")?;
        }
        self.cursor = None;
        self.writer.flush()
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.visible != Some(false) {
            queue!(self.writer, Hide)?;
            self.visible = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.visible != Some(true) {
            queue!(self.writer, Show)?;
            self.visible = Some(true);
        }
        Ok(())
    }

    /// The tracked position (the origin when unknown): asking the terminal would stall.
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor.unwrap_or(Position::ORIGIN))
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.move_to(position.into())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // A clear paints with the current background: start from a plain pen.
        if self.pen != Some(Pen::RESET) {
            self.reset_style()?;
        }
        let clear_type = match clear_type {
            ClearType::All => terminal::ClearType::All,
            ClearType::AfterCursor => terminal::ClearType::FromCursorDown,
            ClearType::BeforeCursor => terminal::ClearType::FromCursorUp,
            ClearType::CurrentLine => terminal::ClearType::CurrentLine,
            ClearType::UntilNewLine => terminal::ClearType::UntilNewLine,
        };
        queue!(self.writer, Clear(clear_type))?;
        self.cursor = None;
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        let size = match self.fixed_size {
            Some(size) => size,
            None => terminal::size().map(|(width, height)| Size { width, height })?,
        };
        self.width.set(Some(size.width));
        Ok(size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let terminal::WindowSize {
            columns,
            rows,
            width,
            height,
        } = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: columns,
                height: rows,
            },
            pixels: Size { width, height },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

#[cfg(test)]
mod tests;
