//! The workstation as a clerk's terminal sees it: the real binary in a pseudo-terminal at
//! 80×24 (portable-pty), its screen rebuilt by vt100, as the pty tests (`tests/pty_support/`) drive it.
//!
//! - start to first frame: from spawning `kense` to the tab bar on the screen (median of 10);
//! - bytes written for one character typed into the Surname field of New formulary;
//! - bytes written for a key on the record screen (an opened formulary of a demo register:
//!   ↓, PgDn, End, Home);
//! - bytes written by an idle workstation over 10 seconds;
//! - with `KENSE_BENCH_TIME=/usr/bin/time`: the peak memory of a session (lookups, the form,
//!   the Register tab), from `/usr/bin/time -v`.
//!
//! `cargo bench --bench tui`; `KENSE_BENCH_DB=PATH` runs the workstation on that register
//! (else on a new one in a temporary directory).

#[path = "../tests/pty_support/mod.rs"]
mod pty_support;

use pty_support::{Session, command, scratch};
use std::thread;
use std::time::{Duration, Instant};

fn main() {
    let kense = env!("CARGO_BIN_EXE_kense");
    let (_scratch, new_register) = scratch("bench");
    let db = std::env::var_os("KENSE_BENCH_DB")
        .map_or(new_register, std::path::PathBuf::from)
        .to_string_lossy()
        .into_owned();
    let args = ["--lang", "en", "--db", &db];

    // Start to first frame.
    let mut times = Vec::new();
    for _ in 0..10 {
        let start = Instant::now();
        let s = Session::start_command(command(kense, &args));
        s.wait_for_every(
            Duration::from_millis(1),
            |c| c.contains("2 Code lookup"),
            "the tab bar",
        );
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
    let mut s = Session::start_command(command(kense, &args));
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

    // Keys on the record screen (issue 11): a formulary of a demo register opened from the
    // Register tab, then scrolled a row, a page, to its end and back.
    let (_record_dir, record_db) = scratch("bench-record");
    let filled = std::process::Command::new(kense)
        .arg("--db")
        .arg(&record_db)
        .args(["demo", "--count", "20", "--seed", "1"])
        .output()
        .map(|o| o.status.success());
    assert!(matches!(filled, Ok(true)), "the demo register: {filled:?}");
    let record_db = record_db.to_string_lossy().into_owned();
    let mut r = Session::start_command(command(kense, &["--lang", "en", "--db", &record_db]));
    r.wait_for(|c| c.contains("2 Code lookup"), "the tab bar");
    r.send(b"\x1b3");
    r.wait_for(|c| c.contains("Search the register"), "the Register tab");
    r.settle(Duration::from_millis(500));
    r.send(b"\r");
    r.wait_for(|c| c.contains("Last move"), "the record screen");
    r.settle(Duration::from_millis(500));
    let mut record = Vec::new();
    for (name, key) in [
        ("↓", &b"\x1b[B"[..]),
        ("↓", b"\x1b[B"),
        ("PgDn", b"\x1b[6~"),
        ("End", b"\x1b[F"),
        ("Home", b"\x1b[H"),
        ("↑ at the top", b"\x1b[A"),
    ] {
        let before = r.raw_len();
        r.send(key);
        r.settle(Duration::from_millis(300));
        record.push(format!("{name} {}", r.raw_len() - before));
    }
    println!(
        "bytes for one key on the record screen   {}",
        record.join(", ")
    );
    r.quit();

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
        let out_path = out.display().to_string();
        let mut timed = vec!["-v", "-o", &out_path, kense];
        timed.extend_from_slice(&args);
        let mut s = Session::start_command(command(&time, &timed));
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
