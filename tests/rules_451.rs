//! Order 451's rules of issue 14 through the real binary on a real register file, the clock
//! fixed (`KENSE_NOW`): M-16 (the conclusion on the reverse side, no sending without it,
//! the journal listed), M-56/M-57 (issue by coupon or receipt, the documents withdrawn, the
//! document's own number typed or read from its MRZ, "issued" at the counter, conditional
//! exclusion of the IIN).

mod common;

use common::{CLERK, Run, process_as, tempdir};
use kense::domain::mrz::check_digit;
use std::path::Path;

/// Monday 7 December 2026, 10:00 in Astana.
const NOW: &str = "2026-12-07T05:00:00Z";

fn kense(db: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let mut command = assert_cmd::Command::from_std(process_as(db, CLERK));
    command.env("KENSE_NOW", NOW).args(args);
    if let Some(input) = stdin {
        command.write_stdin(input);
    }
    Run::from(command.output().unwrap_or_else(|e| panic!("{e}")))
}

/// A formulary of code 18 (СЕЙТҚАЛИЕВ АРМАН, born 14 May 1990); its number and coupon.
fn add(db: &Path) -> (String, String) {
    // One example person again and again: the register's warnings (issue 11) let pass.
    let text = common::known_person_passes_json(
        &kense(db, &["formulary", "template", "--code", "18"], None).stdout,
    );
    let run = kense(db, &["formulary", "add", "-", "--json"], Some(&text));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let v = run.json();
    let field = |k: &str| v[k].as_str().unwrap_or_default().to_string();
    (field("number"), field("coupon"))
}

/// A formulary of code 18 registered and put under M-16 verification by another head
/// ("maker") an hour before [`NOW`], so that the account running the binary may approve
/// its conclusion (maker-checker, issue 12); its number.
fn under_verification_by_another(db: &Path) -> String {
    use kense::domain::lifecycle::{Event, VerificationGround};
    let text = kense(db, &["formulary", "template", "--code", "18"], None).stdout;
    let mut formulary =
        kense::domain::formulary::Formulary::from_json(&text).unwrap_or_else(|e| panic!("{e:?}"));
    // The same example person as other tests of this file: K-OPEN/K-PERSON let pass.
    common::known_person_passes(&mut formulary);
    let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 7)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap_or_else(|| panic!("a time"));
    let clock = kense::office::Clock::at_office_time(chrono_tz::Asia::Almaty, at);
    let mut maker = common::second_head(db, "maker").with_clock(clock);
    let number = maker
        .register_formulary_at(&formulary, at)
        .unwrap_or_else(|e| panic!("{e}"))
        .number;
    let start = Event::StartVerification {
        ground: VerificationGround::PhotoIdentity,
    };
    maker
        .move_formulary(&number, start, None, at)
        .unwrap_or_else(|e| panic!("{e}"));
    number
}

fn mv(db: &Path, number: &str, args: &[&str]) -> Run {
    let mut all = vec!["formulary", "move", number, "--to"];
    all.extend_from_slice(args);
    kense(db, &all, None)
}

fn ok(run: &Run) {
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn m16_a_confirmed_verification_writes_the_reverse_side_and_send_waits_for_the_protocol() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let first = under_verification_by_another(&db);
    let second = under_verification_by_another(&db);
    // Confirmed without the identification protocol: it cannot be sent yet (M-16).
    ok(&mv(&db, &first, &["confirm", "--conclusion-number", "7"]));
    let send = mv(&db, &first, &["send"]);
    assert_eq!(send.code, Some(4), "M-16: {}", send.stderr);
    assert!(
        send.stderr.contains("identification protocol") && send.stderr.contains("M-16"),
        "{}",
        send.stderr
    );
    // With the protocol, the reverse side carries both and it goes.
    let args = [
        "confirm",
        "--conclusion-number",
        "8",
        "--protocol-number",
        "П-3",
        "--protocol-date",
        "2026-12-04",
    ];
    ok(&mv(&db, &second, &args));
    let shown = kense(&db, &["formulary", "show", &second, "--json"], None).json();
    let side = shown["formulary"]["reverse_side"].to_string();
    assert!(
        side.contains(r#""kind":"conclusion","number":"8","date":"2026-12-07""#),
        "{side}"
    );
    assert!(
        side.contains(r#""kind":"identification_protocol","number":"П-3","date":"2026-12-04""#),
        "{side}"
    );
    ok(&mv(&db, &second, &["send"]));
    // The journal of conclusions lists both lines, with the protocol where recorded.
    let journal = kense(&db, &["journal", "--year", "2026", "--json"], None).json();
    let lines = journal.as_array().cloned().unwrap_or_default();
    assert_eq!(lines.len(), 2, "{journal}");
    assert_eq!(lines[0]["number"], "7");
    assert!(lines[0]["protocol_number"].is_null());
    assert_eq!(lines[1]["protocol_number"], "П-3");
    assert_eq!(lines[1]["formulary"], second.as_str());
    let none = kense(&db, &["journal", "--year", "2025"], None);
    assert_eq!(none.code, Some(1), "{}", none.stderr);
    // A formulary never verified needs no conclusion.
    let (plain, _) = add(&db);
    ok(&mv(&db, &plain, &["send"]));
}

/// A formulary sent and manufactured, ready to hand over.
fn manufactured(db: &Path) -> (String, String) {
    let (number, coupon) = add(db);
    ok(&mv(db, &number, &["send"]));
    ok(&mv(db, &number, &["manufacture"]));
    (number, coupon)
}

#[test]
fn m57_issue_needs_the_documents_own_number_and_records_coupon_or_receipt_and_withdrawn() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let (number, coupon) = manufactured(&db);
    let bare = mv(&db, &number, &["issue", "--coupon", &coupon]);
    assert_eq!(bare.code, Some(2), "{}", bare.stderr);
    assert!(
        bare.stderr.contains("own number") && bare.stderr.contains("M-57"),
        "{}",
        bare.stderr
    );
    let by_receipt = [
        "issue",
        "--receipt",
        "R-55",
        "--document-number",
        "N12345678",
        "--withdrawn",
        "passport N0000001",
    ];
    ok(&mv(&db, &number, &by_receipt));
    let row: (String, Option<String>, String) = common::raw(&db)
        .query_row(
            "SELECT by_paper, receipt, withdrawn_json FROM issues",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        row,
        (
            "receipt".into(),
            Some("R-55".into()),
            r#"["passport N0000001"]"#.into()
        )
    );
    // The counter's lookup says "issued", not "not ready" (M-57).
    let counter = kense(&db, &["formulary", "show", &coupon], None);
    assert!(
        counter
            .stdout
            .starts_with(&format!("coupon {coupon}: issued")),
        "{}",
        counter.stdout
    );
    let docs = kense(&db, &["formulary", "show", &number, "--json"], None).json();
    assert_eq!(docs["documents"][0]["number"], "N12345678");
}

/// The ID card's zone of the template's person, with check digits as printed.
fn card_zone(surname: &str, number: &str) -> String {
    let l1 = format!(
        "IDKAZ{number}{}<<<<<<<<<<<<<<<",
        check_digit(number) as char
    );
    let (birth, expiry) = ("900514", "361231");
    let mut l2 = format!(
        "{birth}{}M{expiry}{}KAZ<<<<<<<<<<<",
        check_digit(birth) as char,
        check_digit(expiry) as char
    );
    let composite = format!("{}{}{}{}", &l1[5..30], &l2[0..7], &l2[8..15], &l2[18..29]);
    l2.push(check_digit(&composite) as char);
    format!("{l1}\n{l2}\n{:<<30}", format!("{surname}<<ARMAN"))
}

#[test]
fn m57_the_mrz_gives_the_documents_number_once_it_is_the_persons() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let (number, coupon) = manufactured(&db);
    let wrong = card_zone("AKHMETOV", "043215678");
    let refused = mv(
        &db,
        &number,
        &["issue", "--coupon", &coupon, "--mrz", &wrong],
    );
    assert_eq!(refused.code, Some(2), "{}", refused.stderr);
    assert!(
        refused.stderr.contains("surname") && !refused.stderr.contains("AKHMETOV"),
        "{}",
        refused.stderr
    );
    let misread = card_zone("SEITKALIYEV", "043215678").replacen("0432", "0433", 1);
    let typo = mv(
        &db,
        &number,
        &["issue", "--coupon", &coupon, "--mrz", &misread],
    );
    assert_eq!(typo.code, Some(2), "{}", typo.stderr);
    assert!(typo.stderr.contains("check digit"), "{}", typo.stderr);
    let zone = card_zone("SEITKALIYEV", "043215678");
    let mut command = assert_cmd::Command::from_std(process_as(&db, CLERK));
    command
        .env("KENSE_NOW", NOW)
        .args([
            "formulary",
            "move",
            &number,
            "--to",
            "issue",
            "--coupon",
            &coupon,
            "--mrz",
            "-",
        ])
        .write_stdin(zone);
    ok(&Run::from(
        command.output().unwrap_or_else(|e| panic!("{e}")),
    ));
    let shown = kense(&db, &["formulary", "show", &number, "--json"], None).json();
    assert_eq!(shown["documents"][0]["number"], "043215678");
    let mrz_read: i64 = common::raw(&db)
        .query_row("SELECT mrz_read FROM issues", [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(mrz_read, 1);
}

#[test]
fn m57_conditional_exclusion_of_the_iin_invalidates_the_persons_documents() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let (number, coupon) = manufactured(&db);
    ok(&mv(
        &db,
        &number,
        &[
            "issue",
            "--coupon",
            &coupon,
            "--document-number",
            "043215678",
        ],
    ));
    let iin = "900514300012";
    let run = kense(&db, &["person", "exclude", "--iin", iin, "--json"], None);
    ok(&run);
    let invalid = &run.json()["invalidated"][0];
    assert_eq!(invalid["number"], "043215678");
    assert_eq!(invalid["status"]["reason"], "iin_excluded");
    let audit: i64 = common::raw(&db)
        .query_row(
            "SELECT count(*) FROM audit_log WHERE action = 'iin_excluded'",
            [],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(audit, 1);
}

/// `kense formulary template --code CODE` gives a formulary `formulary add` takes, for
/// every code of M-31, with the grounds of issue 14 in it.
#[test]
fn every_codes_template_is_added_with_its_grounds() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    for rule in kense::domain::formulary::CODE_RULES {
        let text = kense(&db, &["formulary", "template", "--code", rule.code], None).stdout;
        assert!(text.contains("\"filled_at\""), "M-4: {}", rule.code);
        // The templates share persons: the register's warnings (issue 11) let pass.
        let text = common::known_person_passes_json(&text);
        let run = kense(&db, &["formulary", "add", "-"], Some(&text));
        assert_eq!(run.code, Some(0), "code {}: {}", rule.code, run.stderr);
    }
}

/// The flags of what a parent showed for a child's IIN (M-12.a).
const CHILD: [&str; 10] = [
    "--birth-certificate",
    "I-АК 0123456",
    "--certificate-date",
    "2026-11-20",
    "--certificate-issuer",
    "РАГС г. Кокшетау",
    "--parent-document",
    "удостоверение 043215678",
    "--zags-found",
    "no",
];

#[test]
fn m12a_a_childs_iin_records_what_was_shown_and_the_request_to_the_registry() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let base = [
        "iin",
        "generate",
        "--birth-date",
        "2026-11-15",
        "--sex",
        "female",
    ];
    let bare = kense(&db, &base, None);
    assert_eq!(bare.code, Some(2), "{}", bare.stderr);
    assert!(
        bare.stderr.contains("--birth-certificate") && bare.stderr.contains("M-12.a"),
        "{}",
        bare.stderr
    );
    let mut args = base.to_vec();
    args.extend_from_slice(&CHILD);
    let run = kense(&db, &args, None);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let iin = run.stdout.trim().to_string();
    // Not in ИС ЗАГС: the request is due two working days after Monday the 7th.
    let queue = kense(&db, &["iin", "requests", "--json"], None).json();
    assert_eq!(queue[0]["iin"], iin.as_str());
    assert_eq!(queue[0]["due"], "2026-12-09", "M-12.a");
    // What was shown is personal: not in the audit log.
    let details: String = common::raw(&db)
        .query_row(
            "SELECT details_json FROM audit_log WHERE action = 'iin_generated'",
            [],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !details.contains("043215678") && !details.contains("0123456"),
        "{details}"
    );
    let sent = kense(&db, &["iin", "request-sent", &iin], None);
    assert_eq!(sent.code, Some(0), "{}", sent.stderr);
    assert_eq!(
        kense(&db, &["iin", "requests"], None).code,
        Some(1),
        "the queue is empty"
    );
    // An adult's IIN needs none of it.
    let adult = kense(
        &db,
        &[
            "iin",
            "generate",
            "--birth-date",
            "1990-05-14",
            "--sex",
            "male",
        ],
        None,
    );
    assert_eq!(adult.code, Some(0), "{}", adult.stderr);
}

/// Free text of a move (M-56/M-57) holds no control characters: refused naming the flag.
#[test]
fn m57_a_move_refuses_control_characters_in_its_text() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let (number, _) = manufactured(&db);
    let args = [
        "issue",
        "--receipt",
        "R\u{1b}[2J",
        "--document-number",
        "N1",
    ];
    let run = mv(&db, &number, &args);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("--receipt"), "{}", run.stderr);
    assert_eq!(common::count(&db, "issues"), 0);
}
