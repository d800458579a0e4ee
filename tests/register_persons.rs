//! The register's persons when a formulary's IIN or names are corrected, through the real
//! binary and real files: each person keeps the names of their own latest formulary.

mod common;
mod register_common;

use common::{count, kense, kense_in, raw};
use kense::domain::formulary::Formulary;
use register_common::{person, register_in, tempdir};
use rusqlite::OptionalExtension;
use serde_json::Value;
use std::path::Path;

/// The formulary's JSON. These tests give one IIN other names on purpose: the warnings
/// of issue 11 (K-OPEN, K-PERSON) are let pass, as a clerk would with the reason.
fn json(f: &Formulary) -> String {
    let mut f = f.clone();
    common::known_person_passes(&mut f);
    f.to_json().unwrap_or_else(|e| panic!("{e}"))
}

/// Adds a formulary; returns (number, coupon).
fn add(db: &Path, f: &Formulary) -> (String, String) {
    let run = kense_in(db, &["formulary", "add", "-", "--json"], Some(&json(f)));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let v = run.json();
    let field = |k: &str| v[k].as_str().unwrap_or_else(|| panic!("{k}")).to_string();
    (field("number"), field("coupon"))
}

fn correct(db: &Path, number: &str, f: &Formulary) {
    let run = kense_in(db, &["formulary", "correct", number, "-"], Some(&json(f)));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

/// M-57: the person the counter's coupon lookup shows, as (surname, given name).
fn person_at_counter(db: &Path, coupon: &str) -> (String, String) {
    let run = kense(db, &["formulary", "show", coupon, "--json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let person = &run.json()["coupon_match"]["person"];
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    (text(&person["surname"]), text(&person["given_name"]))
}

fn names(surname: &str, given: &str) -> (String, String) {
    (surname.to_string(), given.to_string())
}

/// The details of the last `formulary_corrected` audit entry.
fn last_correction_details(db: &Path) -> Value {
    let details: String = raw(db)
        .query_row(
            "SELECT details_json FROM audit_log WHERE action = 'formulary_corrected'
             ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&details).unwrap_or_else(|e| panic!("{e}"))
}

fn has_person(db: &Path, iin: &str) -> bool {
    raw(db)
        .query_row("SELECT 1 FROM persons WHERE iin = ?1", [iin], |_| Ok(()))
        .optional()
        .unwrap_or_else(|e| panic!("{e}"))
        .is_some()
}

#[test]
fn a_corrected_iin_gives_the_other_person_their_own_names_back() {
    let dir = tempdir();
    let db = register_in(&dir);
    let aigerim = person("04", "АҚЖОЛОВА", "АЙГЕРІМ", 1);
    let (_, her_coupon) = add(&db, &aigerim);
    // Another person's formulary, registered with her IIN by a typing slip: the person of
    // that IIN takes its names, as the latest formulary's.
    let mut petr = person("04", "СМИРНОВ", "ПЁТР", 2);
    let his_iin = petr.iin.clone().unwrap_or_default();
    petr.iin = aigerim.iin.clone();
    let (his_number, his_coupon) = add(&db, &petr);
    assert_eq!(
        person_at_counter(&db, &her_coupon),
        names("СМИРНОВ", "ПЁТР")
    );

    petr.iin = Some(his_iin.clone());
    correct(&db, &his_number, &petr);
    assert_eq!(
        person_at_counter(&db, &her_coupon),
        names("АҚЖОЛОВА", "АЙГЕРІМ"),
        "her own latest formulary's names"
    );
    assert_eq!(
        person_at_counter(&db, &his_coupon),
        names("СМИРНОВ", "ПЁТР")
    );
    assert_eq!(count(&db, "persons"), 2);
    let details = last_correction_details(&db);
    assert_eq!(details["iin_changed"], true);
    assert_eq!(details["old_person"], "updated");
    let her_iin = aigerim.iin.clone().unwrap_or_default();
    assert!(
        !details.to_string().contains(&her_iin) && !details.to_string().contains(&his_iin),
        "no IIN in the audit details: {details}"
    );
    assert_eq!(kense(&db, &["audit", "verify"]).code, Some(0));
}

#[test]
fn a_mistyped_iin_that_named_nobody_else_leaves_no_person_behind() {
    let dir = tempdir();
    let db = register_in(&dir);
    let mut f = person("04", "СМИРНОВ", "ПЁТР", 3);
    let mistyped = f.iin.clone().unwrap_or_default();
    let (number, coupon) = add(&db, &f);
    let right = person("04", "СМИРНОВ", "ПЁТР", 4).iin;
    f.iin = right.clone();
    correct(&db, &number, &f);
    assert!(
        !has_person(&db, &mistyped),
        "only the mistyped formulary had that IIN"
    );
    assert!(has_person(&db, &right.unwrap_or_default()));
    assert_eq!(count(&db, "persons"), 1);
    assert_eq!(last_correction_details(&db)["old_person"], "removed");
    assert_eq!(person_at_counter(&db, &coupon), names("СМИРНОВ", "ПЁТР"));
    assert_eq!(kense(&db, &["audit", "verify"]).code, Some(0));
}

#[test]
fn correcting_an_earlier_formulary_keeps_the_names_of_the_latest() {
    let dir = tempdir();
    let db = register_in(&dir);
    let mut earlier = person("04", "АҚЖОЛОВА", "АЙГЕРІМ", 5);
    let (earlier_number, coupon) = add(&db, &earlier);
    // Married since: her latest formulary carries her new surname.
    let mut latest = earlier.clone();
    latest.surname = Some("СЕЙТҚАЛИЕВА".into());
    add(&db, &latest);
    earlier.given_name = Some("АЙГЕРИМ".into());
    correct(&db, &earlier_number, &earlier);
    assert_eq!(
        person_at_counter(&db, &coupon),
        names("СЕЙТҚАЛИЕВА", "АЙГЕРІМ"),
        "the person's names are their latest formulary's"
    );
    let details = last_correction_details(&db);
    assert!(details.get("iin_changed").is_none(), "{details}");
}
