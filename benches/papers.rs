//! Render time of each paper (issue 13: ≤ 50 ms a paper) from a demo register of 1,000
//! formularies in a temporary directory: `papers::render` as the workstation calls it (the
//! store's reads, the layout, krilla's PDF with the font subset), nothing delivered.
//! `cargo bench --bench papers`; the numbers are in docs/BENCHMARKS.md.

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use kense::domain::Sex;
use kense::domain::dsn::{self, Application, TaxpayerId};
use kense::office::Settings;
use kense::papers::{self, PaperKind, PaperLang, Request};
use kense::store::dsn::Taxpayer;
use kense::store::{Clerk, DemoOptions, Location, Store};
use rusqlite::Connection;

fn one(db: &std::path::Path, sql: &str) -> String {
    let conn = Connection::open(db).unwrap_or_else(|e| panic!("{e}"));
    conn.query_row(sql, [], |r| r.get::<_, String>(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("register.sqlite");
    let clerk = Clerk::new("bench").unwrap_or_else(|e| panic!("{e}"));
    let mut store =
        Store::open(&Location::create_if_missing(&db), clerk).unwrap_or_else(|e| panic!("{e}"));
    let now = NaiveDate::from_ymd_opt(2026, 12, 4)
        .and_then(|d| d.and_hms_opt(17, 0, 0))
        .unwrap_or_default();
    store
        .fill_demo(&DemoOptions {
            count: 1000,
            seed: 1,
            now,
            days: 1000,
            force: false,
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let birth = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default();
    let iin = store
        .generate_iin(birth, Sex::Male)
        .unwrap_or_else(|e| panic!("{e}"))
        .iin
        .as_str()
        .to_string();
    let tin = TaxpayerId::parse("040540000123").unwrap_or_else(|e| panic!("{e:?}"));
    store
        .dsn_add_taxpayer(&Taxpayer {
            tin,
            name: "ТОО Мұнай".into(),
            activity: None,
            place: None,
        })
        .unwrap_or_else(|e| panic!("{e:?}"));
    let app: Application = serde_json::from_str(
        r#"{"taxpayer":"ТОО Мұнай","bin":"040540000123","subject_type":"producer","country":3,"unit":"053",
            "products":[{"type":1,"name":"АИ-92","spec":"СТ РК 1501-2006"},{"type":2,"name":"ДТ","spec":"ГОСТ 32511"}]}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let valid = dsn::validate(&app).valid.unwrap_or_else(|| panic!("valid"));
    let at = NaiveDate::from_ymd_opt(2025, 3, 11)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap_or_default();
    let terms = dsn::terms(at).unwrap_or_else(|e| panic!("{e}"));
    let applied = store
        .dsn_apply(&valid, &terms)
        .unwrap_or_else(|e| panic!("{e:?}"));

    let sql = |q: &str| one(&db, q);
    let subjects = [
        (
            PaperKind::Formulary,
            sql(
                "SELECT f.number FROM formularies f JOIN conclusions c ON c.formulary_id = f.id WHERE f.status = 'issued' LIMIT 1",
            ),
        ),
        (PaperKind::Insert, iin),
        (
            PaperKind::NationalityCertificate,
            sql("SELECT number FROM formularies WHERE filling_code = '08' LIMIT 1"),
        ),
        (
            PaperKind::Conclusion,
            sql(
                "SELECT f.number FROM formularies f JOIN conclusions c ON c.formulary_id = f.id LIMIT 1",
            ),
        ),
        (
            PaperKind::Journal,
            sql(
                "SELECT CAST(year AS TEXT) FROM conclusions GROUP BY year ORDER BY count(*) DESC LIMIT 1",
            ),
        ),
        (
            PaperKind::Act,
            sql("SELECT act_number FROM destructions LIMIT 1"),
        ),
        (
            PaperKind::Coupon,
            sql("SELECT number FROM formularies LIMIT 1"),
        ),
        (
            PaperKind::Day,
            sql(
                "SELECT registered_on FROM formularies GROUP BY registered_on ORDER BY count(*) DESC LIMIT 1",
            ),
        ),
        (PaperKind::DsnResult, applied.id.to_string()),
    ];
    let settings = Settings::default();
    let mut group = c.benchmark_group("papers");
    for (kind, subject) in subjects {
        let request = Request {
            kind,
            subject,
            lang: PaperLang::Ru,
            head: None,
        };
        group.bench_function(kind.name(), |b| {
            b.iter(|| papers::render(&store, &settings, &request).map(|r| r.bytes.len()))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
