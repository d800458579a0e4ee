//! The register's errors about its file, in the three languages: where it is, creating and
//! opening it, its schema version, damage, loose -wal/-shm files, backups and I/O. Apart
//! from `store.rs`, which still names each of these cases, so that file stays readable.

use crate::domain::Text;
use crate::store::StoreError;

/// The register file's error, for the clerk (`store::store_error` sends these here).
pub(super) fn file_error(error: &StoreError) -> Text {
    let en = error.to_string();
    let t = |ru: String, kk: String| Text::new(ru, kk, en.clone());
    match error {
        StoreError::Missing { path } => {
            let p = path.display();
            t(
                format!("реестр {p} не найден: ничего не создано"),
                format!("{p} тізілімі табылмады: ештеңе жасалмады"),
            )
        }
        StoreError::NoLocation => t(
            "не указан путь к реестру: задайте --db ПУТЬ или KENSE_DB".into(),
            "тізілім жолы берілмеген: --db ЖОЛ немесе KENSE_DB көрсетіңіз".into(),
        ),
        StoreError::Create { path, source } => {
            let p = path.display();
            t(
                format!("не удалось создать реестр {p}: {source}"),
                format!("{p} тізілімін жасау мүмкін болмады: {source}"),
            )
        }
        StoreError::ReadOnly { path } => {
            let p = path.display();
            t(
                format!("реестр {p} открыт только для чтения: ничего не изменено"),
                format!("{p} тізілімі тек оқуға ашық: ештеңе өзгертілмеді"),
            )
        }
        StoreError::Locked { path, waited } => {
            let (p, ms) = (path.display(), waited.as_millis());
            t(
                format!("реестр {p} занят: другой kense держал его дольше {ms} мс; повторите"),
                format!(
                    "{p} тізілімін басқа kense пайдаланып тұр ({ms} мс-тан артық); қайталап көріңіз"
                ),
            )
        }
        StoreError::NotSqlite { path } => {
            let p = path.display();
            t(
                format!("{p} — не реестр kense (не файл SQLite): ничего не изменено"),
                format!("{p} — kense тізілімі емес (SQLite файлы емес): ештеңе өзгертілмеді"),
            )
        }
        StoreError::Foreign { path } => {
            let p = path.display();
            t(
                format!(
                    "{p} — база SQLite другого приложения, не реестр kense: ничего не изменено"
                ),
                format!(
                    "{p} — басқа қолданбаның SQLite дерекқоры, kense тізілімі емес: ештеңе өзгертілмеді"
                ),
            )
        }
        StoreError::OlderSchema { path, found, known } => {
            let p = path.display();
            t(
                format!(
                    "реестр {p} имеет схему версии {found} — более раннюю, чем {known} в этом kense: \
                     ничего не изменено; команда записи (например, `kense iin generate`) обновит его"
                ),
                format!(
                    "{p} тізілімі схемасының нұсқасы ({found}) осы kense-нің {known} нұсқасынан \
                     ескі: ештеңе өзгертілмеді; жазатын команда (мысалы, `kense iin generate`) \
                     оны жаңартады"
                ),
            )
        }
        StoreError::Corrupt { path, detail } => {
            let p = path.display();
            t(
                format!(
                    "реестр {p} повреждён ({detail}): ничего не изменено; восстановите его из \
                     резервной копии"
                ),
                format!(
                    "{p} тізілімі бүлінген ({detail}): ештеңе өзгертілмеді; оны сақтық \
                     көшірмеден қалпына келтіріңіз"
                ),
            )
        }
        StoreError::NewerSchema { path, found, known } => {
            let p = path.display();
            t(
                format!(
                    "реестр {p} имеет схему версии {found} — более позднюю, чем {known} в этом kense: \
                     ничего не изменено; нужен более новый kense"
                ),
                format!(
                    "{p} тізілімі схемасының нұсқасы ({found}) осы kense-нің {known} нұсқасынан \
                     жаңа: ештеңе өзгертілмеді; kense-нің жаңа нұсқасы керек"
                ),
            )
        }
        StoreError::Backup { path, detail } => {
            let p = path.display();
            t(
                format!("резервная копия {p} не сделана: {detail}"),
                format!("{p} сақтық көшірмесі жасалмады: {detail}"),
            )
        }
        StoreError::LooseSidecar { path } => {
            let p = path.display();
            t(
                format!(
                    "у файла {p} права шире, чем у реестра (или это не обычный файл): реестр не \
                     открыт; когда kense нигде не запущен, удалите его или дайте ему владельца, \
                     группу и права реестра"
                ),
                format!(
                    "{p} файлының құқықтары тізілімнікінен кең (немесе ол қарапайым файл емес): \
                     тізілім ашылмады; kense еш жерде іске қосылмаған кезде оны жойыңыз немесе \
                     оған тізілімнің иесін, тобын және құқықтарын беріңіз"
                ),
            )
        }
        StoreError::Io { path, source } => {
            let p = path.display();
            t(
                format!("нельзя использовать реестр {p}: {source}"),
                format!("{p} тізілімін пайдалану мүмкін емес: {source}"),
            )
        }
        StoreError::Sqlite { path, message } => {
            let p = path.display();
            t(
                format!("сбой реестра {p}: {message}"),
                format!("{p} тізілімінде қате: {message}"),
            )
        }
        // `store_error` sends only the cases above.
        _ => Text::new(en.clone(), en.clone(), en.clone()),
    }
}
