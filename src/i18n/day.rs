//! The words of the day screen, the work queue and closing a day (issue 12): [`DayWord`]
//! (`Msg::Day`) and the texts built from their data.

use crate::domain::Lang;
use crate::domain::day::OfficeLine;
use crate::domain::queue::ItemKind;

/// A word of the day screen or the work queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayWord {
    Title,
    StillOpen,
    Forms,
    NotReconciled,
    StateHeader,
    ByCode,
    ByDistrict,
    ByClerk,
    Formularies,
    Moves,
    NoneThatDay,
    All,
    KeyOtherDay,
    KeyToday,
    KeyOldestOpen,
    KeyFilterClerk,
    KeyFilterState,
    ReadAgain,
    Reading,
    QueueTitle,
    QueueTab,
    NoTerm,
    OnlyFormularies,
    Drafts,
    Workstations,
    Nobody,
    Due,
    Rule,
    What,
    Since,
    Days,
    ReadOnly,
}

/// (Russian, Kazakh, English).
pub(super) fn texts(word: DayWord) -> (&'static str, &'static str, &'static str) {
    match word {
        DayWord::Title => ("День", "Күн", "Day"),
        DayWord::StillOpen => ("ещё открыты", "әлі ашық", "still open"),
        DayWord::Forms => (
            "Учёт бланков (в отделе)",
            "Бланктер есебі (бөлімде)",
            "Forms held (in the office)",
        ),
        DayWord::NotReconciled => (
            "СЧЁТ НЕ СХОДИТСЯ: выполните kense audit verify",
            "ЕСЕП СӘЙКЕС ЕМЕС: kense audit verify орындаңыз",
            "THE COUNTS DO NOT RECONCILE: run kense audit verify",
        ),
        DayWord::StateHeader => (
            "Состояние          нач.  приход расход  конец",
            "Күйі               бас.   кірді  шықты   соңы",
            "State             start     in    out    end",
        ),
        DayWord::ByCode => (
            "По коду заполнения",
            "Толтыру коды бойынша",
            "By filling code",
        ),
        DayWord::ByDistrict => ("По районам", "Аудандар бойынша", "By district"),
        DayWord::ByClerk => ("По сотрудникам", "Қызметкерлер бойынша", "By clerk"),
        DayWord::Formularies => (
            "Формуляры дня",
            "Күннің формулярлары",
            "The day's formularies",
        ),
        DayWord::Moves => ("Действия дня", "Күннің әрекеттері", "The day's moves"),
        DayWord::NoneThatDay => ("нет", "жоқ", "none"),
        DayWord::All => ("все", "бәрі", "all"),
        DayWord::KeyOtherDay => ("другой день", "басқа күн", "another day"),
        DayWord::KeyToday => ("сегодня", "бүгін", "today"),
        DayWord::KeyOldestOpen => (
            "самый ранний открытый день",
            "ең ерте ашық күн",
            "the earliest open day",
        ),
        DayWord::KeyFilterClerk => (
            "фильтр по сотруднику",
            "қызметкер сүзгісі",
            "filter by clerk",
        ),
        DayWord::KeyFilterState => ("фильтр по состоянию", "күй сүзгісі", "filter by state"),
        DayWord::ReadAgain => (
            "Перечитано: другой сотрудник изменил реестр",
            "Қайта оқылды: басқа қызметкер тізілімді өзгертті",
            "Read again: another clerk changed the register",
        ),
        DayWord::Reading => (
            "Чтение реестра…",
            "Тізілім оқылуда…",
            "Reading the register…",
        ),
        DayWord::QueueTitle => ("Очередь работ", "Жұмыс кезегі", "Work queue"),
        DayWord::QueueTab => ("Очередь", "Кезек", "Queue"),
        DayWord::NoTerm => ("без срока", "мерзімсіз", "no term"),
        DayWord::OnlyFormularies => (
            "Здесь открывается только формуляр: заявки ДСН — kense dsn, запросы в РАГС — kense births",
            "Мұнда тек формуляр ашылады: ДСН өтінімдері — kense dsn, АХАЖ сұраулары — kense births",
            "Only a formulary opens here: DSN applications are in kense dsn, registry requests in kense births",
        ),
        DayWord::Drafts => (
            "Черновики у сотрудников",
            "Қызметкерлердегі жобалар",
            "Drafts held by",
        ),
        DayWord::Workstations => (
            "Открытые рабочие места",
            "Ашық жұмыс орындары",
            "Workstations open",
        ),
        DayWord::Nobody => ("нет", "жоқ", "none"),
        DayWord::Due => ("Срок", "Мерзімі", "Due"),
        DayWord::Rule => ("Правило", "Ереже", "Rule"),
        DayWord::What => ("Что", "Не", "What"),
        DayWord::Since => ("С", "Бастап", "Since"),
        DayWord::Days => ("Дней", "Күн", "Days"),
        DayWord::ReadOnly => ("Только чтение", "Тек оқу", "Read-only"),
    }
}

/// The office's line of the day: start + in − out = end, with what changed a form's kind
/// without moving it (cancelled, spoiled).
pub fn office_line(lang: Lang, o: &OfficeLine) -> String {
    let (start, reg, sent, ret, made, issued, destroyed, end, cancelled, spoiled) = match lang {
        Lang::Ru => (
            "на начало",
            "зарегистрировано",
            "отправлено",
            "возвращено",
            "изготовлено",
            "выдано",
            "уничтожено по акту",
            "на конец",
            "аннулировано",
            "испорчено",
        ),
        Lang::Kk => (
            "басында",
            "тіркелді",
            "жіберілді",
            "қайтарылды",
            "дайындалды",
            "берілді",
            "акт бойынша жойылды",
            "соңында",
            "күші жойылды",
            "бүлінді",
        ),
        Lang::En => (
            "at the start",
            "registered",
            "sent",
            "returned",
            "manufactured",
            "issued",
            "destroyed by act",
            "at the end",
            "cancelled",
            "spoiled",
        ),
    };
    format!(
        "{} {start} + {} {reg} − {} {sent} + {} {ret} + {} {made} − {} {issued} − {} \
         {destroyed} = {} {end} ({} {cancelled}, {} {spoiled})",
        o.start,
        o.registered,
        o.sent,
        o.returned,
        o.manufactured,
        o.issued,
        o.destroyed,
        o.end,
        o.cancelled,
        o.spoiled
    )
}

/// The queue's item kinds, as the queue screen names them.
pub fn item_kind(lang: Lang, kind: ItemKind) -> &'static str {
    let (ru, kk, en) = match kind {
        ItemKind::M16Verification => ("проверка", "тексеру", "verification"),
        ItemKind::M16Conclusion => ("заключение", "қорытынды", "conclusion"),
        ItemKind::M40Returned => ("возвращён", "қайтарылған", "returned"),
        ItemKind::SentNotBack => ("не вернулся", "қайтпады", "not back"),
        ItemKind::Manufactured => ("ждёт выдачи", "беруді күтеді", "awaits issue"),
        ItemKind::D6Result => ("результат ДСН", "ДСН нәтижесі", "DSN result"),
        ItemKind::D6AskedBack => ("запрос ДСН", "ДСН сұрауы", "DSN asked back"),
        ItemKind::M12aRequest => ("запрос в РАГС", "АХАЖ сұрауы", "registry request"),
    };
    lang.pick(ru, kk, en)
}

/// The queue's heading: how many wait and how many are overdue, and how many are listed.
pub fn queue_heading(lang: Lang, waiting: u64, overdue: u64, listed: usize) -> String {
    lang.pick(
        format!("ждут {waiting}, просрочено {overdue}; в списке {listed}, дольше всех ждущие"),
        format!("күтуде {waiting}, мерзімі өткен {overdue}; тізімде {listed}, ең ұзақ күткендер"),
        format!("{waiting} waiting, {overdue} overdue; {listed} listed, the longest waiting"),
    )
}

/// The tab bar's queue entry, with its overdue items when there are any.
pub fn queue_tab(lang: Lang, overdue: u64) -> String {
    let name = super::tr(lang, super::Msg::Day(DayWord::QueueTab));
    if overdue == 0 {
        return name.to_string();
    }
    lang.pick(
        format!("{name}: просрочено {overdue}"),
        format!("{name}: мерзімі өткен {overdue}"),
        format!("{name}: {overdue} overdue"),
    )
}

/// What closing day `date` seals: its registrations and moves, and what still waits on the
/// office (the work queue) and how much of it is overdue.
pub fn sealing(lang: Lang, date: &str, done: (usize, usize), waiting: u64, overdue: u64) -> String {
    let (registered, moved) = done;
    lang.pick(
        format!(
            "Закрывается день {date}: зарегистрировано {registered}, действий {moved}; \
             в работе {waiting}, из них просрочено {overdue}"
        ),
        format!(
            "{date} күні жабылады: тіркелді {registered}, әрекет {moved}; жұмыста {waiting}, \
             оның мерзімі өткені {overdue}"
        ),
        format!(
            "Closing {date}: {registered} registered, {moved} moves; {waiting} open items, \
             {overdue} of them overdue"
        ),
    )
}
