//! The New tab's DSN application (D-4): the applicant, facets 1 and 2, and up to three
//! product rows, checked by the rules of document 001 as the clerk types. Its fields are a
//! table, as the formulary's are: each says its label, how it is typed and which JSON path
//! of the application it fills, so a violation finds its field.

use super::{Cx, redraw_if};
use crate::codes::{self, Names};
use crate::domain::Lang;
use crate::domain::dsn::{Application, CodeValue, ProductRow, Report, validate};
use crate::domain::formulary::Violation;
use crate::i18n::dsn_desk::DsnWord;
use crate::i18n::plural::{Noun, count};
use crate::i18n::{Msg, tr};
use crate::tui::action::Action;
use crate::tui::app::Effect;
use crate::tui::screens::formulary::Focus;
use crate::tui::ui::fields::{self, FieldRow, FormLine, Value, problem};
use crate::tui::ui::{View, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use tui_input::{Input, InputRequest};

mod known;

/// Product rows the form offers; an application may have more through `kense dsn apply`.
pub const PRODUCT_ROWS: usize = 3;
/// The subject types in JSON spelling; "" is not chosen.
const SUBJECT_TYPES: &[&str] = &["", "producer", "importer"];
/// Rows of the message pane, borders included.
const MESSAGE_HEIGHT: u16 = 6;

/// A field of the application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Taxpayer,
    Bin,
    SubjectType,
    /// Facet 1 (D-App3).
    Country,
    /// Facet 2 (D-App3).
    Unit,
    /// A product row's type (facet 4), name and technical specification; the row from 0.
    ProductType(usize),
    ProductName(usize),
    ProductSpec(usize),
}

/// The fields in the order of the form: the applicant, then each product row.
fn fields() -> impl Iterator<Item = Field> {
    [
        Field::Taxpayer,
        Field::Bin,
        Field::SubjectType,
        Field::Country,
        Field::Unit,
    ]
    .into_iter()
    .chain((0..PRODUCT_ROWS).flat_map(|row| {
        [
            Field::ProductType(row),
            Field::ProductName(row),
            Field::ProductSpec(row),
        ]
    }))
}

impl Field {
    /// The JSON path the field fills.
    fn path(self) -> String {
        match self {
            Field::Taxpayer => "taxpayer".into(),
            Field::Bin => "bin".into(),
            Field::SubjectType => "subject_type".into(),
            Field::Country => "country".into(),
            Field::Unit => "unit".into(),
            Field::ProductType(row) => format!("products[{row}].type"),
            Field::ProductName(row) => format!("products[{row}].name"),
            Field::ProductSpec(row) => format!("products[{row}].spec"),
        }
    }

    fn label(self, lang: Lang) -> String {
        let (msg, row) = match self {
            Field::Taxpayer => (Msg::DsnTaxpayer, None),
            Field::Bin => (Msg::DsnBin, None),
            Field::SubjectType => (Msg::DsnSubject, None),
            Field::Country => (Msg::DsnCountry, None),
            Field::Unit => (Msg::DsnUnit, None),
            Field::ProductType(row) => (Msg::DsnType, Some(row)),
            Field::ProductName(row) => (Msg::DsnName, Some(row)),
            Field::ProductSpec(row) => (Msg::DsnSpec, Some(row)),
        };
        match row {
            Some(row) => format!("{}. {}", row + 1, tr(lang, msg)),
            None => tr(lang, msg).to_string(),
        }
    }

    /// The directory's names of the code typed in a code field (D-App3).
    fn code_name(self, value: &str) -> Option<Names> {
        match self {
            Field::Country => codes::dsn_countries()
                .iter()
                .find(|c| c.code == value)
                .map(|c| codes::Entry::DsnCountry(c).name()),
            Field::Unit => codes::dsn_units()
                .iter()
                .find(|u| u.code == value || u.code.trim_start_matches('0') == value)
                .map(|u| codes::Entry::DsnUnit(u).name()),
            Field::ProductType(_) => codes::dsn_products()
                .iter()
                .find(|p| p.code == value)
                .map(|p| codes::Entry::DsnProduct(p).name()),
            _ => None,
        }
    }
}

pub struct DsnForm {
    /// One line per field, in the order of [`fields`].
    inputs: Vec<Input>,
    focus: usize,
    report: Report,
    /// The last valid BIN the taxpayer register was asked about: asked once per BIN.
    asked: Option<String>,
    /// The name filled from the register, while the field still holds it.
    filled: Option<String>,
}

impl Default for DsnForm {
    fn default() -> Self {
        let mut form = Self {
            inputs: fields().map(|_| Input::default()).collect(),
            focus: 0,
            report: Report::default(),
            asked: None,
            filled: None,
        };
        form.revalidate();
        form
    }
}

impl DsnForm {
    fn field(i: usize) -> Option<Field> {
        fields().nth(i)
    }

    fn value(&self, field: Field) -> &str {
        fields()
            .position(|f| f == field)
            .and_then(|i| self.inputs.get(i))
            .map_or("", |input| input.value().trim())
    }

    /// The application the fields make; empty product rows are left out.
    pub fn application(&self) -> Application {
        let code = |text: &str| CodeValue::Text(text.to_string());
        let products = (0..PRODUCT_ROWS)
            .map(|row| {
                let (t, n, s) = (
                    self.value(Field::ProductType(row)),
                    self.value(Field::ProductName(row)),
                    self.value(Field::ProductSpec(row)),
                );
                (t, n, s)
            })
            .filter(|(t, n, s)| !(t.is_empty() && n.is_empty() && s.is_empty()))
            .map(|(t, n, s)| ProductRow {
                product_type: code(t),
                name: n.to_string(),
                spec: s.to_string(),
            })
            .collect();
        Application {
            taxpayer: self.value(Field::Taxpayer).to_string(),
            bin: self.value(Field::Bin).to_string(),
            subject_type: self.value(Field::SubjectType).to_string(),
            country: code(self.value(Field::Country)),
            unit: code(self.value(Field::Unit)),
            products,
        }
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    pub fn is_blank(&self) -> bool {
        self.inputs.iter().all(|i| i.value().trim().is_empty())
    }

    /// An action for the application, the screen showing.
    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match action {
            Action::Edit(request) => {
                let changed = self.edit(request);
                self.ask_register().unwrap_or(redraw_if(changed))
            }
            Action::Paste(text) => {
                let changed = self.paste(&text);
                self.ask_register().unwrap_or(redraw_if(changed))
            }
            Action::Focus(step) => redraw_if(self.move_focus(step == Focus::Next)),
            Action::Pick => {
                let kind = match Self::field(self.focus) {
                    Some(Field::Country) => codes::Kind::DsnCountry,
                    Some(Field::Unit) => codes::Kind::DsnUnit,
                    Some(Field::ProductType(_)) => codes::Kind::DsnProduct,
                    _ => return cx.say(Msg::Dsn(DsnWord::NoDirectory)),
                };
                // An empty query: the picker is for choosing anew, not for what is typed.
                let list = crate::tui::screens::lookup::LookupTab::with_kind(kind);
                cx.open(crate::tui::dialogs::Dialog::DsnPicker { list })
            }
            Action::Save if self.report.errors.is_empty() => {
                Effect::DsnApply(Box::new(self.application()))
            }
            Action::Save => cx.say(Msg::NotReady),
            _ => Effect::None,
        }
    }

    pub fn move_focus(&mut self, next: bool) -> bool {
        let last = self.inputs.len().saturating_sub(1);
        let to = if next {
            (self.focus + 1).min(last)
        } else {
            self.focus.saturating_sub(1)
        };
        let moved = to != self.focus;
        self.focus = to;
        moved
    }

    pub fn edit(&mut self, request: InputRequest) -> bool {
        let choice = Self::field(self.focus) == Some(Field::SubjectType);
        let Some(input) = self.inputs.get_mut(self.focus) else {
            return false;
        };
        let changed = if choice {
            // The subject type is one of two, chosen with ← → (or Space).
            let at = SUBJECT_TYPES
                .iter()
                .position(|t| *t == input.value())
                .unwrap_or(0);
            let count = SUBJECT_TYPES.len();
            // Or by its first letter, as the formulary's choices take one (p/п, i/и).
            let next = match request {
                InputRequest::GoToNextChar | InputRequest::InsertChar(' ') => (at + 1) % count,
                InputRequest::GoToPrevChar => (at + count - 1) % count,
                InputRequest::InsertChar('p' | 'P' | 'п' | 'П') => 1,
                InputRequest::InsertChar('i' | 'I' | 'и' | 'И') => 2,
                _ => at,
            };
            *input = Input::new(SUBJECT_TYPES.get(next).copied().unwrap_or("").to_string());
            next != at
        } else {
            input.handle(request).is_some_and(|c| c.value)
        };
        if changed {
            self.revalidate();
        }
        changed
    }

    /// Text pasted into the focused field, whole (the subject type, a choice, takes none).
    pub fn paste(&mut self, text: &str) -> bool {
        if Self::field(self.focus) == Some(Field::SubjectType) {
            return false;
        }
        let changed = self
            .inputs
            .get_mut(self.focus)
            .is_some_and(|input| crate::tui::ui::text::paste(input, text));
        if changed {
            self.revalidate();
        }
        changed
    }

    /// The code chosen in the picker, into the focused code field.
    pub fn pick(&mut self, code: &str) {
        if let Some(input) = self.inputs.get_mut(self.focus) {
            *input = Input::new(code.to_string());
            self.revalidate();
        }
    }

    fn revalidate(&mut self) {
        self.report = validate(&self.application());
    }

    fn violations_of(&self, field: Field) -> impl Iterator<Item = &Violation> {
        let path = field.path();
        self.report
            .errors
            .iter()
            .chain(&self.report.warnings)
            .filter(move |v| v.field == path)
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, view: View) {
        let lang = view.lang;
        let [form, messages] = layout::form_areas(area, MESSAGE_HEIGHT);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(tr(lang, Msg::DsnTitle));
        let inner = block.inner(form);
        frame.render_widget(block, form);
        let lines: Vec<FormLine> = fields()
            .zip(&self.inputs)
            .enumerate()
            .map(|(i, (field, input))| {
                let value = match field {
                    Field::SubjectType => Value::Choice(match input.value() {
                        "producer" => tr(lang, Msg::DsnProducer),
                        "importer" => tr(lang, Msg::DsnImporter),
                        _ => "—",
                    }),
                    Field::Taxpayer if self.filled.as_deref() == Some(input.value().trim()) => {
                        Value::Text {
                            input,
                            name: Some(tr(lang, Msg::Dsn(DsnWord::FromRegister))),
                        }
                    }
                    _ => Value::Text {
                        input,
                        name: field.code_name(input.value().trim()).map(|n| n.get(lang)),
                    },
                };
                FormLine::Field(FieldRow {
                    label: field.label(lang),
                    mark: fields::worst(self.violations_of(field).map(|v| v.severity)),
                    focused: i == self.focus,
                    value,
                })
            })
            .collect();
        fields::draw(frame, inner, &lines, self.focus, view);
        self.draw_messages(frame, messages, view);
    }

    fn draw_messages(&self, frame: &mut Frame, area: Rect, view: View) {
        let (lang, theme) = (view.lang, view.theme);
        let Some(field) = Self::field(self.focus) else {
            return;
        };
        let mut lines: Vec<Line> = self
            .violations_of(field)
            .map(|v| problem(v.severity, v.rule, v.message.get(lang), theme))
            .collect();
        lines.push(if self.report.errors.is_empty() {
            Line::styled(tr(lang, Msg::DsnReady), theme.ok())
        } else {
            Line::styled(
                count(lang, self.report.errors.len(), Noun::Error),
                theme.dim(),
            )
        });
        let block = Block::default()
            .borders(Borders::ALL)
            .title(field.label(lang));
        frame.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
            area,
        );
    }
}
