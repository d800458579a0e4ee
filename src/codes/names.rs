//! A code's name in the clerk's language, with the one fallback every screen and command
//! uses: Kazakh is in every directory; Russian in most; English only in the filling codes
//! (kense's own translation). A language the directory lacks falls back to Russian, then to
//! Kazakh.

use crate::domain::Lang;

/// The names a directory gives one code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Names {
    pub kk: &'static str,
    pub ru: Option<&'static str>,
    pub en: Option<&'static str>,
}

impl Names {
    /// Kazakh and Russian, as most directories give them.
    pub const fn kk_ru(kk: &'static str, ru: &'static str) -> Self {
        Self {
            kk,
            ru: Some(ru),
            en: None,
        }
    }

    /// The name in `lang`, or the nearest the directory has.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Kk => self.kk,
            Lang::Ru => self.ru.unwrap_or(self.kk),
            Lang::En => self.en.or(self.ru).unwrap_or(self.kk),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_language_falls_back_to_russian_then_kazakh() {
        let unit = Names {
            kk: "Ақкөл ауданы",
            ru: None,
            en: None,
        };
        assert_eq!(unit.get(Lang::Ru), "Ақкөл ауданы");
        let district = Names::kk_ru("АҚКӨЛ АУДАНЫ", "АККОЛЬСКИЙ РАЙОН");
        assert_eq!(district.get(Lang::En), "АККОЛЬСКИЙ РАЙОН");
        assert_eq!(district.get(Lang::Kk), "АҚКӨЛ АУДАНЫ");
    }
}
