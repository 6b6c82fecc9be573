//! Every direct quotation in the four articles, with its speaker (or none, where the text
//! names nobody: a term like "no limits", a proverb, a song title). A wrong name here is a
//! false statement about a real person, so the table is exhaustive and exact.

use std::path::Path;

use summitbot::corpus::{Corpus, ParaKind};
use summitbot::quotes::{extract, lexer, Cue, Kind};

/// (article id prefix, start of the words inside the quote marks, speaker)
const TABLE: &[(&str, &str, Option<&str>)] = &[
    ("000", "new era", None),
    ("002", "dear friend.", None),
    ("002", "no limits", None),
    ("002", "the Ukraine issue", Some("Xi Jinping")),
    ("002", "Both sides believe that a political solution ", Some("Xi Jinping")),
    ("002", "China's position on this question has always ", Some("Xi Jinping")),
    ("002", "I didn't see any indication that China is, yo", Some("Alexander Gabuev")),
    ("002", "direct threat", None),
    ("002", "uphold fairness and justice in the world.", Some("Xi Jinping")),
    ("002", "one of the main stabilizing factors on the in", Some("Vladimir Putin")),
    ("002", "This is all undergirded by a shared sense tha", Some("Samuel Charap")),
    ("002", "This relationship will continue growing stron", Some("Samuel Charap")),
    ("002", "machine tools, microelectronics, optics and o", Some("Antony Blinken")),
    ("002", "secondary sanctions", None),
    ("002", "Little Moscow.", None),
    ("002", "As with a lot of things on the economic side ", Some("Samuel Charap")),
    ("002", "The underwater part of the iceberg, that's wh", Some("Alexander Gabuev")),
    ("002", "And that's where both sides have reasons not ", Some("Alexander Gabuev")),
    ("002", "Just look how if you plant seeds in the right", Some("Vladimir Putin")),
    ("002", "they give a good harvest.", Some("Vladimir Putin")),
    ("003", "best friend.", Some("Xi Jinping")),
    ("003", "multipolar world", None),
    ("003", "deepen the comprehensive partnership", None),
    ("003", "Putin is building his own bloc. He no longer ", Some("Dmitri Muratov")),
    ("003", "So Putin is looking for allies and trying to ", Some("Dmitri Muratov")),
    ("003", "anti-Western world", None),
    ("003", "War has become the organizing principle of Ru", Some("Alexander Gabuev")),
    ("003", "You need guns, money and an economic lifeline", Some("Alexander Gabuev")),
    ("003", "no boundaries.", None),
    ("003", "there’s no harm in making a wish", None),
    ("003", "no limits partnership", None),
    ("003", "Before President Xi’s visit to Moscow, some e", Some("Mikhail Khodarenok")),
    ("003", "But China can only have one ally: China itsel", Some("Mikhail Khodarenok")),
    ("003", "West", None),
    ("003", "conflict", None),
    ("003", "war", None),
    ("003", "invasion", None),
    ("003", "legitimate security concerns", None),
    ("004", "stabilizing", Some("Vladimir Putin")),
    ("004", "reliably protected from the influence of thir", Some("Vladimir Putin")),
    ("004", "benchmark of cooperation", Some("Vladimir Putin")),
    ("004", "We have always firmly supported each other on", Some("Xi Jinping")),
    ("004", "old friend", Some("Xi Jinping")),
    ("004", "multipolar", None),
    ("004", "Together, we defend the principles of justice", Some("Vladimir Putin")),
    ("004", "Moscow Nights", None),
    ("004", "Putin will push for more Chinese assistance i", Some("Ryan Hass")),
    ("004", "They will wrap their respective efforts withi", Some("Ryan Hass")),
    ("004", "no limits", None),
    ("004", "It is time to compare notes with China now th", Some("Wan Qingsong")),
    ("004", "China may have a different assessment but nee", Some("Wan Qingsong")),
    ("004", "It shows that Russia doesn’t have any more im", Some("Alexander Gabuev")),
    ("004", "how much China will be willing to give at wha", Some("Alexander Gabuev")),
    ("004", "There will be the underwater part of the iceb", Some("Alexander Gabuev")),
    ("004", "It’s more of symbolism that soothes Russia’s ", Some("Shen Dingli")),
    ("004", "One cannot say through a joint statement that", Some("Shen Dingli")),
];

fn corpus() -> Corpus {
    Corpus::load(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus").as_path()).expect("the bundled corpus loads")
}

#[test]
fn every_quotation_in_the_corpus_is_in_the_table_with_its_speaker() {
    let c = corpus();
    let ex = extract(&c);
    let mut got: Vec<(String, String, Option<String>)> = Vec::new();
    for q in ex.quotes.iter().filter(|q| q.cue != Cue::Turn) {
        let a = c.article(&q.article).unwrap();
        for part in &q.parts {
            let start: String = a.slice(*part).chars().take(45).collect();
            got.push((q.article[..3].to_string(), start, q.speaker.map(|s| ex.people.get(s).name.clone())));
        }
    }
    let want: Vec<(String, String, Option<String>)> =
        TABLE.iter().map(|(a, t, s)| (a.to_string(), t.to_string(), s.map(String::from))).collect();
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w, "quote attribution differs");
    }
    assert_eq!(got.len(), want.len(), "the number of quotations differs");
}

#[test]
fn the_table_covers_every_pair_of_quote_marks_in_the_article_text() {
    // Counted independently of attribution: every quoted segment in body text.
    let c = corpus();
    let mut segments = 0;
    for a in &c.articles {
        for p in a.paragraphs.iter().filter(|p| p.kind == ParaKind::Body) {
            segments += lexer::segments(&a.text, p.span, p.index).len();
        }
    }
    assert_eq!(segments, TABLE.len());
}

#[test]
fn transcript_turns_belong_to_their_labelled_speakers_and_the_opening_to_the_host() {
    let c = corpus();
    let ex = extract(&c);
    let turns: Vec<(String, String)> = ex
        .quotes
        .iter()
        .filter(|q| q.cue == Cue::Turn)
        .map(|q| {
            let a = c.article(&q.article).unwrap();
            (a.slice(q.span).chars().take(30).collect(), ex.people.get(q.speaker.unwrap()).name.clone())
        })
        .collect();
    let find = |start: &str| turns.iter().find(|(t, _)| t.starts_with(start)).map(|(_, s)| s.as_str());
    assert_eq!(find("Russia's president, Vladimir"), Some("Mary Louise Kelly"));
    assert_eq!(find("Good afternoon."), Some("John Ruwitch"));
    assert_eq!(find("Well, I think Xi got more"), Some("Maria Repnikova"));
    assert_eq!(find("Badly. And in that regard"), Some("Charles Maynes"));
    assert_eq!(find("Xi is stronger than ever"), Some("John Ruwitch"));
    assert_eq!(turns.len(), 21);
    assert_eq!(turns.last().map(|(t, s)| (t.as_str(), s.as_str())), Some(("You're welcome.", "John Ruwitch")));
    // The broadcaster's notice is not part of anyone's words.
    assert!(turns.iter().all(|(t, _)| !t.contains("Transcript provided")));
}

#[test]
fn people_are_canonical_with_descriptors_from_appositions_and_titles() {
    let c = corpus();
    let ex = extract(&c);
    let person =
        |name: &str| ex.people.all().iter().find(|p| p.name == name).unwrap_or_else(|| panic!("{name} missing"));
    let has = |name: &str, d: &str| person(name).descriptors.iter().any(|x| x.text == d);
    assert!(has("Alexander Gabuev", "director of the Carnegie Russia Eurasia Center and a leading China watcher"));
    assert!(has("Alexander Gabuev", "Carnegie"));
    assert!(has("Samuel Charap", "Rand"));
    assert!(has("Dmitri Muratov", "a former Nobel Peace Prize winner"));
    assert!(has("Mikhail Khodarenok", "military expert"));
    assert!(has("Ryan Hass", "at the Brookings Institution in Washington"));
    assert!(has("Steve Rosenberg", "Russia Editor"));
    // In a list of names, the next item is no description (`Belousov, Lavrov, Secretary of the
    // Security Council Sergei Shoigu (the former defense minister) and …`).
    assert!(person("Sergei Lavrov").descriptors.iter().all(|d| !d.text.contains("Shoigu")));
    assert!(has("Sergei Lavrov", "Foreign Minister"));
    // No organisation or prize is mistaken for a person (organisations are registered, as such).
    for p in ex.people.all().iter().filter(|p| p.kind == Kind::Person) {
        for bad in ["Nobel", "Cold War", "Rand Corp", "Great Hall", "Carnegie Endowment"] {
            assert!(!p.name.contains(bad), "{} is not a person", p.name);
        }
    }
}
