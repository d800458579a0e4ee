//! What the register says when it refuses or fails, in the workstation's three languages.
//!
//! The store's own messages are English: they go to the command line and to shell logs.
//! A clerk at a Russian or Kazakh workstation reads them here instead. Every case is
//! matched by name, so a new error of the store cannot reach the screen untranslated
//! without the compiler saying so. The English is the store's own text, word for word.

pub use super::store_rules::field_empty;
use super::store_rules::moment;
use crate::domain::lifecycle::{DataError, Event, LifecycleError};
use crate::domain::{Lang, Sex, Text, shown_date};
use crate::i18n::plural::{Noun, count};
use crate::store::dsn::DsnError;
use crate::store::numbers::parse_coupon;
use crate::store::{StoreError, number_to_show};

/// A move the register refused, said at the move's dialog: the field of the move that is
/// wrong and the rule, where the refusal is about the move's data
/// (`Талон: … [M-57]`); the register's own message otherwise.
pub fn move_refusal(error: &StoreError, event: &Event) -> Text {
    let coupon = ("Талон", "Талон", "Coupon", "M-57");
    let conclusion = ("Заключение", "Қорытынды", "Conclusion", "M-16");
    let (field, text) = match (error, event) {
        // The register compares the typed coupon with the formulary's and says only that
        // they differ; one whose check digit is wrong is no coupon at all, a typo (M-57).
        (StoreError::CouponMismatch { .. }, Event::Issue { coupon: typed })
            if parse_coupon(typed).is_none() =>
        {
            (coupon, coupon_typo(typed))
        }
        (StoreError::CouponMismatch { .. } | StoreError::BadCoupon { .. }, _) => {
            (coupon, store_error(error))
        }
        (StoreError::ConclusionTaken { .. }, _) => (conclusion, store_error(error)),
        (StoreError::Move(LifecycleError::Data(data)), _) => {
            let field = match data {
                DataError::EmptyCoupon => coupon,
                DataError::EmptyConclusionNumber
                | DataError::ConclusionAfterMove { .. }
                | DataError::ConclusionBeforeVerification { .. } => conclusion,
                DataError::EmptyCorrection => ("Исправление", "Түзету", "Correction", "M-40"),
                DataError::EmptyReason(_) | DataError::EmptyActNumber => return store_error(error),
                DataError::BadText { .. } => return store_error(error),
            };
            (field, data.text())
        }
        _ => return store_error(error),
    };
    let (ru, kk, en, rule) = field;
    Text::new(
        format!("{ru}: {} [{rule}]", text.ru),
        format!("{kk}: {} [{rule}]", text.kk),
        format!("{en}: {} [{rule}]", text.en),
    )
}

/// A typed coupon that is not one (M-57), said short enough for the status line with its
/// field and rule: ten digits whose check digit is wrong are a typo; anything else is not
/// the ten digits printed on the coupon.
fn coupon_typo(typed: &str) -> Text {
    let digits = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>();
    if digits.len() == 10 && digits.bytes().all(|b| b.is_ascii_digit()) {
        Text::new(
            "опечатка в номере: контрольная цифра не сходится",
            "нөмірде қате: бақылау цифры сәйкес емес",
            "a typo in the number: the check digit does not match",
        )
    } else {
        Text::new(
            "нужны десять цифр, как на талоне",
            "талондағыдай он цифр керек",
            "ten digits expected, as on the coupon",
        )
    }
}

/// The register's error, for the clerk.
pub fn store_error(error: &StoreError) -> Text {
    let en = error.to_string();
    let t = |ru: String, kk: String| Text::new(ru, kk, en.clone());
    match error {
        StoreError::BadCursor => t(
            "это не курсор этого поиска: укажите тот, что дала предыдущая страница".into(),
            "бұл осы іздеудің курсоры емес: алдыңғы бет берген курсорды көрсетіңіз".into(),
        ),
        StoreError::InvalidClerk => t(
            "имя сотрудника пустое или содержит управляющие символы".into(),
            "қызметкердің аты бос немесе басқару таңбалары бар".into(),
        ),
        StoreError::BirthDateUnsupported { date } => {
            let date = shown_date(*date);
            t(
                format!("ИИН кодирует даты рождения только с 1800 по 2099 год, а не {date}"),
                format!("ЖСН тек 1800–2099 жылдардағы туған күнді кодтайды, {date} емес"),
            )
        }
        StoreError::SerialsExhausted { birth_date, sex } => {
            let birth_date = shown_date(*birth_date);
            let (ru, kk) = match sex {
                Sex::Male => ("мужского пола", "ер"),
                Sex::Female => ("женского пола", "әйел"),
            };
            t(
                format!(
                    "для лиц {ru}, родившихся {birth_date}, не осталось порядковых номеров ИИН: \
                     заняты все до 9999"
                ),
                format!(
                    "{birth_date} туған {kk} жынысты адамдарға ЖСН реттік нөмірі қалмады: \
                     9999-ға дейінгінің бәрі берілген"
                ),
            )
        }
        StoreError::DayAlreadyClosed {
            date,
            closed_at,
            clerk,
        } => {
            let (date, at) = (shown_date(*date), moment(closed_at));
            t(
                format!("день {date} уже закрыт ({at}, сотрудник {clerk})"),
                format!("{date} күні әлдеқашан жабылған ({at}, қызметкер {clerk})"),
            )
        }
        StoreError::Invalid(problems) => {
            let n = problems.len();
            t(
                format!(
                    "формуляр не прошёл проверку: {}, ничего не сохранено",
                    count(Lang::Ru, n, Noun::Error)
                ),
                format!(
                    "формуляр тексеруден өтпеді: {}, ештеңе сақталмады",
                    count(Lang::Kk, n, Noun::Error)
                ),
            )
        }
        StoreError::NoFormulary { number } => match number_to_show(number) {
            Some(n) => t(
                format!("формуляра {n} в реестре нет"),
                format!("тізілімде {n} формуляры жоқ"),
            ),
            None => t(
                "формуляра с таким номером в реестре нет".into(),
                "тізілімде мұндай нөмірлі формуляр жоқ".into(),
            ),
        },
        StoreError::NoPerson => t(
            "лица с таким ИИН в реестре нет".into(),
            "тізілімде мұндай ЖСН-і бар адам жоқ".into(),
        ),
        StoreError::BadCoupon { .. } => t(
            "это не номер талона: нужны десять цифр с верной контрольной цифрой".into(),
            "бұл талон нөмірі емес: бақылау цифры дұрыс он цифр керек".into(),
        ),
        // Issue 14's refusals (the office's clock, M-16, M-57, the calendar).
        StoreError::ClockBehind { .. }
        | StoreError::ConclusionMissing { .. }
        | StoreError::Calendar(_)
        | StoreError::DocumentNumberRequired => super::store_rules::store_text(error),
        StoreError::DaySealed { date } => {
            let date = shown_date(*date);
            t(
                format!("день {date} закрыт: его записи изменить нельзя"),
                format!("{date} күні жабық: оның жазбаларын өзгертуге болмайды"),
            )
        }
        StoreError::Move(refused) => {
            let why = refused.text();
            t(
                format!("действие отклонено: {}", why.ru),
                format!("әрекет қабылданбады: {}", why.kk),
            )
        }
        StoreError::CouponMismatch { number } => t(
            format!("номер талона не совпадает с талоном формуляра {number}"),
            format!("талон нөмірі {number} формулярының талонымен сәйкес емес"),
        ),
        StoreError::ConclusionTaken { year, number } => t(
            format!(
                "заключение № {number} за {year} год уже есть в журнале регистрации заключений"
            ),
            format!("{year} жылғы № {number} қорытынды тіркеу журналында бұрыннан бар"),
        ),
        StoreError::NotCorrectable { number, state } => t(
            format!("формуляр {number} в статусе «{state}»: его данные больше не исправить"),
            format!("{number} формуляры «{state}» күйінде: оның деректерін енді түзетуге болмайды"),
        ),
        // Issue 12: who acts, staff, roles, closing in order (`staff.rs`).
        StoreError::NoAccount { .. }
        | StoreError::ClerkNotChosen { .. }
        | StoreError::NotStaff { .. }
        | StoreError::NotHead { .. }
        | StoreError::OwnWork { .. }
        | StoreError::StaffExists { .. }
        | StoreError::NoStaffMember { .. }
        | StoreError::LastHead { .. }
        | StoreError::BadStaffName
        | StoreError::AuditBroken { .. }
        | StoreError::EarlierDayOpen { .. } => super::staff::staff_error(error),
        // Issue 15: signed day closes (`signing.rs`).
        StoreError::DayNotClosed { .. }
        | StoreError::DayAlreadySigned { .. }
        | StoreError::SigningFailed { .. }
        | StoreError::SignatureRequired { .. } => super::signing::signing_error(error),
        // The register file itself: where it is, opening it, its schema, its state
        // (`store_file.rs`).
        StoreError::Missing { .. }
        | StoreError::NoLocation
        | StoreError::Create { .. }
        | StoreError::ReadOnly { .. }
        | StoreError::Locked { .. }
        | StoreError::NotSqlite { .. }
        | StoreError::Foreign { .. }
        | StoreError::OlderSchema { .. }
        | StoreError::Corrupt { .. }
        | StoreError::NewerSchema { .. }
        | StoreError::Backup { .. }
        | StoreError::LooseSidecar { .. }
        | StoreError::Io { .. }
        | StoreError::Sqlite { .. } => super::store_file::file_error(error),
    }
}

/// The DSN part of the register's errors, for the clerk.
pub fn dsn_error(error: &DsnError) -> Text {
    let en = error.to_string();
    let t = |ru: String, kk: String| Text::new(ru, kk, en.clone());
    match error {
        DsnError::Store(store) => store_error(store),
        DsnError::TaxpayerExists => t(
            "этот налогоплательщик уже есть в реестре: ничего не изменено".into(),
            "бұл салық төлеуші тізілімде бар: ештеңе өзгертілмеді".into(),
        ),
        DsnError::SubjectCodesExhausted => t(
            "кодов субъекта рынка не осталось: 0001–9999 заняты (D-App3); заявка не сохранена"
                .into(),
            "нарық субъектісінің коды қалмады: 0001–9999 түгел берілген (D-App3); өтінім сақталмады"
                .into(),
        ),
        DsnError::BrandsExhausted => t(
            "для этого услугополучателя и вида нефтепродукта не осталось номеров марки; заявка не сохранена"
                .into(),
            "бұл көрсетілетін қызметті алушы мен өнім түріне марка нөмірі қалмады; өтінім сақталмады".into(),
        ),
        DsnError::NoApplication { id } => t(
            format!("заявки на ДСН-код № {id} в реестре нет"),
            format!("тізілімде ДСН-кодқа № {id} өтінім жоқ"),
        ),
        DsnError::HandOverBeforeRegistration { id, registered_on } => {
            let registered_on = shown_date(*registered_on);
            t(
                format!(
                    "заявка № {id} зарегистрирована {registered_on}: выдать результат раньше нельзя"
                ),
                format!(
                    "№ {id} өтінім {registered_on} тіркелген: нәтижені одан бұрын беруге болмайды"
                ),
            )
        }
        DsnError::AlreadyHandedOver { id, on } => {
            let on = shown_date(*on);
            t(
                format!("результат по заявке на ДСН-код № {id} уже выдан {on}"),
                format!("ДСН-кодқа № {id} өтінімнің нәтижесі {on} бұрын берілген"),
            )
        }
        // Issue 14's refusals (D-6, the calendar).
        DsnError::FrontOfficeClosed { .. }
        | DsnError::NotAtFrontOffice { .. }
        | DsnError::StillKept { .. }
        | DsnError::NotWithProvider { .. }
        | DsnError::Calendar(_) => super::store_rules::dsn_text(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Lang;
    use unicode_width::UnicodeWidthStr;

    /// A refused coupon names the field and M-57, within the 80 columns of the status line.
    #[test]
    fn a_refused_coupon_names_its_field_and_rule_within_the_status_line() {
        let mismatch = StoreError::CouponMismatch {
            number: "2026-0000002".into(),
        };
        for typed in ["8194641627", "81946", "819 464 1626", "abc"] {
            let event = Event::Issue {
                coupon: typed.into(),
            };
            let text = move_refusal(&mismatch, &event);
            for lang in [Lang::Ru, Lang::Kk, Lang::En] {
                let said = text.get(lang);
                assert!(said.ends_with("[M-57]"), "{said}");
                assert!(said.width() <= 80, "{} columns: {said}", said.width());
            }
        }
    }
}
