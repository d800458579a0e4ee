//! The App's side of printing (issue 13): what the new formulary's print key offers, where
//! papers may go, and the runner's answer once a print is done.

use super::{App, Effect, Status};
use crate::papers::PaperKind;
use crate::tui::dialogs::print::{Paper, PrintSetup, offer};
use crate::tui::screens::Cx;
use crate::tui::screens::formulary::spec::FieldId;

impl App {
    /// The runner's word at start: the directory PDF files go to, the office's queue, and
    /// whether the clerk's terminal may print.
    pub fn set_print_setup(&mut self, setup: PrintSetup) {
        self.print = setup;
    }

    /// The print key on the new formulary: the coupon slip of the formulary just
    /// registered (M-56), whose numbers stay on the form, and the insert of the child's IIN
    /// Ctrl-G took (M-12.b), while the form or that formulary holds it.
    pub(super) fn offer_form_papers(&mut self, cx: &mut Cx) -> Effect {
        let form = &self.screens.formulary;
        let banner = form.banner().map(|(number, _)| number.clone());
        let mut papers: Vec<Paper> = banner
            .iter()
            .map(|number| Paper::new(PaperKind::Coupon, number.clone()))
            .collect();
        if let Some(iin) = &self.generated_iin
            && (form.value(FieldId::Iin) == iin || banner.is_some())
        {
            papers.push(Paper::new(PaperKind::Insert, iin.clone()));
        }
        offer(papers, cx)
    }

    /// Ctrl-G took `iin`: its insert may be printed.
    pub(super) fn iin_taken(&mut self, iin: &str) {
        self.generated_iin = Some(iin.to_string());
    }

    /// A formulary was registered: the insert stays on offer only if it holds the IIN
    /// Ctrl-G took. Called before the form is emptied.
    pub(super) fn keep_insert_if_registered(&mut self) {
        let iin = self.screens.formulary.value(FieldId::Iin);
        if self.generated_iin.as_deref() != Some(iin) {
            self.generated_iin = None;
        }
    }

    /// At quit: `under_way` papers are still being delivered, waited for at most `wait`;
    /// the status line says so for the frame drawn before the wait.
    pub fn finishing_prints(&mut self, under_way: usize, wait: std::time::Duration) {
        let text = crate::i18n::print::finishing(self.lang, under_way, wait.as_secs());
        self.status = Some(Status::Text(text));
    }

    /// The runner's answer to [`Effect::Print`]: where the paper went, or why it did not.
    pub fn printed(&mut self, outcome: Result<String, String>) {
        let (Ok(text) | Err(text)) = outcome;
        self.status = Some(Status::Text(text));
    }
}

impl App {
    /// The register's answer to [`Effect::Open`], third part: whether the formulary's IIN
    /// is one the register generated (its insert may be printed, M-12.b).
    pub fn record_iin_generated(&mut self, generated: bool) {
        self.screens.record.show_iin_generated(generated);
    }
}
