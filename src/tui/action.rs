//! Everything the workstation can be asked to do: the one documented list. Keys map to
//! actions (`keys/`); only `update`s turn an action into a change of state, and drawing
//! never changes state.

/// A request from the clerk, after key mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Show one of the three tabs.
    ShowTab(Tab),
    /// Open the list of keys of the current screen.
    Help,
    /// Close the open dialog or overlay; with none open, nothing.
    Back,
    /// Leave the workstation.
    Quit,
    /// Move the selection in the current list.
    Select(Move),
    /// Copy the selected code to the clerk's own clipboard (OSC 52, works over SSH).
    Copy,
    /// A key for the text field that has the focus (typing, cursor movement, deletion).
    Edit(tui_input::InputRequest),
    /// Text pasted into the text field that has the focus, whole (bracketed paste): its
    /// tabs and newlines are text, never a move between fields or a submit.
    Paste(String),
    /// Move the focus to another field of the form.
    Focus(crate::tui::screens::formulary::Focus),
    /// Open the directory picker for the focused code field.
    Pick,
    /// Let the focused field's warning pass, with a reason asked for next.
    Accept,
    /// Register the formulary.
    Save,
    /// Generate a child's IIN from the form's birth date and sex (M-12.a).
    GenerateIin,
    /// Move the focus to the next field with a problem.
    NextProblem,
    /// Start a new formulary, the one typed and its draft deleted (after a question).
    NewFormulary,
    /// Switch the New tab between the formulary and the DSN application.
    OtherForm,
    /// Switch the Register tab between formularies and DSN applications.
    OtherList,
    /// Say yes in a dialog: pick the chosen code, accept with the typed reason, quit.
    Confirm,
    /// Choose the n-th action offered (the digit keys of an opened formulary).
    Choose(u8),
    /// Correct the opened formulary's data (a formulary still in the office).
    Correct,
    /// Open the end-of-day view.
    Day,
    /// Close the day shown in the end-of-day view (after a question).
    CloseDay,
    /// Open the journal of conclusions (M-16).
    Journal,
    /// Show the period before the one shown (the journal's year before).
    Earlier,
    /// Show the period after the one shown.
    Later,
    /// Time passed with no key: save what waits to be saved.
    Tick,
    /// The terminal changed size: draw again.
    Resize,
    /// Record that the selected DSN application's result was handed over to the front
    /// office today (D-6), after a question.
    HandOver,
    /// Add a taxpayer to the register D-7 (1) is checked against (a small form).
    AddTaxpayer,
}

impl Action {
    /// Whether the action acts while the terminal is smaller than the screens are laid out
    /// for: quitting, the help, Esc and a resize (the way the screen comes back) only.
    pub fn acts_when_too_small(&self) -> bool {
        matches!(
            self,
            Action::Quit | Action::Help | Action::Resize | Action::Back
        )
    }
}

/// The tabs of the workstation, in the order of their keys (Alt-1, Alt-2, Alt-3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    NewFormulary,
    CodeLookup,
    Register,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::NewFormulary, Tab::CodeLookup, Tab::Register];
}

/// A step of the selection in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
}
