//! The runner's typed answers on a real register: what the workstation does when the
//! register is busy, when another clerk moved a formulary first, and when a registered
//! formulary's draft could not be forgotten.

use super::moves_tests::{Desk, open};
use super::*;
use crate::domain::lifecycle::{Event, MoveKind, State};
use crate::tui::action::Action;
use crate::tui::keys::Context;
use crate::tui::screens::formulary::spec::FieldId;
use std::time::Duration;
use tui_input::InputRequest;

/// A draft the register was too busy to keep is said on the status line and kept as
/// unsaved: the next quiet moment tries again, and once the register is free it is kept.
#[test]
fn a_draft_the_busy_register_refused_is_kept_at_the_next_quiet_moment() {
    let mut desk = Desk::new();
    // The workstation waits only briefly for another clerk's write.
    let quick = desk
        .location
        .clone()
        .with_busy_timeout(Duration::from_millis(50));
    desk.register = StoreLink::new(Ok(open(&quick)), Lang::En, Clock::default());
    desk.app.focus_field(FieldId::Surname);
    for c in "Ахметова".chars() {
        desk.press(Action::Edit(InputRequest::InsertChar(c)));
    }
    // Another clerk's kense holds the write lock.
    let path = desk.location.path().to_path_buf();
    let other = rusqlite::Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
    other
        .execute_batch("BEGIN IMMEDIATE")
        .unwrap_or_else(|e| panic!("{e}"));
    desk.press(Action::Tick);
    assert!(desk.status().contains("busy"), "{}", desk.status());
    other
        .execute_batch("COMMIT")
        .unwrap_or_else(|e| panic!("{e}"));
    desk.press(Action::Tick);
    let kept = open(&desk.location)
        .load_draft()
        .unwrap_or_else(|e| panic!("{e}"));
    let surname = kept.and_then(|draft| draft.surname);
    assert_eq!(surname.as_deref(), Some("Ахметова"));
}

/// A move refused because another clerk moved the formulary first shows the formulary as
/// it is now, not the state the clerk opened it in.
#[test]
fn a_move_another_clerk_made_first_shows_the_formulary_as_it_is_now() {
    let mut desk = Desk::new();
    let (number, _) = desk.registered(1, &[]);
    desk.open_first(&number);
    // Meanwhile another clerk sends it to manufacture.
    open(&desk.location)
        .move_formulary(&number, Event::Send, None, Clock::default().office_time())
        .unwrap_or_else(|e| panic!("{e:?}"));
    // This clerk, still seeing it registered, starts a verification (M-16): no longer
    // allowed from "sent".
    desk.choose(MoveKind::StartVerification);
    desk.press(Action::Confirm);
    let Some(record) = desk.app.screens.record.record() else {
        panic!("the formulary is shown again");
    };
    assert_eq!(record.lifecycle.state(), State::Sent);
    // What changed is said: the state now, the move, who made it (issue 11).
    let last = record
        .lifecycle
        .transitions()
        .last()
        .map(|t| t.clerk.clone());
    let status = desk.status();
    assert!(status.contains("changed while it was open"), "{status}");
    assert!(status.contains(&State::Sent.text().en), "{status}");
    assert!(status.contains(&last.unwrap_or_default()), "{status}");
    // The digits now mean the moves from "sent": one pressed right away is asked first.
    desk.choose(MoveKind::Manufacture);
    assert_eq!(desk.app.context(), Context::AskQuestion);
}

/// A registered formulary's draft that could not be forgotten is forgotten at the next
/// quiet moment, so it never comes back as a draft inviting a second registration.
#[test]
fn a_draft_not_discarded_after_registering_is_discarded_later() {
    let mut desk = Desk::new();
    desk.app.draft_discarded(false);
    assert_eq!(desk.app.update(Action::Tick), Effect::DiscardDraft);
    desk.app.draft_discarded(true);
    assert_eq!(desk.app.update(Action::Tick), Effect::None);
}

/// A digit pressed right after a one-key move (a key pressed twice) does not make a second
/// move unasked; y makes it; a move chosen after another key is made at once, as before.
#[test]
fn a_digit_right_after_a_move_asks_before_the_next_one_key_move() {
    let mut desk = Desk::new();
    let (older, _) = desk.registered(1, &[]);
    let (newer, _) = desk.registered(2, &[]);
    let state = |desk: &Desk| {
        desk.app
            .screens
            .record
            .record()
            .map(|r| r.lifecycle.state())
    };
    desk.open_first(&newer);
    desk.choose(MoveKind::Send);
    assert_eq!(state(&desk), Some(State::Sent));
    desk.choose(MoveKind::Manufacture);
    assert_eq!(desk.app.context(), Context::AskQuestion, "asked, not made");
    assert_eq!(state(&desk), Some(State::Sent));
    desk.press(Action::Confirm);
    assert_eq!(state(&desk), Some(State::Manufactured));

    // The older one: n leaves it sent; after another key its digit moves it at once.
    desk.press(Action::Back);
    desk.press(Action::Select(crate::tui::action::Move::Down));
    desk.press(Action::Confirm);
    assert_eq!(desk.app.screens.record.number(), Some(older.as_str()));
    desk.choose(MoveKind::Send);
    desk.choose(MoveKind::Manufacture);
    assert_eq!(desk.app.context(), Context::AskQuestion);
    desk.press(Action::Back);
    assert_eq!(state(&desk), Some(State::Sent));
    desk.choose(MoveKind::Manufacture);
    assert_eq!(state(&desk), Some(State::Manufactured));
}
