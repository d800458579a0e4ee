//! The runner's side of the register: carries out the App's effects on the register file
//! and hands the answers back, typed (`app::Problem`: sealed, busy, stale…) and in the
//! clerk's language. The only part of the workstation that reads or writes the register;
//! each effect is one named step below.

use super::super::app::{App, Effect, Problem, ProblemKind};
use crate::domain::Lang;
use crate::domain::formulary::Formulary;
use crate::domain::lifecycle::{Event, LifecycleError};
use crate::i18n::store::{dsn_error, move_refusal, store_error};
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
    /// This session's hold on the clerk's draft (issue 11): kept while the session lives.
    draft_lock: Option<crate::store::DraftLock>,
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
        Self {
            store,
            lang,
            clock,
            draft_lock: None,
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
            Err(_) => {}
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
            Effect::Day(date) => app.day(store.day_summary(date).map_err(problem)),
            Effect::Journal(year) => app.journal(year, store.journal(Some(year)).map_err(problem)),
            Effect::CloseDay(date) => {
                // Issue 15: an office that requires signed closes closes from the command
                // line (`kense day close --sign`, the agent signs); the problem says how.
                // Settings that cannot be read now refuse the close: an office that
                // requires signatures must not get an unsigned close from a half-edited file.
                match crate::office::Settings::load() {
                    Err(e) => app.problem(Problem::new(ProblemKind::Other, e.to_string())),
                    Ok(s) if s.signing.requires(date) => {
                        app.problem(problem(StoreError::SignatureRequired { date }));
                    }
                    Ok(_) => {
                        if let Err(e) = store.close_day(date) {
                            app.problem(problem(e));
                        }
                    }
                }
                app.day(store.day_summary(date).map_err(problem));
                read_page_again(store, app, lang);
            }
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

/// Registers a formulary by the register's clock (the session's), refused when the clock is
/// behind the register (set back, issue 14); its draft is forgotten after, and a draft that
/// could not be forgotten is tried again (`App::draft_discarded`), so the registered
/// formulary never comes back as a draft inviting a second registration.
fn register(store: &mut Store, app: &mut App, formulary: &Formulary, lang: Lang) {
    match store.register_formulary_now(formulary) {
        Ok(done) => {
            app.registered(Ok((done.number, done.coupon)));
            // The draft is another session's when this one does not hold it (issue 11).
            if app.holds_draft() {
                app.draft_discarded(store.discard_draft().is_ok());
            }
        }
        Err(StoreError::Invalid(violations)) => {
            let text = violations
                .iter()
                .take(2)
                .map(|v| {
                    let field = crate::i18n::paths::path_label(lang, &v.field, Some(formulary));
                    format!("{field}: {} [{}]", v.message.get(lang), v.rule)
                })
                .collect::<Vec<_>>()
                .join("; ");
            app.registered(Err(Problem::new(ProblemKind::Other, text)));
        }
        Err(e) => app.registered(Err(Problem::new(kind_of(&e), store_error(&e).get(lang)))),
    }
}

/// Makes a move by the register's clock (the session's), with the checks of the rules: the
/// issued document's own number (M-57), the conclusion and protocol on the reverse side
/// before a send (M-16), a clock set back refused. Made: the formulary as it is now, and the
/// list behind it read again. Refused because another clerk moved it first: the same, so the
/// clerk sees what changed instead of the old state.
fn make_move(
    store: &mut Store,
    app: &mut App,
    number: &str,
    event: Event,
    details: &MoveDetails,
    lang: Lang,
) {
    // Said with the field and the rule of the move's data it is about.
    let refusal = |e: &StoreError| Problem::new(kind_of(e), move_refusal(e, &event).get(lang));
    let outcome = store.move_formulary_now(number, event.clone(), None, details);
    let (reread, stale) = match outcome {
        Ok(made) => {
            app.moved(Ok(made));
            (true, false)
        }
        Err(e) => {
            let problem = refusal(&e);
            let stale = problem.kind == ProblemKind::Stale;
            app.moved(Err(problem));
            (stale, stale)
        }
    };
    if reread {
        show_record(store, app, number, lang);
        read_page_again(store, app, lang);
    }
    if stale {
        app.changed_meanwhile();
    }
}

/// Reads formulary `number` with its corrections for the record screen.
fn show_record(store: &Store, app: &mut App, number: &str, lang: Lang) {
    let problem = |e: StoreError| Problem::new(kind_of(&e), store_error(&e).get(lang));
    let found = store.formulary(number).map_err(problem);
    let exists = matches!(found, Ok(Some(_)));
    app.record(found);
    if exists {
        app.corrections(store.corrections(number).map_err(problem));
    }
}

/// Reads again the page of formularies the Register tab shows, once the register changed
/// under it: the same filter from the same cursor.
fn read_page_again(store: &Store, app: &mut App, lang: Lang) {
    if let Some(query) = app.shown_query() {
        let page = store.search(&query);
        let problem = |e: StoreError| Problem::new(kind_of(&e), store_error(&e).get(lang));
        app.page_again(page.map_err(problem));
    }
}

mod dsn_desk;
mod steps;

use steps::{file_dsn, issue_details};

#[cfg(test)]
mod answers_tests;
#[cfg(test)]
mod child_iin_tests;
#[cfg(test)]
mod dsn_desk_tests;
#[cfg(test)]
mod held_tests;
#[cfg(test)]
mod known_tests;
#[cfg(test)]
mod moves_tests;
#[cfg(test)]
mod record_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Sex;
    use crate::office::Clock;
    use crate::store::{Clerk, Location};
    use crate::tui::app::Session;
    use crate::tui::ui::theme::Theme;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::layout::Rect;

    fn screen(app: &App) -> String {
        let mut terminal =
            Terminal::new(TestBackend::new(80, 24)).unwrap_or_else(|e| panic!("{e}"));
        terminal
            .draw(|frame| app.draw(frame))
            .unwrap_or_else(|e| panic!("{e}"));
        let buffer = terminal.backend().buffer();
        buffer.content().iter().map(|cell| cell.symbol()).collect()
    }

    /// A refusal of the register reads in the workstation's language, not in the
    /// store's English (a closed day refusing a child's IIN, M-12.a).
    #[test]
    fn the_register_refuses_in_the_clerks_language() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let location = Location::create_if_missing(dir.path().join("register.sqlite"));
        let open = || {
            let clerk = Clerk::new("aigul").unwrap_or_else(|e| panic!("{e}"));
            Store::open(&location, clerk).unwrap_or_else(|e| panic!("{e}"))
        };
        let today = Clock::default().today();
        open().close_day(today).unwrap_or_else(|e| panic!("{e}"));
        let born = today - chrono::Days::new(30);
        for (lang, said) in [
            (Lang::Ru, "закрыт: его записи изменить нельзя"),
            (Lang::Kk, "күні жабық"),
            (Lang::En, "is closed: its records cannot be changed"),
        ] {
            let session = Session {
                clerk: "aigul".into(),
                clock: Clock::default(),
            };
            let mut app = App::new(
                lang,
                Theme { color: false },
                Rect::new(0, 0, 80, 24),
                session,
            );
            let mut register = StoreLink::new(Ok(open()), lang, Clock::default());
            register.perform(&mut app, Effect::GenerateIin(born, Sex::Female));
            let shown = screen(&app);
            assert!(shown.contains(said), "{lang:?}: {shown}");
        }
    }

    /// Without a register, the workstation says why in its own language too.
    #[test]
    fn a_missing_register_is_explained_in_the_clerks_language() {
        let path = std::path::PathBuf::from("/nonexistent/kense/register.sqlite");
        let register = StoreLink::new(
            Err(StoreError::Missing { path }),
            Lang::Kk,
            Clock::default(),
        );
        let said = register.missing().map(|p| p.text).unwrap_or_default();
        assert!(said.contains("тізілімі табылмады"), "{said}");
    }
}
