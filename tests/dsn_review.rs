//! DSN through the CLI after review (issue 6): dates that cannot be (a future receipt, a
//! hand-over before registration), closed days, and every facet's lower bound.

mod common;
mod dsn_support;

use dsn_support::*;

#[test]
fn d6_a_receipt_in_the_future_is_bad_input_and_saves_nothing() {
    let dir = tempdir();
    let db = dir.path().join("register.sqlite");
    let b = bin(1);
    add(&db, &b);
    let application = app(&b, 1, "001", vec![product(1, "АИ-92")]);
    let args = ["dsn", "apply", "-", "--received-at", "2999-01-05T10:00"];
    let run = kense_in(&db, &args, &application);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("future"), "{}", run.stderr);
    let listed = kense(&db, &["dsn", "list", "--json"]);
    assert_eq!(
        listed.json().as_array().map(Vec::len),
        Some(0),
        "nothing saved"
    );
}

#[test]
fn d6_a_hand_over_before_registration_is_bad_input() {
    let dir = tempdir();
    let db = dir.path().join("register.sqlite");
    let b = bin(1);
    add(&db, &b);
    let run = apply(&db, &app(&b, 1, "001", vec![product(1, "АИ-92")]));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let id = run.json()["id"].to_string();
    let early = kense(&db, &["dsn", "hand-over", &id, "--on", "2025-03-10"]);
    assert_eq!(early.code, Some(2), "{}", early.stderr);
    assert!(
        early.stderr.contains("registered on 2025-03-11"),
        "{}",
        early.stderr
    );
    let ok = kense(&db, &["dsn", "hand-over", &id, "--on", "2025-03-12"]);
    assert_eq!(ok.code, Some(0), "{}", ok.stderr);
}

#[test]
fn a_closed_day_takes_no_dsn_application_or_hand_over() {
    let dir = tempdir();
    let db = dir.path().join("register.sqlite");
    let b = bin(1);
    add(&db, &b);
    let run = apply(&db, &app(&b, 1, "001", vec![product(1, "АИ-92")]));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let id = run.json()["id"].to_string();
    for day in ["2025-03-11", "2025-03-13"] {
        let close = kense(&db, &["day", "close", "--date", day]);
        assert_eq!(close.code, Some(0), "{}", close.stderr);
    }
    // Registered on 2025-03-11 (a Tuesday, in office hours): that day is closed.
    let again = apply(&db, &app(&b, 1, "001", vec![product(2, "ДТ")]));
    assert_eq!(again.code, Some(4), "{}", again.stderr);
    assert!(again.stderr.contains("closed"), "{}", again.stderr);
    let sealed = kense(&db, &["dsn", "hand-over", &id, "--on", "2025-03-13"]);
    assert_eq!(sealed.code, Some(4), "{}", sealed.stderr);
    let open_day = kense(&db, &["dsn", "hand-over", &id, "--on", "2025-03-12"]);
    assert_eq!(open_day.code, Some(0), "{}", open_day.stderr);
}

#[test]
fn d_app3_decode_names_every_facet_s_lower_bound_through_the_cli() {
    let dir = tempdir();
    let db = dir.path().join("register.sqlite");
    let lowest = kense(&db, &["dsn", "decode", "100100011001", "--json"]);
    assert_eq!(
        lowest.code,
        Some(0),
        "every facet at its lowest: {}",
        lowest.stderr
    );
    let cases = [
        ("000100011001", "facet 1"),
        ("100000011001", "facet 2"),
        ("100100001001", "facet 3"),
        ("100100010001", "facet 4"),
        ("100100011000", "facet 5"),
        // A brand past 999 has four digits and no leading zero.
        ("1001000110001", "facet 5"),
    ];
    for (code, facet) in cases {
        let run = kense(&db, &["dsn", "decode", code]);
        assert_eq!(run.code, Some(1), "{code}");
        let said = format!("{}{}", run.stdout, run.stderr);
        assert!(said.contains(facet), "{code}: {said}");
    }
    let past_999 = kense(&db, &["dsn", "decode", "1001000111000"]);
    assert_eq!(past_999.code, Some(0), "brand 1000: {}", past_999.stderr);
    assert!(!db.exists(), "decoding touches no register");
}
