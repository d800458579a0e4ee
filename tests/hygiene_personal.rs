//! Issue 15: no personal data outside the register. Filters read from standard input
//! (`--iin -`) never show in `ps` or the shell's history; a page's cursor carries no name.

mod common;

use common::{kense, kense_in, register_in, tempdir};

const IIN: &str = "900514300012";

fn add(db: &std::path::Path) {
    // One example person again and again: the register's warnings (issue 11) let pass.
    let template = common::known_person_passes_json(
        &kense(db, &["formulary", "template", "--code", "18"]).stdout,
    );
    let run = kense_in(db, &["formulary", "add", "-"], Some(&template));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn filters_are_read_from_standard_input_with_a_dash() {
    let dir = tempdir();
    let db = register_in(&dir);
    add(&db);
    add(&db);
    let found = kense_in(
        &db,
        &["register", "--iin", "-", "--json"],
        Some(&format!("{IIN}\n")),
    );
    assert_eq!(found.code, Some(0), "{}", found.stderr);
    assert_eq!(found.json()["rows"].as_array().map(Vec::len), Some(2));
    let by_name = kense_in(
        &db,
        &["register", "--name", "-", "--limit", "1"],
        Some("сейт\n"),
    );
    assert_eq!(by_name.code, Some(0), "{}", by_name.stderr);
    assert!(by_name.stdout.contains("СЕЙТҚАЛИЕВ"), "{}", by_name.stdout);
    // The next page's cursor: an id and a phase, no name.
    let cursor = by_name
        .stderr
        .split("--after ")
        .nth(1)
        .map(str::trim)
        .unwrap_or_else(|| panic!("{}", by_name.stderr));
    assert!(!cursor.to_lowercase().contains("сейт"), "{cursor}");
    let next = kense_in(
        &db,
        &["register", "--name", "-", "--after", cursor],
        Some("сейт\n"),
    );
    assert_eq!(next.code, Some(0), "{}", next.stderr);
    assert!(next.stdout.contains("СЕЙТҚАЛИЕВ"), "{}", next.stdout);

    let two = kense_in(
        &db,
        &["register", "--iin", "-", "--name", "-"],
        Some(&format!("{IIN}\n")),
    );
    assert_eq!(two.code, Some(2), "{}", two.stderr);
    assert!(two.stderr.contains("--name -"), "{}", two.stderr);
    let bad = kense_in(&db, &["register", "--iin", "-"], Some("900514300013\n"));
    assert_eq!(bad.code, Some(2), "{}", bad.stderr);
    assert!(
        !bad.stderr.contains("900514300013"),
        "not echoed: {}",
        bad.stderr
    );

    let checked = kense_in(&db, &["iin", "check", "-"], Some(&format!("{IIN}\n")));
    assert_eq!(checked.code, Some(0), "{}", checked.stderr);
    let moved = kense_in(
        &db,
        &["person", "emigrate", "--iin", "-"],
        Some(&format!("{IIN}\n")),
    );
    assert_eq!(moved.code, Some(0), "{}", moved.stderr);
}

#[test]
fn a_filter_with_a_control_character_or_over_its_limit_is_exit_2_naming_it() {
    let dir = tempdir();
    let db = register_in(&dir);
    add(&db);
    for (flag, value, rule) in [
        ("--name", "сейт\u{1b}[2J".to_string(), "K-TEXT"),
        ("--number", "2026-\u{202e}1".to_string(), "K-TEXT"),
        ("--name", "а".repeat(101), "K-LENGTH"),
    ] {
        let run = kense(&db, &["register", flag, &value]);
        assert_eq!(run.code, Some(2), "{flag}: {}", run.stderr);
        assert!(
            run.stderr.contains(flag) && run.stderr.contains(rule),
            "{}",
            run.stderr
        );
    }
}
