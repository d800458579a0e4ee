//! The register's answers to the App's effects that are not the Register tab's (those are
//! in `register.rs`): a draft kept or not, a registered formulary, a child's IIN, a filed
//! DSN application, and a problem with no better place than the status line.
//!
//! Answers are typed: a failure is a [`Problem`] whose kind the App acts on (a draft the
//! register was too busy to keep is tried again at the next quiet moment; a move refused
//! because another clerk moved the formulary first shows it as it is now), with its text
//! already in the clerk's language.

use super::{App, Status};
use crate::tui::screens::formulary::FormTab;
use crate::tui::screens::formulary::spec::FieldId;

/// Why the register did not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    /// What the clerk reads, in the workstation's language.
    pub text: String,
}

/// What kind of failure, as far as the workstation acts differently on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// The day is closed: its records cannot change.
    Sealed,
    /// Another clerk held the register too long: trying again may work.
    Busy,
    /// The formulary is no longer as shown: another clerk moved or changed it.
    Stale,
    /// There is no usable register at all.
    Unavailable,
    /// Anything else the register refused or failed at; the text says what.
    Other,
}

impl Problem {
    pub fn new(kind: ProblemKind, text: impl Into<String>) -> Self {
        Self {
            kind,
            text: text.into(),
        }
    }
}

/// A problem of no particular kind, said as `text` (tests, and texts built by the runner).
impl From<String> for Problem {
    fn from(text: String) -> Self {
        Self::new(ProblemKind::Other, text)
    }
}

impl From<&str> for Problem {
    fn from(text: &str) -> Self {
        Self::new(ProblemKind::Other, text)
    }
}

impl App {
    /// The register's answer to a failed [`super::Effect::SaveDraft`]: said on the status
    /// line, and the entry is kept as unsaved, so the next quiet moment tries again
    /// (a busy register usually frees within seconds).
    pub fn draft_not_kept(&mut self, problem: Problem) {
        self.screens.formulary.mark_unsaved();
        self.status = Some(Status::Text(problem.text));
    }

    /// The register's answer to [`super::Effect::DiscardDraft`]: `true` when the draft is
    /// gone; otherwise it is tried again at the next quiet moment, so a registered
    /// formulary never comes back as a draft inviting a second registration.
    pub fn draft_discarded(&mut self, discarded: bool) {
        self.discard_pending = !discarded;
    }

    /// The register's answer to [`super::Effect::Known`]: the form that asked (the new
    /// formulary, or the correction of `except`) takes it; what it filled is said, with the
    /// formulary it came from.
    pub fn known_person(
        &mut self,
        iin: &str,
        except: Option<&str>,
        known: Result<
            (
                crate::domain::formulary::Known,
                Option<crate::store::Prefill>,
            ),
            Problem,
        >,
    ) {
        let form = match except {
            Some(_) => &mut self.screens.correction,
            None => &mut self.screens.formulary,
        };
        let (known, prefill) = match known {
            Ok(found) => found,
            Err(problem) => {
                form.known_failed();
                return self.problem(problem);
            }
        };
        if let Some((paths, number, date)) = form.take_known(iin, known, prefill.as_ref()) {
            let fields: Vec<String> = paths
                .iter()
                .map(|p| crate::i18n::paths::path_label(self.lang, p, None))
                .collect();
            let text = crate::i18n::tr(self.lang, crate::i18n::Msg::PrefilledFrom)
                .replace("{number}", &number)
                .replace("{date}", &date.format("%d.%m.%Y").to_string())
                .replace("{fields}", &fields.join(", "));
            self.status = Some(Status::Text(text));
        }
    }

    /// The register's answer to [`super::Effect::GenerateIin`]: the new IIN goes into the form.
    pub fn generated(&mut self, iin: Result<String, Problem>) {
        match iin {
            Ok(iin) => {
                self.screens.formulary.set(FieldId::Iin, &iin);
                self.status = Some(Status::Text(iin));
            }
            Err(problem) => self.problem(problem),
        }
    }

    /// The register's answer to [`super::Effect::GenerateChildIin`]: the IIN goes into the
    /// form as [`App::generated`] puts it; `due`, the request to РАГС the register now
    /// keeps in the work queue (M-12.a), is said beside it.
    pub fn generated_for_child(
        &mut self,
        iin: Result<String, Problem>,
        due: Option<chrono::NaiveDate>,
    ) {
        let said = iin.as_ref().ok().cloned();
        self.generated(iin);
        if let (Some(iin), Some(due)) = (said, due) {
            let due = due.format("%d.%m.%Y").to_string();
            let term = crate::i18n::counter::registry_request_due(self.lang, &due);
            self.status = Some(Status::Text(format!("{iin} · {term}")));
        }
    }

    /// The register's answer to [`super::Effect::DsnApply`]: what each product row came to.
    pub fn dsn_filed(&mut self, outcome: Result<String, Problem>) {
        match outcome {
            Ok(summary) => {
                self.status = Some(Status::Text(summary));
                self.screens.dsn_form = Default::default();
            }
            Err(problem) => self.problem(problem),
        }
    }

    /// The register's answer to [`super::Effect::DsnList`].
    pub fn dsn_list(&mut self, list: Result<Vec<crate::store::dsn::ListedApplication>, Problem>) {
        self.screens.dsn_list.show(list.map_err(|p| p.text));
        self.screens.dsn_list.set_today(self.session.clock.today());
    }

    /// The register's answer to [`super::Effect::Register`]: the numbers, or why not. The
    /// runner forgets the registered formulary's draft at once and says with
    /// [`App::draft_discarded`] whether it could.
    pub fn registered(&mut self, outcome: Result<(String, String), Problem>) {
        match outcome {
            Ok((number, coupon)) => {
                self.status = Some(Status::Text(crate::i18n::registered(
                    self.lang, &number, &coupon,
                )));
                let today = self.session.clock.today();
                // The numbers stay on the fresh form, labelled, until the clerk starts the
                // next formulary: the coupon is what the citizen takes away (M-56).
                self.screens.formulary = (self.screens.formulary.fresh(today))
                    .with_banner(number.clone(), coupon.clone());
            }
            Err(problem) => self.problem(problem),
        }
    }

    /// What went wrong where nothing else says it (no register, a refusal): the status
    /// line, until the next key.
    pub fn problem(&mut self, problem: impl Into<Problem>) {
        self.status = Some(Status::Text(problem.into().text));
    }

    /// The runner's word at start: there is no usable register, so nothing typed is kept.
    pub fn drafts_not_kept(&mut self) {
        self.drafts_kept = false;
    }

    /// Brings back a draft the clerk left.
    pub fn restore_draft(&mut self, draft: &crate::domain::formulary::Formulary) {
        let today = self.session.clock.today();
        let office = self.screens.formulary.office_codes();
        self.screens.formulary =
            FormTab::from_formulary(draft, &self.session.clerk, today).with_office_codes(office);
    }
}
