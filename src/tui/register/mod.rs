//! The Register tab: the register as a table with a filter line, paged by the register
//! (never loaded whole), a formulary opened with its history, the lifecycle's moves on it,
//! and the end-of-day view; and its other list, the DSN code applications.
//!
//! The tab holds what it shows; reading and writing the register are [`Effect`]s the
//! runner carries out, answering through `App::page`, `App::record`, `App::moved`,
//! `App::page_again` (the page read again after a move or a day's close) and `App::day`.
//!
//! [`Effect`]: super::app::Effect

mod dsn_list;
mod filter;
pub mod view;

pub use dsn_list::DsnList;
pub use filter::parse_filter;

use super::action::Move;
use crate::domain::lifecycle::{MoveKind, ReturnReason, VerificationGround};
use crate::store::{Cursor, Page, RegisterRow};
use tui_input::{Input, InputRequest};

/// Rows asked of the register for one page.
pub const PAGE_ROWS: usize = 50;

#[derive(Default)]
pub struct RegisterTab {
    filter: Input,
    rows: Vec<RegisterRow>,
    selected: usize,
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
    pub fn filter(&self) -> &str {
        self.filter.value()
    }

    pub fn rows(&self) -> &[RegisterRow] {
        &self.rows
    }

    pub fn selected(&self) -> Option<&RegisterRow> {
        self.rows.get(self.selected)
    }

    /// Edits the filter line; `true` when its text changed (search again from page one).
    pub fn edit(&mut self, request: InputRequest) -> bool {
        let changed = self.filter.handle(request).is_some_and(|c| c.value);
        if changed {
            self.previous.clear();
            self.current = None;
        }
        changed
    }

    /// Moves the selection within the page; `Some(cursor)` when the move asks for another
    /// page (PageDown past the end, PageUp before the start).
    pub fn select(&mut self, step: Move, page: usize) -> Result<bool, Option<Cursor>> {
        let last = self.rows.len().saturating_sub(1);
        match step {
            Move::PageDown if self.selected >= last && self.next.is_some() => {
                self.previous.push(self.current.clone());
                return Err(self.next.clone());
            }
            Move::PageUp if self.selected == 0 && !self.previous.is_empty() => {
                let back = self.previous.pop().flatten();
                // Going back re-reads that page; its own cursor is pushed again on the way on.
                return Err(back);
            }
            _ => {}
        }
        let next = match step {
            Move::Up => self.selected.saturating_sub(1),
            Move::Down => (self.selected + 1).min(last),
            Move::PageUp => self.selected.saturating_sub(page.max(1)),
            Move::PageDown => (self.selected + page.max(1)).min(last),
            Move::First => 0,
            Move::Last => last,
        };
        let moved = next != self.selected;
        self.selected = next;
        Ok(moved)
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
        self.selected = 0;
    }

    /// The same page read again (after a move or a day's close): the rows as they are
    /// now; the chosen row stays chosen while the page still holds it, else the row in its
    /// place.
    pub fn refresh(&mut self, page: Result<Page, String>) {
        let (chosen, at) = (self.selected().map(|r| r.number.clone()), self.selected);
        self.show(page, self.current.clone());
        let last = self.rows.len().saturating_sub(1);
        self.selected = chosen
            .and_then(|number| self.rows.iter().position(|r| r.number == number))
            .unwrap_or(at.min(last));
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

/// The data a move needs before it can be made, asked in a small dialog.
pub enum MoveData {
    /// Nothing to ask: make the move.
    None,
    /// A line of text: the reason, the correction, the act number, the coupon.
    Text,
    /// One of the M-40 return reasons.
    ReturnReason,
    /// One of the M-16 grounds for verification.
    Ground,
}

/// What `kind` needs from the clerk.
pub fn data_of(kind: MoveKind) -> MoveData {
    match kind {
        MoveKind::Cancel
        | MoveKind::Spoil
        | MoveKind::Resend
        | MoveKind::Destroy
        | MoveKind::Issue => MoveData::Text,
        MoveKind::Return => MoveData::ReturnReason,
        MoveKind::StartVerification => MoveData::Ground,
        // A conclusion takes the next number of the year's journal (M-16) and today's date.
        MoveKind::Register
        | MoveKind::Send
        | MoveKind::Manufacture
        | MoveKind::Confirm
        | MoveKind::Refuse => MoveData::None,
    }
}

/// What a text dialog asks the clerk to type for `kind`; `None` when it asks no text.
pub fn prompt(kind: MoveKind) -> Option<super::i18n::Msg> {
    use super::i18n::Msg;
    match kind {
        MoveKind::Cancel => Some(Msg::AskCancelReason),
        MoveKind::Spoil => Some(Msg::AskSpoilReason),
        MoveKind::Resend => Some(Msg::AskCorrection),
        MoveKind::Destroy => Some(Msg::AskActNumber),
        MoveKind::Issue => Some(Msg::AskCoupon),
        MoveKind::Register
        | MoveKind::Send
        | MoveKind::Manufacture
        | MoveKind::Confirm
        | MoveKind::Refuse
        | MoveKind::Return
        | MoveKind::StartVerification => None,
    }
}

/// The choices of a choice dialog, as their texts.
pub fn choices(kind: MoveKind) -> Vec<crate::domain::Text> {
    match data_of(kind) {
        MoveData::ReturnReason => ReturnReason::ALL.iter().map(|r| r.text()).collect(),
        MoveData::Ground => VerificationGround::ALL.iter().map(|g| g.text()).collect(),
        MoveData::None | MoveData::Text => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lifecycle::{State, moves_from};

    /// Whether a formulary in `state` can still come to be issued, by the table.
    fn can_be_issued(state: State) -> bool {
        let mut seen = vec![state];
        let mut at = 0;
        while let Some(&state) = seen.get(at) {
            for next in moves_from(state).iter().map(|m| m.target()) {
                if !seen.contains(&next) {
                    seen.push(next);
                }
            }
            at += 1;
        }
        seen.contains(&State::Issued)
    }

    /// `App::begin_move` asks before the refusal alone of the moves that need no data:
    /// by the table, it alone of them ends the course (the document can no longer be made).
    #[test]
    fn of_the_moves_needing_no_data_only_the_refusal_ends_the_course() {
        let ending: Vec<MoveKind> = MoveKind::ALL
            .into_iter()
            .filter(|k| matches!(data_of(*k), MoveData::None))
            .filter(|k| !can_be_issued(k.target()))
            .collect();
        assert_eq!(ending, [MoveKind::Refuse]);
        assert!(can_be_issued(State::Registered));
        assert!(!can_be_issued(State::Cancelled));
    }
}
