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
/// printing `terminal`, under tmux when `tmux`; the office's queue "front", and `dir`
/// first on PATH (for a fake `lp` there), when `queue`.
fn workstation(dir: &Path, db: &Path, terminal: bool, tmux: bool, queue: bool) -> Session {
    let office = dir.join("kense.toml");
    let mut settings = "[office]\nname_ru = \"Отдел миграционной службы\"\n".to_string();
    if queue {
        settings.push_str("\n[print]\nqueue = \"front\"\n");
    }
    std::fs::write(&office, settings).unwrap_or_else(|e| panic!("{e}"));
    let clerk = dir.join("clerk.toml");
    std::fs::write(&clerk, format!("[print]\nterminal = {terminal}\n"))
        .unwrap_or_else(|e| panic!("{e}"));
    let db = db.to_string_lossy();
    let mut cmd = command(env!("CARGO_BIN_EXE_kense"), &["--db", &db, "--lang", "en"]);
    cmd.cwd(dir);
    cmd.env("KENSE_CONFIG", &office);
    cmd.env("KENSE_CLERK_CONFIG", &clerk);
    if queue {
        let path = std::env::var("PATH").unwrap_or_default();
        cmd.env("PATH", format!("{}:{path}", dir.display()));
    }
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

/// A fake `lp` in `dir` that takes the paper, then holds it for `tenths` tenths of a second
/// or until the workstation that started it has ended (a CUPS server slow to answer),
/// and answers as CUPS does.
fn slow_lp(dir: &Path, tenths: u32) {
    let script = format!(
        "#!/bin/sh\ncat > /dev/null\nn=0\nwhile [ $n -lt {tenths} ] && kill -0 $PPID 2>/dev/null; do sleep 0.1; n=$((n+1)); done\necho 'request id is front-7 (1 file(s))'\n"
    );
    let path = dir.join("lp");
    std::fs::write(&path, script).unwrap_or_else(|e| panic!("{e}"));
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::Permissions::from_mode(0o755);
    std::fs::set_permissions(&path, mode).unwrap_or_else(|e| panic!("{e}"));
}

/// The workstation on a fresh demo register (see [`workstation`]), a manufactured formulary
/// opened and Ctrl-Z pressed: the print dialog showing. With `lp_holds`, the office has a
/// queue whose `lp` holds a paper that long (see [`slow_lp`]).
fn print_dialog(
    name: &str,
    terminal: bool,
    tmux: bool,
    lp_holds: Option<u32>,
) -> (tempfile::TempDir, PathBuf, String, Session) {
    let (dir, _) = scratch(name);
    let (db, number) = register(dir.path());
    if let Some(tenths) = lp_holds {
        slow_lp(dir.path(), tenths);
    }
    let mut s = workstation(dir.path(), &db, terminal, tmux, lp_holds.is_some());
    open(&mut s, &number);
    s.send(b"\x1a");
    // The office's queue first when there is one.
    let to = if lp_holds.is_some() {
        "print queue front"
    } else {
        "PDF file"
    };
    s.wait_for(|c| c.contains(to), "the print dialog");
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
    let (dir, db, number, mut s) = print_dialog("print-pdf", false, false, None);
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
    let (_dir, db, number, mut s) = print_dialog("print-terminal", true, false, None);
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
    let (_dir, _, _, mut s) = print_dialog("print-tmux", true, true, None);
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

/// The paper chosen in the print dialog sent to the office's queue, then Ctrl-Q at once:
/// the screen says the print is being finished before the workstation waits for it.
fn queue_then_quit(s: &mut Session) {
    s.send(b"\r");
    s.wait_for(|c| c.contains("Printing…"), "the print started");
    s.send(b"\x11");
    s.wait_for(
        |c| c.contains("Finishing the printing under way: 1 paper. Waiting up to 10 s…"),
        "the wait said before it",
    );
}

/// The exit status of `s`, waiting up to `most`.
fn exit_within(s: &mut Session, most: std::time::Duration) -> u32 {
    let start = std::time::Instant::now();
    while start.elapsed() < most {
        if let Ok(Some(_)) = s.child.try_wait() {
            return s.wait_exit();
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("kense did not exit; screen:\n{}", s.contents());
}

fn prints_audited(db: &Path, number: &str) -> String {
    one(
        db,
        &format!(
            "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log WHERE action = 'paper_printed' AND subject = '{number}'"
        ),
    )
}

#[test]
fn quitting_while_the_queue_takes_a_paper_says_so_and_waits_for_it() {
    let (_dir, db, number, mut s) = print_dialog("print-quit", false, false, Some(30));
    queue_then_quit(&mut s);
    assert_eq!(exit_within(&mut s, std::time::Duration::from_secs(20)), 0);
    assert!(!contains(&s.raw(), b"did not finish"));
    assert_eq!(prints_audited(&db, &number), "1", "spooled, then audited");
}

/// A queue that does not take the paper within the 10 s quitting waits: the clerk's
/// terminal, once restored, names the paper (kind and number) to print again; it is not
/// audited.
#[test]
fn a_paper_not_finished_at_quit_is_named_on_the_terminal_given_back() {
    let (_dir, db, number, mut s) = print_dialog("print-quit-late", false, false, Some(600));
    queue_then_quit(&mut s);
    assert_eq!(exit_within(&mut s, std::time::Duration::from_secs(30)), 0);
    let said = format!(
        "kense: Formulary for signatures at issue (M-57), {number}: the print did not finish in time and is not recorded; the paper may still come out of the printer, so check the printer before printing it again"
    );
    assert!(contains(&s.raw(), said.as_bytes()), "{}", s.contents());
    assert_eq!(prints_audited(&db, &number), "0");
}
