//! Helpers shared by the register's library tests. Needs `mod common;` beside it.

#![allow(dead_code)]

use chrono::{NaiveDate, NaiveDateTime};
use kense::domain::Sex;
use kense::domain::formulary::Formulary;
use kense::domain::iin::Iin;
use kense::store::{Page, Query, Store};

pub use crate::common::{date as day, open_as as open, register_in, tempdir};
use std::path::Path;

pub fn at(date: NaiveDate, h: u32) -> NaiveDateTime {
    date.and_hms_opt(h, 0, 0).unwrap_or_else(|| panic!("{h}"))
}

/// The example of `code` for another person: surname, given name, IIN serial.
pub fn person(code: &str, surname: &str, given: &str, serial: u16) -> Formulary {
    let mut f = Formulary::example(code).unwrap_or_else(|| panic!("{code}"));
    f.surname = Some(surname.into());
    f.given_name = Some(given.into());
    let birth = f.birth_date.unwrap_or_else(|| panic!("a birth date"));
    let sex = f.sex.unwrap_or(Sex::Male);
    let (iin, _) = Iin::next_after(birth, sex, serial).unwrap_or_else(|| panic!("a serial"));
    f.iin = Some(iin.as_str().to_string());
    f
}

pub fn register(store: &mut Store, f: &Formulary, when: NaiveDateTime) -> String {
    store
        .register_formulary_at(f, when)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .number
}

pub fn search(store: &Store, query: Query) -> Page {
    store.search(&query).unwrap_or_else(|e| panic!("{e}"))
}

pub fn numbers(page: &Page) -> Vec<&str> {
    page.rows.iter().map(|r| r.number.as_str()).collect()
}

/// Five formularies over two days, two clerks, three codes, two districts.
pub fn sample(dir: &Path) -> (Store, Vec<String>) {
    let db = dir.join("register.sqlite");
    let mut aigul = open(&db, "aigul");
    let mut bolat = open(&db, "bolat");
    let d1 = day(2024, 4, 1);
    let d2 = day(2024, 4, 2);
    let mut farther = person("04", "ИВАНОВ", "ПЁТР", 5);
    farther.district_code = Some("204".into());
    let n = vec![
        register(
            &mut aigul,
            &person("00", "Ақжолова", "Айгерім", 1),
            at(d1, 9),
        ),
        register(&mut aigul, &person("04", "АҚЖАНОВ", "ЕРЛАН", 2), at(d1, 10)),
        register(&mut bolat, &person("04", "СМИРНОВ", "АҚЖОЛ", 3), at(d1, 11)),
        register(&mut bolat, &person("18", "АҚЖОЛОВА", "ДИНА", 4), at(d2, 9)),
        register(&mut aigul, &farther, at(d2, 10)),
    ];
    (aigul, n)
}
