//! The office's clock: "now" and "today" in the office's time zone.
//!
//! A server often runs in UTC and a clerk may have any `TZ`: both would put a registration
//! made at 01:00 Astana time into yesterday, after yesterday was closed. So nothing in
//! kense asks the host for local time; it asks a [`Clock`]. One clock is made per process
//! (a command, a workstation session) and passed to everything that needs "now", so the date
//! the clerk sees is the date written. A fixed clock serves tests and `demo --now`.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;

/// The office's clock: the real time, or a fixed instant, seen in the office's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    zone: Tz,
    fixed: Option<DateTime<Utc>>,
}

impl Clock {
    /// The real time in `zone`.
    pub fn new(zone: Tz) -> Self {
        Self { zone, fixed: None }
    }

    /// Always the same instant, seen in `zone`.
    pub fn fixed(zone: Tz, at: DateTime<Utc>) -> Self {
        Self {
            zone,
            fixed: Some(at),
        }
    }

    /// A fixed clock at `local`, a wall time of the office (the earlier of two, when the
    /// zone's clocks were put back; the next valid one when they skipped it).
    pub fn at_office_time(zone: Tz, local: NaiveDateTime) -> Self {
        use chrono::TimeZone;
        let at = match zone.from_local_datetime(&local) {
            chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => t,
            chrono::LocalResult::None => zone.from_utc_datetime(&local),
        };
        Self::fixed(zone, at.with_timezone(&Utc))
    }

    /// The office's time zone.
    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// Now, in the office's zone (with its offset).
    pub fn now(&self) -> DateTime<Tz> {
        self.fixed
            .unwrap_or_else(Utc::now)
            .with_timezone(&self.zone)
    }

    /// The office's wall time now.
    pub fn office_time(&self) -> NaiveDateTime {
        self.now().naive_local()
    }

    /// The office's date today.
    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

impl Default for Clock {
    /// The real time in Kazakhstan's zone.
    fn default() -> Self {
        Self::new(chrono_tz::Asia::Almaty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// 20:00 UTC on 5 December is 01:00 on 6 December in Astana (UTC+5 since 1 March 2024),
    /// whatever the host's zone.
    #[test]
    fn today_is_the_offices_date_not_the_hosts() {
        let at = Utc.with_ymd_and_hms(2026, 12, 5, 20, 0, 0).single();
        let at = at.unwrap_or_else(|| panic!("a valid instant"));
        let clock = Clock::fixed(chrono_tz::Asia::Almaty, at);
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2026, 12, 6).unwrap_or_default()
        );
        assert_eq!(clock.now().format("%H:%M %:z").to_string(), "01:00 +05:00");
    }

    /// Before 1 March 2024 Almaty was UTC+6: the embedded data knows the change.
    #[test]
    fn the_2024_change_to_utc_plus_5_is_known() {
        let before = Utc.with_ymd_and_hms(2024, 2, 1, 12, 0, 0).single();
        let before = before.unwrap_or_else(|| panic!("a valid instant"));
        let clock = Clock::fixed(chrono_tz::Asia::Almaty, before);
        assert_eq!(clock.now().format("%:z").to_string(), "+06:00");
    }

    #[test]
    fn an_office_time_comes_back_as_given() {
        let local = NaiveDate::from_ymd_opt(2026, 12, 7)
            .and_then(|d| d.and_hms_opt(18, 45, 0))
            .unwrap_or_else(|| panic!("a valid time"));
        let clock = Clock::at_office_time(chrono_tz::Asia::Almaty, local);
        assert_eq!(clock.office_time(), local);
    }
}
