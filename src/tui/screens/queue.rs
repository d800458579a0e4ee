//! The work queue (issue 12; Alt-4 or F5 from any screen): everything `Store::work_queue`
//! returns, overdue first and highlighted, each with its due date and the rule it comes
//! from (M-16, M-40, D-6, M-12.a, the office's K-SENT). Enter opens the formulary when the
//! item is one. Reading it is [`Effect::Queue`]; the runner answers with `App::queue`, and
//! reads it again when another clerk wrote.

use super::{Cx, Screen, redraw_if};
use crate::domain::queue::{ItemKind, QueueItem};
use crate::i18n::day::{DayWord, item_kind, queue_heading};
use crate::i18n::{Msg, tr};
use crate::store::WorkQueue;
use crate::tui::action::Action;
use crate::tui::app::Effect;
use crate::tui::ui::list::Selection;
use crate::tui::ui::text::label_column;
use crate::tui::ui::{View, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

#[derive(Default)]
pub struct QueueScreen {
    queue: Option<WorkQueue>,
    problem: Option<String>,
    selected: Selection,
    /// The screen Alt-4 was pressed on, which Esc goes back to.
    back: Option<Screen>,
}

/// The item is a formulary of the register (the others are DSN applications and registry
/// requests, kept elsewhere).
fn is_formulary(kind: ItemKind) -> bool {
    matches!(
        kind,
        ItemKind::M16Verification
            | ItemKind::M16Conclusion
            | ItemKind::M40Returned
            | ItemKind::SentNotBack
            | ItemKind::Manufactured
    )
}

/// Rows of items the screen shows (under the heading and the column names).
fn page(body: Rect) -> usize {
    let [_, rows] = layout::day_areas(body);
    usize::from(rows.height.saturating_sub(1)).max(1)
}

impl QueueScreen {
    /// The register's answer: the queue as it is now; the chosen row stays where it was.
    pub fn show(&mut self, queue: Result<WorkQueue, String>) {
        match queue {
            Ok(queue) => {
                let len = queue.items.len();
                self.queue = Some(queue);
                self.problem = None;
                self.selected.set(self.selected.at(), len);
            }
            Err(problem) => {
                self.queue = None;
                self.problem = Some(problem);
            }
        }
    }

    /// Esc goes back to `screen` (the queue is shown from any screen).
    pub fn opened_from(&mut self, screen: Screen) {
        self.back = Some(screen);
    }

    pub fn items(&self) -> &[QueueItem] {
        self.queue.as_ref().map_or(&[], |q| q.items.as_slice())
    }

    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match action {
            Action::Back => {
                cx.go = Some(self.back.unwrap_or(Screen::Formularies));
                Effect::Redraw
            }
            Action::Select(step) => {
                let len = self.items().len();
                redraw_if(self.selected.step(step, len, page(cx.body)))
            }
            Action::Confirm => match self.items().get(self.selected.at()) {
                Some(item) if is_formulary(item.kind) => Effect::Open(item.subject.clone()),
                Some(_) => cx.say(Msg::Day(DayWord::OnlyFormularies)),
                None => Effect::None,
            },
            _ => Effect::None,
        }
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, view: View) {
        let (lang, theme) = (view.lang, view.theme);
        let word = |w| tr(lang, Msg::Day(w));
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", word(DayWord::QueueTitle)));
        frame.render_widget(block, area);
        let [heading, rows] = layout::day_areas(area);
        if let Some(problem) = &self.problem {
            let said = Paragraph::new(Line::styled(problem.as_str(), theme.error()));
            frame.render_widget(said.wrap(Wrap { trim: true }), rows);
            return;
        }
        let Some(queue) = &self.queue else {
            let said = Line::styled(word(DayWord::Reading), theme.dim());
            frame.render_widget(Paragraph::new(said), rows);
            return;
        };
        let waiting: u64 = queue.waiting.values().sum();
        let said = queue_heading(lang, waiting, queue.overdue, queue.items.len());
        frame.render_widget(Paragraph::new(said).wrap(Wrap { trim: true }), heading);
        let mut lines = vec![Line::styled(
            format!(
                "  {}{}{}{}{}{}",
                label_column(word(DayWord::Due), 11),
                label_column(word(DayWord::Rule), 8),
                label_column(tr(lang, Msg::ColNumber), 13),
                label_column(word(DayWord::What), 17),
                label_column(word(DayWord::Since), 11),
                word(DayWord::Days)
            ),
            theme.dim(),
        )];
        let shown = page(area);
        let first = self.selected.first_shown(shown);
        for (i, item) in queue.items.iter().enumerate().skip(first).take(shown) {
            let due = match (item.due, &item.problem) {
                (Some(due), _) => due.format("%d.%m.%Y").to_string(),
                (None, Some(_)) => "?".to_string(),
                (None, None) => word(DayWord::NoTerm).to_string(),
            };
            let row = format!(
                "{} {}{}{}{}{} {}",
                if item.overdue { "!" } else { " " },
                label_column(&due, 11),
                label_column(item.rule, 8),
                label_column(&item.subject, 13),
                label_column(item_kind(lang, item.kind), 17),
                item.since.format("%d.%m.%Y"),
                item.days_waiting
            );
            let style = if i == self.selected.at() {
                theme.selected()
            } else if item.overdue {
                theme.error()
            } else {
                ratatui::style::Style::default()
            };
            lines.push(Line::styled(row, style));
        }
        frame.render_widget(Paragraph::new(lines), rows);
    }
}
