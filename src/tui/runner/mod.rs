//! The runner: everything that touches the terminal or the register. It starts the
//! terminal, reads keys, asks the App what they do, carries out the effects on the register
//! (`store_link`) and draws a frame when something changed.
//!
//! Built for thin terminals over SSH, where bytes and round trips cost, not CPU:
//! - nothing is drawn unless an action changed something, so an idle screen sends nothing;
//! - frames go out through one buffer (`backend`), wrapped in synchronized-update sequences;
//! - the terminal is never asked anything at start (no cursor-position or keyboard-protocol
//!   queries, which stall for seconds over SSH), and no mouse capture;
//! - the terminal is restored on quit, on panic, and on SIGHUP/SIGTERM (a dropped SSH
//!   connection, `input`).

pub mod backend;
mod input;
pub mod printer;
mod store_link;

pub use store_link::{Next, StoreLink, office_terms};

use super::action::Action;
use super::app::{App, Effect, Session};
use super::keys;
use super::ui::theme::Theme;
use crate::domain::Lang;
use base64::Engine;
use ratatui::Terminal;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::style::{Attribute, SetAttribute};
use ratatui::crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
    disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, event, execute, queue};
use ratatui::layout::Rect;
use std::io::{self, BufWriter, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

/// The longest a frame waits for a burst of keys to end.
const BURST: Duration = Duration::from_millis(100);
/// The longest quitting waits for papers still on their way (issue 13), so that a paper
/// written or spooled is audited before the workstation ends.
const PRINTS_AT_QUIT: Duration = Duration::from_secs(10);

// Sends only what changed between frames (issue 7, bytes per keystroke).
type Backend = backend::LeanBackend<BufWriter<Stdout>>;

/// How the workstation starts.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    pub theme: Theme,
    pub session: Session,
    /// The office's region and district of its settings: a new formulary's codes.
    pub office_codes: crate::tui::screens::formulary::OfficeCodes,
}

/// Exit status of a workstation whose connection dropped: 128 + SIGHUP, as a shell
/// reports a process ended by a hang-up, whether the event loop or the guard ends it.
pub const HUNG_UP_EXIT: u8 = 129;

/// How a session of the workstation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The clerk quit; the terminal is given back as it was.
    Quit,
    /// The connection dropped (or SIGHUP/SIGTERM came): the draft is kept, and there was
    /// no terminal left to restore or to report to.
    HungUp,
}

/// Runs the workstation until the clerk quits or the connection drops, on `store` (or
/// without a register, saying why).
pub fn run(
    options: Options,
    store: Result<crate::store::Store, crate::store::StoreError>,
) -> io::Result<Ended> {
    let hangup = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGHUP, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&hangup))?;
    }
    install_panic_hook();
    // Saving the draft on a hang-up takes a moment, and may wait for the register.
    input::guard(Arc::clone(&hangup), Duration::from_secs(20));
    let mut terminal = enter()?;
    let printer = printer::Printer::load(options.lang);
    let link = StoreLink::new(store, options.lang, options.session.clock)
        .with_printer(printer)
        .with_terms(office_terms());
    let result = event_loop(&mut terminal, options, link, &hangup);
    // Restore whatever happened; a failure to restore is worth less than the loop's error.
    let restored = leave(&mut terminal);
    // A frame can fail on the closed terminal before the hang-up is seen: ask once more.
    if hangup.load(std::sync::atomic::Ordering::Relaxed) || input::terminal_hung_up() {
        // The errors of writing to a terminal that is gone say nothing new.
        return Ok(Ended::HungUp);
    }
    // Papers that did not finish in time are said on the terminal the clerk gets back, so
    // they are printed again; by kind and number only (issue 13).
    if let Ok(unfinished) = &result {
        for paper in unfinished {
            eprintln!("kense: {paper}");
        }
    }
    result.and(restored).map(|_| Ended::Quit)
}

fn enter() -> io::Result<Terminal<Backend>> {
    enable_raw_mode()?;
    let mut out = backend::LeanBackend::new(BufWriter::new(io::stdout()));
    // A paste arrives as one event (`Action::Paste`): its tabs and newlines go into the
    // field as text instead of moving between fields or registering, and it costs one
    // validation, not one per letter.
    queue!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    // Through the backend, which then knows the cursor is hidden and need not say it again.
    ratatui::backend::Backend::hide_cursor(&mut out)?;
    out.flush()?;
    // The size comes from the kernel (TIOCGWINSZ), not from a question to the terminal.
    Terminal::new(out)
}

fn leave(terminal: &mut Terminal<Backend>) -> io::Result<()> {
    let backend = terminal.backend_mut();
    // The backend keeps its colours between frames: give the shell a plain pen back.
    let reset = backend.reset_style();
    let left = queue!(backend, DisableBracketedPaste, LeaveAlternateScreen);
    // Through the terminal, which then knows and does not show it again when dropped.
    let shown = terminal.show_cursor();
    let flushed = terminal.backend_mut().flush();
    disable_raw_mode()
        .and(reset)
        .and(left)
        .and(shown)
        .and(flushed)
}

/// On panic, give the clerk the terminal back before the message is printed.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = disable_raw_mode();
        // A plain pen first: the backend keeps colours set between frames.
        let _ = execute!(
            io::stdout(),
            SetAttribute(Attribute::Reset),
            DisableBracketedPaste,
            LeaveAlternateScreen,
            cursor::Show
        );
        previous(info);
    }));
}

/// Runs the session; its answer is the papers not finished when the clerk quit.
fn event_loop(
    terminal: &mut Terminal<Backend>,
    options: Options,
    mut link: StoreLink,
    hangup: &AtomicBool,
) -> io::Result<Vec<String>> {
    let size = terminal.size()?;
    let mut app = App::new(
        options.lang,
        options.theme,
        Rect::new(0, 0, size.width, size.height),
        options.session,
    );
    app.set_office_codes(options.office_codes);
    link.restore_draft(&mut app);
    link.begin(&mut app);
    // PDF files go where the workstation was started, as `kense print` writes them.
    let dir = std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from("."));
    app.set_print_setup(link.printer().setup(dir));
    let served = serve(terminal, &mut app, &mut link, hangup);
    // Whatever ended the loop, this workstation is no longer open on the register.
    link.end();
    if served.is_err() {
        // The terminal could no longer be written or read: most often the connection
        // dropped while a frame was going out. What the clerk typed is kept all the same.
        let effect = app.update(Action::Tick);
        link.perform(&mut app, effect);
    }
    served
}

/// The loop of keys and frames, until the clerk quits or the connection drops; then the
/// papers not finished (said after the terminal is restored).
fn serve(
    terminal: &mut Terminal<Backend>,
    app: &mut App,
    link: &mut StoreLink,
    hangup: &AtomicBool,
) -> io::Result<Vec<String>> {
    let mut dirty = true;
    // Since when a frame has waited for keys still coming; never longer than `BURST`, so a
    // long burst still shows what it typed.
    let mut deferred: Option<Instant> = None;
    loop {
        if dirty {
            let since = *deferred.get_or_insert_with(Instant::now);
            if since.elapsed() < BURST && input::pending(hangup)? {
                // Take the next key first: one frame for a burst.
            } else {
                draw(terminal, app)?;
                dirty = false;
                deferred = None;
            }
        }
        // Issue 13: a paper for the clerk's printer goes through this terminal here, after
        // the frame saying "printing…" and before the next; then the screen is drawn whole.
        if link.print_to_terminal(app, terminal.backend_mut()) {
            terminal.clear()?;
            dirty = true;
            continue;
        }
        if link.collect_prints(app) {
            dirty = true;
            continue;
        }
        // The timeout only bounds how late a signal is noticed (and, while a paper is on its
        // way, how late its end is said); an idle wait writes nothing.
        let wait = if link.printer().busy() { 100 } else { 250 };
        let event = match input::next(Duration::from_millis(wait), hangup)? {
            input::Input::Event(event) => event,
            input::Input::Quiet => {
                // A quiet moment: keep what the clerk typed.
                let effect = app.update(Action::Tick);
                if let Next::Redraw = link.perform(app, effect) {
                    dirty = true;
                }
                // Another clerk may have written: the screen showing is read again.
                dirty |= link.quiet(app);
                // The session holding the clerk's draft may have ended (issue 11).
                dirty |= link.take_over_draft(app);
                continue;
            }
            input::Input::HungUp => {
                // The connection dropped: keep what the clerk typed, then leave; a paper
                // already written or spooled is audited first, as at a quit.
                let effect = app.update(Action::Tick);
                link.perform(app, effect);
                // No terminal to say anything on.
                link.finish_prints(app, PRINTS_AT_QUIT);
                return Ok(Vec::new());
            }
        };
        if let event::Event::Resize(width, height) = event {
            app.resize(Rect::new(0, 0, width, height));
        }
        let Some(action) = keys::action_for(&event, app.context()) else {
            continue;
        };
        match app.update(action) {
            Effect::Copy(text) => {
                copy_to_clipboard(terminal.backend_mut(), &text)?;
                dirty = true;
            }
            Effect::Quit => {
                // Whatever was typed since the last save is kept for next time.
                let effect = app.update(Action::Tick);
                link.perform(app, effect);
                // A paper written or spooled is audited before the workstation ends; the
                // wait is said on the screen first.
                // A frame that could not be drawn (the connection going) does not lose the
                // papers left: they are still said on the terminal given back.
                let (unfinished, _shown) =
                    link.finish_prints_at_quit(app, PRINTS_AT_QUIT, |app| draw(terminal, app));
                return Ok(unfinished);
            }
            effect => match link.perform(app, effect) {
                Next::Nothing => {}
                Next::Redraw => dirty = true,
                Next::Quit => return Ok(Vec::new()),
            },
        }
    }
}

fn draw(terminal: &mut Terminal<Backend>, app: &App) -> io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| app.draw(frame))?;
    queue!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    terminal.backend_mut().flush()
}

/// OSC 52: the clerk's own terminal puts the text on its clipboard, also over SSH.
fn copy_to_clipboard(out: &mut impl Write, text: &str) -> io::Result<()> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}
