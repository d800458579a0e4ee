//! The register's CLI after review (issue 4), through the real binary and real files:
//! generated IINs never collide with the register's persons, coupons typed with hyphens
//! and registration numbers with spaces around, errors that keep personal data off the
//! terminal, a locked register.

mod common;

use common::{GENERATE_BOY, kense, kense_in, on_one_day, register_in, tempdir};
use kense::domain::Sex;
use kense::domain::formulary::Formulary;
use kense::domain::iin::Iin;
use serde_json::Value;
use std::path::Path;

fn template(db: &Path, code: &str) -> Formulary {
    let run = kense(db, &["formulary", "template", "--code", code]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    Formulary::from_json(&run.stdout).unwrap_or_else(|e| panic!("{e}"))
}

/// Adds a formulary; returns (number, coupon).
fn add(db: &Path, f: &Formulary) -> (String, String) {
    let text = f.to_json().unwrap_or_else(|e| panic!("{e}"));
    let run = kense_in(db, &["formulary", "add", "-", "--json"], Some(&text));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let v = run.json();
    let field = |k: &str| v[k].as_str().unwrap_or_else(|| panic!("{k}")).to_string();
    (field("number"), field("coupon"))
}

#[test]
fn m12_iin_generate_skips_an_iin_a_person_in_the_register_has() {
    let dir = tempdir();
    let db = register_in(&dir);
    let mut f = template(&db, "04");
    let birth = f.birth_date.unwrap_or_else(|| panic!("a birth date"));
    let sex = f.sex.unwrap_or(Sex::Male);
    // The IIN the register would generate first, taken by a person added with it.
    let (first, _) = Iin::next_after(birth, sex, 1).unwrap_or_else(|| panic!("a serial"));
    f.iin = Some(first.as_str().to_string());
    add(&db, &f);
    let sex_name = if sex == Sex::Male { "male" } else { "female" };
    let birth = birth.to_string();
    let run = kense(
        &db,
        &["iin", "generate", "--birth-date", &birth, "--sex", sex_name],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let generated = run.stdout.trim();
    assert_ne!(
        generated,
        first.as_str(),
        "M-12: an IIN is never handed out twice"
    );
    let parsed = Iin::parse(generated).unwrap_or_else(|e| panic!("{generated}: {e:?}"));
    assert_eq!(parsed.birth_date().map(|d| d.to_string()), Some(birth));
}

#[test]
fn m57_formulary_show_takes_a_coupon_typed_with_hyphens() {
    let dir = tempdir();
    let db = register_in(&dir);
    let (number, coupon) = add(&db, &template(&db, "04"));
    let hyphenated = format!("{}-{}", &coupon[..3], &coupon[3..]);
    let run = kense(&db, &["formulary", "show", &hyphenated, "--json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.json()["coupon_match"]["number"], number.as_str());
    // A damaged record behind a good coupon is the damage (exit 3), not "no formulary".
    rusqlite::Connection::open(&db)
        .and_then(|c| c.execute("UPDATE formularies SET formulary_json = 'x'", []))
        .unwrap_or_else(|e| panic!("{e}"));
    let run = kense(&db, &["formulary", "show", &coupon]);
    assert_eq!(run.code, Some(3), "{}", run.stderr);
    assert!(run.stderr.contains("damaged"), "{}", run.stderr);
}

#[test]
fn json_errors_name_the_field_and_type_but_not_the_value() {
    let dir = tempdir();
    let db = register_in(&dir);
    let text = template(&db, "04")
        .to_json()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    value["iin"] = serde_json::json!(900514300012u64);
    let run = kense_in(&db, &["formulary", "add", "-"], Some(&value.to_string()));
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("iin: invalid type: integer"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("900514300012"),
        "the IIN echoed: {}",
        run.stderr
    );

    let application = r#"{"taxpayer": 900514300012, "bin": "x"}"#;
    let run = kense_in(&db, &["dsn", "apply", "-"], Some(application));
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("taxpayer"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("900514300012"),
        "the value echoed: {}",
        run.stderr
    );
}

#[test]
fn show_does_not_echo_what_is_not_a_number() {
    let dir = tempdir();
    let db = register_in(&dir);
    add(&db, &template(&db, "04"));
    // An IIN typed where a number goes: not found, and not repeated.
    let run = kense(&db, &["formulary", "show", "900514300012"]);
    assert_ne!(run.code, Some(0));
    assert!(!run.stderr.contains("900514300012"), "{}", run.stderr);
    let run = kense(&db, &["formulary", "show", "2024-0000099"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("2024-0000099"),
        "a number is named: {}",
        run.stderr
    );
}

#[test]
fn a_locked_register_is_exit_3_and_unchanged() {
    let dir = tempdir();
    let db = register_in(&dir);
    let (number, _) = add(&db, &template(&db, "04"));
    // Read before the lock is taken: closing any descriptor of the file in this process
    // would drop the holder's POSIX locks.
    let before = std::fs::read(&db).unwrap_or_else(|e| panic!("{e}"));
    let holder = rusqlite::Connection::open(&db).unwrap_or_else(|e| panic!("{e}"));
    // An exclusive lock: not even readers get in.
    let mode: String = holder
        .query_row("PRAGMA locking_mode = EXCLUSIVE", [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(mode, "exclusive");
    holder
        .execute_batch("BEGIN EXCLUSIVE")
        .unwrap_or_else(|e| panic!("{e}"));
    let held: i64 = holder
        .query_row("SELECT count(*) FROM formularies", [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(held, 1);
    let text = template(&db, "00")
        .to_json()
        .unwrap_or_else(|e| panic!("{e}"));
    for (args, stdin) in [
        (&["formulary", "add", "-"][..], Some(text.as_str())),
        (&["formulary", "show", number.as_str()][..], None),
    ] {
        let run = kense_in(&db, args, stdin);
        assert_eq!(run.code, Some(3), "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("busy"), "{args:?}: {}", run.stderr);
        assert!(!run.stderr.contains("no formulary"), "{}", run.stderr);
    }
    holder
        .execute_batch("ROLLBACK")
        .unwrap_or_else(|e| panic!("{e}"));
    drop(holder);
    assert!(std::fs::read(&db).unwrap_or_else(|e| panic!("{e}")) == before);
}

#[test]
fn formulary_move_takes_the_state_it_leads_to() {
    let dir = tempdir();
    let db = register_in(&dir);
    let (number, _) = add(&db, &template(&db, "04"));
    let run = kense(
        &db,
        &[
            "formulary",
            "move",
            &number,
            "--to",
            "under_verification",
            "--ground",
            "photo_identity",
            "--json",
        ],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.json()["to"], "under_verification");
    // M-16: cancelled is reached by cancel or by refuse: not guessed.
    let run = kense(&db, &["formulary", "move", &number, "--to", "cancelled"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("cancel") && run.stderr.contains("refuse"),
        "{}",
        run.stderr
    );
    // Maker-checker (M-16, issue 12): another head approves what this account started.
    common::confirm_by_another_head(&db, "chief", &number, "");
    let run = kense(
        &db,
        &["formulary", "move", &number, "--to", "sent", "--json"],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.json()["to"], "sent");
}

#[test]
fn m57_emigration_invalidates_the_id_card_and_is_audited() {
    let dir = tempdir();
    let db = register_in(&dir);
    let f = template(&db, "00");
    let iin = f.iin.clone().unwrap_or_else(|| panic!("an IIN"));
    let (number, coupon) = add(&db, &f);
    for step in [
        &["send"][..],
        &["manufacture"],
        &["issue", "--coupon", &coupon, "--document-number", "N1"],
    ] {
        let mut args = vec!["formulary", "move", &number, "--to"];
        args.extend_from_slice(step);
        let run = kense(&db, &args);
        assert_eq!(run.code, Some(0), "{step:?}: {}", run.stderr);
    }
    let run = kense(&db, &["person", "emigrate", "--iin", &iin, "--json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let done = run.json();
    assert_eq!(done["invalidated"][0]["kind"], "id_card", "{done}");
    assert_eq!(done["invalidated"][0]["status"]["reason"], "emigration");
    let shown = kense(&db, &["formulary", "show", &number, "--json"]).json();
    let text = shown.to_string();
    assert!(text.contains("\"reason\":\"emigration\""), "M-57: {text}");
    let audit = kense(&db, &["audit", "verify"]);
    assert_eq!(audit.code, Some(0), "{}", audit.stdout);
    let actions: i64 = rusqlite::Connection::open(&db)
        .and_then(|c| {
            c.query_row(
                "SELECT count(*) FROM audit_log WHERE action = 'person_emigrated'",
                [],
                |r| r.get(0),
            )
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(actions, 1);
    // Someone the register does not know: exit 1, the IIN not repeated.
    let (other, _) = Iin::next_after(
        f.birth_date.unwrap_or_else(|| panic!("a birth date")),
        f.sex.unwrap_or(Sex::Male),
        9000,
    )
    .unwrap_or_else(|| panic!("a serial"));
    let run = kense(&db, &["person", "emigrate", "--iin", other.as_str()]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(!run.stderr.contains(other.as_str()), "{}", run.stderr);
}

#[test]
fn a_closed_today_takes_no_generated_iin() {
    // `day close` closes today, the day the next IIN would be generated on: one day.
    on_one_day(|| {
        let dir = tempdir();
        let db = register_in(&dir);
        let args = GENERATE_BOY;
        assert_eq!(kense(&db, &args).code, Some(0));
        let close = kense(&db, &["day", "close"]);
        assert_eq!(close.code, Some(0), "{}", close.stderr);
        let run = kense(&db, &args);
        assert_eq!(run.code, Some(4), "{}", run.stderr);
        assert!(run.stderr.contains("closed"), "{}", run.stderr);
    });
}

#[test]
fn a_correction_keeps_the_data_it_replaced() {
    let dir = tempdir();
    let db = register_in(&dir);
    let mut f = template(&db, "04");
    let (number, _) = add(&db, &f);
    let before = f.surname.clone().unwrap_or_default();
    f.surname = Some("ЖАҢАБАЕВ".into());
    let text = f.to_json().unwrap_or_else(|e| panic!("{e}"));
    let run = kense_in(
        &db,
        &["formulary", "correct", &number, "-", "--json"],
        Some(&text),
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let c = run.json();
    assert_eq!(c["seq"], 1);
    assert_ne!(c["old_sha256"], c["new_sha256"]);
    let old: Value = serde_json::from_str(c["old_json"].as_str().unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(old["surname"], before.as_str(), "the earlier data are kept");
    // The audit entry carries the same two hashes, and the chain holds.
    let details: String = rusqlite::Connection::open(&db)
        .and_then(|conn| {
            conn.query_row(
                "SELECT details_json FROM audit_log WHERE action = 'formulary_corrected'",
                [],
                |r| r.get(0),
            )
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let details: Value = serde_json::from_str(&details).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(details["old_sha256"], c["old_sha256"]);
    assert_eq!(details["new_sha256"], c["new_sha256"]);
    assert_eq!(kense(&db, &["audit", "verify"]).code, Some(0));
    // show lists it with the history.
    let shown = kense(&db, &["formulary", "show", &number, "--json"]).json();
    assert_eq!(shown["corrections"][0]["new_sha256"], c["new_sha256"]);
    let plain = kense(&db, &["formulary", "show", &number]);
    assert!(plain.stdout.contains("corrected (#1)"), "{}", plain.stdout);
}

#[test]
fn a_registration_number_with_spaces_around_it_is_found() {
    let dir = tempdir();
    let db = register_in(&dir);
    let mut f = template(&db, "04");
    let (number, _) = add(&db, &f);
    // Copied from a list or a terminal, a number often carries a space or a tab.
    let show = kense(&db, &["formulary", "show", &format!("{number} "), "--json"]);
    assert_eq!(show.code, Some(0), "{}", show.stderr);
    assert_eq!(show.json()["number"], number.as_str());
    let plain = kense(&db, &["formulary", "show", &format!("\t{number}")]);
    assert_eq!(plain.code, Some(0), "{}", plain.stderr);
    assert!(
        plain
            .stdout
            .starts_with(&format!("number        {number}\n")),
        "{}",
        plain.stdout
    );
    let moved = kense(
        &db,
        &[
            "formulary",
            "move",
            &format!(" {number}"),
            "--to",
            "start_verification",
            "--ground",
            "citizenship",
        ],
    );
    assert_eq!(moved.code, Some(0), "{}", moved.stderr);
    assert_eq!(
        moved.stdout,
        format!("{number}: registered -> under_verification\n")
    );
    f.surname = Some("ЖАҢАБАЕВ".into());
    let text = f.to_json().unwrap_or_else(|e| panic!("{e}"));
    let padded = format!(" {number}\n");
    let corrected = kense_in(&db, &["formulary", "correct", &padded, "-"], Some(&text));
    assert_eq!(corrected.code, Some(0), "{}", corrected.stderr);
    assert!(
        corrected
            .stdout
            .starts_with(&format!("{number} corrected (#1): ")),
        "{}",
        corrected.stdout
    );
    let shown = kense(&db, &["formulary", "show", &padded, "--json"]).json();
    assert_eq!(shown["state"], "under_verification");
    assert_eq!(shown["formulary"]["surname"], "ЖАҢАБАЕВ");
    assert_eq!(shown["corrections"].as_array().map(Vec::len), Some(1));
    // The audit log names the formulary by its number, without the spaces typed.
    let subjects: Vec<String> = rusqlite::Connection::open(&db)
        .and_then(|conn| {
            let mut statement = conn.prepare(
                // The seals of the rows (issue 15) name no formulary.
                "SELECT subject FROM audit_log WHERE action <> 'rows_written' ORDER BY id",
            )?;
            let rows = statement.query_map([], |r| r.get(0))?;
            rows.collect()
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(subjects, [number.as_str(); 3]);
    assert_eq!(kense(&db, &["audit", "verify"]).code, Some(0));
}
