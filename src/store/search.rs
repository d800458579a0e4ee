//! Searching the register, a page at a time.
//!
//! Rows come newest first (by registration order). Pages are keyset-paginated: a page ends
//! with a [`Cursor`] (the last row's place) and the next page starts after it, so a page
//! costs the same at the millionth row as at the first, and rows registered while a clerk
//! pages never shift the pages already read. Every filter has an index ending in the row
//! id (see `register.sql`), so a page is a range scan of one index.
//!
//! Names are searched by prefix on a folded copy of the surname and the given name
//! ([`fold_name`]: Unicode lower case, so "ақж" finds "АҚЖОЛОВА"; SQLite's own `lower()`
//! and `LIKE` fold ASCII only), as the range `>= prefix AND < prefix_end`, which an index
//! serves. One word matches the surname or the given name; two or more words match the
//! surname by the first and the given name by the second ("ақжолова ай").

use super::numbers::{fold_name, parse_coupon, prefix_end};
use super::records::{from_key, key};
use super::{Store, StoreError};
use crate::domain::lifecycle::State;
use chrono::NaiveDate;
use rusqlite::types::Value;
use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Rows per page when the query does not say.
pub const DEFAULT_LIMIT: usize = 50;
/// The most rows one page holds.
pub const MAX_LIMIT: usize = 1000;

/// Where a page ended: give it as [`Query::after`] for the next page. Opaque to callers;
/// written and read as text (`--after` on the command line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cursor(i64);

impl fmt::Display for Cursor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl FromStr for Cursor {
    type Err = std::num::ParseIntError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim().parse().map(Cursor)
    }
}

impl Serialize for Cursor {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// What to look for; every filter given must match. `Query::default()` is the whole
/// register, a page at a time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The IIN, exactly.
    pub iin: Option<String>,
    /// The start of the surname or given name, any case (see the module docs).
    pub name_prefix: Option<String>,
    /// The registration number, exactly.
    pub number: Option<String>,
    /// The coupon number (spaces and hyphens ignored).
    pub coupon: Option<String>,
    pub status: Option<State>,
    pub filling_code: Option<String>,
    pub region_code: Option<String>,
    pub district_code: Option<String>,
    /// Registered on or after this day.
    pub from: Option<NaiveDate>,
    /// Registered on or before this day.
    pub to: Option<NaiveDate>,
    /// Rows per page: 0 means [`DEFAULT_LIMIT`]; at most [`MAX_LIMIT`].
    pub limit: usize,
    /// Start after this place: the `next` of the previous page.
    pub after: Option<Cursor>,
}

/// One line of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegisterRow {
    pub number: String,
    pub registered_on: NaiveDate,
    pub surname: String,
    pub given_name: String,
    pub patronymic: Option<String>,
    pub iin: String,
    pub filling_code: String,
    pub status: State,
}

/// One page of rows, and where the next one starts (`None` on the last page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Page {
    pub rows: Vec<RegisterRow>,
    pub next: Option<Cursor>,
}

/// The columns of a [`RegisterRow`], in the order [`row`] reads them.
pub(super) const ROW_COLUMNS: &str =
    "id, number, registered_on, surname, given_name, patronymic, iin, filling_code, status";

/// Reads one row selected with [`ROW_COLUMNS`]; `None` for a row whose date or status
/// this kense cannot read (a damaged file).
pub(super) fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, Option<RegisterRow>)> {
    let registered_on: String = r.get(2)?;
    let status: String = r.get(8)?;
    let parsed = registered_on.parse().ok().zip(from_key(&status));
    let id = r.get(0)?;
    Ok(match parsed {
        Some((registered_on, status)) => (
            id,
            Some(RegisterRow {
                number: r.get(1)?,
                registered_on,
                surname: r.get(3)?,
                given_name: r.get(4)?,
                patronymic: r.get(5)?,
                iin: r.get(6)?,
                filling_code: r.get(7)?,
                status,
            }),
        ),
        None => (id, None),
    })
}

/// A folded-name prefix condition on `column`.
fn prefix(column: &str, text: &str, args: &mut Vec<Value>) -> String {
    args.push(Value::Text(text.to_string()));
    match prefix_end(text) {
        Some(end) => {
            args.push(Value::Text(end));
            format!("({column} >= ? AND {column} < ?)")
        }
        None => format!("{column} >= ?"),
    }
}

/// The SQL of a page of `query`, its arguments, and the page size.
fn statement(query: &Query) -> Result<(String, Vec<Value>, usize), StoreError> {
    let mut clauses: Vec<String> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    let mut exact = |column: &str, value: Option<String>| {
        if let Some(value) = value {
            clauses.push(format!("{column} = ?"));
            args.push(Value::Text(value));
        }
    };
    let trimmed = |v: &Option<String>| v.as_deref().map(|s| s.trim().to_string());
    exact("iin", trimmed(&query.iin));
    exact("number", trimmed(&query.number));
    // A coupon with a typo matches nothing rather than something else.
    let coupon = query
        .coupon
        .as_deref()
        .map(|c| parse_coupon(c).unwrap_or_else(|| c.trim().to_string()));
    exact("coupon", coupon);
    exact("status", query.status.map(|s| key(&s)).transpose()?);
    exact("filling_code", trimmed(&query.filling_code));
    exact("region_code", trimmed(&query.region_code));
    exact("district_code", trimmed(&query.district_code));
    if let Some(from) = query.from {
        clauses.push("registered_on >= ?".into());
        args.push(Value::Text(from.to_string()));
    }
    if let Some(to) = query.to {
        clauses.push("registered_on <= ?".into());
        args.push(Value::Text(to.to_string()));
    }
    let name = query.name_prefix.as_deref().map(fold_name);
    let words: Vec<&str> = name.as_deref().map_or(Vec::new(), |n| {
        n.split(' ').filter(|w| !w.is_empty()).collect()
    });
    match words.as_slice() {
        [] => {}
        [one] => {
            let surname = prefix("surname_key", one, &mut args);
            let given = prefix("given_key", one, &mut args);
            clauses.push(format!("({surname} OR {given})"));
        }
        [surname, given, ..] => {
            clauses.push(prefix("surname_key", surname, &mut args));
            clauses.push(prefix("given_key", given, &mut args));
        }
    }
    if let Some(Cursor(after)) = query.after {
        clauses.push("id < ?".into());
        args.push(Value::Integer(after));
    }
    let limit = match query.limit {
        0 => DEFAULT_LIMIT,
        n => n.min(MAX_LIMIT),
    };
    let filter = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    // One row more than the page: whether it exists says whether there is a next page.
    let sql = format!(
        "SELECT {ROW_COLUMNS} FROM formularies {filter} ORDER BY id DESC LIMIT {}",
        limit + 1
    );
    Ok((sql, args, limit))
}

impl Store {
    /// One page of the formularies that match `query`, newest first.
    pub fn search(&self, query: &Query) -> Result<Page, StoreError> {
        let (sql, args, limit) = statement(query)?;
        let sqlite = self.sqlite_fn();
        let mut statement = self.conn.prepare(&sql).map_err(&sqlite)?;
        let found = statement
            .query_map(rusqlite::params_from_iter(args), row)
            .map_err(&sqlite)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(&sqlite)?;
        let more = found.len() > limit;
        let mut rows = Vec::with_capacity(limit);
        let mut last = None;
        for (id, row) in found.into_iter().take(limit) {
            rows.push(row.ok_or_else(|| self.damaged("register row"))?);
            last = Some(Cursor(id));
        }
        Ok(Page {
            rows,
            next: if more { last } else { None },
        })
    }

    /// The query plan SQLite picks for `query`, for tests that keep every filter indexed.
    #[doc(hidden)]
    pub fn explain_search(&self, query: &Query) -> Result<Vec<String>, StoreError> {
        let (sql, args, _) = statement(query)?;
        let sqlite = self.sqlite_fn();
        let mut statement = self
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .map_err(&sqlite)?;
        let details = statement
            .query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(3))
            .map_err(&sqlite)?;
        details.collect::<Result<_, _>>().map_err(&sqlite)
    }
}
