//! M-12.d: the conclusion on a change of personal data (appendix 4 of the Rules). Without
//! the civil registry's data (ИС ЗАГС), a formulary for changed personal data or place of
//! birth is filled on the birth certificate after this conclusion; its number and date are
//! the formulary's reverse-side note (a basis document of that kind).

use super::layout::Sheet;
use super::person::{person_name, s};
use super::words::{self, date, opt_date};
use super::{Ctx, signer_name};
use crate::domain::formulary::{BasisKind, Note};
use crate::domain::lifecycle::Event;
use crate::store::{Record, Store};
use chrono::NaiveDate;

/// The conclusion's number and date on the formulary's reverse side, if it has one.
pub fn reference(r: &Record) -> Option<(String, Option<NaiveDate>)> {
    r.formulary.reverse_side.iter().find_map(|n| match n {
        Note::BasisDocument {
            document: Some(BasisKind::DataChangeConclusion),
            number,
            date,
        } => Some((number.clone().unwrap_or_default(), *date)),
        _ => None,
    })
}

/// The appendix-4 conclusion: the new personal data from the formulary, the earlier data
/// as lines to fill in (the register keeps only the new), the birth certificate it rests
/// on, the head's approval.
pub fn paper(store: &Store, ctx: &Ctx, r: &Record, number: &str, on: Option<NaiveDate>) -> Sheet {
    let f = &r.formulary;
    let mut sheet = ctx.sheet();
    let title = ctx.title(
        "Заключение о перемене установочных данных",
        "Белгілеу деректерін ауыстыру туралы қорытынды",
        Some(format!(
            "№ {number} {} {}",
            ctx.t("от", "күні"),
            opt_date(on)
        )),
    );
    sheet.header(&ctx.office, &title);
    super::verification::approval(&mut sheet, ctx, None);
    let certificate = f.reverse_side.iter().find_map(|n| match n {
        Note::BasisDocument {
            document: Some(BasisKind::BirthCertificate),
            number,
            date,
        } => Some(format!(
            "№ {} {} {}",
            s(number.as_deref()),
            ctx.t("от", "күні"),
            opt_date(*date)
        )),
        _ => None,
    });
    sheet.rows(&[
        (
            ctx.t("Формуляр", "Формуляр"),
            format!(
                "№ {} {} {}",
                r.number,
                ctx.t("от", "күні"),
                date(r.registered_on)
            ),
        ),
        (
            ctx.t("Код оформления (п. 31)", "Ресімдеу коды (31-т.)"),
            f.filling_code
                .as_deref()
                .map(|c| words::filling(ctx, c))
                .unwrap_or_default(),
        ),
        (ctx.t("ИИН", "ЖСН"), s(f.iin.as_deref())),
        (
            ctx.t("Прежние установочные данные", "Бұрынғы белгілеу деректері"),
            String::new(),
        ),
        (
            ctx.t(
                "Новые: фамилия, имя, отчество",
                "Жаңа: тегі, аты, әкесінің аты",
            ),
            person_name(r),
        ),
        (
            ctx.t("Новые: дата рождения", "Жаңа: туған күні"),
            opt_date(f.birth_date),
        ),
        (
            ctx.t("Новые: место рождения", "Жаңа: туған жері"),
            s(f.birth_place.as_deref()),
        ),
        (
            ctx.t(
                "Свидетельство о рождении (п. 12)",
                "Туу туралы куәлік (12-т.)",
            ),
            certificate.unwrap_or_default(),
        ),
    ]);
    sheet.paragraph(&ctx.t(
        "При отсутствии сведений ИС ЗАГС формуляр по перемене установочных данных, места рождения заполняется на основании свидетельства о рождении после вынесения настоящего заключения (п. 12 Правил, приложение 4).",
        "ХАЖ АЖ мәліметтері болмаған кезде белгілеу деректерін, туған жерін ауыстыру бойынша формуляр осы қорытынды шығарылғаннан кейін туу туралы куәлік негізінде толтырылады (Қағидалардың 12-т., 4-қосымша).",
    ));
    let clerk = r
        .lifecycle
        .transitions()
        .iter()
        .find(|t| matches!(t.event, Event::Register))
        .map(|t| signer_name(store, &t.clerk))
        .unwrap_or_else(|| ctx.printing.clone());
    sheet.signature(
        &ctx.t("Уполномоченный сотрудник", "Уәкілетті қызметкер"),
        &clerk,
        None,
    );
    sheet
}
