//! "When" questions: timeline entries whose words best match the topic, each answered by the
//! clause its date modifies and that date. Candidates come from the index (entries that share
//! an asked word); how telling each word is comes from how many entries have it.

use std::collections::BTreeSet;

use super::{Attribution, Item, ItemKind};
use crate::error::Result;
use crate::index::{EventQuery, EventWord};
use crate::store::Store;
use crate::text::Span;
use crate::timeline::{content_words, word_fits, Event, Report, When};

/// At most this many entries are weighed per question, whatever the corpus: those the index
/// scores best for the asked words (the entries sharing more and rarer words).
const CANDIDATES: usize = 100;

/// Answers a "when" question: events whose words best match the topic, with their date.
pub fn when(lib: &Store, topic: &str, max: usize) -> Result<Vec<Item>> {
    let asked: BTreeSet<String> = content_words(topic)
        .into_iter()
        .filter(|w| !matches!(w.as_str(), "happen" | "take" | "place" | "date" | "year" | "month" | "day"))
        .collect();
    if asked.is_empty() {
        return Ok(Vec::new());
    }
    let query_words: Vec<EventWord> = asked.iter().map(|w| EventWord { word: w.clone(), loose: true }).collect();
    // A word most events share ("Xi", "visit") tells less about which one was asked for
    // than a rare one ("France"): each asked word weighs by how few events have it.
    let mut weight: Vec<(String, f32)> = Vec::with_capacity(asked.len());
    for w in &query_words {
        let df = lib.index.count_events(w)?;
        weight.push((w.word.clone(), 1.0 / (1.0 + df as f32).sqrt()));
    }
    let total: f32 = weight.iter().map(|(_, w)| w).sum();
    let mut events: Vec<Event> = lib
        .entries(&EventQuery { any: query_words, limit: CANDIDATES, ..EventQuery::default() })?
        .into_iter()
        .map(|(_, e)| e)
        .collect();
    // Timeline order first, so equal scores keep it.
    crate::timeline::sort(&mut events);
    let matches = |t: &String, words: &BTreeSet<String>| words.iter().any(|w| word_fits(t, w));
    let mut scored: Vec<(f32, &Event, &Report)> = Vec::new();
    // Reports of one entry often share their clause (one wire story in many papers): each
    // distinct clause is read once.
    let mut near_of: std::collections::HashMap<&str, f32> = std::collections::HashMap::new();
    for e in &events {
        // The names' words are read only if some asked word is not among the event's own: an
        // entry many reports merged into names many people and places.
        let extras = std::cell::OnceCell::new();
        let has = |t: &String| matches(t, &e.words) || extras.get_or_init(|| e.extras()).contains(t);
        let hits = asked.iter().filter(|t| has(t)).count();
        if (hits as f32 / asked.len() as f32) < 0.5 {
            continue;
        }
        let cover = weight.iter().filter(|(t, _)| has(t)).map(|(_, w)| w).sum::<f32>() / total;
        // The date must belong to what was asked: count the asked words in the clause the
        // date modifies ("Xi visited Moscow in March last year"), the report that best says it.
        let (near, report) = e
            .reports
            .iter()
            .map(|r| {
                let near = *near_of.entry(r.clause_text.as_str()).or_insert_with(|| {
                    let words = content_words(&r.clause_text);
                    weight.iter().filter(|(t, _)| matches(t, &words)).map(|(_, w)| w).sum::<f32>() / total
                });
                (near, r)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .expect("an event has a report");
        let score = cover + near + 0.01 * e.when.precision as u8 as f32 + 0.001 * e.reports.len() as f32;
        scored.push((score, e, report));
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    // One sentence once, with its best-matching date.
    let mut seen: Vec<(&str, Span)> = Vec::new();
    scored.retain(|(_, _, r)| {
        let key = (r.article.as_str(), r.sentence);
        let new = !seen.contains(&key);
        seen.push(key);
        new
    });
    Ok(scored.into_iter().take(max).map(|(score, e, r)| dated_clause(lib, e, r, score)).collect())
}

/// An entry as an answer: the clause its date modifies, in one report, with that date.
fn dated_clause(lib: &Store, e: &Event, r: &Report, score: f32) -> Item {
    Item {
        pieces: Vec::new(),
        fragment: false,
        kind: ItemKind::Passage,
        text: r.clause_text.clone(),
        speaker: None,
        attribution: Attribution::Narration,
        document: lib.citation(&r.article),
        paragraph: r.paragraph,
        span: r.clause,
        date: Some(e.when.label()),
        score,
    }
}

/// At most this many of a period's entries are weighed (a busy month at 100,000 articles has
/// thousands): the index's first, which the order below then sorts.
const PERIOD_CANDIDATES: usize = 500;

/// Answers "what happened in <period>": the entries dated within it, those more reports
/// carry first (what most articles tell is what happened), then the more precisely dated,
/// then in date order; never what was only planned.
pub fn during(lib: &Store, period: &When, max: usize) -> Result<Vec<Item>> {
    let (from, to) = (crate::store::days(period.start), crate::store::days(period.end()));
    let q = EventQuery { from: Some(from), to: Some(to), limit: PERIOD_CANDIDATES, ..EventQuery::default() };
    let mut events: Vec<Event> = lib
        .entries(&q)?
        .into_iter()
        .map(|(_, e)| e)
        .filter(|e| !e.planned && e.when.start >= period.start && e.when.end() <= period.end())
        .collect();
    crate::timeline::sort(&mut events);
    events.sort_by(|a, b| b.reports.len().cmp(&a.reports.len()).then(b.when.precision.cmp(&a.when.precision)));
    Ok(events.iter().take(max).map(|e| dated_clause(lib, e, &e.reports[0], e.reports.len() as f32)).collect())
}
