//! IIN and BIN: the 12-digit individual and business identification numbers.
//!
//! Both end in the same check digit: the sum of the first eleven digits weighted 1..11,
//! modulo 11; where that is 10, again with the weights 3..11, 1, 2; where that is 10 too,
//! the number is never issued.
//!
//! - IIN: `YYMMDD` birth date, a digit for century and sex (1/2 the 1800s, 3/4 the 1900s,
//!   5/6 the 2000s, odd male and even female; 0 for foreign nationals, with neither), a
//!   4-digit serial, the check digit.
//! - BIN: `YYMM` of registration, the entity type (4 resident legal entity, 5 non-resident,
//!   6 joint individual entrepreneurship), the unit (0 head unit, 1 branch,
//!   2 representative office, 3 peasant farm), a 5-digit serial, the check digit.

// First: the macro it holds is used by this file and by `bin`.
#[macro_use]
mod newtype;
mod bin;
mod error;

pub use bin::{Bin, EntityType, EntityUnit};
pub use error::NumberError;

use super::Sex;
use chrono::{Datelike, NaiveDate};

const WEIGHTS: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const WEIGHTS_AGAIN: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/// The check digit of the first eleven digits, or `None` when the number is never issued.
pub fn check_digit(first_eleven: &[u8; 11]) -> Option<u8> {
    let sum = |weights: &[u32; 11]| {
        first_eleven
            .iter()
            .zip(weights)
            .map(|(d, w)| u32::from(*d) * w)
            .sum::<u32>()
            % 11
    };
    match sum(&WEIGHTS) {
        10 => match sum(&WEIGHTS_AGAIN) {
            10 => None,
            d => u8::try_from(d).ok(),
        },
        d => u8::try_from(d).ok(),
    }
}

/// The twelve digits, or the first thing wrong with their shape. Spaces around the number
/// are forgiven; spaces inside are not, as a clerk may have typed two numbers.
pub(crate) fn digits(text: &str) -> Result<[u8; 12], NumberError> {
    let text = text.trim();
    let count = text.chars().count();
    // A stray character within the first twelve is named where it stands; past them the
    // length is what is wrong.
    if let Some((i, c)) = text.chars().enumerate().find(|(_, c)| !c.is_ascii_digit())
        && (count == 12 || i < 12)
    {
        return Err(NumberError::NonDigit {
            position: i + 1,
            found: c,
        });
    }
    if count != 12 {
        return Err(NumberError::Length { found: count });
    }
    let mut out = [0u8; 12];
    for (slot, b) in out.iter_mut().zip(text.bytes()) {
        *slot = b - b'0';
    }
    Ok(out)
}

pub(crate) fn pair(d: &[u8; 12], at: usize) -> u8 {
    d[at] * 10 + d[at + 1]
}

pub(crate) fn verify_check(d: &[u8; 12]) -> Result<(), NumberError> {
    let mut first = [0u8; 11];
    first.copy_from_slice(&d[..11]);
    match check_digit(&first) {
        None => Err(NumberError::NeverIssued),
        Some(expected) if expected != d[11] => Err(NumberError::CheckDigit {
            found: d[11],
            expected,
        }),
        Some(_) => Ok(()),
    }
}

pub(crate) fn as_string(d: &[u8; 12]) -> String {
    d.iter().map(|x| char::from(b'0' + x)).collect()
}

/// A valid IIN.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Iin(String);

twelve_digits!(Iin, "IIN");

impl Iin {
    /// Checks every part of `text` as an IIN, the first wrong part first.
    pub fn parse(text: &str) -> Result<Self, NumberError> {
        let d = digits(text)?;
        let month = pair(&d, 2);
        if !(1..=12).contains(&month) {
            return Err(NumberError::Month { found: month });
        }
        if d[6] > 6 {
            return Err(NumberError::CenturySex { found: d[6] });
        }
        let day = pair(&d, 4);
        let yy = i32::from(pair(&d, 0));
        let day_exists = |year: i32| NaiveDate::from_ymd_opt(year, month.into(), day.into());
        let real = match century(d[6]) {
            Some(base) => day_exists(base + yy).is_some(),
            // Without a century, 29 February is real in some century.
            None => day_exists(1900 + yy).is_some() || day_exists(2000 + yy).is_some(),
        };
        if !real {
            return Err(NumberError::Day { found: day, month });
        }
        verify_check(&d)?;
        Ok(Self(as_string(&d)))
    }

    /// The birth date the IIN encodes; `None` for a foreign national's IIN (7th digit 0),
    /// which has no century.
    pub fn birth_date(&self) -> Option<NaiveDate> {
        let base = century(self.digit(6))?;
        let year = base + i32::from(self.digit(0) * 10 + self.digit(1));
        let month = u32::from(self.digit(2) * 10 + self.digit(3));
        let day = u32::from(self.digit(4) * 10 + self.digit(5));
        NaiveDate::from_ymd_opt(year, month, day)
    }

    /// The sex the IIN encodes; `None` for a foreign national's IIN.
    pub fn sex(&self) -> Option<Sex> {
        match self.digit(6) {
            0 => None,
            d if d % 2 == 1 => Some(Sex::Male),
            _ => Some(Sex::Female),
        }
    }

    /// The 4-digit serial (digits 8–11).
    pub fn serial(&self) -> u16 {
        (7..11).fold(0u16, |acc, i| acc * 10 + u16::from(self.digit(i)))
    }

    /// The IIN for a person born on `birth_date`, of `sex`, with this `serial` (M-12.a):
    /// `None` when that serial makes a number that is never issued, or the date is outside
    /// 1800–2099, or the serial is over 9999. Uniqueness is the register's concern.
    pub fn generate(birth_date: NaiveDate, sex: Sex, serial: u16) -> Option<Self> {
        let century_digit: u8 = match (birth_date.year() / 100, sex) {
            (18, Sex::Male) => 1,
            (18, Sex::Female) => 2,
            (19, Sex::Male) => 3,
            (19, Sex::Female) => 4,
            (20, Sex::Male) => 5,
            (20, Sex::Female) => 6,
            _ => return None,
        };
        if serial > 9999 {
            return None;
        }
        let text = format!(
            "{:02}{:02}{:02}{century_digit}{serial:04}",
            birth_date.year() % 100,
            birth_date.month(),
            birth_date.day()
        );
        let mut first = [0u8; 11];
        for (slot, b) in first.iter_mut().zip(text.bytes()) {
            *slot = b - b'0';
        }
        let check = check_digit(&first)?;
        Some(Self(format!("{text}{check}")))
    }

    /// The IIN with the first serial from `from` on that makes an issued number, with that
    /// serial; `None` when no serial up to 9999 is left.
    pub fn next_after(birth_date: NaiveDate, sex: Sex, from: u16) -> Option<(Self, u16)> {
        (from..=9999).find_map(|s| Self::generate(birth_date, sex, s).map(|iin| (iin, s)))
    }
}

fn century(digit: u8) -> Option<i32> {
    match digit {
        1 | 2 => Some(1800),
        3 | 4 => Some(1900),
        5 | 6 => Some(2000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}"))
    }

    #[test]
    fn check_digit_uses_the_second_weights_when_the_first_give_ten() {
        // Digit 10 is 1: the first weights give 10·1 = 10, the second 1·1 = 1.
        assert_eq!(check_digit(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]), Some(1));
        // Digit 1 is 1: the first weights give 1 at once.
        assert_eq!(check_digit(&[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), Some(1));
        // Digits 1 and 9 are 1: first 1 + 9 = 10, second 3 + 11 = 14 → 3.
        assert_eq!(check_digit(&[1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]), Some(3));
        // Digit 3 is 1 and digit 11 is 4: first 3 + 44 = 47 → 3.
        assert_eq!(check_digit(&[0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 4]), Some(3));
        // Digits 10 and 11 are 1 and 9: first 10 + 99 = 109 → 10; second 1 + 18 = 19 → 8.
        assert_eq!(check_digit(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 9]), Some(8));
        // Digit 2 is 5: first 10 → 10; second 4·5 = 20 → 9.
        assert_eq!(check_digit(&[0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0]), Some(9));
    }

    #[test]
    fn a_generated_iin_decodes_to_what_it_was_made_from() {
        let born = date(2015, 3, 8);
        let (iin, serial) =
            Iin::next_after(born, Sex::Female, 1).unwrap_or_else(|| panic!("a serial is free"));
        assert_eq!(iin.as_str().len(), 12);
        assert_eq!(&iin.as_str()[..7], "1503086");
        assert_eq!(iin.birth_date(), Some(born));
        assert_eq!(iin.sex(), Some(Sex::Female));
        assert_eq!(iin.serial(), serial);
        assert_eq!(Iin::parse(iin.as_str()), Ok(iin));
    }

    #[test]
    fn every_wrong_part_is_named() {
        assert_eq!(Iin::parse("12345"), Err(NumberError::Length { found: 5 }));
        assert_eq!(
            Iin::parse("8901a2300123"),
            Err(NumberError::NonDigit {
                position: 5,
                found: 'a'
            })
        );
        assert_eq!(
            Iin::parse("891302300123"),
            Err(NumberError::Month { found: 13 })
        );
        assert_eq!(
            Iin::parse("890231300123"),
            Err(NumberError::Day {
                found: 31,
                month: 2
            })
        );
        assert_eq!(
            Iin::parse("890120700123"),
            Err(NumberError::CenturySex { found: 7 })
        );
    }

    #[test]
    fn a_wrong_check_digit_says_what_it_should_be() {
        let iin = Iin::generate(date(1989, 1, 20), Sex::Male, 123)
            .or_else(|| Iin::generate(date(1989, 1, 20), Sex::Male, 124))
            .unwrap_or_else(|| panic!("one of two serials is issued"));
        let right = iin.as_str().as_bytes()[11] - b'0';
        let wrong = (right + 1) % 10;
        let typed = format!("{}{wrong}", &iin.as_str()[..11]);
        assert_eq!(
            Iin::parse(&typed),
            Err(NumberError::CheckDigit {
                found: wrong,
                expected: right
            })
        );
    }

    #[test]
    fn a_number_without_check_digit_is_never_issued() {
        // Search the serials of one date for one whose both sums are 10.
        let born = date(2000, 1, 1);
        let never = (0..=9999u16)
            .find(|s| Iin::generate(born, Sex::Male, *s).is_none())
            .unwrap_or_else(|| panic!("some serial of 2000-01-01 is never issued"));
        let text = format!("0001015{never:04}0");
        assert_eq!(Iin::parse(&text), Err(NumberError::NeverIssued));
    }

    #[test]
    fn a_foreign_nationals_iin_has_no_century_or_sex() {
        // 7th digit 0; 29 February of '00 is real in 2000, so it is accepted without a
        // century. Check digit by hand: 2·4 + 2·5 + 9·6 + 1·11 = 83 ≡ 6 (mod 11).
        let iin = Iin::parse("000229000016").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(iin.birth_date(), None);
        assert_eq!(iin.sex(), None);
        assert_eq!(iin.serial(), 1);
    }

    #[test]
    fn the_next_serial_skips_numbers_that_are_never_issued() {
        let born = date(2000, 1, 1);
        let never = (0..=9998u16)
            .find(|s| Iin::generate(born, Sex::Male, *s).is_none())
            .unwrap_or_else(|| panic!("some serial of 2000-01-01 is never issued"));
        let (iin, serial) = Iin::next_after(born, Sex::Male, never)
            .unwrap_or_else(|| panic!("a later serial is free"));
        assert!(serial > never, "M-12.a: a never-issued serial is skipped");
        assert_eq!(iin.serial(), serial);
        assert_eq!(Iin::next_after(born, Sex::Male, 10_000), None);
    }

    #[test]
    fn spaces_around_are_forgiven_inside_are_not() {
        let iin = Iin::next_after(date(1990, 5, 17), Sex::Male, 0)
            .map(|(iin, _)| iin)
            .unwrap_or_else(|| panic!("a serial is free"));
        assert!(Iin::parse(&format!("  {iin} ")).is_ok());
        let split = format!("{} {}", &iin.as_str()[..6], &iin.as_str()[6..]);
        assert_eq!(
            Iin::parse(&split),
            Err(NumberError::NonDigit {
                position: 7,
                found: ' '
            })
        );
    }

    #[test]
    fn generation_refuses_what_cannot_be_written() {
        assert_eq!(Iin::generate(date(2100, 1, 1), Sex::Male, 1), None);
        assert_eq!(Iin::generate(date(2000, 1, 1), Sex::Male, 10_000), None);
    }

    proptest::proptest! {
        #[test]
        fn generated_iins_always_validate(
            days in 0i64..(300 * 366),
            female in proptest::bool::ANY,
            serial in 0u16..=9999,
        ) {
            // 1800–2099: every century the 7th digit can write.
            let born = date(1800, 1, 1) + chrono::Duration::days(days);
            let sex = if female { Sex::Female } else { Sex::Male };
            match Iin::generate(born, sex, serial) {
                Some(iin) => {
                    let parsed = Iin::parse(iin.as_str());
                    proptest::prop_assert_eq!(parsed.as_ref(), Ok(&iin));
                    proptest::prop_assert_eq!(iin.birth_date(), Some(born));
                    proptest::prop_assert_eq!(iin.sex(), Some(sex));
                    proptest::prop_assert_eq!(iin.serial(), serial);
                }
                // Generation may refuse only a date past 2099 or a number that has no
                // check digit, never a number that could be issued.
                None => {
                    let digit = match (born.year() / 100, sex) {
                        (18, Sex::Male) => 1, (18, Sex::Female) => 2,
                        (19, Sex::Male) => 3, (19, Sex::Female) => 4,
                        (20, Sex::Male) => 5, (20, Sex::Female) => 6,
                        _ => return Ok(()),
                    };
                    let text = format!(
                        "{:02}{:02}{:02}{digit}{serial:04}",
                        born.year() % 100, born.month(), born.day()
                    );
                    let mut first = [0u8; 11];
                    for (slot, b) in first.iter_mut().zip(text.bytes()) {
                        *slot = b - b'0';
                    }
                    proptest::prop_assert_eq!(check_digit(&first), None);
                }
            }
        }

        #[test]
        fn any_text_is_judged_without_panic(text in "\\PC{0,20}") {
            let _ = Iin::parse(&text);
            let _ = Bin::parse(&text);
        }
    }
}
