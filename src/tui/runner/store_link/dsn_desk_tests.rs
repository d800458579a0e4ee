//! Issue 11, the DSN desk on a real register in a temporary directory, with the session's
//! clock fixed: an application opened from the DSN list and its result handed over (D-6),
//! refused on a Sunday; a taxpayer added (D-7 (1)); the DSN form's unit picked and the
//! taxpayer's name filled from the register, asked once per BIN; Code lookup naming a
//! decoded code's subject and product, asked once per code.

use super::moves_tests::{open, screen};
use super::*;
use crate::domain::dsn::{Application, CodeValue, ProductRow};
use crate::store::Location;
use crate::store::dsn::ListFilter;
use crate::tui::action::{Action, Tab};
use crate::tui::app::{Session, Status};
use crate::tui::dialogs::Dialog;
use crate::tui::keys::Context;
use crate::tui::screens::Screen;
use crate::tui::screens::formulary::Focus;
use crate::tui::ui::theme::Theme;
use chrono::NaiveDate;
use ratatui::layout::Rect;
use tui_input::InputRequest;

const BIN: &str = "040540000123";

/// November 2026 at `hour`:00 in the office (Almaty): the 27th a Friday, the 29th a Sunday.
fn clock(day: u32, hour: u32) -> Clock {
    let local = NaiveDate::from_ymd_opt(2026, 11, day)
        .and_then(|d| d.and_hms_opt(hour, 0, 0))
        .unwrap_or_else(|| panic!("a valid time"));
    Clock::at_office_time(chrono_tz::Asia::Almaty, local)
}

struct Desk {
    _dir: tempfile::TempDir,
    location: Location,
    app: App,
    register: StoreLink,
}

impl Desk {
    /// An empty register and the workstation on it, in English, on day `day` of November.
    fn on(day: u32) -> Self {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let location = Location::create_if_missing(dir.path().join("register.sqlite"));
        Self::at(dir, location, day)
    }

    /// The workstation on day `day` of November, on the same register (another session).
    fn later(self, day: u32) -> Self {
        Self::at(self._dir, self.location, day)
    }

    fn at(dir: tempfile::TempDir, location: Location, day: u32) -> Self {
        let clock = clock(day, 11);
        let store = open(&location).with_clock(clock);
        let session = Session {
            clerk: "aigul".into(),
            clock,
        };
        let size = Rect::new(0, 0, 80, 24);
        Self {
            _dir: dir,
            location,
            app: App::new(Lang::En, Theme { color: false }, size, session),
            register: StoreLink::new(Ok(store), Lang::En, clock),
        }
    }

    /// Presses `action`, carrying out the effect as the event loop does; the effect.
    fn press(&mut self, action: Action) -> Effect {
        let effect = self.app.update(action);
        self.register.perform(&mut self.app, effect.clone());
        effect
    }

    fn type_text(&mut self, text: &str) -> Vec<Effect> {
        text.chars()
            .map(|c| self.press(Action::Edit(InputRequest::InsertChar(c))))
            .collect()
    }

    fn status(&self) -> String {
        match &self.app.status {
            Some(Status::Text(text)) => text.clone(),
            Some(Status::Msg(msg)) => crate::i18n::tr(Lang::En, *msg).to_string(),
            None => String::new(),
        }
    }

    /// Adds the taxpayer of [`BIN`] and files an application for one product through
    /// the runner, as the DSN form's Ctrl-S does.
    fn filed(&mut self) {
        let taxpayer = crate::store::dsn::Taxpayer {
            tin: crate::domain::dsn::TaxpayerId::parse(BIN).unwrap_or_else(|e| panic!("{e}")),
            name: "ТОО Мұнай".into(),
            activity: Some(crate::store::dsn::Activity::Producer),
            place: Some("Атырау".into()),
        };
        self.register
            .perform(&mut self.app, Effect::DsnAddTaxpayer(Box::new(taxpayer)));
        let application = Application {
            taxpayer: "ТОО Мұнай".into(),
            bin: BIN.into(),
            subject_type: "producer".into(),
            country: CodeValue::Text("3".into()),
            unit: CodeValue::Text("053".into()),
            products: vec![ProductRow {
                product_type: CodeValue::Text("1".into()),
                name: "АИ-92".into(),
                spec: "СТ РК 1501-2006".into(),
            }],
        };
        self.register
            .perform(&mut self.app, Effect::DsnApply(Box::new(application)));
        assert!(
            self.status().contains("3-053-0001-1-001"),
            "{}",
            self.status()
        );
    }

    /// The Register tab switched to the DSN applications, read from the register.
    fn dsn_list(&mut self) {
        self.press(Action::ShowTab(Tab::Register));
        assert_eq!(self.press(Action::OtherList), Effect::DsnList);
    }

    fn handed_over_on(&self) -> Option<NaiveDate> {
        let today = clock(30, 11).today();
        let list = open(&self.location)
            .dsn_list(&ListFilter::default(), today)
            .unwrap_or_else(|e| panic!("{e}"));
        list.first().and_then(|a| a.handed_over_on)
    }
}

/// D-6: filed on Friday the 20th, due the next working day; on Wednesday the 25th it is
/// overdue in the list; opened, it shows the applicant, the code and that it was not handed
/// over; Ctrl-O and y hand it over, and the list and the application say so.
#[test]
fn an_overdue_application_is_opened_and_handed_over() {
    let mut desk = Desk::on(20);
    desk.filed();
    let mut desk = desk.later(25);
    desk.dsn_list();
    let shown = screen(&desk.app);
    assert!(shown.contains("! overdue 23.11.2026"), "{shown}");
    assert_eq!(desk.press(Action::Confirm), Effect::DsnOpen(1));
    assert_eq!(desk.app.context(), Context::Screen(Screen::DsnApplication));
    let shown = screen(&desk.app);
    for expected in [
        "DSN code application No. 1",
        "ТОО Мұнай",
        BIN,
        "Атырау қаласы",
        "3-053-0001-1-001",
        "not handed over",
        "overdue",
    ] {
        assert!(shown.contains(expected), "{expected}: {shown}");
    }
    assert!(matches!(desk.press(Action::HandOver), Effect::Redraw));
    assert_eq!(desk.app.context(), Context::AskQuestion);
    assert_eq!(desk.press(Action::Confirm), Effect::DsnHandOver(1));
    assert!(
        desk.status().contains("handed over on 25.11.2026"),
        "{}",
        desk.status()
    );
    assert_eq!(desk.handed_over_on(), NaiveDate::from_ymd_opt(2026, 11, 25));
    // The application read again shows its hand-over and the month it is kept (D-6).
    let shown = screen(&desk.app);
    assert!(shown.contains("Kept until"), "{shown}");
    assert!(!shown.contains("not handed over"), "{shown}");
    desk.press(Action::Back);
    let shown = screen(&desk.app);
    assert!(shown.contains("✓ handed 25.11.2026"), "{shown}");
}

/// D-6, D-App2: the front office works Monday to Saturday: a hand-over on a Sunday is
/// refused with the register's own message, and nothing is recorded.
#[test]
fn a_hand_over_on_a_sunday_is_refused() {
    let mut desk = Desk::on(27);
    desk.filed();
    let mut desk = desk.later(29);
    desk.dsn_list();
    desk.press(Action::HandOver);
    assert_eq!(desk.app.context(), Context::AskQuestion);
    assert_eq!(desk.press(Action::Confirm), Effect::DsnHandOver(1));
    assert!(
        desk.status().contains("Sunday or holiday"),
        "{}",
        desk.status()
    );
    assert_eq!(desk.handed_over_on(), None);
    // n or Esc over the question records nothing either.
    let mut desk = desk.later(30);
    desk.dsn_list();
    desk.press(Action::HandOver);
    desk.press(Action::Back);
    assert_eq!(desk.handed_over_on(), None);
}

/// D-7 (1): a taxpayer added from the DSN list; each problem names its field and rule,
/// and a number already in the register is said over what was typed.
#[test]
fn a_taxpayer_is_added_with_its_activity_and_place() {
    let mut desk = Desk::on(23);
    desk.dsn_list();
    desk.press(Action::AddTaxpayer);
    assert_eq!(desk.app.context(), Context::Taxpayer);
    desk.type_text("040540000124");
    assert_eq!(desk.press(Action::Save), Effect::Redraw);
    let shown = screen(&desk.app);
    assert!(shown.contains("BIN / IIN: BIN:"), "{shown}");
    assert!(shown.contains("[D-4]"), "{shown}");
    desk.press(Action::Edit(InputRequest::DeletePrevChar));
    desk.type_text("3");
    desk.press(Action::Focus(Focus::Next));
    desk.type_text("ТОО Жанар");
    desk.press(Action::Save);
    let shown = screen(&desk.app);
    assert!(shown.contains("Activity (art. 88): choose"), "{shown}");
    assert!(shown.contains("[D-7 (1)]"), "{shown}");
    // Saved refused: the focus is on the activity; i chooses the importer.
    desk.type_text("i");
    desk.press(Action::Focus(Focus::Next));
    desk.type_text("Алматы");
    assert!(matches!(
        desk.press(Action::Save),
        Effect::DsnAddTaxpayer(_)
    ));
    assert_eq!(desk.app.context(), Context::Screen(Screen::DsnList));
    assert!(desk.status().contains("added"), "{}", desk.status());
    let known = open(&desk.location)
        .dsn_taxpayer(BIN)
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the taxpayer is in the register"));
    assert_eq!(known.name, "ТОО Жанар");
    assert_eq!(known.activity.as_deref(), Some("importer"));
    // The same number again: refused, the dialog stays with what was typed.
    desk.press(Action::AddTaxpayer);
    desk.type_text(BIN);
    desk.press(Action::Focus(Focus::Next));
    desk.type_text("ТОО Другое");
    desk.press(Action::Focus(Focus::Next));
    desk.type_text("p");
    desk.press(Action::Focus(Focus::Next));
    desk.type_text("Астана");
    desk.press(Action::Save);
    assert_eq!(desk.app.context(), Context::Taxpayer);
    let shown = screen(&desk.app);
    assert!(shown.contains("already in the register"), "{shown}");
    assert!(shown.contains("ТОО Другое"), "{shown}");
}

/// The DSN form asks the register about a BIN once, when it becomes valid, fills the
/// name and says so; the unit is picked from its directory.
#[test]
fn the_dsn_form_fills_the_name_from_a_known_bin_and_picks_the_unit() {
    let mut desk = Desk::on(23);
    desk.filed();
    desk.press(Action::ShowTab(Tab::NewFormulary));
    desk.press(Action::OtherForm);
    desk.press(Action::Focus(Focus::Next));
    let effects = desk.type_text(BIN);
    let asked: Vec<&Effect> = effects
        .iter()
        .filter(|e| matches!(e, Effect::DsnTaxpayer(_)))
        .collect();
    assert_eq!(asked, [&Effect::DsnTaxpayer(BIN.into())], "asked once");
    assert_eq!(
        desk.app.screens.dsn_form.application().taxpayer,
        "ТОО Мұнай"
    );
    assert_eq!(
        desk.app.screens.dsn_form.application().subject_type,
        "producer",
        "the registered activity"
    );
    assert!(desk.status().contains("filled from"), "{}", desk.status());
    assert!(screen(&desk.app).contains("from the register"));
    // Moving the cursor in the same BIN asks nothing again.
    let again = desk.press(Action::Edit(InputRequest::GoToStart));
    assert!(!matches!(again, Effect::DsnTaxpayer(_)));
    // The unit's picker: Ctrl-L on the unit, a name typed, Enter.
    for _ in 0..3 {
        desk.press(Action::Focus(Focus::Next));
    }
    desk.press(Action::Pick);
    assert_eq!(desk.app.context(), Context::Picker);
    assert!(matches!(desk.app.dialog, Some(Dialog::DsnPicker { .. })));
    desk.type_text("атырау");
    desk.press(Action::Confirm);
    assert_eq!(desk.app.context(), Context::Screen(Screen::DsnForm));
    let unit = desk.app.screens.dsn_form.application().unit;
    assert_eq!(unit, CodeValue::Text("053".into()));
    // A BIN the register does not know: said, with the way to add it.
    let mut desk = Desk::on(23);
    desk.press(Action::OtherForm);
    desk.press(Action::Focus(Focus::Next));
    desk.type_text(BIN);
    assert!(
        desk.status().contains("not in the taxpayer register"),
        "{}",
        desk.status()
    );
}

/// Code lookup: a code typed as printed asks the register once for its names, and the
/// pane names the taxpayer and the product.
#[test]
fn code_lookup_names_the_subject_and_product_of_a_decoded_code() {
    let mut desk = Desk::on(23);
    desk.filed();
    desk.press(Action::ShowTab(Tab::CodeLookup));
    let effects = desk.type_text("3-053-0001-1-001");
    let asked = effects
        .iter()
        .filter(|e| matches!(e, Effect::DsnCodeNames(_)))
        .count();
    assert_eq!(asked, 1, "{effects:?}");
    let shown = screen(&desk.app);
    assert!(shown.contains("ТОО Мұнай"), "{shown}");
    assert!(shown.contains("АИ-92"), "{shown}");
}

/// Without a register, the key that decoded a code or completed a BIN is still drawn, and
/// nothing is said of names the register could not give.
#[test]
fn without_a_register_the_lookups_still_redraw_and_say_nothing() {
    let path = std::path::PathBuf::from("/nonexistent/kense/register.sqlite");
    let clock = clock(23, 11);
    let mut register = StoreLink::new(Err(StoreError::Missing { path }), Lang::En, clock);
    let session = Session {
        clerk: "aigul".into(),
        clock,
    };
    let size = Rect::new(0, 0, 80, 24);
    let mut app = App::new(Lang::En, Theme { color: false }, size, session);
    let code = crate::domain::dsn::decode("305300011001").map(|d| d.code);
    let code = code.unwrap_or_else(|e| panic!("{e}"));
    for effect in [Effect::DsnCodeNames(code), Effect::DsnTaxpayer(BIN.into())] {
        assert!(matches!(register.perform(&mut app, effect), Next::Redraw));
        assert_eq!(app.status, None);
    }
}
