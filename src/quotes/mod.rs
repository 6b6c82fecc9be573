//! Quote extraction and speaker attribution, by rules (see `../shared/notes/quotes-and-dates.md`
//! for the cues). Every [`Quote`] and [`Passage`] is a byte span into its article's text; the
//! speaker is a canonical [`Person`] or `None` when the text gives no reliable cue — an
//! unattributed quote is never shown as anyone's words.

pub mod extract;
pub mod lexer;
pub mod names;
pub mod people;
pub mod report;
pub mod resolve;
pub mod sieves;

use serde::{Deserialize, Serialize};

pub use extract::{attribute_article, extract, register_article, Singles};
pub use people::{find_in_words, Gender, Kind, People, Person, PersonId, Registry};

use crate::text::Span;

/// How a speaker was found, kept for tests and for explaining an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cue {
    /// `"…," said Xi` / `"…," Charap says`.
    After,
    /// `Putin called it a "…"` / `Gabuev said: "…"`.
    Before,
    /// Another sentence of the same paragraph names the speaker (`He noted … "…"`).
    Paragraph,
    /// A quote-only paragraph right after one by the same speaker.
    Continuation,
    /// A transcript turn (`MAYNES: …`).
    Turn,
    /// No cue: the quote is kept but attributed to nobody.
    None,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    pub article: String,
    /// Paragraph index in the article.
    pub paragraph: usize,
    /// What an answer shows: the quote, or for a fragment (`called it a "benchmark"`) its sentence.
    pub span: Span,
    /// The interiors of the quote marks (or the turn's text).
    pub parts: Vec<Span>,
    pub speaker: Option<PersonId>,
    pub cue: Cue,
    pub fragment: bool,
    /// The sieve that decided the speaker (`cue_after_quote`, …), `transcript_turn`, or
    /// `none` when no sieve had an opinion.
    pub rule: &'static str,
    /// The words that decided it (`Mr Dein said`), when there are any.
    pub cue_span: Option<Span>,
}

/// Whose voice a sentence is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Voice {
    /// The reporter's own narration.
    Narration,
    /// Indirect speech: `Gabuev said the war …`.
    Reported(PersonId),
    /// A transcript turn.
    Turn(PersonId),
    /// A section with a named author (`Analysis box by Steve Rosenberg`).
    Section(PersonId),
    /// Inside a direct quotation attributed to this person.
    Quoted(PersonId),
    /// Inside a direct quotation nobody is named for.
    Unattributed,
}

impl Voice {
    pub fn speaker(&self) -> Option<PersonId> {
        match *self {
            Voice::Narration | Voice::Unattributed => None,
            Voice::Reported(p) | Voice::Turn(p) | Voice::Section(p) | Voice::Quoted(p) => Some(p),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Passage {
    pub article: String,
    pub paragraph: usize,
    /// One sentence.
    pub span: Span,
    pub voice: Voice,
}

/// Everything extracted from a corpus.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub people: People,
    pub quotes: Vec<Quote>,
    pub passages: Vec<Passage>,
}
