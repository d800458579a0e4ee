//! A citizenship's name for the form (issue 11: "citizenship with the country's name").
//!
//! ISO 3166-1 (rust_iso3166) names countries in English only. The countries whose
//! citizens Kazakh offices document most (the neighbours, the CIS, the main countries of
//! migration) are named here in Russian and Kazakh too; any other assigned code is named
//! in English in every language, which is better than a bare code.

use crate::domain::Lang;
use crate::domain::formulary::Citizenship;

/// (code, Russian, Kazakh, English).
const NAMED: &[(&str, &str, &str, &str)] = &[
    ("KZ", "Казахстан", "Қазақстан", "Kazakhstan"),
    ("RU", "Россия", "Ресей", "Russia"),
    ("UZ", "Узбекистан", "Өзбекстан", "Uzbekistan"),
    ("KG", "Кыргызстан", "Қырғызстан", "Kyrgyzstan"),
    ("TJ", "Таджикистан", "Тәжікстан", "Tajikistan"),
    ("TM", "Туркменистан", "Түрікменстан", "Turkmenistan"),
    ("CN", "Китай", "Қытай", "China"),
    ("MN", "Монголия", "Моңғолия", "Mongolia"),
    ("BY", "Беларусь", "Беларусь", "Belarus"),
    ("UA", "Украина", "Украина", "Ukraine"),
    ("AZ", "Азербайджан", "Әзірбайжан", "Azerbaijan"),
    ("AM", "Армения", "Армения", "Armenia"),
    ("GE", "Грузия", "Грузия", "Georgia"),
    ("MD", "Молдова", "Молдова", "Moldova"),
    ("TR", "Турция", "Түркия", "Türkiye"),
    ("AF", "Афганистан", "Ауғанстан", "Afghanistan"),
    ("IR", "Иран", "Иран", "Iran"),
    ("PK", "Пакистан", "Пәкістан", "Pakistan"),
    ("IN", "Индия", "Үндістан", "India"),
    (
        "KR",
        "Республика Корея",
        "Корея Республикасы",
        "Republic of Korea",
    ),
    ("DE", "Германия", "Германия", "Germany"),
    ("US", "США", "АҚШ", "United States"),
];

/// The name of the country of an ISO 3166-1 alpha-2 code (any case) in `lang`; `None`
/// for a code ISO does not assign.
pub fn country_name(code: &str, lang: Lang) -> Option<String> {
    let code = code.trim().to_ascii_uppercase();
    if let Some((_, ru, kk, en)) = NAMED.iter().find(|(c, ..)| *c == code) {
        return Some(lang.pick(ru, kk, en).to_string());
    }
    rust_iso3166::from_alpha2(&code).map(|c| c.name.to_string())
}

/// What the form shows beside a citizenship: the country's name, or "stateless person"
/// in words; `None` for a foreign code ISO does not assign (validation says so, K-CITIZENSHIP).
pub fn citizenship_name(citizenship: &Citizenship, lang: Lang) -> Option<String> {
    match citizenship {
        Citizenship::Kazakhstan => country_name("KZ", lang),
        Citizenship::Foreign(code) => country_name(code, lang),
        Citizenship::Stateless => Some(
            lang.pick(
                "лицо без гражданства",
                "азаматтығы жоқ адам",
                "stateless person",
            )
            .to_string(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_named_in_the_clerks_language_or_in_english() {
        assert_eq!(country_name("uz", Lang::Ru).as_deref(), Some("Узбекистан"));
        assert_eq!(country_name("UZ", Lang::Kk).as_deref(), Some("Өзбекстан"));
        assert_eq!(country_name("FR", Lang::Ru).as_deref(), Some("France"));
        assert_eq!(country_name("XX", Lang::En), None);
    }

    #[test]
    fn the_words_clerks_type_for_no_citizenship_are_a_citizenship() {
        for typed in [
            "ЛБГ",
            "лбг",
            "без гражданства",
            "Лицо  без гражданства",
            "азаматтығы жоқ",
            "АЗАМАТТЫҒЫ ЖОҚ АДАМ",
            "stateless",
        ] {
            let c: Citizenship = typed.parse().unwrap_or_else(|e| panic!("{typed}: {e}"));
            assert_eq!(c, Citizenship::Stateless, "{typed}");
        }
        assert!("без".parse::<Citizenship>().is_err());
        let kz: Citizenship = "kz".parse().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            citizenship_name(&kz, Lang::Kk).as_deref(),
            Some("Қазақстан")
        );
        assert_eq!(
            citizenship_name(&Citizenship::Stateless, Lang::Ru).as_deref(),
            Some("лицо без гражданства")
        );
    }
}
