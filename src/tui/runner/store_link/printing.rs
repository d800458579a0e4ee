//! The register's side of printing from the workstation (issue 13): the printer the
//! link carries, the deliveries the workers finished, and the paper waiting for the
//! clerk's terminal (`runner/printer.rs` says who does what, and why).

use super::StoreLink;
use crate::i18n::print::unfinished;
use crate::tui::app::App;
use crate::tui::runner::printer::Printer;

impl StoreLink {
    /// Prints with `printer` (the office's settings and the clerk's preferences).
    pub fn with_printer(mut self, printer: Printer) -> Self {
        self.printer = printer;
        self
    }

    pub fn printer(&self) -> &Printer {
        &self.printer
    }

    /// The prints the workers finished, recorded and said; `true` when one was.
    pub fn collect_prints(&mut self, app: &mut App) -> bool {
        match self.store.as_mut() {
            Ok(store) => self.printer.collect(store, app),
            Err(_) => false,
        }
    }

    /// At quit: the deliveries still on their way are waited for (at most `wait`) and
    /// audited; the papers not finished are returned, said in the clerk's language.
    pub fn finish_prints(&mut self, app: &mut App, wait: std::time::Duration) -> Vec<String> {
        let Ok(store) = self.store.as_mut() else {
            return Vec::new();
        };
        let left = self.printer.finish_all(store, app, wait);
        let lang = self.lang;
        left.iter()
            .map(|paper| unfinished(lang, paper.kind, paper.subject.as_deref()))
            .collect()
    }

    /// [`StoreLink::finish_prints`] as the clerk quits: while papers are still under way,
    /// the screen first says how many and how long it may wait (`show` draws the frame;
    /// drawn once, as nothing else changes on it until the end), so a clerk never faces a
    /// frozen screen. Drawing it failing does not stop the papers being finished.
    pub fn finish_prints_at_quit(
        &mut self,
        app: &mut App,
        wait: std::time::Duration,
        show: impl FnOnce(&App) -> std::io::Result<()>,
    ) -> (Vec<String>, std::io::Result<()>) {
        let under_way = self.printer.under_way();
        let shown = if under_way > 0 && self.store.is_ok() {
            app.finishing_prints(under_way, wait);
            show(app)
        } else {
            Ok(())
        };
        (self.finish_prints(app, wait), shown)
    }

    /// Feeds a paper waiting for the clerk's printer through `terminal`, between frames;
    /// `true` when one was (the screen must then be drawn whole again).
    pub fn print_to_terminal(&mut self, app: &mut App, terminal: &mut dyn std::io::Write) -> bool {
        let (Ok(store), Some(job)) = (self.store.as_mut(), self.printer.take_terminal()) else {
            return false;
        };
        self.printer.to_terminal(store, app, job, terminal);
        true
    }
}

/// M-12.b: whether the formulary read is of an IIN the register generated (its insert may
/// be printed); not knowing it only leaves the insert unoffered.
pub(super) fn iin_generated<E>(
    store: &crate::store::Store,
    found: &Result<Option<crate::store::Record>, E>,
) -> bool {
    let Ok(Some(record)) = found else {
        return false;
    };
    let iin = record.formulary.iin.as_deref();
    iin.is_some_and(|iin| matches!(store.generated_iin(iin), Ok(Some(_))))
}
