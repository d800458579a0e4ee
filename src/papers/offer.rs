//! Which papers a formulary's state allows (the workstation's print key offers these and
//! no others): what each paper needs to be true, read from the record alone.

use super::PaperKind;
use crate::domain::lifecycle::State;
use crate::store::Record;

/// The papers of formulary `record`, in the order the print dialog lists them:
/// - the formulary signed at issue once the document is made or handed over (M-57);
/// - the conclusion once a verification ended in one (M-16), or the reverse side refers to a
///   conclusion on a change of personal data (M-12.d, appendix 4);
/// - the certificate of the change of the nationality record for code 08 (M-12.e), given
///   when the formulary is drawn up: not for one cancelled, spoiled or destroyed;
/// - the coupon slip while the document waits to be handed over (M-56: it is shown to
///   collect; not once issued or ended);
/// - the insert to the birth certificate when the formulary's IIN is one the register
///   generated (`iin_generated`, M-12.b).
pub fn offered(record: &Record, iin_generated: bool) -> Vec<PaperKind> {
    let state = record.lifecycle.state();
    let f = &record.formulary;
    let concluded = record
        .lifecycle
        .transitions()
        .iter()
        .any(|t| t.event.conclusion().is_some())
        || super::data_change::reference(record).is_some();
    let coupon = matches!(
        state,
        State::Registered
            | State::UnderVerification
            | State::Sent
            | State::Returned
            | State::Manufactured
    );
    [
        (
            PaperKind::Formulary,
            matches!(state, State::Manufactured | State::Issued),
        ),
        (PaperKind::Conclusion, concluded),
        (
            PaperKind::NationalityCertificate,
            f.filling_code.as_deref().map(str::trim) == Some("08")
                && !matches!(state, State::Cancelled | State::Spoiled | State::Destroyed),
        ),
        (PaperKind::Coupon, coupon),
        (PaperKind::Insert, iin_generated && f.iin.is_some()),
    ]
    .into_iter()
    .filter_map(|(kind, allowed)| allowed.then_some(kind))
    .collect()
}
