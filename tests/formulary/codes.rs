//! The filling code (M-31) and each code's row: holder, document, age, notes, prints.

use super::*;

#[test]
fn m31_code_02_is_rejected() {
    let f = with_code(example("07"), "02");
    assert_error(&f, rule::FILLING_CODE, "filling_code");
    let report = check(&f);
    assert!(
        report.errors[0].message.en.contains("02"),
        "{:?}",
        report.errors
    );
}

#[test]
fn m31_codes_outside_the_list_are_rejected_and_listed_ones_pass() {
    for code in ["19", "2", "7", "99", "0O", "07a"] {
        assert_error(
            &with_code(example("07"), code),
            rule::FILLING_CODE,
            "filling_code",
        );
    }
    assert_accepted(&with_code(example("07"), "18"));
}

#[test]
fn m31_code_00_only_under_16_on_the_filled_on_date() {
    let mut f = example("00");
    // Exact birthday arithmetic: 16 on the filled-on day is too old for "00".
    born(&mut f, day(2008, 3, 15));
    assert_error(&f, rule::FILLING_CODE, "birth_date");
    born(&mut f, day(2008, 3, 16));
    assert_accepted(&f);
}

#[test]
fn m12c_code_00_needs_the_parents_id_on_the_reverse_side() {
    let mut f = example("00");
    assert_accepted(&f);
    f.reverse_side.clear();
    assert_error(&f, rule::PARENT_ID, "reverse_side");
}

#[test]
fn m31_code_01_only_at_16_or_over() {
    let mut f = example("01");
    born(&mut f, day(2008, 3, 16));
    assert_error(&f, rule::FILLING_CODE, "birth_date");
    born(&mut f, day(2008, 3, 15));
    assert_accepted(&f);
}

#[test]
fn m31_code_11_only_for_foreigners_or_stateless_persons() {
    let f = example("11");
    assert_accepted(&as_stateless(f.clone()));
    assert_accepted(&as_foreigner(f.clone()));
    assert_error(&as_citizen(f), rule::FILLING_CODE, "citizenship");
}

#[test]
fn m31_code_03_only_for_foreigners() {
    let f = example("03");
    assert_accepted(&as_foreigner(f.clone()));
    assert_error(&as_stateless(f.clone()), rule::FILLING_CODE, "citizenship");
    assert_error(&as_citizen(f), rule::FILLING_CODE, "citizenship");
}

#[test]
fn m31_codes_12_15_17_only_for_citizens() {
    for code in ["12", "15", "17"] {
        let f = example(code);
        assert_accepted(&as_citizen(f.clone()));
        assert_error(&as_foreigner(f.clone()), rule::FILLING_CODE, "citizenship");
        assert_error(&as_stateless(f), rule::FILLING_CODE, "citizenship");
    }
}

#[test]
fn m31_code_13_only_for_passports() {
    let mut f = example("13");
    assert_accepted(&f);
    f.document = Some(DocumentKind::IdCard);
    assert_error(&f, rule::FILLING_CODE, "document");
}

#[test]
fn m31_code_09_never_for_passports() {
    let mut f = example("09");
    assert_accepted(&f);
    f.document = Some(DocumentKind::Passport);
    assert_error(&f, rule::FILLING_CODE, "document");
}

#[test]
fn m12d_codes_04_and_05_need_a_basis_document() {
    for code in ["04", "05"] {
        let mut f = example(code);
        assert_accepted(&f);
        f.reverse_side.clear();
        assert_error(&f, rule::BASIS, "reverse_side");
    }
}

#[test]
fn m12d_a_marriage_record_is_no_basis_for_a_new_birth_date() {
    let basis = |document| Note::BasisDocument {
        document: Some(document),
        number: Some("1".to_string()),
        date: Some(day(2024, 1, 10)),
    };
    let mut f = example("05");
    f.reverse_side = vec![basis(BasisKind::MarriageRecord)];
    assert_error(&f, rule::BASIS, "reverse_side");
    f.reverse_side = vec![basis(BasisKind::BirthCertificate)];
    assert_accepted(&f);
    let mut g = example("04");
    g.reverse_side = vec![basis(BasisKind::MarriageRecord)];
    assert_accepted(&g);
}

#[test]
fn m33_code_06_needs_an_identification_protocol() {
    let mut f = example("06");
    assert_accepted(&f);
    f.reverse_side.clear();
    assert_error(&f, rule::PROTOCOL, "reverse_side");
}

#[test]
fn m12e_code_08_prints_the_nationality_change_certificate_and_no_other_code_does() {
    for row in CODE_RULES {
        let prints = check(&example(row.code)).prints;
        if row.code == "08" {
            assert_eq!(
                prints,
                vec![Printout::NationalityChangeCertificate],
                "M-12.e"
            );
            assert_eq!(prints[0].rule(), "M-12.e");
        } else {
            assert!(prints.is_empty(), "code {} prints {prints:?}", row.code);
        }
    }
}
