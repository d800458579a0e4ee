//! The yes/no questions: quit with an entry, close the day, refuse after a verification
//! (M-16). Each asks before something that cannot be undone; `n` or Esc goes back to what
//! the question was asked over.

use super::{Dialog, Next, become_, stay};
use crate::domain::Sex;
use crate::domain::lifecycle::MoveKind;
use crate::i18n::{Msg, tr};
use crate::store::DaySummary;
use crate::tui::action::Action;
use crate::tui::app::Effect;
use crate::tui::screens::formulary::convert::parse_date;
use crate::tui::screens::{Cx, Screens};
use crate::tui::ui::entry::{Value, draw_entry};
use crate::tui::ui::{View, layout};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use tui_input::Input;

/// A question before replacing what was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// Ctrl-G over an IIN already typed: the new child's IIN for this birth date and sex
    /// would replace it (M-12.a), and takes a serial of the register for good.
    ReplaceIin(NaiveDate, Sex),
    /// Ctrl-X over an entry: a new formulary, the entry and its draft deleted.
    NewFormulary,
    /// Ctrl-O over a DSN application: its result handed over to the front office today
    /// (D-6), which cannot be taken back.
    HandOver(i64),
    /// A digit right after a one-key move of the opened formulary: this move too.
    AnotherMove(MoveKind),
}

impl Ask {
    pub fn question(self, lang: crate::domain::Lang) -> String {
        match self {
            Ask::ReplaceIin(..) => tr(lang, Msg::ReplaceIinQuestion).to_string(),
            Ask::NewFormulary => tr(lang, Msg::NewFormularyQuestion).to_string(),
            Ask::AnotherMove(kind) => crate::i18n::another_move(lang, kind),
            Ask::HandOver(id) => crate::i18n::dsn_desk::hand_over_question(lang, id),
        }
    }
}

/// `y`: what was asked; `n` or Esc: nothing.
pub fn ask(ask: Ask, action: Action, screens: &mut Screens, cx: &mut Cx) -> Next {
    match (ask, action) {
        // A child's IIN asks next what the parent showed (M-12.a).
        (Ask::ReplaceIin(born, sex), Action::Confirm) => {
            let effect = super::begin_child_iin(born, sex, cx);
            (cx.open.take(), Some(effect))
        }
        (Ask::NewFormulary, Action::Confirm) => {
            screens.formulary = screens.formulary.fresh(cx.today());
            (None, Some(Effect::DiscardDraft))
        }
        (Ask::HandOver(id), Action::Confirm) => (None, Some(Effect::DsnHandOver(id))),
        (Ask::AnotherMove(kind), Action::Confirm) => match screens.record.number() {
            Some(number) => (None, Some(super::move_data::now(number, kind, cx.today()))),
            None => become_(None),
        },
        (_, Action::Back) => become_(None),
        _ => stay(Dialog::Ask(ask), false),
    }
}

/// "Close the day?" over the day it would close, answered by typing its date: the date
/// typed must be the day's, so neither a stray key nor Enter alone seals a day.
pub fn close_day(day: Box<DaySummary>, mut input: Input, action: Action, cx: &mut Cx) -> Next {
    match action {
        Action::Edit(request) => {
            let changed = input.handle(request).is_some();
            stay(Dialog::CloseDay { day, input }, changed)
        }
        Action::Paste(text) => {
            let changed = crate::tui::ui::text::paste(&mut input, &text);
            stay(Dialog::CloseDay { day, input }, changed)
        }
        Action::Confirm if parse_date(input.value()) == Some(day.date) => {
            (None, Some(Effect::CloseDay(day.date)))
        }
        Action::Confirm => {
            let effect = cx.say(Msg::CloseDayWrongDate);
            (Some(Dialog::CloseDay { day, input }), Some(effect))
        }
        // Back one step: from the question to the day it would close.
        Action::Back => become_(Some(Dialog::Day(day))),
        _ => stay(Dialog::CloseDay { day, input }, false),
    }
}

/// The close question over the day: what it does, and the line the date is typed in.
pub fn draw_close_day(frame: &mut Frame, body: Rect, input: &Input, view: View) {
    let area = layout::centered(body, 76, 6);
    let ask = Line::raw(tr(view.lang, Msg::CloseDayQuestion));
    let title = tr(view.lang, Msg::KeyCloseDay).to_string();
    draw_entry(frame, area, title, ask, Value::Text(input));
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
    draw_text(frame, body, tr(view.lang, question));
}

/// A question built from data (a move's name) in the same box.
pub fn draw_text(frame: &mut Frame, body: Rect, question: &str) {
    // Three rows of text: the longest question, in Kazakh, whole at 80 columns.
    let area = layout::centered(body, 76, 5);
    frame.render_widget(Clear, area);
    let text = Paragraph::new(Line::raw(question))
        .wrap(Wrap { trim: true })
        .block(Block::default().borders(Borders::ALL));
    frame.render_widget(text, area);
}
