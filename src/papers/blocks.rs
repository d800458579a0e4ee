//! The larger blocks of the shared layout: column tables, signature places with «М.П.»,
//! and the head's approval ("УТВЕРЖДАЮ").

use super::fonts::Face;
use super::layout::{BLANK, BODY, LEADING, LEFT, RIGHT, Sheet, wrap};

impl Sheet {
    /// An approval block ("УТВЕРЖДАЮ", who approves, a line to sign with the name, the
    /// date to write in) in the right half of the page, as state papers put it.
    pub fn approval(&mut self, lines: &[String], name: &str) {
        let x = LEFT + (RIGHT - LEFT) * 0.52;
        let w = RIGHT - x;
        self.room(BODY * LEADING * 7.0);
        for (i, text) in lines.iter().enumerate() {
            let face = if i == 0 { Face::Bold } else { Face::Regular };
            for line in wrap(text, BODY, face, w) {
                self.text_at(x, self.y + BODY, BODY, face, &line);
                self.y += BODY * LEADING;
            }
        }
        self.y += 12.0;
        let name = if name.trim().is_empty() { "" } else { name };
        let line_to = x + w * 0.45;
        self.line(x, self.y + 2.0, line_to, self.y + 2.0, 0.6);
        if name.is_empty() {
            self.line(line_to + 6.0, self.y + 2.0, RIGHT, self.y + 2.0, 0.6);
        } else {
            self.text_at(line_to + 6.0, self.y, BODY, Face::Regular, name);
        }
        self.y += BODY * LEADING + 4.0;
        self.text_at(x, self.y + BODY, BODY, Face::Regular, &lines_date());
        self.y += BODY * LEADING + 10.0;
    }

    /// A table: a bold header row (repeated on each new page), then the rows, each cell
    /// wrapped in its column; `widths` are the columns' shares of the page width.
    pub fn table(&mut self, header: &[String], widths: &[f32], rows: &[Vec<String>]) {
        let size = BODY - 1.5;
        let total: f32 = widths.iter().sum();
        let xs: Vec<(f32, f32)> = {
            let mut x = LEFT;
            widths
                .iter()
                .map(|w| {
                    let cw = (RIGHT - LEFT) * w / total.max(f32::EPSILON);
                    let at = (x, cw);
                    x += cw;
                    at
                })
                .collect()
        };
        let layout = |cells: &[String], face: Face| -> Vec<Vec<String>> {
            cells
                .iter()
                .zip(&xs)
                .map(|(c, (_, w))| wrap(c, size, face, w - 4.0))
                .collect()
        };
        let head = layout(header, Face::Bold);
        let head_lines = head.iter().map(Vec::len).max().unwrap_or(1);
        let draw = |sheet: &mut Sheet, cells: &[Vec<String>], lines: usize, face: Face| {
            let height = lines as f32 * size * LEADING + 3.0;
            for (cell, (x, _)) in cells.iter().zip(&xs) {
                for (i, l) in cell.iter().enumerate() {
                    let y = sheet.y + size + i as f32 * size * LEADING;
                    sheet.text_at(x + 1.0, y, size, face, l);
                }
            }
            sheet.y += height;
            let width = if face == Face::Bold { 0.6 } else { 0.2 };
            sheet.line(LEFT, sheet.y - 1.5, RIGHT, sheet.y - 1.5, width);
        };
        let head_height = head_lines as f32 * size * LEADING + 3.0;
        self.room(head_height * 2.0);
        draw(self, &head, head_lines, Face::Bold);
        for row in rows {
            let cells = layout(row, Face::Regular);
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1);
            let height = lines as f32 * size * LEADING + 3.0;
            let page = self.page_count();
            self.room(height);
            if self.page_count() != page {
                draw(self, &head, head_lines, Face::Bold);
            }
            draw(self, &cells, lines, Face::Regular);
        }
        self.y += 6.0;
    }

    /// A signature place: who signs (their role), a line to sign on, the printed full name
    /// under it, and «М.П.» beside it where the rule puts the seal.
    pub fn signature(&mut self, role: &str, name: &str, seal: Option<&str>) {
        self.room(BODY * LEADING * 4.0);
        self.y += 14.0;
        let roles = wrap(role, BODY, Face::Regular, (RIGHT - LEFT) * 0.42);
        let line_from = LEFT + (RIGHT - LEFT) * 0.45;
        let line_to = LEFT + (RIGHT - LEFT) * 0.68;
        for (i, r) in roles.iter().enumerate() {
            let y = self.y + BODY + i as f32 * BODY * LEADING;
            self.text_at(LEFT, y, BODY, Face::Regular, r);
        }
        let base = self.y + BODY + 2.0;
        self.line(line_from, base, line_to, base, 0.6);
        let name = if name.trim().is_empty() { BLANK } else { name };
        for (i, n) in wrap(name, BODY, Face::Regular, RIGHT - line_to - 6.0)
            .iter()
            .enumerate()
        {
            let y = base - 2.0 + i as f32 * BODY * LEADING;
            self.text_at(line_to + 6.0, y, BODY, Face::Regular, n);
        }
        if let Some(seal) = seal {
            let y = base + BODY * LEADING + 4.0;
            self.text_at(line_from, y, BODY, Face::Bold, seal);
        }
        let lines = roles.len().max(2) as f32;
        self.y += lines * BODY * LEADING + if seal.is_some() { 14.0 } else { 4.0 };
    }
}

/// The date to write in by hand under an approval.
fn lines_date() -> String {
    "«___» ______________ 20___".to_string()
}
