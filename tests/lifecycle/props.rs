//! Property tests: no sequence of moves escapes the state machine, a refused move changes
//! nothing, the recorded chain holds, and `issued` and `destroyed` are terminal.
//!
//! Every move the lifecycle accepts is checked against [`issue3_edges`], the moves of issue 3
//! written out by hand, not against `moves_from`, of which `apply` is built; and the guided
//! runs walk that set, so each of its moves is shown accepted.

use super::{Edge, at, day, event, issue3_edges, walk};
use chrono::NaiveDateTime;
use kense::domain::lifecycle::{
    Conclusion, Event, Lifecycle, LifecycleError, MoveKind, ReturnReason, State, VerificationGround,
};
use proptest::prelude::*;

/// Any event at all, with data well-formed or not.
fn any_event() -> impl Strategy<Value = Event> {
    let text = prop_oneof![Just(String::new()), Just(" ".to_string()), "[а-я0-9]{1,6}"];
    let date = (1u32..=28).prop_map(|d| day(2024, 3, d));
    let conclusion = (text.clone(), date).prop_map(|(number, date)| Conclusion { number, date });
    prop_oneof![
        Just(Event::Register),
        prop::sample::select(VerificationGround::ALL.to_vec())
            .prop_map(|ground| Event::StartVerification { ground }),
        conclusion
            .clone()
            .prop_map(|conclusion| Event::Confirm { conclusion }),
        conclusion.prop_map(|conclusion| Event::Refuse { conclusion }),
        Just(Event::Send),
        prop::sample::select(ReturnReason::ALL.to_vec())
            .prop_map(|reason| Event::Return { reason }),
        text.clone()
            .prop_map(|correction| Event::Resend { correction }),
        Just(Event::Manufacture),
        text.clone().prop_map(|coupon| Event::Issue { coupon }),
        text.clone().prop_map(|reason| Event::Cancel { reason }),
        text.clone().prop_map(|reason| Event::Spoil { reason }),
        text.prop_map(|act_number| Event::Destroy { act_number }),
    ]
}

/// A step: an event, a clerk (sometimes blank), a time (sometimes going backwards).
fn any_step() -> impl Strategy<Value = (Event, String, NaiveDateTime)> {
    let clerk = prop_oneof![
        Just(String::new()),
        Just("Ахметова".to_string()),
        Just("Ли".to_string())
    ];
    let when = (1u32..=28, 0u32..24).prop_map(|(d, h)| at(d, h));
    (any_event(), clerk, when)
}

/// Makes the steps from a new draft and checks every invariant of the state machine on
/// the way and at the end; returns the lifecycle reached.
fn run(steps: Vec<(Event, String, NaiveDateTime)>) -> Result<Lifecycle, TestCaseError> {
    let edges = issue3_edges();
    let mut lifecycle = Lifecycle::new();
    for (event, clerk, when) in steps {
        let before = lifecycle.clone();
        match lifecycle.apply(event.clone(), &clerk, when, None) {
            Ok(t) => {
                prop_assert!(
                    edges.contains(&(t.from, event.kind(), t.to)),
                    "{:?} --{:?}--> {:?} is not a move of issue 3",
                    t.from,
                    event,
                    t.to
                );
                prop_assert_eq!(&t.event, &event);
                prop_assert_eq!(t.from, before.state());
                prop_assert_eq!(lifecycle.state(), t.to);
                prop_assert!(!t.clerk.is_empty());
                prop_assert_eq!(
                    lifecycle.transitions().len(),
                    before.transitions().len() + 1
                );
            }
            Err(_) => prop_assert_eq!(&lifecycle, &before, "an illegal move changed the history"),
        }
    }
    // The chain: from draft, each `from` the previous `to`, time never going back.
    let transitions = lifecycle.transitions();
    let mut state = State::Draft;
    for pair in transitions.windows(2) {
        prop_assert!(pair[0].at <= pair[1].at);
    }
    for t in transitions {
        prop_assert_eq!(t.from, state);
        prop_assert!(edges.contains(&(t.from, t.event.kind(), t.to)));
        state = t.to;
    }
    prop_assert_eq!(state, lifecycle.state());
    // What the store writes, it reads back the same.
    prop_assert_eq!(
        Lifecycle::replay(transitions.to_vec()),
        Ok(lifecycle.clone())
    );
    Ok(lifecycle)
}

type Steps = Vec<(Event, String, NaiveDateTime)>;

/// Steps that mostly follow issue 3's moves, so runs reach deep states: each picks, by
/// `choice`, a move of [`issue3_edges`] from the state the previous picks lead to, or (when
/// `stray`) any move. Also says whether every step was such a pick.
fn guided_steps() -> impl Strategy<Value = (Steps, bool)> {
    prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            any_event(),
            prop::bool::weighted(0.2),
        ),
        0..30,
    )
    .prop_map(|picks| {
        let edges = issue3_edges();
        let mut state = State::Draft;
        let mut steps = Vec::new();
        let mut all_legal = true;
        for (i, (choice, stray, is_stray)) in picks.into_iter().enumerate() {
            let hour = u32::try_from(i).unwrap_or(0);
            let when = at(1 + hour / 12, 8 + hour % 12);
            let legal: Vec<&Edge> = edges.iter().filter(|(from, _, _)| *from == state).collect();
            let event = if is_stray || legal.is_empty() {
                // After a stray move the state is no longer known here.
                all_legal = false;
                stray
            } else {
                let (_, kind, to) = legal[choice.index(legal.len())];
                state = *to;
                event(*kind, when.date())
            };
            steps.push((event, "Ахметова".to_string(), when));
        }
        (steps, all_legal)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_sequence_of_moves_escapes_the_table(steps in prop::collection::vec(any_step(), 0..40)) {
        run(steps)?;
    }

    #[test]
    fn no_guided_sequence_escapes_the_table((steps, all_legal) in guided_steps()) {
        let count = steps.len();
        let lifecycle = run(steps)?;
        if all_legal {
            // A path along issue 3's moves with well-formed data is never refused.
            prop_assert_eq!(lifecycle.transitions().len(), count);
        }
    }

    #[test]
    fn destroyed_and_issued_accept_no_move(event in any_event(), issued in any::<bool>()) {
        use MoveKind as M;
        let path: &[MoveKind] = if issued {
            &[M::Register, M::Send, M::Manufacture, M::Issue]
        } else {
            &[M::Spoil, M::Destroy]
        };
        let mut lifecycle = walk(path);
        let before = lifecycle.clone();
        let result = lifecycle.apply(event, "Ахметова", at(28, 23), None);
        prop_assert!(matches!(result, Err(LifecycleError::Illegal(_))), "{:?}", result);
        prop_assert_eq!(lifecycle, before);
    }
}
