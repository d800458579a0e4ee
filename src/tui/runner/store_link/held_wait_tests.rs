//! Issue 11, what the take-over of the clerk's draft waits for: the held draft's question
//! answered (a key meant for it never lands in the draft), another dialog closed, and the
//! numbers of a formulary just registered (M-56) left for the next one.

use super::held_tests::{first_typing, quiet_tick, second, taken_over};
use super::moves_tests::{open, screen};
use super::*;
use crate::domain::formulary::Formulary;
use crate::tui::action::Action;
use crate::tui::app::Status;
use crate::tui::keys::Context;
use crate::tui::screens::Screen;
use crate::tui::screens::formulary::spec::FieldId;
use std::time::{Duration, Instant};

/// Quiet ticks of `session` for `long`: `true` when one of them took the draft over.
fn taken_within(session: &mut (App, StoreLink), long: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < long {
        let (app, link) = session;
        if link.take_over_draft(app) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

fn status(app: &App) -> String {
    match &app.status {
        Some(Status::Text(text)) => text.clone(),
        Some(Status::Msg(msg)) => crate::i18n::tr(Lang::En, *msg).to_string(),
        None => String::new(),
    }
}

/// The clerk of `session` fills its fresh form with a whole formulary and registers it
/// (Ctrl-S): its number and coupon.
fn register_here(session: &mut (App, StoreLink)) -> (String, String) {
    let (app, link) = session;
    let mut f = Formulary::example("18").unwrap_or_else(|| panic!("example"));
    let born = f.birth_date.unwrap_or_else(|| panic!("a birth date"));
    let sex = f.sex.unwrap_or(crate::domain::Sex::Male);
    let iin = crate::domain::iin::Iin::next_after(born, sex, 7).unwrap_or_else(|| panic!("iin"));
    f.iin = Some(iin.0.as_str().to_string());
    app.restore_draft(&f);
    let effect = app.update(Action::Save);
    link.perform(app, effect);
    let (number, coupon) = app
        .form()
        .banner()
        .cloned()
        .unwrap_or_else(|| panic!("not registered: {}", status(app)));
    assert!(status(app).contains(&number), "{}", status(app));
    (number, coupon)
}

/// The form of `app` still shows the formulary `number` just registered: the numbers on
/// the form, the registration said, and its coupon slip offered to print (M-56).
fn still_registered(app: &mut App, number: &str) {
    assert_eq!(app.form().banner().map(|b| b.0.as_str()), Some(number));
    assert!(!app.holds_draft());
    assert!(status(app).contains(number), "{}", status(app));
    app.update(Action::Print);
    let shown = screen(app);
    assert!(shown.contains("Coupon slip (M-56)"), "{shown}");
    app.update(Action::Back);
    assert_eq!(app.context(), Context::Screen(Screen::Formulary));
}

/// Told the draft is free, the clerk registers the form in front of them: its number and
/// coupon stay (the draft is not put over them); Ctrl-X starts the next formulary, and the
/// draft opens on it.
#[test]
fn a_form_registered_after_the_draft_is_free_keeps_its_numbers() {
    let mut desk = first_typing("Ахметова");
    let mut clerk = second(&desk);
    clerk.0.update(Action::NewFormulary); // n
    clerk.0.focus_field(FieldId::Surname);
    clerk
        .0
        .update(Action::Edit(tui_input::InputRequest::InsertChar('Б')));
    desk.register = StoreLink::new(Ok(open(&desk.location)), Lang::En, Clock::default());
    assert!(taken_over(&mut clerk), "never said");
    assert!(status(&clerk.0).contains("your draft is free"));
    // Said: the register is not read again while the form is typed in.
    assert!(!clerk.0.can_take_draft());

    let (number, _) = register_here(&mut clerk);
    assert!(!clerk.0.can_take_draft(), "the numbers shown");
    assert!(!taken_within(&mut clerk, Duration::from_millis(2500)));
    still_registered(&mut clerk.0, &number);

    clerk.0.update(Action::NewFormulary); // Ctrl-X: the next formulary
    assert!(clerk.0.can_take_draft());
    assert!(clerk.0.form().banner().is_none());
    assert!(taken_over(&mut clerk));
    assert!(clerk.0.holds_draft());
    assert_eq!(clerk.0.form().value(FieldId::Surname), "Ахметова");
    quiet_tick(&mut clerk);
}

/// The clerk registered in the fresh form before the first session ended: the same.
#[test]
fn a_form_registered_before_the_first_session_ends_keeps_its_numbers() {
    let mut desk = first_typing("Ахметова");
    let mut clerk = second(&desk);
    clerk.0.update(Action::NewFormulary); // n
    let (number, _) = register_here(&mut clerk);
    desk.register = StoreLink::new(Ok(open(&desk.location)), Lang::En, Clock::default());
    assert!(!taken_within(&mut clerk, Duration::from_millis(2500)));
    still_registered(&mut clerk.0, &number);

    clerk.0.update(Action::NewFormulary);
    assert!(taken_over(&mut clerk));
    assert_eq!(clerk.0.form().value(FieldId::Surname), "Ахметова");
}

/// The held draft's question still unanswered when the first session ends: the take-over
/// waits for the answer (an `r` or `n` pressed as the question went would else land in the
/// draft), then comes on the next tick, said. Another dialog (the help) waits alike.
#[test]
fn the_take_over_waits_for_the_held_drafts_question_and_any_dialog() {
    let mut desk = first_typing("Ахметова");
    let mut asked = second(&desk);
    let mut helped = second(&desk);
    helped.0.update(Action::Back); // r
    helped.0.update(Action::Help);
    assert_eq!(asked.0.context(), Context::DraftHeld);
    desk.register = StoreLink::new(Ok(open(&desk.location)), Lang::En, Clock::default());

    assert!(!asked.0.can_take_draft(), "the question open");
    assert!(!taken_within(&mut asked, Duration::from_millis(1500)));
    assert_eq!(asked.0.context(), Context::DraftHeld, "the question stays");
    assert!(!asked.0.holds_draft());
    asked.0.update(Action::NewFormulary); // n
    assert!(taken_over(&mut asked));
    assert_eq!(asked.0.context(), Context::Screen(Screen::Formulary));
    assert_eq!(asked.0.form().value(FieldId::Surname), "Ахметова");
    assert!(
        screen(&asked.0).contains("The other session has ended: the draft is yours now"),
        "{}",
        screen(&asked.0)
    );
    drop(asked);

    assert!(
        !helped.1.take_over_draft(&mut helped.0),
        "not under the help"
    );
    assert!(!helped.0.holds_draft());
    helped.0.update(Action::Back);
    assert!(taken_over(&mut helped));
    assert!(helped.0.holds_draft());
}

/// The lock of a draft held elsewhere is tried once a second for the first minute, then
/// every ten seconds: a session left open all day does not knock on a shared mount.
#[test]
fn the_lock_is_tried_less_often_after_the_first_minute() {
    let mut wait = super::held::DraftWait::default();
    let start = Instant::now();
    let at = |secs: f64| start + Duration::from_secs_f64(secs);
    assert!(wait.lock_due(at(0.0)));
    assert!(!wait.lock_due(at(0.5)));
    assert!(wait.lock_due(at(1.0)));
    assert!(wait.lock_due(at(59.5)));
    assert!(!wait.lock_due(at(60.5)), "within a second still");
    assert!(!wait.lock_due(at(65.0)), "ten seconds now");
    assert!(wait.lock_due(at(69.5)));
    assert!(!wait.lock_due(at(78.0)));
    assert!(wait.lock_due(at(79.5)));
}
