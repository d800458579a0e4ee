//! Issue 11: the register's name search folds names as Code lookup does (`codes::fold`),
//! in the library, in `kense register --name`, and on a register written before the
//! folded keys existed (schema version 5), which the upgrade keys in place.

mod common;
mod register_common;

use common::{kense, raw};
use kense::store::Query;
use register_common::*;

fn name(text: &str) -> Query {
    Query {
        name_prefix: Some(text.into()),
        ..Query::default()
    }
}

/// ЖҰМАБЕКОВ, Әл-Фараби and a Russian name, on one day.
fn folded_sample(db: &std::path::Path) -> Vec<String> {
    let mut store = open(db, "aigul");
    let d = day(2024, 4, 1);
    vec![
        register(
            &mut store,
            &person("18", "ЖҰМАБЕКОВ", "ҚАЙРАТ", 1),
            at(d, 9),
        ),
        register(&mut store, &person("18", "ӘЛ-ФАРАБИ", "ӘЛИЯ", 2), at(d, 10)),
        register(&mut store, &person("18", "ХОХЛОВ", "ЁЛКИН", 3), at(d, 11)),
    ]
}

#[test]
fn kazakh_names_are_found_as_typed_on_a_russian_keyboard_and_in_latin() {
    let dir = tempdir();
    let db = register_in(&dir);
    let n = folded_sample(&db);
    let store = open(&db, "aigul");
    for typed in [
        "жумабек",
        "Жұмабек",
        "ЖУМАБЕКОВ",
        "zhumabek",
        "ZHUMABEKOV",
        "jumabek",
    ] {
        assert_eq!(numbers(&search(&store, name(typed))), [&n[0]], "{typed}");
    }
    // Surname and given name, each folded: қ typed as к, or in Latin.
    assert_eq!(numbers(&search(&store, name("жумабеков кайрат"))), [&n[0]]);
    assert_eq!(numbers(&search(&store, name("zhumabekov qairat"))), [&n[0]]);
    // The given name alone (the second walk).
    assert_eq!(numbers(&search(&store, name("кайр"))), [&n[0]]);
    // A hyphenated surname is one word, typed with or without its hyphen.
    for typed in ["ал-фараби", "алфараби", "al-farabi", "Әл-Фар"] {
        assert_eq!(numbers(&search(&store, name(typed))), [&n[1]], "{typed}");
    }
    // х as h or kh, ё as е or yo-less.
    for typed in ["hohlov", "khokhlov", "хохлов елкин"] {
        assert_eq!(numbers(&search(&store, name(typed))), [&n[2]], "{typed}");
    }
    assert!(search(&store, name("жумабекз")).rows.is_empty());
}

#[test]
fn the_command_line_finds_folded_names_too() {
    let dir = tempdir();
    let db = register_in(&dir);
    let n = folded_sample(&db);
    for typed in ["жумабек", "zhumabek"] {
        let run = kense(&db, &["register", "--name", typed, "--json"]);
        assert_eq!(run.code, Some(0), "{typed}: {}", run.stderr);
        let rows = run.json();
        assert_eq!(rows["rows"][0]["number"], n[0].as_str(), "{}", run.stdout);
        assert_eq!(rows["rows"][0]["surname"], "ЖҰМАБЕКОВ");
    }
}

#[test]
fn a_register_before_the_folded_keys_gets_its_names_keyed_when_upgraded() {
    let dir = tempdir();
    let db = register_in(&dir);
    let n = folded_sample(&db);
    // Made back into what kense of version 7 left: no folded columns, the name indexes on
    // the Unicode-lower-cased keys, and none of version 9's staff and queue indexes (which
    // came after the folded keys), nor the later versions' tables (issue 15's signatures,
    // the workstations' sessions).
    let conn = raw(&db);
    // Nor version 10's row digests (issue 15): their tables and triggers.
    let digest_triggers: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_digest_%'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .unwrap_or_else(|e| panic!("{e}"));
    for trigger in digest_triggers {
        conn.execute_batch(&format!("DROP TRIGGER {trigger}"))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    conn.execute_batch(
        "DROP TABLE sessions;
         DROP TABLE audit_key;
         DROP TABLE audit_pending;
         DROP TABLE audit_digest_start;
         DROP TABLE staff;
         ALTER TABLE conclusions DROP COLUMN approver_name;
         DROP TRIGGER formularies_status_since;
         DROP INDEX formularies_waiting;
         ALTER TABLE formularies DROP COLUMN status_since;
         DROP INDEX transitions_at;
         DROP INDEX dsn_applications_waiting;
         DROP INDEX formularies_surname;
         DROP INDEX formularies_given;
         ALTER TABLE formularies DROP COLUMN surname_fold;
         ALTER TABLE formularies DROP COLUMN given_fold;
         CREATE INDEX formularies_surname ON formularies (surname_key, id);
         CREATE INDEX formularies_given ON formularies (given_key, id);
         DROP TABLE day_signatures;
         PRAGMA user_version = 7;",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    // A command that writes upgrades it (read-only ones refuse an older schema).
    let store = open(&db, "aigul");
    assert_eq!(numbers(&search(&store, name("zhumabek"))), [&n[0]]);
    assert_eq!(numbers(&search(&store, name("алфараби"))), [&n[1]]);
    let plan = store
        .explain_search(&name("zhumabek"))
        .unwrap_or_else(|e| panic!("{e}"))
        .join("\n");
    assert!(plan.contains("formularies_surname"), "{plan}");
    assert!(!plan.contains("TEMP B-TREE"), "{plan}");
}

#[test]
fn the_command_line_finds_a_coupon_typed_in_groups_and_calls_a_typo_one() {
    let dir = tempdir();
    let db = register_in(&dir);
    let n = folded_sample(&db);
    let coupon = open(&db, "aigul")
        .formulary(&n[0])
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("{} is there", n[0]))
        .coupon;
    for typed in [
        format!("{}-{}", &coupon[..3], &coupon[3..]),
        format!("{} {}", &coupon[..5], &coupon[5..]),
    ] {
        let run = kense(&db, &["register", "--coupon", &typed]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert!(run.stdout.contains(&n[0]), "{}", run.stdout);
    }
    // M-57: one wrong digit is a typo, said as such (exit 2), the coupon not repeated.
    let mut typo: Vec<char> = coupon.chars().collect();
    typo[9] = if typo[9] == '0' { '1' } else { '0' };
    let typo: String = typo.into_iter().collect();
    let run = kense(&db, &["register", "--coupon", &typo]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("--coupon") && run.stderr.contains("M-57"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains(&typo), "{}", run.stderr);
}

#[test]
fn the_cursor_of_a_folded_name_search_carries_no_name() {
    let dir = tempdir();
    let db = register_in(&dir);
    let mut store = open(&db, "aigul");
    let d = day(2024, 4, 1);
    let n = [
        register(
            &mut store,
            &person("18", "ЖҰМАБЕКОВ", "ҚАЙРАТ", 1),
            at(d, 9),
        ),
        register(
            &mut store,
            &person("18", "ЖУМАБАЕВА", "АЙГҮЛ", 2),
            at(d, 10),
        ),
    ];
    let first = store
        .search(&Query {
            limit: 1,
            ..name("zhumab")
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let next = first
        .next
        .clone()
        .unwrap_or_else(|| panic!("a second page"));
    let text = next.to_string();
    assert!(
        text.chars().all(|c| c.is_ascii_digit() || c == '~'),
        "{text}"
    );
    let second = search(
        &store,
        Query {
            limit: 1,
            after: Some(text.parse().unwrap_or_else(|e| panic!("{e}"))),
            ..name("zhumab")
        },
    );
    // Alphabetical by the folded key: zhumabaeva, then zhumabekov.
    assert_eq!(numbers(&first), [&n[1]]);
    assert_eq!(numbers(&second), [&n[0]]);
    // The command line prints it the same way.
    let run = kense(&db, &["register", "--name", "жумаб", "--limit", "1"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let after = run
        .stderr
        .split("--after ")
        .nth(1)
        .unwrap_or_else(|| panic!("a cursor: {}", run.stderr));
    assert!(!after.to_lowercase().contains("zhum"), "{after}");
}
