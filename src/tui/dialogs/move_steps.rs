//! The steps of a move beyond its first line: the confirming conclusion's protocol
//! (M-16), the issue's document number or zone (M-57), and the question before a move that
//! ends the formulary's course.

use super::{Dialog, Next, become_, stay};
use crate::domain::lifecycle::{Conclusion, Event, MoveKind};
use crate::i18n::{Msg, tr};
use crate::store::MoveDetails;
use crate::tui::action::Action;
use crate::tui::app::Effect;
use crate::tui::screens::Cx;
use crate::tui::screens::formulary::convert::parse_date;
use crate::tui::ui::entry::{Value, draw_entry};
use crate::tui::ui::{View, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use tui_input::Input;

/// The confirming conclusion (M-16), with the identification protocol typed as "number
/// date"; an empty line confirms without it (it is then entered by a correction, and a
/// send asks for it).
pub(super) fn confirm(number: &str, typed: &str, cx: &mut Cx) -> Effect {
    let conclusion = Conclusion {
        number: String::new(),
        date: cx.today(),
    };
    let typed = typed.trim();
    let protocol = match typed.rsplit_once(' ') {
        _ if typed.is_empty() => None,
        Some((n, d)) if !n.trim().is_empty() => match parse_date(d) {
            Some(date) => Some((n.trim().to_string(), date)),
            None => return cx.say(Msg::BadProtocol),
        },
        _ => return cx.say(Msg::BadProtocol),
    };
    Effect::MoveWith {
        number: number.to_string(),
        event: Box::new(Event::Confirm { conclusion }),
        details: Box::new(MoveDetails {
            protocol,
            ..MoveDetails::default()
        }),
    }
}

/// The issue's second step: the document's own number or its zone, then the move.
pub fn issue_document(
    number: String,
    coupon: String,
    mut input: Input,
    action: Action,
    cx: &mut Cx,
) -> Next {
    let open = |number, coupon, input| Dialog::IssueDocument {
        number,
        coupon,
        input,
    };
    match action {
        Action::Back => become_(None),
        Action::Edit(request) => {
            let changed = input.handle(request).is_some();
            stay(open(number, coupon, input), changed)
        }
        // A reader that types the zone as a paste: its lines come as spaces.
        Action::Paste(text) => {
            let changed = crate::tui::ui::text::paste(&mut input, &text);
            stay(open(number, coupon, input), changed)
        }
        // A reader that types the zone like a keyboard ends each line with Enter: until the
        // zone is whole (2 lines of 44, 3 of 30), Enter is a line break, not the issue.
        Action::Confirm if zone_unfinished(input.value()) => {
            crate::tui::ui::text::paste(&mut input, " ");
            stay(open(number, coupon, input), true)
        }
        Action::Confirm if input.value().trim().is_empty() => {
            let effect = cx.say(Msg::NeedText);
            (Some(open(number, coupon, input)), Some(effect))
        }
        Action::Confirm => {
            let effect = Effect::Issue {
                number: number.clone(),
                coupon: coupon.clone(),
                document: input.value().trim().to_string(),
            };
            (Some(open(number, coupon, input)), Some(effect))
        }
        _ => stay(open(number, coupon, input), false),
    }
}

/// "y/д" to a move that ends the formulary's course: made; `n` or Esc: back to its dialog
/// with what was typed.
pub fn end_move(
    number: String,
    kind: MoveKind,
    input: Input,
    event: Box<Event>,
    action: Action,
) -> Next {
    match action {
        Action::Confirm => (
            Some(Dialog::MoveData {
                number: number.clone(),
                kind,
                input,
                choice: 0,
            }),
            Some(Effect::Move { number, event }),
        ),
        Action::Back => become_(Some(Dialog::MoveData {
            number,
            kind,
            input,
            choice: 0,
        })),
        _ => stay(
            Dialog::EndMove {
                number,
                kind,
                input,
                event,
            },
            false,
        ),
    }
}

/// The issue's second step: what to type, and the line.
pub fn draw_document(frame: &mut Frame, body: Rect, input: &Input, view: View) {
    let area = layout::centered(body, 74, 5);
    let title = format!(
        "{}: {}",
        tr(view.lang, Msg::MoveTitle),
        MoveKind::Issue.text().get(view.lang)
    );
    let ask = Line::raw(tr(view.lang, Msg::AskDocumentNumber));
    draw_entry(frame, area, title, ask, Value::Text(input));
}

/// Whether `typed` is part of a machine-readable zone still coming (it has the zone's `<`
/// fillers but fewer characters than a whole TD3 zone).
fn zone_unfinished(typed: &str) -> bool {
    let letters = typed.chars().filter(|c| !c.is_whitespace()).count();
    typed.contains('<') && letters < 88
}

#[cfg(test)]
mod tests {
    use super::zone_unfinished;

    /// A reader's Enter after the first line of a zone is no issue yet.
    #[test]
    fn enter_inside_a_zone_is_a_line_break() {
        let first = "P<KAZAKHMETOVA<<AIGUL<<<<<<<<<<<<<<<<<<<<<<";
        assert!(zone_unfinished(first));
        let whole = format!("{first} N12345678<0KAZ9005174F3001011<<<<<<<<<<<<<<06");
        assert!(!zone_unfinished(&whole));
        assert!(!zone_unfinished("N12345678"), "a plain number");
    }
}
