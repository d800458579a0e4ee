//! What a key does on the day screen: another day, a filter, a step of the selection (or
//! of the scroll, where nothing can be chosen), opening the chosen formulary.

use super::{DayScreen, next_of};
use crate::tui::action::{Action, Move};
use crate::tui::app::Effect;
use crate::tui::dialogs::print::Paper;
use crate::tui::screens::{Cx, Screen, redraw_if};
use crate::tui::ui::list::Selection;
use crate::tui::ui::theme::Theme;
use crate::tui::ui::{View, layout};

impl DayScreen {
    /// An action for the day screen, the screen showing.
    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let today = cx.today();
        match action {
            Action::Back => {
                cx.go = Some(Screen::Formularies);
                Effect::Redraw
            }
            Action::Earlier => match self.date.and_then(|d| d.pred_opt()) {
                Some(day) => self.open(day),
                None => Effect::None,
            },
            // No day after today has records yet.
            Action::Later => match self.date.and_then(|d| d.succ_opt()) {
                Some(day) if day <= today => self.open(day),
                _ => Effect::None,
            },
            Action::Today => self.open(today),
            Action::OldestOpenDay => {
                let first = self
                    .read()
                    .and_then(|r| r.review.open_before.first().copied());
                match first {
                    Some(day) => self.open(day),
                    None => Effect::None,
                }
            }
            Action::FilterClerk => {
                self.clerk = next_of(&self.clerks(), self.clerk.as_ref());
                self.refiltered()
            }
            Action::FilterState => {
                self.state = next_of(&self.states(), self.state.as_ref());
                self.refiltered()
            }
            // Issue 13: the day's register report of the day shown.
            Action::Print => match self.date {
                Some(date) => {
                    let day = date.format("%Y-%m-%d").to_string();
                    let paper = Paper::new(crate::papers::PaperKind::Day, day);
                    crate::tui::dialogs::print::offer(vec![paper], cx)
                }
                None => Effect::None,
            },
            Action::Select(step) => self.step(step, cx),
            Action::Confirm => self.open_chosen(cx),
            _ => Effect::None,
        }
    }

    fn refiltered(&mut self) -> Effect {
        self.scroll = 0;
        self.chosen = 0;
        Effect::Redraw
    }

    /// The rows as `update` counts them: the same as drawn, without colours.
    fn layout(&self, cx: &Cx) -> Rows {
        let [_, content] = layout::day_areas(cx.body);
        let view = View {
            lang: cx.lang,
            theme: Theme { color: false },
            zone: cx.clock.zone(),
        };
        let items = self.items(view, usize::from(content.width));
        let mut starts = Vec::with_capacity(items.len());
        let mut total = 0;
        for item in &items {
            starts.push(total);
            total += item.lines.len();
        }
        let openable = (0..items.len())
            .filter(|i| items.get(*i).is_some_and(|it| it.number.is_some()))
            .map(|i| {
                let start = starts.get(i).copied().unwrap_or(0);
                let len = items.get(i).map_or(1, |it| it.lines.len());
                (start, len, items.get(i).and_then(|it| it.number.clone()))
            })
            .collect();
        Rows {
            openable,
            total,
            page: usize::from(content.height).max(1),
        }
    }

    /// Whether the chosen row is on screen.
    fn chosen_shown(&self, rows: &Rows) -> bool {
        rows.openable
            .get(self.chosen)
            .is_some_and(|(start, len, _)| {
                *start >= self.scroll && start + len <= self.scroll + rows.page
            })
    }

    /// Scrolls so that the chosen row shows whole.
    fn show_chosen(&mut self, rows: &Rows) {
        if let Some((start, len, _)) = rows.openable.get(self.chosen) {
            if *start < self.scroll {
                self.scroll = *start;
            } else if start + len > self.scroll + rows.page {
                self.scroll = (start + len).saturating_sub(rows.page);
            }
        }
    }

    /// A step of the selection among the rows that open a formulary; a chosen row off
    /// screen is first brought back; past the first or the last one the text scrolls on,
    /// so that what is above the rows (the accounting) and below them can be read.
    fn step(&mut self, step: Move, cx: &Cx) -> Effect {
        let rows = self.layout(cx);
        let before = (self.scroll, self.chosen);
        if !rows.openable.is_empty()
            && !self.chosen_shown(&rows)
            && self.scroll_would_show(&rows, step)
        {
            self.show_chosen(&rows);
            return redraw_if((self.scroll, self.chosen) != before);
        }
        let mut selection = Selection::default();
        selection.set(self.chosen, rows.openable.len());
        if selection.step(step, rows.openable.len(), rows.page) {
            self.chosen = selection.at();
            self.show_chosen(&rows);
        } else {
            self.scroll_text(step, &rows);
        }
        redraw_if((self.scroll, self.chosen) != before)
    }

    /// Whether `step` goes towards the chosen row from where the screen is.
    fn scroll_would_show(&self, rows: &Rows, step: Move) -> bool {
        let Some((start, _, _)) = rows.openable.get(self.chosen) else {
            return false;
        };
        let below = *start >= self.scroll;
        matches!(
            (below, step),
            (true, Move::Down | Move::PageDown) | (false, Move::Up | Move::PageUp)
        )
    }

    /// Scrolls the text by `step`, as the record screen does.
    fn scroll_text(&mut self, step: Move, rows: &Rows) {
        let turn = rows.page.saturating_sub(1);
        self.scroll =
            crate::tui::ui::list::scrolled(self.scroll, step, rows.total, rows.page, turn);
    }

    /// Enter: the chosen formulary opens (the record screen, as from the register's list);
    /// a chosen row off screen is brought back first.
    fn open_chosen(&mut self, cx: &Cx) -> Effect {
        let rows = self.layout(cx);
        if !self.chosen_shown(&rows) {
            let before = self.scroll;
            self.show_chosen(&rows);
            return redraw_if(before != self.scroll);
        }
        match rows.openable.get(self.chosen) {
            Some((_, _, Some(number))) => Effect::Open(number.clone()),
            _ => Effect::None,
        }
    }
}

/// The content's rows as counted for a step: the openable ones (first row, rows, number),
/// all of them, and how many show.
struct Rows {
    openable: Vec<(usize, usize, Option<String>)>,
    total: usize,
    page: usize,
}
