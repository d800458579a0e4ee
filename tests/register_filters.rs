//! `kense register`'s filters: a filter that can match nothing is named with what is
//! wrong (exit 2), not answered "nothing matches" as if the register had been searched;
//! codes are read as clerks type them.

mod common;

use common::{date, kense, open, register_in, tempdir};
use kense::domain::formulary::Formulary;

#[test]
fn a_filter_that_can_match_nothing_is_named_and_why() {
    let dir = tempdir();
    let db = register_in(&dir);
    for (args, named) in [
        (&["register", "--iin", "95010345000"][..], "--iin"),
        (&["register", "--iin", "950103450001"], "--iin: "),
        (&["register", "--code", "19"], "--code"),
        (&["register", "--code", "x"], "--code"),
        (&["register", "--region", "1234"], "--region"),
        (&["register", "--district", "001"], "--district"),
        (
            &["register", "--region", "1902", "--district", "999"],
            "region 1902 has no district 999",
        ),
        (
            &["register", "--from", "2026-02-01", "--to", "2026-01-01"],
            "--from 2026-02-01 is after --to 2026-01-01",
        ),
    ] {
        let run = kense(&db, args);
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(named), "{args:?}: {}", run.stderr);
        assert!(!run.stderr.contains("nothing matches"), "{}", run.stderr);
        // The IIN typed is personal data: never echoed.
        assert!(!run.stderr.contains("95010345000"), "{}", run.stderr);
    }
}

#[test]
fn codes_are_read_as_clerks_type_them() {
    let dir = tempdir();
    let db = register_in(&dir);
    let example = Formulary::example("08").unwrap_or_else(|| panic!("example 08"));
    let district = example.district_code.clone().unwrap_or_default();
    let iin = example.iin.clone().unwrap_or_default();
    open(&db)
        .register_formulary(&example, date(2024, 3, 15))
        .unwrap_or_else(|e| panic!("{e}"));
    let short_district = district.trim_start_matches('0').to_string();
    let spaced_iin = format!(" {iin} ");
    for args in [
        &["register", "--code", "8"][..],
        &["register", "--code", "08"],
        &["register", "--iin", &spaced_iin],
        &["register", "--district", &short_district],
    ] {
        let run = kense(&db, args);
        assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
        assert!(
            run.stdout.contains("2024-0000001"),
            "{args:?}: {}",
            run.stdout
        );
    }
}
