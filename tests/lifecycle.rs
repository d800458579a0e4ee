//! The lifecycle of a formulary: the table, the history, and property tests that no
//! sequence of moves escapes the state machine (in `lifecycle/props.rs`).

#[path = "lifecycle/props.rs"]
mod props;

use chrono::{NaiveDate, NaiveDateTime};
use kense::domain::lifecycle::{
    Conclusion, DataError, Event, Lifecycle, LifecycleError, MoveKind, ReturnReason, State,
    Transition, VerificationGround, apply, moves_from,
};
use std::collections::{BTreeSet, VecDeque};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("bad date {y}-{m}-{d}"))
}

fn at(d: u32, h: u32) -> NaiveDateTime {
    day(2024, 3, d)
        .and_hms_opt(h, 0, 0)
        .unwrap_or_else(|| panic!("bad hour {h}"))
}

/// An event of `kind` with well-formed data, its conclusion dated `on`.
fn event(kind: MoveKind, on: NaiveDate) -> Event {
    let conclusion = Conclusion {
        number: "17".into(),
        date: on,
    };
    match kind {
        MoveKind::Register => Event::Register,
        MoveKind::StartVerification => Event::StartVerification {
            ground: VerificationGround::PhotoIdentity,
        },
        MoveKind::Confirm => Event::Confirm { conclusion },
        MoveKind::Refuse => Event::Refuse { conclusion },
        MoveKind::Send => Event::Send,
        MoveKind::Return => Event::Return {
            reason: ReturnReason::PoorGraphics,
        },
        MoveKind::Resend => Event::Resend,
        MoveKind::Manufacture => Event::Manufacture,
        MoveKind::Issue => Event::Issue {
            coupon: "000123".into(),
        },
        MoveKind::Cancel => Event::Cancel {
            reason: "заявитель отказался".into(),
        },
        MoveKind::Spoil => Event::Spoil {
            reason: "пролит чай".into(),
        },
        MoveKind::Destroy => Event::Destroy {
            act_number: "А-5".into(),
        },
    }
}

/// Makes the moves in order, one hour apart from 1 March 09:00, by clerk "Ахметова".
fn walk(kinds: &[MoveKind]) -> Lifecycle {
    let mut lifecycle = Lifecycle::new();
    for (i, kind) in kinds.iter().enumerate() {
        let when = at(1, 9) + chrono::Duration::hours(i64::try_from(i).unwrap_or(0));
        lifecycle
            .apply(event(*kind, when.date()), "Ахметова", when, None)
            .unwrap_or_else(|e| panic!("{kind:?} refused: {e}"));
    }
    lifecycle
}

#[test]
fn apply_and_moves_from_agree_for_every_state_and_move() {
    for state in State::ALL {
        for kind in MoveKind::ALL {
            let result = apply(state, &event(kind, day(2024, 3, 1)));
            let listed = moves_from(state).contains(&kind);
            match result {
                Ok(to) => {
                    assert!(listed, "{state:?} --{kind:?}--> allowed but not listed");
                    assert_eq!(to, kind.target(), "{state:?} --{kind:?}");
                }
                Err(illegal) => {
                    assert!(!listed, "{state:?} --{kind:?}--> listed but refused");
                    assert_eq!((illegal.from, illegal.attempted), (state, kind));
                    assert_eq!(illegal.allowed, moves_from(state));
                }
            }
        }
    }
}

#[test]
fn the_table_has_the_moves_of_issue_3() {
    use MoveKind as M;
    use State as S;
    let edges: BTreeSet<(State, MoveKind, State)> = State::ALL
        .iter()
        .flat_map(|s| moves_from(*s).iter().map(move |m| (*s, *m, m.target())))
        .collect();
    let expected: BTreeSet<_> = [
        (S::Draft, M::Register, S::Registered),
        (S::Registered, M::Send, S::Sent),
        (S::Sent, M::Manufacture, S::Manufactured),
        (S::Manufactured, M::Issue, S::Issued),
        // M-16: verification, then a conclusion one way or the other.
        (S::Registered, M::StartVerification, S::UnderVerification),
        (S::UnderVerification, M::Confirm, S::Registered),
        (S::UnderVerification, M::Refuse, S::Cancelled),
        // M-40: returned with a reason, corrected and sent again; M-33 for a photo.
        (S::Sent, M::Return, S::Returned),
        (S::Returned, M::Resend, S::Sent),
        (S::Returned, M::StartVerification, S::UnderVerification),
        (S::Draft, M::Cancel, S::Cancelled),
        (S::Registered, M::Cancel, S::Cancelled),
        (S::Returned, M::Cancel, S::Cancelled),
        (S::Draft, M::Spoil, S::Spoiled),
        (S::Registered, M::Spoil, S::Spoiled),
        (S::UnderVerification, M::Spoil, S::Spoiled),
        (S::Returned, M::Spoil, S::Spoiled),
        (S::Cancelled, M::Destroy, S::Destroyed),
        (S::Spoiled, M::Destroy, S::Destroyed),
    ]
    .into_iter()
    .collect();
    assert_eq!(edges, expected);
}

#[test]
fn every_state_is_reachable_from_draft_and_only_issued_and_destroyed_are_terminal() {
    let mut seen = BTreeSet::from([State::Draft]);
    let mut queue = VecDeque::from([State::Draft]);
    while let Some(state) = queue.pop_front() {
        for kind in moves_from(state) {
            if seen.insert(kind.target()) {
                queue.push_back(kind.target());
            }
        }
    }
    assert_eq!(seen, State::ALL.into_iter().collect());
    let terminal: Vec<_> = State::ALL.into_iter().filter(|s| s.is_terminal()).collect();
    assert_eq!(terminal, [State::Issued, State::Destroyed]);
}

#[test]
fn sent_cannot_be_spoiled_or_cancelled_it_is_with_the_manufacturer() {
    for kind in [MoveKind::Spoil, MoveKind::Cancel] {
        for state in [State::Sent, State::Manufactured, State::Issued] {
            assert!(
                apply(state, &event(kind, day(2024, 3, 1))).is_err(),
                "{state:?} {kind:?}"
            );
        }
    }
}

#[test]
fn m40_a_returned_formulary_is_corrected_and_sent_again_then_issued() {
    use MoveKind as M;
    let lifecycle = walk(&[
        M::Register,
        M::Send,
        M::Return,
        M::Resend,
        M::Manufacture,
        M::Issue,
    ]);
    assert_eq!(lifecycle.state(), State::Issued);
    let returned = &lifecycle.transitions()[2];
    assert_eq!((returned.from, returned.to), (State::Sent, State::Returned));
    assert_eq!(
        returned.event,
        Event::Return {
            reason: ReturnReason::PoorGraphics
        },
        "M-40: the reason of return is recorded"
    );
}

#[test]
fn m16_verification_ends_with_a_conclusion_confirming_or_refusing() {
    use MoveKind as M;
    let confirmed = walk(&[M::Register, M::StartVerification, M::Confirm, M::Send]);
    assert_eq!(confirmed.state(), State::Sent);
    let refused = walk(&[M::Register, M::StartVerification, M::Refuse, M::Destroy]);
    assert_eq!(refused.state(), State::Destroyed);
    let mut held = walk(&[M::Register, M::StartVerification]);
    assert_eq!(
        held.verification_started(),
        Some(at(1, 10)),
        "M-16 counts from here"
    );
    let cancel = event(M::Cancel, day(2024, 3, 1));
    assert!(
        held.apply(cancel, "Ахметова", at(2, 9), None).is_err(),
        "M-16: no cancelling around the conclusion"
    );
}

#[test]
fn m16_a_conclusion_needs_its_number_and_a_date_within_the_verification() {
    use MoveKind as M;
    let mut held = walk(&[M::Register, M::StartVerification]);
    let conclude = |number: &str, date| Event::Confirm {
        conclusion: Conclusion {
            number: number.into(),
            date,
        },
    };
    let cases = [
        (
            conclude(" ", day(2024, 3, 4)),
            DataError::EmptyConclusionNumber,
        ),
        (
            conclude("3", day(2024, 2, 29)),
            DataError::ConclusionBeforeVerification {
                date: day(2024, 2, 29),
                started: day(2024, 3, 1),
            },
        ),
        (
            conclude("3", day(2024, 3, 5)),
            DataError::ConclusionAfterMove {
                date: day(2024, 3, 5),
                recorded: day(2024, 3, 4),
            },
        ),
    ];
    for (event, expected) in cases {
        let before = held.clone();
        let result = held.apply(event, "Ахметова", at(4, 9), None);
        assert_eq!(result, Err(LifecycleError::Data(expected)));
        assert_eq!(held, before, "a refused move changes nothing");
    }
    let ok = held.apply(conclude("3", day(2024, 3, 4)), "Ахметова", at(4, 9), None);
    assert!(ok.is_ok(), "{ok:?}");
}

#[test]
fn the_law_s_whys_are_required_act_number_coupon_and_reasons() {
    use MoveKind as M;
    let cases = [
        (
            vec![M::Cancel],
            Event::Destroy {
                act_number: "".into(),
            },
            DataError::EmptyActNumber,
        ),
        (
            vec![],
            Event::Cancel { reason: " ".into() },
            DataError::EmptyReason(M::Cancel),
        ),
        (
            vec![],
            Event::Spoil { reason: "".into() },
            DataError::EmptyReason(M::Spoil),
        ),
        (
            vec![M::Register, M::Send, M::Manufacture],
            Event::Issue { coupon: "".into() },
            DataError::EmptyCoupon,
        ),
    ];
    for (path, event, expected) in cases {
        let mut lifecycle = walk(&path);
        let result = lifecycle.apply(event, "Ахметова", at(9, 9), None);
        assert_eq!(result, Err(LifecycleError::Data(expected)));
    }
}

#[test]
fn a_move_needs_a_clerk_and_a_time_not_before_the_last() {
    let mut lifecycle = walk(&[MoveKind::Register]);
    let before = lifecycle.clone();
    let send = Event::Send;
    assert_eq!(
        lifecycle.apply(send.clone(), "  ", at(2, 9), None),
        Err(LifecycleError::EmptyClerk)
    );
    assert!(matches!(
        lifecycle.apply(send.clone(), "Ахметова", at(1, 8), None),
        Err(LifecycleError::BeforePrevious { .. })
    ));
    assert_eq!(lifecycle, before);
    let made = lifecycle
        .apply(send, " Ахметова ", at(2, 9), Some("  срочно "))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(made.clerk, "Ахметова");
    assert_eq!(made.reason.as_deref(), Some("срочно"));
    assert_eq!(lifecycle.transitions().last(), Some(&made));
}

#[test]
fn the_illegal_move_message_names_state_move_and_what_is_allowed() {
    let err = apply(State::Sent, &Event::Register).unwrap_err();
    let text = err.text();
    assert_eq!(
        text.ru,
        "из состояния «отправлен на изготовление» нельзя «зарегистрировать»; допустимо: \
         «отметить изготовление», «вернуть без изготовления»"
    );
    assert!(
        text.kk
            .contains("«дайындауға жіберілген» күйінен «тіркеу» мүмкін емес")
    );
    assert!(
        text.en
            .contains("allowed: «mark as manufactured», «return without manufacture»")
    );
    let final_ = apply(State::Destroyed, &Event::Register)
        .unwrap_err()
        .text();
    assert!(
        final_.ru.ends_with("это состояние конечное"),
        "{}",
        final_.ru
    );
}

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
