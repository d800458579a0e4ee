//! The one string catalogue: every word the workstation and the command line show, in
//! Russian, Kazakh and English. A screen asks for a [`Msg`] (or a function here that builds
//! a text from data), never writes its own text; the language is picked by `Lang::pick`
//! alone. The rules' own messages stay with the rules (the domain's `Text` tables).
//!
//! - this file: the screens' words, [`Msg`];
//! - `form`: the formulary's field labels, group headings and choice names;
//! - `moves`: texts built from a move's data (history lines, conclusions, a closed day);
//! - `day`: the day screen's, the work queue's and closing a day's words (`Msg::Day`);
//! - `store`: the register's refusals and failures;
//! - `search`: why a register search can match nothing;
//! - `countries`: a citizenship's country name;
//! - `paths`: the labels of the fields a rule names by their JSON path;
//! - `dsn_desk`: the DSN applications in the workstation (terms, hand-over, taxpayers).

use crate::codes::Kind;
use crate::domain::Lang;

pub mod counter;
pub mod countries;
pub mod day;
pub mod dsn_desk;
pub mod form;
mod moves;
mod msg;
pub mod number;
pub mod paths;
pub mod plural;
pub mod print;
pub mod search;
mod signing;
mod staff;
pub mod store;
mod store_file;
mod store_rules;

use msg::texts;

pub use moves::{
    another_move, changed_meanwhile, conclusion_made, day_closed, dsn_filed, event_data, registered,
};

/// A piece of screen text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Msg {
    TabNewFormulary,
    TabCodeLookup,
    TabRegister,
    QueryTitle,
    QueryHint,
    Results,
    Detail,
    NothingFound,
    NoSelection,
    Code,
    NameKk,
    NameRu,
    NameEn,
    Region,
    Heading,
    Marked,
    Translated,
    Copied,
    HelpTitle,
    HelpClose,
    TooSmall,
    KeyHelp,
    KeyQuit,
    KeyBack,
    KeySelect,
    KeyPage,
    KeyEnds,
    KeyCopy,
    Kind(Kind),
    FormTitle,
    FormReady,
    FormPrint,
    FormWhole,
    KeyField,
    KeyPick,
    KeyAccept,
    KeySave,
    ReasonTitle,
    ReasonHint,
    PickTitle,
    QuitQuestion,
    DsnQuitQuestion,
    NotReady,
    KeyDone,
    RegisterFilter,
    RegisterFilterHint,
    ColNumber,
    ColDate,
    ColIin,
    ColCode,
    ColName,
    ColStatus,
    Coupon,
    History,
    Moves,
    NoMoves,
    Formulary,
    DayClosed,
    DayOpen,
    Total,
    District,
    Clerk,
    CloseDayHint,
    DayTitle,
    KeyOpen,
    KeyDay,
    KeyCloseDay,
    KeyJournal,
    KeyYear,
    ColLine,
    ColOutcome,
    ColFormulary,
    ColApprover,
    OutcomeConfirmed,
    OutcomeRefused,
    JournalEmpty,
    KeyMove,
    MoveTitle,
    MoveHint,
    AskCancelReason,
    AskSpoilReason,
    AskCorrection,
    AskActNumber,
    AskCoupon,
    NeedText,
    CloseDayQuestion,
    RefuseQuestion,
    KeyRefuse,
    Done,
    NoRegister,
    DsnCode,
    DsnBelow,
    KeyGenerate,
    NeedBirthAndSex,
    DsnTitle,
    DsnTaxpayer,
    DsnBin,
    DsnSubject,
    DsnCountry,
    DsnUnit,
    DsnType,
    DsnName,
    DsnSpec,
    DsnProducer,
    DsnImporter,
    DsnReady,
    DsnListTitle,
    KeyOtherForm,
    KeyFile,
    KeyOtherList,
    Refused,
    RecordOverrides,
    RecordDocuments,
    RecordCorrections,
    DocumentValid,
    DocumentInvalidSince,
    VerificationDue,
    ConclusionDue,
    Overdue,
    KeyCorrect,
    KeySaveCorrection,
    Corrected,
    NotCorrectable,
    CorrectBeforeResend,
    CorrectionTitle,
    LastMove,
    CouponOnTheCitizens,
    CloseDayWrongDate,
    EndQuestion,
    KeyMakeMove,
    QuitQuestionNoDraft,
    RegisteredBanner,
    ReplaceIinQuestion,
    NewFormularyQuestion,
    KeyNextProblem,
    KeyNewFormulary,
    NoProblemLeft,
    KeyYes,
    AskProtocol,
    BadProtocol,
    AskDocumentNumber,
    MrzNotThePerson,
    PrefilledFrom,
    CorrectionQuitQuestion,
    /// The day screen's, the work queue's and closing a day's words (issue 12).
    Day(day::DayWord),
    /// A word of printing (issue 13), in `print.rs`.
    Print(print::PrintWord),
    /// The key that leaves the clerk's draft to the session holding it (issue 11).
    KeyReadOnly,
    /// Quitting a session whose clerk's draft another session holds (issue 11).
    QuitQuestionHeld,
    /// The DSN applications in the workstation (`dsn_desk`).
    Dsn(dsn_desk::DsnWord),
}

/// A page of the register's table: «Стр. 2», «2-бет» (a Kazakh ordinal comes first).
pub fn page(lang: Lang, n: impl std::fmt::Display) -> String {
    lang.pick(format!("Стр. {n}"), format!("{n}-бет"), format!("Page {n}"))
}

/// The title of the journal of conclusions of `year` (M-16), as its paper names it.
pub fn journal_title(lang: Lang, year: i32) -> String {
    lang.pick(
        format!("Журнал регистрации заключений за {year} год"),
        format!("{year} жылғы қорытындыларды тіркеу журналы"),
        format!("Journal of conclusions, {year}"),
    )
}

/// How a key table's label is written for a clerk working in `lang`: the yes of a question
/// is «y/д» (да) on a Russian keyboard and «y/и» (иә) on a Kazakh one.
pub fn key_label(lang: Lang, label: &'static str) -> &'static str {
    match (lang, label) {
        (Lang::Kk, "y/д") => "y/и",
        (_, label) => label,
    }
}

/// The text of `msg` in `lang`.
pub fn tr(lang: Lang, msg: Msg) -> &'static str {
    let (ru, kk, en) = texts(msg);
    lang.pick(ru, kk, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_tab_titles_are_the_ones_the_issue_names() {
        assert_eq!(tr(Lang::En, Msg::TabNewFormulary), "New formulary");
        assert_eq!(tr(Lang::En, Msg::TabCodeLookup), "Code lookup");
        assert_eq!(tr(Lang::En, Msg::TabRegister), "Register");
    }

    #[test]
    fn every_kind_has_a_label_in_every_language() {
        for kind in Kind::ALL {
            for lang in [Lang::Ru, Lang::Kk, Lang::En] {
                assert!(!tr(lang, Msg::Kind(kind)).is_empty(), "{kind:?} {lang:?}");
            }
        }
    }
}
