//! Free text as the register takes it (issue 15): no character that can drive a terminal,
//! and no more than a field's limit.
//!
//! Whatever a clerk types, or a file holds, is later printed on another clerk's terminal
//! (`formulary show`, the workstation, a CSV opened in a spreadsheet). An `ESC ] 52` in a
//! move's note would set that clerk's clipboard; a right-to-left override would show a
//! number backwards. So every free-text field refuses those characters on input
//! ([`rule::CONTROL`]), and the command line escapes them on output as defence in depth
//! ([`escape`]) for data written before and for anything else that reaches it. Limits
//! ([`rule::LENGTH`]) keep one field from filling the disk: a 10 MB surname made a 100 MB
//! register.

use crate::domain::Text;
use std::borrow::Cow;

/// The rule ids of these checks: Kense's own, as the Rules take sane text for granted.
pub mod rule {
    /// A control character (C0, DEL, C1) or a bidirectional override in free text.
    pub const CONTROL: &str = "K-TEXT";
    /// A text longer than its field's limit.
    pub const LENGTH: &str = "K-LENGTH";
    /// More rows (products, overrides) than the form takes.
    pub const ROWS: &str = "K-ROWS";
}

/// Each field's limit, in characters (not bytes: Kazakh and Russian letters are two bytes
/// each in UTF-8). Generous for real data, small enough that no field fills the disk.
pub mod limit {
    /// A surname, given name, patronymic or nationality.
    pub const NAME: usize = 100;
    /// A place of birth, an issuer, a penal institution's name or place.
    pub const PLACE: usize = 300;
    /// An address (fields 13 and 14, the address abroad).
    pub const ADDRESS: usize = 300;
    /// A number or code typed as text: a document, act, conclusion, coupon, IIN, code.
    pub const NUMBER: usize = 50;
    /// A clerk's note, reason or remark ("additional information", a move's note).
    pub const NOTE: usize = 1000;
    /// A clerk's name or personal number.
    pub const CLERK: usize = 100;
    /// A DSN taxpayer's name.
    pub const TAXPAYER: usize = 300;
    /// A DSN product's name or technical specification.
    pub const PRODUCT: usize = 200;
    /// The product rows of one DSN application (D-4): the paper form has a few, an
    /// importer's file may list a catalogue (a thousand brands is tested, D-App3); more
    /// is a mistake or an attack, not an application.
    pub const PRODUCT_ROWS: usize = 1000;
}

/// Whether `c` may drive a terminal or reorder what it shows: C0 (tab and newline
/// included: every field is one line), DEL, C1, and the bidirectional embeddings,
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069).
pub fn is_forbidden(c: char) -> bool {
    c.is_control()
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// What is wrong with a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    /// It holds a forbidden character ([`is_forbidden`]) at this character position,
    /// counted from 1.
    Control { position: usize },
    /// It is longer than `limit` characters.
    TooLong { limit: usize },
}

impl TextProblem {
    /// The rule the problem breaks.
    pub fn rule(self) -> &'static str {
        match self {
            TextProblem::Control { .. } => rule::CONTROL,
            TextProblem::TooLong { .. } => rule::LENGTH,
        }
    }

    /// The explanation for the clerk; never the text itself (it may be personal data, and
    /// it is what must not reach a terminal).
    pub fn text(self) -> Text {
        match self {
            TextProblem::Control { position } => Text::new(
                format!(
                    "управляющий символ в позиции {position}: допустимы только печатные символы"
                ),
                format!("{position}-орында басқару таңбасы: тек басылатын таңбалар болуы керек"),
                format!("a control character at position {position}: printable characters only"),
            ),
            TextProblem::TooLong { limit } => Text::new(
                format!("длиннее {limit} символов"),
                format!("{limit} таңбадан ұзын"),
                format!("longer than {limit} characters"),
            ),
        }
    }
}

impl std::fmt::Display for TextProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} [{}]", self.text().en, self.rule())
    }
}

/// More rows than the form takes ([`rule::ROWS`]).
pub fn too_many_rows(max: usize) -> Text {
    Text::new(
        format!("больше {max} строк"),
        format!("{max} жолдан көп"),
        format!("more than {max} rows"),
    )
}

/// Checks one free-text value against the forbidden characters and `limit`. A control
/// character is named first: it is the more dangerous of the two.
pub fn check(value: &str, limit: usize) -> Result<(), TextProblem> {
    let mut count = 0;
    for c in value.chars() {
        count += 1;
        if is_forbidden(c) {
            return Err(TextProblem::Control { position: count });
        }
    }
    if count > limit {
        return Err(TextProblem::TooLong { limit });
    }
    Ok(())
}

/// `text` with every forbidden character written as `\uXXXX` (four hex digits: every one
/// of them is in the Basic Multilingual Plane), so that it shows instead of acting. The
/// same form is a JSON escape, so escaped JSON output still parses to the same strings.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_forbidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_forbidden(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_bidi_overrides_are_refused_at_their_position() {
        for bad in [
            '\u{1b}', '\0', '\t', '\n', '\r', '\u{7f}', '\u{9b}', '\u{202e}', '\u{2066}',
        ] {
            let text = format!("Ақ{bad}көл");
            assert_eq!(check(&text, 100), Err(TextProblem::Control { position: 3 }));
        }
        assert_eq!(check("Ақкөл-Нұр О'Брайен", 100), Ok(()));
        assert_eq!(
            check("\u{200d}\u{00a0}", 100),
            Ok(()),
            "joiners and NBSP print"
        );
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        assert_eq!(check(&"ә".repeat(100), 100), Ok(()));
        assert_eq!(
            check(&"ә".repeat(101), 100),
            Err(TextProblem::TooLong { limit: 100 })
        );
    }

    #[test]
    fn escape_shows_what_would_act_and_keeps_the_rest() {
        assert_eq!(escape("Ақкөл"), Cow::Borrowed("Ақкөл"));
        assert_eq!(
            escape("a\u{1b}]52;c;eA==\u{7}b"),
            "a\\u001b]52;c;eA==\\u0007b"
        );
        assert_eq!(escape("\u{202e}21"), "\\u202e21");
        assert_eq!(escape("\u{85}"), "\\u0085");
    }
}
