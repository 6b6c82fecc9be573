//! The stored extraction: what reading the corpus found (people, quotes, passages, dated
//! events), computed once at index time and kept with the index, so that answering never
//! reads or re-extracts an article.
//!
//! A generation of the index holds, besides tantivy's files:
//! - every unit (quote or passage) as a document whose stored words are exactly
//!   `article.text[span]` and whose stored data says where it stands and whose it is;
//! - every timeline entry as a document (its reports, with their clause and sentence words);
//! - every article's record (front matter, how many quotes each speaker has in it) as a document;
//! - every person of the registry as a document (name, descriptors and the sentences they
//!   come from, how many quotes and units), found by name word, family name (typos
//!   tolerated) or descriptor word, so that answering never loads the registry;
//! - `store.json`: corpus-wide counts, the most quoted people, what was refused and why;
//! - `files.json`: each article file's name, size and modification time (read only to sync);
//! - `reports.json`: each article's timeline reports, so that changing one article re-merges
//!   the timeline without reading the others.
//!
//! [`Store::sync`] compares the corpus folder's file names, sizes and modification times with
//! `store.json`: an unchanged corpus is opened without reading an article; changed, new and
//! removed files are re-indexed alone (their units deleted and added, the timeline re-merged);
//! a program that extracts differently (see [`EXTRACTION_DIGEST`]) rebuilds everything.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::corpus::{self, Article, Meta, Paragraph};
use crate::embed::{Meaning, Model};
use crate::error::{Error, Result};
use crate::index::{self, Builder, EventDoc, SearchIndex, UnitDoc, UnitKind};
use crate::quotes::{self, report::QuoteRow, Cue, People, PersonId, Voice};
use crate::text::Span;
use crate::timeline::{self, Event};

/// Changes whenever the code that reads articles changes (a hash of its sources, made by
/// `build.rs`): an index made by other extraction code is rebuilt, never trusted.
pub const EXTRACTION_DIGEST: &str = env!("SUMMITBOT_EXTRACTION_DIGEST");

const STORE: &str = "store.json";
const FILES: &str = "files.json";
const REPORTS: &str = "reports.json";

/// Where an answer's text was printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub id: String,
    pub title: String,
    pub outlet: String,
    pub published: String,
    pub url: Option<String>,
}

/// How the text relates to its speaker, for the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// Words in quote marks, or a transcript turn.
    Direct,
    /// Reported speech: the journalist's paraphrase of what the speaker said.
    Reported,
    /// A section the speaker wrote.
    Authored,
    /// The article's own words.
    Narration,
}

/// A file of the corpus folder as last seen: enough to tell, without reading it, whether it
/// changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    pub name: String,
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub mtime: u128,
}

/// One indexed article: its file, its front matter and what it contributed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRecord {
    pub id: String,
    pub file: FileStamp,
    pub meta: Meta,
    /// Attributed quotes in this article.
    pub quotes: usize,
    /// Per speaker: (quotes, units) in this article.
    pub speakers: Vec<(PersonId, usize, usize)>,
}

impl ArticleRecord {
    pub fn citation(&self) -> Citation {
        Citation {
            id: self.id.clone(),
            title: self.meta.title.clone(),
            outlet: self.meta.outlet.clone(),
            published: self.meta.published.format("%Y-%m-%d").to_string(),
            url: self.meta.url.clone(),
        }
    }
}

/// A file that could not be indexed, and why (kept so an unchanged bad file is not re-read).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refused {
    pub file: FileStamp,
    pub reason: String,
}

/// The sentence a descriptor of a person was read from, as the article prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DescribedIn {
    pub article: String,
    pub paragraph: usize,
    pub span: Span,
    pub text: String,
}

/// How many of the most quoted people `store.json` names (for "who is quoted" notes).
const MOST_QUOTED: usize = 25;

/// What `store.json` holds: small, whatever the corpus.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Saved {
    digest: String,
    next_key: u64,
    articles: usize,
    quotes: usize,
    refused: Vec<Refused>,
    /// The corpus folder's modification time when it was last compared (nanoseconds).
    #[serde(default)]
    folder_mtime: u128,
    /// How many people have attributed quotes, and the most quoted of them (most first).
    quoted_total: usize,
    most_quoted: Vec<(PersonId, usize)>,
    /// Which sentence-embedding table gave the units their meanings ("" = none).
    #[serde(default)]
    meaning: String,
}

/// What each person's document keeps.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PersonRecord {
    pub person: quotes::Person,
    /// Attributed quotes over the corpus.
    pub quotes: usize,
    /// Units (quotes, reported or authored words) over the corpus.
    pub units: usize,
    /// The sentences the descriptors come from, in descriptor order.
    pub described_in: Vec<Option<DescribedIn>>,
}

/// The whole registry with every person's counts and descriptor sentences: what re-indexing
/// changes, and what listings of everyone read. Answering never needs it.
#[derive(Debug, Clone, Default)]
pub struct Everyone {
    pub people: People,
    /// Per person: (quotes, units) over the corpus.
    pub counts: Vec<(usize, usize)>,
    /// Per person: the sentences their descriptors come from, in descriptor order.
    pub described_in: Vec<Vec<Option<DescribedIn>>>,
}

impl Everyone {
    /// People with attributed quotes, most quoted first.
    pub fn quoted_people(&self) -> Vec<(PersonId, usize)> {
        let mut out: Vec<(PersonId, usize)> =
            self.counts.iter().enumerate().filter(|(_, c)| c.0 > 0).map(|(i, c)| (i, c.0)).collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }
}

/// What each unit document keeps besides its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitData {
    pub kind: UnitKind,
    pub article: String,
    pub paragraph: usize,
    pub span: Span,
    pub speaker: Option<PersonId>,
    pub attribution: Attribution,
    /// A transcript turn (answered by windows of its sentences when long).
    #[serde(default)]
    pub turn: bool,
    /// A quoted word or phrase inside the reporter's sentence (`called it a "benchmark"`).
    #[serde(default)]
    pub fragment: bool,
    /// For a sentence inside a direct quotation: the key of that quotation's unit.
    #[serde(default)]
    pub within: Option<u64>,
    /// The unit's sentences (only kept for transcript turns).
    #[serde(default)]
    pub sentences: Vec<Span>,
    /// The attribution audit of a quote.
    #[serde(default)]
    pub audit: Option<QuoteRow>,
}

/// A unit as an answer sees it: its key, its words and where they stand.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub key: u64,
    /// Exactly `article.text[data.span]`.
    pub text: String,
    pub data: UnitData,
    /// How close the unit's meaning is to the question's (cosine), when both have one.
    pub similarity: Option<f32>,
}

impl Unit {
    /// The unit's words at `span` (a span inside the unit's own).
    pub fn slice(&self, span: Span) -> &str {
        let base = self.data.span.start;
        &self.text[span.start - base..span.end - base]
    }

    fn from_hit(hit: index::Hit, dir: &Path) -> Result<Unit> {
        let data: UnitData = serde_json::from_str(&hit.data).map_err(|e| Error::Index {
            path: dir.to_path_buf(),
            reason: format!("a stored unit is not valid ({e})"),
        })?;
        Ok(Unit { key: hit.key, text: hit.text, data, similarity: hit.similarity })
    }
}

/// Stages of an index build, for progress reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// The corpus folder was compared with the index: this many files to read.
    Planned { changed: usize, removed: usize, full: bool },
    /// Pass one (who the articles name): `done` of `total` files read.
    Registering { done: usize, total: usize },
    /// Pass two (quotes, passages, dates): `done` of `total` articles indexed.
    Extracting { done: usize, total: usize },
    /// Merging the timeline and committing.
    Finishing,
}

/// What a sync did, for the message a front end prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Synced {
    /// Nothing changed: no article was read.
    Fresh,
    /// Everything was (re)built, and why.
    Rebuilt { reason: String },
    /// Only these files were re-read.
    Updated { changed: usize, removed: usize },
}

/// The stored extraction of the live generation and its index: everything answering needs.
/// Small in memory: corpus-wide counts and the people a question looked up; articles, people,
/// units and timeline entries stay in the index.
#[derive(Debug)]
pub struct Store {
    pub corpus_dir: PathBuf,
    pub index: SearchIndex,
    saved: Saved,
    /// The whole registry, read from the index on first need (re-indexing, listings).
    everyone: std::sync::OnceLock<Everyone>,
    /// People questions looked up, decoded once (bounded: cleared when it grows large).
    looked_up: std::sync::Mutex<HashMap<PersonId, std::sync::Arc<PersonRecord>>>,
    /// The sentence-embedding model the units' meanings came from, if any.
    pub model: Option<Arc<Model>>,
}

/// How many decoded people [`Store`] keeps before it starts over.
const LOOKED_UP: usize = 4096;

/// How closely [`Store::sync`] looks at the corpus folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Only the folder's own modification time (one look, whatever the corpus size): adding,
    /// removing or renaming a file is noticed; an article rewritten in place under the same
    /// name waits for a thorough check. For one-off commands (`ask`, `timeline`, …).
    Quick,
    /// Every file's name, size and modification time (`index`, `serve`, `/reindex`).
    Thorough,
    /// Rebuild from every file.
    Rebuild,
}

impl Store {
    /// Opens the live generation under `root` with its stored extraction.
    pub fn open(corpus_dir: &Path, root: &Path) -> Result<Store> {
        let t = Instant::now();
        let index = SearchIndex::open(root)?;
        tracing::debug!(us = t.elapsed().as_micros() as u64, "opened the index");
        let path = index.dir().join(STORE);
        let bytes = std::fs::read(&path).map_err(|e| Error::Index {
            path: path.clone(),
            reason: format!("the stored extraction is unreadable ({e})"),
        })?;
        let saved: Saved = serde_json::from_slice(&bytes).map_err(|e| Error::Index {
            path: path.clone(),
            reason: format!("the stored extraction is not valid ({e})"),
        })?;
        tracing::debug!(us = t.elapsed().as_micros() as u64, "read the stored extraction");
        Ok(Store::new(corpus_dir, index, saved, None, None))
    }

    fn new(
        corpus_dir: &Path,
        index: SearchIndex,
        saved: Saved,
        everyone: Option<Everyone>,
        model: Option<Arc<Model>>,
    ) -> Store {
        Store {
            corpus_dir: corpus_dir.to_path_buf(),
            index,
            saved,
            everyone: everyone.map(std::sync::OnceLock::from).unwrap_or_default(),
            looked_up: Default::default(),
            model: None,
        }
        .with_model(model)
    }

    /// The store with `model` for questions' meanings, if the units' meanings came from its
    /// table (from no other: their similarities would mean nothing).
    fn with_model(self, model: Option<Arc<Model>>) -> Store {
        let model = model.filter(|m| m.id() == self.saved.meaning);
        Store { model, ..self }
    }

    /// The meaning of a question's words, when units have meanings to compare it with.
    pub fn meaning(&self, words: &str) -> Option<Meaning> {
        self.model.as_ref()?.meaning(words)
    }

    /// The whole registry with counts (read from the index once): for re-indexing and for
    /// listings of everyone, never for answers.
    pub fn everyone(&self) -> Result<&Everyone> {
        if let Some(e) = self.everyone.get() {
            return Ok(e);
        }
        let mut records: Vec<(u64, PersonRecord)> = Vec::new();
        for h in self.index.people()? {
            records.push((h.key, self.decode(&h.data)?));
        }
        records.sort_by_key(|r| r.0);
        if records.iter().enumerate().any(|(i, r)| r.0 != i as u64) {
            return Err(Error::Index {
                path: self.index.dir().to_path_buf(),
                reason: "the stored people are not numbered one after another".to_string(),
            });
        }
        let mut e = Everyone::default();
        let mut list = Vec::with_capacity(records.len());
        for (_, r) in records {
            e.counts.push((r.quotes, r.units));
            e.described_in.push(r.described_in);
            list.push(r.person);
        }
        e.people = People::from_list(list);
        Ok(self.everyone.get_or_init(|| e))
    }

    /// One person's stored record (decoded once, then kept).
    pub fn record(&self, p: PersonId) -> Option<std::sync::Arc<PersonRecord>> {
        if let Some(r) = self.looked_up.lock().ok()?.get(&p) {
            return Some(r.clone());
        }
        let r: PersonRecord =
            match self.index.person(p as u64).and_then(|h| h.map(|h| self.decode(&h.data)).transpose()) {
                Ok(Some(r)) => r,
                Ok(None) => return None,
                Err(e) => {
                    tracing::warn!(person = p, error = %e, "a stored person is unreadable");
                    return None;
                }
            };
        let r = std::sync::Arc::new(r);
        let mut cache = self.looked_up.lock().ok()?;
        if cache.len() >= LOOKED_UP {
            cache.clear();
        }
        cache.insert(p, r.clone());
        Some(r)
    }

    /// A person's name (empty if the index does not know the id).
    pub fn name(&self, p: PersonId) -> String {
        self.record(p).map(|r| r.person.display_name()).unwrap_or_default()
    }

    /// Whether this program extracts as the one that built the index did.
    pub fn is_current(&self) -> bool {
        self.saved.digest == EXTRACTION_DIGEST
    }

    /// Whether the corpus folder's files differ (name, size, modification time) from those
    /// indexed. Reads no article.
    pub fn is_stale(&self) -> Result<bool> {
        let known = load_files(&self.index)?;
        let plan = Plan::new(&known, &scan(&self.corpus_dir)?);
        Ok(!plan.todo.is_empty() || !plan.gone.is_empty())
    }

    /// How many articles are indexed.
    pub fn article_count(&self) -> usize {
        self.saved.articles
    }

    /// Every article record, in file-name order (reads them all: for listings, not answers).
    pub fn articles(&self) -> Result<Vec<ArticleRecord>> {
        let mut out: Vec<ArticleRecord> =
            self.index.articles()?.into_iter().map(|h| self.decode(&h.data)).collect::<Result<_>>()?;
        out.sort_by(|a, b| a.file.name.cmp(&b.file.name));
        Ok(out)
    }

    fn decode<T: serde::de::DeserializeOwned>(&self, data: &str) -> Result<T> {
        serde_json::from_str(data).map_err(|e| Error::Index {
            path: self.index.dir().to_path_buf(),
            reason: format!("a stored record is not valid ({e})"),
        })
    }

    pub fn article(&self, id: &str) -> Result<Option<ArticleRecord>> {
        self.index.article(id)?.map(|h| self.decode(&h.data)).transpose()
    }

    /// The indexed article with the headline and date of `meta` (case and punctuation aside).
    pub fn article_titled(&self, meta: &Meta) -> Result<Option<ArticleRecord>> {
        self.index.article_titled(&title_key(meta))?.map(|h| self.decode(&h.data)).transpose()
    }

    /// The citation of an article (its id alone if the record cannot be read).
    pub fn citation(&self, id: &str) -> Citation {
        match self.article(id) {
            Ok(Some(a)) => a.citation(),
            _ => Citation {
                id: id.to_string(),
                title: id.to_string(),
                outlet: String::new(),
                published: String::new(),
                url: None,
            },
        }
    }

    /// Files that were refused, with the reason, as `path: reason` problems.
    pub fn problems(&self) -> Vec<corpus::Problem> {
        self.saved
            .refused
            .iter()
            .map(|r| corpus::Problem { path: self.corpus_dir.join(&r.file.name), reason: r.reason.clone() })
            .collect()
    }

    /// Attributed quotes of a person over the corpus.
    pub fn quote_count(&self, p: PersonId) -> usize {
        self.record(p).map_or(0, |r| r.quotes)
    }

    /// Units (quotes, reported or authored words) of a person over the corpus.
    pub fn unit_count(&self, p: PersonId) -> usize {
        self.record(p).map_or(0, |r| r.units)
    }

    /// How many people have attributed quotes.
    pub fn quoted_total(&self) -> usize {
        self.saved.quoted_total
    }

    /// The most quoted people (at most 25), most quoted first, with their quote counts.
    pub fn most_quoted(&self) -> &[(PersonId, usize)] {
        &self.saved.most_quoted
    }

    /// Attributed quotes over the corpus.
    pub fn attributed_quotes(&self) -> usize {
        self.saved.quotes
    }

    /// Where each descriptor of a person was read.
    pub fn described_in(&self, p: PersonId) -> Vec<Option<DescribedIn>> {
        self.record(p).map(|r| r.described_in.clone()).unwrap_or_default()
    }

    /// Units found by a search, decoded.
    pub fn units(&self, req: &index::SearchRequest<'_>) -> Result<Vec<(f32, Unit)>> {
        let t = Instant::now();
        let hits = self.index.search(req)?;
        tracing::debug!(us = t.elapsed().as_micros() as u64, "fetched units");
        hits.into_iter().map(|h| Ok((h.score, Unit::from_hit(h, self.index.dir())?))).collect()
    }

    /// The units with these keys, found in one search, by key.
    pub fn units_by_key(&self, keys: &[u64]) -> Result<HashMap<u64, Unit>> {
        let mut out = HashMap::with_capacity(keys.len());
        for h in self.index.get_many(keys)? {
            let u = Unit::from_hit(h, self.index.dir())?;
            out.insert(u.key, u);
        }
        Ok(out)
    }

    /// The quotes of one article (no fragments), in text order.
    pub fn article_quotes(&self, article: &str) -> Result<Vec<Unit>> {
        let mut out = Vec::new();
        for h in self.index.article_units(article, UnitKind::Quote)? {
            let u = Unit::from_hit(h, self.index.dir())?;
            if !u.data.fragment {
                out.push(u);
            }
        }
        out.sort_by_key(|u| u.data.span.start);
        Ok(out)
    }

    /// The quote audit rows of one article, in text order.
    pub fn audit(&self, article: &str) -> Result<Vec<QuoteRow>> {
        let mut out = Vec::new();
        for h in self.index.article_units(article, UnitKind::Quote)? {
            if let Some(row) = Unit::from_hit(h, self.index.dir())?.data.audit {
                out.push(row);
            }
        }
        Ok(out)
    }

    /// Timeline entries matching a query, decoded, best first.
    pub fn entries(&self, q: &index::EventQuery) -> Result<Vec<(f32, Event)>> {
        self.index.events(q)?.into_iter().map(|h| Ok((h.score, self.decode(&h.data)?))).collect()
    }

    /// The timeline entries passing `filter`, in date order. Candidates come from the index
    /// (every topic word, the date range); the filter then reads each one exactly.
    pub fn timeline(&self, filter: &timeline::Filter) -> Result<Vec<Event>> {
        let q = index::EventQuery {
            all: filter.topic.iter().map(|w| index::EventWord { word: w.clone(), loose: true }).collect(),
            any: Vec::new(),
            from: filter.from.map(|w| days(w.start)),
            to: filter.to.map(|w| days(w.end())),
            limit: 0,
        };
        let mut events: Vec<Event> =
            self.entries(&q)?.into_iter().map(|(_, e)| e).filter(|e| filter.accepts(e)).collect();
        timeline::sort(&mut events);
        Ok(events)
    }

    /// Brings the index at `root` in line with the corpus folder and opens it: unchanged files
    /// are not read; changed, new and removed ones are re-indexed alone; a missing, damaged or
    /// differently-extracted index (or `force`) is rebuilt from every file.
    #[tracing::instrument(skip_all, fields(corpus = %corpus_dir.display()))]
    pub fn sync(
        corpus_dir: &Path,
        root: &Path,
        check: Check,
        model: Option<Arc<Model>>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(Store, Synced)> {
        let t = Instant::now();
        let wanted = model.as_ref().map_or(String::new(), |m| m.id().to_string());
        let folder = folder_mtime(corpus_dir)?;
        if check == Check::Quick {
            match Store::open(corpus_dir, root) {
                // Whatever meanings the index holds serve a one-off question (without a model,
                // or with units that have none, it is answered by words alone): rebuilding a
                // large corpus to add or drop them is `summitbot index`'s work, not a question's.
                Ok(st) if st.saved.digest == EXTRACTION_DIGEST && st.saved.folder_mtime == folder && folder != 0 => {
                    tracing::debug!(us = t.elapsed().as_micros() as u64, "the corpus folder is as last indexed");
                    return Ok((st.with_model(model.clone()), Synced::Fresh));
                }
                _ => {}
            }
        }
        let files = scan(corpus_dir)?;
        tracing::debug!(us = t.elapsed().as_micros() as u64, files = files.len(), "scanned the corpus folder");
        let live = if check == Check::Rebuild {
            Err("a full rebuild was asked for".to_string())
        } else {
            match Store::open(corpus_dir, root) {
                Ok(st) if st.saved.digest == EXTRACTION_DIGEST && st.saved.meaning == wanted => {
                    match load_files(&st.index) {
                        Ok(known) => Ok((st, known)),
                        Err(Error::Index { reason, .. }) => Err(reason),
                        Err(e) => return Err(e),
                    }
                }
                Ok(st) if st.saved.digest == EXTRACTION_DIGEST => Err(if wanted.is_empty() {
                    "sentence meanings are off now".to_string()
                } else {
                    "the units need meanings from the sentence-embedding model".to_string()
                }),
                Ok(_) => Err("this version extracts differently from the one that built the index".to_string()),
                Err(Error::Index { reason, .. }) => Err(reason),
                Err(e) => return Err(e),
            }
        };
        match live {
            Ok((store, known)) => {
                let plan = Plan::new(&known, &files);
                tracing::debug!(us = t.elapsed().as_micros() as u64, "compared the corpus with the index");
                if plan.todo.is_empty() && plan.gone.is_empty() {
                    if store.saved.folder_mtime != folder {
                        // Remember the folder as seen, so quick checks need not scan it again.
                        let mut saved = store.saved.clone();
                        saved.folder_mtime = folder;
                        write_saved(store.index.dir(), &saved)?;
                        return Ok((Store { saved, ..store }.with_model(model.clone()), Synced::Fresh));
                    }
                    return Ok((store.with_model(model.clone()), Synced::Fresh));
                }
                let (changed, removed) = (plan.todo.len(), plan.gone.len());
                let store = update(Some(store), known, plan, folder, corpus_dir, root, model.clone(), progress)?;
                Ok((store, Synced::Updated { changed, removed }))
            }
            Err(reason) => {
                let plan = Plan::new(&[], &files);
                let store = update(None, Vec::new(), plan, folder, corpus_dir, root, model.clone(), progress)?;
                Ok((store, Synced::Rebuilt { reason }))
            }
        }
    }
}

/// Which files to (re)read and which articles to drop.
#[derive(Debug)]
struct Plan {
    todo: Vec<FileStamp>,
    /// Names of files indexed (or refused) before and now changed or gone.
    stale: std::collections::HashSet<String>,
    gone: Vec<String>,
}

impl Plan {
    fn new(known: &[(FileStamp, Option<String>)], files: &[FileStamp]) -> Plan {
        let by_name: HashMap<&str, &FileStamp> = known.iter().map(|(f, _)| (f.name.as_str(), f)).collect();
        let todo: Vec<FileStamp> =
            files.iter().filter(|f| by_name.get(f.name.as_str()).is_none_or(|k| *k != *f)).cloned().collect();
        let present: std::collections::HashSet<&str> = files.iter().map(|f| f.name.as_str()).collect();
        let gone: Vec<String> = by_name.keys().filter(|n| !present.contains(*n)).map(|n| n.to_string()).collect();
        let stale = todo.iter().map(|f| f.name.clone()).chain(gone.iter().cloned()).collect();
        Plan { todo, stale, gone }
    }
}

/// `files.json`: every file last seen, with the article id it gave (none if refused).
fn load_files(index: &SearchIndex) -> Result<Vec<(FileStamp, Option<String>)>> {
    let path = index.dir().join(FILES);
    let bytes = std::fs::read(&path)
        .map_err(|e| Error::Index { path: path.clone(), reason: format!("the file list is unreadable ({e})") })?;
    serde_json::from_slice(&bytes)
        .map_err(|e| Error::Index { path: path.clone(), reason: format!("the file list is not valid ({e})") })
}

/// The corpus folder's article files with their sizes and modification times, by name.
fn scan(dir: &Path) -> Result<Vec<FileStamp>> {
    let mut out = Vec::new();
    for path in corpus::article_files(dir)? {
        let md = std::fs::metadata(&path).map_err(|e| Error::io(format!("reading {}", path.display()), e))?;
        let mtime =
            md.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos());
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        out.push(FileStamp { name, size: md.len(), mtime });
    }
    Ok(out)
}

fn read_article(dir: &Path, f: &FileStamp) -> std::result::Result<Article, String> {
    let path = dir.join(&f.name);
    let bytes = std::fs::read(&path).map_err(|e| format!("cannot be read: {e}"))?;
    corpus::parse_article(&path, &bytes).map_err(|e| match e {
        Error::BadArticle { reason, .. } => reason,
        other => other.to_string(),
    })
}

/// Re-indexes the files of `plan` (every file for a full build) and drops the articles of
/// changed or removed files, into a new generation that becomes live.
#[allow(clippy::too_many_arguments)]
fn update(
    live: Option<Store>,
    known: Vec<(FileStamp, Option<String>)>,
    plan: Plan,
    folder: u128,
    corpus_dir: &Path,
    root: &Path,
    model: Option<Arc<Model>>,
    progress: &mut dyn FnMut(Progress),
) -> Result<Store> {
    progress(Progress::Planned { changed: plan.todo.len(), removed: plan.gone.len(), full: live.is_none() });
    let (mut builder, mut reports, mut saved, everyone) = match &live {
        None => (Builder::create(root)?, BTreeMap::new(), Saved::default(), Everyone::default()),
        Some(st) => {
            (Builder::update(root, &st.index)?, load_reports(&st.index)?, st.saved.clone(), st.everyone()?.clone())
        }
    };
    let Everyone { mut people, mut counts, mut described_in } = everyone;
    saved.digest = EXTRACTION_DIGEST.to_string();
    saved.meaning = model.as_ref().map_or(String::new(), |m| m.id().to_string());
    saved.folder_mtime = folder;
    counts.resize(people.all().len(), (0, 0));

    // Drop what the changed and removed files contributed.
    let mut files: Vec<(FileStamp, Option<String>)> = Vec::with_capacity(known.len() + plan.todo.len());
    let mut ids: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (f, id) in known {
        if !plan.stale.contains(&f.name) {
            if let Some(id) = &id {
                ids.insert(id.clone());
            }
            files.push((f, id));
            continue;
        }
        let Some(id) = id else { continue };
        if let Some(st) = &live {
            if let Some(old) = st.article(&id)? {
                for &(p, q, u) in &old.speakers {
                    if let Some(c) = counts.get_mut(p) {
                        c.0 -= q.min(c.0);
                        c.1 -= u.min(c.1);
                    }
                }
                saved.quotes -= old.quotes.min(saved.quotes);
                saved.articles -= 1.min(saved.articles);
            }
        }
        builder.delete_article(&id);
        reports.remove(&id);
    }
    saved.refused.retain(|r| !plan.stale.contains(&r.file.name));

    // Pass one: every changed article's names join the registry before any is attributed.
    // A second thread reads and parses files while this one registers.
    let total = plan.todo.len();
    let mut readable: Vec<(&FileStamp, quotes::Singles)> = Vec::with_capacity(total);
    let mut last = Instant::now();
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel(64);
        let todo = &plan.todo;
        scope.spawn(move || {
            for f in todo {
                if tx.send((f, read_article(corpus_dir, f))).is_err() {
                    break;
                }
            }
        });
        for (i, (f, read)) in rx.into_iter().enumerate() {
            match read {
                Ok(a) if !ids.insert(a.id.clone()) => {
                    let reason = format!("another file already has the id {:?}", a.id);
                    saved.refused.push(Refused { file: f.clone(), reason });
                    files.push((f.clone(), None));
                }
                Ok(a) => {
                    let singles = quotes::register_article(&a, &mut people);
                    note_descriptors(&a, &mut people, &mut described_in);
                    readable.push((f, singles));
                }
                Err(reason) => {
                    tracing::warn!(file = %f.name, %reason, "skipping article");
                    saved.refused.push(Refused { file: f.clone(), reason });
                    files.push((f.clone(), None));
                }
            }
            if last.elapsed().as_millis() >= 200 || i + 1 == total {
                progress(Progress::Registering { done: i + 1, total });
                last = Instant::now();
            }
        }
    });

    // Pass two: quotes, passages and dated reports, one article at a time. Names are all
    // known now (attribution adds genders and descriptors, never names), so a second thread
    // reads each article again (memory holds a few articles, whatever the corpus) and finds
    // its dated reports against a copy of the registry, while this one attributes quotes.
    let names = people.clone();
    let count = readable.len();
    let (files_to_read, mut singles): (Vec<&FileStamp>, Vec<quotes::Singles>) = readable.into_iter().unzip();
    singles.reverse();
    let result: Result<()> = std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel(64);
        let names = &names;
        let files_to_read = &files_to_read;
        scope.spawn(move || {
            for f in files_to_read.iter() {
                let read = read_article(corpus_dir, f).map(|a| {
                    let r = timeline::reports(&a, names);
                    (a, r)
                });
                if tx.send((*f, read)).is_err() {
                    break;
                }
            }
        });
        for (i, (f, read)) in rx.into_iter().enumerate() {
            let one_word_names = singles.pop().unwrap_or_default();
            let (a, dated) = match read {
                Ok(x) => x,
                Err(reason) => {
                    saved.refused.push(Refused { file: f.clone(), reason });
                    files.push((f.clone(), None));
                    continue;
                }
            };
            let (qs, ps) = quotes::attribute_article(&a, one_word_names, &mut people);
            note_descriptors(&a, &mut people, &mut described_in);
            // The record's key first: every unit carries it, so a search can look inside the article.
            let key = saved.next_key;
            saved.next_key += 1;
            let record = index_article(
                &a,
                key,
                f.clone(),
                &qs,
                &ps,
                &people,
                &mut saved.next_key,
                model.as_deref(),
                &mut builder,
            )?;
            counts.resize(people.all().len(), (0, 0));
            for &(p, q, u) in &record.speakers {
                counts[p].0 += q;
                counts[p].1 += u;
            }
            saved.quotes += record.quotes;
            saved.articles += 1;
            let data = serde_json::to_string(&record).expect("records serialize");
            let speakers: Vec<u64> = record.speakers.iter().map(|&(p, _, _)| p as u64).collect();
            builder.add_article(&index::ArticleDoc {
                key,
                id: &a.id,
                title_key: &title_key(&a.meta),
                body: &a.text,
                speakers: &speakers,
                outlet: &a.meta.outlet,
                published: a.meta.published,
                data: &data,
            })?;
            reports.insert(a.id.clone(), dated);
            files.push((f.clone(), Some(a.id.clone())));
            if last.elapsed().as_millis() >= 200 || i + 1 == count {
                progress(Progress::Extracting { done: i + 1, total: count });
                last = Instant::now();
            }
        }
        Ok(())
    });
    result?;
    progress(Progress::Finishing);
    if saved.articles == 0 {
        return Err(Error::CorpusEmpty(corpus_dir.to_path_buf()));
    }
    counts.resize(people.all().len(), (0, 0));
    described_in.resize(people.all().len(), Vec::new());
    saved.refused.sort_by(|a, b| a.file.name.cmp(&b.file.name));
    files.sort_by(|a, b| a.0.name.cmp(&b.0.name));

    // Reports name people as the final registry knows them (pass two adds one-word names).
    for list in reports.values_mut() {
        let old = std::mem::take(list);
        *list = old.into_iter().map(|r| timeline::refresh(r, &people)).collect();
    }
    // The timeline is merged whole: reports of different articles join into one entry.
    builder.delete_events();
    let all: Vec<Event> = reports.values().flatten().cloned().collect();
    for ev in timeline::merge_reports(all) {
        let data = serde_json::to_string(&ev).expect("events serialize");
        let words: Vec<String> = ev.words.iter().cloned().collect();
        let extras: Vec<String> = ev.extras().into_iter().collect();
        let key = saved.next_key;
        saved.next_key += 1;
        builder.add_event(&EventDoc {
            key,
            words: &words,
            extras: &extras,
            start: days(ev.when.start),
            end: days(ev.when.end()),
            data: &data,
        })?;
    }
    index::write_atomic(&builder.dir().join(REPORTS), &serde_json::to_vec(&reports).expect("reports serialize"))?;
    index::write_atomic(&builder.dir().join(FILES), &serde_json::to_vec(&files).expect("files serialize"))?;
    let everyone = Everyone { people, counts, described_in };
    // People are written whole: an article anywhere may have added a descriptor or a quote.
    builder.delete_people();
    for (id, p) in everyone.people.all().iter().enumerate() {
        let record = PersonRecord {
            person: p.clone(),
            quotes: everyone.counts[id].0,
            units: everyone.counts[id].1,
            described_in: everyone.described_in[id].clone(),
        };
        let names: Vec<String> = p.words.iter().chain(&p.aliases).cloned().collect();
        let described = if p.kind == quotes::Kind::Person { p.description_words() } else { Vec::new() };
        // A question may abbreviate an organisation the articles only name in full (`the ICC`).
        let initials = p.initials();
        builder.add_person(&index::PersonDoc {
            id: id as u64,
            names: &names,
            surname: if p.kind == quotes::Kind::Person { p.surname() } else { "" },
            described: &described,
            initials: initials.as_deref(),
            data: &serde_json::to_string(&record).expect("people serialize"),
        })?;
    }
    let quoted = everyone.quoted_people();
    saved.quoted_total = quoted.len();
    saved.most_quoted = quoted.into_iter().take(MOST_QUOTED).collect();
    write_saved(builder.dir(), &saved)?;
    drop(live);
    let index = builder.commit()?;
    Ok(Store::new(corpus_dir, index, saved, Some(everyone), model))
}

fn write_saved(dir: &Path, saved: &Saved) -> Result<()> {
    index::write_atomic(&dir.join(STORE), &serde_json::to_vec(saved).expect("store serializes"))
}

/// The corpus folder's own modification time (changes when a file is added, removed or renamed).
fn folder_mtime(dir: &Path) -> Result<u128> {
    let md = std::fs::metadata(dir).map_err(|source| Error::CorpusMissing { path: dir.to_path_buf(), source })?;
    Ok(md.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos()))
}

/// What makes two articles the same article: the date and the headline's words.
pub fn title_key(meta: &Meta) -> String {
    format!("{} {}", meta.published, crate::text::all_words(&crate::text::fold(&meta.title)).join(" "))
}

/// Days since 1970-01-01, the unit the index ranges over.
pub fn days(d: chrono::NaiveDate) -> i64 {
    (d - chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date")).num_days()
}

fn load_reports(live: &SearchIndex) -> Result<BTreeMap<String, Vec<Event>>> {
    let path = live.dir().join(REPORTS);
    let bytes = std::fs::read(&path)
        .map_err(|e| Error::Index { path: path.clone(), reason: format!("stored reports unreadable ({e})") })?;
    serde_json::from_slice(&bytes)
        .map_err(|e| Error::Index { path: path.clone(), reason: format!("stored reports are not valid ({e})") })
}

/// Keeps, for each descriptor the registry just learnt from `a`, the sentence it was read
/// from (for "who is" answers), while the article is at hand.
fn note_descriptors(a: &Article, people: &mut People, described_in: &mut Vec<Vec<Option<DescribedIn>>>) {
    described_in.resize(people.all().len(), Vec::new());
    for (p, d) in people.take_described() {
        let desc = &people.get(p).descriptors[d];
        let s = desc.sentence;
        if desc.article != a.id
            || s.end > a.text.len()
            || !a.text.is_char_boundary(s.start)
            || !a.text.is_char_boundary(s.end)
        {
            continue;
        }
        let slot = &mut described_in[p];
        if slot.len() <= d {
            slot.resize(d + 1, None);
        }
        let paragraph = a.paragraph_of(s).map_or(0, |p| p.index);
        slot[d] = Some(DescribedIn { article: a.id.clone(), paragraph, span: s, text: a.slice(s).to_string() });
    }
}

/// Adds one article's units to the index; returns its record.
#[allow(clippy::too_many_arguments)]
fn index_article(
    a: &Article,
    article_key: u64,
    file: FileStamp,
    qs: &[quotes::Quote],
    ps: &[quotes::Passage],
    people: &People,
    next_key: &mut u64,
    model: Option<&Model>,
    builder: &mut Builder,
) -> Result<ArticleRecord> {
    let paragraphs: HashMap<usize, &Paragraph> = a.paragraphs.iter().map(|p| (p.index, p)).collect();
    let context = |paragraph: usize| paragraphs.get(&paragraph).map_or("", |p| a.slice(p.span));
    let mut speakers: BTreeMap<PersonId, (usize, usize)> = BTreeMap::new();
    let quote_keys: Vec<u64> = (0..qs.len() as u64).map(|i| *next_key + i).collect();
    *next_key += qs.len() as u64;
    for (q, &key) in qs.iter().zip(&quote_keys) {
        let turn = q.cue == Cue::Turn;
        let sentences = if turn {
            paragraphs
                .get(&q.paragraph)
                .map(|p| {
                    p.sentences
                        .iter()
                        .filter(|s| q.span.contains(**s) || (s.overlaps(q.span) && s.start < q.span.start))
                        .map(|s| Span::new(s.start.max(q.span.start), s.end.min(q.span.end)))
                        .collect()
                })
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        if let Some(p) = q.speaker {
            let e = speakers.entry(p).or_default();
            e.0 += 1;
            e.1 += 1;
        }
        let data = UnitData {
            kind: UnitKind::Quote,
            article: a.id.clone(),
            paragraph: q.paragraph,
            span: q.span,
            speaker: q.speaker,
            attribution: Attribution::Direct,
            turn,
            fragment: q.fragment,
            within: None,
            sentences,
            audit: quotes::report::row(a, q, people),
        };
        add_unit(builder, key, article_key, &data, a, context(q.paragraph), model)?;
    }
    for p in ps {
        let key = *next_key;
        *next_key += 1;
        let speaker = p.voice.speaker();
        if let Some(s) = speaker {
            speakers.entry(s).or_default().1 += 1;
        }
        // Link sentences of direct quotations to the quotation (not transcript turns: a
        // sentence of a long turn is a better answer than the whole turn).
        let within = matches!(p.voice, Voice::Quoted(_))
            .then(|| {
                qs.iter()
                    .position(|q| q.cue != Cue::Turn && q.speaker == speaker && q.span.overlaps(p.span))
                    .map(|i| quote_keys[i])
            })
            .flatten();
        let attribution = match p.voice {
            Voice::Reported(_) => Attribution::Reported,
            Voice::Turn(_) | Voice::Quoted(_) => Attribution::Direct,
            Voice::Section(_) => Attribution::Authored,
            Voice::Narration | Voice::Unattributed => Attribution::Narration,
        };
        let data = UnitData {
            kind: UnitKind::Passage,
            article: a.id.clone(),
            paragraph: p.paragraph,
            span: p.span,
            speaker,
            attribution,
            turn: false,
            fragment: false,
            within,
            sentences: Vec::new(),
            audit: None,
        };
        add_unit(builder, key, article_key, &data, a, context(p.paragraph), model)?;
    }
    Ok(ArticleRecord {
        id: a.id.clone(),
        file,
        meta: a.meta.clone(),
        quotes: qs.iter().filter(|q| q.speaker.is_some()).count(),
        speakers: speakers.into_iter().map(|(p, (q, u))| (p, q, u)).collect(),
    })
}

fn add_unit(
    builder: &mut Builder,
    key: u64,
    article_key: u64,
    data: &UnitData,
    a: &Article,
    context: &str,
    model: Option<&Model>,
) -> Result<()> {
    let json = serde_json::to_string(data).expect("units serialize");
    let text = a.slice(data.span);
    builder.add_unit(&UnitDoc {
        key,
        kind: data.kind,
        article: &a.id,
        article_key,
        speaker: data.speaker.map(|p| p as u64),
        text,
        context,
        data: &json,
        meaning: model.and_then(|m| m.meaning(text)),
    })
}

impl quotes::Registry for Store {
    fn person(&self, id: PersonId) -> Option<quotes::Person> {
        self.record(id).map(|r| r.person.clone())
    }

    fn named(&self, word: &str) -> Vec<PersonId> {
        self.looked_up_ids(self.index.people_with(index::PersonWords::Names, word))
    }

    fn near(&self, word: &str, distance: u8) -> Vec<PersonId> {
        self.looked_up_ids(self.index.people_near(word, distance))
    }

    fn described(&self, word: &str, prefix: bool) -> Vec<PersonId> {
        let which = if prefix { index::PersonWords::DescribedPrefix } else { index::PersonWords::Described };
        self.looked_up_ids(self.index.people_with(which, word))
    }

    fn abbreviated(&self, word: &str) -> Vec<PersonId> {
        self.looked_up_ids(self.index.people_with(index::PersonWords::Initials, word))
    }
}

/// What a question needs to know of the corpus's outlets: whether a word is in some outlet's
/// name (`post`, `npr`), so `what did the post say` names a source, not a person.
pub trait Outlets {
    fn outlet_word(&self, word: &str) -> bool;
}

impl Outlets for Store {
    fn outlet_word(&self, word: &str) -> bool {
        self.index.outlet_word(word).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "outlet look-up failed");
            false
        })
    }
}

impl Store {
    /// Ids from a people look-up; a failed look-up finds nobody (and is logged), so a damaged
    /// people part makes a question unanswered by name, never wrongly answered.
    fn looked_up_ids(&self, ids: Result<Vec<u64>>) -> Vec<PersonId> {
        match ids {
            Ok(ids) => ids.into_iter().map(|i| i as PersonId).collect(),
            Err(e) => {
                tracing::warn!(error = %e, "people look-up failed");
                Vec::new()
            }
        }
    }
}
