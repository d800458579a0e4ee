//! Drawing the formulary: the fields in their groups, a mark on each field with a problem,
//! and below them what is wrong with the focused field and the formulary.

use super::FormTab;
use super::spec::{FIELDS, Input as Kind};
use crate::i18n::plural::{Noun, count};
use crate::i18n::{Msg, form as words, tr};
use crate::tui::ui::fields::{self, FieldRow, FormLine, Value, problem};
use crate::tui::ui::{View, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// Rows of the message pane, borders included.
const MESSAGE_HEIGHT: u16 = 6;

impl FormTab {
    pub fn draw(&self, frame: &mut Frame, area: Rect, view: View) {
        let [fields, messages] = layout::form_areas(area, MESSAGE_HEIGHT);
        self.draw_fields(frame, fields, view);
        self.draw_messages(frame, messages, view);
    }

    fn draw_fields(&self, frame: &mut Frame, area: Rect, view: View) {
        let title = match self.corrects() {
            Some(number) => format!("{} № {number}", tr(view.lang, Msg::CorrectionTitle)),
            None => tr(view.lang, Msg::FormTitle).to_string(),
        };
        let block = Block::default().borders(Borders::ALL).title(title);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        // A heading before each group, then its fields.
        let names: Vec<Option<&'static str>> = FIELDS
            .iter()
            .map(|spec| self.code_name(spec.id).map(|n| n.get(view.lang)))
            .collect();
        let mut lines = Vec::new();
        let mut focused_line = 0;
        for (i, spec) in FIELDS.iter().enumerate() {
            if i == 0 || FIELDS[i - 1].group != spec.group {
                lines.push(FormLine::Heading(words::group(view.lang, spec.group)));
            }
            let focused = i == self.focus;
            if focused {
                focused_line = lines.len();
            }
            let value = match (spec.input, self.inputs.get(i)) {
                (Kind::Choice(_), _) => {
                    Value::Choice(words::choice(view.lang, self.value(spec.id)))
                }
                (_, Some(input)) => Value::Text {
                    input,
                    name: names.get(i).copied().flatten(),
                },
                (_, None) => continue,
            };
            lines.push(FormLine::Field(FieldRow {
                label: words::field(view.lang, spec.id).to_string(),
                mark: fields::worst(self.violations_of(spec.id).map(|v| v.severity)),
                focused,
                value,
            }));
        }
        fields::draw(frame, inner, &lines, focused_line, view);
    }

    fn draw_messages(&self, frame: &mut Frame, area: Rect, view: View) {
        let (lang, theme) = (view.lang, view.theme);
        let id = self.focused();
        let block = Block::default()
            .borders(Borders::ALL)
            .title(words::field(lang, id));
        let mut lines: Vec<Line> = Vec::new();
        if let Some((number, coupon)) = self.banner() {
            let text = tr(lang, Msg::RegisteredBanner)
                .replace("{number}", number)
                .replace("{coupon}", coupon);
            lines.push(Line::styled(text, theme.ok()));
        }
        lines.extend(
            self.violations_of(id)
                .map(|v| problem(v.severity, v.rule, v.message.get(lang), theme)),
        );
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
                    "{} · {}",
                    count(lang, report.errors.len(), Noun::Error),
                    count(lang, report.warnings.len(), Noun::Warning)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Lang;
    use crate::tui::ui::fields::LABEL_WIDTH;
    use unicode_width::UnicodeWidthStr;

    /// Every label fits its column with a blank to spare, so none is cut with "…" and
    /// none touches its value (the column's last cell is always blank, `label_column`).
    #[test]
    fn every_label_fits_its_column_with_a_blank_before_the_value() {
        for lang in [Lang::Ru, Lang::Kk, Lang::En] {
            for spec in FIELDS {
                let label = words::field(lang, spec.id);
                assert!(label.width() < LABEL_WIDTH - 2, "{lang:?}: {label}");
            }
        }
    }
}
