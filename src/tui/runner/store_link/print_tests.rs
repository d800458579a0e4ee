//! Issue 13 at the runner: a paper printed from the workstation to a PDF file, on a real
//! register, is a real PDF (read back with lopdf) with the staff list's full names, and an
//! audit entry; the file is written off the screen's thread.

use super::moves_tests::{Desk, open, screen};
use super::{App, Effect, StoreLink};
use crate::domain::Lang;
use crate::domain::lifecycle::{Event, MoveKind, VerificationGround};
use crate::office::Clock;
use crate::papers::{Delivery, PaperKind};
use crate::tui::action::Action;
use crate::tui::app::PrintSetup;
use crate::tui::app::{PrintRequest, Session};
use crate::tui::dialogs::Dialog;
use crate::tui::ui::theme::Theme;
use ratatui::layout::Rect;
use std::time::{Duration, Instant};

/// The text of the PDF at `path`, its white space made single spaces.
fn pdf_words(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc = lopdf::Document::load_mem(&bytes).unwrap_or_else(|e| panic!("not a PDF: {e}"));
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap_or_else(|e| panic!("{e}"));
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Waits for the worker to deliver and the runner to record and say it.
fn printed(desk: &mut Desk) {
    let start = Instant::now();
    while !desk.register.collect_prints(&mut desk.app) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the print never ended"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!desk.register.printer().busy());
}

/// `paper_printed` entries of `subject` in the audit log.
fn audited(desk: &Desk, subject: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(desk.location.path()).unwrap_or_else(|e| panic!("{e}"));
    let mut statement = conn
        .prepare(
            "SELECT details_json FROM audit_log WHERE action = 'paper_printed' AND subject = ?1",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let rows = statement
        .query_map([subject], |r| r.get::<_, String>(0))
        .unwrap_or_else(|e| panic!("{e}"));
    rows.map(|r| r.unwrap_or_else(|e| panic!("{e}"))).collect()
}

#[test]
fn a_conclusion_printed_from_the_workstation_is_a_pdf_with_full_names_and_audited() {
    let papers = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut desk = Desk::new();
    // Registered by the head "boris"; aigul, a head too, approves its conclusion (M-16).
    let verify = Event::StartVerification {
        ground: VerificationGround::Citizenship,
    };
    let number = desk.registered_by_another_head(1, &[verify]);
    desk.open_first(&number);
    desk.choose(MoveKind::Confirm);
    let today = Clock::default().today().format("%d.%m.%Y").to_string();
    desk.type_text(&format!("17 {today}"));
    desk.press(Action::Confirm);
    assert!(
        desk.status().contains("Conclusion No. 1"),
        "{}",
        desk.status()
    );
    desk.app.set_print_setup(PrintSetup {
        dir: papers.path().to_path_buf(),
        queue: None,
        terminal: false,
    });
    desk.press(Action::Print);
    assert!(matches!(desk.app.dialog, Some(Dialog::Print(_))));
    desk.press(Action::Confirm);
    assert_eq!(desk.status(), "Printing…");
    printed(&mut desk);
    let said = desk.status();
    let files: Vec<_> = std::fs::read_dir(papers.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let file = &files[0];
    assert!(
        said.starts_with("Conclusion (M-16): file ")
            && said.contains(&file.display().to_string())
            && said.ends_with("(copy 1)"),
        "{said}"
    );
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
    assert!(
        name.is_some_and(|n| n.starts_with("kense-conclusion-") && n.ends_with(".pdf")),
        "no personal data in the file's name"
    );
    let words = pdf_words(file);
    for expected in [
        "Заключение по установлению личности",
        "УТВЕРЖДАЮ",
        // The approving head and the clerk who made it: full names from the staff list,
        // not the account "aigul".
        "АЙГҮЛОВА А. А.",
        &format!("№ {number}"),
    ] {
        assert!(words.contains(expected), "{expected:?} not in {words}");
    }
    assert!(!words.contains("aigul"), "{words}");
    let entries = audited(&desk, &number);
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert!(
        entries[0].contains("\"paper\":\"conclusion\"")
            && entries[0].contains("\"delivery\":\"pdf\""),
        "{}",
        entries[0]
    );
    // The coupon slip, the second paper offered: signed by the clerk who registered it,
    // by their full name; and said on the screen.
    desk.press(Action::Print);
    desk.press(Action::Select(crate::tui::action::Move::Down));
    desk.press(Action::Confirm);
    printed(&mut desk);
    assert!(
        desk.status().starts_with("Coupon slip (M-56): file "),
        "{}",
        desk.status()
    );
    let coupon = std::fs::read_dir(papers.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("kense-coupon-"))
        .unwrap_or_else(|| panic!("the coupon's file"));
    let words = pdf_words(&coupon);
    assert!(words.contains("Принял БОРИСОВ Б. Б."), "{words}");
    assert!(screen(&desk.app).contains("Coupon slip (M-56)"));
    assert_eq!(audited(&desk, &number).len(), 2);
}

/// A paper the register cannot make is said, and nothing is written or audited.
#[test]
fn a_print_that_fails_says_why_and_audits_nothing() {
    let papers = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut desk = Desk::new();
    let (number, _) = desk.registered(1, &[]);
    desk.app.set_print_setup(PrintSetup {
        dir: papers.path().join("no-such-folder"),
        queue: None,
        terminal: false,
    });
    desk.open_first(&number);
    desk.press(Action::Print);
    desk.press(Action::Confirm);
    printed(&mut desk);
    assert!(
        desk.status()
            .starts_with("Coupon slip (M-56) not printed: cannot write "),
        "{}",
        desk.status()
    );
    assert!(audited(&desk, &number).is_empty());
}

/// Quitting right after a print waits for it: the file written is also audited.
#[test]
fn a_print_still_on_its_way_at_quit_is_finished_and_audited() {
    let papers = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut desk = Desk::new();
    let (number, _) = desk.registered(1, &[]);
    desk.app.set_print_setup(PrintSetup {
        dir: papers.path().to_path_buf(),
        queue: None,
        terminal: false,
    });
    desk.open_first(&number);
    desk.press(Action::Print);
    desk.press(Action::Confirm);
    let unfinished = desk
        .register
        .finish_prints(&mut desk.app, Duration::from_secs(20));
    assert_eq!(unfinished, Vec::<String>::new());
    assert!(!desk.register.printer().busy());
    assert!(
        desk.status().starts_with("Coupon slip (M-56): file "),
        "{}",
        desk.status()
    );
    assert_eq!(audited(&desk, &number).len(), 1);
}

/// A named pipe: a PDF "file" whose writer (the print worker) is held in its open until
/// something reads it, as a slow share or a stuck `lp` holds a real print. The worker waits
/// there holding the process-wide turn of `office::group::with_own_rights`, so other tests
/// would wait too: dropped (also when an assertion fails first), the pipe is opened for
/// reading, and read off the test's thread, which lets the worker go whenever it opens it.
struct Pipe {
    path: std::path::PathBuf,
}

impl Pipe {
    fn new(path: std::path::PathBuf) -> Self {
        let made = std::process::Command::new("mkfifo")
            .args(["-m", "600"])
            .arg(&path)
            .status()
            .unwrap_or_else(|e| panic!("mkfifo: {e}"));
        assert!(made.success(), "mkfifo {}", path.display());
        Self { path }
    }
}

impl Drop for Pipe {
    fn drop(&mut self) {
        // Opened for reading and writing, the pipe's open never waits (Linux), and a worker
        // waiting in its own open, or opening it later, is let go. It is read on a thread of
        // its own (which ends with the test process: the pipe never ends, held open here).
        let opened = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&self.path);
        if let Ok(mut pipe) = opened {
            std::thread::spawn(move || std::io::copy(&mut pipe, &mut std::io::sink()));
        }
    }
}

/// A workstation in `lang` whose coupon slip of a registered formulary is on its way to
/// a named pipe nobody reads yet (see [`Pipe`]): the pipe's directory, the pipe, the desk,
/// the formulary's number.
fn held_print(lang: Lang) -> (tempfile::TempDir, Pipe, Desk, String) {
    let papers = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let held = Pipe::new(papers.path().join("held.pdf"));
    let mut desk = Desk::new();
    desk.register = StoreLink::new(Ok(open(&desk.location)), lang, Clock::default());
    let session = Session {
        clerk: "aigul".into(),
        clock: Clock::default(),
    };
    desk.app = App::new(
        lang,
        Theme { color: false },
        Rect::new(0, 0, 80, 24),
        session,
    );
    let (number, _) = desk.registered(1, &[]);
    let request = PrintRequest {
        kind: PaperKind::Coupon,
        subject: number.clone(),
        copies: 1,
        delivery: Delivery::Pdf(held.path.clone()),
    };
    desk.register.perform(&mut desk.app, Effect::Print(request));
    assert!(desk.register.printer().busy(), "{}", desk.status());
    (papers, held, desk, number)
}

/// Issue 13: quitting while a paper is still on its way says so on the screen before it
/// waits (no frozen screen), and a paper not finished in time is named, by its kind and
/// number and nothing personal, for the clerk to print again; it is not audited.
#[test]
fn quitting_while_a_print_is_under_way_says_so_and_names_the_paper_left() {
    let (_papers, held, mut desk, number) = held_print(Lang::En);
    let mut drawn = Vec::new();
    let (left, shown) =
        desk.register
            .finish_prints_at_quit(&mut desk.app, Duration::from_secs(1), |app| {
                drawn.push(screen(app));
                Ok(())
            });
    assert!(shown.is_ok());
    assert_eq!(drawn.len(), 1, "drawn once, before the wait");
    assert!(
        drawn[0].contains("Finishing the printing under way: 1 paper. Waiting up to 1 s…"),
        "{}",
        drawn[0]
    );
    assert_eq!(
        left,
        [format!(
            "Coupon slip (M-56), {number}: the print did not finish in time and is not recorded; the paper may still come out of the printer, so check the printer before printing it again"
        )]
    );
    assert!(audited(&desk, &number).is_empty());
    // The worker really was holding the paper: let it go, and it hands over the PDF.
    let bytes = std::fs::read(&held.path).unwrap_or_else(|e| panic!("{e}"));
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
}

/// In Russian, and a paper that ends during the wait: the wait ends with it, and nothing
/// is left to print again. With no paper under way, quitting draws nothing more.
#[test]
fn the_wait_at_quit_is_said_in_the_clerks_language_and_ends_with_the_print() {
    let (_papers, held, mut desk, _) = held_print(Lang::Ru);
    let reader = {
        let held = held.path.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            std::fs::read(held).map(|bytes| bytes.len())
        })
    };
    let mut drawn = String::new();
    let start = Instant::now();
    let (left, _) =
        desk.register
            .finish_prints_at_quit(&mut desk.app, Duration::from_secs(20), |app| {
                drawn = screen(app);
                Ok(())
            });
    assert!(start.elapsed() < Duration::from_secs(20), "waited it all");
    assert!(
        drawn.contains("Завершается печать: 1 документ. Подождите, не дольше 20 с…"),
        "{drawn}"
    );
    assert_eq!(left, Vec::<String>::new());
    assert!(!desk.register.printer().busy());
    let read = reader.join().unwrap_or_else(|_| panic!("the reader"));
    assert!(read.is_ok_and(|n| n > 0));
    // Nothing under way: nothing is drawn, nothing said.
    let (left, _) =
        desk.register
            .finish_prints_at_quit(&mut desk.app, Duration::from_secs(1), |_| {
                panic!("drawn with no print under way")
            });
    assert!(left.is_empty());
}
