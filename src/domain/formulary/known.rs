//! What the register knows of a formulary's person, and the warnings it gives (issue 11).
//!
//! The rules stay pure: the store reads [`Known`] for the formulary's IIN and
//! [`validate_known`](super::validate_known) checks the formulary against it.
//!
//! - `K-OPEN`: the person already has a formulary in its course (registered, under
//!   verification, sent, returned, manufactured). A second one would make a second
//!   document while the first is being made, and issuing either invalidates the other's
//!   holder's documents (M-57). A warning, not an error: a loss (code 09, 13) during
//!   manufacture is real, and the clerk lets it pass with the reason.
//! - `K-PERSON`: the same IIN under other names than the register's. The names of a
//!   person change only on a basis (M-12.d, code 04); anything else is a typo or the wrong
//!   IIN, and registering would rename the person silently. A warning per name field, to
//!   let pass with the reason; none under code 04, whose point is the change (M-31).

use super::model::{Formulary, filled};
use super::validate::Findings;
use super::violation::rule;
use crate::domain::Text;
use crate::domain::lifecycle::State;

/// A formulary of the person still in its course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenFormulary {
    /// Its registration number, `YYYY-NNNNNNN`.
    pub number: String,
    pub state: State,
}

/// The names the register holds for the IIN, and the formulary they come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownNames {
    pub surname: String,
    pub given_name: String,
    pub patronymic: Option<String>,
    /// The registration number of the formulary that gave them.
    pub from: Option<String>,
}

/// What the register knows of the formulary's IIN; `Known::default()` (nothing) for a
/// person it has never seen, and for validation without a register.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Known {
    /// The person's formularies in their course, newest first (the one being corrected
    /// left out).
    pub open: Vec<OpenFormulary>,
    pub names: Option<KnownNames>,
}

impl State {
    /// Whether a formulary in this state is still in its course: not yet issued,
    /// cancelled, spoiled or destroyed (issue 11's "open").
    pub fn is_open(self) -> bool {
        matches!(
            self,
            State::Registered
                | State::UnderVerification
                | State::Sent
                | State::Returned
                | State::Manufactured
        )
    }
}

/// The warnings of `known` for `f`.
pub(super) fn check(f: &Formulary, known: &Known, found: &mut Findings) {
    if let Some(open) = known.open.first() {
        let numbers: Vec<&str> = known.open.iter().map(|o| o.number.as_str()).collect();
        let numbers = numbers.join(", ");
        let state = open.state.text();
        found.warning(
            "iin",
            rule::OPEN,
            Text::new(
                format!(
                    "у этого ИИН уже есть формуляр в работе: {numbers} ({}); \
                     чтобы оформить ещё один, укажите причину",
                    state.ru
                ),
                format!(
                    "бұл ЖСН-нің жұмыстағы формуляры бар: {numbers} ({}); \
                     тағы біреуін ресімдеу үшін себебін көрсетіңіз",
                    state.kk
                ),
                format!(
                    "this IIN already has a formulary in its course: {numbers} ({}); \
                     give the reason to register another",
                    state.en
                ),
            ),
        );
    }
    // M-31 code 04 is the change of surname, name or patronymic: different names are its
    // point, and its basis is checked by M-12.d.
    if f.filling_code.as_deref().map(str::trim) == Some("04") {
        return;
    }
    let Some(names) = &known.names else {
        return;
    };
    let from = names.from.as_deref().unwrap_or("—");
    let fields = [
        (
            "surname",
            f.surname.as_deref(),
            Some(names.surname.as_str()),
            name_of("фамилией", "тегімен", "surname"),
        ),
        (
            "given_name",
            f.given_name.as_deref(),
            Some(names.given_name.as_str()),
            name_of("именем", "атымен", "given name"),
        ),
        (
            "patronymic",
            f.patronymic.as_deref(),
            names.patronymic.as_deref(),
            name_of("отчеством", "әкесінің атымен", "patronymic"),
        ),
    ];
    for (field, typed, registered, what) in fields {
        let Some(typed) = filled(typed) else {
            continue;
        };
        if registered.is_some_and(|r| same_name(typed, r)) {
            continue;
        }
        // The register's name is not repeated: the message reaches the command line's
        // stderr, and the form shows the register's names beside it.
        found.warning(
            field,
            rule::PERSON,
            Text::new(
                format!(
                    "в реестре этот ИИН записан с другой {} (формуляр {from}); \
                     смена данных — по основанию [M-12.d], иначе укажите причину",
                    what.ru
                ),
                format!(
                    "тізілімде бұл ЖСН басқа {} жазылған (формуляр {from}); \
                     деректер негіз бойынша өзгереді [M-12.d], әйтпесе себебін көрсетіңіз",
                    what.kk
                ),
                format!(
                    "the register has this IIN under another {} (formulary {from}); \
                     personal data change on a basis [M-12.d], else give the reason",
                    what.en
                ),
            ),
        );
    }
}

fn name_of(ru: &str, kk: &str, en: &str) -> Text {
    Text::new(ru, kk, en)
}

/// Two spellings of one name: the same letters, case and spacing aside. Ұ and У are
/// different letters here: a document spells a name one way.
fn same_name(a: &str, b: &str) -> bool {
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    fold(a) == fold(b)
}
