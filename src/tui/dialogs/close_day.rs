//! "Close the day?" over the day screen (issue 12; a head only, checked before this opens):
//! what is being sealed — the day's registrations and moves, what still waits on the
//! office, which clerks still hold a draft and which workstations are open on the register —
//! answered by typing the day's date, never by Enter alone: a day is sealed for good.

use super::{Dialog, Next, become_, stay};
use crate::i18n::day::{DayWord, sealing as sealing_text};
use crate::i18n::{Msg, tr};
use crate::tui::action::Action;
use crate::tui::app::Effect;
use crate::tui::screens::Cx;
use crate::tui::screens::formulary::convert::parse_date;
use crate::tui::ui::{View, fit, layout};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use tui_input::Input;

/// What closing a day seals, as the question shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealing {
    pub date: NaiveDate,
    /// The day's registrations and moves.
    pub registered: usize,
    pub moved: usize,
    /// What waits on the office now (the work queue), and how much of it is overdue.
    pub waiting: u64,
    pub overdue: u64,
    /// The accounts with a draft in the register.
    pub drafts: Vec<String>,
    /// The accounts with a workstation open on the register (an account twice when it has
    /// two open).
    pub workstations: Vec<String>,
}

/// Typing the date; Enter closes the day when the date typed is the day's; Esc goes back
/// to the day screen.
pub fn update(sealing: Box<Sealing>, mut input: Input, action: Action, cx: &mut Cx) -> Next {
    match action {
        Action::Edit(request) => {
            let changed = input.handle(request).is_some();
            stay(Dialog::CloseDay { sealing, input }, changed)
        }
        Action::Paste(text) => {
            let changed = crate::tui::ui::text::paste(&mut input, &text);
            stay(Dialog::CloseDay { sealing, input }, changed)
        }
        Action::Confirm if parse_date(input.value()) == Some(sealing.date) => {
            (None, Some(Effect::CloseDay(sealing.date)))
        }
        Action::Confirm => {
            let effect = cx.say(Msg::CloseDayWrongDate);
            (Some(Dialog::CloseDay { sealing, input }), Some(effect))
        }
        Action::Back => become_(None),
        _ => stay(Dialog::CloseDay { sealing, input }, false),
    }
}

/// The question's lines: what is sealed, then what is asked.
fn lines(sealing: &Sealing, view: View) -> Vec<Line<'static>> {
    let lang = view.lang;
    let date = sealing.date.format("%d.%m.%Y").to_string();
    let who = |accounts: &[String]| {
        if accounts.is_empty() {
            tr(lang, Msg::Day(DayWord::Nobody)).to_string()
        } else {
            accounts.join(", ")
        }
    };
    vec![
        Line::raw(sealing_text(
            lang,
            &date,
            (sealing.registered, sealing.moved),
            sealing.waiting,
            sealing.overdue,
        )),
        Line::raw(format!(
            "{}: {}",
            tr(lang, Msg::Day(DayWord::Drafts)),
            who(&sealing.drafts)
        )),
        Line::raw(format!(
            "{}: {}",
            tr(lang, Msg::Day(DayWord::Workstations)),
            who(&sealing.workstations)
        )),
        Line::styled(tr(lang, Msg::CloseDayQuestion), view.theme.warn()),
    ]
}

pub fn draw(frame: &mut Frame, body: Rect, sealing: &Sealing, input: &Input, view: View) {
    let width = usize::from(body.width.min(78).saturating_sub(2));
    let said = lines(sealing, view);
    let rows: usize = said.iter().map(|l| fit::wrap(l, width).len()).sum();
    let height = u16::try_from(rows + 3).unwrap_or(u16::MAX);
    let area = layout::centered(body, 78, height);
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(tr(view.lang, Msg::KeyCloseDay));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let room = usize::from(inner.height).saturating_sub(1);
    let mut shown = fit::fill(&said, Vec::new(), usize::from(inner.width), room);
    let y = inner.y + u16::try_from(shown.len()).unwrap_or(0);
    let (line, column) = fit::scrolled(input.value(), input.visual_cursor(), width);
    shown.push(Line::raw(line));
    frame.render_widget(Paragraph::new(shown), inner);
    let x = inner.x + u16::try_from(column).unwrap_or(u16::MAX);
    frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
}
