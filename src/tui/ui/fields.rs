//! The rows of a form's fields, shared by the formulary and the DSN application: a mark for
//! the field's worst problem, its label in a column, and its value — a text scrolled to its
//! cursor when focused, a choice between ◂ ▸ when focused, a code with its name — drawn a
//! page at a time around the focused field.

use super::View;
use super::fit;
use super::text::{label_column, truncate};
use super::theme::Theme;
use crate::domain::formulary::Severity;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_input::Input;
use unicode_width::UnicodeWidthStr;

/// Columns of the label column (mark included).
pub const LABEL_WIDTH: usize = 26;

/// One line of a form.
pub enum FormLine<'a> {
    /// A group's heading.
    Heading(&'a str),
    Field(FieldRow<'a>),
}

/// A field's line.
pub struct FieldRow<'a> {
    pub label: String,
    /// The worst open problem of the field, once the clerk has been in it.
    pub mark: Option<Severity>,
    pub focused: bool,
    pub value: Value<'a>,
}

/// A field's value as shown.
pub enum Value<'a> {
    /// Typed text (a date, a code, a name), with the name of the code it holds, if any.
    Text {
        input: &'a Input,
        name: Option<&'a str>,
    },
    /// One of a few values: the chosen one's name.
    Choice(&'a str),
}

/// The lines of a form in `inner`, a page at a time around `focused` (an index in `lines`):
/// whole pages, as in the lists, so no scroll state is kept.
pub fn draw(frame: &mut Frame, inner: Rect, lines: &[FormLine], focused: usize, view: View) {
    let height = usize::from(inner.height).max(1);
    let first = focused / height * height;
    let value_width = usize::from(inner.width).saturating_sub(LABEL_WIDTH);
    for (row, line) in lines.iter().skip(first).take(height).enumerate() {
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        let area = Rect::new(inner.x, y, inner.width, 1);
        let field = match line {
            FormLine::Heading(text) => {
                let heading = Line::styled(*text, view.theme.active_tab());
                frame.render_widget(Paragraph::new(heading), area);
                continue;
            }
            FormLine::Field(field) => field,
        };
        let (spans, cursor) = field_spans(field, value_width, view.theme);
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        if let Some(column) = cursor {
            let x = inner.x + u16::try_from(LABEL_WIDTH + column).unwrap_or(u16::MAX);
            frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
        }
    }
}

/// A field's spans, and the cursor's column in its value when it is being typed in.
fn field_spans<'a>(
    field: &FieldRow<'a>,
    width: usize,
    theme: Theme,
) -> (Vec<Span<'a>>, Option<usize>) {
    let label = label_column(&field.label, LABEL_WIDTH - 2);
    let label = if field.focused {
        Span::styled(label, theme.selected())
    } else {
        Span::raw(label)
    };
    let mut spans = vec![mark(field.mark, theme), label];
    let mut cursor = None;
    match &field.value {
        Value::Choice(name) if field.focused => spans.push(Span::raw(format!("◂ {name} ▸"))),
        Value::Choice(name) => spans.push(Span::raw(name.to_string())),
        Value::Text { input, name } => {
            // The focused field scrolls to its cursor; the others are cut with "…".
            let shown = if field.focused {
                let (shown, column) = fit::scrolled(input.value(), input.visual_cursor(), width);
                cursor = Some(column);
                shown
            } else {
                truncate(input.value(), width)
            };
            let room = width.saturating_sub(shown.width() + 2);
            spans.push(Span::raw(shown));
            if let Some(name) = name
                && room > 0
            {
                spans.push(Span::styled(
                    format!("  {}", truncate(name, room)),
                    theme.dim(),
                ));
            }
        }
    }
    (spans, cursor)
}

/// The mark before a field's label: `!` an error, `?` a warning.
fn mark(severity: Option<Severity>, theme: Theme) -> Span<'static> {
    match severity {
        Some(Severity::Error) => Span::styled("! ", theme.error()),
        Some(Severity::Warning) => Span::styled("? ", theme.warn()),
        None => Span::raw("  "),
    }
}

/// A problem in the message pane under a form: its mark and rule, then what is wrong.
pub fn problem<'a>(severity: Severity, rule: &str, text: &str, theme: Theme) -> Line<'a> {
    let (mark, style) = match severity {
        Severity::Error => ("!", theme.error()),
        Severity::Warning => ("?", theme.warn()),
    };
    Line::from(vec![
        Span::styled(format!("{mark} [{rule}] "), style),
        Span::raw(text.to_string()),
    ])
}

/// The worst of some problems' severities.
pub fn worst(severities: impl Iterator<Item = Severity>) -> Option<Severity> {
    let mut worst = None;
    for severity in severities {
        if severity == Severity::Error {
            return Some(Severity::Error);
        }
        worst = Some(Severity::Warning);
    }
    worst
}
