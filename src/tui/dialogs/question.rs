//! The yes/no questions: quit with an entry, close the day, refuse after a verification
//! (M-16). Each asks before something that cannot be undone; `n` or Esc goes back to what
//! the question was asked over.

use super::{Dialog, Next, become_, stay};
use crate::domain::lifecycle::MoveKind;
use crate::i18n::{Msg, tr};
use crate::store::DaySummary;
use crate::tui::action::Action;
use crate::tui::app::Effect;
use crate::tui::screens::Cx;
use crate::tui::ui::{View, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

/// "Close the day?" over the day it would close: `y` closes it.
pub fn close_day(day: Box<DaySummary>, action: Action) -> Next {
    match action {
        Action::Confirm => (None, Some(Effect::CloseDay(day.date))),
        // Back one step: from the question to the day it would close.
        Action::Back => become_(Some(Dialog::Day(day))),
        _ => stay(Dialog::CloseDay(day), false),
    }
}

/// "Refuse the documents (M-16)?" over the opened formulary: `y` refuses; the register's
/// answer shows the formulary as it is then.
pub fn refuse(number: String, action: Action, cx: &mut Cx) -> Next {
    match action {
        Action::Confirm => (
            None,
            Some(super::move_data::now(&number, MoveKind::Refuse, cx.today())),
        ),
        Action::Back => become_(None),
        _ => stay(Dialog::Refuse { number }, false),
    }
}

/// A question in a box over `body`.
pub fn draw(frame: &mut Frame, body: Rect, question: Msg, view: View) {
    let area = layout::centered(body, 76, 4);
    frame.render_widget(Clear, area);
    let text = Paragraph::new(Line::raw(tr(view.lang, question)))
        .wrap(Wrap { trim: true })
        .block(Block::default().borders(Borders::ALL));
    frame.render_widget(text, area);
}
