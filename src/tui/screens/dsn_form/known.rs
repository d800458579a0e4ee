//! What the register knows of the BIN typed in the DSN form (issue 11): asked once per
//! valid BIN through an effect, its answer fills the taxpayer's name, said on the status
//! line and marked beside the field.

use super::{DsnForm, Field, fields};
use crate::domain::Lang;
use crate::tui::app::Effect;
use tui_input::Input;

impl DsnForm {
    /// A BIN just become valid that the register was not asked about yet: ask it for the
    /// taxpayer's name (once per BIN, not per key).
    pub(super) fn ask_register(&mut self) -> Option<Effect> {
        let bin = self.value(Field::Bin).to_string();
        crate::domain::dsn::TaxpayerId::parse(&bin).ok()?;
        if self.asked.as_deref() == Some(bin.as_str()) {
            return None;
        }
        self.asked = Some(bin.clone());
        Some(Effect::DsnTaxpayer(bin))
    }

    /// The register's answer for `bin`: the name goes into an empty name field (or one it
    /// filled before), and the subject type follows a registered producer or importer
    /// (D-7 (1)) when none is chosen. What to say on the status line; nothing when the
    /// form moved on to another BIN.
    pub fn take_taxpayer(
        &mut self,
        bin: &str,
        known: Option<crate::store::dsn::KnownTaxpayer>,
        lang: Lang,
    ) -> Option<String> {
        use crate::i18n::dsn_desk::{name_differs, name_filled, not_registered};
        if self.value(Field::Bin) != bin {
            return None;
        }
        let Some(known) = known else {
            return Some(not_registered(lang, bin));
        };
        let typed = self.value(Field::Taxpayer).to_string();
        if !typed.is_empty() && self.filled.as_deref() != Some(typed.as_str()) {
            return (typed.trim() != known.name.trim())
                .then(|| name_differs(lang, bin, known.name.trim()));
        }
        // The field and the memory of what was filled hold the same text, so the next
        // BIN's answer knows the name was the register's, not typed.
        let name = known.name.trim();
        self.set(Field::Taxpayer, name);
        self.filled = Some(name.to_string());
        if self.value(Field::SubjectType).is_empty()
            && let Some(activity @ ("producer" | "importer")) = known.activity.as_deref()
        {
            self.set(Field::SubjectType, activity);
        }
        self.revalidate();
        Some(name_filled(lang, bin))
    }

    pub(super) fn set(&mut self, field: Field, value: &str) {
        if let Some(input) = fields()
            .position(|f| f == field)
            .and_then(|i| self.inputs.get_mut(i))
        {
            *input = Input::new(value.to_string());
        }
    }
}
