//! One list selection for every list of the workstation (Code lookup and the picker, the
//! formularies, the DSN applications): which row is chosen, how the keys move it, and which
//! rows are drawn. Lists are drawn in whole pages from the selection, so drawing needs no
//! scroll state and stays a pure function of it.

use crate::tui::action::Move;

/// The chosen row of a list.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    at: usize,
}

impl Selection {
    /// The chosen row's index.
    pub fn at(self) -> usize {
        self.at
    }

    /// Chooses row `at` of a list of `len` (the last one past the end).
    pub fn set(&mut self, at: usize, len: usize) {
        self.at = at.min(len.saturating_sub(1));
    }

    /// Moves by `step` in a list of `len` rows of which `page` show; `true` when it moved.
    pub fn step(&mut self, step: Move, len: usize, page: usize) -> bool {
        let Some(last) = len.checked_sub(1) else {
            return false;
        };
        let page = page.max(1);
        let next = match step {
            Move::Up => self.at.saturating_sub(1),
            Move::Down => (self.at + 1).min(last),
            Move::PageUp => self.at.saturating_sub(page),
            Move::PageDown => (self.at + page).min(last),
            Move::First => 0,
            Move::Last => last,
        };
        let moved = next != self.at;
        self.at = next;
        moved
    }

    /// The first row drawn when `rows` fit: the page that holds the selection.
    pub fn first_shown(self, rows: usize) -> usize {
        let rows = rows.max(1);
        self.at / rows * rows
    }

    /// Whether the selection is on the first row, or on the last of `len`.
    pub fn at_start(self) -> bool {
        self.at == 0
    }

    pub fn at_end(self, len: usize) -> bool {
        self.at + 1 >= len
    }
}

/// The first line shown of a text of `total` lines, `page` of them showing, scrolled by
/// `step` from line `at`; a page turns by `turn` lines (one less than `page` where the last
/// line shown is a "more below" mark, so no line is jumped over).
pub fn scrolled(at: usize, step: Move, total: usize, page: usize, turn: usize) -> usize {
    let last = total.saturating_sub(page);
    let turn = turn.max(1);
    match step {
        Move::Up => at.saturating_sub(1),
        Move::Down => (at + 1).min(last),
        Move::PageUp => at.saturating_sub(turn),
        Move::PageDown => (at + turn).min(last),
        Move::First => 0,
        Move::Last => last,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stop_at_the_ends_and_pages_are_whole() {
        let mut s = Selection::default();
        assert!(!s.step(Move::Up, 10, 4));
        assert!(s.step(Move::PageDown, 10, 4));
        assert_eq!((s.at(), s.first_shown(4)), (4, 4));
        assert!(s.step(Move::Last, 10, 4));
        assert_eq!((s.at(), s.first_shown(4)), (9, 8));
        assert!(!s.step(Move::Down, 10, 4));
        assert!(s.step(Move::First, 10, 4));
        assert!(
            !s.step(Move::Down, 0, 4),
            "an empty list has nothing to choose"
        );
        s.set(7, 3);
        assert_eq!(s.at(), 2);
    }
}
