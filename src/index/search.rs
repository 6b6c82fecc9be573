//! Searching an open generation: units by words, speakers and meaning, article records,
//! timeline entries and people. Kept apart from the schema and the builder because it decides
//! nothing an index holds, so changing it (or the request and the constants that tune a
//! search, which live here) never makes a built index stale (`build.rs` hashes the rest of
//! this module, not this file or the tests).

use super::*;

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
/// From this many hits on, fetching them is shared with the helper thread.
const FETCH_SHARED_FROM: usize = 16;
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
    /// The asked words as groups of analysed terms, any one of a group as good as another (a
    /// word and the other forms it is searched in: `ukraine`, `ukrainian`, `kyiv`). The
    /// corpus-wide search for units holding every asked word asks for one of each group, and
    /// counts groups, not terms. Empty: each analysed word of `words` is a group of its own.
    pub forms: &'a [Vec<String>],
    /// Folded words the outlet's name must hold (`washington`, `post`), and the term of a
    /// period the article must be published in (see [`super::period_term`]): only those
    /// articles are searched. Empty: every outlet, any time.
    pub outlet: &'a [String],
    /// The question's meaning: every hit gets its similarity to it, and the units of the best
    /// articles most similar to it are hits too, whatever words they share with the question.
    pub meaning: Option<&'a Meaning>,
}

impl SearchIndex {
    /// Runs a search over units; hits come best first.
    ///
    /// Asked words are searched in two steps, so a question costs about the same at any
    /// corpus size. First the article records: the [`ARTICLES_SEARCHED`] articles whose whole
    /// text answers the words best (a union of the words over one document per article, see
    /// [`SearchIndex::best_of_union`]), among the articles that quote one
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
        // The corpus-wide every-word search needs nothing from the article steps, and costs as
        // much as they do: it runs on a thread of its own beside them.
        let groups = every_word_groups(&terms, req.forms);
        // One searcher for both searches: their hits are merged by address before any is fetched.
        let searcher = self.reader.searcher();
        std::thread::scope(|scope| {
            // (Units carry no outlet: a search in one outlet's articles stays in the best of them.)
            let whole =
                (groups.len() >= 2 && req.outlet.is_empty() && (req.whole || groups.len() >= WHOLE_MATCH_TERMS))
                    .then(|| scope.spawn(|| self.every_word(&searcher, &terms, &groups, req)));
            let articles = self.articles_for(&terms, req.speakers, req.outlet)?;
            tracing::debug!(us = started.elapsed().as_micros() as u64, articles = articles.len(), "ranked articles");
            let mut top = Vec::new();
            let mut similar = None;
            if !articles.is_empty() {
                let theirs = self.units_of(&searcher, &articles, req)?;
                // Comparing every unit of the best articles with the question's meaning needs
                // nothing from the word search: offered to the helper thread meanwhile.
                similar = req.meaning.map(|m| {
                    let (units, columns, meaning) = (theirs.clone(), self.meaning_columns(&searcher), *m);
                    let theirs = searcher.clone();
                    offer(move || units.closest(&theirs, &columns, &meaning))
                });
                top = self.scored_within(&searcher, &terms, &theirs, req)?;
                tracing::debug!(us = started.elapsed().as_micros() as u64, hits = top.len(), "searched their units");
            }
            if let Some(job) = whole {
                let whole = job.join().unwrap_or_else(|e| std::panic::resume_unwind(e))?;
                tracing::debug!(us = started.elapsed().as_micros() as u64, hits = whole.len(), "searched every unit");
                let seen: HashSet<u64> =
                    top.iter().map(|&(_, a)| a).filter_map(|a| self.key_of(&searcher, a)).collect();
                let new: Vec<(Score, tantivy::DocAddress)> = whole
                    .into_iter()
                    .filter(|&(_, a)| self.key_of(&searcher, a).is_some_and(|k| !seen.contains(&k)))
                    .collect();
                if !new.is_empty() {
                    top.extend(new);
                    // Stable: hits of equal score keep the order tantivy gave them.
                    top.sort_by(|a, b| b.0.total_cmp(&a.0));
                    top.truncate(req.limit.max(1));
                }
            }
            // Only the hits that made the limit are read from the store.
            let mut hits = self.fetch_scored(&searcher, &top, req.meaning)?;
            // Hits by meaning come last (score 0), beyond the limit: re-ranking weighs them.
            if let Some(closest) = similar {
                let similar = self.similar_units(&searcher, closest.take())?;
                tracing::debug!(us = started.elapsed().as_micros() as u64, hits = similar.len(), "searched by meaning");
                let seen: HashSet<u64> = hits.iter().map(|h| h.key).collect();
                hits.extend(similar.into_iter().filter(|h| !seen.contains(&h.key)));
            }
            Ok(hits)
        })
    }

    /// The units anywhere that hold every asked word (one form of each group) in their own
    /// words, scored as the unit search scores them, best first (not fetched).
    fn every_word(
        &self,
        searcher: &tantivy::Searcher,
        terms: &[String],
        groups: &[Vec<String>],
        req: &SearchRequest<'_>,
    ) -> Result<Vec<(Score, tantivy::DocAddress)>> {
        let all: Vec<(Occur, Box<dyn Query>)> = groups
            .iter()
            .map(|group| {
                let any: Box<dyn Query> = match group.as_slice() {
                    [one] => term_query(self.fields.text, one),
                    forms => Box::new(BooleanQuery::new(
                        forms.iter().map(|t| (Occur::Should, term_query(self.fields.text, t))).collect(),
                    )),
                };
                (Occur::Must, any)
            })
            .collect();
        let holding = self.narrow(searcher, &Docs::matching(searcher, &BooleanQuery::new(all), &self.dir)?, req)?;
        self.scored_within(searcher, terms, &holding, req)
    }

    /// The units of these articles (record keys) that the request's filters let through, found
    /// by binary search in each segment's runs of articles.
    pub(super) fn units_of(
        &self,
        searcher: &tantivy::Searcher,
        articles: &[u64],
        req: &SearchRequest<'_>,
    ) -> Result<Docs> {
        let mut by_segment = std::collections::HashMap::new();
        for segment in searcher.segment_readers() {
            let Some(runs) = self.columns.get(&segment.segment_id()).and_then(|c| c.articles.as_ref()) else {
                // (A segment without the column: each article's key from its postings.)
                let keys: Vec<Term> =
                    articles.iter().map(|&k| Term::from_field_u64(self.fields.article_key, k)).collect();
                return self.narrow(searcher, &Docs::with_terms(searcher, &keys, &self.dir)?, req);
            };
            let mut found: Vec<(tantivy::DocId, tantivy::DocId)> = Vec::new();
            for &k in articles {
                let first = runs.partition_point(|r| r.0 < k);
                found.extend(runs[first..].iter().take_while(|r| r.0 == k).map(|r| (r.1, r.2)));
            }
            found.sort_unstable();
            let alive = segment.alive_bitset();
            let docs: Vec<tantivy::DocId> =
                found.into_iter().flat_map(|(a, b)| a..b).filter(|&d| alive.is_none_or(|a| a.is_alive(d))).collect();
            if !docs.is_empty() {
                by_segment.insert(segment.segment_id(), Segment::new(docs));
            }
        }
        self.narrow(searcher, &Docs(std::sync::Arc::new(by_segment)), req)
    }

    /// The best `req.limit` documents of `docs` (already narrowed by the request's filters) for
    /// the asked words, best first, not fetched: the words' clauses restricted to the set
    /// ([`SearchIndex::words_within`]) with the filters' scores added
    /// ([`SearchIndex::scored_filters`]). Scored by [`SearchIndex::best_within`] where it
    /// gives exactly that query's scores, by tantivy otherwise.
    fn scored_within(
        &self,
        searcher: &tantivy::Searcher,
        terms: &[String],
        docs: &Docs,
        req: &SearchRequest<'_>,
    ) -> Result<Vec<(Score, tantivy::DocAddress)>> {
        if let Some(top) = self.best_within(searcher, terms, docs, req)? {
            return Ok(top);
        }
        let words: Box<dyn Query> = if terms.is_empty() {
            Box::new(ConstScoreQuery::new(Box::new(docs.clone()), 1.0))
        } else {
            self.words_within(terms, docs)
        };
        let clauses = self.scored_filters(req, docs, vec![(Occur::Must, words)]);
        searcher
            .search(&BooleanQuery::new(clauses), &TopDocs::with_limit(req.limit.max(1)).order_by_score())
            .map_err(|e| index_err(&self.dir, e))
    }

    /// The best `req.limit` documents of `docs` for the asked words, scored directly from the
    /// postings: each clause's postings walked only over the runs of the set, its BM25 added
    /// into a table of the set's documents in clause order, as tantivy's union adds them; the
    /// filters' scores summed apart and added last, as its intersection of the two adds them.
    /// The same scores and the same order (ties to the earlier document) as the query, at a
    /// fraction of the cost of its generic scorers. `None` when words are missing or both
    /// filters are asked for (an intersection of three adds in an order that depends on
    /// costs): the query is run instead.
    pub(super) fn best_within(
        &self,
        searcher: &tantivy::Searcher,
        terms: &[String],
        docs: &Docs,
        req: &SearchRequest<'_>,
    ) -> Result<Option<Vec<(Score, tantivy::DocAddress)>>> {
        if terms.is_empty() || (!req.speakers.is_empty() && req.kind.is_some()) {
            return Ok(None);
        }
        let weigh = |term: Term, boost: Score| -> Result<(Term, tantivy::query::Bm25Weight)> {
            let w = tantivy::query::Bm25Weight::for_terms(searcher, std::slice::from_ref(&term))
                .map_err(|e| index_err(&self.dir, e))?;
            Ok((term, w.boost_by(boost)))
        };
        let words = self.word_terms(terms).into_iter().map(|(t, boost)| weigh(t, boost)).collect::<Result<Vec<_>>>()?;
        let mut filters = Vec::new();
        for t in self.speaker_terms(req.speakers) {
            filters.push(weigh(t, 1.0)?);
        }
        let kind = req.kind.map(|k| Term::from_field_text(self.fields.kind, k.as_str()));
        if let Some(k) = &kind {
            filters.push(weigh(k.clone(), 1.0)?);
        }
        let limit = req.limit.max(1);
        let mut best = Best::new(limit);
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let Some(set) = docs.0.get(&segment.segment_id()) else { continue };
            let table = RunTable::new(&set.runs);
            let mut words_score = vec![0.0 as Score; table.len];
            let mut matched = vec![false; table.len];
            for (term, weight) in &words {
                table.walk(segment, term, &self.dir, |slot, norm, tf| {
                    words_score[slot] += weight.score(norm, tf);
                    matched[slot] = true;
                })?;
            }
            let mut filter_score = vec![0.0 as Score; if filters.is_empty() { 0 } else { table.len }];
            let mut filtered = vec![filters.is_empty(); table.len];
            match (&kind, filters.as_slice()) {
                // Every document of the set has the asked kind (the set is narrowed), once (a unit
                // has one kind): its clause scores each as a term query would, from its fieldnorm
                // and a frequency of 1, without walking the kind's postings, which hold most units.
                (Some(kind), [(_, weight)]) => {
                    let norms = field_norms(segment, kind.field(), &self.dir)?;
                    for (slot, doc) in table.docs() {
                        filter_score[slot] = weight.score(norms.fieldnorm_id(doc), 1);
                        filtered[slot] = true;
                    }
                }
                _ => {
                    for (term, weight) in &filters {
                        table.walk(segment, term, &self.dir, |slot, norm, tf| {
                            filter_score[slot] += weight.score(norm, tf);
                            filtered[slot] = true;
                        })?;
                    }
                }
            }
            for (slot, doc) in table.docs() {
                if !(matched[slot] && filtered[slot]) {
                    continue;
                }
                let score = match filters.is_empty() {
                    true => words_score[slot],
                    false => words_score[slot] + filter_score[slot],
                };
                best.offer(score, tantivy::DocAddress::new(ord as u32, doc));
            }
        }
        let mut best = best.into_vec();
        best.sort();
        Ok(Some(best.into_iter().map(|r| (r.0, r.1)).collect()))
    }

    /// The documents of `docs` that the request's speaker and kind filters let through. Each
    /// filter's postings are read only inside the runs of `docs`, so a speaker quoted across
    /// the corpus, or a kind every other unit has, costs what the few dozen articles hold.
    fn narrow(&self, searcher: &tantivy::Searcher, docs: &Docs, req: &SearchRequest<'_>) -> Result<Docs> {
        let mut docs = docs.clone();
        if !req.speakers.is_empty() {
            docs = docs.holding_any(searcher, &self.speaker_terms(req.speakers), &self.dir)?;
        }
        if let Some(k) = req.kind {
            // Every unit has one kind of two. Seeking a kind most units have from run to run
            // walks most of its skip list; the units of the other kind, read from its
            // shorter postings, are taken away instead.
            let term = |k: UnitKind| Term::from_field_text(self.fields.kind, k.as_str());
            let other = match k {
                UnitKind::Quote => UnitKind::Passage,
                UnitKind::Passage => UnitKind::Quote,
            };
            let freq = |t: &Term| searcher.doc_freq(t).map_err(|e| index_err(&self.dir, e));
            docs = match freq(&term(k))? <= freq(&term(other))? {
                true => docs.holding_any(searcher, &[term(k)], &self.dir)?,
                false => docs.lacking(searcher, &term(other), &self.dir)?,
            };
        }
        Ok(docs)
    }

    /// `clauses` with the request's speaker and kind filters added as scoring clauses (a
    /// speaker's term weighs in a unit's score, a rarer speaker more), each walked only over
    /// `docs`, which [`SearchIndex::narrow`] has already filtered: the scores are the
    /// unrestricted query's, the cost the set's.
    pub(super) fn scored_filters(
        &self,
        req: &SearchRequest<'_>,
        docs: &Docs,
        clauses: Vec<(Occur, Box<dyn Query>)>,
    ) -> Vec<(Occur, Box<dyn Query>)> {
        let mut all = clauses;
        for (occur, filter) in self.filters(req, Vec::new()) {
            all.push((occur, Box::new(Within { inner: filter, docs: docs.clone() })));
        }
        all
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
    pub(super) fn word_clauses(&self, terms: &[String]) -> Vec<(Occur, Box<dyn Query>)> {
        self.word_terms(terms)
            .into_iter()
            .map(|(t, boost)| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs));
                let q = if boost == 1.0 { q } else { Box::new(BoostQuery::new(q, boost)) };
                (Occur::Should, q)
            })
            .collect()
    }

    /// The terms an analysed word is searched as, with their boosts, in clause order: in the
    /// unit's own words (counting double), then in its context.
    fn word_terms(&self, terms: &[String]) -> Vec<(Term, Score)> {
        terms
            .iter()
            .flat_map(|t| {
                [
                    (Term::from_field_text(self.fields.text, t), 2.0),
                    (Term::from_field_text(self.fields.context, t), 1.0),
                ]
            })
            .collect()
    }

    /// [`SearchIndex::word_clauses`] restricted to `docs`: a union of (word clause ∩ `docs`),
    /// which scores every document of `docs` holding some word exactly as the word clauses
    /// would. Restricting inside each clause, not around their union, keeps the cost to the
    /// documents of `docs` (a union seeked scores every posting in a window of thousands of
    /// documents, where a term's postings skip to the target); and each clause walks its own
    /// postings from one run of `docs` to the next ([`Within`]), not seeking them once per
    /// document of `docs`.
    pub(super) fn words_within(&self, terms: &[String], docs: &Docs) -> Box<dyn Query> {
        let restricted = self
            .word_clauses(terms)
            .into_iter()
            .map(|(occur, clause)| (occur, Box::new(Within { inner: clause, docs: docs.clone() }) as Box<dyn Query>))
            .collect();
        Box::new(BooleanQuery::new(restricted))
    }

    /// Any of the speakers, each a term (the id as text) that scores like one.
    fn speaker_clauses(&self, speakers: &[u64]) -> Vec<(Occur, Box<dyn Query>)> {
        self.speaker_terms(speakers)
            .into_iter()
            .map(|t| (Occur::Should, Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>))
            .collect()
    }

    /// Each speaker's term: the id as raw text.
    fn speaker_terms(&self, speakers: &[u64]) -> Vec<Term> {
        speakers.iter().map(|s| Term::from_field_text(self.fields.speaker, &s.to_string())).collect()
    }

    /// The record keys of the articles whose text answers `words` best, among those quoting
    /// one of `speakers` if any are given.
    pub fn best_articles(&self, words: &str, speakers: &[u64]) -> Result<Vec<u64>> {
        self.articles_for(&self.analyse(words)?, speakers, &[])
    }

    /// [`SearchIndex::best_articles`] for words already analysed, in the outlet whose name
    /// holds every word of `outlet` (any outlet if empty). No words: the outlet's articles.
    fn articles_for(&self, terms: &[String], speakers: &[u64], outlet: &[String]) -> Result<Vec<u64>> {
        let searcher = self.records.searcher();
        let quoting = self.speaker_terms(speakers);
        if !terms.is_empty() && outlet.is_empty() {
            // The union scored as it is, only the articles quoting a speaker kept (if any are
            // asked for): their scores are those of the union restricted to them.
            let allowed = match quoting.is_empty() {
                true => Allowed::All,
                false => Allowed::Holding(quoting),
            };
            return self.best_of_union(&searcher, terms, allowed);
        }
        // The articles the question allows, if it restricts them: those quoting any of the
        // speakers (read from their postings once; a union of their terms inside an
        // intersection would be walked window by window), in an outlet with every asked word.
        let mut allowed: Option<Docs> = None;
        if !quoting.is_empty() {
            allowed = Some(Docs::with_terms(&searcher, &quoting, &self.dir)?);
        }
        for w in outlet {
            let t = [Term::from_field_text(self.fields.a_outlet, w)];
            allowed = Some(match allowed {
                None => Docs::with_terms(&searcher, &t, &self.dir)?,
                Some(d) => d.holding_any(&searcher, &t, &self.dir)?,
            });
        }
        let body = |t: &String| -> Box<dyn Query> {
            let t = Term::from_field_text(self.fields.body, t);
            Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs))
        };
        // An outlet's words weigh in an article's score as they did as plain clauses.
        let outlet_scores: Vec<(Occur, Box<dyn Query>)> = match &allowed {
            Some(docs) if !outlet.is_empty() => outlet
                .iter()
                .map(|w| {
                    let t = Term::from_field_text(self.fields.a_outlet, w);
                    let inner = Box::new(TermQuery::new(t, IndexRecordOption::Basic));
                    (Occur::Must, Box::new(Within { inner, docs: docs.clone() }) as Box<dyn Query>)
                })
                .collect(),
            _ => Vec::new(),
        };
        // The allowed articles themselves, when no asked word picks among them.
        let all_allowed = |allowed: Docs, outlet_scores: Vec<(Occur, Box<dyn Query>)>| -> Box<dyn Query> {
            let mut must =
                vec![(Occur::Must, Box::new(ConstScoreQuery::new(Box::new(allowed), 1.0)) as Box<dyn Query>)];
            must.extend(outlet_scores);
            Box::new(BooleanQuery::new(must))
        };
        let fallback = allowed.clone().map(|a| all_allowed(a, Vec::new()));
        let query: Box<dyn Query> = match (terms.is_empty(), allowed) {
            (true, None) => Box::new(AllQuery),
            (true, Some(allowed)) => all_allowed(allowed, outlet_scores),
            (false, None) => return self.best_of_union(&searcher, terms, Allowed::All),
            // Each word's postings walked only to the allowed articles.
            (false, Some(allowed)) => {
                let any = terms
                    .iter()
                    .map(|t| {
                        (Occur::Should, Box::new(Within { inner: body(t), docs: allowed.clone() }) as Box<dyn Query>)
                    })
                    .collect();
                let mut must = vec![(Occur::Must, Box::new(BooleanQuery::new(any)) as Box<dyn Query>)];
                must.extend(outlet_scores);
                Box::new(BooleanQuery::new(must))
            }
        };
        let mut top = searcher
            .search(&query, &TopDocs::with_limit(ARTICLES_SEARCHED).order_by_score())
            .map_err(|e| index_err(&self.dir, e))?;
        // A question asked of one outlet or period in words none of its articles use (a
        // paraphrase): the search still looks inside the articles it is restricted to, for
        // units whose meaning is close to the question's (with no meaning asked, none).
        if top.is_empty() && !terms.is_empty() {
            if let Some(all) = fallback {
                top = searcher
                    .search(&all, &TopDocs::with_limit(ARTICLES_SEARCHED).order_by_score())
                    .map_err(|e| index_err(&self.dir, e))?;
            }
        }
        let mut keys = Vec::with_capacity(top.len());
        for (_, addr) in top {
            keys.extend(self.key_of(&searcher, addr));
        }
        Ok(keys)
    }

    /// The record keys of the [`ARTICLES_SEARCHED`] articles that a union of `terms` over
    /// their text scores best, best first: exactly the top documents of that union as a
    /// term query scores each word (BM25 with corpus-wide statistics), summed in the order
    /// of the words, ties to the earlier document, as tantivy's own collector gives them.
    ///
    /// Every article holding a word is scored: for a few dozen articles among thousands
    /// holding common words, block-max WAND prunes too little to pay for itself (measured at
    /// 100,000 articles, as was an intersection first to bound it). This is the largest step
    /// of a question at that size, so the segments are shared out between this thread and
    /// the search helper thread ([`UnionJob`]).
    fn best_of_union(&self, searcher: &tantivy::Searcher, terms: &[String], allowed: Allowed) -> Result<Vec<u64>> {
        let terms: Vec<Term> = terms.iter().map(|t| Term::from_field_text(self.fields.body, t)).collect();
        let weights = terms
            .iter()
            .map(|t| tantivy::query::Bm25Weight::for_terms(searcher, std::slice::from_ref(t)))
            .collect::<tantivy::Result<Vec<_>>>()
            .map_err(|e| index_err(&self.dir, e))?;
        // Largest segments first, so the two threads finish close together.
        let mut order: Vec<u32> = (0..searcher.segment_readers().len() as u32).collect();
        order.sort_by_key(|&o| std::cmp::Reverse(searcher.segment_reader(o).max_doc()));
        let job = std::sync::Arc::new(UnionJob {
            searcher: searcher.clone(),
            field: self.fields.body,
            terms: terms.into_iter().zip(weights).collect(),
            order,
            allowed,
            next: std::sync::atomic::AtomicUsize::new(0),
            scored: std::sync::atomic::AtomicUsize::new(0),
            state: std::sync::Mutex::new(UnionState { done: 0, best: Vec::new(), failed: None }),
            finished: std::sync::Condvar::new(),
        });
        if job.order.len() > 1 {
            let theirs = job.clone();
            helper().run(Box::new(move || theirs.work()));
        }
        job.work();
        stay_awake_until(|| job.scored.load(std::sync::atomic::Ordering::Acquire) >= job.order.len());
        let mut state = job.state.lock().unwrap_or_else(|e| e.into_inner());
        while state.done < job.order.len() {
            state = job.finished.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        if let Some(e) = state.failed.take() {
            return Err(index_err(&self.dir, e));
        }
        let mut best = std::mem::take(&mut state.best);
        best.sort();
        best.truncate(ARTICLES_SEARCHED);
        Ok(best.into_iter().filter_map(|r| self.key_of(searcher, r.1)).collect())
    }

    /// The key of a document, from its segment's cached column.
    pub(super) fn key_of(&self, searcher: &tantivy::Searcher, addr: tantivy::DocAddress) -> Option<u64> {
        let columns = self.columns.get(&searcher.segment_reader(addr.segment_ord).segment_id())?;
        columns.key.as_ref()?.first(addr.doc_id)
    }

    /// Whether some article's outlet has this word (folded) in its name.
    pub fn outlet_word(&self, word: &str) -> Result<bool> {
        let t = Term::from_field_text(self.fields.a_outlet, word);
        Ok(self.records.searcher().doc_freq(&t).map_err(|e| index_err(&self.dir, e))? > 0)
    }

    pub(super) fn run(&self, reader: &IndexReader, query: &dyn Query, limit: usize) -> Result<Vec<Hit>> {
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
        self.fetch_scored(&searcher, &top, meaning)
    }

    /// The documents at these addresses, fetched, each with its similarity to `meaning` if
    /// one is given. Reading the store is most of a search's last step, and by then the
    /// helper thread is idle (its share of the union and the comparison by meaning are done):
    /// the later half of a long list is offered to it.
    pub(super) fn fetch_scored(
        &self,
        searcher: &tantivy::Searcher,
        top: &[(Score, tantivy::DocAddress)],
        meaning: Option<&Meaning>,
    ) -> Result<Vec<Hit>> {
        let columns = meaning.map(|_| self.meaning_columns(searcher));
        let split = match top.len() >= FETCH_SHARED_FROM {
            true => top.len() / 2,
            false => top.len(),
        };
        let theirs = (split < top.len()).then(|| {
            let (searcher, fields, dir) = (searcher.clone(), self.stored(), self.dir.clone());
            let (part, columns, meaning) = (top[split..].to_vec(), columns.clone(), meaning.copied());
            offer(move || fetch_docs(&searcher, fields, &part, columns.as_ref().zip(meaning.as_ref()), &dir))
        });
        let mut hits = fetch_docs(searcher, self.stored(), &top[..split], columns.as_ref().zip(meaning), &self.dir)?;
        if let Some(theirs) = theirs {
            hits.extend(theirs.take()?);
        }
        hits.retain(|h| h.key != NO_KEY);
        Ok(hits)
    }

    /// The fields a fetch reads.
    fn stored(&self) -> Stored {
        Stored { key: self.fields.key, text: self.fields.text, data: self.fields.data }
    }

    /// The units [`Docs::closest`] found (addresses in `searcher`), fetched, each with score 0
    /// (no word matched) and its similarity.
    fn similar_units(&self, searcher: &tantivy::Searcher, best: Vec<(f32, tantivy::DocAddress)>) -> Result<Vec<Hit>> {
        let top: Vec<(Score, tantivy::DocAddress)> = best.iter().map(|&(_, a)| (0.0, a)).collect();
        let mut hits = self.fetch(searcher, &top)?;
        for (h, (s, _)) in hits.iter_mut().zip(best) {
            h.similarity = Some(s);
        }
        hits.retain(|h| h.key != NO_KEY);
        Ok(hits)
    }

    /// Every segment's meaning columns (handles: cloning one copies no data), for work done
    /// away from the index.
    fn meaning_columns(&self, searcher: &tantivy::Searcher) -> MeaningColumns {
        searcher
            .segment_readers()
            .iter()
            .filter_map(|r| self.columns.get(&r.segment_id()).map(|c| (r.segment_id(), c.meaning.clone())))
            .collect()
    }

    fn fetch(&self, searcher: &tantivy::Searcher, top: &[(Score, tantivy::DocAddress)]) -> Result<Vec<Hit>> {
        fetch_docs(searcher, self.stored(), top, None, &self.dir)
    }

    /// The documents with these keys (units or timeline entries), in no particular order: one
    /// search for all of them, not one each.
    pub fn get_many(&self, keys: &[u64]) -> Result<Vec<Hit>> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        // Straight from each key's postings, not through a scored union of them.
        let searcher = self.reader.searcher();
        let terms: Vec<Term> = keys.iter().map(|&k| Term::from_field_u64(self.fields.key, k)).collect();
        let docs = Docs::with_terms(&searcher, &terms, &self.dir)?;
        let mut top = Vec::new();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            if let Some(set) = docs.0.get(&segment.segment_id()) {
                top.extend(set.ids.iter().map(|&d| (1.0, tantivy::DocAddress::new(ord as u32, d))));
            }
        }
        let mut hits = self.fetch(&searcher, &top)?;
        hits.retain(|h| h.key != NO_KEY);
        Ok(hits)
    }

    /// The stored record of an article.
    pub fn article(&self, id: &str) -> Result<Option<Hit>> {
        self.record(ARTICLE, Term::from_field_text(self.fields.article, id))
    }

    /// The first record of `kind` (in index order) holding `which`. Read straight from the two
    /// terms' postings: an answer looks up each citation's article this way, and building a
    /// query's weights and scorers would cost more than finding the one document they share.
    fn record(&self, kind: &str, which: Term) -> Result<Option<Hit>> {
        let searcher = self.records.searcher();
        let kind = Term::from_field_text(self.fields.kind, kind);
        let found = Docs::with_terms(&searcher, &[which], &self.dir)?.holding_any(&searcher, &[kind], &self.dir)?;
        let first = searcher.segment_readers().iter().enumerate().find_map(|(ord, segment)| {
            let docs = found.0.get(&segment.segment_id())?;
            docs.ids.first().map(|&d| tantivy::DocAddress::new(ord as u32, d))
        });
        let Some(addr) = first else { return Ok(None) };
        Ok(self.fetch(&searcher, &[(1.0, addr)])?.pop().filter(|h| h.key != NO_KEY))
    }

    /// The stored record of the article with this headline-and-date key, if any.
    pub fn article_titled(&self, title_key: &str) -> Result<Option<Hit>> {
        self.record(ARTICLE, Term::from_field_text(self.fields.a_title, title_key))
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
        let mut keys: Vec<u64> = addrs.into_iter().filter_map(|addr| self.key_of(&searcher, addr)).collect();
        keys.sort_unstable();
        keys.dedup();
        Ok(keys)
    }

    /// The stored data of one person.
    pub fn person(&self, id: u64) -> Result<Option<Hit>> {
        self.record(PERSON, Term::from_field_u64(self.fields.key, id))
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

/// The groups of terms the corpus-wide every-word search asks one of each: `forms` without
/// its empty groups, or each of `terms` alone if no forms are given.
fn every_word_groups(terms: &[String], forms: &[Vec<String>]) -> Vec<Vec<String>> {
    match forms.iter().any(|g| !g.is_empty()) {
        true => forms.iter().filter(|g| !g.is_empty()).cloned().collect(),
        false => terms.iter().map(|t| vec![t.clone()]).collect(),
    }
}

/// The terms of `field` that begin with `prefix` (and are longer, unless `itself`): a range
/// of the term dictionary, which costs less to set up than a regular expression's automaton.
pub(super) fn prefix_query(field: Field, prefix: &str, itself: bool) -> Box<dyn Query> {
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

/// The stored fields a fetch reads.
#[derive(Clone, Copy)]
struct Stored {
    key: Field,
    text: Field,
    data: Field,
}

/// The documents at these addresses, read from the store, in order; each with its
/// similarity to the meaning if `compare` gives the meaning columns and the meaning. A
/// document without a key keeps its place (hits stay aligned with addresses) until the
/// caller drops it.
fn fetch_docs(
    searcher: &tantivy::Searcher,
    fields: Stored,
    top: &[(Score, tantivy::DocAddress)],
    compare: Option<(&MeaningColumns, &Meaning)>,
    dir: &Path,
) -> Result<Vec<Hit>> {
    tracing::trace!(docs = top.len(), "fetching");
    let mut hits = Vec::with_capacity(top.len());
    for &(score, addr) in top {
        let doc: TantivyDocument = searcher.doc(addr).map_err(|e| index_err(dir, e))?;
        let key = doc.get_first(fields.key).and_then(|v| v.as_u64()).unwrap_or(NO_KEY);
        let text = doc.get_first(fields.text).and_then(|v| v.as_str()).unwrap_or("").to_string();
        let data = doc.get_first(fields.data).and_then(|v| v.as_str()).unwrap_or("").to_string();
        let similarity = compare.and_then(|(columns, m)| {
            let columns = columns.get(&searcher.segment_reader(addr.segment_ord).segment_id())?;
            match columns.is_empty() {
                true => None,
                false => read_meaning(columns, addr.doc_id).map(|u| embed::similarity(m, &u)),
            }
        });
        hits.push(Hit { key, score, text, data, similarity });
    }
    Ok(hits)
}

/// A document's stored meaning, if it has one, from its segment's meaning columns.
fn read_meaning(columns: &[tantivy::columnar::Column<u64>], doc: tantivy::DocId) -> Option<Meaning> {
    let mut words = [0u64; embed::DIM / 8];
    for (w, c) in words.iter_mut().zip(columns) {
        *w = c.first(doc)?;
    }
    Some(embed::unpack(&words))
}

pub(super) fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::Basic))
}

/// A set of documents worked out once (the units of the best articles, or those holding every
/// asked word) and then used as a filter by several clauses: each segment's matching ids, in
/// order. Matches with score 0, so a document's score is what the other clauses give it.
#[derive(Clone, Debug)]
pub(super) struct Docs(std::sync::Arc<std::collections::HashMap<tantivy::index::SegmentId, Segment>>);

/// The documents of `term` in one segment (deleted ones included), if it has any.
fn postings(
    segment: &tantivy::SegmentReader,
    term: &Term,
    dir: &Path,
) -> Result<Option<tantivy::postings::SegmentPostings>> {
    let inverted = segment.inverted_index(term.field()).map_err(|e| index_err(dir, e))?;
    inverted.read_postings(term, IndexRecordOption::Basic).map_err(|e| index_err(dir, e))
}

/// Hands `each(run, docs, freqs)` the documents of `block` inside each of `runs` (sorted and
/// disjoint) in order, a block's worth at a time: the postings are sought to each run's start
/// and read to its end. `freqs` is empty where the postings keep none.
fn in_runs(
    block: &mut tantivy::postings::BlockSegmentPostings,
    runs: &[(tantivy::DocId, tantivy::DocId)],
    mut each: impl FnMut(usize, &[tantivy::DocId], &[u32]),
) {
    for (run, &(start, end)) in runs.iter().enumerate() {
        let mut i = block.seek(start);
        loop {
            let docs = block.docs();
            if docs.is_empty() {
                return;
            }
            if i < docs.len() {
                let inside = docs[i..].partition_point(|&d| d < end);
                each(run, &docs[i..i + inside], block.freqs().get(i..i + inside).unwrap_or(&[]));
                if i + inside < docs.len() {
                    break;
                }
            }
            block.advance();
            i = 0;
        }
    }
}

/// A field's fieldnorms in a segment, read as a term query reads them (1 where none are kept).
fn field_norms(
    segment: &tantivy::SegmentReader,
    field: Field,
    dir: &Path,
) -> Result<tantivy::fieldnorm::FieldNormReader> {
    Ok(match segment.fieldnorms_readers().get_field(field).map_err(|e| index_err(dir, e))? {
        Some(norms) => norms,
        None => tantivy::fieldnorm::FieldNormReader::constant(segment.max_doc(), 1),
    })
}

/// Every document of `postings` (deleted ones included), handed to `each` a buffer at a time.
fn read_out(postings: &mut tantivy::postings::SegmentPostings, mut each: impl FnMut(&[tantivy::DocId])) {
    use tantivy::DocSet as _;
    let mut buffer = [0 as tantivy::DocId; tantivy::COLLECT_BLOCK_BUFFER_LEN];
    loop {
        let n = postings.fill_buffer(&mut buffer);
        each(&buffer[..n]);
        if n < buffer.len() {
            return;
        }
    }
}

/// Documents read from `lists` postings lists one after the other, in order and each once:
/// one list is in order already; many documents for the segment's size are put in order
/// through a bitset (linear), few by sorting.
fn in_order(mut docs: Vec<tantivy::DocId>, lists: usize, max_doc: tantivy::DocId) -> Vec<tantivy::DocId> {
    if lists <= 1 {
        return docs;
    }
    if docs.len() as u64 * 16 < u64::from(max_doc) {
        docs.sort_unstable();
        docs.dedup();
        return docs;
    }
    let mut bits = vec![0u64; max_doc as usize / 64 + 1];
    for &d in &docs {
        bits[d as usize / 64] |= 1 << (d % 64);
    }
    docs.clear();
    for (i, &w) in bits.iter().enumerate() {
        let mut w = w;
        while w != 0 {
            docs.push((i * 64) as tantivy::DocId + w.trailing_zeros());
            w &= w - 1;
        }
    }
    docs
}

/// One segment's documents of a [`Docs`]: their ids in order, and the same as runs of
/// consecutive ids (an article's units are added together, so a few dozen articles make a
/// few dozen runs).
#[derive(Clone, Debug)]
struct Segment {
    ids: std::sync::Arc<[tantivy::DocId]>,
    /// `[start, end)` ranges, in order.
    runs: std::sync::Arc<[(tantivy::DocId, tantivy::DocId)]>,
}

impl Segment {
    fn new(ids: Vec<tantivy::DocId>) -> Segment {
        let mut runs: Vec<(tantivy::DocId, tantivy::DocId)> = Vec::new();
        for &d in &ids {
            match runs.last_mut() {
                Some(r) if r.1 == d => r.1 = d + 1,
                _ => runs.push((d, d + 1)),
            }
        }
        Segment { ids: ids.into(), runs: runs.into() }
    }
}

/// The documents of one segment's runs as slots of a table (a run's documents take
/// consecutive slots), and the walk of a term's postings over those runs only.
struct RunTable<'a> {
    runs: &'a [(tantivy::DocId, tantivy::DocId)],
    /// The slot of each run's first document.
    first: Vec<usize>,
    len: usize,
}

impl<'a> RunTable<'a> {
    fn new(runs: &'a [(tantivy::DocId, tantivy::DocId)]) -> RunTable<'a> {
        let mut first = Vec::with_capacity(runs.len());
        let mut len = 0;
        for &(start, end) in runs {
            first.push(len);
            len += (end - start) as usize;
        }
        RunTable { runs, first, len }
    }

    /// Every slot with its document, in order.
    fn docs(&self) -> impl Iterator<Item = (usize, tantivy::DocId)> + '_ {
        self.runs
            .iter()
            .zip(&self.first)
            .flat_map(|(&(start, end), &first)| (start..end).map(move |d| (first + (d - start) as usize, d)))
    }

    /// Calls `each(slot, fieldnorm id, term frequency)` for every document of the runs that
    /// holds `term`, in order: the term's postings are sought to each run (a block at a time)
    /// and read to its end. Frequencies are 1 where the field keeps none; fieldnorms are
    /// read as a term query reads them.
    fn walk(
        &self,
        segment: &tantivy::SegmentReader,
        term: &Term,
        dir: &Path,
        mut each: impl FnMut(usize, u8, u32),
    ) -> Result<()> {
        let inverted = segment.inverted_index(term.field()).map_err(|e| index_err(dir, e))?;
        let Some(mut block) =
            inverted.read_block_postings(term, IndexRecordOption::WithFreqs).map_err(|e| index_err(dir, e))?
        else {
            return Ok(());
        };
        let norms = field_norms(segment, term.field(), dir)?;
        in_runs(&mut block, self.runs, |run, docs, freqs| {
            let (start, first) = (self.runs[run].0, self.first[run]);
            for (k, &doc) in docs.iter().enumerate() {
                let tf = freqs.get(k).copied().unwrap_or(1);
                each(first + (doc - start) as usize, norms.fieldnorm_id(doc), tf);
            }
        });
        Ok(())
    }
}

impl Docs {
    /// Each segment's documents, segments in order of id (for tests to compare sets).
    #[cfg(test)]
    pub(super) fn listed(&self) -> Vec<(tantivy::index::SegmentId, Vec<tantivy::DocId>)> {
        let mut all: Vec<_> = self.0.iter().map(|(s, d)| (*s, d.ids.to_vec())).collect();
        all.sort();
        all
    }

    /// The live documents holding any of `terms`, read straight from each term's postings: a
    /// union query would walk them window by window, every window asking every term, where a
    /// few dozen lists need only be read out and sorted.
    pub(super) fn with_terms(searcher: &tantivy::Searcher, terms: &[Term], dir: &Path) -> Result<Docs> {
        let mut by_segment = std::collections::HashMap::new();
        for segment in searcher.segment_readers() {
            let mut docs: Vec<tantivy::DocId> = Vec::new();
            let mut lists = 0;
            for term in terms {
                let Some(mut postings) = postings(segment, term, dir)? else { continue };
                lists += 1;
                read_out(&mut postings, |found| {
                    docs.extend(found.iter().filter(|&&d| segment.alive_bitset().is_none_or(|a| a.is_alive(d))))
                });
            }
            if !docs.is_empty() {
                by_segment.insert(segment.segment_id(), Segment::new(in_order(docs, lists, segment.max_doc())));
            }
        }
        Ok(Docs(std::sync::Arc::new(by_segment)))
    }

    /// The documents of this set that hold any of `terms`. Each term's postings are sought to
    /// each run of the set and read to its end, so the cost is the set's, not the term's.
    fn holding_any(&self, searcher: &tantivy::Searcher, terms: &[Term], dir: &Path) -> Result<Docs> {
        self.narrowed(searcher, terms, dir, |_, held| Segment::new(held))
    }

    /// The documents of the set that `term` is not in (its postings read only inside the
    /// runs of the set).
    fn lacking(&self, searcher: &tantivy::Searcher, term: &Term, dir: &Path) -> Result<Docs> {
        self.narrowed(searcher, std::slice::from_ref(term), dir, |set, held| {
            if held.is_empty() {
                return set.clone();
            }
            // Both in order: one pass.
            let mut held = held.iter().peekable();
            Segment::new(
                set.ids
                    .iter()
                    .copied()
                    .filter(|&d| {
                        while held.next_if(|&&h| h < d).is_some() {}
                        held.peek() != Some(&&d)
                    })
                    .collect(),
            )
        })
    }

    /// Each segment's documents as `keep(set, held)` picks them from its part of the set and
    /// the documents of that part holding any of `terms` (in order, each once). Each term's
    /// postings are read a block at a time, sought to each run: a kind most units have is
    /// copied a run at a time, not advanced through document by document.
    fn narrowed(
        &self,
        searcher: &tantivy::Searcher,
        terms: &[Term],
        dir: &Path,
        keep: impl Fn(&Segment, Vec<tantivy::DocId>) -> Segment,
    ) -> Result<Docs> {
        let mut by_segment = std::collections::HashMap::new();
        for segment in searcher.segment_readers() {
            let Some(set) = self.0.get(&segment.segment_id()) else { continue };
            let mut held: Vec<tantivy::DocId> = Vec::new();
            for term in terms {
                let inverted = segment.inverted_index(term.field()).map_err(|e| index_err(dir, e))?;
                let Some(mut block) =
                    inverted.read_block_postings(term, IndexRecordOption::Basic).map_err(|e| index_err(dir, e))?
                else {
                    continue;
                };
                in_runs(&mut block, &set.runs, |_, found, _| held.extend_from_slice(found));
            }
            // One term's documents come in order already.
            if terms.len() > 1 {
                held.sort_unstable();
                held.dedup();
            }
            let docs = keep(set, held);
            if !docs.ids.is_empty() {
                by_segment.insert(segment.segment_id(), docs);
            }
        }
        Ok(Docs(std::sync::Arc::new(by_segment)))
    }

    /// The units of this set whose meaning is closest to `meaning`, at least
    /// [`MIN_SIMILARITY`]: at most [`SIMILAR_UNITS`], closest first (equally close ones in
    /// index order). The set bounds the cost: a question compares its meaning with the units
    /// of a few dozen articles, never with the whole corpus.
    fn closest(
        &self,
        searcher: &tantivy::Searcher,
        columns: &MeaningColumns,
        meaning: &Meaning,
    ) -> Vec<(f32, tantivy::DocAddress)> {
        let sims = self.similarities(columns, searcher, meaning);
        let mut best: Vec<(f32, tantivy::DocAddress)> = Vec::new();
        for (ord, reader) in searcher.segment_readers().iter().enumerate() {
            let (Some(set), Some(sims)) = (self.0.get(&reader.segment_id()), sims.get(&reader.segment_id())) else {
                continue;
            };
            for (&doc, &sim) in set.ids.iter().zip(sims.iter()) {
                if sim >= MIN_SIMILARITY {
                    best.push((sim, tantivy::DocAddress::new(ord as u32, doc)));
                }
            }
        }
        best.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        best.truncate(SIMILAR_UNITS);
        best
    }

    /// The similarity of every document of the set to `meaning`, by segment, in the order of
    /// its ids (-1 for a document without a meaning).
    fn similarities(
        &self,
        columns: &MeaningColumns,
        searcher: &tantivy::Searcher,
        meaning: &Meaning,
    ) -> std::collections::HashMap<tantivy::index::SegmentId, std::sync::Arc<[f32]>> {
        let probe = embed::Probe::new(meaning);
        let mut out = std::collections::HashMap::new();
        for reader in searcher.segment_readers() {
            let Some(set) = self.0.get(&reader.segment_id()) else { continue };
            let columns = columns.get(&reader.segment_id()).map_or(&[][..], |c| c.as_slice());
            let mut sims = Vec::with_capacity(set.ids.len());
            let full = columns.len() == embed::DIM / 8
                && columns.iter().all(|c| matches!(c.index, tantivy::columnar::ColumnIndex::Full));
            for &(start, end) in set.runs.iter() {
                if !full {
                    sims.extend((start..end).map(|d| read_meaning(columns, d).map_or(-1.0, |u| probe.similarity(&u))));
                    continue;
                }
                // Column by column over the run: `words[c][i]` is word `c` of document `start + i`.
                let n = (end - start) as usize;
                let mut words = vec![0u64; n * columns.len()];
                for (c, column) in columns.iter().enumerate() {
                    column.values.get_range(u64::from(start), &mut words[c * n..(c + 1) * n]);
                }
                for i in 0..n {
                    let mut packed = [0u64; embed::DIM / 8];
                    for (c, w) in packed.iter_mut().enumerate() {
                        *w = words[c * n + i];
                    }
                    sims.push(probe.similarity(&embed::unpack(&packed)));
                }
            }
            out.insert(reader.segment_id(), sims.into());
        }
        out
    }

    /// The live documents `query` matches.
    fn matching(searcher: &tantivy::Searcher, query: &dyn Query, dir: &Path) -> Result<Docs> {
        let weight = query
            .weight(tantivy::query::EnableScoring::disabled_from_searcher(searcher))
            .map_err(|e| index_err(dir, e))?;
        let mut by_segment = std::collections::HashMap::new();
        for segment in searcher.segment_readers() {
            let mut docs = Vec::new();
            weight
                .for_each_no_score(segment, &mut |found: &[tantivy::DocId]| {
                    docs.extend(found.iter().filter(|&&d| segment.alive_bitset().is_none_or(|a| a.is_alive(d))));
                })
                .map_err(|e| index_err(dir, e))?;
            if !docs.is_empty() {
                by_segment.insert(segment.segment_id(), Segment::new(docs));
            }
        }
        Ok(Docs(std::sync::Arc::new(by_segment)))
    }
}

impl Query for Docs {
    fn weight(&self, _: tantivy::query::EnableScoring<'_>) -> tantivy::Result<Box<dyn tantivy::query::Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl tantivy::query::Weight for Docs {
    fn scorer(&self, segment: &tantivy::SegmentReader, _: Score) -> tantivy::Result<Box<dyn tantivy::query::Scorer>> {
        match self.0.get(&segment.segment_id()) {
            Some(docs) => Ok(Box::new(tantivy::query::ConstScorer::new(Listed { docs: docs.ids.clone(), at: 0 }, 0.0))),
            None => Ok(Box::new(tantivy::query::EmptyScorer)),
        }
    }

    fn explain(
        &self,
        segment: &tantivy::SegmentReader,
        doc: tantivy::DocId,
    ) -> tantivy::Result<tantivy::query::Explanation> {
        let found = self.0.get(&segment.segment_id()).is_some_and(|d| d.ids.binary_search(&doc).is_ok());
        match found {
            true => Ok(tantivy::query::Explanation::new("one of a fixed set of documents", 0.0)),
            false => Err(tantivy::TantivyError::InvalidArgument(format!("document {doc} is not in the set"))),
        }
    }
}

/// One segment's documents of a [`Docs`], walked in order.
struct Listed {
    docs: std::sync::Arc<[tantivy::DocId]>,
    at: usize,
}

impl tantivy::DocSet for Listed {
    fn advance(&mut self) -> tantivy::DocId {
        self.at = (self.at + 1).min(self.docs.len());
        self.doc()
    }

    fn seek(&mut self, target: tantivy::DocId) -> tantivy::DocId {
        // The ids are sorted: skip to the first not below the target.
        self.at += self.docs[self.at..].partition_point(|&d| d < target);
        self.doc()
    }

    fn doc(&self) -> tantivy::DocId {
        self.docs.get(self.at).copied().unwrap_or(tantivy::TERMINATED)
    }

    fn size_hint(&self) -> u32 {
        (self.docs.len() - self.at) as u32
    }
}

/// A query's matches that lie in a [`Docs`], scored as the query scores them. Its scorer walks
/// the query's own matches and, at the end of each run of the set, seeks to the next run: a
/// term's postings cost one seek per run plus the postings inside, where an intersection led
/// by the set would seek them once per document of the set.
#[derive(Debug)]
struct Within {
    inner: Box<dyn Query>,
    docs: Docs,
}

impl Clone for Within {
    fn clone(&self) -> Self {
        Within { inner: self.inner.box_clone(), docs: self.docs.clone() }
    }
}

impl Query for Within {
    fn weight(&self, scoring: tantivy::query::EnableScoring<'_>) -> tantivy::Result<Box<dyn tantivy::query::Weight>> {
        Ok(Box::new(WithinWeight { inner: self.inner.weight(scoring)?, docs: self.docs.clone() }))
    }
}

struct WithinWeight {
    inner: Box<dyn tantivy::query::Weight>,
    docs: Docs,
}

impl tantivy::query::Weight for WithinWeight {
    fn scorer(
        &self,
        segment: &tantivy::SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Box<dyn tantivy::query::Scorer>> {
        let Some(set) = self.docs.0.get(&segment.segment_id()) else {
            return Ok(Box::new(tantivy::query::EmptyScorer));
        };
        let inner = self.inner.scorer(segment, boost)?;
        let mut scorer = InRuns { inner, runs: set.runs.clone(), at: 0, doc: 0 };
        let first = scorer.inner.doc();
        scorer.doc = scorer.settle(first);
        Ok(Box::new(scorer))
    }

    fn explain(
        &self,
        segment: &tantivy::SegmentReader,
        doc: tantivy::DocId,
    ) -> tantivy::Result<tantivy::query::Explanation> {
        let inside = self.docs.0.get(&segment.segment_id()).is_some_and(|d| d.ids.binary_search(&doc).is_ok());
        if !inside {
            return Err(tantivy::TantivyError::InvalidArgument(format!("document {doc} is not in the set")));
        }
        self.inner.explain(segment, doc)
    }
}

/// The scorer of a [`Within`].
struct InRuns {
    inner: Box<dyn tantivy::query::Scorer>,
    runs: std::sync::Arc<[(tantivy::DocId, tantivy::DocId)]>,
    /// The run `doc` is in (or the next one).
    at: usize,
    doc: tantivy::DocId,
}

impl InRuns {
    /// The first match at or after the inner scorer's match `d` that lies in a run.
    fn settle(&mut self, mut d: tantivy::DocId) -> tantivy::DocId {
        loop {
            if d == tantivy::TERMINATED {
                return d;
            }
            let Some(&(start, end)) = self.runs.get(self.at) else { return tantivy::TERMINATED };
            if d < start {
                d = self.inner.seek(start);
            } else if d < end {
                return d;
            } else {
                self.at += self.runs[self.at..].partition_point(|r| r.1 <= d);
            }
        }
    }
}

impl tantivy::DocSet for InRuns {
    fn advance(&mut self) -> tantivy::DocId {
        if self.doc == tantivy::TERMINATED {
            return self.doc;
        }
        let d = self.inner.advance();
        self.doc = self.settle(d);
        self.doc
    }

    fn seek(&mut self, target: tantivy::DocId) -> tantivy::DocId {
        if self.doc >= target {
            return self.doc;
        }
        let d = self.inner.seek(target);
        self.doc = self.settle(d);
        self.doc
    }

    fn doc(&self) -> tantivy::DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        let left: u32 = self.runs[self.at.min(self.runs.len())..].iter().map(|r| r.1 - r.0).sum();
        self.inner.size_hint().min(left)
    }
}

impl tantivy::query::Scorer for InRuns {
    fn score(&mut self) -> Score {
        self.inner.score()
    }
}

thread_local! {
    /// [`UnionJob`]'s table of scores by document (zero between searches: each search resets
    /// the documents it touched) and the documents it touched, one per thread.
    static SCORES: std::cell::RefCell<(Vec<Score>, Vec<tantivy::DocId>)> = const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}

/// One union search over article records, its segments claimed one at a time by whichever
/// thread is free: the asking thread, and the helper thread if it gets to the job before
/// the asking thread has claimed them all (a helper busy with another question's job never
/// delays this one).
struct UnionJob {
    searcher: tantivy::Searcher,
    field: Field,
    terms: Vec<(Term, tantivy::query::Bm25Weight)>,
    /// Segment ordinals in the order they are claimed.
    order: Vec<u32>,
    /// Which documents may rank.
    allowed: Allowed,
    next: std::sync::atomic::AtomicUsize,
    /// Segments scored (as `state.done`), read without the lock by the thread that waits.
    scored: std::sync::atomic::AtomicUsize,
    state: std::sync::Mutex<UnionState>,
    finished: std::sync::Condvar,
}

/// The documents a [`UnionJob`] may rank.
enum Allowed {
    All,
    /// Those holding any of these terms, read segment by segment as each is scored.
    Holding(Vec<Term>),
}

struct UnionState {
    /// Segments scored.
    done: usize,
    /// The best of each scored segment.
    best: Vec<Ranked>,
    failed: Option<String>,
}

impl UnionJob {
    /// Claims and scores segments until none is left.
    fn work(&self) {
        loop {
            let i = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(&ord) = self.order.get(i) else { return };
            // A panic is an error of this search, never a segment left unfinished (the asking
            // thread waits for every one).
            let scored = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.segment(ord)))
                .unwrap_or_else(|_| Err("scoring a segment panicked".to_string()));
            let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            match scored {
                Ok(best) => state.best.extend(best),
                Err(e) => state.failed = Some(e),
            }
            state.done += 1;
            self.scored.store(state.done, std::sync::atomic::Ordering::Release);
            if state.done == self.order.len() {
                self.finished.notify_all();
            }
        }
    }

    /// The best [`ARTICLES_SEARCHED`] documents of one segment: each word's postings read a
    /// block of 128 at a time into a table of scores (tantivy's union spends more per
    /// document on its generic scorers than on BM25 itself).
    fn segment(&self, ord: u32) -> std::result::Result<Vec<Ranked>, String> {
        let segment = self.searcher.segment_reader(ord);
        // The allowed documents of the segment as a bitset (none allowed: nothing to score).
        let allowed: Option<Vec<u64>> = match &self.allowed {
            Allowed::All => None,
            // Read here, segment by segment, by whichever thread scores it: straight into the
            // bitset, never sorted into a list first.
            Allowed::Holding(terms) => {
                let mut allowed = vec![0u64; segment.max_doc() as usize / 64 + 1];
                let mut any = false;
                for term in terms {
                    let inverted = segment.inverted_index(term.field()).map_err(|e| e.to_string())?;
                    let postings = inverted.read_postings(term, IndexRecordOption::Basic).map_err(|e| e.to_string())?;
                    let Some(mut postings) = postings else { continue };
                    read_out(&mut postings, |found| {
                        any |= !found.is_empty();
                        found.iter().for_each(|&d| allowed[d as usize / 64] |= 1 << (d % 64));
                    });
                }
                if !any {
                    return Ok(Vec::new());
                }
                Some(allowed)
            }
        };
        let allows =
            |doc: tantivy::DocId| allowed.as_ref().is_none_or(|bits| bits[doc as usize / 64] & (1 << (doc % 64)) != 0);
        let inverted = segment.inverted_index(self.field).map_err(|e| e.to_string())?;
        let norms = segment.get_fieldnorms_reader(self.field).map_err(|e| e.to_string())?;
        let mut best = Best::new(ARTICLES_SEARCHED);
        SCORES.with(|table| {
            let (scores, touched) = &mut *table.borrow_mut();
            if scores.len() < segment.max_doc() as usize {
                scores.resize(segment.max_doc() as usize, 0.0);
            }
            touched.clear();
            let mut read = || -> std::io::Result<()> {
                for (term, weight) in &self.terms {
                    let Some(mut block) = inverted.read_block_postings(term, IndexRecordOption::WithFreqs)? else {
                        continue;
                    };
                    loop {
                        let docs = block.docs();
                        if docs.is_empty() {
                            break;
                        }
                        for (&doc, &tf) in docs.iter().zip(block.freqs()) {
                            if !allows(doc) {
                                continue;
                            }
                            let slot = &mut scores[doc as usize];
                            if *slot == 0.0 {
                                touched.push(doc);
                            }
                            *slot += weight.score(norms.fieldnorm_id(doc), tf);
                        }
                        block.advance();
                    }
                }
                Ok(())
            };
            let outcome = read();
            let alive = segment.alive_bitset();
            // Every touched slot is reset, even after a failed read, so the table stays zero.
            for &doc in touched.iter() {
                let score = std::mem::take(&mut scores[doc as usize]);
                if outcome.is_err() || alive.is_some_and(|a| !a.is_alive(doc)) {
                    continue;
                }
                best.offer(score, tantivy::DocAddress::new(ord, doc));
            }
            outcome.map_err(|e| e.to_string())
        })?;
        Ok(best.into_vec())
    }
}

/// The process's search helper thread: runs jobs one after another. Started on first use;
/// a job waits only behind other jobs, and whoever hands it one never waits for it to start.
struct Helper {
    jobs: std::sync::Mutex<std::sync::mpsc::Sender<Box<dyn FnOnce() + Send>>>,
}

impl Helper {
    fn run(&self, job: Box<dyn FnOnce() + Send>) {
        // If the thread could not be started, or has died, the asking thread does the work.
        let _ = self.jobs.lock().unwrap_or_else(|e| e.into_inner()).send(job);
    }
}

fn helper() -> &'static Helper {
    static HELPER: std::sync::OnceLock<Helper> = std::sync::OnceLock::new();
    HELPER.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::channel::<Box<dyn FnOnce() + Send>>();
        let _ = std::thread::Builder::new().name("summitbot-search".into()).spawn(move || {
            while let Some(job) = next_job(&rx) {
                // A panicking job must not take the thread (and every later job) with it.
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
            }
        });
        Helper { jobs: std::sync::Mutex::new(tx) }
    })
}

/// How long the helper stays awake for the next job before it sleeps.
const HELPER_AWAKE: std::time::Duration = std::time::Duration::from_micros(400);

/// The helper's next job (`None` once no one can send one). A question hands the helper
/// several jobs a few hundred microseconds apart (its share of the union, the comparison by
/// meaning, half the fetch): it waits for the next a moment awake, since waking a sleeping
/// thread costs more than such a job's share of a question, then sleeps until one comes.
fn next_job(rx: &std::sync::mpsc::Receiver<Box<dyn FnOnce() + Send>>) -> Option<Box<dyn FnOnce() + Send>> {
    use std::sync::mpsc::TryRecvError;
    let until = std::time::Instant::now() + HELPER_AWAKE;
    loop {
        match rx.try_recv() {
            Ok(job) => return Some(job),
            Err(TryRecvError::Disconnected) => return None,
            Err(TryRecvError::Empty) if std::time::Instant::now() < until => std::hint::spin_loop(),
            Err(TryRecvError::Empty) => return rx.recv().ok(),
        }
    }
}

/// Waits a moment awake for `done` (yielding to any other thread that could run) before the
/// caller sleeps on its condition variable: the helper's share of a question's work ends a
/// few dozen microseconds after the asking thread's, sooner than a sleeping thread wakes.
fn stay_awake_until(done: impl Fn() -> bool) {
    let until = std::time::Instant::now() + HELPER_AWAKE;
    while !done() && std::time::Instant::now() < until {
        std::thread::yield_now();
    }
}

/// Each segment's meaning columns, by segment.
type MeaningColumns = std::collections::HashMap<tantivy::index::SegmentId, Vec<tantivy::columnar::Column<u64>>>;

/// Work offered to the helper thread, done by whichever thread gets to it first: the helper,
/// or the asking thread when it needs the result ([`Offered::take`]) and the helper has not
/// started it (busy with another question's work, say). So offering never makes a question
/// slower than doing the work itself, beyond the hand-over.
struct Offered<T> {
    job: std::sync::Mutex<Option<Box<dyn FnOnce() -> T + Send>>>,
    result: std::sync::Mutex<Option<std::thread::Result<T>>>,
    ready: std::sync::Condvar,
    /// Whether the result is in, read without the lock by the thread that waits.
    done: std::sync::atomic::AtomicBool,
}

fn offer<T: Send + 'static>(job: impl FnOnce() -> T + Send + 'static) -> std::sync::Arc<Offered<T>> {
    let offered = std::sync::Arc::new(Offered {
        job: std::sync::Mutex::new(Some(Box::new(job) as Box<dyn FnOnce() -> T + Send>)),
        result: std::sync::Mutex::new(None),
        ready: std::sync::Condvar::new(),
        done: std::sync::atomic::AtomicBool::new(false),
    });
    let theirs = offered.clone();
    helper().run(Box::new(move || {
        let job = theirs.job.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(job) = job {
            let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
            *theirs.result.lock().unwrap_or_else(|e| e.into_inner()) = Some(done);
            theirs.done.store(true, std::sync::atomic::Ordering::Release);
            theirs.ready.notify_all();
        }
    }));
    offered
}

impl<T> Offered<T> {
    /// The result: computed here if the helper has not started, else waited for (a panic in
    /// the helper is resumed here).
    fn take(&self) -> T {
        let job = self.job.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(job) = job {
            return job();
        }
        stay_awake_until(|| self.done.load(std::sync::atomic::Ordering::Acquire));
        let mut result = self.result.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if let Some(done) = result.take() {
                return done.unwrap_or_else(|e| std::panic::resume_unwind(e));
            }
            result = self.ready.wait(result).unwrap_or_else(|e| e.into_inner());
        }
    }
}

/// Keeps `ranked` among the `limit` best of `best` (a max-heap whose top is the worst kept).
/// The best `limit` of many scored documents: the candidates in a buffer of twice as many,
/// cut back to the best `limit` whenever it fills, and the worst score kept at the last cut,
/// below which a document is turned away by one comparison (most of a union's documents
/// are). Each cut costs linear time for `limit` new candidates, where a heap paid a
/// logarithm for each.
struct Best {
    kept: Vec<Ranked>,
    limit: usize,
    floor: Score,
}

impl Best {
    fn new(limit: usize) -> Best {
        let limit = limit.max(1);
        Best { kept: Vec::with_capacity(2 * limit), limit, floor: Score::NEG_INFINITY }
    }

    fn offer(&mut self, score: Score, addr: tantivy::DocAddress) {
        if score < self.floor {
            return;
        }
        self.kept.push(Ranked(score, addr));
        if self.kept.len() == 2 * self.limit {
            self.cut();
        }
    }

    fn cut(&mut self) {
        if self.kept.len() > self.limit {
            self.kept.select_nth_unstable(self.limit - 1);
            self.kept.truncate(self.limit);
            self.floor = self.kept[self.limit - 1].0;
        }
    }

    /// The best `limit`, in no particular order.
    fn into_vec(mut self) -> Vec<Ranked> {
        self.cut();
        self.kept
    }
}

/// A scored document ranked among the best: the better (higher score, or at equal scores the
/// earlier address) is less, so a max-heap's top is the worst kept and a sorted list is best
/// first.
struct Ranked(Score, tantivy::DocAddress);

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other.0.total_cmp(&self.0).then(self.1.cmp(&other.1))
    }
}

#[cfg(test)]
mod best_tests {
    use super::*;

    #[test]
    fn the_best_kept_are_the_top_of_a_full_sort_with_ties_to_the_earlier_document() {
        // Scores with many ties, offered out of document order, as a union's touched list is.
        let mut offered: Vec<(Score, tantivy::DocAddress)> =
            (0..500u32).map(|i| ((i * 37 % 11) as Score, tantivy::DocAddress::new(i % 3, (i * 7919) % 1000))).collect();
        offered.dedup_by_key(|o| o.1);
        for limit in [1, 5, 64, 600] {
            let mut best = Best::new(limit);
            for &(s, a) in &offered {
                best.offer(s, a);
            }
            let mut kept = best.into_vec();
            kept.sort();
            let mut all: Vec<Ranked> = offered.iter().map(|&(s, a)| Ranked(s, a)).collect();
            all.sort();
            all.truncate(limit);
            let pairs = |v: &[Ranked]| v.iter().map(|r| (r.0, r.1)).collect::<Vec<_>>();
            assert_eq!(pairs(&kept), pairs(&all), "limit {limit}");
        }
    }
}
