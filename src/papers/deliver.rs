//! Where a paper goes: a PDF file (written with the clerk's own rights, 0600), the
//! server's CUPS queue (`lp -d QUEUE`), or the clerk's own printer through the terminal
//! (printer controller mode, `ESC [5i` … `ESC [4i`, which PuTTY, KiTTY, mintty and xterm
//! pass to the local printer).
//!
//! Nothing here waits on a printer: a file is written, `lp` spools the job and exits, the
//! terminal takes the bytes. Nothing personal goes on a command line: `lp` gets the PDF on
//! its standard input and a title naming only the paper's kind.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Printer controller mode on (`CSI 5 i`) and off (`CSI 4 i`), ECMA-48 Media Copy.
pub const PRINT_ON: &[u8] = b"\x1b[5i";
pub const PRINT_OFF: &[u8] = b"\x1b[4i";

/// A delivery chosen by the clerk (or by the office's and the clerk's settings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// A PDF file at this path.
    Pdf(PathBuf),
    /// The server's CUPS queue.
    Lp { queue: String },
    /// The clerk's own printer, through their terminal.
    Terminal,
}

impl Delivery {
    /// The name the audit entry records.
    pub fn name(&self) -> &'static str {
        match self {
            Delivery::Pdf(_) => "pdf",
            Delivery::Lp { .. } => "lp",
            Delivery::Terminal => "terminal",
        }
    }
}

/// What became of the paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivered {
    File(PathBuf),
    /// Spooled; CUPS's request id when `lp` printed one.
    Queued {
        queue: String,
        job: Option<String>,
    },
    Terminal {
        bytes: usize,
    },
}

/// Why a paper was not delivered.
#[derive(Debug, thiserror::Error)]
pub enum DeliveryError {
    #[error("cannot write the PDF {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("no print queue: give --lp QUEUE or set print.queue in the office's settings")]
    NoQueue,
    #[error("the queue name {0:?} is not one CUPS takes (letters, digits, - _ . @ only)")]
    BadQueue(String),
    #[error("cannot run lp (CUPS): {0}")]
    LpMissing(std::io::Error),
    #[error("lp refused the job for queue {queue}: {message}")]
    Lp { queue: String, message: String },
    #[error(
        "terminal printing is not turned on for this clerk: set print.terminal = true in {}",
        path.display()
    )]
    TerminalNotChosen { path: PathBuf },
    #[error(
        "terminal printing does not work under {0}: it drops the printer controller sequence (ESC [5i); print to a file (--pdf) or the office's queue (--lp) instead"
    )]
    Multiplexer(&'static str),
    #[error("terminal printing needs a terminal: {0}")]
    NoTerminal(std::io::Error),
    #[error("the PDF holds the printer-off sequence ESC [4i and would end the print early")]
    WouldEndEarly,
    #[error("the terminal did not take the paper: {0}")]
    TerminalWrite(std::io::Error),
}

/// Delivers `bytes` as `delivery` says: `copies` copies (a PDF file is one), the paper's
/// `kind` naming the queue's job. Terminal printing is refused unless the clerk turned it
/// on in their preferences, and under tmux or mosh; `terminal` is where the clerk's
/// terminal is written (the workstation's own output, or /dev/tty for `kense print`).
pub fn deliver(
    bytes: &[u8],
    copies: u32,
    kind: &str,
    delivery: &Delivery,
    clerk: &crate::office::ClerkPrefs,
    terminal: &mut dyn Write,
) -> Result<Delivered, DeliveryError> {
    match delivery {
        Delivery::Pdf(path) => write_pdf(path, bytes),
        Delivery::Lp { queue } => to_queue(bytes, copies, queue, kind),
        Delivery::Terminal => {
            let tmux = std::env::var_os("TMUX");
            to_terminal(
                bytes,
                copies,
                terminal_allowed(clerk),
                tmux.as_deref(),
                terminal,
            )
        }
    }
}

/// Whether the clerk turned terminal printing on in their preferences.
pub fn terminal_allowed(clerk: &crate::office::ClerkPrefs) -> Result<(), DeliveryError> {
    if clerk.print.terminal {
        Ok(())
    } else {
        Err(DeliveryError::TerminalNotChosen {
            path: clerk.path.clone(),
        })
    }
}

/// Whether the paper can go through this terminal at all: turned on, and not under tmux
/// or mosh. Checked before a terminal is opened, so the refusal names the real reason.
pub fn check_terminal(clerk: &crate::office::ClerkPrefs) -> Result<(), DeliveryError> {
    terminal_allowed(clerk)?;
    match multiplexer(std::env::var_os("TMUX").as_deref()) {
        Some(name) => Err(DeliveryError::Multiplexer(name)),
        None => Ok(()),
    }
}

/// Writes `bytes` to `path`, private to the clerk (0600) even where the file was there,
/// with the clerk's own rights (issue 15): under the setgid installation the file is the
/// clerk's and of the clerk's group, and a path only the office's group may write (the
/// register's directory) is refused as it would be for the clerk.
pub fn write_pdf(path: &Path, bytes: &[u8]) -> Result<Delivered, DeliveryError> {
    let failed = |source| DeliveryError::Write {
        path: path.to_path_buf(),
        source,
    };
    crate::office::group::with_own_rights(|| write_file(path, bytes))
        .and_then(|written| written)
        .map_err(failed)?;
    Ok(Delivered::File(path.to_path_buf()))
}

/// [`write_pdf`]'s writing.
fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    // An existing file keeps its mode on open: a paper is personal data, so 0600.
    #[cfg(unix)]
    file.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Sends `bytes` to the CUPS queue with `lp -d QUEUE -n COPIES -t kense-KIND`, the PDF on
/// lp's standard input; waits only for lp to spool it.
pub fn to_queue(
    bytes: &[u8],
    copies: u32,
    queue: &str,
    kind: &str,
) -> Result<Delivered, DeliveryError> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "-_.@".contains(c);
    if queue.is_empty() || queue.starts_with('-') || !queue.chars().all(allowed) {
        return Err(DeliveryError::BadQueue(queue.to_string()));
    }
    // Issue 15: lp starts with the clerk's own rights, never the office's group (an exec
    // keeps the effective gid it is given); under setgid PATH is /usr/bin:/bin.
    let spawned = crate::office::group::with_own_rights(|| {
        Command::new("lp")
            .args(["-d", queue, "-n", &copies.max(1).to_string()])
            // No file named: lp reads the print file from its standard input (CUPS lp(1)).
            .args(["-t", &format!("kense-{kind}")])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
    });
    let mut child = spawned
        .and_then(|child| child)
        .map_err(DeliveryError::LpMissing)?;
    let written = match child.stdin.take() {
        Some(mut stdin) => stdin.write_all(bytes),
        None => Ok(()),
    };
    let output = child.wait_with_output().map_err(DeliveryError::LpMissing)?;
    let lp_error = |message: String| DeliveryError::Lp {
        queue: queue.to_string(),
        message,
    };
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr).trim().to_string();
        return Err(lp_error(if message.is_empty() {
            format!("exit {}", output.status)
        } else {
            message
        }));
    }
    written.map_err(|e| lp_error(format!("it stopped reading the paper: {e}")))?;
    // "request id is QUEUE-12 (1 file(s))"
    let said = String::from_utf8_lossy(&output.stdout);
    let job = said
        .split_whitespace()
        .skip_while(|w| *w != "is")
        .nth(1)
        .map(str::to_string);
    Ok(Delivered::Queued {
        queue: queue.to_string(),
        job,
    })
}

/// The terminal multiplexer or connection that would drop printer controller mode: tmux
/// (`TMUX` set) or mosh (a `mosh-server` among the process's ancestors).
pub fn multiplexer(tmux: Option<&std::ffi::OsStr>) -> Option<&'static str> {
    if tmux.is_some_and(|v| !v.is_empty()) {
        return Some("tmux");
    }
    under_mosh().then_some("mosh")
}

/// Walks the parent processes (Linux /proc) looking for mosh-server.
fn under_mosh() -> bool {
    let mut pid = std::process::id();
    for _ in 0..32 {
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            return false;
        };
        // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split at
        // the last ')'.
        let Some((head, tail)) = stat.rsplit_once(')') else {
            return false;
        };
        if head.contains("(mosh-server") {
            return true;
        }
        match tail.split_whitespace().nth(1).and_then(|p| p.parse().ok()) {
            Some(parent) if parent > 1 => pid = parent,
            _ => return false,
        }
    }
    false
}

/// The bytes the terminal gets: each copy wrapped in `ESC [5i` … `ESC [4i`.
pub fn wrap_for_terminal(bytes: &[u8], copies: u32) -> Result<Vec<u8>, DeliveryError> {
    if bytes.windows(PRINT_OFF.len()).any(|w| w == PRINT_OFF) {
        return Err(DeliveryError::WouldEndEarly);
    }
    let copies = copies.max(1) as usize;
    let mut out = Vec::with_capacity((bytes.len() + 8) * copies);
    for _ in 0..copies {
        out.extend_from_slice(PRINT_ON);
        out.extend_from_slice(bytes);
        out.extend_from_slice(PRINT_OFF);
    }
    Ok(out)
}

/// Sends the paper to the clerk's printer through `terminal`: refused unless the clerk
/// turned terminal printing on (`allowed`), and under tmux or mosh.
pub fn to_terminal(
    bytes: &[u8],
    copies: u32,
    allowed: Result<(), DeliveryError>,
    tmux: Option<&std::ffi::OsStr>,
    terminal: &mut dyn Write,
) -> Result<Delivered, DeliveryError> {
    allowed?;
    if let Some(name) = multiplexer(tmux) {
        return Err(DeliveryError::Multiplexer(name));
    }
    let wrapped = wrap_for_terminal(bytes, copies)?;
    if let Err(e) = terminal.write_all(&wrapped).and_then(|()| terminal.flush()) {
        // Cut off part-way, the terminal may still be feeding its printer: the printer-off
        // sequence is tried anyway, or every later screen would go to paper.
        let _ = terminal
            .write_all(PRINT_OFF)
            .and_then(|()| terminal.flush());
        return Err(DeliveryError::TerminalWrite(e));
    }
    Ok(Delivered::Terminal {
        bytes: wrapped.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_bytes_are_wrapped_per_copy() {
        let wrapped = wrap_for_terminal(b"%PDF-1.7 x", 2).unwrap_or_default();
        assert_eq!(
            wrapped,
            b"\x1b[5i%PDF-1.7 x\x1b[4i\x1b[5i%PDF-1.7 x\x1b[4i".to_vec()
        );
        assert!(matches!(
            wrap_for_terminal(b"a\x1b[4ib", 1),
            Err(DeliveryError::WouldEndEarly)
        ));
    }

    #[test]
    fn terminal_printing_is_refused_under_tmux_and_when_not_chosen() {
        let mut out = Vec::new();
        let tmux = std::ffi::OsStr::new("/tmp/tmux-1000/default,1,0");
        let refused = to_terminal(b"%PDF", 1, Ok(()), Some(tmux), &mut out);
        assert!(matches!(refused, Err(DeliveryError::Multiplexer("tmux"))));
        assert!(out.is_empty(), "nothing reaches the terminal");
        let not_chosen = Err(DeliveryError::TerminalNotChosen {
            path: PathBuf::from("clerk.toml"),
        });
        let refused = to_terminal(b"%PDF", 1, not_chosen, None, &mut out);
        assert!(matches!(
            refused,
            Err(DeliveryError::TerminalNotChosen { .. })
        ));
        assert!(out.is_empty());
    }

    #[test]
    fn a_queue_name_with_shell_or_option_characters_is_refused() {
        for queue in ["", "-o", "a b", "q;rm"] {
            let refused = to_queue(b"%PDF", 1, queue, "day");
            assert!(
                matches!(refused, Err(DeliveryError::BadQueue(_))),
                "{queue}"
            );
        }
    }
}
