//! M-16 timing on a lifecycle: verification due 3 working days after it started, the
//! conclusion 2 working days after that, on Kazakhstan's real calendar.

use super::*;
use kense::domain::calendar::{CalendarError, M16Due};

/// A formulary registered and put under verification at `started` (registered an hour
/// earlier, the same day).
fn under_verification(started: NaiveDateTime) -> Lifecycle {
    let mut lifecycle = Lifecycle::new();
    let registered = started - chrono::Duration::hours(1);
    lifecycle
        .apply(Event::Register, "Ахметова", registered, None)
        .unwrap_or_else(|e| panic!("{e}"));
    lifecycle
        .apply(
            event(MoveKind::StartVerification, started.date()),
            "Ахметова",
            started,
            None,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    lifecycle
}

fn moment(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    day(y, m, d)
        .and_hms_opt(h, 0, 0)
        .unwrap_or_else(|| panic!("bad hour {h}"))
}

#[track_caller]
fn assert_due(started: NaiveDateTime, verification: NaiveDate, conclusion: NaiveDate) {
    let lifecycle = under_verification(started);
    assert_eq!(
        lifecycle.m16_due(),
        Some(Ok(M16Due {
            verification_due: verification,
            conclusion_due: conclusion,
        })),
        "M-16: verification started {started}"
    );
}

#[test]
fn m16_due_skips_8_march() {
    // Wednesday 6 March 2024: Thursday 7, (Friday 8 March a holiday), Monday 11, Tuesday 12;
    // then Wednesday 13, Thursday 14.
    assert_due(moment(2024, 3, 6, 10), day(2024, 3, 12), day(2024, 3, 14));
}

#[test]
fn m16_due_skips_nauryz_and_its_moved_day() {
    // Tuesday 19 March 2024: Wednesday 20, (21–23 Nauryz, 24 Sunday, 25 the moved Saturday
    // holiday), Tuesday 26, Wednesday 27; then Thursday 28, Friday 29.
    assert_due(moment(2024, 3, 19, 15), day(2024, 3, 27), day(2024, 3, 29));
}

#[test]
fn m16_due_counts_a_transferred_working_saturday() {
    // Friday 3 May 2024: Saturday 4 May was a working day (its rest moved to 8 May), then
    // Monday 6, (7 holiday, 8 transferred day off, 9 holiday), Friday 10; then 13, 14.
    assert_due(moment(2024, 5, 3, 11), day(2024, 5, 10), day(2024, 5, 14));
}

#[test]
fn m16_due_only_while_under_verification_and_from_the_latest_start() {
    use MoveKind as M;
    assert_eq!(
        Lifecycle::new().m16_due(),
        None,
        "M-16: a draft has no due date"
    );
    let confirmed = walk(&[M::Register, M::StartVerification, M::Confirm]);
    assert_eq!(confirmed.m16_due(), None, "M-16: the conclusion ends it");
    // Returned, then verified again: counted from the second start, 28 March 2024 (Thu).
    let mut again = walk(&[M::Register, M::Send, M::Return]);
    let start = moment(2024, 3, 28, 9);
    again
        .apply(
            event(M::StartVerification, start.date()),
            "Ахметова",
            start,
            None,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    // Friday 29, Monday 1 April, Tuesday 2; then Wednesday 3, Thursday 4.
    assert_eq!(
        again.m16_due(),
        Some(Ok(M16Due {
            verification_due: day(2024, 4, 2),
            conclusion_due: day(2024, 4, 4),
        })),
        "M-16"
    );
}

#[test]
fn m16_due_outside_the_calendar_is_an_error_not_a_guess() {
    let lifecycle = under_verification(moment(2031, 6, 2, 10));
    assert!(
        matches!(
            lifecycle.m16_due(),
            Some(Err(CalendarError::OutOfRange { .. }))
        ),
        "M-16: {:?}",
        lifecycle.m16_due()
    );
}
