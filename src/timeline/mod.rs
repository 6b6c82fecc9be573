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

use serde::{Deserialize, Serialize};

pub use clause::Role;
pub use dates::{Precision, When};

use crate::corpus::{Article, Corpus, ParaKind};
use crate::error::{Error, Result};
use crate::quotes::{Extraction, People};
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

/// One report of an event: where it is printed, with its words, so that showing an event
/// never needs the article again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The article's id.
    pub article: String,
    pub paragraph: usize,
    pub sentence: Span,
    /// The clause the expression dates (inside `sentence`): the words shown for the event.
    pub clause: Span,
    /// The temporal expression that dates the event.
    pub expr: Span,
    /// `article.text[clause]` and `article.text[sentence]`.
    pub clause_text: String,
    pub sentence_text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub when: When,
    /// The text says it is scheduled, expected or planned.
    pub planned: bool,
    /// The first report first.
    pub reports: Vec<Report>,
    pub people: Vec<String>,
    pub places: Vec<String>,
    /// Folded content words of all reports' clauses, for topic filters.
    pub words: BTreeSet<String>,
    /// The same without people's names, for telling whether two reports are one event
    /// (derived, so not stored: see [`Event::rekey`]).
    #[serde(skip)]
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

/// Folded, lightly stemmed content words (no stopwords, no date words): what topic filters
/// and "when" questions compare.
pub fn content_words(s: &str) -> BTreeSet<String> {
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

impl Event {
    /// Recomputes the key words (the content words that are not people's names).
    fn rekey(&mut self) {
        let names: BTreeSet<String> = self.people.iter().flat_map(|n| content_words(n)).collect();
        self.key_words = self.words.difference(&names).cloned().collect();
    }

    /// Content words of the event's people and places, which a topic may name.
    pub fn extras(&self) -> BTreeSet<String> {
        self.people.iter().chain(&self.places).flat_map(|n| content_words(n)).collect()
    }
}

/// Whether an asked word fits one of an event's words: equal, or for long words one a
/// prefix of the other (`sanction` and `sanctions`).
pub fn word_fits(asked: &str, word: &str) -> bool {
    asked == word || (word.len() >= 5 && asked.len() >= 5 && (word.starts_with(asked) || asked.starts_with(word)))
}

impl Timeline {
    /// Reads every body sentence once and merges reports through buckets keyed by period, so
    /// the work grows with the corpus (times the few reports that share a period), never with
    /// all pairs of reports.
    pub fn build(corpus: &Corpus, ex: &Extraction) -> Timeline {
        let reports = corpus.articles.iter().flat_map(|a| reports(a, &ex.people)).collect();
        Timeline { events: merge_reports(reports) }
    }

    /// Events passing `filter`, in order.
    pub fn select(&self, filter: &Filter) -> Vec<&Event> {
        self.events.iter().filter(|e| filter.accepts(e)).collect()
    }
}

/// The reports of one article, each an event of its own (one per sentence and date family),
/// in text order. Only body paragraphs are read: page chrome never dates anything.
pub fn reports(a: &Article, people: &People) -> Vec<Event> {
    let pub_date = a.meta.published;
    let mut out = Vec::new();
    for p in a.paragraphs.iter().filter(|p| p.kind == ParaKind::Body) {
        for s in &p.sentences {
            let text = a.slice(*s);
            // Dates of one sentence, one within the other ("this week" … "ended Friday"),
            // are one event at the finer date: the sentence is listed once.
            let mut here: Vec<(When, Span, Span, Span)> = Vec::new();
            for x in dates::find(text, s.start, pub_date) {
                let loc = clause::locate(text, s.start, x.span);
                if loc.role != Role::Event {
                    continue;
                }
                match here.iter_mut().find(|(w, ..)| nested(*w, x.when)) {
                    Some((w, clause, expr, _)) => {
                        if x.when.precision > w.precision {
                            *w = x.when;
                            *expr = x.span;
                        }
                        *clause = Span::new(clause.start.min(loc.clause.start), clause.end.max(loc.clause.end));
                    }
                    None => here.push((x.when, loc.clause, x.span, *s)),
                }
            }
            for (when, clause, expr, sentence) in here {
                let clause_text = a.slice(clause);
                let planned = dates::is_future(clause_text) && when.end() >= pub_date;
                // The future of an article is only reported as a plan.
                if when.after(pub_date) && !planned {
                    continue;
                }
                let r = Report {
                    article: a.id.clone(),
                    paragraph: p.index,
                    sentence,
                    clause,
                    expr,
                    clause_text: clause_text.to_string(),
                    sentence_text: a.slice(sentence).to_string(),
                };
                out.push(event(people, when, planned, r));
            }
        }
    }
    out
}

/// Reads again who a stored report names, against the registry as it is now (a later article
/// may have given a name in full): so that re-indexing some articles leaves the others' reports
/// as a full build would have them, without reading those articles.
pub fn refresh(report: Event, people: &People) -> Event {
    let Event { when, planned, mut reports, .. } = report;
    let r = reports.swap_remove(0);
    event(people, when, planned, r)
}

/// Merges one-report events of any number of articles into the timeline's entries, in
/// order (date, then precision, then first report's article and place).
pub fn merge_reports(reports: Vec<Event>) -> Vec<Event> {
    let mut events = merge(reports);
    sort(&mut events);
    events
}

/// Timeline order: date, then precision, then the first report's article and place.
pub fn sort(events: &mut [Event]) {
    events.sort_by(|a, b| {
        a.when.start.cmp(&b.when.start).then(a.when.precision.cmp(&b.when.precision)).then_with(|| {
            let (x, y) = (&a.reports[0], &b.reports[0]);
            (&x.article, x.clause.start).cmp(&(&y.article, y.clause.start))
        })
    });
}

/// Whether one period lies within the other.
fn nested(a: When, b: When) -> bool {
    (a.start <= b.start && b.end() <= a.end()) || (b.start <= a.start && a.end() <= b.end())
}

/// One report as an event of its own: the people, places and words of its clause. People are
/// found through the registry's word index (a clause word that is someone's name word), so
/// the cost follows the clause, not the number of people the corpus knows.
fn event(people: &People, when: When, planned: bool, r: Report) -> Event {
    let clause_text = r.clause_text.as_str();
    let f = fold(clause_text);
    let clause_words: Vec<&str> = f.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let mut ids: Vec<usize> = clause_words.iter().flat_map(|w| people.with_word(w).iter().copied()).collect();
    ids.sort_unstable();
    ids.dedup();
    let found: Vec<String> = ids
        .into_iter()
        .map(|id| people.get(id))
        .filter(|person| f.contains(&fold(&person.name)) || clause_words.iter().any(|w| *w == person.surname()))
        .map(|person| person.name.clone())
        .collect();
    let places: Vec<String> =
        PLACES.iter().filter(|pl| contains_word(clause_text, pl)).map(|pl| pl.to_string()).collect();
    let words = content_words(clause_text);
    // Names say who, not what happened: every report about the same two leaders shares them.
    let names: BTreeSet<String> = found.iter().flat_map(|n| content_words(n)).collect();
    let key_words = words.difference(&names).cloned().collect();
    Event { when, planned, reports: vec![r], people: found, places, words, key_words }
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
    // Reports read back from the store come without their derived key words.
    for r in reports.iter_mut().filter(|r| r.key_words.is_empty()) {
        r.rekey();
    }
    reports.sort_by(|a, b| {
        b.when.precision.cmp(&a.when.precision).then(a.when.start.cmp(&b.when.start)).then_with(|| {
            let (x, y) = (&a.reports[0], &b.reports[0]);
            (&x.article, x.clause.start).cmp(&(&y.article, y.clause.start))
        })
    });
    let mut out: Vec<Event> = Vec::new();
    // Entries by period and by what two reports of one event must share (a key word, or a
    // person: every merge rule of [`same_event`] needs one): a report is compared only with
    // entries of its period that share one, in the order they were made, never with every
    // entry of a busy year. Words and people are interned, so looking up allocates nothing.
    let mut words: HashMap<String, u32> = HashMap::new();
    let mut people: HashMap<String, u32> = HashMap::new();
    let mut buckets: HashMap<((Precision, NaiveDate), bool, u32), Vec<usize>> = HashMap::new();
    for ev in reports {
        let own = (ev.when.precision, ev.when.start);
        let by_word = ev.key_words.iter().filter_map(|w| words.get(w.as_str())).map(|&t| (own, false, t));
        let by_person = ev.people.iter().filter_map(|p| people.get(p.as_str())).map(|&t| (own, true, t));
        let mut candidates: Vec<usize> =
            by_word.chain(by_person).filter_map(|k| buckets.get(&k)).flat_map(|ids| ids.iter().copied()).collect();
        candidates.sort_unstable();
        candidates.dedup();
        let found = candidates.into_iter().find(|&i| same_event(&out[i], &ev));
        let (id, new_words, new_people): (usize, Vec<String>, Vec<String>) = match found {
            Some(i) => {
                let e = &out[i];
                let w = ev.key_words.iter().filter(|w| !e.key_words.contains(*w)).cloned().collect();
                let p = ev.people.iter().filter(|p| !e.people.contains(p)).cloned().collect();
                absorb(&mut out[i], ev);
                (i, w, p)
            }
            None => {
                let w = ev.key_words.iter().cloned().collect();
                let p = ev.people.clone();
                out.push(ev);
                (out.len() - 1, w, p)
            }
        };
        let periods = keys(out[id].when);
        for (is_person, tag) in
            new_words.into_iter().map(|w| (false, w)).chain(new_people.into_iter().map(|p| (true, p)))
        {
            let table = if is_person { &mut people } else { &mut words };
            let next = table.len() as u32;
            let t = *table.entry(tag).or_insert(next);
            for &k in &periods {
                buckets.entry((k, is_person, t)).or_default().push(id);
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

    pub fn accepts(&self, e: &Event) -> bool {
        if self.from.is_some_and(|f| e.when.end() < f.start) || self.to.is_some_and(|t| e.when.start > t.end()) {
            return false;
        }
        let extra = e.extras();
        self.topic.iter().all(|t| {
            e.words.contains(t)
                || extra.contains(t)
                || e.words
                    .iter()
                    .any(|w| w.len() >= 5 && t.len() >= 5 && (w.starts_with(t.as_str()) || t.starts_with(w.as_str())))
        })
    }
}
