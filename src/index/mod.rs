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
    pub data: &'a str,
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

/// How many articles a search looks inside (see [`SearchIndex::search`]): enough that the
/// best sentences of a question almost always lie in them, few enough that a search costs the
/// same at any corpus size.
pub const ARTICLES_SEARCHED: usize = 64;

/// How many asked words make a search also look, corpus-wide, for units holding all of them.
/// Fewer words are common together (`oil prices rise`) and their intersection is long.
pub const WHOLE_MATCH_TERMS: usize = 4;
/// At most this many units of the best articles are hits by meaning alone.
pub const SIMILAR_UNITS: usize = 12;
/// Below this cosine similarity a unit is not close enough in meaning to be a hit by it.
pub const MIN_SIMILARITY: f32 = 0.45;
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

/// A search request: topic words (analysed like the text) and optional filters.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest<'a> {
    pub words: &'a str,
    /// Speaker ids, any of which may have said it.
    pub speakers: &'a [u64],
    pub kind: Option<UnitKind>,
    pub limit: usize,
    /// Also look corpus-wide for units holding every asked word, however few are asked: a
    /// who-said question quotes the words it looks for.
    pub whole: bool,
    /// Folded words the outlet's name must hold (`washington`, `post`): only its articles
    /// are searched. Empty: every outlet.
    pub outlet: &'a [String],
    /// The question's meaning: every hit gets its similarity to it, and the units of the best
    /// articles most similar to it are hits too, whatever words they share with the question.
    pub meaning: Option<&'a Meaning>,
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
    /// An article record's outlet, word by word (lower case, unstemmed).
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
        article_key: b.add_u64_field("article_key", INDEXED),
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
        Ok(SearchIndex { dir, index, reader, records, fields, manifest })
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

    /// Runs a search over units; hits come best first.
    ///
    /// Asked words are searched in two steps, so a question costs about the same at any
    /// corpus size. First the article records: the [`ARTICLES_SEARCHED`] articles whose whole
    /// text answers the words best (a plain union of term queries over one document per
    /// article, which tantivy answers with block-max WAND), among the articles that quote one
    /// of the speakers if any are asked for. Then the units of those articles only, each scored
    /// as before on its own words (counting double) and its paragraph, filtered by speaker and
    /// kind. A unit holding an asked word lies in an article holding it, so on a corpus of at
    /// most that many articles (or of that many matching ones) the hits are exactly those of
    /// the unrestricted search.
    ///
    /// An article can hold the one sentence that has every asked word and still not rank among
    /// the best articles (a short quotation of common words in a long article: `who said "we
    /// are a long way off from that"`). So when [`WHOLE_MATCH_TERMS`] or more words are asked (or
    /// two or more and the request asks for it),
    /// the units holding all of them in their own words are searched too, over the whole
    /// corpus: an intersection, selective with that many words. Both searches score a unit
    /// alike; their hits are merged by key.
    pub fn search(&self, req: &SearchRequest<'_>) -> Result<Vec<Hit>> {
        let terms = self.analyse(req.words)?;
        if terms.is_empty() && req.outlet.is_empty() {
            let clauses = self.filters(req, vec![(Occur::Must, Box::new(AllQuery))]);
            return self.run(&self.reader, &BooleanQuery::new(clauses), req.limit);
        }
        let started = std::time::Instant::now();
        let articles = self.articles_for(&terms, req.speakers, req.outlet)?;
        tracing::debug!(us = started.elapsed().as_micros() as u64, articles = articles.len(), "ranked articles");
        let mut hits = Vec::new();
        if !articles.is_empty() {
            let words: Box<dyn Query> = if terms.is_empty() {
                Box::new(AllQuery)
            } else {
                Box::new(BooleanQuery::new(self.word_clauses(&terms)))
            };
            let any: Vec<(Occur, Box<dyn Query>)> =
                articles.iter().map(|&k| (Occur::Should, u64_query(self.fields.article_key, k))).collect();
            // Scores nothing: a unit's score is what it was without the restriction.
            let clauses = self.filters(
                req,
                vec![
                    (Occur::Must, words),
                    (Occur::Must, Box::new(ConstScoreQuery::new(Box::new(BooleanQuery::new(any)), 0.0))),
                ],
            );
            hits = self.run_meaning(&self.reader, &BooleanQuery::new(clauses), req.limit, req.meaning)?;
            tracing::debug!(us = started.elapsed().as_micros() as u64, hits = hits.len(), "searched their units");
        }
        // (Units carry no outlet: a search in one outlet's articles stays in the best of them.)
        if terms.len() >= 2 && req.outlet.is_empty() && (req.whole || terms.len() >= WHOLE_MATCH_TERMS) {
            let all: Vec<(Occur, Box<dyn Query>)> =
                terms.iter().map(|t| (Occur::Must, term_query(self.fields.text, t))).collect();
            let clauses = self.filters(
                req,
                vec![
                    (Occur::Must, Box::new(BooleanQuery::new(self.word_clauses(&terms)))),
                    (Occur::Must, Box::new(ConstScoreQuery::new(Box::new(BooleanQuery::new(all)), 0.0))),
                ],
            );
            let whole = self.run_meaning(&self.reader, &BooleanQuery::new(clauses), req.limit, req.meaning)?;
            tracing::debug!(us = started.elapsed().as_micros() as u64, hits = whole.len(), "searched every unit");
            let seen: HashSet<u64> = hits.iter().map(|h| h.key).collect();
            let new: Vec<Hit> = whole.into_iter().filter(|h| !seen.contains(&h.key)).collect();
            if !new.is_empty() {
                hits.extend(new);
                // Stable: hits of equal score keep the order tantivy gave them.
                hits.sort_by(|a, b| b.score.total_cmp(&a.score));
                hits.truncate(req.limit.max(1));
            }
        }
        // Hits by meaning come last (score 0), beyond the limit: re-ranking weighs them.
        if let (Some(m), false) = (req.meaning, articles.is_empty()) {
            let similar = self.similar_units(req, &articles, m)?;
            tracing::debug!(us = started.elapsed().as_micros() as u64, hits = similar.len(), "searched by meaning");
            let seen: HashSet<u64> = hits.iter().map(|h| h.key).collect();
            hits.extend(similar.into_iter().filter(|h| !seen.contains(&h.key)));
        }
        Ok(hits)
    }

    /// `clauses` with the request's speaker and kind filters added.
    fn filters(
        &self,
        req: &SearchRequest<'_>,
        mut clauses: Vec<(Occur, Box<dyn Query>)>,
    ) -> Vec<(Occur, Box<dyn Query>)> {
        if !req.speakers.is_empty() {
            let any = self.speaker_clauses(req.speakers);
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        if let Some(k) = req.kind {
            clauses.push((Occur::Must, term_query(self.fields.kind, k.as_str())));
        }
        clauses
    }

    /// Each analysed word as two optional term clauses: in the unit's own words (counting
    /// double) and in its context.
    fn word_clauses(&self, terms: &[String]) -> Vec<(Occur, Box<dyn Query>)> {
        let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for term in terms {
            let t = Term::from_field_text(self.fields.text, term);
            should.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs)), 2.0)),
            ));
            let c = Term::from_field_text(self.fields.context, term);
            should.push((Occur::Should, Box::new(TermQuery::new(c, IndexRecordOption::WithFreqs))));
        }
        should
    }

    /// Any of the speakers, each a term (the id as text) that scores like one.
    fn speaker_clauses(&self, speakers: &[u64]) -> Vec<(Occur, Box<dyn Query>)> {
        speakers
            .iter()
            .map(|&s| {
                let t = Term::from_field_text(self.fields.speaker, &s.to_string());
                (Occur::Should, Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>)
            })
            .collect()
    }

    /// The record keys of the articles whose text answers `words` best, among those quoting
    /// one of `speakers` if any are given.
    pub fn best_articles(&self, words: &str, speakers: &[u64]) -> Result<Vec<u64>> {
        self.articles_for(&self.analyse(words)?, speakers, &[])
    }

    /// [`SearchIndex::best_articles`] for words already analysed, in the outlet whose name
    /// holds every word of `outlet` (any outlet if empty). No words: the outlet's articles.
    fn articles_for(&self, terms: &[String], speakers: &[u64], outlet: &[String]) -> Result<Vec<u64>> {
        let body: Box<dyn Query> = if terms.is_empty() {
            Box::new(AllQuery)
        } else {
            Box::new(BooleanQuery::new(
                terms
                    .iter()
                    .map(|t| {
                        let t = Term::from_field_text(self.fields.body, t);
                        (Occur::Should, Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs)) as Box<dyn Query>)
                    })
                    .collect(),
            ))
        };
        let mut must: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, body)];
        if !speakers.is_empty() {
            let quoting = ConstScoreQuery::new(Box::new(BooleanQuery::new(self.speaker_clauses(speakers))), 0.0);
            must.push((Occur::Must, Box::new(quoting)));
        }
        for w in outlet {
            let t = Term::from_field_text(self.fields.a_outlet, w);
            must.push((Occur::Must, Box::new(TermQuery::new(t, IndexRecordOption::Basic))));
        }
        let query: Box<dyn Query> = Box::new(BooleanQuery::new(must));
        let searcher = self.records.searcher();
        let top = searcher
            .search(&query, &TopDocs::with_limit(ARTICLES_SEARCHED).order_by_score())
            .map_err(|e| index_err(&self.dir, e))?;
        let mut keys = Vec::with_capacity(top.len());
        let mut columns: Vec<Option<tantivy::columnar::Column<u64>>> = vec![None; searcher.segment_readers().len()];
        for (_, addr) in top {
            let column = match &columns[addr.segment_ord as usize] {
                Some(c) => c,
                None => {
                    let reader = searcher.segment_reader(addr.segment_ord);
                    let c = reader.fast_fields().u64("key").map_err(|e| index_err(&self.dir, e))?;
                    columns[addr.segment_ord as usize].insert(c)
                }
            };
            keys.extend(column.first(addr.doc_id));
        }
        Ok(keys)
    }

    /// Whether some article's outlet has this word (folded) in its name.
    pub fn outlet_word(&self, word: &str) -> Result<bool> {
        let t = Term::from_field_text(self.fields.a_outlet, word);
        Ok(self.records.searcher().doc_freq(&t).map_err(|e| index_err(&self.dir, e))? > 0)
    }

    fn run(&self, reader: &IndexReader, query: &dyn Query, limit: usize) -> Result<Vec<Hit>> {
        self.run_meaning(reader, query, limit, None)
    }

    /// As `run`, each hit with its similarity to `meaning` if one is given.
    fn run_meaning(
        &self,
        reader: &IndexReader,
        query: &dyn Query,
        limit: usize,
        meaning: Option<&Meaning>,
    ) -> Result<Vec<Hit>> {
        let searcher = reader.searcher();
        let top = searcher
            .search(query, &TopDocs::with_limit(limit.max(1)).order_by_score())
            .map_err(|e| index_err(&self.dir, e))?;
        let mut hits = self.fetch(&searcher, &top)?;
        if let Some(m) = meaning {
            let mut columns = MeaningColumns::new(&searcher);
            for (hit, (_, addr)) in hits.iter_mut().zip(&top) {
                hit.similarity = columns.get(*addr)?.map(|u| embed::similarity(m, &u));
            }
        }
        hits.retain(|h| h.key != NO_KEY);
        Ok(hits)
    }

    /// The units of `articles` (with the request's filters) whose meaning is closest to
    /// `meaning`, at least [`MIN_SIMILARITY`]: at most [`SIMILAR_UNITS`], each with score 0
    /// (no word matched) and its similarity. The articles bound the cost: a question compares
    /// its meaning with the units of a few dozen articles, never with the whole corpus.
    fn similar_units(&self, req: &SearchRequest<'_>, articles: &[u64], meaning: &Meaning) -> Result<Vec<Hit>> {
        let any: Vec<(Occur, Box<dyn Query>)> =
            articles.iter().map(|&k| (Occur::Should, u64_query(self.fields.article_key, k))).collect();
        let clauses = self.filters(req, vec![(Occur::Must, Box::new(BooleanQuery::new(any)))]);
        let query = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let q = *meaning;
        let collector = TopDocs::with_limit(SIMILAR_UNITS).tweak_score(move |segment: &tantivy::SegmentReader| {
            let columns = meaning_columns(segment).ok();
            move |doc: tantivy::DocId, _score: Score| -> f32 {
                columns.as_deref().and_then(|c| read_meaning(c, doc)).map_or(-1.0, |u| embed::similarity(&q, &u))
            }
        });
        let mut top = searcher.search(&query, &collector).map_err(|e| index_err(&self.dir, e))?;
        top.retain(|(sim, _)| *sim >= MIN_SIMILARITY);
        let sims: Vec<f32> = top.iter().map(|t| t.0).collect();
        let top: Vec<(Score, tantivy::DocAddress)> = top.into_iter().map(|(_, a)| (0.0, a)).collect();
        let mut hits = self.fetch(&searcher, &top)?;
        for (h, s) in hits.iter_mut().zip(sims) {
            h.similarity = Some(s);
        }
        hits.retain(|h| h.key != NO_KEY);
        Ok(hits)
    }

    fn fetch(&self, searcher: &tantivy::Searcher, top: &[(Score, tantivy::DocAddress)]) -> Result<Vec<Hit>> {
        tracing::trace!(docs = top.len(), "fetching");
        let mut hits = Vec::with_capacity(top.len());
        for &(score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr).map_err(|e| index_err(&self.dir, e))?;
            let key = doc.get_first(self.fields.key).and_then(|v| v.as_u64()).unwrap_or(NO_KEY);
            let text = doc.get_first(self.fields.text).and_then(|v| v.as_str()).unwrap_or("").to_string();
            let data = doc.get_first(self.fields.data).and_then(|v| v.as_str()).unwrap_or("").to_string();
            // A document without a key keeps its place (hits stay aligned with addresses)
            // until the caller drops it.
            hits.push(Hit { key, score, text, data, similarity: None });
        }
        Ok(hits)
    }

    /// The documents with these keys (units or timeline entries), in no particular order: one
    /// search for all of them, not one each.
    pub fn get_many(&self, keys: &[u64]) -> Result<Vec<Hit>> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let any: Vec<(Occur, Box<dyn Query>)> = keys
            .iter()
            .map(|&k| {
                let q = TermQuery::new(Term::from_field_u64(self.fields.key, k), IndexRecordOption::Basic);
                (Occur::Should, Box::new(q) as Box<dyn Query>)
            })
            .collect();
        self.run(&self.reader, &BooleanQuery::new(any), keys.len())
    }

    /// The stored record of an article.
    pub fn article(&self, id: &str) -> Result<Option<Hit>> {
        self.record(ARTICLE, term_query(self.fields.article, id))
    }

    /// The first record of `kind` that `which` matches.
    fn record(&self, kind: &str, which: Box<dyn Query>) -> Result<Option<Hit>> {
        let q = BooleanQuery::new(vec![(Occur::Must, term_query(self.fields.kind, kind)), (Occur::Must, which)]);
        Ok(self.run(&self.records, &q, 1)?.pop())
    }

    /// The stored record of the article with this headline-and-date key, if any.
    pub fn article_titled(&self, title_key: &str) -> Result<Option<Hit>> {
        self.record(ARTICLE, term_query(self.fields.a_title, title_key))
    }

    /// Every stored article record.
    pub fn articles(&self) -> Result<Vec<Hit>> {
        let q = TermQuery::new(Term::from_field_text(self.fields.kind, ARTICLE), IndexRecordOption::Basic);
        let n = self.count(&self.records, &q)?;
        self.run(&self.records, &q, n)
    }

    /// Units of one article, in key order.
    pub fn article_units(&self, article: &str, kind: UnitKind) -> Result<Vec<Hit>> {
        let q = BooleanQuery::new(vec![
            (Occur::Must, term_query(self.fields.article, article)),
            (Occur::Must, term_query(self.fields.kind, kind.as_str())),
        ]);
        let n = self.count(&self.reader, &q)?;
        let mut hits = self.run(&self.reader, &q, n)?;
        hits.sort_by_key(|h| h.key);
        Ok(hits)
    }

    fn count(&self, reader: &IndexReader, q: &dyn Query) -> Result<usize> {
        reader.searcher().search(q, &tantivy::collector::Count).map_err(|e| index_err(&self.dir, e))
    }

    /// How many timeline entries `word` fits.
    pub fn count_events(&self, word: &EventWord) -> Result<usize> {
        self.count(&self.records, &self.event_word(word))
    }

    /// Timeline entries matching `q`, best first (entries sharing more and rarer words first).
    pub fn events(&self, q: &EventQuery) -> Result<Vec<Hit>> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, term_query(self.fields.kind, EVENT))];
        for w in &q.all {
            clauses.push((Occur::Must, self.event_word(w)));
        }
        if !q.any.is_empty() {
            let any = q.any.iter().map(|w| (Occur::Should, self.event_word(w))).collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        // Overlapping [from, to]: starts on or before `to`, ends on or after `from`.
        if let Some(to) = q.to {
            let r = RangeQuery::new(Bound::Unbounded, Bound::Included(Term::from_field_i64(self.fields.ev_start, to)));
            clauses.push((Occur::Must, Box::new(r)));
        }
        if let Some(from) = q.from {
            let r = RangeQuery::new(Bound::Included(Term::from_field_i64(self.fields.ev_end, from)), Bound::Unbounded);
            clauses.push((Occur::Must, Box::new(r)));
        }
        let query = BooleanQuery::new(clauses);
        let limit = if q.limit == 0 { self.count(&self.records, &query)? } else { q.limit };
        self.run(&self.records, &query, limit)
    }

    /// One asked word as a query: its exact term among people and places, and among the
    /// entry's words either exactly or, loosely, any word it is a prefix of or that is a
    /// prefix of it (both at least five bytes).
    fn event_word(&self, w: &EventWord) -> Box<dyn Query> {
        let f = self.fields;
        let mut any: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Should, term_query(f.ev_extras, &w.word)), (Occur::Should, term_query(f.ev_words, &w.word))];
        if w.loose && w.word.len() >= 5 {
            any.push((Occur::Should, prefix_query(f.ev_words, &w.word, false)));
            for (i, _) in w.word.char_indices().filter(|(i, _)| *i >= 5) {
                any.push((Occur::Should, term_query(f.ev_words, &w.word[..i])));
            }
        }
        Box::new(BooleanQuery::new(any))
    }

    /// The ids of people (and organisations) with `word` among the words `which` compares.
    pub fn people_with(&self, which: PersonWords, word: &str) -> Result<Vec<u64>> {
        let f = self.fields;
        let words: Box<dyn Query> = match which {
            PersonWords::Names => term_query(f.p_names, word),
            PersonWords::Described => term_query(f.p_described, word),
            PersonWords::DescribedPrefix => prefix_query(f.p_described, word, true),
            PersonWords::Initials => term_query(f.p_initials, word),
        };
        self.person_keys(words)
    }

    /// The ids of people whose family name is at most `distance` edits (a swap of two
    /// neighbouring letters counts as one) from `word`.
    pub fn people_near(&self, word: &str, distance: u8) -> Result<Vec<u64>> {
        let t = Term::from_field_text(self.fields.p_surname, word);
        self.person_keys(Box::new(tantivy::query::FuzzyTermQuery::new(t, distance, true)))
    }

    fn person_keys(&self, words: Box<dyn Query>) -> Result<Vec<u64>> {
        let q = BooleanQuery::new(vec![(Occur::Must, term_query(self.fields.kind, PERSON)), (Occur::Must, words)]);
        let searcher = self.records.searcher();
        let addrs = searcher.search(&q, &tantivy::collector::DocSetCollector).map_err(|e| index_err(&self.dir, e))?;
        let mut keys = Vec::with_capacity(addrs.len());
        for addr in addrs {
            let reader = searcher.segment_reader(addr.segment_ord);
            let column = reader.fast_fields().u64("key").map_err(|e| index_err(&self.dir, e))?;
            if let Some(k) = column.first(addr.doc_id) {
                keys.push(k);
            }
        }
        keys.sort_unstable();
        keys.dedup();
        Ok(keys)
    }

    /// The stored data of one person.
    pub fn person(&self, id: u64) -> Result<Option<Hit>> {
        let key = TermQuery::new(Term::from_field_u64(self.fields.key, id), IndexRecordOption::Basic);
        self.record(PERSON, Box::new(key))
    }

    /// Every stored person (for the whole registry: re-indexing and listings, not answers).
    pub fn people(&self) -> Result<Vec<Hit>> {
        let q = TermQuery::new(Term::from_field_text(self.fields.kind, PERSON), IndexRecordOption::Basic);
        let n = self.count(&self.records, &q)?;
        self.run(&self.records, &q, n)
    }

    /// The index's own analysis of some words (lower-cased, stemmed English), so callers can
    /// compare question words with text words the way the index does.
    pub fn analyse(&self, words: &str) -> Result<Vec<String>> {
        let mut analyzer = self.index.tokenizer_for_field(self.fields.text).map_err(|e| index_err(&self.dir, e))?;
        let mut stream = analyzer.token_stream(words);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token().text.clone();
            if !out.contains(&t) {
                out.push(t);
            }
        }
        Ok(out)
    }
}

/// The terms of `field` that begin with `prefix` (and are longer, unless `itself`): a range
/// of the term dictionary, which costs less to set up than a regular expression's automaton.
fn prefix_query(field: Field, prefix: &str, itself: bool) -> Box<dyn Query> {
    let from = Term::from_field_text(field, prefix);
    let lower = if itself { Bound::Included(from) } else { Bound::Excluded(from) };
    // Past every term beginning with the prefix: its bytes with the last one raised (UTF-8
    // never holds 0xFF, so no carry is ever needed in practice).
    let mut past = prefix.as_bytes().to_vec();
    while past.last() == Some(&0xFF) {
        past.pop();
    }
    let upper = match past.last_mut() {
        Some(b) => {
            *b += 1;
            let mut t = Term::from_field_text(field, "");
            t.append_bytes(&past);
            Bound::Excluded(t)
        }
        None => Bound::Unbounded,
    };
    Box::new(RangeQuery::new(lower, upper))
}

/// The meaning columns of a searcher's segments, opened on first need.
struct MeaningColumns<'s> {
    searcher: &'s tantivy::Searcher,
    segments: Vec<Option<Vec<tantivy::columnar::Column<u64>>>>,
}

impl<'s> MeaningColumns<'s> {
    fn new(searcher: &'s tantivy::Searcher) -> Self {
        MeaningColumns { searcher, segments: vec![None; searcher.segment_readers().len()] }
    }

    /// The stored meaning of a document, if it has one.
    fn get(&mut self, addr: tantivy::DocAddress) -> Result<Option<Meaning>> {
        let slot = &mut self.segments[addr.segment_ord as usize];
        if slot.is_none() {
            let reader = self.searcher.segment_reader(addr.segment_ord);
            let cols = meaning_columns(reader)
                .map_err(|e| Error::Index { path: PathBuf::new(), reason: format!("meaning column: {e}") })?;
            *slot = Some(cols);
        }
        let cols = slot.as_ref().expect("just filled");
        Ok(read_meaning(cols, addr.doc_id))
    }
}

/// The meaning columns of one segment, in order.
fn meaning_columns(segment: &tantivy::SegmentReader) -> tantivy::Result<Vec<tantivy::columnar::Column<u64>>> {
    (0..embed::DIM / 8).map(|i| segment.fast_fields().u64(&meaning_column(i))).collect()
}

/// A document's stored meaning, if it has one, from its segment's [`meaning_columns`].
fn read_meaning(columns: &[tantivy::columnar::Column<u64>], doc: tantivy::DocId) -> Option<Meaning> {
    let mut words = [0u64; embed::DIM / 8];
    for (w, c) in words.iter_mut().zip(columns) {
        *w = c.first(doc)?;
    }
    Some(embed::unpack(&words))
}

fn u64_query(field: Field, value: u64) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_u64(field, value), IndexRecordOption::Basic))
}

fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::Basic))
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
            let units = Index::create_in_dir(dir, schema().0).map_err(|e| index_err(dir, e))?;
            let records = Index::create_in_dir(rdir, schema().0).map_err(|e| index_err(rdir, e))?;
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
        Analyzer { stemmed: plain().filter(Stemmer::new(Language::English)).build(), plain: plain().build() }
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
            let stem = {
                let mut one = self.stemmed.token_stream(w);
                if one.advance() {
                    one.token().text.clone()
                } else {
                    String::new()
                }
            };
            *w = stem;
        }
        words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A request for `words` in every outlet, ranked (not verbatim), with no speaker or meaning.
    fn request(words: &str, kind: Option<UnitKind>, limit: usize) -> SearchRequest<'_> {
        SearchRequest { outlet: &[], meaning: None, whole: false, words, speakers: &[], kind, limit }
    }

    /// The unrestricted query a search stands for: the words' union intersected with the
    /// filters, scored together, over every unit.
    fn unrestricted(ix: &SearchIndex, words: &str, kind: Option<UnitKind>, limit: usize) -> Vec<(u64, f32)> {
        let should = ix.word_clauses(&ix.analyse(words).unwrap());
        let mut clauses = vec![(Occur::Must, Box::new(BooleanQuery::new(should)) as Box<dyn Query>)];
        if let Some(k) = kind {
            clauses.push((Occur::Must, term_query(ix.fields.kind, k.as_str())));
        }
        ix.run(&ix.reader, &BooleanQuery::new(clauses), limit).unwrap().into_iter().map(|h| (h.key, h.score)).collect()
    }

    /// An article (record key `key + 1`) whose one unit, keyed `key`, is a quote of speaker 7.
    fn quoted_article(b: &mut Builder, key: u64, id: &str, quote: &str, body: &str) {
        let unit = UnitDoc {
            key,
            kind: UnitKind::Quote,
            article: id,
            article_key: key + 1,
            speaker: Some(7),
            text: quote,
            context: quote,
            data: "{}",
            meaning: None,
        };
        b.add_unit(&unit).unwrap();
        b.add_article(&ArticleDoc {
            key: key + 1,
            id,
            title_key: id,
            body,
            speakers: &[7],
            outlet: "Test News",
            data: "{}",
        })
        .unwrap();
    }

    /// A small deterministic generator of numbers below `n`.
    fn generator(mut seed: u64) -> impl FnMut(u64) -> u64 {
        move |n| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        }
    }

    const VOCAB: [&str; 10] = ["oil", "price", "rise", "jobs", "cut", "company", "minister", "war", "film", "election"];

    /// Adds `units` generated units spread over `articles` articles (with their records,
    /// keyed `units + article`).
    fn generated(b: &mut Builder, articles: u64, units: u64, seed: u64) {
        let mut next = generator(seed);
        let mut bodies: Vec<String> = vec![String::new(); articles as usize];
        for key in 0..units {
            let article = key % articles;
            let words: Vec<&str> = (0..1 + next(6)).map(|_| VOCAB[next(VOCAB.len() as u64) as usize]).collect();
            let context: Vec<&str> = (0..next(8)).map(|_| VOCAB[next(VOCAB.len() as u64) as usize]).collect();
            // Quotes are rare, as in news.
            let kind = if next(20) == 0 { UnitKind::Quote } else { UnitKind::Passage };
            let (text, context) = (words.join(" "), context.join(" "));
            b.add_unit(&UnitDoc {
                key,
                kind,
                article: &format!("a{article}"),
                article_key: units + article,
                speaker: None,
                text: &text,
                context: &context,
                data: "{}",
                meaning: None,
            })
            .unwrap();
            let body = &mut bodies[article as usize];
            body.extend([" ", &text, " ", &context]);
        }
        for (i, body) in bodies.iter().enumerate() {
            let id = format!("a{i}");
            let doc = ArticleDoc {
                key: units + i as u64,
                id: &id,
                title_key: &id,
                body,
                speakers: &[],
                outlet: "Test News",
                data: "{}",
            };
            b.add_article(&doc).unwrap();
        }
    }

    #[test]
    fn stems_near_some_terms_are_the_stems_of_words_that_could_match_them_in_place() {
        let mut a = Analyzer::default();
        let text = "The Ministers were dying; early-morning skies, Iraq's ugly wars, and the news!";
        let all = a.stems(text);
        let terms: Vec<String> = ["minist", "die", "sky", "war", "earli", "news"].map(String::from).to_vec();
        let near = a.stems_near(text, &terms);
        assert_eq!(near.len(), all.len());
        for (n, s) in near.iter().zip(&all) {
            let could = terms.iter().any(|t| t.chars().next() == s.chars().next());
            assert_eq!(n, if could { s } else { "" }, "{near:?} vs {all:?}");
        }
        assert!(near.contains(&"die".to_string()) && near.contains(&"sky".to_string()), "{near:?}");
    }

    #[test]
    fn a_prefix_look_up_finds_the_words_a_prefix_begins_and_no_others() {
        let root = tempfile::tempdir().unwrap();
        let mut b = Builder::create(root.path()).unwrap();
        for (id, word) in ["merge", "merger", "mergers", "mergersx", "merges", "mergeq", "ñandú"].iter().enumerate() {
            let described = [word.to_string()];
            let doc =
                PersonDoc { id: id as u64, names: &[], surname: "", described: &described, initials: None, data: "{}" };
            b.add_person(&doc).unwrap();
        }
        let ix = b.commit().unwrap();
        assert_eq!(ix.people_with(PersonWords::DescribedPrefix, "merger").unwrap(), vec![1, 2, 3]);
        assert_eq!(ix.people_with(PersonWords::DescribedPrefix, "merge").unwrap(), vec![0, 1, 2, 3, 4, 5]);
        assert_eq!(ix.people_with(PersonWords::DescribedPrefix, "ñan").unwrap(), vec![6]);
        let longer = ix
            .records
            .searcher()
            .search(&*prefix_query(ix.fields.p_described, "merger", false), &tantivy::collector::Count);
        assert_eq!(longer.unwrap(), 2, "mergers and mergersx");
    }

    #[test]
    fn on_a_corpus_of_few_articles_a_search_finds_the_unrestricted_querys_hits_in_its_order() {
        let root = tempfile::tempdir().unwrap();
        let mut b = Builder::create(root.path()).unwrap();
        generated(&mut b, 20, 3000, 2225);
        let ix = b.commit().unwrap();
        for words in ["oil price", "jobs cut company", "war", "film election minister", "rise"] {
            for kind in [None, Some(UnitKind::Quote), Some(UnitKind::Passage)] {
                for limit in [1, 5, 60] {
                    let req = request(words, kind, limit);
                    let got: Vec<(u64, f32)> = ix.search(&req).unwrap().into_iter().map(|h| (h.key, h.score)).collect();
                    let want = unrestricted(&ix, words, kind, limit);
                    assert_eq!(got.len(), want.len(), "{words} {kind:?} {limit}");
                    let close = |a: f32, b: f32| (a - b).abs() <= 1e-5 * b.abs();
                    for (g, w) in got.iter().zip(&want) {
                        // The same sums, possibly added in another order: equal up to
                        // rounding, so only units whose scores are that close may swap.
                        assert!(close(g.1, w.1), "{words} {kind:?} {limit}: {got:?} vs {want:?}");
                        if g.0 != w.0 {
                            let twin = want.iter().find(|x| x.0 == g.0).expect("the same units");
                            assert!(close(twin.1, g.1), "{words} {kind:?} {limit}: {got:?} vs {want:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn on_a_corpus_of_many_articles_a_search_looks_inside_the_articles_that_answer_best() {
        let root = tempfile::tempdir().unwrap();
        let mut b = Builder::create(root.path()).unwrap();
        let articles = 4 * ARTICLES_SEARCHED as u64;
        generated(&mut b, articles, 20 * articles, 9);
        // One article about a rare subject, whose one unit also holds the common words.
        let (key, id) = (100_000, "zebra-article");
        let text = "the zebra crossing cut oil jobs";
        quoted_article(&mut b, key, id, text, text);
        let ix = b.commit().unwrap();

        let best = ix.best_articles("oil jobs", &[]).unwrap();
        assert_eq!(best.len(), ARTICLES_SEARCHED);
        let hits = ix.search(&request("oil jobs", None, 60)).unwrap();
        let record = |k: u64| if k == key { key + 1 } else { 20 * articles + k % articles };
        assert!(hits.iter().all(|h| best.contains(&record(h.key))), "every hit lies in an article searched");

        let zebra = ix.search(&request("zebra oil jobs", None, 5)).unwrap();
        assert_eq!(zebra.first().map(|h| h.key), Some(key), "the rare word's article is searched");
        let said = ix.search(&SearchRequest { speakers: &[7], ..request("oil", None, 5) }).unwrap();
        assert_eq!(said.iter().map(|h| h.key).collect::<Vec<_>>(), vec![key], "only the speaker's article");
        let none = ix.search(&SearchRequest { speakers: &[8], ..request("oil", None, 5) }).unwrap();
        assert!(none.is_empty(), "nobody quoted as 8: {none:?}");
    }

    #[test]
    fn a_unit_holding_every_asked_word_is_found_in_an_article_that_does_not_rank_among_the_best() {
        let root = tempfile::tempdir().unwrap();
        let mut b = Builder::create(root.path()).unwrap();
        let articles = 4 * ARTICLES_SEARCHED as u64;
        generated(&mut b, articles, 20 * articles, 5);
        // A long article on something else, with one short quotation of common words.
        let (key, id) = (100_000, "long-article");
        let text = "we cut oil, war film and election";
        let body = format!("{} {text}", "weather harbour ferry timetable ".repeat(500));
        quoted_article(&mut b, key, id, text, &body);
        let ix = b.commit().unwrap();

        let words = "cut oil war film election";
        assert!(words.split(' ').count() >= WHOLE_MATCH_TERMS);
        assert!(!ix.best_articles(words, &[]).unwrap().contains(&(key + 1)), "the article itself ranks low");
        let hits = ix.search(&request(words, None, 10)).unwrap();
        assert!(hits.iter().any(|h| h.key == key), "{hits:?}");
        let quotes = ix.search(&request(words, Some(UnitKind::Quote), 10)).unwrap();
        assert!(quotes.iter().any(|h| h.key == key), "{quotes:?}");

        // Fewer words: only when the request asks for every unit holding them all.
        let words = "war film election";
        assert!(!ix.best_articles(words, &[]).unwrap().contains(&(key + 1)), "the article itself ranks low");
        let kind = Some(UnitKind::Quote);
        let ranked = ix.search(&request(words, kind, 10)).unwrap();
        assert!(!ranked.iter().any(|h| h.key == key), "{ranked:?}");
        let verbatim = ix.search(&SearchRequest { whole: true, ..request(words, kind, 10) }).unwrap();
        assert!(verbatim.iter().any(|h| h.key == key), "{verbatim:?}");
    }
}
