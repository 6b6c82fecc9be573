//! Attribution as an ordered list of sieves, most precise first (after the multi-pass sieve
//! design of Lee et al. and Muzny et al.): each sieve looks at one quoted segment in its
//! paragraph and either names a speaker, with the cue that decided it, or passes. The first
//! sieve that decides wins; a quote no sieve decides stays unattributed. Each sieve has a name
//! that `summitbot quotes` reports, so an admin can see why a quote went to whom.

use super::lexer::{according_to_at, Tok, Token};
use super::people::PersonId;
use super::Cue;
use crate::text::{fold, Span};

/// A reporting cue found in a paragraph: the verb (or `according to`), and the speaker its
/// subject resolved to, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueAt {
    /// Token index of the verb.
    pub verb: usize,
    pub speaker: Option<PersonId>,
    /// First and last token of the cue phrase (subject and verb, in either order).
    pub from: usize,
    pub to: usize,
}

/// Everything a sieve may look at for one quoted segment.
#[derive(Debug, Clone, Copy)]
pub struct Site<'a> {
    pub toks: &'a [Token<'a>],
    /// Token index of the quote.
    pub q: usize,
    /// Token index of the previous quote of the paragraph that is not a fragment of this
    /// quote's sentence (`called it a "scandal" and an "icon"`: both fragments share the cue).
    pub prev_quote: Option<usize>,
    pub cues: &'a [CueAt],
    /// Sentence number of each token.
    pub sentence_of: &'a [usize],
    /// A short quotation inside a sentence (`called it a "benchmark"`).
    pub fragment: bool,
    /// The quote is the first token of its paragraph.
    pub opens_paragraph: bool,
    /// The previous paragraph ended on a cue and a colon (`Smith told MPs:`).
    pub colon_cue: Option<(PersonId, Span)>,
    /// The quotation this segment continues (one left open before it), and that one's speaker.
    pub continues_open: Option<Option<PersonId>>,
    /// The voice the previous paragraph ended in, when it ended in someone's quotation.
    pub previous_voice: Option<PersonId>,
    /// Speakers named in the paragraph outside quotes: (token, id).
    pub mentions: &'a [(usize, PersonId)],
}

/// What a sieve decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub speaker: PersonId,
    pub cue: Cue,
    /// The words that decided it, when there are any.
    pub cue_span: Option<Span>,
}

/// A sieve's answer: a speaker, a firm "nobody" (the cue that governs the quote names someone we
/// cannot resolve, such as `a spokesman said` or `officials said`: no later sieve may guess), or
/// no opinion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Speaker(Verdict),
    Nobody,
    Pass,
}

pub type Sieve = fn(&Site<'_>) -> Outcome;

/// The sieves in the order they are tried.
pub const SIEVES: &[(&str, Sieve)] = &[
    ("signed_after_dash", signed_after_dash),
    ("cue_after_quote", cue_after_quote),
    ("cue_before_quote", cue_before_quote),
    ("cue_after_coordinated_quote", cue_after_coordinated_quote),
    ("cue_ending_sentence", cue_ending_sentence),
    ("subject_before_colon", subject_before_colon),
    ("colon_cue_in_previous_paragraph", colon_cue_in_previous_paragraph),
    ("continues_open_quotation", continues_open_quotation),
    ("cue_between_quotes", cue_between_quotes),
    ("quote_after_reported_speech", quote_after_reported_speech),
    ("quote_in_subjects_view", quote_in_subjects_view),
    ("single_speaker_of_paragraph", single_speaker_of_paragraph),
    ("quote_paragraph_after_speaker", quote_paragraph_after_speaker),
];

/// Runs the sieves in order: the first decision (a speaker or a firm nobody) and the name of
/// the sieve that made it; `(None, None)` when no sieve had an opinion.
pub fn decide(site: &Site<'_>) -> (Option<Verdict>, Option<&'static str>) {
    // A signature (`"…" ― Ana Ruiz`) names the author of the quotation before it only: the
    // other sieves see the paragraph's spoken cues.
    let spoken: Vec<CueAt> = site.cues.iter().filter(|c| !is_signature(site, c)).copied().collect();
    let others = Site { cues: &spoken, ..*site };
    for (name, sieve) in SIEVES {
        let site = if *name == "signed_after_dash" { site } else { &others };
        match sieve(site) {
            Outcome::Speaker(v) => return (Some(v), Some(name)),
            Outcome::Nobody => return (None, Some(name)),
            Outcome::Pass => {}
        }
    }
    (None, None)
}

fn cue_span(site: &Site<'_>, c: &CueAt) -> Span {
    Span::new(site.toks[c.from].span.start, site.toks[c.to].span.end)
}

fn verdict(site: &Site<'_>, c: &CueAt, cue: Cue) -> Outcome {
    match c.speaker {
        Some(speaker) => Outcome::Speaker(Verdict { speaker, cue, cue_span: Some(cue_span(site, c)) }),
        None => Outcome::Nobody,
    }
}

/// `?` for sieves: no value, no opinion.
macro_rules! need {
    ($e:expr) => {
        match $e {
            Some(v) => v,
            None => return Outcome::Pass,
        }
    };
}

fn is_signature(site: &Site<'_>, c: &CueAt) -> bool {
    matches!(site.toks[c.verb].kind, Tok::Punct(d) if super::names::is_dash(d))
}

/// `"…" ― Ana Ruiz` ending a line: the quotation is signed with its author's name.
pub fn signed_after_dash(site: &Site<'_>) -> Outcome {
    let c = need!(site.cues.iter().find(|c| c.from == site.q + 1 && is_signature(site, c)));
    verdict(site, c, Cue::After)
}

/// `"…," Smith said` · `"…," said Smith` · `"…," he added`: the cue phrase starts right after
/// the quote (a comma may stand between).
pub fn cue_after_quote(site: &Site<'_>) -> Outcome {
    let mut a = site.q + 1;
    if site.toks.get(a).is_some_and(|t| t.kind == Tok::Punct(',')) {
        a += 1;
    }
    // Same sentence only: `"…." Ms Trew, who runs a school, admitted …` starts a new one; and
    // a conjunction opens another clause (`accuses Obama of "…" and Trump says`), as does a
    // subordinator (`was "riding the fence" until Haley said …`).
    // A few words of description may lead the cue: `"…," Comerica chief economist David
    // Littman said`.
    let c = need!(site.cues.iter().find(|c| {
        c.from >= a
            && c.from <= a + 4
            && (a..c.from).all(|k| {
                site.toks[k].is_word()
                    && !matches!(
                        site.toks[k].text,
                        "and" | "but" | "or" | "while" | "until" | "because" | "before" | "after" | "since" | "unless"
                    )
            })
            && site.sentence_of[c.from] == site.sentence_of[site.q]
    }));
    verdict(site, c, Cue::After)
}

/// `Smith said: "…"` · `Smith said the plan was "…"`: the nearest cue before the quote in the
/// same sentence, after any earlier quote. When that nearest cue's subject is nobody we know and
/// it stands inside what an earlier speaker reports (`Blinken told NPR the administration
/// believes … "…"`), the reporting speaker is the one quoted.
pub fn cue_before_quote(site: &Site<'_>) -> Outcome {
    let lo = site.prev_quote.map_or(0, |p| p + 1);
    let s = site.sentence_of[site.q];
    let mut before = site.cues.iter().filter(|c| c.verb >= lo && c.verb < site.q && site.sentence_of[c.verb] == s);
    let outermost = need!(before.next());
    let nearest = before.next_back().unwrap_or(outermost);
    if source_vouches_for_anothers_clause(site, nearest) {
        return Outcome::Nobody;
    }
    if nearest.speaker.is_none() && outermost.speaker.is_some() && outermost.to < nearest.from {
        return verdict(site, outermost, Cue::Before);
    }
    verdict(site, nearest, Cue::Before)
}

/// `According to Variety, Trump brought "SNL" its best ratings`: an `according to` source
/// vouches for a clause whose subject is someone else (a name opening it, or a name between
/// the source and the quote);
/// the quote is neither the source's words nor, for certain, that subject's (a title, a word
/// the source chose): nobody's.
fn source_vouches_for_anothers_clause(site: &Site<'_>, c: &CueAt) -> bool {
    if !is_according_to(site, c) {
        return false;
    }
    // The clause's own subject: a name right after the source's whole name and its comma (a
    // pronoun there may be the source itself: `According to Trump, he was …`), or someone
    // named on the way to the quote.
    let name_word = |k: usize| site.toks.get(k).is_some_and(|t| t.is_word() && super::names::is_name_word(t.text));
    let mut k = c.to + 1;
    while k < site.q && name_word(k) {
        k += 1;
    }
    let comma = site.toks.get(k).is_some_and(|t| t.kind == Tok::Punct(','));
    let subject = comma && k + 1 < site.q && name_word(k + 1);
    subject || site.mentions.iter().any(|&(k, id)| k > c.to && k < site.q && Some(id) != c.speaker)
}

/// `Guns are "a crisis" and "stunt growth," Dean said`: quotes joined by `and`, `or` or a
/// comma share the cue right after the last of them.
pub fn cue_after_coordinated_quote(site: &Site<'_>) -> Outcome {
    let s = site.sentence_of[site.q];
    let mut k = site.q + 1;
    while site.toks.get(k).is_some_and(|t| {
        site.sentence_of[k] == s && (t.kind == Tok::Punct(',') || t.is_word() && matches!(t.text, "and" | "or"))
    }) {
        k += 1;
    }
    if k == site.q + 1 || !site.toks.get(k).is_some_and(|t| t.is_quote() && site.sentence_of[k] == s) {
        return Outcome::Pass;
    }
    match cue_after_quote(&Site { q: k, ..*site }) {
        Outcome::Pass => cue_after_coordinated_quote(&Site { q: k, ..*site }),
        decided => decided,
    }
}

/// `A cashier who "steals a few notes" is punished, Warren said.`: a cue set off by a comma at
/// the end of the sentence reports everything before it, fragments included.
pub fn cue_ending_sentence(site: &Site<'_>) -> Outcome {
    let s = site.sentence_of[site.q];
    let c = need!(site.cues.iter().find(|c| c.from > site.q && site.sentence_of[c.verb] == s));
    // (A few words of description may lead the cue: `…, DFA spokesman Neil Sroka said`.)
    let lead = (c.from.saturating_sub(4)..c.from).rev().take_while(|&k| site.toks[k].is_word()).count();
    let comma_before = c.from > lead && site.toks[c.from - lead - 1].kind == Tok::Punct(',');
    let ends = site.toks.get(c.to + 1).is_none_or(|t| t.kind == Tok::Punct('.')) || apposition_ends_sentence(site, c);
    // Nothing but narration between the quote and the cue: no other quote of the sentence,
    // unless this one is a fragment and no cue or other name stands between (`will carry "a
    // great deal of weight" and bring the "firepower" they need, Sroka said`).
    let quote_between = (site.q + 1..c.from).any(|k| site.toks[k].is_quote());
    let others_between = site.cues.iter().any(|o| o.verb > site.q && o.verb < c.from)
        || site.mentions.iter().any(|&(k, id)| k > site.q && k < c.from && Some(id) != c.speaker);
    if !(comma_before && ends) || quote_between && (!site.fragment || others_between) {
        return Outcome::Pass;
    }
    verdict(site, c, Cue::After)
}

/// `…, said Ana Ruiz, founder of the Open Party.`: after the cue, a comma and a description of
/// the speaker that runs to the end of the sentence, with no quotation and no other cue in it.
fn apposition_ends_sentence(site: &Site<'_>, c: &CueAt) -> bool {
    let s = site.sentence_of[c.verb];
    let comma = c.to + 1;
    if site.toks.get(comma).is_none_or(|t| t.kind != Tok::Punct(',')) {
        return false;
    }
    let rest: Vec<usize> = (comma + 1..site.toks.len()).take_while(|&k| site.sentence_of[k] == s).collect();
    !rest.is_empty()
        && rest.iter().all(|&k| !site.toks[k].is_quote())
        && !site.cues.iter().any(|o| o.verb > c.to && site.sentence_of[o.verb] == s)
}

/// `Kasich resisted: "…"` · `Clinton: "…"`: a colon right before the quote introduces what
/// the sentence's subject said, when that subject is a name opening the sentence and nobody
/// else is named before the colon. A passive (`Rubio was asked by …:`) or a source
/// (`Smith read from the report:`) between them leaves the quote to later sieves.
pub fn subject_before_colon(site: &Site<'_>) -> Outcome {
    if site.fragment || site.q < 2 || site.toks[site.q - 1].kind != Tok::Punct(':') {
        return Outcome::Pass;
    }
    let s = site.sentence_of[site.q];
    let sentence = (0..site.q).rev().take_while(|&k| site.sentence_of[k] == s).last().unwrap_or(site.q);
    // A dash opens a clause of its own: digests print a claim, a dash and its source
    // (`Red states outnumber blue states - Jeffrey M. Jones: "…"`).
    let opening = (sentence..site.q)
        .rev()
        .find(|&k| matches!(site.toks[k].kind, Tok::Punct(c) if c == '-' || super::names::is_dash(c)))
        .map_or(sentence, |k| k + 1);
    let mut named = site.mentions.iter().filter(|&&(k, _)| k >= opening && k < site.q);
    let &(first, speaker) = need!(named.next());
    // A few words of description may lead the name (`Former speechwriter Jon Favreau`),
    // nothing else: the name is the subject only when it opens the clause.
    let leads = (opening..first).all(|k| {
        let t = site.toks[k];
        t.is_word()
            && !super::names::is_possessive(t.text)
            && super::names::pronoun(t.text).is_none()
            && !matches!(
                fold(t.text).as_str(),
                "for"
                    | "of"
                    | "to"
                    | "by"
                    | "with"
                    | "from"
                    | "at"
                    | "about"
                    | "on"
                    | "in"
                    | "after"
                    | "before"
                    | "and"
                    | "or"
                    | "but"
                    | "as"
                    | "like"
                    | "than"
                    | "when"
                    | "while"
                    | "if"
            )
    });
    if !leads || first - opening > 4 || named.any(|&(_, id)| id != speaker) || site.q - first > 14 {
        return Outcome::Pass;
    }
    let sourced = (first..site.q).any(|k| {
        let t = site.toks[k];
        t.is_quote()
            || t.is_word()
                && (super::names::is_possessive(t.text)
                    || matches!(t.text, "by" | "from" | "asked" | "read" | "quoted" | "cited" | "of"))
    });
    if sourced {
        return Outcome::Pass;
    }
    let span = Span::new(site.toks[first].span.start, site.toks[site.q - 1].span.end);
    Outcome::Speaker(Verdict { speaker, cue: Cue::Before, cue_span: Some(span) })
}

/// `Transport Minister Anne-Marie Duval told MPs:` closing one paragraph, and the quotation
/// opening the next.
pub fn colon_cue_in_previous_paragraph(site: &Site<'_>) -> Outcome {
    if !site.opens_paragraph {
        return Outcome::Pass;
    }
    let (speaker, span) = need!(site.colon_cue);
    Outcome::Speaker(Verdict { speaker, cue: Cue::Before, cue_span: Some(span) })
}

/// A segment that continues a quotation left open before it (a quotation running over
/// paragraphs, or over a paragraph break the text lost) has that quotation's speaker.
pub fn continues_open_quotation(site: &Site<'_>) -> Outcome {
    if site.fragment {
        return Outcome::Pass;
    }
    match need!(site.continues_open) {
        Some(speaker) => Outcome::Speaker(Verdict { speaker, cue: Cue::Continuation, cue_span: None }),
        // The quotation it continues has no speaker: nor has this part, whatever follows.
        None => Outcome::Nobody,
    }
}

/// `"…," said Xi. "…"`: the cue of the previous quote, across a sentence break, when nothing
/// but that cue stands between the two quotes.
pub fn cue_between_quotes(site: &Site<'_>) -> Outcome {
    if site.fragment {
        return Outcome::Pass;
    }
    let p = need!(site.prev_quote);
    let mut between: Vec<&CueAt> = site.cues.iter().filter(|c| c.verb > p && c.verb < site.q).collect();
    // `"…," Sanders said, according to CNN. "…"`: the source of the report qualifies the cue
    // before it; the speaker is still the cue's.
    if between.len() == 2 && is_according_to(site, between[1]) {
        between.pop();
    }
    let [c] = between.as_slice() else { return Outcome::Pass };
    // Only the cue phrase and punctuation may stand between: a sentence of narration breaks the link.
    let words_between = (p + 1..site.q).filter(|&k| site.toks[k].is_word() && !(c.from..=c.to).contains(&k)).count();
    if words_between > 3 {
        return Outcome::Pass;
    }
    verdict(site, c, Cue::Paragraph)
}

/// Whether a cue is `according to …` (its first token is `according`).
fn is_according_to(site: &Site<'_>, c: &CueAt) -> bool {
    according_to_at(site.toks, c.verb)
}

/// `Ms Trew said many dancers were no longer willing. "You have to be very dedicated."`: a quote
/// opening the sentence right after reported speech continues that speaker, when nobody else
/// is named between the cue and the quote.
pub fn quote_after_reported_speech(site: &Site<'_>) -> Outcome {
    if site.fragment {
        return Outcome::Pass;
    }
    let s = site.sentence_of[site.q];
    let opens_sentence = site.q == 0 || site.sentence_of[site.q - 1] != s;
    if !opens_sentence || s == 0 {
        return Outcome::Pass;
    }
    let c = need!(site.cues.iter().filter(|c| c.verb < site.q && !of_a_thing(site, c)).max_by_key(|c| c.verb));
    if site.sentence_of[c.verb] + 1 != s {
        return Outcome::Pass;
    }
    // A quote between the cue and this one may only be a fragment inside the cue's sentence
    // (`said they had been rescued from a "legal no-man's land". "Their rights …"`).
    if site.prev_quote.is_some_and(|p| p > c.verb && site.sentence_of[p] != site.sentence_of[c.verb]) {
        return Outcome::Pass;
    }
    let speaker = need!(c.speaker);
    if site.mentions.iter().any(|&(k, id)| k > c.to && k < site.q && id != speaker) {
        return Outcome::Pass;
    }
    if two_voices_in_sentence(site, c) {
        return Outcome::Pass;
    }
    verdict(site, c, Cue::Paragraph)
}

/// `"…," Mr. Obama said at the gala, where Mrs. Clinton also spoke.`: the sentence holds cues of
/// two speakers, so a quote after it belongs to neither by position alone.
fn two_voices_in_sentence(site: &Site<'_>, c: &CueAt) -> bool {
    let s = site.sentence_of[c.verb];
    site.cues.iter().any(|o| site.sentence_of[o.verb] == s && o.speaker != c.speaker && !of_a_thing(site, o))
}

/// `…, with a passion that almost suggested …`: a cue whose subject is a relative pronoun for a
/// thing (`that`, `which`) reports no one's voice beside the sentence's speaker.
fn of_a_thing(site: &Site<'_>, c: &CueAt) -> bool {
    c.speaker.is_none()
        && c.from < c.verb
        && site.toks[c.from..c.verb]
            .iter()
            .all(|t| t.is_word() && (matches!(t.text, "that" | "which") || super::names::is_adverb(t.text)))
}

/// `Bolton thought the buzz was "artificially nourished"` · `Lewandowski ripped Comey for acting
/// as "the judge and the jury"`: a quotation inside a sentence with no cue, whose subject is a
/// name opening the sentence and whose verb gives that subject's view (thinks, praised,
/// criticized, accused …), is the subject's words. Someone else's words named by a possessive
/// (`praised Obama's "…"`), another quote or a passive between leave it to later sieves.
pub fn quote_in_subjects_view(site: &Site<'_>) -> Outcome {
    let s = site.sentence_of[site.q];
    let opening = (0..site.q).rev().take_while(|&k| site.sentence_of[k] == s).last().unwrap_or(site.q);
    let mid_sentence =
        site.q > opening && (site.toks[site.q - 1].is_word() || site.toks[site.q - 1].kind == Tok::Punct(','));
    if !mid_sentence || site.cues.iter().any(|c| site.sentence_of[c.verb] == s) {
        return Outcome::Pass;
    }
    let opening = after_opening_phrase(site, opening);
    let &(first, speaker) = need!(site.mentions.iter().find(|&&(k, _)| k >= opening && k < site.q));
    // A few words of description may lead the name, nothing else.
    let leads = (opening..first).all(|k| {
        let t = site.toks[k];
        t.is_word()
            && !super::names::is_possessive(t.text)
            && super::names::pronoun(t.text).is_none()
            && t.text.chars().next().is_some_and(char::is_uppercase) == (k == opening)
    });
    if !leads || first - opening > 4 {
        return Outcome::Pass;
    }
    let mut v = first;
    while site.toks.get(v + 1).is_some_and(|t| t.is_word() && super::names::is_name_word(t.text)) {
        v += 1;
    }
    v += 1;
    // (`Ted Nordhaus, co-founder of the Breakthrough Institute, welcomed "…"`: an aside set off
    // by commas, words only, may stand between the name and its verb.)
    v = after_aside(site, v);
    let mut progressive = false;
    while site.toks.get(v).is_some_and(|t| {
        t.is_word()
            && t.text.chars().next().is_some_and(char::is_lowercase)
            && (super::names::is_adverb(t.text) || {
                // (`Cruz is praising Bush as "…"`: a progressive of the verb.)
                let aux = matches!(t.text, "is" | "was" | "been");
                progressive |= aux;
                aux
            })
    }) {
        v += 1;
    }
    let view = |w: &str| {
        super::names::is_view_verb(w) || progressive && w.strip_suffix("ing").is_some_and(super::names::is_view_stem)
    };
    if v >= site.q || !site.toks[v].is_word() || !view(site.toks[v].text) {
        return Outcome::Pass;
    }
    // (Nor a clause of someone else's: `but the campaign rejected it as "…"`, `critics who say
    // he should call them "…"`.)
    let others = (v + 1..site.q).any(|k| {
        let t = site.toks[k];
        t.is_quote()
            || matches!(t.kind, Tok::Punct(';' | ':'))
            || t.is_word()
                && (super::names::is_possessive(t.text) && super::names::is_name_word(t.text)
                    || super::names::is_cue_verb(t.text)
                    || matches!(t.text, "but" | "while" | "although" | "though" | "whereas"))
    });
    if others {
        return Outcome::Pass;
    }
    let span = Span::new(site.toks[first].span.start, site.toks[v].span.end);
    Outcome::Speaker(Verdict { speaker, cue: Cue::Before, cue_span: Some(span) })
}

/// The token after an aside that opens at token `v` (a comma, then words only, up to a closing
/// comma within 24 tokens), or `v` when no such aside opens there.
fn after_aside(site: &Site<'_>, v: usize) -> usize {
    if site.toks.get(v).is_none_or(|t| t.kind != Tok::Punct(',')) {
        return v;
    }
    let s = site.sentence_of[v];
    let close = (v + 1..site.q.min(v + 25)).find(|&k| !site.toks[k].is_word() || site.sentence_of[k] != s);
    match close {
        Some(k)
            if k > v + 1
                && site.toks[k].kind == Tok::Punct(',')
                && site.toks[v + 1..k].iter().all(|t| !super::names::is_cue_verb(t.text)) =>
        {
            k + 1
        }
        _ => v,
    }
}

/// Where the clause starts after a short phrase of place or time that opens the sentence (`In
/// an August speech, Trump attacked "…"`): the word after its comma. The phrase names no one
/// and holds no quotation; otherwise the sentence's first token.
fn after_opening_phrase(site: &Site<'_>, opening: usize) -> usize {
    const OPENERS: &[&str] = &["in", "at", "on", "during", "after", "before", "earlier", "later", "last", "since"];
    let opens = site.toks[opening].is_word() && OPENERS.contains(&fold(site.toks[opening].text).as_str());
    if !opens {
        return opening;
    }
    let Some(comma) = (opening + 1..site.q.min(opening + 9)).find(|&k| site.toks[k].kind == Tok::Punct(',')) else {
        return opening;
    };
    let plain = (opening..comma).all(|k| site.toks[k].is_word())
        && !site.mentions.iter().any(|&(k, _)| k >= opening && k < comma);
    if plain && comma + 1 < site.q {
        comma + 1
    } else {
        opening
    }
}

/// Another sentence of the paragraph has a cue, and every cue of the paragraph names the same
/// speaker (`He noted … "…"`). Two speakers in one paragraph leave the quote to nobody.
pub fn single_speaker_of_paragraph(site: &Site<'_>) -> Outcome {
    if site.fragment {
        return Outcome::Pass;
    }
    let mut with_speaker = site.cues.iter().filter(|c| c.speaker.is_some());
    let first = need!(with_speaker.next());
    if with_speaker.any(|c| c.speaker != first.speaker) {
        return Outcome::Pass;
    }
    if site.cues.iter().any(|c| c.speaker.is_none()) {
        // A cue whose subject we could not resolve (`a spokesman said`) may be the real one.
        return Outcome::Pass;
    }
    let nearest = need!(site.cues.iter().filter(|c| c.verb < site.q).max_by_key(|c| c.verb).or_else(|| site
        .cues
        .iter()
        .filter(|c| c.verb > site.q)
        .min_by_key(|c| c.verb)));
    verdict(site, nearest, Cue::Paragraph)
}

/// A paragraph with no cue of its own, whose quotation opens it or follows narration naming
/// nobody, continues the voice the previous paragraph ended in.
pub fn quote_paragraph_after_speaker(site: &Site<'_>) -> Outcome {
    if site.fragment || !site.cues.is_empty() {
        return Outcome::Pass;
    }
    // The paragraph's opening quote, or a quote opening a sentence after narration that names
    // nobody: with no cue and no one else in between, the last voice goes on.
    let opens_sentence = site.q == 0 || site.sentence_of[site.q - 1] != site.sentence_of[site.q];
    // Someone named before the quote, or after it in its sentence (`"…?" Vitter demanded.`),
    // may be its speaker.
    let named_before = site.mentions.iter().any(|&(k, id)| {
        k < site.q
            || (k == site.q + 1 || site.sentence_of[k] == site.sentence_of[site.q]) && Some(id) != site.previous_voice
    });
    let quotes_before = (0..site.q).any(|k| site.toks[k].is_quote());
    if !opens_sentence
        || named_before
        || quotes_before && site.prev_quote.is_none()
        || mispaired_marks(site)
        || unknown_name_after(site)
    {
        return Outcome::Pass;
    }
    let speaker = need!(site.previous_voice);
    Outcome::Speaker(Verdict { speaker, cue: Cue::Continuation, cue_span: None })
}

/// `"France will always be France," an angry Hollande retaliated.`: a capitalised name in the
/// quote's sentence after it, one the article has not registered (no mention), may be its
/// speaker, so the quote is no voice running on from the paragraph before.
fn unknown_name_after(site: &Site<'_>) -> bool {
    let s = site.sentence_of[site.q];
    (site.q + 1..site.toks.len()).take_while(|&k| site.sentence_of[k] == s).any(|k| {
        let t = site.toks[k];
        t.is_word() && super::names::is_name_word(t.text) && !site.mentions.iter().any(|&(m, _)| m == k)
    })
}

/// `"Trump tried to laugh it off by interjecting, “Only Rosie O’Donnell.”`: a quotation left
/// open when a quotation of the other kind of double mark (straight, curly) opens later in its
/// paragraph was never one (here a stray straight mark opens narration), so what it holds is
/// not a voice running on. (Two straight or two curly marks are a closing mark the text lost:
/// `… yet. "We want …`.)
fn mispaired_marks(site: &Site<'_>) -> bool {
    let text = site.toks[site.q].text;
    let straight = |t: &str| t.starts_with('"');
    let unclosed = !text.trim_end().ends_with(['"', '”']);
    unclosed
        && site.toks[site.q + 1..].iter().find(|t| t.is_quote()).is_some_and(|n| straight(n.text) != straight(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::lexer::{segments, tokens};

    /// Tokens of `t` with its quotes, and the token index of each quote.
    fn toks(t: &str) -> (Vec<Token<'_>>, Vec<usize>) {
        let span = Span::new(0, t.len());
        let segs: Vec<_> = segments(t, span, 0).into_iter().enumerate().collect();
        let toks = tokens(t, span, &segs);
        let qs = (0..toks.len()).filter(|&k| toks[k].is_quote()).collect();
        (toks, qs)
    }

    fn speaker(o: Outcome) -> Option<PersonId> {
        match o {
            Outcome::Speaker(v) => Some(v.speaker),
            _ => None,
        }
    }

    #[test]
    fn an_unresolved_cue_after_the_quote_stops_later_sieves_from_guessing() {
        let t = "Smith spoke. \"We will win,\" a spokesman said.";
        let (tk, qs) = toks(t);
        let cues =
            [CueAt { verb: 1, speaker: Some(2), from: 0, to: 1 }, CueAt { verb: 6, speaker: None, from: 4, to: 6 }];
        let sent = vec![0; tk.len()];
        assert_eq!(decide(&site(&tk, qs[0], &cues, &sent)), (None, Some("cue_after_quote")));
    }

    fn site<'a>(toks: &'a [Token<'a>], q: usize, cues: &'a [CueAt], sentence_of: &'a [usize]) -> Site<'a> {
        Site {
            toks,
            q,
            prev_quote: None,
            cues,
            sentence_of,
            fragment: false,
            opens_paragraph: q == 0,
            colon_cue: None,
            continues_open: None,
            previous_voice: None,
            mentions: &[],
        }
    }

    #[test]
    fn a_cue_right_after_the_quote_decides_first() {
        let t = "\"We will win,\" Smith said.";
        let (tk, qs) = toks(t);
        let cues = [CueAt { verb: 2, speaker: Some(7), from: 1, to: 2 }];
        let sent = vec![0; tk.len()];
        let (v, name) = decide(&site(&tk, qs[0], &cues, &sent));
        let v = v.unwrap();
        assert_eq!((v.speaker, v.cue, name), (7, Cue::After, Some("cue_after_quote")));
        assert_eq!(v.cue_span.unwrap().slice(t), "Smith said");
    }

    #[test]
    fn a_cue_after_a_subordinator_following_the_quote_is_another_clauses_not_the_quotes() {
        let t = "Sims was \"riding the fence\" until Haley said she backed him.";
        let (tk, qs) = toks(t);
        let haley = tk.iter().position(|k| k.text == "Haley").unwrap();
        let cues = [CueAt { verb: haley + 1, speaker: Some(3), from: haley, to: haley + 1 }];
        let sent = vec![0; tk.len()];
        assert_eq!(cue_after_quote(&site(&tk, qs[0], &cues, &sent)), Outcome::Pass);
    }

    #[test]
    fn a_name_nobody_registered_after_the_quote_stops_the_last_voice_running_on() {
        let t = "\"France will always be France,\" an angry Hollande retaliated.";
        let (tk, qs) = toks(t);
        let sent = vec![0; tk.len()];
        let s = Site { previous_voice: Some(4), ..site(&tk, qs[0], &[], &sent) };
        assert_eq!(quote_paragraph_after_speaker(&s), Outcome::Pass);
        let t = "\"France will always be France,\" an angry crowd shouted back.";
        let (tk, qs) = toks(t);
        let sent = vec![0; tk.len()];
        let s = Site { previous_voice: Some(4), ..site(&tk, qs[0], &[], &sent) };
        assert_eq!(speaker(quote_paragraph_after_speaker(&s)), Some(4));
    }

    #[test]
    fn a_cue_before_the_quote_in_its_sentence_decides() {
        let t = "Smith said: \"We will win.\"";
        let (tk, qs) = toks(t);
        let cues = [CueAt { verb: 1, speaker: Some(3), from: 0, to: 1 }];
        let sent = vec![0; tk.len()];
        assert_eq!(speaker(cue_before_quote(&site(&tk, qs[0], &cues, &sent))), Some(3));
    }

    #[test]
    fn two_speakers_in_a_paragraph_leave_an_uncued_quote_to_nobody() {
        let t = "Smith said yes. Jones said no. \"Maybe,\" it went.";
        let (tk, qs) = toks(t);
        let cues =
            [CueAt { verb: 1, speaker: Some(1), from: 0, to: 1 }, CueAt { verb: 5, speaker: Some(2), from: 4, to: 5 }];
        let sent: Vec<usize> = (0..tk.len())
            .map(|k| {
                if k < 4 {
                    0
                } else if k < 8 {
                    1
                } else {
                    2
                }
            })
            .collect();
        assert_eq!(single_speaker_of_paragraph(&site(&tk, qs[0], &cues, &sent)), Outcome::Pass);
    }

    #[test]
    fn a_quote_only_paragraph_continues_the_previous_speaker_but_not_after_narration() {
        let t = "\"We owe them ships.\"";
        let (tk, qs) = toks(t);
        let sent = vec![0; tk.len()];
        let mut s = site(&tk, qs[0], &[], &sent);
        s.previous_voice = Some(4);
        assert_eq!(speaker(quote_paragraph_after_speaker(&s)), Some(4));
        let t2 = "Later: \"We owe them ships.\"";
        let (tk2, qs2) = toks(t2);
        let sent2 = vec![0; tk2.len()];
        let mut s2 = site(&tk2, qs2[0], &[], &sent2);
        s2.previous_voice = Some(4);
        assert_eq!(quote_paragraph_after_speaker(&s2), Outcome::Pass);
    }

    #[test]
    fn a_segment_continuing_an_open_quotation_keeps_its_speaker_unless_it_is_a_fragment() {
        let t = "\"More of the same.\"";
        let (tk, qs) = toks(t);
        let sent = vec![0; tk.len()];
        let mut s = site(&tk, qs[0], &[], &sent);
        s.continues_open = Some(Some(9));
        assert_eq!(speaker(continues_open_quotation(&s)), Some(9));
        s.fragment = true;
        assert_eq!(continues_open_quotation(&s), Outcome::Pass);
        s.fragment = false;
        s.continues_open = Some(None);
        assert_eq!(continues_open_quotation(&s), Outcome::Nobody);
    }

    #[test]
    fn a_name_opening_the_sentence_before_a_colon_speaks_the_quote_after_it() {
        let t = "Johnson shrugged: \"We will be back next year.\"";
        let (tk, qs) = toks(t);
        let sent = vec![0; tk.len()];
        let mentions = [(0, 6)];
        let s = Site { mentions: &mentions, ..site(&tk, qs[0], &[], &sent) };
        assert_eq!(speaker(subject_before_colon(&s)), Some(6));
        let (v, name) = decide(&s);
        assert_eq!((v.unwrap().cue_span.unwrap().slice(t), name), ("Johnson shrugged:", Some("subject_before_colon")));
    }

    #[test]
    fn a_name_after_a_dash_before_a_colon_speaks_the_quote_after_it() {
        // Dana Whitfield (speaker 6) named where `t` puts her, before a colon and a quotation.
        let decided = |t: &str| {
            let (tk, qs) = toks(t);
            let sent = vec![0; tk.len()];
            let mentions = [(tk.iter().position(|k| k.text == "Dana").unwrap(), 6)];
            subject_before_colon(&Site { mentions: &mentions, ..site(&tk, qs[0], &[], &sent) })
        };
        assert_eq!(
            speaker(decided("Turnout fell in every county - Dana Whitfield: \"Nobody expected the rain.\"")),
            Some(6)
        );
        // Without the dash the name is deep inside someone else's clause.
        assert_eq!(
            decided("Turnout fell in every county for Dana Whitfield: \"Nobody expected the rain.\""),
            Outcome::Pass
        );
    }

    #[test]
    fn a_colon_after_a_passive_or_a_second_name_names_no_speaker() {
        let t = "Garcia was asked by Lee: \"Will you run again?\"";
        let (tk, qs) = toks(t);
        let sent = vec![0; tk.len()];
        let mentions = [(0, 6)];
        assert_eq!(subject_before_colon(&Site { mentions: &mentions, ..site(&tk, qs[0], &[], &sent) }), Outcome::Pass);
        let t2 = "Garcia turned to Lee: \"Will you run again?\"";
        let (tk2, qs2) = toks(t2);
        let sent2 = vec![0; tk2.len()];
        let mentions2 = [(0, 6), (3, 7)];
        let s2 = Site { mentions: &mentions2, ..site(&tk2, qs2[0], &[], &sent2) };
        assert_eq!(subject_before_colon(&s2), Outcome::Pass);
        let t3 = "The memo from Garcia: \"Nobody leaves early.\"";
        let (tk3, qs3) = toks(t3);
        let sent3 = vec![0; tk3.len()];
        let mentions3 = [(3, 6)];
        let s3 = Site { mentions: &mentions3, ..site(&tk3, qs3[0], &[], &sent3) };
        assert_eq!(subject_before_colon(&s3), Outcome::Pass, "a preposition leads the name: not the subject");
    }

    #[test]
    fn the_colon_cue_of_the_previous_paragraph_opens_this_one() {
        let t = "\"The government will look closely.\"";
        let (tk, qs) = toks(t);
        let sent = vec![0; tk.len()];
        let mut s = site(&tk, qs[0], &[], &sent);
        s.colon_cue = Some((5, Span::new(0, 3)));
        assert_eq!(speaker(colon_cue_in_previous_paragraph(&s)), Some(5));
        s.opens_paragraph = false;
        assert_eq!(colon_cue_in_previous_paragraph(&s), Outcome::Pass);
    }

    #[test]
    fn a_quotation_left_open_before_another_in_its_paragraph_continues_no_voice() {
        // The first quotation of `t`, after a paragraph in speaker 4's voice: what the sieve
        // decides, and whether its marks are mis-paired.
        let after_voice = |t: &str| {
            let (tk, qs) = toks(t);
            let sent = vec![0; tk.len()];
            let s = Site { previous_voice: Some(4), ..site(&tk, qs[0], &[], &sent) };
            (quote_paragraph_after_speaker(&s), mispaired_marks(&s))
        };
        let (decided, _) =
            after_voice("\"Fisk tried to laugh it off, \u{201c}Only the weather.\u{201d} But Kelton went on.");
        assert_eq!(decided, Outcome::Pass);
        // Two straight marks: a closing mark the text lost, the voice runs on.
        let (_, mispaired) = after_voice("\"We owe them ships. \"We will pay,\" he said.");
        assert!(!mispaired);
        let (decided, _) = after_voice("\u{201c}We owe them ships.\u{201d}");
        assert_eq!(speaker(decided), Some(4));
    }

    #[test]
    fn a_pronoun_subject_the_walk_resolved_speaks_the_quotation_after_its_verb_of_view() {
        let t = "He praised the plan as \"a gift to the town.\"";
        let (tk, qs) = toks(t);
        let sent = vec![0; tk.len()];
        let mentions = [(0, 6)];
        let s = Site { mentions: &mentions, ..site(&tk, qs[0], &[], &sent) };
        assert_eq!(speaker(quote_in_subjects_view(&s)), Some(6));
        // Without the walk's reading of `He`, nobody.
        assert_eq!(quote_in_subjects_view(&site(&tk, qs[0], &[], &sent)), Outcome::Pass);
    }
}
