//! Tests of the index: what a build holds and what a search finds, against tantivy's own
//! queries. Kept apart from the builder so that changing a test never makes a built index stale.

use super::search::{prefix_query, term_query};
use super::*;

/// A request for `words` in every outlet, ranked (not verbatim), with no speaker or meaning.
fn request(words: &str, kind: Option<UnitKind>, limit: usize) -> SearchRequest<'_> {
    SearchRequest { outlet: &[], meaning: None, whole: false, forms: &[], words, speakers: &[], kind, limit }
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
        published: chrono::NaiveDate::from_ymd_opt(2024, 5, 16).unwrap(),
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
            // Most units are someone's words.
            speaker: (key % 4 != 0).then_some(key % 4),
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
        // The speakers of its units (the unit keys of an article agree modulo 4 when the
        // number of articles is a multiple of 4).
        let quoted: Vec<u64> = (0..units.min(articles))
            .filter(|k| (k % articles) as usize == i && k % 4 != 0)
            .map(|k| k % 4)
            .take(1)
            .collect();
        let doc = ArticleDoc {
            key: units + i as u64,
            id: &id,
            title_key: &id,
            body,
            speakers: &quoted,
            outlet: "Test News",
            published: chrono::NaiveDate::from_ymd_opt(2024, 5, 16).unwrap(),
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
fn an_analyser_that_has_stemmed_words_before_stems_them_as_a_fresh_one_does() {
    let text = "Ministers said the ministers' wars were warring; the minister's war, they said, was lost.";
    let mut used = Analyzer::default();
    // Words stemmed for other terms first, so the memo holds some of them and not others.
    let first: Vec<String> = ["war", "said"].map(String::from).to_vec();
    used.stems_near("the wars said warring things to ministers", &first);
    for terms in [vec!["minist"], vec!["war", "lost"], vec!["said", "they", "minist", "war"]] {
        let terms: Vec<String> = terms.into_iter().map(String::from).collect();
        let fresh = Analyzer::default().stems_near(text, &terms);
        assert_eq!(used.stems_near(text, &terms), fresh, "{terms:?}");
        assert_eq!(used.stems_near(text, &terms), fresh, "{terms:?}, asked twice");
    }
}

#[test]
fn hits_fetched_in_two_halves_come_back_in_the_order_of_their_addresses() {
    let root = tempfile::tempdir().unwrap();
    let mut b = Builder::create(root.path()).unwrap();
    generated(&mut b, 20, 3000, 7);
    let ix = b.commit().unwrap();
    let searcher = ix.reader.searcher();
    let top: Vec<(Score, tantivy::DocAddress)> =
        searcher.search(&*term_query(ix.fields.text, "oil"), &TopDocs::with_limit(41).order_by_score()).unwrap();
    assert_eq!(top.len(), 41);
    let hits = ix.fetch_scored(&searcher, &top, None).unwrap();
    let one_by_one: Vec<u64> = top
        .iter()
        .flat_map(|t| ix.fetch_scored(&searcher, std::slice::from_ref(t), None).unwrap())
        .map(|h| h.key)
        .collect();
    assert_eq!(hits.iter().map(|h| h.key).collect::<Vec<_>>(), one_by_one);
    let keys: Vec<u64> = top.iter().filter_map(|&(_, a)| ix.key_of(&searcher, a)).collect();
    assert_eq!(one_by_one, keys);
    assert!(hits.iter().zip(&top).all(|(h, t)| h.score == t.0));
}

#[test]
fn the_units_of_articles_found_by_their_runs_are_those_their_key_holds_after_deletions_across_segments() {
    let root = tempfile::tempdir().unwrap();
    let mut b = Builder::create(root.path()).unwrap();
    // Units of one article interleaved with others', so an article is many runs.
    generated(&mut b, 50, 900, 21);
    let ix = b.commit().unwrap();
    let mut b = Builder::update(root.path(), &ix).unwrap();
    for a in (0..50).step_by(3) {
        b.delete_article(&format!("a{a}"));
    }
    generated(&mut b, 7, 120, 22);
    let ix = b.commit().unwrap();
    let searcher = ix.reader.searcher();
    assert!(searcher.segment_readers().len() >= 2);
    let runs = |s: &tantivy::SegmentReader| ix.columns[&s.segment_id()].articles.as_ref().map(Vec::len);
    assert!(searcher.segment_readers().iter().all(|s| runs(s) > Some(0)), "every segment has its runs");
    for articles in [&[900u64, 903, 910, 949][..], &[120, 126, 901], &[949, 900], &[5000]] {
        let by_runs = ix.units_of(&searcher, articles, &request("", None, 10)).unwrap();
        let keys: Vec<Term> = articles.iter().map(|&k| Term::from_field_u64(ix.fields.article_key, k)).collect();
        let by_postings = super::search::Docs::with_terms(&searcher, &keys, &ix.dir).unwrap();
        assert_eq!(by_runs.listed(), by_postings.listed(), "{articles:?}");
        assert_eq!(by_runs.listed().is_empty(), articles == [5000], "{articles:?}");
    }
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

/// Tantivy's own union of the words over article text.
fn body_union(ix: &SearchIndex, words: &str) -> BooleanQuery {
    let any: Vec<(Occur, Box<dyn Query>)> = ix
        .analyse(words)
        .unwrap()
        .iter()
        .map(|t| {
            let t = Term::from_field_text(ix.fields.body, t);
            (Occur::Should, Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs)) as Box<dyn Query>)
        })
        .collect();
    BooleanQuery::new(any)
}

/// What tantivy's own collector ranks best for a union of the words over article text,
/// among the articles quoting one of `speakers`.
fn union_top_quoting(ix: &SearchIndex, words: &str, speakers: &[u64]) -> Vec<u64> {
    let searcher = ix.records.searcher();
    let any: Vec<(Occur, Box<dyn Query>)> =
        speakers.iter().map(|s| (Occur::Should, term_query(ix.fields.speaker, &s.to_string()))).collect();
    let quoting: HashSet<tantivy::DocAddress> =
        searcher.search(&BooleanQuery::new(any), &tantivy::collector::DocSetCollector).unwrap();
    let every = searcher.num_docs() as usize;
    let ranked = searcher.search(&body_union(ix, words), &TopDocs::with_limit(every).order_by_score()).unwrap();
    ranked
        .into_iter()
        .filter(|(_, a)| quoting.contains(a))
        .take(ARTICLES_SEARCHED)
        .filter_map(|(_, a)| ix.key_of(&searcher, a))
        .collect()
}

#[test]
fn the_best_articles_quoting_a_speaker_are_the_best_of_the_union_among_the_articles_quoting_them() {
    let root = tempfile::tempdir().unwrap();
    let mut b = Builder::create(root.path()).unwrap();
    let articles = 8 * ARTICLES_SEARCHED as u64;
    generated(&mut b, articles, 10 * articles, 13);
    let ix = b.commit().unwrap();
    let mut b = Builder::update(root.path(), &ix).unwrap();
    for a in (0..articles).step_by(5) {
        b.delete_article(&format!("a{a}"));
    }
    generated(&mut b, 40, 800, 14);
    let ix = b.commit().unwrap();
    for words in ["oil jobs", "cut oil war film election", "war", "oil zebra"] {
        for speakers in [&[1u64][..], &[3, 2], &[9]] {
            let best = ix.best_articles(words, speakers).unwrap();
            let want = union_top_quoting(&ix, words, speakers);
            assert_eq!(best, want, "{words} {speakers:?}");
            assert_eq!(best.is_empty(), speakers == [9], "{words} {speakers:?}: nobody quotes 9");
        }
    }
}

/// What tantivy's own collector ranks best for a union of the words over article text.
fn union_top(ix: &SearchIndex, words: &str) -> Vec<u64> {
    let searcher = ix.records.searcher();
    let top = searcher.search(&body_union(ix, words), &TopDocs::with_limit(ARTICLES_SEARCHED).order_by_score());
    top.unwrap().into_iter().filter_map(|(_, a)| ix.key_of(&searcher, a)).collect()
}

#[test]
fn the_best_articles_are_exactly_those_a_union_of_the_words_ranks_best_even_after_articles_are_deleted() {
    let root = tempfile::tempdir().unwrap();
    let mut b = Builder::create(root.path()).unwrap();
    let articles = 6 * ARTICLES_SEARCHED as u64;
    generated(&mut b, articles, 20 * articles, 11);
    let ix = b.commit().unwrap();
    let asked = ["oil jobs", "cut oil war film election", "war", "oil zebra", "film election"];
    for words in asked {
        let best = ix.best_articles(words, &[]).unwrap();
        assert_eq!(best.len(), ARTICLES_SEARCHED, "{words}");
        assert_eq!(best, union_top(&ix, words), "{words}");
    }
    // An update deletes every third article's documents (dead documents in the old
    // segments) and adds new ones (a new segment).
    let mut b = Builder::update(root.path(), &ix).unwrap();
    for a in (0..articles).step_by(3) {
        b.delete_article(&format!("a{a}"));
    }
    generated(&mut b, 40, 800, 12);
    let ix = b.commit().unwrap();
    assert!(ix.records.searcher().segment_readers().len() > 1, "the update added a segment");
    for words in asked {
        let best = ix.best_articles(words, &[]).unwrap();
        assert_eq!(best, union_top(&ix, words), "{words}");
    }
}

/// Many generated articles and a long one on something else (record key `key + 1`) whose one
/// unit, keyed `key`, is a short quotation of common words: `we cut oil, war film and election`.
fn long_article_among_many() -> (tempfile::TempDir, SearchIndex, u64) {
    let root = tempfile::tempdir().unwrap();
    let mut b = Builder::create(root.path()).unwrap();
    let articles = 4 * ARTICLES_SEARCHED as u64;
    generated(&mut b, articles, 20 * articles, 5);
    let (key, id) = (100_000, "long-article");
    let text = "we cut oil, war film and election";
    let body = format!("{} {text}", "weather harbour ferry timetable ".repeat(500));
    quoted_article(&mut b, key, id, text, &body);
    (root, b.commit().unwrap(), key)
}

#[test]
fn a_unit_holding_every_asked_word_is_found_in_an_article_that_does_not_rank_among_the_best() {
    let (_root, ix, key) = long_article_among_many();

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

#[test]
fn a_unit_holding_one_form_of_every_asked_word_is_found_in_an_article_that_does_not_rank_among_the_best() {
    let (_root, ix, key) = long_article_among_many();

    // `oil` asked with another form the unit does not hold: as words of their own, every one
    // of them is required and the unit is missed; as one word's forms, either will do.
    let words = "cut oil zebra war film election";
    let alone = ix.search(&request(words, None, 10)).unwrap();
    assert!(!alone.iter().any(|h| h.key == key), "{alone:?}");
    let forms: Vec<Vec<String>> =
        ["cut", "oil zebra", "war", "film", "election"].iter().map(|g| ix.analyse(g).unwrap()).collect();
    let grouped = ix.search(&SearchRequest { forms: &forms, ..request(words, None, 10) }).unwrap();
    assert!(grouped.iter().any(|h| h.key == key), "{grouped:?}");
}

#[test]
fn units_scored_straight_from_their_postings_score_and_rank_exactly_as_the_query_they_stand_for() {
    let root = tempfile::tempdir().unwrap();
    let mut b = Builder::create(root.path()).unwrap();
    let articles = 3 * ARTICLES_SEARCHED as u64;
    generated(&mut b, articles, 30 * articles, 17);
    let ix = b.commit().unwrap();
    // Dead documents in the old segment, and a second segment.
    let mut b = Builder::update(root.path(), &ix).unwrap();
    for a in (0..articles).step_by(4) {
        b.delete_article(&format!("a{a}"));
    }
    generated(&mut b, 30, 900, 18);
    let ix = b.commit().unwrap();
    let searcher = ix.reader.searcher();
    assert!(searcher.segment_readers().len() > 1, "the update added a segment");
    let speakers: [&[u64]; 3] = [&[], &[1], &[3, 1]];
    for words in ["oil price", "jobs cut company film", "war", "rise rise election"] {
        let terms = ix.analyse(words).unwrap();
        let best = ix.best_articles(words, &[]).unwrap();
        for speakers in speakers {
            for kind in [None, Some(UnitKind::Quote), Some(UnitKind::Passage)] {
                for limit in [1, 7, 60] {
                    let req = SearchRequest { speakers, ..request(words, kind, limit) };
                    let docs = ix.units_of(&searcher, &best, &req).unwrap();
                    let direct = ix.best_within(&searcher, &terms, &docs, &req).unwrap();
                    let Some(direct) = direct else {
                        assert!(!speakers.is_empty() && kind.is_some(), "only both filters fall back");
                        continue;
                    };
                    let words_clause = vec![(Occur::Must, ix.words_within(&terms, &docs))];
                    let query = BooleanQuery::new(ix.scored_filters(&req, &docs, words_clause));
                    let want = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score()).unwrap();
                    let case = format!("{words} {speakers:?} {kind:?} {limit}");
                    assert!(!want.is_empty(), "{case}: the case finds something");
                    assert_eq!(direct.len(), want.len(), "{case}");
                    for (d, w) in direct.iter().zip(&want) {
                        assert_eq!((d.0.to_bits(), d.1), (w.0.to_bits(), w.1), "{case}: {direct:?} vs {want:?}");
                    }
                }
            }
        }
    }
}
