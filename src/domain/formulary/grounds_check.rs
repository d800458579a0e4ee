//! The checks of the grounds a formulary states (see `grounds.rs`): M-4, M-4.3, M-8,
//! M-12.c, M-12.d, M-17, M-43. Called by `validate` after the per-code table.

use super::grounds::{BirthCertificateGround, DataChange, FilledAt};
use super::model::{Formulary, Holder, Signature, filled};
use super::notes::{Note, NoteKind};
use super::rules::code_rule;
use super::texts::future;
use super::validate::Findings;
use super::violation::rule;
use crate::domain::Text;
use chrono::{Months, NaiveDate};

/// Every check of the stated grounds, as of `today`.
pub(super) fn check(f: &Formulary, today: NaiveDate, found: &mut Findings) {
    let code = filled(f.filling_code.as_deref()).unwrap_or("");
    filled_at(f, code, found);
    birth_certificate(f, code, found);
    data_change(f, code, today, found);
    flagged_note(
        f,
        f.lives_abroad,
        NoteKind::AddressAbroad,
        "lives_abroad",
        found,
    );
    flagged_note(f, f.convict, NoteKind::PenalInstitution, "convict", found);
    if let Some(Signature::Absent { .. }) = &f.signature {
        // M-8: a copy of the supporting document is taken: which one is recorded.
        found.text(
            "signature_document",
            rule::SIGNATURE,
            f.signature_document.as_deref(),
        );
    }
}

/// M-4: at the place of actual stay only for a reason of the point, and a reason that is
/// the ground of the filling code.
fn filled_at(f: &Formulary, code: &str, found: &mut Findings) {
    let Some(FilledAt::ActualStay { reason }) = f.filled_at else {
        return;
    };
    let Some(reason) = found.value("filled_at.reason", rule::PLACE, reason) else {
        return;
    };
    // Only a code of M-31 is named (it is two digits; anything else typed there may be
    // anything, and the code's own check names it).
    if code_rule(code).is_some() && !reason.codes().contains(&code) {
        let codes = reason.codes().join(", ");
        found.error(
            "filled_at.reason",
            rule::PLACE,
            Text::new(
                format!("по месту фактического пребывания по этой причине заполняются только коды {codes}, не «{code}»"),
                format!("нақты болатын жері бойынша бұл себеппен тек {codes} кодтары толтырылады, «{code}» емес"),
                format!("at the place of actual stay this reason is the ground of codes {codes} only, not \"{code}\""),
            ),
        );
    }
}

/// Under 18 on the filled-on date.
fn minor(f: &Formulary) -> bool {
    match (f.birth_date, f.filled_on) {
        (Some(birth), Some(on)) => birth
            .checked_add_months(Months::new(18 * 12))
            .is_none_or(|adult| on < adult),
        _ => false,
    }
}

/// M-4.3 and M-12.c: documenting on a birth certificate, and the parent's document for a
/// minor so documented: code "00", code "01" at 16–17, or any code stating the ground.
fn birth_certificate(f: &Formulary, code: &str, found: &mut Findings) {
    let ground = f.birth_certificate_ground;
    if matches!(
        ground,
        Some(BirthCertificateGround::Ussr1974Exchange | BirthCertificateGround::Ussr1974Lost)
    ) && f
        .citizenship
        .as_ref()
        .is_some_and(|c| c.holder() == Holder::Foreigner)
    {
        found.error(
            "birth_certificate_ground",
            rule::BIRTH_CERTIFICATE,
            Text::new(
                "обмен или утрата паспорта СССР 1974 года — для граждан и лиц без гражданства, не иностранцев",
                "1974 жылғы КСРО паспортын ауыстыру немесе жоғалту — азаматтар мен азаматтығы жоқ адамдар үшін, шетелдіктер үшін емес",
                "the exchange or loss of a 1974 USSR passport is for citizens and stateless persons, not foreigners",
            ),
        );
    }
    if ground == Some(BirthCertificateGround::Minor) && !minor(f) {
        found.error(
            "birth_certificate_ground",
            rule::BIRTH_CERTIFICATE,
            Text::new(
                "на дату заполнения лицу уже 18 лет: это не документирование несовершеннолетнего",
                "толтыру күніне адам 18 жасқа толған: бұл кәмелетке толмағанды құжаттандыру емес",
                "the person is 18 or over on the filled-on date: not a minor's documenting",
            ),
        );
    }
    let on_certificate = code == "00" || (code == "01" && minor(f)) || ground.is_some();
    if !(on_certificate && minor(f)) {
        return;
    }
    let table_needs_it = code_rule(code).is_some_and(|row| row.notes.contains(&NoteKind::ParentId));
    if !table_needs_it
        && !f
            .reverse_side
            .iter()
            .any(|n| n.kind() == NoteKind::ParentId)
    {
        found.error(
            "reverse_side",
            rule::PARENT_ID,
            Text::new(
                "несовершеннолетний документируется по свидетельству о рождении: нужна запись о документе одного из родителей",
                "кәмелетке толмаған туу туралы куәлік бойынша құжатталады: ата-ананың бірінің құжаты туралы жазба қажет",
                "a minor documented on a birth certificate: the reverse side needs one parent's identity document",
            ),
        );
    }
    if f.representative_present != Some(true) {
        found.error(
            "representative_present",
            rule::PARENT_ID,
            Text::new(
                "законный представитель несовершеннолетнего должен присутствовать",
                "кәмелетке толмағанның заңды өкілі қатысуы тиіс",
                "the minor's legal representative must be present",
            ),
        );
    }
}

/// M-12.d: codes "04" and "05" and a change of the place of birth rest on data from ИС
/// ЗАГС (with its reference) or on the conclusion of appendix 4 (number and date); a birth
/// certificate alone is not enough. A surname on marriage or divorce and a Kazakh surname
/// or patronymic by tradition are bases of their own, for code "04" only.
fn data_change(f: &Formulary, code: &str, today: NaiveDate, found: &mut Findings) {
    let needed = matches!(code, "04" | "05") || f.birth_place_changed == Some(true);
    let Some(change) = &f.data_change else {
        if needed {
            found.error(
                "data_change",
                rule::BASIS,
                Text::new(
                    "нужны сведения ИС ЗАГС (со ссылкой) или заключение о перемене установочных данных (приложение 4): одного свидетельства о рождении недостаточно",
                    "АХАЖ АЖ мәліметтері (сілтемесімен) немесе белгілеу деректерін ауыстыру туралы қорытынды (4-қосымша) қажет: туу туралы куәліктің өзі жеткіліксіз",
                    "data from the civil registry (with its reference) or the conclusion on a change of identity data (appendix 4) is needed: a birth certificate alone is not enough",
                ),
            );
        }
        return;
    };
    match change {
        DataChange::Zags { reference } => {
            found.text("data_change.reference", rule::BASIS, reference.as_deref());
        }
        DataChange::Conclusion { number, date } => {
            found.text("data_change.number", rule::BASIS, number.as_deref());
            if let Some(date) = found.value("data_change.date", rule::BASIS, *date)
                && date > today
            {
                found.error("data_change.date", rule::DATE, future(date));
            }
        }
        _ => {}
    }
    if change.is_exception() && (code != "04" || f.birth_place_changed == Some(true)) {
        found.error(
            "data_change",
            rule::BASIS,
            Text::new(
                "брак, развод и национальная традиция — основания только смены фамилии или отчества (код «04»)",
                "неке, ажырасу және ұлттық дәстүр — тек тегін немесе әкесінің атын ауыстыру негіздері («04» коды)",
                "marriage, divorce and national tradition are grounds of a surname or patronymic change only (code \"04\")",
            ),
        );
    }
}

/// M-17, M-43: a stated life abroad or sentence needs its note on the reverse side.
fn flagged_note(
    f: &Formulary,
    flag: Option<bool>,
    kind: NoteKind,
    field: &str,
    found: &mut Findings,
) {
    if flag == Some(true) && !f.reverse_side.iter().any(|n: &Note| n.kind() == kind) {
        let name = kind.name();
        found.error(
            "reverse_side",
            kind.rule(),
            Text::new(
                format!(
                    "указано «{field}»: на оборотной стороне нужна запись: {}",
                    name.ru
                ),
                format!(
                    "«{field}» көрсетілген: артқы бетінде жазба қажет: {}",
                    name.kk
                ),
                format!(
                    "{field} is stated: the reverse side needs a note: {}",
                    name.en
                ),
            ),
        );
    }
}
