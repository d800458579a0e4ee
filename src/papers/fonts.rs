//! The papers' font: DejaVu Sans, shipped in `assets/fonts/` with its licence (Bitstream
//! Vera; DejaVu changes public domain). It has every letter of the Kazakh alphabet (Ә Ғ Қ Ң
//! Ө Ұ Ү Һ І), Russian, «», №: one font, so no fallback is ever needed and every glyph a
//! paper prints is in the subset krilla embeds.
//!
//! One face only: the bold of headings and values is the same glyphs filled and stroked
//! (PDF text rendering mode 2, [`BOLD_STROKE`]), which a printer renders as bold. A second
//! face would add 0.7 MB to the binary (issue 13 allows 8 MB for all of the papers).

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};
use std::sync::OnceLock;

static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// How text is set: plain, or bold (filled and stroked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
}

/// The stroke width of bold text, as a share of its size.
pub const BOLD_STROKE: f32 = 0.04;

/// The font for krilla; `None` only if the shipped file were not a font.
pub fn font() -> Option<krilla::text::Font> {
    // krilla's fonts are reference-counted: one parse per process, cloned per paper.
    static LOADED: OnceLock<Option<krilla::text::Font>> = OnceLock::new();
    LOADED
        .get_or_init(|| krilla::text::Font::new(FONT.to_vec().into(), 0))
        .clone()
}

/// The advance widths of one face, per character, in units of the em.
struct Widths {
    ascii: [f32; 128],
    face: Option<FontRef<'static>>,
    per_em: f32,
}

impl Widths {
    fn load() -> Widths {
        let font = FontRef::new(FONT).ok();
        let mut widths = Widths {
            ascii: [0.6; 128],
            face: font.clone(),
            per_em: 1.0,
        };
        if let Some(font) = font {
            widths.per_em = f32::from(
                font.metrics(Size::unscaled(), LocationRef::default())
                    .units_per_em,
            );
            let mut ascii = [0.6; 128];
            for (i, slot) in ascii.iter_mut().enumerate() {
                if let Some(c) = char::from_u32(i as u32) {
                    *slot = widths.of(c);
                }
            }
            widths.ascii = ascii;
        }
        widths
    }

    fn of(&self, c: char) -> f32 {
        let Some(font) = &self.face else {
            return 0.6;
        };
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let glyph = font.charmap().map(c).unwrap_or_default();
        metrics.advance_width(glyph).unwrap_or(0.0) / self.per_em.max(1.0)
    }
}

fn widths() -> &'static Widths {
    static LOADED: OnceLock<Widths> = OnceLock::new();
    LOADED.get_or_init(Widths::load)
}

/// The width of `text` at `size` points, by the font's advance widths: exactly what
/// [`glyphs`] draws. Bold text is wider by its stroke.
pub fn width(text: &str, size: f32, face: Face) -> f32 {
    let w = widths();
    let ems: f32 = text
        .chars()
        .map(|c| match usize::try_from(u32::from(c)) {
            Ok(i) if i < 128 => w.ascii[i],
            _ => w.of(c),
        })
        .sum();
    match face {
        Face::Regular => ems * size,
        Face::Bold => ems * size + size * BOLD_STROKE,
    }
}

/// `text` as krilla's glyphs: one glyph per character, by the font's character map, with
/// its advance width (in ems, as krilla wants them) and its byte range in `text`, so the
/// PDF's text stays extractable. Kazakh, Russian and Latin need no shaping beyond that (no
/// ligatures, no reordering), which spares the binary a shaping engine; and the widths
/// drawn are exactly those [`width`] measures.
pub fn glyphs(text: &str) -> Vec<krilla::text::KrillaGlyph> {
    let w = widths();
    let charmap = w.face.as_ref().map(|f| f.charmap());
    text.char_indices()
        .map(|(at, c)| {
            let id = charmap
                .as_ref()
                .and_then(|m| m.map(c))
                .map_or(0, |g| g.to_u32());
            let advance = match usize::try_from(u32::from(c)) {
                Ok(i) if i < 128 => w.ascii[i],
                _ => w.of(c),
            };
            krilla::text::KrillaGlyph::new(
                krilla::text::GlyphId::new(id),
                advance,
                0.0,
                0.0,
                0.0,
                at..at + c.len_utf8(),
                None,
            )
        })
        .collect()
}

/// Whether the font has a glyph for every character of `text`.
#[cfg(test)]
pub fn covers(text: &str) -> bool {
    let Some(font) = &widths().face else {
        return false;
    };
    let charmap = font.charmap();
    text.chars()
        .filter(|c| !c.is_whitespace())
        .all(|c| charmap.map(c).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_has_every_kazakh_letter_and_the_signs_papers_print() {
        let letters = "ӘәҒғҚқҢңӨөҰұҮүҺһІі№«»АБВЁЖЩЪЫЬЭЮЯабвёжщъыьэюя";
        assert!(covers(letters));
        assert!(font().is_some());
    }

    #[test]
    fn widths_grow_with_the_text_and_the_size() {
        let one = width("Қазақстан", 10.0, Face::Regular);
        assert!(one > 30.0 && one < 80.0, "{one}");
        assert!(width("Қазақстан", 20.0, Face::Regular) > one * 1.9);
        assert!(width("Қазақстан", 10.0, Face::Bold) > one);
    }
}
