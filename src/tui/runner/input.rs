//! Waiting for the clerk's next key without being caught by a dropped connection.
//!
//! crossterm 0.29 reads its terminal in a loop that ends only on an event or on "would
//! block". Once an SSH connection drops, every read of the terminal returns 0 bytes, so
//! that loop never ends: the workstation would spin at full CPU for ever, the SIGHUP flag
//! never looked at and the clerk's draft never saved. Two defences:
//! - [`next`] asks the kernel first, with poll(2) on the terminal: a hung-up terminal
//!   answers POLLHUP, and crossterm is then not called again;
//! - a hang-up that lands between that poll and crossterm's read (microseconds, but a
//!   loaded server stretches them, and CI once caught it) is undone by [`guard`]: it puts
//!   an empty pipe in the terminal's place, whose reads answer "would block", so
//!   crossterm's loop ends and the event loop sees the hang-up.

use ratatui::crossterm::event::{self, Event};
use rustix::event::{PollFd, PollFlags, Timespec, poll};
use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, OwnedFd};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// What waiting for the terminal gave.
#[derive(Debug)]
pub(super) enum Input {
    /// A key, a paste, a resize.
    Event(Event),
    /// Nothing came in the time given (or a signal cut the wait short).
    Quiet,
    /// The connection dropped, or SIGHUP/SIGTERM came: save and leave.
    HungUp,
}

/// How the terminal's file descriptor stands.
#[derive(Debug, PartialEq, Eq)]
enum Readiness {
    Readable,
    Quiet,
    HungUp,
}

/// poll(2) on `fd` for up to `timeout`.
fn readiness(fd: &impl AsFd, timeout: Duration) -> io::Result<Readiness> {
    let mut fds = [PollFd::new(fd, PollFlags::IN)];
    let timeout = Timespec::try_from(timeout).ok();
    match poll(&mut fds, timeout.as_ref()) {
        Ok(_) => {}
        // A signal (SIGWINCH, SIGHUP): the caller looks at its flags and comes back.
        Err(rustix::io::Errno::INTR) => return Ok(Readiness::Quiet),
        Err(e) => return Err(e.into()),
    }
    let revents = fds[0].revents();
    Ok(
        if revents.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
            Readiness::HungUp
        } else if revents.contains(PollFlags::IN) {
            Readiness::Readable
        } else {
            Readiness::Quiet
        },
    )
}

/// The next input within `timeout`. crossterm reads standard input when it is a terminal
/// (else `/dev/tty`, which is not watched here: the workstation always runs on its
/// standard input's terminal, and without one crossterm alone is asked, as before).
pub(super) fn next(timeout: Duration, hangup: &AtomicBool) -> io::Result<Input> {
    if hangup.load(Ordering::Relaxed) {
        return Ok(Input::HungUp);
    }
    let stdin = io::stdin();
    if !stdin.is_terminal() {
        return Ok(if event::poll(timeout)? {
            Input::Event(event::read()?)
        } else {
            Input::Quiet
        });
    }
    // Events crossterm has read already (a paste arrives in one read) come first; asking
    // for them is safe only while the terminal is not hung up.
    if readiness(&stdin, Duration::ZERO)? == Readiness::HungUp {
        return Ok(Input::HungUp);
    }
    if event::poll(Duration::ZERO)? {
        return Ok(Input::Event(event::read()?));
    }
    match readiness(&stdin, timeout)? {
        Readiness::HungUp => Ok(Input::HungUp),
        Readiness::Quiet => Ok(Input::Quiet),
        // Bytes that do not make an event yet (half an escape sequence) wait for more.
        Readiness::Readable if event::poll(Duration::ZERO)? => Ok(Input::Event(event::read()?)),
        Readiness::Readable => Ok(Input::Quiet),
    }
}

/// Whether more input can be read at once: the event loop then takes it before drawing, so
/// a burst of keys (typed ahead over a slow link, or pasted by a terminal without bracketed
/// paste) costs one frame instead of one per key.
pub(super) fn pending(hangup: &AtomicBool) -> io::Result<bool> {
    if hangup.load(Ordering::Relaxed) {
        return Ok(false);
    }
    let stdin = io::stdin();
    if !stdin.is_terminal() {
        return event::poll(Duration::ZERO);
    }
    match readiness(&stdin, Duration::ZERO)? {
        Readiness::HungUp => Ok(false),
        Readiness::Readable => Ok(true),
        // Events crossterm has read already, still to be taken.
        Readiness::Quiet => event::poll(Duration::ZERO),
    }
}

/// Watches for the end of the session from its own thread: a hung-up terminal (POLLHUP,
/// with or without a SIGHUP) or SIGHUP/SIGTERM. A hung-up terminal is taken away from
/// crossterm (see the module docs) and the flag raised, so the event loop saves the draft
/// and leaves. If the process has not ended `grace` later (the register stayed busy), it
/// ends here: the draft saved at the last quiet moment is what remains.
pub(super) fn guard(hangup: Arc<AtomicBool>, grace: Duration) {
    std::thread::spawn(move || {
        let stdin = io::stdin();
        let watch = stdin.is_terminal();
        let step = Duration::from_millis(500);
        let mut deadline = None;
        loop {
            // No events asked for: POLLHUP and POLLERR are reported all the same, and
            // the clerk's keys do not wake this thread up.
            let hung_up = watch && hung_up(&stdin, step);
            if hung_up {
                hangup.store(true, Ordering::Relaxed);
                // Failing that, the deadline below is all that is left.
                let _ = take_from_crossterm();
                break;
            }
            if hangup.load(Ordering::Relaxed) {
                // A signal with the terminal still up: the loop notices it within its
                // own wait; the terminal is watched on until the deadline all the same.
                let now = std::time::Instant::now();
                let end = *deadline.get_or_insert(now + grace);
                if now >= end {
                    exit_after_hangup();
                }
            }
            if !watch {
                std::thread::sleep(step);
            }
        }
        std::thread::sleep(grace);
        exit_after_hangup();
    });
}

/// Whether standard input is a terminal that has hung up, as of now.
pub(super) fn terminal_hung_up() -> bool {
    let stdin = io::stdin();
    stdin.is_terminal() && hung_up(&stdin, Duration::ZERO)
}

/// Whether the terminal `fd` hung up within `timeout`. A poll that fails (other than by a
/// signal) waits out the timeout, so a lasting failure cannot make its caller spin.
fn hung_up(fd: &impl AsFd, timeout: Duration) -> bool {
    let mut fds = [PollFd::new(fd, PollFlags::empty())];
    match poll(&mut fds, Timespec::try_from(timeout).ok().as_ref()) {
        Ok(_) => fds[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
        Err(rustix::io::Errno::INTR) => false,
        Err(_) => {
            std::thread::sleep(timeout);
            false
        }
    }
}

/// Puts an empty non-blocking pipe where standard input was. Its write end is kept open
/// (and left to the process's end), so reads answer "would block", never 0 bytes.
/// Restoring the terminal afterwards goes through /dev/tty, which crossterm opens itself
/// when standard input is not a terminal.
fn take_from_crossterm() -> io::Result<()> {
    let (empty, keep_open) = empty_pipe()?;
    rustix::stdio::dup2_stdin(&empty)?;
    std::mem::forget(keep_open);
    Ok(())
}

fn empty_pipe() -> io::Result<(OwnedFd, OwnedFd)> {
    Ok(rustix::pipe::pipe_with(
        rustix::pipe::PipeFlags::NONBLOCK | rustix::pipe::PipeFlags::CLOEXEC,
    )?)
}

fn exit_after_hangup() -> ! {
    std::process::exit(i32::from(super::HUNG_UP_EXIT))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pseudo-terminal pair: (master, slave).
    fn pty() -> (OwnedFd, OwnedFd) {
        let master = rustix::pty::openpt(
            rustix::pty::OpenptFlags::RDWR
                | rustix::pty::OpenptFlags::NOCTTY
                | rustix::pty::OpenptFlags::CLOEXEC,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        rustix::pty::grantpt(&master).unwrap_or_else(|e| panic!("{e}"));
        rustix::pty::unlockpt(&master).unwrap_or_else(|e| panic!("{e}"));
        let name = rustix::pty::ptsname(&master, Vec::new()).unwrap_or_else(|e| panic!("{e}"));
        let slave = rustix::fs::open(
            name.as_c_str(),
            rustix::fs::OFlags::RDWR | rustix::fs::OFlags::NOCTTY | rustix::fs::OFlags::CLOEXEC,
            rustix::fs::Mode::empty(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        (master, slave)
    }

    #[test]
    fn a_terminal_reads_quiet_then_readable_then_hung_up() {
        let (master, slave) = pty();
        let wait = Duration::from_millis(20);
        assert_eq!(readiness(&slave, wait).ok(), Some(Readiness::Quiet));
        rustix::io::write(&master, b"a\n").unwrap_or_else(|e| panic!("{e}"));
        // The kernel hands the bytes to the slave side a moment later, longer on a loaded
        // machine: the wait ends as soon as they are there.
        let arrive = Duration::from_secs(5);
        assert_eq!(readiness(&slave, arrive).ok(), Some(Readiness::Readable));
        // The clerk's SSH connection drops: the master side closes.
        drop(master);
        assert_eq!(readiness(&slave, wait).ok(), Some(Readiness::HungUp));
    }

    #[test]
    fn the_guard_sees_a_hang_up_and_not_the_keys() {
        let (master, slave) = pty();
        let wait = Duration::from_millis(20);
        assert!(!hung_up(&slave, wait));
        rustix::io::write(&master, b"a\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            readiness(&slave, Duration::from_secs(5)).ok(),
            Some(Readiness::Readable)
        );
        assert!(!hung_up(&slave, wait), "keys are not a hang-up");
        drop(master);
        assert!(hung_up(&slave, wait));
    }

    #[test]
    fn an_empty_pipe_in_place_of_a_hung_up_terminal_ends_a_read_loop() {
        let (master, mut slave) = pty();
        drop(master);
        let mut buf = [0u8; 64];
        // What keeps crossterm's read loop going for ever: 0 bytes, again and again.
        assert_eq!(rustix::io::read(&slave, &mut buf).ok(), Some(0));
        assert_eq!(rustix::io::read(&slave, &mut buf).ok(), Some(0));
        // What the guard does to standard input, done here to the terminal's descriptor.
        let (empty, _keep_open) = empty_pipe().unwrap_or_else(|e| panic!("{e}"));
        rustix::io::dup2(&empty, &mut slave).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            rustix::io::read(&slave, &mut buf).err(),
            Some(rustix::io::Errno::AGAIN),
            "reads answer \"would block\", which ends crossterm's loop"
        );
    }
}
