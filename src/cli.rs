//! The command line: parses arguments with clap and prints what the library finds.
//!
//! Exit status: 0 when something was printed, 1 when a lookup found nothing (or output
//! failed), 2 on bad arguments (clap's own convention).

use crate::codes::{self, Entry, Kind, Rank, Searcher};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use std::borrow::Cow;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Parser)]
#[command(
    name = "kense",
    version,
    about = "Kense (кеңсе): the clerk's workstation for identity-document formularies and DSN codes",
    arg_required_else_help = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find codes in every directory by code or by name (Kazakh, Russian or Latin letters).
    Lookup {
        /// A code ("1902 204", "204", "08", "053") or a name ("akkol", "Ақкөл", "аккол").
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Search one directory only.
        #[arg(long, value_name = "KIND", value_parser = kind_parser())]
        kind: Option<Kind>,
        /// Print at most this many matches, best first; 0 prints all.
        #[arg(long, value_name = "N", default_value_t = 20)]
        limit: usize,
        #[command(flatten)]
        format: Format,
    },
    /// Print one whole directory in the document's order.
    Codes {
        /// The directory.
        #[arg(value_name = "KIND", value_parser = kind_parser())]
        kind: Kind,
        #[command(flatten)]
        format: Format,
    },
}

#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct Format {
    /// Print a JSON array of objects.
    #[arg(long)]
    json: bool,
    /// Print tab-separated values with a header row.
    #[arg(long)]
    tsv: bool,
}

fn kind_parser() -> impl TypedValueParser<Value = Kind> {
    PossibleValuesParser::new(Kind::ALL.map(Kind::name)).try_map(|name| name.parse::<Kind>())
}

/// Parses the process arguments and runs the command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = run(cli.command, &mut out).and_then(|code| out.flush().map(|()| code));
    match result {
        Ok(code) => code,
        // The reader went away (`kense codes district | head`): nothing left to say.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kense: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs one command, writing its output to `out`.
pub fn run(command: Command, out: &mut impl Write) -> io::Result<ExitCode> {
    match command {
        Command::Lookup {
            query,
            kind,
            limit,
            format,
        } => {
            let hits = Searcher::new().search(&query.join(" "), kind);
            if hits.is_empty() {
                eprintln!("kense: nothing matches {:?}", query.join(" "));
                return Ok(ExitCode::from(1));
            }
            let shown = if limit == 0 {
                hits.len()
            } else {
                limit.min(hits.len())
            };
            let rows: Vec<Vec<(&str, Cow<str>)>> = hits[..shown]
                .iter()
                .map(|hit| lookup_record(hit.entry))
                .collect();
            if format.json {
                let values: Vec<serde_json::Value> = hits[..shown]
                    .iter()
                    .map(|hit| with_rank(hit.entry, hit.rank))
                    .collect();
                write_json(out, &values)?;
            } else if format.tsv {
                write_tsv(out, &rows)?;
            } else {
                write_table(out, &rows)?;
            }
            if shown < hits.len() {
                eprintln!(
                    "kense: {} more matches not shown; --limit 0 shows all",
                    hits.len() - shown
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Codes { kind, format } => {
            let entries = codes::entries(kind);
            if format.json {
                write_json(out, &entries)?;
            } else {
                let rows: Vec<_> = entries.iter().map(|e| directory_record(*e)).collect();
                if format.tsv {
                    write_tsv(out, &rows)?;
                } else {
                    write_table(out, &rows)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn with_rank(entry: Entry, rank: Rank) -> serde_json::Value {
    let mut value = serde_json::to_value(entry).unwrap_or(serde_json::Value::Null);
    if let Some(map) = value.as_object_mut() {
        map.insert("match".into(), rank.name().into());
    }
    value
}

type Record = Vec<(&'static str, Cow<'static, str>)>;

/// The four columns every lookup line has, whatever the directory.
fn lookup_record(entry: Entry) -> Record {
    vec![
        ("kind", Cow::Borrowed(entry.kind().name())),
        ("code", entry.code()),
        ("name_kk", Cow::Borrowed(entry.name_kk())),
        ("name_ru", Cow::Borrowed(entry.name_ru().unwrap_or(""))),
    ]
}

/// All columns of a directory's row, named as in `data/` (without the translation
/// suffixes) and in JSON.
fn directory_record(entry: Entry) -> Record {
    let flag = |b: bool| Cow::Borrowed(if b { "true" } else { "false" });
    match entry {
        Entry::District(d) => vec![
            ("region_code", d.region_code.into()),
            ("district_code", d.district_code.into()),
            ("name_kk", d.name_kk.into()),
            ("name_ru", d.name_ru.into()),
            ("region_name_kk", d.region_name_kk.into()),
            ("region_name_ru", d.region_name_ru.into()),
        ],
        Entry::Filling(f) => vec![
            ("code", f.code.into()),
            ("name_ru", f.name_ru.into()),
            ("name_kk", f.name_kk.into()),
            ("name_en", f.name_en.into()),
        ],
        Entry::DsnUnit(u) => vec![
            ("code", u.code.into()),
            ("name_kk", u.name_kk.into()),
            ("marked", flag(u.marked)),
            ("region_name_kk", u.region_name_kk.into()),
            ("region_marked", flag(u.region_marked)),
        ],
        Entry::DsnCountry(_) | Entry::DsnProduct(_) => vec![
            ("code", entry.code()),
            ("name_kk", entry.name_kk().into()),
            ("name_ru", entry.name_ru().unwrap_or("").into()),
        ],
    }
}

fn write_json(out: &mut impl Write, value: &impl serde::Serialize) -> io::Result<()> {
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
        writer.write_record(row.iter().map(|(_, value)| value.as_ref()))?;
    }
    writer.flush()
}

/// Columns padded to the widest cell, two spaces apart; no header, for reading.
fn write_table(out: &mut impl Write, rows: &[Record]) -> io::Result<()> {
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
                let pad = widths[c].saturating_sub(value.width()) + 2;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
