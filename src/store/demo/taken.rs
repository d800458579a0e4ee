//! What the register already holds that the demo must not repeat, read once before a
//! fill: IIN serials and IINs (M-12.a), coupons, journal lines and numbers (M-16),
//! registration numbers, and closed days.

use crate::domain::Sex;
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::{HashMap, HashSet};

/// What the register already holds that the demo must not repeat; empty for a new one.
#[derive(Debug, Default)]
pub(super) struct Taken {
    /// The highest IIN serial issued per birth date and sex (M-12.a).
    pub serials: HashMap<(NaiveDate, Sex), u16>,
    /// The IINs of the persons already there (some came from outside this register).
    pub iins: HashSet<String>,
    /// The coupon numbers' nine random digits.
    pub coupons: HashSet<u32>,
    /// The last line of each year's journal of conclusions, and the numbers used.
    pub journal: HashMap<i32, i64>,
    pub journal_numbers: HashSet<(i32, i64)>,
    /// Closed days: nothing is registered or moved on them.
    pub closed: HashSet<NaiveDate>,
    /// Whether the register holds any formulary yet (a new one is filled in bulk).
    pub any_formulary: bool,
    /// The last registration number's sequence of each year (`YYYY-NNNNNNN`).
    pub seqs: HashMap<i32, i64>,
}

/// What the register already holds that the demo must not repeat.
pub(super) fn taken(conn: &Connection) -> rusqlite::Result<Taken> {
    let mut taken = Taken {
        any_formulary: conn.query_row("SELECT EXISTS (SELECT 1 FROM formularies)", [], |r| {
            r.get(0)
        })?,
        ..Taken::default()
    };
    let mut serials = conn
        .prepare("SELECT birth_date, sex, MAX(serial) FROM iin_issued GROUP BY birth_date, sex")?;
    let mut rows = serials.query([])?;
    while let Some(r) = rows.next()? {
        let (date, sex, serial): (String, String, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let sex = if sex == "male" {
            Sex::Male
        } else {
            Sex::Female
        };
        if let (Ok(date), Ok(serial)) = (date.parse::<NaiveDate>(), u16::try_from(serial)) {
            taken.serials.insert((date, sex), serial);
        }
    }
    let mut iins = conn.prepare("SELECT iin FROM persons")?;
    taken.iins = iins
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut coupons = conn.prepare("SELECT coupon FROM formularies")?;
    let mut rows = coupons.query([])?;
    while let Some(r) = rows.next()? {
        let coupon: String = r.get(0)?;
        if let Some(body) = coupon.get(..9).and_then(|b| b.parse().ok()) {
            taken.coupons.insert(body);
        }
    }
    // Numbers as numbers (M-16, schema version 5): an old "05" is the 5 the demo must not
    // write again; text that is no number takes no number.
    let mut journal = conn.prepare("SELECT year, seq, value FROM conclusions")?;
    let mut rows = journal.query([])?;
    while let Some(r) = rows.next()? {
        let (year, seq, value): (i32, i64, Option<i64>) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let line = taken.journal.entry(year).or_insert(0);
        *line = (*line).max(seq);
        if let Some(value) = value {
            taken.journal_numbers.insert((year, value));
        }
    }
    let mut years = conn.prepare("SELECT year, MAX(seq) FROM formularies GROUP BY year")?;
    taken.seqs = years
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut closed = conn.prepare("SELECT date FROM day_closes")?;
    let mut rows = closed.query([])?;
    while let Some(r) = rows.next()? {
        if let Ok(date) = r.get::<_, String>(0)?.parse() {
            taken.closed.insert(date);
        }
    }
    Ok(taken)
}
