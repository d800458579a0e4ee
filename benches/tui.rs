//! The workstation as a clerk's terminal sees it: the real binary in a pseudo-terminal at
//! 80×24 (portable-pty), its screen rebuilt by vt100, as the pty tests (`tests/pty_support/`) drive it.
//!
//! - start to first frame: from spawning `kense` to the tab bar on the screen (median of 10);
//! - bytes written for one character typed into the Surname field of New formulary;
//! - bytes written by an idle workstation over 10 seconds;
//! - with `KENSE_BENCH_TIME=/usr/bin/time`: the peak memory of a session (lookups, the form,
//!   the Register tab), from `/usr/bin/time -v`.
//!
//! `cargo bench --bench tui`; `KENSE_BENCH_DB=PATH` runs the workstation on that register.

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
}

impl Session {
    fn start(program: &str, args: &[String]) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap_or_else(|e| panic!("{e}"));
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm");
        cmd.env_remove("NO_COLOR");
        cmd.env("KENSE_CLERK", "bench");
        cmd.cwd(std::env::temp_dir());
        let child = pair
            .slave
            .spawn_command(cmd)
            .unwrap_or_else(|e| panic!("{e}"));
        drop(pair.slave);
        let mut reader = pair
            .master
            .try_clone_reader()
            .unwrap_or_else(|e| panic!("{e}"));
        let writer = pair.master.take_writer().unwrap_or_else(|e| panic!("{e}"));
        let screen = Arc::new(Mutex::new(vt100::Parser::default()));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (screen_in, raw_in) = (Arc::clone(&screen), Arc::clone(&raw));
        thread::spawn(move || {
            let _master = pair.master;
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut s) = screen_in.lock() {
                    s.process(&buf[..n]);
                }
                if let Ok(mut r) = raw_in.lock() {
                    r.extend_from_slice(&buf[..n]);
                }
            }
        });
        Self {
            child,
            writer,
            screen,
            raw,
        }
    }

    fn contents(&self) -> String {
        self.screen
            .lock()
            .map(|s| s.screen().contents())
            .unwrap_or_default()
    }

    fn raw_len(&self) -> usize {
        self.raw.lock().map(|r| r.len()).unwrap_or(0)
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer
            .write_all(bytes)
            .unwrap_or_else(|e| panic!("{e}"));
        self.writer.flush().unwrap_or_else(|e| panic!("{e}"));
    }

    /// Polls every millisecond: the first-frame time is read from here.
    fn wait_for(&self, what: impl Fn(&str) -> bool, describe: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if what(&self.contents()) {
                return;
            }
            thread::sleep(Duration::from_millis(1));
        }
        panic!("timed out waiting for {describe}:\n{}", self.contents());
    }

    /// Waits until nothing has been written for `quiet`.
    fn settle(&self, quiet: Duration) {
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

    /// Ctrl-Q, and "y" when the workstation asks first (something typed is on screen):
    /// a session killed instead would leave `/usr/bin/time` no time to report.
    fn quit(mut self) {
        self.send(b"\x11");
        let start = Instant::now();
        let mut answered = false;
        while start.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.child.try_wait() {
                thread::sleep(Duration::from_millis(100));
                return;
            }
            if !answered && self.contents().contains("(y/n)") {
                self.send(b"y");
                answered = true;
            }
            thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
    }
}

fn main() {
    let kense = env!("CARGO_BIN_EXE_kense");
    let mut args = vec!["--lang".to_string(), "en".to_string()];
    if let Some(db) = std::env::var_os("KENSE_BENCH_DB") {
        args.push("--db".into());
        args.push(db.to_string_lossy().into_owned());
    }

    // Start to first frame.
    let mut times = Vec::new();
    for _ in 0..10 {
        let start = Instant::now();
        let s = Session::start(kense, &args);
        s.wait_for(|c| c.contains("2 Code lookup"), "the tab bar");
        times.push(start.elapsed());
        s.quit();
    }
    times.sort_unstable();
    let median = times[times.len() / 2];
    println!(
        "start to first frame                     median {:>8.1} ms   max {:>8.1} ms",
        median.as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3
    );

    // One character in the Surname field: Document, Filling code, Region, District, IIN,
    // then Surname; five Tabs.
    let mut s = Session::start(kense, &args);
    s.wait_for(|c| c.contains("Surname"), "the form");
    s.send(b"\t\t\t\t\t");
    s.settle(Duration::from_millis(500));
    let mut sizes = Vec::new();
    for key in ["А", "х", "м"] {
        let before = s.raw_len();
        s.send(key.as_bytes());
        s.settle(Duration::from_millis(300));
        sizes.push(s.raw_len() - before);
    }
    assert!(
        s.contents().contains("Ахм"),
        "typed into a field:\n{}",
        s.contents()
    );
    println!("bytes for one character in Surname       {sizes:?}");

    // Idle for 10 seconds.
    s.settle(Duration::from_millis(500));
    let before = s.raw_len();
    thread::sleep(Duration::from_secs(10));
    println!(
        "bytes written idle over 10 s             {}",
        s.raw_len() - before
    );
    s.quit();

    // Peak memory of a session under /usr/bin/time -v.
    if let Ok(time) = std::env::var("KENSE_BENCH_TIME") {
        let out = std::env::temp_dir().join("kense-bench-time.txt");
        let mut timed = vec!["-v".to_string(), "-o".into(), out.display().to_string()];
        timed.push(kense.to_string());
        timed.extend(args.iter().cloned());
        let mut s = Session::start(&time, &timed);
        s.wait_for(|c| c.contains("2 Code lookup"), "the tab bar");
        s.send(b"\x1b2");
        s.wait_for(|c| c.contains("Code or name"), "Code lookup");
        for query in ["akkol", "\x15усть", "\x15a"] {
            s.send(query.as_bytes());
            s.settle(Duration::from_millis(300));
        }
        // The Register tab, and a page down its list where there is one.
        s.send(b"\x1b3");
        s.settle(Duration::from_millis(500));
        for _ in 0..20 {
            s.send(b"\x1b[6~");
        }
        s.settle(Duration::from_millis(500));
        s.send(b"\x1b1");
        s.send("Ахметова".as_bytes());
        s.settle(Duration::from_millis(300));
        s.send(b"\x1b2");
        s.settle(Duration::from_millis(300));
        s.quit();
        let text = std::fs::read_to_string(&out).unwrap_or_default();
        let peak = text
            .lines()
            .find(|l| l.contains("Maximum resident set size"))
            .unwrap_or("no figure (is /usr/bin/time installed?)");
        println!("peak memory of a session                 {}", peak.trim());
    }
}
