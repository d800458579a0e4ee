//! Issue 15: nothing a clerk types or a file holds can drive another clerk's terminal.
//! Control characters are refused on input (exit 2 naming the field and `K-TEXT`), and
//! whatever the register already holds is printed escaped.

mod common;

use common::{kense, kense_as, kense_in, raw, register_in, tempdir};
use std::path::Path;

/// OSC 52: sets the clipboard of the terminal that prints it (here to "evil").
const OSC52: &str = "\u{1b}]52;c;ZXZpbA==\u{7}";

fn template(db: &Path) -> serde_json::Value {
    let run = kense(db, &["formulary", "template", "--code", "18"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    // One example person again and again: the register's warnings (issue 11) let pass.
    serde_json::from_str(&common::known_person_passes_json(&run.stdout))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn add(db: &Path) -> String {
    let run = kense_in(
        db,
        &["formulary", "add", "-", "--json"],
        Some(&template(db).to_string()),
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    run.json()["number"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// No escape, no BEL, no C1 and no bidi override in what was printed.
fn assert_inert(what: &str, printed: &str) {
    let bad: Vec<char> = printed
        .chars()
        .filter(|&c| c != '\n' && c != '\t' && kense::domain::text::is_forbidden(c))
        .collect();
    assert!(bad.is_empty(), "{what} printed {bad:?}: {printed}");
}

#[test]
fn a_note_written_before_with_osc_52_is_shown_escaped_by_formulary_show() {
    let dir = tempdir();
    let db = register_in(&dir);
    let number = add(&db);
    let moved = kense(&db, &["formulary", "move", &number, "--to", "send"]);
    assert_eq!(moved.code, Some(0), "{}", moved.stderr);
    // A register written before input was checked: the note planted as the old kense
    // would have saved it (the trigger only keeps kense itself from changing history).
    let conn = raw(&db);
    conn.execute_batch("DROP TRIGGER transitions_no_update")
        .unwrap_or_else(|e| panic!("{e}"));
    conn.execute("UPDATE transitions SET reason = ?1 WHERE seq = 2", [OSC52])
        .unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    for args in [
        vec!["formulary", "show", number.as_str()],
        vec!["formulary", "show", number.as_str(), "--json"],
    ] {
        let run = kense_as(&db, "dana", &args, None);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert_inert("formulary show", &run.stdout);
        assert!(
            run.stdout.contains("\\u001b]52;c;ZXZpbA==\\u0007"),
            "{}",
            run.stdout
        );
    }
    let json = kense(&db, &["formulary", "show", &number, "--json"]).json();
    assert!(
        json.to_string().contains("ZXZpbA=="),
        "--json still parses: {json}"
    );
}

#[test]
fn a_move_note_with_a_control_character_is_refused_naming_the_field() {
    let dir = tempdir();
    let db = register_in(&dir);
    let number = add(&db);
    for (args, field) in [
        (vec!["--to", "send", "--reason", OSC52], "note"),
        (vec!["--to", "cancel", "--reason", "x\u{202e}y"], "reason"),
    ] {
        let mut all = vec!["formulary", "move", number.as_str()];
        all.extend(args);
        let run = kense(&db, &all);
        assert_eq!(run.code, Some(2), "{field}: {}", run.stderr);
        assert!(run.stderr.contains(field), "{}", run.stderr);
        assert!(run.stderr.contains("[K-TEXT]"), "{}", run.stderr);
        assert_inert("the refusal", &run.stderr);
    }
    let coupon = kense(&db, &["formulary", "show", &number, "--json"]).json()["coupon"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    for (args, field) in [
        (vec!["--to", "destroy", "--act-number", OSC52], "act_number"),
        (vec!["--to", "resend", "--reason", OSC52], "correction"),
        (
            vec![
                "--to",
                "issue",
                "--coupon",
                &coupon,
                "--document-number",
                OSC52,
            ],
            "document_number",
        ),
    ] {
        let mut all = vec!["formulary", "move", number.as_str()];
        all.extend(args);
        let run = kense(&db, &all);
        assert_eq!(run.code, Some(2), "{field}: {}", run.stderr);
        assert!(run.stderr.contains(&format!("({field})")), "{}", run.stderr);
        assert!(run.stderr.contains("[K-TEXT]"), "{}", run.stderr);
        assert_inert("the refusal", &run.stderr);
    }
    let long = "я".repeat(1001);
    let run = kense(
        &db,
        &[
            "formulary",
            "move",
            &number,
            "--to",
            "send",
            "--reason",
            &long,
        ],
    );
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("[K-LENGTH]"), "{}", run.stderr);
    assert!(!run.stderr.contains(&long[..20]), "the value is not echoed");
    let history = kense(&db, &["formulary", "show", &number, "--json"]).json();
    assert_eq!(history["state"], "registered", "nothing moved: {history}");
}

/// Every text field of the formulary, with a control character, then too long.
#[test]
fn every_text_field_of_a_formulary_refuses_control_characters_and_oversize_values() {
    let dir = tempdir();
    let db = register_in(&dir);
    let base = template(&db);
    let fields = [
        "/surname",
        "/given_name",
        "/patronymic",
        "/birth_place",
        "/nationality",
        "/region_code",
        "/district_code",
        "/residence/address",
        "/additional_information",
        "/clerk",
        "/iin",
        "/filling_code",
    ];
    for pointer in fields {
        let field = pointer.trim_start_matches('/').replace('/', ".");
        for (value, rule) in [
            (format!("Ақ{OSC52}"), "[K-TEXT]"),
            ("А".repeat(100_000), "[K-LENGTH]"),
        ] {
            let mut f = base.clone();
            *f.pointer_mut(pointer)
                .unwrap_or_else(|| panic!("{pointer}")) = value.into();
            let run = kense_in(&db, &["formulary", "add", "-"], Some(&f.to_string()));
            assert_eq!(run.code, Some(2), "{field}: {}", run.stderr);
            let named = run
                .stderr
                .lines()
                .any(|l| l.starts_with(&format!("{field}:")) && l.contains(rule));
            assert!(named, "{field} {rule}: {}", run.stderr);
            assert!(
                run.stderr.len() < 4000,
                "the value is not echoed: {}",
                &run.stderr[..4000.min(run.stderr.len())]
            );
            assert_inert(&field, &run.stderr);
        }
    }
    assert_eq!(common::count(&db, "formularies"), 0, "nothing saved");
}

#[test]
fn dsn_names_refuse_control_characters_and_oversize_values() {
    let dir = tempdir();
    let db = register_in(&dir);
    let bin = common::bin(1);
    let run = kense(
        &db,
        &["dsn", "taxpayer", "add", &bin, &format!("ТОО {OSC52}")],
    );
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("name: ") && run.stderr.contains("[K-TEXT]"),
        "{}",
        run.stderr
    );
    let csv = dir.path().join("taxpayers.csv");
    std::fs::write(&csv, format!("bin,name\n{bin},\"ТОО\u{9b}31m\"\n"))
        .unwrap_or_else(|e| panic!("{e}"));
    let run = kense(&db, &["dsn", "taxpayer", "import", &csv.to_string_lossy()]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("line 2: name: "), "{}", run.stderr);
    assert_inert("import", &run.stderr);
    let product = |name: String| {
        serde_json::json!({
            "taxpayer": "ТОО Мұнай", "bin": bin, "subject_type": "producer",
            "country": 3, "unit": 53,
            "products": [{"type": 1, "name": name, "spec": "ГОСТ 32513-2013"}]
        })
    };
    for (app, field, rule) in [
        (
            product(format!("АИ-92{OSC52}")),
            "products[0].name",
            "K-TEXT",
        ),
        (product("Б".repeat(201)), "products[0].name", "K-LENGTH"),
    ] {
        let run = kense_in(&db, &["dsn", "apply", "-"], Some(&app.to_string()));
        assert_eq!(run.code, Some(2), "{}", run.stderr);
        assert!(
            run.stderr.contains(field) && run.stderr.contains(rule),
            "{}",
            run.stderr
        );
    }
    let mut many = product("АИ-92".into());
    let row = many["products"][0].clone();
    many["products"] = serde_json::Value::Array(vec![row; 1001]);
    let run = kense_in(&db, &["dsn", "apply", "-"], Some(&many.to_string()));
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("products") && run.stderr.contains("K-ROWS"),
        "{}",
        run.stderr
    );
}

/// A spreadsheet opening the CSV runs no formula: every writer neutralises the cell.
#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
    let dir = tempdir();
    let db = register_in(&dir);
    let bin = common::bin(1);
    let name = "=HYPERLINK(\"http://x\",\"ТОО\")";
    let run = kense(&db, &["dsn", "taxpayer", "add", &bin, name]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let app = serde_json::json!({
        "taxpayer": name, "bin": bin, "subject_type": "producer", "country": 3, "unit": 53,
        "products": [{"type": 1, "name": "@SUM(1)", "spec": "-1+2"}]
    });
    let run = kense_in(&db, &["dsn", "apply", "-"], Some(&app.to_string()));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let listed = kense(&db, &["dsn", "list", "--csv"]).stdout;
    let cells: Vec<String> = csv::Reader::from_reader(listed.as_bytes())
        .records()
        .flatten()
        .flat_map(|r| r.iter().map(str::to_string).collect::<Vec<_>>())
        .collect();
    for formula in [name, "@SUM(1)", "-1+2"] {
        assert!(
            cells.contains(&format!("'{formula}")),
            "{formula}: {listed}"
        );
        assert!(!cells.iter().any(|c| c == formula), "{formula}: {listed}");
    }
    add(&db);
    let run = kense_as(
        &db,
        "@evil",
        &["formulary", "add", "-"],
        Some(&template(&db).to_string()),
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let report = kense(&db, &["report", "day", "--csv"]).stdout;
    assert!(report.contains("clerk,'@evil,1"), "{report}");
}

/// clap's own messages quote the value refused: they go through the same filter.
#[test]
fn an_argument_error_does_not_echo_control_characters() {
    let dir = tempdir();
    let db = register_in(&dir);
    for value in ["m\u{202e}elam", "m\u{1b}]52;c;ZXZpbA==\u{7}", "m\u{9b}31m"] {
        let run = kense(
            &db,
            &[
                "iin",
                "generate",
                "--birth-date",
                "2020-01-02",
                "--sex",
                value,
            ],
        );
        assert_eq!(run.code, Some(2), "{}", run.stderr);
        assert!(run.stderr.contains("--sex"), "{}", run.stderr);
        assert_inert("clap", &run.stderr);
    }
    let help = kense(&db, &["--help"]);
    assert_eq!(help.code, Some(0));
    assert!(help.stdout.contains("Exit status:"), "{}", help.stdout);
}
