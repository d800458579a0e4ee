//! The Register tab's opened DSN application (issue 11), read-only: the applicant, the
//! facets it applied with, its terms and hand-over (D-6), and each product row with its
//! code or its refusal and the D-7 ground in words. Scrolled with the list keys; Ctrl-O
//! records the hand-over of its result, Esc goes back to the list.

use super::{Cx, Screen, redraw_if};
use crate::codes::{self, Entry};
use crate::domain::Lang;
use crate::i18n::dsn_desk::{self, DsnWord};
use crate::i18n::{Msg, tr};
use crate::store::dsn::ListedApplication;
use crate::tui::action::{Action, Move};
use crate::tui::app::Effect;
use crate::tui::dialogs::{Ask, Dialog};
use crate::tui::ui::text::label_column;
use crate::tui::ui::{View, fit, layout};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Cells of the label column.
const LABEL: usize = 24;

#[derive(Default)]
pub struct DsnApplication {
    application: Option<Box<ListedApplication>>,
    /// The first line shown.
    scroll: usize,
    /// The office's date it was read on: what is overdue or kept past its month is as of it.
    today: Option<NaiveDate>,
}

impl DsnApplication {
    /// The register's answer: the application as it is now. Read again after its
    /// hand-over, it keeps its place.
    pub fn show(&mut self, application: ListedApplication, today: NaiveDate) {
        if self.id() != Some(application.id) {
            self.scroll = 0;
        }
        self.application = Some(Box::new(application));
        self.today = Some(today);
    }

    pub fn application(&self) -> Option<&ListedApplication> {
        self.application.as_deref()
    }

    pub fn id(&self) -> Option<i64> {
        self.application().map(|a| a.id)
    }

    /// An action for the opened application, the screen showing.
    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let Some(application) = self.application.as_deref() else {
            return Effect::None;
        };
        match action {
            Action::Back => {
                cx.go = Some(Screen::DsnList);
                Effect::Redraw
            }
            Action::HandOver => cx.open(Dialog::Ask(Ask::HandOver(application.id))),
            // Issue 13, D-App2: the application's result, on paper.
            Action::Print => {
                let kind = crate::papers::PaperKind::DsnResult;
                let paper =
                    crate::tui::dialogs::print::Paper::new(kind, application.id.to_string());
                crate::tui::dialogs::print::offer(vec![paper], cx)
            }
            Action::Select(step) => {
                let width = usize::from(layout::inner(cx.body).width);
                let view = View {
                    lang: cx.lang,
                    theme: crate::tui::ui::theme::Theme { color: false },
                    zone: cx.clock.zone(),
                };
                let total = wrapped(application, self.today, view, width).len();
                let page = usize::from(layout::inner(cx.body).height);
                redraw_if(self.scroll(step, total, page))
            }
            _ => Effect::None,
        }
    }

    /// Scrolls by `step` through `total` lines of which `page` show; `true` when it moved.
    fn scroll(&mut self, step: Move, total: usize, page: usize) -> bool {
        let next = crate::tui::ui::list::scrolled(self.scroll, step, total, page, page);
        let moved = next != self.scroll;
        self.scroll = next;
        moved
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, view: View) {
        let Some(application) = self.application() else {
            return;
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .title(dsn_desk::application_title(view.lang, application.id));
        let inner = block.inner(area);
        let lines = wrapped(application, self.today, view, usize::from(inner.width));
        let shown: Vec<Line> = lines
            .into_iter()
            .skip(self.scroll)
            .take(usize::from(inner.height))
            .collect();
        frame.render_widget(Paragraph::new(shown).block(block), area);
    }
}

/// The application's lines wrapped to `width` cells: what is drawn, and what is scrolled.
fn wrapped(
    a: &ListedApplication,
    today: Option<NaiveDate>,
    view: View,
    width: usize,
) -> Vec<Line<'static>> {
    // A product row's own lines are indented under its number, wrapped within the indent
    // (the wrap drops the spaces a line starts with).
    rows(a, today, view)
        .iter()
        .flat_map(|(indent, line)| {
            fit::wrap(line, width.saturating_sub(*indent).max(1))
                .into_iter()
                .map(move |mut wrapped| {
                    if *indent > 0 {
                        wrapped.spans.insert(0, Span::raw(" ".repeat(*indent)));
                    }
                    wrapped
                })
        })
        .collect()
}

/// Cells a product row's own lines are indented by.
const INDENT: usize = 3;

fn word(lang: Lang, word: DsnWord) -> &'static str {
    tr(lang, Msg::Dsn(word))
}

fn day(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// A directory's name of a facet's code (D-App3), if it has one.
fn facet_name(lang: Lang, entry: Option<Entry>) -> String {
    entry
        .map(|e| format!("  {}", e.name().get(lang)))
        .unwrap_or_default()
}

/// The application's lines before wrapping, each with its indent.
fn rows(
    a: &ListedApplication,
    today: Option<NaiveDate>,
    view: View,
) -> Vec<(usize, Line<'static>)> {
    let (lang, theme) = (view.lang, view.theme);
    let field = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(label_column(label, LABEL), theme.dim()),
            Span::raw(value),
        ])
    };
    let subject = match a.subject_type.as_str() {
        "producer" => tr(lang, Msg::DsnProducer).to_string(),
        "importer" => tr(lang, Msg::DsnImporter).to_string(),
        other => other.to_string(),
    };
    let country = format!("{:01}", a.country);
    let unit = format!("{:03}", a.unit);
    let country_name = codes::dsn_countries()
        .iter()
        .find(|c| c.code == country)
        .map(Entry::DsnCountry);
    let unit_name = codes::dsn_units()
        .iter()
        .find(|u| u.code == unit)
        .map(Entry::DsnUnit);
    let mut lines = vec![
        field(word(lang, DsnWord::Applicant), a.taxpayer.clone()),
        field(tr(lang, Msg::DsnBin), a.bin.clone()),
        field(word(lang, DsnWord::SubjectType), subject),
        field(
            tr(lang, Msg::DsnCountry),
            format!("{country}{}", facet_name(lang, country_name)),
        ),
        field(
            tr(lang, Msg::DsnUnit),
            format!("{unit}{}", facet_name(lang, unit_name)),
        ),
        field(word(lang, DsnWord::Received), a.received_at.clone()),
        field(word(lang, DsnWord::Registered), day(a.registered_on)),
    ];
    // D-6: the result is due the next working day; overdue until it is handed over.
    let due = Line::from(vec![
        Span::styled(label_column(word(lang, DsnWord::Due), LABEL), theme.dim()),
        Span::raw(day(a.due_on)),
    ]);
    lines.push(if a.overdue {
        let mut due = due;
        due.spans.push(Span::styled(
            format!("  {}", tr(lang, Msg::Overdue)),
            theme.error(),
        ));
        due
    } else {
        due
    });
    match a.handed_over_on {
        Some(on) => lines.push(field(word(lang, DsnWord::HandedOver), day(on))),
        None => lines.push(Line::from(vec![
            Span::styled(
                label_column(word(lang, DsnWord::HandedOver), LABEL),
                theme.dim(),
            ),
            Span::styled(word(lang, DsnWord::NotHandedOver), theme.warn()),
        ])),
    }
    if let Some(until) = a.kept_until {
        lines.push(field(word(lang, DsnWord::KeptUntil), day(until)));
        // D-6: a month kept, the front office passes the result to the provider.
        if today.is_some_and(|today| today >= until) {
            lines.push(Line::styled(dsn_desk::kept_past(lang, until), theme.warn()));
        }
    }
    lines.push(Line::styled(
        word(lang, DsnWord::Products),
        theme.active_tab(),
    ));
    let mut lines: Vec<(usize, Line<'static>)> = lines.into_iter().map(|l| (0, l)).collect();
    for r in &a.products {
        let kind = codes::dsn_products()
            .iter()
            .find(|p| p.code == r.product_type.to_string())
            .map(|p| Entry::DsnProduct(p).name().get(lang))
            .unwrap_or_default();
        lines.push((
            0,
            Line::raw(format!("{}. {} {kind}  {}", r.row, r.product_type, r.name)),
        ));
        lines.push((INDENT, Line::raw(r.spec.clone())));
        if let Some(code) = &r.code_facets {
            lines.push((INDENT, Line::styled(code.clone(), theme.ok())));
        }
        if let Some(ground) = r.ground {
            let mut refusal = vec![Span::styled(
                format!("{} [{ground}] ", tr(lang, Msg::Refused)),
                theme.error(),
            )];
            if let Some(reason) = &r.reason {
                refusal.push(Span::raw(reason.get(lang).to_string()));
            }
            lines.push((INDENT, Line::from(refusal)));
            if let Some(existing) = &r.existing_code {
                let existing = format!(
                    "{}: {}",
                    word(lang, DsnWord::ExistingCode),
                    existing.format_facets()
                );
                lines.push((INDENT, Line::raw(existing)));
            }
        }
    }
    lines
}
