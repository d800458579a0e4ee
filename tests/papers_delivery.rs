//! How papers reach paper (issue 13): the office's CUPS queue through `lp` (a fake `lp` on
//! PATH records its arguments and what it was given), the clerk's terminal (refused unless
//! turned on, and under tmux), and a PDF file private to the clerk.

mod common;
mod papers_support;

use papers_support::{CLERK, Demo, Pdf, Run, demo, one};
use std::path::Path;

/// A fake `lp` in `dir` that writes its arguments to `lp.args`, its standard input to
/// `lp.stdin`, and answers as CUPS does.
fn fake_lp(dir: &Path) {
    let script = format!(
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{0}/lp.args'\ncat > '{0}/lp.stdin'\necho 'request id is front-7 (1 file(s))'\n",
        dir.display()
    );
    let path = dir.join("lp");
    std::fs::write(&path, script).unwrap_or_else(|e| panic!("{e}"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::Permissions::from_mode(0o755);
        std::fs::set_permissions(&path, mode).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// `kense args…` with the office settings `office` (TOML), the clerk's `clerk` (TOML),
/// `bin` first on PATH, and `env` set.
fn run(demo: &Demo, office: &str, clerk: &str, env: &[(&str, &str)], args: &[&str]) -> Run {
    let dir = demo.dir.path();
    std::fs::write(dir.join("office.toml"), office).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.join("clerk.toml"), clerk).unwrap_or_else(|e| panic!("{e}"));
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut command = common::process_as(&demo.db, CLERK);
    command
        .env("KENSE_CONFIG", dir.join("office.toml"))
        .env("KENSE_CLERK_CONFIG", dir.join("clerk.toml"))
        .env("PATH", path)
        .env_remove("TMUX")
        .current_dir(dir)
        .args(args);
    for (k, v) in env {
        command.env(k, v);
    }
    Run::from(command.output().unwrap_or_else(|e| panic!("{e}")))
}

#[test]
fn the_office_queue_gets_the_pdf_on_lps_stdin_and_nothing_personal_on_its_command_line() {
    let demo = demo();
    let dir = demo.dir.path();
    fake_lp(dir);
    let number = one(
        &demo.db,
        "SELECT number FROM formularies ORDER BY id LIMIT 1",
    );
    let office = "[print]\nqueue = \"front\"\n";
    // --lp without a queue takes the office's.
    let done = run(
        &demo,
        office,
        "",
        &[],
        &["print", "coupon", &number, "--lp", "--copies", "2"],
    );
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    assert!(
        done.stdout.contains("queue front (front-7)"),
        "{}",
        done.stdout
    );
    assert!(done.stdout.contains("copies 1–2"), "{}", done.stdout);
    let args = std::fs::read_to_string(dir.join("lp.args")).unwrap_or_default();
    let args: Vec<&str> = args.lines().collect();
    assert_eq!(args, ["-d", "front", "-n", "2", "-t", "kense-coupon"]);
    let pdf = std::fs::read(dir.join("lp.stdin")).unwrap_or_default();
    let text = Pdf::read(&pdf).words();
    assert!(text.contains("Талон регистрации заявки"), "{text}");
    // The default delivery is the office's queue when the clerk chose nothing else.
    let again = run(&demo, office, "", &[], &["print", "day", "2026-11-16"]);
    assert_eq!(again.code, Some(0), "{}", again.stderr);
    assert!(again.stdout.contains("queue front"), "{}", again.stdout);
    // No queue anywhere: a clear message, exit 2.
    let none = run(&demo, "", "", &[], &["print", "coupon", &number, "--lp"]);
    assert_eq!(none.code, Some(2), "{}", none.stderr);
    assert!(none.stderr.contains("print.queue"), "{}", none.stderr);
}

#[test]
fn a_failing_lp_is_exit_74_and_no_print_is_recorded() {
    let demo = demo();
    let dir = demo.dir.path();
    std::fs::write(
        dir.join("lp"),
        "#!/bin/sh\ncat >/dev/null\necho 'lp: The printer or class does not exist.' >&2\nexit 1\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::Permissions::from_mode(0o755);
        std::fs::set_permissions(dir.join("lp"), mode).unwrap_or_else(|e| panic!("{e}"));
    }
    let number = one(
        &demo.db,
        "SELECT number FROM formularies ORDER BY id LIMIT 1",
    );
    let failed = run(
        &demo,
        "",
        "",
        &[],
        &["print", "coupon", &number, "--lp", "nowhere"],
    );
    assert_eq!(failed.code, Some(74), "{}", failed.stderr);
    assert!(
        failed.stderr.contains("does not exist"),
        "{}",
        failed.stderr
    );
    let printed = one(
        &demo.db,
        "SELECT CAST(count(*) AS TEXT) FROM audit_log WHERE action = 'paper_printed'",
    );
    assert_eq!(printed, "0");
}

#[test]
fn terminal_printing_is_opt_in_and_refused_under_tmux() {
    let demo = demo();
    let number = one(
        &demo.db,
        "SELECT number FROM formularies ORDER BY id LIMIT 1",
    );
    let args = ["print", "coupon", number.as_str(), "--terminal"];
    let off = run(&demo, "", "", &[], &args);
    assert_eq!(off.code, Some(2), "{}", off.stderr);
    assert!(
        off.stderr.contains("print.terminal = true"),
        "{}",
        off.stderr
    );
    let on = "[print]\nterminal = true\n";
    let tmux = run(
        &demo,
        "",
        on,
        &[("TMUX", "/tmp/tmux-1000/default,42,0")],
        &args,
    );
    assert_eq!(tmux.code, Some(2), "{}", tmux.stderr);
    assert!(tmux.stderr.contains("tmux"), "{}", tmux.stderr);
    let printed = one(
        &demo.db,
        "SELECT CAST(count(*) AS TEXT) FROM audit_log WHERE action = 'paper_printed'",
    );
    assert_eq!(printed, "0", "a refused print is not recorded");
}

#[test]
fn a_pdf_file_is_private_to_the_clerk() {
    let demo = demo();
    let number = one(
        &demo.db,
        "SELECT number FROM formularies ORDER BY id LIMIT 1",
    );
    let path = demo.dir.path().join("slip.pdf");
    std::fs::write(&path, b"old").unwrap_or_else(|e| panic!("{e}"));
    let p = path.to_string_lossy().into_owned();
    let done = run(
        &demo,
        "",
        "",
        &[],
        &["print", "coupon", &number, "--pdf", &p],
    );
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    assert!(
        done.stdout.contains(&p),
        "the path is printed: {}",
        done.stdout
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path)
            .map(|m| m.permissions().mode())
            .unwrap_or(0);
        assert_eq!(mode & 0o777, 0o600);
    }
    let several = run(
        &demo,
        "",
        "",
        &[],
        &["print", "coupon", &number, "--pdf", &p, "--copies", "2"],
    );
    assert_eq!(several.code, Some(2), "{}", several.stderr);
}
