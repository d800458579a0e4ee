//! Tolerance of typing slips: a name found although a letter of the query is wrong,
//! missing, doubled or swapped. nucleo matches letters in order only, so a wrong letter
//! ("akkil" for "akkol") needs an edit distance; strsim's optimal string alignment counts
//! a swap of two neighbours as one slip.

/// A word of a key, with the byte offset after each of its letters, so that a prefix of
/// `n` letters is `&text[..ends[n]]`.
pub(super) struct Word {
    pub(super) text: String,
    ends: Vec<usize>,
}

impl Word {
    pub(super) fn new(text: &str) -> Self {
        let ends = std::iter::once(0)
            .chain(text.char_indices().map(|(i, c)| i + c.len_utf8()))
            .collect();
        Self {
            text: text.to_string(),
            ends,
        }
    }

    /// The first `letters` letters, if the word has that many.
    fn prefix(&self, letters: usize) -> Option<&str> {
        self.ends.get(letters).map(|&end| &self.text[..end])
    }
}

/// How many slips a word of this length may carry: none in a short word, where one slip
/// makes another word, one from four letters, two from eight.
fn allowed_slips(letters: usize) -> usize {
    match letters {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The total number of slips (insertions, deletions, substitutions, transpositions) that
/// separate each query word from the start of some word of the name, if every query word
/// is within its allowance and at least one needs a slip; `None` otherwise.
pub(super) fn typo_distance(query_words: &[String], name_words: &[Word]) -> Option<u32> {
    let mut total = 0;
    for query_word in query_words {
        let letters = query_word.chars().count();
        let allowed = allowed_slips(letters);
        let shortest = letters.saturating_sub(allowed).max(1);
        let best = name_words
            .iter()
            .filter(|w| !surely_too_far(query_word, &w.text, letters + allowed, allowed))
            .flat_map(|w| (shortest..=letters + allowed).filter_map(|n| w.prefix(n)))
            .map(|prefix| strsim::osa_distance(query_word, prefix))
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

    fn words(text: &str) -> Vec<Word> {
        text.split(' ').map(Word::new).collect()
    }

    fn query(text: &str) -> Vec<String> {
        text.split(' ').map(String::from).collect()
    }

    #[test]
    fn typo_distance_counts_slips_against_word_prefixes() {
        let name = words("akkol audani");
        assert_eq!(typo_distance(&query("akkil"), &name), Some(1));
        assert_eq!(typo_distance(&query("akkoll"), &name), Some(1));
        assert_eq!(typo_distance(&query("kakol"), &name), Some(1));
        assert_eq!(typo_distance(&query("akkil audanu"), &name), Some(2));
        // A prefix of a word needs no slip: that is a prefix match, not a typo.
        assert_eq!(typo_distance(&query("akko"), &name), None);
        // Short words get no allowance.
        assert_eq!(typo_distance(&query("akl"), &name), None);
        assert_eq!(typo_distance(&query("bkkxl"), &name), None);
    }

    #[test]
    fn word_prefixes_count_letters_not_bytes() {
        let word = Word::new("şu");
        assert_eq!(word.prefix(1), Some("ş"));
        assert_eq!(word.prefix(2), Some("şu"));
        assert_eq!(word.prefix(3), None);
    }

    #[test]
    fn the_lower_bound_never_rejects_a_word_within_reach() {
        assert!(!surely_too_far("akkil", "akkol", 6, 1));
        assert!(!surely_too_far("kakol", "akkol", 6, 1));
        assert!(surely_too_far("zzzzz", "akkol", 6, 1));
    }
}
