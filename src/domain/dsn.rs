//! DSN codes of petroleum products (order No. 579, `DOMAIN.md` document 001): the
//! application of D-4, its validation, the refusal grounds of D-7, the faceted code of
//! D-App3 and its decoding, and the terms of D-6.
//!
//! # The application (D-4)
//!
//! [`Application`] is the JSON the clerk imports: `taxpayer` (the name), `bin` (a BIN, or
//! the IIN of an individual entrepreneur: either is accepted and [`TaxpayerId`] says
//! which), `subject_type` (`producer` | `importer`), `country` (facet 1, 1–6), `unit`
//! (facet 2, 001–258; `53` and `"053"` alike), and `products`, rows of `{type, name,
//! spec}` with `type` 1–4. [`validate`] names every wrong field with its rule id (D-4 for
//! the form, D-App3 for the directories) and a message in three languages; a unit marked
//! `*` in the document is accepted with a warning.
//!
//! # Refusal and assignment (D-7, D-8, D-App3)
//!
//! The register decides per product row: refused under D-7 (1) when the applicant is not
//! in its taxpayer register, under D-7 (2) when the applicant already has a code for a
//! product of that type and name ([`product_key`]); otherwise a code is assigned. A
//! refused row does not block the others, and the applicant may apply again (D-8): a
//! refusal records nothing that stops a later application. The applicant's market-subject
//! code ([`next_subject`]) is given once, 0001–9999, and kept for all its later products;
//! the brand ([`next_brand`]) runs from 001 per applicant and product type, past 999.
//!
//! # The code (D-App3)
//!
//! [`DsnCode`] prints as the five facets run together (`305300011001`, 12 digits or more)
//! and, with [`DsnCode::format_facets`], separated (`3-053-0001-1-001`). [`decode`] reads
//! either form into a [`Decoded`] with each facet's directory name, or a [`DecodeError`]
//! naming the facet and what is wrong with it.
//!
//! # Terms (D-6)
//!
//! [`terms`] gives the registration day (after hours, days off and holidays move it to the
//! next working day) and the due date one working day later; [`kept_until`] the end of the
//! month the front office keeps a result; [`is_overdue`] whether a result is late.

mod application;
mod code;
mod decode_error;
mod free_text;
mod outcome;
mod taxpayer;

pub use application::{
    Application, CodeValue, ProductRow, Report, SubjectType, ValidApplication, ValidRow, rule,
    validate,
};
pub use code::{
    Decoded, DsnCode, Facet, FacetValue, MAX_BRAND_DIGITS, MAX_LEN, MAX_SUBJECT, MAX_UNIT, MIN_LEN,
    country, decode, product, unit, whole_code,
};
pub use decode_error::DecodeError;
pub use outcome::{
    Refusal, Terms, is_overdue, kept_until, next_brand, next_subject, product_key, terms,
};
pub use taxpayer::{
    IdKind, TaxpayerField, TaxpayerId, TaxpayerIdError, TaxpayerProblem, check_taxpayer,
};
