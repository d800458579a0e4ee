//! Fitting text into the cells a screen has for it, so that nothing is cut without a
//! sign: a text field scrolled to its cursor, lines wrapped at words and ended with "…"
//! when the rows run out, a line cut with "…". Widths are terminal cells (unicode-width),
//! as everywhere on the screens: a Kazakh or Russian letter is one cell, a CJK one two.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Cells of text kept in sight after the cursor of a scrolled field, so the clerk editing
/// inside a long value sees what follows the cursor as well as what precedes it.
const AFTER_CURSOR: usize = 8;

/// The mark of text cut off or scrolled out of sight.
pub const MORE: &str = "…";

fn cells(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// A one-line text field `width` cells wide with its cursor in sight: the part of `value`
/// shown, with "…" in the first or last cell where text is scrolled out on that side, and
/// the cursor's column in it. `cursor` is the cursor's column in the whole value (as
/// `tui_input::Input::visual_cursor` gives it).
///
/// The scroll is worked out from the value and the cursor alone (drawing is pure, so no
/// scroll is kept between frames): a value that fits is not scrolled; otherwise the
/// window ends [`AFTER_CURSOR`] cells past the cursor (or one cell past the end, where the
/// cursor stands after the last letter), so typing at the end shows the text before it,
/// and an edit inside the value shows the text on both sides.
pub fn scrolled(value: &str, cursor: usize, width: usize) -> (String, usize) {
    let total = value.width();
    // The cursor's cell after the last letter counts: a value filling the field exactly
    // scrolls once the cursor is at its end.
    if total < width || (total == width && cursor < total) || width < 3 {
        let column = cursor.min(width.saturating_sub(1));
        if total <= width {
            return (value.to_string(), column);
        }
        return (super::text::truncate(value, width), column);
    }
    let cursor = cursor.min(total);
    // The window holds the cursor's cell, `after` cells of text past it and the mark of
    // text further on; of a narrow field, at least as much before the cursor as after.
    let after = AFTER_CURSOR.min(total - cursor).min((width - 3) / 2);
    let tail_hidden = cursor + after < total;
    let end = cursor + 1 + after + usize::from(tail_hidden);
    let start = end.saturating_sub(width);
    let head_hidden = start > 0;
    let tail_hidden = total > start + width;
    // Letters wholly inside [low, high) are shown; a wide letter half out leaves a blank.
    let low = start + usize::from(head_hidden);
    let high = start + width - usize::from(tail_hidden);
    let mut shown = String::new();
    let mut filled = 0; // cells of `shown`
    if head_hidden {
        shown.push_str(MORE);
        filled = 1;
    }
    let mut column = 0; // the letter's first cell in the whole value
    for c in value.chars() {
        let w = cells(c);
        if column >= low && column + w <= high {
            while filled < column - start {
                shown.push(' ');
                filled += 1;
            }
            shown.push(c);
            filled += w;
        }
        column += w;
    }
    if tail_hidden {
        while filled < width - 1 {
            shown.push(' ');
            filled += 1;
        }
        shown.push_str(MORE);
    }
    (shown, cursor - start)
}

/// A word of a styled line: its pieces, each in its style, and its width.
struct Word {
    pieces: Vec<(String, Style)>,
    width: usize,
}

/// Splits styled spans into words and the spaces before them; each word keeps its styles,
/// even where a style changes inside it.
fn words(spans: &[Span]) -> Vec<(usize, Word)> {
    let mut words: Vec<(usize, Word)> = Vec::new();
    let mut spaces = 0;
    let mut in_word = false;
    for span in spans {
        for c in span.content.chars() {
            if c == ' ' {
                spaces += 1;
                in_word = false;
                continue;
            }
            if !in_word {
                words.push((
                    spaces,
                    Word {
                        pieces: Vec::new(),
                        width: 0,
                    },
                ));
                spaces = 0;
                in_word = true;
            }
            let Some((_, word)) = words.last_mut() else {
                continue;
            };
            match word.pieces.last_mut() {
                Some((text, style)) if *style == span.style => text.push(c),
                _ => word.pieces.push((c.to_string(), span.style)),
            }
            word.width += cells(c);
        }
    }
    words
}

/// One styled line wrapped at its words into lines of at most `width` cells; a word wider
/// than a whole line is broken where the line ends. Spaces at a break are dropped.
pub fn wrap(line: &Line, width: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let mut rows: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    for (spaces, word) in words(&line.spans) {
        if used > 0 && used + spaces + word.width <= width {
            let style = word.pieces.first().map_or_else(Style::default, |p| p.1);
            if let Some(row) = rows.last_mut() {
                row.push(Span::styled(" ".repeat(spaces), style));
            }
            used += spaces;
        } else if used > 0 {
            rows.push(Vec::new());
            used = 0;
        }
        for (text, style) in word.pieces {
            let mut piece = String::new();
            for c in text.chars() {
                let w = cells(c);
                if used + w > width && used > 0 {
                    if let Some(row) = rows.last_mut() {
                        row.push(Span::styled(std::mem::take(&mut piece), style));
                    }
                    rows.push(Vec::new());
                    used = 0;
                }
                piece.push(c);
                used += w;
            }
            if let Some(row) = rows.last_mut() {
                row.push(Span::styled(piece, style));
            }
        }
    }
    rows.into_iter()
        .map(|spans| Line::from(spans).style(line.style))
        .collect()
}

/// `line` cut to `width` cells with "…" in its last cell, if it is wider.
pub fn cut(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    end_with_more(line, width)
}

/// `line` ended with "…" within `width` cells: cut to make room for the mark when needed.
pub fn end_with_more(line: Line<'static>, width: usize) -> Line<'static> {
    let room = width.saturating_sub(1);
    let style = line.style;
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    let mut last = Style::default();
    for span in line.spans {
        last = span.style;
        let mut text = String::new();
        for c in span.content.chars() {
            if used + cells(c) > room {
                break;
            }
            used += cells(c);
            text.push(c);
        }
        let full = text.len() == span.content.len();
        spans.push(Span::styled(text, span.style));
        if !full {
            break;
        }
    }
    // The mark follows the text it ends, not the spaces before a cut.
    while let Some(span) = spans.last_mut() {
        let trimmed = span.content.trim_end().to_string();
        if trimmed.is_empty() {
            spans.pop();
            continue;
        }
        last = span.style;
        span.content = trimmed.into();
        break;
    }
    spans.push(Span::styled(MORE, last));
    Line::from(spans).style(style)
}

/// Lines wrapped into at most `height` rows of `width` cells: `lines` first, wrapped at
/// their words, then `pinned` (one row each, cut with "…" if wider) always at the end. Where
/// `lines` need more rows than are left, the last row shown ends with "…".
pub fn fill(
    lines: &[Line<'static>],
    pinned: Vec<Line<'static>>,
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let pinned: Vec<Line<'static>> = pinned
        .into_iter()
        .take(height)
        .map(|line| cut(line, width))
        .collect();
    let room = height - pinned.len();
    let mut rows: Vec<Line<'static>> = lines.iter().flat_map(|l| wrap(l, width)).collect();
    if rows.len() > room {
        rows.truncate(room);
        if let Some(last) = rows.pop() {
            rows.push(end_with_more(last, width));
        }
    }
    rows.extend(pinned);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_field_that_fits_is_not_scrolled() {
        assert_eq!(scrolled("Ахметова", 8, 20), ("Ахметова".into(), 8));
        assert_eq!(scrolled("Ахметова", 3, 20), ("Ахметова".into(), 3));
        assert_eq!(scrolled("", 0, 20), (String::new(), 0));
    }

    #[test]
    fn typing_at_the_end_shows_the_end_and_the_cursor_after_it() {
        let value = "ҚҰРМАНҒАЛИЕВА-ТӨЛЕГЕНОВА";
        let (shown, column) = scrolled(value, value.width(), 10);
        assert_eq!(shown, "…ЛЕГЕНОВА");
        assert_eq!(column, 9, "the last cell, after the last letter");
        assert_eq!(shown.width(), 9);
        // Exactly the field's width: the cursor after the end still needs its cell.
        let (shown, column) = scrolled("0123456789", 10, 10);
        assert_eq!((shown.as_str(), column), ("…23456789", 9));
        let (shown, column) = scrolled("0123456789", 9, 10);
        assert_eq!((shown.as_str(), column), ("0123456789", 9));
    }

    #[test]
    fn editing_inside_a_long_value_shows_both_sides_of_the_cursor() {
        let value: String = ('a'..='z').collect();
        // The cursor on "p" (column 15): eight letters after it, then the mark.
        let (shown, column) = scrolled(&value, 15, 20);
        assert_eq!(shown, "…ghijklmnopqrstuvwx…");
        assert_eq!(column, 10);
        assert_eq!(shown.chars().nth(column), Some('p'));
        // At the start: no mark on the left, the rest marked on the right.
        let (shown, column) = scrolled(&value, 0, 16);
        assert_eq!((shown.as_str(), column), ("abcdefghijklmno…", 0));
    }

    #[test]
    fn wide_letters_count_two_cells_and_are_never_halved() {
        let value = "漢字漢字漢字漢字";
        let (shown, column) = scrolled(value, value.width(), 8);
        assert!(shown.width() <= 8, "{shown}");
        assert!(shown.starts_with(MORE) && shown.ends_with('字'), "{shown}");
        assert_eq!(column, 7);
    }

    #[test]
    fn lines_wrap_at_words_and_keep_their_styles() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let line = Line::from(vec![
            Span::styled("Name: ", bold),
            Span::raw("reaching the age of sixteen"),
        ]);
        let rows = wrap(&line, 16);
        let texts: Vec<String> = rows.iter().map(text).collect();
        assert_eq!(texts, ["Name: reaching", "the age of", "sixteen"]);
        assert_eq!(rows[0].spans[0].style, bold);
        assert_eq!(
            wrap(&Line::raw("abcdefgh"), 3).len(),
            3,
            "a long word broken"
        );
    }

    #[test]
    fn rows_that_do_not_fit_end_with_the_mark_and_pinned_lines_stay() {
        let lines = [Line::raw("one two three four five six")];
        let rows = fill(&lines, vec![Line::raw("a note")], 10, 3);
        let texts: Vec<String> = rows.iter().map(text).collect();
        assert_eq!(texts, ["one two", "three fou…", "a note"]);
        let rows = fill(&lines, Vec::new(), 30, 3);
        assert_eq!(
            rows.iter().map(text).collect::<Vec<_>>(),
            [lines[0].to_string()]
        );
        assert_eq!(text(&cut(Line::raw("abcdef"), 4)), "abc…");
        assert_eq!(text(&cut(Line::raw("abc"), 4)), "abc");
    }
}
