//! The timeline: dated events the articles report, in order, with their sources.
//!
//! A body sentence carrying a resolved date (see [`dates`]) is an event: its date at the
//! precision the text allows, the verbatim sentence (a span of the article), the people and
//! places it names, and whether it is planned. Reports of the same event by several articles
//! (same date and precision, shared key words) merge into one event with several citations.
//! Page chrome (scrape dates, copyright years) never becomes an event: only body paragraphs
//! are read. [`lines`] prepares the short excerpts the Discord `/timeline` shows.

pub mod dates;

use std::collections::BTreeSet;

use serde::Serialize;

pub use dates::{Precision, When};

use crate::answer::{Attribution, Citation, Item, ItemKind};
use crate::corpus::{Corpus, ParaKind};
use crate::engine::Library;
use crate::error::{Error, Result};
use crate::index::SearchIndex;
use crate::quotes::Extraction;
use crate::text::{fold, is_stopword, Span};

/// Places the articles name, for event metadata and topic filters.
const PLACES: &[&str] = &[
    "Moscow",
    "Beijing",
    "Harbin",
    "Uzbekistan",
    "Samarkand",
    "Ukraine",
    "Kyiv",
    "Kiev",
    "Kharkiv",
    "China",
    "Russia",
    "Taiwan",
    "Taipei",
    "France",
    "Paris",
    "Washington",
    "Shanghai",
    "Hong Kong",
    "Europe",
    "Iran",
    "Saudi Arabia",
    "India",
    "Japan",
    "Seoul",
    "Riga",
    "Latvia",
    "Africa",
    "Latin America",
    "United States",
    "Astana",
    "Kazakhstan",
    "Vladivostok",
    "Siberia",
    "Crimea",
    "Kremlin",
    "Great Hall of the People",
    "Brussels",
    "London",
    "Tokyo",
];

/// One report of an event: where it is printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub article: usize,
    pub paragraph: usize,
    pub sentence: Span,
    /// The temporal expression that dates the event.
    pub expr: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub when: When,
    /// The text says it is scheduled, expected or planned.
    pub planned: bool,
    /// The first report first.
    pub reports: Vec<Report>,
    pub people: Vec<String>,
    pub places: Vec<String>,
    /// Folded content words of all reports, for merging and topic filters.
    words: BTreeSet<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Timeline {
    pub events: Vec<Event>,
}

fn stem(w: &str) -> String {
    let w = fold(w);
    let w = w.trim_end_matches("'s");
    for suffix in ["ing", "ed", "es", "s"] {
        if w.len() > suffix.len() + 3 {
            if let Some(s) = w.strip_suffix(suffix) {
                return s.to_string();
            }
        }
    }
    w.to_string()
}

fn content_words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|w| w.len() > 1 && !is_stopword(&fold(w)) && !is_date_word(&fold(w)))
        .map(stem)
        .collect()
}

/// Words of dates themselves: every event has them, so they say nothing about which one.
fn is_date_word(w: &str) -> bool {
    const WORDS: &[&str] =
        &["week", "month", "year", "day", "today", "yesterday", "last", "next", "earlier", "later", "ago"];
    let w = w.trim_end_matches("'s");
    WORDS.contains(&w) || crate::text::is_calendar_word(w) || w.chars().all(|c| c.is_ascii_digit())
}

impl Timeline {
    pub fn build(corpus: &Corpus, ex: &Extraction) -> Timeline {
        let mut events: Vec<Event> = Vec::new();
        for (ai, a) in corpus.articles.iter().enumerate() {
            let pub_date = a.meta.published;
            for p in a.paragraphs.iter().filter(|p| p.kind == ParaKind::Body) {
                for s in &p.sentences {
                    let text = a.slice(*s);
                    let planned_words = dates::is_future(text);
                    let mut seen: Vec<When> = Vec::new();
                    for x in dates::find(text, s.start, pub_date) {
                        if seen.contains(&x.when) {
                            continue;
                        }
                        seen.push(x.when);
                        let planned = planned_words && x.when.end() >= pub_date;
                        // The future of an article is only reported as a plan.
                        if x.when.after(pub_date) && !planned {
                            continue;
                        }
                        let people: Vec<String> = ex
                            .people
                            .all()
                            .iter()
                            .filter(|person| {
                                let f = fold(text);
                                f.contains(&fold(&person.name))
                                    || f.split(|c: char| !c.is_alphanumeric()).any(|w| w == person.surname())
                            })
                            .map(|person| person.name.clone())
                            .collect();
                        let places: Vec<String> =
                            PLACES.iter().filter(|pl| contains_word(text, pl)).map(|pl| pl.to_string()).collect();
                        let ev = Event {
                            when: x.when,
                            planned,
                            reports: vec![Report { article: ai, paragraph: p.index, sentence: *s, expr: x.span }],
                            people,
                            places,
                            words: content_words(text),
                        };
                        merge_or_push(&mut events, ev);
                    }
                }
            }
        }
        events.sort_by(|a, b| a.when.start.cmp(&b.when.start).then(a.when.precision.cmp(&b.when.precision)));
        Timeline { events }
    }

    /// Events passing `filter`, in order.
    pub fn select(&self, filter: &Filter) -> Vec<&Event> {
        self.events.iter().filter(|e| filter.accepts(e)).collect()
    }
}

fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().last();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Same date and precision, from another article, sharing enough key words: one event.
fn merge_or_push(events: &mut Vec<Event>, ev: Event) {
    let same = events.iter_mut().find(|e| {
        e.when == ev.when && !e.reports.iter().any(|r| r.article == ev.reports[0].article) && {
            let shared = e.words.intersection(&ev.words).count();
            let smaller = e.words.len().min(ev.words.len()).max(1);
            let by_words = shared >= 3 && (shared >= 5 || shared * 3 >= smaller);
            // On one day, the same person in the same (specific) place is the same event,
            // whether one article reports it done and another as planned.
            let same_person = e.people.iter().any(|p| ev.people.contains(p));
            let same_place =
                e.places.iter().any(|p| ev.places.contains(p) && !matches!(p.as_str(), "China" | "Russia" | "Ukraine"));
            by_words || (e.when.precision == Precision::Day && same_person && same_place)
        }
    });
    match same {
        Some(e) => {
            // Planned only while every report speaks of it as a plan.
            e.planned &= ev.planned;
            e.reports.extend(ev.reports);
            e.words.extend(ev.words);
            for p in ev.people {
                if !e.people.contains(&p) {
                    e.people.push(p);
                }
            }
            for p in ev.places {
                if !e.places.contains(&p) {
                    e.places.push(p);
                }
            }
        }
        None => events.push(ev),
    }
}

/// Which events to show: topic words (all must appear) and a date range.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub topic: Vec<String>,
    pub from: Option<When>,
    pub to: Option<When>,
}

impl Filter {
    /// Parses the user's words; a date that is not `YYYY[-MM[-DD]]` is [`Error::BadDate`].
    pub fn parse(topic: Option<&str>, from: Option<&str>, to: Option<&str>) -> Result<Filter> {
        let date = |s: Option<&str>| -> Result<Option<When>> {
            match s.map(str::trim).filter(|s| !s.is_empty()) {
                None => Ok(None),
                Some(s) => When::parse(s).map(Some).ok_or_else(|| Error::BadDate(s.chars().take(40).collect())),
            }
        };
        let topic = topic
            .map(|t| content_words(&t.chars().take(200).collect::<String>()).into_iter().collect())
            .unwrap_or_default();
        Ok(Filter { topic, from: date(from)?, to: date(to)? })
    }

    fn accepts(&self, e: &Event) -> bool {
        if self.from.is_some_and(|f| e.when.end() < f.start) || self.to.is_some_and(|t| e.when.start > t.end()) {
            return false;
        }
        let extra: BTreeSet<String> = e.people.iter().chain(&e.places).flat_map(|n| content_words(n)).collect();
        self.topic.iter().all(|t| {
            e.words.contains(t)
                || extra.contains(t)
                || e.words
                    .iter()
                    .any(|w| w.len() >= 5 && t.len() >= 5 && (w.starts_with(t.as_str()) || t.starts_with(w.as_str())))
        })
    }
}

fn citation_json(lib: &Library, r: &Report) -> serde_json::Value {
    let c = lib.citation(r.article);
    serde_json::json!({
        "id": c.id, "title": c.title, "outlet": c.outlet, "published": c.published, "url": c.url,
        "text": lib.text(r.article, r.sentence), "span": [r.sentence.start, r.sentence.end], "paragraph": r.paragraph,
    })
}

/// `{"events": [{"date", "precision", "text", "planned", "people", "places", "document", "citations"}]}`.
pub fn render_json(lib: &Library, events: &[&Event]) -> String {
    let list: Vec<serde_json::Value> = events
        .iter()
        .map(|e| {
            let first = &e.reports[0];
            serde_json::json!({
                "date": e.when.label(),
                "precision": e.when.precision,
                "text": lib.text(first.article, first.sentence),
                "planned": e.planned,
                "people": e.people,
                "places": e.places,
                "document": lib.citation(first.article),
                "citations": e.reports.iter().map(|r| citation_json(lib, r)).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({ "events": list })).expect("events serialize")
}

/// A readable list for the terminal.
pub fn render_text(lib: &Library, events: &[&Event]) -> String {
    if events.is_empty() {
        return "No dated events match.\n".into();
    }
    let mut out = String::new();
    for e in events {
        let first = &e.reports[0];
        let plan = if e.planned { " (planned)" } else { "" };
        out.push_str(&format!("{:<10}{plan}  {}\n", e.when.label(), lib.text(first.article, first.sentence)));
        for r in &e.reports {
            out.push_str(&format!("            — {}\n", crate::render::citation_line(&lib.citation(r.article))));
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
    /// The sentence's start, cut at a word boundary; `cut` says whether it was cut.
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

pub fn lines(lib: &Library, events: &[&Event]) -> TimelineView {
    let mut sources: Vec<Citation> = Vec::new();
    let mut out = Vec::new();
    for e in events {
        let first = &e.reports[0];
        let text = lib.text(first.article, first.sentence);
        let (excerpt, cut) = if text.chars().count() <= EXCERPT_CHARS {
            (text.to_string(), false)
        } else {
            let head: String = text.chars().take(EXCERPT_CHARS).collect();
            let at = head.rfind(' ').unwrap_or(head.len());
            (head[..at].trim_end_matches([',', ';', ' ']).to_string(), true)
        };
        let mut cites = Vec::new();
        for r in &e.reports {
            let c = lib.citation(r.article);
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

/// Up to twelve words either side of `[start, end)` in `text`, the clause a date belongs to.
fn window(text: &str, start: usize, end: usize) -> &str {
    const WORDS: usize = 12;
    let before = &text[..start];
    let from = before.char_indices().rev().filter(|(_, c)| c.is_whitespace()).nth(WORDS).map_or(0, |(i, _)| i);
    let after = &text[end..];
    let to = after.char_indices().filter(|(_, c)| c.is_whitespace()).nth(WORDS).map_or(text.len(), |(i, _)| end + i);
    &text[from..to]
}

/// Answers a "when" question: events whose words best match the topic, with their date.
pub fn when(lib: &Library, _index: &SearchIndex, topic: &str, max: usize) -> Result<Vec<Item>> {
    let asked: BTreeSet<String> = content_words(topic)
        .into_iter()
        .filter(|w| !matches!(w.as_str(), "happen" | "take" | "place" | "date" | "year" | "month" | "day"))
        .collect();
    if asked.is_empty() {
        return Ok(Vec::new());
    }
    let matches = |t: &String, words: &BTreeSet<String>| {
        words.contains(t)
            || words
                .iter()
                .any(|w| w.len() >= 5 && t.len() >= 5 && (w.starts_with(t.as_str()) || t.starts_with(w.as_str())))
    };
    let mut scored: Vec<(f32, &Event, &Report)> = Vec::new();
    for e in &lib.timeline.events {
        let extra: BTreeSet<String> = e.people.iter().chain(&e.places).flat_map(|n| content_words(n)).collect();
        let hits = asked.iter().filter(|t| matches(t, &e.words) || extra.contains(*t)).count();
        let cover = hits as f32 / asked.len() as f32;
        if cover < 0.5 {
            continue;
        }
        // The date must belong to what was asked: count the asked words near the expression
        // ("Xi visited Moscow in March last year"), not anywhere in a long sentence.
        let (near, report) = e
            .reports
            .iter()
            .map(|r| {
                let around = window(
                    lib.text(r.article, r.sentence),
                    r.expr.start - r.sentence.start,
                    r.expr.end - r.sentence.start,
                );
                let words = content_words(around);
                (asked.iter().filter(|t| matches(t, &words)).count() as f32 / asked.len() as f32, r)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .expect("an event has a report");
        let score = cover + near + 0.01 * e.when.precision as u8 as f32 + 0.001 * e.reports.len() as f32;
        scored.push((score, e, report));
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    // One sentence once, with its best-matching date.
    let mut seen: Vec<(usize, Span)> = Vec::new();
    scored.retain(|(_, _, r)| {
        let key = (r.article, r.sentence);
        let new = !seen.contains(&key);
        seen.push(key);
        new
    });
    let mut items = Vec::new();
    for (score, e, r) in scored.into_iter().take(max) {
        items.push(Item {
            kind: ItemKind::Passage,
            text: lib.text(r.article, r.sentence).to_string(),
            speaker: None,
            attribution: Attribution::Narration,
            document: lib.citation(r.article),
            paragraph: r.paragraph,
            span: r.sentence,
            date: Some(e.when.label()),
            score,
        });
    }
    Ok(items)
}
