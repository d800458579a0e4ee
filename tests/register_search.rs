//! Searching the register through the library API, on real files: every filter, the
//! Cyrillic name prefix, keyset pagination, and the index each filter uses.

mod register_common;

use kense::domain::lifecycle::{Event, State};
use kense::store::{Query, StoreError};
use register_common::*;
use std::collections::HashSet;

#[test]
fn search_finds_by_every_filter() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (mut store, n) = sample(dir.path());
    let name = |text: &str| Query {
        name_prefix: Some(text.into()),
        ..Query::default()
    };
    // Folded Kazakh letters, not only ASCII: "ақж" finds "Ақжолова", "АҚЖАНОВ", and the
    // given name "АҚЖОЛ"; upper case finds lower case.
    let found = search(&store, name("ақж"));
    assert_eq!(
        numbers(&found),
        [&n[3], &n[2], &n[1], &n[0]],
        "newest first"
    );
    assert_eq!(numbers(&search(&store, name("АҚЖОЛОВ"))), [&n[3], &n[0]]);
    assert_eq!(
        numbers(&search(&store, name("ақжолова ди"))),
        [&n[3]],
        "surname and name"
    );
    assert_eq!(
        numbers(&search(&store, name("петр"))),
        [&n[4]],
        "ё is read as е"
    );
    assert!(search(&store, name("ақжз")).rows.is_empty());

    let iin = store
        .search(&Query::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .rows[2]
        .iin
        .clone();
    let by_iin = search(
        &store,
        Query {
            iin: Some(iin),
            ..Query::default()
        },
    );
    assert_eq!(numbers(&by_iin), [&n[2]]);
    let by_number = search(
        &store,
        Query {
            number: Some(n[1].clone()),
            ..Query::default()
        },
    );
    assert_eq!(numbers(&by_number), [&n[1]]);
    let coupon = store
        .formulary(&n[1])
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("{} is there", n[1]))
        .coupon;
    let spaced = format!("{} {}", &coupon[..5], &coupon[5..]);
    let by_coupon = search(
        &store,
        Query {
            coupon: Some(spaced.clone()),
            ..Query::default()
        },
    );
    assert_eq!(numbers(&by_coupon), [&n[1]]);
    let counter = store.by_coupon(&spaced).unwrap_or_else(|e| panic!("{e}"));
    let counter = counter.unwrap_or_else(|| panic!("M-57: the coupon finds it"));
    assert_eq!(
        (counter.number.as_str(), counter.ready),
        (n[1].as_str(), false)
    );
    assert_eq!(counter.person.surname, "АҚЖАНОВ", "M-57: the person");
    assert!(matches!(
        store.by_coupon("12345"),
        Err(StoreError::BadCoupon { .. })
    ));

    let code = search(
        &store,
        Query {
            filling_code: Some("04".into()),
            ..Query::default()
        },
    );
    assert_eq!(numbers(&code), [&n[4], &n[2], &n[1]]);
    let place = Query {
        region_code: Some("1902".into()),
        district_code: Some("204".into()),
        ..Query::default()
    };
    assert_eq!(numbers(&search(&store, place)), [&n[4]]);
    let first_day = Query {
        from: Some(day(2024, 4, 1)),
        to: Some(day(2024, 4, 1)),
        ..Query::default()
    };
    assert_eq!(numbers(&search(&store, first_day)), [&n[2], &n[1], &n[0]]);
    let later = Query {
        from: Some(day(2024, 4, 2)),
        ..Query::default()
    };
    assert_eq!(numbers(&search(&store, later)), [&n[4], &n[3]]);

    store
        .move_formulary(&n[1], Event::Send, None, at(day(2024, 4, 3), 9))
        .unwrap_or_else(|e| panic!("{e}"));
    let sent = search(
        &store,
        Query {
            status: Some(State::Sent),
            ..Query::default()
        },
    );
    assert_eq!(numbers(&sent), [&n[1]]);
    let both = Query {
        status: Some(State::Registered),
        name_prefix: Some("АҚЖ".into()),
        ..Query::default()
    };
    assert_eq!(numbers(&search(&store, both)), [&n[3], &n[2], &n[0]]);
}

#[test]
fn pages_return_every_row_exactly_once() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = open(&dir.path().join("register.sqlite"), "aigul");
    let mut all = HashSet::new();
    for i in 0..23u16 {
        let f = person("04", "ИВАНОВ", "ИВАН", i + 1);
        all.insert(register(&mut store, &f, at(day(2024, 4, 1), 9)));
    }
    for limit in [1, 4, 7, 23, 50] {
        let mut seen = Vec::new();
        let mut query = Query {
            limit,
            name_prefix: Some("ив".into()),
            ..Query::default()
        };
        loop {
            let page = search(&store, query.clone());
            assert!(page.rows.len() <= limit);
            seen.extend(page.rows.iter().map(|r| r.number.clone()));
            match page.next {
                Some(next) => query.after = Some(next),
                None => break,
            }
        }
        let distinct: HashSet<String> = seen.iter().cloned().collect();
        assert_eq!(seen.len(), 23, "limit {limit}: no row twice");
        assert_eq!(distinct, all, "limit {limit}: every row");
    }
}

#[test]
fn every_search_filter_is_served_by_an_index() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (store, _) = sample(dir.path());
    let queries = [
        Query {
            iin: Some("900514300012".into()),
            ..Query::default()
        },
        Query {
            name_prefix: Some("ақж".into()),
            ..Query::default()
        },
        Query {
            name_prefix: Some("ақж ди".into()),
            ..Query::default()
        },
        Query {
            number: Some("2024-0000001".into()),
            ..Query::default()
        },
        Query {
            coupon: Some("1000000000".into()),
            ..Query::default()
        },
        Query {
            status: Some(State::Sent),
            ..Query::default()
        },
        Query {
            filling_code: Some("04".into()),
            ..Query::default()
        },
        Query {
            region_code: Some("1902".into()),
            ..Query::default()
        },
        Query {
            from: Some(day(2024, 4, 1)),
            to: Some(day(2024, 4, 1)),
            ..Query::default()
        },
    ];
    for query in queries {
        let plan = store
            .explain_search(&query)
            .unwrap_or_else(|e| panic!("{e}"));
        let text = plan.join("; ");
        assert!(text.contains("USING"), "{query:?}: {text}");
        assert!(
            !plan.iter().any(|p| p.trim() == "SCAN formularies"),
            "{query:?} scans the whole register: {text}"
        );
    }
}
