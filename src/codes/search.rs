//! One search over every directory, called by the TUI on every keystroke.
//!
//! A query of digits (with any punctuation around them: `"08"`, `№08`, `1902-204`) is a
//! code: it finds rows whose code equals it ("1902 204", "1902204", the district part
//! "204", "08", or "8" and "53" for the zero-padded "08" and "053"), then rows whose code
//! starts with it. Any other query is a name: it is folded with [`skeleton`] so that
//! Kazakh, Russian and Latin spellings meet, and finds names that start with it, then
//! names with a word that starts with it, then the region a row stands in, then fuzzy
//! matches (nucleo) and names a slip or two away (Damerau–Levenshtein over word prefixes).
//!
//! Results come best first: by [`Rank`], then by how close the match is (a shorter name
//! first, fewer gaps or slips first), then by directory and the document's order.

use super::entry::{Entry, Kind};
use super::fold::skeleton;
use super::typo::{Word, typo_distance};
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};

/// How a row matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rank {
    ExactCode,
    CodePrefix,
    NamePrefix,
    Fuzzy,
}

impl Rank {
    /// The name used in JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Rank::ExactCode => "exact-code",
            Rank::CodePrefix => "code-prefix",
            Rank::NamePrefix => "name-prefix",
            Rank::Fuzzy => "fuzzy",
        }
    }
}

/// A row found by a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub entry: Entry,
    pub rank: Rank,
    /// Within a rank, lower is better: (closeness, length of the name matched).
    quality: (u32, u32),
    /// Position in the index: directory order, then the document's order.
    position: u32,
}

/// A searchable name, folded.
struct Key {
    text: String,
    utf32: Utf32String,
    words: Vec<Word>,
    /// The name of the region the row stands in, not of the row itself: found by prefix
    /// only, after the row's own names.
    context: bool,
}

impl Key {
    fn new(name: &str, context: bool) -> Self {
        let text = skeleton(name);
        Self {
            utf32: Utf32String::from(text.as_str()),
            words: text.split(' ').map(Word::new).collect(),
            text,
            context,
        }
    }

    fn len(&self) -> u32 {
        u32::try_from(self.text.len()).unwrap_or(u32::MAX)
    }
}

struct Indexed {
    entry: Entry,
    /// The whole code, digits only: "1902204", "08", "053".
    digits: String,
    /// The district part of an M-App2 code, which clerks often type alone.
    part: Option<&'static str>,
    keys: Vec<Key>,
}

/// The search index and the matcher's scratch space; build once, query many times.
pub struct Searcher {
    index: Vec<Indexed>,
    matcher: Matcher,
}

impl Default for Searcher {
    fn default() -> Self {
        Self::new()
    }
}

/// What one slip of the fingers costs against nucleo's score: about one letter's worth
/// (nucleo gives 16 a matched letter, and takes 3 to open a gap and 1 a skipped letter),
/// so a name one slip away ranks with a name whose letters stand a little apart.
const SLIP_COST: u32 = 16;

/// Words of a query beyond this many are ignored, and so are letters beyond
/// [`MAX_QUERY_CHARS`]: a pasted paragraph must not stall a keystroke.
const MAX_QUERY_WORDS: usize = 12;
const MAX_QUERY_CHARS: usize = 160;

impl Searcher {
    pub fn new() -> Self {
        let index = super::all_entries()
            .into_iter()
            .map(|entry| Indexed {
                entry,
                digits: entry.code().chars().filter(char::is_ascii_digit).collect(),
                part: match entry {
                    Entry::District(d) => Some(d.district_code),
                    _ => None,
                },
                keys: entry
                    .names()
                    .map(|name| Key::new(name, false))
                    .chain(entry.region_names().map(|name| Key::new(name, true)))
                    .collect(),
            })
            .collect();
        Self {
            index,
            matcher: Matcher::new(Config::DEFAULT),
        }
    }

    /// Every row matching `query`, best first, from one directory or from all.
    ///
    /// ```
    /// use kense::codes::{Kind, Rank, Searcher};
    ///
    /// let mut searcher = Searcher::new();
    /// let hits = searcher.search("akkol", Some(Kind::District));
    /// assert_eq!(hits[0].entry.code(), "1902 204");
    /// assert_eq!(hits[0].entry.name_ru(), Some("АККОЛЬСКИЙ РАЙОН"));
    /// assert_eq!(hits[0].rank, Rank::NamePrefix);
    ///
    /// let hits = searcher.search("53", None);
    /// assert_eq!(hits[0].entry.name_kk(), "Атырау қаласы");
    /// ```
    pub fn search(&mut self, query: &str, kind: Option<Kind>) -> Vec<Hit> {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let Self { index, matcher } = self;
        let mut hits: Vec<Hit> = match code_digits(&query) {
            Some(digits) => candidates(index, kind)
                .filter_map(|(position, item)| {
                    code_match(item, &digits).map(|(rank, quality)| Hit {
                        entry: item.entry,
                        rank,
                        quality: (quality, 0),
                        position,
                    })
                })
                .collect(),
            None => match NameQuery::new(&query, matcher) {
                Some(name_query) => candidates(index, kind)
                    .filter_map(|(position, item)| {
                        let (rank, quality) = item
                            .keys
                            .iter()
                            .filter_map(|key| name_query.matches(key, matcher))
                            .min()?;
                        Some(Hit {
                            entry: item.entry,
                            rank,
                            quality,
                            position,
                        })
                    })
                    .collect(),
                None => Vec::new(),
            },
        };
        hits.sort_by_key(|h| (h.rank, h.quality, h.position));
        hits
    }
}

impl Searcher {
    /// Every row of directory `kind`, in the document's order: what a picker shows before
    /// anything is typed (issue 11: an empty picker lists the whole directory).
    pub fn all(&self, kind: Kind) -> Vec<Hit> {
        candidates(&self.index, Some(kind))
            .map(|(position, item)| Hit {
                entry: item.entry,
                rank: Rank::NamePrefix,
                quality: (0, 0),
                position,
            })
            .collect()
    }
}

fn candidates(index: &[Indexed], kind: Option<Kind>) -> impl Iterator<Item = (u32, &Indexed)> {
    index
        .iter()
        .enumerate()
        .filter(move |(_, item)| kind.is_none_or(|k| item.entry.kind() == k))
        .map(|(i, item)| (u32::try_from(i).unwrap_or(u32::MAX), item))
}

/// The digits of a query made of digits and punctuation only; `None` for a query with a
/// letter in it, which names rather than numbers.
fn code_digits(query: &str) -> Option<String> {
    let is_code = query.chars().any(|c| c.is_ascii_digit())
        && query
            .chars()
            .all(|c| c.is_ascii_digit() || !c.is_alphanumeric());
    is_code.then(|| query.chars().filter(char::is_ascii_digit).collect())
}

fn code_match(item: &Indexed, digits: &str) -> Option<(Rank, u32)> {
    let stripped = item.digits.trim_start_matches('0');
    if item.digits == digits || item.part == Some(digits) {
        Some((Rank::ExactCode, 0))
    } else if stripped.len() < item.digits.len() && !stripped.is_empty() && stripped == digits {
        // "8" for "08", "53" for "053": the padding zeros are easy to leave out.
        Some((Rank::ExactCode, 1))
    } else if item.digits.starts_with(digits) || item.part.is_some_and(|p| p.starts_with(digits)) {
        Some((Rank::CodePrefix, 0))
    } else {
        None
    }
}

/// A name query, folded once and matched against every key.
struct NameQuery {
    folded: String,
    /// `" " + folded`: a match of this inside a key starts a word.
    at_word_start: String,
    words: Vec<String>,
    /// Every word of the query is a fuzzy atom (the skeleton has no punctuation, so there
    /// is no search syntax to parse).
    pattern: Pattern,
    /// nucleo's score of the query against itself: what a flawless match scores.
    perfect: u32,
}

impl NameQuery {
    fn new(query: &str, matcher: &mut Matcher) -> Option<Self> {
        let folded: String = skeleton(query)
            .split(' ')
            .filter(|w| !w.is_empty())
            .take(MAX_QUERY_WORDS)
            .collect::<Vec<_>>()
            .join(" ");
        if folded.is_empty() {
            return None;
        }
        let pattern = Pattern::new(
            &folded,
            CaseMatching::Ignore,
            Normalization::Never,
            AtomKind::Fuzzy,
        );
        let mut buf = Vec::new();
        let perfect = pattern
            .score(Utf32Str::new(&folded, &mut buf), matcher)
            .unwrap_or(0);
        Some(Self {
            at_word_start: format!(" {folded}"),
            words: folded.split(' ').map(str::to_string).collect(),
            folded,
            pattern,
            perfect,
        })
    }

    /// How `key` matches, if it does: (rank, (closeness, name length)).
    fn matches(&self, key: &Key, matcher: &mut Matcher) -> Option<(Rank, (u32, u32))> {
        let context = u32::from(key.context) * 2;
        if key.text.starts_with(&self.folded) {
            return Some((Rank::NamePrefix, (context, key.len())));
        }
        if key.text.contains(&self.at_word_start) {
            return Some((Rank::NamePrefix, (context + 1, key.len())));
        }
        if key.context {
            return None;
        }
        if let Some(score) = self.fuzzy_score(key, matcher) {
            return Some((Rank::Fuzzy, (self.perfect.saturating_sub(score), key.len())));
        }
        typo_distance(&self.words, &key.words)
            .map(|slips| (Rank::Fuzzy, (slips.saturating_mul(SLIP_COST), key.len())))
    }

    /// nucleo's score for the key, if every word of the query matches with its letters
    /// close together: within twice the word's length. nucleo alone accepts letters
    /// scattered over a whole sentence, which in a long filling-code name matches almost
    /// any short query.
    fn fuzzy_score(&self, key: &Key, matcher: &mut Matcher) -> Option<u32> {
        let mut positions = Vec::new();
        let mut total = 0;
        for atom in &self.pattern.atoms {
            // Scoring is cheaper than finding the letters; most keys fail here.
            atom.score(key.utf32.slice(..), matcher)?;
            positions.clear();
            let score = atom.indices(key.utf32.slice(..), matcher, &mut positions)?;
            let first = positions.iter().min()?;
            let last = positions.iter().max()?;
            let len = u32::try_from(atom.needle_text().len()).unwrap_or(u32::MAX);
            if last - first + 1 > len.saturating_mul(2) {
                return None;
            }
            total += u32::from(score);
        }
        Some(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_queries_are_told_from_name_queries() {
        assert_eq!(code_digits("1902 204"), Some("1902204".into()));
        assert_eq!(code_digits(" 053 "), Some("053".into()));
        assert_eq!(code_digits("1902-204"), Some("1902204".into()));
        assert_eq!(code_digits("\"08\""), Some("08".into()));
        assert_eq!(code_digits("№08;"), Some("08".into()));
        assert_eq!(code_digits("akkol"), None);
        assert_eq!(code_digits("16 лет"), None);
        assert_eq!(code_digits(" - "), None);
    }
}
