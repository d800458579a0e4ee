//! The words the violations are built from, in the three languages.

use super::model::Holder;
use crate::domain::{DocumentKind, Text};

/// A required field left empty.
pub(super) fn missing() -> Text {
    Text::new(
        "поле не заполнено",
        "өріс толтырылмаған",
        "the field is empty",
    )
}

/// A date after today.
pub(super) fn future(date: chrono::NaiveDate) -> Text {
    let date = crate::domain::shown_date(date);
    Text::new(
        format!("дата {date} ещё не наступила"),
        format!("{date} күні әлі келген жоқ"),
        format!("the date {date} is in the future"),
    )
}

pub(super) fn holder_name(holder: Holder) -> Text {
    match holder {
        Holder::Citizen => Text::new(
            "гражданин Республики Казахстан",
            "Қазақстан Республикасының азаматы",
            "citizen of Kazakhstan",
        ),
        Holder::Foreigner => Text::new("иностранец", "шетелдік", "foreigner"),
        Holder::Stateless => Text::new(
            "лицо без гражданства",
            "азаматтығы жоқ адам",
            "stateless person",
        ),
    }
}

pub(super) fn document_name(document: DocumentKind) -> Text {
    match document {
        DocumentKind::Passport => Text::new(
            "паспорт гражданина Республики Казахстан",
            "Қазақстан Республикасы азаматының паспорты",
            "passport of a citizen of Kazakhstan",
        ),
        DocumentKind::IdCard => Text::new(
            "удостоверение личности гражданина Республики Казахстан",
            "Қазақстан Республикасы азаматының жеке куәлігі",
            "ID card of a citizen of Kazakhstan",
        ),
        DocumentKind::ResidencePermit => Text::new(
            "вид на жительство иностранца",
            "шетелдіктің тұруға ықтиярхаты",
            "residence permit of a foreigner",
        ),
        DocumentKind::StatelessCertificate => Text::new(
            "удостоверение лица без гражданства",
            "азаматтығы жоқ адамның куәлігі",
            "certificate of a stateless person",
        ),
    }
}

/// The texts joined with "; " in each language.
pub(super) fn join(texts: impl IntoIterator<Item = Text>) -> Text {
    let mut out = Text::new("", "", "");
    for (i, t) in texts.into_iter().enumerate() {
        let sep = if i == 0 { "" } else { "; " };
        out.ru = format!("{}{sep}{}", out.ru, t.ru);
        out.kk = format!("{}{sep}{}", out.kk, t.kk);
        out.en = format!("{}{sep}{}", out.en, t.en);
    }
    out
}
