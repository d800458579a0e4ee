//! Registration and the moves of the lifecycle, with the re-reads they bring: the record
//! shown and the Register tab's page. Apart from `perform`'s dispatch, so each step, its
//! checks and what the clerk sees after it, reads on its own.

use super::kind_of;
use crate::domain::Lang;
use crate::domain::formulary::Formulary;
use crate::domain::lifecycle::Event;
use crate::i18n::store::{move_refusal, store_error};
use crate::store::{MoveDetails, Store, StoreError};
use crate::tui::app::{App, Problem, ProblemKind};

/// Registers a formulary by the register's clock (the session's), refused when the clock is
/// behind the register (set back, issue 14); its draft is forgotten after, and a draft that
/// could not be forgotten is tried again (`App::draft_discarded`), so the registered
/// formulary never comes back as a draft inviting a second registration.
pub(super) fn register(store: &mut Store, app: &mut App, formulary: &Formulary, lang: Lang) {
    match store.register_formulary_now(formulary) {
        Ok(done) => {
            app.registered(Ok((done.number, done.coupon)));
            // The draft is another session's when this one does not hold it (issue 11).
            if app.holds_draft() {
                app.draft_discarded(store.discard_draft().is_ok());
            }
        }
        Err(StoreError::Invalid(violations)) => {
            let text = violations
                .iter()
                .take(2)
                .map(|v| {
                    let field = crate::i18n::paths::path_label(lang, &v.field, Some(formulary));
                    format!("{field}: {} [{}]", v.message.get(lang), v.rule)
                })
                .collect::<Vec<_>>()
                .join("; ");
            app.registered(Err(Problem::new(ProblemKind::Other, text)));
        }
        Err(e) => app.registered(Err(Problem::new(kind_of(&e), store_error(&e).get(lang)))),
    }
}

/// Makes a move by the register's clock (the session's), with the checks of the rules: the
/// issued document's own number (M-57), the conclusion and protocol on the reverse side
/// before a send (M-16), a clock set back refused. Made: the formulary as it is now, and the
/// list behind it read again. Refused because another clerk moved it first: the same, so the
/// clerk sees what changed instead of the old state.
pub(super) fn make_move(
    store: &mut Store,
    app: &mut App,
    number: &str,
    event: Event,
    details: &MoveDetails,
    lang: Lang,
) {
    // Said with the field and the rule of the move's data it is about.
    let refusal = |e: &StoreError| Problem::new(kind_of(e), move_refusal(e, &event).get(lang));
    let outcome = store.move_formulary_now(number, event.clone(), None, details);
    let (reread, stale) = match outcome {
        Ok(made) => {
            app.moved(Ok(made));
            (true, false)
        }
        Err(e) => {
            let problem = refusal(&e);
            let stale = problem.kind == ProblemKind::Stale;
            app.moved(Err(problem));
            (stale, stale)
        }
    };
    if reread {
        show_record(store, app, number, lang);
        read_page_again(store, app, lang);
    }
    if stale {
        app.changed_meanwhile();
    }
}

/// Reads formulary `number` with its corrections for the record screen.
pub(super) fn show_record(store: &Store, app: &mut App, number: &str, lang: Lang) {
    let problem = |e: StoreError| Problem::new(kind_of(&e), store_error(&e).get(lang));
    let found = store.formulary(number).map_err(problem);
    let exists = matches!(found, Ok(Some(_)));
    let generated = super::printing::iin_generated(store, &found);
    app.record(found);
    if exists {
        app.corrections(store.corrections(number).map_err(problem));
        app.record_iin_generated(generated);
    }
}

/// Reads again the page of formularies the Register tab shows, once the register changed
/// under it: the same filter from the same cursor.
pub(super) fn read_page_again(store: &Store, app: &mut App, lang: Lang) {
    if let Some(query) = app.shown_query() {
        let page = store.search(&query);
        let problem = |e: StoreError| Problem::new(kind_of(&e), store_error(&e).get(lang));
        app.page_again(page.map_err(problem));
    }
}
