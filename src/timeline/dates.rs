//! Temporal expressions in running text, resolved against the article's publication date.
//!
//! News reads backwards: "Thursday" in an article of Friday 2024-05-17 is 2024-05-16, "in
//! March" in May 2024 is 2024-03, "last year" in 2023 is 2022 — unless the sentence speaks
//! of plans ("is scheduled to", "will") or a reported future comes before the date ("said
//! they would hold drills in July"), when a weekday or month looks forward. Expressions
//! relative to another event ("seven months later") resolve only against a date given in the
//! same sentence; durations ("two years of war") are not points in time and are skipped.
//! Rules, not a tagger: no maintained Rust crate tags news dates with a prefer-past policy.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use regex::Regex;

use crate::text::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A point in time at some precision (`2022-09` is September 2022 as a whole).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct When {
    /// The first day of the period.
    pub start: NaiveDate,
    pub precision: Precision,
}

impl When {
    pub fn day(d: NaiveDate) -> When {
        When { start: d, precision: Precision::Day }
    }
    pub fn month(y: i32, m: u32) -> Option<When> {
        Some(When { start: NaiveDate::from_ymd_opt(y, m, 1)?, precision: Precision::Month })
    }
    pub fn year(y: i32) -> Option<When> {
        Some(When { start: NaiveDate::from_ymd_opt(y, 1, 1)?, precision: Precision::Year })
    }

    /// The last day of the period.
    pub fn end(&self) -> NaiveDate {
        match self.precision {
            Precision::Day => self.start,
            Precision::Month => {
                self.start.checked_add_months(Months::new(1)).map_or(self.start, |d| d - Duration::days(1))
            }
            Precision::Year => NaiveDate::from_ymd_opt(self.start.year(), 12, 31).unwrap_or(self.start),
        }
    }

    /// `2024-05-17`, `2022-09`, `1955`.
    pub fn label(&self) -> String {
        match self.precision {
            Precision::Day => self.start.format("%Y-%m-%d").to_string(),
            Precision::Month => self.start.format("%Y-%m").to_string(),
            Precision::Year => self.start.format("%Y").to_string(),
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<When> {
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| {
            (p.len() == len && p.chars().all(|c| c.is_ascii_digit())).then(|| p.parse::<u32>().ok()).flatten()
        };
        match parts.as_slice() {
            [y] => When::year(num(y, 4)? as i32),
            [y, m] => When::month(num(y, 4)? as i32, num(m, 2)?),
            [y, m, d] => Some(When::day(NaiveDate::from_ymd_opt(num(y, 4)? as i32, num(m, 2)?, num(d, 2)?)?)),
            _ => None,
        }
    }

    /// Whether the period lies wholly after `date`.
    pub fn after(&self, date: NaiveDate) -> bool {
        self.start > date
    }

    fn shift(&self, amount: i64, unit: Unit) -> Option<When> {
        match unit {
            Unit::Day | Unit::Week if self.precision == Precision::Day => {
                let days = if unit == Unit::Week { amount * 7 } else { amount };
                Some(When::day(self.start + Duration::days(days)))
            }
            Unit::Month if self.precision >= Precision::Month => {
                let d = if amount >= 0 {
                    self.start.checked_add_months(Months::new(amount as u32))?
                } else {
                    self.start.checked_sub_months(Months::new((-amount) as u32))?
                };
                When::month(d.year(), d.month())
            }
            Unit::Year => {
                let y = self.start.year() + amount as i32;
                match self.precision {
                    Precision::Year => When::year(y),
                    Precision::Month => When::month(y, self.start.month()),
                    Precision::Day => NaiveDate::from_ymd_opt(y, self.start.month(), self.start.day()).map(When::day),
                }
            }
            _ => None,
        }
    }
}

/// How an expression relates to the anchor, for tests and filtering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Absolute,
    Partial,
    Relative,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    pub span: Span,
    pub when: When,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.";
const NUMBER: &str = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,3}";

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b({MONTHS})\s+(\d{{1,2}}),?\s+(\d{{4}})\b|\b(\d{{1,2}})\s+({MONTHS})\s+(\d{{4}})\b"))
        .unwrap()
});
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b({MONTHS})\s+(?:of\s+)?(\d{{4}})\b")).unwrap());
static MONTH_REL_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b({MONTHS})\s+(last|this|next)\s+year\b")).unwrap());
static MONTH_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Uu]ntil|[Ff]rom|[Ee]arly|[Ll]ate|[Mm]id-?|[Ll]ast|[Tt]his|[Nn]ext)\s+({MONTHS})\b")).unwrap()
});
static DEICTIC_DAY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(yesterday|today|tonight)\b").unwrap());
static DEICTIC_PERIOD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:(earlier|later)\s+)?(last|this|next)\s+(week|month|year)\b").unwrap());
static AGO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b({NUMBER})\s+(day|week|month|year)s?\s+ago\b")).unwrap());
static LATER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b({NUMBER})\s+(day|week|month|year)s?\s+(later|after|before|earlier)\b")).unwrap()
});
static WEEKDAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:’s|'s)?\b").unwrap());
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(1[6-9]\d\d|20\d\d)\b").unwrap());
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(will|(?:is|are)\s+(?:also\s+|now\s+|still\s+)?(?:scheduled|expected|set to|due|to)|plans? to|planned)\b").unwrap()
});

static WOULD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bwould\b").unwrap());
static WOULD_HAVE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bwould\s+(?:not\s+)?have\b").unwrap());

fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    let all = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    all.iter().position(|m| n.starts_with(m)).map(|i| i as u32 + 1)
}

fn number(word: &str) -> Option<i64> {
    let w = word.to_lowercase();
    let words =
        ["a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    if w == "an" {
        return Some(1);
    }
    words.iter().position(|x| *x == w).map(|i| i.max(1) as i64).or_else(|| w.parse().ok())
}

fn unit(word: &str) -> Unit {
    match word.to_lowercase().as_str() {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        _ => Unit::Year,
    }
}

/// Whether a sentence (or clause) speaks of what is planned or expected (dates then look
/// forward), including the future of reported speech ("said they would hold drills in
/// July"), but not a past conditional ("would have").
pub fn is_future(sentence: &str) -> bool {
    FUTURE.is_match(sentence) || reported_future_before(sentence, sentence.len())
}

/// Whether a reported future ("would", not "would have") comes before byte `at`: it looks
/// forward only for the dates of the reported content after it, not for the day it was
/// said ("told reporters on Tuesday that they would hold drills in July").
fn reported_future_before(text: &str, at: usize) -> bool {
    WOULD.find_iter(text).any(|m| m.start() < at) && !WOULD_HAVE.is_match(text)
}

/// The most recent `weekday` on or before `anchor` (or on or after it when `forward`).
fn weekday_near(anchor: NaiveDate, weekday: Weekday, forward: bool) -> NaiveDate {
    let a = anchor.weekday().num_days_from_monday() as i64;
    let w = weekday.num_days_from_monday() as i64;
    if forward {
        anchor + Duration::days((w - a).rem_euclid(7))
    } else {
        anchor - Duration::days((a - w).rem_euclid(7))
    }
}

/// Finds and resolves the temporal expressions of `text` (which starts at byte `base` of
/// its article), against the publication date `anchor`.
pub fn find(text: &str, base: usize, anchor: NaiveDate) -> Vec<TimeExpr> {
    let planned = FUTURE.is_match(text);
    let forward = |at: usize| planned || reported_future_before(text, at);
    let mut out: Vec<TimeExpr> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut push = |out: &mut Vec<TimeExpr>, s: usize, e: usize, when: Option<When>, kind: Kind| {
        if taken.iter().any(|(a, b)| s < *b && *a < e) {
            return;
        }
        taken.push((s, e));
        if let Some(when) = when {
            out.push(TimeExpr { span: Span::new(base + s, base + e), when, kind });
        }
    };

    for c in DAY_MONTH_YEAR.captures_iter(text) {
        let m = c.get(0).unwrap();
        let (mon, day, year) = match (c.get(1), c.get(4)) {
            (Some(mo), _) => (mo.as_str(), &c[2], &c[3]),
            (None, Some(d)) => (&c[5], d.as_str(), &c[6]),
            _ => continue,
        };
        let when = month_number(mon)
            .and_then(|mo| NaiveDate::from_ymd_opt(year.parse().ok()?, mo, day.parse().ok()?))
            .map(When::day);
        push(&mut out, m.start(), m.end(), when, Kind::Absolute);
    }
    for c in MONTH_YEAR.captures_iter(text) {
        let m = c.get(0).unwrap();
        let when = month_number(&c[1]).and_then(|mo| When::month(c[2].parse().ok()?, mo));
        push(&mut out, m.start(), m.end(), when, Kind::Absolute);
    }
    for c in MONTH_REL_YEAR.captures_iter(text) {
        let m = c.get(0).unwrap();
        let y = anchor.year()
            + match &c[2] {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
        let when = month_number(&c[1]).and_then(|mo| When::month(y, mo));
        push(&mut out, m.start(), m.end(), when, Kind::Relative);
    }
    for c in MONTH_ALONE.captures_iter(text) {
        let g = c.get(1).unwrap();
        let Some(mo) = month_number(g.as_str()) else { continue };
        // The most recent such month (or the next one, for plans).
        let mut y = anchor.year();
        let forward = forward(g.start());
        if !forward && mo > anchor.month() {
            y -= 1;
        }
        if forward && mo < anchor.month() {
            y += 1;
        }
        push(&mut out, g.start(), g.end(), When::month(y, mo), Kind::Partial);
    }
    // "Ukraine today could be Taiwan tomorrow" contrasts, it does not date.
    let figurative = text.to_lowercase().contains("tomorrow");
    for c in DEICTIC_DAY.captures_iter(text) {
        let m = c.get(0).unwrap();
        if figurative && !c[1].eq_ignore_ascii_case("yesterday") {
            push(&mut out, m.start(), m.end(), None, Kind::Relative);
            continue;
        }
        let d = match c[1].to_lowercase().as_str() {
            "yesterday" => anchor - Duration::days(1),
            _ => anchor,
        };
        push(&mut out, m.start(), m.end(), Some(When::day(d)), Kind::Relative);
    }
    for c in DEICTIC_PERIOD.captures_iter(text) {
        let m = c.get(0).unwrap();
        // "the last year" is a stretch of time ("has shown"), not a point in it.
        if text[..m.start()].to_lowercase().ends_with("the ") {
            push(&mut out, m.start(), m.end(), None, Kind::Relative);
            continue;
        }
        let step: i64 = match c[2].to_lowercase().as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        let when = match c[3].to_lowercase().as_str() {
            "week" => {
                let d = anchor + Duration::days(7 * step);
                When::month(d.year(), d.month())
            }
            "month" => {
                let d = if step < 0 {
                    anchor.checked_sub_months(Months::new(1))
                } else if step > 0 {
                    anchor.checked_add_months(Months::new(1))
                } else {
                    Some(anchor)
                };
                d.and_then(|d| When::month(d.year(), d.month()))
            }
            _ => When::year(anchor.year() + step as i32),
        };
        push(&mut out, m.start(), m.end(), when, Kind::Relative);
    }
    for c in AGO.captures_iter(text) {
        let m = c.get(0).unwrap();
        let when = number(&c[1]).and_then(|n| {
            let u = unit(&c[2]);
            let base = match u {
                Unit::Day | Unit::Week => When::day(anchor),
                Unit::Month => When::month(anchor.year(), anchor.month())?,
                Unit::Year => When::year(anchor.year())?,
            };
            base.shift(-n, u)
        });
        push(&mut out, m.start(), m.end(), when, Kind::Relative);
    }
    for c in WEEKDAY.captures_iter(text) {
        let m = c.get(0).unwrap();
        let wd: Weekday = c[1].parse().ok().unwrap_or(Weekday::Mon);
        push(
            &mut out,
            m.start(),
            m.end(),
            Some(When::day(weekday_near(anchor, wd, forward(m.start())))),
            Kind::Partial,
        );
    }
    // Relative to another date of the same sentence: "… last year and … seven months later".
    let laters: Vec<(usize, usize, i64, Unit, bool)> = LATER
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            let n = number(&c[1])?;
            let back = matches!(c[3].to_lowercase().as_str(), "before" | "earlier");
            Some((m.start(), m.end(), n, unit(&c[2]), back))
        })
        .collect();
    for c in YEAR.captures_iter(text) {
        let g = c.get(1).unwrap();
        let before = &text[..g.start()];
        let after = &text[g.end()..];
        // Not money, not part of a larger number or an identifier.
        if before.ends_with('$')
            || before.ends_with(',')
            || after.starts_with(['%', ',']) && after[1..].starts_with(|ch: char| ch.is_ascii_digit())
        {
            continue;
        }
        push(&mut out, g.start(), g.end(), When::year(g.as_str().parse().unwrap_or(0)), Kind::Absolute);
    }
    for (s, e, n, u, back) in laters {
        let anchor_expr = out.iter().filter(|x| x.span.end <= base + s).max_by_key(|x| x.span.end).map(|x| x.when);
        let when = anchor_expr.and_then(|w| w.shift(if back { -n } else { n }, u));
        push(&mut out, s, e, when, Kind::Relative);
    }
    out.sort_by_key(|x| x.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn labels(text: &str, anchor: &str) -> Vec<(String, String)> {
        find(text, 0, d(anchor)).into_iter().map(|x| (x.span.slice(text).to_string(), x.when.label())).collect()
    }

    #[test]
    fn weekdays_in_news_resolve_backwards_from_publication_and_forwards_for_plans() {
        assert_eq!(
            labels("a meeting on Thursday in Beijing", "2024-05-17"),
            [("Thursday".into(), "2024-05-16".into())]
        );
        assert_eq!(
            labels("Putin is scheduled to attend a fair on Friday", "2024-05-16"),
            [("Friday".into(), "2024-05-17".into())]
        );
        assert_eq!(labels("Thursday’s meetings will give", "2024-05-16"), [("Thursday’s".into(), "2024-05-16".into())]);
    }

    #[test]
    fn the_future_of_reported_speech_looks_forward_but_a_past_conditional_does_not() {
        assert_eq!(labels("He said they would hold drills in July", "2024-05-16"), [("July".into(), "2024-07".into())]);
        assert_eq!(labels("It would have ended in July", "2024-05-16"), [("July".into(), "2023-07".into())]);
        assert_eq!(
            labels("He said on Tuesday that they would hold drills in July", "2024-05-16"),
            [("Tuesday".into(), "2024-05-14".into()), ("July".into(), "2024-07".into())]
        );
    }

    #[test]
    fn parse_filters_dates_at_three_precisions() {
        assert_eq!(When::parse("2024").unwrap().label(), "2024");
        assert_eq!(When::parse("2022-09").unwrap().end(), d("2022-09-30"));
        assert_eq!(When::parse("2024-05-17").unwrap().precision, Precision::Day);
        assert!(When::parse("2024-13").is_none() && When::parse("May 2024").is_none() && When::parse("24").is_none());
    }

    #[test]
    fn money_and_durations_are_not_dates() {
        assert!(labels("a record $240 billion and 75 years of ties, two years of war", "2024-05-16").is_empty());
    }
}
