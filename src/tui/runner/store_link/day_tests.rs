//! Issue 12 on a real register in a temporary directory: the day screen (any day, its rows
//! openable, filtered, read again when another clerk writes), closing a day (a head only,
//! with what it seals, days in order), the work queue and its overdue count, and an
//! account that is not staff working read-only.

use super::moves_tests::{Desk, open, screen};
use super::*;
use crate::domain::Sex;
use crate::domain::formulary::Formulary;
use crate::domain::iin::Iin;
use crate::domain::lifecycle::{Event, VerificationGround};
use crate::store::{Clerk, Role};
use crate::tui::action::{Action, Move, Tab};
use crate::tui::app::Access;
use crate::tui::dialogs::Dialog;
use crate::tui::keys::Context;
use crate::tui::screens::Screen;
use chrono::{Days, NaiveDate};

fn today() -> NaiveDate {
    Clock::default().today()
}

/// Registers the example of code 18 (IIN serial `serial`) on `date` by `store`'s clerk.
fn register_on(store: &mut Store, serial: u16, date: NaiveDate) -> String {
    let mut f = Formulary::example("18").unwrap_or_else(|| panic!("example"));
    let born = f.birth_date.unwrap_or_else(|| panic!("a birth date"));
    let (iin, _) = Iin::next_after(born, f.sex.unwrap_or(Sex::Male), serial)
        .unwrap_or_else(|| panic!("serial"));
    f.iin = Some(iin.as_str().to_string());
    let done = store
        .register_formulary(&f, date)
        .unwrap_or_else(|e| panic!("{e:?}"));
    done.number
}

fn at(date: NaiveDate, hour: u32) -> chrono::NaiveDateTime {
    date.and_hms_opt(hour, 0, 0)
        .unwrap_or_else(|| panic!("time"))
}

/// A store of the same register as `account`, made staff first (`role`) unless it is none.
fn as_account(desk: &Desk, account: &str, role: Option<Role>) -> Store {
    let mut head = open(&desk.location);
    let clerk = Clerk::new(account).unwrap_or_else(|e| panic!("{e}"));
    if let Some(role) = role {
        // The first write made aigul the first head.
        register_on(&mut head, 90, today());
        head.add_staff(&clerk, "СОТРУДНИК С. С.", role)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    Store::open(&desk.location, clerk).unwrap_or_else(|e| panic!("{e}"))
}

fn drawn(app: &App) -> ratatui::buffer::Buffer {
    let backend = ratatui::backend::TestBackend::new(80, 24);
    let mut terminal = ratatui::Terminal::new(backend).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|frame| app.draw(frame))
        .unwrap_or_else(|e| panic!("{e}"));
    terminal.backend().buffer().clone()
}

fn day_shown(desk: &Desk) -> Option<NaiveDate> {
    desk.app.screens.day.read().map(|r| r.review.summary.date)
}

/// Opens on today and says which earlier day is still open; lists the day's formularies
/// (who, when, the number) and the day's moves on older ones; filters by clerk; opens a row
/// (Esc comes back to the day); goes back and forth by day, never past today.
#[test]
fn the_day_screen_shows_any_day_and_opens_its_rows() {
    let mut desk = Desk::new();
    let yesterday = today() - Days::new(1);
    let mut aigul = open(&desk.location);
    let older = register_on(&mut aigul, 1, yesterday);
    let mine = register_on(&mut aigul, 2, today());
    let theirs = desk.registered_by_another_head(3, &[]);
    aigul
        .move_formulary(&older, Event::Send, None, Clock::default().office_time())
        .unwrap_or_else(|e| panic!("{e:?}"));
    desk.press(Action::ShowTab(Tab::Register));
    desk.press(Action::Day);
    assert_eq!(desk.app.screen(), Screen::Day);
    assert_eq!(day_shown(&desk), Some(today()));
    let review = &desk
        .app
        .screens
        .day
        .read()
        .unwrap_or_else(|| panic!("read"))
        .review;
    assert!(review.balance.reconciled, "{:?}", review.balance);
    let shown = screen(&desk.app);
    let still_open = format!("still open: {}", yesterday.format("%d.%m.%Y"));
    for said in [
        &still_open,
        &mine,
        &theirs,
        &older,
        "boris",
        "send for manufacture",
    ] {
        assert!(shown.contains(said), "{said}:\n{shown}");
    }
    // By clerk: aigul, boris, then everyone again.
    desk.press(Action::FilterClerk);
    let shown = screen(&desk.app);
    assert!(shown.contains(&mine) && !shown.contains(&theirs), "{shown}");
    desk.press(Action::FilterClerk);
    let shown = screen(&desk.app);
    assert!(!shown.contains(&mine) && shown.contains(&theirs), "{shown}");
    desk.press(Action::FilterClerk);
    // Enter opens the chosen row, the first; Esc comes back to the day.
    desk.press(Action::Confirm);
    assert_eq!(desk.app.screen(), Screen::Record);
    assert_eq!(desk.app.screens.record.number(), Some(mine.as_str()));
    desk.press(Action::Back);
    assert_eq!(desk.app.screen(), Screen::Day);
    // Back and forth by day; no day after today.
    desk.press(Action::Earlier);
    assert_eq!(day_shown(&desk), Some(yesterday));
    assert!(screen(&desk.app).contains(&older));
    desk.press(Action::Later);
    assert_eq!(day_shown(&desk), Some(today()));
    assert_eq!(desk.app.update(Action::Later), Effect::None);
    desk.press(Action::OldestOpenDay);
    assert_eq!(day_shown(&desk), Some(yesterday));
}

/// Another clerk's write is seen on a quiet tick: the day is read again, and said; the
/// clerk's own write is read again without a word.
#[test]
fn the_day_screen_is_read_again_when_another_clerk_writes() {
    let mut desk = Desk::new();
    desk.registered(1, &[]);
    desk.register.begin(&mut desk.app);
    desk.press(Action::ShowTab(Tab::Register));
    desk.press(Action::Day);
    assert!(!desk.register.quiet(&mut desk.app), "nothing changed");
    let theirs = desk.registered_by_another_head(2, &[]);
    assert!(!screen(&desk.app).contains(&theirs));
    desk.register.watch.checked = None;
    assert!(desk.register.quiet(&mut desk.app));
    assert!(screen(&desk.app).contains(&theirs));
    assert_eq!(
        desk.status(),
        "Read again: another clerk changed the register"
    );
    desk.press(Action::Select(Move::Down));
    let (mine, _) = desk.registered(3, &[]);
    desk.register.watch.checked = None;
    assert!(desk.register.quiet(&mut desk.app));
    assert!(screen(&desk.app).contains(&mine));
    assert_eq!(desk.status(), "");
}

/// Closing: the question shows what is sealed (drafts, workstations open) and takes the
/// typed date; a day after an earlier open day is refused with the register's reason.
#[test]
fn a_head_is_asked_with_what_is_sealed_and_days_close_in_order() {
    let mut desk = Desk::new();
    let yesterday = today() - Days::new(1);
    let mut aigul = open(&desk.location);
    register_on(&mut aigul, 1, yesterday);
    register_on(&mut aigul, 2, today());
    desk.register.begin(&mut desk.app);
    assert_eq!(desk.app.access(), &Access::Staff { head: true });
    let mut boris = as_account(&desk, "boris", Some(Role::Clerk));
    boris
        .save_draft(&Formulary::example("18").unwrap_or_else(|| panic!("example")))
        .unwrap_or_else(|e| panic!("{e}"));
    boris.session_seen(4242).unwrap_or_else(|e| panic!("{e}"));
    desk.press(Action::ShowTab(Tab::Register));
    desk.press(Action::Day);
    desk.press(Action::CloseDay);
    assert_eq!(desk.app.context(), Context::CloseDayQuestion);
    let shown = screen(&desk.app);
    for said in [
        "Drafts held by: boris",
        "Workstations open: aigul, boris",
        "Type the day's",
    ] {
        assert!(shown.contains(said), "{said}:\n{shown}");
    }
    // Enter alone closes nothing; the day's date does, here refused: yesterday is open.
    desk.press(Action::Confirm);
    assert_eq!(desk.app.context(), Context::CloseDayQuestion);
    desk.type_text(&today().format("%d.%m.%Y").to_string());
    desk.press(Action::Confirm);
    assert!(
        desk.status().contains("which is still open"),
        "{}",
        desk.status()
    );
    assert_eq!(desk.app.context(), Context::Day, "not closed");
    // Yesterday first, then today.
    desk.press(Action::OldestOpenDay);
    desk.press(Action::CloseDay);
    desk.type_text(&yesterday.format("%d.%m.%Y").to_string());
    desk.press(Action::Confirm);
    assert_eq!(desk.app.context(), Context::ClosedDay);
    desk.register.end();
    assert!(
        open(&desk.location)
            .open_sessions()
            .unwrap_or_else(|e| panic!("{e}"))
            .iter()
            .all(|s| s.pid != std::process::id()),
        "the workstation's session ends with it"
    );
}

/// A clerk who is not a head is told so before any question (K-HEAD).
#[test]
fn a_clerk_who_is_not_a_head_is_told_before_any_question() {
    let mut desk = Desk::new();
    let carol = as_account(&desk, "carol", Some(Role::Clerk));
    desk.register = StoreLink::new(Ok(carol), Lang::En, Clock::default());
    desk.register.begin(&mut desk.app);
    assert_eq!(desk.app.access(), &Access::Staff { head: false });
    desk.press(Action::ShowTab(Tab::Register));
    desk.press(Action::Day);
    desk.press(Action::CloseDay);
    assert!(desk.app.dialog.is_none());
    assert!(desk.status().contains("head"), "{}", desk.status());
}

/// An account that is not staff opens read-only, said; a save, a move, a close say why
/// instead of failing; nothing is kept as a draft.
#[test]
fn an_account_that_is_not_staff_works_read_only() {
    let mut desk = Desk::new();
    let number = desk.registered(1, &[]);
    let dave = as_account(&desk, "dave", None);
    desk.register = StoreLink::new(Ok(dave), Lang::En, Clock::default());
    desk.register.begin(&mut desk.app);
    assert!(matches!(desk.app.access(), Access::ReadOnly(_)));
    assert!(
        desk.status().starts_with("Read-only: "),
        "{}",
        desk.status()
    );
    assert!(desk.status().contains("dave"), "{}", desk.status());
    let why = desk.status();
    // The form: Ctrl-S says why; nothing typed is saved as a draft.
    desk.type_text("А");
    assert_eq!(desk.app.update(Action::Tick), Effect::None);
    desk.press(Action::Save);
    assert_eq!(desk.status(), why);
    // A move on an opened formulary.
    desk.open_first(&number.0);
    desk.press(Action::Choose(1));
    assert_eq!(desk.status(), why);
    assert!(desk.app.dialog.is_none());
    // Closing the day.
    desk.press(Action::Back);
    desk.press(Action::Day);
    desk.press(Action::CloseDay);
    assert_eq!(desk.status(), why);
    assert!(!matches!(desk.app.dialog, Some(Dialog::CloseDay { .. })));
}

/// The work queue: overdue first, highlighted in red on the buffer, due dates and rules;
/// the tab bar counts the overdue; Enter opens a formulary.
#[test]
fn the_work_queue_lists_the_overdue_first_in_red() {
    let mut desk = Desk::new();
    let long_ago = today() - Days::new(30);
    let mut aigul = open(&desk.location);
    let late = register_on(&mut aigul, 1, long_ago);
    let verify = Event::StartVerification {
        ground: VerificationGround::Citizenship,
    };
    aigul
        .move_formulary(&late, verify, None, at(long_ago + Days::new(1), 9))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let recent = register_on(&mut aigul, 2, today());
    aigul
        .move_formulary(
            &recent,
            Event::StartVerification {
                ground: VerificationGround::Citizenship,
            },
            None,
            Clock::default().office_time(),
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
    desk.register.begin(&mut desk.app);
    assert_eq!(desk.app.overdue(), Some(1));
    desk.app.theme = crate::tui::ui::theme::Theme { color: true };
    desk.press(Action::Queue);
    assert_eq!(desk.app.screen(), Screen::Queue);
    let items = desk.app.screens.queue.items();
    assert_eq!(
        items.first().map(|i| (i.subject.as_str(), i.overdue)),
        Some((late.as_str(), true))
    );
    let buffer = drawn(&desk.app);
    let row = |number: &str| {
        (0..buffer.area.height)
            .find(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, *y)].symbol())
                    .collect::<String>()
                    .contains(number)
            })
            .unwrap_or_else(|| panic!("{number} listed"))
    };
    let (late_row, recent_row) = (row(&late), row(&recent));
    assert!(late_row < recent_row, "overdue first");
    let due = (0..buffer.area.width)
        .map(|x| buffer[(x, late_row)].symbol())
        .collect::<String>();
    assert!(due.contains("M-16") && due.contains('!'), "{due}");
    // The first row is chosen (its own colours); the overdue one under it is red.
    desk.press(Action::Select(Move::Down));
    desk.press(Action::Select(Move::Up));
    let buffer = drawn(&desk.app);
    let first_x = 2;
    assert_eq!(
        buffer[(first_x, late_row)].bg,
        ratatui::style::Color::Cyan,
        "chosen"
    );
    desk.press(Action::Select(Move::Down));
    let buffer = drawn(&desk.app);
    assert_eq!(
        buffer[(first_x, late_row)].fg,
        ratatui::style::Color::Red,
        "overdue"
    );
    assert_ne!(buffer[(first_x, recent_row)].fg, ratatui::style::Color::Red);
    let tab = (0..buffer.area.width)
        .map(|x| buffer[(x, 0)].symbol())
        .collect::<String>();
    assert!(tab.contains("4 Queue: 1 overdue"), "{tab}");
    desk.press(Action::Confirm);
    assert_eq!(desk.app.screen(), Screen::Record);
    assert_eq!(desk.app.screens.record.number(), Some(recent.as_str()));
    desk.press(Action::Back);
    assert_eq!(desk.app.screen(), Screen::Queue);
    // Shown from the New tab, Esc goes back there.
    desk.press(Action::Back);
    assert_eq!(desk.app.screen(), Screen::Formulary);
}
