//! Drawing the New formulary tab: the fields in their groups, a mark on each field with a
//! problem, and below them what is wrong with the focused field and the formulary.

use super::FormTab;
use super::spec::{FIELDS, FieldId, Input as Kind};
use crate::domain::Lang;
use crate::domain::formulary::Severity;
use crate::tui::i18n::{Msg, tr};
use crate::tui::i18n_form;
use crate::tui::text::{label_column, truncate};
use crate::tui::theme::Theme;
use crate::tui::view::fit;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

/// Rows of the message pane, borders included.
const MESSAGE_HEIGHT: u16 = 6;
/// Columns of the label column (mark included).
const LABEL_WIDTH: usize = 26;

impl FormTab {
    pub fn draw(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: Theme) {
        let [fields, messages] =
            Layout::vertical([Constraint::Min(4), Constraint::Length(MESSAGE_HEIGHT)]).areas(area);
        self.draw_fields(frame, fields, lang, theme);
        self.draw_messages(frame, messages, lang, theme);
    }

    fn draw_fields(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: Theme) {
        let block = Block::default()
            .borders(Borders::ALL)
            .title(tr(lang, Msg::FormTitle));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        // One row per group heading and per field; the focused field's row index.
        let mut rows: Vec<Option<usize>> = Vec::new();
        for (i, spec) in FIELDS.iter().enumerate() {
            if i == 0 || FIELDS[i - 1].group != spec.group {
                rows.push(None);
            }
            rows.push(Some(i));
        }
        let height = usize::from(inner.height).max(1);
        let focused_row = rows
            .iter()
            .position(|r| *r == Some(self.focus))
            .unwrap_or(0);
        // Whole pages, as in the lookup list: no scroll state to keep.
        let first = focused_row / height * height;
        let value_width = usize::from(inner.width).saturating_sub(LABEL_WIDTH);
        for (line, row) in rows.iter().skip(first).take(height).enumerate() {
            let y = inner.y + u16::try_from(line).unwrap_or(0);
            let line_area = Rect::new(inner.x, y, inner.width, 1);
            let Some(index) = *row else {
                let next = rows.get(first + line + 1).copied().flatten();
                let group = next.and_then(|i| FIELDS.get(i)).map(|f| f.group);
                if let Some(group) = group {
                    let heading = Line::styled(i18n_form::group(lang, group), theme.active_tab());
                    frame.render_widget(Paragraph::new(heading), line_area);
                }
                continue;
            };
            let Some(spec) = FIELDS.get(index) else {
                continue;
            };
            let focused = index == self.focus;
            let mark = match self.worst(spec.id) {
                Some(Severity::Error) => Span::styled("! ", theme.error()),
                Some(Severity::Warning) => Span::styled("? ", theme.warn()),
                None => Span::raw("  "),
            };
            let label = label_column(i18n_form::field(lang, spec.id), LABEL_WIDTH - 2);
            let label = if focused {
                Span::styled(label, theme.selected())
            } else {
                Span::raw(label)
            };
            let value = self.value(spec.id);
            // The focused text field scrolls to its cursor; the others are cut with "…".
            let editing = focused && self.focused_is_text();
            let (shown, cursor) = match self.inputs.get(index) {
                Some(input) if editing => {
                    let (shown, column) = fit::scrolled(value, input.visual_cursor(), value_width);
                    (shown, Some(column))
                }
                _ => (truncate(value, value_width), None),
            };
            let mut spans = vec![mark, label];
            match spec.input {
                Kind::Choice(_) => {
                    let name = i18n_form::choice(lang, value);
                    spans.push(Span::raw(if focused {
                        format!("◂ {name} ▸")
                    } else {
                        name.to_string()
                    }));
                }
                Kind::Code => {
                    let room = value_width.saturating_sub(shown.width() + 2);
                    spans.push(Span::raw(shown));
                    if let Some((ru, kk, en)) = self.code_name(spec.id)
                        && room > 0
                    {
                        let name = match lang {
                            Lang::Ru => ru,
                            Lang::Kk => kk,
                            Lang::En => en,
                        };
                        spans.push(Span::styled(
                            format!("  {}", truncate(name, room)),
                            theme.dim(),
                        ));
                    }
                }
                Kind::Text | Kind::Date => spans.push(Span::raw(shown)),
            }
            frame.render_widget(Paragraph::new(Line::from(spans)), line_area);
            if let Some(column) = cursor {
                let x = inner.x + u16::try_from(LABEL_WIDTH + column).unwrap_or(u16::MAX);
                frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
            }
        }
    }

    /// The most serious open problem of a field.
    fn worst(&self, id: FieldId) -> Option<Severity> {
        let mut worst = None;
        for v in self.violations_of(id) {
            if v.severity == Severity::Error {
                return Some(Severity::Error);
            }
            worst = Some(Severity::Warning);
        }
        worst
    }

    fn draw_messages(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: Theme) {
        let id = self.focused();
        let block = Block::default()
            .borders(Borders::ALL)
            .title(i18n_form::field(lang, id));
        let mut lines: Vec<Line> = self
            .violations_of(id)
            .map(|v| problem(v.severity, v.rule, v.message.get(lang), theme))
            .collect();
        for v in self.general_violations().take(2) {
            let text = format!("{}: {}", tr(lang, Msg::FormWhole), v.message.get(lang));
            lines.push(problem(v.severity, v.rule, &text, theme));
        }
        let report = self.report();
        if report.is_accepted() {
            lines.push(Line::styled(tr(lang, Msg::FormReady), theme.ok()));
        } else {
            lines.push(Line::styled(
                format!(
                    "{} {} · {} {}",
                    report.errors.len(),
                    tr(lang, Msg::FormErrors),
                    report.warnings.len(),
                    tr(lang, Msg::FormWarnings)
                ),
                theme.dim(),
            ));
        }
        for print in &report.prints {
            lines.push(Line::raw(format!(
                "{}: {} [{}]",
                tr(lang, Msg::FormPrint),
                print.name().get(lang),
                print.rule()
            )));
        }
        frame.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
            area,
        );
    }
}

fn problem<'a>(severity: Severity, rule: &str, text: &str, theme: Theme) -> Line<'a> {
    let (mark, style) = match severity {
        Severity::Error => ("!", theme.error()),
        Severity::Warning => ("?", theme.warn()),
    };
    Line::from(vec![
        Span::styled(format!("{mark} [{rule}] "), style),
        Span::raw(text.to_string()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every label fits its column with a blank to spare, so none is cut with "…" and
    /// none touches its value (the column's last cell is always blank, `label_column`).
    #[test]
    fn every_label_fits_its_column_with_a_blank_before_the_value() {
        for lang in [Lang::Ru, Lang::Kk, Lang::En] {
            for spec in FIELDS {
                let label = i18n_form::field(lang, spec.id);
                assert!(label.width() < LABEL_WIDTH - 2, "{lang:?}: {label}");
            }
        }
    }
}
