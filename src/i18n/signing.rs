//! The register's refusals of signed day closes (issue 15), in the workstation's three
//! languages; `store.rs` sends them here by name. The English is the store's own text.

use crate::domain::{Text, shown_date};
use crate::store::StoreError;

/// A signing error of the register, for the head.
pub(super) fn signing_error(error: &StoreError) -> Text {
    let en = error.to_string();
    let t = |ru: String, kk: String| Text::new(ru, kk, en.clone());
    match error {
        StoreError::DayNotClosed { date } => {
            let d = shown_date(*date);
            t(
                format!(
                    "день {d} не закрыт: закройте его командой `kense day close --date {date} --sign КЛЮЧ.pub`"
                ),
                format!(
                    "{d} күні жабылмаған: оны `kense day close --date {date} --sign КІЛТ.pub` командасымен жабыңыз"
                ),
            )
        }
        StoreError::DayAlreadySigned { date, clerk } => {
            let d = shown_date(*date);
            t(
                format!("закрытие дня {d} уже подписано (сотрудник {clerk})"),
                format!("{d} күнінің жабылуына қол қойылған (қызметкер {clerk})"),
            )
        }
        StoreError::SigningFailed { date, detail } => {
            let d = shown_date(*date);
            t(
                format!("закрытие дня {d} не подписано, ничего не сохранено: {detail}"),
                format!("{d} күнінің жабылуына қол қойылмады, ештеңе сақталмады: {detail}"),
            )
        }
        StoreError::SignatureRequired { date } => {
            let d = shown_date(*date);
            t(
                format!(
                    "учреждение требует подписанного закрытия дня ([signing] required): закройте \
                     день {d} в терминале командой `kense day close --date {date} --sign \
                     ~/.ssh/id_ed25519.pub` (ваш открытый ключ; подписывает агент)"
                ),
                format!(
                    "мекеме күннің қол қойылған жабылуын талап етеді ([signing] required): {d} \
                     күнін терминалда `kense day close --date {date} --sign \
                     ~/.ssh/id_ed25519.pub` командасымен жабыңыз (ашық кілтіңіз; агент қол қояды)"
                ),
            )
        }
        _ => Text::new(en.clone(), en.clone(), en),
    }
}
