//! Issue 13 through the real `kense` binary in a real pty: a clerk opens a formulary, presses
//! Ctrl-Z, and the paper is printed without the screen waiting: to a PDF file (read back with
//! lopdf, and audited), to the clerk's own printer through the terminal (ESC [5i … ESC [4i,
//! the screen drawn whole again after), and never through the terminal under tmux.

mod pty_support;

use pty_support::{Session, command, contains, scratch};
use std::path::{Path, PathBuf};

/// A demo register of 40 formularies, and a manufactured one's number.
fn register(dir: &Path) -> (PathBuf, String) {
    let db = dir.join("register.sqlite");
    let kense = env!("CARGO_BIN_EXE_kense");
    let run = std::process::Command::new(kense)
        .args(["--db", &db.to_string_lossy(), "demo", "--count", "40"])
        .args(["--seed", "1", "--now", "2026-12-04T17:00:00"])
        .env("KENSE_CONFIG", dir.join("kense.toml"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let number = one(
        &db,
        "SELECT number FROM formularies WHERE status = 'manufactured' ORDER BY number LIMIT 1",
    );
    (db, number)
}

fn one(db: &Path, sql: &str) -> String {
    let conn = rusqlite::Connection::open(db).unwrap_or_else(|e| panic!("{e}"));
    conn.query_row(sql, [], |r| r.get::<_, String>(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// The workstation on `db`, started in `dir` (where its PDF files go), the clerk's terminal
/// printing `terminal`, under tmux when `tmux`.
fn workstation(dir: &Path, db: &Path, terminal: bool, tmux: bool) -> Session {
    let office = dir.join("kense.toml");
    std::fs::write(
        &office,
        "[office]\nname_ru = \"Отдел миграционной службы\"\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let clerk = dir.join("clerk.toml");
    std::fs::write(&clerk, format!("[print]\nterminal = {terminal}\n"))
        .unwrap_or_else(|e| panic!("{e}"));
    let db = db.to_string_lossy();
    let mut cmd = command(env!("CARGO_BIN_EXE_kense"), &["--db", &db, "--lang", "en"]);
    cmd.cwd(dir);
    cmd.env("KENSE_CONFIG", &office);
    cmd.env("KENSE_CLERK_CONFIG", &clerk);
    if tmux {
        cmd.env("TMUX", "/tmp/tmux-1000/default,4242,0");
    } else {
        cmd.env_remove("TMUX");
    }
    Session::start_command(cmd)
}

/// Opens formulary `number` from the Register tab, by its number typed in the filter.
fn open(s: &mut Session, number: &str) {
    s.wait_for(|c| c.contains("Document"), "the New formulary tab");
    s.send(b"\x1b3");
    s.wait_for(|c| c.contains(number), "the register");
    s.send(number.as_bytes());
    s.settle(std::time::Duration::from_millis(300));
    s.send(b"\r");
    s.wait_for(
        |c| c.contains(&format!("Formulary № {number}")),
        "the opened formulary",
    );
}

/// The workstation on a fresh demo register (see [`workstation`]), a manufactured formulary
/// opened and Ctrl-Z pressed: the print dialog showing.
fn print_dialog(
    name: &str,
    terminal: bool,
    tmux: bool,
) -> (tempfile::TempDir, PathBuf, String, Session) {
    let (dir, _) = scratch(name);
    let (db, number) = register(dir.path());
    let mut s = workstation(dir.path(), &db, terminal, tmux);
    open(&mut s, &number);
    s.send(b"\x1a");
    s.wait_for(|c| c.contains("PDF file"), "the print dialog");
    (dir, db, number, s)
}

/// Each run of `bytes` between an `on` and the next `off`.
fn between<'a>(bytes: &'a [u8], on: &[u8], off: &[u8]) -> Vec<&'a [u8]> {
    let find = |from: &[u8], what: &[u8]| from.windows(what.len()).position(|w| w == what);
    let mut runs = Vec::new();
    let mut rest = bytes;
    while let Some(start) = find(rest, on) {
        let body = &rest[start + on.len()..];
        let Some(end) = find(body, off) else { break };
        runs.push(&body[..end]);
        rest = &body[end + off.len()..];
    }
    runs
}

fn pdf_words(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc = lopdf::Document::load_mem(&bytes).unwrap_or_else(|e| panic!("not a PDF: {e}"));
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap_or_else(|e| panic!("{e}"));
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn ctrl_z_prints_the_formulary_at_issue_to_a_pdf_file_and_audits_it() {
    let (dir, db, number, mut s) = print_dialog("print-pdf", false, false);
    let shown = s.contents();
    // M-57 once made, M-56 while it waits; nothing else for this formulary.
    assert!(
        shown.contains("Formulary for signatures at issue (M-57)"),
        "{shown}"
    );
    assert!(shown.contains("Coupon slip (M-56)"), "{shown}");
    assert!(!shown.contains("Conclusion (M-16)"), "{shown}");
    s.send(b"\r");
    s.wait_for(
        |c| c.contains("Formulary for signatures at issue (M-57): file"),
        "the print done",
    );
    let file = std::fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("kense-formulary-"))
        .unwrap_or_else(|| panic!("no PDF in {}", dir.path().display()));
    let words = pdf_words(&file);
    for expected in [
        "Электронный формуляр",
        &format!("№ {number}"),
        "Отдел миграционной службы",
    ] {
        assert!(words.contains(expected), "{expected:?} not in {words}");
    }
    let details = one(
        &db,
        &format!(
            "SELECT details_json FROM audit_log WHERE action = 'paper_printed' AND subject = '{number}'"
        ),
    );
    assert!(details.contains("\"paper\":\"formulary\""), "{details}");
    assert!(details.contains("\"delivery\":\"pdf\""), "{details}");
    s.quit();
}

#[test]
fn the_clerks_terminal_gets_the_paper_between_frames_and_the_screen_comes_back() {
    let (_dir, db, number, mut s) = print_dialog("print-terminal", true, false);
    s.send(b"\t");
    s.wait_for(
        |c| c.contains("your terminal's printer"),
        "the terminal chosen",
    );
    s.send(b"2");
    s.send(b"\r");
    s.wait_for(
        |c| c.contains("sent to your terminal's printer") && c.contains("(copy 1–2)"),
        "the print done",
    );
    // Each copy is a whole PDF between printer controller mode on and off.
    let raw = s.raw();
    let copies = between(&raw, b"\x1b[5i", b"\x1b[4i");
    assert_eq!(copies.len(), 2, "two copies through the terminal");
    for copy in copies {
        let doc = lopdf::Document::load_mem(copy).unwrap_or_else(|e| panic!("not a PDF: {e}"));
        assert!(!doc.get_pages().is_empty());
    }
    // Drawn whole again after: the opened formulary is there.
    s.wait_for(
        |c| c.contains(&format!("Formulary № {number}")),
        "the screen redrawn",
    );
    let copies = one(
        &db,
        &format!("SELECT CAST(copies AS TEXT) FROM prints WHERE subject = '{number}'"),
    );
    assert_eq!(copies, "2");
    s.quit();
}

#[test]
fn under_tmux_the_terminal_is_not_offered_and_nothing_reaches_it() {
    let (_dir, _, _, mut s) = print_dialog("print-tmux", true, true);
    s.send(b"\t");
    s.settle(std::time::Duration::from_millis(300));
    assert!(
        !s.contents().contains("terminal's printer"),
        "{}",
        s.contents()
    );
    s.send(b"\r");
    s.wait_for(|c| c.contains("(M-57): file"), "printed to a file instead");
    assert!(!contains(&s.raw(), b"\x1b[5i"), "nothing for the printer");
    s.quit();
}
