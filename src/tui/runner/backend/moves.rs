//! The shortest cursor move between two places: every byte counts over SSH (issue 7).

use ratatui::crossterm::Command;
use ratatui::crossterm::cursor::{
    MoveDown, MoveLeft, MoveRight, MoveTo, MoveToColumn, MoveToNextLine, MoveToRow, MoveUp,
};
use ratatui::layout::Position;

/// Composes the shortest of the crossterm moves from `from` to `to`.
pub(super) fn move_sequence(out: &mut String, from: Position, to: Position) -> std::fmt::Result {
    let mut best = String::new();
    MoveTo(to.x, to.y).write_ansi(&mut best)?;
    let mut candidate = String::new();
    let mut consider = |command: &dyn Fn(&mut String) -> std::fmt::Result| {
        candidate.clear();
        if command(&mut candidate).is_ok() && candidate.len() < best.len() {
            std::mem::swap(&mut best, &mut candidate);
        }
    };
    if to.y == from.y {
        consider(&|s| MoveToColumn(to.x).write_ansi(s));
        if to.x > from.x {
            consider(&|s| MoveRight(to.x - from.x).write_ansi(s));
        } else {
            consider(&|s| MoveLeft(from.x - to.x).write_ansi(s));
        }
    } else if to.x == from.x {
        consider(&|s| MoveToRow(to.y).write_ansi(s));
        if to.y > from.y {
            consider(&|s| MoveDown(to.y - from.y).write_ansi(s));
        } else {
            consider(&|s| MoveUp(from.y - to.y).write_ansi(s));
        }
    } else if to.x == 0 && to.y > from.y {
        consider(&|s| MoveToNextLine(to.y - from.y).write_ansi(s));
    }
    out.push_str(&best);
    Ok(())
}
