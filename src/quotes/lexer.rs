//! A paragraph as a stream of tokens for cue matching: words, punctuation and whole quotations
//! (one token per quoted segment, so words inside quote marks never act as cues).

use crate::text::{fold, words_at, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    Word,
    Punct(char),
    /// A quoted segment, by index into the article's segments.
    Quote(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: Tok,
    pub text: &'a str,
    pub span: Span,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == Tok::Word
    }
    pub fn is_quote(&self) -> bool {
        matches!(self.kind, Tok::Quote(_))
    }
    /// Ends a sentence: `.`, `?`, `!` outside quotes, or a quote whose text ends with one.
    pub fn ends_sentence(&self, article: &str) -> bool {
        match self.kind {
            Tok::Punct(c) => matches!(c, '.' | '?' | '!' | ';'),
            Tok::Quote(_) => {
                let inner = self.span.slice(article).trim_end_matches(['"', '”', ' ']);
                inner.ends_with(['.', '?', '!'])
            }
            Tok::Word => false,
        }
    }
}

/// A quoted segment: the quote marks' interior, and whether it was closed in its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub paragraph: usize,
    /// From the opening mark to the closing mark inclusive (or to where it was left open).
    pub outer: Span,
    pub inner: Span,
    pub closed: bool,
}

/// How a straight `"` reads from its neighbours: news text opens a quotation after a space or
/// bracket and closes it before a space or punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Opens,
    Closes,
    Either,
}

fn straight_mark(s: &str, i: usize) -> Mark {
    let before = s[..i].chars().next_back();
    let after = s[i + 1..].chars().next();
    let space_before = before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '/'));
    let space_after =
        after.is_none_or(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '?' | '!' | ')' | ']'));
    match (space_before, space_after) {
        (true, false) => Mark::Opens,
        (false, true) => Mark::Closes,
        _ => Mark::Either,
    }
}

/// Finds quoted segments in `span` of `text`: curly “…” and straight "…" marks. Single quotes
/// are apostrophes or quotes within quotes and never open a quotation. A mark that opens while a
/// quotation is still open ends that one there, unclosed: the text lost a paragraph break
/// between two paragraphs of one quotation (`… yet. "We want …`), and each part is kept.
pub fn segments(text: &str, span: Span, paragraph: usize) -> Vec<Segment> {
    let s = span.slice(text);
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (position of mark, its length)
    let left_open = |o: usize, len: usize, at: usize| Segment {
        paragraph,
        outer: Span::new(o, at),
        inner: Span::new(o + len, at),
        closed: false,
    };
    for (i, c) in s.char_indices() {
        let at = span.start + i;
        let kind = match c {
            '“' | '„' => Mark::Opens,
            '”' => Mark::Closes,
            '"' => straight_mark(s, i),
            _ => continue,
        };
        match (kind, open) {
            (Mark::Opens, Some((o, len))) => {
                out.push(left_open(o, len, at));
                open = Some((at, c.len_utf8()));
            }
            (Mark::Opens | Mark::Either, None) => open = Some((at, c.len_utf8())),
            (Mark::Closes | Mark::Either, Some((o, len))) => {
                out.push(Segment {
                    paragraph,
                    outer: Span::new(o, at + c.len_utf8()),
                    inner: Span::new(o + len, at),
                    closed: true,
                });
                open = None;
            }
            (Mark::Closes, None) => {}
        }
    }
    if let Some((o, len)) = open {
        out.push(left_open(o, len, span.end));
    }
    out.retain(|seg| !text[seg.inner.start..seg.inner.end].trim().is_empty());
    out
}

/// Tokens of `span`, with each segment in `segs` (which must lie in `span`) as one token.
pub fn tokens<'a>(text: &'a str, span: Span, segs: &[(usize, Segment)]) -> Vec<Token<'a>> {
    let mut out = Vec::new();
    let mut pos = span.start;
    let mut pieces: Vec<(Span, Option<usize>)> = Vec::new();
    for (idx, seg) in segs {
        if seg.outer.start > pos {
            pieces.push((Span::new(pos, seg.outer.start), None));
        }
        pieces.push((seg.outer, Some(*idx)));
        pos = seg.outer.end;
    }
    if pos < span.end {
        pieces.push((Span::new(pos, span.end), None));
    }
    for (piece, quote) in pieces {
        if let Some(idx) = quote {
            out.push(Token { kind: Tok::Quote(idx), text: piece.slice(text), span: piece });
            continue;
        }
        let s = piece.slice(text);
        let words = words_at(s, piece.start);
        let mut cursor = piece.start;
        for w in words {
            push_punct(text, Span::new(cursor, w.span.start), &mut out);
            // `Mr.`, `Gov.`, `Charles B. Rangel`: the dot of an abbreviation or an initial
            // belongs to the word and ends no sentence.
            // A dot right before a comma or a closing bracket ends no sentence either: `Mitch
            // McConnell, R-Ky., said`, `Rep. Gwen Moore (D-Wis.) said`.
            let dot_inside = text[w.span.end..].starts_with(".,") || text[w.span.end..].starts_with(".)");
            // `No. 2`, `Sept. 28`: an abbreviation before a number.
            let before_number =
                text[w.span.end..].strip_prefix(". ").is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
                    && matches!(
                        w.text.to_ascii_lowercase().as_str(),
                        "no" | "nos" | "jan" | "feb" | "mar" | "apr" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec"
                    );
            let span =
                if text[w.span.end..].starts_with('.') && (is_abbreviation(w.text) || dot_inside || before_number) {
                    Span::new(w.span.start, w.span.end + 1)
                } else {
                    w.span
                };
            out.push(Token { kind: Tok::Word, text: span.slice(text), span });
            cursor = span.end;
        }
        push_punct(text, Span::new(cursor, piece.end), &mut out);
    }
    out
}

/// Whether token `k` is a word that folds to `w` (`w` in lower case): `word_is(toks, k, "the")`.
/// Out of range is no word.
pub fn word_is(toks: &[Token<'_>], k: usize, w: &str) -> bool {
    toks.get(k).is_some_and(|t| t.is_word() && fold(t.text) == w)
}

/// Whether `according to` opens at token `k`: the cue without a verb that names a source.
pub fn according_to_at(toks: &[Token<'_>], k: usize) -> bool {
    word_is(toks, k, "according") && word_is(toks, k + 1, "to")
}

/// Words written with a dot that does not end a sentence: honorifics, ranks and titles
/// abbreviated before names, and single-letter initials.
fn is_abbreviation(word: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr",
        "st", "jr", "sr", "rev", "hon", "pres", "supt", "insp", "det", "cpl", "pvt", "ret", "sens", "reps", "del",
    ];
    let single_initial = word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
    single_initial || ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str())
}

fn push_punct<'a>(text: &'a str, span: Span, out: &mut Vec<Token<'a>>) {
    for (i, c) in span.slice(text).char_indices() {
        if c.is_whitespace() {
            continue;
        }
        let at = span.start + i;
        out.push(Token {
            kind: Tok::Punct(c),
            text: &text[at..at + c.len_utf8()],
            span: Span::new(at, at + c.len_utf8()),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_and_straight_quotes_pair_and_an_open_quote_runs_to_the_end() {
        let t = "He called it “best friend.” Then \"Q one,\" said X. “Still open";
        let segs = segments(t, Span::new(0, t.len()), 0);
        let inner: Vec<&str> = segs.iter().map(|s| s.inner.slice(t)).collect();
        assert_eq!(inner, ["best friend.", "Q one,", "Still open"]);
        assert!(!segs[2].closed);
    }

    #[test]
    fn a_quote_that_opens_while_another_is_open_ends_the_first_unclosed() {
        let t = "\"Listing is an option. \"We want to be healthy,\" he said.";
        let segs = segments(t, Span::new(0, t.len()), 0);
        let inner: Vec<&str> = segs.iter().map(|s| s.inner.slice(t)).collect();
        assert_eq!(inner, ["Listing is an option. ", "We want to be healthy,"]);
        assert!(!segs[0].closed);
        assert!(segs[1].closed);
    }

    #[test]
    fn closing_and_reopening_marks_between_two_quotes_pair_correctly() {
        let t = "\"One.\" \"Two,\" she said.";
        let segs = segments(t, Span::new(0, t.len()), 0);
        let inner: Vec<&str> = segs.iter().map(|s| s.inner.slice(t)).collect();
        assert_eq!(inner, ["One.", "Two,"]);
    }

    #[test]
    fn abbreviations_and_initials_keep_their_dot() {
        let t = "Gov. Mike Pence and Charles B. Rangel met. Then";
        let toks = tokens(t, Span::new(0, t.len()), &[]);
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(words, ["Gov.", "Mike", "Pence", "and", "Charles", "B.", "Rangel", "met", ".", "Then"]);
    }

    #[test]
    fn a_dot_before_a_comma_or_a_bracket_stays_with_its_word() {
        let t = "Ann Lee, R-Ore., and Bo Kim (D-Vt.) spoke.";
        let toks = tokens(t, Span::new(0, t.len()), &[]);
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(words, ["Ann", "Lee", ",", "R-Ore.", ",", "and", "Bo", "Kim", "(", "D-Vt.", ")", "spoke", "."]);
        assert_eq!(toks.iter().filter(|k| k.ends_sentence(t)).count(), 1);
    }

    #[test]
    fn a_word_test_folds_case_and_an_according_to_needs_both_words() {
        let t = "The report, According to Lee. according \"to\"";
        let segs = segments(t, Span::new(0, t.len()), 0);
        let toks = tokens(t, Span::new(0, t.len()), &[(0, segs[0])]);
        assert!(word_is(&toks, 0, "the"));
        assert!(!word_is(&toks, 2, "the"));
        assert!(!word_is(&toks, 99, "the"));
        assert!(according_to_at(&toks, 3));
        assert!(!according_to_at(&toks, 7));
    }

    #[test]
    fn quotes_become_single_tokens() {
        let t = "“Q,” he says.";
        let segs = segments(t, Span::new(0, t.len()), 0);
        let toks = tokens(t, Span::new(0, t.len()), &[(0, segs[0])]);
        let kinds: Vec<Tok> = toks.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [Tok::Quote(0), Tok::Word, Tok::Word, Tok::Punct('.')]);
    }
}
