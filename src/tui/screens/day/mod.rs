//! The day screen (issue 12; Register → Ctrl-D): any day, back and forth, opening on today.
//! It shows which earlier days are still open, the day's accounting of forms (start + in −
//! out = end, by state and for the office), its counts by filling code, district and clerk,
//! the day's formularies and the day's moves (who, when, what, the number), each openable,
//! filtered by clerk and by state. Everything scrolls at 80×24; nothing is cut.
//!
//! Reading a day is [`Effect::Day`]; the runner answers with `App::day`, and reads the day
//! again when another clerk wrote (its change check on a quiet tick). Closing the day shown
//! (Ctrl-K) is the App's (only a head, `app/day.rs`). The print key of the day's register
//! report (the papers issue) takes [`DayScreen::date`].

mod draw;
mod update;

use crate::domain::lifecycle::State;
use crate::store::{DayReview, Registration};
use chrono::NaiveDate;

pub use draw::Item;

/// What the register answered for one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayRead {
    pub review: DayReview,
    /// Who registered the day's formularies, and when.
    pub registrations: Vec<Registration>,
}

#[derive(Default)]
pub struct DayScreen {
    /// The day shown, or being read.
    date: Option<NaiveDate>,
    read: Option<Box<DayRead>>,
    /// The register's answer was an error: shown instead of the day.
    problem: Option<String>,
    /// Only this clerk's rows (`None`: everyone's).
    clerk: Option<String>,
    /// Only rows in (a formulary) or into (a move) this state.
    state: Option<State>,
    /// The first content row shown.
    scroll: usize,
    /// Which of the openable rows is chosen.
    chosen: usize,
}

impl DayScreen {
    /// The day the screen shows (or is reading): the day a print of the day's register
    /// report is of.
    pub fn date(&self) -> Option<NaiveDate> {
        self.date
    }

    pub fn read(&self) -> Option<&DayRead> {
        self.read.as_deref()
    }

    /// Whether the day shown is closed (sealed): nothing is left to close.
    pub fn closed(&self) -> bool {
        self.read()
            .is_some_and(|r| r.review.summary.closed.is_some())
    }

    /// Starts reading `date`: the effect asks the register.
    pub fn open(&mut self, date: NaiveDate) -> crate::tui::app::Effect {
        if self.date != Some(date) {
            self.scroll = 0;
            self.chosen = 0;
        }
        self.date = Some(date);
        crate::tui::app::Effect::Day(date)
    }

    /// The register's answer for the day asked. Read again (another clerk wrote), it keeps
    /// its place and its filters.
    pub fn show(&mut self, read: Result<DayRead, String>) {
        match read {
            Ok(read) => {
                let same =
                    self.read().map(|r| r.review.summary.date) == Some(read.review.summary.date);
                if !same {
                    self.scroll = 0;
                    self.chosen = 0;
                    self.clerk = None;
                    self.state = None;
                }
                self.date = Some(read.review.summary.date);
                self.read = Some(Box::new(read));
                self.problem = None;
            }
            Err(problem) => {
                self.read = None;
                self.problem = Some(problem);
            }
        }
    }

    /// The clerks with rows on the day, for the clerk filter, sorted.
    fn clerks(&self) -> Vec<String> {
        let Some(read) = self.read() else {
            return Vec::new();
        };
        let mut clerks: Vec<String> = read
            .registrations
            .iter()
            .map(|r| r.clerk.clone())
            .chain(read.review.moves.iter().map(|m| m.clerk.clone()))
            .collect();
        clerks.sort();
        clerks.dedup();
        clerks
    }

    /// The states of the day's rows, for the state filter, in the lifecycle's order.
    fn states(&self) -> Vec<State> {
        let Some(read) = self.read() else {
            return Vec::new();
        };
        State::ALL
            .into_iter()
            .filter(|s| {
                read.review
                    .summary
                    .formularies
                    .iter()
                    .any(|f| f.status == *s)
                    || read.review.moves.iter().any(|m| m.to == *s)
            })
            .collect()
    }

    /// Whether a row of `clerk` in `state` passes the filters.
    fn passes(&self, clerk: Option<&str>, state: State) -> bool {
        self.clerk.as_deref().is_none_or(|c| Some(c) == clerk)
            && self.state.is_none_or(|s| s == state)
    }
}

/// The next of `options` after `current` (`None` is "all", before the first and after the
/// last).
fn next_of<T: Clone + PartialEq>(options: &[T], current: Option<&T>) -> Option<T> {
    match current.and_then(|c| options.iter().position(|o| o == c)) {
        None => options.first().cloned(),
        Some(i) => options.get(i + 1).cloned(),
    }
}
