//! The words of the DSN applications in the workstation (issue 11): the list's terms
//! (D-6), an opened application, its hand-over, a taxpayer added (D-7 (1)) and the name
//! the DSN form fills from the register.

use crate::domain::Lang;
use chrono::NaiveDate;

/// A word of the DSN desk, reached as `Msg::Dsn`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DsnWord {
    KeyHandOver,
    KeyAddTaxpayer,
    Applicant,
    SubjectType,
    Received,
    Registered,
    Due,
    HandedOver,
    KeptUntil,
    NotHandedOver,
    Products,
    ExistingCode,
    TaxpayerTitle,
    TaxpayerName,
    Activity,
    Place,
    Both,
    FromRegister,
    KeyAdd,
    NoDirectory,
}

/// (Russian, Kazakh, English).
pub(super) fn texts(word: DsnWord) -> (&'static str, &'static str, &'static str) {
    match word {
        DsnWord::KeyHandOver => ("выдать результат", "нәтижені беру", "hand over"),
        DsnWord::KeyAddTaxpayer => ("налогоплательщик", "салық төлеуші", "taxpayer"),
        DsnWord::Applicant => ("Заявитель", "Өтініш беруші", "Applicant"),
        DsnWord::SubjectType => ("Тип субъекта", "Субъект түрі", "Subject type"),
        DsnWord::Received => ("Принята", "Қабылданды", "Received"),
        DsnWord::Registered => ("Зарегистрирована", "Тіркелді", "Registered"),
        DsnWord::Due => ("Результат до", "Нәтиже мерзімі", "Result due"),
        DsnWord::HandedOver => ("Выдан в фронт-офис", "Фронт-офиске берілді", "Handed over"),
        DsnWord::KeptUntil => ("Хранится до", "Сақталады", "Kept until"),
        DsnWord::NotHandedOver => ("не выдан", "берілмеген", "not handed over"),
        DsnWord::Products => ("Продукция", "Өнімдер", "Products"),
        DsnWord::ExistingCode => ("уже есть код", "коды бар", "existing code"),
        DsnWord::TaxpayerTitle => (
            "Новый налогоплательщик (D-7 (1))",
            "Жаңа салық төлеуші (D-7 (1))",
            "New taxpayer (D-7 (1))",
        ),
        DsnWord::TaxpayerName => ("Наименование", "Атауы", "Name"),
        DsnWord::Activity => (
            "Деятельность (ст. 88)",
            "Қызмет (88-бап)",
            "Activity (art. 88)",
        ),
        DsnWord::Place => ("Место регистрации", "Тіркелген жері", "Place registered"),
        DsnWord::Both => (
            "производитель и импортёр",
            "өндіруші және импорттаушы",
            "producer and importer",
        ),
        DsnWord::FromRegister => ("из реестра", "тізілімнен", "from the register"),
        DsnWord::KeyAdd => ("добавить", "қосу", "add"),
        DsnWord::NoDirectory => (
            "Справочник есть у страны, АТЕ и вида нефтепродукта",
            "Анықтамалық ел, ӘАБ және өнім түрі үшін бар",
            "The country, the unit and the product type have directories",
        ),
    }
}

fn day(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// The title of an opened application.
pub fn application_title(lang: Lang, id: i64) -> String {
    lang.pick(
        format!("Заявка на ДСН-код № {id}"),
        format!("ДСН-кодқа № {id} өтінім"),
        format!("DSN code application No. {id}"),
    )
}

/// The list's last column: the term of the result, or its hand-over (D-6); `kept_past`,
/// the day a handed-over result's month ended, when it has.
pub fn term(
    lang: Lang,
    due: NaiveDate,
    overdue: bool,
    handed: Option<NaiveDate>,
    kept_past: Option<NaiveDate>,
) -> String {
    match (handed, overdue, kept_past) {
        (Some(_), _, Some(until)) => lang.pick(
            format!("✓ месяц прошёл {}", day(until)),
            format!("✓ ай өтті {}", day(until)),
            format!("✓ kept a month {}", day(until)),
        ),
        (Some(on), _, None) => lang.pick(
            format!("✓ выдан {}", day(on)),
            format!("✓ берілді {}", day(on)),
            format!("✓ handed {}", day(on)),
        ),
        (None, true, _) => lang.pick(
            format!("! просрочено {}", day(due)),
            format!("! мерзімі өтті {}", day(due)),
            format!("! overdue {}", day(due)),
        ),
        (None, false, _) => format!("→ {}", day(due)),
    }
}

/// D-6: a handed-over result kept past its month, to be passed to the provider.
pub fn kept_past(lang: Lang, until: NaiveDate) -> String {
    lang.pick(
        format!(
            "месяц хранения истёк {}: передать поставщику (D-6)",
            day(until)
        ),
        format!("сақтау айы {} аяқталды: жеткізушіге беру (D-6)", day(until)),
        format!(
            "kept a month on {}: pass it to the provider (D-6)",
            day(until)
        ),
    )
}

/// The status after a hand-over (D-6).
pub fn handed_over(lang: Lang, id: i64, on: NaiveDate, until: Option<NaiveDate>) -> String {
    let until = until.map(day).unwrap_or_default();
    lang.pick(
        format!(
            "Заявка № {id}: результат выдан {}, хранится до {until} (D-6)",
            day(on)
        ),
        format!(
            "№ {id} өтінім: нәтиже {} берілді, {until} дейін сақталады (D-6)",
            day(on)
        ),
        format!(
            "Application No. {id}: result handed over on {}, kept until {until} (D-6)",
            day(on)
        ),
    )
}

/// The status after a taxpayer was added.
pub fn taxpayer_added(lang: Lang, tin: &str) -> String {
    lang.pick(
        format!("Налогоплательщик {tin} добавлен в реестр"),
        format!("{tin} салық төлеушісі тізілімге қосылды"),
        format!("Taxpayer {tin} added to the register"),
    )
}

/// The status when the DSN form filled the taxpayer's name from the register.
pub fn name_filled(lang: Lang, tin: &str) -> String {
    lang.pick(
        format!("Наименование заполнено из реестра налогоплательщиков по {tin}"),
        format!("Атауы салық төлеушілер тізілімінен {tin} бойынша толтырылды"),
        format!("The name was filled from the taxpayer register for {tin}"),
    )
}

/// The status when a valid BIN is not in the taxpayer register (D-7 (1) would refuse).
pub fn not_registered(lang: Lang, tin: &str) -> String {
    lang.pick(
        format!("{tin} нет в реестре налогоплательщиков: будет отказ (D-7 (1)); Ctrl-A в списке заявок добавляет"),
        format!("{tin} салық төлеушілер тізілімінде жоқ: бас тарту болады (D-7 (1)); өтінімдер тізімінде Ctrl-A қосады"),
        format!("{tin} is not in the taxpayer register: it would be refused (D-7 (1)); Ctrl-A on the DSN list adds it"),
    )
}

/// The register's name of a taxpayer differs from the one typed: said, not replaced.
pub fn name_differs(lang: Lang, tin: &str, name: &str) -> String {
    lang.pick(
        format!("В реестре {tin}: {name}"),
        format!("Тізілімде {tin}: {name}"),
        format!("The register has {tin} as {name}"),
    )
}

/// The question before a hand-over (D-6), naming the application it records, since the
/// list's selection decides which one.
pub fn hand_over_question(lang: Lang, id: i64) -> String {
    lang.pick(
        format!("Результат заявки № {id} передан в фронт-офис сегодня (D-6)? y/д — да, n/н — нет"),
        format!("№ {id} өтінімнің нәтижесі бүгін фронт-офиске берілді ме (D-6)? y/и — иә, n/ж — жоқ"),
        format!("Hand the result of application No. {id} over to the front office today (D-6)? y — yes, n — no"),
    )
}
