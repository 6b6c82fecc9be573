//! Small text helpers shared by the corpus, quote and answer code: folding for comparison,
//! word tokens with byte offsets, and edit distance for names typed with typos.

/// Byte range `[start, end)` into an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Lower-cases and maps typographic quotes, apostrophes and dashes to ASCII so that
/// `Russia’s` and `Russia's` compare equal. Used only for matching, never for output.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '’' | '‘' | '`' | '´' => out.push('\''),
            '“' | '”' | '„' => out.push('"'),
            '—' | '–' | '‑' => out.push('-'),
            '\u{a0}' => out.push(' '),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Collapses runs of white space to one space and trims.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A word of running text with its byte span. Words keep inner apostrophes, hyphens and
/// dots (`Russia’s`, `Sino-Russian`, `U.S.`) but lose surrounding punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub span: Span,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '$' | ',')
}

/// Splits `s` (which starts at byte `base` of the article) into words.
pub fn words_at(s: &str, base: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !(is_word_char(c) || (c == '$' && chars.get(i + 1).is_some_and(|(_, d)| d.is_ascii_digit()))) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let d = chars[j].1;
            if is_word_char(d) {
                j += 1;
            } else if is_joiner(d) && chars.get(j + 1).is_some_and(|(_, e)| is_word_char(*e)) {
                // A comma joins only digits (`240,000`); a dot joins letters only in
                // abbreviations like `U.S.`, handled by the caller's sentence logic.
                if d == ',' && !(chars[j - 1].1.is_ascii_digit() && chars[j + 1].1.is_ascii_digit()) {
                    break;
                }
                j += 2;
            } else {
                break;
            }
        }
        // Keep a trailing dot of a dotted abbreviation (`U.S.`).
        let mut end = chars.get(j).map_or(s.len(), |(b, _)| *b);
        let token = &s[start..end];
        if chars.get(j).is_some_and(|(_, d)| *d == '.') && token.contains('.') && token.len() <= 5 {
            end += 1;
            j += 1;
        }
        out.push(Word { text: &s[start..end], span: Span::new(base + start, base + end) });
        i = j;
    }
    out
}

pub fn words(s: &str) -> Vec<Word<'_>> {
    words_at(s, 0)
}

/// Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions).
pub fn edit_distance(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
}

/// The words of a (folded) phrase as questions and descriptors are compared: split at anything
/// but letters, digits and apostrophes, a possessive `'s` dropped.
pub fn all_words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\'').trim_end_matches("'s").to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether a typed name is close enough to a known one: exact for short names, one edit for
/// names of 4–6 letters, two for longer ones (`gabuyev` → `gabuev`).
pub fn close_enough(typed: &str, known: &str) -> bool {
    if typed == known {
        return true;
    }
    let n = known.chars().count().min(typed.chars().count());
    let allowed = match n {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    };
    allowed > 0 && edit_distance(typed, known) <= allowed
}

/// Names of weekdays and months (folded), which are never names of people or topics.
pub fn is_calendar_word(w: &str) -> bool {
    const CALENDAR: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    CALENDAR.contains(&w)
}

/// Words that carry no topic in a question or passage.
pub fn is_stopword(w: &str) -> bool {
    // A set, not a scan of the list: re-ranking asks this of every word of every candidate.
    static STOPWORDS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| STOP.iter().copied().collect());
    const STOP: &[&str] = &[
        "a",
        "about",
        "after",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "how",
        "i",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "say",
        "said",
        "says",
        "she",
        "so",
        "tell",
        "that",
        "the",
        "their",
        "them",
        "there",
        "they",
        "this",
        "to",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "think",
        "thinks",
        "thought",
        "mention",
        "mentioned",
        "quote",
        "quotes",
        "anything",
        "something",
        "please",
        "according",
        "regarding",
        "concerning",
        "summit",
        "summits",
        "article",
        "articles",
        "corpus",
    ];
    STOPWORDS.contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_abbreviations_apostrophes_and_money() {
        let ws: Vec<&str> = words("The U.S. hit Russia’s $240 billion, 63 percent.").iter().map(|w| w.text).collect();
        assert_eq!(ws, ["The", "U.S.", "hit", "Russia’s", "$240", "billion", "63", "percent"]);
    }

    #[test]
    fn word_spans_point_back_into_the_text() {
        let s = "  “Putin is building,” he said";
        for w in words_at(s, 10) {
            assert_eq!(&s[w.span.start - 10..w.span.end - 10], w.text);
        }
    }

    #[test]
    fn names_with_small_typos_are_close_enough() {
        assert!(close_enough("gabuyev", "gabuev"));
        assert!(close_enough("charapp", "charap"));
        assert!(!close_enough("xu", "xi"));
        assert!(!close_enough("biden", "belousov"));
    }
}
