//! Drawing the workstation: the tab bar, the screen, the footer, and the dialog on top. A
//! pure function of `&App`: nothing here can change state.

use super::{App, Status};
use crate::i18n::{Msg, tr};
use crate::tui::action::Tab;
use crate::tui::screens::Screen;
use crate::tui::ui::{View, footer, layout};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Tabs, Wrap};

impl App {
    pub fn draw(&self, frame: &mut Frame) {
        let area = frame.area();
        let view = self.view();
        if layout::too_small(area) {
            draw_too_small(frame, area, view);
            return;
        }
        let [tabs, body, foot] = layout::frame_areas(area);
        self.draw_tabs(frame, tabs, view);
        let screens = &self.screens;
        match self.screen {
            Screen::Formulary => screens.formulary.draw(frame, body, view),
            Screen::DsnForm => screens.dsn_form.draw(frame, body, view),
            Screen::Lookup => screens.lookup.draw(frame, body, view),
            Screen::Formularies => screens.formularies.draw(frame, body, view),
            Screen::DsnList => screens.dsn_list.draw(frame, body, view),
            Screen::Record => screens.record.draw(frame, body, view),
            Screen::Correction => screens.correction.draw(frame, body, view),
            Screen::DsnApplication => screens.dsn_application.draw(frame, body, view),
            Screen::Journal => screens.journal.draw(frame, body, view),
        }
        let status = match &self.status {
            Some(Status::Msg(msg)) => tr(self.lang, *msg).to_string(),
            Some(Status::Text(text)) => text.clone(),
            None => String::new(),
        };
        if let Some(dialog) = &self.dialog {
            dialog.draw(frame, body, view, self.screen_context());
        }
        // A message is never cut: one too long for the footer's line is shown whole above
        // it, over whatever is drawn there, until the next key.
        if footer::status_fits(&status, foot.width) {
            footer::draw(frame, foot, &status, self.context(), view);
        } else {
            footer::draw_long_status(frame, body, &status, view);
            footer::draw(frame, foot, "", self.context(), view);
        }
    }

    fn view(&self) -> View {
        View {
            lang: self.lang,
            theme: self.theme,
            zone: self.session.clock.zone(),
        }
    }

    fn draw_tabs(&self, frame: &mut Frame, area: Rect, view: View) {
        let titles = Tab::ALL.iter().enumerate().map(|(i, tab)| {
            let name = tr(view.lang, tab_title(*tab));
            Line::from(format!("{} {name}", i + 1))
        });
        let selected = Tab::ALL.iter().position(|t| *t == self.tab());
        let tabs = Tabs::new(titles)
            .select(selected)
            .highlight_style(view.theme.active_tab())
            .divider("│");
        frame.render_widget(tabs, area);
    }
}

fn draw_too_small(frame: &mut Frame, area: Rect, view: View) {
    let text = format!(
        "{} ({}×{})",
        tr(view.lang, Msg::TooSmall),
        area.width,
        area.height
    );
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .alignment(Alignment::Center),
        area,
    );
}

fn tab_title(tab: Tab) -> Msg {
    match tab {
        Tab::NewFormulary => Msg::TabNewFormulary,
        Tab::CodeLookup => Msg::TabCodeLookup,
        Tab::Register => Msg::TabRegister,
    }
}
