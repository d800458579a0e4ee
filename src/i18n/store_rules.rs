//! The register's refusals of issue 14 (the office's clock, M-16, M-57, D-6, the calendar)
//! in the workstation's three languages; `store.rs` names each of them and sends it here.
//! The English is the store's own text, word for word.

use crate::domain::{Text, shown_date};
use crate::store::dsn::DsnError;
use crate::store::{Behind, StoreError};

/// One of issue 14's [`StoreError`]s for the clerk.
pub(super) fn store_text(error: &StoreError) -> Text {
    let en = error.to_string();
    let t = |ru: String, kk: String| Text::new(ru, kk, en.clone());
    match error {
        StoreError::ClockBehind { at, behind } => {
            let at = at.format("%d.%m.%Y %H:%M:%S");
            let (ru, kk) = match behind {
                Behind::ClosedDay(d) => (
                    format!("закрытого дня {}", d.format("%d.%m.%Y")),
                    format!("жабық {} күнінен", d.format("%d.%m.%Y")),
                ),
                Behind::Registration(r) => (
                    format!("последней регистрации ({})", r.format("%d.%m.%Y %H:%M:%S")),
                    format!("соңғы тіркеуден ({})", r.format("%d.%m.%Y %H:%M:%S")),
                ),
            };
            t(
                format!(
                    "часы отделения показывают {at}, раньше {ru}: часы переведены назад; ничего не сохранено (проверьте время сервера)"
                ),
                format!(
                    "бөлімше сағаты {at} көрсетеді, бұл {kk} ерте: сағат кері қойылған; ештеңе сақталмады (сервер уақытын тексеріңіз)"
                ),
            )
        }
        StoreError::ConclusionMissing { number, missing } => {
            let (ru, kk) = if *missing == "conclusion" {
                (
                    "заключения (номер и дата)",
                    "қорытындының (нөмірі мен күні)",
                )
            } else {
                ("протокола опознания", "тану хаттамасының")
            };
            t(
                format!(
                    "формуляр {number} нельзя отправить: на оборотной стороне нет {ru} по проверке (M-16)"
                ),
                format!(
                    "{number} формулярын жіберуге болмайды: артқы бетінде тексеру {kk} жоқ (M-16)"
                ),
            )
        }
        StoreError::Calendar(e) => {
            let text = e.text();
            t(text.ru, text.kk)
        }
        StoreError::DocumentNumberRequired => t(
            "укажите собственный номер выдаваемого документа (M-57)".into(),
            "берілетін құжаттың өз нөмірін көрсетіңіз (M-57)".into(),
        ),
        _ => Text::new(en.clone(), en.clone(), en.clone()),
    }
}

/// One of issue 14's [`DsnError`]s for the clerk.
pub(super) fn dsn_text(error: &DsnError) -> Text {
    let en = error.to_string();
    let t = |ru: String, kk: String| Text::new(ru, kk, en.clone());
    match error {
        DsnError::FrontOfficeClosed { on } => t(
            format!(
                "{on} Государственная корпорация не работает (воскресенье или праздник): ничего не передано (D-6)",
                on = shown_date(*on)
            ),
            format!(
                "{on} Мемлекеттік корпорация жұмыс істемейді (жексенбі немесе мереке): ештеңе берілмеді (D-6)",
                on = shown_date(*on)
            ),
        ),
        DsnError::NotAtFrontOffice { id } => t(
            format!(
                "результата по заявке на ДСН-код № {id} нет в Государственной корпорации (D-6)"
            ),
            format!("ДСН-кодқа № {id} өтінімнің нәтижесі Мемлекеттік корпорацияда жоқ (D-6)"),
        ),
        DsnError::StillKept { id, until } => t(
            format!(
                "Государственная корпорация хранит результат по заявке на ДСН-код № {id} до {until} (D-6)",
                until = shown_date(*until)
            ),
            format!(
                "Мемлекеттік корпорация ДСН-кодқа № {id} өтінімнің нәтижесін {until} дейін сақтайды (D-6)",
                until = shown_date(*until)
            ),
        ),
        DsnError::NotWithProvider { id } => t(
            format!("результат по заявке на ДСН-код № {id} не передавался услугодателю (D-6)"),
            format!(
                "ДСН-кодқа № {id} өтінімнің нәтижесі көрсетілетін қызметті берушіге берілмеген (D-6)"
            ),
        ),
        DsnError::Calendar(e) => {
            let text = e.text();
            t(text.ru, text.kk)
        }
        _ => Text::new(en.clone(), en.clone(), en.clone()),
    }
}

/// A moment the register keeps (RFC 3339, UTC) in a message: ДД.ММ.ГГГГ ЧЧ:ММ UTC. The
/// register's refusals do not know the office's time zone; the end-of-day view shows the
/// same moment in office time.
pub(super) fn moment(stamp: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(stamp)
        .map(|t| t.to_utc().format("%d.%m.%Y %H:%M UTC").to_string())
        .unwrap_or_else(|_| stamp.to_string())
}

/// A field the register requires that came empty (checked again before it is written).
pub fn field_empty() -> Text {
    Text::new(
        "поле не заполнено",
        "өріс толтырылмаған",
        "the field is empty",
    )
}
