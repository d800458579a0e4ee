//! Drawing the workstation: the tab bar, the current tab, the footer of keys, and the
//! dialog on top. A pure function of `&App`.

use super::action::Tab;
use super::app::{App, Dialog, MIN_HEIGHT, MIN_WIDTH, Status};
use super::i18n::{Msg, tr};
use super::keys;
use super::register::view::{draw_day, draw_record};
use super::register::{choices, prompt};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Tabs, Wrap};

impl App {
    pub fn draw(&self, frame: &mut Frame) {
        let area = frame.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            self.draw_too_small(frame, area);
            return;
        }
        let [tabs, body, footer] = Self::frame_areas(area);
        self.draw_tabs(frame, tabs);
        match self.tab {
            Tab::CodeLookup => self.lookup.draw(frame, body, self.lang, self.theme),
            Tab::NewFormulary if self.dsn_mode => {
                self.dsn_form.draw(frame, body, self.lang, self.theme)
            }
            Tab::NewFormulary => self.form.draw(frame, body, self.lang, self.theme),
            Tab::Register if self.dsn_list_mode => {
                self.dsn_list.draw(frame, body, self.lang, self.theme)
            }
            Tab::Register => self.register.draw(frame, body, self.lang, self.theme),
        }
        self.draw_footer(frame, footer);
        match &self.dialog {
            Some(Dialog::Help) => self.draw_help(frame, body),
            Some(Dialog::Picker { list, .. }) => {
                let area = centered(body, 76, body.height.saturating_sub(2));
                frame.render_widget(Clear, area);
                let block = Block::default()
                    .borders(Borders::ALL)
                    .title(tr(self.lang, Msg::PickTitle));
                let inner = block.inner(area);
                frame.render_widget(block, area);
                list.draw(frame, inner, self.lang, self.theme);
            }
            Some(Dialog::Reason(input)) => {
                let area = centered(body, 70, 5);
                frame.render_widget(Clear, area);
                let block = Block::default()
                    .borders(Borders::ALL)
                    .title(tr(self.lang, Msg::ReasonTitle));
                let inner = block.inner(area);
                let lines = vec![
                    Line::styled(tr(self.lang, Msg::ReasonHint), self.theme.dim()),
                    Line::raw(input.value()),
                ];
                frame.render_widget(
                    Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
                    area,
                );
                let x = inner.x + u16::try_from(input.visual_cursor()).unwrap_or(0);
                let y = inner.y + inner.height.saturating_sub(1);
                frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
            }
            Some(Dialog::Quit) => self.draw_question(frame, body, Msg::QuitQuestion),
            Some(Dialog::CloseDay(_)) => self.draw_question(frame, body, Msg::CloseDayQuestion),
            Some(Dialog::Record(record)) => {
                let area = centered(body, 78, body.height);
                frame.render_widget(Clear, area);
                draw_record(frame, area, record, self.lang, self.theme);
            }
            Some(Dialog::Day(day)) => {
                let area = centered(body, 78, 12);
                frame.render_widget(Clear, area);
                draw_day(frame, area, day, self.lang, self.theme);
            }
            Some(Dialog::MoveData {
                kind,
                input,
                choice,
                ..
            }) => {
                let options = choices(*kind);
                let area = centered(body, 74, 5);
                frame.render_widget(Clear, area);
                let title = format!(
                    "{}: {}",
                    tr(self.lang, Msg::MoveTitle),
                    kind.text().get(self.lang)
                );
                let block = Block::default().borders(Borders::ALL).title(title);
                let inner = block.inner(area);
                let value = match options.get(*choice) {
                    Some(text) => format!("◂ {} ▸", text.get(self.lang)),
                    None => input.value().to_string(),
                };
                // A text dialog says what to type; a choice dialog how to choose.
                let first = match prompt(*kind) {
                    Some(asked) => Line::raw(tr(self.lang, asked)),
                    None => Line::styled(tr(self.lang, Msg::MoveHint), self.theme.dim()),
                };
                let lines = vec![first, Line::raw(value)];
                frame.render_widget(
                    Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
                    area,
                );
                if options.is_empty() {
                    let x = inner.x + u16::try_from(input.visual_cursor()).unwrap_or(0);
                    let y = inner.y + inner.height.saturating_sub(1);
                    frame.set_cursor_position(Position::new(
                        x.min(inner.right().saturating_sub(1)),
                        y,
                    ));
                }
            }
            None => {}
        }
    }

    fn draw_question(&self, frame: &mut Frame, body: Rect, question: Msg) {
        let area = centered(body, 76, 4);
        frame.render_widget(Clear, area);
        let text = Paragraph::new(Line::raw(tr(self.lang, question)))
            .wrap(Wrap { trim: true })
            .block(Block::default().borders(Borders::ALL));
        frame.render_widget(text, area);
    }

    fn draw_too_small(&self, frame: &mut Frame, area: Rect) {
        let text = format!(
            "{} ({}×{})",
            tr(self.lang, Msg::TooSmall),
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

    fn draw_tabs(&self, frame: &mut Frame, area: Rect) {
        let titles = Tab::ALL.iter().enumerate().map(|(i, tab)| {
            let name = tr(self.lang, tab_title(*tab));
            Line::from(format!("{} {name}", i + 1))
        });
        let selected = Tab::ALL.iter().position(|t| *t == self.tab);
        let tabs = Tabs::new(titles)
            .select(selected)
            .highlight_style(self.theme.active_tab())
            .divider("│");
        frame.render_widget(tabs, area);
    }

    fn draw_footer(&self, frame: &mut Frame, area: Rect) {
        let mut spans = Vec::new();
        match &self.status {
            Some(Status::Msg(msg)) => spans.push(Span::styled(
                format!("{}  ", tr(self.lang, *msg)),
                self.theme.ok(),
            )),
            Some(Status::Text(text)) => {
                spans.push(Span::styled(format!("{text}  "), self.theme.ok()))
            }
            None => {}
        }
        for binding in keys::visible(self.context()).filter(|b| b.in_footer) {
            spans.push(Span::styled(binding.label, self.theme.key()));
            spans.push(Span::raw(format!(" {}  ", tr(self.lang, binding.help))));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    fn draw_help(&self, frame: &mut Frame, body: Rect) {
        let lines: Vec<Line> = keys::visible(self.screen_context())
            .map(|b| {
                Line::from(vec![
                    Span::styled(format!("{:<10}", b.label), self.theme.key()),
                    Span::raw(tr(self.lang, b.help)),
                ])
            })
            .chain([
                Line::raw(""),
                Line::styled(tr(self.lang, Msg::HelpClose), self.theme.dim()),
            ])
            .collect();
        let height = u16::try_from(lines.len())
            .unwrap_or(u16::MAX)
            .saturating_add(2);
        let area = centered(body, 50, height);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(tr(self.lang, Msg::HelpTitle));
        frame.render_widget(Clear, area);
        frame.render_widget(Paragraph::new(lines).block(block), area);
    }
}

/// A rectangle of at most `width`×`height` in the middle of `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [area] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [area] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(area);
    area
}

fn tab_title(tab: Tab) -> Msg {
    match tab {
        Tab::NewFormulary => Msg::TabNewFormulary,
        Tab::CodeLookup => Msg::TabCodeLookup,
        Tab::Register => Msg::TabRegister,
    }
}
