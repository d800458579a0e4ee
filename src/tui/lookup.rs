//! The Code lookup tab: one query box over every directory, results on each keystroke,
//! and the chosen row in full below them.

use super::action::Move;
use super::i18n::{Msg, tr};
use super::text::truncate;
use super::theme::Theme;
use super::view::fit;
use crate::codes::{Entry, Hit, Kind, Searcher};
use crate::domain::Lang;
use crate::domain::dsn::{Decoded, decode};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, Paragraph};
use tui_input::{Input, InputRequest};

/// Rows of the detail pane, borders included, while the list above it is full; with fewer
/// results it may take the rows the list leaves empty (see `draw`).
const DETAIL_HEIGHT: u16 = 8;

#[derive(Default)]
pub struct LookupTab {
    /// The one directory searched (the code picker), or all.
    kind: Option<Kind>,
    input: Input,
    searcher: Searcher,
    hits: Vec<Hit>,
    selected: usize,
    /// The query read as a whole DSN code (D-App3), when it is one.
    dsn: Option<Decoded>,
}

impl LookupTab {
    /// A lookup over one directory only, as the code picker of the form uses it.
    pub fn with_kind(kind: Kind) -> Self {
        Self {
            kind: Some(kind),
            ..Self::default()
        }
    }

    /// Applies a key to the query; searches again when the text changed. Returns whether
    /// anything on screen changed.
    pub fn edit(&mut self, request: InputRequest) -> bool {
        let Some(changed) = self.input.handle(request) else {
            return false;
        };
        if changed.value {
            self.hits = self.searcher.search(self.input.value(), self.kind);
            self.selected = 0;
            // Twelve digits or more can only be a whole DSN code: take it apart.
            let digits = self.input.value().trim();
            self.dsn = (self.kind.is_none()
                && digits.len() >= 12
                && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| decode(digits).ok())
            .flatten();
        }
        true
    }

    /// Moves the selection; `page` is the number of rows the list shows.
    pub fn select(&mut self, step: Move, page: usize) -> bool {
        let Some(last) = self.hits.len().checked_sub(1) else {
            return false;
        };
        let page = page.max(1);
        let next = match step {
            Move::Up => self.selected.saturating_sub(1),
            Move::Down => (self.selected + 1).min(last),
            Move::PageUp => self.selected.saturating_sub(page),
            Move::PageDown => (self.selected + page).min(last),
            Move::First => 0,
            Move::Last => last,
        };
        let moved = next != self.selected;
        self.selected = next;
        moved
    }

    pub fn query(&self) -> &str {
        self.input.value()
    }

    pub fn selected(&self) -> Option<Entry> {
        self.hits.get(self.selected).map(|h| h.entry)
    }

    /// How many result rows fit in `area` (the tab's area).
    pub fn page_size(area: Rect) -> usize {
        usize::from(Self::areas(area).1.height.saturating_sub(2))
    }

    fn areas(area: Rect) -> (Rect, Rect, Rect) {
        let [query, results, detail] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Min(3),
            Constraint::Length(DETAIL_HEIGHT),
        ])
        .areas(area);
        (query, results, detail)
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: Theme) {
        let (query_area, mut results_area, mut detail_area) = Self::areas(area);
        let detail = self.detail(lang, theme);
        // The detail pane keeps its height while the list is full, so the list is paged by
        // the rows `page_size` counts. Rows the list leaves empty (fewer results than it
        // has rows) go to the pane when its text needs them: a long name of few results is
        // then read whole.
        if let Some(detail) = &detail {
            let list_rows = usize::from(results_area.height.saturating_sub(2));
            let spare = list_rows.saturating_sub(self.hits.len().max(1));
            let width = usize::from(detail_area.width.saturating_sub(2));
            let short = detail
                .height(width)
                .saturating_sub(usize::from(detail_area.height));
            let grow = u16::try_from(spare.min(short)).unwrap_or(0);
            results_area.height -= grow;
            detail_area.y -= grow;
            detail_area.height += grow;
        }
        self.draw_query(frame, query_area, lang, theme);
        self.draw_results(frame, results_area, lang, theme);
        Self::draw_detail(frame, detail_area, detail, lang);
    }

    fn draw_query(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: Theme) {
        let block = Block::default()
            .borders(Borders::ALL)
            .title(tr(lang, Msg::QueryTitle));
        let inner = block.inner(area);
        let width = usize::from(inner.width.saturating_sub(1));
        let scroll = self.input.visual_scroll(width);
        let text = if self.input.value().is_empty() {
            Line::styled(tr(lang, Msg::QueryHint), theme.dim())
        } else {
            Line::raw(self.input.value())
        };
        let scroll_x = u16::try_from(scroll).unwrap_or(u16::MAX);
        frame.render_widget(
            Paragraph::new(text).scroll((0, scroll_x)).block(block),
            area,
        );
        let cursor = self.input.visual_cursor().saturating_sub(scroll);
        let x = inner.x + u16::try_from(cursor).unwrap_or(inner.width);
        frame.set_cursor_position(Position::new(
            x.min(inner.right().saturating_sub(1)),
            inner.y,
        ));
    }

    fn draw_results(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: Theme) {
        let title = format!("{}: {}", tr(lang, Msg::Results), self.hits.len());
        let block = Block::default().borders(Borders::ALL).title(title);
        let inner = block.inner(area);
        let rows = usize::from(inner.height).max(1);
        // Whole pages: the list moves a page at a time, and drawing needs no scroll state.
        let first = self.selected / rows * rows;
        let kind_width = 14;
        let name_width = usize::from(inner.width).saturating_sub(10 + kind_width + 1);
        let items: Vec<ListItem> = self
            .hits
            .iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .map(|(i, hit)| {
                let entry = hit.entry;
                let name = truncate(display_name(entry, lang), name_width);
                let kind = truncate(tr(lang, Msg::Kind(entry.kind())), kind_width);
                let line = Line::from(vec![
                    Span::raw(format!("{:<9} ", entry.code())),
                    Span::raw(format!("{name:<name_width$} ")),
                    Span::styled(kind, theme.dim()),
                ]);
                let item = ListItem::new(line);
                if i == self.selected {
                    item.style(theme.selected())
                } else {
                    item
                }
            })
            .collect();
        if items.is_empty() {
            let message = if self.input.value().trim().is_empty() {
                Msg::NoSelection
            } else if self.dsn.is_some() {
                Msg::DsnBelow
            } else {
                Msg::NothingFound
            };
            let text = Paragraph::new(Line::styled(tr(lang, message), theme.dim())).block(block);
            frame.render_widget(text, area);
        } else {
            frame.render_widget(List::new(items).block(block), area);
        }
    }

    /// The detail pane's title, its lines (wrapped when drawn), and the notes kept at its
    /// foot; `None` when nothing is chosen.
    fn detail(&self, lang: Lang, theme: Theme) -> Option<Detail> {
        if let Some(decoded) = &self.dsn {
            let title = format!(
                "{} {}",
                tr(lang, Msg::DsnCode),
                decoded.code.format_facets()
            );
            let lines = decoded
                .facets()
                .iter()
                .map(|f| {
                    let name = match lang {
                        Lang::Kk => f.name_kk,
                        _ => f.name_ru.or(f.name_kk),
                    };
                    let mark = if f.marked { " *" } else { "" };
                    Line::from(vec![
                        Span::styled(format!("{} {:<8}", f.facet.number(), f.code), theme.key()),
                        Span::styled(format!("{}: ", f.facet.name().get(lang)), theme.dim()),
                        Span::raw(format!("{}{mark}", name.unwrap_or("—"))),
                    ])
                })
                .collect();
            return Some(Detail {
                title,
                lines,
                pinned: Vec::new(),
            });
        }
        let entry = self.selected()?;
        let label = |msg: Msg| Span::styled(format!("{}: ", tr(lang, msg)), theme.dim());
        // Notes on how to read the names (a renamed unit, a translation): short, and kept
        // at the pane's foot whatever room the names take.
        let mut pinned = Vec::new();
        let mut lines = vec![Line::from(vec![
            label(Msg::Code),
            Span::raw(entry.code().into_owned()),
            Span::styled(
                format!("  {}", tr(lang, Msg::Kind(entry.kind()))),
                theme.dim(),
            ),
        ])];
        // The names, the one in the clerk's language first: where the pane is too short
        // for all of them, the one cut is not the one the clerk reads.
        let mut names = vec![(Msg::NameKk, entry.name_kk())];
        names.extend(entry.name_ru().map(|ru| (Msg::NameRu, ru)));
        if let Entry::Filling(f) = entry {
            names.push((Msg::NameEn, f.name_en));
        }
        let own = match lang {
            Lang::Kk => Msg::NameKk,
            Lang::Ru => Msg::NameRu,
            Lang::En => Msg::NameEn,
        };
        names.sort_by_key(|(msg, _)| *msg != own);
        for (msg, name) in names {
            lines.push(Line::from(vec![label(msg), Span::raw(name)]));
        }
        match entry {
            Entry::District(d) => {
                let region = match lang {
                    Lang::Kk => d.region_name_kk,
                    _ => d.region_name_ru,
                };
                lines.push(Line::from(vec![
                    label(Msg::Region),
                    Span::raw(format!("{} {region}", d.region_code)),
                ]));
            }
            Entry::DsnUnit(u) => {
                let mark = if u.region_marked { "*" } else { "" };
                lines.push(Line::from(vec![
                    label(Msg::Heading),
                    Span::raw(format!("{}{mark}", u.region_name_kk)),
                ]));
                if u.marked {
                    pinned.push(Line::styled(tr(lang, Msg::Marked), theme.warn()));
                }
            }
            Entry::Filling(_) | Entry::DsnCountry(_) | Entry::DsnProduct(_) => {}
        }
        if !entry.translated_fields().is_empty() {
            let fields = entry.translated_fields().join(", ");
            pinned.push(Line::styled(
                format!("{fields}: {}", tr(lang, Msg::Translated)),
                theme.dim(),
            ));
        }
        Some(Detail {
            title: tr(lang, Msg::Detail).to_string(),
            lines,
            pinned,
        })
    }

    /// The detail pane in `area`: the lines wrapped at words, and where they need more rows
    /// than the pane has, its last row of them ends with "…".
    fn draw_detail(frame: &mut Frame, area: Rect, detail: Option<Detail>, lang: Lang) {
        let Some(detail) = detail else {
            let block = Block::default()
                .borders(Borders::ALL)
                .title(tr(lang, Msg::Detail));
            frame.render_widget(block, area);
            return;
        };
        let block = Block::default().borders(Borders::ALL).title(detail.title);
        let inner = block.inner(area);
        let rows = fit::fill(
            &detail.lines,
            detail.pinned,
            inner.width.into(),
            inner.height.into(),
        );
        frame.render_widget(Paragraph::new(rows).block(block), area);
    }
}

/// What the detail pane shows.
struct Detail {
    title: String,
    lines: Vec<Line<'static>>,
    pinned: Vec<Line<'static>>,
}

impl Detail {
    /// Rows it needs at `width` cells, borders included.
    fn height(&self, width: usize) -> usize {
        let wrapped: usize = self.lines.iter().map(|l| fit::wrap(l, width).len()).sum();
        wrapped + self.pinned.len() + 2
    }
}

/// The row's name in the clerk's language, or the nearest one the directory has.
fn display_name(entry: Entry, lang: Lang) -> &'static str {
    match (lang, entry) {
        (Lang::Kk, _) => entry.name_kk(),
        (Lang::En, Entry::Filling(f)) => f.name_en,
        _ => entry.name_ru().unwrap_or_else(|| entry.name_kk()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_searches_and_the_selection_stays_in_the_list() {
        let mut tab = LookupTab::default();
        for c in "akkol".chars() {
            assert!(tab.edit(InputRequest::InsertChar(c)));
        }
        assert_eq!(
            tab.selected().map(|e| e.code().into_owned()),
            Some("1902 204".into())
        );
        let found = tab.hits.len();
        assert!(tab.select(Move::Last, 10));
        assert_eq!(tab.selected, found - 1);
        assert!(!tab.select(Move::Down, 10), "already at the end");
        tab.select(Move::First, 10);
        assert_eq!(tab.selected, 0);
    }
}
