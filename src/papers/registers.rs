//! The papers of a whole register: the day's register report, which anchors a closed day
//! outside the file (its audit chain head, signed on paper), and the DSN result handed to
//! the applicant (D-7, D-8, D-12).

use super::layout::Sheet;
use super::words::{self, date, full_name};
use super::{Ctx, PaperError, signer_name};
use crate::codes;
use crate::domain::calendar::Body;
use crate::store::Store;
use chrono::NaiveDate;

/// The day's formularies with their totals by status, filling code, district and clerk
/// (each adding up to the day's total), who closed the day and the audit chain's head at
/// the close.
pub fn day(store: &Store, ctx: &Ctx, day: &str) -> Result<Sheet, PaperError> {
    let d: NaiveDate = day
        .parse()
        .map_err(|_| PaperError::BadSubject(format!("day: {day} is not a date")))?;
    let summary = store.day_summary(d)?;
    let mut sheet = ctx.sheet();
    let title = ctx.title(
        &format!("Реестр формуляров за {}", date(d)),
        &format!("{} күнгі формулярлар тізілімі", date(d)),
        None,
    );
    sheet.header(&ctx.office, &title);
    let close = match &summary.closed {
        Some(c) => vec![
            (
                ctx.t("День закрыт", "Күн жабылды"),
                words::audit_time(ctx, &c.closed_at),
            ),
            (ctx.t("Закрыл", "Жапқан"), signer_name(store, &c.clerk)),
            (
                ctx.t(
                    "Голова цепочки аудита при закрытии",
                    "Жабу кезіндегі аудит тізбегінің басы",
                ),
                c.audit_hash.clone(),
            ),
            (
                ctx.t("Запись аудита о закрытии", "Жабу туралы аудит жазбасы"),
                format!("№ {}", c.audit_id),
            ),
        ],
        None => vec![(
            ctx.t("День закрыт", "Күн жабылды"),
            ctx.t(
                "нет — реестр может измениться",
                "жоқ — тізілім өзгеруі мүмкін",
            ),
        )],
    };
    sheet.rows(&close);
    sheet.heading(&format!(
        "{}: {}",
        ctx.t("Итого формуляров", "Барлық формулярлар"),
        summary.total
    ));
    let totals = |what: String, counts: Vec<(String, u64)>| {
        let sum: u64 = counts.iter().map(|(_, n)| n).sum();
        let mut rows: Vec<Vec<String>> = counts
            .into_iter()
            .map(|(k, n)| vec![what.clone(), k, n.to_string()])
            .collect();
        rows.push(vec![
            what,
            ctx.t("сходится с итогом", "жиынтықпен сәйкес"),
            format!("{sum} = {}", summary.total),
        ]);
        rows
    };
    let mut rows = totals(
        ctx.t("Статус", "Күйі"),
        summary
            .by_status
            .iter()
            .map(|(s, n)| (words::state(ctx, *s), *n))
            .collect(),
    );
    rows.extend(totals(
        ctx.t("Код", "Код"),
        summary
            .by_filling_code
            .iter()
            .map(|(c, n)| (c.clone(), *n))
            .collect(),
    ));
    rows.extend(totals(
        ctx.t("Район", "Аудан"),
        summary
            .by_district
            .iter()
            .map(|(c, n)| (c.clone(), *n))
            .collect(),
    ));
    rows.extend(totals(
        ctx.t("Сотрудник", "Қызметкер"),
        summary
            .by_clerk
            .iter()
            .map(|(c, n)| (signer_name(store, c), *n))
            .collect(),
    ));
    let header = [
        ctx.t("Разрез", "Бөлім"),
        ctx.t("Значение", "Мәні"),
        ctx.t("Количество", "Саны"),
    ];
    sheet.table(&header, &[1.2, 3.0, 1.0], &rows);
    sheet.heading(&ctx.t("Формуляры дня", "Күннің формулярлары"));
    let list: Vec<Vec<String>> = summary
        .formularies
        .iter()
        .enumerate()
        .map(|(i, f)| {
            vec![
                (i + 1).to_string(),
                f.number.clone(),
                f.iin.clone(),
                full_name(&f.surname, &f.given_name, f.patronymic.as_deref()),
                f.filling_code.clone(),
                words::state(ctx, f.status),
            ]
        })
        .collect();
    let header = [
        "№".to_string(),
        ctx.t("Рег. номер", "Тірк. нөмірі"),
        ctx.t("ИИН", "ЖСН"),
        ctx.t("Ф.И.О.", "Т.А.Ә."),
        ctx.t("Код", "Код"),
        ctx.t("Статус", "Күйі"),
    ];
    sheet.table(&header, &[0.6, 1.7, 1.6, 3.2, 0.6, 1.6], &list);
    let closer = summary
        .closed
        .as_ref()
        .map(|c| signer_name(store, &c.clerk));
    sheet.signature(
        &ctx.t("Закрыл день", "Күнді жапқан"),
        &closer.unwrap_or_default(),
        None,
    );
    sheet.signature(&ctx.t("Напечатал", "Басып шығарған"), &ctx.printing, None);
    Ok(sheet)
}

/// D-7, D-8, D-12: per product the code assigned or the refusal with its ground; after a
/// refusal the right to apply again; where to complain, and in how many working days.
pub fn dsn_result(store: &Store, ctx: &Ctx, id: &str) -> Result<Sheet, PaperError> {
    let n: i64 = id
        .parse()
        .map_err(|_| PaperError::BadSubject(format!("dsn-result: {id} is not a number")))?;
    let app = store
        .dsn_application(n)?
        .ok_or_else(|| PaperError::NotFound(format!("no DSN application {n} in the register")))?;
    let mut sheet = ctx.sheet();
    let title = ctx.title(
        "Результат рассмотрения заявки на присвоение ДСН-кода",
        "ДСН-код беруге арналған өтінімді қарау нәтижесі",
        Some(format!(
            "{} № {} {} {}",
            ctx.t("заявка", "өтінім"),
            app.id,
            ctx.t("от", "күні"),
            date(app.registered_on)
        )),
    );
    sheet.header(&ctx.office, &title);
    let country = codes::dsn_countries()
        .iter()
        .find(|c| c.code == app.country.to_string())
        .map(|c| format!("{} — {}", app.country, ctx.t(c.name_ru, c.name_kk)))
        .unwrap_or_else(|| app.country.to_string());
    let unit = codes::dsn_units()
        .iter()
        .find(|u| u.code.parse::<u16>().ok() == Some(app.unit))
        .map(|u| format!("{:03} — {}", app.unit, u.name_kk))
        .unwrap_or_else(|| format!("{:03}", app.unit));
    let subject = match app.subject_type.as_str() {
        "producer" => ctx.t("производитель", "өндіруші"),
        "importer" => ctx.t("импортёр", "импорттаушы"),
        other => other.to_string(),
    };
    sheet.rows(&[
        (ctx.t("Заявитель", "Өтініш беруші"), app.taxpayer.clone()),
        (ctx.t("ИИН/БИН", "ЖСН/БСН"), app.bin.clone()),
        (ctx.t("Вид субъекта", "Субъект түрі"), subject),
        (
            ctx.t("Страна производства (фасет 1)", "Өндіруші ел (1-фасет)"),
            country,
        ),
        (
            ctx.t(
                "Административно-территориальная единица (фасет 2)",
                "Әкімшілік-аумақтық бірлік (2-фасет)",
            ),
            unit,
        ),
        (
            ctx.t("Зарегистрирована (п. 6)", "Тіркелді (6-т.)"),
            date(app.registered_on),
        ),
    ]);
    let header = [
        "№".to_string(),
        ctx.t("Вид", "Түрі"),
        ctx.t("Наименование, спецификация", "Атауы, ерекшелігі"),
        ctx.t("Результат", "Нәтиже"),
    ];
    let rows: Vec<Vec<String>> = app
        .products
        .iter()
        .map(|p| {
            let kind = codes::dsn_products()
                .iter()
                .find(|x| x.code == p.product_type.to_string())
                .map(|x| ctx.t(x.name_ru, x.name_kk))
                .unwrap_or_else(|| p.product_type.to_string());
            let result = match (&p.code_facets, &p.refusal) {
                (Some(code), _) => {
                    format!("{}: {code}", ctx.t("присвоен ДСН-код", "ДСН-код берілді"))
                }
                (None, Some(refusal)) => {
                    let text = refusal.text(p.existing_code.as_ref());
                    format!(
                        "{} ({}): {}",
                        ctx.t("отказ", "бас тарту"),
                        refusal.rule(),
                        ctx.t(&text.ru, &text.kk)
                    )
                }
                (None, None) => String::new(),
            };
            vec![
                p.row.to_string(),
                kind,
                format!("{}, {}", p.name, p.spec),
                result,
            ]
        })
        .collect();
    sheet.table(&header, &[0.4, 1.0, 2.6, 4.0], &rows);
    if app.any_refused() {
        sheet.paragraph(&ctx.t(
            "При отказе услугополучатель вправе повторно подать заявку на присвоение ДСН-кода в порядке, установленном Правилами (п. 8).",
            "Бас тартылған жағдайда көрсетілетін қызметті алушы Қағидаларда белгіленген тәртіппен ДСН-кодын беруге өтінімді қайтадан беруге құқылы (8-т.).",
        ));
    }
    let days = |b: Body| b.complaint_days();
    sheet.paragraph(&ctx.t(
        &format!(
            "Обжалование (пп. 11–13): жалоба подаётся на имя руководителя услугодателя, руководителя уполномоченного органа в сфере обеспечения поступлений налогов и платежей в бюджет или Государственной корпорации и рассматривается в течение {} рабочих дней со дня регистрации; жалоба в уполномоченный орган по оценке и контролю за качеством оказания государственных услуг — в течение {} рабочих дней. При несогласии с результатом услугополучатель вправе обратиться в суд.",
            days(Body::Provider),
            days(Body::QualityBody)
        ),
        &format!(
            "Шағымдану (11–13-т.): шағым көрсетілетін қызметті беруші басшысының, салықтар мен бюджетке төленетін төлемдердің түсімдерін қамтамасыз ету саласындағы уәкілетті орган басшысының немесе Мемлекеттік корпорация басшысының атына беріледі және тіркелген күнінен бастап {} жұмыс күні ішінде қаралады; мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органға шағым — {} жұмыс күні ішінде. Нәтижемен келіспеген жағдайда көрсетілетін қызметті алушы сотқа жүгінуге құқылы.",
            days(Body::FrontOffice),
            days(Body::QualityBody)
        ),
    ));
    sheet.signature(
        &ctx.t("Услугодатель", "Көрсетілетін қызметті беруші"),
        &ctx.printing,
        None,
    );
    Ok(sheet)
}
