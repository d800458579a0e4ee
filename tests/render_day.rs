//! The day screen, the close question and the work queue at 80×24 on a real demo register
//! (issue 12), drawn into ratatui's TestBackend: a busy day scrolls to its last row and
//! nothing is cut; Sunday, a day without records, still says which earlier days are open.
//! Snapshots keep the text; the queue's colours are asserted in
//! `src/tui/runner/store_link/day_tests.rs` on the buffer.

mod render_support;

use chrono::NaiveDate;
use kense::domain::Lang;
use kense::store::{Clerk, DemoOptions, Location, Store};
use kense::tui::action::{Action, Move, Tab};
use kense::tui::app::App;
use kense::tui::keys::Context;
use kense::tui::runner::StoreLink;
use kense::tui::screens::Screen;
use render_support::{NO_COLOR, form_app, render, session, text};

/// A demo register of 400 formularies registered up to Friday 20.11.2026 17:00, and the
/// workstation on it (its clock: Sunday 22.11.2026 noon), on the day screen.
fn desk(lang: Lang) -> (tempfile::TempDir, App, StoreLink) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let location = Location::create_if_missing(dir.path().join("register.sqlite"));
    let clerk = Clerk::new("aigul.zh").unwrap_or_else(|e| panic!("{e}"));
    let mut store = Store::open(&location, clerk).unwrap_or_else(|e| panic!("{e}"));
    let now = NaiveDate::from_ymd_opt(2026, 11, 20)
        .and_then(|d| d.and_hms_opt(17, 0, 0))
        .unwrap_or_else(|| panic!("time"));
    store
        .fill_demo(&DemoOptions {
            count: 400,
            seed: 1,
            now,
            days: 5,
            force: false,
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let mut app = form_app(lang, NO_COLOR, 80, 24);
    let mut link = StoreLink::new(Ok(store), lang, session().clock);
    link.begin(&mut app);
    press(&mut app, &mut link, Action::ShowTab(Tab::Register));
    press(&mut app, &mut link, Action::Day);
    (dir, app, link)
}

fn press(app: &mut App, link: &mut StoreLink, action: Action) {
    let effect = app.update(action);
    link.perform(app, effect);
}

fn screen(app: &App) -> String {
    text(&render(app, 80, 24))
}

/// Every row of the screen, the frame's included, within 80 columns and not cut with "…".
fn nothing_cut(shown: &str) {
    for row in shown.lines() {
        assert!(!row.contains('…'), "cut: {row}\n{shown}");
    }
}

#[test]
fn sunday_says_which_earlier_days_are_still_open() {
    let (_dir, app, _link) = desk(Lang::En);
    assert_eq!(app.screen(), Screen::Day);
    let shown = screen(&app);
    assert!(shown.contains("Day 22.11.2026"), "{shown}");
    assert!(shown.contains("still open:"), "{shown}");
    assert!(shown.contains("20.11.2026"), "{shown}");
    nothing_cut(&shown);
    insta::assert_snapshot!("day_sunday_en", shown);
}

/// A working day: its accounting at the top, then its rows; PgDn to the end shows the last
/// move, the position in the frame's bottom border.
#[test]
fn a_busy_day_scrolls_to_its_last_row() {
    for lang in [Lang::Ru, Lang::Kk, Lang::En] {
        let (_dir, mut app, mut link) = desk(lang);
        press(&mut app, &mut link, Action::Earlier);
        press(&mut app, &mut link, Action::Earlier);
        let Some(read) = app_day(&app) else {
            panic!("a day read")
        };
        assert_eq!(read.review.summary.date.to_string(), "2026-11-20");
        assert!(read.review.balance.reconciled);
        let top = screen(&app);
        nothing_cut(&top);
        if lang == Lang::Ru {
            insta::assert_snapshot!("day_busy_top_ru", top);
        }
        // Down to the end: the last move of the day shows.
        for _ in 0..200 {
            press(&mut app, &mut link, Action::Select(Move::PageDown));
        }
        let bottom = screen(&app);
        nothing_cut(&bottom);
        let last = read.review.moves.last().map(|m| m.number.clone());
        let last = last.unwrap_or_else(|| read.review.summary.formularies[0].number.clone());
        assert!(bottom.contains(&last), "{lang:?}: {last}\n{bottom}");
        if lang == Lang::Kk {
            insta::assert_snapshot!("day_busy_bottom_kk", bottom);
        }
    }
}

fn app_day(app: &App) -> Option<kense::tui::screens::day::DayRead> {
    app.day_read().cloned()
}

/// The close question on an open day, answered by the typed date.
#[test]
fn the_close_question_shows_what_is_sealed() {
    let (_dir, mut app, mut link) = desk(Lang::En);
    press(&mut app, &mut link, Action::Earlier);
    press(&mut app, &mut link, Action::Earlier);
    press(&mut app, &mut link, Action::CloseDay);
    assert_eq!(app.context(), Context::CloseDayQuestion);
    let shown = screen(&app);
    assert!(shown.contains("Closing 20.11.2026"), "{shown}");
    assert!(shown.contains("Workstations open: aigul.zh"), "{shown}");
    insta::assert_snapshot!("day_close_question_en", shown);
}

/// The work queue at 80×24, overdue first, with due dates and rules.
#[test]
fn the_work_queue_at_80_by_24() {
    let (_dir, mut app, mut link) = desk(Lang::Ru);
    press(&mut app, &mut link, Action::Queue);
    assert_eq!(app.screen(), Screen::Queue);
    let shown = screen(&app);
    assert!(shown.contains("Очередь работ"), "{shown}");
    nothing_cut(&shown);
    insta::assert_snapshot!("queue_ru", shown);
}

/// The day screen's help lists every key of it, whole, at 80×24, in every language.
#[test]
fn the_day_screens_help_lists_every_key() {
    for lang in [Lang::Ru, Lang::Kk, Lang::En] {
        let (_dir, mut app, mut link) = desk(lang);
        press(&mut app, &mut link, Action::Help);
        let shown = screen(&app);
        let close = kense::i18n::tr(lang, kense::i18n::Msg::HelpClose);
        for said in [
            "Ctrl-K",
            "← [ → ]",
            "Enter",
            "Esc",
            "c ",
            "s ",
            "t ",
            "o ",
            "Alt-4",
            close,
        ] {
            assert!(shown.contains(said), "{lang:?} {said}:\n{shown}");
        }
        nothing_cut(&shown);
    }
}
