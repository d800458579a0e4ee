//! What the papers' tests share (issue 13): a demo register with every kind of subject a
//! paper is of, and a PDF read back with lopdf (page size, embedded fonts, text).
// Each test file uses some of these.
#![allow(dead_code)]

pub use crate::common::{CLERK, Run, kense, tempdir};
use lopdf::{Document, Object};
use std::path::{Path, PathBuf};

/// The demo's clock: registrations up to this moment.
pub const NOW: &str = "2026-12-04T17:00:00";

/// A demo register of 300 formularies (conclusions, destructions, closed days, code 08),
/// with a generated IIN and a DSN application with one code and one refusal.
pub struct Demo {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
    pub iin: String,
    pub dsn_id: String,
}

pub fn demo() -> Demo {
    let dir = tempdir();
    let db = dir.path().join("register.sqlite");
    let run = kense(
        &db,
        &["demo", "--count", "300", "--seed", "1", "--now", NOW],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    // M-12.a: a child's IIN is generated on the birth certificate it is written into.
    let args = [
        "iin",
        "generate",
        "--birth-date",
        "2026-10-01",
        "--sex",
        "male",
        "--birth-certificate",
        "I-АК 0654321",
        "--certificate-date",
        "2026-10-05",
        "--certificate-issuer",
        "Отдел ЗАГС г. Кокшетау",
        "--parent-document",
        "удостоверение личности 045678912",
        "--zags-found",
        "yes",
    ];
    let run = kense(&db, &args);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let iin = run.stdout.trim().to_string();
    let run = kense(
        &db,
        &["dsn", "taxpayer", "add", "040540000123", "ТОО Мұнай"],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let app = serde_json::json!({
        "taxpayer": "ТОО Мұнай", "bin": "040540000123", "subject_type": "producer",
        "country": 3, "unit": "053",
        "products": [
            { "type": 1, "name": "АИ-92", "spec": "СТ РК 1501-2006" },
            { "type": 1, "name": "АИ-92", "spec": "СТ РК 1501-2006" },
        ],
    });
    let args = [
        "dsn",
        "apply",
        "-",
        "--received-at",
        "2025-03-11T10:00",
        "--json",
    ];
    let run = crate::common::kense_in(&db, &args, Some(&app.to_string()));
    assert_eq!(
        run.code,
        Some(1),
        "one row refused (D-7 (2)): {}",
        run.stderr
    );
    let dsn_id = run.json()["id"].to_string();
    Demo {
        dir,
        db,
        iin,
        dsn_id,
    }
}

/// One value of the register, by SQL, for picking subjects.
pub fn one(db: &Path, sql: &str) -> String {
    let conn = rusqlite::Connection::open(db).unwrap_or_else(|e| panic!("{e}"));
    conn.query_row(sql, [], |r| r.get::<_, String>(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// A PDF read back.
pub struct Pdf {
    pub pages: usize,
    /// Every page's MediaBox, in points.
    pub boxes: Vec<Vec<f32>>,
    /// The base names of the embedded fonts (those with a FontFile2 stream).
    pub embedded: Vec<String>,
    /// The text of every page, as a reader extracts it.
    pub text: String,
}

impl Pdf {
    pub fn read(bytes: &[u8]) -> Pdf {
        let doc = Document::load_mem(bytes).unwrap_or_else(|e| panic!("not a PDF: {e}"));
        let pages = doc.get_pages();
        let boxes = pages
            .values()
            .map(|id| {
                let page = doc.get_dictionary(*id).unwrap_or_else(|e| panic!("{e}"));
                let media = page.get(b"MediaBox").unwrap_or_else(|e| panic!("{e}"));
                let media = match media {
                    Object::Reference(r) => doc.get_object(*r).unwrap_or_else(|e| panic!("{e}")),
                    other => other,
                };
                let array = media.as_array().unwrap_or_else(|e| panic!("{e}"));
                array.iter().map(|n| n.as_float().unwrap_or(-1.0)).collect()
            })
            .collect();
        let mut embedded = Vec::new();
        for object in doc.objects.values() {
            if let Ok(dict) = object.as_dict()
                && dict.has(b"FontFile2")
                && let Ok(name) = dict.get(b"FontName").and_then(Object::as_name)
            {
                embedded.push(String::from_utf8_lossy(name).into_owned());
            }
        }
        let numbers: Vec<u32> = pages.keys().copied().collect();
        let text = doc.extract_text(&numbers).unwrap_or_else(|e| panic!("{e}"));
        Pdf {
            pages: pages.len(),
            boxes,
            embedded,
            text,
        }
    }

    /// The text with every run of white space made one space: lines wrap where the layout
    /// wraps them, and a test looks for words, not line breaks.
    pub fn words(&self) -> String {
        self.text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    pub fn is_a4(&self) -> bool {
        self.boxes.iter().all(|b| {
            b.len() == 4 && (b[2] - b[0] - 595.28).abs() < 0.5 && (b[3] - b[1] - 841.89).abs() < 0.5
        })
    }
}

/// `kense print KIND SUBJECT --pdf FILE extra…` on the demo, as the test clerk, with the
/// office's settings of the test; the PDF read back.
pub fn print(demo: &Demo, kind: &str, subject: &str, extra: &[&str]) -> (Run, Option<Vec<u8>>) {
    // Tests run at once: each print its own file.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = demo.dir.path().join(format!("{kind}-{n}.pdf"));
    let _ = std::fs::remove_file(&path);
    let mut args = vec!["print", kind, subject, "--pdf"];
    let p = path.to_string_lossy().into_owned();
    args.push(&p);
    args.extend_from_slice(extra);
    let run = with_office(demo, &args);
    let bytes = std::fs::read(&path).ok();
    (run, bytes)
}

/// The office's settings file of the tests, written once per demo.
pub fn office(demo: &Demo) -> PathBuf {
    let path = demo.dir.path().join("kense.toml");
    if !path.exists() {
        let text = "[office]\nname_ru = \"Отдел миграционной службы ДП Акмолинской области\"\nname_kk = \"Ақмола облысы ПД көші-қон қызметі бөлімі\"\n";
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    }
    path
}

/// `kense args…` on the demo with the tests' office settings and no clerk preferences.
pub fn with_office(demo: &Demo, args: &[&str]) -> Run {
    let mut command = crate::common::process_as(&demo.db, CLERK);
    command
        .env("KENSE_CONFIG", office(demo))
        .env("KENSE_CLERK_CONFIG", demo.dir.path().join("clerk.toml"))
        .env_remove("TMUX")
        .args(args);
    Run::from(command.output().unwrap_or_else(|e| panic!("{e}")))
}
