//! Answering looks people up in the index (by name word, family name with typos, descriptor
//! word), never in a registry loaded whole. These tests hold the index's answers to the
//! in-memory registry's, person by person, on the bundled corpus.

use summitbot::engine::Engine;
use summitbot::quotes::{find_in_words, Kind, Registry};

#[path = "support/engine.rs"]
mod engine_support;

use engine_support::bundled_settings;

fn engine() -> (Engine, tempfile::TempDir) {
    let (s, idx) = bundled_settings();
    // Opened a second time, so that the store comes from disk, not from the build.
    drop(Engine::open(&s).unwrap());
    (Engine::open(&s).unwrap().0, idx)
}

#[test]
fn the_index_finds_everyone_by_name_and_description_as_the_registry_does() {
    let (engine, _idx) = engine();
    let store = &engine.store;
    let everyone = store.everyone().unwrap();
    let people = &everyone.people;
    assert!(people.all().len() > 20, "the bundled corpus names more people than that");
    for (id, p) in people.all().iter().enumerate() {
        assert_eq!(Registry::person(store, id).as_ref(), Some(p), "person {id}");
        for w in p.words.iter().chain(&p.aliases) {
            assert_eq!(store.named(w), people.named(w), "name word {w:?} of {}", p.name);
        }
        if p.kind == Kind::Person {
            for w in p.description_words() {
                let mut by_index = store.described(&w, false);
                by_index.retain(|&i| people.get(i).kind == Kind::Person);
                let mut by_registry = people.described(&w, false);
                by_registry.retain(|&i| people.get(i).kind == Kind::Person);
                assert_eq!(by_index, by_registry, "descriptor word {w:?} of {}", p.name);
            }
        }
    }
    assert!(store.named("nobody-of-that-name").is_empty());
}

#[test]
fn a_family_name_typed_with_typos_finds_the_person_through_the_index() {
    let (engine, _idx) = engine();
    let store = &engine.store;
    let words = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
    let found = find_in_words(store, &words("what did gabuyev say"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(store.name(found[0].0), "Alexander Gabuev");
    assert_eq!(found[0].1, 1, "one edit away");
    // Two edits are too many for a six-letter name, and short words never match by typo.
    assert!(find_in_words(store, &words("what did gabyyev say")).is_empty());
    assert!(find_in_words(store, &words("what did many say")).is_empty());
}

#[test]
fn a_person_looked_up_has_their_counts_and_descriptor_sentences() {
    let (engine, _idx) = engine();
    let store = &engine.store;
    let id = find_in_words(store, &["gabuev".to_string()])[0].0;
    assert!(store.quote_count(id) >= 2, "Gabuev is quoted in two articles");
    assert!(store.unit_count(id) >= store.quote_count(id));
    let sentences = store.described_in(id);
    assert!(sentences.iter().flatten().any(|d| d.text.contains("Carnegie")), "{sentences:?}");
    assert!(store.most_quoted().iter().any(|&(p, n)| p == id && n == store.quote_count(id)));
    assert_eq!(store.quoted_total(), store.everyone().unwrap().quoted_people().len());
}
