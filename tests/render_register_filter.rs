//! Issue 11: the Register tab's filter line says why it can match nothing (as `kense
//! register` does), reads a coupon typed in groups, and finds folded names on a real
//! register.

mod common;
mod register_common;
mod render_support;

use kense::domain::Lang;
use kense::store::Page;
use kense::tui::action::{Action, Tab};
use kense::tui::app::Effect;
use kense::tui::screens::formularies::parse_filter;
use register_common::*;
use render_support::{NO_COLOR, form_app, render, text, type_text};

/// The screen after typing `line` on the Register tab, the register answering no rows.
fn empty_page_after(lang: Lang, line: &str) -> String {
    let mut app = form_app(lang, NO_COLOR, 80, 24);
    app.update(Action::ShowTab(Tab::Register));
    type_text(&mut app, line);
    app.page(
        Ok(Page {
            rows: vec![],
            next: None,
        }),
        None,
    );
    text(&render(&app, 80, 24))
}

#[test]
fn a_filter_that_can_match_nothing_says_why_on_the_screen() {
    for (line, said) in [
        ("code:02", "code: no such filling code"),
        ("region:1234", "region: no such region code"),
        (
            "region:1902 district:999",
            "region 1902 has no such district",
        ),
        ("from:02.01.2026 to:01.01.2026", "from is after to"),
        ("status:lost", "status: no such status"),
        ("950103450001", "IIN: check digit"),
        ("1269506924", "a typo in the coupon"),
    ] {
        let screen = empty_page_after(Lang::En, line);
        assert!(screen.contains(said), "{line}: {screen}");
        assert!(!screen.contains("Nothing found"), "{line}: {screen}");
    }
    // A filter that may match says only that nothing did.
    let screen = empty_page_after(Lang::En, "ахметов");
    assert!(screen.contains("Nothing found"), "{screen}");
    // Russian, wrapped rather than cut at 80 columns: the rule's id is on screen.
    let screen = empty_page_after(Lang::Ru, "1269506924");
    assert!(screen.contains("[M-57]"), "{screen}");
}

#[test]
fn a_coupon_typed_with_hyphens_or_spaces_is_searched_as_a_coupon() {
    let dir = tempdir();
    let db = register_in(&dir);
    let mut store = open(&db, "aigul");
    let number = register(
        &mut store,
        &person("18", "ЖҰМАБЕКОВ", "ҚАЙРАТ", 1),
        at(day(2024, 4, 1), 9),
    );
    let coupon = store
        .formulary(&number)
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("{number} is there"))
        .coupon;
    let hyphens = format!("{}-{}", &coupon[..3], &coupon[3..]);
    let spaces = format!("{} {} {}", &coupon[..3], &coupon[3..6], &coupon[6..]);
    for typed in [hyphens.as_str(), spaces.as_str(), "жумабек", "zhumabek"] {
        let page = search(&store, parse_filter(typed, 50));
        assert_eq!(numbers(&page), [number.as_str()], "{typed}");
    }
    // The workstation asks the register with the coupon it read.
    let mut app = form_app(Lang::En, NO_COLOR, 80, 24);
    app.update(Action::ShowTab(Tab::Register));
    let mut last = Effect::None;
    for c in hyphens.chars() {
        last = app.update(Action::Edit(tui_input::InputRequest::InsertChar(c)));
    }
    match last {
        Effect::Search(query, None) => assert_eq!(query.coupon.as_deref(), Some(coupon.as_str())),
        other => panic!("typing searches: {other:?}"),
    }
}
