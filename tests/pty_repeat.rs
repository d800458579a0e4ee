//! Issue 11, done when: the real `kense` in a real pty at 80×24 (vt100 screen) registers
//! a repeat applicant (filling code 18) by IIN prefill in at most 60 keystrokes, counted
//! here (22: the office's region and district are its settings' defaults); opens it from
//! the Register; corrects a field (Ctrl-R, Ctrl-S); and finds it by its surname typed
//! without Kazakh letters (folded as Code lookup folds).

mod pty_support;

use pty_support::{Session, command, registered_number, scratch};
use std::path::Path;
use std::process::Command;

/// The issue's bound on a repeat applicant's formulary.
const MOST_KEYSTROKES: usize = 60;

/// A session whose keys are counted: a key a keystroke, a text a keystroke a letter.
struct Counted {
    s: Session,
    keystrokes: usize,
}

impl Counted {
    fn key(&mut self, bytes: &[u8]) {
        self.s.send(bytes);
        self.keystrokes += 1;
    }

    fn text(&mut self, text: &str) {
        for c in text.chars() {
            let mut buf = [0; 4];
            self.s.send(c.encode_utf8(&mut buf).as_bytes());
            self.keystrokes += 1;
        }
    }
}

fn kense(db: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_kense"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The Kazakh letters a Russian keyboard has not, as a clerk types them on it.
fn without_kazakh_letters(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'ә' => 'а',
            'ғ' => 'г',
            'қ' => 'к',
            'ң' => 'н',
            'ө' => 'о',
            'ұ' | 'ү' => 'у',
            'һ' => 'х',
            'і' => 'и',
            other => other,
        })
        .collect()
}

/// An adult of the demo register with one formulary, issued, and a surname with a Kazakh
/// letter: (IIN, surname).
fn repeat_applicant(db: &Path) -> (String, String) {
    let issued = kense(
        db,
        &["register", "--status", "issued", "--json", "--limit", "200"],
    );
    let rows: serde_json::Value = serde_json::from_str(&issued).unwrap_or_else(|e| panic!("{e}"));
    let rows = rows["rows"].as_array().cloned().unwrap_or_default();
    rows.iter()
        .filter_map(|row| Some((row["iin"].as_str()?, row["surname"].as_str()?)))
        .filter(|(_, surname)| without_kazakh_letters(surname) != surname.to_lowercase())
        // Born in the 1900s (the IIN's seventh digit 3 or 4): an adult, whose code 18 asks
        // nothing of a parent (M-12.c).
        .filter(|(iin, _)| matches!(iin.chars().nth(6), Some('3' | '4')))
        .find(|(iin, _)| {
            let all = kense(db, &["register", "--iin", iin, "--json"]);
            let all: serde_json::Value = serde_json::from_str(&all).unwrap_or_default();
            all["rows"].as_array().is_some_and(|r| r.len() == 1)
        })
        .map(|(iin, surname)| (iin.to_string(), surname.to_string()))
        .unwrap_or_else(|| panic!("no issued person with a Kazakh surname in the demo"))
}

#[test]
fn a_repeat_applicant_by_iin_prefill_in_at_most_60_keystrokes_corrected_and_found_folded() {
    let (dir, db) = scratch("repeat");
    kense(&db, &["demo", "--count", "60", "--seed", "11"]);
    let (iin, surname) = repeat_applicant(&db);
    // The office's own region and district: the codes of every new formulary.
    let config = dir.path().join("kense.toml");
    std::fs::write(&config, "[office]\nregion = \"1902\"\ndistrict = \"204\"\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let db_arg = db.to_string_lossy();
    let mut cmd = command(
        env!("CARGO_BIN_EXE_kense"),
        &["--db", &db_arg, "--lang", "en"],
    );
    cmd.env("KENSE_CONFIG", &config);
    let mut c = Counted {
        s: Session::start_command(cmd),
        keystrokes: 0,
    };
    c.s.wait_for(
        |s| s.contains("1902  АКМОЛИНСКАЯ ОБЛАСТЬ") && s.contains("204  АККОЛЬСКИЙ РАЙОН"),
        "a new formulary with the office's codes",
    );

    // The document (a passport), the filling code, past the office's codes.
    c.key(b"\x1b[C");
    c.key(b"\t");
    c.text("18");
    c.key(b"\t");
    c.key(b"\t");
    c.key(b"\t");
    // The IIN: the register fills the person (names, birth place, nationality,
    // citizenship, the address with its arrival date) from the formulary issued to them.
    c.text(&iin);
    c.s.wait_for(
        |s| s.contains(&surname),
        "the person filled from the register",
    );
    // Ctrl-P: to the one field left, the signature; → chooses that it is there.
    c.key(b"\x10");
    c.s.wait_for(|s| s.contains("┌Signature"), "the signature to fill");
    c.key(b"\x1b[C");
    c.s.wait_for(
        |s| s.contains("No errors: Ctrl-S registers"),
        "a complete formulary",
    );
    c.key(b"\x13"); // Ctrl-S
    c.s.wait_for(
        |s| s.contains("Registered: No. "),
        "the registration number",
    );
    let registered_in = c.keystrokes;
    assert_eq!(
        registered_in, 22,
        "→ Tab 18 Tab Tab Tab, 12 digits, Ctrl-P → Ctrl-S"
    );
    assert!(
        registered_in <= MOST_KEYSTROKES,
        "{registered_in} keystrokes for a repeat applicant (at most {MOST_KEYSTROKES})"
    );
    let number = registered_number(&c.s.contents());

    // Opened from the Register: the newest first.
    c.key(b"\x1b3");
    c.s.wait_for(|s| s.contains(&number), "the row in the register");
    c.key(b"\r");
    c.s.wait_for(|s| s.contains("Last move"), "the formulary opened");
    // Corrected: the birth place gets a word more.
    c.key(b"\x12"); // Ctrl-R
    c.s.wait_for(|s| s.contains("Correcting the formulary"), "the correction");
    // Up to the first field, then down to the birth place (the eleventh).
    for _ in 0..60 {
        c.key(b"\x1b[Z");
    }
    for _ in 0..10 {
        c.key(b"\t");
    }
    c.s.wait_for(|s| s.contains("┌Birth place"), "the birth place to correct");
    c.key(b"\x05"); // Ctrl-E: the end of the line
    c.text(" АУЫЛЫ");
    c.s.wait_for(|s| s.contains(" АУЫЛЫ"), "the birth place typed");
    c.key(b"\x13"); // Ctrl-S
    c.s.wait_for(
        |s| s.contains("Last move") && s.contains("The correction is saved"),
        "the corrected formulary",
    );
    // Found by the surname typed without its Kazakh letters.
    c.key(b"\x1b");
    c.s.wait_for(|s| s.contains("Search the register"), "the list");
    let folded = without_kazakh_letters(&surname);
    c.text(&folded);
    // The list read again for the query: every row is the surname's, the new one among
    // them, and rows of other names are gone.
    let rows = |screen: &str| -> Vec<String> {
        screen
            .lines()
            .filter(|l| l.starts_with("│20"))
            .map(str::to_string)
            .collect()
    };
    c.s.wait_for(
        |s| {
            let rows = rows(s);
            s.contains(&folded)
                && rows.iter().any(|r| r.contains(&number))
                && rows.iter().all(|r| r.contains(&surname))
        },
        "the formulary found by the folded surname, and only that surname",
    );
    c.key(b"\x11"); // Ctrl-Q
    assert_eq!(c.s.wait_exit(), 0);
    // The register holds the correction.
    let shown = kense(&db, &["formulary", "show", &number, "--json"]);
    assert!(shown.contains(" АУЫЛЫ"), "{shown}");
}
