//! The register of formularies through the real binary and real files: add, show, move,
//! search, the day's report, sealed days, M-57, and several clerks at once.

mod common;

use common::{
    Run, clerks_at_once, count, kense, kense_as, on_one_day, process_as, register_in, tempdir,
};
use kense::domain::formulary::{CODE_RULES, Formulary};
use kense::store::numbers::parse_coupon;
use serde_json::Value;
use std::collections::HashSet;
use std::path::Path;

/// M-57: the issued document's own number, given with every issue.
const N1: &str = "--document-number=N1";

fn template(db: &Path, code: &str) -> String {
    let run = kense(db, &["formulary", "template", "--code", code]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    run.stdout
}

/// Adds a formulary JSON; returns (number, coupon).
fn add(db: &Path, formulary: &str) -> (String, String) {
    let run = kense_as(
        db,
        "aigul",
        &["formulary", "add", "-", "--json"],
        Some(formulary),
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let v = run.json();
    let field = |k: &str| v[k].as_str().unwrap_or_else(|| panic!("{k}")).to_string();
    (field("number"), field("coupon"))
}

/// `formulary add -` of `text` as `clerk`, waiting up to a minute for the other clerks'
/// saves: each is a few fsyncs (synchronous=FULL), and on a loaded machine with a slow disk
/// three of them in a row can outlast the default 5 s. Losing nothing is what the test of
/// clerks at once checks, not speed (as in tests/store_concurrency.rs).
fn add_waiting(db: &Path, clerk: &str, text: &str) -> Run {
    let mut command = assert_cmd::Command::from_std(process_as(db, clerk));
    command
        .env("KENSE_BUSY_TIMEOUT", "60")
        .args(["formulary", "add", "-"])
        .write_stdin(text);
    Run::from(command.output().unwrap_or_else(|e| panic!("{e}")))
}

fn mv(db: &Path, number: &str, args: &[&str]) -> Run {
    let mut all = vec!["formulary", "move", number, "--to"];
    all.extend_from_slice(args);
    kense(db, &all)
}

#[test]
fn m31_every_filling_code_s_template_is_accepted_by_add_unchanged() {
    let dir = tempdir();
    let db = register_in(&dir);
    for rule in CODE_RULES {
        let text = template(&db, rule.code);
        let parsed = Formulary::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", rule.code));
        assert_eq!(parsed.filling_code.as_deref(), Some(rule.code));
        // Examples share persons: each in a register of its own (K-OPEN, issue 11).
        let (number, coupon) = add(&dir.path().join(rule.code), &text);
        assert!(
            number.len() == 12 && coupon.len() == 10,
            "{number} {coupon}"
        );
    }
    let run = kense(&db, &["formulary", "template", "--code", "02"]);
    assert_eq!(run.code, Some(2), "M-31 has no code 02");
}

#[test]
fn add_show_and_move_through_the_lifecycle_to_issued() {
    let dir = tempdir();
    let db = register_in(&dir);
    let (number, coupon) = add(&db, &template(&db, "04"));
    let run = kense(&db, &["formulary", "add", "-"]);
    assert_eq!(run.code, Some(2), "an empty stdin is not a formulary");
    let show = kense(&db, &["formulary", "show", &number, "--json"]).json();
    assert_eq!(show["state"], "registered");
    assert_eq!(show["coupon"], coupon.as_str());
    assert_eq!(show["formulary"]["surname"], "СЕЙТҚАЛИЕВ");
    assert_eq!(show["lifecycle"][0]["clerk"], common::me(), "OS account");

    // M-16: the conclusion with its identification protocol, or it cannot be sent.
    let confirm: Vec<&str> = "confirm --conclusion-number 7 --protocol-number 1"
        .split(' ')
        .collect();
    let steps: [&[&str]; 4] = [
        &["start_verification", "--ground", "photo_identity"],
        &confirm,
        &["send"],
        &["manufacture", "--reason", "batch 12"],
    ];
    for step in steps {
        if step[0] == "confirm" {
            // Maker-checker (M-16): another head approves what this account started.
            common::confirm_by_another_head(&db, "chief", &number, step[2]);
            continue;
        }
        let run = mv(&db, &number, step);
        assert_eq!(run.code, Some(0), "{step:?}: {}", run.stderr);
    }
    let illegal = mv(&db, &number, &["send"]);
    assert_eq!(illegal.code, Some(4), "{}", illegal.stderr);
    let missing = mv(&db, &number, &["issue"]);
    assert_eq!(missing.code, Some(2), "issue needs --coupon");
    // M-57: the coupon at the counter brings up the ready document.
    let at_counter = kense(&db, &["formulary", "show", &coupon, "--json"]).json();
    assert_eq!(at_counter["coupon_match"]["ready"], true);
    assert_eq!(
        at_counter["coupon_match"]["person"]["surname"],
        "СЕЙТҚАЛИЕВ"
    );
    let other = (0..10)
        .map(|d| format!("100000000{d}"))
        .find(|c| parse_coupon(c).is_some() && *c != coupon)
        .unwrap_or_else(|| panic!("one check digit fits"));
    let issue = |c: &str| mv(&db, &number, &["issue", "--coupon", c, N1, "--json"]);
    let wrong = issue(&other);
    assert_eq!(
        wrong.code,
        Some(4),
        "M-57: another coupon: {}",
        wrong.stderr
    );
    // Two different neighbouring digits swapped (the same two would be no typo at all).
    let mut typo: Vec<char> = coupon.chars().collect();
    let at = (0..typo.len() - 1)
        .find(|&i| typo[i] != typo[i + 1])
        .unwrap_or_else(|| panic!("{coupon}: ten equal digits"));
    typo.swap(at, at + 1);
    let typo: String = typo.into_iter().collect();
    assert_ne!(typo, coupon);
    let run = issue(&typo);
    assert_eq!(
        run.code,
        Some(2),
        "M-57: a swapped pair is caught: {}",
        run.stderr
    );
    let issued = issue(&coupon);
    assert_eq!(issued.code, Some(0), "{}", issued.stderr);
    assert_eq!(issued.json()["to"], "issued");

    let show = kense(&db, &["formulary", "show", &number, "--json"]).json();
    assert_eq!(show["state"], "issued");
    let moves: Vec<&str> = show["lifecycle"]
        .as_array()
        .unwrap_or_else(|| panic!("a list"))
        .iter()
        .filter_map(|t| t["event"]["move"].as_str())
        .collect();
    let expected = [
        "register",
        "start_verification",
        "confirm",
        "send",
        "manufacture",
    ];
    assert_eq!(moves[..5], expected);
    assert_eq!(show["lifecycle"][2]["event"]["conclusion"]["number"], "7");
    assert_eq!(show["lifecycle"][4]["reason"], "batch 12");
    assert_eq!(show["documents"][0]["status"]["status"], "valid");
    assert_eq!(count(&db, "conclusions"), 1, "M-16: in the journal");
    let audit = kense(&db, &["audit", "verify"]);
    assert!(
        // Seven writes (and the second head's), each with the seal of its rows (issue 15).
        audit.stdout.starts_with("audit log intact: 14 entries"),
        "{}",
        audit.stdout
    );
}

#[test]
fn an_invalid_formulary_is_exit_2_with_every_problem_and_nothing_saved() {
    let dir = tempdir();
    let db = register_in(&dir);
    let run = kense_as(
        &db,
        "aigul",
        &["formulary", "add", "-"],
        Some("{\"sex\": \"x\"}"),
    );
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.starts_with("sex: "), "{}", run.stderr);
    assert!(run.stderr.contains("[K-JSON]"), "{}", run.stderr);

    let mut f: Value = serde_json::from_str(&template(&db, "00")).unwrap_or_else(|e| panic!("{e}"));
    f["signature"] = serde_json::json!({"status": "absent", "reason": null});
    f["surname"] = Value::Null;
    let run = kense_as(
        &db,
        "aigul",
        &["formulary", "add", "-"],
        Some(&f.to_string()),
    );
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert!(
        lines.contains(&"surname: поле не заполнено [K-REQUIRED]"),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("signature.reason: ") && l.ends_with(" [M-8]")),
        "M-8: {lines:?}"
    );
    for line in &lines[..lines.len() - 1] {
        let (field, rest) = line.split_once(": ").unwrap_or_else(|| panic!("{line}"));
        assert!(
            !field.is_empty() && rest.ends_with(']') && rest.contains(" ["),
            "{line}"
        );
    }
    assert_eq!(count(&db, "formularies"), 0, "nothing saved");
    assert_eq!(count(&db, "persons"), 0, "nothing saved");
    assert_eq!(count(&db, "audit_log"), 0, "nothing saved");
}

#[test]
fn a_closed_day_is_sealed_against_edits() {
    // `day close` closes today and the edits after it are of today: one day.
    on_one_day(|| {
        let dir = tempdir();
        let db = register_in(&dir);
        let text = template(&db, "04");
        let (number, _) = add(&db, &text);
        let corrected = text.replace("\"АРМАН\"", "\"АРМАНБЕК\"");
        let run = kense_as(
            &db,
            "aigul",
            &["formulary", "correct", &number, "-"],
            Some(&corrected),
        );
        assert_eq!(
            run.code,
            Some(0),
            "before the close a correction is taken: {}",
            run.stderr
        );
        let close = kense(&db, &["day", "close"]);
        assert_eq!(close.code, Some(0), "{}", close.stderr);

        let again = text.replace("\"АРМАН\"", "\"АРМАНЖАН\"");
        let run = kense_as(
            &db,
            "aigul",
            &["formulary", "correct", &number, "-"],
            Some(&again),
        );
        assert_eq!(run.code, Some(4), "{}", run.stderr);
        assert!(run.stderr.contains("is closed"), "{}", run.stderr);
        let run = kense_as(&db, "aigul", &["formulary", "add", "-"], Some(&text));
        assert_eq!(
            run.code,
            Some(4),
            "no new formulary on a closed day: {}",
            run.stderr
        );
        let run = mv(&db, &number, &["send"]);
        assert_eq!(
            run.code,
            Some(4),
            "no move dated on a closed day: {}",
            run.stderr
        );

        let show = kense(&db, &["formulary", "show", &number, "--json"]).json();
        assert_eq!(
            show["formulary"]["given_name"], "АРМАНБЕК",
            "the sealed data stay"
        );
        assert_eq!(show["state"], "registered");
        assert_eq!(count(&db, "formularies"), 1);
        assert_eq!(kense(&db, &["audit", "verify"]).code, Some(0));
    });
}

#[test]
fn m57_issuing_new_documents_invalidates_the_previous_ones() {
    let dir = tempdir();
    let db = register_in(&dir);
    let text = template(&db, "18");
    let mut numbers = Vec::new();
    for document in ["P-OLD", "P-NEW"] {
        let (number, coupon) = add(&db, &text);
        for step in ["send", "manufacture"] {
            assert_eq!(mv(&db, &number, &[step]).code, Some(0));
        }
        let args = ["issue", "--coupon", &coupon, "--document-number", document];
        let run = mv(&db, &number, &args);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        numbers.push(number);
    }
    let show = kense(&db, &["formulary", "show", &numbers[1], "--json"]).json();
    let docs = show["documents"]
        .as_array()
        .unwrap_or_else(|| panic!("a list"));
    assert_eq!(docs.len(), 2, "{docs:?}");
    assert_eq!(docs[0]["number"], "P-OLD");
    assert_eq!(docs[0]["status"]["status"], "invalid", "M-57");
    assert_eq!(docs[0]["status"]["reason"], "new_documents_issued", "M-57");
    assert_eq!(docs[1]["number"], "P-NEW");
    assert_eq!(docs[1]["status"]["status"], "valid", "M-57");
}

#[test]
fn register_search_and_day_report_from_the_command_line() {
    // `report day` reports on today, the day the formularies were added: one day.
    on_one_day(|| {
        let dir = tempdir();
        let db = register_in(&dir);
        let mut f: Value =
            serde_json::from_str(&template(&db, "00")).unwrap_or_else(|e| panic!("{e}"));
        f["surname"] = "Ақжолова".into();
        add(&db, &f.to_string());
        add(&db, &template(&db, "04"));
        let run = kense(&db, &["register", "--name", "АҚЖ", "--csv"]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        let lines: Vec<&str> = run.stdout.lines().collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines[0].starts_with("number,registered_on,status"),
            "{lines:?}"
        );
        assert!(lines[1].contains("Ақжолова"), "{lines:?}");
        let run = kense(&db, &["register", "--limit", "1", "--json"]);
        let page = run.json();
        assert_eq!(page["rows"].as_array().map(Vec::len), Some(1));
        let next = page["next"]
            .as_str()
            .unwrap_or_else(|| panic!("a next page"));
        assert!(
            run.stderr.contains(&format!("--after {next}")),
            "{}",
            run.stderr
        );
        let rest = kense(
            &db,
            &["register", "--limit", "1", "--after", next, "--json"],
        )
        .json();
        assert_eq!(rest["next"], Value::Null);
        assert_ne!(rest["rows"][0]["number"], page["rows"][0]["number"]);
        let none = kense(&db, &["register", "--status", "issued"]);
        assert_eq!(none.code, Some(1), "{}", none.stderr);

        let report = kense(&db, &["report", "day", "--json"]).json();
        assert_eq!(report["total"], 2);
        assert_eq!(report["by_status"]["registered"], 2);
        assert_eq!(report["by_filling_code"]["00"], 1);
        assert_eq!(report["by_clerk"][common::me()], 2);
        let csv = kense(&db, &["report", "day", "--csv"]);
        assert!(
            csv.stdout.contains("\nfilling_code,04,1\n"),
            "{}",
            csv.stdout
        );
    });
}

#[test]
fn clerks_adding_formularies_at_once_lose_nothing() {
    // The numbers are gapless within a year: one day (the 31st of December's last
    // seconds would split them over two years).
    on_one_day(|| {
        let dir = tempdir();
        let db = register_in(&dir);
        let text = common::known_person_passes_json(&template(&db, "04"));
        let (clerks, each) = (4, 8);
        let added: Vec<(String, String)> = clerks_at_once(clerks, each, |name| {
            let run = add_waiting(&db, name, &text);
            assert_eq!(run.code, Some(0), "{name}: {}", run.stderr);
            let mut words = run.stdout.split_whitespace();
            let number = words.next().unwrap_or_default().to_string();
            (number, words.last().unwrap_or_default().to_string())
        });
        let numbers: HashSet<&String> = added.iter().map(|(n, _)| n).collect();
        let coupons: HashSet<&String> = added.iter().map(|(_, c)| c).collect();
        assert_eq!(
            numbers.len(),
            clerks * each,
            "every registration number distinct"
        );
        assert_eq!(coupons.len(), clerks * each, "every coupon distinct");
        assert_eq!(
            count(&db, "formularies"),
            (clerks * each) as i64,
            "every save in the file"
        );
        let sequence: HashSet<String> = (1..=clerks * each)
            .map(|n| format!("{}-{n:07}", &added[0].0[..4]))
            .collect();
        assert_eq!(numbers, sequence.iter().collect(), "gapless per year");
        let audit = kense(&db, &["audit", "verify"]);
        assert_eq!(audit.code, Some(0), "{}{}", audit.stdout, audit.stderr);
    });
}
