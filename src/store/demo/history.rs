//! The histories of the demo formularies, made through `domain::lifecycle` so that every
//! move is one its table allows, in realistic proportions.

use super::synth::{Synth, day_start, pick};
use crate::domain::lifecycle::{Conclusion, Event, Lifecycle, ReturnReason, VerificationGround};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};

impl Synth {
    /// A moment `min..max` days after `at`, in office hours, later than `at`.
    fn later(&mut self, at: NaiveDateTime, days: std::ops::Range<i64>) -> NaiveDateTime {
        let mut date = at.date() + Duration::days(self.rng.i64(days));
        if date.weekday() == Weekday::Sun {
            date = date.succ_opt().unwrap_or(date);
        }
        let when = day_start(date) + Duration::seconds(self.rng.i64(9 * 3600..18 * 3600));
        if when > at {
            when
        } else {
            at + Duration::seconds(self.rng.i64(60..7200))
        }
    }

    /// Makes the move when its moment has come and its day is open; false otherwise.
    fn step(&self, life: &mut Lifecycle, clerk: &str, event: Event, at: NaiveDateTime) -> bool {
        at <= self.now
            && !self.taken.closed.contains(&at.date())
            && life.apply(event, clerk, at, None).is_ok()
    }

    /// The journal line and number of a conclusion of `date` (M-16).
    fn conclusion(&mut self, date: NaiveDate, journal: &mut Vec<(i32, i64)>) -> Conclusion {
        let year = date.year();
        let line = self.taken.journal.entry(year).or_insert(0);
        loop {
            *line += 1;
            if self.taken.journal_numbers.insert((year, *line)) {
                journal.push((year, *line));
                return Conclusion {
                    number: line.to_string(),
                    date,
                };
            }
        }
    }

    /// A history in realistic proportions, stopping at the first move whose time has not
    /// come: most are sent, manufactured and issued; some are returned (M-40) and sent
    /// again, verified (M-16), cancelled or spoiled and then destroyed by an act.
    pub(super) fn history(
        &mut self,
        registered: NaiveDateTime,
        clerk: &str,
        coupon: &str,
        journal: &mut Vec<(i32, i64)>,
    ) -> Lifecycle {
        let mut life = Lifecycle::new();
        if !self.step(&mut life, clerk, Event::Register, registered) {
            return life;
        }
        let path = self.rng.u32(0..1000);
        let mut at = registered;
        let destroy = |s: &mut Self, life: &mut Lifecycle, at: NaiveDateTime| {
            if s.rng.u32(0..100) < 70 {
                let when = s.later(at, 20..90);
                let act_number = format!("{}/{:02}", when.year(), when.month());
                s.step(life, clerk, Event::Destroy { act_number }, when);
            }
        };
        if path < 20 {
            at = self.later(at, 0..1);
            let reason = "БЛАНК ИСПОРЧЕН ПРИ ЗАПОЛНЕНИИ".to_string();
            if self.step(&mut life, clerk, Event::Spoil { reason }, at) {
                destroy(self, &mut life, at);
            }
            return life;
        }
        if path < 50 {
            at = self.later(at, 0..3);
            let reason = "ЗАЯВИТЕЛЬ ОТОЗВАЛ ЗАЯВЛЕНИЕ".to_string();
            if self.step(&mut life, clerk, Event::Cancel { reason }, at) {
                destroy(self, &mut life, at);
            }
            return life;
        }
        if path < 90 {
            at = self.later(at, 0..2);
            let ground = pick(&mut self.rng, &VerificationGround::ALL)
                .unwrap_or(VerificationGround::PhotoIdentity);
            if !self.step(&mut life, clerk, Event::StartVerification { ground }, at) {
                return life;
            }
            at = self.later(at, 1..5);
            if at > self.now || self.taken.closed.contains(&at.date()) {
                return life;
            }
            let conclusion = self.conclusion(at.date(), journal);
            if self.rng.u32(0..100) < 20 {
                if self.step(&mut life, clerk, Event::Refuse { conclusion }, at) {
                    destroy(self, &mut life, at);
                }
                return life;
            }
            if !self.step(&mut life, clerk, Event::Confirm { conclusion }, at) {
                return life;
            }
        }
        at = self.later(at, 0..3);
        if !self.step(&mut life, clerk, Event::Send, at) {
            return life;
        }
        if self.rng.u32(0..100) < 6 {
            at = self.later(at, 3..10);
            let reason =
                pick(&mut self.rng, &ReturnReason::ALL).unwrap_or(ReturnReason::PoorGraphics);
            if !self.step(&mut life, clerk, Event::Return { reason }, at) {
                return life;
            }
            at = self.later(at, 1..5);
            let correction = "ФОТОИЗОБРАЖЕНИЕ ПЕРЕСНЯТО, ДАННЫЕ СВЕРЕНЫ".to_string();
            if !self.step(&mut life, clerk, Event::Resend { correction }, at) {
                return life;
            }
        }
        at = self.later(at, 5..20);
        if !self.step(&mut life, clerk, Event::Manufacture, at) {
            return life;
        }
        // Some documents wait at the office: the person has not come yet.
        if self.rng.u32(0..100) < 93 {
            at = self.later(at, 1..45);
            let coupon = coupon.to_string();
            self.step(&mut life, clerk, Event::Issue { coupon }, at);
        }
        life
    }
}
