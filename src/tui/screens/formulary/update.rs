//! How an action changes the form: typing, moving between fields, the code picker, a
//! warning let pass, a child's IIN, registering or saving a correction; and the names of
//! codes and values the form reads while the clerk types.

use super::spec::{FIELDS, FieldId};
use super::{Focus, FormTab};
use crate::codes;
use crate::domain::Lang;
use crate::i18n::Msg;
use crate::tui::action::Action;
use crate::tui::app::Effect;
use crate::tui::dialogs::{Ask, Dialog};
use crate::tui::screens::lookup::LookupTab;
use crate::tui::screens::{Cx, redraw_if};
use chrono::NaiveDate;
use tui_input::Input;

impl FormTab {
    /// An action for the form, the screen showing.
    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        // The session's clock, not the date the session started: a form left open past
        // midnight validates against the day it will be registered on.
        self.set_today(cx.today());
        let effect = match action {
            Action::Edit(request) => redraw_if(self.edit(request)),
            Action::Paste(text) => redraw_if(self.paste(&text)),
            Action::Focus(step) => {
                let moved = self.move_focus(step);
                // Leaving a field is a natural moment to keep the draft (a correction has
                // none: the formulary it corrects is in the register).
                if moved && self.unsaved() && self.correcting.is_none() {
                    self.mark_saved();
                    return Effect::SaveDraft(Box::new(self.formulary().clone()));
                }
                redraw_if(moved)
            }
            Action::Pick => {
                let kind = match self.focused() {
                    FieldId::FillingCode => codes::Kind::Filling,
                    FieldId::RegionCode | FieldId::DistrictCode => codes::Kind::District,
                    _ => return Effect::None,
                };
                // An empty query over the whole directory, what the field holds chosen:
                // typed into the query, a filled field would hide every other code.
                let region = self.value(FieldId::RegionCode).trim().to_string();
                let current = match self.focused() {
                    FieldId::FillingCode => self.value(FieldId::FillingCode).to_string(),
                    _ => format!("{region} {}", self.value(FieldId::DistrictCode).trim()),
                };
                let list = LookupTab::picker(kind, &region, &current);
                cx.open(Dialog::Picker {
                    field: self.focused(),
                    list,
                    correction: self.correcting.is_some(),
                })
            }
            Action::Accept if self.has_warning() => cx.open(Dialog::Reason {
                input: Input::default(),
                correction: self.correcting.is_some(),
            }),
            // From any field: it reads the birth date and sex, wherever they were typed;
            // over an IIN already there it asks first.
            Action::GenerateIin => match (self.formulary.birth_date, self.formulary.sex) {
                (Some(born), Some(sex)) if self.value(FieldId::Iin).trim().is_empty() => {
                    crate::tui::dialogs::begin_child_iin(born, sex, cx)
                }
                (Some(born), Some(sex)) => cx.open(Dialog::Ask(Ask::ReplaceIin(born, sex))),
                _ => cx.say(Msg::NeedBirthAndSex),
            },
            Action::NextProblem if self.next_problem() => Effect::Redraw,
            Action::NextProblem => cx.say(Msg::NoProblemLeft),
            // The numbers of the formulary just registered go with Ctrl-X: the clerk starts
            // the next one (and a draft waiting for this form opens, issue 11).
            Action::NewFormulary if self.is_blank() && self.banner.is_some() => {
                self.banner = None;
                Effect::Redraw
            }
            Action::NewFormulary if self.is_blank() => Effect::None,
            Action::NewFormulary => cx.open(Dialog::Ask(Ask::NewFormulary)),
            Action::Save if self.report().is_accepted() => match &self.correcting {
                Some(number) => Effect::Correct {
                    number: number.clone(),
                    formulary: Box::new(self.formulary().clone()),
                },
                None => Effect::Register(Box::new(self.formulary().clone())),
            },
            Action::Save => {
                // Show every field's problems, so the clerk sees what stops registering.
                self.touch_all();
                cx.say(Msg::NotReady)
            }
            _ => Effect::None,
        };
        // An IIN just typed in full: what the register knows of the person (issue 11).
        if !matches!(effect, Effect::Redraw | Effect::None) {
            return effect;
        }
        match self.wants_known() {
            Some(iin) => Effect::Known {
                iin,
                except: self.corrects().map(str::to_string),
            },
            None => effect,
        }
    }

    /// The date the form validates against; a new one validates again.
    fn set_today(&mut self, today: NaiveDate) {
        if today != self.today {
            self.today = today;
            self.revalidate();
        }
    }

    /// Moves the focus to `id` as the clerk would with Tab and Shift-Tab, every field on
    /// the way counting as visited (tests, and a restored draft's first field).
    pub fn focus_on(&mut self, id: FieldId) {
        let mut guard = 0;
        while self.focused() != id && guard < 2 * FIELDS.len() {
            if !self.move_focus(Focus::Next) {
                while self.move_focus(Focus::Previous) {}
            }
            guard += 1;
        }
    }
}

/// The name of `value` in code field `id`, with the region and district as typed: the
/// filling code's, the region's, or the district's (M-31, M-App2).
pub fn code_name(id: FieldId, value: &str, region: &str, district: &str) -> Option<codes::Names> {
    match id {
        FieldId::FillingCode => codes::filling_codes()
            .iter()
            .find(|f| f.code == value)
            .map(|f| codes::Entry::Filling(f).name()),
        FieldId::RegionCode => codes::districts()
            .iter()
            .find(|d| d.region_code == value)
            .map(|d| codes::Names::kk_ru(d.region_name_kk, d.region_name_ru)),
        FieldId::DistrictCode => codes::districts()
            .iter()
            .find(|d| d.region_code == region && d.district_code == district)
            .map(|d| codes::Entry::District(d).name()),
        _ => None,
    }
}

/// The value after `at` among `options` whose name, in any language, starts with `letter`
/// (case aside); `None` when none does.
pub(super) fn by_letter(options: &[&str], at: usize, letter: char) -> Option<usize> {
    let letter = letter.to_lowercase().collect::<String>();
    let starts = |value: &str| {
        [Lang::Ru, Lang::Kk, Lang::En].iter().any(|lang| {
            crate::i18n::form::choice(*lang, value)
                .to_lowercase()
                .starts_with(&letter)
        })
    };
    let count = options.len();
    (1..=count)
        .map(|step| (at + step) % count)
        .find(|i| options.get(*i).is_some_and(|o| !o.is_empty() && starts(o)))
}
