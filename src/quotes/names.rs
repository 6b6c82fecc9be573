//! Word classes for attribution: reporting verbs, titles, function words, and reading a run
//! of capitalised name words forwards or backwards from a position in a token stream.

use super::lexer::Token;
use crate::text::fold;

/// Reporting verbs in the forms news text uses them.
const CUE_VERBS: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "note",
    "notes",
    "noted",
    "noting",
    "conclude",
    "concludes",
    "concluded",
    "believe",
    "believes",
    "believed",
    "warn",
    "warns",
    "warned",
    "warning",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "argue",
    "argues",
    "argued",
    "arguing",
    "explain",
    "explains",
    "explained",
    "state",
    "states",
    "stated",
    "write",
    "writes",
    "wrote",
    "call",
    "calls",
    "called",
    "calling",
    "liken",
    "likens",
    "likened",
    "ask",
    "asks",
    "asked",
    "predict",
    "predicts",
    "predicted",
    "pledge",
    "pledges",
    "pledged",
    "vow",
    "vows",
    "vowed",
    "tout",
    "touts",
    "touted",
    "declare",
    "declares",
    "declared",
    "describe",
    "describes",
    "described",
    "recall",
    "recalls",
    "recalled",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "admit",
    "admits",
    "admitted",
    "claim",
    "claims",
    "claimed",
    "suggest",
    "suggests",
    "suggested",
    "stress",
    "stresses",
    "stressed",
    "emphasize",
    "emphasizes",
    "emphasized",
    "observe",
    "observes",
    "observed",
    "remark",
    "remarks",
    "remarked",
    "reply",
    "replies",
    "replied",
    "answer",
    "answered",
    "urge",
    "urges",
    "urged",
    "quip",
    "quipped",
    "continue",
    "continued",
    "continues",
    "agree",
    "agreed",
    "agrees",
    "announce",
    "announced",
    "announces",
    "thank",
    "thanked",
    "mused",
    "put",
];

/// Verbs that may come before their subject right after a quote: `"…," said Xi`.
const INVERTIBLE: &[&str] = &[
    "say",
    "says",
    "said",
    "add",
    "adds",
    "added",
    "note",
    "notes",
    "noted",
    "conclude",
    "concludes",
    "concluded",
    "believe",
    "believes",
    "explain",
    "explains",
    "explained",
    "write",
    "writes",
    "wrote",
    "continue",
    "continued",
    "continues",
    "insist",
    "insisted",
    "insists",
    "argue",
    "argued",
    "argues",
    "warn",
    "warned",
    "warns",
    "recall",
    "recalled",
    "recalls",
    "observe",
    "observed",
    "remark",
    "remarked",
    "reply",
    "replied",
    "answer",
    "answered",
    "state",
    "stated",
    "quipped",
    "mused",
    "asked",
    "asks",
];

/// Words that may stand between a subject and its verb: `Blinken just yesterday said`.
const ADVERBS: &[&str] = &[
    "has",
    "had",
    "have",
    "will",
    "would",
    "also",
    "once",
    "just",
    "then",
    "now",
    "yesterday",
    "today",
    "later",
    "earlier",
    "again",
    "still",
    "often",
    "has",
    "never",
    "always",
    "previously",
    "recently",
    "repeatedly",
    "openly",
    "publicly",
    "privately",
    "warmly",
    "firmly",
    "further",
    "even",
    "reportedly",
    "later",
    "not",
    "subsequently",
    "bluntly",
    "flatly",
];

/// Capitalised words that are never part of a person's name.
const FUNCTION: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "so",
    "yet",
    "as",
    "it",
    "its",
    "they",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "we",
    "i",
    "you",
    "our",
    "his",
    "her",
    "their",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "still",
    "indeed",
    "instead",
    "formally",
    "publicly",
    "officially",
    "well",
    "earlier",
    "meanwhile",
    "however",
    "also",
    "nor",
    "whether",
    "amid",
    "among",
    "beyond",
    "under",
    "over",
    "for",
    "from",
    "with",
    "without",
    "to",
    "by",
    "of",
    "enter",
    "imagine",
    "every",
    "each",
    "some",
    "many",
    "others",
    "analysts",
    "expect",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "yes",
    "no",
    "okay",
    "ok",
    "thanks",
    "welcome",
    "stakes",
    "badly",
    "fundamentally",
    "more",
    "most",
    "both",
    "all",
    "one",
    "two",
    "three",
    "is",
    "was",
    "are",
    "were",
    "be",
    "do",
    "did",
    "does",
    "not",
    "would",
    "will",
    "can",
    "could",
    "should",
    "said",
    "says",
    "like",
    "just",
    "even",
    "only",
    "then",
    "now",
    "today",
    "officially",
    "so",
    "together",
    "inside",
    "outside",
    "during",
    "through",
    "against",
    "because",
    "though",
    "although",
    "unlike",
    "despite",
    "according",
    "addressing",
    "until",
    "near",
    "into",
    "upon",
];

/// Titles, ranks and demonyms that precede a name and are not part of it.
const TITLES: &[&str] = &[
    "president",
    "premier",
    "prime",
    "minister",
    "secretary",
    "state",
    "foreign",
    "defense",
    "defence",
    "deputy",
    "chancellor",
    "chairman",
    "chairwoman",
    "ambassador",
    "general",
    "gen.",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen.",
    "rep.",
    "gov.",
    "senator",
    "governor",
    "leader",
    "editor",
    "correspondent",
    "professor",
    "prof.",
    "king",
    "queen",
    "prince",
    "pope",
    "commander",
    "admiral",
    "colonel",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "russian",
    "chinese",
    "american",
    "ukrainian",
    "u.s.",
    "soviet",
    "kremlin",
    "chief",
    "vice",
    "senior",
    "former",
    "top",
    "our",
    "security",
    "council",
    "british",
    "french",
    "japanese",
    "taiwanese",
    "indian",
    "western",
    "german",
    "expert",
    "journalist",
    "analyst",
    "scholar",
    "adviser",
    "advisor",
    "host",
    "anchor",
    "reporter",
    "economist",
    "historian",
    "military",
    "political",
    "envoy",
    "official",
    "diplomat",
    "fellow",
    "director",
    "head",
    "founder",
    "author",
    "writer",
    "new",
    "china",
    "russia",
];

/// Words that make a capitalised run an organisation or a place, not a person.
const ORG_WORDS: &[&str] = &[
    "department",
    "ministry",
    "office",
    "council",
    "center",
    "centre",
    "institute",
    "institution",
    "university",
    "corp",
    "corp.",
    "party",
    "court",
    "house",
    "hall",
    "nations",
    "union",
    "times",
    "post",
    "news",
    "agency",
    "committee",
    "administration",
    "bank",
    "army",
    "forces",
    "government",
    "endowment",
    "foundation",
    "kremlin",
    "parliament",
    "duma",
    "network",
    "station",
    "radio",
    "television",
    "company",
    "group",
    "association",
    "organization",
    "organisation",
    "forum",
    "summit",
    "partnership",
    "road",
    "initiative",
    "street",
    "square",
    "palace",
    "airport",
    "sea",
    "river",
    "region",
    "province",
    "republic",
    "kingdom",
    "states",
    "federation",
    "nights",
    "siberia",
    "npr",
    "bbc",
    "cnn",
    "china",
    "russia",
    "beijing",
    "moscow",
    "ukraine",
    "taiwan",
    "washington",
    "harbin",
    "america",
    "europe",
    "africa",
    "asia",
    "india",
    "japan",
    "france",
    "iran",
    "arabia",
    "kong",
    "west",
    "east",
    "north",
    "south",
    "western",
    "eastern",
    "guard",
    "liberation",
    "criminal",
    "normal",
    "studies",
    "relations",
    "reliable",
    "celebration",
    "prize",
    "peace",
    "war",
    "award",
    "nobel",
    "games",
    "cup",
    "olympics",
];

pub fn is_cue_verb(word: &str) -> bool {
    CUE_VERBS.contains(&fold(word).as_str())
}

pub fn is_invertible(word: &str) -> bool {
    INVERTIBLE.contains(&fold(word).as_str())
}

pub fn is_adverb(word: &str) -> bool {
    let w = fold(word);
    ADVERBS.contains(&w.as_str()) || (w.ends_with("ly") && w.len() > 4 && w.chars().all(|c| c.is_lowercase()))
}

pub fn is_title(word: &str) -> bool {
    TITLES.contains(&fold(word).as_str())
}

pub fn is_org_word(word: &str) -> bool {
    ORG_WORDS.contains(&fold(strip_possessive(word)).as_str())
}

/// `Putin’s` → `Putin`.
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")).unwrap_or(word)
}

pub fn is_possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s")
}

/// A capitalised word that could be part of a name (not all capitals, not a function word).
pub fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return false };
    if !first.is_uppercase() || !word.chars().any(|c| c.is_lowercase()) {
        return false;
    }
    let base = strip_possessive(word);
    let f = fold(base);
    !FUNCTION.contains(&f.as_str())
        && !crate::text::is_calendar_word(&f)
        && base.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
}

pub fn pronoun(word: &str) -> Option<Pronoun> {
    match fold(word).as_str() {
        "he" => Some(Pronoun::He),
        "she" => Some(Pronoun::She),
        "they" | "we" | "you" | "i" => Some(Pronoun::Other),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    /// Plural or first/second person: never resolved to one speaker.
    Other,
}

/// A run of name words, titles stripped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRun {
    /// The name words, in order (`["Vladimir", "Putin"]`).
    pub words: Vec<String>,
    /// Index range of the run in the token slice (titles included).
    pub first: usize,
    pub last: usize,
    /// Words before the name that describe the person (`military expert`, `Rand`).
    pub descriptor: Vec<String>,
    /// The run ends in a possessive (`Putin’s war`): a modifier, not a subject.
    pub possessive: bool,
}

fn finish(mut run: Vec<(usize, &str)>) -> Option<NameRun> {
    if run.is_empty() {
        return None;
    }
    let first = run[0].0;
    let last = run[run.len() - 1].0;
    let possessive = is_possessive(run[run.len() - 1].1);
    // An organisation's possessive before a name is a descriptor: `Rand’s Charap`.
    let mut descriptor = Vec::new();
    if let Some(p) = run[..run.len() - 1].iter().rposition(|(_, w)| is_possessive(w)) {
        descriptor.push(run[..=p].iter().map(|(_, w)| strip_possessive(w)).collect::<Vec<_>>().join(" "));
        run.drain(..=p);
    }
    let mut titles = Vec::new();
    while run.len() > 1 && is_title(run[0].1) {
        titles.push(run[0].1);
        run.remove(0);
    }
    if !titles.is_empty() {
        descriptor.push(titles.join(" "));
    }
    let words: Vec<String> = run.iter().map(|(_, w)| strip_possessive(w).to_string()).collect();
    if words.is_empty() || words.len() > 4 || words.iter().any(|w| is_org_word(w) || is_title(w) && words.len() == 1) {
        return None;
    }
    Some(NameRun { words, first, last, descriptor, possessive })
}

/// Reads a name forwards from `i`, skipping up to four lower-case descriptor or title words
/// (`noted military expert Mikhail Khodarenok`).
pub fn run_forward(toks: &[Token<'_>], mut i: usize) -> Option<NameRun> {
    let mut lead = Vec::new();
    let mut skipped = 0;
    while i < toks.len() && toks[i].is_word() && !is_name_word(toks[i].text) && skipped < 5 {
        let w = toks[i].text;
        let lower_desc = w.chars().next().is_some_and(|c| c.is_lowercase()) && !is_cue_verb(w) && pronoun(w).is_none();
        if !(lower_desc || is_title(w)) {
            return None;
        }
        lead.push(w.to_string());
        i += 1;
        skipped += 1;
    }
    let mut run = Vec::new();
    while i < toks.len()
        && toks[i].is_word()
        && (is_name_word(toks[i].text)
            || is_title(toks[i].text) && toks[i].text.chars().next().is_some_and(char::is_uppercase))
    {
        run.push((i, toks[i].text));
        if is_possessive(toks[i].text) && !toks.get(i + 1).is_some_and(|t| t.is_word() && is_name_word(t.text)) {
            break;
        }
        i += 1;
    }
    let mut r = finish(run)?;
    let lead: Vec<String> = lead.into_iter().filter(|w| !matches!(w.as_str(), "a" | "an" | "the" | "of")).collect();
    if !lead.is_empty() {
        r.descriptor.insert(0, lead.join(" "));
    }
    Some(r)
}

/// Reads a name backwards ending at `i` (inclusive): `U.S. Secretary of State Antony Blinken`.
pub fn run_backward(toks: &[Token<'_>], i: usize) -> Option<NameRun> {
    let mut run = Vec::new();
    let mut j = i as isize;
    while j >= 0 {
        let t = &toks[j as usize];
        if t.is_word()
            && (is_name_word(t.text) || is_title(t.text) && t.text.chars().next().is_some_and(char::is_uppercase))
        {
            run.push((j as usize, t.text));
            j -= 1;
        } else {
            break;
        }
    }
    run.reverse();
    // Leading titles that are real words of the sentence ("The") were stopped above;
    // `finish` strips titles and descriptors.
    finish(run)
}
