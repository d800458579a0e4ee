//! The faceted DSN code (D-App3): five facets written one after another, and its decoding.

use super::decode_error::DecodeError;
use crate::codes::{self, DsnCountry, DsnProduct, DsnUnit};
use crate::domain::Text;
use serde::{Serialize, Serializer};
use std::fmt;

/// The facets of a DSN code, in the order they are written (D-App3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Facet {
    /// Facet 1: the producing country, 1 digit, 1–6.
    Country,
    /// Facet 2: the administrative-territorial unit, 3 digits, 001–258.
    Unit,
    /// Facet 3: the market subject (the applicant), 4 digits, 0001–9999.
    Subject,
    /// Facet 4: the product type, 1 digit, 1–4.
    Product,
    /// Facet 5: the brand, 3 digits or more, from 001 up.
    Brand,
}

impl Facet {
    /// Every facet, in the order of the code.
    pub const ALL: [Facet; 5] = [
        Facet::Country,
        Facet::Unit,
        Facet::Subject,
        Facet::Product,
        Facet::Brand,
    ];

    /// The facet's number in D-App3, 1–5.
    pub fn number(self) -> u8 {
        match self {
            Facet::Country => 1,
            Facet::Unit => 2,
            Facet::Subject => 3,
            Facet::Product => 4,
            Facet::Brand => 5,
        }
    }

    /// The facet at a 0-based digit position of a code (the brand runs on to the end).
    pub fn at(position: usize) -> Facet {
        match position {
            0 => Facet::Country,
            1..=3 => Facet::Unit,
            4..=7 => Facet::Subject,
            8 => Facet::Product,
            _ => Facet::Brand,
        }
    }

    /// The facet's name for the clerk.
    pub fn name(self) -> Text {
        match self {
            Facet::Country => Text::new("страна-производитель", "өндіруші ел", "producing country"),
            Facet::Unit => Text::new(
                "административно-территориальная единица",
                "әкімшілік-аумақтық бірлік",
                "administrative-territorial unit",
            ),
            Facet::Subject => Text::new(
                "субъект рынка нефтепродуктов",
                "мұнай өнімдері нарығының субъектісі",
                "market subject",
            ),
            Facet::Product => Text::new("вид продукта", "өнімнің түрі", "product type"),
            Facet::Brand => Text::new("марка", "марка", "brand"),
        }
    }
}

/// Digits of the four fixed facets (1 + 3 + 4 + 1).
pub const FIXED_DIGITS: usize = 9;
/// The brand has at least three digits (001, D-App3)…
pub const MIN_BRAND_DIGITS: usize = 3;
/// …and no upper bound in the Rules; Kense stops at nine digits (999 999 999 brands of one
/// product type of one applicant), so every code fits the numbers it is kept in.
pub const MAX_BRAND_DIGITS: usize = 9;
/// The shortest code: 12 digits.
pub const MIN_LEN: usize = FIXED_DIGITS + MIN_BRAND_DIGITS;
/// The longest code Kense reads: 18 digits.
pub const MAX_LEN: usize = FIXED_DIGITS + MAX_BRAND_DIGITS;
/// The highest market-subject code (D-App3: 0001–9999).
pub const MAX_SUBJECT: u16 = 9999;
/// The highest administrative-territorial unit of the directory (D-App3: 001–258).
pub const MAX_UNIT: u16 = 258;

/// A DSN code: its five facets as numbers. Built by the register from checked parts, or by
/// [`decode`]; [`DsnCode::new`] checks the bounds of each facet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DsnCode {
    pub country: u8,
    pub unit: u16,
    pub subject: u16,
    pub product: u8,
    pub brand: u32,
}

impl DsnCode {
    /// The code with these facets, or the first facet out of its bounds (D-App3).
    pub fn new(
        country: u8,
        unit: u16,
        subject: u16,
        product: u8,
        brand: u32,
    ) -> Result<Self, DecodeError> {
        let code = Self {
            country,
            unit,
            subject,
            product,
            brand,
        };
        decode(&code.to_string()).map(|decoded| decoded.code)
    }

    /// The code with its facets separated by hyphens: `3-053-0001-1-001`.
    pub fn format_facets(&self) -> String {
        format!(
            "{}-{:03}-{:04}-{}-{:03}",
            self.country, self.unit, self.subject, self.product, self.brand
        )
    }
}

/// The code as written: the five facets run together, 12 digits or more.
impl fmt::Display for DsnCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{:03}{:04}{}{:03}",
            self.country, self.unit, self.subject, self.product, self.brand
        )
    }
}

impl Serialize for DsnCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// One decoded facet: its digits and, for the facets of a directory, the row's names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetValue {
    pub facet: Facet,
    /// The digits as they stand in the code.
    pub code: String,
    /// The directory's Kazakh name; `None` for the subject and the brand, which are numbers.
    pub name_kk: Option<&'static str>,
    /// Kense's Russian name (the document names units in Kazakh only).
    pub name_ru: Option<&'static str>,
    /// A unit marked `*` in the document: renamed or merged since.
    pub marked: bool,
}

/// A DSN code taken apart, each facet with its directory row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decoded {
    pub code: DsnCode,
    pub country: &'static DsnCountry,
    pub unit: &'static DsnUnit,
    pub product: &'static DsnProduct,
}

impl Decoded {
    /// The five facets in order, with their names where a directory gives one.
    pub fn facets(&self) -> Vec<FacetValue> {
        let c = &self.code;
        let plain = |facet, code: String| FacetValue {
            facet,
            code,
            name_kk: None,
            name_ru: None,
            marked: false,
        };
        vec![
            FacetValue {
                name_kk: Some(self.country.name_kk),
                name_ru: Some(self.country.name_ru),
                ..plain(Facet::Country, c.country.to_string())
            },
            FacetValue {
                name_kk: Some(self.unit.name_kk),
                marked: self.unit.marked,
                ..plain(Facet::Unit, format!("{:03}", c.unit))
            },
            plain(Facet::Subject, format!("{:04}", c.subject)),
            FacetValue {
                name_kk: Some(self.product.name_kk),
                name_ru: Some(self.product.name_ru),
                ..plain(Facet::Product, c.product.to_string())
            },
            plain(Facet::Brand, format!("{:03}", c.brand)),
        ]
    }
}

/// The directory row of a producing country (facet 1).
pub fn country(code: u8) -> Option<&'static DsnCountry> {
    codes::dsn_countries()
        .iter()
        .find(|row| row.code.parse::<u8>() == Ok(code))
}

/// The directory row of an administrative-territorial unit (facet 2).
pub fn unit(code: u16) -> Option<&'static DsnUnit> {
    codes::dsn_units()
        .iter()
        .find(|row| row.code.parse::<u16>() == Ok(code))
}

/// The directory row of a product type (facet 4).
pub fn product(code: u8) -> Option<&'static DsnProduct> {
    codes::dsn_products()
        .iter()
        .find(|row| row.code.parse::<u8>() == Ok(code))
}

/// Reads a DSN code written plain (`305300011001`) or with its facets separated by hyphens
/// (`3-053-0001-1-001`), spaces around it forgiven; else says which facet is wrong and how.
///
/// Checks in the order a clerk reads the code: the separated groups, a non-digit, the
/// length, then each facet from the first.
pub fn decode(text: &str) -> Result<Decoded, DecodeError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DecodeError::Empty);
    }
    let digits = joined(text)?;
    let count = digits.chars().count();
    if let Some((i, found)) = digits
        .chars()
        .enumerate()
        .find(|(_, c)| !c.is_ascii_digit())
    {
        return Err(DecodeError::NonDigit {
            facet: Facet::at(i),
            position: i + 1,
            found,
        });
    }
    if !(MIN_LEN..=MAX_LEN).contains(&count) {
        return Err(DecodeError::Length { found: count });
    }
    // All ASCII digits from here on, so byte slicing is by character.
    let part = |range: std::ops::Range<usize>| digits.get(range).unwrap_or("0");
    let country_code: u8 = part(0..1).parse().unwrap_or(0);
    let country = country(country_code).ok_or(DecodeError::Country {
        found: country_code,
    })?;
    let unit_code: u16 = part(1..4).parse().unwrap_or(0);
    let unit = unit(unit_code).ok_or(DecodeError::Unit { found: unit_code })?;
    let subject: u16 = part(4..8).parse().unwrap_or(0);
    if subject == 0 {
        return Err(DecodeError::SubjectZero);
    }
    let product_code: u8 = part(8..9).parse().unwrap_or(0);
    let product = product(product_code).ok_or(DecodeError::Product {
        found: product_code,
    })?;
    let brand_digits = part(FIXED_DIGITS..count);
    // A brand past 999 is written in full ("1000"); a fourth digit that is a leading zero
    // would make a second spelling of a shorter brand.
    if brand_digits.len() > MIN_BRAND_DIGITS && brand_digits.starts_with('0') {
        return Err(DecodeError::BrandLeadingZero {
            found: brand_digits.to_string(),
        });
    }
    let brand: u32 = brand_digits.parse().unwrap_or(0);
    if brand == 0 {
        return Err(DecodeError::BrandZero);
    }
    Ok(Decoded {
        code: DsnCode {
            country: country_code,
            unit: unit_code,
            subject,
            product: product_code,
            brand,
        },
        country,
        unit,
        product,
    })
}

/// A search query as a whole DSN code (D-App3), when it can only be one (Code lookup): twelve digits or more,
/// plain (`315900011001`) or as printed, its facets separated by hyphens or spaces
/// (`3-159-0001-1-001`, `3 159 0001 1 001`, issue 11).
pub fn whole_code(query: &str) -> Option<Decoded> {
    let query = query.trim();
    let digits = query.bytes().filter(u8::is_ascii_digit).count();
    let shape = query
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'-' || b == b' ');
    if digits < 12 || !shape {
        return None;
    }
    // Spaces stand for the printed form's hyphens: one separator between two groups.
    let printed = query
        .split([' ', '-'])
        .filter(|g| !g.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    decode(&printed).ok()
}

/// The digits of a code, its hyphen-separated groups checked and joined.
fn joined(text: &str) -> Result<String, DecodeError> {
    if !text.contains('-') {
        return Ok(text.to_string());
    }
    let groups: Vec<&str> = text.split('-').collect();
    if groups.len() != Facet::ALL.len() {
        return Err(DecodeError::Groups {
            found: groups.len(),
        });
    }
    for (facet, group) in Facet::ALL.into_iter().zip(&groups) {
        let len = group.chars().count();
        let fits = match facet {
            Facet::Country | Facet::Product => len == 1,
            Facet::Unit => len == 3,
            Facet::Subject => len == 4,
            Facet::Brand => (MIN_BRAND_DIGITS..=MAX_BRAND_DIGITS).contains(&len),
        };
        if !fits {
            return Err(DecodeError::GroupLength { facet, found: len });
        }
    }
    Ok(groups.concat())
}
