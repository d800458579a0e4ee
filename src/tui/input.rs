//! Waiting for the clerk's next key without being caught by a dropped connection.
//!
//! crossterm 0.29 reads its terminal in a loop that ends only on an event or on "would
//! block". Once an SSH connection drops, every read of the terminal returns 0 bytes, so
//! that loop never ends: the workstation would spin at full CPU for ever, the SIGHUP flag
//! never looked at and the clerk's draft never saved. So the kernel is asked first, with
//! poll(2) on the terminal: a hung-up terminal answers POLLHUP, and crossterm is then not
//! called again. (A hang-up in the microseconds between that poll and crossterm's read
//! is left to [`watchdog`].)

use ratatui::crossterm::event::{self, Event};
use rustix::event::{PollFd, PollFlags, Timespec, poll};
use std::io::{self, IsTerminal};
use std::os::fd::AsFd;
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

/// Ends the process if it has not ended `grace` after SIGHUP/SIGTERM: the last resort for
/// a hang-up that lands inside crossterm's read (see the module docs), where the event
/// loop never sees the flag. The draft saved at the last quiet moment is what remains.
pub(super) fn watchdog(hangup: Arc<AtomicBool>, grace: Duration) {
    std::thread::spawn(move || {
        while !hangup.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(500));
        }
        std::thread::sleep(grace);
        // 128 + SIGHUP, as a shell reports a process ended by a hang-up.
        std::process::exit(129);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::OwnedFd;

    /// A pseudo-terminal pair: (master, slave).
    fn pty() -> (OwnedFd, OwnedFd) {
        let master =
            rustix::pty::openpt(rustix::pty::OpenptFlags::RDWR | rustix::pty::OpenptFlags::NOCTTY)
                .unwrap_or_else(|e| panic!("{e}"));
        rustix::pty::grantpt(&master).unwrap_or_else(|e| panic!("{e}"));
        rustix::pty::unlockpt(&master).unwrap_or_else(|e| panic!("{e}"));
        let name = rustix::pty::ptsname(&master, Vec::new()).unwrap_or_else(|e| panic!("{e}"));
        let slave = rustix::fs::open(
            name.as_c_str(),
            rustix::fs::OFlags::RDWR | rustix::fs::OFlags::NOCTTY,
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
        assert_eq!(readiness(&slave, wait).ok(), Some(Readiness::Readable));
        // The clerk's SSH connection drops: the master side closes.
        drop(master);
        assert_eq!(readiness(&slave, wait).ok(), Some(Readiness::HungUp));
    }
}
