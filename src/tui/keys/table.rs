//! The key table itself: one line per binding, in the order the footer and the help list
//! them. It is laid out by hand as a table (rustfmt would spread each binding over eight
//! lines), so a binding reads across and a scope's keys read down.

use super::Binding;
use super::Scope::{Correction, DsnList, HeldDraft, Journal, NewOnly, OpenDay, Record};
use super::Scope::{Day, Dsn, Entry, Fields, Form, Formulary, Global, Help, List, Lookup};
use super::Scope::{DsnApp, Question, Register, TaxpayerForm};
use super::Scope::{YesAsk, YesEnd, YesLose, YesQuit, YesRefuse};
use crate::i18n::Msg;
use crate::i18n::dsn_desk::DsnWord;
use crate::tui::action::{Action, Move, Tab};
use crate::tui::screens::formulary::Focus;
use ratatui::crossterm::event::KeyCode::{self, BackTab, Char, Down, Enter, Esc, F};
use ratatui::crossterm::event::KeyCode::{End, Home, Left, PageDown, PageUp, Right, Up};
use ratatui::crossterm::event::KeyModifiers;

type Key = (KeyModifiers, KeyCode);
type Keys = &'static [Key];

const fn key(code: KeyCode) -> Key {
    (KeyModifiers::NONE, code)
}

const fn ctrl(c: char) -> Key {
    (KeyModifiers::CONTROL, Char(c))
}

const fn alt(c: char) -> Key {
    (KeyModifiers::ALT, Char(c))
}

const fn shift(code: KeyCode) -> Key {
    (KeyModifiers::SHIFT, code)
}

/// Listed in the footer as well as in the help.
const FOOTER: bool = true;
/// Listed only in the help.
const NO_FOOTER: bool = false;

// Every F-key has a twin that is not one: thin terminals may have no F-keys.
const QUIT: Keys = &[ctrl('q'), key(F(10))];
const HELP: Keys = &[key(F(1)), key(Char('?')), shift(Char('?'))];
/// The keys that open the help also close it, and so does Esc.
const CLOSE_HELP: Keys = &[key(Esc), key(F(1)), key(Char('?')), shift(Char('?'))];
/// Yes and no in Latin and in Cyrillic letters, whatever the keyboard layout.
/// «д» (да) and «и» (иә) answer yes on a Russian and a Kazakh keyboard, «н» (нет) and «ж»
/// (жоқ) no.
const YES: Keys = &[key(Char('y')), key(Char('д')), key(Char('и')), key(Enter)];
/// The "yes" of a question before what cannot be undone (a move that ends a formulary's
/// course): never Enter, which a clerk presses out of habit.
const YES_ONLY: Keys = &[key(Char('y')), key(Char('д')), key(Char('и'))];
const NO: Keys = &[key(Char('n')), key(Char('н')), key(Char('ж')), key(Esc)];
const NEXT_FIELD: Keys = &[key(KeyCode::Tab), key(Down), key(Enter)];
/// Shift-Tab comes as BackTab with or without the Shift flag, by terminal.
const PREVIOUS_FIELD: Keys = &[shift(BackTab), key(BackTab), key(Up)];
const TAB_1: Keys = &[alt('1'), key(F(2))];
const TAB_2: Keys = &[alt('2'), key(F(3))];
const TAB_3: Keys = &[alt('3'), key(F(4))];

const fn bind(
    scope: super::Scope,
    label: &'static str,
    in_footer: bool,
    help: Msg,
    action: Action,
    keys: Keys,
) -> Binding {
    Binding {
        scope,
        keys,
        label,
        help,
        action,
        in_footer,
    }
}

/// The key table, most specific first.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    //   scope      label        footer?    help               action                          keys
    bind(Help,      "Esc",       FOOTER,    Msg::KeyBack,      Action::Back,                   CLOSE_HELP),
    bind(Help,      "Ctrl-Q",    FOOTER,    Msg::KeyQuit,      Action::Quit,                   QUIT),
    bind(YesQuit,   "y",         FOOTER,    Msg::KeyQuit,      Action::Confirm,                YES),
    // Quitting loses what was typed (no register to keep it): never Enter.
    bind(YesLose,   "y/д",       FOOTER,    Msg::KeyQuit,      Action::Confirm,                YES_ONLY),
    bind(YesRefuse, "y/д",       FOOTER,    Msg::KeyRefuse,    Action::Confirm,                YES_ONLY),
    bind(YesEnd,    "y/д",       FOOTER,    Msg::KeyMakeMove,  Action::Confirm,                YES_ONLY),
    bind(YesAsk,    "y/д",       FOOTER,    Msg::KeyYes,       Action::Confirm,                YES_ONLY),
    bind(Question,  "n Esc",     FOOTER,    Msg::KeyBack,      Action::Back,                   NO),
    // Letters where a Russian keyboard has them too: т is n's key, к is r's.
    bind(HeldDraft, "n",         FOOTER,    Msg::KeyNewFormulary, Action::NewFormulary,        &[key(Char('n')), key(Char('т'))]),
    bind(HeldDraft, "r",         FOOTER,    Msg::KeyReadOnly,  Action::Back,                   &[key(Char('r')), key(Char('к')), key(Esc)]),
    bind(HeldDraft, "Ctrl-Q",    FOOTER,    Msg::KeyQuit,      Action::Quit,                   QUIT),
    // Tab and the arrows only: Enter takes the child's IIN (M-12.a), from any field.
    bind(Fields,    "Tab ↓",     FOOTER,    Msg::KeyField,     Action::Focus(Focus::Next),     &[key(KeyCode::Tab), key(Down)]),
    bind(Fields,    "S-Tab ↑",   NO_FOOTER, Msg::KeyField,     Action::Focus(Focus::Previous), PREVIOUS_FIELD),
    bind(Entry,     "Enter",     FOOTER,    Msg::KeyDone,      Action::Confirm,                &[key(Enter)]),
    bind(Entry,     "Esc",       FOOTER,    Msg::KeyBack,      Action::Back,                   &[key(Esc)]),
    bind(Global,    "Alt-1",     NO_FOOTER, Msg::TabNewFormulary, Action::ShowTab(Tab::NewFormulary), TAB_1),
    bind(Global,    "Alt-2",     NO_FOOTER, Msg::TabCodeLookup, Action::ShowTab(Tab::CodeLookup), TAB_2),
    bind(Global,    "Alt-3",     NO_FOOTER, Msg::TabRegister,  Action::ShowTab(Tab::Register), TAB_3),
    bind(Form,      "Tab ↓",     FOOTER,    Msg::KeyField,     Action::Focus(Focus::Next),     NEXT_FIELD),
    bind(Form,      "S-Tab ↑",   NO_FOOTER, Msg::KeyField,     Action::Focus(Focus::Previous), PREVIOUS_FIELD),
    bind(Formulary, "Ctrl-L",    FOOTER,    Msg::KeyPick,      Action::Pick,                   &[ctrl('l')]),
    bind(Formulary, "Ctrl-O",    NO_FOOTER, Msg::KeyAccept,    Action::Accept,                 &[ctrl('o')]),
    bind(Formulary, "Ctrl-P",    NO_FOOTER, Msg::KeyNextProblem, Action::NextProblem,          &[ctrl('p')]),
    bind(NewOnly,   "Ctrl-X",    NO_FOOTER, Msg::KeyNewFormulary, Action::NewFormulary,        &[ctrl('x')]),
    bind(Formulary, "Ctrl-S",    FOOTER,    Msg::KeySave,      Action::Save,                   &[ctrl('s')]),
    // A child's IIN goes into a new formulary only: a correction keeps the IIN it has.
    bind(NewOnly,   "Ctrl-G",    FOOTER,    Msg::KeyGenerate,  Action::GenerateIin,            &[ctrl('g')]),
    // The unit (facet 2), the country and the product type from their directories.
    bind(Dsn,       "Ctrl-L",    FOOTER,    Msg::KeyPick,      Action::Pick,                   &[ctrl('l')]),
    bind(Dsn,       "Ctrl-S",    FOOTER,    Msg::KeyFile,      Action::Save,                   &[ctrl('s')]),
    bind(List,      "↑↓",        FOOTER,    Msg::KeySelect,    Action::Select(Move::Down),     &[key(Down)]),
    bind(List,      "↑",         NO_FOOTER, Msg::KeySelect,    Action::Select(Move::Up),       &[key(Up)]),
    bind(List,      "PgUp PgDn", NO_FOOTER, Msg::KeyPage,      Action::Select(Move::PageDown), &[key(PageDown)]),
    bind(List,      "PgUp",      NO_FOOTER, Msg::KeyPage,      Action::Select(Move::PageUp),   &[key(PageUp)]),
    // In a list Home and End are its first and last row; its line of text keeps Ctrl-A
    // and Ctrl-E for its own start and end.
    bind(List,      "Home End",  NO_FOOTER, Msg::KeyEnds,      Action::Select(Move::Last),     &[key(End)]),
    bind(List,      "Home",      NO_FOOTER, Msg::KeyEnds,      Action::Select(Move::First),    &[key(Home)]),
    bind(Lookup,    "Ctrl-C",    FOOTER,    Msg::KeyCopy,      Action::Copy,                   &[ctrl('c')]),
    bind(Form,      "Ctrl-N",    NO_FOOTER, Msg::KeyOtherForm, Action::OtherForm,              &[ctrl('n')]),
    bind(Register,  "Ctrl-T",    NO_FOOTER, Msg::KeyOtherList, Action::OtherList,              &[ctrl('t')]),
    bind(Register,  "Enter",     FOOTER,    Msg::KeyOpen,      Action::Confirm,                &[key(Enter)]),
    bind(Register,  "Ctrl-D",    FOOTER,    Msg::KeyDay,       Action::Day,                    &[ctrl('d')]),
    bind(Register,  "Ctrl-O",    NO_FOOTER, Msg::KeyJournal,   Action::Journal,                &[ctrl('o')]),
    // No Ctrl-D over the DSN applications: the end of day counts and seals the day's
    // formularies only. Enter opens an application, Ctrl-O records its hand-over (D-6),
    // Ctrl-A adds a taxpayer (D-7 (1)): there is no text line here to take Ctrl-A. Ctrl-A
    // is in the help (the footer has no room), and the DSN form names it for a BIN the
    // register does not know.
    bind(DsnList,   "Enter",     FOOTER,    Msg::KeyOpen,      Action::Confirm,                &[key(Enter)]),
    bind(DsnList,   "Ctrl-O",    FOOTER,    Msg::Dsn(DsnWord::KeyHandOver), Action::HandOver,  &[ctrl('o')]),
    bind(DsnList,   "Ctrl-A",    NO_FOOTER, Msg::Dsn(DsnWord::KeyAddTaxpayer), Action::AddTaxpayer, &[ctrl('a')]),
    bind(DsnList,   "Ctrl-T",    FOOTER,    Msg::KeyOtherList, Action::OtherList,              &[ctrl('t')]),
    bind(DsnApp,    "Ctrl-O",    FOOTER,    Msg::Dsn(DsnWord::KeyHandOver), Action::HandOver,  &[ctrl('o')]),
    bind(DsnApp,    "Esc",       FOOTER,    Msg::KeyBack,      Action::Back,                   &[key(Esc)]),
    bind(TaxpayerForm, "Tab ↓",  FOOTER,    Msg::KeyField,     Action::Focus(Focus::Next),     NEXT_FIELD),
    bind(TaxpayerForm, "S-Tab ↑", NO_FOOTER, Msg::KeyField,    Action::Focus(Focus::Previous), PREVIOUS_FIELD),
    bind(TaxpayerForm, "Ctrl-S", FOOTER,    Msg::Dsn(DsnWord::KeyAdd), Action::Save,           &[ctrl('s')]),
    bind(TaxpayerForm, "Esc",    FOOTER,    Msg::KeyBack,      Action::Back,                   &[key(Esc)]),
    // The digits of an opened formulary's moves are read in `action_for`; this line only lists
    // them in the footer and the help.
    bind(Record,    "1–9",       FOOTER,    Msg::KeyMove,      Action::Choose(0),              &[]),
    bind(Record,    "Ctrl-R",    FOOTER,    Msg::KeyCorrect,   Action::Correct,                &[ctrl('r')]),
    bind(Record,    "Esc",       FOOTER,    Msg::KeyBack,      Action::Back,                   &[key(Esc)]),
    bind(Journal,   "Enter",     FOOTER,    Msg::KeyOpen,      Action::Confirm,                &[key(Enter)]),
    bind(Journal,   "← →",       FOOTER,    Msg::KeyYear,      Action::Earlier,                &[key(Left)]),
    bind(Journal,   "→",         NO_FOOTER, Msg::KeyYear,      Action::Later,                  &[key(Right)]),
    bind(Journal,   "Esc",       FOOTER,    Msg::KeyBack,      Action::Back,                   &[key(Esc)]),
    bind(Correction, "Ctrl-S",   FOOTER,    Msg::KeySaveCorrection, Action::Save,              &[ctrl('s')]),
    bind(Correction, "Esc",      FOOTER,    Msg::KeyBack,      Action::Back,                   &[key(Esc)]),
    // Not offered for a closed day (`Context::ClosedDay`): there is nothing left to close.
    // Far from Ctrl-D, which shows the day: one stray key must not reach the question.
    bind(OpenDay,   "Ctrl-K",    FOOTER,    Msg::KeyCloseDay,  Action::CloseDay,               &[ctrl('k')]),
    bind(Day,       "Esc",       FOOTER,    Msg::KeyBack,      Action::Back,                   &[key(Esc)]),
    bind(Day,       "Ctrl-Q",    NO_FOOTER, Msg::KeyQuit,      Action::Quit,                   QUIT),
    bind(Global,    "F1 ?",      FOOTER,    Msg::KeyHelp,      Action::Help,                   HELP),
    bind(Global,    "Ctrl-Q",    FOOTER,    Msg::KeyQuit,      Action::Quit,                   QUIT),
];
