//! The people of the demo register: Kazakh, Russian and foreign names in the forms a
//! formulary takes them, their addresses, and the reverse-side notes their code needs.

use super::names::*;
use super::synth::{Synth, pick};
use crate::codes::District;
use crate::domain::Sex;
use crate::domain::formulary::{BasisKind, Citizenship, Note};
use chrono::{Duration, NaiveDate};

/// The names of one person, and the nationality record.
pub(super) struct Person {
    pub surname: String,
    pub given_name: String,
    pub patronymic: Option<String>,
    pub nationality: &'static str,
}

impl Synth {
    pub(super) fn person(&mut self, holder: &Citizenship, sex: Sex) -> Person {
        let male = sex == Sex::Male;
        let kazakh = matches!(holder, Citizenship::Kazakhstan) && self.rng.u32(0..100) < 72;
        let latin = matches!(holder, Citizenship::Foreign(c) if c != "RU" && c != "KG");
        let r = &mut self.rng;
        let either = |(m, f): (&'static str, &'static str)| if male { m } else { f };
        if latin {
            let given = if male { LATIN_MALE } else { LATIN_FEMALE };
            let nationality = match holder {
                Citizenship::Foreign(c) => nationality_of(c, male),
                _ => either(("РУССКИЙ", "РУССКАЯ")),
            };
            return Person {
                surname: pick(r, LATIN_SURNAMES).unwrap_or("LI").into(),
                given_name: pick(r, given).unwrap_or("ANNA").into(),
                patronymic: None,
                nationality,
            };
        }
        if kazakh {
            let given = if male { KAZAKH_MALE } else { KAZAKH_FEMALE };
            let father = pick(r, KAZAKH_MALE).unwrap_or("АРМАН");
            // A Kazakh patronymic: the father's name with -ұлы (son) or -қызы (daughter).
            let patronymic = format!("{father}{}", either(("ҰЛЫ", "ҚЫЗЫ")));
            return Person {
                surname: either(pick(r, KAZAKH_SURNAMES).unwrap_or(("АХМЕТОВ", "АХМЕТОВА"))).into(),
                given_name: pick(r, given).unwrap_or("АРМАН").into(),
                patronymic: (r.u32(0..100) < 95).then_some(patronymic),
                nationality: either(("КАЗАХ", "КАЗАШКА")),
            };
        }
        let given = if male { RUSSIAN_MALE } else { RUSSIAN_FEMALE };
        let nationality = match holder {
            Citizenship::Foreign(c) if c == "KG" => nationality_of(c, male),
            _ => either(("РУССКИЙ", "РУССКАЯ")),
        };
        Person {
            surname: either(pick(r, RUSSIAN_SURNAMES).unwrap_or(("ИВАНОВ", "ИВАНОВА"))).into(),
            given_name: pick(r, given).unwrap_or("ОЛЬГА").into(),
            patronymic: Some(
                either(pick(r, RUSSIAN_PATRONYMICS).unwrap_or(("ИВАНОВИЧ", "ИВАНОВНА"))).into(),
            ),
            nationality,
        }
    }

    pub(super) fn address(&mut self, district: &District) -> String {
        let street = pick(&mut self.rng, STREETS).unwrap_or("АБАЯ");
        format!(
            "{}, УЛ. {street}, Д. {}, КВ. {}",
            district.name_ru,
            self.rng.u32(1..120),
            self.rng.u32(1..200)
        )
    }

    /// The reverse-side notes the code needs: a parent's document for a child (M-12.c), a
    /// basis document for a change of data (M-12.d), the identification protocol (M-33).
    pub(super) fn notes(&mut self, code: &str, today: NaiveDate) -> Vec<Note> {
        let before = |rng: &mut fastrand::Rng, days: std::ops::Range<i64>| {
            Some(today - Duration::days(rng.i64(days)))
        };
        let number = |rng: &mut fastrand::Rng, digits: u32| {
            Some(
                rng.u64(10u64.pow(digits - 1)..10u64.pow(digits))
                    .to_string(),
            )
        };
        let r = &mut self.rng;
        match code {
            // M-12.c: a minor documented on a birth certificate (code "01" at 16–17 too).
            "00" | "01" => vec![Note::ParentId {
                number: number(r, 9),
                date: before(r, 365..3650),
                issuer: Some("МВД РК".into()),
            }],
            "04" => vec![Note::BasisDocument {
                document: Some(if r.u32(0..100) < 80 {
                    BasisKind::MarriageRecord
                } else {
                    BasisKind::DivorceRecord
                }),
                number: number(r, 4),
                date: before(r, 3..60),
            }],
            "05" => vec![Note::BasisDocument {
                document: Some(BasisKind::DataChangeConclusion),
                number: number(r, 3),
                date: before(r, 3..60),
            }],
            "06" => vec![Note::IdentificationProtocol {
                number: number(r, 2),
                date: before(r, 1..10),
            }],
            _ => Vec::new(),
        }
    }

    /// A coupon number no formulary has (M-56): nine random digits and the check digit.
    pub(super) fn coupon(&mut self) -> String {
        loop {
            let body = self.rng.u32(100_000_000..=999_999_999);
            if self.taken.coupons.insert(body)
                && let Some(coupon) = crate::store::numbers::coupon_from(body)
            {
                return coupon;
            }
        }
    }
}
fn nationality_of(country: &str, male: bool) -> &'static str {
    let (m, f) = match country {
        "UZ" => ("УЗБЕК", "УЗБЕЧКА"),
        "KG" => ("КЫРГЫЗ", "КЫРГЫЗКА"),
        "CN" => ("КИТАЕЦ", "КИТАЯНКА"),
        "TR" => ("ТУРОК", "ТУРЧАНКА"),
        "TJ" => ("ТАДЖИК", "ТАДЖИЧКА"),
        "DE" => ("НЕМЕЦ", "НЕМКА"),
        _ => ("РУССКИЙ", "РУССКАЯ"),
    };
    if male { m } else { f }
}
