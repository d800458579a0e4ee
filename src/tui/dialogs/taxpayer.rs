//! A taxpayer added to the register D-7 (1) is checked against, from the workstation (as
//! `kense dsn taxpayer add`): the BIN or IIN, the name, the activity registered under Tax
//! Code art. 88 and the place of the registration. Checked on Ctrl-S, the problem naming
//! its field and rule; the dialog stays open, with what was typed, until the register
//! answers (a number already there is said over it).

use super::{Dialog, Next, become_, stay};
use crate::domain::dsn::{TaxpayerField, TaxpayerProblem, check_taxpayer};
use crate::i18n::dsn_desk::DsnWord;
use crate::i18n::{Msg, tr};
use crate::store::dsn::{Activity, Taxpayer};
use crate::tui::action::Action;
use crate::tui::app::Effect;
use crate::tui::screens::formulary::Focus;
use crate::tui::ui::text::{label_column, paste};
use crate::tui::ui::{View, fit, layout};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use tui_input::{Input, InputRequest};

/// The fields in the order typed.
const FIELDS: [TaxpayerField; 4] = [
    TaxpayerField::Bin,
    TaxpayerField::Name,
    TaxpayerField::Activity,
    TaxpayerField::Place,
];
/// The activities offered, after "not chosen".
const ACTIVITIES: [Activity; 3] = [Activity::Producer, Activity::Importer, Activity::Both];
/// Cells of the label column.
const LABEL: usize = 24;

/// The taxpayer as typed so far.
#[derive(Default)]
pub struct TaxpayerEntry {
    bin: Input,
    name: Input,
    place: Input,
    /// 0: not chosen; else the activity's place in [`ACTIVITIES`] plus one.
    activity: usize,
    focus: usize,
    /// What the last Ctrl-S or the register found wrong, in the clerk's language.
    problem: Option<(Option<TaxpayerField>, String)>,
}

impl TaxpayerEntry {
    /// An entry with the number the clerk was typing elsewhere (the DSN form's BIN).
    pub fn with_bin(bin: &str) -> Self {
        Self {
            bin: Input::new(bin.trim().to_string()),
            ..Self::default()
        }
    }

    fn focused(&self) -> TaxpayerField {
        FIELDS
            .get(self.focus)
            .copied()
            .unwrap_or(TaxpayerField::Bin)
    }

    fn input(&mut self, field: TaxpayerField) -> Option<&mut Input> {
        match field {
            TaxpayerField::Bin => Some(&mut self.bin),
            TaxpayerField::Name => Some(&mut self.name),
            TaxpayerField::Place => Some(&mut self.place),
            TaxpayerField::Activity => None,
        }
    }

    fn activity(&self) -> Option<Activity> {
        self.activity
            .checked_sub(1)
            .and_then(|i| ACTIVITIES.get(i))
            .copied()
    }

    /// The register's refusal (a number already there, a busy register), said over what
    /// was typed.
    pub fn refused(&mut self, text: String) {
        self.problem = Some((None, text));
    }

    /// A key for the focused field: text, or the activity chosen with ← → Space or its
    /// first letter (p/п producer, i/и importer, b/о both).
    fn edit(&mut self, request: InputRequest) -> bool {
        let field = self.focused();
        if let Some(input) = self.input(field) {
            return input.handle(request).is_some_and(|c| c.value);
        }
        let count = ACTIVITIES.len() + 1;
        let next = match request {
            InputRequest::GoToNextChar | InputRequest::InsertChar(' ') => {
                (self.activity + 1) % count
            }
            InputRequest::GoToPrevChar => (self.activity + count - 1) % count,
            InputRequest::InsertChar('p' | 'п') => 1,
            InputRequest::InsertChar('i' | 'и') => 2,
            InputRequest::InsertChar('b' | 'о' | 'е') => 3,
            _ => self.activity,
        };
        let changed = next != self.activity;
        self.activity = next;
        changed
    }

    /// The taxpayer checked (D-4, D-7 (1)), or the problem with its field and rule.
    fn checked(&self, lang: crate::domain::Lang) -> Result<Taxpayer, (TaxpayerField, String)> {
        let activity = self.activity();
        check_taxpayer(
            self.bin.value(),
            self.name.value(),
            activity.is_some(),
            self.place.value(),
        )
        .map(|(tin, name, place)| Taxpayer {
            tin,
            name,
            activity,
            place: Some(place),
        })
        .map_err(|p: TaxpayerProblem| {
            let label = field_label(lang, p.field);
            (
                p.field,
                format!("{label}: {} [{}]", p.text.get(lang), p.rule),
            )
        })
    }
}

fn field_label(lang: crate::domain::Lang, field: TaxpayerField) -> &'static str {
    match field {
        TaxpayerField::Bin => tr(lang, Msg::DsnBin),
        TaxpayerField::Name => tr(lang, Msg::Dsn(DsnWord::TaxpayerName)),
        TaxpayerField::Activity => tr(lang, Msg::Dsn(DsnWord::Activity)),
        TaxpayerField::Place => tr(lang, Msg::Dsn(DsnWord::Place)),
    }
}

fn activity_name(lang: crate::domain::Lang, activity: Option<Activity>) -> &'static str {
    match activity {
        None => "—",
        Some(Activity::Producer) => tr(lang, Msg::DsnProducer),
        Some(Activity::Importer) => tr(lang, Msg::DsnImporter),
        Some(Activity::Both) => tr(lang, Msg::Dsn(DsnWord::Both)),
    }
}

/// What `action` does to the entry. Ctrl-S asks the register to add the taxpayer, the
/// dialog staying open until it answers (`App::dsn_taxpayer_added`).
pub fn update(mut entry: Box<TaxpayerEntry>, action: Action, lang: crate::domain::Lang) -> Next {
    let changed = match action {
        Action::Back => return become_(None),
        Action::Focus(step) => {
            let last = FIELDS.len() - 1;
            let to = match step {
                Focus::Next => (entry.focus + 1).min(last),
                Focus::Previous => entry.focus.saturating_sub(1),
            };
            let moved = to != entry.focus;
            entry.focus = to;
            moved
        }
        Action::Edit(request) => entry.edit(request),
        Action::Paste(text) => {
            let field = entry.focused();
            entry.input(field).is_some_and(|input| paste(input, &text))
        }
        Action::Save => match entry.checked(lang) {
            Ok(taxpayer) => {
                entry.problem = None;
                return (
                    Some(Dialog::Taxpayer(entry)),
                    Some(Effect::DsnAddTaxpayer(Box::new(taxpayer))),
                );
            }
            Err((field, text)) => {
                entry.focus = FIELDS.iter().position(|f| *f == field).unwrap_or(0);
                entry.problem = Some((Some(field), text));
                true
            }
        },
        _ => false,
    };
    stay(Dialog::Taxpayer(entry), changed)
}

pub fn draw(frame: &mut Frame, body: Rect, entry: &TaxpayerEntry, view: View) {
    let (lang, theme) = (view.lang, view.theme);
    let area = layout::centered(body, 76, 11);
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(tr(lang, Msg::Dsn(DsnWord::TaxpayerTitle)));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width).saturating_sub(LABEL);
    for (row, field) in FIELDS.iter().enumerate() {
        let focused = row == entry.focus;
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        let mark = match &entry.problem {
            Some((Some(bad), _)) if bad == field => Span::styled("! ", theme.error()),
            _ => Span::raw("  "),
        };
        let label = label_column(field_label(lang, *field), LABEL - 2);
        let label = if focused {
            Span::styled(label, theme.selected())
        } else {
            Span::raw(label)
        };
        let input = match field {
            TaxpayerField::Bin => Some(&entry.bin),
            TaxpayerField::Name => Some(&entry.name),
            TaxpayerField::Place => Some(&entry.place),
            TaxpayerField::Activity => None,
        };
        let value = match input {
            Some(input) if focused => {
                let (shown, column) = fit::scrolled(input.value(), input.visual_cursor(), width);
                let x = inner.x + u16::try_from(LABEL + column).unwrap_or(u16::MAX);
                frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
                shown
            }
            Some(input) => crate::tui::ui::text::truncate(input.value(), width),
            None if focused => format!("◂ {} ▸", activity_name(lang, entry.activity())),
            None => activity_name(lang, entry.activity()).to_string(),
        };
        let line = Line::from(vec![mark, label, Span::raw(value)]);
        frame.render_widget(Paragraph::new(line), Rect::new(inner.x, y, inner.width, 1));
    }
    if let Some((_, text)) = &entry.problem {
        let rows = inner.height.saturating_sub(5);
        let area = Rect::new(inner.x, inner.y + 5, inner.width, rows);
        let text =
            Paragraph::new(Line::styled(text.clone(), theme.error())).wrap(Wrap { trim: true });
        frame.render_widget(text, area);
    }
}
