//! Names: letters of the Kazakh, Russian and Latin alphabets, spaces and hyphens.
//!
//! The apostrophe is allowed too, between letters: foreigners are documented under names
//! like O'Neil, and a clerk copying them from a foreign passport should not have to mangle
//! them. For the same reason Latin letters are not only A–Z: a foreigner's name keeps its
//! diacritics (José, Müller, Nuñez, Wałęsa, François, Sørensen, Åsa, Strauß). Every letter of
//! the Unicode blocks Basic Latin, Latin-1 Supplement, Latin Extended-A and Latin
//! Extended-B counts as Latin; the letters the Kazakh Latin alphabet of 2021 adds (Ä Ğ İ Ñ Ö
//! Ş Ū Ü, ı) all lie in those blocks. A name must not mix Cyrillic and Latin letters: that is
//! almost always a look-alike letter typed in the wrong layout ("Иванoв" with a Latin o),
//! which the documents' database would not match.

use crate::domain::Text;

/// Letters Kazakh adds to the Russian Cyrillic alphabet.
const KAZAKH_CYRILLIC: &str = "ӘәҒғҚқҢңӨөҰұҮүҺһІі";
/// Letters the Kazakh Latin alphabet of 2021 adds to A–Z. Already inside `LATIN_BLOCKS`;
/// listed so that the alphabet stays accepted whatever becomes of the block ranges.
const KAZAKH_LATIN: &str = "ÄäĞğİıÑñÖöŞşŪūÜü";
/// Latin-1 Supplement (U+0080–U+00FF), Latin Extended-A (U+0100–U+017F) and Latin
/// Extended-B (U+0180–U+024F); Basic Latin's letters are A–Z and a–z.
const LATIN_BLOCKS: std::ops::RangeInclusive<char> = '\u{0080}'..='\u{024F}';
/// Letters of those blocks that are not letters of a name: the ordinal indicators ª º
/// (U+00AA, U+00BA) and the click letters ǀ ǁ ǂ ǃ (U+01C0–U+01C3), which look like `|` and
/// `!`. The signs × ÷ and the micro sign µ are caught otherwise (not alphabetic; Greek).
const NOT_NAME_LETTERS: &str = "ªºǀǁǂǃµ";
const SEPARATORS: &str = " -'’";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Cyrillic,
    Latin,
}

fn script(c: char) -> Option<Script> {
    // U+0410..U+044F is А..я: every Russian letter but Ё and ё.
    if ('А'..='я').contains(&c) || c == 'Ё' || c == 'ё' || KAZAKH_CYRILLIC.contains(c) {
        Some(Script::Cyrillic)
    } else if c.is_ascii_alphabetic() || KAZAKH_LATIN.contains(c) || is_latin_block_letter(c) {
        Some(Script::Latin)
    } else {
        None
    }
}

/// A letter of the Latin blocks beyond Basic Latin, other than those no name uses.
fn is_latin_block_letter(c: char) -> bool {
    LATIN_BLOCKS.contains(&c) && c.is_alphabetic() && !NOT_NAME_LETTERS.contains(c)
}

/// What is wrong with a name, for the clerk; `None` when it is a name. `text` is not blank
/// (blank is "missing", reported elsewhere).
pub(super) fn name_problem(text: &str) -> Option<Text> {
    let text = text.trim();
    let mut seen: Option<Script> = None;
    let mut previous_separator = true; // a name may not start with a separator
    for c in text.chars() {
        if SEPARATORS.contains(c) {
            if previous_separator {
                return Some(misplaced_separator());
            }
            previous_separator = true;
            continue;
        }
        previous_separator = false;
        match (script(c), seen) {
            (None, _) => return Some(bad_character(c)),
            (Some(s), Some(before)) if s != before => return Some(mixed_scripts()),
            (Some(s), _) => seen = Some(s),
        }
    }
    previous_separator.then(misplaced_separator)
}

fn bad_character(c: char) -> Text {
    // A control character is shown as `\uXXXX`, never sent to a terminal (issue 15).
    let c = crate::domain::text::escape(c.encode_utf8(&mut [0; 4])).into_owned();
    Text::new(
        format!(
            "недопустимый символ «{c}»: допускаются буквы казахского, русского и латинского \
             алфавитов, пробел, дефис и апостроф"
        ),
        format!(
            "рұқсат етілмеген таңба «{c}»: қазақ, орыс және латын әліпбилерінің әріптері, бос \
             орын, дефис және апостроф қана қолданылады"
        ),
        format!(
            "character '{c}' is not allowed: only letters of the Kazakh, Russian and Latin \
             alphabets, spaces, hyphens and apostrophes"
        ),
    )
}

fn misplaced_separator() -> Text {
    Text::new(
        "пробел, дефис и апостроф ставятся только между буквами",
        "бос орын, дефис және апостроф тек әріптердің арасында қойылады",
        "a space, hyphen or apostrophe may only stand between letters",
    )
}

fn mixed_scripts() -> Text {
    Text::new(
        "смешаны кириллица и латиница (возможно, похожая буква в другой раскладке)",
        "кирилл мен латын әріптері аралас (басқа пернетақта тіліндегі ұқсас әріп болуы мүмкін)",
        "Cyrillic and Latin letters are mixed (perhaps a look-alike letter in the wrong layout)",
    )
}

#[cfg(test)]
mod tests {
    use super::name_problem;

    #[test]
    fn names_of_the_three_alphabets_pass() {
        for name in [
            "Әбілқайыр",
            "Ёлкин",
            "Иванов-Петров",
            "Ана Мария",
            "O'Neil",
            "Şäkärim",
            "José",
            "Müller-Lüdenscheidt",
            "Nuñez",
            "Wałęsa",
            "François",
            "Sørensen",
            "Åsa",
            "Strauß",
            "Đorđević",
            "Dvořák",
            "ÇAĞLAR",
        ] {
            assert_eq!(name_problem(name), None, "{name}");
        }
    }

    #[test]
    fn other_characters_and_loose_separators_fail() {
        for name in [
            "Иван0в",
            "Ivan.",
            "-Ivan",
            "Ivan-",
            "Ivan  Petrov",
            "Ivan--Petrov",
            "Иванoв",
            // One script per name holds for the new letters too.
            "Иваné",
            "Josеé",
            "Ivan×ov",
            "Ivan÷",
            "Maªria",
            "Ivanǃ",
            "Ivanµ",
            "Ὀδυσσεύς",
        ] {
            assert!(name_problem(name).is_some(), "{name}");
        }
    }
}
