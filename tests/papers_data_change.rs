//! Papers from what moves and notes record: the conclusion on a change of personal data
//! (appendix 4, M-12.d) from the reverse side's note, the basis documents named in words,
//! and how a document was handed over (M-56, M-57) on the formulary at issue.

mod common;
mod papers_support;

use papers_support::{Pdf, demo, print, with_office};

#[test]
fn the_appendix_4_conclusion_is_printed_from_the_reverse_side_note() {
    let demo = demo();
    let template = with_office(&demo, &["formulary", "template", "--code", "04"]);
    assert_eq!(template.code, Some(0), "{}", template.stderr);
    let mut f: serde_json::Value = serde_json::from_str(&template.stdout).unwrap_or_default();
    f["reverse_side"] = serde_json::json!([
        { "kind": "basis_document", "document": "data_change_conclusion", "number": "17", "date": "2026-11-30" },
        { "kind": "basis_document", "document": "birth_certificate", "number": "I-АК 0123456", "date": "1990-05-20" },
    ]);
    let today = chrono::Local::now().date_naive().to_string();
    f["filled_on"] = serde_json::Value::String(today);
    let file = demo.dir.path().join("f04.json");
    std::fs::write(&file, f.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let added = with_office(
        &demo,
        &["formulary", "add", &file.to_string_lossy(), "--json"],
    );
    assert_eq!(added.code, Some(0), "{}", added.stderr);
    let number = added.json()["number"]
        .as_str()
        .unwrap_or_default()
        .to_string();

    let (run, bytes) = print(&demo, "conclusion", &number, &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let text = Pdf::read(&bytes.unwrap_or_default()).words();
    for expected in [
        "Заключение о перемене установочных данных",
        "№ 17 от 30.11.2026",
        "УТВЕРЖДАЮ",
        "СЕЙТҚАЛИЕВ АРМАН НҰРЛАНҰЛЫ",
        "14.05.1990",
        "№ I-АК 0123456 от 20.05.1990",
        "приложение 4",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }
    let (run, bytes) = print(&demo, "formulary", &number, &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let text = Pdf::read(&bytes.unwrap_or_default()).words();
    assert!(
        text.contains("заключение о перемене установочных данных № 17 от 30.11.2026"),
        "{text}"
    );
}

/// M-56, M-57: the formulary printed at issue says what was presented (here the receipt),
/// the documents withdrawn, and the issued document's number.
#[test]
fn the_formulary_at_issue_shows_how_the_document_was_handed_over() {
    let demo = demo();
    let number = papers_support::one(
        &demo.db,
        "SELECT number FROM formularies WHERE status = 'manufactured' ORDER BY id LIMIT 1",
    );
    let issued = with_office(
        &demo,
        &[
            "formulary",
            "move",
            &number,
            "--to",
            "issue",
            "--receipt",
            "R-77",
            "--withdrawn",
            "паспорт N12345678",
            "--document-number",
            "N99887766",
        ],
    );
    assert_eq!(issued.code, Some(0), "{}", issued.stderr);
    let (run, bytes) = print(&demo, "formulary", &number, &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let text = Pdf::read(&bytes.unwrap_or_default()).words();
    for expected in [
        "Предъявлен (п. 56) квитанция № R-77",
        "Изъятые документы (п. 56) паспорт N12345678",
        "номер введён вручную",
        "N99887766",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }
}
