//! One search over every directory, called by the TUI on every keystroke.
//!
//! A query of digits is a code: it finds rows whose code equals it ("1902 204",
//! "1902204", the district part "204", "08", or "8" and "53" for the zero-padded "08" and
//! "053"), then rows whose code starts with it. Any other query is a name: it is folded with
//! [`skeleton`] so that Kazakh, Russian and Latin spellings meet, and finds names that start
//! with it, then names with a word that starts with it, then fuzzy matches (nucleo), then
//! names one or two typing slips away (Damerau–Levenshtein over word prefixes).
//! Results come best first: by [`Rank`], then by how good the match is, then by directory
//! and the document's order.

use super::entry::{Entry, Kind};
use super::fold::skeleton;
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};

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
    /// Within a rank, lower is better.
    quality: u32,
    /// Position in the index: directory order, then the document's order.
    position: u32,
}

/// A searchable name: its skeleton, as nucleo wants it and split into words.
struct Key {
    text: String,
    utf32: Utf32String,
    words: Vec<String>,
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

/// Fuzzy matches must score at least this much per query character; nucleo gives 16 for
/// a matched character and takes a little for each gap, so this keeps matches whose
/// letters are mostly together and drops letters scattered across a long name.
const MIN_FUZZY_SCORE_PER_CHAR: u32 = 12;

/// Quality offset that places typo matches after every nucleo match of the Fuzzy rank.
const TYPO_QUALITY_BASE: u32 = 1 << 20;

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
                    .map(|name| {
                        let text = skeleton(name);
                        Key {
                            utf32: Utf32String::from(text.as_str()),
                            words: text.split(' ').map(str::to_string).collect(),
                            text,
                        }
                    })
                    .collect(),
            })
            .collect();
        Self {
            index,
            matcher: Matcher::new(Config::DEFAULT),
        }
    }

    /// Every row matching `query`, best first, from one directory or from all.
    pub fn search(&mut self, query: &str, kind: Option<Kind>) -> Vec<Hit> {
        let mut hits: Vec<Hit> = match code_digits(query) {
            Some(digits) => self
                .candidates(kind)
                .filter_map(|(position, item)| {
                    code_match(item, &digits).map(|(rank, quality)| Hit {
                        entry: item.entry,
                        rank,
                        quality,
                        position,
                    })
                })
                .collect(),
            None => self.search_names(query, kind),
        };
        hits.sort_by_key(|h| (h.rank, h.quality, h.position));
        hits
    }

    fn candidates(&self, kind: Option<Kind>) -> impl Iterator<Item = (u32, &Indexed)> {
        self.index
            .iter()
            .enumerate()
            .filter(move |(_, item)| kind.is_none_or(|k| item.entry.kind() == k))
            .map(|(i, item)| (u32::try_from(i).unwrap_or(u32::MAX), item))
    }

    fn search_names(&mut self, query: &str, kind: Option<Kind>) -> Vec<Hit> {
        let folded = skeleton(query);
        if folded.is_empty() {
            return Vec::new();
        }
        let query_words: Vec<&str> = folded.split(' ').collect();
        // The skeleton has no punctuation, so there is no search syntax to parse: every
        // word is a fuzzy atom.
        let pattern = Pattern::new(
            &folded,
            CaseMatching::Ignore,
            Normalization::Never,
            AtomKind::Fuzzy,
        );
        let min_score = MIN_FUZZY_SCORE_PER_CHAR * letters(&folded);
        let mut hits = Vec::new();
        let matcher = &mut self.matcher;
        let mut scratch = Vec::new();
        for (i, item) in self.index.iter().enumerate() {
            if kind.is_some_and(|k| item.entry.kind() != k) {
                continue;
            }
            let best = item
                .keys
                .iter()
                .filter_map(|key| {
                    let fuzzy = Fuzzy {
                        pattern: &pattern,
                        min_score,
                    };
                    name_match(key, &folded, &query_words, &fuzzy, matcher, &mut scratch)
                })
                .min();
            if let Some((rank, quality)) = best {
                hits.push(Hit {
                    entry: item.entry,
                    rank,
                    quality,
                    position: u32::try_from(i).unwrap_or(u32::MAX),
                });
            }
        }
        hits
    }
}

fn letters(folded: &str) -> u32 {
    u32::try_from(folded.chars().filter(|c| *c != ' ').count()).unwrap_or(u32::MAX)
}

/// The digits of a query made only of digits and the separators clerks type between
/// them; `None` for a query that names rather than numbers.
fn code_digits(query: &str) -> Option<String> {
    let query = query.trim();
    let is_code = query.chars().any(|c| c.is_ascii_digit())
        && query
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '-' | '.' | '/'));
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

/// The fuzzy half of a name query.
struct Fuzzy<'a> {
    pattern: &'a Pattern,
    min_score: u32,
}

impl Fuzzy<'_> {
    /// nucleo's score for the key, if every word of the query matches with its letters
    /// close together: within twice the word's length. nucleo alone accepts letters
    /// scattered over a whole sentence, which in a long filling-code name matches almost
    /// any short query.
    fn score(&self, key: &Key, matcher: &mut Matcher, scratch: &mut Vec<u32>) -> Option<u32> {
        let mut total = 0;
        for atom in &self.pattern.atoms {
            // Scoring is cheaper than finding the letters; most keys fail here.
            atom.score(key.utf32.slice(..), matcher)?;
            scratch.clear();
            let score = atom.indices(key.utf32.slice(..), matcher, scratch)?;
            let first = scratch.iter().min()?;
            let last = scratch.iter().max()?;
            let len = u32::try_from(atom.needle_text().len()).unwrap_or(u32::MAX);
            if last - first + 1 > len.saturating_mul(2) {
                return None;
            }
            total += u32::from(score);
        }
        (total >= self.min_score).then_some(total)
    }
}

fn name_match(
    key: &Key,
    folded: &str,
    query_words: &[&str],
    fuzzy: &Fuzzy,
    matcher: &mut Matcher,
    scratch: &mut Vec<u32>,
) -> Option<(Rank, u32)> {
    if key.text.starts_with(folded) {
        return Some((Rank::NamePrefix, 0));
    }
    let word_start = key
        .text
        .match_indices(folded)
        .any(|(at, _)| key.text[..at].ends_with(' '));
    if word_start {
        return Some((Rank::NamePrefix, 1));
    }
    if let Some(score) = fuzzy.score(key, matcher, scratch) {
        return Some((Rank::Fuzzy, TYPO_QUALITY_BASE.saturating_sub(score)));
    }
    typo_distance(query_words, &key.words).map(|d| (Rank::Fuzzy, TYPO_QUALITY_BASE + d))
}

/// How many slips a word of this length may carry: none in a short word, where one slip
/// makes another word, one from four letters, two from eight.
fn allowed_slips(word: &str) -> usize {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The total number of slips (insertions, deletions, substitutions, transpositions) that
/// separate each query word from the start of some word of the name, if every query word
/// is within its allowance and at least one needs a slip; `None` otherwise.
fn typo_distance(query_words: &[&str], name_words: &[String]) -> Option<u32> {
    let mut total = 0;
    for query_word in query_words {
        let allowed = allowed_slips(query_word);
        let len = query_word.chars().count();
        let best = name_words
            .iter()
            .filter(|name_word| !surely_too_far(query_word, name_word, len + allowed, allowed))
            .filter_map(|name_word| {
                (len.saturating_sub(allowed).max(1)..=len + allowed)
                    .filter_map(|take| {
                        let end = name_word.char_indices().nth(take).map_or(
                            (take == name_word.chars().count()).then_some(name_word.len()),
                            |(i, _)| Some(i),
                        )?;
                        Some(strsim::osa_distance(query_word, &name_word[..end]))
                    })
                    .min()
            })
            .min()?;
        if best > allowed {
            return None;
        }
        total += best;
    }
    (total > 0).then(|| u32::try_from(total).unwrap_or(u32::MAX))
}

/// A cheap lower bound on the slips between `query_word` and any prefix of `name_word` up
/// to `window` letters: each slip accounts for at most one letter of the query missing
/// from the prefix. Most words of most names fail it, and skip the edit distance.
fn surely_too_far(query_word: &str, name_word: &str, window: usize, allowed: usize) -> bool {
    let mut available = [0u8; 128];
    for c in name_word.chars().take(window) {
        if let Some(slot) = available.get_mut(c as usize) {
            *slot = slot.saturating_add(1);
        }
    }
    let mut missing = 0;
    for c in query_word.chars() {
        match available.get_mut(c as usize) {
            Some(slot) if *slot > 0 => *slot -= 1,
            // A letter outside ASCII is not counted; the edit distance will judge it.
            None => {}
            Some(_) => missing += 1,
        }
    }
    missing > allowed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_queries_are_told_from_name_queries() {
        assert_eq!(code_digits("1902 204"), Some("1902204".into()));
        assert_eq!(code_digits(" 053 "), Some("053".into()));
        assert_eq!(code_digits("1902-204"), Some("1902204".into()));
        assert_eq!(code_digits("akkol"), None);
        assert_eq!(code_digits("16 лет"), None);
        assert_eq!(code_digits(" - "), None);
    }

    #[test]
    fn typo_distance_counts_slips_against_word_prefixes() {
        let words: Vec<String> = ["akkol", "audani"].map(String::from).into();
        assert_eq!(typo_distance(&["akkil"], &words), Some(1));
        assert_eq!(typo_distance(&["akkoll"], &words), Some(1));
        assert_eq!(typo_distance(&["kakol"], &words), Some(1));
        // A prefix of a word needs no slip: that is a prefix match, not a typo.
        assert_eq!(typo_distance(&["akko"], &words), None);
        // Short words get no allowance.
        assert_eq!(typo_distance(&["akl"], &words), None);
        assert_eq!(typo_distance(&["bkkxl"], &words), None);
    }
}
