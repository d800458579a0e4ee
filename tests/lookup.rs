//! The lookup API over the real embedded directories: what a clerk types, what comes first.

use kense::codes::{Hit, Kind, Rank, Searcher};

fn search(query: &str) -> Vec<Hit> {
    Searcher::new().search(query, None)
}

fn codes(hits: &[Hit]) -> Vec<(Kind, String)> {
    hits.iter()
        .map(|h| (h.entry.kind(), h.entry.code().into_owned()))
        .collect()
}

fn first(query: &str) -> (Kind, String, Rank) {
    let hits = search(query);
    let hit = hits
        .first()
        .unwrap_or_else(|| panic!("{query:?} found nothing"));
    (hit.entry.kind(), hit.entry.code().into_owned(), hit.rank)
}

fn district(code: &str) -> (Kind, String) {
    (Kind::District, code.to_string())
}

#[test]
fn a_district_code_is_found_in_every_usual_form() {
    for query in ["1902 204", "1902204", " 1902-204 "] {
        let hits = search(query);
        assert_eq!(codes(&hits), [district("1902 204")], "{query:?}");
        assert_eq!(hits[0].rank, Rank::ExactCode);
        assert_eq!(hits[0].entry.name_kk(), "АҚКӨЛ АУДАНЫ");
    }
}

#[test]
fn the_district_part_alone_finds_every_region_that_has_it() {
    let hits = search("204");
    let exact: Vec<_> = hits.iter().filter(|h| h.rank == Rank::ExactCode).collect();
    // 204 is a district in ten regions of M-App2 and a unit of D-App3.
    assert_eq!(exact.len(), 11);
    assert!(exact[..10].iter().all(|h| h.entry.kind() == Kind::District));
    assert_eq!(exact[10].entry.kind(), Kind::DsnUnit);
    assert_eq!(exact[0].entry.code(), "1902 204");
}

#[test]
fn a_region_code_lists_its_districts_as_code_prefixes() {
    let hits = Searcher::new().search("1902", Some(Kind::District));
    assert_eq!(hits.len(), 20, "Akmola has 20 rows in M-App2");
    assert!(hits.iter().all(|h| h.rank == Rank::CodePrefix));
    assert!(hits.iter().all(|h| h.entry.code().starts_with("1902 ")));
}

#[test]
fn filling_and_dsn_codes_are_found_with_or_without_padding_zeros() {
    assert_eq!(first("08"), (Kind::Filling, "08".into(), Rank::ExactCode));
    assert_eq!(first("8"), (Kind::Filling, "08".into(), Rank::ExactCode));
    assert_eq!(first("053"), (Kind::DsnUnit, "053".into(), Rank::ExactCode));
    assert_eq!(first("53"), (Kind::DsnUnit, "053".into(), Rank::ExactCode));
    // Exact codes come before codes that only start with the query.
    let hits = search("08");
    assert_eq!(hits[0].entry.kind(), Kind::Filling);
    assert!(hits[1..].iter().all(|h| h.rank == Rank::CodePrefix));
    assert_eq!(hits[1].entry.code(), "080");
}

#[test]
fn there_is_no_filling_code_02() {
    let hits = Searcher::new().search("02", Some(Kind::Filling));
    assert!(hits.is_empty(), "M-31 skips 02: {:?}", codes(&hits));
}

#[test]
fn a_name_is_found_in_kazakh_russian_or_latin_letters_in_any_case() {
    for query in [
        "Ақкөл",
        "АҚКӨЛ",
        "ақкөл",
        "аккол",
        "Аккол",
        "akkol",
        "AKKOL",
        "Aqköl",
    ] {
        let hits = search(query);
        assert_eq!(
            codes(&hits[..2]),
            [district("1902 204"), (Kind::DsnUnit, "002".into())],
            "{query:?}"
        );
        assert_eq!(hits[0].rank, Rank::NamePrefix, "{query:?}");
    }
}

#[test]
fn the_russian_name_finds_the_district_too() {
    assert_eq!(
        first("аккольский"),
        (Kind::District, "1902 204".into(), Rank::NamePrefix)
    );
    assert_eq!(
        first("Усть-Каменогорск"),
        (Kind::District, "1917 401".into(), Rank::NamePrefix)
    );
    assert_eq!(
        first("ust kamenogorsk"),
        (Kind::District, "1917 401".into(), Rank::NamePrefix)
    );
}

#[test]
fn a_typing_slip_still_finds_the_name() {
    for query in ["akkil", "akkoll", "kakol", "аккл"] {
        assert_eq!(
            codes(&search(query)[..1]),
            [district("1902 204")],
            "{query:?}"
        );
    }
    let yesil = search("yesil");
    assert_eq!(
        yesil[0].entry.name_kk(),
        "ЕСІЛ АУДАНЫ",
        "Есіл, written as in Russian"
    );
    assert_eq!(
        first("Astrakhn"),
        (Kind::District, "1902 207".into(), Rank::Fuzzy)
    );
}

#[test]
fn names_starting_with_the_query_come_before_names_containing_a_word_of_it() {
    let hits = search("ордабасы");
    assert_eq!(
        codes(&hits),
        [
            district("1960 208"),
            (Kind::DsnUnit, "187".into()),
            (Kind::DsnUnit, "224".into()),
            // "Бөкей ордасы": a word starts with "орда…" only after a typo.
            (Kind::DsnUnit, "101".into()),
        ]
    );
    let shal = search("shal akyn");
    assert_eq!(
        codes(&shal),
        [district("1948 232"), (Kind::DsnUnit, "177".into())]
    );
    // A later word of the name: "Тұрар Рысқұлов ауданы".
    assert_eq!(
        first("рыскулов"),
        (Kind::District, "1919 220".into(), Rank::NamePrefix)
    );
}

#[test]
fn within_a_rank_the_closer_and_shorter_name_comes_first() {
    // "Республика Казахстан" is a whole short name; nine filling codes only mention it.
    assert_eq!(
        first("Kazakhstan"),
        (Kind::DsnCountry, "3".into(), Rank::NamePrefix)
    );
    // One slip in the district's own name beats letters pulled from a second word.
    assert_eq!(
        first("ekibastus"),
        (Kind::District, "1945 408".into(), Rank::Fuzzy)
    );
}

#[test]
fn a_region_name_lists_its_rows_after_rows_named_like_it() {
    let hits = Searcher::new().search("Акмолинская", Some(Kind::District));
    assert_eq!(hits.len(), 20, "Akmola has 20 rows in M-App2");
    assert!(hits.iter().all(|h| h.entry.code().starts_with("1902 ")));
    let almaty = search("almaty");
    // The rows named Алматы come before the rows of the regions named Алматы.
    assert_eq!(almaty[0].entry.code(), "1914 203");
    let first_region_row = almaty
        .iter()
        .position(|h| h.entry.code() == "1907 203")
        .unwrap_or_else(|| panic!("Almaty region rows are listed"));
    let last_own_name = almaty
        .iter()
        .rposition(|h| h.entry.name_kk().to_lowercase().starts_with("алматы"))
        .unwrap_or(0);
    assert!(last_own_name < first_region_row);
}

#[test]
fn a_code_written_as_the_document_writes_it_is_a_code() {
    for query in ["\"08\"", "№08", "08;", "(08)"] {
        assert_eq!(
            first(query),
            (Kind::Filling, "08".into(), Rank::ExactCode),
            "{query:?}"
        );
    }
    assert_eq!(codes(&search("1902,204")), [district("1902 204")]);
}

#[test]
fn english_and_translated_names_are_searchable() {
    let hits = Searcher::new().search("loss", Some(Kind::Filling));
    // Both "Loss of …" names; the shorter first.
    assert_eq!(
        codes(&hits),
        [(Kind::Filling, "13".into()), (Kind::Filling, "09".into())]
    );
    assert_eq!(first("дизель").0, Kind::DsnProduct);
    assert_eq!(first("Беларусь").0, Kind::DsnCountry);
}

#[test]
fn a_stray_latin_letter_inside_a_cyrillic_word_is_forgiven() {
    // The "р" of Ордабасы typed on a Latin layout, as the seed itself has it.
    assert_eq!(first("Оpдабасы").1, "1960 208");
}

#[test]
fn a_kind_filter_keeps_to_one_directory() {
    let hits = Searcher::new().search("akkol", Some(Kind::DsnUnit));
    assert!(hits.iter().all(|h| h.entry.kind() == Kind::DsnUnit));
    assert_eq!(hits[0].entry.code(), "002");
    // Аққулы is one slip away from "akkol" and may follow, but only as a fuzzy match.
    assert!(hits[1..].iter().all(|h| h.rank == Rank::Fuzzy));
}

#[test]
fn nonsense_finds_nothing_and_empty_queries_find_nothing() {
    for query in ["", "   ", "-", "qqqqzzzz", "99999999"] {
        assert!(
            search(query).is_empty(),
            "{query:?}: {:?}",
            codes(&search(query))
        );
    }
}

#[test]
fn one_searcher_answers_a_clerk_typing_letter_by_letter() {
    // The TUI keeps one Searcher and asks again on every keystroke.
    let mut searcher = Searcher::new();
    let typed = "akkol";
    let found: Vec<bool> = (1..=typed.len())
        .map(|n| {
            searcher
                .search(&typed[..n], None)
                .iter()
                .any(|h| h.entry.code() == "1902 204")
        })
        .collect();
    assert_eq!(found, [true; 5]);
}
