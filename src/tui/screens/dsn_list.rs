//! The Register tab's other screen: the DSN code applications (D-4), newest first, each
//! with what its product rows came to, and a selection the clerk moves through them.
//!
//! An application takes one line and one more per product row, so the list is shown in
//! screens of whole applications: the screen holding the selection is drawn, and PgUp/PgDn
//! go a screen back or on.

use super::{Cx, redraw_if};
use crate::i18n::{Msg, dsn_desk, tr};
use crate::store::dsn::ListedApplication;
use crate::tui::action::{Action, Move};
use crate::tui::app::Effect;
use crate::tui::dialogs::{Ask, Dialog};
use crate::tui::ui::list::Selection;
use crate::tui::ui::text::truncate;
use crate::tui::ui::{View, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

/// The DSN applications as the register answered, and which one is selected.
pub struct DsnList {
    /// Newest first, as shown; or why the register could not be read.
    list: Result<Vec<ListedApplication>, String>,
    selected: Selection,
    /// The office's date the list was read on.
    today: Option<chrono::NaiveDate>,
}

impl Default for DsnList {
    fn default() -> Self {
        Self {
            list: Ok(Vec::new()),
            selected: Selection::default(),
            today: None,
        }
    }
}

impl DsnList {
    /// An action for the list, the screen showing: Enter opens the selected application
    /// (issue 11), Ctrl-O hands its result over after a question (D-6), Ctrl-A adds a
    /// taxpayer (D-7 (1)). Typing does nothing: there is no filter line.
    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match action {
            Action::Select(step) => redraw_if(self.select(step, layout::dsn_list_rows(cx.body))),
            Action::Confirm => match self.selected() {
                Some(a) => Effect::DsnOpen(a.id),
                None => Effect::None,
            },
            Action::HandOver => match self.selected() {
                Some(a) => cx.open(Dialog::Ask(Ask::HandOver(a.id))),
                None => Effect::None,
            },
            Action::AddTaxpayer => cx.open(Dialog::Taxpayer(Box::default())),
            _ => Effect::None,
        }
    }

    /// The office's date the list was read on: a result kept past its month is marked as
    /// of it (D-6).
    pub fn set_today(&mut self, today: chrono::NaiveDate) {
        self.today = Some(today);
    }

    /// The register's answer, oldest first as the register lists them; the selection goes
    /// back to the newest.
    /// Read again (after a hand-over), the same application stays selected.
    pub fn show(&mut self, list: Result<Vec<ListedApplication>, String>) {
        let was = self.selected().map(|a| a.id);
        self.list = list.map(|mut found| {
            found.reverse();
            found
        });
        self.selected = Selection::default();
        let count = self.applications().len();
        if let Some(at) = self.applications().iter().position(|a| Some(a.id) == was) {
            self.selected.set(at, count);
        }
    }

    /// The applications shown, newest first (none when the register could not be read).
    pub fn applications(&self) -> &[ListedApplication] {
        self.list.as_deref().unwrap_or_default()
    }

    /// The selected application, if there is any.
    pub fn selected(&self) -> Option<&ListedApplication> {
        self.applications().get(self.selected.at())
    }

    /// Moves the selection; `height` is the number of lines the list is drawn in, which
    /// PgUp/PgDn turn over. `true` when the selection moved.
    pub fn select(&mut self, step: Move, height: usize) -> bool {
        let count = self.applications().len();
        if count == 0 {
            return false;
        }
        let at = self.selected.at();
        let starts = self.screen_starts(height);
        // The screen the selection is on: the last one starting at or before it. Pages are
        // screens of whole applications, not a count of rows.
        let screen = starts.iter().rposition(|s| *s <= at).unwrap_or(0);
        let next = match step {
            Move::PageUp => match screen.checked_sub(1).and_then(|s| starts.get(s)) {
                Some(start) => *start,
                None => 0,
            },
            Move::PageDown => starts.get(screen + 1).copied().unwrap_or(count - 1),
            step => return self.selected.step(step, count, height),
        };
        self.selected.set(next, count);
        next != at
    }

    /// Where each screen of `height` lines begins: as many whole applications as fit, and
    /// at least one (a longer one is cut at the bottom rather than never shown).
    fn screen_starts(&self, height: usize) -> Vec<usize> {
        let mut starts = vec![0];
        let mut used = 0;
        for (i, application) in self.applications().iter().enumerate() {
            let lines = 1 + application.products.len();
            if used > 0 && used + lines > height {
                starts.push(i);
                used = 0;
            }
            used += lines;
        }
        starts
    }

    /// D-6: the result was handed over and kept its month: the front office passes it on.
    fn kept_past(&self, a: &ListedApplication) -> bool {
        matches!((a.kept_until, self.today), (Some(until), Some(today)) if today >= until)
    }

    /// The list in `area`, in its frame, the selected application's line highlighted.
    pub fn draw(&self, frame: &mut Frame, area: Rect, view: View) {
        let (lang, theme) = (view.lang, view.theme);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(tr(lang, Msg::DsnListTitle));
        let height = usize::from(block.inner(area).height);
        let width = usize::from(block.inner(area).width);
        let list = match &self.list {
            Err(problem) => {
                let line = Line::styled(problem.clone(), theme.error());
                let text = Paragraph::new(line).wrap(Wrap { trim: true });
                frame.render_widget(text.block(block), area);
                return;
            }
            Ok(list) if list.is_empty() => {
                let line = Line::styled(tr(lang, Msg::NothingFound), theme.dim());
                frame.render_widget(Paragraph::new(line).block(block), area);
                return;
            }
            Ok(list) => list,
        };
        let starts = self.screen_starts(height);
        let first = starts
            .iter()
            .rev()
            .find(|s| **s <= self.selected.at())
            .copied()
            .unwrap_or(0);
        let mut lines = Vec::new();
        for (i, a) in list.iter().enumerate().skip(first) {
            if lines.len() >= height {
                break;
            }
            // The name gets what the number, the dates and the BIN leave: the due date
            // (D-6) is what the clerk looks for, so it is never the part cut off; an
            // overdue one is marked, a handed-over one says when (issue 11).
            let number = format!("№{} ", a.id);
            let registered = format!("{}  {}  ", a.registered_on.format("%d.%m.%Y"), a.bin);
            let due = format!(
                "  {}",
                dsn_desk::term(
                    lang,
                    a.due_on,
                    a.overdue,
                    a.handed_over_on,
                    a.kept_until.filter(|_| self.kept_past(a))
                )
            );
            let room = width.saturating_sub(number.width() + registered.width() + due.width());
            let due_style = match (a.overdue, self.kept_past(a)) {
                (true, _) => theme.error(),
                (_, true) => theme.warn(),
                _ => ratatui::style::Style::default(),
            };
            let head = Line::from(vec![
                Span::styled(number, theme.key()),
                Span::raw(format!("{registered}{}", truncate(&a.taxpayer, room))),
                Span::styled(due, due_style),
            ]);
            lines.push(if i == self.selected.at() {
                head.style(theme.selected())
            } else {
                head
            });
            for r in &a.products {
                let outcome = match (&r.code_facets, r.ground) {
                    (Some(code), _) => code.clone(),
                    (None, Some(ground)) => format!("{} {ground}", tr(lang, Msg::Refused)),
                    _ => String::new(),
                };
                // Likewise the row's code or refusal is whole and its product's name cut.
                let row = format!("    {}. {} ", r.row, r.product_type);
                let room = width.saturating_sub(row.width() + 2 + outcome.width());
                lines.push(Line::raw(format!(
                    "{row}{}  {outcome}",
                    truncate(&r.name, room)
                )));
            }
        }
        // Not wrapped: a line is one line, so the screens counted above are what is drawn
        // (a long taxpayer's or product's name is cut with "…" above).
        frame.render_widget(Paragraph::new(lines).block(block), area);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::dsn::ListedRow;
    use chrono::NaiveDate;

    fn application(id: i64, rows: u32) -> ListedApplication {
        let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_else(|| panic!("a date"));
        ListedApplication {
            id,
            taxpayer: format!("ТОО {id}"),
            bin: "040540000123".into(),
            id_kind: "bin".into(),
            subject_type: "producer".into(),
            country: 3,
            unit: 53,
            received_at: "2026-11-22 10:00".into(),
            registered_on: day,
            due_on: day,
            handed_over_on: None,
            kept_until: None,
            overdue: false,
            products: (1..=rows)
                .map(|row| ListedRow {
                    row,
                    product_type: 1,
                    name: "АИ-92".into(),
                    spec: "ГОСТ 32513-2013".into(),
                    code: None,
                    code_facets: None,
                    refusal: None,
                    ground: None,
                    existing_code: None,
                    reason: None,
                })
                .collect(),
        }
    }

    /// Applications 1..=n with `rows` product rows each, as the register lists them.
    fn list(n: i64, rows: u32) -> DsnList {
        let mut list = DsnList::default();
        list.show(Ok((1..=n).map(|id| application(id, rows)).collect()));
        list
    }

    fn selected_id(list: &DsnList) -> Option<i64> {
        list.selected().map(|a| a.id)
    }

    #[test]
    fn the_newest_is_first_and_selected() {
        let list = list(3, 1);
        let ids: Vec<i64> = list.applications().iter().map(|a| a.id).collect();
        assert_eq!(ids, [3, 2, 1]);
        assert_eq!(selected_id(&list), Some(3));
    }

    #[test]
    fn up_and_down_move_one_application_and_stop_at_the_ends() {
        let mut list = list(3, 2);
        assert!(!list.select(Move::Up, 20), "already at the top");
        assert!(list.select(Move::Down, 20));
        assert_eq!(selected_id(&list), Some(2));
        assert!(list.select(Move::Down, 20));
        assert!(!list.select(Move::Down, 20), "already at the bottom");
        assert_eq!(selected_id(&list), Some(1));
        assert!(list.select(Move::Up, 20));
        assert_eq!(selected_id(&list), Some(2));
    }

    #[test]
    fn pages_are_screens_of_whole_applications() {
        // Three lines each: three fit in ten lines, so screens start at 0, 3, 6, 9.
        let mut list = list(10, 2);
        assert_eq!(list.screen_starts(10), [0, 3, 6, 9]);
        assert!(list.select(Move::PageDown, 10));
        assert_eq!(list.selected.at(), 3);
        assert!(list.select(Move::Down, 10));
        assert!(list.select(Move::PageDown, 10));
        assert_eq!(
            list.selected.at(),
            6,
            "the next screen's first, from mid-screen"
        );
        assert!(list.select(Move::PageDown, 10));
        assert!(
            !list.select(Move::PageDown, 10),
            "on the last screen's last"
        );
        assert_eq!(list.selected.at(), 9);
        assert!(list.select(Move::PageUp, 10));
        assert_eq!(list.selected.at(), 6);
        assert!(list.select(Move::First, 10));
        assert!(!list.select(Move::PageUp, 10));
        assert!(list.select(Move::Last, 10));
        assert_eq!(selected_id(&list), Some(1));
    }

    #[test]
    fn an_empty_list_a_failed_read_and_a_tiny_screen_never_panic() {
        let mut empty = DsnList::default();
        for step in [
            Move::Up,
            Move::Down,
            Move::PageUp,
            Move::PageDown,
            Move::Last,
        ] {
            assert!(!empty.select(step, 0));
        }
        empty.show(Err("the register is not available".into()));
        assert!(empty.selected().is_none());
        assert!(!empty.select(Move::Down, 10));
        // An application taller than the screen still gets a screen of its own.
        let mut tall = list(2, 5);
        assert_eq!(tall.screen_starts(0), [0, 1]);
        assert!(tall.select(Move::PageDown, 0));
        assert_eq!(selected_id(&tall), Some(1));
    }
}
