//! Who may make a move (issue 12): the head's acts and maker-checker.

use super::staff::{active_heads, require_head};
use super::{Clerk, HeadAct, StoreError};
use crate::domain::lifecycle::{Event, Lifecycle};
use rusqlite::Transaction;

/// Checks that `clerk` may make `event` on formulary `number` (already admitted as active
/// staff by the write). Returns the approving head's name for papers when the event is a
/// conclusion (M-16), to be recorded with it.
///
/// - M-16: a conclusion (confirm or refuse) is approved by a head (the head of the unit or
///   the deputy); nobody approves their own work (maker-checker): not the head who started
///   the verification, nor the one who registered the formulary. With a single active head
///   the refusal says that another must be added.
/// - K-HEAD: a destruction act is signed by a head.
pub(super) fn check(
    tx: &Transaction<'_>,
    clerk: &Clerk,
    event: &Event,
    number: &str,
    lifecycle: &Lifecycle,
    registered_by: &str,
    sqlite: &impl Fn(rusqlite::Error) -> StoreError,
) -> Result<Option<String>, StoreError> {
    match event {
        Event::Confirm { .. } | Event::Refuse { .. } => {
            let head = require_head(tx, clerk, HeadAct::ApproveConclusion)
                .map_err(|e| e.unwrap_or_else(sqlite))?;
            let started_by = lifecycle
                .transitions()
                .iter()
                .rev()
                .find(|t| matches!(t.event, Event::StartVerification { .. }))
                .map(|t| t.clerk.as_str());
            let started = started_by == Some(clerk.as_str());
            if started || registered_by == clerk.as_str() {
                let single_head = active_heads(tx).map_err(sqlite)? <= 1;
                return Err(StoreError::OwnWork {
                    account: clerk.as_str().to_string(),
                    number: number.to_string(),
                    started,
                    single_head,
                });
            }
            Ok(Some(head.full_name))
        }
        Event::Destroy { .. } => {
            require_head(tx, clerk, HeadAct::DestructionAct)
                .map_err(|e| e.unwrap_or_else(sqlite))?;
            Ok(None)
        }
        _ => Ok(None),
    }
}

impl super::Store {
    /// M-16: the name of the head who approved conclusion `conclusion` of formulary
    /// `number`, as printed on it when approved (`conclusions.approver_name`); `None` for a
    /// conclusion written before the staff kept names, or with no name set then.
    pub fn conclusion_approver(
        &self,
        number: &str,
        conclusion: &str,
    ) -> Result<Option<String>, StoreError> {
        use rusqlite::OptionalExtension;
        let name: Option<Option<String>> = self
            .conn
            .query_row(
                "SELECT c.approver_name FROM conclusions c
                 JOIN formularies f ON f.id = c.formulary_id
                 WHERE f.number = ?1 AND c.number = ?2
                 ORDER BY c.year DESC, c.seq DESC LIMIT 1",
                rusqlite::params![number, conclusion],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.sqlite_fn())?;
        Ok(name.flatten().filter(|n| !n.trim().is_empty()))
    }
}
