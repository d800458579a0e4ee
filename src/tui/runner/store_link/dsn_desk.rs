//! The DSN applications' effects in the workstation (issue 11), each one named step: an
//! application opened, its result handed over (D-6), a taxpayer looked up by the DSN form
//! or added (D-7 (1)), and the register's names of a code decoded in Code lookup.

use crate::domain::Lang;
use crate::i18n::store::{dsn_error, store_error};
use crate::office::Clock;
use crate::store::dsn::{DsnError, ListFilter};
use crate::store::{Store, StoreError};
use crate::tui::app::{App, Effect, Problem, ProblemKind};

/// Carries out one of the DSN desk's effects; any other effect is left alone.
pub(super) fn perform(store: &mut Store, app: &mut App, effect: Effect, clock: Clock, lang: Lang) {
    let dsn = |e: DsnError| Problem::new(ProblemKind::Other, dsn_error(&e).get(lang));
    let plain = |e: StoreError| Problem::new(super::kind_of(&e), store_error(&e).get(lang));
    match effect {
        Effect::DsnOpen(id) => {
            app.dsn_application(store.dsn_application_on(id, clock.today()).map_err(dsn));
        }
        Effect::DsnHandOver(id) => hand_over(store, app, id, clock, lang),
        Effect::DsnTaxpayer(bin) => {
            app.dsn_taxpayer(&bin, store.dsn_taxpayer(&bin).map_err(plain));
        }
        Effect::DsnAddTaxpayer(taxpayer) => {
            let added = store.dsn_add_taxpayer(&taxpayer);
            app.dsn_taxpayer_added(added.map(|()| taxpayer.tin.to_string()).map_err(dsn));
        }
        Effect::DsnCodeNames(code) => {
            app.dsn_code_names(code, store.dsn_code_names(&code).map_err(plain));
        }
        _ => {}
    }
}

/// D-6: the result handed over to the front office on the session's day, refused on a
/// Sunday or holiday by the register's own check; then the list, and the application if
/// it is the one open, are read again so the clerk sees the hand-over.
fn hand_over(store: &mut Store, app: &mut App, id: i64, clock: Clock, lang: Lang) {
    let dsn = |e: DsnError| Problem::new(ProblemKind::Other, dsn_error(&e).get(lang));
    let today = clock.today();
    let done = store.dsn_hand_over(id, today).map_err(dsn);
    let made = done.is_ok();
    app.dsn_handed_over(done);
    if !made {
        return;
    }
    app.dsn_list(store.dsn_list(&ListFilter::default(), today).map_err(dsn));
    if app.opened_dsn() == Some(id) {
        app.dsn_application(store.dsn_application_on(id, today).map_err(dsn));
    }
}
