//! The working-day calendar of Kazakhstan, and the deadlines counted on it.
//!
//! Deadlines of both documents are in working days: Monday to Friday, less public holidays,
//! with the yearly transfers of days off (DOMAIN.md, "Calendar"). Which days those are is
//! data, not code: `data/calendar.csv`, checked and embedded by `build.rs`, lists every
//! holiday, every weekday a weekend holiday moved to, and every transfer of the covered
//! years. A date outside those years is an error, never a guess: an unlisted year would
//! silently count its holidays as working days.
//!
//! Terms are counted as Kazakh law counts terms in days: the day of the event is day 0, and
//! a term of `n` working days ends at the end of the `n`-th working day after it.

mod deadlines;

pub use deadlines::{
    Body, D6Due, M16Due, d6_registration_day, d6_result_due, d6_return_due, d12_complaint_due,
    front_office_open, m12a_registry_request_due, m16_due,
};

use super::Text;
use chrono::{Datelike, NaiveDate, Weekday};
use std::fmt;
use std::ops::RangeInclusive;

/// What a day listed in the calendar is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayKind {
    /// A public holiday on its own date (a day off, whatever the weekday).
    Holiday,
    /// The weekday a holiday falling on a Saturday or Sunday moved to (Labour Code art. 85);
    /// `paired_date` is that holiday. The first day of Kurban Ait and 7 January never move.
    HolidayMoved,
    /// A weekday the government (now the labour ministry) made a day off; `paired_date` is
    /// the Saturday or Sunday worked in exchange.
    TransferDayOff,
    /// A Saturday or Sunday made a working day; `paired_date` is the weekday taken off.
    TransferWorkingDay,
}

impl DayKind {
    /// Whether a day of this kind is a day off.
    pub fn is_day_off(self) -> bool {
        !matches!(self, DayKind::TransferWorkingDay)
    }
}

/// A row of `data/calendar.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarDay {
    pub date: NaiveDate,
    pub kind: DayKind,
    /// The holiday's name, or what the transfer is, in Russian.
    pub name_ru: &'static str,
    /// The same in Kazakh.
    pub name_kk: &'static str,
    /// The other day of a move or a transfer; `None` for a holiday.
    pub paired_date: Option<NaiveDate>,
    /// The legal act the day comes from, or `UNCONFIRMED: …` for a date taken on trust.
    pub source: &'static str,
}

mod data {
    use super::{CalendarDay, DayKind};
    use chrono::NaiveDate;

    /// A date for the generated table. `build.rs` has already checked every date, so the
    /// fallback is never taken; it only spares the table a panic path.
    const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
        match NaiveDate::from_ymd_opt(year, month, day) {
            Some(date) => date,
            None => NaiveDate::MIN,
        }
    }

    include!(concat!(env!("OUT_DIR"), "/calendar.rs"));
}

impl CalendarDay {
    /// Whether the day is confirmed by a legal act. A row whose source begins
    /// `UNCONFIRMED` is taken on trust (the 2027 Kurban Ait: an astronomical estimate
    /// until the spiritual administration publishes its calendar), so a term counted over
    /// it may move by a day (issue 14).
    pub fn is_confirmed(&self) -> bool {
        !self.source.starts_with("UNCONFIRMED")
    }
}

/// The listed days not yet confirmed that a term from `from` to `to` counts over: after
/// `from`, up to and including `to`. Empty when the term rests on confirmed days only;
/// else the due date should say so wherever it is shown.
pub fn unconfirmed_between(from: NaiveDate, to: NaiveDate) -> Vec<&'static CalendarDay> {
    data::DAYS
        .iter()
        .filter(|d| d.date > from && d.date <= to && !d.is_confirmed())
        .collect()
}

/// What to say after a due date from `from` to `due` that counts over unconfirmed days:
/// `None` when there are none.
pub fn unconfirmed_note(from: NaiveDate, due: NaiveDate) -> Option<Text> {
    let days = unconfirmed_between(from, due);
    if days.is_empty() {
        return None;
    }
    // ДД.ММ.ГГГГ in Russian and Kazakh, as the screens write dates.
    let list = |name: fn(&CalendarDay) -> &str, date: &str| {
        days.iter()
            .map(|d| format!("{} {}", d.date.format(date), name(d)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Some(Text::new(
        format!(
            "срок посчитан через неподтверждённый праздник: {}",
            list(|d| d.name_ru, "%d.%m.%Y")
        ),
        format!(
            "мерзім расталмаған мереке арқылы есептелді: {}",
            list(|d| d.name_kk, "%d.%m.%Y")
        ),
        format!(
            "counted over a holiday not yet confirmed: {}",
            list(|d| d.name_ru, "%Y-%m-%d")
        ),
    ))
}

/// A date the calendar cannot answer for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarError {
    /// The computation needed `date`, which is outside the covered years.
    OutOfRange {
        date: NaiveDate,
        first_year: i32,
        last_year: i32,
    },
}

impl CalendarError {
    fn out_of_range(date: NaiveDate) -> Self {
        CalendarError::OutOfRange {
            date,
            first_year: data::FIRST_YEAR,
            last_year: data::LAST_YEAR,
        }
    }

    /// The explanation for the clerk, in the three languages.
    pub fn text(&self) -> Text {
        match self {
            CalendarError::OutOfRange {
                date,
                first_year,
                last_year,
            } => Text::new(
                format!(
                    "календарь рабочих дней известен на {first_year}–{last_year} годы; \
                     дата {} вне этих лет, срок не вычислен",
                    date.format("%d.%m.%Y")
                ),
                format!(
                    "жұмыс күндерінің күнтізбесі {first_year}–{last_year} жылдарға белгілі; \
                     {} күні осы жылдардан тыс, мерзім есептелмеді",
                    date.format("%d.%m.%Y")
                ),
                format!(
                    "the working-day calendar covers {first_year}–{last_year}; {date} is \
                     outside those years, so no deadline was computed"
                ),
            ),
        }
    }
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl std::error::Error for CalendarError {}

/// Every listed day, in date order.
pub fn days() -> &'static [CalendarDay] {
    data::DAYS
}

/// The years the calendar knows; every date outside them is an error.
pub fn covered_years() -> RangeInclusive<i32> {
    data::FIRST_YEAR..=data::LAST_YEAR
}

fn check_covered(date: NaiveDate) -> Result<(), CalendarError> {
    if covered_years().contains(&date.year()) {
        Ok(())
    } else {
        Err(CalendarError::out_of_range(date))
    }
}

/// The calendar's row for `date`, if it is a holiday, a moved holiday or a transfer.
pub fn listed_day(date: NaiveDate) -> Option<&'static CalendarDay> {
    // build.rs keeps the file in strict date order.
    data::DAYS
        .binary_search_by_key(&date, |d| d.date)
        .ok()
        .and_then(|i| data::DAYS.get(i))
}

/// Whether `date` is a working day of Kazakhstan: Monday to Friday, less holidays and the
/// weekdays they moved to, with the transfers of days off applied.
pub fn is_working_day(date: NaiveDate) -> Result<bool, CalendarError> {
    check_covered(date)?;
    Ok(match listed_day(date) {
        Some(day) => !day.kind.is_day_off(),
        None => !matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
    })
}

/// The end of a term of `n` working days that starts with an event on `date`.
///
/// The day of the event is day 0 and is not counted, whatever it is; the term ends at the
/// end of the `n`-th working day after it. So `n = 1` on a Friday is the next Monday (if it
/// is a working day), and `n = 0` is `date` itself. Every day the count passes through must
/// lie in the covered years, else the first one outside them is the error.
pub fn add_working_days(date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
    check_covered(date)?;
    let mut day = date;
    let mut left = n;
    // Each step either counts a day or leaves the covered years, so the loop ends after at
    // most the days of those years, whatever `n` is.
    while left > 0 {
        day = day
            .succ_opt()
            .ok_or_else(|| CalendarError::out_of_range(day))?;
        if is_working_day(day)? {
            left -= 1;
        }
    }
    Ok(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_else(|| panic!("bad date {y}-{m}-{day}"))
    }

    #[test]
    fn covers_2024_to_2027() {
        assert_eq!(covered_years(), 2024..=2027);
    }

    #[test]
    fn every_listed_date_is_a_real_date_of_the_covered_years() {
        // ymd() falls back to NaiveDate::MIN only if build.rs let a bad date through.
        for day in days() {
            assert!(covered_years().contains(&day.date.year()), "{day:?}");
            if let Some(paired) = day.paired_date {
                assert!(covered_years().contains(&paired.year()), "{day:?}");
            }
        }
    }

    #[test]
    fn listed_day_finds_rows_and_only_them() {
        let nauryz = listed_day(d(2025, 3, 21)).unwrap_or_else(|| panic!("21 March not listed"));
        assert_eq!(nauryz.kind, DayKind::Holiday);
        assert_eq!(nauryz.name_ru, "Наурыз мейрамы");
        assert_eq!(listed_day(d(2025, 3, 26)), None);
    }

    /// Issue 14: the 2027 Kurban Ait is an estimate; a term over it says so, others not.
    #[test]
    fn the_2027_kurban_ait_is_marked_unconfirmed() {
        let kurban = listed_day(d(2027, 5, 16)).unwrap_or_else(|| panic!("not listed"));
        assert!(!kurban.is_confirmed());
        assert!(listed_day(d(2027, 3, 22)).is_some_and(CalendarDay::is_confirmed));
        let over = unconfirmed_between(d(2027, 5, 14), d(2027, 5, 18));
        assert_eq!(
            over.iter().map(|d| d.date).collect::<Vec<_>>(),
            [d(2027, 5, 16)]
        );
        let note =
            unconfirmed_note(d(2027, 5, 14), d(2027, 5, 18)).unwrap_or_else(|| panic!("no note"));
        assert!(
            note.en.contains("2027-05-16")
                && note.ru.contains("16.05.2027 Курбан")
                && note.kk.contains("16.05.2027"),
            "{note:?}"
        );
        assert_eq!(unconfirmed_note(d(2027, 5, 17), d(2027, 5, 18)), None);
        assert!(unconfirmed_between(d(2024, 1, 1), d(2026, 12, 31)).is_empty());
    }

    #[test]
    fn zero_days_is_the_day_itself_even_a_day_off() {
        assert_eq!(add_working_days(d(2025, 3, 22), 0), Ok(d(2025, 3, 22)));
    }

    #[test]
    fn error_names_the_date_and_the_years_in_three_languages() {
        let e = CalendarError::out_of_range(d(2028, 1, 1));
        let t = e.text();
        for s in [&t.ru, &t.kk] {
            assert!(s.contains("01.01.2028") && s.contains("2024–2027"), "{s}");
        }
        assert!(t.en.contains("2028-01-01") && t.en.contains("2024–2027"));
        assert_eq!(e.to_string(), t.en);
    }
}
