//! The layout of the workstation, and the page sizes counted from it. Both `update` (how
//! far PgUp/PgDn move) and `draw` (how many rows show) read them here, so a page key always
//! moves by what is on screen.

use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::widgets::{Block, Borders};

/// The smallest terminal the screens are laid out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Rows of the Code lookup's detail pane, borders included, while its list is full.
pub const LOOKUP_DETAIL_HEIGHT: u16 = 8;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The tab bar, the body and the footer. The body's height never changes with what is
/// shown (a status comes in the footer's one line), so pages stay what they were counted.
pub fn frame_areas(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The area between the tab bar and the footer.
pub fn body(area: Rect) -> Rect {
    let [_, body, _] = frame_areas(area);
    body
}

/// A rectangle of at most `width`×`height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [area] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [area] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(area);
    area
}

/// Inside a frame's borders.
pub fn inner(area: Rect) -> Rect {
    Block::default().borders(Borders::ALL).inner(area)
}

/// Code lookup: the query line, the results and the detail pane.
pub fn lookup_areas(body: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(3),
        Constraint::Length(LOOKUP_DETAIL_HEIGHT),
    ])
    .areas(body)
}

/// How many results the lookup list shows in `area` (the lookup's or the picker's).
pub fn lookup_rows(area: Rect) -> usize {
    let [_, results, _] = lookup_areas(area);
    usize::from(results.height.saturating_sub(2))
}

/// The code picker's frame over the body.
pub fn picker_frame(body: Rect) -> Rect {
    centered(body, 76, body.height.saturating_sub(2))
}

/// Where the code picker draws its list (inside its frame).
pub fn picker_list(body: Rect) -> Rect {
    inner(picker_frame(body))
}

/// How many results the picker shows.
pub fn picker_rows(body: Rect) -> usize {
    lookup_rows(picker_list(body))
}

/// The Register tab: the filter line and the table of formularies.
pub fn register_areas(body: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Length(3), Constraint::Min(3)]).areas(body)
}

/// How many formularies the table shows (below its column header).
pub fn register_rows(body: Rect) -> usize {
    let [_, table] = register_areas(body);
    usize::from(inner(table).height.saturating_sub(1)).max(1)
}

/// How many lines of the journal of conclusions show (inside its frame, below the header).
pub fn journal_rows(body: Rect) -> usize {
    usize::from(inner(body).height.saturating_sub(1)).max(1)
}

/// How many lines the DSN list has inside its frame.
pub fn dsn_list_rows(body: Rect) -> usize {
    usize::from(inner(body).height)
}

/// A form: its fields and, under them, the pane of what is wrong.
pub fn form_areas(body: Rect, message_height: u16) -> [Rect; 2] {
    Layout::vertical([Constraint::Min(4), Constraint::Length(message_height)]).areas(body)
}

/// How many rows of an opened formulary show above its moves (`moves` of them, under
/// their heading; "no moves" takes a row too).
pub fn record_rows(body: Rect, moves: usize) -> usize {
    usize::from(inner(body).height).saturating_sub(1 + moves.max(1))
}
