//! M-31: the filling codes of the electronic formulary, from document 000.
//!
//! Point 31 lists them one per paragraph: `"00" выдача документов …;`, each paragraph
//! wrapping over lines and the list running across a page break.

use super::clean::capitalize;
use super::{ExtractError, FillingRow};

/// The opening of the new wording of point 31.
const POINT_START: &str = "31. Заполнение электронного формуляра";

/// `Some((code, rest))` for a line that opens a list entry: `"NN" text`.
fn entry_start(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim_start().strip_prefix('"')?;
    let code = rest.get(..2)?;
    let text = rest.get(2..)?.strip_prefix('"')?;
    code.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| (code, text.trim()))
}

/// Extracts the filling codes of point 31 with their Russian names.
pub fn filling_codes(doc: &str) -> Result<Vec<FillingRow>, ExtractError> {
    let mut lines = doc.lines().skip_while(|l| !l.contains(POINT_START)).skip(1);
    let mut entries: Vec<(String, String)> = Vec::new();
    for line in lines.by_ref() {
        let line = line.trim();
        if let Some((code, text)) = entry_start(line) {
            entries.push((code.to_string(), text.to_string()));
        } else if let Some((_, text)) = entries.last_mut()
            && !line.is_empty()
        {
            // A wrapped paragraph: the next line continues the sentence.
            text.push(' ');
            text.push_str(line);
        }
        // The new wording of the point is quoted; its closing quote ends the list.
        if line.ends_with("\";") && !entries.is_empty() {
            break;
        }
    }
    if entries.is_empty() {
        return Err(ExtractError::new("M-31", "no filling codes found"));
    }
    Ok(entries
        .into_iter()
        .map(|(code, text)| {
            let text = text.trim_end_matches("\";").trim_end_matches([';', '.']);
            FillingRow {
                code,
                name_ru: capitalize(&text.split_whitespace().collect::<Vec<_>>().join(" ")),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_entries_are_rejoined_and_the_list_ends_at_the_closing_quote() {
        let doc = "\"31. Заполнение электронного формуляра в РП ДРН производится:\n\
                   \"00\" выдача документов детям до 16 лет (при \n\
                   оформлении граждан);\n\n\n\n\
                   \"18\" истечение срока действия.\";\n\
                   \"11\" - указывается при первичном документировании;\n";
        let rows = match filling_codes(doc) {
            Ok(rows) => rows,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(
            rows,
            [
                FillingRow {
                    code: "00".into(),
                    name_ru: "Выдача документов детям до 16 лет (при оформлении граждан)".into(),
                },
                FillingRow {
                    code: "18".into(),
                    name_ru: "Истечение срока действия".into(),
                },
            ]
        );
    }

    #[test]
    fn a_document_without_point_31_is_an_error() {
        assert!(filling_codes("nothing here").is_err());
    }
}
