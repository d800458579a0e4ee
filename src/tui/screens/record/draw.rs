//! Drawing the opened formulary: the record's rows, wrapped to the screen and scrolled, with
//! the moves allowed now kept in their place at the bottom.

use super::RecordScreen;
use crate::domain::Lang;
use crate::domain::calendar::m16_due;
use crate::domain::lifecycle::documents::DocumentStatus;
use crate::domain::lifecycle::{Event, State, Transition, moves_from};
use crate::i18n::{Msg, event_data, form as words, tr};
use crate::store::{Correction, Record};
use crate::tui::screens::formulary::shown::shown_text;
use crate::tui::screens::formulary::spec::{FIELDS, Input as Kind};
use crate::tui::ui::{View, fit};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

impl RecordScreen {
    pub fn draw(&self, frame: &mut Frame, area: Rect, view: View) {
        let Some(record) = self.record() else {
            return;
        };
        let title = format!("{} № {}", tr(view.lang, Msg::Formulary), record.number);
        let block = Block::default().borders(Borders::ALL).title(title);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let moves = move_lines(record, view);
        let [top, bottom] = Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(u16::try_from(moves.len()).unwrap_or(u16::MAX)),
        ])
        .areas(inner);
        let rows = wrapped(
            record,
            &self.corrections,
            self.today,
            view,
            usize::from(top.width),
        );
        let (total, height) = (rows.len(), usize::from(top.height));
        let first = self.scroll.min(total.saturating_sub(height));
        let mut shown: Vec<Line> = rows.into_iter().skip(first).take(height).collect();
        // More below: the last row says so, as a cut line does elsewhere.
        if first + height < total
            && let Some(last) = shown.last_mut()
        {
            *last = Line::styled(format!("{} ↓ PgDn", fit::MORE), view.theme.dim());
        }
        frame.render_widget(Paragraph::new(shown), top);
        frame.render_widget(Paragraph::new(moves), bottom);
    }
}

/// The record's rows wrapped at `width` cells.
pub fn wrapped(
    record: &Record,
    corrections: &[Correction],
    today: Option<NaiveDate>,
    view: View,
    width: usize,
) -> Vec<Line<'static>> {
    rows(record, corrections, today, view)
        .iter()
        .flat_map(|line| fit::wrap(line, width.max(1)))
        .collect()
}

/// The moves allowed now, numbered for their digits, under their heading.
fn move_lines(record: &Record, view: View) -> Vec<Line<'static>> {
    let lang = view.lang;
    let mut lines = vec![Line::styled(tr(lang, Msg::Moves), view.theme.active_tab())];
    let moves = moves_from(record.lifecycle.state());
    if moves.is_empty() {
        lines.push(Line::styled(tr(lang, Msg::NoMoves), view.theme.dim()));
    }
    for (i, kind) in moves.iter().enumerate() {
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", i + 1), view.theme.key()),
            Span::raw(kind.text().get(lang).to_string()),
        ]));
    }
    lines
}

/// Every row of the record, unwrapped: the head, every field of the form in its groups,
/// what the clerk let pass, the person's documents, the corrections and the history.
fn rows(
    record: &Record,
    corrections: &[Correction],
    today: Option<NaiveDate>,
    view: View,
) -> Vec<Line<'static>> {
    let (lang, theme) = (view.lang, view.theme);
    let label = |text: &str| Span::styled(format!("{text}: "), theme.dim());
    let heading = |msg: Msg| Line::styled(tr(lang, msg).to_string(), theme.active_tab());
    let state = record.lifecycle.state();
    // A made document is handed over on the number read off the citizen's coupon (M-57):
    // shown here, the check at the issue would be a copy from the screen.
    let coupon = if state == State::Manufactured {
        tr(lang, Msg::CouponOnTheCitizens).to_string()
    } else {
        record.coupon.clone()
    };
    let mut rows = vec![Line::from(vec![
        label(tr(lang, Msg::ColStatus)),
        Span::styled(state.text().get(lang).to_string(), theme.key()),
        Span::raw("  "),
        label(tr(lang, Msg::Coupon)),
        Span::raw(coupon),
        Span::raw("  "),
        label(tr(lang, Msg::ColDate)),
        Span::raw(record.registered_on.format("%d.%m.%Y").to_string()),
    ])];
    // The latest move first, with what it recorded: what the clerk at the counter most
    // often opens a formulary for. The whole history follows the fields.
    if let Some(last) = record.lifecycle.transitions().last() {
        let (head, data) = history_line(last, lang);
        rows.push(Line::from(vec![
            label(tr(lang, Msg::LastMove)),
            Span::raw(head),
        ]));
        rows.extend(data.map(|data| Line::raw(format!("· {data}"))));
    }
    rows.extend(term(record, today, view));
    let f = &record.formulary;
    for (i, spec) in FIELDS.iter().enumerate() {
        if i == 0 || FIELDS[i - 1].group != spec.group {
            rows.push(Line::styled(
                words::group(lang, spec.group).to_string(),
                theme.active_tab(),
            ));
        }
        let text = shown_text(f, spec.id, lang);
        // A reverse-side note not written is no field of this formulary.
        if text.is_empty() && spec.note.is_some() {
            continue;
        }
        let text = match (text.is_empty(), spec.input) {
            (true, _) => "—".to_string(),
            (false, Kind::Choice(_)) => words::choice(lang, &text).to_string(),
            (false, _) => text,
        };
        rows.push(Line::from(vec![
            label(words::field(lang, spec.id)),
            Span::raw(text),
        ]));
    }
    if !f.overrides.is_empty() {
        rows.push(heading(Msg::RecordOverrides));
        for o in &f.overrides {
            let reason = o.reason.clone().unwrap_or_default();
            let field = crate::i18n::paths::path_label(lang, &o.field, Some(f));
            rows.push(Line::raw(format!("[{}] {field}: {reason}", o.rule)));
        }
    }
    rows.push(heading(Msg::RecordDocuments));
    if record.documents.is_empty() {
        rows.push(Line::styled(
            tr(lang, Msg::NothingFound).to_string(),
            theme.dim(),
        ));
    }
    for d in &record.documents {
        let kind = words::choice(
            lang,
            crate::tui::screens::formulary::shown::document_key(d.kind),
        );
        let status = match &d.status {
            DocumentStatus::Valid => tr(lang, Msg::DocumentValid).to_string(),
            DocumentStatus::Invalid { reason, since } => format!(
                "{} {} — {}",
                tr(lang, Msg::DocumentInvalidSince),
                since.format("%d.%m.%Y"),
                reason.text().get(lang)
            ),
        };
        let issued = d.issued_on.format("%d.%m.%Y");
        rows.push(Line::raw(format!(
            "{kind} № {} ({issued}): {status}",
            d.number
        )));
    }
    if !corrections.is_empty() {
        rows.push(heading(Msg::RecordCorrections));
        for c in corrections {
            let at = office_time(&c.at, view);
            rows.push(Line::raw(format!("{}. {at}  {}", c.seq, c.clerk)));
        }
    }
    rows.push(heading(Msg::History));
    for t in record.lifecycle.transitions().iter().rev() {
        let (head, data) = history_line(t, lang);
        rows.push(Line::raw(head));
        // What the move recorded on a line of its own, so a wrap never splits the move's
        // head from it mid-phrase.
        rows.extend(data.map(|data| Line::raw(format!("· {data}"))));
    }
    rows
}

/// A move of the history: when, who, from and to; and what it recorded, if anything.
fn history_line(t: &Transition, lang: Lang) -> (String, Option<String>) {
    let head = format!(
        "{}  {}  {} → {}",
        t.at.format("%d.%m.%Y %H:%M"),
        t.clerk,
        t.from.text().get(lang),
        t.to.text().get(lang)
    );
    let data = event_data(lang, &t.event)
        .into_iter()
        .chain(t.reason.clone())
        .collect::<Vec<_>>()
        .join(" — ");
    (head, (!data.is_empty()).then_some(data))
}

/// The running term (M-16): a verification is due 3 working days after it started and its
/// conclusion 2 working days after that; said overdue once today is past it.
fn term(record: &Record, today: Option<NaiveDate>, view: View) -> Option<Line<'static>> {
    if record.lifecycle.state() != State::UnderVerification {
        return None;
    }
    let started = record
        .lifecycle
        .transitions()
        .iter()
        .rev()
        .find(|t| matches!(t.event, Event::StartVerification { .. }))?;
    let due = m16_due(started.at.date()).ok()?;
    let lang = view.lang;
    let late = |date: NaiveDate| today.is_some_and(|t| t > date);
    let part = |msg: Msg, date: NaiveDate| {
        let mark = if late(date) {
            format!(" ({})", tr(lang, Msg::Overdue))
        } else {
            String::new()
        };
        format!("{} {}{mark}", tr(lang, msg), date.format("%d.%m.%Y"))
    };
    let text = format!(
        "M-16: {}; {}",
        part(Msg::VerificationDue, due.verification_due),
        part(Msg::ConclusionDue, due.conclusion_due)
    );
    let style = if late(due.verification_due) || late(due.conclusion_due) {
        view.theme.error()
    } else {
        view.theme.warn()
    };
    Some(Line::styled(text, style))
}

/// A UTC stamp of the register, in the office's time.
fn office_time(at: &str, view: View) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| {
            t.with_timezone(&view.zone)
                .format("%d.%m.%Y %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| at.to_string())
}
