//! The App's side of the Register tab: asking the register for pages, formularies, moves
//! and the day, and taking its answers; and what acts on its list of DSN applications.

use super::action::Action;
use super::app::{App, Dialog, Effect, Status};
use super::i18n::{Msg, conclusion_made, tr};
use super::register::{MoveData, PAGE_ROWS, choices, data_of, parse_filter};
use crate::domain::lifecycle::Transition;
use crate::domain::lifecycle::{Conclusion, Event, MoveKind, ReturnReason, VerificationGround};
use crate::store::{Cursor, DaySummary, Page, Query, Record};
use tui_input::{Input, InputRequest};

impl App {
    /// Reads again the list the Register tab shows: the formularies from their first page,
    /// or the DSN applications.
    pub(super) fn read_register_list(&mut self) -> Effect {
        if self.dsn_list_mode {
            Effect::DsnList
        } else {
            self.search(None)
        }
    }

    /// An action over the DSN applications; `None` for those that do the same over either
    /// list (the tabs, the help, Ctrl-T, quitting).
    pub(super) fn update_dsn_list(&mut self, action: &Action, had_status: bool) -> Option<Effect> {
        let changed = match action {
            Action::Select(step) => {
                // The list's frame takes a line above and below.
                let height = usize::from(Self::body(self.size).height.saturating_sub(2));
                self.dsn_list.select(*step, height)
            }
            // The formulary list's actions would open, search or count the hidden
            // formularies: their keys are not bound here (`Context::DsnList`), and sent
            // anyway they change nothing.
            Action::Confirm | Action::Edit(_) | Action::Day => false,
            _ => return None,
        };
        Some(if changed || had_status {
            Effect::Redraw
        } else {
            Effect::None
        })
    }

    /// Asks the register for the page of the filter line starting at `cursor`.
    pub(super) fn search(&mut self, cursor: Option<Cursor>) -> Effect {
        let mut query = parse_filter(self.register.filter(), PAGE_ROWS);
        query.after = cursor.clone();
        Effect::Search(Box::new(query), cursor)
    }

    /// The register's answer to [`Effect::Search`].
    pub fn page(&mut self, page: Result<Page, String>, cursor: Option<Cursor>) {
        self.register.show(page, cursor);
    }

    /// The query of the page of formularies the Register tab shows (its filter, from its
    /// cursor), to read it again once a move or a day's close changed the register under
    /// it; `None` while the tab shows the DSN applications.
    pub fn shown_query(&self) -> Option<Query> {
        if self.dsn_list_mode {
            return None;
        }
        let mut query = parse_filter(self.register.filter(), PAGE_ROWS);
        query.after = self.register.cursor().cloned();
        Some(query)
    }

    /// The register's answer to reading [`App::shown_query`] again: the same page with
    /// its rows as they are now, the same row chosen.
    pub fn page_again(&mut self, page: Result<Page, String>) {
        self.register.refresh(page);
    }

    /// The register's answer to [`Effect::Open`].
    pub fn record(&mut self, record: Result<Option<Record>, String>) {
        match record {
            Ok(Some(record)) => self.dialog = Some(Dialog::Record(Box::new(record))),
            Ok(None) => self.status = Some(Status::Msg(Msg::NothingFound)),
            Err(problem) => self.status = Some(Status::Text(problem)),
        }
    }

    /// The register's answer to [`Effect::Move`]: the move as recorded, or why it was
    /// refused. A refusal leaves the dialog the move was made from open, with what was
    /// typed in it, to correct and try again. A move made closes it; the runner then opens
    /// the formulary again ([`App::record`]) and reads the page again ([`App::shown_query`]).
    pub fn moved(&mut self, outcome: Result<Transition, String>) {
        let made = match outcome {
            Ok(made) => made,
            Err(problem) => {
                self.status = Some(Status::Text(problem));
                return;
            }
        };
        if matches!(
            self.dialog,
            Some(Dialog::Record(_) | Dialog::MoveData { .. })
        ) {
            self.dialog = None;
        }
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

    /// The register's answer to [`Effect::Day`] and [`Effect::CloseDay`].
    pub fn day(&mut self, day: Result<DaySummary, String>) {
        match day {
            Ok(day) => self.dialog = Some(Dialog::Day(Box::new(day))),
            Err(problem) => self.status = Some(Status::Text(problem)),
        }
    }

    /// A move chosen on an opened formulary: made at once, after asking its data, or,
    /// for a refusal, after a question.
    ///
    /// Which moves ask first is read off the transition table (`lifecycle::moves_from`).
    /// A move that asks data has its dialog, where Esc still goes back; of those that ask
    /// none, only the refusing conclusion ends the formulary's course: under_verification
    /// → cancelled, from which the table allows nothing but destroy, and the conclusion
    /// takes a number of the year's journal (M-16) that is not given back. So it asks
    /// first. The others are the regular course and leave the document to be made:
    /// register, send (the manufacturer may still return it, M-40), manufacture (issue
    /// follows) and the confirming conclusion (back to registered, M-16); one key each.
    /// `register::tests` checks this against the table.
    pub(super) fn begin_move(&mut self, record: Box<Record>, kind: MoveKind) -> Effect {
        match data_of(kind) {
            MoveData::None if kind == MoveKind::Refuse => {
                self.dialog = Some(Dialog::Refuse(record));
                Effect::Redraw
            }
            // The formulary stays open: the register's answer shows it moved, or says over
            // it why not.
            MoveData::None => self.move_now(&record.number, kind),
            _ => {
                // Empty, the coupon too: an issue is recorded by the number read off the
                // person's coupon (M-57), which the register then checks is this
                // formulary's; shown already typed, the check would be one Enter.
                self.dialog = Some(Dialog::MoveData {
                    record,
                    kind,
                    input: Input::default(),
                    choice: 0,
                });
                Effect::Redraw
            }
        }
    }

    /// `y` to the refusal's question: the refusal, with the formulary open again under
    /// the register's answer, as for a move made at once.
    pub(super) fn refuse(&mut self) -> Effect {
        let Some(Dialog::Refuse(record)) = self.dialog.take() else {
            return Effect::None;
        };
        let effect = self.move_now(&record.number, MoveKind::Refuse);
        self.dialog = Some(Dialog::Record(record));
        effect
    }

    /// The move `kind`, which needs no data, of formulary `number`.
    fn move_now(&self, number: &str, kind: MoveKind) -> Effect {
        let event = match kind {
            MoveKind::Confirm | MoveKind::Refuse => {
                // A blank number takes the year's next number in the journal (M-16).
                let conclusion = Conclusion {
                    number: String::new(),
                    date: self.session.today,
                };
                if kind == MoveKind::Confirm {
                    Event::Confirm { conclusion }
                } else {
                    Event::Refuse { conclusion }
                }
            }
            MoveKind::Send => Event::Send,
            MoveKind::Manufacture => Event::Manufacture,
            _ => Event::Register,
        };
        Effect::Move {
            number: number.to_string(),
            event: Box::new(event),
        }
    }

    pub(super) fn edit_move_data(&mut self, request: InputRequest) -> Effect {
        let Some(Dialog::MoveData {
            kind,
            input,
            choice,
            ..
        }) = self.dialog.as_mut()
        else {
            return Effect::None;
        };
        let options = choices(*kind).len();
        if options > 0 {
            *choice = match request {
                InputRequest::GoToNextChar => (*choice + 1) % options,
                InputRequest::GoToPrevChar => (*choice + options - 1) % options,
                _ => return Effect::None,
            };
            return Effect::Redraw;
        }
        if input.handle(request).is_some() {
            Effect::Redraw
        } else {
            Effect::None
        }
    }

    /// Enter in a move's dialog: the move with what was typed or chosen. The dialog stays
    /// open until the register's answer, so a refusal leaves the typed text to correct.
    pub(super) fn finish_move(&mut self) -> Effect {
        let Some(Dialog::MoveData {
            record,
            kind,
            input,
            choice,
        }) = self.dialog.as_ref()
        else {
            return Effect::None;
        };
        let (kind, choice) = (*kind, *choice);
        let text = input.value().trim().to_string();
        let event = match kind {
            MoveKind::Return => ReturnReason::ALL
                .get(choice)
                .map(|r| Event::Return { reason: *r }),
            MoveKind::StartVerification => VerificationGround::ALL
                .get(choice)
                .map(|g| Event::StartVerification { ground: *g }),
            _ if text.is_empty() => None,
            MoveKind::Cancel => Some(Event::Cancel { reason: text }),
            MoveKind::Spoil => Some(Event::Spoil { reason: text }),
            MoveKind::Resend => Some(Event::Resend { correction: text }),
            MoveKind::Destroy => Some(Event::Destroy { act_number: text }),
            MoveKind::Issue => Some(Event::Issue { coupon: text }),
            _ => None,
        };
        match event {
            Some(event) => Effect::Move {
                number: record.number.clone(),
                event: Box::new(event),
            },
            None => {
                // Nothing typed yet: keep asking, and say so.
                self.status = Some(Status::Text(tr(self.lang, Msg::NeedText).to_string()));
                Effect::Redraw
            }
        }
    }
}
