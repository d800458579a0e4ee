//! A head's signature on a day close (issue 15): made when the day is closed
//! ([`Store::close_day_signed`], one transaction: a close the head meant to sign is never
//! left unsigned) or later ([`Store::sign_day`]), stored with the close (`day_signatures`)
//! and recorded by its own `day_signed` audit entry, so the chain covers it. What is signed
//! and why: `domain::day_signature`. Checking: `day_sign/verify.rs`.

mod verify;

pub use verify::{BadSignature, SignatureReport};

use super::audit;
use super::corrections::sha256;
use super::ops::now;
use super::{HeadAct, Store, StoreError};
use crate::domain::day_signature::{self, CloseFacts};
use crate::office::Clock;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use serde_json::json;

/// Signs a close's message with a head's key. The CLI's runs `ssh-keygen -Y sign` against
/// the head's agent (`cli/sign.rs`); tests may sign in-process.
pub trait CloseSigner {
    /// The public key the signature must be made with (checked before it is stored).
    fn key(&self) -> &ssh_key::PublicKey;
    /// The armored SSHSIG of `message` in the `kense-day` namespace, or why not.
    fn sign(&mut self, message: &str) -> Result<String, String>;
}

/// A close's signature as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DaySignature {
    pub date: NaiveDate,
    /// The head's OS account that signed.
    pub clerk: String,
    /// UTC, as the audit log writes it.
    pub signed_at: String,
    /// The signing key's SHA-256 fingerprint (`SHA256:…`).
    pub fingerprint: String,
    /// The `day_signed` audit entry.
    pub audit_id: i64,
    /// The armored SSHSIG.
    pub signature: String,
}

/// The facts of the close of `date` as the register holds them now (its row and its own
/// entry's hash); `None` when the day is not closed.
pub(super) fn close_facts(
    conn: &rusqlite::Connection,
    date: &str,
) -> rusqlite::Result<Option<CloseFacts>> {
    conn.query_row(
        "SELECT c.closed_at, c.clerk, c.audit_id, c.audit_hash,
                COALESCE((SELECT hash FROM audit_log WHERE id = c.audit_id), '')
         FROM day_closes c WHERE c.date = ?1",
        [date],
        |r| {
            Ok(CloseFacts {
                date: date.to_string(),
                closed_at: r.get(0)?,
                clerk: r.get(1)?,
                audit_id: r.get(2)?,
                audit_hash: r.get(3)?,
                entry_hash: r.get(4)?,
            })
        },
    )
    .optional()
}

/// Signs the close of `date` inside the caller's write transaction (a head's, checked by
/// the caller) and records the signature and its audit entry.
pub(super) fn sign_in(
    tx: &Transaction<'_>,
    clock: &Clock,
    clerk: &str,
    date: NaiveDate,
    signer: &mut dyn CloseSigner,
) -> Result<DaySignature, rusqlite::Result<StoreError>> {
    let key = date.to_string();
    let facts = close_facts(tx, &key)
        .map_err(Err)?
        .ok_or(Ok(StoreError::DayNotClosed { date }))?;
    let signed_by: Option<String> = tx
        .query_row(
            "SELECT clerk FROM day_signatures WHERE date = ?1",
            [&key],
            |r| r.get(0),
        )
        .optional()
        .map_err(Err)?;
    if let Some(clerk) = signed_by {
        return Err(Ok(StoreError::DayAlreadySigned { date, clerk }));
    }
    let message = facts.message();
    let failed = |detail: String| Ok(StoreError::SigningFailed { date, detail });
    let armored = signer.sign(&message).map_err(failed)?;
    let signature = day_signature::check_new(&armored, &message, signer.key()).map_err(failed)?;
    let fingerprint = day_signature::fingerprint(&signature);
    let armored = armored.trim().to_string();
    let at = now(clock);
    let details = json!({
        "close_audit_id": facts.audit_id,
        "fingerprint": fingerprint,
        "signature_sha256": sha256(&armored),
    });
    let entry = audit::append(tx, &at, clerk, "day_signed", &key, &details).map_err(Err)?;
    tx.execute(
        "INSERT INTO day_signatures (date, signature, fingerprint, signed_at, clerk, audit_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![key, armored, fingerprint, at, clerk, entry.id],
    )
    .map_err(Err)?;
    Ok(DaySignature {
        date,
        clerk: clerk.to_string(),
        signed_at: at,
        fingerprint,
        audit_id: entry.id,
        signature: armored,
    })
}

impl Store {
    /// Signs the close of `date`, closed earlier unsigned (`kense day sign`). A head's act
    /// (K-HEAD), refused on a broken chain as a close is: the signature vouches for the
    /// chain as it stands.
    pub fn sign_day(
        &mut self,
        date: NaiveDate,
        signer: &mut dyn CloseSigner,
    ) -> Result<DaySignature, StoreError> {
        let (clerk, clock) = (self.clerk.clone(), self.clock);
        // The whole check before the write lock, only what came since under it (as a close).
        self.head_before_checks()?;
        let checked = self.verify_register()?;
        if let Some(bad) = checked.first_bad.as_ref() {
            return Err(super::ops::broken(date, bad));
        }
        let sqlite = self.sqlite_fn();
        let tx = self.begin()?;
        super::staff::admit_writer(&tx, &clerk, &clock).map_err(|e| e.unwrap_or_else(&sqlite))?;
        super::staff::require_head(&tx, &clerk, HeadAct::CloseDay)
            .map_err(|e| e.unwrap_or_else(&sqlite))?;
        // The rows this write made so far sealed first (issue 15).
        audit::seal::seal(&tx, &now(&clock), clerk.as_str()).map_err(&sqlite)?;
        if let Some(bad) = audit::verify_since(&tx, &checked).map_err(&sqlite)? {
            return Err(super::ops::broken(date, &bad));
        }
        let signed = sign_in(&tx, &clock, clerk.as_str(), date, signer)
            .map_err(|e| e.unwrap_or_else(&sqlite))?;
        crate::store::audit::seal::commit(tx, &clock, clerk.as_str()).map_err(&sqlite)?;
        Ok(signed)
    }

    /// The signature of the close of `date`, if it is signed.
    pub fn day_signature(&self, date: NaiveDate) -> Result<Option<DaySignature>, StoreError> {
        self.conn
            .query_row(
                "SELECT signed_at, clerk, fingerprint, audit_id, signature
                 FROM day_signatures WHERE date = ?1",
                [date.to_string()],
                |r| {
                    Ok(DaySignature {
                        date,
                        signed_at: r.get(0)?,
                        clerk: r.get(1)?,
                        fingerprint: r.get(2)?,
                        audit_id: r.get(3)?,
                        signature: r.get(4)?,
                    })
                },
            )
            .optional()
            .map_err(self.sqlite_fn())
    }

    /// The message a head signs for the close of `date` (`kense day sign --message`: to
    /// check a stored signature by hand with `ssh-keygen -Y verify`); `None` when the day
    /// is not closed.
    pub fn close_message(&self, date: NaiveDate) -> Result<Option<String>, StoreError> {
        let facts = close_facts(&self.conn, &date.to_string()).map_err(self.sqlite_fn())?;
        Ok(facts.map(|f| f.message()))
    }
}
