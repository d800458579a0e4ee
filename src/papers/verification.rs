//! The papers of verification and accounting: the conclusion of an additional verification
//! (M-16), the year's journal of conclusions (M-16), and the destruction act.

use super::layout::Sheet;
use super::words::{self, date, full_name, opt_date};
use super::{Ctx, PaperError, signer_name};
use crate::domain::formulary::Note;
use crate::domain::lifecycle::Event;
use crate::store::Store;

/// "УТВЕРЖДАЮ": the head's approval above a paper (M-16: the head of the police unit or
/// the deputy approves the conclusion).
pub(super) fn approval(sheet: &mut Sheet, ctx: &Ctx, head: Option<&str>) {
    let lines = [
        ctx.t("УТВЕРЖДАЮ", "БЕКІТЕМІН"),
        ctx.t(
            "Начальник управления (отдела) полиции (заместитель)",
            "Полиция басқармасының (бөлімінің) бастығы (орынбасары)",
        ),
    ];
    let head = ctx.head.as_deref().or(head).unwrap_or_default();
    sheet.approval(&lines, head);
}

fn outcome(ctx: &Ctx, confirmed: bool) -> String {
    if confirmed {
        ctx.t(
            "личность установлена; формуляр продолжает оформление",
            "жеке басы анықталды; формулярды ресімдеу жалғасады",
        )
    } else {
        ctx.t(
            "в выдаче документа отказано; формуляр аннулирован",
            "құжат беруден бас тартылды; формуляр жойылды",
        )
    }
}

/// M-16: the conclusion on establishing identity, with its number and date in the journal,
/// the ground of the verification, the decision, and the head who approves it; M-33: the
/// identification protocol's reference, when the reverse side records one.
pub fn conclusion(store: &Store, ctx: &Ctx, number: &str) -> Result<Sheet, PaperError> {
    let r = store
        .formulary(number)?
        .ok_or_else(|| PaperError::NotFound(format!("no formulary {number} in the register")))?;
    let moves = r.lifecycle.transitions();
    let Some(at) = moves.iter().rposition(|t| t.event.conclusion().is_some()) else {
        // No verification: the conclusion on a change of personal data (M-12.d), if the
        // reverse side refers to one.
        if let Some((number, on)) = super::data_change::reference(&r) {
            return Ok(super::data_change::paper(store, ctx, &r, &number, on));
        }
        return Err(PaperError::NotFound(format!(
            "formulary {} has no conclusion: none in the journal (M-16), none on a change of personal data on its reverse side (M-12.d)",
            r.number
        )));
    };
    let made = &moves[at];
    let Some(c) = made.event.conclusion() else {
        return Err(PaperError::Layout);
    };
    let confirmed = matches!(made.event, Event::Confirm { .. });
    let started = moves[..at].iter().rev().find_map(|t| match t.event {
        Event::StartVerification { ground } => Some((ground, t.at.date())),
        _ => None,
    });
    let f = &r.formulary;
    let protocol = f.reverse_side.iter().find_map(|n| match n {
        Note::IdentificationProtocol { number, date } => Some(format!(
            "№ {} {} {}",
            number.as_deref().unwrap_or_default(),
            ctx.t("от", "күні"),
            opt_date(*date)
        )),
        _ => None,
    });
    let mut sheet = ctx.sheet();
    let title = ctx.title(
        "Заключение по установлению личности и выдаче документов, удостоверяющих личность",
        "Жеке басын анықтау және жеке басын куәландыратын құжаттарды беру туралы қорытынды",
        Some(format!(
            "№ {} {} {}",
            c.number,
            ctx.t("от", "күні"),
            date(c.date)
        )),
    );
    sheet.header(&ctx.office, &title);
    // M-16: the head who approved it (the confirm or refuse was theirs, maker-checker),
    // under the name recorded then, else their name in the staff list now. A conclusion
    // entered before approvals were recorded names nobody: the clerk who entered it need
    // not have been a head, so the line is left for the head to sign and write.
    let approver = store.conclusion_approver(&r.number, &c.number)?;
    approval(&mut sheet, ctx, approver.as_deref());
    let name = full_name(
        f.surname.as_deref().unwrap_or_default(),
        f.given_name.as_deref().unwrap_or_default(),
        f.patronymic.as_deref(),
    );
    let ground = started.map(|(g, d)| {
        let text = g.text();
        format!(
            "{} ({} {})",
            ctx.t(&text.ru, &text.kk),
            ctx.t("проверка начата", "тексеру басталды"),
            date(d)
        )
    });
    sheet.rows(&[
        (
            ctx.t(
                "Номер по журналу регистрации заключений (п. 16)",
                "Қорытындыларды тіркеу журналындағы нөмірі (16-т.)",
            ),
            c.number.clone(),
        ),
        (ctx.t("Дата заключения", "Қорытынды күні"), date(c.date)),
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
            ctx.t("Фамилия, имя, отчество", "Тегі, аты, әкесінің аты"),
            name,
        ),
        (ctx.t("Дата рождения", "Туған күні"), opt_date(f.birth_date)),
        (ctx.t("ИИН", "ЖСН"), f.iin.clone().unwrap_or_default()),
        (
            ctx.t("Код оформления (п. 31)", "Ресімдеу коды (31-т.)"),
            f.filling_code
                .as_deref()
                .map(|x| words::filling(ctx, x))
                .unwrap_or_default(),
        ),
        (
            ctx.t("Основание проверки (п. 16)", "Тексеру негізі (16-т.)"),
            ground.unwrap_or_default(),
        ),
        (
            ctx.t("Протокол опознания (п. 33)", "Тану хаттамасы (33-т.)"),
            protocol.unwrap_or_default(),
        ),
        (ctx.t("Решение", "Шешім"), outcome(ctx, confirmed)),
    ]);
    sheet.paragraph(&ctx.t(
        "Номер и дата заключения и протокола опознания указываются на оборотной стороне формуляра и заверяются гербовой печатью (п. 16 Правил).",
        "Қорытындының және тану хаттамасының нөмірі мен күні формулярдың сырт жағында көрсетіліп, елтаңбалы мөрмен куәландырылады (Қағидалардың 16-т.).",
    ));
    sheet.signature(
        &ctx.t("Уполномоченный сотрудник", "Уәкілетті қызметкер"),
        &signer_name(store, &made.clerk),
        None,
    );
    Ok(sheet)
}

/// M-16: the journal of conclusions of a year, in the journal's order.
pub fn journal(store: &Store, ctx: &Ctx, year: &str) -> Result<Sheet, PaperError> {
    let y: i32 = year
        .parse()
        .map_err(|_| PaperError::BadSubject(format!("journal: {year} is not a year")))?;
    let lines = store.journal_of_conclusions(y)?;
    if lines.is_empty() {
        return Err(PaperError::NotFound(format!(
            "the journal of conclusions of {y} has no entries (M-16)"
        )));
    }
    let mut sheet = ctx.sheet();
    let title = ctx.title(
        &format!("Журнал регистрации заключений за {y} год"),
        &format!("{y} жылғы қорытындыларды тіркеу журналы"),
        None,
    );
    sheet.header(&ctx.office, &title);
    let header = [
        ctx.t("№", "№"),
        ctx.t("Дата", "Күні"),
        ctx.t("Формуляр", "Формуляр"),
        ctx.t("Ф.И.О.", "Т.А.Ә."),
        ctx.t("Решение", "Шешім"),
        ctx.t("Сотрудник", "Қызметкер"),
    ];
    let rows: Vec<Vec<String>> = lines
        .iter()
        .map(|l| {
            vec![
                l.number.clone(),
                date(l.date),
                l.formulary.clone(),
                full_name(&l.surname, &l.given_name, l.patronymic.as_deref()),
                if l.outcome == "confirm" {
                    ctx.t("личность установлена", "жеке басы анықталды")
                } else {
                    ctx.t("отказ", "бас тарту")
                },
                signer_name(store, &l.clerk),
            ]
        })
        .collect();
    sheet.table(&header, &[0.7, 1.2, 1.6, 3.0, 2.0, 1.6], &rows);
    sheet.paragraph(&format!(
        "{}: {}",
        ctx.t("Всего заключений", "Барлық қорытынды"),
        lines.len()
    ));
    sheet.signature(
        &ctx.t("Ответственный сотрудник", "Жауапты қызметкер"),
        &ctx.printing,
        None,
    );
    Ok(sheet)
}

/// The act destroying cancelled and spoiled forms: each form, its state and why, the
/// commission's signatures, the head's approval.
pub fn act(store: &Store, ctx: &Ctx, number: &str) -> Result<Sheet, PaperError> {
    let forms = store.destruction_act(number)?;
    if forms.is_empty() {
        return Err(PaperError::NotFound(format!(
            "no form was destroyed by act {number}"
        )));
    }
    let mut sheet = ctx.sheet();
    let day = forms
        .iter()
        .map(|f| words::audit_time(ctx, &f.destroyed_at))
        .next_back()
        .unwrap_or_default();
    let title = ctx.title(
        &format!("Акт № {number} об уничтожении формуляров"),
        &format!("Формулярларды жою туралы № {number} акт"),
        Some(format!(
            "{} {}",
            ctx.t("от", "күні"),
            day.split_whitespace().next().unwrap_or_default()
        )),
    );
    sheet.header(&ctx.office, &title);
    approval(&mut sheet, ctx, None);
    sheet.paragraph(&ctx.t(
        "Комиссия в составе председателя и членов, подписавших настоящий акт, уничтожила следующие аннулированные и испорченные формуляры:",
        "Осы актіге қол қойған төраға мен мүшелерден тұратын комиссия келесі жойылған және бүлінген формулярларды жойды:",
    ));
    let header = [
        ctx.t("№", "№"),
        ctx.t("Формуляр", "Формуляр"),
        ctx.t("Дата рег.", "Тірк. күні"),
        ctx.t("Код", "Код"),
        ctx.t("Документ", "Құжат"),
        ctx.t("Состояние", "Күйі"),
        ctx.t("Причина", "Себебі"),
    ];
    let rows: Vec<Vec<String>> = forms
        .iter()
        .enumerate()
        .map(|(i, f)| {
            vec![
                (i + 1).to_string(),
                f.formulary.clone(),
                date(f.registered_on),
                f.filling_code.clone(),
                words::document_key(ctx, &f.document),
                words::state_key(ctx, &f.from_state),
                f.reason.clone().unwrap_or_default(),
            ]
        })
        .collect();
    sheet.table(&header, &[0.5, 1.6, 1.2, 0.6, 2.2, 1.3, 2.2], &rows);
    sheet.paragraph(&format!(
        "{}: {}",
        ctx.t(
            "Всего уничтожено формуляров",
            "Барлығы жойылған формулярлар"
        ),
        forms.len()
    ));
    sheet.signature(
        &ctx.t("Председатель комиссии", "Комиссия төрағасы"),
        "",
        None,
    );
    sheet.signature(&ctx.t("Член комиссии", "Комиссия мүшесі"), "", None);
    let clerk = forms
        .last()
        .map(|f| signer_name(store, &f.clerk))
        .unwrap_or_default();
    sheet.signature(&ctx.t("Член комиссии", "Комиссия мүшесі"), &clerk, None);
    Ok(sheet)
}
