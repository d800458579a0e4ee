//! The application of D-4 (appendix 1), as the clerk imports it, and its validation.

use super::code::{self, MAX_UNIT};
use super::taxpayer::TaxpayerId;
use crate::codes::{DsnCountry, DsnProduct, DsnUnit};
use crate::domain::Text;
use crate::domain::formulary::{Severity, Violation};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Rule ids a DSN violation names.
pub mod rule {
    /// D-4: the fields of the application.
    pub const APPLICATION: &str = "D-4";
    /// D-App3: the facets' directories (country, unit, product type).
    pub const FACETS: &str = "D-App3";
}

/// A code as the JSON gives it: a number (`3`, `53`) or a string (`"3"`, `"053"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CodeValue {
    Number(u64),
    Text(String),
}

impl Default for CodeValue {
    fn default() -> Self {
        CodeValue::Text(String::new())
    }
}

impl CodeValue {
    /// The number it stands for; `None` for an empty or non-digit text, or a number too
    /// large to be any code.
    fn number(&self) -> Option<u16> {
        match self {
            CodeValue::Number(n) => u16::try_from(*n).ok(),
            CodeValue::Text(t) => {
                let t = t.trim();
                if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit()) {
                    return None;
                }
                // Leading zeros are the directory's spelling ("053"), not a bigger number.
                let t = t.trim_start_matches('0');
                if t.is_empty() {
                    Some(0)
                } else {
                    t.parse().ok()
                }
            }
        }
    }

    fn is_blank(&self) -> bool {
        matches!(self, CodeValue::Text(t) if t.trim().is_empty())
    }
}

impl fmt::Display for CodeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeValue::Number(n) => write!(f, "{n}"),
            CodeValue::Text(t) => f.write_str(t),
        }
    }
}

/// One product row of the application: type 1–4, the product's name, its technical
/// specification (GOST, TU …).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductRow {
    #[serde(rename = "type", default)]
    pub product_type: CodeValue,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub spec: String,
}

/// The application of D-4 as imported. Fields the clerk may get wrong are kept as given,
/// so that [`validate`] can name each one; an unknown field is an import error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// The taxpayer's name.
    #[serde(default)]
    pub taxpayer: String,
    /// The BIN, or the IIN of an individual entrepreneur.
    #[serde(default)]
    pub bin: String,
    /// `producer` or `importer`.
    #[serde(default)]
    pub subject_type: String,
    /// The producing country, facet 1.
    #[serde(default)]
    pub country: CodeValue,
    /// The administrative-territorial unit, facet 2.
    #[serde(default)]
    pub unit: CodeValue,
    #[serde(default)]
    pub products: Vec<ProductRow>,
}

/// Who applies (D-2, D-4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectType {
    Producer,
    Importer,
}

impl SubjectType {
    /// The JSON and register spelling.
    pub fn key(self) -> &'static str {
        match self {
            SubjectType::Producer => "producer",
            SubjectType::Importer => "importer",
        }
    }

    /// Reads the JSON spelling, in any case.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "producer" => Some(SubjectType::Producer),
            "importer" => Some(SubjectType::Importer),
            _ => None,
        }
    }
}

/// A product row that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRow {
    pub product: &'static DsnProduct,
    pub product_code: u8,
    pub name: String,
    pub spec: String,
}

/// An application that passed validation: every code checked against its directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidApplication {
    pub taxpayer: String,
    pub id: TaxpayerId,
    pub subject_type: SubjectType,
    pub country: &'static DsnCountry,
    pub country_code: u8,
    pub unit: &'static DsnUnit,
    pub unit_code: u16,
    pub products: Vec<ValidRow>,
}

/// What validation found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// What must be corrected before the application can be registered.
    pub errors: Vec<Violation>,
    /// What is accepted but shown to the clerk (a unit marked `*`).
    pub warnings: Vec<Violation>,
    /// The checked application, when there are no errors.
    #[serde(skip)]
    pub valid: Option<ValidApplication>,
}

impl Report {
    /// Whether the application may be registered.
    pub fn is_valid(&self) -> bool {
        self.valid.is_some()
    }
}

pub(super) fn violation(
    field: impl Into<String>,
    rule: &'static str,
    sev: Severity,
    m: Text,
) -> Violation {
    Violation {
        field: field.into(),
        rule,
        severity: sev,
        message: m,
    }
}

fn required(field: &str) -> Violation {
    violation(
        field,
        rule::APPLICATION,
        Severity::Error,
        Text::new(
            "обязательное поле не заполнено",
            "міндетті өріс толтырылмаған",
            "a required field is empty",
        ),
    )
}

/// Checks an application against D-4 and the directories of D-App3. Every field is
/// checked, so the clerk sees all that is wrong at once. A unit marked `*` in the document
/// (renamed or merged since) is accepted with a warning, as the issue asks: the code stays
/// valid, but the clerk should make sure the applicant means it.
/// D-App3: facet 1's code of Kazakhstan.
const KAZAKHSTAN: u16 = 3;

pub fn validate(app: &Application) -> Report {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let error = |field: &str, rule, m| violation(field, rule, Severity::Error, m);
    super::free_text::check(app, &mut errors);

    let taxpayer = app.taxpayer.trim();
    if taxpayer.is_empty() {
        errors.push(required("taxpayer"));
    }
    let id = if app.bin.trim().is_empty() {
        errors.push(required("bin"));
        None
    } else {
        TaxpayerId::parse(&app.bin)
            .map_err(|e| errors.push(error("bin", rule::APPLICATION, e.text())))
            .ok()
    };
    let subject_type = SubjectType::parse(&app.subject_type);
    if app.subject_type.trim().is_empty() {
        errors.push(required("subject_type"));
    } else if subject_type.is_none() {
        errors.push(error(
            "subject_type",
            rule::APPLICATION,
            Text::new(
                "должно быть producer или importer",
                "producer немесе importer болуы керек",
                "must be producer or importer",
            ),
        ));
    }
    let country = code_field(&app.country, "country", &mut errors, |n| {
        u8::try_from(n).ok().and_then(code::country).map(|c| (n, c))
    });
    let unit = code_field(&app.unit, "unit", &mut errors, |n| {
        code::unit(n).filter(|_| n <= MAX_UNIT).map(|u| (n, u))
    });
    if let Some((n, u)) = unit
        && u.marked
    {
        warnings.push(violation(
            "unit",
            rule::FACETS,
            Severity::Warning,
            Text::new(
                format!("единица {n:03} ({}) отмечена в документе знаком «*»: переименована или объединена", u.name_kk),
                format!("{n:03} бірлігі ({}) құжатта «*» белгісімен белгіленген: атауы өзгерген немесе біріктірілген", u.name_kk),
                format!("unit {n:03} ({}) is marked '*' in the document: renamed or merged since", u.name_kk),
            ),
        ));
    }
    // D-App3 facet 1 is the producing country: an importer brings products in, so
    // Kazakhstan (3) as the country of an importer's products is most likely a slip (a
    // warning, not an error: a Kazakh product bought back from abroad is imported too).
    if subject_type == Some(SubjectType::Importer) && country.is_some_and(|(n, _)| n == KAZAKHSTAN)
    {
        warnings.push(violation(
            "country",
            rule::FACETS,
            Severity::Warning,
            Text::new(
                "импортёр указал страну-производителя 3 (Казахстан): проверьте фасет 1",
                "импорттаушы өндіруші елді 3 (Қазақстан) деп көрсетті: 1-фасетті тексеріңіз",
                "an importer declared the producing country 3 (Kazakhstan): check facet 1",
            ),
        ));
    }
    if app.products.is_empty() {
        errors.push(violation(
            "products",
            rule::APPLICATION,
            Severity::Error,
            Text::new(
                "нет ни одной строки продукта",
                "бірде-бір өнім жолы жоқ",
                "the application has no product row",
            ),
        ));
    }
    let mut rows = Vec::new();
    for (i, row) in app.products.iter().enumerate() {
        let field = |name: &str| format!("products[{i}].{name}");
        let product = code_field(&row.product_type, &field("type"), &mut errors, |n| {
            u8::try_from(n).ok().and_then(code::product).map(|p| (n, p))
        });
        for (name, value) in [("name", &row.name), ("spec", &row.spec)] {
            if value.trim().is_empty() {
                errors.push(required(&field(name)));
            }
        }
        if let Some((code, product)) = product
            && let Ok(product_code) = u8::try_from(code)
        {
            rows.push(ValidRow {
                product,
                product_code,
                name: row.name.trim().to_string(),
                spec: row.spec.trim().to_string(),
            });
        }
    }
    let valid = match (id, subject_type, country, unit) {
        (Some(id), Some(subject_type), Some((cc, country)), Some((uc, unit)))
            if errors.is_empty() =>
        {
            u8::try_from(cc).ok().map(|country_code| ValidApplication {
                taxpayer: taxpayer.to_string(),
                id,
                subject_type,
                country,
                country_code,
                unit,
                unit_code: uc,
                products: rows,
            })
        }
        _ => None,
    };
    Report {
        errors,
        warnings,
        valid,
    }
}

/// Reads a code field against its directory; a blank, non-numeric or unknown code is an
/// error naming the field.
fn code_field<T>(
    value: &CodeValue,
    field: &str,
    errors: &mut Vec<Violation>,
    find: impl Fn(u16) -> Option<(u16, T)>,
) -> Option<(u16, T)> {
    if value.is_blank() {
        errors.push(required(field));
        return None;
    }
    let found = value.number().and_then(&find);
    if found.is_none() {
        let (rule, range) = match field {
            "country" => (rule::FACETS, "1–6"),
            "unit" => (rule::FACETS, "001–258"),
            _ => (rule::APPLICATION, "1–4"),
        };
        errors.push(violation(
            field,
            rule,
            Severity::Error,
            Text::new(
                format!("такого кода нет в справочнике; коды {range}"),
                format!("мұндай код анықтамалықта жоқ; кодтар {range}"),
                format!("no such code in the directory; the codes are {range}"),
            ),
        ));
    }
    found
}
