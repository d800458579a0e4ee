//! Code lookup: one query box over every directory, results on each keystroke, and the
//! chosen row in full below them. The code picker of the form is the same list over one
//! directory.

use super::{Cx, redraw_if};
use crate::codes::{Entry, Hit, Kind, Names, Searcher};
use crate::domain::Lang;
use crate::domain::dsn::{Decoded, DsnCode, whole_code};
use crate::i18n::{Msg, tr};
use crate::store::dsn::DsnCodeNames;
use crate::tui::action::{Action, Move};
use crate::tui::app::Effect;
use crate::tui::ui::list::Selection;
use crate::tui::ui::text::{paste, truncate};
use crate::tui::ui::theme::Theme;
use crate::tui::ui::{View, fit, layout};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, Paragraph};
use tui_input::{Input, InputRequest};

mod dsn;

#[derive(Default)]
pub struct LookupTab {
    /// The one directory searched (the code picker), or all.
    kind: Option<Kind>,
    input: Input,
    searcher: Searcher,
    hits: Vec<Hit>,
    selected: Selection,
    /// The query read as a whole DSN code (D-App3), when it is one.
    dsn: Option<Decoded>,
    /// The register's names of that code (the taxpayer, the product), once read.
    /// Boxed: the picker dialog holds a lookup, and most lookups never have names.
    dsn_names: Option<Box<DsnCodeNames>>,
    /// The region typed in the form: the district picker lists its districts first.
    first_region: Option<String>,
}

impl LookupTab {
    /// A lookup over one directory only (the DSN form's unit picker), empty until typed.
    pub fn with_kind(kind: Kind) -> Self {
        Self {
            kind: Some(kind),
            ..Self::default()
        }
    }

    /// A lookup over one directory only, as the code picker of the form uses it (issue
    /// 11): it starts from an empty query listing the whole directory, the districts of
    /// `region` (the form's) first, with the field's `current` code chosen.
    pub fn picker(kind: Kind, region: &str, current: &str) -> Self {
        let region = region.trim();
        let mut tab = Self {
            kind: Some(kind),
            first_region: (!region.is_empty()).then(|| region.to_string()),
            ..Self::default()
        };
        tab.search();
        let current = current.trim();
        if let Some(at) = tab.hits.iter().position(|h| h.entry.code() == current) {
            tab.selected.set(at, tab.hits.len());
        }
        tab
    }

    /// Applies a key to the query; searches again when the text changed. Returns whether
    /// anything on screen changed.
    pub fn edit(&mut self, request: InputRequest) -> bool {
        let Some(changed) = self.input.handle(request) else {
            return false;
        };
        if changed.value {
            self.search();
        }
        true
    }

    /// Text pasted into the query, whole.
    pub fn paste(&mut self, text: &str) -> bool {
        let changed = paste(&mut self.input, text);
        if changed {
            self.search();
        }
        changed
    }

    /// Searches again for the query as it is now.
    fn search(&mut self) {
        let query = self.input.value();
        self.hits = match self.kind {
            Some(kind) if query.trim().is_empty() => self.searcher.all(kind),
            kind => self.searcher.search(query, kind),
        };
        if let Some(region) = &self.first_region {
            // Stable: each part keeps the order of its matches (issue 11).
            let elsewhere = |e: Entry| !matches!(e, Entry::District(d) if d.region_code == region);
            self.hits.sort_by_key(|h| (h.rank, elsewhere(h.entry)));
        }
        self.selected = Selection::default();
        let before = self.dsn_code();
        self.dsn = (self.kind.is_none())
            .then(|| whole_code(self.input.value()))
            .flatten();
        // The names stay while the query reads as the same code (asked once per code).
        if self.dsn_code() != before {
            self.dsn_names = None;
        }
    }

    /// The DSN code the query was read as, for the register's names of it (issue 11:
    /// `Store::dsn_code_names`, asked through an effect).
    pub fn dsn_code(&self) -> Option<DsnCode> {
        self.dsn.as_ref().map(|d| d.code)
    }

    /// The register's names of `code`, shown when the query still reads as that code (an
    /// answer to an older query is dropped).
    pub fn show_dsn_names(&mut self, code: DsnCode, names: DsnCodeNames) -> bool {
        let current = self.dsn_code() == Some(code);
        if current {
            self.dsn_names = Some(Box::new(names));
        }
        current
    }

    /// An action for Code lookup, the screen showing.
    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match action {
            // A query newly read as a DSN code asks the register for its names (issue 11).
            Action::Edit(_) | Action::Paste(_) => {
                let before = self.dsn_code();
                let changed = match action {
                    Action::Edit(request) => self.edit(request),
                    Action::Paste(text) => self.paste(&text),
                    _ => false,
                };
                match self.dsn_code() {
                    Some(code) if before != Some(code) => Effect::DsnCodeNames(code),
                    _ => redraw_if(changed),
                }
            }
            Action::Select(step) => redraw_if(self.select(step, layout::lookup_rows(cx.body))),
            Action::Copy => match self.selected() {
                Some(entry) => {
                    cx.status = Some(Msg::Copied.into());
                    Effect::Copy(entry.code().into_owned())
                }
                None => Effect::None,
            },
            _ => Effect::None,
        }
    }

    /// Moves the selection; `page` is the number of rows the list shows.
    pub fn select(&mut self, step: Move, page: usize) -> bool {
        self.selected.step(step, self.hits.len(), page)
    }

    pub fn query(&self) -> &str {
        self.input.value()
    }

    pub fn selected(&self) -> Option<Entry> {
        self.hits.get(self.selected.at()).map(|h| h.entry)
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, view: View) {
        let (lang, theme) = (view.lang, view.theme);
        let [query_area, mut results_area, mut detail_area] = layout::lookup_areas(area);
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
        let first = self.selected.first_shown(rows);
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
                let name = truncate(entry.name().get(lang), name_width);
                let kind = truncate(tr(lang, Msg::Kind(entry.kind())), kind_width);
                let line = Line::from(vec![
                    Span::raw(format!("{:<9} ", entry.code())),
                    Span::raw(format!("{name:<name_width$} ")),
                    Span::styled(kind, theme.dim()),
                ]);
                let item = ListItem::new(line);
                if i == self.selected.at() {
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
            return Some(dsn::detail(decoded, self.dsn_names.as_deref(), lang, theme));
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
                let region = Names::kk_ru(d.region_name_kk, d.region_name_ru).get(lang);
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
            // The fields by their labels on this screen, not by their JSON keys.
            let fields = entry
                .translated_fields()
                .iter()
                .map(|key| match *key {
                    "name_kk" => tr(lang, Msg::NameKk),
                    "name_ru" => tr(lang, Msg::NameRu),
                    "name_en" => tr(lang, Msg::NameEn),
                    other => other,
                })
                .collect::<Vec<_>>()
                .join(", ");
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

#[cfg(test)]
#[path = "lookup_tests.rs"]
mod tests;
