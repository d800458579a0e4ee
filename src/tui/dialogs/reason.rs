//! The reason for letting the focused field's warning pass (Ctrl-O): recorded with the
//! override on the formulary, so whoever reads it later sees why.

use super::{Dialog, Next, become_, stay};
use crate::i18n::{Msg, tr};
use crate::tui::action::Action;
use crate::tui::screens::Screens;
use crate::tui::ui::entry::{Value, draw_entry};
use crate::tui::ui::{View, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use tui_input::Input;

pub fn update(mut input: Input, correction: bool, action: Action, screens: &mut Screens) -> Next {
    let open = |input| Dialog::Reason { input, correction };
    match action {
        Action::Back => become_(None),
        Action::Edit(request) => {
            let changed = input.handle(request).is_some();
            stay(open(input), changed)
        }
        Action::Paste(text) => {
            let changed = crate::tui::ui::text::paste(&mut input, &text);
            stay(open(input), changed)
        }
        Action::Confirm => {
            let reason = input.value().trim().to_string();
            if reason.is_empty() {
                return stay(open(input), false);
            }
            let form = if correction {
                &mut screens.correction
            } else {
                &mut screens.formulary
            };
            form.accept_warning(&reason);
            become_(None)
        }
        _ => stay(open(input), false),
    }
}

pub fn draw(frame: &mut Frame, body: Rect, input: &Input, view: View) {
    let area = layout::centered(body, 70, 5);
    let ask = Line::styled(tr(view.lang, Msg::ReasonHint), view.theme.dim());
    let title = tr(view.lang, Msg::ReasonTitle).to_string();
    draw_entry(frame, area, title, ask, Value::Text(input));
}
