//! The end-of-day view: the day's totals by status, code, district and clerk; Ctrl-K asks
//! to close a day still open.

use super::{Dialog, Next, become_, stay};
use crate::i18n::{Msg, day_closed, tr};
use crate::store::DaySummary;
use crate::tui::action::Action;
use crate::tui::ui::{View, layout};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

pub fn update(day: Box<DaySummary>, action: Action, cx: &mut crate::tui::screens::Cx) -> Next {
    match action {
        // Issue 13: the day's register report, in place of the view.
        Action::Print => {
            let paper = super::print::Paper::new(
                crate::papers::PaperKind::Day,
                day.date.format("%Y-%m-%d").to_string(),
            );
            let effect = super::print::offer(vec![paper], cx);
            (cx.open.take(), Some(effect))
        }
        Action::Back => become_(None),
        // Quitting from over the day is quitting from the screen under it.
        Action::Quit => (None, None),
        Action::CloseDay if day.closed.is_none() => become_(Some(Dialog::CloseDay {
            day,
            input: tui_input::Input::default(),
        })),
        _ => stay(Dialog::Day(day), false),
    }
}

pub fn draw(frame: &mut Frame, body: Rect, day: &DaySummary, view: View) {
    let area = layout::centered(body, 78, 12);
    frame.render_widget(Clear, area);
    draw_day(frame, area, day, view);
}

/// The end-of-day view: the day's totals by status, code, district and clerk.
fn draw_day(frame: &mut Frame, area: Rect, day: &DaySummary, view: View) {
    let (lang, theme) = (view.lang, view.theme);
    let join = |pairs: Vec<(String, u64)>| {
        pairs
            .into_iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let closed = match &day.closed {
        Some(_) => Span::styled(tr(lang, Msg::DayClosed), theme.warn()),
        None => Span::styled(tr(lang, Msg::DayOpen), theme.ok()),
    };
    let lines = vec![
        Line::from(vec![
            Span::raw(format!(
                "{}  {}: {}  ",
                day.date.format("%d.%m.%Y"),
                tr(lang, Msg::Total),
                day.total
            )),
            closed,
        ]),
        Line::from(vec![
            Span::styled(format!("{}: ", tr(lang, Msg::ColStatus)), theme.dim()),
            Span::raw(join(
                day.by_status
                    .iter()
                    .map(|(s, n)| (s.text().get(lang).to_string(), *n))
                    .collect(),
            )),
        ]),
        Line::from(vec![
            Span::styled(format!("{}: ", tr(lang, Msg::ColCode)), theme.dim()),
            Span::raw(join(
                day.by_filling_code
                    .iter()
                    .map(|(k, n)| (k.clone(), *n))
                    .collect(),
            )),
        ]),
        Line::from(vec![
            Span::styled(format!("{}: ", tr(lang, Msg::District)), theme.dim()),
            Span::raw(join(
                day.by_district
                    .iter()
                    .map(|(k, n)| (k.clone(), *n))
                    .collect(),
            )),
        ]),
        Line::from(vec![
            Span::styled(format!("{}: ", tr(lang, Msg::Clerk)), theme.dim()),
            Span::raw(join(
                day.by_clerk.iter().map(|(k, n)| (k.clone(), *n)).collect(),
            )),
        ]),
    ];
    // A closed day has nothing left to close: who closed it instead of the key. On the
    // box's last row of its own, so that a busy day's totals, wrapping, cut themselves
    // short rather than this line.
    let last = match &day.closed {
        Some(close) => Line::styled(day_closed(lang, close, view.zone), theme.dim()),
        None => Line::styled(tr(lang, Msg::CloseDayHint), theme.dim()),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(tr(lang, Msg::DayTitle));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [totals, bottom] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), totals);
    frame.render_widget(Paragraph::new(last).wrap(Wrap { trim: true }), bottom);
}
