//! What the screens and dialogs share for drawing: text fitting, the theme, the layout and
//! the page sizes that both `update` and `draw` count with, the rows of a form's fields,
//! one list selection, the line-entry box and the footer. Nothing here changes state.

pub mod entry;
pub mod fields;
pub mod fit;
pub mod footer;
pub mod layout;
pub mod list;
pub mod text;
pub mod theme;

use crate::domain::Lang;
use theme::Theme;

/// How a screen is drawn: the clerk's language, the terminal's colours, and the office's
/// time zone that times are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    pub lang: Lang,
    pub theme: Theme,
    pub zone: chrono_tz::Tz,
}
