//! Issue 11, the runner's side of taking over the clerk's draft: a session that found the
//! draft held by another session of the same clerk tries the lock again on a quiet tick
//! (at most once a second), and once it holds it reads the draft again from the register
//! (the other session may have saved it since) and hands it to the App, which decides
//! whether it may go on the form (`app/held.rs`).

use super::StoreLink;
use crate::store::DraftHold;
use crate::tui::app::App;
use std::time::Duration;

/// How often a session waiting for the draft tries its lock: the lock file lies beside
/// the register, often on a shared mount.
const RETRY: Duration = Duration::from_secs(1);

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
        if self.draft_tried.is_some_and(|at| at.elapsed() < RETRY) {
            return false;
        }
        self.draft_tried = Some(std::time::Instant::now());
        if self.draft_lock.is_none() {
            match store.hold_draft(std::process::id(), self.clock.office_time()) {
                Ok(DraftHold::Mine(lock)) => self.draft_lock = Some(lock),
                // Still held, or the lock cannot be told now: tried again later. Once held
                // here it stays held, so no third session takes it while the clerk
                // finishes the form in front of them.
                Ok(DraftHold::Other(_)) | Err(_) => return false,
            }
        }
        match store.load_draft() {
            Ok(stored) => app.draft_handed_over(stored.as_ref()),
            // Not read (the register busy): nothing is put on the form that a later save
            // would write over the draft with; tried again.
            Err(_) => false,
        }
    }
}
