//! Counted nouns. Russian agrees the noun with the numeral in three forms (1, 21, 101 →
//! «ошибка»; 2–4, 22–24 → «ошибки»; 0, 5–20, 11–14, 25… → «ошибок»); Kazakh keeps the
//! singular after a numeral («5 қате»); English adds an s except after 1.

use crate::domain::Lang;

/// The Russian form for `n`: `forms` is [one, few, many], e.g. `["ошибка", "ошибки", "ошибок"]`.
pub fn ru(n: usize, forms: [&'static str; 3]) -> &'static str {
    let [one, few, many] = forms;
    match (n % 10, n % 100) {
        (_, 11..=14) => many,
        (1, _) => one,
        (2..=4, _) => few,
        _ => many,
    }
}

/// A noun the workstation or the command line counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    /// An error of a form's check.
    Error,
    /// A warning of a form's check.
    Warning,
    /// A paper being printed (issue 13).
    Paper,
}

impl Noun {
    fn forms(self) -> ([&'static str; 3], &'static str, [&'static str; 2]) {
        match self {
            Noun::Error => (["ошибка", "ошибки", "ошибок"], "қате", ["error", "errors"]),
            Noun::Warning => (
                ["предупреждение", "предупреждения", "предупреждений"],
                "ескерту",
                ["warning", "warnings"],
            ),
            Noun::Paper => (
                ["документ", "документа", "документов"],
                "құжат",
                ["paper", "papers"],
            ),
        }
    }
}

/// «5 ошибок», «5 қате», «5 errors»: the number with its noun in `lang`.
pub fn count(lang: Lang, n: usize, noun: Noun) -> String {
    let (ru_forms, kk, [en_one, en_many]) = noun.forms();
    let word = lang.pick(ru(n, ru_forms), kk, if n == 1 { en_one } else { en_many });
    format!("{n} {word}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_forms_agree_with_the_number() {
        let f = ["ошибка", "ошибки", "ошибок"];
        for (n, want) in [
            (0, "ошибок"),
            (1, "ошибка"),
            (2, "ошибки"),
            (4, "ошибки"),
            (5, "ошибок"),
            (11, "ошибок"),
            (12, "ошибок"),
            (14, "ошибок"),
            (20, "ошибок"),
            (21, "ошибка"),
            (22, "ошибки"),
            (25, "ошибок"),
            (101, "ошибка"),
            (111, "ошибок"),
            (112, "ошибок"),
            (122, "ошибки"),
        ] {
            assert_eq!(ru(n, f), want, "{n}");
        }
    }

    #[test]
    fn every_counted_noun_in_three_languages() {
        let want_ru = [
            (0, "0 ошибок", "0 предупреждений"),
            (1, "1 ошибка", "1 предупреждение"),
            (2, "2 ошибки", "2 предупреждения"),
            (5, "5 ошибок", "5 предупреждений"),
            (11, "11 ошибок", "11 предупреждений"),
            (21, "21 ошибка", "21 предупреждение"),
            (22, "22 ошибки", "22 предупреждения"),
        ];
        for (n, error, warning) in want_ru {
            assert_eq!(count(Lang::Ru, n, Noun::Error), error);
            assert_eq!(count(Lang::Ru, n, Noun::Warning), warning);
            assert_eq!(count(Lang::Kk, n, Noun::Error), format!("{n} қате"));
            assert_eq!(count(Lang::Kk, n, Noun::Warning), format!("{n} ескерту"));
            let s = if n == 1 { "" } else { "s" };
            assert_eq!(count(Lang::En, n, Noun::Error), format!("{n} error{s}"));
            assert_eq!(count(Lang::En, n, Noun::Warning), format!("{n} warning{s}"));
        }
    }
}
