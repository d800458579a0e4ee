//! End of day: what a day's registrations come to.

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
        // One pass over the day's rows, counted here: five passes (four GROUP BYs and the
        // list) took most of the summary's time at a million formularies.
        let sql = format!(
            "SELECT {ROW_COLUMNS}, region_code, district_code, clerk FROM formularies
             WHERE registered_on = ?1 ORDER BY id"
        );
        let mut statement = self.conn.prepare(&sql).map_err(&sqlite)?;
        let found = statement
            .query_map([&day], |r| {
                let (_, found) = row(r)?;
                let place = format!("{} {}", r.get::<_, String>(9)?, r.get::<_, String>(10)?);
                Ok((found, place, r.get::<_, String>(11)?))
            })
            .map_err(&sqlite)?;
        let mut by_status = BTreeMap::new();
        let mut by_filling_code = BTreeMap::new();
        let mut by_district = BTreeMap::new();
        let mut by_clerk = BTreeMap::new();
        let mut formularies = Vec::new();
        for found in found {
            let (found, place, clerk) = found.map_err(&sqlite)?;
            let found = found.ok_or_else(|| self.damaged("register row"))?;
            *by_status.entry(found.status).or_insert(0) += 1;
            *by_filling_code
                .entry(found.filling_code.clone())
                .or_insert(0) += 1;
            *by_district.entry(place).or_insert(0) += 1;
            *by_clerk.entry(clerk).or_insert(0) += 1;
            formularies.push(found);
        }
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
