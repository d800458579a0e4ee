//! The data of `formulary move` beyond its event (issue 14): the M-16 identification
//! protocol, and for an issue (M-56/M-57) the paper presented, the documents withdrawn and
//! the document's own number, typed or read from its machine-readable zone.

use super::MoveArgs;
use crate::domain::lifecycle::MoveKind;
use crate::domain::mrz::Mrz;
use crate::domain::text::{self, limit};
use crate::store::{IssuePaper, MoveDetails, Store};
use chrono::NaiveDate;
use std::io::Read;

/// The move's details from the flags, or what is wrong, naming the flag and the rule.
pub(super) fn details(
    args: &MoveArgs,
    store: &Store,
    today: NaiveDate,
) -> Result<MoveDetails, String> {
    // Free text of the move goes into the register and onto papers: printable and within
    // its limit (issue 15's checks), named by its flag, never repeated. The document
    // number is checked with the move's own data (naming `document_number`).
    let texts = [
        (
            "--protocol-number",
            args.protocol_number.as_deref(),
            limit::NUMBER,
        ),
        ("--receipt", args.receipt.as_deref(), limit::NUMBER),
    ];
    let withdrawn = args
        .withdrawn
        .iter()
        .map(|w| ("--withdrawn", Some(w.as_str()), limit::PLACE));
    for (flag, value, max) in texts.into_iter().chain(withdrawn) {
        if let Some(value) = value
            && let Err(problem) = text::check(value, max)
        {
            return Err(format!("{flag}: {problem}"));
        }
    }
    let mut details = MoveDetails {
        document_number: args.document_number.clone(),
        ..MoveDetails::default()
    };
    if matches!(args.to, MoveKind::Confirm | MoveKind::Refuse)
        && let Some(number) = args.protocol_number.as_deref()
    {
        if number.trim().is_empty() {
            return Err(
                "--protocol-number: the identification protocol's number is empty [M-16]".into(),
            );
        }
        let date = args.protocol_date.or(args.conclusion_date).unwrap_or(today);
        if date > today {
            return Err(format!("--protocol-date {date} has not come yet [M-16]"));
        }
        details.protocol = Some((number.trim().to_string(), date));
    }
    if args.to != MoveKind::Issue {
        return Ok(details);
    }
    details.paper = Some(match args.receipt.as_deref().map(str::trim) {
        Some("") => return Err("--receipt: the receipt's number is empty [M-56]".into()),
        Some(number) => IssuePaper::Receipt {
            number: number.to_string(),
        },
        None => IssuePaper::Coupon,
    });
    details.withdrawn = args
        .withdrawn
        .iter()
        .map(|w| w.trim().to_string())
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(zone) = &args.mrz {
        let number = from_mrz(zone, &args.number, store)?;
        if let Some(typed) = args.document_number.as_deref()
            && !typed.trim().eq_ignore_ascii_case(&number)
        {
            return Err(
                "--document-number is not the number the MRZ gives: read the document again [M-57]"
                    .into(),
            );
        }
        details.document_number = Some(number);
        details.mrz_read = true;
    }
    if details
        .document_number
        .as_deref()
        .is_none_or(|n| n.trim().is_empty())
    {
        return Err(
            "--to issue needs the issued document's own number: --document-number N or --mrz [M-57]"
                .into(),
        );
    }
    Ok(details)
}

/// The document's number from its zone, once the zone's check digits hold and its names
/// and birth date are the formulary's (M-57). Messages never repeat the zone.
fn from_mrz(zone: &str, number: &str, store: &Store) -> Result<String, String> {
    let text = if zone.trim() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("--mrz -: cannot read standard input: {e}"))?;
        text
    } else {
        zone.to_string()
    };
    let mrz = Mrz::parse(&text).map_err(|e| format!("--mrz: {e}"))?;
    let record = match store.formulary(number) {
        Ok(Some(record)) => record,
        // The move itself says there is no such formulary, or why the register failed.
        _ => return Ok(mrz.document_number),
    };
    let f = &record.formulary;
    let (Some(surname), Some(given), Some(born)) =
        (f.surname.as_deref(), f.given_name.as_deref(), f.birth_date)
    else {
        return Ok(mrz.document_number);
    };
    match mrz.matches(surname, given, born).first_mismatch() {
        None => Ok(mrz.document_number),
        Some(field) => Err(format!(
            "--mrz: the zone's {field} is not the formulary's: this is not the person's document [M-57]"
        )),
    }
}
