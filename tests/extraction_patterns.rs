//! Attribution patterns the four articles do not all show, on a hand-written fixture corpus:
//! `according to`, a colon cue, an apposition after an inverted cue, a quote continued in the
//! next sentence, a quote running over two paragraphs, and quotes that belong to nobody.

use std::path::Path;

use summitbot::corpus::Corpus;
use summitbot::quotes::{extract, Voice};

fn speakers() -> Vec<(String, Option<String>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/patterns");
    let c = Corpus::load(&dir).unwrap();
    let ex = extract(&c);
    let a = &c.articles[0];
    ex.quotes
        .iter()
        .flat_map(|q| {
            let sp = q.speaker.map(|s| ex.people.get(s).name.clone());
            q.parts.iter().map(move |p| (a.slice(*p).to_string(), sp.clone())).collect::<Vec<_>>()
        })
        .collect()
}

fn speaker_of(start: &str) -> Option<String> {
    let all = speakers();
    all.iter()
        .find(|(t, _)| t.starts_with(start))
        .unwrap_or_else(|| panic!("no quote starts with {start:?}: {all:?}"))
        .1
        .clone()
}

#[test]
fn according_to_attributes_the_following_quote() {
    assert_eq!(speaker_of("the talks were frank").as_deref(), Some("Anna Kovacs"));
}

#[test]
fn a_colon_cue_with_a_title_before_the_name_attributes_the_quote() {
    assert_eq!(speaker_of("We will meet again").as_deref(), Some("Peter Lindqvist"));
}

#[test]
fn an_inverted_cue_with_an_apposition_covers_both_sentences_of_the_quote() {
    assert_eq!(speaker_of("Nobody expected").as_deref(), Some("Maria Costa"));
    assert_eq!(speaker_of("But the tone was warm").as_deref(), Some("Maria Costa"));
}

#[test]
fn a_quote_left_open_at_a_paragraph_end_shares_the_speaker_of_its_continuation() {
    assert_eq!(speaker_of("The first paragraph of a long statement").as_deref(), Some("Peter Lindqvist"));
    assert_eq!(speaker_of("and the second paragraph closes it").as_deref(), Some("Peter Lindqvist"));
}

#[test]
fn a_document_and_a_proverb_are_nobodys_words() {
    assert_eq!(speaker_of("a new chapter"), None);
    assert_eq!(speaker_of("patience is bitter"), None);
}

#[test]
fn she_added_is_reported_speech_of_the_last_speaker() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/patterns");
    let c = Corpus::load(&dir).unwrap();
    let ex = extract(&c);
    let a = &c.articles[0];
    let p = ex.passages.iter().find(|p| a.slice(p.span).starts_with("She added")).unwrap();
    assert!(matches!(p.voice, Voice::Reported(id) if ex.people.get(id).name == "Maria Costa"), "{:?}", p.voice);
    let kovacs = ex.people.all().iter().find(|p| p.name == "Anna Kovacs").unwrap();
    assert!(
        kovacs.descriptors.iter().any(|d| d.text == "a veteran diplomat from Budapest"),
        "{:?}",
        kovacs.descriptors
    );
}
