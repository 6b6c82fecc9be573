//! The search index: the only module that touches tantivy.
//!
//! On disk, `index.dir` holds generations (`gen-…/`, each a tantivy index of the answerable
//! units, a second one under `records/` for article records and timeline entries — kept apart
//! so they never weigh in the units' BM25 statistics — and a `summitbot.json` manifest) and a
//! `CURRENT` file naming the live one. A build writes a new
//! generation beside the old, then replaces `CURRENT` by an atomic rename, so a reader never
//! sees a half-built index and a crash mid-build leaves the previous generation live.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use std::ops::Bound;
use tantivy::collector::TopDocs;

use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::TokenStream;
use tantivy::{Index, IndexReader, ReloadPolicy, Score, TantivyDocument, Term};

use crate::embed::{self, Meaning};
use crate::error::{Error, Result};

mod search;

pub use search::{SearchRequest, ARTICLES_SEARCHED, MIN_SIMILARITY, SIMILAR_UNITS, WHOLE_MATCH_TERMS};

const CURRENT: &str = "CURRENT";
const MANIFEST: &str = "summitbot.json";
const RECORDS: &str = "records";

/// What is indexed for one answerable unit (a quote or a passage).
#[derive(Debug, Clone, Copy)]
pub struct UnitDoc<'a> {
    /// The store's id for the unit; search hits return it.
    pub key: u64,
    pub kind: UnitKind,
    /// The article's id: a re-index of one article deletes its units by it.
    pub article: &'a str,
    /// The key of the article's record, by which a search looks inside the article.
    pub article_key: u64,
    /// The speaker's id, if the unit is anyone's words.
    pub speaker: Option<u64>,
    /// The unit's words, searched and stored (answers show them from here).
    pub text: &'a str,
    /// Surrounding words (paragraph, headline) that help a unit be found; not stored.
    pub context: &'a str,
    /// What the store keeps about the unit (JSON), returned with every hit.
    pub data: &'a str,
    /// The unit's meaning, when a sentence-embedding model is on.
    pub meaning: Option<Meaning>,
}

/// What is indexed for one article's record.
#[derive(Debug, Clone, Copy)]
pub struct ArticleDoc<'a> {
    /// The record's key, which every unit of the article carries.
    pub key: u64,
    pub id: &'a str,
    /// The headline-and-date key (see `store::title_key`).
    pub title_key: &'a str,
    /// The whole text (searched, not stored).
    pub body: &'a str,
    /// Everyone any unit of the article is attributed to.
    pub speakers: &'a [u64],
    /// The outlet that printed it (its words, so a question can name it: `the post's story`).
    pub outlet: &'a str,
    /// When it was published (its period terms, so a question can ask for a time: `in may 2024`).
    pub published: chrono::NaiveDate,
    pub data: &'a str,
}

/// The term an article's source field holds for each period its publication date lies in (the
/// year, the month, the day: `p2024`, `p202405`, `p20240516`), so a question restricted to a
/// period is restricted as one to an outlet is, by a word its source must hold. Not a word of
/// any outlet's name: a name is letters and spaces, and none starts with `p` and a year.
pub fn period_term(when: &crate::timeline::When) -> String {
    format!("p{}", when.label().replace('-', ""))
}

/// The period terms of a publication date: its year's, month's and day's.
fn period_terms(published: chrono::NaiveDate) -> String {
    use crate::timeline::When;
    use chrono::Datelike;
    let periods =
        [When::year(published.year()), When::month(published.year(), published.month()), Some(When::day(published))];
    periods.iter().flatten().map(period_term).collect::<Vec<_>>().join(" ")
}

/// What is indexed for one timeline entry.
#[derive(Debug, Clone, Copy)]
pub struct EventDoc<'a> {
    pub key: u64,
    /// Folded words a topic is matched against (each an exact term).
    pub words: &'a [String],
    /// Folded words of the people and places the entry names.
    pub extras: &'a [String],
    /// First and last day of the entry's period, as days since 1970-01-01.
    pub start: i64,
    pub end: i64,
    pub data: &'a str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Quote,
    Passage,
}

impl UnitKind {
    fn as_str(self) -> &'static str {
        match self {
            UnitKind::Quote => "quote",
            UnitKind::Passage => "passage",
        }
    }
}

/// The key of a document that has none (never a unit's).
const NO_KEY: u64 = u64::MAX;

const EVENT: &str = "event";
const ARTICLE: &str = "article";
const PERSON: &str = "person";

/// What is indexed for one person (or organisation) of the registry, so that answering looks
/// people up by word instead of loading the registry.
#[derive(Debug, Clone, Copy)]
pub struct PersonDoc<'a> {
    /// The registry's id for the person.
    pub id: u64,
    /// Folded name words and aliases (each an exact term).
    pub names: &'a [String],
    /// The family name, for typo-tolerant look-ups.
    pub surname: &'a str,
    /// Folded words a description of the person is matched against (name and descriptor words).
    pub described: &'a [String],
    /// An organisation's initials (`icc`), whether or not an article writes them.
    pub initials: Option<&'a str>,
    pub data: &'a str,
}

/// Which words of a person a look-up compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonWords {
    /// Name words and aliases, exactly.
    Names,
    /// Name and descriptor words, exactly.
    Described,
    /// Name and descriptor words that start with the given word.
    DescribedPrefix,
    /// The initials of an organisation's name (`icc`), exactly.
    Initials,
}

/// Facts about a generation, written next to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Seconds since the Unix epoch.
    pub built_at: u64,
    pub build_ms: u64,
    /// Units the generation holds.
    pub docs: u64,
    /// Article records and timeline entries.
    #[serde(default)]
    pub records: u64,
}

/// A found document: its key, score, stored words (units only) and stored data.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub key: u64,
    pub score: f32,
    pub text: String,
    pub data: String,
    /// Cosine similarity of the unit's meaning to the question's (when both have one).
    pub similarity: Option<f32>,
}

/// One word of an event query: the exact term, or (for long words) any term it is a prefix
/// of or that is a prefix of it, as [`crate::timeline::word_fits`] reads words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventWord {
    pub word: String,
    /// Match the entry's words loosely (prefixes), not only its people and places exactly.
    pub loose: bool,
}

/// Timeline entries whose words fit `all` (every one) or `any` (at least one), in a period.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    pub all: Vec<EventWord>,
    pub any: Vec<EventWord>,
    /// Entries overlapping `[from, to]` (days since 1970-01-01).
    pub from: Option<i64>,
    pub to: Option<i64>,
    pub limit: usize,
}

#[derive(Debug, Clone, Copy)]
struct Fields {
    key: Field,
    kind: Field,
    article: Field,
    article_key: Field,
    speaker: Field,
    text: Field,
    context: Field,
    data: Field,
    ev_words: Field,
    ev_extras: Field,
    ev_start: Field,
    ev_end: Field,
    p_names: Field,
    p_surname: Field,
    p_described: Field,
    /// An organisation's initials (see `quotes::names::initials`).
    p_initials: Field,
    /// An article record's headline and date (see `store::title_key`).
    a_title: Field,
    /// An article record's whole text, which a search first ranks articles by.
    body: Field,
    /// An article record's source: its outlet, word by word (lower case, unstemmed), and its
    /// publication date's period terms (see [`period_term`]).
    a_outlet: Field,
    /// A unit's meaning, eight bytes per column (see [`embed::pack`]).
    meaning: [Field; embed::DIM / 8],
}

/// Names of the meaning columns.
fn meaning_column(i: usize) -> String {
    format!("m{i}")
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let stemmed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer("en_stem").set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        key: b.add_u64_field("key", INDEXED | STORED | FAST),
        kind: b.add_text_field("kind", STRING),
        article: b.add_text_field("article", STRING),
        article_key: b.add_u64_field("article_key", INDEXED | FAST),
        // A raw term (the speaker's id as text), so a speaker filter scores as a term.
        speaker: b.add_text_field("speaker", STRING),
        text: b.add_text_field("text", stemmed.clone() | STORED),
        context: b.add_text_field("context", stemmed.clone()),
        data: b.add_text_field("data", STORED),
        ev_words: b.add_text_field("ev_words", STRING),
        ev_extras: b.add_text_field("ev_extras", STRING),
        ev_start: b.add_i64_field("ev_start", INDEXED | FAST),
        ev_end: b.add_i64_field("ev_end", INDEXED | FAST),
        p_names: b.add_text_field("p_names", STRING),
        p_surname: b.add_text_field("p_surname", STRING),
        p_described: b.add_text_field("p_described", STRING),
        p_initials: b.add_text_field("p_initials", STRING),
        a_title: b.add_text_field("a_title", STRING),
        body: b.add_text_field("body", stemmed),
        a_outlet: b.add_text_field(
            "a_outlet",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default().set_tokenizer("default").set_index_option(IndexRecordOption::Basic),
            ),
        ),
        meaning: std::array::from_fn(|i| b.add_u64_field(&meaning_column(i), FAST)),
    };
    (b.build(), fields)
}

/// An open generation, ready to search. Cheap to share behind an `Arc`.
pub struct SearchIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    records: IndexReader,
    fields: Fields,
    pub manifest: Manifest,
    /// The fast-field columns of every segment of both parts, opened once with the generation
    /// (nothing reloads its readers): opening a column looks its name up in the segment's
    /// column directory, which every search would otherwise pay again.
    columns: std::collections::HashMap<tantivy::index::SegmentId, SegmentColumns>,
}

/// One segment's fast-field columns: its documents' keys and, for units, their meanings and
/// where each article's units lie.
struct SegmentColumns {
    key: Option<tantivy::columnar::Column<u64>>,
    meaning: Vec<tantivy::columnar::Column<u64>>,
    /// Units only: every run of consecutive documents of one article, as `(article key, first
    /// document, end)`, in order of article key then document (deleted documents included).
    /// A search looks inside a few dozen articles: their units are found by binary search
    /// here, where reading each article's key from the term dictionary of every segment costs
    /// more than the rest of the step.
    articles: Option<Vec<(u64, tantivy::DocId, tantivy::DocId)>>,
}

impl SegmentColumns {
    fn open(segment: &tantivy::SegmentReader, meanings: bool) -> SegmentColumns {
        let ff = segment.fast_fields();
        let meaning = match meanings {
            true => (0..embed::DIM / 8)
                .map(|i| ff.u64(&meaning_column(i)))
                .collect::<tantivy::Result<_>>()
                .unwrap_or_default(),
            false => Vec::new(),
        };
        let articles = match meanings {
            true => ff.u64("article_key").ok().and_then(|c| article_runs(&c, segment.max_doc())),
            false => None,
        };
        SegmentColumns { key: ff.u64("key").ok(), meaning, articles }
    }
}

/// The runs of consecutive documents with one article key, ordered by key then document;
/// `None` unless every document has a key. Read a block of values at a time: linear in the
/// segment, once per generation.
fn article_runs(
    column: &tantivy::columnar::Column<u64>,
    max_doc: tantivy::DocId,
) -> Option<Vec<(u64, tantivy::DocId, tantivy::DocId)>> {
    if !matches!(column.index, tantivy::columnar::ColumnIndex::Full) {
        return None;
    }
    let mut runs: Vec<(u64, tantivy::DocId, tantivy::DocId)> = Vec::new();
    let mut values = vec![0u64; 4096];
    let mut start = 0;
    while start < max_doc {
        let n = (max_doc - start).min(values.len() as u32);
        column.values.get_range(u64::from(start), &mut values[..n as usize]);
        for (i, &key) in values[..n as usize].iter().enumerate() {
            let doc = start + i as u32;
            match runs.last_mut() {
                Some(run) if run.0 == key && run.2 == doc => run.2 = doc + 1,
                _ => runs.push((key, doc, doc + 1)),
            }
        }
        start += n;
    }
    runs.sort_unstable();
    Some(runs)
}

/// How the doc store is cut: a stored document is read by reading its whole block, and an
/// answer reads a few dozen units scattered over the corpus, so small blocks (a dozen units
/// each) cost less per answer than tantivy's 16 KiB.
const DOCSTORE_BLOCK: usize = 4096;

/// Blocks are stored as they are, not compressed: an answer's few dozen units each lie in a
/// block of their own, and decompressing those was about 5% of an answer at 100,000 articles
/// (the store about doubles: the 100,000-article index grew from 2.7 to 3.9 GB).
fn index_settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_blocksize: DOCSTORE_BLOCK,
        docstore_compression: tantivy::store::Compressor::None,
        ..Default::default()
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("dir", &self.dir).field("manifest", &self.manifest).finish()
    }
}

fn index_err(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Index { path: path.to_path_buf(), reason: crate::text::squash(&e.to_string()) }
}

/// The directory of the live generation under `root`, as `CURRENT` names it.
pub fn live_dir(root: &Path) -> Result<PathBuf> {
    let current =
        std::fs::read_to_string(root.join(CURRENT)).map_err(|e| index_err(root, format!("no live index ({e})")))?;
    let name = current.trim();
    if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
        return Err(index_err(root, "CURRENT names no generation"));
    }
    Ok(root.join(name))
}

impl SearchIndex {
    /// Opens the live generation under `root` and checks it (manifest, checksums, document
    /// count). Any failure is an [`Error::Index`]: the caller rebuilds.
    pub fn open(root: &Path) -> Result<SearchIndex> {
        let dir = live_dir(root)?;
        SearchIndex::open_dir(dir)
    }

    fn open_dir(dir: PathBuf) -> Result<SearchIndex> {
        let manifest: Manifest = serde_json::from_slice(
            &std::fs::read(dir.join(MANIFEST)).map_err(|e| index_err(&dir, format!("manifest unreadable ({e})")))?,
        )
        .map_err(|e| index_err(&dir, format!("manifest is not valid ({e})")))?;
        let (index, reader) = open_part(&dir)?;
        let (_, records) = open_part(&dir.join(RECORDS))?;
        let fields = schema().1;
        let n = reader.searcher().num_docs();
        let r = records.searcher().num_docs();
        if n != manifest.docs || r != manifest.records {
            return Err(index_err(
                &dir,
                format!("holds {n} units and {r} records, manifest says {} and {}", manifest.docs, manifest.records),
            ));
        }
        let mut columns = std::collections::HashMap::new();
        for segment in reader.searcher().segment_readers() {
            columns.insert(segment.segment_id(), SegmentColumns::open(segment, true));
        }
        for segment in records.searcher().segment_readers() {
            columns.insert(segment.segment_id(), SegmentColumns::open(segment, false));
        }
        Ok(SearchIndex { dir, index, reader, records, fields, manifest, columns })
    }

    /// Checks every byte of every index file against its checksum (`summitbot health`).
    pub fn validate(&self) -> Result<()> {
        for dir in [self.dir.clone(), self.dir.join(RECORDS)] {
            let index = Index::open_in_dir(&dir).map_err(|e| index_err(&dir, e))?;
            let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| index.validate_checksum()))
                .map_err(|_| index_err(&dir, "an index file is truncated"))?;
            let bad = checked.map_err(|e| index_err(&dir, e))?;
            if !bad.is_empty() {
                return Err(index_err(&dir, format!("{} file(s) fail their checksum", bad.len())));
            }
        }
        Ok(())
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Size on disk of this generation, in bytes.
    pub fn size_bytes(&self) -> u64 {
        std::fs::read_dir(&self.dir)
            .map(|rd| rd.filter_map(|e| e.ok()?.metadata().ok()).map(|m| m.len()).sum())
            .unwrap_or(0)
    }
}

/// A generation being written: fresh, or a copy of the live one to change in place. Nothing
/// is visible to readers until [`Builder::commit`] swaps `CURRENT`; dropping a builder without
/// committing removes its directory.
pub struct Builder {
    root: PathBuf,
    name: String,
    dir: PathBuf,
    writer: Option<tantivy::IndexWriter>,
    records: Option<tantivy::IndexWriter>,
    fields: Fields,
    started: std::time::Instant,
    stamp: std::time::Duration,
}

impl std::fmt::Debug for Builder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Builder").field("dir", &self.dir).finish()
    }
}

impl Builder {
    /// A new generation directory under `root` (with its `records/` part), whose two tantivy
    /// indexes `make` creates or fills from (units dir, records dir).
    fn start(root: &Path, make: impl FnOnce(&Path, &Path) -> Result<(Index, Index)>) -> Result<Builder> {
        std::fs::create_dir_all(root).map_err(|e| Error::io(format!("creating {}", root.display()), e))?;
        let stamp = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
        let name = format!("gen-{}-{}", stamp.as_millis(), std::process::id());
        let dir = root.join(&name);
        std::fs::create_dir(&dir).map_err(|e| Error::io(format!("creating {}", dir.display()), e))?;
        // From here on, dropping the builder removes the directory.
        let mut b = Builder {
            root: root.to_path_buf(),
            name,
            dir: dir.clone(),
            writer: None,
            records: None,
            fields: schema().1,
            started: std::time::Instant::now(),
            stamp,
        };
        let rdir = dir.join(RECORDS);
        std::fs::create_dir(&rdir).map_err(|e| Error::io(format!("creating {}", rdir.display()), e))?;
        let (units, records) = make(&dir, &rdir)?;
        b.writer = Some(writer(&units, &dir)?);
        b.records = Some(writer(&records, &rdir)?);
        Ok(b)
    }

    /// An empty new generation under `root`.
    pub fn create(root: &Path) -> Result<Builder> {
        Builder::start(root, |dir, rdir| {
            let create = |d: &Path| {
                Index::builder()
                    .schema(schema().0)
                    .settings(index_settings())
                    .create_in_dir(d)
                    .map_err(|e| index_err(d, e))
            };
            let (units, records) = (create(dir)?, create(rdir)?);
            Ok((units, records))
        })
    }

    /// A new generation that starts as a copy of `live` (hard links: segment files never
    /// change once written, and every file tantivy or the store rewrites is replaced by a
    /// rename, so the live generation is never touched).
    pub fn update(root: &Path, live: &SearchIndex) -> Result<Builder> {
        Builder::start(root, |dir, rdir| {
            link_files(live.dir(), dir)?;
            link_files(&live.dir().join(RECORDS), rdir)?;
            let units = Index::open_in_dir(dir).map_err(|e| index_err(dir, e))?;
            let records = Index::open_in_dir(rdir).map_err(|e| index_err(rdir, e))?;
            Ok((units, records))
        })
    }

    /// Where side files of this generation go.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn w(&mut self) -> &mut tantivy::IndexWriter {
        self.writer.as_mut().expect("a builder holds its writer until commit")
    }

    fn r(&mut self) -> &mut tantivy::IndexWriter {
        self.records.as_mut().expect("a builder holds its writer until commit")
    }

    pub fn add_unit(&mut self, u: &UnitDoc<'_>) -> Result<()> {
        let f = self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.key, u.key);
        doc.add_text(f.kind, u.kind.as_str());
        doc.add_text(f.article, u.article);
        doc.add_u64(f.article_key, u.article_key);
        if let Some(s) = u.speaker {
            doc.add_text(f.speaker, s.to_string());
        }
        doc.add_text(f.text, u.text);
        doc.add_text(f.context, u.context);
        doc.add_text(f.data, u.data);
        if let Some(m) = &u.meaning {
            for (field, word) in f.meaning.iter().zip(embed::pack(m)) {
                doc.add_u64(*field, word);
            }
        }
        let dir = self.dir.clone();
        self.w().add_document(doc).map_err(|e| index_err(&dir, e))?;
        Ok(())
    }

    pub fn add_event(&mut self, e: &EventDoc<'_>) -> Result<()> {
        let f = self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.key, e.key);
        doc.add_text(f.kind, EVENT);
        for w in e.words {
            doc.add_text(f.ev_words, w);
        }
        for w in e.extras {
            doc.add_text(f.ev_extras, w);
        }
        doc.add_i64(f.ev_start, e.start);
        doc.add_i64(f.ev_end, e.end);
        doc.add_text(f.data, e.data);
        self.add_record(doc)
    }

    fn add_record(&mut self, doc: TantivyDocument) -> Result<()> {
        let dir = self.dir.clone();
        self.r().add_document(doc).map_err(|e| index_err(&dir, e))?;
        Ok(())
    }

    /// Adds an article's record (found again by its id, its headline key, and by its text
    /// and speakers when a search picks the articles to look inside).
    pub fn add_article(&mut self, a: &ArticleDoc<'_>) -> Result<()> {
        let f = self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.key, a.key);
        doc.add_text(f.kind, ARTICLE);
        doc.add_text(f.article, a.id);
        doc.add_text(f.a_title, a.title_key);
        doc.add_text(f.body, a.body);
        doc.add_text(f.a_outlet, a.outlet);
        doc.add_text(f.a_outlet, period_terms(a.published));
        for s in a.speakers {
            doc.add_text(f.speaker, s.to_string());
        }
        doc.add_text(f.data, a.data);
        self.add_record(doc)
    }

    /// Adds a person's record (found again by id, name words, family name and descriptor words).
    pub fn add_person(&mut self, p: &PersonDoc<'_>) -> Result<()> {
        let f = self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.key, p.id);
        doc.add_text(f.kind, PERSON);
        for w in p.names {
            doc.add_text(f.p_names, w);
        }
        if !p.surname.is_empty() {
            doc.add_text(f.p_surname, p.surname);
        }
        for w in p.described {
            doc.add_text(f.p_described, w);
        }
        if let Some(i) = p.initials {
            doc.add_text(f.p_initials, i);
        }
        doc.add_text(f.data, p.data);
        self.add_record(doc)
    }

    /// Removes every person's record (they are written whole: any article may add to anyone).
    pub fn delete_people(&mut self) {
        let t = Term::from_field_text(self.fields.kind, PERSON);
        self.r().delete_term(t);
    }

    /// Removes every unit and the record of an article (before adding its new ones, or when it is gone).
    pub fn delete_article(&mut self, id: &str) {
        let t = Term::from_field_text(self.fields.article, id);
        self.w().delete_term(t.clone());
        self.r().delete_term(t);
    }

    /// Removes every timeline entry (they are rebuilt whole: reports of several articles merge).
    pub fn delete_events(&mut self) {
        let t = Term::from_field_text(self.fields.kind, EVENT);
        self.r().delete_term(t);
    }

    /// Commits, writes the manifest, makes the generation live and opens it.
    pub fn commit(mut self) -> Result<SearchIndex> {
        let dir = self.dir.clone();
        let mut docs = [0u64; 2];
        for (i, (w, d)) in
            [(self.writer.take(), dir.clone()), (self.records.take(), dir.join(RECORDS))].into_iter().enumerate()
        {
            let mut writer = w.expect("a builder holds its writers until commit");
            writer.commit().map_err(|e| index_err(&d, e))?;
            writer.wait_merging_threads().map_err(|e| index_err(&d, e))?;
            let index = Index::open_in_dir(&d).map_err(|e| index_err(&d, e))?;
            let reader: IndexReader = index.reader().map_err(|e| index_err(&d, e))?;
            docs[i] = reader.searcher().num_docs();
        }
        let manifest = Manifest {
            built_at: self.stamp.as_secs(),
            build_ms: self.started.elapsed().as_millis() as u64,
            docs: docs[0],
            records: docs[1],
        };
        write_atomic(&dir.join(MANIFEST), &serde_json::to_vec_pretty(&manifest).expect("manifest serializes"))?;
        write_atomic(&self.root.join(CURRENT), self.name.as_bytes())?;
        let name = std::mem::take(&mut self.name);
        collect_garbage(&self.root, &name);
        SearchIndex::open_dir(dir)
    }
}

impl Drop for Builder {
    fn drop(&mut self) {
        // Not committed: the half-built generation goes, the live one stays.
        if !self.name.is_empty() {
            drop(self.writer.take());
            drop(self.records.take());
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Opens one tantivy index of a generation with its reader. tantivy panics (rather than
/// erring) on a file shorter than its footer: a truncated index is damage like any other, to
/// be rebuilt, never a crash. Opening reads footers, not data, so it costs the same on four
/// articles as on 100,000; [`SearchIndex::validate`] checks every byte.
fn open_part(dir: &Path) -> Result<(Index, IndexReader)> {
    let opened = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> Result<(Index, IndexReader)> {
        let index = Index::open_in_dir(dir).map_err(|e| index_err(dir, e))?;
        let reader: IndexReader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e: tantivy::TantivyError| index_err(dir, e))?;
        Ok((index, reader))
    }))
    .map_err(|_| index_err(dir, "an index file is truncated"))?;
    let (index, reader) = opened?;
    if index.schema() != schema().0 {
        return Err(index_err(dir, "schema differs from this version's"));
    }
    Ok((index, reader))
}

/// Hard-links (or copies, where links are impossible) the files of one index directory.
fn link_files(from: &Path, to: &Path) -> Result<()> {
    let rd = std::fs::read_dir(from).map_err(|e| Error::io(format!("reading {}", from.display()), e))?;
    for e in rd.filter_map(|e| e.ok()) {
        let n = e.file_name();
        if n.to_string_lossy().ends_with(".lock") || !e.path().is_file() {
            continue;
        }
        std::fs::hard_link(e.path(), to.join(&n))
            .or_else(|_| std::fs::copy(e.path(), to.join(&n)).map(|_| ()))
            .map_err(|e| Error::io(format!("copying the live index into {}", to.display()), e))?;
    }
    Ok(())
}

fn writer(index: &Index, dir: &Path) -> Result<tantivy::IndexWriter> {
    index.writer_with_num_threads(1, 50_000_000).map_err(|e| index_err(dir, e))
}

/// Writes `bytes` to `path` by writing a sibling temporary file, syncing it, and renaming.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    let io = |e| Error::io(format!("writing {}", path.display()), e);
    let mut f = std::fs::File::create(&tmp).map_err(io)?;
    f.write_all(bytes).map_err(io)?;
    f.sync_all().map_err(io)?;
    drop(f);
    std::fs::rename(&tmp, path).map_err(io)?;
    Ok(())
}

/// Removes generations other than the live one and the one before it (which a running
/// server may still be reading from).
fn collect_garbage(root: &Path, live: &str) {
    let Ok(rd) = std::fs::read_dir(root) else { return };
    let mut gens: Vec<String> = rd
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.starts_with("gen-") && n != live)
        .collect();
    gens.sort_by_key(|n| n.split('-').nth(1).and_then(|t| t.parse::<u128>().ok()).unwrap_or(0));
    let keep_previous = gens.pop();
    for g in gens {
        if let Err(e) = std::fs::remove_dir_all(root.join(&g)) {
            tracing::warn!(generation = %g, error = %e, "could not remove an old index generation");
        }
    }
    tracing::debug!(?keep_previous, "kept the previous index generation");
}

/// The index's text analysis (the `en_stem` pipeline: split on non-alphanumerics, drop very
/// long tokens, lower-case, English Snowball stemming), usable before any index exists.
pub struct Analyzer {
    stemmed: tantivy::tokenizer::TextAnalyzer,
    /// The same pipeline without the stemmer.
    plain: tantivy::tokenizer::TextAnalyzer,
    /// Words already stemmed by [`Analyzer::stems_near`], with their stems: an analyser lives
    /// for one question, whose candidates repeat most of their words, and stemming a word
    /// costs a token stream of its own.
    memo: std::collections::HashMap<String, String>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Analyzer(en_stem)")
    }
}
impl Default for Analyzer {
    fn default() -> Self {
        use tantivy::tokenizer::{Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer};
        let plain =
            || TextAnalyzer::builder(SimpleTokenizer::default()).filter(RemoveLongFilter::limit(40)).filter(LowerCaser);
        Analyzer {
            stemmed: plain().filter(Stemmer::new(Language::English)).build(),
            plain: plain().build(),
            memo: std::collections::HashMap::new(),
        }
    }
}
impl Analyzer {
    /// Stems of `text` in order, repeats kept.
    pub fn stems(&mut self, text: &str) -> Vec<String> {
        let mut stream = self.stemmed.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    /// As [`Analyzer::stems`], but a word whose stem cannot be (or begin, or be begun by) any
    /// of `terms` is left as an empty string instead of being stemmed. English stemming only
    /// cuts and rewrites endings, so a stem begins with its word's first letter: a word
    /// whose first letter begins no term is skipped, and the words keep their places.
    pub fn stems_near(&mut self, text: &str, terms: &[String]) -> Vec<String> {
        let firsts: Vec<char> = terms.iter().filter_map(|t| t.chars().next()).collect();
        let mut words = Vec::new();
        let mut stream = self.plain.token_stream(text);
        while stream.advance() {
            let w = &stream.token().text;
            words.push(if w.chars().next().is_some_and(|c| firsts.contains(&c)) { w.clone() } else { String::new() });
        }
        for w in words.iter_mut().filter(|w| !w.is_empty()) {
            if let Some(stem) = self.memo.get(w.as_str()) {
                w.clone_from(stem);
                continue;
            }
            let stem = {
                let mut one = self.stemmed.token_stream(w);
                if one.advance() {
                    one.token().text.clone()
                } else {
                    String::new()
                }
            };
            self.memo.insert(std::mem::replace(w, stem.clone()), stem);
        }
        words
    }
}

#[cfg(test)]
mod tests;
