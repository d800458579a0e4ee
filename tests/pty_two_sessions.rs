//! Issue 11: the same clerk (OS account) in two sessions, two real `kense` processes in
//! two ptys on one register. The second is told that the first holds the draft (which
//! process, since when), reads it without changing it or takes a fresh form, and never
//! overwrites it; once the first has quit, the next session gets the draft back.

mod pty_support;

use pty_support::{Session, scratch};

/// The first session on `db` with a surname typed and kept as the draft, and a second of
/// the same clerk, told which session holds the draft, reading it (`r`).
fn both_sessions(db: &std::path::Path) -> (Session, Session) {
    let mut first = Session::start_in(&["--lang", "en"], db);
    first.wait_for(|c| c.contains("Document"), "the first session's form");
    // Document, filling code, region, district, IIN: the surname is the sixth field; the
    // Tab after it keeps the draft.
    first.send(b"\t\t\t\t\t");
    first.send("Ахметова\t".as_bytes());
    first.wait_for(|c| c.contains("Ахметова"), "the surname typed");

    let mut second = Session::start_in(&["--lang", "en"], db);
    second.wait_for(
        |c| c.contains("Your draft is open in another session") && c.contains("pid "),
        "the second session told which session holds the draft",
    );
    second.send(b"r"); // read only
    second.wait_for(|c| c.contains("Ахметова"), "the draft shown read only");
    (first, second)
}

#[test]
fn a_second_session_of_the_same_clerk_is_told_and_the_first_draft_survives() {
    let (_dir, db) = scratch("two");
    let (first, mut second) = both_sessions(&db);
    second.send(b"X");
    second.wait_for(|c| c.contains("Read only"), "a change refused with a word");
    second.send(b"\x18"); // Ctrl-X: a fresh form
    second.wait_for(|c| !c.contains("Ахметова"), "a fresh form");
    second.send(b"\t\t\t\t\t");
    second.send("Бекова\t".as_bytes());
    second.wait_for(|c| c.contains("Бекова"), "the fresh form typed");
    second.send(b"\x11"); // Ctrl-Q: what is typed here is not kept, and it says so
    second.wait_for(
        |c| c.contains("another session keeps the draft"),
        "the quit question of a session without the draft",
    );
    second.send(b"y");
    assert_eq!(second.wait_exit(), 0);

    first.quit();
    // The first session's draft, not the second's, comes back.
    let third = Session::start_in(&["--lang", "en"], &db);
    third.wait_for(|c| c.contains("Ахметова"), "the first session's draft back");
    assert!(!third.contents().contains("Бекова"), "{}", third.contents());
    assert!(!third.contents().contains("another session"));
    third.quit();
}

/// Issue 11: the second session reads the draft while the first fills it; once the first
/// has quit, the second takes the draft over on its own (no key pressed), as the first
/// left it, and what it types from then on is kept for the next session.
#[test]
fn when_the_first_session_quits_the_second_takes_the_draft_over() {
    let (_dir, db) = scratch("takeover");
    let (first, mut second) = both_sessions(&db);

    first.quit();
    second.wait_for(
        |c| c.contains("the draft is yours now, to edit here"),
        "the draft taken over",
    );
    // Editable now: the surname field has the focus, as the draft was left.
    second.send("-Бекова".as_bytes());
    second.wait_for(|c| c.contains("Ахметова-Бекова"), "the draft edited");
    assert!(!second.contents().contains("Read only"));
    second.send(b"\t");
    second.quit();

    let third = Session::start_in(&["--lang", "en"], &db);
    third.wait_for(
        |c| c.contains("Ахметова-Бекова"),
        "the draft as the second session left it",
    );
    assert!(!third.contents().contains("another session"));
    third.quit();
}
