//! Cleaning rules for lines of the PDF extraction. Each rule is one function, tested
//! below on the shapes the seed text really has.

use crate::codes::fold::fix_lookalikes;

/// A line split into words, with every cleaning rule applied: letter-spaced words joined,
/// look-alike letters repaired, the table's abbreviations spelled out.
pub fn words(line: &str) -> Vec<String> {
    fix_lookalikes(&join_letter_spacing(line))
        .split_whitespace()
        .map(expand_abbreviation)
        .collect()
}

/// Joins letter-spaced words: "А С Т Р А Х А Н" becomes "АСТРАХАН". In the extraction a
/// letter-spaced word has its letters one space apart and stands two spaces from the next
/// word ("Ш А Л  А Қ Ы Н" is two words), so a run of two or more one-letter tokens between
/// single spaces is one word. A hyphen inside such a run belongs to it ("Н Ұ Р - С Ұ Л Т А Н").
pub fn join_letter_spacing(line: &str) -> String {
    line.split("  ")
        .map(str::trim)
        .filter(|chunk| !chunk.is_empty())
        .map(join_chunk)
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_spaced_letter(token: &str) -> bool {
    let mut chars = token.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic() || c == '-')
}

fn join_chunk(chunk: &str) -> String {
    let tokens: Vec<&str> = chunk.split(' ').filter(|t| !t.is_empty()).collect();
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let run = tokens[i..]
            .iter()
            .take_while(|t| is_spaced_letter(t))
            .count();
        let starts_with_letter = tokens[i].chars().all(char::is_alphabetic);
        if run >= 2 && starts_with_letter {
            out.push(tokens[i..i + run].concat());
            i += run;
        } else {
            out.push(tokens[i].to_string());
            i += 1;
        }
    }
    out.join(" ")
}

/// The table of M-App2 shortens words where a column was narrow: "Р-Н" for "РАЙОН" and
/// "ОБЛ." for "ОБЛЫСЫ". Spelled out, every row reads alike and searches alike.
pub fn expand_abbreviation(word: &str) -> String {
    match word {
        "Р-Н" => "РАЙОН".to_string(),
        "ОБЛ." => "ОБЛЫСЫ".to_string(),
        _ => word.to_string(),
    }
}

/// Upper-cases the first letter: the document writes list entries in lower case because
/// they continue a sentence; standing alone in a directory they read as names.
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `Some((code, rest))` when `line` starts with exactly `digits` ASCII digits followed by
/// a space or the end of the line.
pub fn leading_code(line: &str, digits: usize) -> Option<(&str, &str)> {
    let line = line.trim_start();
    let code = line.get(..digits)?;
    if !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = &line[digits..];
    match rest.chars().next() {
        None => Some((code, "")),
        Some(' ') => Some((code, rest.trim())),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_spaced_words_are_joined() {
        assert_eq!(join_letter_spacing("А С Т Р А Х А Н  "), "АСТРАХАН");
        assert_eq!(
            join_letter_spacing("1902 207 А С Т Р А Х А Н  "),
            "1902 207 АСТРАХАН"
        );
    }

    #[test]
    fn two_spaces_separate_letter_spaced_words() {
        assert_eq!(join_letter_spacing("Ш А Л  А Қ Ы Н  "), "ШАЛ АҚЫН");
        assert_eq!(
            join_letter_spacing("А Қ М О Л А  О Б Л Ы С Ы"),
            "АҚМОЛА ОБЛЫСЫ"
        );
    }

    #[test]
    fn a_hyphen_inside_a_letter_spaced_word_stays_in_it() {
        assert_eq!(join_letter_spacing("Н Ұ Р - С Ұ Л Т А Н"), "НҰР-СҰЛТАН");
    }

    #[test]
    fn ordinary_words_and_codes_are_untouched() {
        let line = "1902 204 АҚКӨЛ АУДАНЫ АККОЛЬСКИЙ РАЙОН";
        assert_eq!(join_letter_spacing(line), line);
        assert_eq!(
            join_letter_spacing("9999 500 ҚР ІІМ КҚҚК"),
            "9999 500 ҚР ІІМ КҚҚК"
        );
        assert_eq!(join_letter_spacing("1 2"), "1 2");
    }

    #[test]
    fn words_applies_every_rule() {
        assert_eq!(
            words("ЖАРҚАЙЫЌ  ТУРАРА РЫСКУЛОВА Р-Н"),
            ["ЖАРҚАЙЫҚ", "ТУРАРА", "РЫСКУЛОВА", "РАЙОН"]
        );
        assert_eq!(words("ТҮРКІСТАН ОБЛ.  /  "), ["ТҮРКІСТАН", "ОБЛЫСЫ", "/"]);
    }

    #[test]
    fn leading_code_needs_the_exact_width() {
        assert_eq!(leading_code("1902 204 X", 4), Some(("1902", "204 X")));
        assert_eq!(
            leading_code("053 Атырау қаласы", 3),
            Some(("053", "Атырау қаласы"))
        );
        assert_eq!(leading_code("1902", 4), Some(("1902", "")));
        assert_eq!(leading_code("19022", 4), None);
        assert_eq!(leading_code("1 2", 3), None);
        assert_eq!(leading_code("Ақмола", 3), None);
    }
}
