//! The two passes of extraction. Pass one registers speakers from strong evidence only: people
//! (a name of two words or more in a speaker slot, after a title or honorific, before an
//! apposition, in a transcript label, a section marker or the byline; an honorific and a family
//! name when the article never gives more) and organisations (capitalised names holding an
//! institution word, acronyms they spell out, names set in apposition to `the company`-like
//! nouns). Pass two walks each article in order with a discourse memory ([`super::resolve`]),
//! finds reporting cues, and gives each quoted segment to a speaker by the ordered sieves of
//! [`super::sieves`], or to nobody. Both passes are linear in the text.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::lexer::{according_to_at, segments, tokens, word_is, Segment, Tok, Token};
use super::names::{
    self, gender_of_word, is_adverb, is_cue_verb, is_invertible, is_name_word, pronoun, NameRun, Pronoun,
};
use super::people::{title_case, Gender, Kind, People, PersonId};
use super::resolve::{starts_sentence, Discourse, Reader, APPOSITION_OPENERS};
use super::sieves::{self, CueAt, Site};
use super::{Cue, Extraction, Passage, Quote, Voice};
use crate::corpus::{Article, Corpus, ParaKind, Paragraph};
use crate::text::{fold, Span};

/// `MAYNES:`, `JOHN RUWITCH, BYLINE:`, `MARIA REPNIKOVA:` at the start of a paragraph.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})(?:, ?([A-Z][A-Z ]{1,20}))?:\s+").unwrap()
});

pub fn extract(corpus: &Corpus) -> Extraction {
    let mut people = People::default();
    let singles: Vec<Singles> = corpus.articles.iter().map(|a| register_article(a, &mut people)).collect();
    let mut ex = Extraction { people, quotes: Vec::new(), passages: Vec::new() };
    for (a, s) in corpus.articles.iter().zip(singles) {
        let (quotes, passages) = attribute_article(a, s, &mut ex.people);
        ex.quotes.extend(quotes);
        ex.passages.extend(passages);
    }
    ex
}

/// Pass one for one article: the speakers it names in full, added to `people`, and the names
/// it gives in one word only (kept for pass two). Every article is registered before any is
/// attributed, so a name given in full anywhere is known everywhere.
pub fn register_article(article: &Article, people: &mut People) -> Singles {
    let mut singles = register(article, people);
    // Only capitals that decide whether a sentence-opening one-word run is a name are needed.
    let opening: HashSet<String> = singles.runs.iter().filter(|r| r.2).map(|r| fold(&r.0)).collect();
    singles.mid_sentence_capitals.retain(|w| opening.contains(w));
    singles
}

/// Pass two for one article: a person it names by one word only (`Mr. Obama`, `President
/// Obama`, `Sanders said`) becomes its own speaker, unless it also names someone with that
/// word in full; then its quotes and passages, decided against `people` (which learns genders
/// and descriptors as it reads).
pub fn attribute_article(article: &Article, singles: Singles, people: &mut People) -> (Vec<Quote>, Vec<Passage>) {
    register_outlets(&singles, people);
    let known = register_single_names(article, singles, people);
    let mut ex = Extraction { people: std::mem::take(people), quotes: Vec::new(), passages: Vec::new() };
    attribute(article, &mut ex, known);
    *people = std::mem::take(&mut ex.people);
    // Fragments of one sentence by the same speaker (`blaming the "West" for the "conflict"`)
    // show the same text: one quote with all their parts.
    let mut merged: Vec<Quote> = Vec::with_capacity(ex.quotes.len());
    let mut seen: HashMap<(Span, Option<PersonId>), usize> = HashMap::new();
    for q in ex.quotes {
        match seen.get(&(q.span, q.speaker)) {
            Some(&m) => merged[m].parts.extend(q.parts),
            None => {
                seen.insert((q.span, q.speaker), merged.len());
                merged.push(q);
            }
        }
    }
    (merged, ex.passages)
}

/// A transcript label at the start of paragraph `p`: (speaker words as written, span of label).
fn label(article: &Article, p: &Paragraph) -> Option<(String, Span)> {
    let text = article.slice(p.span);
    let c = LABEL.captures(text)?;
    let name = c.get(1)?.as_str();
    if name.len() < 2 || !name.chars().any(|ch| ch.is_alphabetic()) {
        return None;
    }
    let whole = c.get(0)?;
    Some((name.to_string(), Span::new(p.span.start, p.span.start + whole.end())))
}

fn is_transcript(article: &Article) -> bool {
    article.body().filter(|p| label(article, p).is_some()).count() >= 3
}

/// The part of a body paragraph that is text (after a transcript label).
fn content_span(article: &Article, p: &Paragraph, transcript: bool) -> Span {
    if transcript {
        if let Some((_, l)) = label(article, p) {
            return Span::new(l.end, p.span.end);
        }
    }
    p.span
}

fn words_of(s: &str) -> Vec<String> {
    s.split_whitespace().map(String::from).collect()
}

/// A run of name words starting at `i` (which must be the first name word of its run).
fn run_at(toks: &[Token<'_>], i: usize) -> Option<NameRun> {
    names::run_forward(toks, i)
}

fn starts_run(toks: &[Token<'_>], i: usize) -> bool {
    let t = &toks[i];
    t.is_word() && is_name_word(t.text) && !(i > 0 && toks[i - 1].is_word() && is_name_word(toks[i - 1].text))
}

/// A run may also start right after an organisation's name that ends before it: `Republican
/// National Committee Research Director Raj Shah`, `Bank of England Governor Mervyn King`.
fn starts_run_after(toks: &[Token<'_>], i: usize, org_ended_at: Option<usize>) -> bool {
    starts_run(toks, i) || (org_ended_at.is_some_and(|e| e + 1 == i) && toks[i].is_word() && is_name_word(toks[i].text))
}

/// Names an article gives in one word only, with what shows they are people's names.
#[derive(Debug, Default)]
pub struct Singles {
    /// The name word as written, an honorific before it (`Mr.`), and whether it opened a
    /// sentence (where any noun is capitalised: `Officials said`).
    runs: Vec<(String, Option<String>, bool)>,
    /// Folded words the article capitalises inside a sentence.
    mid_sentence_capitals: HashSet<String>,
    /// One-word outlets in an outlet's slot (`according to Reuters`), as written.
    outlets: Vec<String>,
}

/// Whether a one-word name run is a person by the text around it: an honorific (`Mr. Obama`),
/// a title only people bear right before it (`President Obama`, `Secretary of State Kerry`), or
/// the subject of a reporting verb (`Sanders said`, `"…," said Blair`). Place and organisation
/// words never get here (a name run holds none), nor do plurals of titles (`Republicans said`).
fn single_name_evidence(toks: &[Token<'_>], run: &NameRun) -> bool {
    if run.words.len() != 1 || run.possessive {
        return false;
    }
    if run.honorific.is_some() {
        return true;
    }
    let word = &run.words[0];
    let f = fold(word);
    if f.strip_suffix('s').is_some_and(names::is_title) || names::is_title(&f) {
        return false;
    }
    let name = run.last;
    // Titles (and the `of` inside `Secretary of State`) right before the name.
    let mut k = name;
    while k > 0 && toks[k - 1].is_word() && (names::is_title(toks[k - 1].text) || toks[k - 1].text == "of") {
        if names::is_person_title(toks[k - 1].text) && names::is_capitalised(toks[k - 1].text) {
            return true;
        }
        k -= 1;
    }
    // Subject of a reporting verb: `Sanders said`, `Sanders also told`.
    // Not after a determiner, a preposition or a conjunction: `the Trump said` is no name,
    // `lawyers for Smith said` and `Smith and Jones said` are not Smith speaking.
    let free_subject = match run.first.checked_sub(1).map(|b| toks[b]) {
        Some(b) if b.is_word() => {
            !is_preposition(b.text) && !matches!(fold(b.text).as_str(), "the" | "a" | "an" | "and" | "or" | "&")
        }
        _ => true,
    };
    let mut v = name + 1;
    while v < toks.len() && toks[v].is_word() && is_adverb(toks[v].text) {
        v += 1;
    }
    if free_subject
        && toks.get(v).is_some_and(|t| t.is_word() && is_cue_verb(t.text) && super::resolve::is_inflected(t.text))
    {
        return true;
    }
    // Inverted after a quote or a comma: `"…," said Blair.`
    run.first == name
        && name >= 2
        && toks[name - 1].is_word()
        && is_invertible(toks[name - 1].text)
        && matches!(toks[name - 2].kind, Tok::Quote(_) | Tok::Punct(','))
        && toks.get(name + 1).is_none_or(|t| !t.is_word())
}

fn is_preposition(word: &str) -> bool {
    matches!(
        fold(word).as_str(),
        "for" | "of" | "to" | "by" | "with" | "from" | "at" | "against" | "about" | "on" | "behind" | "like" | "in"
    )
}

/// People the article names with two words or more (`Donald J. Trump`), wherever it does.
fn named_in_full(article: &Article, people: &People) -> Vec<PersonId> {
    let mut out: Vec<PersonId> = Vec::new();
    let transcript = is_transcript(article);
    for p in article.body() {
        let span = content_span(article, p, transcript);
        let segs: Vec<(usize, Segment)> = segments(&article.text, span, p.index).into_iter().enumerate().collect();
        let toks = tokens(&article.text, span, &segs);
        for i in 0..toks.len() {
            if !starts_run(&toks, i) {
                continue;
            }
            let Some(run) = run_at(&toks, i) else { continue };
            if run.words.len() < 2 {
                continue;
            }
            if let [id] = people.candidates(&run.words)[..] {
                if people.get(id).kind == Kind::Person && !out.contains(&id) {
                    out.push(id);
                }
            }
        }
    }
    out
}

/// Registers the one-word names of an article (see [`Singles`]) that no full name of the same
/// article accounts for; returns the people the article names: in full, or by such a word.
fn register_single_names(article: &Article, singles: Singles, people: &mut People) -> Vec<PersonId> {
    let mut known = named_in_full(article, people);
    let mut done: Vec<String> = Vec::new();
    for (word, honorific, opens_sentence) in &singles.runs {
        let f = fold(word);
        if done.contains(&f) || (*opens_sentence && !singles.mid_sentence_capitals.contains(&f)) {
            continue;
        }
        done.push(f.clone());
        // One form per word and article: with an honorific if the article ever uses one.
        let honorific = honorific.clone().or_else(|| {
            singles.runs.iter().find(|(w, h, _)| fold(w) == f && h.is_some()).and_then(|(_, h, _)| h.clone())
        });
        let gender = honorific.as_deref().and_then(gender_of_word);
        let cands = people.candidates(std::slice::from_ref(word));
        // `Mr. Obama` in an article that names only `Michelle Obama` in full is someone else.
        let in_full = cands
            .iter()
            .any(|&id| known.contains(&id) && gender.is_none_or(|g| people.get(id).gender.is_none_or(|pg| pg == g)));
        let an_org = cands.iter().any(|&id| people.get(id).kind == Kind::Organisation);
        if in_full || an_org {
            continue;
        }
        let id = match &honorific {
            Some(h) => {
                let id = people.add(&[h.trim_end_matches('.').to_string(), word.clone()]);
                if let (Some(id), Some(g)) = (id, gender) {
                    people.set_gender(id, g);
                }
                id
            }
            None => Some(people.add_single(word)),
        };
        if let Some(id) = id {
            if !known.contains(&id) {
                known.push(id);
            }
        }
    }
    known
}

/// Evidence that a run of two or more name words is a person.
/// A word that puts the name after it in a place: `in`, `near`, `outside`, `downtown`.
fn is_place_preposition(word: &str) -> bool {
    matches!(word, "in" | "near" | "outside" | "downtown")
}

fn looks_like_person(toks: &[Token<'_>], run: &NameRun) -> bool {
    if run.words.len() < 2 {
        return false;
    }
    // `New York`, `New Hampshire`, `New Orleans`: no one's given name is `New`.
    if run.words[0] == "New" {
        return false;
    }
    // `the English National Ballet said`, `a spokesman for Acme Widgets said`: a determiner or a
    // preposition before an untitled name makes it a thing, not a person.
    let before = run.first.checked_sub(1).map(|k| toks[k]).filter(|t| t.is_word()).map(|t| fold(t.text));
    if run.descriptor.is_empty()
        && before.as_deref().is_some_and(|b| matches!(b, "the" | "a" | "an" | "for" | "of" | "at"))
    {
        return false;
    }
    // `In downtown San Francisco, …`, `a rally near Des Moines`: where something happens.
    if run.descriptor.is_empty() && !run.possessive && before.as_deref().is_some_and(is_place_preposition) {
        return false;
    }
    let titled = !run.descriptor.is_empty()
        || (run.first > 0 && toks[run.first - 1].is_word() && names::is_title(toks[run.first - 1].text));
    let known_first_name = gender_of_word(&run.words[0]).is_some();
    let after = toks.get(run.last + 1);
    let apposition = after.is_some_and(|t| t.kind == Tok::Punct(','))
        && toks.get(run.last + 2).is_some_and(|t| {
            t.is_word()
                && (APPOSITION_OPENERS.contains(&fold(t.text).as_str()) || t.text.chars().all(|c| c.is_ascii_digit()))
        });
    let is_a = after.is_some_and(|t| t.is_word() && matches!(t.text, "is" | "was"))
        && toks.get(run.last + 2).is_some_and(|t| t.is_word() && matches!(t.text, "a" | "an" | "now"));
    // A reporting verb at token `k`, after any adverbs (`Smith also said`).
    let cue_verb_at = |mut k: usize| {
        while k < toks.len() && toks[k].is_word() && is_adverb(toks[k].text) {
            k += 1;
        }
        toks.get(k).is_some_and(|t| t.is_word() && is_cue_verb(t.text))
    };
    let subject = cue_verb_at(run.last + 1);
    // `the partner, Lawrence Cummings, said`: a name set off after a role, as the subject of a cue.
    let described = run.first >= 2
        && toks[run.first - 1].kind == Tok::Punct(',')
        && names::description_before(toks, run.first - 1, |_| true).is_some()
        && after.is_some_and(|t| t.kind == Tok::Punct(','))
        && cue_verb_at(run.last + 2);
    // `"…" ― Ana Ruiz` closing the paragraph: a quotation signed with a name.
    let signed = run.first >= 2
        && matches!(toks[run.first - 1].kind, Tok::Punct(c) if names::is_dash(c))
        && toks[run.first - 2].is_quote()
        && toks[run.last + 1..].iter().find(|t| t.kind != Tok::Punct('.')).is_none_or(|t| t.is_quote());
    let inverted = run.first > 0
        && toks[run.first - 1].is_word()
        && is_invertible(toks[run.first - 1].text)
        && run.first >= 2
        && matches!(toks[run.first - 2].kind, Tok::Quote(_) | Tok::Punct(','));
    // `"…," said Concord resident Whit Symms`, `said the campaign's top aide Jake Sullivan`:
    // a few words of role between an inverted cue and the name that ends the sentence.
    let inverted_after_role = (1..=5).any(|n| {
        let Some(v) = run.first.checked_sub(n + 1) else { return false };
        v >= 1
            && toks[v].is_word()
            && is_invertible(toks[v].text)
            && matches!(toks[v - 1].kind, Tok::Quote(_) | Tok::Punct(','))
            && toks[v + 1..run.first].iter().all(|t| is_role_word(t))
            && toks[v + 1..run.first].iter().any(|t| t.text.chars().next().is_some_and(char::is_lowercase))
    }) && after.is_none_or(|t| matches!(t.kind, Tok::Punct('.' | ',' | '(')) || t.is_quote());
    titled
        || known_first_name
        || apposition
        || is_a
        || subject
        || inverted
        || signed
        || described
        || inverted_after_role
}

/// A word that may describe a person's role before their name (`resident`, `top`, `Concord`,
/// `campaign's`), not a preposition, conjunction, pronoun or verb of the sentence.
fn is_role_word(t: &Token<'_>) -> bool {
    t.is_word()
        && !is_preposition(t.text)
        && pronoun(t.text).is_none()
        && !is_cue_verb(t.text)
        && !matches!(fold(t.text).as_str(), "and" | "or" | "but" | "who" | "which" | "that" | "as" | "is" | "was")
}

/// A capitalised name holding an institution word, read forwards from `i` through `of`, `for`,
/// `on`, `and` between capitals (`Joint Committee on Human Rights`): its words and last token.
fn org_run(toks: &[Token<'_>], i: usize) -> Option<(Vec<String>, usize)> {
    let capital = |t: &Token<'_>| t.is_word() && names::is_capitalised(t.text);
    if !capital(&toks[i]) || matches!(fold(toks[i].text).as_str(), "the" | "a" | "an") {
        return None;
    }
    let mut words = vec![toks[i].text.to_string()];
    let mut j = i;
    while j + 1 < toks.len() {
        let n = toks[j + 1];
        if capital(&n) && !names::is_possessive(toks[j].text) {
            words.push(n.text.to_string());
            j += 1;
        } else if n.is_word()
            && names::is_name_connector(n.text)
            && toks
                .get(j + 2)
                .is_some_and(|t| capital(t) && fold(t.text) != "the" && !crate::text::is_calendar_word(&fold(t.text)))
        {
            words.push(n.text.to_string());
            words.push(toks[j + 2].text.to_string());
            j += 2;
        } else {
            break;
        }
    }
    let words: Vec<String> = words.iter().map(|w| names::strip_possessive(w).to_string()).collect();
    // `CEO of Washington Restaurant Association`: a role of an organisation is no part of its
    // name; the organisation starts after the `of`.
    if words.len() > 1 && names::is_role(&words[0]) && names::is_name_connector(&words[1]) {
        return None;
    }
    // The name ends with its last institution word and any `of …` that follows it: in `Ohio
    // Democratic Party Chairman David Pepper` the party ends before the chairman.
    let is_inst = |w: &String| names::is_institution_word(w) && names::is_capitalised(w);
    let last_inst = words.iter().rposition(is_inst)?;
    let mut keep = last_inst + 1;
    if keep + 1 < words.len() && names::is_name_connector(&words[keep]) {
        keep += 2;
        // `Bank of England Governor Mervyn King`: a title or a given name starts someone else.
        while keep < words.len()
            && !names::is_name_connector(&words[keep])
            && !names::is_title(&words[keep])
            && !names::is_honorific(&words[keep])
            && gender_of_word(&words[keep]).is_none()
        {
            keep += 1;
        }
    }
    // Token index of the last kept word: count words back from the run's end.
    let last = j - (words.len() - keep);
    let words = words[..keep].to_vec();
    (2..=8).contains(&words.len()).then_some((words, last))
}

/// `Royal Academy of Dance (RAD)`: the acronym in brackets right after token `last`.
fn spelled_acronym<'a>(toks: &[Token<'a>], last: usize) -> Option<&'a str> {
    let (open, word, close) = (toks.get(last + 1)?, toks.get(last + 2)?, toks.get(last + 3)?);
    (open.kind == Tok::Punct('(') && word.is_word() && names::is_acronym(word.text) && close.kind == Tok::Punct(')'))
        .then_some(word.text)
}

/// `The studio, Harbor Pictures, said`, `Harbor Pictures, the studio behind …`, or `civil
/// rights group Liberty`: a name set beside an organisation noun that heads its own phrase
/// (`Judy Bell, the company's founder` is a person: the noun is a possessive modifier there).
fn org_by_apposition(toks: &[Token<'_>], run: &NameRun) -> Option<String> {
    if run.honorific.is_some() || !run.descriptor.is_empty() {
        return None;
    }
    let plain_noun = |t: &Token<'_>| t.is_word() && names::is_org_noun(t.text) && !names::is_possessive(t.text);
    let comma = |k: usize| toks.get(k).is_some_and(|t| t.kind == Tok::Punct(','));
    // `the studio, Harbor Pictures,`
    if run.first >= 3
        && comma(run.first - 1)
        && plain_noun(&toks[run.first - 2])
        && matches!(fold(toks[run.first - 3].text).as_str(), "the" | "its" | "a")
        && (comma(run.last + 1) || toks.get(run.last + 1).is_some_and(|t| t.is_word() && is_cue_verb(t.text)))
    {
        return Some(toks[run.first - 2].text.to_string());
    }
    // `group Liberty said`, `retailer Tesco`
    if run.first >= 1 && plain_noun(&toks[run.first - 1]) && toks[run.first - 1].text.chars().all(|c| c.is_lowercase())
    {
        return Some(toks[run.first - 1].text.to_string());
    }
    // `Harbor Pictures, the studio behind the film`
    let (det, noun) = (toks.get(run.last + 2)?, toks.get(run.last + 3)?);
    let after = toks.get(run.last + 4);
    (comma(run.last + 1)
        && det.is_word()
        && matches!(fold(det.text).as_str(), "the" | "a")
        && plain_noun(noun)
        && after.is_none_or(|t| !t.is_word() || matches!(t.text, "behind" | "that" | "which" | "for" | "in" | "based")))
    .then(|| noun.text.to_string())
}

/// Whether a name run stands after `spokesman for (the)`: the name of an organisation.
fn after_spokesperson(toks: &[Token<'_>], run: &NameRun) -> bool {
    let mut k = run.first;
    if k > 0 && word_is(toks, k - 1, "the") {
        k -= 1;
    }
    k >= 2
        && toks[k - 1].is_word()
        && toks[k - 1].text == "for"
        && toks[k - 2].is_word()
        && matches!(fold(toks[k - 2].text).as_str(), "spokesman" | "spokeswoman" | "spokesperson")
}

/// `the Daily Caller reported`, `CNN reported`, `the ACU said`, `according to the Las Vegas
/// Sun`: capitalised words after `the`, or an acronym, as the subject of a reporting verb or
/// after `according to`, are an organisation (an outlet, a group): news writes no person's
/// name after `the`, nor in capitals. Starting at token `i` (the `the` or the acronym): the
/// organisation's words and last token. Not one capitalised word after `the` (`the Post`,
/// `the Hill`: the family name of someone elsewhere, read in pass two as the organisation
/// the article named in full), nor words of a person's description (`the Texan said`, `the
/// Utah Republican said`, `the President said`, `the Rev. Jesse Jackson said`), nor a name
/// holding an institution word (registered as such, without the `the`).
fn organisation_in_speaker_slot(toks: &[Token<'_>], i: usize) -> Option<(Vec<String>, usize)> {
    let word = |k: usize| toks.get(k).filter(|t| t.is_word());
    let acronym = |k: usize| word(k).is_some_and(|t| names::is_acronym(t.text) && !names::is_possessive(t.text));
    let det = word_is(toks, i, "the");
    let first = i + usize::from(det);
    let mut last = first;
    let according = i >= 2 && according_to_at(toks, i - 2);
    // The subject opens its clause, or follows a day (`Tuesday the ACU said`), never inside a
    // phrase (`obtained by the Associated Press warns`, `how the United States responds`, `a
    // super PAC called`).
    let after_day = i > 0 && toks[i - 1].is_word() && crate::text::is_calendar_word(&fold(toks[i - 1].text));
    if !(opens_clause(toks, i) || after_day || according) {
        return None;
    }
    if acronym(first) {
        // `the ACU`, `CNN`: an acronym alone, not the head of a longer name (`NBC News`), nor
        // a country's (`the US had agreed`: a place, and the subject of many a clause that
        // reports what someone else said).
        if is_country(&[toks[first].text.to_string()]) {
            return None;
        }
    } else {
        if !det {
            return None;
        }
        let capital = |k: usize| {
            word(k).is_some_and(|t| {
                names::is_capitalised(t.text)
                    && !names::is_possessive(t.text)
                    && (is_name_word(t.text) || names::is_acronym(t.text))
                    && !is_cue_verb(t.text)
            })
        };
        if !capital(first) {
            return None;
        }
        while last - first < 4 && capital(last + 1) {
            last += 1;
        }
        let words = &toks[first..=last];
        let names: Vec<String> = words.iter().map(|t| t.text.to_string()).collect();
        if last == first || words.iter().any(|t| describes_person(t.text)) || is_country(&names) {
            return None;
        }
    }
    // A reporting verb after the name (past adverbs), or `according to` before it.
    let mut v = last + 1;
    while word(v).is_some_and(|t| is_adverb(t.text)) {
        v += 1;
    }
    let verb = word(v).is_some_and(|t| {
        (is_cue_verb(t.text) || names::is_phrasal_cue(toks, v)) && super::resolve::is_inflected(t.text)
    });
    if !(verb || according) {
        return None;
    }
    let words = toks[first..=last].iter().map(|t| t.text.to_string()).collect();
    Some((words, last))
}

/// Whether token `i` opens a clause: the first token, or one after punctuation, a quote or a
/// word joining clauses (`and`, `but`, `as` in `As the Daily Caller reported`, `so`, `then`).
fn opens_clause(toks: &[Token<'_>], i: usize) -> bool {
    i.checked_sub(1)
        .map(|k| toks[k])
        .is_none_or(|b| !b.is_word() || matches!(fold(b.text).as_str(), "and" | "but" | "as" | "so" | "then"))
}

/// Whether a capitalised word describes a person or a body rather than naming an outlet: a
/// title, an honorific, a given name, an institution word, or a word of origin or party
/// (`the Texan`, `the Democrat`, `the Israelis`, `the Conservative`).
fn describes_person(word: &str) -> bool {
    let f = fold(word);
    names::is_title(&f)
        || names::is_honorific(&f)
        || gender_of_word(&f).is_some()
        || names::is_institution_word(&f)
        || ["an", "ans", "crat", "crats", "ite", "ites", "ese", "is", "ive", "ives"].iter().any(|end| f.ends_with(end))
}

/// `according to Reuters`, `according to HuffPo:`, `the Blaze reported`: one capitalised word
/// in the slot only an outlet or a body fills (after `according to`, or after a clause-opening
/// `the` and before a verb of publication), the whole name (no capital after it). Starting at
/// token `i`: the word. Only a candidate: one word may also be someone's family name (`the
/// Hill`, `according to Kovacs`), so pass two registers it as an organisation only when no
/// name of the corpus holds the word (see [`register_outlets`]). News names a person neither
/// after `the` nor as what `reported`.
fn one_word_outlet(toks: &[Token<'_>], i: usize) -> Option<String> {
    let word = |k: usize| toks.get(k).filter(|t| t.is_word());
    let according = according_to_at(toks, i);
    let det = if according { word_is(toks, i + 2, "the") } else { word_is(toks, i, "the") };
    let at = if according { i + 2 + usize::from(det) } else { i + 1 };
    if !(according || det) {
        return None;
    }
    let t = word(at)?;
    if !is_name_word(t.text)
        || names::is_possessive(t.text)
        || names::is_acronym(t.text)
        || is_cue_verb(t.text)
        || describes_person(t.text)
        || is_country(&[t.text.to_string()])
    {
        return None;
    }
    // The whole name: no capital (`according to Reuters reporter …` is fine, `according to
    // Capitol Police` is no one word) and no `of` after it.
    if word(at + 1).is_some_and(|n| names::is_capitalised(n.text) || matches!(n.text, "of" | "for" | "and")) {
        return None;
    }
    if !according {
        // The subject opens its clause and a verb of publication follows.
        let published = word(at + 1).is_some_and(|v| {
            matches!(
                fold(v.text).as_str(),
                "reported" | "reports" | "wrote" | "writes" | "published" | "publishes" | "revealed" | "reveals"
            )
        });
        if !(opens_clause(toks, i) && published) {
            return None;
        }
    }
    Some(t.text.to_string())
}

/// Registers the one-word outlets an article names in an outlet's slot (see
/// [`one_word_outlet`]) as organisations, when no name the corpus registered holds the word
/// (a person's family name, a longer organisation's word: `the Post` after `the Washington
/// Post` stays that one) and it is no given name, nor a one-word name the article gives a
/// person (`Kovacs said`, `Mr. Kovacs`): then nobody else can be meant.
fn register_outlets(singles: &Singles, people: &mut People) {
    for w in &singles.outlets {
        let f = fold(w);
        let a_persons = singles.runs.iter().any(|(r, _, _)| fold(r) == f);
        if a_persons || gender_of_word(&f).is_some() || !people.with_word(&f).is_empty() {
            continue;
        }
        people.add_kind(std::slice::from_ref(w), Kind::Organisation);
    }
}

/// A country's name or initials (`US`, `UK`, `EU`, `the United States`, `the Czech Republic`):
/// a place that news makes the subject of what its government did (`the US had agreed`),
/// not a speaker of its own.
fn is_country(words: &[String]) -> bool {
    let last = words.last().map(|w| fold(w)).unwrap_or_default();
    matches!(last.as_str(), "us" | "usa" | "uk" | "eu" | "uae" | "ussr" | "prc" | "dprk")
        || matches!(last.as_str(), "states" | "kingdom" | "emirates" | "republic" | "islands")
}

/// Pass one: speakers from bylines, section markers, transcript labels and strong text evidence;
/// returns the one-word names of the article, registered once the whole corpus is read.
fn register(article: &Article, people: &mut People) -> Singles {
    for a in &article.meta.authors {
        people.add(&words_of(a));
    }
    let transcript = is_transcript(article);
    let mut singles = Singles::default();
    // Acronyms the article writes (`the IMF said`): an organisation it names in full is also
    // called by its initials only when the article itself uses them, so initials that happen
    // to spell a word (`World Health Organization`, `who`) never turn that word into a name.
    let acronyms: HashSet<String> = crate::text::words(&article.text)
        .iter()
        .filter(|w| names::is_acronym(w.text))
        .map(|w| fold(names::strip_possessive(w.text)))
        .collect();
    for p in &article.paragraphs {
        if let ParaKind::SectionMarker { author, .. } = &p.kind {
            people.add(&words_of(author));
        }
        if p.kind != ParaKind::Body {
            continue;
        }
        if transcript {
            if let Some((name, _)) = label(article, p) {
                people.add(&words_of(&title_case(&name)));
            }
        }
        let span = content_span(article, p, transcript);
        let segs: Vec<(usize, Segment)> = segments(&article.text, span, p.index).into_iter().enumerate().collect();
        let toks = tokens(&article.text, span, &segs);
        let sentence_of = sentence_ids(&article.text, &toks);
        // A headline in title case (`Retired General Reveals …`) capitalises every word: no
        // one-word name is read from it.
        let words: Vec<&Token<'_>> = toks.iter().filter(|t| t.is_word()).collect();
        let title_case =
            words.len() >= 4 && words.iter().filter(|t| names::is_capitalised(t.text)).count() * 10 >= words.len() * 7;
        // Nor a longer one, when its small words are capitalised too (`Ben Carson Slams Hillary
        // And The Media`: where the name ends is not written).
        let headline = title_case && capitalises_small_words(&words);
        for (k, t) in toks.iter().enumerate() {
            if t.is_word() && is_name_word(t.text) && !starts_sentence(&sentence_of, k) && !title_case {
                singles.mid_sentence_capitals.insert(fold(names::strip_possessive(t.text)));
            }
        }
        if !title_case {
            for k in 0..toks.len() {
                if let Some(w) = one_word_outlet(&toks, k) {
                    if !singles.outlets.contains(&w) {
                        singles.outlets.push(w);
                    }
                }
            }
        }
        let mut i = 0;
        let mut org_ended_at = None;
        while i < toks.len() && !headline {
            if let Some((words, last)) = organisation_in_speaker_slot(&toks, i) {
                people.add_kind(&words, Kind::Organisation);
                org_ended_at = Some(last);
                i = last + 1;
                continue;
            }
            if let Some((words, last)) = org_run(&toks, i) {
                if let Some(id) = people.add_kind(&words, Kind::Organisation) {
                    if let Some(acr) = spelled_acronym(&toks, last) {
                        people.alias(id, acr);
                    }
                    if let Some(initials) = names::initials(&words).filter(|i| acronyms.contains(i)) {
                        people.alias(id, &initials);
                    }
                }
                org_ended_at = Some(last);
                i = last + 1;
                continue;
            }
            if !starts_run_after(&toks, i, org_ended_at) {
                i += 1;
                continue;
            }
            let Some(mut run) = run_at(&toks, i) else {
                // `Senate Minority Whip Dick Durbin`: no name as a whole, but a person's name
                // opening with a given name may follow inside it.
                match names::given_name_after(&toks, i) {
                    Some(k) => {
                        org_ended_at = Some(k - 1);
                        i = k;
                    }
                    None => i += 1,
                }
                continue;
            };
            // `Rival Hillary Clinton had mocked …`: a capital opening the sentence before a
            // given name and a family name is a word of description, not part of the name.
            if starts_sentence(&sentence_of, run.first)
                && run.words.len() >= 3
                && gender_of_word(&run.words[0]).is_none()
                && gender_of_word(&run.words[1]).is_some()
            {
                let lead = run.words.remove(0);
                run.descriptor.insert(0, lead);
            }
            if let Some(noun) = org_by_apposition(&toks, &run) {
                if let Some(id) = people.add_kind(&run.words, Kind::Organisation) {
                    people.describe(id, &noun, &article.id, p.span);
                }
            } else if after_spokesperson(&toks, &run) && run.words.len() >= 2 {
                people.add_kind(&run.words, Kind::Organisation);
            } else if looks_like_person(&toks, &run) {
                if let Some(id) = people.add(&run.words) {
                    learn_gender(people, id, &run);
                }
            } else if !title_case && single_name_evidence(&toks, &run) {
                let name = toks[run.last].text;
                singles.runs.push((
                    names::strip_possessive(name).to_string(),
                    run.honorific.clone(),
                    starts_sentence(&sentence_of, run.first),
                ));
            }
            i = run.last.max(i) + 1;
        }
    }
    singles
}

/// Whether a line capitalises a conjunction, a preposition or a pronoun after its first word (`… Slams Hillary And The Media`, `… Defends Himself Against Claims He …`), as
/// headlines do and running text never does, not even inside a name (`Secretary of State`,
/// `Bank of England`; `The` is left out, as `The Post` is written so): no capital there tells
/// where a name ends.
fn capitalises_small_words(words: &[&Token<'_>]) -> bool {
    words.iter().skip(1).any(|t| {
        matches!(
            t.text,
            "And"
                | "In"
                | "Of"
                | "For"
                | "To"
                | "On"
                | "With"
                | "Against"
                | "At"
                | "By"
                | "From"
                | "Is"
                | "Are"
                | "As"
                | "After"
                | "Over"
                | "He"
                | "She"
                | "His"
                | "Her"
                | "It"
                | "Its"
                | "Their"
        )
    })
}

/// Gender from an honorific before the name (`Mrs Holloway`) or a common first name.
fn learn_gender(people: &mut People, id: PersonId, run: &NameRun) {
    let from_honorific = run.honorific.as_deref().and_then(gender_of_word);
    let from_first = (run.words.len() >= 2).then(|| gender_of_word(&run.words[0])).flatten();
    if let Some(g) = from_honorific.or(from_first) {
        people.set_gender(id, g);
    }
}

/// What pass two carries from one paragraph to the next.
#[derive(Debug, Default)]
struct Carry {
    /// The voice the paragraph ended in, when it ended in someone's quotation or reported speech.
    voice: Option<PersonId>,
    /// The paragraph's last quote was left open (index into `ex.quotes`).
    open_quote: Option<usize>,
    /// The paragraph ended on a cue and a colon (`Smith told MPs:`).
    colon_cue: Option<(PersonId, Span)>,
    /// The paragraph was one quotation and nothing else: its quote (index into `ex.quotes`)
    /// and its first passage (index into `ex.passages`), which a signature line may sign.
    quote_paragraph: Option<(usize, usize)>,
}

/// A quoted segment of a paragraph, once decided.
#[derive(Debug, Clone, Copy)]
struct Decided {
    tok: usize,
    seg: usize,
    speaker: Option<PersonId>,
    cue: Cue,
    cue_span: Option<Span>,
    rule: &'static str,
}

/// Pass two for one article; `known` are the people it names in full or by a word of its own.
fn attribute(article: &Article, ex: &mut Extraction, known: Vec<PersonId>) {
    let transcript = is_transcript(article);
    let mut discourse = Discourse::default();
    discourse.known = known;
    let mut carry = Carry::default();
    let text = &article.text;

    // The transcript's host speaks the unlabelled opening; it is the labelled speaker who is
    // not introduced in that opening (the host introduces the others).
    let host = transcript.then(|| transcript_host(article, &ex.people)).flatten();
    // Whoever speaks the opening and introduces the others is the transcript's host: so
    // described (`what did the host ask`), at the opening paragraph, though no line says it.
    if let (Some(h), Some(opening)) = (host, article.body().find(|p| label(article, p).is_none())) {
        ex.people.describe(h, "host", &article.id, opening.span);
    }
    let mut turn: Option<PersonId> = None;
    let mut section: Option<PersonId> = None;

    for p in &article.paragraphs {
        match &p.kind {
            ParaKind::SectionMarker { author, role } => {
                section = ex.people.candidates(&words_of(author)).first().copied();
                if let (Some(id), Some(role)) = (section, role) {
                    ex.people.describe(id, role, &article.id, p.span);
                }
                continue;
            }
            ParaKind::Body => {}
            _ => continue,
        }
        discourse.para += 1;
        let span = content_span(article, p, transcript);
        let labelled = if transcript { label(article, p) } else { None };
        if transcript {
            match &labelled {
                Some((name, _)) => turn = ex.people.candidates(&words_of(&title_case(name))).first().copied(),
                None if turn.is_none() => turn = host,
                None => {}
            }
            if let Some(t) = turn {
                discourse.mention(t, true);
            }
        }
        let segs: Vec<(usize, Segment)> = segments(text, span, p.index).into_iter().enumerate().collect();
        let toks = tokens(text, span, &segs);
        let sentence_of = sentence_ids(text, &toks);

        let Walked { cues, mentions, position_at } =
            read_paragraph(article, p, &toks, &sentence_of, &mut discourse, &mut ex.people);

        if let (Some((q, passages_from)), Some((speaker, line))) =
            (carry.quote_paragraph, signature_line(&toks, &mentions))
        {
            sign_quote_paragraph(ex, q, passages_from, speaker, line);
        }

        // Decide each quoted segment, in order, by the sieves.
        let quote_toks: Vec<usize> = (0..toks.len()).filter(|&k| toks[k].is_quote()).collect();
        let mut decided: Vec<Decided> = Vec::with_capacity(quote_toks.len());
        let fragments: Vec<bool> = segs.iter().map(|(_, s)| is_fragment(text, span, s)).collect();
        let fragment_tok = |k: usize| matches!(toks[k].kind, Tok::Quote(seg) if fragments[seg]);
        for (n, &q) in quote_toks.iter().enumerate() {
            let Tok::Quote(seg) = toks[q].kind else { unreachable!() };
            let fragment = fragments[seg];
            // The segment continues a quotation left open: the previous segment of this
            // paragraph, or for the paragraph's opening quote, the previous paragraph's last.
            let continues_open = match n.checked_sub(1) {
                Some(m) if !segs[decided[m].seg].1.closed => Some(decided[m].speaker),
                None if q == 0 => carry.open_quote.map(|k| ex.quotes[k].speaker),
                _ => None,
            };
            let site = Site {
                toks: &toks,
                q,
                prev_quote: quote_toks[..n]
                    .iter()
                    .rev()
                    .copied()
                    .find(|&pq| !(fragment && sentence_of[pq] == sentence_of[q] && fragment_tok(pq))),
                cues: &cues,
                sentence_of: &sentence_of,
                fragment,
                opens_paragraph: q == 0,
                colon_cue: carry.colon_cue,
                continues_open,
                previous_voice: carry.voice,
                mentions: &mentions,
            };
            let (verdict, rule) = sieves::decide(&site);
            decided.push(Decided {
                tok: q,
                seg,
                speaker: verdict.map(|v| v.speaker),
                cue: verdict.map_or(Cue::None, |v| v.cue),
                cue_span: verdict.and_then(|v| v.cue_span),
                rule: rule.unwrap_or("none"),
            });
        }
        // A quotation left open whose continuation names its speaker explicitly (`"…` then
        // `"…," she said.`) takes that speaker: an explicit cue outweighs any continuation guess.
        for n in (0..decided.len().saturating_sub(1)).rev() {
            let next = decided[n + 1];
            if matches!(decided[n].cue, Cue::None | Cue::Continuation)
                && decided[n].speaker != next.speaker
                && !segs[decided[n].seg].1.closed
                && matches!(next.cue, Cue::After | Cue::Before)
            {
                decided[n] = Decided {
                    speaker: next.speaker,
                    cue: Cue::Continuation,
                    cue_span: None,
                    rule: "open_quotation_named_later",
                    ..decided[n]
                };
            }
        }
        if let (Some(open), Some(first)) = (carry.open_quote, decided.first()) {
            if first.tok == 0
                && matches!(ex.quotes[open].cue, Cue::None | Cue::Continuation)
                && ex.quotes[open].speaker != first.speaker
                && matches!(first.cue, Cue::After | Cue::Before)
            {
                let q = &mut ex.quotes[open];
                q.speaker = first.speaker;
                q.cue = Cue::Continuation;
                q.rule = "open_quotation_named_later";
            }
        }

        let first_quote_at = ex.quotes.len();
        let mut last_quote_at = None;
        let mut k = 0;
        while k < decided.len() {
            // Merge consecutive segments by the same speaker joined by a short cue.
            let d = decided[k];
            let mut end = k;
            while d.speaker.is_some()
                && end + 1 < decided.len()
                && decided[end + 1].speaker == d.speaker
                && only_cue_between(&toks, &cues, decided[end].tok, decided[end + 1].tok)
            {
                end += 1;
            }
            let (first_seg, last_seg) = (d.seg, decided[end].seg);
            let parts: Vec<Span> = (first_seg..=last_seg).map(|s| trim_inner(text, segs[s].1.inner)).collect();
            let first = segs[first_seg].1;
            let fragment = first_seg == last_seg && fragments[first_seg];
            let embedded = first_seg == last_seg && is_embedded(text, span, &first);
            let shown = if fragment || embedded {
                sentence_containing(text, &toks, &sentence_of, d.tok).unwrap_or(parts[0])
            } else if first_seg == last_seg {
                parts[0]
            } else {
                Span::new(first.outer.start, segs[last_seg].1.outer.end)
            };
            last_quote_at = Some(ex.quotes.len());
            ex.quotes.push(Quote {
                article: article.id.clone(),
                paragraph: p.index,
                span: shown,
                parts,
                speaker: d.speaker,
                cue: d.cue,
                fragment,
                rule: d.rule,
                cue_span: d.cue_span,
            });
            if let Some(s) = d.speaker {
                discourse.mention_at(s, position_at[d.tok]);
            }
            k = end + 1;
        }

        // A transcript turn is its speaker's words, as a whole.
        if let Some(t) = turn.filter(|_| transcript) {
            let turn_span = trim_span(text, span);
            if !turn_span.is_empty() {
                ex.quotes.push(Quote {
                    article: article.id.clone(),
                    paragraph: p.index,
                    span: turn_span,
                    parts: vec![turn_span],
                    speaker: Some(t),
                    cue: Cue::Turn,
                    fragment: false,
                    rule: "transcript_turn",
                    cue_span: labelled.as_ref().map(|(_, l)| *l),
                });
            }
        }

        let passages_from = ex.passages.len();
        push_passages(article, p, span, &toks, &cues, turn.filter(|_| transcript), section, first_quote_at, ex);

        // What the next paragraph may lean on.
        let last_decided = decided.last();
        carry.open_quote = match (segs.last(), last_decided, last_quote_at) {
            (Some((_, s)), Some(_), Some(at)) if !s.closed => Some(at),
            _ => None,
        };
        let ends_in_quote = toks.iter().rev().find(|t| !matches!(t.kind, Tok::Punct(_))).is_some_and(|t| t.is_quote());
        let last_cue = cues.iter().max_by_key(|c| c.verb);
        carry.voice = match (last_decided, last_cue) {
            // A paragraph whose last quote came after its last cue ends in that quote's voice.
            (Some(d), c) if c.is_none_or(|c| c.verb < d.tok) || ends_in_quote => d.speaker,
            // Reported speech ending the paragraph: its speaker's voice.
            (_, Some(c)) => c.speaker,
            // A sentence giving one person's view: theirs.
            (_, None) => view_voice(&toks, &sentence_of, &mentions, &ex.people, &discourse.known),
        };
        let only_quotation = ex.quotes.len() == first_quote_at + 1
            && !transcript
            && toks.first().is_some_and(|t| t.is_quote())
            && toks.iter().all(|t| t.is_quote() || matches!(t.kind, Tok::Punct(_)));
        carry.quote_paragraph = only_quotation.then_some((first_quote_at, passages_from));
        carry.colon_cue = last_cue
            .filter(|c| toks.last().is_some_and(|t| t.kind == Tok::Punct(':')) && toks.len() - 1 - c.to <= 6)
            .and_then(|c| c.speaker.map(|s| (s, Span::new(toks[c.from].span.start, toks[c.to].span.end))));
    }
}

/// `- Bernie Sanders.` on a line of its own after a paragraph that is one quotation, as fact
/// checks and quote boxes print them: a dash, a name opening the line, and nothing after it but
/// a full stop or a comma and a few words of description (`-Michelle Marks, Philadelphia.`).
/// The name's speaker and the line's span.
fn signature_line(toks: &[Token<'_>], mentions: &[(usize, PersonId)]) -> Option<(PersonId, Span)> {
    let dash = toks.first().filter(|t| matches!(t.kind, Tok::Punct(c) if c == '-' || names::is_dash(c)))?;
    let run = names::run_forward(toks, 1).filter(|r| r.first == 1 && !r.possessive)?;
    let &(_, speaker) = mentions.iter().find(|&&(k, _)| k == 1)?;
    let rest = &toks[run.last + 1..];
    let ends = match rest.first() {
        None => true,
        Some(t) if t.kind == Tok::Punct('.') => rest.len() == 1,
        Some(t) if t.kind == Tok::Punct(',') => rest.len() <= 8 && !rest.iter().any(|t| t.is_quote()),
        _ => false,
    };
    let last = toks.last()?;
    ends.then(|| (speaker, Span::new(dash.span.start, last.span.end)))
}

/// The quotation the paragraph before a signature line consists of is the signer's: its
/// speaker, and the voice of its sentences.
fn sign_quote_paragraph(ex: &mut Extraction, q: usize, passages_from: usize, speaker: PersonId, line: Span) {
    let quote = &mut ex.quotes[q];
    quote.speaker = Some(speaker);
    quote.cue = Cue::After;
    quote.cue_span = Some(line);
    quote.rule = "signed_on_next_line";
    let parts = quote.parts.clone();
    for passage in &mut ex.passages[passages_from..] {
        if parts.iter().any(|part| part.overlaps(passage.span)) {
            passage.voice = Voice::Quoted(speaker);
        }
    }
}

/// `Valastro praised Christie's leadership in the storm.`: a paragraph of one sentence, with no
/// quotation and no cue, whose subject opens it and whose verb gives that subject's view
/// (praised, criticized, defended …), naming nobody else: the voice a quotation opening the next
/// paragraph goes on in.
fn view_voice(
    toks: &[Token<'_>],
    sentence_of: &[usize],
    mentions: &[(usize, PersonId)],
    people: &People,
    known: &[PersonId],
) -> Option<PersonId> {
    let &(first, id) = mentions.first()?;
    let one_sentence = sentence_of.first().is_some_and(|&s| sentence_of.iter().all(|&t| t == s));
    if !one_sentence || mentions.iter().any(|&(_, other)| other != id) {
        return None;
    }
    // A few words of description may lead the name (`Cake Boss star Buddy Valastro`), nothing else.
    let leads = first <= 4 && toks[..first].iter().all(|t| t.is_word() && pronoun(t.text).is_none());
    let run = names::run_forward(toks, first).filter(|r| r.first == first && !r.possessive)?;
    let mut v = run.last + 1;
    while toks.get(v).is_some_and(|t| t.is_word() && is_adverb(t.text) && !is_name_word(t.text)) {
        v += 1;
    }
    let view = toks.get(v).is_some_and(|t| t.is_word() && names::is_view_verb(t.text));
    // (Nor may anyone else the article names be named after it, but as a possessive: `… as
    // Ruiz stood by`.)
    let someone_else = toks[v..].iter().any(|t| {
        t.is_word()
            && is_name_word(t.text)
            && !names::is_possessive(t.text)
            && people
                .candidates(&[t.text.to_string()])
                .iter()
                .any(|&c| c != id && known.contains(&c) && people.get(c).kind == Kind::Person)
    });
    (leads && view && !someone_else).then_some(id)
}

/// What walking a paragraph found.
struct Walked {
    cues: Vec<CueAt>,
    /// Speakers named, by token.
    mentions: Vec<(usize, PersonId)>,
    /// Where the discourse stood when the walk reached each token.
    position_at: Vec<usize>,
}

/// Whether a name at token `i` (its run ending at `last`) stands where its sentence's subject
/// does: opening the sentence or after a few words of description (`Local shopkeeper Raj Patel,
/// …, is worried`), or right after the comma that ends an opening phrase. The caller also rules
/// out a second name of the sentence (`Trump said praise from Russian President Vladimir Putin
/// …`: Putin is no subject) and a name that only describes the next one (`Trump campaign
/// spokesman Jason Miller`). A name after a verb or a preposition is no subject either.
fn opens_sentence_as_subject(toks: &[Token<'_>], sentence_of: &[usize], i: usize, last: usize) -> bool {
    let before = || (0..i).rev().take_while(|&k| sentence_of[k] == sentence_of[i]);
    let subordinate = before().last().is_some_and(|k| is_subordinator(toks[k].text));
    opens_main_clause(toks, sentence_of, i, last)
        || !subordinate
            && before().count() <= 4
            && before().all(|k| {
                let t = toks[k];
                t.is_word()
                    && (!is_name_word(t.text) || names::is_title(t.text) || starts_sentence(sentence_of, k))
                    && !is_cue_verb(t.text)
                    && !is_preposition(t.text)
            })
}

/// A word that opens a subordinate clause (`While Obama had …, that has not …`): the name
/// after it is that clause's subject, not the sentence's.
fn is_subordinator(word: &str) -> bool {
    matches!(
        fold(word).as_str(),
        "while"
            | "although"
            | "though"
            | "because"
            | "if"
            | "when"
            | "as"
            | "since"
            | "after"
            | "before"
            | "unless"
            | "whereas"
            | "until"
            | "once"
            | "whether"
    )
}

/// `the Clinton campaign, where he …` · `gave Trump some credit, but he suggested …`: a name
/// followed directly by a lower-case content word (no verb, preposition, adverb or conjunction)
/// modifies that word or is an object before another, never the subject a pronoun of the same
/// sentence goes back to.
fn modifies_next_noun(toks: &[Token<'_>], last: usize) -> bool {
    toks.get(last + 1).is_some_and(|t| {
        let w = fold(t.text);
        t.is_word()
            && t.text.chars().next().is_some_and(char::is_lowercase)
            && !t.text.contains(['\'', '’'])
            && !is_preposition(t.text)
            && !is_adverb(t.text)
            && !t.text.ends_with("ing")
            && !super::resolve::is_inflected(t.text)
            && pronoun(t.text).is_none()
            && !matches!(
                w.as_str(),
                "and"
                    | "or"
                    | "but"
                    | "nor"
                    | "who"
                    | "whom"
                    | "whose"
                    | "which"
                    | "that"
                    | "as"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "be"
                    | "been"
                    | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "should"
                    | "must"
                    | "shall"
                    | "did"
                    | "do"
                    | "had"
                    | "have"
                    | "not"
                    | "never"
                    | "also"
                    | "still"
                    | "just"
                    | "only"
                    | "then"
                    | "now"
                    | "too"
                    | "himself"
                    | "herself"
                    | "itself"
                    | "to"
                    | "than"
                    | "so"
                    | "if"
                    | "when"
                    | "where"
                    | "while"
                    | "because"
                    | "though"
                    | "although"
                    | "after"
                    | "before"
                    | "said"
                    | "say"
                    | "tell"
                    | "told"
                    | "added"
                    | "went"
                    | "got"
                    | "made"
                    | "took"
                    | "gave"
                    | "came"
                    | "saw"
                    | "knew"
                    | "thought"
                    | "felt"
                    | "left"
                    | "won"
                    | "lost"
                    | "ran"
                    | "met"
                    | "led"
                    | "began"
                    | "become"
                    | "became"
                    | "get"
                    | "go"
                    | "make"
                    | "take"
                    | "run"
                    | "win"
            )
    })
}

/// `When the subject comes up, Fiorina routinely calls herself …`, `It's a big if, but Sanders
/// was …`: a name right after the comma (and a conjunction) that ends an opening phrase, with a
/// lower-case word after it that is no relative or conjunction, is the main clause's subject.
fn opens_main_clause(toks: &[Token<'_>], sentence_of: &[usize], i: usize, last: usize) -> bool {
    let mut k = i;
    if k > 0 && toks[k - 1].is_word() && matches!(toks[k - 1].text, "but" | "and" | "yet" | "so") {
        k -= 1;
    }
    let after_comma = k > 1 && toks[k - 1].kind == Tok::Punct(',') && sentence_of[k - 1] == sentence_of[i];
    after_comma
        && toks.get(last + 1).is_some_and(|t| {
            t.is_word()
                && sentence_of.get(last + 1) == Some(&sentence_of[i])
                && t.text.chars().next().is_some_and(char::is_lowercase)
                && !matches!(
                    t.text,
                    "who" | "which" | "that" | "and" | "or" | "but" | "of" | "in" | "on" | "at" | "to" | "for" | "with"
                )
        })
}

/// Walks a paragraph's tokens in order: mentions of speakers and reporting cues, each resolved
/// against what came before; also reads descriptors of the people it meets.
fn read_paragraph(
    article: &Article,
    p: &Paragraph,
    toks: &[Token<'_>],
    sentence_of: &[usize],
    discourse: &mut Discourse,
    people: &mut People,
) -> Walked {
    let mut cues: Vec<CueAt> = Vec::new();
    let mut position_at = Vec::with_capacity(toks.len());
    let mut sentence_mentions: Vec<(usize, usize, PersonId)> = Vec::new(); // (sentence, token, id)
                                                                           // A resolver over the paragraph as read so far (a macro: it re-borrows the memory that the
                                                                           // walk also updates).
    macro_rules! reader {
        () => {
            Reader { toks, sentence_of, earlier_cues: &cues, sentence_mentions: &sentence_mentions, discourse, people }
        };
    }
    let mut i = 0;
    let mut org_ended_at = None;
    while i < toks.len() {
        while position_at.len() <= i {
            position_at.push(discourse.position());
        }
        let t = toks[i];
        let reader = reader!();
        // `according to Kovacs, "…"`, `"…" ― Ana Ruiz` or `Bush's post: "…"`: cues without a verb.
        if let Some(c) = reader.according_to(i).or_else(|| reader.signature(i)).or_else(|| reader.possessive_source(i))
        {
            cues.push(c);
            if let Some(s) = c.speaker {
                discourse.mention(s, true);
            }
        } else if t.is_word()
            && (is_cue_verb(t.text) || names::is_phrasal_cue(toks, i) || names::is_cue_after_quote(toks, i))
        {
            if let Some(c) = reader.cue_at(i) {
                if let Some(s) = c.speaker {
                    // A pronoun that resolved teaches the person's gender.
                    if let Some(g) = toks[c.from..=c.to].iter().find_map(|t| match pronoun(t.text) {
                        Some(Pronoun::He) => Some(Gender::Male),
                        Some(Pronoun::She) => Some(Gender::Female),
                        _ => None,
                    }) {
                        people.set_gender(s, g);
                    }
                    discourse.mention(s, true);
                } else if is_unnamed_person(&toks[c.from..c.verb]) {
                    discourse.nominal_speaker(&toks[c.from..c.verb]);
                }
                cues.push(c);
            }
        }
        if let Some((words, last)) = org_run(toks, i) {
            let id = people.by_name(&words.join(" ")).filter(|&id| people.get(id).kind == Kind::Organisation);
            let id = id.or_else(|| {
                reader!().run_speaker(&NameRun {
                    words,
                    first: i,
                    last,
                    descriptor: vec![],
                    possessive: false,
                    honorific: None,
                })
            });
            if let Some(id) = id {
                discourse.mention(id, starts_sentence(sentence_of, i));
                if !modifies_next_noun(toks, last) {
                    sentence_mentions.push((sentence_of[i], i, id));
                }
            }
            org_ended_at = Some(last);
            i = last + 1;
            continue;
        }
        if starts_run_after(toks, i, org_ended_at) {
            if let Some(run) = run_at(toks, i) {
                // `an Oscar`, `the Kennedy era`: one capitalised word after an article names a
                // thing, not the person whose family name it shares.
                let after_article = run.words.len() == 1
                    && run.honorific.is_none()
                    && i > 0
                    && matches!(fold(toks[i - 1].text).as_str(), "a" | "an" | "the");
                let person = |id: &PersonId| !(after_article && people.get(*id).kind == Kind::Person);
                // (`Comedian Sarah Silverman was booed`: a capital before a given name and a family
                // name describes the person, as registration and cues read it.)
                let described = run.words.len() >= 3
                    && gender_of_word(&run.words[0]).is_none()
                    && gender_of_word(&run.words[1]).is_some();
                // (A family name alone here is remembered as the latest of its bearers named: only
                // a speaker cue reads it as the bearer the article established, see
                // `Discourse::choose`; the pronoun rules weigh the names of running text as they
                // stand.)
                let choose = |run: &NameRun| {
                    let cands = discourse.run_candidates(people, run);
                    discourse.choose_latest(people, &cands, run.words.last()?)
                };
                let found = choose(&run).or_else(|| {
                    described.then(|| choose(&NameRun { words: run.words[1..].to_vec(), ..run.clone() })).flatten()
                });
                if let Some(id) = found.filter(person) {
                    if !run.possessive && !modifies_next_noun(toks, run.last) {
                        sentence_mentions.push((sentence_of[i], i, id));
                    }
                    discourse.note_title(&run, id);
                    learn_gender(people, id, &run);
                    let named_before = sentence_mentions.iter().any(|&(s, k, _)| s == sentence_of[i] && k < i);
                    let modifier = reader!().described_name_after(run.clone()).first != run.first;
                    let subject = !run.possessive
                        && !named_before
                        && !modifier
                        && opens_sentence_as_subject(toks, sentence_of, i, run.last);
                    discourse.mention(id, subject);
                    describe_from_context(article, toks, &run, id, people, p);
                    i = run.last + 1;
                    continue;
                }
            }
        }
        if t.is_word() && matches!(pronoun(t.text), Some(Pronoun::He | Pronoun::She)) {
            // "He is now at the Brookings Institution": a descriptor of the pronoun's person.
            if toks.get(i + 1).is_some_and(|n| n.text == "is" || n.text == "was") && starts_sentence(sentence_of, i) {
                let pr = pronoun(t.text).unwrap_or(Pronoun::Other);
                if let Some(id) = discourse.resolve_pronoun(people, pr, &[]) {
                    let run = NameRun {
                        words: vec![],
                        first: i,
                        last: i,
                        descriptor: vec![],
                        possessive: false,
                        honorific: None,
                    };
                    describe_from_context(article, toks, &run, id, people, p);
                }
            }
            // `Then she shattered party norms`: a pronoun as the sentence's subject keeps its
            // person the topic, as their name there would.
            let named_before = sentence_mentions.iter().any(|&(s, k, _)| s == sentence_of[i] && k < i);
            if matches!(fold(t.text).as_str(), "he" | "she")
                && !named_before
                && opens_sentence_as_subject(toks, sentence_of, i, i)
            {
                let pr = pronoun(t.text).unwrap_or(Pronoun::Other);
                if let Some(id) = discourse.resolve_pronoun(people, pr, &[]) {
                    discourse.mention(id, true);
                    // (And names the sentence's subject for the sieves: `He offered "…"`.)
                    sentence_mentions.push((sentence_of[i], i, id));
                }
            }
        }
        i += 1;
    }
    position_at.resize(toks.len(), discourse.position());
    Walked { cues, mentions: sentence_mentions.into_iter().map(|(_, k, id)| (k, id)).collect(), position_at }
}

/// Whether nothing but punctuation and one cue phrase (`," he says. "`) stands between two
/// quote tokens: such segments are one quotation interrupted by its cue.
fn only_cue_between(toks: &[Token<'_>], cues: &[CueAt], a: usize, b: usize) -> bool {
    let words: Vec<usize> = (a + 1..b).filter(|&k| toks[k].is_word()).collect();
    words.is_empty() || cues.iter().any(|c| words.iter().all(|&k| (c.from..=c.to).contains(&k)))
}

/// A cue's subject that is a person the text does not name: `a spokesman`, `the lawyer`,
/// `one official` (not `officials`, not an organisation noun).
fn is_unnamed_person(subject: &[Token<'_>]) -> bool {
    // (Adverbs between the subject and its verb are not its head: `was once asked`.)
    let Some(head) = subject.iter().rev().find(|t| t.is_word() && !is_adverb(t.text)) else { return false };
    let h = fold(head.text);
    let lower = head.text.chars().next().is_some_and(char::is_lowercase);
    // (`a passion that almost suggested`, `the report, which said`: a relative pronoun for a
    // thing is no person.)
    lower
        && pronoun(head.text).is_none()
        && !names::is_org_noun(head.text)
        && !h.ends_with('s')
        && !matches!(h.as_str(), "and" | "but" | "that" | "which")
}

/// Sentences as passages, each in its voice: inside a quotation, the quotation's speaker;
/// reported speech, its cue's speaker; else the transcript turn, the section, or narration.
#[allow(clippy::too_many_arguments)]
fn push_passages(
    article: &Article,
    p: &Paragraph,
    span: Span,
    toks: &[Token<'_>],
    cues: &[CueAt],
    turn: Option<PersonId>,
    section: Option<PersonId>,
    first_quote_at: usize,
    ex: &mut Extraction,
) {
    let text = &article.text;
    for s in &p.sentences {
        let s = Span::new(s.start.max(span.start), s.end);
        if s.is_empty() || text[s.start..s.end].trim().is_empty() {
            continue;
        }
        if text[s.start..s.end].split_whitespace().count() < 3 {
            continue;
        }
        // A sentence inside someone's quotation is in their voice, not the section's.
        let inside = ex.quotes[first_quote_at..]
            .iter()
            .find(|q| q.cue != Cue::Turn && !q.fragment && q.parts.iter().any(|part| part.overlaps(s)));
        let voice = if let Some(q) = inside {
            q.speaker.map_or(Voice::Unattributed, Voice::Quoted)
        } else {
            let reported = cues
                .iter()
                .find(|c| c.speaker.is_some() && s.contains(toks[c.verb].span) && !names_a_term(toks, c))
                .and_then(|c| c.speaker);
            match (reported, turn, section) {
                (Some(r), _, _) => Voice::Reported(r),
                (None, Some(t), _) => Voice::Turn(t),
                (None, None, Some(a)) => Voice::Section(a),
                _ => Voice::Narration,
            }
        };
        ex.passages.push(Passage { article: article.id.clone(), paragraph: p.index, span: trim_span(text, s), voice });
    }
}

/// `on what Xi calls "the Ukraine issue"`, `what critics described as …`: a cue after `what`
/// lends the writer the speaker's term for a thing; the rest of the sentence is the writer's
/// claim, not the speaker's reported speech (the quoted term is still the speaker's quote).
fn names_a_term(toks: &[Token<'_>], cue: &CueAt) -> bool {
    cue.from.checked_sub(1).is_some_and(|i| word_is(toks, i, "what"))
}

fn transcript_host(article: &Article, people: &People) -> Option<PersonId> {
    let opening = article.body().find(|p| label(article, p).is_none())?;
    let opening_text = fold(article.slice(opening.span));
    let mut counts: Vec<(PersonId, usize)> = Vec::new();
    for p in article.body() {
        if let Some((name, _)) = label(article, p) {
            if let Some(&id) = people.candidates(&words_of(&title_case(&name))).first() {
                match counts.iter_mut().find(|(i, _)| *i == id) {
                    Some(c) => c.1 += 1,
                    None => counts.push((id, 1)),
                }
            }
        }
    }
    counts
        .into_iter()
        .filter(|(id, _)| !opening_text.contains(people.get(*id).surname()))
        .max_by_key(|(_, n)| *n)
        .map(|(id, _)| id)
}

/// Sentence number of each token: a new sentence starts after `.`/`?`/`!` outside quotes, or
/// after a quote ending in one unless a cue follows (`"…." he said`).
fn sentence_ids(text: &str, toks: &[Token<'_>]) -> Vec<usize> {
    let mut out = Vec::with_capacity(toks.len());
    let mut n = 0;
    for (i, t) in toks.iter().enumerate() {
        out.push(n);
        if t.ends_sentence(text) {
            let next_is_cue = t.is_quote()
                && toks.get(i + 1).is_some_and(|a| {
                    a.is_word()
                        && (is_cue_verb(a.text) || toks.get(i + 2).is_some_and(|b| b.is_word() && is_cue_verb(b.text)))
                });
            // (A closing `.` inside the marks ends the sentence: a cue would have had a comma.)
            let asks = t.text.trim_end_matches(['"', '”', ' ']).ends_with(['?', '!']);
            if !(next_is_cue || t.is_quote() && asks && cue_after_aside(toks, i + 1)) {
                n += 1;
            }
        }
    }
    out
}

/// `"How are you today?" Miller, a retired worker, said pleasantly.`: a name set off by a
/// comma at token `i`, an aside, and a comma before a reporting verb: the cue of the quotation
/// before `i`, which therefore ends no sentence though it ends in `?` or `!`.
fn cue_after_aside(toks: &[Token<'_>], i: usize) -> bool {
    let opens = toks.get(i).is_some_and(|t| t.is_word() && names::is_capitalised(t.text) && pronoun(t.text).is_none());
    let Some(comma) = (i + 1..toks.len().min(i + 5)).find(|&k| !toks[k].is_word()) else { return false };
    if !opens || toks[comma].kind != Tok::Punct(',') {
        return false;
    }
    // The aside: words and commas only, up to a comma before the verb.
    let mut k = comma + 1;
    while k < toks.len().min(comma + 16) {
        let t = toks[k];
        if t.kind == Tok::Punct(',') {
            let mut v = k + 1;
            while toks.get(v).is_some_and(|a| a.is_word() && is_adverb(a.text) && !is_cue_verb(a.text)) {
                v += 1;
            }
            return toks.get(v).is_some_and(|a| a.is_word() && is_cue_verb(a.text));
        }
        if !t.is_word() {
            return false;
        }
        k += 1;
    }
    false
}

/// A quotation that starts inside a sentence (`… including "machine tools, …"`): shown with
/// its sentence, so the reader sees who is speaking and what the quote completes.
fn is_embedded(text: &str, para: Span, seg: &Segment) -> bool {
    let before = text[para.start..seg.outer.start].trim_end();
    before.chars().last().is_some_and(|c| c.is_alphanumeric() || c == ',') && !before.ends_with(':')
}

/// A short quotation inside a sentence (`called it a "benchmark of cooperation"`).
fn is_fragment(text: &str, para: Span, seg: &Segment) -> bool {
    let inner = seg.inner.slice(text).trim();
    let words = inner.split_whitespace().count();
    let before = text[para.start..seg.outer.start].trim_end();
    let mid_sentence = before.chars().last().is_some_and(|c| c.is_alphanumeric() || c == ',');
    let own_sentence = inner.chars().next().is_some_and(char::is_uppercase)
        && inner.trim_end_matches([',', '”', '"']).ends_with(['.', '?', '!']);
    mid_sentence && !own_sentence && words <= 12 && !before.ends_with(':')
}

fn sentence_containing(text: &str, toks: &[Token<'_>], sentence_of: &[usize], q: usize) -> Option<Span> {
    let s = sentence_of[q];
    let first = (0..toks.len()).find(|&k| sentence_of[k] == s)?;
    let last = (0..toks.len()).rev().find(|&k| sentence_of[k] == s)?;
    Some(trim_span(text, Span::new(toks[first].span.start, toks[last].span.end)))
}

/// Quote interior without surrounding space or a trailing comma (`…direction,` → `…direction`).
fn trim_inner(text: &str, span: Span) -> Span {
    let s = trim_span(text, span);
    let inner = s.slice(text);
    let cut = inner.trim_end_matches([',', ' ']);
    Span::new(s.start, s.start + cut.len())
}

fn trim_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

/// Descriptors around a name: titles and possessive organisations before it (`military expert`,
/// `Rand`), an apposition after it (`, director of the Carnegie Russia Eurasia Center`), or
/// `X is a/an …` / `He is now at …`.
fn describe_from_context(
    article: &Article,
    toks: &[Token<'_>],
    run: &NameRun,
    id: PersonId,
    people: &mut People,
    p: &Paragraph,
) {
    let text = &article.text;
    let sentence = p.sentences.iter().find(|s| s.contains(toks[run.first].span)).copied().unwrap_or(p.span);
    // An organisation's possessive before the name: `Rand’s Charap`.
    for d in run.descriptor.iter().filter(|d| run.words.len() == 1 || !d.contains(' ')) {
        if !d.split_whitespace().all(names::is_title) {
            people.describe(id, d, &article.id, sentence);
        }
    }
    // Titles before the name, with the words that bind them: `U.S. Secretary of State`,
    // `military expert`, `Chinese Premier`.
    let name_start = toks[run.first..=run.last]
        .iter()
        .position(|t| t.is_word() && run.words.first().is_some_and(|w| names::strip_possessive(t.text) == w))
        .map_or(run.first, |k| run.first + k);
    let mut j = name_start;
    while j > 0 {
        let t = toks[j - 1];
        let binding = t.is_word() && matches!(t.text, "of" | "the") && j < name_start;
        if t.is_word() && (names::is_title(t.text) || binding) && !is_cue_verb(t.text) {
            j -= 1;
        } else {
            break;
        }
    }
    while j < name_start && matches!(toks[j].text, "of" | "the") {
        j += 1;
    }
    if j < name_start && !run.words.is_empty() {
        people.describe(id, &text[toks[j].span.start..toks[name_start - 1].span.end], &article.id, sentence);
    }
    // In a list of names (`Belousov, Lavrov, Secretary of the Security Council Sergei Shoigu
    // …`) what follows the comma is the next item, not a description of this one.
    let listed = run.first >= 2
        && toks[run.first - 1].kind == Tok::Punct(',')
        && toks[run.first - 2].is_word()
        && names::is_name_word(toks[run.first - 2].text);
    if listed {
        return;
    }
    let after = run.last + 1;
    let start = match (toks.get(after), toks.get(after + 1)) {
        (Some(c), Some(o))
            if c.kind == Tok::Punct(',')
                && o.is_word()
                && APPOSITION_OPENERS.contains(&fold(o.text).as_str())
                && (o.text != "who"
                    || toks.get(after + 2).is_some_and(|v| matches!(v.text, "is" | "was") || is_work_verb(v.text))) =>
        {
            Some(after + 1)
        }
        (Some(c), Some(o))
            if c.is_word() && matches!(c.text, "is" | "was") && o.is_word() && matches!(o.text, "a" | "an" | "now") =>
        {
            Some(after + 1)
        }
        _ => None,
    };
    let Some(start) = start else { return };
    let mut end = start;
    while end + 1 < toks.len() {
        let n = toks[end + 1];
        if matches!(n.kind, Tok::Punct('.' | ';' | '?' | '!' | ':')) || n.is_quote() {
            break;
        }
        // An apposition ends at the next comma (`Kovacs, a veteran diplomat, opened …`).
        if n.kind == Tok::Punct(',') {
            break;
        }
        end += 1;
    }
    let d = &text[toks[start].span.start..toks[end].span.end];
    let d = d.strip_prefix("now ").unwrap_or(d);
    people.describe(id, d, &article.id, sentence);
}

/// A verb that says what someone does for a living, in `X, who covers China for NPR,`: the
/// clause describes them as an apposition does.
fn is_work_verb(w: &str) -> bool {
    matches!(
        w,
        "covers"
            | "covered"
            | "heads"
            | "headed"
            | "leads"
            | "runs"
            | "chairs"
            | "chaired"
            | "directs"
            | "directed"
            | "advises"
            | "advised"
            | "represents"
            | "represented"
            | "teaches"
            | "taught"
            | "edits"
            | "edited"
            | "serves"
            | "served"
            | "works"
            | "worked"
            | "studies"
            | "studied"
            | "reports"
    )
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::corpus::parse_article;

    /// A corpus of invented articles, one body text each.
    fn corpus(bodies: &[&str]) -> Corpus {
        let articles = bodies
            .iter()
            .enumerate()
            .map(|(i, body)| {
                let raw = format!(
                    "+++\ntitle = \"Story {i}\"\noutlet = \"Test\"\npublished = \"2024-03-0{}\"\n+++\nStory {i}.\n\n{body}\n",
                    i + 1
                );
                parse_article(Path::new(&format!("2024-03-0{}_story-{i}.txt", i + 1)), raw.as_bytes()).unwrap()
            })
            .collect();
        Corpus { dir: PathBuf::new(), articles, problems: Vec::new() }
    }

    /// The speaker of the quote whose words start with `start`.
    fn speaker_of(c: &Corpus, start: &str) -> Option<String> {
        let ex = extract(c);
        let q = ex
            .quotes
            .iter()
            .find(|q| {
                let a = c.article(&q.article).unwrap();
                q.parts.iter().any(|p| a.slice(*p).starts_with(start))
            })
            .unwrap_or_else(|| panic!("no quote starts with {start:?}"));
        q.speaker.map(|s| ex.people.get(s).name.clone())
    }

    #[test]
    fn a_second_name_of_a_sentence_is_not_the_subject_a_later_pronoun_means() {
        let c = corpus(&[concat!("Tom Baker visited the base on Monday.", "\n\n", "Baker said praise from Russian President Ivan Petrov would not change his plans. He said Petrov has \"been a better leader than most of them.\"")]);
        assert_eq!(speaker_of(&c, "been a better").as_deref(), Some("Tom Baker"));
    }

    #[test]
    fn a_name_describing_the_next_name_is_not_the_subject() {
        let c = corpus(&[concat!("Tom Baker unveiled a leave plan in March.", "\n\n", "Baker campaign spokesman Jason Miller told reporters that Baker's plan would cover all parents. However, he could not explain the cost.", "\n\n", "\"We don't have the exact legislation written down,\" he said.", "\n\n", "\"The plan stands,\" Jason Miller said later.")]);
        assert_eq!(speaker_of(&c, "We don't have").as_deref(), Some("Jason Miller"));
    }

    #[test]
    fn the_name_after_an_opening_phrase_and_its_comma_is_the_subject() {
        let c = corpus(&[concat!(
            "\"The merger was hard on everyone,\" said Susan Bowick, a former executive.",
            "\n\n",
            "When the subject comes up on the campaign trail, Carly Fiorina routinely wears red on stage.",
            "\n\n",
            "\"People who drive change get a lot of arrows in the back,\" she said.",
            "\n\n",
            "\"I saved the company,\" Carly Fiorina said later."
        )]);
        assert_eq!(speaker_of(&c, "People who drive").as_deref(), Some("Carly Fiorina"));
    }

    #[test]
    fn a_pronoun_as_the_subject_keeps_its_person_the_topic() {
        let c = corpus(&[concat!("On the last day of the meeting in July, a crowd watched as Ivanka Trump strode across the stage. Then she shattered party norms.", "\n\n", "\"Policies that help women should not be novelties,\" she said.", "\n\n", "\"Work should pay,\" Ivanka Trump said later.")]);
        assert_eq!(speaker_of(&c, "Policies that help").as_deref(), Some("Ivanka Trump"));
    }

    #[test]
    fn a_convention_is_where_people_speak_never_who() {
        let c = corpus(&[concat!("On the last day of the Republican National Convention in July, Ivanka Trump strode across the stage in a dress from her label. Then she shattered party norms.", "\n\n", "\"Policies that help women should not be novelties,\" she said.", "\n\n", "\"Work should pay,\" Ivanka Trump said later.")]);
        let ex = extract(&c);
        assert!(ex.people.all().iter().all(|p| !(p.name.contains("Convention") && p.kind == Kind::Person)));
        assert_eq!(speaker_of(&c, "Policies that help").as_deref(), Some("Ivanka Trump"));
    }

    #[test]
    fn a_pronoun_is_unsettled_when_a_later_paragraph_names_someone_else_who_fits() {
        let c = corpus(&[concat!(
            "\"The plan raises taxes on single parents,\" said Lily Batchelder, a law professor.",
            "\n\n",
            "It has become a major issue, with Hillary Clinton lambasting the plan.",
            "\n\n",
            "\"The kind of plan he has put forth would be trickle-down economics,\" she said.",
            "\n\n",
            "\"We will fight it,\" Hillary Clinton said later."
        )]);
        assert_eq!(speaker_of(&c, "The kind of plan").as_deref(), None);
    }

    #[test]
    fn a_quote_after_a_sentence_with_two_speakers_cues_is_nobodys_by_position() {
        let c = corpus(&[concat!(
            "\"My name may not be on the ballot, but our progress is,\" Mr. Obama said at the gala dinner, ",
            "where Mrs. Clinton also spoke. \"Tolerance is on the ballot. Justice is on the ballot.\""
        )]);
        let who = speaker_of(&c, "Tolerance is");
        assert!(who.as_deref().is_none_or(|w| !w.contains("Clinton")), "{who:?}");
    }

    #[test]
    fn a_passive_with_by_reports_nothing_and_leaves_the_pronoun_to_the_last_speaker() {
        let c = corpus(&[concat!(
            "Mike Morrell, a veteran of the CIA, said the simplistic approach put forward by Tom Baker is insufficient.",
            "\n\n",
            "\"It must be defeated where it grows,\" he told reporters."
        )]);
        assert_eq!(speaker_of(&c, "It must be defeated").as_deref(), Some("Mike Morrell"));
    }

    #[test]
    fn a_question_put_to_the_subject_is_the_words_of_the_one_named_after_by() {
        let c = corpus(&[concat!(
            "Tom Baker was asked by host Bill Maher, who backs him, \"Are you tired of hearing about the emails?\"",
            "\n\n",
            "\"I am,\" Tom Baker said."
        )]);
        assert_eq!(speaker_of(&c, "Are you tired").as_deref(), Some("Bill Maher"));
    }

    #[test]
    fn a_word_of_description_before_a_full_name_opening_the_article_still_names_the_person() {
        let c = corpus(&[concat!(
            "Comedian Sarah Hale was booed by the crowd on Monday.",
            "\n\n",
            "\"You are being ridiculous,\" she said."
        )]);
        assert_eq!(speaker_of(&c, "You are being").as_deref(), Some("Sarah Hale"));
    }

    #[test]
    fn a_town_and_its_state_in_an_opening_phrase_are_not_the_subject_of_the_participle() {
        let c = corpus(&[concat!(
            "Donald Trump spent the final day attacking a rival, Jeb Bush.",
            "\n\n",
            "Speaking at a town hall in Salem, New Hampshire, Trump went after Bush, calling him \"a total stiff.\""
        )]);
        assert_eq!(speaker_of(&c, "a total stiff").as_deref(), Some("Donald Trump"));
    }

    #[test]
    fn a_connective_between_the_subject_and_its_verb_keeps_the_cue() {
        let c = corpus(&["Tom Carter visited the region. Carter however said he would welcome a \"principled security network\" for Asia."]);
        assert_eq!(speaker_of(&c, "principled security").as_deref(), Some("Tom Carter"));
    }

    #[test]
    fn a_name_in_an_opening_subordinate_clause_is_not_the_subject_a_pronoun_means() {
        let c = corpus(&[concat!(
            "While Tom Baker had many songs written about him, that has not been the case for Mary Hale, ",
            "which concerns Henry Crespo, president of the local club.",
            "\n\n",
            "\"No one is writing songs for her,\" he said.",
            "\n\n",
            "\"It matters,\" Henry Crespo said later."
        )]);
        assert_ne!(speaker_of(&c, "No one is writing").as_deref(), Some("Tom Baker"));
    }

    #[test]
    fn a_name_followed_by_a_content_word_is_no_antecedent_in_its_sentence() {
        let c = corpus(&[concat!(
            "\"We will look at every option,\" Tom Baker said on Monday.",
            "\n\n",
            "Baker gave Jim Hale some credit in the interview, but he suggested Hale is \"no match for the great leaders of the past.\"",
            "\n\n",
            "\"He has work to do,\" Jim Hale said."
        )]);
        assert_eq!(speaker_of(&c, "no match for").as_deref(), Some("Tom Baker"));
    }

    #[test]
    fn an_organisation_is_the_speaker_its_initials_name_when_the_article_writes_them() {
        let c = corpus(&[
            "The International Monetary Fund cut its forecast on Tuesday. \"The outlook has darkened considerably,\" the IMF said.",
        ]);
        assert_eq!(speaker_of(&c, "The outlook").as_deref(), Some("International Monetary Fund"));
        let imf = extract(&c).people.all().iter().find(|p| p.name == "International Monetary Fund").cloned().unwrap();
        assert_eq!(imf.display_name(), "International Monetary Fund (IMF)", "shown as the article calls it");
    }

    #[test]
    fn initials_the_article_never_writes_are_no_name_of_the_organisation() {
        // `World Health Organization` spells `who`: unless the article writes `WHO`, that word
        // must stay a word.
        let aliases = |text: &str| {
            let c = corpus(&[text]);
            let ex = extract(&c);
            ex.people.all().iter().find(|p| p.name == "World Health Organization").map(|p| p.aliases.clone())
        };
        assert_eq!(aliases("The World Health Organization met in Geneva on Monday."), Some(vec![]));
        assert_eq!(
            aliases("The World Health Organization met in Geneva. The WHO said it would act."),
            Some(vec!["who".to_string()])
        );
    }

    #[test]
    fn a_surname_the_article_never_gives_in_full_is_its_own_speaker() {
        let c = corpus(&["\"We will appeal the ruling at once,\" Okonjo said on Monday."]);
        assert_eq!(speaker_of(&c, "We will appeal").as_deref(), Some("Okonjo"));
    }

    #[test]
    fn an_honorific_keeps_a_one_word_name_from_a_namesake_of_the_other_gender() {
        let c = corpus(&[
            "Greta Lindqvist opened the new library on Friday.",
            "\"The budget is not negotiable,\" Mr. Lindqvist said. Greta Lindqvist was not at the meeting.",
        ]);
        assert_eq!(speaker_of(&c, "The budget").as_deref(), Some("Mr Lindqvist"));
    }

    #[test]
    fn a_one_word_name_from_another_article_is_not_reused_by_guess() {
        let c = corpus(&[
            "\"We will appeal the ruling at once,\" Okonjo said on Monday.",
            "Okonjo was seen at the court. \"Nobody expected this outcome,\" he said.",
        ]);
        assert_eq!(speaker_of(&c, "Nobody expected").as_deref(), None);
    }

    #[test]
    fn plural_titles_and_capitalised_common_nouns_are_nobody() {
        let c = corpus(&[
            "\"The vote is a disgrace to the chamber,\" Republicans said.",
            "Critics said the scheme \"will never pay for itself at all.\"",
        ]);
        assert_eq!(speaker_of(&c, "The vote is").as_deref(), None);
        assert_eq!(speaker_of(&c, "will never pay").as_deref(), None);
    }

    #[test]
    fn a_signed_quotation_belongs_to_the_name_after_its_dash() {
        let c = corpus(&[
            "Readers wrote in.\n\n\u{201c}The new bridge changed my commute for the better.\u{201d} \u{2015} Ana Ruiz\n\u{201c}I miss the old ferry and its slow mornings.\u{201d} \u{2015} Tomas Berg",
        ]);
        assert_eq!(speaker_of(&c, "The new bridge").as_deref(), Some("Ana Ruiz"));
        assert_eq!(speaker_of(&c, "I miss the old").as_deref(), Some("Tomas Berg"));
    }

    #[test]
    fn long_signed_lines_are_each_their_own_quotation_even_with_a_wrong_opening_mark() {
        let long = "and the schools, the parks and the neighbours who helped us through the first hard winter";
        let c = corpus(&[&format!(
            "Readers wrote in.\n\n\u{201d}The new bridge changed my commute for the better, {long}.\u{201d} \u{2015} Ana Ruiz\n\u{201c}I miss the old ferry and its slow mornings, {long}.\u{201d}\u{2015} Tomas Berg\u{a0}\n\u{201c}Nothing here works the way it did, {long}.\u{201d} \u{2015} Lia Moro"
        )]);
        assert_eq!(speaker_of(&c, "I miss the old").as_deref(), Some("Tomas Berg"));
        assert_eq!(speaker_of(&c, "Nothing here works").as_deref(), Some("Lia Moro"));
    }

    #[test]
    fn singers_and_reports_are_speakers_of_what_they_sing_and_report() {
        let c = corpus(&[
            "\u{201c}Keep your lamps lit till morning comes,\u{201d} Mara Vell sings in the new clip.",
            "The Daily Ledger reports: \u{201c}The council has spent its reserve twice over this year.\u{201d}",
            "The New York Times reports:\n\n\u{201c}The mayor has spent its reserve twice over this year.\u{201d}",
            "The New York Times said: \u{201c}The clerk has spent its reserve twice over this year.\u{201d}",
        ]);

        assert_eq!(speaker_of(&c, "Keep your lamps").as_deref(), Some("Mara Vell"));
        assert_eq!(speaker_of(&c, "The council has spent").as_deref(), Some("Daily Ledger"));
        assert_eq!(speaker_of(&c, "The mayor has").as_deref(), Some("New York Times"));
        assert_eq!(speaker_of(&c, "The clerk has").as_deref(), Some("New York Times"));
    }

    #[test]
    fn a_number_after_an_abbreviation_ends_no_sentence_inside_an_apposition() {
        let c = corpus(&["As Joan Marsh, the No. 2 in the party, put it: \"This plan will not pass this year.\""]);
        assert_eq!(speaker_of(&c, "This plan will").as_deref(), Some("Joan Marsh"));
    }

    #[test]
    fn more_participles_report_the_subject_of_their_clause() {
        let c = corpus(&["Senator Nora Quill has praised the plan in speeches, advising graduates to \"take the small job first and learn it.\"", "Senator Nora Quill praised the plan in speeches, saying \"give the small job first and learn it.\""]);
        assert_eq!(speaker_of(&c, "give the small").as_deref(), Some("Nora Quill"));
        assert_eq!(speaker_of(&c, "take the small").as_deref(), Some("Nora Quill"));
    }

    #[test]
    fn a_verb_that_controls_an_infinitive_is_no_cue_for_the_quote_after_it() {
        let c = corpus(&[
            "Mayor Helen Ortiz spoke on Monday. Ortiz said she expects Daniel Reyes will continue to be \"a strong voice for the port district.\"",
        ]);
        assert_eq!(speaker_of(&c, "a strong voice").as_deref(), Some("Helen Ortiz"));
    }

    #[test]
    fn a_capitalised_continued_opens_an_inverted_cue_like_said() {
        let c = corpus(&[
            "The farmer Tom Becker spoke to the council.\n\nContinued Becker: \"The river has flooded three times this spring.\"",
        ]);
        assert_eq!(speaker_of(&c, "The river has").as_deref(), Some("Tom Becker"));
    }

    #[test]
    fn a_sentence_subject_before_a_colon_is_the_speaker_of_the_quote_after_it() {
        let c = corpus(&[
            "Governor Alan Pryce faced questions about the strike.\n\nPryce pushed back: \"Nobody in this office has refused to talk.\"",
        ]);
        assert_eq!(speaker_of(&c, "Nobody in this").as_deref(), Some("Alan Pryce"));
    }

    #[test]
    fn a_name_after_an_inverted_cue_and_a_few_words_of_role_is_a_person() {
        let c = corpus(&[
            "\"The bridge has to reopen,\" said Harbourside shop owner Tamsin Orrell.",
            "\"We are not finished,\" said the mayor's senior aide Vic Halloran.",
        ]);
        assert_eq!(speaker_of(&c, "The bridge has").as_deref(), Some("Tamsin Orrell"));
        assert_eq!(speaker_of(&c, "We are not").as_deref(), Some("Vic Halloran"));
    }

    #[test]
    fn a_day_between_a_subject_and_its_verb_keeps_the_subject() {
        let c = corpus(&[
            "Council leader Petra Lind spoke after the vote. Lind on Tuesday told reporters: \"The budget is balanced.\" Lind later Wednesday evening said \"we start building in May.\"",
        ]);
        assert_eq!(speaker_of(&c, "The budget is").as_deref(), Some("Petra Lind"));
        assert_eq!(speaker_of(&c, "we start building").as_deref(), Some("Petra Lind"));
    }

    #[test]
    fn a_participle_reports_a_subject_whose_verb_is_irregular_or_after_a_day() {
        let c = corpus(&[
            "Senator Nora Quill took a risk at the fair, telling farmers, \"I will not cut your subsidies.\"",
            "Senator Nora Quill on Monday stepped up her attacks, saying the plan is \"a gift to the big banks.\"",
        ]);
        assert_eq!(speaker_of(&c, "I will not cut").as_deref(), Some("Nora Quill"));
        assert_eq!(speaker_of(&c, "a gift to").as_deref(), Some("Nora Quill"));
    }

    #[test]
    fn a_title_case_headline_gives_no_one_word_name() {
        let c = corpus(&["Retired General Reveals Plans For Base\n\n\"We were never told why,\" he said."]);
        assert_eq!(speaker_of(&c, "We were never").as_deref(), None);
    }

    #[test]
    fn a_title_case_headline_registers_no_name_of_any_length() {
        let c = corpus(&[
            "Ben Carson Slams Hillary And The Media In One Debate Answer.",
            "After the debate, Hillary shot back, \"I chose to fulfill my profession.\"",
        ]);
        // The headline's capitals run past the name: no person is called `Ben Carson Slams Hillary`.
        assert_ne!(speaker_of(&c, "I chose").as_deref(), Some("Ben Carson Slams Hillary"));
    }

    #[test]
    fn a_nickname_in_quotes_inside_a_name_is_part_of_the_name() {
        let c = corpus(&[
            "State Del. Maria \"Cuca\" Delgado (D-Fresno) opened the meeting. \"We are ready for this fight,\" she said.",
        ]);
        assert_eq!(speaker_of(&c, "We are ready").as_deref(), Some("Maria Delgado"));
    }

    #[test]
    fn a_term_borrowed_with_what_someone_calls_it_leaves_the_sentence_the_writers() {
        let c = corpus(&[
            "Xi Jinping met Putin. Formally, China proclaims neutrality on what Xi calls \"the Ukraine issue\" and has sought to mediate. Xi said the talks went well.",
        ]);
        let ex = extract(&c);
        let voice_of = |needle: &str| {
            let text = &c.articles[0].text;
            ex.passages.iter().find(|p| text[p.span.start..p.span.end].contains(needle)).map(|p| p.voice)
        };
        assert!(matches!(voice_of("proclaims neutrality"), Some(Voice::Narration)), "{:?}", voice_of("proclaims"));
        assert!(matches!(voice_of("the talks went well"), Some(Voice::Reported(_))));
        // The borrowed term itself is still Xi's quote.
        assert!(speaker_of(&c, "the Ukraine issue").is_some_and(|s| s.starts_with("Xi")));
    }

    #[test]
    fn a_sentence_final_cue_reports_a_fragment_before_it() {
        let c = corpus(&["A clerk who \"takes a few notes home\" is punished at once, Reddick said."]);
        // Reddick is the article's own one-word name, given by the cue.
        assert_eq!(speaker_of(&c, "takes a few").as_deref(), Some("Reddick"));
    }

    #[test]
    fn a_military_rank_with_an_ordinal_and_its_service_describe_the_name_after_them() {
        let c = corpus(&[
            "\"I really do not understand the choice,\" said Air Force 1st Lt. Tyler Livingston. \"I was hoping for more.\"",
        ]);
        assert_eq!(speaker_of(&c, "I really do not").as_deref(), Some("Tyler Livingston"));
        assert_eq!(speaker_of(&c, "I was hoping").as_deref(), Some("Tyler Livingston"));
    }

    #[test]
    fn a_name_after_in_opening_a_sentence_is_a_place_not_the_speaker_of_a_later_pronoun() {
        let c = corpus(&[
            "In downtown San Francisco, a group dressed in white marched in silence. Juan \"Chico\" Manriquez of Oakland carried one of the photos. \"I pretty much cried the whole parade,\" he said.",
        ]);
        // The nickname in quotes hides Juan Manriquez's name; the place is still nobody.
        assert_ne!(speaker_of(&c, "I pretty much").as_deref(), Some("San Francisco"));
    }

    #[test]
    fn a_name_before_a_compound_role_of_an_organisation_is_the_subject_of_the_cue() {
        let c = corpus(&[
            "Anthony Anton, president and CEO of Washington Restaurant Association stated, \"It is not a political problem; it is a math problem.\"",
        ]);
        assert_eq!(speaker_of(&c, "It is not a political").as_deref(), Some("Anthony Anton"));
    }

    #[test]
    fn an_apposition_ending_in_a_place_is_skipped_to_the_name_before_it() {
        let c = corpus(&[
            "Marc Ayrand, the foreign minister of France, a member of the council, said the \"provocation cannot go unanswered.\"",
        ]);
        assert_eq!(speaker_of(&c, "provocation").as_deref(), Some("Marc Ayrand"));
    }

    #[test]
    fn an_honorific_makes_a_title_word_a_family_name() {
        let c = corpus(&["Charlie King, a party organiser, spoke first. \"It is all about turnout,\" Mr. King added."]);
        assert_eq!(speaker_of(&c, "It is all about").as_deref(), Some("Charlie King"));
    }

    #[test]
    fn a_participle_reports_the_subject_of_its_clause() {
        let c = corpus(&[
            "During a rally on Monday, Senator Mara Jensen attacked the plan, saying, \"It will cost every family dearly.\"",
        ]);
        assert_eq!(speaker_of(&c, "It will cost").as_deref(), Some("Mara Jensen"));
    }

    #[test]
    fn party_tags_and_brackets_after_a_name_do_not_end_the_sentence() {
        let c = corpus(&[
            "\"We are not done with this bill,\" Sen. Paul Reddick, R-Ore., said Tuesday.",
            "\"The count must go on,\" Rep. Lena Ortiz (D-Vt.) said in a statement.",
        ]);
        assert_eq!(speaker_of(&c, "We are not done").as_deref(), Some("Paul Reddick"));
        assert_eq!(speaker_of(&c, "The count must").as_deref(), Some("Lena Ortiz"));
    }

    #[test]
    fn a_name_right_after_an_organisation_is_read_as_a_person() {
        let c = corpus(&["Harbor Savings Bank Chief Economist Dana Whitfield said: \"Rates will fall by spring.\""]);
        assert_eq!(speaker_of(&c, "Rates will fall").as_deref(), Some("Dana Whitfield"));
    }

    #[test]
    fn after_an_inverted_verb_the_name_a_role_describes_is_the_speaker() {
        let c = corpus(&[
            "Paul Reddick won the primary. \"We expect a close race,\" said Reddick campaign manager Dana Whitfield.",
        ]);
        assert_eq!(speaker_of(&c, "We expect").as_deref(), Some("Dana Whitfield"));
    }

    #[test]
    fn a_capitalised_states_is_never_a_reporting_verb() {
        let c = corpus(&["Leland Marsh said the United States had become a \"parking lot for bad ideas.\""]);
        assert_eq!(speaker_of(&c, "parking lot").as_deref(), Some("Leland Marsh"));
    }

    #[test]
    fn a_pronoun_cue_prefers_the_earlier_cue_speaker_of_its_sentence() {
        let c = corpus(&[
            "Campaign aide Rick Tolland said that Governor Paul Reddick has \"a clear plan for the state,\" he said.",
        ]);
        assert_eq!(speaker_of(&c, "a clear plan").as_deref(), Some("Rick Tolland"));
    }

    #[test]
    fn an_inverted_verb_followed_by_a_verb_of_the_name_is_no_cue() {
        let c = corpus(&[
            "Dana Whitfield, one of the mayor's closest aides, recalled Mr. Bell talking about \"the long road to recovery.\"",
        ]);
        assert_eq!(speaker_of(&c, "the long road").as_deref(), Some("Dana Whitfield"));
    }

    #[test]
    fn a_person_of_an_organisation_is_the_speaker_not_the_organisation() {
        let c = corpus(&[
            "Mary Whitfield leads the Riverside Tenants Union. \
             \"The rent rise is simply unaffordable for families,\" Ms. Whitfield of the Riverside Tenants Union said.",
        ]);
        assert_eq!(speaker_of(&c, "The rent rise").as_deref(), Some("Mary Whitfield"));
    }

    #[test]
    fn a_role_of_an_organisation_is_nobody_we_can_name() {
        let c = corpus(&[
            "The Riverside Tenants Union met on Monday. \
             \"The rent rise is simply unaffordable for families,\" the president of the Riverside Tenants Union said.",
        ]);
        assert_eq!(speaker_of(&c, "The rent rise").as_deref(), None);
    }

    #[test]
    fn after_an_inverted_verb_a_capitalised_description_leads_to_the_given_name_of_the_speaker() {
        let c = corpus(&[
            "\"We will not give up on this bill,\" said Senate Minority Whip Mary Whitfield (D-Ill.) in an interview.",
            "\"The numbers look bad for the party,\" said Republican strategist Paul Reddick.",
        ]);
        assert_eq!(speaker_of(&c, "We will not").as_deref(), Some("Mary Whitfield"));
        assert_eq!(speaker_of(&c, "The numbers").as_deref(), Some("Paul Reddick"));
    }

    #[test]
    fn an_apposition_opening_with_a_possessive_and_a_role_is_skipped_to_the_name_before_it() {
        let c = corpus(&[
            "\"We raised more than we hoped,\" John Weaver, Reddick's campaign manager, said in a statement.",
        ]);
        assert_eq!(speaker_of(&c, "We raised").as_deref(), Some("John Weaver"));
    }

    #[test]
    fn an_institution_title_before_a_given_name_is_skipped_to_the_speaker() {
        let c = corpus(&[
            "\"We made some mistakes and I apologise,\" Riverside County Recorder Helen Purcell said on Monday.",
        ]);
        assert_eq!(speaker_of(&c, "We made").as_deref(), Some("Helen Purcell"));
    }

    #[test]
    fn a_description_then_the_name_it_describes_in_commas_is_the_speaker() {
        let c = corpus(&[
            "\"By December, California stuck out as a place to compete,\" Sanders's campaign manager, Jeff Weaver, said in an interview.",
            "\"We will appeal the ruling,\" the defence lawyer, Anna Kowalski, said on Friday.",
            "\"We are moving on,\" Clinton, Sanders, said.",
            "Sanders went on television to discuss his rival, Hillary Clinton, saying \"she is not qualified to be president.\"",
        ]);
        assert_eq!(speaker_of(&c, "By December").as_deref(), Some("Jeff Weaver"));
        assert_eq!(speaker_of(&c, "We will appeal").as_deref(), Some("Anna Kowalski"));
        assert_eq!(speaker_of(&c, "We are moving").as_deref(), None, "a list of names describes nobody");
        assert_ne!(
            speaker_of(&c, "she is not").as_deref(),
            Some("Hillary Clinton"),
            "a participle reports its clause's subject"
        );
        // A name known only from such a description, and a description ending in a name.
        let c = corpus(&[
            "His former business partner at Lenox, Lawrence B. Cummings, called him a master at deals. \"He showed again and again an ability to put together deals.\"",
        ]);
        assert_eq!(speaker_of(&c, "He showed").as_deref(), Some("Lawrence B. Cummings"));
    }

    #[test]
    fn speaker_is_a_title_before_a_name_not_part_of_it() {
        let c = corpus(&[
            "\u{201c}Maintaining order for the roll call is extremely important,\u{201d} House Speaker Paul Ryan, the convention chair, told the delegates.",
        ]);
        assert_eq!(speaker_of(&c, "Maintaining").as_deref(), Some("Paul Ryan"));
    }

    #[test]
    fn a_quotation_paragraph_after_someone_spoke_about_its_topic_is_theirs() {
        let c = corpus(&[
            "Cecile Richards, the president of Planned Parenthood, said the ruling mattered.\n\nRichards also spoke about the case before the Supreme Court.\n\n\u{201c}Roe v. Wade is the law of the land. But it is not a right if you cannot access it.\u{201d}",
        ]);
        assert_eq!(speaker_of(&c, "Roe v. Wade").as_deref(), Some("Cecile Richards"));
    }

    #[test]
    fn quotes_joined_by_and_share_the_cue_after_the_last() {
        let c = corpus(&[
            "Guns are \u{201c}the ultimate public health crisis\u{201d} and \u{201c}stunt children\u{2019}s growth,\u{201d} Howard Dean, the former governor of Vermont, proclaimed.",
            "Anna Berg said the plan was \"bold\" and \"long overdue,\" Tom Weller, her deputy, said.",
        ]);
        assert_eq!(speaker_of(&c, "the ultimate").as_deref(), Some("Howard Dean"));
        assert_eq!(speaker_of(&c, "stunt").as_deref(), Some("Howard Dean"));
        // A cue before the quote in its sentence comes first.
        assert_eq!(speaker_of(&c, "bold").as_deref(), Some("Anna Berg"));
    }

    #[test]
    fn proclaiming_interjecting_and_putting_it_report_speech() {
        let c = corpus(&[
            "Guns are a crisis that will \"stunt children's growth,\" Howard Dean, the former governor of Vermont, proclaimed to a cheering crowd.",
            "As The Post's Ruth Marcus puts it, Obama is trying to make Republicans \"an offer they can't afford to refuse.\"",
            "Martin O'Malley interjected, \"They have both been inconsistent on this issue.\"",
        ]);
        assert_eq!(speaker_of(&c, "stunt").as_deref(), Some("Howard Dean"));
        assert_eq!(speaker_of(&c, "an offer").as_deref(), Some("Ruth Marcus"));
        assert_eq!(speaker_of(&c, "They have both").as_deref(), Some("Martin O'Malley"));
    }

    #[test]
    fn a_quote_decided_after_the_walk_does_not_make_its_speaker_the_latest_named() {
        // Kemp's quote comes before Mr Howard's two mentions: `he` is Howard.
        let c = corpus(&[
            "Tony Blair has failed, Michael Howard has said.\n\nLabour's spokesman Fraser Kemp responded: \"Britain is working\". Mr Howard also paid tribute to the nation. The disaster overshadowed the year, Mr Howard said.\n\nLooking ahead to the election, he pledged to \"turn these beliefs into reality\".",
        ]);
        assert_eq!(speaker_of(&c, "turn these").as_deref(), Some("Michael Howard"));
    }

    #[test]
    fn a_name_in_the_clause_before_a_pronoun_cue_is_what_was_said_not_who_said_it() {
        let c = corpus(&[
            "Michael Howard spoke in London on Monday.\n\nTony Blair has failed to tackle these problems, he claimed, saying he has the \"wrong solution\" to them.",
        ]);
        assert_eq!(speaker_of(&c, "wrong solution").as_deref(), Some("Michael Howard"));
    }

    #[test]
    fn a_knight_called_by_title_and_given_name_is_the_knight_the_article_named() {
        let c = corpus(&[
            "Police Commissioner Sir John Stevens spoke on Monday. John Prescott was not there.\n\nSir John said: \"The evidence is inadmissible.\"",
        ]);
        assert_eq!(speaker_of(&c, "The evidence").as_deref(), Some("John Stevens"));
    }

    #[test]
    fn a_plain_mr_never_names_the_knight_of_the_same_family_name() {
        let c = corpus(&[
            "Prime Minister Tony Blair met the police on Monday. Commissioner Sir Ian Blair warned of attacks.\n\nBut Mr Blair insisted: \"There is no greater civil liberty.\"",
        ]);
        assert_eq!(speaker_of(&c, "There is no greater").as_deref(), Some("Tony Blair"));
    }

    #[test]
    fn a_bare_surname_is_the_first_person_introduced_with_it_not_a_relative_named_later() {
        let c = corpus(&[concat!(
            "Donald Trump spoke in Cleveland on Monday.",
            "\n\n",
            "His daughter Ivanka Trump introduced him to the crowd.",
            "\n\n",
            "Trump called the attack \"a disgrace to the whole nation.\""
        )]);
        assert_eq!(speaker_of(&c, "a disgrace").as_deref(), Some("Donald Trump"));
    }

    #[test]
    fn a_relative_named_later_is_still_the_speaker_by_her_full_name() {
        let c = corpus(&[concat!(
            "Donald Trump spoke in Cleveland on Monday.",
            "\n\n",
            "\"He is a fighter for every worker,\" Ivanka Trump said."
        )]);
        assert_eq!(speaker_of(&c, "He is a fighter").as_deref(), Some("Ivanka Trump"));
    }

    #[test]
    fn an_honorific_of_her_gender_names_the_relative_introduced_later() {
        let c = corpus(&[concat!(
            "Bill Clinton campaigned in Iowa on Monday.",
            "\n\n",
            "Hillary Clinton joined him in Des Moines.",
            "\n\n",
            "\"We will win this state,\" Mrs. Clinton said."
        )]);
        assert_eq!(speaker_of(&c, "We will win").as_deref(), Some("Hillary Clinton"));
    }

    #[test]
    fn a_bare_surname_right_after_a_relative_is_named_as_the_subject_is_that_relative() {
        let c = corpus(&[concat!(
            "Bill Clinton campaigned in New Hampshire on Monday.",
            "\n\n",
            "On Sunday, Hillary Clinton rebuffed a heckler at a rally. \"You're very rude,\" Clinton told the woman."
        )]);
        assert_eq!(speaker_of(&c, "You're very rude").as_deref(), Some("Hillary Clinton"));
    }

    #[test]
    fn a_description_read_as_a_given_name_establishes_no_bearer_of_the_family_name() {
        // `Donor Adelson` is a description and a family name, not a person introduced first.
        let c = corpus(&[concat!(
            "Republican Donor Adelson and Trump May be Aligning on Israel",
            "\n\n",
            "Top donor Sheldon Adelson met Donald Trump this week.",
            "\n\n",
            "\"We like a lot of the candidates,\" Adelson said."
        )]);
        assert_eq!(speaker_of(&c, "We like a lot").as_deref(), Some("Sheldon Adelson"));
    }

    #[test]
    fn a_family_name_after_an_article_names_a_thing_not_the_person() {
        // `an Oscar` is no mention of Anna Oscar: `he` stays Bill Conti.
        let c = corpus(&[
            "Anna Oscar, a singer, said she was \"thrilled\".",
            "Bill Conti conducts the orchestra. \"It is live,\" Conti said. He received an Oscar in 1983.\n\n\"It's a moment in the sun,\" he says.",
        ]);
        assert_eq!(speaker_of(&c, "It's a moment").as_deref(), Some("Bill Conti"));
    }

    #[test]
    fn a_participle_right_after_a_cue_shares_its_subject() {
        let c = corpus(&[
            "Anna Kowalski met Tom Reyes on Monday.\n\nThe talks had failed, Ms Kowalski told reporters, saying the plan was \"dead in the water\".",
        ]);
        assert_eq!(speaker_of(&c, "dead in the").as_deref(), Some("Anna Kowalski"));
    }

    #[test]
    fn a_name_between_an_article_and_a_noun_after_an_inverted_cue_names_no_speaker() {
        let c = corpus(&[
            "Donald Trump spoke in Ohio. Hillary Clinton spoke in Iowa.\n\n\"Meh,\" wrote a Trump supporter who runs a fan account. \"It never works out for anyone.\"\n\n\"We will fight for every vote,\" said the Clinton campaign.\n\n\"Every county counts,\" said the Clinton campaign manager Robby Mook.\n\n\"Ohio is ours,\" said Trump in Ohio.",
        ]);
        assert_eq!(speaker_of(&c, "Meh"), None);
        assert_eq!(speaker_of(&c, "It never works"), None);
        assert_eq!(speaker_of(&c, "We will fight"), None);
        assert_eq!(speaker_of(&c, "Every county").as_deref(), Some("Robby Mook"));
        assert_eq!(speaker_of(&c, "Ohio is ours").as_deref(), Some("Donald Trump"));
    }

    #[test]
    fn a_name_describing_the_noun_after_one_or_a_longtime_names_no_speaker() {
        let c = corpus(&[
            "Maria Delgado spoke in Reno. The Nevada Democratic Party held a rally.\n\n\"She has lost my vote,\" wrote one Delgado supporter on Twitter.\n\n\"Nobody in Carson City believes that,\" said one unaligned Nevada Democratic strategist.\n\n\"She never listened,\" said a longtime Delgado aide.\n\n\"We are ready,\" said Delgado.",
        ]);
        assert_eq!(speaker_of(&c, "She has lost"), None);
        assert_eq!(speaker_of(&c, "Nobody in Carson"), None);
        assert_eq!(speaker_of(&c, "She never listened"), None);
        assert_eq!(speaker_of(&c, "We are ready").as_deref(), Some("Maria Delgado"));
    }

    #[test]
    fn a_dash_and_a_name_on_the_line_after_a_quotation_sign_it() {
        let c = corpus(&[
            "The candidates debated in Denver. Laura Benson and Tom Okafor took questions.\n\n\"Our schools have lost a third of their teachers since 2010.\"\n\n- Laura Benson.\n\nThe claim is exaggerated.\n\n\"I have never taken a dime from the banks.\"\n\n- Okafor.\n\n\"Nobody reads the fine print.\"\n\n- The end of an era.",
        ]);
        assert_eq!(speaker_of(&c, "Our schools").as_deref(), Some("Laura Benson"));
        assert_eq!(speaker_of(&c, "I have never taken").as_deref(), Some("Tom Okafor"));
        assert_eq!(speaker_of(&c, "Nobody reads"), None, "a dash before no name signs nothing");
    }

    #[test]
    fn a_family_name_that_is_also_a_word_of_places_names_the_person() {
        let c = corpus(&[
            "Linda West, a historian at Tulane who once advised the governor, called the bill \"overdue.\"\n\n\"Nobody expected a vote this year,\" West said.\n\nOn Capitol Hill, aides were quiet. \"We wait for the count,\" one aide said.",
        ]);
        assert_eq!(speaker_of(&c, "Nobody expected").as_deref(), Some("Linda West"));
        assert_eq!(speaker_of(&c, "We wait"), None);
    }

    #[test]
    fn a_cue_ending_the_sentence_may_be_followed_by_a_description_of_its_speaker() {
        let c = corpus(&[
            "Voters in Utah rejected the measure on Sunday.\n\nThe result marks \"the end of an experiment\" for the state, said Hank Mueller, founder of the Open Ballot League.\n\nThe result is \"a warning to us all,\" said Rita Vance, who added that turnout was low.",
        ]);
        assert_eq!(speaker_of(&c, "the end of an").as_deref(), Some("Hank Mueller"));
    }

    #[test]
    fn a_place_phrase_opened_by_here_sets_off_the_subject_of_a_participle() {
        let c = corpus(&[
            "Sara Lind met Paul Brandt in Ohio.\n\nHere in Dayton, Brandt sharpened his attack on the mayor, saying, \"We have got to fix the roads before winter comes.\"",
        ]);
        assert_eq!(speaker_of(&c, "We have got").as_deref(), Some("Paul Brandt"));
    }

    #[test]
    fn she_is_never_a_man_known_by_a_common_short_given_name() {
        let c = corpus(&[
            "Hillary Clinton spoke in Harlem on Tuesday.\n\nThe Rev. Al Whitfield praised her plan.\n\n\"You can't just show up at election time,\" she said.",
        ]);
        assert_eq!(speaker_of(&c, "You can't just").as_deref(), Some("Hillary Clinton"));
    }

    #[test]
    fn a_place_named_new_something_is_never_a_person_a_pronoun_may_name() {
        let c = corpus(&[
            "New Hampshire is a state that votes early, and New Hampshire, a swing state, said no to the plan.",
            "Lena Park toured the state on Monday.\n\nMeanwhile in New Hampshire, after meeting the Rev. Tim Ochoa and other pastors, Park proposed new rules that she said were overdue.\n\nSpeaking in Concord, Park, without naming him, accused Ochoa of delay.\n\n\"You can't just show up at election time,\" she said.",
        ]);
        let ex = extract(&c);
        let place = ex.people.by_name("new hampshire");
        assert!(place.is_none_or(|id| ex.people.get(id).kind != Kind::Person), "New Hampshire is no person");
        assert_ne!(speaker_of(&c, "You can't just").as_deref(), Some("New Hampshire"));
    }

    #[test]
    fn a_quotation_paragraph_after_a_sentence_of_someones_view_is_theirs() {
        let c = corpus(&[
            "Mayor Dan Ruiz opened the fair. Lou Amato, a chef, cooked for the crowd.\n\nAmato praised Ruiz's handling of the flood and his knack for getting roads rebuilt.\n\n\"We need someone who cuts through the noise.\"\n\nAmato praised the mayor as Ruiz stood by.\n\n\"It was a long year for everyone.\"",
        ]);
        assert_eq!(speaker_of(&c, "We need someone").as_deref(), Some("Lou Amato"));
        assert_eq!(speaker_of(&c, "It was a long year"), None, "a second name leaves the voice open");
    }

    #[test]
    fn a_name_set_off_by_a_role_without_an_article_is_a_person() {
        let c = corpus(&[
            "Governor Dan Ruiz held a town hall in Elko, joined by Buzz Ralston, star of the reality show Cake Wars.\n\nRalston praised Ruiz's record after the flood.\n\n\"We need someone who cuts through the noise.\"",
        ]);
        assert_eq!(speaker_of(&c, "We need someone").as_deref(), Some("Buzz Ralston"));
    }

    #[test]
    fn a_bare_verb_form_ending_a_phrase_after_a_or_an_is_a_noun_not_a_cue() {
        let c = corpus(&[
            "Mayor Dan Ruiz opened the fair. Lou Amato, a chef, cooked for the crowd.\n\nAmato praised Ruiz's record in a heavily Democratic state.\n\n\"We need someone who cuts through the noise.\"",
        ]);
        assert_eq!(speaker_of(&c, "We need someone").as_deref(), Some("Lou Amato"));
    }

    #[test]
    fn verbs_of_manner_and_phrasal_verbs_report_speech() {
        let c = corpus(&[
            "Pat Toomey said he was tired. Ellen Harper said she was not.\n\n\"They would have gone to the only bill with support,\" Toomey fumed.\n\nHarper fired back that the senator \"never read the bill at all.\"",
        ]);
        assert_eq!(speaker_of(&c, "They would").as_deref(), Some("Pat Toomey"));
        assert_eq!(speaker_of(&c, "never read").as_deref(), Some("Ellen Harper"));
    }

    #[test]
    fn a_sentence_opening_with_and_joins_no_names() {
        let c = corpus(&[
            "Dan Patrick spoke in Austin.\n\nAnd Patrick says Cruz is the only candidate \"who will take on the Washington cartel.\"",
        ]);
        assert_eq!(speaker_of(&c, "who will take").as_deref(), Some("Dan Patrick"));
    }

    #[test]
    fn a_second_verb_after_and_shares_the_subject_opening_the_sentence() {
        let c = corpus(&[
            "Sarah Silverman spoke on Monday.\n\nAs the crowd began to chant, Silverman was joined on stage by Al Franken and joked, \"You are being ridiculous tonight.\"",
            "Mia Torres met Jon Lee.\n\nTorres met Lee, who smiled and said, \"We will see about that tomorrow.\"",
        ]);
        assert_eq!(speaker_of(&c, "You are being").as_deref(), Some("Sarah Silverman"));
        assert_ne!(
            speaker_of(&c, "We will see").as_deref(),
            Some("Mia Torres"),
            "a relative clause has its own subject"
        );
    }

    #[test]
    fn a_possessive_or_a_determiner_makes_a_reporting_verb_a_noun() {
        let c = corpus(&[
            "Reince Priebus met Hillary Clinton.\n\nParty Chairman Reince Priebus called Clinton's remarks a \"new low\" and a \"bizarre attempt to deflect attention.\"",
        ]);
        assert_eq!(speaker_of(&c, "bizarre attempt").as_deref(), Some("Reince Priebus"));
    }

    #[test]
    fn a_subject_opening_the_clause_keeps_its_verb_across_a_long_aside() {
        let c = corpus(&[
            "Jennifer Palmieri and Bill Eastland were in Cleveland.\n\nJennifer Palmieri, communications director for the campaign, said in a statement: \"This is a tragedy that requires a serious response.\"\n\n\"We have had better conventions than this one,\" Texas delegate Bill Eastland, wearing a hat and \"Ted Cruz\" pins, said.",
            "Anna Kowalski met Tom Reyes.\n\nIn a letter to Kowalski, lawyers for the firm, who declined comment, said \"we will sue them all tomorrow.\"",
        ]);
        assert_eq!(speaker_of(&c, "This is a tragedy").as_deref(), Some("Jennifer Palmieri"));
        assert_eq!(speaker_of(&c, "We have had").as_deref(), Some("Bill Eastland"));
        assert_eq!(speaker_of(&c, "we will sue"), None, "the name does not open the clause");
    }

    #[test]
    fn an_organisation_inside_an_earlier_apposition_is_not_the_subject() {
        let c = corpus(&[
            "Mark Holden spoke.\n\nMark Holden, chairman of the board of Freedom Partners, the network's funding arm, said it was \"a message of hope for the whole country.\"",
        ]);
        assert_eq!(speaker_of(&c, "a message of hope").as_deref(), Some("Mark Holden"));
    }

    #[test]
    fn a_participle_after_an_adverb_by_or_an_opening_participle_phrase_reports_the_subject() {
        let c = corpus(&[
            "Hillary Clinton met Donald Trump. Ben Carson came too.\n\nHillary Clinton has expressed frustration about the debate, recently telling a friend that she wonders \"which Donald Trump will show up.\"\n\nTrump answered by saying, \"I am trying to save lives and prevent attacks.\"\n\nContinuing to explain his view, Carson rejected the notion, saying that if he \"found something rotten, I would fix it.\"",
        ]);
        assert_eq!(speaker_of(&c, "which Donald").as_deref(), Some("Hillary Clinton"));
        assert_eq!(speaker_of(&c, "I am trying").as_deref(), Some("Donald Trump"));
        assert_eq!(speaker_of(&c, "found something").as_deref(), Some("Ben Carson"));
    }

    #[test]
    fn one_word_in_an_outlets_slot_is_an_organisation_when_no_name_holds_it() {
        let c = corpus(&[concat!(
            "Bill Cosby gave money.\n\n",
            "\"Officials expect to finish within weeks,\" according to Reuters.\n\n",
            "According to HuffPo: \"Senator Kaine has had a mixed record on abortion.\"\n\n",
            "\"The donations came in that year,\" the Blaze reported.\n\n",
            "\"We have lost this one,\" according to Kovacs. Kovacs said \"nothing more is to be said today.\""
        )]);
        assert_eq!(speaker_of(&c, "Officials").as_deref(), Some("Reuters"));
        assert_eq!(speaker_of(&c, "Senator").as_deref(), Some("HuffPo"));
        assert_eq!(speaker_of(&c, "The donations").as_deref(), Some("Blaze"));
        // A one-word name the article gives a person stays a person.
        let ex = extract(&c);
        let kovacs = ex.people.all().iter().find(|p| p.name == "Kovacs").unwrap();
        assert_eq!(kovacs.kind, Kind::Person);
    }

    #[test]
    fn one_word_in_an_outlets_slot_that_a_full_name_holds_is_no_organisation() {
        let c = corpus(&[
            "Susan Hill said she would testify.",
            "\"Heavy rain fell in the night,\" the Hill reported. \"It went on,\" according to Hill.",
        ]);
        let ex = extract(&c);
        assert!(ex.people.all().iter().all(|p| !(p.kind == Kind::Organisation && p.words == ["hill"])));
    }

    #[test]
    fn a_quote_in_a_clause_an_according_to_source_vouches_for_is_nobodys() {
        let c = corpus(&[concat!(
            "Donald Trump said he would host the show.\n\n",
            "According to Variety, Trump brought \"SNL\" its best ratings in years.\n\n",
            "According to the Daily Caller, \"Reines posted a quote from the testimony.\"\n\n",
            "According to Trump, he is now \"the worst thing that ever happened to them.\""
        )]);
        assert_eq!(speaker_of(&c, "SNL"), None);
        assert_eq!(speaker_of(&c, "Reines posted").as_deref(), Some("Daily Caller"));
        assert_eq!(speaker_of(&c, "the worst thing").as_deref(), Some("Donald Trump"));
    }

    #[test]
    fn an_outlet_or_group_after_the_or_in_capitals_is_the_speaker_of_its_report() {
        let c = corpus(&[concat!(
            "Bill Cosby gave money.\n\n",
            "\"The donations came in 2013,\" the Daily Caller reported.\n\n",
            "\"We are very disappointed in the decision,\" the ACU said in a statement.\n\n",
            "\"Officials expect to finish within weeks,\" according to CNN.\n\n",
            "\"The noise has caused the team to deal with stories,\" MWW said."
        )]);
        assert_eq!(speaker_of(&c, "The donations").as_deref(), Some("Daily Caller"));
        assert_eq!(speaker_of(&c, "We are very").as_deref(), Some("ACU"));
        assert_eq!(speaker_of(&c, "Officials expect").as_deref(), Some("CNN"));
        assert_eq!(speaker_of(&c, "The noise").as_deref(), Some("MWW"));
    }

    #[test]
    fn a_quote_after_a_cue_and_its_according_to_source_is_the_cue_speakers() {
        let c = corpus(&[concat!(
            "Bernie Sanders spoke to delegates.\n\n",
            "\"Do not protest on the floor,\" Sanders said, according to CNN. \"Explain this to your delegations.\""
        )]);
        assert_eq!(speaker_of(&c, "Explain this").as_deref(), Some("Bernie Sanders"));
    }

    #[test]
    fn a_role_opened_by_ranking_or_managing_describes_the_name_after_an_inverted_cue() {
        let c = corpus(&[concat!(
            "\"They are spending their final days here,\" said Oversight ranking Democrat Elijah Cummings (D-Md.).\n\n",
            "\"We stand by the story,\" said managing editor Cameron Barr."
        )]);
        assert_eq!(speaker_of(&c, "They are spending").as_deref(), Some("Elijah Cummings"));
        assert_eq!(speaker_of(&c, "We stand by").as_deref(), Some("Cameron Barr"));
    }

    #[test]
    fn a_person_described_after_the_is_no_organisation() {
        let c = corpus(&[concat!(
            "Rick Perry spoke in Dallas.\n\n",
            "\"The electorate wants something else,\" the Texan said.\n\n",
            "\"We will win the state back,\" the Utah Republican said."
        )]);
        assert_eq!(speaker_of(&c, "The electorate"), None);
        assert_eq!(speaker_of(&c, "We will win"), None);
    }

    #[test]
    fn the_last_word_of_an_organisation_named_in_full_is_that_organisation() {
        let c = corpus(&[concat!(
            "The Washington Post reported that he was ousted \"at the urging of his children.\"\n\n",
            "\"It just came to a head,\" the Post reported."
        )]);
        assert_eq!(speaker_of(&c, "It just came").as_deref(), Some("Washington Post"));
    }

    #[test]
    fn an_organisation_after_a_preposition_or_how_is_not_the_subject_of_the_verb_after_it() {
        let c = corpus(&[concat!(
            "\"The storm is coming,\" the Associated Press reported.\n\n",
            "A letter from the Legion obtained by the Associated Press warns that \"any use of the emblem is wrong.\""
        )]);
        assert_eq!(speaker_of(&c, "The storm").as_deref(), Some("Associated Press"));
        assert_eq!(speaker_of(&c, "any use of"), None);
    }

    #[test]
    fn a_statement_speaks_for_whoever_issued_it() {
        let c = corpus(&[
            "Jessica Mackler said on Monday she was tired.\n\nAmerican Bridge President Jessica Mackler issued a statement saying his comment \"has no place in American democracy\" at all.",
        ]);
        assert_eq!(speaker_of(&c, "has no place").as_deref(), Some("Jessica Mackler"));
    }

    #[test]
    fn a_name_after_a_quote_and_a_conjunction_opens_a_clause_of_its_own() {
        let c = corpus(&[
            "Donald Trump said hi. Ted Cruz said so too.\n\nTed Cruz accuses Obama of \"leading from behind\" and Donald Trump says he is \"losing the war on terrorism,\" in a lashing.",
        ]);
        assert_eq!(speaker_of(&c, "leading from"), None, "the cue after `and` is another clause's");
        assert_eq!(speaker_of(&c, "losing the war").as_deref(), Some("Donald Trump"));
    }

    #[test]
    fn a_reflexive_a_party_tag_and_its_comma_stand_between_a_subject_and_its_verb() {
        let c = corpus(&[
            "Bernie Sanders spoke. Jack Reed spoke too.\n\nSanders himself acknowledged on Monday \"it will be very hard for us to win\" this year.\n\nSen. Jack Reed (D-R.I.), said on Tuesday that the plan was a \"starting point for our deliberations.\"",
        ]);
        assert_eq!(speaker_of(&c, "it will be very").as_deref(), Some("Bernie Sanders"));
        assert_eq!(speaker_of(&c, "starting point").as_deref(), Some("Jack Reed"));
    }

    #[test]
    fn a_cue_ending_the_sentence_reports_each_fragment_before_it() {
        let c = corpus(&[
            "Neil Sroka said he was tired.\n\nHis endorsements will carry \"a great deal of weight\" and bring candidates the \"grass-roots firepower\" they need, group spokesman Neil Sroka said.",
        ]);
        assert_eq!(speaker_of(&c, "a great deal").as_deref(), Some("Neil Sroka"));
        assert_eq!(speaker_of(&c, "grass-roots").as_deref(), Some("Neil Sroka"));
    }

    #[test]
    fn a_crowd_chanting_is_nobody_even_in_a_speakers_paragraph() {
        let c = corpus(&[
            "Donald Trump spoke in Ohio and declared that they would win. As Trump attacked Clinton, the fans also chanted, \"Lock her up, lock her up!\"",
        ]);
        assert_eq!(speaker_of(&c, "Lock her up"), None);
    }

    #[test]
    fn a_possessive_and_a_noun_of_speech_introducing_a_quote_name_its_speaker() {
        let c = corpus(&[
            "Jeb Bush said hi. Hillary Clinton said hi. Barack Obama said hi. Donald Trump said so.\n\nFrom Bush's Facebook post: \"We must move to overcome the divisiveness.\"\n\nIn Clinton's words, \"we came, we saw, he died and that was all.\"\n\nIt is the pull of Obama's \"if you like your plan, you can keep it\" promise.",
            "Donald Trump said so. Hillary Clinton said no.\n\nTrump's response to Clinton's speech was: \"a total disaster for everyone involved.\"\n\nThe town said Trump's comments \"are based on nothing at all.\"",
        ]);
        assert_eq!(speaker_of(&c, "We must move").as_deref(), Some("Jeb Bush"));
        assert_eq!(speaker_of(&c, "we came").as_deref(), Some("Hillary Clinton"));
        assert_eq!(speaker_of(&c, "if you like").as_deref(), Some("Barack Obama"));
        assert_ne!(speaker_of(&c, "a total disaster").as_deref(), Some("Hillary Clinton"), "the object of `to`");
        assert_ne!(speaker_of(&c, "are based on").as_deref(), Some("Donald Trump"), "said of the comments");
    }

    #[test]
    fn a_possessive_opens_the_description_of_the_speaker_after_an_inverted_verb() {
        let c = corpus(&[
            "Jake Sullivan said hi. Brian Fallon said so.\n\n\"This is the first time,\" said Clinton's top foreign policy aide Jake Sullivan.\n\n\"This is the second time,\" said Clinton's spokesman, Brian Fallon.\n\n\"This is the third time,\" said Clinton's campaign.",
        ]);
        assert_eq!(speaker_of(&c, "This is the first").as_deref(), Some("Jake Sullivan"));
        assert_eq!(speaker_of(&c, "This is the second").as_deref(), Some("Brian Fallon"));
        assert_eq!(speaker_of(&c, "This is the third"), None, "someone of Clinton's, not Clinton");
    }

    #[test]
    fn went_on_to_say_a_time_phrase_and_a_negated_verb_keep_the_subject() {
        let c = corpus(&[
            "Mike Pence said hi. Donald Trump said so. Jeff Weaver said yes.\n\nPence went on to say he is \"confident\" about the two men.\n\nBut a few days later, Trump reversed himself, telling CBS that the laws \"are set and will stay that way.\"\n\nWeaver didn't seem impressed, telling reporters, \"A lot of people said the governor should step down.\"",
            "Glenn Beck said hi.\n\nBeck called Palin a \"clown\" on his show. He apologized the next day, saying it was \"childish\" to name-call.",
        ]);
        assert_eq!(speaker_of(&c, "confident").as_deref(), Some("Mike Pence"));
        assert_eq!(speaker_of(&c, "are set").as_deref(), Some("Donald Trump"));
        assert_eq!(speaker_of(&c, "A lot of people").as_deref(), Some("Jeff Weaver"));
        assert_eq!(speaker_of(&c, "childish").as_deref(), Some("Glenn Beck"));
    }

    #[test]
    fn a_who_clause_saying_what_someone_does_for_a_living_describes_them() {
        let c = corpus(&[
            "I'm joined by Lena Ortiz, who covers Brazil for the Herald, and Tom Reyes, who arrived late.\n\n\"It is late,\" Ortiz said.",
        ]);
        let people = extract(&c).people;
        let descriptors = |name: &str| -> Vec<String> {
            people
                .all()
                .iter()
                .find(|p| p.name == name)
                .map_or(Vec::new(), |p| p.descriptors.iter().map(|d| d.text.clone()).collect())
        };
        assert!(
            descriptors("Lena Ortiz").contains(&"who covers Brazil for the Herald".to_string()),
            "{:?}",
            descriptors("Lena Ortiz")
        );
        assert!(descriptors("Tom Reyes").iter().all(|d| !d.contains("arrived")), "{:?}", descriptors("Tom Reyes"));
    }

    #[test]
    fn a_capital_opening_the_sentence_before_a_full_name_describes_the_person() {
        let c = corpus(&[
            "Hillary Clinton spoke in Ohio.\n\nRival Hillary Clinton had mocked the complaint, saying anybody who complains \"has problems of their own.\"\n\n\"We will win,\" Clinton said.",
        ]);
        assert_eq!(speaker_of(&c, "has problems").as_deref(), Some("Hillary Clinton"));
        assert!(extract(&c).people.all().iter().all(|p| p.name != "Rival Hillary Clinton"));
    }

    #[test]
    fn a_known_full_name_after_an_inverted_verb_and_a_description_is_the_speaker_whatever_its_given_name() {
        let c = corpus(&[
            "\"The tide tables are wrong,\" said Harbour Board chief Stig Arnesen.",
            "Ysolde Marr toured the port.\n\n\"We never gave up,\" said former secretary of state Ysolde Marr.",
        ]);
        assert_eq!(speaker_of(&c, "The tide tables").as_deref(), Some("Stig Arnesen"));
        assert_eq!(speaker_of(&c, "We never gave").as_deref(), Some("Ysolde Marr"));
    }

    #[test]
    fn a_name_in_a_description_joined_to_another_subject_is_not_the_speaker() {
        let c = corpus(&[
            "Ilse Varga and Otto Brenn met on Monday.\n\n\"We have to wait for the court,\" state council leader Ilse Varga and mayor Otto Brenn, both independents, said.",
        ]);
        assert_eq!(speaker_of(&c, "We have to wait"), None);
    }

    #[test]
    fn a_capitalised_will_inside_a_sentence_is_a_name_not_a_modal() {
        let c = corpus(&[
            "On Sunday the columnist Grant Will wrote about the race.\n\n\"The primaries are a circus,\" Will wrote.",
            "\"The school has to change,\" said Will Osei, a teacher in the town.",
        ]);
        assert_eq!(speaker_of(&c, "The primaries").as_deref(), Some("Grant Will"));
        assert_eq!(speaker_of(&c, "The school has").as_deref(), Some("Will Osei"));
    }

    #[test]
    fn a_family_name_ending_in_ly_is_a_subject_not_an_adverb() {
        let c = corpus(&["Farmer Joan Daly spoke at the meeting.\n\n\"The river floods every spring,\" Daly said."]);
        assert_eq!(speaker_of(&c, "The river floods").as_deref(), Some("Joan Daly"));
    }

    #[test]
    fn an_organisation_after_a_preposition_is_not_the_subject_of_the_cue_that_follows_it() {
        let c = corpus(&[
            "Ida Brandt spoke in May.\n\nIda Brandt of the Coastal Institute for Water Studies wrote that the rivers are low. \"Water is scarce.\"",
            "Tomas Brill, the policy director for the Coastal Farmers Union said in a statement. \"We will appeal the ruling.\"",
            "The Northern Broadcasting Corporation aired the debate. Another source speaking to Northern Broadcasting Corporation said, \"The talks have stalled.\"",
        ]);
        assert_eq!(speaker_of(&c, "Water is scarce").as_deref(), Some("Ida Brandt"));
        assert_eq!(speaker_of(&c, "We will appeal").as_deref(), Some("Tomas Brill"));
        assert_eq!(speaker_of(&c, "The talks have"), None);
    }

    #[test]
    fn a_subject_and_its_progressive_participle_report_the_quote_in_their_sentence() {
        let c = corpus(&[
            "Mayor Lena Holt won the vote.\n\nLena Holt is telling supporters after her victory that \"the harbour is ours again.\"",
        ]);
        assert_eq!(speaker_of(&c, "the harbour is").as_deref(), Some("Lena Holt"));
    }

    #[test]
    fn a_statement_issued_before_a_colon_belongs_to_who_issued_it() {
        let c = corpus(&[
            "Governor Aldo Fenwick visited the site.\n\nAfter the flood, Governor Aldo Fenwick issued the following statement:\n\n\"Our thoughts are with every family in the valley.\"",
            "Rosa Teague spoke last.\n\nStated Teague:\n\n\"The bridge will be rebuilt by spring.\"",
        ]);
        assert_eq!(speaker_of(&c, "Our thoughts").as_deref(), Some("Aldo Fenwick"));
        assert_eq!(speaker_of(&c, "The bridge will").as_deref(), Some("Rosa Teague"));
    }

    #[test]
    fn a_quote_after_the_subjects_verb_of_view_is_the_subjects_words() {
        let c = corpus(&[
            "Mayor Ines Lowe spoke on Monday.\n\nLowe thought the harbour plan was \"a gift to developers and nobody else.\"",
            "Mayor Ines Lowe spoke on Monday. Tom Grant spoke too.\n\nLowe criticized Tom Grant's \"reckless spending plan for the harbour.\"",
            "Mayor Ines Lowe spoke on Monday.\n\nLowe proposed a vote in May, but the council rejected the idea as \"far too early for the town.\"",
        ]);
        assert_eq!(speaker_of(&c, "a gift to").as_deref(), Some("Ines Lowe"));
        assert_eq!(speaker_of(&c, "reckless spending"), None);
        assert_eq!(speaker_of(&c, "far too early"), None);
    }

    #[test]
    fn a_verb_of_view_reports_its_subject_after_a_phrase_of_place_or_time_opening_the_sentence() {
        let c = corpus(&[
            "Mayor Ines Lowe spoke on Monday.\n\nIn an August speech, Lowe attacked \"the greedy developers and their friends.\"",
            "Mayor Ines Lowe spoke on Monday. Tom Grant spoke too.\n\nIn a letter to Tom Grant, Lowe criticized \"the reckless plan for the harbour.\"",
        ]);
        assert_eq!(speaker_of(&c, "the greedy").as_deref(), Some("Ines Lowe"));
        assert_eq!(speaker_of(&c, "the reckless plan"), None, "the phrase names someone else");
    }

    #[test]
    fn a_participle_reports_the_subject_after_a_conjunction_and_an_adverb_opening_the_sentence() {
        let c = corpus(&["Mayor Ines Lowe spoke on Monday.\n\nAnd then Lowe went on the attack, saying, \"The council has failed this town.\""]);
        assert_eq!(speaker_of(&c, "The council has").as_deref(), Some("Ines Lowe"));
    }

    #[test]
    fn a_participle_reports_a_name_led_by_a_description_opening_the_sentence() {
        let c = corpus(&["Band member Mary Whitfield shared the news on social media last week, writing \"Feels great to support someone I believe in.\""]);
        assert_eq!(speaker_of(&c, "Feels great").as_deref(), Some("Mary Whitfield"));
        // A preposition in the description makes the name someone else's, not the subject.
        let c = corpus(&["Mary Whitfield visited. Fans of Whitfield shared the news last week, writing \"Feels great to support someone I believe in.\""]);
        assert_eq!(speaker_of(&c, "Feels great"), None);
    }

    #[test]
    fn a_participle_reports_the_subject_after_a_capitalised_word_of_time_opening_the_sentence() {
        let c = corpus(&[concat!(
            "Senator Dana Whitfield spoke on Monday.",
            "\n\n",
            "Later on Sunday, Whitfield shared a syllabus on her page, writing \"Allow me to do the research for the reporter.\""
        )]);
        assert_eq!(speaker_of(&c, "Allow me").as_deref(), Some("Dana Whitfield"));
    }

    #[test]
    fn a_verb_of_manner_right_after_a_quote_reports_its_subject_but_nowhere_else() {
        let c = corpus(&[concat!(
            "Anchor Mary Kelton debated John Fisk.",
            "\n\n",
            "\"You have called voters fools and worse,\" Kelton charged in her opening question.",
            "\n\n",
            "\"This is fantastic!\" beamed John Fisk, who had waited all night.",
            "\n\n",
            "\"You know, it happens,\" Fisk went on, as if he had not heard.",
            "\n\n",
            "Fisk was charged with fraud in May. Prosecutors called it \"a scheme of many years.\""
        )]);
        assert_eq!(speaker_of(&c, "You have called").as_deref(), Some("Mary Kelton"));
        assert_eq!(speaker_of(&c, "This is fantastic").as_deref(), Some("John Fisk"));
        assert_eq!(speaker_of(&c, "You know, it").as_deref(), Some("John Fisk"));
        assert_eq!(speaker_of(&c, "a scheme of"), None);
    }

    #[test]
    fn a_verb_of_manner_with_an_object_after_a_quote_reports_no_speech() {
        let c = corpus(&[
            "Anchor Mary Kelton hosted John Fisk. \"Trainwreck,\" Kelton charged the studio a fee for the film.",
        ]);
        assert_eq!(speaker_of(&c, "Trainwreck"), None);
    }

    #[test]
    fn a_family_name_read_without_its_given_name_is_never_a_namesake_from_another_article() {
        let c = corpus(&[
            "Senator Mary Whitfield spoke on Monday. \"We will win,\" Whitfield said.",
            "Dana Whitfield shared the news on social media, writing \"Feels great to support someone I believe in.\"",
        ]);
        assert_eq!(speaker_of(&c, "Feels great"), None);
    }

    #[test]
    fn a_participle_after_a_quotation_ending_in_a_comma_reports_the_clause_subject() {
        let c = corpus(&["Mayor Dana Whitfield spoke on Monday.\n\nWhitfield has delivered a defense of \"small town values,\" saying the town embodied the \"heart and soul of the county.\""]);
        assert_eq!(speaker_of(&c, "heart and soul").as_deref(), Some("Dana Whitfield"));
    }

    #[test]
    fn a_cue_whose_subject_is_a_relative_pronoun_for_a_thing_is_no_second_voice() {
        let c = corpus(&[concat!(
            "Carla Mendez spoke in Boston on Sunday.",
            "\n\n",
            "\"Where were we hit? We were hit downtown,\" Mendez said, with a passion that almost suggested the question was unfair. \"I did spend a lot of time helping them rebuild.\"",
            "\n\n",
            "\"That was good for the city,\" she added."
        )]);
        assert_eq!(speaker_of(&c, "I did spend").as_deref(), Some("Carla Mendez"));
        assert_eq!(speaker_of(&c, "That was good").as_deref(), Some("Carla Mendez"));
    }

    #[test]
    fn a_verb_after_when_reports_no_one_and_the_next_quote_continues_the_speaker() {
        let c = corpus(&["Paul Brenner is running for the Senate.\n\n\"No government is ever going to get it perfect,\" Brenner said when asked about the state standards. \"The job is to keep making it better.\""]);
        assert_eq!(speaker_of(&c, "The job is").as_deref(), Some("Paul Brenner"));
    }

    #[test]
    fn a_question_mark_closing_a_quotation_ends_no_sentence_before_its_cue_across_an_aside() {
        let c = corpus(&["The volunteers are Eva Miller and her neighbour.\n\n\"How are you today?\" Eva Miller, a retired worker from a power plant, said into the phone. \"We are calling supporters like you.\""]);
        assert_eq!(speaker_of(&c, "How are you").as_deref(), Some("Eva Miller"));
    }

    #[test]
    fn a_subject_set_off_by_an_aside_before_its_verb_of_view_speaks_the_quotation() {
        let c = corpus(&["Mayor Tom Ellery spoke on Monday.\n\nEllery, co-founder of the Harbour Institute and advocate of a new effort to build ferries, welcomed \"the recognition that we do not have all the boats we need.\""]);
        assert_eq!(speaker_of(&c, "the recognition").as_deref(), Some("Tom Ellery"));
    }

    #[test]
    fn a_progressive_verb_of_view_gives_its_subject_the_quotation() {
        let c = corpus(&["Senator Ruth Calder spoke on Saturday.\n\nCalder is praising her rival, who ended his campaign on Saturday, as \"a man who never went to the gutter\" in the race."]);
        assert_eq!(speaker_of(&c, "a man who never").as_deref(), Some("Ruth Calder"));
    }
}
