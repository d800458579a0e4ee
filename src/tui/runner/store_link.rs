//! The runner's side of the register: carries out the App's effects on the register file
//! and hands the answers back, typed (`app::Problem`: sealed, busy, stale…) and in the
//! clerk's language. The only part of the workstation that reads or writes the register;
//! each effect is one named step below.

use super::super::app::{App, Effect, Problem, ProblemKind};
use crate::domain::Lang;
use crate::domain::lifecycle::{Event, LifecycleError};
use crate::i18n::store::{dsn_error, store_error};
use crate::i18n::{Msg, tr};
use crate::office::Clock;
use crate::store::dsn::ListFilter;
use crate::store::{DraftHold, MoveDetails, Store, StoreError};

/// The register the workstation works on, or why there is none (the screens still work;
/// what needs the register says so).
pub struct StoreLink {
    store: Result<Store, StoreError>,
    lang: Lang,
    /// The session's clock, the App's too: what is written is dated as the clerk saw.
    clock: Clock,
    /// The watch over the register of issue 12 (the queue's terms, this session).
    watch: day::Watch,
    /// Papers on their way (issue 13).
    printer: super::printer::Printer,
    /// This session's hold on the clerk's draft (issue 11): kept while the session lives.
    draft_lock: Option<crate::store::DraftLock>,
    /// This session's wait for the draft another session held (issue 11).
    draft_wait: held::DraftWait,
}

/// What the event loop does after an effect.
pub enum Next {
    Nothing,
    Redraw,
    Quit,
}

/// The kind of a register error, as far as the workstation acts on it.
fn kind_of(error: &StoreError) -> ProblemKind {
    match error {
        StoreError::DaySealed { .. } | StoreError::DayAlreadyClosed { .. } => ProblemKind::Sealed,
        StoreError::Locked { .. } => ProblemKind::Busy,
        // Another clerk moved it first: the move is no longer one its state allows.
        StoreError::Move(LifecycleError::Illegal(_)) | StoreError::NotCorrectable { .. } => {
            ProblemKind::Stale
        }
        _ => ProblemKind::Other,
    }
}

impl StoreLink {
    pub fn new(store: Result<Store, StoreError>, lang: Lang, clock: Clock) -> Self {
        let printer = super::printer::Printer::plain(lang);
        Self {
            store,
            lang,
            clock,
            watch: day::Watch::default(),
            printer,
            draft_lock: None,
            draft_wait: held::DraftWait::default(),
        }
    }

    /// Brings back the clerk's draft, if one was left.
    pub fn restore_draft(&mut self, app: &mut App) {
        if self.store.is_err() {
            app.drafts_not_kept();
        }
        let Ok(store) = &self.store else {
            return;
        };
        // Issue 11: a second session of this clerk is told which holds the draft, and
        // writes none; a hold that cannot be taken at all leaves drafts as they were.
        let started = self.clock.office_time();
        match store.hold_draft(std::process::id(), started) {
            Ok(DraftHold::Other(holder)) => {
                let draft = store.load_draft().ok().flatten();
                app.draft_held(holder, draft.as_ref());
                return;
            }
            Ok(DraftHold::Mine(lock)) => self.draft_lock = Some(lock),
            // Not knowing whether another session fills the draft, this one writes none
            // (an NFS without locks, a directory in the lock's place).
            Err(e) => {
                app.draft_lock_failed(&e.to_string());
                return;
            }
        }
        if let Ok(Some(draft)) = store.load_draft() {
            app.restore_draft(&draft);
        }
    }

    /// Why there is no register, when there is none.
    fn missing(&self) -> Option<Problem> {
        let why = self.store.as_ref().err()?;
        let text = format!(
            "{}: {}",
            tr(self.lang, Msg::NoRegister),
            store_error(why).get(self.lang)
        );
        Some(Problem::new(ProblemKind::Unavailable, text))
    }

    /// Carries out one effect; effects that touch the terminal stay with the caller.
    pub fn perform(&mut self, app: &mut App, effect: Effect) -> Next {
        match effect {
            Effect::None | Effect::Copy(_) => return Next::Nothing,
            Effect::Redraw => return Next::Redraw,
            Effect::Quit => return Next::Quit,
            _ => {}
        }
        if let Some(missing) = self.missing() {
            return Self::without_register(app, effect, missing);
        }
        if self.perform_day(app, &effect).is_some() {
            return Next::Redraw;
        }
        let Ok(store) = self.store.as_mut() else {
            return Next::Nothing;
        };
        let (lang, clock) = (self.lang, self.clock);
        let problem = |e: StoreError| Problem::new(kind_of(&e), store_error(&e).get(lang));
        match effect {
            Effect::SaveDraft(draft) => {
                // A draft that cannot be kept is said, and tried again at the next tick.
                if let Err(e) = store.save_draft(&draft) {
                    app.draft_not_kept(problem(e));
                    return Next::Redraw;
                }
                return Next::Nothing;
            }
            Effect::DiscardDraft => app.draft_discarded(store.discard_draft().is_ok()),
            Effect::Register(formulary) => register(store, app, &formulary, lang),
            Effect::Search(query, cursor) => {
                app.page(store.search(&query).map_err(problem), cursor)
            }
            Effect::Known { iin, except } => {
                let known = store.known(&iin, except.as_deref()).and_then(|known| {
                    // Only a new formulary is filled; a correction keeps its own data.
                    let prefill = match except {
                        Some(_) => None,
                        None => store.prefill(&iin)?,
                    };
                    Ok((known, prefill))
                });
                app.known_person(&iin, except.as_deref(), known.map_err(problem));
            }
            Effect::DsnApply(application) => {
                let filed = file_dsn(store, &application, clock, lang);
                app.dsn_filed(filed);
            }
            Effect::DsnList => {
                let list = store.dsn_list(&ListFilter::default(), clock.today());
                let list =
                    list.map_err(|e| Problem::new(ProblemKind::Other, dsn_error(&e).get(lang)));
                app.dsn_list(list);
            }
            Effect::GenerateIin(born, sex) => {
                let iin = store
                    .generate_iin(born, sex)
                    .map(|done| done.iin.to_string());
                app.generated(iin.map_err(problem));
            }
            Effect::GenerateChildIin(born, sex, basis) => {
                let generated = store.generate_iin_for(born, sex, Some(&basis));
                let iin = generated.map(|done| done.iin.to_string());
                // M-12.a: a record ИС ЗАГС did not have is a request to РАГС, its term as
                // the register computed it for the work queue.
                let due = iin.as_ref().ok().and_then(|iin| {
                    let open = store.registry_requests().ok()?;
                    open.into_iter().find(|r| &r.iin == iin).map(|r| r.due)
                });
                app.generated_for_child(iin.map_err(problem), due);
            }
            Effect::Open(number) => show_record(store, app, &number, lang),
            Effect::Correct { number, formulary } => {
                let corrected = store.correct_formulary(&number, &formulary, clock.today());
                let saved = corrected.is_ok();
                app.corrected(corrected.map(|_| ()).map_err(problem));
                if saved {
                    show_record(store, app, &number, lang);
                    read_page_again(store, app, lang);
                }
            }
            Effect::Move { number, event } => {
                make_move(store, app, &number, *event, &MoveDetails::default(), lang)
            }
            Effect::MoveWith {
                number,
                event,
                details,
            } => make_move(store, app, &number, *event, &details, lang),
            Effect::Issue {
                number,
                coupon,
                document,
            } => match issue_details(store, &number, &document, lang) {
                Ok(details) => {
                    let event = Event::Issue { coupon };
                    make_move(store, app, &number, event, &details, lang);
                }
                Err(problem) => app.moved(Err(problem)),
            },
            // Carried out by `perform_day` above.
            Effect::Day(_) | Effect::AskCloseDay(_) | Effect::CloseDay(_) | Effect::Queue => {}
            Effect::Journal(year) => app.journal(year, store.journal(Some(year)).map_err(problem)),
            Effect::Print(request) => self.printer.start(store, app, request),
            Effect::DsnOpen(_)
            | Effect::DsnHandOver(_)
            | Effect::DsnTaxpayer(_)
            | Effect::DsnAddTaxpayer(_)
            | Effect::DsnCodeNames(_) => dsn_desk::perform(store, app, effect, clock, lang),
            Effect::None | Effect::Redraw | Effect::Copy(_) | Effect::Quit => {}
        }
        Next::Redraw
    }

    /// Without a register: what needed one says why; the rest goes on.
    fn without_register(app: &mut App, effect: Effect, missing: Problem) -> Next {
        match effect {
            Effect::Move { .. } => app.moved(Err(missing)),
            Effect::DsnList => app.dsn_list(Err(missing)),
            Effect::Journal(year) => app.journal(year, Err(missing)),
            Effect::Search(_, cursor) => app.page(Err(missing), cursor),
            Effect::Day(_) => app.day(Err(missing)),
            Effect::Queue => app.queue(Err(missing)),
            // Nothing to keep a draft in: the quit question must not promise one.
            Effect::SaveDraft(_) | Effect::DiscardDraft => return Next::Nothing,
            // Lookups that only add to what is shown: nothing to add, nothing to say; the
            // key that asked is still drawn.
            Effect::DsnTaxpayer(_) | Effect::DsnCodeNames(_) => {}
            Effect::DsnAddTaxpayer(_) => app.dsn_taxpayer_added(Err(missing)),
            _ => app.problem(missing),
        }
        Next::Redraw
    }
}

mod day;
mod dsn_desk;
mod held;
mod printing;
mod records;
mod steps;

pub use day::office_terms;

use records::{make_move, read_page_again, register, show_record};
use steps::{file_dsn, issue_details};

#[cfg(test)]
mod answers_tests;
#[cfg(test)]
mod child_iin_tests;
#[cfg(test)]
mod day_tests;
#[cfg(test)]
mod dsn_desk_tests;
#[cfg(test)]
mod held_tests;
#[cfg(test)]
mod held_wait_tests;
#[cfg(test)]
mod known_tests;
#[cfg(test)]
mod moves_tests;
#[cfg(test)]
mod print_tests;
#[cfg(test)]
mod record_tests;

#[cfg(test)]
mod tests;
