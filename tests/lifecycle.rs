//! The lifecycle of a formulary: the table, checked against the moves issue 3 lists
//! ([`issue3_edges`], written out independently of the table), the history, and property
//! tests that no sequence of moves escapes the state machine (in `lifecycle/props.rs`).

#[path = "lifecycle/json.rs"]
mod json;
#[path = "lifecycle/props.rs"]
mod props;
#[path = "lifecycle/timing.rs"]
mod timing;

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
        MoveKind::Resend => Event::Resend {
            correction: "фото переснято".into(),
        },
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

/// One move of the table: from, move, to.
type Edge = (State, MoveKind, State);

/// The moves issue 3 lists for the lifecycle, with the decisions of `lifecycle.rs` where it
/// is silent, written out by hand: the independent expectation the table, `apply` and the
/// property tests are checked against (none of it is computed from `moves_from`).
pub fn issue3_edges() -> BTreeSet<Edge> {
    use MoveKind as M;
    use State as S;
    [
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
    .collect()
}

/// A shortest path of moves from `draft` to `state` along [`issue3_edges`].
pub fn path_to(state: State) -> Vec<MoveKind> {
    let edges = issue3_edges();
    let mut paths = std::collections::BTreeMap::from([(State::Draft, Vec::new())]);
    let mut queue = VecDeque::from([State::Draft]);
    while let Some(from) = queue.pop_front() {
        let path = paths.get(&from).cloned().unwrap_or_default();
        for (_, kind, to) in edges.iter().filter(|(f, _, _)| *f == from) {
            if !paths.contains_key(to) {
                let mut longer = path.clone();
                longer.push(*kind);
                paths.insert(*to, longer);
                queue.push_back(*to);
            }
        }
    }
    paths
        .remove(&state)
        .unwrap_or_else(|| panic!("{state:?} is not reachable in issue 3's table"))
}

#[test]
fn apply_accepts_exactly_the_moves_of_issue_3() {
    let edges = issue3_edges();
    for state in State::ALL {
        for kind in MoveKind::ALL {
            let expected = edges
                .iter()
                .find(|(from, k, _)| (*from, *k) == (state, kind))
                .map(|(_, _, to)| *to);
            match (apply(state, &event(kind, day(2024, 3, 1))), expected) {
                (Ok(to), Some(want)) => assert_eq!(to, want, "{state:?} --{kind:?}"),
                (Ok(to), None) => panic!("{state:?} --{kind:?}--> {to:?} is not in issue 3"),
                (Err(illegal), Some(want)) => {
                    panic!("{state:?} --{kind:?}--> {want:?} of issue 3 refused: {illegal}")
                }
                (Err(illegal), None) => {
                    assert_eq!((illegal.from, illegal.attempted), (state, kind));
                    assert_eq!(illegal.allowed, moves_from(state));
                }
            }
        }
    }
}

#[test]
fn the_table_has_the_moves_of_issue_3() {
    let edges: BTreeSet<Edge> = State::ALL
        .iter()
        .flat_map(|s| moves_from(*s).iter().map(move |m| (*s, *m, m.target())))
        .collect();
    assert_eq!(edges, issue3_edges());
}

#[test]
fn every_move_of_issue_3_is_made_on_a_lifecycle_with_well_formed_data() {
    for (from, kind, to) in issue3_edges() {
        let mut lifecycle = walk(&path_to(from));
        assert_eq!(lifecycle.state(), from);
        let made = lifecycle
            .apply(event(kind, day(2024, 3, 28)), "Ахметова", at(28, 9), None)
            .unwrap_or_else(|e| panic!("{from:?} --{kind:?}--> {to:?} refused: {e}"));
        assert_eq!((made.from, made.to), (from, to), "{kind:?}");
        assert_eq!(lifecycle.state(), to);
    }
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
    assert_eq!(
        lifecycle.transitions()[3].event,
        Event::Resend {
            correction: "фото переснято".into()
        },
        "M-40: what was corrected is recorded"
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
fn the_law_s_whys_are_required_act_number_coupon_reasons_and_m40_correction() {
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
        (
            vec![M::Register, M::Send, M::Return],
            Event::Resend {
                correction: "  ".into(),
            },
            DataError::EmptyCorrection,
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
        "в статусе «отправлен на изготовление» нельзя «зарегистрировать»; допустимо: \
         «отметить изготовление», «вернуть без изготовления»"
    );
    assert!(
        text.kk
            .contains("«дайындауға жіберілген» күйінде «тіркеу» әрекеті мүмкін емес")
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
