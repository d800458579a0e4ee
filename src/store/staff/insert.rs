//! Adding a member of staff: the one insert every way of adding goes through, with its
//! audit entry (module docs of `staff`).

use super::super::ops::now;
use super::super::{Clerk, StoreError, audit};
use super::{Role, StaffMember, member};
use crate::office::Clock;
use rusqlite::params;
use serde_json::json;

/// Inserts a member; [`StoreError::StaffExists`] when the account is on the staff already.
/// `name` is already checked (or empty for a register's creator). `audited`: `Some(first)`
/// appends a `staff_added` entry (`first_head` in its details when `first`); `None` for
/// the creator of a new register, whose first write's entry records it (module docs).
pub(super) fn insert(
    tx: &rusqlite::Transaction<'_>,
    clock: &Clock,
    by: &Clerk,
    account: &Clerk,
    name: &str,
    role: Role,
    audited: Option<bool>,
) -> rusqlite::Result<Result<StaffMember, StoreError>> {
    if member(tx, account.as_str())?.is_some() {
        return Ok(Err(StoreError::StaffExists {
            account: account.as_str().to_string(),
        }));
    }
    let at = now(clock);
    let audit_id = match audited {
        Some(first) => {
            let mut details = json!({ "role": role.key(), "active": true });
            if first {
                details["first_head"] = json!(true);
            }
            let entry = audit::append(
                tx,
                &at,
                by.as_str(),
                "staff_added",
                account.as_str(),
                &details,
            )?;
            Some(entry.id)
        }
        None => None,
    };
    tx.execute(
        "INSERT INTO staff (account, full_name, role, active, added_at, changed_at, audit_id)
         VALUES (?1, ?2, ?3, 1, ?4, ?4, ?5)",
        params![account.as_str(), name, role.key(), at, audit_id],
    )?;
    Ok(Ok(StaffMember {
        account: account.as_str().to_string(),
        full_name: name.to_string(),
        role,
        active: true,
        added_at: at.clone(),
        changed_at: at,
    }))
}
