//! People and organisations the corpus names, each with one canonical name (the longest form
//! seen: `Alexander Gabuev`), the words that refer to them (`Gabuev`, `gabuev`), what is known of
//! their grammatical gender (for `he`/`she`), aliases an article spells out (`Royal Academy of
//! Dance (RAD)`), and descriptors taken from appositions and titles (`director of the Carnegie
//! Russia Eurasia Center`, `Rand`). Look-ups go through hash maps, so registering and resolving
//! cost the same on four articles as on a hundred thousand.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::text::{close_enough, fold, Span};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Descriptor {
    pub text: String,
    pub article: String,
    /// The sentence the descriptor was read from.
    pub sentence: Span,
}

/// Whether a speaker is one human being or a body that speaks through statements and spokespeople.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    #[default]
    Person,
    Organisation,
}

/// Grammatical gender as the text shows it (a title, a known first name, a kinship word).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Male,
    Female,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    /// Folded name words (`["alexander", "gabuev"]`).
    pub words: Vec<String>,
    pub descriptors: Vec<Descriptor>,
    pub kind: Kind,
    pub gender: Option<Gender>,
    /// Other folded forms that name the same speaker (`rad` for the Royal Academy of Dance).
    pub aliases: Vec<String>,
}

impl Person {
    /// The name an answer shows: an organisation with the acronym its article calls it by
    /// (`International Monetary Fund (IMF)`), so a reader who saw `the IMF said` knows it.
    pub fn display_name(&self) -> String {
        match self.aliases.iter().find(|a| (2..=6).contains(&a.len()) && a.chars().all(|c| c.is_ascii_lowercase())) {
            Some(a) if self.kind == Kind::Organisation => format!("{} ({})", self.name, a.to_ascii_uppercase()),
            _ => self.name.clone(),
        }
    }

    /// An organisation's initials (see [`super::names::initials`]), whether or not an article
    /// writes them; `None` for a person.
    pub fn initials(&self) -> Option<String> {
        let words: Vec<String> = self.name.split(' ').map(String::from).collect();
        (self.kind == Kind::Organisation).then(|| super::names::initials(&words)).flatten()
    }

    /// Whether `words` name this organisation in full: an alias of it (`the RAD`) or all its
    /// words (`the royal academy of dance`), not one of them alone.
    pub fn named_in_full_by(&self, words: &[String]) -> bool {
        self.aliases.iter().any(|a| words.contains(a))
            || self
                .words
                .iter()
                .filter(|w| !crate::quotes::names::is_name_connector(w) && *w != "the")
                .all(|w| words.contains(w))
    }

    /// The word people use alone for this person: the family name. Chinese names put it first
    /// (`Xi Jinping`, `Wan Qingsong`), which the corpus shows by using that word alone.
    pub fn surname(&self) -> &str {
        self.words.last().map(String::as_str).unwrap_or("")
    }

    /// A name of one word, bare or after an honorific (`DuVernay`, `Mr Obama`): the form an
    /// article uses when it never gives the name in full. Which person it means is settled
    /// in that article only.
    pub fn is_local_form(&self) -> bool {
        self.kind == Kind::Person
            && (self.words.len() == 1 || self.words.len() == 2 && crate::quotes::names::is_honorific(&self.words[0]))
    }
}

pub type PersonId = usize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct People {
    list: Vec<Person>,
    /// Full folded name (words joined by spaces) → id.
    #[serde(skip)]
    by_full: HashMap<String, PersonId>,
    /// Folded name word or alias → ids that have it.
    #[serde(skip)]
    by_word: HashMap<String, Vec<PersonId>>,
    /// Descriptors added since the last [`People::take_described`]: (person, descriptor index).
    #[serde(skip)]
    described: Vec<(PersonId, usize)>,
}

/// Title-cases a name written in capitals (`JOHN RUWITCH` → `John Ruwitch`).
pub fn title_case(name: &str) -> String {
    name.split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            let mut c = lower.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl People {
    /// A registry from stored people, in id order (the indices are rebuilt).
    pub fn from_list(list: Vec<Person>) -> People {
        let mut p = People { list, by_full: HashMap::new(), by_word: HashMap::new(), described: Vec::new() };
        for id in 0..p.list.len() {
            p.index_words(id);
        }
        p
    }

    pub fn all(&self) -> &[Person] {
        &self.list
    }

    pub fn get(&self, id: PersonId) -> &Person {
        &self.list[id]
    }

    /// The people (and organisations) that have `word` (folded) among their name words or aliases.
    pub fn with_word(&self, word: &str) -> &[PersonId] {
        self.by_word.get(word).map_or(&[], Vec::as_slice)
    }

    pub fn by_name(&self, name: &str) -> Option<PersonId> {
        let f: Vec<String> = name.split_whitespace().map(fold).collect();
        self.by_full.get(&f.join(" ")).copied()
    }

    fn index_words(&mut self, id: PersonId) {
        let words: Vec<String> = self.list[id].words.iter().chain(&self.list[id].aliases).cloned().collect();
        for w in words {
            let ids = self.by_word.entry(w).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        self.by_full.insert(self.list[id].words.join(" "), id);
    }

    /// Registers a full name (two words or more); returns the person's id.
    pub fn add(&mut self, words: &[String]) -> Option<PersonId> {
        self.add_kind(words, Kind::Person)
    }

    /// Registers a name of the given kind. A person needs two words or more (a first name and
    /// a family name, or an honorific and a family name); an organisation may have one.
    pub fn add_kind(&mut self, words: &[String], kind: Kind) -> Option<PersonId> {
        if words.is_empty() || (kind == Kind::Person && words.len() < 2) {
            return None;
        }
        let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
        if let Some(&i) = self.by_full.get(&folded.join(" ")) {
            return Some(i);
        }
        // A longer form of a known person (`Mary Louise Kelly` after `Louise Kelly`) replaces it.
        if kind == Kind::Person {
            let last = folded.last().cloned().unwrap_or_default();
            let same_tail = self.by_word.get(&last).and_then(|ids| {
                ids.iter().copied().find(|&i| {
                    let p = &self.list[i];
                    p.kind == Kind::Person && (folded.ends_with(&p.words) || p.words.ends_with(&folded))
                })
            });
            if let Some(i) = same_tail {
                if folded.len() > self.list[i].words.len() {
                    self.by_full.remove(&self.list[i].words.join(" "));
                    self.list[i].words = folded;
                    self.list[i].name = words.join(" ");
                    self.index_words(i);
                }
                return Some(i);
            }
        }
        self.list.push(Person {
            name: words.join(" "),
            words: folded,
            descriptors: Vec::new(),
            kind,
            gender: None,
            aliases: Vec::new(),
        });
        let id = self.list.len() - 1;
        self.index_words(id);
        Some(id)
    }

    /// Registers a person an article names by one word only (`DuVernay said`), under that
    /// word. Unlike [`People::add`], no longer name is merged into it: the article that uses
    /// the word decides whether it means someone named in full elsewhere.
    pub fn add_single(&mut self, word: &str) -> PersonId {
        let f = fold(word);
        if let Some(&i) = self.by_full.get(&f) {
            return i;
        }
        self.list.push(Person {
            name: word.to_string(),
            words: vec![f],
            descriptors: Vec::new(),
            kind: Kind::Person,
            gender: None,
            aliases: Vec::new(),
        });
        let id = self.list.len() - 1;
        self.index_words(id);
        id
    }

    /// Records a gender the text shows; a conflicting second reading makes it unknown again,
    /// since a wrong `he`/`she` link is worse than none.
    pub fn set_gender(&mut self, id: PersonId, g: Gender) {
        let p = &mut self.list[id];
        if p.kind != Kind::Person {
            return;
        }
        p.gender = match p.gender {
            None => Some(g),
            Some(old) if old == g => Some(g),
            Some(_) => None,
        };
    }

    /// Another name for the same speaker (an acronym the article spells out).
    pub fn alias(&mut self, id: PersonId, alias: &str) {
        let a = fold(alias);
        if a.is_empty() || self.list[id].aliases.contains(&a) {
            return;
        }
        self.list[id].aliases.push(a);
        self.index_words(id);
    }

    pub fn describe(&mut self, id: PersonId, text: &str, article: &str, sentence: Span) {
        let text = text.trim().trim_end_matches([',', '.', ';']).trim();
        if text.is_empty() || text.len() > 200 {
            return;
        }
        let p = &mut self.list[id];
        if !p.descriptors.iter().any(|d| fold(&d.text) == fold(text)) {
            p.descriptors.push(Descriptor { text: text.to_string(), article: article.to_string(), sentence });
            self.described.push((id, p.descriptors.len() - 1));
        }
    }

    /// The descriptors added since the last call, as (person, descriptor index): the store
    /// keeps the sentence each was read from while its article is at hand.
    pub fn take_described(&mut self) -> Vec<(PersonId, usize)> {
        std::mem::take(&mut self.described)
    }

    /// The speakers a run of name words may refer to: an exact full name, or those who have
    /// the run's last word among their name words (or aliases).
    pub fn candidates(&self, words: &[String]) -> Vec<PersonId> {
        let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
        // A full name is exact; one word may name a one-word person and others with that word.
        if let Some(&i) = self.by_full.get(&folded.join(" ")).filter(|_| folded.len() > 1) {
            return vec![i];
        }
        let Some(last) = folded.last() else { return Vec::new() };
        let mut out: Vec<PersonId> = self.by_word.get(last).cloned().unwrap_or_default();
        if folded.len() == 1 {
            // A word alone names a person by the family name (`Gabuev`), or by a name that is
            // not a common given name (`Xi` of `Xi Jinping`); `Ronald` alone is not Ronald Reagan.
            let given = crate::quotes::names::gender_of_word(last).is_some();
            out.retain(|&i| {
                let p = &self.list[i];
                p.aliases.contains(last)
                    || p.words.len() == 1 && p.words[0] == *last
                    || p.kind == Kind::Person && (p.words.last() == Some(last) || !given)
            });
            // Someone whose full name ends in the word (`Barack Obama`) is meant before
            // someone with it inside a longer name (`Obama Speech` read off a caption).
            let family = |i: &PersonId| {
                let p = &self.list[*i];
                p.kind == Kind::Person && p.words.len() > 1 && p.words.last() == Some(last)
            };
            if out.iter().any(family) {
                out.retain(|i| {
                    let p = &self.list[*i];
                    family(i) || p.kind != Kind::Person || p.words.len() == 1 || p.aliases.contains(last)
                });
            }
        }
        if folded.len() > 1 {
            // Every given word must fit: `Antony Blinken` never matches a `Tony Blair`.
            out.retain(|&i| folded.iter().all(|w| self.list[i].words.contains(w) || self.list[i].aliases.contains(w)));
        }
        out
    }
}

/// Looking people up by the words a question uses: the in-memory [`People`] while indexing and
/// in tests, the stored registry (through the index) when answering, so that a question never
/// loads or scans every person the corpus names.
pub trait Registry {
    /// The person with this id.
    fn person(&self, id: PersonId) -> Option<Person>;
    /// Ids of those with `word` (folded) among their name words or aliases.
    fn named(&self, word: &str) -> Vec<PersonId>;
    /// Ids of those whose family name is at most `distance` edits from `word` (a swap of two
    /// neighbouring letters is one edit); a superset is fine, callers compare exactly.
    fn near(&self, word: &str, distance: u8) -> Vec<PersonId>;
    /// Ids of those with `word` among their [`Person::description_words`], or with one
    /// starting with it (`prefix`).
    fn described(&self, word: &str, prefix: bool) -> Vec<PersonId>;
    /// Ids of organisations whose name's initials (see [`super::names::initials`]) are `word`
    /// (folded): what a question's `the ICC` may mean where the articles write the name out.
    fn abbreviated(&self, word: &str) -> Vec<PersonId>;
}

impl Person {
    /// The words a description of this person is matched against (`the Rand expert`): the
    /// name words, then the words of every descriptor (hyphenated ones in their parts).
    pub fn description_words(&self) -> Vec<String> {
        let mut pool: Vec<String> = self.words.clone();
        for d in &self.descriptors {
            pool.extend(crate::text::all_words(&fold(&d.text)));
        }
        pool
    }
}

impl Registry for People {
    fn person(&self, id: PersonId) -> Option<Person> {
        self.list.get(id).cloned()
    }

    fn named(&self, word: &str) -> Vec<PersonId> {
        self.with_word(word).to_vec()
    }

    fn near(&self, word: &str, distance: u8) -> Vec<PersonId> {
        (0..self.list.len())
            .filter(|&i| crate::text::edit_distance(word, self.list[i].surname()) <= distance as usize)
            .collect()
    }

    fn described(&self, word: &str, prefix: bool) -> Vec<PersonId> {
        (0..self.list.len())
            .filter(|&i| {
                self.list[i].description_words().iter().any(|w| if prefix { w.starts_with(word) } else { w == word })
            })
            .collect()
    }

    fn abbreviated(&self, word: &str) -> Vec<PersonId> {
        (0..self.list.len()).filter(|&i| self.list[i].initials().as_deref() == Some(word)).collect()
    }
}

/// People a question's words name, tolerating case and small typos; each with the number of
/// edits it took (0 = exact), in registry order. Exact names come from the word index; only
/// when no word names anyone exactly are family names compared for typos.
pub fn find_in_words(reg: &dyn Registry, words: &[String]) -> Vec<(PersonId, usize)> {
    let mut ids: Vec<PersonId> = words.iter().flat_map(|w| reg.named(w)).collect();
    ids.sort_unstable();
    ids.dedup();
    // Each one named, and whether a person named by another word than the family name:
    // `Some(true)` yields, `Some(false)` is named by it, `None` is an organisation.
    let mut found: Vec<(PersonId, Option<bool>)> = Vec::new();
    // `what did the Sentinel say`: the word ending an organisation's name, when nothing else
    // names anyone exactly, names it before a name a typo away does (`watch` is Judicial Watch,
    // not Jeff Patch). Not a place's or an institution's word (`china`, `bank`): many names
    // end in those; nor the last word of a name joined by `of` or `for` (`University of North
    // Carolina`, `Club for Growth`), which names what the organisation is of, not itself.
    let heads: Vec<(PersonId, usize)> = ids
        .iter()
        .filter(|&&i| {
            reg.person(i).is_some_and(|p| {
                p.kind == Kind::Organisation
                    && p.words.len() > 1
                    && !p.words.iter().any(|w| crate::quotes::names::is_name_connector(w))
                    && p.words.last().is_some_and(|h| {
                        words.contains(h)
                            && !crate::quotes::names::is_org_word(h)
                            && !crate::quotes::names::is_institution_word(h)
                    })
            })
        })
        .map(|&i| (i, 0))
        .collect();
    for i in ids {
        let Some(p) = reg.person(i) else { continue };
        let named = if p.kind == Kind::Organisation {
            // An organisation is named by all its words (`the royal academy of dance`), an
            // alias (`the RAD`), or the institution word that ends its name, as news refers
            // back to it (`the Post` for the New York Post, `the council`); another of its
            // words alone (`the Brookings analyst`) describes someone else.
            p.named_in_full_by(words)
                || p.words.len() > 1
                    && p.words.last().is_some_and(|h| crate::quotes::names::is_institution_word(h) && words.contains(h))
        } else {
            p.words.iter().any(|pw| words.contains(pw))
        };
        if named {
            let yields = (p.kind == Kind::Person).then(|| !words.iter().any(|w| w == p.surname()));
            found.push((i, yields));
        }
    }
    // A word alone names a person by the family name: `Ryan` is Paul Ryan before Ryan Williams,
    // `Dean` Howard Dean before Dean Baker. Persons named only by another word yield to them.
    let by_surname = found.iter().any(|&(_, yields)| yields == Some(false));
    let mut out: Vec<(PersonId, usize)> =
        found.into_iter().filter(|&(_, yields)| !(by_surname && yields == Some(true))).map(|(i, _)| (i, 0)).collect();
    if !out.is_empty() {
        return out;
    }
    if !heads.is_empty() {
        return heads;
    }
    // Fuzzy only on the family name and only for longer words, so that `many` never finds
    // `Mary`. Candidates come from the registry within the edits `close_enough` allows a word
    // of its length (one up to six letters, two beyond: the shorter of two words sets it, so a
    // typed word's own length bounds it, and one edit is a far smaller search of the names);
    // each is then compared exactly.
    let long: Vec<&String> = words.iter().filter(|w| w.chars().count() >= 5).collect();
    let edits = |w: &str| if w.chars().count() <= 6 { 1 } else { 2 };
    let mut ids: Vec<PersonId> = long.iter().flat_map(|w| reg.near(w, edits(w))).collect();
    ids.sort_unstable();
    ids.dedup();
    for i in ids {
        let Some(p) = reg.person(i).filter(|p| p.kind == Kind::Person) else { continue };
        let best = long
            .iter()
            .filter(|w| close_enough(w, p.surname()))
            .map(|w| crate::text::edit_distance(w, p.surname()))
            .min();
        if let Some(d) = best {
            out.push((i, d));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn a_surname_resolves_to_the_full_name() {
        let mut p = People::default();
        let g = p.add(&w("Alexander Gabuev")).unwrap();
        p.add(&w("Xi Jinping")).unwrap();
        assert_eq!(p.candidates(&w("Gabuev")), vec![g]);
        assert_eq!(p.get(p.candidates(&w("Xi"))[0]).name, "Xi Jinping");
        assert!(p.candidates(&w("China")).is_empty());
        let caption = p.add(&w("Obama Speech")).unwrap();
        assert_eq!(p.candidates(&w("Obama")), vec![caption], "the only one with the word");
        let obama = p.add(&w("Barack Obama")).unwrap();
        assert_eq!(p.candidates(&w("Obama")), vec![obama], "the family name first");
    }

    #[test]
    fn typed_names_with_typos_find_the_person() {
        let mut p = People::default();
        let g = p.add(&w("Alexander Gabuev")).unwrap();
        assert_eq!(find_in_words(&p, &w("what did gabuyev say")), vec![(g, 1)]);
    }

    #[test]
    fn an_organisation_is_named_by_all_its_words_or_the_institution_word_ending_it() {
        let mut p = People::default();
        let post = p.add_kind(&w("New York Post"), Kind::Organisation).unwrap();
        let brookings = p.add_kind(&w("Brookings Institution"), Kind::Organisation).unwrap();
        assert_eq!(find_in_words(&p, &w("what did the post say")), vec![(post, 0)]);
        assert_eq!(find_in_words(&p, &w("what did new york post say")), vec![(post, 0)]);
        assert!(find_in_words(&p, &w("what did the york analyst say")).is_empty());
        assert!(find_in_words(&p, &w("what did the brookings analyst say")).is_empty());
        assert_eq!(find_in_words(&p, &w("what did the brookings institution say")), vec![(brookings, 0)]);
    }

    #[test]
    fn the_word_ending_an_organisations_name_names_it_before_a_name_a_typo_away() {
        let mut p = People::default();
        let watch = p.add_kind(&w("Judicial Watch"), Kind::Organisation).unwrap();
        let patch = p.add(&w("Jeff Patch")).unwrap();
        p.add_kind(&w("Bank of China"), Kind::Organisation).unwrap();
        assert_eq!(find_in_words(&p, &w("what did watch say")), vec![(watch, 0)]);
        assert_eq!(find_in_words(&p, &w("what did patch say")), vec![(patch, 0)]);
        assert_eq!(find_in_words(&p, &w("what did pitch say")), vec![(patch, 1)], "a typo still finds the person");
        assert!(find_in_words(&p, &w("what did china say")).is_empty(), "a place ending a name does not name it");
        p.add_kind(&w("University of North Carolina"), Kind::Organisation).unwrap();
        p.add_kind(&w("Club for Growth"), Kind::Organisation).unwrap();
        assert!(find_in_words(&p, &w("what did carolina say")).is_empty(), "what the organisation is of");
        assert!(find_in_words(&p, &w("what did growth say")).is_empty());
    }

    #[test]
    fn a_word_names_the_person_whose_family_name_it_is_before_one_whose_given_name_it_is() {
        let mut p = People::default();
        let williams = p.add(&w("Ryan Williams")).unwrap();
        let ryan = p.add(&w("Paul Ryan")).unwrap();
        assert_eq!(find_in_words(&p, &w("what did ryan say")), vec![(ryan, 0)]);
        assert_eq!(find_in_words(&p, &w("what did williams say")), vec![(williams, 0)]);
        assert_eq!(find_in_words(&p, &w("what did paul say")), vec![(ryan, 0)]);
    }

    #[test]
    fn capitals_become_title_case() {
        assert_eq!(title_case("JOHN RUWITCH"), "John Ruwitch");
    }
}
