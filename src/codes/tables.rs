//! The rows of the code directories, as embedded by `build.rs` from `data/*.csv`.

/// A row of M-App2: a district (or city, or special unit) and the region it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct District {
    /// Four digits: 1902 Akmola … 1960 Turkestan, 9999 abroad and special.
    pub region_code: &'static str,
    /// Three digits, unique within the region only.
    pub district_code: &'static str,
    pub name_kk: &'static str,
    pub name_ru: &'static str,
    pub region_name_kk: &'static str,
    pub region_name_ru: &'static str,
}

/// A filling code of the electronic formulary (M-31). The Russian name is the document's;
/// the Kazakh and English names are Kense's translations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FillingCode {
    pub code: &'static str,
    pub name_ru: &'static str,
    pub name_kk: &'static str,
    pub name_en: &'static str,
}

/// Facet 1 of the DSN code (D-App3): the producing country. The Russian name is Kense's
/// translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DsnCountry {
    pub code: &'static str,
    pub name_kk: &'static str,
    pub name_ru: &'static str,
}

/// Facet 2 of the DSN code (D-App3): the administrative-territorial unit. The document
/// names units in Kazakh only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DsnUnit {
    pub code: &'static str,
    pub name_kk: &'static str,
    /// Marked `*` in the document: renamed or merged since.
    pub marked: bool,
    /// The heading the unit stands under in the document.
    pub region_name_kk: &'static str,
    pub region_marked: bool,
}

/// Facet 4 of the DSN code (D-App3, D-4): the product type. The Russian name is Kense's
/// translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DsnProduct {
    pub code: &'static str,
    pub name_kk: &'static str,
    pub name_ru: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/tables.rs"));
