//! D-App3: the facets of the DSN code, from document 001.
//!
//! The producing countries and the administrative-territorial units are tables of
//! "code name" lines. The units stand under region headings, and unlike M-App2 the unit
//! code says nothing of its region, so here the heading above a unit is its region. A
//! trailing `*` marks a unit (or a heading) since renamed or merged. The product types are
//! not a table but a parenthesis in the text of the fourth facet.

use super::clean::{capitalize, leading_code, words};
use super::{DsnCountryRow, DsnProductRow, DsnUnitRow, ExtractError};

const COUNTRIES_START: &str = "Мұнай өнімді өндіру елдердің кодтары";
const UNITS_START: &str = "Әкімшілік-аумақтық бірліктердің кодтары";
const PRODUCTS_START: &str = "төртінші фасет";

/// The lines of `doc` after the first line containing `start`, up to the first line
/// containing `end` (or the end of the document).
fn section<'a>(doc: &'a str, start: &str, end: Option<&str>) -> impl Iterator<Item = &'a str> {
    let end = end.map(str::to_owned);
    doc.lines()
        .skip_while(move |l| !l.contains(start))
        .skip(1)
        .take_while(move |l| end.as_deref().is_none_or(|e| !l.contains(e)))
}

/// The column header of a table: its titles ("ДСН-код …") or its column numbers ("1 2").
fn is_column_header(line: &str) -> bool {
    let line = line.trim();
    line.starts_with("ДСН-код")
        || (!line.is_empty()
            && line
                .split_whitespace()
                .all(|w| w.bytes().all(|b| b.is_ascii_digit())))
}

/// A cleaned name and whether it carried the `*` mark.
fn marked_name(text: &str) -> (String, bool) {
    let name = words(text).join(" ");
    match name.strip_suffix('*') {
        Some(bare) => (bare.trim_end().to_string(), true),
        None => (name, false),
    }
}

/// Extracts the producing countries (facet 1).
pub fn countries(doc: &str) -> Result<Vec<DsnCountryRow>, ExtractError> {
    let rows: Vec<DsnCountryRow> = section(doc, COUNTRIES_START, Some(UNITS_START))
        .filter_map(|line| leading_code(line, 1))
        .map(|(code, name)| DsnCountryRow {
            code: code.to_string(),
            name_kk: words(name).join(" "),
        })
        .collect();
    if rows.is_empty() {
        return Err(ExtractError::new("D-App3", "no producing countries found"));
    }
    Ok(rows)
}

/// Extracts the administrative-territorial units (facet 2) with the region heading each
/// stands under.
pub fn units(doc: &str) -> Result<Vec<DsnUnitRow>, ExtractError> {
    let mut rows: Vec<DsnUnitRow> = Vec::new();
    let mut region: Option<(String, bool)> = None;
    let mut after_blank = true;
    let mut last_was_unit = false;
    for line in section(doc, UNITS_START, None).filter(|l| !is_column_header(l)) {
        if line.trim().is_empty() {
            after_blank = true;
            continue;
        }
        if let Some((code, name)) = leading_code(line, 3) {
            let (region_name_kk, region_marked) = region.clone().ok_or_else(|| {
                ExtractError::new("D-App3", format!("unit {code} stands under no region"))
            })?;
            let (name_kk, marked) = marked_name(name);
            rows.push(DsnUnitRow {
                code: code.to_string(),
                name_kk,
                marked,
                region_name_kk,
                region_marked,
            });
            last_was_unit = true;
        } else if let (false, true, Some(row)) = (after_blank, last_was_unit, rows.last_mut()) {
            // A unit name wrapped onto the next line.
            let (rest, marked) = marked_name(line);
            row.name_kk = format!("{} {rest}", row.name_kk);
            row.marked |= marked;
        } else {
            region = Some(marked_name(line));
            last_was_unit = false;
        }
        after_blank = false;
    }
    if rows.is_empty() {
        return Err(ExtractError::new(
            "D-App3",
            "no administrative-territorial units found",
        ));
    }
    Ok(rows)
}

/// Extracts the product types (facet 4) from "(1 - бензин, 2 - дизельдік отын, …)".
pub fn products(doc: &str) -> Result<Vec<DsnProductRow>, ExtractError> {
    let text: String = doc
        .lines()
        .skip_while(|l| !l.contains(PRODUCTS_START))
        .collect::<Vec<_>>()
        .join(" ");
    let list = text
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(inside, _)| inside)
        .ok_or_else(|| ExtractError::new("D-App3", "the fourth facet has no list of products"))?;
    list.split(',')
        .map(|item| {
            let (code, name) = item
                .split_once(" - ")
                .map(|(c, n)| (c.trim(), n))
                .filter(|(c, _)| c.len() == 1 && c.bytes().all(|b| b.is_ascii_digit()))
                .ok_or_else(|| {
                    ExtractError::new(
                        "D-App3",
                        format!("product entry {item:?} is not `N - name`"),
                    )
                })?;
            Ok(DsnProductRow {
                code: code.to_string(),
                name_kk: capitalize(&words(name).join(" ")),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok<T>(r: Result<T, ExtractError>) -> T {
        r.unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn units_take_the_heading_above_and_lose_their_mark_into_a_flag() {
        let doc = "Әкімшілік-аумақтық бірліктердің кодтары\n\nДСН-код Атауы\n\n1 2\n\n\
                   Ақмола облысы\n\n001 Көкшетау қаласы\n\n019 Еңбекшілдер ауданы*\n\n\
                   Оңтүстік Қазақстан облысы*\n\n187 Оpдабасы ауданы\n";
        let rows = ok(units(doc));
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].region_name_kk, "Ақмола облысы");
        assert!(!rows[0].marked && !rows[0].region_marked);
        assert_eq!(rows[1].name_kk, "Еңбекшілдер ауданы");
        assert!(rows[1].marked);
        // Latin "p" inside the Kazakh word is the Cyrillic "р".
        assert_eq!(rows[2].name_kk, "Ордабасы ауданы");
        assert_eq!(rows[2].region_name_kk, "Оңтүстік Қазақстан облысы");
        assert!(rows[2].region_marked);
    }

    #[test]
    fn a_wrapped_unit_name_is_rejoined() {
        let doc = "Әкімшілік-аумақтық бірліктердің кодтары\n\nҚарағанды облысы\n\n\
                   114 Қарағанды қаласының Қазыбек би\nатындағы ауданы\n";
        assert_eq!(
            ok(units(doc))[0].name_kk,
            "Қарағанды қаласының Қазыбек би атындағы ауданы"
        );
    }

    #[test]
    fn products_come_from_the_parenthesis_of_the_fourth_facet() {
        let doc = "төртінші фасет - өнімінің коды (1 - бензин, 2 - дизельдік отын, 3 - мазут, 4 - \n\
                   авиациялық отын) Қазақстан";
        let rows = ok(products(doc));
        let names: Vec<_> = rows.iter().map(|r| (&*r.code, &*r.name_kk)).collect();
        assert_eq!(
            names,
            [
                ("1", "Бензин"),
                ("2", "Дизельдік отын"),
                ("3", "Мазут"),
                ("4", "Авиациялық отын")
            ]
        );
    }

    #[test]
    fn countries_stop_at_the_units_table() {
        let doc = "Мұнай өнімді өндіру елдердің кодтары\n\nДСН-код атауы\n\n2 Беларусь Республикасы\n\n\
                   Әкімшілік-аумақтық бірліктердің кодтары\n\n1 2\n";
        let rows = ok(countries(doc));
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].name_kk, "Беларусь Республикасы");
    }
}
