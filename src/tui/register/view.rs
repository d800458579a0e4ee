//! Drawing the Register tab, an opened formulary, and the end-of-day view.

use super::RegisterTab;
use crate::domain::Lang;
use crate::domain::lifecycle::moves_from;
use crate::store::{DaySummary, Record};
use crate::tui::i18n::{Msg, day_closed, event_data, tr};
use crate::tui::text::truncate;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

/// The filter line and the table of formularies in the tab's `area`.
fn areas(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Length(3), Constraint::Min(3)]).areas(area)
}

/// How many formularies the table shows in the tab's `area` (below its column header):
/// what PgUp/PgDn move the selection by, so that a page key shows the next screenful.
pub fn visible_rows(area: Rect) -> usize {
    let [_, table] = areas(area);
    let inner = Block::default().borders(Borders::ALL).inner(table);
    usize::from(inner.height.saturating_sub(1)).max(1)
}

impl RegisterTab {
    pub fn draw(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: Theme) {
        let [filter, table] = areas(area);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(tr(lang, Msg::RegisterFilter));
        let inner = block.inner(filter);
        let line = if self.filter.value().is_empty() {
            Line::styled(tr(lang, Msg::RegisterFilterHint), theme.dim())
        } else {
            Line::raw(self.filter.value())
        };
        frame.render_widget(Paragraph::new(line).block(block), filter);
        let x = inner.x + u16::try_from(self.filter.visual_cursor()).unwrap_or(0);
        frame.set_cursor_position(Position::new(
            x.min(inner.right().saturating_sub(1)),
            inner.y,
        ));

        let more = if self.has_next() { " …" } else { "" };
        let title = format!(
            "{} {}: {}{more}",
            tr(lang, Msg::RegisterPage),
            self.page_number(),
            self.rows.len()
        );
        let block = Block::default().borders(Borders::ALL).title(title);
        let inner = block.inner(table);
        frame.render_widget(block, table);
        if let Some(problem) = &self.problem {
            frame.render_widget(
                Paragraph::new(Line::styled(problem.as_str(), theme.error()))
                    .wrap(Wrap { trim: true }),
                inner,
            );
            return;
        }
        if self.rows.is_empty() {
            frame.render_widget(
                Paragraph::new(Line::styled(tr(lang, Msg::NothingFound), theme.dim())),
                inner,
            );
            return;
        }
        let height = visible_rows(area);
        let first = self.selected / height * height;
        let status_width = 16;
        let name_width =
            usize::from(inner.width).saturating_sub(13 + 11 + 13 + 5 + status_width + 1);
        let header = format!(
            "{:<13}{:<11}{:<13}{:<5}{:<name_width$} {}",
            tr(lang, Msg::ColNumber),
            tr(lang, Msg::ColDate),
            tr(lang, Msg::ColIin),
            tr(lang, Msg::ColCode),
            tr(lang, Msg::ColName),
            tr(lang, Msg::ColStatus)
        );
        let mut lines = vec![Line::styled(header, theme.dim())];
        for (i, row) in self.rows.iter().enumerate().skip(first).take(height) {
            let name = match &row.patronymic {
                Some(p) => format!("{} {} {p}", row.surname, row.given_name),
                None => format!("{} {}", row.surname, row.given_name),
            };
            let text = format!(
                "{:<13}{:<11}{:<13}{:<5}{:<name_width$} {}",
                row.number,
                row.registered_on.format("%d.%m.%Y"),
                row.iin,
                row.filling_code,
                truncate(&name, name_width),
                truncate(row.status.text().get(lang), status_width)
            );
            let style = if i == self.selected {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            lines.push(Line::styled(text, style));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

/// An opened formulary: who, which code, its state, its history with what each move
/// recorded, and the moves it allows, numbered for their keys. The moves keep their place at
/// the bottom; the history, newest first, takes the lines between.
pub fn draw_record(frame: &mut Frame, area: Rect, record: &Record, lang: Lang, theme: Theme) {
    let f = &record.formulary;
    let label = |msg: Msg| Span::styled(format!("{}: ", tr(lang, msg)), theme.dim());
    let name = [&f.surname, &f.given_name, &f.patronymic]
        .iter()
        .filter_map(|p| p.as_deref())
        .collect::<Vec<_>>()
        .join(" ");
    let state = record.lifecycle.state();
    let header = vec![
        Line::from(vec![
            label(Msg::ColNumber),
            Span::raw(format!("{}  ", record.number)),
            label(Msg::Coupon),
            Span::raw(record.coupon.clone()),
        ]),
        Line::from(vec![
            label(Msg::ColName),
            Span::raw(format!("{name}  ")),
            label(Msg::ColIin),
            Span::raw(f.iin.clone().unwrap_or_default()),
        ]),
        Line::from(vec![
            label(Msg::ColCode),
            Span::raw(format!("{}  ", f.filling_code.clone().unwrap_or_default())),
            label(Msg::ColStatus),
            Span::styled(state.text().get(lang).to_string(), theme.key()),
        ]),
        Line::styled(tr(lang, Msg::History), theme.active_tab()),
    ];
    let mut actions = vec![Line::styled(tr(lang, Msg::Moves), theme.active_tab())];
    let moves = moves_from(state);
    if moves.is_empty() {
        actions.push(Line::styled(tr(lang, Msg::NoMoves), theme.dim()));
    }
    for (i, kind) in moves.iter().enumerate() {
        actions.push(Line::from(vec![
            Span::styled(format!("{} ", i + 1), theme.key()),
            Span::raw(kind.text().get(lang).to_string()),
        ]));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .title(tr(lang, Msg::Formulary));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width).max(1);
    // A long name wraps: the header takes the lines it needs.
    let header_height: usize = header
        .iter()
        .map(|l| l.width().max(1).div_ceil(width))
        .sum();
    let [top, middle, bottom] = Layout::vertical([
        Constraint::Length(u16::try_from(header_height).unwrap_or(u16::MAX)),
        Constraint::Min(0),
        Constraint::Length(u16::try_from(actions.len()).unwrap_or(u16::MAX)),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(header).wrap(Wrap { trim: true }), top);
    let history = history_lines(record, lang, width, usize::from(middle.height));
    frame.render_widget(Paragraph::new(history), middle);
    frame.render_widget(Paragraph::new(actions), bottom);
}

/// The history, newest first, in at most `height` lines of `width` columns: each move on
/// one line with what it recorded (the conclusion, the M-40 reason, the coupon, the act…),
/// or that on a second line when both do not fit on one.
fn history_lines(record: &Record, lang: Lang, width: usize, height: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for t in record.lifecycle.transitions().iter().rev() {
        let head = format!(
            "{}  {}  {} → {}",
            t.at.format("%d.%m.%Y %H:%M"),
            t.clerk,
            t.from.text().get(lang),
            t.to.text().get(lang)
        );
        let data = event_data(lang, &t.event)
            .into_iter()
            .chain(t.reason.clone())
            .collect::<Vec<_>>()
            .join(" — ");
        let entry = if data.is_empty() {
            vec![truncate(&head, width)]
        } else if head.width() + 3 + data.width() <= width {
            vec![format!("{head} · {data}")]
        } else {
            vec![
                truncate(&head, width),
                truncate(&format!("  {data}"), width),
            ]
        };
        if lines.len() + entry.len() > height {
            break;
        }
        lines.extend(entry.into_iter().map(Line::raw));
    }
    lines
}

/// The end-of-day view: the day's totals by status, code, district and clerk.
pub fn draw_day(frame: &mut Frame, area: Rect, day: &DaySummary, lang: Lang, theme: Theme) {
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
        Some(close) => Line::styled(day_closed(lang, close), theme.dim()),
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
