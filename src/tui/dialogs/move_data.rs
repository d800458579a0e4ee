//! A move of the lifecycle chosen on an opened formulary, in one place: what data it asks
//! (a line of text, one of a few choices, or nothing), the dialog that asks it, and the
//! [`Effect::Move`] it comes to.

use super::{Dialog, Next, become_, stay};
use crate::domain::Text;
use crate::domain::lifecycle::{
    Conclusion, Event, MoveKind, ReturnReason, State, VerificationGround, moves_from,
};
use crate::i18n::store::move_refusal;
use crate::i18n::{Msg, tr};
use crate::store::numbers::parse_coupon;
use crate::store::{Record, StoreError};
use crate::tui::action::Action;
use crate::tui::app::Effect;
use crate::tui::screens::Cx;
use crate::tui::ui::entry::{Value, draw_entry};
use crate::tui::ui::{View, layout};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use tui_input::{Input, InputRequest};

/// The data a move needs before it can be made, asked in a small dialog.
pub enum MoveData {
    /// Nothing to ask: make the move.
    None,
    /// A line of text: the reason, the correction, the act number, the coupon.
    Text,
    /// One of the M-40 return reasons.
    ReturnReason,
    /// One of the M-16 grounds for verification.
    Ground,
}

/// Whether `kind` is made by its digit alone, asking nothing (send, manufacture): the
/// moves a key pressed twice could make one after another.
pub fn one_key(kind: MoveKind) -> bool {
    matches!(data_of(kind), MoveData::None) && kind != MoveKind::Refuse
}

/// What `kind` needs from the clerk.
pub fn data_of(kind: MoveKind) -> MoveData {
    match kind {
        MoveKind::Cancel
        | MoveKind::Spoil
        | MoveKind::Resend
        | MoveKind::Destroy
        | MoveKind::Issue
        | MoveKind::Confirm => MoveData::Text,
        MoveKind::Return => MoveData::ReturnReason,
        MoveKind::StartVerification => MoveData::Ground,
        // A conclusion takes the next number of the year's journal (M-16) and today's date;
        // the confirming one asks the identification protocol (M-16, M-33).
        MoveKind::Register | MoveKind::Send | MoveKind::Manufacture | MoveKind::Refuse => {
            MoveData::None
        }
    }
}

/// What a text dialog asks the clerk to type for `kind`; `None` when it asks no text.
pub fn prompt(kind: MoveKind) -> Option<Msg> {
    match kind {
        MoveKind::Cancel => Some(Msg::AskCancelReason),
        MoveKind::Spoil => Some(Msg::AskSpoilReason),
        MoveKind::Resend => Some(Msg::AskCorrection),
        MoveKind::Destroy => Some(Msg::AskActNumber),
        MoveKind::Issue => Some(Msg::AskCoupon),
        MoveKind::Confirm => Some(Msg::AskProtocol),
        MoveKind::Register
        | MoveKind::Send
        | MoveKind::Manufacture
        | MoveKind::Refuse
        | MoveKind::Return
        | MoveKind::StartVerification => None,
    }
}

/// The choices of a choice dialog, as their texts.
pub fn choices(kind: MoveKind) -> Vec<Text> {
    match data_of(kind) {
        MoveData::ReturnReason => ReturnReason::ALL.iter().map(|r| r.text()).collect(),
        MoveData::Ground => VerificationGround::ALL.iter().map(|g| g.text()).collect(),
        MoveData::None | MoveData::Text => Vec::new(),
    }
}

/// A move chosen on an opened formulary: made at once, after asking its data, or, for a
/// refusal, after a question.
///
/// Which moves ask first is read off the transition table (`lifecycle::moves_from`). A
/// move that asks data has its dialog, where Esc still goes back; of those that ask none,
/// only the refusing conclusion ends the formulary's course: under_verification →
/// cancelled, from which the table allows nothing but destroy, and the conclusion takes a
/// number of the year's journal (M-16) that is not given back. So it asks first. The others
/// are the regular course and leave the document to be made: register, send (the
/// manufacturer may still return it, M-40), manufacture (issue follows) and the confirming
/// conclusion (back to registered, M-16); one key each. The tests below check this against
/// the table.
pub fn begin(record: &Record, kind: MoveKind, cx: &mut Cx) -> Effect {
    let number = record.number.clone();
    match data_of(kind) {
        MoveData::None if kind == MoveKind::Refuse => cx.open(Dialog::Refuse { number }),
        // The formulary stays shown: the register's answer shows it moved, or says over it
        // why not.
        MoveData::None => now(&number, kind, cx.today()),
        // Empty, the coupon too: an issue is recorded by the number read off the person's
        // coupon (M-57), which the register then checks is this formulary's; shown already
        // typed, the check would be one Enter.
        _ => cx.open(Dialog::MoveData {
            number,
            kind,
            input: Input::default(),
            choice: 0,
        }),
    }
}

/// The move `kind`, which needs no data, of formulary `number`, dated `today`.
pub fn now(number: &str, kind: MoveKind, today: NaiveDate) -> Effect {
    let event = match kind {
        MoveKind::Confirm | MoveKind::Refuse => {
            // A blank number takes the year's next number in the journal (M-16).
            let conclusion = Conclusion {
                number: String::new(),
                date: today,
            };
            if kind == MoveKind::Confirm {
                Event::Confirm { conclusion }
            } else {
                Event::Refuse { conclusion }
            }
        }
        MoveKind::Send => Event::Send,
        MoveKind::Manufacture => Event::Manufacture,
        _ => Event::Register,
    };
    Effect::Move {
        number: number.to_string(),
        event: Box::new(event),
    }
}

/// Whether a formulary moved by `kind` can no longer come to be issued, by the transition
/// table: cancel, spoil, destroy, and the refusing conclusion (M-16). Such a move asks
/// "y/д" before it is made, and Enter never answers that.
pub fn ends_course(kind: MoveKind) -> bool {
    let mut seen = vec![kind.target()];
    let mut at = 0;
    while let Some(&state) = seen.get(at) {
        for next in moves_from(state).iter().map(|m| m.target()) {
            if !seen.contains(&next) {
                seen.push(next);
            }
        }
        at += 1;
    }
    !seen.contains(&State::Issued)
}

/// The move dialog's keys: typing or choosing, Enter to make the move (after a question
/// when it ends the formulary's course), Esc back to the formulary.
pub fn update(
    number: String,
    kind: MoveKind,
    mut input: Input,
    mut choice: usize,
    action: Action,
    cx: &mut Cx,
    coupon: Option<&str>,
) -> Next {
    let changed = match action {
        // Back to the formulary the move was chosen on.
        Action::Back => return become_(None),
        Action::Edit(request) => edit(kind, &mut input, &mut choice, request),
        // A choice takes no paste; a line of text takes it whole.
        Action::Paste(text) if choices(kind).is_empty() => {
            crate::tui::ui::text::paste(&mut input, &text)
        }
        Action::Confirm if kind == MoveKind::Confirm => {
            let effect = super::move_steps::confirm(&number, input.value(), cx);
            return (Some(open(number, kind, input, choice)), Some(effect));
        }
        Action::Confirm if kind == MoveKind::Issue && !input.value().trim().is_empty() => {
            // The coupon read off the citizen's, checked before anything more is asked:
            // a typo, or another formulary's coupon, said with its field and rule (M-57).
            let typed = input.value().trim().to_string();
            if coupon.is_some() && parse_coupon(&typed).as_deref() != coupon {
                let mismatch = StoreError::CouponMismatch {
                    number: number.clone(),
                };
                let event = Event::Issue { coupon: typed };
                let said = move_refusal(&mismatch, &event).get(cx.lang).to_string();
                let effect = cx.say(said);
                return (Some(open(number, kind, input, choice)), Some(effect));
            }
            // Then the document's own number (M-57).
            let coupon = typed;
            return become_(Some(Dialog::IssueDocument {
                number,
                coupon,
                input: Input::default(),
            }));
        }
        Action::Confirm => {
            let Some(event) = event_of(kind, &input, choice) else {
                // Nothing typed yet: keep asking, and say so.
                let effect = cx.say(Msg::NeedText);
                return (Some(open(number, kind, input, choice)), Some(effect));
            };
            if ends_course(kind) {
                let ask = Dialog::EndMove {
                    number,
                    kind,
                    input,
                    event: Box::new(event),
                };
                return become_(Some(ask));
            }
            let effect = Effect::Move {
                number: number.clone(),
                event: Box::new(event),
            };
            return (Some(open(number, kind, input, choice)), Some(effect));
        }
        _ => false,
    };
    stay(open(number, kind, input, choice), changed)
}

/// The move's dialog, still open with what was typed or chosen.
fn open(number: String, kind: MoveKind, input: Input, choice: usize) -> Dialog {
    Dialog::MoveData {
        number,
        kind,
        input,
        choice,
    }
}

/// A key in the dialog: ← → turn the choices, anything else edits the line.
fn edit(kind: MoveKind, input: &mut Input, choice: &mut usize, request: InputRequest) -> bool {
    let options = choices(kind).len();
    if options > 0 {
        *choice = match request {
            InputRequest::GoToNextChar => (*choice + 1) % options,
            InputRequest::GoToPrevChar => (*choice + options - 1) % options,
            _ => return false,
        };
        return true;
    }
    input.handle(request).is_some()
}

/// The move with what was typed or chosen; `None` while the line is empty.
fn event_of(kind: MoveKind, input: &Input, choice: usize) -> Option<Event> {
    let text = input.value().trim().to_string();
    match kind {
        MoveKind::Return => ReturnReason::ALL
            .get(choice)
            .map(|r| Event::Return { reason: *r }),
        MoveKind::StartVerification => VerificationGround::ALL
            .get(choice)
            .map(|g| Event::StartVerification { ground: *g }),
        _ if text.is_empty() => None,
        MoveKind::Cancel => Some(Event::Cancel { reason: text }),
        MoveKind::Spoil => Some(Event::Spoil { reason: text }),
        MoveKind::Resend => Some(Event::Resend { correction: text }),
        MoveKind::Destroy => Some(Event::Destroy { act_number: text }),
        MoveKind::Issue => Some(Event::Issue { coupon: text }),
        _ => None,
    }
}

pub fn draw(
    frame: &mut Frame,
    body: Rect,
    kind: MoveKind,
    input: &Input,
    choice: usize,
    view: View,
) {
    let area = layout::centered(body, 74, 5);
    let title = format!(
        "{}: {}",
        tr(view.lang, Msg::MoveTitle),
        kind.text().get(view.lang)
    );
    let value = match choices(kind).get(choice) {
        // Non-breaking spaces: a wrapped choice never leaves a lone arrow on a row.
        Some(text) => Value::Choice(format!("◂\u{a0}{}\u{a0}▸", text.get(view.lang))),
        None => Value::Text(input),
    };
    // A text dialog says what to type; a choice dialog how to choose.
    let ask = match prompt(kind) {
        Some(asked) => Line::raw(tr(view.lang, asked)),
        None => Line::styled(tr(view.lang, Msg::MoveHint), view.theme.dim()),
    };
    draw_entry(frame, area, title, ask, value);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `begin` asks before the refusal alone of the moves that need no data: by the table,
    /// it alone of them ends the course (the document can no longer be made).
    #[test]
    fn of_the_moves_needing_no_data_only_the_refusal_ends_the_course() {
        let ending: Vec<MoveKind> = MoveKind::ALL
            .into_iter()
            .filter(|k| matches!(data_of(*k), MoveData::None))
            .filter(|k| ends_course(*k))
            .collect();
        assert_eq!(ending, [MoveKind::Refuse]);
        let asking: Vec<MoveKind> = MoveKind::ALL
            .into_iter()
            .filter(|k| ends_course(*k))
            .collect();
        assert_eq!(
            asking,
            [
                MoveKind::Refuse,
                MoveKind::Cancel,
                MoveKind::Spoil,
                MoveKind::Destroy
            ]
        );
    }
}
