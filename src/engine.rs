//! The engine: a loaded corpus, what was extracted from it, and the open index, bundled so
//! that a front end (CLI or Discord) holds one `Arc<Engine>` and swaps it whole on re-index.

use std::path::Path;
use std::time::Instant;

use crate::answer::{self, Answer, Citation, Item, ItemKind, Question};
use crate::corpus::Corpus;
use crate::error::{Error, Result};
use crate::index::{Analyzer, Manifest, SearchIndex, UnitDoc, UnitKind};
use crate::quotes::{self, Extraction, PersonId};
use crate::settings::Settings;
use crate::text::Span;
use crate::timeline::Timeline;

/// Where a unit came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Quote(usize),
    Passage(usize),
}

/// One answerable piece of text: a quote or a passage, by offsets into its article.
#[derive(Debug, Clone)]
pub struct Unit {
    pub key: u64,
    pub kind: UnitKind,
    pub source: Source,
    /// Index into `corpus.articles`.
    pub article: usize,
    pub paragraph: usize,
    pub span: Span,
    pub speaker: Option<PersonId>,
    /// Stems of the text, for ranking.
    pub stems: Vec<String>,
    /// Sentences of the text with their stems (used to cut long transcript turns).
    pub sentences: Vec<(Span, Vec<String>)>,
    /// For a passage inside a direct quotation: the key of that quotation's unit.
    pub within: Option<usize>,
}

/// The corpus and everything derived from it, independent of the index.
#[derive(Debug)]
pub struct Library {
    pub corpus: Corpus,
    pub ex: Extraction,
    pub units: Vec<Unit>,
    pub timeline: Timeline,
}

impl Library {
    #[tracing::instrument(skip_all)]
    pub fn load(dir: &Path) -> Result<Library> {
        let corpus = Corpus::load(dir)?;
        Ok(Library::from_corpus(corpus))
    }

    pub fn from_corpus(corpus: Corpus) -> Library {
        let ex = quotes::extract(&corpus);
        let mut analyzer = Analyzer::default();
        let article_index =
            |id: &str| corpus.articles.iter().position(|a| a.id == id).expect("extracted from this corpus");
        let mut units = Vec::with_capacity(ex.quotes.len() + ex.passages.len());
        let mut push = |kind, source, article: usize, paragraph, span: Span, speaker, analyzer: &mut Analyzer| {
            let a = &corpus.articles[article];
            let stems = analyzer.stems(a.slice(span));
            let sentences = a
                .paragraphs
                .iter()
                .find(|p| p.index == paragraph)
                .map(|p| {
                    p.sentences
                        .iter()
                        .filter(|s| span.contains(**s) || (s.overlaps(span) && s.start < span.start))
                        .map(|s| {
                            let s = Span::new(s.start.max(span.start), s.end.min(span.end));
                            (s, analyzer.stems(a.slice(s)))
                        })
                        .collect()
                })
                .unwrap_or_default();
            units.push(Unit {
                key: units.len() as u64,
                kind,
                source,
                article,
                paragraph,
                span,
                speaker,
                stems,
                sentences,
                within: None,
            });
        };
        for (i, q) in ex.quotes.iter().enumerate() {
            push(
                UnitKind::Quote,
                Source::Quote(i),
                article_index(&q.article),
                q.paragraph,
                q.span,
                q.speaker,
                &mut analyzer,
            );
        }
        for (i, p) in ex.passages.iter().enumerate() {
            push(
                UnitKind::Passage,
                Source::Passage(i),
                article_index(&p.article),
                p.paragraph,
                p.span,
                p.voice.speaker(),
                &mut analyzer,
            );
        }
        // Link sentences of direct quotations to the quotation (not transcript turns: a
        // sentence of a long turn is a better answer than the whole turn).
        let nq = ex.quotes.len();
        for (i, p) in ex.passages.iter().enumerate() {
            if !matches!(p.voice, quotes::Voice::Quoted(_)) {
                continue;
            }
            let found = ex.quotes.iter().position(|q| {
                q.article == p.article
                    && q.cue != quotes::Cue::Turn
                    && q.speaker == p.voice.speaker()
                    && q.span.overlaps(p.span)
            });
            units[nq + i].within = found;
        }
        let timeline = Timeline::build(&corpus, &ex);
        Library { corpus, ex, units, timeline }
    }

    pub fn text(&self, article: usize, span: Span) -> &str {
        self.corpus.articles[article].slice(span)
    }

    pub fn citation(&self, article: usize) -> Citation {
        let a = &self.corpus.articles[article];
        Citation {
            id: a.id.clone(),
            title: a.meta.title.clone(),
            outlet: a.meta.outlet.clone(),
            published: a.meta.published.format("%Y-%m-%d").to_string(),
            url: a.meta.url.clone(),
        }
    }

    /// An answer item for `unit`, showing `span` (the unit's span or a window inside it).
    pub fn item(&self, unit: &Unit, span: Span, score: f32) -> Item {
        Item {
            kind: match unit.kind {
                UnitKind::Quote => ItemKind::Quote,
                UnitKind::Passage => ItemKind::Passage,
            },
            text: self.text(unit.article, span).to_string(),
            speaker: unit.speaker.map(|p| self.ex.people.get(p).name.clone()),
            attribution: answer::attribution_of(self, unit.source),
            document: self.citation(unit.article),
            paragraph: unit.paragraph,
            span,
            date: None,
            score,
        }
    }

    fn docs(&self) -> (Vec<String>, Vec<String>) {
        let speakers: Vec<String> = self
            .units
            .iter()
            .map(|u| u.speaker.map(|p| self.ex.people.get(p).name.clone()).unwrap_or_default())
            .collect();
        let contexts: Vec<String> = self
            .units
            .iter()
            .map(|u| {
                let a = &self.corpus.articles[u.article];
                a.paragraphs
                    .iter()
                    .find(|p| p.index == u.paragraph)
                    .map_or(String::new(), |p| a.slice(p.span).to_string())
            })
            .collect();
        (speakers, contexts)
    }

    /// Hash of every unit's identity, to tell whether an index matches this library.
    pub fn units_digest(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for u in &self.units {
            let a = &self.corpus.articles[u.article];
            let speaker = u.speaker.map_or("", |p| self.ex.people.get(p).name.as_str());
            h.update(format!("{}|{:?}|{}|{}|{}|{}\n", u.key, u.kind, a.id, u.span.start, u.span.end, speaker));
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    fn manifest(&self) -> Manifest {
        Manifest {
            fingerprint: self.corpus.fingerprint.clone(),
            units_digest: self.units_digest(),
            built_at: 0,
            build_ms: 0,
            units: 0,
            articles: self.corpus.articles.len(),
            quotes: self.ex.quotes.iter().filter(|q| q.speaker.is_some()).count(),
            people: self.ex.quoted_people().len(),
        }
    }

    /// Builds a new index generation from this library and makes it live.
    pub fn build_index(&self, root: &Path) -> Result<SearchIndex> {
        let (speakers, contexts) = self.docs();
        let docs: Vec<UnitDoc<'_>> = self
            .units
            .iter()
            .map(|u| UnitDoc {
                key: u.key,
                kind: u.kind,
                speaker: Some(speakers[u.key as usize].as_str()).filter(|s| !s.is_empty()),
                text: self.text(u.article, u.span),
                context: &contexts[u.key as usize],
            })
            .collect();
        SearchIndex::build(root, &docs, self.manifest())
    }
}

/// Stages of a rebuild, for progress reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Extracting { articles: usize },
    Indexing { units: usize },
}

/// Why `open` rebuilt the index, for the message on stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexStatus {
    Fresh,
    Built { reason: String },
}

/// A ready-to-answer engine.
#[derive(Debug)]
pub struct Engine {
    pub library: Library,
    pub index: SearchIndex,
    pub max_answers: usize,
    pub max_question_chars: usize,
    pub loaded_at: Instant,
}

impl Engine {
    /// Loads the corpus and opens the index, building it when it is missing, older than the
    /// corpus (fingerprint), or damaged.
    #[tracing::instrument(skip_all)]
    pub fn open(settings: &Settings) -> Result<(Engine, IndexStatus)> {
        let library = Library::load(&settings.corpus.dir)?;
        let root = &settings.index.dir;
        let status;
        let index = match SearchIndex::open(root) {
            Ok(ix) if ix.manifest.fingerprint != library.corpus.fingerprint => {
                status = IndexStatus::Built { reason: "the corpus changed since the index was built".into() };
                library.build_index(root)?
            }
            Ok(ix) if ix.manifest.units_digest != library.units_digest() => {
                status = IndexStatus::Built {
                    reason: "this version extracts differently from the one that built the index".into(),
                };
                library.build_index(root)?
            }
            Ok(ix) => {
                status = IndexStatus::Fresh;
                ix
            }
            Err(Error::Index { reason, .. }) => {
                status = IndexStatus::Built { reason };
                library.build_index(root)?
            }
            Err(e) => return Err(e),
        };
        Ok((Engine::assemble(settings, library, index), status))
    }

    /// Loads the corpus and always builds a new index generation.
    pub fn rebuild(settings: &Settings) -> Result<Engine> {
        Engine::rebuild_with(settings, &mut |_| {})
    }

    /// As [`Engine::rebuild`], telling `progress` each stage as it starts.
    #[tracing::instrument(skip_all)]
    pub fn rebuild_with(settings: &Settings, progress: &mut dyn FnMut(Stage)) -> Result<Engine> {
        progress(Stage::Reading);
        let corpus = Corpus::load(&settings.corpus.dir)?;
        progress(Stage::Extracting { articles: corpus.articles.len() });
        let library = Library::from_corpus(corpus);
        progress(Stage::Indexing { units: library.units.len() });
        let index = library.build_index(&settings.index.dir)?;
        Ok(Engine::assemble(settings, library, index))
    }

    fn assemble(settings: &Settings, library: Library, index: SearchIndex) -> Engine {
        Engine {
            library,
            index,
            max_answers: settings.limits.max_answers,
            max_question_chars: settings.limits.max_question_chars,
            loaded_at: Instant::now(),
        }
    }

    /// Parses and answers a raw question.
    pub fn ask(&self, raw: &str) -> Result<Answer> {
        let q = Question::parse(raw, self.max_question_chars)?;
        self.answer(&q)
    }

    pub fn answer(&self, q: &Question) -> Result<Answer> {
        answer::answer(&self.library, &self.index, q, self.max_answers)
    }
}
