//! End of day: what a day's registrations come to.

use super::records::from_key;
use super::search::{ROW_COLUMNS, RegisterRow, row};
use super::{DayClose, Store, StoreError};
use crate::domain::lifecycle::State;
use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use serde::Serialize;
use std::collections::BTreeMap;

/// The formularies registered on one day: how many, counted four ways, and the list.
/// Statuses are today's: a formulary registered that day and sent since counts as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DaySummary {
    pub date: NaiveDate,
    pub total: u64,
    pub by_status: BTreeMap<State, u64>,
    pub by_filling_code: BTreeMap<String, u64>,
    /// Keyed by region and district code, `"1902 402"` (M-App2).
    pub by_district: BTreeMap<String, u64>,
    /// Keyed by the clerk who registered.
    pub by_clerk: BTreeMap<String, u64>,
    /// The day's formularies in the order they were registered.
    pub formularies: Vec<RegisterRow>,
    /// The day's close, when it is closed (sealed).
    pub closed: Option<DayClose>,
}

impl Store {
    /// The summary of the formularies registered on `date`.
    pub fn day_summary(&self, date: NaiveDate) -> Result<DaySummary, StoreError> {
        let sqlite = self.sqlite_fn();
        let day = date.to_string();
        let count = |group: &str| -> Result<BTreeMap<String, u64>, StoreError> {
            let sql = format!(
                "SELECT {group}, COUNT(*) FROM formularies WHERE registered_on = ?1 GROUP BY 1"
            );
            let mut statement = self.conn.prepare(&sql).map_err(&sqlite)?;
            let rows = statement
                .query_map([&day], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
                })
                .map_err(&sqlite)?;
            rows.map(|r| r.map(|(k, n)| (k, u64::try_from(n).unwrap_or(0))))
                .collect::<Result<_, _>>()
                .map_err(&sqlite)
        };
        let mut by_status = BTreeMap::new();
        for (name, n) in count("status")? {
            let state: State = from_key(&name).ok_or_else(|| self.damaged("status"))?;
            by_status.insert(state, n);
        }
        let by_filling_code = count("filling_code")?;
        let by_district = count("region_code || ' ' || district_code")?;
        let by_clerk = count("clerk")?;
        let sql =
            format!("SELECT {ROW_COLUMNS} FROM formularies WHERE registered_on = ?1 ORDER BY id");
        let mut statement = self.conn.prepare(&sql).map_err(&sqlite)?;
        let found = statement
            .query_map([&day], row)
            .map_err(&sqlite)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(&sqlite)?;
        let formularies = found
            .into_iter()
            .map(|(_, r)| r.ok_or_else(|| self.damaged("register row")))
            .collect::<Result<Vec<_>, _>>()?;
        let closed = self
            .conn
            .query_row(
                "SELECT closed_at, clerk, audit_hash, audit_id FROM day_closes WHERE date = ?1",
                [&day],
                |r| {
                    Ok(DayClose {
                        date,
                        closed_at: r.get(0)?,
                        clerk: r.get(1)?,
                        audit_hash: r.get(2)?,
                        audit_id: r.get(3)?,
                    })
                },
            )
            .optional()
            .map_err(&sqlite)?;
        Ok(DaySummary {
            date,
            total: u64::try_from(formularies.len()).unwrap_or(u64::MAX),
            by_status,
            by_filling_code,
            by_district,
            by_clerk,
            formularies,
            closed,
        })
    }
}
