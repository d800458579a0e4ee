//! The journal of conclusions on the workstation (M-16, issue 14): Register → Ctrl-O shows
//! the year's conclusions from a real register, with the decision and the approving head;
//! Enter opens the formulary and Esc comes back; ← → go a year back and on.

mod common;
mod render_support;

use chrono::Datelike;
use common::{clerk_named, confirm_by_another_head, kense, me, on_one_day, register_in, tempdir};
use kense::domain::Lang;
use kense::domain::formulary::Formulary;
use kense::domain::lifecycle::{Event, VerificationGround};
use kense::office::Clock;
use kense::store::{Location, Store};
use kense::tui::action::{Action, Tab};
use kense::tui::app::{App, Effect, Session};
use kense::tui::keys::{Context, action_for};
use kense::tui::runner::StoreLink;
use kense::tui::screens::Screen;
use ratatui::crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use render_support::{NO_COLOR, render, text};
use std::path::Path;

/// A formulary of code 04 registered by this account and put under verification, then
/// confirmed with conclusion `conclusion` by head `other` (maker-checker); its number.
fn concluded(db: &Path, other: &str, conclusion: &str) -> String {
    let run = kense(db, &["formulary", "template", "--code", "04"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let mut formulary = Formulary::from_json(&run.stdout).unwrap_or_else(|e| panic!("{e:?}"));
    common::known_person_passes(&mut formulary);
    drop(common::second_head(db, other));
    let mut mine =
        Store::open(&Location::existing(db), clerk_named(&me())).unwrap_or_else(|e| panic!("{e}"));
    let now = Clock::new(chrono_tz::Asia::Almaty).office_time();
    let number = mine
        .register_formulary_at(&formulary, now)
        .unwrap_or_else(|e| panic!("{e}"))
        .number;
    let start = Event::StartVerification {
        ground: VerificationGround::Citizenship,
    };
    mine.move_formulary(&number, start, None, now)
        .unwrap_or_else(|e| panic!("{e}"));
    confirm_by_another_head(db, other, &number, conclusion);
    number
}

/// Carries out `effect` on the real register, as the runner does.
fn perform(link: &mut StoreLink, app: &mut App, effect: Effect) {
    link.perform(app, effect);
}

fn key(app: &App, code: KeyCode, modifiers: KeyModifiers) -> Action {
    let event = TermEvent::Key(KeyEvent::new(code, modifiers));
    action_for(&event, app.context()).unwrap_or_else(|| panic!("{code:?} does nothing"))
}

#[test]
fn m16_the_journal_of_conclusions_lists_the_year_and_opens_its_formularies() {
    on_one_day(|| {
        let dir = tempdir();
        let db = register_in(&dir);
        let number = concluded(&db, "approver", "7");
        let clock = Clock::new(chrono_tz::Asia::Almaty);
        let year = clock.today().year();
        let store = Store::open(&Location::existing(&db), clerk_named(&me()));
        let approver = store
            .as_ref()
            .map_err(|e| e.to_string())
            .and_then(|s| s.journal(Some(year)).map_err(|e| e.to_string()))
            .unwrap_or_else(|e| panic!("{e}"))
            .first()
            .and_then(|l| l.approver.clone())
            .unwrap_or_else(|| panic!("the approving head is recorded (M-16)"));
        let mut link = StoreLink::new(store, Lang::Ru, clock);
        let session = Session { clerk: me(), clock };
        let mut app = App::new(Lang::Ru, NO_COLOR, Rect::new(0, 0, 80, 24), session);
        let shown = app.update(Action::ShowTab(Tab::Register));
        perform(&mut link, &mut app, shown);

        let action = key(&app, KeyCode::Char('o'), KeyModifiers::CONTROL);
        assert_eq!(action, Action::Journal);
        let effect = app.update(action);
        assert_eq!(effect, Effect::Journal(year));
        perform(&mut link, &mut app, effect);
        assert_eq!(app.context(), Context::Screen(Screen::Journal));
        let screen = text(&render(&app, 80, 24));
        assert!(
            screen.contains(&format!("Журнал регистрации заключений за {year} год")),
            "{screen}"
        );
        let line = screen
            .lines()
            .find(|l| l.contains(&number))
            .unwrap_or_else(|| panic!("the conclusion's line: {screen}"));
        let today = clock.today().format("%d.%m.%Y").to_string();
        for part in ["1", "7", &today, "личность установлена", &approver] {
            assert!(line.contains(part), "{part:?} in {line:?}");
        }

        // Enter opens the formulary; Esc comes back to the journal, not the register.
        let effect = app.update(key(&app, KeyCode::Enter, KeyModifiers::NONE));
        assert_eq!(effect, Effect::Open(number.clone()));
        perform(&mut link, &mut app, effect);
        assert_eq!(app.context(), Context::Screen(Screen::Record));
        app.update(key(&app, KeyCode::Esc, KeyModifiers::NONE));
        assert_eq!(app.context(), Context::Screen(Screen::Journal));

        // A year back: that year's journal is empty, and says how to go on.
        let effect = app.update(key(&app, KeyCode::Left, KeyModifiers::NONE));
        assert_eq!(effect, Effect::Journal(year - 1));
        perform(&mut link, &mut app, effect);
        let screen = text(&render(&app, 80, 24));
        assert!(screen.contains(&format!("за {} год", year - 1)), "{screen}");
        assert!(
            screen.contains("В журнале за этот год нет заключений"),
            "{screen}"
        );
        assert!(!screen.contains(&number), "{screen}");
        let effect = app.update(key(&app, KeyCode::Right, KeyModifiers::NONE));
        assert_eq!(effect, Effect::Journal(year));

        // Esc from the journal goes back to the register's list.
        app.update(key(&app, KeyCode::Esc, KeyModifiers::NONE));
        assert_eq!(app.context(), Context::Screen(Screen::Formularies));
    });
}
