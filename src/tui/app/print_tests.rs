//! Issue 13 at the App: the print key offers the papers a formulary's state allows and no
//! others, the copies are one digit, and the effect carries what was chosen.

use super::*;
use crate::domain::lifecycle::{Conclusion, Event, Lifecycle, VerificationGround};
use crate::papers::{Delivery, PaperKind};
use crate::store::Record;
use crate::tui::action::Move;
use crate::tui::dialogs::print::PrintDialog;
use crate::tui::screens::formulary::Focus;
use crate::tui::screens::formulary::spec::FieldId;
use chrono::NaiveDate;
use std::path::PathBuf;

fn app() -> App {
    let local = NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .unwrap_or_else(|| panic!("a valid time"));
    let session = Session {
        clerk: "aigul".into(),
        clock: Clock::at_office_time(chrono_tz::Asia::Almaty, local),
    };
    App::new(
        Lang::En,
        Theme { color: false },
        Rect::new(0, 0, 80, 24),
        session,
    )
}

fn record(code: &str, events: &[Event]) -> Record {
    let formulary =
        crate::domain::formulary::Formulary::example(code).unwrap_or_else(|| panic!("{code}"));
    let at = NaiveDate::from_ymd_opt(2026, 11, 2)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap_or_else(|| panic!("a valid time"));
    let mut lifecycle = Lifecycle::new();
    for event in [Event::Register].iter().chain(events) {
        lifecycle
            .apply(event.clone(), "aigul", at, None)
            .unwrap_or_else(|e| panic!("{event:?}: {e:?}"));
    }
    Record {
        number: "2026-0000042".into(),
        coupon: "5053151782".into(),
        registered_on: at.date(),
        formulary,
        lifecycle,
        documents: Vec::new(),
    }
}

fn dialog(app: &App) -> Option<&PrintDialog> {
    match &app.dialog {
        Some(Dialog::Print(dialog)) => Some(dialog),
        _ => None,
    }
}

/// The papers the print key offers over the formulary, opened as the register answers.
fn offered(record: Record, iin_generated: bool) -> Vec<PaperKind> {
    let mut app = app();
    app.record(Ok(Some(record)));
    app.record_iin_generated(iin_generated);
    assert_eq!(app.screen(), Screen::Record);
    app.update(Action::Print);
    dialog(&app)
        .map(|d| d.papers().collect())
        .unwrap_or_default()
}

#[test]
fn the_print_key_offers_exactly_the_papers_the_state_allows() {
    use PaperKind::{Conclusion as Concl, Coupon, Formulary, Insert, NationalityCertificate};
    let conclusion = Conclusion {
        number: "7".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or_default(),
    };
    let verify = Event::StartVerification {
        ground: VerificationGround::Citizenship,
    };
    let made = [Event::Send, Event::Manufacture];
    let issued = [
        Event::Send,
        Event::Manufacture,
        Event::Issue {
            coupon: "5053151782".into(),
        },
    ];
    // M-56: the coupon while the document waits; M-12.b: the insert of a generated IIN.
    assert_eq!(offered(record("18", &[]), false), vec![Coupon]);
    assert_eq!(offered(record("18", &[]), true), vec![Coupon, Insert]);
    // M-57: the formulary signed at issue once made, and issued (the coupon is taken).
    assert_eq!(offered(record("18", &made), false), vec![Formulary, Coupon]);
    assert_eq!(offered(record("18", &issued), false), vec![Formulary]);
    // M-16: the conclusion once the verification ended in one.
    assert_eq!(
        offered(record("18", std::slice::from_ref(&verify)), false),
        vec![Coupon]
    );
    let confirmed = [verify, Event::Confirm { conclusion }];
    assert_eq!(
        offered(record("18", &confirmed), false),
        vec![Concl, Coupon]
    );
    // M-12.e: the certificate for code 08 only.
    assert_eq!(
        offered(record("08", &[]), false),
        vec![NationalityCertificate, Coupon]
    );
    // Cancelled: nothing to print, said, and no dialog; not the certificate of code 08
    // either, given when the formulary is drawn up (M-12.e).
    let cancel = Event::Cancel {
        reason: "отказ".into(),
    };
    assert_eq!(
        offered(record("08", std::slice::from_ref(&cancel)), false),
        vec![]
    );
    let mut app = app();
    app.record(Ok(Some(record("18", &[cancel]))));
    app.update(Action::Print);
    assert!(app.dialog.is_none());
    assert_eq!(
        app.status,
        Some(Status::Msg(Msg::Print(
            crate::i18n::print::PrintWord::NothingToPrint
        )))
    );
}

#[test]
fn copies_are_one_digit_and_the_effect_carries_the_choice() {
    let mut app = app();
    app.set_print_setup(PrintSetup {
        dir: PathBuf::from("/srv/papers"),
        queue: Some("front".into()),
        terminal: true,
    });
    let made = [Event::Send, Event::Manufacture];
    app.record(Ok(Some(record("18", &made))));
    app.update(Action::Print);
    // The office's queue is chosen first when it has one.
    let first = dialog(&app).and_then(PrintDialog::request);
    assert_eq!(
        first.map(|r| (r.kind, r.copies, r.delivery)),
        Some((
            PaperKind::Formulary,
            1,
            Delivery::Lp {
                queue: "front".into()
            }
        ))
    );
    // 0 and more than 9 are no number of copies; a digit is.
    for (n, copies) in [(0, 1), (10, 1), (7, 7), (12, 7), (9, 9), (3, 3)] {
        app.update(Action::Choose(n));
        let request = dialog(&app).and_then(PrintDialog::request);
        assert_eq!(request.map(|r| r.copies), Some(copies), "after {n}");
    }
    app.update(Action::Select(Move::Down));
    app.update(Action::Select(Move::Down));
    app.update(Action::Focus(Focus::Next));
    assert_eq!(
        app.update(Action::Confirm),
        Effect::Print(PrintRequest {
            kind: PaperKind::Coupon,
            subject: "2026-0000042".into(),
            copies: 3,
            delivery: Delivery::Terminal,
        })
    );
    assert!(
        app.dialog.is_none(),
        "the dialog closes as the print starts"
    );
    // A file is one copy, named by the paper and the time, never by its subject.
    app.update(Action::Print);
    app.update(Action::Choose(5));
    app.update(Action::Focus(Focus::Previous));
    let Effect::Print(request) = app.update(Action::Confirm) else {
        panic!("a print");
    };
    assert_eq!(request.copies, 1);
    assert_eq!(
        request.delivery,
        Delivery::Pdf(PathBuf::from(
            "/srv/papers/kense-formulary-20261122-120000.pdf"
        ))
    );
}

#[test]
fn without_a_queue_or_the_terminal_only_a_file_is_offered() {
    let mut app = app();
    app.record(Ok(Some(record("18", &[]))));
    app.update(Action::Print);
    assert_eq!(app.update(Action::Focus(Focus::Next)), Effect::None);
    let request = dialog(&app).and_then(PrintDialog::request);
    assert!(matches!(
        request.map(|r| r.delivery),
        Some(Delivery::Pdf(_))
    ));
    // Esc goes back, printing nothing.
    assert_eq!(app.update(Action::Back), Effect::Redraw);
    assert!(app.dialog.is_none());
}

/// After Ctrl-S the coupon of the formulary registered; after Ctrl-G the insert of the
/// IIN taken (M-12.b), also once that formulary is registered.
#[test]
fn the_new_formulary_offers_its_coupon_and_the_insert_of_a_generated_iin() {
    let mut app = app();
    app.update(Action::Print);
    assert!(app.dialog.is_none(), "nothing registered or generated yet");
    app.generated(Ok("261101500012".into()));
    assert_eq!(app.form().value(FieldId::Iin), "261101500012");
    app.update(Action::Print);
    let offered: Vec<PaperKind> = dialog(&app)
        .map(|d| d.papers().collect())
        .unwrap_or_default();
    assert_eq!(offered, vec![PaperKind::Insert]);
    let Effect::Print(request) = app.update(Action::Confirm) else {
        panic!("a print");
    };
    assert_eq!(request.subject, "261101500012");
    app.registered(Ok(("2026-0000007".into(), "5053151782".into())));
    app.update(Action::Print);
    let offered: Vec<PaperKind> = dialog(&app)
        .map(|d| d.papers().collect())
        .unwrap_or_default();
    assert_eq!(offered, vec![PaperKind::Coupon, PaperKind::Insert]);
    app.update(Action::Back);
    // The next formulary started: neither is offered any more.
    app.focus_field(FieldId::Surname);
    app.update(Action::Edit(tui_input::InputRequest::InsertChar('А')));
    app.update(Action::Print);
    assert!(app.dialog.is_none());
}

#[test]
fn ctrl_z_is_the_print_key_where_there_are_papers_and_digits_are_copies() {
    use crate::tui::keys::action_for;
    use ratatui::crossterm::event::{Event as Term, KeyCode, KeyEvent, KeyModifiers};
    let key = |mods, code| Term::Key(KeyEvent::new(code, mods));
    let ctrl_z = key(KeyModifiers::CONTROL, KeyCode::Char('z'));
    for context in [
        Context::Screen(Screen::Record),
        Context::Screen(Screen::DsnList),
        Context::Screen(Screen::Journal),
        Context::Screen(Screen::DsnApplication),
        Context::Screen(Screen::Formulary),
        Context::Day,
        Context::ClosedDay,
    ] {
        assert_eq!(
            action_for(&ctrl_z, context),
            Some(Action::Print),
            "{context:?}"
        );
    }
    assert_eq!(
        action_for(&ctrl_z, Context::Screen(Screen::Correction)),
        None
    );
    let seven = key(KeyModifiers::NONE, KeyCode::Char('7'));
    assert_eq!(action_for(&seven, Context::Print), Some(Action::Choose(7)));
    let tab = key(KeyModifiers::NONE, KeyCode::Tab);
    assert_eq!(
        action_for(&tab, Context::Print),
        Some(Action::Focus(Focus::Next))
    );
    // The footer over an opened formulary lists the print key.
    assert!(
        crate::tui::keys::visible(Context::Screen(Screen::Record))
            .any(|b| b.action == Action::Print && b.in_footer)
    );
}

/// The day screen offers the day's register report, of the day shown.
#[test]
fn the_day_screen_offers_the_days_report() {
    let mut app = app();
    let date = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default();
    assert_eq!(app.screens.day.open(date), Effect::Day(date));
    app.go(Screen::Day);
    assert_eq!(app.context(), Context::Day);
    app.update(Action::Print);
    assert_eq!(app.context(), Context::Print);
    let Effect::Print(request) = app.update(Action::Confirm) else {
        panic!("a print");
    };
    assert_eq!(
        (request.kind, request.subject.as_str()),
        (PaperKind::Day, "2026-11-20")
    );
}

/// The dialog at 80×24: the papers, the one chosen, the copies, where it goes.
#[test]
fn the_dialog_shows_the_papers_the_copies_and_where_in_the_clerks_language() {
    let mut app = app();
    app.lang = Lang::Kk;
    app.set_print_setup(PrintSetup {
        dir: PathBuf::from("/srv/papers"),
        queue: Some("front".into()),
        terminal: false,
    });
    let made = [Event::Send, Event::Manufacture];
    app.record(Ok(Some(record("18", &made))));
    app.update(Action::Print);
    app.update(Action::Choose(2));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))
        .unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|frame| app.draw(frame))
        .unwrap_or_else(|e| panic!("{e}"));
    let shown: String = terminal
        .backend()
        .buffer()
        .content()
        .chunks(80)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n")
        .collect();
    for expected in [
        "Басып шығару",
        "▸ Беру кезінде қол қоюға арналған формуляр (57-т.)",
        "Тіркеу талоны (56-т.)",
        "Дана: 2",
        "Қайда: басып шығару кезегі front",
        "[Tab 2/2]",
    ] {
        assert!(shown.contains(expected), "{expected:?} not in\n{shown}");
    }
}
