//! The texts of the lifecycle's moves that carry data: what a move recorded (its history
//! line), the conclusion just entered in the journal (M-16), and who closed a day. Built
//! from the data, so they are functions rather than [`super::Msg`]s.
//!
//! Times are shown in the office's time zone.

use crate::domain::Lang;
use crate::domain::lifecycle::{Conclusion, Event};
use crate::store::DayClose;

fn pick(lang: Lang, ru: String, kk: String, en: String) -> String {
    lang.pick(ru, kk, en)
}

/// The status line after a confirmation or a refusal (M-16): the number the journal of
/// conclusions gave and the date, so the clerk can write them on the reverse side.
pub fn conclusion_made(lang: Lang, refused: bool, conclusion: &Conclusion) -> String {
    let (n, d) = (&conclusion.number, conclusion.date.format("%d.%m.%Y"));
    let (ru, kk, en) = if refused {
        (
            "в выдаче отказано",
            "беруден бас тартылды",
            "documents refused",
        )
    } else {
        (
            "личность установлена",
            "жеке басы анықталды",
            "identity established",
        )
    };
    pick(
        lang,
        format!("Заключение № {n} от {d} (журнал, M-16): {ru}"),
        format!("{d} № {n} қорытынды (журнал, M-16): {kk}"),
        format!("Conclusion No. {n} of {d} (journal, M-16): {en}"),
    )
}

/// What a move recorded besides its states, for its line in the history: the M-16 ground
/// or conclusion, the M-40 reason, the correction, the coupon (M-57), the act number, the
/// reason given; `None` for a move that records nothing more.
pub fn event_data(lang: Lang, event: &Event) -> Option<String> {
    let said = |ru: &str, kk: &str, en: &str, what: &str| {
        pick(
            lang,
            format!("{ru} {what}"),
            format!("{kk} {what}"),
            format!("{en} {what}"),
        )
    };
    Some(match event {
        Event::Register | Event::Send | Event::Manufacture => return None,
        Event::StartVerification { ground } => format!("M-16: {}", ground.text().get(lang)),
        Event::Confirm { conclusion } | Event::Refuse { conclusion } => {
            let (n, d) = (&conclusion.number, conclusion.date.format("%d.%m.%Y"));
            pick(
                lang,
                format!("заключение № {n} от {d}"),
                format!("{d} № {n} қорытынды"),
                format!("conclusion No. {n} of {d}"),
            )
        }
        Event::Return { reason } => format!("M-40: {}", reason.text().get(lang)),
        Event::Resend { correction } => said("исправлено:", "түзетілді:", "corrected:", correction),
        Event::Issue { coupon } => said("талон", "талон", "coupon", coupon),
        Event::Cancel { reason } | Event::Spoil { reason } => {
            said("причина:", "себебі:", "reason:", reason)
        }
        Event::Destroy { act_number } => pick(
            lang,
            format!("акт № {act_number}"),
            format!("№ {act_number} акт"),
            format!("act No. {act_number}"),
        ),
    })
}

/// The end-of-day view's line for a closed day: nothing is left to close, and who closed
/// it when (the register keeps the moment in UTC; shown in the office's time, `zone`).
pub fn day_closed(lang: Lang, close: &DayClose, zone: chrono_tz::Tz) -> String {
    let at = chrono::DateTime::parse_from_rfc3339(&close.closed_at)
        .map(|t| t.with_timezone(&zone).format("%d.%m.%Y %H:%M").to_string())
        .unwrap_or_else(|_| close.closed_at.clone());
    let clerk = &close.clerk;
    pick(
        lang,
        format!("Закрыт {at}, сотрудник {clerk}: записи дня больше не меняются"),
        format!("{at} жабылды, қызметкер {clerk}: күн жазбалары енді өзгермейді"),
        format!("Closed {at} by {clerk}: the day's records no longer change"),
    )
}

/// The status line after a formulary is registered: which number is the registration's and
/// which the coupon's the clerk hands over (M-56).
pub fn registered(lang: Lang, number: &str, coupon: &str) -> String {
    pick(
        lang,
        format!("Зарегистрирован: № {number}, талон {coupon}"),
        format!("Тіркелді: № {number}, талон {coupon}"),
        format!("Registered: No. {number}, coupon {coupon}"),
    )
}

/// The status line after a DSN application is filed: its number, its due date (D-6) and
/// what each product row got.
pub fn dsn_filed(lang: Lang, id: i64, due: chrono::NaiveDate, rows: &str) -> String {
    let due = due.format("%d.%m.%Y");
    pick(
        lang,
        format!("Заявка № {id}, срок {due}: {rows}"),
        format!("№ {id} өтінім, мерзімі {due}: {rows}"),
        format!("Application No. {id}, due {due}: {rows}"),
    )
}

/// A move refused because another clerk moved the formulary first (issue 11): what it is
/// now, and the last move with who made it and when, so the clerk sees what changed.
pub fn changed_meanwhile(lang: Lang, last: &crate::domain::lifecycle::Transition) -> String {
    let (to, moved) = (last.to.text(), last.event.kind().text());
    let at = last.at.format("%d.%m.%Y %H:%M");
    let clerk = &last.clerk;
    lang.pick(
        format!(
            "Формуляр изменился, пока он был открыт: теперь «{}» («{}», {clerk}, {at}). Выберите действие заново.",
            to.ru, moved.ru
        ),
        format!(
            "Формуляр ашық тұрғанда өзгерді: енді «{}» («{}», {clerk}, {at}). Әрекетті қайта таңдаңыз.",
            to.kk, moved.kk
        ),
        format!(
            "The formulary changed while it was open: now «{}» («{}», {clerk}, {at}). Choose the move again.",
            to.en, moved.en
        ),
    )
}

/// A digit pressed right after a move made with one key (send, manufacture): asked first,
/// since a key pressed twice would otherwise make two moves of the formulary's course.
pub fn another_move(lang: Lang, kind: crate::domain::lifecycle::MoveKind) -> String {
    let moved = kind.text();
    lang.pick(
        format!(
            "Сразу ещё одно действие: «{}»? Цифра нажата сразу после предыдущего действия. y/д — да, n/н — нет",
            moved.ru
        ),
        format!(
            "Тағы бір әрекет бірден: «{}»? Цифр алдыңғы әрекеттен кейін бірден басылды. y/и — иә, n/ж — жоқ",
            moved.kk
        ),
        format!(
            "Another move right away: «{}»? The digit came right after the last move. y — yes, n — no",
            moved.en
        ),
    )
}
