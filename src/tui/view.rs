//! Drawing the workstation: the tab bar, the current tab, the footer of keys, and the
//! dialog on top. A pure function of `&App`.

use super::action::{Action, Tab};
use super::app::{App, Dialog, MIN_HEIGHT, MIN_WIDTH, Status};
use super::i18n::{Msg, tr};
use super::keys;
use super::register::view::{draw_day, draw_record};
use super::register::{choices, prompt};
use super::text::truncate;
use crate::store::Record;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Tabs, Wrap};
use tui_input::Input;
use unicode_width::UnicodeWidthStr;

pub(super) mod fit;

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
                let area = picker_frame(body);
                frame.render_widget(Clear, area);
                let block = Block::default()
                    .borders(Borders::ALL)
                    .title(tr(self.lang, Msg::PickTitle));
                frame.render_widget(block, area);
                list.draw(frame, picker_list(body), self.lang, self.theme);
            }
            Some(Dialog::Reason(input)) => {
                let area = centered(body, 70, 5);
                let ask = Line::styled(tr(self.lang, Msg::ReasonHint), self.theme.dim());
                let title = tr(self.lang, Msg::ReasonTitle).to_string();
                draw_entry(frame, area, title, ask, Value::Text(input));
            }
            Some(Dialog::Quit) => self.draw_question(frame, body, Msg::QuitQuestion),
            Some(Dialog::CloseDay(_)) => self.draw_question(frame, body, Msg::CloseDayQuestion),
            Some(Dialog::Record(record)) => self.draw_record(frame, body, record),
            Some(Dialog::Refuse(record)) => {
                self.draw_record(frame, body, record);
                self.draw_question(frame, body, Msg::RefuseQuestion);
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
                let area = centered(body, 74, 5);
                let title = format!(
                    "{}: {}",
                    tr(self.lang, Msg::MoveTitle),
                    kind.text().get(self.lang)
                );
                let value = match choices(*kind).get(*choice) {
                    Some(text) => Value::Choice(format!("◂ {} ▸", text.get(self.lang))),
                    None => Value::Text(input),
                };
                // A text dialog says what to type; a choice dialog how to choose.
                let ask = match prompt(*kind) {
                    Some(asked) => Line::raw(tr(self.lang, asked)),
                    None => Line::styled(tr(self.lang, Msg::MoveHint), self.theme.dim()),
                };
                draw_entry(frame, area, title, ask, value);
            }
            None => {}
        }
    }

    fn draw_record(&self, frame: &mut Frame, body: Rect, record: &Record) {
        let area = centered(body, 78, body.height);
        frame.render_widget(Clear, area);
        draw_record(frame, area, record, self.lang, self.theme);
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

    /// The footer: what the last action came to (the status), then the keys of the screen.
    ///
    /// Both share the one line: the body's height is fixed by `App::frame_areas`, which the
    /// lists count their pages from, so a status row coming and going would make the screen
    /// jump and pages disagree with what is drawn. The status comes first, being news the
    /// clerk must read, and the keys are fitted around it: whole hints in the table's order
    /// while they fit, the rest dropped from the end, never cut mid-word. The help key (F1)
    /// is always kept, so every dropped key is one press away; where even its word would
    /// leave a status too little room, it is shown as its keys alone ("F1 ?"). A status
    /// wider than what is left is cut with "…".
    fn draw_footer(&self, frame: &mut Frame, area: Rect) {
        const GAP: &str = "  ";
        let width = usize::from(area.width);
        let status = match &self.status {
            Some(Status::Msg(msg)) => tr(self.lang, *msg).to_string(),
            Some(Status::Text(text)) => text.replace('\n', " "),
            None => String::new(),
        };
        let hints: Vec<_> = keys::visible(self.context())
            .filter(|b| b.in_footer)
            .map(|b| {
                let help = format!(" {}", tr(self.lang, b.help));
                (b, help)
            })
            .collect();
        let is_help = |b: &keys::Binding| b.action == Action::Help;
        let hint_width = |b: &keys::Binding, help: &str| b.label.width() + help.width();
        // The help key's hint, whole or as its keys alone, and the room it leaves the status.
        let help_hint = hints.iter().find(|(b, _)| is_help(b));
        let whole_help = help_hint.map_or(0, |(b, help)| hint_width(b, help) + GAP.len());
        let bare_help = help_hint.map_or(0, |(b, _)| b.label.width() + GAP.len());
        let help_word = status.width() + whole_help <= width;
        let status = truncate(&status, width.saturating_sub(bare_help));
        let mut spans = Vec::new();
        let mut used = status.width();
        if !status.is_empty() {
            spans.push(Span::styled(status, self.theme.ok()));
        }
        let mut reserved = if help_word { whole_help } else { bare_help };
        let mut dropping = false;
        for (binding, help) in &hints {
            let help = if is_help(binding) && !help_word {
                ""
            } else {
                help.as_str()
            };
            let gap = if used > 0 { GAP.len() } else { 0 };
            let cost = gap + hint_width(binding, help);
            if is_help(binding) {
                reserved = 0;
            } else if dropping || used + cost + reserved > width {
                dropping = true;
                continue;
            }
            if gap > 0 {
                spans.push(Span::raw(GAP));
            }
            spans.push(Span::styled(binding.label, self.theme.key()));
            spans.push(Span::raw(help.to_string()));
            used += cost;
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

/// What a dialog asking for a line holds: a line of text being typed, or one of a few
/// choices.
enum Value<'a> {
    Text(&'a Input),
    Choice(String),
}

/// A dialog asking for a line in `area`: what to type, wrapped, and under it the line, one
/// row scrolled to its cursor as the form's fields are, so a long reason is seen where it
/// is typed.
fn draw_entry(frame: &mut Frame, area: Rect, title: String, ask: Line<'static>, value: Value) {
    frame.render_widget(Clear, area);
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut rows = fit::fill(
        &[ask],
        Vec::new(),
        width,
        usize::from(inner.height.saturating_sub(1)),
    );
    let y = inner.y + u16::try_from(rows.len()).unwrap_or(0);
    let cursor = match value {
        Value::Text(input) => {
            let (shown, column) = fit::scrolled(input.value(), input.visual_cursor(), width);
            rows.push(Line::raw(shown));
            Some(column)
        }
        Value::Choice(text) => {
            rows.push(fit::cut(Line::raw(text), width));
            None
        }
    };
    frame.render_widget(Paragraph::new(rows), inner);
    if let Some(column) = cursor {
        let x = inner.x + u16::try_from(column).unwrap_or(u16::MAX);
        frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
    }
}

/// The code picker's frame over the body.
fn picker_frame(body: Rect) -> Rect {
    centered(body, 76, body.height.saturating_sub(2))
}

/// Where the code picker draws its list (inside its frame), so that its pages are the
/// rows it shows (`LookupTab::page_size`).
pub(super) fn picker_list(body: Rect) -> Rect {
    Block::default()
        .borders(Borders::ALL)
        .inner(picker_frame(body))
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
