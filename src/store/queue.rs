//! What waits on the office (issue 12), found by index: the formularies in a waiting state
//! through `formularies_waiting (status, status_since)` and the DSN results not handed
//! over through `dsn_applications_waiting`. The queue reads as many rows as it lists,
//! never the register (`tests/queue.rs` checks the plans); `domain::queue` dates them.

use super::{Store, StoreError};
use crate::domain::queue::{OfficeTerms, QueueItem, Waiting, queue, sent_overdue_through};
use chrono::NaiveDate;

/// The statements the queue runs, each on its index (named for the plan test).
pub const QUEUE_SQL: [&str; 3] = [
    "SELECT number, status_since FROM formularies
     WHERE status = ?1 AND status_since IS NOT NULL",
    "SELECT number, status_since FROM formularies
     WHERE status = 'sent' AND status_since < ?1",
    "SELECT id, registered_on FROM dsn_applications WHERE handed_over_on IS NULL",
];

fn day_of(moment: &str) -> Option<NaiveDate> {
    moment.get(..10).and_then(|d| d.parse().ok())
}

impl Store {
    /// Everything waiting on the office on `today`, undated (see [`Store::work_queue`]).
    pub fn waiting(
        &self,
        today: NaiveDate,
        terms: OfficeTerms,
    ) -> Result<Vec<Waiting>, StoreError> {
        let sqlite = self.sqlite_fn();
        let mut all = Vec::new();
        let rows = |sql: &str, param: &str| -> Result<Vec<(String, NaiveDate)>, StoreError> {
            let mut statement = self.conn.prepare_cached(sql).map_err(&sqlite)?;
            let found = statement
                .query_map([param], |r| {
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
        };
        for (state, make) in [
            (
                "under_verification",
                make_verification as fn(String, NaiveDate) -> Waiting,
            ),
            ("returned", |number, since| Waiting::Returned {
                number,
                since,
            }),
            ("manufactured", |number, since| Waiting::Manufactured {
                number,
                since,
            }),
        ] {
            for (number, since) in rows(QUEUE_SQL[0], state)? {
                all.push(make(number, since));
            }
        }
        // Sent on the cutoff day or before: past the office's term (K-SENT).
        if let Some(through) = sent_overdue_through(today, terms).and_then(|d| d.succ_opt()) {
            for (number, since) in rows(QUEUE_SQL[1], &through.to_string())? {
                all.push(Waiting::Sent { number, since });
            }
        }
        let mut statement = self.conn.prepare_cached(QUEUE_SQL[2]).map_err(&sqlite)?;
        let found = statement
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .map_err(&sqlite)?;
        for row in found {
            let (id, registered_on) = row.map_err(&sqlite)?;
            let since = day_of(&registered_on).ok_or_else(|| self.damaged("DSN date"))?;
            all.push(Waiting::DsnResult { id, since });
        }
        Ok(all)
    }

    /// The work queue on `today`: every item with its due date in working days, overdue
    /// first (`domain::queue::queue`).
    pub fn work_queue(
        &self,
        today: NaiveDate,
        terms: OfficeTerms,
    ) -> Result<Vec<QueueItem>, StoreError> {
        Ok(queue(&self.waiting(today, terms)?, today, terms))
    }
}

fn make_verification(number: String, since: NaiveDate) -> Waiting {
    Waiting::Verification { number, since }
}
