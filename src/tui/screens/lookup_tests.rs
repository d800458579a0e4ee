//! Code lookup's list, and the picker's start (issue 11).
use super::*;

#[test]
fn typing_searches_and_the_selection_stays_in_the_list() {
    let mut tab = LookupTab::default();
    for c in "akkol".chars() {
        assert!(tab.edit(InputRequest::InsertChar(c)));
    }
    assert_eq!(
        tab.selected().map(|e| e.code().into_owned()),
        Some("1902 204".into())
    );
    let found = tab.hits.len();
    assert!(tab.select(Move::Last, 10));
    assert_eq!(tab.selected.at(), found - 1);
    assert!(!tab.select(Move::Down, 10), "already at the end");
    tab.select(Move::First, 10);
    assert_eq!(tab.selected.at(), 0);
}
