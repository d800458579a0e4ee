//! The Register tab's formularies: the register as a table with a filter line, paged by
//! the register (never loaded whole). Enter opens a formulary (the record dialog, with the
//! lifecycle's moves), Ctrl-D the end-of-day view.
//!
//! The screen holds what it shows; reading the register is an [`Effect`] the runner carries
//! out, answering through `App::page`, `App::record`, `App::page_again` (the page read again
//! after a move or a day's close) and `App::day`.

mod draw;
mod filter;

pub use filter::parse_filter;

use super::{Cx, redraw_if};
use crate::store::{Cursor, Page, Query, RegisterRow};
use crate::tui::action::{Action, Move};
use crate::tui::app::Effect;
use crate::tui::ui::layout;
use crate::tui::ui::list::Selection;
use tui_input::{Input, InputRequest};

/// Rows asked of the register for one page.
pub const PAGE_ROWS: usize = 50;

#[derive(Default)]
pub struct RegisterTab {
    filter: Input,
    rows: Vec<RegisterRow>,
    selected: Selection,
    /// The cursors of the pages before this one, to go back.
    previous: Vec<Option<Cursor>>,
    /// The cursor this page was read with.
    current: Option<Cursor>,
    /// The cursor of the next page, if there is one.
    next: Option<Cursor>,
    /// The register's answer was an error: shown instead of rows.
    problem: Option<String>,
}

impl RegisterTab {
    /// An action for the table, the screen showing.
    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match action {
            Action::Edit(request) => {
                if self.edit(request) {
                    self.search(None)
                } else {
                    Effect::None
                }
            }
            Action::Paste(text) => {
                if self.paste(&text) {
                    self.search(None)
                } else {
                    Effect::None
                }
            }
            // By the rows the table shows, not the lookup's: a page key is a screenful.
            Action::Select(step) => match self.select(step, layout::register_rows(cx.body)) {
                Ok(moved) => redraw_if(moved),
                Err(cursor) => self.search(cursor),
            },
            Action::Confirm => match self.selected() {
                Some(row) => Effect::Open(row.number.clone()),
                None => Effect::None,
            },
            _ => Effect::None,
        }
    }

    /// Back to the first page: the pages before are forgotten, so the page number and PgUp
    /// stay right when it is read again.
    pub fn first_page(&mut self) {
        self.previous.clear();
        self.current = None;
    }

    /// Asks the register for the page of the filter line starting at `cursor`.
    pub fn search(&self, cursor: Option<Cursor>) -> Effect {
        let mut query = parse_filter(self.filter(), PAGE_ROWS);
        query.after = cursor.clone();
        Effect::Search(Box::new(query), cursor)
    }

    /// The query of the page shown (its filter, from its cursor), to read it again once
    /// the register changed under it.
    pub fn shown_query(&self) -> Query {
        let mut query = parse_filter(self.filter(), PAGE_ROWS);
        query.after = self.current.clone();
        query
    }

    pub fn filter(&self) -> &str {
        self.filter.value()
    }

    pub fn rows(&self) -> &[RegisterRow] {
        &self.rows
    }

    pub fn selected(&self) -> Option<&RegisterRow> {
        self.rows.get(self.selected.at())
    }

    /// Edits the filter line; `true` when its text changed (search again from page one).
    pub fn edit(&mut self, request: InputRequest) -> bool {
        let changed = self.filter.handle(request).is_some_and(|c| c.value);
        self.filtered(changed)
    }

    /// Text pasted into the filter line, whole; `true` when it changed.
    pub fn paste(&mut self, text: &str) -> bool {
        let changed = crate::tui::ui::text::paste(&mut self.filter, text);
        self.filtered(changed)
    }

    /// A changed filter reads the register from its first page.
    fn filtered(&mut self, changed: bool) -> bool {
        if changed {
            self.previous.clear();
            self.current = None;
        }
        changed
    }

    /// Moves the selection within the page; `Some(cursor)` when the move asks for another
    /// page (PageDown past the end, PageUp before the start).
    pub fn select(&mut self, step: Move, page: usize) -> Result<bool, Option<Cursor>> {
        match step {
            Move::PageDown if self.selected.at_end(self.rows.len()) && self.next.is_some() => {
                self.previous.push(self.current.clone());
                return Err(self.next.clone());
            }
            Move::PageUp if self.selected.at_start() && !self.previous.is_empty() => {
                let back = self.previous.pop().flatten();
                // Going back re-reads that page; its own cursor is pushed again on the way on.
                return Err(back);
            }
            _ => {}
        }
        Ok(self.selected.step(step, self.rows.len(), page))
    }

    /// A page from the register, read with `cursor`.
    pub fn show(&mut self, page: Result<Page, String>, cursor: Option<Cursor>) {
        match page {
            Ok(page) => {
                self.rows = page.rows;
                self.next = page.next;
                self.current = cursor;
                self.problem = None;
            }
            Err(problem) => {
                self.rows.clear();
                self.next = None;
                self.problem = Some(problem);
            }
        }
        self.selected = Selection::default();
    }

    /// The same page read again (after a move or a day's close): the rows as they are
    /// now; the chosen row stays chosen while the page still holds it, else the row in its
    /// place.
    pub fn refresh(&mut self, page: Result<Page, String>) {
        let (chosen, at) = (
            self.selected().map(|r| r.number.clone()),
            self.selected.at(),
        );
        self.show(page, self.current.clone());
        let at = chosen
            .and_then(|number| self.rows.iter().position(|r| r.number == number))
            .unwrap_or(at);
        self.selected.set(at, self.rows.len());
    }

    /// The cursor the page shown was read with (`None` for the first page).
    pub fn cursor(&self) -> Option<&Cursor> {
        self.current.as_ref()
    }

    /// Whether there is a page after this one.
    pub fn has_next(&self) -> bool {
        self.next.is_some()
    }

    /// The number of the page shown, from 1.
    pub fn page_number(&self) -> usize {
        self.previous.len() + 1
    }
}
