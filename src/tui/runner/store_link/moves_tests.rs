//! The Register tab's moves and the day's close carried out on a real register in a
//! temporary directory: what the clerk sees of them afterwards.

use super::*;
use crate::domain::Sex;
use crate::domain::formulary::Formulary;
use crate::domain::iin::Iin;
use crate::domain::lifecycle::{Event, State};
use crate::office::Clock;
use crate::store::{Clerk, Location};
use crate::tui::action::{Action, Tab};
use crate::tui::app::{Session, Status};
use crate::tui::dialogs::Dialog;
use crate::tui::keys::Context;
use crate::tui::screens::Screen;
use crate::tui::ui::theme::Theme;
use ratatui::layout::Rect;
use tui_input::InputRequest;

pub(super) fn screen(app: &App) -> String {
    let backend = ratatui::backend::TestBackend::new(80, 24);
    let mut terminal = ratatui::Terminal::new(backend).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|frame| app.draw(frame))
        .unwrap_or_else(|e| panic!("{e}"));
    let buffer = terminal.backend().buffer();
    buffer.content().iter().map(|cell| cell.symbol()).collect()
}

pub(super) struct Desk {
    pub(super) _dir: tempfile::TempDir,
    pub(super) location: Location,
    pub(super) app: App,
    pub(super) register: StoreLink,
}

pub(super) fn open(location: &Location) -> Store {
    let clerk = Clerk::new("aigul").unwrap_or_else(|e| panic!("{e}"));
    Store::open(location, clerk).unwrap_or_else(|e| panic!("{e}"))
}

impl Desk {
    /// An empty register and the workstation on it, in English, on its Register tab.
    pub(super) fn new() -> Self {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let location = Location::create_if_missing(dir.path().join("register.sqlite"));
        let register = StoreLink::new(Ok(open(&location)), Lang::En, Clock::default());
        let session = Session {
            clerk: "aigul".into(),
            clock: Clock::default(),
        };
        let app = App::new(
            Lang::En,
            Theme { color: false },
            Rect::new(0, 0, 80, 24),
            session,
        );
        Self {
            _dir: dir,
            location,
            app,
            register,
        }
    }

    /// Registers the example of code 18 for the person of IIN serial `serial`, by another
    /// handle on the register (as another clerk's kense would); its number and coupon.
    pub(super) fn registered(&self, serial: u16, moves: &[Event]) -> (String, String) {
        self.registered_as(open(&self.location), serial, moves)
    }

    /// [`Desk::registered`] by another head, "boris", so that this clerk may approve its
    /// conclusion (maker-checker, issue 12).
    pub(super) fn registered_by_another_head(&self, serial: u16, moves: &[Event]) -> String {
        let boris = Clerk::new("boris").unwrap_or_else(|e| panic!("{e}"));
        let mut mine = open(&self.location);
        let mut heads = mine.staff().unwrap_or_else(|e| panic!("{e}"));
        if heads.is_empty() {
            let aigul = Clerk::new("aigul").unwrap_or_else(|e| panic!("{e}"));
            mine.add_first_head(&aigul, "АЙГҮЛОВА А. А.")
                .unwrap_or_else(|e| panic!("{e}"));
            heads = mine.staff().unwrap_or_else(|e| panic!("{e}"));
        }
        if !heads.iter().any(|m| m.account == "boris") {
            mine.add_staff(&boris, "БОРИСОВ Б. Б.", crate::store::Role::Head)
                .unwrap_or_else(|e| panic!("{e}"));
        }
        let theirs = Store::open(&self.location, boris).unwrap_or_else(|e| panic!("{e}"));
        self.registered_as(theirs, serial, moves).0
    }

    fn registered_as(&self, mut store: Store, serial: u16, moves: &[Event]) -> (String, String) {
        let mut f = Formulary::example("18").unwrap_or_else(|| panic!("example"));
        let born = f.birth_date.unwrap_or_else(|| panic!("a birth date"));
        let sex = f.sex.unwrap_or(Sex::Male);
        let (iin, _) = Iin::next_after(born, sex, serial).unwrap_or_else(|| panic!("serial"));
        f.iin = Some(iin.as_str().to_string());
        let done = store
            .register_formulary(&f, Clock::default().today())
            .unwrap_or_else(|e| panic!("{e:?}"));
        for event in moves {
            store
                .move_formulary(
                    &done.number,
                    event.clone(),
                    None,
                    Clock::default().office_time(),
                )
                .unwrap_or_else(|e| panic!("{e:?}"));
        }
        (done.number, done.coupon)
    }

    /// The clerk's action, and what the runner does with its effect.
    pub(super) fn press(&mut self, action: Action) {
        let effect = self.app.update(action);
        self.register.perform(&mut self.app, effect);
    }

    pub(super) fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(Action::Edit(InputRequest::InsertChar(c)));
        }
    }

    /// The status line's text.
    pub(super) fn status(&self) -> String {
        match &self.app.status {
            Some(Status::Text(text)) => text.clone(),
            Some(Status::Msg(msg)) => crate::i18n::tr(Lang::En, *msg).to_string(),
            None => String::new(),
        }
    }

    fn listed_status(&self, number: &str) -> Option<State> {
        let rows = self.app.screens.formularies.rows();
        rows.iter().find(|r| r.number == number).map(|r| r.status)
    }

    /// Opens formulary `number` from the list (it is the newest, the first row).
    pub(super) fn open_first(&mut self, number: &str) {
        self.press(Action::ShowTab(Tab::Register));
        assert_eq!(self.app.screens.formularies.rows()[0].number, number);
        self.press(Action::Confirm);
        assert_eq!(self.app.context(), Context::Screen(Screen::Record));
    }

    /// The move `kind` of the opened formulary, by its digit.
    pub(super) fn choose(&mut self, kind: crate::domain::lifecycle::MoveKind) {
        let Some(record) = self.app.screens.record.record() else {
            panic!("a formulary is open");
        };
        let moves = crate::domain::lifecycle::moves_from(record.lifecycle.state());
        let i = moves.iter().position(|k| *k == kind);
        let digit = i.and_then(|i| u8::try_from(i + 1).ok());
        self.press(Action::Choose(digit.unwrap_or_else(|| panic!("{kind:?}"))));
    }

    /// The text typed in the open move dialog.
    fn typed(&self) -> Option<String> {
        match &self.app.dialog {
            Some(Dialog::MoveData { input, .. }) => Some(input.value().to_string()),
            _ => None,
        }
    }
}

/// The list behind an opened formulary shows the state a move left it in, not the one
/// the page was read with.
#[test]
fn a_move_reads_the_page_behind_the_formulary_again() {
    let mut desk = Desk::new();
    let (older, _) = desk.registered(1, &[]);
    let (newer, _) = desk.registered(2, &[]);
    desk.press(Action::ShowTab(Tab::Register));
    // The older formulary is the second row.
    desk.press(Action::Select(crate::tui::action::Move::Down));
    desk.press(Action::Confirm);
    assert_eq!(desk.app.context(), Context::Screen(Screen::Record));
    desk.choose(crate::domain::lifecycle::MoveKind::Send);
    assert_eq!(desk.status(), "Done");
    assert_eq!(desk.listed_status(&older), Some(State::Sent));
    assert_eq!(desk.listed_status(&newer), Some(State::Registered));
    // The same row stays chosen, and the formulary's own view is read again too.
    let chosen = desk
        .app
        .screens
        .formularies
        .selected()
        .map(|r| r.number.clone());
    assert_eq!(chosen.as_deref(), Some(older.as_str()));
    let Some(record) = desk.app.screens.record.record() else {
        panic!("the formulary stays open");
    };
    assert_eq!(record.lifecycle.state(), State::Sent);
}

/// Closing the day reads the page again: what the register holds now is listed.
#[test]
fn closing_the_day_reads_the_page_again() {
    let mut desk = Desk::new();
    desk.registered(1, &[]);
    desk.press(Action::ShowTab(Tab::Register));
    assert_eq!(desk.app.screens.formularies.rows().len(), 1);
    // Another clerk registers one meanwhile.
    let (theirs, _) = desk.registered(2, &[]);
    desk.press(Action::Day);
    desk.press(Action::CloseDay);
    assert_eq!(desk.app.context(), Context::CloseDayQuestion);
    // Enter alone does not close it: the day's date is typed.
    desk.press(Action::Confirm);
    assert_eq!(desk.app.context(), Context::CloseDayQuestion);
    let today = Clock::default().today().format("%d.%m.%Y").to_string();
    desk.type_text(&today);
    desk.press(Action::Confirm);
    assert_eq!(desk.app.context(), Context::ClosedDay);
    assert_eq!(desk.listed_status(&theirs), Some(State::Registered));
}

/// M-16: the clerk is told the number the journal of conclusions gave, and the date.
#[test]
fn a_conclusion_says_its_journal_number_and_date() {
    use crate::domain::lifecycle::MoveKind;
    let mut desk = Desk::new();
    let verify = Event::StartVerification {
        ground: crate::domain::lifecycle::VerificationGround::Citizenship,
    };
    let number = desk.registered_by_another_head(1, std::slice::from_ref(&verify));
    desk.open_first(&number);
    desk.choose(MoveKind::Confirm);
    // The identification protocol (M-16, M-33): a number and a date.
    let today = Clock::default().today().format("%d.%m.%Y").to_string();
    desk.type_text("17");
    desk.press(Action::Confirm);
    assert!(desk.status().contains("[M-16]"), "{}", desk.status());
    desk.type_text(&format!(" {today}"));
    desk.press(Action::Confirm);
    assert_eq!(
        desk.status(),
        format!("Conclusion No. 1 of {today} (journal, M-16): identity established")
    );
    // The next formulary's refusal takes the next number.
    let other = desk.registered_by_another_head(2, &[verify]);
    desk.press(Action::Back);
    desk.press(Action::ShowTab(Tab::CodeLookup));
    desk.open_first(&other);
    desk.choose(MoveKind::Refuse);
    // A refusal cancels the formulary for good: it asks first (y).
    assert_eq!(desk.app.context(), Context::RefuseQuestion);
    desk.press(Action::Confirm);
    assert_eq!(
        desk.status(),
        format!("Conclusion No. 2 of {today} (journal, M-16): documents refused")
    );
    // And the history shows it.
    let shown = screen(&desk.app);
    assert!(
        shown.contains(&format!("conclusion No. 2 of {today}")),
        "{shown}"
    );
}

/// M-57: an issue with a wrong coupon keeps the dialog and what was typed, and says which
/// field and which rule; a coupon whose check digit is wrong is called a typo. Corrected,
/// the issue goes through.
#[test]
fn a_refused_issue_keeps_the_typed_coupon_and_says_why() {
    use crate::domain::lifecycle::MoveKind;
    let mut desk = Desk::new();
    let (_, someone_elses) = desk.registered(1, &[]);
    let (number, coupon) = desk.registered(2, &[Event::Send, Event::Manufacture]);
    desk.open_first(&number);
    desk.choose(MoveKind::Issue);
    // A slip of one digit: the check digit no longer fits.
    let last = coupon
        .chars()
        .last()
        .and_then(|c| c.to_digit(10))
        .unwrap_or(0);
    let typo = format!("{}{}", &coupon[..9], (last + 1) % 10);
    desk.type_text(&typo);
    desk.press(Action::Confirm);
    assert_eq!(desk.app.context(), Context::MoveData);
    assert_eq!(desk.typed().as_deref(), Some(typo.as_str()));
    assert_eq!(
        desk.status(),
        "Coupon: a typo in the number: the check digit does not match [M-57]"
    );
    // A real coupon, of another formulary.
    for _ in 0..10 {
        desk.press(Action::Edit(InputRequest::DeletePrevChar));
    }
    desk.type_text(&someone_elses);
    desk.press(Action::Confirm);
    assert_eq!(desk.app.context(), Context::MoveData);
    assert_eq!(
        desk.status(),
        format!("Coupon: the coupon number is not the one of formulary {number} [M-57]")
    );
    // Too short to be one.
    for _ in 0..5 {
        desk.press(Action::Edit(InputRequest::DeletePrevChar));
    }
    desk.press(Action::Confirm);
    assert_eq!(
        desk.status(),
        "Coupon: ten digits expected, as on the coupon [M-57]"
    );
    // Corrected, the document's own number is asked (M-57), and the issue is made.
    for _ in 0..5 {
        desk.press(Action::Edit(InputRequest::DeletePrevChar));
    }
    desk.type_text(&coupon);
    desk.press(Action::Confirm);
    assert_eq!(desk.app.context(), Context::MoveData);
    assert!(screen(&desk.app).contains("number of the document handed over"));
    desk.press(Action::Confirm);
    assert!(desk.status().contains("empty"), "{}", desk.status());
    desk.type_text("N12345678");
    desk.press(Action::Confirm);
    assert_eq!(desk.status(), "Done");
    assert_eq!(desk.app.context(), Context::Screen(Screen::Record));
    assert_eq!(desk.listed_status(&number), Some(State::Issued));
    let shown = screen(&desk.app);
    assert!(shown.contains(&format!("coupon {coupon}")), "{shown}");
}
