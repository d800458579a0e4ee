//! The formulary form's state: typing, focus, choices, the IIN, warnings accepted.

use super::*;
use crate::domain::Sex;
use crate::domain::formulary::rule;
use tui_input::InputRequest;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_else(|| panic!("date"))
}

fn type_into(tab: &mut FormTab, id: FieldId, text: &str) {
    while tab.focused() != id {
        if !tab.move_focus(Focus::Next) {
            tab.focus = 0;
        }
    }
    for c in text.chars() {
        tab.edit(InputRequest::InsertChar(c));
    }
}

#[test]
fn an_iin_fills_birth_date_and_sex_until_the_clerk_changes_them() {
    let mut tab = FormTab::new("clerk", today());
    type_into(&mut tab, FieldId::Iin, "900517300128");
    assert_eq!(tab.value(FieldId::BirthDate), "17.05.1990");
    assert_eq!(tab.value(FieldId::Sex), "male");
    assert_eq!(tab.formulary().sex, Some(Sex::Male));
}

#[test]
fn violations_show_on_their_fields_as_the_clerk_types() {
    let mut tab = FormTab::new("clerk", today());
    type_into(&mut tab, FieldId::FillingCode, "02");
    let on_code: Vec<_> = tab
        .violations_of(FieldId::FillingCode)
        .map(|v| v.rule)
        .collect();
    assert!(on_code.contains(&rule::FILLING_CODE), "{on_code:?}");
    type_into(&mut tab, FieldId::BirthDate, "31.02.1990");
    let on_date: Vec<_> = tab
        .violations_of(FieldId::BirthDate)
        .map(|v| v.rule)
        .collect();
    assert_eq!(on_date, ["K-DATE"]);
}

#[test]
fn a_choice_field_cycles_with_the_arrows() {
    let mut tab = FormTab::new("clerk", today());
    assert_eq!(tab.focused(), FieldId::Document);
    tab.edit(InputRequest::GoToNextChar);
    assert_eq!(tab.value(FieldId::Document), "passport");
    tab.edit(InputRequest::GoToPrevChar);
    tab.edit(InputRequest::GoToPrevChar);
    assert_eq!(tab.value(FieldId::Document), "stateless_certificate");
}

#[test]
fn a_full_example_typed_in_validates_and_a_warning_is_accepted_with_a_reason() {
    let example = Formulary::example("18").unwrap_or_else(|| panic!("example"));
    let mut tab = FormTab::from_formulary(&example, "clerk", today());
    assert!(
        tab.report().is_accepted(),
        "{:?}",
        tab.report().open().collect::<Vec<_>>()
    );
    // A birth date that disagrees with the IIN is a warning (IIN-DATA) the clerk may let pass.
    let born = tab.value(FieldId::BirthDate).to_string();
    let other = if born.starts_with("01") { "02" } else { "01" };
    tab.set(FieldId::BirthDate, &format!("{other}{}", &born[2..]));
    tab.focus_on(FieldId::BirthDate);
    assert!(tab.has_warning());
    assert!(!tab.report().is_accepted());
    assert!(tab.accept_warning("ИИН выдан до 2008 года"));
    assert!(tab.report().is_accepted());
    assert_eq!(tab.formulary().overrides.len(), 1);
}

#[test]
fn a_choice_field_takes_the_first_letter_of_a_value_in_any_language() {
    let mut tab = FormTab::new("clerk", today());
    tab.focus_on(FieldId::Sex);
    for (letter, value) in [
        ('ж', "female"),
        ('м', "male"),
        ('ә', "female"),
        ('m', "male"),
    ] {
        tab.edit(InputRequest::InsertChar(letter));
        assert_eq!(tab.value(FieldId::Sex), value, "{letter}");
    }
    tab.focus_on(FieldId::Document);
    tab.edit(InputRequest::InsertChar('п'));
    assert_eq!(tab.value(FieldId::Document), "passport");
    // Two kinds start with «У» in Russian: the letter again goes on to the next.
    tab.edit(InputRequest::InsertChar('у'));
    let first = tab.value(FieldId::Document).to_string();
    tab.edit(InputRequest::InsertChar('у'));
    assert_ne!(tab.value(FieldId::Document), first);
    assert!(
        !tab.edit(InputRequest::InsertChar('щ')),
        "no value starts with it"
    );
}

#[test]
fn a_paste_fills_the_focused_field_only() {
    let mut tab = FormTab::new("clerk", today());
    tab.focus_on(FieldId::Surname);
    assert!(tab.paste("Ахметова\tАйгүл\n"));
    assert_eq!(tab.value(FieldId::Surname), "Ахметова Айгүл");
    assert_eq!(
        tab.focused(),
        FieldId::Surname,
        "a tab in a paste moves nowhere"
    );
    assert_eq!(tab.value(FieldId::GivenName), "");
    tab.focus_on(FieldId::Sex);
    assert!(!tab.paste("male"), "a choice takes no paste");
}

/// A restored draft opens where the clerk left it: the last field with something in it.
#[test]
fn a_restored_draft_opens_at_the_last_field_typed() {
    let draft = Formulary {
        surname: Some("Ахметова".into()),
        given_name: Some("Айгүл".into()),
        ..Formulary::default()
    };
    let tab = FormTab::from_formulary(&draft, "clerk", today());
    assert_eq!(tab.focused(), FieldId::GivenName);
}

/// Issue 11: the office's own region and district start every new formulary, count as
/// nothing typed, and give way to a draft's own codes.
#[test]
fn the_offices_codes_start_a_new_formulary_and_are_no_entry() {
    let office = OfficeCodes {
        region: Some("1902".into()),
        district: Some(" 204 ".into()),
    };
    let mut tab = FormTab::new("clerk", today()).with_office_codes(office.clone());
    assert_eq!(tab.value(FieldId::RegionCode), "1902");
    assert_eq!(tab.value(FieldId::DistrictCode), "204");
    assert!(tab.formulary().region_code.as_deref() == Some("1902"));
    assert!(tab.is_blank(), "the office's codes alone are no entry");
    assert!(!tab.unsaved(), "nothing to keep as a draft");
    // A district typed over the office's is an entry.
    type_into(&mut tab, FieldId::DistrictCode, "");
    tab.edit(InputRequest::DeleteLine);
    tab.edit(InputRequest::InsertChar('7'));
    assert!(!tab.is_blank());
    // The next form starts with them again.
    let next = tab.fresh(today());
    assert_eq!(next.value(FieldId::DistrictCode), "204");
    assert!(next.is_blank());
    // A draft keeps its own codes.
    let draft = Formulary {
        region_code: Some("1917".into()),
        district_code: Some("213".into()),
        ..Formulary::default()
    };
    let restored =
        FormTab::from_formulary(&draft, "clerk", today()).with_office_codes(office.clone());
    assert_eq!(restored.value(FieldId::RegionCode), "1917");
    assert_eq!(restored.value(FieldId::DistrictCode), "213");
    assert_eq!(restored.fresh(today()).value(FieldId::RegionCode), "1902");
    // A draft of another region with no district does not get the office's district,
    // which is of the office's region.
    let other = Formulary {
        region_code: Some("1917".into()),
        ..Formulary::default()
    };
    let restored = FormTab::from_formulary(&other, "clerk", today()).with_office_codes(office);
    assert_eq!(restored.value(FieldId::RegionCode), "1917");
    assert_eq!(restored.value(FieldId::DistrictCode), "");
}
