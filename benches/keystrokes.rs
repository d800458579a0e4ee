//! Keystrokes a clerk needs for one formulary (issue 11): a first-time and a repeat
//! applicant of filling codes 00, 01 and 18, typed into the real workstation (`App`, its
//! key table and the runner's register link, in process, on a register in a temporary
//! directory) by the minimal sequence a clerk who knows the form would press. A count,
//! not a time: it is the same on every machine.
//!
//! The data are `Formulary::example(code)` (the domain's valid example of each code). The
//! clerk types the document, the filling code, region, district and the IIN (which types
//! the birth date and sex, and for a known person fills the rest from the register), then
//! goes by Ctrl-P from one field with an error to the next and makes it as the example has
//! it (a line cleared by Ctrl-U when it holds something else, a choice turned with →);
//! optional fields the rules do not ask are left empty. Ctrl-S registers.
//! A repeat applicant is a person the register knows: the same example registered before
//! and issued (M-57), so the IIN fills the person from it. Each is counted twice: region
//! and district typed, and set as the office's own (the settings' `[office] region`,
//! `district`), which a new formulary starts with (Tab passes them).
//!
//! `cargo bench --bench keystrokes`

use kense::domain::Lang;
use kense::domain::formulary::{Formulary, Severity};
use kense::domain::lifecycle::Event;
use kense::office::Clock;
use kense::store::{Clerk, Location, Store};
use kense::tui::app::{App, Session};
use kense::tui::keys::action_for;
use kense::tui::runner::StoreLink;
use kense::tui::screens::formulary::convert::is_choice;
use kense::tui::screens::formulary::spec::{FIELDS, FieldId, Group};
use kense::tui::screens::formulary::{FormTab, OfficeCodes};
use kense::tui::ui::theme::Theme;
use ratatui::crossterm::event::{Event as Term, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use std::process::ExitCode;

struct Desk {
    app: App,
    link: StoreLink,
    keystrokes: usize,
}

impl Desk {
    fn press(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        self.keystrokes += 1;
        let event = Term::Key(KeyEvent::new(code, modifiers));
        if let Some(action) = action_for(&event, self.app.context()) {
            let effect = self.app.update(action);
            self.link.perform(&mut self.app, effect);
        }
    }

    fn key(&mut self, code: KeyCode) {
        self.press(code, KeyModifiers::NONE);
    }

    fn ctrl(&mut self, c: char) {
        self.press(KeyCode::Char(c), KeyModifiers::CONTROL);
    }

    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    /// Makes field `id` (focused) read `value`: a choice turned with →, a line cleared
    /// (Ctrl-U) when it holds something else, then typed.
    fn set(&mut self, id: FieldId, value: &str) -> Result<(), String> {
        if is_choice(id) {
            for _ in 0..16 {
                if self.app.form().value(id) == value {
                    break;
                }
                self.key(KeyCode::Right);
            }
        } else if self.app.form().value(id) != value {
            if !self.app.form().value(id).is_empty() {
                self.ctrl('u');
            }
            self.type_text(value);
        }
        match self.app.form().value(id) == value {
            true => Ok(()),
            false => Err(format!("{id:?} cannot be made {value:?}")),
        }
    }

    /// Tab or Shift-Tab to field `id`.
    fn go_to(&mut self, id: FieldId) -> Result<(), String> {
        let at = |desk: &Desk| {
            let focused = desk.app.form().focused();
            FIELDS.iter().position(|f| f.id == focused)
        };
        let target = FIELDS.iter().position(|f| f.id == id);
        for _ in 0..FIELDS.len() {
            match (at(self), target) {
                (Some(here), Some(there)) if here < there => self.key(KeyCode::Tab),
                (Some(here), Some(there)) if here > there => self.key(KeyCode::BackTab),
                _ => break,
            }
        }
        match self.app.form().focused() == id {
            true => Ok(()),
            false => Err(format!("{id:?} cannot be reached")),
        }
    }

    fn any_error(&self) -> bool {
        let form = self.app.form();
        form.report().open().any(|v| v.severity == Severity::Error)
    }

    fn has_error(&self, id: FieldId) -> bool {
        self.app
            .form()
            .violations_of(id)
            .any(|v| v.severity == Severity::Error)
    }
}

fn open(location: &Location) -> Result<Store, String> {
    let clerk = Clerk::new("bench").map_err(|e| e.to_string())?;
    Store::open(location, clerk).map_err(|e| e.to_string())
}

/// The person of `target` known to the register: registered before and issued (M-57).
fn known_before(location: &Location, target: &Formulary) -> Result<(), String> {
    let mut store = open(location)?;
    let today = Clock::default().today();
    let done = store
        .register_formulary(target, today)
        .map_err(|e| format!("{e:?}"))?;
    let at = Clock::default().office_time();
    for event in [
        Event::Send,
        Event::Manufacture,
        Event::Issue {
            coupon: done.coupon.clone(),
        },
    ] {
        store
            .move_formulary(&done.number, event, None, at)
            .map_err(|e| format!("{e:?}"))?;
    }
    Ok(())
}

/// The keystrokes for `code`, the person new to the register or known to it, with or
/// without the office's region and district set as the defaults of a new formulary.
fn count(code: &str, repeat: bool, office: bool) -> Result<usize, String> {
    let target = Formulary::example(code).ok_or(format!("no example for {code}"))?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let location = Location::create_if_missing(dir.path().join("register.sqlite"));
    if repeat {
        known_before(&location, &target)?;
    }
    // A fixed day: the examples' ages and terms (and so the keys a form needs) do not
    // change with the day the bench is run.
    let noon = chrono::NaiveDate::from_ymd_opt(2026, 12, 6)
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .ok_or("a valid date")?;
    let clock = Clock::at_office_time(chrono_tz::Asia::Almaty, noon);
    let session = Session {
        clerk: "bench".into(),
        clock,
    };
    let mut app = App::new(
        Lang::En,
        Theme { color: false },
        Rect::new(0, 0, 80, 24),
        session,
    );
    if office {
        app.set_office_codes(OfficeCodes {
            region: target.region_code.clone(),
            district: target.district_code.clone(),
        });
    }
    let link = StoreLink::new(Ok(open(&location)?), Lang::En, clock);
    let mut desk = Desk {
        app,
        link,
        keystrokes: 0,
    };
    let want = FormTab::from_formulary(&target, "bench", clock.today());
    // The document and its codes, then the IIN (which types the birth date and sex, and for
    // a known person fills the rest from the register).
    let top = [
        FieldId::Document,
        FieldId::FillingCode,
        FieldId::RegionCode,
        FieldId::DistrictCode,
        FieldId::Iin,
    ];
    for (i, id) in top.into_iter().enumerate() {
        if i > 0 {
            desk.key(KeyCode::Tab);
        }
        if desk.app.form().focused() != id {
            return Err(format!("{code}: Tab did not reach {id:?}"));
        }
        desk.set(id, want.value(id))?;
    }
    // Then every field with an error, by Ctrl-P, made as the example has it (a choice the
    // example leaves open: turned until its error goes).
    for _ in 0..FIELDS.len() {
        if !desk.any_error() {
            break;
        }
        desk.ctrl('p');
        let here = desk.app.form().focused();
        let value = want.value(here);
        if desk.app.form().value(here) != value && !value.is_empty() {
            desk.set(here, value)?;
        } else if is_choice(here) {
            for _ in 0..16 {
                if !desk.has_error(here) {
                    break;
                }
                desk.key(KeyCode::Right);
            }
        }
        if desk.has_error(here) {
            return Err(format!("{code}: {here:?} keeps an error"));
        }
    }
    // A rule of the reverse side names no field Ctrl-P can go to (M-12.c: the parent's
    // document): the clerk fills the reverse side as the example has it.
    if !desk.app.form().report().is_accepted() {
        for spec in FIELDS.iter().filter(|f| f.group == Group::ReverseSide) {
            let value = want.value(spec.id);
            if !value.is_empty() && desk.app.form().value(spec.id) != value {
                desk.go_to(spec.id)?;
                desk.set(spec.id, value)?;
            }
        }
    }
    desk.ctrl('s');
    match desk.app.form().banner() {
        Some(_) => Ok(desk.keystrokes),
        None => Err(format!(
            "{code}: not registered; open: {:?}",
            desk.app
                .form()
                .report()
                .open()
                .map(|v| (v.rule, v.field.clone()))
                .collect::<Vec<_>>()
        )),
    }
}

fn main() -> ExitCode {
    println!("keystrokes for one formulary, 80×24 (issue 11)");
    println!("                    first-time        repeat (IIN prefill)");
    println!("code  office codes:   typed  default    typed  default");
    let mut failed = false;
    for code in ["00", "01", "18"] {
        let counts = [(false, false), (false, true), (true, false), (true, true)]
            .map(|(repeat, office)| count(code, repeat, office));
        let shown = counts.each_ref().map(|r| match r {
            Ok(n) => n.to_string(),
            Err(e) => {
                eprintln!("{e}");
                "failed".to_string()
            }
        });
        let [a, b, c, d] = shown;
        println!("{code}                {a:>7}  {b:>7}    {c:>5}  {d:>7}");
        failed |= counts.iter().any(Result::is_err);
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
