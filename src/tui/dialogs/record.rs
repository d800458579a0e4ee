//! An opened formulary: who, which code, its state, its history with what each move
//! recorded, and the moves it allows, chosen by their digit.

use super::{Dialog, Next, become_, stay};
use crate::domain::Lang;
use crate::domain::lifecycle::moves_from;
use crate::i18n::{Msg, event_data, tr};
use crate::store::Record;
use crate::tui::action::Action;
use crate::tui::screens::Cx;
use crate::tui::ui::text::truncate;
use crate::tui::ui::theme::Theme;
use crate::tui::ui::{View, layout};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

pub fn update(record: Box<Record>, action: Action, cx: &mut Cx) -> Next {
    match action {
        Action::Back => become_(None),
        // Quitting from over a formulary is quitting from the screen under it.
        Action::Quit => (None, None),
        Action::Choose(n) => {
            let moves = moves_from(record.lifecycle.state());
            match usize::from(n).checked_sub(1).and_then(|i| moves.get(i)) {
                Some(kind) => super::move_data::begin(record, *kind, cx),
                None => stay(Dialog::Record(record), false),
            }
        }
        _ => stay(Dialog::Record(record), false),
    }
}

/// The formulary over the whole body.
pub fn draw(frame: &mut Frame, body: Rect, record: &Record, view: View) {
    let area = layout::centered(body, 78, body.height);
    frame.render_widget(Clear, area);
    draw_record(frame, area, record, view.lang, view.theme);
}

/// An opened formulary: who, which code, its state, its history with what each move
/// recorded, and the moves it allows, numbered for their keys. The moves keep their place at
/// the bottom; the history, newest first, takes the lines between.
fn draw_record(frame: &mut Frame, area: Rect, record: &Record, lang: Lang, theme: Theme) {
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
