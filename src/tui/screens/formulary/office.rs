//! Issue 11: the office's own region and district (`[office] region`, `district` of the
//! settings, M-App2) are the codes of a new formulary. They count as not typed: a form
//! holding only them is blank (no draft, no question before quitting), and every new form
//! after a registration or Ctrl-X starts with them again. A draft keeps its own codes.

use super::FormTab;
use super::spec::{FIELDS, FieldId};
use tui_input::Input;

/// The office's region and district codes, either absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OfficeCodes {
    pub region: Option<String>,
    pub district: Option<String>,
}

impl OfficeCodes {
    /// The default of field `id`, if the office has one.
    fn of(&self, id: FieldId) -> Option<&str> {
        match id {
            FieldId::RegionCode => self.region.as_deref(),
            FieldId::DistrictCode => self.district.as_deref(),
            _ => None,
        }
        .map(str::trim)
        .filter(|code| !code.is_empty())
    }
}

impl FormTab {
    /// This form with the office's codes, put into the code fields still empty; the
    /// district only beside the office's own region (a draft of another region keeps its
    /// district empty rather than get one of the office's region, M-App2).
    pub fn with_office_codes(mut self, codes: OfficeCodes) -> Self {
        let mut filled = false;
        let region_at = FIELDS.iter().position(|f| f.id == FieldId::RegionCode);
        let region = region_at
            .and_then(|i| self.inputs.get(i))
            .map(|i| i.value().trim());
        let own_region =
            region.is_none_or(str::is_empty) || region == codes.of(FieldId::RegionCode);
        for (spec, input) in FIELDS.iter().zip(&mut self.inputs) {
            if let Some(code) = codes.of(spec.id)
                && input.value().trim().is_empty()
                && (spec.id != FieldId::DistrictCode || own_region)
            {
                *input = Input::new(code.to_string());
                filled = true;
            }
        }
        self.office = codes;
        if filled {
            self.revalidate();
        }
        self
    }

    /// The office's codes this form starts new forms with.
    pub fn office_codes(&self) -> OfficeCodes {
        self.office.clone()
    }

    /// Whether field `id` holds only what the office put there (not typed by the clerk).
    pub(super) fn holds_default(&self, id: FieldId, value: &str) -> bool {
        self.office.of(id) == Some(value.trim())
    }
}
