//! The texts of a DSN application (issue 15): printable, within their limits, and a
//! bounded number of product rows. See `crate::domain::text`.

use super::application::{Application, CodeValue, violation};
use crate::domain::formulary::{Severity, Violation};
use crate::domain::text::{self, limit};

/// Issue 15: every text of the application is printable (`K-TEXT`) and within its limit
/// (`K-LENGTH`), and it has at most [`limit::PRODUCT_ROWS`] product rows (`K-ROWS`).
pub(super) fn check(app: &Application, errors: &mut Vec<Violation>) {
    let code = |c: &CodeValue| match c {
        CodeValue::Text(t) => t.clone(),
        CodeValue::Number(_) => String::new(),
    };
    let mut all = vec![
        (
            "taxpayer".to_string(),
            app.taxpayer.clone(),
            limit::TAXPAYER,
        ),
        ("bin".to_string(), app.bin.clone(), limit::NUMBER),
        (
            "subject_type".to_string(),
            app.subject_type.clone(),
            limit::NUMBER,
        ),
        ("country".to_string(), code(&app.country), limit::NUMBER),
        ("unit".to_string(), code(&app.unit), limit::NUMBER),
    ];
    for (i, row) in app.products.iter().take(limit::PRODUCT_ROWS).enumerate() {
        all.push((
            format!("products[{i}].type"),
            code(&row.product_type),
            limit::NUMBER,
        ));
        all.push((
            format!("products[{i}].name"),
            row.name.clone(),
            limit::PRODUCT,
        ));
        all.push((
            format!("products[{i}].spec"),
            row.spec.clone(),
            limit::PRODUCT,
        ));
    }
    for (field, value, max) in all {
        if let Err(problem) = text::check(&value, max) {
            errors.push(violation(
                field,
                problem.rule(),
                Severity::Error,
                problem.text(),
            ));
        }
    }
    if app.products.len() > limit::PRODUCT_ROWS {
        let max = limit::PRODUCT_ROWS;
        errors.push(violation(
            "products",
            text::rule::ROWS,
            Severity::Error,
            text::too_many_rows(max),
        ));
    }
}
