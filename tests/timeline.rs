//! The timeline on the bundled corpus: every temporal expression of the four articles
//! resolved against its article's publication date, events, merging, filters, "when" answers.

use std::path::Path;

use summitbot::corpus::{Corpus, ParaKind};
use summitbot::engine::{Engine, Library};
use summitbot::settings::Settings;
use summitbot::timeline::{dates, Filter};

/// (article id prefix, expression as written, resolved date, kind) — in text order.
const EXPRESSIONS: &[(&str, &str, &str, &str)] = &[
    ("000", "last year", "2022", "Relative"),
    ("000", "yesterday", "2023-03-20", "Relative"),
    ("002", "this week", "2024-05", "Relative"),
    ("002", "Friday", "2024-05-17", "Partial"),
    ("002", "March", "2024-03", "Partial"),
    ("002", "2022", "2022", "Absolute"),
    ("002", "last year", "2023", "Relative"),
    ("002", "This week", "2024-05", "Relative"),
    ("002", "February 2022", "2022-02", "Absolute"),
    ("002", "Thursday", "2024-05-16", "Partial"),
    ("002", "Earlier this month", "2024-05", "Relative"),
    ("002", "Friday", "2024-05-17", "Partial"),
    ("002", "Friday", "2024-05-17", "Partial"),
    ("003", "September 2022", "2022-09", "Absolute"),
    ("003", "last year", "2022", "Relative"),
    ("003", "this week", "2023-03", "Relative"),
    ("003", "last year", "2022", "Relative"),
    ("003", "A year ago", "2022", "Relative"),
    ("003", "2023", "2023", "Absolute"),
    ("004", "Thursday", "2024-05-16", "Partial"),
    ("004", "1955", "1955", "Absolute"),
    ("004", "Thursday", "2024-05-16", "Partial"),
    ("004", "Friday", "2024-05-17", "Partial"),
    ("004", "March last year", "2023-03", "Relative"),
    ("004", "this month", "2024-05", "Relative"),
    ("004", "last week", "2024-05", "Relative"),
    ("004", "this week", "2024-05", "Relative"),
    ("004", "last year", "2023", "Relative"),
    ("004", "2023", "2023", "Absolute"),
    ("004", "2021", "2021", "Absolute"),
    ("004", "2024", "2024", "Absolute"),
    ("004", "last year", "2023", "Relative"),
    ("004", "Thursday’s", "2024-05-16", "Partial"),
];

fn corpus() -> Corpus {
    Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap()
}

fn library() -> Library {
    Library::from_corpus(corpus())
}

#[test]
fn every_temporal_expression_in_the_articles_resolves_to_the_right_date() {
    let c = corpus();
    let mut got = Vec::new();
    for a in &c.articles {
        for p in a.paragraphs.iter().filter(|p| p.kind == ParaKind::Body) {
            for s in &p.sentences {
                for x in dates::find(a.slice(*s), s.start, a.meta.published) {
                    got.push((
                        a.id[..3].to_string(),
                        a.slice(x.span).to_string(),
                        x.when.label(),
                        format!("{:?}", x.kind),
                    ));
                }
            }
        }
    }
    let want: Vec<(String, String, String, String)> =
        EXPRESSIONS.iter().map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string())).collect();
    assert_eq!(got, want);
}

#[test]
fn durations_stretches_and_unanchored_relative_dates_are_not_dated() {
    let anchor = chrono::NaiveDate::from_ymd_opt(2024, 5, 16).unwrap();
    for text in [
        "The meeting came three weeks after U.S. Secretary of State Antony Blinken visited Beijing.",
        "amid two years of war",
        "to commemorate a decade of Xi's signature Belt and Road project",
        "If the last year has shown anything, it is that the partnership has limits.",
        "Ukraine today could be Taiwan tomorrow.",
        "perhaps a softer tone a few months ago",
        "to mark 75 years of diplomatic relations",
        "a record $240 billion",
    ] {
        assert!(dates::find(text, 0, anchor).is_empty(), "{text}");
    }
    // Anchored in the same sentence, a relative date resolves.
    let x = dates::find("They met in March 2023 and again seven months later.", 0, anchor);
    assert_eq!(x.iter().map(|e| e.when.label()).collect::<Vec<_>>(), ["2023-03", "2023-10"]);
}

#[test]
fn no_event_carries_the_scrape_date_or_lies_after_its_article_unless_planned() {
    let lib = library();
    for e in &lib.timeline.events {
        assert_ne!(e.when.label(), "2024-06-19");
        assert!(!e.when.label().starts_with("2024-06"), "{:?}", e.when);
        // A plan, or reported as done by at least one article published on or after it.
        let done_somewhere = e.reports.iter().any(|r| !e.when.after(lib.corpus.articles[r.article].meta.published));
        assert!(e.planned || done_somewhere, "{:?} is after every article that reports it", e.when);
    }
}

#[test]
fn reports_of_the_same_day_in_two_articles_merge_into_one_event_with_two_citations() {
    let lib = library();
    let harbin: Vec<_> = lib
        .timeline
        .events
        .iter()
        .filter(|e| e.when.label() == "2024-05-17" && e.places.iter().any(|p| p == "Harbin"))
        .collect();
    assert!(
        harbin.iter().any(|e| {
            let outlets: Vec<&str> =
                e.reports.iter().map(|r| lib.corpus.articles[r.article].meta.outlet.as_str()).collect();
            outlets.contains(&"The Washington Post") && outlets.iter().any(|o| o.starts_with("NPR"))
        }),
        "{harbin:?}"
    );
    // Done in one report, planned in the other: the merged event is not a plan.
    assert!(harbin.iter().all(|e| !e.planned || e.reports.len() == 1));
}

#[test]
fn events_come_in_order_and_filters_select_by_topic_and_period() {
    let lib = library();
    let all = lib.timeline.select(&Filter::default());
    assert!(all.windows(2).all(|w| w[0].when.start <= w[1].when.start));
    let f = Filter::parse(Some("Harbin"), Some("2024-05"), Some("2024-05-31")).unwrap();
    let picked = lib.timeline.select(&f);
    assert!(!picked.is_empty());
    assert!(picked.iter().all(|e| e.when.label().starts_with("2024-05")));
    let f = Filter::parse(None, Some("2022"), Some("2022")).unwrap();
    assert!(lib.timeline.select(&f).iter().all(|e| e.when.label().starts_with("2022")));
    assert!(Filter::parse(None, Some("May 2024"), None).is_err());
    assert!(Filter::parse(None, None, Some("2024-02-30")).is_err());
}

fn engine() -> (Engine, tempfile::TempDir) {
    let idx = tempfile::tempdir().unwrap();
    let mut s = Settings::load_with_env(None, Vec::new()).unwrap();
    s.corpus.dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    s.index.dir = idx.path().to_path_buf();
    (Engine::open(&s).unwrap().0, idx)
}

#[test]
fn when_questions_answer_with_the_date_and_the_verbatim_sentence() {
    let (e, _idx) = engine();
    let a = e.ask("When did Putin and Xi sign the no limits partnership?").unwrap();
    assert_eq!(a.items[0].date.as_deref(), Some("2022-02"));
    assert!(a.items[0].text.contains("They signed a \"no limits\" partnership"));
    let a = e.ask("When did Putin visit Harbin?").unwrap();
    assert_eq!(a.items[0].date.as_deref(), Some("2024-05-17"));
    assert!(a.items[0].text.contains("Harbin"));
    // The date that goes with the words asked, not another date of a long sentence.
    let a = e.ask("When did Xi visit Moscow?").unwrap();
    assert_eq!(a.items[0].date.as_deref(), Some("2023-03"));
    let texts: Vec<&str> = a.items.iter().map(|i| i.text.as_str()).collect();
    let mut unique = texts.clone();
    unique.dedup();
    assert_eq!(texts.len(), unique.len(), "one sentence once");
    let a = e.ask("When did Putin and Xi meet in Uzbekistan?").unwrap();
    assert_eq!(a.items[0].date.as_deref(), Some("2022-09"));
}
