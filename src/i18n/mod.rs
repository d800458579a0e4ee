//! The one string catalogue: every word the workstation and the command line show, in
//! Russian, Kazakh and English. A screen asks for a [`Msg`] (or a function here that builds
//! a text from data), never writes its own text; the language is picked by `Lang::pick`
//! alone. The rules' own messages stay with the rules (the domain's `Text` tables).
//!
//! - this file: the screens' words, [`Msg`];
//! - `form`: the formulary's field labels, group headings and choice names;
//! - `moves`: texts built from a move's data (history lines, conclusions, a closed day);
//! - `store`: the register's refusals and failures.

use crate::codes::Kind;
use crate::domain::Lang;

pub mod form;
mod moves;
pub mod store;

pub use moves::{conclusion_made, day_closed, event_data};

/// A piece of screen text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Msg {
    TabNewFormulary,
    TabCodeLookup,
    TabRegister,
    QueryTitle,
    QueryHint,
    Results,
    Detail,
    NothingFound,
    NoSelection,
    Code,
    NameKk,
    NameRu,
    NameEn,
    Region,
    RegionCode,
    Heading,
    Marked,
    Translated,
    Copied,
    HelpTitle,
    HelpClose,
    TooSmall,
    KeyTabs,
    KeyHelp,
    KeyQuit,
    KeyBack,
    KeySelect,
    KeyPage,
    KeyEnds,
    KeyCopy,
    KeyEdit,
    Kind(Kind),
    FormTitle,
    FormErrors,
    FormWarnings,
    FormReady,
    FormPrint,
    FormWhole,
    KeyField,
    KeyChoose,
    KeyPick,
    KeyAccept,
    KeySave,
    ReasonTitle,
    ReasonHint,
    PickTitle,
    QuitQuestion,
    DsnQuitQuestion,
    NotReady,
    KeyDone,
    RegisterFilter,
    RegisterFilterHint,
    RegisterPage,
    ColNumber,
    ColDate,
    ColIin,
    ColCode,
    ColName,
    ColStatus,
    Coupon,
    History,
    Moves,
    NoMoves,
    Formulary,
    DayClosed,
    DayOpen,
    Total,
    District,
    Clerk,
    CloseDayHint,
    DayTitle,
    KeyOpen,
    KeyDay,
    KeyCloseDay,
    KeyMove,
    MoveTitle,
    MoveHint,
    AskCancelReason,
    AskSpoilReason,
    AskCorrection,
    AskActNumber,
    AskCoupon,
    NeedText,
    CloseDayQuestion,
    RefuseQuestion,
    KeyRefuse,
    Done,
    NoRegister,
    DsnCode,
    DsnBelow,
    KeyGenerate,
    NeedBirthAndSex,
    DsnTitle,
    DsnTaxpayer,
    DsnBin,
    DsnSubject,
    DsnCountry,
    DsnUnit,
    DsnType,
    DsnName,
    DsnSpec,
    DsnProducer,
    DsnImporter,
    DsnReady,
    DsnListTitle,
    KeyOtherForm,
    KeyFile,
    KeyOtherList,
    Refused,
}

/// The text of `msg` in `lang`.
pub fn tr(lang: Lang, msg: Msg) -> &'static str {
    let (ru, kk, en) = texts(msg);
    lang.pick(ru, kk, en)
}

/// (Russian, Kazakh, English).
fn texts(msg: Msg) -> (&'static str, &'static str, &'static str) {
    match msg {
        Msg::TabNewFormulary => ("Новый формуляр", "Жаңа формуляр", "New formulary"),
        Msg::TabCodeLookup => ("Поиск кодов", "Кодтарды іздеу", "Code lookup"),
        Msg::TabRegister => ("Реестр", "Тізілім", "Register"),
        Msg::QueryTitle => ("Код или название", "Код немесе атауы", "Code or name"),
        Msg::QueryHint => (
            "например 1902 204, 08, аккол, akkol",
            "мысалы 1902 204, 08, ақкөл, akkol",
            "e.g. 1902 204, 08, аккол, akkol",
        ),
        Msg::Results => ("Найдено", "Табылды", "Found"),
        Msg::Detail => ("Подробно", "Толығырақ", "Detail"),
        Msg::NothingFound => ("Ничего не найдено", "Ештеңе табылмады", "Nothing found"),
        Msg::NoSelection => (
            "Введите код или название",
            "Код немесе атауын енгізіңіз",
            "Type a code or a name",
        ),
        Msg::Code => ("Код", "Код", "Code"),
        Msg::NameKk => ("На казахском", "Қазақша", "Kazakh"),
        Msg::NameRu => ("На русском", "Орысша", "Russian"),
        Msg::NameEn => ("На английском", "Ағылшынша", "English"),
        Msg::Region => ("Область", "Облыс", "Region"),
        Msg::RegionCode => ("Код области", "Облыс коды", "Region code"),
        Msg::Heading => ("Раздел", "Бөлім", "Heading"),
        Msg::Marked => (
            "* переименована или объединена",
            "* атауы өзгерген немесе біріктірілген",
            "* renamed or merged since",
        ),
        Msg::Translated => (
            "перевод Kense, не текст документа",
            "Kense аудармасы, құжат мәтіні емес",
            "Kense's translation, not the document's text",
        ),
        Msg::Copied => ("Скопировано", "Көшірілді", "Copied"),
        Msg::HelpTitle => ("Клавиши", "Пернелер", "Keys"),
        Msg::HelpClose => ("Esc — закрыть", "Esc — жабу", "Esc closes"),
        Msg::TooSmall => (
            "Окно терминала мало: нужно не меньше 80×24",
            "Терминал терезесі кіші: кемінде 80×24 керек",
            "The terminal is too small: 80×24 is needed",
        ),
        Msg::KeyTabs => ("вкладки", "қойындылар", "tabs"),
        Msg::KeyHelp => ("клавиши", "пернелер", "keys"),
        Msg::KeyQuit => ("выход", "шығу", "quit"),
        Msg::KeyBack => ("назад", "артқа", "back"),
        Msg::KeySelect => ("выбор", "таңдау", "select"),
        Msg::KeyPage => ("страница", "бет", "page"),
        Msg::KeyEnds => (
            "первая / последняя строка",
            "бірінші / соңғы жол",
            "first / last row",
        ),
        Msg::KeyCopy => ("копировать код", "кодты көшіру", "copy code"),
        Msg::KeyEdit => ("правка строки", "жолды түзету", "edit the line"),
        Msg::FormTitle => ("Формуляр", "Формуляр", "Formulary"),
        Msg::FormErrors => ("ошибок", "қате", "errors"),
        Msg::FormWarnings => ("предупреждений", "ескерту", "warnings"),
        Msg::FormReady => (
            "Ошибок нет: Ctrl-S — зарегистрировать",
            "Қате жоқ: Ctrl-S — тіркеу",
            "No errors: Ctrl-S registers",
        ),
        Msg::FormPrint => ("Напечатать", "Басып шығару", "Print"),
        Msg::FormWhole => (
            "Формуляр в целом",
            "Формуляр тұтастай",
            "The formulary as a whole",
        ),
        Msg::KeyField => ("поле", "өріс", "field"),
        Msg::KeyChoose => ("значение", "мән", "value"),
        Msg::KeyPick => ("справочник", "анықтамалық", "pick a code"),
        Msg::KeyAccept => (
            "принять предупреждение",
            "ескертуді қабылдау",
            "accept warning",
        ),
        Msg::KeySave => ("регистрация", "тіркеу", "register"),
        Msg::KeyDone => ("готово", "дайын", "done"),
        Msg::ReasonTitle => ("Причина", "Себебі", "Reason"),
        Msg::ReasonHint => (
            "Почему предупреждение можно принять? Enter — принять, Esc — отмена",
            "Неге ескертуді қабылдауға болады? Enter — қабылдау, Esc — болдырмау",
            "Why may the warning pass? Enter accepts, Esc cancels",
        ),
        Msg::PickTitle => ("Выбор кода", "Кодты таңдау", "Pick a code"),
        Msg::NotReady => (
            "Не зарегистрирован: исправьте отмеченные поля",
            "Тіркелмеді: белгіленген өрістерді түзетіңіз",
            "Not registered: correct the marked fields",
        ),
        Msg::QuitQuestion => (
            "Формуляр не зарегистрирован; черновик сохранён. Выйти? (y/n)",
            "Формуляр тіркелмеген; жоба сақталды. Шығу керек пе? (y/n)",
            "The formulary is not registered; the draft is kept. Quit? (y/n)",
        ),
        Msg::DsnQuitQuestion => (
            "Заявка ДСН не подана: введённое будет потеряно. Выйти — Ctrl-Q ещё раз",
            "ДСН өтінімі берілмеді: енгізілгені жоғалады. Шығу — Ctrl-Q тағы бір рет",
            "The DSN application is not filed: it will be lost. Ctrl-Q again quits",
        ),
        Msg::RegisterFilter => ("Поиск в реестре", "Тізілімнен іздеу", "Search the register"),
        Msg::RegisterFilterHint => (
            "ИИН, фамилия, № или талон; status: code: from: to:",
            "ЖСН, тегі, № немесе талон; status: code: from: to:",
            "IIN, surname, number or coupon; status: code: from: to:",
        ),
        Msg::RegisterPage => ("Стр.", "Бет", "Page"),
        Msg::ColNumber => ("Номер", "Нөмір", "Number"),
        Msg::ColDate => ("Дата", "Күні", "Date"),
        Msg::ColIin => ("ИИН", "ЖСН", "IIN"),
        Msg::ColCode => ("Код", "Код", "Code"),
        Msg::ColName => ("ФИО", "Аты-жөні", "Name"),
        Msg::ColStatus => ("Статус", "Күйі", "Status"),
        Msg::Coupon => ("Талон", "Талон", "Coupon"),
        Msg::History => ("История", "Тарихы", "History"),
        Msg::Moves => ("Действия (цифра)", "Әрекеттер (цифр)", "Actions (digit)"),
        Msg::NoMoves => ("действий нет", "әрекет жоқ", "no actions"),
        Msg::Formulary => ("Формуляр", "Формуляр", "Formulary"),
        Msg::DayClosed => ("день закрыт", "күн жабылған", "day closed"),
        Msg::DayOpen => ("день открыт", "күн ашық", "day open"),
        Msg::Total => ("всего", "барлығы", "total"),
        Msg::District => ("Район", "Аудан", "District"),
        Msg::Clerk => ("Сотрудник", "Қызметкер", "Clerk"),
        Msg::CloseDayHint => (
            "Ctrl-E — закрыть день (после этого записи дня не меняются)",
            "Ctrl-E — күнді жабу (кейін күн жазбалары өзгермейді)",
            "Ctrl-E closes the day (its records can no longer change)",
        ),
        Msg::DayTitle => ("Итоги дня", "Күн қорытындысы", "End of day"),
        Msg::KeyOpen => ("открыть", "ашу", "open"),
        Msg::KeyDay => ("итоги дня", "күн қорытындысы", "end of day"),
        Msg::KeyCloseDay => ("закрыть день", "күнді жабу", "close the day"),
        Msg::KeyMove => ("действие", "әрекет", "action"),
        Msg::MoveTitle => ("Действие", "Әрекет", "Action"),
        Msg::MoveHint => (
            "Enter — выполнить, Esc — отмена; ← → выбор",
            "Enter — орындау, Esc — болдырмау; ← → таңдау",
            "Enter does it, Esc cancels; ← → choose",
        ),
        Msg::AskCancelReason => (
            "Причина отмены:",
            "Болдырмау себебі:",
            "Reason for cancelling:",
        ),
        Msg::AskSpoilReason => (
            "Причина порчи бланка:",
            "Бланктің бүліну себебі:",
            "Why the form was spoiled:",
        ),
        Msg::AskCorrection => (
            "Что исправлено перед повторной отправкой:",
            "Қайта жіберу алдында не түзетілді:",
            "What was corrected before sending again:",
        ),
        Msg::AskActNumber => (
            "Номер акта об уничтожении:",
            "Жою актісінің нөмірі:",
            "Number of the destruction act:",
        ),
        Msg::AskCoupon => (
            "Номер талона регистрации заявки, с талона (M-57):",
            "Өтінімді тіркеу талонының нөмірі, талоннан (M-57):",
            "The application's registration coupon number, from the coupon (M-57):",
        ),
        Msg::NeedText => (
            "Строка пуста: заполните её и нажмите Enter (Esc — отмена)",
            "Жол бос: толтырып, Enter басыңыз (Esc — болдырмау)",
            "The line is empty: fill it in, then Enter (Esc cancels)",
        ),
        Msg::CloseDayQuestion => (
            "Закрыть день? Записи дня больше нельзя будет изменить. (y/n)",
            "Күнді жабу керек пе? Күн жазбаларын енді өзгертуге болмайды. (y/n)",
            "Close the day? Its records can no longer be changed. (y/n)",
        ),
        Msg::RefuseQuestion => (
            "Отказать в выдаче по итогам проверки (M-16)? Формуляр будет аннулирован безвозвратно: останется только уничтожить его по акту. (y/n)",
            "Тексеру қорытындысы бойынша беруден бас тарту керек пе (M-16)? Формулярдың күші біржола жойылады: тек акт бойынша жою қалады. (y/n)",
            "Refuse the documents after the verification (M-16)? The formulary will be cancelled for good: only its destruction by an act remains. (y/n)",
        ),
        Msg::KeyRefuse => ("отказать", "бас тарту", "refuse"),
        Msg::Done => ("Выполнено", "Орындалды", "Done"),
        Msg::NoRegister => (
            "Реестр недоступен",
            "Тізілім қолжетімсіз",
            "The register is not available",
        ),
        Msg::DsnCode => ("ДСН-код", "ДСН-код", "DSN code"),
        Msg::DsnBelow => (
            "Это ДСН-код: его фасеты ниже",
            "Бұл ДСН-код: оның фасеттері төменде",
            "A DSN code: its facets are below",
        ),
        Msg::KeyGenerate => ("ИИН ребёнку", "балаға ЖСН", "child's IIN"),
        Msg::NeedBirthAndSex => (
            "Для ИИН нужны дата рождения и пол (M-12.a)",
            "ЖСН үшін туған күні мен жынысы керек (M-12.a)",
            "An IIN needs the birth date and sex first (M-12.a)",
        ),
        Msg::DsnTitle => (
            "Заявка на ДСН-код (D-4)",
            "ДСН-кодқа өтінім (D-4)",
            "DSN code application (D-4)",
        ),
        Msg::DsnTaxpayer => ("Налогоплательщик", "Салық төлеуші", "Taxpayer"),
        Msg::DsnBin => ("БИН / ИИН", "БСН / ЖСН", "BIN / IIN"),
        Msg::DsnSubject => ("Тип субъекта", "Субъект түрі", "Subject type"),
        Msg::DsnCountry => ("Страна (фасет 1)", "Ел (1-фасет)", "Country (facet 1)"),
        Msg::DsnUnit => ("АТЕ (фасет 2)", "ӘАБ (2-фасет)", "Unit (facet 2)"),
        Msg::DsnType => ("вид продукта", "өнім түрі", "product type"),
        Msg::DsnName => ("наименование", "атауы", "name"),
        Msg::DsnSpec => ("тех. характеристика", "тех. сипаттама", "specification"),
        Msg::DsnProducer => ("производитель", "өндіруші", "producer"),
        Msg::DsnImporter => ("импортёр", "импорттаушы", "importer"),
        Msg::DsnReady => (
            "Ошибок нет: Ctrl-S — подать заявку",
            "Қате жоқ: Ctrl-S — өтінім беру",
            "No errors: Ctrl-S files the application",
        ),
        Msg::DsnListTitle => (
            "Заявки на ДСН-коды",
            "ДСН-код өтінімдері",
            "DSN code applications",
        ),
        Msg::KeyOtherForm => ("другая форма", "басқа нысан", "other form"),
        Msg::KeyFile => ("подать заявку", "өтінім беру", "file"),
        Msg::KeyOtherList => ("формуляры / ДСН", "формулярлар / ДСН", "formularies / DSN"),
        Msg::Refused => ("отказ", "бас тарту", "refused"),
        Msg::Kind(kind) => match kind {
            Kind::District => ("Район", "Аудан", "District"),
            Kind::Filling => ("Код заполнения", "Толтыру коды", "Filling code"),
            Kind::DsnCountry => ("ДСН: страна", "ДСН: ел", "DSN: country"),
            Kind::DsnUnit => ("ДСН: АТЕ", "ДСН: ӘАБ", "DSN: unit"),
            Kind::DsnProduct => ("ДСН: продукт", "ДСН: өнім", "DSN: product"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_tab_titles_are_the_ones_the_issue_names() {
        assert_eq!(tr(Lang::En, Msg::TabNewFormulary), "New formulary");
        assert_eq!(tr(Lang::En, Msg::TabCodeLookup), "Code lookup");
        assert_eq!(tr(Lang::En, Msg::TabRegister), "Register");
    }

    #[test]
    fn every_kind_has_a_label_in_every_language() {
        for kind in Kind::ALL {
            for lang in [Lang::Ru, Lang::Kk, Lang::En] {
                assert!(!tr(lang, Msg::Kind(kind)).is_empty(), "{kind:?} {lang:?}");
            }
        }
    }
}
