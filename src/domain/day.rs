//! The day's accounting of formularies (issue 12; order No. 451: учет, расходование,
//! уничтожение — accounting, expenditure and destruction of the forms): what the office
//! held at the start of a day, what came in and went out, and what it held at the end.
//! Pure: the store counts, this module adds up and says whether it reconciles.
//!
//! Two views of the same moves:
//! - **by state**: for every state, start + moves into it − moves out of it = end;
//! - **in the office**: the forms the office holds — registered, under verification (M-16),
//!   returned (M-40), manufactured (the document waits for the citizen, M-56), cancelled and
//!   spoiled (they wait for the destruction act) — start + registered − sent + returned
//!   (M-40) + manufactured (back from the manufacturer as a document) − issued (M-57) −
//!   destroyed by act = end. Cancelling and spoiling change what a form is, not where it
//!   is: they are counted (`cancelled`, `spoiled`) but move nothing out of the office until
//!   the act destroys the form.

use super::lifecycle::State;
use serde::Serialize;
use std::collections::BTreeMap;

/// The states of a form the office holds (see the module docs).
pub const IN_OFFICE: [State; 6] = [
    State::Registered,
    State::UnderVerification,
    State::Returned,
    State::Manufactured,
    State::Cancelled,
    State::Spoiled,
];

/// Whether a form in `state` is in the office.
pub fn in_office(state: State) -> bool {
    IN_OFFICE.contains(&state)
}

/// Moves of one day, counted by (from, to); a registration is from [`State::Draft`].
pub type Flows = BTreeMap<(State, State), u64>;

/// Counts by state (never [`State::Draft`]: a draft is not a form of the register).
pub type Counts = BTreeMap<State, u64>;

/// One state's line of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StateLine {
    pub state: State,
    pub start: u64,
    /// Moves into the state during the day (a registration into `registered`).
    pub came: u64,
    /// Moves out of the state during the day.
    pub left: u64,
    /// As counted by the register at the end of the day.
    pub end: u64,
}

impl StateLine {
    /// start + came − left = end.
    pub fn reconciles(&self) -> bool {
        (self.start + self.came).checked_sub(self.left) == Some(self.end)
    }
}

/// The office's line of the day (see the module docs).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct OfficeLine {
    pub start: u64,
    pub registered: u64,
    pub sent: u64,
    /// Back from the manufacturer without manufacture (M-40).
    pub returned: u64,
    /// Back from the manufacturer as a document waiting for the citizen.
    pub manufactured: u64,
    pub issued: u64,
    pub destroyed: u64,
    /// Counted, not subtracted: the form stays in the office until destroyed.
    pub cancelled: u64,
    pub spoiled: u64,
    pub end: u64,
}

impl OfficeLine {
    /// start + registered − sent + returned + manufactured − issued − destroyed = end.
    pub fn reconciles(&self) -> bool {
        let came = self.start + self.registered + self.returned + self.manufactured;
        came.checked_sub(self.sent + self.issued + self.destroyed) == Some(self.end)
    }
}

/// The day's balance, by state and for the office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayBalance {
    /// Every state but draft, in the lifecycle's order.
    pub by_state: Vec<StateLine>,
    pub office: OfficeLine,
    /// Every line adds up.
    pub reconciled: bool,
}

/// The balance of a day from the counts at its start and end (each as the register counts
/// them) and the day's moves. `reconciled` is false when the counts and the moves disagree:
/// a register whose history and states do not match.
pub fn balance(start: &Counts, flows: &Flows, end: &Counts) -> DayBalance {
    let count = |counts: &Counts, s: State| counts.get(&s).copied().unwrap_or(0);
    let by_state: Vec<StateLine> = State::ALL
        .into_iter()
        .filter(|s| *s != State::Draft)
        .map(|state| StateLine {
            state,
            start: count(start, state),
            came: flows
                .iter()
                .filter(|((_, to), _)| *to == state)
                .map(|(_, n)| n)
                .sum(),
            left: flows
                .iter()
                .filter(|((from, _), _)| *from == state)
                .map(|(_, n)| n)
                .sum(),
            end: count(end, state),
        })
        .collect();
    let into = |to: State, from: Option<State>| -> u64 {
        flows
            .iter()
            .filter(|((f, t), _)| *t == to && from.is_none_or(|from| *f == from))
            .map(|(_, n)| n)
            .sum()
    };
    let held = |counts: &Counts| IN_OFFICE.iter().map(|s| count(counts, *s)).sum();
    let office = OfficeLine {
        start: held(start),
        registered: into(State::Registered, Some(State::Draft)),
        sent: into(State::Sent, None),
        returned: into(State::Returned, Some(State::Sent)),
        manufactured: into(State::Manufactured, None),
        issued: into(State::Issued, None),
        destroyed: into(State::Destroyed, None),
        cancelled: into(State::Cancelled, None),
        spoiled: into(State::Spoiled, None),
        end: held(end),
    };
    let reconciled = by_state.iter().all(StateLine::reconciles) && office.reconciles();
    DayBalance {
        by_state,
        office,
        reconciled,
    }
}

/// The counts after `flows`, from `counts`: the state each move leaves loses one, the state
/// it enters gains one (drafts are not kept). `None` when a state would end below zero:
/// moves that do not fit the counts. The moves of a span are netted before they are
/// applied, as their order within the span is not known here.
pub fn after(counts: &Counts, flows: &Flows) -> Option<Counts> {
    shift(counts, flows, 1)
}

/// The counts before `flows`, from the counts after them (the inverse of [`after`]).
pub fn before(counts: &Counts, flows: &Flows) -> Option<Counts> {
    shift(counts, flows, -1)
}

fn shift(counts: &Counts, flows: &Flows, sign: i128) -> Option<Counts> {
    let mut net: BTreeMap<State, i128> = counts.iter().map(|(s, n)| (*s, i128::from(*n))).collect();
    for (&(from, to), &n) in flows {
        let n = i128::from(n) * sign;
        if from != State::Draft {
            *net.entry(from).or_insert(0) -= n;
        }
        *net.entry(to).or_insert(0) += n;
    }
    net.into_iter()
        .filter(|(_, n)| *n != 0)
        .map(|(s, n)| u64::try_from(n).ok().map(|n| (s, n)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_of_registrations_sends_and_an_issue_reconciles() {
        let start = Counts::from([(State::Registered, 3), (State::Manufactured, 1)]);
        let flows = Flows::from([
            ((State::Draft, State::Registered), 2),
            ((State::Registered, State::Sent), 1),
            ((State::Manufactured, State::Issued), 1),
            ((State::Registered, State::Cancelled), 1),
        ]);
        let end = after(&start, &flows).unwrap_or_else(|| panic!("moves fit"));
        let b = balance(&start, &flows, &end);
        assert!(b.reconciled, "{b:?}");
        assert_eq!(b.office.start, 4);
        assert_eq!(b.office.registered, 2);
        assert_eq!(b.office.sent, 1);
        assert_eq!(b.office.issued, 1);
        assert_eq!(b.office.cancelled, 1);
        // 4 + 2 − 1 − 1 = 4: the cancelled form is still in the office.
        assert_eq!(b.office.end, 4);
        assert_eq!(before(&end, &flows), Some(start));
    }

    #[test]
    fn counts_that_do_not_fit_the_moves_do_not_reconcile() {
        let start = Counts::from([(State::Registered, 1)]);
        let flows = Flows::from([((State::Registered, State::Sent), 1)]);
        let wrong_end = Counts::from([(State::Registered, 1), (State::Sent, 1)]);
        assert!(!balance(&start, &flows, &wrong_end).reconciled);
        let too_many = Flows::from([((State::Registered, State::Sent), 2)]);
        assert_eq!(after(&start, &too_many), None);
    }
}
