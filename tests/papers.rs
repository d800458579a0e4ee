//! The papers (issue 13): a paper of each kind printed from a demo register with
//! `kense print`, read back with a PDF reader: A4, the font embedded, the Russian and
//! Kazakh text extractable and right (names, IIN, codes, dates as ДД.ММ.ГГГГ), the
//! signature and seal places; reprints marked and every print audited.

mod common;
mod papers_support;

use papers_support::{Demo, Pdf, demo, one, print, with_office};
use std::sync::OnceLock;

/// One demo register for the whole file: making it is most of the test's time.
fn shared() -> &'static Demo {
    static DEMO: OnceLock<Demo> = OnceLock::new();
    DEMO.get_or_init(demo)
}

/// Prints a paper to a PDF file and reads it back; panics with stderr when it fails.
fn paper(kind: &str, subject: &str, extra: &[&str]) -> Pdf {
    let (run, bytes) = print(shared(), kind, subject, extra);
    assert_eq!(run.code, Some(0), "{kind}: {}", run.stderr);
    let bytes = bytes.unwrap_or_else(|| panic!("{kind}: no PDF written"));
    let pdf = Pdf::read(&bytes);
    assert!(pdf.is_a4(), "{kind}: {:?}", pdf.boxes);
    assert!(
        pdf.embedded.iter().any(|f| f.ends_with("DejaVuSans")),
        "{kind}: the font is embedded (subset): {:?}",
        pdf.embedded
    );
    pdf
}

fn ddmmyyyy(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    format!("{}.{}.{}", parts[2], parts[1], parts[0])
}

#[test]
fn the_formulary_at_issue_has_both_sides_the_issue_and_both_signatures() {
    let db = &shared().db;
    // An issued formulary that went through a verification (its conclusion, M-16).
    let number = one(
        db,
        "SELECT f.number FROM formularies f JOIN conclusions c ON c.formulary_id = f.id
         WHERE f.status = 'issued' ORDER BY f.id LIMIT 1",
    );
    let surname = one(
        db,
        &format!("SELECT surname FROM formularies WHERE number = '{number}'"),
    );
    let iin = one(
        db,
        &format!("SELECT iin FROM formularies WHERE number = '{number}'"),
    );
    let issued = one(
        db,
        &format!(
            "SELECT d.issued_on FROM documents d JOIN formularies f ON f.id = d.formulary_id WHERE f.number = '{number}'"
        ),
    );
    let pdf = paper("formulary", &number, &[]);
    let text = pdf.words();
    assert_eq!(pdf.pages, 2, "front and reverse side");
    for expected in [
        "Электронный формуляр",
        "Лицевая сторона",
        "Оборотная сторона",
        "Заключение (п. 16)",
        "Выдача документа (п. 57)",
        "Подпись гражданина",
        "Сотрудник, выдавший документ",
        "М.П.",
        number.as_str(),
        surname.as_str(),
        iin.as_str(),
        ddmmyyyy(&issued).as_str(),
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }
    let kk = paper("formulary", &number, &["--lang", "kk"]).words();
    for expected in [
        "Электрондық формуляр",
        "Электронный формуляр",
        "Бет жағы",
        "Сырт жағы",
        "Азаматтың қолы",
        "М.О.",
    ] {
        assert!(kk.contains(expected), "{expected:?} not in {kk}");
    }
}

#[test]
fn the_coupon_slip_says_what_to_bring_m56() {
    let db = &shared().db;
    let number = one(
        db,
        "SELECT number FROM formularies ORDER BY id DESC LIMIT 1",
    );
    let coupon = one(
        db,
        &format!("SELECT coupon FROM formularies WHERE number = '{number}'"),
    );
    let day = one(
        db,
        &format!("SELECT registered_on FROM formularies WHERE number = '{number}'"),
    );
    let text = paper("coupon", &number, &[]).words();
    for expected in [
        "Талон регистрации заявки",
        coupon.as_str(),
        number.as_str(),
        ddmmyyyy(&day).as_str(),
        "документы, подлежащие изъятию",
        "п. 56",
        "Принял",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }
    let kk = paper("coupon", &number, &["--lang", "kk"]).words();
    assert!(
        kk.contains("Өтінімді тіркеу талоны") && kk.contains(&coupon),
        "{kk}"
    );
}

#[test]
fn the_nationality_certificate_is_for_code_08_only_m12e() {
    let db = &shared().db;
    let number = one(
        db,
        "SELECT number FROM formularies WHERE filling_code = '08' LIMIT 1",
    );
    let nationality = one(
        db,
        &format!(
            "SELECT json_extract(formulary_json, '$.nationality') FROM formularies WHERE number = '{number}'"
        ),
    );
    let text = paper("nationality-certificate", &number, &["--lang", "kk"]).words();
    for expected in [
        "Ұлты туралы жазбаның өзгергені туралы анықтама",
        "Справка об изменении записи о национальности",
        "АХАТ",
        nationality.as_str(),
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }
    let other = one(
        db,
        "SELECT number FROM formularies WHERE filling_code <> '08' LIMIT 1",
    );
    let (run, bytes) = print(shared(), "nationality-certificate", &other, &[]);
    assert_eq!(run.code, Some(4), "{}", run.stderr);
    assert!(
        run.stderr.contains("M-12.e") && run.stderr.contains("08"),
        "{}",
        run.stderr
    );
    assert!(bytes.is_none(), "nothing written");
}

#[test]
fn the_conclusion_has_its_journal_number_ground_decision_and_head_m16() {
    let db = &shared().db;
    let number = one(
        db,
        "SELECT f.number FROM formularies f JOIN conclusions c ON c.formulary_id = f.id ORDER BY c.rowid LIMIT 1",
    );
    let journal = one(
        db,
        &format!(
            "SELECT c.number FROM conclusions c JOIN formularies f ON f.id = c.formulary_id WHERE f.number = '{number}'"
        ),
    );
    let date = one(
        db,
        &format!(
            "SELECT c.date FROM conclusions c JOIN formularies f ON f.id = c.formulary_id WHERE f.number = '{number}'"
        ),
    );
    let text = paper("conclusion", &number, &[]).words();
    for expected in [
        "Заключение по установлению личности",
        "УТВЕРЖДАЮ",
        "Начальник управления (отдела) полиции",
        "Основание проверки (п. 16)",
        "Решение",
        "Протокол опознания (п. 33)",
        &format!("№ {journal} от {}", ddmmyyyy(&date)),
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }
    // A formulary never verified has no conclusion: nothing found.
    let plain = one(
        db,
        "SELECT number FROM formularies f WHERE NOT EXISTS (SELECT 1 FROM conclusions c WHERE c.formulary_id = f.id) LIMIT 1",
    );
    let (run, _) = print(shared(), "conclusion", &plain, &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
}

#[test]
fn the_journal_and_the_act_list_their_lines() {
    let db = &shared().db;
    let year = one(
        db,
        "SELECT CAST(year AS TEXT) FROM conclusions GROUP BY year ORDER BY count(*) DESC LIMIT 1",
    );
    let first = one(
        db,
        &format!(
            "SELECT f.number FROM conclusions c JOIN formularies f ON f.id = c.formulary_id WHERE c.year = {year} ORDER BY c.seq LIMIT 1"
        ),
    );
    let text = paper("journal", &year, &[]).words();
    assert!(
        text.contains(&format!("Журнал регистрации заключений за {year} год")),
        "{text}"
    );
    assert!(text.contains(&first), "{text}");
    let act = one(db, "SELECT act_number FROM destructions LIMIT 1");
    let destroyed = one(
        db,
        &format!(
            "SELECT f.number FROM destructions d JOIN formularies f ON f.id = d.formulary_id WHERE d.act_number = '{act}' LIMIT 1"
        ),
    );
    let text = paper("act", &act, &["--lang", "kk"]).words();
    for expected in [
        format!("Формулярларды жою туралы № {act} акт"),
        destroyed,
        "БЕКІТЕМІН".into(),
        "Комиссия төрағасы".into(),
    ] {
        assert!(text.contains(&expected), "{expected:?} not in {text}");
    }
    let (run, _) = print(shared(), "journal", "2001", &[]);
    assert_eq!(run.code, Some(1), "an empty year: {}", run.stderr);
}

#[test]
fn the_insert_carries_the_generated_iin_and_the_seal_m12b() {
    let demo = shared();
    let text = paper("insert", &demo.iin, &[]).words();
    for expected in [
        "Вкладыш к свидетельству о рождении",
        demo.iin.as_str(),
        "01.10.2026",
        "мужской",
        "Свидетельство о рождении: номер",
        "I-АК 0654321",
        "05.10.2026",
        "Отдел ЗАГС г. Кокшетау",
        "М.П.",
        "Уполномоченный сотрудник",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }
    // The clerk recorded is the OS account that generated the IIN (issue 12).
    assert!(text.contains(&common::me()), "{text}");
    // An IIN the register did not generate: nothing found, and the IIN not repeated.
    let (run, _) = print(demo, "insert", "900517300128", &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(!run.stderr.contains("900517300128"), "{}", run.stderr);
}

#[test]
fn the_day_report_anchors_a_closed_day_with_its_audit_head() {
    let db = &shared().db;
    let day = one(
        db,
        "SELECT d.date FROM day_closes d WHERE EXISTS (SELECT 1 FROM formularies f WHERE f.registered_on = d.date) ORDER BY d.date DESC LIMIT 1",
    );
    let head = one(
        db,
        &format!("SELECT audit_hash FROM day_closes WHERE date = '{day}'"),
    );
    let number = one(
        db,
        &format!("SELECT number FROM formularies WHERE registered_on = '{day}' LIMIT 1"),
    );
    let pdf = paper("day", &day, &[]);
    // The head may wrap: compare without spaces.
    let squeezed: String = pdf.text.split_whitespace().collect();
    assert!(squeezed.contains(&head), "{head} not in {squeezed}");
    let text = pdf.words();
    for expected in [
        format!("Реестр формуляров за {}", ddmmyyyy(&day)),
        number,
        "Закрыл день".into(),
        "Итого формуляров".into(),
    ] {
        assert!(text.contains(&expected), "{expected:?} not in {text}");
    }
}

#[test]
fn the_dsn_result_has_the_code_the_refusal_its_ground_and_the_terms() {
    let demo = shared();
    let text = paper("dsn-result", &demo.dsn_id, &[]).words();
    for expected in [
        "Результат рассмотрения заявки на присвоение ДСН-кода",
        "3-053-",
        "D-7 (2)",
        "(п. 8)",
        "5 рабочих дней",
        "15 рабочих дней",
        "11.03.2025",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }
    let kk = paper("dsn-result", &demo.dsn_id, &["--lang", "kk"]).words();
    for expected in [
        "ДСН-код беруге арналған өтінімді қарау нәтижесі",
        "бас тарту",
        "Шағымдану",
        "ТОО Мұнай",
    ] {
        assert!(kk.contains(expected), "{expected:?} not in {kk}");
    }
}

#[test]
fn a_reprint_is_marked_and_every_print_is_audited_without_personal_data() {
    let demo = shared();
    let db = &demo.db;
    let number = one(
        db,
        "SELECT number FROM formularies ORDER BY id LIMIT 1 OFFSET 5",
    );
    let first = paper("coupon", &number, &["--json"]);
    assert!(
        !first.words().contains("ПОВТОРНЫЙ"),
        "a first print is no reprint"
    );
    let (run, bytes) = print(demo, "coupon", &number, &["--json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let again = Pdf::read(&bytes.unwrap_or_default());
    assert!(
        again.words().contains("ПОВТОРНЫЙ ЭКЗЕМПЛЯР"),
        "{}",
        again.words()
    );
    let json = run.json();
    assert_eq!(json["reprint"], true);
    let sha = json["sha256"].as_str().unwrap_or_default().to_string();
    let details = one(
        db,
        &format!(
            "SELECT details_json FROM audit_log WHERE action = 'paper_printed' AND subject = '{number}' ORDER BY id DESC LIMIT 1"
        ),
    );
    let details: serde_json::Value = serde_json::from_str(&details).unwrap_or_default();
    assert_eq!(details["paper"], "coupon");
    assert_eq!(details["sha256"], sha.as_str());
    assert_eq!(details["reprint"], true);
    assert!(details["copy"].as_u64().unwrap_or(0) >= 2);
    let surname = one(
        db,
        &format!("SELECT surname FROM formularies WHERE number = '{number}'"),
    );
    assert!(
        !details.to_string().contains(&surname),
        "nothing personal: {details}"
    );
    let audit = with_office(demo, &["audit", "verify"]);
    assert_eq!(audit.code, Some(0), "{}", audit.stdout);
}

/// The workstation's entry points: `papers::render` on an open store gives the bytes and
/// what the audit needs; terminal delivery wraps them in printer controller mode.
#[test]
fn the_entry_points_render_in_process_and_wrap_for_the_terminal() {
    use kense::office::Settings;
    use kense::papers::{self, PaperKind, PaperLang, Request, deliver};
    use kense::store::{Clerk, Location, Store};
    let demo = shared();
    let number = one(
        &demo.db,
        "SELECT number FROM formularies ORDER BY id DESC LIMIT 1",
    );
    let clerk = Clerk::new("aigul").unwrap_or_else(|e| panic!("{e}"));
    let store = Store::open(&Location::existing(&demo.db), clerk).unwrap_or_else(|e| panic!("{e}"));
    let request = Request {
        kind: PaperKind::Formulary,
        subject: number.clone(),
        lang: PaperLang::Ru,
        head: None,
    };
    let rendered =
        papers::render(&store, &Settings::default(), &request).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rendered.subject, number);
    assert_eq!(rendered.sha256.len(), 64);
    assert!(rendered.bytes.starts_with(b"%PDF-"));
    let mut terminal = Vec::new();
    let done = deliver::to_terminal(&rendered.bytes, 1, Ok(()), None, &mut terminal);
    assert!(done.is_ok(), "{done:?}");
    assert!(terminal.starts_with(b"\x1b[5i%PDF-"));
    assert!(terminal.ends_with(b"\x1b[4i"));
    assert_eq!(terminal.len(), rendered.bytes.len() + 8);
}
