//! The `kense` binary as a user runs it: arguments, output formats, exit status.

mod common;

use assert_cmd::Command;
use common::Run;
use serde_json::Value;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::process::Stdio;

fn kense() -> Command {
    let mut cmd = Command::cargo_bin("kense").unwrap_or_else(|e| panic!("{e}"));
    // Run away from the source tree: the directories must be inside the binary.
    cmd.current_dir(std::env::temp_dir());
    // The help's snapshots are plain text: CLICOLOR_FORCE (set by some CI setups) would
    // colour clap's output even into a pipe.
    cmd.env_remove("CLICOLOR_FORCE");
    cmd
}

fn run(args: &[&str]) -> Run {
    Run::from(
        kense()
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{e}")),
    )
}

fn json(args: &[&str]) -> Vec<Value> {
    let out = run(args);
    assert_eq!(out.code, Some(0), "{args:?}: {}", out.stderr);
    match serde_json::from_str(&out.stdout) {
        Ok(Value::Array(items)) => items,
        other => panic!("{args:?} did not print a JSON array: {other:?}"),
    }
}

#[test]
fn version_and_help() {
    let version = run(&["--version"]);
    assert_eq!(version.code, Some(0));
    assert_eq!(
        version.stdout.trim(),
        format!("kense {}", env!("CARGO_PKG_VERSION"))
    );
    let help = run(&["--help"]);
    assert_eq!(help.code, Some(0));
    insta::assert_snapshot!("help", help.stdout);
    let lookup_help = run(&["lookup", "--help"]);
    insta::assert_snapshot!("lookup_help", lookup_help.stdout);
}

#[test]
fn lookup_prints_one_match_per_line_best_first() {
    let out = run(&["lookup", "1902", "204"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "district  1902 204  АҚКӨЛ АУДАНЫ  АККОЛЬСКИЙ РАЙОН\n"
    );
    let out = run(&["lookup", "akkol", "--kind", "district"]);
    assert_eq!(out.code, Some(0));
    let first = out.stdout.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("district  1902 204  АҚКӨЛ АУДАНЫ"),
        "{first}"
    );
}

#[test]
fn lookup_json_has_the_documented_fields() {
    let items = json(&["lookup", "1902204", "--json"]);
    assert_eq!(items.len(), 1);
    // Fields come in a fixed order, kind first.
    let raw = run(&["lookup", "1902204", "--json"]).stdout;
    let at = |field: &str| raw.find(&format!("\"{field}\"")).unwrap_or(usize::MAX);
    assert!(at("kind") < at("code") && at("code") < at("name_kk") && at("name_ru") < at("match"));
    let item = &items[0];
    for (field, value) in [
        ("kind", "district"),
        ("code", "1902 204"),
        ("name_kk", "АҚКӨЛ АУДАНЫ"),
        ("name_ru", "АККОЛЬСКИЙ РАЙОН"),
        ("region_code", "1902"),
        ("region_name_kk", "АҚМОЛА ОБЛЫСЫ"),
        ("region_name_ru", "АКМОЛИНСКАЯ ОБЛАСТЬ"),
        ("match", "exact-code"),
    ] {
        assert_eq!(item[field], value, "{field}");
    }
    let filling = &json(&["lookup", "08", "--kind", "filling", "--json"])[0];
    assert_eq!(filling["kind"], "filling");
    assert!(filling["name_en"].is_string());
    assert_eq!(
        filling["translated"],
        serde_json::json!(["name_kk", "name_en"])
    );
}

#[test]
fn lookup_exit_status_says_whether_anything_matched() {
    let none = run(&["lookup", "qqqqzzzz"]);
    assert_eq!(none.code, Some(1));
    assert!(none.stdout.is_empty());
    let none_json = run(&["lookup", "qqqqzzzz", "--json"]);
    assert_eq!(none_json.code, Some(1));
    assert_eq!(none_json.stdout.trim(), "[]");
    assert!(none.stderr.contains("nothing matches"), "{}", none.stderr);

    for bad in [
        &["lookup"][..],
        &["lookup", "akkol", "--kind", "region"],
        &["lookup", "akkol", "--json", "--tsv"],
        &["lookup", "akkol", "--limit", "many"],
        &["codes"],
        &["codes", "streets"],
        &["frobnicate"],
    ] {
        let out = run(bad);
        assert_eq!(out.code, Some(2), "{bad:?}: {}", out.stderr);
        assert!(!out.stderr.is_empty(), "{bad:?} explains itself");
    }
    let bad_kind = run(&["lookup", "akkol", "--kind", "region"]);
    assert!(bad_kind.stderr.contains("dsn-unit"), "{}", bad_kind.stderr);
}

#[test]
fn lookup_limit_cuts_the_list_and_says_so() {
    let out = run(&["lookup", "19", "--limit", "3"]);
    assert_eq!(out.code, Some(0));
    assert_eq!(out.stdout.lines().count(), 3);
    assert!(
        out.stderr.contains("more matches not shown"),
        "{}",
        out.stderr
    );
    let one_less = run(&["lookup", "1902204", "--limit", "0"]);
    assert_eq!(one_less.stderr.trim(), "kense: 1 more match not shown");
    let all = run(&["lookup", "19"]);
    // 224 districts of regions 1902–1960 (not the 9999 rows), DSN units 019 and 190–199.
    assert_eq!(all.stdout.lines().count(), 224 + 11);
    assert!(all.stderr.is_empty());
}

#[test]
fn codes_prints_a_whole_directory_in_three_formats() {
    let table = run(&["codes", "filling"]);
    assert_eq!(table.code, Some(0));
    insta::assert_snapshot!("codes_filling", table.stdout);

    let tsv = run(&["codes", "district", "--tsv"]);
    let lines: Vec<&str> = tsv.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "code\tname_kk\tname_ru\tregion_code\tdistrict_code\tregion_name_kk\tregion_name_ru"
    );
    assert_eq!(lines.len(), 1 + kense::codes::districts().len());
    assert!(lines.contains(&"9999 999\tШЕТЕЛ\tЗАГРАНИЦА\t9999\t999\tШЕТЕЛ\tЗАГРАНИЦА"));

    let units = json(&["codes", "dsn-unit", "--json"]);
    assert_eq!(units.len(), 258);
    let marked: Vec<&str> = units
        .iter()
        .filter(|u| u["marked"] == true)
        .filter_map(|u| u["code"].as_str())
        .collect();
    assert_eq!(
        marked,
        [
            "019", "021", "065", "069", "095", "104", "164", "165", "236"
        ]
    );
    assert!(units.iter().all(|u| u["name_ru"].is_null()));

    for (kind, rows) in [("dsn-country", 6), ("dsn-product", 4), ("filling", 18)] {
        assert_eq!(json(&["codes", kind, "--json"]).len(), rows, "{kind}");
    }
}

#[test]
fn a_closed_pipe_ends_output_quietly() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("kense"))
        .args(["codes", "district", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    if let Some(stdout) = child.stdout.take() {
        let mut first = String::new();
        BufReader::new(stdout)
            .read_line(&mut first)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(first.trim(), "[");
        // Dropping the reader closes the pipe, as `| head -1` does; the JSON (74 kB) is
        // larger than a pipe buffer, so the writer is still writing when it closes.
    }
    let output = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}

#[test]
fn an_unwritable_output_is_reported_not_a_panic() {
    let Ok(full) = File::options().write(true).open("/dev/full") else {
        return; // Not Linux: no device that is always full.
    };
    // Results cannot be written: exit 74, not the "nothing found" 1 and not a panic's 101.
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin!("kense"))
        .args(["lookup", "akkol"])
        .stdout(full)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        out.status.code(),
        Some(74),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Nothing found and no stderr to say so: still the plain "nothing found".
    let full = File::options()
        .write(true)
        .open("/dev/full")
        .unwrap_or_else(|e| panic!("{e}"));
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin!("kense"))
        .args(["lookup", "qqqqzzzz"])
        .stdout(Stdio::null())
        .stderr(full)
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(status.code(), Some(1));
}
