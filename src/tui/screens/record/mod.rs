//! The opened formulary: the whole record at the counter — every field of the form in its
//! groups, the person's documents, corrections, the history, the running term and the moves
//! allowed now — scrolled with the list keys. A digit makes a move (its data asked in a
//! dialog over this screen), Ctrl-R corrects a formulary still in the office, Esc goes back
//! to the list.

mod draw;

use super::{Cx, Screen, redraw_if};
use crate::domain::lifecycle::{Event, MoveKind, ReturnReason, State, moves_from};
use crate::store::{Correction, Record};
use crate::tui::action::{Action, Move};
use crate::tui::app::Effect;
use crate::tui::dialogs::{Ask, move_data};
use crate::tui::ui::list::scrolled;
use crate::tui::ui::theme::Theme;
use crate::tui::ui::{View, layout};
use chrono::NaiveDate;
use chrono_tz::Tz;

use draw::wrapped;

#[derive(Default)]
pub struct RecordScreen {
    record: Option<Box<Record>>,
    corrections: Vec<Correction>,
    /// The first row shown of the record's rows (the moves keep their place below them).
    scroll: usize,
    /// The office's date when the record was read: a running term is due or overdue as of it.
    today: Option<NaiveDate>,
    /// The formulary's IIN is one the register generated (M-12.a): its insert may be
    /// printed (M-12.b).
    iin_generated: bool,
    /// The screen it was opened from, which Esc goes back to (the list of formularies when
    /// none is known).
    back: Option<Screen>,
    /// A move was just made and no other key pressed since: a digit now may be the same key
    /// pressed twice, so a one-key move is asked first.
    just_moved: bool,
}

impl RecordScreen {
    /// The register's answer: the formulary as it is now. Read again after a move, it keeps
    /// its place in the record.
    pub fn show(&mut self, record: Record, today: NaiveDate) {
        let same = self.number() == Some(record.number.as_str());
        if !same {
            self.scroll = 0;
            self.corrections.clear();
            self.iin_generated = false;
            self.just_moved = false;
        }
        self.record = Some(Box::new(record));
        self.today = Some(today);
    }

    /// The register's answer: the formulary's corrections, oldest first.
    pub fn show_corrections(&mut self, corrections: Vec<Correction>) {
        self.corrections = corrections;
    }

    /// The register's answer: whether the formulary's IIN is one it generated.
    pub fn show_iin_generated(&mut self, generated: bool) {
        self.iin_generated = generated;
    }

    /// The papers the formulary's state allows (issue 13), for the print key.
    pub fn papers(&self) -> Vec<crate::tui::dialogs::print::Paper> {
        let Some(record) = self.record() else {
            return Vec::new();
        };
        crate::papers::offered(record, self.iin_generated)
            .into_iter()
            .map(|kind| {
                let subject = match kind {
                    // The insert is of the IIN, as `kense print insert IIN`.
                    crate::papers::PaperKind::Insert => {
                        record.formulary.iin.clone().unwrap_or_default()
                    }
                    _ => record.number.clone(),
                };
                crate::tui::dialogs::print::Paper::new(kind, subject)
            })
            .collect()
    }

    /// The register made a move of this formulary.
    pub fn moved(&mut self) {
        self.just_moved = true;
    }

    /// Esc goes back to `screen`, the list the formulary was opened from.
    pub fn opened_from(&mut self, screen: Screen) {
        self.back = Some(screen);
    }

    pub fn record(&self) -> Option<&Record> {
        self.record.as_deref()
    }

    pub fn number(&self) -> Option<&str> {
        self.record().map(|r| r.number.as_str())
    }

    /// An action for the opened formulary, the screen showing.
    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let Some(record) = self.record.as_deref() else {
            return Effect::None;
        };
        let just_moved = std::mem::take(&mut self.just_moved);
        match action {
            Action::Back => {
                cx.go = Some(self.back.unwrap_or(Screen::Formularies));
                Effect::Redraw
            }
            Action::Select(step) => {
                let moves = moves_from(record.lifecycle.state()).len();
                let width = usize::from(layout::inner(cx.body).width);
                let view = View {
                    lang: cx.lang,
                    theme: Theme { color: false },
                    zone: cx.clock.zone(),
                };
                let total = wrapped(record, &self.corrections, self.today, view, width).len();
                let page = layout::record_rows(cx.body, moves);
                redraw_if(self.scroll(step, total, page))
            }
            Action::Print => crate::tui::dialogs::print::offer(self.papers(), cx),
            Action::Choose(n) => match self.chosen(n) {
                Some(kind) if just_moved && move_data::one_key(kind) => {
                    cx.open(crate::tui::dialogs::Dialog::Ask(Ask::AnotherMove(kind)))
                }
                Some(kind) => move_data::begin(record, kind, cx),
                None => Effect::None,
            },
            _ => Effect::None,
        }
    }

    /// Scrolls by `step` through `total` rows of which `page` show; `true` when it moved.
    fn scroll(&mut self, step: Move, total: usize, page: usize) -> bool {
        // The last row shown is the "more below" mark while rows follow: a page moves by
        // one row less, so no row is jumped over.
        let next = scrolled(self.scroll, step, total, page, page.saturating_sub(1));
        let moved = next != self.scroll;
        self.scroll = next;
        moved
    }

    /// Whether the data may be corrected now: the formulary is still in the office.
    pub fn correctable(&self) -> bool {
        self.record()
            .is_some_and(|r| r.lifecycle.state().is_correctable())
    }

    /// The move digit `n` chooses, if any.
    pub fn chosen(&self, n: u8) -> Option<MoveKind> {
        let record = self.record()?;
        let moves = moves_from(record.lifecycle.state());
        usize::from(n)
            .checked_sub(1)
            .and_then(|i| moves.get(i))
            .copied()
    }

    /// M-40: the formulary came back for data that did not match or a wrong filling code,
    /// and has not been corrected since: a resend is offered the correction first.
    /// Corrections are stamped in UTC, moves in the office's time (`zone`).
    pub fn needs_correction(&self, zone: Tz) -> bool {
        let Some(record) = self.record() else {
            return false;
        };
        let returned = record.lifecycle.transitions().iter().rev().find(|t| {
            t.to == State::Returned
                && matches!(
                    t.event,
                    Event::Return {
                        reason: ReturnReason::DataMismatch | ReturnReason::WrongFillingCode
                    }
                )
        });
        let Some(returned) = returned else {
            return false;
        };
        let corrected_since = self.corrections.iter().any(|c| {
            chrono::DateTime::parse_from_rfc3339(&c.at)
                .map(|t| t.with_timezone(&zone).naive_local() >= returned.at)
                .unwrap_or(false)
        });
        record.lifecycle.state() == State::Returned && !corrected_since
    }
}
