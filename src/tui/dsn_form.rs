//! The DSN application (D-4) as the second form of the New tab: the applicant, facets 1
//! and 2, and up to three product rows, checked by the rules of document 001 as the clerk
//! types.

use super::i18n::{Msg, tr};
use super::text::{label_column, truncate};
use super::theme::Theme;
use super::view::fit;
use crate::codes;
use crate::domain::Lang;
use crate::domain::dsn::{Application, CodeValue, ProductRow, Report, validate};
use crate::domain::formulary::{Severity, Violation};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use tui_input::{Input, InputRequest};
use unicode_width::UnicodeWidthStr;

/// Product rows the form offers; an application may have more through `kense dsn apply`.
pub const PRODUCT_ROWS: usize = 3;
/// The subject types in JSON spelling; "" is not chosen.
const SUBJECT_TYPES: &[&str] = &["", "producer", "importer"];
const LABEL_WIDTH: usize = 26;

/// The fields: five of the applicant, then three per product row.
const HEAD: usize = 5;

pub struct DsnForm {
    inputs: Vec<Input>,
    focus: usize,
    report: Report,
}

impl Default for DsnForm {
    fn default() -> Self {
        let mut form = Self {
            inputs: (0..HEAD + 3 * PRODUCT_ROWS)
                .map(|_| Input::default())
                .collect(),
            focus: 0,
            report: Report::default(),
        };
        form.revalidate();
        form
    }
}

impl DsnForm {
    fn value(&self, i: usize) -> &str {
        self.inputs.get(i).map_or("", |input| input.value().trim())
    }

    /// The application the fields make; empty product rows are left out.
    pub fn application(&self) -> Application {
        let code = |text: &str| CodeValue::Text(text.to_string());
        let products = (0..PRODUCT_ROWS)
            .map(|row| HEAD + 3 * row)
            .filter(|at| (0..3).any(|k| !self.value(at + k).is_empty()))
            .map(|at| ProductRow {
                product_type: code(self.value(at)),
                name: self.value(at + 1).to_string(),
                spec: self.value(at + 2).to_string(),
            })
            .collect();
        Application {
            taxpayer: self.value(0).to_string(),
            bin: self.value(1).to_string(),
            subject_type: self.value(2).to_string(),
            country: code(self.value(3)),
            unit: code(self.value(4)),
            products,
        }
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    pub fn is_blank(&self) -> bool {
        self.inputs.iter().all(|i| i.value().trim().is_empty())
    }

    pub fn move_focus(&mut self, next: bool) -> bool {
        let last = self.inputs.len().saturating_sub(1);
        let to = if next {
            (self.focus + 1).min(last)
        } else {
            self.focus.saturating_sub(1)
        };
        let moved = to != self.focus;
        self.focus = to;
        moved
    }

    pub fn edit(&mut self, request: InputRequest) -> bool {
        let Some(input) = self.inputs.get_mut(self.focus) else {
            return false;
        };
        let changed = if self.focus == 2 {
            // The subject type is one of two, chosen with ← → (or Space).
            let at = SUBJECT_TYPES
                .iter()
                .position(|t| *t == input.value())
                .unwrap_or(0);
            let next = match request {
                InputRequest::GoToNextChar | InputRequest::InsertChar(' ') => {
                    (at + 1) % SUBJECT_TYPES.len()
                }
                InputRequest::GoToPrevChar => (at + SUBJECT_TYPES.len() - 1) % SUBJECT_TYPES.len(),
                _ => at,
            };
            *input = Input::new(SUBJECT_TYPES[next].to_string());
            next != at
        } else {
            input.handle(request).is_some_and(|c| c.value)
        };
        if changed {
            self.revalidate();
        }
        changed
    }

    fn revalidate(&mut self) {
        self.report = validate(&self.application());
    }

    /// The JSON path a field fills, to find its violations.
    fn path(i: usize) -> String {
        match i {
            0 => "taxpayer".into(),
            1 => "bin".into(),
            2 => "subject_type".into(),
            3 => "country".into(),
            4 => "unit".into(),
            _ => {
                let row = (i - HEAD) / 3;
                let field = ["type", "name", "spec"][(i - HEAD) % 3];
                format!("products[{row}].{field}")
            }
        }
    }

    fn violations_of(&self, i: usize) -> impl Iterator<Item = &Violation> {
        let path = Self::path(i);
        self.report
            .errors
            .iter()
            .chain(&self.report.warnings)
            .filter(move |v| v.field == path)
    }

    fn label(lang: Lang, i: usize) -> String {
        let base = [
            Msg::DsnTaxpayer,
            Msg::DsnBin,
            Msg::DsnSubject,
            Msg::DsnCountry,
            Msg::DsnUnit,
        ];
        match base.get(i) {
            Some(msg) => tr(lang, *msg).to_string(),
            None => {
                let row = (i - HEAD) / 3 + 1;
                let part = [Msg::DsnType, Msg::DsnName, Msg::DsnSpec][(i - HEAD) % 3];
                format!("{row}. {}", tr(lang, part))
            }
        }
    }

    /// The directory's name for a code field.
    fn name_of(&self, i: usize, lang: Lang) -> Option<&'static str> {
        let value = self.value(i);
        let pick = |kk: &'static str, ru: &'static str| if lang == Lang::Kk { kk } else { ru };
        match i {
            3 => codes::dsn_countries()
                .iter()
                .find(|c| c.code == value)
                .map(|c| pick(c.name_kk, c.name_ru)),
            4 => codes::dsn_units()
                .iter()
                .find(|u| u.code == value || u.code.trim_start_matches('0') == value)
                .map(|u| u.name_kk),
            _ if i >= HEAD && (i - HEAD).is_multiple_of(3) => codes::dsn_products()
                .iter()
                .find(|p| p.code == value)
                .map(|p| pick(p.name_kk, p.name_ru)),
            _ => None,
        }
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: Theme) {
        let [fields, messages] =
            Layout::vertical([Constraint::Min(4), Constraint::Length(6)]).areas(area);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(tr(lang, Msg::DsnTitle));
        let inner = block.inner(fields);
        frame.render_widget(block, fields);
        let height = usize::from(inner.height).max(1);
        let first = self.focus / height * height;
        let value_width = usize::from(inner.width).saturating_sub(LABEL_WIDTH);
        for (line, i) in (first..self.inputs.len()).take(height).enumerate() {
            let y = inner.y + u16::try_from(line).unwrap_or(0);
            let mark = match self
                .violations_of(i)
                .map(|v| v.severity)
                .min_by_key(|s| *s != Severity::Error)
            {
                Some(Severity::Error) => Span::styled("! ", theme.error()),
                Some(Severity::Warning) => Span::styled("? ", theme.warn()),
                None => Span::raw("  "),
            };
            let label = label_column(&Self::label(lang, i), LABEL_WIDTH - 2);
            let label = if i == self.focus {
                Span::styled(label, theme.selected())
            } else {
                Span::raw(label)
            };
            // The focused text field scrolls to its cursor, as the formulary's do; the
            // others are cut with "…". Widths are terminal cells, not letters.
            let input = self.inputs.get(i);
            let (shown, cursor) = match input {
                Some(input) if i == self.focus && i != 2 => {
                    let (shown, column) =
                        fit::scrolled(input.value(), input.visual_cursor(), value_width);
                    (shown, Some(column))
                }
                _ if i == 2 => {
                    let chosen = match self.value(i) {
                        "producer" => tr(lang, Msg::DsnProducer),
                        "importer" => tr(lang, Msg::DsnImporter),
                        _ => "—",
                    };
                    (truncate(chosen, value_width), None)
                }
                _ => (truncate(self.value(i), value_width), None),
            };
            let room = value_width.saturating_sub(shown.width() + 2);
            let mut spans = vec![mark, label, Span::raw(shown)];
            if let Some(name) = self.name_of(i, lang)
                && room > 0
            {
                spans.push(Span::styled(
                    format!("  {}", truncate(name, room)),
                    theme.dim(),
                ));
            }
            frame.render_widget(
                Paragraph::new(Line::from(spans)),
                Rect::new(inner.x, y, inner.width, 1),
            );
            if let Some(column) = cursor {
                let x = inner.x + u16::try_from(LABEL_WIDTH + column).unwrap_or(u16::MAX);
                frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
            }
        }
        let mut lines: Vec<Line> = self
            .violations_of(self.focus)
            .map(|v| {
                Line::from(vec![
                    Span::styled(
                        format!("[{}] ", v.rule),
                        if v.severity == Severity::Error {
                            theme.error()
                        } else {
                            theme.warn()
                        },
                    ),
                    Span::raw(v.message.get(lang).to_string()),
                ])
            })
            .collect();
        lines.push(if self.report.errors.is_empty() {
            Line::styled(tr(lang, Msg::DsnReady), theme.ok())
        } else {
            Line::styled(
                format!("{} {}", self.report.errors.len(), tr(lang, Msg::FormErrors)),
                theme.dim(),
            )
        });
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Self::label(lang, self.focus));
        frame.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
            messages,
        );
    }
}
