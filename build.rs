//! Embeds the code directories and the working-day calendar of `data/` in the binary as
//! static tables.
//!
//! Reading them here rather than at run time means a malformed data file stops the build
//! with its file and line, and the binary never opens a file to know a code or a holiday.
//! The directories go to `OUT_DIR/tables.rs` (included by `src/codes/tables.rs`), the
//! calendar to `OUT_DIR/calendar.rs` (included by `src/domain/calendar.rs`).

use std::fmt::Write as _;
use std::path::Path;

#[path = "build/calendar.rs"]
mod calendar;

enum Ty {
    /// Text that must not be empty.
    Text,
    /// A code of exactly this many ASCII digits.
    Code(usize),
    /// `true` or `false`.
    Flag,
}

struct Table {
    file: &'static str,
    static_name: &'static str,
    type_name: &'static str,
    /// (CSV column, Rust field, type), in the order of the file's header.
    columns: &'static [(&'static str, &'static str, Ty)],
}

const TABLES: &[Table] = &[
    Table {
        file: "districts.csv",
        static_name: "DISTRICTS",
        type_name: "District",
        columns: &[
            ("region_code", "region_code", Ty::Code(4)),
            ("district_code", "district_code", Ty::Code(3)),
            ("name_kk", "name_kk", Ty::Text),
            ("name_ru", "name_ru", Ty::Text),
            ("region_name_kk", "region_name_kk", Ty::Text),
            ("region_name_ru", "region_name_ru", Ty::Text),
        ],
    },
    Table {
        file: "filling_codes.csv",
        static_name: "FILLING_CODES",
        type_name: "FillingCode",
        columns: &[
            ("code", "code", Ty::Code(2)),
            ("name_ru", "name_ru", Ty::Text),
            ("name_kk_translation", "name_kk", Ty::Text),
            ("name_en_translation", "name_en", Ty::Text),
        ],
    },
    Table {
        file: "dsn_countries.csv",
        static_name: "DSN_COUNTRIES",
        type_name: "DsnCountry",
        columns: &[
            ("code", "code", Ty::Code(1)),
            ("name_kk", "name_kk", Ty::Text),
            ("name_ru_translation", "name_ru", Ty::Text),
        ],
    },
    Table {
        file: "dsn_units.csv",
        static_name: "DSN_UNITS",
        type_name: "DsnUnit",
        columns: &[
            ("code", "code", Ty::Code(3)),
            ("name_kk", "name_kk", Ty::Text),
            ("marked", "marked", Ty::Flag),
            ("region_name_kk", "region_name_kk", Ty::Text),
            ("region_marked", "region_marked", Ty::Flag),
        ],
    },
    Table {
        file: "dsn_products.csv",
        static_name: "DSN_PRODUCTS",
        type_name: "DsnProduct",
        columns: &[
            ("code", "code", Ty::Code(1)),
            ("name_kk", "name_kk", Ty::Text),
            ("name_ru_translation", "name_ru", Ty::Text),
        ],
    },
];

fn value(ty: &Ty, raw: &str) -> Result<String, String> {
    match ty {
        Ty::Text if raw.trim().is_empty() => Err("is empty".into()),
        Ty::Text => Ok(format!("{raw:?}")),
        Ty::Code(width) if raw.len() == *width && raw.bytes().all(|b| b.is_ascii_digit()) => {
            Ok(format!("{raw:?}"))
        }
        Ty::Code(width) => Err(format!("{raw:?} is not a code of {width} digits")),
        Ty::Flag if raw == "true" || raw == "false" => Ok(raw.to_string()),
        Ty::Flag => Err(format!("{raw:?} is neither true nor false")),
    }
}

fn generate(table: &Table, data: &Path, out: &mut String) -> Result<(), String> {
    let path = data.join(table.file);
    println!("cargo:rerun-if-changed={}", path.display());
    let mut reader =
        csv::Reader::from_path(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| format!("{}: {e}", path.display()))?
        .iter()
        .map(str::to_string)
        .collect();
    let expected: Vec<&str> = table.columns.iter().map(|(c, _, _)| *c).collect();
    if header != expected {
        return Err(format!(
            "{}: header is {header:?}, expected {expected:?}",
            path.display()
        ));
    }
    writeln!(
        out,
        "pub static {}: &[{}] = &[",
        table.static_name, table.type_name
    )
    .ok();
    for record in reader.records() {
        let record = record.map_err(|e| format!("{}: {e}", path.display()))?;
        let line = record.position().map_or(0, |p| p.line());
        write!(out, "    {} {{", table.type_name).ok();
        for ((column, field, ty), raw) in table.columns.iter().zip(record.iter()) {
            let v = value(ty, raw)
                .map_err(|e| format!("{}:{line}: column {column} {e}", path.display()))?;
            write!(out, " {field}: {v},").ok();
        }
        writeln!(out, " }},").ok();
    }
    writeln!(out, "];").ok();
    Ok(())
}

fn write_out(name: &str, content: String) -> Result<(), String> {
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let target = Path::new(&out_dir).join(name);
    std::fs::write(&target, content).map_err(|e| format!("{}: {e}", target.display()))
}

fn run() -> Result<(), String> {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let data = Path::new(&manifest).join("data");
    let mut out = String::from("// Generated by build.rs from data/*.csv. Do not edit.\n");
    for table in TABLES {
        generate(table, &data, &mut out)?;
    }
    write_out("tables.rs", out)?;
    write_out("calendar.rs", calendar::generate(&data)?)
}

fn main() {
    if let Err(message) = run() {
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}
