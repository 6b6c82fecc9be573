//! Our own question set (`tests/fixtures/questions.toml`): the first answer must contain an
//! expected phrase, from the expected speaker and article; `none_from` names a person no
//! answer may be attributed to. Matching folds case, quote styles and white space.

use std::path::Path;

#[path = "support/engine.rs"]
mod engine_support;

use engine_support::bundled_engine;

fn norm(s: &str) -> String {
    summitbot::text::squash(&summitbot::text::fold(s))
}

#[test]
fn our_question_set_is_answered_right_by_the_first_answer() {
    let (engine, _idx) = bundled_engine();
    let raw =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/questions.toml")).unwrap();
    let set: toml::Value = toml::from_str(&raw).unwrap();
    let mut misses = Vec::new();
    for q in set["question"].as_array().unwrap() {
        let ask = q["ask"].as_str().unwrap();
        let answer = engine.ask(ask).unwrap();
        if let Some(who) = q.get("none_from").and_then(|v| v.as_str()) {
            if answer.items.iter().any(|i| i.speaker.as_deref().is_some_and(|s| norm(s).contains(&norm(who)))) {
                misses.push(format!("{ask}: attributed to {who}"));
            }
            continue;
        }
        let Some(first) = answer.items.first() else {
            misses.push(format!("{ask}: no answer"));
            continue;
        };
        let expect: Vec<String> = q["expect"].as_array().unwrap().iter().map(|e| norm(e.as_str().unwrap())).collect();
        let text_ok = expect.iter().any(|e| norm(&first.text).contains(e));
        let speaker_ok = q
            .get("speaker")
            .and_then(|v| v.as_str())
            .is_none_or(|s| first.speaker.as_deref().is_some_and(|x| norm(x).contains(&norm(s))));
        if !(text_ok && speaker_ok) {
            misses.push(format!("{ask}: got [{:?}] {}", first.speaker, first.text));
        }
    }
    assert!(misses.is_empty(), "{misses:#?}");
}
