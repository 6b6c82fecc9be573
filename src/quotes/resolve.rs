//! Who a reporting cue's subject is. An article is read in order with a small discourse memory
//! (who was named, who spoke, which organisation came up, in which paragraph), and a cue's
//! subject — a name, an honorific and family name, a pronoun, `the bank`, `a spokeswoman for
//! the campaign` — is resolved against it. Resolution refuses rather than guesses: a pronoun
//! whose gender fits nobody recent, a name inside a prepositional phrase (`lawyers for Smith`)
//! or a coordinated subject (`Smith and Jones said`) resolves to nobody.

use super::lexer::{according_to_at, word_is, Tok, Token};
use super::names::{self, is_adverb, is_cue_verb, is_invertible, is_name_word, pronoun, NameRun, Pronoun};
use super::people::{Gender, Kind, People, PersonId};
use super::sieves::CueAt;
use crate::text::fold;

/// How many body paragraphs back a pronoun may reach for its antecedent.
const PRONOUN_REACH: usize = 3;

/// Words that may open an apposition describing a person (`Gabuev, director of …`).
pub const APPOSITION_OPENERS: &[&str] = &[
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
    "chairwoman",
    "chair",
    "researcher",
    "associate",
    "assistant",
    "host",
    "now",
    "also",
    "based",
    "father",
    "mother",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "leader",
    "secretary",
    "minister",
    "manager",
    "owner",
    "lawyer",
    "mp",
    "whose",
    "aged",
    "one",
    "star",
    "co-founder",
    "member",
    "partner",
    "strategist",
    "consultant",
    "pollster",
    "activist",
    "attorney",
    "adviser",
    "advisor",
    "aide",
    "resident",
    "veteran",
    "executive",
    "commentator",
    "columnist",
    "reporter",
    "actor",
    "actress",
    "singer",
    "comedian",
    "anchor",
    "organizer",
    "economist",
    "historian",
    "ceo",
    "pastor",
    "rabbi",
    "coach",
    "physician",
    "lawmaker",
    "treasurer",
    "writer",
    "producer",
];

const SPOKES: &[&str] = &["spokesman", "spokeswoman", "spokesperson", "representative", "statement"];

/// Prepositions that make the name after them something other than the subject.
const PREPOSITIONS: &[&str] =
    &["for", "of", "to", "by", "with", "from", "at", "against", "about", "on", "behind", "like"];

/// A speaker named at some point of the article.
#[derive(Debug, Clone, Copy)]
struct Mention {
    id: PersonId,
    /// Body paragraph number.
    para: usize,
    /// Sentence subjects and cue speakers are what a later pronoun most likely means.
    salient: bool,
    /// Position in the article's sequence of mentions.
    order: usize,
}

/// Per-article discourse memory.
#[derive(Debug, Default)]
pub struct Discourse {
    /// Mentions in order, most recent last (one entry per speaker: a new mention moves it).
    mentions: Vec<Mention>,
    /// The current body paragraph number.
    pub para: usize,
    order: usize,
    /// The latest cue whose subject was a person we cannot name (`a spokesman said`, `the
    /// lawyer told`): (paragraph, order). A `he` after it most likely means that person.
    nominal: Option<(usize, usize)>,
    /// People the article names in full anywhere, or by a one-word name of its own (`Mr.
    /// Obama` when it never writes `Barack Obama`): what a surname means in this article
    /// before its first mention.
    pub known: Vec<PersonId>,
    /// People this article calls `Sir …` or `Dame …`: a plain `Mr Blair` is someone else.
    pub knighted: Vec<PersonId>,
    /// Speakers in the order the article first named them (a later mention never moves one):
    /// who the article has established as the bearer of a family name.
    introduced: Vec<PersonId>,
}

impl Discourse {
    /// The candidates a name run may mean here: `Mr`, `Mrs`, `Ms` or `Miss` never names one
    /// the article knights (`Sir Ian Blair` … `Mr Blair insisted` is Tony Blair), and `Sir` or
    /// `Dame` names a knight if the article has one who fits.
    pub fn run_candidates(&self, people: &People, run: &NameRun) -> Vec<PersonId> {
        let mut cands = run_candidates(people, run);
        match run.honorific.as_deref().map(fold).as_deref() {
            Some("mr" | "mr." | "mrs" | "mrs." | "ms" | "ms." | "miss") => {
                cands.retain(|id| !self.knighted.contains(id))
            }
            // `Sir John` after `Sir John Stevens` and `John Prescott`: the knight.
            Some("sir" | "dame") if cands.iter().any(|id| self.knighted.contains(id)) => {
                cands.retain(|id| self.knighted.contains(id))
            }
            _ => {}
        }
        cands
    }

    /// Remembers that the article calls `id` by a knight's or dame's title, if `run` does.
    pub fn note_title(&mut self, run: &NameRun, id: PersonId) {
        let knighted = matches!(run.honorific.as_deref().map(fold).as_deref(), Some("sir" | "dame"));
        if knighted && !self.knighted.contains(&id) {
            self.knighted.push(id);
        }
    }

    pub fn mention(&mut self, id: PersonId, salient: bool) {
        self.introduce(id);
        let was_salient = self.mentions.iter().any(|m| m.id == id && m.salient && m.para == self.para);
        self.mentions.retain(|m| m.id != id);
        self.order += 1;
        self.mentions.push(Mention { id, para: self.para, salient: salient || was_salient, order: self.order });
    }

    /// Where the discourse stands: a later [`Discourse::mention_at`] can place a mention here.
    pub fn position(&self) -> usize {
        self.order
    }

    /// A speaker mentioned at an earlier `position` of the paragraph: a quote is decided after
    /// the walk that read the paragraph's names and cues, and its speaker stands where the
    /// quote does, not after the names that follow it (`Kemp responded: "…". Mr Howard said …`
    /// leaves Howard the latest). A mention of the same speaker after it is kept, made salient.
    pub fn mention_at(&mut self, id: PersonId, position: usize) {
        self.introduce(id);
        if let Some(later) = self.mentions.iter_mut().find(|m| m.id == id && m.order > position) {
            later.salient |= later.para == self.para;
            return;
        }
        self.mentions.retain(|m| m.id != id);
        let at = self.mentions.partition_point(|m| m.order <= position);
        self.mentions.insert(at, Mention { id, para: self.para, salient: true, order: position });
    }

    fn introduce(&mut self, id: PersonId) {
        if !self.introduced.contains(&id) {
            self.introduced.push(id);
        }
    }

    /// A cue's subject was a person the text does not name (`a spokesman said`): a later `he`
    /// may mean them. Only a subject whose head is a noun for a person counts (see
    /// [`head_names_a_person`]): `in states`, `who said`, `five states`, `to put` do not.
    pub fn nominal_speaker(&mut self, subject: &[Token<'_>]) {
        if !head_names_a_person(subject) {
            return;
        }
        self.order += 1;
        self.nominal = Some((self.para, self.order));
    }

    /// Picks the speaker a cue's name `words` means: as [`Discourse::choose_latest`], but a
    /// family name alone is the person the article introduced first with it, when it has named
    /// several (see [`Discourse::bearer_of_family_name`]), unless the latest of them is a
    /// subject of this paragraph.
    pub fn choose(&self, people: &People, cands: &[PersonId], words: &[String]) -> Option<PersonId> {
        let surname = words.last()?;
        let latest = self.mentions.iter().rev().find(|m| cands.contains(&m.id));
        if let ([_], false) = (words, latest.is_some_and(|m| self.subject_of_this_paragraph(m))) {
            if let Some(id) = self.bearer_of_family_name(people, cands, surname) {
                return Some(id);
            }
        }
        self.choose_latest(people, cands, surname)
    }

    /// Picks among candidates for a name ending in `surname`: the one named most recently in
    /// this article, else the only one the article names at all, else the only candidate the
    /// corpus knows.
    pub fn choose_latest(&self, people: &People, cands: &[PersonId], surname: &str) -> Option<PersonId> {
        if let Some(m) = self.mentions.iter().rev().find(|m| cands.contains(&m.id)) {
            return Some(m.id);
        }
        // Someone the article itself names (later, or by its own one-word form).
        let mut of_article = cands.iter().copied().filter(|id| self.known.contains(id));
        if let Some(id) = of_article.next() {
            return of_article.next().is_none().then_some(id);
        }
        // The only candidate in the corpus, by family name (`Sanders`, not `United` for a
        // `United Technologies`), unless it is another article's one-word name.
        let sole = |p: &super::people::Person| !p.is_local_form() && p.surname() == fold(surname);
        (cands.len() == 1 && sole(people.get(cands[0]))).then(|| cands[0])
    }

    /// A family name alone (`Trump said`) when the article has named several people by it so
    /// far (`Donald Trump` … `Ivanka Trump`): the first of them. News establishes the bearer of
    /// a family name with the first full name and calls a relative or namesake introduced later
    /// by her own full or given name, so the latest named is no guide. An honorific that fits
    /// one only (`Mrs Clinton`) has already left the others out of `cands`; a knight's title
    /// likewise. `None` when fewer than two candidates named so far bear the name, or when the
    /// first one's name does not open with a given name we know: capitals before a family name
    /// may be a description (`Republican Donor Adelson`, `Oscar-winner Sarandon`), no one else.
    fn bearer_of_family_name(&self, people: &People, cands: &[PersonId], word: &str) -> Option<PersonId> {
        let word = fold(word);
        let bears = |id: &&PersonId| {
            let p = people.get(**id);
            p.kind == Kind::Person && p.words.len() > 1 && p.surname() == word && cands.contains(id)
        };
        let mut bearers = self.introduced.iter().filter(bears);
        let first = *bearers.next()?;
        let given = names::gender_of_word(&people.get(first).words[0]).is_some();
        (given && bearers.next().is_some()).then_some(first)
    }

    /// Whether `m` is a subject or a speaker of the paragraph being read: a family name alone
    /// right after it means that person (`Hillary Clinton rebuffed a heckler. "…," Clinton
    /// told her`), whoever the article introduced first with the name.
    fn subject_of_this_paragraph(&self, m: &Mention) -> bool {
        m.salient && m.para == self.para
    }

    /// [`Discourse::choose`] among the people this article names only, never by the corpus.
    pub fn choose_in_article(&self, people: &People, cands: &[PersonId], words: &[String]) -> Option<PersonId> {
        let ours: Vec<PersonId> = cands
            .iter()
            .copied()
            .filter(|id| self.known.contains(id) || self.mentions.iter().any(|m| m.id == *id))
            .collect();
        if ours.is_empty() {
            return None;
        }
        self.choose(people, &ours, words)
    }

    /// `he`/`she`/`it`: an earlier speaker of the same sentence that fits, else the latest
    /// salient one (a cue's speaker or a sentence subject) that fits within a few paragraphs,
    /// else the latest that fits in this paragraph. `they`, `we`, `I`, `you` are nobody.
    pub fn resolve_pronoun(&self, people: &People, pr: Pronoun, same_sentence: &[PersonId]) -> Option<PersonId> {
        self.resolve_pronoun_except(people, pr, same_sentence, &[])
    }

    /// [`Discourse::resolve_pronoun`], never to one of `except`.
    pub fn resolve_pronoun_except(
        &self,
        people: &People,
        pr: Pronoun,
        same_sentence: &[PersonId],
        except: &[PersonId],
    ) -> Option<PersonId> {
        let fits = |id: PersonId| {
            let p = people.get(id);
            if except.contains(&id) {
                return false;
            }
            match pr {
                Pronoun::He => p.kind == Kind::Person && p.gender != Some(Gender::Female),
                Pronoun::She => p.kind == Kind::Person && p.gender != Some(Gender::Male),
                Pronoun::It => p.kind == Kind::Organisation,
                Pronoun::Other => false,
            }
        };
        if pr == Pronoun::Other {
            return None;
        }
        if let Some(&id) = same_sentence.iter().rev().find(|&&id| fits(id)) {
            return Some(id);
        }
        let reach = if pr == Pronoun::It { 1 } else { PRONOUN_REACH };
        let recent = |m: &&Mention| self.para.saturating_sub(m.para) <= reach;
        let found = self
            .mentions
            .iter()
            .rev()
            .filter(recent)
            .find(|m| m.salient && fits(m.id))
            .or_else(|| self.mentions.iter().rev().filter(|m| m.para == self.para).find(|m| fits(m.id)));
        // An unnamed speaker (`a spokesman`) came after the best candidate: `he` is likely them.
        let nominal_after = |order: usize| {
            pr != Pronoun::It
                && self.nominal.is_some_and(|(para, o)| o > order && self.para.saturating_sub(para) <= reach)
        };
        // A paragraph after the best candidate's names someone else who fits (`…, said
        // Batchelder.` · `…, with Hillary Clinton lambasting the plan.` · `"…," she said`): the
        // text no longer settles who `she` is.
        let rival_after = |m: &Mention| {
            self.mentions.iter().any(|r| r.order > m.order && r.para > m.para && r.id != m.id && fits(r.id))
        };
        let found = match found {
            // (Not when the names before the pronoun are what was said: `Shays was pro Kasich,
            // he said` leaves no one else to look for.)
            None if pr != Pronoun::It && except.is_empty() => self.sole_fit_of_previous_paragraph(&fits),
            found => found,
        };
        match found {
            Some(m) if nominal_after(m.order) => None,
            Some(m) if pr != Pronoun::It && rival_after(m) => None,
            Some(m) => Some(m.id),
            None => None,
        }
    }

    /// `Clinton made an appearance, courtesy of Wes Nakagiri, a delegate from Michigan.` ·
    /// `"…," he said.`: when no subject or speaker of the last paragraphs fits the pronoun,
    /// the one person named in the paragraph just before who fits it (as an object, after an
    /// opening phrase), if there is exactly one and nobody named in this paragraph fits.
    fn sole_fit_of_previous_paragraph(&self, fits: &dyn Fn(PersonId) -> bool) -> Option<&Mention> {
        let before = self.para.checked_sub(1)?;
        if self.mentions.iter().any(|m| m.para == self.para && fits(m.id)) {
            return None;
        }
        let mut fitting = self.mentions.iter().filter(|m| m.para == before && fits(m.id));
        let sole = fitting.next()?;
        fitting.next().is_none().then_some(sole)
    }

    /// `the bank`, `the studio`: the latest organisation in this article whose name or
    /// description holds the noun.
    pub fn resolve_org_noun(&self, people: &People, noun: &str) -> Option<PersonId> {
        let noun = fold(names::strip_possessive(noun));
        self.mentions.iter().rev().map(|m| m.id).find(|&id| {
            let p = people.get(id);
            p.kind == Kind::Organisation
                && (p.words.iter().any(|w| w == &noun || w.trim_end_matches('s') == noun)
                    || p.descriptors.iter().any(|d| fold(&d.text).split_whitespace().any(|w| w == noun)))
        })
    }
}

/// What a resolver needs to see of the paragraph being read.
#[derive(Debug)]
pub struct Reader<'a> {
    pub toks: &'a [Token<'a>],
    pub sentence_of: &'a [usize],
    /// Cues found earlier in the paragraph (`X admitted … and said`: the second shares the subject).
    pub earlier_cues: &'a [CueAt],
    /// Speakers named earlier in the paragraph: (sentence, token, id).
    pub sentence_mentions: &'a [(usize, usize, PersonId)],
    pub discourse: &'a Discourse,
    pub people: &'a People,
}

impl Reader<'_> {
    /// Speakers named earlier in the sentence of token `at`, the likeliest antecedent last: the
    /// speakers of the sentence's earlier cues come after every other name (`Tyler said that
    /// Cruz has "…," he said` → Tyler).
    fn same_sentence_before(&self, at: usize) -> Vec<PersonId> {
        let s = self.sentence_of[at];
        let mut out: Vec<PersonId> =
            self.sentence_mentions.iter().filter(|(ms, k, _)| *ms == s && *k < at).map(|(_, _, id)| *id).collect();
        out.extend(
            self.earlier_cues.iter().filter(|c| c.verb < at && self.sentence_of[c.verb] == s).filter_map(|c| c.speaker),
        );
        out
    }

    fn pronoun_at(&self, pr: Pronoun, at: usize) -> Option<PersonId> {
        self.discourse.resolve_pronoun(self.people, pr, &self.same_sentence_before(at))
    }

    /// A name run as a speaker: a known person (or organisation) it names.
    pub fn run_speaker(&self, run: &NameRun) -> Option<PersonId> {
        if run.possessive {
            return None;
        }
        let found = self.discourse.choose(self.people, &self.discourse.run_candidates(self.people, run), &run.words);
        // `Rival Hillary Clinton had mocked …`: a capital opening the sentence before a given
        // name and a family name describes the person (as registration reads it too).
        let described = run.words.len() >= 3
            && names::gender_of_word(&run.words[0]).is_none()
            && names::gender_of_word(&run.words[1]).is_some();
        found.or_else(|| {
            described.then(|| NameRun { words: run.words[1..].to_vec(), ..run.clone() }).and_then(|r| {
                self.discourse.choose(self.people, &self.discourse.run_candidates(self.people, &r), &r.words)
            })
        })
    }

    /// An organisation named by capitalised words ending at token `i` (`the Campaign for
    /// Better Transport`, `the RAD`), or the latest one a common noun refers to (`the bank`).
    fn org_ending_at(&self, i: usize) -> Option<PersonId> {
        let t = self.toks[i];
        if !t.is_word() {
            return None;
        }
        if t.text.chars().next().is_some_and(char::is_lowercase) {
            let det = i > 0 && matches!(fold(self.toks[i - 1].text).as_str(), "the" | "its" | "their");
            return if det && names::is_org_noun(t.text) {
                self.discourse.resolve_org_noun(self.people, t.text)
            } else {
                None
            };
        }
        // Read the capitalised name backwards, through `of`/`for`/`on`/`and` between capitals.
        let mut j = i;
        let mut words = vec![names::strip_possessive(t.text).to_string()];
        while j > 0 {
            let prev = self.toks[j - 1];
            let capital = prev.is_word() && names::is_capitalised(prev.text);
            let joiner = prev.is_word()
                && names::is_name_connector(prev.text)
                && j >= 2
                && self.toks[j - 2].is_word()
                && names::is_capitalised(self.toks[j - 2].text);
            if !(capital || joiner) || fold(prev.text) == "the" {
                break;
            }
            words.insert(0, prev.text.to_string());
            j -= 1;
        }
        // The longest tail of the words that names a known organisation.
        let named = (0..words.len()).find_map(|start| {
            let tail = &words[start..];
            let ids = self.people.candidates(tail);
            let orgs: Vec<PersonId> =
                ids.into_iter().filter(|&id| self.people.get(id).kind == Kind::Organisation).collect();
            let joined = tail.iter().map(|w| fold(w)).collect::<Vec<_>>().join(" ");
            // Only the organisation's whole name or an alias it was given: `China` is not
            // `East China Normal University`.
            // An acronym an organisation was given (`the FBI`: `Federal Bureau of Investigation
            // (FBI)`) before a body registered by the acronym alone.
            let alias = orgs.iter().copied().find(|&id| self.people.get(id).aliases.contains(&joined));
            alias.or_else(|| orgs.iter().copied().find(|&id| self.people.get(id).words.join(" ") == joined))
        });
        let after_the = j > 0 && word_is(self.toks, j - 1, "the");
        named.or_else(|| (words.len() == 1 && after_the).then(|| self.org_by_last_word(&words[0])).flatten())
    }

    /// `The Washington Post reported … the Post reported`: `the` and the last word of an
    /// organisation this article has named (the latest, if several end in it) is that
    /// organisation, as news shortens an outlet's or a body's name once it has given it in full.
    /// A word alone after `the` is never a person (`the Trump` is no one), so no one else is meant.
    fn org_by_last_word(&self, word: &str) -> Option<PersonId> {
        let w = fold(word);
        self.discourse.mentions.iter().rev().map(|m| m.id).find(|&id| {
            let p = self.people.get(id);
            p.kind == Kind::Organisation && p.words.len() > 1 && p.words.last() == Some(&w)
        })
    }

    /// The last token of a name read forwards from `start` through capitals and connectors
    /// (`the Royal Academy of Dance said` → `Dance`), stopping before a reporting verb.
    fn name_phrase_end(&self, start: usize) -> usize {
        let mut end = start;
        while let Some(n) = self.toks.get(end + 1) {
            if !(n.is_word()
                && !is_cue_verb(n.text)
                && (names::is_capitalised(n.text) || names::is_name_connector(n.text)))
            {
                break;
            }
            end += 1;
        }
        end
    }

    /// `a spokeswoman for the campaign`, `a Manchester United spokesman`, `the ministry's
    /// spokesman`, `the company's statement`: the organisation, or nobody (`a spokesman for Mr
    /// Blair` is not Mr Blair).
    fn spokes_org(&self, spokes: usize) -> Option<PersonId> {
        // After: `spokeswoman for the campaign`.
        if self.toks.get(spokes + 1).is_some_and(|t| t.is_word() && t.text == "for") {
            return self.org_ending_at(self.name_phrase_end(spokes + 2));
        }
        // Before: `a Manchester United spokesman`, `the ministry's spokesman`.
        let before = spokes.checked_sub(1)?;
        self.org_ending_at(before)
    }

    /// The speaker of a subject phrase ending at token `s` (just before the verb).
    fn subject_ending_at(&self, s: usize) -> Option<Option<PersonId>> {
        let t = self.toks[s];
        if !t.is_word() {
            return None;
        }
        // `Clinton's remarks`, `his claims`, `the calls`: after a possessive or a determiner the
        // verb form is a noun, and no one is its subject.
        if names::is_possessive(t.text)
            || matches!(
                fold(t.text).as_str(),
                "his" | "her" | "their" | "its" | "my" | "our" | "your" | "the" | "a" | "an"
            )
        {
            return None;
        }
        if let Some(pr) = pronoun(t.text) {
            // `Mr Blair has failed, he claimed`: the clause before the comma is what was said,
            // so a name in it is not who said it; only an earlier cue's speaker of the
            // sentence is (`Tyler said Cruz was wrong, he added` → Tyler).
            // (Not inside a relative clause: `Howard has no doubt it is Blair who, he claims, …`.)
            let clause_before = s > 1
                && self.toks[s - 1].kind == Tok::Punct(',')
                && !matches!(fold(self.toks[s - 2].text).as_str(), "who" | "which" | "that" | "whom" | "and" | "but");
            if clause_before {
                let sentence = self.sentence_of[s];
                let cued: Vec<PersonId> = self
                    .earlier_cues
                    .iter()
                    .filter(|c| c.verb < s && self.sentence_of[c.verb] == sentence)
                    .filter_map(|c| c.speaker)
                    .collect();
                let named: Vec<PersonId> = self
                    .sentence_mentions
                    .iter()
                    .filter(|(ms, k, id)| *ms == sentence && *k < s && !cued.contains(id))
                    .map(|(_, _, id)| *id)
                    .collect();
                return Some(self.discourse.resolve_pronoun_except(self.people, pr, &cued, &named));
            }
            return Some(self.pronoun_at(pr, s));
        }
        let f = fold(t.text);
        // `X admitted it … and said`: a second verb shares the subject of the sentence's cue.
        if matches!(f.as_str(), "and" | "but") {
            let sentence = self.sentence_of[s];
            let shared = self.earlier_cues.iter().rev().find(|c| self.sentence_of[c.verb] == sentence);
            if let Some(c) = shared {
                return Some(c.speaker);
            }
            // `Silverman was joined on stage by Franken and joked, "…"`: the first verb reports
            // nothing, and the second shares the subject opening the sentence, unless a
            // relative clause between gives it a subject of its own (`met Jones, who smiled and
            // said`).
            // (A relative clause closed by a comma is an aside: `Clinton, who was speaking to
            // mayors, did not mention Trump, but told …`.)
            let relative = (0..s).rev().take_while(|&k| self.sentence_of[k] == sentence).any(|k| {
                matches!(fold(self.toks[k].text).as_str(), "who" | "which" | "that" | "whom" | "whose")
                    && !(k + 1..s).any(|j| self.toks[j].kind == Tok::Punct(','))
            });
            let opening = if relative { None } else { self.clause_subject(s) };
            return Some(opening.and_then(|c| c.speaker));
        }
        // `Smith, who …, said` / `Smith, who said`: the relative pronoun's antecedent.
        if f == "who" && s >= 2 && self.toks[s - 1].kind == Tok::Punct(',') && is_name_word(self.toks[s - 2].text) {
            let run = names::run_backward(self.toks, s - 2)?;
            return Some(self.run_speaker(&run));
        }
        if SPOKES.contains(&f.as_str()) {
            return Some(self.spokes_org(s));
        }
        // `… when asked about the plan`: a subordinator before a participle opens a clause
        // with no subject of its own; the verb reports no one.
        if matches!(f.as_str(), "when" | "if" | "once" | "unless" | "until" | "while" | "though" | "although") {
            return None;
        }
        if t.text.chars().next().is_some_and(char::is_lowercase) {
            // After a common noun a base form is a noun too (`a two-day state visit`, `a phone
            // call`): only an inflected verb makes a cue.
            // (Past a short adverb: `fans also chanted`; after an `-ly` one the form is often a
            // participle, `delegates currently pledged to Clinton`.)
            let verb =
                self.toks[s + 1..].iter().find(|t| t.is_word() && (!is_adverb(t.text) || fold(t.text).ends_with("ly")));
            if !is_inflected(verb.map_or("", |t| t.text)) {
                return None;
            }
            // `the bank said`; any other common noun (`officials said`) is nobody we know.
            return names::is_org_noun(t.text).then(|| self.org_ending_at(s)).or(Some(None));
        }
        if let Some(run) = names::run_backward(self.toks, s) {
            if run.first > 0 && self.toks[run.first - 1].is_word() {
                let before = fold(self.toks[run.first - 1].text);
                // `Smith and Jones said` share a subject; `And Smith said` opens a sentence and
                // joins it to the last one, not to another name.
                // (Nor does an `and` after a quote: `Cruz accuses Obama of "…" and Trump says`.)
                let after_quote = run.first >= 2 && self.toks[run.first - 2].is_quote();
                if matches!(before.as_str(), "and" | "or" | "&")
                    && !starts_sentence(self.sentence_of, run.first - 1)
                    && !after_quote
                {
                    return Some(None);
                }
                // `Secretary of State John F. Kerry`: the `of` belongs to the title.
                let in_title = before == "of"
                    && run.first >= 2
                    && self.toks[run.first - 2].is_word()
                    && names::is_title(self.toks[run.first - 2].text);
                if PREPOSITIONS.contains(&before.as_str()) && !in_title {
                    // `a spokesman for the ministry`: handled above; `lawyers for Smith`: nobody.
                    return Some(None);
                }
            }
            let speaker = self.run_speaker(&run);
            if speaker.is_none_or(|id| self.people.get(id).kind == Kind::Organisation) {
                if let Some(head) = self.head_before_organisation(run.first) {
                    return Some(head);
                }
                if speaker.is_some() && self.organisation_inside_phrase(run.first) {
                    return Some(None);
                }
            }
            if let Some(id) = speaker {
                return Some(Some(id));
            }
        }
        if let Some(id) = self.given_name_ending_at(s) {
            return Some(Some(id));
        }
        let org = self.org_ending_at(s);
        if org.is_some() {
            // The organisation's first word, read back as `org_ending_at` reads it (`the James
            // Martin Center for Nonproliferation Studies`).
            let toks = self.toks;
            let capital =
                |k: usize| toks[k].is_word() && names::is_capitalised(toks[k].text) && fold(toks[k].text) != "the";
            let mut first = s;
            while first > 0
                && (capital(first - 1)
                    || first >= 2
                        && toks[first - 1].is_word()
                        && names::is_name_connector(toks[first - 1].text)
                        && capital(first - 2)
                        // `CEO of Washington Restaurant Association`: a role before the `of`.
                        && !names::is_role(toks[first - 2].text))
            {
                first -= 1;
            }
            if let Some(head) = self.head_before_organisation(first) {
                return Some(head);
            }
            if self.organisation_inside_phrase(first) {
                return Some(None);
            }
        }
        Some(org)
    }

    /// `Sam Lau, the communications director for the Iowa Democratic Party said`: a person's
    /// name opening the sentence and set off by a comma, before an aside that ends at token
    /// `end` (exclusive) with no verb, quote or other stop of its own.
    fn name_opening_aside(&self, end: usize) -> Option<PersonId> {
        let toks = self.toks;
        let sentence = self.sentence_of[end];
        let mut start = end;
        while start > 0 && self.sentence_of[start - 1] == sentence {
            start -= 1;
        }
        let comma = (start..end).find(|&k| toks[k].kind == Tok::Punct(','))?;
        let run = names::run_backward(toks, comma.checked_sub(1)?).filter(|r| r.first == start && !r.possessive)?;
        let aside_ok = (comma + 1..end).all(|k| {
            let t = toks[k];
            t.is_word() && !is_cue_verb(t.text) && !t.text.ends_with("ing") && pronoun(t.text).is_none()
        });
        if !aside_ok || end - comma > 14 {
            return None;
        }
        self.run_speaker(&run).filter(|&id| self.people.get(id).kind == Kind::Person)
    }

    /// `Maricopa County Recorder Helen Purcell said`: capitalised words of description the name
    /// reader cannot take apart, then a person's name opening with a known given name and
    /// ending at token `s`.
    fn given_name_ending_at(&self, s: usize) -> Option<PersonId> {
        let toks = self.toks;
        let mut first = s;
        while first > 0 && s - first < 8 && toks[first - 1].is_word() && names::is_capitalised(toks[first - 1].text) {
            first -= 1;
        }
        let k = names::given_name_after(toks, first.checked_sub(1)?).filter(|&k| k > first && k < s)?;
        let run = names::run_forward(toks, k).filter(|r| r.first == k && r.last == s && !r.possessive)?;
        self.run_speaker(&run).filter(|&id| self.people.get(id).kind == Kind::Person)
    }

    /// `Mr. Morgan of the Sierra Club said`, `the president of the National Rifle Association
    /// said`: an organisation after `of the` (`at the`, `from the`, `with the`) only places
    /// the subject before it. That subject, when it is a person's name; nobody otherwise.
    /// `None` when the name starting at `first` follows no such phrase.
    fn head_before_organisation(&self, first: usize) -> Option<Option<PersonId>> {
        let toks = self.toks;
        let sentence = self.sentence_of[first];
        let word_at = |k: usize| Some(toks[k]).filter(|t| t.is_word() && self.sentence_of[k] == sentence);
        // (`of Our Principles PAC`, `speaking to Fox News`: the article may be missing.)
        let det = first.checked_sub(1).filter(|&k| word_at(k).is_some_and(|t| fold(t.text) == "the"));
        let prep = det.unwrap_or(first).checked_sub(1).filter(|&k| {
            word_at(k).is_some_and(|t| matches!(fold(t.text).as_str(), "of" | "at" | "from" | "with" | "for" | "to"))
        })?;
        let head = prep.checked_sub(1).filter(|&k| word_at(k).is_some_and(|t| is_name_word(t.text)));
        // `a spokeswoman for the campaign said`: the spokesperson speaks for it.
        if prep.checked_sub(1).and_then(word_at).is_some_and(|t| SPOKES.contains(&fold(t.text).as_str())) {
            return None;
        }
        let person = head
            .and_then(|k| names::run_backward(toks, k))
            .filter(|r| !r.possessive)
            .and_then(|r| self.run_speaker(&r))
            .filter(|&id| self.people.get(id).kind == Kind::Person);
        Some(person.or_else(|| self.name_opening_aside(prep)))
    }

    /// `a letter obtained by the Associated Press warns`, `how the Pentagon responds`: an
    /// organisation whose name starts at token `first` after a passive's `by` or a question word
    /// is inside a phrase or a clause of its own, not the subject of the verb after it. (`a
    /// spokesman for the bank said` and `the president of the club said` are
    /// [`Reader::head_before_organisation`]'s.)
    fn organisation_inside_phrase(&self, first: usize) -> bool {
        let det = first.checked_sub(1).filter(|&k| word_is(self.toks, k, "the"));
        det.unwrap_or(first).checked_sub(1).is_some_and(|k| {
            let t = self.toks[k];
            t.is_word() && matches!(fold(t.text).as_str(), "by" | "how" | "why" | "whether")
        })
    }

    /// The cue whose verb is token `v`, if the verb has a subject (resolved or not).
    pub fn cue_at(&self, v: usize) -> Option<CueAt> {
        let toks = self.toks;
        let sentence = self.sentence_of[v];
        if controls_an_infinitive(toks, v) || noun_after_indefinite_article(toks, v) {
            return None;
        }
        if let Some(by) = passive_by(toks, v) {
            return self.asked_by(v, by);
        }
        // `Trump issued a statement saying …`: the statement speaks for the clause's subject.
        let statement = v > 0
            && names::is_participle(toks[v].text)
            && toks[v - 1].is_word()
            && matches!(fold(toks[v - 1].text).as_str(), "statement" | "release");
        if statement {
            if let Some(c) = self.clause_subject(v) {
                return Some(c);
            }
        }
        // Subject before the verb: `Blinken just yesterday said`, `Shen Dingli, a scholar, said`.
        // (`Trump is telling supporters that …`: a participle's auxiliary too.)
        let progressive = names::is_participle(toks[v].text);
        let mut k = v;
        while k > 0 && self.sentence_of[k - 1] == sentence {
            if toks[k - 1].is_word()
                && (is_adverb(toks[k - 1].text) || progressive && matches!(toks[k - 1].text, "is" | "was"))
            {
                k -= 1;
            } else if let Some(first) = day_before(toks, k) {
                k = first;
            } else if k >= 3
                && toks[k - 1].text == "to"
                && toks[k - 2].text == "on"
                && matches!(toks[k - 3].text, "went" | "goes" | "go" | "going")
            {
                // `Pence went on to say`: the verb is still the subject's.
                k -= 3;
            } else {
                break;
            }
        }
        // A parenthesis before the verb (`Gov. Mike Pence (R-IN) said`) is skipped, and a
        // comma news sometimes sets after it (`Sen. Jack Reed (D-R.I.), said`).
        if k > 1 && toks[k - 1].kind == Tok::Punct(',') && toks[k - 2].kind == Tok::Punct(')') {
            let tag = (k.saturating_sub(5)..k - 2).any(|j| toks[j].is_word() && names::is_party_tag(toks[j].text));
            if tag {
                k -= 1;
            }
        }
        if k > 0 && toks[k - 1].kind == Tok::Punct(')') {
            let mut j = k - 1;
            while j > 0 && toks[j].kind != Tok::Punct('(') && v - j < 12 {
                j -= 1;
            }
            if toks[j].kind == Tok::Punct('(') {
                k = j;
            }
        }
        if k > 0 && self.sentence_of[k - 1] == sentence {
            let s = k - 1;
            let t = toks[s];
            if t.is_word() {
                if let Some(speaker) = self.subject_ending_at(s) {
                    let from = if names::is_capitalised(t.text) {
                        names::run_backward(toks, s).map_or(s, |r| r.first)
                    } else {
                        // The whole subject phrase: `the bank`, `a spokeswoman for the campaign`.
                        let mut f = s;
                        while f > 0
                            && self.sentence_of[f - 1] == sentence
                            && toks[f - 1].is_word()
                            && (matches!(fold(toks[f - 1].text).as_str(), "the" | "a" | "an" | "its" | "their" | "for")
                                || SPOKES.contains(&fold(toks[f - 1].text).as_str()))
                        {
                            f -= 1;
                        }
                        f
                    };
                    return Some(CueAt { verb: v, speaker, from, to: v });
                }
            } else if t.kind == Tok::Punct(',') {
                if let Some(c) = self.apposition_subject(v, s).or_else(|| self.subject_before_aside(v, s)) {
                    return Some(c);
                }
            }
        }
        // `Trump attacked Clinton, saying, "…"`: a participle reports its clause's subject.
        // (`…, recently telling …` and `… responded by saying …` too: adverbs may stand
        // between the comma and the participle, and `by` makes it the means of the clause.)
        let mut p = v;
        while p > 0 && self.sentence_of[p - 1] == sentence && toks[p - 1].is_word() && is_adverb(toks[p - 1].text) {
            p -= 1;
        }
        let by = p == v && p > 0 && toks[p - 1].is_word() && toks[p - 1].text == "by";
        // (`defended "New York values," saying …`: American style sets the comma inside the
        // quotation marks, and the participle still follows a comma.)
        let comma = p > 0 && (toks[p - 1].kind == Tok::Punct(',') || quote_ends_in_comma(toks[p - 1]));

        if p > 0 && (comma || by) && names::is_participle(toks[v].text) {
            // `…, he claimed, saying …`: a participle right after a cue shares its subject (the
            // clause before that cue is what was claimed, not who claimed it).
            let chained = self.earlier_cues.iter().rev().find(|c| {
                c.verb < v
                    && self.sentence_of[c.verb] == sentence
                    && c.to < p
                    && p - 1 - c.to <= 3
                    && toks[c.to + 1..p - 1].iter().all(|t| t.is_word())
            });
            // (A cue whose subject is not a pronoun and found no one leaves the sentence's
            // opening subject to the next step: `Mr Sayeed had denied the claims, saying`.)
            let pronoun_subject = |c: &CueAt| toks[c.from..c.verb].iter().any(|t| pronoun(t.text).is_some());
            if let Some(c) = chained.filter(|c| c.speaker.is_some() || pronoun_subject(c)) {
                return Some(CueAt { verb: v, speaker: c.speaker, from: v, to: v });
            }
            if let Some(c) = self.clause_subject(v) {
                return Some(c);
            }
        }
        // Inverted after a quote or a comma: `"…," said Ryan Hass` / `"…," said the bank`; or
        // opening a sentence: `Said Ellis: "…"`.
        let opens_sentence = (v == 0 || self.sentence_of[v - 1] != sentence)
            && matches!(toks[v].text, "Said" | "Says" | "Added" | "Adds" | "Continued" | "Stated")
            && toks.get(v + 1).is_some_and(|n| n.is_word() && is_name_word(n.text));
        let after_quote = v > 0 && matches!(toks[v - 1].kind, Tok::Quote(_) | Tok::Punct(','));
        if (is_invertible(toks[v].text) || names::is_cue_after_quote(toks, v)) && (after_quote || opens_sentence) {
            let n = toks.get(v + 1)?;
            if !n.is_word() {
                return None;
            }
            if let Some(pr) = pronoun(n.text).filter(|p| matches!(p, Pronoun::He | Pronoun::She)) {
                return Some(CueAt { verb: v, speaker: self.pronoun_at(pr, v + 1), from: v, to: v + 1 });
            }
            if matches!(fold(n.text).as_str(), "the" | "a" | "an") {
                let head = toks.get(v + 2).filter(|t| t.is_word())?;
                if SPOKES.contains(&fold(head.text).as_str()) {
                    return Some(CueAt { verb: v, speaker: self.spokes_org(v + 2), from: v, to: v + 2 });
                }
                if names::is_org_noun(head.text) {
                    return Some(CueAt { verb: v, speaker: self.org_ending_at(v + 2), from: v, to: v + 2 });
                }
            }
            // The name is the verb's subject only if no preposition leads to it (`said on
            // Twitter`) and no verb of its own follows it (`recalled Mr. Obama talking about`).
            // (`said Clinton's top aide Jake Sullivan`: a possessive may open the description of
            // the name that follows it, never be the speaker itself.)
            // (Nor is it when it is one of two: `said Smith and Jones`.)
            let run = names::run_forward(toks, v + 1).filter(|r| {
                toks[v + 1..r.first].iter().all(|t| !PREPOSITIONS.contains(&fold(t.text).as_str()))
                    && toks.get(r.last + 1).is_none_or(|n| {
                        !(n.is_word()
                            && (n.text.ends_with("ing")
                                || matches!(n.text, "that" | "and" | "or" | "&")
                                || is_inflected(n.text)))
                    })
            });
            if let Some(run) = run.map(|r| self.described_name_after(r)) {
                // `said Clinton's campaign`: someone of the name's, whom we cannot name.
                // (`said a Trump supporter`, `said the Clinton campaign`: after an article, a
                // name before a noun only says whose side the speaker is on.)
                let speaker = if run.possessive || self.name_modifies_noun(v + 1, &run) {
                    None
                } else {
                    self.run_speaker(&run).or_else(|| self.org_ending_at(run.last))
                };
                return Some(CueAt { verb: v, speaker, from: v, to: run.last });
            }
            if let Some(run) = self.described_person_after(v) {
                return Some(CueAt { verb: v, speaker: self.run_speaker(&run), from: v, to: run.last });
            }
        }
        None
    }

    /// `Sanders was asked by host Bill Maher, "…"`: a question put to the subject is the words of
    /// the one who asked it, named after `by` (token `by`). Any other passive (`the approach put
    /// forward by Trump`, `a clip described by the judge`) reports nothing of its subject, and
    /// its `by` may name no speaker either.
    fn asked_by(&self, v: usize, by: usize) -> Option<CueAt> {
        let toks = self.toks;
        let asking = matches!(fold(toks[v].text).as_str(), "asked" | "questioned" | "pressed" | "challenged");
        let passive = v > 0
            && toks[v - 1].is_word()
            && matches!(fold(toks[v - 1].text).as_str(), "was" | "were" | "is" | "been" | "being");
        if !(asking && passive) {
            return None;
        }
        let run = names::run_forward(toks, by + 1).filter(|r| r.first <= by + 3 && !r.possessive);
        // (Only a few lower-case words of role may lead the name: `by host Bill Maher`.)
        let run = run.filter(|r| {
            toks[by + 1..r.first].iter().all(|t| {
                t.is_word()
                    && t.text.chars().next().is_some_and(char::is_lowercase)
                    && !PREPOSITIONS.contains(&fold(t.text).as_str())
                    && !matches!(fold(t.text).as_str(), "the" | "a" | "an")
            })
        });
        let speaker =
            run.as_ref().and_then(|r| self.run_speaker(r)).filter(|&id| self.people.get(id).kind == Kind::Person);
        Some(CueAt { verb: v, speaker, from: v, to: run.map_or(by, |r| r.last) })
    }

    /// The subject of the clause a participle at `v` ends (`During a speech, Trump attacked
    /// Clinton, saying …` → Trump): a pronoun or a name opening the sentence, or opening it
    /// after an introductory phrase and its comma, followed by its verb or an aside. `None`
    /// when the sentence does not open so (then the participle is no cue).
    fn clause_subject(&self, v: usize) -> Option<CueAt> {
        const INTRODUCTIONS: &[&str] = &[
            "during", "after", "before", "while", "when", "as", "in", "on", "at", "since", "despite", "speaking",
            "here",
        ];
        let toks = self.toks;
        let sentence = self.sentence_of[v];
        let mut s = v;
        while s > 0 && self.sentence_of[s - 1] == sentence {
            s -= 1;
        }
        // `But a few days later, Trump reversed himself, telling …`: a conjunction opening
        // the sentence joins it to the last, and a short phrase of time before a comma sets it.
        if toks[s].is_word() && matches!(fold(toks[s].text).as_str(), "and" | "but" | "so" | "yet") && s + 1 < v {
            s += 1;
        }
        // (`And then Trump went on the attack, saying …`: an adverb may follow it.)
        while s + 1 < v && toks[s].is_word() && is_adverb(toks[s].text) && !is_name_word(toks[s].text) {
            s += 1;
        }
        let time = |t: &Token<'_>| {
            matches!(
                fold(t.text).as_str(),
                "later"
                    | "earlier"
                    | "ago"
                    | "day"
                    | "days"
                    | "week"
                    | "weeks"
                    | "month"
                    | "months"
                    | "year"
                    | "years"
                    | "night"
                    | "morning"
                    | "afternoon"
                    | "evening"
                    | "then"
                    | "meanwhile"
                    | "recently"
            )
        };
        // (No verb or pronoun in it: `He apologized the next day, saying` is a clause. A word
        // of time is no name for its capital: `Later on Sunday, Carson shared …, writing`.)
        let time_phrase = (s..v.min(s + 6)).find(|&k| toks[k].kind == Tok::Punct(',')).is_some_and(|c| {
            toks[s..c].iter().all(|t| {
                t.is_word()
                    && (!is_name_word(t.text) || time(t))
                    && pronoun(t.text).is_none()
                    && (time(t) || !is_inflected(t.text) && !is_irregular_past(t.text))
            }) && toks[s..c].iter().any(time)
        });
        let opener = fold(toks[s].text);
        // `Continuing to explain his view, Carson rejected …`: a participle phrase opening the
        // sentence introduces it like a preposition does.
        let participle_phrase = opener.ends_with("ing")
            && !opener.ends_with("thing")
            && toks.get(s + 1).is_some_and(|n| n.is_word() && n.text.chars().next().is_some_and(char::is_lowercase));
        if toks[s].is_word()
            && (INTRODUCTIONS.contains(&opener.as_str())
                || PREPOSITIONS.contains(&opener.as_str())
                || participle_phrase
                || time_phrase)
        {
            s = (s..v).find(|&k| toks[k].kind == Tok::Punct(','))? + 1;
            s = past_place(toks, s, v);
        }
        let t = toks.get(s).filter(|t| t.is_word() && s < v)?;
        let is_verb = |w: &Token<'_>| {
            w.is_word()
                && w.text.chars().next().is_some_and(char::is_lowercase)
                && (is_inflected(w.text)
                    || is_irregular_past(w.text)
                    || is_adverb(w.text)
                    || w.text.ends_with("n't")
                    || w.text.ends_with("n’t"))
        };
        if let Some(pr) = pronoun(t.text).filter(|p| matches!(p, Pronoun::He | Pronoun::She)) {
            return toks.get(s + 1).filter(|n| is_verb(n)).map(|_| CueAt {
                verb: v,
                speaker: self.pronoun_at(pr, s),
                from: v,
                to: v,
            });
        }
        // `Donald Trump on Thursday ratcheted up his attacks, saying …`: the day is no verb.
        let opens_clause = |r: &NameRun| {
            toks.get(day_after(toks, r.last + 1)).is_some_and(|a| is_verb(a) || matches!(a.kind, Tok::Punct(',' | '(')))
        };
        let run = names::run_forward(toks, s)
            .filter(|r| r.first == s && !r.possessive && opens_clause(r))
            .or_else(|| self.name_after_description(s, v).filter(opens_clause))?;
        // `Rival Hillary Clinton`: a capitalised descriptor may lead the name.
        let speaker = (0..run.words.len()).find_map(|k| {
            let cands = self.people.candidates(&run.words[k..]);
            // (A family name read without the words before it is only someone this article
            // names: `Dana Whitfield` is not the Mary Whitfield of another article.)
            if k > 0 && k + 1 == run.words.len() {
                self.discourse.choose_in_article(self.people, &cands, &run.words[k..])
            } else {
                self.discourse.choose(self.people, &cands, &run.words[k..])
            }
        });
        Some(CueAt { verb: v, speaker, from: v, to: v })
    }

    /// `Band member Kip Lorne shared …`, `Republican pollster Dana Shaw posted …`: a name opening
    /// the clause at `s` after a short description (a capitalised word or two, then a lower-case
    /// role noun), which the name reader does not take apart when the description is
    /// capitalised. The words between must describe (no verb, preposition or pronoun).
    fn name_after_description(&self, s: usize, v: usize) -> Option<NameRun> {
        let toks = self.toks;
        let role = (s + 1..v.min(s + 4))
            .find(|&k| toks[k].is_word() && toks[k].text.chars().next().is_some_and(char::is_lowercase))?;
        let name = role + 1;
        let describes = toks[s..name].iter().all(|t| {
            t.is_word()
                && names::may_describe(*t)
                && !is_adverb(t.text)
                && !PREPOSITIONS.contains(&fold(t.text).as_str())
                && !matches!(fold(t.text).as_str(), "and" | "or" | "the" | "a" | "an")
        }) && !names::is_possessive(toks[role].text);
        let opens = toks.get(name).is_some_and(|t| t.is_word() && is_name_word(t.text));
        if !(describes && opens) {
            return None;
        }
        names::run_forward(toks, name).filter(|r| r.first == name && !r.possessive)
    }

    /// `said Senate Minority Whip Dick Durbin`, `said Republican strategist Ryan Williams`: a
    /// description the name reader cannot take apart (capitalised institution or party words,
    /// `9/11`) before a person's name that opens with a known given name; the name must end the
    /// phrase (no verb of its own after it).
    fn described_person_after(&self, v: usize) -> Option<NameRun> {
        let toks = self.toks;
        // (Nor one of two subjects: `Phil Berger and Tim Moore said`.)
        let free = |run: &NameRun| {
            toks.get(run.last + 1).is_none_or(|n| {
                !(n.is_word()
                    && (n.text.ends_with("ing")
                        || matches!(n.text, "that" | "and" | "or" | "&")
                        || is_inflected(n.text)
                        || is_name_word(n.text)))
            })
        };
        if let Some(k) = names::given_name_after(toks, v) {
            let run = names::run_forward(toks, k).filter(|r| r.first == k && !r.possessive && r.words.len() >= 2)?;
            return free(&run).then_some(run);
        }
        self.registered_person_after(v).filter(free)
    }

    /// `said Democratic pollster Stan Greenberg`, `said former secretary of state Hillary
    /// Clinton`: after a description of a few words (capitalised or not, with the `of` of a
    /// title), the full name of a person the corpus knows, two words or more, whatever its
    /// given name. The name must be that person's whole name, and the description must hold no
    /// preposition, conjunction, verb or pronoun (`of` before a noun aside).
    fn registered_person_after(&self, v: usize) -> Option<NameRun> {
        let toks = self.toks;
        for k in v + 1..toks.len().min(v + 10) {
            let t = toks[k];
            let opens = t.is_word()
                && is_name_word(t.text)
                && !names::is_possessive(t.text)
                && toks.get(k + 1).is_some_and(|n| n.is_word() && is_name_word(n.text));
            if opens {
                let run = names::run_forward(toks, k).filter(|r| r.first == k && !r.possessive && r.words.len() >= 2);
                let whole = run.as_ref().and_then(|r| {
                    let id = self.people.by_name(&r.words.iter().map(|w| fold(w)).collect::<Vec<_>>().join(" "))?;
                    (self.people.get(id).kind == Kind::Person).then_some(id)
                });
                if whole.is_some() {
                    return run;
                }
            }
            // (`secretary of state`: a noun after `of` is no verb.)
            let after_of = k > v + 1 && toks[k - 1].is_word() && toks[k - 1].text == "of";
            let describes =
                t.is_word() && (after_of || names::may_describe(t)) || matches!(t.kind, Tok::Punct('/' | '-'));
            if !describes {
                return None;
            }
        }
        None
    }

    /// `a Trump supporter`, `the Clinton campaign`, `one unaligned Florida Republican
    /// strategist`: the determiner at `article` (an article, `one`, `another`) opens a noun
    /// phrase whose head is a lower-case noun after the name `run`, so the name only modifies
    /// it and is not the one named. A word or two of description may stand between the
    /// determiner and the name (`a longtime Clinton aide`).
    fn name_modifies_noun(&self, article: usize, run: &NameRun) -> bool {
        let toks = self.toks;
        let determiner = toks
            .get(article)
            .is_some_and(|t| t.is_word() && matches!(fold(t.text).as_str(), "a" | "an" | "the" | "one" | "another"));
        let described = run.first > article
            && run.first - article <= 3
            && toks[article + 1..run.first].iter().all(|t| {
                t.is_word()
                    && t.text.chars().next().is_some_and(char::is_lowercase)
                    && !PREPOSITIONS.contains(&fold(t.text).as_str())
                    && !matches!(t.text, "and" | "or" | "but" | "who" | "which" | "that" | "whose")
                    && pronoun(t.text).is_none()
            });
        let opened = determiner && described;
        opened
            && toks.get(run.last + 1).is_some_and(|t| {
                t.is_word()
                    && t.text.chars().next().is_some_and(char::is_lowercase)
                    && !PREPOSITIONS.contains(&fold(t.text).as_str())
                    && !matches!(t.text, "and" | "or" | "but" | "who" | "which" | "that" | "in" | "as" | "is" | "was")
                    && !t.text.ends_with("ing")
                    && !is_inflected(t.text)
                    && pronoun(t.text).is_none()
            })
    }

    /// `said Clinton campaign manager Robby Mook`: a name followed by a few lower-case words of
    /// role and another name is a descriptor of that other name, who is the one speaking.
    pub(crate) fn described_name_after(&self, run: NameRun) -> NameRun {
        let toks = self.toks;
        let mut k = run.last + 1;
        while k < toks.len() && k <= run.last + 4 {
            let t = toks[k];
            let lower = t.is_word() && t.text.chars().next().is_some_and(char::is_lowercase);
            let role = lower
                && !PREPOSITIONS.contains(&fold(t.text).as_str())
                && !matches!(t.text, "and" | "or" | "but" | "who" | "which" | "that" | "in" | "as" | "is" | "was")
                && !t.text.ends_with("ing")
                && !is_inflected(t.text)
                && pronoun(t.text).is_none();
            if !role {
                break;
            }
            k += 1;
        }
        if k == run.last + 1 || k >= toks.len() {
            return run;
        }
        // After a possessive the name may be set off by a comma: `said Clinton's spokesman,
        // Brian Fallon`; it must then end the phrase.
        let comma = run.possessive && toks[k].kind == Tok::Punct(',');
        if comma {
            k += 1;
        }
        if !toks.get(k).is_some_and(|t| t.is_word() && is_name_word(t.text)) {
            return run;
        }
        let ends = |r: &NameRun| !comma || toks.get(r.last + 1).is_none_or(|n| !n.is_word());
        names::run_forward(toks, k).filter(|r| r.first == k && !r.possessive && ends(r)).unwrap_or(run)
    }

    /// `"…" ― Ana Ruiz` ending a paragraph: a quotation signed with its author's name, at the
    /// dash (token `d`).
    pub fn signature(&self, d: usize) -> Option<CueAt> {
        let toks = self.toks;
        if !(d > 0 && toks[d - 1].is_quote() && matches!(toks[d].kind, Tok::Punct(c) if names::is_dash(c))) {
            return None;
        }
        // A signed quotation is one line: marks paired across a line break are not one.
        if toks[d - 1].text.contains('\n') {
            return None;
        }
        let run = names::run_forward(toks, d + 1).filter(|r| r.first == d + 1 && !r.possessive)?;
        // The name ends its line: the paragraph, or the line before the next signed quotation.
        let rest = toks[run.last + 1..].iter().find(|t| t.kind != Tok::Punct('.'));
        if rest.is_some_and(|t| !t.is_quote()) {
            return None;
        }
        Some(CueAt { verb: d, speaker: self.run_speaker(&run), from: d, to: run.last })
    }

    /// `Sanders' campaign manager`, `Obama's former adviser`: a name's possessive and a
    /// lower-case role opening an apposition at token `k`.
    fn possessive_role_at(&self, k: usize) -> bool {
        let toks = self.toks;
        let Some(o) = toks.get(k).filter(|o| o.is_word() && names::is_capitalised(o.text)) else { return false };
        let role = if names::is_possessive(o.text) {
            k + 1
        } else if toks.get(k + 1).is_some_and(|a| matches!(a.kind, Tok::Punct('\'' | '’'))) {
            k + 2
        } else {
            return false;
        };
        toks.get(role).is_some_and(|r| r.is_word() && r.text.chars().next().is_some_and(char::is_lowercase))
    }

    /// An apposition between commas before the verb: `Shen Dingli, a … relations, said`.
    fn apposition_subject(&self, v: usize, comma: usize) -> Option<CueAt> {
        let toks = self.toks;
        let sentence = self.sentence_of[v];
        let mut j = comma;
        let mut steps = 0;
        while j > 0 && steps < 40 && self.sentence_of[j - 1] == sentence {
            j -= 1;
            steps += 1;
            if toks[j].is_quote() {
                return None;
            }
            if toks[j].kind != Tok::Punct(',') {
                continue;
            }
            let opener = toks.get(j + 1).is_some_and(|o| {
                o.is_word()
                    && (APPOSITION_OPENERS.contains(&fold(o.text).as_str())
                        || o.text.chars().all(|c| c.is_ascii_digit())
                        || names::is_party_tag(o.text))
            }) || self.possessive_role_at(j + 1);
            // `Rep. Jim Jordan (R-Ohio), an oversight panel member, said`: the bracket belongs
            // to the name before the apposition.
            let mut before = j;
            if opener && before > 0 && toks[before - 1].kind == Tok::Punct(')') {
                let mut b = before - 1;
                while b > 0 && toks[b].kind != Tok::Punct('(') && before - b < 8 {
                    b -= 1;
                }
                if toks[b].kind == Tok::Punct('(') {
                    before = b;
                }
            }
            if !opener {
                return self.name_in_apposition(v, j, comma);
            }
            if !(before > 0 && toks[before - 1].is_word()) {
                return None;
            }
            if is_name_word(toks[before - 1].text) {
                // `…, the foreign minister of France, a member of …, said`: a place ending an
                // apposition is no name; look further back.
                let Some(run) = names::run_backward(toks, before - 1) else { continue };
                // `Mark Holden, chairman of the board of Freedom Partners, the network's
                // funding arm, said`: a name after a preposition ends an earlier apposition;
                // the subject is further back.
                let mut lead = run.first;
                if lead > 0 && word_is(toks, lead - 1, "the") {
                    lead -= 1;
                }
                if lead > 0 && toks[lead - 1].is_word() && PREPOSITIONS.contains(&fold(toks[lead - 1].text).as_str()) {
                    continue;
                }
                let speaker = self.run_speaker(&run).or_else(|| self.org_ending_at(before - 1));
                if speaker.is_none() {
                    // `Ayrault, the foreign minister of France, a member of …, said`: the
                    // apposition has appositions of its own; look further back.
                    continue;
                }
                return Some(CueAt { verb: v, speaker, from: run.first, to: v });
            }
            // `The studio, Harbor Pictures, said` is read by the name before the verb; a common
            // noun before the apposition (`the bank, the region's biggest lender, said`).
            if names::is_org_noun(toks[before - 1].text) {
                return Some(CueAt { verb: v, speaker: self.org_ending_at(before - 1), from: before - 1, to: v });
            }
            return None;
        }
        None
    }

    /// `Jennifer Palmieri, communications director for the campaign, said` · `Clinton, speaking
    /// to reporters on her plane, said` · `"…," delegate Bill Eastland, wearing "Ted Cruz" pins,
    /// said`: the name opening the clause (the sentence, or what follows a quote), then an aside
    /// of any length between commas that opens with a lower-case word, then the finite verb. The
    /// aside may hold commas and quotes of its own; what it cannot do is give the verb another
    /// subject, so a name that does not open the clause is never taken.
    fn subject_before_aside(&self, v: usize, close: usize) -> Option<CueAt> {
        let toks = self.toks;
        let sentence = self.sentence_of[v];
        if fold(toks[v].text).ends_with("ing") {
            return None;
        }
        let mut start = close;
        while start > 0 && self.sentence_of[start - 1] == sentence && close - start < 60 {
            start -= 1;
        }
        // The clause opens the sentence, or follows the last quote before the aside's name.
        let mut clause = start;
        let mut open = None;
        for k in start..close {
            if toks[k].is_quote() {
                if open.is_some() {
                    break;
                }
                clause = k + 1;
                if toks.get(k + 1).is_some_and(|t| t.kind == Tok::Punct(',')) {
                    clause = k + 2;
                }
                continue;
            }
            if toks[k].kind == Tok::Punct(',') {
                open = Some(k);
                break;
            }
            if !toks[k].is_word() {
                return None;
            }
        }
        let open = open.filter(|&o| o > clause && o + 1 < close)?;
        // The aside: a lower-case word opens it (`communications director`, `speaking`,
        // `who`, `in a statement`), or an age; not a conjunction or a pronoun subject.
        let opener = toks[open + 1];
        let lower = opener.is_word() && opener.text.chars().next().is_some_and(char::is_lowercase);
        let age = opener.is_word() && opener.text.chars().all(|c| c.is_ascii_digit());
        if !(lower || age)
            || pronoun(opener.text).is_some()
            || matches!(opener.text, "and" | "or" | "but" | "so" | "then" | "nor" | "yet")
            || (open + 1..close).any(|k| matches!(toks[k].kind, Tok::Punct(';' | ':')))
        {
            return None;
        }
        let run = names::run_backward(toks, open - 1).filter(|r| !r.possessive && r.first >= clause)?;
        // Only a few words of description may lead the name (`Texas delegate Bill Eastland`).
        let leads = (clause..run.first).all(|k| {
            let t = toks[k];
            t.is_word()
                && !names::is_possessive(t.text)
                && pronoun(t.text).is_none()
                && !PREPOSITIONS.contains(&fold(t.text).as_str())
                && !matches!(
                    fold(t.text).as_str(),
                    "and" | "or" | "but" | "as" | "when" | "while" | "if" | "after" | "before"
                )
        });
        if !leads || run.first - clause > 4 {
            return None;
        }
        let speaker = self.run_speaker(&run)?;
        Some(CueAt { verb: v, speaker: Some(speaker), from: run.first, to: v })
    }

    /// `the campaign manager, Jeff Weaver, said` · `Sanders's spokesman, Michael Briggs,
    /// said`: a description, then the name it describes set off by commas (`open` and `close`)
    /// right before the verb `v`. The name, when the words between the commas are all of a
    /// person's name and what comes before them is a description
    /// ([`names::description_before`]: never another name, as `Clinton, Sanders, said` lists
    /// people).
    fn name_in_apposition(&self, v: usize, open: usize, close: usize) -> Option<CueAt> {
        let toks = self.toks;
        // A participle's subject is its clause's (`… remarks about his rival, Hillary Clinton,
        // saying`): only a finite verb follows its own subject.
        if fold(toks[v].text).ends_with("ing") {
            return None;
        }
        let run = names::run_forward(toks, open + 1)
            .filter(|r| r.first == open + 1 && r.last + 1 == close && !r.possessive)?;
        let speaker = self.run_speaker(&run).filter(|&id| self.people.get(id).kind == Kind::Person)?;
        let sentence = self.sentence_of[v];
        let from = names::description_before(toks, open, |k| self.sentence_of[k] == sentence)?;
        Some(CueAt { verb: v, speaker: Some(speaker), from, to: v })
    }

    /// `From Bush's Facebook post: "…"` · `Clinton's response was: "…"` · `In Clinton's words,
    /// "…"` · `Obama's "if you like your plan" promise`: a person's own words, named by a
    /// possessive and a noun of speech right next to the quote. The possessive is at token `i`.
    /// Only right next to it: nothing but `was`, `read` or punctuation may stand between.
    pub fn possessive_source(&self, i: usize) -> Option<CueAt> {
        const SPEECH: &[&str] = &[
            "words",
            "statement",
            "response",
            "reply",
            "answer",
            "post",
            "tweet",
            "letter",
            "message",
            "remarks",
            "comments",
            "email",
            "speech",
            "slogan",
            "motto",
            "mantra",
            "promise",
            "pledge",
            "retort",
            "quip",
            "dictum",
            "op-ed",
            "column",
            "essay",
            "memo",
            "testimony",
        ];
        let toks = self.toks;
        let t = toks[i];
        if !(t.is_word() && names::is_possessive(t.text) && names::is_capitalised(t.text)) {
            return None;
        }
        let mut run = names::run_backward(toks, i).filter(|r| r.possessive)?;
        run.possessive = false;
        let speech = |k: usize| toks.get(k).is_some_and(|n| n.is_word() && SPEECH.contains(&fold(n.text).as_str()));
        let sentence = self.sentence_of[i];
        // `Obama's "…" promise`.
        if toks.get(i + 1).is_some_and(|n| n.is_quote()) && speech(i + 2) {
            let speaker = self.run_speaker(&run)?;
            return Some(CueAt { verb: i, speaker: Some(speaker), from: run.first, to: i + 2 });
        }
        // The object of a preposition is what the source is about (`response to Clinton's
        // speech was: …`); `from` and `in` introduce the source itself (`From Bush's post`).
        let object = run.first > 0
            && toks[run.first - 1].is_word()
            && fold(toks[run.first - 1].text) != "from"
            && PREPOSITIONS.contains(&fold(toks[run.first - 1].text).as_str());
        if object {
            return None;
        }
        // The noun, after at most one word of its own (`Facebook post`, `final tweet`).
        let noun = (i + 1..=i + 2).find(|&k| speech(k))?;
        if noun == i + 2 && !toks[i + 1].is_word() {
            return None;
        }
        // Then the quote, with only a copula or `read` and punctuation between.
        let q = (noun + 1..toks.len().min(noun + 5)).find(|&k| toks[k].is_quote())?;
        let filler = (noun + 1..q).all(|k| {
            let f = toks[k];
            matches!(f.kind, Tok::Punct(':' | ','))
                || f.is_word() && matches!(fold(f.text).as_str(), "was" | "is" | "read" | "reads" | "went" | "goes")
        });
        // A colon, a comma or `read` introduces the words; a bare noun or copula before a quote
        // makes it what is said of the words (`Ginsburg's comments "show bias"`).
        let introduced = (noun + 1..q).any(|k| {
            matches!(toks[k].kind, Tok::Punct(':' | ','))
                || toks[k].is_word() && matches!(fold(toks[k].text).as_str(), "read" | "reads")
        });
        if !filler || !introduced || self.sentence_of[q] != sentence {
            return None;
        }
        let speaker = self.run_speaker(&run)?;
        Some(CueAt { verb: i, speaker: Some(speaker), from: run.first, to: noun })
    }

    /// `according to Kovacs` / `according to the bank`.
    pub fn according_to(&self, i: usize) -> Option<CueAt> {
        let toks = self.toks;
        if !according_to_at(toks, i) {
            return None;
        }
        let first = toks.get(i + 2)?;
        if matches!(fold(first.text).as_str(), "the" | "a" | "an") {
            let head = toks.get(i + 3).filter(|t| t.is_word())?;
            let speaker = if SPOKES.contains(&fold(head.text).as_str()) {
                self.spokes_org(i + 3)
            } else if names::is_org_noun(head.text) {
                self.org_ending_at(i + 3)
            } else {
                self.org_ending_at(self.name_phrase_end(i + 3))
            };
            return Some(CueAt { verb: i, speaker, from: i, to: i + 3 });
        }
        // `according to CNN`: an acronym is no name run, but may be an organisation's name.
        let Some(run) = names::run_forward(toks, i + 2) else {
            let acronym = first.is_word() && names::is_acronym(first.text);
            let speaker = acronym.then(|| self.org_ending_at(i + 2)).flatten()?;
            return Some(CueAt { verb: i, speaker: Some(speaker), from: i, to: i + 2 });
        };
        let speaker = self.run_speaker(&run).or_else(|| self.org_ending_at(run.last));
        Some(CueAt { verb: i, speaker, from: i, to: run.last })
    }
}

/// Nouns for a person news sets as the subject of a cue without naming them (`a spokesman
/// said`, `the candidate added`, `one official told`). Words ending as a person's role does
/// (`-man`, `-woman`, `-person`, `-ist`, `-ian`) count too; see [`head_names_a_person`].
const PERSON_NOUNS: &[&str] = &[
    "official",
    "source",
    "aide",
    "adviser",
    "advisor",
    "candidate",
    "nominee",
    "president",
    "senator",
    "governor",
    "mayor",
    "leader",
    "manager",
    "reporter",
    "user",
    "person",
    "friend",
    "supporter",
    "judge",
    "employee",
    "member",
    "executive",
    "diplomat",
    "lawyer",
    "attorney",
    "officer",
    "director",
    "secretary",
    "minister",
    "spokesperson",
    "representative",
    "staffer",
    "voter",
    "resident",
    "student",
    "teacher",
    "doctor",
    "nurse",
    "neurosurgeon",
    "developer",
    "organizer",
    "organiser",
    "moderator",
    "narrator",
    "insider",
    "mogul",
    "tycoon",
    "magnate",
    "actor",
    "actress",
    "singer",
    "host",
    "writer",
    "author",
    "editor",
    "producer",
    "speechwriter",
    "delegate",
    "protester",
    "protestor",
    "heckler",
    "rival",
    "colleague",
    "partner",
    "child",
    "boy",
    "girl",
    "lady",
    "dad",
    "mom",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "widow",
    "widower",
    "pope",
    "prince",
    "princess",
    "king",
    "queen",
    "admiral",
    "general",
    "chief",
    "front-runner",
    "frontrunner",
    "buyer",
    "seller",
    "owner",
    "founder",
    "worker",
    "veteran",
    "witness",
    "victim",
    "suspect",
    "defendant",
    "plaintiff",
    "prosecutor",
    "investigator",
    "analyst",
    "expert",
    "professor",
    "researcher",
    "economist",
    "pollster",
    "consultant",
    "lawmaker",
    "legislator",
    "congressman",
    "congresswoman",
    "commissioner",
    "sheriff",
    "chair",
    "ceo",
    "coach",
    "player",
    "fan",
    "neighbor",
    "neighbour",
    "relative",
    "cousin",
    "uncle",
    "aunt",
    "grandmother",
    "grandfather",
    "caller",
    "reader",
    "viewer",
    "listener",
    "participant",
    "attendee",
    "volunteer",
    "donor",
    "backer",
    "critic",
    "opponent",
    "challenger",
    "incumbent",
    "ambassador",
    "envoy",
    "negotiator",
    "agent",
    "detective",
    "pastor",
    "priest",
    "rabbi",
    "imam",
    "bishop",
    "clerk",
    "chancellor",
    "premier",
    "monarch",
];

/// Whether the head of a cue's subject (its last word before the verb, past adverbs and
/// auxiliaries) is a noun for a person: `a spokesman`, `the Republican candidate`, `one senior
/// official`, `a political scientist`. A preposition, a relative pronoun, a number, a verb
/// form or a thing (`in states`, `who said`, `five states`, `to put`, `the email goes on to
/// say`) names nobody a later `he` could mean.
pub fn head_names_a_person(subject: &[Token<'_>]) -> bool {
    const AUXILIARIES: &[&str] = &["has", "have", "had", "was", "is", "also", "would", "will", "did", "does"];
    let Some(head) = subject
        .iter()
        .rev()
        .find(|t| t.is_word() && !is_adverb(t.text) && !AUXILIARIES.contains(&fold(t.text).as_str()))
    else {
        return false;
    };
    let h = fold(head.text);
    PERSON_NOUNS.contains(&h.as_str())
        || ["man", "woman", "person", "ist", "ian"].iter().any(|end| h.len() > end.len() + 2 && h.ends_with(end))
}

/// A verb form that cannot be a noun: `said`, `says`, `told`, `warned`, `argues`.
/// `on Tuesday`, `Thursday evening`, `later Thursday` ending at token `end` (exclusive): a time
/// news sets between a subject and its verb (`Priebus on Thursday told`); its first token.
fn day_before(toks: &[Token<'_>], end: usize) -> Option<usize> {
    let word = |k: usize| Some(toks[k]).filter(|t| t.is_word()).map(|t| fold(t.text));
    let mut k = end.checked_sub(1)?;
    if word(k).is_some_and(|w| matches!(w.as_str(), "morning" | "afternoon" | "evening" | "night")) {
        k = k.checked_sub(1)?;
    }
    let day = word(k)?;
    if !matches!(day.as_str(), "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday") {
        return None;
    }
    Some(if k > 0 && word(k - 1).is_some_and(|w| w == "on") { k - 1 } else { k })
}

/// The token after a day set right at `at` (`on Thursday`, `Friday night`), or `at` itself.
fn day_after(toks: &[Token<'_>], at: usize) -> usize {
    let is =
        |k: usize, words: &[&str]| toks.get(k).is_some_and(|t| t.is_word() && words.contains(&fold(t.text).as_str()));
    const DAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    let mut k = at;
    if is(k, &["on"]) && is(k + 1, DAYS) {
        k += 1;
    }
    if !is(k, DAYS) {
        return at;
    }
    k += 1;
    if is(k, &["morning", "afternoon", "evening", "night"]) {
        k += 1;
    }
    k
}

/// A quotation whose last character inside its marks is a comma (`"New York values,"`): a
/// comma of the sentence around it, set inside the marks as American style does.
fn quote_ends_in_comma(t: Token<'_>) -> bool {
    t.is_quote() && t.text.trim_end().trim_end_matches(['"', '\u{201d}']).trim_end().ends_with(',')
}

/// Common irregular past tenses (`took`, `made`, `went`): a verb after a subject as surely as
/// a form in `-ed`.
fn is_irregular_past(word: &str) -> bool {
    matches!(
        word,
        "took"
            | "made"
            | "gave"
            | "went"
            | "came"
            | "got"
            | "sent"
            | "brought"
            | "held"
            | "left"
            | "kept"
            | "found"
            | "saw"
            | "stood"
            | "began"
            | "became"
            | "met"
            | "won"
            | "lost"
            | "paid"
            | "led"
            | "ran"
            | "spent"
            | "struck"
            | "threw"
            | "drew"
            | "broke"
            | "chose"
            | "hit"
            | "set"
            | "shot"
            | "sought"
            | "fought"
            | "felt"
            | "knew"
            | "thought"
            | "heard"
            | "meant"
            | "rose"
            | "fell"
            | "sat"
            | "wore"
            | "did"
    )
}

/// `Rubio will continue to be "a champion"`, `Smith was asked to explain`: these verbs
/// before `to` and a verb report nothing; what follows is not their subject's words.
fn controls_an_infinitive(toks: &[Token<'_>], v: usize) -> bool {
    let control =
        matches!(fold(toks[v].text).as_str(), "continue" | "continues" | "continued" | "ask" | "asks" | "asked");
    let infinitive = toks.get(v + 1).is_some_and(|t| t.is_word() && t.text == "to")
        && toks.get(v + 2).is_some_and(|t| {
            t.is_word()
                && t.text.chars().next().is_some_and(char::is_lowercase)
                && !matches!(t.text, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your")
        });
    control && infinitive
}

/// `in a heavily Democratic state.`, `on a conference call, …`: the bare form of a verb a few
/// words after `a` or `an` (a singular subject there would take `states`, `calls`), ending its
/// phrase (a stop, a comma or a preposition follows, where a verb would have its object), is a
/// noun, not a cue.
fn noun_after_indefinite_article(toks: &[Token<'_>], v: usize) -> bool {
    let verb = toks[v].text;
    let bare = !is_inflected(verb) && !verb.ends_with("ing") && !is_irregular_past(verb);
    let after_article = (v.saturating_sub(4)..v)
        .rev()
        .map(|k| toks[k])
        .take_while(|t| {
            t.is_word()
                && !matches!(
                    fold(t.text).as_str(),
                    "to" | "will"
                        | "would"
                        | "can"
                        | "could"
                        | "may"
                        | "might"
                        | "must"
                        | "should"
                        | "did"
                        | "does"
                        | "do"
                )
        })
        .any(|t| matches!(fold(t.text).as_str(), "a" | "an"));
    let ends_phrase = toks.get(v + 1).is_none_or(|n| {
        matches!(n.kind, Tok::Punct('.' | ',' | ';' | ')'))
            || n.is_word() && (PREPOSITIONS.contains(&fold(n.text).as_str()) || matches!(n.text, "in" | "and" | "or"))
    });
    bare && after_article && ends_phrase
}

/// `Speaking in Salem, New Hampshire, Trump went after Bush`: the state (or country) news sets
/// after a town, between commas, ends the opening phrase; the clause starts after it, at the
/// next capitalised word. `s` is the token after the phrase's first comma, `v` the verb.
fn past_place(toks: &[Token<'_>], s: usize, v: usize) -> usize {
    let mut s = s;
    for _ in 0..2 {
        let Some(run) = names::run_forward(toks, s).filter(|r| r.first == s && !r.possessive) else { break };
        let comma = run.last + 1;
        let next_is_name = toks.get(comma + 1).is_some_and(|t| t.is_word() && is_name_word(t.text));
        if comma + 1 < v && toks[comma].kind == Tok::Punct(',') && next_is_name {
            s = comma + 1;
        } else {
            break;
        }
    }
    s
}

/// `put forward by`, `asked by`, `described by`: the verb at `v` is a passive participle whose
/// agent follows `by` (past a particle); the token of the `by`.
fn passive_by(toks: &[Token<'_>], v: usize) -> Option<usize> {
    let past = is_inflected(toks[v].text) && fold(toks[v].text).ends_with("ed")
        || matches!(fold(toks[v].text).as_str(), "put" | "told");
    if !past {
        return None;
    }
    let mut k = v + 1;
    if toks.get(k).is_some_and(|t| t.is_word() && matches!(t.text, "forward" | "out" | "up" | "down" | "back" | "off"))
    {
        k += 1;
    }
    toks.get(k).is_some_and(|t| t.is_word() && t.text == "by").then_some(k)
}

pub(crate) fn is_inflected(verb: &str) -> bool {
    let v = fold(verb);
    matches!(v.as_str(), "said" | "told" | "wrote" | "put")
        || v.ends_with("ed")
        || (v.ends_with('s') && !v.ends_with("ss"))
}

/// The people a name run may refer to: `Mr. Obama` is never a woman the corpus knows as
/// `Michelle Obama`, nor `Mrs. Clinton` a man.
pub fn run_candidates(people: &People, run: &NameRun) -> Vec<PersonId> {
    let mut cands = people.candidates(&run.words);
    // `Sir John`, `Dame Judi`: a knight or dame is called by title and given name, so the
    // words may name `Sir John Stevens` (the discourse then picks the one the article named).
    let knighted = run.honorific.as_deref().is_some_and(|h| matches!(fold(h).as_str(), "sir" | "dame"));
    if let (true, [given]) = (knighted, run.words.as_slice()) {
        let given = fold(given);
        if names::gender_of_word(&given).is_some() {
            let first = people.with_word(&given).iter().copied().filter(|&id| {
                let p = people.get(id);
                p.kind == Kind::Person && p.words.len() > 1 && p.words[0] == given
            });
            let first: Vec<PersonId> = first.collect();
            if !first.is_empty() {
                cands = first;
            }
        }
    }
    if let Some(g) = run.honorific.as_deref().and_then(names::gender_of_word) {
        cands.retain(|&id| people.get(id).gender.is_none_or(|pg| pg == g));
    }
    cands
}

/// Whether token `i` starts a sentence.
pub fn starts_sentence(sentence_of: &[usize], i: usize) -> bool {
    i == 0 || sentence_of[i - 1] != sentence_of[i]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::lexer::{segments, tokens};
    use crate::text::Span;

    /// The tokens of `t`.
    fn toks(t: &str) -> Vec<Token<'_>> {
        let span = Span::new(0, t.len());
        let segs: Vec<_> = segments(t, span, 0).into_iter().enumerate().collect();
        tokens(t, span, &segs)
    }

    #[test]
    fn a_spokesman_or_a_political_scientist_is_an_unnamed_person() {
        assert!(head_names_a_person(&toks("a spokesman")));
        assert!(head_names_a_person(&toks("the Republican candidate has")));
        assert!(head_names_a_person(&toks("a political scientist")));
        assert!(head_names_a_person(&toks("one senior official also")));
    }

    #[test]
    fn a_preposition_a_number_or_a_thing_before_a_cue_names_nobody() {
        assert!(!head_names_a_person(&toks("in")));
        assert!(!head_names_a_person(&toks("five")));
        assert!(!head_names_a_person(&toks("who")));
        assert!(!head_names_a_person(&toks("Clinton is likely to")));
        assert!(!head_names_a_person(&toks("the email goes on to")));
        assert!(!head_names_a_person(&toks("a statement")));
    }

    #[test]
    fn a_false_nominal_subject_leaves_the_last_speaker_for_he() {
        let mut people = People::default();
        let rendell = people.add(&["Ed".to_string(), "Rendell".to_string()]).unwrap();
        people.set_gender(rendell, Gender::Male);
        let mut d = Discourse { para: 1, ..Default::default() };
        d.mention(rendell, true);
        d.nominal_speaker(&toks("Clinton is likely to"));
        d.para = 2;
        assert_eq!(d.resolve_pronoun(&people, Pronoun::He, &[]), Some(rendell));
        d.nominal_speaker(&toks("a spokesman"));
        assert_eq!(d.resolve_pronoun(&people, Pronoun::He, &[]), None);
    }

    fn person(people: &mut People, first: &str, last: &str, g: Gender) -> PersonId {
        let id = people.add(&[first.to_string(), last.to_string()]).unwrap();
        people.set_gender(id, g);
        id
    }

    #[test]
    fn he_after_a_paragraph_naming_one_man_only_as_an_object_is_that_man() {
        let mut people = People::default();
        let clinton = person(&mut people, "Hillary", "Clinton", Gender::Female);
        let nakagiri = person(&mut people, "Wes", "Nakagiri", Gender::Male);
        let mut d = Discourse { para: 1, ..Default::default() };
        d.mention(clinton, true);
        d.mention(nakagiri, false);
        d.para = 2;
        assert_eq!(d.resolve_pronoun(&people, Pronoun::He, &[]), Some(nakagiri));
    }

    #[test]
    fn he_after_a_paragraph_naming_two_men_as_objects_is_nobody() {
        let mut people = People::default();
        let clinton = person(&mut people, "Hillary", "Clinton", Gender::Female);
        let crespo = person(&mut people, "Henry", "Crespo", Gender::Male);
        let obama = person(&mut people, "Barack", "Obama", Gender::Male);
        let mut d = Discourse { para: 1, ..Default::default() };
        d.mention(obama, false);
        d.mention(clinton, false);
        d.mention(crespo, false);
        d.para = 2;
        assert_eq!(d.resolve_pronoun(&people, Pronoun::He, &[]), None);
    }

    #[test]
    fn a_pronoun_whose_clause_names_the_only_candidates_finds_no_one_in_the_paragraph_before() {
        let mut people = People::default();
        let trump = person(&mut people, "Donald", "Trump", Gender::Male);
        let shays = person(&mut people, "Chris", "Shays", Gender::Male);
        let mut d = Discourse { para: 1, ..Default::default() };
        d.mention(trump, false);
        d.para = 2;
        d.mention(shays, true);
        assert_eq!(d.resolve_pronoun_except(&people, Pronoun::He, &[], &[shays]), None);
    }
}
