//! The help: the keys of the screen under it, from the key table the footer reads too.

use crate::i18n::{Msg, tr};
use crate::tui::keys::{self, Context};
use crate::tui::ui::{View, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

pub fn draw(frame: &mut Frame, body: Rect, view: View, under: Context) {
    let lines: Vec<Line> = keys::visible(under)
        .map(|b| {
            Line::from(vec![
                Span::styled(
                    format!("{:<10}", keys::label(b, view.lang)),
                    view.theme.key(),
                ),
                Span::raw(tr(view.lang, b.help)),
            ])
        })
        .chain([
            Line::raw(""),
            Line::styled(tr(view.lang, Msg::HelpClose), view.theme.dim()),
        ])
        .collect();
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let area = layout::centered(body, 50, height);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(tr(view.lang, Msg::HelpTitle));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
