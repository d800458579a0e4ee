//! The work queue's due dates (issue 12) against the working-day calendar of Kazakhstan
//! (`data/calendar.csv`), for any start day of the calendar's years: a due date is a working
//! day, after the start by exactly the term's working days, never earlier than the same
//! count of plain weekdays, and later than it when a holiday or a transfer falls between.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use kense::domain::calendar::{covered_years, is_working_day};
use kense::domain::queue::{
    ItemKind, OfficeTerms, Waiting, item, m16_overdue_through, queue, sent_overdue_through,
};
use proptest::prelude::*;

fn day(offset: u64) -> NaiveDate {
    let first = NaiveDate::from_ymd_opt(*covered_years().start(), 1, 1)
        .unwrap_or_else(|| panic!("the calendar's first day"));
    first + Days::new(offset)
}

/// Start days whose terms (at most 30 working days) end inside the calendar's years.
fn start() -> impl Strategy<Value = NaiveDate> {
    let last = NaiveDate::from_ymd_opt(*covered_years().end(), 10, 31)
        .unwrap_or_else(|| panic!("a day of the last year"));
    let span = u64::try_from((last - day(0)).num_days()).unwrap_or(0);
    (0..=span).prop_map(day)
}

fn working(d: NaiveDate) -> bool {
    is_working_day(d).unwrap_or_else(|e| panic!("{e}"))
}

/// Working days in `(from, to]`.
fn working_between(from: NaiveDate, to: NaiveDate) -> u32 {
    from.iter_days()
        .skip(1)
        .take_while(|d| *d <= to)
        .filter(|d| working(*d))
        .count() as u32
}

/// The end of `n` plain weekdays after `from`, as if there were no holidays or transfers.
fn weekdays_only(from: NaiveDate, n: u32) -> NaiveDate {
    from.iter_days()
        .skip(1)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .nth(n as usize - 1)
        .unwrap_or(from)
}

/// A weekday that is a day off in `(from, to]`: a holiday or a transfer moved the term.
fn day_off_between(from: NaiveDate, to: NaiveDate) -> bool {
    from.iter_days()
        .skip(1)
        .take_while(|d| *d <= to)
        .any(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !working(d))
}

/// A term of `n` working days from `start` ending on `due` obeys the calendar.
fn obeys(start: NaiveDate, n: u32, due: NaiveDate) -> Result<(), TestCaseError> {
    prop_assert!(working(due), "{due} is not a working day");
    prop_assert!(due > start, "{due} is not after {start}");
    prop_assert_eq!(working_between(start, due), n, "{} to {}", start, due);
    // Against the same count of plain weekdays: a Saturday worked in a transfer may pull
    // the term in; with none, the term never ends earlier, and a weekday off (a holiday,
    // a moved holiday, a transfer) moves it right.
    let plain = weekdays_only(start, n);
    let worked_weekend = start
        .iter_days()
        .skip(1)
        .take_while(|d| *d <= due.max(plain))
        .any(|d| matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && working(d));
    if !worked_weekend {
        prop_assert!(due >= plain, "{due} before {plain}");
        if day_off_between(start, plain) {
            prop_assert!(due > plain, "{start}: {due} not moved right of {plain}");
        }
    }
    Ok(())
}

const TERMS: OfficeTerms = OfficeTerms {
    sent_back_within: 15,
};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// M-16: 3 working days for the verification, then 2 for the conclusion.
    #[test]
    fn m16_terms_follow_the_calendar(start in start(), late in 0u64..40) {
        let today = start + Days::new(late);
        let waiting = Waiting::Verification { number: "2026-0000001".into(), since: start };
        let it = item(&waiting, today, TERMS);
        let verification = it.verification_due.unwrap_or_else(|| panic!("dated"));
        let conclusion = it.conclusion_due.unwrap_or_else(|| panic!("dated"));
        obeys(start, 3, verification)?;
        obeys(verification, 2, conclusion)?;
        prop_assert_eq!(it.overdue, today > conclusion);
        let stage = if today > verification { ItemKind::M16Conclusion } else { ItemKind::M16Verification };
        prop_assert_eq!(it.kind, stage);
    }

    /// D-6: the result one working day after registration; M-12.a's request in two.
    #[test]
    fn d6_results_are_due_the_next_working_day(start in start()) {
        let it = item(&Waiting::DsnResult { id: 1, since: start }, start, TERMS);
        obeys(start, 1, it.due.unwrap_or_else(|| panic!("dated")))?;
        prop_assert!(!it.overdue);
        // A result asked back from the provider: one working day too.
        let back = item(&Waiting::DsnAskedBack { id: 1, since: start }, start, TERMS);
        obeys(start, 1, back.due.unwrap_or_else(|| panic!("dated")))?;
        // M-12.a: the request to РАГС within two working days.
        let request = item(&Waiting::RegistryRequest { iin: "x".into(), since: start }, start, TERMS);
        obeys(start, 2, request.due.unwrap_or_else(|| panic!("dated")))?;
        prop_assert_eq!(request.rule, "M-12.a");
    }

    /// The office's term for a formulary sent and not back, and the cut-off the store's
    /// index query uses: sent on it or before, the term has passed; the day after, not.
    #[test]
    fn sent_terms_and_their_cutoff_follow_the_calendar(start in start(), n in 1u32..30, late in 1u64..60) {
        let terms = OfficeTerms { sent_back_within: n };
        let it = item(&Waiting::Sent { number: "x".into(), since: start }, start, terms);
        let due = it.due.unwrap_or_else(|| panic!("dated"));
        obeys(start, n, due)?;
        let today = start + Days::new(late);
        if let Some(through) = sent_overdue_through(today, terms) {
            let past = item(&Waiting::Sent { number: "x".into(), since: through }, today, terms);
            prop_assert!(past.overdue, "{through}: {past:?}");
            let next = through.succ_opt().unwrap_or(through);
            let not_yet = item(&Waiting::Sent { number: "x".into(), since: next }, today, terms);
            prop_assert!(!not_yet.overdue, "{next}: {not_yet:?}");
        }
    }

    /// The M-16 cut-off the store counts overdue conclusions with: started on it or before,
    /// overdue today; the day after, not.
    #[test]
    fn the_m16_cutoff_matches_the_items(today in start()) {
        let today = today + Days::new(10);
        if let Some(through) = m16_overdue_through(today) {
            let at = |s| item(&Waiting::Verification { number: "x".into(), since: s }, today, TERMS);
            prop_assert!(at(through).overdue, "{through}");
            prop_assert!(!at(through.succ_opt().unwrap_or(through)).overdue, "{through}");
        }
    }

    /// A later start is never due earlier (the queue's order by due date is stable).
    #[test]
    fn due_dates_never_go_back(a in start(), gap in 0u64..20) {
        let b = a + Days::new(gap);
        let due = |s| item(&Waiting::Verification { number: "x".into(), since: s }, s, TERMS).conclusion_due;
        prop_assert!(due(a) <= due(b));
    }

    /// Overdue first, by due date; then the rest by due date; then those without a term.
    #[test]
    fn the_queue_puts_overdue_first(starts in proptest::collection::vec(start(), 1..12), late in 0u64..30) {
        let today = starts.iter().max().copied().unwrap_or_else(|| day(0)) + Days::new(late);
        let waiting: Vec<Waiting> = starts.iter().enumerate().map(|(i, s)| match i % 3 {
            0 => Waiting::Verification { number: format!("v{i}"), since: *s },
            1 => Waiting::Manufactured { number: format!("m{i}"), since: *s },
            _ => Waiting::DsnResult { id: i as i64, since: *s },
        }).collect();
        let q = queue(&waiting, today, TERMS);
        prop_assert_eq!(q.len(), waiting.len());
        for pair in q.windows(2) {
            let key = |i: &kense::domain::queue::QueueItem| (!i.overdue, i.due.is_none(), i.due);
            prop_assert!(key(&pair[0]) <= key(&pair[1]), "{:?} before {:?}", pair[0], pair[1]);
        }
    }
}
