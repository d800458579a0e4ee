//! Text folding shared by the seed cleaner and by search.
//!
//! Two jobs live here because they must agree exactly:
//! - [`fix_lookalikes`] repairs words of the PDF extraction in which a letter of another
//!   alphabet stands in for a Cyrillic one (Latin `p` in `Оpдабасы`, Macedonian `Ќ` in
//!   `ЖАРҚАЙЫЌ`). The same repair is applied to what a clerk types, so a query typed with a
//!   stray Latin letter still finds its row.
//! - [`skeleton`] folds Kazakh, Russian and Latin spellings of a name onto one ASCII key, so
//!   `Ақкөл`, `аккол`, `AKKOL` and `Aqköl` compare equal and `Аккольский` starts with them.

/// Latin letters that are drawn like a Cyrillic letter, and the Cyrillic letter they
/// stand for inside a Cyrillic word. `I`/`i` become the Kazakh `І`/`і`, the only Cyrillic
/// letter drawn that way.
fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        'A' => 'А',
        'B' => 'В',
        'C' => 'С',
        'E' => 'Е',
        'H' => 'Н',
        'I' => 'І',
        'K' => 'К',
        'M' => 'М',
        'O' => 'О',
        'P' => 'Р',
        'T' => 'Т',
        'X' => 'Х',
        'Y' => 'У',
        'a' => 'а',
        'c' => 'с',
        'e' => 'е',
        'i' => 'і',
        'o' => 'о',
        'p' => 'р',
        'x' => 'х',
        'y' => 'у',
        _ => return None,
    })
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// Repairs one word: inside a word that has at least one Cyrillic letter, Latin
/// look-alikes become their Cyrillic twins, and the Macedonian `Ќ`/`ќ` (what the PDF
/// extraction made of the Kazakh `Қ`) becomes `Қ`/`қ`. Words without Cyrillic letters
/// (codes, Latin names) are left alone.
fn fix_word(word: &str, out: &mut String) {
    if !word.chars().any(is_cyrillic) {
        out.push_str(word);
        return;
    }
    for c in word.chars() {
        out.push(match c {
            'Ќ' => 'Қ',
            'ќ' => 'қ',
            c => latin_lookalike(c).unwrap_or(c),
        });
    }
}

/// Applies the look-alike repair to every word of `text`; everything between words is
/// kept as it is.
pub fn fix_lookalikes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            fix_word(&word, &mut out);
            word.clear();
            out.push(c);
        }
    }
    fix_word(&word, &mut out);
    out
}

/// The ASCII spelling of one lower-case letter, Kazakh letters folded onto their basic
/// Cyrillic neighbours first (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и). Latin input in
/// the usual Kazakh and Russian romanisations (q, ğ, ş, ñ, ä, ö, ü, ū, ı, j, w) lands on the
/// same spelling. `и`, `й`, `ы`, `і` and Latin `y` all become `i`: spellings disagree on
/// them more than on any other sound, and a clerk should not have to guess which one a
/// transliteration used.
fn ascii_of(c: char) -> Option<&'static str> {
    Some(match c {
        'а' | 'ә' | 'a' | 'ä' | 'á' | 'à' => "a",
        'б' | 'b' => "b",
        'в' | 'v' => "v",
        'г' | 'ғ' | 'g' | 'ğ' | 'ǵ' => "g",
        'д' | 'd' => "d",
        'е' | 'ё' | 'э' | 'e' | 'é' | 'è' | 'ë' => "e",
        'ж' | 'j' => "zh",
        'з' | 'z' => "z",
        'и' | 'і' | 'й' | 'ы' | 'i' | 'ı' | 'y' | 'ý' | 'í' | 'ï' => "i",
        'к' | 'қ' | 'k' | 'q' => "k",
        'л' | 'l' => "l",
        'м' | 'm' => "m",
        'н' | 'ң' | 'n' | 'ñ' | 'ŋ' | 'ń' => "n",
        'о' | 'ө' | 'o' | 'ö' | 'ó' => "o",
        'п' | 'p' => "p",
        'р' | 'r' => "r",
        'с' | 's' => "s",
        'т' | 't' => "t",
        'у' | 'ұ' | 'ү' | 'u' | 'ū' | 'ü' | 'ú' | 'w' => "u",
        'ф' | 'f' => "f",
        'х' | 'һ' | 'h' | 'x' => "h",
        'ц' => "ts",
        'ч' | 'ç' => "ch",
        'ш' | 'щ' | 'ş' => "sh",
        'ю' => "iu",
        'я' => "ia",
        'ъ' | 'ь' | '\'' | '’' | 'ʼ' => "",
        'c' => "c",
        _ => return None,
    })
}

/// Folds a name or a query onto its search key: lower-case ASCII letters and digits,
/// words separated by single spaces. Anything that is neither a letter nor a digit
/// separates words.
///
/// ```
/// use kense::codes::fold::skeleton;
///
/// assert_eq!(skeleton("Ақкөл"), "akkol");
/// assert_eq!(skeleton("Aqköl"), "akkol");
/// assert_eq!(skeleton("Нұр - Сұлтан"), "nur sultan");
/// ```
pub fn skeleton(text: &str) -> String {
    let fixed = fix_lookalikes(text);
    let lower: Vec<char> = fixed.chars().flat_map(char::to_lowercase).collect();
    let mut raw = String::with_capacity(fixed.len());
    for (i, &c) in lower.iter().enumerate() {
        let word_start = i == 0 || !lower[i - 1].is_alphanumeric();
        if c == 'y' && word_start && lower.get(i + 1) == Some(&'e') {
            // Russian romanisation writes a word-initial е as "ye" (Yesil, Yereymentau).
            continue;
        }
        if let Some(ascii) = ascii_of(c) {
            raw.push_str(ascii);
        } else if c.is_ascii_digit() || c.is_alphabetic() {
            // A letter of no alphabet we fold (Greek, say) can only match itself.
            raw.push(c);
        } else {
            raw.push(' ');
        }
    }
    // "kh" and "h" are two romanisations of х; repeated, because "kkhh" leaves a new
    // "kh" behind. (A lone Latin "c" is left alone: Kazakh and Russian romanisations write
    // ц as "ts", and English names use "c" as it is.)
    while raw.contains("kh") {
        raw = raw.replace("kh", "h");
    }
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_letters_inside_cyrillic_words_become_cyrillic() {
        assert_eq!(fix_lookalikes("Оpдабасы ауданы"), "Ордабасы ауданы");
        assert_eq!(fix_lookalikes("Отыpаp"), "Отырар");
        assert_eq!(fix_lookalikes("түрлерiн"), "түрлерін");
    }

    #[test]
    fn macedonian_kje_is_read_as_kazakh_qa() {
        assert_eq!(fix_lookalikes("ЖАРҚАЙЫЌ АУДАНЫ"), "ЖАРҚАЙЫҚ АУДАНЫ");
    }

    #[test]
    fn latin_words_and_codes_are_left_alone() {
        assert_eq!(fix_lookalikes("GOST 32513-2013 p.4"), "GOST 32513-2013 p.4");
        assert_eq!(fix_lookalikes("1902 204"), "1902 204");
    }

    #[test]
    fn kazakh_russian_and_latin_spellings_share_a_skeleton() {
        for spelling in ["Ақкөл", "АҚКӨЛ", "аккол", "Akkol", "AQKÖL", "Aqkól"] {
            assert_eq!(skeleton(spelling), "akkol", "{spelling}");
        }
        assert!(skeleton("Аккольский").starts_with("akkol"));
    }

    #[test]
    fn skeleton_agrees_on_the_usual_romanisation_quarrels() {
        assert_eq!(skeleton("Хромтау"), skeleton("Khromtau"));
        assert_eq!(skeleton("Хромтау"), skeleton("Hromtau"));
        assert_eq!(skeleton("kkhh"), skeleton(&skeleton("kkhh")));
        assert_eq!(skeleton("Жамбыл"), skeleton("Jambyl"));
        assert_eq!(skeleton("Жамбыл"), skeleton("Zhambyl"));
        assert_eq!(skeleton("Целиноград"), skeleton("Tselinograd"));
        assert_eq!(skeleton("localities"), "localities");
        assert_eq!(skeleton("Шортанды"), skeleton("Şortandy"));
        assert_eq!(skeleton("Чингирлау"), skeleton("Chingirlau"));
        assert_eq!(skeleton("Ырғыз"), skeleton("Иргиз"));
        assert_eq!(skeleton("Есіл"), skeleton("Yesil"));
        assert_eq!(skeleton("Ерейментау"), skeleton("Yereymentau"));
        // Only the Latin "ye": a Cyrillic "ие" stays.
        assert_eq!(skeleton("Иесі"), "iesi");
    }

    #[test]
    fn punctuation_separates_words_and_spaces_collapse() {
        assert_eq!(skeleton("  Нұр - Сұлтан  "), "nur sultan");
        assert_eq!(skeleton("ӘЛ-ФАРАБИ"), "al farabi");
        assert_eq!(
            skeleton("\"Астана - жаңа қала\" АЭА"),
            "astana zhana kala aea"
        );
        assert_eq!(skeleton(""), "");
    }
}
