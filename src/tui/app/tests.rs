//! The App's own order and its one clock.

use super::*;
use crate::tui::screens::formulary::spec::FieldId;
use chrono::NaiveDate;
use tui_input::InputRequest;

fn at(day: u32, hour: u32, minute: u32) -> Clock {
    let local = NaiveDate::from_ymd_opt(2026, 11, day)
        .and_then(|d| d.and_hms_opt(hour, minute, 0))
        .unwrap_or_else(|| panic!("a valid time"));
    Clock::at_office_time(chrono_tz::Asia::Almaty, local)
}

fn birth_date_problems(app: &App) -> Vec<&'static str> {
    app.form()
        .violations_of(FieldId::BirthDate)
        .map(|v| v.rule)
        .collect()
}

/// One clock for the session: a form left open past midnight validates against the day
/// it will be registered on, not the day the session started.
#[test]
fn a_form_open_past_midnight_validates_against_the_new_day() {
    let session = Session {
        clerk: "aigul".into(),
        clock: at(22, 23, 59),
    };
    let mut app = App::new(
        Lang::En,
        Theme { color: false },
        Rect::new(0, 0, 80, 24),
        session,
    );
    app.focus_field(FieldId::BirthDate);
    for c in "23.11.2026".chars() {
        app.update(Action::Edit(InputRequest::InsertChar(c)));
    }
    assert!(
        !birth_date_problems(&app).is_empty(),
        "born tomorrow is refused before midnight"
    );
    // Two minutes later, the next key.
    app.session.clock = at(23, 0, 1);
    app.update(Action::Edit(InputRequest::GoToEnd));
    assert_eq!(birth_date_problems(&app), Vec::<&str>::new());
}

/// The context is derived from the screen and the dialog, never kept beside them.
#[test]
fn the_context_follows_the_screen_and_the_dialog() {
    let session = Session {
        clerk: "aigul".into(),
        clock: at(22, 12, 0),
    };
    let mut app = App::new(
        Lang::En,
        Theme { color: false },
        Rect::new(0, 0, 80, 24),
        session,
    );
    for screen in Screen::ALL {
        app.show(screen);
        assert_eq!(app.context(), Context::Screen(screen));
        assert_eq!(app.tab(), screen.tab());
    }
    app.show(Screen::DsnList);
    app.update(Action::Help);
    assert_eq!(app.context(), Context::Help);
    app.update(Action::Back);
    assert_eq!(app.context(), Context::Screen(Screen::DsnList));
    // Each tab comes back to the screen it showed last.
    app.update(Action::ShowTab(Tab::NewFormulary));
    assert_eq!(app.screen(), Screen::DsnForm);
    app.update(Action::ShowTab(Tab::Register));
    assert_eq!(app.screen(), Screen::DsnList);
}
