//! Drawing the day screen: its rows are built once ([`DayScreen::items`], wrapped to the
//! width, so nothing is cut) for both the drawing and the keys that scroll them.

use super::{DayRead, DayScreen};
use crate::domain::lifecycle::State;
use crate::i18n::day::{DayWord, office_line};
use crate::i18n::{Msg, day_closed, tr};
use crate::tui::ui::fit::wrap;
use crate::tui::ui::text::label_column;
use crate::tui::ui::{View, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use std::collections::BTreeMap;

/// One row of the day's content, wrapped over as many lines as it needs; a row of a
/// formulary opens it (`number`).
pub struct Item {
    pub lines: Vec<Line<'static>>,
    pub number: Option<String>,
}

fn word(view: View, w: DayWord) -> &'static str {
    tr(view.lang, Msg::Day(w))
}

/// `HH:MM` of an office time `YYYY-MM-DDTHH:MM:SS`.
fn hour(at: &str) -> &str {
    at.get(11..16).unwrap_or(at)
}

impl DayScreen {
    /// The day's rows at `width` cells: see the module docs of `day`.
    pub fn items(&self, view: View, width: usize) -> Vec<Item> {
        let Some(read) = self.read() else {
            return Vec::new();
        };
        let theme = view.theme;
        let mut items = Vec::new();
        let mut text = |line: Line<'static>, number: Option<String>| {
            items.push(Item {
                lines: wrap(&line, width),
                number,
            });
        };
        let review = &read.review;
        if !review.open_before.is_empty() {
            let days: Vec<String> = review
                .open_before
                .iter()
                .map(|d| d.format("%d.%m.%Y").to_string())
                .collect();
            let said = format!("{}: {}", word(view, DayWord::StillOpen), days.join(", "));
            text(Line::styled(said, theme.warn()), None);
        }
        if let Some(close) = &review.summary.closed {
            text(
                Line::styled(day_closed(view.lang, close, view.zone), theme.dim()),
                None,
            );
        }
        text(Line::styled(word(view, DayWord::Forms), theme.key()), None);
        text(
            Line::raw(office_line(view.lang, &review.balance.office)),
            None,
        );
        if !review.balance.reconciled {
            text(
                Line::styled(word(view, DayWord::NotReconciled), theme.error()),
                None,
            );
        }
        text(
            Line::styled(word(view, DayWord::StateHeader), theme.dim()),
            None,
        );
        for l in review
            .balance
            .by_state
            .iter()
            .filter(|l| l.start + l.came + l.end > 0)
        {
            let name = label_column(l.state.short_text().get(view.lang), 18);
            let row = format!("{name}{:>5}{:>7}{:>7}{:>7}", l.start, l.came, l.left, l.end);
            text(Line::raw(row), None);
        }
        let none = BTreeMap::new();
        let s = &review.summary;
        for (heading, counts, names) in [
            (DayWord::ByCode, &s.by_filling_code, &none),
            (DayWord::ByDistrict, &s.by_district, &review.district_names),
            (DayWord::ByClerk, &s.by_clerk, &review.clerk_names),
        ] {
            text(counts_line(view, heading, counts, names), None);
        }
        let formularies = self.formulary_rows(view, read);
        let heading = format!(
            "{} ({})",
            word(view, DayWord::Formularies),
            formularies.len()
        );
        text(Line::styled(heading, theme.key()), None);
        if formularies.is_empty() {
            text(
                Line::styled(word(view, DayWord::NoneThatDay), theme.dim()),
                None,
            );
        }
        for (line, number) in formularies {
            text(line, Some(number));
        }
        let moves = self.move_rows(view, read);
        let heading = format!("{} ({})", word(view, DayWord::Moves), moves.len());
        text(Line::styled(heading, theme.key()), None);
        if moves.is_empty() {
            text(
                Line::styled(word(view, DayWord::NoneThatDay), theme.dim()),
                None,
            );
        }
        for (line, number) in moves {
            text(line, Some(number));
        }
        items
    }

    /// The day's formularies that pass the filters: when, who, the number, the code, the
    /// name, the state now.
    fn formulary_rows(&self, view: View, read: &DayRead) -> Vec<(Line<'static>, String)> {
        let by_number: BTreeMap<&str, (&str, &str)> = read
            .registrations
            .iter()
            .map(|r| (r.number.as_str(), (hour(&r.at), r.clerk.as_str())))
            .collect();
        read.review
            .summary
            .formularies
            .iter()
            .filter_map(|f| {
                let (at, clerk) = by_number
                    .get(f.number.as_str())
                    .copied()
                    .unwrap_or(("", ""));
                if !self.passes(Some(clerk).filter(|c| !c.is_empty()), f.status) {
                    return None;
                }
                let initial = f
                    .given_name
                    .chars()
                    .next()
                    .map(|c| format!(" {c}."))
                    .unwrap_or_default();
                let name = format!("{}{initial}", f.surname);
                let row = format!(
                    "{at:<5} {}{} {}{}{}",
                    label_column(clerk, 11),
                    f.number,
                    label_column(&f.filling_code, 4),
                    label_column(&name, 24),
                    f.status.short_text().get(view.lang)
                );
                Some((Line::raw(row), f.number.clone()))
            })
            .collect()
    }

    /// The day's moves that pass the filters: when, who, the number, what, from → to.
    fn move_rows(&self, view: View, read: &DayRead) -> Vec<(Line<'static>, String)> {
        let lang = view.lang;
        read.review
            .moves
            .iter()
            .filter(|m| self.passes(Some(m.clerk.as_str()), m.to))
            .map(|m| {
                let row = format!(
                    "{} {}{} {}: {} → {}",
                    hour(&m.at),
                    label_column(&m.clerk, 11),
                    m.number,
                    m.kind.text().get(lang),
                    m.from.short_text().get(lang),
                    m.to.short_text().get(lang)
                );
                (Line::raw(row), m.number.clone())
            })
            .collect()
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, view: View) {
        let (lang, theme) = (view.lang, view.theme);
        let mut title = vec![Span::raw(format!(" {} ", word(view, DayWord::Title)))];
        if let Some(date) = self.date {
            title.push(Span::raw(format!("{} ", date.format("%d.%m.%Y"))));
        }
        if let Some(read) = self.read() {
            title.push(match read.review.summary.closed {
                Some(_) => Span::styled(tr(lang, Msg::DayClosed), theme.warn()),
                None => Span::styled(tr(lang, Msg::DayOpen), theme.ok()),
            });
            title.push(Span::raw(" "));
        }
        let [filters, content] = layout::day_areas(area);
        let items = self.items(view, usize::from(content.width));
        let lines: Vec<(Line<'static>, bool)> = items
            .into_iter()
            .scan(0usize, |openable, item| {
                let chosen = item.number.is_some() && *openable == self.chosen;
                if item.number.is_some() {
                    *openable += 1;
                }
                Some(item.lines.into_iter().map(move |l| (l, chosen)))
            })
            .flatten()
            .collect();
        let total = lines.len();
        let page = usize::from(content.height);
        let mut block = Block::default()
            .borders(Borders::ALL)
            .title(Line::from(title));
        if total > page {
            let last = (self.scroll + page).min(total);
            block = block.title_bottom(format!(" {}–{last}/{total} ", self.scroll + 1));
        }
        frame.render_widget(block, area);
        if let Some(problem) = &self.problem {
            let said = Paragraph::new(Line::styled(problem.as_str(), theme.error()));
            frame.render_widget(said.wrap(Wrap { trim: true }), content);
            return;
        }
        if self.read().is_none() {
            let said = Line::styled(word(view, DayWord::Reading), theme.dim());
            frame.render_widget(Paragraph::new(said), content);
            return;
        }
        frame.render_widget(Paragraph::new(self.filter_line(view)), filters);
        let shown: Vec<Line> = lines
            .into_iter()
            .skip(self.scroll)
            .take(page)
            .map(|(line, chosen)| {
                if chosen {
                    line.style(theme.selected())
                } else {
                    line
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(shown), content);
    }

    /// "Clerk: all · Status: all", the filters as they stand.
    fn filter_line(&self, view: View) -> Line<'static> {
        let lang = view.lang;
        let all = word(view, DayWord::All);
        let clerk = self.clerk.clone().unwrap_or_else(|| all.to_string());
        let state = self.state.map_or_else(
            || all.to_string(),
            |s: State| s.short_text().get(lang).to_string(),
        );
        let dim = view.theme.dim();
        Line::from(vec![
            Span::styled(format!("{}: ", tr(lang, Msg::Clerk)), dim),
            Span::raw(clerk),
            Span::styled(format!(" · {}: ", tr(lang, Msg::ColStatus)), dim),
            Span::raw(state),
        ])
    }
}

/// "By district: 1902 204 (name) 2, …", or none.
fn counts_line(
    view: View,
    heading: DayWord,
    counts: &BTreeMap<String, u64>,
    names: &BTreeMap<String, String>,
) -> Line<'static> {
    let listed: Vec<String> = counts
        .iter()
        .map(|(k, n)| match names.get(k) {
            Some(name) => format!("{k} ({name}) {n}"),
            None => format!("{k} {n}"),
        })
        .collect();
    let listed = if listed.is_empty() {
        word(view, DayWord::NoneThatDay).to_string()
    } else {
        listed.join(", ")
    };
    Line::from(vec![
        Span::styled(format!("{}: ", word(view, heading)), view.theme.dim()),
        Span::raw(listed),
    ])
    .style(Style::default())
}
