//! The papers in a real renderer: poppler's `pdftoppm` draws every page of every paper (the
//! PDF is well formed, its font usable). poppler-utils is not part of the README's set-up:
//! without `pdftoppm` the test says so and checks nothing.

mod common;
mod papers_support;

use papers_support::{demo, one, print};
use std::process::Command;

#[test]
fn poppler_renders_every_page_of_every_paper() {
    if Command::new("pdftoppm").arg("-v").output().is_err() {
        eprintln!("SKIPPED: pdftoppm (poppler-utils) is not installed; nothing checked");
        return;
    }
    let demo = demo();
    let db = &demo.db;
    let subjects = [
        (
            "formulary",
            one(db, "SELECT number FROM formularies ORDER BY id LIMIT 1"),
        ),
        ("insert", demo.iin.clone()),
        (
            "nationality-certificate",
            one(
                db,
                "SELECT number FROM formularies WHERE filling_code = '08' LIMIT 1",
            ),
        ),
        (
            "conclusion",
            one(
                db,
                "SELECT f.number FROM formularies f JOIN conclusions c ON c.formulary_id = f.id LIMIT 1",
            ),
        ),
        (
            "journal",
            one(db, "SELECT CAST(year AS TEXT) FROM conclusions LIMIT 1"),
        ),
        (
            "act",
            one(db, "SELECT act_number FROM destructions LIMIT 1"),
        ),
        ("coupon", one(db, "SELECT number FROM formularies LIMIT 1")),
        (
            "day",
            one(db, "SELECT registered_on FROM formularies LIMIT 1"),
        ),
        ("dsn-result", demo.dsn_id.clone()),
    ];
    for (kind, subject) in subjects {
        let (run, bytes) = print(&demo, kind, &subject, &["--lang", "kk"]);
        assert_eq!(run.code, Some(0), "{kind}: {}", run.stderr);
        assert!(bytes.is_some(), "{kind}");
        let pdf = demo.dir.path().join("poppler.pdf");
        std::fs::write(&pdf, bytes.unwrap_or_default()).unwrap_or_else(|e| panic!("{e}"));
        let out = demo.dir.path().join(kind);
        let drawn = Command::new("pdftoppm")
            .args(["-r", "20", "-png"])
            .arg(&pdf)
            .arg(&out)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            drawn.status.success(),
            "{kind}: {}",
            String::from_utf8_lossy(&drawn.stderr)
        );
        assert!(
            drawn.stderr.is_empty(),
            "{kind}: poppler complains: {}",
            String::from_utf8_lossy(&drawn.stderr)
        );
        let page = demo.dir.path().join(format!("{kind}-1.png"));
        assert!(page.exists(), "{kind}: no page drawn");
    }
}
