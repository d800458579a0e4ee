//! The workstation's state and how actions change it. Drawing is in `view.rs` and takes
//! `&App`: it cannot change state, so what is on screen is a function of the state. Work
//! that touches the world (the register, the clipboard) comes back as an [`Effect`] for the
//! runner to do, so this module stays testable without a terminal or a file.

use super::action::{Action, Tab};
pub use super::app_dialog::Dialog;
use super::form::spec::FieldId;
use super::form::{Focus, FormTab};
use super::i18n::Msg;
use super::keys::Context;
use super::lookup::LookupTab;
use super::register::RegisterTab;
use super::theme::Theme;
use crate::codes::Kind;
use crate::domain::Lang;
use crate::domain::formulary::Formulary;
use crate::domain::lifecycle::Event;
use crate::store::{Cursor, Query};
use chrono::NaiveDate;
use ratatui::layout::Rect;
use tui_input::{Input, InputRequest};

mod answers;
mod quit;

/// The smallest terminal the screens are laid out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Who works and on which day: the clerk recorded on every formulary, and "today" for
/// validation (no date after it) and the filled-on date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub clerk: String,
    pub today: NaiveDate,
}

/// What the runner must do after an action, beyond drawing again.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Nothing changed: send nothing to the terminal.
    None,
    /// Draw the new state.
    Redraw,
    /// Put this text on the clerk's clipboard (OSC 52), then draw.
    Copy(String),
    /// Keep the form as the clerk's draft (no redraw).
    SaveDraft(Box<Formulary>),
    /// Register the formulary; the runner reports back with [`App::registered`].
    Register(Box<Formulary>),
    /// Take the next IIN for this birth date and sex from the register (M-12.a); the
    /// runner answers with [`App::generated`].
    GenerateIin(NaiveDate, crate::domain::Sex),
    /// File a DSN application (D-4); the runner answers with [`App::dsn_filed`].
    DsnApply(Box<crate::domain::dsn::Application>),
    /// Read the DSN applications; the runner answers with [`App::dsn_list`].
    DsnList,
    /// Read a page of the register; the runner answers with [`App::page`].
    Search(Box<Query>, Option<Cursor>),
    /// Read one formulary; the runner answers with [`App::record`].
    Open(String),
    /// Make a move of the lifecycle; the runner answers with [`App::moved`] (and on
    /// success with [`App::record`] and [`App::page_again`]).
    Move { number: String, event: Box<Event> },
    /// Read the day's summary; the runner answers with [`App::day`].
    Day(NaiveDate),
    /// Close (seal) the day; the runner answers with [`App::day`] again, and reads the
    /// page of the Register tab again ([`App::shown_query`]).
    CloseDay(NaiveDate),
    /// Leave.
    Quit,
}

/// A line in the footer until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Msg(Msg),
    Text(String),
}

pub struct App {
    pub(super) tab: Tab,
    pub(super) lang: Lang,
    pub(super) theme: Theme,
    pub(super) lookup: LookupTab,
    pub(super) form: FormTab,
    pub(super) register: RegisterTab,
    /// The New tab shows the DSN application instead of the formulary.
    pub(super) dsn_mode: bool,
    pub(super) dsn_form: super::dsn_form::DsnForm,
    /// The Register tab shows DSN applications instead of formularies.
    pub(super) dsn_list_mode: bool,
    pub(super) dsn_list: super::register::DsnList,
    pub(super) dialog: Option<Dialog>,
    pub(super) status: Option<Status>,
    /// Ctrl-Q was pressed once over an unfiled DSN application: pressed again, it quits.
    pub(super) leaving_dsn: bool,
    /// The terminal's size, to know how many rows a page is.
    pub(super) size: Rect,
    pub(super) session: Session,
}

impl App {
    pub fn new(lang: Lang, theme: Theme, size: Rect, session: Session) -> Self {
        Self {
            tab: Tab::NewFormulary,
            lang,
            theme,
            lookup: LookupTab::default(),
            form: FormTab::new(&session.clerk, session.today),
            register: RegisterTab::default(),
            dsn_mode: false,
            dsn_form: super::dsn_form::DsnForm::default(),
            dsn_list_mode: false,
            dsn_list: super::register::DsnList::default(),
            dialog: None,
            status: None,
            leaving_dsn: false,
            size,
            session,
        }
    }

    /// Brings back a draft the clerk left.
    pub fn restore_draft(&mut self, draft: &Formulary) {
        self.form = FormTab::from_formulary(draft, &self.session.clerk, self.session.today);
    }

    pub fn tab(&self) -> Tab {
        self.tab
    }

    pub fn form(&self) -> &FormTab {
        &self.form
    }

    pub fn lookup(&self) -> &LookupTab {
        &self.lookup
    }

    /// What has the keyboard.
    pub fn context(&self) -> Context {
        match &self.dialog {
            Some(Dialog::Help) => Context::Help,
            Some(Dialog::Picker { .. }) => Context::Picker,
            Some(Dialog::Reason(_)) => Context::Reason,
            Some(Dialog::Quit) => Context::QuitQuestion,
            Some(Dialog::CloseDay(_)) => Context::CloseDayQuestion,
            Some(Dialog::Refuse(_)) => Context::RefuseQuestion,
            Some(Dialog::Record(_)) => Context::Record,
            Some(Dialog::MoveData { .. }) => Context::MoveData,
            Some(Dialog::Day(day)) if day.closed.is_some() => Context::ClosedDay,
            Some(Dialog::Day(_)) => Context::Day,
            None => self.screen_context(),
        }
    }

    /// What has the keyboard once the dialogs are closed: the screen under them, whose
    /// keys the help lists.
    pub fn screen_context(&self) -> Context {
        match self.tab {
            Tab::NewFormulary if self.dsn_mode => Context::DsnForm,
            Tab::Register if self.dsn_list_mode => Context::DsnList,
            tab => Context::Tab(tab),
        }
    }

    pub fn resize(&mut self, size: Rect) {
        self.size = size;
    }

    /// The terminal is smaller than the screens are laid out for: `draw` shows only that.
    pub fn too_small(&self) -> bool {
        self.size.width < MIN_WIDTH || self.size.height < MIN_HEIGHT
    }

    pub fn update(&mut self, action: Action) -> Effect {
        // Time passing is no key: it keeps the draft, under a dialog too, and leaves the
        // status line alone.
        if action == Action::Tick {
            return self.tick();
        }
        // Below the smallest size the screen only says so: a key must not change what
        // the clerk cannot see (a letter would land in a hidden field). Quitting, the help
        // and Esc still act, and a resize is how the screen comes back.
        if self.too_small()
            && !matches!(
                action,
                Action::Quit | Action::Help | Action::Resize | Action::Back
            )
        {
            return Effect::None;
        }
        // The status line stays until the clerk's next key; a resize is no key either.
        let had_status = action != Action::Resize && self.status.take().is_some();
        if !matches!(action, Action::Quit | Action::Resize) {
            self.leaving_dsn = false;
        }
        let redraw_if = |changed: bool| {
            if changed || had_status {
                Effect::Redraw
            } else {
                Effect::None
            }
        };
        if self.dialog.is_some() {
            // A key that does nothing in the dialog still takes the status line away.
            return match self.update_dialog(action, had_status) {
                Effect::None if had_status => Effect::Redraw,
                effect => effect,
            };
        }
        if self.tab == Tab::Register
            && self.dsn_list_mode
            && let Some(effect) = self.update_dsn_list(&action, had_status)
        {
            return effect;
        }
        match action {
            Action::Quit => self.quit(),
            Action::Resize => Effect::Redraw,
            Action::Tick => self.tick(),
            Action::ShowTab(tab) => {
                let changed = self.tab != tab;
                self.tab = tab;
                if changed && tab == Tab::Register {
                    return self.read_register_list();
                }
                redraw_if(changed)
            }
            Action::Help => {
                self.dialog = Some(Dialog::Help);
                Effect::Redraw
            }
            Action::Confirm if self.tab == Tab::Register => match self.register.selected() {
                Some(row) => Effect::Open(row.number.clone()),
                None => redraw_if(false),
            },
            Action::Day if self.tab == Tab::Register => Effect::Day(self.session.today),
            Action::Back | Action::Confirm | Action::Day | Action::CloseDay | Action::Choose(_) => {
                redraw_if(false)
            }
            Action::Select(step) => {
                let body = Self::body(self.size);
                match self.tab {
                    Tab::CodeLookup => {
                        redraw_if(self.lookup.select(step, LookupTab::page_size(body)))
                    }
                    // By the rows the table shows, not the lookup's: a page key is a screenful.
                    Tab::Register => match self
                        .register
                        .select(step, super::register::view::visible_rows(body))
                    {
                        Ok(moved) => redraw_if(moved),
                        Err(cursor) => self.search(cursor),
                    },
                    Tab::NewFormulary => redraw_if(false),
                }
            }
            Action::OtherForm if self.tab == Tab::NewFormulary => {
                self.dsn_mode = !self.dsn_mode;
                Effect::Redraw
            }
            Action::OtherList if self.tab == Tab::Register => {
                self.dsn_list_mode = !self.dsn_list_mode;
                self.read_register_list()
            }
            Action::OtherForm | Action::OtherList => redraw_if(false),
            Action::Edit(request) if self.tab == Tab::NewFormulary && self.dsn_mode => {
                redraw_if(self.dsn_form.edit(request))
            }
            Action::Focus(step) if self.dsn_mode && self.tab == Tab::NewFormulary => {
                redraw_if(self.dsn_form.move_focus(step == Focus::Next))
            }
            // The formulary's own actions would reach the hidden formulary; its keys are
            // not bound in the DSN application, and these actions do nothing there either.
            Action::Pick | Action::Accept | Action::GenerateIin
                if self.dsn_mode && self.tab == Tab::NewFormulary =>
            {
                redraw_if(false)
            }
            Action::Save if self.dsn_mode && self.tab == Tab::NewFormulary => {
                if self.dsn_form.report().errors.is_empty() {
                    Effect::DsnApply(Box::new(self.dsn_form.application()))
                } else {
                    self.status = Some(Status::Msg(Msg::NotReady));
                    Effect::Redraw
                }
            }
            Action::Edit(request) => match self.tab {
                Tab::CodeLookup => redraw_if(self.lookup.edit(request)),
                Tab::NewFormulary => redraw_if(self.form.edit(request)),
                Tab::Register if self.register.edit(request) => self.search(None),
                Tab::Register => redraw_if(false),
            },
            Action::Copy => match self.lookup.selected() {
                Some(entry) if self.tab == Tab::CodeLookup => {
                    self.status = Some(Status::Msg(Msg::Copied));
                    Effect::Copy(entry.code().into_owned())
                }
                _ => redraw_if(false),
            },
            Action::Focus(step) => {
                let moved = self.form.move_focus(step);
                // Leaving a field is a natural moment to keep the draft.
                if moved && self.form.unsaved() {
                    self.form.mark_saved();
                    return Effect::SaveDraft(Box::new(self.form.formulary().clone()));
                }
                redraw_if(moved)
            }
            Action::Pick => {
                let kind = match self.form.focused() {
                    FieldId::FillingCode => Kind::Filling,
                    FieldId::RegionCode | FieldId::DistrictCode => Kind::District,
                    _ => return redraw_if(false),
                };
                let mut list = LookupTab::with_kind(kind);
                for c in self.form.value(self.form.focused()).chars() {
                    list.edit(InputRequest::InsertChar(c));
                }
                self.dialog = Some(Dialog::Picker {
                    field: self.form.focused(),
                    list,
                });
                Effect::Redraw
            }
            Action::Accept if self.form.has_warning() => {
                self.dialog = Some(Dialog::Reason(Input::default()));
                Effect::Redraw
            }
            Action::Accept => redraw_if(false),
            Action::GenerateIin => {
                let formulary = self.form.formulary();
                match (formulary.birth_date, formulary.sex) {
                    (Some(born), Some(sex)) => Effect::GenerateIin(born, sex),
                    _ => {
                        self.status = Some(Status::Msg(Msg::NeedBirthAndSex));
                        Effect::Redraw
                    }
                }
            }
            Action::Save if self.form.report().is_accepted() => {
                Effect::Register(Box::new(self.form.formulary().clone()))
            }
            Action::Save => {
                // Show every field's problems, so the clerk sees what stops registering.
                self.form.touch_all();
                self.status = Some(Status::Msg(Msg::NotReady));
                Effect::Redraw
            }
        }
    }

    /// The area between the tab bar and the footer.
    pub(super) fn body(area: Rect) -> Rect {
        let [_, body, _] = Self::frame_areas(area);
        body
    }

    pub(super) fn frame_areas(area: Rect) -> [Rect; 3] {
        use ratatui::layout::{Constraint, Layout};
        Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(area)
    }

    /// Moves the focus to `id` (tests and the first draw of a restored draft).
    pub fn focus_field(&mut self, id: FieldId) {
        let mut guard = 0;
        while self.form.focused() != id && guard < 200 {
            if !self.form.move_focus(Focus::Next) {
                while self.form.move_focus(Focus::Previous) {}
            }
            guard += 1;
        }
    }
}
