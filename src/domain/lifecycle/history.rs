//! The history of one formulary: every move made, by whom, when and why.

use super::documents::NumberTaken;
use super::event::check_text;
use super::{DataError, Event, IllegalMove, MoveKind, State, apply, moves_from};
use crate::domain::Text;
use crate::domain::calendar::{self, CalendarError, M16Due};
use crate::domain::text::limit;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// One move made: from where to where, what it was, who made it, when, and the clerk's note.
/// An unknown key in its JSON (`"reson"`) is an error, so a misspelt why is not lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transition {
    /// The state before the move.
    pub from: State,
    /// The state after it.
    pub to: State,
    /// The move with its data (the M-40 reason, the M-16 conclusion, the act number…).
    pub event: Event,
    /// The clerk who made it, never empty.
    pub clerk: String,
    /// When it was made.
    pub at: NaiveDateTime,
    /// The clerk's note on why, where the move's own data do not already say it.
    pub reason: Option<String>,
}

/// A formulary's current state and the moves that led there from `draft`.
///
/// A refused move changes nothing. Serialised as the list of transitions alone; reading it
/// back replays them, so a store cannot hold a history that escapes the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Transition>", into = "Vec<Transition>")]
pub struct Lifecycle {
    state: State,
    transitions: Vec<Transition>,
}

impl Default for Lifecycle {
    fn default() -> Self {
        Self::new()
    }
}

impl Lifecycle {
    /// A new formulary: a draft with no history.
    pub fn new() -> Self {
        Self {
            state: State::Draft,
            transitions: Vec::new(),
        }
    }

    /// Rebuilds a lifecycle from recorded transitions, checking each as if made anew.
    pub fn replay(transitions: Vec<Transition>) -> Result<Self, LifecycleError> {
        let mut lifecycle = Self::new();
        for (index, t) in transitions.into_iter().enumerate() {
            let expected_from = lifecycle.state;
            let replay = |cause| LifecycleError::Replay {
                index,
                cause: Box::new(cause),
            };
            let made = lifecycle
                .advance(t.event.clone(), &t.clerk, t.at, t.reason.as_deref())
                .map_err(replay)?;
            if (t.from, t.to) != (made.from, made.to) {
                return Err(replay(LifecycleError::Mismatch {
                    recorded: (t.from, t.to),
                    expected: (expected_from, made.to),
                }));
            }
        }
        Ok(lifecycle)
    }

    /// Where the formulary stands.
    pub fn state(&self) -> State {
        self.state
    }

    /// The moves made, oldest first.
    pub fn transitions(&self) -> &[Transition] {
        &self.transitions
    }

    /// The moves legal now.
    pub fn moves(&self) -> &'static [MoveKind] {
        moves_from(self.state)
    }

    /// When the current verification began, while the formulary is under verification:
    /// M-16 counts its three working days, then two for the conclusion, from here.
    pub fn verification_started(&self) -> Option<NaiveDateTime> {
        match self.state {
            State::UnderVerification => self.transitions.last().map(|t| t.at),
            _ => None,
        }
    }

    /// M-16: while the formulary is under verification, the day the verification is due
    /// (3 working days after the day it started) and the day the conclusion is due (2
    /// working days after that), on Kazakhstan's working-day calendar; `None` in any other
    /// state. An error when those days fall outside the years the calendar covers.
    pub fn m16_due(&self) -> Option<Result<M16Due, CalendarError>> {
        self.verification_started()
            .map(|started| calendar::m16_due(started.date()))
    }

    /// Makes `event` by `clerk` at `at`, with an optional note on why, and returns the
    /// transition recorded. On any error nothing changes.
    pub fn apply(
        &mut self,
        event: Event,
        clerk: &str,
        at: NaiveDateTime,
        reason: Option<&str>,
    ) -> Result<Transition, LifecycleError> {
        // Issue 15: what a new move records is printable and within its limits; a history
        // recorded before (`replay`) is read as it is.
        event.check_texts().map_err(LifecycleError::Data)?;
        if let Some(note) = reason {
            check_text("note", note, limit::NOTE).map_err(LifecycleError::Data)?;
        }
        self.advance(event, clerk, at, reason)
    }

    /// [`Lifecycle::apply`] without the checks of the texts: also the replay of a
    /// recorded history.
    fn advance(
        &mut self,
        event: Event,
        clerk: &str,
        at: NaiveDateTime,
        reason: Option<&str>,
    ) -> Result<Transition, LifecycleError> {
        let clerk = clerk.trim();
        if clerk.is_empty() {
            return Err(LifecycleError::EmptyClerk);
        }
        let to = apply(self.state, &event).map_err(LifecycleError::Illegal)?;
        if let Some(previous) = self.transitions.last()
            && at < previous.at
        {
            return Err(LifecycleError::BeforePrevious {
                at,
                previous: previous.at,
            });
        }
        event.check(at).map_err(LifecycleError::Data)?;
        // M-16: the conclusion follows the verification it ends.
        if let (Some(conclusion), Some(started)) = (event.conclusion(), self.verification_started())
            && conclusion.date < started.date()
        {
            return Err(LifecycleError::Data(
                DataError::ConclusionBeforeVerification {
                    date: conclusion.date,
                    started: started.date(),
                },
            ));
        }
        let reason = reason.map(str::trim).filter(|r| !r.is_empty());
        let transition = Transition {
            from: self.state,
            to,
            event,
            clerk: clerk.to_owned(),
            at,
            reason: reason.map(str::to_owned),
        };
        self.transitions.push(transition.clone());
        self.state = to;
        Ok(transition)
    }
}

impl TryFrom<Vec<Transition>> for Lifecycle {
    type Error = LifecycleError;

    fn try_from(transitions: Vec<Transition>) -> Result<Self, Self::Error> {
        Self::replay(transitions)
    }
}

impl From<Lifecycle> for Vec<Transition> {
    fn from(lifecycle: Lifecycle) -> Self {
        lifecycle.transitions
    }
}

/// Why a move was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LifecycleError {
    /// The table does not allow the move from the current state.
    Illegal(IllegalMove),
    /// Every move names the clerk who made it.
    EmptyClerk,
    /// The move is dated before the previous one.
    BeforePrevious {
        at: NaiveDateTime,
        previous: NaiveDateTime,
    },
    /// The move's data are missing or impossible.
    Data(DataError),
    /// M-57: the issue would record a document number the register holds already.
    DocumentNumberTaken(NumberTaken),
    /// A recorded transition says other states than replaying it gives.
    Mismatch {
        recorded: (State, State),
        expected: (State, State),
    },
    /// Replaying a recorded history failed at the transition with this 0-based index.
    Replay {
        index: usize,
        cause: Box<LifecycleError>,
    },
}

impl LifecycleError {
    /// The explanation for the clerk.
    pub fn text(&self) -> Text {
        match self {
            LifecycleError::Illegal(illegal) => illegal.text(),
            LifecycleError::EmptyClerk => Text::new(
                "укажите сотрудника, совершающего действие",
                "әрекетті жасайтын қызметкерді көрсетіңіз",
                "name the clerk making the move",
            ),
            LifecycleError::BeforePrevious { at, previous } => Text::new(
                format!("время {at} раньше предыдущего действия ({previous})"),
                format!("{at} уақыты алдыңғы әрекеттен ({previous}) ерте"),
                format!("the time {at} is before the previous move ({previous})"),
            ),
            LifecycleError::Data(data) => data.text(),
            LifecycleError::DocumentNumberTaken(taken) => taken.text(),
            LifecycleError::Mismatch { recorded, expected } => {
                let pair = |(a, b): (State, State)| (a.text(), b.text());
                let (r, e) = (pair(*recorded), pair(*expected));
                Text::new(
                    format!(
                        "записано «{}» → «{}», а по таблице «{}» → «{}»",
                        r.0.ru, r.1.ru, e.0.ru, e.1.ru
                    ),
                    format!(
                        "«{}» → «{}» жазылған, кесте бойынша «{}» → «{}»",
                        r.0.kk, r.1.kk, e.0.kk, e.1.kk
                    ),
                    format!(
                        "recorded «{}» → «{}», the table gives «{}» → «{}»",
                        r.0.en, r.1.en, e.0.en, e.1.en
                    ),
                )
            }
            LifecycleError::Replay { index, cause } => {
                let cause = cause.text();
                let n = index + 1;
                Text::new(
                    format!("история, переход {n}: {}", cause.ru),
                    format!("тарих, {n}-өту: {}", cause.kk),
                    format!("history, transition {n}: {}", cause.en),
                )
            }
        }
    }
}

impl std::fmt::Display for LifecycleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl std::error::Error for LifecycleError {}
