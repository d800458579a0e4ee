//! The register in-process: searches by IIN, surname prefix and coupon (median and p99 over
//! many random queries), the end-of-day summary, the work queue and the day's review (issue
//! 12), and one confirmed save.
//!
//! `cargo bench --bench register` builds a 10,000-formulary demo register in a temporary
//! directory and measures it. `KENSE_BENCH_DB=PATH` measures an existing register instead
//! (`benches/scale.sh` makes them at 100,000 and 1,000,000); the save bench writes into it.
//! `KENSE_BENCH_QUERIES=N` sets the number of queries of each kind (default 2000).
//!
//! A small harness rather than criterion: the table wants the 99th percentile over many
//! different queries, not the mean of one repeated.

use chrono::{Local, NaiveDateTime};
use kense::domain::formulary::{Formulary, Override};
use kense::domain::queue::OfficeTerms;
use kense::store::{Clerk, DemoOptions, Location, Query, Store};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The median and 99th percentile of `times`, sorted in place.
fn stats(times: &mut [Duration]) -> (Duration, Duration) {
    times.sort_unstable();
    let at = |q: f64| {
        let i = ((times.len() as f64 - 1.0) * q).round() as usize;
        times.get(i).copied().unwrap_or_default()
    };
    (at(0.5), at(0.99))
}

fn report(what: &str, times: &mut [Duration]) {
    let (median, p99) = stats(times);
    println!(
        "{what:<40} n={:<6} median {:>9.3} ms   p99 {:>9.3} ms",
        times.len(),
        median.as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3
    );
}

/// Samples of what clerks search by, drawn at random from the register itself.
struct Samples {
    iins: Vec<String>,
    prefixes: Vec<String>,
    /// The same starts typed in Latin letters (issue 11: `zhumab` for ЖҰМАБЕКОВ).
    latin: Vec<String>,
    coupons: Vec<String>,
}

fn samples(db: &Path, n: usize) -> Samples {
    let conn = Connection::open(db).unwrap_or_else(|e| panic!("{e}"));
    let mut statement = conn
        .prepare(
            "SELECT iin, surname, coupon FROM formularies
             WHERE id IN (SELECT abs(random()) % (SELECT MAX(id) FROM formularies) + 1
                          FROM generate_series(1, ?1))",
        )
        .or_else(|_| {
            conn.prepare("SELECT iin, surname, coupon FROM formularies ORDER BY random() LIMIT ?1")
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let rows: Vec<(String, String, String)> = statement
        .query_map([n as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap_or_else(|e| panic!("{e}"))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut s = Samples {
        iins: Vec::new(),
        prefixes: Vec::new(),
        latin: Vec::new(),
        coupons: Vec::new(),
    };
    for (i, (iin, surname, coupon)) in rows.into_iter().enumerate() {
        s.iins.push(iin);
        // The surname as a clerk types its start: lower case (the register holds capitals),
        // three to six letters.
        let len = 3 + i % 4;
        s.prefixes
            .push(surname.to_lowercase().chars().take(len).collect());
        s.latin.push(
            kense::store::numbers::name_key(&surname)
                .chars()
                .take(len)
                .collect(),
        );
        // Every other coupon as printed on the slip, with spaces.
        s.coupons.push(if i % 2 == 0 {
            coupon
        } else {
            format!("{} {} {}", &coupon[..3], &coupon[3..6], &coupon[6..])
        });
    }
    s
}

fn time_searches(store: &Store, what: &str, queries: impl Iterator<Item = Query>) {
    let mut times = Vec::new();
    for query in queries {
        let start = Instant::now();
        let page = store.search(&query).unwrap_or_else(|e| panic!("{e}"));
        times.push(start.elapsed());
        if std::env::var_os("KENSE_BENCH_SLOW").is_some() && start.elapsed().as_millis() >= 2 {
            eprintln!("slow: {:?} {:?}", start.elapsed(), query.name_prefix);
        }
        assert!(!page.rows.is_empty(), "{what}: nothing found for {query:?}");
    }
    report(what, &mut times);
}

/// The OS account running the bench, as kense records it.
fn account() -> Clerk {
    kense::cli::os_account().unwrap_or_else(|e| panic!("{e}"))
}

fn main() {
    let queries: usize = std::env::var("KENSE_BENCH_QUERIES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db: PathBuf = match std::env::var_os("KENSE_BENCH_DB") {
        Some(path) => PathBuf::from(path),
        None => {
            let path = dir.path().join("bench.sqlite");
            let mut store = Store::open(&Location::create_if_missing(&path), account())
                .unwrap_or_else(|e| panic!("{e}"));
            let now: NaiveDateTime = Local::now().naive_local();
            let start = Instant::now();
            store
                .fill_demo(&DemoOptions {
                    count: 10_000,
                    seed: 1,
                    now,
                    days: 365,
                    force: false,
                })
                .unwrap_or_else(|e| panic!("{e}"));
            println!("demo register of 10,000 made in {:?}", start.elapsed());
            path
        }
    };
    // The OS account (issue 12): the one that made the register (scale.sh), so staff.
    let mut store =
        Store::open(&Location::existing(&db), account()).unwrap_or_else(|e| panic!("{e}"));
    let s = samples(&db, queries);
    println!("register {} ({} sample rows)", db.display(), s.iins.len());

    time_searches(
        &store,
        "search by IIN",
        s.iins.iter().map(|iin| Query {
            iin: Some(iin.clone()),
            ..Query::default()
        }),
    );
    time_searches(
        &store,
        "search by surname prefix (lower case)",
        s.prefixes.iter().map(|p| Query {
            name_prefix: Some(p.clone()),
            ..Query::default()
        }),
    );
    time_searches(
        &store,
        "search by surname prefix (Latin letters)",
        s.latin.iter().map(|p| Query {
            name_prefix: Some(p.clone()),
            ..Query::default()
        }),
    );
    time_searches(
        &store,
        "search by coupon",
        s.coupons.iter().map(|c| Query {
            coupon: Some(c.clone()),
            ..Query::default()
        }),
    );

    // End of day: the day whose count is nearest 2,000.
    let conn = Connection::open(&db).unwrap_or_else(|e| panic!("{e}"));
    let (day, count): (String, i64) = conn
        .query_row(
            "SELECT registered_on, COUNT(*) AS n FROM formularies GROUP BY registered_on
             ORDER BY abs(n - 2000) LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let date = day.parse().unwrap_or_else(|e| panic!("{e}"));
    let mut times = Vec::new();
    for _ in 0..20 {
        let start = Instant::now();
        let summary = store.day_summary(date).unwrap_or_else(|e| panic!("{e}"));
        times.push(start.elapsed());
        assert_eq!(summary.total, count as u64);
    }
    report(
        &format!("day summary ({day}, {count} formularies)"),
        &mut times,
    );

    // Issue 12: the work queue (target ≤ 20 ms at 1,000,000: by index, never the register)
    // and the day's review of the same day (its counts replayed from the history).
    let today = Local::now().date_naive();
    let terms = OfficeTerms {
        sent_back_within: 15,
    };
    let mut times = Vec::new();
    let mut listed = (0, 0);
    for _ in 0..50 {
        let start = Instant::now();
        let queue = store
            .work_queue(today, terms, 100)
            .unwrap_or_else(|e| panic!("{e}"));
        times.push(start.elapsed());
        listed = (queue.items.len(), queue.waiting.values().sum::<u64>());
    }
    report(
        &format!("work queue ({} listed of {} waiting)", listed.0, listed.1),
        &mut times,
    );
    let mut times = Vec::new();
    for _ in 0..10 {
        let start = Instant::now();
        let review = store
            .day_review(date, today)
            .unwrap_or_else(|e| panic!("{e}"));
        times.push(start.elapsed());
        assert!(review.balance.reconciled, "{day} reconciles");
    }
    report(&format!("day review ({day})"), &mut times);

    // The day screen's read (issue 12): the review and who registered what when, of the
    // register's last day (the screen opens on today) and of the day above; then the change
    // check the workstation makes on a quiet tick.
    let last: String = conn
        .query_row("SELECT MAX(registered_on) FROM formularies", [], |r| {
            r.get(0)
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let last = last.parse().unwrap_or_else(|e| panic!("{e}"));
    for shown in [last, date] {
        let mut times = Vec::new();
        for _ in 0..10 {
            let start = Instant::now();
            let review = store
                .day_review(shown, today)
                .unwrap_or_else(|e| panic!("{e}"));
            let rows = store
                .day_registrations(shown)
                .unwrap_or_else(|e| panic!("{e}"));
            times.push(start.elapsed());
            assert_eq!(rows.len() as u64, review.summary.total);
        }
        report(&format!("day screen's read ({shown})"), &mut times);
    }
    let mark = store.change_mark().unwrap_or_else(|e| panic!("{e}"));
    let mut times = Vec::new();
    for _ in 0..200 {
        let start = Instant::now();
        let now = store.change_mark().unwrap_or_else(|e| panic!("{e}"));
        let others = store
            .written_by_others_since(mark)
            .unwrap_or_else(|e| panic!("{e}"));
        times.push(start.elapsed());
        assert!(now == mark && !others);
    }
    report("change check on a quiet tick", &mut times);

    // One confirmed save: validated, numbered, audited, committed with synchronous=FULL.
    // One repeat applicant, again and again: the register's warnings of issue 11 (another
    // formulary in its course, K-OPEN; other names, K-PERSON) are read inside each save
    // and let pass, as a clerk lets them pass with the reason.
    let mut example = Formulary::example("18").unwrap_or_else(|| panic!("an example"));
    for (rule, field) in [
        ("K-OPEN", "iin"),
        ("K-PERSON", "surname"),
        ("K-PERSON", "given_name"),
        ("K-PERSON", "patronymic"),
    ] {
        example.overrides.push(Override {
            rule: rule.into(),
            field: field.into(),
            reason: Some("the bench's repeat applicant".into()),
        });
    }
    let today = Local::now().date_naive();
    let mut times = Vec::new();
    for _ in 0..50 {
        let start = Instant::now();
        store
            .register_formulary(&example, today)
            .unwrap_or_else(|e| panic!("{e}"));
        times.push(start.elapsed());
    }
    report("one confirmed save (register_formulary)", &mut times);

    // Issue 11: what the form reads for a known IIN (the repeat applicant above, with its
    // 50 formularies and more), and what registering reads inside its transaction.
    let iin = example.iin.clone().unwrap_or_default();
    let mut prefill = Vec::new();
    let mut known = Vec::new();
    for _ in 0..50 {
        let start = Instant::now();
        store.prefill(&iin).unwrap_or_else(|e| panic!("{e}"));
        prefill.push(start.elapsed());
        let start = Instant::now();
        store.known(&iin, None).unwrap_or_else(|e| panic!("{e}"));
        known.push(start.elapsed());
    }
    report("prefill, the bench's repeat applicant", &mut prefill);
    let mut persons = Vec::new();
    for iin in s.iins.iter().take(500) {
        let start = Instant::now();
        store.prefill(iin).unwrap_or_else(|e| panic!("{e}"));
        store.known(iin, None).unwrap_or_else(|e| panic!("{e}"));
        persons.push(start.elapsed());
    }
    report("prefill and knowledge, register's persons", &mut persons);
    report("knowledge, the bench's repeat applicant", &mut known);
}
