//! The per-code table applied: the filling code exists (M-31, no "02"), and the formulary
//! meets its row of `rules::CODE_RULES`.

use super::model::Formulary;
use super::notes::{BasisKind, Note};
use super::rules::{Age, CodeRule, code_rule};
use super::texts::{document_name, holder_name, join};
use super::validate::Findings;
use super::violation::{Printout, rule};
use crate::codes::filling_codes;
use crate::domain::Text;
use chrono::{Months, NaiveDate};

/// Checks the code and its row; returns what the code prints.
pub(super) fn check(f: &Formulary, found: &mut Findings) -> Vec<Printout> {
    let Some(code) = found.text("filling_code", rule::REQUIRED, f.filling_code.as_deref()) else {
        return Vec::new();
    };
    let Some(row) = known(code, found) else {
        return Vec::new();
    };
    let quoted = format!("«{code}»");
    if let Some(citizenship) = &f.citizenship
        && !row.holders.contains(&citizenship.holder())
    {
        let allowed = join(row.holders.iter().map(|h| holder_name(*h)));
        let stated = holder_name(citizenship.holder());
        found.error(
            "citizenship",
            rule::FILLING_CODE,
            Text::new(
                format!(
                    "код {quoted} только для: {}; указано: {}",
                    allowed.ru, stated.ru
                ),
                format!(
                    "{quoted} коды тек мыналар үшін: {}; көрсетілгені: {}",
                    allowed.kk, stated.kk
                ),
                format!(
                    "code \"{code}\" is only for: {}; stated: {}",
                    allowed.en, stated.en
                ),
            ),
        );
    }
    if let Some(document) = f.document
        && !row.documents.contains(&document)
    {
        let allowed = join(row.documents.iter().map(|d| document_name(*d)));
        found.error(
            "document",
            rule::FILLING_CODE,
            Text::new(
                format!("код {quoted} только для документов: {}", allowed.ru),
                format!("{quoted} коды тек мына құжаттар үшін: {}", allowed.kk),
                format!("code \"{code}\" is only for the documents: {}", allowed.en),
            ),
        );
    }
    if let (Some(birth), Some(on)) = (f.birth_date, f.filled_on) {
        age(code, row.age, birth, on, found);
    }
    for kind in row.notes {
        if !f.reverse_side.iter().any(|n| n.kind() == *kind) {
            let name = kind.name();
            found.error(
                "reverse_side",
                kind.rule(),
                Text::new(
                    format!(
                        "для кода {quoted} на оборотной стороне нужна запись: {}",
                        name.ru
                    ),
                    format!("{quoted} коды үшін артқы бетінде жазба қажет: {}", name.kk),
                    format!("code \"{code}\" needs a reverse-side note: {}", name.en),
                ),
            );
        }
    }
    basis(code, row, f, found);
    row.prints.to_vec()
}

/// The row of a code M-31 has; an error naming the code otherwise.
fn known(code: &str, found: &mut Findings) -> Option<&'static CodeRule> {
    let listed = filling_codes().iter().any(|c| c.code == code);
    let row = code_rule(code).filter(|_| listed);
    if row.is_none() {
        // M-31 skips "02": say so, as a clerk may remember it from older forms.
        let message = if code == "02" {
            Text::new(
                "кода «02» нет: пункт 31 его не содержит",
                "«02» коды жоқ: 31-тармақта ол жоқ",
                "there is no code \"02\": M-31 skips it",
            )
        } else {
            // Not repeated: what was typed there may be anything (issue 15).
            Text::new(
                "такого кода заполнения нет в перечне (пункт 31)",
                "мұндай толтыру коды тізбеде жоқ (31-тармақ)",
                "no such filling code in the list of M-31",
            )
        };
        found.error("filling_code", rule::FILLING_CODE, message);
    }
    row
}

/// The day a person born on `birth` turns `years`. A birthday of 29 February falls on
/// 28 February in other years, as a term in years ends on the last day of a month that has
/// no such day; `checked_add_months` clamps so.
fn turns(birth: NaiveDate, years: u32) -> Option<NaiveDate> {
    birth.checked_add_months(Months::new(years.saturating_mul(12)))
}

/// The age condition of the code, on the filled-on date.
fn age(code: &str, condition: Age, birth: NaiveDate, on: NaiveDate, found: &mut Findings) {
    let message = match condition {
        Age::Any => return,
        // A birthday past the calendar is never reached: the person is under that age.
        Age::Under(years) if turns(birth, years).is_none_or(|day| on < day) => return,
        Age::AtLeast(years) if turns(birth, years).is_some_and(|day| on >= day) => return,
        Age::Under(years) => Text::new(
            format!(
                "код «{code}» — только до {years} лет; на дату заполнения уже исполнилось {years}"
            ),
            format!("«{code}» коды — тек {years} жасқа дейін; толтыру күніне {years} жасқа толған"),
            format!(
                "code \"{code}\" is only for persons under {years}; on the filled-on date they are {years} or over"
            ),
        ),
        Age::AtLeast(years) => Text::new(
            format!(
                "код «{code}» — с {years} лет; на дату заполнения {years} лет ещё не исполнилось"
            ),
            format!("«{code}» коды — {years} жастан бастап; толтыру күніне {years} жасқа толмаған"),
            format!(
                "code \"{code}\" is for persons of {years} or over; on the filled-on date they are under {years}"
            ),
        ),
    };
    found.error("birth_date", rule::FILLING_CODE, message);
}

/// M-12.d: a change of personal data rests on one of the row's basis documents.
fn basis(code: &str, row: &CodeRule, f: &Formulary, found: &mut Findings) {
    if row.basis.is_empty() {
        return;
    }
    let present = f.reverse_side.iter().any(
        |n| matches!(n, Note::BasisDocument { document: Some(d), .. } if row.basis.contains(d)),
    );
    if !present {
        let allowed = join(row.basis.iter().copied().map(BasisKind::name));
        found.error(
            "reverse_side",
            rule::BASIS,
            Text::new(
                format!(
                    "для кода «{code}» нужен документ-основание, один из: {}",
                    allowed.ru
                ),
                format!(
                    "«{code}» коды үшін негіз құжат қажет, мыналардың бірі: {}",
                    allowed.kk
                ),
                format!(
                    "code \"{code}\" needs a basis document, one of: {}",
                    allowed.en
                ),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::turns;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn a_29_february_birthday_falls_on_28_february_in_other_years() {
        let birth = day(2004, 2, 29).unwrap_or_else(|| panic!("not a date"));
        assert_eq!(turns(birth, 1), day(2005, 2, 28));
        assert_eq!(turns(birth, 4), day(2008, 2, 29));
        assert_eq!(turns(birth, 16), day(2020, 2, 29));
    }
}
