//! Question understanding: raw text becomes a typed [`Question`] at the boundary (length and
//! emptiness checked once), then an [`Intent`] using the people the corpus knows.

use std::sync::LazyLock;

use regex::Regex;

use crate::error::{Error, Result};
use crate::quotes::{find_in_words, PersonId, Registry};
use crate::store::Outlets;
use crate::text::{all_words, fold, is_stopword, squash};

/// What reading a question needs to know of the corpus besides its people: the outlets'
/// words (`what did the post say` names a source), which outlet printed an article (`the bbc
/// russia editor` is someone a BBC article describes), and who has words of their own.
pub trait Sources: Outlets {
    /// The outlet's name as the article's front matter gives it.
    fn outlet_of(&self, article: &str) -> Option<String>;
    /// Whether someone has words of their own (quotes, reported or authored) in the corpus.
    fn has_words(&self, id: PersonId) -> bool;
    /// Who is quoted right after the sentence that holds all of `words` best (`on Russian
    /// state television` then `… noted military expert Mikhail Khodarenok`): the one
    /// person quoted there, or nobody.
    fn quoted_after(&self, words: &[String]) -> Option<PersonId>;
}

/// A question that passed the boundary checks: non-empty, within the length limit, one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question(String);

impl Question {
    pub fn parse(raw: &str, max_chars: usize) -> Result<Question> {
        let q = squash(raw);
        let len = q.chars().count();
        if len == 0 {
            return Err(Error::EmptyQuestion);
        }
        if len > max_chars {
            return Err(Error::QuestionTooLong { len, max: max_chars });
        }
        Ok(Question(q))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What kind of fact a plain question wants, used to prefer sentences that hold one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    Duration,
    Amount,
    Count,
    Date,
    Place,
    /// A named work (`which song`): a title in quote marks.
    Title,
    /// `what is X`: a sentence that defines X.
    Definition,
    /// `who …`: a sentence that names people.
    Person,
    /// `why …`: a sentence that gives a reason or a purpose.
    Reason,
    /// `what happened …`, `how did … go`: a sentence that says how something turned out.
    Outcome,
    /// `what did the host ask`: a question the speaker put.
    Question,
    /// `who got the better deal, xi or putin`: a sentence that compares (`more … than`).
    Comparison,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// `what did X say about Y`, `X on Y`, descriptor forms (`the Rand expert`).
    SaidBy { speakers: Vec<PersonId>, topic: String },
    /// The asked-about speaker is no one the corpus knows: `what did Biden say …`.
    UnknownSpeaker { name: String, topic: String },
    /// `who said …`, `who called … a …`.
    WhoSaid { topic: String },
    /// `who is X`.
    WhoIs { person: PersonId },
    /// `who wrote the bbc piece`, `who reported from moscow`: the articles' bylines, and the
    /// sentences naming their authors (on `topic` first).
    WhoWrote { topic: String },
    /// `when did …`.
    When { topic: String },
    /// Everything else: find the sentence that answers it.
    Fact { topic: String, expect: Option<Expect> },
}

/// What a question asks, and the outlet it asks it of (`in the post's story, …`, `what did
/// npr report …`): folded words its name holds, empty for any outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub intent: Intent,
    pub outlet: Vec<String>,
}

const SPEECH_VERBS: &str = "say|said|says|think|thinks|thought|call|called|calls|predict|predicted|predicts|ask|asked|tell|told|warn|warned|mean|meant|compare|compared|liken|likened|describe|described|argue|argued|claim|claimed|note|noted|believe|believed|write|wrote|add|added|expect|expected|pledge|pledged|vow|vowed|conclude|concluded|insist|insisted|explain|explained|suggest|suggested|mention|mentioned|comment|commented|state|stated|reply|replied|want|wanted|hope|hoped|offer|offered|quote|praise|praised|criticize|criticized|highlight|highlighted|stress|stressed";

/// Verbs that only say "spoke", adding nothing to the topic.
const PLAIN_VERBS: &[&str] = &[
    "say",
    "said",
    "says",
    "tell",
    "told",
    "think",
    "thinks",
    "thought",
    "mean",
    "meant",
    "comment",
    "commented",
    "state",
    "stated",
    "mention",
    "mentioned",
    "quote",
    "add",
    "added",
    "note",
    "noted",
    "write",
    "wrote",
];

/// What someone said, asked as `what did X say`, `does X think`. The second auxiliary is a
/// whole word: `does washington think` is not `does was hington think`.
static SAID_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:what|how|why|did|does|has|have|in what way)\s+(?:(?:did|does|do|has|had|is|was|would|will)\s+)?(?P<who>.+?)\s+(?P<verb>{SPEECH_VERBS})\b(?P<rest>.*)$"
    ))
    .unwrap()
});
static SAID_BY_ALT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:show|give|find|list)\s+(?:me\s+)?)?(?:all\s+)?(?:quotes?|words|statements?|remarks?|comments?)\s+(?:from|by|of)\s+(?P<who>.+?)(?:\s+(?:about|on|regarding|concerning)\s+(?P<rest>.*))?$").unwrap()
});
static X_ON_Y: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<who>[^,]+?)(?:'s|s')?\s+(?:(?:take|views?|thoughts|opinions?|stance|perspective)\s+)?(?:on|about|regarding|quotes? (?:on|about))\s+(?P<rest>.+)$").unwrap()
});
/// `hass quote`, `muratov quotes`, `gabuev's remarks on the iceberg`, `show me putin quotes`.
static NAME_QUOTES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:show|give|find|list|get)\s+(?:me\s+)?)?(?:all\s+|some\s+|the\s+)?(?P<who>.+?)(?:'s)?\s+(?:quotes?|quotations?|remarks|comments|statements?|words)(?:\s+(?:on|about|regarding|concerning)\s+(?P<rest>.+))?$").unwrap()
});
/// `how does russia judge its partners, according to gabuev`, `according to the rand guy,
/// what …`: what that person said of the rest.
static ACCORDING_TO: LazyLock<[Regex; 2]> = LazyLock::new(|| {
    [
        Regex::new(r"^(?P<rest>.+?),?\s+according to (?P<who>[^,]+)$").unwrap(),
        Regex::new(r"^according to (?P<who>[^,]+),\s*(?P<rest>.+)$").unwrap(),
    ]
});
/// `why was blinken upset about xi's visit`, `why is charap worried about the us`: a feeling
/// someone has about a thing is told in what they said of it.
static WHY_FEELS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:why|how come)\s+(?:is|was|are|were|'s)\s+(?P<who>.+?)\s+(?:so\s+|that\s+)?(?:upset|angry|mad|annoyed|frustrated|unhappy|happy|pleased|worried|concerned|alarmed|nervous|skeptical|sceptical|optimistic|pessimistic|critical|hopeful|confident)\s+(?:about|with|at|over|by|of|on)\s+(?P<rest>.+)$").unwrap()
});
static WHO_SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:who|which (?:person|expert|analyst|official|leader|scholar|journalist))\s+(?:has\s+|had\s+)?(?:{SPEECH_VERBS})\b(?P<rest>.*)$")).unwrap()
});
static WHO_IS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:who\s+(?:is|was|'s)|tell me about|who's)\s+(?P<who>.+)$").unwrap());
/// Who someone is, asked by what they do or where: `whats charap's job`, `muratov's
/// background`, `what does gabuev do`, `where does wan work`, `who does hass work for`.
static WHO_IS_BY_WORK: LazyLock<[Regex; 4]> = LazyLock::new(|| {
    let noun = r"(?:job|role|title|occupation|profession|background|affiliation|employer|career)";
    [
        Regex::new(&format!(r"^(?:(?:what|whats|what's)(?:\s+(?:is|was|are))?\s+)?(?P<who>.+?)(?:'s|s'|')?\s+{noun}$"))
            .unwrap(),
        Regex::new(r"^what\s+(?:does|do)\s+(?P<who>.+?)\s+do(?:\s+for\s+(?:a\s+)?(?:living|work))?$").unwrap(),
        Regex::new(r"^where\s+(?:does|did|do)\s+(?P<who>.+?)\s+(?:work|teach|teaches)$").unwrap(),
        Regex::new(r"^who\s+(?:does|did|do)\s+(?P<who>.+?)\s+work\s+for$").unwrap(),
    ]
});
/// An outlet as the one speaking: `what did the washington post say about oil`, `what did
/// npr report`.
static OUTLET_SAYS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:what|how)\s+(?:did|does|has|do)\s+(?P<o>.+?)\s+(?P<verb>say|said|says|report|reported|reports|write|wrote|writes|publish|published|cover|covered|describe|describes|described|characteri[sz]e|characteri[sz]es|characteri[sz]ed|portray|portrays|portrayed)\b(?P<rest>.*)$").unwrap()
});
/// An outlet's piece named anywhere as where to look: `in the post's story, what did putin
/// say`, `according to the bbc article, …`.
static IN_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<pre>.*?)\b(?:in|from|according to)\s+(?:the\s+|an?\s+)?(?P<o>[\w.&' -]+?)(?:'s)?\s+(?:stor(?:y|ies)|articles?|pieces?|reports?|coverage|interviews?|transcripts?|segments?|broadcasts?)\b[,:;]?\s*(?P<post>.*)$").unwrap()
});
/// An outlet's piece as the subject: `post story on taiwan`, `the bbc article about sanctions`.
static OUTLET_PIECE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:the\s+)?(?P<o>[\w.&' -]+?)(?:'s)?\s+(?:stor(?:y|ies)|articles?|pieces?|reports?|coverage|interviews?|transcripts?)\s+(?:on|about|of|regarding)\s+(?P<rest>.+)$").unwrap()
});

static WHEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:when|on what date|in what year|what year|what month|what day|which year|which month)\b(?P<rest>.*)$",
    )
    .unwrap()
});

/// Chat often puts the question word last (`ryan hass who`, `trade up by how much`,
/// `harbin where`): it is moved to the front, where every other rule reads it, and a name or
/// thing alone before `who` or `what` asks who or what it is. A question that already
/// starts with a question word or an auxiliary (`what did xi say when`) is left as typed.
fn question_word_first(q: &str) -> String {
    const LAST: &[&str] = &["how much", "how many", "how long", "when", "where", "who", "why", "what"];
    const OPENERS: &[&str] = &[
        "what", "whats", "what's", "who", "whos", "who's", "why", "how", "when", "where", "which", "whose", "did",
        "does", "do", "is", "are", "was", "were", "has", "have", "had", "can", "could", "will", "would", "should",
    ];
    const DOING: &[&str] =
        &["say", "said", "says", "think", "thinks", "thought", "want", "wants", "do", "did", "does", "mean", "means"];
    let body = q.trim().trim_end_matches(['?', '.', '!', ' ']);
    let words: Vec<&str> = body.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    if words.len() < 2 || OPENERS.contains(&folded[0].as_str()) {
        return q.to_string();
    }
    let Some(wh) = LAST.iter().find(|wh| {
        let n = wh.split(' ').count();
        words.len() > n && folded[words.len() - n..].join(" ") == **wh
    }) else {
        return q.to_string();
    };
    let rest = &words[..words.len() - wh.split(' ').count()];
    let last = folded[rest.len() - 1].as_str();
    let identity = matches!(*wh, "who" | "what") && rest.len() <= 3 && !DOING.contains(&last);
    if *wh == "what" && !identity {
        // `the china correspondent said what`: read as typed, a description with its words.
        return q.to_string();
    }
    let verb = if identity { " is" } else { "" };
    format!("{wh}{verb} {}", rest.join(" "))
}

fn clean(q: &str) -> String {
    let f = chat_spelling(&fold(q));
    f.trim().trim_end_matches(['?', '.', '!']).trim().to_string()
}

/// Chat spells its commonest words short or by ear (`wut did charap say`, `xi abt taiwan`,
/// `the georgia state prof`), and the question's shape is read from those words: each is
/// written out before anything else reads the question.
fn chat_spelling(q: &str) -> String {
    let typed: Vec<&str> = q.split_whitespace().collect();
    let after_call_sign = |i: usize| i > 0 && is_call_sign(typed[i - 1]);
    let words = typed.iter().copied().enumerate().filter_map(|(i, w)| {
        let core = w.trim_end_matches(['?', '.', '!', ',']);
        let full = match core {
            "wat" | "wut" | "wht" | "waht" | "whta" | "whut" => "what",
            "abt" | "bout" | "abut" | "abuot" => "about",
            "y" if i == 0 => "why",
            "u" => "you",
            "prof" => "professor",
            "profs" => "professors",
            // Chat's short forms of the words news spells out.
            "govt" | "gov" | "gvt" => "government",
            "govts" | "govs" => "governments",
            "pm" => "prime minister",
            "pms" => "prime ministers",
            // `russian fm?`: the foreign minister, as headlines shorten him; after a station's
            // call sign (`wkno fm`) it is the radio band.
            "fm" if !after_call_sign(i) => "foreign minister",
            "fms" => "foreign ministers",
            "ppl" => "people",
            "w" | "w/" if i > 0 => "with",
            "b4" => "before",
            "r" if i > 0 => "are",
            "bc" | "cuz" | "coz" | "bcuz" | "becuz" => "because",
            "thru" => "through",
            "intl" => "international",
            "econ" => "economy",
            "admin" => "administration",
            "yr" => "year",
            "yrs" => "years",
            "acc" => "according",
            "pres" => "president",
            // `the ex nsc director`: chat's `ex` before a word is news's `former`.
            "ex" if i > 0 && core.len() == w.len() => "former",
            // A small ordinal typed in digits (`xi's 3rd term`): news spells it out.
            "1st" => "first",
            "2nd" => "second",
            "3rd" => "third",
            "4th" => "fourth",
            "5th" => "fifth",
            "6th" => "sixth",
            "7th" => "seventh",
            "8th" => "eighth",
            "9th" => "ninth",
            "10th" => "tenth",
            "whos" => "who's",
            "whats" => "what's",
            "hows" => "how's",
            "wheres" => "where's",
            // A negation typed without its apostrophe (`why hasnt china …`).
            "hasnt" => "hasn't",
            "havent" => "haven't",
            "hadnt" => "hadn't",
            "didnt" => "didn't",
            "doesnt" => "doesn't",
            "dont" => "don't",
            "isnt" => "isn't",
            "arent" => "aren't",
            "wasnt" => "wasn't",
            "werent" => "weren't",
            "wont" => "won't",
            "cant" => "can't",
            "couldnt" => "couldn't",
            "wouldnt" => "wouldn't",
            "shouldnt" => "shouldn't",
            // Outlets go by nicknames in chat; an outlet is found by the words of its name.
            "wapo" | "washpost" => "washington post",
            "nyt" => "new york times",
            "wsj" => "wall street journal",
            "scmp" => "south china morning post",
            "beeb" => "bbc",
            // A please says nothing of what is asked.
            "pls" | "plz" => return (core.len() < w.len()).then(|| w[core.len()..].to_string()),
            // `ex-nsc`: the prefix too.
            _ if core.len() > 3 && core.starts_with("ex-") => {
                return Some(format!("former {}", &w[3..]));
            }
            _ => {
                return Some(
                    misspelled_place(core).map_or_else(|| w.to_string(), |p| format!("{p}{}", &w[core.len()..])),
                )
            }
        };
        Some(format!("{full}{}", &w[core.len()..]))
    });
    words.collect::<Vec<_>>().join(" ")
}

/// A radio station's call sign (`wkno`, `kqed`: four letters opening with w or k, as North
/// American stations are named) or its frequency (`89.1`), which `fm` follows as the band.
fn is_call_sign(w: &str) -> bool {
    let w = w.trim_end_matches([',', '\'']);
    (w.len() == 4 && (w.starts_with('w') || w.starts_with('k')) && w.chars().all(|c| c.is_ascii_lowercase()))
        || (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

/// The country or people a word one letter away from its name spells (`ukrane`, `rusia`,
/// `chineese`): chat mistypes the places it asks of, and a place is found only by its name.
/// Only names of six letters or more (shorter ones sit one letter from common words), with
/// the typed first letter, and never a word that is itself a place's name, a word for its
/// people or its plural.
fn misspelled_place(w: &str) -> Option<&'static str> {
    if w.chars().count() < 5 || !w.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let names = || PLACES.iter().flat_map(|(place, people, _)| place.iter().chain(people.iter()).copied());
    if names().any(|n| n == w || w.strip_suffix('s') == Some(n)) {
        return None;
    }
    // The first letter is kept: `roland` is a name, not `poland` mistyped.
    names()
        .filter(|n| n.len() >= 6 && n.as_bytes()[0] == w.as_bytes()[0])
        .find(|n| crate::text::edit_distance(n, w) == 1)
}

/// Content words of a phrase (for descriptor matching and topic building), without the
/// words chat uses for "someone" (`the nobel guy`, `that Rand woman`).
fn content_words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\'').trim_end_matches("'s").to_string())
        .filter(|w| !w.is_empty() && !is_stopword(w) && !is_filler(w))
        .collect()
}

/// The hyphenated words of a phrase, whole (`holtz-eakin`).
fn hyphenated_words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| w.contains('-') && w.split('-').all(|h| !h.is_empty()))
        .map(crate::text::fold)
        .collect()
}

/// Words that name nobody in particular: `the guy`, `that woman`, `the person`.
fn is_filler(w: &str) -> bool {
    matches!(
        w,
        "guy"
            | "guys"
            | "man"
            | "woman"
            | "lady"
            | "dude"
            | "fella"
            | "fellow"
            | "chap"
            | "bloke"
            | "gal"
            | "person"
            | "someone"
            | "somebody"
            | "folks"
    )
}

/// A word for people in general or by their role (`analysts`, `officials`, `everyone`),
/// singular or plural: never a name.
fn is_medium(w: &str) -> bool {
    matches!(w, "tv" | "television" | "radio" | "newspaper" | "newspapers" | "broadcaster" | "channel" | "channels")
}

fn is_group_noun(w: &str) -> bool {
    let one = w.strip_suffix('s').filter(|s| s.len() >= 3).unwrap_or(w);
    is_role_word(w)
        || is_role_word(one)
        || matches!(
            one,
            "official"
                | "critic"
                | "observer"
                | "people"
                | "everyone"
                | "everybody"
                | "other"
                | "spokesperson"
                | "spokesman"
                | "spokeswoman"
                | "source"
                | "government"
                | "ministry"
                | "media"
                | "press"
                | "commentator"
                | "pundit"
                | "insider"
                | "author"
                | "witness"
                | "resident"
                | "citizen"
                | "politician"
                | "lawmaker"
                | "legislator"
        )
}

const ROLE_GROUPS: &[&[&str]] = &[
    &["expert", "analyst", "scholar", "fellow", "watcher", "specialist", "researcher", "academic", "professor"],
    &["laureate", "winner", "prize", "nobel"],
    &["editor", "correspondent", "journalist", "reporter"],
    &["diplomat", "secretary", "minister", "official"],
    &["leader", "president", "premier"],
];

fn is_role_word(w: &str) -> bool {
    ROLE_GROUPS.iter().any(|g| g.contains(&w)) || matches!(w, "senior" | "top" | "leading" | "military")
}

/// Near-synonyms for the role words people use in descriptor questions.
fn role_matches(asked: &str, word: &str) -> bool {
    asked == word
        || (asked.len() >= 5 && word.starts_with(asked))
        || ROLE_GROUPS.iter().any(|g| g.contains(&asked) && g.contains(&word))
}

/// One word that names nobody may abbreviate an organisation (`the icc`): the one whose
/// name's initials spell it, when exactly one does.
fn abbreviation(words: &[String], people: &dyn Registry) -> Option<PersonId> {
    let [w] = words else { return None };
    if !(3..=6).contains(&w.len()) || !w.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    match people.abbreviated(w).as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// People a phrase names: by name (typos tolerated) or, failing that, by descriptor
/// (`the Rand expert`, `the Nobel laureate`).
pub fn resolve_people(phrase: &str, people: &dyn Registry) -> Vec<PersonId> {
    resolve(phrase, people, None)
}

/// [`resolve_people`], with what else the corpus knows (`sources`) to tell people apart.
fn resolve(phrase: &str, people: &dyn Registry, sources: Option<&dyn Sources>) -> Vec<PersonId> {
    // `the guy who works at brookings`: a relative clause describes whom its head names; a name
    // inside it (`the man who advised putin`) is someone else.
    if let Some(words) = relative_clause(phrase) {
        return if words.is_empty() {
            Vec::new()
        } else {
            by_descriptor(&abbreviations_spelled_out(words, people), people, sources)
        };
    }
    let words = content_words(phrase);
    if words.is_empty() {
        return family_name_as_common_word(phrase, people);
    }
    // A word for someone (`the carnegie guy`) asks for a person, whatever else the phrase
    // names: an organisation it names is where that person is.
    let someone = all_words(phrase).iter().any(|w| is_filler(w));
    let all_organisations = |ids: &[PersonId]| {
        ids.iter().all(|id| people.person(*id).is_some_and(|p| p.kind != crate::quotes::Kind::Person))
    };
    // `Holtz-Eakin`: a hyphenated family name is one word of the name; its halves may name
    // other people (`Lopez`), so the whole word is asked first.
    let compounds = hyphenated_words(phrase);
    let mut by_name: Vec<PersonId> = if compounds.is_empty() {
        Vec::new()
    } else {
        let joined: Vec<String> = words
            .iter()
            .filter(|w| !compounds.iter().any(|c| c.split('-').any(|h| h == w.as_str())))
            .cloned()
            .chain(compounds.iter().cloned())
            .collect();
        find_in_words(people, &joined).into_iter().map(|(id, _)| id).collect()
    };
    if by_name.is_empty() {
        by_name = find_in_words(people, &words).into_iter().map(|(id, _)| id).collect();
    }
    // An organisation named in full (`georgia state university`) outranks one the phrase
    // names only by the word that ends both names (`university`).
    let in_full = |id: &PersonId| {
        people.person(*id).is_some_and(|p| p.kind != crate::quotes::Kind::Person && p.named_in_full_by(&words))
    };
    if by_name.iter().any(in_full) {
        by_name.retain(|id| in_full(id) || is_person(people, *id));
    }
    if !by_name.is_empty() {
        // `the east china normal university professor` names a university but asks for
        // someone who works there: a person's word for its head, outside every organisation's
        // name, makes it a descriptor when one person fits it.
        let head = words.last().expect("words is not empty");
        let only_organisations = by_name.iter().all(|id| {
            people.person(*id).is_some_and(|p| p.kind != crate::quotes::Kind::Person && !p.words.contains(head))
        });
        if (only_organisations && is_group_noun(head)) || (someone && all_organisations(&by_name)) {
            let described = by_descriptor(&words, people, sources);
            if !described.is_empty() {
                return described;
            }
        }
        return by_name;
    }
    if let Some(one) = abbreviation(&words, people) {
        // `the nsc guy`: someone the articles place at the organisation the letters spell.
        if someone {
            if let Some(org) = people.person(one) {
                let described = by_descriptor(&org.words, people, sources);
                if !described.is_empty() {
                    return described;
                }
            }
        }
        return vec![one];
    }
    if !someone && is_a_seat_of_government(&words) {
        return Vec::new();
    }
    by_descriptor(&abbreviations_spelled_out(words, people), people, sources)
}

/// `does washington think`, `what does moscow say`: a capital alone, as the one speaking, is
/// news language for its government, not for someone the articles place there (an analyst
/// "in Washington", a correspondent "based in Moscow"). With a word for a person (`the moscow
/// guy`) it describes someone.
fn is_a_seat_of_government(words: &[String]) -> bool {
    !words.is_empty() && words.iter().all(|w| !seat_of(w).is_empty())
}

/// `what did Will say`, `what did may say`: a family name that is also a common word (the
/// columnist George Will, Theresa May) is dropped by a stop list, yet where a question asks
/// for a speaker it can be no verb. A phrase of that one word names the people whose family
/// name it is, when the articles give their name in full.
fn family_name_as_common_word(phrase: &str, people: &dyn Registry) -> Vec<PersonId> {
    let words = all_words(phrase);
    let [w] = words.as_slice() else { return Vec::new() };
    let w = fold(w);
    people
        .named(&w)
        .into_iter()
        .filter(|&id| people.person(id).is_some_and(|p| is_person(people, id) && p.words.len() > 1 && p.surname() == w))
        .collect()
}

/// `the former nsc official`: letters that abbreviate an organisation stand, in a
/// description, for the words of its name, as the articles describe people by it.
fn abbreviations_spelled_out(words: Vec<String>, people: &dyn Registry) -> Vec<String> {
    words
        .into_iter()
        .flat_map(|w| match abbreviation(std::slice::from_ref(&w), people).and_then(|id| people.person(id)) {
            Some(org) if people.named(&w).is_empty() => org.words.iter().filter(|o| !is_stopword(o)).cloned().collect(),
            _ => vec![w],
        })
        .collect()
}

/// The describing words of a phrase whose head a relative clause describes (`the journalist
/// who won the nobel`, `the guy who works at brookings`, `the analyst who used to be on the
/// nsc`): the head's words, then the clause's, its verb turned into the word news describes
/// people by (won → winner, heads → director, advised → adviser) or dropped where it only
/// places them (works at, used to be on). `None` when no `who`/`that` opens a clause with a
/// verb of these kinds (`that rand guy`).
fn relative_clause(phrase: &str) -> Option<Vec<String>> {
    let words = all_words(phrase);
    let at = words.iter().position(|w| w == "who" || w == "that")?;
    let (head, clause) = (&words[..at], &words[at + 1..]);
    let verb = clause.first()?;
    let agent: Option<&str> = match verb.as_str() {
        "is" | "was" | "works" | "worked" | "work" | "sits" | "sat" | "serves" | "served" | "teaches" | "taught"
        | "writes" | "wrote" | "used" | "appeared" | "appears" | "spoke" | "speaks" | "talked" | "talks" => None,
        "won" | "wins" | "win" => Some("winner"),
        "heads" | "headed" | "runs" | "ran" | "leads" | "led" | "directs" | "directed" => Some("director"),
        "advises" | "advised" => Some("adviser"),
        "covers" | "covered" | "reports" | "reported" => Some("correspondent"),
        "hosts" | "hosted" => Some("host"),
        _ => return None,
    };
    // `used to be`, `used to work`: the clause's other verbs only place them too.
    let placing = |w: &String| matches!(w.as_str(), "be" | "been" | "work" | "worked" | "now" | "still" | "once");
    let head = content_words(&head.join(" "));
    let rest = content_words(&clause[1..].join(" ")).into_iter().filter(|w| !placing(w));
    Some(head.into_iter().chain(agent.map(String::from)).chain(rest).collect())
}

/// The one person a descriptor phrase's content words fit (`the Rand expert`, `the Nobel
/// laureate`), or nobody.
fn by_descriptor(words: &[String], people: &dyn Registry, sources: Option<&dyn Sources>) -> Vec<PersonId> {
    // Descriptor: every asked word must fit a word of the person's descriptors. Only people
    // with a word some asked word fits (exactly, as a prefix, or as a near-synonym role) can
    // weigh anything, so only they are looked at.
    let mut ids: Vec<PersonId> = Vec::new();
    for a in words {
        // A long word fits the words it begins (which include itself), a short one only itself.
        ids.extend(people.described(a, a.len() >= 5));
        for country in seat_of(a).into_iter().chain(place_of_adjective(a)) {
            ids.extend(people.described(country, false));
        }
        for g in ROLE_GROUPS.iter().filter(|g| g.contains(&a.as_str())) {
            for w in g.iter().filter(|w| **w != a.as_str()) {
                ids.extend(people.described(w, false));
            }
        }
    }
    ids.sort_unstable();
    ids.dedup();
    // Which asked words are an outlet's, and each article's outlet, looked up once.
    let outlet_words: Vec<&str> =
        words.iter().map(String::as_str).filter(|w| sources.is_some_and(|s| s.outlet_word(w))).collect();
    let article_outlets: std::cell::RefCell<std::collections::HashMap<String, Vec<String>>> = Default::default();
    let mut best: Vec<(PersonId, usize, usize)> = Vec::new();
    // Two people fitting every asked word tie at the top whoever else fits: nobody is picked,
    // so the rest need not be read (a common role word may describe thousands).
    let fits_all: usize =
        words.iter().enumerate().map(|(i, w)| if is_role_word(w) && i + 1 < words.len() { 2 } else { 4 }).sum();
    for id in ids {
        let full: Vec<PersonId> = best.iter().filter(|(_, w, _)| *w == fits_all).map(|(id, _, _)| *id).collect();
        if full.len() >= 2 && sources.is_none_or(|s| full.iter().filter(|id| s.has_words(**id)).count() >= 2) {
            return Vec::new();
        }
        // Descriptors describe people; an organisation is found by its name above.
        let Some(p) = people.person(id).filter(|p| p.kind == crate::quotes::Kind::Person) else { continue };
        let pool = p.description_words();
        // An outlet's word (`the bbc russia editor`) fits someone an article of that outlet
        // describes.
        let in_outlet = |a: &str| {
            sources.is_some_and(|s| {
                outlet_words.contains(&a)
                    && p.descriptors.iter().any(|d| {
                        let mut outlets = article_outlets.borrow_mut();
                        let words = outlets.entry(d.article.clone()).or_insert_with(|| {
                            s.outlet_of(&d.article).map(|o| all_words(&fold(&o))).unwrap_or_default()
                        });
                        words.iter().any(|w| w == a)
                    })
            })
        };
        // A government's seat (`the kremlin leader`) fits, less well, whom the country's
        // words describe.
        let fits = |a: &str| pool.iter().any(|w| role_matches(a, w));
        // So does a place's adjective (`the chinese professor`) whom its name describes (`at
        // East China Normal University`).
        let seat_fits = |a: &str| {
            !fits(a)
                && pool.iter().any(|w| seat_of(a).contains(&w.as_str()) || place_of_adjective(a).contains(&w.as_str()))
        };
        // Where someone was written of counts only for someone the description's head fits.
        let head = words.last().expect("words is not empty");
        // A role word for head (`the npr moscow correspondent`) fits someone no role of
        // another kind describes (a correspondent is no China watcher).
        let head_fits = fits(head)
            || (is_role_word(head)
                && !pool
                    .iter()
                    .any(|w| ROLE_GROUPS.iter().any(|g| g.contains(&w.as_str()) && !g.contains(&head.as_str()))));
        let matched: Vec<&String> =
            words.iter().filter(|a| fits(a) || seat_fits(a) || (a != &head && head_fits && in_outlet(a))).collect();
        // An institution's word left over (`the washington post`, `the Rand council`) makes
        // the phrase name an organisation, not describe this person.
        let names_an_institution = words.iter().any(|a| {
            !matched.contains(&a)
                && (crate::quotes::names::is_institution_word(a) || crate::quotes::names::is_org_noun(a))
        });
        // A specific word left over says this is someone else: `the former defense minister`
        // is not a foreign minister, whatever roles they share.
        if words.iter().any(|a| !is_role_word(a) && !matched.contains(&a)) {
            continue;
        }
        // A specific word (`Brookings`) tells more than a role word (`analyst`).
        // A role word said as the text says it (`scholar`) tells more than its near-synonym
        // (`professor`).
        let weight: usize = matched
            .iter()
            .map(|a| match is_role_word(a) {
                false if fits(a) => 4,
                false if seat_fits(a) => 2,
                // Where someone was written of tells less than how they were described.
                false => 1,
                // The head said as the text says it (`the chinese professor` of "an associate
                // professor") tells what someone is as well as a specific word.
                true if *a == head && pool.iter().any(|w| w == *a) => 4,
                true if pool.iter().any(|w| w == *a || (a.len() >= 5 && w.starts_with(a.as_str()))) => 2,
                true => 1,
            })
            .sum();
        if weight > 0 && !names_an_institution {
            best.push((id, weight, matched.len()));
        }
    }
    let top = best.iter().map(|(_, w, _)| *w).max().unwrap_or(0);
    let mut winners: Vec<(PersonId, usize)> =
        best.iter().filter(|(_, w, _)| *w == top).map(|(id, _, n)| (*id, *n)).collect();
    // A description that fits two people alike (`the chinese leader`: a president and a
    // premier) asks for the one who has words in the corpus, when only one has.
    if winners.len() > 1 {
        if let Some(s) = sources {
            let speaking: Vec<(PersonId, usize)> = winners.iter().copied().filter(|(id, _)| s.has_words(*id)).collect();
            if speaking.len() == 1 {
                winners = speaking;
            }
        }
    }
    // A descriptor must pick one person, fit all but at most one asked word, and rest on
    // more than one generic role word (`the Brookings analyst`, not just `the analyst`). The
    // last word is the head of the phrase (`the npr host` is a host): unless it is a generic
    // role word, which people use loosely (a Brookings fellow is "the Brookings analyst"), it
    // must fit.
    // `Antony Blinken` in one article and `Blinken` in another (a family name alone is read
    // only within its article): one name inside the other, the same person as the text
    // writes them, all asked for together.
    let one_person_twice = winners.len() > 1 && {
        let names: Vec<Vec<String>> =
            winners.iter().filter_map(|(id, _)| people.person(*id)).map(|p| p.words.clone()).collect();
        let longest = names.iter().max_by_key(|n| n.len()).cloned().unwrap_or_default();
        names.len() == winners.len()
            && names.iter().all(|n| n.last() == longest.last() && n.iter().all(|w| longest.contains(w)))
    };
    let head = words.last().expect("words is not empty");
    let fits_head = |id: PersonId| {
        is_role_word(head)
            || people.person(id).is_some_and(|p| p.description_words().iter().any(|w| role_matches(head, w)))
    };
    if (winners.len() == 1 || one_person_twice)
        && winners[0].1 + 1 >= words.len()
        && (top >= 3 || words.len() == 1)
        && fits_head(winners[0].0)
    {
        winners.iter().map(|(id, _)| *id).collect()
    } else {
        Vec::new()
    }
}

/// Whether the subject phrase of `what did X say` names a person-like thing we don't know
/// (a capitalised word in the original question), rather than, say, "the joint statement".
fn unknown_name(original: &str, who: &str) -> Option<String> {
    let who_words = all_words(who);
    // `analysts`, `the officials`, `everyone`: people, but no one's name; nor is a medium
    // (`russian tv`), which speaks for whoever is on it.
    if content_words(who).iter().any(|w| is_group_noun(w) || is_medium(w)) {
        return None;
    }
    let caps: Vec<&str> = original
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter(|w| who_words.iter().any(|x| fold(w).trim_end_matches("'s") == x))
        .collect();
    if !caps.is_empty() {
        return Some(caps.join(" "));
    }
    // All lower case: a one- or two-word subject that is not a common phrase reads as a name.
    let content = content_words(who);
    (!content.is_empty() && content.len() <= 2 && content.len() == who_words.len()).then(|| content.join(" "))
}

static TITLE_QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(which|what) (song|film|movie|book|music|tune|anthem|name|slogan|nickname)").unwrap()
});
static DEFINITION_QUESTION: LazyLock<[Regex; 2]> = LazyLock::new(|| {
    [Regex::new(r"^(what|who) (is|are|was|were) [^ ]+$").unwrap(), Regex::new(r"^what (is|are|was|were) ").unwrap()]
});

/// `how does the post describe taiwan`, `how did npr characterize him`: what the text calls
/// something, a description of it, as `what is X` asks.
static DESCRIBE_QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^how (?:do|does|did|would) .+ (?:describe|describes|described|characteri[sz]e|portray)\b").unwrap()
});

fn expect_for(q: &str) -> Option<Expect> {
    let starts = |p: &str| q.starts_with(p);
    if starts("how long") || q.contains("how many hours") || q.contains("how many days") {
        Some(Expect::Duration)
    } else if starts("how much")
        || asks_a_size(q)
        || q.contains(" worth")
        || q.contains(" cost")
        || q.contains("value of")
    {
        Some(Expect::Amount)
    } else if starts("how many") || starts("how often") {
        // `how often have they met`: news gives how often as a count of times.
        Some(Expect::Count)
    } else if starts("when") || starts("what year") || starts("what date") {
        Some(Expect::Date)
    } else if starts("where") {
        Some(Expect::Place)
    } else if REASON_NOUN.is_match(q) {
        // Before the definitions: `what is the reason …` asks why, not what a reason is.
        Some(Expect::Reason)
    } else if TITLE_QUESTION.is_match(q) {
        Some(Expect::Title)
    } else if (DEFINITION_QUESTION.iter().any(|r| r.is_match(q)) && !asks_which_one(q) && !asks_what_is_done(q))
        || DESCRIBE_QUESTION.is_match(q)
    {
        Some(Expect::Definition)
    } else if offers_a_choice(q) {
        Some(Expect::Comparison)
    } else if (starts("who ") && !asks_whom(q)) || starts("which people") || starts("which officials") {
        Some(Expect::Person)
    } else if starts("why ") || starts("for what reason") || starts("what for") || q.starts_with("how come") {
        Some(Expect::Reason)
    } else if (starts("what happened") && !AT_A_TIME.is_match(q))
        || starts("what came of")
        || starts("what was the outcome")
        || starts("what was the result")
        || starts("how did") && (q.ends_with(" go") || q.contains(" turn out") || q.contains(" end"))
    {
        Some(Expect::Outcome)
    } else if (starts("did ") || starts("was ") || starts("were ") || starts("has ") || starts("have "))
        && ACHIEVED.is_match(q)
    {
        // `did the summit achieve anything`, `was it a success`: how it turned out.
        Some(Expect::Outcome)
    } else if (starts("what did") || starts("what was")) && ASKED.is_match(q) {
        Some(Expect::Question)
    } else {
        None
    }
}

/// `what's china's reason for not sending weapons`, `what were putin's motives`: a why asked
/// by its noun.
static REASON_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:what|whats|what's)\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:\S+\s+)?(?:main\s+|real\s+)?(?:reasons?|motives?|motivations?|rationale)\b").unwrap()
});

/// `how big is china russia trade`, `how large were the sales`: the size of something, which
/// news gives as an amount (`$240 billion`); not `how big a deal`, which asks of its weight.
fn asks_a_size(q: &str) -> bool {
    static SIZE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^how (?:big|large|huge|sizable|sizeable) (?:is|are|was|were|has|have|had)\b").unwrap()
    });
    SIZE.is_match(q)
}

/// `what were they going to sign`, `what are they discussing`, `what were the military guys
/// doing at the talks`: after `what is`, a subject pronoun, `doing` or `going to` makes the
/// rest a clause of its own whose object is asked, not a thing to define.
fn asks_what_is_done(q: &str) -> bool {
    let words: Vec<&str> = q.split_whitespace().skip(2).collect();
    let subject = words.first().is_some_and(|w| matches!(*w, "they" | "he" | "she" | "we" | "you" | "i"));
    subject
        || words.windows(2).any(|p| p == ["going", "to"])
        || words.iter().any(|w| matches!(*w, "doing" | "gonna"))
        || subject_then_progressive(&words)
}

/// `what is russia offering china`, `what are they giving`: a bare subject (a name, no
/// article or possessive) then a verb in `-ing` is a clause in the progressive, whose object
/// is asked; `what is the shipping route` and `what is china's thinking` name a thing.
fn subject_then_progressive(words: &[&str]) -> bool {
    let [subject, verb, ..] = words else { return false };
    let bare =
        !matches!(*subject, "the" | "a" | "an" | "this" | "that" | "these" | "those" | "his" | "her" | "their" | "its")
            && !subject.ends_with("'s")
            && !subject.ends_with('’');
    let progressive = verb.len() >= 5
        && verb.ends_with("ing")
        && !matches!(
            *verb,
            "thing"
                | "something"
                | "anything"
                | "nothing"
                | "everything"
                | "meeting"
                | "morning"
                | "evening"
                | "building"
                | "spring"
        );
    bare && progressive
}

/// `what happened 3 weeks before the meeting`, `what happened after the summit`: the event at
/// a time, not how something turned out.
static AT_A_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^what happened (?:(?:\S+ )?(?:days?|weeks?|months?|years?) (?:before|after|earlier|later|ago)\b|(?:before|after|during) )").unwrap()
});

/// Whether `who` is what the question's verb acts on (`who does chinese tv blame`, `who did
/// blinken warn`): its answer is whoever or whatever is acted on (the West, China), often no
/// person's name; `who did it` and `who is` ask for the one who does or is.
fn asks_whom(q: &str) -> bool {
    let words: Vec<&str> = q.split_whitespace().collect();
    matches!(words.as_slice(), ["who", "do" | "does" | "did" | "will" | "would", _, _, ..])
}

/// Whether a `what is` question asks which one stands out (`what is russia's biggest oil
/// customer`, `what's the main problem`): the answer names it, it need not define it.
fn asks_which_one(q: &str) -> bool {
    const RANKING: &[&str] = &[
        "biggest",
        "largest",
        "greatest",
        "highest",
        "lowest",
        "strongest",
        "closest",
        "smallest",
        "longest",
        "oldest",
        "newest",
        "latest",
        "richest",
        "fastest",
        "most",
        "least",
        "main",
        "top",
        "best",
        "worst",
        "primary",
        "chief",
        "leading",
        "key",
    ];
    q.split(|c: char| !c.is_alphanumeric()).any(|w| RANKING.contains(&w))
}

/// Whether a question ends on two choices (`who got the better deal xi or putin`, `which
/// matters more, trade or war`): what answers it weighs one against the other.
fn offers_a_choice(q: &str) -> bool {
    static CHOICE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:who|which|what|whose|is|are|does|do|did)\b.*\s[\w']+,?\s+or\s+[\w']+$").unwrap()
    });
    CHOICE.is_match(q)
}

/// What a yes-or-no question asks of how something turned out.
static ACHIEVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(achieve|accomplish|produce|yield|result in|lead to|succeed|success|successful|come of|come out of|came out of|agree on|get anywhere|go anywhere)\b").unwrap()
});

/// The verbs of `what did the host ask …`: the question wants the questions someone put.
pub(crate) const ASKING: &[&str] = &["ask", "asks", "asked"];
static ASKED: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"\b({})\b", ASKING.join("|"))).unwrap());

/// The folded words of `phrase` if, taken together, they name an outlet of the corpus and
/// nothing else: every content word is in some outlet's name, none is a quoted person's name,
/// and the phrase is no country or body (`china` in `China Daily` still means China).
fn outlet_named(phrase: &str, people: &dyn Registry, outlets: &dyn Outlets) -> Option<Vec<String>> {
    let mut words = content_words(phrase);
    // `the npr reporters`, `the post's journalists`: its people together are the outlet (one
    // of them, `the npr host`, is someone).
    if words.len() >= 2 && words.last().is_some_and(|w| is_staff(w)) {
        words.pop();
    }
    if words.is_empty() || words.len() > 5 || is_place_or_group(&words.join(" ")) {
        return None;
    }
    // `any news on power of siberia`: news alone is the common noun, not `BBC News`.
    if words == ["news"] {
        return None;
    }
    let all = words.iter().all(|w| outlets.outlet_word(w) && people.named(w).is_empty());
    all.then_some(words)
}

/// A plural word for those who make an outlet's reporting.
fn is_staff(w: &str) -> bool {
    matches!(
        w,
        "reporters"
            | "journalists"
            | "correspondents"
            | "writers"
            | "editors"
            | "staff"
            | "hosts"
            | "team"
            | "newsroom"
    )
}

/// Reads a question against the people and outlets the corpus knows: its intent, and the
/// outlet it restricts the answer to.
pub fn understand(question: &Question, people: &dyn Registry, sources: &dyn Sources) -> Reading {
    let question = &Question(possessives(&question_word_first(without_interjection(question.as_str())), people));
    let q = clean(question.as_str());
    if let Some(asked) = authorship_asked(&q) {
        let (outlet, topic) = outlet_and_topic(asked, people, sources);
        // `who wrote the joint statement` asks who made a statement, not an article's byline:
        // what was written must be a piece, an outlet's, or nothing named.
        let of_a_piece = !outlet.is_empty() || topic.is_empty() || content_words(asked).iter().any(|w| is_piece(w));
        if of_a_piece || !WROTE.is_match(&q) || REPORTED_FROM.is_match(&q) {
            return Reading { intent: Intent::WhoWrote { topic }, outlet };
        }
    }
    if let Some(c) = OUTLET_SAYS.captures(&q) {
        if let Some(outlet) = outlet_named(&c["o"], people, sources) {
            let rest = c["rest"].trim().to_string();
            // `how does npr describe harbin`: what the outlet calls it, a description.
            let describes = ["descri", "charact", "portray"].iter().any(|v| c["verb"].starts_with(v));
            let expect = if describes { Some(Expect::Definition) } else { expect_for(&rest) };
            return Reading { intent: Intent::Fact { topic: spelled_out(&rest, people), expect }, outlet };
        }
    }
    if let Some(c) = OUTLET_PIECE.captures(&q) {
        if let Some(outlet) = outlet_named(&c["o"], people, sources) {
            let rest = c["rest"].trim().to_string();
            return Reading { intent: Intent::Fact { topic: spelled_out(&rest, people), expect: None }, outlet };
        }
    }
    // `npr on arms sales`: an outlet's name alone before `on` is whose reporting is asked
    // for, not someone its articles describe (its correspondent, its host).
    if let Some(c) = X_ON_Y.captures(&q) {
        if let Some(outlet) = outlet_named(&c["who"], people, sources) {
            let rest = c["rest"].trim().to_string();
            return Reading { intent: Intent::Fact { topic: spelled_out(&rest, people), expect: None }, outlet };
        }
    }
    if let Some(c) = IN_OUTLET.captures(&q) {
        if let Some(outlet) = outlet_named(&c["o"], people, sources) {
            let rest = squash(&format!("{} {}", &c["pre"], &c["post"]));
            let rest = rest.trim_matches([',', ';', ':', ' ']);
            if !rest.is_empty() {
                // Read from the folded question: a name unknown to the corpus is still told
                // by `unknown_name`'s lower-case rule, not by its capitals.
                let asked = Question(rest.to_string());
                return Reading { intent: intent_of(&asked, people, sources), outlet };
            }
        }
    }
    // `why hasn't china sent weapons, according to the bbc`, `per npr, who went to dinner`: an
    // outlet that the rest is told by, with no piece named, restricts the answer to its
    // reporting as `in the bbc's article` does.
    for c in ACCORDING_TO.iter().chain(PER.iter()).chain(SOURCE_LABEL.iter()).filter_map(|re| re.captures(&q)) {
        if let Some(outlet) = outlet_named(&c["who"], people, sources) {
            let asked = Question(c["rest"].trim().to_string());
            return Reading { intent: intent_of(&asked, people, sources), outlet };
        }
    }
    Reading { intent: intent_of(question, people, sources), outlet: Vec::new() }
}

/// A word after which a question's topic follows (`gabuev on …`, `xi about …`).
fn opens_topic(w: &str) -> bool {
    matches!(w, "on" | "about" | "regarding" | "concerning")
}

/// `per the post, …` and `…, per npr`: chat's short `according to`.
static PER: LazyLock<[Regex; 2]> = LazyLock::new(|| {
    [
        Regex::new(r"^(?P<rest>.+?),?\s+per (?P<who>[^,]+)$").unwrap(),
        Regex::new(r"^per (?P<who>[^,]+),\s*(?P<rest>.+)$").unwrap(),
    ]
});

/// `bbc: why is china so important to russia`, `npr - who went to dinner`: chat labels a
/// question with its source as a headline does, the outlet before a colon or a dash; what
/// follows is asked of its reporting, as after `according to`. (Not an outlet, the label is
/// read with the rest: `xi: what did he promise` stays a question about Xi.)
static SOURCE_LABEL: LazyLock<[Regex; 2]> = LazyLock::new(|| {
    [
        Regex::new(r"^(?P<who>[^:,]+?)\s*:\s*(?P<rest>.+)$").unwrap(),
        Regex::new(r"^(?P<who>[^:,]+?)\s+[-–—]+\s+(?P<rest>.+)$").unwrap(),
    ]
});

/// Chat opens a question with a word that only sets its tone (`wait who is gabuev`, `ok so
/// did china help russia`, `hey, what did xi say`): the question is what follows it.
fn without_interjection(q: &str) -> &str {
    let mut rest = q.trim_start();
    loop {
        let end = rest.find(|c: char| c.is_whitespace() || c == ',').unwrap_or(rest.len());
        let word = fold(&rest[..end]);
        let after = rest[end..].trim_start_matches([',', ' ', '\t']);
        let interjection = matches!(
            word.as_str(),
            "wait" | "so" | "ok" | "okay" | "hey" | "hi" | "lol" | "hmm" | "um" | "uh" | "btw" | "yo" | "oh"
        );
        if !interjection || after.split_whitespace().count() < 2 {
            return rest;
        }
        rest = after;
    }
}

/// `who wrote the bbc piece`, `who reported from moscow`, `who is the author of the post
/// story`: a question about who wrote an article, and what it says of the article (the words
/// after the question's frame). `who reported that …` asks who said something, and is not one.
fn authorship_asked(q: &str) -> Option<&str> {
    static FORMS: LazyLock<[Regex; 3]> = LazyLock::new(|| {
        [
            REPORTED_FROM.clone(),
            WROTE.clone(),
            Regex::new(r"^who\s+(?:is|was|are|were|'s)\s+the\s+(?:authors?|writers?|reporters?|byline)\b(?P<rest>.*)$")
                .unwrap(),
        ]
    });
    FORMS.iter().find_map(|re| re.captures(q)).map(|c| c.name("rest").map_or("", |m| m.as_str()).trim())
}

/// `who reported from moscow`: the byline of the piece filed from there.
static REPORTED_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^who\s+(?:reported|reports|was reporting)\s+(?P<rest>(?:from|for|in)\b.*)$").unwrap()
});

/// `who wrote …`, `who reported the post story`: of an article only when what was written
/// or reported is one (a piece, an outlet's); `who reported that …` asks who said it.
static WROTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^who\s+(?:wrote|writes|authored|penned|filed|reported|covered)\b(?P<rest>.*)$").unwrap()
});

/// A word for a piece of writing or broadcast.
fn is_piece(w: &str) -> bool {
    matches!(
        w,
        "piece"
            | "pieces"
            | "article"
            | "articles"
            | "story"
            | "stories"
            | "report"
            | "reports"
            | "transcript"
            | "segment"
    )
}

/// The outlet a phrase names among its words (`the bbc piece`: BBC), if any, and its other
/// content words, less those for a piece of writing (`moscow` of `from moscow`).
fn outlet_and_topic(phrase: &str, people: &dyn Registry, sources: &dyn Sources) -> (Vec<String>, String) {
    let words: Vec<String> = content_words(phrase).into_iter().filter(|w| !is_piece(w)).collect();
    let (named, rest): (Vec<String>, Vec<String>) =
        words.into_iter().partition(|w| sources.outlet_word(w) && people.named(w).is_empty());
    match outlet_named(&named.join(" "), people, sources) {
        Some(outlet) => (outlet, rest.join(" ")),
        None => (Vec::new(), named.into_iter().chain(rest).collect::<Vec<_>>().join(" ")),
    }
}

/// Whether `w` (folded) is the name, or a part of the name, of someone the corpus knows as a
/// person (not an organisation or a place).
/// Whether an id of the registry is a person's, not an organisation's.
pub(super) fn is_person(people: &dyn Registry, id: PersonId) -> bool {
    people.person(id).is_some_and(|p| p.kind == crate::quotes::Kind::Person)
}

pub(super) fn names_a_person(people: &dyn Registry, w: &str) -> bool {
    people.named(w).iter().any(|id| is_person(people, *id))
}

/// Chat drops the apostrophe of a possessive (`putins delegation`, `xis options`, `chinas
/// oil`): a word that is no one's name and no place, whose letters before a final `s` are a
/// person's name or a place, is that one's possessive, and is read as such. Only where a
/// noun phrase can begin (first, or after a small word): after a content word a plural is
/// that word's head noun (`oil prices`, where someone is called Price).
fn possessives(q: &str, people: &dyn Registry) -> String {
    let is_person = |w: &str| names_a_person(people, w);
    let mut before: Option<String> = None;
    let words = q.split(' ').map(|w| {
        let core = w.trim_end_matches(['?', '.', '!', ',', ';', ':']);
        let f = fold(core);
        let opens_phrase = before.as_deref().is_none_or(is_stopword);
        before = Some(f.clone());
        if !opens_phrase {
            return w.to_string();
        }
        let Some(stem) = f.strip_suffix('s').filter(|s| s.len() >= 2 && s.chars().all(char::is_alphabetic)) else {
            return w.to_string();
        };
        let known = |w: &str| is_person(w) || !place_forms(w).is_empty() || !seat_of(w).is_empty();
        if known(&f) || !known(stem) || stem.ends_with('s') {
            return w.to_string();
        }
        format!("{}'s{}", &core[..core.len() - 1], &w[core.len()..])
    });
    words.collect::<Vec<_>>().join(" ")
}

/// The intent of a question against the people the corpus knows.
/// Whether the words before `on`/`about`/`comments` open a yes-no question (`will putin be
/// worried about chinese support`, `were xis comments on ukraine boring`): they ask whether
/// something is so, which the article's sentences answer, not for what the person named said.
/// `X on Y` and `X's comments` name their person first; a question opens with its auxiliary.
fn opens_a_yes_no_question(who: &str) -> bool {
    let auxiliary = |w: &str| {
        matches!(
            w,
            "is" | "are"
                | "was"
                | "were"
                | "will"
                | "would"
                | "can"
                | "could"
                | "should"
                | "do"
                | "does"
                | "did"
                | "has"
                | "have"
                | "had"
        )
    };
    let mut words = who.split_whitespace();
    let first = words.next().unwrap_or("");
    // `why does xi care about russia winning`: a question word and its auxiliary ask of
    // something too, never for someone's words.
    // `what are xis options on ukraine`, `which are putin's aims on …`: so does `what` or
    // `which` and a form of `be`, which ask for a thing of theirs (`options`), not their
    // words (`what did ruwitch learn about xi`: he did it, and his words tell).
    // A word for their view (`what is putin's stance on nato`) still asks for their words.
    let view = who.split_whitespace().last().is_some_and(|w| {
        matches!(
            w,
            "view" | "views" | "position" | "stance" | "take" | "thoughts" | "opinion" | "opinions" | "stand" | "line"
        )
    });
    auxiliary(first)
        || (matches!(first, "why" | "how" | "when" | "where") && words.next().is_some_and(auxiliary))
        || (matches!(first, "what" | "which")
            && words.next().is_some_and(|w| matches!(w, "is" | "are" | "was" | "were"))
            && !view)
}

fn intent_of(question: &Question, people: &dyn Registry, sources: &dyn Sources) -> Intent {
    let original = question.as_str();
    let q = clean(original);

    // (`what did the icc do` asks what it did, and of a body, what it is is its name.)
    // Only a name or a description can be whose job is asked: `what did putin say about his
    // role` asks for his words (a small word or a verb of speech in it says so).
    let names_only = |who: &str| {
        who.split_whitespace().all(|w| {
            let w = w.trim_end_matches("'s");
            matches!(w, "the" | "a" | "an")
                || !(is_stopword(w) || matches!(w, "say" | "says" | "said" | "think" | "thinks" | "thought"))
        })
    };
    let by_work =
        || WHO_IS_BY_WORK.iter().find_map(|re| re.captures(&q)).filter(|c| names_only(&c["who"])).map(|c| (c, true));
    let who_is = WHO_IS.captures(&q).filter(|c| !asks_who_does(&c["who"], people)).map(|c| (c, false));
    if let Some((c, of_work)) = who_is.or_else(by_work) {
        let who = c["who"].to_string();
        let mut ids = resolve(&who, people, Some(sources));
        if of_work {
            ids.retain(|id| is_person(people, *id));
        }
        // "who was in Putin's delegation" names Putin but does not ask who he is.
        let only_name = ids.len() == 1
            && people.person(ids[0]).is_some_and(|p| {
                let name_hits = content_words(&who).iter().filter(|w| p.words.contains(w)).count();
                name_hits == 0 || name_hits == content_words(&who).len()
            });
        if only_name {
            return Intent::WhoIs { person: ids[0] };
        }
    }
    if let Some(c) = WHO_SAID.captures(&q) {
        return Intent::WhoSaid { topic: c["rest"].trim().to_string() };
    }
    if let Some(c) = WHEN.captures(&q) {
        return Intent::When { topic: c["rest"].trim().to_string() };
    }
    if let Some(c) = WHY_FEELS.captures(&q) {
        let speakers = resolve(&c["who"], people, Some(sources));
        if !speakers.is_empty() && speakers.iter().all(|id| is_person(people, *id)) {
            return Intent::SaidBy { speakers, topic: c["rest"].trim().to_string() };
        }
    }
    for c in ACCORDING_TO.iter().filter_map(|re| re.captures(&q)) {
        let speakers = resolve(&c["who"], people, Some(sources));
        let persons = |ids: &[PersonId]| !ids.is_empty() && ids.iter().all(|id| is_person(people, *id));
        if persons(&speakers) {
            return Intent::SaidBy { speakers, topic: content_words(&c["rest"]).join(" ") };
        }
    }
    for re in [&*SAID_BY, &*SAID_BY_ALT, &*NAME_QUOTES, &*X_ON_Y] {
        if let Some(c) = re.captures(&q) {
            let mut who = c.name("who").map_or("", |m| m.as_str()).trim().to_string();
            // `maynes on the joint statement`: the noun for words ends the topic, and the
            // speaker is the name before `on` (X_ON_Y's reading), not `maynes on the joint`.
            if std::ptr::eq(re, &*NAME_QUOTES) && who.split_whitespace().any(opens_topic) {
                continue;
            }
            let mut rest = c.name("rest").map_or("", |m| m.as_str()).trim().to_string();
            // `putin stabilizing factor quote`: a name and then topic words before the noun
            // for words are what that person said of them, as `gabuev iceberg` is.
            if std::ptr::eq(re, &*NAME_QUOTES) && rest.is_empty() {
                // Not a mistyped rest of the name (`shen dingly quotes`).
                let retyped = |at: usize| {
                    let next: Vec<String> = who[at..].split_whitespace().take(1).map(String::from).collect();
                    find_in_words(people, &next)
                };
                if let Some((person, at)) =
                    leading_name(&who, people).filter(|&(p, at)| !retyped(at).iter().any(|f| f.0 == p))
                {
                    return Intent::SaidBy { speakers: vec![person], topic: who[at..].trim().to_string() };
                }
            }
            let mut verb = c.name("verb").map(|m| m.as_str().to_string());
            // A speech verb can be a word of the subject (`the georgia state expert say`):
            // a plain `say` a few words on is the verb, and the words before it the subject.
            // Not when the verb found is a plain `say` itself, nor past a word that opens the
            // topic: `what did Cuban say about early tell` asks about `early tell`.
            let plain = |w: &str| matches!(w, "say" | "said" | "says" | "tell" | "told");
            // After `of` or `the` a speech verb's word is a noun (`the secretary of state
            // think about …`): the verb is the next speech verb, whichever it is.
            let noun_not_verb = who.split_whitespace().last().is_some_and(|w| matches!(w, "of" | "the" | "a" | "an"));
            if let Some(v) = verb.as_deref().filter(|v| !plain(v) || noun_not_verb) {
                let words: Vec<&str> = rest.split_whitespace().collect();
                let topic_opens = |w: &&str| matches!(*w, "about" | "on" | "regarding" | "of");
                let is_verb = |w: &&str| plain(w) || (noun_not_verb && SPEECH_VERBS.split('|').any(|v| v == *w));
                if let Some(i) = words.iter().take(5).position(is_verb).filter(|&i| !words[..i].iter().any(topic_opens))
                {
                    who = format!("{who} {v} {}", words[..i].join(" ")).trim().to_string();
                    verb = Some(words[i].to_string());
                    rest = words[i + 1..].join(" ");
                }
            }
            if asks_why_someone_acts(&q, verb.as_deref()) {
                break;
            }
            // `did anyone think the visit was no big deal`, `has somebody said …`: nobody in
            // particular is asked of, but who said it.
            if std::ptr::eq(re, &*SAID_BY) && is_anyone(&who) {
                return Intent::WhoSaid { topic: rest };
            }
            let shaped_as_words = std::ptr::eq(re, &*X_ON_Y) || std::ptr::eq(re, &*NAME_QUOTES);
            if shaped_as_words && opens_a_yes_no_question(&who) {
                continue;
            }
            // A telling verb is part of the topic: `what did Xi pledge` looks for "pledged".
            if let Some(v) = verb.filter(|v| !PLAIN_VERBS.contains(&v.as_str())) {
                rest = format!("{v} {rest}");
            }
            let mut speakers = resolve(&who, people, Some(sources));
            if speakers.is_empty() {
                if let Some((head, modifier)) = description_with_modifier(&who) {
                    speakers = resolve(&format!("the {modifier} {head}"), people, Some(sources));
                    if speakers.is_empty() {
                        speakers = resolve(&format!("the {head}"), people, Some(sources));
                    }
                }
            }
            if speakers.is_empty() {
                speakers.extend(by_context(&who, people, sources));
            }
            if !speakers.is_empty() {
                // Keep words of the subject that are not the speaker's name (`Putin in Harbin`).
                return Intent::SaidBy { speakers, topic: rest };
            }
            if std::ptr::eq(re, &*X_ON_Y) || std::ptr::eq(re, &*NAME_QUOTES) {
                continue;
            }
            if let Some(name) = unknown_name(original, &who) {
                if !is_place_or_group(&name) && !names_a_place(&name) {
                    return Intent::UnknownSpeaker { name, topic: rest };
                }
            }
            return Intent::Fact { topic: format!("{who} {rest}"), expect: expect_for(&q) };
        }
    }
    let expect = expect_for(&q);
    // A quoted person's name and then topic words (`gabuev iceberg`, `putin seeds`): what
    // that person said of them. Only with nothing between (`putin and oil` is about Putin).
    if expect.is_none() {
        if let Some((person, topic)) = leading_name(&q, people) {
            return Intent::SaidBy { speakers: vec![person], topic: q[topic..].trim().to_string() };
        }
    }
    // A name alone (`gabuev?`, `ryan hass`): what that person said.
    let words = content_words(&q);
    if (1..=3).contains(&words.len()) && expect.is_none() {
        let speakers: Vec<PersonId> =
            find_in_words(people, &words).into_iter().filter(|&(_, d)| d == 0).map(|(id, _)| id).collect();
        let all_name = !speakers.is_empty()
            && words.iter().all(|w| {
                speakers
                    .iter()
                    .any(|&id| people.person(id).is_some_and(|p| p.words.contains(w) || p.aliases.contains(w)))
            });
        if all_name {
            return Intent::SaidBy { speakers, topic: String::new() };
        }
        if let Some(one) = abbreviation(&words, people).filter(|_| speakers.is_empty()) {
            return Intent::SaidBy { speakers: vec![one], topic: String::new() };
        }
    }
    // A description alone (`the bbc china correspondent`, `the kremlin leader`): what the
    // one person it fits said.
    let described = Some(q.clone()).filter(|d| describes_someone(d)).or_else(|| article_dropped(&q));
    if let Some(d) = described.filter(|_| expect.is_none() && (1..=4).contains(&words.len())) {
        let mut speakers = resolve(&d, people, Some(sources));
        if speakers.is_empty() {
            speakers.extend(by_context(&d, people, sources));
        }
        let persons = speakers.iter().all(|id| is_person(people, *id));
        if speakers.len() == 1 && persons {
            return Intent::SaidBy { speakers, topic: String::new() };
        }
    }
    Intent::Fact { topic: spelled_out(&named_descriptions(&q, people, sources), people), expect }
}

/// A question about what someone did, asked by a description of them (`what did the kremlin
/// leader thank xi for`, `why did the chinese president go to russia`): the articles write
/// their name there, so the description is searched as the name of the one person it fits.
fn named_descriptions(q: &str, people: &dyn Registry, sources: &dyn Sources) -> String {
    let tokens: Vec<&str> = q.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    'next: while i < tokens.len() {
        if matches!(tokens[i], "the" | "that" | "this") {
            for len in (2..=5).rev().filter(|n| i + n <= tokens.len()) {
                let phrase = tokens[i..i + len].join(" ");
                // (`the military guys`: not `the military` either, which the plural goes on.)
                let plural = tokens[i + 1..].iter().take(len).any(|w| names_several(w));
                if !describes_someone(&phrase) || plural {
                    continue;
                }
                if let [one] = resolve(&phrase, people, Some(sources))[..] {
                    if let Some(p) = people.person(one).filter(|p| p.kind == crate::quotes::Kind::Person) {
                        out.push(fold(&p.name));
                        i += len;
                        continue 'next;
                    }
                }
            }
        }
        out.push(tokens[i].to_string());
        i += 1;
    }
    out.join(" ")
}

/// A plural word for people (`the military guys`, `the russian officials`): a description
/// ending on it names a group, never the one person a singular description would fit.
fn names_several(w: &str) -> bool {
    w.strip_suffix('s').is_some_and(|one| one.len() >= 3 && (is_filler(one) || is_group_noun(one) || is_filler(w)))
        && !is_medium(w)
}

/// Someone a description names by what the text says around their words rather than by how
/// it describes them (`the state tv guy`: quoted right after `on a recent talk show on Russian
/// state television`): the one person quoted right after the sentence holding its words.
fn by_context(phrase: &str, people: &dyn Registry, sources: &dyn Sources) -> Option<PersonId> {
    if !describes_someone(phrase) {
        return None;
    }
    let words: Vec<String> = content_words(phrase).into_iter().filter(|w| !is_group_noun(w)).collect();
    if words.is_empty() || words.iter().any(|w| names_a_person(people, w)) {
        return None;
    }
    let person = |id: &PersonId| is_person(people, *id);
    if let Some(id) = sources.quoted_after(&words).filter(person) {
        return Some(id);
    }
    // `the state tv military guy`: one word is how the text describes them ("military
    // expert Mikhail Khodarenok"), the others the sentence before their words. The one quoted
    // after the sentence holding the others must be one that word describes.
    if words.len() < 2 {
        return None;
    }
    words.iter().enumerate().find_map(|(i, w)| {
        let described = people.described(w, false);
        if described.is_empty() {
            return None;
        }
        let rest: Vec<String> = words.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, w)| w.clone()).collect();
        sources.quoted_after(&rest).filter(|id| described.contains(id) && person(id))
    })
}

/// `who's winning in ukraine`, `who is helping russia`: after `who is`, a verb in `-ing`
/// asks who does it, not who someone is (a name or a place in `-ing` is one: `beijing`).
fn asks_who_does(who: &str, people: &dyn Registry) -> bool {
    let first = who.split_whitespace().next().unwrap_or("");
    first.len() >= 5
        && first.ends_with("ing")
        && people.named(first).is_empty()
        && place_forms(first).is_empty()
        && seat_of(first).is_empty()
}

/// `did any expert disagree`, `has any analyst said`: any one of a kind of people is anyone,
/// and the word for them names nothing the answer holds (`Others played down the
/// significance of Putin's visit`); searched for, it finds the sentence that says "experts"
/// of someone else. The word after `any` is dropped when it is a word for people.
pub(super) fn without_any_person(topic: &str) -> String {
    static ANY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bany\s+([a-z]+)\b").unwrap());
    ANY.replace_all(topic, |c: &regex::Captures<'_>| {
        let w = c[1].to_lowercase();
        if is_group_noun(&w) || is_filler(&w) {
            "any".to_string()
        } else {
            c[0].to_string()
        }
    })
    .into_owned()
}

/// An indefinite pronoun for a person (`anyone`, `somebody`, `any expert`): no one's name.
fn is_anyone(who: &str) -> bool {
    let words: Vec<&str> = who.split_whitespace().collect();
    match words.as_slice() {
        [w] => matches!(*w, "anyone" | "anybody" | "someone" | "somebody" | "any1"),
        ["any" | "some", w] => is_group_noun(w) || is_filler(w),
        _ => false,
    }
}

/// `why does xi want russia to win`, `why did putin praise xi`: a why-question whose verb
/// tells more than "spoke" asks the reason for what someone did or wants, not for their words
/// (`why did putin say that` still asks what he said).
fn asks_why_someone_acts(q: &str, verb: Option<&str>) -> bool {
    let why = q.starts_with("why ") || q.starts_with("how come ");
    why && verb.is_some_and(|v| !PLAIN_VERBS.contains(&v))
}

/// A description with a modifier after its head (`the military expert on russian tv`, `the
/// guy from rand`): the words up to the head (`military expert`, `guy`) and those of the
/// modifier (`russian tv`, `rand`). The head is a word for someone; the modifier opens with
/// a preposition.
fn description_with_modifier(phrase: &str) -> Option<(String, String)> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if !matches!(words.first(), Some(&("the" | "that" | "this"))) {
        return None;
    }
    let at = words
        .iter()
        .enumerate()
        .skip(2)
        .find(|(_, w)| matches!(**w, "on" | "from" | "at" | "of" | "in" | "with"))
        .map(|(i, _)| i)?;
    let head = words[1..at].join(" ");
    let modifier = words[at + 1..].join(" ");
    let last = words[at - 1];
    let for_someone = is_filler(last) || is_group_noun(last);
    (for_someone && !modifier.is_empty()).then_some((head, modifier))
}

/// Whether every word of a name is a place's, its people's or its seat's (`chinese`): a
/// place or its adjective is no one's name.
fn names_a_place(name: &str) -> bool {
    let words = all_words(&fold(name));
    !words.is_empty() && words.iter().all(|w| !place_forms(w).is_empty() || !seat_of(w).is_empty())
}

/// Whether a phrase reads as a description of someone: `the`, `that` or `this` and then
/// words ending in one for a person (`guy`, `correspondent`, `leader`, `host`).
/// Chat drops the article before a description that ends in a word for someone (`rand guy`,
/// `nobel guy`, `obama woman`): the description with its `the` back.
fn article_dropped(q: &str) -> Option<String> {
    let words: Vec<&str> = q.split_whitespace().collect();
    let last = words.last()?;
    let first = words.first()?;
    let bare = words.len() >= 2 && is_filler(last) && !matches!(*first, "the" | "that" | "this" | "a" | "an");
    bare.then(|| format!("the {q}")).filter(|d| describes_someone(d))
}

fn describes_someone(q: &str) -> bool {
    let q = description_with_modifier(q).map_or(q.to_string(), |(head, _)| format!("the {head}"));
    let words: Vec<&str> = q.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return false };
    let last = last.trim_end_matches("'s");
    matches!(*first, "the" | "that" | "this")
        && words.len() >= 2
        && (is_filler(last)
            || is_group_noun(last)
            || matches!(
                last,
                "host"
                    | "anchor"
                    | "presenter"
                    | "adviser"
                    | "advisor"
                    | "director"
                    | "chief"
                    | "head"
                    | "envoy"
                    | "ambassador"
                    | "chairman"
                    | "chairwoman"
                    | "aide"
                    | "boss"
            ))
}

/// `what happened with the icc`: the articles spell the name out ("International Criminal
/// Court"), so a word that abbreviates one named organisation is searched with its name.
fn spelled_out(q: &str, people: &dyn Registry) -> String {
    let mut out = q.to_string();
    for w in content_words(q) {
        if !people.named(&w).is_empty() {
            continue;
        }
        if let Some(org) = abbreviation(std::slice::from_ref(&w), people).and_then(|id| people.person(id)) {
            out = format!("{out} {}", org.words.join(" "));
        }
    }
    out
}

/// The person a question opens with and where its topic starts, when it goes straight on
/// from the name to content words (`gabuev iceberg`, `ryan hass bonhomie`): the one or two
/// leading words are all name words of one person (exactly), and a content word follows.
fn leading_name(q: &str, people: &dyn Registry) -> Option<(PersonId, usize)> {
    let tokens: Vec<(usize, &str)> =
        q.split_whitespace().map(|w| (w.as_ptr() as usize - q.as_ptr() as usize, w)).collect();
    for n in [2, 1] {
        if tokens.len() <= n {
            continue;
        }
        let name: Vec<String> = tokens[..n].iter().map(|(_, w)| w.trim_end_matches("'s").to_string()).collect();
        if name.iter().any(|w| is_stopword(w) || is_filler(w)) {
            continue;
        }
        let next = tokens[n].1;
        if is_stopword(next) || content_words(next).is_empty() {
            continue;
        }
        let found = find_in_words(people, &name);
        let exact = found.len() == 1
            && found[0].1 == 0
            && people
                .person(found[0].0)
                .is_some_and(|p| name.iter().all(|w| p.words.contains(w)) && !p.words.iter().any(|w| w == next));
        if exact {
            return Some((found[0].0, tokens[n].0));
        }
    }
    None
}

/// Places and their people are written both ways (`Ukraine`, `the Ukrainian crisis`), and a
/// country's government by its seat (`Beijing has refused`, `the Kremlin's view`): a place
/// asked is also looked for in its adjective and its seat; an adjective asked, in its place.
pub(crate) fn place_forms(w: &str) -> Vec<&'static str> {
    for (place, people, seat) in PLACES {
        if place.contains(&w) {
            return people.iter().chain(seat.iter()).copied().collect();
        }
        if people.contains(&w) {
            return place.to_vec();
        }
    }
    Vec::new()
}

/// The place an adjective or a word for its people is of (`chinese`: china); nothing for
/// any other word.
fn place_of_adjective(w: &str) -> Vec<&'static str> {
    PLACES.iter().find(|(_, people, _)| people.contains(&w)).map(|(place, _, _)| place.to_vec()).unwrap_or_default()
}

/// The country a government's seat stands for (`the kremlin leader` is a Russian one): its
/// name and its adjective.
fn seat_of(w: &str) -> Vec<&'static str> {
    PLACES
        .iter()
        .find(|(_, _, seat)| seat.contains(&w))
        .map(|(place, people, _)| place.iter().chain(people.iter()).copied().collect())
        .unwrap_or_default()
}

const PLACES: &[(&[&str], &[&str], &[&str])] = &[
    // (the place, its people and adjective, the seat of its government)
    (&["china"], &["chinese"], &["beijing"]),
    (&["russia"], &["russian", "russians"], &["moscow", "kremlin"]),
    (&["ukraine"], &["ukrainian", "ukrainians"], &["kyiv", "kiev"]),
    (&["america"], &["american", "americans"], &["washington"]),
    (&["japan"], &["japanese"], &["tokyo"]),
    (&["india"], &["indian", "indians"], &["delhi"]),
    (&["iran"], &["iranian", "iranians"], &["tehran"]),
    (&["taiwan"], &["taiwanese"], &["taipei"]),
    (&["korea"], &["korean", "koreans"], &[]),
    (&["britain", "uk"], &["british"], &["london"]),
    (&["france"], &["french"], &["paris"]),
    (&["germany"], &["german", "germans"], &["berlin"]),
    (&["europe"], &["european", "europeans"], &["brussels"]),
    (&["west"], &["western", "westerners"], &[]),
    (&["israel"], &["israeli", "israelis"], &[]),
    (&["turkey"], &["turkish"], &["ankara"]),
    (&["syria"], &["syrian", "syrians"], &["damascus"]),
    (&["belarus"], &["belarusian"], &["minsk"]),
    (&["poland"], &["polish"], &["warsaw"]),
    (&["pakistan"], &["pakistani"], &["islamabad"]),
    (&["vietnam"], &["vietnamese"], &["hanoi"]),
    (&["africa"], &["african", "africans"], &[]),
    (&["asia"], &["asian", "asians"], &[]),
    (&["mongolia"], &["mongolian"], &[]),
    (&["kazakhstan"], &["kazakh"], &[]),
];

/// Countries, capitals and bodies that speak through "what did X say" but are not people.
fn is_place_or_group(name: &str) -> bool {
    const GROUPS: &[&str] = &[
        "china",
        "russia",
        "beijing",
        "moscow",
        "the kremlin",
        "kremlin",
        "washington",
        "the west",
        "west",
        "nato",
        "the us",
        "us",
        "u.s",
        "u.s.",
        "america",
        "united states",
        "ukraine",
        "kyiv",
        "kiev",
        "taiwan",
        "europe",
        "the eu",
        "eu",
        "un",
        "india",
        "japan",
        "france",
        "iran",
    ];
    GROUPS.contains(&fold(name).as_str())
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_name_after_an_auxiliary_opens_a_yes_no_question_not_a_request_for_words() {
        assert!(opens_a_yes_no_question("will putin be worried"));
        assert!(opens_a_yes_no_question("were xis"));
        assert!(opens_a_yes_no_question("why does xi care"));
        assert!(opens_a_yes_no_question("what are xi's 3 options"));
        assert!(!opens_a_yes_no_question("what is putin's stance"), "a word for a view asks for their words");
        assert!(!opens_a_yes_no_question("what did ruwitch learn"));
        assert!(!opens_a_yes_no_question("gabuev"));
        assert!(!opens_a_yes_no_question("the rand guy"));
    }
    use super::*;
    use crate::quotes::People;

    fn people() -> People {
        let mut p = People::default();
        for n in ["Alexander Gabuev", "Samuel Charap", "Xi Jinping", "Vladimir Putin", "Dmitri Muratov", "Ryan Hass"] {
            p.add(&n.split(' ').map(String::from).collect::<Vec<_>>());
        }
        let c = p.candidates(&["Charap".into()])[0];
        p.describe(c, "a Russia and Eurasia policy expert at the Rand Corp", "a", crate::text::Span::new(0, 1));
        let m = p.candidates(&["Muratov".into()])[0];
        p.describe(m, "a former Nobel Peace Prize winner", "a", crate::text::Span::new(0, 1));
        p
    }

    fn intent(q: &str) -> Intent {
        intent_with(q, &people())
    }

    /// The outlets of a test corpus: their names' words, and who among the people has no
    /// words of their own. An article's id starts with its outlet's folded name (`bbc-1`).
    struct Outlets(&'static [&'static str], &'static [PersonId], &'static [(&'static str, PersonId)]);

    impl crate::store::Outlets for Outlets {
        fn outlet_word(&self, word: &str) -> bool {
            self.0.iter().any(|o| fold(o).split(' ').any(|w| w == word))
        }
    }

    impl Sources for Outlets {
        fn outlet_of(&self, article: &str) -> Option<String> {
            self.0.iter().find(|o| article.starts_with(&fold(o).replace(' ', "-"))).map(|o| o.to_string())
        }

        fn has_words(&self, id: PersonId) -> bool {
            !self.1.contains(&id)
        }

        fn quoted_after(&self, words: &[String]) -> Option<PersonId> {
            self.2.iter().find(|(sentence, _)| words.iter().all(|w| sentence.contains(w.as_str()))).map(|(_, id)| *id)
        }
    }

    const OUTLETS: Outlets = Outlets(&["The Washington Post", "NPR", "BBC", "China Daily"], &[], &[]);

    fn intent_with(q: &str, p: &People) -> Intent {
        let r = understand(&Question::parse(q, 500).unwrap(), p, &OUTLETS);
        assert!(r.outlet.is_empty(), "{q}: {:?}", r.outlet);
        r.intent
    }

    fn reading(q: &str) -> Reading {
        understand(&Question::parse(q, 500).unwrap(), &people(), &OUTLETS)
    }

    #[test]
    fn empty_and_overlong_questions_are_refused_at_the_boundary() {
        assert!(matches!(Question::parse("   ", 500), Err(Error::EmptyQuestion)));
        let long = "a".repeat(10_000);
        assert!(matches!(Question::parse(&long, 500), Err(Error::QuestionTooLong { len: 10_000, max: 500 })));
    }

    #[test]
    fn what_did_x_say_about_y_names_the_speaker_and_topic() {
        let p = people();
        assert_eq!(
            intent("what did Gabuev say about the iceberg?"),
            Intent::SaidBy {
                speakers: vec![p.by_name("Alexander Gabuev").unwrap()],
                topic: "about the iceberg".into()
            }
        );
    }

    #[test]
    fn a_family_name_that_is_also_a_common_word_names_its_bearer_where_a_speaker_is_asked() {
        let mut p = people();
        p.add(&["George".to_string(), "Will".to_string()]);
        let will = p.by_name("George Will").unwrap();
        assert_eq!(
            intent_with("what did Will say about the eruption?", &p),
            Intent::SaidBy { speakers: vec![will], topic: "about the eruption".into() }
        );
        assert_eq!(family_name_as_common_word("will", &p), vec![will]);
        // Without a bearer, or as a word of a longer phrase, it names nobody.
        assert!(family_name_as_common_word("will", &people()).is_empty());
        assert!(family_name_as_common_word("the will", &p).is_empty());
    }

    #[test]
    fn chat_shorthand_for_question_words_and_roles_is_read_as_the_words_it_stands_for() {
        assert_eq!(chat_spelling("wut did charap say abt trade?"), "what did charap say about trade?");
        assert_eq!(chat_spelling("y did putin go"), "why did putin go");
        assert_eq!(chat_spelling("the georgia state prof pls?"), "the georgia state professor ?");
        // A name or word that only contains the shorthand is left alone.
        assert_eq!(chat_spelling("wattle abtract wang"), "wattle abtract wang");
        assert!(matches!(intent("wut did gabuev say"), Intent::SaidBy { .. }));
        assert!(matches!(intent("whos gabuev"), Intent::WhoIs { .. }));
        assert_eq!(reading("what did wapo say about oil").outlet, vec!["washington".to_string(), "post".to_string()]);
    }

    #[test]
    fn ex_before_a_word_is_read_as_the_former_news_writes() {
        assert_eq!(chat_spelling("what did the ex nsc director say"), "what did the former nsc director say");
        assert_eq!(chat_spelling("the ex-nsc director"), "the former nsc director");
        // Opening a question it is no `former`.
        assert_eq!(chat_spelling("ex nsc director"), "ex nsc director");
        // The description is read as the one news writes: Hass is "a former China director on
        // the National Security Council".
        let (p, hass) = people_with_hass_on_the_nsc();
        assert!(
            matches!(intent_with("what did the ex nsc director say", &p), Intent::SaidBy { speakers, .. } if speakers == [hass])
        );
    }

    #[test]
    fn how_a_source_describes_something_asks_for_a_description_of_it() {
        assert_eq!(expect_for("how does the post describe taiwan"), Some(Expect::Definition));
        assert_eq!(expect_for("how did npr characterize the talks"), Some(Expect::Definition));
        assert!(matches!(
            reading("how does the post describe taiwan").intent,
            Intent::Fact { expect: Some(Expect::Definition), .. }
        ));
        assert_eq!(expect_for("how did putin describe the relationship in one word"), Some(Expect::Definition));
        // Not how something was done.
        assert_eq!(expect_for("how did beijing welcome putin"), None);
        // An outlet describing is the outlet as the source, read for its description.
        let npr = Reading {
            intent: Intent::Fact { topic: "harbin".into(), expect: Some(Expect::Definition) },
            outlet: vec!["npr".into()],
        };
        assert_eq!(reading("how does npr describe harbin"), npr);
    }

    #[test]
    fn a_place_mistyped_by_one_letter_is_read_as_the_place() {
        assert_eq!(chat_spelling("gabuev abt ukrane"), "gabuev about ukraine");
        assert_eq!(chat_spelling("why did rusia invade"), "why did russia invade");
        assert_eq!(chat_spelling("the chineese economy?"), "the chinese economy?");
        // A place, its people, a possessive without its apostrophe, a short word or another
        // first letter stay as typed.
        for typed in ["russian", "chinas", "ukraines", "iran", "roland", "trance", "indian"] {
            assert_eq!(chat_spelling(typed), typed);
        }
    }

    #[test]
    fn chats_short_forms_of_words_news_spells_out_are_read_as_those_words() {
        assert_eq!(chat_spelling("what did western govts think"), "what did western governments think");
        assert_eq!(chat_spelling("how many deputy pms came"), "how many deputy prime ministers came");
        assert_eq!(chat_spelling("relations w china"), "relations with china");
        // `w` opening a question is no `with`.
        assert_eq!(chat_spelling("w did they sign"), "w did they sign");
        // Governments are a group, no one's name: what they thought is searched for.
        assert!(matches!(intent("what did western govts think of the peace plan"), Intent::Fact { .. }));
        // A medium is no one's name: what was said on it is searched for.
        assert!(matches!(intent("what did russian tv say about china"), Intent::Fact { .. }));
    }

    #[test]
    fn who_as_what_the_verb_acts_on_expects_no_person() {
        assert_eq!(expect_for("who does chinese tv blame for the war"), None);
        assert_eq!(expect_for("who did blinken warn"), None);
        assert_eq!(expect_for("who warned china against helping russia"), Some(Expect::Person));
        assert_eq!(expect_for("who is the new defense minister"), Some(Expect::Person));
    }

    #[test]
    fn what_happened_at_a_time_asks_for_the_event_not_an_outcome() {
        assert_eq!(expect_for("what happened 3 weeks before the beijing meeting"), None);
        assert_eq!(expect_for("what happened after the summit"), None);
        assert_eq!(expect_for("what happened with the peace plan"), Some(Expect::Outcome));
    }

    #[test]
    fn a_what_is_question_with_a_bare_subject_and_a_verb_in_ing_asks_its_object_not_a_definition() {
        assert!(asks_what_is_done("what is russia offering china"));
        assert_eq!(expect_for("what is russia offering china"), None);
        assert!(!asks_what_is_done("what is the shipping route"));
        assert!(!asks_what_is_done("what is china's thinking"));
        assert!(!asks_what_is_done("what is something"));
        assert_eq!(expect_for("what is the belt and road initiative"), Some(Expect::Definition));
    }

    #[test]
    fn a_what_is_question_on_which_one_stands_out_expects_no_definition() {
        assert_eq!(expect_for("what is russia's biggest oil customer"), None);
        assert_eq!(expect_for("what's the main problem"), None);
        assert_eq!(expect_for("what is power of siberia 2"), Some(Expect::Definition));
    }

    #[test]
    fn a_question_ending_on_two_choices_expects_a_comparison() {
        assert_eq!(expect_for("who got the better deal xi or putin"), Some(Expect::Comparison));
        assert_eq!(expect_for("which matters more, trade or war"), Some(Expect::Comparison));
        assert_eq!(expect_for("who got the better deal"), Some(Expect::Person));
        assert_eq!(expect_for("oil or gas"), None);
    }

    #[test]
    fn a_description_typed_without_its_article_is_read_with_it() {
        assert_eq!(article_dropped("rand guy").as_deref(), Some("the rand guy"));
        assert_eq!(article_dropped("the rand guy"), None);
        assert_eq!(article_dropped("oil prices"), None);
        assert_eq!(article_dropped("guy"), None);
        assert!(matches!(intent("rand guy"), Intent::SaidBy { .. }));
    }

    #[test]
    fn a_question_word_typed_last_is_read_first() {
        assert_eq!(question_word_first("ryan hass who?"), "who is ryan hass");
        assert_eq!(question_word_first("trade up by how much"), "how much trade up by");
        assert_eq!(question_word_first("harbin where"), "where harbin");
        assert_eq!(question_word_first("power of siberia what"), "what is power of siberia");
        assert_eq!(question_word_first("xi said what"), "xi said what");
        // Already asked the usual way round, or no question word last: as typed.
        assert_eq!(question_word_first("what did xi say when"), "what did xi say when");
        assert_eq!(question_word_first("gabuev iceberg"), "gabuev iceberg");
        assert_eq!(question_word_first("who"), "who");
        assert!(matches!(intent("ryan hass who"), Intent::WhoIs { .. }));
    }

    #[test]
    fn a_possessive_typed_without_its_apostrophe_is_read_as_one() {
        let p = people();
        assert_eq!(possessives("who was in putins delegation", &p), "who was in putin's delegation");
        assert_eq!(possessives("what are Xis options?", &p), "what are Xi's options?");
        assert_eq!(possessives("chinas oil", &p), "china's oil");
        // A name that ends in `s`, a people's word and any other word stay as typed.
        assert_eq!(possessives("hass on talks", &p), "hass on talks");
        assert_eq!(possessives("the russians", &p), "the russians");
        // After a content word, a plural heads that word's phrase.
        assert_eq!(possessives("oil putins rise", &p), "oil putins rise");
        assert_eq!(possessives("the putins rise", &p), "the putin's rise");
        let gabuev = p.by_name("Alexander Gabuev").unwrap();
        assert_eq!(intent("gabuevs remarks"), Intent::SaidBy { speakers: vec![gabuev], topic: String::new() });
    }

    #[test]
    fn a_negation_typed_without_its_apostrophe_is_written_out() {
        assert_eq!(chat_spelling("why hasnt china armed russia"), "why hasn't china armed russia");
        assert_eq!(chat_spelling("whats little moscow"), "what's little moscow");
    }

    #[test]
    fn a_description_in_a_question_about_what_someone_did_is_searched_as_their_name() {
        let mut p = people();
        let putin = p.by_name("Vladimir Putin").unwrap();
        p.describe(putin, "Russian President", "a", crate::text::Span::new(0, 1));
        let Intent::Fact { topic, .. } = intent_with("what did the kremlin leader thank xi for", &p) else {
            panic!("not a fact question")
        };
        assert_eq!(topic, "what did vladimir putin thank xi for");
        // A description that fits nobody stays as asked.
        let Intent::Fact { topic, .. } = intent_with("why did the npr host go", &p) else { panic!() };
        assert_eq!(topic, "why did the npr host go");
    }

    /// [`people`] with the National Security Council, and Ryan Hass described as a former
    /// China director on it; and Hass.
    fn people_with_hass_on_the_nsc() -> (People, PersonId) {
        let mut p = people();
        let words = |n: &str| n.split(' ').map(String::from).collect::<Vec<_>>();
        p.add_kind(&words("National Security Council"), crate::quotes::Kind::Organisation).unwrap();
        let hass = p.by_name("Ryan Hass").unwrap();
        p.describe(hass, "a former China director on the National Security Council", "a", crate::text::Span::new(0, 1));
        (p, hass)
    }

    #[test]
    fn initials_in_a_description_stand_for_the_organisations_name() {
        let (p, hass) = people_with_hass_on_the_nsc();
        assert_eq!(resolve_people("the former nsc official", &p), vec![hass]);
        assert!(resolve_people("the former nsc spokesman", &p).is_empty());
    }

    #[test]
    fn a_relative_clause_describes_the_one_its_head_names_and_a_name_inside_it_is_someone_else() {
        let (mut p, hass) = people_with_hass_on_the_nsc();
        p.describe(hass, "now at the Brookings Institution", "a", crate::text::Span::new(0, 1));
        let muratov = p.by_name("Dmitri Muratov").unwrap();
        assert_eq!(resolve_people("the journalist who won the nobel", &p), vec![muratov]);
        assert_eq!(resolve_people("the guy who works at brookings", &p), vec![hass]);
        assert_eq!(resolve_people("the analyst who used to be on the nsc", &p), vec![hass]);
        // The one asked for advised Putin; Putin is not him, and nobody is described so.
        assert!(resolve_people("the man who advised putin", &p).is_empty());
        // A clause whose verb says nothing of how news describes people is not read as one.
        assert_eq!(relative_clause("the guy who went to harbin"), None);
        assert_eq!(relative_clause("that rand guy"), None);
    }

    #[test]
    fn asking_what_someone_does_or_where_they_work_asks_who_they_are() {
        let p = people();
        let charap = p.by_name("Samuel Charap").unwrap();
        for q in [
            "whats charap's job",
            "charap's role",
            "what is charaps job",
            "what does charap do",
            "what does charap do for a living",
            "where does charap work",
            "who does charap work for",
            "what does the rand expert do",
        ] {
            assert_eq!(intent(q), Intent::WhoIs { person: charap }, "{q}");
        }
        // Of a country, or of someone doing something, it asks no one's description.
        assert!(!matches!(intent("what does china do"), Intent::WhoIs { .. }));
        assert!(!matches!(intent("what does charap do about it"), Intent::WhoIs { .. }));
        // A job word ending a question for someone's words is its topic.
        assert!(matches!(intent("what did charap say about his role"), Intent::SaidBy { .. }));
        assert!(!matches!(intent("charap on his role"), Intent::WhoIs { .. }));
        // Someone's position is their stance as often as their post: not asked as who they are.
        assert!(!matches!(intent("what is charap's position"), Intent::WhoIs { .. }));
    }

    #[test]
    fn according_to_someone_asks_what_they_said_of_the_rest() {
        let p = people();
        let gabuev = p.by_name("Alexander Gabuev").unwrap();
        assert_eq!(
            intent("how does russia judge its partners according to gabuev"),
            Intent::SaidBy { speakers: vec![gabuev], topic: "russia judge partners".into() }
        );
        assert_eq!(
            intent("according to the rand expert, what is the threat"),
            Intent::SaidBy { speakers: vec![p.by_name("Samuel Charap").unwrap()], topic: "threat".into() }
        );
        // According to a place or a body is no person's words.
        assert!(!matches!(intent("what happened according to china"), Intent::SaidBy { .. }));
    }

    #[test]
    fn a_yes_or_no_question_on_what_something_achieved_expects_an_outcome() {
        assert_eq!(expect_for("did the moscow summit achieve anything"), Some(Expect::Outcome));
        assert_eq!(expect_for("were the talks a success"), Some(Expect::Outcome));
        assert_eq!(expect_for("did they hug"), None);
        assert!(matches!(
            intent("did anything come out of the summit"),
            Intent::Fact { expect: Some(Expect::Outcome), .. }
        ));
    }

    #[test]
    fn a_misspelled_lower_case_name_still_finds_the_speaker() {
        assert!(matches!(intent("what did gabuyev say about the iceberg"), Intent::SaidBy { .. }));
    }

    #[test]
    fn descriptors_find_the_person_they_describe() {
        let p = people();
        assert_eq!(
            intent("What did the Rand expert say about threats?"),
            Intent::SaidBy { speakers: vec![p.by_name("Samuel Charap").unwrap()], topic: "about threats".into() }
        );
        assert!(matches!(intent("what did the Nobel laureate say?"), Intent::SaidBy { .. }));
    }

    #[test]
    fn a_name_then_topic_words_asks_what_that_person_said_of_them() {
        let p = people();
        let gabuev = p.by_name("Alexander Gabuev").unwrap();
        assert_eq!(intent("gabuev iceberg"), Intent::SaidBy { speakers: vec![gabuev], topic: "iceberg".into() });
        assert_eq!(
            intent("alexander gabuev guns and money"),
            Intent::SaidBy { speakers: vec![gabuev], topic: "guns and money".into() }
        );
        assert!(matches!(intent("putin and oil"), Intent::Fact { .. }));
        assert!(matches!(intent("why putin went"), Intent::Fact { .. }));
        // Before the noun for words, too.
        assert_eq!(intent("gabuev iceberg quote"), Intent::SaidBy { speakers: vec![gabuev], topic: "iceberg".into() });
        assert_eq!(intent("gabuev quotes"), Intent::SaidBy { speakers: vec![gabuev], topic: "".into() });
        assert_eq!(intent("alexander gabuyev quotes"), Intent::SaidBy { speakers: vec![gabuev], topic: "".into() });
    }

    #[test]
    fn a_speech_verb_among_the_topic_words_is_not_taken_for_the_verb() {
        let p = people();
        let gabuev = p.by_name("Alexander Gabuev").unwrap();
        assert_eq!(
            intent_with("what did gabuev say about early tell", &p),
            Intent::SaidBy { speakers: vec![gabuev], topic: "about early tell".into() }
        );
        assert_eq!(
            intent_with("what did gabuev warn about leaders told", &p),
            Intent::SaidBy { speakers: vec![gabuev], topic: "warn about leaders told".into() }
        );
    }

    #[test]
    fn a_speech_verb_inside_the_subject_is_not_taken_for_the_verb() {
        let mut p = people();
        let hass = p.by_name("Ryan Hass").unwrap();
        p.describe(hass, "an expert at Georgia State University", "a", crate::text::Span::new(0, 1));
        assert_eq!(
            intent_with("what did the georgia state expert say", &p),
            Intent::SaidBy { speakers: vec![hass], topic: String::new() }
        );
    }

    #[test]
    fn a_person_word_after_an_organisation_asks_for_the_one_who_works_there() {
        let mut p = people();
        let words = |n: &str| n.split(' ').map(String::from).collect::<Vec<_>>();
        let ecnu = p.add_kind(&words("East China Normal University"), crate::quotes::Kind::Organisation).unwrap();
        let gsu = p.add_kind(&words("Georgia State University"), crate::quotes::Kind::Organisation).unwrap();
        let wan = p.add(&words("Wan Qingsong")).unwrap();
        p.describe(
            wan,
            "an associate professor at East China Normal University in Shanghai",
            "a",
            crate::text::Span::new(0, 1),
        );
        assert_eq!(resolve_people("the east china normal university professor", &p), vec![wan]);
        assert_eq!(resolve_people("east china normal university", &p), vec![ecnu]);
        // Nobody described there: the organisation it names.
        assert_eq!(resolve_people("the georgia state university professor", &p), vec![gsu]);
    }

    #[test]
    fn a_word_for_someone_with_an_organisation_or_its_initials_asks_for_who_is_there() {
        let mut p = people();
        let words = |n: &str| n.split(' ').map(String::from).collect::<Vec<_>>();
        let nsc = p.add_kind(&words("National Security Council"), crate::quotes::Kind::Organisation).unwrap();
        let hass = p.by_name("Ryan Hass").unwrap();
        p.describe(
            hass,
            "a former China director on the National Security Council during the Obama administration",
            "a",
            crate::text::Span::new(0, 1),
        );
        assert_eq!(resolve_people("the nsc guy", &p), vec![hass]);
        assert_eq!(resolve_people("the national security council guy", &p), vec![hass]);
        // Without a word for someone, the organisation itself.
        assert_eq!(resolve_people("the nsc", &p), vec![nsc]);
    }

    #[test]
    fn an_organisation_named_in_full_outranks_one_named_by_its_last_word() {
        let mut p = people();
        let words = |n: &str| n.split(' ').map(String::from).collect::<Vec<_>>();
        let ecnu = p.add_kind(&words("East China Normal University"), crate::quotes::Kind::Organisation).unwrap();
        let gsu = p.add_kind(&words("Georgia State University"), crate::quotes::Kind::Organisation).unwrap();
        assert_eq!(resolve_people("georgia state university", &p), vec![gsu]);
        let mut both = resolve_people("the university", &p);
        both.sort_unstable();
        assert_eq!(both, {
            let mut v = vec![ecnu, gsu];
            v.sort_unstable();
            v
        });
    }

    #[test]
    fn a_role_word_as_the_text_says_it_beats_its_near_synonym() {
        let mut p = people();
        let hass = p.by_name("Ryan Hass").unwrap();
        let charap = p.by_name("Samuel Charap").unwrap();
        p.describe(hass, "a Shanghai-based scholar", "a", crate::text::Span::new(0, 1));
        p.describe(charap, "a professor at a university in Shanghai", "a", crate::text::Span::new(0, 1));
        assert_eq!(
            intent_with("what did the shanghai scholar say", &p),
            Intent::SaidBy { speakers: vec![hass], topic: String::new() }
        );
        assert_eq!(
            intent_with("what did the shanghai professor say", &p),
            Intent::SaidBy { speakers: vec![charap], topic: String::new() }
        );
        // Neither is a Shanghai analyst more than the other.
        assert!(!matches!(intent_with("what did the shanghai analyst say", &p), Intent::SaidBy { .. }));
    }

    #[test]
    fn a_description_with_a_specific_word_that_does_not_fit_picks_nobody() {
        let mut p = people();
        let hass = p.by_name("Ryan Hass").unwrap();
        p.describe(hass, "the former foreign minister", "a", crate::text::Span::new(0, 1));
        assert!(matches!(intent_with("what did the former foreign minister say", &p), Intent::SaidBy { .. }));
        assert!(!matches!(intent_with("what did the former defense minister say", &p), Intent::SaidBy { .. }));
        // `former` is no loose role word: the new minister is not the former one.
        let charap = p.by_name("Samuel Charap").unwrap();
        p.describe(charap, "the new defense minister", "a", crate::text::Span::new(0, 1));
        assert!(!matches!(intent_with("what did the former defense minister say", &p), Intent::SaidBy { .. }));
        assert!(matches!(intent_with("what did the new defense minister say", &p), Intent::SaidBy { .. }));
    }

    #[test]
    fn a_description_whose_head_word_fits_nobody_picks_nobody() {
        let mut p = people();
        let hass = p.by_name("Ryan Hass").unwrap();
        p.describe(hass, "NPR's China correspondent", "a", crate::text::Span::new(0, 1));
        assert!(matches!(intent_with("what did the npr correspondent say", &p), Intent::SaidBy { .. }));
        assert!(!matches!(intent_with("what did the npr host say", &p), Intent::SaidBy { .. }));
    }

    #[test]
    fn an_outlets_word_in_a_description_fits_someone_its_articles_describe_with_the_head_word() {
        let mut p = people();
        let words = |n: &str| n.split(' ').map(String::from).collect::<Vec<_>>();
        let rosenberg = p.add(&words("Steve Rosenberg")).unwrap();
        p.describe(rosenberg, "Russia Editor", "bbc-1", crate::text::Span::new(0, 1));
        let gabuev = p.by_name("Alexander Gabuev").unwrap();
        p.describe(gabuev, "a Russia and China expert", "npr-1", crate::text::Span::new(0, 1));
        let maynes = p.add(&words("Charles Maynes")).unwrap();
        p.describe(maynes, "based in Moscow", "npr-2", crate::text::Span::new(0, 1));
        assert_eq!(
            intent_with("what did the bbc russia editor say about sanctions", &p),
            Intent::SaidBy { speakers: vec![rosenberg], topic: "about sanctions".into() }
        );
        assert_eq!(
            intent_with("what did the npr moscow guy say", &p),
            Intent::SaidBy { speakers: vec![maynes], topic: String::new() }
        );
        // An NPR article describes Gabuev, but as no correspondent.
        assert!(!matches!(intent_with("what did the npr china correspondent say", &p), Intent::SaidBy { .. }));
        // A correspondent based in Moscow, described by no other role.
        assert_eq!(
            intent_with("what did the npr moscow correspondent say", &p),
            Intent::SaidBy { speakers: vec![maynes], topic: String::new() }
        );
        // Nor is a BBC editor an NPR one.
        assert!(!matches!(intent_with("what did the npr russia editor say", &p), Intent::SaidBy { .. }));
    }

    #[test]
    fn a_governments_seat_in_a_description_fits_whom_its_countrys_words_describe() {
        let mut p = people();
        let putin = p.by_name("Vladimir Putin").unwrap();
        p.describe(putin, "Russian President", "a", crate::text::Span::new(0, 1));
        assert_eq!(
            intent_with("what did the kremlin leader say", &p),
            Intent::SaidBy { speakers: vec![putin], topic: String::new() }
        );
        // The city itself, named, fits better than its country.
        let words = |n: &str| n.split(' ').map(String::from).collect::<Vec<_>>();
        let maynes = p.add(&words("Charles Maynes")).unwrap();
        p.describe(maynes, "based in Moscow", "a", crate::text::Span::new(0, 1));
        let rosenberg = p.add(&words("Steve Rosenberg")).unwrap();
        p.describe(rosenberg, "Russia Editor", "a", crate::text::Span::new(0, 1));
        assert_eq!(
            intent_with("what did the moscow correspondent say", &p),
            Intent::SaidBy { speakers: vec![maynes], topic: String::new() }
        );
    }

    #[test]
    fn a_description_fitting_two_alike_asks_for_the_one_with_words() {
        let mut p = people();
        let words = |n: &str| n.split(' ').map(String::from).collect::<Vec<_>>();
        let xi = p.by_name("Xi Jinping").unwrap();
        p.describe(xi, "Chinese President", "a", crate::text::Span::new(0, 1));
        let li = p.add(&words("Li Qiang")).unwrap();
        p.describe(li, "Chinese Premier", "a", crate::text::Span::new(0, 1));
        // Both speak: nobody is picked.
        assert!(!matches!(intent_with("what did the chinese leader say", &p), Intent::SaidBy { .. }));
        let silent: &'static [PersonId] = Box::leak(Box::new([li]));
        let sources = Outlets(OUTLETS.0, silent, &[]);
        let r = understand(&Question::parse("what did the chinese leader call putin", 500).unwrap(), &p, &sources);
        assert!(matches!(r.intent, Intent::SaidBy { ref speakers, .. } if speakers == &vec![xi]), "{r:?}");
    }

    #[test]
    fn a_description_no_one_fits_names_who_is_quoted_right_after_the_sentence_holding_its_words() {
        let p = people();
        let muratov = p.by_name("Dmitri Muratov").unwrap();
        let sources = Outlets(OUTLETS.0, &[], &[("a talk show on russian state television", 4)]);
        assert_eq!(muratov, 4);
        let ask = |q: &str| understand(&Question::parse(q, 500).unwrap(), &p, &sources).intent;
        assert_eq!(
            ask("what did the state television guy say"),
            Intent::SaidBy { speakers: vec![muratov], topic: String::new() }
        );
        assert_eq!(ask("the state television guy"), Intent::SaidBy { speakers: vec![muratov], topic: String::new() });
        // Only a description: a topic is no one.
        assert!(matches!(ask("what did state television say"), Intent::Fact { .. } | Intent::UnknownSpeaker { .. }));
        // Words that fit no sentence name nobody.
        assert!(!matches!(ask("what did the state radio guy say"), Intent::SaidBy { .. }));
        // One word may be how the text describes them, the others the sentence before.
        assert_eq!(
            ask("what did the state television nobel guy say"),
            Intent::SaidBy { speakers: vec![muratov], topic: String::new() }
        );
        // Not when that word describes someone else than the one quoted after it.
        assert!(!matches!(ask("what did the state television rand guy say"), Intent::SaidBy { .. }));
    }

    #[test]
    fn a_description_alone_asks_what_the_one_it_fits_said() {
        let mut p = people();
        let words = |n: &str| n.split(' ').map(String::from).collect::<Vec<_>>();
        let mcdonell = p.add(&words("Stephen McDonell")).unwrap();
        p.describe(mcdonell, "China correspondent", "bbc-1", crate::text::Span::new(0, 1));
        assert_eq!(
            intent_with("the bbc china correspondent", &p),
            Intent::SaidBy { speakers: vec![mcdonell], topic: String::new() }
        );
        assert_eq!(
            intent_with("the rand expert", &p),
            Intent::SaidBy { speakers: vec![p.by_name("Samuel Charap").unwrap()], topic: String::new() }
        );
        // A thing is no one.
        assert!(matches!(intent_with("the joint statement", &p), Intent::Fact { .. }));
        assert!(matches!(intent_with("the china correspondent said what", &p), Intent::Fact { .. }));
    }

    #[test]
    fn an_abbreviation_names_the_one_organisation_whose_initials_it_spells() {
        let mut p = people();
        let court: Vec<String> = ["International", "Criminal", "Court"].map(String::from).to_vec();
        let icc = p.add_kind(&court, crate::quotes::Kind::Organisation).unwrap();
        assert_eq!(
            intent_with("what did the ICC do", &p),
            Intent::SaidBy { speakers: vec![icc], topic: String::new() }
        );
        assert_eq!(
            intent_with("what did the icc say", &p),
            Intent::SaidBy { speakers: vec![icc], topic: String::new() }
        );
        // Initials that spell nobody's name, or two bodies' names, pick nobody.
        let council: Vec<String> = ["Intercontinental", "Cricket", "Council"].map(String::from).to_vec();
        p.add_kind(&council, crate::quotes::Kind::Organisation).unwrap();
        assert!(!matches!(intent_with("what did the ICC do", &p), Intent::SaidBy { .. }));
        assert!(!matches!(intent_with("what did the xyz say", &p), Intent::SaidBy { .. }));
    }

    #[test]
    fn what_someone_asked_expects_a_question() {
        assert_eq!(expect_for("what did the npr host ask john"), Some(Expect::Question));
        assert_eq!(expect_for("what did the moderator ask about trade"), Some(Expect::Question));
        assert_eq!(expect_for("what did putin say about asking prices"), None);
    }

    #[test]
    fn why_and_what_happened_questions_expect_reasons_and_outcomes() {
        assert!(matches!(intent("why did xi go to russia"), Intent::Fact { expect: Some(Expect::Reason), .. }));
        assert_eq!(expect_for("how often have xi and putin met"), Some(Expect::Count));
        // A why asked by its noun.
        assert_eq!(expect_for("what's china's reason for not sending weapons"), Some(Expect::Reason));
        assert_eq!(expect_for("what were the reasons for the trip"), Some(Expect::Reason));
        assert_eq!(expect_for("whats putins motive"), Some(Expect::Reason));
        assert_eq!(expect_for("what reasonable steps did they take"), None);
        assert!(matches!(
            intent("what happened with power of siberia 2"),
            Intent::Fact { expect: Some(Expect::Outcome), .. }
        ));
    }

    #[test]
    fn people_named_by_their_role_are_no_unknown_person() {
        for q in ["what did analysts say", "what did the officials say about oil", "what did Experts say"] {
            assert!(!matches!(intent(q), Intent::UnknownSpeaker { .. }), "{q}");
        }
    }

    #[test]
    fn an_unknown_person_is_recognised_as_such() {
        assert_eq!(
            intent("What did Biden say about Taiwan?"),
            Intent::UnknownSpeaker { name: "Biden".into(), topic: "about taiwan".into() }
        );
    }

    #[test]
    fn a_capital_alone_as_the_speaker_is_its_government_not_someone_placed_there() {
        assert!(is_a_seat_of_government(&["washington".to_string()]));
        assert!(is_a_seat_of_government(&["moscow".to_string()]));
        assert!(!is_a_seat_of_government(&["moscow".to_string(), "correspondent".to_string()]));
        assert!(!is_a_seat_of_government(&["georgia".to_string(), "state".to_string()]));
    }

    #[test]
    fn a_name_opening_with_an_auxiliary_is_not_cut_after_it() {
        // `does washington think`: not an unknown speaker "hington".
        let i = intent("does washington think beijing might send lethal aid");
        assert!(!matches!(&i, Intent::UnknownSpeaker { name, .. } if name.contains("hington")), "{i:?}");
    }

    #[test]
    fn a_hyphenated_family_name_names_its_bearer_not_someone_sharing_half_of_it() {
        let mut p = People::default();
        for n in ["Carla Ruiz-Tagle", "Pedro Ruiz", "Anne Tagle"] {
            p.add(&n.split(' ').map(String::from).collect::<Vec<_>>());
        }
        let carla = p.by_name("Carla Ruiz-Tagle").unwrap();
        assert_eq!(
            intent_with("what did Ruiz-Tagle say about the harbour?", &p),
            Intent::SaidBy { speakers: vec![carla], topic: "about the harbour".into() }
        );
    }

    #[test]
    fn chat_forms_name_the_speaker_a_name_alone_or_with_quotes() {
        let p = people();
        let hass = p.by_name("Ryan Hass").unwrap();
        let muratov = p.by_name("Dmitri Muratov").unwrap();
        let gabuev = p.by_name("Alexander Gabuev").unwrap();
        assert_eq!(intent("hass quote"), Intent::SaidBy { speakers: vec![hass], topic: String::new() });
        assert_eq!(intent("muratov quotes"), Intent::SaidBy { speakers: vec![muratov], topic: String::new() });
        assert_eq!(intent("gabuev?"), Intent::SaidBy { speakers: vec![gabuev], topic: String::new() });
        assert_eq!(intent("Ryan Hass"), Intent::SaidBy { speakers: vec![hass], topic: String::new() });
        assert_eq!(
            intent("show me gabuev's remarks on the iceberg"),
            Intent::SaidBy { speakers: vec![gabuev], topic: "the iceberg".into() }
        );
        assert_eq!(
            intent("what did the nobel guy say"),
            Intent::SaidBy { speakers: vec![muratov], topic: String::new() }
        );
    }

    #[test]
    fn an_outlet_or_institution_named_in_the_subject_is_no_description_of_a_person() {
        let mut p = people();
        let hass = p.by_name("Ryan Hass").unwrap();
        p.describe(
            hass,
            "a senior fellow at the Brookings Institution in Washington",
            "a",
            crate::text::Span::new(0, 1),
        );
        let r = understand(&Question::parse("what did the washington post say about oil", 500).unwrap(), &p, &OUTLETS);
        assert!(!matches!(r.intent, Intent::SaidBy { .. }));
        assert!(matches!(intent_with("what did the washington fellow say about oil", &p), Intent::SaidBy { .. }));
    }

    #[test]
    fn an_outlet_named_as_the_source_restricts_the_answer_to_its_articles() {
        let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        assert_eq!(
            reading("what did the washington post say about oil"),
            Reading {
                intent: Intent::Fact { topic: "about oil".into(), expect: None },
                outlet: words(&["washington", "post"])
            }
        );
        assert_eq!(
            reading("what did npr report"),
            Reading { intent: Intent::Fact { topic: String::new(), expect: None }, outlet: words(&["npr"]) }
        );
        assert_eq!(
            reading("post story on taiwan"),
            Reading { intent: Intent::Fact { topic: "taiwan".into(), expect: None }, outlet: words(&["post"]) }
        );
        let p = people();
        let r = reading("in the post's story, what did putin say about order");
        assert_eq!(r.outlet, words(&["post"]));
        assert_eq!(
            r.intent,
            Intent::SaidBy { speakers: vec![p.by_name("Vladimir Putin").unwrap()], topic: "about order".into() }
        );
        let r = reading("in the bbc article, what did Gabuev say");
        assert_eq!(r.outlet, words(&["bbc"]));
        assert!(matches!(r.intent, Intent::SaidBy { .. }));
    }

    #[test]
    fn a_name_on_a_topic_that_ends_in_a_noun_for_words_is_that_persons_words_on_it() {
        let p = people();
        assert_eq!(
            intent("charap on the joint statement"),
            Intent::SaidBy { speakers: vec![p.by_name("Samuel Charap").unwrap()], topic: "the joint statement".into() }
        );
        assert_eq!(
            intent("gabuev's remarks on the iceberg"),
            Intent::SaidBy { speakers: vec![p.by_name("Alexander Gabuev").unwrap()], topic: "the iceberg".into() }
        );
    }

    #[test]
    fn a_title_with_of_in_it_is_one_description() {
        let mut p = people();
        let words = |n: &str| n.split(' ').map(String::from).collect::<Vec<_>>();
        let blinken = p.add(&words("Antony Blinken")).unwrap();
        p.describe(blinken, "U.S. Secretary of State", "npr-1", crate::text::Span::new(0, 1));
        let shoigu = p.add(&words("Sergei Shoigu")).unwrap();
        p.describe(shoigu, "Secretary of the Security Council", "post-1", crate::text::Span::new(0, 1));
        let rep = p.add(&words("Maria Repnikova")).unwrap();
        p.describe(
            rep,
            "an expert in Chinese and Russian politics at Georgia State University",
            "npr-1",
            crate::text::Span::new(0, 1),
        );
        assert_eq!(
            intent_with("the secretary of state on russia", &p),
            Intent::SaidBy { speakers: vec![blinken], topic: "russia".into() }
        );
        assert_eq!(
            intent_with("what does the secretary of state think about ukraine", &p),
            Intent::SaidBy { speakers: vec![blinken], topic: "about ukraine".into() }
        );
    }

    #[test]
    fn one_person_written_in_full_and_by_family_name_in_two_articles_is_described_as_one() {
        let mut p = people();
        let words = |n: &str| n.split(' ').map(String::from).collect::<Vec<_>>();
        let full = p.add(&words("Antony Blinken")).unwrap();
        p.describe(full, "U.S. Secretary of State", "npr-1", crate::text::Span::new(0, 1));
        let bare = p.add_single("Blinken");
        p.describe(bare, "U.S. Secretary of State", "npr-2", crate::text::Span::new(0, 1));
        assert_ne!(full, bare);
        let Intent::SaidBy { mut speakers, .. } = intent_with("what did the secretary of state say", &p) else {
            panic!("not read as someone's words")
        };
        speakers.sort();
        assert_eq!(speakers, vec![full.min(bare), full.max(bare)]);
        // Two people with one family name are still two: the one-word entry, named in full
        // as someone else, is no longer the same person written short.
        p.add(&words("Lincoln Blinken"));
        assert_eq!(p.person(bare).map(|b| b.name), Some("Lincoln Blinken".to_string()));
        assert!(!matches!(intent_with("what did the secretary of state say", &p), Intent::SaidBy { .. }));
    }

    #[test]
    fn someones_take_or_views_on_a_topic_are_their_words_on_it() {
        let p = people();
        let charap = p.by_name("Samuel Charap").unwrap();
        for q in ["charap's take on trade", "the rand expert's views on trade", "charap's thoughts about trade"] {
            assert_eq!(intent(q), Intent::SaidBy { speakers: vec![charap], topic: "trade".into() }, "{q}");
        }
    }

    #[test]
    fn fm_is_the_foreign_minister_except_after_a_radio_stations_call_sign() {
        assert_eq!(chat_spelling("russian fm?"), "russian foreign minister?");
        assert_eq!(chat_spelling("what did the chinese fms say"), "what did the chinese foreign ministers say");
        assert_eq!(chat_spelling("what did wkno fm report"), "what did wkno fm report");
        assert_eq!(chat_spelling("what did 89.1 fm report"), "what did 89.1 fm report");
    }

    #[test]
    fn an_outlet_before_a_colon_or_a_dash_labels_the_question_with_its_source() {
        let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        let r = reading("bbc: why is china so important to russia");
        assert_eq!(r.outlet, words(&["bbc"]));
        assert!(matches!(r.intent, Intent::Fact { expect: Some(Expect::Reason), .. }), "{:?}", r.intent);
        assert_eq!(reading("the washington post - who went to dinner").outlet, words(&["washington", "post"]));
        // A label that names no outlet is no source.
        assert!(reading("gabuev: what is the threat").outlet.is_empty());
        assert!(reading("what did putin say: anything about seeds").outlet.is_empty());
    }

    #[test]
    fn according_to_an_outlet_or_per_an_outlet_restricts_the_rest_to_its_reporting() {
        let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        let r = reading("why hasnt china sent weapons according to the bbc");
        assert_eq!(r.outlet, words(&["bbc"]));
        assert!(matches!(r.intent, Intent::Fact { expect: Some(Expect::Reason), .. }), "{:?}", r.intent);
        let r = reading("according to the washington post, who went to dinner");
        assert_eq!(r.outlet, words(&["washington", "post"]));
        assert_eq!(reading("per npr, what happened in harbin").outlet, words(&["npr"]));
        assert_eq!(reading("what happened in harbin, per the post").outlet, words(&["post"]));
        // According to a person is what they said, with no outlet.
        assert!(reading("according to gabuev, what is the threat").outlet.is_empty());
        assert!(reading("what happened according to china").outlet.is_empty());
    }

    #[test]
    fn an_outlets_people_together_are_the_outlet_and_one_of_them_is_someone() {
        let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        assert_eq!(
            reading("what did the npr reporters say about arms"),
            Reading { intent: Intent::Fact { topic: "about arms".into(), expect: None }, outlet: words(&["npr"]) }
        );
        assert_eq!(reading("what did the post's journalists say").outlet, words(&["post"]));
        // One of them is a person the articles describe, not the outlet.
        assert!(reading("what did the npr reporter say").outlet.is_empty());
    }

    #[test]
    fn an_outlet_alone_before_on_asks_for_its_reporting_not_for_someone_it_describes() {
        let words = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        assert_eq!(
            reading("npr on arms sales"),
            Reading { intent: Intent::Fact { topic: "arms sales".into(), expect: None }, outlet: words(&["npr"]) }
        );
        // A person word after the outlet still describes someone.
        assert!(reading("the npr host on the west").outlet.is_empty());
    }

    #[test]
    fn an_abbreviation_in_a_plain_question_is_searched_with_the_name_it_stands_for() {
        let mut p = people();
        let words = |n: &str| n.split(' ').map(String::from).collect::<Vec<_>>();
        p.add_kind(&words("International Criminal Court"), crate::quotes::Kind::Organisation).unwrap();
        assert_eq!(
            intent_with("what happened with the icc", &p),
            Intent::Fact {
                topic: "what happened with the icc international criminal court".into(),
                expect: Some(Expect::Outcome)
            }
        );
        // Asked of an outlet, too.
        assert_eq!(
            understand(&Question::parse("what did npr say about the icc", 500).unwrap(), &p, &OUTLETS).intent,
            Intent::Fact { topic: "about the icc international criminal court".into(), expect: None }
        );
        // A word that abbreviates nothing is left as it is.
        assert_eq!(spelled_out("what about the xyz", &p), "what about the xyz");
    }

    #[test]
    fn a_country_or_a_word_that_is_no_outlets_stays_a_speaker_or_a_topic() {
        // `China Daily` is an outlet, but China speaks for itself.
        assert!(reading("what did china say about taiwan").outlet.is_empty());
        assert!(reading("what did the rand expert say").outlet.is_empty());
        assert!(reading("in the long story of the summit, who won").outlet.is_empty());
    }

    #[test]
    fn a_word_for_someone_is_never_taken_for_a_name() {
        assert!(matches!(intent("what did the guy say about oil"), Intent::Fact { .. }));
        assert!(matches!(intent("oil quotes"), Intent::Fact { .. }));
        assert!(matches!(intent("putin and oil"), Intent::Fact { .. }));
    }

    #[test]
    fn why_someone_feels_a_way_about_a_thing_asks_for_their_words_on_it() {
        let p = people();
        let putin = p.named("putin")[0];
        assert_eq!(
            intent_with("why was putin upset about the sanctions", &p),
            Intent::SaidBy { speakers: vec![putin], topic: "the sanctions".into() }
        );
        // A country or a thing feeling so is no one's words: the reason is asked.
        assert!(matches!(intent_with("why is china worried about sanctions", &p), Intent::Fact { .. }));
    }

    #[test]
    fn a_why_question_on_what_someone_wants_or_does_asks_the_reason_not_their_words() {
        assert!(matches!(intent("why does xi want russia to win"), Intent::Fact { expect: Some(Expect::Reason), .. }));
        assert!(matches!(intent("why did putin praise xi"), Intent::Fact { expect: Some(Expect::Reason), .. }));
        // Why they said something is still what they said.
        assert!(matches!(intent("why did putin say that"), Intent::SaidBy { .. }));
        assert!(matches!(intent("what does xi want"), Intent::SaidBy { .. }));
    }

    #[test]
    fn a_description_with_a_modifier_after_its_head_finds_whom_head_and_modifier_describe() {
        assert_eq!(
            description_with_modifier("the military expert on russian tv"),
            Some(("military expert".to_string(), "russian tv".to_string()))
        );
        assert_eq!(description_with_modifier("the expert"), None);
        assert_eq!(description_with_modifier("the war in ukraine"), None);
        let charap = people().by_name("Samuel Charap").unwrap();
        assert_eq!(
            intent("what did the expert from rand say"),
            Intent::SaidBy { speakers: vec![charap], topic: String::new() }
        );
        assert_eq!(intent("the guy at rand"), Intent::SaidBy { speakers: vec![charap], topic: String::new() });
    }

    #[test]
    fn a_places_adjective_and_the_head_as_the_text_says_it_pick_the_one_they_describe() {
        let mut p = people();
        p.add(&["Maria".to_string(), "Repnikova".to_string()]);
        p.add(&["Wan".to_string(), "Qingsong".to_string()]);
        let rep = p.candidates(&["Repnikova".into()])[0];
        p.describe(
            rep,
            "an expert in Chinese and Russian politics at Georgia State University",
            "a",
            crate::text::Span::new(0, 1),
        );
        let wan = p.candidates(&["Wan".into()])[0];
        p.describe(
            wan,
            "an associate professor at East China Normal University in Shanghai",
            "a",
            crate::text::Span::new(0, 1),
        );
        let said = |id| Intent::SaidBy { speakers: vec![id], topic: String::new() };
        // A professor at a Chinese university, not an expert on Chinese politics.
        assert_eq!(intent_with("the chinese professor", &p), said(wan));
        assert_eq!(intent_with("the chinese expert", &p), said(rep));
        assert_eq!(intent_with("the georgia state professor", &p), said(rep));
    }

    #[test]
    fn a_place_or_its_adjective_as_the_subject_is_no_unknown_speaker() {
        assert!(matches!(intent("does chinese state tv call it a war"), Intent::Fact { .. }));
        assert!(names_a_place("chinese") && names_a_place("kremlin") && !names_a_place("biden"));
    }

    #[test]
    fn who_wrote_a_piece_or_reported_from_a_place_asks_for_its_byline_not_for_a_quote() {
        assert_eq!(reading("who wrote the bbc piece").intent, Intent::WhoWrote { topic: String::new() });
        assert_eq!(reading("who wrote the bbc piece").outlet, vec!["bbc".to_string()]);
        assert_eq!(reading("who reported from moscow").intent, Intent::WhoWrote { topic: "moscow".into() });
        assert_eq!(reading("who reported from moscow").outlet, Vec::<String>::new());
        assert!(matches!(reading("who is the author of the npr story").intent, Intent::WhoWrote { .. }));
        // A statement someone wrote is no article.
        assert!(!matches!(reading("who wrote the joint statement").intent, Intent::WhoWrote { .. }));
        assert!(matches!(reading("who wrote this").intent, Intent::WhoWrote { .. }));
        // Who reported something asks for its source, not for a byline.
        assert!(!matches!(reading("who reported that china supplies weapons").intent, Intent::WhoWrote { .. }));
    }

    #[test]
    fn a_small_ordinal_typed_in_digits_is_read_as_the_word_news_prints() {
        assert_eq!(chat_spelling("when did xi start his 3rd term"), "when did xi start his third term");
        assert_eq!(chat_spelling("putins 5th term?"), "putins fifth term?");
        // A large one is printed in digits too.
        assert_eq!(chat_spelling("the 75th anniversary"), "the 75th anniversary");
    }

    #[test]
    fn news_alone_is_the_common_noun_not_an_outlet_named_news() {
        let o = Outlets(&["BBC News", "The Washington Post"], &[], &[]);
        let p = people();
        assert_eq!(outlet_named("any news", &p, &o), None);
        assert_eq!(outlet_named("bbc news", &p, &o), Some(vec!["bbc".to_string(), "news".to_string()]));
        assert_eq!(outlet_named("the post", &p, &o), Some(vec!["post".to_string()]));
    }

    #[test]
    fn who_is_before_a_verb_in_ing_asks_who_does_it_not_who_someone_is() {
        assert!(matches!(intent("who's winning in ukraine"), Intent::Fact { .. }));
        assert!(matches!(intent("who is helping russia"), Intent::Fact { .. }));
        assert!(matches!(intent("who is ryan hass"), Intent::WhoIs { .. }));
        assert!(!asks_who_does("beijing", &people()));
    }

    #[test]
    fn a_word_that_only_sets_the_tone_at_the_start_is_not_read_as_part_of_the_question() {
        assert_eq!(without_interjection("wait who is gabuev"), "who is gabuev");
        assert_eq!(without_interjection("ok so, did china help russia"), "did china help russia");
        assert!(matches!(intent("wait who is charap"), Intent::WhoIs { .. }));
        // A question that is nothing but the word keeps it, and `so` inside stays.
        assert_eq!(without_interjection("so what"), "so what");
        assert_eq!(without_interjection("why so few allies"), "why so few allies");
    }

    #[test]
    fn anyone_as_the_one_who_said_it_asks_who_said_it() {
        assert_eq!(
            intent("did anyone think the visit was no big deal"),
            Intent::WhoSaid { topic: "the visit was no big deal".into() }
        );
        assert!(matches!(intent("has any analyst said china is neutral"), Intent::WhoSaid { .. }));
        assert!(!is_anyone("putin"));
    }

    #[test]
    fn a_what_is_question_on_what_someone_does_expects_no_definition() {
        assert!(matches!(intent("what were they going to sign in moscow"), Intent::Fact { expect: None, .. }));
        assert!(matches!(intent("what are they discussing in private"), Intent::Fact { expect: None, .. }));
        assert!(matches!(intent("what were the military guys doing at the talks"), Intent::Fact { expect: None, .. }));
        assert!(matches!(intent("what is the belt and road"), Intent::Fact { expect: Some(Expect::Definition), .. }));
    }

    #[test]
    fn a_plural_word_for_people_describes_a_group_not_the_one_a_singular_fits() {
        let mut p = people();
        p.add(&["Mikhail".to_string(), "Khodarenok".to_string()]);
        let k = p.candidates(&["Khodarenok".into()])[0];
        p.describe(k, "military expert", "a", crate::text::Span::new(0, 1));
        assert!(matches!(intent_with("what did the military guy say", &p), Intent::SaidBy { .. }));
        match intent_with("what were the military guys doing at the talks", &p) {
            Intent::Fact { topic, .. } => assert!(topic.contains("military guys"), "{topic}"),
            other => panic!("{other:?}"),
        }
        assert!(names_several("guys") && names_several("officials") && !names_several("guy") && !names_several("news"));
    }

    #[test]
    fn who_reported_an_outlets_story_asks_for_its_byline() {
        assert!(matches!(reading("who reported the post story").intent, Intent::WhoWrote { .. }));
        assert_eq!(reading("who reported from moscow").intent, Intent::WhoWrote { topic: "moscow".into() });
        assert!(!matches!(reading("who reported that china supplies weapons").intent, Intent::WhoWrote { .. }));
    }

    #[test]
    fn how_big_something_is_asks_for_an_amount() {
        assert!(matches!(intent("how big is china russia trade"), Intent::Fact { expect: Some(Expect::Amount), .. }));
        assert!(matches!(intent("How large were the exports?"), Intent::Fact { expect: Some(Expect::Amount), .. }));
        assert!(!matches!(intent("how big a deal was the visit"), Intent::Fact { expect: Some(Expect::Amount), .. }));
    }

    #[test]
    fn plain_questions_are_facts_with_an_expected_kind_of_answer() {
        assert!(matches!(
            intent("How long did Putin and Xi talk in Moscow?"),
            Intent::Fact { expect: Some(Expect::Duration), .. }
        ));
        assert!(matches!(
            intent("How much was China-Russia trade worth in 2023?"),
            Intent::Fact { expect: Some(Expect::Amount), .. }
        ));
        assert!(matches!(intent("Which song was played?"), Intent::Fact { expect: Some(Expect::Title), .. }));
        assert!(matches!(intent("who said china can only have one ally"), Intent::WhoSaid { .. }));
        assert!(matches!(intent("who is Gabuev?"), Intent::WhoIs { .. }));
        assert!(matches!(intent("When did Putin visit Harbin?"), Intent::When { .. }));
    }
}
