//! The persons of the register, by IIN: each with the names and birth date of their latest
//! formulary, set when one is registered and taken again after a correction, since a
//! corrected IIN (M-12.a) moves a formulary from one person to another.

use super::StoreError;
use super::columns::Columns;
use super::ops::now;
use crate::domain::formulary::Formulary;
use crate::office::Clock;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, params};

/// What became of a person when their names were taken again from their formularies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PersonOutcome {
    /// The names (and birth date) of their latest formulary.
    Updated,
    /// No formulary of theirs is left, and no document: the row was only the mistyped
    /// formulary's, and goes (M-12.a: the register no longer holds that IIN).
    Removed,
    /// No formulary is left, but documents refer to them: kept as they were.
    Kept,
}

impl PersonOutcome {
    pub(super) fn key(self) -> &'static str {
        match self {
            PersonOutcome::Updated => "updated",
            PersonOutcome::Removed => "removed",
            PersonOutcome::Kept => "kept",
        }
    }
}

/// The person of `iin` with the names and birth date of their latest formulary (the
/// highest row id: the last registered), as registering sets them; see [`PersonOutcome`]
/// when none is left.
pub(super) fn refresh_person(
    tx: &Transaction<'_>,
    clock: &Clock,
    iin: &str,
    sqlite: &impl Fn(rusqlite::Error) -> StoreError,
    damaged: &impl Fn() -> StoreError,
) -> Result<PersonOutcome, StoreError> {
    let latest: Option<(String, String, Option<String>, String)> = tx
        .query_row(
            "SELECT surname, given_name, patronymic, formulary_json FROM formularies
             WHERE iin = ?1 ORDER BY id DESC LIMIT 1",
            [iin],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()
        .map_err(sqlite)?;
    let Some((surname, given_name, patronymic, json)) = latest else {
        let documents: bool = tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM documents WHERE iin = ?1)",
                [iin],
                |r| r.get(0),
            )
            .map_err(sqlite)?;
        if documents {
            return Ok(PersonOutcome::Kept);
        }
        tx.execute("DELETE FROM persons WHERE iin = ?1", [iin])
            .map_err(sqlite)?;
        return Ok(PersonOutcome::Removed);
    };
    let birth_date = Formulary::from_json(&json)
        .map_err(|_| damaged())?
        .birth_date
        .map(|d| d.to_string());
    tx.execute(
        "UPDATE persons SET surname = ?2, given_name = ?3, patronymic = ?4, birth_date = ?5,
            updated_at = ?6
         WHERE iin = ?1",
        params![iin, surname, given_name, patronymic, birth_date, now(clock)],
    )
    .map_err(sqlite)?;
    Ok(PersonOutcome::Updated)
}

/// The person by IIN, with the names of the formulary being saved (registering: the latest).
pub(super) fn upsert_person(
    tx: &Transaction<'_>,
    clock: &Clock,
    c: &Columns,
    birth_date: Option<NaiveDate>,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO persons (iin, surname, given_name, patronymic, birth_date, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (iin) DO UPDATE SET surname = excluded.surname,
            given_name = excluded.given_name, patronymic = excluded.patronymic,
            birth_date = excluded.birth_date, updated_at = excluded.updated_at",
        params![
            c.iin,
            c.surname,
            c.given_name,
            c.patronymic,
            birth_date.map(|d| d.to_string()),
            now(clock)
        ],
    )?;
    Ok(())
}
