//! `audit verify` against the length of the audit log (issue 15).
//!
//! The demo writes one entry per batch of 20,000 formularies, so a demo register's chain is
//! short however many rows it holds; an office writes an entry and its seal per write. This
//! bench makes a register of real writes, each its own transaction through the store as
//! the commands make it (`Store::generate_iin`: an `iin_generated` entry, an `iin_issued`
//! row and the seal of that row), then times `Store::verify_register` (the file's check and
//! the whole audit check, on threads, as `kense audit verify`) and prints the time per
//! entry. docs/BENCHMARKS.md uses it to estimate a register of real writes at a million
//! formularies.
//!
//! `cargo bench --bench audit` (`KENSE_BENCH_WRITES`, default 20,000 writes).

use chrono::{Duration as Days, NaiveDate};
use kense::domain::Sex;
use kense::store::{Clerk, Location, Store};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() {
    let writes: usize = std::env::var("KENSE_BENCH_WRITES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // KENSE_BENCH_DB: the register to write (kept), or to check again when it exists.
    let path = std::env::var_os("KENSE_BENCH_DB")
        .map_or_else(|| dir.path().join("bench.sqlite"), PathBuf::from);
    let clerk = kense::cli::os_account().unwrap_or_else(|e| panic!("{e}"));
    if !path.exists() {
        write(&path, &clerk, writes);
    }
    let mut store =
        Store::open_read_only(&Location::existing(&path), clerk).unwrap_or_else(|e| panic!("{e}"));
    for _ in 0..3 {
        let started = Instant::now();
        let report = store.verify_register().unwrap_or_else(|e| panic!("{e}"));
        let took = started.elapsed();
        assert!(report.is_intact(), "{report:?}");
        println!(
            "audit verify of {} entries: {:.2} s, {:.1} µs an entry",
            report.entries,
            took.as_secs_f64(),
            took.as_secs_f64() * 1e6 / report.entries as f64
        );
    }
}

/// Makes a register at `path` of `writes` IINs generated, each its own write.
fn write(path: &Path, clerk: &Clerk, writes: usize) {
    let mut store = Store::open(&Location::create_if_missing(path), clerk.clone())
        .unwrap_or_else(|e| panic!("{e}"));
    let first = NaiveDate::from_ymd_opt(1960, 1, 1).unwrap_or_else(|| panic!("date"));
    let started = Instant::now();
    for i in 0..writes {
        // 4,000 a birth date and sex: far below the 9,999 serials of one.
        let day = i64::try_from(i / 8_000).unwrap_or(0);
        let sex = if i % 2 == 0 { Sex::Male } else { Sex::Female };
        store
            .generate_iin(first + Days::days(day), sex)
            .unwrap_or_else(|e| panic!("write {i}: {e}"));
    }
    println!(
        "{writes} writes, each its own transaction, in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
