//! Issue 11: the clerk's draft is held by another session of the same OS account. Said
//! when the workstation opens, with the session (host, process) and when it started; the
//! clerk takes a fresh form (`n`, kept by no draft) or reads the draft without changing it
//! (`r`). The keys are the App's (`app/held.rs`): they change what the App allows.

use crate::i18n::counter::draft_held;
use crate::store::DraftHolder;
use crate::tui::ui::{View, layout};
use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

/// The holder as the clerk reads it: host and process, and its start as ДД.ММ.ГГГГ ЧЧ:ММ.
pub fn session_words(holder: &DraftHolder) -> (String, String) {
    let since = NaiveDateTime::parse_from_str(&holder.started, "%Y-%m-%d %H:%M")
        .map(|t| t.format("%d.%m.%Y %H:%M").to_string())
        .unwrap_or_else(|_| holder.started.clone());
    (format!("{}, pid {}", holder.host, holder.pid), since)
}

pub fn draw(frame: &mut Frame, body: Rect, holder: &DraftHolder, view: View) {
    let area = layout::centered(body, 76, 6);
    frame.render_widget(Clear, area);
    let (session, since) = session_words(holder);
    let text = Paragraph::new(Line::raw(draft_held(view.lang, &session, &since)))
        .wrap(Wrap { trim: true })
        .block(Block::default().borders(Borders::ALL));
    frame.render_widget(text, area);
}
