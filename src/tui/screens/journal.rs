//! The Register tab's journal of conclusions (M-16, issue 14): a year's conclusions in the
//! journal's order, with the decision and the head who approved it; a line opens its
//! formulary. `kense journal --year Y` prints the same lines.

use super::{Cx, Screen, redraw_if};
use crate::domain::Lang;
use crate::i18n::{Msg, journal_title, tr};
use crate::store::JournalLine;
use crate::tui::action::Action;
use crate::tui::app::Effect;
use crate::tui::ui::list::Selection;
use crate::tui::ui::text::truncate;
use crate::tui::ui::{View, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// One year of the journal as the register answered, and the line chosen.
pub struct JournalScreen {
    /// The year shown; `None` until the journal is first opened (then the office's year).
    year: Option<i32>,
    lines: Result<Vec<JournalLine>, String>,
    selected: Selection,
}

impl Default for JournalScreen {
    fn default() -> Self {
        Self {
            year: None,
            lines: Ok(Vec::new()),
            selected: Selection::default(),
        }
    }
}

/// Widths of the columns before the approver's, who takes what is left.
const WIDTHS: [usize; 5] = [4, 8, 11, 21, 13];

impl JournalScreen {
    /// Shows the journal from the Register tab: the year last shown, or the office's own
    /// year the first time; the register is read again either way.
    pub fn open(&mut self, cx: &mut Cx) -> Effect {
        let year = *self.year.get_or_insert(chrono::Datelike::year(&cx.today()));
        cx.go = Some(Screen::Journal);
        Effect::Journal(year)
    }

    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match action {
            Action::Select(step) => {
                let len = self.shown().len();
                redraw_if(self.selected.step(step, len, layout::journal_rows(cx.body)))
            }
            Action::Earlier | Action::Later => {
                let year = self
                    .year
                    .unwrap_or_else(|| chrono::Datelike::year(&cx.today()));
                let year = if action == Action::Earlier {
                    year - 1
                } else {
                    year + 1
                };
                self.year = Some(year);
                Effect::Journal(year)
            }
            Action::Confirm => match self.shown().get(self.selected.at()) {
                Some(line) => Effect::Open(line.formulary.clone()),
                None => Effect::None,
            },
            Action::Back => {
                cx.go = Some(Screen::Formularies);
                Effect::Redraw
            }
            _ => Effect::None,
        }
    }

    /// The register's answer to [`Effect::Journal`]: the year's lines, or why not; the
    /// choice goes back to the first line.
    pub fn show(&mut self, year: i32, lines: Result<Vec<JournalLine>, String>) {
        self.year = Some(year);
        self.lines = lines;
        self.selected = Selection::default();
    }

    /// The lines shown (none when the register could not be read).
    pub fn shown(&self) -> &[JournalLine] {
        self.lines.as_deref().unwrap_or_default()
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, view: View) {
        let (lang, theme) = (view.lang, view.theme);
        let title = journal_title(lang, self.year.unwrap_or_default());
        let block = Block::default().borders(Borders::ALL).title(title);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let empty = match &self.lines {
            Err(problem) => Some(Line::styled(problem.clone(), theme.error())),
            Ok(lines) if lines.is_empty() => {
                Some(Line::styled(tr(lang, Msg::JournalEmpty), theme.dim()))
            }
            Ok(_) => None,
        };
        if let Some(line) = empty {
            frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), inner);
            return;
        }
        let rest = usize::from(inner.width).saturating_sub(WIDTHS.iter().sum());
        let header = row(
            [
                Msg::ColLine,
                Msg::ColNumber,
                Msg::ColDate,
                Msg::ColOutcome,
                Msg::ColFormulary,
                Msg::ColApprover,
            ]
            .map(|m| tr(lang, m).to_string()),
            rest,
        );
        let mut shown = vec![Line::styled(header, theme.dim())];
        let height = layout::journal_rows(area);
        let first = self.selected.first_shown(height);
        for (i, line) in self.shown().iter().enumerate().skip(first).take(height) {
            let style = if i == self.selected.at() {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            shown.push(Line::styled(row(cells(line, lang), rest), style));
        }
        frame.render_widget(Paragraph::new(shown), inner);
    }
}

/// A journal line's cells, as the columns show them.
fn cells(line: &JournalLine, lang: Lang) -> [String; 6] {
    let outcome = match line.outcome.as_str() {
        "refuse" => Msg::OutcomeRefused,
        _ => Msg::OutcomeConfirmed,
    };
    let date = chrono::NaiveDate::parse_from_str(&line.date, "%Y-%m-%d")
        .map(crate::domain::shown_date)
        .unwrap_or_else(|_| line.date.clone());
    [
        line.line.to_string(),
        line.number.clone(),
        date,
        tr(lang, outcome).to_string(),
        line.formulary.clone(),
        // Lines written before approvals were recorded name no head.
        line.approver.clone().unwrap_or_else(|| "—".to_string()),
    ]
}

/// The cells laid out in their columns, each cut to its width (the last to `rest`).
fn row(cells: [String; 6], rest: usize) -> String {
    let mut text = String::new();
    for (i, cell) in cells.iter().enumerate() {
        let width = WIDTHS.get(i).copied().unwrap_or(rest);
        let cut = truncate(cell, width.saturating_sub(1));
        text.push_str(&cut);
        let used = unicode_width::UnicodeWidthStr::width(cut.as_str());
        text.push_str(&" ".repeat(width.saturating_sub(used)));
    }
    text.trim_end().to_string()
}
