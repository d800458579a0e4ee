//! The workstation's state, how actions change it, and how it is drawn. `draw` takes
//! `&self`: drawing cannot change state, so what is on screen is a function of the state.

use super::action::{Action, Tab};
use super::i18n::{Msg, tr};
use super::keys;
use super::lookup::LookupTab;
use super::theme::Theme;
use crate::domain::Lang;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Tabs, Wrap};

/// The smallest terminal the screens are laid out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// What the runner must do after an action, beyond drawing again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Nothing changed: send nothing to the terminal.
    None,
    /// Draw the new state.
    Redraw,
    /// Put this text on the clerk's clipboard (OSC 52), then draw.
    Copy(String),
    /// Leave.
    Quit,
}

pub struct App {
    tab: Tab,
    lang: Lang,
    theme: Theme,
    lookup: LookupTab,
    help_open: bool,
    /// A one-off note in the footer ("Copied"), gone at the next action.
    status: Option<Msg>,
    /// The terminal's size, to know how many rows a page is.
    size: Rect,
}

impl App {
    pub fn new(lang: Lang, theme: Theme, size: Rect) -> Self {
        Self {
            tab: Tab::CodeLookup,
            lang,
            theme,
            lookup: LookupTab::default(),
            help_open: false,
            status: None,
            size,
        }
    }

    pub fn tab(&self) -> Tab {
        self.tab
    }

    pub fn help_open(&self) -> bool {
        self.help_open
    }

    pub fn lookup(&self) -> &LookupTab {
        &self.lookup
    }

    pub fn resize(&mut self, size: Rect) {
        self.size = size;
    }

    pub fn update(&mut self, action: Action) -> Effect {
        let had_status = self.status.take().is_some();
        let redraw_if = |changed: bool| {
            if changed || had_status {
                Effect::Redraw
            } else {
                Effect::None
            }
        };
        match action {
            Action::Quit => Effect::Quit,
            Action::Resize => Effect::Redraw,
            Action::ShowTab(tab) => {
                let changed = self.tab != tab;
                self.tab = tab;
                redraw_if(changed)
            }
            Action::Help => {
                self.help_open = true;
                Effect::Redraw
            }
            Action::Back => {
                let changed = self.help_open;
                self.help_open = false;
                redraw_if(changed)
            }
            Action::Select(step) => {
                let page = LookupTab::page_size(Self::body(self.size));
                redraw_if(self.tab == Tab::CodeLookup && self.lookup.select(step, page))
            }
            Action::Edit(request) => {
                redraw_if(self.tab == Tab::CodeLookup && self.lookup.edit(request))
            }
            Action::Copy => match self.lookup.selected() {
                Some(entry) if self.tab == Tab::CodeLookup => {
                    self.status = Some(Msg::Copied);
                    Effect::Copy(entry.code().into_owned())
                }
                _ => redraw_if(false),
            },
        }
    }

    /// The area between the tab bar and the footer.
    fn body(area: Rect) -> Rect {
        let [_, body, _] = Self::frame_areas(area);
        body
    }

    fn frame_areas(area: Rect) -> [Rect; 3] {
        Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(area)
    }

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
            Tab::NewFormulary | Tab::Register => {
                let text =
                    Paragraph::new(Line::styled(tr(self.lang, Msg::NotYet), self.theme.dim()))
                        .alignment(Alignment::Center)
                        .block(Block::default().borders(Borders::ALL));
                frame.render_widget(text, body);
            }
        }
        self.draw_footer(frame, footer);
        if self.help_open {
            self.draw_help(frame, body);
        }
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
        for binding in keys::visible(self.help_open, self.tab).filter(|b| b.in_footer) {
            spans.push(Span::styled(binding.label, self.theme.key()));
            spans.push(Span::raw(format!(" {}  ", tr(self.lang, binding.help))));
        }
        if let Some(status) = self.status {
            spans.push(Span::styled(tr(self.lang, status), self.theme.ok()));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    fn draw_help(&self, frame: &mut Frame, body: Rect) {
        let lines: Vec<Line> = keys::visible(false, self.tab)
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
        let [area] = Layout::vertical([Constraint::Length(height.min(body.height))])
            .flex(Flex::Center)
            .areas(body);
        let [area] = Layout::horizontal([Constraint::Length(50.min(body.width))])
            .flex(Flex::Center)
            .areas(area);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(tr(self.lang, Msg::HelpTitle));
        frame.render_widget(Clear, area);
        frame.render_widget(Paragraph::new(lines).block(block), area);
    }
}

fn tab_title(tab: Tab) -> Msg {
    match tab {
        Tab::NewFormulary => Msg::TabNewFormulary,
        Tab::CodeLookup => Msg::TabCodeLookup,
        Tab::Register => Msg::TabRegister,
    }
}
