//! What the `kense dsn` end-to-end tests share: running the real binary against a
//! register file, and applications to feed it.
// Each test file uses some of these.
#![allow(dead_code)]

use assert_cmd::Command;
use kense::domain::iin::check_digit;
use serde_json::{Value, json};
use std::path::Path;

pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}\n{}", self.stdout, self.stderr))
    }
}

pub fn kense_in(db: &Path, args: &[&str], stdin: &str) -> Run {
    let output = Command::cargo_bin("kense")
        .unwrap_or_else(|e| panic!("{e}"))
        .env_remove("KENSE_DB")
        .env_remove("KENSE_CLERK")
        .arg("--db")
        .arg(db)
        .args(["--clerk", "aigul"])
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

pub fn kense(db: &Path, args: &[&str]) -> Run {
    kense_in(db, args, "")
}

/// A BIN of a resident legal entity registered 2004-05 with a serial from `serial` on.
pub fn bin(serial: u32) -> String {
    (serial..)
        .find_map(|s| {
            let first = format!("040540{s:05}");
            let mut digits = [0u8; 11];
            for (slot, b) in digits.iter_mut().zip(first.bytes()) {
                *slot = b - b'0';
            }
            check_digit(&digits).map(|c| format!("{first}{c}"))
        })
        .unwrap_or_else(|| panic!("no BIN"))
}

pub fn product(kind: u32, name: &str) -> Value {
    json!({ "type": kind, "name": name, "spec": "СТ РК 1501-2006" })
}

pub fn app(bin: &str, country: u32, unit: &str, products: Vec<Value>) -> String {
    json!({
        "taxpayer": "ТОО Мұнай",
        "bin": bin,
        "subject_type": "producer",
        "country": country,
        "unit": unit,
        "products": products,
    })
    .to_string()
}

/// `dsn apply -` of `application` received on a plain Tuesday morning, as JSON.
pub fn apply(db: &Path, application: &str) -> Run {
    let args = [
        "dsn",
        "apply",
        "-",
        "--received-at",
        "2025-03-11T10:00",
        "--json",
    ];
    kense_in(db, &args, application)
}

pub fn add(db: &Path, bin: &str) {
    let run = kense(db, &["dsn", "taxpayer", "add", bin, "ТОО Мұнай"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

pub fn codes(run: &Run) -> Vec<Value> {
    let products = run.json()["products"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    products.iter().map(|p| p["code_facets"].clone()).collect()
}

pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}
