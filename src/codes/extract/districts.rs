//! M-App2: the directory of region and district codes, from document 000.
//!
//! The table reaches us as a PDF extraction: a row is "RRRR DDD" and then the Kazakh and
//! the Russian name, each of which may wrap over lines, and the Russian one may stand in a
//! block of its own after a blank line. Region headings ("А Қ М О Л А  О Б Л Ы С Ы" over
//! "АКМОЛИНСКАЯ ОБЛАСТЬ") float away from their rows, down past rows of the region before.
//! So a row's region is never taken from the heading above it: the region code in the
//! row says where it belongs, and a heading is tied to a region code by the first row
//! that follows it.

use super::clean::{leading_code, words};
use super::{DistrictRow, ExtractError};

/// The line that closes the header of the table; rows and headings follow it.
const TABLE_START: &str = "Наименование (каз.)";

/// The word that ends a Kazakh district name ("district"); what follows it is Russian.
const KK_DISTRICT: &str = "АУДАНЫ";
/// The word that ends a Kazakh region name ("region").
const KK_REGION: &str = "ОБЛЫСЫ";

struct Row {
    region_code: String,
    district_code: String,
    words: Vec<String>,
}

impl Row {
    /// Splits the row's words into the Kazakh and the Russian name. A Kazakh district name
    /// ends with "АУДАНЫ"; a city or special row has no such word and its two names have
    /// as many words each ("ҚР ІІМ КҚҚК" / "КМС МВД РК"). `None` while the row is not
    /// complete: its Russian name is still to come in a later block.
    fn split(&self) -> Option<(String, String)> {
        let at = match self.words.iter().position(|w| w == KK_DISTRICT) {
            Some(i) => i + 1,
            None if self.words.len().is_multiple_of(2) => self.words.len() / 2,
            None => return None,
        };
        let (kk, ru) = self.words.split_at(at);
        (!kk.is_empty() && !ru.is_empty()).then(|| (kk.join(" "), ru.join(" ")))
    }
}

struct Heading {
    lines: Vec<Vec<String>>,
    /// Index of the first row after the heading: that row's region code is the heading's.
    next_row: usize,
}

impl Heading {
    /// The Kazakh and Russian names of the region, and whether the heading gave only one.
    /// Written "KK / RU", or with the Kazakh name ending in "ОБЛЫСЫ", or as two lines.
    fn names(&self) -> Option<(String, String)> {
        let all: Vec<&String> = self.lines.iter().flatten().collect();
        let join = |ws: &[&String]| ws.iter().map(|w| w.as_str()).collect::<Vec<_>>().join(" ");
        if let Some(i) = all.iter().position(|w| *w == "/") {
            return Some((join(&all[..i]), join(&all[i + 1..])));
        }
        if let Some(i) = all.iter().position(|w| *w == KK_REGION) {
            return Some((join(&all[..=i]), join(&all[i + 1..])));
        }
        match self.lines.as_slice() {
            [kk, ru] => Some((kk.join(" "), ru.join(" "))),
            _ => None,
        }
    }
}

/// Extracts every district row of M-App2 from the text of document 000.
pub fn districts(doc: &str) -> Result<Vec<DistrictRow>, ExtractError> {
    let start = doc
        .lines()
        .position(|l| l.contains(TABLE_START))
        .ok_or_else(|| ExtractError::new("M-App2", "table header not found"))?;

    let mut rows: Vec<Row> = Vec::new();
    let mut headings: Vec<Heading> = Vec::new();
    enum Open {
        Nothing,
        Row,
        Heading,
    }
    let mut open = Open::Nothing;
    let mut after_blank = false;
    for line in doc.lines().skip(start + 1) {
        let line_words = words(line);
        if line_words.is_empty() {
            after_blank = true;
            continue;
        }
        if let Some((region, rest)) = leading_code(line, 4)
            && let Some((district, _)) = leading_code(rest, 3)
        {
            rows.push(Row {
                region_code: region.to_string(),
                district_code: district.to_string(),
                words: line_words.into_iter().skip(2).collect(),
            });
            open = Open::Row;
        } else {
            // A wrapped name continues its row; after a blank line only a row still
            // waiting for its Russian name takes the block.
            let continues_row = matches!(open, Open::Row)
                && rows
                    .last()
                    .is_some_and(|row| !after_blank || row.split().is_none());
            let continues_heading = matches!(open, Open::Heading) && !after_blank;
            if let (true, Some(row)) = (continues_row, rows.last_mut()) {
                row.words.extend(line_words);
            } else if let (true, Some(heading)) = (continues_heading, headings.last_mut()) {
                heading.lines.push(line_words);
            } else {
                headings.push(Heading {
                    lines: vec![line_words],
                    next_row: rows.len(),
                });
                open = Open::Heading;
            }
        }
        after_blank = false;
    }

    let regions = region_names(&rows, &headings)?;
    rows.iter()
        .map(|row| {
            let (name_kk, name_ru) = row.split().ok_or_else(|| {
                ExtractError::new(
                    "M-App2",
                    format!(
                        "row {} {}: cannot tell the Kazakh name from the Russian one in {:?}",
                        row.region_code, row.district_code, row.words
                    ),
                )
            })?;
            let (region_name_kk, region_name_ru) = regions
                .iter()
                .find(|(code, _, _)| *code == row.region_code)
                .map(|(_, kk, ru)| (kk.clone(), ru.clone()))
                .ok_or_else(|| {
                    ExtractError::new(
                        "M-App2",
                        format!("region {} has no heading", row.region_code),
                    )
                })?;
            Ok(DistrictRow {
                region_code: row.region_code.clone(),
                district_code: row.district_code.clone(),
                name_kk,
                name_ru,
                region_name_kk,
                region_name_ru,
            })
        })
        .collect()
}

/// Ties each heading to a region code and names the region in both languages.
fn region_names(
    rows: &[Row],
    headings: &[Heading],
) -> Result<Vec<(String, String, String)>, ExtractError> {
    let mut regions: Vec<(String, String, String)> = Vec::new();
    for heading in headings {
        let row = rows
            .get(heading.next_row)
            .ok_or_else(|| ExtractError::new("M-App2", "a region heading has no row after it"))?;
        let code = row.region_code.clone();
        if regions.iter().any(|(c, _, _)| *c == code) {
            return Err(ExtractError::new(
                "M-App2",
                format!("two headings claim region {code}"),
            ));
        }
        let (kk, ru) = match heading.names() {
            Some(names) => names,
            // A heading of one name only (a city, "ШЕТЕЛ"): the name is Kazakh; where a row
            // of the region carries the same Kazakh name, that row gives the Russian one
            // ("ШЕТЕЛ" / "ЗАГРАНИЦА"), else the name is the same in both ("АЛМАТЫ").
            None => {
                let kk = heading
                    .lines
                    .iter()
                    .flatten()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ");
                let ru = rows
                    .iter()
                    .filter(|r| r.region_code == code)
                    .filter_map(Row::split)
                    .find(|(row_kk, _)| *row_kk == kk)
                    .map_or_else(|| kk.clone(), |(_, ru)| ru);
                (kk, ru)
            }
        };
        regions.push((code, kk, ru));
    }
    Ok(regions)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "Наименование (каз.) Наименование (рус.)\n\n";

    fn extract(table: &str) -> Vec<DistrictRow> {
        match districts(&format!("{HEADER}{table}")) {
            Ok(rows) => rows,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn a_name_wrapped_into_separate_blocks_is_rejoined() {
        let rows = extract(
            "А Қ М О Л А  О Б Л Ы С Ы\nАКМОЛИНСКАЯ ОБЛАСТЬ\n\n\
             1902 207 А С Т Р А Х А Н  \nАУДАНЫ\n\nАСТРАХАНСКИЙ \nРАЙОН\n\n\
             1902 214\nСАНДЫҚТАУ \nАУДАНЫ\n\nСАНДЫКТАУСКИЙ \nРАЙОН\n\n\
             1902 212 ЗЕРЕНДІ АУДАНЫ ЗЕРЕНДИНСКИЙ \nРАЙОН\n",
        );
        let names: Vec<_> = rows.iter().map(|r| (&*r.name_kk, &*r.name_ru)).collect();
        assert_eq!(
            names,
            [
                ("АСТРАХАН АУДАНЫ", "АСТРАХАНСКИЙ РАЙОН"),
                ("САНДЫҚТАУ АУДАНЫ", "САНДЫКТАУСКИЙ РАЙОН"),
                ("ЗЕРЕНДІ АУДАНЫ", "ЗЕРЕНДИНСКИЙ РАЙОН"),
            ]
        );
        assert_eq!(rows[0].region_name_kk, "АҚМОЛА ОБЛЫСЫ");
        assert_eq!(rows[0].region_name_ru, "АКМОЛИНСКАЯ ОБЛАСТЬ");
    }

    #[test]
    fn city_rows_split_their_words_in_half() {
        let rows =
            extract("ШЕТЕЛ\n\n9999 500 ҚР ІІМ КҚҚК КМС МВД РК\n\n9999 999 ШЕТЕЛ ЗАГРАНИЦА\n");
        assert_eq!(rows[0].name_kk, "ҚР ІІМ КҚҚК");
        assert_eq!(rows[0].name_ru, "КМС МВД РК");
        // A one-name heading takes its Russian name from the row that shares its Kazakh one.
        assert_eq!(rows[1].region_name_kk, "ШЕТЕЛ");
        assert_eq!(rows[1].region_name_ru, "ЗАГРАНИЦА");
    }

    #[test]
    fn a_displaced_heading_does_not_capture_rows_of_another_region() {
        // The East Kazakhstan heading stands after three of its own rows, under Atyrau's.
        let rows = extract(
            "А Т Ы Р А У  О Б Л Ы С Ы\nАТЫРАУСКАЯ ОБЛАСТЬ\n\n\
             1915 401 АТЫРАУ АТЫРАУ\n\n\
             1917 201 АБАЙ АУДАНЫ АБАЙСКИЙ РАЙОН\n\n\
             ШЫҒЫС-ҚАЗАҚСТАН ОБЛЫСЫ\nВОСТОЧНО-КАЗАХСТАНСКАЯ \nОБЛАСТЬ\n\n\
             1917 213 ЗАЙСАН АУДАНЫ ЗАЙСАНСКИЙ РАЙОН\n",
        );
        let regions: Vec<_> = rows
            .iter()
            .map(|r| (&*r.region_code, &*r.region_name_ru))
            .collect();
        assert_eq!(
            regions,
            [
                ("1915", "АТЫРАУСКАЯ ОБЛАСТЬ"),
                ("1917", "ВОСТОЧНО-КАЗАХСТАНСКАЯ ОБЛАСТЬ"),
                ("1917", "ВОСТОЧНО-КАЗАХСТАНСКАЯ ОБЛАСТЬ"),
            ]
        );
    }

    #[test]
    fn headings_written_with_a_slash_or_wrapped_are_split() {
        let rows = extract(
            "ТҮРКІСТАН ОБЛ.  /  \nТУРКЕСТАНСКАЯ ОБЛАСТЬ\n\n1960 217 ОТЫРАР АУДАНЫ ОТРАРСКИЙ РАЙОН\n\n\
             СОЛТҮСТІК-ҚАЗАҚСТАН \nО Б Л Ы С Ы\nСЕВЕРО-КАЗАХСТАНСКАЯ \nОБЛАСТЬ\n\n\
             1948 401 ПЕТРОПАВЛ ПЕТРОПАВЛОВСК\n",
        );
        assert_eq!(rows[0].region_name_kk, "ТҮРКІСТАН ОБЛЫСЫ");
        assert_eq!(rows[0].region_name_ru, "ТУРКЕСТАНСКАЯ ОБЛАСТЬ");
        assert_eq!(rows[1].region_name_kk, "СОЛТҮСТІК-ҚАЗАҚСТАН ОБЛЫСЫ");
        assert_eq!(rows[1].region_name_ru, "СЕВЕРО-КАЗАХСТАНСКАЯ ОБЛАСТЬ");
    }

    #[test]
    fn a_region_without_heading_is_an_error_not_a_guess() {
        let err = districts(&format!("{HEADER}1902 204 АҚКӨЛ АУДАНЫ АККОЛЬСКИЙ РАЙОН\n"));
        assert!(matches!(err, Err(e) if e.message == "region 1902 has no heading"));
    }

    #[test]
    fn a_row_whose_names_cannot_be_told_apart_is_an_error() {
        let err = districts(&format!("{HEADER}ШЕТЕЛ\n\n9999 999 ШЕТЕЛ ЗАГРАНИЦА ЕЩЕ\n"));
        assert!(matches!(err, Err(e) if e.message.contains("cannot tell the Kazakh name")));
    }
}
