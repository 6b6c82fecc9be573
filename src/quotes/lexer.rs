//! A paragraph as a stream of tokens for cue matching: words, punctuation and whole quotations
//! (one token per quoted segment, so words inside quote marks never act as cues).

use crate::text::{words_at, Span};

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
    /// From the opening mark to the closing mark inclusive (or the paragraph's end).
    pub outer: Span,
    pub inner: Span,
    pub closed: bool,
}

/// Finds quoted segments in `span` of `text`: curly “…” and straight "…" marks. Single quotes
/// are apostrophes in this corpus's style and never open a quotation.
pub fn segments(text: &str, span: Span, paragraph: usize) -> Vec<Segment> {
    let s = span.slice(text);
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (position of mark, its length)
    for (i, c) in s.char_indices() {
        let at = span.start + i;
        match c {
            '“' | '„' => open = Some((at, c.len_utf8())),
            '”' => {
                if let Some((o, len)) = open.take() {
                    out.push(Segment {
                        paragraph,
                        outer: Span::new(o, at + c.len_utf8()),
                        inner: Span::new(o + len, at),
                        closed: true,
                    });
                }
            }
            '"' => match open.take() {
                Some((o, len)) => out.push(Segment {
                    paragraph,
                    outer: Span::new(o, at + 1),
                    inner: Span::new(o + len, at),
                    closed: true,
                }),
                None => open = Some((at, 1)),
            },
            _ => {}
        }
    }
    if let Some((o, len)) = open {
        out.push(Segment {
            paragraph,
            outer: Span::new(o, span.end),
            inner: Span::new(o + len, span.end),
            closed: false,
        });
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
            out.push(Token { kind: Tok::Word, text: w.text, span: w.span });
            cursor = w.span.end;
        }
        push_punct(text, Span::new(cursor, piece.end), &mut out);
    }
    out
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
    fn quotes_become_single_tokens() {
        let t = "“Q,” he says.";
        let segs = segments(t, Span::new(0, t.len()), 0);
        let toks = tokens(t, Span::new(0, t.len()), &[(0, segs[0])]);
        let kinds: Vec<Tok> = toks.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [Tok::Quote(0), Tok::Word, Tok::Word, Tok::Punct('.')]);
    }
}
