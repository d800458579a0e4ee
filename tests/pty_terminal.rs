//! The real `kense` binary in a real pseudo-terminal at 80×24, its screen rebuilt by a
//! terminal emulator (vt100): what it does to and with the terminal (restoring it, never
//! asking it anything, sending nothing while idle) and how it ends when the connection
//! drops, the draft kept.

mod pty_support;

use pty_support::{
    HUNG_UP, Session, contains, hang_up, read_until, scratch, spawn, the_draft_comes_back,
};
use std::io::Write;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

#[test]
fn a_clerk_looks_up_a_code_and_quits_with_the_terminal_restored() {
    let mut s = Session::start(&["--lang", "en"]);
    s.wait_for(|c| c.contains("2 Code lookup"), "the tab bar");
    s.send(b"\x1b2");
    s.wait_for(|c| c.contains("Code or name"), "the Code lookup tab");

    s.send(b"akkol");
    s.wait_for(|c| c.contains("1902 204  АККОЛЬСКИЙ РАЙОН"), "the result");
    s.wait_for(
        |c| c.contains("Region: 1902 АКМОЛИНСКАЯ ОБЛАСТЬ"),
        "the detail",
    );

    // Alt-3 as it arrives over SSH: Esc then the digit.
    s.send(b"\x1b3");
    s.wait_for(|c| c.contains("Search the register"), "the Register tab");
    s.send(b"\x1b2");
    s.wait_for(
        |c| c.contains("АККОЛЬСКИЙ"),
        "the lookup tab again, query kept",
    );

    s.send(b"?");
    s.wait_for(|c| c.contains("Esc closes"), "the help");
    s.send(b"\x1b");
    s.wait_for(|c| !c.contains("Esc closes"), "the help closed");

    s.send(b"\x11"); // Ctrl-Q
    assert_eq!(s.wait_exit(), 0);
    let raw = s.raw();
    assert!(contains(&raw, b"\x1b[?1049l"), "left the alternate screen");
    assert!(contains(&raw, b"\x1b[?25h"), "showed the cursor again");
    // Frames are wrapped in synchronized updates.
    assert!(contains(&raw, b"\x1b[?2026h") && contains(&raw, b"\x1b[?2026l"));
    // Never a question to the terminal: cursor position, keyboard protocol, device attributes.
    for query in [&b"\x1b[6n"[..], b"\x1b[?u", b"\x1b[c", b"\x1b[>c"] {
        assert!(!contains(&raw, query), "asked the terminal {query:?}");
    }
}

#[test]
fn an_idle_workstation_sends_nothing() {
    let mut s = Session::start(&["--lang", "en"]);
    // The screen is taken at the end of a frame, so the whole first frame is in by now:
    // whatever comes after it was sent while idle (a fixed pause to let the frame finish
    // raced a reader thread held up on a loaded machine).
    s.wait_for(|c| c.contains("Document"), "the first frame");
    let before = s.raw_len();
    thread::sleep(Duration::from_millis(1800));
    assert_eq!(s.raw_len(), before, "bytes sent while idle");
    s.send(b"\x11");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_dropped_connection_restores_the_terminal() {
    let mut s = Session::start(&[]);
    s.wait_for(
        |c| c.contains("Поиск кодов"),
        "the first frame, in Russian by default",
    );
    hang_up(&*s.child);
    assert_eq!(s.wait_exit(), HUNG_UP, "the exit status of a hang-up");
    assert!(
        contains(&s.raw(), b"\x1b[?1049l"),
        "left the alternate screen"
    );
}

#[test]
fn a_draft_survives_a_dropped_connection() {
    let (_dir, db) = scratch("draft");
    let mut s = Session::start_in(&["--lang", "en"], &db);
    s.wait_for(|c| c.contains("Document"), "the New formulary tab");
    for _ in 0..5 {
        s.send(b"\t");
    }
    s.send("Ахметов".as_bytes());
    s.wait_for(|c| c.contains("Ахметов"), "the surname typed");
    hang_up(&*s.child);
    assert_eq!(s.wait_exit(), HUNG_UP, "the exit status of a hang-up");

    the_draft_comes_back(&db);
}

#[test]
fn a_closed_connection_ends_the_workstation_and_keeps_the_draft() {
    let (_dir, db) = scratch("hup");
    let (master, mut child) = spawn(&["--lang", "en"], &db);
    // Read here, not in a thread: every handle on the terminal's side must close below,
    // as when an SSH connection drops, and a reading thread would keep one open.
    let mut killer = child.clone_killer();
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let guard_done = Arc::clone(&done);
    thread::spawn(move || {
        thread::sleep(Duration::from_secs(30));
        if !guard_done.load(std::sync::atomic::Ordering::Relaxed) {
            let _ = killer.kill(); // a stuck read ends with the child
        }
    });
    let mut reader = master.try_clone_reader().unwrap_or_else(|e| panic!("{e}"));
    let mut writer = master.take_writer().unwrap_or_else(|e| panic!("{e}"));
    let mut screen = vt100::Parser::default();
    read_until(&mut reader, &mut screen, "Document");
    writer
        .write_all("\t\t\t\t\tАхметов".as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    writer.flush().unwrap_or_else(|e| panic!("{e}"));
    read_until(&mut reader, &mut screen, "Ахметов");
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    // The connection drops: the terminal's master side closes, nothing else is sent.
    drop((reader, writer, master));
    let start = Instant::now();
    let status = loop {
        if let Ok(Some(status)) = child.try_wait() {
            break Some(status.exit_code());
        }
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            break None;
        }
        thread::sleep(Duration::from_millis(20));
    };
    // Not 74 ("the output cannot be written") from restoring a terminal that is gone.
    assert_eq!(
        status,
        Some(HUNG_UP),
        "kense went on running on a closed terminal, or ended otherwise"
    );

    the_draft_comes_back(&db);
}
