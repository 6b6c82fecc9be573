//! The timeline: dated events the articles report, in order, with their sources.
//!
//! A resolved date (see [`dates`]) in a body sentence dates one clause of it (see [`clause`]):
//! that clause, a verbatim span of the article, is the event's words, shown with the sentence
//! for context; dates that only anchor a comparison, bound a stretch of time or set a target
//! make no event. An event has its date at the precision the text allows, the people and
//! places its clause names, and whether it is planned. Two dates of one sentence, one within
//! the other, are one event at the finer date. Reports of the same event (same period or one
//! inside it, shared words, or the same person in the same place) merge into one entry with
//! several citations at the most precise date any report gives; merging looks only into
//! buckets keyed by period, never at all pairs. Page chrome (scrape dates, copyright years)
//! never becomes an event: only body paragraphs are read. [`lines`] prepares the short
//! excerpts the Discord `/timeline` shows.

pub mod clause;
pub mod dates;

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};

use serde::Serialize;

pub use clause::Role;
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
    /// The clause the expression dates (inside `sentence`): the words shown for the event.
    pub clause: Span,
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
    /// Folded content words of all reports' clauses, for topic filters.
    words: BTreeSet<String>,
    /// The same without people's names, for telling whether two reports are one event.
    key_words: BTreeSet<String>,
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
    /// Reads every body sentence once and merges reports through buckets keyed by period, so
    /// the work grows with the corpus (times the few reports that share a period), never with
    /// all pairs of reports.
    pub fn build(corpus: &Corpus, ex: &Extraction) -> Timeline {
        let mut reports: Vec<Event> = Vec::new();
        for (ai, a) in corpus.articles.iter().enumerate() {
            let pub_date = a.meta.published;
            for p in a.paragraphs.iter().filter(|p| p.kind == ParaKind::Body) {
                for s in &p.sentences {
                    let text = a.slice(*s);
                    // Dates of one sentence, one within the other ("this week" … "ended Friday"),
                    // are one event at the finer date: the sentence is listed once.
                    let mut here: Vec<(When, Report)> = Vec::new();
                    for x in dates::find(text, s.start, pub_date) {
                        let loc = clause::locate(text, s.start, x.span);
                        if loc.role != Role::Event {
                            continue;
                        }
                        let r =
                            Report { article: ai, paragraph: p.index, sentence: *s, clause: loc.clause, expr: x.span };
                        match here.iter_mut().find(|(w, _)| nested(*w, x.when)) {
                            Some((w, known)) => {
                                if x.when.precision > w.precision {
                                    *w = x.when;
                                    known.expr = x.span;
                                }
                                known.clause = Span::new(
                                    known.clause.start.min(loc.clause.start),
                                    known.clause.end.max(loc.clause.end),
                                );
                            }
                            None => here.push((x.when, r)),
                        }
                    }
                    for (when, r) in here {
                        let clause_text = a.slice(r.clause);
                        let planned = dates::is_future(clause_text) && when.end() >= pub_date;
                        // The future of an article is only reported as a plan.
                        if when.after(pub_date) && !planned {
                            continue;
                        }
                        reports.push(event(ex, when, planned, r, clause_text));
                    }
                }
            }
        }
        let mut events = merge(reports);
        events.sort_by(|a, b| {
            a.when.start.cmp(&b.when.start).then(a.when.precision.cmp(&b.when.precision)).then_with(|| {
                let (x, y) = (&a.reports[0], &b.reports[0]);
                (x.article, x.clause.start).cmp(&(y.article, y.clause.start))
            })
        });
        Timeline { events }
    }

    /// Events passing `filter`, in order.
    pub fn select(&self, filter: &Filter) -> Vec<&Event> {
        self.events.iter().filter(|e| filter.accepts(e)).collect()
    }
}

/// Whether one period lies within the other.
fn nested(a: When, b: When) -> bool {
    (a.start <= b.start && b.end() <= a.end()) || (b.start <= a.start && a.end() <= b.end())
}

/// One report as an event of its own: the people, places and words of its clause.
fn event(ex: &Extraction, when: When, planned: bool, r: Report, clause_text: &str) -> Event {
    let f = fold(clause_text);
    let people: Vec<String> = ex
        .people
        .all()
        .iter()
        .filter(|person| {
            f.contains(&fold(&person.name)) || f.split(|c: char| !c.is_alphanumeric()).any(|w| w == person.surname())
        })
        .map(|person| person.name.clone())
        .collect();
    let places: Vec<String> =
        PLACES.iter().filter(|pl| contains_word(clause_text, pl)).map(|pl| pl.to_string()).collect();
    let words = content_words(clause_text);
    // Names say who, not what happened: every report about the same two leaders shares them.
    let names: BTreeSet<String> = people.iter().flat_map(|n| content_words(n)).collect();
    let key_words = words.difference(&names).cloned().collect();
    Event { when, planned, reports: vec![r], people, places, words, key_words }
}

fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().last();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Bucket keys under which an event is found: its own period and every coarser period
/// that contains it (a day is found from its month and its year).
fn keys(w: When) -> Vec<(Precision, NaiveDate)> {
    let mut out = vec![(w.precision, w.start)];
    if w.precision > Precision::Month {
        out.extend(When::month(w.start.year(), w.start.month()).map(|m| (m.precision, m.start)));
    }
    if w.precision > Precision::Year {
        out.extend(When::year(w.start.year()).map(|y| (y.precision, y.start)));
    }
    out
}

/// Merges reports of the same event into one entry at the most precise date any of them
/// gives. Reports are taken finest date first; each looks only into the bucket of its own
/// period, which holds the entries at that period or inside it.
fn merge(mut reports: Vec<Event>) -> Vec<Event> {
    reports.sort_by(|a, b| {
        b.when.precision.cmp(&a.when.precision).then(a.when.start.cmp(&b.when.start)).then_with(|| {
            let (x, y) = (&a.reports[0], &b.reports[0]);
            (x.article, x.clause.start).cmp(&(y.article, y.clause.start))
        })
    });
    let mut out: Vec<Event> = Vec::new();
    let mut buckets: HashMap<(Precision, NaiveDate), Vec<usize>> = HashMap::new();
    for ev in reports {
        let found = buckets
            .get(&(ev.when.precision, ev.when.start))
            .and_then(|ids| ids.iter().copied().find(|&i| same_event(&out[i], &ev)));
        match found {
            Some(i) => absorb(&mut out[i], ev),
            None => {
                for k in keys(ev.when) {
                    buckets.entry(k).or_default().push(out.len());
                }
                out.push(ev);
            }
        }
    }
    out
}

/// Whether `ev` (one report) tells of the event `e` already holds, at the same or a
/// coarser date.
fn same_event(e: &Event, ev: &Event) -> bool {
    let r = &ev.reports[0];
    // An article that names one event twice at the same precision tells two things about
    // it (the trip; the speech on the trip); a vaguer mention of it later is the same one.
    let same_article = e.reports.iter().any(|x| x.article == r.article);
    if same_article && e.when.precision == ev.when.precision {
        return false;
    }
    let shared = e.key_words.intersection(&ev.key_words).count();
    // Within one article, a vaguer mention joins only when it adds nothing: "with Xi's trip
    // to Moscow last year and the Russian leader traveling to China seven months later …"
    // tells of a second trip the precise report does not.
    if same_article {
        return shared * 3 >= ev.key_words.len().max(1) * 2;
    }
    let smaller = e.key_words.len().min(ev.key_words.len()).max(1);
    let by_words = shared >= 5 || (shared >= 3 && shared * 3 >= smaller) || (shared >= 2 && shared * 3 >= smaller * 2);
    // The same person in the same (specific) place in the same period is the same event,
    // whether one article reports it done and another as planned.
    let same_person = e.people.iter().any(|p| ev.people.contains(p));
    let same_place =
        e.places.iter().any(|p| ev.places.contains(p) && !matches!(p.as_str(), "China" | "Russia" | "Ukraine"));
    by_words || (same_person && same_place)
}

fn absorb(e: &mut Event, ev: Event) {
    // Planned only while every report speaks of it as a plan.
    e.planned &= ev.planned;
    e.reports.extend(ev.reports);
    e.words.extend(ev.words);
    e.key_words.extend(ev.key_words);
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
        "text": lib.text(r.article, r.clause), "span": [r.clause.start, r.clause.end], "paragraph": r.paragraph,
        "clause": [r.clause.start, r.clause.end], "sentence": [r.sentence.start, r.sentence.end],
        "sentence_text": lib.text(r.article, r.sentence),
    })
}

/// `{"events": [{"date", "precision", "text", "clause", "sentence", "sentence_text", "planned",
/// "people", "places", "document", "citations"}]}`. `text` is the event's clause, exactly the
/// article text at `clause`; `sentence_text` (at `sentence`) is there for context.
pub fn render_json(lib: &Library, events: &[&Event]) -> String {
    let list: Vec<serde_json::Value> = events
        .iter()
        .map(|e| {
            let first = &e.reports[0];
            serde_json::json!({
                "date": e.when.label(),
                "precision": e.when.precision,
                "text": lib.text(first.article, first.clause),
                "clause": [first.clause.start, first.clause.end],
                "sentence": [first.sentence.start, first.sentence.end],
                "sentence_text": lib.text(first.article, first.sentence),
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
        out.push_str(&format!("{:<10}{plan}  {}\n", e.when.label(), lib.text(first.article, first.clause)));
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

pub fn lines(lib: &Library, events: &[&Event]) -> TimelineView {
    let mut sources: Vec<Citation> = Vec::new();
    let mut out = Vec::new();
    for e in events {
        let first = &e.reports[0];
        let text = lib.text(first.article, first.clause);
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
    let extras: Vec<BTreeSet<String>> = lib
        .timeline
        .events
        .iter()
        .map(|e| e.people.iter().chain(&e.places).flat_map(|n| content_words(n)).collect())
        .collect();
    let has = |t: &String, i: usize| matches(t, &lib.timeline.events[i].words) || extras[i].contains(t);
    // A word most events share ("Xi", "visit") tells less about which one was asked for
    // than a rare one ("France"): each asked word weighs by how few events have it.
    let weight: Vec<(String, f32)> = asked
        .iter()
        .map(|t| {
            let df = (0..lib.timeline.events.len()).filter(|&i| has(t, i)).count();
            (t.clone(), 1.0 / (1.0 + df as f32).sqrt())
        })
        .collect();
    let total: f32 = weight.iter().map(|(_, w)| w).sum();
    let mut scored: Vec<(f32, &Event, &Report)> = Vec::new();
    for (i, e) in lib.timeline.events.iter().enumerate() {
        let hits = asked.iter().filter(|t| has(t, i)).count();
        if (hits as f32 / asked.len() as f32) < 0.5 {
            continue;
        }
        let cover = weight.iter().filter(|(t, _)| has(t, i)).map(|(_, w)| w).sum::<f32>() / total;
        // The date must belong to what was asked: count the asked words in the clause the
        // date modifies ("Xi visited Moscow in March last year"), the report that best says it.
        let (near, report) = e
            .reports
            .iter()
            .map(|r| {
                let words = content_words(lib.text(r.article, r.clause));
                (weight.iter().filter(|(t, _)| matches(t, &words)).map(|(_, w)| w).sum::<f32>() / total, r)
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
            text: lib.text(r.article, r.clause).to_string(),
            speaker: None,
            attribution: Attribution::Narration,
            document: lib.citation(r.article),
            paragraph: r.paragraph,
            span: r.clause,
            date: Some(e.when.label()),
            score,
        });
    }
    Ok(items)
}
