//! What the `kense dsn` end-to-end tests share: running the real binary against a
//! register file, and applications to feed it. Needs `mod common;` beside it: the binary
//! is run by the helpers all integration tests share.
// Each test file uses some of these.
#![allow(dead_code)]

use serde_json::{Value, json};
use std::path::Path;

pub use crate::common::{Run, bin, kense, tempdir};

/// `kense` on `db` with `stdin` on its standard input (the DSN commands read `-`).
pub fn kense_in(db: &Path, args: &[&str], stdin: &str) -> Run {
    crate::common::kense_in(db, args, Some(stdin))
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
