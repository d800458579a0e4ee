//! The register's refusals of issue 12 (who acts, staff and roles, days closed in order),
//! in the workstation's three languages; `store.rs` sends them here by name. The English is
//! the store's own text.

use crate::domain::Text;
use crate::store::{HeadAct, StoreError};

/// An issue-12 error of the register, for the clerk.
pub(super) fn staff_error(error: &StoreError) -> Text {
    let en = error.to_string();
    let t = |ru: String, kk: String| Text::new(ru, kk, en.clone());
    match error {
        StoreError::NoAccount { uid } => t(
            format!(
                "у пользователя с id {uid} нет учётной записи: kense записывает изменения под учётной записью ОС"
            ),
            format!(
                "id {uid} пайдаланушысының есептік жазбасы жоқ: kense өзгерістерді ОЖ есептік жазбасымен жазады"
            ),
        ),
        StoreError::ClerkNotChosen { account } => t(
            format!(
                "--clerk больше не выбирает, кто записан: изменения записываются под учётной \
                 записью ОС {account} [K-ACCOUNT]; имя для бумаг — из списка сотрудников \
                 (`kense staff list`)"
            ),
            format!(
                "--clerk енді кім жазылатынын таңдамайды: өзгерістер ОЖ-ның {account} есептік \
                 жазбасымен жазылады [K-ACCOUNT]; құжаттағы аты — қызметкерлер тізімінен \
                 (`kense staff list`)"
            ),
        ),
        StoreError::NotStaff { account, staffless } => {
            let (ru, kk) = if *staffless {
                (
                    "в реестре ещё нет сотрудников: владелец файла реестра назначает первого \
                     руководителя (`kense staff add УЧЁТНАЯ_ЗАПИСЬ --role head`, имя — первой строкой ввода)",
                    "тізілімде әлі қызметкер жоқ: тізілім файлының иесі бірінші басшыны \
                     тағайындайды (`kense staff add ЕСЕПТІК_ЖАЗБА --role head`, аты — енгізудің бірінші жолы)",
                )
            } else {
                (
                    "руководитель добавляет её командой `kense staff add`",
                    "басшы оны `kense staff add` командасымен қосады",
                )
            };
            t(
                format!(
                    "учётная запись {account} не числится действующим сотрудником реестра: \
                     читать можно, записывать нельзя [K-STAFF]; {ru}"
                ),
                format!(
                    "{account} есептік жазбасы тізілімнің қолданыстағы қызметкері емес: оқуға \
                     болады, жазуға болмайды [K-STAFF]; {kk}"
                ),
            )
        }
        StoreError::NotHead { account, act } => {
            let (ru, kk) = match act {
                HeadAct::CloseDay => ("закрыть день", "күнді жабуға"),
                HeadAct::ApproveConclusion => ("утвердить заключение", "қорытындыны бекітуге"),
                HeadAct::DestructionAct => ("оформить акт уничтожения", "жою актісін ресімдеуге"),
                HeadAct::ManageStaff => (
                    "изменять список сотрудников",
                    "қызметкерлер тізімін өзгертуге",
                ),
            };
            let rule = act.rule();
            t(
                format!(
                    "только руководитель может {ru}: учётная запись {account} не действующий \
                     руководитель [{rule}]"
                ),
                format!(
                    "тек басшы ғана {kk} құқылы: {account} есептік жазбасы қолданыстағы басшы \
                     емес [{rule}]"
                ),
            )
        }
        StoreError::OwnWork {
            account,
            number,
            started,
            single_head,
        } => {
            let (ru, kk) = if *started {
                (
                    "начала проверку формуляра",
                    "формулярының тексеруін бастаған",
                )
            } else {
                ("зарегистрировала формуляр", "формулярын тіркеген")
            };
            let (ru2, kk2) = if *single_head {
                (
                    "это единственный действующий руководитель: для утверждения нужно добавить \
                     другого руководителя (или заместителя) командой `kense staff add`",
                    "бұл жалғыз қолданыстағы басшы: бекіту үшін басқа басшыны (немесе \
                     орынбасарды) `kense staff add` командасымен қосу керек",
                )
            } else {
                (
                    "заключение утверждает другой руководитель",
                    "қорытындыны басқа басшы бекітеді",
                )
            };
            t(
                format!(
                    "учётная запись {account} {ru} {number}, поэтому не может утвердить его \
                     заключение [M-16, K-MAKER-CHECKER]; {ru2}"
                ),
                format!(
                    "{account} есептік жазбасы {number} {kk}, сондықтан оның қорытындысын \
                     бекіте алмайды [M-16, K-MAKER-CHECKER]; {kk2}"
                ),
            )
        }
        StoreError::StaffExists { account } => t(
            format!(
                "учётная запись {account} уже в списке сотрудников: измените её командой `kense staff set`"
            ),
            format!(
                "{account} есептік жазбасы қызметкерлер тізімінде бар: оны `kense staff set` командасымен өзгертіңіз"
            ),
        ),
        StoreError::NoStaffMember { account } => t(
            format!("учётной записи {account} нет в списке сотрудников реестра"),
            format!("{account} есептік жазбасы тізілім қызметкерлерінің тізімінде жоқ"),
        ),
        StoreError::LastHead { account } => t(
            format!(
                "учётная запись {account} — последний действующий руководитель реестра: сначала добавьте другого [K-HEAD]"
            ),
            format!(
                "{account} есептік жазбасы — тізілімнің соңғы қолданыстағы басшысы: алдымен басқасын қосыңыз [K-HEAD]"
            ),
        ),
        StoreError::BadStaffName => t(
            "полное имя пустое или содержит управляющие символы [K-STAFF]".into(),
            "толық аты бос немесе басқару таңбалары бар [K-STAFF]".into(),
        ),
        StoreError::AuditBroken {
            date,
            entry,
            problem,
        } => t(
            format!(
                "день {date} не закрыт: журнал аудита нарушен на записи {entry}: {problem}; выполните `kense audit verify`"
            ),
            format!(
                "{date} күні жабылмады: аудит журналы {entry} жазбасында бұзылған: {problem}; `kense audit verify` орындаңыз"
            ),
        ),
        StoreError::EarlierDayOpen { date, earlier } => t(
            format!(
                "день {date} нельзя закрыть раньше предыдущего дня {earlier}, который ещё открыт"
            ),
            format!("{date} күнін әлі ашық тұрған алдыңғы {earlier} күнінен бұрын жабуға болмайды"),
        ),
        // `store.rs` sends only the cases above.
        _ => Text::new(en.clone(), en.clone(), en.clone()),
    }
}
