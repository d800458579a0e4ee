//! Searching the register through the library API, on real files: every filter, the
//! Cyrillic name prefix, keyset pagination, and the index each filter uses.

mod common;
mod register_common;

use kense::domain::lifecycle::{Event, State};
use kense::store::{Query, StoreError};
use register_common::*;
use std::collections::HashSet;

#[test]
fn search_finds_by_every_filter() {
    let dir = tempdir();
    let (mut store, n) = sample(dir.path());
    let name = |text: &str| Query {
        name_prefix: Some(text.into()),
        ..Query::default()
    };
    // Folded Kazakh letters, not only ASCII: "ақж" finds "Ақжолова", "АҚЖАНОВ", and the
    // given name "АҚЖОЛ"; upper case finds lower case.
    // Served in index order: the surname matches alphabetically (then oldest first),
    // then the rows matched by the given name only.
    let found = search(&store, name("ақж"));
    assert_eq!(
        numbers(&found),
        [&n[1], &n[0], &n[3], &n[2]],
        "surnames in order, then the given name"
    );
    assert_eq!(numbers(&search(&store, name("АҚЖОЛОВ"))), [&n[0], &n[3]]);
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
    assert_eq!(numbers(&search(&store, both)), [&n[0], &n[3], &n[2]]);
}

#[test]
fn pages_return_every_row_exactly_once() {
    let dir = tempdir();
    let mut store = open(&register_in(&dir), "aigul");
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

/// Every row of `query`, page by page with `limit` rows a page.
fn all_pages(store: &kense::store::Store, query: Query, limit: usize) -> Vec<String> {
    let mut query = Query { limit, ..query };
    let mut seen = Vec::new();
    loop {
        let page = search(store, query.clone());
        assert!(page.rows.len() <= limit);
        seen.extend(page.rows.iter().map(|r| r.number.clone()));
        match page.next {
            // The cursor goes through its text form, as `--after` takes it.
            Some(next) => {
                let text = next.to_string();
                // Issue 15: a cursor (shell history, scripts) carries no name.
                assert!(
                    text.chars()
                        .all(|c| c.is_ascii_digit() || c == '~' || c == '-'),
                    "{text}"
                );
                query.after = Some(text.parse().unwrap_or_else(|e| panic!("{text}: {e}")));
            }
            None => return seen,
        }
    }
}

#[test]
fn pages_of_name_and_date_searches_follow_the_index_order() {
    let dir = tempdir();
    let (store, n) = sample(dir.path());
    let name = Query {
        name_prefix: Some("ақж".into()),
        ..Query::default()
    };
    let days = Query {
        from: Some(day(2024, 4, 1)),
        ..Query::default()
    };
    for limit in [1, 2, 3, 4, 5] {
        // Pages cross from the surname walk into the given-name walk.
        assert_eq!(
            all_pages(&store, name.clone(), limit),
            [n[1].clone(), n[0].clone(), n[3].clone(), n[2].clone()],
            "limit {limit}"
        );
        assert_eq!(
            all_pages(&store, days.clone(), limit),
            [4, 3, 2, 1, 0].map(|i| n[i].clone()),
            "limit {limit}: newest day first"
        );
    }
    // A cursor of another order is refused, not read as something else.
    let wrong = Query {
        after: Some("3".parse().unwrap_or_else(|e| panic!("{e}"))),
        ..name
    };
    assert!(matches!(store.search(&wrong), Err(StoreError::BadCursor)));
}

#[test]
fn every_search_filter_is_served_by_an_index_without_sorting() {
    let dir = tempdir();
    let (store, _) = sample(dir.path());
    let text = |v: &str| Some(v.to_string());
    let q = Query::default;
    let queries = [
        Query {
            iin: text("900514300012"),
            ..q()
        },
        Query {
            name_prefix: text("ақж"),
            ..q()
        },
        Query {
            name_prefix: text("ақж ди"),
            ..q()
        },
        Query {
            number: text("2024-0000001"),
            ..q()
        },
        Query {
            coupon: text("1000000000"),
            ..q()
        },
        Query {
            status: Some(State::Sent),
            ..q()
        },
        Query {
            filling_code: text("04"),
            ..q()
        },
        Query {
            region_code: text("1902"),
            ..q()
        },
        Query {
            district_code: text("204"),
            ..q()
        },
        Query {
            region_code: text("1902"),
            district_code: text("204"),
            ..q()
        },
        Query {
            from: Some(day(2024, 4, 1)),
            to: Some(day(2024, 4, 1)),
            ..q()
        },
        Query {
            from: Some(day(2024, 4, 1)),
            ..q()
        },
        Query {
            status: Some(State::Registered),
            name_prefix: text("ақж"),
            ..q()
        },
        Query {
            filling_code: text("04"),
            from: Some(day(2024, 4, 1)),
            ..q()
        },
        Query {
            status: Some(State::Registered),
            district_code: text("204"),
            ..q()
        },
        // Later pages too: the cursor's condition must keep the walk on its index.
        Query {
            name_prefix: text("ақж"),
            after: Some("2~1~ақжол".parse().unwrap_or_else(|e| panic!("{e}"))),
            ..q()
        },
        Query {
            name_prefix: text("ақж"),
            after: Some("2~0~".parse().unwrap_or_else(|e| panic!("{e}"))),
            ..q()
        },
        Query {
            from: Some(day(2024, 4, 1)),
            after: Some("4~0~2024-04-02".parse().unwrap_or_else(|e| panic!("{e}"))),
            ..q()
        },
    ];
    for query in queries {
        let plan = store
            .explain_search(&query)
            .unwrap_or_else(|e| panic!("{e}"));
        let text = plan.join("; ");
        assert!(text.contains("USING"), "{query:?}: {text}");
        assert!(
            !text.contains("TEMP B-TREE"),
            "{query:?} sorts instead of walking an index: {text}"
        );
        assert!(
            !plan.iter().any(|p| p.trim().starts_with("SCAN")),
            "{query:?} scans the whole register: {text}"
        );
    }
}
