//! M-12.a: what a parent shows for a child's IIN, asked before the IIN is taken (Ctrl-G on
//! a new formulary, for a person under 18): the birth certificate (number, date, issuer),
//! the parent's or legal representative's identity document, and whether the birth record
//! was found in ИС ЗАГС. The register records it with the IIN (`Store::generate_iin_for`,
//! as `kense iin generate` does); a record not found is a request to РАГС in the work queue.

use super::{Dialog, Next, become_, stay};
use crate::domain::birth_record::ChildIinBasis;
use crate::domain::{Sex, Text};
use crate::i18n::counter::{self, BasisField};
use crate::tui::action::Action;
use crate::tui::app::Effect;
use crate::tui::screens::Cx;
use crate::tui::screens::formulary::Focus;
use crate::tui::screens::formulary::convert::parse_date;
use crate::tui::ui::text::{paste, truncate};
use crate::tui::ui::{View, fit, layout};
use chrono::{Months, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use tui_input::{Input, InputRequest};

/// The dialog's state: the four lines typed, the ИС ЗАГС choice (none until made), and
/// the field with the focus (an index of [`BasisField::ALL`]).
#[derive(Debug, Clone, Default)]
pub struct BasisForm {
    pub born: Option<NaiveDate>,
    pub sex: Option<Sex>,
    lines: [Input; 4],
    zags_found: Option<bool>,
    focus: usize,
}

/// Ctrl-G for `born` and `sex`: a child (under 18 today) is asked what was shown first
/// (M-12.a); an adult's IIN is taken at once, as the CLI takes it without the basis.
pub fn begin(born: NaiveDate, sex: Sex, cx: &mut Cx) -> Effect {
    let adult = born
        .checked_add_months(Months::new(18 * 12))
        .is_some_and(|at| at <= cx.today());
    if adult {
        return Effect::GenerateIin(born, sex);
    }
    let form = BasisForm {
        born: Some(born),
        sex: Some(sex),
        ..BasisForm::default()
    };
    cx.open(Dialog::ChildIin(Box::new(form)))
}

impl BasisForm {
    /// A key in the focused field: a line is edited; the choice takes ←/→ or a letter
    /// (y/д/и yes, n/н/ж no). Returns whether anything changed.
    fn edit(&mut self, request: InputRequest) -> bool {
        let Some(line) = self.lines.get_mut(self.focus) else {
            let chosen = match request {
                InputRequest::GoToNextChar | InputRequest::GoToPrevChar => {
                    Some(!self.zags_found.unwrap_or(false))
                }
                InputRequest::InsertChar(c) => match c.to_lowercase().next() {
                    Some('y' | 'д' | 'и') => Some(true),
                    Some('n' | 'н' | 'ж') => Some(false),
                    _ => None,
                },
                _ => None,
            };
            let changed = chosen.is_some() && chosen != self.zags_found;
            self.zags_found = chosen.or(self.zags_found);
            return changed;
        };
        line.handle(request).is_some()
    }

    /// What was shown, checked; else the first field wrong with the rule's own words
    /// (the domain's table), `None` where the field is no date or no choice yet.
    pub fn basis(&self, today: NaiveDate) -> Result<ChildIinBasis, (BasisField, Option<Text>)> {
        let [number, date, issuer, parent] = &self.lines;
        let date = parse_date(date.value());
        let basis = ChildIinBasis {
            certificate_number: number.value().to_string(),
            certificate_date: date.unwrap_or(today),
            certificate_issuer: issuer.value().to_string(),
            parent_document: parent.value().to_string(),
            zags_found: self.zags_found.unwrap_or(true),
        };
        let born = self.born.unwrap_or(today);
        let mut wrong: Vec<(BasisField, Option<Text>)> = basis
            .problems(born, today)
            .into_iter()
            .map(|(field, text)| match field {
                "certificate_number" => (BasisField::CertificateNumber, Some(text)),
                "certificate_date" => (BasisField::CertificateDate, Some(text)),
                "certificate_issuer" => (BasisField::CertificateIssuer, Some(text)),
                _ => (BasisField::ParentDocument, Some(text)),
            })
            .filter(|(field, _)| *field != BasisField::CertificateDate || date.is_some())
            .collect();
        if date.is_none() {
            wrong.push((BasisField::CertificateDate, None));
        }
        if self.zags_found.is_none() {
            wrong.push((BasisField::ZagsFound, None));
        }
        // The first in the order the clerk fills them.
        let order = |f: &BasisField| BasisField::ALL.iter().position(|g| g == f);
        wrong.sort_by_key(|(field, _)| order(field));
        match wrong.into_iter().next() {
            Some(first) => Err(first),
            None => Ok(basis),
        }
    }
}

/// The dialog's keys: Tab and Shift-Tab between fields, typing, Enter takes the IIN when
/// everything shown is in order (else says the field and the rule and goes to it), Esc back
/// to the form with nothing taken.
pub fn update(mut form: Box<BasisForm>, action: Action, cx: &mut Cx) -> Next {
    let last = BasisField::ALL.len() - 1;
    let changed = match action {
        Action::Back => return become_(None),
        Action::Focus(Focus::Next) if form.focus < last => {
            form.focus += 1;
            true
        }
        Action::Focus(Focus::Previous) if form.focus > 0 => {
            form.focus -= 1;
            true
        }
        Action::Edit(request) => form.edit(request),
        Action::Paste(text) => match form.lines.get_mut(form.focus) {
            Some(line) => paste(line, &text),
            None => false,
        },
        Action::Confirm => match (form.born, form.sex, form.basis(cx.today())) {
            (Some(born), Some(sex), Ok(basis)) => {
                let effect = Effect::GenerateChildIin(born, sex, Box::new(basis));
                return (None, Some(effect));
            }
            (_, _, Err((field, rule))) => {
                // The field named, the rule's words in the clerk's language.
                let why = match (field, &rule) {
                    (_, Some(text)) => text.get(cx.lang),
                    (BasisField::ZagsFound, None) => counter::choose_yes_no(cx.lang),
                    (_, None) => counter::not_a_date(cx.lang),
                };
                let said = counter::basis_problem(cx.lang, field, why);
                form.focus = BasisField::ALL
                    .iter()
                    .position(|f| *f == field)
                    .unwrap_or(0);
                let effect = cx.say(said);
                return (Some(Dialog::ChildIin(form)), Some(effect));
            }
            _ => return become_(None),
        },
        _ => false,
    };
    stay(Dialog::ChildIin(form), changed)
}

/// The dialog over `body`: a row a field, its label and its value, the focused one with the
/// cursor; a hint row at the foot.
pub fn draw(frame: &mut Frame, body: Rect, form: &BasisForm, view: View) {
    let lang = view.lang;
    let rows = u16::try_from(BasisField::ALL.len()).unwrap_or(5) + 3;
    let area = layout::centered(body, 76, rows);
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(counter::basis_title(lang));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let label_width = 36;
    let value_width = usize::from(inner.width).saturating_sub(label_width + 1);
    let mut lines = Vec::new();
    let mut cursor = None;
    for (i, field) in BasisField::ALL.iter().enumerate() {
        let label = truncate(field.label(lang), label_width);
        let label_style = if i == form.focus {
            view.theme.key()
        } else {
            view.theme.dim()
        };
        let value = match form.lines.get(i) {
            Some(line) => {
                let (shown, column) =
                    fit::scrolled(line.value(), line.visual_cursor(), value_width);
                if i == form.focus {
                    cursor = Some((column, i));
                }
                shown
            }
            None => match form.zags_found {
                Some(found) => format!("◂ {} ▸", counter::yes_no(lang, found)),
                None => "◂ ? ▸".to_string(),
            },
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{label:<label_width$} "), label_style),
            Span::raw(value),
        ]));
    }
    lines.push(Line::styled(counter::basis_hint(lang), view.theme.dim()));
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((column, row)) = cursor {
        let x = inner.x + u16::try_from(label_width + 1 + column).unwrap_or(u16::MAX);
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
    }
}
