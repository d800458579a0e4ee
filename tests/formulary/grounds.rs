//! The grounds of issue 14 a formulary states: M-4, M-4.3, M-8, M-12.c, M-12.d, M-17,
//! M-43; and `kense formulary template` valid for every code with them.

use super::*;
use kense::domain::formulary::{BirthCertificateGround, DataChange, FilledAt, StayReason};

#[test]
fn m4_the_place_of_actual_stay_only_for_its_reasons_checked_against_the_code() {
    let mut f = example("18");
    f.filled_at = Some(FilledAt::ActualStay { reason: None });
    assert_error(&f, "M-4", "filled_at.reason");
    f.filled_at = Some(FilledAt::ActualStay {
        reason: Some(StayReason::Loss),
    });
    assert_error(&f, "M-4", "filled_at.reason");
    f.filled_at = Some(FilledAt::ActualStay {
        reason: Some(StayReason::Expiry),
    });
    assert_accepted(&f);
    f.filled_at = Some(FilledAt::PermanentRegistration);
    assert_accepted(&f);
    // Code "10" (a change of address) is no reason of M-4 at all.
    let mut g = example("10");
    g.filled_at = Some(FilledAt::ActualStay {
        reason: Some(StayReason::Expiry),
    });
    assert_error(&g, "M-4", "filled_at.reason");
}

#[test]
fn m4_3_a_ussr_passport_exchange_is_not_for_a_foreigner_and_a_minor_is_under_18() {
    let mut f = example("03");
    f.birth_certificate_ground = Some(BirthCertificateGround::Ussr1974Exchange);
    assert_error(&f, "M-4.3", "birth_certificate_ground");
    let mut g = example("18");
    g.birth_certificate_ground = Some(BirthCertificateGround::Minor);
    assert_error(&g, "M-4.3", "birth_certificate_ground");
    g.birth_certificate_ground = Some(BirthCertificateGround::LateFirstDocuments);
    assert_accepted(&g);
}

#[test]
fn m12c_a_minor_on_a_birth_certificate_needs_the_parents_document_code_01_at_16_too() {
    let mut f = example("01");
    assert_accepted(&f);
    f.reverse_side
        .retain(|n| !matches!(n, Note::ParentId { .. }));
    assert_error(&f, "M-12.c", "reverse_side");
    let mut g = example("01");
    g.representative_present = Some(false);
    assert_error(&g, "M-12.c", "representative_present");
    let mut h = example("00");
    h.representative_present = None;
    assert_error(&h, "M-12.c", "representative_present");
}

#[test]
fn m12d_codes_04_05_need_zags_data_or_the_appendix_4_conclusion_not_a_certificate_alone() {
    let mut f = example("05");
    f.data_change = None;
    assert_error(&f, "M-12.d", "data_change");
    f.data_change = Some(DataChange::Zags { reference: None });
    assert_error(&f, "M-12.d", "data_change.reference");
    f.data_change = Some(DataChange::Zags {
        reference: Some("АЖ 2024-000153".into()),
    });
    assert_accepted(&f);
    f.data_change = Some(DataChange::Conclusion {
        number: Some("17".into()),
        date: None,
    });
    assert_error(&f, "M-12.d", "data_change.date");
    // The exceptions are bases of a surname change only.
    f.data_change = Some(DataChange::MarriageSurname);
    assert_error(&f, "M-12.d", "data_change");
    let mut g = example("04");
    for exception in [
        DataChange::MarriageSurname,
        DataChange::DivorceSurname,
        DataChange::NationalTradition,
    ] {
        g.data_change = Some(exception);
        assert_accepted(&g);
    }
    // A change of the place of birth needs a basis too, whatever the code.
    let mut h = example("18");
    h.birth_place_changed = Some(true);
    assert_error(&h, "M-12.d", "data_change");
}

#[test]
fn m17_m43_lives_abroad_and_convict_need_their_reverse_side_notes() {
    let mut f = example("18");
    f.lives_abroad = Some(true);
    assert_error(&f, "M-17", "reverse_side");
    f.reverse_side.push(Note::AddressAbroad {
        address: Some("TURKEY, ISTANBUL".into()),
    });
    assert_accepted(&f);
    f.convict = Some(true);
    assert_error(&f, "M-43", "reverse_side");
    f.reverse_side.push(Note::PenalInstitution {
        location: Some("КАРАГАНДИНСКАЯ ОБЛАСТЬ".into()),
        institution: Some("УЧРЕЖДЕНИЕ ЕЦ-166/1".into()),
    });
    assert_accepted(&f);
}

#[test]
fn old_formularies_without_the_new_fields_still_read() {
    let mut json: serde_json::Value =
        serde_json::from_str(&example("18").to_json().unwrap_or_else(|e| panic!("{e}")))
            .unwrap_or_else(|e| panic!("{e}"));
    if let Some(o) = json.as_object_mut() {
        for key in ["filled_at", "lives_abroad", "convict", "signature_document"] {
            o.remove(key);
        }
    }
    let back = Formulary::from_json(&json.to_string()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.filled_at, None);
    assert_accepted(&back);
}

#[test]
fn every_codes_template_is_valid_and_states_its_grounds() {
    for rule in CODE_RULES {
        let f = example(rule.code);
        assert_accepted(&f);
        assert!(f.filled_at.is_some(), "M-4: {}", rule.code);
        let json = f.to_json().unwrap_or_else(|e| panic!("{e}"));
        for key in ["filled_at", "lives_abroad", "convict", "data_change"] {
            assert!(json.contains(key), "{}: {key}", rule.code);
        }
    }
}

#[test]
fn the_grounds_texts_hold_no_control_character() {
    let mut f = example("05");
    f.data_change = Some(DataChange::Zags {
        reference: Some("АЖ\u{7}1".into()),
    });
    assert_error(&f, "K-TEXT", "data_change.reference");
    let mut g = example("18");
    g.signature = Some(Signature::Absent {
        reason: Some("инвалидность".into()),
    });
    g.signature_document = Some("справка\u{1b}[2J".into());
    assert_error(&g, "K-TEXT", "signature_document");
}
