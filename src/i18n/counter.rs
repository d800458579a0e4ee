//! The words of the formulary at the counter (issue 11, issue 14): the district picker's
//! change of region, the draft another session holds, and the dialog of what was shown for
//! a child's IIN (M-12.a). Built from data, so functions rather than [`super::Msg`]s.

use crate::domain::Lang;

/// The status line after a district of another region was picked: the region changed
/// with it (M-App2), and the clerk is told, never left to find it.
pub fn region_changed(lang: Lang, from: &str, to: &str, name: &str) -> String {
    if from.trim().is_empty() {
        return lang.pick(
            format!("Область заполнена по району: {to} {name}"),
            format!("Облыс аудан бойынша толтырылды: {to} {name}"),
            format!("Region filled from the district: {to} {name}"),
        );
    }
    lang.pick(
        format!("Область изменена: {from} → {to} {name} (район другой области)"),
        format!("Облыс өзгертілді: {from} → {to} {name} (басқа облыстың ауданы)"),
        format!("Region changed: {from} → {to} {name} (a district of another region)"),
    )
}

/// When another session holds the clerk's draft: which (host, process) and since when, in
/// office time. The draft is not overwritten by this session (issue 11).
pub fn draft_held(lang: Lang, session: &str, since: &str) -> String {
    lang.pick(
        format!(
            "Черновик открыт в другом сеансе ({session}, с {since}): \
             n — новый формуляр, r — только просмотр"
        ),
        format!(
            "Жоба басқа сеансте ашық ({session}, {since} бастап): \
             n — жаңа формуляр, r — тек қарау"
        ),
        format!(
            "Your draft is open in another session ({session}, since {since}): \
             n a fresh form, r read only"
        ),
    )
}

/// The status line of a form shown read only: the other session keeps the draft.
pub fn draft_read_only(lang: Lang) -> &'static str {
    lang.pick(
        "Только просмотр: черновик ведёт другой сеанс, здесь он не сохраняется",
        "Тек қарау: жобаны басқа сеанс жүргізеді, мұнда ол сақталмайды",
        "Read only: another session keeps the draft; nothing is saved from here",
    )
}

/// The other session of the clerk has ended and this one now holds the draft (issue 11):
/// `restored`, the draft the register kept is on the form to edit; else what is typed here
/// is kept as the draft from now on.
pub fn draft_handed_over(lang: Lang, restored: bool) -> &'static str {
    if restored {
        lang.pick(
            "Другой сеанс закрыт: черновик теперь ваш, его можно править здесь",
            "Басқа сеанс жабылды: жоба енді сіздікі, оны осында өңдеуге болады",
            "The other session has ended: the draft is yours now, to edit here",
        )
    } else {
        lang.pick(
            "Другой сеанс закрыт: черновик теперь сохраняется здесь",
            "Басқа сеанс жабылды: жоба енді осында сақталады",
            "The other session has ended: your draft is kept here now",
        )
    }
}

/// The other session has ended while the clerk types in a fresh form: the draft it kept
/// is free, and opens here once this form is registered or cleared (issue 11).
pub fn draft_free(lang: Lang) -> &'static str {
    lang.pick(
        "Другой сеанс закрыт, черновик свободен: зарегистрируйте или очистите эту форму, и он откроется здесь на новой форме (Ctrl-X)",
        "Басқа сеанс жабылды, жоба бос: бұл форманы тіркеңіз не тазартыңыз, сонда ол осында жаңа формада ашылады (Ctrl-X)",
        "The other session has ended and your draft is free: register or clear this form and it opens here on a fresh form (Ctrl-X)",
    )
}

/// The fields of the M-12.a dialog, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BasisField {
    CertificateNumber,
    CertificateDate,
    CertificateIssuer,
    ParentDocument,
    ZagsFound,
}

impl BasisField {
    pub const ALL: [BasisField; 5] = [
        BasisField::CertificateNumber,
        BasisField::CertificateDate,
        BasisField::CertificateIssuer,
        BasisField::ParentDocument,
        BasisField::ZagsFound,
    ];

    /// The field's label.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            BasisField::CertificateNumber => lang.pick(
                "№ свидетельства о рождении",
                "Туу туралы куәлік №",
                "Birth certificate No.",
            ),
            BasisField::CertificateDate => lang.pick(
                "Дата выдачи (ДД.ММ.ГГГГ)",
                "Берілген күні (КК.АА.ЖЖЖЖ)",
                "Issued on (DD.MM.YYYY)",
            ),
            BasisField::CertificateIssuer => lang.pick("Кем выдано", "Кім берді", "Issued by"),
            BasisField::ParentDocument => lang.pick(
                "Документ родителя / представителя",
                "Ата-ананың / өкілдің құжаты",
                "Parent's / representative's document",
            ),
            BasisField::ZagsFound => lang.pick(
                "Запись найдена в ИС ЗАГС",
                "Жазба АХАЖ АЖ-да табылды",
                "Birth record found in IS ZAGS",
            ),
        }
    }
}

/// The M-12.a dialog's title.
pub fn basis_title(lang: Lang) -> &'static str {
    lang.pick(
        "ИИН ребёнка: что предъявлено (M-12.a)",
        "Баланың ЖСН: не ұсынылды (M-12.a)",
        "Child's IIN: what was shown (M-12.a)",
    )
}

/// Yes or no of the ИС ЗАГС choice.
pub fn yes_no(lang: Lang, yes: bool) -> &'static str {
    match yes {
        true => lang.pick("да", "иә", "yes"),
        false => lang.pick(
            "нет — запрос в РАГС",
            "жоқ — АХАЖ органына сұрау",
            "no — ask РАГС",
        ),
    }
}

/// A field of the dialog that is wrong: its label, the rule's words and the rule.
pub fn basis_problem(lang: Lang, field: BasisField, why: &str) -> String {
    format!("{}: {why}", field.label(lang))
}

/// The date typed is no date.
pub fn not_a_date(lang: Lang) -> &'static str {
    lang.pick(
        "дата в виде ДД.ММ.ГГГГ (M-12.a)",
        "күн КК.АА.ЖЖЖЖ түрінде (M-12.a)",
        "a date as DD.MM.YYYY (M-12.a)",
    )
}

/// The status line after a child's IIN whose birth record ИС ЗАГС did not have: the
/// request to РАГС is a term of the work queue (M-12.a).
pub fn registry_request_due(lang: Lang, due: &str) -> String {
    lang.pick(
        format!("Запрос в РАГС о записи акта о рождении — до {due} (M-12.a, очередь работ)"),
        format!("Туу туралы жазба үшін АХАЖ органына сұрау — {due} дейін (M-12.a, жұмыс кезегі)"),
        format!("Request to РАГС for the birth record due by {due} (M-12.a, work queue)"),
    )
}

/// The ИС ЗАГС choice not made yet.
pub fn choose_yes_no(lang: Lang) -> &'static str {
    lang.pick(
        "выберите да или нет (y/n, ←/→) (M-12.a)",
        "иә немесе жоқ таңдаңыз (y/n, ←/→) (M-12.a)",
        "choose yes or no (y/n, ←/→) (M-12.a)",
    )
}

/// The dialog's hint line: how to move and finish.
pub fn basis_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Tab — поле, Enter — получить ИИН, Esc — назад",
        "Tab — өріс, Enter — ЖСН алу, Esc — артқа",
        "Tab next field, Enter takes the IIN, Esc back",
    )
}

/// This session could not take the lock on the clerk's draft (issue 11): it keeps no draft,
/// rather than overwrite one another session of the clerk may be filling.
pub fn draft_lock_failed(lang: Lang, why: &str) -> String {
    lang.pick(
        format!("Черновик в этой сессии не сохраняется: его блокировку не удалось взять ({why})"),
        format!("Бұл сеанста жоба сақталмайды: оның құлпын алу мүмкін болмады ({why})"),
        format!("No draft is kept in this session: its lock could not be taken ({why})"),
    )
}
