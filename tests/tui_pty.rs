//! The real `kense` binary in a real pseudo-terminal at 80×24, its screen rebuilt by a
//! terminal emulator (vt100), driven by keys as a clerk over SSH would send them.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// kense's exit status after a hang-up (`kense --help`): 128 + SIGHUP.
const HUNG_UP: u32 = 129;

/// What the reader thread has got from kense so far.
#[derive(Default)]
struct Output {
    /// Every byte, as sent.
    raw: Vec<u8>,
    /// The screen as of the last whole frame: kense wraps each frame in a synchronized
    /// update, which the pty may deliver in several reads; a screen read half-way through
    /// one mixes the new frame with the old (a registration number cut short, a dialog
    /// half gone).
    screen: String,
    /// The pty's kense side is closed: all it wrote is in `raw`.
    ended: bool,
}

struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Output>>,
    /// The scratch register's directory, removed when the session is done.
    _scratch: Option<tempfile::TempDir>,
}

/// The real kense on register `db` in a new 80×24 pty: the pty's master side and the child.
fn spawn(
    args: &[&str],
    db: &std::path::Path,
) -> (Box<dyn MasterPty + Send>, Box<dyn Child + Send + Sync>) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_kense"));
    cmd.arg("--db");
    cmd.arg(db.as_os_str());
    cmd.args(["--clerk", "pty-test"]);
    cmd.args(args);
    cmd.env("TERM", "xterm");
    cmd.env_remove("NO_COLOR");
    cmd.env_remove("KENSE_BUSY_TIMEOUT");
    cmd.cwd(std::env::temp_dir());
    let child = pair
        .slave
        .spawn_command(cmd)
        .unwrap_or_else(|e| panic!("{e}"));
    drop(pair.slave);
    (pair.master, child)
}

/// SIGHUP to the child, as the system sends it when a terminal's connection drops.
fn hang_up(child: &dyn Child) {
    // portable-pty's signaller sends SIGHUP; no `kill` program needed (slim images lack it).
    child
        .clone_killer()
        .kill()
        .unwrap_or_else(|e| panic!("SIGHUP: {e}"));
}

/// The synchronized-update brackets kense puts around each frame.
const FRAME_BEGIN: &[u8] = b"\x1b[?2026h";
const FRAME_END: &[u8] = b"\x1b[?2026l";

/// Whether a frame is still open at the end of `raw`, given whether one was at `from`.
/// Scanned from a little before `from`, so that a bracket split between two reads counts
/// once (a bracket that starts before `from - 7` was whole before `from`).
fn in_frame(raw: &[u8], from: usize, mut open: bool) -> bool {
    let mut at = from.saturating_sub(FRAME_BEGIN.len() - 1);
    while at < raw.len() {
        if raw[at..].starts_with(FRAME_BEGIN) {
            open = true;
            at += FRAME_BEGIN.len();
        } else if raw[at..].starts_with(FRAME_END) {
            open = false;
            at += FRAME_END.len();
        } else {
            at += 1;
        }
    }
    open
}

impl Session {
    fn start(args: &[&str]) -> Self {
        let (dir, db) = scratch("pty");
        let mut session = Self::start_in(args, &db);
        session._scratch = Some(dir);
        session
    }

    /// Starts kense on the register file `db` (the tests give each a fresh one in a temp
    /// dir of its own, so they never touch the clerk's own register or one another's).
    fn start_in(args: &[&str], db: &std::path::Path) -> Self {
        let (master, child) = spawn(args, db);
        let mut reader = master.try_clone_reader().unwrap_or_else(|e| panic!("{e}"));
        let writer = master.take_writer().unwrap_or_else(|e| panic!("{e}"));
        let output = Arc::new(Mutex::new(Output::default()));
        let output_in = Arc::clone(&output);
        thread::spawn(move || {
            // Keep the master alive as long as the reader runs.
            let _master = master;
            // vt100's default screen is 80×24, the size of the pty.
            let mut parser = vt100::Parser::default();
            let mut open = false;
            let mut buf = [0u8; 4096];
            // Ends with 0 bytes or EIO once kense has exited and closed its side.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                parser.process(&buf[..n]);
                let Ok(mut out) = output_in.lock() else {
                    break;
                };
                let from = out.raw.len();
                out.raw.extend_from_slice(&buf[..n]);
                open = in_frame(&out.raw, from, open);
                if !open {
                    out.screen = parser.screen().contents();
                }
            }
            if let Ok(mut out) = output_in.lock() {
                out.screen = parser.screen().contents();
                out.ended = true;
            }
        });
        Self {
            child,
            writer,
            output,
            _scratch: None,
        }
    }

    fn contents(&self) -> String {
        self.output
            .lock()
            .map(|o| o.screen.clone())
            .unwrap_or_default()
    }

    fn raw_len(&self) -> usize {
        self.output.lock().map(|o| o.raw.len()).unwrap_or(0)
    }

    fn raw(&self) -> Vec<u8> {
        self.output
            .lock()
            .map(|o| o.raw.clone())
            .unwrap_or_default()
    }

    fn output_ended(&self) -> bool {
        self.output.lock().map(|o| o.ended).unwrap_or(true)
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer
            .write_all(bytes)
            .unwrap_or_else(|e| panic!("{e}"));
        self.writer.flush().unwrap_or_else(|e| panic!("{e}"));
    }

    fn wait_for(&self, what: impl Fn(&str) -> bool, describe: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if what(&self.contents()) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "timed out waiting for {describe}; screen:\n{}",
            self.contents()
        );
    }

    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(status)) = self.child.try_wait() {
                // Everything kense wrote last (leaving the alternate screen) is read once
                // the reader sees its side closed; a fixed pause was too short under load.
                let drained = Instant::now();
                while !self.output_ended() && drained.elapsed() < Duration::from_secs(10) {
                    thread::sleep(Duration::from_millis(10));
                }
                return status.exit_code();
            }
            thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("kense did not exit; screen:\n{}", self.contents());
    }
}

impl Drop for Session {
    /// A test that failed half-way leaves no kense behind (SIGHUP, then SIGKILL).
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A directory of its own for one test, `name` in its name, and a register path in it
/// with no file there yet. Removed when dropped, also when the test fails: a directory
/// named after the process id alone outlived failed runs, and a later run with the same
/// pid (a container starts its pids afresh) found the old register's -wal file there.
fn scratch(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::Builder::new()
        .prefix(&format!("kense-{name}-"))
        .tempdir()
        .unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("register.sqlite");
    (dir, db)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

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
fn a_clerk_types_a_formulary_registers_it_and_finds_it_in_the_register() {
    let (_dir, db) = scratch("e2e");
    let mut s = Session::start_in(&["--lang", "en"], &db);
    s.wait_for(|c| c.contains("Document"), "the New formulary tab");
    let tab = b"\t";
    let right = b"\x1b[C";
    let type_field = |s: &mut Session, text: &str| {
        s.send(text.as_bytes());
        s.send(tab);
    };
    s.send(right); // Document: passport
    s.send(tab);
    type_field(&mut s, "18"); // filling code: expiry
    type_field(&mut s, "1902");
    type_field(&mut s, "204");
    type_field(&mut s, "900517300128"); // fills birth date and sex
    s.wait_for(|c| c.contains("17.05.1990"), "the birth date from the IIN");
    type_field(&mut s, "Ахметов");
    type_field(&mut s, "Ерлан");
    type_field(&mut s, ""); // patronymic
    type_field(&mut s, ""); // birth date (filled)
    type_field(&mut s, ""); // sex (filled)
    type_field(&mut s, "Кокшетау");
    type_field(&mut s, "казах");
    type_field(&mut s, "KZ");
    type_field(&mut s, "Кокшетау, ул. Абая, 1");
    type_field(&mut s, "01.02.2010");
    type_field(&mut s, ""); // previous address
    s.send(right); // signature: present
    s.wait_for(
        |c| c.contains("No errors: Ctrl-S registers"),
        "a complete formulary",
    );
    s.send(b"\x13"); // Ctrl-S
    s.wait_for(|c| c.contains("№ "), "the registration number");
    let screen = s.contents();
    let number = screen
        .split("№ ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no number on screen:\n{screen}"))
        .to_string();

    s.send(b"\x1b3"); // Alt-3: the register
    s.wait_for(
        |c| c.contains(&number) && c.contains("Ахметов Ерлан"),
        "the row in the register",
    );
    s.send(b"\r"); // open it
    s.wait_for(
        |c| c.contains("History") && c.contains("registered"),
        "its history",
    );
    // A lone Esc must arrive alone: sent glued to the next key it reads as Alt.
    s.send(b"\x1b");
    s.wait_for(|c| !c.contains("History"), "the formulary closed");
    s.send(b"\x11"); // Ctrl-Q: nothing unsaved, so no question
    assert_eq!(s.wait_exit(), 0);
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

/// The next start on `db` shows the surname typed before the connection dropped, and
/// quitting asks first since the form holds it.
fn the_draft_comes_back(db: &std::path::Path) {
    let mut again = Session::start_in(&["--lang", "en"], db);
    again.wait_for(
        |c| c.contains("Ахметов"),
        "the draft back on the next start",
    );
    again.send(b"\x11");
    again.wait_for(
        |c| c.contains("Quit? (y/n)"),
        "the question before quitting",
    );
    again.send(b"y");
    assert_eq!(again.wait_exit(), 0);
}

/// Reads the pty in this thread until the rebuilt screen shows `what`.
fn read_until(reader: &mut dyn Read, screen: &mut vt100::Parser, what: &str) {
    let mut buf = [0u8; 4096];
    while !screen.screen().contents().contains(what) {
        match reader.read(&mut buf) {
            Ok(n) if n > 0 => screen.process(&buf[..n]),
            _ => panic!(
                "the output ended before {what:?}:\n{}",
                screen.screen().contents()
            ),
        }
    }
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

#[test]
fn a_clerk_files_a_dsn_application_and_sees_its_code() {
    let (_dir, db) = scratch("dsn");
    // The applicant is in the taxpayer register (D-7 (1)).
    let added = std::process::Command::new(env!("CARGO_BIN_EXE_kense"))
        .arg("--db")
        .arg(&db)
        .args([
            "--clerk",
            "pty-test",
            "dsn",
            "taxpayer",
            "add",
            "040540000123",
            "ТОО Мұнай",
        ])
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(added.success());
    let mut s = Session::start_in(&["--lang", "en"], &db);
    s.wait_for(|c| c.contains("Document"), "the New tab");
    s.send(b"\x0e"); // Ctrl-N: the DSN application
    s.wait_for(|c| c.contains("DSN code application"), "the DSN form");
    let tab = b"\t";
    for (i, text) in [
        "ТОО Мұнай",
        "040540000123",
        "",
        "3",
        "053",
        "1",
        "АИ-92",
        "ГОСТ 32513-2013",
    ]
    .iter()
    .enumerate()
    {
        if i == 2 {
            s.send(b"\x1b[C"); // producer
        } else {
            s.send(text.as_bytes());
        }
        s.send(tab);
    }
    s.wait_for(
        |c| c.contains("No errors: Ctrl-S files the application"),
        "a complete application",
    );
    s.send(b"\x13");
    s.wait_for(|c| c.contains("3-053-0001-1-001"), "the assigned code");
    s.send(b"\x1b3");
    s.wait_for(|c| c.contains("Search the register"), "the Register tab");
    s.send(b"\x14"); // Ctrl-T: DSN applications
    s.wait_for(
        |c| c.contains("DSN code applications") && c.contains("АИ-92"),
        "the application listed",
    );
    s.send(b"\x11");
    assert_eq!(s.wait_exit(), 0);
}
