//! The record screen on a real register: a formulary corrected from the workstation, a
//! correction refused once the formulary left the office, and the correction offered
//! before a resend (M-40).

use super::moves_tests::{Desk, open, screen};
use crate::domain::lifecycle::{Event, MoveKind, ReturnReason};
use crate::tui::action::Action;
use crate::tui::keys::Context;
use crate::tui::screens::Screen;
use crate::tui::screens::formulary::spec::FieldId;
use tui_input::InputRequest;

/// Types `text` over the value of the correction's focused field.
fn retype(desk: &mut Desk, id: FieldId, text: &str) {
    desk.app.screens.correction.focus_on(id);
    desk.press(Action::Edit(InputRequest::DeleteLine));
    for c in text.chars() {
        desk.press(Action::Edit(InputRequest::InsertChar(c)));
    }
}

#[test]
fn a_formulary_in_the_office_is_corrected_from_its_record() {
    let mut desk = Desk::new();
    let (number, _) = desk.registered(1, &[]);
    desk.open_first(&number);
    desk.press(Action::Correct);
    assert_eq!(desk.app.context(), Context::Screen(Screen::Correction));
    assert_eq!(
        desk.app.screens.correction.corrects(),
        Some(number.as_str())
    );
    // The form holds the formulary's data.
    let surname = desk
        .app
        .screens
        .correction
        .value(FieldId::Surname)
        .to_string();
    assert!(!surname.is_empty());
    retype(&mut desk, FieldId::BirthPlace, "Г. АСТАНА");
    desk.press(Action::Save);
    assert_eq!(desk.status(), "The correction is saved");
    assert_eq!(desk.app.context(), Context::Screen(Screen::Record));
    let stored = open(&desk.location)
        .formulary(&number)
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the formulary"));
    assert_eq!(stored.formulary.birth_place.as_deref(), Some("Г. АСТАНА"));
    // The record says it was corrected, and by whom.
    desk.press(Action::Select(crate::tui::action::Move::Last));
    let shown = screen(&desk.app);
    assert!(shown.contains("Corrections"), "{shown}");
    assert!(shown.contains("1. ") && shown.contains("aigul"), "{shown}");
}

#[test]
fn a_sent_formulary_is_not_corrected_and_the_clerk_is_told_why() {
    let mut desk = Desk::new();
    let (number, _) = desk.registered(1, &[Event::Send]);
    desk.open_first(&number);
    desk.press(Action::Correct);
    assert_eq!(desk.app.context(), Context::Screen(Screen::Record));
    assert!(
        desk.status().contains("still in the office"),
        "{}",
        desk.status()
    );
}

/// M-40: a formulary returned because its data did not match is offered the correction
/// before it is sent again; once corrected, the resend asks what was corrected.
#[test]
fn a_return_for_the_data_offers_the_correction_before_the_resend() {
    let mut desk = Desk::new();
    let returned = Event::Return {
        reason: ReturnReason::DataMismatch,
    };
    let (number, _) = desk.registered(1, &[Event::Send, returned]);
    desk.open_first(&number);
    desk.choose(MoveKind::Resend);
    assert_eq!(desk.app.context(), Context::Screen(Screen::Correction));
    assert!(desk.status().contains("M-40"), "{}", desk.status());
    retype(&mut desk, FieldId::BirthPlace, "Г. АСТАНА");
    desk.press(Action::Save);
    assert_eq!(desk.app.context(), Context::Screen(Screen::Record));
    desk.choose(MoveKind::Resend);
    assert_eq!(desk.app.context(), Context::MoveData);
}
