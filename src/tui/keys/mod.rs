//! Key bindings as data: one table says which keys do what where, and the footer and the
//! help screen are drawn from the same table, so they cannot disagree with the keys.
//!
//! Nothing needs an F-key (thin terminals may have none): every F-key has a twin. A lone
//! Esc may arrive late or glued to the next key over SSH, so Esc only closes things.

use super::action::Action;
use super::screens::Screen;
use crate::i18n::Msg;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every screen, unless a dialog is open.
    Global,
    /// The help overlay.
    Help,
    /// A dialog with a text line (the code picker, the reason of an accepted warning).
    Entry,
    /// The "no" of every yes/no question.
    Question,
    /// The "yes" of the question before quitting: it quits.
    YesQuit,
    /// The "yes" of the question before a move that ends a formulary's course: it makes it.
    YesEnd,
    /// The "yes" of a question before replacing what was typed (an IIN, a whole entry).
    YesAsk,
    /// The "yes" of quitting when what was typed cannot be kept.
    YesLose,
    /// The "yes" of the question before a refusing conclusion (M-16): it refuses.
    YesRefuse,
    /// A list of codes: the Code lookup tab and the code picker.
    List,
    /// The Code lookup tab only.
    Lookup,
    /// The New tab, whichever form it shows.
    Form,
    /// The New tab's formulary only: what needs a formulary (its code directories, warnings
    /// and IINs) is not offered for the DSN application.
    Formulary,
    /// The New tab's DSN application only.
    Dsn,
    /// The new formulary only (not its correction): starting another.
    NewOnly,
    /// The Register tab's list of formularies only: opening one and the day's formularies
    /// are not offered over the DSN applications.
    Register,
    /// The Register tab's list of DSN applications only.
    DsnList,
    /// An opened formulary.
    Record,
    /// The correction of an opened formulary: its own save and the way back.
    Correction,
    /// The journal of conclusions.
    Journal,
    /// The end-of-day view, whichever day it shows.
    Day,
    /// The end-of-day view of a day still open: what closes it.
    OpenDay,
    /// The fields of a dialog of several lines (what was shown for a child's IIN).
    Fields,
    /// The draft held by another session: a fresh form or read only (issue 11).
    HeldDraft,
    /// An opened DSN application (issue 11).
    DsnApp,
    /// The small form of a taxpayer to add (D-7 (1)).
    TaxpayerForm,
}

/// What has the keyboard now: a screen with no dialog over it, or the dialog. Derived from
/// the App's screen and dialog (`App::context`), never kept beside them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Screen(Screen),
    Help,
    Picker,
    Reason,
    /// "Quit with an entry?"
    QuitQuestion,
    /// "Quit? What was typed will be lost" (no register to keep a draft).
    QuitLosingQuestion,
    /// "Close the day?"
    CloseDayQuestion,
    /// "Refuse the documents (M-16)? The formulary will be cancelled for good."
    RefuseQuestion,
    /// "This move ends the formulary's course: make it?" (cancel, spoil, destroy).
    EndQuestion,
    /// "Replace the IIN?", "Start a new formulary?": what was typed would be replaced.
    AskQuestion,
    MoveData,
    /// The end-of-day view of a day still open, which Ctrl-K closes.
    Day,
    /// The end-of-day view of a closed day: nothing is left to close.
    ClosedDay,
    /// What a parent showed for a child's IIN (M-12.a).
    ChildIin,
    /// The clerk's draft is held by another session (issue 11).
    DraftHeld,
    /// The small form of a taxpayer to add (D-7 (1)).
    Taxpayer,
}

impl Context {
    /// The scopes that apply, most specific first.
    pub fn scopes(self) -> &'static [Scope] {
        match self {
            Context::Help => &[Scope::Help],
            Context::Picker => &[Scope::List, Scope::Entry],
            Context::Reason => &[Scope::Entry],
            // Each question's "yes" says what it does; the "no" is the same for all.
            Context::QuitQuestion => &[Scope::YesQuit, Scope::Question],
            Context::QuitLosingQuestion => &[Scope::YesLose, Scope::Question],
            // The date typed closes the day (Enter), Esc goes back.
            Context::CloseDayQuestion => &[Scope::Entry],
            Context::EndQuestion => &[Scope::YesEnd, Scope::Question],
            Context::AskQuestion => &[Scope::YesAsk, Scope::Question],
            Context::RefuseQuestion => &[Scope::YesRefuse, Scope::Question],
            Context::Screen(Screen::Lookup) => &[Scope::List, Scope::Lookup, Scope::Global],
            Context::Screen(Screen::Formulary) => {
                &[Scope::Formulary, Scope::NewOnly, Scope::Form, Scope::Global]
            }
            Context::Screen(Screen::DsnForm) => &[Scope::Dsn, Scope::Form, Scope::Global],
            Context::Screen(Screen::Formularies) => &[Scope::List, Scope::Register, Scope::Global],
            Context::Screen(Screen::DsnList) => &[Scope::List, Scope::DsnList, Scope::Global],
            Context::Screen(Screen::DsnApplication) => &[Scope::DsnApp, Scope::List, Scope::Global],
            Context::Taxpayer => &[Scope::TaxpayerForm],
            Context::Screen(Screen::Record) => &[Scope::Record, Scope::List, Scope::Global],
            Context::Screen(Screen::Journal) => &[Scope::Journal, Scope::List, Scope::Global],
            Context::Screen(Screen::Correction) => &[
                Scope::Correction,
                Scope::Formulary,
                Scope::Form,
                Scope::Global,
            ],
            Context::MoveData => &[Scope::Entry],
            Context::Day => &[Scope::OpenDay, Scope::Day],
            Context::ClosedDay => &[Scope::Day],
            Context::ChildIin => &[Scope::Fields, Scope::Entry],
            Context::DraftHeld => &[Scope::HeldDraft],
        }
    }

    /// Whether typed characters go to a text line here. The DSN applications have no
    /// filter line: what is typed there must not reach the hidden formularies' one.
    fn types_text(self) -> bool {
        matches!(
            self,
            Context::Picker
                | Context::ChildIin
                | Context::Taxpayer
                | Context::Reason
                | Context::MoveData
                | Context::CloseDayQuestion
                | Context::Screen(
                    Screen::Formulary
                        | Screen::DsnForm
                        | Screen::Lookup
                        | Screen::Formularies
                        | Screen::Correction
                )
        )
    }
}

/// One line of the key table.
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [(KeyModifiers, KeyCode)],
    /// How the keys are written in the footer and the help.
    pub label: &'static str,
    pub help: Msg,
    pub action: Action,
    /// Shown in the footer, not only in the help.
    pub in_footer: bool,
}

mod table;

pub use table::BINDINGS;

/// The action for a terminal event in the current context, if any.
pub fn action_for(event: &Event, context: Context) -> Option<Action> {
    let key = match event {
        Event::Resize(_, _) => return Some(Action::Resize),
        // Only where text is typed; elsewhere a paste would be keys the clerk never pressed.
        Event::Paste(text) if context.types_text() => return Some(Action::Paste(text.clone())),
        Event::Key(key) if key.kind != KeyEventKind::Release => key,
        _ => return None,
    };
    if context == Context::Screen(Screen::Record)
        && key.modifiers == KeyModifiers::NONE
        && let KeyCode::Char(c @ '1'..='9') = key.code
    {
        return u8::try_from(c.to_digit(10).unwrap_or(0))
            .ok()
            .map(Action::Choose);
    }
    let scopes = context.scopes();
    for scope in scopes {
        if let Some(binding) = BINDINGS
            .iter()
            .filter(|b| b.scope == *scope)
            .find(|b| matches(b, key))
        {
            // "?" is a help key, but in a line of text it may be text: only where no text
            // is typed does it open the help.
            let is_question_mark = key.code == KeyCode::Char('?');
            if !(is_question_mark
                && context.types_text()
                && !matches!(
                    context,
                    Context::Screen(Screen::Lookup | Screen::Formularies)
                ))
            {
                return Some(binding.action.clone());
            }
        }
    }
    // Whatever else is typed goes to the text line that has the focus.
    if context.types_text() {
        return tui_input::backend::crossterm::to_input_request(event).map(Action::Edit);
    }
    None
}

fn matches(binding: &Binding, key: &KeyEvent) -> bool {
    binding
        .keys
        .iter()
        .any(|(mods, code)| *code == key.code && *mods == key.modifiers)
}

/// How `binding`'s keys are written for a clerk working in `lang`: a Kazakh keyboard
/// answers yes with «и» (иә), not «д» (да).
pub fn label(binding: &Binding, lang: crate::domain::Lang) -> &'static str {
    crate::i18n::key_label(lang, binding.label)
}

/// The bindings that apply in `context`, for the footer and the help; a binding whose
/// label a previous one already shows (↑ beside ↑↓) is left out.
pub fn visible(context: Context) -> impl Iterator<Item = &'static Binding> {
    let scopes = context.scopes();
    BINDINGS
        .iter()
        .filter(move |b| scopes.contains(&b.scope))
        .filter(|b| !matches!(b.label, "↑" | "PgUp" | "Home" | "→"))
}

#[cfg(test)]
mod tests;
