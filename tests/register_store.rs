//! The register of formularies through the library API, on real files: the day's summary,
//! sealed days, the journal of conclusions (M-16), destruction acts, drafts.

mod common;
mod register_common;

use kense::domain::formulary::Formulary;
use kense::domain::lifecycle::{Conclusion, Event, State, VerificationGround};
use kense::store::StoreError;
use register_common::*;

#[test]
fn the_day_summary_counts_by_status_code_district_and_clerk() {
    let dir = tempdir();
    let (mut store, n) = sample(dir.path());
    store
        .move_formulary(&n[3], Event::Send, None, at(day(2024, 4, 2), 12))
        .unwrap_or_else(|e| panic!("{e}"));
    let s = store
        .day_summary(day(2024, 4, 2))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.total, 2);
    assert_eq!(s.by_status.get(&State::Sent), Some(&1));
    assert_eq!(s.by_status.get(&State::Registered), Some(&1));
    assert_eq!(s.by_filling_code.get("18"), Some(&1));
    assert_eq!(s.by_filling_code.get("04"), Some(&1));
    assert_eq!(s.by_district.get("1902 204"), Some(&1));
    assert_eq!(s.by_district.get("1902 402"), Some(&1));
    assert_eq!(s.by_clerk.get("aigul"), Some(&1));
    assert_eq!(s.by_clerk.get("bolat"), Some(&1));
    let listed: Vec<&str> = s.formularies.iter().map(|r| r.number.as_str()).collect();
    assert_eq!(listed, [&n[3], &n[4]], "in registration order");
    assert_eq!(s.closed, None);
    let first = store
        .day_summary(day(2024, 4, 1))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((first.total, first.by_clerk.get("bolat")), (3, Some(&1)));
    store
        .close_day(day(2024, 4, 1))
        .unwrap_or_else(|e| panic!("{e}"));
    let first = store
        .day_summary(day(2024, 4, 1))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(first.closed.is_some(), "the summary says the day is sealed");
    let empty = store
        .day_summary(day(2024, 5, 1))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((empty.total, empty.formularies.len()), (0, 0));
}

#[test]
fn a_sealed_day_refuses_edits_but_its_formularies_move_on_later_days() {
    let dir = tempdir();
    let db = register_in(&dir);
    let (mut store, n) = sample(dir.path());
    let d1 = day(2024, 4, 1);
    store.close_day(d1).unwrap_or_else(|e| panic!("{e}"));
    let f = person("04", "АҚЖАНОВ", "ЕРЛАНБЕК", 2);
    let edit = store.correct_formulary(&n[1], &f, day(2024, 4, 5));
    assert!(
        matches!(edit, Err(StoreError::DaySealed { date }) if date == d1),
        "{edit:?}"
    );
    let add = store.register_formulary_at(&f, at(d1, 15));
    assert!(matches!(add, Err(StoreError::DaySealed { .. })), "{add:?}");
    let back = store.move_formulary(&n[1], Event::Send, None, at(d1, 16));
    assert!(
        matches!(back, Err(StoreError::DaySealed { .. })),
        "{back:?}"
    );
    // A move on an open day is a new event of that day: allowed.
    store
        .move_formulary(&n[1], Event::Send, None, at(day(2024, 4, 5), 9))
        .unwrap_or_else(|e| panic!("{e}"));
    // A formulary of an open day is corrected.
    let g = person("18", "АҚЖОЛОВА", "ДИНАРА", 4);
    store
        .correct_formulary(&n[3], &g, day(2024, 4, 5))
        .unwrap_or_else(|e| panic!("{e}"));
    drop(store);
    // The seal holds below kense too: SQLite refuses to rewrite the day's data.
    let conn = rusqlite::Connection::open(&db).unwrap_or_else(|e| panic!("{e}"));
    let raw = conn.execute(
        "UPDATE formularies SET surname = 'X' WHERE number = ?1",
        [&n[0]],
    );
    assert!(raw.is_err(), "the trigger refuses: {raw:?}");
    let unchanged: String = conn
        .query_row(
            "SELECT given_name FROM formularies WHERE number = ?1",
            [&n[1]],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(unchanged, "ЕРЛАН");
}

#[test]
fn m16_conclusions_are_numbered_per_year_in_the_journal() {
    let dir = tempdir();
    let (mut store, n) = sample(dir.path());
    let when = at(day(2024, 4, 3), 9);
    let ground = VerificationGround::PhotoIdentity;
    for number in &n[..3] {
        store
            .move_formulary(number, Event::StartVerification { ground }, None, when)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let conclusion = |number: &str| Conclusion {
        number: number.into(),
        date: day(2024, 4, 3),
    };
    let later = at(day(2024, 4, 3), 10);
    // Maker-checker (M-16, issue 12): a head who neither registered nor started the
    // verification approves the conclusions.
    let mut chief = open(&register_in(&dir), "chief");
    let first = chief
        .move_formulary(
            &n[0],
            Event::Confirm {
                conclusion: conclusion(""),
            },
            None,
            later,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        first.event.conclusion().map(|c| c.number.as_str()),
        Some("1"),
        "M-16"
    );
    let second = chief
        .move_formulary(
            &n[1],
            Event::Refuse {
                conclusion: conclusion(""),
            },
            None,
            later,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        second.event.conclusion().map(|c| c.number.as_str()),
        Some("2"),
        "M-16"
    );
    assert_eq!(second.to, State::Cancelled);
    let taken = chief.move_formulary(
        &n[2],
        Event::Confirm {
            conclusion: conclusion("2"),
        },
        None,
        later,
    );
    assert!(
        matches!(taken, Err(StoreError::ConclusionTaken { year: 2024, .. })),
        "{taken:?}"
    );
    let record = store.formulary(&n[2]).unwrap_or_else(|e| panic!("{e}"));
    let state = record.map(|r| r.lifecycle.state());
    assert_eq!(
        state,
        Some(State::UnderVerification),
        "a refused move changes nothing"
    );

    let destroyed = store
        .move_formulary(
            &n[1],
            Event::Destroy {
                act_number: "A-9".into(),
            },
            None,
            later,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(destroyed.to, State::Destroyed);
    let again = store.move_formulary(&n[1], Event::Send, None, later);
    assert!(
        matches!(again, Err(StoreError::Move(_))),
        "destroyed is final: {again:?}"
    );
}

#[test]
fn one_draft_per_clerk_audited_without_its_content() {
    let dir = tempdir();
    let db = register_in(&dir);
    let mut aigul = open(&db, "aigul");
    let mut bolat = open(&db, "bolat");
    assert_eq!(aigul.load_draft().unwrap_or_else(|e| panic!("{e}")), None);
    let mut draft = Formulary {
        surname: Some("НҰРЛАНОВА".into()),
        ..Formulary::default()
    };
    aigul.save_draft(&draft).unwrap_or_else(|e| panic!("{e}"));
    draft.given_name = Some("ӘСЕЛ".into());
    aigul.save_draft(&draft).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        aigul.load_draft().unwrap_or_else(|e| panic!("{e}")),
        Some(draft)
    );
    assert_eq!(
        bolat.load_draft().unwrap_or_else(|e| panic!("{e}")),
        None,
        "one per clerk"
    );
    // Closing the day asks with whose drafts are still there (issue 12).
    let held = bolat.drafts_held().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        held.iter().map(|d| d.clerk.as_str()).collect::<Vec<_>>(),
        ["aigul"]
    );
    bolat.discard_draft().unwrap_or_else(|e| panic!("{e}"));
    aigul.discard_draft().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(aigul.load_draft().unwrap_or_else(|e| panic!("{e}")), None);
    let entries = aigul.audit_entries().unwrap_or_else(|e| panic!("{e}"));
    // The changes, without the seals of the rows they wrote (issue 15).
    let actions: Vec<&str> = entries
        .iter()
        .map(|e| e.action.as_str())
        .filter(|a| *a != "rows_written")
        .collect();
    // bolat joined the staff first (issue 12: only staff write).
    assert_eq!(
        actions,
        [
            "staff_added",
            "draft_saved",
            "draft_saved",
            "draft_discarded"
        ]
    );
    for e in &entries {
        assert!(!e.details_json.contains("НҰРЛАНОВА"), "no content: {e:?}");
    }
}
