//! A time a question asks about (`what did xi say in 2023`, `the may 2024 npr story`, `why
//! was putin in beijing in may 2024`): the period whose articles answer it.
//!
//! A date in a question either says when the asked-about thing was said, reported or done
//! (then only articles published in that period answer) or is part of the topic (`how much
//! did they trade in 2023`, reported in 2024: the year is a word to find). Only the first is
//! taken out of the question, and only where the language marks it as such: a date directly
//! after a verb of saying or reporting; a date naming which summit, visit, story or
//! report; a date put in front of the question; a date closing a why-question or a request for
//! quotes. Dates are absolute only: `last year` depends on a day the asker did not say.

use std::sync::LazyLock;

use regex::Regex;

use crate::timeline::When;

const MONTHS: &str = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

/// An absolute date: `16 may 2024`, `may 16th, 2024`, `march 2023`, `2024-05-16`, `2023`.
fn date_pattern() -> String {
    format!(
        r"(?P<d>(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:{MONTHS})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d|(?:19|20)\d\d-\d\d(?:-\d\d)?|(?:19|20)\d\d)\b"
    )
}

/// Things a question names by their date: an event, what leaders issue at one (reported the
/// same days), or a piece of reporting. Not a treaty or a partnership: reported for years.
const DATED_THINGS: &str = r"statement|declaration|summit|visit|trip|meeting|talks|story|stories|article|articles|piece|pieces|report|reports|interview|segment|broadcast|coverage";
/// Of those, the events: `at the 2023 summit` says when, nothing more.
const EVENTS: &[&str] = &["summit", "visit", "trip", "meeting", "talks"];

/// Verbs of saying and reporting: a date right after one is when it was said (`say in 2023`,
/// `told putin in march 2023`), and news prints what is said within days. Not verbs of
/// events (`happened`, `signed in february 2022`): an event is reported long after, by
/// articles of any date, and the timeline dates it.
const SPEECH_VERBS: &str = r"say|said|says|tell|told|think|thought|report|reported|write|wrote|quote|quoted|ask|asked|predict|predicted|warn|warned|talk|talked|speak|spoke|mention|mentioned|comment|commented";

/// `the 2023 summit`, `at the march 2023 talks`, `the may 2024 npr story`: a date in front of
/// the event or piece it picks out, up to three words (an outlet's name) between them.
static DATE_OF_THING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?P<pre>\b(?:at|during|on|from|in|around)\s+)?(?:\b(?P<det>the|that|this|a|an)\s+|^){}(?:'s|’s)?\s+(?P<mid>(?:[a-z.]+\s+){{0,3}}?)(?P<thing>{DATED_THINGS})\b",
        date_pattern()
    ))
    .unwrap()
});
/// `the visit in may 2024`, `the article from march 2023`.
static THING_OF_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?:{DATED_THINGS})(?P<cut>\s+(?:in|of|from|on|during)\s+{})", date_pattern())).unwrap()
});
/// A verb of saying or reporting, anywhere before a dated event (`what did xi say at …`).
static SPOKEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"(?i)\b(?:{SPEECH_VERBS})\b")).unwrap());
/// `what did putin say in 2023`, `what did xi tell putin in march 2023`.
static AFTER_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:{SPEECH_VERBS})\b(?:\s+[a-z]+)?(?P<cut>\s+(?:back\s+)?(?:in|on|during|around)\s+{})",
        date_pattern()
    ))
    .unwrap()
});
/// `in 2023, what did xi say`, `back in march 2023 who went to moscow`.
static FRONTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^(?P<cut>(?:back\s+)?(?:in|during|on)\s+{}\s*,?\s*)", date_pattern())).unwrap()
});
/// `why was putin in beijing in may 2024`.
static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)(?P<cut>\s+(?:back\s+)?(?:in|on|during)\s+{})\s*[?.!]*\s*$", date_pattern())).unwrap()
});
/// `xi quotes 2024`, `putin quotes from 2023`.
static QUOTES_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\bquotes?(?P<cut>\s+(?:from\s+|in\s+)?{})\s*[?.!]*\s*$", date_pattern())).unwrap()
});
static WHY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:why\b|how come\b|for what reason\b|what (?:was|is|were) the (?:reason|point|purpose)\b)")
        .unwrap()
});
/// A question after an amount, whose date is usually the amount's (`how much did they trade
/// in 2023`): only a date naming an event or piece is taken from it.
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:how (?:much|many|big|large)|worth|value|total|percent|billion|million)\b").unwrap()
});

/// `what happened in may 2024`, `what went on at the 2023 summit`: what happened then, and
/// nothing else (a question naming more, `what happened to trade in 2023`, is read by words).
static HAPPENED_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*(?:so\s+)?what\s+(?:happened|went on|took place|was going on)\s+(?:back\s+)?(?:in|on|during|at the|at)\s+{}(?:\s+(?:{}))?\s*[?.!]*\s*$",
        date_pattern(),
        EVENTS.join("|")
    ))
    .unwrap()
});

/// The period a question asks what happened in, if that is all it asks.
pub fn happened_in(question: &str) -> Option<When> {
    parse(&HAPPENED_IN.captures(question)?["d"])
}

/// The period a question asks about and the question without it, if its language marks a
/// date as the time of what is asked (see the module header).
pub fn dated(question: &str) -> Option<(When, String)> {
    let q = question.trim();
    let amount = AMOUNT.is_match(q);
    if let Some(c) = DATE_OF_THING.captures(q) {
        let when = parse(&c["d"])?;
        let whole = c.get(0)?;
        let thing = &c["thing"];
        // `what did xi say at the 2023 summit`: the event only dates what was said; a piece
        // (`the 2024 npr story`) stays, for the outlet and `story` to be read as ever, and so
        // does an event asked about (`what happened at the 2024 summit`).
        let said_there = SPOKEN.is_match(&q[..whole.start()]);
        let kept = if said_there && c.name("pre").is_some() && EVENTS.contains(&thing.to_lowercase().as_str()) {
            String::new()
        } else {
            format!(
                "{}{} {}{}",
                c.name("pre").map_or("", |m| m.as_str()),
                c.name("det").map_or("", |m| m.as_str()),
                &c["mid"],
                thing
            )
        };
        return Some((when, rejoin(q, whole.start(), whole.end(), &kept)));
    }
    let cut = |re: &Regex| {
        let c = re.captures(q)?;
        let cut = c.name("cut")?;
        Some((parse(&c["d"])?, rejoin(q, cut.start(), cut.end(), " ")))
    };
    cut(&THING_OF_DATE)
        .or_else(|| cut(&AFTER_VERB))
        .or_else(|| if amount { None } else { cut(&FRONTED) })
        .or_else(|| if WHY.is_match(q) { cut(&CLOSING) } else { None })
        .or_else(|| cut(&QUOTES_OF))
        .filter(|(_, rest)| rest.chars().any(char::is_alphabetic))
}

/// `q` with `start..end` replaced by `with`, spaces squashed.
fn rejoin(q: &str, start: usize, end: usize, with: &str) -> String {
    let joined = format!("{} {} {}", &q[..start], with, &q[end..]);
    let words: Vec<&str> = joined.split_whitespace().collect();
    let mut out = words.join(" ");
    // `say in 2023 ?` → `say?`
    for p in [" ?", " ,", " .", " !"] {
        out = out.replace(p, &p[1..]);
    }
    out.trim_start_matches([',', ' ']).to_string()
}

static DATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"(?i)\b{}", date_pattern())).unwrap());

/// Whether a sentence tells of another time than `period`: it dates what it says (`when Putin
/// visited Xi in Beijing in February 2022`) and no date of it falls in the period. A sentence
/// with no date of its own may be of any time.
pub fn of_another_time(text: &str, period: &When) -> bool {
    let mut dates = DATE.captures_iter(text).filter_map(|c| parse(&c["d"])).peekable();
    dates.peek().is_some() && dates.all(|d| d.end() < period.start || d.start > period.end())
}

/// A matched date as a period: a day, a month or a year.
fn parse(text: &str) -> Option<When> {
    let t = text.to_lowercase();
    if let Some(w) = When::parse(&t) {
        return Some(w);
    }
    let words: Vec<&str> =
        t.split(|c: char| c.is_whitespace() || c == ',' || c == '.').filter(|w| !w.is_empty() && *w != "of").collect();
    let year: i32 = words.last()?.parse().ok()?;
    let month = words.iter().find_map(|w| month_number(w))?;
    let day = words.iter().find_map(|w| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (digits.len() <= 2 && w.len() <= 4).then(|| digits.parse::<u32>().ok()).flatten()
    });
    match day {
        Some(d) => chrono::NaiveDate::from_ymd_opt(year, month, d).map(When::day),
        None => When::month(year, month),
    }
}

fn month_number(word: &str) -> Option<u32> {
    const NAMES: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let w = word.trim_end_matches('.');
    if w.len() < 3 || !w.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    NAMES.iter().position(|m| w.starts_with(m)).map(|i| i as u32 + 1)
}

/// How a period reads in a reply: `2023`, `May 2024`, `16 May 2024`.
pub fn label(when: &When) -> String {
    match when.precision {
        crate::timeline::Precision::Year => when.start.format("%Y").to_string(),
        crate::timeline::Precision::Month => when.start.format("%B %Y").to_string(),
        crate::timeline::Precision::Day => when.start.format("%-d %B %Y").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asked(q: &str) -> Option<(String, String)> {
        dated(q).map(|(w, rest)| (w.label(), rest))
    }

    fn pair(when: &str, rest: &str) -> Option<(String, String)> {
        Some((when.to_string(), rest.to_string()))
    }

    #[test]
    fn a_date_right_after_a_verb_of_saying_is_when_it_was_said() {
        assert_eq!(asked("what did putin say in 2023"), pair("2023", "what did putin say"));
        assert_eq!(asked("what did xi tell putin in march 2023?"), pair("2023-03", "what did xi tell putin?"));
        assert_eq!(asked("what did npr report on may 16, 2024"), pair("2024-05-16", "what did npr report"));
    }

    #[test]
    fn a_date_in_front_of_a_summit_or_a_story_picks_it_out() {
        assert_eq!(asked("what did xi say at the 2023 summit"), pair("2023", "what did xi say"));
        assert_eq!(
            asked("what did the 2024 npr story say about oil"),
            pair("2024", "what did the npr story say about oil")
        );
        assert_eq!(
            asked("in the may 2024 post article, who is quoted"),
            pair("2024-05", "in the post article, who is quoted")
        );
        assert_eq!(asked("putin on the visit in may 2024"), pair("2024-05", "putin on the visit"));
        assert_eq!(asked("nato in the 2023 joint statement"), pair("2023", "nato in the joint statement"));
        assert_eq!(asked("what happened at the 2024 summit"), pair("2024", "what happened at the summit"));
        assert_eq!(asked("2023 summit takeaways"), pair("2023", "summit takeaways"));
    }

    #[test]
    fn a_date_put_in_front_of_the_question_scopes_all_of_it() {
        assert_eq!(
            asked("in 2023, what did gabuev say about ukraine"),
            pair("2023", "what did gabuev say about ukraine")
        );
        assert_eq!(asked("back in march 2023 who went to moscow"), pair("2023-03", "who went to moscow"));
    }

    #[test]
    fn a_date_closing_a_why_question_or_a_request_for_quotes_scopes_it() {
        assert_eq!(asked("why was putin in beijing in may 2024?"), pair("2024-05", "why was putin in beijing?"));
        assert_eq!(asked("xi quotes 2024"), pair("2024", "xi quotes"));
        assert_eq!(asked("putin quotes from march 2023"), pair("2023-03", "putin quotes"));
    }

    #[test]
    fn a_date_that_belongs_to_the_topic_stays_in_it() {
        assert_eq!(asked("how much did china and russia trade in 2023"), None);
        assert_eq!(asked("in 2023, how much did they trade"), None);
        assert_eq!(asked("what did the post say about trade in 2023"), None);
        assert_eq!(asked("what was the goal for 2024"), None);
        assert_eq!(asked("what happened in the 2022 invasion"), None);
        // An event's date is when it happened, which articles of any later date report.
        assert_eq!(asked("what happened in february 2022"), None);
        assert_eq!(asked("what did they sign in february 2022"), None);
    }

    #[test]
    fn may_the_verb_and_relative_dates_are_not_periods() {
        assert_eq!(asked("what may putin say next"), None);
        assert_eq!(asked("what did xi say last year"), None);
        assert_eq!(asked("what did xi say in march"), None);
    }

    #[test]
    fn what_happened_then_asks_for_the_periods_events() {
        let label = |q: &str| happened_in(q).map(|w| w.label());
        assert_eq!(label("what happened in may 2024"), Some("2024-05".to_string()));
        assert_eq!(label("so what went on at the 2023 summit?"), Some("2023".to_string()));
        assert_eq!(label("what happened on 16 may 2024"), Some("2024-05-16".to_string()));
        assert_eq!(label("what happened to trade in 2023"), None);
        assert_eq!(label("what happened in harbin"), None);
    }

    #[test]
    fn a_sentence_dated_outside_the_period_is_of_another_time() {
        let may = When::parse("2024-05").unwrap();
        assert!(of_another_time("They signed a partnership when Putin visited Beijing in February 2022.", &may));
        assert!(!of_another_time("Trade hit $240 billion in 2023, a goal they planned for 2024.", &may));
        assert!(!of_another_time("The visit was timed to honor the 75th anniversary.", &may));
        assert!(!of_another_time("Putin arrived on May 16, 2024.", &may));
    }

    #[test]
    fn a_period_reads_as_a_reader_writes_it() {
        assert_eq!(label(&When::parse("2024-05").unwrap()), "May 2024");
        assert_eq!(label(&When::parse("2024-05-16").unwrap()), "16 May 2024");
        assert_eq!(label(&When::parse("2023").unwrap()), "2023");
    }
}
