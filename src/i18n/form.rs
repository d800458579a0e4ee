//! The formulary's words, in Russian, Kazakh and English: field labels, group headings and
//! the names of choices. Part of the one catalogue.

use crate::domain::Lang;
use crate::tui::screens::formulary::spec::{FieldId, Group};

fn pick(lang: Lang, (ru, kk, en): (&'static str, &'static str, &'static str)) -> &'static str {
    lang.pick(ru, kk, en)
}

/// A field's label.
pub fn field(lang: Lang, id: FieldId) -> &'static str {
    pick(
        lang,
        match id {
            FieldId::Document => ("Вид документа", "Құжат түрі", "Document"),
            FieldId::FillingCode => ("Код заполнения", "Толтыру коды", "Filling code"),
            FieldId::RegionCode => ("Код области", "Облыс коды", "Region code"),
            FieldId::DistrictCode => ("Код района", "Аудан коды", "District code"),
            FieldId::Iin => ("ИИН", "ЖСН", "IIN"),
            FieldId::Surname => ("Фамилия", "Тегі", "Surname"),
            FieldId::GivenName => ("Имя", "Аты", "Given name"),
            FieldId::Patronymic => ("Отчество", "Әкесінің аты", "Patronymic"),
            FieldId::BirthDate => ("Дата рождения", "Туған күні", "Birth date"),
            FieldId::Sex => ("Пол", "Жынысы", "Sex"),
            FieldId::BirthPlace => ("Место рождения", "Туған жері", "Birth place"),
            FieldId::Nationality => ("Национальность", "Ұлты", "Nationality"),
            FieldId::Citizenship => ("Гражданство", "Азаматтығы", "Citizenship"),
            FieldId::ResidenceAddress => (
                "13. Место жительства",
                "13. Тұрғылықты жері",
                "13. Residence",
            ),
            FieldId::ArrivalDate => ("Дата прибытия", "Келген күні", "Arrival date"),
            FieldId::PreviousAddress => (
                "14. Прежнее место жит.",
                "14. Бұрынғы мекені",
                "14. Previous address",
            ),
            FieldId::Signature => ("Подпись", "Қолы", "Signature"),
            FieldId::SignatureReason => (
                "Нет подписи: причина",
                "Қолының болмау себебі",
                "Why unsigned",
            ),
            FieldId::ParentIdNumber => (
                "УЛ родителя: номер",
                "Ата-ана құжаты: нөмірі",
                "Parent's ID: number",
            ),
            FieldId::ParentIdDate => (
                "УЛ родителя: дата",
                "Ата-ана құжаты: күні",
                "Parent's ID: date",
            ),
            FieldId::ParentIdIssuer => (
                "УЛ родителя: кем выдан",
                "Ата-ана құжатын берген",
                "Parent's ID: issuer",
            ),
            FieldId::ConclusionNumber => (
                "Заключение: номер",
                "Қорытынды: нөмірі",
                "Conclusion: number",
            ),
            FieldId::ConclusionDate => ("Заключение: дата", "Қорытынды: күні", "Conclusion: date"),
            FieldId::ProtocolNumber => (
                "Протокол опозн.: №",
                "Тану хаттамасы: №",
                "ID protocol: number",
            ),
            FieldId::ProtocolDate => (
                "Протокол опозн.: дата",
                "Тану хаттамасы: күні",
                "ID protocol: date",
            ),
            FieldId::BasisKind => ("Основание: документ", "Негіз: құжат", "Basis: document"),
            FieldId::BasisNumber => ("Основание: номер", "Негіз: нөмірі", "Basis: number"),
            FieldId::BasisDate => ("Основание: дата", "Негіз: күні", "Basis: date"),
            FieldId::PenalLocation => (
                "Учрежд. УИС: место",
                "ҚАЖ мекемесі: орны",
                "Penal inst.: place",
            ),
            FieldId::PenalInstitution => (
                "Учрежд. УИС: название",
                "ҚАЖ мекемесі: атауы",
                "Penal inst.: name",
            ),
            FieldId::AddressAbroad => ("Адрес за границей", "Шетелдегі мекенжай", "Address abroad"),
            FieldId::SignatureDocument => (
                "Копия документа (M-8)",
                "Құжат көшірмесі (M-8)",
                "Copied doc. (M-8)",
            ),
            FieldId::FilledAt => ("Место заполнения", "Толтыру орны", "Filled at"),
            FieldId::StayReason => ("Причина (M-4)", "Себебі (M-4)", "Reason (M-4)"),
            FieldId::CertificateGround => {
                ("По свид. о рожд.", "Туу туралы куәлік", "On birth cert.")
            }
            FieldId::RepresentativePresent => {
                ("Представитель (M-12.c)", "Өкіл (M-12.c)", "Representative")
            }
            FieldId::ChangeBasis => ("Основание изменения", "Өзгерту негізі", "Change basis"),
            FieldId::ChangeReference => ("Данные ЗАГС: ссылка", "АХАЖ деректері", "ZAGS reference"),
            FieldId::ChangeNumber => (
                "Заключение (прил. 4)",
                "Қорытынды (4-қос.)",
                "Conclusion (app. 4)",
            ),
            FieldId::ChangeDate => ("Дата заключения", "Қорытынды күні", "Conclusion date"),
            FieldId::BirthPlaceChanged => (
                "Место рожд. изменено",
                "Туған жері өзгерді",
                "Birth place changed",
            ),
            FieldId::LivesAbroad => ("Живёт за границей", "Шетелде тұрады", "Lives abroad"),
            FieldId::Convict => ("Осуждённый (M-43)", "Сотталған (M-43)", "Convict (M-43)"),
            FieldId::AdditionalInformation => {
                ("Доп. информация", "Қосымша ақпарат", "Additional info")
            }
        },
    )
}

/// A group heading of the form.
pub fn group(lang: Lang, group: Group) -> &'static str {
    pick(
        lang,
        match group {
            Group::Document => ("Документ", "Құжат", "Document"),
            Group::Person => ("Лицо", "Тұлға", "Person"),
            Group::Addresses => ("Адреса", "Мекенжайлар", "Addresses"),
            Group::Signature => ("Подпись", "Қолы", "Signature"),
            Group::Grounds => ("Основания", "Негіздер", "Grounds"),
            Group::ReverseSide => ("Оборотная сторона", "Артқы беті", "Reverse side"),
        },
    )
}

/// The name of a choice value (JSON spelling); "" is "not chosen".
pub fn choice(lang: Lang, value: &str) -> &'static str {
    pick(
        lang,
        match value {
            "passport" => ("Паспорт", "Паспорт", "Passport"),
            "id_card" => ("Удостоверение личности", "Жеке куәлік", "ID card"),
            "residence_permit" => ("Вид на жительство", "Тұруға ықтиярхат", "Residence permit"),
            "stateless_certificate" => {
                ("Удостоверение ЛБГ", "АЖА куәлігі", "Stateless certificate")
            }
            "male" => ("мужской", "ер", "male"),
            "female" => ("женский", "әйел", "female"),
            "present" => ("есть", "бар", "present"),
            "absent" => (
                "нет (причина ниже)",
                "жоқ (себебі төменде)",
                "absent (reason below)",
            ),
            "birth_certificate" => (
                "свидетельство о рождении",
                "туу туралы куәлік",
                "birth certificate",
            ),
            "marriage_record" => (
                "запись о заключении брака",
                "неке қию туралы жазба",
                "marriage record",
            ),
            "divorce_record" => (
                "запись о расторжении брака",
                "некені бұзу туралы жазба",
                "divorce record",
            ),
            "data_change_conclusion" => (
                "заключение о перемене установочных данных",
                "белгілеу деректерін ауыстыру туралы қорытынды",
                "data change conclusion",
            ),
            "yes" => ("да", "иә", "yes"),
            "no" => ("нет", "жоқ", "no"),
            "permanent_registration" => (
                "по месту постоянной регистрации",
                "тұрақты тіркелген жері бойынша",
                "place of permanent registration",
            ),
            "actual_stay" => (
                "по месту фактического пребывания",
                "нақты болған жері бойынша",
                "place of actual stay",
            ),
            "loss" => ("утрата", "жоғалту", "loss"),
            "expiry" => ("истечение срока", "мерзімнің өтуі", "expiry"),
            "marriage_divorce_surname" => (
                "фамилия при браке/разводе",
                "неке/ажырасу кезіндегі тегі",
                "surname on marriage/divorce",
            ),
            "unfit" => ("непригодность", "жарамсыздық", "unfit for use"),
            "modification" => ("модификация", "түрлендіру", "modification"),
            "first_passport_on_id_card" => (
                "первый паспорт по удостоверению",
                "куәлік бойынша алғашқы паспорт",
                "first passport on an ID card",
            ),
            "minor_first_documents" => (
                "первые документы несовершеннолетнего",
                "кәмелетке толмағанның алғашқы құжаттары",
                "a minor's first documents",
            ),
            "minor" => ("несовершеннолетний", "кәмелетке толмаған", "a minor"),
            "ussr1974_exchange" => (
                "обмен паспорта СССР 1974 г.",
                "1974 ж. КСРО паспортын ауыстыру",
                "exchange of a 1974 USSR passport",
            ),
            "ussr1974_lost" => (
                "утрата паспорта СССР 1974 г.",
                "1974 ж. КСРО паспортын жоғалту",
                "a lost 1974 USSR passport",
            ),
            "late_first_documents" => (
                "опоздание с первыми документами",
                "алғашқы құжаттарды кешіктіру",
                "late for first documents",
            ),
            "zags" => (
                "данные ИС ЗАГС",
                "АХАЖ АЖ деректері",
                "data from the civil registry",
            ),
            "conclusion" => (
                "заключение (приложение 4)",
                "қорытынды (4-қосымша)",
                "conclusion (appendix 4)",
            ),
            "marriage_surname" => (
                "фамилия при браке",
                "неке кезіндегі тегі",
                "surname on marriage",
            ),
            "divorce_surname" => (
                "фамилия при расторжении брака",
                "ажырасу кезіндегі тегі",
                "surname on divorce",
            ),
            "national_tradition" => (
                "казахские фамилия/отчество по традиции",
                "ұлттық дәстүр бойынша тегі/әкесінің аты",
                "Kazakh name by national tradition",
            ),
            _ => ("— не выбрано —", "— таңдалмаған —", "— not chosen —"),
        },
    )
}

/// A citizenship typed that is no country code (the form's own check).
pub fn bad_citizenship(raw: &str) -> crate::domain::Text {
    crate::domain::Text::new(
        format!("«{raw}»: нужен двухбуквенный код страны (KZ, RU) или stateless"),
        format!("«{raw}»: екі әріпті ел коды (KZ, RU) немесе stateless керек"),
        format!("'{raw}': a two-letter country code (KZ, RU) or stateless"),
    )
}

/// A date typed that is no date (the form's own check).
pub fn bad_date(raw: &str) -> crate::domain::Text {
    crate::domain::Text::new(
        format!("«{raw}» не дата: введите ДД.ММ.ГГГГ"),
        format!("«{raw}» күн емес: КК.АА.ЖЖЖЖ енгізіңіз"),
        format!("'{raw}' is not a date: type DD.MM.YYYY"),
    )
}
