//! Issue 11: a DSN code typed as printed (`3-159-0001-1-001`, or with spaces) is taken
//! apart in Code lookup, and decoding names the subject (the taxpayer) and the product
//! when the register has them: `kense dsn decode`, `Store::dsn_code_names`, and the
//! lookup pane given those names.

mod common;
mod dsn_support;
mod render_support;

use dsn_support::{add, app, apply, bin, kense, product, tempdir};
use kense::domain::Lang;
use kense::domain::dsn::decode;
use kense::store::dsn::DsnCodeNames;
use kense::tui::screens::lookup::LookupTab;
use kense::tui::ui::View;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use render_support::{COLOR, text};
use tui_input::InputRequest;

/// A register with the code 3-053-0001-1-001 assigned to ТОО Мұнай for "АИ-92".
fn register_with_a_code() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempdir();
    let db = dir.path().join("r.sqlite");
    let a = bin(1);
    add(&db, &a);
    let run = apply(&db, &app(&a, 3, "053", vec![product(1, "АИ-92")]));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    (dir, db)
}

#[test]
fn dsn_decode_names_the_taxpayer_and_the_product_from_the_register() {
    let (_dir, db) = register_with_a_code();
    let run = kense(&db, &["dsn", "decode", "3-053-0001-1-001", "--lang", "en"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("ТОО Мұнай"), "{}", run.stdout);
    assert!(
        run.stdout.contains("АИ-92 (СТ РК 1501-2006)"),
        "{}",
        run.stdout
    );
    let json = kense(&db, &["dsn", "decode", "305300011001", "--json"]).json();
    assert_eq!(json["register"]["subject"]["taxpayer"], "ТОО Мұнай");
    assert_eq!(json["register"]["product"]["name"], "АИ-92");
    // A code the register did not assign: the subject is known, the product is not.
    let other = kense(&db, &["dsn", "decode", "3-053-0001-2-001", "--json"]).json();
    assert_eq!(other["register"]["subject"]["tin"], bin(1).as_str());
    assert!(other["register"]["product"].is_null(), "{other}");
    // Without a register the facets are still taken apart.
    let none = kense(
        &db.with_file_name("missing.sqlite"),
        &["dsn", "decode", "3-053-0001-1-001"],
    );
    assert_eq!(none.code, Some(0), "{}", none.stderr);
    assert!(!none.stdout.contains("ТОО"), "{}", none.stdout);
}

fn lookup_screen(tab: &LookupTab) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 22)).unwrap_or_else(|e| panic!("{e}"));
    terminal
        .draw(|frame| {
            let view = View {
                lang: Lang::En,
                theme: COLOR,
                zone: chrono_tz::Asia::Almaty,
            };
            tab.draw(frame, Rect::new(0, 0, 80, 22), view);
        })
        .unwrap_or_else(|e| panic!("{e}"));
    text(terminal.backend().buffer())
}

#[test]
fn code_lookup_takes_a_printed_code_apart_and_shows_the_register_s_names() {
    for typed in ["3-053-0001-1-001", " 3 053 0001 1 001 ", "305300011001"] {
        let mut tab = LookupTab::default();
        for c in typed.chars() {
            tab.edit(InputRequest::InsertChar(c));
        }
        let code = tab
            .dsn_code()
            .unwrap_or_else(|| panic!("{typed:?} is read as a DSN code"));
        assert_eq!(code.format_facets(), "3-053-0001-1-001");
        let screen = lookup_screen(&tab);
        assert!(screen.contains("DSN code 3-053-0001-1-001"), "{screen}");
    }
    // The register's names, as the workstation gets them from Store::dsn_code_names.
    let (_dir, db) = register_with_a_code();
    let store = common::open(&db);
    let code = decode("3-053-0001-1-001")
        .unwrap_or_else(|e| panic!("{e}"))
        .code;
    let names = store
        .dsn_code_names(&code)
        .unwrap_or_else(|e| panic!("{e}"));
    let mut tab = LookupTab::default();
    for c in "3-053-0001-1-001".chars() {
        tab.edit(InputRequest::InsertChar(c));
    }
    // An answer for another code (an older query) is dropped.
    let stale = decode("305300011002")
        .unwrap_or_else(|e| panic!("{e}"))
        .code;
    assert!(!tab.show_dsn_names(stale, names.clone()));
    assert!(tab.show_dsn_names(code, names));
    let screen = lookup_screen(&tab);
    assert!(screen.contains("ТОО Мұнай"), "{screen}");
    assert!(screen.contains("АИ-92"), "{screen}");
    assert_ne!(
        DsnCodeNames::default(),
        store.dsn_code_names(&code).unwrap_or_default()
    );
}
