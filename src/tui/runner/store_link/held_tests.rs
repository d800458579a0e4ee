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
fn second(desk: &Desk) -> (App, StoreLink) {
    session_in(desk, Lang::En)
}

/// [`second`] in `lang`.
fn session_in(desk: &Desk, lang: Lang) -> (App, StoreLink) {
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

fn draft_surname(desk: &Desk) -> Option<String> {
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
