//! One row of any directory, seen the same way by search, the CLI and the TUI.

use super::Names;
use super::tables::{District, DsnCountry, DsnProduct, DsnUnit, FillingCode};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// The directories, in the order results of equal rank are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Region and district codes (M-App2).
    District,
    /// Filling codes of the electronic formulary (M-31).
    Filling,
    /// DSN facet 1, producing countries (D-App3).
    DsnCountry,
    /// DSN facet 2, administrative-territorial units (D-App3).
    DsnUnit,
    /// DSN facet 4, product types (D-App3).
    DsnProduct,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::District,
        Kind::Filling,
        Kind::DsnCountry,
        Kind::DsnUnit,
        Kind::DsnProduct,
    ];

    /// The name used on the command line and in JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Kind::District => "district",
            Kind::Filling => "filling",
            Kind::DsnCountry => "dsn-country",
            Kind::DsnUnit => "dsn-unit",
            Kind::DsnProduct => "dsn-product",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The name given is not one of [`Kind::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKind(pub String);

impl fmt::Display for UnknownKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<_> = Kind::ALL.iter().map(|k| k.name()).collect();
        write!(
            f,
            "unknown directory {:?}; one of: {}",
            self.0,
            names.join(", ")
        )
    }
}

impl std::error::Error for UnknownKind {}

impl FromStr for Kind {
    type Err = UnknownKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| UnknownKind(s.to_string()))
    }
}

/// A row of one of the directories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    District(&'static District),
    Filling(&'static FillingCode),
    DsnCountry(&'static DsnCountry),
    DsnUnit(&'static DsnUnit),
    DsnProduct(&'static DsnProduct),
}

impl Entry {
    pub fn kind(self) -> Kind {
        match self {
            Entry::District(_) => Kind::District,
            Entry::Filling(_) => Kind::Filling,
            Entry::DsnCountry(_) => Kind::DsnCountry,
            Entry::DsnUnit(_) => Kind::DsnUnit,
            Entry::DsnProduct(_) => Kind::DsnProduct,
        }
    }

    /// The code as the document writes it: "1902 204", "08", "053".
    pub fn code(self) -> Cow<'static, str> {
        match self {
            Entry::District(d) => Cow::Owned(format!("{} {}", d.region_code, d.district_code)),
            Entry::Filling(f) => Cow::Borrowed(f.code),
            Entry::DsnCountry(c) => Cow::Borrowed(c.code),
            Entry::DsnUnit(u) => Cow::Borrowed(u.code),
            Entry::DsnProduct(p) => Cow::Borrowed(p.code),
        }
    }

    pub fn name_kk(self) -> &'static str {
        match self {
            Entry::District(d) => d.name_kk,
            Entry::Filling(f) => f.name_kk,
            Entry::DsnCountry(c) => c.name_kk,
            Entry::DsnUnit(u) => u.name_kk,
            Entry::DsnProduct(p) => p.name_kk,
        }
    }

    /// `None` for DSN units, which the document names in Kazakh only.
    pub fn name_ru(self) -> Option<&'static str> {
        match self {
            Entry::District(d) => Some(d.name_ru),
            Entry::Filling(f) => Some(f.name_ru),
            Entry::DsnCountry(c) => Some(c.name_ru),
            Entry::DsnUnit(_) => None,
            Entry::DsnProduct(p) => Some(p.name_ru),
        }
    }

    /// The row's name in each language the directory gives, for the clerk's one.
    pub fn name(self) -> Names {
        Names {
            kk: self.name_kk(),
            ru: self.name_ru(),
            en: match self {
                Entry::Filling(f) => Some(f.name_en),
                _ => None,
            },
        }
    }

    /// Every name the row can be found by: Kazakh, Russian, and English where there is one.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        let en = match self {
            Entry::Filling(f) => Some(f.name_en),
            _ => None,
        };
        std::iter::once(self.name_kk())
            .chain(self.name_ru())
            .chain(en)
    }

    /// The names of the region the row stands in: the region of a district, the heading
    /// of a DSN unit. Searchable, after the row's own names.
    pub fn region_names(self) -> impl Iterator<Item = &'static str> {
        let (kk, ru) = match self {
            Entry::District(d) => (Some(d.region_name_kk), Some(d.region_name_ru)),
            Entry::DsnUnit(u) => (Some(u.region_name_kk), None),
            _ => (None, None),
        };
        kk.into_iter().chain(ru)
    }

    /// The fields whose text is Kense's translation rather than the document's.
    pub fn translated_fields(self) -> &'static [&'static str] {
        match self {
            Entry::Filling(_) => &["name_kk", "name_en"],
            Entry::DsnCountry(_) | Entry::DsnProduct(_) => &["name_ru"],
            Entry::District(_) | Entry::DsnUnit(_) => &[],
        }
    }

    /// Every field of the row, named and ordered as in JSON and TSV output: `code`,
    /// `name_kk`, `name_ru`, then what the directory adds (the region of a district, the
    /// English name of a filling code, the mark and heading of a DSN unit).
    pub fn fields(self) -> Vec<(&'static str, Field)> {
        let mut fields = vec![
            ("code", Field::Text(self.code())),
            ("name_kk", Field::Text(self.name_kk().into())),
            (
                "name_ru",
                self.name_ru()
                    .map_or(Field::Missing, |n| Field::Text(n.into())),
            ),
        ];
        match self {
            Entry::District(d) => fields.extend([
                ("region_code", Field::Text(d.region_code.into())),
                ("district_code", Field::Text(d.district_code.into())),
                ("region_name_kk", Field::Text(d.region_name_kk.into())),
                ("region_name_ru", Field::Text(d.region_name_ru.into())),
            ]),
            Entry::Filling(f) => fields.push(("name_en", Field::Text(f.name_en.into()))),
            Entry::DsnUnit(u) => fields.extend([
                ("marked", Field::Flag(u.marked)),
                ("region_name_kk", Field::Text(u.region_name_kk.into())),
                ("region_marked", Field::Flag(u.region_marked)),
            ]),
            Entry::DsnCountry(_) | Entry::DsnProduct(_) => {}
        }
        fields
    }
}

/// The value of one field of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Text(Cow<'static, str>),
    Flag(bool),
    /// The document gives no such text (the Russian name of a DSN unit).
    Missing,
}

impl Field {
    /// The field as plain text: a flag is `true` or `false`, a missing text is empty.
    pub fn as_text(&self) -> &str {
        match self {
            Field::Text(text) => text,
            Field::Flag(true) => "true",
            Field::Flag(false) => "false",
            Field::Missing => "",
        }
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Text(text) => serializer.serialize_str(text),
            Field::Flag(flag) => serializer.serialize_bool(*flag),
            Field::Missing => serializer.serialize_none(),
        }
    }
}

/// The JSON form of a row: `kind`, then its [`Entry::fields`], then `translated`, the
/// fields that are Kense's translations, where there are any.
impl Serialize for Entry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", self.kind().name())?;
        for (name, value) in self.fields() {
            map.serialize_entry(name, &value)?;
        }
        let translated = self.translated_fields();
        if !translated.is_empty() {
            map.serialize_entry("translated", translated)?;
        }
        map.end()
    }
}
