//! What waits on the office (issue 12), found by index: the formularies in a waiting state
//! through `formularies_waiting (status, status_since)` and the DSN results not handed
//! over through `dsn_applications_waiting`. Each kind is read oldest first and at most
//! `limit` rows of it, and counted on the same index, so the queue costs what it shows,
//! never a walk of the register (`tests/day_queue.rs` checks the plans); `domain::queue`
//! dates and orders what is read.

use super::{Store, StoreError};
use crate::domain::queue::{
    ItemKind, OfficeTerms, QueueItem, Waiting, m16_overdue_through, queue, sent_overdue_through,
};
use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;
use std::collections::BTreeMap;

/// The statements the queue runs, each on its index (for the plan test). `?1` is a state
/// or a day, `?2` the limit.
pub const QUEUE_SQL: [&str; 8] = [
    "SELECT number, status_since FROM formularies
     WHERE status = ?1 AND status_since IS NOT NULL ORDER BY status_since LIMIT ?2",
    "SELECT COUNT(*) FROM formularies WHERE status = ?1",
    "SELECT number, status_since FROM formularies
     WHERE status = 'sent' AND status_since < ?1 ORDER BY status_since LIMIT ?2",
    "SELECT COUNT(*) FROM formularies WHERE status = 'sent' AND status_since < ?1",
    "SELECT CAST(id AS TEXT), registered_on FROM dsn_applications
     WHERE handed_over_on IS NULL ORDER BY due_on LIMIT ?2",
    "SELECT COUNT(*) FROM dsn_applications WHERE handed_over_on IS NULL",
    "SELECT COUNT(*) FROM dsn_applications WHERE handed_over_on IS NULL AND due_on < ?1",
    "SELECT COUNT(*) FROM formularies
     WHERE status = 'under_verification' AND status_since < ?1",
];

/// The work queue of a day (the queue screen's and `kense queue`'s).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkQueue {
    pub today: NaiveDate,
    /// Overdue first; at most `limit` of each kind, the longest waiting.
    pub items: Vec<QueueItem>,
    /// How many wait, of each kind (also those past the limit).
    pub waiting: BTreeMap<ItemKind, u64>,
    /// How many are overdue (for the tab bar): the M-16 conclusions past their day, every
    /// sent one past the office's term, the DSN results past their day (counted on the
    /// indexes, also past the limit), the M-12.a requests and the DSN results asked back
    /// past theirs.
    pub overdue: u64,
}

fn day_of(moment: &str) -> Option<NaiveDate> {
    moment.get(..10).and_then(|d| d.parse().ok())
}

impl Store {
    fn count(&self, sql: &str, param: &str) -> Result<u64, StoreError> {
        let sqlite = self.sqlite_fn();
        let mut statement = self.conn.prepare_cached(sql).map_err(&sqlite)?;
        let n: i64 = if sql.contains("?1") {
            statement.query_row([param], |r| r.get(0))
        } else {
            statement.query_row([], |r| r.get(0))
        }
        .map_err(&sqlite)?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    fn oldest(
        &self,
        sql: &str,
        param: &str,
        limit: u32,
    ) -> Result<Vec<(String, NaiveDate)>, StoreError> {
        let sqlite = self.sqlite_fn();
        let mut statement = self.conn.prepare_cached(sql).map_err(&sqlite)?;
        let found = statement
            .query_map(params![param, limit], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(&sqlite)?;
        let mut out = Vec::new();
        for row in found {
            let (number, since) = row.map_err(&sqlite)?;
            let since = day_of(&since).ok_or_else(|| self.damaged("status date"))?;
            out.push((number, since));
        }
        Ok(out)
    }

    /// The work queue on `today` (office time): see [`WorkQueue`]. `limit` bounds the rows
    /// read of each kind (oldest first), and so the time the queue takes.
    pub fn work_queue(
        &self,
        today: NaiveDate,
        terms: OfficeTerms,
        limit: u32,
    ) -> Result<WorkQueue, StoreError> {
        let mut all = Vec::new();
        let mut waiting = BTreeMap::new();
        type Make = fn(String, NaiveDate) -> Waiting;
        let kinds: [(&str, ItemKind, Make); 3] = [
            (
                "under_verification",
                ItemKind::M16Verification,
                |number, since| Waiting::Verification { number, since },
            ),
            ("returned", ItemKind::M40Returned, |number, since| {
                Waiting::Returned { number, since }
            }),
            ("manufactured", ItemKind::Manufactured, |number, since| {
                Waiting::Manufactured { number, since }
            }),
        ];
        for (state, kind, make) in kinds {
            waiting.insert(kind, self.count(QUEUE_SQL[1], state)?);
            for (number, since) in self.oldest(QUEUE_SQL[0], state, limit)? {
                all.push(make(number, since));
            }
        }
        // Sent on the cut-off day or before: past the office's term (K-SENT).
        let mut overdue = 0;
        if let Some(through) = sent_overdue_through(today, terms).and_then(|d| d.succ_opt()) {
            let before = through.to_string();
            let sent = self.count(QUEUE_SQL[3], &before)?;
            waiting.insert(ItemKind::SentNotBack, sent);
            overdue += sent;
            for (number, since) in self.oldest(QUEUE_SQL[2], &before, limit)? {
                all.push(Waiting::Sent { number, since });
            }
        }
        waiting.insert(ItemKind::D6Result, self.count(QUEUE_SQL[5], "")?);
        overdue += self.count(QUEUE_SQL[6], &today.to_string())?;
        for (id, since) in self.oldest(QUEUE_SQL[4], "", limit)? {
            let id = id.parse().map_err(|_| self.damaged("DSN application"))?;
            all.push(Waiting::DsnResult { id, since });
        }
        // M-16: started on the cut-off day or before, the conclusion is overdue.
        if let Some(through) = m16_overdue_through(today).and_then(|d| d.succ_opt()) {
            overdue += self.count(QUEUE_SQL[7], &through.to_string())?;
        }
        // M-12.a requests and D-6 results asked back: few, read whole (issue 14's lists).
        let requests = self.registry_requests()?;
        waiting.insert(ItemKind::M12aRequest, requests.len() as u64);
        for r in requests {
            all.push(Waiting::RegistryRequest {
                iin: r.iin,
                since: r.applied_on,
            });
        }
        let asked = self.dsn_open_requests().map_err(|e| match e {
            super::dsn::DsnError::Store(e) => e,
            other => StoreError::Sqlite {
                path: self.path.clone(),
                message: other.to_string(),
            },
        })?;
        waiting.insert(ItemKind::D6AskedBack, asked.len() as u64);
        for r in asked {
            all.push(Waiting::DsnAskedBack {
                id: r.id,
                since: r.requested_on,
            });
        }
        let items = queue(&all, today, terms);
        overdue += items
            .iter()
            .filter(|i| {
                i.overdue && matches!(i.kind, ItemKind::M12aRequest | ItemKind::D6AskedBack)
            })
            .count() as u64;
        Ok(WorkQueue {
            today,
            items,
            waiting,
            overdue,
        })
    }
}
