//! Issue 11: the same clerk in two sessions on a real register. The second is told which
//! session holds the draft and since when, reads it or takes a fresh form, and never
//! overwrites it; once the first ends, the next session holds the draft again.

use super::moves_tests::{Desk, open, screen};
use super::*;
use crate::tui::action::{Action, Tab};
use crate::tui::app::Session;
use crate::tui::keys::Context;
use crate::tui::screens::formulary::spec::FieldId;
use crate::tui::ui::theme::Theme;
use ratatui::layout::Rect;
use tui_input::InputRequest;

/// Another session of the same clerk on `desk`'s register, its draft restored as at start.
pub(super) fn second(desk: &Desk) -> (App, StoreLink) {
    session_in(desk, Lang::En)
}

/// [`second`] in `lang`.
pub(super) fn session_in(desk: &Desk, lang: Lang) -> (App, StoreLink) {
    let mut link = StoreLink::new(Ok(open(&desk.location)), lang, Clock::default());
    let session = Session {
        clerk: "aigul".into(),
        clock: Clock::default(),
    };
    let mut app = App::new(
        lang,
        Theme { color: false },
        Rect::new(0, 0, 80, 24),
        session,
    );
    link.restore_draft(&mut app);
    (app, link)
}

pub(super) fn draft_surname(desk: &Desk) -> Option<String> {
    let draft = open(&desk.location).load_draft().ok().flatten();
    draft.and_then(|d| d.surname)
}

#[test]
fn a_second_session_is_told_who_holds_the_draft_and_never_overwrites_it() {
    let mut desk = Desk::new();
    desk.register.restore_draft(&mut desk.app);
    desk.press(Action::ShowTab(Tab::NewFormulary));
    desk.app.focus_field(FieldId::Surname);
    desk.type_text("Ахметова");
    desk.press(Action::Tick);
    assert_eq!(draft_surname(&desk).as_deref(), Some("Ахметова"));

    let (mut app, mut link) = second(&desk);
    assert_eq!(app.context(), Context::DraftHeld);
    let shown = screen(&app);
    let since = Clock::default()
        .office_time()
        .format("%d.%m.%Y")
        .to_string();
    let pid = format!("pid {}", std::process::id());
    for said in [
        "Your draft is open in another session",
        pid.as_str(),
        since.as_str(),
    ] {
        assert!(shown.contains(said), "{said}: {shown}");
    }
    // r: the draft read only; what would change it is refused with a word.
    app.update(Action::Back);
    assert!(app.form().value(FieldId::Surname).contains("Ахметова"));
    app.update(Action::Edit(InputRequest::InsertChar('X')));
    assert!(screen(&app).contains("Read only"), "{}", screen(&app));
    assert_eq!(app.form().value(FieldId::Surname), "Ахметова");
    assert_eq!(app.update(Action::Tick), crate::tui::app::Effect::None);

    // n (Ctrl-X here): a fresh form, kept by no draft.
    app.update(Action::NewFormulary);
    app.focus_field(FieldId::Surname);
    for c in "Бекова".chars() {
        let effect = app.update(Action::Edit(InputRequest::InsertChar(c)));
        link.perform(&mut app, effect);
    }
    assert_eq!(app.form().value(FieldId::Surname), "Бекова");
    let effect = app.update(Action::Tick);
    assert_eq!(effect, crate::tui::app::Effect::None, "never saved over");
    assert_eq!(draft_surname(&desk).as_deref(), Some("Ахметова"));
    // Quitting says what is lost, not that a draft is kept.
    app.update(Action::Quit);
    assert_eq!(app.context(), Context::QuitLosingQuestion);
    assert!(screen(&app).contains("another session keeps the draft"));

    // The first session ends: the next one holds the draft and gets it back.
    desk.register = StoreLink::new(Ok(open(&desk.location)), Lang::En, Clock::default());
    let (app, _link) = second(&desk);
    assert_ne!(app.context(), Context::DraftHeld);
    assert!(app.holds_draft());
    assert_eq!(app.form().value(FieldId::Surname), "Ахметова");
}

/// The held draft's question is read whole at 80×24 in every language: the session and
/// its start are never cut off.
#[test]
fn the_held_drafts_question_is_whole_in_every_language() {
    let mut desk = Desk::new();
    desk.register.restore_draft(&mut desk.app);
    let pid = format!("pid {}", std::process::id());
    let since = Clock::default()
        .office_time()
        .format("%d.%m.%Y")
        .to_string();
    for (lang, said) in [
        (Lang::Ru, "Черновик открыт в другом сеансе"),
        (Lang::Kk, "Жоба басқа сеансте ашық"),
        (Lang::En, "Your draft is open in another session"),
    ] {
        let (app, _link) = session_in(&desk, lang);
        let shown = screen(&app);
        for part in [said, pid.as_str(), since.as_str(), "n ", "r "] {
            assert!(shown.contains(part), "{lang:?} {part}: {shown}");
        }
    }
}

/// A lock that cannot be taken at all (here a directory in its place; an NFS mount without
/// locks fails alike) leaves the session without a draft, said, rather than writing one
/// another session of the clerk may be filling.
#[test]
fn a_lock_that_cannot_be_taken_keeps_no_draft_and_says_so() {
    let mut desk = Desk::new();
    let register = desk._dir.path().join("register.sqlite");
    let lock = crate::store::draft_lock::lock_path(&register, "aigul");
    std::fs::create_dir(&lock).unwrap_or_else(|e| panic!("{e}"));
    desk.register.restore_draft(&mut desk.app);
    assert!(!desk.app.holds_draft());
    assert!(
        desk.status().contains("No draft is kept"),
        "{}",
        desk.status()
    );
    desk.press(Action::ShowTab(Tab::NewFormulary));
    desk.app.focus_field(FieldId::Surname);
    desk.type_text("Ахметова");
    desk.press(Action::Tick);
    assert_eq!(draft_surname(&desk), None, "no draft written");
}

/// Quiet ticks of `session` until it takes the draft over (it tries at most once a second):
/// `true` once it did, `false` when it had not after five seconds.
pub(super) fn taken_over(session: &mut (App, StoreLink)) -> bool {
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(5) {
        let (app, link) = session;
        if link.take_over_draft(app) {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    false
}

/// One more try of `session`, once the second since its last has passed.
pub(super) fn tried_again(session: &mut (App, StoreLink)) -> bool {
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let (app, link) = session;
    link.take_over_draft(app)
}

/// The first session of the clerk, its surname typed and kept as the draft.
pub(super) fn first_typing(surname: &str) -> Desk {
    let mut desk = Desk::new();
    desk.register.restore_draft(&mut desk.app);
    desk.press(Action::ShowTab(Tab::NewFormulary));
    desk.app.focus_field(FieldId::Surname);
    desk.type_text(surname);
    desk.press(Action::Tick);
    assert_eq!(draft_surname(&desk).as_deref(), Some(surname));
    desk
}

/// What the second session's quiet tick does, as the runner does it.
pub(super) fn quiet_tick(session: &mut (App, StoreLink)) {
    let (app, link) = session;
    let effect = app.update(Action::Tick);
    link.perform(app, effect);
}

/// The first session ends while the second shows its draft read only: on a quiet tick the
/// second holds the draft, read again from the register (with what the first typed last),
/// to edit; what it types is kept, and a third session is now the one told.
#[test]
fn when_the_first_session_ends_the_second_takes_the_draft_over() {
    let mut desk = first_typing("Ахметова");
    let mut second = second(&desk);
    second.0.update(Action::Back); // r: read only
    // While the first lives, a quiet tick changes nothing.
    assert!(!second.1.take_over_draft(&mut second.0));
    assert!(!second.0.holds_draft());
    // The first types on and saves, then ends.
    desk.type_text("-Серикова");
    desk.press(Action::Tick);
    desk.register = StoreLink::new(Ok(open(&desk.location)), Lang::En, Clock::default());
    assert!(taken_over(&mut second), "never taken over");
    let (app, link) = &mut second;
    assert!(app.holds_draft());
    assert_eq!(
        app.context(),
        Context::Screen(crate::tui::screens::Screen::Formulary)
    );
    assert_eq!(app.form().value(FieldId::Surname), "Ахметова-Серикова");
    let shown = screen(app);
    assert!(
        shown.contains("The other session has ended: the draft is yours now, to edit here"),
        "{shown}"
    );
    // Editable now, and kept.
    app.focus_field(FieldId::Surname);
    for c in "-Бекова".chars() {
        let effect = app.update(Action::Edit(InputRequest::InsertChar(c)));
        link.perform(app, effect);
    }
    assert!(!screen(app).contains("Read only"));
    quiet_tick(&mut second);
    assert_eq!(
        draft_surname(&desk).as_deref(),
        Some("Ахметова-Серикова-Бекова")
    );
    // Taken over once: nothing more on later ticks, and the next session is the one told.
    assert!(!second.1.take_over_draft(&mut second.0));
    let (third, _link) = session_in(&desk, Lang::En);
    assert_eq!(third.context(), Context::DraftHeld);
}

/// The clerk of the second session typing in a fresh form when the first ends: the form
/// is not replaced; the clerk is told (once) that the draft is free and how to open it,
/// and the first session's draft is not written over. Cleared with Ctrl-X, the form gets
/// the draft on the next quiet tick.
#[test]
fn a_fresh_form_typed_in_is_never_replaced_by_the_draft_taken_over() {
    let mut desk = first_typing("Ахметова");
    let mut second = session_in(&desk, Lang::Ru);
    let (app, link) = &mut second;
    app.update(Action::NewFormulary); // n: a fresh form
    app.focus_field(FieldId::Surname);
    for c in "Бекова".chars() {
        let effect = app.update(Action::Edit(InputRequest::InsertChar(c)));
        link.perform(app, effect);
    }
    desk.register = StoreLink::new(Ok(open(&desk.location)), Lang::En, Clock::default());
    assert!(taken_over(&mut second), "never said");
    let (app, _) = &second;
    assert_eq!(app.form().value(FieldId::Surname), "Бекова");
    assert!(!app.holds_draft());
    let shown = screen(app);
    for said in [
        "черновик свободен: зарегистрируйте или очистите эту",
        "и он откроется здесь на новой форме (Ctrl-X)",
    ] {
        assert!(shown.contains(said), "{said}: {shown}");
    }
    quiet_tick(&mut second);
    assert_eq!(draft_surname(&desk).as_deref(), Some("Ахметова"), "kept");
    // Said once.
    assert!(!tried_again(&mut second));
    // Ctrl-X, y: the form cleared; the draft comes on the next quiet tick.
    let (app, link) = &mut second;
    for action in [Action::NewFormulary, Action::Confirm] {
        let effect = app.update(action);
        link.perform(app, effect);
    }
    assert_eq!(
        draft_surname(&desk).as_deref(),
        Some("Ахметова"),
        "not discarded"
    );
    assert!(taken_over(&mut second));
    let (app, _) = &second;
    assert!(app.holds_draft());
    assert_eq!(app.form().value(FieldId::Surname), "Ахметова");
    assert!(screen(app).contains("Другой сеанс закрыт: черновик теперь ваш"));
}

/// The first session registered (or cleared) its entry before it ended, so no draft is
/// left: a copy shown read only gives way to a fresh form (never registered twice), and a
/// fresh form typed in becomes the draft, kept from then on.
#[test]
fn with_no_draft_left_a_read_copy_goes_and_what_was_typed_becomes_the_draft() {
    let mut desk = first_typing("Ахметова");
    let mut reading = session_in(&desk, Lang::Kk);
    reading.0.update(Action::Back); // r: read only
    let mut typing = second(&desk);
    typing.0.update(Action::NewFormulary);
    typing.0.focus_field(FieldId::Surname);
    for c in "Бекова".chars() {
        typing.0.update(Action::Edit(InputRequest::InsertChar(c)));
    }
    quiet_tick(&mut typing);
    open(&desk.location)
        .discard_draft()
        .unwrap_or_else(|e| panic!("{e}"));
    desk.register = StoreLink::new(Ok(open(&desk.location)), Lang::En, Clock::default());

    // The reading session is first: the copy it showed is gone with the draft.
    assert!(taken_over(&mut reading));
    assert!(reading.0.holds_draft());
    assert!(reading.0.form().is_blank(), "the copy read is not kept");
    assert!(screen(&reading.0).contains("Басқа сеанс жабылды: жоба енді осында сақталады"));
    assert!(!tried_again(&mut typing), "held by the reading session now");
    quiet_tick(&mut reading);
    assert_eq!(draft_surname(&desk), None);
    drop(reading);

    assert!(taken_over(&mut typing));
    assert!(typing.0.holds_draft());
    assert_eq!(typing.0.form().value(FieldId::Surname), "Бекова");
    assert!(screen(&typing.0).contains("your draft is kept here now"));
    quiet_tick(&mut typing);
    assert_eq!(draft_surname(&desk).as_deref(), Some("Бекова"));
}
