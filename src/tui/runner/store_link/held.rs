//! Issue 11, the runner's side of taking over the clerk's draft: a session that found the
//! draft held by another session of the same clerk tries the lock again on a quiet tick
//! (once a second for the first minute, then every ten seconds), and once it holds it reads
//! the draft again from the register (the other session may have saved it since) and
//! hands it to the App, which decides whether it may go on the form (`app/held.rs`). The
//! register is read only when the App would take it (`App::can_take_draft`).

use super::StoreLink;
use crate::store::DraftHold;
use crate::tui::app::App;
use std::time::{Duration, Instant};

/// How often a session waiting for the draft tries its lock, or reads the draft it may
/// take: the lock file lies beside the register, often on a shared mount.
const RETRY: Duration = Duration::from_secs(1);
/// How often once the other session has lived on for [`PATIENT_AFTER`]: a clerk may keep
/// a session open all day.
const RETRY_LATER: Duration = Duration::from_secs(10);
const PATIENT_AFTER: Duration = Duration::from_secs(60);

/// When this session waits for the draft: since when, and when it last tried.
#[derive(Default)]
pub struct DraftWait {
    since: Option<Instant>,
    tried: Option<Instant>,
}

impl DraftWait {
    /// Whether it is time (`now`) for another try of the lock; if so, the try is counted.
    pub(super) fn lock_due(&mut self, now: Instant) -> bool {
        let since = *self.since.get_or_insert(now);
        let every = if now.duration_since(since) < PATIENT_AFTER {
            RETRY
        } else {
            RETRY_LATER
        };
        self.due(every, now)
    }

    /// Whether `every` has passed since the last try; if so, this one (`now`) is counted.
    pub(super) fn due(&mut self, every: Duration, now: Instant) -> bool {
        if self.tried.is_some_and(|at| now.duration_since(at) < every) {
            return false;
        }
        self.tried = Some(now);
        true
    }
}

impl StoreLink {
    /// A quiet moment of a session waiting for the clerk's draft: whether the other
    /// session let it go, and if so the draft handed over. `true` when something is to be
    /// drawn.
    pub fn take_over_draft(&mut self, app: &mut App) -> bool {
        if !app.waits_for_draft() {
            return false;
        }
        let Ok(store) = &self.store else {
            return false;
        };
        let held_before = self.draft_lock.is_some();
        if !held_before {
            if !self.draft_wait.lock_due(Instant::now()) {
                return false;
            }
            match store.hold_draft(std::process::id(), self.clock.office_time()) {
                Ok(DraftHold::Mine(lock)) => self.draft_lock = Some(lock),
                // Still held, or the lock cannot be told now: tried again later. Once held
                // here it stays held, so no third session takes it while the clerk
                // finishes the form in front of them.
                Ok(DraftHold::Other(_)) | Err(_) => return false,
            }
        }
        // The App would refuse it now (a question open, the form occupied and the clerk
        // told): the register is not read for nothing.
        if !app.can_take_draft() {
            return false;
        }
        if held_before && !self.draft_wait.due(RETRY, Instant::now()) {
            return false;
        }
        match store.load_draft() {
            Ok(stored) => app.draft_handed_over(stored.as_ref()),
            // Not read (the register busy): nothing is put on the form that a later save
            // would write over the draft with; tried again.
            Err(_) => false,
        }
    }
}
