//! The footer: the status line and the keys of what has the keyboard, from the key table.

use super::View;
use super::text::truncate;
use crate::i18n::tr;
use crate::tui::action::Action;
use crate::tui::keys::{self, Context};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

/// The footer: what the last action came to (the status), then the keys of the screen.
///
/// Both share the one line: the body's height is fixed by `layout::frame_areas`, which the
/// lists count their pages from, so a status row coming and going would make the screen
/// jump and pages disagree with what is drawn. The status comes first, being news the
/// clerk must read, and the keys are fitted around it: whole hints in the table's order
/// while they fit, the rest dropped from the end, never cut mid-word. The help key (F1)
/// is always kept, so every dropped key is one press away; where even its word would
/// leave a status too little room, it is shown as its keys alone ("F1 ?"). A status
/// wider than what is left is cut with "…".
/// Whether `status` fits on the footer's line of `width` beside the help key at least
/// ("F1 ?"); a longer one is shown whole above the footer ([`draw_long_status`]), never cut.
pub fn status_fits(status: &str, width: u16) -> bool {
    status.width() + "  F1 ?".len() <= usize::from(width)
}

/// A status too long for the footer's line: whole, wrapped in a box over the bottom of
/// `body`, up to its height.
pub fn draw_long_status(frame: &mut Frame, body: Rect, status: &str, view: View) {
    let width = usize::from(body.width.saturating_sub(2)).max(1);
    let rows = super::fit::wrap(&Line::raw(status.replace('\n', " ")), width);
    let height = u16::try_from(rows.len() + 2)
        .unwrap_or(u16::MAX)
        .min(body.height);
    let area = Rect::new(
        body.x,
        body.bottom().saturating_sub(height),
        body.width,
        height,
    );
    frame.render_widget(Clear, area);
    let block = Block::default().borders(Borders::ALL);
    frame.render_widget(
        Paragraph::new(rows).style(view.theme.ok()).block(block),
        area,
    );
}

pub fn draw(frame: &mut Frame, area: Rect, status: &str, context: Context, view: View) {
    const GAP: &str = "  ";
    let width = usize::from(area.width);
    let status = status.replace('\n', " ");
    let hints: Vec<_> = keys::visible(context)
        .filter(|b| b.in_footer)
        .map(|b| {
            let help = format!(" {}", tr(view.lang, b.help));
            (b, help)
        })
        .collect();
    let is_help = |b: &keys::Binding| b.action == Action::Help;
    let hint_width = |b: &keys::Binding, help: &str| b.label.width() + help.width();
    // The help key's hint, whole or as its keys alone, and the room it leaves the status.
    let help_hint = hints.iter().find(|(b, _)| is_help(b));
    let whole_help = help_hint.map_or(0, |(b, help)| hint_width(b, help) + GAP.len());
    let bare_help = help_hint.map_or(0, |(b, _)| b.label.width() + GAP.len());
    let help_word = status.width() + whole_help <= width;
    let status = truncate(&status, width.saturating_sub(bare_help));
    let mut spans = Vec::new();
    let mut used = status.width();
    if !status.is_empty() {
        spans.push(Span::styled(status, view.theme.ok()));
    }
    let mut reserved = if help_word { whole_help } else { bare_help };
    let mut dropping = false;
    for (binding, help) in &hints {
        let help = if is_help(binding) && !help_word {
            ""
        } else {
            help.as_str()
        };
        let gap = if used > 0 { GAP.len() } else { 0 };
        let cost = gap + hint_width(binding, help);
        if is_help(binding) {
            reserved = 0;
        } else if dropping || used + cost + reserved > width {
            dropping = true;
            continue;
        }
        if gap > 0 {
            spans.push(Span::raw(GAP));
        }
        spans.push(Span::styled(
            keys::label(binding, view.lang),
            view.theme.key(),
        ));
        spans.push(Span::raw(help.to_string()));
        used += cost;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
