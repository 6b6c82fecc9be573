//! The timeline on the bundled corpus: every temporal expression of the four articles
//! resolved against its article's publication date, the clause each event shows, merging,
//! filters, "when" answers; and the same on a fixture article the rules were not written for.

use std::path::Path;

use summitbot::corpus::Article;
use summitbot::corpus::{Corpus, ParaKind};
#[path = "support/engine.rs"]
mod engine_support;

use engine_support::bundled_engine as engine;
use summitbot::text::Span;
use summitbot::timeline::{dates, Filter, Timeline};

/// (article id prefix, expression as written, resolved date, kind) — in text order.
const EXPRESSIONS: &[(&str, &str, &str, &str)] = &[
    ("000", "last year", "2022", "Relative"),
    ("000", "yesterday", "2023-03-20", "Relative"),
    // The photo caption (printed twice; its first copy is kept).
    ("002", "Thursday", "2024-05-16", "Partial"),
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

/// A corpus with its timeline, as the index is built from them.
struct Library {
    corpus: Corpus,
    timeline: Timeline,
}

impl Library {
    fn from_corpus(corpus: Corpus) -> Library {
        let ex = summitbot::quotes::extract(&corpus);
        let timeline = Timeline::build(&corpus, &ex);
        Library { corpus, timeline }
    }

    fn article(&self, id: &str) -> &Article {
        self.corpus.articles.iter().find(|a| a.id == id).unwrap()
    }

    fn text(&self, id: &str, span: Span) -> &str {
        self.article(id).slice(span)
    }

    fn select(&self, f: &Filter) -> Vec<&summitbot::timeline::Event> {
        self.timeline.events.iter().filter(|e| f.accepts(e)).collect()
    }
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
        let done_somewhere = e.reports.iter().any(|r| !e.when.after(lib.article(&r.article).meta.published));
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
            let outlets: Vec<&str> = e.reports.iter().map(|r| lib.article(&r.article).meta.outlet.as_str()).collect();
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
    let all = lib.select(&Filter::default());
    assert!(all.windows(2).all(|w| w[0].when.start <= w[1].when.start));
    let f = Filter::parse(Some("Harbin"), Some("2024-05"), Some("2024-05-31")).unwrap();
    let picked = lib.select(&f);
    assert!(!picked.is_empty());
    assert!(picked.iter().all(|e| e.when.label().starts_with("2024-05")));
    let f = Filter::parse(None, Some("2022"), Some("2022")).unwrap();
    assert!(lib.select(&f).iter().all(|e| e.when.label().starts_with("2022")));
    assert!(Filter::parse(None, Some("May 2024"), None).is_err());
    assert!(Filter::parse(None, None, Some("2024-02-30")).is_err());
}

#[test]
fn when_questions_answer_with_the_date_and_the_verbatim_clause() {
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
    // The rare word asked for ("France") outweighs the ones every event shares ("Xi", "visit").
    let a = e.ask("When did Xi visit France?").unwrap();
    assert_eq!(a.items[0].date.as_deref(), Some("2024-05"));
    assert!(a.items[0].text.starts_with("In France last week"), "{}", a.items[0].text);
    // The answer is the clause its date belongs to, exactly as printed in the article.
    let a = e.ask("When was Moscow Nights written?").unwrap();
    assert_eq!(a.items[0].date.as_deref(), Some("1955"));
    assert_eq!(a.items[0].text, "the popular Soviet-era song “Moscow Nights,” written in 1955.");
}

/// The whole timeline of the four articles, reviewed entry by entry: (date, `planned` when
/// the text speaks of a plan, article of the first report, the clause shown). Each clause
/// says what happened at its date; the sentence around it is context only.
const BUNDLED: &[(&str, &str, &str)] = &[
    // The song was written in 1955; the welcome it was played at was not.
    ("1955", "004", "the popular Soviet-era song “Moscow Nights,” written in 1955."),
    // Also reported by 002 ("Russia's invasion of Ukraine in 2022") and 003.
    ("2022", "000", "Russia invaded Ukraine last year."),
    // The photograph of the caption: 2022, not the talks of 2023 the sentence announces.
    ("2022", "003", "Vladimir Putin and Xi Jinping (pictured together last year)"),
    // Also reported by 003 ("A year ago, you and Xi declared …").
    ("2022-02", "002", "They signed a \"no limits\" partnership when Putin visited Xi in Beijing in February 2022"),
    ("2022-09", "003", "Russian President Vladimir Putin talks with Chinese President Xi Jinping in Uzbekistan in September 2022"),
    // Xi's reelection, not the welcome in Beijing in 2024 the sentence is about.
    ("2023", "002", "his own reelection last year"),
    ("2023", "003", "Well, for one, this is the leader of one of the world’s two major superpowers visiting an ally – who happens to be the person who launched a bloody invasion of another country in Europe – in 2023."),
    // 2021 is only the baseline of the comparison and 2024 a goal: neither is an entry.
    // Xi's trip and Putin's trip "seven months later" (which no date in the sentence fixes).
    ("2023", "004", "Xi’s trip to Moscow last year and the Russian leader traveling to China seven months later to commemorate a decade of Xi’s signature Belt and Road project."),
    ("2023", "004", "China’s trade with Russia hit a record $240 billion in 2023"),
    ("2023", "004", "Russia last year became China’s biggest oil supplier, as Beijing took advantage of its discounted prices."),
    ("2023-03 planned", "003", "Vladimir Putin and Xi Jinping (pictured together last year) are set to meet for talks in Moscow this week"),
    ("2023-03", "004", "Xi visited Moscow in March last year"),
    ("2023-03-20", "000", "U.S. Secretary of State Blinken just yesterday said Xi Jinping's visit was effectively giving diplomatic cover to the Russian leader for that."),
    // The election was in March; the trip abroad it preceded was in May.
    ("2024-03", "002", "a pro-forma election in March."),
    ("2024-05", "002", "This week they even hugged."),
    ("2024-05", "002", "Earlier this month, the U.S. hit a series of companies in China and Hong Kong with sanctions for providing critical components to Russia."),
    ("2024-05", "004", "securing a fifth term as president this month."),
    ("2024-05", "004", "In France last week, Xi declined to use his influence to pressure Moscow to end the war."),
    ("2024-05", "004", "Analysts say Putin and Xi are likely to double down on their transactional relationship during this week’s meetings."),
    // The photo caption printed above and below the picture: its first copy.
    ("2024-05-16", "002", "Russian President Vladimir Putin and Chinese President Xi Jinping shake hands during a bilateral meeting on Thursday in Beijing, China."),
    // What Xi endorsed on Thursday, with the aside about it that the span cannot skip.
    ("2024-05-16", "002", "a 12-point peace plan — one that Western governments have criticized as overly vague but that Xi endorsed with Putin at his side on Thursday."),
    ("2024-05-16", "004", "Russian President Vladimir Putin touted his country’s relations with China as a “stabilizing” force in the world as he began his two-day state visit Thursday."),
    ("2024-05-16 planned", "004", "On Thursday, Putin is also expected to meet Chinese Premier Li Qiang"),
    ("2024-05-16 planned", "004", "Thursday’s meetings will give the two leaders a chance to assess the state of their cooperation and for Xi to better understand Putin’s thinking on the war"),
    // "this week" and "Friday" in one sentence: one entry, at the finer date, without the dateline.
    ("2024-05-17", "002", "Chinese President Xi Jinping and Russian President Vladimir Putin doubled down on their alliance against the West this week — accusing the United States and its allies of trying to block their nations' rise during a two-day official visit to China by the Kremlin leader that ended Friday."),
    // Also reported, as planned, by 004 ("On Friday, Putin is scheduled to attend …").
    ("2024-05-17", "002", "Putin highlighted cross-border commerce with a trip to the Chinese city of Harbin on Friday"),
    ("2024-05-17", "002", "Addressing students at a polytechnic university in Harbin on Friday, Putin offered his own metaphor for a Russian-Chinese alliance"),
];

/// (date, planned?, article, clause) of every entry, in order.
fn entries(lib: &Library) -> Vec<(String, String, String)> {
    lib.timeline
        .events
        .iter()
        .map(|e| {
            let r = &e.reports[0];
            let plan = if e.planned { " planned" } else { "" };
            (
                format!("{}{plan}", e.when.label()),
                r.article[..3].to_string(),
                lib.text(&r.article, r.clause).to_string(),
            )
        })
        .collect()
}

fn table(rows: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    rows.iter().map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())).collect()
}

#[test]
fn every_entry_of_the_bundled_timeline_shows_the_clause_that_happened_on_its_date() {
    assert_eq!(entries(&library()), table(BUNDLED));
}

#[test]
fn a_clause_is_a_span_of_its_sentence_and_holds_the_date_that_dates_it() {
    let lib = library();
    for e in &lib.timeline.events {
        for r in &e.reports {
            assert!(r.sentence.contains(r.clause), "{:?}", lib.text(&r.article, r.clause));
            assert!(!r.clause.is_empty());
        }
        // The first report gives the entry its date, so its clause holds that date's words.
        let first = &e.reports[0];
        assert!(first.clause.contains(first.expr), "{:?}", lib.text(&first.article, first.clause));
    }
}

#[test]
fn a_sentence_is_never_listed_under_two_dates_one_inside_the_other() {
    let lib = library();
    let events = &lib.timeline.events;
    let mut by_sentence: std::collections::HashMap<(String, usize), Vec<&summitbot::timeline::When>> =
        std::collections::HashMap::new();
    for e in events {
        for r in &e.reports {
            by_sentence.entry((r.article.clone(), r.sentence.start)).or_default().push(&e.when);
        }
    }
    for (key, whens) in by_sentence {
        for (i, a) in whens.iter().enumerate() {
            for b in &whens[i + 1..] {
                let nested = (a.start <= b.start && b.end() <= a.end()) || (b.start <= a.start && a.end() <= b.end());
                assert!(!nested, "sentence {key:?} listed at {} and {}", a.label(), b.label());
            }
        }
    }
}

#[test]
fn dates_that_only_anchor_a_comparison_or_set_a_goal_are_not_entries() {
    let lib = library();
    let labels: Vec<String> = lib.timeline.events.iter().map(|e| e.when.label()).collect();
    assert!(!labels.iter().any(|l| l == "2021" || l == "2024"), "{labels:?}");
    // Words of one event appear only at its date: the song at 1955, never the welcome.
    for e in &lib.timeline.events {
        let shown = lib.text(&e.reports[0].article, e.reports[0].clause);
        assert_eq!(shown.contains("Moscow Nights"), e.when.label() == "1955", "{shown}");
        assert!(!(shown.contains("red-carpet") && e.when.label() == "1955"));
    }
}

#[test]
fn reports_of_one_event_at_two_precisions_merge_at_the_more_precise_date() {
    let lib = library();
    let clauses = |e: &summitbot::timeline::Event| -> Vec<String> {
        e.reports.iter().map(|r| lib.text(&r.article, r.clause).to_string()).collect()
    };
    // "A year ago, you and Xi declared … “no boundaries.”" (2022) is the February 2022 signing.
    let signing: Vec<_> =
        lib.timeline.events.iter().filter(|e| clauses(e).iter().any(|c| c.contains("no boundaries"))).collect();
    assert_eq!(signing.len(), 1);
    assert_eq!(signing[0].when.label(), "2022-02");
    assert_eq!(signing[0].reports.len(), 2);
    // The invasion, told by three articles, is one entry.
    let invasion =
        lib.timeline.events.iter().filter(|e| e.when.label() == "2022" && e.places.iter().any(|p| p == "Ukraine"));
    assert_eq!(invasion.map(|e| e.reports.len()).collect::<Vec<_>>(), [3]);
    // A later, vaguer mention that tells of more (a second trip) is not hidden behind the
    // precise report of the first.
    let belt: Vec<_> =
        lib.timeline.events.iter().filter(|e| clauses(e).iter().any(|c| c.contains("Belt and Road"))).collect();
    assert_eq!(belt.len(), 1);
    assert_eq!(belt[0].reports.len(), 1);
}

/// The fixture article (fictional, written for this test; published Friday 2025-06-13) with
/// its expected timeline. Its temporal expressions the timeline must NOT list: "compared with
/// 2019" (a baseline), "by 2030" (a goal), "Since 2019" (the start of a stretch), and "last
/// week" (one entry with "Tuesday", the finer date of the same sentence).
const FIXTURE: &[(&str, &str, &str)] = &[
    ("1994", "202", "a Soviet-era track, which was abandoned in 1994"),
    ("2011", "202", "a project first proposed in 2011."),
    ("2017-09-14", "202", "The first talks on the project were held in Ulaanbaatar on 14 September 2017"),
    ("2021-03", "202", "The ministers first discussed the link in March 2021, when both governments were still closing borders"),
    ("2023", "202", "Two years ago, a landslide near the border closed the old road for three months."),
    ("2024", "202", "Freight between the two countries rose 18 percent last year compared with 2019"),
    ("2025-06-09", "202", "On Monday, the ministers agreed on tariffs for the first year of operation."),
    ("2025-06-10", "202", "Engineers finished testing the signals last week, on Tuesday."),
    ("2025-06-12", "202", "Transport ministers Dana Ospanova and Bat-Erdene Gansukh opened a freight rail link between the two capitals on Thursday"),
    ("2025-06-12", "202", "The line carried its first paying cargo yesterday"),
    ("2025-07 planned", "202", "Gansukh will travel to Astana next month to sign a customs agreement"),
    ("2027 planned", "202", "a second line is planned for 2027."),
];

fn fixture() -> Corpus {
    Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/timeline")).unwrap()
}

#[test]
fn an_article_the_rules_were_not_written_for_gets_its_expected_timeline() {
    let c = fixture();
    let expressions: usize = c.articles[0]
        .body()
        .flat_map(|p| {
            p.sentences
                .iter()
                .map(|s| dates::find(c.articles[0].slice(*s), s.start, c.articles[0].meta.published).len())
        })
        .sum();
    assert!(expressions >= 10, "the fixture has {expressions} temporal expressions");
    let lib = Library::from_corpus(c);
    assert_eq!(entries(&lib), table(FIXTURE));
}

#[test]
fn building_the_timeline_twice_gives_the_same_entries() {
    let c = corpus();
    let ex = summitbot::quotes::extract(&c);
    let a = Timeline::build(&c, &ex);
    let b = Timeline::build(&c, &ex);
    assert_eq!(a.events, b.events);
}
