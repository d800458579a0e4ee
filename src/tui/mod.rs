//! The clerk's workstation in the terminal (ratatui over crossterm). `docs/ARCHITECTURE.md`
//! is the map; in short, data flows one way:
//!
//! keys (`keys`) → an [`action::Action`] → `App::update` → the screen or dialog's state
//! (`screens`, `dialogs`) → an [`app::Effect`] (data) → the runner does it on the register
//! (`runner`) → an answer back to the App → `App::draw`, which cannot change state.
//!
//! - `action`: everything the workstation can be asked to do;
//! - `app`: the state of the whole workstation, its update order and its answers;
//! - `screens`: one module per screen, each with its state, update and draw;
//! - `dialogs`: one module per dialog, likewise;
//! - `keys`: the one key table, which the footer and the help read too;
//! - `ui`: drawing helpers the screens share, and the layout both update and draw count on;
//! - `runner`: the terminal, the event loop and the register: all the workstation's I/O.
//!
//! Every string comes from the crate's catalogue, `crate::i18n`.

pub mod action;
pub mod app;
pub mod dialogs;
pub mod keys;
pub mod runner;
pub mod screens;
pub mod ui;

pub use runner::{Ended, HUNG_UP_EXIT, Options, run};
