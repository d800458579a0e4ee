//! What the form takes from what is known of the person: birth date and sex read from the
//! IIN typed, and the register's answer about that IIN (its open formularies and names for
//! K-OPEN and K-PERSON, and a new formulary's empty fields prefilled). Apart from the
//! form's state, as the one place the form is filled by something other than the clerk.

use super::FormTab;
use super::convert::format_date;
use super::shown;
use super::spec::{FIELDS, FieldId};
use crate::domain::Sex;
use crate::domain::formulary::Known;
use crate::domain::iin::Iin;
use chrono::NaiveDate;
use tui_input::Input;

impl FormTab {
    /// A well-formed IIN typed that the register has not been asked about yet: asked once
    /// (its open formularies, its names, what to prefill).
    pub fn wants_known(&mut self) -> Option<String> {
        let iin = self.formulary.iin.clone()?;
        let checked = Iin::parse(&iin).is_ok();
        if !checked || self.asked.as_deref() == Some(iin.as_str()) {
            return None;
        }
        self.asked = Some(iin.clone());
        Some(iin)
    }

    /// The register could not be asked: the next change of the form asks again.
    pub fn known_failed(&mut self) {
        self.asked = None;
    }

    /// The register's answer about `iin`: its warnings (K-OPEN, K-PERSON) hold from now
    /// on, and a new formulary's empty fields are filled from the person's latest trusted
    /// formulary (the clerk may change them). Returns the paths filled and their source.
    pub fn take_known(
        &mut self,
        iin: &str,
        known: Known,
        prefill: Option<&crate::store::Prefill>,
    ) -> Option<(Vec<&'static str>, String, NaiveDate)> {
        if self.formulary.iin.as_deref() != Some(iin) {
            return None;
        }
        self.known = known;
        self.known_for = Some(iin.to_string());
        let filled = match prefill.filter(|_| self.correcting.is_none()) {
            Some(prefill) => {
                let mut f = self.formulary.clone();
                let paths = prefill.fill(&mut f);
                for (spec, input) in FIELDS.iter().zip(self.inputs.iter_mut()) {
                    if input.value().trim().is_empty() {
                        let value = shown::value_of(&f, spec.id);
                        if !value.is_empty() {
                            *input = Input::new(value);
                            self.touched.insert(spec.id);
                        }
                    }
                }
                self.unsaved = true;
                (!paths.is_empty()).then(|| (paths, prefill.from_number.clone(), prefill.from_date))
            }
            None => None,
        };
        self.revalidate();
        filled
    }

    /// Entering an IIN fills birth date and sex from it, unless the clerk typed others.
    pub(super) fn fill_from_iin(&mut self) {
        let Ok(iin) = Iin::parse(self.value(FieldId::Iin)) else {
            return;
        };
        let (Some(born), Some(sex)) = (iin.birth_date(), iin.sex()) else {
            return;
        };
        let date = format_date(born);
        let sex = if sex == Sex::Male { "male" } else { "female" }.to_string();
        let untouched = |id: FieldId, before: Option<&str>| {
            let now = self.value(id).trim();
            now.is_empty() || Some(now) == before
        };
        let before = self.from_iin.clone();
        let date_free = untouched(FieldId::BirthDate, before.as_ref().map(|b| b.0.as_str()));
        let sex_free = untouched(FieldId::Sex, before.as_ref().map(|b| b.1.as_str()));
        for (id, free, value) in [
            (FieldId::BirthDate, date_free, &date),
            (FieldId::Sex, sex_free, &sex),
        ] {
            if free && let Some(i) = FIELDS.iter().position(|f| f.id == id) {
                self.inputs[i] = Input::new(value.clone());
            }
        }
        self.from_iin = Some((date, sex));
    }
}
