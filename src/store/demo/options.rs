//! The demo's options, and why they cannot be filled ([`DemoProblem`]): checked before
//! anything is written, so that a fill writes exactly the count asked for or nothing.
//!
//! The days run from [`FIRST_DAY`], the date of order No. 451, to [`LAST_DAY`], past which
//! a demo person's birth date would not fit an IIN (M-12.a); a year holds registration
//! numbers up to `YYYY-9999999` only.

use super::synth::{is_office_day, last_open_day};
use super::taken::Taken;
use chrono::{Duration, NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;

/// The first day the demo registers on: the date of order No. 451 (3 August 2021), whose
/// formulary and rules its formularies follow. A register kept under that order has
/// nothing earlier; so every demo person, at most 80 years old, is born after 1900, well
/// inside the IIN's 1800–2099 (M-12.a).
pub const FIRST_DAY: NaiveDate = ymd(2021, 8, 3);

/// The last day the demo registers on: the youngest demo person is born a month before
/// registration, and an IIN encodes birth dates up to 2099 only (M-12.a).
pub const LAST_DAY: NaiveDate = ymd(2099, 11, 30);

/// The last sequence number of a year's registration numbers (`YYYY-NNNNNNN`).
const LAST_SEQ: i64 = 9_999_999;

const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

/// Why a demo cannot write the formularies asked for; nothing is written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DemoProblem {
    /// The demo's clock is outside [`FIRST_DAY`]..=[`LAST_DAY`].
    #[error(
        "the demo's clock {now} is outside {FIRST_DAY} to {LAST_DAY}, the days it registers on"
    )]
    Clock { now: NaiveDateTime },
    /// The days asked for are none, or go back before [`FIRST_DAY`].
    #[error("{days} days up to {last} is not 1 to {max}: the demo registers from {FIRST_DAY} on")]
    Days {
        days: u32,
        last: NaiveDate,
        max: u32,
    },
    /// No day from `first` to `last` is open for registration.
    #[error(
        "no day from {first} to {last} is open for registration: the demo registers Monday \
         to Saturday, not on a closed day, and on the clock's own day only from 10:00"
    )]
    NoOpenDay { first: NaiveDate, last: NaiveDate },
    /// The year's registration numbers would run past `YYYY-9999999`.
    #[error(
        "the registration numbers of {year} would run past {year}-9999999: {left} are left, \
         {wanted} would be registered that year"
    )]
    NumbersRunOut { year: i32, left: i64, wanted: u64 },
}

/// What to fill the register with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoOptions {
    /// How many formularies.
    pub count: u64,
    /// The generator's seed: the same seed and `now` give the same formularies.
    pub seed: u64,
    /// The demo's clock: registrations run up to this moment, moves never after it.
    pub now: NaiveDateTime,
    /// Registrations are spread over this many days before `now`.
    pub days: u32,
    /// Fill even a register that holds real formularies.
    pub force: bool,
}

impl DemoOptions {
    /// The most `days` the demo takes with its clock on `today`: back to [`FIRST_DAY`]; 0
    /// when `today` is before it.
    pub fn max_days(today: NaiveDate) -> u32 {
        let days = (today - FIRST_DAY).num_days() + 1;
        u32::try_from(days.max(0)).unwrap_or(u32::MAX)
    }

    /// The first and last day of the registrations, or why the options cannot be filled
    /// whatever the register holds (see also [`DemoProblem`]).
    pub fn check(&self) -> Result<(NaiveDate, NaiveDate), DemoProblem> {
        let last = self.now.date();
        if !(FIRST_DAY..=LAST_DAY).contains(&last) {
            return Err(DemoProblem::Clock { now: self.now });
        }
        let max = Self::max_days(last);
        if !(1..=max).contains(&self.days) {
            return Err(DemoProblem::Days {
                days: self.days,
                last,
                max,
            });
        }
        let first = last - Duration::days(i64::from(self.days) - 1);
        let open = last_open_day(self.now);
        if !first
            .iter_days()
            .take_while(|d| *d <= open)
            .any(is_office_day)
        {
            return Err(DemoProblem::NoOpenDay { first, last });
        }
        Ok((first, last))
    }
}

/// Why the schedule cannot be written into this register: no open day (all closed), or a
/// year whose registration numbers would run out.
pub(super) fn unworkable(
    schedule: &[(NaiveDate, u64)],
    count: u64,
    (first, last): (NaiveDate, NaiveDate),
    taken: &Taken,
) -> Option<DemoProblem> {
    if schedule.is_empty() && count > 0 {
        return Some(DemoProblem::NoOpenDay { first, last });
    }
    let mut by_year: BTreeMap<i32, u64> = BTreeMap::new();
    for (date, n) in schedule {
        *by_year.entry(chrono::Datelike::year(date)).or_insert(0) += n;
    }
    by_year.into_iter().find_map(|(year, wanted)| {
        let left = LAST_SEQ - taken.seqs.get(&year).copied().unwrap_or(0);
        let fits = i64::try_from(wanted).is_ok_and(|w| w <= left);
        (!fits).then_some(DemoProblem::NumbersRunOut {
            year,
            left: left.max(0),
            wanted,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}"))
    }

    fn options(days: u32, now: &str) -> DemoOptions {
        DemoOptions {
            count: 5,
            seed: 1,
            now: now.parse().unwrap_or_else(|e| panic!("{now}: {e}")),
            days,
            force: false,
        }
    }

    #[test]
    fn the_days_run_back_to_the_first_day_and_no_further() {
        assert_eq!(DemoOptions::max_days(FIRST_DAY), 1);
        assert_eq!(DemoOptions::max_days(day(2025, 6, 30)), 1428);
        assert_eq!(DemoOptions::max_days(day(2020, 1, 1)), 0);
        let now = "2025-06-30T17:00:00";
        assert_eq!(
            options(1428, now).check(),
            Ok((FIRST_DAY, day(2025, 6, 30)))
        );
        let too_many = DemoProblem::Days {
            days: 1429,
            last: day(2025, 6, 30),
            max: 1428,
        };
        assert_eq!(options(1429, now).check(), Err(too_many));
        assert!(matches!(
            options(1, "2100-01-04T12:00:00").check(),
            Err(DemoProblem::Clock { .. })
        ));
    }

    #[test]
    fn a_year_whose_registration_numbers_would_run_out_is_refused_before_writing() {
        let taken = Taken {
            seqs: HashMap::from([(2025, LAST_SEQ - 10)]),
            ..Taken::default()
        };
        let span = (day(2025, 6, 30), day(2025, 6, 30));
        assert_eq!(unworkable(&[(span.0, 10)], 10, span, &taken), None);
        assert_eq!(
            unworkable(&[(span.0, 11)], 11, span, &taken),
            Some(DemoProblem::NumbersRunOut {
                year: 2025,
                left: 10,
                wanted: 11
            })
        );
        assert_eq!(
            unworkable(&[], 5, span, &Taken::default()),
            Some(DemoProblem::NoOpenDay {
                first: span.0,
                last: span.1
            })
        );
    }
}
