//! Sentence splitting with byte offsets. News text breaks sentences after `.`, `?` or `!`
//! (possibly followed by a closing quote) before a capital, digit or opening quote, except
//! after abbreviations (`U.S.`, `Corp.`, `Mr.`) and initials.

use crate::text::Span;

const ABBREVIATIONS: &[&str] = &[
    "u.s.", "u.n.", "u.k.", "e.u.", "mr.", "mrs.", "ms.", "dr.", "st.", "jr.", "sr.", "gen.", "gov.", "sen.", "rep.",
    "lt.", "col.", "sgt.", "prof.", "no.", "vs.", "e.g.", "i.e.", "etc.", "inc.", "ltd.", "co.", "jan.", "feb.",
    "aug.", "sept.", "oct.", "nov.", "dec.", "a.m.", "p.m.",
];

/// Splits the paragraph `span` of `text` into sentence spans (trimmed).
pub fn split(text: &str, span: Span) -> Vec<Span> {
    let s = span.slice(text);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if matches!(c, '.' | '?' | '!') {
            // Swallow closing quotes and brackets that belong to this sentence.
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | ')' | '\'' | '.' | '?' | '!') {
                j += 1;
            }
            let end = chars.get(j).map_or(s.len(), |(e, _)| *e);
            let next = chars[j..].iter().find(|(_, d)| !d.is_whitespace());
            let has_space = chars.get(j).is_some_and(|(_, d)| d.is_whitespace());
            let starts_new = next.is_some_and(|(_, d)| {
                d.is_uppercase() || d.is_ascii_digit() || matches!(d, '"' | '“' | '‘' | '(' | '…')
            });
            if has_space && starts_new && !(c == '.' && is_abbreviation(&s[start..b + 1])) {
                push(&mut out, s, span.start, start, end);
                start = end;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(&mut out, s, span.start, start, s.len());
    out
}

fn push(out: &mut Vec<Span>, s: &str, base: usize, start: usize, end: usize) {
    let piece = &s[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if piece.trim().is_empty() {
        return;
    }
    out.push(Span::new(base + start + lead, base + end - trail));
}

fn is_abbreviation(upto_dot: &str) -> bool {
    let last = upto_dot.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"').next().unwrap_or("");
    let lower = last.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // An initial: "J. Smith".
    let letters: Vec<char> = last.chars().collect();
    letters.len() == 2 && letters[0].is_uppercase() && letters[1] == '.'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(s: &str) -> Vec<&str> {
        split(s, Span::new(0, s.len())).into_iter().map(|sp| sp.slice(s)).collect()
    }

    #[test]
    fn sentences_break_after_closing_quotes_but_not_after_abbreviations() {
        assert_eq!(
            sents(
                "President Xi once called him his “best friend.” The U.S. Secretary of State came. Rand Corp. said no."
            ),
            [
                "President Xi once called him his “best friend.”",
                "The U.S. Secretary of State came.",
                "Rand Corp. said no."
            ]
        );
    }

    #[test]
    fn a_question_ends_a_sentence() {
        assert_eq!(sents("Did it work? Yes. 12 points were made."), ["Did it work?", "Yes.", "12 points were made."]);
    }
}
