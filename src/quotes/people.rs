//! People the corpus names, each with one canonical name (the longest form seen: `Alexander
//! Gabuev`), the words that refer to them (`Gabuev`, `gabuev`), and descriptors taken from
//! appositions and titles (`director of the Carnegie Russia Eurasia Center`, `Rand`).

use serde::Serialize;

use crate::text::{close_enough, fold, Span};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Descriptor {
    pub text: String,
    pub article: String,
    /// The sentence the descriptor was read from.
    pub sentence: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub name: String,
    /// Folded name words (`["alexander", "gabuev"]`).
    pub words: Vec<String>,
    pub descriptors: Vec<Descriptor>,
}

impl Person {
    /// The word people use alone for this person: the family name. Chinese names put it first
    /// (`Xi Jinping`, `Wan Qingsong`), which the corpus shows by using that word alone.
    pub fn surname(&self) -> &str {
        self.words.last().map(String::as_str).unwrap_or("")
    }
}

pub type PersonId = usize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct People {
    list: Vec<Person>,
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
    pub fn all(&self) -> &[Person] {
        &self.list
    }

    pub fn get(&self, id: PersonId) -> &Person {
        &self.list[id]
    }

    pub fn by_name(&self, name: &str) -> Option<PersonId> {
        let f = fold(name);
        self.list.iter().position(|p| fold(&p.name) == f)
    }

    /// Registers a full name (two words or more); returns the person's id.
    pub fn add(&mut self, words: &[String]) -> Option<PersonId> {
        if words.len() < 2 {
            return None;
        }
        let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
        if let Some(i) = self.list.iter().position(|p| p.words == folded) {
            return Some(i);
        }
        // A longer form of a known person (`Mary Louise Kelly` after `Louise Kelly`) replaces it.
        if let Some(i) = self.list.iter().position(|p| folded.ends_with(&p.words) || p.words.ends_with(&folded)) {
            if folded.len() > self.list[i].words.len() {
                self.list[i].words = folded;
                self.list[i].name = words.join(" ");
            }
            return Some(i);
        }
        self.list.push(Person { name: words.join(" "), words: folded, descriptors: Vec::new() });
        Some(self.list.len() - 1)
    }

    pub fn describe(&mut self, id: PersonId, text: &str, article: &str, sentence: Span) {
        let text = text.trim().trim_end_matches([',', '.', ';']).trim();
        if text.is_empty() || text.len() > 200 {
            return;
        }
        let p = &mut self.list[id];
        if !p.descriptors.iter().any(|d| fold(&d.text) == fold(text)) {
            p.descriptors.push(Descriptor { text: text.to_string(), article: article.to_string(), sentence });
        }
    }

    /// The people a run of name words may refer to: an exact full name, or people who have
    /// the run's last word among their name words.
    pub fn candidates(&self, words: &[String]) -> Vec<PersonId> {
        let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
        if let Some(i) = self.list.iter().position(|p| p.words == folded) {
            return vec![i];
        }
        let Some(last) = folded.last() else { return Vec::new() };
        let mut out: Vec<PersonId> =
            (0..self.list.len()).filter(|&i| self.list[i].words.iter().any(|w| w == last)).collect();
        if folded.len() > 1 {
            // Every given word must fit: `Antony Blinken` never matches a `Tony Blair`.
            out.retain(|&i| folded.iter().all(|w| self.list[i].words.contains(w)));
        }
        out
    }

    /// People a question's words name, tolerating case and small typos; each with the number
    /// of edits it took (0 = exact).
    pub fn find_in_words(&self, words: &[String]) -> Vec<(PersonId, usize)> {
        let mut out: Vec<(PersonId, usize)> = Vec::new();
        for (i, p) in self.list.iter().enumerate() {
            let mut best: Option<usize> = None;
            for w in words {
                // Exact on any name word; fuzzy only on the family name and only for longer
                // words, so that `many` never finds `Mary`.
                let d = if p.words.iter().any(|pw| pw == w) {
                    Some(0)
                } else if w.chars().count() >= 5 && close_enough(w, p.surname()) {
                    Some(crate::text::edit_distance(w, p.surname()))
                } else {
                    None
                };
                if let Some(d) = d {
                    best = Some(best.map_or(d, |b: usize| b.min(d)));
                }
            }
            if let Some(d) = best {
                out.push((i, d));
            }
        }
        // Prefer exact matches: if any word matched exactly, drop fuzzy ones on that word.
        if out.iter().any(|(_, d)| *d == 0) {
            out.retain(|(_, d)| *d == 0);
        }
        out
    }
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
    }

    #[test]
    fn typed_names_with_typos_find_the_person() {
        let mut p = People::default();
        let g = p.add(&w("Alexander Gabuev")).unwrap();
        assert_eq!(p.find_in_words(&w("what did gabuyev say")), vec![(g, 1)]);
    }

    #[test]
    fn capitals_become_title_case() {
        assert_eq!(title_case("JOHN RUWITCH"), "John Ruwitch");
    }
}
