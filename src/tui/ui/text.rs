//! Small text helpers shared by the screens.

use unicode_width::UnicodeWidthStr;

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
