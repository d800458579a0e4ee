//! Checking the signed closes (issue 15, `kense audit verify --allowed-signers FILE`).
//!
//! Walks the closes in chain order. Each signature must be the one its `day_signed` entry
//! records (always checked: no key needed); with the office's allowed signers, it must also
//! be a `kense-day` signature of the close's facts as the register holds them *now*, by a
//! key the file allows for the account that signed, an account that was a head. A close
//! the office required signed and that is not is reported too. The first failing close in
//! chain order is named: after a re-hashed chain that is the first signed close after the
//! change.

use super::super::corrections::sha256;
use super::super::{Store, StoreError};
use super::close_facts;
use crate::domain::allowed_signers::AllowedSigners;
use crate::domain::day_signature::{self, SignatureProblem};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::Serialize;

/// What the check of the signed closes found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignatureReport {
    /// Days closed.
    pub closes: u64,
    /// Of them, signed.
    pub signed: u64,
    /// True when the signatures were checked against allowed signers (else only against
    /// their audit entries).
    pub checked: bool,
    /// The first close (in chain order) whose signature fails, or that is unsigned though
    /// required.
    pub first_bad: Option<BadSignature>,
}

impl SignatureReport {
    /// True when no close failed.
    pub fn is_intact(&self) -> bool {
        self.first_bad.is_none()
    }
}

/// A close whose signature does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadSignature {
    pub date: String,
    /// The close's `day_closed` entry.
    pub audit_id: i64,
    pub problem: SignatureProblem,
}

/// One stored signature.
struct Stored {
    signature: String,
    fingerprint: String,
    clerk: String,
    audit_id: i64,
}

/// The `day_signed` entry `id` records this signature of `date`, by the account the row
/// names, of the close entry `close` (a row relabelled to another account, or moved to
/// another close, disagrees with the chain).
fn entry_records(conn: &Connection, date: &str, close: i64, s: &Stored) -> rusqlite::Result<bool> {
    let entry: Option<(String, String, String, String)> = conn
        .query_row(
            "SELECT action, subject, clerk, details_json FROM audit_log WHERE id = ?1",
            [s.audit_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    Ok(entry.is_some_and(|(action, subject, clerk, details)| {
        let details: serde_json::Value = serde_json::from_str(&details).unwrap_or_default();
        action == "day_signed"
            && subject == date
            && clerk == s.clerk
            && details["close_audit_id"] == close
            && details["fingerprint"] == s.fingerprint.as_str()
            && details["signature_sha256"] == sha256(&s.signature).as_str()
    }))
}

/// The account was a head when it signed: a head now (staff, by its key), or made one by a
/// staff entry before the signature's (a head since demoted still signed as one).
fn was_head(conn: &Connection, account: &str, before: i64) -> rusqlite::Result<bool> {
    let now: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM staff WHERE account = ?1 AND role = 'head')",
        [account],
        |r| r.get(0),
    )?;
    if now {
        return Ok(true);
    }
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM audit_log WHERE subject = ?1 AND id < ?2
             AND action IN ('staff_added', 'staff_changed')
             AND json_extract(details_json, '$.role') = 'head')",
        rusqlite::params![account, before],
        |r| r.get(0),
    )
}

/// The problem of one signed close, if any.
fn check_one(
    conn: &Connection,
    (date, close): (&str, i64),
    stored: &Stored,
    signers: Option<&AllowedSigners>,
) -> rusqlite::Result<Option<SignatureProblem>> {
    if !entry_records(conn, date, close, stored)? {
        return Ok(Some(SignatureProblem::EntryMismatch));
    }
    let Some(signers) = signers else {
        return Ok(None);
    };
    let signature = match day_signature::parse(&stored.signature) {
        Ok(s) => s,
        Err(problem) => return Ok(Some(problem)),
    };
    let message = close_facts(conn, date)?.map(|f| f.message());
    if let Err(problem) = day_signature::check(&signature, &message.unwrap_or_default()) {
        return Ok(Some(problem));
    }
    if !signers.allows(&stored.clerk, signature.public_key()) {
        return Ok(Some(SignatureProblem::NotAllowed {
            account: stored.clerk.clone(),
            fingerprint: day_signature::fingerprint(&signature),
        }));
    }
    if !was_head(conn, &stored.clerk, stored.audit_id)? {
        return Ok(Some(SignatureProblem::NotHead {
            account: stored.clerk.clone(),
        }));
    }
    Ok(None)
}

/// See the module docs. `required_since`: the first day the office requires signed.
pub(in crate::store) fn verify(
    tx: &Transaction<'_>,
    signers: Option<&AllowedSigners>,
    required_since: Option<NaiveDate>,
) -> rusqlite::Result<SignatureReport> {
    let mut statement = tx.prepare(
        "SELECT c.date, c.audit_id, s.signature, s.fingerprint, s.clerk, s.audit_id
         FROM day_closes c LEFT JOIN day_signatures s ON s.date = c.date
         ORDER BY c.audit_id",
    )?;
    let rows = statement
        .query_map([], |r| {
            let stored = match r.get::<_, Option<String>>(2)? {
                Some(signature) => Some(Stored {
                    signature,
                    fingerprint: r.get(3)?,
                    clerk: r.get(4)?,
                    audit_id: r.get(5)?,
                }),
                None => None,
            };
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, stored))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut report = SignatureReport {
        closes: 0,
        signed: 0,
        checked: signers.is_some(),
        first_bad: None,
    };
    for (date, audit_id, stored) in rows {
        report.closes += 1;
        let problem = match &stored {
            Some(stored) => {
                report.signed += 1;
                check_one(tx, (&date, audit_id), stored, signers)?
            }
            None => {
                let day = date.parse::<NaiveDate>().ok();
                let required = required_since.is_some_and(|since| day.is_none_or(|d| d >= since));
                required.then_some(SignatureProblem::Unsigned)
            }
        };
        if let (None, Some(problem)) = (&report.first_bad, problem) {
            report.first_bad = Some(BadSignature {
                date,
                audit_id,
                problem,
            });
        }
    }
    // A `day_signed` entry whose signature row is gone (the close then looks unsigned).
    if report.first_bad.is_none() {
        let orphan: Option<(String, i64)> = tx
            .query_row(
                "SELECT a.subject, a.id FROM audit_log a WHERE a.action = 'day_signed'
                   AND NOT EXISTS (SELECT 1 FROM day_signatures s WHERE s.audit_id = a.id)
                 ORDER BY a.id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        report.first_bad = orphan.map(|(date, audit_id)| BadSignature {
            date,
            audit_id,
            problem: SignatureProblem::EntryMismatch,
        });
    }
    Ok(report)
}

impl Store {
    /// Checks the signed closes (see the module docs): against `signers` when given, else
    /// only against their audit entries; closes on or after `required_since` must be signed.
    pub fn verify_signatures(
        &mut self,
        signers: Option<&AllowedSigners>,
        required_since: Option<NaiveDate>,
    ) -> Result<SignatureReport, StoreError> {
        let sqlite = self.sqlite_fn();
        // One snapshot, as `verify_audit` reads.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .map_err(&sqlite)?;
        let report = verify(&tx, signers, required_since).map_err(&sqlite)?;
        tx.finish().map_err(&sqlite)?;
        Ok(report)
    }
}
