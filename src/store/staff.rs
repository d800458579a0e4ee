//! The office's staff (issue 12): which OS accounts may write to the register, under which
//! name they sign papers, and who is a head.
//!
//! - K-STAFF: an account that is not active staff may read the register but not write it;
//!   every write checks this inside its own IMMEDIATE transaction ([`Store::write`]), so a
//!   member retired by another clerk a moment ago writes nothing more.
//! - K-HEAD: closing a day, a destruction act and changes to the staff are a head's; so is
//!   approving an M-16 conclusion (the head of the unit or the deputy, M-16).
//! - The account that creates a register is its first head (with no name for papers yet:
//!   `kense staff set ACCOUNT --name`): its first write makes it so, in the same
//!   transaction, and that write's audit entry (the register's first) records it. A register written before staff were kept has none:
//!   nobody writes until the account that owns the register file names its first head.
//! - Members are never deleted: the history names their accounts. Every change is audited
//!   (`staff_added`, `staff_changed`, `staff_retired`) with the account as the subject and
//!   the role and state in the details; the full name is not in the audit log (personal).

mod insert;

use super::ops::now;
use super::{Clerk, HeadAct, Store, StoreError, audit};
use crate::office::Clock;
use insert::insert;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// What a member of staff may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Fills, registers and moves formularies.
    Clerk,
    /// The head of the unit or the deputy: also closes days, approves M-16 conclusions,
    /// signs destruction acts and keeps the staff.
    Head,
}

impl Role {
    pub fn key(self) -> &'static str {
        match self {
            Role::Clerk => "clerk",
            Role::Head => "head",
        }
    }

    fn from_key(key: &str) -> Option<Role> {
        match key {
            "clerk" => Some(Role::Clerk),
            "head" => Some(Role::Head),
            _ => None,
        }
    }
}

/// One member of staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffMember {
    /// The OS account.
    pub account: String,
    /// The name as printed on papers («ЖУМАБЕКОВА А. К.»); empty until set.
    pub full_name: String,
    pub role: Role,
    pub active: bool,
    /// UTC, as the audit log's `at`.
    pub added_at: String,
    pub changed_at: String,
}

/// A change to a member: what is `Some` changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StaffChange {
    pub full_name: Option<String>,
    pub role: Option<Role>,
    /// `Some(true)` brings a retired member back.
    pub active: Option<bool>,
}

const COLUMNS: &str = "account, full_name, role, active, added_at, changed_at";

fn member_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Option<StaffMember>> {
    let role: String = r.get(2)?;
    Ok(Role::from_key(&role).map(|role| StaffMember {
        account: r.get(0).unwrap_or_default(),
        full_name: r.get(1).unwrap_or_default(),
        role,
        active: r.get::<_, i64>(3).map(|a| a == 1).unwrap_or(false),
        added_at: r.get(4).unwrap_or_default(),
        changed_at: r.get(5).unwrap_or_default(),
    }))
}

/// The member with `account`, on `conn` (inside the caller's transaction).
pub(super) fn member(conn: &Connection, account: &str) -> rusqlite::Result<Option<StaffMember>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM staff WHERE account = ?1"),
        [account],
        member_row,
    )
    .optional()
    .map(Option::flatten)
}

/// How many active heads the register has.
pub(super) fn active_heads(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT COUNT(*) FROM staff WHERE role = 'head' AND active = 1",
        [],
        |r| r.get(0),
    )
}

/// K-STAFF: `clerk` must be active staff to write.
pub(super) fn require_writer(
    conn: &Connection,
    clerk: &Clerk,
) -> Result<StaffMember, rusqlite::Result<StoreError>> {
    match member(conn, clerk.as_str()) {
        Ok(Some(m)) if m.active => Ok(m),
        Ok(_) => {
            let staffless = conn
                .query_row("SELECT NOT EXISTS (SELECT 1 FROM staff)", [], |r| r.get(0))
                .map_err(Err)?;
            Err(Ok(StoreError::NotStaff {
                account: clerk.as_str().to_string(),
                staffless,
            }))
        }
        Err(e) => Err(Err(e)),
    }
}

/// K-STAFF for a write beginning in `tx`: `clerk` must be active staff; in a brand-new
/// register (no staff, nothing in the audit log) the account making its first write is
/// its first head, recorded in the same transaction (so a write that fails leaves none).
pub(super) fn admit_writer(
    tx: &rusqlite::Transaction<'_>,
    clerk: &Clerk,
    clock: &Clock,
) -> Result<(), rusqlite::Result<StoreError>> {
    // Issue 15: rows noted by a write outside kense are not sealed by this one.
    super::audit::seal::discard_foreign(tx).map_err(Err)?;
    match require_writer(tx, clerk) {
        Ok(_) => Ok(()),
        Err(Ok(StoreError::NotStaff {
            staffless: true, ..
        })) if is_new(tx).map_err(Err)? && super::file::may_found(tx) => {
            match insert(tx, clock, clerk, clerk, "", Role::Head, None) {
                Ok(Ok(_)) => Ok(()),
                Ok(Err(e)) => Err(Ok(e)),
                Err(e) => Err(Err(e)),
            }
        }
        Err(e) => Err(e),
    }
}

/// A register nothing was ever written to: no staff, no audit entry.
fn is_new(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT NOT EXISTS (SELECT 1 FROM staff) AND NOT EXISTS (SELECT 1 FROM audit_log)",
        [],
        |r| r.get(0),
    )
}

/// K-HEAD: `clerk` must be an active head to do `act`.
pub(super) fn require_head(
    conn: &Connection,
    clerk: &Clerk,
    act: HeadAct,
) -> Result<StaffMember, rusqlite::Result<StoreError>> {
    let m = require_writer(conn, clerk)?;
    if m.role == Role::Head {
        Ok(m)
    } else {
        Err(Ok(StoreError::NotHead {
            account: clerk.as_str().to_string(),
            act,
        }))
    }
}

/// A full name for papers: trimmed, not empty, on one line.
fn full_name(name: &str) -> Result<String, StoreError> {
    let name = name.trim();
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err(StoreError::BadStaffName);
    }
    Ok(name.to_string())
}

impl Store {
    /// Every member of staff, by account.
    pub fn staff(&self) -> Result<Vec<StaffMember>, StoreError> {
        let sqlite = self.sqlite_fn();
        let mut statement = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM staff ORDER BY account"))
            .map_err(&sqlite)?;
        let rows = statement.query_map([], member_row).map_err(&sqlite)?;
        let mut all = Vec::new();
        for row in rows {
            all.push(
                row.map_err(&sqlite)?
                    .ok_or_else(|| self.damaged("staff role"))?,
            );
        }
        Ok(all)
    }

    /// The member with `account`, if any.
    pub fn staff_member(&self, account: &str) -> Result<Option<StaffMember>, StoreError> {
        member(&self.conn, account).map_err(self.sqlite_fn())
    }

    /// The member acting now (this store's clerk), if on the staff.
    pub fn acting_member(&self) -> Result<Option<StaffMember>, StoreError> {
        self.staff_member(self.clerk.as_str())
    }

    /// K-STAFF: whether this store's clerk may write, as the member it is
    /// ([`StoreError::NotStaff`] else). On a brand-new register this makes the clerk its
    /// first head, as its first write would. The workstation can ask once at start, to open
    /// read-only for an account that is not staff.
    pub fn admit(&mut self) -> Result<StaffMember, StoreError> {
        let sqlite = self.sqlite_fn();
        let (clerk, clock) = (self.clerk.clone(), self.clock);
        let tx = self.write()?;
        let found = member(&tx, clerk.as_str()).map_err(&sqlite)?;
        crate::store::audit::seal::commit(tx, &clock, clerk.as_str()).map_err(&sqlite)?;
        found.ok_or(StoreError::NotStaff {
            account: clerk.as_str().to_string(),
            staffless: false,
        })
    }

    /// Adds `account` to the staff (K-HEAD: a head does it). In a register with no staff
    /// at all, [`Store::add_first_head`] names the first head instead.
    pub fn add_staff(
        &mut self,
        account: &Clerk,
        name: &str,
        role: Role,
    ) -> Result<StaffMember, StoreError> {
        let name = full_name(name)?;
        let sqlite = self.sqlite_fn();
        let clerk = self.clerk.clone();
        let clock = self.clock;
        let tx = self.begin()?;
        require_head(&tx, &clerk, HeadAct::ManageStaff).map_err(|e| e.unwrap_or_else(&sqlite))?;
        let added =
            insert(&tx, &clock, &clerk, account, &name, role, Some(false)).map_err(&sqlite)??;
        crate::store::audit::seal::commit(tx, &clock, clerk.as_str()).map_err(&sqlite)?;
        Ok(added)
    }

    /// Names the first head of a register that has no staff (one written before staff
    /// were kept). The caller establishes that the acting account owns the register file
    /// (the CLI does; see `kense staff add`). Once the register has staff, this is
    /// [`Store::add_staff`] of a head (a head's act).
    pub fn add_first_head(
        &mut self,
        account: &Clerk,
        name: &str,
    ) -> Result<StaffMember, StoreError> {
        let name = full_name(name)?;
        let sqlite = self.sqlite_fn();
        let clerk = self.clerk.clone();
        let clock = self.clock;
        let tx = self.begin()?;
        let staffless: bool = tx
            .query_row("SELECT NOT EXISTS (SELECT 1 FROM staff)", [], |r| r.get(0))
            .map_err(&sqlite)?;
        if !staffless {
            // Not the first any more: a head adds a head as any member.
            drop(tx);
            return self.add_staff(account, &name, Role::Head);
        }
        let added = insert(&tx, &clock, &clerk, account, &name, Role::Head, Some(true))
            .map_err(&sqlite)??;
        crate::store::audit::seal::commit(tx, &clock, clerk.as_str()).map_err(&sqlite)?;
        Ok(added)
    }

    /// Changes a member's name, role or state (K-HEAD). The last active head cannot stop
    /// being one ([`StoreError::LastHead`]).
    pub fn change_staff(
        &mut self,
        account: &str,
        change: &StaffChange,
    ) -> Result<StaffMember, StoreError> {
        let name = change.full_name.as_deref().map(full_name).transpose()?;
        let sqlite = self.sqlite_fn();
        let clerk = self.clerk.clone();
        let clock = self.clock;
        let tx = self.begin()?;
        require_head(&tx, &clerk, HeadAct::ManageStaff).map_err(|e| e.unwrap_or_else(&sqlite))?;
        let Some(before) = member(&tx, account).map_err(&sqlite)? else {
            return Err(StoreError::NoStaffMember {
                account: account.to_string(),
            });
        };
        let role = change.role.unwrap_or(before.role);
        let active = change.active.unwrap_or(before.active);
        let was_head = before.role == Role::Head && before.active;
        let is_head = role == Role::Head && active;
        if was_head && !is_head && active_heads(&tx).map_err(&sqlite)? <= 1 {
            return Err(StoreError::LastHead {
                account: account.to_string(),
            });
        }
        let at = now(&clock);
        let action = if before.active && !active {
            "staff_retired"
        } else {
            "staff_changed"
        };
        // The full name is personal: the entry says only that it changed.
        let details = json!({
            "role": role.key(),
            "active": active,
            "name_changed": name.as_ref().is_some_and(|n| *n != before.full_name),
        });
        let entry =
            audit::append(&tx, &at, clerk.as_str(), action, account, &details).map_err(&sqlite)?;
        tx.execute(
            "UPDATE staff SET full_name = ?2, role = ?3, active = ?4, changed_at = ?5,
                audit_id = ?6 WHERE account = ?1",
            params![
                account,
                name.unwrap_or(before.full_name),
                role.key(),
                i64::from(active),
                at,
                entry.id
            ],
        )
        .map_err(&sqlite)?;
        let after =
            member(&tx, account)
                .map_err(&sqlite)?
                .ok_or_else(|| StoreError::NoStaffMember {
                    account: account.to_string(),
                })?;
        crate::store::audit::seal::commit(tx, &clock, clerk.as_str()).map_err(&sqlite)?;
        Ok(after)
    }

    /// Retires a member: it keeps its history and may read, but writes nothing more.
    pub fn retire_staff(&mut self, account: &str) -> Result<StaffMember, StoreError> {
        self.change_staff(
            account,
            &StaffChange {
                active: Some(false),
                ..StaffChange::default()
            },
        )
    }
}
