//! The files in `data/` against the seed text they were extracted from.
//!
//! Two independent checks: the row count of every directory equals a count computed from
//! the raw seed text with a rule far simpler than the extractor's, and every column that
//! comes from the document equals what the extractor makes of the seed today. Set
//! `KENSE_BLESS=1` to rewrite `districts.csv` and `dsn_units.csv` from the extractor after
//! a reviewed change of a cleaning rule; the other files carry hand-written translations
//! and are edited by hand.

use kense::codes::extract::{self, DistrictRow, DsnUnitRow};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn doc_000() -> String {
    read("data/source/000_de0319764590f91c.txt")
}

fn doc_001() -> String {
    read("data/source/001_f3f494bec0c529c3.txt")
}

fn ok<T>(r: Result<T, extract::ExtractError>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

fn records(rel: &str) -> Vec<csv::StringRecord> {
    let mut reader = csv::Reader::from_path(path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    reader
        .records()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn column(rel: &str, name: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_path(path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let headers = reader.headers().unwrap_or_else(|e| panic!("{rel}: {e}"));
    let at = headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("{rel} has no column {name}"));
    records(rel).iter().map(|r| r[at].to_string()).collect()
}

/// Compares a fully extracted file with the extractor's rows, or rewrites it when blessing.
fn check_or_bless<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(
    rel: &str,
    extracted: &[T],
) {
    if std::env::var_os("KENSE_BLESS").is_some() {
        let mut writer = csv::Writer::from_path(path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        for row in extracted {
            writer
                .serialize(row)
                .unwrap_or_else(|e| panic!("{rel}: {e}"));
        }
        writer.flush().unwrap_or_else(|e| panic!("{rel}: {e}"));
        return;
    }
    let mut reader = csv::Reader::from_path(path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let in_file: Vec<T> = reader
        .deserialize()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{rel}: {e}"));
    for (i, (file_row, seed_row)) in in_file.iter().zip(extracted).enumerate() {
        assert_eq!(file_row, seed_row, "{rel}, data row {}", i + 1);
    }
    assert_eq!(in_file.len(), extracted.len(), "{rel}: row count");
}

/// Lines of `text` that start (after indentation) with a code of the given widths, each
/// followed by a space: the rows of a code table, counted without any cleaning.
fn count_code_lines(text: &str, widths: &[usize]) -> usize {
    text.lines()
        .filter(|line| {
            let mut rest = line.trim_start();
            widths.iter().all(|&w| {
                let ok = rest.len() > w
                    && rest.as_bytes()[..w].iter().all(u8::is_ascii_digit)
                    && rest.as_bytes()[w] == b' ';
                if ok {
                    rest = rest[w + 1..].trim_start();
                }
                ok
            })
        })
        .count()
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} not in seed"));
    let to = text[from..].find(end).map_or(text.len(), |i| from + i);
    &text[from..to]
}

#[test]
fn district_count_matches_the_code_lines_of_m_app2() {
    let doc = doc_000();
    // "RRRR DDD" opens every row; a row whose names wrap leaves "RRRR DDD" alone on a line.
    let seed = doc
        .lines()
        .filter(|l| {
            let b = l.as_bytes();
            b.len() >= 8
                && b[..4].iter().all(u8::is_ascii_digit)
                && b[4] == b' '
                && b[5..8].iter().all(u8::is_ascii_digit)
        })
        .count();
    assert_eq!(records("data/districts.csv").len(), seed);
    assert_eq!(kense::codes::districts().len(), seed);
}

#[test]
fn every_region_of_m_app2_has_its_own_names() {
    let regions: BTreeSet<(&str, &str, &str)> = kense::codes::districts()
        .iter()
        .map(|d| (d.region_code, d.region_name_kk, d.region_name_ru))
        .collect();
    let codes: BTreeSet<&str> = regions.iter().map(|r| r.0).collect();
    let names: BTreeSet<&str> = regions.iter().map(|r| r.1).collect();
    assert_eq!(codes.len(), 18, "M-App2 has 18 region codes");
    assert_eq!(
        regions.len(),
        18,
        "one pair of names per region: {regions:#?}"
    );
    assert_eq!(names.len(), 18, "no two regions share a name: {regions:#?}");
    // Headings that float away from their rows in the seed, and a one-name heading.
    for pinned in [
        (
            "1917",
            "ШЫҒЫС-ҚАЗАҚСТАН ОБЛЫСЫ",
            "ВОСТОЧНО-КАЗАХСТАНСКАЯ ОБЛАСТЬ",
        ),
        (
            "1926",
            "БАТЫС-ҚАЗАҚСТАН ОБЛЫСЫ",
            "ЗАПАДНО-КАЗАХСТАНСКАЯ ОБЛАСТЬ",
        ),
        ("1943", "МАНҒЫСТАУ ОБЛЫСЫ", "МАНГИСТАУСКАЯ ОБЛАСТЬ"),
        ("9999", "ШЕТЕЛ", "ЗАГРАНИЦА"),
    ] {
        assert!(regions.contains(&pinned), "{pinned:?}");
    }
}

#[test]
fn filling_code_count_matches_the_quoted_codes_of_m_31() {
    let doc = doc_000();
    // Every entry of point 31 opens a line with a quoted two-digit code; point 33 quotes
    // "11" again, so distinct codes are counted.
    let seed: BTreeSet<&str> = doc
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix('"'))
        .filter(|l| l.len() > 3 && l.as_bytes()[..2].iter().all(u8::is_ascii_digit))
        .filter(|l| l.as_bytes()[2] == b'"')
        .map(|l| &l[..2])
        .collect();
    assert_eq!(records("data/filling_codes.csv").len(), seed.len());
    assert_eq!(kense::codes::filling_codes().len(), seed.len());
    assert!(!seed.contains("02"), "M-31 has no code 02");
}

#[test]
fn dsn_counts_match_the_code_lines_of_d_app3() {
    let doc = doc_001();
    let countries = between(
        &doc,
        "Мұнай өнімді өндіру елдердің кодтары",
        "Әкімшілік-аумақтық",
    );
    let seed_countries = count_code_lines(countries, &[1]);
    assert_eq!(records("data/dsn_countries.csv").len(), seed_countries);
    assert_eq!(kense::codes::dsn_countries().len(), seed_countries);

    let seed_units = count_code_lines(&doc, &[3]);
    assert_eq!(records("data/dsn_units.csv").len(), seed_units);
    assert_eq!(kense::codes::dsn_units().len(), seed_units);
    assert_eq!(seed_units, 258, "D-App3 numbers its units 001–258");

    // Facet 4 lists its products as "N - name" inside one parenthesis.
    let facet = between(&doc, "төртінші фасет", ")");
    let list = facet.split_once('(').map_or("", |(_, list)| list);
    let seed_products = list.matches(" - ").count();
    assert_eq!(records("data/dsn_products.csv").len(), seed_products);
    assert_eq!(kense::codes::dsn_products().len(), seed_products);
}

#[test]
fn districts_file_is_what_the_extractor_makes_of_the_seed() {
    let rows: Vec<DistrictRow> = ok(extract::districts(&doc_000()));
    check_or_bless("data/districts.csv", &rows);
}

#[test]
fn dsn_units_file_is_what_the_extractor_makes_of_the_seed() {
    let rows: Vec<DsnUnitRow> = ok(extract::dsn_units(&doc_001()));
    check_or_bless("data/dsn_units.csv", &rows);
}

/// For a file with hand-written translations: the document's columns equal the
/// extractor's, and every translation is filled in.
fn check_document_columns(rel: &str, from_doc: &[(&str, Vec<String>)], translations: &[&str]) {
    for (name, expected) in from_doc {
        assert_eq!(&column(rel, name), expected, "{rel}, column {name}");
    }
    for name in translations {
        let empty: Vec<_> = column(rel, name)
            .iter()
            .enumerate()
            .filter(|(_, v)| v.trim().is_empty())
            .map(|(i, _)| i + 1)
            .collect();
        assert!(
            empty.is_empty(),
            "{rel}: empty {name} in data rows {empty:?}"
        );
    }
}

#[test]
fn filling_codes_file_keeps_the_document_text() {
    let rows = ok(extract::filling_codes(&doc_000()));
    check_document_columns(
        "data/filling_codes.csv",
        &[
            ("code", rows.iter().map(|r| r.code.clone()).collect()),
            ("name_ru", rows.iter().map(|r| r.name_ru.clone()).collect()),
        ],
        &["name_kk_translation", "name_en_translation"],
    );
}

#[test]
fn dsn_countries_and_products_files_keep_the_document_text() {
    let countries = ok(extract::dsn_countries(&doc_001()));
    check_document_columns(
        "data/dsn_countries.csv",
        &[
            ("code", countries.iter().map(|r| r.code.clone()).collect()),
            (
                "name_kk",
                countries.iter().map(|r| r.name_kk.clone()).collect(),
            ),
        ],
        &["name_ru_translation"],
    );
    let products = ok(extract::dsn_products(&doc_001()));
    check_document_columns(
        "data/dsn_products.csv",
        &[
            ("code", products.iter().map(|r| r.code.clone()).collect()),
            (
                "name_kk",
                products.iter().map(|r| r.name_kk.clone()).collect(),
            ),
        ],
        &["name_ru_translation"],
    );
}

#[test]
fn codes_are_unique_within_each_directory() {
    let districts: Vec<_> = kense::codes::districts()
        .iter()
        .map(|d| (d.region_code, d.district_code))
        .collect();
    assert_eq!(
        districts.iter().collect::<BTreeSet<_>>().len(),
        districts.len()
    );
    for (name, codes) in [
        (
            "filling",
            kense::codes::filling_codes()
                .iter()
                .map(|r| r.code)
                .collect::<Vec<_>>(),
        ),
        (
            "dsn-country",
            kense::codes::dsn_countries()
                .iter()
                .map(|r| r.code)
                .collect(),
        ),
        (
            "dsn-unit",
            kense::codes::dsn_units().iter().map(|r| r.code).collect(),
        ),
        (
            "dsn-product",
            kense::codes::dsn_products()
                .iter()
                .map(|r| r.code)
                .collect(),
        ),
    ] {
        assert_eq!(
            codes.iter().collect::<BTreeSet<_>>().len(),
            codes.len(),
            "{name}"
        );
    }
}

/// Run with `cargo test -- --ignored` in a checkout that has the project's `shared/`
/// beside it; a clone elsewhere has only the copies in `data/source/`.
#[test]
#[ignore = "needs ../shared/seeds beside the checkout"]
fn seed_copies_in_the_repo_match_the_shared_seeds() {
    let shared = path("../shared/seeds");
    for name in ["000_de0319764590f91c.txt", "001_f3f494bec0c529c3.txt"] {
        let original = std::fs::read_to_string(shared.join(name))
            .unwrap_or_else(|e| panic!("{}: {e}", shared.join(name).display()));
        assert_eq!(read(&format!("data/source/{name}")), original, "{name}");
    }
}
