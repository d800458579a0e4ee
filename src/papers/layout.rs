//! The shared layout of every paper: an A4 sheet filled top to bottom with a header (the
//! office's name and the paper's title), tables of label/value rows, column tables,
//! paragraphs, signature lines and «М.П.», breaking onto a new page when one is full.
//!
//! The sheet is a list of drawing operations per page, laid out here with the font's own
//! widths ([`super::fonts`]) and only then handed to krilla ([`Sheet::finish`]): pagination
//! and wrapping are plain arithmetic, and no PDF syntax is written by hand.

use super::PaperError;
use super::fonts::{Face, width};
use krilla::Document;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};

/// A4 in PDF points (210 × 297 mm).
pub const A4_WIDTH: f32 = 595.28;
pub const A4_HEIGHT: f32 = 841.89;
/// Margins: 20 mm left for the binding, 15 mm elsewhere, 20 mm below for the footer.
pub(super) const LEFT: f32 = 56.7;
pub(super) const RIGHT: f32 = A4_WIDTH - 42.5;
const TOP: f32 = 42.5;
const BOTTOM: f32 = A4_HEIGHT - 56.7;
/// Body text size and line height.
pub const BODY: f32 = 10.0;
pub(super) const LEADING: f32 = 1.3;
/// What a value the register does not hold is printed as: a line to fill in by hand.
pub const BLANK: &str = "______________________________";

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        face: Face,
        text: String,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
}

/// A paper being laid out.
#[derive(Debug, Clone)]
pub struct Sheet {
    pages: Vec<Vec<Op>>,
    /// The top of the next thing on the current page.
    pub(super) y: f32,
    /// Printed at the foot of every page with its number.
    footer: String,
    /// Printed at the head of every page after the first (a reprint's mark, M-57 asks
    /// nothing of it; the audit does: a reprint says so on every page).
    mark: Option<String>,
    /// "Page" in the paper's language.
    page_word: String,
}

impl Sheet {
    pub fn new(footer: String, mark: Option<String>, page_word: &str) -> Self {
        let mut sheet = Sheet {
            pages: vec![Vec::new()],
            y: TOP,
            footer,
            mark,
            page_word: page_word.to_string(),
        };
        sheet.mark_page();
        sheet
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub(super) fn text_at(&mut self, x: f32, baseline: f32, size: f32, face: Face, text: &str) {
        if text.is_empty() {
            return;
        }
        self.ops().push(Op::Text {
            x,
            y: baseline,
            size,
            face,
            text: text.to_string(),
        });
    }

    pub(super) fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32) {
        self.ops().push(Op::Line {
            x1,
            y1,
            x2,
            y2,
            width,
        });
    }

    /// The reprint mark at the head of a page, right-aligned.
    fn mark_page(&mut self) {
        if let Some(mark) = self.mark.clone() {
            let size = 9.0;
            let x = RIGHT - width(&mark, size, Face::Bold);
            self.text_at(x, self.y + size, size, Face::Bold, &mark);
            self.y += size * LEADING + 4.0;
        }
    }

    /// Starts a new page unless `height` more fits on this one.
    pub(super) fn room(&mut self, height: f32) {
        if self.y + height > BOTTOM {
            self.pages.push(Vec::new());
            self.y = TOP;
            self.mark_page();
        }
    }

    /// Starts the next part (the reverse side of a form) on a new page.
    pub fn new_page(&mut self) {
        self.room(f32::MAX);
    }

    /// The office's name above a rule, then the title, centred and bold, line by line.
    pub fn header(&mut self, office: &str, title: &[String]) {
        let office = if office.trim().is_empty() {
            BLANK
        } else {
            office
        };
        for line in wrap(office, BODY, Face::Regular, RIGHT - LEFT) {
            self.centred(&line, BODY, Face::Regular);
        }
        self.line(LEFT, self.y + 2.0, RIGHT, self.y + 2.0, 0.5);
        self.y += 14.0;
        for (i, t) in title.iter().enumerate() {
            let (size, face) = if i == 0 {
                (13.0, Face::Bold)
            } else {
                (BODY, Face::Regular)
            };
            for line in wrap(t, size, face, RIGHT - LEFT) {
                self.centred(&line, size, face);
            }
        }
        self.y += 8.0;
    }

    fn centred(&mut self, text: &str, size: f32, face: Face) {
        self.room(size * LEADING);
        let x = LEFT + (RIGHT - LEFT - width(text, size, face)) / 2.0;
        self.text_at(x, self.y + size, size, face, text);
        self.y += size * LEADING;
    }

    /// A bold heading of a part of the paper.
    pub fn heading(&mut self, text: &str) {
        self.room(BODY * LEADING * 3.0);
        self.y += 4.0;
        for line in wrap(text, BODY + 1.0, Face::Bold, RIGHT - LEFT) {
            self.text_at(LEFT, self.y + BODY + 1.0, BODY + 1.0, Face::Bold, &line);
            self.y += (BODY + 1.0) * LEADING;
        }
        self.y += 2.0;
    }

    /// A paragraph, wrapped to the width of the page.
    pub fn paragraph(&mut self, text: &str) {
        for line in wrap(text, BODY, Face::Regular, RIGHT - LEFT) {
            self.room(BODY * LEADING);
            self.text_at(LEFT, self.y + BODY, BODY, Face::Regular, &line);
            self.y += BODY * LEADING;
        }
        self.y += 3.0;
    }

    /// Label/value rows: the label on the left third, the value wrapped on the rest, a
    /// thin rule under each row. An empty value is a line to fill in by hand.
    pub fn rows(&mut self, rows: &[(String, String)]) {
        let split = LEFT + (RIGHT - LEFT) * 0.38;
        for (label, value) in rows {
            let value = if value.trim().is_empty() {
                BLANK
            } else {
                value.as_str()
            };
            let labels = wrap(label, BODY - 1.0, Face::Regular, split - LEFT - 6.0);
            let values = wrap(value, BODY, Face::Bold, RIGHT - split);
            let lines = labels.len().max(values.len()).max(1);
            let height = lines as f32 * BODY * LEADING + 3.0;
            self.room(height);
            for (i, l) in labels.iter().enumerate() {
                let y = self.y + BODY + i as f32 * BODY * LEADING;
                self.text_at(LEFT, y, BODY - 1.0, Face::Regular, l);
            }
            for (i, v) in values.iter().enumerate() {
                let y = self.y + BODY + i as f32 * BODY * LEADING;
                self.text_at(split, y, BODY, Face::Bold, v);
            }
            self.y += height;
            self.line(LEFT, self.y - 1.5, RIGHT, self.y - 1.5, 0.2);
        }
        self.y += 4.0;
    }

    /// The pages laid out so far.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// The PDF: every page A4, the footer with "page N of M" on each, text in the
    /// embedded (subset) fonts.
    pub fn finish(mut self, title: &str) -> Result<Vec<u8>, PaperError> {
        let total = self.pages.len();
        let footer = std::mem::take(&mut self.footer);
        let mut document = Document::new();
        document.set_metadata(
            Metadata::new()
                .title(title.to_string())
                .creator("Kense".to_string()),
        );
        let settings = PageSettings::from_wh(A4_WIDTH, A4_HEIGHT).ok_or(PaperError::Layout)?;
        let font = super::fonts::font().ok_or(PaperError::Font)?;
        for (n, ops) in self.pages.iter().enumerate() {
            let mut page = document.start_page_with(settings.clone());
            let mut surface = page.surface();
            let foot = format!("{footer} · {} {} / {total}", self.page_word, n + 1);
            let foot_op = Op::Text {
                x: LEFT,
                y: A4_HEIGHT - 30.0,
                size: 7.5,
                face: Face::Regular,
                text: foot,
            };
            for op in ops.iter().chain(std::iter::once(&foot_op)) {
                match op {
                    Op::Text {
                        x,
                        y,
                        size,
                        face,
                        text,
                    } => {
                        surface.set_fill(Some(Fill::default()));
                        // Bold: the glyphs filled and stroked (see fonts.rs).
                        if *face == Face::Bold {
                            surface.set_stroke(Some(Stroke {
                                width: size * super::fonts::BOLD_STROKE,
                                ..Stroke::default()
                            }));
                        }
                        surface.draw_glyphs(
                            Point::from_xy(*x, *y),
                            &super::fonts::glyphs(text),
                            font.clone(),
                            text,
                            *size,
                            false,
                        );
                        surface.set_stroke(None);
                    }
                    Op::Line {
                        x1,
                        y1,
                        x2,
                        y2,
                        width,
                    } => {
                        let mut path = PathBuilder::new();
                        path.move_to(*x1, *y1);
                        path.line_to(*x2, *y2);
                        if let Some(path) = path.finish() {
                            surface.set_fill(None);
                            surface.set_stroke(Some(Stroke {
                                width: *width,
                                ..Stroke::default()
                            }));
                            surface.draw_path(&path);
                            surface.set_stroke(None);
                        }
                    }
                }
            }
            surface.finish();
            page.finish();
        }
        document
            .finish()
            .map_err(|e| PaperError::Pdf(format!("{e:?}")))
    }
}

/// `text` broken into lines no wider than `max` at `size`: at spaces, and inside a word
/// only when the word alone is wider than the line. Never empty: a blank text is one
/// empty line.
pub fn wrap(text: &str, size: f32, face: Face, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if width(&candidate, size, face) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the line is cut where it fills it.
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if width(&piece, size, face) > max && piece.chars().count() > 1 {
                    piece.pop();
                    lines.push(std::mem::take(&mut piece));
                    piece.push(c);
                }
            }
            line = piece;
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_fits_the_width() {
        let text = "Қазақстан Республикасы Ішкі істер министрлігінің көші-қон қызметі";
        let lines = wrap(text, BODY, Face::Regular, 120.0);
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines.iter().all(|l| width(l, BODY, Face::Regular) <= 120.0));
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_full_page_breaks_onto_the_next() {
        let mut sheet = Sheet::new("f".into(), None, "стр.");
        let rows: Vec<(String, String)> = (0..80)
            .map(|i| (format!("поле {i}"), format!("значение {i}")))
            .collect();
        sheet.rows(&rows);
        assert!(sheet.page_count() >= 2);
    }
}
