//! The print dialog (issue 13): which of the papers offered, how many copies (1–9), and
//! where it goes: a PDF file (its path shown), the office's CUPS queue when the office has
//! one, or the clerk's own printer through the terminal when the clerk turned it on and no
//! tmux or mosh is in between (`papers::deliver::check_terminal`, asked once at start).
//! Answered with ↑↓, a digit, Tab and Enter: no F-key, no lone Esc needed.
//!
//! Confirmed, it gives [`Effect::Print`]; the runner prints without blocking the screen
//! and answers with `App::printed`. Any screen offers papers with [`offer`].

use super::{Dialog, Next, become_, stay};
use crate::i18n::print::{PrintWord, paper_name};
use crate::i18n::{Msg, tr};
use crate::papers::{Delivery, PaperKind};
use crate::tui::action::{Action, Move};
use crate::tui::app::Effect;
use crate::tui::screens::Cx;
use crate::tui::screens::formulary::Focus;
use crate::tui::ui::{View, layout};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use std::path::PathBuf;

/// The most copies the dialog asks for: one digit.
pub const MOST_COPIES: u32 = 9;

/// What the workstation may print to, as the runner found it at start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintSetup {
    /// Where PDF files go (the directory the workstation was started in).
    pub dir: PathBuf,
    /// The office's CUPS queue (`print.queue`), if it has one.
    pub queue: Option<String>,
    /// The clerk turned terminal printing on, and no tmux or mosh would drop it.
    pub terminal: bool,
}

impl Default for PrintSetup {
    fn default() -> Self {
        Self {
            dir: PathBuf::from("."),
            queue: None,
            terminal: false,
        }
    }
}

/// One paper offered: its kind and what it is of (`kense print KIND SUBJECT`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paper {
    pub kind: PaperKind,
    pub subject: String,
}

impl Paper {
    pub fn new(kind: PaperKind, subject: impl Into<String>) -> Self {
        Self {
            kind,
            subject: subject.into(),
        }
    }
}

/// A print asked for: the runner renders, delivers and audits it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintRequest {
    pub kind: PaperKind,
    pub subject: String,
    /// 1 to [`MOST_COPIES`]; a PDF file is one.
    pub copies: u32,
    pub delivery: Delivery,
}

/// Where the dialog may send the paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum To {
    File,
    Queue,
    Terminal,
}

/// The dialog's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintDialog {
    papers: Vec<Paper>,
    chosen: usize,
    copies: u32,
    to: Vec<To>,
    to_chosen: usize,
    setup: PrintSetup,
    /// Office time the dialog opened, naming the PDF file (not its subject, which may be
    /// an IIN: nothing personal in a file name).
    stamp: String,
}

/// Opens the print dialog over the screen with `papers`, or says there is nothing to print.
pub fn offer(papers: Vec<Paper>, cx: &mut Cx) -> Effect {
    match PrintDialog::new(papers, cx) {
        Some(dialog) => cx.open(Dialog::Print(Box::new(dialog))),
        None => cx.say(Msg::Print(PrintWord::NothingToPrint)),
    }
}

impl PrintDialog {
    pub fn new(papers: Vec<Paper>, cx: &Cx) -> Option<Self> {
        if papers.is_empty() {
            return None;
        }
        let setup = cx.print.clone();
        let mut to = vec![To::File];
        if setup.queue.is_some() {
            to.push(To::Queue);
        }
        if setup.terminal {
            to.push(To::Terminal);
        }
        // The office's printer first when there is one: a paper is for paper.
        let to_chosen = usize::from(setup.queue.is_some());
        Some(Self {
            papers,
            chosen: 0,
            copies: 1,
            to,
            to_chosen,
            setup,
            stamp: cx.clock.office_time().format("%Y%m%d-%H%M%S").to_string(),
        })
    }

    pub fn papers(&self) -> impl Iterator<Item = PaperKind> + '_ {
        self.papers.iter().map(|p| p.kind)
    }

    /// The print as chosen now.
    pub fn request(&self) -> Option<PrintRequest> {
        let paper = self.papers.get(self.chosen)?;
        let to = self.to.get(self.to_chosen).copied().unwrap_or(To::File);
        let delivery = match (to, &self.setup.queue) {
            (To::Queue, Some(queue)) => Delivery::Lp {
                queue: queue.clone(),
            },
            (To::Terminal, _) => Delivery::Terminal,
            _ => Delivery::Pdf(self.file(paper.kind)),
        };
        let copies = match delivery {
            Delivery::Pdf(_) => 1,
            _ => self.copies.clamp(1, MOST_COPIES),
        };
        Some(PrintRequest {
            kind: paper.kind,
            subject: paper.subject.clone(),
            copies,
            delivery,
        })
    }

    fn file(&self, kind: PaperKind) -> PathBuf {
        self.setup
            .dir
            .join(format!("kense-{}-{}.pdf", kind.name(), self.stamp))
    }
}

pub fn update(mut dialog: Box<PrintDialog>, action: Action, cx: &mut Cx) -> Next {
    let changed = match action {
        Action::Back => return become_(None),
        // Quitting from over the dialog is quitting from the screen under it.
        Action::Quit => return (None, None),
        Action::Confirm => {
            let Some(request) = dialog.request() else {
                return become_(None);
            };
            cx.status = Some(Msg::Print(PrintWord::Printing).into());
            return (None, Some(Effect::Print(request)));
        }
        Action::Select(step) => {
            let last = dialog.papers.len().saturating_sub(1);
            let next = match step {
                Move::Up | Move::PageUp => dialog.chosen.saturating_sub(1),
                Move::Down | Move::PageDown => (dialog.chosen + 1).min(last),
                Move::First => 0,
                Move::Last => last,
            };
            std::mem::replace(&mut dialog.chosen, next) != next
        }
        // A digit is the number of copies: 1 to 9, never 0.
        Action::Choose(n) if (1..=MOST_COPIES).contains(&u32::from(n)) => {
            std::mem::replace(&mut dialog.copies, u32::from(n)) != u32::from(n)
        }
        Action::Focus(focus) if dialog.to.len() > 1 => {
            let n = dialog.to.len();
            dialog.to_chosen = match focus {
                Focus::Previous => (dialog.to_chosen + n - 1) % n,
                _ => (dialog.to_chosen + 1) % n,
            };
            true
        }
        _ => false,
    };
    stay(Dialog::Print(dialog), changed)
}

pub fn draw(frame: &mut Frame, body: Rect, dialog: &PrintDialog, view: View) {
    let (lang, theme) = (view.lang, view.theme);
    let word = |w| tr(lang, Msg::Print(w));
    let mut lines = vec![Line::styled(
        format!("{}:", word(PrintWord::Paper)),
        theme.dim(),
    )];
    for (i, paper) in dialog.papers.iter().enumerate() {
        let name = paper_name(lang, paper.kind);
        lines.push(if i == dialog.chosen {
            Line::styled(format!("▸ {name}"), theme.selected())
        } else {
            Line::raw(format!("  {name}"))
        });
    }
    let request = dialog.request();
    let copies = match request.as_ref().map(|r| &r.delivery) {
        Some(Delivery::Pdf(_)) => format!("1 ({})", word(PrintWord::FileOneCopy)),
        _ => dialog.copies.to_string(),
    };
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", word(PrintWord::Copies)), theme.dim()),
        Span::raw(copies),
    ]));
    let to = match request.as_ref().map(|r| &r.delivery) {
        Some(Delivery::Pdf(path)) => format!("{} {}", word(PrintWord::File), path.display()),
        Some(Delivery::Lp { queue }) => format!("{} {queue}", word(PrintWord::Queue)),
        Some(Delivery::Terminal) => word(PrintWord::Terminal).to_string(),
        None => String::new(),
    };
    let more = if dialog.to.len() > 1 {
        format!("  [Tab {}/{}]", dialog.to_chosen + 1, dialog.to.len())
    } else {
        String::new()
    };
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", word(PrintWord::To)), theme.dim()),
        Span::raw(to),
        Span::styled(more, theme.key()),
    ]));
    let height = u16::try_from(lines.len() + 4).unwrap_or(u16::MAX);
    let area = layout::centered(body, 76, height);
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(word(PrintWord::Title));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}
