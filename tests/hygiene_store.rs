//! Issue 15 in the library, as the workstation calls it: every text of a move and of a
//! formulary refuses control characters and oversize values, naming the field; the
//! register keeps only the overrides in use.

mod common;

use chrono::NaiveDate;
use common::{open, register_in, tempdir};
use kense::domain::formulary::{Formulary, Note, Override, Signature, rule};
use kense::domain::lifecycle::{Conclusion, DataError, Event, Lifecycle, LifecycleError};
use kense::domain::text::{self, TextProblem};
use kense::store::StoreError;

const ESC: &str = "a\u{1b}]52;c;ZXZpbA==\u{7}";

fn at() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, 2)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap_or_else(|| panic!("a date"))
}

fn refused(event: Event, note: Option<&str>) -> (&'static str, TextProblem) {
    match Lifecycle::new().apply(event, "aigul", at(), note) {
        Err(LifecycleError::Data(DataError::BadText { field, problem })) => (field, problem),
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_text_of_a_move_is_checked_before_the_move_itself() {
    let conclusion = |number: &str| Conclusion {
        number: number.to_string(),
        date: at().date(),
    };
    let long = "7".repeat(51);
    let cases = [
        (
            Event::Confirm {
                conclusion: conclusion(ESC),
            },
            "conclusion_number",
        ),
        (
            Event::Refuse {
                conclusion: conclusion(&long),
            },
            "conclusion_number",
        ),
        (Event::Issue { coupon: ESC.into() }, "coupon"),
        (Event::Cancel { reason: ESC.into() }, "reason"),
        (
            Event::Spoil {
                reason: "x".repeat(1001),
            },
            "reason",
        ),
        (
            Event::Resend {
                correction: ESC.into(),
            },
            "correction",
        ),
        (
            Event::Destroy {
                act_number: long.clone(),
            },
            "act_number",
        ),
    ];
    for (event, field) in cases {
        let (named, problem) = refused(event, None);
        assert_eq!(named, field);
        assert!(matches!(
            problem,
            TextProblem::Control { position: 2 } | TextProblem::TooLong { .. }
        ));
    }
    assert_eq!(refused(Event::Send, Some(ESC)).0, "note");
    let message = DataError::BadText {
        field: "note",
        problem: TextProblem::Control { position: 2 },
    }
    .text();
    for text in [&message.ru, &message.kk, &message.en] {
        assert!(
            text.contains("[K-TEXT]") && !text.contains('\u{1b}'),
            "{text}"
        );
    }
}

fn invalid_fields(store: &mut kense::store::Store, f: &Formulary) -> Vec<(String, &'static str)> {
    match store.register_formulary(f, at().date()) {
        Err(StoreError::Invalid(found)) => found.into_iter().map(|v| (v.field, v.rule)).collect(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn notes_signature_and_overrides_are_checked_in_the_store() {
    let dir = tempdir();
    let mut store = open(&register_in(&dir));
    let mut f = Formulary::example("18").unwrap_or_else(|| panic!("an example"));
    f.signature = Some(Signature::Absent {
        reason: Some(ESC.into()),
    });
    f.reverse_side.push(Note::AddressAbroad {
        address: Some("Б".repeat(301)),
    });
    f.overrides.push(Override {
        rule: rule::IIN_DATA.into(),
        field: "birth_date".into(),
        reason: Some(ESC.into()),
    });
    let found = invalid_fields(&mut store, &f);
    for (field, r) in [
        ("signature.reason", text::rule::CONTROL),
        ("reverse_side[0].address", text::rule::LENGTH),
        ("overrides[0].reason", text::rule::CONTROL),
    ] {
        assert!(
            found.contains(&(field.to_string(), r)),
            "{field}: {found:?}"
        );
    }
    let mut many = Formulary::example("18").unwrap_or_else(|| panic!("an example"));
    many.overrides = vec![
        Override {
            rule: "X".into(),
            field: "y".into(),
            reason: Some("z".into()),
        };
        21
    ];
    let found = invalid_fields(&mut store, &many);
    assert!(
        found.contains(&("overrides".to_string(), text::rule::ROWS)),
        "{found:?}"
    );
}

#[test]
fn the_register_keeps_only_the_overrides_in_use_and_checks_the_document_number() {
    let dir = tempdir();
    let mut store = open(&register_in(&dir));
    let mut f = Formulary::example("18").unwrap_or_else(|| panic!("an example"));
    // A stale override (its warning corrected since) and the same one twice: neither is
    // a record of anything.
    let stale = Override {
        rule: rule::IIN_DATA.into(),
        field: "sex".into(),
        reason: Some("was wrong".into()),
    };
    f.overrides = vec![stale.clone(), stale];
    let registered = store
        .register_formulary(&f, at().date())
        .unwrap_or_else(|e| panic!("{e}"));
    let record = store
        .formulary(&registered.number)
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the formulary"));
    assert!(
        record.formulary.overrides.is_empty(),
        "{:?}",
        record.formulary.overrides
    );
    for number in [ESC.to_string(), "N".repeat(51)] {
        let moved =
            store.move_formulary_with(&registered.number, Event::Send, None, at(), Some(&number));
        assert!(
            matches!(
                moved,
                Err(StoreError::Move(LifecycleError::Data(DataError::BadText {
                    field: "document_number",
                    ..
                })))
            ),
            "{moved:?}"
        );
    }
}
