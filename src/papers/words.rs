//! The words the papers share: dates as ДД.ММ.ГГГГ, names, the names of documents, states,
//! sexes and citizenships in the paper's language, and the subjects `kense print` takes.

use super::{Ctx, PaperError, PaperKind};
use crate::domain::formulary::{BasisKind, Citizenship};
use crate::domain::lifecycle::State;
use crate::domain::{DocumentKind, Sex};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// A date as the papers print it: ДД.ММ.ГГГГ.
pub fn date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

pub fn date_time(t: NaiveDateTime) -> String {
    t.format("%d.%m.%Y %H:%M").to_string()
}

pub fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(date).unwrap_or_default()
}

/// A stored time as office time: the audit clock's UTC (`2026-11-22T09:15:00.000000Z`)
/// converted, a move's wall time (`2024-10-30 17:27:45`, already office time) as it is;
/// the text itself if it is neither.
pub fn audit_time(ctx: &Ctx, at: &str) -> String {
    if let Ok(t) = at.parse::<DateTime<Utc>>() {
        return date_time(t.with_timezone(&ctx.zone).naive_local());
    }
    match at.replace(' ', "T").parse::<NaiveDateTime>() {
        Ok(t) => date_time(t),
        Err(_) => at.to_string(),
    }
}

/// Surname, given name and patronymic, the way documents write a person.
pub fn full_name(surname: &str, given: &str, patronymic: Option<&str>) -> String {
    [Some(surname), Some(given), patronymic]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn document(ctx: &Ctx, kind: DocumentKind) -> String {
    match kind {
        DocumentKind::Passport => ctx.t(
            "паспорт гражданина Республики Казахстан",
            "Қазақстан Республикасы азаматының паспорты",
        ),
        DocumentKind::IdCard => ctx.t(
            "удостоверение личности гражданина Республики Казахстан",
            "Қазақстан Республикасы азаматының жеке куәлігі",
        ),
        DocumentKind::ResidencePermit => ctx.t(
            "вид на жительство иностранца",
            "шетелдіктің тұруға ықтиярхаты",
        ),
        DocumentKind::StatelessCertificate => ctx.t(
            "удостоверение лица без гражданства",
            "азаматтығы жоқ адамның куәлігі",
        ),
    }
}

/// A document kind by the register's name (`id_card`), the name itself if unknown.
pub fn document_key(ctx: &Ctx, key: &str) -> String {
    serde_json::from_value::<DocumentKind>(serde_json::Value::String(key.to_string()))
        .map(|k| document(ctx, k))
        .unwrap_or_else(|_| key.to_string())
}

/// A basis document of a change of personal data (M-12.d).
pub fn basis(ctx: &Ctx, kind: BasisKind) -> String {
    match kind {
        BasisKind::BirthCertificate => ctx.t("свидетельство о рождении", "туу туралы куәлік"),
        BasisKind::MarriageRecord => ctx.t(
            "запись акта о заключении брака",
            "неке қию туралы акт жазбасы",
        ),
        BasisKind::DivorceRecord => ctx.t(
            "запись акта о расторжении брака",
            "некені бұзу туралы акт жазбасы",
        ),
        BasisKind::DataChangeConclusion => ctx.t(
            "заключение о перемене установочных данных",
            "белгілеу деректерін ауыстыру туралы қорытынды",
        ),
    }
}

pub fn sex(ctx: &Ctx, sex: Option<Sex>) -> String {
    match sex {
        Some(Sex::Male) => ctx.t("мужской", "ер"),
        Some(Sex::Female) => ctx.t("женский", "әйел"),
        None => String::new(),
    }
}

pub fn citizenship(ctx: &Ctx, c: Option<&Citizenship>) -> String {
    match c {
        Some(Citizenship::Kazakhstan) => ctx.t("Республика Казахстан", "Қазақстан Республикасы"),
        Some(Citizenship::Stateless) => ctx.t("лицо без гражданства", "азаматтығы жоқ"),
        Some(Citizenship::Foreign(code)) => code.clone(),
        None => String::new(),
    }
}

pub fn state(ctx: &Ctx, s: State) -> String {
    let text = s.text();
    ctx.t(&text.ru, &text.kk)
}

/// A state by the register's name (`cancelled`).
pub fn state_key(ctx: &Ctx, key: &str) -> String {
    serde_json::from_value::<State>(serde_json::Value::String(key.to_string()))
        .map(|s| state(ctx, s))
        .unwrap_or_else(|_| key.to_string())
}

/// The filling code with its name (M-31).
pub fn filling(ctx: &Ctx, code: &str) -> String {
    match crate::codes::filling_codes()
        .iter()
        .find(|f| f.code == code)
    {
        Some(f) => format!("{code} — {}", ctx.t(f.name_ru, f.name_kk)),
        None => code.to_string(),
    }
}

/// The region and district codes with their names (M-App2).
pub fn place(ctx: &Ctx, region: Option<&str>, district: Option<&str>) -> String {
    let (Some(region), Some(district)) = (region, district) else {
        return [region, district]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
    };
    match crate::codes::districts()
        .iter()
        .find(|d| d.region_code == region && d.district_code == district)
    {
        Some(d) => format!(
            "{region} {district} — {}, {}",
            ctx.t(d.region_name_ru, d.region_name_kk),
            ctx.t(d.name_ru, d.name_kk)
        ),
        None => format!("{region} {district}"),
    }
}

/// The subject of a paper as the audit entry records it, checked for its shape: the
/// registration number, the IIN, the year, the act number, the day, the application.
pub fn subject_key(kind: PaperKind, subject: &str) -> Result<String, PaperError> {
    let s = subject.trim();
    let bad = |what: &str| {
        PaperError::BadSubject(format!(
            "{}: expected {} ({what})",
            kind.name(),
            kind.subject_hint()
        ))
    };
    match kind {
        PaperKind::Formulary
        | PaperKind::NationalityCertificate
        | PaperKind::Conclusion
        | PaperKind::Coupon => {
            let ok = s.len() == 12
                && s.as_bytes()[4] == b'-'
                && s.bytes()
                    .enumerate()
                    .all(|(i, b)| i == 4 || b.is_ascii_digit());
            if ok {
                Ok(s.to_string())
            } else {
                Err(bad("the registration number's form is YYYY-NNNNNNN"))
            }
        }
        // The IIN itself is not repeated in the message: it is personal.
        PaperKind::Insert => {
            if s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit()) {
                Ok(s.to_string())
            } else {
                Err(bad("12 digits, M-12.a"))
            }
        }
        PaperKind::Journal => match s.parse::<i32>() {
            Ok(y) if (2000..=2099).contains(&y) && s.len() == 4 => Ok(s.to_string()),
            _ => Err(bad("a year from 2000 to 2099")),
        },
        PaperKind::Act => {
            if s.is_empty() || s.chars().any(char::is_control) || s.chars().count() > 64 {
                Err(bad("not empty, one line"))
            } else {
                Ok(s.to_string())
            }
        }
        PaperKind::Day => s
            .parse::<NaiveDate>()
            .map(|d| d.to_string())
            .map_err(|_| bad("a date YYYY-MM-DD")),
        PaperKind::DsnResult => match s.parse::<i64>() {
            Ok(id) if id >= 1 => Ok(id.to_string()),
            _ => Err(bad("a whole number from 1")),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_print_as_dd_mm_yyyy() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap_or_default();
        assert_eq!(date(d), "07.03.2026");
    }

    #[test]
    fn subjects_are_checked_for_their_shape_without_echoing_an_iin() {
        assert!(subject_key(PaperKind::Formulary, " 2026-0000017 ").is_ok());
        assert!(subject_key(PaperKind::Formulary, "2026-17").is_err());
        let bad = subject_key(PaperKind::Insert, "90051730012x");
        assert!(matches!(&bad, Err(e) if !e.to_string().contains("90051730012")));
        assert_eq!(
            subject_key(PaperKind::Day, "2026-11-02").ok().as_deref(),
            Some("2026-11-02")
        );
        assert!(subject_key(PaperKind::Journal, "26").is_err());
        assert_eq!(
            subject_key(PaperKind::DsnResult, "007").ok().as_deref(),
            Some("7")
        );
    }
}
