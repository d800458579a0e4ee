//! Personal data from standard input instead of the command line (issue 15): a filter
//! given as `-` (`--iin -`) is read from the first line of standard input, so the IIN or
//! the name never shows in `ps`, `/proc/PID/cmdline` or the shell's history.

use std::io::{BufRead, Read};

/// A line longer than this is no filter: refused rather than read without end.
const MAX_LINE: u64 = 4096;

/// `value`, or when it is `-`, the first line of `input` (trimmed). Only one option of a
/// command may be `-`: standard input has one first line. The error names the option.
pub fn value_or_line(
    flag: &str,
    value: Option<String>,
    input: &mut impl BufRead,
    taken: &mut bool,
) -> Result<Option<String>, String> {
    match value {
        Some(v) if v == "-" => {
            if *taken {
                return Err(format!(
                    "{flag} -: only one option may be read from standard input"
                ));
            }
            *taken = true;
            let mut line = String::new();
            input
                .take(MAX_LINE)
                .read_line(&mut line)
                .map_err(|e| format!("{flag} -: cannot read standard input: {e}"))?;
            if !line.ends_with('\n') && line.len() as u64 >= MAX_LINE {
                return Err(format!(
                    "{flag} -: the line is longer than {MAX_LINE} bytes"
                ));
            }
            let line = line.trim();
            if line.is_empty() {
                return Err(format!(
                    "{flag} -: standard input has no value on its first line"
                ));
            }
            Ok(Some(line.to_string()))
        }
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests {
    use super::value_or_line;

    #[test]
    fn a_dash_reads_the_first_line_once() {
        let mut input = "900517300128\nrest\n".as_bytes();
        let mut taken = false;
        let read = value_or_line("--iin", Some("-".into()), &mut input, &mut taken);
        assert_eq!(read, Ok(Some("900517300128".into())));
        let again = value_or_line("--name", Some("-".into()), &mut input, &mut taken);
        assert!(again.is_err_and(|e| e.starts_with("--name -")));
        let plain = value_or_line("--name", Some("ақж".into()), &mut input, &mut taken);
        assert_eq!(plain, Ok(Some("ақж".into())));
        let mut empty = "".as_bytes();
        let none = value_or_line("--iin", Some("-".into()), &mut empty, &mut false);
        assert!(none.is_err());
    }
}
