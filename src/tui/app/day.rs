//! The App's side of issue 12: who may write (an account that is not staff works
//! read-only and is told why before anything fails), the day screen's and the work queue's
//! answers, the question before closing a day (a head only), and what is read again when
//! another clerk wrote.

use super::{App, Effect, Problem, Status};
use crate::i18n::Msg;
use crate::i18n::day::DayWord;
use crate::store::{HeadAct, StoreError, WorkQueue};
use crate::tui::action::Action;
use crate::tui::dialogs::Dialog;
use crate::tui::dialogs::close_day::Sealing;
use crate::tui::screens::day::DayRead;
use crate::tui::screens::{Cx, Screen};
use chrono::NaiveDate;

/// Whether the account of the workstation may write to the register (K-STAFF).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// Not known (no register, or it was too busy to say at start): writes are tried and
    /// the register says why not.
    Unknown,
    /// Staff of the register; a head closes days and approves conclusions.
    Staff { head: bool },
    /// Not staff: the workstation reads only; the text (in the clerk's language) says why
    /// and what to do.
    ReadOnly(String),
}

/// What closing a day would seal beyond what the day screen shows, as the register says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub drafts: Vec<String>,
    pub workstations: Vec<String>,
    pub waiting: u64,
    pub overdue: u64,
}

impl App {
    /// The runner's word at start: whether the account may write. Read-only, the status
    /// says why, and no draft is kept (a draft is a write).
    pub fn admitted(&mut self, access: Access) {
        if let Access::ReadOnly(why) = &access {
            self.drafts_kept = false;
            self.status = Some(Status::Text(why.clone()));
        }
        self.access = access;
    }

    pub fn access(&self) -> &Access {
        &self.access
    }

    /// Whether `action` on the screen showing writes to the register.
    fn writes(&self, action: &Action) -> bool {
        matches!(
            (self.screen, action),
            (
                Screen::Formulary | Screen::DsnForm | Screen::Correction,
                Action::Save
            ) | (Screen::Formulary, Action::GenerateIin)
                | (Screen::Record, Action::Choose(_) | Action::Correct)
                | (Screen::Day, Action::CloseDay)
        )
    }

    /// What the App decides before a screen sees the action: Ctrl-D from the register's
    /// list; a write refused, said, for an account that only reads; closing a day, asked
    /// of a head only, a non-head told so before any question (K-HEAD).
    pub(super) fn guard(&mut self, action: &Action, cx: &mut Cx) -> Option<Effect> {
        // Alt-4 from any screen; Esc goes back to it.
        if *action == Action::Queue {
            if !matches!(self.screen, Screen::Queue | Screen::Record) {
                self.screens.queue.opened_from(self.screen);
            }
            self.go(Screen::Queue);
            return Some(Effect::Queue);
        }
        if *action == Action::Day && self.screen == Screen::Formularies {
            let effect = self.screens.day.open(cx.today());
            self.go(Screen::Day);
            return Some(effect);
        }
        if let Access::ReadOnly(why) = &self.access
            && self.writes(action)
        {
            let why = why.clone();
            return Some(cx.say(why));
        }
        if *action != Action::CloseDay || self.screen != Screen::Day {
            return None;
        }
        let day = &self.screens.day;
        let date = day.date().filter(|_| day.read().is_some() && !day.closed());
        let Some(date) = date else {
            return Some(Effect::None);
        };
        if self.access == (Access::Staff { head: false }) {
            let refusal = StoreError::NotHead {
                account: self.session.clerk.clone(),
                act: HeadAct::CloseDay,
            };
            let said = crate::i18n::store::store_error(&refusal)
                .get(self.lang)
                .to_string();
            return Some(cx.say(said));
        }
        Some(Effect::AskCloseDay(date))
    }

    /// What the day screen shows (the day, as read), if anything yet.
    pub fn day_read(&self) -> Option<&DayRead> {
        self.screens.day.read()
    }

    /// The day the day screen shows: what the day's register report prints (the papers
    /// issue wires its print key here).
    pub fn day_date(&self) -> Option<NaiveDate> {
        self.screens.day.date()
    }

    /// The day screen's keys depend on whether the day shown is still open.
    pub(super) fn day_context(&self) -> Option<crate::tui::keys::Context> {
        use crate::tui::keys::Context;
        match self.screen {
            Screen::Day if self.screens.day.closed() => Some(Context::ClosedDay),
            Screen::Day => Some(Context::Day),
            _ => None,
        }
    }

    /// The day screen shown again (Alt-3 back to it): the day it showed, read again.
    pub(super) fn reopen_day(&mut self) -> Effect {
        let date = self.screens.day.date();
        let today = self.session.clock.today();
        self.screens.day.open(date.unwrap_or(today))
    }

    /// The register's answer to [`Effect::Day`] (and after [`Effect::CloseDay`]).
    pub fn day(&mut self, read: Result<DayRead, Problem>) {
        self.screens.day.show(read.map_err(|p| p.text));
    }

    /// The register's answer to [`Effect::AskCloseDay`]: the question, with what is sealed.
    pub fn close_question(&mut self, date: NaiveDate, sealed: Result<Sealed, Problem>) {
        let sealed = match sealed {
            Ok(sealed) => sealed,
            Err(problem) => return self.problem(problem),
        };
        let review = self
            .screens
            .day
            .read()
            .map(|r| &r.review)
            .filter(|r| r.summary.date == date);
        let (registered, moved) = review.map_or((0, 0), |r| (r.summary.total, r.moves.len()));
        self.dialog = Some(Dialog::CloseDay {
            sealing: Box::new(Sealing {
                date,
                registered: usize::try_from(registered).unwrap_or(usize::MAX),
                moved,
                waiting: sealed.waiting,
                overdue: sealed.overdue,
                drafts: sealed.drafts,
                workstations: sealed.workstations,
            }),
            input: tui_input::Input::default(),
        });
    }

    /// The register's answer to [`Effect::Queue`]; its overdue count goes to the tab bar.
    pub fn queue(&mut self, queue: Result<WorkQueue, Problem>) {
        if let Ok(queue) = &queue {
            self.overdue = Some(queue.overdue);
        }
        self.screens.queue.show(queue.map_err(|p| p.text));
    }

    /// The work queue's overdue items for the tab bar (read at start and when the register
    /// changed); `None` when they could not be counted.
    pub fn overdue_counted(&mut self, overdue: Option<u64>) {
        self.overdue = overdue;
    }

    pub fn overdue(&self) -> Option<u64> {
        self.overdue
    }

    /// What the screen showing reads again once the register changed under it.
    pub fn rereads(&self) -> Option<Effect> {
        match self.screen {
            Screen::Day => self.screens.day.date().map(Effect::Day),
            Screen::Queue => Some(Effect::Queue),
            _ => None,
        }
    }

    /// Another clerk wrote and the screen showing was read again: said on the status line
    /// (a status the clerk has not yet seen go is left).
    pub fn read_again(&mut self) {
        if self.status.is_none() {
            self.status = Some(Status::Msg(Msg::Day(DayWord::ReadAgain)));
        }
    }
}
