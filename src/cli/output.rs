//! Output formats shared by the commands: a JSON array, TSV with a header, or a plain
//! table for reading.

use super::Format;
use serde::Serialize;
use std::borrow::Cow;
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// One output line: (column name, text).
pub type Record = Vec<(&'static str, String)>;

pub fn write_rows(out: &mut impl Write, format: Format, rows: &[Record]) -> io::Result<()> {
    if format.tsv {
        write_tsv(out, rows)
    } else {
        write_table(out, rows)
    }
}

pub fn write_json(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

fn write_tsv(out: &mut impl Write, rows: &[Record]) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .quote_style(csv::QuoteStyle::Never)
        .from_writer(out);
    if let Some(first) = rows.first() {
        writer.write_record(first.iter().map(|(header, _)| *header))?;
    }
    for row in rows {
        writer.write_record(row.iter().map(|(_, value)| csv_cell(value).into_owned()))?;
    }
    writer.flush()
}

/// A CSV or TSV cell as a spreadsheet may safely open it (issue 15): a cell beginning
/// with `=`, `+`, `-` or `@` (or a tab or carriage return before one) would be read as a
/// formula (`=HYPERLINK(…)` sending the register away), so it gets a leading apostrophe,
/// which spreadsheets show as text. Every CSV and TSV writer of the CLI uses it.
pub fn csv_cell(value: &str) -> Cow<'_, str> {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{value}")),
        _ => Cow::Borrowed(value),
    }
}

/// Columns padded to the widest cell, two spaces apart; no header, for reading.
pub fn write_table(out: &mut impl Write, rows: &[Record]) -> io::Result<()> {
    let columns = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|(_, v)| v.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = String::new();
        for (c, (_, value)) in row.iter().enumerate() {
            line.push_str(value);
            if c + 1 < columns {
                let width = widths.get(c).copied().unwrap_or(0);
                let pad = width.saturating_sub(value.width()) + 2;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// A JSON parse error's message without the value it quotes: serde says `invalid type:
/// integer `900514300012`, expected a string`, and that value may be an IIN or a name,
/// which must not end up on terminals and in shell logs. What is kept: the kind of value
/// found, what was expected, and the position; the caller prints the field's path.
/// Field names (`unknown field `x``) are kept: they are the file's keys, not its data.
pub fn redact_json_error(message: &str) -> String {
    if message.starts_with("unknown field") {
        return message.to_string();
    }
    // What was expected is the schema's, not the file's: kept as serde says it.
    match message.find(", expected") {
        Some(at) => format!("{}{}", without_quoted(&message[..at]), &message[at..]),
        None => without_quoted(message),
    }
}

/// `text` without its `…` and "…" quoted parts, spaces tidied.
fn without_quoted(text: &str) -> String {
    let message = text;
    let mut kept = String::with_capacity(message.len());
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in message.chars() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' && q == '"' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '`' || c == '"' => quote = Some(c),
            None => kept.push(c),
        }
    }
    // "integer , expected" → "integer, expected"; doubled spaces from removed values.
    let kept = kept.replace(" ,", ",");
    kept.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::{csv_cell, redact_json_error};

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised() {
        for formula in ["=1+1", "+7", "-2+3", "@SUM(A1)", "\t=1"] {
            assert_eq!(csv_cell(formula), format!("'{formula}"));
        }
        for plain in ["2026-0000001", "Ахметов", "", "0", "a=b"] {
            assert_eq!(csv_cell(plain), plain);
        }
    }

    #[test]
    fn values_quoted_by_serde_are_left_out() {
        assert_eq!(
            redact_json_error("invalid type: integer `900514300012`, expected a string"),
            "invalid type: integer, expected a string"
        );
        assert_eq!(
            redact_json_error(r#"invalid type: string "АҚЖОЛ \"x\" 1", expected u8 at line 1"#),
            "invalid type: string, expected u8 at line 1"
        );
        assert_eq!(
            redact_json_error("unknown variant `secret`, expected `male` or `female`"),
            "unknown variant, expected `male` or `female`"
        );
        assert_eq!(
            redact_json_error("unknown field `colour`, expected `iin`"),
            "unknown field `colour`, expected `iin`"
        );
    }
}
