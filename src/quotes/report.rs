//! The attribution audit: every extracted quote with its speaker (or none), the cue and the
//! sieve that decided it, and its spans — what `summitbot quotes` prints after an `/ingest`, what
//! the Discord reply to `/ingest` summarises, and what evaluations read.

use serde::{Deserialize, Serialize};

use super::{Cue, Kind, People, Quote};
use crate::text::Span;

/// One quote as the audit shows it. `text` is `article.text[span]`; `parts` are the interiors
/// of the quote marks. Spans are `[start, end)` byte offsets into the article text (after its
/// header), written as two-element arrays like those of `ask --json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRow {
    pub article: String,
    pub paragraph: usize,
    pub text: String,
    pub span: [usize; 2],
    pub parts: Vec<[usize; 2]>,
    pub speaker: Option<String>,
    pub speaker_kind: Option<Kind>,
    pub cue: Cue,
    pub cue_text: Option<String>,
    pub cue_span: Option<[usize; 2]>,
    pub rule: String,
}

/// The audit row of one quote of `a`, or `None` for a transcript turn.
pub fn row(a: &crate::corpus::Article, q: &Quote, people: &People) -> Option<QuoteRow> {
    if q.cue == Cue::Turn {
        return None;
    }
    let speaker = q.speaker.map(|id| people.get(id));
    Some(QuoteRow {
        article: q.article.clone(),
        paragraph: q.paragraph,
        text: a.slice(q.span).to_string(),
        span: pair(q.span),
        parts: q.parts.iter().copied().map(pair).collect(),
        speaker: speaker.map(|p| p.display_name()),
        speaker_kind: speaker.map(|p| p.kind),
        cue: q.cue,
        cue_text: q.cue_span.map(|s| a.slice(s).to_string()),
        cue_span: q.cue_span.map(pair),
        rule: q.rule.to_string(),
    })
}

fn pair(s: Span) -> [usize; 2] {
    [s.start, s.end]
}

/// How many quotes each speaker got, most first, then the unattributed count: the one-line
/// summary an admin sees after adding an article.
pub fn summary(rows: &[QuoteRow]) -> (Vec<(String, usize)>, usize) {
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut nobody = 0;
    for r in rows {
        match &r.speaker {
            Some(s) => match counts.iter_mut().find(|(n, _)| n == s) {
                Some(c) => c.1 += 1,
                None => counts.push((s.clone(), 1)),
            },
            None => nobody += 1,
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    (counts, nobody)
}
