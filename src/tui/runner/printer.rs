//! Printing from the workstation (issue 13) without blocking the screen.
//!
//! Who does what, and why:
//! - the paper is rendered and its print recorded (`papers::render`, `papers::record`) on
//!   the runner's thread, with the session's one register connection: the audit entry is
//!   written as the clerk, by the session's clock, under the same staff check as every other
//!   write, and a second connection would only contend for the register's write lock. A
//!   render takes milliseconds (≤ 50 ms, `benches/`);
//! - a PDF file is written and `lp` is run on a worker thread, which gets the PDF bytes and
//!   nothing of the register: `lp` waits on CUPS, which may be slow or gone;
//! - the clerk's own printer is fed through the terminal the screen is drawn on: the runner
//!   writes `ESC [5i` … `ESC [4i` itself between two frames (never from a thread racing a
//!   frame), then draws the whole screen again.
//!
//! A print is recorded only once delivered, as `kense print` does.

use crate::domain::Lang;
use crate::i18n::print::{delivery_error, not_printed, not_recorded, paper_error, printed};
use crate::i18n::store::store_error;
use crate::office::{ClerkPrefs, Settings};
use crate::papers::{self, Delivered, Delivery, DeliveryError, PaperKind, PaperLang, Rendered};
use crate::store::Store;
use crate::tui::app::{App, PrintRequest, PrintSetup};
use std::io::Write;
use std::sync::mpsc;

/// A paper rendered and on its way.
pub struct Job {
    rendered: Rendered,
    copies: u32,
    delivery: Delivery,
}

/// A delivery the worker finished.
struct Done {
    /// Which of the prints under way.
    id: u64,
    job: Job,
    outcome: Result<Delivered, DeliveryError>,
}

/// A paper on a worker's thread: what it is, to say which were not finished at quit.
struct UnderWay {
    id: u64,
    kind: PaperKind,
    subject: String,
}

/// A paper not finished when the workstation quit: its kind and what it is of, the
/// subject left out where it is a person's (the insert's IIN, M-12.b).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfinished {
    pub kind: PaperKind,
    pub subject: Option<String>,
}

impl Unfinished {
    fn of(kind: PaperKind, subject: &str) -> Self {
        // Only the insert is of a person (the IIN generated); the others of a registration
        // number, a day, a year, an act's or a DSN application's number.
        let subject = (kind != PaperKind::Insert).then(|| subject.to_string());
        Self { kind, subject }
    }
}

/// The workstation's printing: the office's settings and the clerk's preferences, the jobs
/// on worker threads, and a job waiting for the terminal.
pub struct Printer {
    settings: Result<Settings, String>,
    clerk: ClerkPrefs,
    lang: Lang,
    sender: mpsc::Sender<Done>,
    receiver: mpsc::Receiver<Done>,
    under_way: Vec<UnderWay>,
    /// The key of the next print sent to a worker.
    next_id: u64,
    terminal: Option<Job>,
}

impl Printer {
    /// With the office's `settings` (or why they could not be read) and the clerk's
    /// preferences.
    pub fn new(settings: Result<Settings, String>, clerk: ClerkPrefs, lang: Lang) -> Self {
        let (sender, receiver) = mpsc::channel();
        Self {
            settings,
            clerk,
            lang,
            sender,
            receiver,
            under_way: Vec::new(),
            next_id: 0,
            terminal: None,
        }
    }

    /// With the default settings (no queue) and terminal printing off: until
    /// [`Printer::load`] is given (tests, and a link made without the process's settings).
    pub fn plain(lang: Lang) -> Self {
        Self::new(Ok(Settings::default()), ClerkPrefs::default(), lang)
    }

    /// The settings and preferences of this process (`KENSE_CONFIG`, `KENSE_CLERK_CONFIG`).
    pub fn load(lang: Lang) -> Self {
        let settings = Settings::load().map_err(|e| e.to_string());
        // A preferences file that cannot be read leaves terminal printing off.
        let clerk = ClerkPrefs::load().unwrap_or_default();
        Self::new(settings, clerk, lang)
    }

    /// What the print dialog may offer: PDF files in `dir`, the office's queue, and the
    /// clerk's terminal when turned on and not under tmux or mosh.
    pub fn setup(&self, dir: std::path::PathBuf) -> PrintSetup {
        PrintSetup {
            dir,
            queue: self
                .settings
                .as_ref()
                .ok()
                .and_then(|s| s.print.queue.clone()),
            terminal: papers::deliver::check_terminal(&self.clerk).is_ok(),
        }
    }

    /// Whether a print is still on its way.
    pub fn busy(&self) -> bool {
        !self.under_way.is_empty() || self.terminal.is_some()
    }

    /// How many papers the workers are still delivering.
    pub fn under_way(&self) -> usize {
        self.under_way.len()
    }

    /// Renders the paper `request` asks for and sends it on its way.
    pub fn start(&mut self, store: &Store, app: &mut App, request: PrintRequest) {
        let (lang, kind) = (self.lang, request.kind);
        let failed = |app: &mut App, why: String| app.printed(Err(not_printed(lang, kind, &why)));
        // One print at a time: the copy number and the reprint mark are decided when the
        // paper is made, from the prints recorded; a second made while the first is still
        // on its way would come out the same, unmarked.
        if self.busy() {
            return failed(app, crate::i18n::print::still_printing(lang));
        }
        let settings = match &self.settings {
            Ok(settings) => settings,
            Err(why) => return failed(app, why.clone()),
        };
        let paper = papers::Request {
            kind,
            subject: request.subject,
            lang: if lang == Lang::Kk {
                PaperLang::Kk
            } else {
                PaperLang::Ru
            },
            head: None,
        };
        let rendered = match papers::render(store, settings, &paper) {
            Ok(rendered) => rendered,
            Err(e) => return failed(app, paper_error(lang, &e)),
        };
        let job = Job {
            rendered,
            copies: request.copies,
            delivery: request.delivery,
        };
        if job.delivery == Delivery::Terminal {
            // Refused now, naming why, rather than after the frame it would wait for.
            match papers::deliver::check_terminal(&self.clerk) {
                Ok(()) => self.terminal = Some(job),
                Err(e) => failed(app, delivery_error(lang, &e)),
            }
            return;
        }
        let sender = self.sender.clone();
        let clerk = self.clerk.clone();
        let id = self.next_id;
        self.next_id += 1;
        let (kind, subject) = (job.rendered.kind, job.rendered.subject.clone());
        let worker = std::thread::Builder::new()
            .name("kense-print".into())
            .spawn(move || {
                let kind = job.rendered.kind.name();
                let mut no_terminal = std::io::sink();
                let outcome = papers::deliver::deliver(
                    &job.rendered.bytes,
                    job.copies,
                    kind,
                    &job.delivery,
                    &clerk,
                    &mut no_terminal,
                );
                // The workstation may have quit meanwhile: nobody left to tell.
                let _ = sender.send(Done { id, job, outcome });
            });
        match worker {
            Ok(_) => self.under_way.push(UnderWay { id, kind, subject }),
            Err(_) => failed(app, crate::i18n::print::no_worker(lang)),
        }
    }

    /// The deliveries the workers finished since last asked: each recorded and said.
    /// `true` when something was said.
    pub fn collect(&mut self, store: &mut Store, app: &mut App) -> bool {
        let mut said = false;
        while let Ok(done) = self.receiver.try_recv() {
            self.under_way.retain(|u| u.id != done.id);
            self.finish(store, app, done.job, done.outcome);
            said = true;
        }
        said
    }

    /// At quit: waits up to `wait` for the deliveries still on their way, so that a paper
    /// written or spooled is also audited; a paper still waiting for the terminal is not
    /// sent (and so not recorded). The papers not finished are returned, for the clerk to
    /// print again.
    pub fn finish_all(
        &mut self,
        store: &mut Store,
        app: &mut App,
        wait: std::time::Duration,
    ) -> Vec<Unfinished> {
        let mut left: Vec<Unfinished> = self
            .terminal
            .take()
            .map(|job| Unfinished::of(job.rendered.kind, &job.rendered.subject))
            .into_iter()
            .collect();
        let deadline = std::time::Instant::now() + wait;
        while !self.under_way.is_empty() {
            let time = deadline.saturating_duration_since(std::time::Instant::now());
            match self.receiver.recv_timeout(time) {
                Ok(done) => {
                    self.under_way.retain(|u| u.id != done.id);
                    self.finish(store, app, done.job, done.outcome);
                }
                Err(_) => break,
            }
        }
        // What a worker still holds is neither known delivered nor recorded.
        left.extend(
            self.under_way
                .drain(..)
                .map(|u| Unfinished::of(u.kind, &u.subject)),
        );
        left
    }

    /// The job waiting for the clerk's terminal, taken to be written between frames.
    pub fn take_terminal(&mut self) -> Option<Job> {
        self.terminal.take()
    }

    /// Writes `job` to the clerk's printer through `terminal` (checked again: turned on,
    /// no tmux or mosh), records it and says so.
    pub fn to_terminal(
        &mut self,
        store: &mut Store,
        app: &mut App,
        job: Job,
        terminal: &mut dyn Write,
    ) {
        let outcome = papers::deliver::deliver(
            &job.rendered.bytes,
            job.copies,
            job.rendered.kind.name(),
            &Delivery::Terminal,
            &self.clerk,
            terminal,
        );
        self.finish(store, app, job, outcome);
    }

    fn finish(
        &self,
        store: &mut Store,
        app: &mut App,
        job: Job,
        outcome: Result<Delivered, DeliveryError>,
    ) {
        let lang = self.lang;
        let kind = job.rendered.kind;
        let said = match outcome {
            Ok(delivered) => {
                match papers::record(store, &job.rendered, job.copies, &job.delivery) {
                    Ok(recorded) => Ok(printed(
                        lang,
                        kind,
                        &delivered,
                        recorded.first_copy,
                        recorded.copies,
                        job.rendered.reprint,
                    )),
                    Err(e) => Err(not_recorded(lang, kind, store_error(&e).get(lang))),
                }
            }
            Err(e) => Err(not_printed(lang, kind, &delivery_error(lang, &e))),
        };
        app.printed(said);
    }
}

#[cfg(test)]
mod tests {
    use super::Unfinished;
    use crate::domain::Lang;
    use crate::i18n::print::unfinished;
    use crate::papers::PaperKind;

    /// The line said on the terminal given back for a paper left at quit: an insert is
    /// named by its kind only, never by the IIN it holds (a person's, M-12.b); a coupon
    /// slip by its registration number.
    #[test]
    fn an_insert_left_at_quit_is_named_without_its_iin() {
        let iin = "250101500017";
        for lang in [Lang::Ru, Lang::Kk, Lang::En] {
            let left = Unfinished::of(PaperKind::Insert, iin);
            let said = unfinished(lang, left.kind, left.subject.as_deref());
            assert!(!said.contains(iin), "{lang:?}: {said}");
            assert!(!said.contains("2501015"), "{lang:?}: {said}");
            let left = Unfinished::of(PaperKind::Coupon, "00001/2026");
            let said = unfinished(lang, left.kind, left.subject.as_deref());
            assert!(said.contains("00001/2026"), "{lang:?}: {said}");
        }
    }
}
