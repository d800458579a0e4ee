//! The office's clock of one command (issue 14): the time zone of the office's settings,
//! never the host's or the clerk's `TZ`.
//!
//! Tests fix the clock with `KENSE_NOW` (an RFC 3339 instant, `2026-12-07T18:45:00Z` or
//! `2026-12-07T23:45:00+05:00`), read only by debug builds (`cargo test`'s binary): a
//! release build, the one clerks run, ignores it, so no one can date a record by hand.

use crate::office::{Clock, Settings};

/// The environment variable that fixes the clock of a debug build.
pub const NOW_ENV: &str = "KENSE_NOW";

/// The clock of this command: the office's zone from its settings, running; in a debug
/// build fixed at `KENSE_NOW` when that is set. The error names the file or the variable.
pub fn office_clock() -> Result<Clock, String> {
    let settings = Settings::load().map_err(|e| e.to_string())?;
    let zone = settings.office.time_zone;
    if cfg!(debug_assertions)
        && let Some(text) = std::env::var_os(NOW_ENV).filter(|v| !v.is_empty())
    {
        let text = text.to_string_lossy();
        return chrono::DateTime::parse_from_rfc3339(text.trim())
            .map(|at| Clock::fixed(zone, at.to_utc()))
            .map_err(|e| format!("{NOW_ENV}: not an RFC 3339 instant: {e}"));
    }
    Ok(Clock::new(zone))
}
