//! The short papers of one person: the coupon slip (M-56), the certificate of the change
//! of the nationality record (M-12.e), and the insert to the birth certificate with a
//! generated IIN (M-12.b).

use super::layout::Sheet;
use super::person::{clerk_of, person_name, record, s, seal};
use super::words::{self, date, opt_date};
use super::{Ctx, PaperError, signer_name};
use crate::domain::lifecycle::Event;
use crate::store::Store;

/// M-56, M-57: the coupon slip given at registration: its number finds the application and
/// the ready document; it is shown, with the documents to be withdrawn, to collect.
pub fn coupon(store: &Store, ctx: &Ctx, number: &str) -> Result<Sheet, PaperError> {
    let r = record(store, number)?;
    let f = &r.formulary;
    let mut sheet = ctx.sheet();
    sheet.header(
        &ctx.office,
        &ctx.title("Талон регистрации заявки", "Өтінімді тіркеу талоны", None),
    );
    sheet.rows(&[
        (ctx.t("Номер талона", "Талон нөмірі"), r.coupon.clone()),
        (
            ctx.t("Регистрационный номер", "Тіркеу нөмірі"),
            r.number.clone(),
        ),
        (
            ctx.t("Дата регистрации", "Тіркелген күні"),
            date(r.registered_on),
        ),
        (ctx.t("Заявитель", "Өтініш беруші"), person_name(&r)),
        (
            ctx.t("Документ", "Құжат"),
            f.document
                .map(|d| words::document(ctx, d))
                .unwrap_or_default(),
        ),
        (
            ctx.t("Код оформления (п. 31)", "Ресімдеу коды (31-т.)"),
            f.filling_code
                .as_deref()
                .map(|c| words::filling(ctx, c))
                .unwrap_or_default(),
        ),
    ]);
    sheet.paragraph(&ctx.t(
        "Для получения изготовленного документа предъявите этот талон (или квитанцию) и документы, подлежащие изъятию (п. 56 Правил). По номеру талона находятся ваша заявка и готовые документы (п. 57).",
        "Дайын құжатты алу үшін осы талонды (немесе түбіртекті) және алынуға жататын құжаттарды көрсетіңіз (Қағидалардың 56-т.). Талон нөмірі бойынша өтініміңіз бен дайын құжаттар табылады (57-т.).",
    ));
    let who = clerk_of(store, ctx, &r, |t| matches!(t.event, Event::Register));
    sheet.signature(&ctx.t("Принял", "Қабылдаған"), &who, None);
    Ok(sheet)
}

/// M-12.e: with a formulary of code 08 the citizen gets a certificate of the change of the
/// nationality record, to present to the civil registry (РАГС).
pub fn nationality(store: &Store, ctx: &Ctx, number: &str) -> Result<Sheet, PaperError> {
    let r = record(store, number)?;
    let f = &r.formulary;
    let code = f.filling_code.as_deref().unwrap_or_default();
    if code != "08" {
        return Err(PaperError::NotApplicable(format!(
            "the certificate of the change of the nationality record is for filling code 08 (M-12.e); formulary {} has code {code}",
            r.number
        )));
    }
    let mut sheet = ctx.sheet();
    let title = ctx.title(
        "Справка об изменении записи о национальности",
        "Ұлты туралы жазбаның өзгергені туралы анықтама",
        Some(format!(
            "№ {} {} {}",
            r.number,
            ctx.t("от", "күні"),
            date(ctx.now.date())
        )),
    );
    sheet.header(&ctx.office, &title);
    sheet.rows(&[
        (
            ctx.t("Фамилия, имя, отчество", "Тегі, аты, әкесінің аты"),
            person_name(&r),
        ),
        (ctx.t("Дата рождения", "Туған күні"), opt_date(f.birth_date)),
        (ctx.t("ИИН", "ЖСН"), s(f.iin.as_deref())),
        (
            ctx.t(
                "Прежняя запись о национальности",
                "Ұлты туралы бұрынғы жазба",
            ),
            String::new(),
        ),
        (
            ctx.t("Новая запись о национальности", "Ұлты туралы жаңа жазба"),
            s(f.nationality.as_deref()),
        ),
        (
            ctx.t("Формуляр (код 08)", "Формуляр (08 код)"),
            format!(
                "№ {} {} {}",
                r.number,
                ctx.t("от", "күні"),
                date(r.registered_on)
            ),
        ),
    ]);
    sheet.paragraph(&ctx.t(
        "Справка выдана при оформлении документа по коду «08» (изменение национальности) и предъявляется в орган РАГС по месту постоянного жительства для внесения изменений в сведения о национальности в записях актов гражданского состояния (п. 12 Правил).",
        "Анықтама «08» коды (ұлтын өзгерту) бойынша құжат ресімдеу кезінде берілді және азаматтық хал актілері жазбаларындағы ұлты туралы мәліметтерге өзгерістер енгізу үшін тұрақты тұрғылықты жері бойынша АХАТ органына ұсынылады (Қағидалардың 12-т.).",
    ));
    let who = clerk_of(store, ctx, &r, |t| matches!(t.event, Event::Register));
    sheet.signature(
        &ctx.t("Уполномоченный сотрудник", "Уәкілетті қызметкер"),
        &who,
        None,
    );
    Ok(sheet)
}

/// M-12.b: the insert to the birth certificate (appendix 3) with the IIN the register
/// generated, signed by the clerk and sealed, with the birth certificate's number, date
/// and issuer recorded when it was generated (M-12.a).
pub fn insert(store: &Store, ctx: &Ctx, iin: &str) -> Result<Sheet, PaperError> {
    let g = store.generated_iin(iin)?.ok_or_else(|| {
        PaperError::NotFound("this register generated no such IIN (M-12.a)".to_string())
    })?;
    // M-12.a: the certificate shown when the IIN was generated; lines to fill in for an
    // IIN generated before the register recorded it.
    let (cert_number, cert_date, cert_issuer) = match &g.certificate {
        Some((number, on, issuer)) => (
            number.clone(),
            on.parse().map(date).unwrap_or_else(|_| on.clone()),
            issuer.clone(),
        ),
        None => Default::default(),
    };
    let mut sheet = ctx.sheet();
    let title = ctx.title(
        "Вкладыш к свидетельству о рождении",
        "Туу туралы куәлікке қосымша парақ",
        Some(ctx.t(
            "с присвоенным ИИН (приложение 3 к Правилам)",
            "берілген ЖСН-мен (Қағидаларға 3-қосымша)",
        )),
    );
    sheet.header(&ctx.office, &title);
    sheet.rows(&[
        (ctx.t("ИИН", "ЖСН"), g.iin.clone()),
        (ctx.t("Фамилия", "Тегі"), s(g.surname.as_deref())),
        (ctx.t("Имя", "Аты"), s(g.given_name.as_deref())),
        (
            ctx.t("Отчество", "Әкесінің аты"),
            s(g.patronymic.as_deref()),
        ),
        (ctx.t("Дата рождения", "Туған күні"), date(g.birth_date)),
        (ctx.t("Пол", "Жынысы"), words::sex(ctx, Some(g.sex))),
        (
            ctx.t(
                "Свидетельство о рождении: номер",
                "Туу туралы куәлік: нөмірі",
            ),
            cert_number,
        ),
        (ctx.t("дата выдачи", "берілген күні"), cert_date),
        (ctx.t("орган выдачи", "берген орган"), cert_issuer),
        (
            ctx.t("ИИН присвоен", "ЖСН берілді"),
            words::audit_time(ctx, &g.issued_at),
        ),
    ]);
    sheet.signature(
        &ctx.t("Уполномоченный сотрудник", "Уәкілетті қызметкер"),
        &signer_name(store, &g.clerk),
        Some(&seal(ctx)),
    );
    Ok(sheet)
}
