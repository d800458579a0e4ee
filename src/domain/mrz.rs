//! M-57: the machine-readable zone of an identity document, as a reader types it.
//!
//! Point 57 lets the issue be recorded "by the MRZ read by a reader": the reader types the
//! zone like a keyboard, line by line. Kense takes the two layouts of ICAO Doc 9303 that
//! Kazakh documents use — TD1 (the ID card, 3 lines of 30) and TD3 (the passport, 2 lines
//! of 44) — checks every check digit, and gives the document's number, the names and the
//! birth date, so that the issued document's own number is recorded and the document
//! handed over is the formulary's person's ([`Mrz::matches`]).

use crate::codes::fold::skeleton;
use crate::domain::Text;
use chrono::{Datelike, NaiveDate};

/// The layout of the zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The ID card: 3 lines of 30 characters.
    Td1,
    /// The passport: 2 lines of 44 characters.
    Td3,
}

/// What the zone says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mrz {
    pub layout: Layout,
    /// The document's number (its `<` fillers dropped).
    pub document_number: String,
    /// The primary identifier (surname), Latin letters as the zone writes them.
    pub surname: String,
    /// The secondary identifier (given names).
    pub given_names: String,
    /// The birth date as the zone writes it (YYMMDD), read by [`Mrz::birth_date`].
    pub birth: String,
}

/// Why a text is not a valid zone. No variant carries the zone's text: it is personal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MrzError {
    /// Neither 3 lines of 30 nor 2 lines of 44 characters.
    Shape,
    /// A character outside `A–Z`, `0–9` and `<`.
    Character,
    /// A check digit does not match the field it guards.
    CheckDigit(&'static str),
    /// The birth date is no date.
    BirthDate,
}

impl MrzError {
    /// The explanation, naming the field and the rule.
    pub fn text(&self) -> Text {
        match self {
            MrzError::Shape => Text::new(
                "MRZ: ожидается 3 строки по 30 знаков (удостоверение) или 2 по 44 (паспорт) (M-57)",
                "MRZ: 30 таңбадан 3 жол (куәлік) немесе 44 таңбадан 2 жол (паспорт) күтіледі (M-57)",
                "MRZ: expected 3 lines of 30 characters (ID card) or 2 of 44 (passport) (M-57)",
            ),
            MrzError::Character => Text::new(
                "MRZ: допустимы только A–Z, 0–9 и < (M-57)",
                "MRZ: тек A–Z, 0–9 және < рұқсат етілген (M-57)",
                "MRZ: only A–Z, 0–9 and < are allowed (M-57)",
            ),
            MrzError::CheckDigit(field) => Text::new(
                format!(
                    "MRZ: неверная контрольная цифра поля {field}: зона считана с ошибкой (M-57)"
                ),
                format!("MRZ: {field} өрісінің бақылау цифры қате: аймақ қате оқылды (M-57)"),
                format!("MRZ: the check digit of {field} is wrong: the zone was misread (M-57)"),
            ),
            MrzError::BirthDate => Text::new(
                "MRZ: дата рождения не является датой (M-57)",
                "MRZ: туған күні күн емес (M-57)",
                "MRZ: the birth date is not a date (M-57)",
            ),
        }
    }
}

impl std::fmt::Display for MrzError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl std::error::Error for MrzError {}

/// The value of an MRZ character for the check digit (ICAO 9303 part 3): digits as they
/// are, `A`–`Z` 10–35, `<` 0.
fn value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'A'..=b'Z' => u32::from(c - b'A') + 10,
        _ => 0,
    }
}

/// The check digit of `field`: weights 7, 3, 1 repeated, modulo 10.
pub fn check_digit(field: &str) -> u8 {
    let sum: u32 = field
        .bytes()
        .zip([7u32, 3, 1].into_iter().cycle())
        .map(|(c, w)| value(c) * w)
        .sum();
    // The sum modulo 10 is below 10: it fits a digit.
    b'0' + u8::try_from(sum % 10).unwrap_or(0)
}

/// `text[range]`, or "" (the shape was checked before; no panic path).
fn part(text: &str, from: usize, to: usize) -> &str {
    text.get(from..to).unwrap_or("")
}

fn verify(field: &'static str, data: &str, digit: &str) -> Result<(), MrzError> {
    if digit.as_bytes().first() == Some(&check_digit(data)) {
        Ok(())
    } else {
        Err(MrzError::CheckDigit(field))
    }
}

fn names(zone: &str) -> (String, String) {
    let mut halves = zone.splitn(2, "<<");
    let clean = |s: Option<&str>| {
        s.unwrap_or("")
            .split('<')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let surname = clean(halves.next());
    (surname, clean(halves.next()))
}

impl Mrz {
    /// Parses the zone as typed: lines separated by line breaks (or typed one after the
    /// other with nothing between), spaces around ignored, letters in any case.
    pub fn parse(text: &str) -> Result<Mrz, MrzError> {
        let joined: String = text
            .split_whitespace()
            .collect::<String>()
            .to_ascii_uppercase();
        if !joined
            .bytes()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'<')
        {
            return Err(MrzError::Character);
        }
        match joined.len() {
            90 => Self::td1(&joined),
            88 => Self::td3(&joined),
            _ => Err(MrzError::Shape),
        }
    }

    fn td1(z: &str) -> Result<Mrz, MrzError> {
        let (l1, l2, l3) = (part(z, 0, 30), part(z, 30, 60), part(z, 60, 90));
        verify("document_number", part(l1, 5, 14), part(l1, 14, 15))?;
        verify("birth_date", part(l2, 0, 6), part(l2, 6, 7))?;
        verify("expiry_date", part(l2, 8, 14), part(l2, 14, 15))?;
        let composite = format!(
            "{}{}{}{}",
            part(l1, 5, 30),
            part(l2, 0, 7),
            part(l2, 8, 15),
            part(l2, 18, 29)
        );
        verify("composite", &composite, part(l2, 29, 30))?;
        let (surname, given_names) = names(l3);
        Self::made(
            Layout::Td1,
            part(l1, 5, 14),
            surname,
            given_names,
            part(l2, 0, 6),
        )
    }

    fn td3(z: &str) -> Result<Mrz, MrzError> {
        let (l1, l2) = (part(z, 0, 44), part(z, 44, 88));
        verify("document_number", part(l2, 0, 9), part(l2, 9, 10))?;
        verify("birth_date", part(l2, 13, 19), part(l2, 19, 20))?;
        verify("expiry_date", part(l2, 21, 27), part(l2, 27, 28))?;
        // The personal number's check digit may be `<` when the field is empty.
        let personal = part(l2, 28, 42);
        if !(personal.bytes().all(|c| c == b'<') && matches!(part(l2, 42, 43), "<" | "0")) {
            verify("personal_number", personal, part(l2, 42, 43))?;
        }
        let composite = format!(
            "{}{}{}",
            part(l2, 0, 10),
            part(l2, 13, 20),
            part(l2, 21, 43)
        );
        verify("composite", &composite, part(l2, 43, 44))?;
        let (surname, given_names) = names(part(l1, 5, 44));
        Self::made(
            Layout::Td3,
            part(l2, 0, 9),
            surname,
            given_names,
            part(l2, 13, 19),
        )
    }

    fn made(
        layout: Layout,
        number: &str,
        surname: String,
        given_names: String,
        birth: &str,
    ) -> Result<Mrz, MrzError> {
        let mrz = Mrz {
            layout,
            document_number: number.trim_end_matches('<').to_string(),
            surname,
            given_names,
            birth: birth.to_string(),
        };
        if mrz.birth_day_month().is_none() {
            return Err(MrzError::BirthDate);
        }
        Ok(mrz)
    }

    fn birth_day_month(&self) -> Option<(u32, u32, u32)> {
        let n = |a, b| part(&self.birth, a, b).parse::<u32>().ok();
        let (yy, mm, dd) = (n(0, 2)?, n(2, 4)?, n(4, 6)?);
        NaiveDate::from_ymd_opt(2000, mm, dd).map(|_| (yy, mm, dd))
    }

    /// The birth date, its century taken from the formulary's (the zone has two digits
    /// of the year): `known` decides between 19YY and 20YY.
    pub fn birth_date_near(&self, known: NaiveDate) -> Option<NaiveDate> {
        let (yy, mm, dd) = self.birth_day_month()?;
        let century = known.year() - known.year().rem_euclid(100);
        let year = century + i32::try_from(yy).ok()?;
        NaiveDate::from_ymd_opt(year, mm, dd)
    }

    /// Whether the zone is the formulary's person's: the birth date equal, and the
    /// surname and the first given name equal once both are folded to Latin letters
    /// ([`skeleton`], with `y` read as `i`, since transliterations of `й`, `ы` and `і`
    /// differ), up to two letters apart for a transliteration's differences.
    pub fn matches(&self, surname: &str, given_name: &str, birth_date: NaiveDate) -> MrzMatch {
        let fold = |s: &str| skeleton(s).replace(' ', "").replace('y', "i");
        let near = |a: &str, b: &str| strsim::osa_distance(&fold(a), &fold(b)) <= 2;
        let first_given = self.given_names.split(' ').next().unwrap_or("");
        let given_typed = given_name.split_whitespace().next().unwrap_or("");
        MrzMatch {
            surname: near(&self.surname, surname),
            given_name: near(first_given, given_typed),
            birth_date: self.birth_date_near(birth_date) == Some(birth_date),
        }
    }
}

/// Which of the formulary's data the zone matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MrzMatch {
    pub surname: bool,
    pub given_name: bool,
    pub birth_date: bool,
}

impl MrzMatch {
    /// Every field matches.
    pub fn all(self) -> bool {
        self.surname && self.given_name && self.birth_date
    }

    /// The first field that does not match, by its formulary name.
    pub fn first_mismatch(self) -> Option<&'static str> {
        [
            (self.surname, "surname"),
            (self.given_name, "given_name"),
            (self.birth_date, "birth_date"),
        ]
        .into_iter()
        .find(|(ok, _)| !ok)
        .map(|(_, field)| field)
    }
}

#[cfg(test)]
#[path = "mrz_tests.rs"]
mod tests;
