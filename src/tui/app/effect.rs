//! The effects an update asks for: what the world must do (the register read or written, a
//! paper printed, the clipboard, leaving), as data the runner carries out
//! (`tui/runner/`). Apart from the App, as the one list of what an update may ask.

#[cfg(doc)]
use super::App;
use super::PrintRequest;
use crate::domain::formulary::Formulary;
use crate::domain::lifecycle::Event;
use crate::store::{Cursor, Query};
use chrono::NaiveDate;

/// What the runner must do after an action, beyond drawing again.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Nothing changed: send nothing to the terminal.
    None,
    /// Draw the new state.
    Redraw,
    /// Put this text on the clerk's clipboard (OSC 52), then draw.
    Copy(String),
    /// Keep the form as the clerk's draft (no redraw); a failure answers with
    /// [`App::draft_not_kept`].
    SaveDraft(Box<Formulary>),
    /// Forget the clerk's draft (the formulary it held is registered); the runner answers
    /// with [`App::draft_discarded`].
    DiscardDraft,
    /// Register the formulary; the runner reports back with [`App::registered`].
    Register(Box<Formulary>),
    /// Save the correction of registered formulary `number`; the runner answers with
    /// [`App::corrected`] and the formulary as it is now ([`App::record`]).
    Correct {
        number: String,
        formulary: Box<Formulary>,
    },
    /// Take the next IIN for this birth date and sex from the register (M-12.a); the
    /// runner answers with [`App::generated`].
    GenerateIin(NaiveDate, crate::domain::Sex),
    /// [`Effect::GenerateIin`] for a child, recording what the parent showed (M-12.a,
    /// `Store::generate_iin_for`); answered with [`App::generated_for_child`].
    GenerateChildIin(
        NaiveDate,
        crate::domain::Sex,
        Box<crate::domain::birth_record::ChildIinBasis>,
    ),
    /// Read what the register knows of a person by IIN (open formularies, names, what to
    /// prefill), leaving out the formulary corrected; the runner answers with
    /// [`App::known_person`].
    Known { iin: String, except: Option<String> },
    /// File a DSN application (D-4); the runner answers with [`App::dsn_filed`].
    DsnApply(Box<crate::domain::dsn::Application>),
    /// Read the DSN applications; the runner answers with [`App::dsn_list`].
    DsnList,
    /// Read a page of the register; the runner answers with [`App::page`].
    Search(Box<Query>, Option<Cursor>),
    /// Read one formulary with its corrections; the runner answers with [`App::record`]
    /// and [`App::corrections`].
    Open(String),
    /// Make a move of the lifecycle; the runner answers with [`App::moved`] (and with
    /// [`App::record`] and [`App::page_again`] when the formulary changed).
    Move { number: String, event: Box<Event> },
    /// A move with data beyond its event (the M-16 identification protocol of a
    /// confirmation); answered as [`Effect::Move`].
    MoveWith {
        number: String,
        event: Box<Event>,
        details: Box<crate::store::MoveDetails>,
    },
    /// Hand the document over (M-56, M-57): by `coupon`, recording `document`, the issued
    /// document's own number or its machine-readable zone (checked against the formulary);
    /// answered as [`Effect::Move`].
    Issue {
        number: String,
        coupon: String,
        document: String,
    },
    /// Read the day's review for the day screen; the runner answers with [`App::day`].
    Day(NaiveDate),
    /// Read what a close would seal (drafts, workstations, queue): [`App::close_question`].
    AskCloseDay(NaiveDate),
    /// Read the journal of conclusions of a year (M-16); the runner answers with
    /// [`App::journal`].
    Journal(i32),
    /// Close (seal) the day; the runner answers with [`App::day`] again, and reads the
    /// page of the Register tab again ([`App::shown_query`]).
    CloseDay(NaiveDate),
    /// Read the work queue; the runner answers with [`App::queue`].
    Queue,
    /// Print a paper (issue 13): the runner renders it, delivers it off the screen's
    /// thread (the terminal's printer between frames), records it in the audit log, and
    /// answers with [`App::printed`]. Any screen may give it, with or without the dialog.
    Print(PrintRequest),
    /// Leave.
    Quit,
    /// Read one DSN application; the runner answers with [`App::dsn_application`].
    DsnOpen(i64),
    /// Record that application `id`'s result was handed over to the front office on the
    /// session's day (D-6); the runner answers with [`App::dsn_handed_over`], then reads
    /// the list and the application again.
    DsnHandOver(i64),
    /// What the taxpayer register says of this BIN or IIN (the DSN form's name); the runner
    /// answers with [`App::dsn_taxpayer`].
    DsnTaxpayer(String),
    /// Add a taxpayer (D-7 (1)); the runner answers with [`App::dsn_taxpayer_added`].
    DsnAddTaxpayer(Box<crate::store::dsn::Taxpayer>),
    /// The register's names of a DSN code decoded in Code lookup; the runner answers with
    /// [`App::dsn_code_names`].
    DsnCodeNames(crate::domain::dsn::DsnCode),
}
