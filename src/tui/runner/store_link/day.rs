//! The runner's steps of issue 12: who the workstation's account is to the register (at
//! start), this workstation's session (written at start and on a quiet tick, removed at
//! exit, so that closing a day names the workstations open), the change check on a quiet
//! tick (another clerk wrote: the screen showing is read again and says so), and the
//! reads of the day screen, the close question and the work queue.

use super::{StoreLink, kind_of};
use crate::domain::queue::OfficeTerms;
use crate::i18n::day::DayWord;
use crate::i18n::store::store_error;
use crate::i18n::{Msg, tr};
use crate::store::{Role, Store, StoreError};
use crate::tui::app::{Access, App, Effect, Problem, Sealed};
use crate::tui::screens::day::DayRead;
use chrono::NaiveDate;
use std::time::{Duration, Instant};

/// How often a quiet workstation tells the register it is still open: well within
/// `store::STALE_AFTER_MINUTES`.
const HEARTBEAT: Duration = Duration::from_secs(60);
/// How often a quiet workstation looks whether another clerk wrote.
const CHANGE_CHECK: Duration = Duration::from_secs(1);
/// The work queue's rows of each kind (the longest waiting): a screenful and more.
pub(super) const QUEUE_LIMIT: u32 = 100;

/// The watch kept over the register between quiet ticks.
pub(super) struct Watch {
    /// The office's terms of the work queue.
    terms: OfficeTerms,
    /// This workstation's process, its session's key.
    pid: u32,
    /// Where the audit chain stood when the screens were last read.
    pub(super) mark: Option<crate::store::ChangeMark>,
    pub(super) checked: Option<Instant>,
    pub(super) seen: Option<Instant>,
}

/// What `account` is to the register: staff (a head or not), or an account that reads only
/// (said why, in `lang`); unknown when the register could not say (busy).
fn access(store: &mut Store, lang: crate::domain::Lang) -> Access {
    match store.admit() {
        Ok(member) => Access::Staff {
            head: member.role == Role::Head,
        },
        Err(e @ (StoreError::NotStaff { .. } | StoreError::NoAccount { .. })) => {
            let why = store_error(&e);
            Access::ReadOnly(format!(
                "{}: {}",
                tr(lang, Msg::Day(DayWord::ReadOnly)),
                why.get(lang)
            ))
        }
        Err(_) => Access::Unknown,
    }
}

/// The day's review and who registered what when.
pub(super) fn read_day(
    store: &Store,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<DayRead, StoreError> {
    Ok(DayRead {
        review: store.day_review(date, today)?,
        registrations: store.day_registrations(date)?,
    })
}

/// What closing a day seals beyond the day's own rows: the drafts, the workstations open,
/// what waits on the office.
pub(super) fn sealed(
    store: &Store,
    today: NaiveDate,
    terms: OfficeTerms,
) -> Result<Sealed, StoreError> {
    let queue = store.work_queue(today, terms, 1)?;
    Ok(Sealed {
        drafts: store.drafts_held()?.into_iter().map(|d| d.clerk).collect(),
        workstations: store
            .open_sessions()?
            .into_iter()
            .map(|s| s.account)
            .collect(),
        waiting: queue.waiting.values().sum(),
        overdue: queue.overdue,
    })
}

impl Default for Watch {
    fn default() -> Self {
        let settings = crate::office::Settings::default();
        Self {
            terms: OfficeTerms {
                sent_back_within: settings.queue.sent_back_within_working_days,
            },
            pid: std::process::id(),
            mark: None,
            checked: None,
            seen: None,
        }
    }
}

impl StoreLink {
    /// The office's terms of the work queue (its settings).
    pub fn with_terms(mut self, terms: OfficeTerms) -> Self {
        self.watch.terms = terms;
        self
    }

    /// At start: whether the account may write, this workstation recorded as open, the
    /// overdue items for the tab bar, and where the register stands.
    pub fn begin(&mut self, app: &mut App) {
        let (lang, pid) = (self.lang, self.watch.pid);
        let Ok(store) = self.store.as_mut() else {
            return;
        };
        app.admitted(access(store, lang));
        // A register this account cannot write to (its file's mode) still opens to read.
        let _ = store.session_seen(pid);
        self.watch.seen = Some(Instant::now());
        self.watch.mark = store.change_mark().ok();
        self.count_overdue(app);
    }

    /// At exit: this workstation is no longer open.
    pub fn end(&mut self) {
        let pid = self.watch.pid;
        if let Ok(store) = self.store.as_mut() {
            let _ = store.session_ended(pid);
        }
    }

    /// The overdue items of the work queue, for the tab bar.
    pub(super) fn count_overdue(&self, app: &mut App) {
        if let Ok(store) = &self.store {
            let queue = store.work_queue(self.clock.today(), self.watch.terms, 1);
            app.overdue_counted(queue.ok().map(|q| q.overdue));
        }
    }

    /// A quiet moment: still open (now and then), and whether the register changed since
    /// the screens were read. Changed, the overdue count and the screen showing are read
    /// again, and a change by another clerk is said; `true` when something is to be drawn.
    pub fn quiet(&mut self, app: &mut App) -> bool {
        let pid = self.watch.pid;
        let Ok(store) = self.store.as_mut() else {
            return false;
        };
        let due = |at: Option<Instant>, every: Duration| at.is_none_or(|t| t.elapsed() >= every);
        if due(self.watch.seen, HEARTBEAT) {
            let _ = store.session_seen(pid);
            self.watch.seen = Some(Instant::now());
        }
        if !due(self.watch.checked, CHANGE_CHECK) {
            return false;
        }
        self.watch.checked = Some(Instant::now());
        let Ok(now) = store.change_mark() else {
            return false;
        };
        let Some(before) = self.watch.mark.replace(now).filter(|b| *b != now) else {
            return false;
        };
        let by_others = store.written_by_others_since(before).unwrap_or(true);
        self.count_overdue(app);
        if let Some(effect) = app.rereads() {
            self.perform(app, effect);
            if by_others {
                app.read_again();
            }
        }
        true
    }

    /// The work queue, or the register's problem with it.
    pub(super) fn queue(&self, store: &Store) -> Result<crate::store::WorkQueue, Problem> {
        store
            .work_queue(self.clock.today(), self.watch.terms, QUEUE_LIMIT)
            .map_err(|e| Problem::new(kind_of(&e), store_error(&e).get(self.lang)))
    }

    /// Carries out the day screen's and the queue's effects (`None`: not one of them).
    pub(super) fn perform_day(&mut self, app: &mut App, effect: &Effect) -> Option<()> {
        let (lang, today, terms) = (self.lang, self.clock.today(), self.watch.terms);
        let problem = |e: StoreError| Problem::new(kind_of(&e), store_error(&e).get(lang));
        let store = self.store.as_mut().ok()?;
        match effect {
            Effect::Day(date) => app.day(read_day(store, *date, today).map_err(problem)),
            Effect::AskCloseDay(date) => {
                app.close_question(*date, sealed(store, today, terms).map_err(problem));
            }
            Effect::CloseDay(date) => {
                // Issue 15: an office that requires signed closes closes from the command
                // line (`kense day close --sign`); settings that cannot be read now refuse
                // the close. Refused otherwise (a non-head, an earlier day still open): the
                // register's reason.
                let closed = match crate::office::Settings::load() {
                    Err(e) => Err(Problem::new(
                        crate::tui::app::ProblemKind::Other,
                        e.to_string(),
                    )),
                    Ok(s) if s.signing.requires(*date) => {
                        Err(problem(StoreError::SignatureRequired { date: *date }))
                    }
                    Ok(_) => store.close_day(*date).map(|_| ()).map_err(problem),
                };
                if let Err(refused) = closed {
                    app.problem(refused);
                }
                app.day(read_day(store, *date, today).map_err(problem));
                super::records::read_page_again(store, app, lang);
            }
            Effect::Queue => {
                let store = self.store.as_ref().ok()?;
                app.queue(self.queue(store));
            }
            _ => return None,
        }
        Some(())
    }
}

/// The office's terms of the work queue from its settings (the defaults when they cannot
/// be read: the CLI said why at start).
pub fn office_terms() -> OfficeTerms {
    let settings = crate::office::Settings::load().unwrap_or_default();
    OfficeTerms {
        sent_back_within: settings.queue.sent_back_within_working_days,
    }
}
