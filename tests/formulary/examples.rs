//! The per-code table against M-31, and the examples it makes.

use super::*;

#[test]
fn m31_every_code_has_one_row_and_no_other_code_has_one() {
    let listed: BTreeSet<&str> = filling_codes().iter().map(|c| c.code).collect();
    let rows: Vec<&str> = CODE_RULES.iter().map(|r| r.code).collect();
    let unique: BTreeSet<&str> = rows.iter().copied().collect();
    assert_eq!(
        rows.len(),
        unique.len(),
        "M-31: a code has two rows: {rows:?}"
    );
    assert_eq!(
        unique, listed,
        "M-31: the table's codes differ from the directory's"
    );
    assert!(!unique.contains("02"), "M-31 has no code 02");
    assert_eq!(listed.len(), 18, "M-31: 00, 01 and 03..18");
}

#[test]
fn every_example_is_accepted_for_its_own_code() {
    for row in CODE_RULES {
        let f = example(row.code);
        assert_eq!(f.filling_code.as_deref(), Some(row.code));
        let report = check(&f);
        assert!(
            report.is_accepted() && report.overridden.is_empty(),
            "example {}: {:?} {:?}",
            row.code,
            errors(&report),
            report.warnings
        );
    }
}

#[test]
fn every_example_round_trips_through_json_unchanged() {
    for row in CODE_RULES {
        let f = example(row.code);
        let json = f.to_json().unwrap_or_else(|e| panic!("{}: {e}", row.code));
        let back = Formulary::from_json(&json).unwrap_or_else(|e| panic!("{}: {e}", row.code));
        assert_eq!(back, f, "example {} changed through JSON", row.code);
        let again = back.to_json().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            again, json,
            "example {}: the export is not stable",
            row.code
        );
    }
}

#[test]
fn the_json_format_of_a_minors_formulary_is_pinned() {
    let json = example("00").to_json().unwrap_or_else(|e| panic!("{e}"));
    // Beside the other snapshots of the crate's tests, not under this module's folder.
    insta::with_settings!({ snapshot_path => "../snapshots" }, {
        insta::assert_snapshot!("example_00", json);
    });
}

#[test]
fn there_is_no_example_for_a_code_outside_m31() {
    for code in ["02", "19", "", "0"] {
        assert!(Formulary::example(code).is_none(), "{code:?}");
    }
}
