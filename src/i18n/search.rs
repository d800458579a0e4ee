//! The register search's words (issue 11): why a filter can match nothing, in the
//! workstation's three languages, naming the filter and the rule. Nothing typed is
//! repeated but the region code the clerk gave (never an IIN or a coupon).

use crate::domain::Text;
use crate::store::{Bound, NoMatch};

/// Why the filter line can match nothing: the filter, what is wrong, the rule.
pub fn no_match(why: &NoMatch) -> Text {
    match why {
        NoMatch::Iin(e) => {
            let t = e.text();
            Text::new(
                format!("ИИН: {}; такого ИИН нет ни у кого", t.ru),
                format!("ЖСН: {}; мұндай ЖСН ешкімде жоқ", t.kk),
                format!("IIN: {}; no one has such an IIN", t.en),
            )
        }
        NoMatch::CouponTypo => Text::new(
            "Талон: неверна контрольная цифра — опечатка в номере талона [M-57]",
            "Талон: бақылау цифры қате — талон нөмірінде қате бар [M-57]",
            "Coupon: the check digit is wrong — a typo in the coupon number [M-57]",
        ),
        NoMatch::Status => Text::new(
            "status: такого статуса нет (registered, sent, issued… или название статуса)",
            "status: мұндай мәртебе жоқ (registered, sent, issued… немесе мәртебе атауы)",
            "status: no such status (registered, sent, issued… or the status's name)",
        ),
        NoMatch::FillingCode => Text::new(
            "code: такого кода заполнения нет (00, 01, 03–18) [M-31]",
            "code: мұндай толтыру коды жоқ (00, 01, 03–18) [M-31]",
            "code: no such filling code (00, 01, 03–18) [M-31]",
        ),
        NoMatch::Region => Text::new(
            "region: такого кода области нет (1902–1960 или 9999) [M-App2]",
            "region: мұндай облыс коды жоқ (1902–1960 немесе 9999) [M-App2]",
            "region: no such region code (1902 to 1960, or 9999) [M-App2]",
        ),
        NoMatch::District {
            region: Some(region),
        } => Text::new(
            format!("district: в области {region} нет такого района [M-App2]"),
            format!("district: {region} облысында мұндай аудан жоқ [M-App2]"),
            format!("district: region {region} has no such district [M-App2]"),
        ),
        NoMatch::District { region: None } => Text::new(
            "district: такого района нет ни в одной области [M-App2]",
            "district: мұндай аудан ешбір облыста жоқ [M-App2]",
            "district: no region has such a district [M-App2]",
        ),
        NoMatch::Date(bound) => {
            let key = match bound {
                Bound::From => "from",
                Bound::To => "to",
            };
            Text::new(
                format!("{key}: дата не прочитана, пишите ДД.ММ.ГГГГ"),
                format!("{key}: күн оқылмады, КК.АА.ЖЖЖЖ түрінде жазыңыз"),
                format!("{key}: not a date, type DD.MM.YYYY"),
            )
        }
        NoMatch::Span => Text::new(
            "from позже to: между ними нет ни одного дня",
            "from күні to күнінен кейін: арасында бір де күн жоқ",
            "from is after to: no day is in between",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::iin::NumberError;

    #[test]
    fn every_reason_names_its_filter_in_every_language() {
        let all = [
            (
                NoMatch::Iin(NumberError::Length { found: 11 }),
                ["ИИН", "ЖСН", "IIN"],
            ),
            (NoMatch::CouponTypo, ["Талон", "Талон", "Coupon"]),
            (NoMatch::Status, ["status", "status", "status"]),
            (NoMatch::FillingCode, ["M-31", "M-31", "M-31"]),
            (NoMatch::Region, ["region", "region", "region"]),
            (NoMatch::District { region: None }, ["district"; 3]),
            (
                NoMatch::Date(Bound::To),
                ["ДД.ММ.ГГГГ", "КК.АА.ЖЖЖЖ", "DD.MM.YYYY"],
            ),
            (NoMatch::Span, ["from", "from", "from"]),
        ];
        for (why, named) in all {
            let t = no_match(&why);
            for (text, word) in [&t.ru, &t.kk, &t.en].into_iter().zip(named) {
                assert!(text.contains(word), "{why:?}: {text}");
            }
        }
    }
}
