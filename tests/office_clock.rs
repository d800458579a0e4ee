//! The office's clock (issue 14): every "now" and "today" of the CLI is office time
//! (Asia/Almaty by default), whatever the host's or the clerk's `TZ`. The real binary, on
//! a real register file, with its clock fixed by `KENSE_NOW` (read by debug builds only).

mod common;
mod dsn_support;

use common::{CLERK, Run, count, process_as, raw};
use dsn_support::{app, bin, product, tempdir};
use std::path::Path;

/// The zones a server or a clerk may have: UTC, the furthest west, and the office's own.
const ZONES: [&str; 3] = ["UTC", "Etc/GMT+12", "Asia/Almaty"];

/// `kense` on `db` with `TZ=tz` and the clock fixed at `now`.
fn at(db: &Path, tz: &str, now: &str, args: &[&str], stdin: Option<&str>) -> Run {
    let mut command = assert_cmd::Command::from_std(process_as(db, CLERK));
    command.env("TZ", tz).env("KENSE_NOW", now).args(args);
    if let Some(input) = stdin {
        command.write_stdin(input);
    }
    Run::from(command.output().unwrap_or_else(|e| panic!("{e}")))
}

fn template(code: &str) -> String {
    let dir = tempdir();
    let run = at(
        &dir.path().join("t.sqlite"),
        "UTC",
        "2026-12-07T05:00:00Z",
        &["formulary", "template", "--code", code],
        None,
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    run.stdout
}

/// 19:30 UTC on Monday 7 December 2026 is 00:30 on Tuesday 8 December in Astana: the
/// office's day is the 8th in every zone, for the day's report and the registration.
#[test]
fn the_same_instant_is_the_same_office_day_in_every_tz() {
    let formulary = template("18");
    for tz in ZONES {
        let dir = tempdir();
        let db = dir.path().join("r.sqlite");
        let now = "2026-12-07T19:30:00Z";
        let added = at(&db, tz, now, &["formulary", "add", "-"], Some(&formulary));
        assert_eq!(added.code, Some(0), "{tz}: {}", added.stderr);
        let report = at(&db, tz, now, &["report", "day", "--json"], None).json();
        assert_eq!(report["date"], "2026-12-08", "{tz}");
        assert_eq!(
            report["formularies"][0]["registered_on"], "2026-12-08",
            "{tz}"
        );
        // Stored with the office's offset, shown in office time.
        let stored: String = raw(&db)
            .query_row("SELECT at FROM transitions", [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(stored, "2026-12-08T00:30:00+05:00", "{tz}");
        let closed = at(&db, tz, now, &["day", "close", "--json"], None).json();
        assert_eq!(closed["date"], "2026-12-08", "{tz}");
    }
}

/// D-6: 14:00 UTC on Monday 7 December is 19:00 in Astana, after the provider's 18:30:
/// registered on Tuesday the 8th, due Wednesday the 9th, in every zone (a server in UTC
/// used to take it as in hours).
#[test]
fn d6_an_application_at_19_00_astana_is_registered_the_next_working_day_in_every_tz() {
    let application = app(&bin(1), 4, "053", vec![product(1, "АИ-92")]);
    for tz in ZONES {
        let dir = tempdir();
        let db = dir.path().join("r.sqlite");
        let run = at(
            &db,
            tz,
            "2026-12-07T14:00:00Z",
            &["dsn", "apply", "-", "--json"],
            Some(&application),
        );
        let json = run.json();
        assert_eq!(
            json["received_at"], "2026-12-07T19:00+05:00",
            "{tz}: {}",
            run.stderr
        );
        assert_eq!(json["registered_on"], "2026-12-08", "D-6, {tz}");
        assert_eq!(json["due_on"], "2026-12-09", "D-6, {tz}");
    }
}

/// A clock set back is refused: before the newest registration, and before the newest
/// closed day; nothing is saved, and the message says what the clock is behind.
#[test]
fn a_clock_set_back_is_refused_before_the_newest_registration_or_closed_day() {
    let formulary = template("18");
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let first = at(
        &db,
        "UTC",
        "2026-12-08T06:00:00Z",
        &["formulary", "add", "-"],
        Some(&formulary),
    );
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let back = at(
        &db,
        "UTC",
        "2026-12-08T05:00:00Z",
        &["formulary", "add", "-"],
        Some(&formulary),
    );
    assert_eq!(back.code, Some(4), "{}", back.stderr);
    assert!(
        back.stderr.contains("set back") && back.stderr.contains("newest registration"),
        "{}",
        back.stderr
    );
    let moved = at(
        &db,
        "UTC",
        "2026-12-08T05:00:00Z",
        &["formulary", "move", "2026-0000001", "--to", "send"],
        None,
    );
    assert_eq!(moved.code, Some(4), "{}", moved.stderr);
    assert_eq!(count(&db, "formularies"), 1);
    assert_eq!(count(&db, "transitions"), 1);
    // Close the 8th and the 9th (days close in order, issue 12) from the 10th; then a
    // clock before them is behind the 9th.
    let first = at(
        &db,
        "UTC",
        "2026-12-10T05:30:00Z",
        &["day", "close", "--date", "2026-12-08"],
        None,
    );
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let close = at(
        &db,
        "UTC",
        "2026-12-10T06:00:00Z",
        &["day", "close", "--date", "2026-12-09"],
        None,
    );
    assert_eq!(close.code, Some(0), "{}", close.stderr);
    // A clock on the 7th (the 8th is closed now, which would be the refusal there).
    let behind = at(
        &db,
        "UTC",
        "2026-12-07T07:00:00Z",
        &["formulary", "move", "2026-0000001", "--to", "send"],
        None,
    );
    assert_eq!(behind.code, Some(4), "{}", behind.stderr);
    assert!(
        behind.stderr.contains("closed day 2026-12-09"),
        "{}",
        behind.stderr
    );
    let later = at(
        &db,
        "UTC",
        "2026-12-10T07:00:00Z",
        &["formulary", "move", "2026-0000001", "--to", "send"],
        None,
    );
    assert_eq!(later.code, Some(0), "{}", later.stderr);
}

/// A day closed twice says when, in office time.
#[test]
fn a_day_closed_twice_says_when_in_office_time() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let now = "2026-12-07T19:30:00Z";
    let formulary = template("18");
    assert_eq!(
        at(
            &db,
            "UTC",
            now,
            &["formulary", "add", "-"],
            Some(&formulary)
        )
        .code,
        Some(0)
    );
    assert_eq!(at(&db, "UTC", now, &["day", "close"], None).code, Some(0));
    let again = at(&db, "UTC", now, &["day", "close"], None);
    assert_eq!(again.code, Some(4));
    assert!(
        again.stderr.contains("2026-12-08 00:30:00 +05:00"),
        "{}",
        again.stderr
    );
}

/// The office's zone is a setting: an office in another zone sees its own day.
#[test]
fn the_zone_comes_from_the_offices_settings() {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let settings = dir.path().join("kense.toml");
    std::fs::write(&settings, "[office]\ntime_zone = \"Etc/GMT+12\"\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let mut command = assert_cmd::Command::from_std(process_as(&db, CLERK));
    command
        .env("KENSE_CONFIG", &settings)
        .env("KENSE_NOW", "2026-12-07T19:30:00Z")
        .args([
            "iin",
            "generate",
            "--birth-date",
            "2026-12-08",
            "--sex",
            "male",
        ]);
    let run = Run::from(command.output().unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(
        run.code,
        Some(2),
        "the 8th has not come at 07:30 on the 7th: {}",
        run.stderr
    );
    std::fs::write(&settings, "[office]\ntime_zone = \"Nowhere\"\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let bad = Run::from(command.output().unwrap_or_else(|e| panic!("{e}")));
    assert_eq!(bad.code, Some(2));
    assert!(bad.stderr.contains("time_zone"), "{}", bad.stderr);
}

/// A correction's time is stored in UTC and shown in office time.
#[test]
fn a_correction_is_shown_in_office_time() {
    let formulary = template("18");
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let now = "2026-12-07T19:30:00Z";
    let added = at(
        &db,
        "UTC",
        now,
        &["formulary", "add", "-"],
        Some(&formulary),
    );
    assert_eq!(added.code, Some(0), "{}", added.stderr);
    let fixed = formulary.replace("АРМАН", "АРМАНЖАН");
    let corrected = at(
        &db,
        "UTC",
        now,
        &["formulary", "correct", "2026-0000001", "-"],
        Some(&fixed),
    );
    assert_eq!(corrected.code, Some(0), "{}", corrected.stderr);
    let shown = at(
        &db,
        "UTC",
        now,
        &["formulary", "show", "2026-0000001"],
        None,
    );
    assert!(
        shown.stdout.contains(&format!(
            "2026-12-08 00:30  {}  corrected (#1)",
            common::me()
        )),
        "{}",
        shown.stdout
    );
}
