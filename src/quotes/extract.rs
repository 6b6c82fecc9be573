//! The two passes of extraction. Pass one registers people from strong evidence only (a name
//! of two words or more in a speaker slot, after a title, before an apposition, in a transcript
//! label, a section marker or the byline). Pass two walks each article in order, resolving
//! surnames and pronouns against what came before, and attributes every quoted segment.

use std::sync::LazyLock;

use regex::Regex;

use super::lexer::{segments, tokens, Segment, Tok, Token};
use super::names::{self, is_adverb, is_cue_verb, is_invertible, is_name_word, pronoun, NameRun, Pronoun};
use super::people::{title_case, People, PersonId};
use super::{Cue, Extraction, Passage, Quote, Voice};
use crate::corpus::{Article, Corpus, ParaKind, Paragraph};
use crate::text::{fold, Span};

/// `MAYNES:`, `JOHN RUWITCH, BYLINE:`, `MARIA REPNIKOVA:` at the start of a paragraph.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})(?:, ?([A-Z][A-Z ]{1,20}))?:\s+").unwrap()
});

/// Words that may open an apposition describing a person (`Gabuev, director of …`).
const APPOSITION_OPENERS: &[&str] = &[
    "a",
    "an",
    "the",
    "who",
    "director",
    "senior",
    "head",
    "chief",
    "former",
    "professor",
    "editor",
    "correspondent",
    "expert",
    "analyst",
    "scholar",
    "fellow",
    "spokesman",
    "spokeswoman",
    "author",
    "founder",
    "deputy",
    "president",
    "chairman",
    "researcher",
    "associate",
    "assistant",
    "host",
    "now",
    "also",
    "based",
];

pub fn extract(corpus: &Corpus) -> Extraction {
    let mut people = People::default();
    for a in &corpus.articles {
        register(a, &mut people);
    }
    let mut ex = Extraction { people, quotes: Vec::new(), passages: Vec::new() };
    for a in &corpus.articles {
        attribute(a, &mut ex);
    }
    // Fragments of one sentence by the same speaker (`blaming the "West" for the "conflict"`)
    // show the same text: one quote with all their parts.
    let mut merged: Vec<Quote> = Vec::with_capacity(ex.quotes.len());
    for q in std::mem::take(&mut ex.quotes) {
        match merged.iter_mut().find(|m| m.article == q.article && m.span == q.span && m.speaker == q.speaker) {
            Some(m) => m.parts.extend(q.parts),
            None => merged.push(q),
        }
    }
    ex.quotes = merged;
    ex
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

/// Evidence that a run of two or more name words is a person.
fn looks_like_person(toks: &[Token<'_>], run: &NameRun) -> bool {
    if run.words.len() < 2 {
        return false;
    }
    let titled = !run.descriptor.is_empty()
        || (run.first > 0 && toks[run.first - 1].is_word() && names::is_title(toks[run.first - 1].text));
    let after = toks.get(run.last + 1);
    let apposition = after.is_some_and(|t| t.kind == Tok::Punct(','))
        && toks.get(run.last + 2).is_some_and(|t| t.is_word() && APPOSITION_OPENERS.contains(&fold(t.text).as_str()));
    let is_a = after.is_some_and(|t| t.is_word() && matches!(t.text, "is" | "was"))
        && toks.get(run.last + 2).is_some_and(|t| t.is_word() && matches!(t.text, "a" | "an" | "now"));
    let mut k = run.last + 1;
    while k < toks.len() && toks[k].is_word() && is_adverb(toks[k].text) {
        k += 1;
    }
    let subject = toks.get(k).is_some_and(|t| t.is_word() && is_cue_verb(t.text));
    let inverted = run.first > 0
        && toks[run.first - 1].is_word()
        && is_invertible(toks[run.first - 1].text)
        && run.first >= 2
        && matches!(toks[run.first - 2].kind, Tok::Quote(_) | Tok::Punct(','));
    titled || apposition || is_a || subject || inverted
}

/// Pass one: people from bylines, section markers, transcript labels and strong text evidence.
fn register(article: &Article, people: &mut People) {
    for a in &article.meta.authors {
        people.add(&words_of(a));
    }
    let transcript = is_transcript(article);
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
        for i in 0..toks.len() {
            if !starts_run(&toks, i) {
                continue;
            }
            if let Some(run) = run_at(&toks, i) {
                if looks_like_person(&toks, &run) {
                    people.add(&run.words);
                }
            }
        }
    }
}

/// Per-article memory for resolving surnames and pronouns.
#[derive(Debug, Default)]
struct State {
    last_cue: Option<PersonId>,
    last_mention: Option<PersonId>,
    /// People named so far in the article, most recent last.
    recent: Vec<PersonId>,
    prev_paragraph_speaker: Option<PersonId>,
    /// A quote left open at the end of the previous paragraph (index into `ex.quotes`).
    open_quote: Option<usize>,
}

impl State {
    fn mention(&mut self, id: PersonId, possessive: bool) {
        if !possessive {
            self.last_mention = Some(id);
        }
        self.recent.retain(|&r| r != id);
        self.recent.push(id);
    }

    /// Picks among candidates for a surname: the one named most recently in this article,
    /// else the only candidate.
    fn choose(&self, cands: &[PersonId]) -> Option<PersonId> {
        if let Some(r) = self.recent.iter().rev().find(|r| cands.contains(r)) {
            return Some(*r);
        }
        (cands.len() == 1).then(|| cands[0])
    }
}

#[derive(Debug, Clone, Copy)]
struct CueAt {
    verb: usize,
    speaker: Option<PersonId>,
    /// First token index of the cue phrase (subject or verb).
    from: usize,
}

/// Pass two for one article.
fn attribute(article: &Article, ex: &mut Extraction) {
    let transcript = is_transcript(article);
    let mut state = State::default();
    let text = &article.text;

    // The transcript's host speaks the unlabelled opening; it is the labelled speaker who is
    // not introduced in that opening (the host introduces the others).
    let host = transcript.then(|| transcript_host(article, &ex.people)).flatten();
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
        let span = content_span(article, p, transcript);
        if transcript {
            match label(article, p) {
                Some((name, _)) => turn = ex.people.candidates(&words_of(&title_case(&name))).first().copied(),
                None if turn.is_none() => turn = host,
                None => {}
            }
            if let Some(t) = turn {
                state.mention(t, false);
            }
        }
        let segs: Vec<(usize, Segment)> = segments(text, span, p.index).into_iter().enumerate().collect();
        let toks = tokens(text, span, &segs);
        let sentence_of = sentence_ids(text, &toks);

        // Walk the tokens in order: mentions and cues, resolving against what came before.
        let mut cues: Vec<CueAt> = Vec::new();
        let mut sentence_mentions: Vec<(usize, usize, PersonId)> = Vec::new(); // (sentence, token, id)
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            // `according to Kovacs, "…"`: a cue without a verb.
            if t.is_word() && fold(t.text) == "according" && toks.get(i + 1).is_some_and(|n| n.text == "to") {
                if let Some(run) = names::run_forward(&toks, i + 2) {
                    let speaker = if run.possessive { None } else { state.choose(&ex.people.candidates(&run.words)) };
                    if let Some(s) = speaker {
                        state.last_cue = Some(s);
                        state.mention(s, false);
                        cues.push(CueAt { verb: i, speaker: Some(s), from: i });
                    }
                }
            }
            if t.is_word() && is_cue_verb(t.text) {
                if let Some(c) = cue_at(&toks, i, &sentence_of, &sentence_mentions, &state, &ex.people) {
                    if let Some(s) = c.speaker {
                        state.last_cue = Some(s);
                        state.mention(s, false);
                    }
                    cues.push(c);
                }
            }
            if starts_run(&toks, i) {
                if let Some(run) = run_at(&toks, i) {
                    if let Some(id) = state.choose(&ex.people.candidates(&run.words)) {
                        state.mention(id, run.possessive);
                        if !run.possessive {
                            sentence_mentions.push((sentence_of[i], i, id));
                        }
                        describe_from_context(article, &toks, &run, id, &mut ex.people, p);
                        i = run.last + 1;
                        continue;
                    }
                }
            }
            if t.is_word() && matches!(pronoun(t.text), Some(Pronoun::He | Pronoun::She)) {
                // "He is now at the Brookings Institution": a descriptor of the last speaker.
                if toks.get(i + 1).is_some_and(|n| n.text == "is" || n.text == "was")
                    && (i == 0 || sentence_of[i - 1] != sentence_of[i])
                {
                    if let Some(id) = state.last_cue {
                        let run = NameRun { words: vec![], first: i, last: i, descriptor: vec![], possessive: false };
                        describe_from_context(article, &toks, &run, id, &mut ex.people, p);
                    }
                }
            }
            i += 1;
        }

        // Attribute each quoted segment.
        let quote_toks: Vec<usize> = (0..toks.len()).filter(|&k| toks[k].is_quote()).collect();
        let mut found: Vec<(usize, Option<PersonId>, Cue)> = Vec::new();
        for (n, &q) in quote_toks.iter().enumerate() {
            let prev_quote = n.checked_sub(1).map(|m| quote_toks[m]);
            let Tok::Quote(seg) = toks[q].kind else { unreachable!() };
            let fragment = is_fragment(text, span, &segs[seg].1);
            // A quote opening the paragraph may continue the previous paragraph's speaker.
            let continues = if n == 0 && q == 0 { state.prev_paragraph_speaker } else { None };
            let (speaker, how) = speaker_for(&toks, q, prev_quote, &cues, &sentence_of, continues, fragment);
            found.push((q, speaker, how));
        }
        let mut last_speaker = None;
        let first_quote_at = (!found.is_empty()).then_some(ex.quotes.len());
        let mut last_quote_at = ex.quotes.len();
        let mut k = 0;
        while k < found.len() {
            // Merge consecutive segments by the same speaker joined by a short cue.
            let (q0, speaker, how) = found[k];
            let mut end = k;
            while speaker.is_some()
                && end + 1 < found.len()
                && found[end + 1].1 == speaker
                && toks[found[end + 1].0].span.start - toks[found[end].0].span.end < 90
            {
                end += 1;
            }
            let Tok::Quote(first_seg) = toks[q0].kind else { unreachable!() };
            let Tok::Quote(last_seg) = toks[found[end].0].kind else { unreachable!() };
            let parts: Vec<Span> = (first_seg..=last_seg).map(|s| trim_inner(text, segs[s].1.inner)).collect();
            let first = segs[first_seg].1;
            let fragment = first_seg == last_seg && is_fragment(text, span, &first);
            let embedded = first_seg == last_seg && is_embedded(text, span, &first);
            let shown = if fragment || embedded {
                sentence_containing(text, &toks, &sentence_of, q0).unwrap_or(parts[0])
            } else if first_seg == last_seg {
                parts[0]
            } else {
                Span::new(first.outer.start, segs[last_seg].1.outer.end)
            };
            last_quote_at = ex.quotes.len();
            ex.quotes.push(Quote {
                article: article.id.clone(),
                paragraph: p.index,
                span: shown,
                parts,
                speaker,
                cue: how,
                fragment,
            });
            if speaker.is_some() {
                last_speaker = speaker;
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
                });
            }
        }

        // Sentences as passages, each in its voice.
        for s in &p.sentences {
            let s = Span::new(s.start.max(span.start), s.end);
            if s.is_empty() || text[s.start..s.end].trim().is_empty() {
                continue;
            }
            if text[s.start..s.end].split_whitespace().count() < 3 {
                continue;
            }
            // A sentence inside someone's quotation is in their voice, not the section's.
            let inside = ex
                .quotes
                .iter()
                .rev()
                .take_while(|q| q.article == article.id && q.paragraph == p.index)
                .find(|q| q.cue != Cue::Turn && !q.fragment && q.parts.iter().any(|part| part.overlaps(s)));
            if let Some(q) = inside {
                let voice = q.speaker.map_or(Voice::Unattributed, Voice::Quoted);
                ex.passages.push(Passage {
                    article: article.id.clone(),
                    paragraph: p.index,
                    span: trim_span(text, s),
                    voice,
                });
                continue;
            }
            let reported =
                cues.iter().find(|c| c.speaker.is_some() && s.contains(toks[c.verb].span)).and_then(|c| c.speaker);
            let voice = match (reported, turn.filter(|_| transcript), section) {
                (Some(r), _, _) => Voice::Reported(r),
                (None, Some(t), _) => Voice::Turn(t),
                (None, None, Some(a)) => Voice::Section(a),
                _ => Voice::Narration,
            };
            ex.passages.push(Passage {
                article: article.id.clone(),
                paragraph: p.index,
                span: trim_span(text, s),
                voice,
            });
        }

        // A quote left open at the end of the previous paragraph runs on into this one when
        // this one opens with a quote mark: it shares that quote's speaker.
        if let Some(open_idx) = state.open_quote.take() {
            let first = first_quote_at.filter(|_| toks.first().is_some_and(|t| t.is_quote()));
            if let Some(k) = first {
                if ex.quotes[open_idx].speaker.is_none() {
                    ex.quotes[open_idx].speaker = ex.quotes[k].speaker;
                    ex.quotes[open_idx].cue = Cue::Continuation;
                }
            }
        }
        if segs.last().is_some_and(|(_, s)| !s.closed) && !found.is_empty() {
            state.open_quote = Some(last_quote_at);
        }
        state.prev_paragraph_speaker = if found.is_empty() { None } else { last_speaker };
    }
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
            if !next_is_cue {
                n += 1;
            }
        }
    }
    out
}

/// The speaker of the cue whose verb is token `v`, if the verb has a subject that resolves
/// to one person.
fn cue_at(
    toks: &[Token<'_>],
    v: usize,
    sentence_of: &[usize],
    sentence_mentions: &[(usize, usize, PersonId)],
    state: &State,
    people: &People,
) -> Option<CueAt> {
    let sentence = sentence_of[v];
    let resolve_pronoun = |pr: Pronoun, at: usize| -> Option<PersonId> {
        if pr == Pronoun::Other {
            return None;
        }
        if let Some((_, _, id)) = sentence_mentions.iter().rev().find(|(s, k, _)| *s == sentence && *k < at) {
            return Some(*id);
        }
        state.last_cue.or(state.last_mention)
    };
    let resolve_run = |run: &NameRun| -> Option<PersonId> {
        if run.possessive {
            return None;
        }
        state.choose(&people.candidates(&run.words))
    };

    // Subject before the verb: `Blinken just yesterday said`, `Shen Dingli, a scholar, said`.
    let mut k = v;
    while k > 0 && toks[k - 1].is_word() && is_adverb(toks[k - 1].text) && sentence_of[k - 1] == sentence {
        k -= 1;
    }
    if k > 0 && sentence_of[k - 1] == sentence {
        let s = k - 1;
        let t = toks[s];
        if t.is_word() {
            if let Some(pr) = pronoun(t.text) {
                return Some(CueAt { verb: v, speaker: resolve_pronoun(pr, s), from: s });
            }
            if is_name_word(t.text) {
                if let Some(run) = names::run_backward(toks, s) {
                    let coordinated = run.first > 0
                        && toks[run.first - 1].is_word()
                        && matches!(toks[run.first - 1].text, "and" | "or" | "&");
                    if !coordinated {
                        if let Some(id) = resolve_run(&run) {
                            return Some(CueAt { verb: v, speaker: Some(id), from: run.first });
                        }
                    }
                }
            }
        } else if t.kind == Tok::Punct(',') {
            // An apposition between commas: `Shen Dingli, a … relations, said`.
            let mut j = s;
            let mut steps = 0;
            while j > 0 && steps < 25 && sentence_of[j - 1] == sentence {
                j -= 1;
                steps += 1;
                if toks[j].kind == Tok::Punct(',') {
                    let opener = toks
                        .get(j + 1)
                        .is_some_and(|o| o.is_word() && APPOSITION_OPENERS.contains(&fold(o.text).as_str()));
                    if opener && j > 0 && toks[j - 1].is_word() && is_name_word(toks[j - 1].text) {
                        if let Some(run) = names::run_backward(toks, j - 1) {
                            if let Some(id) = resolve_run(&run) {
                                return Some(CueAt { verb: v, speaker: Some(id), from: run.first });
                            }
                        }
                    }
                    break;
                }
                if toks[j].is_quote() {
                    break;
                }
            }
        }
    }

    // Inverted after a quote or a comma: `"…," said Ryan Hass` / `…, said Wan Qingsong`.
    if is_invertible(toks[v].text) && v > 0 && matches!(toks[v - 1].kind, Tok::Quote(_) | Tok::Punct(',')) {
        if let Some(n) = toks.get(v + 1) {
            if n.is_word() {
                if let Some(pr) = pronoun(n.text) {
                    return Some(CueAt { verb: v, speaker: resolve_pronoun(pr, v + 1), from: v });
                }
            }
        }
        if let Some(run) = names::run_forward(toks, v + 1) {
            if let Some(id) = resolve_run(&run) {
                return Some(CueAt { verb: v, speaker: Some(id), from: v });
            }
        }
    }
    // `according to X`
    None
}

/// Finds the speaker of the quote token `q`.
fn speaker_for(
    toks: &[Token<'_>],
    q: usize,
    prev_quote: Option<usize>,
    cues: &[CueAt],
    sentence_of: &[usize],
    continues: Option<PersonId>,
    fragment: bool,
) -> (Option<PersonId>, Cue) {
    // After: the cue phrase starts right after the quote (a comma may stand between).
    let mut a = q + 1;
    if toks.get(a).is_some_and(|t| t.kind == Tok::Punct(',')) {
        a += 1;
    }
    if let Some(c) = cues.iter().find(|c| c.from == a && c.speaker.is_some()) {
        return (c.speaker, Cue::After);
    }
    // Before: a cue between the previous quote (or the sentence start) and this one.
    let lo = prev_quote.map_or(0, |p| p + 1);
    let before = cues
        .iter()
        .filter(|c| c.speaker.is_some() && c.verb >= lo && c.verb < q && sentence_of[c.verb] == sentence_of[q])
        .min_by_key(|c| c.verb);
    if let Some(c) = before {
        return (c.speaker, Cue::Before);
    }
    // A fragment belongs to the sentence it stands in: with no cue there it is nobody's.
    if fragment {
        return (None, Cue::None);
    }
    // Between the previous quote and this one across a sentence break, the cue of the
    // previous quote counts too: `"…," said Xi. "…"`.
    if let Some(p) = prev_quote {
        if let Some(c) = cues.iter().find(|c| c.speaker.is_some() && c.verb > p && c.verb < q) {
            return (c.speaker, Cue::Paragraph);
        }
    }
    // Paragraph: the nearest other cue of the paragraph, before this quote first.
    let para = cues
        .iter()
        .filter(|c| c.speaker.is_some() && c.verb < q)
        .max_by_key(|c| c.verb)
        .or_else(|| cues.iter().filter(|c| c.speaker.is_some() && c.verb > q).min_by_key(|c| c.verb));
    if let Some(c) = para {
        return (c.speaker, Cue::Paragraph);
    }
    if let Some(s) = continues {
        return (Some(s), Cue::Continuation);
    }
    (None, Cue::None)
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
    let after = run.last + 1;
    let start = match (toks.get(after), toks.get(after + 1)) {
        (Some(c), Some(o))
            if c.kind == Tok::Punct(',')
                && o.is_word()
                && APPOSITION_OPENERS.contains(&fold(o.text).as_str())
                && (o.text != "who" || toks.get(after + 2).is_some_and(|v| matches!(v.text, "is" | "was"))) =>
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
