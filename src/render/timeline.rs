//! The timeline as text for a terminal, as JSON, and as the short lines the Discord
//! `/timeline` shows. Every event's words are its clause exactly as the article prints it.

use serde::Serialize;

use crate::store::{Citation, Store};
use crate::timeline::{Event, Report};

fn citation_json(lib: &Store, r: &Report) -> serde_json::Value {
    let c = lib.citation(&r.article);
    serde_json::json!({
        "id": c.id, "title": c.title, "outlet": c.outlet, "published": c.published, "url": c.url,
        "text": r.clause_text, "span": [r.clause.start, r.clause.end], "paragraph": r.paragraph,
        "clause": [r.clause.start, r.clause.end], "sentence": [r.sentence.start, r.sentence.end],
        "sentence_text": r.sentence_text,
    })
}

/// `{"events": [{"date", "precision", "text", "clause", "sentence", "sentence_text", "planned",
/// "people", "places", "document", "citations"}]}`. `text` is the event's clause, exactly the
/// article text at `clause`; `sentence_text` (at `sentence`) is there for context.
pub fn render_json(lib: &Store, events: &[Event]) -> String {
    let list: Vec<serde_json::Value> = events
        .iter()
        .map(|e| {
            let first = &e.reports[0];
            serde_json::json!({
                "date": e.when.label(),
                "precision": e.when.precision,
                "text": first.clause_text,
                "clause": [first.clause.start, first.clause.end],
                "sentence": [first.sentence.start, first.sentence.end],
                "sentence_text": first.sentence_text,
                "planned": e.planned,
                "people": e.people,
                "places": e.places,
                "document": lib.citation(&first.article),
                "citations": e.reports.iter().map(|r| citation_json(lib, r)).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({ "events": list })).expect("events serialize")
}

/// A readable list for the terminal.
pub fn render_text(lib: &Store, events: &[Event]) -> String {
    if events.is_empty() {
        return "No dated events match.\n".into();
    }
    let mut out = String::new();
    for e in events {
        let first = &e.reports[0];
        let plan = if e.planned { " (planned)" } else { "" };
        out.push_str(&format!("{:<10}{plan}  {}\n", e.when.label(), first.clause_text));
        for r in &e.reports {
            out.push_str(&format!("            — {}\n", super::citation_line(&lib.citation(&r.article))));
        }
    }
    out
}

/// One line of the Discord timeline: a date, a short verbatim excerpt, and citation numbers
/// into [`TimelineView::sources`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineLine {
    pub date: String,
    pub planned: bool,
    /// The event's clause, cut at a word boundary; `cut` says whether it was cut.
    pub excerpt: String,
    pub cut: bool,
    pub citations: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineView {
    pub lines: Vec<TimelineLine>,
    /// Numbered from 1 in `citations`.
    pub sources: Vec<Citation>,
}

/// The excerpt length for one timeline line.
pub const EXCERPT_CHARS: usize = 160;

pub fn lines(lib: &Store, events: &[Event]) -> TimelineView {
    let mut sources: Vec<Citation> = Vec::new();
    let mut out = Vec::new();
    for e in events {
        let first = &e.reports[0];
        let text = first.clause_text.as_str();
        let (excerpt, cut) = if text.chars().count() <= EXCERPT_CHARS {
            (text.to_string(), false)
        } else {
            let head: String = text.chars().take(EXCERPT_CHARS).collect();
            let at = head.rfind(' ').unwrap_or(head.len());
            (head[..at].trim_end_matches([',', ';', ' ']).to_string(), true)
        };
        let mut cites = Vec::new();
        for r in &e.reports {
            let c = lib.citation(&r.article);
            let n = match sources.iter().position(|s| s.id == c.id) {
                Some(i) => i + 1,
                None => {
                    sources.push(c);
                    sources.len()
                }
            };
            if !cites.contains(&n) {
                cites.push(n);
            }
        }
        out.push(TimelineLine { date: e.when.label(), planned: e.planned, excerpt, cut, citations: cites });
    }
    TimelineView { lines: out, sources }
}
