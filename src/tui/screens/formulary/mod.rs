//! The New tab's formulary: the electronic formulary as a form in the groups of the paper
//! form, validated by the rules core as the clerk types. `spec` is its field table,
//! `convert` and `shown` turn the fields into a formulary and back, `draw` paints it.

pub mod convert;
mod draw;
mod editing;
pub mod grounds;
mod known;
mod office;
pub mod shown;
mod update;

pub use update::code_name;
pub mod spec;

pub use office::OfficeCodes;

use crate::codes;
use crate::domain::formulary::{Formulary, Known, Override, Report, Violation, validate_known};
use chrono::NaiveDate;
use convert::{Values, field_of, is_choice, note_order, to_formulary};
use spec::{FIELDS, FieldId, NoteSlot};
use tui_input::Input;

/// Which way the focus moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Next,
    Previous,
}

pub struct FormTab {
    inputs: Vec<Input>,
    focus: usize,
    overrides: Vec<Override>,
    clerk: String,
    today: NaiveDate,
    /// What the IIN last filled into birth date and sex, to refill them while the clerk has
    /// not changed them by hand.
    from_iin: Option<(String, String)>,
    // Derived from the inputs on every change.
    formulary: Formulary,
    report: Report,
    notes: Vec<NoteSlot>,
    /// Changed since the last save of the draft.
    unsaved: bool,
    /// Fields the clerk has typed in or left: only their problems are marked, so a fresh
    /// form is not a wall of red. Registering marks them all.
    touched: std::collections::HashSet<FieldId>,
    /// The registration number of the formulary this form corrects; `None` for a new one.
    /// A correction is saved with Ctrl-S as `formulary correct` does, and is never a draft.
    correcting: Option<String>,
    /// The day the formulary was filled, when it is not today: a correction keeps the
    /// original's, on which ages are counted.
    filled_on: Option<NaiveDate>,
    /// The registration number and coupon of the formulary registered just before this
    /// form, shown until the clerk starts typing the next one (M-56).
    banner: Option<(String, String)>,
    /// What the register knows of the IIN typed (its open formularies, its names): the
    /// K-OPEN and K-PERSON warnings come from it. `known_for` is the IIN it is about.
    known: Known,
    known_for: Option<String>,
    /// The IIN the register was last asked about, not to ask twice.
    asked: Option<String>,
    /// The office's region and district, the codes a new form starts with (issue 11).
    office: OfficeCodes,
}

impl FormTab {
    pub fn new(clerk: &str, today: NaiveDate) -> Self {
        let mut tab = Self {
            inputs: FIELDS.iter().map(|_| Input::default()).collect(),
            focus: 0,
            overrides: Vec::new(),
            clerk: clerk.to_string(),
            today,
            from_iin: None,
            formulary: Formulary::default(),
            report: Report::default(),
            notes: Vec::new(),
            unsaved: false,
            touched: std::collections::HashSet::new(),
            correcting: None,
            filled_on: None,
            banner: None,
            known: Known::default(),
            known_for: None,
            asked: None,
            office: OfficeCodes::default(),
        };
        tab.revalidate();
        tab
    }

    /// This form, showing the numbers of the formulary registered just before it.
    pub fn with_banner(mut self, number: String, coupon: String) -> Self {
        self.banner = Some((number, coupon));
        self
    }

    /// The numbers of the formulary registered just before, while nothing is typed yet.
    pub fn banner(&self) -> Option<&(String, String)> {
        self.banner.as_ref().filter(|_| self.is_blank())
    }

    /// A new, empty form for the same clerk.
    pub fn fresh(&self, today: NaiveDate) -> Self {
        Self::new(&self.clerk, today).with_office_codes(self.office.clone())
    }

    /// A form correcting registered formulary `number`, filled with its data.
    pub fn correcting(number: &str, formulary: &Formulary, clerk: &str, today: NaiveDate) -> Self {
        let mut tab = Self::from_formulary(formulary, clerk, today);
        tab.correcting = Some(number.to_string());
        tab.filled_on = formulary.filled_on;
        tab.revalidate();
        tab
    }

    /// The number of the formulary this form corrects, if it corrects one.
    pub fn corrects(&self) -> Option<&str> {
        self.correcting.as_deref()
    }

    /// A form holding `formulary` (a draft coming back).
    pub fn from_formulary(formulary: &Formulary, clerk: &str, today: NaiveDate) -> Self {
        let mut tab = Self::new(clerk, today);
        for (spec, input) in FIELDS.iter().zip(&mut tab.inputs) {
            *input = Input::new(shown::value_of(formulary, spec.id));
        }
        tab.overrides = formulary.overrides.clone();
        tab.touch_all();
        tab.revalidate();
        // Back where the clerk left it: the last field with something in it.
        if let Some(last) = tab
            .inputs
            .iter()
            .rposition(|i| !i.value().trim().is_empty())
        {
            tab.focus = last;
        }
        tab
    }

    pub fn focused(&self) -> FieldId {
        FIELDS.get(self.focus).map_or(FieldId::Document, |f| f.id)
    }

    pub fn value(&self, id: FieldId) -> &str {
        FIELDS
            .iter()
            .position(|f| f.id == id)
            .and_then(|i| self.inputs.get(i))
            .map_or("", |input| input.value())
    }

    pub fn formulary(&self) -> &Formulary {
        &self.formulary
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Nothing typed: the office's own codes (issue 11) do not count.
    pub fn is_blank(&self) -> bool {
        FIELDS
            .iter()
            .zip(&self.inputs)
            .all(|(spec, i)| i.value().trim().is_empty() || self.holds_default(spec.id, i.value()))
    }

    /// Changed since the draft was last saved.
    pub fn unsaved(&self) -> bool {
        self.unsaved
    }

    pub fn mark_saved(&mut self) {
        self.unsaved = false;
    }

    /// The last save of the draft failed: the next quiet moment tries again.
    pub fn mark_unsaved(&mut self) {
        self.unsaved = true;
    }

    /// The open violations that point at `id`, once the clerk has been in the field.
    pub fn violations_of(&self, id: FieldId) -> impl Iterator<Item = &Violation> {
        let shown = self.touched.contains(&id);
        self.report
            .open()
            .filter(move |v| shown && field_of(&v.field, &self.notes) == Some(id))
    }

    /// Shows the problems of every field (the clerk asked to register).
    pub fn touch_all(&mut self) {
        self.touched = FIELDS.iter().map(|f| f.id).collect();
    }

    /// Open violations that point at no field of the form (a missing note, say).
    pub fn general_violations(&self) -> impl Iterator<Item = &Violation> {
        self.report
            .open()
            .filter(|v| field_of(&v.field, &self.notes).is_none())
    }

    /// The name of the code in a code field: the filling code's, the region's, or the
    /// district's (M-31, M-App2).
    pub fn code_name(&self, id: FieldId) -> Option<codes::Names> {
        let region = self.value(FieldId::RegionCode).trim();
        let district = self.value(FieldId::DistrictCode).trim();
        code_name(id, self.value(id).trim(), region, district)
    }

    fn values(&self) -> Values {
        FIELDS
            .iter()
            .zip(&self.inputs)
            .map(|(f, i)| (f.id, i.value().to_string()))
            .collect()
    }

    fn revalidate(&mut self) {
        let values = self.values();
        let filled_on = self.filled_on.unwrap_or(self.today);
        let (mut formulary, problems) = to_formulary(&values, &self.clerk, filled_on);
        formulary.overrides = self.overrides.clone();
        // What the register knows counts only for the IIN it was read for.
        let iin = formulary.iin.clone();
        let known = match (&self.known_for, iin) {
            (Some(known_for), Some(iin)) if *known_for == iin => &self.known,
            _ => &Known::default(),
        };
        let mut report = validate_known(&formulary, self.today, known);
        // A field that could not be read is reported once, as what the clerk typed.
        report
            .errors
            .retain(|e| !problems.iter().any(|p| p.field == e.field));
        report.errors.splice(0..0, problems);
        self.notes = note_order(&values);
        self.formulary = formulary;
        self.report = report;
    }

    /// Whether the focused field takes free text (and shows a cursor).
    pub fn focused_is_text(&self) -> bool {
        !is_choice(self.focused())
    }
}

#[cfg(test)]
mod tests;
