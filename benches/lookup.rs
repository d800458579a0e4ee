//! What a clerk waits for: building the index once, and one search per keystroke.
//!
//! Run with `cargo bench --bench lookup`; numbers are kept in `docs/BENCHMARKS.md`.

use criterion::{Criterion, criterion_group, criterion_main};
use kense::codes::Searcher;
use std::hint::black_box;

fn build(c: &mut Criterion) {
    c.bench_function("searcher_new", |b| b.iter(|| black_box(Searcher::new())));
}

fn keystroke(c: &mut Criterion) {
    let mut searcher = Searcher::new();
    let mut group = c.benchmark_group("search");
    for (name, query) in [
        ("exact_code", "1902 204"),
        ("code_prefix", "19"),
        ("name_prefix", "akkol"),
        ("cyrillic_name", "Ақкөл"),
        ("typo", "akkil"),
        ("two_words", "shal akyn"),
        ("one_letter", "a"),
        ("no_match", "qqqqzzzz"),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| black_box(searcher.search(black_box(query), None)))
        });
    }
    group.finish();
}

/// Typing "Усть-Каменогорск" letter by letter: one search per prefix, as the TUI will.
fn typing(c: &mut Criterion) {
    let mut searcher = Searcher::new();
    let word = "Усть-Каменогорск";
    let prefixes: Vec<String> = (1..=word.chars().count())
        .map(|n| word.chars().take(n).collect())
        .collect();
    c.bench_function("typing_16_keystrokes", |b| {
        b.iter(|| {
            for prefix in &prefixes {
                black_box(searcher.search(prefix, None));
            }
        })
    });
}

criterion_group!(benches, build, keystroke, typing);
criterion_main!(benches);
