//! The real `kense` binary in a real pseudo-terminal at 80×24, its screen rebuilt by a
//! terminal emulator (vt100), driven by keys as a clerk over SSH would send them: a
//! formulary typed, registered and found in the register; a DSN application filed.

mod pty_support;

use pty_support::{Session, contains, registered_number, scratch};

#[test]
fn a_clerk_types_a_formulary_registers_it_and_finds_it_in_the_register() {
    let (_dir, db) = scratch("e2e");
    let mut s = Session::start_in(&["--lang", "en"], &db);
    s.wait_for(|c| c.contains("Document"), "the New formulary tab");
    let tab = b"\t";
    let right = b"\x1b[C";
    let type_field = |s: &mut Session, text: &str| {
        s.send(text.as_bytes());
        s.send(tab);
    };
    s.send(right); // Document: passport
    s.send(tab);
    type_field(&mut s, "18"); // filling code: expiry
    type_field(&mut s, "1902");
    type_field(&mut s, "204");
    type_field(&mut s, "900517300128"); // fills birth date and sex
    s.wait_for(|c| c.contains("17.05.1990"), "the birth date from the IIN");
    type_field(&mut s, "Ахметов");
    type_field(&mut s, "Ерлан");
    type_field(&mut s, ""); // patronymic
    type_field(&mut s, ""); // birth date (filled)
    type_field(&mut s, ""); // sex (filled)
    type_field(&mut s, "Кокшетау");
    type_field(&mut s, "казах");
    type_field(&mut s, "KZ");
    type_field(&mut s, "Кокшетау, ул. Абая, 1");
    type_field(&mut s, "01.02.2010");
    type_field(&mut s, ""); // previous address
    s.send(right); // signature: present
    s.wait_for(
        |c| c.contains("No errors: Ctrl-S registers"),
        "a complete formulary",
    );
    s.send(b"\x13"); // Ctrl-S
    s.wait_for(
        |c| c.contains("Registered: No. "),
        "the registration number",
    );
    let number = registered_number(&s.contents());

    s.send(b"\x1b3"); // Alt-3: the register
    s.wait_for(
        |c| c.contains(&number) && c.contains("Ахметов Ерлан"),
        "the row in the register",
    );
    s.send(b"\r"); // open it
    s.wait_for(
        |c| c.contains("Last move") && c.contains("registered"),
        "the formulary with its last move",
    );
    s.send(b"\x1b[F"); // End: the rest of the record, its history last
    s.wait_for(|c| c.contains("History"), "its history");
    // A lone Esc must arrive alone: sent glued to the next key it reads as Alt.
    s.send(b"\x1b");
    s.wait_for(|c| !c.contains("History"), "the formulary closed");
    s.send(b"\x11"); // Ctrl-Q: nothing unsaved, so no question
    assert_eq!(s.wait_exit(), 0);
    assert!(
        contains(&s.raw(), b"\x1b[?1049l"),
        "left the alternate screen"
    );
}

#[test]
fn a_clerk_files_a_dsn_application_and_sees_its_code() {
    let (_dir, db) = scratch("dsn");
    // The applicant is in the taxpayer register (D-7 (1)).
    let added = std::process::Command::new(env!("CARGO_BIN_EXE_kense"))
        .arg("--db")
        .arg(&db)
        .args(["dsn", "taxpayer", "add", "040540000123", "ТОО Мұнай"])
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(added.success());
    let mut s = Session::start_in(&["--lang", "en"], &db);
    s.wait_for(|c| c.contains("Document"), "the New tab");
    s.send(b"\x0e"); // Ctrl-N: the DSN application
    s.wait_for(|c| c.contains("DSN code application"), "the DSN form");
    let tab = b"\t";
    for (i, text) in [
        "ТОО Мұнай",
        "040540000123",
        "",
        "3",
        "053",
        "1",
        "АИ-92",
        "ГОСТ 32513-2013",
    ]
    .iter()
    .enumerate()
    {
        if i == 2 {
            s.send(b"\x1b[C"); // producer
        } else {
            s.send(text.as_bytes());
        }
        s.send(tab);
    }
    s.wait_for(
        |c| c.contains("No errors: Ctrl-S files the application"),
        "a complete application",
    );
    s.send(b"\x13");
    s.wait_for(|c| c.contains("3-053-0001-1-001"), "the assigned code");
    s.send(b"\x1b3");
    s.wait_for(|c| c.contains("Search the register"), "the Register tab");
    s.send(b"\x14"); // Ctrl-T: DSN applications
    s.wait_for(
        |c| c.contains("DSN code applications") && c.contains("АИ-92"),
        "the application listed",
    );
    s.send(b"\x11");
    assert_eq!(s.wait_exit(), 0);
}
