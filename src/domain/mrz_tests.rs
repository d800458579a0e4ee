//! M-57: the MRZ parser against ICAO Doc 9303's own specimens and a Kazakh ID card's zone.

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_else(|| panic!("bad date"))
}

/// ICAO 9303 part 4's specimen passport (TD3).
const TD3: &str =
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
/// ICAO 9303 part 5's specimen card (TD1).
const TD1: &str = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";

/// A Kazakh ID card's zone for СЕЙТҚАЛИЕВ АРМАН, born 14 May 1990, with its check digits
/// computed as the card's printer does.
fn kazakh_card() -> String {
    let number = "043215678";
    let l1 = format!(
        "IDKAZ{number}{}<<<<<<<<<<<<<<<",
        check_digit(number) as char
    );
    let birth = "900514";
    let expiry = "340101";
    let mut l2 = format!(
        "{birth}{}M{expiry}{}KAZ<<<<<<<<<<<",
        check_digit(birth) as char,
        check_digit(expiry) as char
    );
    let composite = format!("{}{}{}{}", &l1[5..30], &l2[0..7], &l2[8..15], &l2[18..29]);
    l2.push(check_digit(&composite) as char);
    let l3 = format!("{:<<30}", "SEITKALIYEV<<ARMAN");
    format!("{l1}\n{l2}\n{l3}")
}

#[test]
fn m57_the_icao_specimens_parse_with_every_check_digit() {
    let passport = Mrz::parse(TD3).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(passport.layout, Layout::Td3);
    assert_eq!(passport.document_number, "L898902C3");
    assert_eq!(passport.surname, "ERIKSSON");
    assert_eq!(passport.given_names, "ANNA MARIA");
    assert_eq!(
        passport.birth_date_near(d(1974, 1, 1)),
        Some(d(1974, 8, 12))
    );
    let card = Mrz::parse(TD1).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(card.layout, Layout::Td1);
    assert_eq!(card.document_number, "D23145890");
    assert_eq!(card.surname, "ERIKSSON");
}

#[test]
fn m57_a_misread_character_is_caught_by_its_check_digit() {
    let misread = TD3.replace("L898902C3", "L898902C8");
    assert_eq!(
        Mrz::parse(&misread),
        Err(MrzError::CheckDigit("document_number"))
    );
    let born = TD1.replace("7408122", "7408132");
    assert_eq!(Mrz::parse(&born), Err(MrzError::CheckDigit("birth_date")));
    assert_eq!(Mrz::parse("P<UTO"), Err(MrzError::Shape));
    assert_eq!(Mrz::parse(&TD3.replace('<', "-")), Err(MrzError::Character));
    // The error never repeats the zone (personal data).
    let text = MrzError::CheckDigit("document_number").text();
    assert!(!text.en.contains("L898902C"), "{}", text.en);
}

#[test]
fn m57_a_kazakh_card_matches_its_formularys_names_and_birth_date() {
    let card = Mrz::parse(&kazakh_card()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(card.document_number, "043215678");
    let m = card.matches("СЕЙТҚАЛИЕВ", "АРМАН", d(1990, 5, 14));
    assert!(m.all(), "{m:?}");
    let other = card.matches("АХМЕТОВ", "АРМАН", d(1990, 5, 14));
    assert_eq!(other.first_mismatch(), Some("surname"));
    let born = card.matches("СЕЙТҚАЛИЕВ", "АРМАН", d(1991, 5, 14));
    assert_eq!(born.first_mismatch(), Some("birth_date"));
}

#[test]
fn m57_the_zone_may_be_typed_in_lower_case_and_with_spaces_around() {
    let typed = format!("  {}  ", TD1.to_lowercase().replace('\n', " \n "));
    assert_eq!(
        Mrz::parse(&typed).map(|m| m.document_number),
        Ok("D23145890".to_string())
    );
}
