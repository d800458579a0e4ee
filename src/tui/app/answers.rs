//! The register's answers to the App's effects that are not the Register tab's (those are
//! in `app_register.rs`): a registered formulary, a child's IIN, a filed DSN application,
//! and a problem with no better place than the status line.

use super::{App, FormTab, Status};
use crate::tui::form::spec::FieldId;

impl App {
    /// The register's answer to [`super::Effect::GenerateIin`]: the new IIN goes into the form.
    pub fn generated(&mut self, iin: Result<String, String>) {
        match iin {
            Ok(iin) => {
                self.form.set(FieldId::Iin, &iin);
                self.status = Some(Status::Text(iin));
            }
            Err(problem) => self.status = Some(Status::Text(problem)),
        }
    }

    /// The register's answer to [`super::Effect::DsnApply`]: what each product row came to.
    pub fn dsn_filed(&mut self, outcome: Result<String, String>) {
        match outcome {
            Ok(summary) => {
                self.status = Some(Status::Text(summary));
                self.dsn_form = crate::tui::dsn_form::DsnForm::default();
            }
            Err(problem) => self.status = Some(Status::Text(problem)),
        }
    }

    /// The register's answer to [`super::Effect::DsnList`].
    pub fn dsn_list(&mut self, list: Result<Vec<crate::store::dsn::ListedApplication>, String>) {
        self.dsn_list.show(list);
    }

    /// The register's answer to [`super::Effect::Register`]: the numbers, or why not.
    pub fn registered(&mut self, outcome: Result<(String, String), String>) {
        match outcome {
            Ok((number, coupon)) => {
                self.status = Some(Status::Text(format!("№ {number} · {coupon}")));
                self.form = FormTab::new(&self.session.clerk, self.session.today);
            }
            Err(reason) => self.status = Some(Status::Text(reason)),
        }
    }

    /// What went wrong where nothing else says it (a draft not kept, no register): the
    /// status line, until the next key.
    pub fn problem(&mut self, text: String) {
        self.status = Some(Status::Text(text));
    }
}
