//! What the tests of the real `kense` binary in a pseudo-terminal (`tests/pty_*.rs`)
//! share: kense started in a real pty at 80×24, its screen rebuilt by a terminal emulator
//! (vt100), keys sent as a clerk over SSH would send them, and the connection dropped.
//! `benches/tui.rs` measures the workstation through the same harness.

// Each test file uses some of these.
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// kense's exit status after a hang-up (`kense --help`): 128 + SIGHUP.
pub const HUNG_UP: u32 = 129;

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

pub struct Session {
    pub child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Output>>,
    /// The scratch register's directory, removed when the session is done.
    _scratch: Option<tempfile::TempDir>,
}

/// `program` with `args` (kense, or a wrapper such as `/usr/bin/time` that runs it) as a
/// clerk's terminal starts it: TERM=xterm, colours, no busy-timeout of the environment.
pub fn command(program: &str, args: &[&str]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(program);
    cmd.args(args);
    cmd.env("TERM", "xterm");
    cmd.env_remove("NO_COLOR");
    cmd.env_remove("KENSE_BUSY_TIMEOUT");
    cmd.cwd(std::env::temp_dir());
    cmd
}

/// The real kense on register `db` (as this process's OS account, issue 12), then `args`.
fn kense_on(args: &[&str], db: &std::path::Path) -> CommandBuilder {
    let db = db.to_string_lossy();
    let mut all = vec!["--db", &*db];
    all.extend_from_slice(args);
    command(env!("CARGO_BIN_EXE_kense"), &all)
}

/// `cmd` in a new 80×24 pty: the pty's master side and the child.
fn spawn_command(cmd: CommandBuilder) -> (Box<dyn MasterPty + Send>, Box<dyn Child + Send + Sync>) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let child = pair
        .slave
        .spawn_command(cmd)
        .unwrap_or_else(|e| panic!("{e}"));
    drop(pair.slave);
    (pair.master, child)
}

/// The real kense on register `db` in a new 80×24 pty: the pty's master side and the child.
pub fn spawn(
    args: &[&str],
    db: &std::path::Path,
) -> (Box<dyn MasterPty + Send>, Box<dyn Child + Send + Sync>) {
    spawn_command(kense_on(args, db))
}

/// SIGHUP to the child, as the system sends it when a terminal's connection drops.
pub fn hang_up(child: &dyn Child) {
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
    pub fn start(args: &[&str]) -> Self {
        let (dir, db) = scratch("pty");
        let mut session = Self::start_in(args, &db);
        session._scratch = Some(dir);
        session
    }

    /// Starts kense on the register file `db` (the tests give each a fresh one in a temp
    /// dir of its own, so they never touch the clerk's own register or one another's).
    pub fn start_in(args: &[&str], db: &std::path::Path) -> Self {
        Self::start_command(kense_on(args, db))
    }

    /// Starts `cmd` (see [`command`]) in a new 80×24 pty.
    pub fn start_command(cmd: CommandBuilder) -> Self {
        let (master, child) = spawn_command(cmd);
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

    pub fn contents(&self) -> String {
        self.output
            .lock()
            .map(|o| o.screen.clone())
            .unwrap_or_default()
    }

    pub fn raw_len(&self) -> usize {
        self.output.lock().map(|o| o.raw.len()).unwrap_or(0)
    }

    pub fn raw(&self) -> Vec<u8> {
        self.output
            .lock()
            .map(|o| o.raw.clone())
            .unwrap_or_default()
    }

    fn output_ended(&self) -> bool {
        self.output.lock().map(|o| o.ended).unwrap_or(true)
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer
            .write_all(bytes)
            .unwrap_or_else(|e| panic!("{e}"));
        self.writer.flush().unwrap_or_else(|e| panic!("{e}"));
    }

    pub fn wait_for(&self, what: impl Fn(&str) -> bool, describe: &str) {
        self.wait_for_every(Duration::from_millis(20), what, describe);
    }

    /// [`Self::wait_for`], looking every `every` (the bench times the first frame so).
    pub fn wait_for_every(&self, every: Duration, what: impl Fn(&str) -> bool, describe: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if what(&self.contents()) {
                return;
            }
            thread::sleep(every);
        }
        panic!(
            "timed out waiting for {describe}; screen:\n{}",
            self.contents()
        );
    }

    pub fn wait_exit(&mut self) -> u32 {
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

impl Session {
    /// Waits until nothing has been written for `quiet`.
    pub fn settle(&self, quiet: Duration) {
        let mut last = self.raw_len();
        let mut since = Instant::now();
        while since.elapsed() < quiet {
            thread::sleep(Duration::from_millis(10));
            let now = self.raw_len();
            if now != last {
                last = now;
                since = Instant::now();
            }
        }
    }

    /// Ctrl-Q, and "y" when the workstation asks first (something typed is on screen),
    /// until it has exited: a session killed instead would leave a wrapper such as
    /// `/usr/bin/time` no time to report.
    pub fn quit(mut self) {
        self.send(b"\x11");
        let start = Instant::now();
        let mut answered = false;
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            if !answered && self.contents().contains("(y/n)") {
                self.send(b"y");
                answered = true;
            }
            thread::sleep(Duration::from_millis(20));
        }
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
pub fn scratch(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::Builder::new()
        .prefix(&format!("kense-{name}-"))
        .tempdir()
        .unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("register.sqlite");
    (dir, db)
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The next start on `db` shows the surname typed before the connection dropped, and
/// quitting asks first since the form holds it.
pub fn the_draft_comes_back(db: &std::path::Path) {
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
pub fn read_until(reader: &mut dyn Read, screen: &mut vt100::Parser, what: &str) {
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

/// The registration number the status line shows after Ctrl-S ("Registered: No. N, …").
pub fn registered_number(screen: &str) -> String {
    screen
        .split("Registered: No. ")
        .nth(1)
        .and_then(|rest| rest.split([' ', ',']).next())
        .unwrap_or_else(|| panic!("no number on screen:\n{screen}"))
        .to_string()
}
