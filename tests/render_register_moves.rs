//! An opened formulary and its moves at 80×24, drawn into ratatui's
//! TestBackend: what each history line recorded, what stays on screen after a move is
//! refused, and what the questions offer (the day screen is `render_day.rs`). The same on a real register
//! is in `src/tui/register_io/moves_tests.rs`.

mod render_support;

use chrono::{NaiveDate, NaiveDateTime};
use kense::domain::Lang;
use kense::domain::formulary::Formulary;
use kense::domain::lifecycle::{Conclusion, Event, Lifecycle, MoveKind, State, moves_from};
use kense::domain::lifecycle::{ReturnReason, VerificationGround};
use kense::store::Record;
use kense::tui::action::{Action, Tab};
use kense::tui::app::{App, Effect};
use kense::tui::keys::Context;
use kense::tui::screens::Screen;
use render_support::{NO_COLOR, form_app, render, text, type_text};
use tui_input::InputRequest;

fn on(day: u32, hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, day)
        .and_then(|d| d.and_hms_opt(hour, 0, 0))
        .unwrap_or_else(|| panic!("time"))
}

/// Formulary 2026-0000002 after `events`, one an hour from 20.11.2026 09:00.
fn record(events: Vec<Event>) -> Record {
    let mut lifecycle = Lifecycle::new();
    for (hour, event) in (9..).zip(events) {
        lifecycle
            .apply(event, "Айгүл", on(20, hour), None)
            .unwrap_or_else(|e| panic!("{e:?}"));
    }
    Record {
        number: "2026-0000002".into(),
        coupon: "8194641626".into(),
        registered_on: on(20, 9).date(),
        formulary: Formulary::example("18").unwrap_or_else(|| panic!("example")),
        lifecycle,
        documents: Vec::new(),
    }
}

/// The workstation on its Register tab with `record` opened.
fn opened(lang: Lang, record: Record) -> App {
    let mut app = form_app(lang, NO_COLOR, 80, 24);
    app.update(Action::ShowTab(Tab::Register));
    app.record(Ok(Some(record)));
    assert_eq!(app.context(), Context::Screen(Screen::Record));
    app
}

fn choose(app: &mut App, state: State, kind: MoveKind) -> Effect {
    let i = moves_from(state).iter().position(|k| *k == kind);
    let digit = i.and_then(|i| u8::try_from(i + 1).ok());
    app.update(Action::Choose(digit.unwrap_or_else(|| panic!("{kind:?}"))))
}

fn screen(app: &App) -> String {
    text(&render(app, 80, 24))
}

fn footer(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

fn verified_returned_and_resent() -> Vec<Event> {
    let conclusion = Conclusion {
        number: "5".into(),
        date: on(20, 10).date(),
    };
    vec![
        Event::Register,
        Event::StartVerification {
            ground: VerificationGround::Citizenship,
        },
        Event::Confirm { conclusion },
        Event::Send,
        Event::Return {
            reason: ReturnReason::PhotoMismatch,
        },
        Event::Resend {
            correction: "photo retaken".into(),
        },
    ]
}

/// Each history line shows what its move recorded (the M-16 ground and conclusion, the
/// M-40 reason, the correction, the coupon, the act, a reason), within 80 columns, and
/// the moves keep their place below.
#[test]
fn the_history_shows_what_each_move_recorded() {
    let mut app = opened(Lang::En, record(verified_returned_and_resent()));
    // The history closes the record: End scrolls to it, the moves stay below.
    app.update(Action::Select(kense::tui::action::Move::Last));
    let shown = screen(&app);
    for said in [
        "sent for manufacture → returned",
        "M-40: the photo does not match the database",
        "corrected: photo retaken",
        "conclusion No. 5 of 20.11.2026",
        "M-16: citizenship of the Republic of Kazakhstan is in doubt",
        "1 mark as manufactured",
        "2 return without manufacture",
    ] {
        assert!(shown.contains(said), "{said}:\n{shown}");
    }
    let mut app = opened(Lang::Ru, record(verified_returned_and_resent()));
    app.update(Action::Select(kense::tui::action::Move::Last));
    let shown = screen(&app);
    for said in [
        "заключение № 5 от 20.11.2026",
        "M-40: несоответствие фотоизображения имеющемуся в базе данных",
        "исправлено: photo retaken",
        // The longest ground, whole at 80 columns.
        "M-16: принадлежность к гражданству Республики Казахстан вызывает сомнения",
        "1 отметить изготовление",
    ] {
        assert!(shown.contains(said), "{said}:\n{shown}");
    }
    let issued = vec![
        Event::Register,
        Event::Send,
        Event::Manufacture,
        Event::Issue {
            coupon: "8194641626".into(),
        },
    ];
    let shown = screen(&opened(Lang::En, record(issued)));
    assert!(shown.contains("manufactured → issued"), "{shown}");
    assert!(shown.contains("· coupon 8194641626"), "{shown}");
    let destroyed = vec![
        Event::Register,
        Event::Cancel {
            reason: "the person withdrew".into(),
        },
        Event::Destroy {
            act_number: "17/2026".into(),
        },
    ];
    let mut app = opened(Lang::En, record(destroyed));
    app.update(Action::Select(kense::tui::action::Move::Last));
    let shown = screen(&app);
    assert!(shown.contains("act No. 17/2026"), "{shown}");
    assert!(shown.contains("reason: the person withdrew"), "{shown}");
}

/// A refusal shown over an open dialog stays through quiet moments, until a key.
#[test]
fn a_refusal_over_a_formulary_stays_until_a_key() {
    let mut app = opened(Lang::En, record(vec![Event::Register]));
    assert!(matches!(
        choose(&mut app, State::Registered, MoveKind::Send),
        Effect::Move { .. }
    ));
    app.moved(Err("the register is busy; try again".into()));
    assert_eq!(
        app.context(),
        Context::Screen(Screen::Record),
        "the formulary stays open"
    );
    for _ in 0..8 {
        assert_eq!(app.update(Action::Tick), Effect::None);
    }
    assert!(
        footer(&app).contains("the register is busy"),
        "{}",
        footer(&app)
    );
    // A key that does nothing here still clears it, and draws that.
    assert_eq!(app.update(Action::Choose(9)), Effect::Redraw);
    assert!(!screen(&app).contains("the register is busy"));
}

/// A refused move keeps its dialog with the typed text; Esc there goes back to the
/// formulary, not to the list.
#[test]
fn a_refused_move_keeps_its_dialog_and_esc_goes_back_to_the_formulary() {
    let manufactured = vec![Event::Register, Event::Send, Event::Manufacture];
    let mut app = opened(Lang::En, record(manufactured));
    choose(&mut app, State::Manufactured, MoveKind::Issue);
    type_text(&mut app, "1234567890");
    // Not this formulary's coupon: refused before anything more is asked (M-57).
    assert_eq!(app.update(Action::Confirm), Effect::Redraw);
    assert_eq!(app.context(), Context::MoveData);
    app.update(Action::Tick);
    let shown = screen(&app);
    assert!(shown.contains("1234567890"), "{shown}");
    assert!(shown.contains("Coupon: a typo in the number"), "{shown}");
    assert_eq!(app.update(Action::Back), Effect::Redraw);
    assert_eq!(app.context(), Context::Screen(Screen::Record));
    assert_eq!(app.update(Action::Back), Effect::Redraw);
    assert_eq!(app.context(), Context::Screen(Screen::Formularies));
}

/// A refusing conclusion (M-16) ends the formulary's course for good (under verification →
/// cancelled, then only destruction): it asks first and says so, y refuses, n goes back to
/// the formulary. The confirming conclusion, routine, is one key.
#[test]
fn a_refusal_asks_first_and_says_the_formulary_will_be_cancelled() {
    let verifying = || {
        record(vec![
            Event::Register,
            Event::StartVerification {
                ground: VerificationGround::Citizenship,
            },
        ])
    };
    let mut app = opened(Lang::En, verifying());
    let state = State::UnderVerification;
    assert_eq!(choose(&mut app, state, MoveKind::Refuse), Effect::Redraw);
    assert_eq!(app.context(), Context::RefuseQuestion);
    let shown = screen(&app);
    for said in [
        "(M-16)?",
        "The formulary will be",
        "cancelled for good",
        "(y",
        "yes,",
        "no)",
    ] {
        assert!(shown.contains(said), "{said}:\n{shown}");
    }
    let keys = footer(&app);
    assert!(keys.contains("y/д refuse"), "{keys}");
    // Enter is no yes here, a refusal cannot be undone: it maps to no action at all.
    let enter = ratatui::crossterm::event::Event::Key(ratatui::crossterm::event::KeyEvent::from(
        ratatui::crossterm::event::KeyCode::Enter,
    ));
    assert_eq!(kense::tui::keys::action_for(&enter, app.context()), None);
    assert!(keys.contains("n Esc back"), "{keys}");
    // n: back to the formulary, nothing moved.
    assert_eq!(app.update(Action::Back), Effect::Redraw);
    assert_eq!(app.context(), Context::Screen(Screen::Record));
    // y: the refusal, the journal giving its number; the formulary stays open under it.
    choose(&mut app, state, MoveKind::Refuse);
    match app.update(Action::Confirm) {
        Effect::Move { number, event } => {
            assert_eq!(number, "2026-0000002");
            assert!(matches!(*event, Event::Refuse { .. }), "{event:?}");
        }
        effect => panic!("{effect:?}"),
    }
    assert_eq!(app.context(), Context::Screen(Screen::Record));
    // In Russian the question says the same.
    let mut app = opened(Lang::Ru, verifying());
    choose(&mut app, state, MoveKind::Refuse);
    let shown = screen(&app);
    for said in [
        "Формуляр будет аннулирован",
        "(y/д",
        "да,",
        "n/н/Esc",
        "нет)",
    ] {
        assert!(shown.contains(said), "{said}:\n{shown}");
    }
    assert!(footer(&app).contains("y/д отказать"), "{}", footer(&app));
    // And in Kazakh, whole in the question's two lines.
    let mut app = opened(Lang::Kk, verifying());
    choose(&mut app, state, MoveKind::Refuse);
    let shown = screen(&app);
    for said in ["(y/и", "иә,", "n/ж/Esc", "жоқ)"] {
        assert!(shown.contains(said), "{said}:\n{shown}");
    }
    // The confirming conclusion asks the identification protocol (M-16, M-33); sending
    // is made at once.
    let mut app = opened(Lang::En, verifying());
    assert_eq!(choose(&mut app, state, MoveKind::Confirm), Effect::Redraw);
    assert_eq!(app.context(), Context::MoveData);
    assert!(matches!(
        app.update(Action::Confirm),
        Effect::MoveWith { .. }
    ));
    let mut app = opened(Lang::En, record(vec![Event::Register]));
    assert!(matches!(
        choose(&mut app, State::Registered, MoveKind::Send),
        Effect::Move { .. }
    ));
}

/// An M-40 reason longer than the dialog's row is wrapped whole, never cut mid-word, in
/// every language.
#[test]
fn a_return_reason_is_shown_whole_in_its_dialog() {
    use kense::domain::lifecycle::ReturnReason;
    for lang in [Lang::Ru, Lang::Kk, Lang::En] {
        let mut app = opened(lang, record(vec![Event::Register, Event::Send]));
        choose(&mut app, State::Sent, MoveKind::Return);
        for reason in ReturnReason::ALL {
            let shown = screen(&app);
            let text = reason.text().get(lang).to_string();
            let words: Vec<&str> = text.split_whitespace().collect();
            // Its first word after ◂, its last before ▸, and every word between: whole.
            let first = format!("◂\u{a0}{}", words.first().copied().unwrap_or_default());
            let last = format!("{}\u{a0}▸", words.last().copied().unwrap_or_default());
            assert!(
                shown.contains(&first) && shown.contains(&last),
                "{lang:?}: {text}\n{shown}"
            );
            for word in &words {
                assert!(shown.contains(word), "{lang:?}: {word}\n{shown}");
            }
            app.update(Action::Edit(InputRequest::GoToNextChar));
        }
    }
}
