//! The names of the fields a violation points at, for the clerk (issue 11: no internal
//! column names on screen). A rule names its field by the JSON path of the formulary
//! (`filling_code`, `residence.address`, `reverse_side[1].number`) or of the DSN
//! application (`products[0].name`); the screens and the register's refusals show these
//! labels instead, the form's own where the form has the field.

use super::{Msg, form, tr};
use crate::domain::Lang;
use crate::domain::formulary::Formulary;
use crate::tui::screens::formulary::spec::{FIELDS, FieldId};

/// The label of a formulary's field path in `lang`. `formulary`, when given, names the
/// kind of a reverse-side note (`Заключение: номер`); without it the note is numbered.
pub fn path_label(lang: Lang, path: &str, formulary: Option<&Formulary>) -> String {
    if let Some(rest) = path.strip_prefix("reverse_side[")
        && let Some((index, part)) = rest.split_once("].")
    {
        let part = note_part(lang, part);
        let note = index
            .parse::<usize>()
            .ok()
            .and_then(|i| Some((i, formulary?.reverse_side.get(i)?)));
        return match note {
            Some((_, note)) => format!("{}: {part}", note.kind().name().get(lang)),
            None => {
                let n = index.parse::<usize>().map_or(0, |i| i + 1);
                let side = form::group(
                    lang,
                    crate::tui::screens::formulary::spec::Group::ReverseSide,
                );
                format!("{side} ({n}): {part}")
            }
        };
    }
    if path.starts_with("overrides[") {
        return lang
            .pick(
                "Причина принятия предупреждения",
                "Ескертуді қабылдау себебі",
                "Why the warning is let pass",
            )
            .to_string();
    }
    let own = match path {
        "filled_on" => Some(("Дата заполнения", "Толтырылған күні", "Filled on")),
        "clerk" => Some(("Сотрудник", "Қызметкер", "Clerk")),
        "reverse_side" => Some(("Оборотная сторона", "Артқы беті", "Reverse side")),
        _ => None,
    };
    if let Some((ru, kk, en)) = own {
        return lang.pick(ru, kk, en).to_string();
    }
    let id = match path {
        // The whole of field 13 or 14 missing: the field's first line names it.
        "residence" => Some(FieldId::ResidenceAddress),
        "previous_residence" => Some(FieldId::PreviousAddress),
        _ => FIELDS
            .iter()
            .find(|f| f.note.is_none() && f.path == path)
            .map(|f| f.id),
    };
    match id {
        Some(id) => form::field(lang, id).to_string(),
        None => tr(lang, Msg::FormWhole).to_string(),
    }
}

/// A reverse-side note's field (`number`, `date`…) in words.
fn note_part(lang: Lang, part: &str) -> &'static str {
    let (ru, kk, en) = match part {
        "number" => ("номер", "нөмірі", "number"),
        "date" => ("дата", "күні", "date"),
        "issuer" => ("кем выдан", "берген орган", "issuer"),
        "document" => ("документ", "құжат", "document"),
        "address" => ("адрес", "мекенжай", "address"),
        "institution" => ("учреждение", "мекеме", "institution"),
        "location" => ("место", "орны", "place"),
        _ => ("запись", "жазба", "entry"),
    };
    lang.pick(ru, kk, en)
}

/// The label of a DSN application's field path (D-4) in `lang`: `products[0].name` is the
/// first product row's name.
pub fn dsn_path_label(lang: Lang, path: &str) -> String {
    if let Some(rest) = path.strip_prefix("products[")
        && let Some((index, part)) = rest.split_once(']')
    {
        let n = index.parse::<usize>().map_or(0, |i| i + 1);
        let row = lang.pick("Продукт", "Өнім", "Product");
        let part = match part.trim_start_matches('.') {
            "type" => tr(lang, Msg::DsnType),
            "name" => tr(lang, Msg::DsnName),
            "spec" => tr(lang, Msg::DsnSpec),
            _ => "",
        };
        return if part.is_empty() {
            format!("{row} {n}")
        } else {
            format!("{row} {n}: {part}")
        };
    }
    if path == "products" {
        return lang.pick("Продукты", "Өнімдер", "Products").to_string();
    }
    let msg = match path {
        "taxpayer" => Msg::DsnTaxpayer,
        "bin" => Msg::DsnBin,
        "subject_type" => Msg::DsnSubject,
        "country" => Msg::DsnCountry,
        "unit" => Msg::DsnUnit,
        _ => Msg::DsnTitle,
    };
    tr(lang, msg).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_a_rule_names_is_a_label_not_a_column_name() {
        let f = Formulary::example("06").unwrap_or_default();
        let report =
            crate::domain::formulary::validate(&Formulary::default(), chrono::NaiveDate::MIN);
        for v in report.open() {
            for lang in [Lang::Ru, Lang::Kk, Lang::En] {
                let label = path_label(lang, &v.field, Some(&f));
                assert!(
                    !label.contains('_') && !label.contains('['),
                    "{}: {label}",
                    v.field
                );
            }
        }
        assert_eq!(path_label(Lang::Ru, "filling_code", None), "Код заполнения");
        assert_eq!(
            path_label(Lang::En, "residence.address", None),
            "13. Residence"
        );
        assert_eq!(path_label(Lang::En, "residence", None), "13. Residence");
        assert_eq!(
            path_label(Lang::Ru, "reverse_side[1].number", None),
            "Оборотная сторона (2): номер"
        );
        let conclusion = f
            .reverse_side
            .iter()
            .position(|n| n.kind() == crate::domain::formulary::NoteKind::Conclusion);
        if let Some(i) = conclusion {
            let label = path_label(Lang::En, &format!("reverse_side[{i}].date"), Some(&f));
            assert!(
                label.ends_with(": date") && !label.contains("Reverse"),
                "{label}"
            );
        }
        assert_eq!(
            dsn_path_label(Lang::En, "products[0].name"),
            "Product 1: name"
        );
        assert_eq!(dsn_path_label(Lang::Ru, "unit"), "АТЕ (фасет 2)");
    }
}
