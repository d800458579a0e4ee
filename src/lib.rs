//! Kense (кеңсе, "office"): a terminal workstation for the clerks who fill, register and
//! account for the forms of two Kazakh legal documents. See `README.md`.

// Nothing a user types or a file holds may bring the program down: no unwrap or expect
// outside tests.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod cli;
pub mod codes;
pub mod domain;
pub mod i18n;
pub mod office;
// The papers the orders require, as PDF (issue 13).
pub mod papers;
pub mod store;
pub mod tui;
