//! Answers: from a [`Question`] to an [`Answer`] of verbatim quotes and passages, each with
//! its speaker (or none) and citation, best first. Candidates come from the index; ranking
//! adds what BM25 cannot see: how much of the question a unit covers, phrase order, whether it
//! holds the kind of fact asked for, and whether it is a direct quote.

pub mod period;
pub mod question;
pub mod when;

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

pub use question::{understand, Expect, Intent, Question, Reading};

use crate::error::Result;
use crate::index::{Analyzer, SearchRequest, UnitKind};
use crate::quotes::PersonId;
pub use crate::store::{Attribution, Citation};
use crate::store::{Store, Unit};
use crate::text::{fold, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Quote,
    Passage,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub kind: ItemKind,
    /// Exactly `article.text[span]`.
    pub text: String,
    pub speaker: Option<String>,
    pub attribution: Attribution,
    pub document: Citation,
    pub paragraph: usize,
    pub span: Span,
    /// For "when" answers: the date the event is resolved to (`2024-05-17`, `2022-09`).
    pub date: Option<String>,
    /// For a direct quote broken by its cue (`"…," said Xi. "…"`): the quoted words alone,
    /// as spans of the article, in order. Empty: the whole text is what to show.
    pub pieces: Vec<Span>,
    /// A few quoted words inside a sentence of the writer's (`called it a "benchmark of
    /// cooperation"`): the sentence is shown for sense, and only the words in quotation marks
    /// are the speaker's.
    pub fragment: bool,
    #[serde(skip)]
    pub score: f32,
}

impl Item {
    /// What a reader is shown: the quoted words of a quote broken by its cue, each exactly as
    /// the article prints it, or else the whole text.
    pub fn shown(&self) -> Vec<&str> {
        if self.pieces.is_empty() {
            return vec![self.text.as_str()];
        }
        self.pieces.iter().map(|p| &self.text[p.start - self.span.start..p.end - self.span.start]).collect()
    }
}

/// The quoted words of a direct quote, as spans of the article (`text` starts at `base`):
/// each pair of quote marks with the words inside. Empty when nothing but punctuation stands
/// outside the marks (nothing to leave out).
pub fn quoted_pieces(text: &str, base: usize) -> Vec<Span> {
    let mut pieces: Vec<Span> = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('“', _) | ('"', None) => open = Some(i),
            ('”', Some(o)) | ('"', Some(o)) => {
                pieces.push(Span::new(o, i + c.len_utf8()));
                open = None;
            }
            _ => {}
        }
    }
    // A quotation that runs on past its unit's end (no closing mark).
    if let Some(o) = open {
        pieces.push(Span::new(o, text.trim_end().len()));
    }
    pieces.retain(|p| text[p.start..p.end].chars().any(char::is_alphanumeric));
    let mut outside = String::new();
    let mut at = 0;
    for p in &pieces {
        outside.push_str(&text[at..p.start]);
        at = p.end;
    }
    outside.push_str(&text[at..]);
    if pieces.is_empty() || !outside.chars().any(char::is_alphabetic) {
        return Vec::new();
    }
    pieces.into_iter().map(|p| Span::new(base + p.start, base + p.end)).collect()
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    pub question: String,
    pub items: Vec<Item>,
    pub note: Option<String>,
}

/// Units at least this close in meaning to the question (cosine) gain [`MEANING_WEIGHT`] per
/// unit of similarity above it, and may be answers without sharing a word with it.
const CLOSE_IN_MEANING: f32 = 0.5;
/// Weighs meaning against the rest of the score (BM25 is at most 10, full coverage 4): a
/// close paraphrase (0.75) gains 0.5, enough to order near-ties and to rank a unit found by
/// meaning alone, never enough to outrank the sentence that holds the asked words. (Measured:
/// weights 1, 2 and 4 answer the chat and paraphrase sets alike; the static vectors separate
/// paraphrases from lookalikes too weakly to be trusted more.)
const MEANING_WEIGHT: f32 = 2.0;

/// What a unit holding every asked word (two or more) gains over one holding all but one, on
/// top of coverage's share: BM25 only weighs the words the index found, so a sentence holding
/// an asked word in a form it does not join (`cease-fire` for `ceasefire`, `accused` for
/// `charged`) trailed one holding fewer of them, rarer (`could xi have forced a ceasefire`
/// was answered by "military force in Ukraine"). Measured: 1 and 2 answer every chat set
/// alike, 3 loses one.
const EVERY_WORD: f32 = 1.5;

/// The longest text an answer shows from one transcript turn before it picks a window.
const WINDOW_CHARS: usize = 420;

static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|a few)[ -](hours?|days?|weeks?|months?|years?|minutes?|decades?)\b").unwrap()
});
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\$\s?\d|\d\s?(billion|million|trillion|percent|%)|€\s?\d|yuan|rubles?)").unwrap()
});
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozens?|hundreds|thousands|several|a few)\b").unwrap()
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(19|20)\d\d\b|\b(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last year|this week|last week)\b").unwrap()
});
static PERSON: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\S\s+\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+").unwrap());
/// Words that give a reason or purpose. Not `since`: in news it mostly dates (`his first trip
/// since the invasion`).
static REASON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(because|due to|owing to|in order to|so that|so as to|intended to|aimed at|designed to|meant to|seeking to|sought to|in a bid to|in an effort to|to counter|to promote|to strengthen|to deepen|to boost|as a way to|timed to|to honou?r|to keep|to avoid|to secure|to prop up|(?:take|took|taking) advantage|benefit(?:s|ed|ing)? from|in exchange for|in response to|in retaliation|thanks to|as a buffer|the reason|reasons?|motive|purpose|goal|driven by|out of fear|for fear)\b").unwrap()
});
/// A sanction, blame or thanks and what it is for: `hit companies with sanctions for providing
/// components`, `thanked Xi for his efforts`: what someone is punished or thanked for is why it
/// was done to them. Not an accusation's `of` (`accusing the U.S. of trying to block their
/// rise`), which says what the accused did and answers no why about the ones accusing.
static DONE_FOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:sanction|punish|blam|critici[sz]|condemn|penali[sz]|fined\b|prais|thank|reward|arrest|indict|charg)\w*\b[^.;]{0,80}?\bfor (?:\w+ing|his|her|its|their)\b").unwrap()
});
/// What something is needed for, the reason it matters: `Russia's relationship with China is
/// fundamental to withstanding it`, `ties are essential to pushing back` answer `why is china so
/// important to russia`. Only the adjective with what it serves (`to`/`for` after it): `a
/// fundamental shift` says nothing of why.
static NEEDED_FOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:fundamental|essential|vital|crucial|indispensable|instrumental) (?:to|for|in)\b").unwrap()
});
/// A danger someone runs, the reason they or others worry: `Putin is in danger of losing
/// control of Russia's own destiny` answers `why are people in moscow worried about binding
/// russia to china`, and no purpose or cause word is in it.
static DANGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:in danger of|at risk of|the (?:danger|risk) (?:of|that)|risks? (?:losing|being|becoming))\b")
        .unwrap()
});

/// Whether a sentence names a danger someone runs (see [`DANGER`]).
fn names_a_danger(text: &str) -> bool {
    DANGER.is_match(text)
}
/// What harms someone, the reason they do not want it: `would be bad for China`.
static BAD_FOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:bad|harmful|dangerous|a threat|costly|damaging) (?:for|to)\b").unwrap());
/// Words that say how something turned out.
static OUTCOME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(resulted|result|led to|ended|outcome|progress|agreed|agreement|signed|failed|brought|produced|yielded|achieved|no deal|stalled|collapsed|concluded|breakthrough|came of)\b").unwrap()
});
/// `X, a …`, `X — a …`, `X is a …`, or an apposition that says which one with a relative clause (`Taiwan,
/// the island democracy that …`).
static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:,|\s[—–-]) an? |\b(\w+) is an? |, the [a-z]+(?: [a-z]+)? (?:that|who|which)\b)").unwrap()
});
/// A sentence that weighs one thing against another: `more out of it than Putin`, not `to
/// better understand`.
static COMPARISON: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bthan\b").unwrap());
/// A tag a speaker hangs on what they state (`Xi is stronger than ever, right?`, `to cool the
/// temperature - right? - to get …`): the sentence still states, it asks nothing.
static TAG_QUESTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:,|\s[-–—])\s*(?:right|ok|okay|you know|eh|huh|no)\?(?:\s*[-–—])?").unwrap());
static TITLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"[“"]\p{Lu}[^”"]{1,60}[”"]"#).unwrap());

/// Answers a question from the library and its index.
#[tracing::instrument(skip_all, fields(question = %question.as_str()))]
pub fn answer(lib: &Store, question: &Question, max: usize) -> Result<Answer> {
    // `what happened in may 2024` and nothing more: the events the articles date then.
    if let Some(period) = period::happened_in(question.as_str()) {
        let items = when::during(lib, &period, max)?;
        if !items.is_empty() {
            return Ok(Answer { question: question.as_str().to_string(), items, note: None });
        }
    }
    // A time the question asks about restricts it to the articles published then, as an
    // outlet does; the rest is read as if the date had not been written. With no article
    // from then, the date is read as words of the question, as ever (it may be when something
    // reported later happened), and the reply says so.
    let mut undated = None;
    let dated = period::dated(question.as_str())
        .and_then(|(when, rest)| Some((when, Question::parse(&rest, usize::MAX).ok()?)))
        .filter(|(when, _)| {
            let any = crate::store::Outlets::outlet_word(lib, &crate::index::period_term(when));
            if !any {
                undated = Some(format!("No article in the corpus was published in {}.", period::label(when)));
            }
            any
        });
    let Reading { intent, mut outlet } = understand(dated.as_ref().map_or(question, |(_, q)| q), lib, lib);
    // Whether an outlet is named, not only a time.
    let named_outlet = !outlet.is_empty();
    if let Some((when, _)) = &dated {
        outlet.push(crate::index::period_term(when));
    }
    tracing::debug!(?intent, ?outlet, "understood");
    let mut note = None;
    let anyone = Scope { speakers: &[], kind: None, outlet: &outlet };
    let passages = Scope { kind: Some(UnitKind::Passage), ..anyone };
    let items = match &intent {
        Intent::SaidBy { speakers, topic } => {
            let (items, n) = said_by(lib, speakers, topic, max, &outlet)?;
            note = n;
            items
        }
        Intent::UnknownSpeaker { name, topic } => {
            note = Some(unknown_speaker_note(lib, name));
            naming_passages(lib, name, &[fold(name)], topic, max, &outlet)?
        }
        Intent::WhoSaid { topic } => {
            let found = rank(lib, topic, anyone, None, max * 3, Retrieval::Verbatim)?;
            let groups = stem_groups(lib, &asked_words(topic, Retrieval::Verbatim))?;
            let mut analyzer = Analyzer::default();
            let whole: Vec<bool> = found.iter().map(|i| share_held(&mut analyzer, &groups, &i.text) >= 1.0).collect();
            let paraphrased = !whole.iter().any(|w| *w);
            let mut items = said_by_someone_or_the_article(found, &whole);
            if paraphrased {
                items = quotes_of_a_paraphrase(lib, topic, max)?.unwrap_or(items);
            }
            items.truncate(max);
            if items.is_empty() {
                note = Some(format!("No quote in the corpus matches “{topic}”."));
            }
            items
        }
        Intent::WhoIs { person } => {
            let p = lib.record(*person).map(|r| r.person.clone()).unwrap_or_default();
            let roles: Vec<&str> = p.descriptors.iter().map(|d| d.text.as_str()).filter(|d| d.contains(' ')).collect();
            note = Some(if roles.is_empty() {
                format!("{} is named in the corpus; these sentences say who they are.", p.name)
            } else {
                format!("{}: {}.", p.name, roles.join("; "))
            });
            who_is(lib, *person, max)
        }
        Intent::WhoWrote { topic } => {
            let (items, n) = who_wrote(lib, topic, max, &outlet)?;
            note = n;
            items
        }
        Intent::When { topic } => {
            // The timeline merges what every outlet reported; asked of one outlet, its
            // sentences are searched instead.
            let mut items = if named_outlet { Vec::new() } else { when::when(lib, topic, max)? };
            if items.is_empty() {
                items = rank(lib, topic, passages, Some(Expect::Date), max, Retrieval::Ranked)?;
            }
            items
        }
        Intent::Fact { topic, expect } => {
            // An outlet's own words are its passages; a quote it printed is what it reported too.
            let scope = if named_outlet { anyone } else { passages };
            let items = rank(lib, &strip_frame(&supplied_from(topic)), scope, *expect, max, Retrieval::Ranked)?;
            words_announced_first(lib, topic, items, max)?
        }
    };
    // `why did putin go to beijing in may 2024`: an article of May 2024 also tells of his
    // visit of February 2022; a sentence dated at another time answers after those that are not.
    let mut items = items;
    if let Some((when, _)) = &dated {
        items.sort_by_key(|i| period::of_another_time(&i.text, when));
    }
    let note = note.or_else(|| {
        items.is_empty().then(|| match &dated {
            Some((when, _)) => format!("Nothing in the articles published in {} answers that.", period::label(when)),
            None => "Nothing in the corpus answers that. Try a person's name or other words.".to_string(),
        })
    });
    let note = match (undated, note) {
        (Some(u), Some(n)) => Some(format!("{u} {n}")),
        (u, n) => u.or(n),
    };
    Ok(Answer { question: question.as_str().to_string(), items, note })
}

impl question::Sources for Store {
    fn outlet_of(&self, article: &str) -> Option<String> {
        let outlet = self.citation(article).outlet;
        (!outlet.is_empty()).then_some(outlet)
    }

    fn has_words(&self, id: PersonId) -> bool {
        self.unit_count(id) > 0
    }

    fn quoted_after(&self, words: &[String]) -> Option<PersonId> {
        quoted_after(self, &words.join(" ")).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "looking up who is quoted after a sentence failed");
            None
        })
    }
}

fn speaker_names(lib: &Store, ids: &[PersonId]) -> Vec<String> {
    ids.iter().map(|&i| lib.name(i)).collect()
}

fn said_by(
    lib: &Store,
    speakers: &[PersonId],
    topic: &str,
    max: usize,
    outlet: &[String],
) -> Result<(Vec<Item>, Option<String>)> {
    let names = speaker_names(lib, speakers);
    let ids: Vec<u64> = speakers.iter().map(|&s| s as u64).collect();
    // The speaker's own name words are not topic words.
    let words: Vec<String> =
        speakers.iter().filter_map(|&s| lib.record(s)).flat_map(|r| r.person.words.clone()).collect();
    let topic: String = topic.split_whitespace().filter(|w| !words.contains(&fold(w))).collect::<Vec<_>>().join(" ");
    let quoted = speakers.iter().any(|&s| lib.quote_count(s) > 0);
    let has_words = speakers.iter().any(|&s| lib.unit_count(s) > 0);
    if !has_words {
        // What the articles say of them instead (`what did the ICC do`), never as their words.
        let who = names.join(" or ");
        let mut items = Vec::new();
        for &s in speakers {
            let Some(r) = lib.record(s) else { continue };
            let p = &r.person;
            let mut forms = vec![fold(&p.name)];
            if p.kind == crate::quotes::Kind::Person {
                forms.extend(p.words.last().cloned());
            }
            items.extend(naming_passages(lib, &p.name, &forms, &topic, max, outlet)?);
        }
        items.truncate(max);
        let note = if items.is_empty() {
            format!("{who} is named in the corpus but not quoted. {}", quoted_list(lib))
        } else {
            format!("{who} is named in the corpus but not quoted; these are sentences that name {who}.")
        };
        return Ok((items, Some(note)));
    }
    // `what did the host ask (about) …`: the questions they put, not every word they said.
    let (topic, expect) = match topic.split_once(' ').unwrap_or((topic.as_str(), "")) {
        (verb, rest) if question::ASKING.contains(&verb) => (rest.to_string(), Some(Expect::Question)),
        _ => (topic.clone(), None),
    };
    let theirs = Scope { speakers: &ids, kind: None, outlet };
    let mut items = rank(lib, &topic, theirs, expect, max, Retrieval::Ranked)?;
    let terms = lib.index.analyse(&topic)?;
    // Their words match the topic when one of them holds an asked word (in any form asked):
    // a quotation found through the narration around it (`said Ryan Hass, a former China
    // director … during the Obama administration`) holds none.
    let groups = stem_groups(lib, &asked_words(&topic, Retrieval::Ranked))?;
    let mut analyzer = Analyzer::default();
    let matched = items.iter().any(|i| i.score > 0.0 && share_held(&mut analyzer, &groups, &i.text) > 0.0);
    if items.is_empty() || (!terms.is_empty() && !matched) {
        // `xi on taiwan` when Xi is quoted on other things: what the articles say of him and
        // Taiwan answers better than his words on something else; his words follow.
        // Only a content word of the topic ties a sentence to it (`in harbin`: not `in`).
        let content_terms = lib.index.analyse(&content_only(&topic))?;
        let about = naming_with_topic(lib, speakers, &topic, &content_terms, max, outlet)?;
        if !about.is_empty() {
            // `Addressing students in Harbin, Putin offered a metaphor.` then his words: a
            // quote of theirs right after a sentence on the topic is what they said of it.
            // Every candidate of theirs is weighed; the best `max` of them follow.
            let all_theirs = rank(lib, "", theirs, None, 500, Retrieval::Ranked)?;
            let theirs_any: Vec<Item> = all_theirs.iter().take(max).cloned().collect();
            let introduced: Vec<Item> = all_theirs
                .into_iter()
                .filter(|q| q.kind == ItemKind::Quote && about.iter().any(|a| !quotes_anyone(a) && introduces(a, q)))
                .take(max)
                .collect();
            if !introduced.is_empty() {
                let mut items = introduced;
                items.extend(about.into_iter().chain(theirs_any));
                items.truncate(max);
                return Ok((items, None));
            }
            let note = format!(
                "No words of {} in the corpus match “{}”; first, sentences that name {} and it.",
                names.join(" or "),
                topic.trim(),
                names.join(" or ")
            );
            let mut items = about;
            items.extend(theirs_any);
            items.truncate(max);
            return Ok((items, Some(note)));
        }
        let theirs_any = rank(lib, "", theirs, None, max, Retrieval::Ranked)?;
        let mut on_topic = sentences_holding_every_word(lib, &topic, &groups, max, outlet)?;
        on_topic.retain(|i| opens_with_a_pronoun_for_people(&i.text) && speaks_in(lib, speakers, &i.document.id));
        if !on_topic.is_empty() {
            // `putin birthday gifts`: "They now regularly share birthday gifts" names them
            // only as "they"; the sentence on the topic answers, as the article's, and their
            // words follow.
            let note = format!(
                "No words of {} in the corpus match “{}”; first, what the articles say of it.",
                names.join(" or "),
                topic.trim()
            );
            let mut items = on_topic;
            items.extend(theirs_any);
            items.truncate(max);
            return Ok((items, Some(note)));
        }
        let after = quotes_after_a_sentence_on(lib, speakers, &topic, &groups, max, outlet)?;
        if !after.is_empty() {
            // `the rand guy on trade deals`: none of Charap's words say `trade` or `deals`, but
            // "Whether deals had been reached remained unclear." leads into his quote.
            let note = format!(
                "No words of {} in the corpus hold “{}”; first, what {} said right after a sentence on it.",
                names.join(" or "),
                topic.trim(),
                names.join(" and ")
            );
            let mut items = after;
            items.extend(
                theirs_any
                    .into_iter()
                    .filter(|t| !items.iter().any(|i| i.span == t.span && i.document.id == t.document.id))
                    .collect::<Vec<_>>(),
            );
            items.truncate(max);
            return Ok((items, Some(note)));
        }
        items = theirs_any;
        let note = format!(
            "No words of {} in the corpus match “{}”; here is what {} said.",
            names.join(" or "),
            topic.trim(),
            names.join(" and ")
        );
        return Ok((items, Some(note)));
    }
    let note = (!quoted).then(|| {
        format!("{} has no direct quote in the corpus; these are reported or authored words.", names.join(" or "))
    });
    Ok((items, note))
}

/// `what metaphor did putin use in harbin`, `what warning did gabuev give`: a question asking
/// for words by a noun for them is answered by the words, and news announces them before it
/// prints them ("Putin offered his own metaphor for a Russian-Chinese alliance" and then
/// `"Just look how …," Putin said`). When the best sentence holds the noun asked, quotes no one
/// itself and leads straight into a quote of someone it names, that quote comes first.
fn words_announced_first(lib: &Store, topic: &str, mut items: Vec<Item>, max: usize) -> Result<Vec<Item>> {
    let Some(noun) = topic.split_whitespace().map(fold).find(|w| names_words(w)) else { return Ok(items) };
    let Some(lead) = items.first().filter(|i| {
        i.kind == ItemKind::Passage
            && !quotes_anyone(i)
            && fold(&i.text).split(|c: char| !c.is_alphanumeric()).any(|w| w == noun)
    }) else {
        return Ok(items);
    };
    // Someone asked of (`what metaphor did gabuev use`) must be the one who speaks.
    let people: &dyn crate::quotes::Registry = lib;
    let asked: Vec<String> =
        topic.split_whitespace().map(|w| fold(possessor(w))).filter(|w| !people.named(w).is_empty()).collect();
    let named = |speaker: &str| {
        speaker
            .split_whitespace()
            .last()
            .is_some_and(|family| lead.text.contains(family) && (asked.is_empty() || asked.contains(&fold(family))))
    };
    let announced = quotes_led_into(lib, lead)?.find(|q| q.speaker.as_deref().is_some_and(named));
    if let Some(quote) = announced {
        items.insert(0, quote);
        items.truncate(max);
    }
    Ok(items)
}

/// A noun for someone's words, which news prints after announcing them.
fn names_words(w: &str) -> bool {
    matches!(
        w.strip_suffix('s').unwrap_or(w),
        "metaphor"
            | "analogy"
            | "warning"
            | "message"
            | "promise"
            | "pledge"
            | "joke"
            | "quip"
            | "advice"
            | "prediction"
            | "slogan"
            | "motto"
            | "proverb"
            | "catchphrase"
            | "comparison"
            | "verdict"
    )
}

/// Whether a sentence holds a quotation: then it is itself what someone said, and leads into
/// nothing (`"…," said Ryan Hass, a former China director … during the Obama administration.`).
fn quotes_anyone(sentence: &Item) -> bool {
    sentence.text.contains(['“', '”', '"'])
}

/// Whether `sentence` leads straight into `quote`: later in its paragraph or the next one of
/// the same article.
fn introduces(sentence: &Item, quote: &Item) -> bool {
    sentence.document.id == quote.document.id
        && ((quote.paragraph == sentence.paragraph && quote.span.start >= sentence.span.end)
            || quote.paragraph == sentence.paragraph + 1)
}

/// The quotes `sentence` leads straight into ([`introduces`]), in text order, each scored as
/// the sentence is; read lazily, so a caller after the first it wants reads no further.
fn quotes_led_into<'a>(lib: &'a Store, sentence: &'a Item) -> Result<impl Iterator<Item = Item> + 'a> {
    Ok(lib
        .article_quotes(&sentence.document.id)?
        .into_iter()
        .map(move |u| item(lib, &u, u.data.span, sentence.score))
        .filter(move |q| introduces(sentence, q)))
}

/// The bylines of the articles `topic` is found in (the outlet's, if one is asked), as a
/// note, and the sentences that name their authors, those holding the topic's words first
/// (`who reported from moscow`: "… and Charles Maynes, based in Moscow").
fn who_wrote(lib: &Store, topic: &str, max: usize, outlet: &[String]) -> Result<(Vec<Item>, Option<String>)> {
    let scope = Scope { speakers: &[], kind: None, outlet };
    let mut articles: Vec<String> = Vec::new();
    for i in rank(lib, topic, scope, None, 60, Retrieval::Ranked)? {
        if !articles.contains(&i.document.id) {
            articles.push(i.document.id);
        }
    }
    let mut bylines: Vec<String> = Vec::new();
    let mut authors: Vec<(String, String)> = Vec::new();
    for id in &articles {
        let Some(a) = lib.article(id)? else { continue };
        if a.meta.authors.is_empty() {
            continue;
        }
        bylines.push(format!("{} ({}, {})", a.meta.authors.join(", "), a.meta.outlet, a.meta.published));
        authors.extend(a.meta.authors.iter().map(|n| (n.clone(), id.clone())));
    }
    if bylines.is_empty() {
        return Ok((Vec::new(), Some("The articles asked of carry no byline.".to_string())));
    }
    let groups = stem_groups(lib, &asked_words(topic, Retrieval::Ranked))?;
    let mut analyzer = Analyzer::default();
    let mut found: Vec<(f32, Item)> = Vec::new();
    for (name, article) in &authors {
        let forms: Vec<String> = vec![fold(name), fold(name.split_whitespace().last().unwrap_or(name))];
        for i in naming_passages(lib, name, &forms, topic, max, outlet)? {
            if i.document.id == *article
                && !found.iter().any(|(_, f)| f.document.id == i.document.id && f.span == i.span)
            {
                found.push((share_held(&mut analyzer, &groups, &i.text), i));
            }
        }
    }
    found.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.score.total_cmp(&a.1.score)));
    let items: Vec<Item> = found.into_iter().map(|(_, i)| i).take(max).collect();
    Ok((items, Some(format!("Bylines: {}.", bylines.join("; ")))))
}

/// News sets an expert's quote right after the sentence on what it comments ("Whether deals had
/// been reached remained unclear." then `"As with a lot of things on the economic side …,"
/// says Rand's Charap`): when none of someone's words hold the asked words, the quote of theirs
/// that a sentence holding one of them leads straight into (the first quote after it, in its
/// paragraph or the next) is what they said of it. The sentences are the best few of one
/// passage search; only their articles' quotes are read.
fn quotes_after_a_sentence_on(
    lib: &Store,
    speakers: &[PersonId],
    topic: &str,
    groups: &[Vec<String>],
    max: usize,
    outlet: &[String],
) -> Result<Vec<Item>> {
    if groups.is_empty() {
        return Ok(Vec::new());
    }
    let passages = Scope { speakers: &[], kind: Some(UnitKind::Passage), outlet };
    let mut analyzer = Analyzer::default();
    let names = speaker_names(lib, speakers);
    let mut out: Vec<Item> = Vec::new();
    for sentence in rank(lib, topic, passages, None, max, Retrieval::Ranked)? {
        if quotes_anyone(&sentence)
            || share_held(&mut analyzer, groups, &sentence.text) <= 0.0
            || !speaks_in(lib, speakers, &sentence.document.id)
        {
            continue;
        }
        let Some(quote) = quotes_led_into(lib, &sentence)?.next() else { continue };
        let theirs = quote.speaker.as_deref().is_some_and(|s| names.iter().any(|n| n == s));
        if theirs && !out.iter().any(|o| o.document.id == quote.document.id && o.span == quote.span) {
            out.push(quote);
        }
    }
    Ok(out)
}

/// Whether a sentence's subject is a pronoun for people (`They now regularly share birthday
/// gifts`, `He noted …`): it may be of someone its article names before it.
fn opens_with_a_pronoun_for_people(text: &str) -> bool {
    let first = text.split_whitespace().next().map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric())));
    first.is_some_and(|w| matches!(w.as_str(), "he" | "she" | "they" | "his" | "her" | "their" | "both"))
}

/// Whether any of `speakers` has words of their own in the article.
fn speaks_in(lib: &Store, speakers: &[PersonId], article: &str) -> bool {
    lib.article(article).ok().flatten().is_some_and(|a| a.speakers.iter().any(|(p, _, _)| speakers.contains(p)))
}

/// The articles' sentences (no one's words) that hold every asked word of `topic` (`groups`:
/// each word's stems), best first.
fn sentences_holding_every_word(
    lib: &Store,
    topic: &str,
    groups: &[Vec<String>],
    max: usize,
    outlet: &[String],
) -> Result<Vec<Item>> {
    if groups.is_empty() {
        return Ok(Vec::new());
    }
    let passages = Scope { speakers: &[], kind: Some(UnitKind::Passage), outlet };
    let mut analyzer = Analyzer::default();
    let mut items = rank(lib, topic, passages, None, max, Retrieval::Ranked)?;
    items.retain(|i| i.speaker.is_none() && share_held(&mut analyzer, groups, &i.text) >= 1.0);
    Ok(items)
}

/// Sentences that name one of `speakers` and hold a word of `topic` (`terms`, analysed),
/// never attributed to the speakers themselves.
fn naming_with_topic(
    lib: &Store,
    speakers: &[PersonId],
    topic: &str,
    terms: &[String],
    max: usize,
    outlet: &[String],
) -> Result<Vec<Item>> {
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let mut items = Vec::new();
    for &s in speakers {
        let Some(r) = lib.record(s) else { continue };
        let p = &r.person;
        // Articles name people by either half of a name (`Xi`, `Gabuev`): any word of it
        // that is no one else's stands for them.
        let mut forms = vec![fold(&p.name)];
        if p.kind == crate::quotes::Kind::Person {
            forms.extend(
                p.words.iter().filter(|w| w.len() >= 2 && crate::quotes::Registry::named(lib, w) == [s]).cloned(),
            );
        }
        for i in naming_passages(lib, &p.name, &forms, topic, max * 5, outlet)? {
            if lib.index.analyse(&i.text)?.iter().any(|t| terms.contains(t)) {
                items.push(i);
            }
        }
    }
    items.truncate(max);
    Ok(items)
}

/// Sentences about `topic` that name someone (`forms`: folded words of the name, any of which
/// counts), attributed only as the text attributes them: never a quote passed off as theirs,
/// nor their own words, which the caller has none of.
fn naming_passages(
    lib: &Store,
    name: &str,
    forms: &[String],
    topic: &str,
    max: usize,
    outlet: &[String],
) -> Result<Vec<Item>> {
    let passages = Scope { speakers: &[], kind: Some(UnitKind::Passage), outlet };
    let mut items = rank(lib, &format!("{name} {topic}"), passages, None, max, Retrieval::Ranked)?;
    let names = |text: &str| {
        let t = fold(text);
        forms.iter().filter(|f| !f.is_empty()).any(|f| {
            t.match_indices(f.as_str()).any(|(at, _)| {
                let before = t[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
                let after = t[at + f.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
                before && after
            })
        })
    };
    // A sentence that names them and holds quoted words given to someone else may hold their
    // words misread: it is left out rather than shown under the other name.
    let quoting = |t: &str| t.contains(['“', '”', '"']);
    items.retain(|i| {
        i.kind == ItemKind::Passage
            && i.speaker.as_deref().is_none_or(|s| !names(s) && !quoting(&i.text))
            && names(&i.text)
    });
    Ok(items)
}

/// Who is quoted: everyone when few are, else the most quoted and how many more.
pub fn quoted_list(lib: &Store) -> String {
    let list: Vec<String> = lib.most_quoted().iter().map(|&(id, _)| lib.name(id)).collect();
    let more = lib.quoted_total().saturating_sub(list.len());
    if more == 0 {
        format!("People quoted in the corpus: {}.", list.join(", "))
    } else {
        format!("People quoted most in the corpus: {}, and {more} others.", list.join(", "))
    }
}

fn unknown_speaker_note(lib: &Store, name: &str) -> String {
    format!("No quotes from {name} in the corpus. {}", quoted_list(lib))
}

fn who_is(lib: &Store, person: PersonId, max: usize) -> Vec<Item> {
    let mut items = Vec::new();
    let mut seen = HashSet::new();
    for d in lib.described_in(person).iter().flatten() {
        if !seen.insert((d.article.as_str(), d.span)) {
            continue;
        }
        items.push(Item {
            kind: ItemKind::Passage,
            text: d.text.clone(),
            speaker: None,
            attribution: Attribution::Narration,
            document: lib.citation(&d.article),
            paragraph: d.paragraph,
            span: d.span,
            date: None,
            pieces: Vec::new(),
            fragment: false,
            score: 1.0,
        });
    }
    items.truncate(max);
    items
}

/// What a sentence without the kind of fact asked for keeps of its score. `why doesnt putin
/// trust the west`: the sentence that says so, every asked word and a negation (`He no longer
/// trusts the West`), is what the question takes for a fact, and its reason is told around
/// it: it keeps more than one holding part of the asked words, still less than one that also
/// gives a reason. (Without the negation, many sentences hold every word of `why did putin go
/// to china` and say nothing of why.)
///
/// So too a sentence holding every one of four or more asked words: `why is moscow selling gas
/// to china and india` is answered by "Western sanctions have isolated Russia, which has
/// relatively few big customers left, and Moscow has turned to China and India as its primary
/// gas and oil customers", whose cause is told without a cause word; so many words held
/// together are seldom held by a sentence on something else (three, as in `why did putin go to
/// china`, often are).
fn missing_kind_weight(expect: Expect, cover: f32, denies: bool, asked: usize) -> f32 {
    match expect {
        Expect::Reason if cover >= 1.0 && (denies || holds_many_asked_words(asked)) => 0.8,
        _ => 0.6,
    }
}

/// Whether a question asks of so many words (four or more) that a sentence holding all of
/// them is on the very thing asked.
fn holds_many_asked_words(asked: usize) -> bool {
    asked >= 4
}

/// Whether a sentence giving a reason gives it for something other than what is asked: it
/// holds under three in ten of the asked words (one word of four or more). `why didnt the peace plan go anywhere` was answered by
/// "China's trade with Russia hit a record $240 billion ... reaching a goal they planned for
/// 2024", a goal (a cause word) and `planned` its only asked word; the reason it gives is no
/// reason for the plan's fate. (Not two words of five: `why did xi pick moscow for his first
/// trip` is answered by "Xi Jinping's visit to Russia is intended to promote bilateral ties",
/// which holds Xi and a visit.)
fn reason_for_something_else(expect: Expect, cover: f32) -> bool {
    expect == Expect::Reason && cover < 0.3
}

/// Whether a question asks of something not done (`why doesn't`, `why hasnt`, `why not`).
fn asks_negated(topic: &str) -> bool {
    let t = fold(topic).replace('’', "'");
    t.contains("n't ") || t.split_whitespace().any(|w| matches!(w, "not" | "never" | "no" | "nt"))
}

/// Whether a sentence says something is not so: `not`, `no longer`, `never`, `n't`, or a
/// verb of refusing what follows it (`refused to criticize`, `declined to use`).
fn says_not(text: &str) -> bool {
    let t = fold(text).replace('’', "'");
    t.contains("n't ")
        || t.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(
                w,
                "not"
                    | "never"
                    | "no"
                    | "nor"
                    | "refused"
                    | "refuses"
                    | "refusing"
                    | "refuse"
                    | "declined"
                    | "declines"
                    | "declining"
                    | "decline"
            )
        })
}

/// The numbers of a text that count something: not one of a stretch of time (`three weeks
/// after`: a duration, asked by `how long`), not a year (`in 2023`: a date), not a manner
/// (`one-on-one`).
fn counts(text: &str) -> impl Iterator<Item = regex::Match<'_>> {
    COUNT.find_iter(text).filter(|m| {
        let year = m.as_str().len() == 4 && DATE.is_match(m.as_str());
        let time = DURATION.find(&text[m.start()..]).is_some_and(|d| d.start() == 0);
        let pairing = [&text[m.end()..], &text[..m.start()]]
            .iter()
            .any(|side| ["-on-", "-to-", "-by-"].iter().any(|p| side.starts_with(p) || side.ends_with(p)));
        !year && !time && !pairing
    })
}

/// Whether a text counts what `how many …` asks (`groups`: the asked words' stems): a number
/// that counts something, followed within three words by an asked word or by `times` (`met
/// face to face more than 40 times`), not a number of something else (`the two leaders` for
/// `how many meetings`). With no asked word, any number that counts something.
fn counts_asked(analyzer: &mut Analyzer, text: &str, groups: &[Vec<String>]) -> bool {
    if groups.is_empty() {
        return counts(text).next().is_some();
    }
    counts(text).any(|m| {
        let next: Vec<String> = analyzer.stems(&text[m.end()..]).into_iter().take(3).collect();
        next.iter().any(|s| s == "time" || groups.iter().flatten().any(|t| same_word(t, s)))
    })
}

/// Whether a unit's text holds the kind of fact a question expects.
fn holds(expect: Expect, text: &str) -> bool {
    match expect {
        Expect::Duration => DURATION.is_match(text),
        Expect::Amount => AMOUNT.is_match(text),
        Expect::Count => counts(text).next().is_some(),
        Expect::Date => DATE.is_match(text),
        Expect::Place => text.split_whitespace().skip(1).any(|w| w.chars().next().is_some_and(char::is_uppercase)),
        Expect::Title => TITLE.is_match(text),
        Expect::Person => PERSON.is_match(text),
        Expect::Reason => {
            REASON.is_match(text) || DONE_FOR.is_match(text) || NEEDED_FOR.is_match(text) || names_a_danger(text)
        }
        Expect::Outcome => OUTCOME.is_match(text),
        Expect::Question => {
            let text = TAG_QUESTION.replace_all(text, "");
            text.trim_end().ends_with('?') || text.contains("? ")
        }
        Expect::Comparison => COMPARISON.is_match(text),
        // `X, a …`, `X is a …`; not `there is a …` or `it is a …`, which define nothing.
        Expect::Definition => DEFINITION.captures_iter(text).any(|c| {
            c.get(1).is_none_or(|w| {
                !matches!(w.as_str().to_lowercase().as_str(), "there" | "it" | "this" | "that" | "here")
            })
        }),
    }
}

/// How candidates are retrieved: by rank alone, or also every unit holding all the asked
/// words (a who-said question quotes the words it looks for).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Retrieval {
    Ranked,
    Verbatim,
}

/// Where candidates may come from: whose words, which kind of unit, which outlet's articles.
#[derive(Debug, Clone, Copy)]
struct Scope<'a> {
    speakers: &'a [u64],
    kind: Option<UnitKind>,
    outlet: &'a [String],
}

/// Whether the question recalls words someone said: it asks for a speaker's words or quotes
/// the words it looks for. Such a question holds the words as they were said, in their form
/// and order; a question on a topic puts it in the asker's own words (`what cars is china
/// selling russia`), where neither tells the answer apart. Its units holding every asked word
/// are also searched over the whole corpus, not only in the articles that answer the words
/// best: a person quoted in hundreds of articles (`what did trump say about …`) has a short
/// quote holding every asked word ("Who knows at this point," Eric Trump responded) in an
/// article whose whole text ranks below many that repeat one of the words; restricted to the
/// speakers' units, that search stays small.
fn recalls_words(retrieval: Retrieval, speakers: &[u64]) -> bool {
    retrieval == Retrieval::Verbatim || !speakers.is_empty()
}

/// Retrieves candidates from the index and re-ranks them.
fn rank(
    lib: &Store,
    topic: &str,
    scope: Scope<'_>,
    expect: Option<Expect>,
    max: usize,
    retrieval: Retrieval,
) -> Result<Vec<Item>> {
    let started = std::time::Instant::now();
    let Scope { speakers, kind, outlet } = scope;
    let asked = asked_words(topic, retrieval);
    let words = asked.iter().flatten().cloned().collect::<Vec<_>>().join(" ");
    let typed = typed_forms(&asked);
    let asked = match retrieval {
        Retrieval::Ranked => the_two(lib, topic, one_group_per_name(lib, asked)),
        Retrieval::Verbatim => asked,
    };
    let groups = stem_groups(lib, &asked)?;
    let terms: Vec<String> = groups.iter().flatten().cloned().collect();
    let negated = asks_negated(topic);
    let whole = recalls_words(retrieval, speakers);
    let meaning = lib.meaning(&words);
    let hits = lib.units(&SearchRequest {
        words: &words,
        speakers,
        kind,
        limit: 60,
        whole,
        forms: &groups,
        outlet,
        meaning: meaning.as_ref(),
    })?;
    tracing::debug!(us = started.elapsed().as_micros() as u64, hits = hits.len(), "searched");
    let mut analyzer = Analyzer::default();
    // The quotations that sentences among the hits belong to, looked up together.
    let mut wanted: Vec<u64> = hits.iter().filter_map(|(_, u)| u.data.within).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let parents = lib.units_by_key(&wanted)?;
    let mut scored: Vec<(f32, Unit, Span)> = Vec::new();
    // BM25 is relative to the question; scale it so the best hit scores 10 and the bonuses
    // below weigh the same for every question.
    let top = hits.iter().map(|h| h.0).fold(0.0f32, f32::max).max(f32::EPSILON);
    for (bm25, mut unit) in hits {
        // A sentence of a quotation is answered by the quotation itself.
        if let Some(p) = unit.data.within.and_then(|q| parents.get(&q)) {
            // The speaker's name in the cue (`Gabuev said`) is what the quotation's speaker
            // already says: only the other asked words tell the narration apart.
            let named: Vec<String> = match p.data.speaker.and_then(|s| lib.record(s)) {
                Some(r) => lib.index.analyse(&r.person.words.join(" "))?,
                None => Vec::new(),
            };
            let other: Vec<Vec<String>> =
                groups.iter().filter(|g| !g.iter().any(|t| named.contains(t))).cloned().collect();
            if speakers.is_empty()
                && retrieval == Retrieval::Ranked
                && !other.is_empty()
                && share_held(&mut analyzer, &other, &unit.text) > share_held(&mut analyzer, &other, &p.text)
            {
                // `"…," Xi said, calling Putin an "old friend" and congratulating him`: the
                // asked words are the article's own, around the quotation: the sentence
                // answers, as the article's narration, never as the speaker's words.
                unit.data.speaker = None;
                unit.data.attribution = Attribution::Narration;
                unit.data.within = None;
            } else {
                // The whole quotation stands in for its sentence, as close in meaning as the
                // sentence was (or closer).
                let similarity = unit.similarity.into_iter().chain(p.similarity).reduce(f32::max);
                unit = Unit { similarity, ..p.clone() };
            }
        }
        let (span, cover, phrase) = best_window(&mut analyzer, &unit, &groups);
        let bm25 = bm25 * once_per_word(&mut analyzer, &unit.text, &groups);
        let mut score = 10.0 * bm25 / top;
        if !terms.is_empty() {
            score += 4.0 * cover + 1.5 * phrase as f32;
            if cover >= 1.0 && groups.len() >= 2 {
                score += EVERY_WORD;
                if recalls_words(retrieval, speakers)
                    && in_asked_order(&text_stems(&mut analyzer, unit.slice(span), &terms), &groups)
                {
                    score += ASKED_ORDER;
                }
            }
            if recalls_words(retrieval, speakers) {
                score += EXACT_FORM * share_typed_as_asked(&typed, unit.slice(span));
            }
        }
        if let Some(e) = expect {
            // A sentence without the kind of fact asked for is a weak answer however many
            // words it shares with the question.
            let held = match e {
                Expect::Count => counts_asked(&mut analyzer, unit.slice(span), &groups),
                // `why doesn't china want putin weakened`: what is not wanted is what "would
                // be bad for" the one asked of.
                Expect::Reason if negated => holds(e, unit.slice(span)) || BAD_FOR.is_match(unit.slice(span)),
                _ => holds(e, unit.slice(span)),
            };
            if held && !reason_for_something_else(e, cover) {
                score += 3.0;
            } else if held {
                // Neither a reason for what is asked nor a sentence lacking one.
            } else {
                let denies = negated && says_not(unit.slice(span));
                score *= missing_kind_weight(e, cover, denies, groups.len());
            }
        }
        // A sentence that asks something answers nothing, unless what was asked is wanted.
        if retrieval == Retrieval::Ranked
            && speakers.is_empty()
            && expect != Some(Expect::Question)
            && holds(Expect::Question, unit.slice(span))
        {
            score *= 0.5;
        }
        if !speakers.is_empty() {
            score += match unit.data.kind {
                UnitKind::Quote if unit.data.fragment => 0.8,
                UnitKind::Quote => 1.5,
                UnitKind::Passage => 0.0,
            };
        }
        let close = unit.similarity.filter(|&s| s >= CLOSE_IN_MEANING);
        if let Some(s) = close {
            score += MEANING_WEIGHT * (s - CLOSE_IN_MEANING);
        }
        if terms.is_empty() {
            // No topic: prefer full quotes, longer first, then order of appearance. A fragment
            // (`calling Putin an "old friend"`) is shown with its sentence, which is mostly the
            // article's words: its length says nothing of how much the speaker said.
            let kind = match unit.data.kind {
                UnitKind::Quote if !unit.data.fragment => 1.0,
                UnitKind::Quote => 0.6,
                UnitKind::Passage => 0.5,
            };
            score = kind + (span.len().min(400) as f32) / 1000.0;
        } else if cover == 0.0 && expect.is_none() && speakers.is_empty() && close.is_none() {
            continue;
        }
        tracing::debug!(key = unit.key, bm25, cover, phrase, similarity = ?unit.similarity, score, text = %unit.slice(span).chars().take(60).collect::<String>(), "candidate");
        scored.push((score, unit, span));
    }
    tracing::debug!(us = started.elapsed().as_micros() as u64, "re-ranked");
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.key.cmp(&b.1.key)));
    let mut items: Vec<Item> = Vec::new();
    let mut taken: Vec<(String, Span)> = Vec::new();
    for (score, unit, span) in scored {
        // One text once: a passage inside a quote already shown (or the reverse) is a repeat.
        if taken.iter().any(|(a, s)| *a == unit.data.article && s.overlaps(span)) {
            // (a passage mapped to its quote arrives here a second time, too)
            continue;
        }
        taken.push((unit.data.article.clone(), span));
        items.push(item(lib, &unit, span, score));
        if items.len() == max {
            break;
        }
    }
    Ok(items)
}

/// `who says china came out ahead`, `who thinks putin is xis sidekick`: when no unit holds
/// every asked word, the asker put what was said in their own words rather than quoting it,
/// so the quotes are searched as any other question is (each word in the forms news writes
/// it: "Xi got more out of it", "the junior partner"), someone's quotes first. `None` when no
/// quote of anyone is found that way.
fn quotes_of_a_paraphrase(lib: &Store, topic: &str, max: usize) -> Result<Option<Vec<Item>>> {
    let anyone = Scope { speakers: &[], kind: None, outlet: &[] };
    let found = rank(lib, topic, anyone, None, max * 3, Retrieval::Ranked)?;
    let is_quote = |i: &Item| i.speaker.is_some() && i.attribution != Attribution::Authored;
    // `did anyone think the visit was no big deal`: when the article's own sentence holds
    // every asked word in the forms news writes ("Others played down the significance of
    // Putin's visit") and no quote does, it tells who thinks so, and comes first.
    let groups = stem_groups(lib, &asked_words(topic, Retrieval::Ranked))?;
    let mut analyzer = Analyzer::default();
    let mut whole = |i: &Item| share_held(&mut analyzer, &groups, &i.text) >= 1.0;
    let lead = found.first().filter(|top| !is_quote(top) && whole(top)).cloned();
    let mut quoted: Vec<Item> = found.into_iter().filter(|i| is_quote(i)).collect();
    if let Some(lead) = lead.filter(|_| !quoted.iter().any(&mut whole)) {
        quoted.insert(0, lead);
    }
    Ok(Some(quoted).filter(|q| !q.is_empty()))
}

/// The answers to `who said …`: the quotes of someone (not an author's own analysis) among
/// `found`; but when no quote holds every asked word and the article's own words do (`who
/// said no limits has limits`: the analysis says the "no limits partnership" has limits),
/// those sentences, said by nobody quoted, rather than a quote missing the words.
fn said_by_someone_or_the_article(found: Vec<Item>, whole: &[bool]) -> Vec<Item> {
    let quoted = |i: &Item| i.speaker.is_some() && i.attribution != Attribution::Authored;
    let any_quote_whole = found.iter().zip(whole).any(|(i, w)| *w && quoted(i));
    let any_whole = whole.iter().any(|w| *w);
    found
        .into_iter()
        .zip(whole)
        .filter(|(i, w)| if !any_quote_whole && any_whole { **w } else { quoted(i) })
        .map(|(i, _)| i)
        .collect()
}

/// `what do putin and xi have in common`: news names two it has just named as "the two" or
/// "both" ("The two have much in common: they are both authoritarian leaders"), so when a
/// question joins two people or two countries with `and`, each is also held by `two` or `both`.
fn the_two(people: &dyn crate::quotes::Registry, topic: &str, mut asked: Vec<Vec<String>>) -> Vec<Vec<String>> {
    static PAIR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b([\w']+)\s+and\s+([\w']+)\b").unwrap());
    if !topic.contains(" and ") {
        return asked;
    }
    let named = |w: &str| {
        let w = fold(possessor(w));
        !question::place_forms(&w).is_empty() || question::names_a_person(people, &w)
    };
    let Some(c) = PAIR.captures_iter(topic).find(|c| named(&c[1]) && named(&c[2])) else { return asked };
    let pair = [fold(&c[1]), fold(&c[2])];
    for group in asked.iter_mut().filter(|g| g.iter().any(|w| pair.contains(&fold(w)))) {
        group.extend(["two".to_string(), "both".to_string()]);
    }
    asked
}

/// A person's name asked in full (`vladimir putin`) is one asked word: articles write it in
/// full once and then by one part of it (`Putin`), and a sentence naming them either way
/// covers it.
fn one_group_per_name(people: &dyn crate::quotes::Registry, asked: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let person = |w: &str| -> Vec<PersonId> {
        people.named(&fold(w)).into_iter().filter(|id| question::is_person(people, *id)).collect()
    };
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut last: Vec<PersonId> = Vec::new();
    for group in asked {
        let ids = person(&group[0]);
        match out.last_mut() {
            Some(prev) if ids.iter().any(|id| last.contains(id)) => {
                prev.extend(group);
                last.retain(|id| ids.contains(id));
            }
            _ => {
                out.push(group);
                last = ids;
            }
        }
    }
    out
}

/// What a unit must hold to cover the question: a group of stems per asked word (any of its
/// forms will do); a word the analyser cuts in two (`12-point`) asks for each part.
fn stem_groups(lib: &Store, asked: &[Vec<String>]) -> Result<Vec<Vec<String>>> {
    let mut groups: Vec<Vec<String>> = Vec::new();
    for forms in asked {
        let stems = lib.index.analyse(possessor(&forms[0]))?;
        if stems.len() == 1 {
            let mut group = stems;
            for other in &forms[1..] {
                for stem in lib.index.analyse(other)? {
                    // Each stem once (`weapons` and `weapon` are one), the asked form first.
                    if !group.contains(&stem) {
                        group.push(stem);
                    }
                }
            }
            groups.push(group);
        } else {
            groups.extend(stems.into_iter().map(|s| vec![s]));
        }
    }
    Ok(groups)
}

/// The owner a possessive names (`china's` → `china`): its `'s` is no word of what is asked,
/// and a sentence that says `China's` or `China` covers it alike.
fn possessor(w: &str) -> &str {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).filter(|o| !o.is_empty()).unwrap_or(w)
}

/// The one person quoted first after the sentence that best holds every one of `words`: later
/// in its paragraph or in the next one (`… on Russian state television.` then `"…," noted
/// military expert Mikhail Khodarenok`).
fn quoted_after(lib: &Store, words: &str) -> Result<Option<PersonId>> {
    let groups = stem_groups(lib, &asked_words(words, Retrieval::Ranked))?;
    if groups.is_empty() {
        return Ok(None);
    }
    let passages = Scope { speakers: &[], kind: Some(UnitKind::Passage), outlet: &[] };
    let mut analyzer = Analyzer::default();
    let Some(sentence) = rank(lib, words, passages, None, 5, Retrieval::Ranked)?
        .into_iter()
        .find(|i| share_held(&mut analyzer, &groups, &i.text) >= 1.0)
    else {
        return Ok(None);
    };
    let rows = lib.audit(&sentence.document.id)?;
    let next = rows
        .iter()
        .filter(|r| {
            (r.paragraph == sentence.paragraph && r.span[0] >= sentence.span.end)
                || r.paragraph == sentence.paragraph + 1
        })
        .min_by_key(|r| r.span[0]);
    let Some(name) =
        next.filter(|r| r.speaker_kind == Some(crate::quotes::Kind::Person)).and_then(|r| r.speaker.clone())
    else {
        return Ok(None);
    };
    let words: Vec<String> = crate::text::all_words(&fold(&name));
    Ok(crate::quotes::find_in_words(lib, &words)
        .into_iter()
        .map(|(id, _)| id)
        .find(|&id| crate::quotes::Registry::person(lib, id).is_some_and(|p| p.name == name)))
}

/// An answer item for `unit`, showing `span` (the unit's span or a window inside it).
fn item(lib: &Store, unit: &Unit, span: Span, score: f32) -> Item {
    let direct = unit.data.kind == UnitKind::Quote && unit.data.attribution == Attribution::Direct;
    let pieces = if direct && !unit.data.fragment && !unit.data.turn {
        quoted_pieces(unit.slice(span), span.start)
    } else {
        Vec::new()
    };
    Item {
        pieces,
        fragment: direct && unit.data.fragment,
        kind: match unit.data.kind {
            UnitKind::Quote => ItemKind::Quote,
            UnitKind::Passage => ItemKind::Passage,
        },
        text: unit.slice(span).to_string(),
        speaker: unit.data.speaker.map(|p| lib.name(p)),
        attribution: unit.data.attribution,
        document: lib.citation(&unit.data.article),
        paragraph: unit.data.paragraph,
        span,
        date: None,
        score,
    }
}

/// Drops the question frame (`how long did`, `what is`) so only topic words are searched.
fn strip_frame(topic: &str) -> String {
    static FRAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:how (?:long|much|many|often|far)|how (?:big|large) (?:is|are|was|were)|what (?:is|are|was|were)|which \w+|where|when|why|who)\b")
            .unwrap()
    });
    FRAME.replace(topic, "").into_owned()
}

fn content_only(topic: &str) -> String {
    content_words(topic, true)
}

/// [`content_only`], keeping chat's adverbs of tone or time (see [`is_hedge`]) unless told
/// to drop them: a who-said question quotes the words it looks for, `anymore` and `even` among them.
fn content_words(topic: &str, drop_hedges: bool) -> String {
    // The country as chat types it (`US`, `U.S`, `the us`) is the `U.S.` news prints, not the
    // pronoun a stop list drops.
    let topic = THE_US.replace_all(topic, "$1 U.S.");
    let topic = US.replace_all(&topic, "U.S.");
    topic
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '$' || c == '-' || c == '.'))
        .map(|w| if w == "U.S." { w } else { w.trim_matches('.') })
        .flat_map(|w| if w == "U.S." { vec![w] } else { w.split('.').collect() })
        .filter(|w| {
            !w.is_empty() && (*w == "U.S." || !(is_frame_word(&fold(w)) || (drop_hedges && is_hedge(&fold(w)))))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word that frames a question rather than naming what it asks of: a stop word, one with
/// `'s` (`what's`, `who's`), or a negated auxiliary (`hasn't`, `didn't`): `why hasn't china
/// armed russia` asks of China arming Russia, and the sentence that answers says "reluctant".
fn is_frame_word(w: &str) -> bool {
    let w = w.replace('’', "'");
    let bare = w.strip_suffix("'s").unwrap_or(&w);
    crate::text::is_stopword(bare)
        || w.strip_suffix("n't").is_some_and(|aux| {
            matches!(
                aux,
                "has"
                    | "have"
                    | "had"
                    | "did"
                    | "does"
                    | "do"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "wo"
                    | "ca"
                    | "could"
                    | "would"
                    | "should"
            )
        })
}

/// An adverb chat puts in a question for its tone or time (`why doesnt putin trust the west
/// anymore`, `does china really`, `is it still`), or a vague noun it wraps a topic in (`what
/// kind of welcome`): the article says what is asked without it.
fn is_hedge(w: &str) -> bool {
    matches!(
        w,
        "anymore"
            | "still"
            | "really"
            | "actually"
            | "ever"
            | "even"
            | "basically"
            | "exactly"
            | "literally"
            | "kinda"
            // `why is russia full of chinese cars now`: the time is the asker's present, which
            // news seldom spells out.
            | "now"
            // Degree: `sells china the most oil` is answered where news says `biggest`.
            | "most"
            | "least"
            | "very"
            // A vague noun chat wraps a topic in (`what kind of welcome`, `the spy balloon
            // thing`, `sort of`): the topic is what it wraps.
            | "kind"
            | "sort"
            | "thing"
            | "stuff"
            // A vague word for people (`the military guys`): who they are is the word before.
            | "guys"
            | "folks"
            // `why did beijing not criticize moscow` asks as `why didn't` does (the question
            // is read as negated all the same), and news denies in other words: "refused to
            // criticize".
            | "not"
    )
}

/// The words of `topic` a search looks for.
#[cfg(test)]
fn searched_words(topic: &str, retrieval: Retrieval) -> String {
    asked_words(topic, retrieval).into_iter().flatten().collect::<Vec<_>>().join(" ")
}

/// The content words of `topic`, each with the other forms a ranked search also looks for it
/// in (a group counts as covered when any of its forms is): the past form of an irregular
/// verb, the other word of a place and its people (`ukraine`: `ukrainian`), the seat that
/// stands for a country's government (`china`: `beijing`). Not for a who-said question: it
/// quotes the words it looks for, and a unit must hold every one of them.
fn asked_words(topic: &str, retrieval: Retrieval) -> Vec<Vec<String>> {
    let topic = match retrieval {
        Retrieval::Ranked => plain_motion(&phrasal_verbs(&question::without_any_person(topic))),
        Retrieval::Verbatim => topic.to_string(),
    };
    let degree = degree_asked(&topic);
    content_words(&topic, retrieval == Retrieval::Ranked)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut group = vec![w.to_string()];
            if retrieval == Retrieval::Ranked {
                let f = fold(w);
                if degree.as_deref() == Some(f.as_str()) {
                    group.extend(compared_forms(&f));
                }
                group.extend(
                    irregular_past(&f)
                        .or_else(|| base_form(&f).and_then(|b| irregular_past(&b)))
                        .into_iter()
                        .chain(question::place_forms(&f))
                        .chain(same_thing(&f))
                        .chain(news_words(&f))
                        .chain(news_writes_for(&f))
                        .chain(number_word(&f))
                        .map(String::from)
                        .chain(american_spelling(&f))
                        .chain(other_part_of_speech(&f))
                        .chain(without_less(&f)),
                );
                // Each form once, however many rules give it (`sold`: the past of `sell`
                // and a word news writes for selling): a form twice would weigh twice.
                let mut seen = std::collections::HashSet::new();
                group.retain(|w| seen.insert(w.clone()));
            }
            group
        })
        .collect()
}

/// The adjective a `how strong is xi` question asks the degree of: news tells a degree by
/// comparing ("stronger than ever", "closer than before"), in a form a stemmer keeps apart.
fn degree_asked(topic: &str) -> Option<String> {
    let mut words = topic.split_whitespace().map(fold);
    (words.next()? == "how").then_some(())?;
    let w = words.next()?;
    let verb_follows =
        words.next().is_some_and(|v| matches!(v.as_str(), "is" | "are" | "was" | "were" | "has" | "have"));
    (verb_follows && w.len() >= 3 && !is_frame_word(&w)).then_some(w)
}

/// The comparative and superlative of a short adjective (`strong`: stronger, strongest;
/// `close`: closer; `big`: bigger; `heavy`: heavier).
fn compared_forms(w: &str) -> Vec<String> {
    let stem = if let Some(root) = w.strip_suffix('y') {
        format!("{root}i")
    } else if let Some(root) = w.strip_suffix('e') {
        root.to_string()
    } else {
        let b = w.as_bytes();
        let vowel = |c: u8| b"aeiou".contains(&c);
        let n = b.len();
        // One vowel before one final consonant doubles it: `big`, `hot`, `thin`.
        let doubles = n >= 3 && !vowel(b[n - 1]) && vowel(b[n - 2]) && !vowel(b[n - 3]) && !b"wxy".contains(&b[n - 1]);
        if doubles {
            format!("{w}{}", &w[n - 1..])
        } else {
            w.to_string()
        }
    };
    vec![format!("{stem}er"), format!("{stem}est")]
}

/// The American spelling of a British one (`defence`, `criticised`, `honour`, `analyse`,
/// `centre`): a question typed either way finds the sentence, which American news prints
/// the other way. A word that is no British spelling gets nothing.
fn american_spelling(w: &str) -> Option<String> {
    const ENDINGS: &[(&str, &str)] = &[
        ("fence", "fense"),
        ("fences", "fenses"),
        ("isation", "ization"),
        ("isations", "izations"),
        ("ise", "ize"),
        ("ises", "izes"),
        ("ised", "ized"),
        ("ising", "izing"),
        ("yse", "yze"),
        ("ysed", "yzed"),
        ("our", "or"),
        ("ours", "ors"),
        ("oured", "ored"),
        ("tre", "ter"),
        ("tres", "ters"),
    ];
    // Short words (`rise`, `four`, `hour`, `wise`) are spelled alike on both sides.
    if w.chars().count() < 6 {
        return None;
    }
    ENDINGS.iter().find_map(|(british, american)| {
        let stem = w.strip_suffix(british)?;
        // `noise`, `raise`, `poise`: a vowel before `ise` makes it no -ize verb.
        let vowel_before = stem.ends_with(['a', 'e', 'i', 'o', 'u']);
        (!(british.starts_with('i') && vowel_before)).then(|| format!("{stem}{american}"))
    })
}

/// The adjective of a noun in `-cy` or the noun of an adjective in `-tic`, which a stemmer
/// keeps apart (`democracy`/`democratic`, `diplomacy`/`diplomatic`, `autocracy`/`autocratic`):
/// a question asks of democracy where the text says "a democratic world order". Only the
/// endings that make such pairs (`-cracy`, `-macy`). Not `economy`/`economic`: "economic" is
/// in most news articles, and searching it too made `what did Brown say about the economy`
/// half as slow again at 100k articles.
fn other_part_of_speech(w: &str) -> Option<String> {
    const PAIRS: &[(&str, &str)] = &[("cracy", "cratic"), ("macy", "matic")];
    if w.chars().count() < 6 {
        return None;
    }
    PAIRS.iter().find_map(|(noun, adjective)| {
        w.strip_suffix(noun)
            .map(|stem| format!("{stem}{adjective}"))
            .or_else(|| w.strip_suffix(adjective).map(|stem| format!("{stem}{noun}")))
    })
}

/// What a word in `-less` is without (`limitless`: limit): news says "no limits" where chat
/// says `limitless`, and the answer is where the text speaks of the thing (`has limits`).
fn without_less(w: &str) -> Option<String> {
    w.strip_suffix("less").filter(|root| root.len() >= 4).map(String::from)
}

/// A small number as the other way of writing it: chat types `3 weeks` and `7 months`, news
/// prints `three weeks` and `seven months` (and the reverse: `forty` for a printed `40`).
fn number_word(w: &str) -> Option<&'static str> {
    const NUMBERS: &[(&str, &str)] = &[
        ("1", "one"),
        ("2", "two"),
        ("3", "three"),
        ("4", "four"),
        ("5", "five"),
        ("6", "six"),
        ("7", "seven"),
        ("8", "eight"),
        ("9", "nine"),
        ("10", "ten"),
        ("11", "eleven"),
        ("12", "twelve"),
        ("13", "thirteen"),
        ("14", "fourteen"),
        ("15", "fifteen"),
        ("16", "sixteen"),
        ("17", "seventeen"),
        ("18", "eighteen"),
        ("19", "nineteen"),
        ("20", "twenty"),
        ("30", "thirty"),
        ("40", "forty"),
        ("50", "fifty"),
        ("60", "sixty"),
        ("70", "seventy"),
        ("80", "eighty"),
        ("90", "ninety"),
        ("100", "hundred"),
    ];
    NUMBERS.iter().find_map(|&(digits, word)| match w {
        _ if w == digits => Some(word),
        _ if w == word => Some(digits),
        _ => None,
    })
}

/// Chat says `go to china` and `went with putin` where news writes of a visit or a trip and of
/// those who accompanied someone (a delegation): those are the words searched. `going to` (or
/// `gonna`) before a verb tells the future (`what were they going to sign`), no motion: it is
/// left out; before a place or an article (`going to china`, `going to the summit`) it is one.
fn plain_motion(topic: &str) -> String {
    static FUTURE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:going\s+to|gonna)\s+([\w']+)").unwrap());
    static TO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:go|goes|going|gone|went|come|comes|came|travel|travels|travell?ed|fly|flies|flew|head|headed)\s+to\b").unwrap()
    });
    static WITH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:go|goes|going|gone|went|come|comes|came|travel|travels|travell?ed|fly|flies|flew)\s+with\b",
        )
        .unwrap()
    });
    // `came along`, `tagged along (with)`: those who went with someone, as above.
    static ALONG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:go|goes|going|gone|went|come|comes|came|tag|tags|tagged|tagging)\s+along\b").unwrap()
    });
    let topic = FUTURE.replace_all(topic, |c: &regex::Captures<'_>| {
        let next = fold(&c[1]);
        let motion = matches!(next.as_str(), "the" | "a" | "an" | "his" | "her" | "their" | "its" | "visit" | "see")
            || !question::place_forms(&next).is_empty();
        if motion {
            c[0].to_string()
        } else {
            c[1].to_string()
        }
    });
    let topic = TO.replace_all(&topic, "visit to");
    let topic = ALONG.replace_all(&topic, "accompanied");
    WITH.replace_all(&topic, "accompanied with").into_owned()
}

/// `where does china get its oil`, `where did russia buy drones`: where someone gets a thing
/// asks who supplies it to them, and news names that one its supplier (`Russia last year
/// became China's biggest oil supplier`): the getting is searched as a supplier.
fn supplied_from(topic: &str) -> String {
    static WHERE_GET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(where\s+(?:do|does|did|will|would|can|could)\s+.+?\s+)(?:get|gets|got|getting|obtain|obtains|obtained|source|sources|sourced|buy|buys|bought|import|imports|imported)\b").unwrap()
    });
    let Some(c) = WHERE_GET.captures(topic) else { return topic.to_string() };
    // `where did they get to`, `where do we get off`: getting somewhere is no supply.
    let next = topic[c.get(0).map_or(0, |m| m.end())..].split_whitespace().next().map(fold);
    if next.as_deref().is_none_or(|w| {
        matches!(w, "to" | "there" | "here" | "away" | "back" | "off" | "out" | "up" | "on" | "in" | "into" | "stuck")
    }) {
        return topic.to_string();
    }
    WHERE_GET.replace(topic, "${1}supplier").into_owned()
}

/// A phrasal verb means what its verb and particle mean together, which neither word says
/// alone, and news writes it as one verb: `holding them back` is blocking or preventing (news:
/// "trying to block their nations' rise"), `cozying up to` is getting closer, `came out
/// ahead` is getting more or doing better. Each is searched as the words news writes.
fn phrasal_verbs(topic: &str) -> String {
    static BACK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:hold|holds|holding|held|keep|keeps|keeping|kept)\s+(?:\w+\s+)?back\b").unwrap()
    });
    static UP_TO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:cozy|cozies|cozying|cozied|cosy|cosying|snuggling|sucking)\s+up\b").unwrap()
    });
    static AHEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:come|comes|coming|came)\s+out\s+(?:ahead|on\s+top|better|the\s+winner)\b").unwrap()
    });
    // `has the war been going on`, `what's going on with …`: what is happening; not `going
    // on a trip`.
    static GOING_ON: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\b(?:go|goes|going|went)\s+on\b(?:\s+(a|an|the|his|her|their)\b)?").unwrap());
    // `what's the deal with harbin`, `what's up with …`: what is there to know of it; no deal.
    static DEAL_WITH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\b(?:the\s+deal|the\s+story|up)\s+with\b").unwrap());
    // `push putin to stop`: to pressure someone to do something (not `push for`, which is
    // to call for it).
    static PUSH_TO: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\bpush(?:es|ed|ing)?\s+([\w']+)\s+to\b").unwrap());
    // `no big deal`, `not a big deal`: of little significance, as news writes it.
    static BIG_DEAL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\b(?:no|not\s+a|not\s+that|not\s+such\s+a)\s+big\s+deal\b").unwrap());
    // `how often do they see each other`: people who see each other meet, as news writes it
    // (`have met face to face`); `each other` alone would match "supported each other".
    static SEE_EACH_OTHER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\b(?:see|sees|seeing|saw|seen)\s+(?:each\s+other|one\s+another)\b").unwrap());
    // `what is putin asking xi for`: asking someone for something is pushing for it, as news
    // writes a leader's demands (`Putin will push for more Chinese assistance`); `ask` alone is
    // a question put, and stays.
    static ASK_FOR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\b(?:ask|asks|asking|asked)\s+(?:(\w+)\s+)?for\b").unwrap());
    // (`holding them down` is left as typed: news writes it so too.)
    let topic = SEE_EACH_OTHER.replace_all(topic, "meet");
    let topic = ASK_FOR.replace_all(&topic, "push $1 for");
    let topic = GOING_ON.replace_all(
        &topic,
        |c: &regex::Captures<'_>| {
            if c.get(1).is_some() {
                c[0].to_string()
            } else {
                String::new()
            }
        },
    );
    let topic = BIG_DEAL.replace_all(&topic, "significance");
    let topic = DEAL_WITH.replace_all(&topic, "");
    let topic = PUSH_TO.replace_all(&topic, "pressure $1 to");
    let topic = BACK.replace_all(&topic, "block");
    // `what will they keep secret`, `keeping it quiet`: what is kept is the secret, and
    // `keep` alone would match "keep its economy afloat".
    static KEEP_SECRET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:keep|keeps|keeping|kept)\s+(?:\w+\s+)?(?:secret|quiet|hidden|private|under\s+wraps)\b")
            .unwrap()
    });
    let topic = KEEP_SECRET.replace_all(&topic, "secret");
    let topic = UP_TO.replace_all(&topic, "closer");
    // `the most oil`, `most of its oil`: the biggest share of it, as news writes (`China's
    // biggest oil supplier`); `most analysts` is a hedge. (Only `biggest`: `biggest` asked is
    // not also `primary`, which would take "primary … customers" for the biggest customer.)
    static THE_MOST: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:the\s+most|most\s+of)\b").unwrap());
    let topic = mere_talk(&topic);
    let topic = AHEAD.replace_all(&topic, "got more better");
    THE_MOST.replace_all(&topic, "biggest").into_owned()
}

/// `just talk`, `all talk`, `only words`: words with nothing done behind them, which news
/// calls "rhetoric" or "proclamations" (`proclamations are one thing, and the practical
/// realities can sometimes be another`); no talks held.
fn mere_talk(topic: &str) -> String {
    static MERE_TALK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:just|only|all|mere|mostly|merely|empty)\s+(?:talk|talking|words|hot\s+air)\b").unwrap()
    });
    MERE_TALK.replace_all(topic, "rhetoric").into_owned()
}

/// Words news uses for the same thing a question asks of: a visit is a trip; those who go
/// with someone accompany them, as a delegation.
fn same_thing(w: &str) -> Vec<&'static str> {
    const SAME: &[&[&str]] = &[
        &["visit", "visits", "visited", "trip", "trips"],
        &["accompanied", "accompany", "delegation", "entourage", "retinue"],
        &["tv", "television"],
        // News reports the same stance in several words; a question uses any of them.
        &[
            "condemn",
            "condemns",
            "condemned",
            "condemnation",
            "criticize",
            "criticise",
            "criticized",
            "criticism",
            "denounce",
            "denounced",
        ],
        &[
            "worried",
            "worry",
            "worries",
            "concern",
            "concerns",
            "concerned",
            "trouble",
            "troubles",
            "troubled",
            "alarm",
            "alarmed",
        ],
        &["charged", "accused", "accuse", "accuses"],
        &["firm", "firms", "company", "companies"],
        &["arm", "armed", "arming", "weapon", "weapons", "weaponry", "military"],
    ];
    SAME.iter().find(|g| g.contains(&w)).map(|g| g.iter().copied().filter(|x| *x != w).collect()).unwrap_or_default()
}

/// The words news writes for what chat says in everyday words: people ask whether talks were
/// `boring`, an idea `outdated`, energy `cheap`, a city `near` a border, whether Putin is a
/// `sidekick` or was `reelected`, where articles print "bland", "outmoded", "discounts",
/// "close to", "junior partner" and "a fifth term". A paraphrase shares no word with the
/// sentence that answers it, so each group is searched as one asked word (any of its forms
/// covers it, a form other than the asked one weighing less). Groups hold words of one sense
/// only, in the registers of chat and of news, none naming anything in particular.
fn news_words(w: &str) -> Vec<&'static str> {
    const PLAIN_AND_NEWS: &[&[&str]] = &[
        &["boring", "dull", "bland", "unremarkable"],
        &["rhetoric", "proclamations", "posturing"],
        // Learning from something is coming to understand it, as news writes.
        &["learn", "learns", "learned", "learnt", "learning", "understand", "understands", "understanding"],
        &["outdated", "obsolete", "outmoded", "antiquated"],
        &["cheap", "cheaper", "discount", "discounts", "discounted"],
        &["near", "nearby", "close"],
        &["dictator", "dictators", "autocrat", "autocrats", "autocratic", "authoritarian", "strongman", "despot"],
        &["sidekick", "underling", "junior", "subordinate", "vassal"],
        &["pity", "sympathy", "charity", "compassion"],
        &["chip", "chips", "semiconductor", "semiconductors", "microelectronics", "electronics"],
        &["missile", "missiles", "munitions", "ammunition", "ammo", "weapons"],
        // (Not `election` or `elected`: an election is no second term.)
        &["reelected", "reelect", "reelection", "term"],
        &["know", "knew", "aware", "informed"],
        // (Not `lost` or `lose`: people lose jobs and money far more often than wars.)
        &["losing", "defeat", "defeated"],
        &["win", "winning", "won", "victory"],
        &["sell", "sells", "sold", "selling", "export", "exports", "exported", "supplier", "suppliers"],
        &["buy", "buys", "bought", "buying", "purchase", "purchases", "import", "imports", "customer", "customers"],
        &["distance", "distancing", "downgrade", "abandon", "abandoning", "ditch", "ditching", "dump", "dumping"],
        // How someone weighs a thing: news writes that it is "assessed" or "evaluated".
        &[
            "judge",
            "judges",
            "judged",
            "judging",
            "assess",
            "assesses",
            "assessed",
            "evaluate",
            "evaluates",
            "evaluated",
        ],
        &["contain", "containment", "encircle", "encircling", "suppress", "suppressing"],
        &["hurt", "hurts", "harm", "harms", "damage", "damages"],
        &["comments", "comment", "remarks", "remark"],
        // (Not `interest`: news writes of interest rates.)
        &["care", "cares", "interested"],
        &["cause", "caused", "causes", "provoke", "provoked", "provokes", "trigger", "triggered"],
        // (Not `part`: to take part is no component.)
        &["parts", "component", "components"],
        &["america", "U.S."],
        &["cozy", "cozying", "closer"],
        &["war", "wars", "conflict", "conflicts"],
        &["transactional", "business", "businesslike"],
        &["jealous", "envious", "envy"],
        // A market `full of` goods is one they "flooded".
        &["full", "flooded", "flooding", "awash"],
        &["afraid", "fear", "fears", "feared", "scared", "frightened"],
        &["rely", "relies", "relying", "reliant", "depend", "depends", "dependent", "dependence"],
        &["downside", "downsides", "drawback", "drawbacks", "problem"],
        &[
            "give",
            "gives",
            "gave",
            "giving",
            "provide",
            "provides",
            "provided",
            "providing",
            "send",
            "sends",
            "sending",
        ],
        &["talk", "talked", "spoke", "speak", "speaks"],
        &["help", "helps", "helped", "helping", "aid", "aided", "aiding", "assist", "assisted", "assistance"],
        // A name something goes by: news writes that it is "known as" or "dubbed" one.
        &["nickname", "nicknames", "nicknamed", "dubbed", "known"],
        // The media: news writes of its reporting, coverage and bulletins.
        &["media", "press", "reporting", "coverage", "bulletins", "broadcasts"],
    ];
    PLAIN_AND_NEWS
        .iter()
        .find(|g| g.contains(&w))
        .map(|g| g.iter().copied().filter(|x| *x != w).collect())
        .unwrap_or_default()
}

/// What news writes where chat names a thing, one way only: a question asking of the news
/// word asks of no more than it. `how did the us punish firms`: "hit … with sanctions" (but
/// `Western punishment for that force` is no sanction); `what will they keep secret`: what is
/// not shared "publicly", given no "visibility" (but what was said publicly is no secret).
fn news_writes_for(w: &str) -> Vec<&'static str> {
    const ONE_WAY: &[(&[&str], &[&str])] = &[
        (
            &[
                "punish",
                "punishes",
                "punished",
                "punishing",
                "punishment",
                "penalize",
                "penalized",
                "penalise",
                "penalised",
            ],
            &["sanctions", "sanctioned"],
        ),
        (
            &["secret", "secrets", "secretly", "secrecy", "hidden", "confidential", "private", "privately"],
            &["publicly", "visibility"],
        ),
        // Whether a thing mattered: news weighs its "significance" (but a significant rise
        // is not asked as one that mattered).
        (&["matter", "matters", "mattered"], &["significance", "significant"]),
        // `did china send anyone to putin's swearing in`: news writes of a leader's
        // "inauguration" (but an inauguration asked of is no oath sworn).
        (&["swearing", "sworn"], &["inauguration", "inaugurated"]),
        // `why is china so important to russia`: news writes that a tie is "fundamental",
        // "essential" or "vital" to something (but what is fundamental is not all that
        // chat would call important).
        (&["important", "importance"], &["fundamental", "essential", "vital", "crucial"]),
        // `what does china sell russia`, `why is moscow selling gas to india`: what is sold
        // news names the "goods", and those sold to its "customers" (but goods or customers
        // asked of are not all that is sold).
        (
            &["sell", "sells", "sold", "selling", "export", "exports", "exported", "exporting"],
            &["goods", "products", "customer", "customers"],
        ),
        // `does china bankroll the war`: paying for something is giving "money", a
        // "lifeline" or "funding" (but money asked of is not funding).
        (
            &[
                "bankroll",
                "bankrolls",
                "bankrolled",
                "bankrolling",
                "fund",
                "funds",
                "funded",
                "funding",
                "finance",
                "finances",
                "financed",
                "financing",
            ],
            &["money", "lifeline", "funding", "financing"],
        ),
    ];
    ONE_WAY.iter().find(|(chat, _)| chat.contains(&w)).map(|(_, news)| news.to_vec()).unwrap_or_default()
}

/// `did they meet` asks what the text tells in the past (`they met`), and a stemmer joins
/// only regular forms: an irregular verb is searched in its past form too.
fn irregular_past(w: &str) -> Option<&'static str> {
    const PAST: &[(&str, &str)] = &[
        ("meet", "met"),
        ("go", "went"),
        ("buy", "bought"),
        ("sell", "sold"),
        ("send", "sent"),
        ("give", "gave"),
        ("take", "took"),
        ("make", "made"),
        ("hold", "held"),
        ("bring", "brought"),
        ("seek", "sought"),
        ("choose", "chose"),
        ("lead", "led"),
        ("win", "won"),
        ("lose", "lost"),
        ("grow", "grew"),
        ("begin", "began"),
        ("fight", "fought"),
        ("leave", "left"),
        ("see", "saw"),
        ("tell", "told"),
        ("know", "knew"),
    ];
    PAST.iter().find(|(base, _)| *base == w).map(|(_, past)| *past)
}

/// The base form of a verb's `-ing` or `-s` form or of a noun made from it (`meetings`,
/// `selling`, `winning`, `giving`), for the irregular past to look up: `how many meetings`
/// is answered where the text says they `met`.
fn base_form(w: &str) -> Option<String> {
    let stem = w.strip_suffix("ings").or_else(|| w.strip_suffix("ing")).or_else(|| w.strip_suffix('s'))?;
    if stem.len() < 2 {
        return None;
    }
    let mut candidates = vec![stem.to_string(), format!("{stem}e")];
    let b = stem.as_bytes();
    if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] {
        candidates.push(stem[..stem.len() - 1].to_string());
    }
    candidates.into_iter().find(|c| irregular_past(c).is_some())
}

/// `US`, `U.S`, `U.S.` as written (capitals: never the pronoun).
static US: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bU\.?S\b\.?").unwrap());
/// `the us` in lower case: after an article it is the country.
static THE_US: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(the)\s+u\.?s\b\.?").unwrap());

/// The span an answer shows for a unit, with the fraction of question terms it covers and
/// how many question-term pairs it holds in order. Long transcript turns are cut to the
/// window of whole sentences that covers the question best.
fn best_window(analyzer: &mut Analyzer, unit: &Unit, groups: &[Vec<String>]) -> (Span, f32, usize) {
    let terms: Vec<String> = groups.iter().flatten().cloned().collect();
    let terms = terms.as_slice();
    let measure = |stems: &[String]| coverage(groups, stems);
    let span = unit.data.span;
    let long_turn = unit.data.turn && span.len() > WINDOW_CHARS;
    if !long_turn {
        if terms.is_empty() {
            return (span, 0.0, 0);
        }
        let (c, p) = measure(&text_stems(analyzer, &unit.text, terms));
        return (span, c, p);
    }
    let sentences: Vec<(Span, Vec<String>)> =
        unit.data.sentences.iter().map(|&s| (s, text_stems(analyzer, unit.slice(s), terms))).collect();
    let mut best = (sentences.first().map_or(span, |s| s.0), -1.0f32, 0usize);
    // Each sentence's share of a window's coverage, read once: a window's is their union and
    // the pairs across its sentences (was: every window's stems measured anew, quadratic in
    // the sentences of a long turn).
    let covers: Vec<SentenceCover<'_>> = sentences.iter().map(|(_, stems)| SentenceCover::of(groups, stems)).collect();
    for i in 0..sentences.len() {
        let mut window = WindowCover::new(groups);
        for j in i..sentences.len() {
            let span = Span::new(sentences[i].0.start, sentences[j].0.end);
            if span.len() > WINDOW_CHARS && j > i {
                break;
            }
            window.add(groups, &covers[j]);
            let (c, p) = window.measure(groups);
            // Prefer coverage, then phrase order, then the shorter window.
            let better = c > best.1 || (c == best.1 && p > best.2);
            if better {
                best = (span, c, p);
            }
        }
    }
    (best.0, best.1.max(0.0), best.2)
}

/// A text's stems near the asked `terms` ([`Analyzer::stems_near`]), and a hyphenated word's
/// also as one closed word when that is asked: chat types `ceasefire` and `reelected` where
/// news prints "cease-fire" and "re-elected", which the analyser cuts in two.
fn text_stems(analyzer: &mut Analyzer, text: &str, terms: &[String]) -> Vec<String> {
    static HYPHENATED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b\p{L}+(?:-\p{L}+)+\b").unwrap());
    let mut stems = analyzer.stems_near(text, terms);
    // News spells the country out as often as it writes `U.S.`: "accusing the United States
    // and its allies" is about the U.S. (or America) asked.
    if text.contains("United States") {
        stems.extend(analyzer.stems("U.S. America").into_iter().filter(|s| terms.contains(s)));
    }
    // (Only for an asked word the text does not hold as itself: most texts of a question hold
    // its short words, `oil`, `war`, and are not scanned for names.)
    let wanted: Vec<&String> = terms.iter().filter(|t| could_be_initials(t) && !stems.contains(t)).collect();
    if !wanted.is_empty() {
        stems.extend(initials_held(text, &wanted));
    }
    if text.contains('-') {
        for m in HYPHENATED.find_iter(text) {
            let closed = m.as_str().replace('-', "");
            stems.extend(analyzer.stems(&closed).into_iter().filter(|s| terms.iter().any(|t| same_word(t, s))));
        }
    }
    stems
}

/// Whether an asked word could be initials (`pla`, `ccp`, `nsc`): two to five letters.
fn could_be_initials(term: &str) -> bool {
    (2..=5).contains(&term.len()) && term.bytes().all(|b| b.is_ascii_lowercase())
}

/// Which of `wanted` are the initials of a run of two or more capitalised words in `text`
/// (`People's Liberation Army` → `pla`, or of a run inside it), lower case. Chat types an
/// organisation by the initials it goes by (`pla taiwan`, `ccp`), where an article spells its
/// name out once; the small words inside a name (`of`, `the`, `and`, `for`) are no initials of
/// it. One pass over the words, nothing allocated unless a run holds a wanted word: it runs on
/// every candidate of a question that asks a short word.
fn initials_held(text: &str, wanted: &[&String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut run = String::new();
    let mut flush = |run: &mut String| {
        if run.chars().nth(1).is_some() {
            for w in wanted {
                if run.contains(w.as_str()) && !out.contains(*w) {
                    out.push((*w).clone());
                }
            }
        }
        run.clear();
    };
    let is_word_char = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    for w in text.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()) {
        let mut chars = w.chars();
        let first = chars.next().unwrap_or(' ');
        if first.is_uppercase() && chars.any(|c| c.is_lowercase()) {
            run.extend(first.to_lowercase());
        } else if run.is_empty() || !matches!(w, "of" | "the" | "and" | "for") {
            flush(&mut run);
        }
    }
    flush(&mut run);
    out
}

/// What one sentence's stems give a window's [`coverage`]: the asked words they hold (bit `g`
/// for group `g`), the asked pairs they hold in order (bit `k` for groups `k`, `k + 1`), and
/// their first and last content stems, which pair with the sentences around them.
struct SentenceCover<'a> {
    held: Bits,
    pairs: Bits,
    first: Option<&'a String>,
    last: Option<&'a String>,
}

impl<'a> SentenceCover<'a> {
    fn of(groups: &[Vec<String>], stems: &'a [String]) -> SentenceCover<'a> {
        let mut held = Bits::new(groups.len());
        for (i, g) in groups.iter().enumerate() {
            if g.iter().any(|t| stems.iter().any(|s| same_word(t, s))) {
                held.set(i);
            }
        }
        // In order, the small words a question drops (`visit to russia`) left out.
        let content: Vec<&String> = stems.iter().filter(|s| !crate::text::is_stopword(s)).collect();
        let mut pairs = Bits::new(groups.len());
        for p in content.windows(2) {
            set_pairs(&mut pairs, groups, p[0], p[1]);
        }
        SentenceCover { held, pairs, first: content.first().copied(), last: content.last().copied() }
    }
}

/// Sets the asked pairs (bit `k` for groups `k`, `k + 1`) that content stems `a` then `b` are.
fn set_pairs(pairs: &mut Bits, groups: &[Vec<String>], a: &String, b: &String) {
    for (k, w) in groups.windows(2).enumerate() {
        if w[0].contains(a) && w[1].contains(b) {
            pairs.set(k);
        }
    }
}

/// A set of small numbers.
#[derive(Clone)]
struct Bits(Vec<u64>);

impl Bits {
    fn new(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn add(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a |= b);
    }
    fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }
}

/// A window of whole sentences' coverage, grown a sentence at a time: [`coverage`] of the
/// window's stems, without reading them again.
struct WindowCover<'a> {
    held: Bits,
    pairs: Bits,
    last: Option<&'a String>,
}

impl<'a> WindowCover<'a> {
    fn new(groups: &[Vec<String>]) -> WindowCover<'a> {
        WindowCover { held: Bits::new(groups.len()), pairs: Bits::new(groups.len()), last: None }
    }

    fn add(&mut self, groups: &[Vec<String>], next: &SentenceCover<'a>) {
        self.held.add(&next.held);
        self.pairs.add(&next.pairs);
        if let (Some(a), Some(b)) = (self.last, next.first) {
            set_pairs(&mut self.pairs, groups, a, b);
        }
        self.last = next.last.or(self.last);
    }

    fn measure(&self, groups: &[Vec<String>]) -> (f32, usize) {
        if groups.is_empty() {
            return (0.0, 0);
        }
        (self.held.count() as f32 / groups.len() as f32, self.pairs.count())
    }
}

/// The fraction of asked words (`groups`: each word's forms) that `stems` (a text's, in
/// order) cover, and how many pairs of them it holds in the asked order.
fn coverage(groups: &[Vec<String>], stems: &[String]) -> (f32, usize) {
    let mut whole = WindowCover::new(groups);
    whole.add(groups, &SentenceCover::of(groups, stems));
    whole.measure(groups)
}

/// The share of asked words (`groups`) that `text` holds: [`coverage`]'s first half, with only
/// the words that could be asked ones stemmed.
fn share_held(analyzer: &mut Analyzer, groups: &[Vec<String>], text: &str) -> f32 {
    let terms: Vec<String> = groups.iter().flatten().cloned().collect();
    coverage(groups, &text_stems(analyzer, text, &terms)).0
}

/// The share of BM25 a unit keeps so that an asked word counts once however many of its
/// forms the unit holds (`China` and `Beijing` in one sentence), and a word held only in
/// another form (`Chinese` for `china`, `anti-Western` for `the west`) counts less than the
/// form asked: the asked words it holds, weighed so, over the forms it holds.
fn once_per_word(analyzer: &mut Analyzer, text: &str, groups: &[Vec<String>]) -> f32 {
    if groups.iter().all(|g| g.len() == 1) {
        return 1.0;
    }
    let terms: Vec<String> = groups.iter().flatten().cloned().collect();
    let stems = text_stems(analyzer, text, &terms);
    let held = |t: &String| stems.iter().any(|s| same_word(t, s));
    let words: f32 =
        groups.iter().filter(|g| g.iter().any(held)).map(|g| if held(&g[0]) { 1.0 } else { OTHER_FORM }).sum();
    let forms = groups.iter().map(|g| g.iter().filter(|t| held(t)).count()).sum::<usize>();
    if forms == 0 {
        1.0
    } else {
        words / forms as f32
    }
}

/// What a word held only in another form than the one asked weighs in BM25.
const OTHER_FORM: f32 = 0.7;

/// What a unit holding every asked word in the very form it was typed gains over one holding
/// them only as other words of their stems: enough to settle a near-tie, never to outweigh
/// a word held or missed.
const EXACT_FORM: f32 = 1.0;

/// What a unit holding every asked word in the order they were asked gains: a tie-breaker.
const ASKED_ORDER: f32 = 0.5;

/// The asked words as typed, each in the analyser's plain tokens (lower case, split where a
/// letter or digit ends): the first form of every asked group, before any other form a rule
/// adds to it.
fn typed_forms(asked: &[Vec<String>]) -> Vec<String> {
    asked.iter().filter_map(|g| g.first()).flat_map(|w| plain_tokens(w).collect::<Vec<_>>()).collect()
}

/// `text` in the analyser's plain tokens: split on what is not a letter or digit, lower case.
fn plain_tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// The share of the asked words (`typed`, see [`typed_forms`]) that `text` holds in the very
/// form they were typed. A stemmer joins words a question tells apart: asked of `show`, the
/// sentence saying "which Donald Trump will show up" quotes the words recalled, one saying
/// "showing videos of Donald Trump" only a word of the same stem; `negotiator` is not the
/// "negotiable" it stems alike with. Coverage counts both the same; the form typed settles it.
fn share_typed_as_asked(typed: &[String], text: &str) -> f32 {
    if typed.is_empty() {
        return 0.0;
    }
    let held: HashSet<String> = plain_tokens(text).filter(|w| typed.contains(w)).collect();
    typed.iter().filter(|t| held.contains(*t)).count() as f32 / typed.len() as f32
}

/// Whether `stems` (a text's, in order) hold the asked words (`groups`) one after another in
/// the order they were asked, other words between them or not. A question that recalls words
/// of a quotation recalls them in the order they were said: asked `people what's happening`,
/// "led by people that don't know what's happening" is the quote, "what's happening in
/// Colorado, where the people" another that holds the same words the other way round.
fn in_asked_order(stems: &[String], groups: &[Vec<String>]) -> bool {
    let mut next = 0;
    for s in stems {
        if next < groups.len() && groups[next].iter().any(|t| same_word(t, s)) {
            next += 1;
        }
    }
    next == groups.len()
}

/// Stems of one word: equal, or one a prefix of the other when both are long enough
/// (`suppli` from "supplies" and `supplier`).
fn same_word(a: &str, b: &str) -> bool {
    a == b || (a.len() >= 5 && b.len() >= 5 && (a.starts_with(b) || b.starts_with(a)) && a.len().abs_diff(b.len()) <= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_question_recalling_someones_words_searches_every_article_and_weighs_form_and_order() {
        assert!(recalls_words(Retrieval::Ranked, &[3]));
        assert!(recalls_words(Retrieval::Verbatim, &[]));
        assert!(!recalls_words(Retrieval::Ranked, &[]));
    }

    #[test]
    fn a_window_grown_sentence_by_sentence_covers_what_its_stems_together_cover() {
        let groups: Vec<Vec<String>> = [vec!["war"], vec!["iraq", "iraqi"], vec!["troop"], vec!["war"]]
            .iter()
            .map(|g| g.iter().map(|t| t.to_string()).collect())
            .collect();
        // Stopwords, skipped words ("") and sentences with no content word between the pairs.
        let sentences: Vec<Vec<String>> = [
            vec!["the", "war"],
            vec!["in", "the"],
            vec!["iraq", "troop", ""],
            vec![],
            vec!["war", "iraqi", "of", "troop"],
            vec!["", "war"],
        ]
        .iter()
        .map(|s| s.iter().map(|t| t.to_string()).collect())
        .collect();
        let covers: Vec<SentenceCover<'_>> = sentences.iter().map(|s| SentenceCover::of(&groups, s)).collect();
        let mut checked = 0;
        for i in 0..sentences.len() {
            let mut window = WindowCover::new(&groups);
            let mut stems: Vec<String> = Vec::new();
            for j in i..sentences.len() {
                window.add(&groups, &covers[j]);
                stems.extend(sentences[j].iter().cloned());
                assert_eq!(window.measure(&groups), coverage(&groups, &stems), "sentences {i}..={j}");
                checked += usize::from(coverage(&groups, &stems).1 > 0);
            }
        }
        // Pairs across sentences are among those checked.
        assert!(checked > 5, "{checked}");
        assert_eq!(WindowCover::new(&[]).measure(&[]), coverage(&[], &[]));
    }

    fn shown(text: &str) -> Vec<&str> {
        quoted_pieces(text, 100).iter().map(|p| &text[p.start - 100..p.end - 100]).collect()
    }

    #[test]
    fn the_most_of_something_is_searched_as_the_biggest_share_news_ranks() {
        let words = searched_words("china get most of its oil", Retrieval::Ranked);
        assert!(words.contains("biggest") && !words.contains("most"), "{words}");
        assert!(searched_words("sells china the most oil", Retrieval::Ranked).contains("biggest"));
        // `most` before a plural is a hedge: nothing to search.
        assert_eq!(searched_words("most analysts", Retrieval::Ranked), "analysts");
    }

    #[test]
    fn where_someone_gets_a_thing_asks_for_its_supplier() {
        assert_eq!(supplied_from("where does china get most of its oil"), "where does china supplier most of its oil");
        assert_eq!(supplied_from("where did russia buy drones"), "where did russia supplier drones");
        // Getting somewhere is no supply.
        assert_eq!(supplied_from("where did they get to"), "where did they get to");
        assert_eq!(supplied_from("how did china get richer"), "how did china get richer");
    }

    #[test]
    fn an_entourage_is_searched_as_the_delegation_news_writes_of() {
        assert!(searched_words("putin's entourage", Retrieval::Ranked).contains("delegation"));
    }

    #[test]
    fn a_nickname_is_searched_as_what_a_place_is_known_as_or_dubbed() {
        let words = searched_words("harbin nickname", Retrieval::Ranked);
        assert!(words.contains("known") && words.contains("dubbed"), "{words}");
    }

    #[test]
    fn the_media_are_searched_in_the_words_news_writes_of_their_reporting() {
        let words = searched_words("chinese state media", Retrieval::Ranked);
        assert!(words.contains("reporting") && words.contains("bulletins"), "{words}");
        // Only a word of the media asks for them.
        assert!(!searched_words("state tv", Retrieval::Ranked).contains("reporting"));
    }

    #[test]
    fn how_big_something_is_searches_the_thing_not_the_size_word() {
        assert_eq!(strip_frame("how big is china russia trade").trim(), "china russia trade");
        assert_eq!(strip_frame("how big a deal was it"), "how big a deal was it");
    }

    #[test]
    fn the_country_typed_as_us_is_searched_as_the_us_news_prints() {
        assert_eq!(content_only("charap on the us"), "charap U.S.");
        assert_eq!(content_only("blinken US sanctions"), "blinken U.S. sanctions");
        assert_eq!(content_only("what did U.S officials say"), "U.S. officials");
        assert_eq!(content_only("tell us about oil"), "oil", "the pronoun stays a stop word");
    }

    #[test]
    fn a_negated_auxiliary_or_a_contracted_question_word_is_no_topic_word() {
        assert_eq!(content_only("why hasn't china armed russia"), "china armed russia");
        assert_eq!(content_only("why hasn’t china armed russia"), "china armed russia");
        assert_eq!(content_only("what's little moscow"), "little moscow");
        assert_eq!(content_only("putin's trip"), "putin's trip");
    }

    #[test]
    fn a_stance_asked_in_one_word_is_searched_in_the_others_news_uses_for_it() {
        let groups = asked_words("did china condemn the invasion", Retrieval::Ranked);
        assert!(groups[1].contains(&"criticism".to_string()), "{groups:?}");
        assert!(asked_words("why hasn't china armed russia", Retrieval::Ranked)[1].contains(&"weapons".to_string()));
        assert_eq!(asked_words("condemn", Retrieval::Verbatim), [["condemn"]]);
    }

    #[test]
    fn an_organisation_typed_by_its_initials_is_held_where_its_name_is_spelled_out() {
        let mut a = Analyzer::default();
        let held = |text: &str, w: &str| initials_held(text, &[&w.to_string()]) == [w];
        assert!(held("the People's Liberation Army attempt to take Taiwan by force", "pla"));
        assert!(held("the Secretary of the Security Council spoke", "sc"));
        assert!(held("the Secretary of the Security Council spoke", "ssc"));
        assert!(held("ruled by the Chinese Communist Party", "ccp"));
        assert!(!held("the Chinese, Communist and other Party", "ccp"));
        // One capitalised word alone has no initials; an all-capital word is no name spelled out.
        assert!(!held("Taiwan and NATO", "tn"));
        assert!(!held("Taiwan and NATO", "ta"));
        // The United States spelled out is the U.S. and America asked.
        let groups: Vec<Vec<String>> = vec![a.stems("U.S."), a.stems("america")];
        assert_eq!(share_held(&mut a, &groups[..1], "accusing the United States of"), 1.0);
        assert_eq!(share_held(&mut a, &groups[1..], "accusing the United States of"), 1.0);
        let groups = vec![vec!["pla".to_string()], vec!["taiwan".to_string()]];
        assert_eq!(share_held(&mut a, &groups, "the People's Liberation Army attempt to take Taiwan"), 1.0);
    }

    #[test]
    fn a_phrasal_verb_is_searched_as_the_one_verb_news_writes() {
        assert_eq!(phrasal_verbs("do they think america is holding them back"), "do they think america is block");
        assert_eq!(phrasal_verbs("does cozying up to russia hurt china"), "does closer to russia hurt china");
        assert_eq!(phrasal_verbs("who says china came out ahead"), "who says china got more better");
        assert_eq!(phrasal_verbs("who has their back"), "who has their back");
        assert_eq!(phrasal_verbs("is the west holding them down"), "is the west holding them down");
    }

    #[test]
    fn people_who_see_each_other_are_searched_as_meeting() {
        assert_eq!(phrasal_verbs("how often do they see each other"), "how often do they meet");
        assert_eq!(phrasal_verbs("have xi and putin seen one another since"), "have xi and putin meet since");
        assert_eq!(phrasal_verbs("did they support each other"), "did they support each other");
    }

    #[test]
    fn asking_someone_for_something_is_searched_as_pushing_for_it() {
        assert_eq!(phrasal_verbs("what is putin asking xi for"), "what is putin push xi for");
        assert_eq!(phrasal_verbs("what did russia ask for"), "what did russia push  for");
        assert_eq!(phrasal_verbs("what did kelly ask ruwitch"), "what did kelly ask ruwitch");
    }

    #[test]
    fn punishing_is_searched_as_the_sanctions_news_names_and_sanctions_not_as_punishment() {
        let groups = asked_words("how did washington punish firms helping russia", Retrieval::Ranked);
        let group = |w: &str| groups.iter().find(|g| g[0] == w).unwrap().clone();
        assert!(group("punish").contains(&"sanctions".to_string()), "{groups:?}");
        // Firms are companies, and helping is aiding or assistance, as news writes them.
        assert!(group("firms").contains(&"companies".to_string()), "{groups:?}");
        assert!(group("helping").contains(&"aiding".to_string()), "{groups:?}");
        // One way only: sanctions asked are not any punishment.
        let sanctions = asked_words("sanctions", Retrieval::Ranked);
        assert!(!sanctions[0].iter().any(|w| w.starts_with("punish")), "{sanctions:?}");
    }

    #[test]
    fn a_market_full_of_something_is_searched_as_the_flooding_news_writes_of() {
        let groups = asked_words("why is russia full of chinese cars", Retrieval::Ranked);
        assert!(groups.iter().any(|g| g[0] == "full" && g.contains(&"flooded".to_string())), "{groups:?}");
    }

    #[test]
    fn now_at_the_askers_present_is_no_topic_word() {
        assert_eq!(content_only("why is russia full of chinese cars now"), "russia full chinese cars");
    }

    #[test]
    fn an_apposition_with_a_relative_clause_describes_what_it_follows() {
        let text = "ambitions to take control of Taiwan, the island democracy that has never been ruled by the party";
        assert!(holds(Expect::Definition, text));
        // An apposition set off by a dash describes too.
        assert!(holds(Expect::Definition, "the Chinese city of Harbin on Friday — a city with deep Russian roots"));
        // A clause after a comma is no apposition without its relative word.
        assert!(!holds(Expect::Definition, "On Friday, the two leaders met again."));
    }

    #[test]
    fn an_everyday_word_is_searched_in_the_words_news_writes_for_it() {
        let groups = asked_words("were xis comments on ukraine boring", Retrieval::Ranked);
        assert!(groups[1].contains(&"remarks".to_string()) && groups[3].contains(&"bland".to_string()), "{groups:?}");
        assert!(news_words("reelected").contains(&"term"));
        assert!(news_words("cheap").contains(&"discounts"));
        assert!(news_words("caused").contains(&"provoked"));
        // News calls a war "the conflict", and a relationship about business "transactional".
        assert!(news_words("war").contains(&"conflict"));
        assert!(news_words("business").contains(&"transactional"));
        // Either way round, and nothing for a word with no everyday double.
        assert!(news_words("outmoded").contains(&"outdated"));
        assert!(news_words("iceberg").is_empty());
        // A who-said question quotes its words as typed.
        assert_eq!(asked_words("boring", Retrieval::Verbatim), [["boring"]]);
    }

    #[test]
    fn how_an_adjective_is_asks_its_degree_and_is_searched_in_its_comparing_forms_too() {
        let groups = asked_words("how strong is xi now", Retrieval::Ranked);
        assert!(groups[0].contains(&"stronger".to_string()), "{groups:?}");
        assert_eq!(compared_forms("close"), ["closer", "closest"]);
        assert_eq!(compared_forms("big"), ["bigger", "biggest"]);
        assert_eq!(compared_forms("heavy"), ["heavier", "heaviest"]);
        // Only the word a `how` asks the degree of: `how did xi describe putin` asks no degree.
        assert_eq!(degree_asked("how did xi describe putin"), None);
        assert!(!searched_words("trade is strong", Retrieval::Ranked).contains("stronger"));
    }

    #[test]
    fn a_swearing_in_is_searched_as_the_inauguration_news_writes_of_but_not_the_other_way() {
        assert!(news_writes_for("swearing").contains(&"inauguration"));
        assert!(news_writes_for("sworn").contains(&"inauguration"));
        assert!(news_writes_for("inauguration").is_empty());
    }

    #[test]
    fn what_a_thing_is_fundamental_or_essential_to_is_why_it_matters() {
        assert!(holds(Expect::Reason, "And Russia’s relationship with China is fundamental to withstanding it."));
        assert!(holds(Expect::Reason, "Robust ties are essential to pushing back against Western countries."));
        assert!(!holds(Expect::Reason, "It marks a fundamental shift in relations."));
        assert!(!holds(Expect::Reason, "Oil is an essential commodity."));
    }

    #[test]
    fn what_chat_calls_important_is_searched_in_what_news_calls_fundamental_or_essential() {
        assert!(news_writes_for("important").contains(&"fundamental"));
        assert!(news_writes_for("importance").contains(&"essential"));
        assert!(news_writes_for("fundamental").is_empty());
    }

    #[test]
    fn dumping_judging_and_a_secret_kept_are_searched_in_the_words_news_writes_for_them() {
        assert!(news_words("dumping").contains(&"abandoning"));
        assert!(news_words("judge").contains(&"assessed"));
        assert!(news_writes_for("secret").contains(&"publicly"));
        assert!(news_writes_for("publicly").is_empty());
        assert!(news_writes_for("mattered").contains(&"significance"));
        assert!(news_writes_for("significance").is_empty());
        // Keeping something secret is the secret, not the keeping.
        assert_eq!(phrasal_verbs("what will they keep secret"), "what will they secret");
        assert_eq!(phrasal_verbs("are they keeping it quiet"), "are they secret");
    }

    #[test]
    fn a_persons_name_asked_in_full_is_one_asked_word() {
        let mut p = crate::quotes::People::default();
        for n in ["Vladimir Putin", "Xi Jinping"] {
            p.add(&n.split(' ').map(String::from).collect::<Vec<_>>());
        }
        let asked = asked_words("did vladimir putin thank xi jinping", Retrieval::Ranked);
        let groups = one_group_per_name(&p, asked);
        assert_eq!(groups, [vec!["vladimir", "putin"], vec!["thank"], vec!["xi", "jinping"]]);
    }

    #[test]
    fn an_irregular_verb_asked_in_a_noun_or_ing_form_is_searched_in_its_past_form_too() {
        assert_eq!(searched_words("how many meetings have they had", Retrieval::Ranked), "many meetings met");
        assert_eq!(base_form("winning").as_deref(), Some("win"));
        assert_eq!(base_form("giving").as_deref(), Some("give"));
        assert_eq!(base_form("things"), None);
    }

    #[test]
    fn a_sentence_whose_subject_is_a_pronoun_for_people_may_be_of_someone_named_before_it() {
        assert!(opens_with_a_pronoun_for_people("They now regularly share birthday gifts."));
        assert!(opens_with_a_pronoun_for_people("“He noted the absence,” of course."));
        assert!(!opens_with_a_pronoun_for_people("Theirs is a different view."));
        assert!(!opens_with_a_pronoun_for_people("The meeting came three weeks later."));
    }

    #[test]
    fn an_adverb_for_the_questions_tone_or_time_is_no_topic_word() {
        assert_eq!(content_only("why doesn't putin trust the west anymore"), "putin trust west");
        assert_eq!(content_only("does china really still buy oil"), "china buy oil");
        // A who-said question quotes them: they are searched.
        assert_eq!(
            searched_words("who said hillary doesnt even care anymore", Retrieval::Verbatim),
            "hillary doesnt even care anymore"
        );
    }

    #[test]
    fn a_sentence_denying_every_asked_word_answers_a_why_not_question_better_than_half_the_words() {
        assert!(asks_negated("why doesn't putin trust the west") && !asks_negated("why did putin go to china"));
        assert!(says_not("He no longer trusts the West") && !says_not("Putin visited Xi in Beijing"));
        assert!(missing_kind_weight(Expect::Reason, 1.0, true, 3) > missing_kind_weight(Expect::Reason, 1.0, false, 3));
        assert_eq!(missing_kind_weight(Expect::Reason, 0.5, true, 3), missing_kind_weight(Expect::Count, 1.0, true, 3));
    }

    #[test]
    fn a_why_not_asked_with_not_is_searched_without_it_and_a_refusal_denies() {
        assert!(asks_negated("why did beijing not criticize moscow"));
        assert_eq!(content_only("why did beijing not criticize moscow"), "beijing criticize moscow");
        // A who-said question quotes its words, `not` among them.
        assert_eq!(content_words("did not go", false), "not go");
        assert!(says_not("Yet Beijing has also refused to criticize Moscow directly"));
        assert!(says_not("Xi declined to use his influence to pressure Moscow"));
        assert!(!says_not("Putin welcomed the Chinese diplomatic initiatives"));
    }

    #[test]
    fn a_number_of_weeks_a_year_or_a_one_on_one_counts_nothing() {
        assert!(counts("the two leaders have met 40 times").next().is_some());
        assert!(counts("The meeting came three weeks after Blinken visited Beijing.").next().is_none());
        assert!(counts("trade hit a record in 2023").next().is_none());
        assert!(counts("and hold a one-on-one meeting").next().is_none());
    }

    #[test]
    fn how_many_is_answered_by_a_number_of_the_asked_thing_or_of_times_not_of_something_else() {
        let mut analyzer = Analyzer::default();
        let meetings = vec![vec!["meet".to_string(), "met".to_string()]];
        assert!(counts_asked(&mut analyzer, "the two leaders have met face to face more than 40 times", &meetings));
        assert!(!counts_asked(&mut analyzer, "The two leaders spoke following their meeting.", &meetings));
        let points = vec![vec!["point".to_string()]];
        assert!(counts_asked(&mut analyzer, "It put forward this 12-point position paper.", &points));
    }

    #[test]
    fn an_irregular_verb_asked_in_its_base_form_is_searched_in_its_past_form_too() {
        assert_eq!(
            searched_words("how many times did putin and xi meet", Retrieval::Ranked),
            "many times putin xi meet met"
        );
        assert_eq!(searched_words("did they hug", Retrieval::Ranked), "hug", "a regular verb is the stemmer's");
    }

    #[test]
    fn a_quotation_asked_for_is_searched_in_its_own_words_alone() {
        // Every unit holding all the asked words is a who-said candidate: an added `gave` would
        // rule out the quote that says `give`.
        let topic = "reasons not to give us any visibility";
        assert_eq!(searched_words(topic, Retrieval::Verbatim), "reasons not give visibility");
        assert_eq!(
            searched_words(topic, Retrieval::Ranked),
            "reasons give gave gives giving provide provides provided providing send sends sending visibility"
        );
    }

    #[test]
    fn a_place_asked_is_also_looked_for_in_its_adjective_and_its_seat_an_adjective_in_its_place() {
        let groups = asked_words("xi on ukraine", Retrieval::Ranked);
        assert_eq!(groups[1], ["ukraine", "ukrainian", "ukrainians", "kyiv", "kiev"]);
        let groups = asked_words("why does china buy russian oil", Retrieval::Ranked);
        assert_eq!(groups[0], ["china", "chinese", "beijing"]);
        assert_eq!(groups[1][..2], ["buy", "bought"]);
        assert_eq!(groups[2], ["russian", "russia"]);
        // A city asked is that city, not its country.
        assert_eq!(asked_words("what happened in moscow", Retrieval::Ranked)[1], ["moscow"]);
        // A quotation asked for is searched in its own words.
        assert_eq!(asked_words("ukraine", Retrieval::Verbatim), [["ukraine"]]);
    }

    #[test]
    fn going_somewhere_is_searched_as_the_visit_or_trip_news_writes_of() {
        assert_eq!(plain_motion("why did putin go to china"), "why did putin visit to china");
        assert_eq!(plain_motion("who went with putin to beijing"), "who accompanied with putin to beijing");
        assert_eq!(
            asked_words("why did xi go to russia", Retrieval::Ranked)[1],
            ["visit", "visits", "visited", "trip", "trips"]
        );
        assert_eq!(
            asked_words("who went with putin", Retrieval::Ranked)[0],
            ["accompanied", "accompany", "delegation", "entourage", "retinue"]
        );
        // `how did it go`: no place, nothing to rewrite.
        assert_eq!(plain_motion("how did the summit go"), "how did the summit go");
        // Coming along is going with someone.
        assert_eq!(plain_motion("how many officials came along"), "how many officials accompanied");
    }

    #[test]
    fn going_to_before_a_verb_tells_the_future_and_is_no_visit() {
        assert_eq!(plain_motion("what were they going to sign in moscow"), "what were they sign in moscow");
        assert_eq!(plain_motion("is putin gonna meet xi"), "is putin meet xi");
        // Before a place or an article it is still going somewhere.
        assert_eq!(plain_motion("is xi going to russia"), "is xi visit to russia");
        assert_eq!(plain_motion("who is going to the summit"), "who is visit to the summit");
    }

    #[test]
    fn going_on_and_no_big_deal_are_searched_as_news_writes_them() {
        assert_eq!(phrasal_verbs("how long has the war been going on").trim(), "how long has the war been");
        assert_eq!(phrasal_verbs("is putin going on a trip"), "is putin going on a trip");
        assert_eq!(
            phrasal_verbs("did anyone think the visit was no big deal"),
            "did anyone think the visit was significance"
        );
        assert_eq!(phrasal_verbs("it is not a big deal"), "it is significance");
        assert_eq!(crate::text::squash(&phrasal_verbs("whats the deal with harbin")), "whats harbin");
        assert_eq!(phrasal_verbs("did they make a deal with iran"), "did they make a deal with iran");
        assert_eq!(phrasal_verbs("did xi push putin to stop the war"), "did xi pressure putin to stop the war");
        assert_eq!(phrasal_verbs("what will putin push for"), "what will putin push for");
    }

    #[test]
    fn a_noun_in_cy_is_searched_in_its_adjective_in_tic_and_the_reverse() {
        assert_eq!(other_part_of_speech("democracy").as_deref(), Some("democratic"));
        assert_eq!(other_part_of_speech("autocratic").as_deref(), Some("autocracy"));
        assert_eq!(other_part_of_speech("diplomatic").as_deref(), Some("diplomacy"));
        assert!(asked_words("putin democracy", Retrieval::Ranked)[1].contains(&"democratic".to_string()));
        // Words of other endings have none.
        assert_eq!(other_part_of_speech("energy"), None);
        assert_eq!(other_part_of_speech("policy"), None);
    }

    #[test]
    fn a_word_in_less_is_also_searched_as_what_it_is_without() {
        assert_eq!(without_less("limitless").as_deref(), Some("limit"));
        assert!(asked_words("is the partnership limitless", Retrieval::Ranked)[1].contains(&"limit".to_string()));
        assert_eq!(without_less("unless"), None);
        assert_eq!(without_less("limit"), None);
    }

    #[test]
    fn envy_fear_and_a_downside_are_searched_in_the_words_news_writes_for_them() {
        assert!(news_words("jealous").contains(&"envious"));
        assert!(news_words("afraid").contains(&"fear"));
        assert!(news_words("rely").contains(&"dependent"));
        assert!(news_words("downside").contains(&"problem"));
    }

    #[test]
    fn a_vague_word_for_people_is_no_topic_word() {
        assert_eq!(
            searched_words("the military guys at the talks", Retrieval::Ranked)
                .split(' ')
                .filter(|w| *w == "guys")
                .count(),
            0
        );
        assert_eq!(searched_words("guys", Retrieval::Verbatim), "guys");
    }

    #[test]
    fn giving_and_talking_are_searched_in_the_verbs_news_writes_for_them() {
        assert!(news_words("give").contains(&"provided"));
        assert!(news_words("send").contains(&"provide"));
        assert!(news_words("talk").contains(&"spoke"));
        // (Not `push` for `pressure`: to push for something is to call for it.)
        assert!(news_words("push").is_empty());
    }

    #[test]
    fn what_would_be_bad_for_someone_is_why_they_do_not_want_it() {
        assert!(BAD_FOR.is_match("they're using the war to weaken Putin, which would be bad for China"));
        assert!(!BAD_FOR.is_match("Putin came in acknowledging the Chinese plan"));
    }

    #[test]
    fn two_people_or_countries_joined_by_and_are_also_held_by_the_two_or_both() {
        let mut p = crate::quotes::People::default();
        for n in ["Xi Jinping", "Vladimir Putin"] {
            p.add(&n.split(' ').map(String::from).collect::<Vec<_>>());
        }
        let asked = |q: &str| the_two(&p, q, asked_words(q, Retrieval::Ranked));
        let groups = asked("what do putin and xi have in common");
        assert!(groups[0].contains(&"two".to_string()) && groups[1].contains(&"both".to_string()), "{groups:?}");
        assert!(!groups[2].contains(&"two".to_string()));
        assert!(asked("what unites russia and china")[1].contains(&"two".to_string()));
        // Two things that are no one and no country are not "the two".
        assert!(!asked("oil and gas").iter().flatten().any(|w| w == "two"));
    }

    #[test]
    fn a_small_number_is_searched_in_digits_and_in_words() {
        assert_eq!(asked_words("3 weeks before", Retrieval::Ranked)[0], ["3", "three"]);
        assert_eq!(asked_words("forty times", Retrieval::Ranked)[0], ["forty", "40"]);
        assert_eq!(number_word("2023"), None);
        // A who-said question quotes its words as typed.
        assert_eq!(asked_words("3 weeks", Retrieval::Verbatim)[0], ["3"]);
    }

    #[test]
    fn a_degree_word_is_no_topic_word() {
        // (`the most` is the biggest share, searched as news ranks it.)
        assert_eq!(
            searched_words("which country sells china the most oil", Retrieval::Ranked),
            "country sells sold sell selling export exports exported supplier suppliers goods products customer customers china chinese beijing biggest oil"
        );
        assert_eq!(searched_words("very cheap", Retrieval::Ranked), "cheap cheaper discount discounts discounted");
    }

    #[test]
    fn a_vague_number_counts_what_follows_it() {
        let mut analyzer = Analyzer::default();
        let groups = vec![vec!["deputi".to_string()]];
        assert!(counts_asked(&mut analyzer, "a delegation that includes several deputy prime ministers", &groups));
    }

    #[test]
    fn a_word_counts_once_however_many_of_its_forms_a_unit_holds_and_less_in_another_form() {
        let mut a = Analyzer::default();
        let groups =
            vec![vec!["china".to_string(), "chinese".to_string(), "beijing".to_string()], vec!["oil".to_string()]];
        let groups: Vec<Vec<String>> =
            groups.into_iter().map(|g| g.into_iter().flat_map(|w| a.stems(&w)).collect()).collect();
        assert_eq!(once_per_word(&mut a, "China buys oil", &groups), 1.0);
        assert_eq!(once_per_word(&mut a, "Beijing, China, buys oil", &groups), 2.0 / 3.0);
        assert_eq!(once_per_word(&mut a, "Chinese firms buy oil", &groups), (OTHER_FORM + 1.0) / 2.0);
    }

    #[test]
    fn the_share_of_asked_words_a_text_holds_is_the_same_from_the_words_that_could_be_them_as_from_every_stem() {
        let mut a = Analyzer::default();
        let asked = |words: &[&str], a: &mut Analyzer| -> Vec<Vec<String>> {
            words.iter().map(|w| w.split('|').flat_map(|f| a.stems(f)).collect()).collect()
        };
        let texts = [
            "The suppliers were dying; early-morning skies over Iraq's ugly wars, and the news!",
            "Xi's visit to Russia is intended to promote ties, Beijing said.",
            "Oil prices rose sharply as supplies fell.",
        ];
        for words in [&["supply", "war"][..], &["china|beijing", "visit"], &["price", "rise|rose"], &["sky", "zebra"]] {
            let groups = asked(words, &mut a);
            for t in texts {
                let every = coverage(&groups, &a.stems(t)).0;
                assert_eq!(share_held(&mut a, &groups, t), every, "{words:?} in {t}");
            }
        }
        let groups = asked(&["supplier", "sky"], &mut a);
        assert_eq!(share_held(&mut a, &groups, texts[0]), 1.0);
    }

    #[test]
    fn asked_words_in_order_are_a_phrase_across_the_small_words_the_question_dropped() {
        let mut a = Analyzer::default();
        let groups: Vec<Vec<String>> = ["visit", "russia"].iter().map(|w| a.stems(w)).collect();
        let stems = a.stems("Xi's visit to Russia is intended to promote ties.");
        assert_eq!(coverage(&groups, &stems), (1.0, 1));
        let stems = a.stems("A visit, the first to Moscow, to Russia.");
        assert_eq!(coverage(&groups, &stems), (1.0, 0));
    }

    #[test]
    fn a_word_is_held_as_typed_only_where_the_text_prints_that_form_not_another_of_its_stem() {
        let typed = typed_forms(&[vec!["donald".to_string()], vec!["Show".to_string(), "shown".to_string()]]);
        assert_eq!(typed, ["donald", "show"]);
        assert_eq!(share_typed_as_asked(&typed, "perplexed about \"which Donald Trump will show up.\""), 1.0);
        assert_eq!(share_typed_as_asked(&typed, "showing videos of Donald Trump"), 0.5);
        assert_eq!(share_typed_as_asked(&typed, "It was shown."), 0.0);
        assert_eq!(share_typed_as_asked(&[], "show"), 0.0);
    }

    #[test]
    fn asked_words_are_in_the_order_asked_with_other_words_between_them_but_not_the_other_way_round() {
        let mut a = Analyzer::default();
        let groups: Vec<Vec<String>> = ["people", "happening"].iter().map(|w| a.stems(w)).collect();
        let terms: Vec<String> = groups.iter().flatten().cloned().collect();
        let said = "We're being led by people that don't know what's happening";
        assert!(in_asked_order(&text_stems(&mut a, said, &terms), &groups));
        let other = "Look at what's happening in Colorado, where the people never got a chance";
        assert!(!in_asked_order(&text_stems(&mut a, other, &terms), &groups));
        assert!(!in_asked_order(&text_stems(&mut a, "people alone", &terms), &groups));
    }

    #[test]
    fn a_closed_compound_asked_covers_the_hyphenated_word_the_text_prints() {
        let mut a = Analyzer::default();
        let groups = vec![a.stems("ceasefire"), a.stems("forced")];
        let text = "Xi might have been able to force Putin to accept some sort of cease-fire or peace deal.";
        assert_eq!(share_held(&mut a, &groups, text), 1.0);
        // Not asked, a hyphenated word adds nothing.
        let groups = [a.stems("peace")];
        let terms: Vec<String> = groups.iter().flatten().cloned().collect();
        assert_eq!(text_stems(&mut a, text, &terms), a.stems_near(text, &terms));
    }

    #[test]
    fn a_british_spelling_also_asks_for_the_american_one() {
        assert_eq!(american_spelling("defence").as_deref(), Some("defense"));
        assert_eq!(american_spelling("criticised").as_deref(), Some("criticized"));
        assert_eq!(american_spelling("organisation").as_deref(), Some("organization"));
        assert_eq!(american_spelling("honour").as_deref(), Some("honor"));
        assert_eq!(american_spelling("analyse").as_deref(), Some("analyze"));
        assert_eq!(american_spelling("centre").as_deref(), Some("center"));
        assert_eq!(american_spelling("hour"), None);
        assert_eq!(american_spelling("raise"), None);
        assert_eq!(american_spelling("pipeline"), None);
    }

    #[test]
    fn a_possessive_asks_for_its_owner_not_for_its_s() {
        assert_eq!(possessor("china's"), "china");
        assert_eq!(possessor("Russia’s"), "Russia");
        assert_eq!(possessor("china"), "china");
        assert_eq!(possessor("'s"), "'s");
    }

    #[test]
    fn a_sentence_that_gives_a_purpose_or_an_advantage_gives_a_reason() {
        assert!(holds(Expect::Reason, "While the visit was timed to honor the 75th anniversary, there was drama."));
        assert!(holds(
            Expect::Reason,
            "Russia became China's biggest oil supplier, as Beijing took advantage of its discounted prices."
        ));
        assert!(holds(Expect::Reason, "It desperately needs Chinese investment and trade to keep its economy afloat."));
        assert!(!holds(Expect::Reason, "Xi and Putin are scheduled to mark 75 years of diplomatic relations."));
    }

    #[test]
    fn what_someone_is_sanctioned_blamed_or_thanked_for_is_a_reason() {
        assert!(holds(
            Expect::Reason,
            "The U.S. hit a series of companies in China with sanctions for providing critical components to Russia."
        ));
        assert!(holds(Expect::Reason, "Putin thanked Xi for his efforts to resolve the war."));
        assert!(!holds(Expect::Reason, "Xi and Putin doubled down, accusing the U.S. of trying to block their rise."));
        // A sanction with nothing it is for, and `for` with no deed, give none.
        assert!(!holds(Expect::Reason, "The U.S. hit a series of companies in China with sanctions."));
        assert!(!holds(Expect::Reason, "Sanctions for years have hurt the economy."));
        assert!(!holds(Expect::Reason, "He was looking for a friend."));
    }

    #[test]
    fn a_sentence_that_says_there_is_something_defines_nothing() {
        assert!(holds(Expect::Definition, "Gabuev, a Russia expert, spoke."));
        assert!(holds(Expect::Definition, "The pipeline is a proposed new route."));
        assert!(!holds(Expect::Definition, "There is an obsession with destroying Ukraine."));
        assert!(!holds(Expect::Definition, "It is a good thing for China."));
    }

    #[test]
    fn a_question_someone_put_holds_a_question_mark() {
        assert!(holds(Expect::Comparison, "Well, I think Xi got more out of it than Putin."));
        assert!(!holds(Expect::Comparison, "Xi called Putin a dear friend."));
        assert!(!holds(Expect::Comparison, "It is a chance for Xi to better understand Putin."));
        assert!(holds(Expect::Question, "Did that go anywhere, John?"));
        assert!(holds(Expect::Question, "Is it a deal? We will see."));
        assert!(!holds(Expect::Question, "That is NPR's John Ruwitch and Charles Maynes."));
        // A tag on a statement asks nothing.
        assert!(!holds(Expect::Question, "Xi is stronger than ever, right? And he remains defiant."));
        assert!(!holds(
            Expect::Question,
            "maybe a willingness to cool the temperature - right? - to get China's economy back"
        ));
        assert!(holds(Expect::Question, "It is a deal, right? Is it?"));
    }

    #[test]
    fn what_someone_is_in_danger_of_is_a_reason_to_worry() {
        assert!(holds(Expect::Reason, "Putin is in danger of losing control of Russia's own destiny."));
        assert!(holds(Expect::Reason, "China is at risk of being drawn into the war."));
        assert!(!holds(Expect::Reason, "Putin is the junior partner in the relationship."));
    }

    #[test]
    fn a_sentence_holding_four_or_more_asked_words_without_a_cause_word_still_answers_why() {
        assert!(
            missing_kind_weight(Expect::Reason, 1.0, false, 5) > missing_kind_weight(Expect::Reason, 1.0, false, 3)
        );
        assert_eq!(
            missing_kind_weight(Expect::Reason, 0.8, false, 5),
            missing_kind_weight(Expect::Reason, 1.0, false, 3)
        );
        assert_eq!(missing_kind_weight(Expect::Outcome, 1.0, false, 5), 0.6);
    }

    #[test]
    fn what_is_sold_is_searched_as_goods_and_those_sold_to_as_customers_but_not_the_other_way() {
        let groups = asked_words("why is moscow selling gas to china and india", Retrieval::Ranked);
        let selling = groups.iter().find(|g| g[0] == "selling").unwrap();
        assert!(selling.contains(&"customers".to_string()) && selling.contains(&"goods".to_string()), "{groups:?}");
        let goods = asked_words("chinese goods", Retrieval::Ranked);
        assert!(!goods[1].iter().any(|w| w.starts_with("sell")), "{goods:?}");
    }

    #[test]
    fn just_talk_is_searched_as_the_rhetoric_or_proclamations_news_writes_of() {
        let groups = asked_words("which analyst thinks the economic stuff is just talk", Retrieval::Ranked);
        assert!(groups.iter().any(|g| g[0] == "rhetoric" && g.contains(&"proclamations".to_string())), "{groups:?}");
        assert!(!groups.iter().any(|g| g[0] == "talk"), "{groups:?}");
        // Talks held are no mere talk.
        assert!(asked_words("what did they talk about", Retrieval::Ranked).iter().any(|g| g[0] == "talk"));
    }

    #[test]
    fn any_expert_asked_of_is_anyone_and_no_word_searched() {
        let groups = asked_words("did any expert disagree that the visit mattered", Retrieval::Ranked);
        assert!(!groups.iter().any(|g| g[0] == "expert"), "{groups:?}");
        assert!(groups.iter().any(|g| g[0] == "disagree"), "{groups:?}");
        // Experts named as such are searched.
        assert!(asked_words("what did some experts expect", Retrieval::Ranked).iter().any(|g| g[0] == "experts"));
    }

    #[test]
    fn learning_is_searched_as_the_understanding_news_writes_of() {
        let groups = asked_words("what is xi learning from the war", Retrieval::Ranked);
        assert!(groups.iter().any(|g| g[0] == "learning" && g.contains(&"understand".to_string())), "{groups:?}");
    }

    #[test]
    fn a_cause_word_in_a_sentence_holding_under_half_the_asked_words_is_a_reason_for_something_else() {
        assert!(reason_for_something_else(Expect::Reason, 0.25));
        assert!(!reason_for_something_else(Expect::Reason, 0.4));
        assert!(!reason_for_something_else(Expect::Date, 0.25));
    }

    #[test]
    fn bankrolling_something_is_searched_as_the_money_or_lifeline_news_writes_of() {
        let groups = asked_words("does china bankroll russias war", Retrieval::Ranked);
        assert!(groups.iter().any(|g| g[0] == "bankroll" && g.contains(&"money".to_string())), "{groups:?}");
        assert!(groups.iter().any(|g| g[0] == "bankroll" && g.contains(&"lifeline".to_string())), "{groups:?}");
    }

    #[test]
    fn a_sentence_that_only_dates_with_since_gives_no_reason() {
        assert!(!holds(Expect::Reason, "It is his first trip to Russia since the country invaded Ukraine."));
        assert!(holds(Expect::Reason, "The visit is intended to promote bilateral ties."));
        assert!(holds(Expect::Reason, "He went because Moscow needs buyers."));
    }

    #[test]
    fn a_quote_broken_by_its_cue_shows_its_quoted_words_alone() {
        let text = "\"Both sides believe it is right,\" said Xi. \"China's position is clear.\"";
        assert_eq!(shown(text), ["\"Both sides believe it is right,\"", "\"China's position is clear.\""]);
        let text = "“The underwater part,” he says. “And that's where it is.”";
        assert_eq!(shown(text), ["“The underwater part,”", "“And that's where it is.”"]);
    }

    #[test]
    fn a_quote_with_nothing_outside_its_marks_is_shown_whole() {
        assert!(quoted_pieces("“We will win.”", 0).is_empty());
        assert!(quoted_pieces("We will win, and soon", 0).is_empty());
    }

    #[test]
    fn a_quote_running_past_its_end_keeps_its_open_piece() {
        let text = "“It was hard,” she said. “We went on";
        assert_eq!(shown(text), ["“It was hard,”", "“We went on"]);
    }
}
