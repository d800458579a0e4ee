//! The work queue (issue 12): everything that waits on the office, each with its due date
//! in working days of Kazakhstan (`data/calendar.csv`), overdue first. Pure: the store
//! finds what waits (by index), this module dates and orders it.
//!
//! - M-16: a formulary under verification: the verification ends within 3 working days of
//!   its start, the conclusion (approved by a head) within 2 working days after that. The
//!   register records the start and the conclusion, not the end of the verification, so
//!   the item is at the verification stage until its due date, then at the conclusion
//!   stage; it is overdue once the conclusion's date has passed.
//! - M-40: a returned formulary waits for correction and resend (no term in the Rules).
//! - Sent and not back after the number of working days the office sets
//!   (`[queue] sent_back_within_working_days`, a term of the office, not of the Rules):
//!   only those past it wait on the office (to ask after them).
//! - A manufactured document waits for the citizen (M-56): how long, no term.
//! - D-6: a DSN application's result is due one working day after its registration and
//!   waits until it is handed over to the front office; a result asked back from the
//!   provider is due back one working day after the request.
//! - M-12.a: the request to the civil registry (РАГС) for a missing birth record, within
//!   two working days of the parent's application.

use super::calendar::{
    CalendarError, add_working_days, covered_years, m12a_registry_request_due, m16_due,
};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// What waits on the office, as the register finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Waiting {
    /// M-16: under verification since `since` (the day it started).
    Verification { number: String, since: NaiveDate },
    /// M-40: returned on `since`, waiting for correction and resend.
    Returned { number: String, since: NaiveDate },
    /// Sent on `since` and not back.
    Sent { number: String, since: NaiveDate },
    /// Manufactured on `since`, waiting for the citizen (M-56).
    Manufactured { number: String, since: NaiveDate },
    /// D-6: DSN application `id` registered on `since`, result not handed over.
    DsnResult { id: i64, since: NaiveDate },
    /// D-6: DSN application `id`'s result asked back from the provider on `since`.
    DsnAskedBack { id: i64, since: NaiveDate },
    /// M-12.a: the request to РАГС for the birth record of the child `iin`, whose parent
    /// applied on `since`.
    RegistryRequest { iin: String, since: NaiveDate },
}

/// Which kind of item, with its stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// M-16, before the verification's due date.
    M16Verification,
    /// M-16, after the verification's due date: the conclusion is due.
    M16Conclusion,
    M40Returned,
    SentNotBack,
    Manufactured,
    D6Result,
    D6AskedBack,
    M12aRequest,
}

impl ItemKind {
    /// The rule the item's term comes from.
    pub fn rule(self) -> &'static str {
        match self {
            ItemKind::M16Verification | ItemKind::M16Conclusion => "M-16",
            ItemKind::M40Returned => "M-40",
            ItemKind::SentNotBack => "K-SENT",
            ItemKind::Manufactured => "M-56",
            ItemKind::D6Result | ItemKind::D6AskedBack => "D-6",
            ItemKind::M12aRequest => "M-12.a",
        }
    }
}

/// One item of the queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QueueItem {
    pub kind: ItemKind,
    /// The registration number, or the DSN application's number.
    pub subject: String,
    /// Since when it waits (the move's day; a DSN application's registration day).
    pub since: NaiveDate,
    /// The due date of the current stage; `None` when the Rules set no term.
    pub due: Option<NaiveDate>,
    /// M-16 only: the verification's and the conclusion's due dates.
    pub verification_due: Option<NaiveDate>,
    pub conclusion_due: Option<NaiveDate>,
    pub overdue: bool,
    /// Calendar days since `since`.
    pub days_waiting: i64,
    pub rule: &'static str,
    /// Why no due date could be computed (a date outside the calendar's years).
    pub problem: Option<String>,
}

/// The office's terms the Rules leave to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfficeTerms {
    /// Working days after sending after which a formulary not back waits on the office.
    pub sent_back_within: u32,
}

/// D-6: a DSN result is due one working day after registration.
const D6_PROCESSING_DAYS: u32 = 1;
/// D-6: a result asked back from the provider is sent back within one (working) day.
const D6_SEND_BACK_DAYS: u32 = 1;

/// Whether a term that cannot be dated is to be taken as overdue: a start before the
/// calendar's first year lies years back, past every term of the Rules (at most a few
/// weeks); one after its last year cannot be judged.
fn undated_overdue(start: NaiveDate) -> bool {
    start.year() < *covered_years().start()
}

/// Dates one waiting item on `today`.
pub fn item(waiting: &Waiting, today: NaiveDate, terms: OfficeTerms) -> QueueItem {
    let (kind, subject, since) = match waiting {
        Waiting::Verification { number, since } => (ItemKind::M16Verification, number, since),
        Waiting::Returned { number, since } => (ItemKind::M40Returned, number, since),
        Waiting::Sent { number, since } => (ItemKind::SentNotBack, number, since),
        Waiting::Manufactured { number, since } => (ItemKind::Manufactured, number, since),
        Waiting::DsnResult { id, since } => {
            return dated(
                ItemKind::D6Result,
                id.to_string(),
                *since,
                today,
                add_working_days(*since, D6_PROCESSING_DAYS).map(|d| (d, None)),
            );
        }
        Waiting::DsnAskedBack { id, since } => {
            return dated(
                ItemKind::D6AskedBack,
                id.to_string(),
                *since,
                today,
                add_working_days(*since, D6_SEND_BACK_DAYS).map(|d| (d, None)),
            );
        }
        Waiting::RegistryRequest { iin, since } => {
            return dated(
                ItemKind::M12aRequest,
                iin.clone(),
                *since,
                today,
                m12a_registry_request_due(*since).map(|d| (d, None)),
            );
        }
    };
    let subject = subject.clone();
    let since = *since;
    match kind {
        ItemKind::M16Verification => {
            let due = m16_due(since).map(|d| (d.verification_due, Some(d.conclusion_due)));
            let mut item = dated(kind, subject, since, today, due);
            if let (Some(v), Some(c)) = (item.verification_due, item.conclusion_due)
                && today > v
            {
                item.kind = ItemKind::M16Conclusion;
                item.due = Some(c);
            }
            item.overdue = item.due.map_or(item.overdue, |due| due < today);
            item
        }
        ItemKind::SentNotBack => dated(
            kind,
            subject,
            since,
            today,
            add_working_days(since, terms.sent_back_within).map(|d| (d, None)),
        ),
        _ => QueueItem {
            kind,
            subject,
            since,
            due: None,
            verification_due: None,
            conclusion_due: None,
            overdue: false,
            days_waiting: (today - since).num_days(),
            rule: kind.rule(),
            problem: None,
        },
    }
}

fn dated(
    kind: ItemKind,
    subject: String,
    since: NaiveDate,
    today: NaiveDate,
    due: Result<(NaiveDate, Option<NaiveDate>), CalendarError>,
) -> QueueItem {
    let (due, second, problem) = match due {
        Ok((d, second)) => (Some(d), second, None),
        Err(e) => (None, None, Some(e.to_string())),
    };
    let m16 = matches!(kind, ItemKind::M16Verification | ItemKind::M16Conclusion);
    QueueItem {
        kind,
        subject,
        since,
        due,
        verification_due: if m16 { due } else { None },
        conclusion_due: second,
        overdue: due.map_or_else(|| undated_overdue(since), |d| d < today),
        days_waiting: (today - since).num_days(),
        rule: kind.rule(),
        problem,
    }
}

/// The queue on `today`: every item dated, overdue first (the longest overdue first), then
/// by due date, then the items without a term, longest waiting first.
pub fn queue(waiting: &[Waiting], today: NaiveDate, terms: OfficeTerms) -> Vec<QueueItem> {
    let mut items: Vec<QueueItem> = waiting.iter().map(|w| item(w, today, terms)).collect();
    items.sort_by(|a, b| {
        (!a.overdue, a.due.is_none(), a.due, a.since, &a.subject).cmp(&(
            !b.overdue,
            b.due.is_none(),
            b.due,
            b.since,
            &b.subject,
        ))
    });
    items
}

/// The latest day a formulary may have been sent on to be past the office's term today:
/// sent on that day or before, it is not back within `terms.sent_back_within` working
/// days. The store asks its index for the formularies sent up to this day only. `None`
/// when the calendar cannot tell (today outside its years).
pub fn sent_overdue_through(today: NaiveDate, terms: OfficeTerms) -> Option<NaiveDate> {
    overdue_through(today, terms.sent_back_within)
}

/// M-16: the latest day a verification may have started on to have its conclusion overdue
/// today (3 working days, then 2: the conclusion is due 5 working days after the start).
pub fn m16_overdue_through(today: NaiveDate) -> Option<NaiveDate> {
    overdue_through(today, M16_TOTAL_DAYS)
}

/// The working days from an M-16 verification's start to its conclusion's due date.
const M16_TOTAL_DAYS: u32 = 5;

/// The latest start day whose term of `n` working days ended before `today`.
fn overdue_through(today: NaiveDate, n: u32) -> Option<NaiveDate> {
    // Due dates only move forward with the start day, so walk back from yesterday to the
    // first start whose due date is before today; a term of n working days spans at most
    // n weeks and the longest run of days off in the calendar.
    let mut day = today.pred_opt()?;
    for _ in 0..(n * 7 + 30) {
        match add_working_days(day, n) {
            Ok(due) if due < today => return Some(day),
            Ok(_) => day = day.pred_opt()?,
            // Before the calendar's first year: every such day is past any term.
            Err(_) if undated_overdue(day) => return Some(day),
            Err(_) => return None,
        }
    }
    Some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_else(|| panic!("{y}-{m}-{day}"))
    }

    const TERMS: OfficeTerms = OfficeTerms {
        sent_back_within: 10,
    };

    #[test]
    fn overdue_comes_first_then_by_due_date_then_untermed() {
        let today = d(2026, 3, 2);
        let waiting = vec![
            Waiting::Manufactured {
                number: "2026-0000001".into(),
                since: d(2026, 2, 1),
            },
            Waiting::Verification {
                number: "2026-0000002".into(),
                since: d(2026, 2, 27),
            },
            Waiting::Verification {
                number: "2026-0000003".into(),
                since: d(2026, 2, 2),
            },
        ];
        let q = queue(&waiting, today, TERMS);
        let order: Vec<&str> = q.iter().map(|i| i.subject.as_str()).collect();
        assert_eq!(order, ["2026-0000003", "2026-0000002", "2026-0000001"]);
        assert!(q[0].overdue && !q[1].overdue && !q[2].overdue);
        assert_eq!(q[2].days_waiting, 29);
    }

    #[test]
    fn the_sent_cutoff_is_the_last_start_past_the_term() {
        let today = d(2026, 3, 2);
        let through = sent_overdue_through(today, TERMS).unwrap_or_else(|| panic!("dated"));
        let due = add_working_days(through, 10).unwrap_or_else(|e| panic!("{e}"));
        assert!(due < today);
        let next = through.succ_opt().unwrap_or_else(|| panic!("a day"));
        let next_due = add_working_days(next, 10).unwrap_or_else(|e| panic!("{e}"));
        assert!(next_due >= today, "{through} is the last such day");
    }
}
