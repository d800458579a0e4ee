//! A repeat applicant at the counter, on a real register: the IIN fills the person from
//! their latest formulary, and another formulary still in its course is a warning the clerk
//! lets pass with a reason (K-OPEN) before registering.

use super::moves_tests::{Desk, open};
use crate::tui::action::Action;
use crate::tui::screens::formulary::spec::FieldId;

#[test]
fn a_known_iin_fills_the_person_and_an_open_formulary_is_a_warning_to_let_pass() {
    let mut desk = Desk::new();
    let (number, _) = desk.registered(1, &[]);
    let stored = open(&desk.location)
        .formulary(&number)
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the formulary"));
    let iin = stored.formulary.iin.clone().unwrap_or_default();
    let surname = stored.formulary.surname.clone().unwrap_or_default();
    // The New tab, a new formulary for the same person: the IIN first.
    desk.press(Action::ShowTab(crate::tui::action::Tab::NewFormulary));
    desk.app.focus_field(FieldId::Iin);
    desk.type_text(&iin);
    let form = desk.app.form();
    assert_eq!(
        form.value(FieldId::Surname),
        surname,
        "filled from the register"
    );
    assert!(desk.status().contains(&number), "{}", desk.status());
    // The person's other formulary is still in its course: a warning on the IIN.
    let warned: Vec<&str> = form.violations_of(FieldId::Iin).map(|v| v.rule).collect();
    assert!(warned.contains(&"K-OPEN"), "{warned:?}");
    desk.press(Action::Accept);
    desk.type_text("утрата паспорта после подачи");
    desk.press(Action::Confirm);
    assert!(
        !desk
            .app
            .form()
            .violations_of(FieldId::Iin)
            .any(|v| v.rule == "K-OPEN"),
        "let pass"
    );
}
