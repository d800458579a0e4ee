//! The papers of one person's formulary: the formulary signed at issue (M-57), the coupon
//! slip (M-56), the certificate of the change of the nationality record (M-12.e), and the
//! insert to the birth certificate with a generated IIN (M-12.b).

use super::layout::Sheet;
use super::words::{self, date, full_name, opt_date};
use super::{Ctx, PaperError, signer_name};
use crate::domain::formulary::{Note, Signature};
use crate::domain::lifecycle::{Event, Transition};
use crate::store::{Record, Store};

/// The seal's place (М.П., «место печати»), in both languages' usual form.
pub(super) fn seal(ctx: &Ctx) -> String {
    ctx.t("М.П.", "М.О.")
}

pub(super) fn record(store: &Store, number: &str) -> Result<Record, PaperError> {
    store
        .formulary(number)?
        .ok_or_else(|| PaperError::NotFound(format!("no formulary {number} in the register")))
}

pub(super) fn person_name(r: &Record) -> String {
    let f = &r.formulary;
    full_name(
        f.surname.as_deref().unwrap_or_default(),
        f.given_name.as_deref().unwrap_or_default(),
        f.patronymic.as_deref(),
    )
}

/// The clerk of the last move of this kind, else the clerk printing.
pub(super) fn clerk_of(
    store: &Store,
    ctx: &Ctx,
    r: &Record,
    pick: fn(&Transition) -> bool,
) -> String {
    r.lifecycle
        .transitions()
        .iter()
        .rev()
        .find(|t| pick(t))
        .map(|t| signer_name(store, &t.clerk))
        .unwrap_or_else(|| ctx.printing.clone())
}

pub(super) fn s(value: Option<&str>) -> String {
    value.unwrap_or_default().to_string()
}

/// M-57: the electronic formulary printed at issue and signed by the citizen and the
/// clerk who issued; the front side, the reverse side with every note (sealed where the
/// rule puts the seal), and the issue data.
pub fn formulary(store: &Store, ctx: &Ctx, number: &str) -> Result<Sheet, PaperError> {
    let r = record(store, number)?;
    let f = &r.formulary;
    let mut sheet = ctx.sheet();
    let sub = format!(
        "{} № {} {} {} · {} {}",
        ctx.t("рег.", "тірк."),
        r.number,
        ctx.t("от", "күні"),
        date(r.registered_on),
        ctx.t("талон", "талон"),
        r.coupon
    );
    let title = ctx.title("Электронный формуляр", "Электрондық формуляр", Some(sub));
    sheet.header(&ctx.office, &title);
    sheet.heading(&ctx.t("Лицевая сторона", "Бет жағы"));
    let residence = f.residence.as_ref();
    let signature = match &f.signature {
        Some(Signature::Present) => ctx.t("имеется", "бар"),
        Some(Signature::Absent { .. }) => ctx.t(
            "отсутствует (причина на оборотной стороне, п. 8)",
            "жоқ (себебі сырт жағында, 8-т.)",
        ),
        None => String::new(),
    };
    sheet.rows(&[
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
        (
            ctx.t("Область, район (прил. 2)", "Облыс, аудан (2-қос.)"),
            words::place(ctx, f.region_code.as_deref(), f.district_code.as_deref()),
        ),
        (ctx.t("ИИН", "ЖСН"), s(f.iin.as_deref())),
        (ctx.t("Фамилия", "Тегі"), s(f.surname.as_deref())),
        (ctx.t("Имя", "Аты"), s(f.given_name.as_deref())),
        (
            ctx.t("Отчество", "Әкесінің аты"),
            s(f.patronymic.as_deref()),
        ),
        (ctx.t("Дата рождения", "Туған күні"), opt_date(f.birth_date)),
        (
            ctx.t("Место рождения", "Туған жері"),
            s(f.birth_place.as_deref()),
        ),
        (ctx.t("Пол", "Жынысы"), words::sex(ctx, f.sex)),
        (ctx.t("Национальность", "Ұлты"), s(f.nationality.as_deref())),
        (
            ctx.t("Гражданство", "Азаматтығы"),
            words::citizenship(ctx, f.citizenship.as_ref()),
        ),
        (
            ctx.t(
                "13. Место жительства (п. 17)",
                "13. Тұрғылықты жері (17-т.)",
            ),
            s(residence.and_then(|x| x.address.as_deref())),
        ),
        (
            ctx.t("Дата прибытия (п. 17)", "Келген күні (17-т.)"),
            opt_date(residence.and_then(|x| x.arrival_date)),
        ),
        (
            ctx.t(
                "14. Прежнее место жительства",
                "14. Бұрынғы тұрғылықты жері",
            ),
            s(f.previous_residence
                .as_ref()
                .and_then(|x| x.address.as_deref())),
        ),
        (ctx.t("Подпись гражданина", "Азаматтың қолы"), signature),
        (
            ctx.t("Дополнительная информация (п. 8)", "Қосымша ақпарат (8-т.)"),
            f.additional_information_text()
                .unwrap_or_else(|| "—".into()),
        ),
        (
            ctx.t("Дата заполнения", "Толтырылған күні"),
            opt_date(f.filled_on),
        ),
        (ctx.t("Заполнил", "Толтырған"), s(f.clerk.as_deref())),
    ]);

    sheet.new_page();
    sheet.heading(&format!(
        "{} · {} № {}",
        ctx.t("Оборотная сторона", "Сырт жағы"),
        ctx.t("рег.", "тірк."),
        r.number
    ));
    // The reverse side as it stands: the formulary's notes and those the journal of
    // conclusions wrote (M-16: the conclusion and the identification protocol).
    let side = store.reverse_side(&r.number)?;
    let mut notes: Vec<(String, String)> = side.iter().map(|n| note(ctx, n)).collect();
    // M-16: a conclusion of the history not on the reverse side yet is printed too.
    let journal = r
        .lifecycle
        .transitions()
        .iter()
        .filter_map(|t| t.event.conclusion());
    let mut from_journal = false;
    for c in journal {
        let written = side
            .iter()
            .any(|n| matches!(n, Note::Conclusion { number: Some(x), .. } if x.trim() == c.number));
        if !written {
            from_journal = true;
            let text = format!("№ {} {} {}", c.number, ctx.t("от", "күні"), date(c.date));
            notes.push((ctx.t("Заключение (п. 16)", "Қорытынды (16-т.)"), text));
        }
    }
    let absent = matches!(&f.signature, Some(Signature::Absent { .. }));
    if let Some(Signature::Absent { reason }) = &f.signature {
        notes.insert(
            0,
            (
                ctx.t(
                    "Причина отсутствия подписи (п. 8)",
                    "Қолтаңбаның жоқ себебі (8-т.)",
                ),
                s(reason.as_deref()),
            ),
        );
    }
    if notes.is_empty() {
        sheet.paragraph(&ctx.t("Отметок нет.", "Белгілер жоқ."));
    } else {
        sheet.rows(&notes);
    }
    // M-8, M-16, M-33, M-43: these notes are certified by the clerk and the seal.
    let sealed = absent
        || from_journal
        || side.iter().any(|n| {
            matches!(
                n,
                Note::Conclusion { .. }
                    | Note::IdentificationProtocol { .. }
                    | Note::PenalInstitution { .. }
            )
        });
    if sealed {
        let who = clerk_of(store, ctx, &r, |t| matches!(t.event, Event::Register));
        sheet.signature(
            &ctx.t("Уполномоченный сотрудник", "Уәкілетті қызметкер"),
            &who,
            Some(&seal(ctx)),
        );
    }

    sheet.heading(&ctx.t("Выдача документа (п. 57)", "Құжатты беру (57-т.)"));
    let issue = r
        .lifecycle
        .transitions()
        .iter()
        .rev()
        .find(|t| matches!(t.event, Event::Issue { .. }));
    let issued_on = issue.map(|t| t.at.date());
    let document = issued_on.and_then(|d| {
        r.documents
            .iter()
            .find(|x| x.issued_on == d && Some(x.kind) == f.document)
    });
    let invalid: Vec<String> = r
        .documents
        .iter()
        .filter_map(|x| match (&x.status, issued_on) {
            (
                crate::domain::lifecycle::documents::DocumentStatus::Invalid { reason, since },
                Some(d),
            ) if *since == d => {
                let why = reason.text();
                Some(format!(
                    "{} № {} — {} {} ({})",
                    words::document(ctx, x.kind),
                    x.number,
                    ctx.t("недействителен с", "жарамсыз"),
                    date(*since),
                    ctx.t(&why.ru, &why.kk)
                ))
            }
            _ => None,
        })
        .collect();
    // M-56: handed over on the coupon or the receipt, with the documents withdrawn; M-57:
    // the number read from the MRZ. Issues recorded before the register kept this show
    // the coupon, by which every issue is recorded (M-57).
    let how = store.issue_record(&r.number)?;
    let (paper, withdrawn) = match &how {
        Some(h) if h.by_paper == "receipt" => (
            format!(
                "{} № {}",
                ctx.t("квитанция", "түбіртек"),
                s(h.receipt.as_deref())
            ),
            h.withdrawn.join("; "),
        ),
        Some(h) => (
            format!("{} № {}", ctx.t("талон", "талон"), r.coupon),
            h.withdrawn.join("; "),
        ),
        None => (
            format!("{} № {}", ctx.t("талон", "талон"), r.coupon),
            String::new(),
        ),
    };
    let mrz = how.as_ref().map_or(String::new(), |h| {
        if h.mrz_read {
            ctx.t("номер считан с MRZ", "нөмір MRZ-ден оқылды")
        } else {
            ctx.t("номер введён вручную", "нөмір қолмен енгізілді")
        }
    });
    let withdrawn = if how.is_some() && withdrawn.is_empty() {
        "—".to_string()
    } else {
        withdrawn
    };
    sheet.rows(&[
        (ctx.t("Дата выдачи", "Берілген күні"), opt_date(issued_on)),
        (ctx.t("Предъявлен (п. 56)", "Көрсетілді (56-т.)"), paper),
        (
            ctx.t("Изъятые документы (п. 56)", "Алынған құжаттар (56-т.)"),
            withdrawn,
        ),
        (ctx.t("Считывание MRZ (п. 57)", "MRZ оқу (57-т.)"), mrz),
        (
            ctx.t("Номер документа", "Құжаттың нөмірі"),
            document.map(|x| x.number.clone()).unwrap_or_default(),
        ),
        (
            ctx.t("Прежние документы", "Бұрынғы құжаттар"),
            if invalid.is_empty() {
                "—".into()
            } else {
                invalid.join("; ")
            },
        ),
    ]);
    let issuer = match issue {
        Some(t) => signer_name(store, &t.clerk),
        None => ctx.printing.clone(),
    };
    sheet.signature(
        &ctx.t("Подпись гражданина", "Азаматтың қолы"),
        &person_name(&r),
        None,
    );
    sheet.signature(
        &ctx.t("Сотрудник, выдавший документ", "Құжатты берген қызметкер"),
        &issuer,
        None,
    );
    Ok(sheet)
}

/// One reverse-side note as a label and its text, with its rule.
fn note(ctx: &Ctx, n: &Note) -> (String, String) {
    let nd = |num: &Option<String>, d: &Option<chrono::NaiveDate>| {
        format!(
            "№ {} {} {}",
            s(num.as_deref()),
            ctx.t("от", "күні"),
            opt_date(*d)
        )
    };
    match n {
        Note::Conclusion { number, date } => (
            ctx.t("Заключение (п. 16)", "Қорытынды (16-т.)"),
            nd(number, date),
        ),
        Note::IdentificationProtocol { number, date } => (
            ctx.t("Протокол опознания (п. 33)", "Тану хаттамасы (33-т.)"),
            nd(number, date),
        ),
        Note::ParentId {
            number,
            date,
            issuer,
        } => (
            ctx.t("Документ родителя (п. 12)", "Ата-ананың құжаты (12-т.)"),
            format!("{}, {}", nd(number, date), s(issuer.as_deref())),
        ),
        Note::PenalInstitution {
            location,
            institution,
        } => (
            ctx.t("Учреждение УИС (п. 43)", "ҚАЖ мекемесі (43-т.)"),
            format!("{}, {}", s(location.as_deref()), s(institution.as_deref())),
        ),
        Note::AddressAbroad { address } => (
            ctx.t("Адрес за рубежом (п. 17)", "Шетелдегі мекенжай (17-т.)"),
            s(address.as_deref()),
        ),
        Note::BasisDocument {
            document,
            number,
            date,
        } => {
            let kind = document.map(|k| words::basis(ctx, k)).unwrap_or_default();
            (
                ctx.t("Документ-основание (п. 12)", "Негіздеме құжат (12-т.)"),
                format!("{kind} {}", nd(number, date)),
            )
        }
    }
}
