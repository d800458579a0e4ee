//! What the workstation needs to watch the register while a clerk works (issue 12): which
//! workstations are open on it (closing a day names them), whether another clerk wrote
//! since the screens were read (a cheap check on a quiet tick), and who registered the
//! day's formularies when (the day screen's rows).
//!
//! A workstation's session is a row (account, pid, started, seen), written at start and on
//! a quiet tick, removed at exit; one not seen for [`STALE_AFTER_MINUTES`] is taken as gone
//! (a workstation killed, a server restarted). Sessions say who works, not what was done:
//! they are not audited, so they neither grow the chain nor read as another clerk's write.

use super::ops::now;
use super::{Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params;

/// Minutes after its last sign of life a workstation counts as gone.
pub const STALE_AFTER_MINUTES: i64 = 5;

/// The schema's version after the signed closes' (issue 12): the open workstations.
pub(super) const SCHEMA: &str = r#"
CREATE TABLE sessions (
    account TEXT NOT NULL,
    pid     INTEGER NOT NULL,
    started TEXT NOT NULL,
    seen    TEXT NOT NULL,
    PRIMARY KEY (account, pid)
) STRICT;
"#;

/// An open workstation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OpenSession {
    pub account: String,
    pub pid: u32,
    /// UTC, as [`now`] writes it.
    pub started: String,
    pub seen: String,
}

/// Where the register's audit chain stood, to tell later whether another clerk wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeMark(i64);

/// One of the day's registrations: which formulary, when (office time), by whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    pub number: String,
    /// Office time, `YYYY-MM-DDTHH:MM:SS`.
    pub at: String,
    pub clerk: String,
}

/// Drafts are saved on every quiet moment while a clerk types: they change no record of
/// the register, so they are not "another clerk wrote".
const NOT_A_WRITE: &str = "('draft_saved', 'draft_discarded')";

impl Store {
    /// Records this workstation (`pid`) as open, or as still open. No staff check: a
    /// workstation that only reads is open on the register all the same.
    pub fn session_seen(&mut self, pid: u32) -> Result<(), StoreError> {
        let sqlite = self.sqlite_fn();
        let (at, account) = (now(&self.clock), self.clerk.as_str().to_string());
        let tx = self.begin()?;
        tx.execute(
            "INSERT INTO sessions (account, pid, started, seen) VALUES (?1, ?2, ?3, ?3)
             ON CONFLICT (account, pid) DO UPDATE SET seen = excluded.seen",
            params![account, pid, at],
        )
        .map_err(&sqlite)?;
        tx.commit().map_err(&sqlite)
    }

    /// This workstation (`pid`) is closing.
    pub fn session_ended(&mut self, pid: u32) -> Result<(), StoreError> {
        let sqlite = self.sqlite_fn();
        let account = self.clerk.as_str().to_string();
        let tx = self.begin()?;
        tx.execute(
            "DELETE FROM sessions WHERE account = ?1 AND pid = ?2",
            params![account, pid],
        )
        .map_err(&sqlite)?;
        tx.commit().map_err(&sqlite)
    }

    /// The workstations seen within [`STALE_AFTER_MINUTES`], by account. A `seen` this
    /// kense cannot read counts as open: better named once too often than missed.
    pub fn open_sessions(&self) -> Result<Vec<OpenSession>, StoreError> {
        let sqlite = self.sqlite_fn();
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT account, pid, started, seen FROM sessions ORDER BY account, pid",
            )
            .map_err(&sqlite)?;
        let rows = statement
            .query_map([], |r| {
                Ok(OpenSession {
                    account: r.get(0)?,
                    pid: r.get(1)?,
                    started: r.get(2)?,
                    seen: r.get(3)?,
                })
            })
            .map_err(&sqlite)?;
        let now = self.clock.now().with_timezone(&Utc);
        let fresh = |s: &OpenSession| {
            DateTime::parse_from_rfc3339(&s.seen).map_or(true, |seen| {
                (now - seen.with_timezone(&Utc)).num_minutes() < STALE_AFTER_MINUTES
            })
        };
        let mut open = Vec::new();
        for row in rows {
            let session = row.map_err(&sqlite)?;
            if fresh(&session) {
                open.push(session);
            }
        }
        Ok(open)
    }

    /// Where the audit chain stands now: its last entry, found on the rowid (one page).
    pub fn change_mark(&self) -> Result<ChangeMark, StoreError> {
        let id: Option<i64> = self
            .conn
            .query_row("SELECT MAX(id) FROM audit_log", [], |r| r.get(0))
            .map_err(self.sqlite_fn())?;
        Ok(ChangeMark(id.unwrap_or(0)))
    }

    /// Whether an account other than this store's clerk changed a record of the register
    /// after `mark` (drafts aside), read on the rowid from `mark` on.
    pub fn written_by_others_since(&self, mark: ChangeMark) -> Result<bool, StoreError> {
        let sql = format!(
            "SELECT EXISTS (SELECT 1 FROM audit_log WHERE id > ?1 AND clerk <> ?2
             AND action NOT IN {NOT_A_WRITE})"
        );
        self.conn
            .query_row(&sql, params![mark.0, self.clerk.as_str()], |r| r.get(0))
            .map_err(self.sqlite_fn())
    }

    /// The day's registrations, in the order they were made (the `transitions_at` index).
    pub fn day_registrations(&self, date: NaiveDate) -> Result<Vec<Registration>, StoreError> {
        let sqlite = self.sqlite_fn();
        let next = date
            .succ_opt()
            .map_or_else(|| "9999".into(), |d| d.to_string());
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT f.number, t.at, t.clerk
                 FROM transitions t JOIN formularies f ON f.id = t.formulary_id
                 WHERE t.at >= ?1 AND t.at < ?2 AND t.from_state = 'draft'
                 ORDER BY t.at, t.formulary_id",
            )
            .map_err(&sqlite)?;
        let rows = statement
            .query_map(params![date.to_string(), next], |r| {
                Ok(Registration {
                    number: r.get(0)?,
                    at: r.get(1)?,
                    clerk: r.get(2)?,
                })
            })
            .map_err(&sqlite)?;
        rows.collect::<Result<_, _>>().map_err(&sqlite)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::formulary::Formulary;
    use crate::office::Clock;
    use crate::store::{Clerk, Location};

    fn at(minute: u32) -> Clock {
        let local = NaiveDate::from_ymd_opt(2026, 11, 20)
            .and_then(|d| d.and_hms_opt(10, minute, 0))
            .unwrap_or_else(|| panic!("time"));
        Clock::at_office_time(chrono_tz::Asia::Almaty, local)
    }

    fn open(location: &Location, account: &str, clock: Clock) -> Store {
        let clerk = Clerk::new(account).unwrap_or_else(|e| panic!("{e}"));
        Store::open(location, clerk)
            .unwrap_or_else(|e| panic!("{e}"))
            .with_clock(clock)
    }

    /// A workstation is open from its start until it ends, or until it has not been seen
    /// for five minutes (killed, the server restarted).
    #[test]
    fn a_session_is_open_until_it_ends_or_goes_stale() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let location = Location::create_if_missing(dir.path().join("register.sqlite"));
        let accounts = |store: &Store| -> Vec<(String, u32)> {
            let open = store.open_sessions().unwrap_or_else(|e| panic!("{e}"));
            open.into_iter().map(|s| (s.account, s.pid)).collect()
        };
        let mut aigul = open(&location, "aigul", at(0));
        aigul.session_seen(1).unwrap_or_else(|e| panic!("{e}"));
        aigul.session_seen(2).unwrap_or_else(|e| panic!("{e}"));
        let mut later = open(&location, "aigul", at(4));
        later.session_seen(2).unwrap_or_else(|e| panic!("{e}"));
        let two = vec![("aigul".to_string(), 1), ("aigul".to_string(), 2)];
        assert_eq!(accounts(&later), two);
        // Five minutes after pid 1 was last seen; pid 2 was seen a minute later.
        let stale = open(&location, "aigul", at(5));
        assert_eq!(accounts(&stale), vec![("aigul".to_string(), 2)]);
        later.session_ended(2).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(accounts(&later), vec![("aigul".to_string(), 1)]);
    }

    /// The change check: a record written by another account is seen; a draft saved, a
    /// session's heartbeat, or the clerk's own write is not another clerk's write.
    #[test]
    fn another_clerks_write_is_seen_and_drafts_are_not() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let location = Location::create_if_missing(dir.path().join("register.sqlite"));
        let mut aigul = open(&location, "aigul", at(0));
        let example = Formulary::example("18").unwrap_or_else(|| panic!("example"));
        aigul.save_draft(&example).unwrap_or_else(|e| panic!("{e}"));
        let mark = aigul.change_mark().unwrap_or_else(|e| panic!("{e}"));
        let mut boris = open(&location, "boris", at(1));
        let member = Clerk::new("boris").unwrap_or_else(|e| panic!("{e}"));
        aigul
            .add_staff(&member, "БОРИСОВ Б. Б.", crate::store::Role::Clerk)
            .unwrap_or_else(|e| panic!("{e}"));
        let after_own = aigul.change_mark().unwrap_or_else(|e| panic!("{e}"));
        assert_ne!(after_own, mark);
        let others = |store: &Store, mark| store.written_by_others_since(mark);
        assert_eq!(others(&aigul, mark).ok(), Some(false), "its own write");
        boris.save_draft(&example).unwrap_or_else(|e| panic!("{e}"));
        boris.session_seen(7).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            others(&aigul, after_own).ok(),
            Some(false),
            "a draft, a session"
        );
        boris
            .register_formulary(
                &example,
                NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default(),
            )
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            others(&aigul, after_own).ok(),
            Some(true),
            "boris registered"
        );
    }
}
