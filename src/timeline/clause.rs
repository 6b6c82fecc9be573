//! Which words of a sentence a temporal expression dates.
//!
//! A date in news prose modifies one clause, not the whole sentence: in "Putin was given a
//! red-carpet welcome … playing the song “Moscow Nights,” written in 1955" the year dates the
//! writing of the song, not the welcome. A rule-based chunker splits the sentence where English
//! news prose starts a new clause — semicolons, colons and dashes; `, which` / `, who` and
//! participles after a comma; `and` / `but` before a finite verb; subordinators (`after`,
//! `before`, `since`, `following`, `when`, `as`); relative `that`; parentheses and dash pairs —
//! and keeps the clause that holds the expression:
//! - in a relative clause or a participle, that clause with the noun phrase it describes
//!   (`the popular Soviet-era song “Moscow Nights,” written in 1955`);
//! - in an `after` / `before` / `since` / `following` clause, that clause alone: it is another
//!   event than the one it is compared with;
//! - in a main clause, the main clause with its `when` / `as` clauses and `that` complements
//!   (the verb's arguments), parenthetical asides included so that the span stays contiguous.
//!
//! Dates that anchor a comparison (`up 63 percent from 2021`, `more than in 2019`), bound a
//! stretch of time (`since 2021`, `until May`, `after March 2023`) or set a target (`a goal
//! for 2024`, `by 2030`) date no event at all: [`Role`] says which.

use crate::text::{fold, words_at, Span, Word};

/// What a temporal expression does in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// It dates the clause it modifies: that clause happened (or is planned) then.
    Event,
    /// The other side of a comparison (`from 2021`, `than in 2019`): nothing is said to
    /// happen then.
    Baseline,
    /// One end of a stretch of time (`since 2021`, `until May`, `after March 2023`).
    Stretch,
    /// A deadline or goal (`by 2030`, `a goal they planned for 2024`).
    Target,
}

/// The clause an expression dates, as a span of the article, and the expression's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    pub clause: Span,
    pub role: Role,
}

/// How a segment of a sentence hangs on what comes before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    /// The first segment.
    Start,
    /// An independent clause (`; …`, `, and …`, `, but …`, `… and will …`, a lone dash).
    Coord,
    /// A subordinate clause of another event (`after …`, `since …`, `following …`).
    Sub,
    /// The content of a reporting verb (`declared that …`).
    Complement,
    /// At the same time as the clause before (`when …`, `as he began …`).
    With,
    /// Describes the noun phrase before it (`, which …`, `, written in …`, `(pictured …)`).
    Attach,
    /// Picks the clause up again after a parenthesis or a pair of dashes.
    Resume,
}

#[derive(Debug, Clone, Copy)]
struct Seg {
    /// First word (index into the sentence's words) and one past the last.
    lo: usize,
    hi: usize,
    link: Link,
    /// Nesting inside parentheses and dash pairs.
    depth: u32,
    /// Leading connective words not shown when the clause starts here (`since`, `and`).
    skip: usize,
    /// Byte offsets (in the sentence) of the segment's text.
    start: usize,
    end: usize,
}

const AUX: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "will", "would", "can",
    "could", "may", "might", "must", "shall", "should",
];
/// Common irregular past forms (regular ones end in `-ed`).
const IRREGULAR_PAST: &[&str] = &[
    "met", "made", "took", "became", "began", "hit", "went", "gave", "held", "saw", "came", "chose", "told", "said",
    "says", "led", "left", "won", "lost", "got", "put", "set", "ran", "brought", "fought", "thought", "sought", "sent",
    "spent", "built", "felt", "kept", "knew", "grew", "drew", "flew", "wrote", "spoke", "broke", "rose", "fell",
    "paid", "meant", "stood", "struck", "sold", "shook", "found", "arrived", "became", "did",
];
/// Irregular past participles that open a reduced relative clause (`, written in 1955`).
const IRREGULAR_PARTICIPLE: &[&str] = &[
    "written", "known", "born", "built", "made", "held", "given", "taken", "seen", "chosen", "spoken", "led", "shown",
    "sold", "sent", "told", "brought", "caught", "drawn", "driven", "grown", "thrown", "won", "begun", "done", "gone",
    "set", "put", "hit", "signed", "struck", "broken", "frozen", "stolen", "kept", "paid", "found",
];
/// Words after which `that` opens the reported content, not a relative clause.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "declared",
    "declare",
    "declares",
    "announced",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "thought",
    "claimed",
    "claims",
    "noted",
    "warned",
    "added",
    "argued",
    "insisted",
    "reported",
    "stated",
    "suggested",
    "confirmed",
    "denied",
    "told",
    "agreed",
    "know",
    "knew",
    "hope",
    "hoped",
    "expect",
    "expected",
    "showed",
    "shows",
    "found",
    "seem",
    "seems",
    "seemed",
    "clear",
    "sure",
];
/// Subordinators that introduce another event (its date is its own).
const SUBORDINATORS: &[&str] =
    &["after", "before", "since", "following", "until", "till", "because", "although", "though", "unless", "once"];
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "every",
    "each", "some", "one",
];
/// Prepositions that stay inside a noun phrase (`a visit to China by the Kremlin leader`).
const NP_PREPOSITIONS: &[&str] = &["of", "to", "by", "from", "in", "for", "with", "at", "on"];
/// Words that end a noun phrase when walking back from a relative clause.
const NOT_IN_NP: &[&str] = &[
    "and", "or", "but", "that", "which", "who", "to", "as", "than", "during", "after", "before", "since", "while",
    "when", "if", "because", "amid", "into", "about", "over", "under", "against", "between", "through", "it", "he",
    "she", "they", "we", "i", "you", "there", "also", "not", "just", "now", "then",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
/// Nouns of goals: a date `for` one of them is a target, not an event.
const TARGET_NOUNS: &[&str] = &["goal", "goals", "target", "targets", "aim", "deadline", "objective", "benchmark"];

fn finite_ish(w: &str) -> bool {
    AUX.contains(&w) || IRREGULAR_PAST.contains(&w) || (w.len() > 4 && w.ends_with("ed"))
}

fn participle(w: &str) -> bool {
    (w.len() > 5 && w.ends_with("ing")) || (w.len() > 4 && w.ends_with("ed")) || IRREGULAR_PARTICIPLE.contains(&w)
}

fn has_dash(gap: &str) -> bool {
    gap.contains('—') || gap.contains('–') || gap.contains(" - ") || gap.contains(" -- ")
}

/// The role of the expression whose first word is `first`, from the words before it.
fn role(lower: &[String], first: usize) -> Role {
    let before = |n: usize| first.checked_sub(n).map(|i| lower[i].as_str()).unwrap_or("");
    // "from the 2021 level" reads like "from 2021".
    let (p1, p2) = if before(1) == "the" { (before(2), before(3)) } else { (before(1), before(2)) };
    match p1 {
        "from" | "than" | "versus" | "vs." => return Role::Baseline,
        "with" | "to" if p2 == "compared" => return Role::Baseline,
        // "after March 2023, relations cooled": the cooling was not in March.
        "since" | "until" | "till" | "through" | "after" | "before" | "following" => return Role::Stretch,
        "to" if p2 == "prior" => return Role::Stretch,
        "by" => return Role::Target,
        "in" if p2 == "than" => return Role::Baseline,
        "for" if (2..8).any(|n| TARGET_NOUNS.contains(&before(n))) => return Role::Target,
        _ => {}
    }
    Role::Event
}

/// Splits the words `[floor, n)` into segments.
fn segments(s: &str, words: &[Word<'_>], lower: &[String], floor: usize) -> Vec<Seg> {
    let n = words.len();
    let gap = |k: usize| &s[words[k - 1].span.end..words[k].span.start];
    // Dashes pair up (an aside between two dashes); an odd last one runs to the end.
    let dash_at: Vec<usize> = (floor + 1..n).filter(|&k| has_dash(gap(k))).collect();
    let paired = dash_at.len() - dash_at.len() % 2;
    let mut segs: Vec<Seg> = Vec::new();
    let mut cur = Seg { lo: floor, hi: n, link: Link::Start, depth: 0, skip: 0, start: 0, end: s.len() };
    cur.start = words[floor].span.start;
    // An opening `After …,` / `In the wake of …,` phrase is another event; its comma ends it.
    let lead = subordinator_len(lower, floor);
    if lead > 0 {
        cur.link = Link::Sub;
        cur.skip = lead;
    }
    let mut sub_until_comma = lead > 0;
    // Inside an aside opened by a comma (", which …", ", speaking …", ", a city …"): the
    // depth the sentence returns to at the aside's closing comma.
    let mut aside: Option<u32> = None;
    // Whether that aside is a relative clause or a participle, after which the sentence can
    // go on with the main clause; an apposition or a list item cannot be told from the
    // next item, so its comma is read like any other.
    let mut resumable = false;
    let mut k = floor + lead.max(1);
    while k < n {
        let g = gap(k);
        let mut next: Option<(Link, usize, u32)> = None;
        let mut start = words[k].span.start;
        let d = cur.depth;
        // "May 7, 2024": the comma of a date is no boundary.
        let date_comma = lower[k].len() == 4
            && lower[k].chars().all(|c| c.is_ascii_digit())
            && lower[k - 1].chars().all(|c| c.is_ascii_digit());
        if date_comma {
            k += 1;
            continue;
        }
        if let Some(i) = g.find('(') {
            next = Some((Link::Attach, 0, d + 1));
            start = words[k - 1].span.end + i;
        } else if g.contains(')') {
            next = Some((Link::Resume, 0, d.saturating_sub(1)));
        } else if has_dash(g) {
            let i = dash_at.iter().position(|&x| x == k).unwrap_or(0);
            if i < paired && i % 2 == 1 {
                next = Some((Link::Resume, 0, d.saturating_sub(1)));
            } else {
                let (link, skip) = classify(lower, k).unwrap_or((Link::Coord, 0));
                let link = if i < paired && link == Link::Coord { Link::Attach } else { link };
                next = Some((link, skip, if i < paired { d + 1 } else { d }));
            }
        } else if g.contains(';') || g.contains(':') {
            next = Some((Link::Coord, 0, d));
        } else if g.contains(',') && aside.is_some() && resumable {
            // The aside ends at its comma: what follows is another clause, a participle
            // of the main clause, or the main clause going on (", was their last meeting").
            let base = aside.unwrap_or(0);
            next = Some(match classify(lower, k) {
                Some((link @ (Link::Coord | Link::Sub | Link::With | Link::Complement), skip)) => (link, skip, base),
                Some((Link::Attach, skip)) if lower[k].ends_with("ing") || !finite_ish(&lower[k]) => {
                    (Link::Attach, skip, base)
                }
                _ => (Link::Resume, 0, base),
            });
        } else if g.contains(',') {
            if sub_until_comma {
                let connective =
                    matches!(lower[k].as_str(), "and" | "but" | "with" | "while" | "whereas" | "yet" | "or");
                next = Some((Link::Coord, usize::from(connective), d));
            } else if let Some((link, skip)) = classify(lower, k) {
                // "Two years ago, a landslide closed the road": an opening phrase with no
                // verb is not a clause that an apposition could follow.
                let verbless = !lower[cur.lo..k].iter().any(|w| finite_ish(w));
                // "Xi, 70, arrived in Moscow": after an aside between commas, a verb with no
                // verb before it is the main verb, not a participle describing the aside.
                let earlier_comma = (cur.lo + 1..k).any(|j| gap(j).contains(','));
                let main_verb = verbless && earlier_comma && !lower[k].ends_with("ing");
                let apposition_after_phrase = verbless && matches!(lower[k].as_str(), "a" | "an");
                if !(apposition_after_phrase || (main_verb && link == Link::Attach)) {
                    let base = aside.unwrap_or(d);
                    next = Some((link, skip, if link == Link::Attach { base + 1 } else { base }));
                }
            }
        } else {
            next = plain_boundary(lower, k).map(|(l, skip)| {
                // "signed in 2001 and renewed in 2021": a participle joined to one that
                // describes a noun describes the same noun.
                if l == Link::Coord
                    && cur.link == Link::Attach
                    && participle(lower.get(k + 1).map_or("", |w| w.as_str()))
                {
                    (Link::Attach, skip, d)
                } else {
                    (l, skip, d)
                }
            });
        }
        let mut at = k;
        if let Some((Link::Sub, skip, depth)) = next {
            // "met on Thursday, three weeks after …": the measure belongs to the `after` clause.
            let m = measure_before(lower, k, cur.lo);
            if m > 0 {
                at = k - m;
                start = words[at].span.start;
                next = Some((Link::Sub, skip + m, depth));
            }
        }
        if let Some((link, skip, depth)) = next {
            let comma = g.contains(',') && !has_dash(g) && !g.contains('(');
            (aside, resumable) = match (link, comma) {
                (Link::Attach, true)
                    if depth > aside.unwrap_or(d) || (aside.is_some() && depth > d.saturating_sub(1)) =>
                {
                    (Some(depth - 1), !matches!(lower[k].as_str(), "a" | "an"))
                }
                (Link::Attach, _) if depth == d => (aside, resumable),
                _ => (None, false),
            };
            // A parenthesis keeps its closing mark.
            cur.hi = at;
            cur.end = close_end(s, words[at - 1].span.end, start);
            segs.push(cur);
            sub_until_comma = false;
            if link == Link::Sub && g.trim().is_empty() {
                // A subordinate clause inside a sentence ends at its comma too.
                sub_until_comma = true;
            }
            cur = Seg { lo: at, hi: n, link, depth, skip, start, end: s.len() };
            k = at + skip.max(1);
            continue;
        }
        k += 1;
    }
    cur.end = s.len();
    segs.push(cur);
    // A tail after a comma with no verb of its own ("…, most recently in March") goes on
    // with the clause before it.
    for g in segs.iter_mut().skip(1) {
        let after_comma = s[..g.start].trim_end().ends_with(',');
        if g.link == Link::Coord && g.skip == 0 && after_comma && !lower[g.lo..g.hi].iter().any(|w| finite_ish(w)) {
            g.link = Link::Resume;
        }
    }
    segs
}

/// How many words before word `k` (and after word `lo`) measure a span of time that an
/// `after` / `before` clause starts: "three weeks", "just days", "a few months".
fn measure_before(lower: &[String], k: usize, lo: usize) -> usize {
    const UNITS: &[&str] = &["day", "days", "week", "weeks", "month", "months", "year", "years", "hours", "decades"];
    const HEDGES: &[&str] = &["just", "only", "about", "nearly", "almost", "some", "barely"];
    let at = |i: usize| k.checked_sub(i).filter(|&j| j > lo).map_or("", |j| lower[j].as_str());
    if !UNITS.contains(&at(1)) {
        return 0;
    }
    let mut m = 1;
    let amount = at(2);
    if amount.chars().all(|c| c.is_ascii_digit()) && !amount.is_empty()
        || matches!(
            amount,
            "a" | "an"
                | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "few"
                | "several"
                | "many"
        )
    {
        m = 2;
        if amount == "few" && at(3) == "a" {
            m = 3;
        }
    }
    if HEDGES.contains(&at(m + 1)) {
        m += 1;
    }
    m
}

/// Where a segment ending with the word that ends at `word_end` ends: after closing quotes
/// and brackets that follow the word (so a quoted title stays whole), before the gap.
fn close_end(s: &str, word_end: usize, limit: usize) -> usize {
    let mut end = word_end;
    for (i, c) in s[word_end..limit].char_indices() {
        if matches!(c, '”' | '"' | '’' | ')' | ',') {
            end = word_end + i + c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// `after`, `in the wake of`, `ahead of`, `prior to` at word `k`: how many words it takes.
fn subordinator_len(lower: &[String], k: usize) -> usize {
    let at = |i: usize| lower.get(k + i).map(String::as_str).unwrap_or("");
    if SUBORDINATORS.contains(&at(0)) {
        return 1;
    }
    match (at(0), at(1), at(2), at(3)) {
        ("in", "the", "wake", "of") => 4,
        ("ahead", "of", _, _) | ("prior", "to", _, _) => 2,
        _ => 0,
    }
}

/// The boundary a word opens after a comma or a dash.
fn classify(lower: &[String], k: usize) -> Option<(Link, usize)> {
    let w = lower[k].as_str();
    let sub = subordinator_len(lower, k);
    if sub > 0 {
        return Some((Link::Sub, sub));
    }
    // ", Ospanova said" / ", the minister said": the attribution, not part of the clause.
    let tail =
        (0..3).any(|i| lower.get(k + i).is_some_and(|x| matches!(x.as_str(), "said" | "says" | "added" | "told")));
    if tail && !matches!(w, "which" | "who" | "that" | "and" | "but") {
        return Some((Link::Coord, 0));
    }
    Some(match w {
        "which" | "who" | "whom" | "whose" | "where" => (Link::Attach, 0),
        // An apposition (", a project first proposed in 2011") describes itself.
        "a" | "an" => (Link::Attach, 0),
        "and" | "but" | "while" | "whereas" | "yet" | "or" | "with" => (Link::Coord, 1),
        "when" | "as" => (Link::With, 0),
        "said" | "says" | "told" | "according" | "added" => (Link::Coord, 0),
        _ if participle(w) && w != "including" => (Link::Attach, 0),
        _ => return None,
    })
}

/// A boundary without punctuation: a subordinator, `when`, `as` before a clause, relative
/// `that`, or `and` / `but` before a finite verb.
fn plain_boundary(lower: &[String], k: usize) -> Option<(Link, usize)> {
    let w = lower[k].as_str();
    let prev = lower[k - 1].as_str();
    let at = |i: usize| lower.get(k + i).map(String::as_str).unwrap_or("");
    let sub = subordinator_len(lower, k);
    // "the following day" is not a subordinator.
    if sub > 0 && !DETERMINERS.contains(&prev) && !at(1).is_empty() {
        return Some((Link::Sub, sub));
    }
    match w {
        "when" => Some((Link::With, 0)),
        "as" if PRONOUNS.contains(&at(1)) || (1..=3).any(|i| finite_ish(at(i))) => Some((Link::With, 0)),
        "that" | "which" | "who" => {
            // "told reporters on Tuesday that …": the verb may stand a few words back.
            let reported = (1..=4).any(|i| k >= i && REPORTING.contains(&lower[k - i].as_str()));
            if reported {
                Some((Link::Complement, 1))
            } else if finite_ish(at(1)) || (1..=3).any(|i| finite_ish(at(i)) && !DETERMINERS.contains(&at(i))) {
                Some((Link::Attach, 0))
            } else {
                None
            }
        }
        "and" | "but" if finite_ish(at(1)) => Some((Link::Coord, 1)),
        "while" | "whereas" => Some((Link::Coord, 1)),
        _ => None,
    }
}

/// The first word of the noun phrase a relative clause or participle starting at word `lo`
/// describes, looking no further back than word `limit`.
fn head_start(s: &str, words: &[Word<'_>], lower: &[String], lo: usize, limit: usize) -> usize {
    let gap = |k: usize| &s[words[k - 1].span.end..words[k].span.start];
    let capital = |i: usize| words[i].text.starts_with(char::is_uppercase);
    let mut start = lo;
    let mut prepositions = 0;
    let mut k = lo;
    while k > limit {
        if k < lo && gap(k).contains([',', ';', ':', '—', '–', '(', ')']) {
            break;
        }
        let w = lower[k - 1].as_str();
        // "this week's opening ceremony": a possessor is part of the phrase, and so is
        // whatever determines it.
        if w.ends_with("'s") && w.len() > 2 {
            start = k - 1;
            k -= 1;
            continue;
        }
        if DETERMINERS.contains(&w) {
            start = k - 1;
            // "a visit to China by the Kremlin leader": the noun phrase goes on through
            // its prepositional phrases.
            if k - 1 > limit && NP_PREPOSITIONS.contains(&lower[k - 2].as_str()) && prepositions < 2 {
                prepositions += 1;
                k -= 2;
                continue;
            }
            break;
        }
        if NP_PREPOSITIONS.contains(&w) {
            if prepositions < 2 && start < lo {
                prepositions += 1;
                k -= 1;
                continue;
            }
            break;
        }
        // "Vladimir Putin and Xi Jinping": names joined by `and` are one phrase.
        if w == "and" && k < words.len() && capital(k) && k >= 2 && capital(k - 2) {
            k -= 1;
            continue;
        }
        // A capitalised word inside the sentence is a name ("Jinping", "Harbin"), whatever it ends in.
        let name = k - 1 > 0 && capital(k - 1);
        if !name && (NOT_IN_NP.contains(&w) || AUX.contains(&w) || finite_ish(w) || (w.ends_with("ing") && w.len() > 5))
        {
            break;
        }
        start = k - 1;
        k -= 1;
    }
    start
}

/// The first word of the noun phrase that the attached segment `j` describes.
fn attach_head(s: &str, words: &[Word<'_>], lower: &[String], segs: &[Seg], j: usize, floor: usize) -> usize {
    let g = segs[j];
    let before = (0..j).rev().find(|&p| segs[p].depth <= g.depth);
    // "one that critics called vague but that Xi endorsed": the second relative clause
    // describes what the first one does.
    let coordinated = |i: usize| matches!(lower[i].as_str(), "but" | "and" | "or");
    if (g.lo > 0 && coordinated(g.lo - 1)) || (g.skip > 0 && coordinated(g.lo)) {
        if let Some(p) = before.filter(|&p| segs[p].link == Link::Attach && segs[p].depth == g.depth) {
            return attach_head(s, words, lower, segs, p, floor);
        }
    }
    let limit = before.map_or(floor, |p| segs[p].lo + segs[p].skip);
    let h = head_start(s, words, lower, g.lo, limit);
    // "a peace plan — one that …": the pronoun stands for the phrase before the dash or comma.
    if h < g.lo && h > floor && lower[h] == "one" {
        let gap = &s[words[h - 1].span.end..words[h].span.start];
        if has_dash(gap) || gap.contains(',') {
            if let Some(q) = segs.iter().rposition(|q| q.lo < h) {
                let limit = (segs[q].lo + segs[q].skip).max(floor);
                return head_start(s, words, lower, h, limit);
            }
        }
    }
    h
}

/// Finds the clause that the expression at `expr` (a span of the article) dates, in
/// `sentence`, which starts at byte `base` of the article.
pub fn locate(sentence: &str, base: usize, expr: Span) -> Located {
    let whole = Located { clause: Span::new(base, base + sentence.len()), role: Role::Event };
    let words = words_at(sentence, 0);
    if words.is_empty() {
        return whole;
    }
    let lower: Vec<String> = words.iter().map(|w| fold(w.text)).collect();
    let (es, ee) = (expr.start - base, expr.end - base);
    let Some(first) = words.iter().position(|w| w.span.end > es) else { return whole };
    let role = role(&lower, first);
    // A dateline ("MOSCOW and BEIJING — …") is not part of any clause.
    let floor = dateline_end(sentence, &words).min(first);
    let segs = segments(sentence, &words, &lower, floor);
    let Some(i) = segs.iter().rposition(|g| g.start <= es) else { return whole };
    // A clause that goes on at the same time as another (`when`, `as`) or after an aside
    // belongs to the clause it continues.
    let mut gov = i;
    while matches!(segs[gov].link, Link::With | Link::Resume) {
        let resume = segs[gov].link == Link::Resume;
        // Picking up again after an aside or an `after …` clause: back to the clause they
        // interrupted.
        let d = segs[gov].depth;
        let found = (0..gov)
            .rev()
            .find(|&j| segs[j].depth < d || (segs[j].depth == d && !(resume && segs[j].link == Link::Sub)));
        match found {
            Some(j) if segs[j].depth == d => gov = j,
            _ => break,
        }
    }
    let g = segs[gov];
    let appositive = matches!(lower[g.lo].as_str(), "a" | "an" | "the" | "one") && g.start == words[g.lo].span.start;
    let start = match g.link {
        Link::Attach if appositive => g.start,
        Link::Attach => {
            let h = attach_head(sentence, &words, &lower, &segs, gov, floor);
            if h < g.lo {
                words[h].span.start
            } else {
                g.start
            }
        }
        Link::Start | Link::Resume | Link::With => g.start,
        Link::Coord | Link::Sub | Link::Complement => words.get(g.lo + g.skip).map_or(g.start, |w| w.span.start),
    };
    // Forward: asides inside the clause, and what belongs to it (`when …`, `that …`, the
    // rest after an aside).
    // Asides and `after …` clauses are passed over, and kept only when the clause goes on
    // after them.
    let mut last = gov;
    for (j, s) in segs.iter().enumerate().skip(gov + 1) {
        if s.depth < g.depth {
            break;
        }
        if s.depth > g.depth || s.link == Link::Sub {
            continue;
        }
        if matches!(s.link, Link::With | Link::Complement | Link::Resume) {
            last = j;
        } else {
            break;
        }
    }
    let mut end = segs[last].end;
    // Never shorter than the expression itself.
    let start = start.min(es);
    end = end.max(ee);
    // Quote marks that open the phrase belong to it.
    let mut start = start;
    if let Some(c) = sentence[..start].chars().next_back() {
        if matches!(c, '“' | '"' | '‘') {
            start -= c.len_utf8();
        }
    }
    let text = &sentence[start..end];
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–' | '-'));
    let end = start + trimmed.len();
    Located { clause: Span::new(base + start, base + end.max(ee)), role }
}

/// The byte where a sentence's text starts after an all-capitals dateline and its dash.
fn dateline_end(s: &str, words: &[Word<'_>]) -> usize {
    for k in 1..words.len().min(6) {
        let g = &s[words[k - 1].span.end..words[k].span.start];
        if has_dash(g) {
            let caps = words[..k]
                .iter()
                .all(|w| w.text == "and" || w.text.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()));
            let letters = words[..k].iter().any(|w| w.text.chars().filter(|c| c.is_alphabetic()).count() >= 2);
            return if caps && letters { k } else { 0 };
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clause and role for the first occurrence of `expr` in `s`.
    fn clause<'a>(s: &'a str, expr: &str) -> (&'a str, Role) {
        let at = s.find(expr).expect("expression in sentence");
        let l = locate(s, 0, Span::new(at, at + expr.len()));
        (l.clause.slice(s), l.role)
    }

    #[test]
    fn a_participle_dates_the_noun_it_describes_not_the_sentence() {
        let s = "Putin was greeted by an orchestra playing the popular song “Moscow Nights,” written in 1955.";
        assert_eq!(clause(s, "1955"), ("the popular song “Moscow Nights,” written in 1955.", Role::Event));
    }

    #[test]
    fn a_comparison_anchor_a_stretch_start_and_a_target_date_no_event() {
        let s =
            "Trade hit a record in 2023 - up 63 percent from 2021, and already reaching a goal they planned for 2024.";
        assert_eq!(clause(s, "2023"), ("Trade hit a record in 2023", Role::Event));
        assert_eq!(clause(s, "2021").1, Role::Baseline);
        assert_eq!(clause(s, "2024").1, Role::Target);
        assert_eq!(clause("Prices have doubled since 2019.", "2019").1, Role::Stretch);
        assert_eq!(clause("After March 2023, relations cooled.", "March 2023").1, Role::Stretch);
        assert_eq!(clause("Exports were higher than in 2020.", "2020").1, Role::Baseline);
        assert_eq!(clause("The plant will close by 2030.", "2030").1, Role::Target);
    }

    #[test]
    fn a_since_or_after_clause_is_its_own_event() {
        let s = "This is their second meeting since Russia invaded Ukraine last year.";
        assert_eq!(clause(s, "last year").0, "Russia invaded Ukraine last year.");
        let s = "In the wake of the invasion of Ukraine in 2022, Beijing has provided diplomatic cover.";
        assert_eq!(clause(s, "2022").0, "the invasion of Ukraine in 2022");
    }

    #[test]
    fn a_when_clause_dates_the_clause_it_belongs_to() {
        let s = "They signed a partnership when Putin visited Beijing in February 2022 — just days before the war.";
        assert_eq!(
            clause(s, "February 2022").0,
            "They signed a partnership when Putin visited Beijing in February 2022"
        );
    }

    #[test]
    fn a_relative_clause_keeps_the_noun_phrase_it_describes() {
        let s = "The leaders met during a two-day visit to China by the Kremlin leader that ended Friday.";
        assert_eq!(clause(s, "Friday").0, "a two-day visit to China by the Kremlin leader that ended Friday.");
    }

    #[test]
    fn a_second_relative_clause_and_a_pronoun_apposition_reach_back_to_the_noun() {
        let s = "Beijing floated a peace plan — one that critics called vague but that Xi endorsed on Thursday.";
        assert_eq!(
            clause(s, "Thursday").0,
            "a peace plan — one that critics called vague but that Xi endorsed on Thursday."
        );
    }

    #[test]
    fn an_aside_between_commas_ends_at_its_comma_and_the_main_clause_goes_on() {
        let s = "The summit, which took place in Samarkand in September 2022, was their last meeting.";
        assert_eq!(clause(s, "September 2022").0, "The summit, which took place in Samarkand in September 2022");
        let s = "Putin, who was inaugurated on May 7, 2024, chose China for his first trip.";
        assert_eq!(clause(s, "May 7, 2024").0, "Putin, who was inaugurated on May 7, 2024");
        let s = "Xi, speaking to reporters in Moscow last year, called Putin his friend.";
        assert_eq!(clause(s, "last year").0, "Xi, speaking to reporters in Moscow last year");
    }

    #[test]
    fn a_verb_after_an_aside_between_commas_is_the_main_verb() {
        let s = "Xi, 70, arrived in Moscow on Monday for a three-day visit.";
        assert_eq!(clause(s, "Monday").0, s);
    }

    #[test]
    fn participles_joined_by_and_describe_the_same_noun() {
        let s = "The agreement, signed in 2001 and renewed in 2021, commits both sides to peace.";
        assert_eq!(clause(s, "2001").0, "The agreement, signed in 2001");
        assert_eq!(clause(s, "2021").0, "The agreement, signed in 2001 and renewed in 2021");
    }

    #[test]
    fn the_measure_before_an_after_clause_belongs_to_it_and_a_verbless_tail_to_the_clause_before() {
        let s = "The leaders met in Beijing on Thursday, three weeks after Blinken visited the city.";
        assert_eq!(clause(s, "Thursday").0, "The leaders met in Beijing on Thursday");
        let s = "Beijing hosted the Olympics in February 2022, just weeks before the invasion.";
        assert_eq!(clause(s, "February 2022").0, "Beijing hosted the Olympics in February 2022");
        let s = "The bank has cut rates three times since January, most recently in March.";
        assert_eq!(clause(s, "March").0, s);
        assert_eq!(clause(s, "January").1, Role::Stretch);
    }

    #[test]
    fn a_main_clause_stops_at_a_relative_clause_and_keeps_its_opening_date() {
        let s = "On Thursday, Putin is also expected to meet Premier Li Qiang, who is responsible for the economy.";
        assert_eq!(clause(s, "Thursday").0, "On Thursday, Putin is also expected to meet Premier Li Qiang");
    }

    #[test]
    fn a_dateline_and_an_aside_in_parentheses_are_handled() {
        let s = "MOSCOW — Putin and Xi (pictured together last year) are set to meet for talks this week.";
        assert_eq!(clause(s, "last year").0, "Putin and Xi (pictured together last year)");
        assert_eq!(
            clause(s, "this week").0,
            "Putin and Xi (pictured together last year) are set to meet for talks this week."
        );
    }

    #[test]
    fn a_date_after_a_pair_of_dashes_dates_the_clause_before_the_aside() {
        let s = "It is a leader visiting an ally – who launched an invasion in Europe – in 2023.";
        assert_eq!(clause(s, "2023").0, s);
        let s = "Xi — who chose Moscow for his first visit following his reelection last year — greeted Putin.";
        assert_eq!(clause(s, "last year").0, "his reelection last year");
    }

    #[test]
    fn reported_content_is_its_own_event() {
        let s = "Officials said that the ministers met in Riga in March.";
        assert_eq!(clause(s, "March").0, "the ministers met in Riga in March.");
        let s = "Officials said on Monday that the talks had failed.";
        assert_eq!(clause(s, "Monday").0, s);
        let s = "Lavrov told reporters on Tuesday that the navies would hold drills in July.";
        assert_eq!(clause(s, "July").0, "the navies would hold drills in July.");
    }
}
