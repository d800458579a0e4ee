//! The working-day calendar and the deadlines of M-12.a, M-16, D-6 and D-12, on known dates.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};
use kense::domain::calendar::{
    self, Body, CalendarError, D6Due, DayKind, M16Due, add_working_days, d6_result_due,
    d12_complaint_due, is_working_day, m12a_registry_request_due, m16_due,
};
use std::collections::BTreeSet;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_else(|| panic!("bad date {y}-{m}-{day}"))
}

fn at(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    d(y, m, day)
        .and_hms_opt(h, min, 0)
        .unwrap_or_else(|| panic!("bad time {h}:{min}"))
}

fn working(date: NaiveDate) -> bool {
    is_working_day(date).unwrap_or_else(|e| panic!("{date}: {e}"))
}

fn out_of_range(date: NaiveDate) -> CalendarError {
    CalendarError::OutOfRange {
        date,
        first_year: 2024,
        last_year: 2027,
    }
}

#[test]
fn nauryz_2025_and_the_weekdays_its_weekend_days_moved_to() {
    // 21 March 2025 is a Friday; 22 and 23 fall on the weekend and move to 24 and 25.
    for day in 21..=25 {
        assert!(!working(d(2025, 3, day)), "2025-03-{day} is a day off");
    }
    assert!(working(d(2025, 3, 26)));
    let moved = calendar::listed_day(d(2025, 3, 25)).map(|r| (r.kind, r.paired_date));
    assert_eq!(moved, Some((DayKind::HolidayMoved, Some(d(2025, 3, 23)))));
}

#[test]
fn orthodox_christmas_and_kurban_ait_on_a_sunday_do_not_move() {
    // 7 January 2024 and Kurban Ait 16 June 2024 (ДУМК's date) are Sundays.
    assert_eq!(d(2024, 1, 7).weekday(), Weekday::Sun);
    assert!(working(d(2024, 1, 8)), "7 Jan is never moved");
    assert_eq!(d(2024, 6, 16).weekday(), Weekday::Sun);
    assert!(!working(d(2024, 6, 16)));
    assert!(working(d(2024, 6, 17)), "Kurban Ait is never moved");
}

#[test]
fn transfers_make_a_weekend_day_a_working_day_and_a_weekday_a_day_off() {
    assert!(working(d(2024, 5, 4)), "Saturday 4 May 2024 was worked");
    assert!(!working(d(2024, 5, 8)), "for Wednesday 8 May 2024");
    assert!(working(d(2025, 1, 5)), "Sunday 5 January 2025 was worked");
    assert!(!working(d(2025, 1, 3)), "for Friday 3 January 2025");
}

#[test]
fn constitution_day_30_august_to_2025_none_in_2026_15_march_from_2027() {
    assert!(!working(d(2024, 8, 30)));
    assert!(
        !working(d(2025, 9, 1)),
        "30 Aug 2025 (Saturday) moved to Monday"
    );
    assert!(working(d(2026, 8, 31)), "no Constitution Day in 2026");
    assert!(!working(d(2027, 3, 15)));
    assert!(working(d(2027, 8, 30)));
}

#[test]
fn january_2026_has_19_working_days_as_published() {
    // alau.kz (rus.baq.kz), 2025-11-19: "Итого за январь: 12 выходных, 19 рабочих дней".
    let count = (1..=31).filter(|&day| working(d(2026, 1, day))).count();
    assert_eq!(count, 19);
}

#[test]
fn every_year_has_its_fixed_holidays_and_one_kurban_ait() {
    for year in calendar::covered_years() {
        let mut fixed = vec![
            (1, 1),
            (1, 2),
            (1, 7),
            (3, 8),
            (3, 21),
            (3, 22),
            (3, 23),
            (5, 1),
            (5, 7),
            (5, 9),
            (7, 6),
            (10, 25),
            (12, 16),
        ];
        match year {
            ..=2025 => fixed.push((8, 30)),
            2026 => {}
            _ => fixed.push((3, 15)),
        }
        let holidays: BTreeSet<(u32, u32)> = calendar::days()
            .iter()
            .filter(|r| r.kind == DayKind::Holiday && r.date.year() == year)
            .filter(|r| !r.name_ru.starts_with("Курбан"))
            .map(|r| (r.date.month(), r.date.day()))
            .collect();
        assert_eq!(holidays, fixed.into_iter().collect(), "holidays of {year}");
        let kurban = calendar::days()
            .iter()
            .filter(|r| r.date.year() == year && r.name_ru.starts_with("Курбан"))
            .count();
        assert_eq!(kurban, 1, "Kurban Ait of {year}");
    }
}

#[test]
fn moved_holidays_are_exactly_what_the_rule_gives() {
    // Labour Code art. 85: a holiday on a Saturday or Sunday moves to the next working day;
    // 7 January and the first day of Kurban Ait never move. Recomputed here from the
    // holidays alone, so the explicit rows of the file cannot drift from the rule.
    let holidays: Vec<_> = calendar::days()
        .iter()
        .filter(|r| r.kind == DayKind::Holiday)
        .collect();
    let is_holiday = |date: NaiveDate| holidays.iter().any(|h| h.date == date);
    let mut expected = BTreeSet::new();
    let mut taken = BTreeSet::new();
    for h in &holidays {
        let fixed_day_off = (h.date.month(), h.date.day()) == (1, 7);
        let kurban = h.name_ru.starts_with("Курбан");
        if fixed_day_off || kurban || !matches!(h.date.weekday(), Weekday::Sat | Weekday::Sun) {
            continue;
        }
        let mut to = h.date;
        while matches!(to.weekday(), Weekday::Sat | Weekday::Sun)
            || is_holiday(to)
            || taken.contains(&to)
        {
            to = to.succ_opt().unwrap_or_else(|| panic!("no day after {to}"));
        }
        taken.insert(to);
        expected.insert((to, h.date, h.name_ru));
    }
    let listed: BTreeSet<_> = calendar::days()
        .iter()
        .filter(|r| r.kind == DayKind::HolidayMoved)
        .map(|r| {
            let from = r
                .paired_date
                .unwrap_or_else(|| panic!("{}: no paired_date", r.date));
            (r.date, from, r.name_ru)
        })
        .collect();
    assert_eq!(listed, expected);
}

#[test]
fn adding_working_days_skips_holidays_and_weekends() {
    // Thursday 20 March 2025: Nauryz and its moved days 21–25, then Wednesday the 26th.
    assert_eq!(add_working_days(d(2025, 3, 20), 1), Ok(d(2025, 3, 26)));
    assert_eq!(add_working_days(d(2025, 3, 14), 1), Ok(d(2025, 3, 17)));
    // Friday 3 May 2024: the next working day is the transfer Saturday.
    assert_eq!(add_working_days(d(2024, 5, 3), 1), Ok(d(2024, 5, 4)));
    // The day of the event is day 0 even when it is itself a day off.
    assert_eq!(add_working_days(d(2025, 3, 22), 2), Ok(d(2025, 3, 27)));
}

#[test]
fn m12a_registry_request_within_two_working_days() {
    assert_eq!(
        m12a_registry_request_due(d(2025, 3, 20)),
        Ok(d(2025, 3, 27)),
        "M-12.a"
    );
    assert_eq!(
        m12a_registry_request_due(d(2025, 6, 4)),
        Ok(d(2025, 6, 9)),
        "M-12.a"
    );
}

#[test]
fn m16_verification_three_days_then_conclusion_two_more() {
    // Wednesday 6 May 2026: 7 May holiday, 9 May (Saturday) moved to Monday 11 May.
    let due = m16_due(d(2026, 5, 6));
    let expected = M16Due {
        verification_due: d(2026, 5, 13),
        conclusion_due: d(2026, 5, 15),
    };
    assert_eq!(due, Ok(expected), "M-16");
}

#[test]
fn d6_after_18_30_is_taken_the_next_working_day() {
    // Friday 14 March 2025.
    let in_hours = D6Due {
        registered_on: d(2025, 3, 14),
        result_due: d(2025, 3, 17),
    };
    assert_eq!(
        d6_result_due(at(2025, 3, 14, 18, 29)),
        Ok(in_hours),
        "D-6 at 18:29"
    );
    assert_eq!(
        d6_result_due(at(2025, 3, 14, 18, 30)),
        Ok(in_hours),
        "D-6 at 18:30"
    );
    let after_hours = D6Due {
        registered_on: d(2025, 3, 17),
        result_due: d(2025, 3, 18),
    };
    assert_eq!(
        d6_result_due(at(2025, 3, 14, 18, 31)),
        Ok(after_hours),
        "D-6 at 18:31"
    );
}

#[test]
fn d6_on_a_day_off_is_taken_the_next_working_day() {
    let monday = D6Due {
        registered_on: d(2025, 3, 17),
        result_due: d(2025, 3, 18),
    };
    assert_eq!(
        d6_result_due(at(2025, 3, 15, 10, 0)),
        Ok(monday),
        "D-6 on a Saturday"
    );
    // Filed on Nauryz (Friday 21 March 2025): taken on Wednesday the 26th.
    let after_nauryz = d6_result_due(at(2025, 3, 21, 11, 0)).map(|due| due.registered_on);
    assert_eq!(after_nauryz, Ok(d(2025, 3, 26)), "D-6 on a holiday");
    // Before opening on a working day: that same day (the rule moves only later filings).
    let early = d6_result_due(at(2025, 3, 17, 8, 0)).map(|due| due.registered_on);
    assert_eq!(early, Ok(d(2025, 3, 17)), "D-6 before 09:00");
    // A transfer Saturday is a working day of the provider too.
    let saturday = d6_result_due(at(2024, 5, 4, 10, 0)).map(|due| due.registered_on);
    assert_eq!(
        saturday,
        Ok(d(2024, 5, 4)),
        "D-6 on a transfer working Saturday"
    );
}

#[test]
fn d12_five_working_days_at_provider_and_front_office_fifteen_at_quality_body() {
    // Friday 12 December 2025; 16 December is Independence Day.
    for body in [Body::Provider, Body::FrontOffice] {
        assert_eq!(
            d12_complaint_due(d(2025, 12, 12), body),
            Ok(d(2025, 12, 22)),
            "D-12"
        );
    }
    // Fifteen days run over the New Year (1–2 Jan) and 7 January 2026.
    assert_eq!(
        d12_complaint_due(d(2025, 12, 12), Body::QualityBody),
        Ok(d(2026, 1, 8)),
        "D-12"
    );
}

#[test]
fn dates_outside_the_covered_years_are_errors_not_guesses() {
    assert_eq!(
        is_working_day(d(2023, 12, 29)),
        Err(out_of_range(d(2023, 12, 29)))
    );
    assert_eq!(
        is_working_day(d(2028, 1, 3)),
        Err(out_of_range(d(2028, 1, 3)))
    );
    assert_eq!(
        add_working_days(d(2027, 12, 30), 5),
        Err(out_of_range(d(2028, 1, 1)))
    );
    assert_eq!(
        d12_complaint_due(d(2027, 12, 20), Body::QualityBody),
        Err(out_of_range(d(2028, 1, 1))),
        "D-12"
    );
    // D-6: filed after hours on the last day covered, the next working day is unknown.
    assert_eq!(
        d6_result_due(at(2027, 12, 31, 19, 0)),
        Err(out_of_range(d(2028, 1, 1))),
        "D-6"
    );
    assert_eq!(
        m16_due(d(2027, 12, 29)),
        Err(out_of_range(d(2028, 1, 1))),
        "M-16"
    );
    assert_eq!(
        add_working_days(d(2027, 12, 31), u32::MAX),
        Err(out_of_range(d(2028, 1, 1)))
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A day of the covered years, 2024-01-01 plus up to 1460 days.
    fn covered_day() -> impl Strategy<Value = NaiveDate> {
        (0..1461u64).prop_map(|offset| {
            d(2024, 1, 1)
                .checked_add_days(chrono::Days::new(offset))
                .unwrap_or_else(|| panic!("offset {offset}"))
        })
    }

    proptest! {
        #[test]
        fn add_working_days_lands_on_a_working_day_and_grows_with_n(
            start in covered_day(),
            n in 1..60u32,
        ) {
            match (add_working_days(start, n), add_working_days(start, n + 1)) {
                (Ok(end), Ok(next)) => {
                    prop_assert!(working(end), "{start} + {n} = {end}, not a working day");
                    prop_assert!(next > end, "{start}: +{} = {next}, +{n} = {end}", n + 1);
                    // Exactly n working days lie after the start, up to and including the end.
                    let counted = start
                        .iter_days()
                        .skip(1)
                        .take_while(|day| *day <= end)
                        .filter(|day| working(*day))
                        .count();
                    prop_assert_eq!(counted, n as usize);
                }
                (Ok(_), Err(e)) | (Err(e), _) => {
                    prop_assert_eq!(e, out_of_range(d(2028, 1, 1)));
                }
            }
        }

        #[test]
        fn d6_registers_on_a_working_day_and_is_due_one_working_day_later(
            day in covered_day(),
            minute in 0..(24 * 60u32),
        ) {
            let received = day
                .and_hms_opt(minute / 60, minute % 60, 0)
                .unwrap_or_else(|| panic!("minute {minute}"));
            match d6_result_due(received) {
                Ok(due) => {
                    prop_assert!(working(due.registered_on) && due.registered_on >= day, "D-6");
                    prop_assert_eq!(add_working_days(due.registered_on, 1), Ok(due.result_due));
                }
                Err(e) => prop_assert_eq!(e, out_of_range(d(2028, 1, 1))),
            }
        }
    }
}
