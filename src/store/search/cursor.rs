//! The place where a page of the register ended: see [`Cursor`].

use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Where a page ended: give it as [`Query::after`] for the next page of the same query.
/// Opaque to callers; written and read as text (`--after` on the command line): the row
/// id, then for name and date orders the phase and the sort key (`ID~PHASE~KEY`). The key
/// of a name order is left empty (`ID~PHASE~`): the row's own is read back by its id, so a
/// cursor, which ends up in shell history and scripts, carries no name (issue 15).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Cursor {
    pub(super) id: i64,
    /// 0 for the surname (or the only) walk, 1 for the given-name walk of a one-word name.
    pub(super) phase: u8,
    /// The sort key of the last row, for the orders that walk a key before the id.
    pub(super) key: Option<String>,
}

impl fmt::Display for Cursor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.key {
            None => write!(f, "{}", self.id),
            Some(key) => write!(f, "{}~{}~{key}", self.id, self.phase),
        }
    }
}

/// A cursor that is not one a page printed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a cursor of `kense register` (give the one the previous page printed)")]
pub struct BadCursor;

impl FromStr for Cursor {
    type Err = BadCursor;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts = s.trim().splitn(3, '~');
        let id = parts
            .next()
            .and_then(|id| id.parse().ok())
            .ok_or(BadCursor)?;
        match (parts.next(), parts.next()) {
            (None, _) => Ok(Cursor {
                id,
                phase: 0,
                key: None,
            }),
            (Some(phase), Some(key)) => Ok(Cursor {
                id,
                phase: phase.parse().ok().filter(|p| *p <= 1).ok_or(BadCursor)?,
                key: Some(key.to_string()),
            }),
            (Some(_), None) => Err(BadCursor),
        }
    }
}

impl Serialize for Cursor {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
