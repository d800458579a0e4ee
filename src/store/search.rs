//! Searching the register, a page at a time.
//!
//! Pages are keyset-paginated: a page ends with a [`Cursor`] (the last row's place in the
//! page's order) and the next page starts after it, so a page costs the same at the
//! millionth row as at the first, and rows registered while a clerk pages never shift the
//! pages already read. Each query walks one index in that index's own order, so SQLite
//! never sorts (no `USE TEMP B-TREE FOR ORDER BY`) and never scans the table:
//!
//! - by IIN, number, coupon, status, filling code, region or district (and no name or
//!   dates): newest first (`id` descending), on the filter's `(column, id)` index;
//! - by name: alphabetically by the folded name, then `id`, on `(surname_fold, id)` or
//!   `(given_fold, id)`. One word matches the surname first (all those rows, in surname
//!   order), then the given name of the rows whose surname does not match, in given-name
//!   order; two words match the surname by the first and the given name by the second;
//! - by dates (and no name): newest day first, then newest first, on
//!   `(registered_on, id)`.
//!
//! Names are searched by prefix on a folded copy of the surname and the given name
//! ([`name_key`](super::numbers::name_key), the skeleton of Code lookup: "ақж", "акж" and
//! "akzh" all find "АҚЖОЛОВА"; SQLite's own `lower()` and `LIKE` fold ASCII only), as the
//! range `>= prefix AND < prefix_end`, which an index serves.

mod cursor;
mod no_match;

pub use cursor::{BadCursor, Cursor};
pub use no_match::{Bound, NoMatch};

use super::numbers::{name_query_keys, parse_coupon, prefix_end};
use super::records::{from_key, key};
use super::{Store, StoreError};
use crate::domain::lifecycle::State;
use chrono::NaiveDate;
use rusqlite::types::Value;
use serde::Serialize;

/// Rows per page when the query does not say.
pub const DEFAULT_LIMIT: usize = 50;
/// The most rows one page holds.
pub const MAX_LIMIT: usize = 1000;

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

/// How a query walks the register (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    /// Newest first, `id` descending.
    Id,
    /// Newest day first: `(registered_on, id)` descending.
    Day,
    /// Alphabetical on a folded name column, then `id`.
    Name,
}

/// One SQL walk of a page: a query may take two (a one-word name).
struct Walk {
    sql: String,
    args: Vec<Value>,
    phase: u8,
}

/// One walk before its SQL is written: the sort column, its index, the walk's own
/// conditions and their arguments, its phase.
type Plan = (&'static str, &'static str, Vec<String>, Vec<Value>, u8);

/// The walks of a page of `query`, in order, and the page size.
fn walks(query: &Query) -> Result<(Vec<Walk>, usize), StoreError> {
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
    // Issue 11: each word folded as Code lookup folds names (see `name_key`).
    let keys = query
        .name_prefix
        .as_deref()
        .map(name_query_keys)
        .unwrap_or_default();
    let words: Vec<&str> = keys.iter().map(String::as_str).collect();
    // An exact, selective key (IIN, number, coupon) drives by id; else a name; else dates.
    let keyed = query.iin.is_some() || query.number.is_some() || query.coupon.is_some();
    let order = if keyed {
        Order::Id
    } else if !words.is_empty() {
        Order::Name
    } else if query.from.is_some() || query.to.is_some() {
        Order::Day
    } else {
        Order::Id
    };
    let limit = match query.limit {
        0 => DEFAULT_LIMIT,
        n => n.min(MAX_LIMIT),
    };
    let after = query.after.as_ref();
    if order != Order::Id && after.is_some_and(|c| c.key.is_none()) {
        return Err(StoreError::BadCursor);
    }
    let mut plans: Vec<Plan> = Vec::new();
    match (order, words.as_slice()) {
        (Order::Name, [one]) => {
            let mut a = Vec::new();
            let surname = prefix("surname_fold", one, &mut a);
            let mut c = vec![surname.clone()];
            plans.push((
                "surname_fold",
                "formularies_surname",
                c.clone(),
                a.clone(),
                0,
            ));
            // The given-name walk leaves out the rows the surname walk already gave.
            let given = prefix("given_fold", one, &mut a);
            c.push(given);
            c[0] = format!("NOT {surname}");
            plans.push(("given_fold", "formularies_given", c, a, 1));
        }
        (Order::Name, [surname, given, ..]) => {
            let mut a = Vec::new();
            let c = vec![
                prefix("surname_fold", surname, &mut a),
                prefix("given_fold", given, &mut a),
            ];
            plans.push(("surname_fold", "formularies_surname", c, a, 0));
        }
        (Order::Day, _) => plans.push(("registered_on", "formularies_day", vec![], vec![], 0)),
        _ => {
            // Newest first. With a name here, an IIN, number or coupon drives the walk,
            // and the name is one more condition on the few rows of that key.
            let mut a = Vec::new();
            let mut c = Vec::new();
            match words.as_slice() {
                [] => {}
                [one] => {
                    let surname = prefix("surname_fold", one, &mut a);
                    let given = prefix("given_fold", one, &mut a);
                    c.push(format!("({surname} OR {given})"));
                }
                [surname, given, ..] => {
                    c.push(prefix("surname_fold", surname, &mut a));
                    c.push(prefix("given_fold", given, &mut a));
                }
            }
            plans.push(("id", "", c, a, 0));
        }
    }
    let mut out = Vec::new();
    for (column, index, own, own_args, phase) in plans {
        // A cursor of the given-name walk skips the surname walk altogether.
        let cursor = match after {
            Some(c) if c.phase > phase => continue,
            Some(c) if c.phase == phase => Some(c),
            _ => None,
        };
        let mut conditions = clauses.clone();
        let mut values = args.clone();
        conditions.extend(own);
        values.extend(own_args);
        // The key the next page's cursor carries: none by id, the date by day, and by name
        // an empty one that stands for the row's own (issue 15: no names in cursors).
        let (direction, key_column) = match order {
            Order::Id => ("DESC", "NULL"),
            Order::Day => ("DESC", column),
            Order::Name => ("ASC", "''"),
        };
        if let Some(c) = cursor {
            match (&c.key, order) {
                (_, Order::Id) => {
                    conditions.push("id < ?".into());
                    values.push(Value::Integer(c.id));
                }
                // Issue 15: a name order's cursor carries no name: the key is the row's
                // own, read back by its id (one primary-key lookup). A row corrected
                // between pages moves the place to its new name.
                (Some(k), Order::Name) if k.is_empty() => {
                    let op = if direction == "DESC" { "<" } else { ">" };
                    conditions.push(format!(
                        "({column}, id) {op} ((SELECT {column} FROM formularies WHERE id = ?), ?)"
                    ));
                    values.push(Value::Integer(c.id));
                    values.push(Value::Integer(c.id));
                }
                (Some(k), _) => {
                    let op = if direction == "DESC" { "<" } else { ">" };
                    conditions.push(format!("({column}, id) {op} (?, ?)"));
                    values.push(Value::Text(k.clone()));
                    values.push(Value::Integer(c.id));
                }
                (None, _) => return Err(StoreError::BadCursor),
            }
        }
        let filter = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        // INDEXED BY: the walk's order is the index's, whatever else the query filters on,
        // so SQLite never picks another index and sorts.
        let (indexed, order_by) = match order {
            Order::Id => (String::new(), "id DESC".to_string()),
            _ => (
                format!(" INDEXED BY {index}"),
                format!("{column} {direction}, id {direction}"),
            ),
        };
        // One row more than the page: whether it exists says whether there is a next page.
        let sql = format!(
            "SELECT {ROW_COLUMNS}, {key_column} FROM formularies{indexed} {filter} \
             ORDER BY {order_by} LIMIT {}",
            limit + 1
        );
        out.push(Walk {
            sql,
            args: values,
            phase,
        });
    }
    Ok((out, limit))
}

impl Store {
    /// One page of the formularies that match `query`, in the query's order (see the
    /// module docs).
    pub fn search(&self, query: &Query) -> Result<Page, StoreError> {
        let (walks, limit) = walks(query)?;
        let sqlite = self.sqlite_fn();
        let mut found = Vec::with_capacity(limit + 1);
        for walk in walks {
            if found.len() > limit {
                break;
            }
            let mut statement = self.conn.prepare(&walk.sql).map_err(&sqlite)?;
            let rows = statement
                .query_map(rusqlite::params_from_iter(walk.args), |r| {
                    let (id, row) = row(r)?;
                    let key: Option<String> = r.get(9)?;
                    Ok((id, row, key))
                })
                .map_err(&sqlite)?;
            for r in rows {
                let (id, row, key) = r.map_err(&sqlite)?;
                found.push((id, row, key, walk.phase));
            }
        }
        let more = found.len() > limit;
        let mut rows = Vec::with_capacity(limit);
        let mut last = None;
        for (id, row, key, phase) in found.into_iter().take(limit) {
            rows.push(row.ok_or_else(|| self.damaged("register row"))?);
            last = Some(Cursor { id, phase, key });
        }
        Ok(Page {
            rows,
            next: if more { last } else { None },
        })
    }

    /// The query plans SQLite picks for `query` (every walk's, in order), for tests that
    /// keep every filter indexed and unsorted.
    #[doc(hidden)]
    pub fn explain_search(&self, query: &Query) -> Result<Vec<String>, StoreError> {
        let (walks, _) = walks(query)?;
        let sqlite = self.sqlite_fn();
        let mut plan = Vec::new();
        for walk in walks {
            let mut statement = self
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {}", walk.sql))
                .map_err(&sqlite)?;
            let details = statement
                .query_map(rusqlite::params_from_iter(walk.args), |r| {
                    r.get::<_, String>(3)
                })
                .map_err(&sqlite)?;
            for d in details {
                plan.push(d.map_err(&sqlite)?);
            }
        }
        Ok(plan)
    }
}
