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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_columns_and_marks_the_cut() {
        assert_eq!(truncate("АҚКӨЛ АУДАНЫ", 20), "АҚКӨЛ АУДАНЫ");
        assert_eq!(truncate("АҚКӨЛ АУДАНЫ", 6), "АҚКӨЛ…");
        assert_eq!(truncate("abc", 0), "…");
    }
}
