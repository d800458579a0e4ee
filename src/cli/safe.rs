//! Everything the command line prints goes through [`Escaping`] (issue 15): no byte a
//! clerk typed or a file held reaches the terminal as a control sequence.
//!
//! Input refuses control characters (`crate::domain::text`), but a register written before
//! that, a file name, or an error message quoting what was typed may still carry them. An
//! `ESC ] 52` in a move's note, printed by `formulary show`, would set the reader's
//! clipboard. So the output stream itself shows every such character as `\uXXXX` (a JSON
//! escape too, so `--json` output still parses to the same strings) and every byte that is
//! not UTF-8 as `\xNN`; only newline and tab, which lay out the output, pass as they are.

use crate::domain::text::is_forbidden;
use std::io::{self, Write};

/// A writer that escapes what could drive a terminal, then writes to `inner`.
#[derive(Debug)]
pub struct Escaping<W: Write> {
    inner: W,
    /// The start of a UTF-8 sequence cut by the end of the last write (at most 3 bytes).
    pending: Vec<u8>,
}

impl<W: Write> Escaping<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }
}

/// `text` escaped into `out`: newline and tab kept, the other forbidden characters as
/// `\uXXXX`.
fn push_escaped(text: &str, out: &mut Vec<u8>) {
    for c in text.chars() {
        if c != '\n' && c != '\t' && is_forbidden(c) {
            out.extend_from_slice(format!("\\u{:04x}", u32::from(c)).as_bytes());
        } else {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
}

impl<W: Write> Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut bytes = std::mem::take(&mut self.pending);
        bytes.extend_from_slice(buf);
        let mut out = Vec::with_capacity(bytes.len());
        let mut rest: &[u8] = &bytes;
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    push_escaped(text, &mut out);
                    rest = &[];
                    break;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    if let Ok(text) = std::str::from_utf8(valid) {
                        push_escaped(text, &mut out);
                    }
                    match e.error_len() {
                        Some(n) => {
                            let (bad, next) = after.split_at(n.min(after.len()));
                            for b in bad {
                                out.extend_from_slice(format!("\\x{b:02x}").as_bytes());
                            }
                            rest = next;
                        }
                        // A sequence cut by the end of this write: kept for the next.
                        None => {
                            rest = after;
                            break;
                        }
                    }
                }
            }
        }
        let kept = rest.to_vec();
        self.inner.write_all(&out)?;
        self.pending = kept;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl<W: Write> Drop for Escaping<W> {
    /// A sequence still cut at the end is no character: its bytes are shown, not sent.
    fn drop(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        let shown: String = pending.iter().map(|b| format!("\\x{b:02x}")).collect();
        let _ = self.inner.write_all(shown.as_bytes());
        let _ = self.inner.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::Escaping;
    use std::io::Write;

    fn through(parts: &[&[u8]]) -> String {
        let mut out = Vec::new();
        {
            let mut w = Escaping::new(&mut out);
            for part in parts {
                assert_eq!(w.write(part).ok(), Some(part.len()));
            }
        }
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn control_sequences_are_shown_not_sent() {
        assert_eq!(
            through(&[b"note: \x1b]52;c;ZXZpbA==\x07 done\n"]),
            "note: \\u001b]52;c;ZXZpbA==\\u0007 done\n"
        );
        assert_eq!(
            through(&["a\tb\r\u{9b}\u{202e}\n".as_bytes()]),
            "a\tb\\u000d\\u009b\\u202e\n"
        );
    }

    #[test]
    fn characters_cut_between_writes_are_kept_whole() {
        let text = "Ақкөл";
        let bytes = text.as_bytes();
        assert_eq!(through(&[&bytes[..1], &bytes[1..4], &bytes[4..]]), text);
    }

    #[test]
    fn bytes_that_are_not_utf8_are_shown() {
        assert_eq!(through(&[b"a\x9b[31mb"]), "a\\x9b[31mb");
        assert_eq!(through(&[b"a\xd0"]), "a\\xd0", "cut at the very end");
    }

    #[test]
    fn escaped_json_still_parses_to_the_same_strings() {
        let value = serde_json::json!({ "note": "x\u{202e}y\u{85}\u{1b}" });
        let printed = through(&[value.to_string().as_bytes()]);
        assert!(!printed.contains('\u{202e}'), "{printed}");
        let back: serde_json::Value = serde_json::from_str(&printed).unwrap_or_default();
        assert_eq!(back, value);
    }
}
