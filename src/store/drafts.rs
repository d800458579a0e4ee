//! Drafts: one formulary being filled per clerk, kept between sessions.
//!
//! A draft holds personal data like a registered formulary, so saving and discarding are
//! audited; the audit entry records that the clerk saved a draft, never its content.

use super::ops::now;
use super::{Store, StoreError, audit};
use crate::domain::formulary::Formulary;
use rusqlite::{OptionalExtension, params};
use serde_json::json;

/// A draft kept in the register: whose, and when last saved (UTC).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DraftHeld {
    pub clerk: String,
    pub saved_at: String,
}

impl Store {
    /// Every clerk's draft, without its content: closing a day asks with the accounts that
    /// still have a formulary being filled (issue 12).
    pub fn drafts_held(&self) -> Result<Vec<DraftHeld>, StoreError> {
        let sqlite = self.sqlite_fn();
        let mut statement = self
            .conn
            .prepare("SELECT clerk, saved_at FROM drafts ORDER BY clerk")
            .map_err(&sqlite)?;
        let rows = statement
            .query_map([], |r| {
                Ok(DraftHeld {
                    clerk: r.get(0)?,
                    saved_at: r.get(1)?,
                })
            })
            .map_err(&sqlite)?;
        rows.collect::<Result<_, _>>().map_err(&sqlite)
    }

    /// Saves `formulary` as this clerk's draft, replacing the previous one. A draft need
    /// not be valid.
    pub fn save_draft(&mut self, formulary: &Formulary) -> Result<(), StoreError> {
        let json = serde_json::to_string(formulary).map_err(|e| StoreError::Sqlite {
            path: self.path.clone(),
            message: format!("cannot encode the draft: {e}"),
        })?;
        let clerk = self.clerk.as_str().to_string();
        let clock = self.clock;
        let sqlite = self.sqlite_fn();
        let tx = self.write()?;
        let at = now(&clock);
        audit::append(&tx, &at, &clerk, "draft_saved", &clerk, &json!({})).map_err(&sqlite)?;
        tx.execute(
            "INSERT INTO drafts (clerk, formulary_json, saved_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (clerk) DO UPDATE SET formulary_json = excluded.formulary_json,
                saved_at = excluded.saved_at",
            params![clerk, json, at],
        )
        .map_err(&sqlite)?;
        tx.commit().map_err(&sqlite)
    }

    /// This clerk's draft, if there is one.
    pub fn load_draft(&self) -> Result<Option<Formulary>, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT formulary_json FROM drafts WHERE clerk = ?1",
                [self.clerk.as_str()],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.sqlite_fn())?;
        json.map(|j| Formulary::from_json(&j).map_err(|_| self.damaged("draft")))
            .transpose()
    }

    /// Discards this clerk's draft; nothing happens (and nothing is audited) without one.
    pub fn discard_draft(&mut self) -> Result<(), StoreError> {
        let clerk = self.clerk.as_str().to_string();
        let clock = self.clock;
        let sqlite = self.sqlite_fn();
        let tx = self.write()?;
        let gone = tx
            .execute("DELETE FROM drafts WHERE clerk = ?1", [&clerk])
            .map_err(&sqlite)?;
        if gone > 0 {
            audit::append(
                &tx,
                &now(&clock),
                &clerk,
                "draft_discarded",
                &clerk,
                &json!({}),
            )
            .map_err(&sqlite)?;
        }
        tx.commit().map_err(&sqlite)
    }
}
