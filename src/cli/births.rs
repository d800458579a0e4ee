//! M-12.a on the command line: what a parent showed for a child's IIN (`iin generate`'s
//! flags), the requests to РАГС (`iin requests`), and marking one sent (`iin request-sent`).

use super::output::{Record, write_json, write_table};
use super::register::{RegisterOptions, bad_input, fail, open, open_read};
use crate::domain::birth_record::ChildIinBasis;
use chrono::{Months, NaiveDate};
use clap::{Args, ValueEnum};
use std::io::{self, Write};
use std::process::ExitCode;

/// Whether the birth record was found in ИС ЗАГС.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Found {
    Yes,
    No,
}

/// `iin generate`'s flags of M-12.a.
#[derive(Debug, Args)]
pub struct ChildArgs {
    /// M-12.a: the child's birth certificate number.
    #[arg(long, value_name = "N")]
    birth_certificate: Option<String>,
    /// M-12.a: the birth certificate's date of issue.
    #[arg(long, value_name = "YYYY-MM-DD")]
    certificate_date: Option<NaiveDate>,
    /// M-12.a: who issued the birth certificate.
    #[arg(long, value_name = "ISSUER")]
    certificate_issuer: Option<String>,
    /// M-12.a: the parent's or legal representative's identity document (kind, number).
    #[arg(long, value_name = "DOCUMENT")]
    parent_document: Option<String>,
    /// M-12.a: whether the birth record was found in ИС ЗАГС (no: a request to РАГС is
    /// due within two working days).
    #[arg(long, value_enum)]
    zags_found: Option<Found>,
}

impl ChildArgs {
    /// What was shown, checked; `None` for an adult with none of the flags. A person under
    /// 18 on `today` needs all of them; a flag missing is named.
    pub fn basis(
        &self,
        birth: NaiveDate,
        today: NaiveDate,
    ) -> Result<Option<ChildIinBasis>, String> {
        let child = birth
            .checked_add_months(Months::new(18 * 12))
            .is_none_or(|adult| today < adult);
        let any = self.birth_certificate.is_some()
            || self.certificate_date.is_some()
            || self.certificate_issuer.is_some()
            || self.parent_document.is_some()
            || self.zags_found.is_some();
        if !child && !any {
            return Ok(None);
        }
        let need = |flag: &str| format!("a child's IIN needs {flag} [M-12.a]");
        let basis = ChildIinBasis {
            certificate_number: self
                .birth_certificate
                .clone()
                .ok_or_else(|| need("--birth-certificate"))?,
            certificate_date: self
                .certificate_date
                .ok_or_else(|| need("--certificate-date"))?,
            certificate_issuer: self
                .certificate_issuer
                .clone()
                .ok_or_else(|| need("--certificate-issuer"))?,
            parent_document: self
                .parent_document
                .clone()
                .ok_or_else(|| need("--parent-document"))?,
            zags_found: matches!(
                self.zags_found.ok_or_else(|| need("--zags-found yes|no"))?,
                Found::Yes
            ),
        };
        if let Some((field, text)) = basis.problems(birth, today).into_iter().next() {
            return Err(format!("--{}: {}", field.replace('_', "-"), text.en));
        }
        Ok(Some(basis))
    }
}

/// `kense iin requests`.
pub fn requests(
    options: &RegisterOptions,
    json: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let open_requests = match open_read(options).and_then(|s| s.registry_requests()) {
        Ok(r) => r,
        Err(e) => return Ok(fail(err, &e)),
    };
    if json {
        write_json(out, &open_requests)?;
    } else {
        let rows: Vec<Record> = open_requests
            .iter()
            .map(|r| {
                // A term over a holiday not yet confirmed says so (issue 14).
                let note = crate::domain::calendar::unconfirmed_note(r.applied_on, r.due)
                    .map(|t| t.en)
                    .unwrap_or_default();
                vec![
                    ("iin", r.iin.clone()),
                    ("applied_on", r.applied_on.to_string()),
                    ("due", r.due.to_string()),
                    ("note", note),
                ]
            })
            .collect();
        write_table(out, &rows)?;
    }
    out.flush()?;
    if open_requests.is_empty() {
        let _ = writeln!(err, "kense: no request to the civil registry is open");
        return Ok(ExitCode::from(super::NOTHING_FOUND));
    }
    Ok(ExitCode::SUCCESS)
}

/// `kense iin request-sent IIN`.
pub fn request_sent(
    options: &RegisterOptions,
    iin: &str,
    date: Option<NaiveDate>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<ExitCode> {
    let today = options.clock.today();
    let on = date.unwrap_or(today);
    if on > today {
        return Ok(bad_input(err, &format!("the day {on} has not come yet")));
    }
    match open(options, false).and_then(|mut s| s.mark_registry_request_sent(iin, on)) {
        Ok(()) => writeln!(
            out,
            "request to the civil registry marked sent on {on} (M-12.a)"
        )?,
        Err(e) => return Ok(fail(err, &e)),
    }
    Ok(ExitCode::SUCCESS)
}
