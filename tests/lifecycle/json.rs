//! The lifecycle's JSON, as the store persists it: stable names, a round trip, a forged
//! history refused, and no key silently dropped.

use super::*;

#[test]
fn serde_names_are_stable_snake_case() {
    let names = |v: serde_json::Value| v.to_string();
    assert_eq!(
        names(serde_json::json!(State::UnderVerification)),
        "\"under_verification\""
    );
    assert_eq!(
        names(serde_json::json!(MoveKind::StartVerification)),
        "\"start_verification\""
    );
    let all: Vec<_> = State::ALL.iter().map(|s| serde_json::json!(s)).collect();
    assert_eq!(
        serde_json::json!(all).to_string(),
        r#"["draft","registered","under_verification","sent","returned","manufactured","issued","cancelled","spoiled","destroyed"]"#
    );
    let ret = Event::Return {
        reason: ReturnReason::WrongFillingCode,
    };
    assert_eq!(
        serde_json::to_string(&ret).unwrap_or_default(),
        r#"{"move":"return","reason":"wrong_filling_code"}"#
    );
    // Each event's tag is its kind's name.
    for kind in MoveKind::ALL {
        let e = serde_json::to_value(event(kind, day(2024, 3, 1))).unwrap_or_default();
        assert_eq!(e["move"], serde_json::json!(kind), "{kind:?}");
    }
}

#[test]
fn a_lifecycle_round_trips_through_json_and_a_forged_history_is_refused() {
    use MoveKind as M;
    let lifecycle = walk(&[
        M::Register,
        M::StartVerification,
        M::Confirm,
        M::Send,
        M::Return,
    ]);
    let json = serde_json::to_string(&lifecycle).unwrap_or_else(|e| panic!("{e}"));
    let back: Lifecycle = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, lifecycle);

    let mut forged: Vec<Transition> = lifecycle.transitions().to_vec();
    forged[3].to = State::Manufactured;
    let err = Lifecycle::replay(forged).unwrap_err();
    assert!(
        matches!(&err, LifecycleError::Replay { index: 3, cause } if matches!(**cause, LifecycleError::Mismatch { .. })),
        "{err:?}"
    );
    let skipped: Vec<Transition> = lifecycle.transitions()[1..].to_vec();
    let json = serde_json::to_string(&skipped).unwrap_or_default();
    assert!(
        serde_json::from_str::<Lifecycle>(&json).is_err(),
        "a history must start at draft"
    );
}

#[test]
fn a_misspelt_key_is_an_error_not_a_lost_why() {
    use MoveKind as M;
    let lifecycle = walk(&[M::Register, M::StartVerification, M::Confirm]);
    let json = serde_json::to_value(&lifecycle).unwrap_or_else(|e| panic!("{e}"));
    let parse = |v: &serde_json::Value| serde_json::from_value::<Lifecycle>(v.clone());
    assert_eq!(
        parse(&json).ok(),
        Some(lifecycle.clone()),
        "the untouched history reads back"
    );
    // Transition: "reson" for "reason".
    let mut typo = json.clone();
    typo[0]["reson"] = serde_json::json!("срочно");
    let e = parse(&typo)
        .err()
        .unwrap_or_else(|| panic!("\"reson\" was dropped"));
    assert!(e.to_string().contains("reson"), "{e}");
    // Event, a struct variant of the tagged enum: "reson" beside "ground".
    let mut typo = json.clone();
    typo[1]["event"]["reson"] = serde_json::json!("фото");
    let e = parse(&typo)
        .err()
        .unwrap_or_else(|| panic!("event key dropped"));
    assert!(e.to_string().contains("reson"), "{e}");
    // Conclusion (M-16): "numbr" beside "number".
    let mut typo = json.clone();
    typo[2]["event"]["conclusion"]["numbr"] = serde_json::json!("17");
    let e = parse(&typo)
        .err()
        .unwrap_or_else(|| panic!("conclusion key dropped"));
    assert!(e.to_string().contains("numbr"), "{e}");
}

#[test]
fn an_event_refuses_keys_it_does_not_have_even_a_unit_move() {
    let parse = |text: &str| serde_json::from_str::<Event>(text);
    assert_eq!(parse(r#"{"move":"send"}"#).ok(), Some(Event::Send));
    for text in [
        r#"{"move":"send","reason":"срочно"}"#,
        r#"{"move":"register","reson":"x"}"#,
        r#"{"move":"cancel","reson":"заявитель отказался"}"#,
        r#"{"move":"cancel","reason":"отказ","reson":"x"}"#,
        r#"{"move":"resend","corection":"фото"}"#,
    ] {
        assert!(parse(text).is_err(), "{text} read");
    }
    // M-40: the correction is part of the resend's JSON.
    assert_eq!(
        parse(r#"{"move":"resend","correction":"фото переснято"}"#).ok(),
        Some(Event::Resend {
            correction: "фото переснято".into()
        })
    );
    assert!(
        parse(r#"{"move":"resend"}"#).is_err(),
        "M-40: no correction"
    );
}
