//! The directory picker of a code field (Ctrl-L): Code lookup over one directory; Enter
//! puts the chosen code into the form (a district brings its region with it, M-App2).

use super::{Dialog, Next, become_, stay};
use crate::codes::{Entry, Names};
use crate::i18n::counter::region_changed;
use crate::i18n::{Msg, tr};
use crate::tui::action::Action;
use crate::tui::screens::formulary::spec::FieldId;
use crate::tui::screens::lookup::LookupTab;
use crate::tui::screens::{Cx, Screens};
use crate::tui::ui::{View, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear};

pub fn update(
    field: FieldId,
    mut list: LookupTab,
    correction: bool,
    action: Action,
    screens: &mut Screens,
    cx: &mut Cx,
) -> Next {
    let open = |field, list| Dialog::Picker {
        field,
        list,
        correction,
    };
    match action {
        Action::Back => become_(None),
        Action::Edit(request) => {
            let changed = list.edit(request);
            stay(open(field, list), changed)
        }
        Action::Paste(text) => {
            let changed = list.paste(&text);
            stay(open(field, list), changed)
        }
        Action::Select(step) => {
            // The picker pages by the rows it shows, which the terminal's size decides.
            let changed = list.select(step, layout::picker_rows(cx.body));
            stay(open(field, list), changed)
        }
        Action::Confirm => {
            let form = if correction {
                &mut screens.correction
            } else {
                &mut screens.formulary
            };
            match list.selected() {
                Some(Entry::District(d)) => {
                    // The district brings its region (M-App2); a region other than the one
                    // typed is never changed without saying so (issue 11).
                    let before = form.value(FieldId::RegionCode).trim().to_string();
                    form.set(FieldId::RegionCode, d.region_code);
                    form.set(FieldId::DistrictCode, d.district_code);
                    if before != d.region_code {
                        let name = Names::kk_ru(d.region_name_kk, d.region_name_ru);
                        let said =
                            region_changed(cx.lang, &before, d.region_code, name.get(cx.lang));
                        cx.status = Some(said.into());
                    }
                }
                Some(Entry::Filling(f)) => form.set(field, f.code),
                _ => {}
            }
            become_(None)
        }
        _ => stay(open(field, list), false),
    }
}

/// The picker of a DSN form's code field (issue 11): the same list over the field's
/// directory; Enter puts the chosen code into the field the form has the focus on.
pub fn update_dsn(mut list: LookupTab, action: Action, screens: &mut Screens, cx: &mut Cx) -> Next {
    let open = |list| Dialog::DsnPicker { list };
    match action {
        Action::Back => become_(None),
        Action::Edit(request) => {
            let changed = list.edit(request);
            stay(open(list), changed)
        }
        Action::Paste(text) => {
            let changed = list.paste(&text);
            stay(open(list), changed)
        }
        Action::Select(step) => {
            let changed = list.select(step, layout::picker_rows(cx.body));
            stay(open(list), changed)
        }
        Action::Confirm => {
            if let Some(entry) = list.selected() {
                screens.dsn_form.pick(&entry.code());
            }
            become_(None)
        }
        _ => stay(open(list), false),
    }
}

pub fn draw(frame: &mut Frame, body: Rect, list: &LookupTab, view: View) {
    let area = layout::picker_frame(body);
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(tr(view.lang, Msg::PickTitle));
    frame.render_widget(block, area);
    list.draw(frame, layout::picker_list(body), view);
}

#[cfg(test)]
#[path = "picker_tests.rs"]
mod tests;
