//! Why a number is not a valid IIN or BIN, in the clerk's three languages.

use crate::domain::Text;
use std::fmt;

/// What is wrong with a number given as an IIN or a BIN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    /// Not 12 characters long.
    Length { found: usize },
    /// A character that is not a digit, at a 1-based position.
    NonDigit { position: usize, found: char },
    /// Digits 3–4 are not a month.
    Month { found: u8 },
    /// Digits 5–6 are not a day of that month (IIN only).
    Day { found: u8, month: u8 },
    /// The 7th digit of an IIN is not 0–6.
    CenturySex { found: u8 },
    /// The 5th digit of a BIN is not 4, 5 or 6.
    EntityType { found: u8 },
    /// The 6th digit of a BIN is not 0–3.
    Unit { found: u8 },
    /// The last digit is not the check digit.
    CheckDigit { found: u8, expected: u8 },
    /// The first eleven digits have no check digit: such a number is never issued.
    NeverIssued,
}

impl NumberError {
    /// The explanation for the clerk, in the three languages.
    pub fn text(&self) -> Text {
        match self {
            NumberError::Length { found } => Text::new(
                format!("должно быть 12 цифр, введено {found}"),
                format!("12 цифр болуы керек, {found} енгізілді"),
                format!("must be 12 digits, {found} given"),
            ),
            NumberError::NonDigit { position, found } => {
                // Escaped: the character may be a control character pasted by mistake.
                let found = found.escape_debug();
                Text::new(
                    format!("в позиции {position} не цифра: «{found}»"),
                    format!("{position}-орында цифр емес: «{found}»"),
                    format!("position {position} is not a digit: '{found}'"),
                )
            }
            NumberError::Month { found } => Text::new(
                format!("цифры 3–4 должны быть месяцем (01–12), а не {found:02}"),
                format!("3–4-цифрлар ай болуы керек (01–12), {found:02} емес"),
                format!("digits 3–4 must be a month (01–12), not {found:02}"),
            ),
            NumberError::Day { found, month } => Text::new(
                format!("цифры 5–6 должны быть днём месяца {month:02}, а не {found:02}"),
                format!("5–6-цифрлар {month:02}-айдың күні болуы керек, {found:02} емес"),
                format!("digits 5–6 must be a day of month {month:02}, not {found:02}"),
            ),
            NumberError::CenturySex { found } => Text::new(
                format!("7-я цифра (век и пол) должна быть от 0 до 6, а не {found}"),
                format!("7-цифр (ғасыр және жыныс) 0-ден 6-ға дейін болуы керек, {found} емес"),
                format!("the 7th digit (century and sex) must be 0–6, not {found}"),
            ),
            NumberError::EntityType { found } => Text::new(
                format!("5-я цифра (тип юрлица) должна быть 4, 5 или 6, а не {found}"),
                format!("5-цифр (заңды тұлға түрі) 4, 5 немесе 6 болуы керек, {found} емес"),
                format!("the 5th digit (entity type) must be 4, 5 or 6, not {found}"),
            ),
            NumberError::Unit { found } => Text::new(
                format!("6-я цифра (подразделение) должна быть от 0 до 3, а не {found}"),
                format!("6-цифр (бөлімше) 0-ден 3-ке дейін болуы керек, {found} емес"),
                format!("the 6th digit (unit) must be 0–3, not {found}"),
            ),
            NumberError::CheckDigit { found, expected } => Text::new(
                format!("контрольная цифра {found} неверна, должна быть {expected}"),
                format!("бақылау цифры {found} қате, {expected} болуы керек"),
                format!("check digit {found} is wrong, it should be {expected}"),
            ),
            NumberError::NeverIssued => Text::new(
                "такой номер не выдаётся: контрольная цифра не существует",
                "мұндай нөмір берілмейді: бақылау цифры жоқ",
                "such a number is never issued: it has no check digit",
            ),
        }
    }
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl std::error::Error for NumberError {}
