//! The lifecycle of a formulary: its states, the legal moves between them, and the history
//! of who moved it, when and why.
//!
//! ```text
//! draft ──register──▶ registered ──send──▶ sent ──manufacture──▶ manufactured ──issue──▶ issued
//!                       │    ▲              │  ▲
//!   start_verification  │    │ confirm      │  │ resend
//!   (M-16)              ▼    │              ▼  │
//!               under_verification      returned (M-40)
//!                       │ refuse
//!                       ▼
//! draft, registered, returned ──cancel──▶ cancelled ──destroy──▶ destroyed
//! draft, registered, under_verification, returned ──spoil──▶ spoiled ──destroy──▶ destroyed
//! returned ──start_verification──▶ under_verification
//! ```
//!
//! Decisions where the Rules are silent, made as a clerk would:
//! - **Spoiling** happens to the paper form while it is in the office: while being filled
//!   (`draft`), once registered, during verification, or back from the manufacturer
//!   (`returned`). Once `sent` the form is with the manufacturer (РГП "ИПЦ"), which can only
//!   return it (M-40) or make the document; the office cannot spoil what it does not hold.
//! - **Cancelling** is the office's decision not to go on with the application: from
//!   `draft`, `registered` or `returned`. Verification (M-16) ends only with a conclusion, so
//!   an application under verification is cancelled by a refusing conclusion (`refuse`), not
//!   by a bare `cancel`. Nothing sent or manufactured is cancelled: it comes back or is made.
//! - A formulary **returned** for a photo mismatch may need the identity check of M-33/M-16,
//!   so `returned` may enter verification as well as be corrected and sent again.
//! - **Issued** is terminal: what the law does after issue (M-57: the previous documents
//!   become invalid; deregistration for emigration) happens to the person's documents, which
//!   [`documents`] models, not to the formulary.
//! - **Destroyed** is terminal: destruction is the end of a form's accounting.
//! - **Who, when and why.** Every [`Transition`] records the clerk and the time. The why of
//!   a move that leaves the regular course is part of its [`Event`] and required: the M-16
//!   ground of a verification, the M-16 conclusion, the M-40 reason of return, what was
//!   corrected before sending again (`Resend { correction }`, M-40), the reason to cancel or
//!   spoil, the act number of destruction, the coupon number of issue (M-57). `register`,
//!   `send` and `manufacture` are the regular course itself: their why is the table, and the
//!   clerk's note ([`Transition::reason`]) stays optional for them as for every move.
//!
//! The table [`moves_from`] is the only place that says which move is legal where; each move
//! leads to one state whatever it starts from ([`MoveKind::target`]), so [`apply`] and
//! [`moves_from`] agree by construction.

pub mod documents;
mod event;
mod history;
mod names;

pub use event::{Conclusion, DataError, Event, ReturnReason, VerificationGround, check_text};
pub use history::{Lifecycle, LifecycleError, Transition};

use serde::{Deserialize, Serialize};

/// Where a formulary stands. The serde names are stable: the store persists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Being filled; not yet registered.
    Draft,
    /// Registered at the registration point, ready to be sent for manufacture.
    Registered,
    /// Held for additional identity verification (M-16).
    UnderVerification,
    /// Sent for manufacture (through КМС МВД to РГП "ИПЦ").
    Sent,
    /// Returned without manufacture, with the reason (M-40).
    Returned,
    /// The document is made and waits at the office for the person.
    Manufactured,
    /// The document is handed over (M-56, M-57). Terminal.
    Issued,
    /// The application is not to be pursued; the form awaits destruction.
    Cancelled,
    /// The form is spoiled; it awaits destruction.
    Spoiled,
    /// Destroyed by an act. Terminal.
    Destroyed,
}

impl State {
    /// Whether a formulary in this state is still in the office and its data may be
    /// corrected: registered, held for verification (M-16) or returned (M-40); once sent,
    /// made or ended, the data are the manufacturer's or the archive's.
    pub fn is_correctable(self) -> bool {
        matches!(
            self,
            State::Registered | State::UnderVerification | State::Returned
        )
    }

    /// Every state, in the order of the lifecycle.
    pub const ALL: [State; 10] = [
        State::Draft,
        State::Registered,
        State::UnderVerification,
        State::Sent,
        State::Returned,
        State::Manufactured,
        State::Issued,
        State::Cancelled,
        State::Spoiled,
        State::Destroyed,
    ];

    /// No move leads out of this state.
    pub fn is_terminal(self) -> bool {
        moves_from(self).is_empty()
    }
}

/// The kind of a move, without its data: what the TUI lists and the table speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    /// draft → registered.
    Register,
    /// registered or returned → under_verification (M-16).
    StartVerification,
    /// under_verification → registered: the conclusion establishes identity (M-16).
    Confirm,
    /// under_verification → cancelled: the conclusion refuses the documents (M-16).
    Refuse,
    /// registered → sent.
    Send,
    /// sent → returned, with an M-40 reason.
    Return,
    /// returned → sent: corrected and sent again, saying what was corrected (M-40).
    Resend,
    /// sent → manufactured.
    Manufacture,
    /// manufactured → issued (M-56, M-57).
    Issue,
    /// draft, registered, returned → cancelled.
    Cancel,
    /// draft, registered, under_verification, returned → spoiled.
    Spoil,
    /// cancelled or spoiled → destroyed, by an act.
    Destroy,
}

impl MoveKind {
    /// Every kind of move.
    pub const ALL: [MoveKind; 12] = [
        MoveKind::Register,
        MoveKind::StartVerification,
        MoveKind::Confirm,
        MoveKind::Refuse,
        MoveKind::Send,
        MoveKind::Return,
        MoveKind::Resend,
        MoveKind::Manufacture,
        MoveKind::Issue,
        MoveKind::Cancel,
        MoveKind::Spoil,
        MoveKind::Destroy,
    ];

    /// The state this move leads to, from any state where it is legal.
    pub fn target(self) -> State {
        match self {
            MoveKind::Register | MoveKind::Confirm => State::Registered,
            MoveKind::StartVerification => State::UnderVerification,
            MoveKind::Send | MoveKind::Resend => State::Sent,
            MoveKind::Return => State::Returned,
            MoveKind::Manufacture => State::Manufactured,
            MoveKind::Issue => State::Issued,
            MoveKind::Refuse | MoveKind::Cancel => State::Cancelled,
            MoveKind::Spoil => State::Spoiled,
            MoveKind::Destroy => State::Destroyed,
        }
    }
}

/// The transition table: the moves legal from each state, in the order a clerk meets them.
pub fn moves_from(state: State) -> &'static [MoveKind] {
    use MoveKind as M;
    match state {
        State::Draft => &[M::Register, M::Cancel, M::Spoil],
        State::Registered => &[M::Send, M::StartVerification, M::Cancel, M::Spoil],
        // M-16: verification ends with a conclusion, one way or the other.
        State::UnderVerification => &[M::Confirm, M::Refuse, M::Spoil],
        // With the manufacturer: made, or returned with a reason (M-40).
        State::Sent => &[M::Manufacture, M::Return],
        // M-40: corrected and sent again; M-33/M-16 for a photo in doubt.
        State::Returned => &[M::Resend, M::StartVerification, M::Cancel, M::Spoil],
        State::Manufactured => &[M::Issue],
        State::Cancelled | State::Spoiled => &[M::Destroy],
        State::Issued | State::Destroyed => &[],
    }
}

/// The state `event` leads to from `state`, or why it cannot be made there.
pub fn apply(state: State, event: &Event) -> Result<State, IllegalMove> {
    let kind = event.kind();
    let allowed = moves_from(state);
    if allowed.contains(&kind) {
        Ok(kind.target())
    } else {
        Err(IllegalMove {
            from: state,
            attempted: kind,
            allowed,
        })
    }
}

/// A move that the table does not allow from a state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IllegalMove {
    /// Where the formulary stands.
    pub from: State,
    /// What was attempted.
    pub attempted: MoveKind,
    /// What is allowed from there (empty for a terminal state).
    pub allowed: &'static [MoveKind],
}

impl std::fmt::Display for IllegalMove {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl std::error::Error for IllegalMove {}
