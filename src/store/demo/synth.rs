//! The synthetic formularies of the demo register, valid by construction: each code's
//! holder, document, age and reverse-side notes as `domain::formulary::CODE_RULES` asks
//! (M-31, M-12.c, M-12.d, M-33), an IIN generated from the stated birth date and sex
//! (M-12.a), and a history made through `domain::lifecycle`, so every move is one the
//! table allows. Pure apart from its seeded generator: the same seed and clock give the
//! same register.

use super::names::*;
use super::taken::Taken;
use crate::codes::{District, districts};
use crate::domain::formulary::{
    BasisKind, Citizenship, DataChange, FilledAt, Formulary, Note, PreviousResidence, Residence,
    Signature,
};
use crate::domain::iin::Iin;
use crate::domain::lifecycle::Lifecycle;
use crate::domain::{DocumentKind, Sex};
use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// How often each filling code (M-31) is used, per thousand: expiry ("18"), reaching 16
/// ("01"), children ("00") and losses ("09", "13") make most of an office's work.
const CODE_WEIGHTS: &[(&str, u32)] = &[
    ("18", 290),
    ("01", 110),
    ("00", 90),
    ("09", 90),
    ("10", 80),
    ("04", 70),
    ("13", 50),
    ("16", 40),
    ("07", 30),
    ("17", 25),
    ("03", 20),
    ("12", 20),
    ("15", 20),
    ("08", 15),
    ("11", 15),
    ("14", 15),
    ("05", 10),
    ("06", 10),
];

/// The first IIN serial the demo uses. Demo IINs are not written to `iin_issued` (it takes
/// one audit entry per IIN, and the demo audits per batch), so `iin generate`, which
/// counts from 0001 after the highest serial there, could meet them only after 4,999
/// serials for one birth date and sex: more than a whole country's births of a day.
pub(super) const FIRST_SERIAL: u16 = 5000;

/// One synthetic formulary and everything the register keeps with it.
pub(super) struct Planned {
    pub formulary: Formulary,
    pub iin: Iin,
    pub birth: NaiveDate,
    pub document: DocumentKind,
    pub coupon: String,
    pub registered_at: NaiveDateTime,
    /// The clerk of the demo office who registered it and made its moves.
    pub clerk: &'static str,
    /// Its history from registration; the lines of the journal of conclusions (M-16) its
    /// conclusions took, as (year, line), in the order of its conclusion moves.
    pub lifecycle: Lifecycle,
    pub journal: Vec<(i32, i64)>,
}

/// The generator.
pub(super) struct Synth {
    pub(super) rng: fastrand::Rng,
    pub(super) now: NaiveDateTime,
    pub(super) taken: Taken,
    pub(super) districts: Vec<&'static District>,
}

pub(super) fn pick<T: Copy>(rng: &mut fastrand::Rng, items: &[T]) -> Option<T> {
    (!items.is_empty()).then(|| items[rng.usize(..items.len())])
}

/// The filling code for a draw of 0..1000.
fn code_for(draw: u32) -> &'static str {
    let mut left = draw;
    for (code, weight) in CODE_WEIGHTS {
        if left < *weight {
            return code;
        }
        left -= weight;
    }
    "18"
}

pub(super) fn day_start(date: NaiveDate) -> NaiveDateTime {
    date.and_time(NaiveTime::MIN)
}

/// The last day registrations go on with the clock at `now`: its own day from 10:00 (an
/// hour of office time to spread them over), else the day before.
pub(super) fn last_open_day(now: NaiveDateTime) -> NaiveDate {
    let ten = NaiveTime::from_hms_opt(10, 0, 0).unwrap_or(NaiveTime::MIN);
    let today = now.date();
    if now.time() < ten {
        today.pred_opt().unwrap_or(today)
    } else {
        today
    }
}

/// Whether registrations go on `date` at all: Monday to Saturday (Saturday a short day).
pub(super) fn is_office_day(date: NaiveDate) -> bool {
    date.weekday() != Weekday::Sun
}

impl Synth {
    pub(super) fn new(seed: u64, now: NaiveDateTime, taken: Taken) -> Self {
        // Region 9999 is "abroad and special": not an office's everyday district.
        let districts = districts()
            .iter()
            .filter(|d| d.region_code != "9999")
            .collect();
        Self {
            rng: fastrand::Rng::with_seed(seed),
            now,
            taken,
            districts,
        }
    }

    /// How many formularies each working day from `first` to `last` gets, `count` in all:
    /// working days only (Monday to Friday, Saturday a short day), none on a closed day,
    /// each day's share varying by ±30 %.
    pub(super) fn schedule(
        &mut self,
        count: u64,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Vec<(NaiveDate, u64)> {
        let mut days: Vec<(NaiveDate, u64)> = Vec::new();
        let mut weights = Vec::new();
        let last = last.min(last_open_day(self.now));
        for date in first.iter_days().take_while(|d| *d <= last) {
            let base = match date.weekday() {
                Weekday::Sun => continue,
                Weekday::Sat => 40,
                _ => 100,
            };
            if self.taken.closed.contains(&date) {
                continue;
            }
            days.push((date, 0));
            weights.push(base * u64::from(self.rng.u32(70..=130)) / 100);
        }
        let total: u64 = weights.iter().sum::<u64>().max(1);
        let mut given = 0;
        for ((_, n), w) in days.iter_mut().zip(&weights) {
            *n = count * w / total;
            given += *n;
        }
        // The rounding's remainder, one each to days drawn at random.
        while given < count && !days.is_empty() {
            let i = self.rng.usize(..days.len());
            if let Some((_, n)) = days.get_mut(i) {
                *n += 1;
                given += 1;
            }
        }
        days.retain(|(_, n)| *n > 0);
        days
    }

    /// The times of `n` registrations on `date`, in order, within office hours.
    pub(super) fn times(&mut self, date: NaiveDate, n: u64) -> Vec<NaiveDateTime> {
        let open = date.and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN));
        // Today's registrations end now; `schedule` leaves today out before 10:00.
        let hours = (self.now - open).num_seconds().clamp(1, 9 * 3600);
        let mut seconds: Vec<i64> = (0..n).map(|_| self.rng.i64(0..hours)).collect();
        seconds.sort_unstable();
        seconds
            .into_iter()
            .map(|s| open + Duration::seconds(s))
            .collect()
    }

    /// Whether to close `date` once its formularies are in: most days a week old or more.
    pub(super) fn closes(&mut self, date: NaiveDate) -> bool {
        let week_ago = self.now.date() - Duration::days(7);
        date <= week_ago && self.rng.u32(0..100) < 60
    }

    /// One formulary registered at `at`; `None` when its IIN serials ran out or `at` is not
    /// open for registration (after `now`, or on a closed day).
    pub(super) fn formulary(&mut self, at: NaiveDateTime) -> Option<Planned> {
        let today = at.date();
        let code = code_for(self.rng.u32(0..1000));
        let holder = self.holder(code);
        let sex = if code == "04" && self.rng.u32(0..100) < 85 {
            Sex::Female // a surname changed on marriage, most often a woman's
        } else if self.rng.bool() {
            Sex::Male
        } else {
            Sex::Female
        };
        let birth = self.birth(code, today)?;
        let (iin, birth) = self.iin(birth, sex)?;
        let document = self.document(code, &holder);
        let person = self.person(&holder, sex);
        let district = pick(&mut self.rng, &self.districts)?;
        let born_in = pick(&mut self.rng, &self.districts)?;
        let clerk = pick(&mut self.rng, CLERKS)?;
        let first_registration = matches!(code, "00" | "01" | "11");
        let arrival = if first_registration {
            birth
        } else {
            let lived = (today - birth).num_days().max(0);
            today - Duration::days(self.rng.i64(0..=lived.min(20 * 365)))
        };
        let address = self.address(district);
        let previous = (!first_registration && self.rng.u32(0..100) < 60).then(|| {
            let other = pick(&mut self.rng, &self.districts).unwrap_or(district);
            PreviousResidence {
                address: Some(self.address(other)),
            }
        });
        let signature = if self.rng.u32(0..1000) < 8 {
            // M-8: the person cannot sign, and the reason is written.
            Signature::Absent {
                reason: Some("ПО СОСТОЯНИЮ ЗДОРОВЬЯ НЕ МОЖЕТ РАСПИСАТЬСЯ".into()),
            }
        } else {
            Signature::Present
        };
        let notes = self.notes(code, today);
        let data_change = data_change(code, &notes);
        let absent = matches!(signature, Signature::Absent { .. });
        let formulary = Formulary {
            document: Some(document),
            filling_code: Some(code.to_string()),
            iin: Some(iin.as_str().to_string()),
            surname: Some(person.surname),
            given_name: Some(person.given_name),
            patronymic: person.patronymic,
            birth_date: Some(birth),
            birth_place: Some(format!("{}, {}", born_in.region_name_ru, born_in.name_ru)),
            sex: Some(sex),
            nationality: Some(person.nationality.to_string()),
            citizenship: Some(holder),
            region_code: Some(district.region_code.to_string()),
            district_code: Some(district.district_code.to_string()),
            residence: Some(Residence {
                address: Some(address),
                arrival_date: Some(arrival),
            }),
            previous_residence: previous,
            signature: Some(signature),
            reverse_side: notes,
            additional_information: None,
            filled_on: Some(today),
            clerk: Some(clerk.to_string()),
            overrides: Vec::new(),
            filled_at: Some(FilledAt::PermanentRegistration),
            // M-12.c: the parent who shows their document is there.
            representative_present: matches!(code, "00" | "01").then_some(true),
            data_change,
            signature_document: absent.then(|| "СПРАВКА МСЭК".to_string()),
            ..Formulary::default()
        };
        let coupon = self.coupon();
        let mut journal = Vec::new();
        let lifecycle = self.history(at, clerk, &coupon, &mut journal);
        if lifecycle.transitions().is_empty() {
            return None; // not registered: its moment or day was not open
        }
        Some(Planned {
            formulary,
            iin,
            birth,
            document,
            coupon,
            registered_at: at,
            clerk,
            lifecycle,
            journal,
        })
    }

    /// Whom the code documents (M-31): its own holders, else mostly citizens.
    fn holder(&mut self, code: &str) -> Citizenship {
        let foreign = |rng: &mut fastrand::Rng| {
            Citizenship::Foreign(pick(rng, FOREIGN_COUNTRIES).unwrap_or("UZ").to_string())
        };
        match code {
            "03" => foreign(&mut self.rng),
            "11" if self.rng.bool() => Citizenship::Stateless,
            "11" => foreign(&mut self.rng),
            "00" | "01" | "08" | "12" | "13" | "15" | "17" => Citizenship::Kazakhstan,
            _ => match self.rng.u32(0..100) {
                0..=2 => foreign(&mut self.rng),
                3 => Citizenship::Stateless,
                _ => Citizenship::Kazakhstan,
            },
        }
    }

    /// The document the code allows the holder (M-31).
    fn document(&mut self, code: &str, holder: &Citizenship) -> DocumentKind {
        match holder {
            Citizenship::Foreign(_) => DocumentKind::ResidencePermit,
            Citizenship::Stateless => DocumentKind::StatelessCertificate,
            Citizenship::Kazakhstan => match code {
                "13" => DocumentKind::Passport,
                "00" | "01" | "09" | "15" => DocumentKind::IdCard,
                _ if self.rng.u32(0..100) < 25 => DocumentKind::Passport,
                _ => DocumentKind::IdCard,
            },
        }
    }

    /// A birth date the code's age rule accepts on `today` (M-31): under 16 for "00", 16
    /// within the last three months for "01", 17 to 80 otherwise.
    fn birth(&mut self, code: &str, today: NaiveDate) -> Option<NaiveDate> {
        match code {
            "00" => today.checked_sub_days(chrono::Days::new(self.rng.u64(30..15 * 365))),
            "01" => today
                .checked_sub_months(Months::new(16 * 12))?
                .checked_sub_days(chrono::Days::new(self.rng.u64(1..90))),
            _ => {
                let years = self.rng.u32(17..80);
                today
                    .checked_sub_months(Months::new(years * 12))?
                    .checked_sub_days(chrono::Days::new(self.rng.u64(0..365)))
            }
        }
    }

    /// The next IIN serial for the birth date and sex (M-12.a) from [`FIRST_SERIAL`] on,
    /// after every one the register and this demo issued; when a date's serials run out,
    /// the day before.
    fn iin(&mut self, birth: NaiveDate, sex: Sex) -> Option<(Iin, NaiveDate)> {
        let mut birth = birth;
        for _ in 0..30 {
            let from = self
                .taken
                .serials
                .get(&(birth, sex))
                .map_or(Some(FIRST_SERIAL), |s| {
                    s.checked_add(1).map(|s| s.max(FIRST_SERIAL))
                });
            let mut from = from?;
            while let Some((iin, serial)) = Iin::next_after(birth, sex, from) {
                self.taken.serials.insert((birth, sex), serial);
                if self.taken.iins.is_empty() || !self.taken.iins.contains(iin.as_str()) {
                    return Some((iin, birth));
                }
                from = serial.checked_add(1)?;
            }
            birth = birth.pred_opt()?;
        }
        None
    }
}

/// M-12.d: the basis of a change of personal data the demo's notes show: a surname on
/// marriage or divorce (code "04"), the conclusion of appendix 4 (code "05").
fn data_change(code: &str, notes: &[Note]) -> Option<DataChange> {
    notes.iter().find_map(|n| match (code, n) {
        (
            "04",
            Note::BasisDocument {
                document: Some(BasisKind::MarriageRecord),
                ..
            },
        ) => Some(DataChange::MarriageSurname),
        ("04", Note::BasisDocument { .. }) => Some(DataChange::DivorceSurname),
        ("05", Note::BasisDocument { number, date, .. }) => Some(DataChange::Conclusion {
            number: number.clone(),
            date: *date,
        }),
        _ => None,
    })
}
