//! Output formats shared by the commands: a JSON array, TSV with a header, or a plain
//! table for reading.

use super::Format;
use serde::Serialize;
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
        writer.write_record(row.iter().map(|(_, value)| value))?;
    }
    writer.flush()
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
