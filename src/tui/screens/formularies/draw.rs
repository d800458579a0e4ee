//! Drawing the table of formularies under its filter line.

use super::RegisterTab;
use super::filter::filter_problem;
use crate::i18n::{Msg, search, tr};
use crate::tui::ui::text::truncate;
use crate::tui::ui::{View, layout};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

impl RegisterTab {
    pub fn draw(&self, frame: &mut Frame, area: Rect, view: View) {
        let (lang, theme) = (view.lang, view.theme);
        let [filter, table] = layout::register_areas(area);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(tr(lang, Msg::RegisterFilter));
        let inner = block.inner(filter);
        let line = if self.filter.value().is_empty() {
            Line::styled(tr(lang, Msg::RegisterFilterHint), theme.dim())
        } else {
            Line::raw(self.filter.value())
        };
        frame.render_widget(Paragraph::new(line).block(block), filter);
        let x = inner.x + u16::try_from(self.filter.visual_cursor()).unwrap_or(0);
        frame.set_cursor_position(Position::new(
            x.min(inner.right().saturating_sub(1)),
            inner.y,
        ));

        let more = if self.has_next() { " …" } else { "" };
        let title = format!(
            "{}: {}{more}",
            crate::i18n::page(lang, self.page_number()),
            self.rows.len()
        );
        let block = Block::default().borders(Borders::ALL).title(title);
        let inner = block.inner(table);
        frame.render_widget(block, table);
        if let Some(problem) = &self.problem {
            frame.render_widget(
                Paragraph::new(Line::styled(problem.as_str(), theme.error()))
                    .wrap(Wrap { trim: true }),
                inner,
            );
            return;
        }
        if self.rows.is_empty() {
            // Issue 11: a filter that can match nothing says why (wrapped, never cut at
            // 80 columns), as `kense register` does, not "nothing found".
            let line = match filter_problem(self.filter()) {
                Some(why) => {
                    Line::styled(search::no_match(&why).get(lang).to_string(), theme.error())
                }
                None => Line::styled(tr(lang, Msg::NothingFound), theme.dim()),
            };
            frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), inner);
            return;
        }
        let height = layout::register_rows(area);
        let first = self.selected.first_shown(height);
        let status_width = 16;
        let name_width =
            usize::from(inner.width).saturating_sub(13 + 11 + 13 + 5 + status_width + 1);
        let header = format!(
            "{:<13}{:<11}{:<13}{:<5}{:<name_width$} {}",
            tr(lang, Msg::ColNumber),
            tr(lang, Msg::ColDate),
            tr(lang, Msg::ColIin),
            tr(lang, Msg::ColCode),
            tr(lang, Msg::ColName),
            tr(lang, Msg::ColStatus)
        );
        let mut lines = vec![Line::styled(header, theme.dim())];
        for (i, row) in self.rows.iter().enumerate().skip(first).take(height) {
            let name = match &row.patronymic {
                Some(p) => format!("{} {} {p}", row.surname, row.given_name),
                None => format!("{} {}", row.surname, row.given_name),
            };
            let text = format!(
                "{:<13}{:<11}{:<13}{:<5}{:<name_width$} {}",
                row.number,
                row.registered_on.format("%d.%m.%Y"),
                row.iin,
                row.filling_code,
                truncate(&name, name_width),
                truncate(row.status.short_text().get(lang), status_width)
            );
            let style = if i == self.selected.at() {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            lines.push(Line::styled(text, style));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
