//! The register's answers to the Register tab's effects: a page of formularies, an opened
//! formulary, a move made or refused, the day's summary.

use super::{App, Problem, ProblemKind, Status};
use crate::domain::lifecycle::{Event, Transition};
use crate::i18n::{Msg, conclusion_made};
use crate::store::{Correction, Cursor, DaySummary, Page, Query, Record};
use crate::tui::dialogs::Dialog;
use crate::tui::screens::Screen;

impl App {
    /// The register's answer to [`super::Effect::Search`].
    pub fn page(&mut self, page: Result<Page, Problem>, cursor: Option<Cursor>) {
        self.screens
            .formularies
            .show(page.map_err(|p| p.text), cursor);
    }

    /// The query of the page of formularies the Register tab shows (its filter, from its
    /// cursor), to read it again once a move or a day's close changed the register under
    /// it; `None` while the tab shows the DSN applications.
    pub fn shown_query(&self) -> Option<Query> {
        if self.last_of_tab[super::tab_index(crate::tui::action::Tab::Register)] == Screen::DsnList
        {
            return None;
        }
        Some(self.screens.formularies.shown_query())
    }

    /// The register's answer to reading [`App::shown_query`] again: the same page with
    /// its rows as they are now, the same row chosen.
    pub fn page_again(&mut self, page: Result<Page, Problem>) {
        self.screens.formularies.refresh(page.map_err(|p| p.text));
    }

    /// The register's answer to [`super::Effect::Open`]: the formulary, in full on its
    /// screen; after a move or a correction, as it is now.
    pub fn record(&mut self, record: Result<Option<Record>, Problem>) {
        match record {
            Ok(Some(record)) => {
                let today = self.session.clock.today();
                // Read again after a move or a correction, it goes back where it went.
                if !matches!(self.screen, Screen::Record | Screen::Correction) {
                    self.screens.record.opened_from(self.screen);
                }
                self.screens.record.show(record, today);
                self.go(Screen::Record);
            }
            Ok(None) => self.status = Some(Status::Msg(Msg::NothingFound)),
            Err(problem) => self.problem(problem),
        }
    }

    /// After a move refused because another clerk moved the formulary first, and the
    /// formulary read again: the status says what it is now and who moved it when (issue 11),
    /// instead of only that the move is not allowed.
    pub fn changed_meanwhile(&mut self) {
        let last = self.screens.record.record();
        if let Some(last) = last.and_then(|r| r.lifecycle.transitions().last()) {
            self.status = Some(Status::Text(crate::i18n::changed_meanwhile(
                self.lang, last,
            )));
        }
    }

    /// The register's answer to [`super::Effect::Journal`].
    pub fn journal(&mut self, year: i32, lines: Result<Vec<crate::store::JournalLine>, Problem>) {
        self.screens.journal.show(year, lines.map_err(|p| p.text));
    }

    /// The register's answer to [`super::Effect::Open`], second part: the formulary's
    /// corrections (a failure to read them leaves the record without them, said).
    pub fn corrections(&mut self, corrections: Result<Vec<Correction>, Problem>) {
        match corrections {
            Ok(corrections) => self.screens.record.show_corrections(corrections),
            Err(problem) => self.problem(problem),
        }
    }

    /// The register's answer to [`super::Effect::Correct`]: saved (the runner then shows the
    /// formulary as it is now), or why not, over the correction that stays as typed.
    pub fn corrected(&mut self, outcome: Result<(), Problem>) {
        match outcome {
            Ok(()) => self.status = Some(Status::Msg(Msg::Corrected)),
            Err(problem) => self.problem(problem),
        }
    }

    /// The register's answer to [`super::Effect::Move`]: the move as recorded, or why it was
    /// refused. A refusal leaves the dialog the move was made from open, with what was
    /// typed in it, to correct and try again; a refusal because another clerk moved the
    /// formulary first closes it, and the runner shows the formulary as it is now
    /// ([`App::record`]). A move made closes the dialog; the runner then reads the formulary
    /// and the page again ([`App::shown_query`]).
    pub fn moved(&mut self, outcome: Result<Transition, Problem>) {
        let made = match outcome {
            Ok(made) => made,
            Err(problem) => {
                if problem.kind == ProblemKind::Stale {
                    self.dialog = None;
                    // The formulary is shown as it is now, its digits meaning other moves: a
                    // digit pressed twice must not make one of them unasked.
                    self.screens.record.moved();
                } else if matches!(self.dialog, Some(Dialog::EndMove { .. }))
                    && let Some(Dialog::EndMove {
                        number,
                        kind,
                        input,
                        ..
                    }) = self.dialog.take()
                {
                    // Back to the move's dialog with what was typed, to correct it.
                    self.dialog = Some(Dialog::MoveData {
                        number,
                        kind,
                        input,
                        choice: 0,
                    });
                }
                self.problem(problem);
                return;
            }
        };
        if matches!(
            self.dialog,
            Some(
                Dialog::MoveData { .. }
                    | Dialog::Refuse { .. }
                    | Dialog::EndMove { .. }
                    | Dialog::IssueDocument { .. }
            )
        ) {
            self.dialog = None;
        }
        self.screens.record.moved();
        // M-16: the journal gave the conclusion its number; the clerk writes it and the
        // date on the reverse side of the formulary.
        self.status = Some(match made.event.conclusion() {
            Some(conclusion) => {
                let refused = matches!(made.event, Event::Refuse { .. });
                Status::Text(conclusion_made(self.lang, refused, conclusion))
            }
            None => Status::Msg(Msg::Done),
        });
    }

    /// The register's answer to [`super::Effect::Day`] and [`super::Effect::CloseDay`].
    pub fn day(&mut self, day: Result<DaySummary, Problem>) {
        match day {
            Ok(day) => self.dialog = Some(Dialog::Day(Box::new(day))),
            Err(problem) => self.problem(problem),
        }
    }
}
