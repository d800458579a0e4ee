//! M-12.a in the workstation, on a real register: Ctrl-G for a child asks what the parent
//! showed, says the field and the rule of what is wrong, and records it with the IIN as
//! `kense iin generate` does; a birth record ИС ЗАГС did not have is a request to РАГС,
//! a term of the work queue.

use super::moves_tests::{Desk, open};
use crate::domain::calendar::m12a_registry_request_due;
use crate::domain::iin::Iin;
use crate::domain::queue::{ItemKind, OfficeTerms};
use crate::office::Clock;
use crate::tui::action::{Action, Tab};
use crate::tui::keys::Context;
use crate::tui::screens::formulary::Focus;
use crate::tui::screens::formulary::spec::FieldId;
use chrono::{Days, NaiveDate};
use tui_input::InputRequest;

fn today() -> NaiveDate {
    Clock::default().today()
}

/// A new formulary of a baby born 40 days ago, a girl; Ctrl-G pressed.
fn asked(desk: &mut Desk) {
    desk.press(Action::ShowTab(Tab::NewFormulary));
    let born = today() - Days::new(40);
    desk.app.focus_field(FieldId::BirthDate);
    desk.type_text(&born.format("%d.%m.%Y").to_string());
    desk.app.focus_field(FieldId::Sex);
    desk.type_text("f");
    desk.press(Action::GenerateIin);
    assert_eq!(desk.app.context(), Context::ChildIin, "{}", desk.status());
}

fn next_field(desk: &mut Desk) {
    desk.press(Action::Focus(Focus::Next));
}

/// The four lines and the ИС ЗАГС answer, as a clerk types them.
fn shown(desk: &mut Desk, certificate_date: NaiveDate, zags: &str) {
    desk.type_text("I-АК 0123456");
    next_field(desk);
    desk.type_text(&certificate_date.format("%d.%m.%Y").to_string());
    next_field(desk);
    desk.type_text("РАГС г. Кокшетау");
    next_field(desk);
    desk.type_text("удостоверение 043215678");
    next_field(desk);
    desk.type_text(zags);
}

fn recorded(desk: &Desk, iin: &str) -> Option<(String, String, i64)> {
    let conn = rusqlite::Connection::open(desk.location.path()).ok()?;
    conn.query_row(
        "SELECT certificate_number, parent_document, zags_found FROM iin_births WHERE iin = ?1",
        [iin],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .ok()
}

#[test]
fn m12a_a_childs_iin_records_what_was_shown_and_a_missing_record_is_a_term_in_the_queue() {
    let mut desk = Desk::new();
    asked(&mut desk);
    let screen = super::moves_tests::screen(&desk.app);
    for label in [
        "Child's IIN: what was shown (M-12.a)",
        "Birth certificate No.",
        "Issued on (DD.MM.YYYY)",
        "Issued by",
        "Parent's / representative's document",
        "Birth record found in IS ZAGS",
        "◂ ? ▸",
    ] {
        assert!(screen.contains(label), "{label}: {screen}");
    }
    // Nothing shown yet: the first field is named with the rule, nothing is taken.
    desk.press(Action::Confirm);
    assert_eq!(desk.app.context(), Context::ChildIin);
    let said = desk.status();
    assert!(said.starts_with("Birth certificate No.: "), "{said}");
    assert!(said.contains("M-12.a"), "{said}");
    // A certificate dated before the birth: its date named, with the rule.
    let born = today() - Days::new(40);
    shown(&mut desk, born - Days::new(3), "n");
    desk.press(Action::Confirm);
    assert_eq!(desk.app.context(), Context::ChildIin);
    let said = desk.status();
    assert!(
        said.starts_with("Issued on (DD.MM.YYYY): the birth certificate is dated before"),
        "{said}"
    );
    assert_eq!(desk.app.form().value(FieldId::Iin), "", "nothing taken yet");
    assert!(
        open(&desk.location)
            .registry_requests()
            .unwrap_or_default()
            .is_empty()
    );
    // The focus went to the date: it is typed again.
    desk.press(Action::Edit(InputRequest::DeleteLine));
    desk.type_text(&(born + Days::new(2)).format("%d.%m.%Y").to_string());
    desk.press(Action::Confirm);
    assert_ne!(desk.app.context(), Context::ChildIin, "{}", desk.status());

    let iin = desk.app.form().value(FieldId::Iin).to_string();
    assert!(Iin::parse(&iin).is_ok(), "a valid IIN: {iin:?}");
    assert_eq!(
        recorded(&desk, &iin),
        Some(("I-АК 0123456".into(), "удостоверение 043215678".into(), 0))
    );
    let due = m12a_registry_request_due(today()).unwrap_or_else(|e| panic!("{e:?}"));
    let requests = open(&desk.location)
        .registry_requests()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(requests.len(), 1);
    assert_eq!(
        (requests[0].iin.as_str(), requests[0].due),
        (iin.as_str(), due)
    );
    let said = desk.status();
    assert!(said.starts_with(&iin), "{said}");
    let by = due.format("%d.%m.%Y").to_string();
    assert!(said.contains(&format!("due by {by}")), "{said}");
    let terms = OfficeTerms {
        sent_back_within: 10,
    };
    let queue = open(&desk.location)
        .work_queue(today(), terms, 50)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        queue
            .items
            .iter()
            .any(|i| i.kind == ItemKind::M12aRequest && i.due == Some(due)),
        "{queue:?}"
    );
}

#[test]
fn m12a_a_record_found_in_zags_asks_nothing_of_the_registry_and_esc_takes_nothing() {
    let mut desk = Desk::new();
    asked(&mut desk);
    desk.press(Action::Back);
    assert_eq!(desk.app.form().value(FieldId::Iin), "", "Esc takes no IIN");
    desk.press(Action::GenerateIin);
    shown(&mut desk, today() - Days::new(30), "");
    // The ИС ЗАГС answer is asked, not assumed.
    desk.press(Action::Confirm);
    let said = desk.status();
    assert!(
        said.starts_with("Birth record found in IS ZAGS: choose"),
        "{said}"
    );
    desk.press(Action::Edit(InputRequest::InsertChar('д')));
    desk.press(Action::Confirm);
    let iin = desk.app.form().value(FieldId::Iin).to_string();
    assert!(Iin::parse(&iin).is_ok(), "{iin:?}");
    assert_eq!(recorded(&desk, &iin).map(|r| r.2), Some(1));
    assert!(
        open(&desk.location)
            .registry_requests()
            .unwrap_or_default()
            .is_empty()
    );
    assert_eq!(desk.status(), iin);
}

#[test]
fn an_adults_iin_is_taken_without_the_childs_questions() {
    let mut desk = Desk::new();
    desk.press(Action::ShowTab(Tab::NewFormulary));
    desk.app.focus_field(FieldId::BirthDate);
    desk.type_text("17.05.1990");
    desk.app.focus_field(FieldId::Sex);
    desk.type_text("m");
    desk.press(Action::GenerateIin);
    let iin = desk.app.form().value(FieldId::Iin).to_string();
    assert!(iin.starts_with("900517"), "{iin:?}");
    assert_eq!(recorded(&desk, &iin), None);
}
