//! The register's refusals and its absence, said in the clerk's language: the answers of
//! `StoreLink` as a whole rather than of one effect.

use super::*;
use crate::domain::Sex;
use crate::office::Clock;
use crate::store::{Clerk, Location};
use crate::tui::app::Session;
use crate::tui::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|frame| app.draw(frame))
        .unwrap_or_else(|e| panic!("{e}"));
    let buffer = terminal.backend().buffer();
    buffer.content().iter().map(|cell| cell.symbol()).collect()
}

/// A refusal of the register reads in the workstation's language, not in the
/// store's English (a closed day refusing a child's IIN, M-12.a).
#[test]
fn the_register_refuses_in_the_clerks_language() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let location = Location::create_if_missing(dir.path().join("register.sqlite"));
    let open = || {
        let clerk = Clerk::new("aigul").unwrap_or_else(|e| panic!("{e}"));
        Store::open(&location, clerk).unwrap_or_else(|e| panic!("{e}"))
    };
    let today = Clock::default().today();
    open().close_day(today).unwrap_or_else(|e| panic!("{e}"));
    let born = today - chrono::Days::new(30);
    for (lang, said) in [
        (Lang::Ru, "закрыт: его записи изменить нельзя"),
        (Lang::Kk, "күні жабық"),
        (Lang::En, "is closed: its records cannot be changed"),
    ] {
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
        let mut register = StoreLink::new(Ok(open()), lang, Clock::default());
        register.perform(&mut app, Effect::GenerateIin(born, Sex::Female));
        let shown = screen(&app);
        assert!(shown.contains(said), "{lang:?}: {shown}");
    }
}

/// Without a register, the workstation says why in its own language too.
#[test]
fn a_missing_register_is_explained_in_the_clerks_language() {
    let path = std::path::PathBuf::from("/nonexistent/kense/register.sqlite");
    let register = StoreLink::new(
        Err(StoreError::Missing { path }),
        Lang::Kk,
        Clock::default(),
    );
    let said = register.missing().map(|p| p.text).unwrap_or_default();
    assert!(said.contains("тізілімі табылмады"), "{said}");
}
