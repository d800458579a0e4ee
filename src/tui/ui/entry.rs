//! A box asking for one line: what to type, wrapped, and under it the line scrolled to its
//! cursor, or one of a few choices. The move dialogs and the reason of an accepted warning
//! use it.

use super::fit;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use tui_input::Input;

/// What a dialog asking for a line holds: a line of text being typed, or one of a few
/// choices.
pub enum Value<'a> {
    Text(&'a Input),
    Choice(String),
}

/// A dialog asking for a line in `area`: what to type, wrapped, and under it the line, one
/// row scrolled to its cursor as the form's fields are, so a long reason is seen where it
/// is typed.
pub fn draw_entry(frame: &mut Frame, area: Rect, title: String, ask: Line<'static>, value: Value) {
    frame.render_widget(Clear, area);
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    // A choice is wrapped whole under what is asked, never cut mid-word (an M-40 reason is
    // longer than a row); a line of text takes one row, scrolled to its cursor.
    let choice_rows = match &value {
        Value::Choice(text) => fit::wrap(&Line::raw(text.clone()), width),
        Value::Text(_) => Vec::new(),
    };
    let value_rows = choice_rows.len().max(1);
    let mut rows = fit::fill(
        &[ask],
        Vec::new(),
        width,
        usize::from(inner.height).saturating_sub(value_rows),
    );
    let y = inner.y + u16::try_from(rows.len()).unwrap_or(0);
    let cursor = match value {
        Value::Text(input) => {
            let (shown, column) = fit::scrolled(input.value(), input.visual_cursor(), width);
            rows.push(Line::raw(shown));
            Some(column)
        }
        Value::Choice(_) => {
            rows.extend(choice_rows);
            None
        }
    };
    frame.render_widget(Paragraph::new(rows), inner);
    if let Some(column) = cursor {
        let x = inner.x + u16::try_from(column).unwrap_or(u16::MAX);
        frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
    }
}
