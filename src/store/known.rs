//! What the register knows of a person by IIN, for the form (issue 11): the fields a
//! known person's formulary can be filled from ([`Prefill`]), and what the rules check a
//! new formulary against ([`Known`]: another formulary in its course, the register's
//! names). Formularies cancelled, spoiled or destroyed are not read: their data may be
//! what made them fail (M-16, M-40).

use super::numbers::registration_key;
use super::records::from_key;
use super::{Store, StoreError};
use crate::domain::formulary::{
    Citizenship, Formulary, Known, KnownNames, OpenFormulary, Residence, overrides_in_use,
    validate_known,
};
use crate::domain::iin::Iin;
use crate::domain::lifecycle::State;
use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use serde::Serialize;

/// What a known person's formulary is filled from: their latest formulary in the
/// register that is not cancelled, spoiled or destroyed. Editable on the form: the clerk
/// sees it was filled, and from which formulary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Prefill {
    pub surname: String,
    pub given_name: String,
    pub patronymic: Option<String>,
    pub birth_place: Option<String>,
    pub nationality: Option<String>,
    pub citizenship: Option<Citizenship>,
    /// Field 13 with its arrival date (M-17).
    pub residence: Option<Residence>,
    /// The registration number of the formulary it came from.
    pub from_number: String,
    /// The day that formulary was registered.
    pub from_date: NaiveDate,
}

impl Prefill {
    /// Fills the empty fields of `f` (a field the clerk typed stays as typed) and says
    /// which, by their JSON path, for the form to mark them as filled from the register.
    pub fn fill(&self, f: &mut Formulary) -> Vec<&'static str> {
        let mut filled = Vec::new();
        let empty = |v: &Option<String>| v.as_deref().is_none_or(|t| t.trim().is_empty());
        let mut text = |field: &'static str, slot: &mut Option<String>, value: Option<&String>| {
            if empty(slot)
                && let Some(value) = value
            {
                *slot = Some(value.clone());
                filled.push(field);
            }
        };
        text("surname", &mut f.surname, Some(&self.surname));
        text("given_name", &mut f.given_name, Some(&self.given_name));
        text("patronymic", &mut f.patronymic, self.patronymic.as_ref());
        text("birth_place", &mut f.birth_place, self.birth_place.as_ref());
        text("nationality", &mut f.nationality, self.nationality.as_ref());
        if f.citizenship.is_none()
            && let Some(c) = &self.citizenship
        {
            f.citizenship = Some(c.clone());
            filled.push("citizenship");
        }
        if let Some(from) = &self.residence {
            let to = f.residence.get_or_insert_with(Residence::default);
            if empty(&to.address) && from.address.is_some() {
                to.address.clone_from(&from.address);
                filled.push("residence.address");
            }
            if to.arrival_date.is_none() && from.arrival_date.is_some() {
                to.arrival_date = from.arrival_date;
                filled.push("residence.arrival_date");
            }
        }
        filled
    }
}

/// The states whose data the register trusts for a person (see the module docs).
const NOT_TRUSTED: [State; 3] = [State::Cancelled, State::Spoiled, State::Destroyed];

/// One formulary of a person: number, state (`None`: unreadable), registered_on. Its JSON
/// is read for the one formulary used ([`json_of`]): a person may have many.
type Row = (String, Option<State>, String);

/// The person's formularies, newest first, but `except` (the formulary being corrected).
fn formularies_of(
    conn: &Connection,
    iin: &str,
    except: Option<&str>,
) -> rusqlite::Result<Vec<Row>> {
    // The (iin, id) index: a person has a handful of rows, read newest first.
    let mut statement = conn.prepare_cached(
        "SELECT number, status, registered_on FROM formularies
         WHERE iin = ?1 ORDER BY id DESC",
    )?;
    let rows = statement.query_map([iin], |r| {
        let status: String = r.get(1)?;
        let number: String = r.get(0)?;
        Ok((number, from_key::<State>(&status), r.get(2)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let row = row?;
        if except != Some(row.0.as_str()) {
            out.push(row);
        }
    }
    Ok(out)
}

/// The JSON of the formulary of `number`.
fn json_of(conn: &Connection, number: &str) -> rusqlite::Result<String> {
    conn.prepare_cached("SELECT formulary_json FROM formularies WHERE number = ?1")?
        .query_row([number], |r| r.get(0))
}

/// What the rules check a formulary for `iin` against ([`Known`]), read on `conn` (inside
/// the registering transaction, so two clerks cannot both pass the check).
pub(super) fn read_known(
    conn: &Connection,
    iin: &str,
    except: Option<&str>,
) -> Result<Known, rusqlite::Error> {
    let mut known = Known::default();
    for (number, state, _) in formularies_of(conn, iin, except)? {
        let Some(state) = state else { continue };
        if state.is_open() {
            known.open.push(OpenFormulary {
                number: number.clone(),
                state,
            });
        }
        if known.names.is_none()
            && !NOT_TRUSTED.contains(&state)
            && let Ok(f) = Formulary::from_json(&json_of(conn, &number)?)
        {
            known.names = Some(KnownNames {
                surname: f.surname.unwrap_or_default(),
                given_name: f.given_name.unwrap_or_default(),
                patronymic: f.patronymic,
                from: Some(number),
            });
        }
    }
    Ok(known)
}

/// The IIN as the register keeps it, or `None` for text that is no IIN (nothing known).
fn iin_key(iin: &str) -> Option<String> {
    Iin::parse(iin.trim()).ok().map(|i| i.as_str().to_string())
}

/// A formulary that cannot be written as JSON (it always can: the error is kept, not
/// unwrapped).
pub(super) fn encoding(path: &std::path::Path, e: serde_json::Error) -> StoreError {
    StoreError::Sqlite {
        path: path.to_path_buf(),
        message: format!("cannot encode the formulary: {e}"),
    }
}

/// A refusal of [`known_accepted`]: the rules' or SQLite's.
pub(super) enum KnownRefusal {
    Invalid(StoreError),
    Sqlite(rusqlite::Error),
}

impl KnownRefusal {
    pub(super) fn or(self, sqlite: &impl Fn(rusqlite::Error) -> StoreError) -> StoreError {
        match self {
            KnownRefusal::Invalid(e) => e,
            KnownRefusal::Sqlite(e) => sqlite(e),
        }
    }
}

/// Issue 11: validates again with what the register knows of the person (another
/// formulary in its course, other names: warnings to let pass with a reason), inside the
/// write's transaction, so that two clerks registering one person cannot both pass.
pub(super) fn known_accepted(
    tx: &Transaction<'_>,
    f: &Formulary,
    today: NaiveDate,
    iin: &str,
    except: Option<&str>,
) -> Result<Formulary, KnownRefusal> {
    let known = read_known(tx, iin, except).map_err(KnownRefusal::Sqlite)?;
    let report = validate_known(f, today, &known);
    if report.is_accepted() {
        // Issue 15: only the overrides that let a warning pass are kept, the register's
        // own warnings (K-OPEN, K-PERSON) among them.
        Ok(Formulary {
            overrides: overrides_in_use(f, &report),
            ..f.clone()
        })
    } else {
        Err(KnownRefusal::Invalid(StoreError::Invalid(
            report.open().cloned().collect(),
        )))
    }
}

impl Store {
    /// What the register knows of `iin` for [`validate_known`]: the person's formularies
    /// in their course and their names, `except` the formulary of that number (the one
    /// being corrected). Nothing for text that is no IIN.
    ///
    /// [`validate_known`]: crate::domain::formulary::validate_known
    pub fn known(&self, iin: &str, except: Option<&str>) -> Result<Known, StoreError> {
        let Some(iin) = iin_key(iin) else {
            return Ok(Known::default());
        };
        read_known(&self.conn, &iin, except.map(registration_key)).map_err(self.sqlite_fn())
    }

    /// What a new formulary for `iin` can be filled from (see [`Prefill`]); `None` for a
    /// person the register does not know, or text that is no IIN.
    pub fn prefill(&self, iin: &str) -> Result<Option<Prefill>, StoreError> {
        let Some(iin) = iin_key(iin) else {
            return Ok(None);
        };
        let rows = formularies_of(&self.conn, &iin, None).map_err(self.sqlite_fn())?;
        let trusted = rows
            .into_iter()
            .find(|(_, state, _)| state.is_some_and(|s| !NOT_TRUSTED.contains(&s)));
        let Some((number, _, registered_on)) = trusted else {
            return Ok(None);
        };
        let json = json_of(&self.conn, &number).map_err(self.sqlite_fn())?;
        let f = Formulary::from_json(&json).map_err(|_| self.damaged("formulary"))?;
        let from_date = registered_on
            .parse()
            .map_err(|_| self.damaged("registration date"))?;
        Ok(Some(Prefill {
            surname: f.surname.unwrap_or_default(),
            given_name: f.given_name.unwrap_or_default(),
            patronymic: f.patronymic,
            birth_place: f.birth_place,
            nationality: f.nationality,
            citizenship: f.citizenship,
            residence: f.residence,
            from_number: number,
            from_date,
        }))
    }
}
