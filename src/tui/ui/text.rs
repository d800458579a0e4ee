//! Small text helpers shared by the screens.

use tui_input::Input;
use unicode_width::UnicodeWidthStr;

/// `text` pasted into a one-line field at its cursor, in one step: tabs, newlines, other
/// control characters and bidi overrides become spaces (a paste never moves between fields, submits, or drives
/// the terminal), a trailing line end is dropped. `true` when the field changed.
pub fn paste(input: &mut Input, text: &str) -> bool {
    let clean: String = text
        .trim_end_matches(['\r', '\n'])
        .chars()
        .map(|c| {
            if c.is_control() || crate::domain::text::is_forbidden(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    if clean.is_empty() {
        return false;
    }
    let value = input.value();
    let at = input.cursor();
    let byte = value.char_indices().nth(at).map_or(value.len(), |(i, _)| i);
    let mut joined = String::with_capacity(value.len() + clean.len());
    joined.push_str(&value[..byte]);
    joined.push_str(&clean);
    joined.push_str(&value[byte..]);
    let cursor = at + clean.chars().count();
    *input = Input::new(joined).with_cursor(cursor);
    true
}

/// `text` cut to `width` terminal columns, with "…" where it was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.to_string().width() + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// A form's label in a column `width` cells wide: cut with "…" if it is longer than the
/// column less one cell, and padded with spaces, so that at least one blank cell always
/// parts it from the value drawn after the column.
pub fn label_column(label: &str, width: usize) -> String {
    let mut out = truncate(label, width.saturating_sub(1));
    let pad = width.saturating_sub(out.width());
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_goes_in_at_the_cursor_with_its_line_breaks_as_spaces() {
        let mut input = Input::new("Ахм ова".into()).with_cursor(3);
        assert!(paste(&mut input, "ет\tОВА\n"));
        assert_eq!(input.value(), "Ахмет ОВА ова");
        assert_eq!(input.cursor(), 9);
        assert!(!paste(&mut input, "\r\n"), "nothing but a line end");
        let mut big = Input::default();
        assert!(paste(&mut big, &"ж".repeat(100_000)));
        assert_eq!(big.value().chars().count(), 100_000);
    }

    #[test]
    fn truncation_counts_columns_and_marks_the_cut() {
        assert_eq!(truncate("АҚКӨЛ АУДАНЫ", 20), "АҚКӨЛ АУДАНЫ");
        assert_eq!(truncate("АҚКӨЛ АУДАНЫ", 6), "АҚКӨЛ…");
        assert_eq!(truncate("abc", 0), "…");
    }

    #[test]
    fn a_label_column_always_ends_in_a_blank() {
        assert_eq!(label_column("ИИН", 6), "ИИН   ");
        assert_eq!(label_column("Фамилия", 8), "Фамилия ");
        assert_eq!(label_column("Протокол", 8), "Проток… ");
        assert_eq!(label_column("中文字", 6), "中文… ");
    }
}
