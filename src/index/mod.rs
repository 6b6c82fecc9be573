//! The search index: the only module that touches tantivy.
//!
//! On disk, `index.dir` holds generations (`gen-…/`, each a complete tantivy index plus a
//! `summitbot.json` manifest) and a `CURRENT` file naming the live one. A build writes a new
//! generation beside the old, then replaces `CURRENT` by an atomic rename, so a reader never
//! sees a half-built index and a crash mid-build leaves the previous generation live.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::TokenStream;
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument, Term};

use crate::error::{Error, Result};

const CURRENT: &str = "CURRENT";
const MANIFEST: &str = "summitbot.json";

/// What is indexed for one answerable unit (a quote or a passage).
#[derive(Debug, Clone, Copy)]
pub struct UnitDoc<'a> {
    /// The engine's id for the unit; search hits return it.
    pub key: u64,
    pub kind: UnitKind,
    /// Canonical speaker name, if the unit is anyone's words.
    pub speaker: Option<&'a str>,
    pub text: &'a str,
    /// Surrounding words (paragraph, headline) that help a unit be found.
    pub context: &'a str,
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

/// Facts about a generation, written next to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub fingerprint: String,
    /// Hash of what was indexed (every unit's article, kind, span and speaker): an index is
    /// only used by a program that extracts exactly the same units from the corpus.
    pub units_digest: String,
    /// Seconds since the Unix epoch.
    pub built_at: u64,
    pub build_ms: u64,
    pub units: u64,
    pub articles: usize,
    pub quotes: usize,
    pub people: usize,
}

/// A search request: topic words (analysed like the text) and optional filters.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest<'a> {
    pub words: &'a str,
    pub speakers: &'a [&'a str],
    pub kind: Option<UnitKind>,
    pub limit: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub key: u64,
    pub score: f32,
}

#[derive(Debug, Clone, Copy)]
struct Fields {
    key: Field,
    kind: Field,
    speaker: Field,
    text: Field,
    context: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let stemmed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        key: b.add_u64_field("key", INDEXED | STORED | FAST),
        kind: b.add_text_field("kind", STRING),
        speaker: b.add_text_field("speaker", STRING),
        text: b.add_text_field("text", stemmed.clone()),
        context: b.add_text_field("context", stemmed),
    };
    (b.build(), fields)
}

/// An open generation, ready to search. Cheap to share behind an `Arc`.
pub struct SearchIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
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

impl SearchIndex {
    /// Opens the live generation under `root` and checks it end to end (manifest, checksums,
    /// document count). Any failure is an [`Error::Index`]: the caller rebuilds.
    pub fn open(root: &Path) -> Result<SearchIndex> {
        let current =
            std::fs::read_to_string(root.join(CURRENT)).map_err(|e| index_err(root, format!("no live index ({e})")))?;
        let name = current.trim();
        if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
            return Err(index_err(root, "CURRENT names no generation"));
        }
        let dir = root.join(name);
        let manifest: Manifest = serde_json::from_slice(
            &std::fs::read(dir.join(MANIFEST)).map_err(|e| index_err(&dir, format!("manifest unreadable ({e})")))?,
        )
        .map_err(|e| index_err(&dir, format!("manifest is not valid ({e})")))?;
        let index = Index::open_in_dir(&dir).map_err(|e| index_err(&dir, e))?;
        // tantivy panics (rather than erring) on a file shorter than its footer: a truncated
        // index is damage like any other, to be rebuilt, never a crash.
        let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| index.validate_checksum()))
            .map_err(|_| index_err(&dir, "an index file is truncated"))?;
        let bad = checked.map_err(|e| index_err(&dir, e))?;
        if !bad.is_empty() {
            return Err(index_err(&dir, format!("{} file(s) fail their checksum", bad.len())));
        }
        let (expected, fields) = schema();
        if index.schema() != expected {
            return Err(index_err(&dir, "schema differs from this version's"));
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e: tantivy::TantivyError| index_err(&dir, e))?;
        let searcher = reader.searcher();
        if searcher.num_docs() != manifest.units {
            return Err(index_err(
                &dir,
                format!("holds {} units, manifest says {}", searcher.num_docs(), manifest.units),
            ));
        }
        // Touch every stored document once, so a damaged store fails here, not mid-answer.
        let all = searcher
            .search(&AllQuery, &TopDocs::with_limit(manifest.units.max(1) as usize).order_by_score())
            .map_err(|e| index_err(&dir, e))?;
        for (_, addr) in all {
            searcher.doc::<TantivyDocument>(addr).map_err(|e| index_err(&dir, e))?;
        }
        Ok(SearchIndex { dir, index, reader, fields, manifest })
    }

    /// Reads just the manifest of the live generation, if there is one.
    pub fn live_manifest(root: &Path) -> Option<Manifest> {
        let current = std::fs::read_to_string(root.join(CURRENT)).ok()?;
        serde_json::from_slice(&std::fs::read(root.join(current.trim()).join(MANIFEST)).ok()?).ok()
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

    /// Builds a new generation under `root` from `units` and makes it live.
    #[tracing::instrument(skip_all, fields(root = %root.display(), units = units.len()))]
    pub fn build(root: &Path, units: &[UnitDoc<'_>], mut manifest: Manifest) -> Result<SearchIndex> {
        let started = std::time::Instant::now();
        std::fs::create_dir_all(root).map_err(|e| Error::io(format!("creating {}", root.display()), e))?;
        let stamp = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
        let name = format!("gen-{}-{}", stamp.as_millis(), std::process::id());
        let dir = root.join(&name);
        std::fs::create_dir(&dir).map_err(|e| Error::io(format!("creating {}", dir.display()), e))?;
        let result = (|| -> Result<()> {
            let (schema, f) = schema();
            let index = Index::create_in_dir(&dir, schema).map_err(|e| index_err(&dir, e))?;
            let mut writer: tantivy::IndexWriter =
                index.writer_with_num_threads(1, 30_000_000).map_err(|e| index_err(&dir, e))?;
            for u in units {
                let mut doc = TantivyDocument::default();
                doc.add_u64(f.key, u.key);
                doc.add_text(f.kind, u.kind.as_str());
                if let Some(s) = u.speaker {
                    doc.add_text(f.speaker, crate::text::fold(s));
                }
                doc.add_text(f.text, u.text);
                doc.add_text(f.context, u.context);
                writer.add_document(doc).map_err(|e| index_err(&dir, e))?;
            }
            writer.commit().map_err(|e| index_err(&dir, e))?;
            writer.wait_merging_threads().map_err(|e| index_err(&dir, e))?;
            manifest.units = units.len() as u64;
            manifest.built_at = stamp.as_secs();
            manifest.build_ms = started.elapsed().as_millis() as u64;
            write_atomic(&dir.join(MANIFEST), &serde_json::to_vec_pretty(&manifest).expect("manifest serializes"))?;
            write_atomic(&root.join(CURRENT), name.as_bytes())?;
            Ok(())
        })();
        if let Err(e) = result {
            let _ = std::fs::remove_dir_all(&dir);
            return Err(e);
        }
        collect_garbage(root, &name);
        SearchIndex::open(root)
    }

    /// Runs a search; hits come best first.
    pub fn search(&self, req: &SearchRequest<'_>) -> Result<Vec<Hit>> {
        let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for term in self.analyse(req.words)? {
            let t = Term::from_field_text(self.fields.text, &term);
            should.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs)), 2.0)),
            ));
            let c = Term::from_field_text(self.fields.context, &term);
            should.push((Occur::Should, Box::new(TermQuery::new(c, IndexRecordOption::WithFreqs))));
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if should.is_empty() {
            clauses.push((Occur::Must, Box::new(AllQuery)));
        } else {
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(should))));
        }
        if !req.speakers.is_empty() {
            let any: Vec<(Occur, Box<dyn Query>)> = req
                .speakers
                .iter()
                .map(|s| {
                    let t = Term::from_field_text(self.fields.speaker, &crate::text::fold(s));
                    (Occur::Should, Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>)
                })
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        if let Some(k) = req.kind {
            let t = Term::from_field_text(self.fields.kind, k.as_str());
            clauses.push((Occur::Must, Box::new(TermQuery::new(t, IndexRecordOption::Basic))));
        }
        let query = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let top = searcher
            .search(&query, &TopDocs::with_limit(req.limit.max(1)).order_by_score())
            .map_err(|e| index_err(&self.dir, e))?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr).map_err(|e| index_err(&self.dir, e))?;
            if let Some(key) = doc.get_first(self.fields.key).and_then(|v| v.as_u64()) {
                hits.push(Hit { key, score });
            }
        }
        Ok(hits)
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
pub struct Analyzer(tantivy::tokenizer::TextAnalyzer);

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Analyzer(en_stem)")
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        use tantivy::tokenizer::{Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer};
        Analyzer(
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(40))
                .filter(LowerCaser)
                .filter(Stemmer::new(Language::English))
                .build(),
        )
    }
}

impl Analyzer {
    /// Stems of `text` in order, repeats kept.
    pub fn stems(&mut self, text: &str) -> Vec<String> {
        let mut stream = self.0.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }
}
